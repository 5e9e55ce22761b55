using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Finds text shaped like an NHS number with span loops instead of a regular expression: ten contiguous digits, or
/// groups of 3, 3 and 4 digits (POLICY §2). The search jumps from digit run to digit run (vectorised on .NET), so text
/// pays for its digits, not for its length, and nothing is allocated.
/// </summary>
/// <remarks>
/// The shapes, exactly (the text is already normalised by <see cref="TextNormaliser"/>):
/// <list type="bullet">
/// <item>Contiguous: a run of exactly ten ASCII digits, not preceded by a digit and <c>.</c> or <c>,</c> (a decimal or
/// thousands group) and not followed by <c>.</c> or <c>,</c> and a digit.</item>
/// <item>Grouped: runs of exactly 3, 3 and 4 digits. Between them a separator (up to three spaces or tabs, or a hyphen
/// or dot with up to two spaces or tabs either side) or one line break (up to two spaces or tabs, an optional carriage
/// return, the line feed, up to four reply quote marks each optionally after one space or tab, up to two spaces or
/// tabs); at most one of the two gaps is a line break, and when the first is, the second is a separator. Not glued to a
/// longer number: no digit followed by a continuation (up to three spaces or tabs, a hyphen with up to two spaces or
/// tabs either side, or one <c>.</c> or <c>,</c>) before it, and no continuation followed by a digit after it.</item>
/// </list>
/// Candidates are found leftmost first and never overlap: after one, the search resumes at its end, whether or not its
/// check digit is right. These are the rules the detector's regular expression had; the test project keeps that
/// expression and compares the two on generated text.
/// </remarks>
internal static class NhsNumberShape
{
    /// <summary>Longest gap between two groups: a line break with two quote marks' worth of spaces (14), rounded up.</summary>
    private const int MaxGap = 16;

    /// <summary>Longest continuation glued to a number: two spaces, a hyphen, two spaces.</summary>
    private const int MaxContinuation = 5;

    /// <summary>
    /// The next candidate starting at or after <paramref name="from"/> and before <paramref name="limit"/>; it may end
    /// after <paramref name="limit"/>. Characters before <paramref name="from"/> are still looked at as context.
    /// </summary>
    /// <param name="text">Normalised text.</param>
    /// <param name="from">Where to start looking.</param>
    /// <param name="limit">A candidate must start before this index.</param>
    /// <param name="start">The candidate's first digit.</param>
    /// <param name="end">Index after its last digit.</param>
    /// <param name="grouped">Whether it is written in groups.</param>
    /// <returns>Whether one was found.</returns>
    public static bool Next(ReadOnlySpan<char> text, int from, int limit, out int start, out int end, out bool grouped)
    {
        int i = Math.Max(0, from);
        limit = Math.Min(limit, text.Length);
        while (i < limit)
        {
            int p = DigitRuns.IndexOfDigit(text, i, limit);
            if (p < 0)
            {
                break;
            }

            int runEnd = DigitRuns.RunEnd(text, p);
            bool runStart = p == 0 || !DigitRuns.IsDigit(text[p - 1]);
            if (runStart && runEnd - p == 10 && ContiguousStandsAlone(text, p, runEnd))
            {
                (start, end, grouped) = (p, runEnd, false);
                return true;
            }

            if (runStart && runEnd - p == 3 && TryGrouped(text, p, runEnd, out int groupedEnd))
            {
                (start, end, grouped) = (p, groupedEnd, true);
                return true;
            }

            i = runEnd;
        }

        (start, end, grouped) = (0, 0, false);
        return false;
    }

    /// <summary>Whether the ten digits inside [<paramref name="start"/>, <paramref name="end"/>) pass the NHS modulus-11 check.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">A candidate's start from <see cref="Next"/>.</param>
    /// <param name="end">Its end.</param>
    /// <returns>Whether it is a valid NHS number.</returns>
    public static bool IsValid(ReadOnlySpan<char> text, int start, int end)
    {
        Span<char> digits = stackalloc char[10];
        int count = 0;
        for (int i = start; i < end; i++)
        {
            if (DigitRuns.IsDigit(text[i]))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = text[i];
            }
        }

