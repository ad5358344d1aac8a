"""Internal links in content text (drug:<id>, checklist:<id>): where they lead, and wiring them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.content.links import Link, LinkKind
from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext


def place_for_link(target: str) -> Place | None:
    """Where an internal link leads, or None for anything else (never a browser)."""
    link = Link.parse(target)
    if link is None:
        return None
    return Place(Screen.DRUG if link.kind is LinkKind.DRUG else Screen.CHECKLIST, link.id)


def follow_links(text: QLabel, ctx: ScreenContext) -> QLabel:
    """Make the internal links of a Markdown label open their page; anything else does nothing."""
    text.setOpenExternalLinks(False)
    text.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )

    def follow(target: str) -> None:
        place = place_for_link(target)
        if place is None:
            return
        known = ctx.catalog.drugs if place.screen is Screen.DRUG else ctx.catalog.checklists
        if place.key in known:  # a link to a page that is not there does nothing
            ctx.go(place)

    text.linkActivated.connect(follow)
    return text
