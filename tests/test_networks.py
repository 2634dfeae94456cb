"""Co-mention edges, the network plot, and actor × theme tables."""

import io
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from analysis.actors import actor_counts, find_mentions, load_actors
from analysis.networks import actor_theme_matrix, comention_edges, plot_comention_network
from analysis.schema import check_table

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]

# Two documents; d1 sentence 1 names china twice (counts once per unit).
MENTIONS = pd.DataFrame(
    {
        "doc_id": ["d1", "d1", "d1", "d1", "d1", "d2", "d2"],
        "sent": [1, 1, 1, 2, 2, 1, 2],
        "actor_id": ["china", "asean", "china", "vietnam", "china", "asean", "vietnam"],
    }
)
DOCS = pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["", ""], "outlet": ["A", "B"]})


def test_sentence_edges_count_units_not_mention_products() -> None:
    # d1 s1: {china, asean}; d1 s2: {vietnam, china}; d2 sentences have one actor each.
    assert comention_edges(MENTIONS).values.tolist() == [
        ["asean", "china", 1, "all"],
        ["china", "vietnam", 1, "all"],
    ]


def test_doc_edges_and_groups() -> None:
    # d1: {china, asean, vietnam} -> 3 pairs; d2: {asean, vietnam}
    assert comention_edges(MENTIONS, unit="doc").values.tolist() == [
        ["asean", "vietnam", 2, "all"],
        ["asean", "china", 1, "all"],
        ["china", "vietnam", 1, "all"],
    ]
    assert comention_edges(MENTIONS, unit="doc", by="outlet", docs=DOCS).values.tolist() == [
        ["asean", "china", 1, "A"],
        ["asean", "vietnam", 1, "A"],
        ["china", "vietnam", 1, "A"],
        ["asean", "vietnam", 1, "B"],
    ]


def test_edges_are_deterministic_whatever_the_row_order() -> None:
    shuffled = MENTIONS.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(
        comention_edges(shuffled, unit="doc"), comention_edges(MENTIONS, unit="doc")
    )


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"unit": "paragraph"}, "unit='paragraph' is not allowed; choose one of 'sentence', 'doc'"),
        ({"by": "outlet"}, "by='outlet' names a document variable: pass the docs table as docs="),
        ({"by": "nope", "docs": DOCS}, "by='nope' must be a column of docs"),
        ({"by": "outlet", "docs": DOCS.iloc[:1]}, "mentions of document.s. not in docs: d2"),
    ],
)
def test_comention_bad_options(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        comention_edges(MENTIONS, **kwargs)


def test_comention_missing_group_value_is_an_error_unless_dropna() -> None:
    docs = DOCS.assign(outlet=["A", None])
    with pytest.raises(ValueError, match=r"docs\['outlet'\] has no group value for doc_id\(s\) d2"):
        comention_edges(MENTIONS, unit="doc", by="outlet", docs=docs)
    # d2 left out: only d1's three pairs remain
    assert comention_edges(MENTIONS, unit="doc", by="outlet", docs=docs, dropna=True)[
        ["source", "target", "weight", "group"]
    ].values.tolist() == [
        ["asean", "china", 1, "A"],
        ["asean", "vietnam", 1, "A"],
        ["china", "vietnam", 1, "A"],
    ]


def test_comention_groups_by_mapping_in_category_and_corpus_order() -> None:
    by_doc = [["asean", "china", 1, "d1"], ["asean", "vietnam", 1, "d1"],
              ["china", "vietnam", 1, "d1"], ["asean", "vietnam", 1, "d2"]]  # fmt: skip
    assert comention_edges(MENTIONS, unit="doc", by={"d1": "x", "d2": "x"}).values.tolist() == [
        ["asean", "vietnam", 2, "x"], ["asean", "china", 1, "x"], ["china", "vietnam", 1, "x"],
    ]  # fmt: skip
    assert comention_edges(MENTIONS, unit="doc", by="doc_id").values.tolist() == by_doc
    # corpus order of docs, not sorted labels: d2 first
    got = comention_edges(MENTIONS, unit="doc", by="doc_id", docs=DOCS.iloc[::-1])
    assert got.values.tolist() == by_doc[3:] + by_doc[:3]
    docs = DOCS.assign(outlet=pd.Categorical(["A", "B"], categories=["B", "A"]))
    got = comention_edges(MENTIONS, unit="doc", by="outlet", docs=docs)
    assert got["group"].tolist() == ["B", "A", "A", "A"]
    got = comention_edges(MENTIONS, unit="doc", by=pd.Series({"d1": "b", "d2": "a"}))
    assert got["group"].tolist() == ["a", "b", "b", "b"]


def test_network_tables_follow_the_schema_also_when_empty() -> None:
    check_table(comention_edges(MENTIONS), "comention_edges")
    empty = comention_edges(MENTIONS.iloc[:1])
    assert empty.empty and list(empty.columns) == ["source", "target", "weight", "group"]
    check_table(empty, "comention_edges")
    hits = pd.DataFrame({"doc_id": ["d1"], "sent": [2], "key": ["crime"]})
    check_table(actor_theme_matrix(MENTIONS, hits), "actor_theme_matrix")
    empty = actor_theme_matrix(MENTIONS, hits.assign(doc_id="d9"))
    assert empty.empty and list(empty.columns) == ["actor_id", "theme", "count"]
    check_table(empty, "actor_theme_matrix")


def test_sample_sentence_network_per_outlet(sample_tokens, sample_docs) -> None:
    actors = load_actors(ROOT / "data" / "actors" / "asean_china.yml")
    m = find_mentions(sample_tokens, actors, docs=sample_docs)
    e = comention_edges(m, by="outlet", docs=sample_docs)
    w = {(s, t, g): x for s, t, x, g in e.itertuples(index=False)}
    vna, tn = "VNA (Vietnam News Agency)", "Báo Thanh niên"
    # By hand from the mention list in test_actors.py: ASEAN members and China share VNA
    # sentences 3, 6, 7, 8; ASEAN and China share Thanh Nien sentences 5, 6, 7, 12; Vietnam and
    # the President share Thanh Nien sentences 2, 9, 11; Le Minh Tri appears only in VNA s7.
    assert w[("asean_members", "china", vna)] == 4
    assert w[("asean", "china", tn)] == 4
    assert w[("vietnam", "vo_van_thuong", tn)] == 3
    assert w[("le_minh_tri", "spp_vietnam", vna)] == 1
    assert not any(k[2] == tn and "le_minh_tri" in k for k in w)
    assert (e["source"] < e["target"]).all()


def png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=50, metadata={"Software": None})
    return buf.getvalue()


