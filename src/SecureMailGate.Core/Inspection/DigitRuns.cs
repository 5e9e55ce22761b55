using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>Runs of ASCII digits in normalised text: where the next one starts and where one ends.</summary>
internal static class DigitRuns
{
    /// <summary>
    /// The first ASCII digit in [<paramref name="from"/>, <paramref name="limit"/>), or -1. A few characters are looked
    /// at one by one first, since in digit-dense text the next run is usually that close; then the search is vectorised
    /// on .NET.
    /// </summary>
    public static int IndexOfDigit(ReadOnlySpan<char> text, int from, int limit)
    {
        int near = Math.Min(limit, from + 8);
        for (int j = from; j < near; j++)
        {
            if (IsDigit(text[j]))
            {
                return j;
            }
        }

#if NET8_0_OR_GREATER
        int found = near < limit ? text.Slice(near, limit - near).IndexOfAnyInRange('0', '9') : -1;
        return found < 0 ? -1 : near + found;
#else
        for (int j = near; j < limit; j++)
        {
            if (IsDigit(text[j]))
            {
                return j;
            }
        }

        return -1;
#endif
    }

    /// <summary>Index after the run of ASCII digits starting at <paramref name="start"/>.</summary>
    public static int RunEnd(ReadOnlySpan<char> text, int start)
    {
        int j = start;
        while (j < text.Length && IsDigit(text[j]))
        {
            j++;
        }

        return j;
    }

    /// <summary>An ASCII digit (the text is normalised, so digits of other scripts are already ASCII).</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9';
}
