using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureMailGate.Core.Audit;

/// <summary>
/// The audit event line written when the gateway loads its configuration (POLICY §5): at start, after a change,
/// and when a changed file is rejected. It is told apart from decision lines by its <c>event</c> field
/// (<c>"configuration"</c>), which decision lines never have, so a reader can count or skip it:
/// <c>{"time":…,"event":"configuration","outcome":"applied|rejected|built-in|missing","cause":…,"file":…,
/// "policy":"sha256:…","inForce":"sha256:…","problem":…}</c>. <c>policy</c> is the hash of the file that was read
/// (null when none could be read), <c>inForce</c> the policy deciding messages afterwards (null when none).
/// Pure: hosts write the line through NLog.
/// </summary>
public static class ConfigurationAuditRecord
{
    /// <summary>The value of the <c>event</c> field.</summary>
    public const string EventName = "configuration";

    /// <summary>Builds the JSON line (no trailing newline).</summary>
    /// <param name="timestamp">When the configuration was read.</param>
    /// <param name="outcome">A <see cref="ConfigurationOutcome"/> value.</param>
    /// <param name="cause">Why it was read, in a few words (e.g. "configuration file changed").</param>
    /// <param name="file">The configuration file.</param>
    /// <param name="policy">Hash of the file read, as in decision lines; null when it could not be read.</param>
    /// <param name="inForce">The policy in force afterwards; null when none.</param>
    /// <param name="problem">Why it was rejected (file, line and problem); null when applied.</param>
    public static string ToJsonLine(DateTimeOffset timestamp, string outcome, string cause, string file, string? policy, string? inForce, string? problem)
    {
        if (outcome is null || cause is null || file is null)
        {
            throw new ArgumentNullException(outcome is null ? nameof(outcome) : cause is null ? nameof(cause) : nameof(file));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", AuditRecord.FormatTime(timestamp));
            json.WriteString("event", EventName);
            json.WriteString("outcome", outcome);
            json.WriteString("cause", cause);
            json.WriteString("file", file);
            json.WriteString("policy", policy);
            json.WriteString("inForce", inForce);
            json.WriteString("problem", problem);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
