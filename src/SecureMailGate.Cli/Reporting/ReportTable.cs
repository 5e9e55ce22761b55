using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SecureMailGate.Cli.Mail;
using Spectre.Console;

namespace SecureMailGate.Cli.Reporting;

/// <summary>The report on the console: a summary line, tables by tier, action and reason, then what was skipped and every problem.</summary>
internal static class ReportTable
{
    public static void Write(IAnsiConsole console, ReportSummary s)
    {
        string verb = s.Source == "replay" ? "Replayed" : "Read";
        console.MarkupLine(Markup.Escape($"{verb} {s.Messages} message(s): {s.Sensitive} sensitive, {s.Input.Problems.Count} problem(s)."));
        console.Write(Table("Recipients by tier", "Tier", s.Tiers));
        console.Write(Table("Recipients by action", "Action", s.Actions));
        console.Write(Table("Reasons", "Reason", s.Reasons));
        if (s.WouldChange.Count > 0)
        {
            console.MarkupLine(Markup.Escape($"Monitor mode: in enforce, {Join(s.WouldChange)} recipient decision(s) would be carried out."));
        }

        int skipped = s.Input.SkippedFiles.Values.Sum();
        if (skipped > 0)
        {
            console.MarkupLine(Markup.Escape($"Skipped {skipped} file(s) that are not e-mail: {Join(s.Input.SkippedFiles)}."));
        }

        if (s.Input.BodyFromLines > 0)
        {
            console.MarkupLine(Markup.Escape($"{s.Input.BodyFromLines} unescaped 'From ' line(s) inside mbox messages were kept as message text, not taken as new messages."));
        }

        foreach ((string label, string problem) in s.Input.Problems)
        {
            console.MarkupLine("[yellow]Problem:[/] " + Markup.Escape($"{label}: {MailProblem.Describe(problem)} ({problem})."));
        }
    }

    private static string Join(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Select(p => $"{p.Value.ToString(CultureInfo.InvariantCulture)} {p.Key}"));

    private static Table Table(string title, string column, IReadOnlyDictionary<string, int> counts)
    {
        var table = new Table().Title(title).AddColumns(column, "Recipients");
        foreach (KeyValuePair<string, int> pair in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(pair.Key), pair.Value.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }
}
