using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Support;

/// <summary>Runs raw MIME text through the real engine, as a host would.</summary>
public static class Evaluate
{
    public static Verdict Mime(string mime, IReadOnlyList<string> recipients, PolicyOptions? options = null, TimeProvider? clock = null, string? sender = "clinician@ourtrust.nhs.uk")
    {
        var engine = new SecureMailGateEngine(options ?? Policy, clock ?? FixedClock.At(2026, 11, 25));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(mime.Replace("\r\n", "\n").Replace("\n", "\r\n")));
        return engine.Evaluate(new MessageEnvelope(sender, recipients, stream));
    }

    /// <summary>A plain text message with the given subject and body.</summary>
    public static Verdict Text(string subject, string body, params string[] recipients) =>
        Mime(PlainMessage(subject, body), recipients.Length == 0 ? new[] { "someone@gmail.com" } : recipients);

    public static string PlainMessage(string subject, string body, string extraHeaders = "") =>
        "From: clinician@ourtrust.nhs.uk\nTo: someone@gmail.com\nSubject: " + subject + "\nMessage-ID: <t1@ourtrust.nhs.uk>\n" + extraHeaders +
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n";

    /// <summary>The default policy with an internal domain, as most organisations will run it.</summary>
    public static PolicyOptions Policy { get; } = PolicyOptions.Default with
    {
        InternalDomains = new[] { "ourtrust.nhs.uk" },
        AccreditedDomains = new[] { "council.example.gov.uk", "*.example-hospice.org.uk" },
    };

    public static IEnumerable<string> Kinds(this Verdict verdict) => verdict.Findings.Select(f => f.Kind);

    public static Finding? Find(this Verdict verdict, string kind, string location = "body") =>
        verdict.Findings.FirstOrDefault(f => f.Kind == kind && f.Location == location);

    /// <summary>The first finding of <paramref name="kind"/>, wherever it is located.</summary>
    public static Finding? FindKind(this Verdict verdict, string kind) => verdict.Findings.FirstOrDefault(f => f.Kind == kind);

    public static RecipientDecision For(this Verdict verdict, string address) => verdict.Decisions.Single(d => d.Address == address);
}
