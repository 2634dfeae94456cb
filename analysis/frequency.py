"""Which words dominate: term frequencies per document group (quanteda ``textstat_frequency``).

:func:`term_frequency` counts ``norm`` types (or n-grams) of the tokens table
(:func:`analysis.text.tokenize`), overall or within groups of documents under the package's one
grouping rule (:mod:`analysis._groups`). The other word-level tables live next door:
:mod:`analysis.keyterms`, :mod:`analysis.concordance`, :mod:`analysis.collocation` (their functions
stay importable from here).

Everything is computed per vocabulary type (``norm`` categories) with array operations; no
function loops over tokens in Python. :func:`column_codes` and :func:`drop_types` are the
per-type building blocks that keyness and collocations share.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis._aggregate_finish import finish_term_frequency
from analysis._checks import check_choice, check_int, require_columns
from analysis._groups import By, group_docs
from analysis.text import fold, is_punct
from analysis.token_transforms import tokens_ngrams

# Functions that moved to their own modules; ``from analysis.frequency import kwic`` still works.
# Resolved lazily because those modules import the helpers below.
_MOVED = {
    "keyness": "analysis.keyterms",
    "kwic": "analysis.concordance",
    "collocations": "analysis.collocation",
}

__all__ = ["term_frequency", *_MOVED]


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Scheme = Literal["count", "prop", "tfidf"]
_SCHEMES = get_args(Scheme)


# --------------------------------------------------------------------------------------------
# per-type helpers (shared with keyness and collocations)


def column_codes(tokens: pd.DataFrame, column: str) -> tuple[np.ndarray, pd.Index]:
    """Integer code of every row's value in ``column``, and the values.

    Args:
        tokens: a tokens table.
        column: e.g. ``"doc_id"`` (document number of every token) or ``"norm"`` (type number).

    Returns:
        The codes (an integer array, one per row) and the values as a ``str`` Index: the
        categories in their order when the column is categorical, else in order of first
        appearance.

    Example:
        >>> codes, types = column_codes(pd.DataFrame({"norm": ["b", "a", "b"]}), "norm")
        >>> codes.tolist(), types.tolist()
        ([0, 1, 0], ['b', 'a'])
    """
    col = tokens[column]
    if isinstance(col.dtype, pd.CategoricalDtype):
        # .array.codes is a view; .cat.codes builds a new Series (tens of ms on 10 M tokens).
        return col.array.codes, col.cat.categories.astype(str)
    codes, uniques = pd.factorize(col.astype(str), sort=False)
    return np.asarray(codes, np.int64), pd.Index(uniques, dtype=str)


def drop_types(
    types: pd.Index,
    *,
    remove_punct: bool,
    stopwords: Iterable[str] | None,
    ngram_sep: str | None = None,
) -> np.ndarray:
    """Which types the counting functions leave out: punctuation, and stopwords.

    Args:
        types: the vocabulary (``norm`` forms, or n-grams).
        remove_punct: drop punctuation (:func:`analysis.text.is_punct`).
        stopwords: words to drop, compared folded.
        ngram_sep: for n-gram types, the separator of their words: an n-gram is dropped when
            any of its words is a stopword, so that it never contains one.

    Returns:
        A bool array, True for every type left out.

    Raises:
        TypeError: ``stopwords`` is a single string.

    Example:
        >>> drop_types(pd.Index(["the", "cat", "."]), remove_punct=True, stopwords=["The"]).tolist()
        [True, False, True]
    """
    drop = np.zeros(len(types), bool)
    if remove_punct and len(types):
        # The one definition of punctuation lives in analysis.text; apply it to the types
        # (as plain Python strings, which iterate much faster than an Arrow-backed Index).
        plain = pd.Index(types.tolist(), dtype=object)
        drop |= is_punct(
            pd.DataFrame(
                {"norm": pd.Categorical.from_codes(np.arange(len(types)), categories=plain)}
            )
        )
    if stopwords is not None:
        if isinstance(stopwords, str):
            raise TypeError("stopwords must be a collection of words, not a single string")
        stop = {fold(w) for w in stopwords}
        if stop:
            names = types.tolist()
            if ngram_sep is None:
                drop |= np.fromiter((t in stop for t in names), bool, count=len(names))
            else:
                drop |= np.fromiter(
                    (any(w in stop for w in t.split(ngram_sep)) for t in names),
                    bool,
                    count=len(names),
                )
    return drop


def _doc_type_matrix(doc: np.ndarray, typ: np.ndarray, n_docs: int, n_types: int) -> sp.csc_matrix:
    """Documents × types count matrix (CSC, duplicates summed, row indices sorted).

    Tokens arrive sorted by document, so the CSR structure is free (``indptr`` from a
    bincount); the CSR→CSC transposition is a counting sort that leaves each type's document
    numbers ascending, after which summing duplicates is linear. This is what makes document
    frequencies cost about as much as a bincount on millions of tokens (``np.unique`` over
    (document, type) pairs would sort them: ~30× slower).
    """
    if len(doc) and not bool(np.all(doc[1:] >= doc[:-1])):
        order = np.argsort(doc, kind="stable")
        doc, typ = doc[order], typ[order]
    idx_dtype = np.int32 if max(len(typ), n_types, n_docs) < 2**31 - 1 else np.int64
    indptr = np.zeros(n_docs + 1, idx_dtype)
    np.cumsum(np.bincount(doc, minlength=n_docs), out=indptr[1:])
    mat = sp.csr_matrix(
        (np.ones(len(typ), idx_dtype), typ.astype(idx_dtype, copy=False), indptr),
        shape=(n_docs, n_types),
    ).tocsc()
    mat.sum_duplicates()
    return mat


def _sum_by_group_type(
    group: np.ndarray,
    typ: np.ndarray,
    values: Sequence[np.ndarray],
    n_groups: int,
    n_types: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[np.ndarray]]:
    """Aggregate (document, type) entries by (group, type).

    Returns the group and type of every non-empty cell, the number of entries (documents) in
    it and the sum of every array in ``values``.
    """
    if n_groups * n_types <= 2**22:
        key = group * n_types + typ
        size = n_groups * n_types
        n_entries = np.bincount(key, minlength=size)
        cell = np.flatnonzero(n_entries)
        sums = [np.bincount(key, weights=v, minlength=size)[cell] for v in values]
        return cell // n_types, cell % n_types, n_entries[cell], sums
    # Many groups (e.g. by date): hash the keys instead of allocating groups × types bins.
    codes, uniques = pd.factorize(group * n_types + typ, sort=False)
    n_entries = np.bincount(codes, minlength=len(uniques))
    sums = [np.bincount(codes, weights=v, minlength=len(uniques)) for v in values]
    uniques = np.asarray(uniques, np.int64)
    return uniques // n_types, uniques % n_types, n_entries, sums


def _ngram_tokens(tokens: pd.DataFrame, n: int, remove_punct: bool, doc_ids: pd.Index):
    """An n-gram tokens table whose doc_id keeps the original documents (and their order)."""
    require_columns(tokens, ["doc_id", "sent", "tok", "start", "end", "token", "norm"], "tokens")
    grams = tokens_ngrams(tokens, n, skip_punct=remove_punct)
    doc = pd.Categorical(grams["doc_id"].astype(str), categories=doc_ids).codes
    typ, types = pd.factorize(grams["norm"], sort=False)
    return np.asarray(doc, np.int64), np.asarray(typ, np.int64), pd.Index(types, dtype=str)


# --------------------------------------------------------------------------------------------
# term frequency


def term_frequency(
    tokens: pd.DataFrame,
    *,
    by: By = None,
    docs: pd.DataFrame | None = None,
    dropna: bool = False,
    n: int = 1,
    remove_punct: bool = True,
    stopwords: Iterable[str] | None = None,
    min_count: int = 1,
    scheme: Scheme = "count",
) -> pd.DataFrame:
    """Count terms (``norm`` types, or n-grams), overall or within groups of documents.

    The table of quanteda's ``textstat_frequency()``: with ``by`` every count, rank and document
    frequency is computed within each group (quanteda's ``groups=``).

    Args:
        tokens: the tokens table (:func:`analysis.text.tokenize`; may be filtered by
            :func:`analysis.token_transforms.tokens_remove` or stemmed by
            :func:`analysis.token_transforms.tokens_stem`).
        by: ``None`` (one group, labelled ``"all"``), ``"doc_id"`` (per document), the name
            of a document variable in ``docs`` such as ``"outlet"``, or a Series/mapping
            doc_id → group. Groups are sorted (category order for a categorical variable,
            corpus order for ``"doc_id"``); see the grouping rule (:mod:`analysis._groups`).
        docs: the docs table, joined on ``doc_id``; needed when ``by`` is a document variable.
        dropna: leave out the documents whose group value is missing (otherwise an error).
        n: term length in tokens; ``n > 1`` counts n-grams built by
            :func:`analysis.token_transforms.tokens_ngrams` (within sentences; words joined by a
            space).
        remove_punct: drop punctuation tokens (for n-grams: before n-grams are formed, as
            quanteda's ``tokens(remove_punct = TRUE) |> tokens_ngrams()``).
        stopwords: words to drop (compared folded, e.g. :func:`analysis.text.load_stopwords`);
            an n-gram containing a stopword is dropped (it never spans one).
        min_count: keep rows whose ``frequency`` is at least this (after ranking).
        scheme: what ``rank`` and the order follow: ``"count"`` (the raw frequency),
            ``"prop"`` (adds a ``prop`` column: the sum over the group's documents of the term's
            share of each document, so long documents do not dominate; quanteda
            ``textstat_frequency(dfm_weight(x, "prop"))``) or ``"tfidf"`` (adds a ``tfidf``
            column: frequency × log10(number of documents / corpus document frequency);
            quanteda ``textstat_frequency(dfm_tfidf(x))``).

    Returns:
        One row per term and group, ordered by group, then ``rank`` (descending weight), then
        term (code-point order), with columns:

        * ``term`` (str): the ``norm`` form (n-grams: words joined by a space);
        * ``frequency`` (int64): occurrences in the group;
        * ``rank`` (int64): 1 = most frequent in the group; ties share the lowest rank
          (``ties_method = "min"``, quanteda's default), so ranks may skip (1, 2, 2, 4);
        * ``docfreq`` (int64): documents of the group that contain the term;
        * ``group`` (str): the group label (``"all"`` when ``by`` is None);
        * ``relative`` (float64): ``frequency`` / all counted terms of the group;
        * ``prop`` or ``tfidf`` (float64): only for those schemes, see ``scheme`` (with
          ``dropna=True`` the idf counts the documents kept).

    Raises:
        ValueError: a bad option value; ``by`` names a column that ``docs`` lacks; a document
            without a row in ``docs``, or without a group value (unless ``dropna``).
        TypeError: ``by`` of another type; ``stopwords`` given as one string.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"],
        ...                      "text": ["a a b b c d", "a d d d", "a a a"]})
        >>> term_frequency(tokenize(docs))[["term", "frequency", "rank", "docfreq"]].values.tolist()
        [['a', 6, 1, 3], ['d', 4, 2, 2], ['b', 2, 3, 1], ['c', 1, 4, 1]]
        >>> term_frequency(tokenize(docs), by={"d1": "x", "d2": "y", "d3": "x"}).head(2)
          term  frequency  rank  docfreq group  relative
        0    a          5     1        2     x  0.555556
        1    b          2     2        1     x  0.222222
    """
    check_choice("scheme", scheme, _SCHEMES)
    n = check_int("n", n, 1)
    min_count = check_int("min_count", min_count, 1)
    require_columns(tokens, ["doc_id", "norm"], "tokens")
    doc, doc_ids = column_codes(tokens, "doc_id")
    groups = group_docs(doc_ids, by, docs, dropna=dropna)
    doc_group, labels = groups.codes, groups.labels
    if n == 1:
        typ, types = column_codes(tokens, "norm")
        sep = None
    else:
        doc, typ, types = _ngram_tokens(tokens, n, remove_punct, doc_ids)
        sep = " "
    kept_docs = doc_group >= 0
    if not kept_docs.all():
        # Documents left out by dropna=True: their tokens are not counted at all.
        keep = kept_docs[doc]
        doc, typ = doc[keep], typ[keep]
    drop = drop_types(
        types, remove_punct=remove_punct and n == 1, stopwords=stopwords, ngram_sep=sep
    )
    n_docs, n_types, n_groups = len(doc_ids), len(types), len(labels)
    mat = _doc_type_matrix(doc, typ, n_docs, n_types)
    row_w: list[np.ndarray] = []
    if n_groups == 1 and scheme != "prop":
        # One group: per-type sums straight from the CSC columns, no per-entry arrays.
        csum = np.zeros(len(mat.data) + 1, np.int64)
        np.cumsum(mat.data, out=csum[1:])
        freq = csum[mat.indptr[1:]] - csum[mat.indptr[:-1]]
        dfreq = np.diff(mat.indptr).astype(np.int64)
        row_t = np.flatnonzero((dfreq > 0) & ~drop)
        row_g = np.zeros(len(row_t), np.int64)
        row_f, row_df = freq[row_t], dfreq[row_t]
    else:
        entry_t = np.repeat(np.arange(n_types, dtype=np.int64), np.diff(mat.indptr))
        kept = ~drop[entry_t]
        entry_t, entry_d, entry_f = entry_t[kept], mat.indices[kept], mat.data[kept]
        extra = []
        if scheme == "prop":
            doc_len = np.bincount(entry_d, weights=entry_f, minlength=n_docs)
            extra = [entry_f / doc_len[entry_d]]
        if isinstance(by, str) and by == "doc_id":
            # Every (document, type) entry is its own cell.
            row_g, row_t = entry_d.astype(np.int64), entry_t
            row_f, row_df = entry_f.astype(np.int64), np.ones(len(entry_f), np.int64)
            row_w = extra
        else:
            row_g, row_t, row_df, sums = _sum_by_group_type(
                doc_group[entry_d], entry_t, [entry_f, *extra], n_groups, n_types
            )
            row_f = np.rint(sums[0]).astype(np.int64)
            row_w = sums[1:]
    return finish_term_frequency(
        row_g, labels, row_t, types, row_f, row_df,
        scheme=scheme, prop=row_w[0] if scheme == "prop" else None,
        n_docs=int(kept_docs.sum()), min_count=min_count,
    )  # fmt: skip
