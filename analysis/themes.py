"""Theme coding that can be audited: hits with offsets, tables, drill-down, review.

A codebook (:mod:`analysis.codebook`) lists themes with include and exclude patterns and
optional child themes. Coding a corpus gives the *hits* table, one row per theme match with
character offsets, so that every number in :func:`theme_matrix` or :func:`theme_cooccurrence`
can be traced back to the words (:func:`theme_kwic`) and checked by hand
(:func:`export_hits_for_review`).

Patterns are matched by :mod:`analysis.matching` (the one pattern engine; see its docstring for
the syntax: words, phrases, ``*``/``?`` globs, ``regex:``, case and diacritic folding, overlap
rules). This module only turns codebooks into pattern tables and hits into tables.

Nesting
    A parent theme counts its own hits *and* its descendants' hits. The hits table therefore has
    one row per theme a match counts for: "high-tech crimes" gives a ``cybercrime`` row and a
    ``crime`` row. Overlaps are resolved per theme by the matcher, with the parent's pattern list
    being the union of its own and its descendants' patterns, so a parent never counts the same
    token twice. ``level=`` in the tables cuts the tree at a depth (see :func:`theme_matrix`).

Exclusions
    A theme's ``exclude`` patterns are matched with the same matcher; an include hit is dropped
    when its whole span lies inside an exclude match of the theme whose pattern produced it
    (``source``) or of any ancestor of that theme: excludes are inherited downwards. Excluding
    ``social security`` in ``security`` removes ``security`` in "social security" from
    ``security`` and all its children. Each exclude pattern is matched on its own, so overlapping
    exclude phrases never hide each other. Exclusion is applied after the matcher's overlap
    resolution.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis._aggregate import distinct, doc_positions
from analysis._aggregate_finish import finish_theme_matrix
from analysis._checks import check_choice, check_int, positional_docs, require_columns
from analysis._groups import By, corpus_ids, group_docs
from analysis._io import write_review_csv
from analysis.codebook import PATH_SEP, Codebook, CodebookError, Theme, load_codebook, load_liwc_dic
from analysis.dates import PERIODS
from analysis.matching import match, match_entries, take_str
from analysis.schema import SCHEMAS, conform
from analysis.text import is_punct, sentences

__all__ = [
    "CodebookError", "Theme", "Codebook", "load_codebook", "load_liwc_dic",  # from codebook
    "code_themes", "theme_matrix", "pivot_themes", "theme_cooccurrence", "theme_kwic",
    "export_hits_for_review", "hits_review_table", "HIT_COLUMNS",
]  # fmt: skip

#: Columns of the hits table, in order (:data:`analysis.schema.SCHEMAS` ``["hits"]``).
HIT_COLUMNS: tuple[str, ...] = tuple(SCHEMAS["hits"])

Scope = Literal["key", "all"]
Unit = Literal["doc", "sentence"]
CoUnit = Literal["sentence", "doc"]
Normalize = Literal["per_1k_tokens", "share_of_sentences"]
WindowUnit = Literal["char", "token"]
_SCOPES = get_args(Scope)
_UNITS = get_args(Unit)
_CO_UNITS = get_args(CoUnit)
_NORMALIZE = (None, *get_args(Normalize))
_WINDOW_UNITS = get_args(WindowUnit)


# --------------------------------------------------------------------------- coding


def _as_codebook(codebook: Codebook | str | os.PathLike[str]) -> Codebook:
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, os.PathLike)):
        return load_codebook(codebook)
    raise TypeError(f"codebook must be a Codebook or a path, got {type(codebook).__name__}")


def _contained(
    doc: np.ndarray,
    target: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    x_doc: np.ndarray,
    x_target: np.ndarray,
    x_start: np.ndarray,
    x_end: np.ndarray,
) -> np.ndarray:
    """For each hit span, the index of an exclude span of the same doc and target theme that
    contains it, or -1. One sort and one binary search: O((n + m) log m).

    Among the excludes of the hit's group that start at or before the hit, the one reaching
    furthest decides; a running maximum of the ends gives it for all prefixes at once.
    """
    if len(x_doc) == 0 or len(doc) == 0:
        return np.full(len(doc), -1, np.int64)
    width = int(max(end.max(), x_end.max())) + 2  # offsets are smaller than this
    n_t = int(max(target.max(), x_target.max())) + 1
    g_hit = doc.astype(np.int64) * n_t + target
    g_x = x_doc.astype(np.int64) * n_t + x_target
    order = np.lexsort((x_start, g_x))
    gx, xs, xe = g_x[order], x_start[order], x_end[order]
    # Group-shifted ends: the running maximum restarts at each group because every value of a
    # later group is larger than any value of an earlier one.
    shifted = xe + gx * width
    run_max = np.maximum.accumulate(shifted)
    argmax = np.maximum.accumulate(np.where(shifted == run_max, np.arange(len(xe)), 0))
    i = np.searchsorted(gx * width + xs, g_hit * width + start, side="right") - 1
    j = np.clip(i, 0, None)
    ok = (i >= 0) & (gx[j] == g_hit) & (run_max[j] - gx[j] * width >= end)
    return np.where(ok, order[argmax[j]], -1)


def code_themes(
    tokens: pd.DataFrame,
    codebook: Codebook | str | os.PathLike[str],
    *,
    docs: pd.DataFrame | None = None,
    scope: Scope = "key",
    keep_excluded: bool = False,
) -> pd.DataFrame:
    """Code a tokenised corpus with a codebook: one row per theme hit, traceable to the text.

    Matching is done by :func:`analysis.matching.match` (vectorised, all patterns at once);
    exclusion containment is one sort and one binary search. Nesting and exclusions follow the
    module docstring: a parent counts its descendants' matches (overlaps resolved over the union
    of their patterns), and an exclude match removes the hits of its theme and its descendants
    whose span lies inside it.

    Args:
        tokens: tokens table from :func:`analysis.text.tokenize`.
        codebook: a :class:`Codebook` or a codebook path for :func:`load_codebook`.
        docs: the docs table; when given, ``matched`` is exactly ``text[start:end]``.
        scope: ``"key"`` (default) — themes code independently, so "security cooperation" counts
            for a security theme and a cooperation theme; ``"all"`` — matches are exclusive
            across the codebook (longest wins), then rolled up to the parents.
        keep_excluded: also return the hits removed by an exclude pattern, with the column
            ``excluded_by`` (the exclude pattern; missing for counted hits), to audit the
            exclusions. Such a table is for inspection only; the table functions reject it.

    Returns:
        The hits table (columns :data:`HIT_COLUMNS`), sorted by document order, ``start``,
        theme pre-order: ``doc_id`` (category: the tokens' documents), ``sent`` (int32),
        ``start``, ``end`` (int64, character offsets), ``matched`` (str, the text), ``pattern``
        (str, as written in the codebook), ``key`` (str, the theme counted; equal to
        ``theme``), ``theme`` (str), ``source`` (str, the theme whose pattern matched: ``key``
        itself or a descendant), ``parent`` (str, parent of ``key``; missing at the top
        level), ``path`` (str), ``depth`` (int64), ``tok`` (int32, first token position),
        ``n_tok`` (int64), ``codebook_sha256`` (str); with ``keep_excluded``, ``excluded_by``
        (str).

    Raises:
        ValueError: a bad ``scope``. CodebookError / FileNotFoundError when loading a path.

    Example:
        >>> from analysis.text import tokenize_text
        >>> cb = load_codebook("data/codebooks/asean_china_crime.yml")
        >>> hits = code_themes(tokenize_text("They fight high-tech crimes."), cb)
        >>> hits[["matched", "key", "source"]].values.tolist()
        [['high-tech crimes', 'crime', 'cybercrime'], ['high-tech crimes', 'cybercrime', 'cybercrime']]
    """
    check_choice("scope", scope, _SCOPES)
    cb = _as_codebook(codebook)
    include = cb.include_table(scope)
    ps = cb.pattern_set("include", scope)
    assert ps is not None  # a loaded codebook has at least one pattern
    # Work on integer theme codes: the include table's rows are the pattern set's entries.
    m, entry = match_entries(tokens, ps, scope=scope, docs=docs)
    ids = pd.Index(cb.ids, dtype=object)
    key = ids.get_indexer(include["key"]).astype(np.int64)[entry]
    src = ids.get_indexer(include["source"]).astype(np.int64)[entry]
    rows = np.arange(len(m))
    if scope == "all":
        # Exclusive matches under their own theme: count them for every ancestor as well.
        pairs = cb.subtree_pairs()
        owner = ids.get_indexer(pairs["owner"]).astype(np.int64)
        target = ids.get_indexer(pairs["target"]).astype(np.int64)
        by_target = np.argsort(target, kind="stable")
        owner, target = owner[by_target], target[by_target]
        n_owners = np.bincount(target, minlength=len(ids))
        ptr = np.cumsum(n_owners) - n_owners
        per = n_owners[src]
        rows = np.repeat(rows, per)
        within = np.arange(len(rows)) - np.repeat(np.cumsum(per) - per, per)
        key = owner[np.repeat(ptr[src], per) + within]
        src = src[rows]

    doc_codes = m["doc_id"].array.codes.astype(np.int64)[rows]
    start = m["start"].to_numpy(np.int64)[rows]
    end = m["end"].to_numpy(np.int64)[rows]
    excluded_by = np.full(len(rows), -1, np.int64)
    xps = cb.pattern_set("exclude")
    x_pattern: list[str] = []
    if xps is not None and len(rows):
        xm = match(tokens, xps, scope="key")
        xt = cb.exclude_table()
        xm = xm[["doc_id", "start", "end", "key"]].merge(
            xt.rename(columns={"xid": "key"}), on="key"
        )
        xm = xm.merge(cb.subtree_pairs(), on="owner")
        x_pattern = xm["pattern"].astype(str).tolist()
        excluded_by = _contained(
            doc_codes, src, start, end,
            xm["doc_id"].array.codes.astype(np.int64),
            ids.get_indexer(xm["target"]).astype(np.int64),
            xm["start"].to_numpy(np.int64), xm["end"].to_numpy(np.int64),
        )  # fmt: skip
    sel = np.ones(len(rows), bool) if keep_excluded else excluded_by < 0
    n_tok = m["n_tok"].to_numpy(np.int64)[rows]
    idx = np.flatnonzero(sel)
    idx = idx[np.lexsort((-n_tok[idx], key[idx], start[idx], doc_codes[idx]))]
    r, k = rows[idx], key[idx]
    ts = list(cb.themes.values())
    out = pd.DataFrame(
        {
            "doc_id": pd.Categorical.from_codes(doc_codes[idx], dtype=m["doc_id"].dtype),
            "sent": m["sent"].to_numpy()[r],
            "start": start[idx],
            "end": end[idx],
            "matched": m["matched"].take(r).reset_index(drop=True),
            "pattern": m["pattern"].take(r).reset_index(drop=True),
            "key": take_str(cb.ids, k),
            "theme": take_str(cb.ids, k),
            "source": take_str(cb.ids, src[idx]),
            "parent": take_str([t.parent for t in ts], k),
            "path": take_str([t.path for t in ts], k),
            "depth": np.array([t.depth for t in ts], np.int64)[k],
            "tok": m["tok"].to_numpy()[r],
            "n_tok": n_tok[idx],
            "codebook_sha256": take_str([cb.sha256], np.zeros(len(idx), np.int64)),
        }
    )
    if keep_excluded:
        x = excluded_by[idx]
        out["excluded_by"] = take_str([*x_pattern, None], np.where(x < 0, len(x_pattern), x))
    return conform(out, "hits")


# --------------------------------------------------------------------------- tables


def _check_hits(hits: pd.DataFrame, columns: Iterable[str]) -> None:
    require_columns(hits, columns, "hits", "make it with code_themes()")
    if "excluded_by" in hits.columns and hits["excluded_by"].notna().any():
        raise ValueError(
            "hits contains excluded rows (code_themes(keep_excluded=True)); "
            "use hits[hits['excluded_by'].isna()] for counting"
        )


@dataclass(frozen=True)
class _Tree:
    ids: list[str]  # pre-order
    path: dict[str, str]
    depth: dict[str, int]
    leaf: dict[str, bool]


def _tree(hits: pd.DataFrame, codebook: Codebook | None) -> _Tree:
    """The theme tree from the codebook, or (without one) from the themes present in hits."""
    if codebook is not None:
        ts = codebook.themes.values()
        return _Tree(
            [t.id for t in ts],
            {t.id: t.path for t in ts},
            {t.id: t.depth for t in ts},
            {t.id: not t.children for t in ts},
        )
    if "path" in hits.columns:
        pairs = hits[["key", "path"]].drop_duplicates()
        path = dict(zip(pairs["key"].astype(str), pairs["path"].astype(str), strict=True))
    else:
        path = {k: k for k in pd.unique(hits["key"].astype(str))}
    ids = sorted(path, key=lambda k: path[k].split(PATH_SEP))
    leaf = {k: not any(p.startswith(path[k] + PATH_SEP) for p in path.values()) for k in ids}
    return _Tree(ids, path, {k: path[k].count(PATH_SEP) + 1 for k in ids}, leaf)


def _select(tree: _Tree, level: int | None) -> list[str]:
    """Themes at ``level``: the tree cut at that depth (themes of that depth, plus leaves above
    it), so that every branch is counted once; all themes when ``level`` is None."""
    if level is None:
        return tree.ids
    if isinstance(level, bool) or not isinstance(level, (int, np.integer)) or level < 1:
        raise ValueError(
            f"level={level!r} must be None or a positive integer (1 = top-level themes)"
        )
    return [
        t for t in tree.ids if tree.depth[t] == level or (tree.depth[t] < level and tree.leaf[t])
    ]


def theme_matrix(
    hits: pd.DataFrame,
    *_deprecated: pd.DataFrame,
    docs: pd.DataFrame | None = None,
    tokens: pd.DataFrame | None = None,
    codebook: Codebook | None = None,
    by: By = None,
    dropna: bool = False,
    unit: Unit = "doc",
    normalize: Normalize | None = None,
    level: int | None = None,
) -> pd.DataFrame:
    """Count themes per document or per group, in tidy long form (one row per unit and theme).

    Every row is complete: themes without hits have count 0, so means and shares are right.
    Each ``count`` is the number of rows of the hit table behind it: with ``unit="doc"`` the hits
    of that theme in the document(s); with ``unit="sentence"`` the distinct ``(doc_id, sent)``
    among them. :func:`theme_kwic` lists those hits.

    Args:
        hits: from :func:`code_themes`.
        docs: the docs table (keyword-only; optional): the documents to count over, in their
            order (documents without hits get 0), and the ``by`` column. Without it, the
            documents are the categories of ``hits.doc_id`` (:func:`code_themes` keeps every
            document of the tokens table there). Passing it positionally, as before, still
            works but is deprecated.
        tokens: the tokens table; needed by ``normalize``.
        codebook: the codebook: lists themes with no hit at all and defines the tree for
            ``level``. Without it, the themes present in ``hits`` are used.
        by: None gives one row set per document (column ``doc_id``, corpus order); otherwise
            documents are grouped (column ``group``): ``"doc_id"``, a column of ``docs``
            (``"outlet"``) or a Series/mapping doc_id → group. Groups are sorted (category
            order for a categorical column); see the grouping rule (:mod:`analysis._groups`).
        dropna: leave out documents whose group value is missing (otherwise an error).
        unit: ``"doc"`` counts hits; ``"sentence"`` counts sentences with at least one hit.
        normalize: None; ``"per_1k_tokens"`` (with ``unit="doc"``) adds ``n_words`` (word
            tokens, punctuation excluded via :func:`analysis.text.is_punct`) and
            ``per_1k_tokens`` = 1000 · count / n_words, i.e. per 1,000 word tokens;
            ``"share_of_sentences"`` (with ``unit="sentence"``) adds ``n_sentences`` and
            ``share_of_sentences`` = count / n_sentences. NaN where the denominator is 0.
        level: None — every theme, a parent counting its descendants' hits (rows overlap);
            ``k`` — the tree cut at depth ``k``: themes of depth ``k`` and childless themes
            above it, so the rows of one unit never count a match twice. ``level=1`` gives the
            top-level themes.

    Returns:
        One row per unit and theme, units in the order above, themes in codebook pre-order:
        ``doc_id`` (str; without ``by``) or ``group`` (str), ``theme`` (str), ``depth``,
        ``count`` (int64); with ``normalize``, ``n_words`` (int64) and ``per_1k_tokens``
        (float64), or ``n_sentences`` (int64) and ``share_of_sentences`` (float64).

    Raises:
        ValueError: a bad ``unit``/``normalize``/``level``, an incoherent combination, missing
            ``tokens`` for ``normalize``, an unknown ``by`` column, a missing group value
            (without ``dropna``), hits of documents not in ``docs`` or of themes not in
            ``codebook``.
        TypeError: ``by`` of another type.

    Example:
        >>> hits = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "key": ["crime", "crime", "trade"]})
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "text": ["", "", ""],
        ...                      "outlet": ["VNA", "Thanh Nien", "VNA"]})
        >>> theme_matrix(hits, docs=docs, by="outlet")
                group  theme  depth  count
        0  Thanh Nien  crime      1      0
        1  Thanh Nien  trade      1      1
        2         VNA  crime      1      2
        3         VNA  trade      1      0
    """
    docs = positional_docs("theme_matrix", _deprecated, docs)
    check_choice("unit", unit, _UNITS)
    check_choice("normalize", normalize, _NORMALIZE)
    if normalize == "per_1k_tokens" and unit != "doc":
        raise ValueError("normalize='per_1k_tokens' counts hits: use it with unit='doc'")
    if normalize == "share_of_sentences" and unit != "sentence":
        raise ValueError("normalize='share_of_sentences' needs unit='sentence'")
    if normalize is not None and tokens is None:
        raise ValueError(f"normalize={normalize!r} needs the tokens table: pass tokens=")
    _check_hits(hits, ["doc_id", "key"] + (["sent"] if unit == "sentence" else []))
    if (
        isinstance(by, str)
        and docs is not None
        and by not in docs.columns
        and not (by in PERIODS and "date" in docs.columns)
    ):
        raise ValueError(
            f"by={by!r} is not a docs column (has: {', '.join(map(str, docs.columns))})"
        )
    tree = _tree(hits, codebook)
    themes = _select(tree, level)
    doc_index = corpus_ids(hits["doc_id"], docs)
    groups = group_docs(doc_index, "doc_id" if by is None else by, docs, dropna=dropna)
    # Integer codes throughout: a million hits must not become a million Python strings.
    hit_doc = doc_positions(hits["doc_id"], doc_index)
    if (hit_doc < 0).any():
        unknown = sorted(set(hits["doc_id"].astype(str)[hit_doc < 0]))
        raise ValueError(f"hits have doc_id(s) not in docs: {', '.join(map(repr, unknown[:5]))}")
    key_codes, key_uniques = pd.factorize(hits["key"].astype(str))
    if codebook is not None:
        odd = sorted(set(key_uniques) - set(tree.ids))
        if odd:
            raise ValueError(
                f"hits have theme(s) not in the codebook: {', '.join(map(repr, odd[:5]))}"
            )

    g_codes = groups.codes  # per document; -1: left out by dropna
    n_g, n_t = len(groups.labels), len(themes)
    t_code = pd.Index(themes, dtype=object).get_indexer(pd.Index(key_uniques, dtype=object))[
        key_codes
    ]
    sel = (t_code >= 0) & (g_codes[hit_doc] >= 0) if len(hit_doc) else np.zeros(0, bool)
    if unit == "sentence":
        # distinct (document, sentence, theme) units as one integer each
        sent = hits["sent"].to_numpy().astype(np.int64)[sel]
        width = int(sent.max()) + 1 if len(sent) else 1
        unit_key = distinct((hit_doc[sel] * width + sent) * n_t + t_code[sel])
        t_sel, d_sel = unit_key % n_t, unit_key // n_t // width
    else:
        t_sel, d_sel = t_code[sel], hit_doc[sel]
    denominators = None
    if normalize is not None:
        assert tokens is not None
        tok_doc = doc_positions(tokens["doc_id"], doc_index)
        inside = tok_doc >= 0  # tokens of documents outside docs are ignored
        if normalize == "per_1k_tokens":
            per_doc = np.bincount(tok_doc[~is_punct(tokens) & inside], minlength=len(doc_index))
        else:
            snt = tokens["sent"].to_numpy().astype(np.int64)[inside]
            width = int(snt.max()) + 1 if len(snt) else 1
            pairs = distinct(tok_doc[inside] * width + snt)
            per_doc = np.bincount(pairs // width, minlength=len(doc_index))
        kept = g_codes >= 0
        denominators = np.bincount(g_codes[kept], weights=per_doc[kept], minlength=n_g)
    return finish_theme_matrix(
        g_codes[d_sel], groups.labels, t_sel, themes, [tree.depth[t] for t in themes],
        unit_column="doc_id" if by is None else "group",
        normalize=normalize, denominators=denominators,
    )  # fmt: skip


def pivot_themes(matrix: pd.DataFrame, *, values: str = "count") -> pd.DataFrame:
    """Wide view of a :func:`theme_matrix` table: one row per document or group, one column per
    theme (in the matrix's theme order).

    Args:
        matrix: from :func:`theme_matrix`.
        values: the column to spread (``"count"``, ``"per_1k_tokens"``, ``"share_of_sentences"``).

    Returns:
        Index ``doc_id`` or ``group`` (in the matrix's order); one column per theme.

    Raises:
        ValueError: ``values`` is not a column of ``matrix``.

    Example:
        >>> hits = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "key": ["crime", "crime", "trade"]})
        >>> pivot_themes(theme_matrix(hits))  # doctest: +NORMALIZE_WHITESPACE
                crime  trade
        doc_id
        d1          2      0
        d2          0      1
    """
    row = "doc_id" if "doc_id" in matrix.columns else "group"
    if values not in matrix.columns:
        raise ValueError(
            f"values={values!r} is not a column of the matrix (has: {', '.join(matrix.columns)})"
        )
    rows = pd.unique(matrix[row])
    cols = pd.unique(matrix["theme"])
    wide = matrix.pivot(index=row, columns="theme", values=values)
    wide = wide.reindex(index=rows, columns=cols)
    wide.columns.name = None
    return wide


def theme_cooccurrence(
    hits: pd.DataFrame,
    *,
    unit: CoUnit = "sentence",
    codebook: Codebook | None = None,
    level: int | None = None,
) -> pd.DataFrame:
    """How often two themes occur in the same sentence (or document).

    Pairs where one theme is an ancestor of the other are left out (a parent always co-occurs
    with its children). Only pairs that co-occur at least once are listed.

    Args:
        hits: from :func:`code_themes`.
        unit: ``"sentence"`` or ``"doc"``.
        codebook: gives the theme order and tree (else taken from ``hits``).
        level: restrict to the tree cut at this depth, as in :func:`theme_matrix`.

    Returns:
        One row per pair, ``theme_a`` before ``theme_b`` in codebook order (order of ``path``
        without a codebook): ``theme_a``, ``theme_b`` (str), ``count`` (int64, units with
        both), ``n_a``, ``n_b`` (int64, units with each), ``jaccard`` (float64) = count /
        (n_a + n_b − count). Sorted by ``theme_a``, ``theme_b``.

    Raises:
        ValueError: a bad ``unit`` or ``level``, or missing columns.

    Example:
        >>> hits = pd.DataFrame({"doc_id": ["d1", "d1", "d1"], "sent": [1, 1, 2],
        ...                      "key": ["crime", "trade", "crime"]})
        >>> theme_cooccurrence(hits)
          theme_a theme_b  count  n_a  n_b  jaccard
        0   crime   trade      1    2    1      0.5
    """
    check_choice("unit", unit, _CO_UNITS)
    _check_hits(hits, ["doc_id", "key"] + (["sent"] if unit == "sentence" else []))
    tree = _tree(hits, codebook)
    themes = _select(tree, level)
    t_index = pd.Index(themes, dtype=object)
    # Integer unit and theme codes: no per-hit strings, no self-join of the hit table.
    # Each distinct key looked up once (a million hits, a few dozen themes).
    key_codes, key_values = pd.factorize(hits["key"], use_na_sentinel=False)
    t_all = t_index.get_indexer(pd.Index(key_values).astype(str))[key_codes]
    keep = t_all >= 0
    doc = pd.factorize(hits["doc_id"])[0].astype(np.int64)
    if unit == "sentence":
        sent = hits["sent"].to_numpy().astype(np.int64)
        unit_key = doc * (int(sent.max(initial=0)) + 1) + sent
    else:
        unit_key = doc
    inc = distinct(unit_key[keep] * len(themes) + t_all[keep])  # distinct (unit, theme)
    u, t = inc // max(len(themes), 1), inc % max(len(themes), 1)
    n_units = np.bincount(t, minlength=len(themes))
    # Ancestor/descendant pairs, once per pair of themes (themes are few, pairs many).
    paths = [tree.path[t] for t in themes]
    related = np.array([[q.startswith(p + PATH_SEP) for q in paths] for p in paths], bool).reshape(
        len(paths), len(paths)
    )
    ta, tb, c = _pairs_in_units(u, t, len(themes), related)
    na, nb = n_units[ta], n_units[tb]
    table = pd.DataFrame(
        {
            "theme_a": pd.Series(np.asarray(themes, dtype=object)[ta], dtype=str),
            "theme_b": pd.Series(np.asarray(themes, dtype=object)[tb], dtype=str),
            "count": c,
            "n_a": na.astype(np.int64),
            "n_b": nb.astype(np.int64),
            "jaccard": c / (na + nb - c) if len(c) else np.zeros(0),
        }
    )
    return conform(table, "theme_cooccurrence")


def _pairs_in_units(
    u: np.ndarray, t: np.ndarray, n_themes: int, related: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Units shared by each pair of unrelated themes (a < b), for the pairs that share any,
    in (a, b) order. ``u``, ``t``: the distinct (unit, theme) pairs, sorted by unit."""
    starts = np.flatnonzero(np.r_[True, u[1:] != u[:-1]]) if len(u) else np.zeros(0, np.int64)
    if n_themes <= 63:
        # One bit per theme: a unit's themes are one integer; a pair is two bit tests.
        bits = np.left_shift(np.uint64(1), t.astype(np.uint64))
        mask = np.bitwise_or.reduceat(bits, starts) if len(starts) else bits
        a_idx, b_idx = np.triu_indices(n_themes, k=1)
        wanted = ~related[a_idx, b_idx]
        a_idx, b_idx = a_idx[wanted], b_idx[wanted]
        counts = np.array(
            [np.count_nonzero((mask >> np.uint64(a)) & (mask >> np.uint64(b)) & np.uint64(1))
             for a, b in zip(a_idx.tolist(), b_idx.tolist(), strict=True)], dtype=np.int64,
        )  # fmt: skip
        present = counts > 0
        return a_idx[present].astype(np.int64), b_idx[present].astype(np.int64), counts[present]
    # Many themes: every pair within each unit (units hold few themes).
    unit_of = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(u)]))
    frame = pd.DataFrame({"u": unit_of, "t": t})
    pairs = frame.merge(frame, on="u", suffixes=("_a", "_b"))
    pairs = pairs[pairs["t_a"] < pairs["t_b"]]
    pairs = pairs[~related[pairs["t_a"].to_numpy(np.int64), pairs["t_b"].to_numpy(np.int64)]]
    count = pairs.groupby(["t_a", "t_b"]).size().reset_index(name="count")
    return (count["t_a"].to_numpy(np.int64), count["t_b"].to_numpy(np.int64),
            count["count"].to_numpy(np.int64))  # fmt: skip


