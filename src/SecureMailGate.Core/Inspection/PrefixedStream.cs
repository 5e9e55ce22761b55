using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>Reads a few already-read bytes, then the rest of a stream: lets a sniffed stream be read from its start.</summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private readonly Stream _rest;
    private int _prefixRead;
    private long _position;

    public PrefixedStream(byte[] prefix, int prefixLength, Stream rest)
    {
        _prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
        _prefixLength = prefixLength;
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        if (_prefixRead < _prefixLength)
        {
            read = Math.Min(count, _prefixLength - _prefixRead);
            Buffer.BlockCopy(_prefix, _prefixRead, buffer, offset, read);
            _prefixRead += read;
        }
        else
        {
            read = _rest.Read(buffer, offset, count);
        }

        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
