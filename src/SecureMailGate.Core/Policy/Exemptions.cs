using System;
using System.Collections.Generic;

namespace SecureMailGate.Core.Policy;

/// <summary>Senders and recipients the policy never acts on (every use is audited). Entries are addresses or domains.</summary>
/// <param name="Senders">Exempt sender addresses or domains.</param>
/// <param name="Recipients">Exempt recipient addresses or domains.</param>
public sealed record Exemptions(IReadOnlyList<string>? Senders = null, IReadOnlyList<string>? Recipients = null)
{
    /// <summary>Exempt senders, never null.</summary>
    public IReadOnlyList<string> Senders { get; init; } = Senders ?? Array.Empty<string>();

    /// <summary>Exempt recipients, never null.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = Recipients ?? Array.Empty<string>();
}
