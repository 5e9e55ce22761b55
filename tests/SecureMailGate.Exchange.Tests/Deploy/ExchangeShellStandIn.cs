using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SecureMailGate.Exchange.Tests.Deploy;

/// <summary>
/// A PowerShell runspace that looks like an Exchange Management Shell to the deploy scripts: the Exchange cmdlets,
/// the service cmdlets, New-EventLog, Unblock-File, icacls and the registry check are functions that keep state and
/// record every call. It plays a Mailbox server (only -TransportService Hub exists) or an Edge Transport server (only
/// Edge). MSExchangeTransport is running or stopped; while it runs it holds the DLLs of the agent it loaded at its last
/// start, so replacing them fails as on a server. A test can make one cmdlet call fail. The file cmdlets are the real
/// ones behind those checks. State survives between script runs, so a test can install, run again, upgrade and
/// uninstall like an admin would.
/// </summary>
internal sealed class ExchangeShellStandIn : IDisposable
{
    private const string StandIns = """
        $global:SmgCalls = New-Object 'System.Collections.Generic.List[string]'
        $global:SmgFileMoves = New-Object 'System.Collections.Generic.List[string]'
        $global:SmgUnblocked = New-Object 'System.Collections.Generic.List[string]'
        $global:SmgGrants = New-Object 'System.Collections.Generic.List[string]'
        $global:SmgEventSources = New-Object 'System.Collections.Generic.List[string]'
        $global:SmgAgents = [ordered]@{}
        $global:SmgFailures = @{}
        $global:SmgExchangeVersion = 'Version 15.2 (Build 1544.4)'
        $global:SmgRole = 'Mailbox'
        $global:SmgServiceStatus = 'Running'
        $global:SmgServiceEverStopped = $false
        $global:SmgLoadedFolder = $null

        # A failure a test injected: the first call of $Command on a subject matching the wildcard throws once.
        function global:Invoke-SmgFault([string] $Command, [string] $Subject) {
            if ($global:SmgFailures.ContainsKey($Command) -and $Subject -like $global:SmgFailures[$Command]) {
                $global:SmgFailures.Remove($Command)
                throw "$Command failed on '$Subject' (failure injected by the test)."
            }
        }
        # Transport keeps the program files of the agent it loaded open while it runs.
        function global:Assert-SmgNotHeld([string] $Path) {
            if ($global:SmgServiceStatus -eq 'Running' -and $global:SmgLoadedFolder -and $Path -like '*.dll' -and
                (Microsoft.PowerShell.Management\Split-Path -Parent $Path) -eq $global:SmgLoadedFolder) {
                throw "The process cannot access the file '$Path' because it is being used by another process."
            }
        }
        # Mailbox servers have only the Hub transport service, Edge Transport servers only Edge.
        function global:Assert-SmgTransportService($TransportService) {
            $expected = if ($global:SmgRole -eq 'Edge') { 'Edge' } else { 'Hub' }
            if ("$TransportService" -ne $expected) { throw "-TransportService '$TransportService' does not exist on this $($global:SmgRole) server." }
        }

        function global:Get-ExchangeServer { param($Identity) [pscustomobject]@{ Name = $Identity; AdminDisplayVersion = $global:SmgExchangeVersion; ServerRole = $global:SmgRole; IsEdgeServer = ($global:SmgRole -eq 'Edge') } }
        function global:Get-TransportAgent { param($Identity, $TransportService) Assert-SmgTransportService $TransportService; foreach ($a in $global:SmgAgents.Values) { $a } }
        function global:Install-TransportAgent {
            param($Name, $TransportAgentFactory, $AssemblyPath, $TransportService)
            Assert-SmgTransportService $TransportService
            $global:SmgCalls.Add("Install-TransportAgent $Name $TransportAgentFactory $AssemblyPath $TransportService")
            Invoke-SmgFault 'Install-TransportAgent' $Name
            $global:SmgAgents[$Name] = [pscustomobject]@{ Identity = $Name; Enabled = $false; Priority = 7; TransportAgentFactory = $TransportAgentFactory; AssemblyPath = $AssemblyPath }
            $global:SmgAgents[$Name]
        }
        function global:Uninstall-TransportAgent { param($Identity, $TransportService, [switch] $Confirm) Assert-SmgTransportService $TransportService; $global:SmgCalls.Add("Uninstall-TransportAgent $Identity"); Invoke-SmgFault 'Uninstall-TransportAgent' $Identity; $global:SmgAgents.Remove($Identity) }
        function global:Enable-TransportAgent { param($Identity, $TransportService) Assert-SmgTransportService $TransportService; $global:SmgCalls.Add("Enable-TransportAgent $Identity"); $global:SmgAgents[$Identity].Enabled = $true }
        function global:Disable-TransportAgent { param($Identity, $TransportService, [switch] $Confirm) Assert-SmgTransportService $TransportService; $global:SmgCalls.Add("Disable-TransportAgent $Identity"); $global:SmgAgents[$Identity].Enabled = $false }
        function global:Set-TransportAgent { param($Identity, $Priority, $TransportService) Assert-SmgTransportService $TransportService; $global:SmgCalls.Add("Set-TransportAgent $Identity -Priority $Priority"); Invoke-SmgFault 'Set-TransportAgent' $Identity; $global:SmgAgents[$Identity].Priority = $Priority }

        function global:Get-Service { param($Name) [pscustomobject]@{ Name = $Name; Status = $global:SmgServiceStatus } }
        function global:Stop-Service {
            param($Name)
            $global:SmgCalls.Add("Stop-Service $Name")
            Invoke-SmgFault 'Stop-Service' $Name
            $global:SmgServiceStatus = 'Stopped'
            $global:SmgServiceEverStopped = $true
            $global:SmgLoadedFolder = $null
        }
        function global:Start-Service {
            param($Name)
            $global:SmgCalls.Add("Start-Service $Name")
            Invoke-SmgFault 'Start-Service' $Name
            $global:SmgServiceStatus = 'Running'
            $loaded = @($global:SmgAgents.Values | Where-Object { $_.Enabled }) | Select-Object -First 1
            $global:SmgLoadedFolder = if ($loaded) { Microsoft.PowerShell.Management\Split-Path -Parent $loaded.AssemblyPath } else { $null }
        }
        function global:Restart-Service { param($Name) $global:SmgCalls.Add("Restart-Service $Name"); $global:SmgServiceEverStopped = $true }
        function global:New-EventLog { param($LogName, $Source) $global:SmgCalls.Add("New-EventLog $LogName $Source"); $global:SmgEventSources.Add($Source) }
        function global:Test-Path {
            param([Parameter(Position = 0)] [string] $Path, [string] $LiteralPath)
            if ($Path -like 'HKLM:*') { return $global:SmgEventSources.Contains(($Path -split '\\')[-1]) }
            if ($LiteralPath) { Microsoft.PowerShell.Management\Test-Path -LiteralPath $LiteralPath } else { Microsoft.PowerShell.Management\Test-Path -Path $Path }
        }

        # File cmdlets: the real ones, behind injected failures and the files transport holds open.
        function global:Copy-Item {
            param([string] $LiteralPath, [string] $Destination, [switch] $Force)
            Invoke-SmgFault 'Copy-Item' $Destination
            Assert-SmgNotHeld $Destination
            Microsoft.PowerShell.Management\Copy-Item -LiteralPath $LiteralPath -Destination $Destination -Force:$Force
        }
        function global:Move-Item {
            param([string] $LiteralPath, [string] $Destination)
            Invoke-SmgFault 'Move-Item' $Destination
            Assert-SmgNotHeld $LiteralPath
            Assert-SmgNotHeld $Destination
            $global:SmgFileMoves.Add("$LiteralPath -> $Destination")
            Microsoft.PowerShell.Management\Move-Item -LiteralPath $LiteralPath -Destination $Destination
        }
        function global:Remove-Item {
            param([string] $LiteralPath, [switch] $Recurse, [switch] $Force)
            Invoke-SmgFault 'Remove-Item' $LiteralPath
            Assert-SmgNotHeld $LiteralPath
            Microsoft.PowerShell.Management\Remove-Item -LiteralPath $LiteralPath -Recurse:$Recurse -Force:$Force
        }
        function global:Unblock-File { param([string] $LiteralPath) $global:SmgUnblocked.Add($LiteralPath) }
        # icacls.exe: records the grant; the real one sets $LASTEXITCODE.
        function global:icacls { $global:SmgGrants.Add(($args | ForEach-Object { "$_" }) -join ' '); $global:LASTEXITCODE = 0 }
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

    /// <summary>Warnings the scripts wrote.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>Service and Exchange cmdlet calls, in order (file operations are in <see cref="FileMoves"/>).</summary>

    public IReadOnlyList<string> Calls => Strings("$global:SmgCalls");

    /// <summary>"source -> destination" of every Move-Item.</summary>
    public IReadOnlyList<string> FileMoves => Strings("$global:SmgFileMoves");

    public IReadOnlyList<string> Unblocked => Strings("$global:SmgUnblocked");

    /// <summary>The arguments of every icacls call.</summary>
    public IReadOnlyList<string> Grants => Strings("$global:SmgGrants");

    /// <summary>"Running" or "Stopped".</summary>
    public string ServiceStatus => Strings("$global:SmgServiceStatus").Single();

    public bool ServiceWasEverStopped => (bool)Invoke(ps => ps.AddScript("$global:SmgServiceEverStopped")).Single().BaseObject;

    public void SetExchangeVersion(string version) => Invoke(ps => ps.AddScript("$global:SmgExchangeVersion = $args[0]").AddArgument(version));

    /// <summary>Plays an Edge Transport server (only -TransportService Edge exists) instead of a Mailbox server.</summary>
    public void PlayEdgeTransportServer() => Invoke(ps => ps.AddScript("$global:SmgRole = 'Edge'"));

    /// <summary>The next call of <paramref name="command"/> on a path or name matching the wildcard throws, once.</summary>
    public void FailOnce(string command, string subject) =>
        Invoke(ps => ps.AddScript("$global:SmgFailures[$args[0]] = [System.Management.Automation.WildcardPattern]::Escape($args[1])").AddArgument(command).AddArgument(subject));

    public void ClearCalls() => Invoke(ps => ps.AddScript("$global:SmgCalls.Clear(); $global:SmgFileMoves.Clear(); $global:SmgServiceEverStopped = $false"));

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

    /// <summary>Runs a line of PowerShell in the stand-in shell, with <c>$args</c>.</summary>
    public void Script(string script, params object[] arguments) => Invoke(ps =>
    {
        ps.AddScript(script);
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }
    });

    public void Dispose() => runspace.Dispose();

    private List<string> Strings(string variable) => Invoke(ps => ps.AddScript(variable)).Select(o => o.ToString()).ToList();

    private IReadOnlyList<PSObject> Invoke(Action<PowerShell> build)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        build(ps);
        var output = ps.Invoke();
        Messages.AddRange(ps.Streams.Information.Select(i => i.MessageData.ToString() ?? string.Empty));
        Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
        return output.Where(o => o is not null).ToList();
    }
}
