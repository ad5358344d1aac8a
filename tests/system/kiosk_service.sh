#!/usr/bin/env bash
# The kiosk under real systemd, as IT installs it: run inside ../shared/tools/systemd-debian
# (systemd as PID 1) from the project folder, as root:
#
#   ../shared/tools/systemd-debian 'bash tests/system/kiosk_service.sh'
#
# It builds the installer, installs the archive with install.sh, starts Xvfb and the kiosk
# user's service (lingering), then checks from systemd's state, the kiosk's log and the
# screen: the first start, a crash (SIGSEGV), a hang (SIGSTOP: the watchdog), exit status 10
# (stays stopped) and a crash loop (ends on the safe screen). It prints each time measured
# and exits non-zero on the first check that fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

CRASH_TARGET_S=2.5       # crash -> first frame, restart delay included
WATCHDOG_S=10            # WatchdogSec= in packaging/kiosk.service
HANG_TARGET_S=$(awk -v w="$WATCHDOG_S" 'BEGIN { print w + 2.5 }')
LOG=/var/log/kiosk/kiosk.log
RESULTS=${KIOSK_SERVICE_RESULTS:-/tmp/kiosk-service-results.txt}
: >"$RESULTS"

say() { printf 'kiosk_service: %s\n' "$*"; }
record() { say "$*"; printf '%s\n' "$*" >>"$RESULTS"; }
fail() {
    say "FAILED: $*"
    journalctl --no-pager -n 60 _SYSTEMD_USER_UNIT=kiosk.service 2>/dev/null || true
    journalctl --no-pager -n 30 -u "user@$(id -u kiosk 2>/dev/null || echo 0).service" || true
    tail -n 40 "$LOG" 2>/dev/null || true
    exit 1
}

say "building the installer"
make installer >/tmp/kiosk-installer.log 2>&1 || { tail -n 40 /tmp/kiosk-installer.log; fail "make installer"; }
apt-get install -y -q xvfb imagemagick x11-utils >/dev/null 2>&1 || fail "apt-get install xvfb"

say "installing the archive as IT would, on a PC where the speech packages cannot be fetched"
# An offline PC, as far as the optional speech packages go: apt may not install them.
printf 'Package: speech-dispatcher* espeak-ng*\nPin: release *\nPin-Priority: -1\n' \
    >/etc/apt/preferences.d/no-speech
work=$(mktemp -d)
tar xzf dist/kiosk-*-linux-x86_64.tar.gz -C "$work"
(cd "$work"/kiosk-*-linux-x86_64 && ./install.sh) >/tmp/kiosk-install.log 2>&1 \
    || { cat /tmp/kiosk-install.log; fail "install.sh stopped when the speech packages failed"; }
grep -q "could not install .*read aloud is off" /tmp/kiosk-install.log \
    || { cat /tmp/kiosk-install.log; fail "install.sh did not say read aloud is off"; }
rm /etc/apt/preferences.d/no-speech
record "offline speech packages: the install went on and said read aloud is off"

say "the kiosk account cannot change what it shows"
uid=$(id -u kiosk)
writable=$(runuser -u kiosk -- find /var/lib/kiosk/content /etc/kiosk /etc/systemd/user /opt/kiosk \
    -writable 2>/dev/null | head -n 5)
[ -z "$writable" ] || fail "the kiosk account can write: $writable"
[ "$(stat -c %a:%U:%G /etc/kiosk/settings.yaml)" = 640:root:kiosk ] \
    || fail "settings.yaml is $(stat -c %a:%U:%G /etc/kiosk/settings.yaml), not 640:root:kiosk"
runuser -u kiosk -- cat /etc/kiosk/settings.yaml >/dev/null || fail "the kiosk cannot read its settings"
if runuser -u nobody -- cat /etc/kiosk/settings.yaml >/dev/null 2>&1; then
    fail "settings.yaml (the PIN hash) is readable by everyone"
fi
record "accounts: nothing in content, settings, units or the app is writable by the kiosk account"

