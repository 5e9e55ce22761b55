using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Service.Evaluation;

/// <summary>
/// The words the add-in shows the sender, taken from the gateway's own notices, rendered with the policy's notice
/// templates (<c>config/notices/</c>), so the prompt says what the bounce or the warning notice would have said. This is
/// the only file of the service that uses <c>SecureMailGate.Core.Notices</c>.
/// </summary>
public static class SenderMessages
{
    private const int MaxNamedRecipients = 3;

    /// <summary>The prompt for a verdict: block beats encrypt beats warn beats allow; monitor mode always allows.</summary>
    /// <param name="verdict">The engine's verdict.</param>
    /// <param name="subject">The subject as the sender wrote it.</param>
    /// <param name="options">The policy that decided (its notice templates give the words).</param>
    /// <param name="now">When the message was checked (the warning notice names the time).</param>
    public static SenderPrompt For(Verdict verdict, string? subject, PolicyOptions options, DateTimeOffset now)
    {
        if (verdict is null || options is null)
        {
            throw new ArgumentNullException(verdict is null ? nameof(verdict) : nameof(options));
        }

        string token = options.Encryption.Token;
        if (verdict.Mode == PolicyMode.Monitor)
        {
            // Monitor mode records decisions and enforces none; the prompt must not enforce either.
            return Allow(token);
        }

        var blocked = verdict.Decisions.Where(d => d.Action == RecipientAction.Block).ToList();
        if (blocked.Count > 0)
        {
            return Block(blocked, options);
        }

        var encrypted = verdict.Decisions.Where(d => d.Action == RecipientAction.Encrypt).ToList();
        if (encrypted.Count > 0)
        {
            return Encrypt(encrypted, verdict, subject, options);
        }

        SenderNotice? warning = WarnNotice.Compose(verdict, now, options);
        return warning is null ? Allow(token) : Warn(warning, verdict, token);
    }

    private static SenderPrompt Allow(string token) => new("allow", null, null, null, token);

    private static SenderPrompt Block(IReadOnlyList<RecipientDecision> blocked, PolicyOptions options)
    {
        EncryptionOptions encryption = options.Encryption;
        // Each recipient in the words of the bounce the gateway would send; recipients stopped for the same reason share
        // one explanation in the dialog, which holds 500 characters.
        string details = string.Join("\n\n", blocked.Select(d => BlockNotice.ExplainAsParagraph(d, encryption, options.Notices)));
        var groups = blocked.GroupBy(d => d.Reasons.Count > 0 ? d.Reasons[0] : string.Empty).ToList();
        var paragraphs = groups.Select(g => BlockNotice.ExplainAsParagraph(g.First(), encryption, options.Notices)
            + (g.Count() > 1 ? " The same applies to " + NameList(g.Skip(1).Select(d => d.Address).ToList()) + "." : string.Empty)).ToList();
        string message = string.Join("\n", paragraphs);
        if (message.Length > SenderPrompt.MaxDialogLength)
        {
            // The first explanation in full, and where to read the others (the add-in's "See why" opens its pane).
            int others = blocked.Count - groups[0].Count();
            string more = others == 0 ? string.Empty
                : $" {others} other recipient{(others == 1 ? " was" : "s were")} stopped too: select See why to read what to do for each.";
            message = Clip(paragraphs[0], SenderPrompt.MaxDialogLength - more.Length) + more;
        }

        return new SenderPrompt("block", message, details, null, encryption.Token);
    }

    private static SenderPrompt Encrypt(IReadOnlyList<RecipientDecision> encrypted, Verdict verdict, string? subject, PolicyOptions options)
    {
        string token = options.Encryption.Token;
        IReadOnlyList<string> found = FindingWords.Describe(verdict.Findings, options.Detection);
        string what = found.Count > 0 ? string.Join(" and ", found) : "patient or personal data";
        string Sentence(int named) =>
            $"{token} has been added to the subject because this message appears to contain {what}, and "
            + NameList(encrypted.Select(d => d.Address).ToList(), named)
            + (encrypted.Count == 1 ? " is not a secure address" : " are not secure addresses")
            + ", so it must go encrypted: select Send again to send it.";
        string message = Sentence(MaxNamedRecipients);
        for (int named = MaxNamedRecipients - 1; message.Length > SenderPrompt.MaxDialogLength && named >= 0; named--)
        {
            message = Sentence(named);
        }

        message = Clip(message, SenderPrompt.MaxDialogLength);
        string details = message + "\n\n" + string.Join("\n", encrypted.Select(d => $"{d.Address}: {string.Join(", ", d.Reasons)}"));
        return new SenderPrompt("encrypt", message, details, WithToken(subject, token), token);
    }

    private static SenderPrompt Warn(SenderNotice notice, Verdict verdict, string token)
    {
        // The warning notice's recipient blocks (from "To <first warned address>:" to its last "Reason code" line),
        // without its delivered-already opening and closing lines; the whole body if the templates are shaped otherwise.
        var lines = notice.Body.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').ToList();
        string first = verdict.Decisions.First(d => d.Action == RecipientAction.Warn).Address;
        int start = lines.FindIndex(l => l.StartsWith("To " + first, StringComparison.Ordinal));
        int end = lines.FindLastIndex(l => l.TrimStart().StartsWith("(Reason code", StringComparison.Ordinal));
        var kept = start >= 0 && end >= start ? lines.GetRange(start, end - start + 1) : lines;
        var body = new StringBuilder();
        foreach (string line in kept.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            body.Append(body.Length == 0 ? string.Empty : line.StartsWith("To ", StringComparison.Ordinal) ? "\n" : " ").Append(line);
        }

        const string opening = "Please check before you send. ";
        const string closing = "\nSelect Send Anyway to send it as it is, or Don't Send to change it.";
        string recipients = body.ToString();
        string message = opening + Clip(recipients, SenderPrompt.MaxDialogLength - opening.Length - closing.Length) + closing;
        return new SenderPrompt("warn", message, opening + recipients, null, token);
    }

    /// <summary>The subject with the token in front, as the gateway sets it: never twice, the token alone for no subject.</summary>
    private static string WithToken(string? subject, string token)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return token;
        }

        return subject!.IndexOf(token, StringComparison.OrdinalIgnoreCase) >= 0 ? subject : token + " " + subject;
    }

    private static string NameList(IReadOnlyList<string> addresses, int named = MaxNamedRecipients)
    {
        int shown = Math.Max(1, Math.Min(named, addresses.Count));
        var names = addresses.Take(shown).ToList();
        int others = addresses.Count - shown;
        if (others > 0)
        {
            return string.Join(", ", names) + $" and {others} other recipient{(others == 1 ? string.Empty : "s")}";
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }

    private static string Clip(string text, int max) =>
        text.Length <= max ? text : text.Substring(0, Math.Max(0, max - 3)).TrimEnd() + "...";
}
