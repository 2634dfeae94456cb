"""One grouping rule: every function with by= orders groups and treats missing values alike."""

import numpy as np
import pandas as pd
import pytest

import analysis as a

TEXTS = [
    "China and ASEAN agreed on cooperation against crime.",
    "Viet Nam hosted the conference on cybercrime. China spoke.",
    "ASEAN and Viet Nam discussed fraud and crime.",
    "China, ASEAN and Viet Nam signed the crime pact.",
]
# Deliberately not in sorted order, and "b" sorts after "B" (code-point order).
OUTLETS = ["b", "Zeta", "B", "Alpha"]
SORTED = sorted(OUTLETS)  # ['Alpha', 'B', 'Zeta', 'b']


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(4)], "text": TEXTS, "outlet": OUTLETS})
    tokens = a.tokenize(docs)
    folder = tmp_path_factory.mktemp("grouping")
    (folder / "cb.yml").write_text(
        "name: t\nthemes:\n  crime:\n    description: crime\n    patterns: [crime*, fraud]\n"
    )
    (folder / "actors.yml").write_text(
        "actors:\n"
        "  - {id: china, name: China, type: country}\n"
        "  - {id: asean, name: ASEAN, type: organisation}\n"
        "  - {id: vietnam, name: Viet Nam, type: country}\n"
    )
    cb = a.load_codebook(folder / "cb.yml")
    actors = a.load_actors(folder / "actors.yml")
    hits = a.code_themes(tokens, cb, docs=docs)
    mentions = a.find_mentions(tokens, actors, docs=docs)
    return docs, tokens, hits, mentions, cb, actors


def _grouped(name, corpus, by, **kw):
    docs, tokens, hits, mentions, cb, actors = corpus
    if name == "term_frequency":
        return a.term_frequency(tokens, by=by, docs=docs, **kw)["group"]
    if name == "theme_matrix":
        return a.theme_matrix(hits, docs=docs, codebook=cb, by=by, **kw)["group"]
    if name == "actor_counts":
        return a.actor_counts(mentions, docs=docs, by=by, **kw)["group"]
    if name == "comention_edges":
        return a.comention_edges(mentions, unit="doc", by=by, docs=docs, **kw)["group"]
    if name.startswith("stream_analyze."):
        res = a.stream_analyze(
            docs, codebook=cb, actors=actors, by=by, chunksize=2, edge_unit="doc", **kw
        )
        return getattr(res, name.split(".")[1])["group"]
    raise AssertionError(name)


# one streamed table in the fast run; the other three, which take its path too, in the slow run
# (the fast run's 3-minute budget, wave 21)
FUNCTIONS = [
    "term_frequency", "theme_matrix", "actor_counts", "comention_edges",
    "stream_analyze.term_frequency",
    *(pytest.param(f"stream_analyze.{t}", marks=pytest.mark.slow)
      for t in ("theme_matrix", "actor_counts", "comention_edges")),
]  # fmt: skip


def _order(groups: pd.Series) -> list[str]:
    return list(dict.fromkeys(groups.tolist()))


@pytest.mark.parametrize("name", FUNCTIONS)
def test_groups_come_in_code_point_order(corpus, name):
    assert _order(_grouped(name, corpus, "outlet")) == SORTED


@pytest.mark.parametrize("name", FUNCTIONS)
def test_by_a_mapping_equals_by_the_column(corpus, name):
    docs = corpus[0]
    mapping = dict(zip(docs["doc_id"], docs["outlet"], strict=True))
    by_col = _grouped(name, corpus, "outlet")
    assert _grouped(name, corpus, mapping).tolist() == by_col.tolist()
    series = pd.Series(mapping)
    assert _grouped(name, corpus, series).tolist() == by_col.tolist()


@pytest.mark.parametrize("name", FUNCTIONS)
def test_categorical_variable_keeps_its_category_order(corpus, name):
    docs = corpus[0].copy()
    order = ["Zeta", "b", "Alpha", "B"]
    docs["outlet"] = pd.Categorical(docs["outlet"], categories=order)
    groups = _grouped(name, (docs, *corpus[1:]), "outlet")
    assert _order(groups) == [g for g in order if g in set(groups)]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_missing_group_value_is_the_same_error_everywhere(corpus, name):
    docs = corpus[0].copy()
    docs.loc[1, "outlet"] = np.nan
    with pytest.raises(ValueError, match=r"no group value for doc_id\(s\) d1; .*dropna=True"):
        _grouped(name, (docs, *corpus[1:]), "outlet")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_dropna_leaves_the_document_out(corpus, name):
    docs = corpus[0].copy()
    docs.loc[1, "outlet"] = None
    groups = _grouped(name, (docs, *corpus[1:]), "outlet", dropna=True)
    assert "Zeta" not in set(groups) and set(groups) <= set(SORTED)


def test_keyness_takes_the_same_by(corpus):
    docs, tokens = corpus[0], corpus[1]
    mapping = dict(zip(docs["doc_id"], docs["outlet"], strict=True))
    by_col = a.keyness(tokens, "Zeta", by="outlet", docs=docs)
    pd.testing.assert_frame_equal(a.keyness(tokens, "Zeta", by=mapping), by_col)
    docs2 = docs.copy()
    docs2.loc[0, "outlet"] = None
    with pytest.raises(ValueError, match="no group value for doc_id"):
        a.keyness(tokens, "Zeta", by="outlet", docs=docs2)


def test_kwic_needs_no_docs(corpus):
    tokens = corpus[1]
    k = a.kwic(tokens, "crime*")
    assert k["matched"].tolist() == ["crime", "crime", "crime"]


def test_a_blank_group_value_is_missing_not_a_group():
    """An empty metadata cell ("" or spaces) is a missing value: an error naming the document,
    or left out with dropna=True, never a group labelled ""."""
    docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "text": ["a b", "a", "b b"],
                         "outlet": ["X", " ", "Y"]})  # fmt: skip
    tokens = a.tokenize(docs)
    with pytest.raises(
        ValueError, match=r"docs\['outlet'\] has no group value for doc_id\(s\) d2;"
    ):
        a.term_frequency(tokens, by="outlet", docs=docs)
    tf = a.term_frequency(tokens, by="outlet", docs=docs, dropna=True)
    assert tf[["group", "term", "frequency"]].values.tolist() == [
        ["X", "a", 1],
        ["X", "b", 1],
        ["Y", "b", 2],
    ]
