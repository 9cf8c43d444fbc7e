# Two commands for a newcomer: `make serve` and `make test`. Both set up .venv when it is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean

$(BIN)/.site-installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.test-installed: $(BIN)/.site-installed requirements-test.txt requirements-lint.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt -r requirements-lint.txt
	touch $@

## serve: preview the site on http://127.0.0.1:8000 (rebuilds on every save)
serve: $(BIN)/.site-installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: write the site to site/ (strict: any warning fails)
build: $(BIN)/.site-installed
	$(BIN)/mkdocs build --strict

## lint: the GitHub Actions workflows (actionlint, zizmor, check-jsonschema); invisible and look-alike
## characters in the content; AutoCorrect over the site's own Chinese text (never the official text)
lint: $(BIN)/.test-installed
	PATH="$(abspath $(BIN)):$$PATH" scripts/lint-workflows.sh
	$(BIN)/python scripts/check_characters.py
	$(BIN)/python scripts/check_copywriting.py

## test: build the site, lint, and run every test
test: $(BIN)/.test-installed build lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache .hypothesis

## new-report: scaffold the next report as a draft, e.g. `make new-report YEAR=2024`
new-report: $(BIN)/.site-installed
	@test -n "$(YEAR)" || { echo "Usage: make new-report YEAR=2024"; exit 2; }
	$(BIN)/python scripts/new_report.py $(YEAR)
