# Two commands for a fresh clone: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_WORKERS ?= 2
WEB_THREADS ?= 8

CHECK_API_PORT ?= 8124
# Backend tests run in this many processes (pytest-xdist); each has its own database.
TEST_PROCESSES ?= 2

.PHONY: run test lint test-sqlite test-mariadb test-frontend test-e2e check-api spa bench translations \
	install install-dev clean

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

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## spa: build the React app into frontend/dist (served by Flask at /)
spa: node_modules/.installed
	npm run build

## run: install, migrate, seed demo data on an empty database, serve API + SPA on HOST:PORT
run: install
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory spa; \
	else echo "npm not found: serving the API only (install Node 20 to get the web app)"; fi
	$(BIN)/crm db upgrade
	$(BIN)/crm seed --if-empty
	@echo "Serving the CRM on http://$(HOST):$(PORT)  (API docs: http://$(HOST):$(PORT)/api/docs)"
	@# With REDIS_URL (environment or .env) jobs go to RQ, worked beside gunicorn; else in-process.
	@$(BIN)/crm worker --if-configured & worker=$$!; \
	trap 'kill $$worker 2>/dev/null || true' EXIT INT TERM; \
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --worker-class gthread \
		--workers $(WEB_WORKERS) --threads $(WEB_THREADS) --access-logfile - "crm:create_app()"

## test: lint, API suite on SQLite and MariaDB (with GridFS), SPA unit tests, API types, browser
test: lint test-sqlite test-mariadb test-frontend check-api test-e2e

lint: install-dev node_modules/.installed
	$(BIN)/ruff check backend tests migrations
	$(BIN)/ruff format --check backend tests migrations
	npm run lint

test-sqlite: install-dev
	CRM_TEST_DB=sqlite $(BIN)/pytest -q -n $(TEST_PROCESSES)

test-mariadb: install-dev
	CRM_TEST_DB=mariadb $(BIN)/pytest -q -n $(TEST_PROCESSES)

test-frontend: node_modules/.installed
	npm run build
	npm test

## check-api: the committed SPA types match the OpenAPI document of a freshly started backend
check-api: install node_modules/.installed
	@set -e; E2E_PORT=$(CHECK_API_PORT) bash tests/e2e/serve.sh >/dev/null & server=$$!; \
	trap 'kill $$server 2>/dev/null || true' EXIT; \
	for i in $$(seq 1 60); do \
	  curl -sf http://127.0.0.1:$(CHECK_API_PORT)/api/health >/dev/null && break; sleep 1; \
	done; \
	API_URL=http://127.0.0.1:$(CHECK_API_PORT) npm run check:api

test-e2e: install node_modules/.installed
	npm run e2e

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

## bench: lead list timings on the Maven CRM data set, ERP bulk upsert, 100,000 leads imported
## beside Core executemany (BENCH_DB=sqlite|mariadb),
## a 60 MB video uploaded and played back through GridFS (nx-27017) and the local store
BENCH_DB ?= sqlite
bench: install-dev
	$(BIN)/python tests/bench/bench_lead_list.py --db $(BENCH_DB)
	$(BIN)/python tests/bench/bench_bulk_upsert.py --db $(BENCH_DB)
	$(BIN)/python tests/bench/bench_import.py --db $(BENCH_DB)
	$(BIN)/python tests/bench/bench_attachments.py --store gridfs
	$(BIN)/python tests/bench/bench_attachments.py --store local

## translations: extract the server's messages (N_ markers) and update the en-US and zh-CN
## catalogues in backend/crm/translations; fill the new msgstr in zh_Hans_CN, then run it again to compile
TRANSLATIONS := backend/crm/translations
translations: install-dev
	$(BIN)/pybabel extract -F backend/babel.cfg -k N_ --add-location=file --sort-by-file \
		--no-wrap --project=crm -o $(TRANSLATIONS)/messages.pot backend/crm
	for locale in en_US zh_Hans_CN; do \
	  if [ -f $(TRANSLATIONS)/$$locale/LC_MESSAGES/messages.po ]; then \
	    $(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $$locale \
	      --no-wrap --ignore-obsolete --ignore-pot-creation-date; \
	  else $(BIN)/pybabel init -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $$locale --no-wrap; fi; \
	done
	rm $(TRANSLATIONS)/messages.pot
	$(BIN)/pybabel compile -d $(TRANSLATIONS) --statistics
