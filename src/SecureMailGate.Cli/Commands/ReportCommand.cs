using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using SecureMailGate.Cli.Reporting;

namespace SecureMailGate.Cli.Commands;

/// <summary>
/// <c>securemailgate report &lt;audit files or folder&gt;... [--since D] [--until D] --out report.html</c>: the IG
/// lead's view of the agent's audit trail. Lines that are not decisions (a configuration reload) are counted by
/// event; lines that cannot be read are counted and skipped; nothing stops the report.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("audit files or folder")
        {
            Description = "Audit files (JSON lines), or folders whose *.jsonl files are read (recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var since = new Option<string?>("--since") { Description = "First day to count (ISO 8601, e.g. 2026-11-01), inclusive, UTC." };
        var until = new Option<string?>("--until") { Description = "Last day to count (ISO 8601), inclusive, UTC." };
        var output = new Option<string>("--out")
        {
            Description = "The report to write: one self-contained HTML page when the name ends in .html, else JSON.",
            Required = true,
        };
        var command = new Command("report", "Turn the agent's audit trail into the information-governance report (HTML or JSON).")
        {
            inputs, since, until, output,
        };
        command.SetAction(result => context.Guard(() =>
        {
            string target = result.GetValue(output)!;
            OutputFile.CheckWritable(target, "--out", "report.html");
            DateTimeOffset? from = Day(result.GetValue(since), "--since");
            DateTimeOffset? to = Day(result.GetValue(until), "--until")?.AddDays(1);
            if (from is { } f && to is { } t && t <= f)
            {
                throw new CliException(ExitCodes.Usage, "--until is before --since; give the earlier day to --since.");
            }

            string[] given = result.GetValue(inputs)!;
            (List<string> files, List<string> missing) = AuditFiles(given);
            foreach (string m in missing)
            {
                context.Error.WriteLine($"securemailgate: {m}: no such file or folder; skipped.");
            }

            if (files.Count == 0)
            {
                throw new CliException($"no audit files found in {string.Join(", ", given)}. Give the agent's audit files (audit-*.jsonl) or the folder that holds them.");
            }

            var builder = new ReportBuilder("audit");
            foreach (string file in files)
            {
                Read(file, builder, from, to, context);
            }

            ReportSummary summary = builder.Build();
            string text = target.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                ? ReportHtml.Write(summary, $"{files.Count} audit file(s)", context.Clock.GetUtcNow(), from, to?.AddDays(-1))
                : ReportJson.Write(summary) + Environment.NewLine;
            OutputFile.Write(target, text, "report");
            context.Out.WriteLine($"Wrote {target}: {summary.Messages} message(s), {summary.Sensitive} sensitive, from {files.Count} audit file(s); " +
                $"{summary.Input.UnreadableLines} unreadable line(s) and {summary.Input.OtherEvents.Values.Sum()} other event(s) skipped.");
            return missing.Count > 0 ? ExitCodes.InputOrConfig : ExitCodes.Ok;
        }));
        return command;
    }

    private static DateTimeOffset? Day(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset day))
        {
            throw new CliException(ExitCodes.Usage, $"{option} '{text}' is not a date; use ISO 8601, e.g. 2026-11-01.");
        }

        return new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero);
    }

    private static (List<string> Files, List<string> Missing) AuditFiles(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*.jsonl", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                missing.Add(input);
            }
        }

        return (files, missing);
    }

    private static void Read(string file, ReportBuilder builder, DateTimeOffset? from, DateTimeOffset? to, CliContext context)
    {
        try
        {
            using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                switch (AuditLine.Read(line, out DecisionRecord? record, out string? eventName))
                {
                    case AuditLine.Kind.Blank:
                        continue;
                    case AuditLine.Kind.Unreadable:
                        builder.Lines++;
                        builder.UnreadableLines++;
                        break;
                    case AuditLine.Kind.OtherEvent:
                        builder.Lines++;
                        builder.AddOtherEvent(eventName ?? "unnamed");
                        break;
                    default:
                        builder.Lines++;
                        if (record!.Time is { } time ? from is { } f && time < f || to is { } t && time >= t : from is not null || to is not null)
                        {
                            builder.OutsideRange++;
                        }
                        else
                        {
                            builder.Add(record);
                        }

                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"securemailgate: {file}: cannot read the file ({(ex is UnauthorizedAccessException ? "permission denied" : ex.Message)}); skipped.");
        }
    }
}
