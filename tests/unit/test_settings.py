"""kiosk.settings and kiosk.operations: which value wins, and bad values as plain problems."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.operations import (
    DEFAULT_FILE,
    ENV_SETTINGS,
    Operations,
    load_operations,
    settings_path,
    write_setting,
)
from kiosk.pin import hash_pin
from kiosk.settings import (
    ENV_DATA,
    ENV_LOG_DIR,
    ENV_METRICS,
    SETTINGS,
    data_dir,
    first_path,
    log_dir,
    metrics_dir,
)

HASH = hash_pin("246813", salt=b"0123456789abcdef", iterations=1000)


@pytest.fixture(autouse=True)
def no_kiosk_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No KIOSK_* variable from the developer's shell, and a home folder of our own."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv(ENV_SETTINGS, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


# -- settings.py: precedence ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("cli", "env", "from_yaml", "expected"),
    [
        ("/cli", "/env", "/yaml", "/cli"),
        ("/cli", "", "", "/cli"),
        ("/cli", None, None, "/cli"),
        (None, "/env", "/yaml", "/env"),
        (None, "/env", None, "/env"),
        (None, "", "/yaml", "/yaml"),
        (None, None, "/yaml", "/yaml"),
        (None, "", "", None),
        (None, None, None, None),
    ],
)
def test_command_line_then_environment_then_yaml(
    cli: str | None, env: str | None, from_yaml: str | None, expected: str | None
) -> None:
    environ = {} if env is None else {ENV_METRICS: env}
    found = first_path(Path(cli) if cli else None, ENV_METRICS, from_yaml, environ=environ)
    assert found == (Path(expected) if expected else None)


def test_a_given_environment_is_read_instead_of_the_process_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENV_METRICS, "/from/process")
    assert first_path(None, ENV_METRICS, environ={}) is None
    assert first_path(None, ENV_METRICS, environ={ENV_METRICS: "/given"}) == Path("/given")
    assert first_path(None, ENV_METRICS) == Path("/from/process")  # none given: the process's


def test_only_the_named_variable_counts() -> None:
    environ = {ENV_DATA: "/data", ENV_LOG_DIR: "/logs"}
    assert first_path(None, ENV_METRICS, environ=environ) is None


def test_a_tilde_from_environment_or_yaml_is_the_home_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert first_path(None, ENV_METRICS, environ={ENV_METRICS: "~/m"}) == home / "m"
    assert first_path(None, ENV_METRICS, "~/y", environ={}) == home / "y"
    assert metrics_dir(None, "~") == home


def test_a_command_line_path_is_taken_as_given() -> None:
    # The shell expands '~' in an argument; a literal one is a folder named '~'.
    assert first_path(Path("~/cli"), ENV_METRICS, environ={}) == Path("~/cli")


def test_metrics_folder_reads_its_own_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert metrics_dir(None, None) is None  # no metrics by default
    monkeypatch.setenv(ENV_METRICS, str(tmp_path / "env"))
    assert metrics_dir(None, str(tmp_path / "yaml")) == tmp_path / "env"
    assert metrics_dir(tmp_path / "cli", str(tmp_path / "yaml")) == tmp_path / "cli"


def test_data_and_log_folders_expand_a_tilde(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_DATA, "~/data")
    monkeypatch.setenv(ENV_LOG_DIR, "~/logs")
    assert data_dir() == tmp_path / "home" / "data"
    assert log_dir() == tmp_path / "home" / "logs"


def test_the_settings_table_is_consistent() -> None:
    envs = [s.env for s in SETTINGS]
    flags = [s.flag for s in SETTINGS if s.flag]
    assert len(set(envs)) == len(envs)
    assert all(env.startswith("KIOSK_") and env.isupper() for env in envs)
    assert len(set(flags)) == len(flags)
    assert all(flag.startswith("--") for flag in flags)
    assert all(s.name and s.default for s in SETTINGS)
    yaml_keys = {s.yaml_key for s in SETTINGS if s.yaml_key}
    assert yaml_keys <= set(Operations.model_fields)  # read from IT's file, which knows them


# -- operations.py: where IT's file is ------------------------------------------------------


def test_the_settings_file_is_in_etc_unless_named(tmp_path: Path) -> None:
    assert settings_path({}) == DEFAULT_FILE == Path("/etc/kiosk/settings.yaml")
    assert settings_path({ENV_SETTINGS: ""}) == DEFAULT_FILE
    assert settings_path({ENV_SETTINGS: "~/s.yaml"}) == tmp_path / "home" / "s.yaml"


def test_the_settings_file_follows_the_process_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert settings_path() == DEFAULT_FILE
    monkeypatch.setenv(ENV_SETTINGS, str(tmp_path / "it.yaml"))
    assert settings_path() == tmp_path / "it.yaml"


# -- operations.py: reading -----------------------------------------------------------------


def load_text(tmp_path: Path, text: str | bytes) -> tuple[Operations, list[str], Path]:
    path = tmp_path / "settings.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    settings, problems = load_operations(path)
    return settings, problems, path


def test_a_complete_file(tmp_path: Path) -> None:
    settings, problems, _ = load_text(
        tmp_path,
        f'admin_pin_hash: "{HASH}"\n'
        'call_command: [softphone, --dial, "{phone}"]\n'
        "metrics_dir: /var/lib/node_exporter/textfile\n"
        "cursor_visible: yes\n",
    )
    assert problems == []
    assert settings == Operations(
        admin_pin_hash=HASH,
        call_command=("softphone", "--dial", "{phone}"),
        metrics_dir="/var/lib/node_exporter/textfile",
        cursor_visible=True,
    )


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "~\n"])
def test_an_empty_file_means_the_defaults_without_complaint(tmp_path: Path, text: str) -> None:
    assert load_text(tmp_path, text)[:2] == (Operations(), [])


def test_the_defaults_are_locked_down() -> None:
    defaults = Operations()
    assert defaults.admin_pin_hash is None  # no staff panel
    assert defaults.call_command is None  # no program started
    assert defaults.metrics_dir is None
    assert defaults.cursor_visible is False


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xff\xfecursor_visible: true\n", "cannot read it"),
        (b"- cursor_visible\n- true\n", "expected 'key: value' lines"),
        (b"cursor_visible\n", "expected 'key: value' lines"),
        (b"cursor_visible: [true\n", "not valid YAML"),
        (b"call_command: !!python/object/apply:os.system [id]\n", "not valid YAML"),
        (b"? [a, b]\n: 1\n", "not valid YAML"),
    ],
)
def test_an_unusable_file_is_one_problem_and_the_defaults(
    tmp_path: Path, data: bytes, says: str
) -> None:
    settings, problems, path = load_text(tmp_path, data)
    assert settings == Operations()
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: ")
    assert says in problems[0]
    assert problems[0].endswith("using the defaults")


def test_a_folder_instead_of_a_file_is_a_problem(tmp_path: Path) -> None:
    settings, problems = load_operations(tmp_path)
    assert settings == Operations()
    assert len(problems) == 1 and "cannot read it" in problems[0]


@pytest.mark.parametrize(
    ("line", "key", "says"),
    [
        ("admin_pin_hash: 246813", "admin_pin_hash", "string"),  # the PIN, not its hash
        ('admin_pin_hash: "246813"', "admin_pin_hash", "pattern"),
        ("admin_pin_hash: md5$1$ab$cd", "admin_pin_hash", "pattern"),
        (f'admin_pin_hash: "{HASH.upper()}"', "admin_pin_hash", "pattern"),
        (f'admin_pin_hash: "{HASH}\\n"', "admin_pin_hash", "pattern"),
        ("call_command: softphone", "call_command", "tuple"),  # must be a list
        ("call_command: []", "call_command", "at least 1 item"),
        ("metrics_dir: 5", "metrics_dir", "string"),
        ("metrics_dir: [/a, /b]", "metrics_dir", "string"),
        ("cursor_visible: maybe", "cursor_visible", "boolean"),
        ("cursor_visibel: true", "cursor_visibel", "not permitted"),  # a typo
    ],
)
def test_a_bad_value_is_a_problem_naming_its_key_and_the_rest_still_counts(
    tmp_path: Path, line: str, key: str, says: str
) -> None:
    good = {"metrics_dir": "metrics_dir: /srv/m", "cursor_visible": "cursor_visible: true"}
    kept = [text for name, text in good.items() if name != key]
    settings, problems, path = load_text(tmp_path, "\n".join([line, *kept]) + "\n")
    assert problems, line
    for problem in problems:
        assert problem.startswith(f"{path}: {key}: ")
        assert says in problem
        assert problem.endswith("; that setting is ignored")
    assert getattr(settings, key, None) == getattr(Operations(), key, None)
    if key != "metrics_dir":
        assert settings.metrics_dir == "/srv/m"
    if key != "cursor_visible":
        assert settings.cursor_visible is True


def test_several_bad_keys_are_each_reported(tmp_path: Path) -> None:
    settings, problems, _ = load_text(
        tmp_path, "admin_pin_hash: nope\ncall_command: []\ncursor_visible: true\nfoo: 1\n"
    )
    reported = sorted({problem.split(": ")[1] for problem in problems})
    assert reported == ["admin_pin_hash", "call_command", "foo"]
    assert settings.cursor_visible is True


@pytest.mark.parametrize("line", ["1: 2", "null: x", "on: true", "2024-01-01: x", "1.5: x"])
def test_a_key_that_is_not_text_is_a_problem_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    original = Operations.model_validate
    calls = []

    def guarded(obj: Any, *args: Any, **kwargs: Any) -> Operations:
        calls.append(obj)
        if len(calls) > 20:
            raise AssertionError("load_operations is looping")
        return original(obj, *args, **kwargs)

    monkeypatch.setattr(Operations, "model_validate", guarded)
    settings, problems, _ = load_text(tmp_path, f"{line}\ncursor_visible: true\n")
    assert settings.cursor_visible is True
    assert len(problems) == 1 and problems[0].endswith("that setting is ignored")


# -- operations.py: writing -----------------------------------------------------------------


def test_writing_creates_the_file_and_its_folder_not_world_readable(tmp_path: Path) -> None:
    path = tmp_path / "etc" / "kiosk" / "settings.yaml"
    write_setting(path, "admin_pin_hash", HASH)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load_operations(path) == (Operations(admin_pin_hash=HASH), [])


def test_writing_again_replaces_the_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    other = hash_pin("135791", salt=b"fedcba9876543210", iterations=1000)
    write_setting(path, "admin_pin_hash", HASH)
    write_setting(path, "admin_pin_hash", other)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("admin_pin_hash:") for line in lines) == 1
    assert load_operations(path)[0].admin_pin_hash == other


def test_a_value_with_yaml_characters_survives(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    awkward = '/srv/metrics: "lobby" # 2'
    write_setting(path, "metrics_dir", awkward)
    assert load_operations(path) == (Operations(metrics_dir=awkward), [])


def test_removing_a_setting_that_is_not_there_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("# kept\ncursor_visible: true\n", encoding="utf-8")
    write_setting(path, "metrics_dir", None)
    assert path.read_text(encoding="utf-8") == "# kept\ncursor_visible: true\n"


def test_an_unknown_setting_is_refused_before_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    with pytest.raises(ValueError, match="unknown setting 'admin_pin'"):
        write_setting(path, "admin_pin", "246813")
    assert not path.exists()


def test_a_long_value_written_once_can_be_written_again(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    long_folder = "/srv/" + " ".join(["textfile collector"] * 8)
    write_setting(path, "metrics_dir", long_folder)
    assert load_operations(path)[0].metrics_dir == long_folder
    write_setting(path, "metrics_dir", "/srv/metrics")
    assert load_operations(path) == (Operations(metrics_dir="/srv/metrics"), [])
    write_setting(path, "metrics_dir", long_folder)
    write_setting(path, "metrics_dir", None)
    assert load_operations(path) == (Operations(), [])


@pytest.mark.parametrize(
    ("key", "value"), [("admin_pin_hash", "246813"), ("cursor_visible", "perhaps")]
)
def test_a_bad_value_is_refused_and_the_file_is_unchanged(
    tmp_path: Path, key: str, value: str
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(f'admin_pin_hash: "{HASH}"\n', encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ValueError):
        write_setting(path, key, value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.yaml"]  # no temporary left


@pytest.mark.parametrize("broken", ["cursor_visible: maybe\n", "cursor_visible: [true\n"])
def test_a_file_already_broken_elsewhere_is_not_made_worse(tmp_path: Path, broken: str) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises((ValueError, yaml.YAMLError)):
        write_setting(path, "admin_pin_hash", HASH)
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in tmp_path.iterdir()] == ["settings.yaml"]
