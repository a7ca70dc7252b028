# Virtualization Atlas. `make serve` and `make test` bootstrap everything on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Dates in the built site come from the last commit, so two builds give the same bytes.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: help venv check build serve test lint unit site browser browser-deps bench clean

help:
	@echo "make serve   - generate and serve both languages on http://127.0.0.1:8000 (live reload)"
	@echo "make test    - lint, unit tests, strict site build, browser tests"
	@echo "make build   - write the static site to site/ (English at /, Chinese at /zh/)"
	@echo "make check   - validate data/ only"
	@echo "make bench   - measure build time, page weight and Lighthouse scores"

venv: $(STAMP)

# Rebuilt when pyproject.toml changes (the stamp is older than it) or .venv is missing.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

check: venv
	$(BIN)/python scripts/build.py --check

build: venv
	$(BIN)/mkdocs build --strict -q -f mkdocs.yml
	$(BIN)/mkdocs build --strict -q -f mkdocs.zh.yml

serve: venv
	$(BIN)/python scripts/serve.py

lint: venv
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

browser-deps: node_modules/.installed
	@scripts/ensure_browser.sh

# Audit tools from the npm registry (axe-core, vnu-jar), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: venv lint browser-deps build
	ATLAS_SITE=site $(BIN)/python -m pytest -n 2 tests

# The whole benchmark takes about half an hour; BENCH_ARGS="--scales 1" for a quick look.
BENCH_ARGS ?= --scales 1,10,100 --lighthouse-runs 3 --zensical
bench: venv browser-deps
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf site build .pytest_cache
