using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Exchange.Data.Transport;
using Moq;
using SecureMailGate.Core;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// One agent wired to fakes: a scripted engine, a recording notice submitter, an in-memory log, and an async
/// context whose work runs inline so a test sees the outcome as soon as the handler returns.
/// </summary>
internal sealed class AgentHarness
{
    public const string Sender = "jane.doctor@ourtrust.nhs.uk";

    public AgentHarness(PolicyOptions? options = null)
    {
        Options = options ?? PolicyOptions.Default;
        Engine.SetupGet(e => e.Options).Returns(() => Options);
        Engine.Setup(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()))
            .Returns((MessageEnvelope envelope, CancellationToken _) =>
            {
                Envelopes.Add(envelope);
                return Decide(envelope);
            });
        Notices.Setup(n => n.Submit(It.IsAny<byte[]>())).Callback((byte[] mime) => SubmittedNotices.Add(mime));
        Agent = Build();
    }

    public PolicyOptions Options { get; set; }

    public Mock<IPolicyEngine> Engine { get; } = new();

    public Mock<INoticeSubmitter> Notices { get; } = new();

    /// <summary>When set, Resume() on the handler's async context throws this.</summary>
    public Exception? ResumeFailure { get; set; }

    /// <summary>A new async context for each handler call, as transport gives one.</summary>
    public AgentAsyncContext NewAsyncContext() => new FakeAsyncContext(Calls, ResumeFailure);

    public List<string> Calls { get; } = new();

    public List<byte[]> SubmittedNotices { get; } = new();

    public List<MessageEnvelope> Envelopes { get; } = new();

    public TestLog Log { get; } = new();

    public bool PolicyAvailable { get; set; } = true;

    /// <summary>What the scripted engine decides for each recipient (default: allow).</summary>
    public Dictionary<string, RecipientAction> Actions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Reasons { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SecureMailGateAgent Agent { get; private set; }

    /// <summary>Why the audit trail cannot be written (call <see cref="Build"/> after setting it).</summary>
    public Func<string?>? AuditTrailProblem { get; set; }

    /// <summary>Audit logger to use instead of the in-memory one (call <see cref="Build"/> after setting it).</summary>
    public NLog.ILogger? AuditOverride { get; set; }

    /// <summary>Called with each OnResolvedMessage source before the agent sees it (to make Fork or routing fail).</summary>
    public Action<FakeResolvedSource>? OnSource { get; set; }

    public SecureMailGateAgent Build()
    {
        var processor = new MessageProcessor(
            () => PolicyAvailable ? new PolicySnapshot(Options, Engine.Object) : null,
            Notices.Object,
            Log.Agent,
            AuditOverride ?? Log.Audit,
            TimeProvider.System,
            AuditTrailProblem);
        Agent = new SecureMailGateAgent(processor, Log.Agent, NewAsyncContext, work => work());
        return Agent;
    }

    public FakeResolvedSource Resolve(FakeMailItem item)
    {
        var source = new FakeResolvedSource(item);
        OnSource?.Invoke(source);
        Agent.HandleResolvedMessage(source, new FakeEventArgs(item));
        return source;
    }

    /// <summary>
    /// Raises OnResolvedMessage, and again each time the agent defers the item, as transport retries it (at most
    /// <paramref name="attempts"/> times). Returns the source of every attempt.
    /// </summary>
    public List<FakeResolvedSource> ResolveWithRetries(FakeMailItem item, int attempts = 3)
    {
        var sources = new List<FakeResolvedSource> { Resolve(item) };
        while (item.IsDeferred && sources.Count < attempts)
        {
            item.Requeue();
            sources.Add(Resolve(item));
        }

        return sources;
    }

    public FakeRoutedSource Route(FakeMailItem item)
    {
        var source = new FakeRoutedSource(item);
        Agent.HandleRoutedMessage(source, new FakeEventArgs(item));
        return source;
    }

    public IEnumerable<string> AuditLines => Log.Lines.Where(l => l.Contains("|SecureMailGate.Audit|", StringComparison.Ordinal));

    private Verdict Decide(MessageEnvelope envelope)
    {
        var decisions = envelope.Recipients.Select(address =>
        {
            var action = Actions.TryGetValue(address, out var a) ? a : RecipientAction.Allow;
            var reason = Reasons.TryGetValue(address, out var r) ? r : DefaultReason(action);
            return new RecipientDecision(address, address.Split('@').Last(), action == RecipientAction.Allow ? RecipientTier.NhsMail : RecipientTier.External, action, new[] { reason });
        }).ToList();
        return new Verdict(
            Options.Mode,
            "<m1@ourtrust.nhs.uk>",
            decisions.Any(d => d.Action != RecipientAction.Allow),
            new[] { new Finding(FindingKinds.NhsNumber, "attachment:1.docx", Confidence.High) },
            decisions,
            TimeSpan.FromMilliseconds(4),
            Array.Empty<string>(),
            Options.Version);
    }

    private static string DefaultReason(RecipientAction action) => action switch
    {
        RecipientAction.Block => ReasonCodes.NhsNumberInSubject,
        RecipientAction.Encrypt => ReasonCodes.SensitiveToInsecure,
        RecipientAction.Warn => ReasonCodes.RetiredDomain,
        _ => ReasonCodes.SecureRoute,
    };
}