        return count == digits.Length && NhsNumber.IsValid(digits);
    }

    private static bool TryGrouped(ReadOnlySpan<char> text, int a, int aEnd, out int end)
    {
        // The cheapest refusals first: in digit-dense text most three-digit runs are glued to a number before them or
        // followed by a gap no separator allows, and need not be followed further.
        end = 0;
        if (GluedBefore(text, a))
        {
            return false;
        }

        int b = NextDigitWithin(text, aEnd);
        if (b < 0)
        {
            return false;
        }

        ReadOnlySpan<char> first = text.Slice(aEnd, b - aEnd);
        bool firstIsSeparator = IsSeparator(first);
        if (!firstIsSeparator && !IsLineBreak(first))
        {
            return false;
        }

        int bEnd = DigitRuns.RunEnd(text, b);
        if (bEnd - b != 3)
        {
            return false;
        }

        int d = NextDigitWithin(text, bEnd);
        if (d < 0)
        {
            return false;
        }

        ReadOnlySpan<char> second = text.Slice(bEnd, d - bEnd);
        bool gapsFit = firstIsSeparator ? IsSeparator(second) || IsLineBreak(second) : IsSeparator(second);
        if (!gapsFit)
        {
            return false;
        }

        int dEnd = DigitRuns.RunEnd(text, d);
        if (dEnd - d != 4 || GluedAfter(text, dEnd))
        {
            return false;
        }

        end = dEnd;
        return true;
    }

    private static bool ContiguousStandsAlone(ReadOnlySpan<char> text, int start, int end) =>
        !(start >= 2 && text[start - 1] is '.' or ',' && DigitRuns.IsDigit(text[start - 2]))
        && !(end + 1 < text.Length && text[end] is '.' or ',' && DigitRuns.IsDigit(text[end + 1]));

    /// <summary>A digit and a continuation just before <paramref name="start"/> ("12 943…", "1.943…").</summary>
    private static bool GluedBefore(ReadOnlySpan<char> text, int start)
    {
        for (int length = 1; length <= MaxContinuation && start - length - 1 >= 0; length++)
        {
            if (DigitRuns.IsDigit(text[start - length - 1]) && IsContinuation(text.Slice(start - length, length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A continuation and a digit just after <paramref name="end"/> ("…5919 12", "…5919.5").</summary>
    private static bool GluedAfter(ReadOnlySpan<char> text, int end)
    {
        for (int length = 1; length <= MaxContinuation && end + length < text.Length; length++)
        {
            if (DigitRuns.IsDigit(text[end + length]) && IsContinuation(text.Slice(end, length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Up to three spaces or tabs, or a hyphen or dot with up to two spaces or tabs either side.</summary>
    internal static bool IsSeparator(ReadOnlySpan<char> gap)
    {
        if (gap.Length is >= 1 and <= 3 && AllBlank(gap))
        {
            return true;
        }

        int k = LeadingBlanks(gap, 2);
        return k < gap.Length && gap[k] is '-' or '.' && gap.Length - k - 1 <= 2 && AllBlank(gap.Slice(k + 1));
    }

    /// <summary>Up to three spaces or tabs, a hyphen with up to two spaces or tabs either side, or one dot or comma.</summary>
    internal static bool IsContinuation(ReadOnlySpan<char> gap)
    {
        if (gap.Length == 1 && gap[0] is '.' or ',')
        {
            return true;
        }

        if (gap.Length is >= 1 and <= 3 && AllBlank(gap))
        {
            return true;
        }

        int k = LeadingBlanks(gap, 2);
        return k < gap.Length && gap[k] == '-' && gap.Length - k - 1 <= 2 && AllBlank(gap.Slice(k + 1));
    }

    /// <summary>Up to two blanks, an optional CR, LF, up to four quote marks each after at most one blank, up to two blanks.</summary>
    internal static bool IsLineBreak(ReadOnlySpan<char> gap)
    {
        int k = LeadingBlanks(gap, 2);
        if (k < gap.Length && gap[k] == '\r')
        {
            k++;
        }

        if (k >= gap.Length || gap[k] != '\n')
        {
            return false;
        }

        ReadOnlySpan<char> rest = gap.Slice(k + 1);
        int lastQuote = rest.LastIndexOf('>');
        ReadOnlySpan<char> tail = rest.Slice(lastQuote + 1);
        if (tail.Length > 2 || !AllBlank(tail))
        {
            return false;
        }

        int quotes = 0;
        int j = 0;
        while (j <= lastQuote)
        {
            if (rest[j] == '>')
            {
                j++;
            }
            else if (IsBlank(rest[j]) && j + 1 <= lastQuote && rest[j + 1] == '>')
            {
                j += 2;
            }
            else
            {
                return false;
            }

            quotes++;
        }

        return quotes <= 4;
    }

    private static int NextDigitWithin(ReadOnlySpan<char> text, int from)
    {
        for (int j = from; j < text.Length && j - from <= MaxGap; j++)
        {
            if (DigitRuns.IsDigit(text[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private static int LeadingBlanks(ReadOnlySpan<char> s, int most)
    {
        int k = 0;
        while (k < s.Length && k < most && IsBlank(s[k]))
        {
            k++;
        }

        return k;
    }

    private static bool AllBlank(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!IsBlank(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
