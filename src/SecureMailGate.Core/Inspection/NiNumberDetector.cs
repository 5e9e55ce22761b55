using System;
using System.Collections.Generic;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Finds UK National Insurance numbers (POLICY §2 <c>ni-number</c>): two prefix letters (neither D, F, I, Q,
/// U, V; second not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A–D, optional spaces or hyphens
/// between pairs. <c>high</c> with a keyword within 300 characters, else <c>medium</c>.
/// </summary>
public sealed class NiNumberDetector : KeywordContextDetector
{
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

        int from = Math.Max(0, regionStart);
        while (NiNumberShape.Next(text, from, regionEnd, out int start, out int end))
        {
            if (NiNumberShape.IsIssuedPrefix(text, start))
            {
                yield return (start, end, Confidence.Medium);
            }

            from = end;
        }
    }
}
