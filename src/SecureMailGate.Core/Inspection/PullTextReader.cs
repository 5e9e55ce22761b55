using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// A text reader that produces its text in pieces on demand: subclasses append the next piece when asked,
/// so a converted document (HTML, RTF, a table) streams through the scanner without being held whole.
/// </summary>
public abstract class PullTextReader : TextReader
{
    private readonly StringBuilder _pending = new();
    private int _pendingIndex;
    private bool _done;

    /// <inheritdoc />
    public override int Peek() => Fill() ? _pending[_pendingIndex] : -1;

    /// <inheritdoc />
    public override int Read() => Fill() ? _pending[_pendingIndex++] : -1;

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (!Fill())
        {
            return 0;
        }

        int n = Math.Min(count, _pending.Length - _pendingIndex);
        _pending.CopyTo(_pendingIndex, buffer, index, n);
        _pendingIndex += n;
        return n;
    }

    /// <summary>Appends the next piece of text to <paramref name="pending"/> (possibly nothing).</summary>
    /// <param name="pending">Where the text goes.</param>
    /// <returns>False once the source is exhausted.</returns>
    protected abstract bool ReadNext(StringBuilder pending);

    private bool Fill()
    {
        while (_pendingIndex >= _pending.Length)
        {
            _pending.Clear();
            _pendingIndex = 0;
            if (_done || !ReadNext(_pending))
            {
                _done = true;
                return _pending.Length > 0;
            }
        }

        return true;
    }
}
