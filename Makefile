# One-command set-up for a fresh machine (Debian/Ubuntu, Python 3.11+).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install install-test system-deps serve lint types check test bench bench-scale clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# the app and its production server
install: $(BIN)/python
	$(BIN)/pip install -q -e '.[serve]'

# plus the test tools (pytest, Playwright's driver; the browser is Debian's chromium)
install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test,serve]'

# Debian's Chromium drives the browser tests (no browser download); gdal-bin checks exports with ogrinfo;
# PostgreSQL 15 + PostGIS 3 run the `postgis` tests (each test session starts its own throwaway cluster).
PG_BIN := /usr/lib/postgresql/15/bin
system-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v ogrinfo >/dev/null 2>&1 && [ -x $(PG_BIN)/initdb ] \
	  && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then echo "chromium, ogrinfo, postgresql-15, postgis present"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gdal-bin \
	    postgresql-15 postgresql-15-postgis-3 >/dev/null; \
	else echo "chromium/gdal-bin/postgresql-15-postgis-3 not installed: browser and postgis tests will be skipped (never in CI)"; fi

serve: install
	$(BIN)/gazetteer build
	$(BIN)/webmap serve

# lint (ruff), types (mypy) and the fast tests (no browser, nothing marked slow): a quick check before a commit
lint: install-test
	$(BIN)/ruff check .

types: install-test
	$(BIN)/mypy

check: lint types
	$(BIN)/gazetteer build
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not browser and not slow"

# everything: lint, types and the whole suite (browser tests included)
test: install-test system-deps lint types
	$(BIN)/gazetteer build
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: install-test
	$(BIN)/python benchmarks/bench_gazetteer.py
	$(BIN)/python benchmarks/bench_events.py
	$(BIN)/python benchmarks/bench_web.py

# the scale benchmarks (throwaway PostgreSQL + PostGIS, Dask, gunicorn loaded by Debian's wrk on 127.0.0.1)
bench-scale: install-test system-deps
	@command -v wrk >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	$(BIN)/python benchmarks/bench_archive.py
	$(BIN)/python benchmarks/bench_store_bbox.py
	$(BIN)/python benchmarks/bench_serve.py

clean:
	rm -rf $(VENV) instance .pytest_cache
