"""A dimmed layer over the whole window holding one centred card (no modal dialogs)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget


class Overlay(QWidget):
    """Covers its parent window and follows its size; swallows touches outside the card."""

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.setObjectName("Overlay")
        self.setAccessibleName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card = QFrame()
        self.card.setObjectName("OverlayCard")
        self.card.setMaximumWidth(1100)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(48, 40, 48, 40)
        self.body.setSpacing(24)
        grid = QGridLayout(self)
        grid.addWidget(self.card, 0, 0, Qt.AlignmentFlag.AlignCenter)
        window.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Track the window's size."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def open(self) -> None:
        """Show above everything else."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
