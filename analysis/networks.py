"""Co-mention networks and actor × theme tables.

Two actors are co-mentioned when both are mentioned in the same unit (sentence or document).
:func:`comention_edges` counts, for every pair, the units that mention both (so an actor named
three times in a sentence with another still adds 1); :func:`plot_comention_network` draws the
result with a seeded spring layout; :func:`actor_theme_matrix` crosses actor mentions with
theme hits in the same unit.
"""

from __future__ import annotations

import textwrap
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis._aggregate import distinct
from analysis._aggregate_finish import finish_comention_edges
from analysis._checks import check_choice, require_columns
from analysis._groups import By, corpus_ids, group_docs
from analysis.schema import conform, empty_table

__all__ = ["comention_edges", "plot_comention_network", "actor_theme_matrix"]

#: Actors drawn at most in a co-mention network (the most mentioned; the title says so).
MAX_NODES = 30

Unit = Literal["sentence", "doc"]
_UNITS = get_args(Unit)


def _text_codes(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes of ``values`` as text (``astype(str)``), numbered in sorted text order, and the
    texts; each distinct value is converted once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    texts = pd.Index(uniques).astype(str)
    names = sorted(set(texts))
    return pd.Index(names).get_indexer(texts)[codes].astype(np.int64), names


def _unit_codes(tables: list[pd.DataFrame], unit: str) -> tuple[list[np.ndarray], list[str], int]:
    """The unit of each row of each table as one integer (document number * width + sentence
    number), numbered alike across the tables; the doc_ids (text) in document-number order;
    the width (the document of unit ``u`` is ``names[u // width]``)."""
    coded = [_text_codes(t["doc_id"]) for t in tables]
    names = sorted(set().union(*(n for _, n in coded)))
    index = pd.Index(names)
    docs = [index.get_indexer(pd.Index(n))[c] if len(c) else c for c, n in coded]
    if unit != "sentence":
        return docs, names, 1
    sents = [t["sent"].to_numpy().astype(np.int64) for t in tables]
    low = min((int(s.min()) for s in sents if len(s)), default=0)
    width = max((int(s.max()) for s in sents if len(s)), default=0) - low + 1
    return [d * width + (s - low) for d, s in zip(docs, sents, strict=True)], names, width


def _distinct_counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct integers of ``values``, sorted, and how often each occurs."""
    values = np.sort(np.asarray(values, np.int64))
    if not len(values):
        return values, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts], np.diff(np.r_[starts, len(values)]).astype(np.int64)


def comention_edges(
    mentions: pd.DataFrame,
    *,
    unit: Unit = "sentence",
    by: By = None,
    docs: pd.DataFrame | None = None,
    dropna: bool = False,
) -> pd.DataFrame:
    """Undirected co-mention edges between actors, one network per group of documents.

    One group ``"all"`` by default, one per document with ``by="doc_id"``, or one per value of
    a document variable or of a ``doc_id`` -> group mapping, in sorted (or category) order; a
    document without a group value is an error unless ``dropna=True`` leaves it out (see the
    grouping rule, :mod:`analysis._groups`).

    Args:
        mentions: from :func:`analysis.actors.find_mentions` (``doc_id, sent, actor_id``).
        unit: ``"sentence"`` (both named in one sentence) or ``"doc"`` (in one document).
        by: ``None``, ``"doc_id"``, a column of ``docs`` (e.g. ``"outlet"``), or a Series/dict
            ``doc_id`` -> group.
        docs: the docs table, needed when ``by`` names a column (its ``doc_id`` must cover
            every document of ``mentions``).
        dropna: leave out documents whose group value is missing instead of raising.

    Returns:
        One row per pair and group: ``source``, ``target`` (str, actor ids,
        ``source < target``), ``weight`` (int64, number of units mentioning both), ``group``
        (str, the group label, ``"all"`` without ``by``). Sorted by group (in the order of the
        grouping rule), ``weight`` descending, ``source``, ``target``, so the same input
        always gives the same table.

    Raises:
        ValueError: a bad ``unit``, missing columns, ``by`` naming no column of ``docs`` (or
            without ``docs``), mentions of documents missing from ``docs``, or a document
            without a group value (and ``dropna`` is False).
        TypeError: a bad ``by``.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["d1"] * 3, "sent": [1, 1, 2],
        ...                   "actor_id": ["china", "asean", "china"]})
        >>> comention_edges(m).values.tolist()
        [['asean', 'china', 1, 'all']]
    """
    check_choice("unit", unit, _UNITS)
    require_columns(mentions, ["doc_id", "sent", "actor_id"], "mentions")
    corpus = corpus_ids(mentions["doc_id"], docs)
    (unit_of,), doc_names, width = _unit_codes([mentions], unit)
    missing = sorted(set(doc_names) - set(corpus))
    if missing:
        raise ValueError(f"mentions of document(s) not in docs: {', '.join(missing[:10])}")
    groups = group_docs(corpus, by, docs, dropna=dropna)
    actor, actor_names = _text_codes(mentions["actor_id"])
    n_actors = max(len(actor_names), 1)
    # The distinct (unit, actor) of each kept group as integers; the unit's group rides along.
    group_of_doc = groups.of(doc_names)
    unit_group = group_of_doc[unit_of // width]
    kept = unit_group >= 0
    keys = distinct(unit_of[kept] * n_actors + actor[kept])
    u, a = np.divmod(keys, n_actors)
    within = pd.DataFrame({"u": u, "a": a})
    pairs = within.merge(within, on="u", suffixes=("_s", "_t"))
    pairs = pairs[pairs["a_s"] < pairs["a_t"]]  # codes follow the text order of the ids
    g = group_of_doc[pairs["u"].to_numpy() // width]
    cell = _distinct_counts((g * n_actors + pairs["a_s"].to_numpy()) * n_actors
                            + pairs["a_t"].to_numpy())  # fmt: skip
    rest, target = np.divmod(cell[0], n_actors)
    group, source = np.divmod(rest, n_actors)
    names = np.asarray(actor_names, dtype=object)
    return finish_comention_edges(group, groups.labels, names[source], names[target], cell[1])


def plot_comention_network(
    edges: pd.DataFrame,
    actors: pd.DataFrame | object | None = None,
    *,
    ax=None,
    seed: int = 0,
    group: str | None = None,
    min_weight: int = 1,
    max_nodes: int | None = MAX_NODES,
):
    """Draw a co-mention network (networkx spring layout with a fixed seed: reproducible).

    With more than ``max_nodes`` actors only the ``max_nodes`` most mentioned (or, without
    counts, those with the largest weighted degree) are drawn, with the edges among them, and
    the title says so: a hundred labelled nodes are a hairball.

    Args:
        edges: from :func:`comention_edges`.
        actors: optional node information: an :func:`analysis.actors.actor_counts` table
            (``actor_id``, ``mentions`` and optionally ``name``; node size by mentions, label by
            name; with several groups the counts are summed unless ``group`` picks one) or an
            :class:`analysis.actor_table.Actors` table (labels by name). Without counts, node size
            follows the weighted degree.
        ax: a matplotlib Axes to draw on (default: a new figure).
        seed: seed of the spring layout; the same seed gives the same picture.
        group: which group of ``edges`` to draw when there are several.
        min_weight: leave out edges lighter than this.
        max_nodes: most actors drawn (None: all).

    Returns:
        The matplotlib Figure. Edge width grows with ``weight``.

    Raises:
        ValueError: ``edges`` has several groups and ``group`` is not given, or an unknown group;
            ``max_nodes`` below 1.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["d1"] * 3, "sent": [1, 1, 1],
        ...                   "actor_id": ["china", "asean", "china"]})
        >>> fig = plot_comention_network(comention_edges(m), actor_counts(m), seed=1)
        >>> sorted(t.get_text() for t in fig.axes[0].texts)
        ['asean', 'china']
        >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt
    import networkx as nx

    require_columns(edges, ["source", "target", "weight"], "edges", "make it with comention_edges")
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes={max_nodes!r} must be at least 1 (or None: every actor)")
    e = edges
    if "group" in e.columns:
        groups = sorted(set(e["group"].astype(str)))
        if group is None and len(groups) > 1:
            raise ValueError(f"edges has several groups; pass group= one of {', '.join(groups)}")
        if group is not None:
            if group not in groups:
                raise ValueError(f"group={group!r} is not in edges (has: {', '.join(groups)})")
            e = e[e["group"].astype(str) == group]
    e = e[e["weight"] >= min_weight]
    g = nx.Graph()
    names: dict[str, str] = {}
    sizes: dict[str, float] = {}
    if actors is not None and hasattr(actors, "names") and hasattr(actors, "table"):
        names = dict(actors.names)
    elif isinstance(actors, pd.DataFrame):
        require_columns(actors, ["actor_id"], "actors")
        a = actors
        if group is not None and "group" in a.columns and (a["group"].astype(str) == group).any():
            a = a[a["group"].astype(str) == group]
        if "name" in a.columns:
            names = dict(zip(a["actor_id"].astype(str), a["name"].astype(str), strict=True))
        if "mentions" in a.columns:
            sizes = a.groupby(a["actor_id"].astype(str))["mentions"].sum().astype(float).to_dict()
        g.add_nodes_from(sorted(k for k, v in sizes.items() if v > 0))
    for s, t, w in sorted(
        zip(e["source"].astype(str), e["target"].astype(str), e["weight"], strict=True)
    ):
        g.add_edge(s, t, weight=float(w))
    nodes = sorted(g.nodes)
    shown_note = None
    if max_nodes is not None and len(nodes) > max_nodes:
        weight = sizes or {n: float(d) for n, d in g.degree(weight="weight")}
        ranked = sorted(nodes, key=lambda n: (-weight.get(n, 0.0), n))
        shown_note = (f"the {max_nodes} of {len(nodes)} actors with the most "
                      + ("mentions" if sizes else "co-mentions"))  # fmt: skip
        nodes = sorted(ranked[:max_nodes])
        # Not g.subgraph(nodes): its view walks a set of nodes, so each edge's (u, v) order and
        # with it the drawing order of the edges changed with the string hash seed of the run.
        kept = set(nodes)
        g = nx.Graph((u, v, d) for u, v, d in g.edges(data=True) if u in kept and v in kept)
    h = nx.Graph()
    h.add_nodes_from(nodes)
    h.add_edges_from(sorted(g.edges(data=True)))
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 6))
    else:
        fig = ax.figure
    ax.set_axis_off()
    if not nodes:
        ax.text(0.5, 0.5, "no co-mentions", ha="center", va="center")
        return fig
    pos = nx.spring_layout(h, seed=seed, weight="weight")
    if not sizes:
        sizes = {n: float(d) for n, d in h.degree(weight="weight")}
    vals = np.array([sizes.get(n, 0.0) for n in nodes])
    top = vals.max() if len(vals) and vals.max() > 0 else 1.0
    node_size = 200 + 1800 * vals / top
    heaviest = max((w for *_, w in h.edges(data="weight")), default=1)  # once, not per edge
    widths = [0.5 + 4.5 * d["weight"] / heaviest for *_, d in h.edges(data=True)]
    nx.draw_networkx_edges(h, pos, ax=ax, width=widths, alpha=0.5, edge_color="#555555")
    nx.draw_networkx_nodes(
        h, pos, ax=ax, nodelist=nodes, node_size=node_size, node_color="#4C72B0", alpha=0.85
    )
    labels = {n: textwrap.fill(names.get(n, n), 22) for n in nodes}
    nx.draw_networkx_labels(h, pos, ax=ax, labels=labels, font_size=8)
    ax.margins(0.15)  # room for labels of nodes at the edge
    if shown_note:
        ax.set_title(f"({shown_note})", fontsize=9)
    return fig


