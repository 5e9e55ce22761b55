using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Tests.Inspection.Formats;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>Hostile tar, gzip and bzip2 files: cut short, followed by garbage, bombs, huge claims, too many entries.</summary>
internal static class HostileArchives
{
    private static readonly byte[] Letter = Encoding.ASCII.GetBytes("Patient NHS number " + HostileLegacy.NhsNumber + "\n" + new string('.', 4000));

    public static byte[] TruncatedGzip()
    {
        byte[] gz = Archives.Gzip(Enumerable.Range(0, 20000).Select(i => (byte)(i * 7)).ToArray());
        return gz.Take(gz.Length / 2).ToArray();
    }

    public static byte[] GzipWithTrailingGarbage() => Archives.Gzip(Letter).Concat(Encoding.ASCII.GetBytes("hidden text after the member")).ToArray();

    /// <summary>100 MB of spaces (text, so it is read), about 100 KB compressed: 1000:1.</summary>
    public static byte[] GzipBomb()
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            byte[] chunk = Enumerable.Repeat((byte)' ', 1 << 20).ToArray();
            for (int i = 0; i < 100; i++)
            {
                gz.Write(chunk, 0, chunk.Length);
            }
        }

        return ms.ToArray();
    }

    public static byte[] TruncatedBzip2()
    {
        byte[] bz = Archives.Bzip2(Enumerable.Range(0, 20000).Select(i => (byte)(i * 13)).ToArray());
        return bz.Take(bz.Length / 2).ToArray();
    }

    /// <summary>A tar whose only entry's header claims 8 GB (octal 77777777777) but holds a few bytes.</summary>
    public static byte[] TarClaimingEightGigabytes()
    {
        byte[] tar = Archives.Tar(("letter.txt", Letter));
        Encoding.ASCII.GetBytes("77777777777\0").CopyTo(tar, 124);
        FixChecksum(tar, 0);
        return tar.Take(2048).ToArray();
    }

    /// <summary>A tar.gz of <paramref name="count"/> empty files.</summary>
    public static byte[] ManyEntriesTarGz(int count) =>
        Archives.Gzip(Archives.Tar(Enumerable.Range(0, count).Select(i => ("f" + i + ".txt", Array.Empty<byte>())).ToArray()));

    private static void FixChecksum(byte[] tar, int header)
    {
        for (int i = 148; i < 156; i++)
        {
            tar[header + i] = (byte)' ';
        }

        long sum = 0;
        for (int i = 0; i < 512; i++)
        {
            sum += tar[header + i];
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(tar, header + 148);
    }
}
