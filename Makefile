# Parley's contributor manual. `make run` serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Find a Python 3.12+ that really runs (pyenv shims exist for versions they cannot start).
PYTHON ?= $(shell for candidate in python3.14 python3.13 python3.12 python3 \
		$$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do \
	if command -v "$$candidate" >/dev/null 2>&1 && "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		command -v "$$candidate"; break; fi; done)

.PHONY: help install run test test-fast test-browser browser lint format check worker beat run-full demo-db clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "Parley needs Python 3.12 or newer, and none was found."; \
		echo "Install one (e.g. pyenv install 3.12) or name it: make run PYTHON=/path/to/python3.12"; \
		exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)  ## Create .venv and install the pinned dependencies

run: install  ## Set up everything and serve the demo on http://127.0.0.1:8000 (SQLite, tasks in-process)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --demo-users
	@echo
	@echo "Parley is serving the demo on http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	@echo "Demo logins (local only): admin / editor / analyst, password 'parley-demo'"
	PUBLIC_READ=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install  ## Run the whole suite (browser tests too when Chromium is installed: make browser)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install  ## Run the suite without browser and worker tests
	$(BIN)/python -m pytest -m "not browser and not worker" $(PYTEST_ARGS)

test-browser: install  ## Run only the browser tests
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

browser:  ## Install Debian's Chromium for the browser tests (needs root or sudo)
	@if command -v chromium >/dev/null 2>&1; then echo "chromium is installed: $$(command -v chromium)"; \
	else SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; fi

lint: install  ## ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install  ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install  ## Django's deployment checks with production-like settings
	DEBUG=false SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		ALLOWED_HOSTS=parley.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

worker: install  ## A Celery worker (needs REDIS_URL)
	$(BIN)/celery -A config worker --loglevel=INFO --concurrency=2

beat: install  ## Celery beat, which polls due sources every minute (needs REDIS_URL)
	$(BIN)/celery -A config beat --loglevel=INFO

constraints.txt:
	@echo "constraints.txt is missing: restore it from git" && exit 1

clean:  ## Remove the virtualenv, local database and collected static files
	rm -rf $(VENV) data staticfiles
