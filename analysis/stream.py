"""Larger corpora: read documents in chunks and aggregate results chunk by chunk.

:func:`iter_corpus` yields docs tables of at most ``chunksize`` documents from the same sources
as :func:`analysis.corpus.load_corpus` (a folder of ``.txt`` files, CSV, JSONL or Parquet), and
:func:`stream_analyze` runs the whole pipeline on each chunk (tokens → term frequency, theme
coding, actor mentions) and sums the results, so that peak memory depends on the chunk size and
the vocabulary, not on the size of the corpus. Per-hit tables are written to Parquet as they
are produced instead of being kept.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis._checks import check_choice as _check_choice
from analysis.corpus import (
    _EMPTY_CHOICES,
    _TABLE_SUFFIXES,
    CorpusError,
    EmptyPolicy,
    _check_unique_ids,
    _finish_table,
    _handle_empty,
    _metadata_stems,
    _read_metadata,
    read_text_file,
)

__all__ = ["iter_corpus", "stream_analyze", "CorpusSummary"]


def _progress_enabled(progress: bool | None = None) -> bool:
    """Whether to show a progress bar.

    ``True``/``False`` are obeyed. ``None`` (the default everywhere) means: on when running in
    Jupyter or when stderr is a terminal, and off under pytest or CI (``CI`` set in the
    environment), so tests and logs stay clean.
    """
    if progress is not None:
        return bool(progress)
    if os.environ.get("CI") or os.environ.get("PYTEST_CURRENT_TEST") or "pytest" in sys.modules:
        return False
    try:
        from IPython import get_ipython  # only present when IPython is installed

        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is not None and type(shell).__name__ == "ZMQInteractiveShell":
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_bar(enabled: bool, total: int | None, desc: str, unit: str = "doc"):
    from tqdm.auto import tqdm  # tqdm.auto renders as a widget in JupyterLab, text elsewhere

    return tqdm(total=total, desc=desc, unit=unit, disable=not enabled)


def _finish_table_chunk(
    table: pd.DataFrame,
    path: Path,
    text_column: str,
    id_column: str,
    columns: Sequence[str] | None,
    digest: bool = True,
) -> pd.DataFrame:
    """Turn one chunk of a table file into a docs table, exactly as ``load_corpus`` would
    (without the ``sha256`` column when ``digest`` is False)."""
    # A missing id or text column is reported by _finish_table, like load_corpus does.
    if columns is not None and {id_column, text_column} <= set(table.columns):
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise CorpusError(
                f"{path}: no column(s) {', '.join(map(repr, missing))} "
                f"(has: {', '.join(map(str, table.columns))})"
            )
        rest = [c for c in columns if c not in (id_column, text_column)]
        table = table[[id_column, text_column, *rest]]
    return _finish_table(table, path, text_column, id_column, digest=digest)


def _table_chunks(path: Path, chunksize: int) -> tuple[Iterator[pd.DataFrame], int | None]:
    """Raw chunks of a table file and the number of rows when it is known without reading."""
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        try:
            # pre_buffer=False: with pre-buffering, the reader keeps every row group it has read
            # (+32 MB per 16k news articles here), so memory would grow with the file. A buffered
            # stream reads the column chunks page by page.
            pf = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
        except Exception as err:  # pyarrow raises several types for a file that is not Parquet
            raise CorpusError(f"{path}: cannot be read as parquet: {err}") from None
        batches = (b.to_pandas() for b in pf.iter_batches(batch_size=chunksize))
        return batches, pf.metadata.num_rows
    try:
        if suffix == ".csv":
            reader = pd.read_csv(
                path, dtype=str, keep_default_na=False, encoding="utf-8", chunksize=chunksize
            )
        else:
            reader = pd.read_json(
                path, lines=True, dtype=False, encoding="utf-8", chunksize=chunksize
            )
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not valid UTF-8 at byte offset {err.start}") from None
    except (pd.errors.EmptyDataError, ValueError) as err:
        raise CorpusError(f"{path}: cannot be read as {suffix[1:]}: {err}") from None
    return iter(reader), None


def _iter_table(
    path: Path,
    chunksize: int,
    text_column: str,
    id_column: str,
    columns: Sequence[str] | None,
    digest: bool = True,
) -> tuple[Iterator[pd.DataFrame], int | None]:
    raw, total = _table_chunks(path, chunksize)
    suffix = path.suffix.lower()

    def gen() -> Iterator[pd.DataFrame]:
        while True:
            try:
                chunk = next(raw)
            except StopIteration:
                return
            except UnicodeDecodeError as err:
                raise CorpusError(
                    f"{path}: not valid UTF-8 at byte offset {err.start} of a chunk"
                ) from None
            except (pd.errors.ParserError, ValueError) as err:
                raise CorpusError(f"{path}: cannot be read as {suffix[1:]}: {err}") from None
            yield _finish_table_chunk(chunk, path, text_column, id_column, columns, digest)

    return gen(), total


def _iter_folder(
    folder: Path, metadata: str | Path | None, pattern: str, chunksize: int
) -> tuple[Iterator[pd.DataFrame], int]:
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if not files:
        raise CorpusError(f"{folder}: no files matching {pattern!r}")
    if metadata is None:

        def plain() -> Iterator[pd.DataFrame]:
            for i in range(0, len(files), chunksize):
                rows = []
                for f in files[i : i + chunksize]:
                    text, digest = read_text_file(f)
                    rows.append({"doc_id": f.stem, "text": text, "sha256": digest})
                yield pd.DataFrame(rows)

        return plain(), len(files)

    meta_path = Path(metadata)
    meta = _read_metadata(meta_path)
    by_stem = {f.stem: f for f in files}
    # The same file/metadata checks as load_corpus, done up front on names only.
    key = _metadata_stems(meta, by_stem, folder, meta_path)
    dup = key[key.duplicated(keep=False)]
    if len(dup):
        raise CorpusError(
            f"{meta_path}: several rows name the file(s) {', '.join(sorted(set(dup)))}"
        )
    other = [c for c in meta.columns if c not in ("doc_id", "text", "sha256")]

    def with_meta() -> Iterator[pd.DataFrame]:
        for i in range(0, len(meta), chunksize):
            part = meta.iloc[i : i + chunksize].reset_index(drop=True)
            texts, digests = [], []
            for stem in key.iloc[i : i + chunksize]:
                text, digest = read_text_file(by_stem[stem])
                texts.append(text)
                digests.append(digest)
            part = part.assign(text=texts, sha256=digests)
            yield part[["doc_id", "text", *other, "sha256"]]

    return with_meta(), len(meta)


def iter_corpus(
    source: str | Path,
    *,
    chunksize: int = 2000,
    metadata: str | Path | None = None,
    pattern: str = "*.txt",
    text_column: str = "text",
    id_column: str = "doc_id",
    columns: Sequence[str] | None = None,
    empty: EmptyPolicy = "error",
    progress: bool | None = None,
) -> Iterator[pd.DataFrame]:
    """Read a corpus in chunks of at most ``chunksize`` documents.

    The chunks, concatenated, equal ``load_corpus(source, ...)``; only one chunk of texts is in
    memory at a time. Parquet is read batch by batch (``ParquetFile.iter_batches``), CSV and
    JSONL with pandas' ``chunksize``, a folder a file at a time. What is kept across chunks: the
    set of doc_ids seen (to refuse duplicates) and, for a folder, the metadata table.

    Args:
        source: a folder of UTF-8 ``.txt`` files, or a ``.csv`` / ``.jsonl`` / ``.ndjson`` /
            ``.parquet`` file with a text column and a document-id column.
        chunksize: documents per chunk (≥ 1). A chunk of 2,000 news articles (~6 MB of text)
            tokenises into about 1 M token rows (~100 MB).
        metadata: for a folder, the metadata CSV as in :func:`analysis.corpus.load_corpus`.
        pattern: glob selecting the files in a folder.
        text_column: name of the text column in a table source.
        id_column: name of the document-id column in a table source.
        columns: document variables to keep from a table source (default: all columns).
        empty: empty documents: ``"error"`` (default), ``"warn"``, ``"drop"`` or ``"keep"``.
        progress: show a progress bar; ``None`` = only in Jupyter or a terminal, never under
            pytest or CI.

    Yields:
        Docs tables (``doc_id``, ``text``, document variables, ``sha256``), each with a fresh
        0-based index, in the order ``load_corpus`` would give.

    Raises:
        ValueError: ``chunksize`` < 1 or a bad ``empty`` value.
        FileNotFoundError: ``source`` or ``metadata`` does not exist.
        CorpusError: as :func:`analysis.corpus.load_corpus` (non-UTF-8 file, missing column,
            file/metadata mismatch, empty document), and a doc_id repeated in a later chunk.
            Table errors are raised when the offending chunk is reached.

    Example:
        >>> for docs in iter_corpus("corpus.parquet", chunksize=1000):  # doctest: +SKIP
        ...     print(len(docs))
    """
    return _open_corpus(
        source, chunksize, metadata, pattern, text_column, id_column, columns, empty, progress
    )


def _open_corpus(
    source: str | Path,
    chunksize: int,
    metadata: str | Path | None,
    pattern: str,
    text_column: str,
    id_column: str,
    columns: Sequence[str] | None,
    empty: EmptyPolicy,
    progress: bool | None,
    digest: bool = True,
) -> Iterator[pd.DataFrame]:
    """:func:`iter_corpus`; ``digest=False`` skips hashing the texts of a table source (the
    ``sha256`` column is then absent), which only provenance needs."""
    _check_choice("empty", empty, _EMPTY_CHOICES)
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise ValueError(f"chunksize={chunksize!r} must be a positive integer")
    src = Path(source)
    if not src.exists():
        raise FileNotFoundError(f"{src}: no such file or folder")
    if src.is_dir():
        chunks, total = _iter_folder(src, metadata, pattern, chunksize)
    elif src.suffix.lower() in _TABLE_SUFFIXES:
        if metadata is not None:
            raise CorpusError(
                f"{src}: metadata= is for folders; put document variables in the table"
            )
        chunks, total = _iter_table(src, chunksize, text_column, id_column, columns, digest)
    else:
        raise CorpusError(
            f"{src}: unknown corpus format {src.suffix!r}; use a folder of .txt files or "
            ".csv, .jsonl or .parquet"
        )
    return _guarded(chunks, src, empty, _progress_enabled(progress), total)


def _guarded(
    chunks: Iterable[pd.DataFrame], src: Path, empty: EmptyPolicy, show: bool, total: int | None
) -> Iterator[pd.DataFrame]:
    seen: set[str] = set()
    bar = _progress_bar(show, total, src.name)
    try:
        for chunk in chunks:
            _check_unique_ids(chunk["doc_id"], str(src))
            again = seen.intersection(chunk["doc_id"])
            if again:
                raise CorpusError(f"{src}: duplicate doc_id: {', '.join(sorted(again)[:10])}")
            seen.update(chunk["doc_id"])
            bar.update(len(chunk))
            chunk = _handle_empty(chunk, empty, str(src))
            if len(chunk):
                yield chunk
    finally:
        bar.close()


# --------------------------------------------------------------------------------------------
# aggregation across chunks (shared with analysis.scale)
#
# Every per-chunk table is turned into one long "partial" table with string keys and additive
# values, so that chunks (or Dask partitions) combine by a group-by sum, whatever categoricals
# each chunk had:  table, k0, k1 (str keys), ord (int64; combined with min, for first-appearance
# order), v0, v1, v2 (float64; combined with sum, exact for counts below 2**53).

_PART_COLUMNS = ["table", "k0", "k1", "ord", "v0", "v1", "v2"]
_KEYS = ["table", "k0", "k1"]
_TF_SCHEMES = ("count", "prop", "tfidf")
_THEME_NORMALIZE = (None, "per_1k_tokens", "share_of_sentences")
_THEME_UNITS = ("doc", "sentence")
_ACTOR_NORMALIZE = (None, "per_1k_tokens", "share_of_docs", "share_of_mentions")
_PAIR_SEP = "|"
_EDGE_UNITS = ("sentence", "doc")
_ORD_SHIFT = 1 << 32  # ord = chunk number * 2**32 + row: chunks of fewer than 4 G documents


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


def _part(table: str, k0, k1, ord_, v0, v1=None, v2=None) -> pd.DataFrame:
    n = len(k0)
    zeros = np.zeros(n, np.float64)
    return pd.DataFrame(
        {
            "table": pd.Series([table] * n, dtype=str),
            "k0": pd.Series(np.asarray(k0, dtype=object), dtype=str),
            "k1": pd.Series(np.asarray(k1, dtype=object), dtype=str),
            "ord": np.asarray(ord_, np.int64),
            "v0": np.asarray(v0, np.float64),
            "v1": zeros if v1 is None else np.asarray(v1, np.float64),
            "v2": zeros if v2 is None else np.asarray(v2, np.float64),
        }
    )


def _arrow_strings(values: pd.Series):
    """A string column as one Arrow string array (zero-copy when it is Arrow-backed already)."""
    import pyarrow as pa

    arr = pa.array(values.array)
    return arr if pa.types.is_large_string(arr.type) else arr.cast(pa.large_string())


def _empty_parts() -> pd.DataFrame:
    return _part("meta", [], [], [], [])


def _combine_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """Sum partial tables by key (ord: minimum); the pandas twin of the Dask aggregation."""
    if not len(parts):
        return _empty_parts()
    out = parts.groupby(_KEYS, sort=False, observed=True).agg(
        ord=("ord", "min"), v0=("v0", "sum"), v1=("v1", "sum"), v2=("v2", "sum")
    )
    return out.reset_index()[_PART_COLUMNS]


@dataclass
class _Plan:
    """Everything a chunk needs, compiled once; pickled to Dask workers as it is.

    Cached across chunks: the loaded codebook (whose compiled PatternSet the matcher reuses)
    and the compiled actor table. Per chunk: the expansion of globs and regexes against the
    chunk's vocabulary (one binary search per glob), which the matcher keys on the vocabulary.
    """

    codebook: object | None = None
    actors: object | None = None
    by: str | None = None
    line_breaks: str = "line"
    punkt: object | None = None
    remove_punct: bool = True
    stopwords: frozenset[str] | None = None
    n: int = 1
    min_count: int = 1
    scheme: str = "count"
    theme_unit: str = "doc"
    theme_normalize: str | None = None
    theme_level: int | None = None
    theme_scope: str = "key"
    actor_normalize: str | None = None
    edge_unit: str = "sentence"

    # ------------------------------------------------------------------ per chunk

    def run(
        self, docs: pd.DataFrame, chunk_no: int
    ) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        """Partials of one docs table, and the per-hit tables (for writing to Parquet)."""
        from analysis.frequency import term_frequency
        from analysis.text import tokenize

        tokens = tokenize(docs, line_breaks=self.line_breaks, punkt=self.punkt)  # type: ignore[arg-type]
        doc_ids = docs["doc_id"].astype(str)
        first = chunk_no * _ORD_SHIFT
        doc_ord = pd.Series(np.arange(len(docs), dtype=np.int64) + first, index=doc_ids.to_numpy())
        parts = [
            _part("meta", [""], [""], [first], [len(docs)], [len(tokens)]),
        ]
        tf = term_frequency(
            tokens,
            by=self.by,
            docs=docs,
            n=self.n,
            remove_punct=self.remove_punct,
            stopwords=self.stopwords,
            scheme="prop" if self.scheme == "prop" else "count",
        )
        if self.by is None:
            group_ord = np.full(len(tf), first, np.int64)
        elif self.by == "doc_id":
            group_ord = doc_ord.reindex(tf["group"].to_numpy()).to_numpy()
        else:
            firsts = (
                pd.Series(np.arange(len(docs), dtype=np.int64) + first)
                .groupby(docs[self.by].astype(str).to_numpy(), sort=False)
                .min()
            )
            group_ord = firsts.reindex(tf["group"].to_numpy()).to_numpy()
        parts.append(
            _part(
                "tf",
                tf["group"],
                tf["term"],
                group_ord,
                tf["frequency"],
                tf["docfreq"],
                tf["prop"] if self.scheme == "prop" else None,
            )
        )
        per_hit: dict[str, pd.DataFrame] = {}
        if self.codebook is not None:
            hits, themes = self._themes(tokens, docs)
            per_hit["hits"] = hits
            unit = "doc_id" if self.by is None else "group"
            if self.by is None:
                ord_ = doc_ord.reindex(themes[unit].to_numpy()).to_numpy()
            else:
                firsts = (
                    pd.Series(np.arange(len(docs), dtype=np.int64) + first)
                    .groupby(docs[self.by].astype(str).to_numpy(), sort=False)
                    .min()
                )
                ord_ = firsts.reindex(themes[unit].astype(str).to_numpy()).to_numpy()
            denom = next((c for c in ("n_tokens", "n_sentences") if c in themes.columns), None)
            parts.append(
                _part(
                    "theme",
                    themes[unit].astype(str),
                    themes["theme"],
                    ord_,
                    themes["count"],
                    None if denom is None else themes[denom],
                )
            )
        if self.actors is not None:
            mentions, actor_parts = self._actors(tokens, docs, first)
            per_hit["mentions"] = mentions
            parts.extend(actor_parts)
        return pd.concat(parts, ignore_index=True), per_hit

    def _themes(self, tokens: pd.DataFrame, docs: pd.DataFrame):
        from analysis.themes import code_themes, theme_matrix

        hits = code_themes(tokens, self.codebook, docs=docs, scope=self.theme_scope)  # type: ignore[arg-type]
        matrix = theme_matrix(
            hits,
            docs,
            tokens=tokens,
            codebook=self.codebook,  # type: ignore[arg-type]
            by=self.by,
            unit=self.theme_unit,  # type: ignore[arg-type]
            normalize=self.theme_normalize,  # type: ignore[arg-type]
            level=self.theme_level,
        )
        return hits, matrix

    def _doc_group_labels(self, docs: pd.DataFrame) -> np.ndarray:
        """Group label of every document of the chunk, as actor_counts labels it."""
        if self.by is None:
            return np.full(len(docs), "all", dtype=object)
        return docs[self.by].astype(str).to_numpy(dtype=object)

    def _actors(self, tokens: pd.DataFrame, docs: pd.DataFrame, first: int):
        from analysis.actors import find_mentions
        from analysis.text import is_punct

        mentions = find_mentions(tokens, self.actors, docs=docs)  # type: ignore[arg-type]
        doc_ids = docs["doc_id"].astype(str).to_numpy(dtype=object)
        labels = self._doc_group_labels(docs)
        group_of = pd.Series(labels, index=doc_ids)
        m_doc = mentions["doc_id"].astype(str).to_numpy(dtype=object)
        m = pd.DataFrame(
            {"group": group_of.reindex(m_doc).to_numpy(dtype=object), "doc_id": m_doc,
             "actor_id": mentions["actor_id"].astype(str).to_numpy(dtype=object)}
        )  # fmt: skip
        agg = m.groupby(["group", "actor_id"], sort=False).agg(
            mentions=("doc_id", "size"), docs=("doc_id", "nunique")
        )
        k0 = agg.index.get_level_values(0)
        k1 = agg.index.get_level_values(1)
        parts = [_part("actor", k0, k1, np.zeros(len(agg), np.int64), agg["mentions"], agg["docs"])]
        # Documents and word tokens per group: the denominators of actor_counts' rates.
        word = ~is_punct(tokens)
        tok_doc = tokens["doc_id"].cat.codes.to_numpy()[word]
        words_per_doc = np.bincount(tok_doc, minlength=len(docs))
        per_group = (
            pd.DataFrame({"g": labels, "n": 1, "w": words_per_doc}).groupby("g", sort=False).sum()
        )
        parts.append(
            _part("agroup", per_group.index, [""] * len(per_group), np.zeros(len(per_group), np.int64),
                  per_group["n"], per_group["w"])
        )  # fmt: skip
        edges = self._edges(mentions, docs)
        if edges is not None:
            parts.append(edges)
        return mentions, parts

    def _edges(self, mentions: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
        from analysis.networks import comention_edges

        e = comention_edges(mentions, unit=self.edge_unit, by=self.by, docs=docs)  # type: ignore[arg-type]
        # Actor ids never contain "|" (load_actors refuses it), so it can join the pair.
        pair = e["source"].astype(str) + _PAIR_SEP + e["target"].astype(str)
        return _part("edge", e["group"], pair, np.zeros(len(e), np.int64), e["weight"])

    # ------------------------------------------------------------------ after the last chunk

    def finalize(self, combined: pd.DataFrame, **paths: Path | None) -> CorpusSummary:
        tables = {name: g for name, g in combined.groupby("table", sort=False, observed=True)}
        meta = tables.get("meta")
        n_docs = int(meta["v0"].sum()) if meta is not None else 0
        n_tokens = int(meta["v1"].sum()) if meta is not None else 0
        tf = self._finish_tf(tables.get("tf", _empty_parts()), n_docs)
        themes = None
        if self.codebook is not None:
            themes = self._finish_themes(tables.get("theme", _empty_parts()))
        counts = edges = None
        if self.actors is not None:
            counts, edges = self._finish_actors(tables)
        return CorpusSummary(tf, themes, counts, edges, n_docs, n_tokens, **paths)

    def _finish_tf(self, t: pd.DataFrame, n_docs: int) -> pd.DataFrame:
        import pyarrow as pa
        import pyarrow.compute as pc

        from analysis.frequency import _min_rank_sorted

        # Arrow sorts and looks up the string keys (code point order, as Python's sorted());
        # on a vocabulary-sized table that is 3-4x faster than object arrays.
        group = _arrow_strings(t["k0"])
        term = _arrow_strings(t["k1"])
        freq = np.rint(t["v0"].to_numpy()).astype(np.int64)
        dfreq = np.rint(t["v1"].to_numpy()).astype(np.int64)
        # Group order as term_frequency: documents' order for by="doc_id", else sorted labels.
        if self.by == "doc_id":
            firsts = t.groupby("k0", sort=False)["ord"].min().sort_values(kind="stable")
            labels = _arrow_strings(firsts.index.to_series())
        else:
            labels = pc.unique(group)
            labels = labels.take(pc.sort_indices(labels))
        g = pc.index_in(group, value_set=labels).to_numpy(zero_copy_only=False).astype(np.int64)
        if self.scheme == "count":
            weight = freq.astype(np.float64)
        elif self.scheme == "prop":
            weight = t["v2"].to_numpy()
        else:
            codes = pc.dictionary_encode(term).indices.to_numpy(zero_copy_only=False)
            corpus_df = np.bincount(codes, weights=dfreq)[codes]
            weight = freq * np.log10(n_docs / np.where(corpus_df > 0, corpus_df, 1.0))
        group_total = np.bincount(g, weights=freq, minlength=len(labels))
        keys = pa.table({"g": g, "w": -weight, "t": term})
        order = pc.sort_indices(
            keys, sort_keys=[("g", "ascending"), ("w", "ascending"), ("t", "ascending")]
        ).to_numpy()
        g, freq, dfreq, weight = g[order], freq[order], dfreq[order], weight[order]
        rank = _min_rank_sorted(g, weight)
        keep = freq >= self.min_count
        kept = order[keep]
        out = {
            "term": pd.array(term.take(kept), dtype="str"),
            "frequency": freq[keep],
            "rank": rank[keep],
            "docfreq": dfreq[keep],
            "group": pd.array(labels.take(g[keep]), dtype="str"),
            "relative": freq[keep] / group_total[g[keep]],
        }
        if self.scheme != "count":
            out[self.scheme] = weight[keep]
        return pd.DataFrame(out)

    def _theme_layout(self) -> pd.DataFrame:
        """The themes and depths a theme_matrix row set has, from theme_matrix itself."""
        from analysis.themes import theme_matrix

        hits = pd.DataFrame(
            {"doc_id": pd.Series([], dtype=str), "key": pd.Series([], dtype=str),
             "sent": np.array([], np.int32)}
        )  # fmt: skip
        one = theme_matrix(
            hits,
            pd.DataFrame({"doc_id": ["_"], "text": [""]}),
            codebook=self.codebook,  # type: ignore[arg-type]
            unit=self.theme_unit,  # type: ignore[arg-type]
            level=self.theme_level,
        )
        return one[["theme", "depth"]]

    def _finish_themes(self, t: pd.DataFrame) -> pd.DataFrame:
        layout = self._theme_layout()
        unit = "doc_id" if self.by is None else "group"
        units = t.groupby("k0", sort=False)["ord"].min().sort_values(kind="stable").index
        n_u, n_t = len(units), len(layout)
        counts = np.zeros(n_u * n_t, np.int64)
        denom = np.zeros(n_u * n_t, np.int64)
        u = pd.Index(units, dtype=object).get_indexer(t["k0"].to_numpy(dtype=object))
        th = pd.Index(layout["theme"], dtype=object).get_indexer(t["k1"].to_numpy(dtype=object))
        counts[u * n_t + th] = np.rint(t["v0"].to_numpy()).astype(np.int64)
        denom[u * n_t + th] = np.rint(t["v1"].to_numpy()).astype(np.int64)
        out = pd.DataFrame(
            {
                unit: pd.Series(np.repeat(np.asarray(units, dtype=object), n_t), dtype=str),
                "theme": pd.Series(np.tile(layout["theme"].to_numpy(dtype=object), n_u), dtype=str),
                "depth": np.tile(layout["depth"].to_numpy(np.int64), n_u),
                "count": counts,
            }
        )
        if self.theme_normalize is not None:
            name, rate, scale = (
                ("n_tokens", "per_1k_tokens", 1000.0)
                if self.theme_normalize == "per_1k_tokens"
                else ("n_sentences", "share_of_sentences", 1.0)
            )
            out[name] = denom
            out[rate] = np.where(denom > 0, scale * counts / np.maximum(denom, 1), np.nan)
        return out

    def _finish_actors(self, tables: dict[str, pd.DataFrame]):
        act = self.actors
        a = tables.get("actor", _empty_parts())
        g = tables.get("agroup", _empty_parts())
        groups = sorted(g["k0"].astype(str))
        ids = sorted(act.ids)  # type: ignore[union-attr]
        grid = pd.MultiIndex.from_product([groups, ids], names=["group", "actor_id"])
        sums = pd.DataFrame(
            {"mentions": a["v0"].to_numpy(), "docs": a["v1"].to_numpy()},
            index=pd.MultiIndex.from_arrays([a["k0"].astype(str), a["k1"].astype(str)]),
        )
        out = sums.reindex(grid, fill_value=0).reset_index()
        out["mentions"] = np.rint(out["mentions"].to_numpy()).astype(np.int64)
        out["docs"] = np.rint(out["docs"].to_numpy()).astype(np.int64)
        n_docs = pd.Series(np.rint(g["v0"].to_numpy()).astype(np.int64), index=g["k0"].astype(str))
        n_words = pd.Series(g["v1"].to_numpy(), index=g["k0"].astype(str))
        out["n_docs"] = out["group"].map(n_docs).astype(np.int64)
        out.insert(2, "name", out["actor_id"].map(act.names).astype(str))  # type: ignore[union-attr]
        out.insert(3, "type", out["actor_id"].map(act.types).astype(str))  # type: ignore[union-attr]
        if self.actor_normalize == "per_1k_tokens":
            denom = out["group"].map(n_words).fillna(0).to_numpy(float)
            with np.errstate(divide="ignore", invalid="ignore"):
                out["per_1k_tokens"] = np.where(denom > 0, out["mentions"] * 1000.0 / denom, np.nan)
        elif self.actor_normalize == "share_of_docs":
            out["share_of_docs"] = out["docs"] / out["n_docs"].where(out["n_docs"] > 0)
        elif self.actor_normalize == "share_of_mentions":
            total = out.groupby("group")["mentions"].transform("sum")
            out["share_of_mentions"] = out["mentions"] / total.where(total > 0)
        out = out.sort_values(
            ["group", "mentions", "actor_id"], ascending=[True, False, True], kind="stable"
        ).reset_index(drop=True)
        return out, self._finish_edges(tables)

    def _finish_edges(self, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
        import pyarrow.compute as pc

        e = tables.get("edge", _empty_parts())
        pair = pc.split_pattern(_arrow_strings(e["k1"]), _PAIR_SEP, max_splits=1)
        out = pd.DataFrame(
            {
                "source": pc.list_element(pair, 0).to_numpy(zero_copy_only=False),
                "target": pc.list_element(pair, 1).to_numpy(zero_copy_only=False),
                "weight": np.rint(e["v0"].to_numpy()).astype(np.int64),
                "group": e["k0"].astype(str).to_numpy(dtype=object),
            }
        )
        out = out.sort_values(
            ["group", "weight", "source", "target"],
            ascending=[True, False, True, True],
            kind="stable",
        )
        return out.reset_index(drop=True)


class _ParquetSink:
    """Append tables to one Parquet file; the file appears (atomically) only when complete."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = None if path is None else Path(path)
        self._tmp = None if self.path is None else self.path.with_name(self.path.name + ".part")
        self._writer = None
        self._schema = None

    def write(self, table: pd.DataFrame) -> None:
        if self.path is None:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        # Categorical doc_ids differ from chunk to chunk: write plain strings.
        flat = table.assign(
            **{
                c: table[c].astype(str)
                for c in table.columns
                if isinstance(table[c].dtype, pd.CategoricalDtype)
            }
        )
        arrow = pa.Table.from_pandas(flat, preserve_index=False)
        if self._writer is None:
            self._schema = arrow.schema
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(self._tmp, self._schema)
        self._writer.write_table(arrow.cast(self._schema))

    def close(self, ok: bool) -> Path | None:
        if self.path is None:
            return None
        if self._writer is not None:
            self._writer.close()
        if not ok:
            if self._tmp is not None and self._tmp.exists():
                self._tmp.unlink()
            return None
        if self._writer is None:  # no chunk at all: still leave a (empty) file behind
            return None
        os.replace(self._tmp, self.path)
        return self.path


