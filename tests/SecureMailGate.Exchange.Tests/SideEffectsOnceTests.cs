using System;
using System.Linq;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core.Policy;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// Whatever fails, a sender never gets a second report or notice for one message: Defer is used only while nothing
/// has changed (Exchange's Defer puts the item back as it was queued and transport raises it again), and after the
/// first change a failure is logged and the rest carries on. The fakes defer and retry as transport does.
/// </summary>
[TestFixture]
public sealed class SideEffectsOnceTests
{
    private const string Fax = "ward@efaxsend.com";
    private const string Retired = "officer@council.gsi.gov.uk";
    private const string Gmail = "patient.relative@gmail.com";
    private const string Nhsmail = "gp.surgery@nhs.net";

    public enum Failure
    {
        None,
        EngineThrows,
        ConnectorExchangeCannotRead,
        AuditCannotBeWritten,
        FirstReportCannotBeCreated,
        NoticeCannotBeSent,
        ForkFails,
        RoutingOverrideFails,
        SubjectCannotBeChanged,
    }

    [TestCaseSource(nameof(Failures))]
    public void No_retry_repeats_a_report_or_a_notice(Failure failure)
    {
        var harness = Harness(failure, out var audit);
        var item = Messages.Item(Fax, Retired, Gmail, Nhsmail);
        Arrange(harness, item, failure);

        var sources = harness.ResolveWithRetries(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Removed.GroupBy(r => r.Address).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "a recipient reported twice");
            Assert.That(harness.SubmittedNotices, Has.Count.AtMost(1), "more than one warning notice");
            Assert.That(harness.Calls.Where(c => c == "completed twice"), Is.Empty);
            Assert.That(sources.Take(sources.Count - 1).All(s => s.Deferrals.Count == 1), Is.True);
            if (sources.Last().Deferrals.Count == 0 && failure != Failure.None)
            {
                // Not deferred: the failure came after the first change, and was logged.
                Assert.That(harness.Log.Lines, Has.Some.StartsWith("Error|"));
            }
        });
        audit?.VerifyAll();
    }

    [TestCase(Failure.EngineThrows)]
    [TestCase(Failure.ConnectorExchangeCannotRead)]
    [TestCase(Failure.AuditCannotBeWritten)]
    public void A_failure_before_any_change_defers_and_sends_nothing(Failure failure)
    {
        var harness = Harness(failure, out _);
        var item = Messages.Item(Fax, Retired, Gmail, Nhsmail);
        var original = item.Text;
        Arrange(harness, item, failure);

        var source = harness.Resolve(item);
        item.Requeue();

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
            Assert.That(item.RecipientList.Removed, Is.Empty);
            Assert.That(harness.SubmittedNotices, Is.Empty);
            Assert.That(source.ForkedCopies, Is.Empty);
            Assert.That(item.Text, Is.EqualTo(original), "Defer put the item back as it was queued");
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Fax, Retired, Gmail, Nhsmail }));
        });
    }

    [TestCase(Failure.FirstReportCannotBeCreated)]
    [TestCase(Failure.NoticeCannotBeSent)]
    [TestCase(Failure.ForkFails)]
    [TestCase(Failure.RoutingOverrideFails)]
    [TestCase(Failure.SubjectCannotBeChanged)]
    public void A_failure_after_the_first_change_is_logged_and_never_defers(Failure failure)
    {
        var harness = Harness(failure, out _);
        var item = Messages.Item(Fax, Retired, Gmail, Nhsmail);
        Arrange(harness, item, failure);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Is.Empty);
            Assert.That(item.IsDeferred, Is.False);
            Assert.That(harness.Log.Lines, Has.Some.StartsWith("Error|"));
            Assert.That(MessageText.Stamp(item.Content), Is.Not.Null, "stamped, so no later event decides it again");
        });
    }

    [Test]
    public void When_the_message_cannot_be_split_every_remaining_recipient_gets_the_token_rather_than_none()
    {
        var harness = Harness(Failure.ForkFails, out _);
        var item = Messages.Item(Gmail, Nhsmail);
        Arrange(harness, item, Failure.ForkFails);

        harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Addresses, Is.EquivalentTo(new[] { Gmail, Nhsmail }));
            Assert.That(item.ExchangeMessage.Subject, Does.StartWith("[secure] "));
        });
    }

    [Test]
    public void When_the_token_cannot_be_added_the_recipients_who_needed_it_are_bounced_with_what_to_do()
    {
        var harness = Harness(Failure.SubjectCannotBeChanged, out _);
        var item = Messages.Item(Retired, Gmail);
        Arrange(harness, item, Failure.SubjectCannotBeChanged);

        var source = harness.Resolve(item);

        var report = item.RecipientList.Removed.Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Address, Is.EqualTo(Gmail));
            Assert.That(report.Response.StatusCode, Is.EqualTo("550"));
            Assert.That(string.Join(" ", report.Response.StatusText), Does.Contain("add [secure] to the start of the subject"));
            Assert.That(item.RecipientList.Addresses, Is.Empty, "the copy that needed the token does not leave");
            Assert.That(source.ForkedCopies.Single().RecipientList.Addresses, Is.EqualTo(new[] { Retired }), "the other recipient still gets it");
        });
    }

    [Test]
    public void A_connector_Exchange_cannot_read_defers_before_anything_is_sent_and_says_why()
    {
        var harness = Harness(Failure.ConnectorExchangeCannotRead, out _);
        var item = Messages.Item(Gmail);
        Arrange(harness, item, Failure.ConnectorExchangeCannotRead);

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
            Assert.That(harness.Log.Lines, Has.Some.Contains("deferred").And.Contains("Encryption Gateway"));
        });
    }

    private static Failure[] Failures() => Enum.GetValues<Failure>();

    private static AgentHarness Harness(Failure failure, out Mock<NLog.ILogger>? audit)
    {
        var options = PolicyOptions.Default;
        if (failure == Failure.ConnectorExchangeCannotRead)
        {
            // Loaded without the validation the loader does, to show the agent's own safety net.
            options = options with { Encryption = options.Encryption with { Connector = "Encryption Gateway" } };
        }

        var harness = new AgentHarness(options);
        harness.Actions[Fax] = RecipientAction.Block;
        harness.Actions[Retired] = RecipientAction.Warn;
        harness.Actions[Gmail] = RecipientAction.Encrypt;
        harness.Actions[Nhsmail] = RecipientAction.Allow;
        audit = null;
        if (failure == Failure.AuditCannotBeWritten)
        {
            audit = new Mock<NLog.ILogger>();
            audit.Setup(l => l.Info(It.IsAny<string>())).Throws(new System.IO.IOException("audit disk full"));
            harness.AuditOverride = audit.Object;
            harness.Build();
        }

        return harness;
    }

    private static void Arrange(AgentHarness harness, FakeMailItem item, Failure failure)
    {
        switch (failure)
        {
            case Failure.EngineThrows:
                harness.Engine.Setup(e => e.Evaluate(It.IsAny<SecureMailGate.Core.MessageEnvelope>(), It.IsAny<System.Threading.CancellationToken>()))
                    .Throws(new InvalidOperationException("engine failed"));
                break;
            case Failure.FirstReportCannotBeCreated:
                item.RecipientList.FailToRemove = Fax;
                break;
            case Failure.NoticeCannotBeSent:
                harness.Notices.Setup(n => n.Submit(It.IsAny<byte[]>())).Throws(new InvalidOperationException("submission queue unavailable"));
                break;
            case Failure.ForkFails:
                harness.OnSource = s => s.ForkFailure = new InvalidOperationException("fork refused");
                break;
            case Failure.RoutingOverrideFails:
                harness.Options = harness.Options with { Encryption = harness.Options.Encryption with { Connector = "securemailgate.encrypt" } };
                harness.OnSource = s => s.RoutingOverrideFailure = new InvalidOperationException("override refused");
                break;
            case Failure.SubjectCannotBeChanged:
                // Transport makes the item read-only after the stamp and the notice, before the subject is changed.
                harness.Notices.Setup(n => n.Submit(It.IsAny<byte[]>())).Callback(() => FacadeState.MakeReadOnly(item.ExchangeMessage));
                break;
        }
    }
}
