using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// The one notice a sender gets when a message was delivered but some recipients were flagged <c>warn</c>
/// (POLICY §4): which recipients, why, and what to do next time. Pure: depends only on the verdict.
/// </summary>
public static class WarnNotice
{
    private const int MaxSubjectEcho = 120;

    /// <summary>Builds the notice, or returns null when no recipient was flagged <c>warn</c>.</summary>
    /// <param name="verdict">The engine's verdict for the message.</param>
    /// <param name="originalSubject">The subject of the sender's message (shown so they recognise it); may be null.</param>
    public static SenderNotice? Compose(Verdict verdict, string? originalSubject)
    {
        if (verdict is null)
        {
            throw new ArgumentNullException(nameof(verdict));
        }

        var warned = verdict.Decisions.Where(d => d.Action == RecipientAction.Warn).ToList();
        if (warned.Count == 0)
        {
            return null;
        }

        var subjectEcho = string.IsNullOrWhiteSpace(originalSubject)
            ? "(no subject)"
            : originalSubject!.Length <= MaxSubjectEcho ? originalSubject : originalSubject.Substring(0, MaxSubjectEcho) + "...";

        var body = new StringBuilder();
        body.AppendLine($"Your message \"{subjectEcho}\" was delivered, but please check the following.");
        body.AppendLine();
        foreach (var decision in warned)
        {
            var reason = decision.Reasons.Count > 0 ? decision.Reasons[0] : string.Empty;
            body.AppendLine($"To {decision.Address}:");
            foreach (var line in WhyAndWhatNext(reason, decision.Domain ?? decision.Address))
            {
                body.AppendLine("  " + line);
            }

            body.AppendLine("  (Reason code: " + string.Join(", ", decision.Reasons) + ")");
            body.AppendLine();
        }

        body.AppendLine("You do not need to reply to this message. If you are unsure what to do, contact your IT service desk.");
        return new SenderNotice("Delivered, but please check: " + subjectEcho, body.ToString());
    }

    private static IEnumerable<string> WhyAndWhatNext(string reason, string domain)
    {
        switch (reason)
        {
            case ReasonCodes.RetiredDomain:
                yield return $"{domain} has been shut down. Your message was delivered but may never be read.";
                yield return "What to do: ask the recipient for their current e-mail address and use that from now on.";
                break;
            case ReasonCodes.UnmarkedSensitive:
                yield return "The message appears to contain patient or personal data, but its subject has no protective marking.";
                yield return "What to do: next time, add OFFICIAL-SENSITIVE to the subject of messages like this.";
                break;
            default:
                yield return "This organisation's rules for sending patient and personal data flagged this recipient.";
                yield return "What to do: check the recipient is the right person and that the message needed to go to them.";
                break;
        }
    }
}
