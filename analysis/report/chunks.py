"""The per-chunk work of the report engine (:mod:`analysis.report.compute`), picklable so that
worker processes can do it: one chunk of documents tokenised once and sent through every
analysis of the report; the results come back to the main process, which combines them in
chunk order.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis._aggregate import ALL, part
from analysis._groups import group_docs
from analysis._parallel import ForkPool, map_in_order, process_alive
from analysis._store import arrow_table

__all__ = ["PREVIEW_CHARS", "ChunkResult", "Chunker", "documents_rows", "map_chunks",
           "process_vocabulary", "reset_vocabulary", "run_apart"]  # fmt: skip

#: Characters of each document kept in ``documents.preview`` (newlines as spaces).
PREVIEW_CHARS = 1000


@dataclass
class ChunkResult:
    """What one chunk gives (computed in a worker process, combined in order by the main)."""

    parts: pd.DataFrame
    tables: dict[str, Any]  # rows for the Parquet sinks, as Arrow tables (arrow_table)
    kwic_docs: pd.Series | None  # matches of the KWIC patterns per document
    dispersion: pd.DataFrame | None  # matches of the dispersion patterns (few documents)
    hits_head: pd.DataFrame | None  # the first hits of each theme and of the chunk
    unlisted: pd.DataFrame | None
    colloc: Any  # a CollocationCounts of the chunk


@dataclass
class Chunker:
    """Everything a chunk needs, picklable: shipped once to every worker process."""

    plan: Any
    tokenize_options: dict[str, Any]
    quote_options: dict[str, Any]
    stopwords: Any
    group: str | None
    periods: pd.Series | None
    kwic_terms: tuple[str, ...]
    dispersion_terms: tuple[str, ...]
    keep_positions: bool
    theme_level: int
    head: int  # hits of each theme kept in context
    first: int  # hits kept for the review file (the first of the corpus)

    def tokenize(self, chunk: pd.DataFrame, vocabulary: Any = None) -> pd.DataFrame:
        from analysis.text import tokenize

        return tokenize(chunk, vocabulary=vocabulary, **self.tokenize_options)

    def __call__(self, i: int, chunk: pd.DataFrame) -> ChunkResult:
        from analysis.collocation import CollocationCounts
        from analysis.matching import compile_patterns, match

        vocabulary = process_vocabulary()
        tokens = self.tokenize(chunk, vocabulary)
        # The (document, term) pairs are counted by group in plan.run and by period here: built
        # once for both.
        doc_terms = None if self.periods is None else self.plan.doc_terms(tokens, vocabulary)
        parts, per_hit = self.plan.run(chunk, i, vocabulary, tokens=tokens, doc_terms=doc_terms)
        extra = [parts]
        if self.periods is not None:
            ids = pd.Index(chunk["doc_id"].astype(str))
            periods = group_docs(ids, self.periods, chunk, dropna=True)
            extra.append(
                self.plan.term_counts(tokens, periods, vocabulary, doc_terms).assign(table="ptf")
            )
        kwic_docs = dispersion = None
        if self.kwic_terms:
            found = match(tokens, compile_patterns({"kwic": list(self.kwic_terms)}))
            kwic_docs = found["doc_id"].astype(str).value_counts(sort=False)
        if self.dispersion_terms:
            found = match(tokens, compile_patterns({t: [t] for t in self.dispersion_terms}),
                          docs=chunk)  # fmt: skip
            extra.append(self._dispersion_counts(chunk, found))
            dispersion = found if self.keep_positions else None
        hits, mentions = per_hit.get("hits"), per_hit.get("mentions")
        tables: dict[str, pd.DataFrame | None] = {
            "documents": documents_rows(chunk, tokens, self.group),
            "hits": hits,
            "mentions": mentions,
        }
        unlisted = None
        if mentions is not None:
            from analysis.discovery import unlisted_names
            from analysis.networks import actor_theme_matrix
            from analysis.quotes import find_quotes

            tables["quotes"] = find_quotes(chunk, tokens, mentions, **self.quote_options)
            if hits is not None:
                at = actor_theme_matrix(mentions, hits[hits["depth"] <= self.theme_level])
                extra.append(part("at", at["actor_id"], at["theme"], np.zeros(len(at)),
                                  at["count"]))  # fmt: skip
            unlisted = unlisted_names(tokens, mentions, docs=chunk)
        colloc = CollocationCounts(2, remove_punct=True, stopwords=self.stopwords)
        colloc.add(tokens)
        head = None
        if hits is not None:
            # Each theme's first hits (contexts) and the chunk's first hits (review file):
            # nothing later in the corpus can displace them.
            in_theme = hits.groupby("key", sort=False, observed=True).cumcount().to_numpy()
            head = hits[(in_theme < self.head) | (np.arange(len(hits)) < self.first)]
            per_key = hits["key"].astype(str).value_counts(sort=False)
            extra.append(part("hk", per_key.index, [""] * len(per_key), np.zeros(len(per_key)),
                              per_key.to_numpy()))  # fmt: skip
        # The per-row tables leave as Arrow tables: converted here, in the worker, the process
        # that writes them to Parquet (one for all chunks) only encodes them.
        rows = {name: None if t is None else arrow_table(t) for name, t in tables.items()}
        return ChunkResult(pd.concat(extra, ignore_index=True), rows, kwic_docs, dispersion,
                           head, unlisted, colloc)  # fmt: skip

    def _dispersion_counts(self, chunk: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
        if self.group:
            doc_group = chunk.set_index(chunk["doc_id"].astype(str))[self.group].astype(str)
            groups: Any = found["doc_id"].astype(str).map(doc_group)
        else:
            groups = ALL
        counts = found.assign(group=groups).groupby(["key", "group"], observed=True).size()
        keys = counts.index.get_level_values(0).astype(str)
        labels = counts.index.get_level_values(1).astype(str)
        return part("disp", keys, labels, np.zeros(len(counts)), counts.to_numpy())


def map_chunks(
    chunker: Chunker, docs: pd.DataFrame, size: int, workers: int
) -> Iterator[tuple[ChunkResult, int]]:
    """``(result, documents)`` of every chunk of ``size`` documents, in chunk order: computed
    here, or by ``workers`` forked processes (each with its own vocabulary) with at most two
    chunks per worker in flight, so memory stays bounded
    (:func:`analysis._parallel.map_in_order`). Only a chunk's bounds go to a worker: forked,
    it reads the documents from the memory it shares with this process (no pickled texts).

    A worker leaves its result (tens of MB) in a file of a folder in memory (``/dev/shm``
    where there is one) and sends its name: sent through the pool's pipe, the result could
    only be read while this process was not combining the previous one (the reading thread
    needs the interpreter, a pipe holds 64 KB), and the worker waited for it instead of
    starting its next chunk. The folder is removed when the iteration ends.
    """
    here = os.getpid()
    if workers <= 1:
        for n, start in enumerate(range(0, len(docs), size)):
            stop = min(start + size, len(docs))
            yield chunker(n, docs.iloc[start:stop].reset_index(drop=True)), stop - start
        return
    where = _spill_dir()
    _remove_stale_spills(Path(where or tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=f"{_SPILL_PREFIX}{here}-", dir=where))

    def task(i: int, start: int, stop: int) -> tuple[Any, int]:
        result = chunker(i, docs.iloc[start:stop].reset_index(drop=True))
        if os.getpid() == here:  # computed in this process: nothing to send
            return result, stop - start
        path = folder / f"{i}.pickle"
        try:
            with open(path, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:  # e.g. the folder is full: through the pipe, as it would have gone
            path.unlink(missing_ok=True)
            return result, stop - start
        return _Spilled(path), stop - start

    bounds = ((n, i, min(i + size, len(docs))) for n, i in enumerate(range(0, len(docs), size)))
    try:
        # Closed first: its pool stops (and its workers' last files are written) before the
        # folder is removed.
        with closing(map_in_order(task, bounds, workers)) as results:
            for result, n in results:
                yield (result.load() if isinstance(result, _Spilled) else result), n
    finally:
        shutil.rmtree(folder, ignore_errors=True)


#: Where workers leave their chunk results: a folder in memory on Linux, when it has room
#: (a container's may have 64 MB); the temporary folder otherwise.
_SPILL_DIR = "/dev/shm"
_SPILL_MIN_FREE = 1 << 30


_SPILL_PREFIX = "analysis-chunks-"


def _remove_stale_spills(where: Path) -> None:
    """Remove the spill folders of runs whose process is gone (killed before it could)."""
    for folder in where.glob(f"{_SPILL_PREFIX}*-*"):
        pid = folder.name[len(_SPILL_PREFIX) :].split("-")[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _spill_dir() -> str | None:
    try:
        if shutil.disk_usage(_SPILL_DIR).free >= _SPILL_MIN_FREE:
            return _SPILL_DIR
    except OSError:  # no such folder
        pass
    return None


@dataclass
class _Spilled:
    """A chunk result a worker left in a file."""

    path: Path

    def load(self) -> ChunkResult:
        with open(self.path, "rb") as fh:
            result = pickle.load(fh)
        self.path.unlink()
        return result


def run_apart(jobs: Sequence[Callable[[], Any]], apart: bool) -> list[Callable[[], Any]]:
    """Start ``jobs``, each in a forked process of its own (``apart``) or here, now, one after
    the other; returns a getter per job that gives its result (waiting for it, raising its
    error). Forked jobs see this process's state as it is now; what they change stays theirs."""
    if not apart:
        done = []
        for job in jobs:  # now and in order: a job may leave state the next one needs
            future: Future = Future()
            try:
                future.set_result(job())
            except Exception as err:  # raised by its getter, as from a process
                future.set_exception(err)
            done.append(future)
        return [future.result for future in done]
    pool = ForkPool(lambda k: jobs[k](), len(jobs))
    futures = [pool.submit(k) for k in range(len(jobs))]
    pool.close(wait=False)  # the futures still complete
    return [future.result for future in futures]


