using System;
using System.IO;
using SharpCompress.Common;
using SharpCompress.Writers.SevenZip;
using SharpCompress.Writers.Zip;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>
/// Builds archives in code with SharpCompress's writers: ZIPs whose entries use methods System.IO.Compression
/// cannot inflate (bzip2, LZMA, PPMd), 7z archives, and the byte-level damage the tests need.
/// </summary>
internal static class ArchiveWriters
{
    private const uint LocalHeader = 0x04034b50;
    private const uint EndOfCentralDirectory = 0x06054b50;

    /// <summary>A ZIP whose entries are compressed with the given methods, in order.</summary>
    public static byte[] Zip(params (string Name, byte[] Content, CompressionType Method)[] entries)
    {
        using var ms = new MemoryStream();
        using (var writer = new ZipWriter(ms, new ZipWriterOptions(CompressionType.Deflate) { LeaveStreamOpen = true }))
        {
            foreach ((string name, byte[] content, CompressionType method) in entries)
            {
                // Only deflate takes a level; the library refuses one for the others.
                var options = new ZipWriterEntryOptions { CompressionType = method, CompressionLevel = method == CompressionType.Deflate ? null : 0 };
                using var source = new MemoryStream(content, writable: false);
                writer.Write(name, source, options);
            }
        }

        return ms.ToArray();
    }

    /// <summary>A 7z archive (LZMA or LZMA2, the methods SharpCompress writes) holding the given files.</summary>
    public static byte[] SevenZip(CompressionType method, params (string Name, byte[] Content)[] files)
    {
        using var ms = new MemoryStream();
        using (var writer = new SevenZipWriter(ms, new SevenZipWriterOptions(method) { LeaveStreamOpen = true }))
        {
            foreach ((string name, byte[] content) in files)
            {
                using var source = new MemoryStream(content, writable: false);
                writer.Write(name, source, null);
            }
        }

        return ms.ToArray();
    }

    /// <summary>Sets both entry counts of the end of central directory record (the last one in the file).</summary>
    public static byte[] SetEndRecordCount(byte[] zip, ushort count)
    {
        byte[] copy = (byte[])zip.Clone();
        for (int i = copy.Length - 22; i >= 0; i--)
        {
            if (BitConverter.ToUInt32(copy, i) == EndOfCentralDirectory)
            {
                BitConverter.GetBytes(count).CopyTo(copy, i + 8);
                BitConverter.GetBytes(count).CopyTo(copy, i + 10);
                return copy;
            }
        }

        throw new InvalidOperationException("No end of central directory record.");
    }

    /// <summary>Flips bytes inside the compressed data of the entry whose local header is the <paramref name="index"/>-th (0-based).</summary>
    public static byte[] DamageEntryData(byte[] zip, int index)
    {
        byte[] copy = (byte[])zip.Clone();
        int header = LocalHeaderOffset(copy, index);
        int start = header + 30 + BitConverter.ToUInt16(copy, header + 26) + BitConverter.ToUInt16(copy, header + 28);
        for (int i = start + 4; i < start + 20; i++)
        {
            copy[i] ^= 0x5A;
        }

        return copy;
    }

    /// <summary>Breaks the signature of the <paramref name="index"/>-th local header (0-based).</summary>
    public static byte[] DamageLocalHeader(byte[] zip, int index)
    {
        byte[] copy = (byte[])zip.Clone();
        copy[LocalHeaderOffset(copy, index)] = 0;
        return copy;
    }

    private static int LocalHeaderOffset(byte[] zip, int index)
    {
        int seen = 0;
        for (int i = 0; i + 4 <= zip.Length; i++)
        {
            if (BitConverter.ToUInt32(zip, i) == LocalHeader && seen++ == index)
            {
                return i;
            }
        }

        throw new InvalidOperationException("No such local header.");
    }
}
