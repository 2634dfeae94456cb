"""The columns and dtypes of every public table, declared once.

Every function that returns one of these tables builds it through :func:`empty_table` (no
rows) or :func:`conform` (rows), so an empty result has the same columns and dtypes as a full
one, and the documentation below is the one the code follows. Names mean the same everywhere:

* ``doc_id``: ``category`` (categories = the corpus's documents in order) in the tables of
  positions (tokens, matches, hits, mentions, quotes); ``str`` in display tables (KWIC lines,
  sentences) and in tables keyed by document.
* ``matched``: the document text a pattern matched (quanteda's KWIC calls it ``keyword``).
* ``docfreq``: number of documents containing the term / mentioning the actor.
* ``n_tokens``: token rows, punctuation included; ``n_words``: word tokens (no punctuation).
* ``group``: the group label under the grouping rule of ``by=`` (``"all"`` without ``by``).
* ``start``/``end``: character offsets into the document's ``text`` (``end`` exclusive).

Optional columns (present only with some options) are listed in ``OPTIONAL``.

Example:
    >>> empty_table("kwic").dtypes.astype(str).to_dict()["sent"]
    'int32'
    >>> list(SCHEMAS["comention_edges"])
    ['source', 'target', 'weight', 'group']
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["SCHEMAS", "OPTIONAL", "empty_table", "conform", "check_table"]

_POS = {"doc_id": "category", "sent": "int32", "start": "int64", "end": "int64"}

#: table name -> {column: dtype}, in column order.
SCHEMAS: dict[str, dict[str, str]] = {
    "docs": {"doc_id": "str", "text": "str", "sha256": "str"},
    "removed": {"doc_id": "str", "line": "int64", "start": "int64", "end": "int64",
                "text": "str", "rule": "str"},
    "tokens": {"doc_id": "category", "sent": "int32", "tok": "int32", "start": "int64",
               "end": "int64", "token": "category", "norm": "category"},
    "sentences": {"doc_id": "str", "sent": "int32", "start": "int64", "end": "int64",
                  "n_tokens": "int64", "text": "str"},
    "wrapped_documents": {"doc_id": "str", "wrapped": "bool", "n_lines": "int64",
                          "median_line_length": "float64", "unpunctuated_share": "float64"},
    "matches": {**_POS, "matched": "str", "pattern": "str", "key": "str", "tok": "int32",
                "n_tok": "int64"},
    "term_frequency": {"term": "str", "frequency": "int64", "rank": "int64",
                       "docfreq": "int64", "group": "str", "relative": "float64"},
    "keyness": {"term": "str", "statistic": "float64", "p": "float64", "n_target": "int64",
                "n_reference": "int64", "log_ratio": "float64", "pct_diff": "float64",
                "low_count": "bool"},
    "kwic": {"doc_id": "str", "sent": "int32", "start": "int64", "end": "int64", "pre": "str",
             "matched": "str", "post": "str", "pattern": "str"},
    "collocations": {"collocation": "str", "count": "int64"},
    "hits": {**_POS, "matched": "str", "pattern": "str", "key": "str", "theme": "str",
             "source": "str", "parent": "str", "path": "str", "depth": "int64", "tok": "int32",
             "n_tok": "int64", "codebook_sha256": "str"},
    "theme_matrix": {"group": "str", "theme": "str", "depth": "int64", "count": "int64"},
    "theme_cooccurrence": {"theme_a": "str", "theme_b": "str", "count": "int64", "n_a": "int64",
                           "n_b": "int64", "jaccard": "float64"},
    "theme_kwic": {"doc_id": "str", "sent": "int32", "start": "int64", "end": "int64",
                   "pre": "str", "matched": "str", "post": "str", "pattern": "str",
                   "source": "str"},
    "mentions": {**_POS, "surface": "str", "actor_id": "str", "actor_type": "str", "via": "str"},
    "actor_counts": {"group": "str", "actor_id": "str", "mentions": "int64", "docfreq": "int64",
                     "n_docs": "int64"},
    "unlisted_names": {"name": "str", "count": "int64", "docfreq": "int64", "example": "str",
                       "doc_id": "str", "start": "int64", "end": "int64"},
    "quotes": {**_POS, "text": "str", "kind": "str", "speaker_id": "str",
               "speaker_start": "Int64", "speaker_end": "Int64", "cue": "str",
               "resolved_via": "str"},
    "comention_edges": {"source": "str", "target": "str", "weight": "int64", "group": "str"},
    "actor_theme_matrix": {"actor_id": "str", "theme": "str", "count": "int64"},
    "gold_sentences": {"doc_id": "str", "sent": "int64", "theme": "str"},
    "gold_coders": {"unit_id": "str", "coder": "str", "code": "str"},
    "scores": {"theme": "str", "tp": "int64", "fp": "int64", "fn": "int64",
               "precision": "float64", "recall": "float64", "f1": "float64", "support": "int64"},
    "codings": {"unit_id": "str", "coder": "str", "code": "int64"},
    "duplicates": {"doc_id": "str", "cluster": "int64", "similarity": "float64", "kept": "bool",
                   "duplicate_of": "str"},
    "duplicate_pairs": {"doc_a": "str", "doc_b": "str", "similarity": "float64"},
}  # fmt: skip

#: Columns a table has only with some options: table -> {column: dtype}.
OPTIONAL: dict[str, dict[str, str]] = {
    "term_frequency": {"prop": "float64", "tfidf": "float64"},
    "collocations": {m: "float64" for m in
                     ("lambda", "z", "likelihood_ratio", "pmi", "student_t", "chi_sq")},
    "theme_matrix": {"doc_id": "str", "n_words": "int64", "per_1k_tokens": "float64",
                     "n_sentences": "int64", "share_of_sentences": "float64"},
    "actor_counts": {"name": "str", "type": "str", "per_1k_tokens": "float64",
                     "share_of_docs": "float64", "share_of_mentions": "float64"},
}  # fmt: skip


def _dtypes(name: str) -> dict[str, str]:
    if name not in SCHEMAS:
        raise KeyError(f"no table schema named {name!r}; known: {', '.join(sorted(SCHEMAS))}")
    return {**SCHEMAS[name], **OPTIONAL.get(name, {})}


def _cast(values: pd.Series | np.ndarray | list, dtype: str, categories=None) -> pd.Series:
    if dtype == "category":
        if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
            return values if categories is None else values.cat.set_categories(categories)
        return pd.Series(pd.Categorical(np.asarray(values, dtype=object), categories=categories))
    return pd.Series(values).astype(dtype)


def empty_table(
    name: str, *, columns: list[str] | None = None, categories: Mapping[str, object] | None = None
) -> pd.DataFrame:
    """A table with no rows and the declared columns and dtypes.

    Args:
        name: a key of :data:`SCHEMAS`.
        columns: the columns, in order (default: the required ones); optional ones may be named.
        categories: categories of ``category`` columns, e.g. ``{"doc_id": tokens.doc_id.cat.categories}``.
    """
    dtypes = _dtypes(name)
    cols = list(SCHEMAS[name]) if columns is None else columns
    cats = dict(categories or {})
    return pd.DataFrame(
        {c: _cast(np.array([], dtype=object), dtypes[c], cats.get(c)) for c in cols}
    )


def conform(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """``table`` with every declared column cast to its dtype (other columns left as they are).

    The required columns come first, in their declared order. Raises ``KeyError`` when a
    required column is missing (a programming error, not a user one).
    """
    dtypes = _dtypes(name)
    missing = [c for c in SCHEMAS[name] if c not in table.columns]
    if missing:
        raise KeyError(f"{name} table lacks column(s) {missing}")
    order = [*SCHEMAS[name], *(c for c in table.columns if c not in SCHEMAS[name])]
    if order == list(table.columns) and all(
        str(table[c].dtype) == dtypes[c] for c in table.columns if c in dtypes
    ):
        return table  # already conforming: no copy of a large table
    out = {}
    for col in order:
        values = table[col]
        want = dtypes.get(col)
        if want is not None and str(values.dtype) != want:
            values = _cast(values, want).set_axis(table.index)
        out[col] = values
    return pd.DataFrame(out, index=table.index)


def check_table(table: pd.DataFrame, name: str) -> None:
    """Raise ``AssertionError`` when ``table`` lacks a declared column or has another dtype."""
    dtypes = _dtypes(name)
    missing = [c for c in SCHEMAS[name] if c not in table.columns]
    assert not missing, f"{name}: missing column(s) {missing}"
    wrong = {
        c: (str(table[c].dtype), d)
        for c, d in dtypes.items()
        if c in table.columns and str(table[c].dtype) != d
    }
    assert not wrong, f"{name}: columns with other dtypes (have, declared): {wrong}"
