using System.IO;
using System.Text;
using MimeKit;

namespace SecureMailGate.Isolation.Tests;

/// <summary>Small messages for the pool tests, written as MIME.</summary>
internal static class TestMessages
{
    /// <summary>A valid NHS number (modulus 11).</summary>
    public const string NhsNumber = "943 476 5919";

    public static MimeMessage Build(string body, bool withAttachment = false, string? fault = null, string id = "test@ourtrust.nhs.uk")
    {
        var message = new MimeMessage { MessageId = id, Subject = "Referral" };
        message.From.Add(MailboxAddress.Parse("clinician@ourtrust.nhs.uk"));
        message.To.Add(MailboxAddress.Parse("relative@gmail.com"));
        if (fault is not null)
        {
            message.Headers.Add(WorkerServer.TestFaultHeader, fault);
        }

        var builder = new BodyBuilder { TextBody = withAttachment ? "See attached." : body };
        if (withAttachment)
        {
            builder.Attachments.Add("notes.txt", Encoding.UTF8.GetBytes(body), new ContentType("text", "plain"));
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    public static MemoryStream Mime(MimeMessage message)
    {
        var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Mime(string body, bool withAttachment = false, string? fault = null, string id = "test@ourtrust.nhs.uk") =>
        Mime(Build(body, withAttachment, fault, id));
}
