using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecureMailGate.Core;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Cli.Output;

/// <summary>Writes verdicts in the exact JSON shape of the CLI contract (ARCHITECTURE.md).</summary>
internal static class VerdictJson
{
    /// <summary>
    /// The <c>check --json</c> object. <paramref name="replay"/> adds replay's <c>file</c> and <c>problem</c> fields
    /// first; <paramref name="explanation"/> (check --explain) adds <c>explanation</c> last.
    /// </summary>
    public static string Write(Verdict verdict, string? sender, bool indented, (string File, string? Problem)? replay = null, Explanation? explanation = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options(indented)))
        {
            json.WriteStartObject();
            if (replay is { } r)
            {
                json.WriteString("file", r.File);
                json.WriteString("problem", r.Problem);
            }

            json.WriteString("mode", verdict.Mode.ToWireName());
            json.WriteString("policyVersion", verdict.PolicyVersion);
            json.WriteString("sender", sender);
            VerdictJsonWriter.WriteMessage(json, verdict);
            VerdictJsonWriter.WriteRecipients(json, verdict.Decisions);
            json.WriteStartArray("exemptionsUsed");
            foreach (string exemption in verdict.ExemptionsUsed)
            {
                json.WriteStringValue(exemption);
            }

            json.WriteEndArray();
            explanation?.WriteJson(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The <c>classify --json</c> array.</summary>
    public static string Write(System.Collections.Generic.IEnumerable<TierClassification> classifications)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options(indented: true)))
        {
            json.WriteStartArray();
            foreach (TierClassification c in classifications)
            {
                json.WriteStartObject();
                json.WriteString("input", c.Input);
                if (c.Domain is null)
                {
                    json.WriteNull("domain");
                }
                else
                {
                    json.WriteString("domain", c.Domain);
                }

                json.WriteString("tier", c.Tier.ToWireName());
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Relaxed escaping keeps '<', '>' and '+' readable in message ids and addresses; output is never embedded in HTML.
    private static JsonWriterOptions Options(bool indented) => new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
