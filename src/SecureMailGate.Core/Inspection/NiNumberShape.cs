using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Finds text shaped like a National Insurance number with span loops instead of a regular expression: two prefix
/// letters, three pairs of digits and a suffix letter A–D, each part optionally after one space or hyphen, in either
/// case, standing alone (no letter or number of any script touching either end). The search jumps from digit run to
/// digit run, since every candidate's digits begin two or three characters after its start.
/// </summary>
/// <remarks>
/// Prefix letters follow HMRC's format: the first is not D, F, I, Q, U or V; the second is not D, F, I, O, Q, U or V.
/// Candidates are found leftmost first and never overlap; after one, the search resumes at its end, even when its
/// prefix is one HMRC never issues (<see cref="IsIssuedPrefix"/>). The test project keeps the regular expression these
/// loops replaced and compares the two on generated text.
/// </remarks>
internal static class NiNumberShape
{
    /// <summary>
    /// The next candidate starting at or after <paramref name="from"/> and before <paramref name="limit"/>.
    /// Characters before <paramref name="from"/> are still looked at as context.
    /// </summary>
    /// <param name="text">Normalised text.</param>
    /// <param name="from">Where to start looking.</param>
    /// <param name="limit">A candidate must start before this index.</param>
    /// <param name="start">Index of its first prefix letter.</param>
    /// <param name="end">Index after its suffix letter.</param>
    /// <returns>Whether one was found.</returns>
    public static bool Next(ReadOnlySpan<char> text, int from, int limit, out int start, out int end)
    {
        int i = Math.Max(0, from);
        limit = Math.Min(limit, text.Length);
        int searchFrom = i;
        while (searchFrom < text.Length)
        {
            int digit = DigitRuns.IndexOfDigit(text, searchFrom, text.Length);
            if (digit < 0)
            {
                break;
            }

            // The digits start right after the prefix, or after the prefix and one separator.
            for (int candidate = digit - 3; candidate <= digit - 2; candidate++)
            {
                if (candidate >= limit)
                {
                    (start, end) = (0, 0);
                    return false;
                }

                if (candidate >= i && TryMatchAt(text, candidate, out end))
                {
                    start = candidate;
                    return true;
                }
            }

            searchFrom = DigitRuns.RunEnd(text, digit);
        }

        (start, end) = (0, 0);
        return false;
    }

    /// <summary>False for the prefixes HMRC never issues (BG, GB, KN, NK, NT, TN, ZZ), in either case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">A candidate's start from <see cref="Next"/>.</param>
    /// <returns>Whether the prefix can be a real one.</returns>
    public static bool IsIssuedPrefix(ReadOnlySpan<char> text, int start)
    {
        char first = Upper(text[start]);
        char second = Upper(text[start + 1]);
        return (first, second) is not (('B', 'G') or ('G', 'B') or ('K', 'N') or ('N', 'K') or ('N', 'T') or ('T', 'N') or ('Z', 'Z'));
    }

    private static bool TryMatchAt(ReadOnlySpan<char> text, int start, out int end)
    {
        end = 0;
        int j = start;
        if (start < 0 || j + 1 >= text.Length || !IsFirstPrefixLetter(Upper(text[j])) || !IsSecondPrefixLetter(Upper(text[j + 1])))
        {
            return false;
        }

        if (start > 0 && IsLetterOrNumber(text[start - 1]))
        {
            return false;
        }

        j += 2;
        for (int pair = 0; pair < 3; pair++)
        {
            j = SkipSeparator(text, j);
            if (j + 1 >= text.Length || !DigitRuns.IsDigit(text[j]) || !DigitRuns.IsDigit(text[j + 1]))
            {
                return false;
            }

            j += 2;
        }

        j = SkipSeparator(text, j);
        if (j >= text.Length || Upper(text[j]) is < 'A' or > 'D')
        {
            return false;
        }

        j++;
        if (j < text.Length && IsLetterOrNumber(text[j]))
        {
            return false;
        }

        end = j;
        return true;
    }

    private static int SkipSeparator(ReadOnlySpan<char> text, int j) => j < text.Length && text[j] is ' ' or '-' ? j + 1 : j;

    // A-C, E, G, H, J-P, R-T, W-Z.
    private static bool IsFirstPrefixLetter(char c) => c is >= 'A' and <= 'Z' and not ('D' or 'F' or 'I' or 'Q' or 'U' or 'V');

    // A-C, E, G, H, J-N, P, R-T, W-Z.
    private static bool IsSecondPrefixLetter(char c) => c is >= 'A' and <= 'Z' and not ('D' or 'F' or 'I' or 'O' or 'Q' or 'U' or 'V');

    /// <summary>ASCII upper case; the Kelvin sign counts as K, as it does in case-insensitive .NET regular expressions.</summary>
    private static char Upper(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)(c - 32),
        '\u212A' => 'K',
        _ => c,
    };

    // \p{L} and \p{N}: letters of any script, and digits, letter numbers and other numbers.
    private static bool IsLetterOrNumber(char c) => char.IsLetter(c) || char.IsNumber(c);
}
