"""Read aloud on the real engine: one drug page in English and Spanish, spoken to WAV and timed.

``python -m benchmarks.speech_languages [--page baclofen] [--out DIR]`` (needs espeak-ng,
speech-dispatcher with its espeak-ng module, and sox; no sound card). It takes the page's
spoken text from its view model (what Listen reads), then:

1. espeak-ng alone: ``espeak-ng -v VOICE -w FILE`` with the voice for each language, and the
   Spanish text with the English voice for comparison; ``espeak-ng -x`` gives the phonemes.
2. The kiosk's own path: a private speech-dispatcher (its own socket and configuration, audio
   to ALSA's ``file`` device, so no sound card is needed) and QTextToSpeech("speechd") in this
   process, with Reader.speak choosing the voice as the kiosk does.

Durations come from ``soxi -D``, levels from ``sox FILE -n stat``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import REPO
from kiosk.content import load_content
from kiosk.content.models import DrugPage
from kiosk.content.text import LocalText
from kiosk.runtime.speech import Reader

#: espeak-ng voices matching kiosk.voice_choice's choice on speech-dispatcher.
ESPEAK_VOICES = {"en": "en-us", "es": "es-419"}
#: A line of each language whose phonemes show which language the voice speaks.
PHONEME_LINES = {"en": "Get help right away", "es": "Busque ayuda de inmediato"}


@dataclass(frozen=True)
class Words:
    """The Words of kiosk.views for one language, from the compiled interface translations."""

    language: str
    translations: object

    def ui(self, key: str, **values: str) -> str:
        """An interface string."""
        text: str = self.translations.text(key, self.language, **values)  # type: ignore[attr-defined]
        return text

    def text(self, value: LocalText) -> str:
        """A content text."""
        return value.get(self.language)


def spoken_text(page_id: str, language: str) -> str:
    """What Listen reads on the drug page ``page_id`` in ``language``."""
    from kiosk.settings import i18n_dir
    from kiosk.ui.translations import Translations
    from kiosk.views.drug_page import drug_page_view

    result = load_content(REPO / "content")
    assert result.catalog is not None
    page = result.catalog.drugs[page_id]
    assert isinstance(page, DrugPage)
    words = Words(language, Translations(i18n_dir(), result.catalog.site.languages))
    return "\n".join(drug_page_view(result.catalog, page, words).spoken())


def seconds(wav: Path) -> float:
    """The length of ``wav`` (soxi -D)."""
    out = subprocess.run(["soxi", "-D", str(wav)], capture_output=True, text=True, check=True)
    return float(out.stdout)


def rms(wav: Path) -> float:
    """The RMS amplitude of ``wav`` (sox stat), 0 for silence."""
    out = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True, text=True)
    found = re.search(r"RMS\s+amplitude:\s+([\d.]+)", out.stderr)
    return float(found.group(1)) if found else 0.0


def espeak(text: str, voice: str, wav: Path) -> float:
    """Speak ``text`` with espeak-ng's ``voice`` into ``wav``; its length in seconds."""
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True)
    return seconds(wav)


