"""Term frequency against quanteda's textstat_frequency and hand counts."""

import math

import pandas as pd
import pytest

from analysis.frequency import term_frequency
from analysis.schema import check_table
from analysis.text import is_punct, tokenize
from tests.conftest import make_docs


def rows(table: pd.DataFrame, columns: list[str]) -> list[list]:
    return table[columns].values.tolist()


# --------------------------------------------------------------------------- term_frequency

# quanteda's textstat_frequency example: dfm(tokens(c("a a b b c d", "a d d d", "a a a")))
QUANTEDA_DOCS = ("a a b b c d", "a d d d", "a a a")


@pytest.fixture
def abc_docs() -> pd.DataFrame:
    return make_docs(*QUANTEDA_DOCS, grp=["one", "two", "one"])


def test_term_frequency_matches_quanteda_textstat_frequency(abc_docs: pd.DataFrame) -> None:
    tf = term_frequency(tokenize(abc_docs))
    assert list(tf.columns) == ["term", "frequency", "rank", "docfreq", "group", "relative"]
    assert rows(tf, ["term", "frequency", "rank", "docfreq", "group"]) == [
        ["a", 6, 1, 3, "all"],
        ["d", 4, 2, 2, "all"],
        ["b", 2, 3, 1, "all"],
        ["c", 1, 4, 1, "all"],
    ]
    assert tf["relative"].tolist() == pytest.approx([6 / 13, 4 / 13, 2 / 13, 1 / 13])


def test_term_frequency_by_docvar_matches_quanteda_groups(abc_docs: pd.DataFrame) -> None:
    # quanteda: textstat_frequency(x, groups = c("one", "two", "one")); ranks, docfreq and
    # relative frequencies are within each group; c and d tie and share rank 3 (ties "min").
    tf = term_frequency(tokenize(abc_docs), by="grp", docs=abc_docs)
    assert rows(tf, ["term", "frequency", "rank", "docfreq", "group"]) == [
        ["a", 5, 1, 2, "one"],
        ["b", 2, 2, 1, "one"],
        ["c", 1, 3, 1, "one"],
        ["d", 1, 3, 1, "one"],
        ["d", 3, 1, 1, "two"],
        ["a", 1, 2, 1, "two"],
    ]
    assert tf["relative"].tolist() == pytest.approx([5 / 9, 2 / 9, 1 / 9, 1 / 9, 3 / 4, 1 / 4])


def test_term_frequency_groups_follow_categorical_order_else_sorted(
    abc_docs: pd.DataFrame,
) -> None:
    toks = tokenize(abc_docs)
    ordered = abc_docs.assign(grp=pd.Categorical(abc_docs["grp"], categories=["two", "one"]))
    assert term_frequency(toks, by="grp", docs=ordered)["group"].unique().tolist() == [
        "two",
        "one",
    ]
    by_doc = term_frequency(toks, by="doc_id")
    assert rows(by_doc, ["group", "term", "frequency", "rank", "docfreq"]) == [
        ["d1", "a", 2, 1, 1],
        ["d1", "b", 2, 1, 1],
        ["d1", "c", 1, 3, 1],
        ["d1", "d", 1, 3, 1],
        ["d2", "d", 3, 1, 1],
        ["d2", "a", 1, 2, 1],
        ["d3", "a", 3, 1, 1],
    ]


def test_term_frequency_prop_sums_within_document_shares(abc_docs: pd.DataFrame) -> None:
    # dfm_weight(scheme = "prop") then textstat_frequency: a = 2/6 + 1/4 + 3/3, d = 1/6 + 3/4.
    tf = term_frequency(tokenize(abc_docs), scheme="prop")
    assert rows(tf, ["term", "frequency", "rank"]) == [
        ["a", 6, 1],
        ["d", 4, 2],
        ["b", 2, 3],
        ["c", 1, 4],
    ]
    assert tf["prop"].tolist() == pytest.approx([2 / 6 + 1 / 4 + 1, 1 / 6 + 3 / 4, 2 / 6, 1 / 6])


