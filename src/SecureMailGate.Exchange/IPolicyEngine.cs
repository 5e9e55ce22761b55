using System.Threading;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>The agent's view of the engine: the policy it enforces and one call per message.</summary>
internal interface IPolicyEngine
{
    /// <summary>The policy in force.</summary>
    PolicyOptions Options { get; }

    /// <summary>Decides every envelope recipient of one message.</summary>
    Verdict Evaluate(MessageEnvelope envelope, CancellationToken cancellationToken);
}
