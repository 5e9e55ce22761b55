using System.IO;
using MimeKit;

namespace SecureMailGate.Exchange.Tests;

internal static class MessageText
{
    public static MimeMessage Parse(byte[] mime) => MimeMessage.Load(new MemoryStream(mime));

    /// <summary>The message text with the stamp header (and its folded continuation lines) taken out.</summary>
    public static string WithoutStamp(string text)
    {
        var lines = text.Split("\r\n");
        var kept = new System.Collections.Generic.List<string>();
        var inStamp = false;
        foreach (var line in lines)
        {
            if (line.StartsWith(ProcessingStamp.HeaderName + ":", System.StringComparison.OrdinalIgnoreCase))
            {
                inStamp = true;
                continue;
            }

            if (inStamp && (line.StartsWith(' ') || line.StartsWith('\t')))
            {
                continue;
            }

            inStamp = false;
            kept.Add(line);
        }

        return string.Join("\r\n", kept);
    }

    public static string? Stamp(byte[] mime) => Parse(mime).Headers[ProcessingStamp.HeaderName];
}