def actor_theme_matrix(
    mentions: pd.DataFrame, hits: pd.DataFrame, *, unit: Unit = "sentence"
) -> pd.DataFrame:
    """How often each actor is mentioned in the same unit as each theme.

    Args:
        mentions: from :func:`analysis.actors.find_mentions` (``doc_id, sent, actor_id``).
        hits: theme hits (``doc_id, sent, key``; ``key`` is the theme).
        unit: ``"sentence"`` or ``"doc"``.

    Returns:
        One row per actor and theme that share at least one unit: ``actor_id``, ``theme``
        (str), ``count`` (int64, number of units with both), sorted by ``actor_id`` and
        ``theme``. Pivot with
        ``.pivot(index="actor_id", columns="theme", values="count").fillna(0)`` for a matrix.

    Raises:
        ValueError: a bad ``unit`` or missing columns.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["d1", "d1"], "sent": [1, 2], "actor_id": ["cn", "vn"]})
        >>> hits = pd.DataFrame({"doc_id": ["d1"], "sent": [2], "key": ["trade"]})
        >>> actor_theme_matrix(m, hits).values.tolist()
        [['vn', 'trade', 1]]
        >>> actor_theme_matrix(m, hits, unit="doc").values.tolist()
        [['cn', 'trade', 1], ['vn', 'trade', 1]]
    """
    check_choice("unit", unit, _UNITS)
    require_columns(mentions, ["doc_id", "sent", "actor_id"], "mentions")
    require_columns(hits, ["doc_id", "sent", "key"], "hits")
    (m_unit, h_unit), _, _ = _unit_codes([mentions, hits], unit)
    actor, actor_names = _text_codes(mentions["actor_id"])
    theme, theme_names = _text_codes(hits["key"])
    n_a, n_t = max(len(actor_names), 1), max(len(theme_names), 1)
    # Distinct (unit, actor) and (unit, theme) as integers, joined on the unit.
    mu, a = np.divmod(distinct(m_unit * n_a + actor), n_a)
    hu, t = np.divmod(distinct(h_unit * n_t + theme), n_t)
    both = pd.DataFrame({"u": mu, "a": a}).merge(pd.DataFrame({"u": hu, "t": t}), on="u")
    cell, count = _distinct_counts(both["a"].to_numpy() * n_t + both["t"].to_numpy())
    if not len(cell):
        return empty_table("actor_theme_matrix")
    a, t = np.divmod(cell, n_t)  # in (actor_id, theme) text order: codes follow it
    out = pd.DataFrame(
        {
            "actor_id": np.asarray(actor_names, dtype=object)[a],
            "theme": np.asarray(theme_names, dtype=object)[t],
            "count": count,
        }
    )
    return conform(out, "actor_theme_matrix")