def test_term_frequency_tfidf_ranks_by_count_times_log10_idf(abc_docs: pd.DataFrame) -> None:
    # dfm_tfidf defaults: count × log10(3 documents / docfreq); "a" is in every document.
    tf = term_frequency(tokenize(abc_docs), scheme="tfidf")
    assert rows(tf, ["term", "frequency", "rank", "docfreq"]) == [
        ["b", 2, 1, 1],
        ["d", 4, 2, 2],
        ["c", 1, 3, 1],
        ["a", 6, 4, 3],
    ]
    assert tf["tfidf"].tolist() == pytest.approx(
        [2 * math.log10(3), 4 * math.log10(1.5), math.log10(3), 0.0]
    )


def test_term_frequency_ngrams_stay_in_sentences_and_never_contain_a_stopword() -> None:
    toks = tokenize(make_docs(*QUANTEDA_DOCS))
    tf = term_frequency(toks, n=2)
    assert rows(tf, ["term", "frequency", "rank", "docfreq"]) == [
        ["a a", 3, 1, 2],
        ["d d", 2, 2, 1],
        ["a b", 1, 3, 1],
        ["a d", 1, 3, 1],
        ["b b", 1, 3, 1],
        ["b c", 1, 3, 1],
        ["c d", 1, 3, 1],
    ]
    assert term_frequency(toks, n=2, stopwords=["B"])["term"].tolist() == [
        "a a",
        "d d",
        "a d",
        "c d",
    ]
    two_sentences = tokenize(make_docs("Red tape. Blue sky."))
    assert term_frequency(two_sentences, n=2)["term"].tolist() == ["blue sky", "red tape"]


def test_term_frequency_punctuation_and_stopwords_options() -> None:
    toks = tokenize(make_docs("The cat, the hat.", "A cat!"))
    assert rows(term_frequency(toks, stopwords=["the", "a"]), ["term", "frequency"]) == [
        ["cat", 2],
        ["hat", 1],
    ]
    kept = term_frequency(toks, remove_punct=False)
    assert set(kept["term"]) == {"the", "cat", "hat", "a", ",", ".", "!"}
    assert kept["relative"].sum() == pytest.approx(1.0)


def test_term_frequency_min_count_keeps_ranks_of_the_full_list(abc_docs: pd.DataFrame) -> None:
    tf = term_frequency(tokenize(abc_docs), min_count=2)
    assert rows(tf, ["term", "frequency", "rank"]) == [["a", 6, 1], ["d", 4, 2], ["b", 2, 3]]


def test_term_frequency_does_not_depend_on_token_order_or_mutate_input(
    abc_docs: pd.DataFrame,
) -> None:
    toks = tokenize(abc_docs)
    before = toks.copy()
    shuffled = toks.sample(frac=1.0, random_state=3)
    expected = term_frequency(toks, by="grp", docs=abc_docs)
    pd.testing.assert_frame_equal(term_frequency(shuffled, by="grp", docs=abc_docs), expected)
    pd.testing.assert_frame_equal(toks, before)


