"""Larger corpora: read documents in chunks and aggregate results chunk by chunk.

:func:`stream_analyze` runs the whole pipeline on each chunk of a corpus (tokens → term
frequency, theme coding, actor mentions) and sums the results, so that peak memory depends on
the chunk size and the vocabulary, not on the size of the corpus. Per-hit tables are written to
Parquet as they are produced instead of being kept. The chunks come from
:func:`analysis.corpus.iter_corpus` (re-exported here); the per-chunk plan, the partial tables
and their finishing are :mod:`analysis._aggregate`'s, shared with :mod:`analysis.scale` and the
in-memory table functions.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis._aggregate import (
    ActorNormalize,
    EdgeUnit,
    LineBreaks,
    TermScheme,
    ThemeNormalize,
    ThemeScope,
    ThemeUnit,
    make_plan,
    progress_bar,
    progress_enabled,
)
from analysis._checks import check_int
from analysis._groups import By
from analysis._parallel import can_fork, map_in_order, usable_workers
from analysis._store import ParquetSink, PartsAccumulator
from analysis.corpus import iter_corpus
from analysis.text import Vocabulary

__all__ = ["iter_corpus", "stream_analyze", "CorpusSummary"]


@dataclass(frozen=True)
class CorpusSummary:
    """What :func:`stream_analyze` (and :func:`analysis.scale.dask_analyze`) return.

    Attributes:
        term_frequency: as :func:`analysis.frequency.term_frequency` on the whole corpus.
        theme_matrix: as :func:`analysis.themes.theme_matrix` (None without a codebook).
        actor_counts: as :func:`analysis.actors.actor_counts` (None without an actor table).
        comention_edges: as :func:`analysis.networks.comention_edges` (None without actors).
        n_docs: documents read.
        n_tokens: token rows (punctuation included).
        hits_path, mentions_path: the Parquet files written, if any.
    """

    term_frequency: pd.DataFrame
    theme_matrix: pd.DataFrame | None = None
    actor_counts: pd.DataFrame | None = None
    comention_edges: pd.DataFrame | None = None
    n_docs: int = 0
    n_tokens: int = 0
    hits_path: Path | None = None
    mentions_path: Path | None = None


def _chunks_of(
    source: str | Path | pd.DataFrame | Iterable[pd.DataFrame],
    chunksize: int,
    progress: bool | None,
    read_options: dict,
) -> Iterator[pd.DataFrame]:
    if isinstance(source, (str, os.PathLike)):
        # No sha256 per document: the summary does not report it.
        path = source if isinstance(source, str) else Path(source)
        return iter_corpus(path, chunksize=chunksize, sha256=False, progress=progress,
                           **read_options)  # fmt: skip
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise ValueError(f"chunksize={chunksize!r} must be a positive integer")
    if isinstance(source, pd.DataFrame):
        chunks: Iterable[pd.DataFrame] = (
            source.iloc[i : i + chunksize].reset_index(drop=True)
            for i in range(0, len(source), chunksize)
        )
        total: int | None = len(source)
    else:
        chunks, total = source, None
    return _counted(chunks, progress_enabled(progress), total)


def _counted(
    chunks: Iterable[pd.DataFrame], show: bool, total: int | None
) -> Iterator[pd.DataFrame]:
    bar = progress_bar(show, total, "documents")
    try:
        for chunk in chunks:
            yield chunk
            bar.update(len(chunk))
    finally:
        bar.close()


def stream_analyze(
    source: str | Path | pd.DataFrame | Iterable[pd.DataFrame],
    *,
    codebook=None,
    actors=None,
    chunksize: int = 2000,
    by: By = None,
    dropna: bool = False,
    hits_path: str | Path | None = None,
    mentions_path: str | Path | None = None,
    progress: bool | None = None,
    metadata: str | Path | None = None,
    text_column: str = "text",
    id_column: str = "doc_id",
    line_breaks: LineBreaks = "auto",
    punkt=None,
    remove_punct: bool = True,
    stopwords: Iterable[str] | None = None,
    n: int = 1,
    min_count: int = 1,
    scheme: TermScheme = "count",
    theme_unit: ThemeUnit = "doc",
    normalize: ThemeNormalize | None = None,
    level: int | None = None,
    theme_scope: ThemeScope = "key",
    actor_normalize: ActorNormalize | None = None,
    edge_unit: EdgeUnit = "sentence",
    workers: int | None = None,
) -> CorpusSummary:
    """Run the pipeline chunk by chunk and return the corpus-wide tables.

    One :class:`analysis.text.Vocabulary` is carried across the chunks: a chunk only cuts,
    flags, folds and matches against the codebook and actor patterns the token types that
    the chunks before it have not seen, so streaming runs at about the in-memory speed.

    Each chunk is tokenised, counted (:func:`analysis.frequency.term_frequency`), coded
    (:func:`analysis.themes.code_themes`, :func:`analysis.themes.theme_matrix`) and searched for
    actors (:func:`analysis.actors.find_mentions`); the per-chunk counts are summed by their
    string keys (categoricals differ from chunk to chunk), then ranks, shares and rates are
    computed once at the end, by the same code as those functions. The results equal those
    functions run on the whole corpus at once.

    With ``workers`` (by default one per usable CPU when there is more than one chunk), the
    chunks are computed by forked worker processes, each carrying its own vocabulary, and
    combined here in chunk order: the tables and the Parquet files are the same for any
    number of workers.

    Memory: one chunk's texts, tokens and hits, plus tables the size of the vocabulary (term
    counts) and of the output (the theme matrix has a row per document and theme when ``by`` is
    None). Per-hit tables are not kept: give ``hits_path``/``mentions_path`` to write them to
    Parquet as they come (the file appears when the run completes). With workers, each worker
    holds one chunk and its own vocabulary, and at most two chunks per worker wait to be
    combined: peak memory grows with the number of workers, not with the corpus.

    Args:
        source: a corpus path for :func:`iter_corpus`, a docs table (cut into chunks), or any
            iterable of docs tables (e.g. ``iter_corpus(path, empty="drop")``).
        codebook: a :class:`analysis.themes.Codebook` or a codebook path; None skips themes.
        actors: an actor table (see :func:`analysis.actors.load_actors`) or its path; None
            skips actors.
        chunksize: documents per chunk.
        by: how to group term frequency, the theme matrix, actor counts and edges: None (term
            frequency over the corpus, theme matrix per document), ``"doc_id"``, a document
            variable, or a Series/mapping doc_id → group; see the grouping rule
            (:mod:`analysis._groups`): groups sorted, category order if categorical, corpus
            order for ``"doc_id"``.
        dropna: leave documents without a group value out of every group (else a
            ``ValueError`` names them).
        hits_path: write the theme hits (:func:`analysis.themes.code_themes` columns,
            ``doc_id`` as text) to this Parquet file.
        mentions_path: write the actor mentions to this Parquet file.
        progress: progress bar; None = on in Jupyter or a terminal, off under pytest/CI.
        metadata: reading option of :func:`iter_corpus` (the metadata CSV of a folder).
        text_column: reading option of :func:`iter_corpus` (the text column of a table).
        id_column: reading option of :func:`iter_corpus` (the document-id column of a table).
        line_breaks: as :func:`analysis.text.tokenize` (``"auto"``: hard-wrapped documents
            are detected one by one, see :func:`analysis.text.wrapped_documents`).
        punkt: as :func:`analysis.text.tokenize`.
        remove_punct: as :func:`analysis.frequency.term_frequency`.
        stopwords: as :func:`analysis.frequency.term_frequency`.
        n: as :func:`analysis.frequency.term_frequency` (n-gram length).
        min_count: as :func:`analysis.frequency.term_frequency`.
        scheme: as :func:`analysis.frequency.term_frequency` (``"count"``, ``"prop"``,
            ``"tfidf"``).
        theme_unit: ``unit`` of :func:`analysis.themes.theme_matrix`.
        normalize: ``normalize`` of :func:`analysis.themes.theme_matrix`.
        level: ``level`` of :func:`analysis.themes.theme_matrix`.
        theme_scope: ``scope`` of :func:`analysis.themes.code_themes`.
        actor_normalize: ``normalize`` of :func:`analysis.actors.actor_counts`.
        edge_unit: ``unit`` of :func:`analysis.networks.comention_edges`.
        workers: processes computing the chunks. None: one per usable CPU (at most
            :data:`analysis._parallel.MAX_WORKERS`) when the source has more than one chunk
            (for a path or an iterable, the workers start when a second chunk arrives); 1: in
            this process, one chunk after the other. Where processes cannot be forked (no
            ``fork``, a daemonic process) the chunks are computed here.

    Returns:
        A :class:`CorpusSummary`:

        * ``term_frequency``: ``term`` (str), ``frequency``, ``rank``, ``docfreq`` (int64),
          ``group`` (str), ``relative`` (float64) [+ ``prop``/``tfidf`` (float64)];
        * ``theme_matrix``: ``doc_id`` (without ``by``) or ``group`` (str), ``theme`` (str),
          ``depth``, ``count`` (int64) [+ ``n_words``/``n_sentences`` (int64) and
          ``per_1k_tokens``/``share_of_sentences`` (float64)];
        * ``actor_counts``: ``group``, ``actor_id``, ``name``, ``type`` (str), ``mentions``,
          ``docfreq``, ``n_docs`` (int64) [+ the ``actor_normalize`` rate (float64)];
        * ``comention_edges``: ``source``, ``target`` (str), ``weight`` (int64), ``group`` (str);
        * ``n_docs``, ``n_tokens``, ``hits_path``, ``mentions_path``.

    Raises:
        ValueError: a bad option value (names the allowed ones); a document without a group
            value (unless ``dropna``); ``workers`` not None nor an integer ≥ 1. TypeError: a
            ``by`` of another type. The errors of :func:`iter_corpus`,
            :func:`analysis.themes.load_codebook` and the table functions.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "text": ["a b a.", "b c", "a"]})
        >>> res = stream_analyze(docs, chunksize=2)
        >>> res.term_frequency[["term", "frequency", "rank", "docfreq"]].values.tolist()
        [['a', 3, 1, 2], ['b', 2, 2, 2], ['c', 1, 3, 1]]
        >>> res.n_docs, res.n_tokens
        (3, 7)
    """
    plan = make_plan(
        codebook,
        actors,
        by=by,
        dropna=dropna,
        line_breaks=line_breaks,
        punkt=punkt,
        remove_punct=remove_punct,
        stopwords=stopwords,
        n=n,
        min_count=min_count,
        scheme=scheme,
        theme_unit=theme_unit,
        theme_normalize=normalize,
        theme_level=level,
        theme_scope=theme_scope,
        actor_normalize=actor_normalize,
        edge_unit=edge_unit,
    )
    read_options = {"metadata": metadata, "text_column": text_column, "id_column": id_column}
    if not isinstance(source, (str, os.PathLike)) and (metadata is not None):
        raise ValueError("metadata= is for a corpus path; pass iter_corpus(..., metadata=...)")
    if workers is not None:
        workers = check_int("workers", workers, 1)
    if workers is None:
        workers = usable_workers()
    chunks = _chunks_of(source, chunksize, progress, read_options)
    if isinstance(source, pd.DataFrame):
        workers = min(workers, max(1, -(-len(source) // chunksize)))
    if not can_fork():
        workers = 1
    hits_sink, mentions_sink = ParquetSink(hits_path), ParquetSink(mentions_path)
    # One vocabulary per process for the whole run: a chunk only cuts, flags, folds and expands
    # patterns for the types the chunks before it (in that process) have not seen. Workers
    # inherit this one, empty, and each fill their own copy.
    vocabulary = Vocabulary()

    # Per-hit tables go back from a worker only when they are written: pickling them costs.
    kept = {name for name, path in (("hits", hits_path), ("mentions", mentions_path)) if path}

    def run_chunk(i: int, docs: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        parts, per_hit = plan.run(docs, i, vocabulary)
        return parts, {name: table for name, table in per_hit.items() if name in kept}

    parts_sum = PartsAccumulator()
    ok = False
    try:
        # closing: the workers stop now, not when the generator is collected, if this fails.
        with closing(map_in_order(run_chunk, enumerate(chunks), workers)) as results:
            for parts, per_hit in results:
                hits_sink.write(per_hit.get("hits"))
                mentions_sink.write(per_hit.get("mentions"))
                parts_sum.add(parts)
        combined = parts_sum.result()
        ok = True
    finally:
        hits_out = hits_sink.close(ok)
        mentions_out = mentions_sink.close(ok)
    return CorpusSummary(**plan.finalize(combined), hits_path=hits_out, mentions_path=mentions_out)