#: The Vocabulary of this process (one per worker, carried across the chunks it gets).
_VOCABULARY: list[Any] = []


def process_vocabulary() -> Any:
    """The :class:`analysis.text.Vocabulary` of this process: a worker's, carried across the
    chunks it gets; in the finish, the run's (one process) or one shared by the documents
    tokenised again (KWIC pieces, review rows), so that their common types are cut, flagged
    and folded once."""
    if not _VOCABULARY:
        from analysis.text import Vocabulary

        _VOCABULARY.append(Vocabulary())
    return _VOCABULARY[0]


def documents_rows(chunk: pd.DataFrame, tokens: pd.DataFrame, group: str | None) -> pd.DataFrame:
    """The documents table's rows of a chunk: metadata, sizes, preview, wrapped flag."""
    from analysis.report.tables import corpus_overview

    columns = [c for c in dict.fromkeys([group, "date", "title", "language", "duplicate_of"])
               if c and c in chunk.columns]  # fmt: skip
    overview = corpus_overview(chunk, tokens, columns=columns)
    if "sha256" in chunk:
        overview["sha256"] = chunk["sha256"].to_numpy()
    overview["preview"] = (
        chunk["text"].str.slice(0, PREVIEW_CHARS).str.replace("\n", " ").to_numpy()
    )
    overview["wrapped"] = _wrapped(chunk)
    return overview


