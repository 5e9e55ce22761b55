<#
.SYNOPSIS
    Removes the SecureMailGate verdict service. The add-in lets every message go while the service is gone (the gateway
    still checks them); remove the add-in first with Remove-App if it is no longer wanted.
.PARAMETER InstallPath
    The folder the service was installed to. It is kept when -KeepFiles is given (settings and logs).
#>
[CmdletBinding()]
param(
    [string] $InstallPath = (Join-Path $env:ProgramFiles 'SecureMailGate\VerdictService'),
    [switch] $KeepFiles
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ServiceName = 'SecureMailGateVerdict'

$service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne 'Stopped') { Stop-Service -Name $ServiceName }
    & sc.exe delete $ServiceName | Out-Null
    Write-Host "SecureMailGate: service $ServiceName removed."
}
if (Get-NetFirewallRule -Name $ServiceName -ErrorAction SilentlyContinue) { Remove-NetFirewallRule -Name $ServiceName }
if (-not $KeepFiles -and (Test-Path $InstallPath)) { Remove-Item -Path $InstallPath -Recurse -Force; Write-Host "SecureMailGate: $InstallPath removed." }
