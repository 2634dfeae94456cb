"""The aggregation engine: partial counts, how they add up, and how summed counts become tables.

Users:

* :mod:`analysis.stream` (``stream_analyze``): one process, chunk by chunk, through
  :class:`Plan`, :func:`combine_parts` and :meth:`Plan.finalize`;
* :mod:`analysis.scale` (``dask_analyze``): the same plan on Dask partitions, the partials summed
  by a Dask tree reduction with :func:`combine_parts`;
* :mod:`analysis.corpus` (``iter_corpus``): the progress bar;
* the in-memory table functions ``term_frequency``, ``theme_matrix``, ``actor_counts`` and
  ``comention_edges``, which finish their own counts with the ``finish_*`` functions, so that the
  three engines rank, order groups, compute rates and sort in one place.

**Partial tables.** Every per-chunk result becomes one long table with string keys and additive
values, so that chunks (or Dask partitions) combine by a group-by sum whatever categoricals each
chunk had: ``table`` (which result), ``k0``, ``k1`` (str keys), ``ord`` (int64, combined with
min: the order of groups or documents), ``v0``, ``v1``, ``v2`` (float64, combined with sum;
exact for counts below 2**53). The tables:

========= ================ ================ ============================================
table     k0               k1               values
========= ================ ================ ============================================
meta      ""               ""               v0 documents read, v1 token rows
group     group label      ""               v0 documents, v1 word tokens (with actors)
tf        group label      term             v0 frequency, v1 docfreq, v2 prop
theme     unit label       theme            v0 count, v1 denominator of the unit
actor     group label      actor id         v0 mentions, v1 docfreq
edge      group label      "source|target"  v0 weight
========= ================ ================ ============================================

**Finishing** (``finish_*``, in :mod:`analysis._aggregate_finish` and re-exported here) takes
summed counts keyed by integer codes (``-1``: left out, as :meth:`analysis._groups.Groups.of`
gives for documents dropped by ``dropna=True``) and builds the public table: ranks, shares,
rates, the grid of zeros, the sort, the schema dtypes.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from analysis._aggregate_finish import (  # moved there; re-exported for old imports
    ActorNormalize,
    TermScheme,
    ThemeNormalize,
    alpha_rank,  # noqa: F401 (re-exported)
    finish_actor_counts,
    finish_comention_edges,
    finish_term_frequency,
    finish_theme_matrix,
    int_counts,
    min_rank_sorted,  # noqa: F401 (re-exported)
)
from analysis._checks import check_choice
from analysis._groups import ALL, By, group_docs

ThemeUnit = Literal["doc", "sentence"]
ThemeScope = Literal["key", "all"]
EdgeUnit = Literal["sentence", "doc"]
LineBreaks = Literal["auto", "line", "paragraph", "none"]

PART_COLUMNS = ["table", "k0", "k1", "ord", "v0", "v1", "v2"]
_KEYS = ["table", "k0", "k1"]
#: ord of a chunk's documents: chunk number * 2**32 + row (chunks of fewer than 4 G documents).
ORD_SHIFT = 1 << 32
_PAIR_SEP = "|"  # actor ids never contain it (load_actors refuses it)
#: Group label of documents left out by dropna=True, within a chunk; never in a result.
_DROPPED = "\x00dropped"
_GROUP = "\x00group"  # the docs column that carries the chunk's group labels


# --------------------------------------------------------------------------------------------
# progress


#: Set (to anything) to switch progress bars off where ``progress=None``.
NO_PROGRESS_ENV = "ANALYSIS_NO_PROGRESS"


def progress_enabled(progress: bool | None = None) -> bool:
    """Whether to show a progress bar.

    ``True``/``False`` are obeyed. ``None`` (the default everywhere) means: on when running in
    Jupyter or when stderr is a terminal, and off under pytest or CI (``CI`` set in the
    environment), so tests and logs stay clean, and off when :data:`NO_PROGRESS_ENV` is set
    (the report runner sets it for its kernels: a bar would end up in the HTML page).
    """
    if progress is not None:
        return bool(progress)
    if (
        os.environ.get("CI")
        or os.environ.get(NO_PROGRESS_ENV)
        or os.environ.get("PYTEST_CURRENT_TEST")
        or "pytest" in sys.modules
    ):
        return False
    try:
        from IPython import get_ipython  # only present when IPython is installed

        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is not None and type(shell).__name__ == "ZMQInteractiveShell":
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def progress_bar(enabled: bool, total: int | None, desc: str, unit: str = "doc") -> Any:
    """A tqdm bar (a widget in JupyterLab, text elsewhere); a silent one when not ``enabled``."""
    if not enabled:
        from tqdm import tqdm as silent  # tqdm.auto would probe for Jupyter widgets and warn

        return silent(total=total, disable=True)
    if importlib.util.find_spec("ipywidgets") is not None:  # tqdm.auto's notebook widget
        from tqdm.auto import tqdm
    else:
        from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit=unit)


# --------------------------------------------------------------------------------------------
# partial tables


def part(table: str, k0, k1, ord_, v0, v1=None, v2=None) -> pd.DataFrame:
    """A partial table (module docstring) from its columns; ``v1``/``v2`` default to zeros."""
    n = len(k0)
    zeros = np.zeros(n, np.float64)
    return pd.DataFrame(
        {
            "table": pd.Series([table] * n, dtype=str),
            "k0": _str_column(k0),
            "k1": _str_column(k1),
            "ord": np.asarray(ord_, np.int64),
            "v0": np.asarray(v0, np.float64),
            "v1": zeros if v1 is None else np.asarray(v1, np.float64),
            "v2": zeros if v2 is None else np.asarray(v2, np.float64),
        }
    )


def _str_column(values) -> pd.Series:
    # Keys that already are strings (a chunk's terms taken from the vocabulary) stay in Arrow:
    # a round trip through Python objects costs more than the counting, chunk after chunk.
    if isinstance(values, (pd.Index, pd.Series)) and values.dtype == "str":
        return pd.Series(values.array, dtype=str)
    return pd.Series(np.asarray(values, dtype=object), dtype=str)


def empty_parts() -> pd.DataFrame:
    """A partial table without rows (the Dask ``meta`` of every partition)."""
    return part("meta", [], [], [], [])


def combine_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """Sum partial tables by key (``ord``: minimum); the aggregation of chunks and partitions.

    Example:
        >>> both = pd.concat([part("tf", ["all"], ["a"], [3], [2]),
        ...                   part("tf", ["all"], ["a"], [1], [5])])
        >>> combine_parts(both)[["k1", "ord", "v0"]].values.tolist()
        [['a', 1, 7.0]]
    """
    if not len(parts):
        return empty_parts()
    out = parts.groupby(_KEYS, sort=False, observed=True).agg(
        ord=("ord", "min"), v0=("v0", "sum"), v1=("v1", "sum"), v2=("v2", "sum")
    )
    return out.reset_index()[PART_COLUMNS]


def distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of integers, by sorting: numpy 2.4's hash-based ``np.unique``
    takes about a second for a million distinct values, a sort a few hundredths.

    Example:
        >>> distinct(np.array([3, 1, 3, 2])).tolist()
        [1, 2, 3]
    """
    values = np.sort(np.asarray(values))
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


