using System;
using System.Collections.Generic;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Policy;

/// <summary>The engine's answer for one message: a decision per envelope recipient, the findings, and the cost.</summary>
/// <param name="Mode">The policy mode; in <c>monitor</c> hosts enforce nothing.</param>
/// <param name="MessageId">The Message-ID header, or null when the message has none.</param>
/// <param name="Sensitive">Whether the message counts as sensitive (POLICY §2, last paragraph).</param>
/// <param name="Findings">Every finding, in the order found.</param>
/// <param name="Decisions">One decision per envelope recipient, in envelope order.</param>
/// <param name="Elapsed">How long the evaluation took.</param>
/// <param name="ExemptionsUsed">Exemption entries that changed a decision (audited).</param>
/// <param name="PolicyVersion">Identifies the policy that decided.</param>
public sealed record Verdict(
    PolicyMode Mode,
    string? MessageId,
    bool Sensitive,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RecipientDecision> Decisions,
    TimeSpan Elapsed,
    IReadOnlyList<string> ExemptionsUsed,
    string PolicyVersion);
