using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace SecureMailGate.Cli.Reporting;

/// <summary>
/// Reads one line of the agent's audit trail (POLICY §5). A decision line is a JSON object with <c>time</c> and a
/// <c>recipients</c> array and no <c>event</c> field; a line with an <c>event</c> field (e.g. a configuration
/// reload) is another event; unknown fields are ignored, so newer agents' lines still count.
/// </summary>
internal static class AuditLine
{
    /// <summary>The kinds of line.</summary>
    public enum Kind
    {
        /// <summary>A message decision.</summary>
        Decision,

        /// <summary>Another event (its name is returned).</summary>
        OtherEvent,

        /// <summary>Blank: not counted.</summary>
        Blank,

        /// <summary>Not a JSON object, or a decision with fields of the wrong type.</summary>
        Unreadable,
    }

    /// <summary>Reads a line.</summary>
    /// <param name="line">The text of the line.</param>
    /// <param name="record">The decision, for <see cref="Kind.Decision"/>.</param>
    /// <param name="eventName">The event's name, for <see cref="Kind.OtherEvent"/>.</param>
    public static Kind Read(string line, out DecisionRecord? record, out string? eventName)
    {
        record = null;
        eventName = null;
        if (string.IsNullOrWhiteSpace(line))
        {
            return Kind.Blank;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Kind.Unreadable;
            }

            if (root.TryGetProperty("event", out JsonElement ev) && !(ev.ValueKind == JsonValueKind.String && ev.GetString() == "decision"))
            {
                eventName = ev.ValueKind == JsonValueKind.String ? ev.GetString() : "unnamed";
                return Kind.OtherEvent;
            }

            if (!root.TryGetProperty("recipients", out JsonElement recipients) || recipients.ValueKind != JsonValueKind.Array)
            {
                eventName = "unnamed";
                return Kind.OtherEvent;
            }

            record = new DecisionRecord(
                Time(root),
                String(root, "mode") ?? "unknown",
                Bool(root, "enforced") ?? String(root, "mode") == "enforce",
                Bool(root, "sensitive") ?? false,
                Findings(root),
                recipients.EnumerateArray().Select(Recipient).ToArray());
            return Kind.Decision;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            record = null;
            return Kind.Unreadable;
        }
    }

    private static DateTimeOffset? Time(JsonElement root) =>
        String(root, "time") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset t)
            ? t
            : null;

    private static string[] Findings(JsonElement root) =>
        root.TryGetProperty("findings", out JsonElement findings) && findings.ValueKind == JsonValueKind.Array
            ? findings.EnumerateArray().Select(f => f.GetProperty("kind").GetString() ?? "unknown").ToArray()
            : Array.Empty<string>();

    private static RecipientRecord Recipient(JsonElement r)
    {
        string? address = String(r, "address");
        string? domain = String(r, "domain") ?? DomainOf(address);
        IReadOnlyList<string> reasons = r.TryGetProperty("reasons", out JsonElement rs) && rs.ValueKind == JsonValueKind.Array
            ? rs.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray()
            : Array.Empty<string>();
        return new RecipientRecord(domain, String(r, "tier") ?? "unknown", String(r, "action") ?? "unknown", reasons);
    }

    /// <summary>The lower-case domain of an address (after the last '@'), or null.</summary>
    public static string? DomainOf(string? address)
    {
        if (address is null)
        {
            return null;
        }

        int at = address.LastIndexOf('@');
        string domain = address.Substring(at + 1).Trim().TrimEnd('.', '>').ToLowerInvariant();
        return at < 0 || domain.Length == 0 ? null : domain;
    }

    private static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement o, string name) =>
        o.TryGetProperty(name, out JsonElement v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
