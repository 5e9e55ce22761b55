using System;
using System.IO;
using SharpCompress.Readers;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads tar archives (POSIX <c>ustar</c>, GNU and PAX: the <c>ustar</c> magic at offset 257; pre-POSIX tar: a first
/// header whose checksum holds) forward-only with
/// SharpCompress, straight from the attachment stream: nothing is buffered. Each file is inspected one level deeper
/// as a ZIP entry is; the entry count, depth, expanded bytes and time are the message's budget. A file that cannot be
/// read (its data cut short of the size its header claims, a damaged header) is <c>unreadable-attachment</c>, and the
/// entries before it have been read.
/// </summary>
public sealed class TarAttachmentReader : AttachmentReader
{
    private static readonly byte[] Magic = { (byte)'u', (byte)'s', (byte)'t', (byte)'a', (byte)'r' };

    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        ReadOnlySpan<byte> head = probe.Head.Span;
        return head.Length >= 512 && head[0] != 0 && (head.Slice(257, 5).SequenceEqual(Magic) || HasValidChecksum(head));
    }

    /// <summary>
    /// A pre-POSIX (V7) tar has no magic: its first 512-byte header is recognised by its checksum, the octal sum of the
    /// header's bytes with the checksum field (offset 148, 8 bytes) counted as spaces.
    /// </summary>
    internal static bool HasValidChecksum(ReadOnlySpan<byte> header)
    {
        int i = 148;
        while (i < 156 && header[i] is (byte)' ' or 0)
        {
            i++;
        }

        int first = i;
        long stored = 0;
        while (i < 156 && header[i] is >= (byte)'0' and <= (byte)'7')
        {
            stored = (stored * 8) + (header[i] - '0');
            i++;
        }

        long sum = 0;
        for (int k = 0; k < 512; k++)
        {
            sum += k is >= 148 and < 156 ? ' ' : header[k];
        }

        return i > first && stored == sum;
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        // The factory, not TarReader.OpenReader: only the factory sets up the rewind buffer a forward-only stream needs.
        using IReader reader = ReaderFactory.OpenReader(content, new ReaderOptions { LeaveStreamOpen = true });
        if (reader.Type != SharpCompress.Common.ArchiveType.Tar)
        {
            throw new InvalidDataException("A tar header that does not open as a tar archive.");
        }

        while (reader.MoveToNextEntry())
        {
            context.Budget.CheckTime();
            SharpCompress.Common.IEntry entry = reader.Entry;
            if (entry.IsDirectory)
            {
                context.Budget.ChargeEntry();
                continue;
            }

            // Tar stores files as they are: the "compressed" size is the size, so only data beyond it would trip the ratio.
            long size = entry.Size;
            ZipAttachmentReader.InspectEntry(context, entry.Key ?? string.Empty, Math.Max(1, size), () => new LengthCheckedStream(reader.OpenEntryStream(), size));
        }
    }
}
