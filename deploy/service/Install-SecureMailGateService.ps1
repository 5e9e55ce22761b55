<#
.SYNOPSIS
    Installs or upgrades the SecureMailGate verdict service (the service the Outlook add-in asks before a message is
    sent) as a Windows service.

.DESCRIPTION
    Run as an administrator on the Windows server that will host the service (not necessarily an Exchange server).
    The script:
      1. checks the certificate: it must be in LocalMachine\My, hold a private key, be valid now and name -HostName;
      2. stops the service if it runs, copies the published service from -SourcePath to -InstallPath (the
         administrator's appsettings.json, securemailgate.json and NLog.config are kept when already there);
      3. writes appsettings.json on first install: HTTPS on -Port with that certificate, the add-in URL
         https://<HostName>:<Port>/addin/taskpane.html, Exchange's metadata URL and the policy file;
      4. creates the service (Windows service "SecureMailGateVerdict", automatic start, restart on failure) running as
         -ServiceAccount (default: its own virtual account NT SERVICE\SecureMailGateVerdict), and lets that account
         read the certificate's private key, read the install folder and write the logs folder;
      5. opens the port in Windows Firewall (domain profile), starts the service and checks /health.
    Running it again changes nothing but the program files.

.PARAMETER HostName
    The DNS name users' Outlook reaches the service by, e.g. securemailgate.ourtrust.nhs.uk.

.PARAMETER CertificateThumbprint
    Thumbprint of the certificate for HostName in LocalMachine\My (issued by a CA the clients trust).

.PARAMETER ExchangeHost
    The Exchange name clients use (Autodiscover / OWA), e.g. mail.ourtrust.nhs.uk; the service reads
    https://<ExchangeHost>/autodiscover/metadata/json/1 to check identity tokens.

.PARAMETER PolicyFile
    The policy the transport agent uses (securemailgate.json), e.g. a path on a share both read. Default: a copy in
    the install folder, which you must keep in step with the agent's.

.PARAMETER AcceptedDomains
    The organisation's accepted domains. Default: Get-AcceptedDomain, when this is run in the Exchange Management
    Shell; otherwise give them.

.PARAMETER ServiceAccount
    Account the service runs as: a group managed service account (DOMAIN\name$) or the default virtual account.

.EXAMPLE
    .\Install-SecureMailGateService.ps1 -HostName securemailgate.ourtrust.nhs.uk -CertificateThumbprint 3F2A... -ExchangeHost mail.ourtrust.nhs.uk -PolicyFile '\\ex01\SecureMailGate$\securemailgate.json' -AcceptedDomains ourtrust.nhs.uk
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $HostName,
    [Parameter(Mandatory = $true)] [string] $CertificateThumbprint,
    [Parameter(Mandatory = $true)] [string] $ExchangeHost,
    [ValidateRange(1, 65535)] [int] $Port = 8443,
    [string] $PolicyFile = 'securemailgate.json',
    [string[]] $AcceptedDomains,
    [string] $ServiceAccount = 'NT SERVICE\SecureMailGateVerdict',
    [string] $InstallPath = (Join-Path $env:ProgramFiles 'SecureMailGate\VerdictService'),
    [string] $SourcePath = (Join-Path $PSScriptRoot 'service')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ServiceName = 'SecureMailGateVerdict'
$Executable = 'SecureMailGate.Service.exe'

function Write-Step([string] $Text) { Write-Host "SecureMailGate: $Text" }

# 1. The certificate.
$thumbprint = ($CertificateThumbprint -replace '\s', '').ToUpperInvariant()
$certificate = Get-ChildItem -Path "Cert:\LocalMachine\My\$thumbprint" -ErrorAction SilentlyContinue
if (-not $certificate) { throw "No certificate with thumbprint $thumbprint in LocalMachine\My. Import the certificate for $HostName (with its private key) first." }
if (-not $certificate.HasPrivateKey) { throw "The certificate $thumbprint has no private key. Import it again from the .pfx file." }
if ($certificate.NotAfter -lt (Get-Date)) { throw "The certificate $thumbprint expired on $($certificate.NotAfter). Renew it, then run this again." }
$names = @($certificate.DnsNameList | ForEach-Object { "$_" })
if (-not ($names | Where-Object { $HostName -like $_ })) { throw "The certificate $thumbprint is for $($names -join ', '), not $HostName. Use a certificate that names $HostName." }

if (-not $AcceptedDomains) {
    if (Get-Command Get-AcceptedDomain -ErrorAction SilentlyContinue) {
        $AcceptedDomains = @(Get-AcceptedDomain | Where-Object { $_.DomainType -ne 'ExternalRelay' } | ForEach-Object { "$($_.DomainName)" })
    } else {
        throw 'Give -AcceptedDomains (the organisation''s own domains), or run this in the Exchange Management Shell.'
    }
}

# 2. The program files; the administrator's settings stay.
if (-not (Test-Path (Join-Path $SourcePath $Executable))) { throw "$SourcePath does not hold $Executable. Unpack the service package and give its service folder with -SourcePath." }
$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped') { Write-Step "stopping $ServiceName"; Stop-Service -Name $ServiceName }
New-Item -ItemType Directory -Force -Path $InstallPath, (Join-Path $InstallPath 'logs') | Out-Null
$kept = 'appsettings.json', 'securemailgate.json', 'NLog.config'
Get-ChildItem -Path $SourcePath | Where-Object { -not (($kept -contains $_.Name) -and (Test-Path (Join-Path $InstallPath $_.Name))) } |
    Copy-Item -Destination $InstallPath -Recurse -Force

# 3. Settings, on first install only.
$settingsPath = Join-Path $InstallPath 'appsettings.json'
if (-not (Test-Path $settingsPath)) {
    $settings = [ordered]@{
        Kestrel = @{ Endpoints = @{ Https = @{ Url = "https://0.0.0.0:$Port"; Certificate = @{ Subject = $HostName; Store = 'My'; Location = 'LocalMachine'; AllowInvalid = $false } } } }
        SecureMailGate = [ordered]@{
            PolicyFile = $PolicyFile
            AcceptedDomains = @($AcceptedDomains)
            AddinUrl = "https://${HostName}:$Port/addin/taskpane.html"
            AuthMetadataUrl = "https://$ExchangeHost/autodiscover/metadata/json/1"
            RequestsPerMinute = 60
            MaxRequestMegabytes = 48
            RequestTimeoutSeconds = 20
        }
    }
    $settings | ConvertTo-Json -Depth 8 | Set-Content -Path $settingsPath -Encoding UTF8
    Write-Step "wrote $settingsPath"
}

# 4. The service and what its account may touch.
$binary = '"' + (Join-Path $InstallPath $Executable) + '"'
if (-not $existing) {
    New-Service -Name $ServiceName -BinaryPathName $binary -DisplayName 'SecureMailGate verdict service' -StartupType Automatic `
        -Description 'Tells the SecureMailGate Outlook add-in what the mail gateway will do with a message before it is sent.' | Out-Null
    Write-Step "created service $ServiceName"
}
& sc.exe config $ServiceName obj= $ServiceAccount | Out-Null
& sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null
& icacls.exe $InstallPath /grant "${ServiceAccount}:(OI)(CI)RX" /T /Q | Out-Null
& icacls.exe (Join-Path $InstallPath 'logs') /grant "${ServiceAccount}:(OI)(CI)M" /T /Q | Out-Null
# The private key's file: CNG keys (RSACng) and legacy CSP keys name it differently.
$rsa = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($certificate)
$keyName = if ($rsa -is [System.Security.Cryptography.RSACng]) { $rsa.Key.UniqueName } elseif ($rsa) { $rsa.CspKeyContainerInfo.UniqueKeyContainerName } else { '' }
$keyPath = @("$env:ProgramData\Microsoft\Crypto\RSA\MachineKeys\$keyName", "$env:ProgramData\Microsoft\Crypto\Keys\$keyName") | Where-Object { $keyName -and (Test-Path $_) } | Select-Object -First 1
if ($keyPath) { & icacls.exe $keyPath /grant "${ServiceAccount}:R" /Q | Out-Null } else { Write-Warning "The certificate's private key file was not found: give $ServiceAccount read access to it (certlm.msc > Manage Private Keys)." }

# 5. Firewall, start, check.
if (-not (Get-NetFirewallRule -Name $ServiceName -ErrorAction SilentlyContinue)) {
    New-NetFirewallRule -Name $ServiceName -DisplayName 'SecureMailGate verdict service (HTTPS)' -Direction Inbound -Protocol TCP -LocalPort $Port -Profile Domain -Action Allow | Out-Null
}
Start-Service -Name $ServiceName
Start-Sleep -Seconds 3
try {
    $health = Invoke-WebRequest -UseBasicParsing -Uri "https://${HostName}:$Port/health" -TimeoutSec 15
    Write-Step "the service answers: $($health.Content)"
} catch {
    Write-Warning "The service did not answer https://${HostName}:$Port/health ($($_.Exception.Message)). Read $InstallPath\logs and the Application event log."
}
Write-Step "next: install the add-in with Install-SecureMailGateAddin.ps1 -ServiceUrl https://${HostName}:$Port in the Exchange Management Shell."
