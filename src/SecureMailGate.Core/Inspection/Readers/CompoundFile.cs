using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// An OLE compound file ([MS-CFB]) held in memory: header, FAT (from the header's DIFAT and the DIFAT chain),
/// directory tree, mini stream. Streams are opened as seekable views over their sectors, never copied.
/// Hostile structure cannot hang or exhaust it: every sector chain is followed once with a visited mark, so a chain
/// that loops or points outside the file is <see cref="FormatException"/>; a stream is never longer than its chain,
/// whatever size it claims; the directory tree is walked iteratively, each entry at most once.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxSector = 0xFFFFFFFA;
    private const int MiniSectorSize = 64;

    private readonly byte[] _data;
    private readonly int _length;
    private readonly int _sectorSize;
    private readonly uint[] _fat;
    private readonly uint _miniCutoff;
    private readonly CompoundFileEntry?[] _directory;
    private uint[] _miniFat = Array.Empty<uint>();
    private int[] _miniStreamSectors = Array.Empty<int>();

    private CompoundFile(byte[] data, int length)
    {
        _data = data;
        _length = length;
        int shift = U16(0x1E);
        if (shift is not (9 or 12))
        {
            throw new FormatException("Not a compound file: bad sector size.");
        }

        _sectorSize = 1 << shift;
        _miniCutoff = U32(0x38);
        _fat = LoadFat();
        _directory = LoadDirectory();
    }

    /// <summary>Every directory entry in use (storages and streams), in directory order.</summary>
    public List<CompoundFileEntry> Entries { get; } = new();

    /// <summary>The root storage.</summary>
    public CompoundFileEntry Root { get; private set; } = null!;

    /// <summary>The compound-file signature D0 CF 11 E0 A1 B1 1A E1.</summary>
    public static ReadOnlySpan<byte> Signature => new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

    /// <summary>Parses the structure of a compound file held in memory.</summary>
    /// <exception cref="FormatException">The header, FAT or directory cannot be read, or a chain loops.</exception>
    public static CompoundFile Open(byte[] data, int length)
    {
        if (data is null || length < 512 || length > data.Length || !new ReadOnlySpan<byte>(data, 0, 8).SequenceEqual(Signature))
        {
            throw new FormatException("Not a compound file.");
        }

        var file = new CompoundFile(data, length);
        file.LoadMiniStream();
        return file;
    }

    /// <summary>
    /// The stream with this name directly in the root storage (case-insensitive, as in [MS-CFB]), or null. Only the
    /// root counts: a stream of the same name inside a storage belongs to something embedded (an attached document
    /// inside a .msg), not to this file.
    /// </summary>
    public CompoundFileEntry? Find(string name) => Child(Root, name) is { IsStream: true } entry ? entry : null;

    /// <summary>The stream or storage with this name directly inside <paramref name="storage"/>, or null.</summary>
    public CompoundFileEntry? Child(CompoundFileEntry storage, string name)
    {
        foreach (CompoundFileEntry e in Children(storage))
        {
            if (string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// The entries directly inside a storage, ordered by name. The sibling tree is walked with an explicit stack and
    /// each entry is taken once, so a tree that loops or shares nodes ends instead of hanging.
    /// </summary>
    public List<CompoundFileEntry> Children(CompoundFileEntry storage)
    {
        var children = new List<CompoundFileEntry>();
        if (storage is null || !storage.IsStorage)
        {
            return children;
        }

        var seen = new bool[_directory.Length];
        var pending = new Stack<int>();
        pending.Push(storage.Child);
        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (id < 0 || id >= _directory.Length || seen[id] || _directory[id] is not { } entry || id == storage.Id)
            {
                continue;
            }

            seen[id] = true;
            children.Add(entry);
            pending.Push(entry.Left);
            pending.Push(entry.Right);
        }

        children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return children;
    }

    /// <summary>A read-only, seekable view of a stream's bytes, no longer than its sector chain.</summary>
    /// <exception cref="FormatException">The stream's chain loops or leaves the file.</exception>
    public Stream Open(CompoundFileEntry entry)
    {
        if (entry is null)
        {
            throw new ArgumentNullException(nameof(entry));
        }

        if (entry.Size < _miniCutoff && entry.Type != 5)
        {
            int[] mini = Chain(entry.StartSector, _miniFat, _miniStreamSectors.Length * (long)(_sectorSize / MiniSectorSize));
            return new CompoundFileStream(this, mini, MiniSectorSize, Math.Min(entry.Size, (long)mini.Length * MiniSectorSize), mini: true);
        }

        int[] sectors = Chain(entry.StartSector, _fat, SectorCount());
        return new CompoundFileStream(this, sectors, _sectorSize, Math.Min(entry.Size, (long)sectors.Length * _sectorSize), mini: false);
    }

    /// <summary>Up to <paramref name="count"/> leading bytes of a stream.</summary>
    public byte[] ReadStart(CompoundFileEntry entry, int count)
    {
        using Stream stream = Open(entry);
        byte[] buffer = new byte[(int)Math.Min(count, stream.Length)];
        int total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer;
    }

    /// <summary>Copies bytes of sector <paramref name="sector"/> (of the regular or the mini stream) into a buffer.</summary>
    internal void CopySector(int sector, bool mini, int offset, byte[] buffer, int index, int count)
    {
        if (mini)
        {
            long at = ((long)sector * MiniSectorSize) + offset;
            int regular = (int)(at / _sectorSize);
            int within = (int)(at % _sectorSize);
            // A mini sector never straddles two regular sectors: 64 divides 512 and 4096.
            CopySector(_miniStreamSectors[regular], mini: false, within, buffer, index, count);
            return;
        }

        long start = ((sector + 1L) * _sectorSize) + offset;
        int available = (int)Math.Max(0, Math.Min(count, _length - start));
        if (available > 0)
        {
            Buffer.BlockCopy(_data, (int)start, buffer, index, available);
        }

        if (available < count)
        {
            // The last sector of a truncated file: what is missing reads as zeros.
            Array.Clear(buffer, index + available, count - available);
        }
    }

    private uint[] LoadFat()
    {
        var fatSectors = new List<uint>();
        for (int i = 0; i < 109; i++)
        {
            uint s = U32(0x4C + (i * 4));
            if (s < MaxSector)
            {
                fatSectors.Add(s);
            }
        }

        uint difat = U32(0x44);
        var seen = new HashSet<uint>();
        int perSector = (_sectorSize / 4) - 1;
        while (difat < MaxSector)
        {
            int at = SectorOffset(difat);
            if (at < 0 || !seen.Add(difat))
            {
                throw new FormatException("The compound file's DIFAT chain loops or leaves the file.");
            }

            for (int i = 0; i < perSector; i++)
            {
                uint s = U32(at + (i * 4));
                if (s < MaxSector)
                {
                    fatSectors.Add(s);
                }
            }

            difat = U32(at + (perSector * 4));
        }

        // More FAT sectors than the file has sectors can only repeat: keep at most one entry per sector.
        int entriesPerSector = _sectorSize / 4;
        int maxEntries = SectorCount();
        var fat = new List<uint>(Math.Min(maxEntries, fatSectors.Count * entriesPerSector));
        foreach (uint sector in fatSectors)
        {
            int at = SectorOffset(sector);
            if (at < 0 || fat.Count >= maxEntries)
            {
                continue;
            }

            for (int i = 0; i < entriesPerSector && fat.Count < maxEntries; i++)
            {
                fat.Add(U32(at + (i * 4)));
            }
        }

        return fat.ToArray();
    }

    private CompoundFileEntry?[] LoadDirectory()
    {
        int[] sectors = Chain(U32(0x30), _fat, SectorCount());
        int perSector = _sectorSize / 128;
        var directory = new CompoundFileEntry?[sectors.Length * perSector];
        byte[] raw = new byte[128];
        for (int id = 0; id < directory.Length; id++)
        {
            CopySector(sectors[id / perSector], mini: false, (id % perSector) * 128, raw, 0, 128);
            int nameBytes = raw[64] | (raw[65] << 8);
            byte type = raw[66];
            if (type is not (1 or 2 or 5) || nameBytes < 2 || nameBytes > 64)
            {
                continue;
            }

            string name = Encoding.Unicode.GetString(raw, 0, nameBytes - 2);
            var entry = new CompoundFileEntry(
                id,
                name,
                type,
                BitConverter.ToUInt32(raw, 116),
                BitConverter.ToUInt32(raw, 120),
                Sibling(BitConverter.ToUInt32(raw, 68)),
                Sibling(BitConverter.ToUInt32(raw, 72)),
                Sibling(BitConverter.ToUInt32(raw, 76)));
            directory[id] = entry;
            Entries.Add(entry);
            if (type == 5 && Root is null)
            {
                Root = entry;
            }
        }

        if (Root is null)
        {
            throw new FormatException("The compound file has no root entry.");
        }

        return directory;
    }

    private void LoadMiniStream()
    {
        if (Root.StartSector >= MaxSector || Root.Size == 0)
        {
            return;
        }

        int[] fatOfMini = Chain(U32(0x3C), _fat, SectorCount());
        var miniFat = new uint[fatOfMini.Length * (_sectorSize / 4)];
        byte[] sector = new byte[_sectorSize];
        for (int i = 0; i < fatOfMini.Length; i++)
        {
            CopySector(fatOfMini[i], mini: false, 0, sector, 0, _sectorSize);
            for (int k = 0; k < _sectorSize / 4; k++)
            {
                miniFat[(i * (_sectorSize / 4)) + k] = BitConverter.ToUInt32(sector, k * 4);
            }
        }

        _miniFat = miniFat;
        _miniStreamSectors = Chain(Root.StartSector, _fat, SectorCount());
    }

    /// <summary>
    /// The sectors of a chain, in order, from <paramref name="start"/> to the end-of-chain mark. Each sector is visited
    /// once: a chain that comes back to a sector, or points past the table or <paramref name="sectorLimit"/>, is damaged.
    /// </summary>
    private static int[] Chain(uint start, uint[] table, long sectorLimit)
    {
        var sectors = new List<int>();
        if (start >= MaxSector)
        {
            return sectors.ToArray();
        }

        var seen = new bool[Math.Min(table.Length, sectorLimit)];
        uint sector = start;
        while (sector != EndOfChain)
        {
            if (sector >= seen.Length || seen[sector])
            {
                throw new FormatException("A compound-file sector chain loops or leaves the file.");
            }

            seen[sector] = true;
            sectors.Add((int)sector);
            sector = table[sector];
        }

        return sectors.ToArray();
    }

    private static int Sibling(uint id) => id >= MaxSector || id > int.MaxValue ? -1 : (int)id;

    private int SectorCount() => Math.Max(0, (_length / _sectorSize) - 1) + (_length % _sectorSize == 0 ? 0 : 1);

    private int SectorOffset(uint sector)
    {
        long at = (sector + 1L) * _sectorSize;
        return at + 4 > _length ? -1 : (int)at;
    }

    private int U16(int at) => at + 2 > _length ? 0 : _data[at] | (_data[at + 1] << 8);

    private uint U32(int at) => at + 4 > _length ? EndOfChain : BitConverter.ToUInt32(_data, at);
}