# --------------------------------------------------------------------------------------------
# the per-chunk plan of stream_analyze and dask_analyze


def doc_positions(doc_col: pd.Series, doc_ids: pd.Index) -> np.ndarray:
    """Row of ``doc_ids`` for every value of ``doc_col`` (-1 when absent), looked up once per
    distinct document rather than once per row."""
    if isinstance(doc_col.dtype, pd.CategoricalDtype):
        cats = pd.Index(doc_col.cat.categories.astype(str), dtype=object)
        per_cat = np.append(doc_ids.get_indexer(cats).astype(np.int64), -1)
        return per_cat[np.asarray(doc_col.cat.codes)]  # code -1 (NaN) -> the -1 appended
    codes, uniques = pd.factorize(doc_col.astype(str))
    return doc_ids.get_indexer(pd.Index(uniques, dtype=object)).astype(np.int64)[codes]


def _codes(keys: pd.Series, labels: Sequence[str]) -> np.ndarray:
    """Position of every key in ``labels`` (-1 when absent)."""
    return pd.Index(labels, dtype=object).get_indexer(keys.to_numpy(dtype=object))


def _without_dropped(table: pd.DataFrame, column: str, any_dropped: bool) -> pd.DataFrame:
    if not any_dropped or not len(table):
        return table
    return table[table[column].astype(str).to_numpy(dtype=object) != _DROPPED]


