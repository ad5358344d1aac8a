# shellcheck shell=bash
# The clinic kiosk's set-up, shared by the archive's install.sh and the Debian package's
# maintainer scripts: the accounts, the folders (made without following links the kiosk
# account could plant), the content seed, IT's settings, and the user service.
#
# The caller sets: ROOT (an install root, usually empty), SYSTEM (1: also accounts, owners,
# loginctl, systemctl), TEMPLATES (the folder of kiosk.service, kioskctl, ...), KIOSKCTL and
# USER_UNITS (where the unit and kioskctl go), SEED (the sample content), VERSION, and
# SETUP_NAME (how messages are signed).

KIOSK_USER=kiosk
APP_DIR=/opt/kiosk
STATE_DIR=/var/lib/kiosk
CONTENT_DIR=$STATE_DIR/content
DATA_DIR=$STATE_DIR/data
LOG_DIR=/var/log/kiosk
ENV_FILE=/etc/kiosk/kiosk.env
STAFF_GROUP=kiosk-staff
AUTOSTART=/etc/xdg/autostart/kiosk-session.desktop
# Records that this package made the account or the group, so purge removes only those.
CREATED_USER_MARK=/var/lib/kiosk/.created-user
CREATED_GROUP_MARK=/var/lib/kiosk/.created-group
SETTINGS_FILE=/etc/kiosk/settings.yaml
ETC_DIR=/etc/kiosk
XSESSION=/usr/share/xsessions/clinic-kiosk.desktop
SESSION_SCRIPT=/opt/kiosk/kiosk-xsession

say() { printf '%s: %s\n' "${SETUP_NAME:-kiosk}" "$*"; }
die() { printf '%s: %s\n' "${SETUP_NAME:-kiosk}" "$*" >&2; exit 1; }

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

# Replace @NAME@ placeholders with this installation's paths.
fill() {
    sed -e "s|@KIOSK_USER@|$KIOSK_USER|g" \
        -e "s|@APP_DIR@|$APP_DIR|g" \
        -e "s|@CONTENT_DIR@|$CONTENT_DIR|g" \
        -e "s|@DATA_DIR@|$DATA_DIR|g" \
        -e "s|@LOG_DIR@|$LOG_DIR|g" \
        -e "s|@ENV_FILE@|$ENV_FILE|g" \
        -e "s|@SETTINGS_FILE@|$SETTINGS_FILE|g" \
        -e "s|@SESSION_SCRIPT@|$SESSION_SCRIPT|g" \
        -e "s|@VERSION@|$VERSION|g" \
        "$1"
}

