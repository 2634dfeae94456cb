"""Load a corpus of news articles into the docs table, whole or in chunks.

The docs table is the start of every analysis: one row per document with the columns
``doc_id`` (str), ``text`` (str, NFC-normalised, newlines kept), any document variables
(``outlet``, ``date``, ...) and ``sha256`` (hex digest of the document's raw bytes), so that a
report can prove which inputs it was computed from.

:func:`load_corpus` reads a whole corpus; :func:`iter_corpus` reads the same sources in chunks
(their concatenation equals ``load_corpus``), for corpora larger than memory. Files are read
through :mod:`analysis._io`, the one reader. Boilerplate cleaning is in
:mod:`analysis.boilerplate` (its names are re-exported here).
"""

from __future__ import annotations

import hashlib
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, get_args

import pandas as pd

from analysis._aggregate import progress_bar, progress_enabled
from analysis._checks import BadUtf8, decode_utf8
from analysis._checks import check_choice as _check_choice
from analysis._io import Fail, csv_rows, read_text
from analysis.boilerplate import DEFAULT_BOILERPLATE_RULES, BoilerplateRule, clean_boilerplate

__all__ = [
    "CorpusError",
    "BoilerplateRule",
    "DEFAULT_BOILERPLATE_RULES",
    "load_corpus",
    "iter_corpus",
    "docs_from_table",
    "clean_boilerplate",
    "read_text_file",
    "normalize_text",
]

EmptyPolicy = Literal["error", "warn", "drop", "keep"]
_EMPTY_CHOICES = get_args(EmptyPolicy)
_TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet", ".pq"}
_MAX_IDS = 10  # doc_ids named in one message


class CorpusError(ValueError):
    """A corpus file or table cannot be used; the message names the file and the problem."""


def normalize_text(text: str) -> str:
    """Return ``text`` NFC-normalised with Windows/old-Mac line endings turned into ``\\n``.

    NFC matters because the same letter can arrive composed (``ư`` U+01B0) or decomposed
    (``u`` + U+031B); without it two spellings of one name would never match.

    Example:
        >>> normalize_text("Thu\\u031bo\\u031b\\u0309ng\\r\\nHanoi") == "Thưởng\\nHanoi"
        True
    """
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _failing(path: str | Path) -> Fail:
    """The ``fail`` of :mod:`analysis._io` for a corpus file: a :class:`CorpusError` naming it."""

    def fail(line: int | None, message: str) -> Exception:
        if message.startswith("not valid UTF-8"):  # names its line itself
            return CorpusError(f"{path}: {_with_bad_byte(Path(path), message)}")
        return CorpusError(f"{path}{'' if line is None else f', line {line}'}: {message}")

    return fail


def _with_bad_byte(path: Path, message: str) -> str:
    """The decoding error naming the offending byte too: 0xe9 says Latin-1 é, 0x93 a Windows
    quote. Only runs when a file has already failed, so reading it again costs nothing that
    matters."""
    try:
        decode_utf8(path.read_bytes())
    except BadUtf8 as err:
        return (
            f"not valid UTF-8 at byte offset {err.offset} (byte 0x{err.byte:02x}) on line "
            f"{err.line}; re-save the file as UTF-8"
        )
    return message


def read_text_file(path: str | Path) -> tuple[str, str]:
    """Read one UTF-8 text file; return ``(text, sha256_of_raw_bytes)``.

    A leading byte-order mark is dropped, the text is NFC-normalised and line endings become
    ``\\n``. An empty file is read as ``""`` (:func:`load_corpus`'s ``empty=`` decides).

    Raises:
        FileNotFoundError: the file is missing.
        CorpusError: naming the file: not UTF-8 (the byte offset, the byte and the line),
            UTF-16/32, or a folder.

    Example:
        >>> text, digest = read_text_file("data/raw/000_74c46e1f27d8f2f9.txt")  # doctest: +SKIP
    """
    p, raw, text = read_text(path, kind="document", fail=_failing(path), allow_empty=True)
    return normalize_text(text), hashlib.sha256(raw).hexdigest()


