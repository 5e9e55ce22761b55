using System;
using System.Globalization;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Puts text into the one form the detectors match (POLICY §2, normalisation), character by character so it works on a
/// stream: decimal digits of any script become ASCII digits; every space variant (no-break, narrow no-break, figure,
/// thin, ideographic, ...) becomes a space; every dash variant (en dash, non-breaking hyphen, minus, full-width hyphen,
/// ...) becomes a hyphen; zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and the soft hyphen are
/// removed. Nothing else changes, and no character is added, so text only ever gets shorter.
/// </summary>
public static class TextNormaliser
{
    /// <summary>Normalises <paramref name="count"/> characters at <paramref name="start"/> in place.</summary>
    /// <param name="buffer">The characters.</param>
    /// <param name="start">First character to normalise.</param>
    /// <param name="count">How many.</param>
    /// <returns>How many characters remain, moved up to begin at <paramref name="start"/>.</returns>
    public static int Normalise(char[] buffer, int start, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (start < 0 || count < 0 || start + count > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The range must lie inside the buffer.");
        }

        // Text that is all ASCII needs nothing: skip to the first other character (vectorised on .NET).
        int firstOther = FirstNonAscii(buffer, start, count);
        if (firstOther < 0)
        {
            return count;
        }

        int write = firstOther;
        for (int read = firstOther; read < start + count; read++)
        {
            char c = buffer[read];
            if (c < 0x80)
            {
                buffer[write++] = c;
                continue;
            }

            char mapped = Map(c);
            if (mapped != '\0')
            {
                buffer[write++] = mapped;
            }
        }

        return write - start;
    }

    /// <summary>The normalised form of <paramref name="text"/>; the same instance when nothing changes.</summary>
    /// <param name="text">The text.</param>
    public static string Normalise(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        int first = 0;
        while (first < text.Length && (text[first] < 0x80 || Map(text[first]) == text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        char[] chars = text.ToCharArray();
        int length = first + Normalise(chars, first, chars.Length - first);
        return new string(chars, 0, length);
    }

    private static int FirstNonAscii(char[] buffer, int start, int count)
    {
#if NET8_0_OR_GREATER
        int found = buffer.AsSpan(start, count).IndexOfAnyExceptInRange('\0', '\u007F');
        return found < 0 ? -1 : start + found;
#else
        for (int i = start; i < start + count; i++)
        {
            if (buffer[i] >= 0x80)
            {
                return i;
            }
        }

        return -1;
#endif
    }

    /// <summary>The character <paramref name="c"/> stands for, or <c>'\0'</c> when it is to be removed.</summary>
    internal static char Map(char c)
    {
        switch (c)
        {
            case '\u00AD': // soft hyphen
            case '\u200B': // zero-width space
            case '\u200C': // zero-width non-joiner
            case '\u200D': // zero-width joiner
            case '\u2060': // word joiner
            case '\uFEFF': // zero-width no-break space (byte order mark)
            case '\u180E': // Mongolian vowel separator, once a zero-width space
                return '\0';
            case '\u2010': // hyphen
            case '\u2011': // non-breaking hyphen
            case '\u2012': // figure dash
            case '\u2013': // en dash
            case '\u2014': // em dash
            case '\u2015': // horizontal bar
            case '\u2212': // minus sign
            case '\uFE58': // small em dash
            case '\uFE63': // small hyphen-minus
            case '\uFF0D': // full-width hyphen-minus
                return '-';
            case '\uFF0E': // full-width full stop
                return '.';
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.SpaceSeparator)
        {
            // No-break, narrow no-break, figure, thin, hair, ideographic, ... spaces.
            return ' ';
        }

        if (category == UnicodeCategory.DecimalDigitNumber)
        {
            int value = (int)CharUnicodeInfo.GetNumericValue(c);
            return value is >= 0 and <= 9 ? (char)('0' + value) : c;
        }

        return c;
    }
}
