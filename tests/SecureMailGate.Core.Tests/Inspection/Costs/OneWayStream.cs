using System;
using System.IO;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>A stream that cannot seek, as an SMTP pipe: the engine must not rely on reading the message twice.</summary>
internal sealed class OneWayStream : Stream
{
    private readonly Stream _inner;

    public OneWayStream(Stream inner) => _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
