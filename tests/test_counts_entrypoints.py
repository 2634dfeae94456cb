"""Count-based entry points (a corpus counted chunk by chunk) equal the in-memory functions.

keyness_from_counts == keyness, CollocationCounts.table() == collocations(), and trend() with
the docs table's n_words == trend() with tokens.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.collocation import CollocationCounts, _KeyCounts, collocations
from analysis.frequency import term_frequency
from analysis.keyterms import keyness, keyness_from_counts
from analysis.report.study import load_study, load_study_docs
from analysis.text import Vocabulary, is_punct, tokenize, tokens_remove
from analysis.trends import trend
from tests.conftest import DATA, make_docs

MEASURES_CORRECTIONS = [
    ("chi2", "default"),
    ("chi2", "yates"),
    ("chi2", "williams"),
    ("chi2", "none"),
    ("g2", "default"),
    ("g2", "yates"),
    ("g2", "williams"),
    ("g2", "none"),
    ("fisher", "default"),
    ("pmi", "none"),
]


def synthetic_docs(n_docs: int = 24, seed: int = 7) -> pd.DataFrame:
    """Seeded texts over a small vocabulary (many ties, punctuation, stopwords, repeats)."""
    rng = np.random.default_rng(seed)
    words = ["the", "of", "crime", "police", "rose", "fell", "talks", "city", "new", "york",
             "ice", "cream", "good", "said", "minister", "prime", "a", "and"]  # fmt: skip
    texts = []
    for _ in range(n_docs):
        sents = []
        for _ in range(int(rng.integers(1, 5))):
            n = int(rng.integers(2, 12))
            sent = " ".join(rng.choice(words, n, p=None))
            if rng.random() < 0.3:
                sent = sent.replace(" ", ", ", 1)
            sents.append(sent.capitalize() + rng.choice([".", "!", "?"]))
        texts.append(" ".join(sents))
    outlets = ["A", "B", "C", None][: 4 if n_docs > 4 else 3]
    docs = make_docs(*texts, outlet=[outlets[i % len(outlets)] for i in range(n_docs)])
    docs["year"] = pd.Categorical(
        [["2023", "2022", "2024"][i % 3] for i in range(n_docs)], ["2024", "2023", "2022"]
    )
    return docs


@pytest.fixture(scope="module")
def synth() -> tuple[pd.DataFrame, pd.DataFrame]:
    docs = synthetic_docs()
    return docs, tokenize(docs)


# --------------------------------------------------------------------------- keyness


@pytest.mark.parametrize(("measure", "correction"), MEASURES_CORRECTIONS)
@pytest.mark.parametrize(
    ("by", "target", "options"),
    [
        ("doc_id", "d1", {}),
        ("doc_id", ["d2", "d5", "d7"], {"remove_punct": False}),
        ("outlet", "B", {"dropna": True, "stopwords": ["the", "of", "a", "and"]}),
        ("year", "2023", {"stopwords": ["the"]}),
        ("year", ["2024", "2022"], {}),
        (None, None, {}),  # by a mapping, built in the test
    ],
)
def test_keyness_from_counts_equals_keyness(
    synth: tuple[pd.DataFrame, pd.DataFrame], by, target, options: dict, measure, correction
) -> None:
    docs, tokens = synth
    if by is None:
        by = {f"d{i + 1}": "odd" if i % 2 else "even" for i in range(len(docs))}
        target = "odd"
    counts = term_frequency(tokens, by=by, docs=docs, **options)
    got = keyness_from_counts(counts, target, measure=measure, correction=correction)
    want = keyness(tokens, target, by=by, docs=docs, measure=measure, correction=correction,
                   **options)  # fmt: skip
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_keyness_from_counts_on_the_sample_corpus(sample_docs, sample_tokens) -> None:
    counts = term_frequency(sample_tokens, by="outlet", docs=sample_docs)
    target = sample_docs["outlet"].iloc[0]
    for measure in ("chi2", "g2", "fisher", "pmi"):
        pd.testing.assert_frame_equal(
            keyness_from_counts(counts, target, measure=measure),
            keyness(sample_tokens, target, by="outlet", docs=sample_docs, measure=measure),
            check_exact=True,
        )


def test_keyness_from_counts_adds_up_chunked_counts(synth) -> None:
    """Counts of chunks (rows repeating a group and term) are summed before scoring."""
    docs, tokens = synth
    chunks = [docs.iloc[i : i + 5] for i in range(0, len(docs), 5)]
    parts = [term_frequency(tokenize(c), by="outlet", docs=c, dropna=True) for c in chunks]
    counts = pd.concat(parts, ignore_index=True)
    assert counts.duplicated(["group", "term"]).any()
    pd.testing.assert_frame_equal(
        keyness_from_counts(counts, ["A", "C"], measure="g2"),
        keyness(tokens, ["A", "C"], by="outlet", docs=docs, dropna=True, measure="g2"),
        check_exact=True,
    )


def test_keyness_from_counts_by_hand() -> None:
    """2×2 table: target a=2 of 3 terms, reference b=0 of 2 terms; chi² without correction
    N(ad - bc)²/((a+b)(c+d)(a+c)(b+d)) = 5·(2·2 - 0·1)²/(2·3·3·2) = 80/36."""
    counts = pd.DataFrame(
        {"group": ["t", "t", "r"], "term": ["x", "y", "y"], "frequency": [2, 1, 2]}
    )
    k = keyness_from_counts(counts, "t", correction="none")
    assert k["term"].tolist() == ["x", "y"]
    assert k["statistic"].iloc[0] == pytest.approx(80 / 36)
    assert k[["n_target", "n_reference"]].values.tolist() == [[2, 0], [1, 2]]
    # A custom group column name.
    renamed = counts.rename(columns={"group": "outlet"})
    pd.testing.assert_frame_equal(keyness_from_counts(renamed, "t", correction="none",
                                                      group="outlet"), k)  # fmt: skip


@pytest.mark.parametrize(
    ("target", "options", "message"),
    [
        ("zz", {}, r"target 'zz' is not a value of 'group'; values: 'A', 'B', 'C'"),
        (["A", "B", "C"], {}, "target covers every group; nothing left as reference"),
        ([], {}, r"target \(empty\) is not a value"),
        ("A", {"measure": "fisher", "correction": "yates"}, "does not apply to measure='fisher'"),
        ("A", {"measure": "bogus"}, "measure"),
        ("A", {"correction": "bogus"}, "correction"),
    ],
)
def test_keyness_from_counts_errors_as_keyness(synth, target, options, message) -> None:
    docs, tokens = synth
    counts = term_frequency(tokens, by="outlet", docs=docs, dropna=True)
    with pytest.raises(ValueError, match=message):
        keyness_from_counts(counts, target, **options)
    with pytest.raises(ValueError):
        keyness(tokens, target, by="outlet", docs=docs, dropna=True, **options)


def test_keyness_from_counts_needs_its_columns() -> None:
    with pytest.raises(ValueError, match="frequency"):
        keyness_from_counts(pd.DataFrame({"group": ["a"], "term": ["x"]}), "a")


# --------------------------------------------------------------------------- collocations

COLLOCATION_MEASURES = ["z", "lambda", "likelihood_ratio", "pmi", "student_t", "chi_sq", "count"]

HAND_MADE = (
    "I like good ice cream. Me too! I like good ice cream.",
    "Red tape. Tape red, red tape of the state.",
    "Alone.",
    "",
    "New York City police said crime rose in New York City; the police said so.",
    "Ice cream, good ice cream and red tape in New York.",
)


@pytest.fixture(scope="module")
def chunk_corpus() -> pd.DataFrame:
    """The sample study's documents, hand-made ones and seeded ones (doc_ids all distinct)."""
    sample, _ = load_study_docs(load_study(DATA / "study.yml"))
    hand = make_docs(*HAND_MADE).assign(doc_id=lambda d: "h" + d["doc_id"])
    synth = synthetic_docs(30, seed=11).assign(doc_id=lambda d: "s" + d["doc_id"])
    return pd.concat(
        [sample[["doc_id", "text"]], hand[["doc_id", "text"]], synth[["doc_id", "text"]]],
        ignore_index=True,
    )


