# Two commands on a fresh machine with python3 and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,dask]"
	touch $@ $(STAMP_RUN)

# the main job: every text under corpus/ -> outputs/, then the seed's, the dev set's and the held-out set's scores
run: $(STAMP_RUN)
	$(BIN)/nerpipe run corpus/ --out outputs/ --overwrite
	$(BIN)/nerpipe evaluate --gold corpus/gold/mosyakov-khmer-rouge.jsonl --pred outputs/documents.jsonl --json outputs/evaluation.json
	$(BIN)/nerpipe evaluate --gold corpus/gold/dev --pred outputs/documents.jsonl --json outputs/evaluation-dev.json
	$(BIN)/nerpipe evaluate --gold corpus/gold/heldout --pred outputs/documents.jsonl --json outputs/evaluation-heldout.json

lint: $(STAMP_DEV)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(STAMP_DEV)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/*.json
