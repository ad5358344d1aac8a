"""Interface strings in the visitor's language through Qt's translator (.qm from .ts files)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QTranslator

from kiosk.i18n import CONTEXT, LANGUAGE_NAME_KEY, UI_STRINGS, read_ts, ts_path

log = logging.getLogger("kiosk.ui")


class Translations:
    """One QTranslator per offered language; English is the source and the fallback."""

    def __init__(self, folder: Path, languages: Iterable[str]) -> None:
        self._translators: dict[str, QTranslator] = {}
        self._from_ts: dict[str, dict[str, str]] = {}
        for language in languages:
            if language == "en":
                continue
            translator = QTranslator()
            if translator.load(str(folder / f"kiosk_{language}.qm")):
                self._translators[language] = translator
            elif ts_path(folder, language).is_file():
                # Not compiled yet (a plain `pip install`): read the .ts source instead.
                self._from_ts[language] = read_ts(ts_path(folder, language))
                log.info("using %s directly; run make to compile it", ts_path(folder, language))
            else:
                log.warning("no interface translation for '%s'; English is shown", language)

    def text(self, key: str, language: str, **values: str) -> str:
        """The string ``key`` in ``language``, English when untranslated, filled in."""
        source = UI_STRINGS[key]
        translated = ""
        translator = self._translators.get(language)
        if translator is not None:
            translated = translator.translate(CONTEXT, source, key) or ""
        elif language in self._from_ts:
            translated = self._from_ts[language].get(key, "")
        template = translated or source
        return template.format(**values) if values else template

    def language_name(self, language: str) -> str:
        """A language's name in that language, for the language button."""
        name = self.text(LANGUAGE_NAME_KEY, language)
        return language if language != "en" and name == UI_STRINGS[LANGUAGE_NAME_KEY] else name
