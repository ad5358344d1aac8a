"""What every screen offers the window: its scroll area, what it says, the call panel's place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kiosk.session import Place
from kiosk.visit_stats import Shown


class KioskScreen(QWidget):
    """The screen protocol: the window asks a screen only these things.

    - ``scroll_area``: where the page scrolls (the window starts each visit at its top), or
      None for a screen that does not scroll.
    - ``shows_call_panel``: False where the screen offers the number itself (the call card,
      the attract screen, an immediate-action result), so the side panel steps aside.
    - ``spoken_lines()``: what Listen says, from the screen's view model; empty when there
      is nothing to read (Listen then stays hidden).
    - ``arrival_lines()``: the heading and short summary audio mode says on arrival.
    - ``shown(place)``: the screen as the anonymous statistics see it.
    - ``announced``: something the screen says of itself in audio mode (search results).
    """

    announced = Signal(str)
    scroll_area: QAbstractScrollArea | None = None
    shows_call_panel: bool = True

    def spoken_lines(self) -> list[str]:
        """What the screen says, in reading order."""
        return []

    def arrival_lines(self) -> list[str]:
        """What audio mode says on arrival (it keeps the heading and the line after it)."""
        return self.spoken_lines()

    def speech_text(self) -> str:
        """What Listen reads: the spoken lines, one per line."""
        return "\n".join(self.spoken_lines())

    def shown(self, place: Place) -> Shown:
        """What the statistics learn from this screen being shown at ``place``."""
        return Shown(place)
