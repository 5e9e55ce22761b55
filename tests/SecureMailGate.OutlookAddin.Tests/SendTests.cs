using System;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using SecureMailGate.OutlookAddin.Tests.Support;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.OutlookAddin.Tests;

/// <summary>
/// The sender selects Send in Outlook: the real launchevent.js, as the service serves it, runs against the Office
/// stand-in and a real verdict service on 127.0.0.1. Each test prints what the sender sees.
/// </summary>
[TestFixture]
public sealed class SendTests
{
    private const string NhsNumber = "943 476 5919";

    private RunningService _service = null!;
    private string _script = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _service = await RunningService.StartAsync();
        _script = await _service.Client.GetStringAsync("addin/launchevent.js");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _service.DisposeAsync();

    [Test]
    public void The_script_the_service_serves_calls_that_service()
    {
        Assert.That(_script, Does.Contain($"\"{_service.Origin}/api/v1/evaluate\""));
        Assert.That(_script, Does.Not.Contain("securemailgate.invalid"));
    }

    [Test]
    public void Nothing_sensitive_is_sent_with_no_dialog()
    {
        SentMessage sent = Send(Composing("friend@gmail.com", "Lunch on Friday?", "<p>Shall we meet at one?</p>"));

        Assert.That(sent.AllowEvent, Is.True);
        Assert.That(sent.ErrorMessage, Is.Null);
        Assert.That(sent.Subject, Is.EqualTo("Lunch on Friday?"));
        Assert.That(sent.Completions, Is.EqualTo(1));
    }

    [Test]
    public void Encrypt_puts_the_token_in_the_subject_says_why_once_and_the_second_send_goes()
    {
        Mailbox mailbox = Composing("jane.patient1984@gmail.com", "Clinic letter", $"<p>Discharge summary, NHS number {NhsNumber}.</p>");
        using var outlook = new OutlookStandIn(_script, mailbox, _service.Origin);

        SentMessage first = outlook.Send();
        TestContext.Out.WriteLine("First Send: " + first.Shown);
        SentMessage second = outlook.Send();
        TestContext.Out.WriteLine("Send again: " + second.Shown);

        Assert.That(first.AllowEvent, Is.False);
        Assert.That(first.SendModeOverride, Is.Null, "soft block: the sender sends again rather than Send Anyway");
        Assert.That(first.Subject, Is.EqualTo("[secure] Clinic letter"));
        Assert.That(first.ErrorMessage, Is.EqualTo(
            "[secure] has been added to the subject because this message appears to contain an NHS number in the body, "
            + "and jane.patient1984@gmail.com is not a secure address, so it must go encrypted: select Send again to send it."));
        Assert.That(first.ErrorMessage, Does.Not.Contain("943"));
        Assert.That(second.AllowEvent, Is.True);
        Assert.That(second.Subject, Is.EqualTo("[secure] Clinic letter"), "the token is added once");
    }

    [Test]
    public void Block_stops_the_send_and_explains_each_recipient_in_the_bounces_words()
    {
        Mailbox mailbox = Composing("01234567890@efaxsend.com", "Referral", $"<p>Referral for patient NHS number {NhsNumber}.</p>")
            with { Cc = Mailbox.Addresses("colleague@old.gsi.gov.uk") };

        SentMessage sent = Send(mailbox);

        Assert.That(sent.AllowEvent, Is.False);
        Assert.That(sent.SendModeOverride, Is.Null);
        Assert.That(sent.ErrorMessage, Does.StartWith("Your message was not delivered to 01234567890@efaxsend.com. "));
        Assert.That(sent.ErrorMessage, Does.Contain("is an e-mail-to-fax or e-mail-to-text").And.Contain("What to do:"));
        Assert.That(sent.ErrorMessage, Does.EndWith(" 1 other recipient was stopped too: select See why to read what to do for each."));
        Assert.That(sent.ErrorMessage!.Length, Is.LessThanOrEqualTo(500), "Outlook shows at most 500 characters");
        Assert.That((sent.CancelLabel, sent.CommandId), Is.EqualTo(("See why", "msgComposeOpenPaneButton")), "See why opens the pane that explains each recipient");
        Assert.That(sent.Subject, Is.EqualTo("Referral"));
    }

