"""The one grouping rule of every function that takes ``by=``.

Used by ``term_frequency``, ``keyness``, ``theme_matrix``, ``actor_counts``, ``comention_edges``
and the streaming/Dask engine, so that all of them order groups the same way and treat a
missing group value the same way:

* ``by=None``: one group labelled ``"all"``.
* ``by="doc_id"``: one group per document, in corpus order (the order of ``docs``, or of the
  categories of the table's ``doc_id``).
* ``by="day"|"week"|"month"|"quarter"|"year"`` (:data:`analysis.dates.PERIODS`), when ``docs``
  has no column of that name: the period of ``docs["date"]`` (labels ``"2023-12-06"``,
  ``"2023-W49"``, ``"2023-12"``, ``"2023-Q4"``, ``"2023"``, see
  :func:`analysis.dates.period_of`), which sort in time order. A document without a date (missing
  or blank) has a missing group value (below). Only periods with documents are groups.
* ``by="<column>"``: a document variable of ``docs``. Groups are the category order when the
  column is categorical (R factor semantics, as quanteda's ``groups=``), otherwise the labels
  sorted in code-point order.
* ``by=<Series or mapping>``: ``doc_id`` → group, for a grouping that is not a column (quanteda's
  ``groups=`` vector). A Series indexed by ``doc_id``, or a dict. Same ordering rule.

A document whose group value is missing (NaN/None, blank text, or absent from a mapping) is an
error naming the documents, unless ``dropna=True``, which leaves it out of every group (its rows
are not counted). Labels are always ``str``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from analysis._checks import require_columns
from analysis.dates import PERIODS, period_of

#: What ``by=`` accepts everywhere.
By: TypeAlias = str | pd.Series | Mapping[Any, Any] | None

ALL = "all"
_MAX_NAMED = 5


@dataclass(frozen=True)
class Groups:
    """Group of every document.

    Attributes:
        doc_ids: the documents, as ``str``, in corpus order.
        codes: group number of each document (``-1``: left out by ``dropna=True``).
        labels: the group labels, in output order (code ``i`` is ``labels[i]``).
    """

    doc_ids: pd.Index
    codes: np.ndarray
    labels: list[str]

    def of(self, doc_ids: Sequence[object] | pd.Series | pd.Index) -> np.ndarray:
        """Group codes of ``doc_ids`` (rows of a table); ``-1`` for unknown or dropped ones."""
        pos = self.doc_ids.get_indexer(pd.Index(np.asarray(doc_ids, dtype=object)).astype(str))
        out = np.full(len(pos), -1, np.int64)
        ok = pos >= 0
        out[ok] = self.codes[pos[ok]]
        return out

    def label_of(self, doc_ids: Sequence[object] | pd.Series | pd.Index) -> np.ndarray:
        """Group label (object array) of ``doc_ids``; ``None`` where the code is ``-1``."""
        codes = self.of(doc_ids)
        labels = np.asarray(self.labels + [None], dtype=object)
        return labels[codes]

    @property
    def sizes(self) -> np.ndarray:
        """Documents per group, in label order."""
        kept = self.codes[self.codes >= 0]
        return np.bincount(kept, minlength=len(self.labels)).astype(np.int64)


def _names(ids: Sequence[object], more: int) -> str:
    shown = ", ".join(map(str, ids[:_MAX_NAMED]))
    return shown + (f" (and {more - _MAX_NAMED} more)" if more > _MAX_NAMED else "")


def corpus_ids(doc_col: pd.Series | None, docs: pd.DataFrame | None) -> pd.Index:
    """The corpus's documents: ``docs.doc_id``, else the categories (or values) of ``doc_col``."""
    if docs is not None:
        require_columns(docs, ["doc_id"], "docs")
        ids = pd.Index(docs["doc_id"].astype(str).to_numpy(dtype=object), dtype=object)
        if ids.has_duplicates:
            dupes = sorted(set(ids[ids.duplicated()]))
            raise ValueError(f"docs has duplicate doc_id value(s): {_names(dupes, len(dupes))}")
        return ids
    if doc_col is None:
        return pd.Index([], dtype=object)
    if isinstance(doc_col.dtype, pd.CategoricalDtype):
        return pd.Index(doc_col.cat.categories.astype(str).to_numpy(dtype=object), dtype=object)
    return pd.Index(pd.unique(doc_col.astype(str).to_numpy(dtype=object)), dtype=object)


