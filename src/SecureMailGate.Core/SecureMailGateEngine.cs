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
    private readonly MessageInspector _inspector;
    private readonly HashSet<string> _exemptSenders;
    private readonly HashSet<string> _exemptRecipients;

    /// <summary>Builds the engine for a policy.</summary>
    /// <param name="options">The policy.</param>
    /// <param name="clock">Time source for sunset dates, budgets and timings.</param>
    /// <param name="readers">Attachment readers, tried in order; null for the defaults.</param>
    public SecureMailGateEngine(PolicyOptions options, TimeProvider clock, IEnumerable<IAttachmentReader>? readers = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _classifier = new TierClassifier(options, clock);
        _inspector = new MessageInspector(options, readers, clock);
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

        // The budget starts before parsing: reading the header block and the MIME structure is part of the cost.
        var budget = new InspectionBudget(Options.Limits, _clock, cancellationToken);
        MimeMessage message;
        try
        {
            message = Parse(envelope.Mime, budget, cancellationToken);
        }
        catch (FormatException)
        {
            return EvaluateUnreadable(envelope.Sender, envelope.Recipients);
        }
        catch (InspectionLimitException)
        {
            // Too costly to parse (a huge header block, the time budget spent): a verdict, never a clean one.
            return Decide(null, envelope.Sender, envelope.Recipients, LimitReached(), started);
        }

        using (message)
        {
            return Evaluate(message, envelope.Sender, envelope.Recipients, started, budget);
        }
    }

    /// <summary>Evaluates an already parsed message (e.g. one read from an mbox file).</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">Envelope sender; null for the null reverse-path.</param>
    /// <param name="recipients">Envelope recipients.</param>
    /// <param name="cancellationToken">Stops the inspection.</param>
    public Verdict Evaluate(MimeMessage message, string? sender, IReadOnlyList<string> recipients, CancellationToken cancellationToken = default) =>
        Evaluate(message, sender, recipients, _clock.GetTimestamp(), new InspectionBudget(Options.Limits, _clock, cancellationToken));

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

        return Decide(null, sender, recipients, LimitReached(), _clock.GetTimestamp());
    }

    /// <summary>
    /// Parses the MIME stream inside the budget: the top-level header block is measured first, from the stream and
    /// bounded by <see cref="HeaderBlock.MaxBytes"/>, and the parser then reads through a stream that checks the time.
    /// </summary>
    /// <exception cref="InspectionLimitException">The header block is too long, or the time budget ran out.</exception>
    private static MimeMessage Parse(System.IO.Stream mime, InspectionBudget budget, CancellationToken cancellationToken)
    {
        bool seekable = mime.CanSeek;
        long start = seekable ? mime.Position : 0;
        byte[] head = HeaderBlock.Read(mime, HeaderBlock.MaxBytes(budget.Limits), budget, out int length);
        System.IO.Stream source;
        if (seekable)
        {
            mime.Position = start;
            source = mime;
        }
        else
        {
            source = new PrefixedStream(head, length, mime);
        }

        // Persistent parsing leaves part content in the (seekable) source instead of copying it into memory.
        return MimeMessage.Load(MessageInspector.ParserOptions, new TimeCheckedStream(source, budget), seekable, cancellationToken);
    }

    /// <summary>An inspection that stopped at a limit: one <c>inspection-limit</c> finding at <c>message</c>.</summary>
    private static InspectionResult LimitReached() =>
        new(new[] { new Finding(FindingKinds.InspectionLimit, "message", Confidence.High) }, false);

    private Verdict Evaluate(MimeMessage message, string? sender, IReadOnlyList<string> recipients, long started, InspectionBudget budget)
    {
        if (message is null || recipients is null)
        {
            throw new ArgumentNullException(message is null ? nameof(message) : nameof(recipients));
        }

        InspectionResult inspection = _inspector.Inspect(message, budget);
        string? messageId = string.IsNullOrEmpty(message.MessageId) ? null : "<" + message.MessageId + ">";
        return Decide(messageId, sender, recipients, inspection, started);
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
