using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SecureMailGate.Core.Configuration;

/// <summary>Reads JSON with comments and trailing commas into <see cref="ConfigNode"/>s that remember their lines.</summary>
internal static class ConfigDocumentReader
{
    private const int MaxDepth = 32;

    public static ConfigNode Read(byte[] json, string filePath)
    {
        int[] lineStarts = LineStarts(json);
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth };
        var reader = new Utf8JsonReader(json, options);
        try
        {
            if (!HasToken(json))
            {
                throw new PolicyConfigurationException(filePath, 1, "the file is empty; it must hold one JSON object, e.g. { \"mode\": \"enforce\" }.");
            }

            reader.Read();

            ConfigNode root = ReadValue(ref reader, lineStarts, filePath);
            if (reader.Read())
            {
                throw new PolicyConfigurationException(filePath, LineOf(lineStarts, reader.TokenStartIndex), "there is more after the closing '}'.");
            }

            return root;
        }
        catch (JsonException ex)
        {
            int? line = ex.LineNumber is { } l ? (int)l + 1 : null;
            throw new PolicyConfigurationException(filePath, line, "this is not valid JSON: " + FirstSentence(ex.Message), ex);
        }
    }

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, int[] lineStarts, string filePath)
    {
        var node = new ConfigNode(reader.TokenType, LineOf(lineStarts, reader.TokenStartIndex));
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string key = reader.GetString() ?? string.Empty;
                    int keyLine = LineOf(lineStarts, reader.TokenStartIndex);
                    if (!seen.Add(key))
                    {
                        throw new PolicyConfigurationException(filePath, keyLine, $"the key '{key}' appears twice in the same object.");
                    }

                    reader.Read();
                    node.Properties.Add((key, keyLine, ReadValue(ref reader, lineStarts, filePath)));
                }

                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, lineStarts, filePath));
                }

                break;
            case JsonTokenType.String:
                node.Text = reader.GetString();
                break;
            case JsonTokenType.Number:
                node.Text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                break;
        }

        return node;
    }

    /// <summary>Whether anything but white space and comments is in the file.</summary>
    private static bool HasToken(byte[] json)
    {
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            if (b == (byte)'/' && i + 1 < json.Length && json[i + 1] == (byte)'/')
            {
                while (i < json.Length && json[i] != (byte)'\n')
                {
                    i++;
                }

                continue;
            }

            if (b == (byte)'/' && i + 1 < json.Length && json[i + 1] == (byte)'*')
            {
                int close = IndexOf(json, i + 2);
                if (close < 0)
                {
                    return true; // an unclosed comment: let the JSON reader report it with its line
                }

                i = close + 1;
                continue;
            }

            return true;
        }

        return false;
    }

    private static int IndexOf(byte[] json, int from)
    {
        for (int i = from; i + 1 < json.Length; i++)
        {
            if (json[i] == (byte)'*' && json[i + 1] == (byte)'/')
            {
                return i;
            }
        }

        return -1;
    }

    private static int[] LineStarts(byte[] json)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    private static int LineOf(int[] lineStarts, long offset)
    {
        int index = Array.BinarySearch(lineStarts, (int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}
