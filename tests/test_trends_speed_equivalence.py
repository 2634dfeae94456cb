"""The fast (integer-code) paths of trend, theme_cooccurrence, comention_edges and
actor_theme_matrix give what a plain pandas reference gives, on small hand-checkable tables and
on random ones; the co-mention plot keeps at most ``max_nodes`` actors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.networks import actor_theme_matrix, comention_edges, plot_comention_network
from analysis.themes import theme_cooccurrence
from analysis.trends import period_range, resolve_period, trend

# ------------------------------------------------------------------ plain references


def _reference_trend(table: pd.DataFrame, docs: pd.DataFrame, by: str, key: str,
                     keys: list[str] | None = None) -> pd.DataFrame:  # fmt: skip
    """Rows, documents with a row and documents per (period, key): string maps and groupby."""
    from analysis.dates import period_of

    doc_period = pd.Series(
        period_of(docs["date"], by).to_numpy(),  # type: ignore[arg-type]
        index=docs["doc_id"].astype(str),
    ).dropna()
    labels = period_range(docs["date"], by)
    rows = pd.DataFrame({"doc_id": table["doc_id"].astype(str), "key": table[key].astype(str)})
    rows["period"] = rows["doc_id"].map(doc_period)
    rows = rows.dropna(subset=["period"])
    order = list(keys) if keys is not None else sorted(rows["key"].unique())
    out = []
    for p in labels:
        n_docs = int((doc_period == p).sum())
        for k in order:
            mine = rows[(rows["period"] == p) & (rows["key"] == k)]
            out.append({"period": p, "key": k, "count": len(mine),
                        "docfreq": mine["doc_id"].nunique(), "n_docs": n_docs})  # fmt: skip
    return pd.DataFrame(out, columns=["period", "key", "count", "docfreq", "n_docs"])


def _reference_edges(mentions: pd.DataFrame, unit: str) -> dict[tuple[str, str], int]:
    """Units naming both actors, per pair (source < target), with Python sets."""
    units: dict[tuple[str, int], set[str]] = {}
    for d, s, a in zip(mentions["doc_id"], mentions["sent"], mentions["actor_id"], strict=True):
        units.setdefault((str(d), int(s) if unit == "sentence" else 0), set()).add(str(a))
    pairs: dict[tuple[str, str], int] = {}
    for actors in units.values():
        for x in actors:
            for y in actors:
                if x < y:
                    pairs[(x, y)] = pairs.get((x, y), 0) + 1
    return pairs


def _reference_actor_theme(mentions: pd.DataFrame, hits: pd.DataFrame, unit: str) -> dict:
    def unit_of(d: object, s: object) -> tuple[str, int]:
        return (str(d), int(s) if unit == "sentence" else 0)  # type: ignore[call-overload]

    actors: dict[tuple[str, int], set[str]] = {}
    themes: dict[tuple[str, int], set[str]] = {}
    for d, s, a in zip(mentions["doc_id"], mentions["sent"], mentions["actor_id"], strict=True):
        actors.setdefault(unit_of(d, s), set()).add(str(a))
    for d, s, t in zip(hits["doc_id"], hits["sent"], hits["key"], strict=True):
        themes.setdefault(unit_of(d, s), set()).add(str(t))
    out: dict[tuple[str, str], int] = {}
    for u, names in actors.items():
        for a in names:
            for t in themes.get(u, ()):
                out[(a, t)] = out.get((a, t), 0) + 1
    return out


# ------------------------------------------------------------------ hand-checked values


def _docs() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["d1", "d2", "d3", "d4", "d5"],
        "date": ["2023-01-05", "2023-01-20", "2023-03-01", None, "2023-03-31T23:00:00"],
    })  # fmt: skip


def test_trend_counts_rows_documents_and_zero_cells_by_hand() -> None:
    hits = pd.DataFrame({
        "doc_id": ["d1", "d1", "d2", "d3", "d4", "d5", "d5"],
        "theme": ["crime", "crime", "trade", "crime", "crime", "trade", "trade"],
    })  # fmt: skip
    out = trend(hits, docs=_docs(), by="month", keys=["crime", "trade", "unused"], dropna=True)
    # January: d1 (crime x2), d2 (trade); February: nothing; March: d3 (crime), d5 (trade x2).
    # d4 has no date and is left out.
    assert out[["period", "key", "count", "docfreq", "n_docs"]].values.tolist() == [
        ["2023-01", "crime", 2, 1, 2], ["2023-01", "trade", 1, 1, 2], ["2023-01", "unused", 0, 0, 2],
        ["2023-02", "crime", 0, 0, 0], ["2023-02", "trade", 0, 0, 0], ["2023-02", "unused", 0, 0, 0],
        ["2023-03", "crime", 1, 1, 2], ["2023-03", "trade", 2, 1, 2], ["2023-03", "unused", 0, 0, 2],
    ]  # fmt: skip
    assert out["count"].dtype == "int64" and out["docfreq"].dtype == "int64"
    assert out["share"].tolist()[:2] == [0.5, 0.5] and np.isnan(out["share"].iloc[3])
    # Without keys: the keys of the dated rows, sorted; a key seen only in an undated document
    # is not listed.
    only_undated = pd.concat([hits, pd.DataFrame({"doc_id": ["d4"], "theme": ["zzz"]})])
    assert trend(only_undated, docs=_docs(), by="quarter", dropna=True)["key"].tolist() == [
        "crime", "trade",
    ]  # fmt: skip


def test_trend_names_unknown_and_repeated_documents() -> None:
    hits = pd.DataFrame({"doc_id": ["d1", "x9", "x8", "x9"], "theme": ["crime"] * 4})
    with pytest.raises(ValueError, match="rows name documents not in docs: x9, x8"):
        trend(hits, docs=_docs(), by="month", dropna=True)
    twice = pd.concat([_docs(), _docs().iloc[[0]]])
    with pytest.raises(ValueError, match="occur more than once in docs: d1"):
        trend(hits.iloc[:1], docs=twice, by="month", dropna=True)


def test_periods_are_computed_once_per_distinct_date_with_the_same_labels() -> None:
    dates = pd.Series(["2023-01-05", None, "2023-01-05", " ", "2023-12-31", "2023-01-05"])
    assert resolve_period(dates) == "month"
    assert period_range(dates, "quarter") == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]


def test_cooccurrence_by_hand() -> None:
    hits = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d1", "d2", "d2"],
        "sent": [0, 0, 0, 1, 0, 0],
        "key": ["crime", "trade", "crime", "crime", "trade", "crime"],
    })  # fmt: skip
    # Sentences: d1/0 {crime, trade}, d1/1 {crime}, d2/0 {trade, crime}.
    co = theme_cooccurrence(hits)
    assert co.values.tolist() == [["crime", "trade", 2, 3, 2, 2 / 3]]
    # Documents: d1 {crime, trade}, d2 {crime, trade}.
    assert theme_cooccurrence(hits, unit="doc").values.tolist() == [
        ["crime", "trade", 2, 2, 2, 1.0]
    ]


def test_edges_and_actor_theme_by_hand() -> None:
    mentions = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d1", "d2", "d2"],
        "sent": [0, 0, 0, 1, 3, 3],
        "actor_id": ["vn", "cn", "vn", "cn", "cn", "asean"],
    })  # fmt: skip
    # Sentences: d1/0 {cn, vn}, d1/1 {cn}, d2/3 {asean, cn}.
    assert comention_edges(mentions).values.tolist() == [
        ["asean", "cn", 1, "all"], ["cn", "vn", 1, "all"],
    ]  # fmt: skip
    # Documents: d1 {cn, vn}, d2 {asean, cn}: the same pairs, once each.
    assert comention_edges(mentions, unit="doc")["weight"].tolist() == [1, 1]
    hits = pd.DataFrame({"doc_id": ["d1", "d2", "d2"], "sent": [0, 3, 0],
                         "key": ["crime", "trade", "crime"]})  # fmt: skip
    assert actor_theme_matrix(mentions, hits).values.tolist() == [
        ["asean", "trade", 1], ["cn", "crime", 1], ["cn", "trade", 1], ["vn", "crime", 1],
    ]  # fmt: skip
    assert actor_theme_matrix(mentions, hits, unit="doc").values.tolist() == [
        ["asean", "crime", 1], ["asean", "trade", 1], ["cn", "crime", 2], ["cn", "trade", 1],
        ["vn", "crime", 1],
    ]  # fmt: skip


def test_network_plot_keeps_the_most_mentioned_actors() -> None:
    import matplotlib.pyplot as plt

    mentions = pd.DataFrame({
        "doc_id": ["d1"] * 6, "sent": [0, 0, 0, 0, 1, 1],
        "actor_id": ["a", "b", "c", "d", "a", "b"],
    })  # fmt: skip
    counts = pd.DataFrame({"actor_id": ["a", "b", "c", "d"], "mentions": [2, 2, 1, 1]})
    edges = comention_edges(mentions)
    fig = plot_comention_network(edges, counts, max_nodes=2)
    ax = fig.axes[0]
    assert sorted(t.get_text() for t in ax.texts) == ["a", "b"]
    assert ax.get_title() == "(the 2 of 4 actors with the most mentions)"
    plt.close(fig)
    fig = plot_comention_network(edges, counts, max_nodes=None)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["a", "b", "c", "d"]
    assert fig.axes[0].get_title() == ""
    plt.close(fig)
    with pytest.raises(ValueError, match="max_nodes=0 must be at least 1"):
        plot_comention_network(edges, counts, max_nodes=0)


# ------------------------------------------------------------------ random tables


@pytest.mark.parametrize(
    "seed",
    # five seeds in the default run; all twenty in CI's slow run
    [s if s < 5 else pytest.param(s, marks=pytest.mark.slow) for s in range(20)],
)
def test_fast_paths_equal_the_references_on_random_tables(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_docs = int(rng.integers(1, 8))
    docs = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n_docs)],
        "date": rng.choice(["2023-01-02", "2023-02-10", "2023-04-30", None], n_docs).tolist(),
    })  # fmt: skip
    docs.loc[0, "date"] = "2023-01-01"  # at least one date
    n = int(rng.integers(0, 40))
    doc_ids = rng.choice(docs["doc_id"].to_numpy(), n)
    table = pd.DataFrame({
        "doc_id": doc_ids, "sent": rng.integers(0, 3, n),
        "actor_id": rng.choice(["b", "a", "C", "é", "aa"], n),
        "key": rng.choice(["t1", "t2", "T"], n),
    })  # fmt: skip
    for by in ("day", "week", "month"):
        got = trend(table, docs=docs, key="actor_id", by=by, dropna=True)
        want = _reference_trend(table, docs, by, "actor_id")
        pd.testing.assert_frame_equal(got[list(want.columns)].astype(want.dtypes.to_dict()),
                                      want, check_dtype=False)  # fmt: skip
        keys = ["t2", "x", "t1"]
        got = trend(table, docs=docs, key="key", keys=keys, by=by, dropna=True)
        want = _reference_trend(table, docs, by, "key", keys)
        assert got[list(want.columns)].values.tolist() == want.values.tolist()
    for unit in ("sentence", "doc"):
        edges = comention_edges(table, unit=unit)  # type: ignore[arg-type]
        got = {(s, t): w for s, t, w in zip(edges["source"], edges["target"], edges["weight"],
                                            strict=True)}  # fmt: skip
        assert got == _reference_edges(table, unit)
        at = actor_theme_matrix(table, table.sample(frac=1.0, random_state=seed), unit=unit)  # type: ignore[arg-type]
        got = {(a, t): c for a, t, c in zip(at["actor_id"], at["theme"], at["count"], strict=True)}
        assert got == _reference_actor_theme(table, table, unit)
        assert list(zip(at["actor_id"], at["theme"], strict=True)) == sorted(got)


def test_trend_chart_shared_axis_reaches_the_largest_panel_and_labels_the_bottom_row() -> None:
    from analysis.plots import trend_chart

    # Panel "a" peaks at 2, panel "e" at 50: the shared axis must reach 50 (it used to freeze
    # at the first panel's top). Five panels in a 2 x 3 grid: periods are labelled under the
    # lowest panel of each column ("c" has no panel below it).
    t = pd.DataFrame({
        "period": ["2023-01", "2023-02"] * 5,
        "key": [k for k in "abcde" for _ in range(2)],
        "count": [1, 2, 3, 4, 5, 6, 7, 8, 9, 50],
    })  # fmt: skip
    fig = trend_chart(t, y="count")
    assert fig.axes[0].get_ylim()[0] == 0 and fig.axes[0].get_ylim()[1] >= 50
    # A panel above another draws its period tick marks without labels (plots.trend_chart).
    labelled = [ax.get_title() for ax in fig.axes if ax.get_visible()
                and any(t.get_text() for t in ax.get_xticklabels())]  # fmt: skip
    assert labelled == ["c", "d", "e"]
