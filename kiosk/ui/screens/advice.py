"""Advice boxes at three levels (non-urgent, urgent, immediate action), one look each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.models import AdviceLevel, Review, ReviewStatus
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import label

#: Each level's icon glyph (drawn in a circle by the theme) and the words that name it.
ICONS = {AdviceLevel.NON_URGENT: "i", AdviceLevel.URGENT: "!", AdviceLevel.IMMEDIATE: "!"}
LEVEL_KEYS = {
    AdviceLevel.NON_URGENT: "level_non_urgent",
    AdviceLevel.URGENT: "level_urgent",
    AdviceLevel.IMMEDIATE: "level_immediate",
}


class AdviceBox(QFrame):
    """A box of advice: its level (icon and words) on top, then what to do.

    An immediate-action box shows the emergency action first and largest, right under the
    level's words, before anything else it holds.
    """

    def __init__(
        self,
        ctx: ScreenContext,
        level: AdviceLevel,
        *,
        emergency_action: str | None = None,
        heading: str | None = None,
        parts: Sequence[QWidget] = (),
    ) -> None:
        super().__init__()
        self.level = level
        self.setObjectName("Advice")
        self.setProperty("level", level.value)
        self.level_words = ctx.ui(LEVEL_KEYS[level])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 24)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(14)
        icon = QLabel(ICONS[level])
        icon.setObjectName("AdviceIcon")
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon.setAccessibleName(self.level_words)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self.level_label = label(self.level_words, "advice_level")
        top.addWidget(self.level_label, 1)
        layout.addLayout(top)
        self.emergency: QLabel | None = None
        if emergency_action is not None:
            self.emergency = label(emergency_action, "emergency")
            layout.addWidget(self.emergency)
        self.heading: QLabel | None = None
        if heading is not None:
            self.heading = label(heading, "h2")
            layout.addWidget(self.heading)
        for part in parts:
            layout.addWidget(part)
        self.setAccessibleName(
            " ".join(t for t in (self.level_words, emergency_action, heading) if t)
        )

    def spoken_lines(self) -> list[str]:
        """What the box says before its parts: the emergency action first, then the level."""
        lines = [self.emergency.text()] if self.emergency is not None else []
        lines.append(self.level_words)
        if self.heading is not None:
            lines.append(self.heading.text())
        return lines


def review_line(ctx: ScreenContext, review: Review | None) -> str:
    """The review record in the visitor's words, for the foot of a page."""
    if review is None or review.status is ReviewStatus.DRAFT:
        line = ctx.ui("not_reviewed")
    else:
        line = ctx.ui("reviewed", who=review.reviewed_by or "", when=str(review.reviewed_on))
    if review is not None and review.next_review:
        line += " " + ctx.ui("next_review", when=str(review.next_review))
    return line


def is_draft(review: Review | None) -> bool:
    """Whether no clinician has signed this page off (no record counts as a draft)."""
    return review is None or review.status is not ReviewStatus.REVIEWED


def draft_banner(ctx: ScreenContext, review: Review | None) -> QLabel | None:
    """A calm notice at the top of a draft page, checklist or result; None once reviewed."""
    return label(ctx.ui("draft_banner"), "draft") if is_draft(review) else None
