using System;
using System.Collections.Generic;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation;

/// <summary>
/// The part of a policy a worker needs to inspect: the encryption token, the admin patterns and the limits. Addressing
/// and decisions stay with the host, so domain lists never cross the pipe.
/// </summary>
/// <param name="EncryptionToken">The subject token that requests encryption.</param>
/// <param name="Patterns">Admin-defined patterns.</param>
/// <param name="Limits">Inspection limits, including the time budget the worker enforces itself.</param>
public sealed record WorkerPolicy(string EncryptionToken, IReadOnlyList<DetectionPattern> Patterns, InspectionLimits Limits)
{
    /// <summary>The inspection settings of a policy.</summary>
    /// <param name="options">The policy.</param>
    public static WorkerPolicy From(PolicyOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return new WorkerPolicy(options.Encryption.Token, options.Detection.Patterns, options.Limits);
    }

    /// <summary>A policy that inspects exactly as the one these settings came from.</summary>
    public PolicyOptions ToPolicy() => new()
    {
        Encryption = new EncryptionOptions(Token: EncryptionToken ?? string.Empty),
        Detection = new DetectionOptions(Patterns: Patterns ?? Array.Empty<DetectionPattern>()),
        Limits = Limits ?? InspectionLimits.Default,
        Isolation = IsolationOptions.Default with { Mode = IsolationMode.InProcess },
    };
}
