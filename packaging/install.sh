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
KIOSK_USER=kiosk
APP_DIR=/opt/kiosk
STATE_DIR=/var/lib/kiosk
CONTENT_DIR=$STATE_DIR/content
DATA_DIR=$STATE_DIR/data
LOG_DIR=/var/log/kiosk
ENV_FILE=/etc/kiosk/kiosk.env
STAFF_GROUP=kiosk-staff
USER_UNITS=/etc/systemd/user
AUTOSTART=/etc/xdg/autostart/kiosk-session.desktop
# Records that this package made the account or the group, so purge removes only those.
CREATED_USER_MARK=/var/lib/kiosk/.created-user
CREATED_GROUP_MARK=/var/lib/kiosk/.created-group
SETTINGS_FILE=/etc/kiosk/settings.yaml
KIOSKCTL=/usr/local/bin/kioskctl
# The Debian packages the app needs (role run) and read aloud (role speech, optional): the one
# list, resources/system-packages.txt, bundled with the app.
PACKAGE_LIST="$HERE/app/_internal/resources/system-packages.txt"
packages_of() { sed -e 's/#.*//' "$PACKAGE_LIST" | awk -v role="$1" '$2 == role { print $1 }'; }

say() { printf 'install.sh: %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

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

# --- the kiosk user: runs the service in its own graphical session -------------------------
kiosk_home() {
    if [ "$SYSTEM" = 1 ]; then
        getent passwd "$KIOSK_USER" | cut -d: -f6
    else
        echo "/home/$KIOSK_USER"
    fi
}

create_user() {
    mkdir -p "$STATE_DIR"
    secure_dir "$STATE_DIR" root root 755
    if ! getent group "$STAFF_GROUP" >/dev/null; then
        say "creating the group $STAFF_GROUP (the accounts that may edit the content)"
        groupadd --system "$STAFF_GROUP"
        : >"$CREATED_GROUP_MARK"
    fi
    if ! id -u "$KIOSK_USER" >/dev/null 2>&1; then
        say "creating the system user $KIOSK_USER"
        useradd --system --create-home --home-dir "/home/$KIOSK_USER" --shell /bin/bash \
            --comment "Clinic kiosk" "$KIOSK_USER"
        : >"$CREATED_USER_MARK"
    fi
    # Sound for read aloud, and the screen.
    for group in audio video; do
        getent group "$group" >/dev/null && usermod -a -G "$group" "$KIOSK_USER"
    done
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

# --- folders: made or fixed without following a link planted in their place ---------------
# secure_dir PATH OWNER GROUP MODE: PATH becomes a real folder (a link there is removed, not
# followed) with that owner and mode. Its parent must be root's, so nobody else can swap it.
secure_dir() {
    local path="$1" owner="$2" group="$3" mode="$4"
    if [ -L "$path" ]; then
        say "WARNING: $path was a link (to $(readlink "$path")); replacing it with a folder"
        rm -f "$path"
    fi
    mkdir -p "$path"
    if [ "$SYSTEM" = 1 ]; then
        chown -h "$owner:$group" "$path"
    fi
    chmod "$mode" "$path"
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
    cp "$HERE/uninstall.sh" "$HERE/README-INSTALL.txt" "$app.new/"
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

# Replace @NAME@ placeholders with this installation's paths.
fill() {
    sed -e "s|@KIOSK_USER@|$KIOSK_USER|g" \
        -e "s|@APP_DIR@|$APP_DIR|g" \
        -e "s|@CONTENT_DIR@|$CONTENT_DIR|g" \
        -e "s|@DATA_DIR@|$DATA_DIR|g" \
        -e "s|@LOG_DIR@|$LOG_DIR|g" \
        -e "s|@ENV_FILE@|$ENV_FILE|g" \
        -e "s|@SETTINGS_FILE@|$SETTINGS_FILE|g" \
        -e "s|@VERSION@|$VERSION|g" \
        "$1"
}

# --- content, stats and logs: created once, never overwritten ------------------------------
install_state() {
    local seed
    mkdir -p "$ROOT$STATE_DIR"
    secure_dir "$ROOT$STATE_DIR" root root 755
    secure_dir "$ROOT$DATA_DIR" "$KIOSK_USER" "$KIOSK_USER" 750
    secure_dir "$ROOT$LOG_DIR" "$KIOSK_USER" adm 750
    # A symlink (e.g. to a synced folder) counts as present, even while it dangles.
    if [ -e "$ROOT$CONTENT_DIR" ] || [ -L "$ROOT$CONTENT_DIR" ]; then
        say "keeping the content in $CONTENT_DIR"
        if [ "$SYSTEM" = 1 ] && [ ! -L "$ROOT$CONTENT_DIR" ] \
            && [ "$(stat -c %U "$ROOT$CONTENT_DIR")" = "$KIOSK_USER" ]; then
            say "giving the content to root and $STAFF_GROUP: the kiosk account may only read it"
            own_content "$ROOT$CONTENT_DIR"
        fi
    else
        say "seeding $CONTENT_DIR with the sample content"
        # Copied into a fresh folder inside root's own $STATE_DIR, then moved into place.
        seed="$(mktemp -d "$ROOT$STATE_DIR/.content-seed.XXXXXX")"
        cp -a "$ROOT$APP_DIR/_internal/content/." "$seed/"
        if [ "$SYSTEM" = 1 ]; then
            own_content "$seed"
        else
            chmod -R u+rwX,g+rwX,o+rX,o-w "$seed"
        fi
        chmod 2775 "$seed"
        mv -T "$seed" "$ROOT$CONTENT_DIR"
    fi
    mkdir -p "$ROOT$(dirname "$ENV_FILE")"
    secure_dir "$ROOT$(dirname "$ENV_FILE")" root root 755
    if [ ! -e "$ROOT$ENV_FILE" ]; then
        fill "$HERE/kiosk.env" >"$ROOT$ENV_FILE"
        chmod 644 "$ROOT$ENV_FILE"
    fi
    # IT's settings (PIN hash, softphone, metrics, cursor): root's, readable by the kiosk
    # account only (the PIN hash is not world-readable); kept on upgrade.
    if [ ! -e "$ROOT$SETTINGS_FILE" ]; then
        fill "$HERE/settings.yaml" >"$ROOT$SETTINGS_FILE"
    fi
    chmod 640 "$ROOT$SETTINGS_FILE"
    if [ "$SYSTEM" = 1 ]; then
        chown root:"$KIOSK_USER" "$ROOT$SETTINGS_FILE"
    fi
}

# own_content DIR: root and the staff group own every file; the kiosk account reads only.
# (chown/chmod -R do not follow links inside the tree.)
own_content() {
    chown -R -P root:"$STAFF_GROUP" "$1"
    chmod -R u+rwX,g+rwX,o+rX,o-w "$1"
    find "$1" -type d -exec chmod g+s {} +
}

# --- the user service, for the kiosk user only, in root's /etc/systemd/user -----------------
install_service() {
    local units="$ROOT$USER_UNITS"
    mkdir -p "$units/graphical-session.target.wants" "$(dirname "$ROOT$AUTOSTART")"
    fill "$HERE/kiosk.service" >"$units/kiosk.service"
    chmod 644 "$units/kiosk.service"
    # What `systemctl --global enable` would do; ConditionUser= keeps it to the kiosk user.
    ln -sfn ../kiosk.service "$units/graphical-session.target.wants/kiosk.service"
    # Desktops that never start graphical-session.target (e.g. Xfce, LXDE) start it from here.
    fill "$HERE/kiosk-session.desktop" >"$ROOT$AUTOSTART"
    chmod 644 "$ROOT$AUTOSTART"
    mkdir -p "$(dirname "$ROOT$KIOSKCTL")"
    fill "$HERE/kioskctl" >"$ROOT$KIOSKCTL"
    chmod 755 "$ROOT$KIOSKCTL"
    # Earlier versions kept the unit in ~kiosk: remove it there as the kiosk user (root
    # never acts inside a tree that account controls).
    if [ "$SYSTEM" = 1 ] && [ -n "$1" ]; then
        runuser -u "$KIOSK_USER" -- rm -f \
            "$1/.config/systemd/user/graphical-session.target.wants/kiosk.service" \
            "$1/.config/systemd/user/kiosk.service" \
            "$1/.config/autostart/kiosk-session.desktop" 2>/dev/null || true
    fi
}

start_service() {
    # Keep the user's service manager running without a login, so kioskctl works over SSH.
    loginctl enable-linger "$KIOSK_USER" || say "WARNING: loginctl enable-linger failed"
    local user_systemctl=(systemctl --user -M "$KIOSK_USER@")
    if "${user_systemctl[@]}" daemon-reload 2>/dev/null; then
        if "${user_systemctl[@]}" is-active --quiet kiosk.service; then
            say "restarting the running kiosk on the new version"
            "${user_systemctl[@]}" restart kiosk.service
        fi
    else
        say "the kiosk user's service manager is not running yet; the kiosk starts at its login"
    fi
}

if [ "$SYSTEM" = 1 ]; then
    install_packages
    create_user
fi
HOME_DIR="$(kiosk_home)"
[ -n "$HOME_DIR" ] || die "cannot find the home folder of $KIOSK_USER"
install_app
install_state
install_service "$HOME_DIR"
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
