"""`kiosk check`'s question to the speech engine: asked in a child process with a deadline.

Making a speech-dispatcher engine takes seconds and hangs forever when the speech service
hangs, so the check never makes one itself: a child (``kiosk check --speech-probe``) makes it
while the content loads, is told the languages, and answers in JSON; a child that has not
answered by the deadline is killed and the check says so in one line.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk import system_packages
from kiosk.content.problems import Problem, warning
from kiosk.voice_choice import VoiceOption, describe_choice, language_name, missing_languages

#: How long `kiosk check` waits for the speech engine's answer (it usually takes 1–2 s).
CHECK_TIMEOUT_S = 8.0
PROBE_FLAG = "--speech-probe"


@dataclass(frozen=True)
class SpeechAnswer:
    """What the engine said: its name and voices, or why there is no answer."""

    engine: str | None = None
    voices: tuple[VoiceOption, ...] = ()
    error: str | None = None


def probe_command() -> list[str]:
    """The child's command line, for the source tree and for the frozen app alike."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "check", PROBE_FLAG]
    return [sys.executable, "-m", "kiosk", "check", PROBE_FLAG]


def parse_answer(stdout: str, returncode: int, stderr: str) -> SpeechAnswer:
    """The child's JSON line as a SpeechAnswer (a crash or garbage becomes an error)."""
    try:
        data = json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        last = (stderr.strip().splitlines() or [f"exit status {returncode}"])[-1]
        return SpeechAnswer(error=f"the speech engine could not be asked: {last}")
    voices = tuple(VoiceOption(str(loc), str(name)) for loc, name in data.get("voices", ()))
    return SpeechAnswer(data.get("engine"), voices, data.get("error"))


class SpeechQuestion:
    """One question in flight: started before the content load, answered after it."""

    def __init__(
        self,
        command: Sequence[str] | None = None,
        *,
        timeout_s: float = CHECK_TIMEOUT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout_s = timeout_s
        self._clock = clock
        self._deadline = clock() + timeout_s
        self._child = subprocess.Popen(
            list(command or probe_command()),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def answer(self, languages: Sequence[str]) -> SpeechAnswer:
        """Tell the child ``languages`` and wait for its answer until the deadline."""
        remaining = max(0.05, self._deadline - self._clock())
        try:
            out, err = self._child.communicate(" ".join(languages) + "\n", timeout=remaining)
        except subprocess.TimeoutExpired:
            self.cancel()
            return SpeechAnswer(
                error=f"could not ask the speech engine within {self.timeout_s:g} s "
                "(is speech-dispatcher hung?)"
            )
        return parse_answer(out, self._child.returncode, err)

    def cancel(self) -> None:
        """Stop the child (its answer is no longer wanted)."""
        if self._child.poll() is None:
            self._child.kill()
        with contextlib.suppress(subprocess.TimeoutExpired, ValueError, OSError):
            self._child.communicate(timeout=1.0)


def languages_position(site_file: Path) -> tuple[int, int]:
    """Line and column of ``languages:`` in kiosk.yaml (0, 0 when it is not there)."""
    try:
        lines = site_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return 0, 0
    for number, line in enumerate(lines, start=1):
        if re.match(r"languages\s*:", line):
            return number, 1
    return 0, 0


def _install_hint() -> str:
    try:
        packages = system_packages.names(system_packages.load(), ["speech"])
    except (OSError, system_packages.PackageListError):
        packages = ["speech-dispatcher", "speech-dispatcher-espeak-ng", "espeak-ng-data"]
    return f"sudo apt-get install {' '.join(packages)}"


def speech_report(
    answer: SpeechAnswer, languages: Sequence[str], site_file: Path
) -> tuple[list[Problem], list[str]]:
    """The check's warnings about read aloud, and its one line naming the chosen voices."""
    line, col = languages_position(site_file)
    label = str(site_file)
    if answer.error is not None:
        message = (
            f"read aloud: {answer.error}; the voices for {', '.join(languages)} are not checked"
        )
        return [warning(label, line, col, message)], []
    engine = answer.engine or "?"
    problems = [
        warning(
            label,
            line,
            col,
            f"read aloud: the speech engine {engine} has no voice for {language_name(code)}; "
            "its screens are read in another language's voice "
            f"(install the voices: {_install_hint()})",
        )
        for code in missing_languages(languages, answer.voices)
    ]
    info = f"{label}: read aloud ({engine}): {describe_choice(languages, answer.voices)}"
    return problems, [info]
