"""Every kind of bad content gives one clear, positioned problem and never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.content import load_content
from kiosk.content.problems import Severity
from tests.conftest import Writer, drug_yaml

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

BAD_DRUG_CASES = [  # the bad file is drugs/second.yaml
    pytest.param("id: baclofen\nname: [unclosed\n", "not valid YAML", 3, id="malformed-yaml"),
    pytest.param(
        drug_yaml("second").replace("sections:\n  - title:", "sections: hello\n  - title:"),
        "not valid YAML",
        6,
        id="malformed-indentation",
    ),
    pytest.param(
        drug_yaml("second").replace("summary:", "sumary:"),
        "unknown key 'sumary'; did you mean 'summary'?",
        4,
        id="misspelt-key",
    ),
    pytest.param(
        drug_yaml("second").replace("summary:", "colour: red\nsummary:"),
        "unknown key 'colour' (allowed here:",
        4,
        id="unknown-key",
    ),
    pytest.param(
        drug_yaml("second").replace("summary: {en: A medicine., es: Un medicamento.}", ""),
        "missing required key 'summary'",
        1,
        id="missing-key",
    ),
    pytest.param(
        drug_yaml("second").replace("other_names: [Lioresal]", "other_names: Lioresal"),
        "other_names: expected a list",
        3,
        id="wrong-type-list",
    ),
    pytest.param(
        drug_yaml("second").replace(
            "summary: {en: A medicine., es: Un medicamento.}", "summary: 42"
        ),
        "summary: expected text, or a map of languages to text",
        4,
        id="wrong-type-text",
    ),
    pytest.param(
        drug_yaml("second").replace(
            "{en: A medicine., es: Un medicamento.}", "{english: A medicine.}"
        ),
        "'english' is not a language code",
        4,
        id="bad-language-code",
    ),
    pytest.param(
        drug_yaml("second").replace("id: second", "id: Baclofen Tablets"),
        "'Baclofen Tablets' is not a valid id",
        1,
        id="bad-id",
    ),
    pytest.param(
        drug_yaml("second").replace("checklist: withdrawal", "checklist: withdrawl"),
        "checklist 'withdrawl' does not exist; did you mean 'withdrawal'?",
        10,
        id="checklist-link-to-nothing",
    ),
    pytest.param(
        drug_yaml("second").replace(
            "checklist: withdrawal", "checklist: withdrawal\nimage: ../../etc/passwd"
        ),
        "points outside the content folder",
        11,
        id="image-escapes-folder",
    ),
    pytest.param(
        drug_yaml("second").replace(
            "checklist: withdrawal", "checklist: withdrawal\nimage: /etc/passwd"
        ),
        "must be a path inside the content folder",
        11,
        id="image-absolute-path",
    ),
    pytest.param(
        drug_yaml("second").replace(
            "checklist: withdrawal", "checklist: withdrawal\nimage: images/fake.png"
        ),
        "'images/fake.png' is not a PNG, JPEG, GIF or WebP image",
        11,
        id="image-not-an-image",
    ),
    pytest.param(
        drug_yaml("second").replace(
            "checklist: withdrawal", "checklist: withdrawal\nimage: images/gone.png"
        ),
        "image 'images/gone.png' does not exist",
        11,
        id="image-missing",
    ),
    pytest.param(
        drug_yaml("second").replace('"It is a **medicine**."', '"See [other](drug:nope)."'),
        "link to drug page 'nope' that does not exist",
        7,
        id="internal-link-to-nothing",
    ),
    pytest.param(
        b"id: baclofen\nname: Bac\xfflofen\n", "not UTF-8 text (byte 0xff)", 2, id="non-utf8"
    ),
    pytest.param(b"", "the file is empty", 1, id="empty-file"),
    pytest.param("# only a comment\n\n", "the file is empty", 1, id="only-comments"),
    pytest.param(
        "id: baclofen\nname: " + "x" * (600 * 1024) + "\n",
        "content files may be at most 512 KiB",
        0,
        id="file-too-large",
    ),
    pytest.param(
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
        "anchors and aliases (& and *) are not allowed",
        1,  # the anchor's line: where the repeated text is written
        id="alias-bomb",
    ),
    pytest.param(
        drug_yaml("second") + "id: other\n",
        "the key 'id' appears twice",
        14,
        id="duplicate-key",
    ),
    pytest.param(
        "id: !!python/object/apply:os.system ['echo hi']\n",
        "the YAML tag '!!python/object/apply:os.system' is not allowed",
        1,
        id="unsafe-tag",
    ),
    pytest.param(
        "- a list\n- not a mapping\n", "must be a mapping of keys to values", 1, id="not-a-mapping"
    ),
    pytest.param("[" * 200 + "]" * 200 + "\n", "nested", 1, id="deep-nesting"),
    pytest.param(
        drug_yaml("second").replace("next_review: 2099-01-01", "next_review: 2099-13-45"),
        "cannot read this value",
        13,
        id="impossible-date",
    ),
    pytest.param(
        drug_yaml("second").replace(
            "{status: draft, next_review: 2099-01-01}", "{status: reviewed}"
        ),
        "a page marked 'reviewed' needs reviewed_by and reviewed_on",
        13,
        id="reviewed-without-who",
    ),
    pytest.param(
        drug_yaml("second").replace(
            'url: "https://www.nhs.uk/medicines/baclofen/"', "url: nhs dot uk"
        ),
        "sources[1].url",
        12,
        id="bad-url",
    ),
]


@pytest.mark.parametrize(("data", "message", "line"), BAD_DRUG_CASES)
def test_bad_drug_file_names_file_line_and_problem(
    content_dir: Path, write: Writer, data: str | bytes, message: str, line: int
) -> None:
    write("images/fake.png", "this is text, not a picture")
    write("drugs/second.yaml", data)
    result = load_content(content_dir)

    errors = [p for p in result.errors if p.path.endswith("second.yaml")]
    assert errors, f"no error reported; got {[str(p) for p in result.problems]}"
    assert any(message in p.message for p in errors), [str(p) for p in errors]
    hit = next(p for p in errors if message in p.message)
    assert hit.line == line
    assert str(hit).startswith(f"{content_dir / 'drugs' / 'second.yaml'}:{line}:")
    # The bad file is left out; the good page still loads.
    assert result.catalog is not None
    assert list(result.catalog.drugs) == ["baclofen"]


def test_duplicate_id_names_both_files(content_dir: Path, write: Writer) -> None:
    write("drugs/zz-copy.yaml", drug_yaml(name="Copy"))
    result = load_content(content_dir)
    (problem,) = [p for p in result.errors if "duplicate id" in p.message]
    assert problem.path.endswith("zz-copy.yaml")
    assert problem.line == 1
    assert "drugs/baclofen.yaml already uses it" in problem.message
    assert (
        result.catalog is not None and result.catalog.drugs["baclofen"].name.get("en") == "Baclofen"
    )


def test_valid_image_is_accepted(content_dir: Path, write: Writer) -> None:
    write("images/pill.png", PNG)
    write(
        "drugs/second.yaml",
        drug_yaml("second").replace("checklist:", "image: images/pill.png\nchecklist:"),
    )
    result = load_content(content_dir)
    assert result.errors == ()
    assert result.catalog is not None and result.catalog.drugs["second"].image == "images/pill.png"


def test_symlinked_file_pointing_outside_is_refused(content_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(drug_yaml("outside"), encoding="utf-8")
    (content_dir / "drugs" / "outside.yaml").symlink_to(outside)
    result = load_content(content_dir)
    assert any("outside the content folder" in p.message for p in result.errors)
    assert result.catalog is not None and "outside" not in result.catalog.drugs


def test_all_problems_are_collected_not_just_the_first(content_dir: Path, write: Writer) -> None:
    write(
        "drugs/a.yaml",
        drug_yaml("a").replace("summary:", "sumary:").replace("other_names:", "othernames:"),
    )
    write("drugs/b.yaml", b"\xff\xfe")
    write("checklists/c.yaml", "id: c\n")
    result = load_content(content_dir)
    messages = [p.message for p in result.errors]
    assert any("did you mean 'summary'" in m for m in messages)
    assert any("did you mean 'other_names'" in m for m in messages)
    assert any("not UTF-8" in m for m in messages)
    assert any("missing required key 'title'" in m for m in messages)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('phone: "352-771-2700"', "phone: call us"), "'call us' is not a phone number"),
        (("languages: [en, es]", "languages: [english]"), "'english' is not a language code"),
        (("coordinator:", "coordinater:"), "did you mean 'coordinator'?"),
        (("disclaimer:", "idle: {countdown_s: 5}\ndisclaimer:"), "idle.countdown_s"),
    ],
)
def test_bad_site_settings(content_dir: Path, change: tuple[str, str], message: str) -> None:
    site = content_dir / "kiosk.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    result = load_content(content_dir)
    assert any(message in p.message and p.path.endswith("kiosk.yaml") for p in result.errors), [
        str(p) for p in result.problems
    ]
    assert result.catalog is None  # nothing to fall back to on a first load


def test_missing_folder_and_missing_site(tmp_path: Path) -> None:
    result = load_content(tmp_path / "nope")
    assert [p.message for p in result.errors] == ["the content folder does not exist"]
    (tmp_path / "empty").mkdir()
    result = load_content(tmp_path / "empty")
    assert "missing: every content folder needs a kiosk.yaml" in result.errors[0].message


def test_warnings_review_translation_and_stray_files(content_dir: Path, write: Writer) -> None:
    write(
        "drugs/old.yaml",
        drug_yaml("old").replace("next_review: 2099-01-01", "next_review: 2020-01-01"),
    )
    write(
        "drugs/norev.yaml",
        drug_yaml("norev").replace("review: {status: draft, next_review: 2099-01-01}\n", ""),
    )
    write(
        "drugs/english.yaml",
        drug_yaml("english").replace("{en: A medicine., es: Un medicamento.}", "{en: A medicine.}"),
    )
    write("drugs/notes.txt", "notes")
    result = load_content(content_dir, today=dt.date(2026, 11, 24))
    assert result.errors == ()
    by_file = {Path(p.path).name: p for p in result.warnings if p.severity is Severity.WARNING}
    warnings = [str(p) for p in result.warnings]
    assert any("old.yaml:13:" in w and "the review was due on 2020-01-01" in w for w in warnings)
    assert any("norev.yaml:1:1: warning: no review record" in w for w in warnings)
    assert any("english.yaml:4:" in w and "no Spanish ('es') text here" in w for w in warnings)
    assert "notes.txt" in by_file and "only .yaml files" in by_file["notes.txt"].message
    assert result.catalog is not None and {"old", "norev", "english"} <= set(result.catalog.drugs)


def test_external_link_in_body_is_a_warning(content_dir: Path, write: Writer) -> None:
    write(
        "drugs/link.yaml",
        drug_yaml("link").replace('"It is a **medicine**."', '"See [NHS](https://nhs.uk)."'),
    )
    result = load_content(content_dir)
    assert result.errors == ()
    assert any("cannot be opened on the kiosk" in p.message for p in result.warnings)


HARD = (
    "Abrupt discontinuation of intrathecal baclofen, regardless of the cause, has resulted "
    "in sequelae that include high fever, altered mental status, exaggerated rebound "
    "spasticity, and muscle rigidity, that in rare cases has advanced to rhabdomyolysis, "
    "multiple organ-system failure and death."
)


def test_plain_language_check_names_the_hard_section(content_dir: Path, write: Writer) -> None:
    page = drug_yaml("hard").replace(
        '    body: {en: "It is a **medicine**.", es: "Es un **medicamento**."}',
        '    body: {en: "It is a **medicine**.", es: "Es un **medicamento**."}\n'
        "  - title: {en: Stopping the pump, es: Dejar la bomba}\n"
        f'    body: {{en: "{HARD}", es: "Texto."}}',
    )
    write("drugs/hard.yaml", page)
    # The running kiosk does not grade (textstat is slow to import); `kiosk check` does.
    assert not [p for p in load_content(content_dir).warnings if "Flesch" in p.message]
    result = load_content(content_dir, plain_language=True)
    assert result.errors == ()
    (problem,) = [p for p in result.warnings if "Flesch" in p.message]
    assert problem.path.endswith("hard.yaml") and problem.line == 9
    assert problem.message.startswith("section 'Stopping the pump' (en) reads at grade ")
    assert "aim for grade 6 or below" in problem.message


def test_plain_language_check_passes_easy_text_and_shipped_content() -> None:
    from kiosk.content.readability import grade
    from tests.conftest import SHIPPED_CONTENT

    assert grade("We go to the shop. It is near. We buy milk and bread there.") < 6
    assert grade(HARD) > 6
    result = load_content(SHIPPED_CONTENT, plain_language=True)
    assert not [p for p in result.problems if "reads at" in p.message]


HARD_ES = (
    "La interrupción abrupta del baclofeno intratecal, independientemente de la causa, ha "
    "provocado secuelas que incluyen fiebre elevada, alteración del estado mental, "
    "espasticidad de rebote exagerada y rigidez muscular, que en casos excepcionales ha "
    "evolucionado a rabdomiólisis, insuficiencia multiorgánica y fallecimiento."
)
EASY_ES = (
    "No deje el baclofeno de golpe. Hable con su médico antes. Si tiene fiebre, avise. "
    "Si le cuesta pensar, avise. Si ve cosas que no están, avise. Vamos a ayudarle hoy."
)


def test_spanish_is_graded_on_the_inflesz_scale() -> None:
    from kiosk.content.readability import SCALES, score

    spanish = SCALES["es"]
    assert spanish.too_hard(score(HARD_ES, "es"))
    assert not spanish.too_hard(score(EASY_ES, "es"))


def test_checklist_results_are_graded_in_both_languages(content_dir: Path, write: Writer) -> None:
    checklist = (content_dir / "checklists" / "withdrawal.yaml").read_text(encoding="utf-8")
    start = checklist.index("results:")
    end = checklist.index("\n", checklist.index("none:", start))
    hard = (
        "results:\n"
        f'  urgent: {{en: "{HARD}", es: "{HARD_ES}"}}\n'
        '  some: {en: "Talk to us.", es: "Hable con nosotros."}\n'
        '  none: {en: "Good.", es: "Bien."}'
    )
    write("checklists/withdrawal.yaml", checklist[:start] + hard + checklist[end:])
    result = load_content(content_dir, plain_language=True)
    hard_ones = sorted(
        p.message.split(" reads at")[0] for p in result.warnings if "reads at" in p.message
    )
    assert hard_ones == ["the 'urgent' result (en)", "the 'urgent' result (es)"]


def test_a_plain_string_in_a_two_language_kiosk_is_warned_about(
    content_dir: Path, write: Writer
) -> None:
    page = drug_yaml("plain").replace(
        "summary: {en: A medicine., es: Un medicamento.}", "summary: A medicine."
    )
    write("drugs/plain.yaml", page)
    result = load_content(content_dir)
    (problem,) = [p for p in result.warnings if "plain string" in p.message]
    assert problem.path.endswith("plain.yaml") and problem.line == 4
    assert "{en: …, es: …}" in problem.message


def test_plain_language_grades_link_words_not_addresses() -> None:
    from kiosk.content.readability import plain

    # The same links the kiosk renders (kiosk.content.text.MARKDOWN_LINK), titles included.
    text = 'Use [the checklist](checklist:withdrawal "Signs") or [this page]( <drug:x> ).'
    assert plain(text) == "Use the checklist or this page."
