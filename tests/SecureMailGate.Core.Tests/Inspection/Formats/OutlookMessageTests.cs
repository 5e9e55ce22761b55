using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>Outlook .msg attachments: their properties, recipients, bodies and attachments are read.</summary>
[TestFixture]
public sealed class OutlookMessageTests
{
    private const string Msg = "forwarded.msg";

    [TestCase("0037001F", "subject")]
    [TestCase("1000001F", "plain-text body")]
    [TestCase("0E04001F", "display-to names")]
    [TestCase("0042001F", "sender's display name")]
    public void A_string_property_of_the_message_is_read(string tag, string what)
    {
        byte[] msg = LegacyFiles.Msg(LegacyFiles.Property("0037001F", "Referral"), LegacyFiles.Property(tag, "NHS number " + Planted.Number + " (" + what + ")"));

        Planted.AssertFound(Gate.Attach(Msg, msg), Planted.At("1.msg"));
    }

    [Test]
    public void A_recipient_display_name_is_read()
    {
        byte[] msg = LegacyFiles.Msg(LegacyFiles.Property("0037001F", "Results"), LegacyFiles.MsgRecipient(0, "Patient NHS " + Planted.Number, "ward@example.org"));

        Planted.AssertFound(Gate.Attach(Msg, msg), Planted.At("1.msg"));
    }

    [Test]
    public void A_compressed_rtf_body_is_read()
    {
        byte[] msg = LegacyFiles.Msg(
            LegacyFiles.Property("0037001F", "Letter"),
            CfbNode.Stream("__substg1.0_10090102", LegacyFiles.UncompressedRtf(@"{\rtf1\ansi Patient NHS number " + Planted.Number + @"\par}")));

        Planted.AssertFound(Gate.Attach(Msg, msg), Planted.At("1.msg"));
    }

    [Test]
    public void An_html_body_is_read()
    {
        byte[] msg = LegacyFiles.Msg(
            LegacyFiles.Property("0037001F", "Letter"),
            CfbNode.Stream("__substg1.0_10130102", Encoding.UTF8.GetBytes("<p>NHS number <b>943</b> 476 5919</p>")));

        Planted.AssertFound(Gate.Attach(Msg, msg), Planted.At("1.msg"));
    }

    [Test]
    public void A_file_attached_to_the_message_is_inspected_as_a_nested_attachment()
    {
        byte[] msg = LegacyFiles.Msg(
            LegacyFiles.Property("0037001F", "List"),
            LegacyFiles.MsgFile(0, "list.txt", Encoding.ASCII.GetBytes("NHS number " + Planted.Number)));

        Planted.AssertFound(Gate.Attach(Msg, msg), Planted.At("1.msg/1.txt"));
    }

    [Test]
    public void A_legacy_word_file_attached_to_the_message_is_read_too()
    {
        byte[] doc = LegacyFiles.Doc(("NHS number " + Planted.Number, false));
        byte[] msg = LegacyFiles.Msg(LegacyFiles.Property("0037001F", "Letter"), LegacyFiles.MsgFile(0, "letter.doc", doc));

        Planted.AssertFound(Gate.Attach(Msg, msg), Planted.At("1.msg/1.doc"));
    }

    [Test]
    public void A_message_attached_to_the_message_is_read()
    {
        byte[] msg = LegacyFiles.Msg(
            LegacyFiles.Property("0037001F", "Fwd"),
            LegacyFiles.MsgEmbedded(0, LegacyFiles.Property("0037001F", "Original"), LegacyFiles.Property("1000001F", "NHS number " + Planted.Number)));

        Planted.AssertFound(Gate.Attach(Msg, msg), Planted.At("1.msg"));
    }

    [Test]
    public void A_message_without_the_number_is_read_cleanly()
    {
        byte[] msg = LegacyFiles.Msg(
            LegacyFiles.Property("0037001F", "Rota"),
            LegacyFiles.Property("1000001F", "The rota for June is attached."),
            LegacyFiles.MsgRecipient(0, "Ward Manager", "ward@example.org"),
            LegacyFiles.MsgFile(0, "rota.txt", Encoding.ASCII.GetBytes("Mon: Sam\nTue: Alex\n")));

        Planted.AssertReadCleanly(Gate.Attach(Msg, msg));
    }
}
