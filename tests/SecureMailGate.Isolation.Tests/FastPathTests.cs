using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation.Tests;

/// <summary>Small plain-text and HTML mail stays in the host; anything a parser of attachments would read goes to a worker.</summary>
[TestFixture]
public sealed class FastPathTests
{
    [Test]
    public void Plain_text_is_inspected_in_process_without_starting_a_worker()
    {
        using var fixture = new PoolFixture();
        using MemoryStream mime = TestMessages.Mime("Patient " + TestMessages.NhsNumber);

        Verdict verdict = fixture.Evaluate(mime);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Single().Kind, Is.EqualTo(FindingKinds.NhsNumber));
            Assert.That(verdict.MessageId, Is.EqualTo("<test@ourtrust.nhs.uk>"));
            Assert.That(fixture.Pool.WorkersStarted, Is.Zero);
            Assert.That(fixture.Inspection.InspectedInProcess, Is.EqualTo(1));
        });
    }

    [Test]
    public void Text_and_html_alternatives_stay_in_process()
    {
        using var fixture = new PoolFixture();
        MimeKit.MimeMessage message = TestMessages.Build("x");
        message.Body = new MimeKit.BodyBuilder { TextBody = "Patient " + TestMessages.NhsNumber, HtmlBody = "<p>Patient " + TestMessages.NhsNumber + "</p>" }.ToMessageBody();

        Verdict verdict = fixture.Engine.Evaluate(message, null, new[] { "relative@gmail.com" });

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(f => f.Kind), Does.Contain(FindingKinds.NhsNumber));
            Assert.That(fixture.Pool.WorkersStarted, Is.Zero);
        });
    }

    [TestCase("attachment")]
    [TestCase("rtf")]
    [TestCase("tnef")]
    [TestCase("rfc822")]
    [TestCase("large")]
    public void Anything_else_goes_to_a_worker(string kind)
    {
        using var fixture = new PoolFixture();
        MimeKit.MimeMessage message = TestMessages.Build("Patient " + TestMessages.NhsNumber, withAttachment: kind == "attachment");
        switch (kind)
        {
            case "rtf":
                message.Body = new MimeKit.TextPart("rtf") { Text = @"{\rtf1 Patient 943 476 5919}" };
                break;
            case "tnef":
                message.Body = new MimeKit.Tnef.TnefPart { Content = new MimeKit.MimeContent(new MemoryStream(new byte[] { 0x78, 0x9F, 0x3E, 0x22 })) };
                break;
            case "rfc822":
                message.Body = new MimeKit.MessagePart { Message = TestMessages.Build("Patient " + TestMessages.NhsNumber) };
                break;
            case "large":
                message.Body = new MimeKit.TextPart("plain") { Text = new string('x', (int)InProcessEligibility.MaxBytes + 1) };
                break;
        }

        using MemoryStream mime = TestMessages.Mime(message);
        _ = fixture.Evaluate(mime);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Pool.WorkersStarted, Is.EqualTo(1));
            Assert.That(fixture.Inspection.InspectedInProcess, Is.Zero);
        });
    }

    [Test]
    public void A_non_seekable_stream_goes_to_a_worker()
    {
        using var fixture = new PoolFixture();
        using MemoryStream mime = TestMessages.Mime("Patient " + TestMessages.NhsNumber);
        using var forwardOnly = new ForwardOnly(mime);

        Verdict verdict = fixture.Evaluate(forwardOnly);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Single().Kind, Is.EqualTo(FindingKinds.NhsNumber));
            Assert.That(fixture.Pool.WorkersStarted, Is.EqualTo(1));
        });
    }
}
