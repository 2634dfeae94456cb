"""Finishing: summed counts keyed by integer codes become the public tables.

The ``finish_*`` functions build the tables of ``term_frequency``, ``theme_matrix``,
``actor_counts`` and ``comention_edges`` from per-(group, key) sums: the ranks (ties share the
lowest, :func:`min_rank_sorted`), the code-point tie-breaker (:func:`alpha_rank`), shares and
rates, the grid of zeros, the sort and the schema dtypes. The in-memory table functions call
them with their own counts and :mod:`analysis._aggregate` (``stream_analyze``, ``dask_analyze``,
the report) with the summed partial tables, so the three engines finish in one place. Codes of
``-1`` are left out (documents dropped by ``dropna=True``). Split out of
:mod:`analysis._aggregate`, which re-exports these names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from analysis._checks import check_choice
from analysis.schema import conform

TermScheme = Literal["count", "prop", "tfidf"]
ThemeNormalize = Literal["per_1k_tokens", "share_of_sentences"]
ActorNormalize = Literal["per_1k_tokens", "share_of_docs", "share_of_mentions"]


def int_counts(values: pd.Series | np.ndarray) -> np.ndarray:
    """Summed counts (float64) back to int64."""
    return np.rint(np.asarray(values, np.float64)).astype(np.int64)


def min_rank_sorted(group: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Ranks (ties share the lowest rank, 1 = largest) of rows already sorted by group and
    descending value.

    Example:
        >>> min_rank_sorted(np.array([0, 0, 0, 0, 1]), np.array([5.0, 3, 3, 1, 2])).tolist()
        [1, 2, 2, 4, 1]
    """
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


def alpha_rank(values: Sequence[str] | pd.Index) -> np.ndarray:
    """Position of every string in code-point order (``sorted()``'s): the tie-breaker of every
    ranked table.

    Example:
        >>> alpha_rank(pd.Index(["b", "c", "a"])).tolist()
        [1, 2, 0]
    """
    index = pd.Index(values, dtype=str)
    order = np.asarray(index.argsort())
    rank = np.empty(len(index), np.int64)
    rank[order] = np.arange(len(index))
    return rank


def _kept(codes: Sequence[np.ndarray], *values: Any) -> list[Any]:
    """``values`` (and ``codes``) without the rows where a code is -1 (None passes through)."""
    keep = np.logical_and.reduce([c >= 0 for c in codes])
    if keep.all():
        return [*codes, *values]
    return [c[keep] for c in codes] + [None if v is None else np.asarray(v)[keep] for v in values]


