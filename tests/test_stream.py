"""Streaming: iter_corpus reads what load_corpus reads, chunk by chunk; stream_analyze equals the
single-process functions run on the whole corpus."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.actors import actor_counts, find_mentions, load_actors
from analysis.corpus import CorpusError, load_corpus
from analysis.frequency import term_frequency
from analysis.networks import comention_edges
from analysis.stream import CorpusSummary, _progress_enabled, iter_corpus, stream_analyze
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


@pytest.fixture()
def table_docs() -> pd.DataFrame:
    # CRLF, a decomposed "ư" (u + U+031B) and a BOM-free curly apostrophe: normalised on reading.
    return make_docs(
        "China\u2019s envoy met ASEAN.\r\nThey talked.",
        "Thu\u031bo\u031b\u0309ng spoke in Hanoi.",
        "Cyber crime rose.",
        "Three, four.",
        "Five.",
        outlet=["A", "B", "A", "C", "B"],
    )


def _write(docs: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".csv":
        docs.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        path.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in docs.to_dict("records")) + "\n",
            encoding="utf-8",
        )
    else:
        docs.to_parquet(path, index=False, row_group_size=2)
    return path


# ------------------------------------------------------------------------------- iter_corpus


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
@pytest.mark.parametrize("chunksize", [1, 2, 5, 100])
def test_iter_corpus_chunks_concatenate_to_load_corpus_for_tables(
    tmp_path, table_docs, suffix, chunksize
):
    path = _write(table_docs, tmp_path / f"corpus{suffix}")
    chunks = list(iter_corpus(path, chunksize=chunksize))
    assert [len(c) for c in chunks] == [min(chunksize, 5 - i) for i in range(0, 5, chunksize)]
    assert all(c.index.tolist() == list(range(len(c))) for c in chunks)
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), load_corpus(path))


def test_iter_corpus_normalises_text_like_load_corpus(tmp_path, table_docs):
    docs = pd.concat(iter_corpus(_write(table_docs, tmp_path / "c.csv"), chunksize=2))
    assert docs["text"].iloc[0] == "China\u2019s envoy met ASEAN.\nThey talked."
    assert docs["text"].iloc[1] == "Thưởng spoke in Hanoi."  # NFC: one code point per letter


@pytest.mark.parametrize("chunksize", [1, 2])
def test_iter_corpus_folder_with_metadata_equals_load_corpus(chunksize):
    chunks = list(iter_corpus(DATA / "raw", metadata=DATA / "metadata.csv", chunksize=chunksize))
    expected = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    assert len(chunks) == 2 // chunksize
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), expected)
    assert list(expected["doc_id"]) == ["vna_2023-12-06", "thanhnien_2023-12-06"]


def test_iter_corpus_folder_without_metadata_uses_file_stems(tmp_path):
    for name, text in [("b", "Second."), ("a", "First."), ("c", "Third.")]:
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    chunks = list(iter_corpus(tmp_path, chunksize=2))
    assert [c["doc_id"].tolist() for c in chunks] == [["a", "b"], ["c"]]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), load_corpus(tmp_path))


def test_iter_corpus_columns_keeps_only_the_named_docvars(tmp_path, table_docs):
    path = _write(table_docs.assign(extra="x"), tmp_path / "c.parquet")
    chunk = next(iter_corpus(path, columns=["outlet"]))
    assert list(chunk.columns) == ["doc_id", "text", "outlet", "sha256"]


def test_iter_corpus_refuses_a_doc_id_repeated_in_a_later_chunk(tmp_path):
    path = _write(make_docs("a", "b", "c").assign(doc_id=["x", "y", "x"]), tmp_path / "c.csv")
    chunks = iter_corpus(path, chunksize=2)
    assert len(next(chunks)) == 2
    with pytest.raises(CorpusError, match=r"c\.csv: duplicate doc_id: x"):
        next(chunks)


def test_iter_corpus_names_the_file_of_a_non_utf8_csv(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("doc_id,text\nd1,caf\xe9\n".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"latin\.csv: not valid UTF-8"):
        list(iter_corpus(path))


def test_iter_corpus_names_the_missing_text_column(tmp_path):
    path = _write(make_docs("a").rename(columns={"text": "body"}), tmp_path / "c.parquet")
    with pytest.raises(
        CorpusError, match=r"c\.parquet: needs a 'text' column \(has: doc_id, body\)"
    ):
        list(iter_corpus(path))


def test_iter_corpus_empty_documents_follow_the_empty_policy(tmp_path):
    path = _write(make_docs("a", "  ", "c"), tmp_path / "c.csv")
    with pytest.raises(CorpusError, match=r"1 empty document\(s\): d2"):
        list(iter_corpus(path, chunksize=2))
    kept = pd.concat(iter_corpus(path, chunksize=2, empty="drop"), ignore_index=True)
    assert kept["doc_id"].tolist() == ["d1", "d3"]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"chunksize": 0}, ValueError, "chunksize=0 must be a positive integer"),
        ({"empty": "skip"}, ValueError, "empty='skip' is not allowed; choose one of 'error'"),
    ],
)
def test_iter_corpus_rejects_bad_options(tmp_path, kwargs, error, message):
    path = _write(make_docs("a"), tmp_path / "c.csv")
    with pytest.raises(error, match=message):
        iter_corpus(path, **kwargs)


def test_iter_corpus_errors_for_missing_or_unknown_sources(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        iter_corpus(tmp_path / "nope.csv")
    (tmp_path / "c.xlsx").write_text("x")
    with pytest.raises(CorpusError, match=r"unknown corpus format '\.xlsx'"):
        iter_corpus(tmp_path / "c.xlsx")


# ------------------------------------------------------------------------------- progress


def test_progress_enabled_obeys_true_and_false_and_is_off_under_pytest(monkeypatch):
    assert _progress_enabled(True) is True
    assert _progress_enabled(False) is False
    assert _progress_enabled(None) is False  # pytest is running
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)
    monkeypatch.setenv("CI", "true")
    assert _progress_enabled(None) is False


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
@pytest.mark.parametrize("chunksize", [1, 2])
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
            hits, sample_docs, tokens=sample_tokens, codebook=codebook, by=by,
            normalize="per_1k_tokens",
        ),
    )  # fmt: skip
    pd.testing.assert_frame_equal(
        res.actor_counts,
        actor_counts(mentions, sample_docs, by=by, actors=actors, normalize="share_of_docs"),
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
        hits, sample_docs, tokens=sample_tokens, codebook=codebook, unit="sentence",
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
    path = _write(make_docs("a", "b", "c"), tmp_path / "c.csv")
    list(iter_corpus(path, chunksize=2, progress=True))
    assert "3doc" in capsys.readouterr().err.replace(" ", "")
    stream_analyze(make_docs("a", "b"), chunksize=1, progress=True)
    assert "2/2" in capsys.readouterr().err