    [Test]
    public void Warn_prompts_with_send_anyway()
    {
        SentMessage sent = Send(Composing("old.colleague@gsi.gov.uk", "Lunch", "<p>Shall we meet at one?</p>"));

        Assert.That(sent.AllowEvent, Is.False);
        Assert.That(sent.SendModeOverride, Is.EqualTo("promptUser"));
        Assert.That(sent.ErrorMessage, Does.StartWith("Please check before you send. To old.colleague@gsi.gov.uk: gsi.gov.uk has been switched off"));
        Assert.That(sent.ErrorMessage, Does.EndWith("Select Send Anyway to send it as it is, or Don't Send to change it."));
    }

    [Test]
    public void Attachments_are_read_and_sent_for_checking_and_never_named_to_the_sender()
    {
        byte[] letter = Encoding.UTF8.GetBytes($"Referral letter. Patient NHS number {NhsNumber}. Clinic on Monday.");
        string eml = "From: a@ourtrust.nhs.uk\r\nTo: b@ourtrust.nhs.uk\r\nSubject: Earlier\r\n\r\nNothing here.\r\n";
        Mailbox mailbox = Composing("carer@hotmail.co.uk", "Documents", "<p>Please see attached.</p>") with
        {
            Attachments = new[]
            {
                new Attachment("AAMk1", "logo.png", "image/png", 68, "file", true, "base64", Convert.ToBase64String(new byte[] { 0x89, 0x50, 0x4E, 0x47 })),
                new Attachment("AAMk2", "jane-doe-referral.txt", "text/plain", letter.Length, "file", false, "base64", Convert.ToBase64String(letter)),
                new Attachment("AAMk3", "Earlier", "message/rfc822", eml.Length, "item", false, "eml", eml),
                new Attachment("AAMk4", "big-scan.pdf", "application/pdf", 0, "cloud", false, "url", "https://files.example/big-scan.pdf"),
            },
        };
        using var outlook = new OutlookStandIn(_script, mailbox, _service.Origin);

        SentMessage sent = outlook.Send();
        TestContext.Out.WriteLine(sent.Shown);

        Assert.That(outlook.AttachmentReads, Is.EqualTo(3), "the cloud attachment is a link, as the gateway sees it");
        Assert.That(sent.AllowEvent, Is.False);
        Assert.That(sent.Subject, Is.EqualTo("[secure] Documents"));
        Assert.That(sent.ErrorMessage, Does.Contain("appears to contain an NHS number in attachment 2, and carer@hotmail.co.uk"), "the letter is the second attachment, after the inline logo");
        Assert.That(sent.ErrorMessage, Does.Not.Contain("jane-doe").And.Not.Contain("referral"));
    }

    [Test]
    public void Attachments_too_large_to_copy_are_left_to_the_gateway_without_waiting()
    {
        Mailbox mailbox = Composing("carer@hotmail.co.uk", "Scans", "<p>Scans attached.</p>") with
        {
            Attachments = new[] { new Attachment("AAMk1", "scan.pdf", "application/pdf", 40L * 1024 * 1024, "file", false, "base64", string.Empty) },
        };
        using var outlook = new OutlookStandIn(_script, mailbox, _service.Origin);

        SentMessage sent = outlook.Send();

        Assert.That(sent.AllowEvent, Is.True);
        Assert.That(outlook.AttachmentReads, Is.Zero);
        Assert.That(sent.Logs, Does.Contain("SecureMailGate: message left to the gateway (attachments-too-large)."));
    }

    [Test]
    public void An_unreachable_service_lets_the_send_go_ahead()
    {
        string script = _script.Replace(_service.Origin, SilentServer.Unreachable(), StringComparison.Ordinal);

        SentMessage sent = Send(Composing("jane.patient1984@gmail.com", "Clinic letter", $"<p>NHS number {NhsNumber}.</p>"), script);

        Assert.That(sent.AllowEvent, Is.True);
        Assert.That(sent.Subject, Is.EqualTo("Clinic letter"));
        Assert.That(sent.Logs, Has.One.StartsWith("SecureMailGate: message left to the gateway"));
    }

