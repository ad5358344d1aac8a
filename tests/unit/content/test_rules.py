"""Each content rule on a tiny hand-made page, checklist or kiosk.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.content.models import Checklist, DrugPage, Site
from kiosk.content.problems import Severity
from kiosk.content.rules.ids import duplicate_id_problem, file_name_problems
from kiosk.content.rules.interface import interface_translation_problems
from kiosk.content.rules.moved_settings import without_moved_settings
from kiosk.content.rules.plain_language import plain_language_problems
from kiosk.content.rules.references import (
    checklist_link_problems,
    checklist_reference_problems,
    drug_page_problems,
    image_problems,
    link_problem,
)
from kiosk.content.rules.review import review_problems
from kiosk.content.rules.translations import iter_texts, translation_problems
from kiosk.content.yaml_source import parse_yaml
from tests.unit.content.helpers import CHECKLIST, SITE, drug_yaml, parsed

LABEL = "drugs/x.yaml"
TODAY = dt.date(2026, 11, 24)
BODY = '"It is a **medicine**."'
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def page_with(body: str = BODY, review: str | None = None, **replace: str) -> str:
    text = drug_yaml("x").replace(BODY, body)
    if review is not None:
        text = text.replace("review: {status: draft, next_review: 2099-01-01}", review)
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


# -- review -------------------------------------------------------------------------------


def test_review_no_record_is_one_warning_at_the_top() -> None:
    page, doc = parsed(page_with(review=""), DrugPage)
    (problem,) = review_problems(page, doc, LABEL, TODAY)
    assert (problem.line, problem.col, problem.severity) == (1, 1, Severity.WARNING)
    assert problem.message.startswith("no review record")


def test_review_draft_warns_and_a_date_in_the_future_is_fine() -> None:
    page, doc = parsed(page_with(), DrugPage)  # draft, next review 2099
    (problem,) = review_problems(page, doc, LABEL, TODAY)
    assert "not yet clinically reviewed" in problem.message and problem.line == 13


def test_review_overdue_and_missing_dates() -> None:
    reviewed = "review: {status: reviewed, reviewed_by: Dr X, reviewed_on: 2026-01-01"
    due = page_with(review=reviewed + ", next_review: 2026-11-23}")
    page, doc = parsed(due, DrugPage)
    (problem,) = review_problems(page, doc, LABEL, TODAY)
    assert problem.message == (
        "the review was due on 2026-11-23; ask a clinician to review this page"
    )
    page, doc = parsed(page_with(review=reviewed + ", next_review: 2026-11-24}"), DrugPage)
    assert review_problems(page, doc, LABEL, TODAY) == []  # due today is not overdue
    page, doc = parsed(page_with(review=reviewed + "}"), DrugPage)
    assert [p.message for p in review_problems(page, doc, LABEL, TODAY)] == [
        "review.next_review is not set"
    ]


# -- translations and plain language -----------------------------------------------------


def test_translation_plain_string_and_missing_language() -> None:
    text = page_with(**{"summary: {en: A medicine., es: Un medicamento.}": "summary: A medicine."})
    text = text.replace("{en: High fever, es: Fiebre alta}", "{en: High fever}")
    page, doc = parsed(text, DrugPage)
    problems = translation_problems(page, doc, LABEL, ("en", "es"))
    assert [(p.line, p.message) for p in problems] == [
        (
            4,
            "this text is one plain string, so every language shows it as written; "
            "write it as {en: …, es: …}",
        ),
        (9, "no Spanish ('es') text here; English is shown instead"),
    ]
    assert translation_problems(page, doc, LABEL, ("en",)) == []  # one language: all fine


def test_iter_texts_walks_nested_models_with_key_paths() -> None:
    page, _ = parsed(page_with(), DrugPage)
    paths = [path for path, _ in iter_texts(page)]
    assert paths == [
        ("name",),
        ("summary",),
        ("sections", 0, "title"),
        ("sections", 0, "body"),
        ("urgent", 0),
    ]


HARD = (
    "Abrupt discontinuation of intrathecal baclofen, regardless of the cause, has resulted "
    "in sequelae that include high fever, altered mental status, exaggerated rebound "
    "spasticity, and muscle rigidity, that in rare cases has advanced to rhabdomyolysis, "
    "multiple organ-system failure and death."
)


def test_plain_language_names_the_hard_text() -> None:
    page, doc = parsed(page_with(f'"{HARD}"'), DrugPage)
    (problem,) = plain_language_problems(page, doc, LABEL, ("en",))
    assert problem.message.startswith("section 'What is it?' (en) reads at grade ")
    assert problem.line == 7
    easy, doc = parsed(page_with(), DrugPage)
    assert plain_language_problems(easy, doc, LABEL, ("en", "es")) == []


# -- interface translations ----------------------------------------------------------------


def test_interface_translation_missing_partial_and_english(tmp_path: Path) -> None:
    site_doc = parse_yaml(SITE)
    (tmp_path / "kiosk_fr.ts").write_text(
        '<TS version="2.1" language="fr"><context><name>kiosk</name>'
        "<message><source>Back</source><comment>back</comment>"
        "<translation>Retour</translation></message></context></TS>",
        encoding="utf-8",
    )
    problems = interface_translation_problems(tmp_path, ("en", "de", "fr"), "kiosk.yaml", site_doc)
    assert [(p.line, p.col) for p in problems] == [(2, 12), (2, 12)]  # at languages:
    assert problems[0].message.startswith("no interface translation for 'de' (")
    assert "interface string(s) are not translated into 'fr' yet" in problems[1].message
    assert "back" not in problems[1].message.split(": ", 1)[1].split(", ")
    assert interface_translation_problems(tmp_path, ("en",), "kiosk.yaml", None) == []


# -- ids -------------------------------------------------------------------------------------


def test_duplicate_id_and_file_name_rules() -> None:
    doc = parse_yaml(drug_yaml("x"))
    problem = duplicate_id_problem(LABEL, doc, "x", "drugs/first.yaml")
    assert problem.is_error and (problem.line, problem.col) == (1, 5)
    assert problem.message == "duplicate id 'x': drugs/first.yaml already uses it"
    assert file_name_problems("drugs/x.yaml", LABEL, "x", doc) == []
    (warning,) = file_name_problems("drugs/y.yaml", LABEL, "x", doc)
    assert not warning.is_error and "differs from the file name 'y'" in warning.message


# -- moved settings ------------------------------------------------------------------------


def test_moved_settings_are_dropped_with_a_warning_each_and_the_document_kept() -> None:
    text = SITE.replace('phone: "352-771-2700"', 'phone: "352-771-2700"\n  call_command: [x]')
    text += 'admin_pin_hash: "abc"\n'
    doc = parse_yaml(text)
    cleaned, problems = without_moved_settings(doc.data, "kiosk.yaml", doc)
    assert "admin_pin_hash" not in cleaned and "call_command" not in cleaned["coordinator"]  # type: ignore[operator]
    assert "call_command" in doc.data["coordinator"] and "admin_pin_hash" in doc.data
    assert [p.message.split("'")[1] for p in problems] == [
        "admin_pin_hash",
        "coordinator.call_command",
    ]
    assert "with kioskctl set-pin" in problems[0].message
    assert "kioskctl" not in problems[1].message
    assert Site.model_validate(cleaned).clinic_name.get("en") == "Test Clinic"
    same, none = without_moved_settings(parse_yaml(SITE).data, "kiosk.yaml", parse_yaml(SITE))
    assert none == [] and same == parse_yaml(SITE).data


# -- references ----------------------------------------------------------------------------


def test_link_problem_for_each_kind_of_target() -> None:
    drugs, checklists = {"baclofen"}, {"withdrawal"}
    assert link_problem("drug:baclofen", LABEL, 3, 4, drugs, checklists) is None
    assert link_problem("checklist:withdrawal", LABEL, 3, 4, drugs, checklists) is None
    missing = link_problem("drug:baclofn", LABEL, 3, 4, drugs, checklists)
    assert missing is not None and missing.is_error and (missing.line, missing.col) == (3, 4)
    assert missing.message == (
        "link to drug page 'baclofn' that does not exist; did you mean 'baclofen'?"
    )
    empty = link_problem("checklist:", LABEL, 3, 4, drugs, checklists)
    assert empty is not None and empty.message == "link to checklist '' that does not exist"
    outside = link_problem("https://nhs.uk", LABEL, 3, 4, drugs, checklists)
    assert outside is not None and not outside.is_error
    assert outside.message.startswith("link 'https://nhs.uk' cannot be opened on the kiosk")


def test_checklist_references_name_the_list_entry() -> None:
    page, doc = parsed(
        page_with(**{"checklist: withdrawal": "checklist: [withdrawal, withdrawl]"}), DrugPage
    )
    (problem,) = checklist_reference_problems(page, doc, LABEL, {"withdrawal"})
    assert problem.message == "checklist 'withdrawl' does not exist; did you mean 'withdrawal'?"
    assert (problem.line, problem.col) == (10, 25)
    assert checklist_reference_problems(page, doc, LABEL, {"withdrawal", "withdrawl"}) == []


def test_image_rule(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "ok.png").write_bytes(PNG)
    image = "checklist: withdrawal\nimage: images/{}"
    page, doc = parsed(page_with(**{"checklist: withdrawal": image.format("ok.png")}), DrugPage)
    assert image_problems(page, doc, LABEL, tmp_path) == []
    page, doc = parsed(page_with(**{"checklist: withdrawal": image.format("no.png")}), DrugPage)
    (problem,) = image_problems(page, doc, LABEL, tmp_path)
    assert problem.message == "image 'images/no.png' does not exist" and problem.line == 11
    page, doc = parsed(page_with(), DrugPage)
    assert image_problems(page, doc, LABEL, tmp_path) == []  # no image at all


def test_drug_page_problems_in_order(tmp_path: Path) -> None:
    text = page_with(
        '"[a](drug:nope) [b](mailto:x) [c](drug:x)"',
        **{"checklist: withdrawal": "checklist: gone\nimage: images/no.png"},
    )
    page, doc = parsed(text, DrugPage)
    problems = drug_page_problems(page, doc, LABEL, tmp_path, {"x"}, {"withdrawal"})
    assert [(p.severity.value, p.message.split(" ")[0:2]) for p in problems] == [
        ("error", ["checklist", "'gone'"]),
        ("error", ["image", "'images/no.png'"]),
        ("error", ["link", "to"]),
        ("warning", ["link", "'mailto:x'"]),
    ]


def test_checklist_links_are_only_warnings() -> None:
    text = CHECKLIST.replace(
        "intro: {en: Not a diagnosis., es: No es un diagnóstico.}",
        'intro: {en: "[a](drug:nope) [b](drug:baclofen)", es: "[c](https://x.org)"}',
    )
    checklist, doc = parsed(text, Checklist)
    problems = checklist_link_problems(checklist, doc, "c.yaml", {"baclofen"}, {"withdrawal"})
    assert [(p.severity, p.line, p.message) for p in problems] == [
        (
            Severity.WARNING,
            3,
            "link to drug page 'nope' that does not exist; touching it does nothing",
        ),
        (
            Severity.WARNING,
            3,
            "link 'https://x.org' cannot be opened on the kiosk (only drug:<id> and "
            "checklist:<id> links work); its text is shown without a link",
        ),
    ]
