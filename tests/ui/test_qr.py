"""The QR codes on screen scan to the number (decoded from the drawn pixels)."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage, QPixmap
from pytestqt.qtbot import QtBot

from kiosk.session import Place, Screen
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.call_card import CallCardScreen
from kiosk.ui.widgets.qr import QrCode, qr_matrix
from tests.conftest import Writer
from tests.ui.conftest import WindowFactory


def decode(pixmap: QPixmap) -> list[str]:
    """Every QR code a phone camera app would read in ``pixmap``."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    view = zxingcpp.ImageView(
        data, image.width(), image.height(), zxingcpp.ImageFormat.Lum, image.bytesPerLine()
    )
    return [found.text for found in zxingcpp.read_barcodes(view)]


def test_call_panel_and_call_card_codes_scan_to_the_intake_line(
    qtbot: QtBot, window: KioskWindow
) -> None:
    panel_qr = window.call_panel.qr
    assert isinstance(panel_qr, QrCode)
    assert decode(panel_qr.pixmap()) == ["tel:+13527712700"]
    # What is on screen, not only the pixmap handed to the label.
    assert "tel:+13527712700" in decode(window.call_panel.grab())
    window.go(Place(Screen.CALL))
    card = window.current
    assert isinstance(card, CallCardScreen)
    assert decode(card.qr.pixmap()) == ["tel:+13527712700"]


def test_a_long_qr_target_still_scans(
    make_window: WindowFactory, content_dir: Path, write: Writer
) -> None:
    target = "https://example.org/intake?from=kiosk&lang=es&clinic=recovery-clinic-main-street"
    site = (content_dir / "kiosk.yaml").read_text(encoding="utf-8")
    write("kiosk.yaml", site.replace('  phone: "', f'  qr_target: "{target}"\n  phone: "'))
    window = make_window(content_dir)
    assert window.catalog.site.coordinator.qr_target == target
    assert window.call_panel.qr is not None
    assert decode(window.call_panel.qr.pixmap()) == [target]


@pytest.mark.parametrize("side_px", [120, 220, 320])
def test_code_size_is_whole_modules_with_a_quiet_zone(qtbot: QtBot, side_px: int) -> None:
    code = QrCode("tel:+13527712700", side_px, "Scan to call")
    qtbot.addWidget(code)
    modules = len(qr_matrix("tel:+13527712700")) + 4
    width = code.pixmap().width()
    assert width % modules == 0 and width <= max(side_px, 2 * modules)
    assert decode(code.pixmap()) == ["tel:+13527712700"]
