"""Content fuzz: whatever staff (or a broken disk) put in the folder, the loader answers calmly.

Hypothesis writes random YAML documents (nested mappings, lists and scalars, with real,
near-miss and random keys) as drug pages, checklists and kiosk.yaml, and mutates the
shipped files (truncated, retyped, bloated, deeply nested, alias bombs, binary garbage).
Hand-made cases cover symlinks out of the folder, fake images, a pipe, a folder named
like a file and a 50 MB file. Every time: ``load_content`` returns (never raises), within
a time bound, and every problem names the folder or a file inside it; a file left out of
the catalog is always explained.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import string
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kiosk.content import LoadResult, load_content
from tests.conftest import CHECKLIST, SHIPPED_CONTENT, SITE, drug_yaml

#: Seconds one load may take with one bad file in a small folder.
TIME_BOUND_S = 1.0
FUZZ = settings(
    max_examples=60,
    database=None,  # nothing written into the work tree; the same examples every run
    derandomize=True,
    deadline=None,  # time is checked in load_checked, as CPU time
    # No shrinking: a failing load can take a second, and the examples are small already.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- strategies -------------------------------------------------------------------------

REAL_KEYS = [
    "id", "name", "other_names", "summary", "image", "sections", "title", "body", "urgent",
    "checklist", "sources", "url", "review", "status", "reviewed_by", "reviewed_on",
    "next_review", "items", "text", "points", "results", "some", "none", "intro",
    "score_bands", "min", "max", "message", "clinic_name", "languages", "coordinator",
    "heading", "phone", "hours", "confidentiality", "promise", "qr_target", "call_command",
    "disclaimer", "emergency_action", "welcome", "idle", "warn_after_s", "countdown_s",
    "theme", "cursor_visible", "admin_pin_hash", "metrics_dir", "en", "es", "pt-BR",
]  # fmt: skip
NEAR_MISSES = [
    "nmae", "Name", "summry", "sumary", "section", "Sections", "urgnet", "check_list",
    "source", "reveiw", "staus", "next-review", "itmes", "result", "langauges", "coordinater",
    "phone_number", "disclaimers", "EN", "eng", "es_MX", "idle_s", " id", "id ",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.text(max_size=60),
    st.sampled_from(["", " ", "draft", "reviewed", "https://x.org", "tel:+1", "en", "~", "-"]),
    st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=20),  # slug-like
)
keys = st.one_of(
    st.sampled_from(REAL_KEYS), st.sampled_from(NEAR_MISSES), st.text(min_size=1, max_size=15)
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.dictionaries(keys, children, max_size=8),
    ),
    max_leaves=60,
)
top_level = st.one_of(
    st.dictionaries(keys, documents, max_size=12),
    documents,
)
raw_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="{}[]:-,&*!|>'\"#% \n\tabc", max_size=300),  # YAML punctuation soup
)

# -- helpers ----------------------------------------------------------------------------


@contextmanager
def minimal_folder() -> Iterator[Path]:
    """A fresh minimal valid folder (one drug page, one checklist) per example."""
    with tempfile.TemporaryDirectory(prefix="kiosk-fuzz-") as temp:
        root = Path(temp) / "content"
        for folder in ("drugs", "checklists", "images"):
            (root / folder).mkdir(parents=True)
        (root / "kiosk.yaml").write_text(SITE, encoding="utf-8")
        (root / "drugs" / "baclofen.yaml").write_text(drug_yaml(), encoding="utf-8")
        (root / "checklists" / "withdrawal.yaml").write_text(CHECKLIST, encoding="utf-8")
        yield root


@contextmanager
def shipped_folder() -> Iterator[Path]:
    """A fresh copy of the shipped content per example."""
    with tempfile.TemporaryDirectory(prefix="kiosk-fuzz-") as temp:
        root = Path(temp) / "content"
        shutil.copytree(SHIPPED_CONTENT, root)
        yield root


def load_checked(root: Path, bound_s: float = TIME_BOUND_S) -> LoadResult:
    """load_content must return in time, naming only the folder and files inside it."""
    # CPU time, so that other processes on a busy machine do not make the bound flaky.
    started = time.process_time()
    result = load_content(root)
    elapsed = time.process_time() - started
    assert elapsed < bound_s, f"loading took {elapsed:.2f} s of CPU"
    assert isinstance(result, LoadResult)
    for problem in result.problems:
        named = Path(problem.path)
        assert named == root or named.is_relative_to(root), str(problem)
        assert problem.message.strip(), str(problem)
        assert problem.line >= 0 and problem.col >= 0, str(problem)
    return result


def explained(result: LoadResult, root: Path, relative: str) -> bool:
    """Is there an error about ``relative``?"""
    target = str(root / relative)
    return any(p.is_error and p.path == target for p in result.problems)


def check_left_out_is_explained(result: LoadResult, root: Path, relative: str) -> None:
    """A file whose page is not in the catalog has an error naming it."""
    catalog = result.catalog
    if relative == "kiosk.yaml":
        if catalog is None:
            assert explained(result, root, relative)
        return
    if catalog is None:
        assert explained(result, root, "kiosk.yaml")
        return
    origins = set(catalog.origins.values())
    if relative not in origins:
        assert explained(result, root, relative) or any(
            # its id may be taken by another file: the duplicate is reported there
            "duplicate id" in p.message or "differs from the file name" in p.message
            for p in result.problems
        ), [str(p) for p in result.problems]


# -- hypothesis: random documents -------------------------------------------------------


@FUZZ
@given(
    doc=top_level,
    where=st.sampled_from(["drugs/baclofen.yaml", "checklists/withdrawal.yaml", "kiosk.yaml"]),
    flow=st.booleans(),
)
def test_random_yaml_documents(doc: Any, where: str, flow: bool) -> None:
    with minimal_folder() as root:
        text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True, sort_keys=False)
        (root / where).write_text(text, encoding="utf-8")
        result = load_checked(root)
        check_left_out_is_explained(result, root, where)


@FUZZ
@given(text=raw_text, where=st.sampled_from(["drugs/new.yaml", "kiosk.yaml"]))
def test_random_text(text: str, where: str) -> None:
    with minimal_folder() as root:
        (root / where).write_text(text, encoding="utf-8")
        result = load_checked(root)
        check_left_out_is_explained(result, root, where)


@FUZZ
@given(
    fields=st.dictionaries(st.sampled_from(REAL_KEYS[:12] + NEAR_MISSES[:12]), documents),
    drop=st.sets(st.sampled_from(["name", "summary", "sections", "id"])),
)
def test_drug_pages_with_fields_replaced(fields: dict[str, Any], drop: set[str]) -> None:
    """A real page with some fields dropped and others set to anything."""
    base = yaml.safe_load(drug_yaml("second"))
    for key in drop:
        base.pop(key, None)
    base.update(fields)
    with minimal_folder() as root:
        (root / "drugs" / "second.yaml").write_text(
            yaml.safe_dump(base, allow_unicode=True), encoding="utf-8"
        )
        result = load_checked(root)
        check_left_out_is_explained(result, root, "drugs/second.yaml")
        assert result.catalog is not None and "baclofen" in result.catalog.drugs


# -- hypothesis: mutations of the shipped files -----------------------------------------

SHIPPED_FILES = [
    "kiosk.yaml",
    "drugs/baclofen.yaml",
    "checklists/baclofen-pump.yaml",
    "checklists/baclofen-tablets.yaml",
]


def _set_random_path(data: Any, rng: random.Random, value: Any) -> Any:
    """Replace one randomly chosen value somewhere in ``data``."""
    if isinstance(data, dict) and data and rng.random() < 0.8:
        key = rng.choice(list(data))
        data[key] = _set_random_path(data[key], rng, value)
        return data
    if isinstance(data, list) and data and rng.random() < 0.8:
        index = rng.randrange(len(data))
        data[index] = _set_random_path(data[index], rng, value)
        return data
    return value


def mutate(raw: bytes, kind: str, rng: random.Random, value: Any) -> bytes:
    """One kind of damage."""
    if kind == "truncate":
        return raw[: rng.randrange(len(raw) + 1)]
    if kind == "flip bytes":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == "wrong type":
        data = yaml.safe_load(raw)
        return yaml.safe_dump(_set_random_path(data, rng, value), allow_unicode=True).encode()
    if kind == "huge string":
        data = yaml.safe_load(raw)
        huge = "word " * rng.randint(20_000, 80_000)  # 100–400 KB
        return yaml.safe_dump(_set_random_path(data, rng, huge), allow_unicode=True).encode()
    if kind == "deep nesting":
        depth = rng.choice([50, 500, 5_000, 50_000])
        nested = "[" * depth + "x" + "]" * depth
        return raw.replace(b"\n", f"\ndeep: {nested}\n".encode(), 1)
    if kind == "deep block nesting":
        depth = rng.choice([45, 200, 1_000])
        block = "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "v\n"
        return raw + b"\nnest:\n" + block.replace("\n", "\n ").encode()
    if kind == "alias bomb":
        bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for level in "bcdefghi":
            previous = chr(ord(level) - 1)
            bomb.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
        return raw + b"\n" + "\n".join(bomb).encode() + b"\n"
    if kind == "binary garbage":
        return rng.randbytes(rng.randint(1, 4096))
    if kind == "garbage appended":
        return raw + rng.randbytes(rng.randint(1, 512))
    if kind == "many values":
        items = ", ".join(str(n) for n in range(rng.choice([1_000, 60_000])))
        return raw + f"\nextra: [{items}]\n".encode()
    if kind == "unsafe tags":
        return raw.replace(b"\n", b"\nx: !!python/object/apply:os.system ['true']\n", 1)
    raise AssertionError(kind)


MUTATIONS = [
    "truncate",
    "flip bytes",
    "wrong type",
    "huge string",
    "deep nesting",
    "deep block nesting",
    "alias bomb",
    "binary garbage",
    "garbage appended",
    "many values",
    "unsafe tags",
]


@settings(FUZZ, max_examples=30)
@given(
    where=st.sampled_from(SHIPPED_FILES),
    kind=st.sampled_from(MUTATIONS),
    seed=st.integers(0, 2**32),
    value=scalars | st.lists(scalars, max_size=3) | st.dictionaries(keys, scalars, max_size=3),
)
def test_mutated_shipped_files(where: str, kind: str, seed: int, value: Any) -> None:
    rng = random.Random(seed)
    with shipped_folder() as root:
        path = root / where
        path.write_bytes(mutate(path.read_bytes(), kind, rng, value))
        result = load_checked(root)
        check_left_out_is_explained(result, root, where)


@pytest.mark.parametrize("kind", MUTATIONS)
def test_every_mutation_at_least_once(kind: str) -> None:
    """Each kind of damage once, with a fixed seed (hypothesis may not draw every kind)."""
    where = SHIPPED_FILES[MUTATIONS.index(kind) % len(SHIPPED_FILES)]
    rng = random.Random(f"{kind}-{where}")
    with shipped_folder() as root:
        path = root / where
        path.write_bytes(mutate(path.read_bytes(), kind, rng, [1, 2]))
        result = load_checked(root)
        check_left_out_is_explained(result, root, where)


# -- hand-made cases --------------------------------------------------------------------


def test_a_50_mb_file_is_refused_by_its_size_quickly(content_dir: Path) -> None:
    big = content_dir / "drugs" / "huge.yaml"
    with big.open("wb") as handle:
        handle.write(b"id: huge\nname: " + b"x" * (50 * 1024 * 1024) + b"\n")
    result = load_checked(content_dir, bound_s=0.5)
    (problem,) = [p for p in result.errors if p.path == str(big)]
    assert "KiB" in problem.message
    assert result.catalog is not None and list(result.catalog.drugs) == ["baclofen"]


def test_symlinks_pointing_outside_the_folder_are_refused(
    content_dir: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.yaml").write_text(drug_yaml("evil", "Evil"), encoding="utf-8")
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    (content_dir / "drugs" / "evil.yaml").symlink_to(outside / "evil.yaml")
    (content_dir / "drugs" / "passwd.yaml").symlink_to("/etc/passwd")
    (content_dir / "drugs" / "zero.yaml").symlink_to("/dev/zero")
    (content_dir / "drugs" / "loop.yaml").symlink_to(content_dir / "drugs" / "loop.yaml")
    (content_dir / "drugs" / "dangling.yaml").symlink_to(tmp_path / "nothing-here.yaml")
    (content_dir / "checklists" / "elsewhere").symlink_to(outside)
    (content_dir / "images" / "secret.png").symlink_to(outside / "secret.png")
    (content_dir / "images" / "loop.png").symlink_to(content_dir / "images" / "loop.png")
    for name, image in (("pictured", "secret.png"), ("looped", "loop.png")):
        page = drug_yaml(name, name.title()).replace(
            "checklist: withdrawal", f"checklist: withdrawal\nimage: images/{image}"
        )
        (content_dir / "drugs" / f"{name}.yaml").write_text(page, encoding="utf-8")
    result = load_checked(content_dir)
    assert result.catalog is not None
    assert sorted(result.catalog.drugs) == ["baclofen"]
    for name in ("evil", "passwd", "zero", "loop", "dangling", "pictured", "looped"):
        assert explained(result, content_dir, f"drugs/{name}.yaml"), name


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"this is text, not a picture", "not a PNG"),
        (b"\x89PNG\r\n\x1a\n" + b"garbage" * 10, None),  # a PNG signature is what is checked
        (b"", "not a PNG"),
        (b"GIF89a", None),
        (b"\xff\xd8\xff" + b"\0" * (6 * 1024 * 1024), "MiB"),
    ],
    ids=["text", "png-header-garbage", "empty", "gif-header-only", "6-mb-jpeg"],
)
def test_fake_images(content_dir: Path, data: bytes, why: str | None) -> None:
    (content_dir / "images" / "x.png").write_bytes(data)
    page = drug_yaml().replace(
        "checklist: withdrawal", "checklist: withdrawal\nimage: images/x.png"
    )
    (content_dir / "drugs" / "baclofen.yaml").write_text(page, encoding="utf-8")
    result = load_checked(content_dir)
    label = str(content_dir / "drugs" / "baclofen.yaml")
    if why is None:
        assert not [p for p in result.errors if p.path == label]
    else:
        assert any(why in p.message for p in result.errors if p.path == label)


def test_a_folder_named_like_a_file(content_dir: Path) -> None:
    (content_dir / "drugs" / "folder.yaml").mkdir()
    (content_dir / "drugs" / "folder.yaml" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    result = load_checked(content_dir)
    assert explained(result, content_dir, "drugs/folder.yaml")


def test_kiosk_yaml_as_a_folder_or_missing(content_dir: Path) -> None:
    (content_dir / "kiosk.yaml").unlink()
    result = load_checked(content_dir)
    assert result.catalog is None and explained(result, content_dir, "kiosk.yaml")
    (content_dir / "kiosk.yaml").mkdir()
    result = load_checked(content_dir)
    assert result.catalog is None and explained(result, content_dir, "kiosk.yaml")


def test_the_folder_itself_missing_or_a_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = load_checked(missing)
    assert [p.path for p in result.problems] == [str(missing)]
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    result = load_checked(afile)
    assert [p.path for p in result.problems] == [str(afile)]


def test_a_named_pipe_does_not_hang_the_loader(content_dir: Path) -> None:
    """A pipe (FIFO) named like a content file: reading it would wait for ever.

    At start-up the kiosk would never show; on a hot reload the watcher's worker thread
    would block for good and no later change would ever be loaded.
    """
    pipe = content_dir / "drugs" / "pipe.yaml"
    os.mkfifo(pipe)
    box: list[LoadResult] = []
    worker = threading.Thread(target=lambda: box.append(load_content(content_dir)), daemon=True)
    worker.start()
    worker.join(timeout=5)
    hung = worker.is_alive()
    if hung:  # release the reader: open the other end and close it (end of file)
        descriptor = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        os.close(descriptor)
        worker.join(timeout=5)
    assert not hung, "load_content blocked reading a named pipe in the content folder"
    (result,) = box
    assert explained(result, content_dir, "drugs/pipe.yaml")
    assert result.catalog is not None and list(result.catalog.drugs) == ["baclofen"]


def test_many_bad_files_at_once_stay_within_bound(content_dir: Path) -> None:
    """Fifty broken files of every kind: still one calm answer, about each of them."""
    rng = random.Random(50)
    raw = (SHIPPED_CONTENT / "drugs" / "baclofen.yaml").read_bytes()
    names = []
    for number in range(50):
        kind = MUTATIONS[number % len(MUTATIONS)]
        name = f"drugs/bad-{number}.yaml"
        (content_dir / name).write_bytes(mutate(raw, kind, rng, None))
        names.append(name)
    result = load_checked(content_dir, bound_s=50 * TIME_BOUND_S)
    for name in names:
        check_left_out_is_explained(result, content_dir, name)


@pytest.mark.parametrize("character", ["\x1b", "\x07", "\x7f", "\ufffe", "\x0c"])
def test_control_characters_are_reported_not_raised(content_dir: Path, character: str) -> None:
    """A stray control character (pasted from a terminal, say) is a problem, not a crash."""
    page = content_dir / "drugs" / "baclofen.yaml"
    page.write_text(drug_yaml().replace("A medicine.", f"A {character}medicine."), "utf-8")
    result = load_checked(content_dir)
    assert explained(result, content_dir, "drugs/baclofen.yaml")
