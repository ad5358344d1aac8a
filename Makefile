# Two commands: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint translations installer bench soak clean render check system-run system-build

# The Debian packages of resources/system-packages.txt: checked every time (dpkg-query, fast),
# installed with apt-get when run as root, else the one `sudo apt-get install` line is printed.
system-run:
	@$(PYTHON) -m kiosk.system_packages ensure run
# The tests build and inspect binaries as the installer does, so they need its tools too.
system-build:
	@$(PYTHON) -m kiosk.system_packages ensure run build

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "kiosk needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Cannot create a virtual environment: install it with 'apt-get install python3-venv'"; exit 1; }

$(VENV)/.runtime: $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.dev: $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@ $(VENV)/.runtime

# Interface translations: Qt Linguist .ts sources compiled to .qm.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
resources/i18n/%.qm: resources/i18n/%.ts $(VENV)/.runtime | system-run
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: system-run $(VENV)/.runtime translations
	$(PY) -m kiosk run --windowed --content content

# The content checked as `kiosk check` does (file:line: messages, reading grades).
check: system-run $(VENV)/.runtime
	$(PY) -m kiosk check --content content

# Every screen drawn to PNG files in render/, without a display.
render: system-run $(VENV)/.runtime translations
	QT_QPA_PLATFORM=offscreen $(PY) -m kiosk render --content content --out render

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check kiosk kiosk_build tests benchmarks build_installer.py
	$(VENV)/bin/ruff format --check kiosk kiosk_build tests benchmarks build_installer.py
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --strict build_installer.py benchmarks kiosk_build

test: system-build lint translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --durations=10

installer: system-build $(VENV)/.dev translations
	$(PY) build_installer.py

bench: system-run $(VENV)/.dev
	@$(PYTHON) -m kiosk.system_packages ensure speech bench
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run

soak: system-run $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow -p no:cacheprovider tests

clean:
	rm -rf build dist render .pytest_cache .mypy_cache .ruff_cache resources/i18n/*.qm
