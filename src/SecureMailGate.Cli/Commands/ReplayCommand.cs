using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SecureMailGate.Cli.Mail;
using SecureMailGate.Cli.Output;
using SecureMailGate.Cli.Replay;
using SecureMailGate.Cli.Reporting;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;
using Spectre.Console;

namespace SecureMailGate.Cli.Commands;

/// <summary>
/// <c>securemailgate replay &lt;folder|mbox&gt;...</c>: run archived mail through the policy, e.g. before switching
/// from monitor to enforce. Only mail is read (by content: MIME, mbox, saved winmail.dat); other files are skipped
/// and counted by reason. Every message gets a verdict; one that cannot be parsed is a problem, counted as
/// sensitive, and reading carries on with the next.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CommonOptions common, CliContext context)
    {
        var inputs = new Argument<string[]>("folder|mbox")
        {
            Description = "Folders (searched recursively) and files: .eml messages, mbox files, saved winmail.dat; other files are skipped.",
            Arity = ArgumentArity.OneOrMore,
        };
        var jsonLines = new Option<bool>("--json-lines") { Description = "Print one JSON object per message (the check --json object plus \"file\" and \"problem\")." };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object instead of tables." };
        var report = new Option<string?>("--report") { Description = "Also write the summary to this file: the IG report page when it ends in .html, else JSON." };
        var command = new Command("replay", "Evaluate every message in folders, mbox files and .eml files and summarise the decisions.")
        {
            inputs, common.Config, common.Now, jsonLines, json, report, common.FailOn,
        };
        command.SetAction(result => context.Guard(() =>
        {
            if (result.GetValue(json) && result.GetValue(jsonLines))
            {
                throw new CliException(ExitCodes.Usage, "--json (one summary object) and --json-lines (one object per message) cannot be used together; choose one.");
            }

            string? reportPath = result.GetValue(report);
            if (reportPath is not null)
            {
                OutputFile.CheckWritable(reportPath, "--report", "report.html");
            }

            string[] given = result.GetValue(inputs)!;
            using InspectionIsolation isolation = CommonOptions.CreateIsolation(context);
            SecureMailGateEngine engine = common.CreateEngine(result, context.Clock, isolation);
            (IReadOnlyList<string> files, int hidden, IReadOnlyList<string> missing) = ReplaySource.FindFiles(given);
            var builder = new ReportBuilder("replay");
            for (int i = 0; i < hidden; i++)
            {
                builder.AddSkippedFile(ReplaySource.HiddenFile);
            }

            foreach (string input in missing)
            {
                context.Error.WriteLine($"securemailgate: {input}: no such file or folder; skipped.");
            }

            bool lines = result.GetValue(jsonLines);
            var actions = new List<RecipientAction>();
            var run = new Run(engine, builder, lines, context, actions);
            IAnsiConsole console = ConsoleFactory.Create(context.Out, context.Interactive);
            if (context.Interactive && !lines && !result.GetValue(json))
            {
                console.Progress().Start(progress =>
                {
                    ProgressTask task = progress.AddTask("Replaying", maxValue: Math.Max(1, files.Count));
                    foreach (string file in files)
                    {
                        run.File(file);
                        task.Increment(1);
                    }
                });
            }
            else
            {
                foreach (string file in files)
                {
                    run.File(file);
                }
            }

            ReportSummary summary = builder.Build();
            if (result.GetValue(json))
            {
                context.Out.WriteLine(ReportJson.Write(summary));
            }
            else if (!lines)
            {
                ReportTable.Write(console, summary);
            }

            if (reportPath is not null)
            {
                string text = reportPath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || reportPath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                    ? ReportHtml.Write(summary, $"Replay of {given.Length} input(s) under the policy", context.Clock.GetUtcNow(), null, null)
                    : ReportJson.Write(summary) + Environment.NewLine;
                OutputFile.Write(reportPath, text, "report");
            }

            if (missing.Count > 0)
            {
                return ExitCodes.InputOrConfig;
            }

            if (summary.Messages == 0)
            {
                int skipped = summary.Input.SkippedFiles.Values.Sum();
                context.Error.WriteLine($"securemailgate: no e-mail found in {string.Join(", ", given)}" +
                    (skipped > 0 ? $" ({skipped} file(s) skipped: not e-mail)" : " (no files)") +
                    ". Give a folder of .eml files, an mbox file or a saved winmail.dat.");
                return ExitCodes.InputOrConfig;
            }

            return common.ExitCodeFor(result, actions);
        }));
        return command;
    }

    // One replay: evaluates each message of each file and feeds the report, the JSON lines and --fail-on.
    private sealed class Run
    {
        private readonly SecureMailGateEngine _engine;
        private readonly ReportBuilder _builder;
        private readonly bool _lines;
        private readonly CliContext _context;
        private readonly List<RecipientAction> _actions;

        public Run(SecureMailGateEngine engine, ReportBuilder builder, bool lines, CliContext context, List<RecipientAction> actions)
        {
            _engine = engine;
            _builder = builder;
            _lines = lines;
            _context = context;
            _actions = actions;
        }

        public void File(string file)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
                MailSniff sniff = MailSniffer.Sniff(stream);
                if (sniff.Kind == MailKind.NotMail)
                {
                    _builder.AddSkippedFile(sniff.WhyNotMail ?? "not e-mail");
                    return;
                }

                MboxLayout? layout = sniff.Kind == MailKind.Mbox ? MboxSplitter.Split(stream, sniff.Start) : null;
                _builder.BodyFromLines += layout?.BodyFromLines ?? 0;
                foreach (MailItem item in MailFile.Read(stream, file, sniff, layout))
                {
                    Message(item);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _builder.AddSkippedFile("cannot be read");
                _context.Error.WriteLine($"securemailgate: {file}: cannot read the file ({(ex is UnauthorizedAccessException ? "permission denied" : ex.Message)}); skipped.");
            }
        }

        private void Message(MailItem item)
        {
            if (item.Problem == MailProblem.EmptyMessage)
            {
                _builder.AddProblem(item.Label, item.Problem);
                return;
            }

            Verdict verdict;
            DateTimeOffset? sent = null;
            string? sender = null;
            if (item.Message is { } message)
            {
                using (message)
                {
                    sender = HeaderEnvelope.SenderOf(message);
                    sent = message.Headers.Contains(MimeKit.HeaderId.Date) ? message.Date : null;
                    verdict = _engine.Evaluate(message, sender, HeaderEnvelope.RecipientsOf(message));
                }
            }
            else
            {
                verdict = _engine.EvaluateUnreadable(null, Array.Empty<string>());
            }

            if (item.Problem is not null)
            {
                _builder.AddProblem(item.Label, item.Problem);
            }

            _builder.Add(VerdictRecord.From(verdict, sent));
            _actions.AddRange(verdict.Decisions.Select(d => d.Action));
            if (_lines)
            {
                _context.Out.WriteLine(VerdictJson.Write(verdict, sender, indented: false, replay: (item.Label, item.Problem)));
            }
        }
    }
}
