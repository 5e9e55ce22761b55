<#
.SYNOPSIS
    Installs or upgrades the SecureMailGate transport agent on this Exchange server.

.DESCRIPTION
    Run in the Exchange Management Shell, as an administrator, on each Mailbox or Edge Transport server that sends
    mail out (drain the server first: see README.md). The script:
      1. unblocks the files of the unpacked package (Unblock-File) and finds the server's role: Mailbox servers use
         -TransportService Hub, Edge Transport servers -TransportService Edge;
      2. copies the new files to a staging folder beside -InstallPath, then, with MSExchangeTransport stopped, swaps
         them in. The administrator's files (securemailgate.json, accredited-domains.txt,
         accredited-domains.sample.txt, NLog.config) are copied only when they are not there yet; the new defaults
         are put beside them as *.default for comparison;
      3. creates the logs folder, where NETWORK SERVICE (the account transport runs as) may write;
      4. registers the agent (Install-TransportAgent) if needed, enables it, sets its priority and registers the
         "SecureMailGate" Event Log source;
      5. starts MSExchangeTransport again. It is started again even when a step fails (the previous files are then
         put back), so the script never leaves mail stopped.
    Running it again changes nothing. It works on any Exchange 15 release (2013, 2016, 2019, SE) and needs only
    PowerShell 3.0 (Windows Server 2012).

.PARAMETER InstallPath
    Folder for the agent. Default: C:\Program Files\SecureMailGate\Agent.

.PARAMETER Priority
    Position among the transport agents on the same event (1 runs first). SecureMailGate changes the subject, so it
    must run before any DKIM-signing or disclaimer agent. Default: 1.

.PARAMETER NoRestart
    Never stop MSExchangeTransport; the change takes effect at the next restart. If program files that transport has
    open must be replaced (an upgrade), the script says so and stops with nothing changed.

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
. (Join-Path $PSScriptRoot 'SecureMailGate.Common.ps1')

$FactoryType = 'SecureMailGate.Exchange.SecureMailGateAgentFactory'
$AgentDll = 'SecureMailGate.Exchange.dll'
$EventSource = 'SecureMailGate'
$EventSourceKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\EventLog\Application\SecureMailGate'
# NETWORK SERVICE by SID (S-1-5-20), not by name: the name is translated on non-English Windows.
# Modify, inherited by the files and subfolders NLog creates: (OI)(CI)M.
$LogsGrant = '*S-1-5-20:(OI)(CI)M'
$InstallPath = $InstallPath.TrimEnd('\', '/')
$StagingPath = "$InstallPath.staging"
$PreviousPath = "$InstallPath.previous"
$LogsPath = Join-Path $InstallPath 'logs'
$TargetDll = Join-Path $InstallPath $AgentDll

# Compares contents with .NET (Get-FileHash needs PowerShell 4.0).
function Get-ContentHash([string] $Path) {
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $stream = [System.IO.File]::OpenRead($Path)
    try { [System.BitConverter]::ToString($sha.ComputeHash($stream)) } finally { $stream.Dispose(); $sha.Dispose() }
}

function Test-SameContent([string] $Source, [string] $Target) {
    if (-not (Test-Path -LiteralPath $Target)) { return $false }
    if ((Get-Item -LiteralPath $Source).Length -ne (Get-Item -LiteralPath $Target).Length) { return $false }
    return (Get-ContentHash $Source) -eq (Get-ContentHash $Target)
}

function Remove-Folder([string] $Path) {
    if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force }
}

function Test-EmptyFolder([string] $Path) {
    return -not (Test-Path -LiteralPath $Path) -or @(Get-ChildItem -LiteralPath $Path -Force).Count -eq 0
}

# Moves each staged file into place, first moving the file it replaces to $PreviousPath; $Journal records each
# step so that Undo-FileSwap can put the previous files back.
function Move-StagedFiles($Files, [System.Collections.ArrayList] $Journal) {
    if (-not (Test-Path -LiteralPath $InstallPath)) { New-Item -ItemType Directory -Path $InstallPath | Out-Null }
    New-Item -ItemType Directory -Path $PreviousPath | Out-Null
    foreach ($file in $Files) {
        $backup = $null
        if (Test-Path -LiteralPath $file.Target) {
            $backup = Join-Path $PreviousPath (Split-Path -Leaf $file.Target)
            Move-Item -LiteralPath $file.Target -Destination $backup
        }
        [void] $Journal.Add(@{ Target = $file.Target; Backup = $backup })
        Move-Item -LiteralPath $file.Staged -Destination $file.Target
    }
}

