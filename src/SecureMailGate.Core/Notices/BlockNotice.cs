using System;
using System.Collections.Generic;
using System.Linq;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// The text of the non-delivery report a sender gets when one recipient is blocked (POLICY §4 <c>block</c>):
/// which recipient, why, and exactly what to do next, for a busy clinician rather than an administrator.
/// Pure: depends only on the decision and the encryption settings.
/// </summary>
public static class BlockNotice
{
    /// <summary>SMTP reply code of a blocked recipient: a permanent failure.</summary>
    public const string StatusCode = "550";

    /// <summary>Enhanced status code of a blocked recipient: 5.7.1, delivery not authorised by policy.</summary>
    public const string EnhancedStatusCode = "5.7.1";

    // SMTP replies are ASCII and lines should stay well below the 512-octet limit.
    private const int MaxLineLength = 400;

    /// <summary>
    /// The explanation as short lines of plain ASCII text, ready for an SMTP reply / delivery-status notification.
    /// The last line names the reason codes so the service desk can look them up.
    /// </summary>
    /// <param name="decision">A decision whose action is <see cref="RecipientAction.Block"/>.</param>
    /// <param name="encryption">The organisation's encryption settings (to say whether the token can be used).</param>
    public static IReadOnlyList<string> Explain(RecipientDecision decision, EncryptionOptions encryption)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(nameof(decision));
        }

        if (encryption is null)
        {
            throw new ArgumentNullException(nameof(encryption));
        }

        var recipient = ToAscii(decision.Address);
        var domain = ToAscii(decision.Domain ?? decision.Address);
        var reason = decision.Reasons.Count > 0 ? decision.Reasons[0] : string.Empty;
        var lines = new List<string>
        {
            $"Your message was not delivered to {recipient}.",
        };
        lines.AddRange(WhyAndWhatNext(reason, domain, encryption));
        lines.Add("Reason code: " + string.Join(", ", decision.Reasons.Select(ToAscii)) + ".");
        return lines.Select(l => l.Length <= MaxLineLength ? l : l.Substring(0, MaxLineLength)).ToArray();
    }

    /// <summary>The explanation as one paragraph (the lines of <see cref="Explain"/> joined by spaces).</summary>
    /// <param name="decision">A decision whose action is <see cref="RecipientAction.Block"/>.</param>
    /// <param name="encryption">The organisation's encryption settings.</param>
    public static string ExplainAsParagraph(RecipientDecision decision, EncryptionOptions encryption) =>
        string.Join(" ", Explain(decision, encryption));

    private static IEnumerable<string> WhyAndWhatNext(string reason, string domain, EncryptionOptions encryption)
    {
        var token = ToAscii(encryption.Token);
        switch (reason)
        {
            case ReasonCodes.NhsNumberInSubject:
                yield return "The subject line contains an NHS number. Subject lines are never protected, so patient identifiers must not be in them.";
                yield return encryption.Enabled
                    ? $"What to do: move the NHS number out of the subject into the body of the message, add {token} to the subject, and send it again."
                    : "What to do: move the NHS number out of the subject into the body of the message, and send it again to a secure address (for example an nhs.net address).";
                break;
            case ReasonCodes.AutoForwardedToInsecure:
                yield return $"The message was forwarded automatically (for example by an inbox rule) to {domain}, which is not a secure address.";
                yield return "What to do: switch off the automatic forwarding rule. If the recipient needs this message, send it to them yourself from a secure route.";
                break;
            case ReasonCodes.SensitiveToRetired:
                yield return $"The message appears to contain patient or personal data, and {domain} has been shut down and is no longer a secure address.";
                yield return "What to do: ask the recipient for their current e-mail address (for example an nhs.net or gov.uk address) and send the message again to that address.";
                break;
            case ReasonCodes.SensitiveToProhibitedChannel:
                yield return $"The message appears to contain patient or personal data, and {domain} is an e-mail-to-fax or e-mail-to-text service, which must never carry such data.";
                yield return "What to do: send the information by secure e-mail instead (for example to the recipient's nhs.net address).";
                break;
            case ReasonCodes.EncryptionUnavailable:
            case ReasonCodes.SensitiveToInsecure:
                yield return $"The message appears to contain patient or personal data, and {domain} is not a secure address. This organisation cannot encrypt e-mail to it.";
                yield return "What to do: send it to the recipient's secure address (for example an nhs.net address) instead, or remove the patient or personal data and send it again.";
                break;
            case ReasonCodes.SensitiveToInvalid:
                yield return "The message appears to contain patient or personal data, and the recipient's address could not be understood.";
                yield return "What to do: check the address for typing mistakes and send the message again.";
                break;
            case ReasonCodes.EncryptedAttachmentMayBeStripped:
                yield return $"The message has a password-protected or encrypted attachment. The secure route to {domain} may remove such attachments, so the recipient might never receive it.";
                yield return "What to do: this route is already secure, so attach the file without a password and send the message again.";
                break;
            default:
                yield return "The message was stopped by this organisation's rules for sending patient and personal data.";
                yield return "What to do: contact your IT service desk and quote the reason code below.";
                break;
        }
    }

    // SMTP replies are ASCII: anything else (e.g. an internationalised address) is replaced, never dropped silently.
    /// <summary>The text with every character outside printable US-ASCII replaced by '?', as SMTP replies need.</summary>
    /// <param name="text">Any text.</param>
    public static string ToAscii(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < ' ' || chars[i] > '~')
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
