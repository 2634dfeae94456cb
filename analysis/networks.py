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

from analysis._aggregate import finish_comention_edges
from analysis._checks import check_choice, require_columns
from analysis._groups import By, corpus_ids, group_docs
from analysis.schema import conform, empty_table

__all__ = ["comention_edges", "plot_comention_network", "actor_theme_matrix"]

Unit = Literal["sentence", "doc"]
_UNITS = get_args(Unit)


def _units(table: pd.DataFrame, unit: str) -> pd.DataFrame:
    out = pd.DataFrame({"doc_id": table["doc_id"].astype(str).to_numpy()})
    out["sent"] = table["sent"].to_numpy().astype(np.int64) if unit == "sentence" else 0
    return out


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
    u = _units(mentions, unit)
    missing = sorted(set(pd.unique(u["doc_id"])) - set(corpus))
    if missing:
        raise ValueError(f"mentions of document(s) not in docs: {', '.join(missing[:10])}")
    groups = group_docs(corpus, by, docs, dropna=dropna)
    u["actor_id"] = mentions["actor_id"].astype(str).to_numpy()
    u["group"] = groups.of(u["doc_id"])  # codes, so that sorting follows the grouping rule
    u = u[u["group"] >= 0].drop_duplicates()
    pairs = u.merge(u, on=["group", "doc_id", "sent"], suffixes=("_s", "_t"))
    pairs = pairs[pairs["actor_id_s"] < pairs["actor_id_t"]]
    edges = pairs.groupby(["group", "actor_id_s", "actor_id_t"], sort=False).size()
    edges = edges.reset_index(name="weight")
    return finish_comention_edges(
        edges["group"].to_numpy(), groups.labels, edges["actor_id_s"].to_numpy(dtype=object),
        edges["actor_id_t"].to_numpy(dtype=object), edges["weight"].to_numpy(),
    )  # fmt: skip


def plot_comention_network(
    edges: pd.DataFrame,
    actors: pd.DataFrame | object | None = None,
    *,
    ax=None,
    seed: int = 0,
    group: str | None = None,
    min_weight: int = 1,
):
    """Draw a co-mention network (networkx spring layout with a fixed seed: reproducible).

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

    Returns:
        The matplotlib Figure. Edge width grows with ``weight``.

    Raises:
        ValueError: ``edges`` has several groups and ``group`` is not given, or an unknown group.

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
    mu = _units(mentions, unit)
    mu["actor_id"] = mentions["actor_id"].astype(str).to_numpy()
    hu = _units(hits, unit)
    hu["theme"] = hits["key"].astype(str).to_numpy()
    both = mu.drop_duplicates().merge(hu.drop_duplicates(), on=["doc_id", "sent"])
    out = both.groupby(["actor_id", "theme"]).size().rename("count").reset_index()
    if out.empty:
        return empty_table("actor_theme_matrix")
    out = out.sort_values(["actor_id", "theme"], kind="stable").reset_index(drop=True)
    return conform(out, "actor_theme_matrix")
