# The two set-up commands of the README: `make demo` and `make test`.
# Each creates .venv on first use and installs sitrep (with its spaCy model) from PyPI.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test lint eval report clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/sitrep demo

test: $(VENV)/.installed
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

eval: $(VENV)/.installed
	$(VENV)/bin/sitrep eval eval/gold/dev.jsonl

# eval/REPORT.md: every gold set scored, with the shared GeoNames country files imported
# into the gazetteer when ../shared is there (as the report says).
GEONAMES := $(wildcard ../shared/data/geonames/*.txt)
POPCORN := $(wildcard ../shared/data/popcorn-fr/train.json)
report: $(VENV)/.installed
	$(if $(GEONAMES),$(VENV)/bin/sitrep gazetteer add $(GEONAMES))
	$(VENV)/bin/sitrep eval eval/gold/dev.jsonl eval/gold/factuality.jsonl eval/gold/clusters.jsonl \
		--report eval/REPORT.md --errors 0 \
		$(if $(POPCORN),--popcorn $(POPCORN))

clean:
	rm -rf $(VENV) build *.egg-info
