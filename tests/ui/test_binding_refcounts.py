"""The Qt binding must not leak or drop references on plain calls (it once killed the kiosk)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def test_void_calls_keep_the_reference_count_of_none(qapp: QApplication) -> None:
    # PySide6 6.12.0 on Python 3.11 dropped one reference to None per void call, so an
    # unattended kiosk died with "Fatal Python error: none_dealloc" after some minutes.
    parent = QWidget()
    child = QLabel("x", parent)
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(300):
        child.move(1, 1)
        timer.start(100)
        timer.stop()
        parent.update()
    assert abs(sys.getrefcount(None) - before) < 50
