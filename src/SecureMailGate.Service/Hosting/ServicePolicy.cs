using System;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Service.Hosting;

/// <summary>A policy and the engine built for it, used together for one request.</summary>
public sealed class ServicePolicy
{
    /// <summary>Pairs a policy with its engine.</summary>
    /// <param name="options">The policy, with the service's accepted domains merged into <c>internalDomains</c>.</param>
    /// <param name="engine">The engine for that policy.</param>
    public ServicePolicy(PolicyOptions options, SecureMailGateEngine engine)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
    }

    /// <summary>The policy.</summary>
    public PolicyOptions Options { get; }

    /// <summary>The engine.</summary>
    public SecureMailGateEngine Engine { get; }
}
