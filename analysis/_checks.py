"""Argument checks shared by the public functions (one wording for the same mistake everywhere)."""

from __future__ import annotations

import codecs
import numbers
import warnings
from collections.abc import Iterable, Sequence

import pandas as pd


def check_choice(name: str, value: object, allowed: Sequence[object]) -> None:
    """Raise ``ValueError`` listing the allowed values when ``value`` is not one of them."""
    if value not in allowed:
        raise ValueError(
            f"{name}={value!r} is not allowed; choose one of {', '.join(map(repr, allowed))}"
        )


def check_int(name: str, value: object, minimum: int) -> int:
    """``value`` as an ``int``; ``ValueError`` unless it is an integer (not a bool) ≥ ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name}={value!r} must be an integer of at least {minimum}")
    return int(value)


def require_columns(df: object, columns: Iterable[str], what: str, hint: str = "") -> None:
    """Raise when ``df`` is not a DataFrame or lacks ``columns``; the message names ``what`` and
    ends with ``hint`` (e.g. which function makes such a table)."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} needs column(s) {', '.join(map(repr, missing))} "
            f"(has: {', '.join(map(str, df.columns))}){'; ' + hint if hint else ''}"
        )


class BadUtf8(ValueError):
    """Bytes that are not UTF-8: ``offset`` is the byte offset in the file, ``line`` its line."""

    def __init__(self, offset: int, line: int, byte: int) -> None:
        super().__init__(f"not valid UTF-8 at byte offset {offset} (line {line})")
        self.offset, self.line, self.byte = offset, line, byte


def decode_utf8(raw: bytes) -> str:
    """Decode file bytes as UTF-8, dropping a leading byte-order mark.

    Raises :class:`BadUtf8` with the offset counted in the file's own bytes (Python's
    ``utf-8-sig`` codec counts from after the mark, which would misplace the error by three).
    """
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = bom + err.start
        raise BadUtf8(offset, raw[:offset].count(b"\n") + 1, raw[offset]) from None


def positional_docs(
    func: str, extra: tuple[object, ...], docs: pd.DataFrame | None
) -> pd.DataFrame | None:
    """The docs table of a call that still passes it positionally (docs became keyword-only).

    ``extra`` is what the function's ``*_deprecated`` catch-all received. For one release an old
    call works, with a ``DeprecationWarning``; anything else there is a ``TypeError``.
    """
    if not extra:
        return docs
    if len(extra) > 1 or not (extra[0] is None or isinstance(extra[0], pd.DataFrame)):
        raise TypeError(f"{func}() takes its options as keywords (docs=..., tokens=..., ...)")
    if docs is not None:
        raise TypeError(f"{func}() got the docs table twice (positionally and as docs=)")
    warnings.warn(
        f"passing docs positionally to {func}() is deprecated; write {func}(..., docs=docs); "
        "the positional form will be removed in the next release",
        DeprecationWarning,
        stacklevel=3,
    )
    return extra[0] if isinstance(extra[0], pd.DataFrame) else None
