"""The per-screen view models: what each screen shows and says, without a QApplication."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.checklist import evaluate
from kiosk.content import Catalog, load_content
from kiosk.content.text import LocalText
from kiosk.i18n import UI_STRINGS
from kiosk.search import DrugIndex
from kiosk.session import Place, Screen
from kiosk.views.call_card import call_card_view
from kiosk.views.checklist import checklist_view
from kiosk.views.drug_page import drug_page_view
from kiosk.views.home import home_view
from kiosk.views.lists import checklist_list_view, drug_list_view
from kiosk.views.markdown import kiosk_markdown, spoken_markdown, spoken_number
from kiosk.views.result import result_view
from tests.conftest import SHIPPED_CONTENT


class English:
    """The interface's English source strings, as a view model's Words."""

    language = "en"

    def ui(self, key: str, **values: str) -> str:
        return UI_STRINGS[key].format(**values) if values else UI_STRINGS[key]

    def text(self, value: LocalText) -> str:
        return value.get("en")


WORDS = English()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = load_content(SHIPPED_CONTENT)
    assert result.catalog is not None
    return result.catalog


def test_a_drug_page_says_its_other_names_sources_and_review(catalog: Catalog) -> None:
    page = catalog.drugs["baclofen"]
    view = drug_page_view(catalog, page, WORDS)
    said = view.spoken()
    assert said[0] == UI_STRINGS["draft_banner"]  # draft: said first, as it is shown first
    assert said[1] == "Baclofen"
    assert any("Gablofen" in line for line in said)  # other names
    assert UI_STRINGS["sources"] in said and page.sources[0].title in said
    assert not any("http" in line for line in said)  # a source's title, not its address
    assert said[-2].startswith("Not yet checked") or "review" in said[-2].lower()
    assert said[-1] == catalog.site.disclaimer.get("en")


def test_the_drug_pages_emergency_box_says_the_action_before_the_signs(catalog: Catalog) -> None:
    view = drug_page_view(catalog, catalog.drugs["baclofen"], WORDS)
    assert view.urgent is not None
    said = view.urgent.spoken()
    assert said[0] == catalog.site.emergency_action.get("en")
    assert said[1] == UI_STRINGS["level_immediate"]
    assert all(not line.startswith("•") for line in said)  # bullets are shown, not said


def test_an_urgent_result_says_the_emergency_action_then_its_level(catalog: Catalog) -> None:
    checklist = catalog.checklists["baclofen-pump"]
    urgent = next(item.id for item in checklist.items if item.urgent)
    result = evaluate(checklist, frozenset({urgent}))
    view = result_view(catalog, checklist, result, WORDS)
    said = view.spoken()
    assert view.immediate and said[0] == checklist.emergency_action.get("en")  # type: ignore[union-attr]
    assert said[1] == UI_STRINGS["level_immediate"]
    assert view.call.target == Place(Screen.CALL, checklist.id)
    assert spoken_number(catalog.site.coordinator.phone) in said


def test_a_calm_result_says_its_level_first_and_leads_to_the_plain_call_card(
    catalog: Catalog,
) -> None:
    checklist = catalog.checklists["baclofen-tablets"]
    some = next(item.id for item in checklist.items if not item.urgent)
    view = result_view(catalog, checklist, evaluate(checklist, frozenset({some})), WORDS)
    assert not view.immediate
    assert view.spoken()[0] == UI_STRINGS[f"level_{view.level.value.replace('-', '_')}"]
    assert view.call.target == Place(Screen.CALL)
    assert view.draft is not None and view.draft_first


def test_a_checklist_says_each_item_and_whether_it_is_ticked(catalog: Catalog) -> None:
    checklist = catalog.checklists["baclofen-pump"]
    first = checklist.items[0]
    view = checklist_view(checklist, frozenset({first.id}), WORDS)
    rows = {row.item_id: row for row in view.rows}
    assert rows[first.id].ticked and rows[first.id].state == UI_STRINGS["checked"]
    assert rows[checklist.items[1].id].state == UI_STRINGS["not_checked"]
    assert f"{first.text.get('en')} ({UI_STRINGS['checked']})" in view.spoken()
    assert view.see_result.target == Place(Screen.RESULT, checklist.id)


def test_the_call_card_keeps_an_emergency_action_first_and_reads_numbers_digit_by_digit(
    catalog: Catalog,
) -> None:
    action = catalog.checklists["baclofen-pump"].emergency_action
    view = call_card_view(catalog, WORDS, action)
    said = view.spoken()
    assert action is not None and said[0] == action.get("en")
    assert "3 5 2, 7 7 1, 2 7 0 0" in said
    assert UI_STRINGS["call_now"] not in said  # this kiosk cannot dial
    assert UI_STRINGS["call_now"] in view.spoken(can_call=True)
    assert [line.phone.number for line in view.help_lines] == [
        line.phone for line in catalog.site.help_lines
    ]


def test_home_has_three_tiles_and_one_checklist_place(catalog: Catalog) -> None:
    view = home_view(catalog, WORDS, dt.date(2026, 12, 1))
    assert list(view.tiles) == ["medications", "checklist", "call"]
    # several checklists: the tile leads to the list of them
    assert view.tiles["checklist"].target == Place(Screen.CHECKLIST_LIST)
    assert view.spoken()[0] == catalog.site.clinic_name.get("en")


def test_the_medication_list_says_its_rows_or_why_there_are_none(catalog: Catalog) -> None:
    index = DrugIndex(catalog.drugs)
    found = drug_list_view(catalog, index, "gablofen", WORDS)
    assert [row.drug_id for row in found.rows] == ["baclofen"] and found.empty is None
    none = drug_list_view(catalog, index, "zzzz", WORDS)
    assert none.rows == () and none.empty is not None and "zzzz" in none.empty.text
    assert none.spoken()[-1] == none.empty.text
    assert checklist_list_view(catalog, WORDS).rows.keys() == catalog.checklists.keys()


@pytest.mark.parametrize(
    ("markdown", "said"),
    [
        ("Do **not** stop\nsuddenly.", "Do not stop suddenly."),
        ("- one\n- two", "one\ntwo"),
        ("See [the list](checklist:x) or [FDA](https://fda.gov).", "See the list or FDA."),
        ("## Heading\n\n1. first", "Heading\nfirst"),
        ("***both***", "both"),
    ],
)
def test_markdown_is_said_without_its_markup(markdown: str, said: str) -> None:
    assert spoken_markdown(markdown) == said


def test_only_internal_links_stay_links_on_screen() -> None:
    shown = kiosk_markdown("[a](drug:x) [b](https://x.org) [c](drug:)")
    assert shown == "[a](drug:x) b c"
