using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Undoes <c>format=flowed</c> soft line breaks (RFC 3676) as text streams: a line ending in a space continues on
/// the next line, so "943 476 ⏎5919", wrapped by the sender's mail program, reads as "943 476 5919" again.
/// With <c>delsp=yes</c> the space before a soft break is removed too.
/// </summary>
public sealed class FlowedTextReader : PullTextReader
{
    private readonly TextReader _source;
    private readonly bool _deleteSpace;
    private readonly char[] _block = new char[4096];
    private int _heldSpaces;

    /// <summary>Wraps a flowed text source.</summary>
    /// <param name="flowed">The text; disposed with this reader.</param>
    /// <param name="deleteSpace">The part's <c>delsp=yes</c>.</param>
    public FlowedTextReader(TextReader flowed, bool deleteSpace)
    {
        _source = flowed ?? throw new ArgumentNullException(nameof(flowed));
        _deleteSpace = deleteSpace;
    }

    /// <inheritdoc />
    protected override bool ReadNext(StringBuilder pending)
    {
        if (pending is null)
        {
            throw new ArgumentNullException(nameof(pending));
        }

        int read = _source.Read(_block, 0, _block.Length);
        if (read == 0)
        {
            pending.Append(' ', _heldSpaces);
            _heldSpaces = 0;
            return false;
        }

        for (int i = 0; i < read; i++)
        {
            char c = _block[i];
            switch (c)
            {
                case '\r':
                    break;
                case ' ':
                    // Held back until we know whether the line ends here (a soft break) or goes on.
                    _heldSpaces++;
                    break;
                case '\n' when _heldSpaces > 0:
                    pending.Append(' ', _deleteSpace ? _heldSpaces - 1 : _heldSpaces);
                    _heldSpaces = 0;
                    break;
                default:
                    pending.Append(' ', _heldSpaces);
                    _heldSpaces = 0;
                    pending.Append(c);
                    break;
            }
        }

        return true;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