def test_plot_is_reproducible_with_a_seed_and_sizes_nodes_by_mentions() -> None:
    edges = comention_edges(MENTIONS, unit="doc")
    counts = actor_counts(MENTIONS.assign(doc_id=MENTIONS["doc_id"].astype("category")))
    fig1 = plot_comention_network(edges, counts, seed=1)
    fig2 = plot_comention_network(edges, counts, seed=1)
    assert png(fig1) == png(fig2)
    nodes = [
        c for c in fig1.axes[0].collections if hasattr(c, "get_sizes") and len(c.get_sizes()) == 3
    ]
    sizes = list(nodes[0].get_sizes())
    # sorted node order asean (2 mentions), china (3), vietnam (2): china largest
    assert sizes[1] == max(sizes) and sizes[0] == sizes[2] < sizes[1]


def test_plot_needs_a_group_when_edges_have_several() -> None:
    edges = comention_edges(MENTIONS, unit="doc", by="outlet", docs=DOCS)
    with pytest.raises(ValueError, match="pass group= one of A, B"):
        plot_comention_network(edges)
    fig = plot_comention_network(edges, group="B")
    labels = sorted(t.get_text() for t in fig.axes[0].texts)
    assert labels == ["asean", "vietnam"]


def test_actor_theme_matrix_by_sentence_and_doc() -> None:
    hits = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d1", "d2"],
            "sent": [1, 1, 2, 3],
            "key": ["crime", "crime", "cooperation", "crime"],
        }
    )
    # sentence: d1 s1 {china, asean} × {crime}; d1 s2 {vietnam, china} × {cooperation};
    # d2 s3 has no mention.
    assert actor_theme_matrix(MENTIONS, hits).values.tolist() == [
        ["asean", "crime", 1],
        ["china", "cooperation", 1],
        ["china", "crime", 1],
        ["vietnam", "cooperation", 1],
    ]
    # doc: d1 {china, asean, vietnam} × {crime, cooperation}; d2 {asean, vietnam} × {crime}
    assert actor_theme_matrix(MENTIONS, hits, unit="doc").values.tolist() == [
        ["asean", "cooperation", 1],
        ["asean", "crime", 2],
        ["china", "cooperation", 1],
        ["china", "crime", 1],
        ["vietnam", "cooperation", 1],
        ["vietnam", "crime", 2],
    ]
    with pytest.raises(ValueError, match="hits needs column"):
        actor_theme_matrix(MENTIONS, hits.drop(columns="key"))
