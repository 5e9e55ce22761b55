using MimeKit;

namespace SecureMailGate.Exchange;

/// <summary>Recognises messages the agent leaves alone because no person chose to send them.</summary>
internal static class SystemMessages
{
    /// <summary>Why the message is a system message, or null when it is an ordinary message.</summary>
    public static string? Classify(string? sender, HeaderList headers)
    {
        if (sender is null)
        {
            return "null sender (a delivery report or other system message)";
        }

        if (ContentType.TryParse(headers[HeaderId.ContentType] ?? string.Empty, out var type) && type.IsMimeType("multipart", "report"))
        {
            return "delivery or read report (multipart/report)";
        }

        // Journal reports go to the compliance archive the administrator configured; blocking them breaks journaling.
        if (headers.Contains("X-MS-Journal-Report"))
        {
            return "journal report";
        }

        return null;
    }
}
