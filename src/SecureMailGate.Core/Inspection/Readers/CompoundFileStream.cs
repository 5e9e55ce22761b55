using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>A read-only, seekable view of one compound-file stream: its sectors in chain order, nothing copied.</summary>
internal sealed class CompoundFileStream : Stream
{
    private readonly CompoundFile _file;
    private readonly int[] _sectors;
    private readonly int _sectorSize;
    private readonly long _length;
    private readonly bool _mini;
    private long _position;

    public CompoundFileStream(CompoundFile file, int[] sectors, int sectorSize, long length, bool mini)
    {
        _file = file;
        _sectors = sectors;
        _sectorSize = sectorSize;
        _length = length;
        _mini = mini;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        int total = 0;
        while (count > 0 && _position < _length)
        {
            int sector = (int)(_position / _sectorSize);
            int within = (int)(_position % _sectorSize);
            int take = (int)Math.Min(Math.Min(count, _sectorSize - within), _length - _position);
            _file.CopySector(_sectors[sector], _mini, within, buffer, offset, take);
            _position += take;
            offset += take;
            count -= take;
            total += take;
        }

        return total;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
