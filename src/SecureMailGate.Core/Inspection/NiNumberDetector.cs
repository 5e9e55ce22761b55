using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Finds UK National Insurance numbers (POLICY §2 <c>ni-number</c>): two prefix letters (neither D, F, I, Q,
/// U, V; second not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A–D, optional spaces or hyphens
/// between pairs. <c>high</c> with a keyword within 300 characters, else <c>medium</c>.
/// </summary>
public sealed class NiNumberDetector : IDetector
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
    public void Detect(TextWindow window, ICollection<Finding> findings)
    {
        if (findings is null)
        {
            throw new ArgumentNullException(nameof(findings));
        }

        IReadOnlyList<(int, int)>? keywords = null;
        foreach ((int start, int end) in FindValid(window.Text, window.RegionStart, window.RegionEnd))
        {
            keywords ??= ContextKeywords.NiNumber.FindAll(window.Text);
            Confidence confidence = KeywordSet.IsNear(keywords, start, end, ContextKeywords.Proximity)
                ? Confidence.High
                : Confidence.Medium;
            findings.Add(new Finding(FindingKinds.NiNumber, window.Location, confidence));
        }
    }

    /// <inheritdoc />
    public void DetectInCell(string cell, bool headerHasKeyword, string location, ICollection<Finding> findings)
    {
        if (cell is null || findings is null)
        {
            throw new ArgumentNullException(cell is null ? nameof(cell) : nameof(findings));
        }

        if (headerHasKeyword)
        {
            foreach (var _ in FindValid(cell, 0, cell.Length))
            {
                findings.Add(new Finding(FindingKinds.NiNumber, location, Confidence.High));
            }
        }
        else
        {
            Detect(new TextWindow(cell, 0, cell.Length, location), findings);
        }
    }

    /// <inheritdoc />
    public bool IsContextHeader(string header) => ContextKeywords.NiNumber.Occurs(header);

    private static IEnumerable<(int Start, int End)> FindValid(string text, int regionStart, int regionEnd)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        for (Match m = Candidate.Match(text, Math.Max(0, regionStart)); m.Success && m.Index < regionEnd; m = m.NextMatch())
        {
            if (!ExcludedPrefixes.Contains(m.Groups["p"].Value))
            {
                yield return (m.Index, m.Index + m.Length);
            }
        }
    }
}
