using System;
using System.IO;
using System.IO.Compression;
using SharpCompress.Archives;
using SharpCompress.Common;
using SharpCompress.Readers;
using SharpZipArchive = SharpCompress.Archives.Zip.ZipArchive;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads ZIP archives, recognised by their signature whatever their name.
/// An Open XML package (<c>[Content_Types].xml</c> plus a Word, Excel or PowerPoint main part) is read as a
/// document by <see cref="OpenXmlText"/>; any other archive is opened entry by entry with SharpCompress, which
/// inflates every method in use (stored, deflate, Deflate64, bzip2, LZMA, PPMd, Zstandard), each entry re-dispatched
/// to the reader list one level deeper; an entry that cannot be read is an <c>unreadable-attachment</c> finding and
/// the next entry is still read. Entries are counted from the central directory itself, not from the end record
/// (which can undercount), and more than <see cref="Policy.InspectionLimits.MaxEntries"/> is a limit before anything
/// is inflated. Entries with the encryption flag give an <c>encrypted-attachment</c> finding and are skipped. Every
/// entry's expansion ratio is checked from its declared sizes before it is opened and again as its bytes come out;
/// an entry whose compressed data is larger than its declared size can explain (data a reader stopping at the
/// declared size would never see) is an inspection limit.
/// Memory: the archive is copied into memory (its directory is at the end), at most the budget's remaining
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
        if (directory.Entries.Count > context.Budget.Limits.MaxEntries)
        {
            throw new InspectionLimitException(FindingReasons.TooManyEntries, $"More than {context.Budget.Limits.MaxEntries} archive entries.");
        }

        if (directory.AnyEncrypted)
        {
            context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
        }

        // Declared sizes first: a bomb that admits to being one is stopped before anything is inflated, and an entry
        // whose sizes contradict each other is hiding data (a reader may stop inflating at the declared size).
        foreach (ZipDirectoryEntry entry in directory.Entries)
        {
            if (entry.SizesInconsistent)
            {
                throw new InspectionLimitException(FindingReasons.SizeMismatch, SizeMismatch);
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
        using IArchive archive = SharpZipArchive.OpenArchive(buffer, new ReaderOptions { LeaveStreamOpen = true });
        int listed = 0;
        foreach (IArchiveEntry entry in archive.Entries)
        {
            listed++;
            context.Budget.CheckTime();
            string name = entry.Key ?? string.Empty;
            ZipDirectoryEntry? declared = directory.Find(name);
            if ((entry.IsDirectory && entry.Size == 0) || entry.IsEncrypted || declared is { Encrypted: true })
            {
                // Encrypted entries cannot be read without the password; the finding above already says so.
                context.Budget.ChargeEntry();
                continue;
            }

            // The library's own view of the sizes (it may take them from a ZIP64 extra field the directory scan skipped).
            if (ZipDirectoryEntry.IsInconsistent(declared?.Method ?? MethodOf(entry.CompressionType), entry.CompressedSize, entry.Size))
            {
                throw new InspectionLimitException(FindingReasons.SizeMismatch, SizeMismatch);
            }

            context.Budget.CheckRatio(entry.CompressedSize, entry.Size);
            InspectEntry(context, name, entry.CompressedSize, entry.OpenEntryStream);
        }

        if (directory.Incomplete || listed < directory.Entries.Count)
        {
            // Part of the directory is damaged (or the library could not list every entry): what could be read was
            // read, and the rest is not passed as clean.
            context.Report(FindingKinds.UnreadableAttachment, Confidence.High, FindingReasons.Damaged);
        }
    }

    /// <summary>
    /// Hands one entry to the reader list one level deeper, its expansion checked as it comes out. An entry that
    /// cannot be decompressed is an <c>unreadable-attachment</c> finding (at the entry when a reader got as far as
    /// reading it, else at this archive) and the next entry is read.
    /// </summary>
    internal static void InspectEntry(AttachmentContext context, string name, long compressedSize, Func<Stream> open)
    {
        var content = new ArchiveEntryContent(() => new RatioLimitedStream(open(), compressedSize, context.Budget));
        try
        {
            context.InspectNested(name, content);
        }
        finally
        {
            content.Dispose();
        }

        if (content.FailedUnreported)
        {
            context.Report(FindingKinds.UnreadableAttachment, Confidence.High, content.FailureReason);
        }
    }

    /// <summary>The APPNOTE method number of a compression type, for the size rule when the directory scan missed the entry.</summary>
    private static int MethodOf(CompressionType type) => type switch
    {
        CompressionType.None => 0,
        CompressionType.Deflate => 8,
        CompressionType.Deflate64 => 9,
        _ => -1,
    };

    /// <summary>
    /// A reader may stop inflating at the declared size (System.IO.Compression's ZipArchive does, and the Open XML
    /// path uses it), so a deflated entry that declares less than it holds would hide the rest. Inflate the raw data once into a counter (nothing kept) and compare: more output than declared
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
                    throw new InspectionLimitException(FindingReasons.SizeMismatch, SizeMismatch);
                }

                budget.CheckRatio(entry.CompressedSize, produced);
                budget.CheckTime();
            }
        }
        catch (InvalidDataException)
        {
            // Corrupt data: reported when the entry is read.
        }
    }
}
