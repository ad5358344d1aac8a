"""Colours, text sizes and the QSS theme, filled in from resources/theme.qss."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.session import TextSize

FONT_FAMILY = "Atkinson Hyperlegible"

#: Body text in pixels for each text-size step. Largest: Atkinson Hyperlegible's capital H
#: is 0.67 em, so 46 px gives 30.7 px = 7.6 mm on a 21.5-inch 1080p screen (EN 301 549
#: 5.1.4 asks for 7.3 mm).
BODY_PX = {TextSize.NORMAL: 26, TextSize.LARGE: 35, TextSize.LARGEST: 46}


@dataclass(frozen=True)
class Palette:
    """Every colour the theme uses; text/background pairs are checked for contrast in tests."""

    bg: str
    fg: str
    muted: str
    surface: str
    border: str
    accent: str
    accent_fg: str
    tile: str
    tile_fg: str
    urgent_bg: str
    urgent_fg: str
    urgent_border: str
    immediate_bg: str
    immediate_fg: str
    advice_bg: str
    advice_fg: str
    advice_border: str
    panel_bg: str
    panel_fg: str
    checked_bg: str
    checked_fg: str
    focus: str
    link: str


DEFAULT = Palette(
    bg="#FBFAF7",
    fg="#1B1B1F",
    muted="#44444C",
    surface="#FFFFFF",
    border="#8A8A94",
    accent="#0B4F8A",
    accent_fg="#FFFFFF",
    tile="#E6EEF7",
    tile_fg="#0A2540",
    urgent_bg="#FCEBEA",
    urgent_fg="#7A1712",
    urgent_border="#B3261E",
    immediate_bg="#8C1D18",
    immediate_fg="#FFFFFF",
    advice_bg="#E6EEF7",
    advice_fg="#0A2540",
    advice_border="#0B4F8A",
    panel_bg="#0E3B2E",
    panel_fg="#FFFFFF",
    checked_bg="#0B4F8A",
    checked_fg="#FFFFFF",
    focus="#D35F00",
    link="#0B4F8A",
)

HIGH_CONTRAST = Palette(
    bg="#000000",
    fg="#FFFFFF",
    muted="#E6E6E6",
    surface="#000000",
    border="#FFFFFF",
    accent="#FFE14D",
    accent_fg="#000000",
    tile="#000000",
    tile_fg="#FFFFFF",
    urgent_bg="#000000",
    urgent_fg="#FFB3AD",
    urgent_border="#FF6B61",
    immediate_bg="#5C0000",
    immediate_fg="#FFFFFF",
    advice_bg="#000000",
    advice_fg="#FFFFFF",
    advice_border="#00E5FF",
    panel_bg="#000000",
    panel_fg="#FFE14D",
    checked_bg="#FFE14D",
    checked_fg="#000000",
    focus="#00E5FF",
    link="#FFE14D",
)

#: (text, background) pairs that must meet the contrast targets.
TEXT_PAIRS = (
    ("fg", "bg"),
    ("fg", "surface"),
    ("muted", "bg"),
    ("accent_fg", "accent"),
    ("tile_fg", "tile"),
    ("urgent_fg", "urgent_bg"),
    ("fg", "urgent_bg"),
    ("panel_fg", "panel_bg"),
    ("checked_fg", "checked_bg"),
    ("link", "bg"),
    ("panel_fg", "panel_bg"),
    ("immediate_fg", "immediate_bg"),
    ("advice_fg", "advice_bg"),
)
#: Colours that must stand out from the background (focus ring, borders): 3:1 (WCAG 1.4.11).
NON_TEXT_PAIRS = (
    ("focus", "bg"),
    ("focus", "surface"),
    ("border", "bg"),
    ("urgent_border", "bg"),
    ("advice_border", "bg"),
)
#: Pairs holding body text, which must reach 7:1 even in the default theme.
BODY_PAIRS = (
    ("fg", "bg"),
    ("fg", "surface"),
    ("fg", "urgent_bg"),
    ("urgent_fg", "urgent_bg"),
    ("immediate_fg", "immediate_bg"),
    ("advice_fg", "advice_bg"),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB'."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def sizes(step: TextSize) -> dict[str, int]:
    """Pixel sizes for one text-size step."""
    body = BODY_PX[step]
    return {
        "body": body,
        "small": round(body * 0.85),
        "h1": round(body * 1.6),
        "h2": round(body * 1.25),
        "button": round(body * 1.05),
        "tile": round(body * 1.3),
        # The panel's number grows with the text size; the label shrinks it to fit its width
        # (widgets.fit_label), so it is never cut.
        "phone": round(body * 2.2),
        # The top bar's words: capped so that its six slots fit a 1024-pixel-wide screen in
        # at most three rows.
        "bar": min(round(body * 1.05), 34),
        "phone_big": round(body * 3.4),
        # The emergency action on an immediate-action box: the largest words on its screen,
        # capped so that a two-sentence action still fits a 1366×768 screen at the largest
        # text size without scrolling.
        "emergency": min(round(body * 1.9), 60),
        # Key caps grow with the text size; the key stays 64 px (a capital is 0.67 em, so
        # even the largest, 53 px, leaves a margin), so the list keeps its room.
        "key": round(body * 1.15),
        # The words on the wide keys (Delete, Space, Clear, A–Z): capped so that "Limpiar"
        # fits three 64-pixel columns.
        "key_word": min(round(body * 1.05), 38),
    }


_TOKEN = re.compile(r"@([a-z_][a-z0-9_]*)")


def stylesheet(template: str, palette: Palette, step: TextSize) -> str:
    """Fill the QSS template's @tokens with colours and sizes."""
    values: dict[str, str] = {k: str(v) for k, v in vars(palette).items()}
    values.update({k: f"{v}px" for k, v in sizes(step).items()})
    values["font"] = f'"{FONT_FAMILY}"'

    def replace(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _TOKEN.sub(replace, template)


def load_fonts(resources: Path) -> list[str]:
    """Register the bundled fonts; returns the families loaded."""
    families: list[str] = []
    for path in sorted((resources / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def prepare_fonts(app: QApplication, resources: Path) -> None:
    """Load the bundled font and make it the default."""
    load_fonts(resources)
    font = QFont(FONT_FAMILY)
    font.setPixelSize(26)
    app.setFont(font)


def load_template(resources: Path) -> str:
    """The QSS theme template."""
    return (resources / "theme.qss").read_text(encoding="utf-8")
