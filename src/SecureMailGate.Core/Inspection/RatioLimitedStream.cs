using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Wraps a decompressing stream (a ZIP entry, an Open XML part) and checks the expansion ratio against the
/// entry's compressed size as bytes actually come out, because the sizes an archive declares can lie.
/// </summary>
internal sealed class RatioLimitedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _compressed;
    private readonly InspectionBudget _budget;
    private long _expanded;

    /// <param name="inner">The decompressed content; disposed with this stream.</param>
    /// <param name="compressed">The entry's compressed size in the archive.</param>
    /// <param name="budget">Whose ratio limit applies.</param>
    public RatioLimitedStream(Stream inner, long compressed, InspectionBudget budget)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
        _compressed = compressed;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _expanded;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        _expanded += read;
        _budget.CheckRatio(_compressed, _expanded);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
