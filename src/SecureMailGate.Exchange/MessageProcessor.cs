using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Exchange.Data.Mime;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;
using Microsoft.Exchange.Data.Transport.Smtp;
using NLog;
using SecureMailGate.Core;
using SecureMailGate.Core.Audit;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;
using MimeHeaders = MimeKit.HeaderList;
using MimeHeaderId = MimeKit.HeaderId;

namespace SecureMailGate.Exchange;

/// <summary>
/// Decides one message and applies the verdict to it in Exchange's terms: NDR per blocked recipient, the
/// encryption token for exactly the recipients that need it (forking the message when others must not get the
/// changed subject), one notice for warnings, the stamp.
/// <para>
/// It works in two phases. <b>Plan</b> does everything that can fail (reading, deciding, the audit record, and
/// building every SMTP response, routing override, subject and notice it may need) without touching the message; a
/// failure there follows the failure mode, and <c>Defer</c> is safe because nothing has changed. <b>Apply</b> then
/// changes the message; from its first change on, a failure is logged and the rest carries on, so transport never
/// retries a message whose reports or notice were already sent.
/// </para>
/// Stateless apart from its services, so one instance can serve every agent.
/// </summary>
internal sealed class MessageProcessor
{
    /// <summary>How long a deferred message waits before transport retries it.</summary>
    public static readonly TimeSpan DeferRetryInterval = TimeSpan.FromMinutes(5);

    /// <summary>Longest the engine may take for one message before it counts as a failure.</summary>
    public static readonly TimeSpan EvaluationTimeout = TimeSpan.FromMinutes(2);

    private readonly Func<PolicySnapshot?> policy;
    private readonly INoticeSubmitter notices;
    private readonly ILogger log;
    private readonly ILogger audit;
    private readonly TimeProvider clock;
    private readonly Func<string?> auditTrailProblem;

