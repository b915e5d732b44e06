# The commands the README names. `make demo` and `make test` work on a fresh machine.
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_ADDR ?= 127.0.0.1:8000

.PHONY: demo test install chromium pango redis lint format messages bench clean

$(BIN)/samspil: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/samspil

## demo: set up SQLite with the demo data and serve http://127.0.0.1:8000
# The tasks worker (mail, reminders) runs beside the web server and stops with it.
demo: install pango
	$(BIN)/samspil migrate --no-input
	$(BIN)/samspil demo --admin-password demo
	$(BIN)/samspil retention --ensure
	@echo "Samspil demo on http://$(DEMO_ADDR)/ (staff login: admin / demo at /en/admin/)"
	$(BIN)/samspil db_worker --no-reload & worker=$$!; \
		trap 'kill $$worker' EXIT INT TERM; \
		$(BIN)/samspil runserver --noreload $(DEMO_ADDR)

## test: lint, then the whole suite on SQLite and the database tests on PostgreSQL
# The scale tests (marker `scale`: gunicorn processes, Redis, a PostgreSQL stopped and
# started) run once, in the PostgreSQL pass.
test: install chromium pango redis
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -m "not scale"
	scripts/with-postgres.sh $(BIN)/pytest -m "not browser"

# Debian's redis-server for the scale tests (each starts its own on a free port).
redis:
	@command -v redis-server >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

# Debian's chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's pango and DejaVu fonts, which WeasyPrint needs to draw invoice PDFs.
pango:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && fc-list 2>/dev/null | grep -qi dejavu; } || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core >/dev/null; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: refresh the gettext catalogues after changing interface strings
messages: install
	cd src/samspil && ../../$(BIN)/samspil makemessages -l da -l fr -l nl --no-obsolete --no-location
	cd src/samspil && ../../$(BIN)/samspil compilemessages

clean:
	rm -rf $(VENV) var
