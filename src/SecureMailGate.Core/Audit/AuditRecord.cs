using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Audit;

/// <summary>
/// Builds the one audit record per message (POLICY §5) as a single JSON line: time, message id, sender, each
/// recipient with tier, action and reasons, finding kinds with locations and confidences, mode, policy version and
/// processing time. Never the detected identifiers, never body text: a <see cref="Verdict"/> holds neither.
/// Pure: hosts write the line through NLog.
/// </summary>
public static class AuditRecord
{
    /// <summary>Builds the JSON line (no trailing newline).</summary>
    /// <param name="verdict">The engine's verdict.</param>
    /// <param name="sender">Envelope sender; null for the null reverse-path.</param>
    /// <param name="processingTime">Host-measured time from receiving the message to having a verdict.</param>
    /// <param name="timestamp">When the message was decided.</param>
    /// <param name="enforced">Whether the host enforced the decisions (false in monitor mode).</param>
    public static string ToJsonLine(Verdict verdict, string? sender, TimeSpan processingTime, DateTimeOffset timestamp, bool enforced)
    {
        if (verdict is null)
        {
            throw new ArgumentNullException(nameof(verdict));
        }

        using var buffer = new MemoryStream();
        // Relaxed escaping keeps '<' and '>' of Message-IDs readable: the line goes to a log file, never into HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("messageId", verdict.MessageId);
            json.WriteString("sender", sender);
            json.WriteString("mode", verdict.Mode == PolicyMode.Monitor ? "monitor" : "enforce");
            json.WriteBoolean("enforced", enforced);
            json.WriteString("policyVersion", verdict.PolicyVersion);
            json.WriteBoolean("sensitive", verdict.Sensitive);
            json.WriteNumber("processingMs", Math.Round(processingTime.TotalMilliseconds, 1));
            json.WriteNumber("engineMs", Math.Round(verdict.Elapsed.TotalMilliseconds, 1));
            json.WriteStartArray("recipients");
            foreach (var decision in verdict.Decisions)
            {
                json.WriteStartObject();
                json.WriteString("address", decision.Address);
                json.WriteString("tier", decision.Tier.ToWireName());
                json.WriteString("action", ActionName(decision.Action));
                json.WriteStartArray("reasons");
                foreach (var reason in decision.Reasons)
                {
                    json.WriteStringValue(reason);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in verdict.Findings)
            {
                json.WriteStartObject();
                json.WriteString("kind", finding.Kind);
                json.WriteString("location", finding.Location);
                json.WriteString("confidence", ConfidenceName(finding.Confidence));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("exemptionsUsed");
            foreach (var exemption in verdict.ExemptionsUsed)
            {
                json.WriteStringValue(exemption);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The wire name of an action (<c>allow</c>, <c>warn</c>, <c>encrypt</c>, <c>block</c>).</summary>
    /// <param name="action">The action.</param>
    public static string ActionName(RecipientAction action) => action switch
    {
        RecipientAction.Allow => "allow",
        RecipientAction.Warn => "warn",
        RecipientAction.Encrypt => "encrypt",
        RecipientAction.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    private static string ConfidenceName(Confidence confidence) => confidence switch
    {
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Unknown confidence."),
    };
}
