"""Reproducible reports: the study file, notebook parameters, tables, the papermill runner.

============== ==============================================================================
study          Study, load_study, load_study_docs, notebook_study, StudyError
inputs         check_study_inputs, StudyInputs, study_inputs, file_sha256
params         NotebookParameter, notebook_parameters, resolve_parameters,
               check_parameter_values, parse_cli_parameters, ParameterError
tables         save_table, display_table, table_html, corpus_overview (used inside notebooks)
compute        study_tables, compute_study_tables, TableOptions: every table of a study
               computed once, chunk by chunk; the notebooks read them
tables_folder  StudyTables, TABLE_FILES: the tables folder of a run, read on demand
runner         run_report, ReportError, ReportInterrupted: the notebooks run, the report
               written atomically
html           the exported pages, provenance footer and index page
cli            ``python -m analysis report|params``
============== ==============================================================================

Example:
    >>> from analysis.report import load_study, run_report
    >>> load_study("data/study.yml").name
    'asean_china_sample'
"""

from __future__ import annotations

from analysis.report.compute import (
    TableOptions,
    compute_study_tables,
    study_tables,
    table_options,
)
from analysis.report.inputs import StudyInputs, check_study_inputs, file_sha256, study_inputs
from analysis.report.params import (
    RUNNER_PARAMETERS,
    NotebookParameter,
    ParameterError,
    check_parameter_values,
    notebook_parameters,
    parse_cli_parameters,
    resolve_parameters,
)
from analysis.report.runner import (
    DEFAULT_KERNEL,
    VERSION_PACKAGES,
    ReportError,
    ReportInterrupted,
    run_report,
)
from analysis.report.study import Study, StudyError, load_study, load_study_docs, notebook_study
from analysis.report.tables import (
    corpus_overview,
    display_table,
    note,
    save_table,
    table_html,
    warnings_as_notes,
)
from analysis.report.tables_folder import TABLE_FILES, StudyTables

__all__ = [
    "StudyError",
    "ParameterError",
    "ReportError",
    "ReportInterrupted",
    "Study",
    "StudyInputs",
    "NotebookParameter",
    "load_study",
    "load_study_docs",
    "notebook_study",
    "check_study_inputs",
    "study_inputs",
    "notebook_parameters",
    "resolve_parameters",
    "check_parameter_values",
    "parse_cli_parameters",
    "run_report",
    "study_tables",
    "compute_study_tables",
    "StudyTables",
    "TableOptions",
    "TABLE_FILES",
    "table_options",
    "corpus_overview",
    "save_table",
    "display_table",
    "table_html",
    "note",
    "warnings_as_notes",
    "file_sha256",
    "DEFAULT_KERNEL",
    "RUNNER_PARAMETERS",
    "VERSION_PACKAGES",
]
