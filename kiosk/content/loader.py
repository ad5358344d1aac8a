"""Load and validate a content folder: collect every problem, keep last-good files."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from kiosk.content.catalog import Catalog, LoadResult
from kiosk.content.collection import paused_collection
from kiosk.content.errors import did_you_mean, problems_from_validation
from kiosk.content.images import image_problem
from kiosk.content.models import Checklist, DrugPage, ReviewStatus, Site
from kiosk.content.moved import MOVED_FROM_CONTENT, SETTINGS_FILE_NAME
from kiosk.content.parse_cache import ParseCache
from kiosk.content.problems import Problem, error, warning
from kiosk.content.text import MARKDOWN_LINK, LocalText
from kiosk.content.yaml_source import (
    KeyPath,
    SourceError,
    YamlDocument,
    parse_source,
    read_source,
)
from kiosk.i18n import missing, ts_path

SITE_FILE = "kiosk.yaml"
DRUG_DIR = "drugs"
CHECKLIST_DIR = "checklists"
_LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}

M = TypeVar("M", bound=BaseModel)


@dataclass
class _Parsed(Generic[M]):
    """One file's model (None when it failed) and its problems."""

    relative: str
    model: M | None
    doc: YamlDocument | None
    problems: list[Problem]


class _Loader:
    """One pass over a content folder; see load_content."""

    def __init__(
        self, root: Path, previous: Catalog | None, today: dt.date, i18n_dir: Path | None
    ) -> None:
        self.root = root
        self.i18n_dir = i18n_dir
        self.previous = previous
        self.today = today
        self.problems: list[Problem] = []
        self.site_doc: YamlDocument | None = None
        self.real_root = root.resolve()
        self.settle_s = 0.0
        self.unsettled: list[str] = []
        self.plain_language = False
        self.pages = True
        self.cache: ParseCache | None = None

    def label(self, relative: str) -> str:
        return str(self.root / relative)

    def failed(
        self,
        relative: str,
        message: str,
        line: int = 0,
        col: int = 0,
        doc: YamlDocument | None = None,
    ) -> _Parsed[M]:
        """A file that gave no model, with the error that says why."""
        return _Parsed(relative, None, doc, [error(self.label(relative), line, col, message)])

    def parse(self, relative: str, model: type[M]) -> _Parsed[M]:
        path = self.root / relative
        try:
            # Only links can lead outside: resolving costs a system call per path part.
            linked = path.is_symlink() or path.parent.is_symlink()
            if linked and not path.resolve().is_relative_to(self.real_root):
                return self.failed(
                    relative, "this file is a link to somewhere outside the content folder"
                )
            if self.settle_s and time.time() - path.stat().st_mtime < self.settle_s:
                # Written a moment ago: perhaps only half so far. Keep the last good
                # version (or leave a new file out) and look again shortly.
                self.unsettled.append(relative)
                return _Parsed(relative, None, None, [])
            raw = read_source(path)
            if self.cache is not None:
                hit = self.cache.get(relative, raw)
                if hit is not None and isinstance(hit[0], model):
                    return _Parsed(relative, hit[0], hit[1], [])
            doc = parse_source(raw)
        except SourceError as exc:
            return self.failed(relative, exc.message, exc.line, exc.col)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
            why = getattr(exc, "strerror", None) or exc
            return self.failed(relative, f"cannot read the file: {why}")
        if not isinstance(doc.data, dict):
            return self.failed(
                relative, "the file must be a mapping of keys to values (key: value)", 1, 1, doc
            )
        data, moved = (
            without_moved_settings(doc.data, self.label(relative), doc)
            if model is Site
            else (doc.data, [])
        )
        try:
            parsed = model.model_validate(data)
        except ValidationError as exc:
            problems = problems_from_validation(exc, model, doc, self.label(relative))
            return _Parsed(relative, None, doc, moved + problems)
        except (RecursionError, ValueError, TypeError) as exc:
            return self.failed(relative, f"cannot use this file: {exc}", 1, 1, doc)
        if self.cache is not None and not moved:
            self.cache.put(relative, raw, parsed, doc)
        return _Parsed(relative, parsed, doc, moved)

    def yaml_files(self, folder: str) -> list[str]:
        base = self.root / folder
        if not base.is_dir():
            return []
        found: list[str] = []
        for entry in sorted(base.iterdir()):
            name = entry.name
            if name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp", ".bak")):
                continue  # editor temp files and hidden files
            relative = f"{folder}/{name}"
            if entry.suffix in {".yaml", ".yml"}:
                found.append(relative)
            elif entry.is_dir():
                self.problems.append(
                    warning(self.label(relative), 0, 0, "folders inside this folder are ignored")
                )
            else:
                self.problems.append(
                    warning(self.label(relative), 0, 0, "ignored: only .yaml files are read here")
                )
        return found

    # -- the pieces -----------------------------------------------------------------------

    def load_site(self) -> Site | None:
        if not (self.root / SITE_FILE).exists():
            self.problems.append(
                error(
                    self.label(SITE_FILE), 0, 0, "missing: every content folder needs a kiosk.yaml"
                )
            )
            return self.previous.site if self.previous else None
        parsed = self.parse(SITE_FILE, Site)
        self.site_doc = parsed.doc
        self.problems.extend(parsed.problems)
        if parsed.model is None:
            if self.previous is not None and SITE_FILE not in self.unsettled:
                self.problems.append(
                    warning(
                        self.label(SITE_FILE), 0, 0, "the kiosk keeps showing the last good version"
                    )
                )
                return self.previous.site
            return None
        return parsed.model

    def load_all(self, folder: str, model: type[M], kind: str) -> dict[str, _Parsed[M]]:
        """Every file in a folder, by id; a failed file falls back to its last good version."""
        loaded: dict[str, _Parsed[M]] = {}
        for relative in self.yaml_files(folder):
            parsed = self.parse(relative, model)
            if parsed.model is None:
                parsed.model = self.last_good(kind, relative, model)
                if parsed.model is not None and relative not in self.unsettled:
                    parsed.problems.append(
                        warning(
                            self.label(relative),
                            0,
                            0,
                            "the kiosk keeps showing the last good version",
                        )
                    )
                self.problems.extend(parsed.problems)
                if parsed.model is not None:
                    loaded[parsed.model.id] = parsed  # type: ignore[attr-defined]
                continue
            model_id: str = parsed.model.id  # type: ignore[attr-defined]
            if model_id in loaded:
                first = loaded[model_id].relative
                line, col = parsed.doc.locate(("id",)) if parsed.doc else (0, 0)
                self.problems.append(
                    error(
                        self.label(relative),
                        line,
                        col,
                        f"duplicate id '{model_id}': {first} already uses it",
                    )
                )
                continue
            stem = Path(relative).stem
            if stem != model_id and parsed.doc is not None:
                line, col = parsed.doc.locate(("id",))
                self.problems.append(
                    warning(
                        self.label(relative),
                        line,
                        col,
                        f"id '{model_id}' differs from the file name "
                        f"'{stem}'; keeping them equal avoids confusion",
                    )
                )
            loaded[model_id] = parsed
        return loaded

    def last_good(self, kind: str, relative: str, model: type[M]) -> M | None:
        if self.previous is None:
            return None
        pool = self.previous.drugs if kind == "drug" else self.previous.checklists
        for key, origin in self.previous.origins.items():
            if origin == relative and key.startswith(kind + ":"):
                found = pool.get(key.split(":", 1)[1])
                if isinstance(found, model):
                    return found
        return None

    # -- cross-file checks ----------------------------------------------------------------

    def check_links(
        self, drugs: dict[str, _Parsed[DrugPage]], checklists: dict[str, _Parsed[Checklist]]
    ) -> None:
        for drug_id, parsed in list(drugs.items()):
            page = parsed.model
            assert page is not None
            label = self.label(parsed.relative)
            doc = parsed.doc or YamlDocument(data={})
            failures: list[Problem] = []
            listed = isinstance(page.checklist, tuple)
            for index, checklist_id in enumerate(page.checklist_ids):
                if checklist_id not in checklists:
                    line, col = doc.locate(("checklist", index) if listed else ("checklist",))
                    failures.append(
                        error(
                            label,
                            line,
                            col,
                            f"checklist '{checklist_id}' does not exist"
                            f"{did_you_mean(checklist_id, list(checklists))}",
                        )
                    )
            if page.image:
                why = image_problem(self.root, page.image)
                if why:
                    line, col = doc.locate(("image",))
                    failures.append(error(label, line, col, why))
            for index, section in enumerate(page.sections):
                texts: list[tuple[KeyPath, LocalText]] = [
                    (("sections", index, "body"), section.body)
                ]
                if section.advice is not None:
                    texts.append((("sections", index, "advice", "text"), section.advice.text))
                for path, text in texts:
                    for body in text.all_texts():
                        for target in (m.group(2) for m in MARKDOWN_LINK.finditer(body)):
                            line, col = doc.locate(path)
                            failures.extend(
                                self.link_problems(target, label, line, col, drugs, checklists)
                            )
            if any(p.is_error for p in failures) and parsed.doc is not None:
                # This file changed (it parsed) but is broken: fall back or leave out.
                fallback = self.last_good("drug", parsed.relative, DrugPage)
                if fallback is not None:
                    drugs[drug_id] = _Parsed(parsed.relative, fallback, None, [])
                    failures.append(
                        warning(label, 0, 0, "the kiosk keeps showing the last good version")
                    )
                else:
                    del drugs[drug_id]
            self.problems.extend(failures)

    def check_checklist_links(
        self, drugs: dict[str, _Parsed[DrugPage]], checklists: dict[str, _Parsed[Checklist]]
    ) -> None:
        """Check the links in checklist intros and results.

        A broken one is a warning: nothing is left out for it, so no page that links the
        checklist breaks in turn.
        """
        for parsed in checklists.values():
            checklist, doc = parsed.model, parsed.doc
            if checklist is None or doc is None:
                continue
            label = self.label(parsed.relative)
            texts: list[tuple[KeyPath, LocalText]] = [(("intro",), checklist.intro)]
            texts += [
                (("results", name), getattr(checklist.results, name))
                for name in ("urgent", "some", "none")
            ]
            for path, text in texts:
                line, col = doc.locate(path)
                for body in text.all_texts():
                    for target in (m.group(2) for m in MARKDOWN_LINK.finditer(body)):
                        for problem in self.link_problems(
                            target, label, line, col, drugs, checklists
                        ):
                            if problem.is_error:
                                problem = warning(
                                    label, line, col, f"{problem.message}; touching it does nothing"
                                )
                            self.problems.append(problem)

    def link_problems(
        self,
        target: str,
        label: str,
        line: int,
        col: int,
        drugs: dict[str, _Parsed[DrugPage]],
        checklists: dict[str, _Parsed[Checklist]],
    ) -> list[Problem]:
        scheme, _, ident = target.partition(":")
        if scheme == "drug":
            if ident not in drugs:
                return [
                    error(
                        label,
                        line,
                        col,
                        f"link to drug page '{ident}' that does not "
                        f"exist{did_you_mean(ident, list(drugs))}",
                    )
                ]
            return []
        if scheme == "checklist":
            if ident not in checklists:
                return [
                    error(
                        label,
                        line,
                        col,
                        f"link to checklist '{ident}' that does not "
                        f"exist{did_you_mean(ident, list(checklists))}",
                    )
                ]
            return []
        return [
            warning(
                label,
                line,
                col,
                f"link '{target}' cannot be opened on the kiosk (only drug:<id> and "
                "checklist:<id> links work); its text is shown without a link",
            )
        ]

    def check_quality(
        self, parsed: _Parsed[DrugPage] | _Parsed[Checklist], languages: tuple[str, ...]
    ) -> None:
        model = parsed.model
        if model is None or parsed.doc is None:
            return
        label = self.label(parsed.relative)
        doc = parsed.doc
        review = model.review
        if review is None:
            self.problems.append(
                warning(
                    label,
                    1,
                    1,
                    "no review record; add 'review:' with status, "
                    "reviewed_by, reviewed_on and next_review",
                )
            )
        else:
            line, col = doc.locate(("review",))
            if review.status is ReviewStatus.DRAFT:
                self.problems.append(
                    warning(
                        label,
                        line,
                        col,
                        "not yet clinically reviewed (review.status: draft); "
                        "the page says so to visitors",
                    )
                )
            if review.next_review is None:
                self.problems.append(warning(label, line, col, "review.next_review is not set"))
            elif review.next_review < self.today:
                self.problems.append(
                    warning(
                        label,
                        *doc.locate(("review", "next_review")),
                        f"the review was due on {review.next_review}; "
                        "ask a clinician to review this page",
                    )
                )
        if self.plain_language:
            # Imported here: textstat costs 18 MiB and 80 ms, and only `kiosk check` grades.
            from kiosk.content.readability import readability_problems

            self.problems.extend(readability_problems(model, label, doc.locate, languages))
        for path, value in iter_texts(model):
            given = value.languages()
            if given is None:
                if len(languages) > 1:
                    self.problems.append(
                        warning(
                            label,
                            *doc.locate(path),
                            "this text is one plain string, so every language shows it as "
                            f"written; write it as {{{', '.join(f'{c}: …' for c in languages)}}}",
                        )
                    )
                continue
            for language in languages:
                if language not in given:
                    name = _LANGUAGE_NAMES.get(language, language)
                    self.problems.append(
                        warning(
                            label,
                            *doc.locate(path),
                            f"no {name} ('{language}') text here; English is shown instead",
                        )
                    )

    def check_ui_translations(self, languages: tuple[str, ...]) -> None:
        label = self.label(SITE_FILE)
        line, col = self.site_doc.locate(("languages",)) if self.site_doc else (0, 0)
        for language in languages:
            assert self.i18n_dir is not None
            gaps = missing(self.i18n_dir, language)
            where = ts_path(self.i18n_dir, language)
            if gaps is None:
                self.problems.append(
                    warning(
                        label,
                        line,
                        col,
                        f"no interface translation for '{language}' ({where} is missing or "
                        "unreadable); buttons and messages show in English",
                    )
                )
            elif gaps:
                self.problems.append(
                    warning(
                        label,
                        line,
                        col,
                        f"{len(gaps)} interface string(s) are not translated into '{language}' "
                        f"yet ({where}); English is shown for them: {', '.join(gaps[:5])}",
                    )
                )

    # -- the whole folder -----------------------------------------------------------------

    def run(self) -> LoadResult:
        if not self.root.is_dir():
            what = "does not exist" if not self.root.exists() else "is not a folder"
            self.problems.append(error(str(self.root), 0, 0, f"the content folder {what}"))
            return LoadResult(self.previous, tuple(self.problems), tuple(self.unsettled))
        site = self.load_site()
        checklists = self.load_all(CHECKLIST_DIR, Checklist, "checklist")
        drugs = self.load_all(DRUG_DIR, DrugPage, "drug") if self.pages else {}
        self.check_links(drugs, checklists)
        self.check_checklist_links(drugs, checklists)
        languages = site.languages if site else ("en",)
        if site is not None and self.i18n_dir is not None:
            self.check_ui_translations(site.languages)
        for parsed_list in (checklists.values(), drugs.values()):
            for item in parsed_list:
                self.check_quality(item, languages)
        if site is None:
            return LoadResult(None, tuple(self.problems), tuple(self.unsettled))
        ordered = sorted(
            drugs.values(),
            key=lambda p: p.model.name.get(site.default_language).casefold() if p.model else "",
        )
        origins = {f"drug:{p.model.id}": p.relative for p in ordered if p.model}
        origins.update({f"checklist:{k}": p.relative for k, p in checklists.items()})
        catalog = Catalog(
            root=self.root,
            site=site,
            drugs=MappingProxyType({p.model.id: p.model for p in ordered if p.model}),
            checklists=MappingProxyType({k: p.model for k, p in checklists.items() if p.model}),
            origins=MappingProxyType(origins),
            complete=self.pages and not self.unsettled,
        )
        return LoadResult(catalog, tuple(self.problems), tuple(self.unsettled))


