using System;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core;

/// <summary>
/// The names engine values carry in JSON, the CLI and the audit trail (POLICY.md's names, used exactly, because
/// administrators script against them). Tier names are in <see cref="Addressing.RecipientTierNames"/>.
/// </summary>
public static class WireNames
{
    /// <summary><c>allow</c>, <c>warn</c>, <c>encrypt</c> or <c>block</c>.</summary>
    /// <param name="action">The action.</param>
    public static string ToWireName(this RecipientAction action) => action switch
    {
        RecipientAction.Allow => "allow",
        RecipientAction.Warn => "warn",
        RecipientAction.Encrypt => "encrypt",
        RecipientAction.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    /// <param name="confidence">The confidence.</param>
    public static string ToWireName(this Confidence confidence) => confidence switch
    {
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Unknown confidence."),
    };

    /// <summary><c>enforce</c> or <c>monitor</c>.</summary>
    /// <param name="mode">The mode.</param>
    public static string ToWireName(this PolicyMode mode) => mode == PolicyMode.Monitor ? "monitor" : "enforce";
}
