"""Which words dominate, which words set one outlet apart, in what context, in what company.

Four table-returning functions over the tokens table (:func:`analysis.text.tokenize`):

* :func:`term_frequency` — counts, ranks and document frequencies per term, overall or within
  groups (quanteda ``textstat_frequency(groups=)``);
* :func:`keyness` — target group vs. all other text, per term: chi², G², Fisher's exact test or
  PMI, plus the effect sizes Log Ratio and %DIFF (quanteda ``textstat_keyness``);
* :func:`kwic` — keywords in context with character offsets, through the project's one matcher
  (:mod:`analysis.matching`);
* :func:`collocations` — adjacent word pairs/triples scored with quanteda's λ and z and with
  NLTK's association measures.

Everything is computed per vocabulary type (``norm`` categories) with array operations; no
function loops over tokens in Python.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import stats
from scipy.special import xlogy

from analysis._checks import check_choice as _check_choice
from analysis._checks import require_columns as _require_columns
from analysis.text import fold, is_punct, tokens_ngrams

__all__ = ["term_frequency", "keyness", "kwic", "collocations"]

Scheme = Literal["count", "prop", "tfidf"]
KeynessMeasure = Literal["chi2", "g2", "fisher", "pmi"]
Correction = Literal["default", "yates", "williams", "none"]
KwicUnit = Literal["token", "sentence"]
CollocationMeasure = Literal[
    "z", "lambda", "likelihood_ratio", "pmi", "student_t", "chi_sq", "count"
]

_SCHEMES = ("count", "prop", "tfidf")
_KEYNESS_MEASURES = ("chi2", "g2", "fisher", "pmi")
_CORRECTIONS = ("default", "yates", "williams", "none")
_KWIC_UNITS = ("token", "sentence")
_COLLOCATION_MEASURES = ("z", "lambda", "likelihood_ratio", "pmi", "student_t", "chi_sq", "count")
_COLLOCATION_SIZES = (2, 3)
_ALL = "all"
# NLTK adds this to denominators and logarithm arguments (nltk.metrics.association._SMALL).
_NLTK_SMALL = 1e-20
# Normalised frequency substituted for a zero count in Log Ratio and %DIFF (Hardie 2014).
_ZERO_ADJUST = 0.5


# --------------------------------------------------------------------------------------------
# shared helpers


def _check_int(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(f"{name}={value!r} must be an integer of at least {minimum}")
    return int(value)


def _column_codes(tokens: pd.DataFrame, column: str) -> tuple[np.ndarray, pd.Index]:
    """Integer code of every row's value in ``column`` and the values (the categories, in
    their order, when the column is categorical; else in order of first appearance)."""
    col = tokens[column]
    if isinstance(col.dtype, pd.CategoricalDtype):
        # .array.codes is a view; .cat.codes builds a new Series (tens of ms on 10 M tokens).
        return col.array.codes, col.cat.categories.astype(str)
    codes, uniques = pd.factorize(col.astype(str), sort=False)
    return np.asarray(codes, np.int64), pd.Index(uniques, dtype=str)


def _doc_codes(tokens: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    """Document number of every token and the document ids (docs order when categorical)."""
    return _column_codes(tokens, "doc_id")


def _type_codes(tokens: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    """Type number of every token and the types (the ``norm`` column)."""
    return _column_codes(tokens, "norm")


def _drop_types(
    types: pd.Index, *, remove_punct: bool, stopwords: Iterable[str] | None, ngram_sep: str | None
) -> np.ndarray:
    """Per type: True when the type is filtered out (punctuation, or a stopword).

    For n-gram types (``ngram_sep`` given) a type is dropped when any of its words is a
    stopword, so an n-gram never contains one.
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


def _doc_groups(
    doc_ids: pd.Index, by: str | None, docs: pd.DataFrame | None
) -> tuple[np.ndarray, list[str]]:
    """Group number of every document and the group labels (in output order)."""
    n_docs = len(doc_ids)
    if by is None:
        return np.zeros(n_docs, np.int64), [_ALL]
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name (str) or None, got {type(by).__name__}")
    if by == "doc_id":
        return np.arange(n_docs, dtype=np.int64), [str(d) for d in doc_ids]
    if docs is None:
        raise ValueError(f"by={by!r} names a document variable: pass the docs table as docs=")
    _require_columns(docs, ["doc_id", by], "docs")
    keys = docs["doc_id"].astype(str)
    if keys.duplicated().any():
        dupes = sorted(set(keys[keys.duplicated()]))
        raise ValueError(f"docs has duplicate doc_id value(s): {', '.join(dupes[:5])}")
    pos = pd.Index(keys).get_indexer(doc_ids)
    if (pos < 0).any():
        missing = [str(d) for d in doc_ids[pos < 0]]
        raise ValueError(
            f"docs has no row for doc_id(s) {', '.join(missing[:5])}"
            + (f" (and {len(missing) - 5} more)" if len(missing) > 5 else "")
            + f"; cannot look up {by!r}"
        )
    values = docs[by].iloc[pos].reset_index(drop=True)
    if values.isna().any():
        missing = [str(d) for d in doc_ids[values.isna().to_numpy()]]
        raise ValueError(f"docs[{by!r}] is missing for doc_id(s) {', '.join(missing[:5])}")
    # R factor semantics, as quanteda's groups=: category order if categorical, else sorted.
    cat = (
        pd.Categorical(values, categories=values.cat.categories)
        if isinstance(values.dtype, pd.CategoricalDtype)
        else pd.Categorical(values)
    )
    return np.asarray(cat.codes, np.int64), [str(c) for c in cat.categories]


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


