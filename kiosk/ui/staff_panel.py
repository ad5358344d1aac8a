"""The staff panel: status, every content problem, and reload / preview / exit / close."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPlainTextEdit, QWidget

from kiosk.content import Catalog, Problem
from kiosk.runtime.speech import Reader, Speech, SpeechService
from kiosk.runtime.speech_process import SpeechProcess
from kiosk.session import HOME, Place, Screen
from kiosk.ui.screens.common import label
from kiosk.ui.widgets.layout_items import discard_item
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.voice_choice import VoiceOption, describe_choice, language_name, missing_languages


@dataclass(frozen=True)
class StaffStatus:
    """What the panel shows."""

    version: str
    uptime_s: float
    content_root: Path
    last_reload: float
    problems: Sequence[Problem]
    catalog: Catalog | None
    pending_reload: bool
    can_exit: bool


def _uptime(seconds: float) -> str:
    minutes, _ = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h {minutes} min" if days else f"{hours} h {minutes} min"


def speech_lines(speech: Speech | None, languages: Sequence[str]) -> list[str]:
    """What the panel says about read aloud: its engine, the voice of each language, a gap."""
    if speech is None:
        return ["Read aloud: off (no speech engine on this PC; kioskctl check says why)."]
    if isinstance(speech, SpeechProcess):
        if speech.available and speech.voices is not None:
            return _choice_lines(speech.engine_name, languages, speech.voices)
        reader = None
    else:
        reader = speech.reader if isinstance(speech, SpeechService) else speech
    if reader is None:
        tries = speech.attempts if isinstance(speech, SpeechService | SpeechProcess) else 0
        return [
            f"Read aloud: not working yet ({tries} tr{'y' if tries == 1 else 'ies'} to start "
            "the speech engine); Listen is hidden until it works."
        ]
    return _voice_lines(reader, languages)


def _voice_lines(reader: Reader, languages: Sequence[str]) -> list[str]:
    from kiosk.runtime.voices import engine_voices

    engine = reader.engine
    return _choice_lines(engine.engine(), languages, engine_voices(engine, languages))


def _choice_lines(
    engine: str, languages: Sequence[str], voices: Sequence[VoiceOption]
) -> list[str]:
    lines = [f"Read aloud ({engine}): {describe_choice(languages, voices)}"]
    lines += [
        f"Warning: no {language_name(code)} voice: its screens are read in another "
        "language's voice. Install espeak-ng-data and speech-dispatcher-espeak-ng."
        for code in missing_languages(languages, voices)
    ]
    return lines


class StaffPanel(Overlay):
    """Opens after the PIN; closes itself on an idle reset."""

    reload_requested = Signal()
    preview_requested = Signal(object)  # a Place
    exit_requested = Signal()
    #: Staff closed the panel with its Close button.
    closed = Signal()

    def __init__(
        self,
        window: QWidget,
        status: Callable[[], StaffStatus],
        speech: Callable[[], Speech | None] | None = None,
    ) -> None:
        super().__init__(window, "Staff panel")
        self.setObjectName("StaffPanel")
        self.card.setMaximumWidth(1600)
        self._status = status
        #: The running kiosk's read aloud (it returns None when there is no speech engine);
        #: without it the panel says nothing about read aloud.
        self._speech = speech
        self.body.addWidget(label("Staff panel", "h1"))
        self.info = label("")
        self.body.addWidget(self.info)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("Problems")
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Content problems")
        self.problems.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.problems.setMinimumHeight(260)
        self.body.addWidget(self.problems, 1)
        self.chooser = QWidget()
        self.chooser_grid = QGridLayout(self.chooser)
        self.chooser_grid.setSpacing(10)
        self.chooser.hide()
        self.body.addWidget(self.chooser)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.reload_button = TouchButton("Reload content", kind="quiet")
        self.preview_button = TouchButton("Preview a page", kind="quiet")
        self.exit_button = TouchButton("Exit kiosk", kind="urgent")
        self.close_button = TouchButton("Close panel")
        for button in (
            self.reload_button,
            self.preview_button,
            self.exit_button,
            self.close_button,
        ):
            row.addWidget(button)
        self.body.addLayout(row)
        self.exit_note = label("", "muted")
        self.body.addWidget(self.exit_note)
        self.reload_button.clicked.connect(self.reload_requested.emit)
        self.preview_button.clicked.connect(self._toggle_chooser)
        self.exit_button.clicked.connect(self.exit_requested.emit)
        self.close_button.clicked.connect(self.hide)
        self.close_button.clicked.connect(self.closed.emit)

    def open_panel(self) -> None:
        """Refresh and show."""
        self.refresh()
        self.chooser.hide()
        self.open()

    def refresh(self) -> None:
        """Show the current status."""
        status = self._status()
        when = dt.datetime.fromtimestamp(status.last_reload).strftime("%Y-%m-%d %H:%M:%S")
        errors = sum(1 for p in status.problems if p.is_error)
        lines = [
            f"Version {status.version} · up {_uptime(status.uptime_s)}",
            f"Content folder: {status.content_root}",
            f"Last reload: {when} · {errors} error(s), {len(status.problems) - errors} warning(s)",
        ]
        if status.pending_reload:
            lines.append(
                "New content is waiting: it shows when the visitor goes home or the screen resets."
            )
        if status.catalog is not None and self._speech is not None:
            lines += speech_lines(self._speech(), status.catalog.site.languages)
        self.info.setText("\n".join(lines))
        text = "\n".join(
            str(p) for p in sorted(status.problems, key=lambda p: (p.path, p.line, p.col))
        )
        self.problems.setPlainText(text or "No problems. The content is fine.")
        self.exit_button.setEnabled(status.can_exit)
        self.exit_note.setText(
            "" if status.can_exit else "Exit is disabled: no staff PIN is set in kiosk.yaml."
        )
        self._fill_chooser(status.catalog)

    def _fill_chooser(self, catalog: Catalog | None) -> None:
        while self.chooser_grid.count():
            discard_item(self.chooser_grid.takeAt(0))
        places: list[tuple[str, Place]] = [
            ("Home", HOME),
            ("Medications", Place(Screen.DRUG_LIST)),
            ("Call card", Place(Screen.CALL)),
        ]
        if catalog is not None:
            places += [
                (str(page.name), Place(Screen.DRUG, key)) for key, page in catalog.drugs.items()
            ]
            places += [
                (str(checklist.title), Place(Screen.CHECKLIST, key))
                for key, checklist in catalog.checklists.items()
            ]
        for index, (title, place) in enumerate(places):
            button = TouchButton(title, kind="tile")
            button.clicked.connect(lambda _=False, p=place: self._preview(p))
            self.chooser_grid.addWidget(button, index // 4, index % 4)

    def _toggle_chooser(self) -> None:
        self.chooser.setVisible(not self.chooser.isVisible())

    def _preview(self, place: Place) -> None:
        self.hide()
        self.preview_requested.emit(place)
