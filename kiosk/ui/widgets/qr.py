"""A QR code drawn offline with segno (no network, no image files)."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget


def qr_pixmap(payload: str, side_px: int) -> QPixmap:
    """A square QR code of about ``side_px`` pixels with a white quiet zone."""
    code = segno.make(payload, error="m")
    modules = code.symbol_size(scale=1, border=2)[0]
    scale = max(2, side_px // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=2, dark="#000000", light="#FFFFFF")
    image = QImage.fromData(buffer.getvalue())
    return QPixmap.fromImage(image)


class QrCode(QLabel):
    """Shows a QR code; its accessible name says what scanning it does."""

    def __init__(self, payload: str, side_px: int, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.payload = payload
        self.setPixmap(qr_pixmap(payload, side_px))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(description)
        self.setAccessibleDescription(payload)
