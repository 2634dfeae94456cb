"""The aggregation engine's finishing functions, on hand-computed counts.

stream_analyze and dask_analyze are checked against the in-memory functions in
test_stream.py and test_scale.py; here each finish_* function is checked on its own.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis._aggregate import PART_COLUMNS, combine_parts, empty_parts, part
from analysis._aggregate_finish import (
    finish_actor_counts,
    finish_comention_edges,
    finish_term_frequency,
    finish_theme_matrix,
    min_rank_sorted,
)
from analysis.schema import check_table

LOG2 = math.log10(2)


def ints(*values: int) -> np.ndarray:
    return np.array(values, np.int64)


# ------------------------------------------------------------------------------- partials


def test_combine_parts_sums_values_and_keeps_the_smallest_ord() -> None:
    parts = pd.concat(
        [
            part("tf", ["g", "g"], ["a", "b"], [5, 6], [1, 2], [1, 1]),
            part("tf", ["g"], ["a"], [2], [3], [1], [0.5]),
            part("meta", [""], [""], [0], [4], [9]),
        ]
    )
    out = combine_parts(parts)
    assert list(out.columns) == PART_COLUMNS
    assert out.values.tolist() == [
        ["tf", "g", "a", 2, 4.0, 2.0, 0.5],
        ["tf", "g", "b", 6, 2.0, 1.0, 0.0],
        ["meta", "", "", 0, 4.0, 9.0, 0.0],
    ]
    assert combine_parts(empty_parts()).empty


def test_min_rank_sorted_restarts_in_every_group_and_skips_after_ties() -> None:
    group = ints(0, 0, 0, 0, 1, 1)
    value = np.array([9.0, 4, 4, 1, 3, 3])
    assert min_rank_sorted(group, value).tolist() == [1, 2, 2, 4, 1, 1]
    assert min_rank_sorted(ints(), np.array([])).tolist() == []


# ------------------------------------------------------------------------------- term frequency


def test_finish_term_frequency_ranks_within_groups_in_label_order() -> None:
    # labels not sorted: their order is the output order (e.g. category order)
    tf = finish_term_frequency(
        group=ints(1, 0, 0, 0, 1),
        labels=["zeta", "alpha"],
        term=ints(0, 0, 1, 2, 2),
        types=pd.Index(["x", "y", "w"]),
        frequency=ints(1, 3, 3, 1, 4),
        docfreq=ints(1, 2, 1, 1, 2),
        min_count=2,
    )
    check_table(tf, "term_frequency")
    assert list(tf.columns) == ["term", "frequency", "rank", "docfreq", "group", "relative"]
    # zeta: x 3, y 3 (tie: rank 1, alphabetical), w 1 (rank 3, dropped by min_count)
    assert tf[["group", "term", "frequency", "rank", "docfreq"]].values.tolist() == [
        ["zeta", "x", 3, 1, 2],
        ["zeta", "y", 3, 1, 1],
        ["alpha", "w", 4, 1, 2],
    ]
    # relative uses the group's total before min_count: 3/7, 3/7, 4/5
    assert tf["relative"].tolist() == pytest.approx([3 / 7, 3 / 7, 4 / 5])


def test_finish_term_frequency_tfidf_uses_the_docfreq_summed_over_groups() -> None:
    tf = finish_term_frequency(
        ints(0, 0, 1),
        ["A", "B"],
        ints(0, 1, 0),
        pd.Index(["x", "y"]),
        ints(2, 1, 1),
        ints(1, 1, 1),
        scheme="tfidf",
        n_docs=4,
    )
    # corpus docfreq x = 2, y = 1: idf x = log10(4/2), y = log10(4/1) = 2 log10(2)
    # A: x 2·log2 and y 1·2·log2 tie (rank 1, 1); B: x 1·log2
    assert tf[["group", "term", "rank"]].values.tolist() == [
        ["A", "x", 1],
        ["A", "y", 1],
        ["B", "x", 1],
    ]
    assert tf["tfidf"].tolist() == pytest.approx([2 * LOG2, 2 * LOG2, LOG2])


def test_finish_term_frequency_prop_ranks_by_the_summed_shares_and_drops_minus_one_rows() -> None:
    tf = finish_term_frequency(
        ints(0, 0, -1),
        ["all"],
        ints(0, 1, 1),
        pd.Index(["many", "few"]),
        ints(5, 2, 9),
        ints(1, 2, 1),
        scheme="prop",
        prop=np.array([0.5, 1.25, 7.0]),
    )
    assert tf[["term", "frequency", "rank", "prop"]].values.tolist() == [
        ["few", 2, 1, 1.25],
        ["many", 5, 2, 0.5],
    ]
    with pytest.raises(ValueError, match="scheme='prop' needs prop="):
        finish_term_frequency(
            ints(0), ["all"], ints(0), pd.Index(["a"]), ints(1), ints(1), scheme="prop"
        )


def test_finish_term_frequency_without_rows_has_the_schema() -> None:
    tf = finish_term_frequency(ints(), ["all"], ints(), pd.Index([], dtype=str), ints(), ints())
    assert tf.empty
    check_table(tf, "term_frequency")


# ------------------------------------------------------------------------------- theme matrix


def test_finish_theme_matrix_sums_repeated_cells_and_fills_zeros() -> None:
    m = finish_theme_matrix(
        unit=ints(0, 0, 1, -1),
        units=["d2", "d1"],
        theme=ints(1, 1, 0, 0),
        themes=["crime", "cyber"],
        depths=[1, 2],
        unit_column="doc_id",
    )
    assert m.values.tolist() == [
        ["d2", "crime", 1, 0],
        ["d2", "cyber", 2, 2],
        ["d1", "crime", 1, 1],
        ["d1", "cyber", 2, 0],
    ]
    assert m.dtypes.astype(str).tolist() == ["str", "str", "int64", "int64"]


def test_finish_theme_matrix_share_of_sentences_is_nan_without_sentences() -> None:
    m = finish_theme_matrix(
        ints(0, 1), ["A", "B"], ints(0, 0), ["t"], [1], counts=ints(3, 0),
        normalize="share_of_sentences", denominators=ints(4, 0),
    )  # fmt: skip
    check_table(m, "theme_matrix")
    assert list(m.columns) == [
        "group",
        "theme",
        "depth",
        "count",
        "n_sentences",
        "share_of_sentences",
    ]
    assert m["count"].tolist() == [3, 0]
    assert m["n_sentences"].tolist() == [4, 0]
    assert m["share_of_sentences"].iloc[0] == 0.75 and np.isnan(m["share_of_sentences"].iloc[1])
    with pytest.raises(ValueError, match="normalize='per_1k_tokens' needs denominators="):
        finish_theme_matrix(ints(0), ["A"], ints(0), ["t"], [1], normalize="per_1k_tokens")
    with pytest.raises(ValueError, match="normalize='per_doc' is not allowed"):
        finish_theme_matrix(ints(0), ["A"], ints(0), ["t"], [1], normalize="per_doc")


# ------------------------------------------------------------------------------- actor counts


def test_finish_actor_counts_grid_sort_names_and_shares() -> None:
    c = finish_actor_counts(
        group=ints(1, 1, 0, -1),
        actor=ints(0, 2, 2, 1),
        labels=["Z", "A"],
        actor_ids=["asean", "china", "vn"],
        mentions=ints(2, 2, 1, 9),
        docfreq=ints(1, 2, 1, 3),
        n_docs=ints(3, 0),
        names={"asean": "ASEAN", "china": "China", "vn": "Vietnam"},
        types={"asean": "organisation", "china": "country", "vn": "country"},
        normalize="share_of_mentions",
    )
    check_table(c, "actor_counts")
    assert list(c.columns) == [
        "group", "actor_id", "name", "type", "mentions", "docfreq", "n_docs", "share_of_mentions",
    ]  # fmt: skip
    # group Z first (label order); within a group: mentions descending, then actor_id
    assert c.drop(columns="share_of_mentions").values.tolist() == [
        ["Z", "vn", "Vietnam", "country", 1, 1, 3],
        ["Z", "asean", "ASEAN", "organisation", 0, 0, 3],
        ["Z", "china", "China", "country", 0, 0, 3],
        ["A", "asean", "ASEAN", "organisation", 2, 1, 0],
        ["A", "vn", "Vietnam", "country", 2, 2, 0],
        ["A", "china", "China", "country", 0, 0, 0],
    ]
    assert c["share_of_mentions"].tolist() == [1.0, 0.0, 0.0, 0.5, 0.5, 0.0]


@pytest.mark.parametrize(
    ("normalize", "expected"),
    [("per_1k_tokens", [4.0, float("nan")]), ("share_of_docs", [0.5, float("nan")])],
)
def test_finish_actor_counts_rates_are_nan_where_the_group_is_empty(normalize, expected) -> None:
    c = finish_actor_counts(
        ints(0), ints(0), ["A", "B"], ["cn"], ints(2), ints(1), ints(2, 0),
        n_words=ints(500, 0), normalize=normalize,
    )  # fmt: skip
    assert list(c.columns) == ["group", "actor_id", "mentions", "docfreq", "n_docs", normalize]
    assert c[normalize].tolist() == pytest.approx(expected, nan_ok=True)


def test_finish_actor_counts_per_1k_tokens_needs_the_word_counts() -> None:
    with pytest.raises(ValueError, match="needs n_words="):
        finish_actor_counts(ints(0), ints(0), ["A"], ["cn"], ints(1), ints(1), ints(1),
                            normalize="per_1k_tokens")  # fmt: skip


# ------------------------------------------------------------------------------- edges


def test_finish_comention_edges_sorts_by_label_order_weight_then_ids() -> None:
    e = finish_comention_edges(
        group=ints(0, 1, 1, 1, -1),
        labels=["west", "east"],
        source=["a", "b", "a", "a", "x"],
        target=["b", "c", "c", "b", "y"],
        weight=ints(1, 2, 2, 3, 9),
    )
    check_table(e, "comention_edges")
    assert e.values.tolist() == [
        ["a", "b", 1, "west"],
        ["a", "b", 3, "east"],
        ["a", "c", 2, "east"],
        ["b", "c", 2, "east"],
    ]
    empty = finish_comention_edges(ints(), ["all"], [], [], ints())
    assert empty.empty
    check_table(empty, "comention_edges")


def test_term_counts_with_shared_doc_terms_equal_the_counts_without() -> None:
    """The report builds a chunk's (document, term) pairs once and counts them by group and
    by period (speed, issue 14): the partials equal term_counts computing the pairs itself,
    also for a grouping that leaves documents out."""
    from analysis._aggregate import Plan
    from analysis._groups import group_docs
    from analysis.text import Vocabulary, tokenize

    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "text": ["The cat sat. The cat ran!", "A dog, a cat.", "Dogs bark; dogs run.", "Cat?"],
        "g": ["x", "y", "x", "y"],
        "p": ["p1", None, "p2", "p1"],
    })  # fmt: skip
    vocabulary = Vocabulary()
    tokens = tokenize(docs, vocabulary=vocabulary)
    plan = Plan(remove_punct=True, stopwords=frozenset({"the", "a"}))
    ids = pd.Index(docs["doc_id"])
    shared = plan.doc_terms(tokens, vocabulary)
    for by in ("g", "p"):
        groups = group_docs(ids, by, docs, dropna=True)
        alone = plan.term_counts(tokens, groups, vocabulary)
        pd.testing.assert_frame_equal(plan.term_counts(tokens, groups, vocabulary, shared), alone)
    by_period = plan.term_counts(tokens, group_docs(ids, "p", docs, dropna=True), vocabulary)
    cat = by_period[by_period["k1"] == "cat"].set_index("k0")
    assert cat["v0"].to_dict() == {"p1": 3.0}  # 2 in a, 1 in d; b (no period) left out
    assert cat["v1"].to_dict() == {"p1": 2.0}
    assert set(by_period["k1"]) == {"cat", "sat", "ran", "dogs", "bark", "run"}
