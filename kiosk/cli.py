"""Command line: run (default), check, render, schema, hash-pin, stats, --self-test, --version."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from kiosk import __version__
from kiosk.content import Catalog, load_content
from kiosk.content.gc_pause import paused_collection
from kiosk.content.links import Link, LinkKind
from kiosk.content.models import Checklist, DrugPage
from kiosk.content.problems import Problem
from kiosk.content.schema import SCHEMAS, schema_text
from kiosk.settings import default_content_dir, i18n_dir, resources_dir
from kiosk.speech_check import SpeechQuestion, speech_report

#: `kiosk render` pages drawn from kiosk.yaml and the checklists alone.
PAGELESS_SCREENS = frozenset({"home", "call"})


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one clear line on a bad flag (never a traceback)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"kiosk: {message}\n")


def _content_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="content folder (default: $KIOSK_CONTENT, else the bundled content/)",
    )


def _run_args(parser: argparse.ArgumentParser) -> None:
    _content_arg(parser)
    parser.add_argument("--windowed", action="store_true", help="a normal window, no lockdown")
    parser.add_argument(
        "--metrics-dir",
        type=Path,
        metavar="DIR",
        default=None,
        help="write Prometheus textfile metrics here every minute",
    )


def _size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a size like 1920x1080") from None
    if not (320 <= width <= 8000 and 320 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"'{value}' is outside 320x320 … 8000x8000")
    return width, height


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.col)):
        print(problem, file=stream)


def build_parser() -> argparse.ArgumentParser:
    """The full command-line interface."""
    parser = _Parser(prog="kiosk", description="Clinic waiting-room kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="offscreen: load content, build and draw every screen, exit 0 if fine",
    )
    _run_args(parser)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    run = commands.add_parser("run", help="start the kiosk (the default command)")
    _run_args(run)
    # The kiosk's own read-aloud child (runtime.speech_worker), not for people.
    run.add_argument("--speech-worker", action="store_true", help=argparse.SUPPRESS)

    check = commands.add_parser("check", help="validate the content folder")
    _content_arg(check)
    check.add_argument("--strict", action="store_true", help="treat content warnings as errors")
    check.add_argument(
        "--no-speech",
        action="store_true",
        help="do not ask the speech engine whether it has a voice for every language",
    )
    check.add_argument("--speech-probe", action="store_true", help=argparse.SUPPRESS)

    render = commands.add_parser("render", help="draw screens to PNG files (no display needed)")
    _content_arg(render)
    render.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for PNGs")
    render.add_argument(
        "--page",
        action="append",
        metavar="ID",
        default=[],
        help="page id to render (repeatable; default: every page). Rendering only home "
        "or call does not read the drug pages, so their problems are not listed",
    )
    render.add_argument("--lang", metavar="CODE", help="language (default: the first offered)")
    render.add_argument(
        "--size",
        type=_size,
        default=(1920, 1080),
        metavar="WxH",
        help="window size, e.g. 1080x1920 for portrait (default 1920x1080)",
    )
    render.add_argument(
        "--text-size", type=int, choices=(0, 1, 2), default=0, help="0 normal, 1 large, 2 largest"
    )
    render.add_argument("--high-contrast", action="store_true", help="the high-contrast theme")

    hash_pin = commands.add_parser("hash-pin", help="print an admin_pin_hash line for a PIN")
    hash_pin.add_argument(
        "--stdin", action="store_true", help="read the PIN from standard input (for scripts)"
    )
    set_pin = commands.add_parser(
        "set-pin", help="set the staff PIN in IT's settings file (kioskctl set-pin runs this)"
    )
    set_pin.add_argument(
        "--stdin", action="store_true", help="read the PIN from standard input (for scripts)"
    )
    set_pin.add_argument(
        "--settings",
        type=Path,
        metavar="FILE",
        help="the settings file (default: $KIOSK_SETTINGS, else /etc/kiosk/settings.yaml)",
    )

    stats = commands.add_parser("stats", help="print the anonymous daily usage counts")
    stats.add_argument("--csv", action="store_true", help="CSV instead of a table")

    schema = commands.add_parser("schema", help="print the JSON Schema of content files")
    schema.add_argument(
        "kind", nargs="?", choices=sorted(n.removesuffix(".json") for n in SCHEMAS), default="drug"
    )
    schema.add_argument(
        "--write",
        type=Path,
        metavar="DIR",
        help="write every schema file into DIR instead of printing one",
    )
    return parser


def cmd_check(args: argparse.Namespace) -> int:
    """Validate content; print problems as path:line:col; 1 when there are errors."""
    root = args.content or default_content_dir()
    # Asked first: the engine is made in a child process while the content loads.
    question = None if args.no_speech else SpeechQuestion()
    # A one-shot process with no other threads owns its collector: no collection during
    # the load, which is then about a third faster (see kiosk.content.gc_pause).
    with paused_collection():
        result = load_content(root, i18n_dir=i18n_dir(), plain_language=True)
    _print_problems(result.problems, sys.stdout)
    if result.catalog is not None:
        _print_grades(result.catalog, sys.stdout)
    if question is not None:
        _print_speech(question, result.catalog, root / "kiosk.yaml")
    errors, warnings = len(result.errors), len(result.warnings)
    pages = len(result.catalog.drugs) if result.catalog else 0
    lists = len(result.catalog.checklists) if result.catalog else 0
    print(
        f"{root}: {pages} drug page(s), {lists} checklist(s); "
        f"{errors} error(s), {warnings} warning(s)",
        file=sys.stderr,
    )
    return 1 if errors or (args.strict and warnings) else 0


def _print_speech(question: SpeechQuestion, catalog: Catalog | None, site_file: Path) -> None:
    """Whether the speech engine has a voice for every offered language (warnings, not errors).

    They are about this machine, not the content, so they do not count for --strict.
    """
    if catalog is None:
        question.cancel()
        return
    languages = list(catalog.site.languages)
    problems, lines = speech_report(question.answer(languages), languages, site_file)
    _print_problems(problems, sys.stdout)
    for line in lines:
        print(line)


def _speech_probe() -> int:
    """`kiosk check --speech-probe`: the child that asks the speech engine (see speech_check)."""
    import json
    import os

    from kiosk.settings import ENV_TTS_ENGINE

    try:
        from kiosk.runtime.voices import probe_main
    except ImportError as error:
        from kiosk.system_packages import missing_library_hint

        print(json.dumps({"error": f"Qt cannot load: {missing_library_hint(error)}"}))
        return 0
    return probe_main(os.environ.get(ENV_TTS_ENGINE) or None)


def _print_grades(catalog: Catalog, out: TextIO) -> None:
    """Each page's and checklist's reading level in every offered language."""
    from kiosk.content.readability import report

    languages = catalog.site.languages
    drugs, lists = sorted(catalog.drugs.items()), sorted(catalog.checklists.items())
    models: list[tuple[Link, DrugPage | Checklist]] = [
        *((Link(LinkKind.DRUG, key), page) for key, page in drugs),
        *((Link(LinkKind.CHECKLIST, key), item) for key, item in lists),
    ]
    for link, model in models:
        path = catalog.root / catalog.origins.get(link, link.target)
        print(f"{path}: reading level: {report(model, languages)}", file=out)


def cmd_schema(args: argparse.Namespace) -> int:
    """Print one schema, or write them all."""
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for name in SCHEMAS:
            (args.write / name).write_text(schema_text(name), encoding="utf-8")
        return 0
    sys.stdout.write(schema_text(f"{args.kind}.json"))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """Render screens offscreen to PNG; 1 when the content has errors."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize

    from kiosk.app.qt_app import qt_application
    from kiosk.runtime.log_setup import install_qt_message_handler
    from kiosk.ui.render import UnknownPages, render_pages
    from kiosk.ui.theme import prepare_fonts

    root = args.content or default_content_dir()
    # Home and the call card need only kiosk.yaml and the checklists: a folder of many
    # drug pages then renders as fast as a small one (`kiosk check` reads everything).
    pages = not args.page or not set(args.page) <= PAGELESS_SCREENS
    result = load_content(root, i18n_dir=i18n_dir(), pages=pages)
    _print_problems(result.problems, sys.stderr)
    if result.catalog is None:
        print(f"kiosk: nothing to render: {root} has no usable kiosk.yaml", file=sys.stderr)
        return 1
    if args.lang and args.lang not in result.catalog.site.languages:
        offered = ", ".join(result.catalog.site.languages)
        print(f"kiosk: language '{args.lang}' is not offered (offered: {offered})", file=sys.stderr)
        return 2
    app = qt_application()
    install_qt_message_handler()
    prepare_fonts(app, resources_dir())
    try:
        written = render_pages(
            result.catalog,
            resources_dir(),
            args.out,
            pages=args.page,
            language=args.lang,
            size=QSize(*args.size),
            text_size=args.text_size,
            high_contrast=args.high_contrast,
        )
    except UnknownPages as exc:
        print(f"kiosk: unknown page id(s): {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 1 if result.errors else 0


def cmd_run(args: argparse.Namespace) -> int:
    """Start the kiosk."""
    import os
    import time

    if getattr(args, "speech_worker", False):
        from kiosk.runtime.speech_worker import worker_main

        return worker_main(os.environ.get("KIOSK_TTS_ENGINE") or None)

    from kiosk.runtime.preflight import (
        EXIT_NO_DISPLAY,
        backoff_s,
        display_problem,
        display_unreachable,
    )
    from kiosk.settings import data_dir

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    display = os.environ.get("DISPLAY", "")
    why = None
    if display and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        why = display_unreachable(display)
    wait = backoff_s(data_dir(), failed=why is not None)
    if why is not None:
        # One clear line (Qt would abort with a hint about xcb-cursor whatever the cause),
        # then a wait that doubles with each failure in a row, so the service's retries
        # back off while the graphical session comes up.
        print(
            f"kiosk: cannot reach the display {display}: {why}; exiting in {wait:g} s "
            f"with status {EXIT_NO_DISPLAY} (the service tries again)",
            file=sys.stderr,
            flush=True,
        )
        time.sleep(wait)
        return EXIT_NO_DISPLAY
    from kiosk.app.start import run_kiosk

    return run_kiosk(
        args.content or default_content_dir(), windowed=args.windowed, metrics_cli=args.metrics_dir
    )


def _ask_pin(from_stdin: bool) -> str | None:
    """A new PIN, asked twice (or read once from stdin); None (and why, printed) if unusable."""
    import getpass

    from kiosk.pin import MIN_DIGITS, pin_problem

    if from_stdin or not sys.stdin.isatty():
        pin = sys.stdin.readline().strip()
        again = pin
    else:
        pin = getpass.getpass(f"New staff PIN ({MIN_DIGITS}-12 digits): ")
        again = getpass.getpass("The same PIN again: ")
    if pin != again:
        print("kiosk: the two PINs differ; nothing changed", file=sys.stderr)
        return None
    problem = pin_problem(pin)
    if problem:
        print(f"kiosk: {problem}; nothing changed", file=sys.stderr)
        return None
    return pin


def cmd_hash_pin(args: argparse.Namespace) -> int:
    """Ask for a PIN twice (or read it from stdin) and print the settings-file line."""
    from kiosk.pin import hash_pin

    pin = _ask_pin(args.stdin)
    if pin is None:
        return 1
    print(f'admin_pin_hash: "{hash_pin(pin)}"')
    return 0


def cmd_set_pin(args: argparse.Namespace) -> int:
    """Ask for a PIN twice and store its hash in IT's settings file (mode 640)."""
    import yaml

    from kiosk.operations import settings_path, write_setting
    from kiosk.pin import hash_pin

    pin = _ask_pin(args.stdin)
    if pin is None:
        return 1
    path = args.settings or settings_path()
    try:
        write_setting(path, "admin_pin_hash", hash_pin(pin))
    except OSError as error:
        print(
            f"kiosk: cannot write {path}: {error.strerror or error}; nothing changed",
            file=sys.stderr,
        )
        return 1
    except (ValueError, yaml.YAMLError) as error:  # another setting in the file is broken
        print(
            f"kiosk: {path} has a problem to fix first ({error}); nothing changed",
            file=sys.stderr,
        )
        return 1
    print(f"kiosk: the staff PIN is set in {path}; the kiosk uses it from its next start")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print the daily counts."""
    from kiosk.settings import data_dir
    from kiosk.stats import UsageStats, format_csv, format_table

    stats = UsageStats(data_dir() / "usage.sqlite3")
    try:
        rows = stats.rows()
    finally:
        stats.close()
    if args.csv:
        sys.stdout.write(format_csv(rows))
    else:
        print(format_table(rows))
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    """Build and draw every screen offscreen (used by the installer's frozen smoke test)."""
    import os
    import tempfile

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.app.qt_app import qt_application
    from kiosk.runtime.log_setup import install_qt_message_handler
    from kiosk.ui.render import render_pages
    from kiosk.ui.theme import prepare_fonts

    root = args.content or default_content_dir()
    result = load_content(root, i18n_dir=i18n_dir())
    if result.catalog is None or result.errors:
        _print_problems(result.errors, sys.stderr)
        print(f"self-test failed: the content in {root} has errors", file=sys.stderr)
        return 1
    app = qt_application()
    install_qt_message_handler()
    prepare_fonts(app, resources_dir())
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as out:
        written = render_pages(result.catalog, resources_dir(), Path(out))
        empty = [path.name for path in written if path.stat().st_size < 1000]
    if empty:
        print(f"self-test failed: blank screens: {', '.join(empty)}", file=sys.stderr)
        return 1
    pages = len(result.catalog.drugs)
    print(
        f"self-test ok: kiosk {__version__}, {pages} drug page(s), {len(written)} screen(s) drawn"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kiosk command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.self_test:
        return cmd_self_test(args)
    command = args.command or "run"
    if command == "check":
        return _speech_probe() if args.speech_probe else cmd_check(args)
    if command == "schema":
        return cmd_schema(args)
    if command == "render":
        return cmd_render(args)
    if command == "hash-pin":
        return cmd_hash_pin(args)
    if command == "set-pin":
        return cmd_set_pin(args)
    if command == "stats":
        return cmd_stats(args)
    return cmd_run(args)
