"""Interface translations: Qt .ts/.qm files, English fallback, a third language by files only."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.content import load_content
from kiosk.i18n import UI_STRINGS, missing, placeholders, read_ts, ts_path, write_ts
from kiosk.settings import resources_dir
from kiosk.ui.translations import Translations

I18N = resources_dir() / "i18n"


def test_spanish_is_complete_and_keeps_placeholders() -> None:
    assert missing(I18N, "es") == []
    spanish = read_ts(ts_path(I18N, "es"))
    for key, source in UI_STRINGS.items():
        assert placeholders(spanish[key]) == placeholders(source), key


def test_ts_file_is_in_sync_with_the_sources() -> None:
    keys = {m for m in read_ts(ts_path(I18N, "es"))}
    assert keys == set(UI_STRINGS), "run: python -m kiosk.i18n"


def test_compiled_qm_is_used(qapp: QApplication) -> None:
    assert (I18N / "kiosk_es.qm").is_file(), "make translations compiles it"
    translations = Translations(I18N, ["en", "es"])
    assert translations.text("back", "es") == "Atrás"
    assert translations.text("back", "en") == "Back"
    assert translations.text("reset_in", "es", seconds="5").endswith("en 5 segundos.")
    assert translations.language_name("es") == "Español"
    assert translations.language_name("en") == "English"


@pytest.mark.allow_log_warnings
def test_a_third_language_needs_only_files(
    qapp: QApplication, tmp_path: Path, content_dir: Path
) -> None:
    folder = tmp_path / "i18n"
    folder.mkdir()
    shutil.copy(ts_path(I18N, "es"), folder)
    write_ts(ts_path(folder, "fr"), "fr", {"back": "Retour", "language_name": "Français"})
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(ts_path(folder, "fr")), "-qm", str(folder / "kiosk_fr.qm")],
        check=True,
    )
    translations = Translations(folder, ["en", "es", "fr"])
    assert translations.text("back", "fr") == "Retour"
    assert translations.text("home", "fr") == "Home"  # not translated yet: English
    assert translations.language_name("fr") == "Français"

    site = content_dir / "kiosk.yaml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("[en, es]", "[en, es, fr]"), encoding="utf-8"
    )
    result = load_content(content_dir, i18n_dir=folder)
    (gap,) = [p for p in result.warnings if "interface string" in p.message]
    assert gap.path.endswith("kiosk.yaml") and gap.line == 2
    assert f"not translated into 'fr' yet ({ts_path(folder, 'fr')})" in gap.message
    result = load_content(content_dir, i18n_dir=tmp_path / "nowhere")
    assert any("no interface translation for 'fr'" in p.message for p in result.warnings)


def test_uncompiled_ts_still_works(qapp: QApplication, tmp_path: Path) -> None:
    shutil.copy(ts_path(I18N, "es"), tmp_path)
    assert Translations(tmp_path, ["es"]).text("home", "es") == "Inicio"
