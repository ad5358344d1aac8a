"""On the real engine (speech-dispatcher with espeak-ng): each language gets its own voice.

Slow and only where the speech packages are installed (make soak; `make test` on a bare
machine has no speech service); tests/unit/test_voice_choice.py covers the choice itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.speech_languages import private_dispatcher
from kiosk.runtime.speech import Reader
from tests.conftest import SHIPPED_CONTENT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("speech-dispatcher") is None or shutil.which("espeak-ng") is None,
        reason="needs speech-dispatcher and espeak-ng (role speech of system-packages.txt)",
    ),
    pytest.mark.qt_log_ignore("Couldn't (load|resolve) pipewire"),
]


@pytest.fixture
def dispatcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private speech-dispatcher writing its audio to a file (this PC's own one is left alone)."""
    child, address = private_dispatcher(tmp_path, tmp_path / "out.wav")
    monkeypatch.setenv("SPEECHD_ADDRESS", address)
    yield address
    child.terminate()
    child.wait(10)


@pytest.fixture
def speechd(qtbot: QtBot, dispatcher: str) -> Iterator[Reader]:
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt has no speechd plugin here")
    engine = QTextToSpeech("speechd")
    if engine.state() == QTextToSpeech.State.Error:
        pytest.skip(f"speech-dispatcher does not work here: {engine.errorString()}")
    reader = Reader(engine)
    yield reader
    reader.stop()


def test_spanish_and_english_screens_get_their_own_voices(speechd: Reader) -> None:
    speechd.speak("Busque ayuda de inmediato.", "es")
    assert speechd.engine.locale().name() == "es_419"
    assert speechd.engine.voice().name() == "Spanish (Latin America)"
    speechd.stop()
    speechd.speak("Get help right away.", "en")
    # setLocale(en_US) alone would give "English (Caribbean)", the locale's first voice.
    assert speechd.engine.voice().name() == "English (America)"
    speechd.stop()


def test_espeak_ng_speaks_spanish_phonemes() -> None:
    said = subprocess.run(
        ["espeak-ng", "-v", "es-419", "-x", "-q", "Busque ayuda de inmediato"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    english = subprocess.run(
        ["espeak-ng", "-v", "en-us", "-x", "-q", "Busque ayuda de inmediato"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "b'uske" in said and "b'uske" not in english


def test_check_finds_a_voice_for_every_shipped_language(dispatcher: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_TTS_ENGINE"}
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--content", str(SHIPPED_CONTENT)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert (
        f"{SHIPPED_CONTENT / 'kiosk.yaml'}: read aloud (speechd): en: English (America), en_US "
        "· es: Spanish (Latin America), es_419"
    ) in proc.stdout.splitlines()
    assert "warning: read aloud" not in proc.stdout