function Undo-FileSwap([System.Collections.ArrayList] $Journal) {
    for ($i = $Journal.Count - 1; $i -ge 0; $i--) {
        $entry = $Journal[$i]
        if (Test-Path -LiteralPath $entry.Target) { Remove-Item -LiteralPath $entry.Target -Force }
        if ($entry.Backup) { Move-Item -LiteralPath $entry.Backup -Destination $entry.Target }
    }
}

# --- 1. Preconditions ---------------------------------------------------------------------------------------
Assert-ExchangeManagementShell 'Install-TransportAgent'
if (-not (Test-Path -LiteralPath (Join-Path $SourcePath $AgentDll))) {
    throw "The agent files were not found in '$SourcePath'. Run the script from the unpacked SecureMailGate package; nothing was changed."
}
$TransportService = Get-TransportServiceRole

# Files downloaded from the internet carry a mark that stops .NET Framework loading them: remove it from the
# package, before anything is copied from it.
$packageRoot = Split-Path -Parent $SourcePath
if (-not $packageRoot) { $packageRoot = $SourcePath }
foreach ($file in Get-ChildItem -LiteralPath $packageRoot -Recurse -File) {
    Unblock-File -LiteralPath $file.FullName
}

# --- 2. What needs doing ------------------------------------------------------------------------------------
$existing = Get-RegisteredAgent $TransportService
$loadedFrom = if ($existing) { Split-Path -Parent "$($existing.AssemblyPath)" } else { $null }
$files = @(foreach ($source in Get-ChildItem -LiteralPath $SourcePath -File) {
    $target = Join-Path $InstallPath $source.Name
    $isAdministratorFile = $AdministratorFiles -contains $source.Name
    if ($isAdministratorFile -and (Test-Path -LiteralPath $target)) {
        # Never overwrite the administrator's file; when it differs from the shipped default, leave the default
        # beside it for comparison.
        if (Test-SameContent $source.FullName $target) { continue }
        $target = "$target.default"
    }
    if (-not (Test-SameContent $source.FullName $target)) {
        New-Object PSObject -Property @{
            Source = $source.FullName
            Staged = Join-Path $StagingPath (Split-Path -Leaf $target)
            Target = $target
            # A new *.default takes effect without a restart; everything else needs transport to load it.
            NeedsRestart = -not $target.EndsWith('.default')
            # Transport keeps the program files of a loaded agent open: they can only be replaced while it is stopped.
            Held = (-not $isAdministratorFile) -and $loadedFrom -and ($InstallPath -eq $loadedFrom) -and (Test-Path -LiteralPath $target)
        }
    }
})
$reRegister = $existing -and "$($existing.AssemblyPath)" -ne $TargetDll
$registrationChanges = (-not $existing) -or $reRegister -or (-not $existing.Enabled) -or ($existing.Priority -ne $Priority)
$needsRestart = $registrationChanges -or @($files | Where-Object { $_.NeedsRestart }).Count -gt 0
$needsEventSource = -not (Test-Path -Path $EventSourceKey)
$needsLogs = -not (Test-Path -LiteralPath $LogsPath)

if (-not $needsRestart -and $files.Count -eq 0 -and -not $needsEventSource -and -not $needsLogs) {
    Write-Step 'already installed and up to date; nothing changed'
    return
}
$held = @($files | Where-Object { $_.Held })
if ($NoRestart -and $held.Count -gt 0) {
    throw ("SecureMailGate: $($held.Count) program file(s) in '$InstallPath' must be replaced, and $TransportServiceName " +
        'has them open, so they can be replaced only while it is stopped. Nothing was changed and the service was not ' +
        'stopped. Drain this server and run the script again without -NoRestart (see README.md, "Upgrade").')
}

