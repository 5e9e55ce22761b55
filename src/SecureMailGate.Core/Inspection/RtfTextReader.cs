using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Streams the visible text of an RTF document: control words dropped, <c>\par</c> and <c>\line</c> as line
/// breaks, <c>\'hh</c> and <c>\uN</c> escapes decoded, and ignorable destinations (font tables, pictures,
/// <c>{\*...}</c>) skipped. Enough to find identifiers in RTF mail bodies (TNEF) and <c>.rtf</c> files; it
/// does not lay out the document. There is no maintained RTF library for .NET Framework to use instead.
/// Hostile input cannot exhaust the stack: reading is a loop over single characters with no recursion per control
/// word or group, and group state (skipped destination, <c>\uc</c>) lives in fixed arrays of <see cref="MaxDepth"/>
/// levels, restored when a group ends; a document nested deeper is an <see cref="InspectionLimitException"/> (real RTF
/// from Word or Outlook nests a few dozen levels at most).
/// </summary>
public sealed class RtfTextReader : PullTextReader
{
    /// <summary>Deepest group nesting read; deeper is an inspection limit.</summary>
    internal const int MaxDepth = 256;

    /// <summary>No character is waiting in <see cref="_pushedBack"/> (-1 is end of input).</summary>
    private const int NothingPushedBack = -2;
    private static readonly string[] SkippedDestinations =
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "themedata", "colorschememapping",
        "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "header",
        "footer", "xmlnstbl", "mmathPr", "filetbl", "revtbl", "fldinst",
    };

    private readonly TextReader _source;
    private readonly Encoding _ansi;
    private readonly bool[] _skipAtDepth = new bool[MaxDepth + 1];
    private StringBuilder _pending = new();
    private int _depth;
    private int _skipUnicodeFallback;
    private readonly int[] _unicodeSkipAtDepth = CreateUnicodeSkipStack();
    private bool _groupStart;
    private bool _done;
    private int _pushedBack = NothingPushedBack;

    /// <summary>Wraps an RTF source.</summary>
    /// <param name="rtf">The RTF text, read as Latin-1 or ASCII; disposed with this reader.</param>
    public RtfTextReader(TextReader rtf)
    {
        _source = rtf ?? throw new ArgumentNullException(nameof(rtf));
        _ansi = Encoding.GetEncoding(28591);
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

    private bool Skipping => _skipAtDepth[_depth];

    /// <inheritdoc />
    protected override bool ReadNext(StringBuilder pending)
    {
        _pending = pending ?? throw new ArgumentNullException(nameof(pending));
        for (int i = 0; i < 4096 && !_done; i++)
        {
            Step();
        }

        return !_done;
    }

    private void Emit(char c)
    {
        if (_skipUnicodeFallback > 0)
        {
            _skipUnicodeFallback--;
            return;
        }

        if (!Skipping)
        {
            _pending.Append(c);
        }
    }

    private void Step()
    {
        int c = _pushedBack;
        if (c == NothingPushedBack)
        {
            c = _source.Read();
        }
        else
        {
            _pushedBack = NothingPushedBack;
        }

        switch (c)
        {
            case -1:
                _done = true;
                return;
            case '{':
                OpenGroup();
                return;
            case '}':
                if (_depth > 0)
                {
                    _depth--;
                }

                _groupStart = false;
                return;
            case '\\':
                ReadControl();
                return;
            case '\r' or '\n':
                return;
            default:
                _groupStart = false;
                Emit((char)c);
                return;
        }
    }

    private void ReadControl()
    {
        bool groupStart = _groupStart;
        _groupStart = false;
        int c = _source.Read();
        if (c == -1)
        {
            _done = true;
            return;
        }

        if (!IsAsciiLetter(c))
        {
            switch (c)
            {
                case '*' when groupStart:
                    SkipGroup();
                    break;
                case '\'':
                    int hi = HexValue(_source.Read());
                    int lo = HexValue(_source.Read());
                    if (hi >= 0 && lo >= 0)
                    {
                        Emit(_ansi.GetChars(new[] { (byte)((hi << 4) | lo) })[0]);
                    }

                    break;
                case '~':
                    Emit('\u00A0');
                    break;
                case '\\' or '{' or '}':
                    Emit((char)c);
                    break;
            }

            return;
        }

        var word = new StringBuilder();
        while (IsAsciiLetter(c) && word.Length < 32)
        {
            word.Append((char)c);
            c = _source.Read();
        }

        bool negative = c == '-';
        if (negative)
        {
            c = _source.Read();
        }

        long value = 0;
        bool hasValue = false;
        while (c >= '0' && c <= '9')
        {
            value = Math.Min((value * 10) + (c - '0'), int.MaxValue);
            hasValue = true;
            c = _source.Read();
        }

        // The delimiter: a space belongs to the control word; anything else is content. A backslash or brace is
        // handed back to the main loop rather than read here, so a chain of control words never recurses.
        string name = word.ToString();
        int parameter = (int)(negative ? -value : value);
        Apply(name, hasValue, parameter, groupStart);
        if (c == -1)
        {
            _done = true;
        }
        else if (c is '\\' or '{' or '}')
        {
            _pushedBack = c;
        }
        else if (c != ' ' && c != '\r' && c != '\n')
        {
            Emit((char)c);
        }
    }

    /// <summary>Enters a group, which starts with its parent's skip state.</summary>
    /// <exception cref="InspectionLimitException">Nested deeper than <see cref="MaxDepth"/>.</exception>
    private void OpenGroup()
    {
        if (_depth >= MaxDepth)
        {
            throw new InspectionLimitException(FindingReasons.TooDeep, $"RTF groups nested more than {MaxDepth} deep.");
        }

        _depth++;
        _skipAtDepth[_depth] = _skipAtDepth[_depth - 1];
        _unicodeSkipAtDepth[_depth] = _unicodeSkipAtDepth[_depth - 1];
        _groupStart = true;
    }

    private void Apply(string name, bool hasValue, int parameter, bool groupStart)
    {
        switch (name)
        {
            case "par" or "line" or "row" or "sect" or "page":
                Emit('\n');
                break;
            case "tab" or "cell":
                Emit('\t');
                break;
            case "uc" when hasValue:
                _unicodeSkipAtDepth[_depth] = Math.Max(0, parameter);
                break;
            case "u" when hasValue:
                Emit((char)(parameter < 0 ? parameter + 65536 : parameter));
                _skipUnicodeFallback = _unicodeSkipAtDepth[_depth];
                break;
            case "bin" when hasValue:
                for (int i = 0; i < parameter && _source.Read() != -1; i++)
                {
                }

                break;
            default:
                if (groupStart && Array.IndexOf(SkippedDestinations, name) >= 0)
                {
                    SkipGroup();
                }

                break;
        }
    }

    private void SkipGroup() => _skipAtDepth[_depth] = true;

    /// <summary>\uc, the count of fallback characters after each \u, per group level: it ends with its group (RTF 1.9.1).</summary>
    private static int[] CreateUnicodeSkipStack()
    {
        int[] counts = new int[MaxDepth + 1];
        counts[0] = 1;
        return counts;
    }

    private static bool IsAsciiLetter(int c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
