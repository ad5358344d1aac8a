"""Kinetic touch scrolling that also works when a swipe starts on a button."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QListView,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)


def enable_kinetic(area: QAbstractScrollArea) -> None:
    """Flick-scroll ``area`` with a finger or mouse, even when the swipe starts on a button.

    A press reaches the button at once (no delay, so taps feel instant); if the finger then
    moves, the scroller takes over and the button gets a cancelling release, not a click.
    """
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.2)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootScrollDistanceFactor, 0.05)
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    scroller.setScrollerProperties(props)
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)


def scroll_area(content: QWidget) -> QScrollArea:
    """A vertical, kinetic scroll area around ``content`` with a wide, visible scroll bar."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Reachable with Tab so keyboard and switch users can scroll long pages with the arrows
    # and Page Up/Down.
    area.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    enable_kinetic(area)
    return area


class ScrollAreaPool:
    """Recycles kinetic scroll areas between screens.

    Qt keeps a gesture recognizer for every widget that ever grabbed the flick gesture, even
    after the widget is gone (about 4 KB each), so making a scroll area per screen leaks
    memory on every page a visitor opens. Screens borrow areas from here instead.
    """

    def __init__(self) -> None:
        self._free: list[QScrollArea] = []
        self._retired: list[QScrollArea] = []  # in screens that are waiting to be deleted
        self._free_lists: list[QListView] = []

    def take(self, content: QWidget) -> QScrollArea:
        """A scroll area (new or recycled) showing ``content`` from the top."""
        while not self._free and self._retired:
            retired = self._retired.pop(0)
            if shiboken6.isValid(retired):  # (gone if its screen was deleted some other way)
                self._reclaim(retired)
        if self._free:
            area = self._free.pop()
            area.setWidget(content)
            area.verticalScrollBar().setValue(0)
            return area
        return scroll_area(content)

    def retire(self, area: QScrollArea) -> None:
        """``area``'s screen is leaving; the area comes back when the screen is deleted.

        Handing it back then (``give_back``), after the next screen has been drawn, keeps
        the cost out of the tap. If screens change again before that, ``take`` reclaims it.
        """
        QScroller.scroller(area.viewport()).stop()
        self._retired.append(area)

    def give_back(self, area: QScrollArea) -> None:
        """A retired area's screen is being deleted: keep the area, delete what it shows.

        Call it from the event loop (a screen does, as it is deleted), never from a handler
        of a widget inside the area. Deleting the content at once is cheaper than taking it
        out, which makes Qt re-style every widget in it only for them to be deleted.
        """
        if area not in self._retired:
            return  # reclaimed already, or never retired (it goes with its screen)
        self._retired.remove(area)
        old = area.widget()
        if old is not None:
            shiboken6.delete(old)  # (the area forgets it: it holds a QPointer)
        area.setParent(None)  # (this also hides it)
        self._free.append(area)

    def _reclaim(self, area: QScrollArea) -> None:
        """Take a retired area out of its screen now (which may be running a handler)."""
        old = area.takeWidget()
        if old is not None:
            old.deleteLater()
        area.setParent(None)
        self._free.append(area)

    def take_list(self) -> QListView:
        """A kinetic list view (new or recycled) with no model yet."""
        if self._free_lists:
            return self._free_lists.pop()
        view = QListView()
        enable_kinetic(view)
        return view

    def give_back_list(self, view: QListView) -> None:
        """Take ``view`` out of its screen for the next medication list."""
        QScroller.scroller(view.viewport()).stop()
        for signal in (view.clicked, view.activated):
            signal.disconnect()
        old_delegate = view.itemDelegate()
        view.setModel(None)
        if old_delegate is not None:
            old_delegate.deleteLater()
        view.setParent(None)
        self._free_lists.append(view)
