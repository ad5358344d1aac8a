#!/usr/bin/env bash
# Remove the clinic kiosk app, its service and kioskctl; content, stats and logs stay unless
# --purge. Installed as /opt/kiosk/uninstall.sh, and shipped next to install.sh.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: sudo /opt/kiosk/uninstall.sh [--purge] [--root DIR] [--no-system]

Removes /opt/kiosk, the kiosk user's kiosk.service and /usr/local/bin/kioskctl.
Keeps /var/lib/kiosk (content, usage counts), /var/log/kiosk, /etc/kiosk and the kiosk user.

Options:
  --purge       also delete /var/lib/kiosk, /var/log/kiosk, /etc/kiosk and the kiosk user
  --root DIR    uninstall from under DIR instead of / (like DESTDIR; also read from $DESTDIR)
  --no-system   skip systemctl, loginctl and userdel
  -h, --help    this help
EOF
}

ROOT="${DESTDIR:-}"
SYSTEM=1
PURGE=0
while [ "$#" -gt 0 ]; do
    case "$1" in
        --root) ROOT="${2:?uninstall.sh: --root needs a folder}"; shift 2 ;;
        --root=*) ROOT="${1#*=}"; shift ;;
        --no-system) SYSTEM=0; shift ;;
        --purge) PURGE=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "uninstall.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
ROOT="${ROOT%/}"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SETUP_NAME=uninstall.sh
USER_UNITS=/etc/systemd/user
KIOSKCTL=/usr/local/bin/kioskctl
# shellcheck source=packaging/kiosk-setup.sh
. "$HERE/kiosk-setup.sh"

if [ "$SYSTEM" = 1 ]; then
    [ -z "$ROOT" ] || die "--root removes files only; add --no-system"
    [ "$(id -u)" = 0 ] || die "run as root: sudo $0"
    HOME_DIR="$(getent passwd "$KIOSK_USER" | cut -d: -f6 || true)"
else
    HOME_DIR="/home/$KIOSK_USER"
fi

disable_service "$HOME_DIR"
rm -f "$ROOT$USER_UNITS/kiosk.service" "$ROOT$AUTOSTART" "$ROOT$XSESSION"
rm -f "$ROOT$KIOSKCTL"
rm -rf "$ROOT$APP_DIR" "$ROOT$APP_DIR.new" "$ROOT$APP_DIR.old"
say "removed $APP_DIR, kiosk.service and kioskctl"

status=0
if [ "$PURGE" = 1 ]; then
    purge_state || status=1
else
    say "kept $STATE_DIR (content, usage counts), $LOG_DIR and $ETC_DIR; --purge deletes them"
fi
exit "${status:-0}"
