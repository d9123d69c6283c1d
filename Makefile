# One-command set-up for a fresh machine (Debian/Ubuntu, Python 3.11+).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install system-deps serve test bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e '.[test,serve]'

# Debian's Chromium drives the browser tests (no browser download); skipped where not root/apt.
system-deps:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium present"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gdal-bin >/dev/null; \
	else echo "chromium not installed: browser tests will be skipped (never in CI)"; fi

serve: install
	$(BIN)/webmap serve

test: install system-deps
	$(BIN)/gazetteer build
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) instance .pytest_cache
