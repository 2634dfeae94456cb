"""Collocations against quanteda's textstat_collocations and NLTK's finders."""

import math

import numpy as np
import pandas as pd
import pytest
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

from analysis.collocation import _nltk_contingency, _nltk_measures, collocations
from analysis.schema import check_table
from analysis.text import is_punct, tokenize
from tests.conftest import make_docs


def rows(table: pd.DataFrame, columns: list[str]) -> list[list]:
    return table[columns].values.tolist()


# --------------------------------------------------------------------------- collocations


def test_collocations_match_quanteda_textstat_collocations() -> None:
    # quanteda: textstat_collocations(c("I like good ice cream.", "Me too! I like good ice cream."))
    toks = tokenize(make_docs("I like good ice cream.", "Me too! I like good ice cream."))
    c = collocations(toks)
    assert list(c.columns) == [
        "collocation",
        "count",
        "lambda",
        "z",
        "likelihood_ratio",
        "pmi",
        "student_t",
        "chi_sq",
    ]
    assert rows(c, ["collocation", "count"]) == [
        ["good ice", 2],
        ["i like", 2],
        ["ice cream", 2],
        ["like good", 2],
    ]
    assert c["lambda"].to_numpy() == pytest.approx([4.317488] * 4, abs=1e-5)
    assert c["z"].to_numpy() == pytest.approx([2.027787] * 4, abs=1e-5)


def test_trigram_lambda_by_hand() -> None:
    # Trigrams: "i like good", "like good ice", "good ice cream", twice each. For "i like good"
    # the other four differ in every position: cells n111 = 2, n000 = 4, the six others 0;
    # with 0.5 added, λ = ln 2.5 - 3 ln 0.5 + 3 ln 0.5 - ln 4.5.
    toks = tokenize(make_docs("I like good ice cream.", "Me too! I like good ice cream."))
    c = collocations(toks, size=3).set_index("collocation")
    lam = math.log(2.5) - math.log(4.5)
    assert c.loc["i like good", "lambda"] == pytest.approx(lam)
    assert c.loc["i like good", "z"] == pytest.approx(lam / math.sqrt(1 / 2.5 + 6 / 0.5 + 1 / 4.5))


def test_nltk_association_measures_reproduce_the_documented_values() -> None:
    # nltk/test/metrics.doctest (Manning & Schütze, ch. 5): "new companies".
    n_new_companies, n_new, n_companies, total = 8, 15828, 4675, 14307668

    def scores(n_ii: int, n_ix: int, n_xi: int) -> dict[str, float]:
        args = np.array([float(n_ii)]), [np.array([n_ix]), np.array([n_xi])]
        cont = _nltk_contingency(
            args[0], {"ix": args[1][0], "xi": args[1][1], "xx": float(total)}, 2
        )
        return {k: float(v[0]) for k, v in _nltk_measures(*args, float(total), cont).items()}

    new_companies = scores(n_new_companies, n_new, n_companies)
    assert f"{new_companies['student_t']:.6f}".startswith("0.999")
    assert f"{new_companies['chi_sq']:.6f}".startswith("1.54")
    assert f"{scores(150, 12593, 932)['likelihood_ratio']:.6f}".startswith("1291")
    bam = BigramAssocMeasures
    marg = (n_new_companies, (n_new, n_companies), total)
    for name in ("student_t", "chi_sq", "pmi", "likelihood_ratio"):
        assert new_companies[name] == pytest.approx(getattr(bam, name)(*marg), rel=1e-12)


def _segments_for_nltk(tokens: pd.DataFrame) -> list[list[str]]:
    """Runs of non-punctuation tokens within a sentence, built the slow, obvious way."""
    segments: list[list[str]] = []
    current: list[str] = []
    prev = None
    for row, punct in zip(tokens.itertuples(), is_punct(tokens), strict=True):
        if punct or (row.doc_id, row.sent) != prev:
            if current:
                segments.append(current)
            current = []
        if not punct:
            current.append(row.norm)
        prev = (row.doc_id, row.sent)
    if current:
        segments.append(current)
    return segments


@pytest.mark.parametrize(
    ("size", "finder", "measures"),
    [
        (2, BigramCollocationFinder, BigramAssocMeasures),
        (3, TrigramCollocationFinder, TrigramAssocMeasures),
    ],
)
def test_collocation_scores_equal_nltk_finders_on_sample(
    sample_tokens: pd.DataFrame, size: int, finder, measures
) -> None:
    found = finder.from_documents(_segments_for_nltk(sample_tokens))
    ours = collocations(sample_tokens, size=size, min_count=1).set_index("collocation")
    assert len(ours) == len(found.ngram_fd)
    for name in ("likelihood_ratio", "pmi", "student_t", "chi_sq"):
        ref = pd.Series({" ".join(g): s for g, s in found.score_ngrams(getattr(measures, name))})
        assert ours[name].to_numpy() == pytest.approx(ref.reindex(ours.index).to_numpy(), rel=1e-9)
    counts = pd.Series({" ".join(g): n for g, n in found.ngram_fd.items()})
    assert (ours["count"] == counts.reindex(ours.index)).all()


def test_collocations_never_span_punctuation_sentences_or_stopwords() -> None:
    toks = tokenize(make_docs("red tape. Tape red, red tape", "red tape of the state"))
    assert rows(collocations(toks, min_count=1, measure="count"), ["collocation", "count"]) == [
        ["red tape", 3],
        ["of the", 1],
        ["tape of", 1],
        ["tape red", 1],
        ["the state", 1],
    ]
    no_stop = collocations(toks, min_count=1, measure="count", stopwords=["of", "the"])
    assert rows(no_stop, ["collocation", "count"]) == [["red tape", 3], ["tape red", 1]]


def test_collocations_sorted_by_requested_measure(sample_tokens: pd.DataFrame) -> None:
    for measure in ("z", "lambda", "likelihood_ratio", "pmi", "student_t", "chi_sq"):
        c = collocations(sample_tokens, measure=measure)
        assert c[measure].is_monotonic_decreasing
        assert (c["count"] >= 2).all()


def test_collocation_tables_have_the_schema_dtypes_also_when_empty() -> None:
    toks = tokenize(make_docs("I like good ice cream.", "Me too! I like good ice cream."))
    check_table(collocations(toks), "collocations")
    empty = collocations(tokenize(make_docs("Alone.")))
    assert empty.empty and list(empty.columns) == list(collocations(toks).columns)
    check_table(empty, "collocations")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: collocations(t, size=4), "size=4 is not allowed; choose one of 2, 3"),
        (lambda t: collocations(t, measure="dice"), "'z', 'lambda', 'likelihood_ratio'"),
        (lambda t: collocations(t, smoothing=-1), "smoothing=-1"),
        (lambda t: collocations(t, min_count=0), "min_count=0"),
    ],
)
def test_bad_options_raise_value_error_listing_allowed_values(call, message: str) -> None:
    toks = tokenize(make_docs("a b", "b c"))
    with pytest.raises(ValueError, match=message):
        call(toks)