def _min_rank_sorted(group: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Ranks (ties share the lowest rank, 1 = largest) of rows already sorted by group and
    descending value."""
    n = len(value)
    if n == 0:
        return np.zeros(0, np.int64)
    idx = np.arange(n)
    new_group = np.ones(n, bool)
    new_group[1:] = group[1:] != group[:-1]
    new_value = new_group.copy()
    new_value[1:] |= value[1:] != value[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, idx, 0))
    run_start = np.maximum.accumulate(np.where(new_value, idx, 0))
    return (run_start - group_start + 1).astype(np.int64)


def _alpha_rank(types: pd.Index) -> np.ndarray:
    """Position of every type in alphabetical (code point) order, for deterministic ties."""
    order = np.asarray(types.argsort())
    rank = np.empty(len(types), np.int64)
    rank[order] = np.arange(len(types))
    return rank


def _ngram_tokens(tokens: pd.DataFrame, n: int, remove_punct: bool, doc_ids: pd.Index):
    """An n-gram tokens table whose doc_id keeps the original documents (and their order)."""
    _require_columns(tokens, ["doc_id", "sent", "tok", "start", "end", "token", "norm"], "tokens")
    grams = tokens_ngrams(tokens, n, skip_punct=remove_punct)
    doc = pd.Categorical(grams["doc_id"].astype(str), categories=doc_ids).codes
    typ, types = pd.factorize(grams["norm"], sort=False)
    return np.asarray(doc, np.int64), np.asarray(typ, np.int64), pd.Index(types, dtype=str)


# --------------------------------------------------------------------------------------------
# term frequency


def term_frequency(
    tokens: pd.DataFrame,
    *,
    by: str | None = None,
    docs: pd.DataFrame | None = None,
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
            :func:`analysis.text.tokens_remove` or stemmed by :func:`analysis.text.tokens_stem`).
        by: ``None`` (one group, labelled ``"all"``), ``"doc_id"`` (per document), or the name
            of a document variable in ``docs`` such as ``"outlet"``.
        docs: the docs table, joined on ``doc_id``; needed when ``by`` is a document variable.
        n: term length in tokens; ``n > 1`` counts n-grams built by
            :func:`analysis.text.tokens_ngrams` (within sentences; words joined by a space).
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
        * ``frequency`` (int): occurrences in the group;
        * ``rank`` (int): 1 = most frequent in the group; ties share the lowest rank
          (``ties_method = "min"``, quanteda's default), so ranks may skip (1, 2, 2, 4);
        * ``docfreq`` (int): documents of the group that contain the term;
        * ``group`` (str): the group label (``"all"`` when ``by`` is None);
        * ``relative`` (float): ``frequency`` / all counted terms of the group;
        * ``prop`` or ``tfidf`` (float): only for those schemes, see ``scheme``.

        Groups are in the order of the categories when the document variable is categorical
        (``doc_id``: docs order), otherwise sorted.

    Raises:
        ValueError: a bad option value; ``by`` names a column that ``docs`` lacks; a document
            without a row or value in ``docs``.

    Example:
        >>> toks = tokenize(make_docs("a a b b c d", "a d d d", "a a a"))
        >>> term_frequency(toks)[["term", "frequency", "rank", "docfreq"]].values.tolist()
        [['a', 6, 1, 3], ['d', 4, 2, 2], ['b', 2, 3, 1], ['c', 1, 4, 1]]
    """
    _check_choice("scheme", scheme, _SCHEMES)
    n = _check_int("n", n, 1)
    min_count = _check_int("min_count", min_count, 1)
    _require_columns(tokens, ["doc_id", "norm"], "tokens")
    doc, doc_ids = _doc_codes(tokens)
    doc_group, labels = _doc_groups(doc_ids, by, docs)
    if n == 1:
        typ, types = _type_codes(tokens)
        sep = None
    else:
        doc, typ, types = _ngram_tokens(tokens, n, remove_punct, doc_ids)
        sep = " "
    drop = _drop_types(
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
        if by == "doc_id":
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
    group_total = np.bincount(row_g, weights=row_f, minlength=n_groups)

    weight_name = None if scheme == "count" else scheme
    if scheme == "count":
        weight = row_f.astype(np.float64)
    elif scheme == "prop":
        weight = row_w[0]
    else:
        corpus_df = np.diff(mat.indptr).astype(np.float64)
        idf = np.log10(n_docs / np.where(corpus_df > 0, corpus_df, 1.0))
        weight = row_f * idf[row_t]

    alpha = _alpha_rank(types)
    order = np.lexsort((alpha[row_t], -weight, row_g))
    row_g, row_t, row_f, row_df, weight = (
        row_g[order],
        row_t[order],
        row_f[order],
        row_df[order],
        weight[order],
    )
    rank = _min_rank_sorted(row_g, weight)
    keep_rows = row_f >= min_count
    out = {
        "term": types.take(row_t[keep_rows]).array,
        "frequency": row_f[keep_rows],
        "rank": rank[keep_rows],
        "docfreq": row_df[keep_rows],
        "group": pd.Index(labels, dtype=str).take(row_g[keep_rows]).array,
        "relative": row_f[keep_rows] / group_total[row_g[keep_rows]],
    }
    if weight_name is not None:
        out[weight_name] = weight[keep_rows]
    return pd.DataFrame(out)


# --------------------------------------------------------------------------------------------
# keyness


def _two_by_two(a: np.ndarray, b: np.ndarray, total_a: float, total_b: float):
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    c = total_a - a
    d = total_b - b
    n = total_a + total_b
    r1, r2 = a + b, c + d  # term / all other terms
    c1, c2 = a + c, b + d  # target / reference
    expected = np.stack([r1 * c1, r1 * c2, r2 * c1, r2 * c2]) / n
    return a, b, c, d, n, expected


def _williams_q(a, b, c, d, n) -> np.ndarray:
    """Williams' (1976) correction divisor for a 2×2 table."""
    return 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)


def _chi2(a, b, c, d, n, correction: str) -> np.ndarray:
    diff = np.abs(a * d - b * c)
    denom = (a + b) * (c + d) * (a + c) * (b + d)
    if correction in ("default", "yates"):
        # Yates' half-unit is subtracted only where |ad - bc| >= N/2; below that it would
        # overshoot past zero, and the uncorrected statistic is kept. This is the rule that
        # reproduces quanteda (its keyness test corpus ranks "g" first only this way).
        diff = np.where(diff >= n / 2, diff - n / 2, diff)
    stat = n * diff**2 / denom
    if correction == "williams":
        stat = stat / _williams_q(a, b, c, d, n)
    return stat


def _g2(a, b, c, d, n, expected, correction: str) -> np.ndarray:
    observed = np.stack([a, b, c, d])
    if correction == "yates":
        # Move every cell half a unit towards its expected value, where that does not overshoot
        # (|O - E| is the same for the four cells of a 2×2 table).
        shift = np.where(np.abs(observed - expected) >= 0.5, 0.5, 0.0)
        observed = observed - np.sign(observed - expected) * shift

    stat = 2 * np.sum(xlogy(observed, observed / expected), axis=0)
    if correction in ("default", "williams"):
        stat = stat / _williams_q(a, b, c, d, n)
    return np.maximum(stat, 0.0)


def _fisher(a: np.ndarray, b: np.ndarray, total_a: int, total_b: int):
    """Odds ratio and two-sided p of Fisher's exact test; one scipy call per distinct (a, b)."""
    pairs, inverse = np.unique(np.stack([a, b], axis=1), axis=0, return_inverse=True)
    odds = np.empty(len(pairs))
    p = np.empty(len(pairs))
    for i, (x, y) in enumerate(pairs.tolist()):
        res = stats.fisher_exact([[x, y], [total_a - x, total_b - y]])
        odds[i], p[i] = res.statistic, res.pvalue
    inverse = np.asarray(inverse).ravel()
    return odds[inverse], p[inverse]


def keyness(
    tokens: pd.DataFrame,
    target: str | Sequence[str],
    *,
    by: str = "doc_id",
    docs: pd.DataFrame | None = None,
    measure: KeynessMeasure = "chi2",
    correction: Correction = "default",
    remove_punct: bool = True,
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Which terms are typical of the target group compared with all other documents.

    For every term a 2×2 table — occurrences of the term / of all other terms, in the target /
    in the reference (every document not in the target) — is tested as in quanteda's
    ``textstat_keyness()``, vectorised over all terms.

    Args:
        tokens: the tokens table.
        target: one value (or several) of ``by`` that make up the target, e.g. a doc_id or an
            outlet.
        by: ``"doc_id"`` or the name of a document variable in ``docs``.
        docs: the docs table, joined on ``doc_id``; needed when ``by`` is a document variable.
        measure: ``"chi2"`` (Pearson's chi²), ``"g2"`` (log-likelihood G²), ``"fisher"`` (Fisher's
            exact test; the statistic is the sample odds ratio ad/bc from
            ``scipy.stats.fisher_exact``, where R's ``fisher.test`` reports a conditional MLE)
            or ``"pmi"`` (ln(observed / expected) of the target cell).
        correction: ``"default"`` is Yates for chi2 and Williams for g2 (as quanteda) and none
            for fisher and pmi. ``"yates"``: continuity correction (applied where
            |ad − bc| ≥ N/2, where it does not overshoot); ``"williams"``: divide by Williams'
            q = 1 + (N/R1 + N/R2 − 1)(N/C1 + N/C2 − 1)/(6N); ``"none"``. fisher and pmi accept
            only ``"default"`` and ``"none"``.
        remove_punct: ignore punctuation tokens.
        stopwords: words to ignore (compared folded).

    Returns:
        One row per term occurring in target or reference, sorted by ``statistic`` descending
        (then term), with columns:

        * ``term`` (str);
        * ``statistic`` (float): chi², G², odds ratio or PMI. chi², G² and PMI are negative when
          the term is relatively more frequent in the reference (as quanteda); the odds ratio is
          below 1 then;
        * ``p`` (float): p-value, two-sided; chi² (1 df) for chi2 and g2, Fisher's exact p for
          fisher; for pmi the p of the Yates-corrected chi² test of the same table;
        * ``n_target``, ``n_reference`` (int): the term's counts;
        * ``log_ratio`` (float): Hardie's Log Ratio, log2 of the ratio of the relative
          frequencies in target and reference; a zero count is replaced by 0.5 first, so the
          value stays finite;
        * ``pct_diff`` (float): Gabrielatos & Marchi's %DIFF, 100 × (relative frequency in target
          − in reference) / in reference, with the same 0.5 substitution
          (so ``pct_diff == 100 * (2**log_ratio - 1)``);
        * ``low_count`` (bool): some expected cell count is below 5, where chi² and G² p-values
          are unreliable (prefer fisher, or read the effect sizes).

    Raises:
        ValueError: a bad option value; ``target`` not among the values of ``by``; the target
            covers every document (no reference); the combination of measure and correction
            is not meaningful.

    Example:
        >>> toks = tokenize(make_docs("a a a b b c c c c c c d e f g h h",
        ...                           "a a b c c d d d d e f h"))
        >>> keyness(toks, "d1")["term"].tolist()
        ['g', 'c', 'b', 'h', 'a', 'e', 'f', 'd']
    """
    _check_choice("measure", measure, _KEYNESS_MEASURES)
    _check_choice("correction", correction, _CORRECTIONS)
    if measure in ("fisher", "pmi") and correction not in ("default", "none"):
        raise ValueError(
            f"correction={correction!r} does not apply to measure={measure!r}; "
            "choose one of 'default', 'none'"
        )
    _require_columns(tokens, ["doc_id", "norm"], "tokens")
    doc, doc_ids = _doc_codes(tokens)
    doc_group, labels = _doc_groups(doc_ids, by, docs)
    scalar = isinstance(target, str) or not isinstance(target, Iterable)
    wanted = [str(target)] if scalar else [str(t) for t in target]  # labels are str
    unknown = [t for t in wanted if t not in labels]
    if unknown or not wanted:
        shown = ", ".join(map(repr, labels[:10])) + (" ..." if len(labels) > 10 else "")
        raise ValueError(
            f"target {', '.join(map(repr, unknown)) or '(empty)'} is not a value of {by!r}; "
            f"values: {shown}"
        )
    target_group = np.isin(np.asarray(labels, dtype=object), wanted)
    in_target_doc = target_group[doc_group]
    if in_target_doc.all():
        raise ValueError(f"target covers every document; nothing left as reference ({by!r})")

    typ, types = _type_codes(tokens)
    keep_type = ~_drop_types(types, remove_punct=remove_punct, stopwords=stopwords, ngram_sep=None)
    in_target = in_target_doc[doc] if len(doc) else np.zeros(0, bool)
    n_all = np.bincount(typ, minlength=len(types))
    n_tgt = np.bincount(typ[in_target], minlength=len(types))
    n_all = np.where(keep_type, n_all, 0)
    n_tgt = np.where(keep_type, n_tgt, 0)
    n_ref = n_all - n_tgt
    present = np.flatnonzero(n_all > 0)
    a_cnt, b_cnt = n_tgt[present], n_ref[present]
    total_a, total_b = int(n_tgt.sum()), int(n_ref.sum())
    if total_a == 0 or total_b == 0:
        side = "target" if total_a == 0 else "reference"
        raise ValueError(f"the {side} has no counted tokens; keyness needs text on both sides")

    a, b, c, d, n, expected = _two_by_two(a_cnt, b_cnt, total_a, total_b)
    sign = np.where(a > expected[0], 1.0, -1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "chi2":
            stat = _chi2(a, b, c, d, n, correction)
            p = stats.chi2.sf(stat, 1)
            stat = stat * sign
        elif measure == "g2":
            stat = _g2(a, b, c, d, n, expected, correction)
            p = stats.chi2.sf(stat, 1)
            stat = stat * sign
        elif measure == "fisher":
            stat, p = _fisher(a_cnt, b_cnt, total_a, total_b)
        else:
            stat = np.log(a / expected[0])
            p = stats.chi2.sf(_chi2(a, b, c, d, n, "yates"), 1)
    rel_a = np.where(a > 0, a, _ZERO_ADJUST) / total_a
    rel_b = np.where(b > 0, b, _ZERO_ADJUST) / total_b
    log_ratio = np.log2(rel_a / rel_b)
    pct_diff = 100 * (rel_a - rel_b) / rel_b
    low = (expected < 5).any(axis=0)

    alpha = _alpha_rank(types)[present]
    sort_stat = np.where(np.isnan(stat), -np.inf, stat)
    order = np.lexsort((alpha, -sort_stat))
    return pd.DataFrame(
        {
            "term": pd.array(np.asarray(types, dtype=object)[present[order]], dtype="str"),
            "statistic": np.asarray(stat, np.float64)[order],
            "p": np.asarray(p, np.float64)[order],
            "n_target": a_cnt[order].astype(np.int64),
            "n_reference": b_cnt[order].astype(np.int64),
            "log_ratio": log_ratio[order],
            "pct_diff": pct_diff[order],
            "low_count": low[order],
        }
    )


# --------------------------------------------------------------------------------------------
# collocations


def _segments(tokens: pd.DataFrame, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Type codes of the kept tokens and a segment number for each.

    A segment is a run of kept tokens that are adjacent in the document within one sentence:
    a sentence boundary, a dropped token (punctuation, stopword) or a gap in ``tok`` left by an
    earlier :func:`analysis.text.tokens_remove` ends it, as quanteda's padding does.
    """
    typ = np.asarray(_type_codes(tokens)[0], np.int64)[keep]
    doc = _doc_codes(tokens)[0][keep]
    sent = tokens["sent"].to_numpy()[keep]
    tok = tokens["tok"].to_numpy().astype(np.int64)[keep]
    brk = np.ones(len(typ), bool)
    brk[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1]) | (tok[1:] != tok[:-1] + 1)
    return typ, np.cumsum(brk)


def _count_keys(keys: np.ndarray) -> np.ndarray:
    """For every element, how often its value occurs in ``keys``."""
    codes, uniques = pd.factorize(keys, sort=False)
    return np.bincount(codes, minlength=len(uniques))[codes]


def _nltk_expected(cont: np.ndarray, size: int) -> np.ndarray:
    """NLTK's ``NgramAssocMeasures._expected_values``, over rows of contingency tables."""
    n_all = cont.sum(axis=1)
    out = np.empty_like(cont)
    for i in range(2**size):
        prod = np.ones(len(cont))
        for j in (1 << k for k in range(size)):
            same = [x for x in range(2**size) if (x & j) == (i & j)]
            prod = prod * cont[:, same].sum(axis=1)
        out[:, i] = prod / n_all ** (size - 1)
    return out


def _nltk_contingency(n_gram: np.ndarray, marginals: dict[str, np.ndarray], size: int):
    """NLTK's ``_contingency`` for bigrams and trigrams (cells ordered by mismatch bits)."""
    if size == 2:
        n_ii, n_ix, n_xi, n_xx = n_gram, marginals["ix"], marginals["xi"], marginals["xx"]
        n_oi = n_xi - n_ii
        n_io = n_ix - n_ii
        return np.stack([n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io], axis=1)
    n_iii = n_gram
    n_iix, n_ixi, n_xii = marginals["iix"], marginals["ixi"], marginals["xii"]
    n_ixx, n_xix, n_xxi, n_xxx = (
        marginals["ixx"],
        marginals["xix"],
        marginals["xxi"],
        marginals["xxx"],
    )
    n_oii = n_xii - n_iii
    n_ioi = n_ixi - n_iii
    n_iio = n_iix - n_iii
    n_ooi = n_xxi - n_iii - n_oii - n_ioi
    n_oio = n_xix - n_iii - n_oii - n_iio
    n_ioo = n_ixx - n_iii - n_ioi - n_iio
    n_ooo = n_xxx - n_iii - n_oii - n_ioi - n_iio - n_ooi - n_oio - n_ioo
    return np.stack([n_iii, n_oii, n_ioi, n_ooi, n_iio, n_oio, n_ioo, n_ooo], axis=1)


def _nltk_measures(
    n_gram: np.ndarray, unigrams: Sequence[np.ndarray], total: np.ndarray | float, cont: np.ndarray
) -> dict[str, np.ndarray]:
    """NLTK's ``likelihood_ratio``, ``pmi``, ``student_t`` and ``chi_sq``, vectorised.

    Same formulas, same constant ``_SMALL``, same arguments as ``BigramAssocMeasures`` /
    ``TrigramAssocMeasures`` (n-gram count, word counts, total words; ``cont`` from
    :func:`_nltk_contingency`). Bigram chi_sq is NLTK's N·phi², equal to Pearson's chi².
    """
    size = len(unigrams)
    n_gram = np.asarray(n_gram, np.float64)
    cont = np.asarray(cont, np.float64)
    total = np.asarray(total, np.float64)
    uni = np.prod(np.stack([np.asarray(u, np.float64) for u in unigrams]), axis=0)
    exp = _nltk_expected(cont, size)
    with np.errstate(divide="ignore", invalid="ignore"):
        student_t = (n_gram - uni / total ** (size - 1)) / np.sqrt(n_gram + _NLTK_SMALL)
        pmi = np.log2(n_gram * total ** (size - 1)) - np.log2(uni)
        likelihood = 2 * np.sum(cont * np.log(cont / (exp + _NLTK_SMALL) + _NLTK_SMALL), axis=1)
        if size == 2:
            n_ii, n_oi, n_io, n_oo = cont.T
            phi_sq = (n_ii * n_oo - n_io * n_oi) ** 2 / (
                (n_ii + n_io) * (n_ii + n_oi) * (n_io + n_oo) * (n_oi + n_oo)
            )
            chi_sq = total * phi_sq
        else:
            chi_sq = np.sum((cont - exp) ** 2 / (exp + _NLTK_SMALL), axis=1)
    return {
        "likelihood_ratio": likelihood,
        "pmi": pmi,
        "student_t": student_t,
        "chi_sq": chi_sq,
    }


def _lambda_z(cells: np.ndarray, size: int, smoothing: float) -> tuple[np.ndarray, np.ndarray]:
    """quanteda's λ and z from the 2^size cells (column = bit mask of matching positions)."""
    counts = cells + smoothing
    n_match = np.array([bin(m).count("1") for m in range(2**size)])
    signs = np.where((size - n_match) % 2 == 0, 1.0, -1.0)
    lam = np.log(counts) @ signs
    z = lam / np.sqrt((1.0 / counts).sum(axis=1))
    return lam, z


def collocations(
    tokens: pd.DataFrame,
    *,
    size: int = 2,
    min_count: int = 2,
    measure: CollocationMeasure = "z",
    remove_punct: bool = True,
    stopwords: Iterable[str] | None = None,
    smoothing: float = 0.5,
) -> pd.DataFrame:
    """Score sequences of ``size`` adjacent words as collocations.

    Candidates are sequences of adjacent kept tokens within one sentence: punctuation (when
    ``remove_punct``), stopwords and gaps in ``tok`` break a sequence instead of being skipped,
    so "cream. Me" or "strengthen the cooperation" never form a pair (quanteda's treatment
    of punctuation and padded removals in ``textstat_collocations``).

    Two families of scores, each reproducing its reference tool:

    * quanteda's ``lambda`` and ``z`` (Blaheta & Johnson 2001): over all candidate sequences of
      this size, a 2^size table counts those that match the collocation in exactly each subset
      of positions; ``smoothing`` is added to every cell; λ = Σ ± log(cell) (sign + where an
      even number of positions differ) and z = λ / sqrt(Σ 1/cell);
    * NLTK's ``BigramAssocMeasures`` / ``TrigramAssocMeasures`` ``likelihood_ratio``, ``pmi``
      (log2), ``student_t`` and ``chi_sq`` with the marginals of NLTK's
      ``BigramCollocationFinder`` / ``TrigramCollocationFinder`` built ``from_documents`` on
      the sequences above: word counts, adjacent-pair counts, ``(w1, *, w3)`` counts and the
      total number of words.

    Args:
        tokens: the tokens table.
        size: 2 (pairs) or 3 (triples).
        min_count: keep collocations occurring at least this often (quanteda's default 2);
            all scores use every candidate, whatever its count.
        measure: the column the table is sorted by, descending (then collocation).
        remove_punct: punctuation breaks sequences (otherwise punctuation marks are words).
        stopwords: words that break sequences (compared folded).
        smoothing: added to every cell for λ and z (quanteda's default 0.5).

    Returns:
        One row per collocation, columns ``collocation`` (str, ``norm`` forms joined by a space),
        ``count`` (int), ``lambda``, ``z``, ``likelihood_ratio``, ``pmi``, ``student_t``,
        ``chi_sq`` (float).

    Raises:
        ValueError: a bad option value.

    Example:
        >>> toks = tokenize(make_docs("I like good ice cream.", "Me too! I like good ice cream."))
        >>> collocations(toks)[["collocation", "count"]].values.tolist()
        [['good ice', 2], ['i like', 2], ['ice cream', 2], ['like good', 2]]
    """
    _check_choice("size", size, _COLLOCATION_SIZES)
    _check_choice("measure", measure, _COLLOCATION_MEASURES)
    min_count = _check_int("min_count", min_count, 1)
    if not isinstance(smoothing, int | float) or smoothing < 0:
        raise ValueError(f"smoothing={smoothing!r} must be a number of at least 0")
    _require_columns(tokens, ["doc_id", "sent", "tok", "norm"], "tokens")
    columns = [
        "collocation",
        "count",
        "lambda",
        "z",
        "likelihood_ratio",
        "pmi",
        "student_t",
        "chi_sq",
    ]
    typ_all, types = _type_codes(tokens)
    drop = _drop_types(types, remove_punct=remove_punct, stopwords=stopwords, ngram_sep=None)
    if not isinstance(tokens["norm"].dtype, pd.CategoricalDtype):
        tokens = tokens.assign(norm=pd.Categorical.from_codes(typ_all, categories=types))
    keep = ~drop[typ_all] if len(typ_all) else np.zeros(0, bool)
    typ, seg = _segments(tokens, keep)
    n_types = len(types)
    if n_types and n_types**size >= 2**62:
        raise ValueError(f"vocabulary of {n_types} types is too large for size={size}")

    m = len(typ) - size + 1
    start = np.flatnonzero(seg[size - 1 :] == seg[:m]) if m > 0 else np.zeros(0, np.int64)
    if len(start) == 0:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=t)
                for c, t in zip(columns, ["str", "int64"] + ["float64"] * 6, strict=True)
            }
        )
    words = [typ[start + k] for k in range(size)]

    def key(positions: Sequence[int]) -> np.ndarray:
        out = np.zeros(len(start), np.int64)
        for k in positions:
            out = out * n_types + words[k]
        return out

    full = key(range(size))
    codes, uniques = pd.factorize(full, sort=False)
    counts = np.bincount(codes)
    first = np.full(len(uniques), len(start), np.int64)
    np.minimum.at(first, codes, np.arange(len(start)))
    cand = np.flatnonzero(counts >= min_count)
    at = first[cand]
    count = counts[cand].astype(np.float64)

    # quanteda: M(S) = sequences agreeing with the candidate on the positions in S; the cell
    # of exactly-matching set A follows by inclusion–exclusion over the supersets of A.
    positions = range(size)
    subsets = [s for r in range(size + 1) for s in itertools.combinations(positions, r)]
    agree = {}
    for s in subsets:
        agree[s] = (
            np.full(len(cand), float(len(start)))
            if not s
            else _count_keys(key(s))[at].astype(np.float64)
        )
    cells = np.zeros((len(cand), 2**size))
    for a_set in subsets:
        col = sum(1 << k for k in a_set)
        for s in subsets:
            if set(a_set) <= set(s):
                cells[:, col] += (-1) ** (len(s) - len(a_set)) * agree[s]
    lam, z = _lambda_z(cells, size, smoothing)

    # NLTK: marginals from word counts over all kept tokens, within-sequence pairs, N words.
    word_count = np.bincount(typ, minlength=n_types).astype(np.float64)
    uni = [word_count[w[at]] for w in words]
    total = float(len(typ))
    if size == 2:
        marg = {"ix": uni[0], "xi": uni[1], "xx": total}
    else:
        adjacent = np.flatnonzero(seg[1:] == seg[:-1])
        pair_keys = typ[adjacent] * n_types + typ[adjacent + 1]
        pc, pu = pd.factorize(pair_keys, sort=False)
        pair_count = pd.Series(np.bincount(pc), index=pu)
        k12 = (words[0] * n_types + words[1])[at]
        k23 = (words[1] * n_types + words[2])[at]
        marg = {
            "iix": pair_count.reindex(k12).to_numpy(np.float64),
            "ixi": agree[(0, 2)],
            "xii": pair_count.reindex(k23).to_numpy(np.float64),
            "ixx": uni[0],
            "xix": uni[1],
            "xxi": uni[2],
            "xxx": total,
        }
    cont = _nltk_contingency(count, marg, size)
    nltk_scores = _nltk_measures(count, uni, total, cont)

    names = np.asarray(types, dtype=object)
    label = names[words[0][at]]
    for w in words[1:]:
        label = label + " " + names[w[at]]
    table = pd.DataFrame(
        {
            "collocation": pd.array(label, dtype="str"),
            "count": counts[cand].astype(np.int64),
            "lambda": lam,
            "z": z,
            **nltk_scores,
        }
    )
    return table.sort_values(
        [measure, "collocation"], ascending=[False, True], kind="stable", na_position="last"
    ).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# keywords in context