def without_moved_settings(
    data: dict[str, object], label: str, doc: YamlDocument
) -> tuple[dict[str, object], list[Problem]]:
    """kiosk.yaml's data without the settings that moved to IT's file, and a warning each.

    They are not read from content any more (whoever edits content could start a program
    or change the PIN), but a kiosk.yaml that still has them keeps working.
    """
    problems: list[Problem] = []
    cleaned: dict[str, object] = dict(data)
    for path, key in MOVED_FROM_CONTENT.items():
        holder = cleaned
        *parents, name = path
        for part in parents:
            inner = holder.get(part)
            if not isinstance(inner, dict):
                break
            copy = dict(inner)  # never change the parsed document itself
            holder[part] = copy
            holder = copy
        else:
            if name not in holder:
                continue
            del holder[name]
            problems.append(
                warning(
                    label,
                    *doc.locate(path),
                    f"'{'.'.join(path)}' is not read from kiosk.yaml any more (whoever edits "
                    f"the content could change it); IT sets '{key}' in {SETTINGS_FILE_NAME}"
                    f"{' with kioskctl set-pin' if key == 'admin_pin_hash' else ''}, so remove "
                    "it here",
                )
            )
    return cleaned, problems


def iter_texts(model: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, LocalText]]:
    """Every LocalText inside a model, with its key path."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield from _iter_value(value, (*path, name))


def _iter_value(value: object, path: KeyPath) -> Iterator[tuple[KeyPath, LocalText]]:
    if isinstance(value, LocalText):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from iter_texts(value, path)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _iter_value(item, (*path, index))


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
    """
    loader = _Loader(root, previous, today or dt.date.today(), i18n_dir)
    loader.settle_s = settle_s
    loader.plain_language = plain_language
    loader.pages = pages
    loader.cache = cache
    # A load makes thousands of long-lived objects in a burst; cyclic-garbage passes over
    # them find nothing and took a fifth of the time. (The kiosk loads on one thread at
    # a time, so pausing collection here cannot undo another load's pause.)
    with paused_collection():
        result = loader.run()
    if cache is not None:
        cache.end_load()
    return result
