using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SecureMailGate.Cli.Mail;
using SecureMailGate.Cli.Output;
using SecureMailGate.Core;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;

namespace SecureMailGate.Cli.Commands;

/// <summary>
/// <c>securemailgate check &lt;message.eml|-&gt;</c>: what the gateway would do with one message. The file is read by
/// content: a MIME message, a saved winmail.dat, or an mbox holding one message ('-' reads standard input).
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CommonOptions common, CliContext context)
    {
        var file = new Argument<string>("message.eml") { Description = "The message: a .eml file, a saved winmail.dat or a one-message mbox; '-' reads standard input." };
        var sender = new Option<string?>("--sender") { Description = "Envelope sender; default: the From address. 'Name <a@b>' is accepted; '<>' is the empty sender." };
        var recipients = new Option<string[]>("--recipient")
        {
            Description = "Envelope recipient (repeat for several); default: To, Cc and Bcc.",
            AllowMultipleArgumentsPerToken = false,
        };
        var explain = new Option<bool>("--explain") { Description = "Also show why: each finding, the rule behind each decision, and the bounce, notice or subject the sender and recipients would get." };
        var command = new Command("check", "Show the decision for each recipient of a message, and why.")
        {
            file, sender, recipients, common.Config, common.Now, common.Json, explain, common.FailOn,
        };
        command.SetAction(result => context.Guard(() =>
        {
            string path = result.GetValue(file)!;
            string? givenSender = Sender(result.GetValue(sender));
            string[] given = (result.GetValue(recipients) ?? Array.Empty<string>()).Select(AddressInput.Bare).ToArray();
            using InspectionIsolation isolation = CommonOptions.CreateIsolation(context);
            SecureMailGateEngine engine = common.CreateEngine(result, context.Clock, isolation);
            if (givenSender is not null && (!givenSender.Contains('@', StringComparison.Ordinal) || engine.Classify(givenSender).Tier == RecipientTier.Invalid))
            {
                throw new CliException(ExitCodes.Usage, $"--sender '{givenSender}' is not an e-mail address; give it as name@example.nhs.uk (or 'Name <name@example.nhs.uk>'), or '<>' for the empty sender.");
            }

            using Stream stream = path == "-" ? ReadStandardInput(context) : CommonOptions.OpenInput(path);
            string label = path == "-" ? "standard input" : path;
            (Verdict verdict, string? from, string? subject) = Evaluate(engine, stream, label, givenSender, result.GetValue(sender) == "<>", given);
            Explanation? explanation = result.GetValue(explain) ? new Explanation(verdict, subject, engine.Options, context.Clock.GetUtcNow()) : null;
            if (result.GetValue(common.Json))
            {
                context.Out.WriteLine(VerdictJson.Write(verdict, from, indented: true, explanation: explanation));
            }
            else
            {
                Spectre.Console.IAnsiConsole console = ConsoleFactory.Create(context.Out, context.Interactive);
                VerdictTable.Write(console, verdict, from);
                explanation?.WriteText(console);
            }

            return common.ExitCodeFor(result, verdict.Decisions.Select(d => d.Action));
        }));
        return command;
    }

    private static string? Sender(string? given) => given is null || given.Trim() == "<>" ? null : AddressInput.Bare(given);

    // Standard input is copied to a temporary file (removed on close): reading by content needs to look twice.
    private static FileStream ReadStandardInput(CliContext context)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        using (Stream input = context.OpenStandardInput())
        {
            input.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    private static (Verdict Verdict, string? Sender, string? Subject) Evaluate(
        SecureMailGateEngine engine, Stream stream, string label, string? sender, bool emptySender, string[] recipients)
    {
        MailSniff sniff = MailSniffer.Sniff(stream);
        MailItem? item = null;
        if (sniff.Kind == MailKind.Mbox)
        {
            MboxLayout layout = MboxSplitter.Split(stream, sniff.Start);
            if (layout.Messages.Count != 1)
            {
                throw new CliException(ExitCodes.Usage, $"{label} is an mbox holding {layout.Messages.Count} messages; check reads one message. Use 'securemailgate replay {label}' to evaluate every message (add --json-lines for one JSON object each).");
            }

            item = MailFile.Read(stream, label, sniff, layout).Single();
        }
        else if (sniff.Kind != MailKind.NotMail)
        {
            item = MailFile.Read(stream, label, sniff, null).Single();
        }

        if (item?.Message is not { } message)
        {
            string why = item?.Problem is { } problem ? MailProblem.Describe(problem) : sniff.WhyNotMail ?? "not e-mail";
            if (recipients.Length == 0)
            {
                throw new CliException($"{label}: not a readable e-mail message ({why}). Give the recipients with --recipient to get a decision anyway.");
            }

            // The engine treats a message it cannot parse as sensitive: a safe decision, not an error.
            stream.Position = 0;
            return (engine.Evaluate(new MessageEnvelope(sender, recipients, stream)), sender, null);
        }

        using (message)
        {
            string? from = sender ?? (emptySender ? null : HeaderEnvelope.SenderOf(message));
            IReadOnlyList<string> to = recipients.Length > 0 ? recipients : HeaderEnvelope.RecipientsOf(message);
            return (engine.Evaluate(message, from, to), from, message.Subject);
        }
    }
}
