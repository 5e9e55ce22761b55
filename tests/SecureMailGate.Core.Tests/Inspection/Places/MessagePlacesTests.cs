using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;
using SecureMailGate.Core.Tests.Inspection.Formats;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Inspection.Places;

/// <summary>
/// Places in the message itself: display names, free-text headers, part descriptions, the MIME preamble and
/// epilogue, and attachment file names. Each finding is located at the place, never quoting what was there.
/// </summary>
[TestFixture]
public sealed class MessagePlacesTests
{
    private const string Planted = "NHS number 943 476 5919";

    [TestCase("To", "To: \"" + Planted + "\" <someone@gmail.com>\n", "header:To")]
    [TestCase("From", "From: \"" + Planted + "\" <clinician@ourtrust.nhs.uk>\n", "header:From")]
    [TestCase("Cc", "Cc: \"" + Planted + "\" <other@example.org>\n", "header:Cc")]
    [TestCase("Thread-Topic", "Thread-Topic: Referral, " + Planted + "\n", "header:Thread-Topic")]
    [TestCase("Keywords", "Keywords: referral, " + Planted + "\n", "header:Keywords")]
    [TestCase("encoded To", "To: =?utf-8?q?NHS_number_943_476_5919?= <someone@gmail.com>\n", "header:To")]
    [TestCase("comment as name", "To: someone@gmail.com (NHS number 943 476 5919)\n", "header:To")]
    [TestCase("group", "Bcc: Patient 943 476 5919: a@example.org;\n", "header:Bcc")]
    [TestCase("second To header", "To: a@example.org\nTo: \"" + Planted + "\" <someone@gmail.com>\n", "header:To")]
    public void An_identifier_in_a_header_is_found_at_that_header(string header, string line, string location)
    {
        string mime = Message(line, "Content-Type: text/plain\n\nPlease call me.\n");

        Verdict verdict = Evaluate.Mime(mime, new[] { Gate.Gmail });

        Formats.Planted.AssertFound(verdict, location);
        AssertNotQuoted(verdict);
    }

    [TestCase("a@b.org", true)]
    [TestCase("a@b.org, c.d+e@f.nhs.uk,\r\n g@h.net", true)]
    [TestCase("", true)]
    [TestCase("Jane <a@b.org>", false)]
    [TestCase("a@b.org (Jane)", false)]
    [TestCase("\"Jane\" a@b.org", false)]
    [TestCase("Jane a@b.org", false)]
    [TestCase("a@b.org Jane", false)]
    [TestCase("Jane", false)]
    [TestCase("list: a@b.org;", false)]
    [TestCase("=?utf-8?q?Jane?= a@b.org", false)]
    [TestCase("j\u00E9@b.org", false)]
    public void Only_lists_of_bare_addresses_skip_the_address_parser(string value, bool bare) =>
        Assert.That(HeaderPlaces.IsBareAddressList(value), Is.EqualTo(bare));

    [Test]
    public void Headers_without_an_identifier_give_no_finding()
    {
        string mime = Message("To: \"Jane Carer\" <someone@gmail.com>\nThread-Topic: Rota\nKeywords: rota, June\n", "Content-Type: text/plain\n\nPlease call me.\n");

        Formats.Planted.AssertReadCleanly(Evaluate.Mime(mime, new[] { Gate.Gmail }));
    }

    [TestCase("preamble")]
    [TestCase("epilogue")]
    public void The_mime_preamble_and_epilogue_are_read_as_body(string where)
    {
        string preamble = where == "preamble" ? Planted + "\n" : "This is a multi-part message in MIME format.\n";
        string epilogue = where == "epilogue" ? Planted + "\n" : string.Empty;
        string mime = Message(string.Empty, "Content-Type: multipart/mixed; boundary=\"b1\"\n\n" + preamble + "--b1\nContent-Type: text/plain\n\nPlease call me.\n--b1--\n" + epilogue);

        Formats.Planted.AssertFound(Evaluate.Mime(mime, new[] { Gate.Gmail }), "body");
    }

    [Test]
    public void A_content_description_is_read_where_its_part_is()
    {
        string mime = Message(string.Empty, "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nPlease see attached.\n--b1\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"scan.bin\"\nContent-Description: " + Planted + "\nContent-Transfer-Encoding: base64\n\nAAECAwQFBgcICQ==\n--b1--\n");

        Formats.Planted.AssertFound(Evaluate.Mime(mime, new[] { Gate.Gmail }), "attachment:1.bin");
    }

    [Test]
    public void An_attachment_file_name_is_found_at_the_attachment_and_never_quoted()
    {
        Verdict verdict = Gate.Attach("Evans Margaret " + Planted + ".txt", Encoding.ASCII.GetBytes("Results attached."));

        Formats.Planted.AssertFound(verdict, "attachment:1.txt");
        AssertNotQuoted(verdict);
    }

    [Test]
    public void A_file_name_inside_an_archive_is_found_at_that_entry()
    {
        byte[] zip = AttachmentFixtures.Zip(("minutes.txt", Encoding.ASCII.GetBytes("Minutes")), ("Referral " + Planted + ".txt", Encoding.ASCII.GetBytes("Letter")));

        Verdict verdict = Gate.Attach("letters.zip", zip);

        Formats.Planted.AssertFound(verdict, "attachment:1.zip/2.txt");
        AssertNotQuoted(verdict);
    }

    [Test]
    public void Display_names_in_an_attached_message_are_found_at_that_message()
    {
        string inner = "From: a@example.org\nTo: \"" + Planted + "\" <b@example.org>\nSubject: Fwd\n\nSee below.\n";
        string mime = Message(string.Empty, "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nForwarded.\n--b1\nContent-Type: message/rfc822\n\n" + inner + "--b1--\n");

        Formats.Planted.AssertFound(Evaluate.Mime(mime, new[] { Gate.Gmail }), "attachment:1.eml");
    }

    private static void AssertNotQuoted(Verdict verdict) =>
        Assert.That(verdict.Findings.Select(f => f.Location + " " + f.Reason), Has.None.Contains("943").And.None.Contains("Evans").And.None.Contains("Referral"));

    private static string Message(string extraHeaders, string body)
    {
        string headers = "Subject: Update\nMessage-ID: <p1@ourtrust.nhs.uk>\nMIME-Version: 1.0\n";
        if (!extraHeaders.StartsWith("From:", System.StringComparison.Ordinal))
        {
            headers = "From: clinician@ourtrust.nhs.uk\n" + headers;
        }

        if (!extraHeaders.StartsWith("To:", System.StringComparison.Ordinal))
        {
            headers += "To: someone@gmail.com\n";
        }

        return headers + extraHeaders + body;
    }
}