def finish_term_frequency(
    group: np.ndarray,
    labels: Sequence[str],
    term: np.ndarray,
    types: pd.Index,
    frequency: np.ndarray,
    docfreq: np.ndarray,
    *,
    scheme: TermScheme = "count",
    prop: np.ndarray | None = None,
    n_docs: int = 0,
    min_count: int = 1,
) -> pd.DataFrame:
    """The ``term_frequency`` table from per-(group, term) sums.

    Args:
        group: group code of each row (index into ``labels``; -1 rows are left out).
        labels: the group labels, in output order (the grouping rule's).
        term: term code of each row (index into ``types``).
        types: the terms (str).
        frequency: occurrences of the term in the group.
        docfreq: documents of the group containing the term.
        scheme: what ranks: ``"count"``, ``"prop"`` (needs ``prop``), ``"tfidf"`` (needs
            ``n_docs``; the corpus document frequency of a term is its ``docfreq`` summed over
            the groups).
        prop: the summed per-document shares of the term in the group.
        n_docs: documents of the corpus (in a group), for tf-idf.
        min_count: rows with a smaller ``frequency`` are dropped after ranking.

    Returns:
        ``term`` (str), ``frequency``, ``rank``, ``docfreq`` (int64), ``group`` (str),
        ``relative`` (float64; frequency / the group's total), [``prop``/``tfidf`` (float64)];
        ordered by group, rank, then term in code-point order; ties share the lowest rank.

    Example:
        >>> tf = finish_term_frequency(np.array([0, 0, 0]), ["all"], np.array([0, 1, 2]),
        ...                            pd.Index(["b", "a", "c"]), np.array([2, 2, 1]),
        ...                            np.array([1, 2, 1]))
        >>> tf[["term", "frequency", "rank", "docfreq", "relative"]].values.tolist()
        [['a', 2, 1, 2, 0.4], ['b', 2, 1, 1, 0.4], ['c', 1, 3, 1, 0.2]]
    """
    check_choice("scheme", scheme, get_args(TermScheme))
    group, term, frequency, docfreq, prop = _kept(
        [np.asarray(group, np.int64), np.asarray(term, np.int64)],
        np.asarray(frequency, np.int64),
        np.asarray(docfreq, np.int64),
        prop,
    )
    types = pd.Index(types, dtype=str)
    group_total = np.bincount(group, weights=frequency, minlength=len(labels))
    if scheme == "count":
        weight = frequency.astype(np.float64)
    elif scheme == "prop":
        if prop is None:
            raise ValueError("scheme='prop' needs prop=")
        weight = np.asarray(prop, np.float64)
    else:
        corpus_df = np.bincount(term, weights=docfreq, minlength=len(types))
        idf = np.log10(n_docs / np.where(corpus_df > 0, corpus_df, 1.0))
        weight = frequency * idf[term]
    order = np.lexsort((alpha_rank(types)[term], -weight, group))
    group, term, frequency, docfreq, weight = (
        group[order], term[order], frequency[order], docfreq[order], weight[order],
    )  # fmt: skip
    rank = min_rank_sorted(group, weight)
    keep = frequency >= min_count
    out = {
        "term": types.take(term[keep]).array,
        "frequency": frequency[keep],
        "rank": rank[keep],
        "docfreq": docfreq[keep],
        "group": pd.Index(labels, dtype=str).take(group[keep]).array,
        "relative": frequency[keep] / group_total[group[keep]],
    }
    if scheme != "count":
        out[scheme] = weight[keep]
    return conform(pd.DataFrame(out), "term_frequency")


_THEME_RATES = {
    "per_1k_tokens": ("n_words", "per_1k_tokens", 1000.0),
    "share_of_sentences": ("n_sentences", "share_of_sentences", 1.0),
}


