using System;
using System.IO;
using System.IO.Compression;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads ZIP archives, recognised by their signature whatever their name, with <see cref="ZipArchive"/>.
/// An Open XML package (<c>[Content_Types].xml</c> plus a Word, Excel or PowerPoint main part) is read as a
/// document by <see cref="OpenXmlText"/>; any other archive is opened entry by entry, each entry re-dispatched to
/// the reader list one level deeper. Entries with the encryption flag give an <c>encrypted-attachment</c> finding
/// and are skipped. Every entry's expansion ratio is checked from its declared sizes before it is opened and again
/// as its bytes come out; an entry whose compressed data is larger than its declared size can explain (data hidden
/// past the point where ZipArchive stops inflating) is an inspection limit.
/// Memory: the archive is copied into memory (ZipArchive needs to seek), at most the budget's remaining
/// <see cref="Policy.InspectionLimits.MaxExpandedBytes"/>; entries are streamed, never buffered here.
/// </summary>
public sealed class ZipAttachmentReader : AttachmentReader
{
    private const string SizeMismatch = "An archive entry's declared size does not match its data.";

    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        // Local file header, or the end record of an empty archive.
        return probe.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 }) || probe.StartsWith(new byte[] { 0x50, 0x4B, 0x05, 0x06 });
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using MemoryStream buffer = BoundedBuffer.ReadAll(content, context.Budget);
        ZipDirectory directory = ZipDirectory.Read(buffer.GetBuffer(), (int)buffer.Length);
        if (directory.AnyEncrypted)
        {
            context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
        }

        // Declared sizes first: a bomb that admits to being one is stopped before anything is inflated, and an entry
        // whose sizes contradict each other is hiding data (ZipArchive stops inflating at the declared size).
        foreach (ZipDirectoryEntry entry in directory.Entries)
        {
            if (entry.SizesInconsistent)
            {
                throw new InspectionLimitException(SizeMismatch);
            }

            if (entry.UncompressedSize != 0xFFFFFFFF && entry.CompressedSize != 0xFFFFFFFF)
            {
                context.Budget.CheckRatio(entry.CompressedSize, entry.UncompressedSize);
                CheckInflatesToDeclaredSize(buffer.GetBuffer(), (int)buffer.Length, entry, context.Budget);
            }
        }

        if (OpenXmlText.KindOf(directory) is { } kind && OpenXmlText.TryRead(kind, buffer, directory, context))
        {
            return;
        }

        buffer.Position = 0;
        using var archive = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            context.Budget.CheckTime();
            bool isFolder = entry.FullName.EndsWith("/", StringComparison.Ordinal) && entry.Length == 0;
            if (isFolder || directory.Find(entry.FullName) is { Encrypted: true })
            {
                // Encrypted entries cannot be read without the password; the finding above already says so.
                context.Budget.ChargeEntry();
                continue;
            }

            // ZipArchive's own view of the sizes (it may take them from a ZIP64 extra field the directory scan skipped).
            ZipDirectoryEntry? declared = directory.Find(entry.FullName);
            if (ZipDirectoryEntry.IsInconsistent(declared?.Method ?? 8, entry.CompressedLength, entry.Length))
            {
                throw new InspectionLimitException(SizeMismatch);
            }

            context.Budget.CheckRatio(entry.CompressedLength, entry.Length);
            using var entryStream = new RatioLimitedStream(entry.Open(), entry.CompressedLength, context.Budget);
            context.InspectNested(entry.FullName, entryStream);
        }
    }

    /// <summary>
    /// ZipArchive stops inflating at the declared size, so a deflated entry that declares less than it holds would
    /// hide the rest. Inflate the raw data once into a counter (nothing kept) and compare: more output than declared
    /// is a limit. The ratio check runs on the real output, so a bomb that lies trips it here, early.
    /// </summary>
    private static void CheckInflatesToDeclaredSize(byte[] data, int length, ZipDirectoryEntry entry, InspectionBudget budget)
    {
        int start;
        if (entry.Encrypted || entry.Method != 8 || (start = ZipDirectory.DataStart(data, length, entry)) < 0)
        {
            return;
        }

        byte[] scratch = new byte[64 * 1024];
        long produced = 0;
        using var inflater = new DeflateStream(new MemoryStream(data, start, (int)entry.CompressedSize, writable: false), CompressionMode.Decompress);
        try
        {
            int read;
            while ((read = inflater.Read(scratch, 0, scratch.Length)) > 0)
            {
                produced += read;
                if (produced > entry.UncompressedSize)
                {
                    throw new InspectionLimitException(SizeMismatch);
                }

                budget.CheckRatio(entry.CompressedSize, produced);
                budget.CheckTime();
            }
        }
        catch (InvalidDataException)
        {
            // Corrupt data: ZipArchive reports it when the entry is read.
        }
    }
}