def phonemes(text: str, voice: str) -> str:
    """espeak-ng's phonemes for ``text`` in ``voice`` (-x -q)."""
    out = subprocess.run(
        ["espeak-ng", "-v", voice, "-x", "-q", text], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def private_dispatcher(folder: Path, wav: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A speech-dispatcher of our own whose audio goes to ``wav`` (ALSA's file device).

    Returns it and its SPEECHD_ADDRESS. The PC's own speech-dispatcher is left alone: on a PC
    without a sound card, one message leaves it Speaking for ever and every later client hangs.
    """
    conf = folder / "conf"
    shutil.copytree("/etc/speech-dispatcher", conf)
    with (conf / "speechd.conf").open("a", encoding="utf-8") as out:
        out.write(
            'AudioOutputMethod "alsa"\n'
            f'AudioALSADevice "file:FILE={wav},FORMAT=wav"\n'
            "DefaultModule espeak-ng\n"
        )
    socket = folder / "sock"
    child = subprocess.Popen(
        [
            *("speech-dispatcher", "-s", "-t", "30", "-C", str(conf)),
            *("-c", "unix_socket", "-S", str(socket), "-L", str(folder), "-l", "5"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return child, f"unix_socket:{socket}"


def fixed_wav(raw: Path, out: Path) -> Path:
    """ALSA's file device leaves the WAV header's length at 0 while open: rewrite it."""
    subprocess.run(["sox", "--ignore-length", str(raw), str(out)], check=True)
    return out


@dataclass(frozen=True)
class SpeechdRun:
    """One text read through speech-dispatcher: what Qt says it set, what the server was told."""

    voice: str
    locale: str
    told: str
    seconds: float
    rms: float


def told(log: Path) -> str:
    """The last language and voice the client set before speaking (the server's -l 5 log)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    found = {
        key: re.findall(rf"DATA:\|SET SELF {key} ([^|\r\n]*)", text)
        for key in ("LANGUAGE", "SYNTHESIS_VOICE")
    }
    return " / ".join(values[-1] if values else "?" for values in found.values())


def wait_until_read(reader: Reader, limit_s: float = 900.0) -> None:
    """Run Qt's event loop until ``reader`` has started and finished (or gave up)."""
    from PySide6.QtCore import QCoreApplication

    began = time.monotonic()
    started = False
    while time.monotonic() - began < limit_s:
        QCoreApplication.processEvents()
        started = started or reader.speaking
        if (started and not reader.speaking) or (not started and time.monotonic() - began > 30):
            return
        time.sleep(0.05)


def through_speechd(texts: dict[str, str], folder: Path) -> dict[str, SpeechdRun]:
    """Each text read by Reader.speak on QTextToSpeech("speechd") into a WAV file."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtTextToSpeech import QTextToSpeech

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    results: dict[str, SpeechdRun] = {}
    for language, text in texts.items():
        raw = folder / f"speechd-{language}.raw.wav"
        sub = folder / language
        sub.mkdir()
        dispatcher, os.environ["SPEECHD_ADDRESS"] = private_dispatcher(sub, raw)
        try:
            reader = Reader(QTextToSpeech("speechd"))
            reader.speak(text, language)
            wait_until_read(reader)
            voice, locale = reader.engine.voice().name(), reader.engine.locale().name()
            reader.engine.stop()
            del reader
            app.processEvents()
        finally:
            dispatcher.terminate()
            dispatcher.wait(10)
        wav = fixed_wav(raw, folder / f"speechd-{language}.wav")
        said = told(sub / "speech-dispatcher.log")
        results[language] = SpeechdRun(voice, locale, said, seconds(wav), rms(wav))
    return results


def main() -> int:
    """Measure and print a Markdown report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speech_languages")
    parser.add_argument("--page", default="baclofen")
    parser.add_argument("--out", type=Path, default=None, help="keep the WAV files here")
    parser.add_argument("--no-speechd", action="store_true", help="espeak-ng alone")
    args = parser.parse_args()
    for tool in ("espeak-ng", "sox", "soxi"):
        if shutil.which(tool) is None:
            print(f"needs {tool}: apt-get install espeak-ng sox", file=sys.stderr)
            return 2
    folder = args.out or Path(tempfile.mkdtemp(prefix="speech-languages-"))
    folder.mkdir(parents=True, exist_ok=True)
    texts = {language: spoken_text(args.page, language) for language in ESPEAK_VOICES}
    print(f"## {args.page}: spoken text (the view model's spoken lines)\n")
    print("| language | lines | words | characters |\n|---|---|---|---|")
    for language, text in texts.items():
        print(f"| {language} | {len(text.splitlines())} | {len(text.split())} | {len(text)} |")
    print("\n## espeak-ng alone (`espeak-ng -v VOICE -w FILE`)\n")
    print("| text | voice | seconds | words per minute | RMS |\n|---|---|---|---|---|")
    runs = [(lang, ESPEAK_VOICES[lang]) for lang in texts] + [("es", ESPEAK_VOICES["en"])]
    for language, voice in runs:
        wav = folder / f"espeak-{language}-{voice}.wav"
        length = espeak(texts[language], voice, wav)
        pace = len(texts[language].split()) / length * 60
        print(f"| {language} | {voice} | {length:.1f} | {pace:.0f} | {rms(wav):.3f} |")
    print("\n## Phonemes (`espeak-ng -x -q`)\n")
    for line in PHONEME_LINES.values():
        for voice in ESPEAK_VOICES.values():
            print(f"- {line!r} with {voice}: `{phonemes(line, voice)}`")
    if not args.no_speechd and shutil.which("speech-dispatcher"):
        print("\n## The kiosk's path: Reader.speak on QTextToSpeech('speechd')\n")
        print(
            "| text | voice chosen (Qt) | locale | speech-dispatcher was told "
            "(LANGUAGE / SYNTHESIS_VOICE) | seconds | RMS |\n|---|---|---|---|---|---|"
        )
        for language, run in through_speechd(texts, folder).items():
            print(
                f"| {language} | {run.voice} | {run.locale} | {run.told} | "
                f"{run.seconds:.1f} | {run.rms:.3f} |"
            )
    print(f"\nWAV files: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
