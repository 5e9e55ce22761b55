using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// An archive entry that must hold as many bytes as its header says: ending sooner is damage
/// (<see cref="InvalidDataException"/>, so the entry is reported unreadable), never a quiet end of the file.
/// </summary>
internal sealed class LengthCheckedStream : ForwardOnlyStream
{
    private readonly Stream _inner;
    private readonly long _expected;
    private long _read;

    public LengthCheckedStream(Stream inner, long expected)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _expected = expected;
    }

    protected override int ReadCore(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        _read += read;
        if (read == 0 && count > 0 && _read < _expected)
        {
            throw new InvalidDataException("An archive entry ends before the size its header declares.");
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
