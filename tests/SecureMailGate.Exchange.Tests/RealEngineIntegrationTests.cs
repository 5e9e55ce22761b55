using System;
using System.IO;
using System.Linq;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// The agent with the real engine and the shipped default configuration, as on a server: switched to enforce as an
/// administrator does after the monitor period, and once exactly as shipped (monitor: nothing changes).
/// </summary>
[TestFixture]
public sealed class RealEngineIntegrationTests
{
    private const string Nhsmail = "gp.surgery@nhs.net";
    private const string Gmail = "patient.relative@gmail.com";
    private const string ShippedMode = "\"mode\": \"monitor\"";
    private static readonly string ShippedConfiguration = Path.Combine(Deploy.RepositoryPaths.Root, "config", "securemailgate.json");
    private string folder = null!;
    private TestLog log = null!;
    private SecureMailGateAgent agent = null!;

    [SetUp]
    public void SetUp()
    {
        folder = Path.Combine(Path.GetTempPath(), "smg-agent-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // The shipped configuration switched to enforce, as the administrator does after the monitor period.
        var shipped = File.ReadAllText(ShippedConfiguration);
        Assert.That(shipped, Does.Contain(ShippedMode), "the shipped configuration starts in monitor mode");
        File.WriteAllText(Path.Combine(folder, "securemailgate.json"), shipped.Replace(ShippedMode, "\"mode\": \"enforce\"", StringComparison.Ordinal));
        log = new TestLog();
        var monitor = new PolicyMonitor(Path.Combine(folder, "securemailgate.json"), PolicyConfigurationLoader.LoadFile, options => new CoreEngine(options, TimeProvider.System), log.Agent);
        var processor = new MessageProcessor(() => monitor.Current, new Mock<INoticeSubmitter>().Object, log.Agent, log.Audit, TimeProvider.System);
        var context = new Mock<Microsoft.Exchange.Data.Transport.AgentAsyncContext>();
        agent = new SecureMailGateAgent(processor, log.Agent, () => context.Object, work => work());
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Patient_letter_to_nhsmail_and_gmail_is_encrypted_for_gmail_only()
    {
        var mime = Messages.Mime("Discharge summary").Replace(Messages.Body, "Patient NHS number 943 476 5919, date of birth 01/02/1950, discharged today.", StringComparison.Ordinal);
        var item = Messages.Item(new[] { Nhsmail, Gmail }, mime);
        var source = new FakeResolvedSource(item);

        agent.HandleResolvedMessage(source, new FakeEventArgs(item));

        var other = source.ForkedCopies.Single();
        var audit = log.Lines.Single(l => l.Contains("|SecureMailGate.Audit|", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Gmail }));
            Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo("[secure] Discharge summary"));
            Assert.That(other.RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail }));
            Assert.That(MessageText.Parse(other.Content).Subject, Is.EqualTo("Discharge summary"));
            Assert.That(audit, Does.Contain("\"nhs-number\"").And.Not.Contain("943 476 5919").And.Not.Contain("9434765919"));
        });
    }

    [Test]
    public void As_shipped_the_agent_monitors_records_the_decision_and_changes_nothing()
    {
        File.Copy(ShippedConfiguration, Path.Combine(folder, "securemailgate.json"), overwrite: true);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "securemailgate.json"), DateTime.UtcNow.AddMinutes(1));
        var item = Messages.Item(new[] { Nhsmail, Gmail }, Messages.Mime("Results for 943 476 5919"));
        var source = new FakeResolvedSource(item);

        agent.HandleResolvedMessage(source, new FakeEventArgs(item));

        var audit = log.Lines.Single(l => l.Contains("|SecureMailGate.Audit|", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(item.RecipientList.Addresses, Is.EqualTo(new[] { Nhsmail, Gmail }));
            Assert.That(item.RecipientList.Removed, Is.Empty);
            Assert.That(source.ForkedCopies, Is.Empty);
            Assert.That(MessageText.Parse(item.Content).Subject, Is.EqualTo("Results for 943 476 5919"));
            Assert.That(audit, Does.Contain("monitor").And.Contain("block").And.Not.Contain("943 476 5919"));
        });
    }

    [Test]
    public void Nhs_number_in_the_subject_blocks_the_external_recipient_with_guidance()
    {
        var item = Messages.Item(new[] { Gmail }, Messages.Mime("Results for 943 476 5919"));
        var source = new FakeResolvedSource(item);

        agent.HandleResolvedMessage(source, new FakeEventArgs(item));

        var removed = item.RecipientList.Removed.Single();
        Assert.Multiple(() =>
        {
            Assert.That(removed.Response.EnhancedStatusCode, Is.EqualTo("5.7.1"));
            Assert.That(removed.Response.DsnExplanation, Does.Contain("take the NHS number out of the subject"));
            Assert.That(source.Deferrals, Is.Empty);
        });
    }

    [Test]
    public void A_configuration_broken_on_disk_keeps_the_shipped_one_in_force()
    {
        var item = Messages.Item(new[] { Gmail }, Messages.Mime("Results for 943 476 5919"));
        agent.HandleResolvedMessage(new FakeResolvedSource(item), new FakeEventArgs(item));
        var path = Path.Combine(folder, "securemailgate.json");
        File.WriteAllText(path, "{ \"mode\": \"monitr\" }");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        var next = Messages.Item(new[] { Gmail }, Messages.Mime("Results for 943 476 5919"));
        agent.HandleResolvedMessage(new FakeResolvedSource(next), new FakeEventArgs(next));

        Assert.Multiple(() =>
        {
            Assert.That(next.RecipientList.Removed, Has.Count.EqualTo(1), "still enforcing the last good policy");
            Assert.That(log.Lines, Has.Some.StartsWith("Error").And.Contains("securemailgate.json").And.Contains("monitr"));
        });
    }
}
