using System;
using System.Collections.Generic;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// A built-in identifier detector: a match is <c>high</c> with a context keyword within
/// <see cref="ContextKeywords.Proximity"/> characters (or under a keyword column header), otherwise the
/// confidence the match itself carries.
/// </summary>
public abstract class KeywordContextDetector : IDetector
{
    /// <summary>The finding kind reported.</summary>
    protected abstract string Kind { get; }

    /// <summary>The context keywords.</summary>
    protected abstract KeywordSet Keywords { get; }

    /// <inheritdoc />
    public void Detect(TextWindow window, ICollection<Finding> findings)
    {
        if (findings is null)
        {
            throw new ArgumentNullException(nameof(findings));
        }

        IReadOnlyList<(int, int)>? keywords = null;
        foreach ((int start, int end, Confidence withoutKeyword) in FindValid(window.Text, window.RegionStart, window.RegionEnd))
        {
            keywords ??= Keywords.FindAll(window.Text);
            Confidence confidence = KeywordSet.IsNear(keywords, start, end, ContextKeywords.Proximity) ? Confidence.High : withoutKeyword;
            findings.Add(new Finding(Kind, window.Location, confidence));
        }
    }

    /// <inheritdoc />
    public void DetectInCell(string cell, bool headerHasKeyword, string location, ICollection<Finding> findings)
    {
        if (cell is null || findings is null)
        {
            throw new ArgumentNullException(cell is null ? nameof(cell) : nameof(findings));
        }

        if (!headerHasKeyword)
        {
            Detect(new TextWindow(cell, 0, cell.Length, location), findings);
            return;
        }

        foreach (var _ in FindValid(cell, 0, cell.Length))
        {
            findings.Add(new Finding(Kind, location, Confidence.High));
        }
    }

    /// <inheritdoc />
    public bool IsContextHeader(string header) => Keywords.Occurs(header);

    /// <summary>
    /// Valid matches starting in [<paramref name="regionStart"/>, <paramref name="regionEnd"/>), each with the
    /// confidence it has when no keyword is near.
    /// </summary>
    /// <param name="text">The text; may be empty.</param>
    /// <param name="regionStart">First index a match may start at.</param>
    /// <param name="regionEnd">Index past the last one a match may start at.</param>
    protected abstract IEnumerable<(int Start, int End, Confidence WithoutKeyword)> FindValid(string text, int regionStart, int regionEnd);
}
