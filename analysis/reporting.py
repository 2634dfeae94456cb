"""Deprecated: use :mod:`analysis.report` (or the package root, ``from analysis import ...``).

This module only re-exports the names it used to define, so existing notebooks and scripts
keep working; it will be removed in a later release.
"""

from analysis.report import (
    DEFAULT_KERNEL,
    RUNNER_PARAMETERS,
    VERSION_PACKAGES,
    NotebookParameter,
    ParameterError,
    ReportError,
    Study,
    StudyError,
    corpus_overview,
    display_table,
    file_sha256,
    load_study,
    load_study_docs,
    notebook_parameters,
    parse_cli_parameters,
    resolve_parameters,
    run_report,
    save_table,
    study_inputs,
    table_html,
)

__all__ = [
    "StudyError",
    "ParameterError",
    "ReportError",
    "Study",
    "NotebookParameter",
    "load_study",
    "load_study_docs",
    "study_inputs",
    "notebook_parameters",
    "resolve_parameters",
    "parse_cli_parameters",
    "run_report",
    "corpus_overview",
    "save_table",
    "display_table",
    "table_html",
    "file_sha256",
    "DEFAULT_KERNEL",
    "RUNNER_PARAMETERS",
    "VERSION_PACKAGES",
]
