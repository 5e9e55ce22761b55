using System;
using System.Collections.Generic;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// A built-in identifier detector: a match is <c>high</c> with a context keyword within
/// <see cref="ContextKeywords.Proximity"/> characters (or under a keyword column header), otherwise the
/// confidence the match itself carries. A keyword inside a URL, an address or a program identifier
/// (<c>amazon.com/gp/product</c>, <c>gp = x</c>) is not context; a detector may also judge a match's own
/// context (<see cref="Judge"/>).
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

        IReadOnlyList<(int Start, int End)>? keywords = null;
        List<(int Start, int End)>? counting = null;
        foreach ((int start, int end, Confidence withoutKeyword) in FindValid(window.Text, window.RegionStart, window.RegionEnd))
        {
            if (keywords is null || counting is null)
            {
                keywords = Keywords.FindAll(window.Text);
                counting = CountingKeywords(window.Text, keywords);
            }

            if (Judge(window.Text, start, end, withoutKeyword, keywords, counting) is { } confidence)
            {
                findings.Add(new Finding(Kind, window.Location, confidence));
            }
        }
    }

    /// <inheritdoc />
    public void DetectInCell(string cell, bool headerHasKeyword, string location, ICollection<Finding> findings)
    {
        if (cell is null || findings is null)
        {
            throw new ArgumentNullException(cell is null ? nameof(cell) : nameof(findings));
        }

        // Cells reach detectors straight from the table reader, not through the scanner: normalise them here.
        cell = TextNormaliser.Normalise(cell);
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
    public bool IsContextHeader(string header) => header is not null && Keywords.Occurs(TextNormaliser.Normalise(header));

    /// <summary>
    /// The confidence of the valid match at [<paramref name="start"/>, <paramref name="end"/>), or null when its context
    /// shows it is not this kind of identifier. By default: <c>high</c> with a counting keyword within
    /// <see cref="ContextKeywords.Proximity"/> characters, else <paramref name="withoutKeyword"/>.
    /// </summary>
    /// <param name="text">The window's text.</param>
    /// <param name="start">The match's first character.</param>
    /// <param name="end">Past its last character.</param>
    /// <param name="withoutKeyword">Its confidence without a keyword.</param>
    /// <param name="keywords">Every keyword in the text.</param>
    /// <param name="counting">The keywords that count as context: those not inside a URL, an address or a program identifier.</param>
    protected virtual Confidence? Judge(
        string text, int start, int end, Confidence withoutKeyword, IReadOnlyList<(int Start, int End)> keywords, IReadOnlyList<(int Start, int End)> counting) =>
        KeywordSet.IsNear(counting, start, end, ContextKeywords.Proximity) ? Confidence.High : withoutKeyword;

    /// <summary>The keywords that count as context: "gp" in <c>amazon.com/gp/product</c> or <c>gp = x</c> does not.</summary>
    private static List<(int Start, int End)> CountingKeywords(string text, IReadOnlyList<(int Start, int End)> keywords)
    {
        var counting = new List<(int Start, int End)>(keywords.Count);
        foreach ((int s, int e) in keywords)
        {
            if (!NumberContext.KeywordInUrlOrIdentifier(text, s, e))
            {
                counting.Add((s, e));
            }
        }

        return counting;
    }

    /// <summary>
    /// Valid matches starting in [<paramref name="regionStart"/>, <paramref name="regionEnd"/>), each with the
    /// confidence it has when no keyword is near.
    /// </summary>
    /// <param name="text">The text; may be empty.</param>
    /// <param name="regionStart">First index a match may start at.</param>
    /// <param name="regionEnd">Index past the last one a match may start at.</param>
    protected abstract IEnumerable<(int Start, int End, Confidence WithoutKeyword)> FindValid(string text, int regionStart, int regionEnd);
}