    [Test]
    public void A_slow_service_lets_the_send_go_ahead_before_outlook_says_it_is_taking_long()
    {
        using var silent = new SilentServer();
        string script = _script.Replace(_service.Origin, silent.Origin, StringComparison.Ordinal);

        SentMessage sent = Send(Composing("jane.patient1984@gmail.com", "Clinic letter", $"<p>NHS number {NhsNumber}.</p>"), script);

        Assert.That(sent.AllowEvent, Is.True);
        Assert.That(sent.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(sent.Logs, Does.Contain("SecureMailGate: message left to the gateway (timeout)."));
        Assert.That(sent.Completions, Is.EqualTo(1));
    }

    [Test]
    public void A_refused_token_lets_the_send_go_ahead()
    {
        Mailbox mailbox = Composing("jane.patient1984@gmail.com", "Clinic letter", $"<p>NHS number {NhsNumber}.</p>") with
        {
            Token = _service.Tokens.Create(expires: DateTimeOffset.UtcNow.AddHours(-1)),
        };

        SentMessage sent = Send(mailbox);

        Assert.That(sent.AllowEvent, Is.True);
        Assert.That(sent.Logs, Does.Contain("SecureMailGate: message left to the gateway (service-answered-401)."));
    }

    [TestCase("token")]
    [TestCase("body")]
    [TestCase("attachments")]
    public void When_outlook_cannot_give_what_is_needed_the_send_goes_ahead(string failing)
    {
        Mailbox mailbox = Composing("jane.patient1984@gmail.com", "Clinic letter", $"<p>NHS number {NhsNumber}.</p>") with { Fail = new[] { failing } };

        SentMessage sent = Send(mailbox);

        Assert.That(sent.AllowEvent, Is.True);
        Assert.That(sent.Completions, Is.EqualTo(1));
    }

    [Test]
    public void When_the_subject_cannot_be_changed_the_sender_is_asked_to_add_the_token()
    {
        Mailbox mailbox = Composing("jane.patient1984@gmail.com", "Clinic letter", $"<p>NHS number {NhsNumber}.</p>") with { Fail = new[] { "setSubject" } };

        SentMessage sent = Send(mailbox);

        Assert.That(sent.AllowEvent, Is.False);
        Assert.That(sent.ErrorMessage, Is.EqualTo("This message must go encrypted. Add [secure] to the start of the subject, then select Send again."));
        Assert.That(sent.Subject, Is.EqualTo("Clinic letter"));
    }

    [Test]
    public void Recipients_in_cc_and_bcc_are_decided_too()
    {
        Mailbox mailbox = Composing("ward7@ourtrust.nhs.uk", "Clinic letter", $"<p>NHS number {NhsNumber}.</p>") with
        {
            Bcc = Mailbox.Addresses("tom.carer@hotmail.co.uk"),
        };

        SentMessage sent = Send(mailbox);

        Assert.That(sent.AllowEvent, Is.False);
        Assert.That(sent.ErrorMessage, Does.Contain("tom.carer@hotmail.co.uk is not a secure address"));
    }

    [Test]
    public void The_handler_is_associated_under_the_manifests_function_name()
    {
        using var outlook = new OutlookStandIn(_script, Composing("a@ourtrust.nhs.uk", "x", "x"), _service.Origin);

        Assert.That(outlook.Associated, Is.EqualTo(new[] { "onMessageSendHandler" }));
    }

    private Mailbox Composing(string to, string subject, string html) => new()
    {
        To = Mailbox.Addresses(to),
        Subject = subject,
        BodyHtml = html,
        BodyText = html,
        Token = _service.Tokens.Create(),
    };

    private SentMessage Send(Mailbox mailbox, string? script = null)
    {
        using var outlook = new OutlookStandIn(script ?? _script, mailbox, _service.Origin);
        SentMessage sent = outlook.Send();
        TestContext.Out.WriteLine("The sender sees: " + sent.Shown);
        return sent;
    }
}
