# The command index. `make run` serves the site with its content; `make test` runs the whole suite.
SHELL := /bin/bash
PORT ?= 8000
PYTHON_BIN ?= $(shell command -v python3.11 || command -v python3)
export UV_PYTHON_DOWNLOADS := never
UV := $(PYTHON_BIN) -m uv
PY := .venv/bin/python

.PHONY: help test-packages setup run prod bench loadtest test lint format messages seed check-content export-content backup restore clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:[^#]*## /\t/' | expand -t 18

.venv/.synced: pyproject.toml uv.lock
	@$(PYTHON_BIN) -m uv --version >/dev/null 2>&1 || $(PYTHON_BIN) -m pip install --quiet uv
	$(UV) sync --frozen --python $(PYTHON_BIN)
	@touch $@

setup: .venv/.synced  ## virtual environment from the lock file, messages, database schema
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) manage.py migrate --noinput -v0

run: setup  ## serve the site with all its content (SQLite by default) on 127.0.0.1:$(PORT)
	$(PY) manage.py load_content --if-empty
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

prod: .venv/.synced  ## as in production on 127.0.0.1:$(PORT): gunicorn, DEBUG off, static files collected
	$(PY) manage.py compilemessages --ignore=.venv -v0
	PORT=$(PORT) scripts/prod.sh

test-packages:  ## the Debian packages the suite uses (gettext, PostgreSQL, Chromium, Redis), installed if missing (as root)
	@scripts/need.sh msgfmt:gettext chromium redis-server \
	  $$(ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 || echo pg_ctl:postgresql) \
	  || echo "warning: running the rest; the tests that need those packages are skipped (an error under CI=true)" >&2

test: .venv/.synced test-packages  ## the whole suite (migrations checked first), on a throwaway PostgreSQL unless DATABASE_URL is set
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) manage.py makemigrations --check --dry-run -v0
	scripts/with_postgres.sh $(PY) -m pytest $(PYTEST_ARGS)

lint: .venv/.synced  ## ruff: lint and format check (CI runs it before the tests)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: .venv/.synced  ## ruff: fix what can be fixed, format
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

messages: .venv/.synced  ## refresh locale/fr/LC_MESSAGES/django.po from the code and templates
	$(PY) manage.py makemessages -l fr --ignore=.venv --ignore=staticfiles --no-obsolete

seed: setup  ## replace the database's content with fixtures/ (one transaction)
	$(PY) manage.py load_content --replace

check-content: setup  ## sources, locators, quotes and translations of every record
	$(PY) manage.py check_content --sources-dir $${KB_SOURCE_TEXTS_DIR:-../shared/seeds}

export-content: setup  ## write the database's content back to fixtures/ for review
	$(PY) manage.py export_content

bench: .venv/.synced  ## throughput as ratios to a reference view: SCALE=100, DURATION=5 for a quick run
	@scripts/need.sh wrk
	$(PY) manage.py compilemessages --ignore=.venv -v0
	scripts/with_postgres.sh $(PY) bench/run.py

loadtest: .venv/.synced  ## gunicorn as in production under wrk (64 connections, DURATION=60 s), then a database outage
	$(PY) manage.py compilemessages --ignore=.venv -v0
	scripts/loadtest.sh

backup: setup  ## a dated dump of the content (natural keys, both languages) in backups/
	$(PY) manage.py export_content --output backups/$$(date -u +%Y%m%d-%H%M%S)

restore: setup  ## load a backup into an empty database: make restore BACKUP=backups/20261122-070000
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<folder>"; exit 2; }
	$(PY) manage.py load_content $(BACKUP)

clean:  ## remove the virtual environment, collected static files and the SQLite database
	rm -rf .venv staticfiles db.sqlite3
