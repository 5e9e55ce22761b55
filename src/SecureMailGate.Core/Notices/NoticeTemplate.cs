using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecureMailGate.Core.Configuration;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// One parsed notice template: lines of text with named placeholders (<c>{recipient}</c>). Lines starting with
/// <c>#</c> are notes for whoever edits the file and are never sent. When rendered, a line with a placeholder
/// whose value is empty is left out (so an optional help link leaves no dangling "Help:"), and a placeholder
/// that stands for several lines (<c>{reasons}</c>, <c>{recipients}</c>) must be alone on its line.
/// Immutable; parsing checks everything, so rendering cannot fail.
/// </summary>
public sealed class NoticeTemplate
{
    /// <summary>Longest template line allowed in an SMTP reply, before placeholders are filled in.</summary>
    public const int MaxSmtpLineLength = 300;

    private static readonly Regex Placeholder = new(@"\{([^{}\r\n]*)\}", RegexOptions.CultureInvariant);
    private static readonly string[] BlockPlaceholders = { NoticePlaceholders.Reasons, NoticePlaceholders.Recipients };

    private readonly IReadOnlyList<string> lines;

    private NoticeTemplate(NoticeTemplateSpec spec, string source, IReadOnlyList<string> lines)
    {
        Spec = spec;
        Source = source;
        this.lines = lines;
    }

    /// <summary>What this template may contain.</summary>
    public NoticeTemplateSpec Spec { get; }

    /// <summary>Where the text came from (a file path, or <c>built-in:</c> + name).</summary>
    public string Source { get; }

    /// <summary>The template lines, notes removed, placeholders unfilled.</summary>
    public IReadOnlyList<string> Lines => lines;

    /// <summary>Parses and checks a template.</summary>
    /// <param name="spec">What the template may contain.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="source">Where it came from, used in error messages.</param>
    /// <exception cref="PolicyConfigurationException">
    /// An unknown placeholder, a stray brace, a multi-line placeholder sharing its line, a line an SMTP reply
    /// cannot carry (not printable ASCII, or longer than <see cref="MaxSmtpLineLength"/>), or no text at all;
    /// the message names the source and the line.
    /// </exception>
    public static NoticeTemplate Parse(NoticeTemplateSpec spec, string text, string source)
    {
        if (spec is null || text is null || source is null)
        {
            throw new ArgumentNullException(spec is null ? nameof(spec) : text is null ? nameof(text) : nameof(source));
        }

        var raw = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();
        if (raw.Count > 0 && raw[raw.Count - 1].Length == 0)
        {
            raw.RemoveAt(raw.Count - 1); // the file's final line break
        }

        var kept = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            var line = raw[i];
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (LineProblem(spec, line) is { } problem)
            {
                throw new PolicyConfigurationException(source, i + 1, problem);
            }

            kept.Add(line);
        }

        if (kept.All(string.IsNullOrWhiteSpace))
        {
            throw new PolicyConfigurationException(source, null, "the notice template has no text. Write the text the sender should read, or copy the file from the shipped config/notices/en folder.");
        }

        if (spec.SingleLine && kept.Count(l => l.Trim().Length > 0) != 1)
        {
            throw new PolicyConfigurationException(source, null, "this template must be exactly one line of text (it is a subject line).");
        }

        return new NoticeTemplate(spec, source, spec.SingleLine ? kept.Where(l => l.Trim().Length > 0).ToArray() : kept.ToArray());
    }

    /// <summary>
    /// Fills in the placeholders. A line whose placeholder has an empty or missing value is left out; a
    /// multi-line value (lines joined by <c>\n</c>) of a placeholder alone on its line becomes those lines.
    /// </summary>
    /// <param name="values">Placeholder values by name.</param>
    /// <returns>The rendered lines.</returns>
    public IReadOnlyList<string> Render(IReadOnlyDictionary<string, string> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var result = new List<string>();
        foreach (var line in lines)
        {
            var names = Placeholder.Matches(line).Cast<Match>().Select(m => m.Groups[1].Value).ToList();
            if (names.Any(n => !values.TryGetValue(n, out var v) || string.IsNullOrEmpty(v)))
            {
                continue;
            }

            if (names.Count == 1 && BlockPlaceholders.Contains(names[0]))
            {
                result.AddRange(values[names[0]].Split('\n'));
                continue;
            }

            // One pass: a value that itself contains "{x}" is never expanded again.
            result.Add(Placeholder.Replace(line, m => values[m.Groups[1].Value]));
        }

        return result;
    }

    private static string? LineProblem(NoticeTemplateSpec spec, string line)
    {
        if (spec.SmtpReply)
        {
            var bad = line.FirstOrDefault(c => c < ' ' || c > '~');
            if (bad != default(char))
            {
                return $"the character {Describe(bad)} cannot be sent in a non-delivery report, which must be plain ASCII (SMTP). Use plain letters, digits and punctuation: e.g. straight quotes and a hyphen instead of a dash.";
            }

            if (line.Length > MaxSmtpLineLength)
            {
                return $"the line is {line.Length} characters long; a non-delivery report line may have at most {MaxSmtpLineLength}. Split it into two lines.";
            }
        }
        else if (line.Any(c => char.IsControl(c) && c != '\t'))
        {
            return "the line holds a control character; remove it.";
        }

        var withoutPlaceholders = Placeholder.Replace(line, string.Empty);
        if (withoutPlaceholders.IndexOfAny(new[] { '{', '}' }) >= 0)
        {
            return "a brace '{' or '}' that is not part of a placeholder. Placeholders look like {recipient}; other braces are not allowed.";
        }

        foreach (Match match in Placeholder.Matches(line))
        {
            var name = match.Groups[1].Value;
            if (!spec.Placeholders.Contains(name, StringComparer.Ordinal))
            {
                return $"unknown placeholder {{{name}}}. This template may use {string.Join(", ", spec.Placeholders.OrderBy(p => p, StringComparer.Ordinal).Select(p => "{" + p + "}"))}.";
            }

            if (BlockPlaceholders.Contains(name) && line.Trim() != match.Value)
            {
                return $"the placeholder {{{name}}} stands for several lines and must be alone on its line.";
            }
        }

        return null;
    }

    private static string Describe(char c)
    {
        var code = "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        return char.IsControl(c) || char.IsSurrogate(c) ? code : "'" + c + "' (" + code + ")";
    }
}
