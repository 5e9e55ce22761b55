using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using SecureMailGate.Cli.Mail;

namespace SecureMailGate.Cli.Reporting;

/// <summary>
/// The IG report as one self-contained HTML page: no script, no external style, font or image (a Content Security
/// Policy forbids them), the daily trend drawn as inline SVG. Every figure carries <c>data-key</c>, the path of
/// the same figure in <see cref="ReportJson"/>, so a test can prove the two agree.
/// </summary>
internal static class ReportHtml
{
    private const string Style = """
        body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 2rem; color: #1d2327; max-width: 70rem; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccd; }
        p.meta { color: #555; margin-top: 0; }
        .totals { display: flex; flex-wrap: wrap; gap: 1rem; }
        .total { border: 1px solid #ccd; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
        .total b { display: block; font-size: 1.6rem; }
        .grid { display: flex; flex-wrap: wrap; gap: 2rem; }
        table { border-collapse: collapse; margin-top: .5rem; }
        th, td { border: 1px solid #ccd; padding: .25rem .6rem; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #eef1f6; }
        .note { color: #555; font-size: .9rem; }
        svg text { font-size: 11px; fill: #333; }
        """;

    /// <summary>The page.</summary>
    /// <param name="s">The figures.</param>
    /// <param name="title">What was read, e.g. "3 audit file(s)" or "replay of 2 input(s)".</param>
    /// <param name="generated">When the report was made.</param>
    /// <param name="since">The first day asked for, if any.</param>
    /// <param name="until">The last day asked for, if any.</param>
    public static string Write(ReportSummary s, string title, DateTimeOffset generated, DateTimeOffset? since, DateTimeOffset? until)
    {
        if (s is null || title is null)
        {
            throw new ArgumentNullException(s is null ? nameof(s) : nameof(title));
        }

        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>");
        h.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        h.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.AppendLine("<title>SecureMailGate information-governance report</title>");
        h.Append("<style>").Append(Style).AppendLine("</style></head><body>");
        h.AppendLine("<h1>SecureMailGate information-governance report</h1>");
        h.Append("<p class=\"meta\">").Append(E(title)).Append(". ").Append(E(Period(s, since, until)))
            .Append(" Generated ").Append(E(generated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).AppendLine(".</p>");

        h.AppendLine("<h2>Totals</h2><div class=\"totals\">");
        Total(h, "Messages", "messages", s.Messages);
        Total(h, "Sensitive messages", "sensitive", s.Sensitive);
        Total(h, "Recipient decisions", "recipients", s.Recipients);
        Total(h, "Decided in monitor mode", "monitorMessages", s.MonitorMessages);
        h.AppendLine("</div>");

        h.AppendLine("<h2>Decisions</h2><p class=\"note\">Counts of recipients, except finding kinds, which count messages.</p><div class=\"grid\">");
        Counts(h, "By tier", "Tier", "tiers", s.Tiers);
        Counts(h, "By action", "Action", "actions", s.Actions);
        Counts(h, "By reason", "Reason", "reasons", s.Reasons);
        Counts(h, "By finding kind (messages)", "Finding kind", "findingKinds", s.FindingKinds);
        h.AppendLine("</div>");

        h.AppendLine("<h2>Recipient domains that received sensitive mail</h2>");
        h.AppendLine("<p class=\"note\">Domains only, never addresses. Counted when the recipient was not blocked (in monitor mode nothing was blocked). Check that each one is a route you expect.</p>");
        if (s.SensitiveDomains.Count == 0)
        {
            h.AppendLine("<p>No domain received sensitive mail.</p>");
        }
        else
        {
            h.AppendLine("<table><thead><tr><th>Domain</th><th>Tier</th><th>Recipients</th><th>Encrypted</th></tr></thead><tbody>");
            foreach (DomainCount d in s.SensitiveDomains)
            {
                string key = "sensitiveDomains." + d.Domain;
                h.Append("<tr><td>").Append(E(d.Domain)).Append("</td><td>").Append(E(d.Tier)).Append("</td>")
                    .Append(Cell(key + ".recipients", d.Recipients)).Append(Cell(key + ".encrypted", d.Encrypted)).AppendLine("</tr>");
            }

            h.AppendLine("</tbody></table>");
        }

        h.AppendLine("<h2>What would change between monitor and enforce</h2>");
        if (s.MonitorMessages == 0)
        {
            h.AppendLine("<p>No message was decided in monitor mode: every decision here was enforced.</p>");
        }
        else
        {
            h.Append("<p>").Append(s.MonitorMessages.ToString(CultureInfo.InvariantCulture))
                .AppendLine(" message(s) were decided in monitor mode and delivered unchanged. In enforce mode these recipients would have been treated differently:</p>");
            Counts(h, "Recipients by action enforce would take", "Action", "monitorWouldChange", s.WouldChange);
            h.AppendLine("<p class=\"note\">Before switching to enforce, make sure every block above is one you want, and that senders know how to add the encryption token.</p>");
        }

        h.AppendLine("<h2>Daily trend</h2>");
        h.AppendLine(Trend(s.Daily));

        h.AppendLine("<h2>What was read</h2><table><tbody>");
        if (s.Source == "audit")
        {
            Row(h, "Audit lines read", "input.lines", s.Input.Lines);
            Row(h, "Lines that could not be read (skipped)", "input.unreadableLines", s.Input.UnreadableLines);
            Row(h, "Decisions outside the dates asked for", "input.outsideRange", s.Input.OutsideRange);
            foreach (KeyValuePair<string, int> e in s.Input.OtherEvents)
            {
                Row(h, "Other audit events: " + e.Key, "input.otherEvents." + e.Key, e.Value);
            }
        }

        foreach (KeyValuePair<string, int> f in s.Input.SkippedFiles)
        {
            Row(h, "Files skipped: " + f.Key, "input.skippedFiles." + f.Key, f.Value);
        }

        if (s.Source == "replay")
        {
            Row(h, "Unescaped mbox 'From ' lines kept as message text", "input.bodyFromLines", s.Input.BodyFromLines);
            Row(h, "Messages with a problem", "problems", s.Input.Problems.Count);
        }

        h.AppendLine("</tbody></table>");
        if (s.Input.Problems.Count > 0)
        {
            h.AppendLine("<ul>");
            foreach ((string label, string problem) in s.Input.Problems)
            {
                h.Append("<li>").Append(E(label)).Append(": ").Append(E(MailProblem.Describe(problem))).AppendLine("</li>");
            }

            h.AppendLine("</ul>");
        }

        h.AppendLine("<p class=\"note\">This report holds no identifier, subject, address or file name from any message: domains and counts only.</p>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }

    private static string Period(ReportSummary s, DateTimeOffset? since, DateTimeOffset? until)
    {
        string from = since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            ?? s.Daily.FirstOrDefault()?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the start";
        string to = until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            ?? s.Daily.LastOrDefault()?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the end";
        return $"Decisions from {from} to {to}.";
    }

    private static void Total(StringBuilder h, string label, string key, int value) =>
        h.Append("<div class=\"total\">").Append(E(label)).Append("<b data-key=\"").Append(E(key)).Append("\">")
            .Append(value.ToString(CultureInfo.InvariantCulture)).AppendLine("</b></div>");

    private static void Counts(StringBuilder h, string caption, string column, string key, IReadOnlyDictionary<string, int> counts)
    {
        h.Append("<table><caption>").Append(E(caption)).Append("</caption><thead><tr><th>").Append(E(column))
            .AppendLine("</th><th>Count</th></tr></thead><tbody>");
        if (counts.Count == 0)
        {
            h.AppendLine("<tr><td colspan=\"2\">none</td></tr>");
        }

        foreach (KeyValuePair<string, int> pair in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            h.Append("<tr><td>").Append(E(pair.Key)).Append("</td>").Append(Cell(key + "." + pair.Key, pair.Value)).AppendLine("</tr>");
        }

        h.AppendLine("</tbody></table>");
    }

    private static void Row(StringBuilder h, string label, string key, int value) =>
        h.Append("<tr><th>").Append(E(label)).Append("</th>").Append(Cell(key, value)).AppendLine("</tr>");

    private static string Cell(string key, int value) =>
        $"<td class=\"n\" data-key=\"{E(key)}\">{value.ToString(CultureInfo.InvariantCulture)}</td>";

    // Bars per day: messages in grey, the sensitive part in red; each bar has a title with its figures.
    private static string Trend(IReadOnlyList<DailyCount> days)
    {
        if (days.Count == 0)
        {
            return "<p>No decision carried a date, so there is no trend to draw.</p>";
        }

        const int height = 160;
        const int left = 40;
        const int bottom = 24;
        int bar = Math.Max(4, Math.Min(28, 900 / days.Count));
        int width = Math.Max(300, left + (days.Count * (bar + 2)) + 10); // room for the first and last dates
        int max = Math.Max(1, days.Max(d => d.Messages));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + bottom}\" role=\"img\" aria-label=\"Messages and sensitive messages per day\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"12\">{max}</text><text x=\"2\" y=\"{height}\">0</text>");
        for (int i = 0; i < days.Count; i++)
        {
            DailyCount d = days[i];
            int x = left + (i * (bar + 2));
            int all = (int)Math.Round((height - 10) * (double)d.Messages / max);
            int sensitive = (int)Math.Round((height - 10) * (double)d.Sensitive / max);
            string date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<g data-date=\"{date}\"><title>{date}: {d.Messages} message(s), {d.Sensitive} sensitive</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{height - all}\" width=\"{bar}\" height=\"{all}\" fill=\"#b8c2d1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{height - sensitive}\" width=\"{bar}\" height=\"{sensitive}\" fill=\"#c0392b\"/></g>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height + 16}\">{days[0].Date:yyyy-MM-dd}</text>");
        if (days.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - 10}\" y=\"{height + 16}\" text-anchor=\"end\">{days[^1].Date:yyyy-MM-dd}</text>");
        }

        svg.Append("</svg>");
        var table = new StringBuilder("<details><summary>Figures per day</summary><table><thead><tr><th>Day</th><th>Messages</th><th>Sensitive</th></tr></thead><tbody>");
        foreach (DailyCount d in days)
        {
            string date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            table.Append("<tr><td>").Append(date).Append("</td>").Append(Cell("daily." + date + ".messages", d.Messages))
                .Append(Cell("daily." + date + ".sensitive", d.Sensitive)).Append("</tr>");
        }

        table.Append("</tbody></table></details>");
        return "<p class=\"note\">Grey: messages per day; red: the sensitive ones.</p>" + svg + table;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
