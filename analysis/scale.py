"""Run the pipeline on a Dask DataFrame, partition by partition, on several processes or machines.

Dask is an optional extra (``pip install "analysis[scale]"``); ``import analysis`` never imports
it, and this module imports it only when a function is called.

How it works: the codebook and the actor table are loaded and compiled once, on the client, into
one plan object; with a distributed client it is scattered to every worker once
(``Client.scatter(..., broadcast=True)``) and reused by later calls with the same plan,
otherwise it travels inside the task graph. Each partition is a docs table:
``map_partitions`` normalises it as :func:`analysis.load_corpus` would
(:func:`analysis.corpus.docs_from_table`), tokenises it and computes per-partition counts keyed
by strings (term, group, theme, actor); Dask sums them in a tree reduction; the client computes
ranks, shares and rates once. The plan, the partial tables and their finishing are
:mod:`analysis._aggregate`'s, shared with :func:`analysis.stream.stream_analyze` and the
in-memory functions, so all return the same tables.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis._aggregate import (
    PART_COLUMNS,
    ActorNormalize,
    EdgeUnit,
    LineBreaks,
    Plan,
    TermScheme,
    ThemeNormalize,
    ThemeScope,
    ThemeUnit,
    combine_parts,
    empty_parts,
    make_plan,
    part,
    progress_bar,
    progress_enabled,
)
from analysis._groups import By
from analysis.corpus import docs_from_table
from analysis.corpus_files import CorpusError
from analysis.stream import CorpusSummary
from analysis.text import Vocabulary

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["dask_analyze", "local_cluster"]

# Dask's workers start with MALLOC_TRIM_THRESHOLD_=65536 (distributed.nanny.pre-spawn-environ),
# which returns freed memory to the OS at once and, as a side effect, switches off glibc's
# adaptive mmap threshold: every array over 128 kB is then mapped fresh and page-faulted in.
# This pipeline allocates many token-length arrays per partition; on the benchmark that setting
# makes a worker 20-40 % slower than the same code in a plain process.
_TRIM_KEY = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"


def local_cluster(n_workers: int | None = None, **kwargs):
    """Start a ``distributed.LocalCluster`` set up for this pipeline.

    Differences from ``LocalCluster()``'s defaults: one thread per worker process
    (tokenising holds Python's GIL, so more threads per worker do not run in parallel), and the
    workers keep glibc's own allocator settings instead of Dask's ``MALLOC_TRIM_THRESHOLD_=65536``
    (with it, each worker runs 20-40 % slower here, because large temporary arrays are mapped
    and page-faulted afresh instead of reused). Memory returns to the OS when a worker's heap
    shrinks, as in a plain Python process. Workers added later (``cluster.scale``/``adapt``)
    get Dask's setting again; for those, and for clusters started elsewhere, set
    ``distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_: null`` in the Dask
    configuration (README, "Larger corpora").

    Args:
        n_workers: worker processes (default: one per CPU).
        **kwargs: passed to ``LocalCluster`` (e.g. ``memory_limit``, ``dashboard_address``);
            ``threads_per_worker`` may be overridden.

    Returns:
        The running ``LocalCluster``; connect with ``Client(cluster)`` and close it (or use it
        as a context manager) when done.

    Raises:
        ImportError: Dask's distributed scheduler is not installed.

    Example:
        >>> from dask.distributed import Client  # doctest: +SKIP
        >>> with local_cluster(2) as cluster, Client(cluster):  # doctest: +SKIP
        ...     res = dask_analyze("corpus.parquet", codebook="codebook.yml")
    """
    try:
        import dask
        from distributed import LocalCluster
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            'local_cluster needs Dask: pip install "analysis[scale]" (dask[dataframe,distributed])'
        ) from err
    kwargs.setdefault("threads_per_worker", 1)
    # None removes the variable (distributed.nanny._get_env_variables); the nannies read the
    # setting while LocalCluster starts them, inside this block.
    with dask.config.set({_TRIM_KEY: None}):
        n = (os.cpu_count() or 1) if n_workers is None else n_workers
        return LocalCluster(n_workers=n, **kwargs)


# The last plan scattered: (client id, digest of the pickled plan, future). A second call with
# the same client, codebook, actor table and options reuses it instead of sending it again
# (a broadcast scatter costs ~0.2 s); only one is kept, so nothing accumulates.
_last_shipped: tuple[str, str, object] | None = None


def _ship(client, plan: Plan):
    """The plan as a future on ``client``'s workers (scattered once per distinct plan)."""
    global _last_shipped
    digest = hashlib.sha256(pickle.dumps(plan, protocol=5)).hexdigest()
    if _last_shipped is not None:
        client_id, known, future = _last_shipped
        alive = future.status == "finished"  # type: ignore[attr-defined]
        if (client_id, known) == (client.id, digest) and alive:
            return future
    future = client.scatter([plan], broadcast=True, hash=False)[0]
    _last_shipped = (client.id, digest, future)
    return future


# One token vocabulary per worker thread, carried from partition to partition of one plan (as
# stream_analyze carries one from chunk to chunk). Per thread, because a Vocabulary is not
# thread-safe and Dask's local scheduler runs partitions in threads; replaced when another plan
# arrives, so a long-lived worker keeps one corpus's vocabulary at most.
_worker_state = threading.local()


def _vocabulary_for(plan: Plan) -> Vocabulary:
    held = getattr(_worker_state, "held", None)
    if held is None or held[0] is not plan:
        held = _worker_state.held = (plan, Vocabulary())
    return held[1]


def _partition_parts(
    piece: pd.DataFrame,
    plan: Plan,
    text_column: str,
    id_column: str,
    check_ids: bool,
    partition_info: dict | None = None,
) -> pd.DataFrame:
    """One partition → its partial counts (runs on a worker)."""
    number = 0 if partition_info is None else int(partition_info["number"])
    if not len(piece):
        return empty_parts()
    # The same normalisation as load_corpus; no sha256, which only provenance reports need.
    docs = docs_from_table(
        pd.DataFrame(piece), text_column=text_column, id_column=id_column,
        source=f"<dask partition {number}>", sha256=False,
    )  # fmt: skip
    ids = docs["doc_id"].to_numpy(dtype=object)
    if check_ids:
        dup = pd.Index(ids)[pd.Index(ids).duplicated()]
        if len(dup):
            raise CorpusError(
                f"Dask DataFrame partition {number}: duplicate doc_id: "
                f"{', '.join(sorted(set(dup))[:10])}"
            )
    parts, _ = plan.run(docs, number, _vocabulary_for(plan))
    if check_ids:
        # Summed by Dask like every other count: an id counted twice is a duplicate.
        n = len(ids)
        parts = pd.concat([parts, part("id", ids, [""] * n, np.zeros(n), np.ones(n))])
    return parts[PART_COLUMNS]


def _unchanged(parts: pd.DataFrame) -> pd.DataFrame:
    return parts


def _summed(parts):
    # A tree reduction (8 partials at a time) with the same group-by sum as stream_analyze's;
    # the summed tables have the size of the vocabulary, so a shuffle would only add traffic.
    # Keys are unique within a partition already, so Dask's groupby-agg would spend a pass per
    # partition on nothing.
    return parts.reduction(
        _unchanged, aggregate=combine_parts, meta=empty_parts(), token="combine-parts"
    )


def _compute(parts, client, show: bool) -> pd.DataFrame:
    """Run the per-partition work and the reduction, with a tqdm bar when ``show``.

    On a distributed client the bar counts finished partitions (the partials are persisted,
    and the reduction is submitted at once, so it starts as soon as they are ready); on a
    local scheduler it counts finished tasks, through a ``dask.diagnostics.Callback``.
    """
    import dask

    if client is None:
        from dask.diagnostics import Callback

        bars = []

        def start_state(dsk, state) -> None:
            # Tasks still to run; the rest of the graph is data already in the cache.
            todo = len(state["ready"]) + len(state["waiting"])
            bars.append(progress_bar(show, todo, "dask tasks", unit="task"))

        try:
            with Callback(start_state=start_state, posttask=lambda *_: bars[-1].update(1)):
                (result,) = dask.compute(_summed(parts))
        finally:
            for bar in bars:
                bar.close()
        return result
    from distributed import as_completed, futures_of

    parts = client.persist(parts)
    combined = client.compute(_summed(parts))
    pending = futures_of(parts)
    with progress_bar(show, len(pending), "partitions", unit="partition") as bar:
        for _ in as_completed(pending):
            bar.update(1)
    return combined.result()


def dask_analyze(
    source: dd.DataFrame | str | Path,
    *,
    codebook=None,
    actors=None,
    by: By = None,
    dropna: bool = False,
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
    check_ids: bool = True,
    progress: bool | None = None,
) -> CorpusSummary:
    """Run tokens → term frequency, theme coding and actor mentions on a Dask DataFrame.

    Start a cluster first to use several processes (the default threaded scheduler gains little,
    because tokenising holds Python's GIL); :func:`local_cluster` starts one set up for this
    pipeline::

        from dask.distributed import Client
        client = Client(local_cluster(4))

    Args:
        source: a Dask DataFrame with a document-id and a text column (and any document
            variables), e.g. ``dd.read_parquet("corpus.parquet")``; or a Parquet path, read with
            one partition per row group.
        codebook: a :class:`analysis.themes.Codebook` or a codebook path; None skips themes.
        actors: an actor table or its path (see :func:`analysis.actors.load_actors`); None
            skips actors.
        by: how to group term frequency, the theme matrix, actor counts and edges: None,
            ``"doc_id"``, a column of the Dask DataFrame, or a Series/mapping doc_id → group
            (shipped to every worker); see the grouping rule (:mod:`analysis._groups`): groups
            sorted, category order if categorical, ``"doc_id"`` in partition order.
        dropna: leave documents without a group value out of every group (else a
            ``ValueError`` names them).
        text_column: the text column.
        id_column: the document-id column.
        check_ids: refuse a corpus whose doc_ids repeat (one extra pass over the id column).
        progress: a tqdm bar of finished partitions (tasks, without a distributed client);
            None = on in Jupyter or a terminal, off under pytest/CI.
        line_breaks: as :func:`analysis.stream.stream_analyze`.
        punkt: as :func:`analysis.stream.stream_analyze`.
        remove_punct: as :func:`analysis.stream.stream_analyze`.
        stopwords: as :func:`analysis.stream.stream_analyze`.
        n: as :func:`analysis.stream.stream_analyze`.
        min_count: as :func:`analysis.stream.stream_analyze`.
        scheme: as :func:`analysis.stream.stream_analyze`.
        theme_unit: as :func:`analysis.stream.stream_analyze`.
        normalize: as :func:`analysis.stream.stream_analyze`.
        level: as :func:`analysis.stream.stream_analyze`.
        theme_scope: as :func:`analysis.stream.stream_analyze`.
        actor_normalize: as :func:`analysis.stream.stream_analyze`.
        edge_unit: as :func:`analysis.stream.stream_analyze`.

    Returns:
        A :class:`analysis.stream.CorpusSummary` with the same tables as
        :func:`analysis.stream.stream_analyze` (``term_frequency``, ``theme_matrix``,
        ``actor_counts``, ``comention_edges``, ``n_docs``, ``n_tokens``); the row order of the
        per-document tables follows the partitions.

    Raises:
        ImportError: Dask is not installed (``pip install "analysis[scale]"``).
        ValueError: a bad option value; a document without a group value (unless ``dropna``).
        TypeError: a ``by`` of another type. CorpusError: a missing column, missing text, or
            a repeated doc_id.

    Example:
        >>> import dask.dataframe as dd  # doctest: +SKIP
        >>> res = dask_analyze(dd.read_parquet("corpus.parquet"), codebook="codebook.yml",
        ...                    actors="actors.csv", by="outlet")  # doctest: +SKIP
        >>> res.term_frequency.head()  # doctest: +SKIP
    """
    try:
        import dask.dataframe as dd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            'dask_analyze needs Dask: pip install "analysis[scale]" (dask[dataframe,distributed])'
        ) from err
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
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        ddf = dd.read_parquet(path, split_row_groups=True)
    else:
        ddf = source
    by_column = [by] if isinstance(by, str) and by != "doc_id" else []
    for col in (id_column, text_column, *by_column):
        if col not in ddf.columns:
            raise CorpusError(
                f"Dask DataFrame needs a {col!r} column (has: {', '.join(map(str, ddf.columns))})"
            )
    shipped: object = plan
    try:
        from distributed import get_client

        client = get_client()
    except (ImportError, ValueError):
        client = None
    if client is not None:
        # Once per worker, instead of once per task in the graph.
        shipped = _ship(client, plan)
    parts = ddf.map_partitions(
        _partition_parts, shipped, text_column, id_column, check_ids, meta=empty_parts()
    )
    result = _compute(parts, client, progress_enabled(progress))[PART_COLUMNS]
    for col in ("table", "k0", "k1"):
        result[col] = result[col].astype(str)
    is_id = (result["table"] == "id").to_numpy()
    dup = result.loc[is_id & (result["v0"] > 1).to_numpy(), "k0"]
    if len(dup):
        raise CorpusError(f"Dask DataFrame: duplicate doc_id: {', '.join(sorted(dup)[:10])}")
    result = result.loc[~is_id].reset_index(drop=True)
    return CorpusSummary(**plan.finalize(result))
