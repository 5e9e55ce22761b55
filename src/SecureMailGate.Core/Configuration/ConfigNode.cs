using System.Collections.Generic;
using System.Text.Json;

namespace SecureMailGate.Core.Configuration;

/// <summary>A JSON value with the line it starts on, so validation errors can name the line.</summary>
internal sealed class ConfigNode
{
    public ConfigNode(JsonTokenType kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    /// <summary>StartObject, StartArray, String, Number, True, False or Null.</summary>
    public JsonTokenType Kind { get; }

    public int Line { get; }

    public string? Text { get; set; }

    public List<(string Key, int Line, ConfigNode Value)> Properties { get; } = new();

    public List<ConfigNode> Items { get; } = new();

    public string Describe() => Kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        _ => "null",
    };
}
