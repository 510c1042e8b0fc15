# newsblog: `make run` starts the site with demo content, `make test` runs the whole suite.
# Both create the virtualenv in .venv on first use; only Python 3.11+ and make are needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve bench test lint format install migrate clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: export DEBUG ?= 1
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	@echo ""
	@echo "  newsblog is running at http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  The demo logins are listed above (local use only). Stop with Ctrl-C."
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production stack on this machine: DEBUG off, a fresh SECRET_KEY, WhiteNoise's hashed static files, gunicorn sync
# workers with deploy/gunicorn.conf.py. Plain HTTP (HTTPS_ONLY=0), since no TLS proxy is in front locally.
serve: export DEBUG := 0
serve: export HTTPS_ONLY ?= 0
serve: export ALLOWED_HOSTS ?= $(HOST),localhost
serve: export SITE_URL ?= http://$(HOST):$(PORT)
serve: export GUNICORN_BIND ?= $(HOST):$(PORT)
serve: export SECRET_KEY ?= $(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')
serve: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input -v0
	@echo ""
	@echo "  newsblog runs with production settings under gunicorn at http://$(HOST):$(PORT)/   Stop with Ctrl-C."
	@echo ""
	$(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py

# Pages against a hello-world baseline on bulk data (scripts/bench.py); the table lands in bench-results/.
# BENCH_ARGS="--quick" for a short run, "--articles 1000" for a small database, "--help" for the rest.
bench: install
	$(PY) scripts/bench.py $(BENCH_ARGS)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles artifacts
