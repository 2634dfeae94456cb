# Every target bootstraps .venv itself from pyproject.toml; `make help` lists them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
KERNEL := analysis-news
STAMP  := $(VENV)/.setup-stamp
STUDY  ?= data/study.yml

.DEFAULT_GOAL := help
.PHONY: help setup test lint bench clean report lab test-browser

help: ## List the targets with one line each
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench,scale]'
	$(PY) -m ipykernel install --prefix $(VENV) --name $(KERNEL) --display-name "Python (analysis-news)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv, install the package with its extras, register the Jupyter kernel (idempotent)

lint: setup ## Run ruff (lint and format check)
	$(VENV)/bin/ruff check analysis tests
	$(VENV)/bin/ruff format --check analysis tests

test: setup lint ## Run the test suite (fast; no benchmark)
	$(PY) -m pytest

bench: setup ## Benchmark against peer tools on ../shared/bench (or a seeded synthetic corpus)
	$(PY) tests/benchmarks/run.py

report: setup ## Run the notebooks on STUDY=data/study.yml; write reports/<study>/ (HTML, CSV, PNG/SVG, provenance)
	$(PY) -m analysis report --study $(STUDY)

lab: setup ## Open JupyterLab on notebooks/ with the analysis-news kernel
	$(VENV)/bin/jupyter lab --notebook-dir=. --MultiKernelManager.default_kernel_name=$(KERNEL) \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_FLAGS) notebooks/00_overview.ipynb

test-browser: setup ## Open every report in headless Chromium; fail on console errors, broken images, empty tables
	@command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)
	$(PY) tests/browser/check_reports.py reports

clean: ## Remove generated reports and caches (keeps .venv)
	rm -rf reports .pytest_cache .ruff_cache
	rm -rf notebooks/.ipynb_checkpoints
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
