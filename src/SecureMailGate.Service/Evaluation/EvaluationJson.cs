using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Service.Evaluation;

/// <summary>
/// The answer of <c>POST /api/v1/evaluate</c>: the <c>check --json</c> object (written with the same
/// <see cref="VerdictJsonWriter"/>) plus <c>prompt</c>, what the add-in does and the words it shows.
/// </summary>
public static class EvaluationJson
{
    /// <summary>Writes the answer as UTF-8 JSON.</summary>
    /// <param name="verdict">The engine's verdict.</param>
    /// <param name="prompt">What the add-in does and shows.</param>
    public static byte[] Write(Verdict verdict, SenderPrompt prompt)
    {
        if (verdict is null || prompt is null)
        {
            throw new ArgumentNullException(verdict is null ? nameof(verdict) : nameof(prompt));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("mode", verdict.Mode.ToWireName());
            VerdictJsonWriter.WriteMessage(json, verdict);
            VerdictJsonWriter.WriteRecipients(json, verdict.Decisions);
            json.WriteStartObject("prompt");
            json.WriteString("action", prompt.Action);
            WriteNullable(json, "message", prompt.Message);
            WriteNullable(json, "details", prompt.Details);
            WriteNullable(json, "subject", prompt.Subject);
            json.WriteString("token", prompt.Token);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
