"""load_content: a content folder through discovery, parsing and the rules, to a catalog."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel

from kiosk.content.catalog import Catalog, LoadResult
from kiosk.content.discovery import FOLDERS, SITE_FILE, admit, yaml_files
from kiosk.content.last_good import LastGood, kept_last_good
from kiosk.content.links import Link, LinkKind
from kiosk.content.models import Checklist, DrugPage, Site
from kiosk.content.options import LoadOptions
from kiosk.content.parse_cache import ParseCache
from kiosk.content.parsing import Parsed, Prepare, parse_file
from kiosk.content.problems import Problem, error
from kiosk.content.rules.ids import duplicate_id_problem, file_name_problems
from kiosk.content.rules.interface import interface_translation_problems
from kiosk.content.rules.moved_settings import without_moved_settings
from kiosk.content.rules.notices import notice_problems
from kiosk.content.rules.plain_language import plain_language_problems
from kiosk.content.rules.references import checklist_link_problems, drug_page_problems
from kiosk.content.rules.review import review_problems
from kiosk.content.rules.translations import translation_problems
from kiosk.content.yaml_source import YamlDocument

__all__ = ["LoadOptions", "load", "load_content"]

M = TypeVar("M", bound=BaseModel)
P = TypeVar("P", DrugPage, Checklist)


@dataclass
class _Load:
    """One load's inputs, and the problems and unsettled files found so far."""

    root: Path
    real_root: Path
    options: LoadOptions
    last_good: LastGood
    cache: ParseCache | None
    problems: list[Problem] = field(default_factory=list)
    unsettled: list[str] = field(default_factory=list)

    def parse(self, relative: str, model: type[M], prepare: Prepare | None = None) -> Parsed[M]:
        """Discovery's verdict on one file, then parsing; checked just before it is read."""
        admission = admit(self.root, relative, self.options.settle_s, real_root=self.real_root)
        parsed = parse_file(
            self.root, relative, model, admission, cache=self.cache, prepare=prepare
        )
        if parsed.unsettled:
            self.unsettled.append(relative)
        return parsed


# -- parsing: files to models, with the last good version of a file that fails ------------


def _read_site(load: _Load) -> tuple[Site | None, YamlDocument | None]:
    """kiosk.yaml's settings (or the last good ones) and its document, if it parsed."""
    label = str(load.root / SITE_FILE)
    if not (load.root / SITE_FILE).exists():
        load.problems.append(error(label, 0, 0, "missing: every content folder needs a kiosk.yaml"))
        return load.last_good.site, None
    parsed = load.parse(SITE_FILE, Site, prepare=without_moved_settings)
    load.problems.extend(parsed.problems)
    if parsed.model is not None:
        return parsed.model, parsed.doc
    if load.last_good.site is not None and not parsed.unsettled:
        load.problems.append(kept_last_good(label))
        return load.last_good.site, parsed.doc
    return None, parsed.doc


def _read_folder(load: _Load, kind: LinkKind, model: type[P]) -> dict[str, Parsed[P]]:
    """Every file of one kind, by id; a failed file falls back to its last good version."""
    relatives, strays = yaml_files(load.root, FOLDERS[kind])
    load.problems.extend(strays)
    loaded: dict[str, Parsed[P]] = {}
    for relative in relatives:
        parsed = load.parse(relative, model)
        load.problems.extend(parsed.problems)
        if parsed.model is None:
            fallback = load.last_good.page(kind, relative, model)
            if fallback is not None:
                if not parsed.unsettled:
                    load.problems.append(kept_last_good(parsed.label))
                loaded[fallback.id] = dataclasses.replace(parsed, model=fallback)
            continue
        model_id = parsed.model.id
        if model_id in loaded:
            first = loaded[model_id].relative
            load.problems.append(duplicate_id_problem(parsed.label, parsed.doc, model_id, first))
            continue
        load.problems.extend(file_name_problems(relative, parsed.label, model_id, parsed.doc))
        loaded[model_id] = parsed
    return loaded


# -- rules across files: references, then each file's own rules ---------------------------


def _check_drug_references(
    load: _Load, drugs: dict[str, Parsed[DrugPage]], checklists: dict[str, Parsed[Checklist]]
) -> None:
    """Drug pages that refer to nothing fall back to their last good version or go.

    In file order: a page left out here is missing for the links of the pages after it.
    """
    for drug_id, parsed in list(drugs.items()):
        page = parsed.model
        assert page is not None
        doc = parsed.doc if parsed.doc is not None else YamlDocument(data={})
        failures = drug_page_problems(page, doc, parsed.label, load.root, drugs, checklists)
        if any(p.is_error for p in failures) and parsed.doc is not None:
            # This file changed (it parsed) but is broken: fall back or leave out.
            fallback = load.last_good.page(LinkKind.DRUG, parsed.relative, DrugPage)
            if fallback is not None:
                drugs[drug_id] = Parsed(parsed.relative, parsed.label, fallback, None)
                failures.append(kept_last_good(parsed.label))
            else:
                del drugs[drug_id]
        load.problems.extend(failures)


