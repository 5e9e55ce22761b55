using System;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>A policy and the engine built for it, used together for one message.</summary>
internal sealed class PolicySnapshot
{
    public PolicySnapshot(PolicyOptions options, IPolicyEngine engine)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
    }

    public PolicyOptions Options { get; }

    public IPolicyEngine Engine { get; }
}
