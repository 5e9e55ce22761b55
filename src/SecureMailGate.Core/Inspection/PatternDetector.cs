using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// An administrator-defined detector. Without keywords every match counts at the pattern's confidence;
/// with keywords, a match needs one within the proximity to count at that confidence, else it is <c>low</c>.
/// </summary>
public sealed class PatternDetector : IDetector
{
    private readonly Regex _regex;
    private readonly KeywordSet _keywords;
    private readonly DetectionPattern _pattern;

    /// <summary>Compiles the pattern. A match may run for at most one second before it counts as a limit.</summary>
    /// <param name="pattern">The validated pattern.</param>
    /// <exception cref="ArgumentException">The regular expression is invalid.</exception>
    public PatternDetector(DetectionPattern pattern)
    {
        _pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _regex = new Regex(pattern.Regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _keywords = new KeywordSet(pattern.Keywords);
    }

    /// <inheritdoc />
    public void Detect(TextWindow window, ICollection<Finding> findings)
    {
        if (findings is null)
        {
            throw new ArgumentNullException(nameof(findings));
        }

        if (string.IsNullOrEmpty(window.Text))
        {
            return;
        }

        IReadOnlyList<(int, int)>? keywords = null;
        for (Match m = _regex.Match(window.Text, window.RegionStart); m.Success && m.Index < window.RegionEnd; m = m.NextMatch())
        {
            if (m.Length == 0)
            {
                continue;
            }

            Confidence confidence = _pattern.Confidence;
            if (!_keywords.IsEmpty)
            {
                keywords ??= _keywords.FindAll(window.Text);
                if (!KeywordSet.IsNear(keywords, m.Index, m.Index + m.Length, _pattern.Proximity))
                {
                    confidence = Confidence.Low;
                }
            }

            findings.Add(new Finding(_pattern.Name, window.Location, confidence));
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
        if (headerHasKeyword)
        {
            for (Match m = _regex.Match(cell); m.Success; m = m.NextMatch())
            {
                if (m.Length > 0)
                {
                    findings.Add(new Finding(_pattern.Name, location, _pattern.Confidence));
                }
            }
        }
        else
        {
            Detect(new TextWindow(cell, 0, cell.Length, location), findings);
        }
    }

    /// <inheritdoc />
    public bool IsContextHeader(string header) => header is not null && _keywords.Occurs(TextNormaliser.Normalise(header));
}
