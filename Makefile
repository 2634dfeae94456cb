# Every target bootstraps .venv itself from pyproject.toml; `make help` lists them.
PYTHON   ?= python3
VENV     := .venv
PY       := $(VENV)/bin/python
KERNEL   := analysis-news
STAMP    := $(VENV)/.setup-stamp
EXTRAS   := dev,report,scale,bench,docs
STUDY    ?= data/study.yml
# test-min: the oldest declared versions, in a venv of their own.
VENV_MIN := .venv-min
MIN_EXTRAS := dev,report,scale

.DEFAULT_GOAL := help
.PHONY: help setup lint typecheck test test-all test-slow test-min docs bench clean report lab \
	test-browser bench-report

help: ## List the targets with one line each
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

# analysis/__init__.py holds the version: a new one must reach the installed metadata.
$(STAMP): pyproject.toml analysis/__init__.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	$(PY) -m ipykernel install --prefix $(VENV) --name $(KERNEL) --display-name "Python (analysis-news)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv, install the package with every extra, register the Jupyter kernel (idempotent)

lint: setup ## Run ruff (lint and format check)
	$(VENV)/bin/ruff check analysis tests tools
	$(VENV)/bin/ruff format --check analysis tests tools

typecheck: setup ## Run mypy on analysis/ (settings in pyproject.toml)
	$(VENV)/bin/mypy

# Debian's chromium for the browser checks (make test-browser; and make test under CI, where the
# browser tests fail rather than skip without it)
CHROMIUM_INSTALL = command -v chromium >/dev/null || (apt-get update && \
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

test: setup lint typecheck ## ruff + mypy + the fast tests and every docstring example (no slow tests)
	@if [ -n "$$CI" ]; then $(CHROMIUM_INSTALL); fi
	$(PY) -m pytest

test-all: setup ## Every test, slow ones included (notebooks, reports, Dask cluster)
	$(PY) -m pytest -m ""

# -n 0: in one process. The slow tests start kernels, worker processes and a Dask cluster of
# their own; on 2 cores two pytest-xdist workers made them slower (82 s serial, 90 s on 2).
test-slow: setup ## Only the tests marked slow (in one process)
	$(PY) -m pytest -m slow -n 0 || test $$? -eq 5  # 5: no test is marked slow

test-min: ## The fast tests on the oldest declared versions (.venv-min; downloads from PyPI)
	@test -x $(VENV_MIN)/bin/python || $(PYTHON) -m venv $(VENV_MIN)
	$(VENV_MIN)/bin/python -m pip install --quiet --upgrade pip
	$(PYTHON) tools/min_constraints.py --extras $(MIN_EXTRAS) > $(VENV_MIN)/constraints-min.txt
	$(VENV_MIN)/bin/python -m pip install --quiet -c $(VENV_MIN)/constraints-min.txt -e '.[$(MIN_EXTRAS)]'
	$(VENV_MIN)/bin/python -m ipykernel install --prefix $(VENV_MIN) --name $(KERNEL) --display-name "Python (analysis-news, minimum versions)" >/dev/null
	$(VENV_MIN)/bin/python -m pip list --format=freeze > $(VENV_MIN)/installed.txt
	$(VENV_MIN)/bin/python -m pytest -p no:cacheprovider

docs: setup ## Build the documentation site into site/ (offline; warnings are errors)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --site-dir site
	$(PY) tools/check_site_offline.py site

bench: setup ## Benchmark against peer tools on ../shared/bench (or a seeded synthetic corpus)
	$(PY) tests/benchmarks/run.py

bench-report: setup ## `make report` on the 50 MB benchmark corpus and the sample: peak RSS, page sizes, time (BENCH_FLAGS=--docs 1500)
	$(PY) tests/benchmarks/report_bench.py $(BENCH_FLAGS)

report: setup ## Run the notebooks on STUDY=data/study.yml; write reports/<study>/ (HTML, CSV, PNG/SVG, provenance)
	$(PY) -m analysis report --study $(STUDY)

lab: setup ## Open JupyterLab on notebooks/ with the analysis-news kernel; the notebooks open STUDY
	ANALYSIS_LAB_STUDY=$(abspath $(STUDY)) $(VENV)/bin/jupyter lab --notebook-dir=. --MultiKernelManager.default_kernel_name=$(KERNEL) \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_FLAGS) notebooks/00_overview.ipynb

test-browser: setup ## Open every report in headless Chromium; fail on console errors, broken images, empty tables
	@$(CHROMIUM_INSTALL)
	$(PY) tests/browser/check_reports.py reports

clean: ## Remove generated reports, the docs site and caches (keeps .venv and .venv-min)
	rm -rf reports site .pytest_cache .ruff_cache .mypy_cache
	rm -rf notebooks/.ipynb_checkpoints
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
