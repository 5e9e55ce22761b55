using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>A read-only, forward-only view of a stream that charges every byte read to an <see cref="InspectionBudget"/>.</summary>
internal sealed class BudgetedStream : Stream
{
    private readonly Stream _inner;
    private readonly InspectionBudget _budget;
    private long _position;

    public BudgetedStream(Stream inner, InspectionBudget budget)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
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
        int read = _inner.Read(buffer, offset, count);
        _position += read;
        _budget.ChargeBytes(read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
