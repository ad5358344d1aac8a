"""Contrast ratios computed from the theme colours (WCAG 1.4.3, 1.4.6, 1.4.11)."""

from __future__ import annotations

import pytest

from kiosk.ui.theme import (
    BODY_PAIRS,
    DEFAULT,
    HIGH_CONTRAST,
    NON_TEXT_PAIRS,
    TEXT_PAIRS,
    Palette,
    contrast,
)


def ratio(palette: Palette, pair: tuple[str, str]) -> float:
    return contrast(getattr(palette, pair[0]), getattr(palette, pair[1]))


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


@pytest.mark.parametrize("pair", TEXT_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_default_theme_text_reaches_aa(pair: tuple[str, str]) -> None:
    assert ratio(DEFAULT, pair) >= 4.5


@pytest.mark.parametrize("pair", BODY_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_default_theme_body_text_reaches_aaa(pair: tuple[str, str]) -> None:
    assert ratio(DEFAULT, pair) >= 7.0


@pytest.mark.parametrize("pair", TEXT_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_high_contrast_theme_text_reaches_aaa(pair: tuple[str, str]) -> None:
    assert ratio(HIGH_CONTRAST, pair) >= 7.0


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=["default", "high-contrast"])
@pytest.mark.parametrize("pair", NON_TEXT_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_focus_ring_and_borders_stand_out(palette: Palette, pair: tuple[str, str]) -> None:
    assert ratio(palette, pair) >= 3.0


def test_every_palette_colour_is_used_by_the_theme() -> None:
    from kiosk.settings import resources_dir

    qss = (resources_dir() / "theme.qss").read_text(encoding="utf-8")
    unused = [name for name in vars(DEFAULT) if name != "link" and f"@{name}" not in qss]
    assert unused == []
