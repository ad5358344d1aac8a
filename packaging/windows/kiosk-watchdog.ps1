# Keep the clinic kiosk running: start it, start it again 1 second after it exits, and kill
# and restart it when it hangs (the Windows counterpart of the Linux service's Restart=always,
# RestartSec=1 and WatchdogSec=10). A hang is seen through a heartbeat file that the kiosk's UI
# thread touches every 2.5 s (KIOSK_HEARTBEAT_FILE, kiosk/runtime/sd_notify.py): older than
# 15 s means the UI thread is stuck. Only the kiosk process this script started is ever
# stopped, by its process id (never by a name filter, which could match this script).
# The installer starts this at every logon of the kiosk account; it sets the kiosk's folders.
$ErrorActionPreference = 'Continue'
$data = Join-Path $env:ProgramData 'ClinicKiosk'
$env:KIOSK_CONTENT = Join-Path $data 'content'
$env:KIOSK_DATA_DIR = Join-Path $data 'data'
$env:KIOSK_LOG_DIR = Join-Path $data 'logs'
$heartbeat = Join-Path $env:KIOSK_DATA_DIR 'heartbeat'
$env:KIOSK_HEARTBEAT_FILE = $heartbeat
$kiosk = Join-Path $PSScriptRoot 'kiosk.exe'
$silenceLimit = [TimeSpan]::FromSeconds(15)
$startGrace = [TimeSpan]::FromSeconds(30)   # the first heartbeat follows the first frame
# Stops once the kiosk is uninstalled.
while (Test-Path $kiosk) {
    Remove-Item -LiteralPath $heartbeat -ErrorAction SilentlyContinue
    $started = Get-Date
    # No -Wait: it would also wait for any child process the kiosk leaves behind.
    $run = Start-Process -FilePath $kiosk -ArgumentList 'run' -NoNewWindow -PassThru
    while (-not $run.HasExited) {
        Start-Sleep -Seconds 1
        $age = $null
        if (Test-Path -LiteralPath $heartbeat) {
            $age = (Get-Date) - (Get-Item -LiteralPath $heartbeat).LastWriteTime
        }
        $late = if ($null -eq $age) { ((Get-Date) - $started) -gt $startGrace } else { $age -gt $silenceLimit }
        if ($late) {
            Stop-Process -Id $run.Id -Force -ErrorAction SilentlyContinue
            $run.WaitForExit(5000) | Out-Null
            break
        }
    }
    # Exit status 10 means staff chose "Exit kiosk" on the staff panel: stay stopped.
    if ($run.HasExited -and $run.ExitCode -eq 10) { break }
    Start-Sleep -Seconds 1
}
