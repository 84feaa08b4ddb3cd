# TwoHomes: `make run` and `make test` are all the set-up there is.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run test test-fast lint bench chromium clean messages

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The catalogues of the languages people read, compiled at install (never kept in git);
# Debian's gettext is installed when msgfmt is missing.
CATALOGUES := $(wildcard twohomes/locale/*/LC_MESSAGES/*.po)

%.mo: %.po
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }
	msgfmt --check -o $@ $<

install: $(BIN)/.installed $(CATALOGUES:.po=.mo)

run: install
	DEBUG=1 $(BIN)/twohomes migrate --no-input -v 0
	DEBUG=1 $(BIN)/twohomes createcachetable
	DEBUG=1 $(BIN)/twohomes demo --if-empty
	@echo
	@echo "TwoHomes is serving on http://127.0.0.1:8000 (Ctrl-C stops it)."
	@echo "Emails (verification links, invitations) are printed in this terminal."
	trap 'kill 0' EXIT; DEBUG=1 $(BIN)/twohomes worker & DEBUG=1 $(BIN)/twohomes runserver 127.0.0.1:8000

# Debian's Chromium for the browser tests (never a downloaded browser build).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

test: install chromium
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -m "not e2e"

lint: install
	$(BIN)/ruff check .
	DEBUG=1 $(BIN)/mypy twohomes

bench: install
	$(BIN)/python benchmarks/all.py

# After marking new words: bring the catalogues up to date with the code, then translate
# what is new (tests/test_translations.py says what is missing).
messages: install
	cd twohomes && DEBUG=1 ../$(BIN)/django-admin makemessages --settings=twohomes.settings \
		--all --no-obsolete --no-location --ignore='core/schedule/*' --ignore='core/ledger/verify.py'

clean:
	rm -rf $(VENV) var .pytest_cache build
	find twohomes/locale -name '*.mo' -delete
