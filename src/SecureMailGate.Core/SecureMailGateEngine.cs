using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MimeKit;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core;

/// <summary>
/// The one way in: for a message and its envelope recipients, what happens to each recipient and why.
/// Deterministic given the policy, the clock and the message; thread-safe, so hosts keep one instance per
/// policy. Exceptions other than bad arguments mean the engine itself failed: hosts apply the failure mode.
/// </summary>
public sealed class SecureMailGateEngine
{
    private readonly TimeProvider _clock;
    private readonly TierClassifier _classifier;
    private readonly IMessageInspection _inspection;
    private readonly HashSet<string> _exemptSenders;
    private readonly HashSet<string> _exemptRecipients;

    /// <summary>Builds the engine for a policy.</summary>
    /// <param name="options">The policy.</param>
    /// <param name="clock">Time source for sunset dates, budgets and timings.</param>
    /// <param name="readers">Attachment readers, tried in order; null for the defaults.</param>
    public SecureMailGateEngine(PolicyOptions options, TimeProvider clock, IEnumerable<IAttachmentReader>? readers = null)
        : this(options, clock, new InProcessInspection(new MessageInspector(
            options ?? throw new ArgumentNullException(nameof(options)),
            readers,
            clock ?? throw new ArgumentNullException(nameof(clock)))))
    {
    }

    /// <summary>Builds the engine for a policy with inspection run elsewhere, e.g. in worker processes.</summary>
    /// <param name="options">The policy.</param>
    /// <param name="clock">Time source for sunset dates and timings.</param>
    /// <param name="inspection">Runs the inspection of each message; must inspect with <paramref name="options"/>.</param>
    public SecureMailGateEngine(PolicyOptions options, TimeProvider clock, IMessageInspection inspection)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _inspection = inspection ?? throw new ArgumentNullException(nameof(inspection));
        _classifier = new TierClassifier(options, clock);
        _exemptSenders = new HashSet<string>(options.Exemptions.Senders.Select(Normalise), StringComparer.Ordinal);
        _exemptRecipients = new HashSet<string>(options.Exemptions.Recipients.Select(Normalise), StringComparer.Ordinal);
    }

    /// <summary>The policy in force.</summary>
    public PolicyOptions Options { get; }

    /// <summary>Classifies an address or a bare domain (POLICY §1).</summary>
    /// <param name="addressOrDomain">E.g. <c>a@Example.NHS.net.</c> or <c>gmail.com</c>.</param>
    public TierClassification Classify(string addressOrDomain) => _classifier.Classify(addressOrDomain);

    /// <summary>Evaluates a message given as MIME.</summary>
    /// <param name="envelope">Sender, envelope recipients and the MIME stream (read once, not disposed).</param>
    /// <param name="cancellationToken">Stops the inspection.</param>
    /// <returns>The verdict; a message that cannot be parsed is treated as sensitive, never as clean.</returns>
    public Verdict Evaluate(MessageEnvelope envelope, CancellationToken cancellationToken = default)
    {
        if (envelope is null)
        {
            throw new ArgumentNullException(nameof(envelope));
        }

        long started = _clock.GetTimestamp();
        InspectedMessage inspected = _inspection.Inspect(envelope.Mime, envelope.MessageId, cancellationToken);
        return Decide(inspected.MessageId, envelope.Sender, envelope.Recipients, inspected.Result, started);
    }

    /// <summary>Evaluates an already parsed message (e.g. one read from an mbox file).</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">Envelope sender; null for the null reverse-path.</param>
    /// <param name="recipients">Envelope recipients.</param>
    /// <param name="cancellationToken">Stops the inspection.</param>
    public Verdict Evaluate(MimeMessage message, string? sender, IReadOnlyList<string> recipients, CancellationToken cancellationToken = default) =>
        Evaluate(message, sender, recipients, _clock.GetTimestamp(), cancellationToken);

    /// <summary>
    /// The verdict for a message that could not be parsed: it cannot be shown to be clean, so it is treated as
    /// sensitive (an <c>inspection-limit</c> finding at <c>message</c>).
    /// </summary>
    /// <param name="sender">Envelope sender.</param>
    /// <param name="recipients">Envelope recipients.</param>
    public Verdict EvaluateUnreadable(string? sender, IReadOnlyList<string> recipients)
    {
        if (recipients is null)
        {
            throw new ArgumentNullException(nameof(recipients));
        }

        return Decide(null, sender, recipients, InspectedMessage.Limit(null, FindingReasons.NotMime).Result, _clock.GetTimestamp());
    }

    private Verdict Evaluate(MimeMessage message, string? sender, IReadOnlyList<string> recipients, long started, CancellationToken cancellationToken)
    {
        if (message is null || recipients is null)
        {
            throw new ArgumentNullException(message is null ? nameof(message) : nameof(recipients));
        }

        InspectedMessage inspected = _inspection.Inspect(message, cancellationToken);
        return Decide(inspected.MessageId, sender, recipients, inspected.Result, started);
    }

    private Verdict Decide(string? messageId, string? sender, IReadOnlyList<string> recipients, InspectionResult inspection, long started)
    {
        MessageFacts facts = SensitivityAssessor.Assess(inspection.Findings, inspection.AutoForwarded, Options.Detection);
        string? senderExemption = MatchExemption(_exemptSenders, sender);
        var exemptionsUsed = new List<string>();
        var decisions = new List<RecipientDecision>(recipients.Count);
        foreach (string recipient in recipients)
        {
            TierClassification tier = _classifier.Classify(recipient ?? string.Empty);
            string? recipientExemption = MatchExemption(_exemptRecipients, recipient);
            if (senderExemption is not null || recipientExemption is not null)
            {
                string used = senderExemption is not null ? "sender:" + senderExemption : "recipient:" + recipientExemption;
                if (!exemptionsUsed.Contains(used))
                {
                    exemptionsUsed.Add(used);
                }

                string reason = senderExemption is not null ? ReasonCodes.SenderExempt : ReasonCodes.RecipientExempt;
                decisions.Add(new RecipientDecision(recipient ?? string.Empty, tier.Domain, tier.Tier, RecipientAction.Allow, new[] { reason }));
                continue;
            }

            (RecipientAction action, IReadOnlyList<string> reasons) = RecipientRules.Decide(tier.Tier, facts, Options);
            decisions.Add(new RecipientDecision(recipient ?? string.Empty, tier.Domain, tier.Tier, action, reasons));
        }

        return new Verdict(
            Options.Mode,
            messageId,
            facts.Sensitive,
            inspection.Findings,
            decisions,
            _clock.GetElapsedTime(started),
            exemptionsUsed,
            Options.Version);
    }

    /// <summary>The exemption entry matching an address (the whole address, or its domain), or null.</summary>
    private static string? MatchExemption(HashSet<string> entries, string? address)
    {
        if (entries.Count == 0 || string.IsNullOrEmpty(address))
        {
            return null;
        }

        string normalised = Normalise(address!);
        if (entries.Contains(normalised))
        {
            return normalised;
        }

        int at = normalised.LastIndexOf('@');
        string domain = at >= 0 ? normalised.Substring(at + 1) : normalised;
        return entries.Contains(domain) ? domain : null;
    }

    private static string Normalise(string entry) => entry.Trim().Trim('<', '>').TrimEnd('.').ToLowerInvariant();
}
