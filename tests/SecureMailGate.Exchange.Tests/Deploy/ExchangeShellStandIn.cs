using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SecureMailGate.Exchange.Tests.Deploy;

/// <summary>
/// A PowerShell runspace that looks like an Exchange Management Shell to the deploy scripts: the Exchange cmdlets,
/// the service cmdlets, New-EventLog and the registry check are functions that keep state and record every call.
/// State survives between script runs, so a test can install, run again, upgrade and uninstall like an admin would.
/// </summary>
internal sealed class ExchangeShellStandIn : IDisposable
{
    private const string StandIns = """
        $global:SmgCalls = [System.Collections.Generic.List[string]]::new()
        $global:SmgAgents = [ordered]@{}
        $global:SmgEventSources = [System.Collections.Generic.List[string]]::new()
        $global:SmgExchangeVersion = 'Version 15.2 (Build 1544.4)'
        function global:Get-ExchangeServer { param($Identity) [pscustomobject]@{ Name = $Identity; AdminDisplayVersion = $global:SmgExchangeVersion } }
        function global:Get-TransportAgent { param($Identity, $TransportService) foreach ($a in $global:SmgAgents.Values) { $a } }
        function global:Install-TransportAgent {
            param($Name, $TransportAgentFactory, $AssemblyPath, $TransportService)
            $global:SmgCalls.Add("Install-TransportAgent $Name $TransportAgentFactory $AssemblyPath $TransportService")
            $global:SmgAgents[$Name] = [pscustomobject]@{ Identity = $Name; Enabled = $false; Priority = 7; TransportAgentFactory = $TransportAgentFactory; AssemblyPath = $AssemblyPath }
            $global:SmgAgents[$Name]
        }
        function global:Uninstall-TransportAgent { param($Identity, $TransportService, [switch] $Confirm) $global:SmgCalls.Add("Uninstall-TransportAgent $Identity"); $global:SmgAgents.Remove($Identity) }
        function global:Enable-TransportAgent { param($Identity, $TransportService) $global:SmgCalls.Add("Enable-TransportAgent $Identity"); $global:SmgAgents[$Identity].Enabled = $true }
        function global:Disable-TransportAgent { param($Identity, $TransportService, [switch] $Confirm) $global:SmgCalls.Add("Disable-TransportAgent $Identity"); $global:SmgAgents[$Identity].Enabled = $false }
        function global:Set-TransportAgent { param($Identity, $Priority, $TransportService) $global:SmgCalls.Add("Set-TransportAgent $Identity -Priority $Priority"); $global:SmgAgents[$Identity].Priority = $Priority }
        function global:Stop-Service { param($Name) $global:SmgCalls.Add("Stop-Service $Name") }
        function global:Start-Service { param($Name) $global:SmgCalls.Add("Start-Service $Name") }
        function global:Restart-Service { param($Name) $global:SmgCalls.Add("Restart-Service $Name") }
        function global:New-EventLog { param($LogName, $Source) $global:SmgCalls.Add("New-EventLog $LogName $Source"); $global:SmgEventSources.Add($Source) }
        function global:Test-Path {
            param([Parameter(Position = 0)] [string] $Path, [string] $LiteralPath)
            if ($Path -like 'HKLM:*') { return $global:SmgEventSources.Contains(($Path -split '\\')[-1]) }
            if ($LiteralPath) { Microsoft.PowerShell.Management\Test-Path -LiteralPath $LiteralPath } else { Microsoft.PowerShell.Management\Test-Path -Path $Path }
        }
        """;

    private readonly Runspace runspace;

    public ExchangeShellStandIn(bool exchangeCmdlets = true)
    {
        var state = InitialSessionState.CreateDefault();
        if (OperatingSystem.IsWindows())
        {
            // Execution policy exists only on Windows; elsewhere scripts always run.
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        if (exchangeCmdlets)
        {
            Invoke(ps => ps.AddScript(StandIns));
        }
    }

    public List<string> Messages { get; } = new();

    public IReadOnlyList<string> Calls => Invoke(ps => ps.AddScript("$global:SmgCalls")).Select(o => o.ToString()).ToList();

    public void SetExchangeVersion(string version) => Invoke(ps => ps.AddScript("$global:SmgExchangeVersion = $args[0]").AddArgument(version));

    public void ClearCalls() => Invoke(ps => ps.AddScript("$global:SmgCalls.Clear()"));

    public PSObject? Agent(string name) => Invoke(ps => ps.AddScript("$global:SmgAgents[$args[0]]").AddArgument(name)).SingleOrDefault();

    /// <summary>Runs a deploy script with named parameters (a switch is given as true).</summary>
    public void Run(string script, IDictionary<string, object> parameters)
    {
        Invoke(ps =>
        {
            ps.AddCommand(Path.Combine(RepositoryPaths.Deploy, script));
            foreach (var (name, value) in parameters)
            {
                ps.AddParameter(name, value is true ? new SwitchParameter(true) : value);
            }
        });
    }

    public void Dispose() => runspace.Dispose();

    private IReadOnlyList<PSObject> Invoke(Action<PowerShell> build)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        build(ps);
        var output = ps.Invoke();
        Messages.AddRange(ps.Streams.Information.Select(i => i.MessageData.ToString() ?? string.Empty));
        return output.Where(o => o is not null).ToList();
    }
}
