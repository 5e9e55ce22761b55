using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using NUnit.Framework;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Service.Tests;

/// <summary>
/// The service's deploy scripts parse, and the add-in installer, run against stand-in Exchange cmdlets (Get-App,
/// Remove-App, New-App), installs exactly the manifest the running service serves.
/// </summary>
[TestFixture]
public sealed class DeployScriptTests
{
    private const string StandIns = """
        $global:SmgApps = New-Object 'System.Collections.Generic.List[object]'
        $global:SmgCalls = New-Object 'System.Collections.Generic.List[string]'
        function global:Get-App { param([switch] $OrganizationApp) foreach ($a in $global:SmgApps) { $a } }
        function global:Remove-App {
            param([switch] $OrganizationApp, $Identity, $Confirm)
            $global:SmgCalls.Add("Remove-App $Identity")
            $keep = @($global:SmgApps | Where-Object { "$($_.AppId)" -ne "$Identity" })
            $global:SmgApps.Clear(); foreach ($k in $keep) { $global:SmgApps.Add($k) }
        }
        function global:New-App {
            param([switch] $OrganizationApp, [byte[]] $FileData, $DefaultStateForUser, $ProvidedTo, $UserList)
            [xml] $m = [System.Text.Encoding]::UTF8.GetString($FileData)
            $global:SmgCalls.Add("New-App $DefaultStateForUser $ProvidedTo $($UserList -join ',')")
            $app = [pscustomobject]@{ AppId = $m.OfficeApp.Id; DisplayName = $m.OfficeApp.DisplayName.DefaultValue; FileData = $FileData }
            $global:SmgApps.Add($app)
            $app
        }
        """;

    private static string Folder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "deploy", "service"));

    private static IEnumerable<string> Scripts() => Directory.GetFiles(Folder, "*.ps1").Select(Path.GetFileName)!;

    [TestCaseSource(nameof(Scripts))]
    public void Every_script_parses(string script)
    {
        Parser.ParseFile(Path.Combine(Folder, script), out _, out ParseError[] errors);

        Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
    }

    [Test]
    public async Task The_add_in_installer_installs_the_served_manifest_for_everyone_and_replaces_it_when_run_again()
    {
        await using RunningService service = await RunningService.StartAsync();
        string served = await service.Client.GetStringAsync("addin/manifest.xml");
        using Runspace shell = Shell();

        Run(shell, "-ServiceUrl", service.Origin);
        Run(shell, "-ServiceUrl", service.Origin + "/", "-Users", "priya.shah,amara.okafor");

        string[] calls = Invoke(shell, "$global:SmgCalls").Select(o => o.ToString()).ToArray();
        Assert.That(calls, Is.EqualTo(new[]
        {
            "New-App AlwaysEnabled Everyone ",
            "Remove-App 6f1d0c5e-3a1b-4f4e-9a53-2b7d8c9e5a10",
            "New-App AlwaysEnabled SpecificUsers priya.shah,amara.okafor",
        }));
        Assert.That(Invoke(shell, "$global:SmgApps.Count").Single().BaseObject, Is.EqualTo(1), "one add-in, replaced");
        byte[] installed = (byte[])Invoke(shell, ",($global:SmgApps[0].FileData)").Single().BaseObject;
        Assert.That(System.Text.Encoding.UTF8.GetString(installed), Is.EqualTo(served));
    }

    [Test]
    public void The_add_in_installer_says_what_to_check_when_the_service_cannot_be_reached()
    {
        using Runspace shell = Shell();

        var error = Assert.Throws<RuntimeException>(() => Run(shell, "-ServiceUrl", "http://127.0.0.1:9"));

        Assert.That(error!.Message, Does.StartWith("The manifest could not be downloaded from http://127.0.0.1:9/addin/manifest.xml"));
        Assert.That(error.Message, Does.EndWith("Check that the verdict service runs and that this server trusts its certificate."));
    }

    private static Runspace Shell()
    {
        InitialSessionState state = InitialSessionState.CreateDefault();
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        Runspace runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        Invoke(runspace, StandIns);
        return runspace;
    }

    private static void Run(Runspace shell, params string[] arguments)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = shell;
        ps.AddCommand(Path.Combine(Folder, "Install-SecureMailGateAddin.ps1"));
        for (int i = 0; i < arguments.Length; i += 2)
        {
            object value = arguments[i] == "-Users" ? arguments[i + 1].Split(',') : arguments[i + 1];
            ps.AddParameter(arguments[i].TrimStart('-'), value);
        }

        ps.Invoke();
    }

    private static IReadOnlyList<PSObject> Invoke(Runspace shell, string script)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = shell;
        return ps.AddScript(script).Invoke();
    }
}
