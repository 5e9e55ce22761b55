using System;
using System.Linq;
using SecureMailGate.Core;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Cli.Reporting;

/// <summary>Turns a replayed verdict into what the report counts.</summary>
internal static class VerdictRecord
{
    /// <summary>The record of a verdict; <paramref name="sent"/> is the message's Date, if any.</summary>
    public static DecisionRecord From(Verdict verdict, DateTimeOffset? sent)
    {
        if (verdict is null)
        {
            throw new ArgumentNullException(nameof(verdict));
        }

        return new DecisionRecord(
            sent,
            verdict.Mode.ToWireName(),
            verdict.Mode == PolicyMode.Enforce,
            verdict.Sensitive,
            verdict.Findings.Select(f => f.Kind).ToArray(),
            verdict.Decisions.Select(d => new RecipientRecord(
                d.Domain ?? AuditLine.DomainOf(d.Address), d.Tier.ToWireName(), d.Action.ToWireName(), d.Reasons.ToArray())).ToArray());
    }
}
