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
        File.WriteAllText(Path.Combine(package, "securemailgate.json"), "{ \"mode\": \"monitor\" }");
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

    [TestCaseSource(nameof(Scripts))]
    public void Every_script_runs_on_PowerShell_3_of_Windows_Server_2012(string script)
    {
        var ast = Parser.ParseFile(script, out _, out _);
        var ownFunctions = Scripts().SelectMany(s => Parser.ParseFile(s, out _, out _).FindAll(a => a is FunctionDefinitionAst, true))
            .Select(f => ((FunctionDefinitionAst)f).Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var commands = ast.FindAll(a => a is CommandAst, true).Select(c => ((CommandAst)c).GetCommandName())
            .Where(name => name is not null && !ownFunctions.Contains(name)).Select(name => name!).Distinct();
        var newerSyntax = ast.FindAll(a => a is TypeDefinitionAst or UsingStatementAst
            || (a is InvokeMemberExpressionAst { Static: true, Member: StringConstantExpressionAst { Value: var member } } && member.Equals("new", StringComparison.OrdinalIgnoreCase)), true);

        Assert.Multiple(() =>
        {
            Assert.That(commands.Where(c => !PowerShell3Commands.Contains(c)), Is.Empty, "commands that are not in PowerShell 3.0 or the Exchange Management Shell");
            Assert.That(newerSyntax.Select(a => $"{a.Extent.StartLineNumber}: {a.Extent.Text}"), Is.Empty, "class, using and [type]::new() need PowerShell 5");
            Assert.That(File.ReadAllText(script), Does.Not.Contain("::new(").IgnoreCase);
        });
    }

    [Test]
    public void A_fresh_install_on_a_Mailbox_server_registers_with_Hub_and_starts_transport_again()
    {
        using var shell = new ExchangeShellStandIn();

        shell.Run(Install, InstallParameters());

        var agentDll = Path.Combine(installPath, "SecureMailGate.Exchange.dll");
        var agent = shell.Agent("SecureMailGate")!;
        Assert.Multiple(() =>
        {
            Assert.That(shell.Calls, Is.EqualTo(new[]
            {
                "Stop-Service MSExchangeTransport",
                $"Install-TransportAgent SecureMailGate SecureMailGate.Exchange.SecureMailGateAgentFactory {agentDll} Hub",
                "Enable-TransportAgent SecureMailGate",
                "Set-TransportAgent SecureMailGate -Priority 1",
                "New-EventLog Application SecureMailGate",
                "Start-Service MSExchangeTransport",
            }));
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
            Assert.That(agent.Properties["Enabled"].Value, Is.EqualTo(true));
            Assert.That(Directory.GetFiles(installPath).Select(Path.GetFileName), Is.EquivalentTo(PackageFiles));
            Assert.That(shell.FileMoves, Has.All.StartsWith(Path.Combine(work, "Program Files", "SecureMailGate", "Agent.staging")), "files come from the staging folder");
            Assert.That(Directory.Exists(installPath + ".staging") || Directory.Exists(installPath + ".previous"), Is.False, "staging folders are removed");
            Assert.That(shell.Messages, Has.Some.Contains("Mailbox server"));
        });
    }

    [Test]
    public void A_fresh_install_on_an_Edge_Transport_server_uses_the_Edge_transport_service()
    {
        using var shell = new ExchangeShellStandIn();
        shell.PlayEdgeTransportServer();

        shell.Run(Install, InstallParameters());

        var agentDll = Path.Combine(installPath, "SecureMailGate.Exchange.dll");
        Assert.Multiple(() =>
        {
            // The stand-in refuses -TransportService Hub on an Edge server, so every agent cmdlet got Edge.
            Assert.That(shell.Calls, Does.Contain($"Install-TransportAgent SecureMailGate SecureMailGate.Exchange.SecureMailGateAgentFactory {agentDll} Edge"));
            Assert.That(shell.Agent("SecureMailGate")!.Properties["Enabled"].Value, Is.EqualTo(true));
            Assert.That(shell.Calls[^1], Is.EqualTo("Start-Service MSExchangeTransport"));
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
            Assert.That(shell.Messages, Has.Some.Contains("Edge Transport server"));
        });

        shell.ClearCalls();
        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath });
        Assert.That(shell.Calls, Is.EqualTo(UninstallCalls));
    }

    [Test]
    public void The_install_unblocks_the_package_and_lets_NETWORK_SERVICE_write_the_logs()
    {
        using var shell = new ExchangeShellStandIn();

        shell.Run(Install, InstallParameters());

        var logs = Path.Combine(installPath, "logs");
        Assert.Multiple(() =>
        {
            Assert.That(shell.Unblocked, Is.EquivalentTo(Directory.GetFiles(package).Select(f => Path.Combine(package, Path.GetFileName(f)))));
            Assert.That(Directory.Exists(logs), Is.True);
            // By SID (S-1-5-20, not the localised name), Modify, inherited by files (OI) and subfolders (CI).
            Assert.That(shell.Grants, Is.EqualTo(new[] { $"{logs} /grant *S-1-5-20:(OI)(CI)M /Q" }));
        });
    }

    [Test]
    public void Running_the_install_again_changes_nothing_and_never_stops_transport()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        shell.ClearCalls();

        shell.Run(Install, InstallParameters());

        Assert.Multiple(() =>
        {
            Assert.That(shell.Calls, Is.Empty);
            Assert.That(shell.FileMoves, Is.Empty);
            Assert.That(shell.ServiceWasEverStopped, Is.False);
            Assert.That(shell.Messages, Has.Some.Contains("nothing changed"));
        });
    }

    [Test]
    public void An_upgrade_stops_transport_swaps_in_the_staged_files_and_starts_it_again_keeping_the_configuration()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        var adminConfig = "{ \"mode\": \"enforce\", \"internalDomains\": [\"ourtrust.nhs.uk\"] }";
        File.WriteAllText(Path.Combine(installPath, "securemailgate.json"), adminConfig);
        File.WriteAllText(Path.Combine(installPath, "accredited-domains.txt"), "our-own-list.gov.uk");
        NewVersion();
        File.WriteAllText(Path.Combine(package, "securemailgate.json"), "{ \"mode\": \"monitor\", \"new\": 2 }");
        shell.ClearCalls();

        shell.Run(Install, InstallParameters());

        var staging = installPath + ".staging";
        Assert.Multiple(() =>
        {
            Assert.That(shell.Calls, Is.EqualTo(new[] { "Stop-Service MSExchangeTransport", "Start-Service MSExchangeTransport" }), "no re-registration, one stop and start");
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "SecureMailGate.Exchange.dll")), Is.EqualTo("agent v2"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "MimeKit.dll")), Is.EqualTo("mimekit v2"));
            Assert.That(shell.FileMoves, Does.Contain($"{Path.Combine(staging, "SecureMailGate.Exchange.dll")} -> {Path.Combine(installPath, "SecureMailGate.Exchange.dll")}"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "securemailgate.json")), Is.EqualTo(adminConfig));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "accredited-domains.txt")), Is.EqualTo("our-own-list.gov.uk"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "securemailgate.json.default")), Does.Contain("\"new\": 2"));
            Assert.That(Directory.Exists(staging) || Directory.Exists(installPath + ".previous"), Is.False);
        });
    }

    [Test]
    public void An_upgrade_with_NoRestart_says_transport_holds_the_files_and_changes_nothing()
    {
        using var shell = InstalledWithANewVersionInThePackage();
        File.WriteAllText(Path.Combine(package, "securemailgate.json"), "{ \"new\": 2 }");

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Install, InstallParameters(("NoRestart", true))));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("MSExchangeTransport has them open").And.Contain("Nothing was changed").And.Contain("without -NoRestart"));
            Assert.That(shell.ServiceWasEverStopped, Is.False);
            Assert.That(shell.Calls, Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(installPath, "SecureMailGate.Exchange.dll")), Is.EqualTo("agent v1"));
            Assert.That(File.Exists(Path.Combine(installPath, "securemailgate.json.default")), Is.False);
        });
    }

    [Test]
    public void The_stand_in_holds_the_loaded_agent_files_while_transport_runs()
    {
        // What -NoRestart protects against: replacing a loaded DLL while transport runs fails.
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());

        Assert.Throws<RuntimeException>(() => shell.Script("Copy-Item -LiteralPath $args[0] -Destination $args[1] -Force", Path.Combine(package, "MimeKit.dll"), Path.Combine(installPath, "MimeKit.dll")));
    }

    [Test]
    public void NoRestart_on_a_fresh_install_never_stops_transport_and_says_a_restart_is_needed()
    {
        using var shell = new ExchangeShellStandIn();

        shell.Run(Install, InstallParameters(("NoRestart", true)));

        Assert.Multiple(() =>
        {
            Assert.That(shell.ServiceWasEverStopped, Is.False);
            Assert.That(shell.Calls, Has.None.Contains("-Service"));
            Assert.That(shell.Agent("SecureMailGate"), Is.Not.Null);
            Assert.That(shell.Messages, Has.Some.Contains("restart MSExchangeTransport"));
        });
    }

    [Test]
    public void A_failure_after_transport_stopped_puts_the_previous_files_back_and_starts_transport_again()
    {
        using var shell = InstalledWithANewVersionInThePackage();
        // MimeKit.dll is swapped first; the agent DLL then fails to move into place.
        shell.FailOnce("Move-Item", Path.Combine(installPath, "SecureMailGate.Exchange.dll"));

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Install, InstallParameters()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("installation failed").And.Contain("put back").And.Contain("started again").And.Contain("run the script again"));
            Assert.That(shell.Calls, Is.EqualTo(new[] { "Stop-Service MSExchangeTransport", "Start-Service MSExchangeTransport" }));
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "SecureMailGate.Exchange.dll")), Is.EqualTo("agent v1"));
            Assert.That(File.ReadAllText(Path.Combine(installPath, "MimeKit.dll")), Is.EqualTo("mimekit"));
            Assert.That(Directory.Exists(installPath + ".staging") || Directory.Exists(installPath + ".previous"), Is.False);
        });

        shell.ClearCalls();
        shell.Run(Install, InstallParameters());
        Assert.That(File.ReadAllText(Path.Combine(installPath, "SecureMailGate.Exchange.dll")), Is.EqualTo("agent v2"), "running it again after the fault completes the upgrade");
    }

    [Test]
    public void A_registration_failure_on_a_fresh_install_removes_what_it_put_there_and_starts_transport_again()
    {
        using var shell = new ExchangeShellStandIn();
        shell.FailOnce("Set-TransportAgent", "SecureMailGate");

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Install, InstallParameters()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("installation failed").And.Contain("Set-TransportAgent failed"));
            Assert.That(shell.Calls[0], Is.EqualTo("Stop-Service MSExchangeTransport"));
            Assert.That(shell.Calls[^1], Is.EqualTo("Start-Service MSExchangeTransport"));
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
            Assert.That(shell.Agent("SecureMailGate"), Is.Null, "no registration pointing at files that are not there");
            Assert.That(Directory.GetFiles(installPath), Is.Empty);
        });
    }

    [Test]
    public void A_failure_while_staging_changes_nothing_and_never_stops_transport()
    {
        using var shell = InstalledWithANewVersionInThePackage();
        shell.FailOnce("Copy-Item", Path.Combine(installPath + ".staging", "SecureMailGate.Exchange.dll"));

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Install, InstallParameters()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Nothing was changed"));
            Assert.That(shell.ServiceWasEverStopped, Is.False);
            Assert.That(File.ReadAllText(Path.Combine(installPath, "SecureMailGate.Exchange.dll")), Is.EqualTo("agent v1"));
            Assert.That(Directory.Exists(installPath + ".staging"), Is.False);
        });
    }

    [Test]
    public void A_changed_priority_is_applied_without_reinstalling()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        shell.ClearCalls();

        shell.Run(Install, InstallParameters(("Priority", 3)));

        Assert.That(shell.Calls, Is.EqualTo(new[] { "Stop-Service MSExchangeTransport", "Set-TransportAgent SecureMailGate -Priority 3", "Start-Service MSExchangeTransport" }));
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
    public void Uninstall_stops_transport_disables_unregisters_starts_it_again_and_a_second_run_changes_nothing()
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
            Assert.That(first, Is.EqualTo(UninstallCalls));
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
            Assert.That(shell.Calls, Is.Empty);
            Assert.That(shell.ServiceWasEverStopped, Is.False);
            Assert.That(File.Exists(Path.Combine(installPath, "securemailgate.json")), Is.True, "files stay unless asked");
        });
    }

    [Test]
    public void A_failed_uninstall_starts_transport_again_and_leaves_the_agent_enabled()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        shell.ClearCalls();
        shell.FailOnce("Uninstall-TransportAgent", "SecureMailGate");

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath, ["RemoveFiles"] = true }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("removal failed").And.Contain("started again").And.Contain("run the script again"));
            Assert.That(shell.Calls[^1], Is.EqualTo("Start-Service MSExchangeTransport"));
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
            Assert.That(shell.Agent("SecureMailGate")!.Properties["Enabled"].Value, Is.EqualTo(true));
            Assert.That(File.Exists(Path.Combine(installPath, "SecureMailGate.Exchange.dll")), Is.True);
        });
    }

    [Test]
    public void Uninstall_with_NoRestart_never_stops_transport_and_refuses_to_remove_files_it_holds()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        shell.ClearCalls();

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath, ["RemoveFiles"] = true, ["NoRestart"] = true }));
        Assert.That(error!.Message, Does.Contain("Nothing was changed").And.Contain("-RemoveFiles"));
        Assert.That(shell.Calls, Is.Empty);

        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath, ["NoRestart"] = true });

        Assert.Multiple(() =>
        {
            Assert.That(shell.Calls, Is.EqualTo(new[] { "Disable-TransportAgent SecureMailGate", "Uninstall-TransportAgent SecureMailGate" }));
            Assert.That(shell.ServiceWasEverStopped, Is.False);
            Assert.That(shell.Messages, Has.Some.Contains("next restarts"));
        });
    }

    [Test]
    public void Uninstall_with_RemoveFiles_keeps_the_configuration_unless_told_otherwise_and_always_the_logs()
    {
        using var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        File.WriteAllText(Path.Combine(installPath, "logs", "audit-2026-11-25.jsonl"), "{}");

        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath, ["RemoveFiles"] = true });
        var kept = Directory.GetFiles(installPath).Select(Path.GetFileName).ToList();
        shell.Run(Uninstall, new Dictionary<string, object> { ["InstallPath"] = installPath, ["RemoveFiles"] = true, ["RemoveConfiguration"] = true });

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.EquivalentTo(new[] { "securemailgate.json", "accredited-domains.sample.txt", "NLog.config" }));
            Assert.That(Directory.GetFiles(installPath), Is.Empty);
            Assert.That(File.Exists(Path.Combine(installPath, "logs", "audit-2026-11-25.jsonl")), Is.True, "the audit trail stays");
            Assert.That(shell.ServiceStatus, Is.EqualTo("Running"));
        });
    }

    [Test]
    public void The_guide_goes_install_monitor_review_enforce_and_drains_the_server_before_a_restart()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Deploy, "README.md"));
        var order = new[] { "## 3. Install", "## 4. Monitor", "## 5. Replay and review", "## 6. Enforce" }.Select(h => guide.IndexOf(h, StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(order, Has.None.EqualTo(-1), "every roll-out section is there");
            Assert.That(order, Is.Ordered, "sections in roll-out order");
            Assert.That(guide, Does.Contain("Set-ServerComponentState <server> -Component HubTransport -State Draining -Requester Maintenance"));
            Assert.That(guide, Does.Contain("Get-Queue"));
            Assert.That(guide, Does.Contain("-State Active"));
            Assert.That(guide, Does.Contain("dotnet test tests/SecureMailGate.Exchange.RealApiTests -p:ExchangeLibPath=<folder>"));
            Assert.That(guide, Does.Contain("EXCHANGE_LIB_PATH=<folder> deploy/build-package.sh"));
        });
    }

    private static readonly string[] PackageFiles = { "SecureMailGate.Exchange.dll", "MimeKit.dll", "securemailgate.json", "accredited-domains.sample.txt", "NLog.config" };

    private static readonly string[] UninstallCalls =
    {
        "Stop-Service MSExchangeTransport", "Disable-TransportAgent SecureMailGate", "Uninstall-TransportAgent SecureMailGate", "Start-Service MSExchangeTransport",
    };

    /// <summary>
    /// Commands the scripts may use: cmdlets that exist in Windows PowerShell 3.0 (Windows Server 2012), the Exchange
    /// Management Shell's, and icacls.exe. Get-FileHash (4.0) and anything later are not here on purpose.
    /// </summary>
    private static readonly HashSet<string> PowerShell3Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-StrictMode", "Get-Command", "Test-Path", "Join-Path", "Split-Path", "Get-ChildItem", "Get-Item", "New-Item",
        "Copy-Item", "Move-Item", "Remove-Item", "Unblock-File", "Where-Object", "ForEach-Object", "Select-Object", "Out-Null",
        "New-Object", "Write-Host", "Write-Warning", "Write-Verbose", "Get-Service", "Stop-Service", "Start-Service",
        "New-EventLog", "icacls",
        "Get-ExchangeServer", "Get-TransportAgent", "Install-TransportAgent", "Uninstall-TransportAgent",
        "Enable-TransportAgent", "Disable-TransportAgent", "Set-TransportAgent",
    };

    private static IEnumerable<string> Scripts() => Directory.GetFiles(RepositoryPaths.Deploy, "*.ps1");

    private void NewVersion()
    {
        File.WriteAllText(Path.Combine(package, "SecureMailGate.Exchange.dll"), "agent v2");
        File.WriteAllText(Path.Combine(package, "MimeKit.dll"), "mimekit v2");
    }

    /// <summary>A shell where version 1 is installed and loaded, the package holds version 2, and no calls are recorded yet.</summary>
    private ExchangeShellStandIn InstalledWithANewVersionInThePackage()
    {
        var shell = new ExchangeShellStandIn();
        shell.Run(Install, InstallParameters());
        NewVersion();
        shell.ClearCalls();
        return shell;
    }

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
