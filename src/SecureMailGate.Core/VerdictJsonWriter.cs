using System;
using System.Collections.Generic;
using System.Text.Json;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core;

/// <summary>
/// Writes the parts of a verdict that every JSON output shares — the findings and the per-recipient decisions —
/// in the shape of the CLI contract, so <c>check --json</c> and the audit trail cannot drift apart.
/// </summary>
public static class VerdictJsonWriter
{
    /// <summary>
    /// Writes <c>"findings": [ { "kind", "location", "confidence", "reason"? } ]</c>; <c>reason</c> only for findings
    /// that say why something could not be inspected.
    /// </summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="findings">The findings.</param>
    public static void WriteFindings(Utf8JsonWriter json, IEnumerable<Finding> findings)
    {
        if (json is null || findings is null)
        {
            throw new ArgumentNullException(json is null ? nameof(json) : nameof(findings));
        }

        json.WriteStartArray("findings");
        foreach (Finding finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("kind", finding.Kind);
            json.WriteString("location", finding.Location);
            json.WriteString("confidence", finding.Confidence.ToWireName());
            if (finding.Reason is { Length: > 0 } reason)
            {
                json.WriteString("reason", reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes <c>"message": { "messageId", "sensitive", "findings" }</c>, as every JSON output shows it.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="verdict">The verdict.</param>
    public static void WriteMessage(Utf8JsonWriter json, Verdict verdict)
    {
        if (json is null || verdict is null)
        {
            throw new ArgumentNullException(json is null ? nameof(json) : nameof(verdict));
        }

        json.WriteStartObject("message");
        if (verdict.MessageId is null)
        {
            json.WriteNull("messageId");
        }
        else
        {
            json.WriteString("messageId", verdict.MessageId);
        }

        json.WriteBoolean("sensitive", verdict.Sensitive);
        WriteFindings(json, verdict.Findings);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"recipients": [ { "address", "tier", "action", "reasons" } ]</c>.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="decisions">The decisions, in envelope order.</param>
    public static void WriteRecipients(Utf8JsonWriter json, IEnumerable<RecipientDecision> decisions)
    {
        if (json is null || decisions is null)
        {
            throw new ArgumentNullException(json is null ? nameof(json) : nameof(decisions));
        }

        json.WriteStartArray("recipients");
        foreach (RecipientDecision decision in decisions)
        {
            json.WriteStartObject();
            json.WriteString("address", decision.Address);
            json.WriteString("tier", decision.Tier.ToWireName());
            json.WriteString("action", decision.Action.ToWireName());
            json.WriteStartArray("reasons");
            foreach (string reason in decision.Reasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
