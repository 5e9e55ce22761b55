using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MimeKit;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>Runs whole messages through the engine, as the gateway and the CLI do.</summary>
internal static class Gate
{
    public const string Gmail = "someone@gmail.com";
    public const string Council = "officer@council.example.gov.uk";
    public const string NhsMail = "gp@nhs.net";

    /// <summary>The default policy with one accredited council, so rule 8 can be exercised.</summary>
    public static PolicyOptions Policy { get; } = PolicyOptions.Default with { AccreditedDomains = new[] { "council.example.gov.uk" } };

    public static MimeMessage Message(string body, params (string Name, byte[] Content)[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("clerk@ourtrust.nhs.uk"));
        message.To.Add(MailboxAddress.Parse(Gmail));
        message.Subject = "Documents";
        message.MessageId = "test@ourtrust.nhs.uk";
        var builder = new BodyBuilder { TextBody = body };
        foreach ((string name, byte[] content) in attachments)
        {
            builder.Attachments.Add(name, content);
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    public static Verdict Evaluate(MimeMessage message, PolicyOptions? policy = null, params string[] recipients)
    {
        using var mime = new MemoryStream();
        message.WriteTo(mime);
        mime.Position = 0;
        var engine = new SecureMailGateEngine(policy ?? Policy, TimeProvider.System);
        return engine.Evaluate(new MessageEnvelope("clerk@ourtrust.nhs.uk", recipients.Length == 0 ? new[] { Gmail } : recipients, mime));
    }

    /// <summary>Evaluates a message with a single attachment and an innocuous body.</summary>
    public static Verdict Attach(string name, byte[] content, PolicyOptions? policy = null, params string[] recipients) =>
        Evaluate(Message("Please see attached.", (name, content)), policy, recipients);

    public static IEnumerable<Finding> At(this Verdict verdict, string location) => verdict.Findings.Where(f => f.Location == location);

    public static Finding? Find(this Verdict verdict, string kind, string location) =>
        verdict.Findings.FirstOrDefault(f => f.Kind == kind && f.Location == location);

    /// <summary>The first finding of <paramref name="kind"/>, wherever it is located.</summary>
    public static Finding? FindKind(this Verdict verdict, string kind) => verdict.Findings.FirstOrDefault(f => f.Kind == kind);
}
