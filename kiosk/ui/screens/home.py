"""Home: the clinic's name and a few big tiles."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy

from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, text_label
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.home import home_view

#: Small enough that Home fits a 768-pixel screen at the largest text size.
TILE_MIN_PX = 140
#: Tall screens give tiles room up to this; it still holds three lines of a title and four
#: of its second line at the largest text size (352 px in a 1024-pixel-wide screen's column).
TILE_MAX_PX = 420


class HomeScreen(ScrollPage):
    """The start screen."""

    def __init__(self, ctx: ScreenContext) -> None:
        view = home_view(ctx.catalog, ctx, ctx.today())
        self.view = view
        super().__init__(ctx, view.title, view.description)
        self.body.addWidget(text_label(view.clinic))
        if view.welcome is not None:
            self.body.addWidget(text_label(view.welcome))
        self.notices = [text_label(notice) for notice in view.notices]
        for notice in self.notices:
            self.body.addWidget(notice)
        self.tiles: dict[str, TouchButton] = {}
        for key, action in view.tiles.items():
            tile = TouchButton(action.label, action.caption, kind="tile")
            tile.setMinimumHeight(TILE_MIN_PX)  # they grow to fill taller screens
            tile.setMaximumHeight(TILE_MAX_PX)
            grows = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            grows.setHeightForWidth(True)  # never shorter than its wrapped words
            tile.setSizePolicy(grows)
            tile.clicked.connect(lambda _=False, p=action.target: ctx.go_to(p))
            self.body.addWidget(tile, 1)
            self.tiles[key] = tile
        self.body.addStretch(1)  # past the tiles' maximum height, space goes below them

    def spoken_lines(self) -> list[str]:
        """The clinic, its welcome and the tiles."""
        return self.view.spoken()
