using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Benchmarks.Precision;

/// <summary>
/// Labels the text around each modulus-11-valid ten-digit candidate in a message's text with the kind of context it sits in
/// (a telephone cue, a URL, a signature, ...). A measuring tool only: it is written independently of the engine's rules, so
/// the same labels describe the engine before and after a change, and it never reports the digits themselves.
/// </summary>
internal static class CandidateContext
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // Any 3-3-4 grouping with a short separator (space, tab, hyphen, dot, line break) or ten digits in a row.
    private static readonly Regex Candidate = new(
        @"(?<![0-9])(?:[0-9]{10}|[0-9]{3}[ \t.\-\u00A0]{1,3}[0-9]{3}(?:[ \t.\-\u00A0]{1,3}|\r?\n)[0-9]{4})(?![0-9])",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex PhoneCue = new(
        @"(?i)(?<![\p{L}\p{N}])(?:phone|telephone|tel|ph|fax|facsimile|mobile|mob|cell|cellular|voice|switchboard|ext|extension|direct(?:\s+(?:line|dial))?|office|home|work|pager|[tfmhwodp])\s*[:.#)\]]?",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Prefix = new(@"(?:\+\s?[0-9]{1,3}[\s.\-]*(?:\(0\))?|\(0\))[\s.\-]*$", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Assignment = new(@"[A-Za-z_][A-Za-z0-9_.$]*\s*(?:=|<-|:=)\s*[""']?$|(?i:id)[\s:=#]*$", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Context labels, in the order they are tried: the first that fits names the candidate's context.</summary>
    public static readonly string[] Labels =
    {
        "url", "e-mail-address", "encoded-block", "health-keyword-on-it", "international-prefix", "phone-cue-on-line",
        "identifier", "signature-block", "health-keyword-within-300", "no-context",
    };

    /// <summary>Adds the label of every valid candidate in <paramref name="text"/> to <paramref name="labels"/>.</summary>
    public static void Describe(string text, ICollection<string> labels)
    {
        for (Match m = Candidate.Match(text); m.Success; m = m.NextMatch())
        {
            string digits = Regex.Replace(m.Value, "[^0-9]", string.Empty, RegexOptions.None, Timeout);
            if (NhsNumber.IsValid(digits))
            {
                labels.Add((m.Value.Length == 10 ? "contiguous " : "grouped ") + Label(text, m.Index, m.Index + m.Length));
            }
        }
    }

    private static string Label(string text, int start, int end)
    {
        string token = Token(text, start, end);
        if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || Regex.IsMatch(token, @"[a-z0-9-]\.[a-z]{2,}/", RegexOptions.IgnoreCase, Timeout))
        {
            return "url";
        }

        if (token.Contains('@', StringComparison.Ordinal))
        {
            return "e-mail-address";
        }

        if (token.Length >= 40 && Regex.IsMatch(token, @"^[A-Za-z0-9+/=]+$", RegexOptions.None, Timeout))
        {
            return "encoded-block";
        }

        int lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        string before = text.Substring(lineStart, start - lineStart);
        string near = before.Length > 24 ? before.Substring(before.Length - 24) : before;
        if (ContextKeywords.NhsNumber.Occurs(near))
        {
            return "health-keyword-on-it";
        }

        if (Prefix.IsMatch(before))
        {
            return "international-prefix";
        }

        if (PhoneCue.IsMatch(before) || (before.Trim().Length == 0 && lineStart > 1 && PhoneCue.IsMatch(PreviousLine(text, lineStart))))
        {
            return "phone-cue-on-line";
        }

        if (Assignment.IsMatch(before))
        {
            return "identifier";
        }

        int from = Math.Max(0, start - ContextKeywords.Proximity);
        string window = text.Substring(from, start - from);
        if (Regex.IsMatch(window, @"(?m)^(?:>\s?)*-- ?\r?$", RegexOptions.None, Timeout))
        {
            return "signature-block";
        }

        int to = Math.Min(text.Length, end + ContextKeywords.Proximity);
        return ContextKeywords.NhsNumber.Occurs(text.Substring(from, to - from)) ? "health-keyword-within-300" : "no-context";
    }

    private static string PreviousLine(string text, int lineStart)
    {
        int end = lineStart - 1;
        int start = text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        return text.Substring(start, end - start);
    }

    private static string Token(string text, int start, int end)
    {
        int s = start;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] is not ('<' or '>' or '"' or '(' or ')'))
        {
            s--;
        }

        int e = end;
        while (e < text.Length && !char.IsWhiteSpace(text[e]) && text[e] is not ('<' or '>' or '"' or '(' or ')'))
        {
            e++;
        }

        return text.Substring(s, e - s);
    }
}