def _check_checklist_links(
    load: _Load, drugs: dict[str, Parsed[DrugPage]], checklists: dict[str, Parsed[Checklist]]
) -> None:
    """Warnings for the links in checklist texts (a checklist is never left out for one)."""
    for parsed in checklists.values():
        if parsed.model is not None and parsed.doc is not None:
            load.problems.extend(
                checklist_link_problems(parsed.model, parsed.doc, parsed.label, drugs, checklists)
            )


def _page_problems(
    parsed: Parsed[DrugPage] | Parsed[Checklist], options: LoadOptions, languages: tuple[str, ...]
) -> list[Problem]:
    """One page's or checklist's own rules: review record, reading level, translations."""
    model, doc, label = parsed.model, parsed.doc, parsed.label
    if model is None or doc is None:
        return []
    problems = review_problems(model, doc, label, options.today)
    if options.plain_language:
        problems += plain_language_problems(model, doc, label, languages)
    problems += translation_problems(model, doc, label, languages)
    return problems


# -- the catalog -------------------------------------------------------------------------


def _catalog(
    root: Path,
    site: Site,
    drugs: dict[str, Parsed[DrugPage]],
    checklists: dict[str, Parsed[Checklist]],
    complete: bool,
) -> Catalog:
    """The catalog of what loaded: drug pages sorted by name in the default language."""
    pages = sorted(
        ((p.relative, p.model) for p in drugs.values() if p.model is not None),
        key=lambda item: item[1].name.get(site.default_language).casefold(),
    )
    lists = {key: p.model for key, p in checklists.items() if p.model is not None}
    origins = {Link(LinkKind.DRUG, page.id): relative for relative, page in pages}
    origins.update({Link(LinkKind.CHECKLIST, key): checklists[key].relative for key in lists})
    return Catalog(
        root=root,
        site=site,
        drugs=MappingProxyType({page.id: page for _, page in pages}),
        checklists=MappingProxyType(lists),
        origins=MappingProxyType(origins),
        complete=complete,
    )


# -- the pipeline ------------------------------------------------------------------------


def load(
    root: Path,
    options: LoadOptions,
    previous: Catalog | None = None,
    cache: ParseCache | None = None,
) -> LoadResult:
    """One load of ``root`` with fixed ``options``: discovery → parsing → rules → catalog."""
    try:
        return _run(root, options, previous, cache)
    finally:
        if cache is not None:
            cache.end_load()


def _run(
    root: Path, options: LoadOptions, previous: Catalog | None, cache: ParseCache | None
) -> LoadResult:
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        return LoadResult(previous, (error(str(root), 0, 0, f"the content folder {what}"),))
    load = _Load(root, root.resolve(), options, LastGood(previous), cache)
    site, site_doc = _read_site(load)
    checklists = _read_folder(load, LinkKind.CHECKLIST, Checklist)
    drugs = _read_folder(load, LinkKind.DRUG, DrugPage) if options.pages else {}
    _check_drug_references(load, drugs, checklists)
    _check_checklist_links(load, drugs, checklists)
    if site is not None:
        load.problems += notice_problems(site, site_doc, str(root / SITE_FILE), options.today)
    if site is not None and options.i18n_dir is not None:
        load.problems += interface_translation_problems(
            options.i18n_dir, site.languages, str(root / SITE_FILE), site_doc
        )
    languages = site.languages if site else ("en",)
    every: list[Parsed[Checklist] | Parsed[DrugPage]] = [*checklists.values(), *drugs.values()]
    for parsed in every:
        load.problems += _page_problems(parsed, options, languages)
    problems, unsettled = tuple(load.problems), tuple(load.unsettled)
    if site is None:
        return LoadResult(None, problems, unsettled)
    complete = options.pages and not unsettled
    return LoadResult(_catalog(root, site, drugs, checklists, complete), problems, unsettled)


def load_content(
    root: Path,
    previous: Catalog | None = None,
    today: dt.date | None = None,
    i18n_dir: Path | None = None,
    settle_s: float = 0.0,
    plain_language: bool = False,
    pages: bool = True,
    cache: ParseCache | None = None,
) -> LoadResult:
    """Load every file under ``root``; files that fail keep their version from ``previous``.

    With ``i18n_dir`` (resources/i18n), also warn about offered languages whose interface
    strings are not (fully) translated. With ``settle_s``, files modified less than that
    long ago are not read yet (see LoadResult.unsettled): a running kiosk never shows a
    file caught half-way through a save. With ``plain_language`` (`kiosk check`), also
    warn about English texts that read above grade 8; the running kiosk skips that.
    With ``pages=False``, only kiosk.yaml and the checklists are read (enough for the
    attract and home screens); the catalog then says ``complete=False``. With ``cache``,
    files whose bytes have not changed since the last load with it are not parsed again.
    The garbage collector is left as it is: a caller that wants it paused around a load
    owns that pause (see kiosk.content.gc_pause).
    """
    options = LoadOptions(
        today=today or dt.date.today(),
        i18n_dir=i18n_dir,
        settle_s=settle_s,
        plain_language=plain_language,
        pages=pages,
    )
    return load(root, options, previous, cache)
