# Two commands for a newcomer: `make serve` and `make test`. Both set up .venv when it is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean browser bench

$(BIN)/.site-installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.test-installed: $(BIN)/.site-installed requirements-test.txt requirements-lint.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt -r requirements-lint.txt
	touch $@

## serve: preview the site on http://127.0.0.1:8000 (drafts shown; after a save only the pages it
## changes are rendered again, hooks/preview.py). ONLY=zh previews the Chinese pages alone, faster.
serve: $(BIN)/.site-installed
	$(if $(filter zh,$(ONLY)),BUILD_ENGLISH=false) $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## build: write the site to site/ (strict: any warning fails)
build: $(BIN)/.site-installed
	$(BIN)/mkdocs build --strict

## lint: the GitHub Actions workflows (actionlint, zizmor, check-jsonschema); invisible and look-alike
## characters in the content; AutoCorrect over the site's own Chinese text (never the official text)
lint: $(BIN)/.test-installed
	PATH="$(abspath $(BIN)):$$PATH" scripts/lint-workflows.sh
	$(BIN)/python scripts/check_characters.py
	$(BIN)/python scripts/check_copywriting.py

## browser: Chromium and CJK fonts for tests/browser/ (apt-get; nothing to do when present)
browser:
	scripts/install-browser.sh

## test: build the site, lint, and run every test (browser tests included; `pytest -m browser` for those)
test: $(BIN)/.test-installed browser build lint
	$(BIN)/python -m pytest

## bench: scale benchmark (issues 7, 14): N reports made from the real one, built, searched and previewed with
## `mkdocs serve` (ready, save → shown); unused files of site/; writes bench/RESULTS.md.
## NS="1 10" for fewer sizes, REPEAT=3 builds per variant; Zensical is installed into .venv-zensical when it installs.
NS ?= 1 10 100
REPEAT ?= 3
bench: $(BIN)/.test-installed browser
	test -x .venv-zensical/bin/zensical || { $(PYTHON) -m venv .venv-zensical && .venv-zensical/bin/pip install --quiet --disable-pip-version-check -r bench/requirements-zensical.txt; } || true
	$(BIN)/python bench/run.py --ns "$(NS)" --repeat $(REPEAT) $$(test -x .venv-zensical/bin/zensical && echo --zensical .venv-zensical/bin/zensical)

clean:
	rm -rf site .pytest_cache .hypothesis

## new-report: bring in the next report as a draft from its official text file, e.g.
## `make new-report YEAR=2024 SOURCE=~/2024年报告.txt` (KINDS="5=other" for a part the headings do not place;
## without SOURCE, an empty draft to paste the text into)
new-report: $(BIN)/.site-installed
	@test -n "$(YEAR)" || { echo "Usage: make new-report YEAR=2024 SOURCE=path/to/official.txt"; exit 2; }
	$(BIN)/python scripts/new_report.py $(YEAR) $(if $(SOURCE),--source "$(SOURCE)") $(if $(KINDS),--kinds "$(KINDS)")

## urls: record every URL of the built site in published-urls.txt (none may disappear without a redirect)
urls: build
	$(BIN)/python scripts/published_urls.py
