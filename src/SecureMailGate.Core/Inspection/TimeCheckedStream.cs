using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// A read-only view of the message stream that checks the time budget on every read, so parsing the MIME structure
/// runs inside the budget like everything else. Seekable when the source is, so the parser can leave part content in
/// the source. Bytes are not charged: the raw message is not expanded data.
/// </summary>
internal sealed class TimeCheckedStream : Stream
{
    private readonly Stream _inner;
    private readonly InspectionBudget _budget;

    public TimeCheckedStream(Stream inner, InspectionBudget budget)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
    }

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        _budget.CheckTime();
        return _inner.Read(buffer, offset, count);
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
