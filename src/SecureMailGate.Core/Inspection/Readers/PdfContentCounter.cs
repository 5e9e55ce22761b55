using System;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads a decoded PDF content stream a block at a time and counts what bounds the glyphs it can draw: the bytes
/// inside its strings (every shown glyph takes at least one byte of a string operand) and its <c>Do</c> operators
/// (each may draw a form XObject full of glyphs). An upper bound, never an undercount: escapes, hex digits and strings
/// that are not shown (marked-content properties) all count. Comments and inline image data are skipped.
/// Pure state machine; not thread-safe.
/// </summary>
internal sealed class PdfContentCounter
{
    private State _state;
    private int _depth;
    private int _hexDigits;
    private bool _escape;
    private byte _token0;
    private byte _token1;
    private int _tokenLength;
    private int _endMatch;

    private enum State
    {
        Normal,
        Literal,
        Hex,
        AfterLess,
        Comment,
        InlineImage,
    }

    /// <summary>Bytes inside strings so far.</summary>
    public long StringBytes { get; private set; }

    /// <summary><c>Do</c> operators so far.</summary>
    public long XObjectDraws { get; private set; }

    /// <summary>Counts the next block of the stream.</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            Step(b);
        }
    }

    /// <summary>Ends the stream: a token still open is complete.</summary>
    public void Finish()
    {
        EndToken();
        if (_state == State.Hex)
        {
            StringBytes += (_hexDigits + 1) / 2;
            _hexDigits = 0;
        }
    }

    private static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C or 0;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private void Step(byte b)
    {
        switch (_state)
        {
            case State.Literal:
                StepLiteral(b);
                return;
            case State.Hex:
                StepHex(b);
                return;
            case State.AfterLess:
                // "<<" opens a dictionary; anything else opens a hex string.
                _state = b == (byte)'<' ? State.Normal : State.Hex;
                if (_state == State.Hex)
                {
                    StepHex(b);
                }

                return;
            case State.Comment:
                if (b is (byte)'\n' or (byte)'\r')
                {
                    _state = State.Normal;
                }

                return;
            case State.InlineImage:
                StepInlineImage(b);
                return;
            default:
                StepNormal(b);
                return;
        }
    }

    private void StepNormal(byte b)
    {
        if (IsWhite(b) || IsDelimiter(b))
        {
            EndToken();
            if (_state == State.InlineImage)
            {
                // "ID" ends with one white-space byte; the image data follows.
                return;
            }

            _state = b switch
            {
                (byte)'(' => State.Literal,
                (byte)'<' => State.AfterLess,
                (byte)'%' => State.Comment,
                _ => State.Normal,
            };
            _depth = _state == State.Literal ? 1 : 0;
            return;
        }

        if (_tokenLength == 0)
        {
            _token0 = b;
        }
        else if (_tokenLength == 1)
        {
            _token1 = b;
        }

        _tokenLength++;
    }

    private void EndToken()
    {
        if (_tokenLength == 2 && _token0 == (byte)'D' && _token1 == (byte)'o')
        {
            XObjectDraws++;
        }
        else if (_tokenLength == 2 && _token0 == (byte)'I' && _token1 == (byte)'D')
        {
            _state = State.InlineImage;
            _endMatch = 0;
        }

        _tokenLength = 0;
    }

    private void StepLiteral(byte b)
    {
        if (_escape)
        {
            _escape = false;
            StringBytes++;
            return;
        }

        if (b == (byte)'\\')
        {
            _escape = true;
            return;
        }

        if (b == (byte)'(')
        {
            _depth++;
        }
        else if (b == (byte)')' && --_depth == 0)
        {
            _state = State.Normal;
            return;
        }

        StringBytes++;
    }

    private void StepHex(byte b)
    {
        if (b == (byte)'>')
        {
            StringBytes += (_hexDigits + 1) / 2;
            _hexDigits = 0;
            _state = State.Normal;
        }
        else if (!IsWhite(b))
        {
            _hexDigits++;
        }
    }

    private void StepInlineImage(byte b)
    {
        // The data ends at white space, "EI", then white space (or the end): match that, byte by byte.
        _endMatch = _endMatch switch
        {
            0 => IsWhite(b) ? 1 : 0,
            1 => b == (byte)'E' ? 2 : IsWhite(b) ? 1 : 0,
            2 => b == (byte)'I' ? 3 : IsWhite(b) ? 1 : 0,
            _ => IsWhite(b) ? 4 : 0,
        };
        if (_endMatch == 4)
        {
            _state = State.Normal;
            _endMatch = 0;
        }
    }
}
