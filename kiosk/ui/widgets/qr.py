"""A QR code encoded offline with qrcode and drawn with QPainter (no network, no files)."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

#: Light modules around the code, in modules (the standard asks for 4; 2 scans fine on a
#: white card and leaves the code larger).
QUIET_ZONE = 2


def qr_matrix(payload: str) -> list[list[bool]]:
    """The code's modules, dark = True, without the quiet zone (error correction M)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def qr_pixmap(payload: str, side_px: int) -> QPixmap:
    """A square QR code of about ``side_px`` pixels with a white quiet zone."""
    matrix = qr_matrix(payload)
    modules = len(matrix) + 2 * QUIET_ZONE
    scale = max(2, side_px // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    black = QColor("#000000")
    for y, row in enumerate(matrix, QUIET_ZONE):
        for x, dark in enumerate(row, QUIET_ZONE):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, black)
    painter.end()
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
