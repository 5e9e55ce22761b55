using System;
using System.IO;
using MimeKit;
using SecureMailGate.Core.Notices;

namespace SecureMailGate.Exchange;

/// <summary>Turns a <see cref="SenderNotice"/> into the MIME message the sender receives.</summary>
internal static class WarnNoticeMessage
{
    /// <summary>
    /// Builds the notice to <paramref name="sender"/>, from the postmaster of the sender's own domain under the
    /// configured display name (<c>notices.senderName</c>).
    /// </summary>
    public static byte[] Build(SenderNotice notice, string sender, string senderName, DateTimeOffset date)
    {
        var to = MailboxAddress.Parse(sender);
        var domain = to.Domain;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(senderName, "postmaster@" + domain));
        message.To.Add(to);
        message.Subject = notice.Subject;
        message.Date = date;
        // RFC 3834: automatic, so out-of-office replies and rules do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add(ProcessingStamp.HeaderName, ProcessingStamp.ForNotice);
        message.Body = new TextPart("plain") { Text = notice.Body };
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(format, output);
        return output.ToArray();
    }
}