def _chunks_of(
    source: str | Path | pd.DataFrame | Iterable[pd.DataFrame],
    chunksize: int,
    progress: bool | None,
    read_options: dict,
) -> Iterator[pd.DataFrame]:
    if isinstance(source, (str, os.PathLike)):
        # No sha256 per document: the summary does not report it.
        return _open_corpus(
            source,
            chunksize,
            pattern="*.txt",
            columns=None,
            empty="error",
            progress=progress,
            digest=False,
            **read_options,
        )
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
    return _counted(chunks, _progress_enabled(progress), total)


def _counted(
    chunks: Iterable[pd.DataFrame], show: bool, total: int | None
) -> Iterator[pd.DataFrame]:
    bar = _progress_bar(show, total, "documents")
    try:
        for chunk in chunks:
            yield chunk
            bar.update(len(chunk))
    finally:
        bar.close()


def _make_plan(codebook, actors, **options) -> _Plan:
    """Check the options, load the codebook and actor table once, and bundle them."""
    _check_choice("scheme", options["scheme"], _TF_SCHEMES)
    _check_choice("theme_unit", options["theme_unit"], _THEME_UNITS)
    _check_choice("normalize", options["theme_normalize"], _THEME_NORMALIZE)
    _check_choice("actor_normalize", options["actor_normalize"], _ACTOR_NORMALIZE)
    _check_choice("theme_scope", options["theme_scope"], ("key", "all"))
    _check_choice("line_breaks", options["line_breaks"], ("line", "paragraph", "none"))
    _check_choice("edge_unit", options["edge_unit"], _EDGE_UNITS)
    if codebook is not None:
        from analysis.themes import Codebook, load_codebook

        if not isinstance(codebook, Codebook):
            codebook = load_codebook(codebook)
    if actors is not None:
        actors = _load_actor_table(actors)
    stopwords = options.get("stopwords")
    if stopwords is not None:
        if isinstance(stopwords, str):
            raise TypeError("stopwords must be a collection of words, not a single string")
        options["stopwords"] = frozenset(stopwords)
    plan = _Plan(codebook=codebook, actors=actors, **options)
    _precompile(plan)
    return plan


