using System;
using System.Threading;
using SecureMailGate.Core;
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

    public PolicyOptions Options => engine.Options;

    public Verdict Evaluate(MessageEnvelope envelope, CancellationToken cancellationToken) => engine.Evaluate(envelope, cancellationToken);
}
