using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;
using Microsoft.Exchange.Data.Transport.Smtp;
using MimeKit;
using NLog;
using SecureMailGate.Core;
using SecureMailGate.Core.Audit;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>
/// Decides one message and applies the verdict to it in Exchange's terms: NDR per blocked recipient, the
/// encryption token for exactly the recipients that need it (forking the message when others must not get the
/// changed subject), one notice for warnings, the stamp, and the configured failure mode when anything fails.
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

    public MessageProcessor(Func<PolicySnapshot?> policy, INoticeSubmitter notices, ILogger log, ILogger audit, TimeProvider clock)
    {
        this.policy = policy ?? throw new ArgumentNullException(nameof(policy));
        this.notices = notices ?? throw new ArgumentNullException(nameof(notices));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
        this.audit = audit ?? throw new ArgumentNullException(nameof(audit));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>
    /// Processes one message. Never throws: failures follow the policy's failure mode.
    /// </summary>
    /// <param name="source">The event source (for Defer and Fork).</param>
    /// <param name="mailItem">The message.</param>
    /// <param name="routing">The source when raised at OnResolvedMessage (routing overrides are possible); else null.</param>
    public void Process(QueuedMessageEventSource source, MailItem mailItem, ResolvedMessageEventSource? routing)
    {
        var started = clock.GetTimestamp();
        string? messageId = null;
        var failureMode = FailureMode.Defer; // built-in default while no policy is known
        try
        {
            var snapshot = policy()
                ?? throw new InvalidOperationException("No valid SecureMailGate configuration is loaded (see the configuration error logged earlier).");
            failureMode = snapshot.Options.FailureMode;

            // Only the header block first: most messages seen in OnRoutedMessage are stamped and need nothing more.
            var headers = ReadHeaders(mailItem);
            messageId = headers[HeaderId.MessageId];
            if (ProcessingStamp.IsPresent(headers))
            {
                log.Debug("Message {MessageId} already carries the SecureMailGate stamp; left as it is.", messageId);
                return;
            }

            var sender = SenderOf(mailItem);
            var systemReason = SystemMessages.Classify(sender, headers);
            if (systemReason is not null)
            {
                log.Debug("Message {MessageId} skipped: {Reason}.", messageId, systemReason);
                return;
            }

            var mime = ReadMime(mailItem);
            var recipients = RecipientsOf(mailItem);
            Verdict verdict;
            using (var timeout = new CancellationTokenSource(EvaluationTimeout))
            using (var content = new MemoryStream(mime, writable: false))
            {
                var envelope = new MessageEnvelope(sender, recipients.Select(r => r.Address.ToString()).ToArray(), content);
                verdict = snapshot.Engine.Evaluate(envelope, timeout.Token);
            }

            messageId ??= verdict.MessageId;
            var decided = Match(recipients, verdict);
            var enforce = verdict.Mode == PolicyMode.Enforce;

            // Audit before changing anything: if the trail cannot be written, the failure mode decides (POLICY §5).
            audit.Info(AuditRecord.ToJsonLine(verdict, sender, clock.GetElapsedTime(started), clock.GetUtcNow(), enforce));

            if (!enforce)
            {
                WriteMime(mailItem, MessageContent.Rewrite(mime, ProcessingStamp.ForVerdict(verdict, enforced: false, tokenAdded: false), null));
                log.Info("Message {MessageId} evaluated in monitor mode; nothing enforced.", messageId);
                return;
            }

            Enforce(source, routing, mailItem, mime, headers, verdict, snapshot.Options, decided, sender!, messageId);
        }
        catch (Exception ex)
        {
            Fail(source, failureMode, messageId, ex);
        }
    }

    private void Enforce(
        QueuedMessageEventSource source,
        ResolvedMessageEventSource? routing,
        MailItem mailItem,
        byte[] mime,
        HeaderList headers,
        Verdict verdict,
        PolicyOptions options,
        IReadOnlyList<Decided> decided,
        string sender,
        string? messageId)
    {
        foreach (var blocked in decided.Where(d => d.Decision.Action == RecipientAction.Block))
        {
            var lines = BlockNotice.Explain(blocked.Decision, options.Encryption).ToArray();
            var response = new SmtpResponse(BlockNotice.StatusCode, BlockNotice.EnhancedStatusCode, string.Join(" ", lines), true, lines);
            mailItem.Recipients.Remove(blocked.Recipient, DsnType.Failure, response);
            log.Info("Message {MessageId}: recipient {Recipient} blocked ({Reasons}).", messageId, blocked.Decision.Address, string.Join(",", blocked.Decision.Reasons));
        }

        var remaining = decided.Where(d => d.Decision.Action != RecipientAction.Block).ToList();
        if (remaining.Count == 0)
        {
            log.Info("Message {MessageId}: every recipient was blocked; the sender gets a report for each.", messageId);
            return;
        }

        if (remaining.Any(d => d.Decision.Action == RecipientAction.Warn))
        {
            SendWarnNotice(verdict, sender, headers[HeaderId.Subject], messageId);
        }

        var encrypt = remaining.Where(d => d.Decision.Action == RecipientAction.Encrypt).ToList();
        var plainStamp = ProcessingStamp.ForVerdict(verdict, enforced: true, tokenAdded: false);
        if (encrypt.Count == 0)
        {
            WriteMime(mailItem, MessageContent.Rewrite(mime, plainStamp, null));
            return;
        }

        if (encrypt.Count < remaining.Count)
        {
            // Mixed: stamp first, so the copy that Fork splits off for the other recipients carries the stamp and
            // passes untouched when transport raises it again (OnRoutedMessage). Then this handler keeps working on
            // the copy that holds only the encrypt recipients, and changes that one alone.
            WriteMime(mailItem, MessageContent.Rewrite(mime, plainStamp, null));
            source.Fork(encrypt.Select(d => d.Recipient).ToList());
            log.Info("Message {MessageId}: split so that only {Count} recipient(s) get the encryption token.", messageId, encrypt.Count);
        }

        WriteMime(mailItem, MessageContent.Rewrite(mime, ProcessingStamp.ForVerdict(verdict, enforced: true, tokenAdded: true), options.Encryption.Token));
        RouteToEncryptionConnector(routing, mailItem, encrypt, options.Encryption, messageId);
    }

    private void RouteToEncryptionConnector(ResolvedMessageEventSource? routing, MailItem mailItem, IReadOnlyList<Decided> encrypt, EncryptionOptions encryption, string? messageId)
    {
        if (string.IsNullOrWhiteSpace(encryption.Connector))
        {
            return;
        }

        if (routing is null)
        {
            log.Warn("Message {MessageId}: the encryption connector can only be chosen before routing; this copy uses normal routing.", messageId);
            return;
        }

        var wanted = new HashSet<string>(encrypt.Select(d => d.Decision.Address), StringComparer.OrdinalIgnoreCase);
        var overrideRoute = new RoutingOverride(new RoutingDomain(encryption.Connector!.Trim()), DeliveryQueueDomain.UseOverrideDomain);
        foreach (var recipient in RecipientsOf(mailItem).Where(r => wanted.Contains(r.Address.ToString())))
        {
            routing.SetRoutingOverride(recipient, overrideRoute);
        }
    }

    private void SendWarnNotice(Verdict verdict, string sender, string? subject, string? messageId)
    {
        // The notice is a courtesy: failing to send it must not hold up the message itself.
        try
        {
            var notice = WarnNotice.Compose(verdict, subject);
            if (notice is not null)
            {
                notices.Submit(WarnNoticeMessage.Build(notice, sender));
            }
        }
        catch (Exception ex)
        {
            log.Error(ex, "Message {MessageId}: the warning notice to {Sender} could not be sent: {Problem}", messageId, sender, ex.Message);
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
            SafeLog(inner, messageId);
        }
    }

    private void SafeLog(Exception ex, string? messageId)
    {
        try
        {
            log.Fatal(ex, "Message {MessageId}: handling a failure failed as well: {Problem}", messageId ?? "(unknown)", ex.Message);
        }
        catch (Exception)
        {
            // Nothing is left to report to; an exception must never reach transport (it would crash the service).
        }
    }

    private static HeaderList ReadHeaders(MailItem mailItem)
    {
        using var stream = mailItem.GetMimeReadStream();
        return HeaderList.Load(stream);
    }

    private static byte[] ReadMime(MailItem mailItem)
    {
        using var stream = mailItem.GetMimeReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void WriteMime(MailItem mailItem, byte[] mime)
    {
        using var stream = mailItem.GetMimeWriteStream();
        stream.Write(mime, 0, mime.Length);
    }

    private static string? SenderOf(MailItem mailItem)
    {
        var text = mailItem.FromAddress.ToString();
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

    private sealed class Decided
    {
        public Decided(EnvelopeRecipient recipient, RecipientDecision decision)
        {
            Recipient = recipient;
            Decision = decision;
        }

        public EnvelopeRecipient Recipient { get; }

        public RecipientDecision Decision { get; }
    }
}
