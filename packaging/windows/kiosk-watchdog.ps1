# Keep the clinic kiosk running: start it, and start it again 2 seconds after it exits for
# any reason (the Windows counterpart of the Linux service's Restart=always, RestartSec=2).
# The installer starts this at every logon (HKLM Run entry); it sets the kiosk's folders.
$ErrorActionPreference = 'Continue'
$data = Join-Path $env:ProgramData 'ClinicKiosk'
$env:KIOSK_CONTENT = Join-Path $data 'content'
$env:KIOSK_DATA_DIR = Join-Path $data 'data'
$env:KIOSK_LOG_DIR = Join-Path $data 'logs'
$kiosk = Join-Path $PSScriptRoot 'kiosk.exe'
# Stops once the kiosk is uninstalled.
# Exit status 10 means staff chose "Exit kiosk" on the staff panel: stay stopped.
while (Test-Path $kiosk) {
    $run = Start-Process -FilePath $kiosk -ArgumentList 'run' -Wait -NoNewWindow -PassThru
    if ($run.ExitCode -eq 10) { break }
    Start-Sleep -Seconds 2
}
