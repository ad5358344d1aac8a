#!/usr/bin/env bash
# Install or upgrade the clinic kiosk: app in /opt/kiosk, content and stats in /var/lib/kiosk,
# a systemd user service for the "kiosk" user that restarts it, and the kioskctl helper.
#
# Safe to run again, or over an older version: the app is replaced, content and stats stay.
# Root never writes through a path the kiosk account controls: the service lives in
# /etc/systemd/user (not in ~kiosk), /var/lib/kiosk is root's, and a link found where a folder
# belongs is replaced, never followed. The kiosk account reads the content and the settings
# but cannot write them; the content is written by the kiosk-staff group.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: sudo ./install.sh [--root DIR] [--no-system]

Installs (or upgrades) the clinic kiosk:
  /opt/kiosk                       the app (replaced on upgrade)
  /var/lib/kiosk/content           live content, copied from the app only when absent
  /var/lib/kiosk/data              usage counts and the instance lock (kept)
  /var/log/kiosk                   log files (kept)
  /etc/kiosk/kiosk.env             extra settings for the service (created once, kept)
  /etc/kiosk/settings.yaml         IT's settings: staff PIN hash, softphone (created once, kept)
  /etc/systemd/user/kiosk.service  the service, for the kiosk user only (Restart=always)
  /usr/local/bin/kioskctl          status, logs, restart, check, stats

Options:
  --root DIR    install under DIR instead of / (like DESTDIR; also read from $DESTDIR)
  --no-system   skip apt-get, useradd, chown, loginctl and systemctl (for tests and images)
  -h, --help    this help
EOF
}

ROOT="${DESTDIR:-}"
SYSTEM=1
while [ "$#" -gt 0 ]; do
    case "$1" in
        --root) ROOT="${2:?install.sh: --root needs a folder}"; shift 2 ;;
        --root=*) ROOT="${1#*=}"; shift ;;
        --no-system) SYSTEM=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
ROOT="${ROOT%/}"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SETUP_NAME=install.sh
TEMPLATES="$HERE"
USER_UNITS=/etc/systemd/user
KIOSKCTL=/usr/local/bin/kioskctl
# shellcheck source=packaging/kiosk-setup.sh
. "$HERE/kiosk-setup.sh"
SEED="$ROOT$APP_DIR/_internal/content"
# The Debian packages the app needs (role run) and read aloud (role speech, optional): the one
# list, resources/system-packages.txt, bundled with the app.
PACKAGE_LIST="$HERE/app/_internal/resources/system-packages.txt"
packages_of() { sed -e 's/#.*//' "$PACKAGE_LIST" | awk -v role="$1" '$2 == role { print $1 }'; }


[ -x "$HERE/app/kiosk" ] || die "no app/kiosk next to this script; run it from the unpacked archive"
[ -d "$HERE/app/_internal/content" ] || die "the app has no bundled content (app/_internal/content)"
VERSION="$(cat "$HERE/VERSION" 2>/dev/null || echo unknown)"

if [ "$SYSTEM" = 1 ]; then
    [ -z "$ROOT" ] || die "--root installs files only; add --no-system"
    [ "$(id -u)" = 0 ] || die "run as root: sudo ./install.sh"
fi

# --- system packages Qt's X11 plugin needs, and the read-aloud engine ----------------------
missing_packages() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || printf '%s\n' "$pkg"
    done
}

apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
        || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends "$@"; }
}

install_packages() {
    local required optional
    [ -f "$PACKAGE_LIST" ] || die "the app has no package list ($PACKAGE_LIST)"
    local run_list speech_list
    mapfile -t run_list < <(packages_of run)
    mapfile -t speech_list < <(packages_of speech)
    mapfile -t required < <(missing_packages "${run_list[@]}")
    mapfile -t optional < <(missing_packages "${speech_list[@]}")
    [ "${#required[@]}" -eq 0 ] && [ "${#optional[@]}" -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        say "WARNING: no apt-get; install these yourself: ${required[*]} ${optional[*]}"
        return 0
    fi
    if [ "${#required[@]}" -gt 0 ]; then
        say "installing ${required[*]}"
        apt_install "${required[@]}" || die "could not install ${required[*]}"
    fi
    if [ "${#optional[@]}" -gt 0 ]; then
        say "installing ${optional[*]} (read aloud)"
        apt_install "${optional[@]}" \
            || say "WARNING: could not install ${optional[*]}: read aloud is off until they are"
    fi
    return 0
}

# --- the app takes the OS's own libraries (glibc, X11, fontconfig, …): are they all here? ---
check_libraries() {
    local app="$1" dirs missing
    if ! command -v ldd >/dev/null; then
        say "WARNING: no ldd; cannot check the system libraries the kiosk needs"
        return 0
    fi
    dirs="$(find "$app" -name '*.so*' -printf '%h\n' | sort -u | paste -sd: -)"
    missing="$(find "$app" -type f \( -name '*.so*' -o -name kiosk \) -print0 \
        | LD_LIBRARY_PATH="$dirs" xargs -0 -r ldd 2>&1 | grep 'not found' \
        | sed -e 's/^[[:space:]]*//' -e 's/ => not found//' | sort -u || true)"
    if [ -n "$missing" ]; then
        printf '%s\n' "$missing" >&2
        rm -rf "$app"
        die "the kiosk needs the libraries above; install their packages (find them with
    apt-file search NAME), then run install.sh again. The installed app was not changed."
    fi
}

# --- the app: copy beside the old one, then swap, so a failed copy leaves the old app --------
install_app() {
    local app="$ROOT$APP_DIR"
    # An install interrupted between its two moves left only the old app: put it back first.
    if [ ! -e "$app" ] && [ -d "$app.old" ]; then
        say "repairing an interrupted install: restoring $APP_DIR"
        mv "$app.old" "$app"
    fi
    rm -rf "$app.new" "$app.old"
    mkdir -p "$(dirname "$app")"
    cp -a "$HERE/app" "$app.new"
    cp "$HERE/uninstall.sh" "$HERE/kiosk-setup.sh" "$HERE/README-INSTALL.txt" "$app.new/"
    echo "$VERSION" >"$app.new/VERSION"
    chmod -R u+rwX,go+rX,go-w "$app.new"
    if [ "$SYSTEM" = 1 ]; then
        chown -R root:root "$app.new"
    fi
    chmod 755 "$app.new/kiosk" "$app.new/uninstall.sh"
    check_libraries "$app.new"
    if [ -e "$app" ]; then
        say "upgrading $APP_DIR ($(cat "$app/VERSION" 2>/dev/null || echo "older version") -> $VERSION)"
        mv "$app" "$app.old"
    fi
    mv "$app.new" "$app"
    rm -rf "$app.old"
}


if [ "$SYSTEM" = 1 ]; then
    install_packages
    create_user
fi
HOME_DIR="$(kiosk_home)"
[ -n "$HOME_DIR" ] || die "cannot find the home folder of $KIOSK_USER"
install_app
install_state
install_service_files
enable_service "$HOME_DIR"
if [ "$SYSTEM" = 1 ]; then
    start_service
fi

say "kiosk $VERSION installed in ${ROOT}$APP_DIR"
cat <<EOF

Next steps:
  1. Log the "$KIOSK_USER" user in automatically (see README-INSTALL.txt, "Autologin").
  2. Edit the content in $CONTENT_DIR, then run: kioskctl check
  3. Reboot, or log in as $KIOSK_USER: the kiosk starts, and restarts 1 s after any crash or hang.
  kioskctl status | logs | restart | check | stats   --   uninstall: sudo $APP_DIR/uninstall.sh
EOF
