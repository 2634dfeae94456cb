"""The report engine: every table computed once, chunk by chunk, equals the in-memory functions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis import (
    actor_theme_matrix,
    code_themes,
    collocations,
    find_mentions,
    find_quotes,
    keyness,
    load_actors,
    load_codebook,
    term_frequency,
    theme_matrix,
    tokenize,
    unlisted_names,
)
from analysis.actors import actor_counts
from analysis.report import (
    TableOptions,
    compute_study_tables,
    load_study,
    load_study_docs,
    study_tables,
)
from analysis.text import load_stopwords
from analysis.trends import period_keyness

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "study.yml"


def _frame(table: pd.DataFrame) -> pd.DataFrame:
    """Categorical doc ids become text in Parquet: compare as text."""
    return table.assign(
        **{
            c: table[c].astype(str)
            for c in table
            if isinstance(table[c].dtype, pd.CategoricalDtype)
        }
    ).reset_index(drop=True)


@pytest.fixture(scope="module")
def sample():
    study = load_study(SAMPLE)
    docs, _ = load_study_docs(study)
    tokens = tokenize(docs)
    return study, docs, tokens


@pytest.fixture(
    scope="module",
    # (a chunk per document in the slow run: the fast run's 3-minute budget, wave 21)
    params=[(2000, 1), pytest.param((1, 1), marks=pytest.mark.slow), (1, 2)],
    ids=["one chunk", "a chunk per document", "two worker processes"],
)
def tables(request, sample, tmp_path_factory):
    study, _, _ = sample
    out = tmp_path_factory.mktemp("tables") / "_tables"
    chunksize, workers = request.param
    return compute_study_tables(study, out, TableOptions(chunksize=chunksize), workers=workers)


def test_term_tables_equal_the_functions(sample, tables):
    study, docs, tokens = sample
    stop = load_stopwords(study.stopwords)
    pd.testing.assert_frame_equal(tables["term_frequency"], term_frequency(tokens, stopwords=stop))
    pd.testing.assert_frame_equal(
        tables["term_frequency_by_group"],
        term_frequency(tokens, by="outlet", docs=docs, stopwords=stop),
    )
    for g in tables.manifest["groups"]:
        key = tables["keyness"]
        mine = key[key["target"] == g].drop(columns="target").reset_index(drop=True)
        want = keyness(tokens, g, by="outlet", docs=docs, measure="g2", stopwords=stop)
        pd.testing.assert_frame_equal(mine, want)
    pd.testing.assert_frame_equal(
        tables["collocations"], collocations(tokens, min_count=2, stopwords=stop)
    )
    # The 3 most frequent terms are the default KWIC patterns.
    assert tables.manifest["kwic_terms"] == ["crimes", "asean", "china"]
    assert len(tables["kwic"]) == int(
        tables["term_frequency"]
        .set_index("term")
        .loc[["crimes", "asean", "china"], "frequency"]
        .sum()
    )


def test_theme_and_actor_tables_equal_the_functions(sample, tables):
    study, docs, tokens = sample
    codebook, actors = load_codebook(study.codebook), load_actors(study.actors)
    hits = code_themes(tokens, codebook, docs=docs)
    pd.testing.assert_frame_equal(tables["hits"], _frame(hits))
    rates = theme_matrix(hits, docs=docs, tokens=tokens, codebook=codebook, by="outlet",
                         unit="doc", normalize="per_1k_tokens", level=1)  # fmt: skip
    pd.testing.assert_frame_equal(tables["theme_rates_by_group"], rates)
    mentions = find_mentions(tokens, actors, docs=docs)
    pd.testing.assert_frame_equal(tables["mentions"], _frame(mentions))
    pd.testing.assert_frame_equal(
        tables["quotes"], _frame(find_quotes(docs, tokens, mentions, **study.quote_options))
    )
    counts = actor_counts(mentions, docs=docs, by="outlet", actors=actors,
                          normalize="per_1k_tokens", tokens=tokens)  # fmt: skip
    pd.testing.assert_frame_equal(tables["actor_counts_by_group"], counts)
    pd.testing.assert_frame_equal(
        tables["actor_theme"], actor_theme_matrix(mentions, hits[hits["depth"] <= 1])
    )
    unlisted = unlisted_names(tokens, mentions, docs=docs)
    pd.testing.assert_frame_equal(
        tables["unlisted_names"][["name", "count", "docfreq"]],
        unlisted[["name", "count", "docfreq"]],
    )
    docs_table = tables["documents"]
    assert docs_table["n_tokens"].sum() == len(tokens) == tables.manifest["n_tokens"]
    assert tables.manifest["rows"] == {"documents": 2, "hits": len(hits),
                                       "mentions": len(mentions), "quotes": 17}  # fmt: skip


def _study(tmp_path: Path, extra: str = "") -> Path:
    """Six dated documents in two outlets, with two periods."""
    raw = tmp_path / "raw"
    raw.mkdir()
    texts = [
        "China and Vietnam signed a pact on cyber crime. The minister said crime fell.",
        "Police in Hanoi arrested ten suspects. Cyber crime rose, the ministry said.",
        "Fraud centres moved to the border. Cyber crime and fraud go together.",
        "Cooperation grew after the meeting. Prosecutors pledged cooperation on fraud.",
        "ASEAN and China agreed on information sharing. Cooperation is key, he said.",
        "The conference ended with a joint statement on cooperation and information sharing.",
    ]
    rows = ["doc_id,file,outlet,date"]
    for i, text in enumerate(texts):
        (raw / f"d{i}.txt").write_text(text, encoding="utf-8")
        rows.append(f"d{i},d{i}.txt,{'A' if i % 2 else 'B'},2023-12-0{i + 1}")
    (tmp_path / "meta.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "codebook.yml").write_text(
        "name: t\nthemes:\n  crime:\n    description: crime\n    patterns: [crime, fraud]\n"
        "  cooperation:\n    description: cooperation\n    patterns: [cooperat*]\n",
        encoding="utf-8",
    )
    study = tmp_path / "study.yml"
    study.write_text(
        "name: six\ncorpus:\n  source: raw\n  metadata: meta.csv\n  duplicates: keep\n"
        "group: outlet\ncodebook: codebook.yml\n"
        "periods:\n  before: [2023-12-01, 2023-12-03]\n  after: [2023-12-04, 2023-12-06]\n" + extra,
        encoding="utf-8",
    )
    return study


def test_period_keyness_and_caps(tmp_path):
    study = load_study(_study(tmp_path))
    opts = TableOptions(chunksize=2, kwic_terms=("crime", "fraud"), max_lines=3)
    tables = compute_study_tables(study, tmp_path / "_tables", opts)
    docs, _ = load_study_docs(study)
    want = period_keyness(tokenize(docs), docs=docs, periods=study.periods, measure="g2")
    pd.testing.assert_frame_equal(tables["keyness_between_periods"], want)
    # crime: d0 x2, d1, d2; fraud: d2 x2, d3: 7 matches, 3 kept, and the reader is told.
    assert len(tables["kwic"]) == 3
    assert tables.manifest["capped"]["kwic"] == 7
    assert tables.notes("kwic") == [
        "7 KWIC lines: the first 3 (in corpus order) are kept; raise `max_lines` or narrow "
        "the patterns to see others."
    ]
    counts = tables["dispersion_counts"].set_index(["key", "group"])["count"].to_dict()
    # outlet A: d1, d3, d5; B: d0, d2, d4 (counted in full, beyond the KWIC cap)
    assert counts == {("crime", "A"): 1, ("crime", "B"): 3, ("fraud", "A"): 1, ("fraud", "B"): 2}
    review = pd.read_csv(tables.path / "hits_for_review.csv", encoding="utf-8-sig")
    assert review["hit_id"].tolist() == [1, 2, 3]


def test_study_tables_reuses_and_recomputes(tmp_path):
    path = _study(tmp_path)
    folder = tmp_path / "_tables"
    first = study_tables(path, folder)
    stamp = os.stat(folder / "manifest.json").st_mtime_ns
    again = study_tables(path, folder, "01_terms", {"kwic_window": 6, "top_n": 3})
    assert again.manifest["key"] == first.manifest["key"]
    assert os.stat(folder / "manifest.json").st_mtime_ns == stamp  # read, not recomputed
    other = study_tables(path, folder, "01_terms", {"kwic_window": 2})
    assert other.manifest["options"]["kwic_window"] == 2
    stamp = os.stat(folder / "manifest.json").st_mtime_ns
    # Another notebook with its own (default) values reads them: its options did not change.
    themes = study_tables(path, folder, "02_themes", {"level": 1, "rate": "per_1k_tokens"})
    assert themes.manifest["options"]["kwic_window"] == 2
    assert os.stat(folder / "manifest.json").st_mtime_ns == stamp
    # A changed input is noticed by its hash.
    (tmp_path / "raw" / "d0.txt").write_text("Crime, crime, crime.", encoding="utf-8")
    changed = study_tables(path, folder, "01_terms", {"kwic_window": 2})
    assert changed.manifest["key"] != other.manifest["key"]
    assert changed.manifest["options"]["kwic_window"] == 2
    assert (
        json.loads((folder / "manifest.json").read_text())["n_tokens"]
        == changed.manifest["n_tokens"]
    )


def test_a_failed_run_leaves_the_old_tables(tmp_path):
    path = _study(tmp_path)
    folder = tmp_path / "_tables"
    study_tables(path, folder)
    before = sorted(p.name for p in folder.iterdir())
    meta = tmp_path / "meta.csv"
    meta.write_text(meta.read_text().replace("d0,d0.txt,B,", "d0,d0.txt,,"), encoding="utf-8")
    with pytest.raises(ValueError, match="d0"):  # a document without a group value
        study_tables(path, folder)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("._tables.tmp")]


@pytest.mark.parametrize("size", [2, pytest.param(3, marks=pytest.mark.slow)])
def test_collocation_counts_merge_equals_one_count(sample, size):
    """Counts made apart (another process, another vocabulary) add up to the whole table."""
    from analysis.collocation import CollocationCounts

    study, docs, tokens = sample
    stop = load_stopwords(study.stopwords)
    parts = []
    for i in range(len(docs)):
        one = CollocationCounts(size, stopwords=stop)
        one.add(tokenize(docs.iloc[[i]].reset_index(drop=True)))  # its own categories
        parts.append(one)
    merged = CollocationCounts(size, stopwords=stop)
    for one in parts:
        merged.merge(one)
    for measure in ("z", "likelihood_ratio"):
        pd.testing.assert_frame_equal(
            merged.table(min_count=1, measure=measure),
            collocations(tokens, size=size, min_count=1, measure=measure, stopwords=stop),
        )
    with pytest.raises(ValueError, match="other options"):
        merged.merge(CollocationCounts(size))


def test_a_group_without_words_gets_a_note_not_a_failure(tmp_path):
    path = _study(tmp_path)
    (tmp_path / "raw" / "d6.txt").write_text("... !!! ???", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text(meta.read_text() + "d6,d6.txt,C,2023-12-06\n", encoding="utf-8")
    tables = study_tables(path, tmp_path / "_tables")
    assert tables.manifest["groups"] == ["A", "B", "C"]
    assert sorted(tables["keyness"]["target"].unique()) == ["A", "B"]
    assert tables.notes("terms") == ["Keyness needs counted words on both sides; none in C."]


def _fail() -> None:
    raise ValueError("job failed")


def test_run_apart_gives_each_jobs_result_or_its_error_in_a_forked_process_or_here():
    import functools
    import os

    from analysis.report.chunks import run_apart

    for apart in (False, True):
        got = run_apart([functools.partial(sum, [1, 2]), os.getpid, _fail], apart=apart)
        assert got[0]() == 3
        assert (got[1]() != os.getpid()) is apart  # forked: another process
        with pytest.raises(ValueError, match="job failed"):
            got[2]()


def _chunk_sizes(i: int, chunk: pd.DataFrame) -> tuple[int, list[str], int]:
    return i, chunk["doc_id"].tolist(), os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_map_chunks_results_from_workers_come_through_files_removed_after(
    tmp_path, monkeypatch, workers
):
    """Worker results travel through files in a spill folder (not the pool's pipe): the same
    results, in order, and the folder is gone when the iteration ends or is stopped."""
    from analysis.report import chunks

    monkeypatch.setattr(chunks, "_SPILL_DIR", str(tmp_path))
    monkeypatch.setattr(chunks, "_SPILL_MIN_FREE", 0)
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(7)], "text": ["x"] * 7})
    got = list(chunks.map_chunks(_chunk_sizes, docs, 3, workers))  # type: ignore[arg-type]
    assert [(r[0], r[1], n) for r, n in got] == [
        (0, ["d0", "d1", "d2"], 3), (1, ["d3", "d4", "d5"], 3), (2, ["d6"], 1)]  # fmt: skip
    assert {r[2] != os.getpid() for r, _ in got} == {workers > 1}
    assert list(tmp_path.iterdir()) == []
    stopped = chunks.map_chunks(_chunk_sizes, docs, 1, workers)  # type: ignore[arg-type]
    next(stopped)
    stopped.close()
    assert list(tmp_path.iterdir()) == []
    # The folder of a run whose process is gone is removed; a live one's stays.
    stale, live = (
        tmp_path / "analysis-chunks-999999999-x",
        tmp_path / f"analysis-chunks-{os.getpid()}-y",
    )
    stale.mkdir(), live.mkdir()
    list(chunks.map_chunks(_chunk_sizes, docs, 3, workers))  # type: ignore[arg-type]
    assert sorted(tmp_path.iterdir()) == ([live] if workers > 1 else sorted([stale, live]))
    # A spill folder without room: the temporary folder; a failed write: through the pipe.
    monkeypatch.setattr(chunks, "_SPILL_MIN_FREE", 1 << 62)
    assert chunks._spill_dir() is None
    monkeypatch.setattr(chunks.pickle, "dump", _no_room)
    assert [n for _, n in chunks.map_chunks(_chunk_sizes, docs, 3, workers)] == [3, 3, 1]


def _no_room(*args, **kwargs):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("workers", [1, 2])
def test_default_kwic_lines_read_in_small_pieces_equal_kwic_on_the_corpus(
    sample, tmp_path, monkeypatch, workers
):
    import analysis.report.compute as compute
    from analysis import kwic

    study, docs, tokens = sample
    # One document per piece, and the cap reached inside the second: the lines are the
    # first 40 of the corpus in order, and the total is the terms' frequency.
    monkeypatch.setattr(compute, "_KWIC_PIECE", 1)
    opts = TableOptions(chunksize=1, max_lines=40, dispersion_max_docs=0)
    tables = compute_study_tables(study, tmp_path / "_tables", opts, workers=workers)
    terms = tables.manifest["kwic_terms"]
    assert terms == ["crimes", "asean", "china"]
    every = kwic(tokens, terms, docs=docs, window=6)
    first_doc = (every["doc_id"].astype(str) == docs["doc_id"].iloc[0]).sum()
    assert first_doc < 40 < len(every)  # the cap falls in the second document
    pd.testing.assert_frame_equal(tables["kwic"], _frame(every.head(40)))
    assert tables.manifest["capped"]["kwic"] == len(every)


def test_wrapped_flag_of_the_documents_table_equals_wrapped_documents():
    from analysis.report.chunks import _wrapped
    from analysis.text import wrapped_documents

    wrapped = (
        "The minister said on Monday that the\nagreement would be signed next week in\n"
        "the capital, after talks with the\ndelegation from the neighbouring country\non trade."
    )
    texts = {
        "wrapped": wrapped,
        "wrapped_crlf": wrapped.replace("\n", "\r\n"),
        "wrapped_trailing_spaces": wrapped.replace("\n", "  \n"),
        # a paragraph per line, each ending a sentence: no open line end at all
        "news": "One paragraph.\nAnother one.\nA third one.\nAnd a fourth.",
        # a headline and a byline end open, the body does not wrap
        "headline": "Talks resume\nBy Staff Writer\n" + "A sentence that ends here. " * 5,
        "one_line": "No line break in this text at all.",
        "blank_lines": "First.\n\n\n\nSecond.\n\nThird.",
    }
    docs = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    got = _wrapped(docs)
    assert got.tolist() == [True, True, True, False, False, False, False]
    assert got.tolist() == wrapped_documents(docs)["wrapped"].tolist()


def test_study_tables_columns_reads_the_schema_only(tmp_path):
    from analysis.report.tables_folder import StudyTables

    pd.DataFrame({"doc_id": ["d1"], "preview": ["long text"], "n_words": [3]}).to_parquet(
        tmp_path / "documents.parquet", index=False
    )
    tables = StudyTables(tmp_path, {})
    assert tables.columns("documents") == ["doc_id", "preview", "n_words"]
    assert tables.read("documents", ["doc_id", "n_words"]).columns.tolist() == ["doc_id", "n_words"]
