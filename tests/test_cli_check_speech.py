"""`kiosk check` asks the speech engine for a voice per language, in a child, never hanging."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.speech_check import SpeechAnswer, SpeechQuestion, parse_answer, speech_report
from kiosk.voice_choice import VoiceOption

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def _check(content: Path, engine: str, *flags: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KIOSK_TTS_ENGINE=engine)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--content", str(content), *flags],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_no_spanish_voice_is_a_warning_at_the_languages_line(content_dir: Path) -> None:
    # Qt's mock engine has English, Norwegian and Finnish voices, no Spanish.
    proc = _check(content_dir, "mock")
    site = content_dir / "kiosk.yaml"
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (
        f"{site}:2:1: warning: read aloud: the speech engine mock has no voice for Spanish (es); "
        "its screens are read in another language's voice (install the voices: sudo apt-get "
        "install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng espeak-ng-data)"
    ) in proc.stdout.splitlines()
    assert f"{site}: read aloud (mock): en: Charly, en_US · es: no voice" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_an_engine_that_is_not_there_is_one_line(content_dir: Path) -> None:
    proc = _check(content_dir, "nosuch")
    lines = [line for line in proc.stdout.splitlines() if "read aloud" in line]
    assert lines == [
        f"{content_dir / 'kiosk.yaml'}:2:1: warning: read aloud: speech engine 'nosuch' is not "
        "available; the voices for en, es are not checked"
    ]
    assert proc.returncode == 0


def test_speech_warnings_are_about_the_machine_not_the_content(content_dir: Path) -> None:
    proc = _check(content_dir, "nosuch")
    counted = proc.stderr.strip().splitlines()[-1]
    assert counted.endswith("0 error(s), 2 warning(s)")  # two drafts; speech not counted
    quiet = _check(content_dir, "nosuch", "--no-speech")
    assert quiet.stderr.strip().splitlines()[-1] == counted
    assert "read aloud" not in quiet.stdout


def test_a_hung_speech_service_is_given_up_at_the_deadline() -> None:
    start = time.monotonic()
    answer = SpeechQuestion(SLEEPER, timeout_s=0.5).answer(["en", "es"])
    assert time.monotonic() - start < 5
    assert answer == SpeechAnswer(
        error="could not ask the speech engine within 0.5 s (is speech-dispatcher hung?)"
    )


def test_check_says_it_could_not_ask_and_still_finishes(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    start = time.monotonic()
    question = functools.partial(SpeechQuestion, SLEEPER, timeout_s=0.5)
    monkeypatch.setattr(cli, "SpeechQuestion", question)
    assert cli.main(["check", "--content", str(content_dir)]) == 0
    assert time.monotonic() - start < 5
    out = capsys.readouterr().out
    assert (
        f"{content_dir / 'kiosk.yaml'}:2:1: warning: read aloud: could not ask the speech "
        "engine within 0.5 s (is speech-dispatcher hung?); the voices for en, es are not checked"
    ) in out.splitlines()


def test_a_probe_that_crashes_is_named() -> None:
    answer = parse_answer("", -11, "qt: something\nSegmentation fault\n")
    assert answer.error == "the speech engine could not be asked: Segmentation fault"
    assert parse_answer("", 1, "").error == "the speech engine could not be asked: exit status 1"


def test_report_of_a_full_answer(tmp_path: Path) -> None:
    site = tmp_path / "kiosk.yaml"
    site.write_text("clinic_name: x\n# languages\nlanguages: [en, es]\n", encoding="utf-8")
    voices = (VoiceOption("en_US", "English (America)"), VoiceOption("es_419", "Spanish"))
    problems, lines = speech_report(SpeechAnswer("speechd", voices), ["en", "es"], site)
    assert problems == []
    assert lines == [
        f"{site}: read aloud (speechd): en: English (America), en_US · es: Spanish, es_419"
    ]
    problems, _ = speech_report(SpeechAnswer("speechd", voices[:1]), ["en", "es"], site)
    assert [(p.line, p.col) for p in problems] == [(3, 1)]
