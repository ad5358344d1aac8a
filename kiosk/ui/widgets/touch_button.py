"""A large touch button whose title (and optional subtitle) wraps instead of clipping."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.wrap_label import WrapLabel

MIN_TARGET_PX = 64
#: Around a key cap's ink: a large letter needs no line spacing, only its own height.
KEY_INK_PAD_PX = 3
#: A key's word ("Borrar letra") may shrink to this share of its size to fit its key.
KEY_WORD_SMALLEST = 0.6


class CheckMark(QLabel):
    """A drawn tick box (no font glyph needed), coloured like the surrounding text."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the box, and the tick when the button is on."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        side = min(self.width(), self.height()) - 6
        pen = QPen(colour, 4)
        painter.setPen(pen)
        painter.drawRoundedRect(3, 3, side, side, 6, 6)
        if self.property("on") == "true":
            pen.setWidth(6)
            painter.setPen(pen)
            painter.drawPolyline(
                [
                    QPointF(3 + side * 0.2, 3 + side * 0.52),
                    QPointF(3 + side * 0.42, 3 + side * 0.75),
                    QPointF(3 + side * 0.8, 3 + side * 0.25),
                ]
            )


class StyledButton(QAbstractButton):
    """A button drawn entirely by the QSS theme; Enter and Return press it too."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the styled background so QSS (including :checked and :focus) applies."""
        option = QStyleOption()
        option.initFrom(self)
        if self.isChecked():
            option.state |= QStyle.StateFlag.State_On
        if self.isDown():
            option.state |= QStyle.StateFlag.State_Sunken
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter and Return press the button too (keypads and switch interfaces send them)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select):
            self.animateClick()
            return
        super().keyPressEvent(event)

    # Repaint on press and release so the pressed look shows at once. (Overriding these
    # rather than event() keeps the dozens of other events a button gets out of Python.)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Show the pressed look at once."""
        self.update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Drop the pressed look at once."""
        self.update()
        super().mouseReleaseEvent(event)


class KeyCap(QLabel):
    """A key's letter or word, measured and centred by its ink, not by its line height.

    A 53-pixel capital is 36 px tall, but a line of that font is 66 px: measured by the ink,
    the key's letter grows with the text size while the key stays a 64-pixel target.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def _ink(self) -> QSize:
        self.ensurePolished()
        metrics = QFontMetricsF(self.font())
        ink = metrics.tightBoundingRect(self.text())
        width = max(ink.width(), metrics.horizontalAdvance(self.text()))
        pad = 2 * KEY_INK_PAD_PX
        return QSize(math.ceil(width) + pad, math.ceil(ink.height()) + pad)

    def sizeHint(self) -> QSize:
        """The ink of the text and a little room around it."""
        return self._ink()

    def minimumSizeHint(self) -> QSize:
        """A letter's whole ink; a word's may shrink (see ``scale``) to fit a narrow key."""
        ink = self._ink()
        if len(self.text()) > 1:
            ink.setWidth(math.ceil(ink.width() * KEY_WORD_SMALLEST))
        return ink

    def scale(self) -> float:
        """How much a word is shrunk to fit the key (1.0: not at all)."""
        needed = self._ink().width()
        room = self.contentsRect().width()
        return 1.0 if needed <= room or needed == 0 else max(KEY_WORD_SMALLEST, room / needed)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text with its ink centred in the label."""
        painter = QPainter(self)
        font = self.font()
        scale = self.scale()
        if scale < 1.0 and font.pixelSize() > 0:
            font.setPixelSize(max(1, math.floor(font.pixelSize() * scale)))
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = QFontMetricsF(font)
        ink = metrics.tightBoundingRect(self.text())
        width = metrics.horizontalAdvance(self.text())
        centre = self.contentsRect().toRectF().center()
        x = centre.x() - width / 2
        y = centre.y() - ink.center().y()  # (the ink's centre, from the baseline)
        painter.drawText(QPointF(x, y), self.text())


def wrapping_label(text: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    """A plain-text label that wraps and lets touches through to the button under it."""
    label = WrapLabel(text)
    label.setWordWrap(True)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return label


class TouchButton(StyledButton):
    """A button of at least 64×64 px; kinds: primary (default), tile, quiet, check, key, urgent."""

    def __init__(
        self,
        title: str,
        subtitle: str = "",
        *,
        kind: str = "primary",
        checkable: bool = False,
        parent: QWidget | None = None,
        center: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setProperty("kind", kind)
        self.setCheckable(checkable)
        # Tab focus only: a touch does not leave a focus ring behind; keyboards still reach it.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Its height follows its width: words that wrap onto more lines make it taller.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        outer = QHBoxLayout(self)
        if kind == "key":  # a single big letter: ten keys fit a 1024-pixel screen's list
            outer.setContentsMargins(2, 2, 2, 2)
        else:
            outer.setContentsMargins(20, 12, 20, 12)
        outer.setSpacing(16)
        self._mark: CheckMark | None = None
        if kind == "check":
            self._mark = CheckMark()
            self._mark.setFixedSize(48, 48)
            self._mark.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            outer.addWidget(self._mark, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout()
        column.setSpacing(4)
        outer.addLayout(column, 1)
        align = Qt.AlignmentFlag.AlignCenter if center else Qt.AlignmentFlag.AlignLeft
        self.title_label: QLabel = KeyCap(title) if kind == "key" else wrapping_label(title, align)
        column.addStretch(1)
        column.addWidget(self.title_label)
        self.subtitle_label: QLabel | None = None
        if subtitle:  # (the stretches above and below keep title and subtitle together)
            self.subtitle_label = wrapping_label(subtitle, align)
            self.subtitle_label.setProperty("role", "sub")
            column.addWidget(self.subtitle_label)
        column.addStretch(1)
        self.setText(title)
        self.setAccessibleName(title)
        if subtitle:
            self.setAccessibleDescription(subtitle)
        self.toggled.connect(self._restyle)
        self._restyle()

    def minimumSizeHint(self) -> QSize:
        """Never below 64×64, and never below what the words need at this text size."""
        return super().minimumSizeHint().expandedTo(QSize(MIN_TARGET_PX, MIN_TARGET_PX))

    def hasHeightForWidth(self) -> bool:
        """Wrapped words need more height on a narrower button."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height its words need at ``width`` (at least 64 px and its minimum height)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(width) if layout is not None else 0
        return max(needed, MIN_TARGET_PX, self.minimumHeight())

    def _restyle(self) -> None:
        """Children cannot see the button's :checked state in QSS, so mirror it as a property."""
        on = "true" if self.isChecked() else "false"
        for label in self.findChildren(QLabel):
            label.setProperty("on", on)
            label.style().unpolish(label)
            label.style().polish(label)
            label.update()
