using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// The decompressed content of a gzip file ([RFC 1952]) held in memory, every member in turn: a file made of
/// several concatenated members is one file, and .NET Framework's <c>GZipStream</c> would stop after the first and
/// hide the rest. Each member's header is parsed here and its deflate data inflated; where the member ends is found
/// by its trailer (the CRC-32 and length of what it inflated to), and the next member must start right after it.
/// Anything else after a member (but zero padding) is damage: <see cref="InvalidDataException"/>, never silence.
/// </summary>
internal sealed class GzipMembersStream : ForwardOnlyStream
{
    private readonly byte[] _data;
    private readonly int _length;
    private int _memberData;
    private DeflateStream? _inflater;
    private uint _crc;
    private long _produced;

    /// <param name="data">The whole gzip file.</param>
    /// <param name="length">Its length in <paramref name="data"/>.</param>
    /// <exception cref="InvalidDataException">The first member's header is damaged.</exception>
    public GzipMembersStream(byte[] data, int length)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _length = length;
        FileName = StartMember(0);
    }

    /// <summary>The original file name stored in the first member's header, or null.</summary>
    public string? FileName { get; }

    /// <summary>Whether <paramref name="head"/> starts like a gzip member with deflate compression.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 10 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 0x08;

    protected override int ReadCore(byte[] buffer, int offset, int count)
    {
        while (_inflater is not null)
        {
            int read = _inflater.Read(buffer, offset, count);
            if (read > 0)
            {
                _crc = Crc32.Update(_crc, buffer, offset, read);
                _produced += read;
                return read;
            }

            NextMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inflater?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void NextMember()
    {
        _inflater!.Dispose();
        _inflater = null;
        uint crc = _crc;
        uint size = (uint)_produced;
        int trailer = FindTrailer(crc, size);
        if (trailer < 0)
        {
            throw new InvalidDataException("A gzip member's trailer does not match its data.");
        }

        int next = trailer + 8;
        if (next + 10 <= _length && IsGzip(new ReadOnlySpan<byte>(_data, next, _length - next)))
        {
            StartMember(next);
            return;
        }

        for (int i = next; i < _length; i++)
        {
            if (_data[i] != 0)
            {
                throw new InvalidDataException("Data that is not a gzip member follows the last member.");
            }
        }
    }

    /// <summary>The first offset after the member's data where its CRC-32 and length follow (a deflate stream can only end before it).</summary>
    private int FindTrailer(uint crc, uint size)
    {
        for (int at = _memberData; at + 8 <= _length; at++)
        {
            if (BitConverter.ToUInt32(_data, at) == crc && BitConverter.ToUInt32(_data, at + 4) == size)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Parses a member header at <paramref name="at"/> and starts inflating its data; returns its file name, if any.</summary>
    private string? StartMember(int at)
    {
        if (at + 10 > _length || !IsGzip(new ReadOnlySpan<byte>(_data, at, _length - at)))
        {
            throw new InvalidDataException("Not a gzip member.");
        }

        byte flags = _data[at + 3];
        int p = at + 10;
        if ((flags & 0x04) != 0)
        {
            p = Checked(p + 2) + (_data[p] | (_data[p + 1] << 8));
        }

        string? name = null;
        if ((flags & 0x08) != 0)
        {
            int end = Array.IndexOf(_data, (byte)0, Checked(p), _length - p);
            name = end < 0 ? null : Encoding.GetEncoding(28591).GetString(_data, p, end - p);
            p = end < 0 ? _length : end + 1;
        }

        if ((flags & 0x10) != 0)
        {
            int end = Array.IndexOf(_data, (byte)0, Checked(p), _length - p);
            p = end < 0 ? _length : end + 1;
        }

        if ((flags & 0x02) != 0)
        {
            p += 2;
        }

        _memberData = Checked(p);
        _crc = 0;
        _produced = 0;
        _inflater = new DeflateStream(new MemoryStream(_data, _memberData, _length - _memberData, writable: false), CompressionMode.Decompress);
        return name;
    }

    private int Checked(int at) => at <= _length ? at : throw new InvalidDataException("A gzip header runs past the end of the file.");
}