def finish_theme_matrix(
    unit: np.ndarray,
    units: Sequence[str],
    theme: np.ndarray,
    themes: Sequence[str],
    depths: Sequence[int],
    *,
    counts: np.ndarray | None = None,
    unit_column: Literal["group", "doc_id"] = "group",
    normalize: ThemeNormalize | None = None,
    denominators: np.ndarray | None = None,
) -> pd.DataFrame:
    """The ``theme_matrix`` table: every unit × every theme, zeros included.

    Args:
        unit: unit code of each row (index into ``units``; -1 rows are left out).
        units: the groups (or documents), in output order.
        theme: theme code of each row (index into ``themes``; -1 rows are left out).
        themes: the themes, in output (codebook) order; ``depths``: their depths.
        counts: the count of each row; None counts each row once (rows may repeat a cell:
            they are summed).
        unit_column: ``"group"``, or ``"doc_id"`` for one row set per document.
        normalize: None, ``"per_1k_tokens"`` or ``"share_of_sentences"``.
        denominators: per unit (aligned with ``units``): word tokens for ``per_1k_tokens``,
            sentences for ``share_of_sentences``.

    Returns:
        ``group`` or ``doc_id`` (str), ``theme`` (str), ``depth`` (int64), ``count`` (int64),
        then with ``normalize`` the denominator ``n_words`` or ``n_sentences`` (int64) and the
        rate ``per_1k_tokens`` (1000 · count / n_words) or ``share_of_sentences``
        (count / n_sentences) (float64; NaN where the denominator is 0). Units in ``units``
        order, themes in ``themes`` order within each.

    Example:
        >>> m = finish_theme_matrix(np.array([1, 1, 0]), ["A", "B"], np.array([0, 0, 1]),
        ...                         ["crime", "cyber"], [1, 2], normalize="per_1k_tokens",
        ...                         denominators=np.array([500, 0]))
        >>> m.values.tolist()
        [['A', 'crime', 1, 0, 500, 0.0], ['A', 'cyber', 2, 1, 500, 2.0],
         ['B', 'crime', 1, 2, 0, nan], ['B', 'cyber', 2, 0, 0, nan]]
    """
    check_choice("normalize", normalize, (None, *get_args(ThemeNormalize)))
    n_u, n_t = len(units), len(themes)
    unit, theme, counts = _kept([np.asarray(unit, np.int64), np.asarray(theme, np.int64)], counts)
    cell = unit * n_t + theme
    if counts is None:
        grid = np.bincount(cell, minlength=n_u * n_t).astype(np.int64)
    else:
        grid = int_counts(
            np.bincount(cell, weights=np.asarray(counts, np.float64), minlength=n_u * n_t)
        )
    out = pd.DataFrame(
        {
            "group": pd.Series(np.repeat(np.asarray(units, dtype=object), n_t), dtype=str),
            "theme": pd.Series(np.tile(np.asarray(themes, dtype=object), n_u), dtype=str),
            "depth": np.tile(np.asarray(depths, np.int64), n_u),
            "count": grid,
        }
    )
    if normalize is not None:
        if denominators is None:
            raise ValueError(f"normalize={normalize!r} needs denominators=")
        name, rate, scale = _THEME_RATES[normalize]
        d = np.repeat(np.asarray(denominators, np.int64), n_t)
        out[name] = d
        out[rate] = np.where(d > 0, scale * grid / np.maximum(d, 1), np.nan)
    out = conform(out, "theme_matrix")
    return out if unit_column == "group" else out.rename(columns={"group": unit_column})


