using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Configuration;

/// <summary>Typed reads of <see cref="ConfigNode"/>s that fail with the file, the line and a plain-English problem.</summary>
internal sealed class Validator
{
    private readonly string _filePath;

    public Validator(string filePath) => _filePath = filePath;

    public PolicyConfigurationException Error(int line, string problem) => new(_filePath, line, problem);

    public void Expect(ConfigNode node, JsonTokenType kind, string what)
    {
        if (node.Kind != kind)
        {
            string wanted = new ConfigNode(kind, 0).Describe();
            throw Error(node.Line, $"{what} must be {wanted}, not {node.Describe()}.");
        }
    }

    public void CheckKeys(ConfigNode node, IReadOnlyCollection<string> allowed, string where)
    {
        foreach ((string key, int line, ConfigNode _) in node.Properties)
        {
            if (!allowed.Contains(key))
            {
                string? close = allowed.FirstOrDefault(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
                string hint = close is not null ? $" Did you mean '{close}'?" : $" Known keys here: {string.Join(", ", allowed)}.";
                throw Error(line, $"unknown key '{key}' at {where}.{hint}");
            }
        }
    }

    /// <summary>
    /// Reads an object section: checks it is an object with only <paramref name="keys"/>, then folds each
    /// property into <paramref name="seed"/> with <paramref name="apply"/>.
    /// </summary>
    public T Section<T>(ConfigNode node, string name, IReadOnlyCollection<string> keys, T seed, Func<T, string, ConfigNode, T> apply)
    {
        Expect(node, JsonTokenType.StartObject, name);
        CheckKeys(node, keys, name);
        T result = seed;
        foreach ((string key, int _, ConfigNode item) in node.Properties)
        {
            result = apply(result, key, item);
        }

        return result;
    }

    public string String(ConfigNode node, string key)
    {
        if (node.Kind != JsonTokenType.String)
        {
            throw Error(node.Line, $"{key} must be text in quotes, not {node.Describe()}.");
        }

        return node.Text ?? string.Empty;
    }

    public string NonEmptyString(ConfigNode node, string key)
    {
        string text = String(node, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(node.Line, $"{key} must not be empty.");
        }

        return text;
    }

    public bool Bool(ConfigNode node, string key) => node.Kind switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Error(node.Line, $"{key} must be true or false, not {node.Describe()}."),
    };

    public long Long(ConfigNode node, string key, long min, long max)
    {
        if (node.Kind != JsonTokenType.Number
            || !long.TryParse(node.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            throw Error(node.Line, $"{key} must be a whole number, not {node.Describe()}.");
        }

        if (value < min || value > max)
        {
            throw Error(node.Line, $"{key} must be between {min} and {max}; it is {value}.");
        }

        return value;
    }

    public int Int(ConfigNode node, string key, int min, int max) => (int)Long(node, key, min, max);

    public T Enum<T>(ConfigNode node, string key, IReadOnlyDictionary<string, T> values)
    {
        string text = String(node, key);
        if (!values.TryGetValue(text, out T? value))
        {
            throw Error(node.Line, $"{key} must be one of {string.Join(", ", values.Keys.Select(k => "\"" + k + "\""))}; it is \"{text}\".");
        }

        return value;
    }

    public Confidence Confidence(ConfigNode node, string key) => Enum(node, key, new Dictionary<string, Confidence>
    {
        ["low"] = Inspection.Confidence.Low,
        ["medium"] = Inspection.Confidence.Medium,
        ["high"] = Inspection.Confidence.High,
    });

    public IReadOnlyList<string> Strings(ConfigNode node, string key)
    {
        Expect(node, JsonTokenType.StartArray, key);
        return node.Items.Select(item => NonEmptyString(item, key + " entries")).ToArray();
    }

    public string Domain(ConfigNode node, string key, bool allowWildcard)
    {
        string text = NonEmptyString(node, key);
        string bare = allowWildcard && text.StartsWith("*.", StringComparison.Ordinal) ? text.Substring(2) : text;
        if (!DomainNormalizer.TryNormalize(bare, out string ascii))
        {
            throw Error(node.Line, $"{key}: '{text}' is not a valid domain name.");
        }

        return bare.Length == text.Length ? ascii : "*." + ascii;
    }

    public IReadOnlyList<string> Domains(ConfigNode node, string key, bool allowWildcard)
    {
        Expect(node, JsonTokenType.StartArray, key);
        return node.Items.Select(item => Domain(item, key, allowWildcard)).Distinct(StringComparer.Ordinal).ToArray();
    }
}
