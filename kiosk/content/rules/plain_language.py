"""Plain-language rule: visitor texts that read above their language's target (`kiosk check`)."""

from __future__ import annotations

from kiosk.content.models import Checklist, DrugPage
from kiosk.content.problems import Problem
from kiosk.content.yaml_source import YamlDocument


def plain_language_problems(
    model: DrugPage | Checklist, doc: YamlDocument, label: str, languages: tuple[str, ...]
) -> list[Problem]:
    """A warning for every visitor text that is too hard to read (see readability)."""
    # Imported here: textstat costs 18 MiB and 80 ms, and only `kiosk check` grades.
    from kiosk.content.readability import readability_problems

    return readability_problems(model, label, doc.locate, languages)
