using System;
using System.Collections.Generic;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>A text reader over lazily produced pieces of text (paragraphs, pages), so extracted text is scanned as it is produced.</summary>
internal sealed class ChunkTextReader : TextReader
{
    private readonly IEnumerator<string> _chunks;
    private readonly char[] _one = new char[1];
    private string _current = string.Empty;
    private int _index;

    public ChunkTextReader(IEnumerable<string> chunks)
    {
        _chunks = (chunks ?? throw new ArgumentNullException(nameof(chunks))).GetEnumerator();
    }

    public override int Read(char[] buffer, int index, int count)
    {
        while (_index >= _current.Length)
        {
            if (!_chunks.MoveNext())
            {
                return 0;
            }

            _current = _chunks.Current ?? string.Empty;
            _index = 0;
        }

        int n = Math.Min(count, _current.Length - _index);
        _current.CopyTo(_index, buffer, index, n);
        _index += n;
        return n;
    }

    public override int Peek() => -1;

    public override int Read()
    {
        // One reused cell: a caller reading character by character must not allocate per character.
        return Read(_one, 0, 1) == 0 ? -1 : _one[0];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunks.Dispose();
        }

        base.Dispose(disposing);
    }
}
