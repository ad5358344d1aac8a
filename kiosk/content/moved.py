"""kiosk.yaml keys that moved to IT's settings file, and where they went."""

from __future__ import annotations

from collections.abc import Mapping

#: Where IT's settings live (kiosk.operations reads them; $KIOSK_SETTINGS names another).
SETTINGS_FILE_NAME = "/etc/kiosk/settings.yaml"

#: Path in kiosk.yaml → key in the settings file.
MOVED_FROM_CONTENT: Mapping[tuple[str, ...], str] = {
    ("admin_pin_hash",): "admin_pin_hash",
    ("metrics_dir",): "metrics_dir",
    ("cursor_visible",): "cursor_visible",
    ("coordinator", "call_command"): "call_command",
}
