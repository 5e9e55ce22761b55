using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using SecureMailGate.Cli.Output;
using SecureMailGate.Cli.Replay;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;
using Spectre.Console;

namespace SecureMailGate.Cli.Commands;

/// <summary>
/// <c>securemailgate replay &lt;folder|mbox&gt;...</c>: run archived mail through the policy, e.g. before
/// switching from monitor to enforce. Every message gets a verdict; one that cannot be parsed is treated as
/// sensitive by the engine, and a file that cannot be read is listed as a problem without stopping the run.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CommonOptions common, CliContext context)
    {
        var inputs = new Argument<string[]>("folder|mbox")
        {
            Description = "Folders of .eml files (searched recursively) and mbox files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var jsonLines = new Option<bool>("--json-lines") { Description = "Print one JSON object per message (the check --json object plus \"file\")." };
        var report = new Option<string?>("--report") { Description = "Also write the summary as JSON to this file." };
        var command = new Command("replay", "Evaluate every message in folders or mbox files and summarise the decisions.")
        {
            inputs, common.Config, common.Now, jsonLines, report,
        };
        command.SetAction(result => context.Guard(() =>
        {
            using InspectionIsolation isolation = CommonOptions.CreateIsolation(context);
            SecureMailGateEngine engine = common.CreateEngine(result, context.Clock, isolation);
            (IReadOnlyList<string> files, IReadOnlyList<string> missing) = ReplaySource.FindFiles(result.GetValue(inputs)!);
            var summary = new ReplaySummary();
            foreach (string input in missing)
            {
                summary.AddProblem(input, "no such file or folder");
                context.Error.WriteLine($"securemailgate: {input}: no such file or folder; skipped.");
            }

            bool lines = result.GetValue(jsonLines);
            IAnsiConsole console = ConsoleFactory.Create(context.Out, context.Interactive);
            if (context.Interactive && !lines)
            {
                console.Progress().Start(progress =>
                {
                    ProgressTask task = progress.AddTask("Replaying", maxValue: Math.Max(1, files.Count));
                    foreach (string file in files)
                    {
                        ReplayFile(engine, file, summary, lines, context);
                        task.Increment(1);
                    }
                });
            }
            else
            {
                foreach (string file in files)
                {
                    ReplayFile(engine, file, summary, lines, context);
                }
            }

            if (!lines)
            {
                summary.Write(console);
            }

            if (result.GetValue(report) is { } reportPath)
            {
                summary.WriteReport(reportPath);
            }

            return missing.Count > 0 ? ExitCodes.InputOrConfig : ExitCodes.Ok;
        }));
        return command;
    }

    private static void ReplayFile(SecureMailGateEngine engine, string file, ReplaySummary summary, bool lines, CliContext context)
    {
        try
        {
            foreach (ReplayItem item in ReplaySource.Read(file))
            {
                Verdict verdict = item.Message is { } message
                    ? Evaluate(engine, message)
                    : engine.EvaluateUnreadable(null, Array.Empty<string>());
                if (item.Problem is not null)
                {
                    summary.AddProblem(item.Label, "not a readable message (" + item.Problem + "); treated as sensitive");
                }

                summary.Add(verdict);
                if (lines)
                {
                    context.Out.WriteLine(VerdictJson.Write(verdict, indented: false, file: item.Label));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            summary.AddProblem(file, "cannot read the file (" + ex.Message + ")");
            context.Error.WriteLine($"securemailgate: {file}: cannot read the file ({ex.Message}); skipped.");
        }
    }

    private static Verdict Evaluate(SecureMailGateEngine engine, MimeKit.MimeMessage message)
    {
        using (message)
        {
            return engine.Evaluate(message, HeaderEnvelope.SenderOf(message), HeaderEnvelope.RecipientsOf(message));
        }
    }
}