say "links the kiosk account plants are not followed by an upgrade"
echo "root's own file" >/etc/kiosk-victim
mkdir -m 700 /root/victim-dir
runuser -u kiosk -- mkdir -p /home/kiosk/.config/systemd/user /home/kiosk/.config/autostart
runuser -u kiosk -- ln -sfn /etc/kiosk-victim /home/kiosk/.config/systemd/user/kiosk.service
runuser -u kiosk -- ln -sfn /etc/kiosk-victim /home/kiosk/.config/autostart/kiosk-session.desktop
# The layout of earlier versions gave /var/lib/kiosk to the kiosk account; plant there too.
chown kiosk: /var/lib/kiosk
mv /var/lib/kiosk/data /var/lib/kiosk/data.real
runuser -u kiosk -- ln -s /root/victim-dir /var/lib/kiosk/data
mv /var/lib/kiosk/content /var/lib/kiosk/content.real
mkdir /tmp/elsewhere && chown kiosk: /tmp/elsewhere
runuser -u kiosk -- ln -s /tmp/elsewhere /var/lib/kiosk/content.seed
(cd "$work"/kiosk-*-linux-x86_64 && ./install.sh) >/tmp/kiosk-install2.log 2>&1 \
    || { cat /tmp/kiosk-install2.log; fail "install.sh (upgrade)"; }
[ "$(cat /etc/kiosk-victim)" = "root's own file" ] || fail "the upgrade wrote through a planted link"
[ "$(stat -c %a:%U /root/victim-dir)" = 700:root ] || fail "the upgrade changed /root/victim-dir"
[ -z "$(ls -A /tmp/elsewhere)" ] || fail "the upgrade copied the content through a planted link"
if [ -L /var/lib/kiosk/data ] || [ ! -d /var/lib/kiosk/data ]; then fail "data is still a link"; fi
[ "$(stat -c %U /var/lib/kiosk)" = root ] || fail "/var/lib/kiosk was not given back to root"
[ -f /var/lib/kiosk/content/kiosk.yaml ] || fail "no content after the upgrade"
rm -rf /var/lib/kiosk/data.real /var/lib/kiosk/content.real /var/lib/kiosk/content.seed
record "upgrade: planted links in ~kiosk and /var/lib/kiosk were not followed"

systemd-run --quiet --unit=kiosk-xvfb /usr/bin/Xvfb :0 -screen 0 1366x768x24 -nolisten tcp
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X0 ] && break; sleep 0.1; done
[ -S /tmp/.X11-unix/X0 ] || fail "Xvfb did not start"