def finish_actor_counts(
    group: np.ndarray,
    actor: np.ndarray,
    labels: Sequence[str],
    actor_ids: Sequence[str],
    mentions: np.ndarray,
    docfreq: np.ndarray,
    n_docs: np.ndarray,
    *,
    n_words: np.ndarray | None = None,
    names: Mapping[str, str] | None = None,
    types: Mapping[str, str] | None = None,
    normalize: ActorNormalize | None = None,
) -> pd.DataFrame:
    """The ``actor_counts`` table: every group × every actor, zeros included.

    Args:
        group: group code of each row (index into ``labels``; -1 rows are left out).
        actor: actor code of each row (index into ``actor_ids``; -1 rows are left out).
        labels: the group labels, in output order.
        actor_ids: the actors of the grid (every actor of the table, or every one mentioned).
        mentions: mentions of the actor in the group; ``docfreq``: documents of the group
            mentioning it (rows may repeat a cell: they are summed).
        n_docs: documents per group (aligned with ``labels``).
        n_words: word tokens per group, for ``normalize="per_1k_tokens"``.
        names, types: actor id → name / type; adds the ``name``/``type`` columns.
        normalize: None, ``"per_1k_tokens"``, ``"share_of_docs"`` or ``"share_of_mentions"``.

    Returns:
        ``group``, ``actor_id``, [``name``, ``type``] (str), ``mentions``, ``docfreq``,
        ``n_docs`` (int64), [the ``normalize`` rate (float64; NaN where its denominator is 0)],
        sorted by group (``labels`` order), ``mentions`` descending, ``actor_id``.

    Example:
        >>> c = finish_actor_counts(np.array([0, 0]), np.array([1, 0]), ["all"],
        ...                         ["asean", "china"], np.array([3, 1]), np.array([2, 1]),
        ...                         np.array([4]), normalize="share_of_docs")
        >>> c.values.tolist()
        [['all', 'china', 3, 2, 4, 0.5], ['all', 'asean', 1, 1, 4, 0.25]]
    """
    check_choice("normalize", normalize, (None, *get_args(ActorNormalize)))
    if normalize == "per_1k_tokens" and n_words is None:
        raise ValueError("normalize='per_1k_tokens' needs n_words=")
    n_g, n_a = len(labels), len(actor_ids)
    group, actor, mentions, docfreq = _kept(
        [np.asarray(group, np.int64), np.asarray(actor, np.int64)], mentions, docfreq
    )
    cell = group * n_a + actor
    m = int_counts(np.bincount(cell, weights=np.asarray(mentions, np.float64), minlength=n_g * n_a))
    d = int_counts(np.bincount(cell, weights=np.asarray(docfreq, np.float64), minlength=n_g * n_a))
    g_row = np.repeat(np.arange(n_g), n_a)
    a_row = np.tile(np.arange(n_a), n_g)
    docs_row = np.asarray(n_docs, np.int64)[g_row]
    ids = np.asarray(actor_ids, dtype=object)[a_row]
    out = pd.DataFrame(
        {
            "group": pd.Series(np.asarray(labels, dtype=object)[g_row], dtype=str),
            "actor_id": pd.Series(ids, dtype=str),
        }
    )
    if names is not None:
        out["name"] = out["actor_id"].map(names).astype(str)
    if types is not None:
        out["type"] = out["actor_id"].map(types).astype(str)
    out["mentions"], out["docfreq"], out["n_docs"] = m, d, docs_row
    with np.errstate(divide="ignore", invalid="ignore"):
        if normalize == "per_1k_tokens":
            denom = np.asarray(n_words, np.float64)[g_row]
            out["per_1k_tokens"] = np.where(denom > 0, m * 1000.0 / denom, np.nan)
        elif normalize == "share_of_docs":
            out["share_of_docs"] = np.where(docs_row > 0, d / docs_row, np.nan)
        elif normalize == "share_of_mentions":
            total = np.bincount(g_row, weights=m, minlength=n_g).astype(np.int64)[g_row]
            out["share_of_mentions"] = np.where(total > 0, m / total, np.nan)
    order = np.lexsort((alpha_rank(actor_ids)[a_row], -m, g_row))
    columns = list(out.columns)
    return conform(out.iloc[order].reset_index(drop=True), "actor_counts")[columns]


def finish_comention_edges(
    group: np.ndarray,
    labels: Sequence[str],
    source: Sequence[str] | np.ndarray,
    target: Sequence[str] | np.ndarray,
    weight: np.ndarray,
) -> pd.DataFrame:
    """The ``comention_edges`` table from per-(group, pair) weights.

    Args:
        group: group code of each row (index into ``labels``; -1 rows are left out).
        labels: the group labels, in output order.
        source, target: the actor ids of each pair (``source < target``).
        weight: units mentioning both.

    Returns:
        ``source``, ``target`` (str), ``weight`` (int64), ``group`` (str); sorted by group
        (``labels`` order), ``weight`` descending, ``source``, ``target``.

    Example:
        >>> e = finish_comention_edges(np.array([1, 0, 0]), ["A", "B"], ["asean", "asean", "china"],
        ...                            ["china", "vietnam", "vietnam"], np.array([5, 1, 2]))
        >>> e.values.tolist()
        [['china', 'vietnam', 2, 'A'], ['asean', 'vietnam', 1, 'A'], ['asean', 'china', 5, 'B']]
    """
    group, source, target, weight = _kept(
        [np.asarray(group, np.int64)],
        np.asarray(source, dtype=object),
        np.asarray(target, dtype=object),
        np.asarray(weight, np.int64),
    )
    out = pd.DataFrame(
        {
            "source": pd.Series(source, dtype=str),
            "target": pd.Series(target, dtype=str),
            "weight": weight,
            "group": pd.Series(np.asarray(labels, dtype=object)[group], dtype=str),
            "code": group,
        }
    )
    out = out.sort_values(
        ["code", "weight", "source", "target"], ascending=[True, False, True, True], kind="stable"
    )
    return conform(out.drop(columns="code").reset_index(drop=True), "comention_edges")
