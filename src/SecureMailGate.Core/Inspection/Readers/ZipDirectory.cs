using System;
using System.Collections.Generic;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// The central-directory facts the archive libraries do not expose on every target: each entry's general-purpose
/// flags (bit 0 = encrypted), compression method and declared sizes, and how many entries there really are (the
/// directory is read up to its last header, whatever the end record's count says). Only the fixed-size header
/// fields are read (PKWARE APPNOTE 4.3.12, 4.3.16); the entries themselves are read by a library.
/// </summary>
internal sealed class ZipDirectory
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint CentralHeader = 0x02014b50;
    private const uint LocalHeader = 0x04034b50;

    private readonly Dictionary<string, ZipDirectoryEntry> _byName = new(StringComparer.Ordinal);

    private ZipDirectory()
    {
    }

    /// <summary>The entries in directory order.</summary>
    public List<ZipDirectoryEntry> Entries { get; } = new();

    /// <summary>Whether any entry (or, for an archive without a readable directory, the first local header) has the encryption flag.</summary>
    public bool AnyEncrypted { get; private set; }

    /// <summary>
    /// Whether the directory holds fewer entries than the archive shows: fewer than the end record counts (when that
    /// count is not the ZIP64 placeholder), or none although the archive starts with an entry. Part of it is damaged.
    /// </summary>
    public bool Incomplete { get; private set; }

    /// <summary>The entry with this exact name, or null.</summary>
    public ZipDirectoryEntry? Find(string name) => _byName.TryGetValue(name, out ZipDirectoryEntry? e) ? e : null;

    /// <summary>Reads the central directory of a ZIP held in memory; tolerates truncation (returns what it could read).</summary>
    public static ZipDirectory Read(byte[] data, int length)
    {
        var dir = new ZipDirectory();

        // The first local header tells even when the directory at the end is missing (a truncated download).
        if (length >= 8 && U32(data, 0) == LocalHeader && (U16(data, 6) & 1) != 0)
        {
            dir.AnyEncrypted = true;
        }

        bool startsWithEntry = length >= 4 && U32(data, 0) == LocalHeader;
        int eocd = FindEndOfCentralDirectory(data, length);
        if (eocd < 0)
        {
            dir.Incomplete = startsWithEntry;
            return dir;
        }

        // The end record's entry count is not trusted (a 16-bit field that can undercount, on purpose or past 65535
        // entries): every header from the start of the directory is read. The offset is used only when a header is there.
        long offset = U32(data, eocd + 16);
        if (offset >= length - 4 || U32(data, (int)offset) != CentralHeader)
        {
            // ZIP64 (the offset is in another record) or data prepended to the archive: find the directory by its signature.
            offset = FindFirstCentralHeader(data, length);
        }

        int pos = (int)Math.Min(offset, int.MaxValue);
        while (pos >= 0 && pos + 46 <= length && U32(data, pos) == CentralHeader)
        {
            int flags = U16(data, pos + 8);
            int method = U16(data, pos + 10);
            long compressed = U32(data, pos + 20);
            long uncompressed = U32(data, pos + 24);
            int nameLength = U16(data, pos + 28);
            int extraLength = U16(data, pos + 30);
            int commentLength = U16(data, pos + 32);
            long localHeader = U32(data, pos + 42);
            if (pos + 46 + nameLength > length)
            {
                break;
            }

            // Bit 11: the name is UTF-8; otherwise code page 437, whose ASCII range is all that matters for part names.
            Encoding encoding = (flags & 0x800) != 0 ? Encoding.UTF8 : Encoding.GetEncoding(28591);
            string name = encoding.GetString(data, pos + 46, nameLength);
            var entry = new ZipDirectoryEntry(name, (flags & 1) != 0, compressed, uncompressed, method, localHeader);
            dir.Entries.Add(entry);
            dir._byName[name] = entry;
            dir.AnyEncrypted |= entry.Encrypted;
            pos += 46 + nameLength + extraLength + commentLength;
        }

        int declaredCount = U16(data, eocd + 10);
        dir.Incomplete = (declaredCount != 0xFFFF && dir.Entries.Count < declaredCount) || (dir.Entries.Count == 0 && startsWithEntry);
        return dir;
    }

    /// <summary>
    /// Where an entry's compressed data starts (after its local header), or -1 when the header is not where the
    /// directory says or the data would run past the end.
    /// </summary>
    public static int DataStart(byte[] data, int length, ZipDirectoryEntry entry)
    {
        long header = entry.LocalHeaderOffset;
        if (header < 0 || header + 30 > length || U32(data, (int)header) != LocalHeader)
        {
            return -1;
        }

        long start = header + 30 + U16(data, (int)header + 26) + U16(data, (int)header + 28);
        return start + entry.CompressedSize > length ? -1 : (int)start;
    }

    private static int FindEndOfCentralDirectory(byte[] data, int length)
    {
        // The record is 22 bytes plus a comment of at most 65535 bytes.
        int stop = Math.Max(0, length - 22 - 0xFFFF);
        for (int i = length - 22; i >= stop; i--)
        {
            if (U32(data, i) == EndOfCentralDirectory)
            {
                return i;
            }
        }

        return -1;
    }

    private static long FindFirstCentralHeader(byte[] data, int length)
    {
        for (int i = 0; i + 4 <= length; i++)
        {
            if (U32(data, i) == CentralHeader)
            {
                return i;
            }
        }

        return -1;
    }

    private static int U16(byte[] d, int i) => d[i] | (d[i + 1] << 8);

    private static uint U32(byte[] d, int i) => (uint)(d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24));
}
