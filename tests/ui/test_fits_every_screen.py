"""The window fits every kiosk screen: on no page does it need more room than the screen has.

A fullscreen window whose widgets need more than the screen silently leaves fullscreen (a
1366×768 kiosk grew to 1366×905), so each page's minimum size is checked at each size.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.session import TextSize
from tests.ui.conftest import WindowFactory, page_ids, show_page

SCREENS = [(1920, 1080), (1366, 768), (1280, 1024), (1280, 800), (1024, 768), (1080, 1920)]
#: The pages with the most on them (the others are scrolling columns).
PAGES = ["home", "medications", "call", "naloxone", "overdose", "overdose-result-urgent"]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", list(TextSize), ids=lambda t: t.name.lower())
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits_the_screen(
    qtbot: QtBot,
    make_window: WindowFactory,
    screen: tuple[int, int],
    text_size: TextSize,
    language: str,
) -> None:
    width, height = screen
    if screen == (1366, 768) and text_size is TextSize.LARGEST:
        # Known, issue 16 still open: the medication list needs 775 px here (the top bar
        # wraps onto three rows). Remove this line once it fits.
        pytest.xfail("medication list at 1366×768, largest text: 775 px of 768")
    window = make_window(width=width, height=height, language=language)
    assert set(PAGES) <= set(page_ids())
    for page_id in PAGES:
        show_page(window, page_id, text_size)
        qtbot.wait(1)
        needed = window.minimumSizeHint()
        assert needed.width() <= width and needed.height() <= height, (
            f"{page_id} needs {needed.width()}×{needed.height()} on a {width}×{height} screen"
        )


@pytest.mark.slow
@pytest.mark.parametrize("high_contrast", [False, True], ids=["default", "contrast"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", list(TextSize), ids=lambda t: t.name.lower())
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_of_the_library_fits_every_screen(
    qtbot: QtBot,
    make_window: WindowFactory,
    screen: tuple[int, int],
    text_size: TextSize,
    language: str,
    high_contrast: bool,
) -> None:
    """The whole matrix (make soak): every page, size, text size, language and theme."""
    width, height = screen
    window = make_window(width=width, height=height, language=language)
    if high_contrast:
        window.toggle_contrast()
    for page_id in page_ids():
        show_page(window, page_id, text_size)
        qtbot.wait(1)
        needed = window.minimumSizeHint()
        assert needed.width() <= width and needed.height() <= height, (
            f"{page_id} needs {needed.width()}×{needed.height()} on a {width}×{height} screen"
        )
