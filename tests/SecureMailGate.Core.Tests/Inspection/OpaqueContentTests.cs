using System;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using NUnit.Framework;
using Org.BouncyCastle.Cms;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Inspection;

/// <summary>
/// Content the parser keeps opaque is a finding, never silence: opaque-signed S/MIME is unwrapped and read,
/// encrypted S/MIME and MIME nested deeper than the parser reads count as not inspected.
/// </summary>
[TestFixture]
public sealed class OpaqueContentTests
{
    private const string Gmail = "relative@gmail.com";

    [Test]
    public void Opaque_signed_SMIME_is_unwrapped_and_its_NHS_number_found()
    {
        var inner = Encoding.ASCII.GetBytes("Content-Type: text/plain\r\n\r\nNHS number 943 476 5919, discharged today.\r\n");
        var signed = new CmsSignedDataGenerator().Generate(new CmsProcessableByteArray(inner), encapsulate: true).GetEncoded();

        var verdict = Evaluate.Mime(Message("application/pkcs7-mime; smime-type=signed-data; name=smime.p7m", signed), new[] { Gmail });

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Kinds(), Does.Contain(FindingKinds.NhsNumber));
            Assert.That(verdict.For(Gmail).Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    [TestCase("enveloped-data")]
    [TestCase("compressed-data")]
    public void SMIME_that_cannot_be_read_here_counts_as_unreadable(string type)
    {
        var verdict = Evaluate.Mime(Message($"application/pkcs7-mime; smime-type={type}; name=smime.p7m", new byte[] { 0x30, 0x80, 1, 2, 3 }), new[] { Gmail });

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Single(f => f.Kind == FindingKinds.UnreadableAttachment).Location, Is.EqualTo("attachment:1.p7m"));
            Assert.That(verdict.For(Gmail).Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    [Test]
    public void Damaged_signed_data_counts_as_unreadable()
    {
        var verdict = Evaluate.Mime(Message("application/pkcs7-mime; smime-type=signed-data; name=smime.p7m", Encoding.ASCII.GetBytes("not a signature")), new[] { Gmail });

        Assert.That(verdict.Kinds(), Does.Contain(FindingKinds.UnreadableAttachment));
    }

    [Test]
    public void MIME_nested_deeper_than_the_parser_reads_is_an_inspection_limit()
    {
        int depth = MessageInspector.ParserOptions.MaxMimeDepth + 10;
        var body = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            body.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        }

        body.Append("Content-Type: text/plain\r\n\r\nNHS number 943 476 5919\r\n");
        for (int i = depth - 1; i >= 0; i--)
        {
            body.Append($"--b{i}--\r\n");
        }

        string mime = "From: clinician@ourtrust.nhs.uk\r\nTo: " + Gmail + "\r\nSubject: list\r\nMIME-Version: 1.0\r\n" + body;

        var verdict = Evaluate.Mime(mime, new[] { Gmail });

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Kinds(), Does.Contain(FindingKinds.InspectionLimit));
            Assert.That(verdict.For(Gmail).Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    private static string Message(string contentType, byte[] content) =>
        "From: clinician@ourtrust.nhs.uk\r\nTo: " + Gmail + "\r\nSubject: results\r\nMIME-Version: 1.0\r\n" +
        $"Content-Type: {contentType}\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=smime.p7m\r\n\r\n" +
        Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks) + "\r\n";
}
