using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;
using Spectre.Console;

namespace SecureMailGate.Cli.Output;

/// <summary>
/// <c>check --explain</c>: why the message counts as it does (each finding's kind, where it is and what made the
/// detector sure), which rule decided each recipient, and the exact text the sender would get: the bounce of a
/// blocked recipient, the notice of a warned one, the subject an encrypted one receives. Never the identifier:
/// the subject is shown with identifier-shaped text hidden (<see cref="Redactor"/>).
/// </summary>
internal sealed class Explanation
{
    private readonly Verdict _verdict;
    private readonly string _subject;
    private readonly PolicyOptions _policy;
    private readonly DateTimeOffset _sentAt;

    public Explanation(Verdict verdict, string? subject, PolicyOptions policy, DateTimeOffset sentAt)
    {
        _sentAt = sentAt;
        _verdict = verdict ?? throw new ArgumentNullException(nameof(verdict));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _subject = Redactor.Redact(subject ?? string.Empty);
    }

    /// <summary>The plain-English sentence for a finding: what it is, where, and why the detector is that sure.</summary>
    public static string Finding(Finding f) =>
        $"{f.Kind} in {f.Location} ({f.Confidence.ToWireName()}): {WhySure(f)}" + (f.Reason is { } reason ? $" (reason: {reason})" : string.Empty);

    /// <summary>Which rule of POLICY §3 a reason code comes from, in plain words.</summary>
    public static string Rule(string reason) => reason switch
    {
        ReasonCodes.InternalRecipient => "rule 1: recipients inside the organisation are allowed",
        ReasonCodes.NhsNumberInSubject => "rule 2: an NHS number in the subject is blocked for everyone outside the organisation",
        ReasonCodes.AutoForwardedToInsecure => "rule 3: automatically forwarded mail to an insecure route is blocked",
        ReasonCodes.SensitiveToRetired => "rule 4: sensitive mail to a retired secure domain is blocked",
        ReasonCodes.RetiredDomain => "rule 4: a retired domain gets a warning",
        ReasonCodes.SensitiveToProhibitedChannel => "rule 5: sensitive mail to an e-mail-to-fax or e-mail-to-SMS gateway is blocked",
        ReasonCodes.SensitiveToInsecure => "rule 6: sensitive mail to an insecure route is encrypted",
        ReasonCodes.SenderRequestedEncryption => "rule 6: the sender already asked for encryption",
        ReasonCodes.EncryptionUnavailable => "rule 6: no encryption path is configured, so sensitive mail to an insecure route is blocked",
        ReasonCodes.SensitiveToInvalid => "rule 7: sensitive mail to an address that cannot be understood is blocked",
        ReasonCodes.EncryptedAttachmentMayBeStripped => "rule 8: an encrypted attachment may be stripped on this secure route",
        ReasonCodes.EncryptionUnnecessary => "rule 8: an encrypted attachment to NHSmail or a local secure NHS system is allowed",
        ReasonCodes.UnmarkedSensitive => "rule 9: sensitive mail on a secure route without a protective marking in the subject",
        ReasonCodes.SecureRoute => "rule 10: sensitive mail on a secure route is allowed",
        ReasonCodes.NotSensitive => "rule 10: nothing sensitive was found",
        ReasonCodes.SenderExempt => "the sender is on the exemption list",
        ReasonCodes.RecipientExempt => "the recipient is on the exemption list",
        _ => "a rule of this policy",
    };

    /// <summary>Writes the explanation under the tables.</summary>
    public void WriteText(IAnsiConsole console)
    {
        console.WriteLine();
        console.MarkupLine("[bold]Why[/]");
        if (_verdict.Findings.Count == 0)
        {
            console.WriteLine("  Nothing sensitive was found.");
        }

        foreach (Finding f in _verdict.Findings)
        {
            console.WriteLine("  " + Finding(f));
        }

        foreach (RecipientDecision d in _verdict.Decisions)
        {
            console.WriteLine();
            console.WriteLine($"{d.Address}: {d.Action.ToWireName()}");
            foreach (string reason in d.Reasons)
            {
                console.WriteLine($"  {reason}: {Rule(reason)}");
            }

            foreach (string line in WhatHappens(d))
            {
                console.WriteLine("  " + line);
            }
        }

        if (Notice() is { } notice)
        {
            console.WriteLine();
            console.WriteLine("The sender would get this notice:");
            console.WriteLine("  Subject: " + notice.Subject);
            foreach (string line in notice.Body.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd().Split('\n'))
            {
                console.WriteLine("  | " + line);
            }
        }

        if (_verdict.Mode == PolicyMode.Monitor)
        {
            console.WriteLine();
            console.WriteLine("Monitor mode: none of this is done yet; it is what enforce mode would do.");
        }
    }

