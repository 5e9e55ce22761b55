using System;
using System.Text;

namespace SecureMailGate.Service.Tests.Support;

/// <summary>Requests shaped like the add-in's, for the situations the tests need.</summary>
public static class Messages
{
    /// <summary>A valid NHS number (passes modulus 11); never to appear in any answer text or log line.</summary>
    public const string NhsNumber = "943 476 5919";

    /// <summary>The sender, inside the trust.</summary>
    public const string Sender = "priya.shah@ourtrust.nhs.uk";

    /// <summary>A clinic letter with an NHS number in the body.</summary>
    /// <param name="to">The recipients.</param>
    public static object ClinicLetter(params string[] to) => Compose(to, "Clinic letter", $"<p>Discharge summary for patient NHS number {NhsNumber}.</p>");

    /// <summary>A message with nothing sensitive.</summary>
    /// <param name="to">The recipients.</param>
    public static object Lunch(params string[] to) => Compose(to, "Lunch on Friday?", "<p>Shall we meet at one?</p>");

    /// <summary>A message whose only NHS number is in a text attachment named after the patient.</summary>
    /// <param name="to">The recipients.</param>
    public static object WithAttachment(params string[] to) => new
    {
        sender = Sender,
        to,
        subject = "Referral",
        body = new { type = "html", content = "<p>Please see attached.</p>" },
        attachments = new[]
        {
            new
            {
                name = "jane-doe-referral.txt",
                contentType = "text/plain",
                format = "base64",
                content = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Referral for patient, NHS number {NhsNumber}, clinic on Monday.")),
                isInline = false,
            },
        },
    };

    /// <summary>A message of the add-in's shape.</summary>
    /// <param name="to">The recipients.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="html">The HTML body.</param>
    public static object Compose(string[] to, string subject, string html) => new
    {
        sender = Sender,
        to,
        cc = Array.Empty<string>(),
        bcc = Array.Empty<string>(),
        subject,
        body = new { type = "html", content = html },
        attachments = Array.Empty<object>(),
    };
}
