"""Synthetic content folders (valid, realistic drug pages) generated for benchmarks only."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

SITE = """\
clinic_name: {en: Benchmark Clinic, es: Clínica de Prueba}
welcome:
  en: Information about your medicines. Touch a button to start.
  es: Información sobre sus medicamentos. Toque un botón para empezar.
languages: [en, es]
coordinator:
  heading: {en: Talk to an intake coordinator, es: Hable con un coordinador de admisión}
  phone: "352-771-2700"
  hours: {en: "Open 24 hours, 7 days a week", es: "Abierto las 24 horas, los 7 días"}
  confidentiality: {en: Free and confidential, es: Gratis y confidencial}
disclaimer:
  en: This information does not replace advice from your doctor.
  es: Esta información no reemplaza los consejos de su médico.
emergency_action:
  en: Tell the front desk now, or call 911.
  es: Avise en la recepción ahora mismo o llame al 911.
"""

CHECKLIST = """\
id: shared-signs
title: {en: Signs to watch for, es: Señales de alerta}
intro:
  en: |
    This list is **not a test and not a diagnosis**. Tick any sign you have right now.
  es: |
    Esta lista **no es una prueba ni un diagnóstico**. Marque cualquier señal que tenga.
items:
  - {id: itching, text: {en: I am itching., es: Tengo picazón.}}
  - {id: dizzy, text: {en: I feel lightheaded., es: Me siento mareado.}}
  - {id: tingling, text: {en: I have tingling., es: Tengo hormigueo.}}
  - {id: fever, text: {en: I have a high fever., es: Tengo fiebre alta.}, urgent: true}
  - {id: seizure, text: {en: I had a seizure., es: Tuve una convulsión.}, urgent: true}
results:
  urgent: {en: "**Tell the front desk right now, or call 911.**", es: "**Avise ahora.**"}
  some: {en: Please talk to our staff now., es: Por favor hable con nuestro personal.}
  none: {en: You did not tick any signs., es: No marcó ninguna señal.}
review: {status: reviewed, reviewed_by: Dr Bench, reviewed_on: 2026-01-05, next_review: 2099-01-01}
"""

_ONSETS = ("b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z", "tr", "pr", "cl")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "io")
_ENDINGS = ("fen", "zole", "pril", "statin", "mab", "vir", "cillin", "done", "pam", "ine", "ol")

#: Every paragraph names its drug, so no two pages share a paragraph (as on real pages):
#: caches keyed by text must not make the benchmark faster than real content would be.
_EN_PARAGRAPHS = (
    "{name} is a medicine (a drug your doctor prescribes) that helps with {what}.",
    "Take {name} exactly as your doctor told you. **Do not stop it suddenly**, because "
    "stopping too fast can be dangerous.",
    "Some people feel sleepy or dizzy when they start {name}. Tell your doctor if this "
    "does not go away after a few days.",
    "Keep {name} away from children and store it at room temperature, away from heat.",
)
_ES_PARAGRAPHS = (
    "{name} es un medicamento (que su médico receta) que ayuda con {what}.",
    "Tome {name} como le indicó su médico. **No lo deje de golpe**, porque dejarlo muy "
    "rápido puede ser peligroso.",
    "Algunas personas sienten sueño o mareo al empezar {name}. Avise a su médico si no "
    "se quita después de unos días.",
    "Mantenga {name} lejos de los niños y guárdelo a temperatura ambiente.",
)
_USES = (
    ("tight muscles", "músculos tensos"),
    ("pain", "el dolor"),
    ("high blood pressure", "la presión alta"),
    ("sleep", "el sueño"),
    ("cravings", "los antojos"),
    ("infections", "las infecciones"),
)


def drug_names(count: int, seed: int = 7) -> list[str]:
    """``count`` unique, pronounceable drug names (same seed, same names)."""
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3)))
        name = (stem + rng.choice(_ENDINGS)).capitalize()
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def slug(name: str) -> str:
    """The page id for a name."""
    return name.lower()


def _block(text: str, indent: int) -> str:
    return textwrap.indent(text, " " * indent)


def drug_page(name: str, index: int, *, display_name: str | None = None) -> str:
    """One valid drug page of about 4 KB: 4 sections, an urgent list and the shared checklist."""
    shown = display_name or name
    rng = random.Random(index)
    use, use_es = rng.choice(_USES)
    sections = []
    titles = (
        ("What is {n}?", "¿Qué es {n}?"),
        ("How to take it", "Cómo tomarlo"),
        ("Side effects", "Efectos secundarios"),
        ("Stopping safely", "Cómo dejarlo de forma segura"),
    )
    for number, (title_en, title_es) in enumerate(titles):
        chosen = [(number + k) % len(_EN_PARAGRAPHS) for k in range(2)]
        en = "\n\n".join(_EN_PARAGRAPHS[k].format(name=shown, what=use) for k in chosen)
        es = "\n\n".join(_ES_PARAGRAPHS[k].format(name=shown, what=use_es) for k in chosen)
        en += "\n\n- one point to remember\n- another point to remember\n"
        es += "\n\n- un punto para recordar\n- otro punto para recordar\n"
        if number == 3:
            en += "\nYou can [go through the warning signs](checklist:shared-signs).\n"
            es += "\nPuede [revisar las señales de alerta](checklist:shared-signs).\n"
        sections.append(
            f'  - title: {{en: "{title_en.format(n=shown)}", es: "{title_es.format(n=shown)}"}}\n'
            f"    body:\n      en: |\n{_block(en, 8)}      es: |\n{_block(es, 8)}"
        )
    others = ", ".join(f"{shown}-{suffix}" for suffix in ("XR", "Brand"))
    return (
        f"id: {slug(name)}\n"
        f'name: {{en: "{shown}", es: "{shown}o"}}\n'
        f"other_names: [{others}]\n"
        "summary:\n"
        f"  en: >-\n    {shown} is a medicine for {use}. Do not stop it suddenly.\n"
        f"  es: >-\n    {shown} es un medicamento. No lo deje de golpe.\n"
        "sections:\n" + "".join(sections) + "urgent:\n"
        "  - {en: A high fever, es: Fiebre alta}\n"
        "  - {en: Confusion, es: Confusión}\n"
        "  - {en: A seizure, es: Una convulsión}\n"
        "checklist: shared-signs\n"
        "sources:\n"
        '  - {title: "NHS: medicines A to Z", url: "https://www.nhs.uk/medicines/"}\n'
        '  - {title: "MedlinePlus", url: "https://medlineplus.gov/druginformation.html"}\n'
        "review:\n"
        "  status: reviewed\n"
        "  reviewed_by: Dr Bench\n"
        "  reviewed_on: 2026-01-05\n"
        "  next_review: 2099-01-01\n"
    )


def make_content(root: Path, pages: int, seed: int = 7) -> list[str]:
    """Write a valid content folder with ``pages`` drug pages; returns the drug ids."""
    (root / "drugs").mkdir(parents=True, exist_ok=True)
    (root / "checklists").mkdir(exist_ok=True)
    (root / "images").mkdir(exist_ok=True)
    (root / "kiosk.yaml").write_text(SITE, encoding="utf-8")
    (root / "checklists" / "shared-signs.yaml").write_text(CHECKLIST, encoding="utf-8")
    ids = []
    for index, name in enumerate(drug_names(pages, seed)):
        (root / "drugs" / f"{slug(name)}.yaml").write_text(drug_page(name, index), encoding="utf-8")
        ids.append(slug(name))
    return ids
