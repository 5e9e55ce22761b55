using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Finds NHS numbers (POLICY §2 <c>nhs-number</c>): ten digits, contiguous or grouped 3-3-4 with one
/// consistent separator (space, no-break space or hyphen), not part of a longer run of digits, passing the
/// modulus-11 check. Confidence: <c>high</c> with a context keyword within 300 characters, else
/// <c>medium</c> when grouped, <c>low</c> when contiguous.
/// </summary>
public sealed class NhsNumberDetector : KeywordContextDetector
{
    // Grouped: the lookarounds keep "12 943 476 5919" and "943 476 5919 12" out, since those are longer runs.
    private static readonly Regex Candidate = new(
        @"(?<![0-9])(?:(?<c>[0-9]{10})|(?<![0-9][ \u00A0-])(?<a>[0-9]{3})(?<s>[ \u00A0-])(?<b>[0-9]{3})\k<s>(?<d>[0-9]{4})(?![ \u00A0-][0-9]))(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(2));

    /// <summary>The shared instance.</summary>
    public static NhsNumberDetector Instance { get; } = new();

    /// <inheritdoc />
    protected override string Kind => FindingKinds.NhsNumber;

    /// <inheritdoc />
    protected override KeywordSet Keywords => ContextKeywords.NhsNumber;

    /// <inheritdoc />
    protected override IEnumerable<(int Start, int End, Confidence WithoutKeyword)> FindValid(string text, int regionStart, int regionEnd)
    {
        foreach ((int start, int end, bool grouped) in FindNumbers(text, regionStart, regionEnd))
        {
            yield return (start, end, grouped ? Confidence.Medium : Confidence.Low);
        }
    }

    /// <summary>Spans of valid NHS numbers starting in [regionStart, regionEnd), and whether each is grouped.</summary>
    internal static IEnumerable<(int Start, int End, bool Grouped)> FindNumbers(string text, int regionStart, int regionEnd)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        for (Match m = Candidate.Match(text, Math.Max(0, regionStart)); m.Success && m.Index < regionEnd; m = m.NextMatch())
        {
            Group contiguous = m.Groups["c"];
            string digits = contiguous.Success
                ? contiguous.Value
                : m.Groups["a"].Value + m.Groups["b"].Value + m.Groups["d"].Value;
            if (NhsNumber.IsValid(digits))
            {
                yield return (m.Index, m.Index + m.Length, !contiguous.Success);
            }
        }
    }
}
