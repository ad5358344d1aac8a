"""The safe screen a crash loop ends on: what to do in an emergency, and the number to call.

It shows only what the last good kiosk.yaml (or, without one, the built-in words) says: no
pages, no checklists, no speech, nothing that could be what keeps the kiosk crashing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.models import Coordinator
from kiosk.content.text import LocalText
from kiosk.ui.translations import Translations
from kiosk.ui.widgets.qr import QrCode

#: The emergency action when not even a saved kiosk.yaml can be read.
BUILT_IN_ACTION = LocalText(
    {
        "en": "In an emergency, tell the front desk now, or call 911.",
        "es": "En una emergencia, avise en la recepción ahora mismo o llame al 911.",
    }
)


def _label(text: str, role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    label.setAccessibleName(text)
    return label


class SafeScreen(QWidget):
    """The emergency action and the coordinator, in each offered language (two at most)."""

    def __init__(
        self,
        emergency_action: LocalText,
        coordinator: Coordinator | None,
        languages: tuple[str, ...],
        translations: Translations,
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setWindowTitle("Clinic kiosk")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(24)
        shown = languages[:2] or ("en",)
        box = QFrame()
        box.setObjectName("Advice")
        box.setProperty("level", "immediate")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 24, 32, 28)
        inner.setSpacing(12)
        self.action_labels: list[QLabel] = []
        for language in shown:
            inner.addWidget(_label(translations.text("level_immediate", language), "advice_level"))
            action = _label(emergency_action.get(language), "emergency")
            inner.addWidget(action)
            self.action_labels.append(action)
        layout.addWidget(box)
        self.phone: QLabel | None = None
        if coordinator is not None:
            row = QHBoxLayout()
            row.setSpacing(40)
            words = QVBoxLayout()
            words.setSpacing(10)
            for language in shown:
                words.addWidget(_label(coordinator.heading.get(language), "h2"))
            self.phone = _label(coordinator.phone, "phone")
            words.addWidget(self.phone)
            for language in shown:
                words.addWidget(_label(coordinator.hours.get(language)))
            words.addStretch(1)
            row.addLayout(words, 1)
            scan = translations.text("scan_to_call", shown[0])
            row.addWidget(QrCode(coordinator.qr_payload(), 260, scan), 0, Qt.AlignmentFlag.AlignTop)
            holder = QWidget()
            holder.setObjectName("CallCard")
            holder.setLayout(row)
            layout.addWidget(holder, 1)
        for language in shown:
            layout.addWidget(_label(translations.text("safe_mode_note", language), "muted"))
