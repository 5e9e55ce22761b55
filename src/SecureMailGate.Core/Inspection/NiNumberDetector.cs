using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Finds UK National Insurance numbers (POLICY §2 <c>ni-number</c>): two prefix letters (neither D, F, I, Q,
/// U, V; second not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A–D, optional spaces or hyphens
/// between pairs. <c>high</c> with a keyword within 300 characters, else <c>medium</c>.
/// </summary>
public sealed class NiNumberDetector : KeywordContextDetector
{
    private static readonly Regex Candidate = new(
        @"(?<![\p{L}\p{N}])(?<p>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[A-D](?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(2));

    private static readonly HashSet<string> ExcludedPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "BG", "GB", "KN", "NK", "NT", "TN", "ZZ",
    };

    /// <summary>The shared instance.</summary>
    public static NiNumberDetector Instance { get; } = new();

    /// <inheritdoc />
    protected override string Kind => FindingKinds.NiNumber;

    /// <inheritdoc />
    protected override KeywordSet Keywords => ContextKeywords.NiNumber;

    /// <inheritdoc />
    protected override IEnumerable<(int Start, int End, Confidence WithoutKeyword)> FindValid(string text, int regionStart, int regionEnd)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        for (Match m = Candidate.Match(text, Math.Max(0, regionStart)); m.Success && m.Index < regionEnd; m = m.NextMatch())
        {
            if (!ExcludedPrefixes.Contains(m.Groups["p"].Value))
            {
                yield return (m.Index, m.Index + m.Length, Confidence.Medium);
            }
        }
    }
}
