using System;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using MimeKit.Tnef;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Engine;

/// <summary>Where content lives (POLICY §2): every part and encoding of a real message reaches the detectors.</summary>
[TestFixture]
public sealed class MessageInspectionTests
{
    private static readonly string[] Gmail = { "someone@gmail.com" };

    [Test]
    public void Html_number_split_by_inline_tags_and_nbsp_is_found()
    {
        string mime = "From: a@ourtrust.nhs.uk\nSubject: letter\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n" +
            "<html><body><p>Patient</p><p><b>943</b>&nbsp;<span style='x'>476</span>&nbsp;59<i>19</i></p></body></html>\n";
        Verdict verdict = Evaluate.Mime(mime, Gmail);
        Assert.That(verdict.Find("nhs-number")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void Html_entities_are_decoded_and_scripts_ignored()
    {
        string mime = "From: a@ourtrust.nhs.uk\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/html\n\n" +
            "<script>var nhs = '9434765919';</script><style>.p{}</style><p>&#57;434765919 &amp; more</p>\n";
        Verdict verdict = Evaluate.Mime(mime, Gmail);
        Assert.That(verdict.Find("nhs-number")?.Confidence, Is.EqualTo(Confidence.Low), "the &#57; entity is the digit 9; the script's copy is ignored");
    }

    [Test]
    public void Separate_table_cells_do_not_run_together_into_a_number()
    {
        string mime = "From: a@ourtrust.nhs.uk\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/html\n\n" +
            "<table><tr><td>94347</td><td>65919</td></tr></table>\n";
        Assert.That(Evaluate.Mime(mime, Gmail).Findings, Is.Empty);
    }

    [Test]
    public void Quoted_printable_soft_line_breaks_are_joined()
    {
        string mime = "From: a@ourtrust.nhs.uk\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n" +
            "NHS number 943 47=\n6 5919 is in this body=3D\n";
        Assert.That(Evaluate.Mime(mime, Gmail).Find("nhs-number")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [TestCase("format=flowed", "NHS number 943 476 \n5919 follows")]
    [TestCase("format=flowed; delsp=yes", "NHS number 943 476  \n5919 follows")]
    public void Flowed_soft_line_breaks_are_joined(string parameters, string body)
    {
        string mime = "From: a@ourtrust.nhs.uk\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8; " + parameters + "\n\n" + body + "\n";
        Assert.That(Evaluate.Mime(mime, Gmail).Find("nhs-number")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void Hard_line_breaks_in_flowed_text_still_separate_lines()
    {
        // One line break inside a grouped number is joined whatever its kind (issue 9), so each group is on its own
        // line here: a reader that took these hard breaks for soft ones would make "943 476 5919" of them.
        string mime = "From: a@ourtrust.nhs.uk\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain; format=flowed\n\nref 943\n476\n5919\n";
        Assert.That(Evaluate.Mime(mime, Gmail).Findings, Is.Empty);
    }

    [Test]
    public void Base64_bodies_are_decoded()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("Discharge summary for 943 476 5919"), Base64FormattingOptions.InsertLineBreaks);
        string mime = "From: a@ourtrust.nhs.uk\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + encoded + "\n";
        Assert.That(Evaluate.Mime(mime, Gmail).Find("nhs-number")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void Encoded_word_subject_is_decoded_and_an_NHS_number_there_blocks()
    {
        string subject = "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Re: 943 476 5919")) + "?=";
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage(subject, "see attached"), Gmail);
        Assert.That(verdict.Find("nhs-number", "subject"), Is.Not.Null);
        Assert.That(verdict.For("someone@gmail.com").Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(verdict.For("someone@gmail.com").Reasons[0], Is.EqualTo(ReasonCodes.NhsNumberInSubject));
    }

    [Test]
    public void Attached_message_is_inspected_recursively_with_its_own_location()
    {
        string inner = "From: gp@nhs.net\nSubject: Referral\nMIME-Version: 1.0\nContent-Type: text/plain\n\nPatient NHS no 6426212997\n";
        string mime = "From: a@ourtrust.nhs.uk\nSubject: fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee below\n" +
            "--b\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename=referral.eml\n\n" + inner + "\n--b--\n";
        Verdict verdict = Evaluate.Mime(mime, Gmail);
        Assert.That(verdict.Find("nhs-number", "attachment:1.eml")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Find("nhs-number", "body"), Is.Null);
    }

    [Test]
    public void Text_attachment_is_located_by_its_file_name()
    {
        string mime = "From: a@ourtrust.nhs.uk\nSubject: list\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n" +
            "--b\nContent-Type: text/plain; name=list.txt\nContent-Disposition: attachment; filename=list.txt\n\npatient 943 476 5919\n--b--\n";
        Assert.That(Evaluate.Mime(mime, Gmail).Find("nhs-number", "attachment:1.txt")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void Tnef_body_is_inspected()
    {
        byte[] tnef = TnefBuilder.WithBody("Clinic letter: NHS number 943 476 5919");
        string mime = "From: a@ourtrust.nhs.uk\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n(see winmail.dat)\n" +
            "--b\nContent-Type: application/ms-tnef; name=winmail.dat\nContent-Transfer-Encoding: base64\n\n" +
            Convert.ToBase64String(tnef, Base64FormattingOptions.InsertLineBreaks) + "\n--b--\n";
        Verdict verdict = Evaluate.Mime(mime, Gmail);
        Assert.That(verdict.Find("nhs-number")?.Confidence, Is.EqualTo(Confidence.High), string.Join(", ", verdict.Findings));
    }

    [TestCase("OFFICIAL-SENSITIVE: referral", true)]
    [TestCase("official sensitive referral", true)]
    [TestCase("Confidential - results", true)]
    [TestCase("CONFIDENTIALITY policy", false)]
    [TestCase("unconfidential", false)]
    [TestCase("Ward rota", false)]
    public void Protective_marking_in_the_subject(string subject, bool marked)
    {
        Verdict verdict = Evaluate.Text(subject, "nothing here");
        Assert.That(verdict.Find("marking", "subject") is not null, Is.EqualTo(marked));
        Assert.That(verdict.Sensitive, Is.EqualTo(marked));
    }

    [TestCase("Private", true)]
    [TestCase("Company-Confidential", true)]
    [TestCase("Personal", false)]
    public void Sensitivity_header_is_a_marking(string value, bool marked)
    {
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("hello", "nothing", "Sensitivity: " + value + "\n"), Gmail);
        Assert.That(verdict.Kinds().Contains("marking"), Is.EqualTo(marked));
    }

    [Test]
    public void The_senders_own_encryption_token_is_found_case_insensitively()
    {
        Verdict verdict = Evaluate.Text("[SECURE] results", "nothing");
        Assert.That(verdict.Find("encryption-requested", "subject"), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.For("someone@gmail.com").Reasons, Does.Contain(ReasonCodes.SenderRequestedEncryption));
    }

    [Test]
    public void Admin_pattern_with_keyword_proximity()
    {
        PolicyOptions options = Evaluate.Policy with
        {
            Detection = new DetectionOptions(Patterns: new[] { new DetectionPattern("hospital-number", @"\bRX[0-9]{7}\b", new[] { "hospital number" }, 50, Confidence.High) }),
        };
        Verdict near = Evaluate.Mime(Evaluate.PlainMessage("x", "Hospital number RX1234567"), Gmail, options);
        Verdict far = Evaluate.Mime(Evaluate.PlainMessage("x", "Hospital number" + new string(' ', 80) + "RX1234567"), Gmail, options);
        Assert.Multiple(() =>
        {
            Assert.That(near.Find("hospital-number")?.Confidence, Is.EqualTo(Confidence.High));
            Assert.That(near.Sensitive, Is.True);
            Assert.That(far.Find("hospital-number")?.Confidence, Is.EqualTo(Confidence.Low));
            Assert.That(far.Sensitive, Is.False);
        });
    }

    [Test]
    public void Low_confidence_numbers_alone_do_not_make_a_message_sensitive()
    {
        Verdict verdict = Evaluate.Text("order", "Order reference 9434765919 shipped.");
        Assert.That(verdict.Find("nhs-number")?.Confidence, Is.EqualTo(Confidence.Low));
        Assert.That(verdict.Sensitive, Is.False);
        Assert.That(verdict.For("someone@gmail.com").Action, Is.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void Threshold_low_makes_them_sensitive()
    {
        PolicyOptions options = Evaluate.Policy with { Detection = new DetectionOptions(Threshold: Confidence.Low) };
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("order", "Order reference 9434765919"), Gmail, options);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void Findings_never_carry_the_number_itself()
    {
        Verdict verdict = Evaluate.Text("x", "NHS number 943 476 5919");
        Assert.That(verdict.ToString(), Does.Not.Contain("5919"));
    }

    [Test]
    public void Too_deeply_nested_messages_hit_the_depth_limit_and_count_as_sensitive()
    {
        string mime = "From: a@b.c\nSubject: innermost\nContent-Type: text/plain\n\nhello\n";
        for (int i = 0; i < 8; i++)
        {
            mime = "From: a@b.c\nSubject: level " + i + "\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n" + mime;
        }

        Verdict verdict = Evaluate.Mime(mime, Gmail);
        Assert.That(verdict.Kinds(), Does.Contain("inspection-limit"));
        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.For("someone@gmail.com").Action, Is.EqualTo(RecipientAction.Encrypt));
    }

    [Test]
    public void Expanded_byte_limit_is_enforced()
    {
        PolicyOptions options = Evaluate.Policy with { Limits = InspectionLimits.Default with { MaxExpandedBytes = 10_000 } };
        string body = new string('x', 50_000);
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("x", body), Gmail, options);
        Assert.That(verdict.Kinds(), Does.Contain("inspection-limit"));
    }

    [Test]
    public void Garbage_is_still_decided_safely()
    {
        var engine = new SecureMailGateEngine(Evaluate.Policy, FixedClock.At(2026, 11, 25));
        byte[] garbage = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 256)).ToArray();
        Verdict verdict = engine.Evaluate(new MessageEnvelope(null, new[] { "x@gmail.com", "y@nhs.net" }, new MemoryStream(garbage)));
        Assert.That(verdict.Decisions, Has.Count.EqualTo(2));
    }
}
