"""Streaming: stream_analyze equals the single-process functions run on the whole corpus.

(iter_corpus, its reader, is tested in test_corpus.py.)"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from analysis._aggregate import progress_enabled
from analysis.actors import actor_counts, find_mentions, load_actors
from analysis.corpus import CorpusError
from analysis.frequency import term_frequency
from analysis.networks import comention_edges
from analysis.stream import CorpusSummary, iter_corpus, stream_analyze
from analysis.text import tokenize
from analysis.themes import code_themes, load_codebook, theme_matrix
from tests.conftest import DATA, make_docs

CODEBOOK = DATA / "codebooks" / "asean_china_crime.yml"
ACTORS = DATA / "actors" / "asean_china.yml"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(CODEBOOK)


@pytest.fixture(scope="module")
def actors():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shared spellings in the sample table are intended
        return load_actors(ACTORS)


# ------------------------------------------------------------------------------- progress


def test_progress_enabled_obeys_true_and_false_and_is_off_under_pytest(monkeypatch):
    assert progress_enabled(True) is True
    assert progress_enabled(False) is False
    assert progress_enabled(None) is False  # pytest is running
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)
    monkeypatch.setenv("CI", "true")
    assert progress_enabled(None) is False


# ------------------------------------------------------------------------------- stream_analyze


def test_stream_analyze_term_frequency_counted_by_hand():
    docs = make_docs("a b a.", "b c", "a", outlet=["X", "Y", "X"])
    res = stream_analyze(docs, chunksize=1)
    tf = res.term_frequency
    assert tf[["term", "frequency", "rank", "docfreq", "group"]].values.tolist() == [
        ["a", 3, 1, 2, "all"],
        ["b", 2, 2, 2, "all"],
        ["c", 1, 3, 1, "all"],
    ]
    assert tf["relative"].tolist() == pytest.approx([3 / 6, 2 / 6, 1 / 6])
    assert (res.n_docs, res.n_tokens) == (3, 7)  # the full stop is a token
    by = stream_analyze(docs, chunksize=2, by="outlet").term_frequency
    assert by[["group", "term", "frequency", "rank", "docfreq"]].values.tolist() == [
        ["X", "a", 3, 1, 2],
        ["X", "b", 1, 2, 1],
        ["Y", "b", 1, 1, 1],
        ["Y", "c", 1, 1, 1],
    ]


@pytest.mark.parametrize("by", [None, "outlet"])
# (chunks of two documents in the slow run: the fast run's 3-minute budget, wave 21)
@pytest.mark.parametrize("chunksize", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_stream_analyze_equals_single_process_functions_on_the_sample(
    sample_docs, sample_tokens, codebook, actors, by, chunksize
):
    res = stream_analyze(
        sample_docs, codebook=codebook, actors=actors, by=by, chunksize=chunksize,
        normalize="per_1k_tokens", actor_normalize="share_of_docs",
    )  # fmt: skip
    assert isinstance(res, CorpusSummary)
    hits = code_themes(sample_tokens, codebook, docs=sample_docs)
    mentions = find_mentions(sample_tokens, actors, docs=sample_docs)
    pd.testing.assert_frame_equal(
        res.term_frequency, term_frequency(sample_tokens, by=by, docs=sample_docs)
    )
    pd.testing.assert_frame_equal(
        res.theme_matrix,
        theme_matrix(
            hits, docs=sample_docs, tokens=sample_tokens, codebook=codebook, by=by,
            normalize="per_1k_tokens",
        ),
    )  # fmt: skip
    pd.testing.assert_frame_equal(
        res.actor_counts,
        actor_counts(mentions, docs=sample_docs, by=by, actors=actors, normalize="share_of_docs"),
    )
    pd.testing.assert_frame_equal(
        res.comention_edges, comention_edges(mentions, by=by, docs=sample_docs)
    )
    assert (res.n_docs, res.n_tokens) == (2, len(sample_tokens))


@pytest.mark.parametrize("scheme", ["prop", "tfidf"])
def test_stream_analyze_weighted_term_frequency_equals_term_frequency(
    sample_docs, sample_tokens, scheme
):
    res = stream_analyze(sample_docs, chunksize=1, scheme=scheme, by="outlet", min_count=2)
    expected = term_frequency(
        sample_tokens, scheme=scheme, by="outlet", docs=sample_docs, min_count=2
    )
    pd.testing.assert_frame_equal(res.term_frequency, expected)


def test_stream_analyze_sentence_unit_and_level_equal_theme_matrix(
    sample_docs, sample_tokens, codebook
):
    res = stream_analyze(
        sample_docs, codebook=codebook, chunksize=1, theme_unit="sentence",
        normalize="share_of_sentences", level=1,
    )  # fmt: skip
    hits = code_themes(sample_tokens, codebook, docs=sample_docs)
    expected = theme_matrix(
        hits, docs=sample_docs, tokens=sample_tokens, codebook=codebook, unit="sentence",
        normalize="share_of_sentences", level=1,
    )  # fmt: skip
    pd.testing.assert_frame_equal(res.theme_matrix, expected)


def test_stream_analyze_writes_hits_and_mentions_to_parquet(
    tmp_path, sample_docs, sample_tokens, codebook, actors
):
    res = stream_analyze(
        sample_docs, codebook=codebook, actors=actors, chunksize=1,
        hits_path=tmp_path / "out" / "hits.parquet", mentions_path=tmp_path / "mentions.parquet",
    )  # fmt: skip
    assert res.hits_path == tmp_path / "out" / "hits.parquet"
    hits = code_themes(sample_tokens, codebook, docs=sample_docs)
    mentions = find_mentions(sample_tokens, actors, docs=sample_docs)
    pd.testing.assert_frame_equal(
        pd.read_parquet(res.hits_path), hits.assign(doc_id=hits["doc_id"].astype(str))
    )
    pd.testing.assert_frame_equal(
        pd.read_parquet(res.mentions_path), mentions.assign(doc_id=mentions["doc_id"].astype(str))
    )
    assert not list(tmp_path.rglob("*.part"))


def test_stream_analyze_leaves_no_hits_file_when_a_chunk_fails(tmp_path, codebook):
    def chunks():
        yield make_docs("Cyber crime.")
        raise CorpusError("second chunk is broken")

    with pytest.raises(CorpusError, match="second chunk is broken"):
        stream_analyze(chunks(), codebook=codebook, hits_path=tmp_path / "hits.parquet")
    assert list(tmp_path.iterdir()) == []


def test_stream_analyze_reads_a_parquet_path_chunk_by_chunk(tmp_path, sample_docs, sample_tokens):
    path = tmp_path / "c.parquet"
    sample_docs.to_parquet(path, index=False)
    res = stream_analyze(path, chunksize=1, by="outlet")
    pd.testing.assert_frame_equal(
        res.term_frequency, term_frequency(sample_tokens, by="outlet", docs=sample_docs)
    )


def test_stream_analyze_on_a_generated_corpus_equals_term_frequency_by_doc():
    rng = np.random.default_rng(7)
    words = np.array(["alpha", "beta", "gamma", "delta", "cyber", "crime", "China", "ASEAN"])
    texts = [" ".join(rng.choice(words, size=int(rng.integers(1, 30)))) + "." for _ in range(40)]
    docs = make_docs(*texts, outlet=list(rng.choice(["A", "B", "C"], size=40)))
    tokens = tokenize(docs)
    for by in ("doc_id", "outlet"):
        res = stream_analyze(docs, chunksize=7, by=by)
        pd.testing.assert_frame_equal(res.term_frequency, term_frequency(tokens, by=by, docs=docs))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scheme": "tf"}, "scheme='tf' is not allowed; choose one of 'count', 'prop', 'tfidf'"),
        ({"theme_unit": "para"}, "theme_unit='para' is not allowed"),
        ({"normalize": "per_doc"}, "normalize='per_doc' is not allowed"),
        ({"actor_normalize": "x"}, "actor_normalize='x' is not allowed"),
        ({"edge_unit": "line"}, "edge_unit='line' is not allowed; choose one of 'sentence', 'doc'"),
        ({"chunksize": 0}, "chunksize=0 must be a positive integer"),
    ],
)
def test_stream_analyze_rejects_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        stream_analyze(make_docs("a"), **kwargs)


def test_progress_true_draws_a_bar_on_stderr_counting_documents(tmp_path, capsys):
    path = tmp_path / "c.csv"
    make_docs("a", "b", "c").to_csv(path, index=False)
    list(iter_corpus(path, chunksize=2, progress=True))
    assert "3doc" in capsys.readouterr().err.replace(" ", "")
    stream_analyze(make_docs("a", "b"), chunksize=1, progress=True)
    assert "2/2" in capsys.readouterr().err


# ------------------------------------------------------------------------------- grouping rule


def _in_memory(docs, codebook, actors, by, dropna=False):
    tokens = tokenize(docs)
    hits = code_themes(tokens, codebook, docs=docs)
    mentions = find_mentions(tokens, actors, docs=docs)
    return {
        "term_frequency": term_frequency(
            tokens, by=by, docs=docs, dropna=dropna, scheme="tfidf"
        ),
        "theme_matrix": theme_matrix(
            hits, docs=docs, tokens=tokens, codebook=codebook, by=by, dropna=dropna,
            normalize="per_1k_tokens",
        ),
        "actor_counts": actor_counts(
            mentions, docs=docs, tokens=tokens, by=by, dropna=dropna, actors=actors,
            normalize="per_1k_tokens",
        ),
        "comention_edges": comention_edges(
            mentions, by=by, docs=docs, dropna=dropna, unit="doc"
        ),
    }  # fmt: skip


def _streamed(docs, codebook, actors, by, chunksize, dropna=False):
    return stream_analyze(
        docs, codebook=codebook, actors=actors, by=by, dropna=dropna, chunksize=chunksize,
        scheme="tfidf", normalize="per_1k_tokens", actor_normalize="per_1k_tokens",
        edge_unit="doc",
    )  # fmt: skip


def _assert_same(res, expected):
    for name, table in expected.items():
        pd.testing.assert_frame_equal(getattr(res, name), table, obj=name)


@pytest.fixture()
def four_docs() -> pd.DataFrame:
    return make_docs(
        "China and ASEAN discussed cyber crime.",
        "Vietnam and China signed a deal on cyber security.",
        "ASEAN met. Vietnam spoke about crime.",
        "Nothing here.",
        outlet=["Z", "A", "Z", "M"],
    )


@pytest.mark.slow  # (the streaming pipeline twice per chunk size; make test-all and CI run it)
@pytest.mark.parametrize("chunksize", [1, 3])
def test_stream_groups_by_a_series_or_a_mapping_like_the_in_memory_functions(
    four_docs, codebook, actors, chunksize
):
    mapping = {"d1": "west", "d2": "east", "d3": "west", "d4": "east", "other": "x"}
    expected = _in_memory(four_docs, codebook, actors, pd.Series(mapping))
    assert expected["term_frequency"]["group"].unique().tolist() == ["east", "west"]
    _assert_same(_streamed(four_docs, codebook, actors, pd.Series(mapping), chunksize), expected)
    _assert_same(_streamed(four_docs, codebook, actors, mapping, chunksize), expected)


@pytest.mark.parametrize("chunksize", [1, 2])
def test_stream_keeps_category_order_and_unused_categories(four_docs, codebook, actors, chunksize):
    docs = four_docs.assign(
        outlet=pd.Categorical(four_docs["outlet"], categories=["Z", "M", "A", "unused"])
    )
    expected = _in_memory(docs, codebook, actors, "outlet")
    res = _streamed(docs, codebook, actors, "outlet", chunksize)
    _assert_same(res, expected)
    assert res.theme_matrix["group"].unique().tolist() == ["Z", "M", "A", "unused"]
    assert res.actor_counts["group"].unique().tolist() == ["Z", "M", "A", "unused"]
    assert res.term_frequency["group"].unique().tolist() == ["Z", "M", "A"]


def test_stream_by_doc_id_keeps_corpus_order(four_docs, codebook, actors):
    docs = four_docs.iloc[[2, 0, 3, 1]].reset_index(drop=True)
    res = _streamed(docs, codebook, actors, "doc_id", 3)
    _assert_same(res, _in_memory(docs, codebook, actors, "doc_id"))
    assert res.theme_matrix["group"].unique().tolist() == ["d3", "d1", "d4", "d2"]


def test_stream_missing_group_value_is_an_error_unless_dropna(four_docs, codebook, actors):
    docs = four_docs.assign(outlet=["Z", None, "Z", "M"])
    with pytest.raises(ValueError, match=r"docs\['outlet'\] has no group value for doc_id\(s\) d2"):
        stream_analyze(docs, by="outlet", chunksize=2)
    with pytest.raises(ValueError, match=r"the by= mapping has no group value for doc_id\(s\) d4"):
        stream_analyze(docs, by={"d1": "a", "d2": "b", "d3": "c"}, chunksize=2)
    res = _streamed(docs, codebook, actors, "outlet", 1, dropna=True)
    _assert_same(res, _in_memory(docs, codebook, actors, "outlet", dropna=True))
    assert res.n_docs == 4  # documents read; d2 is only left out of the groups
    assert "signed" not in set(res.term_frequency["term"])
    assert res.actor_counts.drop_duplicates("group")["n_docs"].tolist() == [1, 2]


def test_stream_rejects_a_by_of_another_type():
    with pytest.raises(TypeError, match="by must be None, a document-variable name"):
        stream_analyze(make_docs("a"), by=3)


# ------------------------------------------------------------------------------- carried vocabulary


def test_stream_with_stopwords_equals_term_frequency(sample_docs, sample_tokens):
    # The streamed counts use the carried vocabulary's punctuation and stopword masks.
    stop = ["the", "And", "of", "Việt"]
    for by in (None, "outlet", "doc_id"):
        res = stream_analyze(sample_docs, chunksize=1, by=by, stopwords=stop)
        want = term_frequency(sample_tokens, by=by, docs=sample_docs, stopwords=stop)
        pd.testing.assert_frame_equal(res.term_frequency, want)


def test_stream_detects_wrapped_documents_per_document():
    wrapped = (
        "The delegates agreed to share information on online scams and to\n"
        "hold a joint training course next year. The next meeting will take\n"
        "place in Beijing, the organisers of the conference said on Friday\n"
        "evening after the closing session of the two-day meeting in Hanoi.\n"
    )
    docs = make_docs(wrapped, "One paragraph.\nAnother one.", wrapped)
    tokens = tokenize(docs)
    for line_breaks in ("auto", "line"):
        res = stream_analyze(docs, chunksize=1, by="doc_id", line_breaks=line_breaks)
        want = term_frequency(tokenize(docs, line_breaks=line_breaks), by="doc_id", docs=docs)
        pd.testing.assert_frame_equal(res.term_frequency, want)
    # the default is "auto": the wrapped documents have 2 sentences, the other one 2
    assert tokens.groupby("doc_id", observed=True)["sent"].max().tolist() == [2, 2, 2]
    assert tokenize(docs, line_breaks="line")["sent"].max() == 5


def test_patterns_match_the_same_on_chunks_sharing_a_vocabulary():
    from analysis.matching import compile_patterns, match
    from analysis.text import Vocabulary

    spec = {
        "crime": ["crime*", "cyber fraud"],
        "year": [r"regex:(19|20)\d\d"],
        "court": ["supreme court", "court?"],
    }
    carried_ps = compile_patterns(spec)  # sees the growing vocabulary, chunk after chunk
    chunks = [
        make_docs("Crime rose in 2019. The courts met."),
        make_docs("Cyber fraud and crimes fell in 2023.", "The Supreme Court ruled."),
        make_docs("Criminals and cyber fraud; 1999 and 2024 too.", "No match here."),
    ]
    vocab = Vocabulary()
    cols = ["doc_id", "start", "end", "matched", "key"]
    for docs in chunks:
        carried = match(tokenize(docs, vocabulary=vocab), carried_ps, docs=docs)
        alone = match(tokenize(docs), compile_patterns(spec), docs=docs)
        assert carried[cols].astype(str).values.tolist() == alone[cols].astype(str).values.tolist()
    # hand-checked: "Criminals" is not crime* ("crimi..."); the years and the phrase match
    assert carried["matched"].tolist() == ["cyber fraud", "1999", "2024"]