def _handle_empty(docs: pd.DataFrame, empty: EmptyPolicy, where: str) -> pd.DataFrame:
    blank = docs["text"].str.strip().eq("")
    if not blank.any():
        return docs
    ids = ", ".join(docs.loc[blank, "doc_id"].astype(str).tolist()[:_MAX_IDS])
    msg = f"{where}: {int(blank.sum())} empty document(s): {ids}"
    if empty == "error":
        raise CorpusError(msg + " (pass empty='warn', 'drop' or 'keep' to accept them)")
    if empty == "warn":
        # The caller of load_corpus/iter_corpus, not this helper, is where the warning points.
        warnings.warn(msg, stacklevel=3)
    if empty == "drop":
        return docs.loc[~blank].reset_index(drop=True)
    return docs


def _check_unique_ids(ids: pd.Series, where: str) -> None:
    dup = ids[ids.duplicated(keep=False)]
    if len(dup):
        raise CorpusError(f"{where}: duplicate doc_id: {', '.join(sorted(set(dup.astype(str))))}")


def _read_metadata(path: Path) -> pd.DataFrame:
    fail = _failing(path)
    _, _, text = read_text(path, kind="metadata", fail=fail)
    header, rows, _ = csv_rows(text, fail=fail)
    meta = pd.DataFrame(
        {name: pd.Series([r[i] for r in rows], dtype="str") for i, name in enumerate(header)}
    )
    if "doc_id" not in meta.columns:
        raise CorpusError(
            f"{path}: metadata needs a 'doc_id' column (has: {', '.join(meta.columns)})"
        )
    _check_unique_ids(meta["doc_id"], str(path))
    return meta


def _metadata_stems(
    meta: pd.DataFrame, stems: Iterable[str], folder: Path, meta_path: Path
) -> pd.Series:
    """The file stem each metadata row refers to (its ``file`` column, else its ``doc_id``);
    raises naming every row without a file and every file without a row."""
    key = meta["file"].map(lambda s: Path(s).stem) if "file" in meta.columns else meta["doc_id"]
    stems = set(stems)
    missing_files = sorted(set(key) - stems)
    missing_rows = sorted(stems - set(key))
    problems = []
    if missing_files:
        problems.append(f"metadata rows without a file in {folder}: {', '.join(missing_files)}")
    if missing_rows:
        problems.append(f"files in {folder} without a metadata row: {', '.join(missing_rows)}")
    if problems:
        raise CorpusError(f"{meta_path}: " + "; ".join(problems))
    return key


def _folder_files(folder: Path, pattern: str) -> list[Path]:
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if not files:
        raise CorpusError(f"{folder}: no files matching {pattern!r}")
    return files


def _load_folder(folder: Path, metadata: str | Path | None, pattern: str) -> pd.DataFrame:
    rows = []
    for f in _folder_files(folder, pattern):
        text, digest = read_text_file(f)
        rows.append({"stem": f.stem, "text": text, "sha256": digest})
    docs = pd.DataFrame(rows)
    if metadata is None:
        docs.insert(0, "doc_id", docs["stem"])
        return docs.drop(columns="stem")
    meta_path = Path(metadata)
    meta = _read_metadata(meta_path)
    key = _metadata_stems(meta, docs["stem"], folder, meta_path)
    meta = meta.assign(stem=key.values)
    merged = meta.merge(docs, on="stem", how="left", validate="one_to_one").drop(columns="stem")
    cols = ["doc_id", "text"] + [c for c in merged.columns if c not in ("doc_id", "text", "sha256")]
    return merged[cols + ["sha256"]]


def _load_table(path: Path, text_column: str, id_column: str) -> pd.DataFrame:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        elif suffix in (".jsonl", ".ndjson"):
            table = pd.read_json(path, lines=True, dtype=False, encoding="utf-8")
        else:
            table = pd.read_parquet(path)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not valid UTF-8 at byte offset {err.start}") from None
    except (pd.errors.EmptyDataError, ValueError) as err:
        raise CorpusError(f"{path}: cannot be read as {suffix[1:]}: {err}") from None
    return docs_from_table(table, text_column=text_column, id_column=id_column, source=str(path))


