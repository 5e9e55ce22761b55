using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Recognises 7z archives (signature 37 7A BC AF 27 1C) and tells whether they are encrypted: the end header
/// (found through the 32-byte signature header's NextHeaderOffset/NextHeaderSize) is read, and an AES-256 coder
/// (method id 06 F1 07 01) in it means the archive is password-protected; when the header is an EncodedHeader
/// (first byte 0x17), this is the "encrypted headers" case, where even the file names are hidden. This is a
/// documented heuristic on the header bytes rather than a full 7z parser. The archive's contents are not
/// extracted (no 7z decoder is among the pinned libraries), so an unencrypted 7z is reported as
/// <c>unreadable-attachment</c>, never passed as clean.
/// Memory: only the end header is kept, at most <see cref="MaxHeaderBytes"/>; the data before it is read and discarded.
/// </summary>
public sealed class SevenZipAttachmentReader : AttachmentReader
{
    /// <summary>Largest end header read; larger ones are reported as unreadable.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    private static readonly byte[] Signature = { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C };
    private static readonly byte[] AesCoder = { 0x06, 0xF1, 0x07, 0x01 };

    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        return probe.StartsWith(Signature);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        byte[] start = new byte[32];
        if (ReadFully(content, start, start.Length) < start.Length)
        {
            throw new InvalidDataException("Truncated 7z signature header.");
        }

        ulong nextOffset = BitConverter.ToUInt64(start, 12);
        ulong nextSize = BitConverter.ToUInt64(start, 20);
        if (nextSize == 0 || nextSize > MaxHeaderBytes || nextOffset > (ulong)context.Budget.Limits.MaxExpandedBytes)
        {
            throw new InvalidDataException("7z end header missing or out of range.");
        }

        Skip(content, (long)nextOffset, context.Budget);
        byte[] header = new byte[(int)nextSize];
        if (ReadFully(content, header, header.Length) < header.Length)
        {
            throw new InvalidDataException("Truncated 7z end header.");
        }

        if (header.AsSpan().IndexOf(AesCoder) >= 0)
        {
            context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
            return;
        }

        // Readable, but its files are not extracted here.
        context.Report(FindingKinds.UnreadableAttachment, Confidence.High);
    }

    private static void Skip(Stream content, long count, InspectionBudget budget)
    {
        byte[] scratch = new byte[81920];
        while (count > 0)
        {
            int read = content.Read(scratch, 0, (int)Math.Min(scratch.Length, count));
            if (read == 0)
            {
                throw new InvalidDataException("Truncated 7z archive.");
            }

            count -= read;
            budget.CheckTime();
        }
    }

    private static int ReadFully(Stream content, byte[] buffer, int count)
    {
        int total = 0;
        int read;
        while (total < count && (read = content.Read(buffer, total, count - total)) > 0)
        {
            total += read;
        }

        return total;
    }
}
