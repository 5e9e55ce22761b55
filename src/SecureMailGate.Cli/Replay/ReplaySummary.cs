using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SecureMailGate.Cli.Output;
using SecureMailGate.Core;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;
using Spectre.Console;

namespace SecureMailGate.Cli.Replay;

/// <summary>Counts over a replay: messages, sensitive ones, problems, and recipient decisions by tier, action and reason.</summary>
internal sealed class ReplaySummary
{
    private readonly SortedDictionary<string, int> _tiers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _actions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public int Messages { get; private set; }

    public int Sensitive { get; private set; }

    public List<string> Problems { get; } = new();

    public void Add(Verdict verdict)
    {
        Messages++;
        if (verdict.Sensitive)
        {
            Sensitive++;
        }

        foreach (RecipientDecision d in verdict.Decisions)
        {
            Count(_tiers, d.Tier.ToWireName());
            Count(_actions, d.Action.ToWireName());
            foreach (string reason in d.Reasons)
            {
                Count(_reasons, reason);
            }
        }
    }

    public void AddProblem(string label, string problem) => Problems.Add($"{label}: {problem}");

    public void Write(IAnsiConsole console)
    {
        console.MarkupLine($"Replayed {Messages} message(s): {Sensitive} sensitive, {Problems.Count} problem(s).");
        console.Write(Table("Recipients by tier", "Tier", _tiers));
        console.Write(Table("Recipients by action", "Action", _actions));
        console.Write(Table("Reasons", "Reason", _reasons));
        foreach (string problem in Problems)
        {
            console.MarkupLine("[yellow]Problem:[/] " + Markup.Escape(problem));
        }
    }

    public void WriteReport(string path)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("messages", Messages);
            json.WriteNumber("sensitive", Sensitive);
            WriteCounts(json, "tiers", _tiers);
            WriteCounts(json, "actions", _actions);
            WriteCounts(json, "reasons", _reasons);
            json.WriteStartArray("problems");
            Problems.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        try
        {
            File.WriteAllText(path, Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot write the report ({ex.Message}).", ex);
        }
    }

    private static void Count(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;

    private static Table Table(string title, string column, SortedDictionary<string, int> counts)
    {
        var table = new Table().Title(title).AddColumns(column, "Recipients");
        foreach (KeyValuePair<string, int> pair in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(pair.Key, pair.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, SortedDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (KeyValuePair<string, int> pair in counts)
        {
            json.WriteNumber(pair.Key, pair.Value);
        }

        json.WriteEndObject();
    }
}
