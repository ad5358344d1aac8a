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

KIOSK_USER=kiosk
APP_DIR=/opt/kiosk
STATE_DIR=/var/lib/kiosk
LOG_DIR=/var/log/kiosk
ETC_DIR=/etc/kiosk
KIOSKCTL=/usr/local/bin/kioskctl
USER_UNITS=/etc/systemd/user
AUTOSTART=/etc/xdg/autostart/kiosk-session.desktop
STAFF_GROUP=kiosk-staff
CREATED_USER_MARK=$STATE_DIR/.created-user
CREATED_GROUP_MARK=$STATE_DIR/.created-group

say() { printf 'uninstall.sh: %s\n' "$*"; }
die() { printf 'uninstall.sh: %s\n' "$*" >&2; exit 1; }

if [ "$SYSTEM" = 1 ]; then
    [ -z "$ROOT" ] || die "--root removes files only; add --no-system"
    [ "$(id -u)" = 0 ] || die "run as root: sudo $0"
    HOME_DIR="$(getent passwd "$KIOSK_USER" | cut -d: -f6 || true)"
else
    HOME_DIR="/home/$KIOSK_USER"
fi

if [ "$SYSTEM" = 1 ] && id -u "$KIOSK_USER" >/dev/null 2>&1; then
    systemctl --user -M "$KIOSK_USER@" disable --now kiosk.service 2>/dev/null \
        || say "the kiosk service was not running"
fi

rm -f "$ROOT$USER_UNITS/graphical-session.target.wants/kiosk.service" \
    "$ROOT$USER_UNITS/kiosk.service" "$ROOT$AUTOSTART"
rmdir "$ROOT$USER_UNITS/graphical-session.target.wants" 2>/dev/null || true
# Units of earlier versions in ~kiosk: removed as that user (root never acts in its tree).
if [ "$SYSTEM" = 1 ] && [ -n "$HOME_DIR" ] && id -u "$KIOSK_USER" >/dev/null 2>&1; then
    runuser -u "$KIOSK_USER" -- rm -f \
        "$HOME_DIR/.config/systemd/user/graphical-session.target.wants/kiosk.service" \
        "$HOME_DIR/.config/systemd/user/kiosk.service" \
        "$HOME_DIR/.config/autostart/kiosk-session.desktop" 2>/dev/null || true
elif [ -n "$HOME_DIR" ]; then
    rm -f "$ROOT$HOME_DIR/.config/systemd/user/kiosk.service"
fi
if [ "$SYSTEM" = 1 ] && id -u "$KIOSK_USER" >/dev/null 2>&1; then
    systemctl --user -M "$KIOSK_USER@" daemon-reload 2>/dev/null || true
fi
rm -f "$ROOT$KIOSKCTL"
rm -rf "$ROOT$APP_DIR" "$ROOT$APP_DIR.new" "$ROOT$APP_DIR.old"
say "removed $APP_DIR, kiosk.service and kioskctl"

if [ "$PURGE" = 1 ]; then
    made_user=0 made_group=0
    [ -e "$ROOT$CREATED_USER_MARK" ] && made_user=1
    [ -e "$ROOT$CREATED_GROUP_MARK" ] && made_group=1
    rm -rf "$ROOT$STATE_DIR" "$ROOT$LOG_DIR" "$ROOT$ETC_DIR"
    say "purged $STATE_DIR, $LOG_DIR and $ETC_DIR"
    if [ "$SYSTEM" = 1 ] && id -u "$KIOSK_USER" >/dev/null 2>&1; then
        loginctl disable-linger "$KIOSK_USER" 2>/dev/null || true
        if [ "$made_user" = 1 ]; then
            if userdel --remove "$KIOSK_USER" 2>/dev/null; then
                say "deleted the user $KIOSK_USER (made by the install)"
            else
                say "WARNING: could not delete the user $KIOSK_USER; delete it by hand"
                status=1
            fi
        else
            say "kept the user $KIOSK_USER: it existed before the kiosk was installed"
        fi
    fi
    if [ "$SYSTEM" = 1 ] && getent group "$STAFF_GROUP" >/dev/null; then
        if [ "$made_group" = 1 ]; then
            if groupdel "$STAFF_GROUP" 2>/dev/null; then
                say "deleted the group $STAFF_GROUP"
            else
                say "WARNING: could not delete the group $STAFF_GROUP"
                status=1
            fi
        else
            say "kept the group $STAFF_GROUP: it existed before the kiosk was installed"
        fi
    fi
else
    say "kept $STATE_DIR (content, usage counts), $LOG_DIR and $ETC_DIR; --purge deletes them"
fi
exit "${status:-0}"
