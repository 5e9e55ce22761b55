using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Context keywords matched case-insensitively as whole words (a keyword's neighbours are not letters or
/// digits), with any run of white space between the words of a phrase.
/// </summary>
public sealed class KeywordSet
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private readonly Regex? _regex;

    /// <summary>Builds the set; empty or blank keywords are ignored.</summary>
    /// <param name="keywords">The keywords or phrases.</param>
    public KeywordSet(IEnumerable<string> keywords)
    {
        if (keywords is null)
        {
            throw new ArgumentNullException(nameof(keywords));
        }

        // Longest first so "NHS number" is preferred over "NHS" at the same place.
        string[] alternatives = keywords
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => k.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(k => k.Length)
            .Select(k => string.Join(@"\s+", k.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .ToArray();
        IsEmpty = alternatives.Length == 0;
        if (!IsEmpty)
        {
            _regex = new Regex(
                @"(?<![\p{L}\p{N}])(?:" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
                MatchTimeout);
        }
    }

    /// <summary>True when the set holds no keyword.</summary>
    public bool IsEmpty { get; }

    /// <summary>Whether any keyword occurs in <paramref name="text"/>.</summary>
    public bool Occurs(string text) => _regex is not null && text is not null && _regex.IsMatch(text);

    /// <summary>The spans (start, end exclusive) of every keyword in <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<(int Start, int End)> FindAll(string text)
    {
        if (_regex is null || string.IsNullOrEmpty(text))
        {
            return Array.Empty<(int, int)>();
        }

        var spans = new List<(int, int)>();
        for (Match m = _regex.Match(text); m.Success; m = m.NextMatch())
        {
            spans.Add((m.Index, m.Index + m.Length));
        }

        return spans;
    }

    /// <summary>
    /// Whether a keyword from <paramref name="spans"/> lies within <paramref name="proximity"/> characters of
    /// the match [<paramref name="start"/>, <paramref name="end"/>).
    /// </summary>
    public static bool IsNear(IReadOnlyList<(int Start, int End)> spans, int start, int end, int proximity)
    {
        if (spans is null)
        {
            throw new ArgumentNullException(nameof(spans));
        }

        foreach ((int s, int e) in spans)
        {
            if (e >= start - proximity && s <= end + proximity)
            {
                return true;
            }
        }

        return false;
    }
}
