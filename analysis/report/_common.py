"""Small helpers shared by the modules of :mod:`analysis.report` (public names, private module)."""

from __future__ import annotations

import difflib
import importlib
import os
import shutil
import warnings
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any


def type_name(value: Any) -> str:
    """The type of a study-file or parameter value as a user wrote it (``null``, ``dict``, ...).

    Mappings and lists read with line numbers are subclasses; they are named by their base.

    >>> type_name(None), type_name(True), type_name([1])
    ('null', 'bool', 'list')
    """
    if value is None:
        return "null"
    for base in (dict, list):
        if isinstance(value, base):
            return base.__name__
    return type(value).__name__


def short_repr(value: Any, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters for error messages.

    >>> short_repr("x" * 100, limit=10)
    "'xxxxxx..."
    """
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def relative_posix(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> str:
    """``path`` relative to ``root`` with ``/`` separators (as provenance records paths).

    >>> relative_posix("/data/raw/a.txt", "/data")
    'raw/a.txt'
    """
    return Path(os.path.relpath(path, root)).as_posix()


def report_module(name: str) -> ModuleType:
    """Import a module of the optional ``report`` extra (papermill, nbformat, nbconvert), or say
    how to install it.

    >>> report_module("nbformat").__name__
    'nbformat'
    """
    try:
        return importlib.import_module(name)
    except ImportError as err:
        raise ImportError(
            f"{name} is needed to read and run report notebooks; install the extra: "
            "pip install 'analysis[report]'"
        ) from err


def did_you_mean(value: Any, allowed: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``allowed``, or ``""`` when none is close.

    >>> did_you_mean("outlt", ["outlet", "date"]), did_you_mean("zzz", ["outlet"])
    ("; did you mean 'outlet'?", '')
    """
    close = difflib.get_close_matches(str(value), list(allowed), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def plain(value: Any) -> Any:
    """The value with the line-numbered mappings and lists of the YAML reader made plain.

    >>> from analysis._io import LineDict
    >>> type(plain(LineDict(a=[1]))) is dict
    True
    """
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


_NOISE = (
    DeprecationWarning,
    PendingDeprecationWarning,
    FutureWarning,
    ImportWarning,
    ResourceWarning,  # e.g. an event loop some library left open, collected meanwhile
)


def warning_messages(caught: Iterable[warnings.WarningMessage]) -> list[str]:
    """The warnings a reader of the report should see (about the input, not library noise:
    deprecations, future changes, unclosed resources, progress bars), each once, in order."""
    return list(
        dict.fromkeys(
            str(w.message)
            for w in caught
            if not issubclass(w.category, _NOISE) and w.category.__name__ != "TqdmWarning"
        )
    )


def swap_into_place(new: Path, final: Path, old_name: str) -> None:
    r"""Put the folder ``new`` at ``final``, so that at every moment either the old or the new
    complete folder is there.

    A directory cannot be ``os.replace``\ d onto a non-empty one: the old one is moved aside
    first (to ``old_name`` next to it) and removed at the end, or put back if the move fails.
    Callers that may run at the same time hold a lock, and give each run its own ``old_name``.
    """
    old = None
    if final.exists():
        old = final.with_name(old_name)
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
    try:
        os.replace(new, final)
    except OSError:
        if old is not None:
            os.replace(old, final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
