# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSSTAMP := $(VENV)/.system-deps-stamp

.PHONY: run test test-all lint bench bundle clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

$(SYSSTAMP): scripts/system-deps.sh
	@mkdir -p $(VENV)
	bash scripts/system-deps.sh
	@touch $(SYSSTAMP)

run: $(STAMP) $(SYSSTAMP)
	$(BIN)/dgfacil

# The lint runs first: a style, import or type finding fails the build before the tests start.
test: lint $(SYSSTAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow" --durations=15

test-all: lint $(SYSSTAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Style, import order and types (configured in pyproject.toml); `test` runs it first.
lint: $(STAMP)
	$(BIN)/ruff check dgfacil tests bench
	$(BIN)/ruff format --check dgfacil tests bench
	$(BIN)/mypy

bench: $(STAMP) $(SYSSTAMP)
	@for script in bench/*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$script; done

bundle: $(STAMP) $(SYSSTAMP)
	$(BIN)/python -m pip install -q -e '.[bundle]'
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
