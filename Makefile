# Two commands for a fresh clone: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_WORKERS ?= 2
WEB_THREADS ?= 8

.PHONY: run test lint test-sqlite test-mariadb bench install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: install, migrate, seed demo data on an empty database, serve API + SPA on HOST:PORT
run: install
	$(BIN)/crm db upgrade
	$(BIN)/crm seed --if-empty
	@echo "Serving the CRM on http://$(HOST):$(PORT)  (API docs: http://$(HOST):$(PORT)/api/docs)"
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --worker-class gthread \
		--workers $(WEB_WORKERS) --threads $(WEB_THREADS) --access-logfile - "crm:create_app()"

## test: lint, the API suite on SQLite and on MariaDB, store contract on GridFS and local disk
test: lint test-sqlite test-mariadb

lint: install-dev
	$(BIN)/ruff check backend tests migrations
	$(BIN)/ruff format --check backend tests migrations

test-sqlite: install-dev
	CRM_TEST_DB=sqlite $(BIN)/pytest -q

test-mariadb: install-dev
	CRM_TEST_DB=mariadb $(BIN)/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

## bench: time the lead list calls on the Maven CRM data set (BENCH_DB=sqlite|mariadb)
BENCH_DB ?= sqlite
bench: install-dev
	$(BIN)/python tests/bench/bench_lead_list.py --db $(BENCH_DB)
