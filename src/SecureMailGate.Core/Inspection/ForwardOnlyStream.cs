using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>Base of the read-only, forward-only wrapper streams the inspection hands to readers.</summary>
internal abstract class ForwardOnlyStream : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public sealed override int Read(byte[] buffer, int offset, int count)
    {
        int read = ReadCore(buffer, offset, count);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Reads the next bytes; 0 at the end.</summary>
    protected abstract int ReadCore(byte[] buffer, int offset, int count);
}
