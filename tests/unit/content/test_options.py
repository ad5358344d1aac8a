"""LoadOptions: built once, frozen, named arguments only."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kiosk.content.options import LoadOptions


def test_load_options_are_frozen() -> None:
    options = LoadOptions(pages=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.pages = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.settle_s = 1.0  # type: ignore[misc]
    assert options.pages is False


def test_load_options_take_names_only() -> None:
    with pytest.raises(TypeError):
        LoadOptions(dt.date(2026, 1, 1))  # type: ignore[call-arg]


def test_defaults_are_a_full_quiet_load_today() -> None:
    options = LoadOptions()
    assert options.today == dt.date.today()
    assert (options.i18n_dir, options.settle_s, options.plain_language, options.pages) == (
        None,
        0.0,
        False,
        True,
    )


def test_changed_copy_leaves_the_original() -> None:
    options = LoadOptions(i18n_dir=Path("resources/i18n"))
    graded = dataclasses.replace(options, plain_language=True)
    assert graded.plain_language and not options.plain_language
    assert graded.i18n_dir == options.i18n_dir
