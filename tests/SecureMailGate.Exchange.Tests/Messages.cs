using System.Collections.Generic;
using System.Linq;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>Test messages as Exchange would hold them (CRLF line ends).</summary>
internal static class Messages
{
    public const string Subject = "Discharge letter for Mr Smith";
    public const string Body = "Please find the discharge summary attached.";

    public static string Mime(string subject = Subject, string extraHeaders = "", string contentType = "text/plain; charset=utf-8") =>
        "From: Jane Doctor <jane.doctor@ourtrust.nhs.uk>\r\n" +
        "To: colleague@example.com\r\n" +
        $"Subject: {subject}\r\n" +
        "Message-ID: <m1@ourtrust.nhs.uk>\r\n" +
        "MIME-Version: 1.0\r\n" +
        extraHeaders +
        $"Content-Type: {contentType}\r\n" +
        "\r\n" +
        Body + "\r\n";

    public static FakeMailItem Item(params string[] recipients) => new(AgentHarness.Sender, recipients, Mime());

    public static FakeMailItem Item(IEnumerable<string> recipients, string mime, string? sender = AgentHarness.Sender) =>
        new(sender, recipients.ToArray(), mime);
}