    /// <summary>Writes <c>"explanation": { findings, recipients, notice }</c>.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject("explanation");
        json.WriteStartArray("findings");
        foreach (Finding f in _verdict.Findings)
        {
            json.WriteStringValue(Finding(f));
        }

        json.WriteEndArray();
        json.WriteStartArray("recipients");
        foreach (RecipientDecision d in _verdict.Decisions)
        {
            json.WriteStartObject();
            json.WriteString("address", d.Address);
            json.WriteStartArray("rules");
            foreach (string reason in d.Reasons)
            {
                json.WriteStringValue(Rule(reason));
            }

            json.WriteEndArray();
            if (d.Action == RecipientAction.Encrypt)
            {
                json.WriteString("subject", EncryptedSubject());
            }

            if (d.Action == RecipientAction.Block)
            {
                json.WriteStartArray("bounce");
                foreach (string line in Bounce(d))
                {
                    json.WriteStringValue(line);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (Notice() is { } notice)
        {
            json.WriteStartObject("notice");
            json.WriteString("subject", notice.Subject);
            json.WriteString("body", notice.Body);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("notice");
        }

        json.WriteEndObject();
    }

    private IEnumerable<string> WhatHappens(RecipientDecision d)
    {
        switch (d.Action)
        {
            case RecipientAction.Block:
                yield return "The sender would get this bounce:";
                foreach (string line in Bounce(d))
                {
                    yield return "| " + line;
                }

                break;
            case RecipientAction.Encrypt:
                yield return "The recipient gets the message with this subject: " + EncryptedSubject();
                break;
            case RecipientAction.Warn:
                yield return "Delivered; the sender gets the notice below.";
                break;
            default:
                yield return "Delivered unchanged.";
                break;
        }
    }

    private string EncryptedSubject() => _policy.Encryption.Token + " " + _subject;

    // The only two calls into Core.Notices: the texts the gateway itself would send.
    private IReadOnlyList<string> Bounce(RecipientDecision d) => BlockNotice.Explain(d, _policy);

    private SenderNotice? Notice() => WarnNotice.Compose(_verdict, _sentAt, _policy);

    private static string WhySure(Finding f) => (f.Kind, f.Confidence) switch
    {
        (FindingKinds.NhsNumber or FindingKinds.NiNumber, Confidence.High) => "a context keyword (such as NHS, patient, DOB or national insurance) is within 300 characters",
        (FindingKinds.NhsNumber, Confidence.Medium) => "ten digits grouped 3-3-4 that pass the NHS number check, with no keyword nearby",
        (FindingKinds.NhsNumber, Confidence.Low) => "ten digits in a row that pass the NHS number check, with no keyword nearby",
        (FindingKinds.NiNumber, _) => "shaped like a National Insurance number, with no keyword nearby",
        (FindingKinds.Marking, _) => "the sender marked the message (a protective marking or Outlook's sensitivity setting)",
        (FindingKinds.EncryptedAttachment, _) => "a password-protected or encrypted attachment that could not be looked into",
        (FindingKinds.EncryptionRequested, _) => "the sender put the encryption token in the subject",
        (FindingKinds.AutoForwarded, _) => "the message was forwarded automatically (for example by an inbox rule)",
        (FindingKinds.InspectionLimit, _) => "part of the message reached an inspection limit, so it is treated as sensitive",
        (FindingKinds.UnreadableAttachment, _) => "an attachment could not be read, so it is treated as sensitive",
        _ => "an administrator's pattern matched",
    };
}
