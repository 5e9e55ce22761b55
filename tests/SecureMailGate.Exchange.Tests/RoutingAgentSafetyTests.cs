using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

[TestFixture]
public sealed class RoutingAgentSafetyTests
{
    private const string Gmail = "patient.relative@gmail.com";

    [Test]
    public void Engine_failure_with_failure_mode_defer_defers_the_message_and_logs_its_id()
    {
        var harness = new AgentHarness();
        harness.Engine.Setup(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>())).Throws(new InvalidDataException("corrupt attachment"));
        var item = Messages.Item(Gmail);
        var original = item.Text;

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Is.EqualTo(new[] { MessageProcessor.DeferRetryInterval }));
            Assert.That(item.Text, Is.EqualTo(original));
            Assert.That(harness.Log.Lines, Has.Some.Contains("<m1@ourtrust.nhs.uk>").And.Contains("deferred").And.Contains("corrupt attachment"));
            Assert.That(harness.Calls, Is.EqualTo(new[] { "resume", "complete" }));
        });
    }

    [Test]
    public void Engine_failure_with_failure_mode_allow_lets_the_message_through_unchanged_and_logs_it()
    {
        var harness = new AgentHarness(PolicyOptions.Default with { FailureMode = FailureMode.Allow });
        harness.Engine.Setup(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>())).Throws(new InvalidDataException("corrupt attachment"));
        var item = Messages.Item(Gmail);
        var original = item.Text;

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Is.Empty);
            Assert.That(item.Text, Is.EqualTo(original));
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Gmail }));
            Assert.That(harness.Log.Lines, Has.Some.Contains("<m1@ourtrust.nhs.uk>").And.Contains("delivered unchecked"));
        });
    }

    [Test]
    public void Unreadable_mime_follows_the_failure_mode()
    {
        var harness = new AgentHarness();
        var item = Messages.Item(Gmail);
        item.ReadFailure = new IOException("content stream unavailable");

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
            Assert.That(harness.Log.Lines, Has.Some.Contains("content stream unavailable"));
        });
    }

    [Test]
    public void Without_any_good_configuration_every_message_is_deferred()
    {
        var harness = new AgentHarness { PolicyAvailable = false };
        var item = Messages.Item(Gmail);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
            harness.Engine.Verify(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
            Assert.That(harness.Log.Lines, Has.Some.Contains("No valid SecureMailGate configuration"));
        });
    }

    [Test]
    public void An_audit_trail_that_cannot_be_written_follows_the_failure_mode_before_anything_changes()
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Block;
        var throwingAudit = new Mock<NLog.ILogger>();
        throwingAudit.Setup(l => l.Info(It.IsAny<string>())).Throws(new IOException("audit disk full"));
        var processor = new MessageProcessor(() => new PolicySnapshot(harness.Options, harness.Engine.Object), harness.Notices.Object, harness.Log.Agent, throwingAudit.Object, TimeProvider.System);
        var agent = new SecureMailGateAgent(processor, harness.Log.Agent, harness.NewAsyncContext, work => work());
        var item = Messages.Item(Gmail);
        var source = new FakeResolvedSource(item);

        agent.HandleResolvedMessage(source, new FakeEventArgs(item));

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
            Assert.That(item.RecipientList.Removed, Is.Empty, "nothing was enforced without an audit record");
        });
    }

    [Test]
    public void A_message_already_stamped_is_not_evaluated_again()
    {
        var harness = new AgentHarness();
        var item = Messages.Item(new[] { Gmail }, Messages.Mime(extraHeaders: ProcessingStamp.HeaderName + ": v=1; mode=enforce\r\n"));

        harness.Resolve(item);

        Assert.Multiple(() =>
        {
            harness.Engine.Verify(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
            Assert.That(item.Writes, Is.Zero);
        });
    }

    [TestCase(null, "text/plain", TestName = "Null sender (delivery report) is skipped")]
    [TestCase(AgentHarness.Sender, "multipart/report; report-type=delivery-status; boundary=x", TestName = "multipart/report is skipped")]
    public void System_messages_are_left_alone(string? sender, string contentType)
    {
        var harness = new AgentHarness();
        harness.Actions[Gmail] = RecipientAction.Block;
        var item = Messages.Item(new[] { Gmail }, Messages.Mime(contentType: contentType), sender);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            harness.Engine.Verify(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
            Assert.That(item.RecipientList.Removed, Is.Empty);
            Assert.That(item.Writes, Is.Zero);
            Assert.That(source.Deferrals, Is.Empty);
        });
    }

    [Test]
    public void A_message_with_no_recipients_left_is_ignored_without_taking_an_async_context()
    {
        var harness = new AgentHarness();
        var item = Messages.Item(Array.Empty<string>(), Messages.Mime());

        harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Calls, Is.Empty);
            harness.Engine.Verify(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
        });
    }

    [Test]
    public void Async_context_is_completed_exactly_once_even_when_resume_fails()
    {
        var harness = new AgentHarness();
        harness.ResumeFailure = new InvalidOperationException("thread not initialised");

        Assert.DoesNotThrow(() => harness.Resolve(Messages.Item(Gmail)));
        Assert.That(harness.Calls, Is.EqualTo(new[] { "resume", "complete" }));
    }

    [Test]
    public void No_exception_leaves_the_handler_when_transport_objects_fail()
    {
        var harness = new AgentHarness();
        var args = new Mock<QueuedMessageEventArgs>();
        args.SetupGet(a => a.MailItem).Throws(new NullReferenceException("mail item gone after Defer"));

        Assert.DoesNotThrow(() => harness.Agent.HandleResolvedMessage(new FakeResolvedSource(Messages.Item(Gmail)), args.Object));
        Assert.That(harness.Log.Lines, Has.Some.Contains("mail item gone after Defer"));
    }

    [Test]
    public void Work_runs_off_the_transport_thread_by_default_and_completes_the_context()
    {
        var harness = new AgentHarness();
        var done = new ManualResetEventSlim();
        var context = new Mock<AgentAsyncContext> { CallBase = true };
        context.Setup(c => c.Complete()).Callback(done.Set);
        var processor = new MessageProcessor(() => new PolicySnapshot(harness.Options, harness.Engine.Object), harness.Notices.Object, harness.Log.Agent, harness.Log.Audit, TimeProvider.System);
        var agent = new SecureMailGateAgent(processor, harness.Log.Agent, () => context.Object);
        var callerThread = Environment.CurrentManagedThreadId;
        var engineThread = 0;
        harness.Engine.Setup(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()))
            .Callback(() => engineThread = Environment.CurrentManagedThreadId)
            .Throws(new InvalidOperationException("stop here"));
        var item = Messages.Item(Gmail);

        agent.HandleResolvedMessage(new FakeResolvedSource(item), new FakeEventArgs(item));

        Assert.That(done.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(engineThread, Is.Not.EqualTo(callerThread));
        done.Dispose();
    }

    [Test]
    public void The_agent_subscribes_to_both_routing_events_when_constructed()
    {
        var harness = new AgentHarness();
        var fields = typeof(RoutingAgent).GetFields(BindingFlags.NonPublic | BindingFlags.Instance);
        var resolved = (Delegate?)fields.Single(f => f.FieldType == typeof(ResolvedMessageEventHandler)).GetValue(harness.Agent);
        var routed = (Delegate?)fields.Single(f => f.FieldType == typeof(RoutedMessageEventHandler)).GetValue(harness.Agent);
        var item = Messages.Item(Gmail);
        harness.Actions[Gmail] = RecipientAction.Block;

        resolved!.DynamicInvoke(new FakeResolvedSource(item), new FakeEventArgs(item));

        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Removed, Has.Count.EqualTo(1));
            Assert.That(routed, Is.Not.Null);
        });
    }
}