def test_term_frequency_on_sample_matches_hand_counts(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    # `grep -o -w -i crimes data/raw/*.txt`: 6 in the VNA file, 12 in the Thanh niên file;
    # `grep -o -w -i cooperation`: 4 and 9 (cooperative/cooperated are other words). The
    # lines clean_boilerplate removes (captions, credit, dateline, comment counter) contain
    # neither word, so the cleaned corpus has the same counts.
    tf = term_frequency(sample_tokens, by="outlet", docs=sample_docs)
    got = tf[tf["term"].isin(["crimes", "cooperation"])]
    assert sorted(rows(got, ["group", "term", "frequency", "docfreq"])) == [
        ["Báo Thanh niên", "cooperation", 9, 1],
        ["Báo Thanh niên", "crimes", 12, 1],
        ["VNA (Vietnam News Agency)", "cooperation", 4, 1],
        ["VNA (Vietnam News Agency)", "crimes", 6, 1],
    ]
    overall = term_frequency(sample_tokens).set_index("term")
    assert overall.loc["crimes", "frequency"] == 18
    assert overall.loc["crimes", "docfreq"] == 2
    assert overall["frequency"].sum() == int((~is_punct(sample_tokens)).sum())


def test_term_frequency_docvar_errors_name_the_problem(abc_docs: pd.DataFrame) -> None:
    toks = tokenize(abc_docs)
    with pytest.raises(ValueError, match="pass the docs table"):
        term_frequency(toks, by="grp")
    with pytest.raises(ValueError, match="'outlet'"):
        term_frequency(toks, by="outlet", docs=abc_docs)
    with pytest.raises(ValueError, match="no row for doc_id.*d3"):
        term_frequency(toks, by="grp", docs=abc_docs.iloc[:2])
    # The grouping rule's wording (analysis._groups) for a missing group value.
    with pytest.raises(ValueError, match="no group value for doc_id.*d2"):
        term_frequency(toks, by="grp", docs=abc_docs.assign(grp=["one", None, "one"]))


def test_term_frequency_by_series_or_mapping_equals_the_docvar(abc_docs: pd.DataFrame) -> None:
    toks = tokenize(abc_docs)
    expected = term_frequency(toks, by="grp", docs=abc_docs)
    mapping = {"d1": "one", "d2": "two", "d3": "one"}
    pd.testing.assert_frame_equal(term_frequency(toks, by=mapping), expected)
    pd.testing.assert_frame_equal(term_frequency(toks, by=pd.Series(mapping)), expected)


def test_term_frequency_dropna_leaves_documents_without_group_out(abc_docs: pd.DataFrame) -> None:
    toks = tokenize(abc_docs)
    partial = {"d1": "x", "d3": "x"}  # d2 ("a d d d") has no group
    with pytest.raises(ValueError, match="no group value for doc_id.*d2.*dropna=True"):
        term_frequency(toks, by=partial)
    tf = term_frequency(toks, by=partial, dropna=True)
    # d1 + d3 = "a a b b c d" + "a a a": a 5, b 2, c 1, d 1 (9 words).
    assert rows(tf, ["term", "frequency", "rank", "docfreq", "group"]) == [
        ["a", 5, 1, 2, "x"],
        ["b", 2, 2, 1, "x"],
        ["c", 1, 3, 1, "x"],
        ["d", 1, 3, 1, "x"],
    ]
    assert tf["relative"].tolist() == pytest.approx([5 / 9, 2 / 9, 1 / 9, 1 / 9])
    missing = abc_docs.assign(grp=["x", None, "x"])
    pd.testing.assert_frame_equal(term_frequency(toks, by="grp", docs=missing, dropna=True), tf)
    # tf-idf over the 2 documents kept: a is in both (idf 0), b, c, d in one (idf log10 2).
    tfidf = term_frequency(toks, by=partial, dropna=True, scheme="tfidf")
    assert rows(tfidf, ["term", "rank"]) == [["b", 1], ["c", 2], ["d", 2], ["a", 4]]
    assert tfidf["tfidf"].tolist() == pytest.approx(
        [2 * math.log10(2), math.log10(2), math.log10(2), 0.0]
    )


def test_term_frequency_tables_have_the_schema_dtypes(abc_docs: pd.DataFrame) -> None:
    toks = tokenize(abc_docs)
    for scheme in ("count", "prop", "tfidf"):
        check_table(term_frequency(toks, scheme=scheme), "term_frequency")
    empty = term_frequency(tokenize(make_docs(".")))
    assert empty.empty
    check_table(empty, "term_frequency")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: term_frequency(t, scheme="tf"), "'count', 'prop', 'tfidf'"),
        (lambda t: term_frequency(t, n=0), "n=0 must be an integer of at least 1"),
        (lambda t: term_frequency(t, min_count=0), "min_count=0"),
    ],
)
def test_bad_options_raise_value_error_listing_allowed_values(call, message: str) -> None:
    toks = tokenize(make_docs("a b", "b c"))
    with pytest.raises(ValueError, match=message):
        call(toks)


def test_functions_moved_out_stay_importable_from_analysis_frequency() -> None:
    import importlib

    import analysis.frequency

    moved = {"keyness": "keyterms", "kwic": "concordance", "collocations": "collocation"}
    for name, module_name in moved.items():
        module = importlib.import_module(f"analysis.{module_name}")
        assert getattr(analysis.frequency, name) is getattr(module, name)
        assert getattr(analysis, name) is getattr(module, name)  # not shadowed by the module
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        analysis.frequency.nothing  # noqa: B018