    /// <param name="policy">The policy in force, or null when none could be loaded.</param>
    /// <param name="notices">Sends warning notices.</param>
    /// <param name="log">Operational log.</param>
    /// <param name="audit">Audit trail: one JSON line per message.</param>
    /// <param name="clock">Time source.</param>
    /// <param name="auditTrailProblem">Why the audit trail cannot be written now, or null; default: it can.</param>
    public MessageProcessor(Func<PolicySnapshot?> policy, INoticeSubmitter notices, ILogger log, ILogger audit, TimeProvider clock, Func<string?>? auditTrailProblem = null)
    {
        this.auditTrailProblem = auditTrailProblem ?? (() => null);
        this.policy = policy ?? throw new ArgumentNullException(nameof(policy));
        this.notices = notices ?? throw new ArgumentNullException(nameof(notices));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
        this.audit = audit ?? throw new ArgumentNullException(nameof(audit));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>
    /// Processes one message. Never throws: failures before the first change follow the policy's failure mode;
    /// failures after it are logged.
    /// </summary>
    /// <param name="source">The event source (for Defer and Fork).</param>
    /// <param name="mailItem">The message.</param>
    /// <param name="routing">The source when raised at OnResolvedMessage (routing overrides are possible); else null.</param>
    public void Process(QueuedMessageEventSource source, MailItem mailItem, ResolvedMessageEventSource? routing)
    {
        var started = clock.GetTimestamp();
        string? messageId = null;
        var failureMode = FailureMode.Defer; // built-in default while no policy is known
        Plan? plan;
        try
        {
            var snapshot = policy()
                ?? throw new InvalidOperationException("No valid SecureMailGate configuration is loaded (see the configuration error logged earlier).");
            failureMode = snapshot.Options.FailureMode;
            if (auditTrailProblem() is { } problem)
            {
                throw new InvalidOperationException("The audit trail cannot be written (" + problem + ").");
            }

            plan = MakePlan(mailItem, snapshot.Options, snapshot.Engine, started, ref messageId);
        }
        catch (Exception ex)
        {
            Fail(source, failureMode, messageId, ex);
            return;
        }

        if (plan is null)
        {
            return;
        }

        // The stamp is the first change, and shows whether transport lets the agent write this item at all.
        TextHeader stamp;
        try
        {
            stamp = new TextHeader(ProcessingStamp.HeaderName, plan.Stamp);
            mailItem.Message.MimeDocument.RootPart.Headers.AppendChild(stamp);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or UnauthorizedAccessException)
        {
            log.Debug("Message {MessageId} cannot be changed (transport made it read-only); left as it is: {Problem}", messageId, ex.Message);
            return;
        }
        catch (Exception ex)
        {
            // Still nothing changed, so the failure mode may defer it.
            Fail(source, failureMode, messageId, ex);
            return;
        }

        try
        {
            Apply(source, routing, mailItem, plan, stamp, messageId);
        }
        catch (Exception ex)
        {
            // Something was changed already: deferring now would repeat reports and notices on the retry.
            SafeLog(ex, messageId, "a step after the message was changed failed; the rest was skipped and the message goes on as it is");
        }
    }

    private Plan? MakePlan(MailItem mailItem, PolicyOptions options, IPolicyEngine engine, long started, ref string? messageId)
    {
        var message = mailItem.Message;
        var exchangeHeaders = message.MimeDocument.RootPart.Headers;
        if (ProcessingStamp.IsPresent(exchangeHeaders))
        {
            log.Debug("A message already carries the SecureMailGate stamp; left as it is.");
            return null;
        }

        if (message.IsSystemMessage)
        {
            log.Debug("A system message (generated by Exchange itself) was left alone.");
            return null;
        }

        // Only the header block first: system messages need nothing more.
        var headers = ReadHeaders(mailItem);
        messageId = headers[MimeHeaderId.MessageId];
        var sender = SenderOf(mailItem.FromAddress);
        var systemReason = SystemMessages.Classify(sender, headers);
        if (systemReason is not null)
        {
            log.Debug("Message {MessageId} skipped: {Reason}.", messageId, systemReason);
            return null;
        }

        var recipients = RecipientsOf(mailItem);
        Verdict verdict;
        using (var timeout = new CancellationTokenSource(EvaluationTimeout))
        using (var content = mailItem.GetMimeReadStream())
        {
            var envelope = new MessageEnvelope(sender, recipients.Select(r => r.Address.ToString()).ToArray(), content) { MessageId = messageId };
            verdict = engine.Evaluate(envelope, timeout.Token);
        }

        messageId ??= verdict.MessageId;
        var decided = Match(recipients, verdict);
        var enforce = verdict.Mode == PolicyMode.Enforce;
        var plan = enforce
            ? PlanEnforcement(message.Subject, verdict, options, decided, sender!, clock.GetUtcNow())
            : new Plan(ProcessingStamp.ForVerdict(verdict, enforced: false, tokenAdded: false), Enforce: false);

        // Audit last in this phase and before changing anything: if the trail cannot be written, the failure mode decides (POLICY §5).
        audit.Info(AuditRecord.ToJsonLine(verdict, sender, clock.GetElapsedTime(started), clock.GetUtcNow(), enforce));
        return plan;
    }

    private static Plan PlanEnforcement(string? exchangeSubject, Verdict verdict, PolicyOptions options, IReadOnlyList<Decided> decided, string sender, DateTimeOffset now)
    {
        var blocked = decided.Where(d => d.Decision.Action == RecipientAction.Block)
            .Select(d => new Blocked(d, NonDeliveryReports.ForBlocked(d.Decision, options)))
            .ToList();
        var remaining = decided.Where(d => d.Decision.Action != RecipientAction.Block).ToList();
        var encrypt = remaining.Where(d => d.Decision.Action == RecipientAction.Encrypt).ToList();
        byte[]? notice = null;
        if (remaining.Any(d => d.Decision.Action == RecipientAction.Warn))
        {
            // The notice names the message by time and recipients only: its subject may hold patient details.
            var composed = WarnNotice.Compose(verdict, now, options);
            notice = composed is null ? null : WarnNoticeMessage.Build(composed, sender, options.Notices.SenderName, now);
        }

        return new Plan(ProcessingStamp.ForVerdict(verdict, enforced: true, tokenAdded: false), Enforce: true)
        {
            Blocked = blocked,
            RemainingCount = remaining.Count,
            Notice = notice,
            Encrypt = encrypt,
            EncryptedStamp = ProcessingStamp.ForVerdict(verdict, enforced: true, tokenAdded: true),
            EncryptedSubject = encrypt.Count == 0 ? null : EncryptionSubject.With(exchangeSubject, options.Encryption.Token),
            Route = encrypt.Count == 0 ? null : EncryptionRoute.For(options.Encryption),
            TokenNotAdded = NonDeliveryReports.ForTokenNotAdded(options),
        };
    }

    private void Apply(QueuedMessageEventSource source, ResolvedMessageEventSource? routing, MailItem mailItem, Plan plan, TextHeader stamp, string? messageId)
    {
        var message = mailItem.Message;
        if (!plan.Enforce)
        {
            log.Info("Message {MessageId} evaluated in monitor mode; nothing enforced.", messageId);
            return;
        }

        foreach (var blocked in plan.Blocked)
        {
            Step(messageId, "the non-delivery report for a blocked recipient could not be created", () =>
            {
                mailItem.Recipients.Remove(blocked.Recipient.Recipient, DsnType.Failure, blocked.Response);
                log.Info("Message {MessageId}: recipient {Recipient} blocked ({Reasons}).", messageId, blocked.Recipient.Decision.Address, string.Join(",", blocked.Recipient.Decision.Reasons));
            });
        }

        if (plan.RemainingCount == 0)
        {
            log.Info("Message {MessageId}: every recipient was blocked; the sender gets a report for each.", messageId);
            return;
        }

        if (plan.Notice is not null)
        {
            // The notice is a courtesy: failing to send it must not hold up the message itself.
            Step(messageId, "the warning notice to the sender could not be sent", () => notices.Submit(plan.Notice));
        }

        if (plan.Encrypt.Count == 0)
        {
            return;
        }

        if (plan.Encrypt.Count < plan.RemainingCount)
        {
            // Mixed: the copy that Fork splits off for the other recipients already carries the stamp and passes
            // untouched when transport raises it again (OnRoutedMessage). This handler keeps the encrypt recipients.
            var split = Step(messageId, "the message could not be split, so every remaining recipient gets the encryption token", () =>
                source.Fork(plan.Encrypt.Select(d => d.Recipient).ToList()));
            if (split)
            {
                log.Info("Message {MessageId}: split so that only {Count} recipient(s) get the encryption token.", messageId, plan.Encrypt.Count);
            }
        }

        var tokenAdded = Step(messageId, "the encryption token could not be added to the subject", () =>
        {
            // Through Exchange's object model: for a TNEF message this also changes the subject Exchange reads.
            message.Subject = plan.EncryptedSubject;
            stamp.Value = plan.EncryptedStamp;
        });
        if (!tokenAdded)
        {
            // Never let it leave unprotected: those recipients get a report telling the sender how to resend.
            foreach (var recipient in RecipientsOf(mailItem).Where(r => plan.IsEncryptRecipient(r.Address.ToString())))
            {
                Step(messageId, "a recipient the token could not protect could not be removed", () =>
                    mailItem.Recipients.Remove(recipient, DsnType.Failure, plan.TokenNotAdded));
            }

            return;
        }

        RouteToEncryptionConnector(routing, mailItem, plan, messageId);
    }

    private void RouteToEncryptionConnector(ResolvedMessageEventSource? routing, MailItem mailItem, Plan plan, string? messageId)
    {
        if (plan.Route is null)
        {
            return;
        }

        if (routing is null)
        {
            log.Warn("Message {MessageId}: the encryption connector can only be chosen before routing; this copy uses normal routing.", messageId);
            return;
        }

        foreach (var recipient in RecipientsOf(mailItem).Where(r => plan.IsEncryptRecipient(r.Address.ToString())))
        {
            Step(messageId, "a recipient could not be routed to the encryption connector and uses normal routing", () =>
                routing.SetRoutingOverride(recipient, plan.Route));
        }
    }

    /// <summary>Runs one change; a failure is logged and reported as false, never thrown.</summary>
    private bool Step(string? messageId, string whatFailed, Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (Exception ex)
        {
            SafeLog(ex, messageId, whatFailed);
            return false;
        }
    }

    private void Fail(QueuedMessageEventSource source, FailureMode failureMode, string? messageId, Exception ex)
    {
        try
        {
            if (failureMode == FailureMode.Defer)
            {
                log.Error(ex, "Message {MessageId} could not be checked and is deferred for {Minutes} minutes (failureMode defer): {Problem}", messageId ?? "(unknown)", DeferRetryInterval.TotalMinutes, ex.Message);
                source.Defer(DeferRetryInterval);
            }
            else
            {
                log.Error(ex, "Message {MessageId} could not be checked and is delivered unchecked (failureMode allow): {Problem}", messageId ?? "(unknown)", ex.Message);
            }
        }
        catch (Exception inner)
        {
            SafeLog(inner, messageId, "handling a failure failed as well");
        }
    }

    private void SafeLog(Exception ex, string? messageId, string whatFailed)
    {
        try
        {
            log.Error(ex, "Message {MessageId}: {WhatFailed}: {Problem}", messageId ?? "(unknown)", whatFailed, ex.Message);
        }
        catch (Exception)
        {
            // Nothing is left to report to; an exception must never reach transport (it would crash the service).
        }
    }

    private static MimeHeaders ReadHeaders(MailItem mailItem)
    {
        using var stream = mailItem.GetMimeReadStream();
        return MimeHeaders.Load(stream);
    }

    /// <summary>The envelope sender as text, or null for the null reverse path of reports and other system mail.</summary>
    internal static string? SenderOf(RoutingAddress from)
    {
        var text = from.ToString();
        return string.IsNullOrEmpty(text) || text == "<>" ? null : text;
    }

    private static List<EnvelopeRecipient> RecipientsOf(MailItem mailItem)
    {
        var recipients = mailItem.Recipients;
        var list = new List<EnvelopeRecipient>(recipients.Count);
        for (var i = 0; i < recipients.Count; i++)
        {
            list.Add(recipients[i]);
        }

        return list;
    }

    private static List<Decided> Match(IReadOnlyList<EnvelopeRecipient> recipients, Verdict verdict)
    {
        var byAddress = new Dictionary<string, RecipientDecision>(StringComparer.OrdinalIgnoreCase);
        foreach (var decision in verdict.Decisions)
        {
            byAddress[decision.Address] = decision;
        }

        return recipients.Select(r => byAddress.TryGetValue(r.Address.ToString(), out var d)
                ? new Decided(r, d)
                : throw new InvalidOperationException("The verdict has no decision for an envelope recipient."))
            .ToList();
    }

    private sealed record Decided(EnvelopeRecipient Recipient, RecipientDecision Decision);

    private sealed record Blocked(Decided Recipient, SmtpResponse Response);

    /// <summary>Everything Apply needs, computed while the message is still untouched.</summary>
    private sealed record Plan(string Stamp, bool Enforce)
    {
        public IReadOnlyList<Blocked> Blocked { get; init; } = Array.Empty<Blocked>();

        public int RemainingCount { get; init; }

        public byte[]? Notice { get; init; }

        public IReadOnlyList<Decided> Encrypt { get; init; } = Array.Empty<Decided>();

        public string EncryptedStamp { get; init; } = string.Empty;

        public string? EncryptedSubject { get; init; }

        public RoutingOverride? Route { get; init; }

        public SmtpResponse TokenNotAdded { get; init; }

        public bool IsEncryptRecipient(string address) =>
            Encrypt.Any(d => string.Equals(d.Decision.Address, address, StringComparison.OrdinalIgnoreCase));
    }
}
