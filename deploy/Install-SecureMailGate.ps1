<#
.SYNOPSIS
    Installs or upgrades the SecureMailGate transport agent on this Exchange server.

.DESCRIPTION
    Run in the Exchange Management Shell, as an administrator, on each Mailbox (or Edge) server that sends mail out.
    The script:
      1. copies the agent to -InstallPath (configuration files only when they are not there yet: an upgrade never
         overwrites the administrator's securemailgate.json, accredited lists or NLog.config; the new defaults
         are put beside them as *.default for comparison);
      2. registers the agent (Install-TransportAgent) if it is not registered, enables it and sets its priority;
      3. registers the "SecureMailGate" Event Log source;
      4. restarts MSExchangeTransport once, only when something changed.
    Running it again changes nothing. It works on any Exchange 15 release (2013, 2016, 2019, SE): the agent is built
    against the lowest common API and there is no list of cumulative updates to keep current.

.PARAMETER InstallPath
    Folder for the agent. Default: C:\Program Files\SecureMailGate\Agent.

.PARAMETER Priority
    Position among the transport agents on the same event (1 runs first). SecureMailGate changes the subject, so it
    must run before any DKIM-signing or disclaimer agent. Default: 1.

.PARAMETER NoRestart
    Do not restart MSExchangeTransport (the change takes effect at the next restart).

.EXAMPLE
    .\Install-SecureMailGate.ps1
.EXAMPLE
    .\Install-SecureMailGate.ps1 -InstallPath 'D:\SecureMailGate' -Priority 2
#>
[CmdletBinding()]
param(
    [string] $InstallPath = (Join-Path $env:ProgramFiles 'SecureMailGate\Agent'),
    [ValidateRange(1, 100)]
    [int] $Priority = 1,
    [switch] $NoRestart,
    [string] $SourcePath = (Join-Path $PSScriptRoot 'agent')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$AgentName = 'SecureMailGate'
$FactoryType = 'SecureMailGate.Exchange.SecureMailGateAgentFactory'
$AgentDll = 'SecureMailGate.Exchange.dll'
$EventSource = 'SecureMailGate'
$EventSourceKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\EventLog\Application\SecureMailGate'
$TransportServiceName = 'MSExchangeTransport'
# Files the administrator owns: copied on first install only.
$AdministratorFiles = @('securemailgate.json', 'accredited-domains.txt', 'accredited-domains.sample.txt', 'NLog.config')

function Write-Step([string] $Text) { Write-Host "SecureMailGate: $Text" }

# --- 1. Preconditions ---------------------------------------------------------------------------------------
if (-not (Get-Command Install-TransportAgent -ErrorAction SilentlyContinue)) {
    throw 'Run this script in the Exchange Management Shell (the Install-TransportAgent command is not available here).'
}
if (-not (Test-Path -LiteralPath (Join-Path $SourcePath $AgentDll))) {
    throw "The agent files were not found in '$SourcePath'. Run the script from the unpacked SecureMailGate package."
}
$server = Get-ExchangeServer -Identity ([System.Net.Dns]::GetHostName())
if ("$($server.AdminDisplayVersion)" -notmatch 'Version 15\.') {
    throw "This server runs Exchange '$($server.AdminDisplayVersion)'. SecureMailGate supports Exchange 15 (2013, 2016, 2019, SE) only."
}

$changed = $false
$existing = Get-TransportAgent -TransportService Hub | Where-Object { "$($_.Identity)" -eq $AgentName }
$targetDll = Join-Path $InstallPath $AgentDll

# --- 2. Files -----------------------------------------------------------------------------------------------
$binaries = Get-ChildItem -LiteralPath $SourcePath -File | Where-Object { $AdministratorFiles -notcontains $_.Name }
$stale = @($binaries | Where-Object {
    $target = Join-Path $InstallPath $_.Name
    -not (Test-Path -LiteralPath $target) -or
        (Get-FileHash -LiteralPath $target).Hash -ne (Get-FileHash -LiteralPath $_.FullName).Hash
})

if ($stale.Count -gt 0) {
    if ($existing) {
        # Transport holds the loaded agent DLLs open: stop it before replacing them.
        Write-Step "upgrading $($stale.Count) file(s); stopping $TransportServiceName while they are replaced"
        Stop-Service -Name $TransportServiceName
    }
    if (-not (Test-Path -LiteralPath $InstallPath)) {
        New-Item -ItemType Directory -Path $InstallPath | Out-Null
    }
    foreach ($file in $stale) {
        Copy-Item -LiteralPath $file.FullName -Destination (Join-Path $InstallPath $file.Name) -Force
    }
    $changed = $true
}

foreach ($name in $AdministratorFiles) {
    $source = Join-Path $SourcePath $name
    if (-not (Test-Path -LiteralPath $source)) { continue }
    $target = Join-Path $InstallPath $name
    if (Test-Path -LiteralPath $target) {
        # Never overwrite the administrator's file; leave the shipped default beside it for comparison.
        Copy-Item -LiteralPath $source -Destination "$target.default" -Force
    } else {
        Write-Step "installing the default $name"
        Copy-Item -LiteralPath $source -Destination $target
        $changed = $true
    }
}

# --- 3. Registration ----------------------------------------------------------------------------------------
if ($existing -and "$($existing.AssemblyPath)" -ne $targetDll) {
    Write-Step "the agent was registered from '$($existing.AssemblyPath)'; registering it from '$targetDll'"
    Uninstall-TransportAgent -Identity $AgentName -TransportService Hub -Confirm:$false
    $existing = $null
}
if (-not $existing) {
    Write-Step 'registering the transport agent'
    Install-TransportAgent -Name $AgentName -TransportAgentFactory $FactoryType -AssemblyPath $targetDll -TransportService Hub | Out-Null
    $existing = Get-TransportAgent -TransportService Hub | Where-Object { "$($_.Identity)" -eq $AgentName }
    $changed = $true
}
if (-not $existing.Enabled) {
    Write-Step 'enabling the transport agent'
    Enable-TransportAgent -Identity $AgentName -TransportService Hub
    $changed = $true
}
if ($existing.Priority -ne $Priority) {
    Write-Step "setting the agent's priority to $Priority (it must run before DKIM-signing and disclaimer agents)"
    Set-TransportAgent -Identity $AgentName -Priority $Priority -TransportService Hub
    $changed = $true
}

# --- 4. Event Log source ------------------------------------------------------------------------------------
if (-not (Test-Path -Path $EventSourceKey)) {
    Write-Step "registering the Event Log source '$EventSource'"
    New-EventLog -LogName Application -Source $EventSource
}

# --- 5. Restart ---------------------------------------------------------------------------------------------
if (-not $changed) {
    Write-Step 'already installed and up to date; nothing changed'
} elseif ($NoRestart) {
    Write-Step "done; restart $TransportServiceName for the change to take effect"
} else {
    Write-Step "restarting $TransportServiceName"
    Restart-Service -Name $TransportServiceName
    Write-Step 'done'
}
