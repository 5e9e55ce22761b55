using System;
using System.IO;
using SharpCompress.Archives;
using SharpCompress.Archives.SevenZip;
using SharpCompress.Readers;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads 7z archives (signature 37 7A BC AF 27 1C). The end header (found through the 32-byte signature header's
/// NextHeaderOffset/NextHeaderSize) is checked first: an AES-256 coder (method id 06 F1 07 01) in it means the
/// archive is password-protected, and when the header is an EncodedHeader (first byte 0x17) even the file names are
/// hidden; either way this is an <c>encrypted-attachment</c> finding and nothing is extracted. An unencrypted archive
/// is extracted with SharpCompress, each file re-dispatched to the reader list one level deeper as a ZIP entry is;
/// a file that cannot be read is an <c>unreadable-attachment</c> finding and the next file is still read.
/// Limits: more files than <see cref="Policy.InspectionLimits.MaxEntries"/>, or declared sizes that add up to more
/// than the expansion ratio allows for the archive's size or than the expanded-bytes budget has left, are a limit
/// before anything is decompressed (7z decoders stop at the declared sizes, so these bound the work, including for
/// files skipped inside a solid block); each file's output is checked against the ratio again as it comes out.
/// Memory: the archive is copied into memory (the header is at its end), at most the budget's remaining
/// <see cref="Policy.InspectionLimits.MaxExpandedBytes"/>; files are streamed, never buffered here.
/// </summary>
public sealed class SevenZipAttachmentReader : AttachmentReader
{
    /// <summary>Largest end header read; larger ones are reported as unreadable.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    private const int SignatureHeaderLength = 32;

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
        using MemoryStream buffer = BoundedBuffer.ReadAll(content, context.Budget);
        byte[] data = buffer.GetBuffer();
        long length = buffer.Length;
        if (length < SignatureHeaderLength)
        {
            throw new InvalidDataException("Truncated 7z signature header.");
        }

        ulong nextOffset = BitConverter.ToUInt64(data, 12);
        ulong nextSize = BitConverter.ToUInt64(data, 20);
        if (nextSize == 0 || nextSize > MaxHeaderBytes || nextOffset > (ulong)length
            || SignatureHeaderLength + nextOffset + nextSize > (ulong)length)
        {
            throw new InvalidDataException("7z end header missing or out of range.");
        }

        var header = new ReadOnlySpan<byte>(data, SignatureHeaderLength + (int)nextOffset, (int)nextSize);
        if (header.IndexOf(AesCoder) >= 0)
        {
            context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
            return;
        }

        buffer.Position = 0;
        using IArchive archive = SevenZipArchive.OpenArchive(buffer, new ReaderOptions { LeaveStreamOpen = true });
        CheckDeclaredSizes(archive, length, context.Budget);

        bool reportedEncrypted = false;
        using IReader reader = archive.ExtractAllEntries();
        while (reader.MoveToNextEntry())
        {
            context.Budget.CheckTime();
            SharpCompress.Common.IEntry entry = reader.Entry;
            if (entry.IsDirectory || entry.IsEncrypted)
            {
                if (entry.IsEncrypted && !reportedEncrypted)
                {
                    context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
                    reportedEncrypted = true;
                }

                context.Budget.ChargeEntry();
                continue;
            }

            // A file's packed size is not its own in a solid block: the whole archive is the ratio's denominator.
            ZipAttachmentReader.InspectEntry(context, entry.Key ?? string.Empty, length, reader.OpenEntryStream);
        }
    }

    private static void CheckDeclaredSizes(IArchive archive, long archiveLength, InspectionBudget budget)
    {
        long remaining = budget.Limits.MaxExpandedBytes - budget.ExpandedBytes;
        long files = 0;
        long declared = 0;
        foreach (IArchiveEntry entry in archive.Entries)
        {
            if (++files > budget.Limits.MaxEntries)
            {
                throw new InspectionLimitException(FindingReasons.TooManyEntries, $"More than {budget.Limits.MaxEntries} archive entries.");
            }

            long size = Math.Max(0, entry.Size);
            if (size > remaining - declared)
            {
                throw new InspectionLimitException(FindingReasons.ExpandedBytes, $"More than {budget.Limits.MaxExpandedBytes} bytes would have to be expanded.");
            }

            declared += size;
        }

        budget.CheckRatio(archiveLength, declared);
    }
}
