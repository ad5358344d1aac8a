"""The floor: a bare PySide6 window with one label, drawn to a PNG offscreen, then exit.

Run as ``python -m benchmarks.floor_window OUT.png``. It does what the kiosk's
``kiosk render --page home`` does at the least: start Qt, show a 1920×1080 window with
text in it, paint it and write the PNG. Nothing of the kiosk is imported.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    """Show one label in a window, save it as ``argv[0]`` and exit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Recovery Clinic: information about your medicines."))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.grab().save(argv[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