def theme_kwic(
    hits: pd.DataFrame,
    theme: str,
    *_deprecated: str,
    docs: pd.DataFrame | None = None,
    window: int = 40,
    window_unit: WindowUnit = "char",
    tokens: pd.DataFrame | None = None,
    doc_id: str | Sequence[str] | None = None,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """The contexts behind a theme count: one row per hit, keyword in context.

    ``theme_kwic(hits, "crime", docs=docs, doc_id="vna_2023-12-06")`` lists exactly the hits
    counted in ``theme_matrix(hits, docs=docs)``'s ``vna_2023-12-06``/``crime`` cell
    (``unit="doc"``).

    Args:
        hits: from :func:`code_themes`.
        theme: the theme id (its rolled-up hits, descendants included).
        docs: the docs table (keyword-only, required): the text the contexts are cut from.
            The old call ``theme_kwic(hits, docs, theme)`` still works but is deprecated.
        window: context size on each side.
        window_unit: ``"char"`` — ``window`` characters; ``"token"`` — ``window`` tokens (needs
            ``tokens``; punctuation counts as a token). Contexts stay within the document and
            line breaks are shown as spaces.
        tokens: the tokens table, for ``window_unit="token"``.
        doc_id: only these documents.
        codebook: when given, an unknown ``theme`` is an error (else it gives an empty table,
            like a theme without hits).

    Returns:
        One row per hit, in hit order (document, then text order): ``doc_id`` (str), ``sent``
        (int32), ``start``, ``end`` (int64), ``pre``, ``matched``, ``post`` (str),
        ``pattern`` (str), ``source`` (str, the theme whose pattern matched).

    Raises:
        ValueError: no ``docs``, bad ``window``/``window_unit``, ``tokens`` missing for token
            windows, or a ``theme`` not in ``codebook``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"], "text": ["Police fight crime.\\nCrime fell."]})
        >>> hits = pd.DataFrame({"doc_id": ["d1", "d1"], "sent": [1, 2], "start": [13, 20],
        ...                      "end": [18, 25], "key": ["crime", "crime"]})
        >>> theme_kwic(hits, "crime", docs=docs, window=7)[["pre", "matched", "post"]].values.tolist()
        [[' fight ', 'crime', '. Crime'], ['crime. ', 'Crime', ' fell.']]
    """
    if isinstance(theme, pd.DataFrame):  # the old order: theme_kwic(hits, docs, theme, ...)
        if len(_deprecated) != 1 or not isinstance(_deprecated[0], str):
            raise TypeError("theme_kwic(hits, theme, *, docs=...): give the theme id as a str")
        docs = positional_docs("theme_kwic", (theme,), docs)
        theme = _deprecated[0]
    elif _deprecated:
        raise TypeError("theme_kwic() takes its options as keywords (docs=..., window=..., ...)")
    if docs is None:
        raise ValueError("theme_kwic needs the docs table (the text): pass docs=")
    require_columns(docs, ["doc_id", "text"], "docs")
    check_choice("window_unit", window_unit, _WINDOW_UNITS)
    window = check_int("window", window, 0)
    if window_unit == "token" and tokens is None:
        raise ValueError("window_unit='token' needs the tokens table: pass tokens=")
    _check_hits(hits, ["doc_id", "sent", "start", "end", "key"])
    if codebook is not None and theme not in codebook.themes:
        close = difflib.get_close_matches(theme, codebook.ids, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"theme {theme!r} is not in codebook {codebook.name!r}{hint}")
    h = hits[hits["key"].astype(str) == theme]
    if doc_id is not None:
        wanted = [doc_id] if isinstance(doc_id, str) else list(doc_id)
        h = h[h["doc_id"].astype(str).isin(wanted)]
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    ids = h["doc_id"].astype(str).tolist()
    missing = sorted(set(ids) - set(texts))
    if missing:
        raise ValueError(f"hits have doc_id(s) not in docs: {', '.join(map(repr, missing[:5]))}")
    start, end = h["start"].to_numpy(np.int64), h["end"].to_numpy(np.int64)
    if window_unit == "char":
        lo, hi = np.maximum(start - window, 0), end + window
    else:
        assert tokens is not None
        # Tokens keyed by (document, start) in one sorted integer array: the hit's first and
        # last token, and its document's first and last token, are binary searches.
        t_codes, t_names = pd.factorize(tokens["doc_id"].astype(str).to_numpy(dtype=object))
        ts, te = tokens["start"].to_numpy(np.int64), tokens["end"].to_numpy(np.int64)
        width = int(max(te.max(initial=0), end.max(initial=0))) + 1
        order = np.argsort(t_codes * width + ts, kind="stable")
        ks, ts, te = (t_codes * width + ts)[order], ts[order], te[order]
        hc = pd.Index(t_names).get_indexer(ids).astype(np.int64)
        if (hc < 0).any():
            raise ValueError("hits have doc_id(s) not in tokens")
        first = np.searchsorted(ks, hc * width, side="left")
        last = np.searchsorted(ks, (hc + 1) * width, side="left") - 1
        i0 = np.searchsorted(ks, hc * width + start, side="left")
        i1 = np.searchsorted(ks, hc * width + end, side="left") - 1
        lo = np.where(window > 0, ts[np.maximum(i0 - window, first)], start)
        hi = np.where(window > 0, te[np.minimum(i1 + window, last)], end)

    def clean(s: str) -> str:
        return " ".join(s.split("\n"))

    pre = [clean(texts[d][a:s]) for d, a, s in zip(ids, lo, start, strict=True)]
    mid = [clean(texts[d][s:e]) for d, s, e in zip(ids, start, end, strict=True)]
    post = [clean(texts[d][e:b]) for d, e, b in zip(ids, end, hi, strict=True)]
    table = pd.DataFrame(
        {
            "doc_id": pd.Series(ids, dtype=str),
            "sent": h["sent"].to_numpy(),
            "start": start,
            "end": end,
            "pre": pd.Series(pre, dtype=str),
            "matched": pd.Series(mid, dtype=str),
            "post": pd.Series(post, dtype=str),
            "pattern": h["pattern"].astype(str).to_numpy() if "pattern" in h else None,
            "source": h["source"].astype(str).to_numpy()
            if "source" in h
            else h["key"].astype(str).to_numpy(),
        }
    )
    return conform(table, "theme_kwic")


def export_hits_for_review(
    hits: pd.DataFrame,
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    path: str | os.PathLike[str],
) -> Path:
    """Write the hits to a CSV for hand review: one row per hit, with its sentence.

    The file is written atomically (a temporary file in the same folder, then ``os.replace``),
    so a reader never sees half a file. It is UTF-8 with a byte-order mark so that Excel shows
    Vietnamese names correctly; :func:`pandas.read_csv` and :func:`analysis.validation.load_gold`
    read it as is. Two empty columns are left for the reviewer.

    Args:
        hits: from :func:`code_themes`.
        docs: the docs table.
        tokens: the tokens table (for the sentence boundaries).
        path: the CSV to write (its folder must exist). Write under ``reports/``, not ``data/``.

    Returns:
        The path written. Columns: ``hit_id`` (1-based row number), ``doc_id, sent, start, end,
        theme, source, pattern, matched``, ``sentence`` (its text), ``marked`` (the sentence with
        the match in ``[[ ]]``), ``codebook_sha256``, ``correct`` and ``note`` (empty; for the
        reviewer).

    Raises:
        FileNotFoundError: the folder of ``path`` does not exist.
        ValueError: hits refer to sentences not in ``tokens``.

    Example:
        >>> import tempfile
        >>> from analysis.text import tokenize
        >>> docs = pd.DataFrame({"doc_id": ["d1"], "text": ["Crime fell. Police said so."]})
        >>> tokens = tokenize(docs)
        >>> hits = pd.DataFrame({"doc_id": ["d1"], "sent": [1], "start": [0], "end": [5],
        ...                      "key": ["crime"]})
        >>> path = export_hits_for_review(hits, docs, tokens, f"{tempfile.mkdtemp()}/review.csv")
        >>> pd.read_csv(path)[["theme", "marked"]].values.tolist()
        [['crime', '[[Crime]] fell.']]
    """
    return write_review_csv(hits_review_table(hits, docs, tokens), path)


def hits_review_table(hits: pd.DataFrame, docs: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The rows :func:`export_hits_for_review` writes, as a table (e.g. to write in parts).

    Args:
        hits: from :func:`code_themes`.
        docs: the docs table.
        tokens: the tokens table (for the sentence boundaries).

    Returns:
        The columns of :func:`export_hits_for_review`'s file, ``hit_id`` numbered from 1.

    Raises:
        ValueError: hits refer to sentences not in ``tokens``.

    Example:
        >>> from analysis.text import tokenize
        >>> docs = pd.DataFrame({"doc_id": ["d1"], "text": ["Crime fell. Police said so."]})
        >>> hits = pd.DataFrame({"doc_id": ["d1"], "sent": [2], "start": [12], "end": [18],
        ...                      "key": ["police"]})
        >>> hits_review_table(hits, docs, tokenize(docs))["marked"].tolist()
        ['[[Police]] said so.']
    """
    _check_hits(hits, ["doc_id", "sent", "start", "end", "key"])
    sents = sentences(tokens, docs)[["doc_id", "sent", "start", "text"]]
    sents = sents.rename(columns={"start": "s_start", "text": "sentence"})
    h = hits.assign(doc_id=hits["doc_id"].astype(str)).reset_index(drop=True)
    h = h.merge(
        sents.astype({"doc_id": str}), on=["doc_id", "sent"], how="left", validate="many_to_one"
    )
    if h["sentence"].isna().any():
        bad = h.loc[h["sentence"].isna(), ["doc_id", "sent"]].iloc[0]
        raise ValueError(f"hit in doc {bad['doc_id']!r}, sentence {bad['sent']} is not in tokens")
    rel_s = (h["start"] - h["s_start"]).to_numpy(np.int64)
    rel_e = (h["end"] - h["s_start"]).to_numpy(np.int64)
    marked = [
        f"{s[:a]}[[{s[a:b]}]]{s[b:]}" for s, a, b in zip(h["sentence"], rel_s, rel_e, strict=True)
    ]
    out = pd.DataFrame(
        {
            "hit_id": np.arange(1, len(h) + 1),
            "doc_id": h["doc_id"],
            "sent": h["sent"],
            "start": h["start"],
            "end": h["end"],
            "theme": h["key"].astype(str),
            "source": h["source"] if "source" in h else h["key"],
            "pattern": h.get("pattern", ""),
            "matched": h.get("matched", ""),
            "sentence": h["sentence"].str.replace("\n", " "),
            "marked": pd.Series(marked, dtype=str).str.replace("\n", " "),
            "codebook_sha256": h.get("codebook_sha256", ""),
            "correct": "",
            "note": "",
        }
    )
    return out
