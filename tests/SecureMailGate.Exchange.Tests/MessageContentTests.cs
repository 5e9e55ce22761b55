using System.Text;
using NUnit.Framework;

namespace SecureMailGate.Exchange.Tests;

[TestFixture]
public sealed class MessageContentTests
{
    [Test]
    public void Unix_line_ends_stay_unix_and_the_body_is_kept_byte_for_byte()
    {
        var mime = Encoding.UTF8.GetBytes("Subject: Results\nMessage-ID: <a@b>\n\nline one\n\nline two\n");

        var rewritten = Encoding.UTF8.GetString(MessageContent.Rewrite(mime, "v=1", "[secure]"));

        Assert.That(rewritten, Is.EqualTo("Subject: [secure] Results\nMessage-ID: <a@b>\n" + ProcessingStamp.HeaderName + ": v=1\n\nline one\n\nline two\n"));
    }

    [Test]
    public void A_missing_subject_becomes_the_token_alone()
    {
        var mime = Encoding.UTF8.GetBytes("Message-ID: <a@b>\r\n\r\nbody\r\n");

        var message = MessageText.Parse(MessageContent.Rewrite(mime, "v=1", "[secure]"));

        Assert.That(message.Subject, Is.EqualTo("[secure]"));
    }

    [Test]
    public void A_non_ascii_subject_keeps_its_text_behind_the_token()
    {
        var mime = Encoding.UTF8.GetBytes("Subject: =?utf-8?Q?Caf=C3=A9_clinic_list?=\r\n\r\nbody\r\n");

        var message = MessageText.Parse(MessageContent.Rewrite(mime, "v=1", "[secure]"));

        Assert.That(message.Subject, Is.EqualTo("[secure] Café clinic list"));
    }

    [Test]
    public void Stamping_twice_leaves_one_stamp()
    {
        var mime = Encoding.UTF8.GetBytes("Subject: x\r\n\r\nbody\r\n");

        var twice = MessageContent.Rewrite(MessageContent.Rewrite(mime, "v=1; first", null), "v=1; second", null);

        Assert.That(MessageText.Parse(twice).Headers.IndexOf(ProcessingStamp.HeaderName), Is.EqualTo(MessageText.Parse(twice).Headers.LastIndexOf(ProcessingStamp.HeaderName)));
        Assert.That(MessageText.Stamp(twice), Is.EqualTo("v=1; second"));
    }
}
