# The two set-up commands of the README: `make demo` and `make test`.
# Each creates .venv on first use and installs sitrep (with its spaCy model) from PyPI.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test lint eval report serve web-assets services clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The map page's JavaScript and country borders, from npm packages at build time (never a CDN).
web-assets:
	bash scripts/build-web-assets.sh

# The bundled examples, plus the project's seed article when ../shared is beside the repo.
SEEDS := $(wildcard ../shared/seeds/*.txt)
demo: $(VENV)/.installed web-assets
	$(VENV)/bin/sitrep demo $(SEEDS)

# What the tests need beyond Python: Debian's Chromium + ChromeDriver (browser tests) and a local
# PostgreSQL server (store tests by URL). Both scripts are idempotent and need root to install.
services:
	bash scripts/install-browser.sh

test: $(VENV)/.installed web-assets services
	SITREP_TEST_POSTGRES="$$(bash scripts/start-postgres.sh || true)" $(PY) -m pytest -q

serve: $(VENV)/.installed web-assets
	$(VENV)/bin/sitrep serve

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

eval: $(VENV)/.installed
	$(VENV)/bin/sitrep eval eval/gold/dev.jsonl

# eval/REPORT.md: every gold set scored, with the shared GeoNames country files imported
# into the gazetteer when ../shared is there (as the report says).
GEONAMES := $(wildcard ../shared/data/geonames/*.txt)
POPCORN := $(wildcard ../shared/data/popcorn-fr/train.json)
# Real BBC Afrique news of non-conflict topics: dev and train-sample are read and tuned on, test is only counted.
NEWS := ../shared/data/masakhanews-fra
NEWS_LISTED := $(wildcard $(NEWS)/dev.tsv $(NEWS)/train-sample.tsv)
NEWS_HELD_OUT := $(wildcard $(NEWS)/test.tsv)
# Real articles coded by hand (eval/gold/real): the annotations point at texts in ../shared/data,
# which may not be copied here; joined, they are gold files like the others (build/gold/).
REAL_ANNOTATIONS := $(wildcard eval/gold/real/*.jsonl)
REAL_GOLD := $(if $(wildcard ../shared/data),$(patsubst eval/gold/real/%,build/gold/%,$(REAL_ANNOTATIONS)))
build/gold/%.jsonl: eval/gold/real/%.jsonl $(VENV)/.installed
	$(PY) -m sitrep.evaluate.textfrom $< --texts ../shared/data --out build/gold

report: $(VENV)/.installed $(REAL_GOLD)
	$(if $(GEONAMES),$(VENV)/bin/sitrep gazetteer add $(GEONAMES))
	$(VENV)/bin/sitrep eval eval/gold/dev.jsonl eval/gold/factuality.jsonl eval/gold/clusters.jsonl \
		eval/gold/heldout.jsonl eval/gold/heldout2.jsonl eval/gold/heldout3.jsonl eval/gold/heldout4.jsonl \
		eval/gold/heldout5.jsonl eval/gold/heldout6.jsonl eval/gold/heldout7.jsonl \
		eval/gold/heldout8.jsonl eval/gold/heldout9.jsonl $(REAL_GOLD) \
		--report eval/REPORT.md --errors 0 \
		$(if $(POPCORN),--popcorn $(POPCORN)) \
		$(foreach f,$(NEWS_LISTED),--negative-news $(f)) $(foreach f,$(NEWS_HELD_OUT),--held-out-negative-news $(f))

clean:
	rm -rf $(VENV) build *.egg-info src/sitrep/web/static/vendor
