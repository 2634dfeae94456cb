"""Deprecated: use :mod:`analysis.report` (or the package root, ``from analysis import ...``).

This module only re-exports the names it used to define, so existing notebooks and scripts
keep working; it will be removed in a later release.
"""

from analysis import report
from analysis.report import *  # noqa: F403 - the whole public surface of analysis.report

__all__ = list(report.__all__)