@dataclass
class Plan:
    """Everything a chunk needs, compiled once; pickled to Dask workers as it is.

    Cached across chunks: the loaded codebook (whose compiled PatternSet the matcher reuses)
    and the compiled actor table. Per chunk: the expansion of globs and regexes against the
    chunk's vocabulary (one binary search per glob), which the matcher keys on the vocabulary.
    Groups follow :mod:`analysis._groups`; a ``by`` mapping is a Series with a unique ``str``
    index (:func:`make_plan`).
    """

    codebook: Any = None
    actors: Any = None
    by: By = None
    dropna: bool = False
    line_breaks: LineBreaks = "auto"
    punkt: Any = None
    remove_punct: bool = True
    stopwords: frozenset[str] | None = None
    n: int = 1
    min_count: int = 1
    scheme: TermScheme = "count"
    theme_unit: ThemeUnit = "doc"
    theme_normalize: ThemeNormalize | None = None
    theme_level: int | None = None
    theme_scope: ThemeScope = "key"
    actor_normalize: ActorNormalize | None = None
    edge_unit: EdgeUnit = "sentence"

    # ------------------------------------------------------------------ per chunk

    def _groups(self, docs: pd.DataFrame, ids: pd.Index, first: int):
        """The chunk's groups (:class:`analysis._groups.Groups`) and the ``ord`` of each label:
        the document's for ``doc_id``, the category position for a categorical grouping, else
        0 (the labels then sort by themselves)."""
        by = self.by
        if isinstance(by, pd.Series):
            by = by.reindex(ids)  # the chunk's part of the mapping; keeps a categorical dtype
        groups = group_docs(ids, by, docs, dropna=self.dropna)
        n_labels = len(groups.labels)
        if isinstance(self.by, str) and self.by == "doc_id":
            ords = first + np.arange(n_labels, dtype=np.int64)
        else:
            values = by if isinstance(by, pd.Series) else (docs.get(by) if by else None)
            categorical = values is not None and isinstance(values.dtype, pd.CategoricalDtype)
            ords = np.arange(n_labels) if categorical else np.zeros(n_labels, np.int64)
        return groups, ords

    def run(
        self,
        docs: pd.DataFrame,
        chunk_no: int,
        vocabulary: Any = None,
        tokens: pd.DataFrame | None = None,
        doc_terms: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    ) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        """Partials of one docs table, and the per-hit tables (for writing to Parquet).

        ``vocabulary``: an :class:`analysis.text.Vocabulary` carried across the chunks of one
        run (one process), so that the types of earlier chunks are not cut, flagged, folded
        and matched against the patterns again; the partials are the same without it.
        ``tokens``: the chunk's tokens when the caller has them already (tokenised with this
        vocabulary and the plan's options), so that a chunk is tokenised once.
        ``doc_terms``: :meth:`doc_terms` of these tokens when the caller counts them by another
        grouping too (the report's periods), so that the pairs are built once.
        """
        from analysis.text import tokenize

        if tokens is None:
            tokens = tokenize(
                docs, line_breaks=self.line_breaks, punkt=self.punkt, vocabulary=vocabulary
            )
        ids = pd.Index(docs["doc_id"].astype(str).to_numpy(dtype=object), dtype=object)
        first = chunk_no * ORD_SHIFT
        groups, label_ords = self._groups(docs, ids, first)
        dropped = bool((groups.codes < 0).any())
        # The per-chunk functions group by a plain column of labels, whatever `by` is.
        label_of_doc = np.asarray([*groups.labels, _DROPPED], dtype=object)[groups.codes]
        by_col = None if self.by is None else _GROUP
        grouped = docs if by_col is None else docs.assign(**{_GROUP: label_of_doc})
        parts = [part("meta", [""], [""], [first], [len(docs)], [len(tokens)])]

        if vocabulary is not None and self.n == 1 and self.scheme != "prop":
            parts.append(self.term_counts(tokens, groups, vocabulary, doc_terms))
        else:
            parts.append(self._tf_part(tokens, grouped, by_col, dropped))
        per_hit: dict[str, pd.DataFrame] = {}
        if self.codebook is not None:
            per_hit["hits"], theme_part = self._themes(tokens, docs, grouped, ids, first, dropped)
            parts.append(theme_part)
        kept = groups.codes >= 0
        n_words = None
        if self.actors is not None:
            from analysis.actors import find_mentions
            from analysis.text import is_punct

            mentions = per_hit["mentions"] = find_mentions(tokens, self.actors, docs=docs)
            parts.extend(self._actor_parts(mentions, groups, ids, grouped, dropped))
            # Word tokens per group: the denominator of actor_counts' per_1k_tokens.
            punct = (
                is_punct(tokens)
                if vocabulary is None
                else vocabulary.punct_mask()[tokens["norm"].array.codes]
            )
            tok_doc = doc_positions(tokens["doc_id"], ids)[~punct]
            words = np.bincount(tok_doc[tok_doc >= 0], minlength=len(ids))
            n_words = np.bincount(
                groups.codes[kept], weights=words[kept], minlength=len(groups.labels)
            )
        parts.append(
            part("group", groups.labels, [""] * len(groups.labels), label_ords, groups.sizes,
                 n_words)
        )  # fmt: skip
        return pd.concat(parts, ignore_index=True), per_hit

    def _tf_part(self, tokens, grouped, by_col, dropped) -> pd.DataFrame:
        """The ``tf`` partial through :func:`analysis.frequency.term_frequency`."""
        from analysis.frequency import term_frequency

        tf = term_frequency(
            tokens,
            by="doc_id" if isinstance(self.by, str) and self.by == "doc_id" else by_col,
            docs=grouped,
            n=self.n,
            remove_punct=self.remove_punct,
            stopwords=self.stopwords,
            scheme="prop" if self.scheme == "prop" else "count",
        )
        tf = _without_dropped(tf, "group", dropped)
        prop = tf["prop"] if self.scheme == "prop" else None
        return part("tf", tf["group"], tf["term"], np.zeros(len(tf)), tf["frequency"],
                    tf["docfreq"], prop)  # fmt: skip

    def doc_terms(self, tokens, vocabulary) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every distinct (document, type) pair of the counted tokens (punctuation and
        stopwords left out as in :meth:`term_counts`): document codes, norm codes and counts,
        sorted by type then document. They do not depend on the grouping: a chunk counted by
        two groupings (groups and periods) builds them once."""
        from scipy import sparse

        from analysis.text import fold

        norm_col = tokens["norm"]
        n_norms = len(norm_col.cat.categories)
        drop = np.zeros(n_norms, bool)
        if self.remove_punct:
            drop |= vocabulary.punct_mask()
        if self.stopwords:
            stop = frozenset(fold(w) for w in self.stopwords)
            drop |= vocabulary.norm_mask(("stopwords", stop), stop.__contains__)
        doc = np.asarray(tokens["doc_id"].array.codes, np.int64)
        norm = np.asarray(norm_col.array.codes, np.int64)
        keep = ~drop[norm]
        doc, norm = doc[keep], norm[keep]
        n_docs = len(tokens["doc_id"].cat.categories)
        # Documents x types counts as term_frequency builds them: tokens come in document
        # order, so the CSR index pointer is a bincount and the CSC transposition a counting
        # sort, which leaves duplicates adjacent (no sort of (document, type) pairs).
        if len(doc) and not bool(np.all(doc[1:] >= doc[:-1])):
            order = np.argsort(doc, kind="stable")
            doc, norm = doc[order], norm[order]
        indptr = np.zeros(n_docs + 1, np.int64)
        np.cumsum(np.bincount(doc, minlength=n_docs), out=indptr[1:])
        mat = sparse.csr_matrix(
            (np.ones(len(norm), np.int64), norm, indptr), shape=(n_docs, max(n_norms, 1))
        ).tocsc()
        mat.sum_duplicates()
        entry_norm = np.repeat(np.arange(mat.shape[1], dtype=np.int64), np.diff(mat.indptr))
        return np.asarray(mat.indices, np.int64), entry_norm, mat.data

    def term_counts(self, tokens, groups, vocabulary, doc_terms=None) -> pd.DataFrame:
        """The ``tf`` partial counted straight from the codes, with the punctuation and
        stopword masks of the carried vocabulary (computed once per norm, where
        ``term_frequency`` would test every type of the growing vocabulary in every chunk).
        The same counts as :meth:`_tf_part` (unigrams, without ``prop``). ``doc_terms``:
        :meth:`doc_terms` of ``tokens``, when the caller has them."""
        norms = tokens["norm"].cat.categories
        n_norms = len(norms)
        entry_doc, entry_norm, count = (
            self.doc_terms(tokens, vocabulary) if doc_terms is None else doc_terms
        )
        gcode = np.asarray(groups.codes, np.int64)
        n_groups = len(groups.labels)
        entry_group = gcode[entry_doc]
        kept = entry_group >= 0  # the documents a grouping leaves out (dropna)
        if not bool(kept.all()):
            entry_group, entry_norm, count = entry_group[kept], entry_norm[kept], count[kept]
        cell = entry_group * n_norms + entry_norm
        if n_groups * n_norms <= 1 << 23:
            size = n_groups * n_norms
            docfreq = np.bincount(cell, minlength=size)
            cells = np.flatnonzero(docfreq)
            freq = np.bincount(cell, weights=count, minlength=size)[cells]
            docfreq = docfreq[cells]
        else:
            cells, inverse = np.unique(cell, return_inverse=True)
            docfreq = np.bincount(inverse, minlength=len(cells))
            freq = np.bincount(inverse, weights=count, minlength=len(cells))
        labels = pd.Index(groups.labels, dtype=str)
        return part("tf", labels.take(cells // n_norms), norms.take(cells % n_norms),
                    np.zeros(len(cells)), freq, docfreq)  # fmt: skip

    def _themes(self, tokens, docs, grouped, ids, first, dropped):
        from analysis.themes import code_themes, theme_matrix

        hits = code_themes(tokens, self.codebook, docs=docs, scope=self.theme_scope)
        matrix = theme_matrix(
            hits,
            docs=grouped,
            tokens=tokens,
            codebook=self.codebook,
            by=None if self.by is None else _GROUP,
            unit=self.theme_unit,
            normalize=self.theme_normalize,
            level=self.theme_level,
        )
        unit = "doc_id" if self.by is None else "group"
        matrix = _without_dropped(matrix, unit, dropped)
        keys = matrix[unit].astype(str)
        # Per-document rows keep corpus order through ord; groups are ordered by the group table.
        ords = first + ids.get_indexer(keys) if self.by is None else np.zeros(len(matrix))
        denom = next((c for c in ("n_words", "n_sentences") if c in matrix), None)
        return hits, part(
            "theme", keys, matrix["theme"], ords, matrix["count"],
            None if denom is None else matrix[denom],
        )  # fmt: skip

    def _actor_parts(self, mentions, groups, ids, grouped, dropped) -> list[pd.DataFrame]:
        from analysis.networks import comention_edges

        doc = doc_positions(mentions["doc_id"], ids)
        code = np.where(doc >= 0, groups.codes[np.maximum(doc, 0)], -1)
        actor, actor_ids = pd.factorize(mentions["actor_id"].astype(str))
        keep = code >= 0
        n_a, n_d = max(len(actor_ids), 1), max(len(ids), 1)
        cells, cell_of = np.unique(code[keep] * n_a + actor[keep], return_inverse=True)
        n_mentions = np.bincount(cell_of, minlength=len(cells))
        in_docs = distinct(cell_of.astype(np.int64) * n_d + doc[keep]) // n_d
        docfreq = np.bincount(in_docs, minlength=len(cells))
        labels = np.asarray(groups.labels, dtype=object)
        out = [
            part("actor", labels[cells // n_a], np.asarray(actor_ids, dtype=object)[cells % n_a],
                 np.zeros(len(cells)), n_mentions, docfreq)
        ]  # fmt: skip
        edges = comention_edges(
            mentions, unit=self.edge_unit, by=None if self.by is None else _GROUP, docs=grouped
        )
        edges = _without_dropped(edges, "group", dropped)
        pair = edges["source"].astype(str) + _PAIR_SEP + edges["target"].astype(str)
        out.append(part("edge", edges["group"], pair, np.zeros(len(edges)), edges["weight"]))
        return out

    # ------------------------------------------------------------------ after the last chunk

    def finalize(self, combined: pd.DataFrame) -> dict[str, Any]:
        """The corpus-wide tables from the summed partials (``CorpusSummary``'s fields)."""
        tables = {
            str(name): t.reset_index(drop=True)
            for name, t in combined.groupby("table", sort=False, observed=True)
        }
        meta = tables.get("meta", empty_parts())
        labels, n_docs, n_words = self._group_table(tables.get("group", empty_parts()))
        out: dict[str, Any] = {
            "n_docs": int(int_counts(meta["v0"]).sum()),
            "n_tokens": int(int_counts(meta["v1"]).sum()),
        }
        t = tables.get("tf", empty_parts())
        term, types = pd.factorize(t["k1"])
        out["term_frequency"] = finish_term_frequency(
            _codes(t["k0"], labels), labels, term, pd.Index(types, dtype=str), int_counts(t["v0"]),
            int_counts(t["v1"]), scheme=self.scheme, n_docs=int(n_docs.sum()),
            prop=t["v2"].to_numpy() if self.scheme == "prop" else None, min_count=self.min_count,
        )  # fmt: skip
        if self.codebook is not None:
            out["theme_matrix"] = self._finish_themes(tables.get("theme", empty_parts()), labels)
        if self.actors is not None:
            a = tables.get("actor", empty_parts())
            ids = sorted(self.actors.ids)
            out["actor_counts"] = finish_actor_counts(
                _codes(a["k0"], labels), _codes(a["k1"], ids), labels, ids, int_counts(a["v0"]),
                int_counts(a["v1"]), n_docs, n_words=n_words, names=self.actors.names,
                types=self.actors.types, normalize=self.actor_normalize,
            )  # fmt: skip
            e = tables.get("edge", empty_parts())
            pairs = [p.partition(_PAIR_SEP) for p in e["k1"].astype(str)]
            out["comention_edges"] = finish_comention_edges(
                _codes(e["k0"], labels), labels, [p[0] for p in pairs], [p[2] for p in pairs],
                int_counts(e["v0"]),
            )  # fmt: skip
        return out

    def _group_table(self, g: pd.DataFrame) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Group labels in output order (by ord, then label), documents and words of each."""
        if self.by is None and not len(g):
            return [ALL], np.zeros(1, np.int64), np.zeros(1, np.int64)
        g = g.sort_values(["ord", "k0"], kind="stable")
        return g["k0"].astype(str).tolist(), int_counts(g["v0"]), int_counts(g["v1"])

    def _theme_layout(self) -> pd.DataFrame:
        """The themes and depths a theme_matrix row set has, from theme_matrix itself."""
        from analysis.themes import theme_matrix

        hits = pd.DataFrame(
            {"doc_id": pd.Series([], dtype=str), "key": pd.Series([], dtype=str),
             "sent": np.array([], np.int32)}
        )  # fmt: skip
        one = theme_matrix(
            hits,
            docs=pd.DataFrame({"doc_id": ["_"], "text": [""]}),
            codebook=self.codebook,
            unit=self.theme_unit,
            level=self.theme_level,
        )
        return one[["theme", "depth"]]

    def _finish_themes(self, t: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
        layout = self._theme_layout()
        units = labels
        if self.by is None:  # documents, in corpus order
            first = t.groupby("k0", sort=False)["ord"].min().sort_values(kind="stable")
            units = [str(u) for u in first.index]
        unit = _codes(t["k0"], units)
        denominators = None
        if self.theme_normalize is not None:
            denominators = np.zeros(len(units), np.int64)
            denominators[unit[unit >= 0]] = int_counts(t["v1"])[unit >= 0]
        themes = layout["theme"].tolist()
        return finish_theme_matrix(
            unit, units, _codes(t["k1"], themes), themes, layout["depth"].to_numpy(np.int64),
            counts=int_counts(t["v0"]), unit_column="doc_id" if self.by is None else "group",
            normalize=self.theme_normalize, denominators=denominators,
        )  # fmt: skip


def make_plan(codebook: Any, actors: Any, **options: Any) -> Plan:
    """Check the options, load the codebook and actor table once, and bundle them.

    Raises:
        ValueError: a bad option value (names the allowed ones).
        TypeError: ``by`` is not None, a str, a Series or a mapping; ``stopwords`` is a str.
    """
    check_choice("scheme", options["scheme"], get_args(TermScheme))
    check_choice("theme_unit", options["theme_unit"], get_args(ThemeUnit))
    check_choice("normalize", options["theme_normalize"], (None, *get_args(ThemeNormalize)))
    check_choice("actor_normalize", options["actor_normalize"], (None, *get_args(ActorNormalize)))
    check_choice("theme_scope", options["theme_scope"], get_args(ThemeScope))
    check_choice("line_breaks", options["line_breaks"], get_args(LineBreaks))
    check_choice("edge_unit", options["edge_unit"], get_args(EdgeUnit))
    by = options.get("by")
    if isinstance(by, pd.Series | Mapping):
        # Once here instead of once per chunk: unique str doc_ids, the first value of a repeat.
        lookup = by if isinstance(by, pd.Series) else pd.Series(dict(by), dtype=object)
        lookup = lookup[~pd.Index(lookup.index).duplicated(keep="first")]
        options["by"] = lookup.set_axis(pd.Index(lookup.index).astype(str))
    elif by is not None and not isinstance(by, str):
        group_docs(pd.Index([]), by, None)  # raises the grouping rule's TypeError
    if codebook is not None:
        from analysis.themes import Codebook, load_codebook

        if not isinstance(codebook, Codebook):
            codebook = load_codebook(codebook)
    if actors is not None:
        from analysis.actors import Actors, load_actors

        if not isinstance(actors, Actors):
            actors = load_actors(actors)
    stopwords = options.get("stopwords")
    if stopwords is not None:
        if isinstance(stopwords, str):
            raise TypeError("stopwords must be a collection of words, not a single string")
        options["stopwords"] = frozenset(stopwords)
    plan = Plan(codebook=codebook, actors=actors, **options)
    _precompile(plan)
    return plan


def _precompile(plan: Plan) -> None:
    """Compile the pattern sets now, so that chunks (and Dask workers, which receive the plan
    pickled) reuse them instead of compiling their own. Both objects cache what they compile;
    the per-vocabulary expansions are dropped when a pattern set is pickled."""
    cb, act = plan.codebook, plan.actors
    if cb is not None:
        cb.pattern_set("include", plan.theme_scope)
        cb.pattern_set("exclude")
    if act is not None:
        act.compile(fold_case=True, fold_diacritics=True)