# A line break after a character that does not end a sentence (nor another line break): a
# wrapped line (see analysis.text.wrapped_documents) ends this way.
_OPEN_LINE_END = r'[^.!?:;…"\'”’»)\]\n]\n'


def _wrapped(chunk: pd.DataFrame) -> np.ndarray:
    """``wrapped_documents(chunk)["wrapped"]``, computed only for the documents that can be
    wrapped: one needs at least ``WRAP_MIN_JOINABLE`` (3) line breaks and, with at least half
    (``WRAP_MIN_UNPUNCTUATED``) of its 3 or more lines followed by another line ending without
    sentence punctuation, 2 such line ends. Most news texts (a paragraph per line, each ending
    with a full stop) have fewer, and counting them in Arrow costs a fraction of the line
    statistics (tests/test_study_tables.py compares both)."""
    import math

    import pyarrow as pa
    import pyarrow.compute as pc

    from analysis.text import WRAP_MIN_JOINABLE, WRAP_MIN_UNPUNCTUATED, wrapped_documents

    texts = chunk["text"].tolist()
    open_ends = pc.count_substring_regex(
        pa.array(texts, type=pa.large_string()), _OPEN_LINE_END
    ).to_numpy(zero_copy_only=False)
    # str.count: four times faster than Arrow's count_substring here
    breaks = np.array([t.count("\n") if isinstance(t, str) else 0 for t in texts], np.int64)
    least_open = math.ceil(WRAP_MIN_UNPUNCTUATED * WRAP_MIN_JOINABLE)
    maybe = (open_ends >= least_open) & (breaks >= WRAP_MIN_JOINABLE)
    wrapped = np.zeros(len(chunk), bool)
    if maybe.any():
        wrapped[maybe] = wrapped_documents(chunk[maybe])["wrapped"].to_numpy(bool)
    return wrapped


def reset_vocabulary() -> None:
    """Start a new vocabulary in this process (one per run; none inherited by workers)."""
    _VOCABULARY.clear()
