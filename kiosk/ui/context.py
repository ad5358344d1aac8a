"""What every screen is given: the catalog, the visitor's session and a way to move on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.content import Catalog
from kiosk.content.text import LocalText
from kiosk.search import DrugIndex
from kiosk.session import Place, Session
from kiosk.ui.theme import Palette
from kiosk.ui.translations import Translations
from kiosk.ui.widgets.scroll import ScrollAreaPool
from kiosk.ui.widgets.wrap_label import SizeMemo


@dataclass(frozen=True)
class ScreenContext:
    """Passed explicitly to each screen; screens keep no other references to the app."""

    catalog: Catalog
    session: Session
    index: DrugIndex
    go: Callable[[Place], None]
    theme: Palette
    translations: Translations
    scroll_pool: ScrollAreaPool | None = None
    #: The window's memo of label sizes (see WrapLabel); None measures every time.
    sizes: SizeMemo | None = None
    #: Today's date (injected, so notices can be tested on a fake clock).
    today: Callable[[], dt.date] = dt.date.today
    #: Starts a call to the coordinator (IT's call_command); None where the kiosk cannot dial.
    call: Callable[[], bool] | None = None
    #: Turns audio mode on and goes to Home (the attract screen's Audio button).
    start_audio: Callable[[], None] | None = None

    def go_to(self, place: Place | None) -> None:
        """Go to ``place``; nothing happens for None (an action that leads nowhere)."""
        if place is not None:
            self.go(place)

    @property
    def language(self) -> str:
        """The visitor's current language."""
        return self.session.language

    def ui(self, key: str, **values: str) -> str:
        """An interface string in the visitor's language."""
        return self.translations.text(key, self.session.language, **values)

    def text(self, value: LocalText) -> str:
        """A content text in the visitor's language (English when missing)."""
        return value.get(self.session.language)
