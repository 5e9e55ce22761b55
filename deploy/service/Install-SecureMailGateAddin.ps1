<#
.SYNOPSIS
    Deploys the SecureMailGate Outlook add-in to the organisation, from the manifest the verdict service serves.

.DESCRIPTION
    Run in the Exchange Management Shell (Exchange 2019 CU12 or later, or 2016 CU22 or later) as an Organization
    Management member. The script downloads https://<service>/addin/manifest.xml (already pointing at that service),
    checks it is the SecureMailGate manifest, and installs it with New-App -OrganizationApp -FileData, enabled for
    everyone and always on (or for -Users only, to pilot). An add-in already installed is replaced (Remove-App, then New-App).

.PARAMETER ServiceUrl
    The verdict service, e.g. https://securemailgate.ourtrust.nhs.uk:8443.

.PARAMETER Users
    Pilot users (mailbox identities). Without it, everyone gets the add-in.

.EXAMPLE
    .\Install-SecureMailGateAddin.ps1 -ServiceUrl https://securemailgate.ourtrust.nhs.uk:8443 -Users priya.shah, amara.okafor
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $ServiceUrl,
    [string[]] $Users
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$DisplayName = 'SecureMailGate'

$base = $ServiceUrl.TrimEnd('/')
$manifestPath = Join-Path ([System.IO.Path]::GetTempPath()) 'securemailgate-manifest.xml'
try {
    Invoke-WebRequest -UseBasicParsing -Uri "$base/addin/manifest.xml" -OutFile $manifestPath -TimeoutSec 30
} catch {
    throw "The manifest could not be downloaded from $base/addin/manifest.xml ($($_.Exception.Message)). Check that the verdict service runs and that this server trusts its certificate."
}

[xml] $manifest = Get-Content -Path $manifestPath -Raw
if ($manifest.OfficeApp.DisplayName.DefaultValue -ne $DisplayName) { throw "$base/addin/manifest.xml is not the SecureMailGate manifest." }
if ((Get-Content -Path $manifestPath -Raw) -notmatch [regex]::Escape("$base/addin/")) { throw "The manifest from $base does not point at ${base}: set SecureMailGate:AddinUrl on the service to $base/addin/taskpane.html and restart it." }
$id = $manifest.OfficeApp.Id

$installed = @(Get-App -OrganizationApp | Where-Object { "$($_.AppId)" -eq $id })
if ($installed.Count -gt 0) {
    Remove-App -OrganizationApp -Identity $id -Confirm:$false
    Write-Host "SecureMailGate: the installed add-in is replaced."
}

$bytes = [System.IO.File]::ReadAllBytes($manifestPath)
if ($Users) {
    New-App -OrganizationApp -FileData $bytes -DefaultStateForUser AlwaysEnabled -ProvidedTo SpecificUsers -UserList $Users | Out-Null
    Write-Host "SecureMailGate: add-in installed for $($Users.Count) pilot user(s)."
} else {
    New-App -OrganizationApp -FileData $bytes -DefaultStateForUser AlwaysEnabled -ProvidedTo Everyone | Out-Null
    Write-Host 'SecureMailGate: add-in installed for everyone. Outlook picks it up within a few hours (restart Outlook to see it sooner).'
}
Remove-Item -Path $manifestPath -Force