def kwic(
    tokens: pd.DataFrame,
    pattern: str | Sequence[str],
    *,
    docs: pd.DataFrame,
    window: int = 5,
    unit: KwicUnit = "token",
    case_insensitive: bool = True,
) -> pd.DataFrame:
    """Keywords in context: every match of ``pattern`` with the text around it.

    Matching is done by the project's one matcher (:func:`analysis.matching.compile_patterns`
    and :func:`analysis.matching.match`), so the pattern syntax is the codebook's: words,
    multi-word phrases (``"information sharing"``, within one sentence), ``*``/``?`` globs
    (``"cooperat*"``, ``"high-tech crime*"``) and ``regex:`` patterns. Several patterns are one
    set: where they overlap, the longest match wins and each token is shown once.

    Args:
        tokens: the tokens table of ``docs`` (possibly filtered; the window counts the rows
            present, the context text is always cut from the document).
        pattern: a pattern or a list of patterns.
        docs: the docs table the tokens come from (``doc_id``, ``text``).
        window: with ``unit="token"``, tokens shown on each side (punctuation marks count, as in
            quanteda's ``kwic``; the window stops at the document's edges, not at sentences).
        unit: ``"token"`` (``window`` tokens) or ``"sentence"`` (the rest of the keyword's
            sentence on each side; ``window`` is ignored).
        case_insensitive: compare lowercased (diacritics are always folded:
            ``Thuong`` finds ``Thưởng``).

    Returns:
        One row per match in document order, columns ``doc_id`` (categorical, as in
        ``tokens``), ``sent``, ``start``, ``end`` (character offsets of the keyword), ``pre``,
        ``keyword``, ``post`` (str; ``keyword == text[start:end]``; ``pre`` and ``post`` are cut
        from the text with its original spacing and line breaks, from the first to the last
        context token, so they carry no outer whitespace), ``pattern`` (the pattern that
        matched, as written).

    Raises:
        ValueError: a bad option value; an empty pattern list; a pattern that does not compile
            (:class:`analysis.matching.PatternError`, naming it); a document missing from
            ``docs``.

    Example:
        >>> docs = make_docs("Vietnam fights high-tech crimes. Cooperation helps.")
        >>> kwic(tokenize(docs), "crime*", docs=docs, window=2)[["pre", "keyword", "post"]].values.tolist()
        [['fights high-tech', 'crimes', '. Cooperation']]
    """
    from analysis.matching import compile_patterns, match

    _check_choice("unit", unit, _KWIC_UNITS)
    window = _check_int("window", window, 0)
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    if not patterns:
        raise ValueError("pattern is empty; give a pattern or a list of patterns")
    for i, p in enumerate(patterns):
        if not isinstance(p, str) or not p.strip():
            raise ValueError(f"pattern[{i}]={p!r}: a pattern must be a non-empty string")
    _require_columns(tokens, ["doc_id", "sent", "tok", "start", "end", "token", "norm"], "tokens")
    _require_columns(docs, ["doc_id", "text"], "docs")
    if not isinstance(tokens["doc_id"].dtype, pd.CategoricalDtype):
        tokens = tokens.assign(doc_id=pd.Categorical(tokens["doc_id"].astype(str)))
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    doc_names = [str(d) for d in tokens["doc_id"].cat.categories]
    used = np.unique(tokens["doc_id"].array.codes)
    missing = [doc_names[i] for i in used if doc_names[i] not in texts]
    if missing:
        raise ValueError(f"docs has no text for doc_id(s) {', '.join(missing[:5])}")

    found = match(tokens, compile_patterns({"kwic": patterns}, fold_case=case_insensitive))
    columns = ["doc_id", "sent", "start", "end", "pre", "keyword", "post", "pattern"]
    if found.empty:
        empty = {c: pd.Series([], dtype=str) for c in columns}
        empty.update(
            doc_id=pd.Categorical([], dtype=tokens["doc_id"].dtype),
            sent=np.array([], np.int32),
            start=np.array([], np.int64),
            end=np.array([], np.int64),
        )
        return pd.DataFrame(empty)[columns]

    # Map every match back to rows of `tokens` through (document, token position).
    doc = np.asarray(tokens["doc_id"].array.codes, np.int64)
    tok = tokens["tok"].to_numpy().astype(np.int64)
    sent = tokens["sent"].to_numpy()
    t_start, t_end = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    width = int(tok.max()) + 1
    row_key = doc * width + tok
    order = (
        np.arange(len(row_key))
        if bool(np.all(row_key[1:] > row_key[:-1]))
        else np.argsort(row_key, kind="stable")
    )
    m_doc = np.asarray(found["doc_id"].array.codes, np.int64)
    first = order[np.searchsorted(row_key[order], m_doc * width + found["tok"].to_numpy())]
    last = first + found["n_tok"].to_numpy() - 1

    n = len(doc)
    if unit == "token":
        new_block = np.ones(n, bool)
        new_block[1:] = doc[1:] != doc[:-1]
    else:
        new_block = np.ones(n, bool)
        new_block[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    idx = np.arange(n)
    block_first = np.maximum.accumulate(np.where(new_block, idx, 0))
    block_last = np.minimum.accumulate(np.where(np.r_[new_block[1:], True], idx, n)[::-1])[::-1]
    if unit == "token":
        lo = np.maximum(first - window, block_first[first])
        hi = np.minimum(last + window, block_last[last])
    else:
        lo, hi = block_first[first], block_last[last]

    pre, keyword, post = [], [], []
    for d, f, la, a, b in zip(m_doc, first, last, lo, hi, strict=True):
        text = texts[doc_names[d]]
        pre.append(text[t_start[a] : t_end[f - 1]] if a < f else "")
        keyword.append(text[t_start[f] : t_end[la]])
        post.append(text[t_start[la + 1] : t_end[b]] if b > la else "")
    return pd.DataFrame(
        {
            "doc_id": found["doc_id"].to_numpy(),
            "sent": found["sent"].to_numpy(),
            "start": t_start[first],
            "end": t_end[last],
            "pre": pd.array(pre, dtype="str"),
            "keyword": pd.array(keyword, dtype="str"),
            "post": pd.array(post, dtype="str"),
            "pattern": found["pattern"].astype("str").to_numpy(),
        }
    )