loginctl enable-linger kiosk
for _ in $(seq 100); do [ -S "/run/user/$uid/bus" ] && break; sleep 0.1; done
[ -S "/run/user/$uid/bus" ] || fail "the kiosk user's service manager did not start"
as_kiosk() {
    runuser -u kiosk -- env XDG_RUNTIME_DIR="/run/user/$uid" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=/run/user/$uid/bus" "$@"
}
ctl() { as_kiosk systemctl --user "$@"; }
prop() { ctl show -p "$1" --value kiosk.service; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# Wait until the kiosk is active (Type=notify: after its first frame) with a main PID other
# than $1; print nothing, fail after $2 seconds.
wait_new_frame() {
    local old=$1 limit=$2 began
    began=$(now)
    while :; do
        if [ "$(prop ActiveState)" = active ] && [ "$(prop MainPID)" != "$old" ] \
            && [ "$(prop MainPID)" != 0 ]; then
            return 0
        fi
        if awk -v a="$began" -v b="$(now)" -v l="$limit" 'BEGIN { exit !(b - a > l) }'; then
            return 1
        fi
        sleep 0.02
    done
}
within() { awk -v t="$1" -v l="$2" 'BEGIN { exit !(t <= l) }'; }
clear_starts() { rm -f /var/lib/kiosk/data/recent-starts.json; }

ctl daemon-reload
ctl set-environment DISPLAY=:0 KIOSK_TTS_ENGINE=mock
[ "$(prop Type)" = notify ] || fail "the unit is not Type=notify"

say "the unit's exposure (systemd-analyze security)"
score=$(systemd-analyze security --offline=true /etc/systemd/user/kiosk.service 2>/dev/null \
    | tail -n 1 || true)
record "systemd-analyze security: ${score:-not available}"

say "first start"
t0=$(now)
ctl start kiosk.service
wait_new_frame 0 30 || fail "the kiosk never became active"
record "start -> first frame (READY=1): $(since "$t0") s"
# (systemd reports the watchdog of a running service only.)
[ "$(prop WatchdogUSec)" = 10s ] || fail "WatchdogSec is $(prop WatchdogUSec), not 10s"
grep -q "first frame after" "$LOG" || fail "no 'first frame' line in $LOG"

say "a crash: SIGSEGV"
sleep 1
pid=$(prop MainPID)
t0=$(now)
kill -SEGV "$pid"
wait_new_frame "$pid" 20 || fail "no new kiosk after SIGSEGV"
took=$(since "$t0")
record "crash (SIGSEGV) -> first frame: $took s (target <= $CRASH_TARGET_S s)"
within "$took" "$CRASH_TARGET_S" || fail "crash -> frame took $took s"
grep -q "Fatal Python error: Segmentation fault" /var/log/kiosk/faulthandler.log \
    || fail "faulthandler.log has no record of the segfault"

say "a hang: SIGSTOP (only the watchdog can see it)"
clear_starts
sleep 1
pid=$(prop MainPID)
t0=$(now)
kill -STOP "$pid"
wait_new_frame "$pid" 40 || fail "a stopped kiosk was never restarted"
took=$(since "$t0")
record "hang (SIGSTOP) -> first frame: $took s (target <= $HANG_TARGET_S s)"
within "$took" "$HANG_TARGET_S" || fail "hang -> frame took $took s"
journal=$(journalctl --no-pager -u "user@$uid.service")
grep -q "kiosk.service: Watchdog timeout" <<<"$journal" \
    || fail "the journal does not show the watchdog timeout"

say "exit status 10 (staff chose Exit): stays stopped"
clear_starts
runuser -u kiosk -- rm -f /home/kiosk/.config/systemd/user/kiosk.service
mkdir -p "/home/kiosk/.config/systemd/user/kiosk.service.d"
printf '[Service]\nExecStart=\nExecStart=/bin/sh -c "exit 10"\nType=simple\n' \
    >/home/kiosk/.config/systemd/user/kiosk.service.d/exit10.conf
chown -R kiosk: /home/kiosk/.config/systemd/user/kiosk.service.d
ctl daemon-reload
ctl restart kiosk.service || true
sleep 4
state=$(prop ActiveState)
if [ "$state" = active ] || [ "$state" = activating ]; then fail "status 10 was restarted ($state)"; fi
[ "$(prop ExecMainStatus)" = 10 ] || fail "main status is $(prop ExecMainStatus), not 10"
record "exit status 10: stays $state after 4 s (NRestarts=$(prop NRestarts))"
rm -r /home/kiosk/.config/systemd/user/kiosk.service.d
ctl daemon-reload

say "a crash loop: five crashes in a row end on the safe screen"
clear_starts
ctl reset-failed kiosk.service || true
ctl start kiosk.service
wait_new_frame 0 30 || fail "no kiosk to crash"
for round in 1 2 3 4; do
    pid=$(prop MainPID)
    kill -SEGV "$pid"
    wait_new_frame "$pid" 20 || fail "no restart after crash $round of the loop"
done
grep -q "crash loop: 5 starts within 10 minutes" "$LOG" || fail "no crash-loop line in $LOG"
sleep 1
shot=/tmp/kiosk-safe-screen.png
DISPLAY=:0 import -window root "$shot"
red=$(convert "$shot" -fill black +opaque "#8C1D18" -fill white -opaque "#8C1D18" \
    -format "%[fx:mean*w*h]" info:)
record "crash loop: safe screen shown (log line), $red px of the immediate-action red on screen"
awk -v r="$red" 'BEGIN { exit !(r > 20000) }' || fail "the safe screen's red box is not on screen"
[ "$(prop ActiveState)" = active ] || fail "the safe screen is not an active service"

say "the Debian package: apt installs, upgrades over itself and purges it"
ctl stop kiosk.service || true
# A purge that cannot delete the account (still in use) says so and fails; the next one works.
runuser -u kiosk -- sleep 600 &
busy=$!
sleep 0.5
if (cd "$work"/kiosk-*-linux-x86_64 && ./uninstall.sh --purge) >/tmp/kiosk-uninstall.log 2>&1; then
    fail "uninstall --purge said all was well while the user could not be deleted"
fi
grep -q "WARNING: could not delete the user kiosk" /tmp/kiosk-uninstall.log \
    || { cat /tmp/kiosk-uninstall.log; fail "uninstall --purge hid a failed userdel"; }
if grep -q "deleted the user kiosk" /tmp/kiosk-uninstall.log; then
    fail "uninstall --purge claimed a deletion that failed"
fi
kill "$busy" 2>/dev/null || true
wait "$busy" 2>/dev/null || true
record "purge with the account in use: failed and said so"
(cd "$work"/kiosk-*-linux-x86_64 && ./uninstall.sh --purge) >/tmp/kiosk-uninstall.log 2>&1 \
    || { cat /tmp/kiosk-uninstall.log; fail "uninstall.sh --purge (again)"; }
grep -q "deleted the user kiosk (made by the install)" /tmp/kiosk-uninstall.log \
    || fail "uninstall --purge did not say it deleted the user it made"
if id kiosk >/dev/null 2>&1; then fail "uninstall --purge left the user it made"; fi
deb=$(ls dist/clinic-kiosk_*_amd64.deb)
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >/tmp/kiosk-apt.log 2>&1 \
    || { tail -n 30 /tmp/kiosk-apt.log; fail "apt-get install $deb"; }
id kiosk >/dev/null || fail "the package made no kiosk user"
[ -f /var/lib/kiosk/content/kiosk.yaml ] || fail "the package seeded no content"
[ "$(stat -c %a:%U:%G /etc/kiosk/settings.yaml)" = 640:root:kiosk ] || fail "package settings.yaml"
writable=$(runuser -u kiosk -- find /var/lib/kiosk/content /etc/kiosk /opt/kiosk -writable | head -n 3)
[ -z "$writable" ] || fail "after the package the kiosk account can write: $writable"
[ -L /etc/systemd/user/graphical-session.target.wants/kiosk.service ] || fail "not enabled"
uid=$(id -u kiosk)
loginctl enable-linger kiosk
for _ in $(seq 100); do [ -S "/run/user/$uid/bus" ] && break; sleep 0.1; done
ctl daemon-reload
ctl set-environment DISPLAY=:0 KIOSK_TTS_ENGINE=mock
t0=$(now)
ctl start kiosk.service
wait_new_frame 0 30 || fail "the packaged kiosk never became active"
record "package: installed with apt; start -> first frame $(since "$t0") s"
echo "# staff's edit" >>/var/lib/kiosk/content/kiosk.yaml
pid=$(prop MainPID)
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "./$deb" >>/tmp/kiosk-apt.log 2>&1 \
    || fail "apt-get install --reinstall"
tail -n 1 /var/lib/kiosk/content/kiosk.yaml | grep -q "staff's edit" || fail "the upgrade replaced the content"
wait_new_frame "$pid" 30 || fail "the upgrade did not restart the kiosk on the new version"
record "package: upgrade over itself kept the content and restarted the kiosk"
if command -v lintian >/dev/null || apt-get install -y -q lintian >/dev/null 2>&1; then
    tags=$(lintian --no-tag-display-limit "$deb" 2>/dev/null | sort -u || true)
    record "lintian: $(printf '%s' "$tags" | wc -l) tag(s)"
    printf '%s\n' "$tags" | sed 's/^/  lintian: /' | tee -a "$RESULTS"
fi
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q clinic-kiosk >/tmp/kiosk-purge.log 2>&1 \
    || { tail -n 20 /tmp/kiosk-purge.log; fail "apt-get purge"; }
for gone in /opt/kiosk /var/lib/kiosk /var/log/kiosk /etc/kiosk /usr/bin/kioskctl \
    /usr/lib/systemd/user/kiosk.service /etc/systemd/user/graphical-session.target.wants/kiosk.service; do
    if [ -e "$gone" ] || [ -L "$gone" ]; then fail "purge left $gone"; fi
done
if id kiosk >/dev/null 2>&1; then fail "purge left the kiosk user it made"; fi
record "package: purge removed its files, state and the user it made"

say "a kiosk account that existed before the package is kept by purge"
useradd --system --create-home --home-dir /home/kiosk --shell /bin/bash kiosk
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >/tmp/kiosk-apt2.log 2>&1 \
    || { tail -n 20 /tmp/kiosk-apt2.log; fail "apt-get install (existing user)"; }
[ -f /usr/share/xsessions/clinic-kiosk.desktop ] || fail "no Clinic kiosk login session"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q clinic-kiosk >/tmp/kiosk-purge2.log 2>&1 \
    || { tail -n 20 /tmp/kiosk-purge2.log; fail "apt-get purge (existing user)"; }
id kiosk >/dev/null 2>&1 || fail "purge deleted a kiosk user that existed before the install"
grep -q "kept the user kiosk: it existed before" /tmp/kiosk-purge2.log \
    || fail "purge did not say it kept the user"
[ -d /home/kiosk ] || fail "purge deleted the home of a user it did not make"
record "package: purge kept a kiosk account (and its home) that existed before"

say "all checks passed"
cat "$RESULTS"
