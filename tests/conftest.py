"""Shared fixtures: a minimal valid content folder and a guard against unexpected log warnings."""

from __future__ import annotations

import logging
import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = REPO / "content"

SITE = """\
clinic_name: {en: Test Clinic, es: Clínica de Prueba}
languages: [en, es]
coordinator:
  heading: {en: Talk to an intake coordinator, es: Hable con un coordinador}
  phone: "352-771-2700"
  hours: {en: Open 24/7, es: Abierto 24/7}
  confidentiality: {en: Free and confidential, es: Gratis y confidencial}
disclaimer: {en: Not medical advice., es: No es consejo médico.}
emergency_action: {en: Tell the front desk now or call 911., es: Avise en recepción o llame al 911.}
"""

DRUG = """\
id: {id}
name: {{en: {name}, es: {name}}}
other_names: [{other}]
summary: {{en: A medicine., es: Un medicamento.}}
sections:
  - title: {{en: "What is it?", es: "¿Qué es?"}}
    body: {{en: "It is a **medicine**.", es: "Es un **medicamento**."}}
urgent:
  - {{en: High fever, es: Fiebre alta}}
checklist: withdrawal
sources:
  - {{title: NHS, url: "https://www.nhs.uk/medicines/baclofen/"}}
review: {{status: draft, next_review: 2099-01-01}}
"""

CHECKLIST = """\
id: withdrawal
title: {en: Withdrawal check, es: Revisión}
intro: {en: Not a diagnosis., es: No es un diagnóstico.}
items:
  - {id: itch, text: {en: I itch, es: Tengo comezón}}
  - {id: fever, text: {en: I have a high fever, es: Tengo fiebre alta}, urgent: true}
results:
  urgent: {en: Tell the front desk now or call 911., es: Avise en recepción o llame al 911.}
  some: {en: Talk to staff today., es: Hable hoy con el personal.}
  none: {en: Nothing ticked., es: Nada marcado.}
review: {status: draft, next_review: 2099-01-01}
"""


def drug_yaml(drug_id: str = "baclofen", name: str = "Baclofen", other: str = "Lioresal") -> str:
    """A valid drug page."""
    return DRUG.format(id=drug_id, name=name, other=other)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A minimal, valid content folder with one drug page and one checklist."""
    root = tmp_path / "content"
    (root / "drugs").mkdir(parents=True)
    (root / "checklists").mkdir()
    (root / "images").mkdir()
    (root / "kiosk.yaml").write_text(SITE, encoding="utf-8")
    (root / "drugs" / "baclofen.yaml").write_text(drug_yaml(), encoding="utf-8")
    (root / "checklists" / "withdrawal.yaml").write_text(CHECKLIST, encoding="utf-8")
    return root


@pytest.fixture
def write(content_dir: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file (text is dedented) into the content folder."""

    def _write(relative: str, data: str | bytes) -> Path:
        path = content_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder."""
    target = tmp_path / "shipped"
    shutil.copytree(SHIPPED_CONTENT, target)
    return target


@pytest.fixture(autouse=True)
def fail_on_unexpected_log_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Fail a test that logs a warning it did not ask for (mark it allow_log_warnings)."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if bad:
        pytest.fail("unexpected log warnings: " + "; ".join(r.getMessage() for r in bad))


Writer = Callable[[str, str | bytes], Path]
