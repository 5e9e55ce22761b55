using System.IO;
using System.IO.Compression;
using SharpCompress.Common;
using SharpCompress.Writers.Tar;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>Tar, gzip and bzip2 files written in memory by SharpCompress and System.IO.Compression.</summary>
internal static class Archives
{
    public static byte[] Tar(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, new TarWriterOptions(CompressionType.None, finalizeArchiveOnClose: true) { LeaveStreamOpen = true }))
        {
            foreach ((string name, byte[] content) in entries)
            {
                tar.Write(name, new MemoryStream(content), null);
            }
        }

        return ms.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(content, 0, content.Length);
        }

        return ms.ToArray();
    }

    public static byte[] Bzip2(byte[] content)
    {
        using var ms = new MemoryStream();
        using (var bz = SharpCompress.Compressors.BZip2.BZip2Stream.Create(ms, SharpCompress.Compressors.CompressionMode.Compress, false, true, false))
        {
            bz.Write(content, 0, content.Length);
        }

        return ms.ToArray();
    }
}
