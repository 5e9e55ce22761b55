namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// One central-directory record: name, encryption flag, compression method (0 stored, 8 deflate, 9 deflate64)
/// and declared sizes (0xFFFFFFFF when in a ZIP64 extra field).
/// </summary>
internal sealed record ZipDirectoryEntry(string Name, bool Encrypted, long CompressedSize, long UncompressedSize, int Method = 8, long LocalHeaderOffset = -1)
{
    /// <summary>
    /// Whether the declared sizes cannot both be true: deflate never makes data much bigger (at most a few bytes
    /// per 16 KiB block), so compressed data well beyond the declared uncompressed size, or a stored entry whose
    /// two sizes differ, means bytes past the declared size that a reader stopping there would never see.
    /// Encrypted entries (their sizes include the encryption header) and ZIP64 placeholders are not judged.
    /// </summary>
    public bool SizesInconsistent => !Encrypted && IsInconsistent(Method, CompressedSize, UncompressedSize);

    /// <summary>The size rule on its own, for sizes read elsewhere (e.g. from <see cref="System.IO.Compression.ZipArchiveEntry"/>).</summary>
    public static bool IsInconsistent(int method, long compressed, long uncompressed)
    {
        if (compressed < 0 || uncompressed < 0 || compressed == 0xFFFFFFFF || uncompressed == 0xFFFFFFFF)
        {
            return false;
        }

        return method switch
        {
            0 => compressed != uncompressed,
            8 or 9 => compressed > uncompressed + (uncompressed / 100) + 1024,
            _ => false,
        };
    }
}
