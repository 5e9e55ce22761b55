<#
.SYNOPSIS
    Shared by Install-SecureMailGate.ps1 and Uninstall-SecureMailGate.ps1 (dot-sourced; running it does nothing).

.DESCRIPTION
    Finds this server's Exchange role (Mailbox: -TransportService Hub; Edge Transport: -TransportService Edge) and
    runs a change with MSExchangeTransport stopped, starting it again whatever happens (try/finally), so that the
    scripts never leave mail stopped. Uses nothing newer than PowerShell 3.0 (Windows Server 2012).
#>

Set-StrictMode -Version Latest

$AgentName = 'SecureMailGate'
$TransportServiceName = 'MSExchangeTransport'
# Files the administrator owns: copied on first install only, never overwritten, kept by -RemoveFiles.
# accredited-domains.txt is never shipped: it is the administrator's own list, made with "securemailgate domains import".
$AdministratorFiles = @('securemailgate.json', 'accredited-domains.txt', 'accredited-domains.sample.txt', 'NLog.config')

function Write-Step([string] $Text) { Write-Host "SecureMailGate: $Text" }

function Assert-ExchangeManagementShell([string] $Command) {
    if (-not (Get-Command $Command -ErrorAction SilentlyContinue)) {
        throw "Run this script in the Exchange Management Shell, opened as administrator (the $Command command is not available here)."
    }
}

# Returns 'Edge' on an Edge Transport server and 'Hub' on a Mailbox server: the value every *-TransportAgent
# cmdlet needs for -TransportService. Refuses anything older than Exchange 15.
function Get-TransportServiceRole {
    $server = Get-ExchangeServer -Identity ([System.Net.Dns]::GetHostName())
    if ("$($server.AdminDisplayVersion)" -notmatch 'Version 15\.') {
        throw "This server runs Exchange '$($server.AdminDisplayVersion)'. SecureMailGate supports Exchange 15 (2013, 2016, 2019, SE) only; nothing was changed."
    }
    if ($server.IsEdgeServer -or "$($server.ServerRole)" -match 'Edge') {
        Write-Step 'this is an Edge Transport server (-TransportService Edge)'
        return 'Edge'
    }
    Write-Step 'this is a Mailbox server (-TransportService Hub)'
    return 'Hub'
}

function Get-RegisteredAgent([string] $TransportService) {
    Get-TransportAgent -TransportService $TransportService | Where-Object { "$($_.Identity)" -eq $AgentName }
}

# Runs $Change, with MSExchangeTransport stopped when $StopTransport is set. If $Change fails, $Undo runs while
# transport is still stopped (so it can put files transport holds back in place); then, success or failure,
# transport is started again and checked to be running.
function Invoke-TransportChange([bool] $StopTransport, [scriptblock] $Change, [scriptblock] $Undo) {
    try {
        if ($StopTransport) {
            Write-Step "stopping $TransportServiceName (mail waits in the queues of the other servers and senders)"
            Stop-Service -Name $TransportServiceName
        }
        try {
            . $Change
        } catch {
            $failure = $_
            try {
                . $Undo
            } catch {
                Write-Warning "SecureMailGate: putting things back failed too: $($_.Exception.Message)"
            }
            throw $failure
        }
    } finally {
        if ($StopTransport) {
            Write-Step "starting $TransportServiceName"
            Start-Service -Name $TransportServiceName
            $status = "$((Get-Service -Name $TransportServiceName).Status)"
            if ($status -ne 'Running') {
                Write-Warning "SecureMailGate: $TransportServiceName is '$status', not running. Start it with 'Start-Service $TransportServiceName' and check the Application Event Log."
            }
        }
    }
}
