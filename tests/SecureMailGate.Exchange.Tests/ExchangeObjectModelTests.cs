using Moq;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// The agent changes messages the way Exchange reads them: the token through EmailMessage.Subject (so a TNEF
/// message's own subject carries it), the stamp in Exchange's header list, and never a rewrite of the MIME stream.
/// </summary>
[TestFixture]
public sealed class ExchangeObjectModelTests
{
    private const string Gmail = "patient.relative@gmail.com";
    private const string Nhsmail = "gp.surgery@nhs.net";

    [Test]
    public void A_TNEF_message_gets_the_token_in_the_subject_Exchange_reads()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(Gmail);
        FacadeState.SetTnefSubject(item.ExchangeMessage, "Discharge letter (TNEF copy)");

        harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.ExchangeMessage.Subject, Is.EqualTo("[secure] Discharge letter (TNEF copy)"), "what Exchange reads and the encryption path sees");
            Assert.That(FacadeState.TnefSubject(item.ExchangeMessage), Does.StartWith("[secure] "));
            Assert.That(MessageText.Parse(item.Content).Subject, Does.StartWith("[secure] "), "the MIME header says the same");
            Assert.That(MessageText.Stamp(item.Content), Does.Contain("token-added=yes"));
        });
    }

    [Test]
    public void The_token_is_not_added_twice_when_the_TNEF_subject_already_has_it()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(Gmail);
        FacadeState.SetTnefSubject(item.ExchangeMessage, "[SECURE] results");

        harness.Resolve(item);

        Assert.That(item.ExchangeMessage.Subject, Is.EqualTo("[SECURE] results"));
    }

    [TestCase(RecipientAction.Allow)]
    [TestCase(RecipientAction.Warn)]
    [TestCase(RecipientAction.Encrypt)]
    [TestCase(RecipientAction.Block)]
    public void The_MIME_stream_is_never_rewritten(RecipientAction action)
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = action;
        var item = Messages.Item(Gmail, Nhsmail);

        harness.Resolve(item);

        Assert.That(item.Writes, Is.Zero);
    }

    [Test]
    public void A_system_message_is_left_alone_and_not_evaluated()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Block;
        var item = Messages.Item(Gmail);
        FacadeState.MarkSystemMessage(item.ExchangeMessage);
        var original = item.Text;

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            harness.Engine.Verify(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<System.Threading.CancellationToken>()), Times.Never);
            Assert.That(item.Text, Is.EqualTo(original));
            Assert.That(item.RecipientList.Removed, Is.Empty);
            Assert.That(source.Deferrals, Is.Empty);
            Assert.That(harness.Log.Lines, Has.Some.StartsWith("Debug|").And.Contains("system message"));
        });
    }

    [Test]
    public void A_read_only_item_is_left_alone_without_deferring_it()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Block;
        var item = Messages.Item(Gmail);
        FacadeState.MakeReadOnly(item.ExchangeMessage);
        var original = item.Text;

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.Text, Is.EqualTo(original));
            Assert.That(item.RecipientList.Removed, Is.Empty);
            Assert.That(source.Deferrals, Is.Empty);
            Assert.That(harness.Log.Lines, Has.Some.StartsWith("Debug|").And.Contains("read-only"));
            Assert.That(harness.Calls, Is.EqualTo(new[] { "resume", "complete" }));
        });
    }

    [Test]
    public void A_stamp_that_cannot_be_written_for_another_reason_follows_the_failure_mode_as_nothing_changed()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Block;
        var item = Messages.Item(Gmail);
        var audit = new Mock<NLog.ILogger>();
        // Between planning and the first change the item goes away under the agent (as after a Defer elsewhere).
        audit.Setup(l => l.Info(It.IsAny<string>())).Callback(() => FacadeState.Revoke(item.ExchangeMessage));
        harness.AuditOverride = audit.Object;
        harness.Build();

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
            Assert.That(item.RecipientList.Removed, Is.Empty);
        });
    }

    [Test]
    public void Monitor_mode_changes_nothing_but_the_stamp()
    {
        var harness = new AgentHarness(PolicyOptions.Default with { Mode = PolicyMode.Monitor });
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        var item = Messages.Item(Gmail);
        FacadeState.SetTnefSubject(item.ExchangeMessage, Messages.Subject);
        var original = item.Text;

        harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.ExchangeMessage.Subject, Is.EqualTo(Messages.Subject));
            Assert.That(MessageText.WithoutStamp(item.Text), Is.EqualTo(original));
            Assert.That(MessageText.Stamp(item.Content), Does.Contain("mode=monitor"));
        });
    }
}