def docs_from_table(
    table: pd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str = "doc_id",
    columns: Sequence[str] | None = None,
    source: str = "table",
    sha256: bool = True,
) -> pd.DataFrame:
    """A table already in memory as a docs table, exactly as :func:`load_corpus` reads a table file.

    The id and text columns are renamed ``doc_id`` and ``text``, ``doc_id`` becomes ``str``, the
    text is NFC-normalised with ``\\n`` line endings. Duplicate ids and empty texts are not
    checked here (:func:`load_corpus` and :func:`iter_corpus` do that).

    Args:
        table: one row per document.
        text_column: name of the text column.
        id_column: name of the document-id column.
        columns: document variables to keep (default: every other column, in table order).
        source: what the table is, for error messages (a file name, ``"Dask partition 3"``).
        sha256: add ``sha256``, the digest of each text's UTF-8 bytes (before normalising).

    Returns:
        The docs table: ``doc_id`` (str), ``text`` (str), the document variables, ``sha256``
        (str; only with ``sha256=True``), with a fresh 0-based index.

    Raises:
        CorpusError: a missing id, text or ``columns`` column, or a missing text.

    Example:
        >>> table = pd.DataFrame({"id": [7], "body": ["Cafe\\u0301\\r\\nopens."], "outlet": ["X"]})
        >>> docs = docs_from_table(table, text_column="body", id_column="id", sha256=False)
        >>> docs.values.tolist()
        [['7', 'Café\\nopens.', 'X']]
    """
    for col in (id_column, text_column):
        if col not in table.columns:
            raise CorpusError(
                f"{source}: needs a {col!r} column (has: {', '.join(map(str, table.columns))})"
            )
    if columns is not None:
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise CorpusError(
                f"{source}: no column(s) {', '.join(map(repr, missing))} "
                f"(has: {', '.join(map(str, table.columns))})"
            )
        rest = [c for c in columns if c not in (id_column, text_column)]
        table = table[[id_column, text_column, *rest]]
    table = table.rename(columns={id_column: "doc_id", text_column: "text"})
    table["doc_id"] = table["doc_id"].astype(str)
    nulls = table["text"].isna()
    if nulls.any():
        raise CorpusError(
            f"{source}: missing text for doc_id {', '.join(table.loc[nulls, 'doc_id'][:_MAX_IDS])}"
        )
    raw = table["text"].astype(str)
    if sha256:
        table["sha256"] = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in raw]
    table["text"] = [normalize_text(t) for t in raw]
    cols = ["doc_id", "text"] + [c for c in table.columns if c not in ("doc_id", "text", "sha256")]
    return table[cols + (["sha256"] if sha256 else [])].reset_index(drop=True)


def _source(source: str | Path, metadata: str | Path | None) -> tuple[Path, bool]:
    """The checked source path, and whether it is a folder."""
    src = Path(source)
    if not src.exists():
        raise FileNotFoundError(f"{src}: no such file or folder")
    if src.is_dir():
        return src, True
    if src.suffix.lower() not in _TABLE_SUFFIXES:
        raise CorpusError(
            f"{src}: unknown corpus format {src.suffix!r}; use a folder of .txt files or "
            ".csv, .jsonl or .parquet"
        )
    if metadata is not None:
        raise CorpusError(f"{src}: metadata= is for folders; put document variables in the table")
    return src, False


def load_corpus(
    source: str | Path,
    *,
    metadata: str | Path | None = None,
    pattern: str = "*.txt",
    text_column: str = "text",
    id_column: str = "doc_id",
    empty: EmptyPolicy = "error",
) -> pd.DataFrame:
    """Load documents from a folder of ``.txt`` files (plus a metadata CSV) or from a table file.

    Args:
        source: a folder of UTF-8 text files, or a ``.csv`` / ``.jsonl`` / ``.parquet`` file with
            a text column and a document-id column.
        metadata: for a folder, a CSV with a ``doc_id`` column and optionally ``file`` (the file
            name; else the doc_id is the file stem) plus any document variables. Every file must
            have exactly one row and every row a file. Cells are read as text, surrounding
            spaces removed.
        pattern: glob selecting the files in a folder.
        text_column: name of the text column in a table source.
        id_column: name of the document-id column in a table source.
        empty: what to do with documents that are empty or only whitespace: ``"error"``
            (default), ``"warn"`` (keep them and warn), ``"drop"`` or ``"keep"``.

    Returns:
        The docs table, one row per document: ``doc_id`` (str), ``text`` (str; NFC, ``\\n``
        line endings), the metadata columns in their file order, ``sha256`` (str; of the raw
        file bytes, or of the UTF-8 text for table sources). Folder documents are sorted by
        file name unless metadata gives the order.

    Raises:
        FileNotFoundError: ``source`` or ``metadata`` does not exist.
        CorpusError: a file is not UTF-8 (names the byte offset), a metadata row has no file or
            a file no row, a doc_id repeats, a needed column is missing, a document is empty.

    Example:
        >>> docs = load_corpus("data/raw", metadata="data/metadata.csv")
        >>> docs[["doc_id", "outlet"]].values.tolist()
        [['vna_2023-12-06', 'VNA (Vietnam News Agency)'],
         ['thanhnien_2023-12-06', 'Báo Thanh niên']]
    """
    _check_choice("empty", empty, _EMPTY_CHOICES)
    src, is_folder = _source(source, metadata)
    if is_folder:
        docs = _load_folder(src, metadata, pattern)
    else:
        docs = _load_table(src, text_column, id_column)
    _check_unique_ids(docs["doc_id"], str(src))
    return _handle_empty(docs, empty, str(src))


