"""The staff panel names the voice of each language and warns about a missing one (mock engine)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.runtime.speech import Reader, SpeechService, create_reader
from kiosk.runtime.voices import engine_voices, use_voice
from kiosk.ui.staff_panel import StaffPanel, StaffStatus, speech_lines
from kiosk.voice_choice import VoiceOption
from tests.ui.conftest import catalog_of

#: Qt Multimedia says so once per process when the first engine loads on a PC without PipeWire.
pytestmark = pytest.mark.qt_log_ignore("Couldn't (load|resolve) pipewire")

MOCK_LINE = "Read aloud (mock): en: Charly, en_US · es: no voice"
MOCK_GAP = (
    "Warning: no Spanish (es) voice: its screens are read in another language's voice. "
    "Install espeak-ng-data and speech-dispatcher-espeak-ng."
)


@pytest.fixture
def reader(qtbot: QtBot) -> Iterator[Reader]:
    """A Reader on Qt's mock engine (it needs the test's QApplication for its timers)."""
    made = create_reader("mock")
    assert made is not None
    yield made
    made.stop()


def test_the_mock_engine_reads_english_with_an_american_voice(reader: Reader) -> None:
    assert use_voice(reader.engine, "en") == VoiceOption("en_US", "Charly")
    assert reader.engine.voice().name() == "Charly"
    reader.speak("Hei", "fi")
    assert reader.engine.locale().name() == "fi_FI"


def test_no_voice_for_a_language_changes_nothing(reader: Reader) -> None:
    reader.speak("Hei", "fi")
    assert use_voice(reader.engine, "es") is None
    assert reader.engine.locale().name() == "fi_FI"


def test_listing_voices_keeps_the_engines_voice(reader: Reader) -> None:
    reader.speak("Hei", "fi")
    before = reader.engine.voice().name()
    voices = engine_voices(reader.engine, ["en", "es"])
    assert {v.locale for v in voices} == {"en_GB", "en_US"}
    assert reader.engine.voice().name() == before
    assert reader.engine.locale().name() == "fi_FI"


def test_speech_lines_for_every_state(reader: Reader) -> None:
    assert speech_lines(reader, ["en", "es"]) == [MOCK_LINE, MOCK_GAP]
    assert speech_lines(reader, ["en"]) == ["Read aloud (mock): en: Charly, en_US"]
    assert speech_lines(None, ["en"]) == [
        "Read aloud: off (no speech engine on this PC; kioskctl check says why)."
    ]
    waiting = SpeechService(lambda: create_reader("mock").engine)  # type: ignore[union-attr]
    assert speech_lines(waiting, ["en"]) == [
        "Read aloud: not working yet (0 tries to start the speech engine); "
        "Listen is hidden until it works."
    ]


def _status(root: Path) -> StaffStatus:
    return StaffStatus(
        version="0",
        uptime_s=60,
        content_root=root,
        last_reload=time.time(),
        problems=(),
        catalog=catalog_of(root),
        pending_reload=False,
        can_exit=True,
    )


def test_the_panel_shows_the_voices_of_the_running_kiosk(
    qtbot: QtBot, content_dir: Path, reader: Reader, fonts_loaded: None
) -> None:
    window = QWidget()  # the panel covers whatever window it is given
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    panel = StaffPanel(window, lambda: _status(content_dir), speech=lambda: reader)
    panel.open_panel()
    assert MOCK_LINE in panel.info.text().splitlines()
    assert MOCK_GAP in panel.info.text().splitlines()
    quiet = StaffPanel(window, lambda: _status(content_dir))
    quiet.open_panel()
    assert "Read aloud" not in quiet.info.text()
