<#
.SYNOPSIS
    Removes the SecureMailGate transport agent from this Exchange server.

.DESCRIPTION
    Disables and unregisters the agent, then restarts MSExchangeTransport once. The installed files, including the
    administrator's configuration, stay unless -RemoveFiles is given; the configuration files survive even then
    unless -RemoveConfiguration is given too. Running it again when the agent is gone changes nothing.

.PARAMETER InstallPath
    The folder the agent was installed to. Default: C:\Program Files\SecureMailGate\Agent.

.PARAMETER RemoveFiles
    Also delete the agent's program files.

.PARAMETER RemoveConfiguration
    With -RemoveFiles: delete securemailgate.json, accredited-domains.txt and NLog.config as well.

.PARAMETER NoRestart
    Do not restart MSExchangeTransport.
#>
[CmdletBinding()]
param(
    [string] $InstallPath = (Join-Path $env:ProgramFiles 'SecureMailGate\Agent'),
    [switch] $RemoveFiles,
    [switch] $RemoveConfiguration,
    [switch] $NoRestart
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$AgentName = 'SecureMailGate'
$TransportServiceName = 'MSExchangeTransport'
$AdministratorFiles = @('securemailgate.json', 'accredited-domains.txt', 'accredited-domains.sample.txt', 'NLog.config')

function Write-Step([string] $Text) { Write-Host "SecureMailGate: $Text" }

if (-not (Get-Command Uninstall-TransportAgent -ErrorAction SilentlyContinue)) {
    throw 'Run this script in the Exchange Management Shell (the Uninstall-TransportAgent command is not available here).'
}

$changed = $false
$existing = Get-TransportAgent -TransportService Hub | Where-Object { "$($_.Identity)" -eq $AgentName }
if ($existing) {
    if ($existing.Enabled) {
        Write-Step 'disabling the transport agent'
        Disable-TransportAgent -Identity $AgentName -TransportService Hub -Confirm:$false
    }
    Write-Step 'unregistering the transport agent'
    Uninstall-TransportAgent -Identity $AgentName -TransportService Hub -Confirm:$false
    $changed = $true
} else {
    Write-Step 'the transport agent is not registered'
}

if ($changed -and -not $NoRestart) {
    # Transport releases the agent's files only when it restarts.
    Write-Step "restarting $TransportServiceName"
    Restart-Service -Name $TransportServiceName
}

if ($RemoveFiles -and (Test-Path -LiteralPath $InstallPath)) {
    foreach ($file in Get-ChildItem -LiteralPath $InstallPath -File) {
        $isConfiguration = $AdministratorFiles -contains $file.Name
        if ($RemoveConfiguration -or -not $isConfiguration) {
            Remove-Item -LiteralPath $file.FullName -Force
        }
    }
    if (-not (Get-ChildItem -LiteralPath $InstallPath -Force)) {
        Remove-Item -LiteralPath $InstallPath -Force
    } else {
        Write-Step "the configuration stays in '$InstallPath'"
    }
}
Write-Step 'done'
