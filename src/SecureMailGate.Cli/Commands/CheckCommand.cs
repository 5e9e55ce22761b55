using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using MimeKit;
using SecureMailGate.Cli.Output;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;

namespace SecureMailGate.Cli.Commands;

/// <summary><c>securemailgate check &lt;message.eml&gt;</c>: what the gateway would do with one message.</summary>
internal static class CheckCommand
{
    public static Command Create(CommonOptions common, CliContext context)
    {
        var file = new Argument<string>("message.eml") { Description = "The message (MIME / .eml file)." };
        var sender = new Option<string?>("--sender") { Description = "Envelope sender; default: the From address." };
        var recipients = new Option<string[]>("--recipient")
        {
            Description = "Envelope recipient (repeat for several); default: To, Cc and Bcc.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("check", "Show the decision for each recipient of a message, and why.")
        {
            file, sender, recipients, common.Config, common.Now, common.Json,
        };
        command.SetAction(result => context.Guard(() =>
        {
            using InspectionIsolation isolation = CommonOptions.CreateIsolation(context);
            SecureMailGateEngine engine = common.CreateEngine(result, context.Clock, isolation);
            string path = result.GetValue(file)!;
            string[] given = result.GetValue(recipients) ?? Array.Empty<string>();
            using FileStream stream = CommonOptions.OpenInput(path);
            (Verdict verdict, string? from) = Evaluate(engine, stream, path, result.GetValue(sender), given);
            if (result.GetValue(common.Json))
            {
                context.Out.WriteLine(VerdictJson.Write(verdict, indented: true));
            }
            else
            {
                VerdictTable.Write(ConsoleFactory.Create(context.Out, context.Interactive), verdict, from);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (Verdict Verdict, string? Sender) Evaluate(SecureMailGateEngine engine, FileStream stream, string path, string? sender, string[] recipients)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(MessageInspector.ParserOptions, stream, persistent: true);
        }
        catch (FormatException ex)
        {
            if (recipients.Length == 0)
            {
                throw new CliException($"{path}: not a readable e-mail message ({ex.Message}). Give the recipients with --recipient to get a decision anyway.");
            }

            // The engine treats a message it cannot parse as sensitive: a safe decision, not an error.
            stream.Position = 0;
            return (engine.Evaluate(new MessageEnvelope(sender, recipients, stream)), sender);
        }

        using (message)
        {
            string? from = sender ?? HeaderEnvelope.SenderOf(message);
            IReadOnlyList<string> to = recipients.Length > 0 ? recipients : HeaderEnvelope.RecipientsOf(message);
            return (engine.Evaluate(message, from, to), from);
        }
    }
}
