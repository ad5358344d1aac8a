"""Advice boxes at three levels (non-urgent, urgent, immediate action), one look each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from kiosk.content.models import AdviceLevel
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import label, text_label
from kiosk.ui.screens.links import follow_links
from kiosk.views.parts import AdviceView

#: The colour Qt's Markdown-to-HTML writes into every link.
QT_LINK_COLOUR = "color:#0000ff;"
#: Each level's icon glyph (drawn in a circle by the theme).
ICONS = {AdviceLevel.NON_URGENT: "i", AdviceLevel.URGENT: "!", AdviceLevel.IMMEDIATE: "!"}


class AdviceBox(QFrame):
    """A box of advice: its level (icon and words) on top, then what to do.

    An immediate-action box shows the emergency action first and largest, right under the
    level's words, before anything else it holds. Its Markdown parts follow internal links.
    """

    def __init__(self, ctx: ScreenContext, view: AdviceView) -> None:
        super().__init__()
        self.view = view
        self.level = view.level
        self.setObjectName("Advice")
        self.setProperty("level", view.level.value)
        self.level_words = view.level_words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 24)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(14)
        icon = QLabel(ICONS[view.level])
        icon.setObjectName("AdviceIcon")
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon.setAccessibleName(view.level_words)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self.level_label = label(view.level_words, "advice_level")
        top.addWidget(self.level_label, 1)
        layout.addLayout(top)
        self.emergency: QLabel | None = None
        if view.emergency_action is not None:
            self.emergency = label(view.emergency_action, "emergency")
            layout.addWidget(self.emergency)
        self.heading: QLabel | None = None
        if view.heading is not None:
            self.heading = label(view.heading, "h2")
            layout.addWidget(self.heading)
        self.parts: list[QLabel] = []
        for part in view.parts:
            widget = text_label(part)
            if part.markdown:
                follow_links(widget, ctx)
                if view.level is AdviceLevel.IMMEDIATE:
                    # links in the box's own white words: blue on red cannot be read
                    widget.setText(
                        widget.text().replace(QT_LINK_COLOUR, f"color:{ctx.theme.immediate_fg};")
                    )
            layout.addWidget(widget)
            self.parts.append(widget)
        self.setAccessibleName(view.name)
