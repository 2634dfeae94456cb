"""Run the pipeline on a Dask DataFrame, partition by partition, on several processes or machines.

Dask is an optional extra (``pip install "analysis[scale]"``); ``import analysis`` never imports
it, and this module imports it only when a function is called.

How it works: the codebook and the actor table are loaded and compiled once, on the client, into
one plan object; with a distributed client it is scattered to every worker once
(``Client.scatter(..., broadcast=True)``), otherwise it travels inside the task graph. Each
partition is a docs table: ``map_partitions`` normalises it as :func:`analysis.load_corpus`
would, tokenises it and computes per-partition counts keyed by strings (term, group, theme,
actor); Dask sums them with a group-by; the client computes ranks, shares and rates once. The
per-partition code is :func:`analysis.stream.stream_analyze`'s, so both return the same tables,
equal to the single-process functions run on the whole corpus.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.corpus import CorpusError
from analysis.stream import (
    _KEYS,
    _PART_COLUMNS,
    CorpusSummary,
    _empty_parts,
    _finish_table_chunk,
    _make_plan,
    _part,
    _Plan,
)

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["dask_analyze"]


def _partition_parts(
    part: pd.DataFrame,
    plan: _Plan,
    text_column: str,
    id_column: str,
    check_ids: bool,
    partition_info: dict | None = None,
) -> pd.DataFrame:
    """One partition → its partial counts (runs on a worker)."""
    number = 0 if partition_info is None else int(partition_info["number"])
    if not len(part):
        return _empty_parts()
    # The same normalisation as load_corpus; no sha256, which only provenance reports need.
    docs = _finish_table_chunk(
        pd.DataFrame(part),
        Path(f"<dask partition {number}>"),
        text_column,
        id_column,
        None,
        digest=False,
    )
    parts, _ = plan.run(docs, number)
    if check_ids:
        # Summed by Dask like every other count: an id counted twice is a duplicate.
        ids = docs["doc_id"].to_numpy(dtype=object)
        parts = pd.concat(
            [parts, _part("id", ids, [""] * len(ids), [0] * len(ids), [1] * len(ids))]
        )
    return parts[_PART_COLUMNS]


def dask_analyze(
    source: dd.DataFrame | str | Path,
    *,
    codebook=None,
    actors=None,
    by: str | None = None,
    text_column: str = "text",
    id_column: str = "doc_id",
    line_breaks: str = "line",
    punkt=None,
    remove_punct: bool = True,
    stopwords: Iterable[str] | None = None,
    n: int = 1,
    min_count: int = 1,
    scheme: str = "count",
    theme_unit: str = "doc",
    normalize: str | None = None,
    level: int | None = None,
    theme_scope: str = "key",
    actor_normalize: str | None = None,
    edge_unit: str = "sentence",
    check_ids: bool = True,
) -> CorpusSummary:
    """Run tokens → term frequency, theme coding and actor mentions on a Dask DataFrame.

    Start a cluster first to use several processes (the default threaded scheduler gains little,
    because tokenising holds Python's GIL)::

        from dask.distributed import Client, LocalCluster
        client = Client(LocalCluster(n_workers=4, threads_per_worker=1))

    Args:
        source: a Dask DataFrame with a document-id and a text column (and any document
            variables), e.g. ``dd.read_parquet("corpus.parquet")``; or a Parquet path, read with
            one partition per row group.
        codebook: a :class:`analysis.themes.Codebook` or a codebook path; None skips themes.
        actors: an actor table or its path (see :func:`analysis.actors.load_actors`); None
            skips actors.
        by: document variable to group term frequency, the theme matrix and actor counts by.
        text_column, id_column: the text and document-id columns.
        check_ids: refuse a corpus whose doc_ids repeat (one extra pass over the id column).
        line_breaks, punkt, remove_punct, stopwords, n, min_count, scheme, theme_unit,
            normalize, level, theme_scope, edge_unit: as :func:`analysis.stream.stream_analyze`.

    Returns:
        A :class:`analysis.stream.CorpusSummary` with the same tables as
        :func:`analysis.stream.stream_analyze` (``term_frequency``, ``theme_matrix``,
        ``actor_counts``, ``comention_edges``, ``n_docs``, ``n_tokens``); the row order of the
        per-document tables follows the partitions.

    Raises:
        ImportError: Dask is not installed (``pip install "analysis[scale]"``).
        ValueError: a bad option value. CorpusError: a missing column, missing text, or a
            repeated doc_id.

    Example:
        >>> import dask.dataframe as dd  # doctest: +SKIP
        >>> res = dask_analyze(dd.read_parquet("corpus.parquet"), codebook="codebook.yml",
        ...                    actors="actors.csv", by="outlet")  # doctest: +SKIP
        >>> res.term_frequency.head()  # doctest: +SKIP
    """
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            'dask_analyze needs Dask: pip install "analysis[scale]" (dask[dataframe,distributed])'
        ) from err
    plan = _make_plan(
        codebook,
        actors,
        by=by,
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
    for col in (id_column, text_column, *([by] if by not in (None, "doc_id") else [])):
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
        shipped = client.scatter([plan], broadcast=True)[0]
    parts = ddf.map_partitions(
        _partition_parts, shipped, text_column, id_column, check_ids, meta=_empty_parts()
    )
    # split_out=1: a tree reduction to one partition; the summed tables have the size of the
    # vocabulary, so a shuffle would only add traffic.
    combined = parts.groupby(_KEYS, observed=True).agg(
        {"ord": "min", "v0": "sum", "v1": "sum", "v2": "sum"}, split_out=1
    )
    (result,) = dask.compute(combined)
    result = result.reset_index()[_PART_COLUMNS]
    for col in ("table", "k0", "k1"):
        result[col] = result[col].astype(str)
    is_id = (result["table"] == "id").to_numpy()
    dup = result.loc[is_id & (result["v0"] > 1).to_numpy(), "k0"]
    if len(dup):
        raise CorpusError(f"Dask DataFrame: duplicate doc_id: {', '.join(sorted(dup)[:10])}")
    result = result.loc[~is_id].reset_index(drop=True)
    return plan.finalize(result)
