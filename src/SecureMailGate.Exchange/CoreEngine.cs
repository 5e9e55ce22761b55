using System;
using System.Threading;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>The real engine behind <see cref="IPolicyEngine"/>.</summary>
internal sealed class CoreEngine : IPolicyEngine
{
    private readonly SecureMailGateEngine engine;

    public CoreEngine(PolicyOptions options, TimeProvider clock)
    {
        engine = new SecureMailGateEngine(options, clock);
    }

    /// <summary>An engine whose inspection runs through <paramref name="inspection"/> (e.g. the worker pool).</summary>
    public CoreEngine(PolicyOptions options, TimeProvider clock, IMessageInspection inspection)
    {
        engine = new SecureMailGateEngine(options, clock, inspection);
    }

    public PolicyOptions Options => engine.Options;

    public Verdict Evaluate(MessageEnvelope envelope, CancellationToken cancellationToken) => engine.Evaluate(envelope, cancellationToken);
}
