"""Term frequency, keyness, KWIC and collocations against quanteda, NLTK, scipy and hand counts."""

import math

import numpy as np
import pandas as pd
import pytest
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures
from scipy import stats

from analysis.frequency import (
    _nltk_contingency,
    _nltk_measures,
    collocations,
    keyness,
    kwic,
    term_frequency,
)
from analysis.matching import PatternError
from analysis.text import is_punct, tokenize, tokens_remove
from tests.conftest import make_docs

VNA = "vna_2023-12-06"
TN = "thanhnien_2023-12-06"


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
    with pytest.raises(ValueError, match="missing for doc_id.*d2"):
        term_frequency(toks, by="grp", docs=abc_docs.assign(grp=["one", None, "one"]))


# --------------------------------------------------------------------------- keyness

# quanteda's textstat_keyness test corpus.
KEY_DOCS = ("a a a b b c c c c c c d e f g h h", "a a b c c d d d d e f h")


@pytest.fixture
def key_tokens() -> pd.DataFrame:
    return tokenize(make_docs(*KEY_DOCS))


def test_keyness_chi2_order_matches_quanteda(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1")
    assert list(k.columns) == [
        "term",
        "statistic",
        "p",
        "n_target",
        "n_reference",
        "log_ratio",
        "pct_diff",
        "low_count",
    ]
    assert k["term"].tolist() == ["g", "c", "b", "h", "a", "e", "f", "d"]
    assert rows(k, ["term", "n_target", "n_reference"])[:2] == [["g", 1, 0], ["c", 6, 2]]
    assert k["low_count"].all()  # 17 + 12 tokens: every term has an expected cell below 5


def test_keyness_chi2_yates_by_hand(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1").set_index("term")
    # c: a=6, b=2, c=11, d=10, N=29; |ad-bc| = 38 >= N/2, so Yates applies:
    # 29 * (38 - 14.5)^2 / (8 * 21 * 17 * 12) = 16015.25 / 34272
    assert k.loc["c", "statistic"] == pytest.approx(16015.25 / 34272, rel=1e-12)
    assert k.loc["c", "p"] == pytest.approx(stats.chi2.sf(16015.25 / 34272, 1), rel=1e-12)
    table = [[6, 2], [11, 10]]
    assert k.loc["c", "statistic"] == pytest.approx(stats.chi2_contingency(table)[0], rel=1e-12)
    # g: a=1, b=0, c=16, d=12; |ad-bc| = 12 < 14.5: the correction would overshoot and is not
    # applied (quanteda; this is what puts g first): 29 * 12^2 / (1 * 28 * 17 * 12)
    assert k.loc["g", "statistic"] == pytest.approx(29 * 144 / 5712, rel=1e-12)
    # d is relatively more frequent in the reference: negative statistic.
    assert k.loc["d", "statistic"] < 0
    uncorrected = keyness(key_tokens, "d1", correction="none").set_index("term")
    assert uncorrected.loc["c", "statistic"] == pytest.approx(29 * 38**2 / 34272, rel=1e-12)


def test_keyness_g2_with_williams_by_hand(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1", measure="g2").set_index("term")
    # d: a=1, b=4, c=16, d=8, N=29; expected 85/29, 60/29, 408/29, 288/29.
    g2 = 2 * (
        1 * math.log(1 / (85 / 29))
        + 4 * math.log(4 / (60 / 29))
        + 16 * math.log(16 / (408 / 29))
        + 8 * math.log(8 / (288 / 29))
    )
    assert g2 == pytest.approx(
        stats.chi2_contingency([[1, 4], [16, 8]], correction=False, lambda_="log-likelihood")[0]
    )
    q = 1 + (29 / 5 + 29 / 24 - 1) * (29 / 17 + 29 / 12 - 1) / (6 * 29)  # Williams (1976)
    assert k.loc["d", "statistic"] == pytest.approx(-g2 / q, rel=1e-12)
    assert k.loc["d", "statistic"] == pytest.approx(-3.4115904, rel=1e-7)
    none = keyness(key_tokens, "d1", measure="g2", correction="none").set_index("term")
    assert none.loc["d", "statistic"] == pytest.approx(-g2, rel=1e-12)


def test_keyness_fisher_is_scipy_odds_ratio_and_p(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1", measure="fisher")
    assert k["term"].tolist() == ["g", "c", "b", "h", "a", "e", "f", "d"]
    for term, a, b, stat, p in k[["term", "n_target", "n_reference", "statistic", "p"]].values:
        ref = stats.fisher_exact([[a, b], [17 - a, 12 - b]])
        assert (stat, p) == pytest.approx((ref.statistic, ref.pvalue)), term


def test_keyness_pmi_and_effect_sizes_by_hand(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1", measure="pmi").set_index("term")
    # g: expected target count (1 * 17) / 29, observed 1.
    assert k.loc["g", "statistic"] == pytest.approx(math.log(29 / 17))
    # Log Ratio: g has no reference occurrence; 0.5 stands in for the zero.
    assert k.loc["g", "log_ratio"] == pytest.approx(math.log2((1 / 17) / (0.5 / 12)))
    assert k.loc["c", "log_ratio"] == pytest.approx(math.log2((6 / 17) / (2 / 12)))
    assert k.loc["c", "pct_diff"] == pytest.approx(100 * ((6 / 17) - (2 / 12)) / (2 / 12))
    assert k["pct_diff"].to_numpy() == pytest.approx(100 * (2 ** k["log_ratio"].to_numpy() - 1))


def test_keyness_low_count_false_when_every_expected_cell_reaches_5() -> None:
    toks = tokenize(make_docs("a " * 40 + "b " * 10, "a " * 10 + "b " * 40))
    k = keyness(toks, "d1", measure="g2")
    assert rows(k, ["term", "n_target", "n_reference", "low_count"]) == [
        ["a", 40, 10, False],
        ["b", 10, 40, False],
    ]
    assert k["statistic"].iloc[0] == pytest.approx(-k["statistic"].iloc[1])


def test_keyness_by_outlet_on_sample(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    by_outlet = keyness(sample_tokens, "VNA (Vietnam News Agency)", by="outlet", docs=sample_docs)
    pd.testing.assert_frame_equal(by_outlet, keyness(sample_tokens, VNA))
    crimes = by_outlet.set_index("term").loc["crimes"]
    assert (crimes["n_target"], crimes["n_reference"]) == (6, 12)
    assert by_outlet["statistic"].is_monotonic_decreasing


def test_keyness_target_errors(key_tokens: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"'d9' is not a value of 'doc_id'; values: 'd1', 'd2'"):
        keyness(key_tokens, "d9")
    with pytest.raises(ValueError, match="nothing left as reference"):
        keyness(key_tokens, ["d1", "d2"])
    with pytest.raises(ValueError, match="does not apply to measure='fisher'"):
        keyness(key_tokens, "d1", measure="fisher", correction="yates")


# --------------------------------------------------------------------------- kwic


def test_kwic_keywords_are_the_text_at_their_offsets(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    texts = dict(zip(sample_docs["doc_id"], sample_docs["text"], strict=True))
    k = kwic(sample_tokens, ["crime*", "cooperat*", "Prosecutors-General"], docs=sample_docs)
    assert list(k.columns) == [
        "doc_id",
        "sent",
        "start",
        "end",
        "pre",
        "keyword",
        "post",
        "pattern",
    ]
    for row in k.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.keyword
    # Hand count (grep -o -w -i on data/raw): crime 5 + crimes 6 in VNA, 5 + 12 in Thanh niên;
    # cooperation 4 + cooperative 1 in VNA, cooperation 9 + cooperated 1 in Thanh niên.
    counts = k.groupby(["doc_id", "pattern"], observed=True).size().to_dict()
    assert counts == {
        (VNA, "crime*"): 11,
        (VNA, "cooperat*"): 5,
        (VNA, "Prosecutors-General"): 1,
        (TN, "crime*"): 17,
        (TN, "cooperat*"): 10,
    }


def test_kwic_window_keeps_original_spacing() -> None:
    docs = make_docs("Vietnam fights high-tech crimes.  Cooperation helps,\nsaid Thưởng.")
    toks = tokenize(docs)
    k = kwic(toks, "crime*", docs=docs, window=3)
    assert rows(k, ["sent", "start", "end", "pre", "keyword", "post"]) == [
        [1, 25, 31, "Vietnam fights high-tech", "crimes", ".  Cooperation helps"]
    ]
    # The window crosses sentence and line breaks, but not the document's edges.
    k = kwic(toks, "helps", docs=docs, window=50)
    assert rows(k, ["pre", "post"]) == [
        ["Vietnam fights high-tech crimes.  Cooperation", ",\nsaid Thưởng."]
    ]
    assert rows(kwic(toks, "vietnam", docs=docs, window=0), ["pre", "keyword", "post"]) == [
        ["", "Vietnam", ""]
    ]


def test_kwic_sentence_unit_gives_the_rest_of_the_sentence() -> None:
    docs = make_docs("We met. Vietnam fights high-tech crimes, he said. Then we left.")
    k = kwic(tokenize(docs), "crimes", docs=docs, unit="sentence")
    assert rows(k, ["sent", "pre", "keyword", "post"]) == [
        [2, "Vietnam fights high-tech", "crimes", ", he said."]
    ]


def test_kwic_phrases_globs_and_overlapping_patterns_show_each_token_once(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    k = kwic(sample_tokens, "information sharing", docs=sample_docs, window=2)
    assert rows(k, ["doc_id", "pre", "keyword", "post"]) == [
        [VNA, "cooperation,", "information sharing", "and unified"]
    ]
    both = kwic(sample_tokens, ["crime*", "high-tech crime*"], docs=sample_docs)
    # 28 crime/crimes tokens in all; the 9 preceded by "high-tech" are shown once, as phrases.
    assert len(both) == 28
    assert (both["pattern"] == "high-tech crime*").sum() == 9
    assert not both.duplicated(["doc_id", "end"]).any()


def test_kwic_case_and_diacritics() -> None:
    docs = make_docs("President Võ Văn Thưởng spoke; the president left.")
    toks = tokenize(docs)
    assert kwic(toks, "Vo Van Thuong", docs=docs)["keyword"].tolist() == ["Võ Văn Thưởng"]
    assert kwic(toks, "president", docs=docs)["keyword"].tolist() == ["President", "president"]
    sensitive = kwic(toks, "president", docs=docs, case_insensitive=False)
    assert sensitive["keyword"].tolist() == ["president"]


def test_kwic_on_filtered_tokens_counts_the_rows_present() -> None:
    docs = make_docs("Crimes, frauds and scams rise.")
    toks = tokens_remove(tokenize(docs), punct=True)
    k = kwic(toks, "scams", docs=docs, window=2)
    assert rows(k, ["pre", "keyword", "post"]) == [["frauds and", "scams", "rise"]]


def test_kwic_bad_patterns_raise() -> None:
    docs = make_docs("x")
    toks = tokenize(docs)
    with pytest.raises(ValueError, match="pattern is empty"):
        kwic(toks, [], docs=docs)
    with pytest.raises(PatternError, match="invalid regex"):
        kwic(toks, "regex:(", docs=docs)
    with pytest.raises(ValueError, match="no text for doc_id.*d1"):
        kwic(toks, "x", docs=make_docs("x").assign(doc_id=["other"]))


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


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: term_frequency(t, scheme="tf"), "'count', 'prop', 'tfidf'"),
        (lambda t: term_frequency(t, n=0), "n=0 must be an integer of at least 1"),
        (lambda t: term_frequency(t, min_count=0), "min_count=0"),
        (lambda t: keyness(t, "d1", measure="lr"), "'chi2', 'g2', 'fisher', 'pmi'"),
        (lambda t: keyness(t, "d1", correction="bonf"), "'default', 'yates', 'williams', 'none'"),
        (lambda t: kwic(t, "a", docs=make_docs("a b"), unit="paragraph"), "'token', 'sentence'"),
        (lambda t: kwic(t, "a", docs=make_docs("a b"), window=-1), "window=-1"),
        (lambda t: collocations(t, size=4), "size=4 is not allowed; choose one of 2, 3"),
        (lambda t: collocations(t, measure="dice"), "'z', 'lambda', 'likelihood_ratio'"),
        (lambda t: collocations(t, smoothing=-1), "smoothing=-1"),
    ],
)
def test_bad_options_raise_value_error_listing_allowed_values(call, message: str) -> None:
    toks = tokenize(make_docs("a b", "b c"))
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        call(toks)
