using System;
using System.Linq;
using Microsoft.Exchange.Data.Transport;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange.Tests;

[TestFixture]
public sealed class RoutingAgentActionTests
{
    private const string Nhsmail = "gp.surgery@nhs.net";
    private const string Gmail = "patient.relative@gmail.com";
    private const string Council = "social.worker@council.gov.uk";

    [Test]
    public void Allowed_message_is_delivered_with_its_subject_unchanged_and_only_the_stamp_added()
    {
        var harness = new AgentHarness();
        var item = Messages.Item(Nhsmail);
        var original = item.Text;

        var source = harness.Resolve(item);

        var message = MessageText.Parse(item.Content);
        Assert.Multiple(() =>
        {
            Assert.That(message.Subject, Is.EqualTo(Messages.Subject));
            Assert.That(message.Headers[ProcessingStamp.HeaderName], Does.Contain("mode=enforce").And.Contain("token-added=no"));
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail }));
            Assert.That(item.RecipientList.Removed, Is.Empty);
            Assert.That(source.ForkedCopies, Is.Empty);
            Assert.That(harness.SubmittedNotices, Is.Empty);
            // Only one header line was added; everything else is byte-for-byte the same.
            Assert.That(MessageText.WithoutStamp(item.Text), Is.EqualTo(original));
        });
    }

    [Test]
    public void Blocked_recipient_is_removed_with_a_550_5_7_1_report_that_says_what_to_do()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Block;
        harness.Reasons[Gmail] = ReasonCodes.NhsNumberInSubject;
        var item = Messages.Item(Nhsmail, Gmail);

        harness.Resolve(item);

        var removed = item.RecipientList.Removed.Single();
        Assert.Multiple(() =>
        {
            Assert.That(removed.Address, Is.EqualTo(Gmail));
            Assert.That(removed.DsnType, Is.EqualTo(DsnType.Failure));
            Assert.That(removed.Response.StatusCode, Is.EqualTo("550"));
            Assert.That(removed.Response.EnhancedStatusCode, Is.EqualTo("5.7.1"));
            Assert.That(removed.Response.DsnExplanation, Does.Contain(Gmail).And.Contain("take the NHS number out of the subject"));
            Assert.That(removed.Response.StatusText, Has.All.Length.LessThan(512));
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail }), "the other recipient is unaffected");
            Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo(Messages.Subject));
        });
    }

    [Test]
    public void When_every_recipient_is_blocked_each_gets_a_report_and_the_content_is_not_touched()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Block;
        harness.Actions[Council] = RecipientAction.Block;
        var item = Messages.Item(Gmail, Council);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Removed.Select(r => r.Address), Is.EquivalentTo(new[] { Gmail, Council }));
            Assert.That(item.RecipientList.Count, Is.Zero);
            Assert.That(item.Writes, Is.Zero);
            Assert.That(source.ForkedCopies, Is.Empty);
            Assert.That(source.Deferrals, Is.Empty);
        });
    }

    [Test]
    public void When_every_recipient_needs_encryption_the_subject_gets_the_token_without_a_fork()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        harness.Actions[Council] = RecipientAction.Encrypt;
        var item = Messages.Item(Gmail, Council);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo("[secure] " + Messages.Subject));
            Assert.That(MessageText.Stamp(item.Content), Does.Contain("token-added=yes"));
            Assert.That(source.ForkedCopies, Is.Empty);
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Gmail, Council }));
            Assert.That(MessageText.Parse(item.Content).TextBody, Does.Contain(Messages.Body));
        });
    }

    [Test]
    public void Mixed_recipients_are_split_so_only_the_encrypt_copy_gets_the_token()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(Nhsmail, Gmail, Council);

        var source = harness.Resolve(item);

        var other = source.ForkedCopies.Single();
        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Gmail }), "the copy this handler changes holds only the encrypt recipient");
            Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo("[secure] " + Messages.Subject));
            Assert.That(other.RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail, Council }));
            Assert.That(MessageText.Parse(other.Content).Subject, Is.EqualTo(Messages.Subject), "the other copy keeps its subject");
            Assert.That(MessageText.Stamp(other.Content), Is.Not.Null, "the other copy carries the stamp so it is not decided again");
        });
    }

    [Test]
    public void The_forked_copy_raised_again_in_OnRoutedMessage_passes_untouched_and_is_not_re_evaluated()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(Nhsmail, Gmail);
        var other = harness.Resolve(item).ForkedCopies.Single();
        var before = other.Text;

        var routed = harness.Route(other);
        harness.Route(item);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Envelopes, Has.Count.EqualTo(1), "each copy was decided once, in OnResolvedMessage");
            Assert.That(other.Text, Is.EqualTo(before));
            Assert.That(other.Writes, Is.Zero);
            Assert.That(routed.Forks, Is.Zero);
            Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo("[secure] " + Messages.Subject), "no second token");
        });
    }

    [Test]
    public void Blocked_encrypt_and_allowed_recipients_together_block_first_then_split_the_rest()
    {
        var harness = new AgentHarness();
        harness.Actions[Council] = RecipientAction.Block;
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(Nhsmail, Gmail, Council);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Removed.Select(r => r.Address), Is.EqualTo(new[] { Council }));
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Gmail }));
            Assert.That(source.ForkedCopies.Single().RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail }));
        });
    }

    [Test]
    public void Encrypt_recipients_are_routed_to_the_encryption_connector_when_one_is_configured()
    {
        var harness = new AgentHarness(PolicyOptions.Default with { Encryption = new EncryptionOptions(true, "[secure]", "encrypt.gateway.local") });
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(Nhsmail, Gmail);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.RoutingOverrides.Keys, Is.EquivalentTo(new[] { Gmail }));
            Assert.That(source.RoutingOverrides[Gmail].RoutingDomain.Domain, Is.EqualTo("encrypt.gateway.local"));
            Assert.That(source.RoutingOverrides[Gmail].DeliveryQueueDomain, Is.EqualTo(DeliveryQueueDomain.UseOverrideDomain));
        });
    }

    [Test]
    public void A_configured_token_is_used_and_never_added_twice()
    {
        var harness = new AgentHarness(PolicyOptions.Default with { Encryption = new EncryptionOptions(true, "[encrypt]") });
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(new[] { Gmail }, Messages.Mime("[ENCRYPT] results"));

        harness.Resolve(item);

        Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo("[ENCRYPT] results"));
    }

    [Test]
    public void Warned_recipients_get_the_message_and_the_sender_gets_one_notice()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Warn;
        harness.Actions[Council] = RecipientAction.Warn;
        var item = Messages.Item(Nhsmail, Gmail, Council);

        harness.Resolve(item);

        var notice = MessageText.Parse(harness.SubmittedNotices.Single());
        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail, Gmail, Council }));
            Assert.That(notice.To.Mailboxes.Single().Address, Is.EqualTo(AgentHarness.Sender));
            Assert.That(notice.From.Mailboxes.Single().Address, Is.EqualTo("postmaster@ourtrust.nhs.uk"));
            Assert.That(notice.Subject, Does.StartWith("Delivered, but please check: your message sent at ").And.EndWith(" UTC"));
            Assert.That(notice.Subject, Does.Not.Contain(Messages.Subject), "the notice never repeats the subject: it may hold patient details");
            Assert.That(notice.From.Mailboxes.Single().Name, Is.EqualTo("SecureMailGate"));
            Assert.That(notice.TextBody, Does.Contain(Gmail).And.Contain(Council).And.Contain("What to do"));
            Assert.That(notice.Headers["Auto-Submitted"], Is.EqualTo("auto-generated"));
            Assert.That(notice.Headers[ProcessingStamp.HeaderName], Is.Not.Null, "the agent will leave its own notice alone");
        });
    }

    [Test]
    public void A_notice_that_cannot_be_sent_is_logged_and_the_message_still_goes()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Warn;
        harness.Notices.Setup(n => n.Submit(It.IsAny<byte[]>())).Throws(new InvalidOperationException("submission queue unavailable"));
        var item = Messages.Item(Gmail);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Is.Empty);
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Gmail }));
            Assert.That(harness.Log.Lines, Has.Some.Contains("warning notice").And.Contains("submission queue unavailable"));
        });
    }

    [Test]
    public void Monitor_mode_records_every_decision_but_enforces_none()
    {
        var harness = new AgentHarness(PolicyOptions.Default with { Mode = PolicyMode.Monitor });
        harness.Actions[Gmail] = RecipientAction.Block;
        harness.Actions[Council] = RecipientAction.Encrypt;
        harness.Actions[Nhsmail] = RecipientAction.Warn;
        var item = Messages.Item(Nhsmail, Gmail, Council);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail, Gmail, Council }));
            Assert.That(item.RecipientList.Removed, Is.Empty);
            Assert.That(source.ForkedCopies, Is.Empty);
            Assert.That(harness.SubmittedNotices, Is.Empty);
            Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo(Messages.Subject));
            Assert.That(MessageText.Stamp(item.Content), Does.Contain("mode=monitor").And.Contain("enforced=no"));
            Assert.That(harness.AuditLines.Single(), Does.Contain("\"mode\":\"monitor\"").And.Contain("\"action\":\"block\""));
        });
    }

    [Test]
    public void Every_decided_message_leaves_one_audit_record()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Encrypt;

        harness.Resolve(Messages.Item(Nhsmail, Gmail));

        var line = harness.AuditLines.Single();
        Assert.That(line, Does.Contain("\"messageId\":\"<m1@ourtrust.nhs.uk>\"")
            .And.Contain("\"sender\":\"" + AgentHarness.Sender + "\"")
            .And.Contain("\"enforced\":true")
            .And.Not.Contain(Messages.Body));
    }
}
