"""Argument checks shared by the public functions (one wording for the same mistake everywhere)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd


def check_choice(name: str, value: object, allowed: Sequence[object]) -> None:
    """Raise ``ValueError`` listing the allowed values when ``value`` is not one of them."""
    if value not in allowed:
        raise ValueError(
            f"{name}={value!r} is not allowed; choose one of {', '.join(map(repr, allowed))}"
        )


def require_columns(df: object, columns: Iterable[str], what: str) -> None:
    """Raise when ``df`` is not a DataFrame or lacks ``columns``; the message names ``what``."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} needs column(s) {', '.join(map(repr, missing))} (has: {', '.join(map(str, df.columns))})"
        )