# --- 3. Stage the new files (transport still running; a failure here changes nothing) -----------------------
if (-not (Test-EmptyFolder $PreviousPath)) {
    throw "SecureMailGate: '$PreviousPath' holds files that an earlier run could not put back. Nothing was changed. Compare them with '$InstallPath', copy back what is missing, delete that folder, then run the script again."
}
Remove-Folder $StagingPath
Remove-Folder $PreviousPath
if ($files.Count -gt 0) {
    Write-Step "staging $($files.Count) file(s) in '$StagingPath'"
    New-Item -ItemType Directory -Path $StagingPath | Out-Null
    try {
        foreach ($file in $files) { Copy-Item -LiteralPath $file.Source -Destination $file.Staged }
    } catch {
        Remove-Folder $StagingPath
        throw "SecureMailGate: copying the new files to '$StagingPath' failed: $($_.Exception.Message). Nothing was changed and $TransportServiceName was not stopped. Check the free disk space and your rights on that folder, then run the script again."
    }
}

# --- 4. Swap, register, start again ---------------------------------------------------------------------------
$journal = New-Object System.Collections.ArrayList
$script:registeredHere = $false
$stopTransport = $needsRestart -and -not $NoRestart
try {
    Invoke-TransportChange -StopTransport $stopTransport -Change {
        if ($files.Count -gt 0) {
            Write-Step "putting $($files.Count) new file(s) in '$InstallPath'"
            Move-StagedFiles $files $journal
        }
        if (-not (Test-Path -LiteralPath $LogsPath)) {
            New-Item -ItemType Directory -Path $LogsPath | Out-Null
        }
        # Transport runs as NETWORK SERVICE and writes the agent log and audit trail here.
        icacls $LogsPath /grant $LogsGrant /Q | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "icacls could not give NETWORK SERVICE modify rights on '$LogsPath' (exit code $LASTEXITCODE)." }

        $agent = $existing
        if ($reRegister) {
            Write-Step "the agent was registered from '$($agent.AssemblyPath)'; registering it from '$TargetDll'"
            Uninstall-TransportAgent -Identity $AgentName -TransportService $TransportService -Confirm:$false
            $agent = $null
        }
        if (-not $agent) {
            Write-Step "registering the transport agent (-TransportService $TransportService)"
            Install-TransportAgent -Name $AgentName -TransportAgentFactory $FactoryType -AssemblyPath $TargetDll -TransportService $TransportService | Out-Null
            $script:registeredHere = $true
            $agent = Get-RegisteredAgent $TransportService
        }
        if (-not $agent.Enabled) {
            Write-Step 'enabling the transport agent'
            Enable-TransportAgent -Identity $AgentName -TransportService $TransportService
        }
        if ($agent.Priority -ne $Priority) {
            Write-Step "setting the agent's priority to $Priority (it must run before DKIM-signing and disclaimer agents)"
            Set-TransportAgent -Identity $AgentName -Priority $Priority -TransportService $TransportService
        }
        if ($needsEventSource) {
            Write-Step "registering the Event Log source '$EventSource'"
            New-EventLog -LogName Application -Source $EventSource
        }
    } -Undo {
        # A registration that points at files that are not there would stop transport loading its agents.
        if ($script:registeredHere) { Uninstall-TransportAgent -Identity $AgentName -TransportService $TransportService -Confirm:$false }
        Undo-FileSwap $journal
    }
} catch {
    $restarted = if ($stopTransport) { "$TransportServiceName was started again" } else { "$TransportServiceName was not stopped" }
    throw "SecureMailGate: the installation failed; the files it had replaced were put back and $restarted. Fix the cause and run the script again. The cause: $($_.Exception.Message)"
} finally {
    Remove-Folder $StagingPath
    # After a failure this folder is empty unless putting a file back failed: then it keeps the only copy.
    if (Test-EmptyFolder $PreviousPath) { Remove-Folder $PreviousPath }
}
Remove-Folder $PreviousPath

if ($needsRestart -and $NoRestart) {
    Write-Step "done; restart $TransportServiceName for the change to take effect"
} else {
    Write-Step 'done'
}
