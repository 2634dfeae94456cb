"""stream_analyze with worker processes: the same tables and Parquet files for any number of
workers; and the ordered map they run on (analysis._parallel.map_in_order)."""

from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest

from analysis._parallel import can_fork, map_in_order
from analysis.actors import load_actors
from analysis.stream import iter_corpus, stream_analyze
from analysis.themes import load_codebook
from tests.conftest import DATA, make_docs

CODEBOOK = DATA / "codebooks" / "asean_china_crime.yml"
ACTORS = DATA / "actors" / "asean_china.yml"
TABLES = ("term_frequency", "theme_matrix", "actor_counts", "comention_edges")

needs_fork = pytest.mark.skipif(not can_fork(), reason="worker processes need fork")


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(CODEBOOK)


@pytest.fixture(scope="module")
def actors():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shared spellings in the sample table are intended
        return load_actors(ACTORS)


@pytest.fixture(scope="module")
def paragraphs(sample_docs) -> pd.DataFrame:
    """The sample articles cut into lines: many small documents, in three outlets."""
    texts = [p for text in sample_docs["text"] for p in text.split("\n") if p.strip()]
    assert len(texts) >= 8  # several chunks of 2 for each of two workers
    return make_docs(*texts, outlet=[("A", "B", "C")[i % 3] for i in range(len(texts))])


def run(source, codebook, actors, folder, workers, **options):
    folder.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shared actor spellings
        return stream_analyze(
            source, codebook=codebook, actors=actors, chunksize=2, progress=False,
            hits_path=folder / "hits.parquet", mentions_path=folder / "mentions.parquet",
            workers=workers, **options,
        )  # fmt: skip


def assert_same(one, two) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name), obj=name)
    assert (one.n_docs, one.n_tokens) == (two.n_docs, two.n_tokens)
    for name in ("hits_path", "mentions_path"):
        first, second = pd.read_parquet(getattr(one, name)), pd.read_parquet(getattr(two, name))
        assert len(first) > 0, name
        pd.testing.assert_frame_equal(first, second, obj=name)


@pytest.mark.slow  # (worker processes; make test-all and CI run it)
@needs_fork
@pytest.mark.parametrize(
    "options",
    [
        {},
        {"by": "outlet"},
        {"by": "doc_id", "theme_unit": "sentence", "normalize": "share_of_sentences"},
    ],
    ids=["corpus", "outlet", "doc_id-sentences"],
)
def test_two_workers_give_the_tables_and_files_of_one(
    tmp_path, paragraphs, codebook, actors, options
):
    one = run(paragraphs, codebook, actors, tmp_path / "one", 1, **options)
    two = run(paragraphs, codebook, actors, tmp_path / "two", 2, **options)
    assert one.n_docs == len(paragraphs)
    assert_same(one, two)
    # the hits file is in corpus order: the documents as they come in the docs table
    order = {d: i for i, d in enumerate(paragraphs["doc_id"])}
    hit_docs = pd.read_parquet(two.hits_path)["doc_id"].map(order)
    assert hit_docs.is_monotonic_increasing


@pytest.mark.slow  # (worker processes; make test-all and CI run it)
@needs_fork
def test_workers_on_a_path_and_on_an_iterable_equal_one_process(
    tmp_path, paragraphs, codebook, actors
):
    path = tmp_path / "corpus.parquet"
    paragraphs.to_parquet(path, index=False)
    one = run(path, codebook, actors, tmp_path / "one", 1, by="outlet")
    default = run(path, codebook, actors, tmp_path / "default", None, by="outlet")
    chunks = iter_corpus(path, chunksize=4, sha256=False)
    streamed = run(chunks, codebook, actors, tmp_path / "iterable", 2, by="outlet")
    assert_same(one, default)
    assert_same(one, streamed)


def test_one_chunk_with_workers_is_computed_here(tmp_path, codebook, actors):
    docs = make_docs("China and ASEAN on cyber crime.", "Scam centres.")
    one = run(docs, codebook, actors, tmp_path / "one", 1)
    many = run(docs, codebook, actors, tmp_path / "many", 4)  # one chunk of 2: no pool
    assert_same(one, many)


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_a_bad_workers_value_is_an_error_naming_it(workers):
    with pytest.raises(ValueError, match=rf"^workers={workers!r} must be an integer of at least 1"):
        stream_analyze(make_docs("a"), workers=workers)


def test_map_in_order_here_with_one_worker_or_one_item():
    here = os.getpid()
    assert list(map_in_order(lambda i: (i, os.getpid()), [(1,), (2,)], 1)) == [(1, here), (2, here)]
    assert list(map_in_order(lambda i: (i, os.getpid()), [(1,)], 2)) == [(1, here)]
    assert list(map_in_order(lambda i: i, [], 2)) == []


@needs_fork
def test_map_in_order_uses_workers_from_the_second_item_and_keeps_the_order():
    here = os.getpid()
    out = list(map_in_order(lambda i: (i, os.getpid()), ((i,) for i in range(9)), 2))
    assert [i for i, _ in out] == list(range(9))
    assert here not in {pid for _, pid in out}


@needs_fork
def test_map_in_order_raises_a_workers_error_here():
    def task(i):
        if i == 3:
            raise KeyError("chunk 3 is broken")
        return i

    with pytest.raises(KeyError, match="chunk 3 is broken"):
        list(map_in_order(task, ((i,) for i in range(6)), 2))


@needs_fork
def test_map_in_order_issues_the_warnings_of_the_workers_here_in_order():
    def task(i):
        warnings.warn(f"chunk {i} is odd", UserWarning, stacklevel=1)
        return i

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert list(map_in_order(task, ((i,) for i in range(5)), 2)) == list(range(5))
    assert [str(w.message) for w in caught] == [f"chunk {i} is odd" for i in range(5)]
    assert {w.category for w in caught} == {UserWarning}


@needs_fork
def test_a_chunk_failing_in_a_worker_is_raised_here_and_leaves_no_file(tmp_path, codebook):
    def chunks():
        yield make_docs("Cyber crime.", "Scam centres.")
        yield make_docs("Cyber crime again.")
        yield pd.DataFrame({"doc_id": ["d9"], "body": ["no text column"]})

    with pytest.raises(ValueError, match="text"):
        stream_analyze(chunks(), codebook=codebook, hits_path=tmp_path / "hits.parquet", workers=2)
    assert list(tmp_path.iterdir()) == []
