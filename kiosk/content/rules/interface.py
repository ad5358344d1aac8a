"""Interface-translation rule: each offered language has the kiosk's own strings translated."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.problems import Problem, warning
from kiosk.content.yaml_source import YamlDocument
from kiosk.i18n import missing, ts_path


def interface_translation_problems(
    i18n_dir: Path, languages: tuple[str, ...], label: str, site_doc: YamlDocument | None
) -> list[Problem]:
    """A warning, at kiosk.yaml's languages, per language with no or a partial translation."""
    line, col = site_doc.locate(("languages",)) if site_doc is not None else (0, 0)
    problems: list[Problem] = []
    for language in languages:
        gaps = missing(i18n_dir, language)
        where = ts_path(i18n_dir, language)
        if gaps is None:
            problems.append(
                warning(
                    label,
                    line,
                    col,
                    f"no interface translation for '{language}' ({where} is missing or "
                    "unreadable); buttons and messages show in English",
                )
            )
        elif gaps:
            problems.append(
                warning(
                    label,
                    line,
                    col,
                    f"{len(gaps)} interface string(s) are not translated into '{language}' "
                    f"yet ({where}); English is shown for them: {', '.join(gaps[:5])}",
                )
            )
    return problems
