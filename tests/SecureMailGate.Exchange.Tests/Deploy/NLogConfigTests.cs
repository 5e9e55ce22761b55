using System.IO;
using System.Linq;
using System.Xml.Linq;
using NLog;
using NLog.Targets;
using NUnit.Framework;

namespace SecureMailGate.Exchange.Tests.Deploy;

[TestFixture]
public sealed class NLogConfigTests
{
    private static readonly string ConfigPath = Path.Combine(RepositoryPaths.Root, "config", "NLog.config");

    [Test]
    public void The_shipped_NLog_config_keeps_the_audit_trail_in_its_own_synchronous_file()
    {
        // The EventLog target exists only in the .NET Framework build of NLog that ships with the agent; here it is skipped.
        using var factory = new LogFactory { ThrowConfigExceptions = false };

        factory.Setup().LoadConfigurationFromFile(ConfigPath, optional: false);

        var auditTargets = factory.Configuration!.LoggingRules.Where(r => r.LoggerNamePattern == AgentHost.AuditLoggerName).SelectMany(r => r.Targets).ToList();
        Assert.That(auditTargets.Single(), Is.InstanceOf<FileTarget>(), "audit writes must fail loudly, so no async wrapper");
        Assert.That(((FileTarget)auditTargets.Single()).FileName.ToString(), Does.Contain("audit"));
    }

    [Test]
    public void Agent_warnings_and_errors_go_to_the_Application_Event_Log_under_the_source_the_installer_registers()
    {
        XNamespace ns = "http://www.nlog-project.org/schemas/NLog.xsd";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var nlog = XDocument.Load(ConfigPath).Root!;

        var eventLog = nlog.Descendants(ns + "target").Single(t => (string?)t.Attribute(xsi + "type") == "EventLog");
        var rule = nlog.Descendants(ns + "logger").Single(l => (string?)l.Attribute("writeTo") == (string?)eventLog.Attribute("name"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)eventLog.Attribute("source"), Is.EqualTo("SecureMailGate"));
            Assert.That((string?)eventLog.Attribute("log"), Is.EqualTo("Application"));
            Assert.That((string?)rule.Attribute("name"), Is.EqualTo(AgentHost.AgentLoggerName));
            Assert.That(File.ReadAllText(Path.Combine(RepositoryPaths.Deploy, "Install-SecureMailGate.ps1")), Does.Contain("$EventSource = 'SecureMailGate'"));
        });
    }
}
