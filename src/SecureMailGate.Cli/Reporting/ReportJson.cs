using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using SecureMailGate.Cli.Mail;

namespace SecureMailGate.Cli.Reporting;

/// <summary>The report as one JSON object (<c>report --out x.json</c>, <c>replay --report x.json</c>, <c>replay --json</c>).</summary>
internal static class ReportJson
{
    /// <summary>The JSON text, indented.</summary>
    public static string Write(ReportSummary s)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("source", s.Source);
            json.WriteNumber("messages", s.Messages);
            json.WriteNumber("sensitive", s.Sensitive);
            json.WriteNumber("recipients", s.Recipients);
            json.WriteNumber("monitorMessages", s.MonitorMessages);
            Counts(json, "tiers", s.Tiers);
            Counts(json, "actions", s.Actions);
            Counts(json, "reasons", s.Reasons);
            Counts(json, "findingKinds", s.FindingKinds);
            Counts(json, "monitorWouldChange", s.WouldChange);
            json.WriteStartArray("sensitiveDomains");
            foreach (DomainCount d in s.SensitiveDomains)
            {
                json.WriteStartObject();
                json.WriteString("domain", d.Domain);
                json.WriteString("tier", d.Tier);
                json.WriteNumber("recipients", d.Recipients);
                json.WriteNumber("encrypted", d.Encrypted);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("daily");
            foreach (DailyCount d in s.Daily)
            {
                json.WriteStartObject();
                json.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteNumber("messages", d.Messages);
                json.WriteNumber("sensitive", d.Sensitive);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("input");
            json.WriteNumber("lines", s.Input.Lines);
            Counts(json, "otherEvents", s.Input.OtherEvents);
            json.WriteNumber("unreadableLines", s.Input.UnreadableLines);
            json.WriteNumber("outsideRange", s.Input.OutsideRange);
            Counts(json, "skippedFiles", s.Input.SkippedFiles);
            json.WriteNumber("bodyFromLines", s.Input.BodyFromLines);
            json.WriteEndObject();
            json.WriteStartArray("problems");
            foreach ((string label, string problem) in s.Input.Problems)
            {
                json.WriteStartObject();
                json.WriteString("file", label);
                json.WriteString("problem", problem);
                json.WriteString("description", MailProblem.Describe(problem));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (KeyValuePair<string, int> pair in counts)
        {
            json.WriteNumber(pair.Key, pair.Value);
        }

        json.WriteEndObject();
    }
}