def one_doc_chunks(docs: pd.DataFrame, shared: bool) -> list[pd.DataFrame]:
    vocab = Vocabulary() if shared else None
    return [tokenize(docs.iloc[[i]], vocabulary=vocab) for i in range(len(docs))]


@pytest.mark.parametrize("shared", [True, False], ids=["one_vocabulary", "own_categories"])
# (trigrams in the slow run: the fast run's 3-minute budget, wave 21)
@pytest.mark.parametrize("size", [2, pytest.param(3, marks=pytest.mark.slow)])
@pytest.mark.parametrize(
    "options", [{}, {"stopwords": ["the", "of", "a", "and"]}, {"remove_punct": False}]
)
def test_collocation_counts_of_chunks_equal_collocations(
    chunk_corpus: pd.DataFrame, shared: bool, size: int, options: dict
) -> None:
    chunks = one_doc_chunks(chunk_corpus, shared)
    if shared:  # the categories extend one another
        first, last = chunks[0]["norm"].cat.categories, chunks[-1]["norm"].cat.categories
        assert list(last[: len(first)]) == list(first)
    cc = CollocationCounts(size, **options)
    for chunk in chunks:
        cc.add(chunk)
    whole = tokenize(chunk_corpus)
    for measure in COLLOCATION_MEASURES:
        for min_count in (1, 2):
            want = collocations(whole, size=size, measure=measure, min_count=min_count,
                                **options)  # fmt: skip
            got = cc.table(measure=measure, min_count=min_count)
            pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert len(cc.table(min_count=1)) > 50
    # The chunks concatenated (object norm, categories differing) give the same table too.
    concatenated = pd.concat(chunks, ignore_index=True)
    pd.testing.assert_frame_equal(
        collocations(concatenated, size=size, **options), cc.table(), check_exact=True
    )


