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
/// recipient with tier, action and reasons, finding kinds with locations and confidences, mode, the policy file's hash
/// and processing time. Never the detected identifiers, never body text: a <see cref="Verdict"/> holds neither.
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
            json.WriteString("time", FormatTime(timestamp));
            json.WriteString("messageId", verdict.MessageId);
            json.WriteString("sender", sender);
            json.WriteString("mode", verdict.Mode.ToWireName());
            json.WriteBoolean("enforced", enforced);
            // "policy" identifies the policy file that decided (sha256: + the first 16 hex digits of its SHA-256, or
            // "built-in"); "policyVersion" carries the same value for readers of earlier lines.
            json.WriteString("policy", verdict.PolicyVersion);
            json.WriteString("policyVersion", verdict.PolicyVersion);
            json.WriteBoolean("sensitive", verdict.Sensitive);
            json.WriteNumber("processingMs", Math.Round(processingTime.TotalMilliseconds, 1));
            json.WriteNumber("engineMs", Math.Round(verdict.Elapsed.TotalMilliseconds, 1));
            VerdictJsonWriter.WriteRecipients(json, verdict.Decisions);
            VerdictJsonWriter.WriteFindings(json, verdict.Findings);
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

    /// <summary>The audit trail's time format: UTC with milliseconds, e.g. <c>2026-03-01T09:30:00.000Z</c>.</summary>
    /// <param name="timestamp">A point in time.</param>
    public static string FormatTime(DateTimeOffset timestamp) =>
        timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
