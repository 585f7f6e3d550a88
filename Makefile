# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= $(shell command -v python3.11 || command -v python3)
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2

.PHONY: install run test lint bench serve-prod e2e-prod clean

$(BIN)/thidua: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/thidua

install: $(BIN)/thidua

# Local settings for this checkout, read by every `thidua` command: a production-like
# start (DEBUG off) on http://127.0.0.1 with a secret key of its own, in demo mode (the
# demo accounts keep the shared password; see DEMO_MODE in .env.example). A .env written
# before demo mode existed gets the line added by `make run`.
.env:
	@printf '%s\n' "# Written by make run for this machine; see .env.example for every variable." \
	  "DEBUG=0" "HTTPS=0" "ALLOWED_HOSTS=127.0.0.1,localhost" "DEMO_MODE=1" \
	  "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@

run: install .env
	@set -e; \
	grep -q '^DEMO_MODE=' .env || echo "DEMO_MODE=1" >> .env; \
	$(BIN)/thidua migrate --noinput -v0; \
	$(BIN)/thidua compile_translations; \
	$(BIN)/thidua collectstatic --noinput -v0; \
	$(BIN)/thidua load_plan; \
	$(BIN)/thidua load_demo; \
	echo; echo "Thi Đua: http://127.0.0.1:$(PORT)/  (mật khẩu minh họa: $${DEMO_PASSWORD:-thidua-demo-2026})"; echo; \
	exec $(BIN)/gunicorn thidua.wsgi -b 127.0.0.1:$(PORT) --workers $(WORKERS) --keep-alive 10 \
	    --access-logfile - --log-level warning

# Production processes against DATABASE_URL and REDIS_URL from the environment:
# gunicorn (deploy/gunicorn.conf.py), a Celery worker and Celery beat. Ctrl-C stops all.
serve-prod: install
	@test -n "$$DATABASE_URL" -a -n "$$REDIS_URL" || { echo "Set DATABASE_URL and REDIS_URL (see .env.example)."; exit 2; }
	$(BIN)/thidua migrate --noinput -v0
	$(BIN)/thidua compile_translations
	$(BIN)/thidua collectstatic --noinput -v0
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/celery -A thidua.celery worker --loglevel INFO & \
	$(BIN)/celery -A thidua.celery beat --loglevel INFO --schedule var/celerybeat-schedule & \
	$(BIN)/gunicorn thidua.wsgi -c deploy/gunicorn.conf.py & \
	wait

# The production stack end to end (gunicorn, worker, beat, PostgreSQL, a Redis of its own).
e2e-prod: install
	$(BIN)/python deploy/e2e/production_scenario.py

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/djlint templates --lint

# The same checks run before each commit once `.venv/bin/pre-commit install` is done
# (.pre-commit-config.yaml). Migrations must match the models: no change left unmade.
test: export THIDUA_TESTING = 1
test: install lint
	$(BIN)/thidua makemigrations --check --dry-run
	$(BIN)/lint-imports --no-logo
	$(BIN)/thidua compile_translations
	$(BIN)/pytest $(PYTEST_ARGS)

# Benchmarks on the PostgreSQL of BENCH_PG (bench/README.md): each scale in its own
# database, one table printed, bench/RESULTS.md written. BENCH_ARGS=--reuse keeps data.
BENCH_SCALES ?= department province
BENCH_SEED ?= 2026
bench: install
	$(BIN)/python -m bench.run --scales $(BENCH_SCALES) --seed $(BENCH_SEED) $(BENCH_ARGS)

clean:
	rm -rf var/static var/test*.sqlite3