# --- content, stats and logs: created once, never overwritten ------------------------------
install_state() {
    local staging
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
        staging="$(mktemp -d "$ROOT$STATE_DIR/.content-seed.XXXXXX")"
        cp -a "$SEED/." "$staging/"
        if [ "$SYSTEM" = 1 ]; then
            own_content "$staging"
        else
            chmod -R u+rwX,g+rwX,o+rX,o-w "$staging"
        fi
        chmod 2775 "$staging"
        mv -T "$staging" "$ROOT$CONTENT_DIR"
    fi
    mkdir -p "$ROOT$(dirname "$ENV_FILE")"
    secure_dir "$ROOT$(dirname "$ENV_FILE")" root root 755
    if [ ! -e "$ROOT$ENV_FILE" ]; then
        fill "$TEMPLATES/kiosk.env" >"$ROOT$ENV_FILE"
        chmod 644 "$ROOT$ENV_FILE"
    fi
    # IT's settings (PIN hash, softphone, metrics, cursor): root's, readable by the kiosk
    # account only (the PIN hash is not world-readable); kept on upgrade.
    if [ ! -e "$ROOT$SETTINGS_FILE" ]; then
        fill "$TEMPLATES/settings.yaml" >"$ROOT$SETTINGS_FILE"
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

# --- the user service, for the kiosk user only ----------------------------------------------
# install_service_files: the archive writes the unit, the autostart entry and kioskctl (the
# Debian package ships them instead).
install_service_files() {
    local units="$ROOT$USER_UNITS"
    mkdir -p "$units" "$(dirname "$ROOT$AUTOSTART")"
    fill "$TEMPLATES/kiosk.service" >"$units/kiosk.service"
    chmod 644 "$units/kiosk.service"
    # Desktops that never start graphical-session.target (e.g. Xfce, LXDE) start it from here.
    fill "$TEMPLATES/kiosk-session.desktop" >"$ROOT$AUTOSTART"
    chmod 644 "$ROOT$AUTOSTART"
    mkdir -p "$(dirname "$ROOT$KIOSKCTL")"
    fill "$TEMPLATES/kioskctl" >"$ROOT$KIOSKCTL"
    chmod 755 "$ROOT$KIOSKCTL"
    # A login session that runs only the kiosk (see README-INSTALL.txt, "Autologin").
    mkdir -p "$(dirname "$ROOT$XSESSION")" "$(dirname "$ROOT$SESSION_SCRIPT")"
    fill "$TEMPLATES/clinic-kiosk.desktop" >"$ROOT$XSESSION"
    chmod 644 "$ROOT$XSESSION"
    fill "$TEMPLATES/kiosk-xsession" >"$ROOT$SESSION_SCRIPT"
    chmod 755 "$ROOT$SESSION_SCRIPT"
}

# enable_service HOME: what `systemctl --global enable` would do (ConditionUser= in the unit
# keeps it to the kiosk user); units of earlier versions in ~kiosk are removed as that user,
# since root never acts inside a tree that account controls.
enable_service() {
    local wants="$ROOT/etc/systemd/user/graphical-session.target.wants"
    mkdir -p "$wants"
    ln -sfnr "$ROOT$USER_UNITS/kiosk.service" "$wants/kiosk.service"
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

# --- removal: the service off, and on purge what the install made (and nothing else) -------
# disable_service HOME: stop the kiosk and remove the enable link (and, as the kiosk user, the
# units of earlier versions in ~kiosk).
disable_service() {
    if [ "$SYSTEM" = 1 ] && id -u "$KIOSK_USER" >/dev/null 2>&1; then
        systemctl --user -M "$KIOSK_USER@" stop kiosk.service 2>/dev/null \
            || say "the kiosk service was not running"
    fi
    rm -f "$ROOT/etc/systemd/user/graphical-session.target.wants/kiosk.service"
    rmdir "$ROOT/etc/systemd/user/graphical-session.target.wants" 2>/dev/null || true
    if [ "$SYSTEM" = 1 ] && [ -n "${1:-}" ] && id -u "$KIOSK_USER" >/dev/null 2>&1; then
        runuser -u "$KIOSK_USER" -- rm -f \
            "$1/.config/systemd/user/graphical-session.target.wants/kiosk.service" \
            "$1/.config/systemd/user/kiosk.service" \
            "$1/.config/autostart/kiosk-session.desktop" 2>/dev/null || true
    fi
}

# purge_state: delete the content, stats, logs and settings, and the kiosk account and the
# staff group only if the install created them; says what it did, fails if a deletion did.
purge_state() {
    local made_user=0 made_group=0 failed=0
    [ -e "$ROOT$CREATED_USER_MARK" ] && made_user=1
    [ -e "$ROOT$CREATED_GROUP_MARK" ] && made_group=1
    rm -rf "$ROOT$STATE_DIR" "$ROOT$LOG_DIR" "$ROOT$ETC_DIR"
    say "purged $STATE_DIR, $LOG_DIR and $ETC_DIR"
    if [ "$SYSTEM" = 1 ] && id -u "$KIOSK_USER" >/dev/null 2>&1; then
        loginctl disable-linger "$KIOSK_USER" 2>/dev/null || true
        # Its service manager must be gone before the account can be deleted.
        systemctl stop "user@$(id -u "$KIOSK_USER").service" 2>/dev/null || true
        if [ "$made_user" = 0 ]; then
            say "kept the user $KIOSK_USER: it existed before the kiosk was installed"
        elif userdel --remove "$KIOSK_USER" 2>/dev/null; then
            say "deleted the user $KIOSK_USER (made by the install)"
        else
            say "WARNING: could not delete the user $KIOSK_USER (still in use?); purge again"
            failed=1
            mkdir -p "$ROOT$STATE_DIR" && : >"$ROOT$CREATED_USER_MARK"  # so a new purge retries
        fi
    fi
    if [ "$SYSTEM" = 1 ] && getent group "$STAFF_GROUP" >/dev/null; then
        if [ "$made_group" = 0 ]; then
            say "kept the group $STAFF_GROUP: it existed before the kiosk was installed"
        elif groupdel "$STAFF_GROUP" 2>/dev/null; then
            say "deleted the group $STAFF_GROUP"
        else
            say "WARNING: could not delete the group $STAFF_GROUP"
            failed=1
            mkdir -p "$ROOT$STATE_DIR" && : >"$ROOT$CREATED_GROUP_MARK"
        fi
    fi
    return "$failed"
}
