using System;
using System.IO;
using System.Linq;
using Moq;
using NUnit.Framework;
using SecureMailGate.Exchange.Tests.Deploy;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>What the agent finds when transport loads it from its folder: the policy and the audit trail.</summary>
[TestFixture]
public sealed class AgentLoadTests
{
    private const string Gmail = "patient.relative@gmail.com";
    private string folder = null!;

    [SetUp]
    public void SetUp()
    {
        folder = Path.Combine(Path.GetTempPath(), "smg-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, AgentHost.ConfigFileName), "{ \"mode\": \"enforce\", \"internalDomains\": [\"ourtrust.nhs.uk\"] }");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void With_the_shipped_NLog_config_the_audit_trail_is_in_order()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "config", "NLog.config"), Path.Combine(folder, AgentHost.LogConfigFileName));

        using var host = AgentHost.FromFolder(folder);

        Assert.That(host.AuditTrail.Problem, Is.Null);
    }

    [Test]
    public void Without_an_NLog_config_every_message_is_deferred_and_nothing_is_changed()
    {
        using var host = AgentHost.FromFolder(folder);
        var agent = host.CreateAgent(Server());
        var item = Messages.Item(Gmail);
        var original = item.Text;
        var source = new FakeResolvedSource(item);

        agent.HandleResolvedMessage(source, new FakeEventArgs(item));
        WaitForBackgroundWork(source);

        Assert.Multiple(() =>
        {
            Assert.That(host.AuditTrail.Problem, Does.Contain("NLog.config"));
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
        });
        item.Requeue();
        Assert.That(item.Text, Is.EqualTo(original));
    }

    [Test]
    public void An_audit_folder_that_cannot_be_written_is_a_problem_found_at_load()
    {
        var blocker = Path.Combine(folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the audit folder should be");
        File.WriteAllText(Path.Combine(folder, AgentHost.LogConfigFileName), $$"""
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets><target xsi:type="File" name="auditFile" fileName="{{blocker}}/audit.jsonl" layout="${message}" /></targets>
              <rules><logger name="SecureMailGate.Audit" minlevel="Info" writeTo="auditFile" final="true" /></rules>
            </nlog>
            """);

        using var host = AgentHost.FromFolder(folder);

        Assert.That(host.AuditTrail.Problem, Does.Contain("not-a-folder"));
    }

    private static Microsoft.Exchange.Data.Transport.SmtpServer Server()
    {
        var server = new Mock<Microsoft.Exchange.Data.Transport.SmtpServer>();
        server.SetupGet(s => s.AcceptedDomains).Throws(new InvalidOperationException("no directory in tests"));
        return server.Object;
    }

    // The real agent works on a thread-pool thread and completes its async context at the end.
    private static void WaitForBackgroundWork(FakeResolvedSource source)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (source.Deferrals.Count == 0 && DateTime.UtcNow < deadline)
        {
            System.Threading.Thread.Sleep(20);
        }
    }
}
