using System;
using System.IO;
using SharpCompress.Compressors;
using SharpCompress.Compressors.BZip2;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads single-file compressed attachments, recognised by their signature whatever their name: gzip (<c>.gz</c>,
/// <c>.tgz</c>; 1F 8B 08) with every concatenated member (<see cref="GzipMembersStream"/>), and bzip2 (<c>.bz2</c>;
/// <c>BZh1</c>–<c>BZh9</c> then a block or end-of-stream mark) with every concatenated stream (SharpCompress).
/// The decompressed file is inspected one level deeper as an archive entry is (a <c>.tar.gz</c> becomes a tar),
/// named by the name stored in the gzip header or by the attachment's name without its compression extension,
/// so a <c>list.csv.gz</c> is read as CSV. Its expansion is checked against the compressed size as it comes out, and
/// data that cannot be decompressed (truncated, damaged, trailing garbage) is <c>unreadable-attachment</c>.
/// Memory: the compressed file is copied into memory, at most the budget's remaining
/// <see cref="Policy.InspectionLimits.MaxExpandedBytes"/>; what it expands to is streamed, never held.
/// </summary>
public sealed class CompressedFileAttachmentReader : AttachmentReader
{
    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        return GzipMembersStream.IsGzip(probe.Head.Span) || IsBzip2(probe.Head.Span);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using MemoryStream buffer = BoundedBuffer.ReadAll(content, context.Budget);
        byte[] data = buffer.GetBuffer();
        int length = (int)buffer.Length;
        string name = InnerName(context.FileName);
        if (GzipMembersStream.IsGzip(new ReadOnlySpan<byte>(data, 0, length)))
        {
            var gzip = new GzipMembersStream(data, length);
            ZipAttachmentReader.InspectEntry(context, SafeName(gzip.FileName) ?? name, length, () => gzip);
            return;
        }

        ZipAttachmentReader.InspectEntry(context, name, length, () => BZip2Stream.Create(
            new MemoryStream(data, 0, length, writable: false),
            CompressionMode.Decompress,
            decompressConcatenated: true,
            leaveOpen: false,
            tolerateTruncatedStream: false));
    }

    /// <summary><c>BZh</c>, a block size digit, then the 48-bit magic of a block (π) or of the end of the stream (√π).</summary>
    private static bool IsBzip2(ReadOnlySpan<byte> head) =>
        head.Length >= 10 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h' && head[3] is >= (byte)'1' and <= (byte)'9'
        && (head.Slice(4, 6).SequenceEqual(new byte[] { 0x31, 0x41, 0x59, 0x26, 0x53, 0x59 })
            || head.Slice(4, 6).SequenceEqual(new byte[] { 0x17, 0x72, 0x45, 0x38, 0x50, 0x90 }));

    /// <summary>The attachment's name without its compression extension: <c>list.csv.gz</c> → <c>list.csv</c>, <c>a.tgz</c> → <c>a.tar</c>.</summary>
    private static string InnerName(string fileName)
    {
        string name = fileName.Substring(fileName.Replace('\\', '/').LastIndexOf('/') + 1);
        string lower = name.ToLowerInvariant();
        if (lower.EndsWith(".tgz", StringComparison.Ordinal) || lower.EndsWith(".tbz", StringComparison.Ordinal)
            || lower.EndsWith(".tbz2", StringComparison.Ordinal))
        {
            return name.Substring(0, name.LastIndexOf('.')) + ".tar";
        }

        int dot = name.LastIndexOf('.');
        return dot > 0 && (lower.EndsWith(".gz", StringComparison.Ordinal) || lower.EndsWith(".bz2", StringComparison.Ordinal))
            ? name.Substring(0, dot)
            : name;
    }

    /// <summary>A stored name usable as a path segment (no folders), or null.</summary>
    private static string? SafeName(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        string name = stored!.Replace('\\', '/');
        name = name.Substring(name.LastIndexOf('/') + 1).Trim();
        return name.Length == 0 ? null : name;
    }
}