def group_docs(
    doc_ids: pd.Index,
    by: By,
    docs: pd.DataFrame | None,
    *,
    dropna: bool = False,
) -> Groups:
    """Apply the grouping rule (module docstring) to the documents ``doc_ids``.

    Raises:
        TypeError: ``by`` is not a str, Series, mapping or None.
        ValueError: ``by`` names a column without ``docs=`` or missing from it; a document has
            no row in ``docs``; a group value is missing (and ``dropna`` is False); a period
            ``by`` on a ``date`` that is not an ISO 8601 string.
    """
    ids = pd.Index(np.asarray(doc_ids, dtype=object), dtype=object).astype(str)
    n = len(ids)
    if by is None:
        return Groups(ids, np.zeros(n, np.int64), [ALL])
    if isinstance(by, str) and by == "doc_id":
        return Groups(ids, np.arange(n, dtype=np.int64), [str(d) for d in ids])
    if isinstance(by, str):
        if docs is None:
            raise ValueError(f"by={by!r} names a document variable: pass the docs table as docs=")
        period = by in PERIODS and by not in docs.columns
        column = "date" if period else by
        hint = (
            f"by={by!r} is a period of the 'date' column"
            if period
            else f"by={by!r} must be a column of docs"
        )
        require_columns(docs, ["doc_id", column], "docs", hint)
        keys = corpus_ids(None, docs)
        pos = keys.get_indexer(ids)
        if (pos < 0).any():
            missing = list(ids[pos < 0])
            raise ValueError(
                f"docs has no row for doc_id(s) {_names(missing, len(missing))}; "
                f"cannot look up {by!r}"
            )
        values = docs[column].iloc[pos].reset_index(drop=True)
        what = f"docs[{by!r}]"
        if period:
            values = period_of(values, by)  # type: ignore[arg-type]
            what = f"docs['date'] (by={by!r})"
    elif isinstance(by, pd.Series | Mapping):
        lookup = by if isinstance(by, pd.Series) else pd.Series(dict(by), dtype=object)
        lookup = lookup[~pd.Index(lookup.index).duplicated(keep="first")]
        lookup.index = pd.Index(lookup.index).astype(str)
        values = lookup.reindex(ids).reset_index(drop=True)
        what = "the by= mapping"
    else:
        raise TypeError(
            "by must be None, a document-variable name (str), or a Series/mapping from doc_id "
            f"to group; got {type(by).__name__}"
        )
    na = values.isna().to_numpy().copy()
    if not isinstance(values.dtype, pd.CategoricalDtype) and not pd.api.types.is_numeric_dtype(
        values.dtype
    ):
        # An empty metadata cell is a missing value, not a group named "".
        text = values[~na].astype(str).str.strip()
        na[np.flatnonzero(~na)[text.eq("").to_numpy()]] = True
    if na.any() and not dropna:
        missing = list(ids[na])
        raise ValueError(
            f"{what} has no group value for doc_id(s) {_names(missing, len(missing))}; "
            "fill it in, or pass dropna=True to leave those documents out"
        )
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = [str(c) for c in values.cat.categories]
        labels = [None if m else str(v) for v, m in zip(values.astype(object), na, strict=True)]
        cat = pd.Categorical(labels, categories=cats)
    else:
        as_str = pd.Series(
            np.where(na, None, values.astype(str).to_numpy(dtype=object)), dtype=object
        )
        cat = pd.Categorical(as_str, categories=sorted(set(as_str[~na])))
    return Groups(ids, np.asarray(cat.codes, np.int64), [str(c) for c in cat.categories])
