using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;

namespace SecureMailGate.Benchmarks.Precision;

/// <summary>Reads the messages of a <c>.tar.gz</c> corpus one at a time (every regular file is one message).</summary>
internal static class CorpusArchive
{
    /// <summary>The messages in archive order.</summary>
    /// <param name="path">The <c>.tar.gz</c> file.</param>
    public static IEnumerable<CorpusMessage> Read(string path)
    {
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        for (TarEntry? entry = tar.GetNextEntry(); entry is not null; entry = tar.GetNextEntry())
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            using var copy = new MemoryStream();
            entry.DataStream.CopyTo(copy);
            yield return new CorpusMessage(entry.Name, WithoutMboxLine(copy.ToArray()));
        }
    }

    /// <summary>Drops a leading mbox <c>From </c> separator line, which is not part of the message.</summary>
    internal static byte[] WithoutMboxLine(byte[] mime)
    {
        if (mime.Length < 5 || mime[0] != (byte)'F' || mime[1] != (byte)'r' || mime[2] != (byte)'o' || mime[3] != (byte)'m' || mime[4] != (byte)' ')
        {
            return mime;
        }

        int newline = Array.IndexOf(mime, (byte)'\n');
        return newline < 0 ? Array.Empty<byte>() : mime.AsSpan(newline + 1).ToArray();
    }
}
