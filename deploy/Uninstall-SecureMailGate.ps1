<#
.SYNOPSIS
    Removes the SecureMailGate transport agent from this Exchange server.

.DESCRIPTION
    Run in the Exchange Management Shell, as an administrator (drain the server first: see README.md). With
    MSExchangeTransport stopped, disables and unregisters the agent (-TransportService Hub on a Mailbox server, Edge
    on an Edge Transport server), then starts it again; it is started again even when a step fails, so the script
    never leaves mail stopped. The installed files, including the administrator's configuration and the logs
    (audit trail), stay unless -RemoveFiles is given; the configuration files survive even then unless
    -RemoveConfiguration is given too, and the logs folder always stays. Running it again when the agent is gone
    changes nothing.

.PARAMETER InstallPath
    The folder the agent was installed to. Default: C:\Program Files\SecureMailGate\Agent.

.PARAMETER RemoveFiles
    Also delete the agent's program files.

.PARAMETER RemoveConfiguration
    With -RemoveFiles: delete securemailgate.json, accredited-domains.txt, accredited-domains.sample.txt and
    NLog.config as well.

.PARAMETER NoRestart
    Never stop MSExchangeTransport: the agent is unloaded at the next restart. Cannot be combined with -RemoveFiles
    while the agent is registered, because transport keeps its files open until it restarts.
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
. (Join-Path $PSScriptRoot 'SecureMailGate.Common.ps1')

function Remove-AgentFiles {
    if (-not (Test-Path -LiteralPath $InstallPath)) { return }
    foreach ($file in Get-ChildItem -LiteralPath $InstallPath -File) {
        $isConfiguration = ($AdministratorFiles -contains $file.Name) -or ($AdministratorFiles -contains $file.Name.Replace('.default', ''))
        if ($RemoveConfiguration -or -not $isConfiguration) {
            Remove-Item -LiteralPath $file.FullName -Force
        }
    }
    if (@(Get-ChildItem -LiteralPath $InstallPath -Force).Count -eq 0) {
        Remove-Item -LiteralPath $InstallPath -Force
    } else {
        Write-Step "the configuration and the logs folder (audit trail) stay in '$InstallPath'; delete the logs when your retention period allows"
    }
}

Assert-ExchangeManagementShell 'Uninstall-TransportAgent'
$TransportService = Get-TransportServiceRole
$existing = Get-RegisteredAgent $TransportService

if (-not $existing) {
    Write-Step 'the transport agent is not registered'
    if ($RemoveFiles) { Remove-AgentFiles }
    Write-Step 'done'
    return
}
if ($NoRestart -and $RemoveFiles) {
    throw ("SecureMailGate: -RemoveFiles needs $TransportServiceName to restart, because it keeps the agent's files " +
        'open until then. Nothing was changed and the service was not stopped. Run the script without -NoRestart, or run ' +
        'it now without -RemoveFiles and again with -RemoveFiles after the next restart.')
}

$wasEnabled = [bool] $existing.Enabled
try {
    Invoke-TransportChange -StopTransport (-not $NoRestart) -Change {
        if ($wasEnabled) {
            Write-Step 'disabling the transport agent'
            Disable-TransportAgent -Identity $AgentName -TransportService $TransportService -Confirm:$false
        }
        Write-Step "unregistering the transport agent (-TransportService $TransportService)"
        Uninstall-TransportAgent -Identity $AgentName -TransportService $TransportService -Confirm:$false
        # Transport is stopped, so nothing holds the files; once unregistered, it will not load them again.
        if ($RemoveFiles) { Remove-AgentFiles }
    } -Undo {
        # Leave the agent as it was found when it could not be unregistered.
        if ($wasEnabled -and (Get-RegisteredAgent $TransportService)) {
            Enable-TransportAgent -Identity $AgentName -TransportService $TransportService
        }
    }
} catch {
    $restarted = if ($NoRestart) { "$TransportServiceName was not stopped" } else { "$TransportServiceName was started again" }
    throw "SecureMailGate: the removal failed and $restarted. Fix the cause and run the script again. The cause: $($_.Exception.Message)"
}

if ($NoRestart) {
    Write-Step "done; the agent is unloaded when $TransportServiceName next restarts"
} else {
    Write-Step 'done'
}