def _precompile(plan: _Plan) -> None:
    """Compile the pattern sets now, so that chunks (and Dask workers, which receive the plan
    pickled) reuse them instead of compiling their own. Both objects cache what they compile;
    the per-vocabulary expansions are dropped when a pattern set is pickled."""
    cb, act = plan.codebook, plan.actors
    if cb is not None and hasattr(cb, "_pattern_set"):
        cb._pattern_set("include", plan.theme_scope)
        cb._pattern_set("exclude")
    if act is not None and hasattr(act, "_plan"):
        act._plan(True, True)


def _load_actor_table(actors):
    from analysis.actors import Actors, load_actors

    return actors if isinstance(actors, Actors) else load_actors(actors)


def stream_analyze(
    source: str | Path | pd.DataFrame | Iterable[pd.DataFrame],
    *,
    codebook=None,
    actors=None,
    chunksize: int = 2000,
    by: str | None = None,
    hits_path: str | Path | None = None,
    mentions_path: str | Path | None = None,
    progress: bool | None = None,
    metadata: str | Path | None = None,
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
) -> CorpusSummary:
    """Run the pipeline chunk by chunk and return the corpus-wide tables.

    Each chunk is tokenised, counted (:func:`analysis.frequency.term_frequency`), coded
    (:func:`analysis.themes.code_themes`, :func:`analysis.themes.theme_matrix`) and searched for
    actors (:func:`analysis.actors.find_mentions`); the per-chunk counts are summed by their
    string keys (categoricals differ from chunk to chunk), then ranks, shares and rates are
    computed once at the end. The results equal those functions run on the whole corpus at once.

    Memory: one chunk's texts, tokens and hits, plus tables the size of the vocabulary (term
    counts) and of the output (the theme matrix has a row per document and theme when ``by`` is
    None). Per-hit tables are not kept: give ``hits_path``/``mentions_path`` to write them to
    Parquet as they come (the file appears when the run completes).

    Args:
        source: a corpus path for :func:`iter_corpus`, a docs table (cut into chunks), or any
            iterable of docs tables (e.g. ``iter_corpus(path, empty="drop")``).
        codebook: a :class:`analysis.themes.Codebook` or a codebook path; None skips themes.
        actors: an actor table (see :func:`analysis.actors.load_actors`) or its path; None
            skips actors.
        chunksize: documents per chunk.
        by: document variable to group term frequency, the theme matrix and actor counts by;
            None: term frequency over the corpus, theme matrix per document.
        hits_path: write the theme hits (:func:`analysis.themes.code_themes` columns,
            ``doc_id`` as text) to this Parquet file.
        mentions_path: write the actor mentions to this Parquet file.
        progress: progress bar; None = on in Jupyter or a terminal, off under pytest/CI.
        metadata, text_column, id_column: reading options of :func:`iter_corpus`.
        line_breaks, punkt: tokenising options of :func:`analysis.text.tokenize`.
        remove_punct, stopwords, n, min_count, scheme: options of
            :func:`analysis.frequency.term_frequency` (``scheme``: ``"count"``, ``"prop"``,
            ``"tfidf"``).
        theme_unit, normalize, level: ``unit``, ``normalize``, ``level`` of
            :func:`analysis.themes.theme_matrix`; ``theme_scope``: ``scope`` of ``code_themes``.
        edge_unit: ``unit`` of :func:`analysis.networks.comention_edges`.

    Returns:
        A :class:`CorpusSummary`: ``term_frequency`` (``term, frequency, rank, docfreq, group,
        relative`` [+ ``prop``/``tfidf``]), ``theme_matrix`` (``doc_id``/``group, theme, depth,
        count`` [+ normalisation columns]), ``actor_counts`` and ``comention_edges`` (the
        columns of those functions), ``n_docs``, ``n_tokens``, ``hits_path``,
        ``mentions_path``. Group labels are strings.

    Raises:
        ValueError: a bad option value (names the allowed ones). The errors of
        :func:`iter_corpus`, :func:`analysis.themes.load_codebook` and the table functions.

    Example:
        >>> res = stream_analyze("corpus.parquet", codebook="data/codebooks/asean_china_crime.yml",
        ...                      by="outlet", hits_path="reports/hits.parquet")  # doctest: +SKIP
        >>> res.theme_matrix.head()  # doctest: +SKIP
    """
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
    read_options = {"metadata": metadata, "text_column": text_column, "id_column": id_column}
    if not isinstance(source, (str, os.PathLike)) and (metadata is not None):
        raise ValueError("metadata= is for a corpus path; pass iter_corpus(..., metadata=...)")
    chunks = _chunks_of(source, chunksize, progress, read_options)
    hits_sink, mentions_sink = _ParquetSink(hits_path), _ParquetSink(mentions_path)
    combined = _empty_parts()
    ok = False
    try:
        for i, docs in enumerate(chunks):
            parts, per_hit = plan.run(docs, i)
            hits_sink.write(per_hit.get("hits")) if "hits" in per_hit else None
            mentions_sink.write(per_hit.get("mentions")) if "mentions" in per_hit else None
            # Combining as we go keeps the partial tables at the size of the vocabulary.
            combined = _combine_parts(pd.concat([combined, parts], ignore_index=True))
        ok = True
    finally:
        hits_out = hits_sink.close(ok)
        mentions_out = mentions_sink.close(ok)
    return plan.finalize(combined, hits_path=hits_out, mentions_path=mentions_out)
