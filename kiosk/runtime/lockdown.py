"""Lockdown (Qt glue): swallow escape keys, context menus, text drag and selection."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

log = logging.getLogger("kiosk.lockdown")

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
#: Keys that do nothing on a locked kiosk, whatever the modifiers.
BLOCKED_KEYS = frozenset(
    {
        Qt.Key.Key_Escape,
        Qt.Key.Key_F1,
        Qt.Key.Key_F4,
        Qt.Key.Key_F5,
        Qt.Key.Key_F11,
        Qt.Key.Key_Menu,
        Qt.Key.Key_Help,
        Qt.Key.Key_Close,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Meta,
    }
)
#: Letters that do nothing with Ctrl held: quit, close, copy/paste/cut/select-all, print, new.
BLOCKED_CTRL_KEYS = frozenset(
    {
        Qt.Key.Key_Q,
        Qt.Key.Key_W,
        Qt.Key.Key_A,
        Qt.Key.Key_C,
        Qt.Key.Key_V,
        Qt.Key.Key_X,
        Qt.Key.Key_P,
        Qt.Key.Key_N,
        Qt.Key.Key_O,
        Qt.Key.Key_S,
        Qt.Key.Key_Z,
    }
)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
_DRAG_EVENTS = (
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
    QEvent.Type.ContextMenu,
)


def is_blocked_key(event: QKeyEvent) -> bool:
    """True for a key press that could leave, close or change the kiosk."""
    key = Qt.Key(event.key())
    modifiers = event.modifiers()
    if key in BLOCKED_KEYS:
        return True
    if modifiers & _CTRL and key in BLOCKED_CTRL_KEYS:
        return True
    return bool(modifiers & _ALT and key in (Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Space))


class Lockdown(QObject):
    """An application-wide event filter; install once on the QApplication."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Return True to swallow an event."""
        kind = event.type()
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent) and is_blocked_key(event):
            return True
        if kind in _DRAG_EVENTS:
            return True
        # No selecting, dragging or double-click-selecting typed text.
        return (
            isinstance(watched, QLineEdit)
            and isinstance(event, QMouseEvent)
            and kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove)
        )


def lock_window(window: QWidget, app: QApplication, *, cursor_visible: bool) -> Lockdown:
    """Fullscreen, frameless, on top, cursor hidden before the first input; keys filtered."""
    if not cursor_visible:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    window.setWindowFlags(
        Qt.WindowType.Window
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    lockdown = Lockdown(app)
    app.installEventFilter(lockdown)
    screen = app.primaryScreen()
    if screen is not None:
        # Kiosk sessions often run without a window manager, which would otherwise be
        # the one to size a fullscreen window.
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    log.info(
        "locked down: fullscreen, frameless, on top, cursor %s",
        "shown" if cursor_visible else "hidden",
    )
    return lockdown
