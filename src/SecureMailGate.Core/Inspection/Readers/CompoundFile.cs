using System;
using System.Collections.Generic;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Just enough of an OLE compound file ([MS-CFB]) to list its stream names and read the first bytes of a stream:
/// header, FAT (from the header's DIFAT and the DIFAT chain), directory chain, mini stream. Used only to decide
/// whether an Office file is encrypted; every chain walk is bounded by the number of sectors, so a looping or
/// truncated file ends the walk instead of hanging it.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int MaxSector = 0x7FFFFFF0;

    private readonly byte[] _data;
    private readonly int _length;
    private readonly int _sectorSize;
    private readonly List<uint> _fat = new();
    private readonly List<uint> _miniFat = new();
    private readonly uint _miniCutoff;
    private CompoundFileEntry? _root;

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
    }

    /// <summary>Every directory entry (storages and streams), in directory order.</summary>
    public List<CompoundFileEntry> Entries { get; } = new();

    /// <summary>The compound-file signature D0 CF 11 E0 A1 B1 1A E1.</summary>
    public static ReadOnlySpan<byte> Signature => new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

    /// <summary>Parses the structure of a compound file held in memory.</summary>
    /// <exception cref="FormatException">The header or directory cannot be read.</exception>
    public static CompoundFile Open(byte[] data, int length)
    {
        if (length < 512 || !new ReadOnlySpan<byte>(data, 0, 8).SequenceEqual(Signature))
        {
            throw new FormatException("Not a compound file.");
        }

        var file = new CompoundFile(data, length);
        file.LoadFat();
        file.LoadDirectory();
        file.LoadMiniFat();
        return file;
    }

    /// <summary>The first stream with this name (case-insensitive, as in [MS-CFB]), or null.</summary>
    public CompoundFileEntry? Find(string name)
    {
        foreach (CompoundFileEntry e in Entries)
        {
            if (e.IsStream && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Up to <paramref name="count"/> leading bytes of a stream.</summary>
    public byte[] ReadStart(CompoundFileEntry entry, int count)
    {
        int wanted = (int)Math.Min(count, entry.Size);
        if (entry.Size < _miniCutoff && _root is not null)
        {
            // Small streams live in the mini stream, in 64-byte sectors, itself stored in the root entry's chain.
            byte[] mini = ReadChain(_root.StartSector, _root.Size, _fat, _sectorSize, fromMini: null);
            return ReadChain(entry.StartSector, wanted, _miniFat, 64, mini);
        }

        return ReadChain(entry.StartSector, wanted, _fat, _sectorSize, fromMini: null);
    }

    private void LoadFat()
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
        int guard = SectorCount();
        while (difat < MaxSector && guard-- > 0)
        {
            int at = SectorOffset(difat);
            if (at < 0)
            {
                break;
            }

            int perSector = (_sectorSize / 4) - 1;
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

        foreach (uint sector in fatSectors)
        {
            int at = SectorOffset(sector);
            if (at < 0)
            {
                continue;
            }

            for (int i = 0; i < _sectorSize / 4; i++)
            {
                _fat.Add(U32(at + (i * 4)));
            }
        }
    }

    private void LoadDirectory()
    {
        byte[] directory = ReadChain(U32(0x30), long.MaxValue, _fat, _sectorSize, fromMini: null);
        for (int at = 0; at + 128 <= directory.Length; at += 128)
        {
            int nameBytes = directory[at + 64] | (directory[at + 65] << 8);
            byte type = directory[at + 66];
            if (type == 0 || nameBytes < 2 || nameBytes > 64)
            {
                continue;
            }

            string name = Encoding.Unicode.GetString(directory, at, nameBytes - 2);
            uint start = BitConverter.ToUInt32(directory, at + 116);
            long size = BitConverter.ToUInt32(directory, at + 120);
            var entry = new CompoundFileEntry(name, type, start, size);
            Entries.Add(entry);
            if (type == 5)
            {
                _root ??= entry;
            }
        }

        if (Entries.Count == 0)
        {
            throw new FormatException("The compound file has no directory.");
        }
    }

    private void LoadMiniFat()
    {
        byte[] miniFat = ReadChain(U32(0x3C), long.MaxValue, _fat, _sectorSize, fromMini: null);
        for (int at = 0; at + 4 <= miniFat.Length; at += 4)
        {
            _miniFat.Add(BitConverter.ToUInt32(miniFat, at));
        }
    }

    /// <summary>Follows a sector chain, reading at most <paramref name="max"/> bytes and at most as many sectors as the file has.</summary>
    private byte[] ReadChain(uint start, long max, List<uint> table, int sectorSize, byte[]? fromMini)
    {
        var bytes = new List<byte>();
        uint sector = start;
        int guard = fromMini is null ? SectorCount() : (fromMini.Length / 64) + 1;
        while (sector < MaxSector && sector != EndOfChain && bytes.Count < max && guard-- > 0)
        {
            int at = fromMini is null ? SectorOffset(sector) : (int)Math.Min(sector * 64L, int.MaxValue);
            byte[] source = fromMini ?? _data;
            int available = fromMini is null ? _length : fromMini.Length;
            if (at < 0 || at >= available)
            {
                break;
            }

            int take = (int)Math.Min(Math.Min(sectorSize, available - at), max - bytes.Count);
            for (int i = 0; i < take; i++)
            {
                bytes.Add(source[at + i]);
            }

            sector = sector < table.Count ? table[(int)sector] : EndOfChain;
        }

        return bytes.ToArray();
    }

    private int SectorCount() => (_length / _sectorSize) + 1;

    private int SectorOffset(uint sector)
    {
        long at = (sector + 1L) * _sectorSize;
        return at + 4 > _length ? -1 : (int)at;
    }

    private int U16(int at) => at + 2 > _length ? 0 : _data[at] | (_data[at + 1] << 8);

    private uint U32(int at) => at + 4 > _length ? EndOfChain : BitConverter.ToUInt32(_data, at);
}
