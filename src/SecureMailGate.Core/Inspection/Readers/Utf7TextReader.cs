using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Decodes UTF-7 ([RFC 2152]) as it streams: <c>+</c> starts a run of modified base64 holding UTF-16 code units,
/// ended by <c>-</c> (dropped) or any other character; <c>+-</c> is a plus sign. UTF-7 may encode any character
/// that way, digits included (<c>+ADkANAAz-</c> is <c>943</c>), so a number is only visible once decoded. A run that
/// does not decode to whole, well-formed code units is kept as it was written (a <c>+44</c> stays a <c>+44</c>).
/// .NET's own UTF-7 encoding is obsolete and absent from .NET Framework's strict modes, hence this small decoder.
/// </summary>
internal sealed class Utf7TextReader : PullTextReader
{
    private const int ChunkChars = 16 * 1024;
    private const int MaxCarry = 64 * 1024;
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly TextReader _source;
    private readonly char[] _chunk = new char[ChunkChars];
    private string _carry = string.Empty;

    /// <param name="source">The 7-bit text, read as Latin-1; disposed with this reader.</param>
    public Utf7TextReader(TextReader source)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>
    /// Whether 7-bit bytes are UTF-7: they start with UTF-7's byte-order mark (<c>+/v8</c>, <c>+/v9</c>, <c>+/v+</c>,
    /// <c>+/v/</c>), or hold at least one shift run of three or more base64 characters ended by <c>-</c> that decodes
    /// to whole UTF-16 code units, none of them a control character, a private-use character or a lone surrogate.
    /// </summary>
    public static bool LooksLikeUtf7(ReadOnlySpan<byte> head)
    {
        foreach (byte b in head)
        {
            if (b is 0 or >= 0x80)
            {
                return false;
            }
        }

        string text = Encoding.ASCII.GetString(head.ToArray());
        if (text.StartsWith("+/v8", StringComparison.Ordinal) || text.StartsWith("+/v9", StringComparison.Ordinal)
            || text.StartsWith("+/v+", StringComparison.Ordinal) || text.StartsWith("+/v/", StringComparison.Ordinal))
        {
            return true;
        }

        for (int i = text.IndexOf('+'); i >= 0 && i < text.Length; i = text.IndexOf('+', i + 1))
        {
            int end = RunEnd(text, i + 1);
            if (end - (i + 1) >= 3 && end < text.Length && text[end] == '-' && Decode(text, i + 1, end) is { } decoded && IsPlausible(decoded))
            {
                return true;
            }
        }

        return false;
    }

    protected override bool ReadNext(StringBuilder pending)
    {
        int read = _source.Read(_chunk, 0, _chunk.Length);
        string text = _carry + new string(_chunk, 0, read);
        _carry = string.Empty;
        if (read == 0 && text.Length == 0)
        {
            return false;
        }

        int cut = text.Length;
        if (read > 0)
        {
            // A shift run cut by the end of this chunk waits for the rest.
            int plus = text.LastIndexOf('+');
            if (plus >= 0 && RunEnd(text, plus + 1) == text.Length && text.Length - plus < MaxCarry)
            {
                cut = plus;
                _carry = text.Substring(plus);
            }
        }

        Append(text, cut, pending);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Append(string text, int end, StringBuilder pending)
    {
        int i = 0;
        while (i < end)
        {
            char c = text[i];
            if (c != '+')
            {
                pending.Append(c);
                i++;
                continue;
            }

            if (i + 1 < end && text[i + 1] == '-')
            {
                pending.Append('+');
                i += 2;
                continue;
            }

            int runEnd = RunEnd(text, i + 1);
            runEnd = Math.Min(runEnd, end);
            if (Decode(text, i + 1, runEnd) is { } decoded)
            {
                pending.Append(decoded);
                i = runEnd < end && text[runEnd] == '-' ? runEnd + 1 : runEnd;
            }
            else
            {
                pending.Append(text, i, runEnd - i);
                i = runEnd;
            }
        }
    }

    private static int RunEnd(string text, int start)
    {
        int i = start;
        while (i < text.Length && Base64.IndexOf(text[i]) >= 0)
        {
            i++;
        }

        return i;
    }

    /// <summary>The UTF-16 code units a base64 run holds, or null when it holds none or leaves set bits over.</summary>
    private static string? Decode(string text, int start, int end)
    {
        var sb = new StringBuilder();
        int bits = 0;
        int value = 0;
        for (int i = start; i < end; i++)
        {
            value = (value << 6) | Base64.IndexOf(text[i]);
            bits += 6;
            if (bits >= 16)
            {
                bits -= 16;
                sb.Append((char)((value >> bits) & 0xFFFF));
                value &= (1 << bits) - 1;
            }
        }

        return sb.Length == 0 || bits >= 6 || value != 0 ? null : sb.ToString();
    }

    private static bool IsPlausible(string decoded)
    {
        for (int i = 0; i < decoded.Length; i++)
        {
            char c = decoded[i];
            if (char.IsHighSurrogate(c) && i + 1 < decoded.Length && char.IsLowSurrogate(decoded[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not '\t' and not '\r' and not '\n') || c is >= '\uE000' and <= '\uF8FF'
                || char.GetUnicodeCategory(c) == UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }
        }

        return true;
    }
}