# --------------------------------------------------------------------------------------------
# reading in chunks


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
    sha256: bool,
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
            yield docs_from_table(
                chunk, text_column=text_column, id_column=id_column, columns=columns,
                source=str(path), sha256=sha256,
            )  # fmt: skip

    return gen(), total


def _iter_folder(
    folder: Path, metadata: str | Path | None, pattern: str, chunksize: int, sha256: bool
) -> tuple[Iterator[pd.DataFrame], int]:
    files = _folder_files(folder, pattern)
    digests = ["sha256"] if sha256 else []
    if metadata is None:

        def plain() -> Iterator[pd.DataFrame]:
            for i in range(0, len(files), chunksize):
                rows = []
                for f in files[i : i + chunksize]:
                    text, digest = read_text_file(f)
                    rows.append({"doc_id": f.stem, "text": text, "sha256": digest})
                yield pd.DataFrame(rows)[["doc_id", "text", *digests]]

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
            texts, hashes = [], []
            for stem in key.iloc[i : i + chunksize]:
                text, digest = read_text_file(by_stem[stem])
                texts.append(text)
                hashes.append(digest)
            part = part.assign(text=texts, sha256=hashes)
            yield part[["doc_id", "text", *other, *digests]]

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
    sha256: bool = True,
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
        metadata: for a folder, the metadata CSV as in :func:`load_corpus`.
        pattern: glob selecting the files in a folder.
        text_column: name of the text column in a table source.
        id_column: name of the document-id column in a table source.
        columns: document variables to keep from a table source (default: all columns).
        empty: empty documents: ``"error"`` (default), ``"warn"``, ``"drop"`` or ``"keep"``.
        sha256: add the ``sha256`` column; False saves hashing every text when no provenance
            is needed.
        progress: show a progress bar; ``None`` = only in Jupyter or a terminal, never under
            pytest or CI.

    Yields:
        Docs tables (``doc_id``, ``text``, document variables, ``sha256``), each with a fresh
        0-based index, in the order ``load_corpus`` would give.

    Raises:
        ValueError: ``chunksize`` < 1 or a bad ``empty`` value.
        FileNotFoundError: ``source`` or ``metadata`` does not exist.
        CorpusError: as :func:`load_corpus` (non-UTF-8 file, missing column, file/metadata
            mismatch, empty document), and a doc_id repeated in a later chunk. Table errors are
            raised when the offending chunk is reached.

    Example:
        >>> [len(docs) for docs in iter_corpus("data/raw", chunksize=1)]
        [1, 1]
    """
    _check_choice("empty", empty, _EMPTY_CHOICES)
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise ValueError(f"chunksize={chunksize!r} must be a positive integer")
    src, is_folder = _source(source, metadata)
    if is_folder:
        chunks, total = _iter_folder(src, metadata, pattern, chunksize, sha256)
    else:
        chunks, total = _iter_table(src, chunksize, text_column, id_column, columns, sha256)
    return _guarded(chunks, src, empty, progress_enabled(progress), total)


def _guarded(
    chunks: Iterable[pd.DataFrame], src: Path, empty: EmptyPolicy, show: bool, total: int | None
) -> Iterator[pd.DataFrame]:
    seen: set[str] = set()
    bar = progress_bar(show, total, src.name)
    try:
        for chunk in chunks:
            _check_unique_ids(chunk["doc_id"], str(src))
            again = seen.intersection(chunk["doc_id"])
            if again:
                raise CorpusError(f"{src}: duplicate doc_id: {', '.join(sorted(again)[:_MAX_IDS])}")
            seen.update(chunk["doc_id"])
            bar.update(len(chunk))
            chunk = _handle_empty(chunk, empty, str(src))
            if len(chunk):
                yield chunk
    finally:
        bar.close()
