"""Dask: dask_analyze equals the single-process functions, on the sample corpus and on a
generated one: with the synchronous scheduler (fast), and on a LocalCluster of 2 worker
processes (``slow``: starting the cluster takes seconds)."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.actors import actor_counts, find_mentions, load_actors
from analysis.corpus import CorpusError
from analysis.frequency import term_frequency
from analysis.networks import comention_edges
from analysis.text import tokenize
from analysis.themes import code_themes, load_codebook, theme_matrix
from tests.conftest import DATA, ROOT, make_docs

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from analysis import scale  # noqa: E402
from analysis.scale import dask_analyze, local_cluster  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with local_cluster(2, dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(DATA / "codebooks" / "asean_china_crime.yml")


@pytest.fixture(scope="module")
def actors():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_actors(DATA / "actors" / "asean_china.yml")


def _expected(docs, codebook, actors, by):
    tokens = tokenize(docs)
    hits = code_themes(tokens, codebook, docs=docs)
    mentions = find_mentions(tokens, actors, docs=docs)
    return {
        "term_frequency": term_frequency(tokens, by=by, docs=docs),
        "theme_matrix": theme_matrix(hits, docs=docs, codebook=codebook, by=by),
        "actor_counts": actor_counts(mentions, docs=docs, by=by, actors=actors),
        "comention_edges": comention_edges(mentions, by=by, docs=docs),
        "n_tokens": len(tokens),
    }


def _check(res, expected, n_docs):
    for name in ("term_frequency", "theme_matrix", "actor_counts", "comention_edges"):
        pd.testing.assert_frame_equal(getattr(res, name), expected[name], obj=name)
    assert (res.n_docs, res.n_tokens) == (n_docs, expected["n_tokens"])


# ------------------------------------------------------------------------------- no cluster
# These run before the cluster fixture starts (module order): get_client() finds no client.


@pytest.fixture()
def synchronous():
    import dask

    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.mark.slow  # (Dask; make test-all and CI run it)
@pytest.mark.parametrize("by", [None, "outlet"])
def test_dask_with_the_synchronous_scheduler_equals_single_process(
    synchronous, sample_docs, codebook, actors, by
):
    ddf = dd.from_pandas(sample_docs, npartitions=2)
    res = dask_analyze(ddf, codebook=codebook, actors=actors, by=by)
    _check(res, _expected(sample_docs, codebook, actors, by), 2)


@pytest.mark.slow  # (Dask; make test-all and CI run it)
def test_dask_groups_by_a_mapping_and_drops_missing_groups_on_request(
    synchronous, codebook, actors
):
    docs = make_docs(
        "China and ASEAN discussed cyber crime.",
        "Vietnam and China signed a deal.",
        "ASEAN met. Vietnam spoke about crime.",
    )
    ddf = dd.from_pandas(docs, npartitions=3)
    by = {"d1": "west", "d3": "east"}
    with pytest.raises(ValueError, match=r"the by= mapping has no group value for doc_id\(s\) d2"):
        dask_analyze(ddf, by=by)
    res = dask_analyze(ddf, codebook=codebook, actors=actors, by=by, dropna=True)
    tokens = tokenize(docs)
    mentions = find_mentions(tokens, actors, docs=docs)
    pd.testing.assert_frame_equal(
        res.term_frequency, term_frequency(tokens, by=pd.Series(by), docs=docs, dropna=True)
    )
    pd.testing.assert_frame_equal(
        res.actor_counts,
        actor_counts(mentions, docs=docs, by=by, actors=actors, dropna=True),
    )
    assert res.actor_counts["group"].unique().tolist() == ["east", "west"]


def test_dask_refuses_duplicate_doc_ids_without_a_cluster(synchronous):
    ddf = dd.from_pandas(make_docs("a", "b", "c").assign(doc_id=["x", "y", "x"]), npartitions=2)
    with pytest.raises(CorpusError, match="Dask DataFrame: duplicate doc_id: x"):
        dask_analyze(ddf)
    one = dd.from_pandas(make_docs("a", "b").assign(doc_id=["x", "x"]), npartitions=1)
    with pytest.raises(CorpusError, match="Dask DataFrame partition 0: duplicate doc_id: x"):
        dask_analyze(one)


def test_dask_checks_the_by_column_up_front(synchronous):
    ddf = dd.from_pandas(make_docs("a"), npartitions=1)
    with pytest.raises(CorpusError, match=r"Dask DataFrame needs a 'outlet' column"):
        dask_analyze(ddf, by="outlet")


# ------------------------------------------------------------------------------- LocalCluster


@pytest.mark.slow
def test_local_cluster_runs_single_threaded_workers_without_dasks_malloc_trim(client):
    assert sorted(client.nthreads().values()) == [1, 1]
    # Dask's default pre-spawn setting; local_cluster leaves glibc's own (see analysis.scale).
    import dask

    assert dask.config.get(scale._TRIM_KEY) == 65536
    inherited = os.environ.get("MALLOC_TRIM_THRESHOLD_")
    env = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(env.values()) == [inherited, inherited]


@pytest.mark.slow
@pytest.mark.parametrize("by", [None, "outlet"])
def test_dask_on_two_workers_equals_single_process_on_the_sample(
    client, tmp_path, sample_docs, codebook, actors, by
):
    path = tmp_path / "sample.parquet"
    sample_docs.to_parquet(path, index=False, row_group_size=1)
    ddf = dd.read_parquet(path, split_row_groups=True)
    assert ddf.npartitions == 2
    res = dask_analyze(ddf, codebook=codebook, actors=actors, by=by)
    _check(res, _expected(sample_docs, codebook, actors, by), 2)


@pytest.mark.slow
def test_dask_on_two_workers_equals_single_process_on_a_generated_corpus(
    client, tmp_path, codebook, actors
):
    rng = np.random.default_rng(11)
    vocab = np.array(
        [
            "ASEAN",
            "China",
            "Vietnam",
            "cooperation",
            "cyber",
            "crime",
            "prosecutors",
            "the",
            "of",
            "and",
            "in",
            "said",
            "transnational",
            "security",
            "trafficking",
            "online",
            "fraud",
            "Hanoi",
            "Beijing",
            "law",
        ]
    )
    texts = [
        "\n".join(
            " ".join(rng.choice(vocab, size=int(rng.integers(3, 15)))).capitalize() + "."
            for _ in range(int(rng.integers(1, 4)))
        )
        for _ in range(60)
    ]
    docs = make_docs(*texts, outlet=list(rng.choice(["A", "B", "C"], size=60)))
    path = tmp_path / "generated.parquet"
    docs.to_parquet(path, index=False, row_group_size=9)
    res = dask_analyze(path, codebook=codebook, actors=actors, by="outlet")  # a path: 7 row groups
    _check(res, _expected(docs, codebook, actors, "outlet"), 60)
    assert res.theme_matrix["count"].sum() > 0 and res.actor_counts["mentions"].sum() > 0


@pytest.mark.slow
def test_dask_refuses_duplicate_doc_ids_across_partitions(client, tmp_path):
    path = tmp_path / "dup.parquet"
    make_docs("a", "b", "c").assign(doc_id=["x", "y", "x"]).to_parquet(
        path, index=False, row_group_size=1
    )
    with pytest.raises(CorpusError, match="duplicate doc_id: x"):
        dask_analyze(path)


@pytest.mark.slow
def test_dask_refuses_duplicate_doc_ids_within_one_partition(client):
    ddf = dd.from_pandas(make_docs("a", "b").assign(doc_id=["x", "x"]), npartitions=1)
    with pytest.raises(CorpusError, match="duplicate doc_id: x"):
        dask_analyze(ddf)


@pytest.mark.slow
def test_dask_scatters_a_plan_once_and_again_when_it_changes(client, sample_docs, codebook):
    ddf = dd.from_pandas(sample_docs, npartitions=2)
    first = dask_analyze(ddf, codebook=codebook)
    shipped = scale._last_shipped
    again = dask_analyze(ddf, codebook=codebook)
    assert scale._last_shipped is shipped  # same codebook and options: reused
    pd.testing.assert_frame_equal(again.theme_matrix, first.theme_matrix)
    dask_analyze(ddf, codebook=codebook, min_count=2)
    assert scale._last_shipped[2] is not shipped[2]  # other options: a new plan is scattered
    assert scale._last_shipped[1] != shipped[1]


@pytest.mark.slow
def test_dask_progress_bar_counts_partitions(client, sample_docs, capsys):
    dask_analyze(dd.from_pandas(sample_docs, npartitions=2), progress=True)
    err = capsys.readouterr().err
    assert "partitions: 100%" in err and "2/2" in err
    dask_analyze(dd.from_pandas(sample_docs, npartitions=2))  # default under pytest: no bar
    assert capsys.readouterr().err == ""


@pytest.mark.slow  # a subprocess start-up (about 3 s); run by CI
def test_dask_progress_bar_without_a_distributed_client_counts_tasks():
    code = (
        "import dask.dataframe as dd\n"
        "from analysis.scale import dask_analyze\n"
        "from tests.conftest import make_docs\n"
        "ddf = dd.from_pandas(make_docs('A text.', 'Another text.', 'More.'), npartitions=3)\n"
        "print(dask_analyze(ddf, progress=True).n_docs)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "3"
    assert "dask tasks: 100%" in out.stderr


@pytest.mark.slow
def test_dask_names_a_missing_column(client):
    ddf = dd.from_pandas(make_docs("a").rename(columns={"text": "body"}), npartitions=1)
    with pytest.raises(CorpusError, match=r"needs a 'text' column \(has: doc_id, body\)"):
        dask_analyze(ddf)


@pytest.mark.slow  # (a fresh interpreter; make test-all and CI run it)
def test_import_analysis_does_not_import_dask():
    code = "import sys, analysis, analysis.stream, analysis.scale; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
