"""`kiosk render`: draw screens to PNG files offscreen, for staff previews and reviewers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QScrollArea

from kiosk.content import Catalog
from kiosk.session import HOME, Place, Screen, Session, TextSize
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import load_template


class UnknownPages(ValueError):
    """Page ids asked for that do not exist."""


def page_places(catalog: Catalog) -> Iterator[tuple[str, Place, str | None]]:
    """(page id, place, checklist item to tick first) for every screen worth previewing."""
    yield "home", HOME, None
    yield "medications", Place(Screen.DRUG_LIST), None
    yield "call", Place(Screen.CALL), None
    for drug_id in catalog.drugs:
        yield drug_id, Place(Screen.DRUG, drug_id), None
    if len(catalog.checklists) != 1:
        yield "checklists", Place(Screen.CHECKLIST_LIST), None
    for checklist_id, checklist in catalog.checklists.items():
        urgent = next((item.id for item in checklist.items if item.urgent), None)
        other = next((item.id for item in checklist.items if not item.urgent), None)
        yield checklist_id, Place(Screen.CHECKLIST, checklist_id), None
        yield f"{checklist_id}-result-none", Place(Screen.RESULT, checklist_id), None
        if other:
            yield f"{checklist_id}-result-some", Place(Screen.RESULT, checklist_id), other
        if urgent:
            yield f"{checklist_id}-urgent", Place(Screen.CHECKLIST, checklist_id), urgent
            yield f"{checklist_id}-result-urgent", Place(Screen.RESULT, checklist_id), urgent


def render_pages(
    catalog: Catalog,
    resources: Path,
    out: Path,
    *,
    pages: list[str] | None = None,
    language: str | None = None,
    size: QSize = QSize(1920, 1080),  # noqa: B008
    text_size: int = 0,
    high_contrast: bool = False,
) -> list[Path]:
    """Render the chosen pages (all when ``pages`` is empty); returns the files written.

    Each page gives ``<id>.png`` (what the visitor sees) and, for scrolling pages,
    ``<id>-full.png`` (the whole page, for review).
    """
    out.mkdir(parents=True, exist_ok=True)
    template = load_template(resources)
    written: list[Path] = []
    known = {page_id for page_id, _, _ in page_places(catalog)}
    unknown = sorted(set(pages or ()) - known)
    if unknown:
        raise UnknownPages(", ".join(unknown) + "; known: " + ", ".join(sorted(known)))
    for page_id, place, tick in page_places(catalog):
        if pages and page_id not in pages:
            continue
        session = Session.for_site(catalog.site)
        session.language = language or session.language
        session.text_size = TextSize(text_size)
        session.high_contrast = high_contrast
        if tick:
            session.toggle(place.key, tick)
        window = KioskWindow(catalog, session, template)
        window.resize(size)
        window.show()
        if place != HOME:
            window.go(place)
        QApplication.processEvents()
        target = out / f"{page_id}.png"
        window.grab().save(str(target))
        written.append(target)
        scroll = getattr(window.current, "scroll_area", None)
        inner = scroll.widget() if isinstance(scroll, QScrollArea) else None
        if scroll is not None and inner is not None:
            width = scroll.viewport().width()
            height = max(inner.heightForWidth(width), inner.sizeHint().height())
            if height > scroll.viewport().height():
                inner.resize(width, height)
                full = out / f"{page_id}-full.png"
                inner.grab().save(str(full))
                written.append(full)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return written