@pytest.mark.parametrize("size", [2, 3])
def test_collocation_counts_merge_as_they_come(
    chunk_corpus: pd.DataFrame, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts are re-aggregated once they outgrow the merged counts (here: after a few rows),
    and a table can be asked for between chunks."""
    monkeypatch.setattr(_KeyCounts, "merge_at", 8)
    chunks = one_doc_chunks(chunk_corpus, shared=True)
    cc = CollocationCounts(size)
    half = len(chunks) // 2
    for chunk in chunks[:half]:
        cc.add(chunk)
    assert len(cc._sequences._parts) < half  # merged along the way
    pd.testing.assert_frame_equal(
        cc.table(min_count=1, smoothing=0.25),
        collocations(tokenize(chunk_corpus.iloc[:half]), size=size, min_count=1, smoothing=0.25),
        check_exact=True,
    )
    for chunk in chunks[half:]:
        cc.add(chunk)
    pd.testing.assert_frame_equal(
        cc.table(), collocations(tokenize(chunk_corpus), size=size), check_exact=True
    )


def test_collocation_counts_after_tokens_remove_and_empty_chunks() -> None:
    docs = make_docs("red tape of the state", "the state of red tape", "Alone.")
    chunks = [tokens_remove(tokenize(docs.iloc[[i]]), ["of"]) for i in range(3)]
    cc = CollocationCounts(2)
    for chunk in chunks:
        cc.add(chunk)
    cc.add(chunks[0].iloc[:0])  # an empty chunk adds nothing
    assert cc.table(min_count=1, measure="count")[["collocation", "count"]].values.tolist() == [
        ["red tape", 2],
        ["the state", 2],
    ]
    pd.testing.assert_frame_equal(
        cc.table(min_count=1), collocations(pd.concat(chunks), min_count=1), check_exact=True
    )


def test_collocation_counts_empty_and_errors() -> None:
    cc = CollocationCounts(3)
    assert cc.table().empty
    pd.testing.assert_frame_equal(cc.table(), collocations(tokenize(make_docs("Alone."))))
    with pytest.raises(ValueError, match="size=4 is not allowed; choose one of 2, 3"):
        CollocationCounts(4)
    with pytest.raises(TypeError, match="not a single string"):
        CollocationCounts(2, stopwords="the")
    with pytest.raises(ValueError, match="min_count=0"):
        cc.table(min_count=0)
    with pytest.raises(ValueError, match="'z', 'lambda', 'likelihood_ratio'"):
        cc.table(measure="dice")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="smoothing=-1"):
        cc.table(smoothing=-1)
    with pytest.raises(ValueError, match="norm"):
        cc.add(pd.DataFrame({"doc_id": ["d1"], "sent": [0], "tok": [0]}))


# --------------------------------------------------------------------------- trend


def with_n_words(docs: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The per-document overview of the report engine: no text, word tokens per document."""
    words = pd.Series(~np.asarray(is_punct(tokens)), index=tokens["doc_id"].astype(str))
    per_doc = words.groupby(level=0).sum().reindex(docs["doc_id"].astype(str), fill_value=0)
    return docs.drop(columns="text").assign(n_words=per_doc.to_numpy().astype("int64"))


@pytest.fixture(scope="module")
def dated() -> tuple[pd.DataFrame, pd.DataFrame]:
    docs = synthetic_docs(24, seed=3)
    days = pd.date_range("2023-01-15", periods=24, freq="17D").strftime("%Y-%m-%d").tolist()
    days[5] = None  # an undated document (dropna)
    docs["date"] = days
    docs.loc[7, "text"] = "!"  # a document without words
    return docs, tokenize(docs)


@pytest.mark.parametrize("by", ["month", "quarter", "auto"])
def test_trend_with_n_words_equals_trend_with_tokens(dated, by: str) -> None:
    docs, tokens = dated
    overview = with_n_words(docs, tokens)
    assert overview["n_words"].iloc[7] == 0
    rng = np.random.default_rng(5)
    pick = rng.choice(docs["doc_id"].to_numpy(), 40)
    hits = pd.DataFrame({"doc_id": pick, "theme": rng.choice(["crime", "economy"], 40)})
    mentions = pd.DataFrame({"doc_id": pick[:25], "actor_id": rng.choice(["A1", "A2"], 25)})
    cases = [  # (table, docs) with tokens; (table, docs) with n_words
        ((docs, None), (overview, None)),
        ((hits, docs), (hits, overview)),
        ((mentions, docs), (mentions, overview)),
    ]
    for (table, docs_arg), (table_n, docs_n) in cases:
        want = trend(table, docs=docs_arg, tokens=tokens, by=by, dropna=True)
        got = trend(table_n, docs=docs_n, by=by, dropna=True)
        assert "n_words" in got.columns
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    # keys= and the sample study's documents.
    want = trend(hits, docs=docs, tokens=tokens, keys=["economy", "crime", "none"], dropna=True)
    got = trend(hits, docs=overview, keys=["economy", "crime", "none"], dropna=True)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_trend_n_words_on_the_sample_study(sample_docs, sample_tokens) -> None:
    overview = with_n_words(sample_docs, sample_tokens)
    pd.testing.assert_frame_equal(
        trend(overview, by="day"), trend(sample_docs, tokens=sample_tokens, by="day")
    )


def test_trend_n_words_by_hand_and_tokens_take_precedence() -> None:
    docs = make_docs("Crime rose.", "Crime and crime.", "Calm.",
                     date=["2023-11-30", "2023-12-06", "2024-02-01"])  # fmt: skip
    hits = pd.DataFrame({"doc_id": ["d1", "d2", "d2"], "theme": ["crime"] * 3})
    overview = docs.assign(n_words=[10, 20, 30])
    got = trend(hits, docs=overview, by="year")
    assert got[["period", "count", "n_words", "per_1k_words"]].values.tolist() == [
        ["2023", 3, 30, 100.0],
        ["2024", 0, 30, 0.0],
    ]
    # tokens given: the words are counted from them (2 + 3, 1), n_words is ignored
    with_tokens = trend(hits, docs=overview, tokens=tokenize(docs), by="year")
    assert with_tokens["n_words"].tolist() == [5, 1]
    assert "n_words" not in trend(hits, docs=docs, by="year").columns


@pytest.mark.parametrize(
    ("n_words", "message"),
    [
        ([1, None, 3], "'n_words' is missing for 1 document"),
        ([1.5, 2, 3], "'n_words' must be whole numbers"),
        (["a", "2", "3"], "'n_words' must be whole numbers"),
    ],
)
def test_trend_bad_n_words_column(n_words, message: str) -> None:
    docs = make_docs("a", "b", "c", date=["2023-01-01", "2023-02-01", "2023-03-01"])
    with pytest.raises(ValueError, match=message):
        trend(docs.assign(n_words=n_words))


@pytest.mark.parametrize("size", [2, 3])
def test_collocation_counts_per_chunk_merged_equal_collocations(
    chunk_corpus: pd.DataFrame, size: int
) -> None:
    """As the report's workers count: one object per chunk, tokenised with a vocabulary
    carried across chunks (so most of a later chunk's categories are unused there; only the
    used ones are kept), merged into one."""
    chunks = one_doc_chunks(chunk_corpus, shared=True)
    assert len(chunks[-1]["norm"].cat.categories) > chunks[-1]["norm"].nunique()
    total = CollocationCounts(size)
    for chunk in chunks:
        own = CollocationCounts(size)
        own.add(chunk)
        assert len(own._names) == chunk["norm"].nunique()
        total.merge(own)
    for measure in COLLOCATION_MEASURES:
        pd.testing.assert_frame_equal(
            total.table(measure=measure, min_count=1),
            collocations(tokenize(chunk_corpus), size=size, measure=measure, min_count=1),
            check_exact=True,
        )


def test_collocation_table_order_is_pandas_sort() -> None:
    """The table's lexsort order equals ``sort_values([measure, "collocation"])`` descending
    then ascending, ties (many in ``count``) broken by the collocation in code-point order."""
    docs = make_docs("Zeta alpha b. Zeta alpha b. Ωmega x. a b c d e f", "b a. Zeta alpha. x y")
    tokens = tokenize(docs)
    for measure in COLLOCATION_MEASURES:
        got = collocations(tokens, min_count=1, measure=measure)
        want = got.sort_values([measure, "collocation"], ascending=[False, True],
                               kind="stable", na_position="last").reset_index(drop=True)  # fmt: skip
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert collocations(tokens, min_count=1, measure="count")["collocation"].tolist() == [
        "zeta alpha", "alpha b", "a b", "b a", "b c", "c d", "d e", "e f", "x y", "ωmega x"]  # fmt: skip
