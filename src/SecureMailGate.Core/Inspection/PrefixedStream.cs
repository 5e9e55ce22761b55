using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>Reads a few already-read bytes, then the rest of a stream: lets a sniffed stream be read from its start.</summary>
internal sealed class PrefixedStream : ForwardOnlyStream
{
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private readonly Stream _rest;
    private int _prefixRead;

    public PrefixedStream(byte[] prefix, int prefixLength, Stream rest)
    {
        _prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
        _prefixLength = prefixLength;
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
    }

    protected override int ReadCore(byte[] buffer, int offset, int count)
    {
        if (_prefixRead >= _prefixLength)
        {
            return _rest.Read(buffer, offset, count);
        }

        int read = Math.Min(count, _prefixLength - _prefixRead);
        Buffer.BlockCopy(_prefix, _prefixRead, buffer, offset, read);
        _prefixRead += read;
        return read;
    }
}
