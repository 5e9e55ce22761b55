using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using NUnit.Framework;

namespace SecureMailGate.Exchange.Tests.Deploy;

[TestFixture]
public sealed class DeployScriptTests
{
    private const string Install = "Install-SecureMailGate.ps1";
    private const string Uninstall = "Uninstall-SecureMailGate.ps1";
    private string work = null!;
    private string package = null!;
    private string installPath = null!;

    [SetUp]
    public void SetUp()
    {
        work = Path.Combine(Path.GetTempPath(), "smg-deploy-" + Guid.NewGuid().ToString("N"));
        package = Path.Combine(work, "package", "agent");
        installPath = Path.Combine(work, "Program Files", "SecureMailGate", "Agent");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "SecureMailGate.Exchange.dll"), "agent v1");
        File.WriteAllText(Path.Combine(package, "MimeKit.dll"), "mimekit");
        File.WriteAllText(Path.Combine(package, "securemailgate.json"), "{ \"mode\": \"enforce\" }");
        File.WriteAllText(Path.Combine(package, "accredited-domains.sample.txt"), "example.gov.uk");
        File.WriteAllText(Path.Combine(package, "NLog.config"), "<nlog/>");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(work, recursive: true);

    [TestCaseSource(nameof(Scripts))]
    public void Every_script_parses_without_errors(string script)
    {
        Parser.ParseFile(script, out _, out var errors);

        Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
    }

    [Test]
    public void A_fresh_install_copies_registers_enables_prioritises_and_restarts_transport_once()
    {
        using var shell = new ExchangeShellStandIn();

        shell.Run(Install, InstallParameters());

        var agentDll = Path.Combine(installPath, "SecureMailGate.Exchange.dll");
        var agent = shell.Agent("SecureMailGate")!;
        Assert.Multiple(() =>
        {
            Assert.That(shell.Calls, Is.EqualTo(new[]
            {
                $"Install-TransportAgent SecureMailGate SecureMailGate.Exchange.SecureMailGateAgentFactory {agentDll} Hub",
                "Enable-TransportAgent SecureMailGate",
                "Set-TransportAgent SecureMailGate -Priority 1",
                "New-EventLog Application SecureMailGate",
                "Restart-Service MSExchangeTransport",
            }));
            Assert.That(agent.Properties["Enabled"].Value, Is.EqualTo(true));
            Assert.That(Directory.GetFiles(installPath).Select(Path.GetFileName), Is.EquivalentTo(new[]
            {
                "SecureMailGate.Exchange.dll", "MimeKit.dll", "securemailgate.json", "accredited-domains.sample.txt", "NLog.config",
            }));
        });
    }

    [Test]
    public void Running_the_install_again_changes_nothing_and_does_not_restart_transport()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        shell.ClearCalls();

        shell.Run(Install, InstallParameters());

        Assert.That(shell.Calls, Is.Empty);
        Assert.That(shell.Messages, Has.Some.Contains("nothing changed"));
    }

    [Test]
    public void An_upgrade_replaces_the_program_but_never_the_administrators_configuration()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        var adminConfig = "{ \"mode\": \"monitor\", \"internalDomains\": [\"ourtrust.nhs.uk\"] }";
        File.WriteAllText(Path.Combine(installPath, "securemailgate.json"), adminConfig);
        File.WriteAllText(Path.Combine(installPath, "accredited-domains.txt"), "our-own-list.gov.uk");
        File.WriteAllText(Path.Combine(package, "SecureMailGate.Exchange.dll"), "agent v2");
        File.WriteAllText(Path.Combine(package, "securemailgate.json"), "{ \"mode\": \"enforce\", \"new\": 2 }");
        shell.ClearCalls();

        shell.Run(Install, InstallParameters());

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(installPath, "SecureMailGate.Exchange.dll")), Is.EqualTo("agent v2"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "securemailgate.json")), Is.EqualTo(adminConfig));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "accredited-domains.txt")), Is.EqualTo("our-own-list.gov.uk"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "securemailgate.json.default")), Does.Contain("\"new\": 2"));
            Assert.That(shell.Calls, Is.EqualTo(new[] { "Stop-Service MSExchangeTransport", "Restart-Service MSExchangeTransport" }), "no re-registration, one restart");
        });
    }

    [Test]
    public void A_changed_priority_is_applied_without_reinstalling()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        shell.ClearCalls();

        shell.Run(Install, InstallParameters(("Priority", 3)));

        Assert.That(shell.Calls, Is.EqualTo(new[] { "Set-TransportAgent SecureMailGate -Priority 3", "Restart-Service MSExchangeTransport" }));
    }

    [Test]
    public void NoRestart_leaves_transport_running_and_says_a_restart_is_needed()
    {
        using var shell = new ExchangeShellStandIn();

        shell.Run(Install, InstallParameters(("NoRestart", true)));

        Assert.That(shell.Calls, Has.None.StartsWith("Restart-Service"));
        Assert.That(shell.Messages, Has.Some.Contains("restart MSExchangeTransport"));
    }

    [Test]
    public void Outside_the_Exchange_Management_Shell_the_install_stops_with_a_clear_message()
    {
        using var shell = new ExchangeShellStandIn(exchangeCmdlets: false);

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Install, InstallParameters()));

        Assert.That(error!.Message, Does.Contain("Exchange Management Shell"));
        Assert.That(Directory.Exists(installPath), Is.False);
    }

    [Test]
    public void Any_Exchange_15_build_is_accepted_and_older_versions_are_refused()
    {
        using var shell = new ExchangeShellStandIn();
        shell.SetExchangeVersion("Version 15.0 (Build 1497.2)");
        Assert.DoesNotThrow(() => shell.Run(Install, InstallParameters()));

        using var old = new ExchangeShellStandIn();
        old.SetExchangeVersion("Version 14.3 (Build 123.4)");
        var error = Assert.Throws<RuntimeException>(() => old.Run(Install, InstallParameters()));
        Assert.That(error!.Message, Does.Contain("Exchange 15"));
    }

    [Test]
    public void Uninstall_disables_unregisters_and_restarts_once_and_a_second_run_changes_nothing()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        shell.ClearCalls();

        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath });
        var first = shell.Calls.ToList();
        shell.ClearCalls();
        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath });

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { "Disable-TransportAgent SecureMailGate", "Uninstall-TransportAgent SecureMailGate", "Restart-Service MSExchangeTransport" }));
            Assert.That(shell.Calls, Is.Empty);
            Assert.That(File.Exists(Path.Combine(installPath, "securemailgate.json")), Is.True, "files stay unless asked");
        });
    }

    [Test]
    public void Uninstall_with_RemoveFiles_keeps_the_configuration_unless_told_otherwise()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());

        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath, ["RemoveFiles"] = true });
        var kept = Directory.GetFiles(installPath).Select(Path.GetFileName).ToList();
        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath, ["RemoveFiles"] = true, ["RemoveConfiguration"] = true });

        Assert.That(kept, Is.EquivalentTo(new[] { "securemailgate.json", "accredited-domains.sample.txt", "NLog.config" }));
        Assert.That(Directory.Exists(installPath), Is.False);
    }

    private static IEnumerable<string> Scripts() => Directory.GetFiles(RepositoryPaths.Deploy, "*.ps1");

    private Dictionary<string, object> InstallParameters(params (string Name, object Value)[] extra)
    {
        var parameters = new Dictionary<string, object> { ["InstallPath"] = installPath, ["SourcePath"] = package };
        foreach (var (name, value) in extra)
        {
            parameters[name] = value;
        }

        return parameters;
    }
}
