using System;
using System.IO;
using SharpCompress.Readers;
using SharpCompress.Readers.Tar;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads tar archives (POSIX <c>ustar</c>, GNU and PAX: the <c>ustar</c> magic at offset 257) forward-only with
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
        return head.Length >= 262 && head.Slice(257, 5).SequenceEqual(Magic);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using IReader reader = TarReader.OpenReader(content, new ReaderOptions { LeaveStreamOpen = true });
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
            ZipAttachmentReader.InspectEntry(context, entry.Key ?? string.Empty, Math.Max(1, entry.Size), reader.OpenEntryStream);
        }
    }
}
