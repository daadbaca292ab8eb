# tdkt — the two commands a new user needs: `make serve` and `make test`.
# Both install what they need (Debian packages, a virtualenv) by themselves.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie fonts-liberation2 fonts-dejavu-core fonts-noto-core
# The tests also run the archive on PostgreSQL and Celery on Redis (servers of their own
# when the machine's can't be used), and the web page in Debian's headless Chromium.
TEST_APT_PACKAGES := postgresql redis-server chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system test-system apt venv test lint serve extract-samples samples bench clean

setup: system venv

system:
	@$(MAKE) --no-print-directory apt PACKAGES="$(APT_PACKAGES)"

test-system:
	@$(MAKE) --no-print-directory apt PACKAGES="$(TEST_APT_PACKAGES)"

apt:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

test: setup test-system
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy schemas extractors service bench
	$(VENV)/bin/pytest -q

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy schemas extractors service bench

serve: setup
	@echo "ingesting the samples into ./tdkt-data (already archived ones are skipped)"
	-$(VENV)/bin/tdkt ingest samples
	$(VENV)/bin/tdkt serve

samples: venv
	$(PY) -m samples.generate

bench: setup
	$(PY) -m bench.accuracy

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
