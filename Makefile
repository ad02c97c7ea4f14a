# Two commands for a fresh machine: `make run` starts the app, `make test` runs every check.
# Each creates the virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml setup.py | cksum | cut -d" " -f1)

.PHONY: run demo test lint bench bundle lock

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(BIN)/maegler

demo: $(STAMP)
	$(BIN)/maegler --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy mægler_app/domain mægler_app/store mægler_app/forms mægler_app/sync mægler_app/server \
		mægler_app/commands mægler_app/reports mægler_app/*.py
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# The desktop app as one folder, dist/maegler/ (PyInstaller, packaging/maegler.spec), built in a
# virtual environment of its own from the pinned, hashed lock (packaging/requirements-bundle.txt:
# the desktop app's dependencies without extras, so no server library, and PyInstaller, which the
# tests do not need), then the app itself. `make lock` remakes the lock (pip-tools).
BUNDLE_VENV := build/bundle-venv
BUNDLE_LOCK := packaging/requirements-bundle.txt
bundle:
	test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install -q --require-hashes -r $(BUNDLE_LOCK)
	$(BUNDLE_VENV)/bin/python -m pip install -q --no-deps .
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/maegler.spec
	@du -sh dist/maegler | sed 's/^/unpacked: /'

lock:
	test -x build/lock-venv/bin/python || $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install -q pip-tools
	build/lock-venv/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links -o $(BUNDLE_LOCK) pyproject.toml packaging/bundle-tools.in
	build/lock-venv/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --extra server -o deploy/requirements-server.txt pyproject.toml
	$(PYTHON) deploy/lock_without_qt.py deploy/requirements-server.txt
