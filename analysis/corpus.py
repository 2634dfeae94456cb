"""Load a corpus of news articles into the docs table, whole or in chunks.

The docs table is the start of every analysis: one row per document with the columns
``doc_id`` (str), ``text`` (str, NFC-normalised, newlines kept), any document variables
(``outlet``, ``date``, ...) and ``sha256`` (hex digest of the document's raw bytes), so that a
report can prove which inputs it was computed from.

:func:`load_corpus` reads a whole corpus; :func:`iter_corpus` reads the same sources in chunks
(their concatenation equals ``load_corpus``), for corpora larger than memory. Files are read
through :mod:`analysis._io`, the one reader; reading one file (:func:`read_text_file`,
:func:`read_html_file`, :func:`normalize_text`, :class:`CorpusError`) is in
:mod:`analysis.corpus_files`. Boilerplate cleaning is in :mod:`analysis.boilerplate`. The names
of both are re-exported here.

On load, both also:

* read saved web pages (``.html``/``.htm`` files, or an ``html`` column of a table) with
  :func:`analysis.webpages.extract_page`: the main text, plus ``title``, ``date``, ``author``,
  ``outlet`` (the page's site name) and ``url`` where the page has them; a metadata or table
  value wins over the page's;
* parse ``date`` into ISO 8601 (:func:`analysis.dates.parse_date`; ``dates=`` says what an
  unparseable date does);
* add ``language`` (:mod:`analysis.language`) unless the metadata has it, and warn about
  documents outside ``language=``;
* warn about and remove NUL characters (a sign of a mis-saved file; they break tokenising).
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis._aggregate import progress_bar, progress_enabled
from analysis._checks import check_choice as _check_choice
from analysis._io import csv_records, csv_rows, jsonl_records, read_text
from analysis.boilerplate import DEFAULT_BOILERPLATE_RULES, BoilerplateRule, clean_boilerplate
from analysis.corpus_files import (  # moved there; re-exported here
    CorpusError,
    failing,
    normalize_text,
    read_html_file,
    read_text_file,
)
from analysis.dates import parse_date
from analysis.language import detect_languages, expected_languages
from analysis.webpages import PAGE_COLUMNS, WebPageError, extract_page

__all__ = [
    "CorpusError",
    "BoilerplateRule",
    "DEFAULT_BOILERPLATE_RULES",
    "load_corpus",
    "iter_corpus",
    "docs_from_table",
    "clean_boilerplate",
    "read_text_file",
    "read_html_file",
    "normalize_text",
    "DEFAULT_PATTERNS",
]

EmptyPolicy = Literal["error", "warn", "drop", "keep"]
_EMPTY_CHOICES = get_args(EmptyPolicy)
DatePolicy = Literal["error", "warn"]
_DATE_CHOICES = get_args(DatePolicy)
#: Files a folder corpus reads when no ``pattern=`` is given.
DEFAULT_PATTERNS: tuple[str, ...] = ("*.txt", "*.html", "*.htm")
_HTML_SUFFIXES = {".html", ".htm"}
_TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet", ".pq"}
_MAX_IDS = 10  # doc_ids named in one message


def _handle_empty(docs: pd.DataFrame, empty: EmptyPolicy, where: str) -> pd.DataFrame:
    blank = docs["text"].str.strip().eq("")
    if not blank.any():
        return docs
    ids = ", ".join(docs.loc[blank, "doc_id"].astype(str).tolist()[:_MAX_IDS])
    msg = f"{where}: {int(blank.sum())} empty document(s): {ids}"
    if empty == "error":
        raise CorpusError(msg + " (pass empty='warn', 'drop' or 'keep' to accept them)")
    if empty == "warn":
        warnings.warn(msg, stacklevel=4)
    if empty == "drop":
        return docs.loc[~blank].reset_index(drop=True)
    return docs


def _check_unique_ids(ids: pd.Series, where: str) -> None:
    dup = ids[ids.duplicated(keep=False)]
    if len(dup):
        raise CorpusError(f"{where}: duplicate doc_id: {', '.join(sorted(set(dup.astype(str))))}")


def _named(ids: Iterable[object]) -> str:
    names = [str(i) for i in ids]
    more = f" (and {len(names) - _MAX_IDS} more)" if len(names) > _MAX_IDS else ""
    return ", ".join(names[:_MAX_IDS]) + more


# --------------------------------------------------------------------------------------------
# what every reader does to its documents


def _blank(values: pd.Series) -> np.ndarray:
    return np.asarray(values.isna().to_numpy() | values.astype(str).str.strip().eq("").to_numpy())


def _remove_nul(docs: pd.DataFrame, where: str) -> pd.DataFrame:
    nul = docs["text"].str.contains("\x00", regex=False).to_numpy(dtype=bool)
    if nul.any():
        warnings.warn(
            f"{where}: removed NUL characters from {int(nul.sum())} document(s): "
            f"{_named(docs.loc[nul, 'doc_id'])} (a sign of a file saved in a wrong encoding)",
            stacklevel=4,
        )
        docs = docs.assign(text=docs["text"].str.replace("\x00", "", regex=False))
    return docs


def _parse_dates(docs: pd.DataFrame, where: str, dates: DatePolicy, dayfirst: bool) -> pd.DataFrame:
    if "date" not in docs.columns or docs.empty:
        return docs
    col = docs["date"]
    if col.dtype == "str" or col.dtype == object:
        as_str = col.astype(str)
        iso = as_str.str.fullmatch(r"\d{4}-\d{2}-\d{2}")
        if (
            bool(iso.all())
            and pd.to_datetime(as_str, format="%Y-%m-%d", errors="coerce").notna().all()
        ):
            return docs  # already ISO days (the common case): nothing to convert
    parsed: dict[object, str | None] = {}
    bad: list[tuple[str, object, str]] = []
    out: list[str | None] = []
    for doc_id, value in zip(docs["doc_id"], col.astype(object), strict=True):
        key = value if isinstance(value, str) else repr(value)
        if key not in parsed:
            try:
                parsed[key] = parse_date(value, dayfirst=dayfirst)
            except ValueError as err:
                parsed[key] = None
                bad.append((doc_id, value, str(err)))
                out.append("")
                continue
        elif parsed[key] is None and isinstance(value, str) and value.strip():
            bad.append((doc_id, value, "not a date"))
        out.append(
            parsed[key] if parsed[key] is not None else ("" if isinstance(value, str) else None)
        )
    if bad:
        shown = "; ".join(f"doc_id {d}: {v!r}" for d, v, _ in bad[:_MAX_IDS])
        if dates == "error":
            raise CorpusError(
                f"{where}: unparseable date for {len(bad)} document(s): {shown} ({bad[0][2]}); "
                "write dates as YYYY-MM-DD, or pass dates='warn' to leave them empty"
            )
        warnings.warn(f"{where}: {len(bad)} unparseable date(s) left empty: {shown}", stacklevel=4)
    return docs.assign(date=pd.Series(out, index=docs.index, dtype="str"))


def _add_language(docs: pd.DataFrame, where: str, expected: tuple[str, ...] | None) -> pd.DataFrame:
    if expected is None or docs.empty:
        return docs
    if "language" in docs.columns:  # the metadata's value wins; detect only where it is blank
        given = docs["language"]
        todo = _blank(given)
        langs = (
            given.astype(object)
            .where(~todo, None)
            .map(lambda v: v if v is None else str(v).strip().lower())
        )
        if todo.any():
            langs[todo] = detect_languages(docs.loc[todo, "text"])
        docs = docs.assign(language=langs.astype("str"))
    else:
        langs = pd.Series(detect_languages(docs["text"]), index=docs.index, dtype="str")
        cols = [c for c in docs.columns if c != "sha256"] + ["language"]
        docs = docs.assign(language=langs)[cols + (["sha256"] if "sha256" in docs else [])]
    other = ~docs["language"].isin([*expected, "und"]).to_numpy()
    if other.any():
        named = [
            f"{d} ({lang})"
            for d, lang in zip(docs.loc[other, "doc_id"], docs.loc[other, "language"], strict=True)
        ]
        warnings.warn(
            f"{where}: {int(other.sum())} document(s) not in the expected language "
            f"{' or '.join(map(repr, expected))}: {_named(named)}; the stopword lists, sentence "
            "splitter and boilerplate rules are English (pass language=[...] to expect others)",
            stacklevel=4,
        )
    return docs


# --------------------------------------------------------------------------------------------
# folders


def _read_metadata(path: Path) -> pd.DataFrame:
    fail = failing(path)
    _, _, text = read_text(path, kind="metadata", fail=fail)
    header, rows, _ = csv_rows(text, fail=fail)
    meta = pd.DataFrame(
        {name: pd.Series([r[i] for r in rows], dtype="str") for i, name in enumerate(header)}
    )
    if "doc_id" not in meta.columns:
        raise CorpusError(
            f"{path}: metadata needs a 'doc_id' column (has: {', '.join(meta.columns)})"
        )
    blank = _blank(meta["doc_id"])
    if blank.any():
        raise CorpusError(
            f"{path}: empty doc_id in data row(s) {_named(np.flatnonzero(blank) + 1)}"
        )
    _check_unique_ids(meta["doc_id"], str(path))
    return meta


def _metadata_stems(
    meta: pd.DataFrame, stems: Iterable[str], folder: Path, meta_path: Path
) -> pd.Series:
    """The file stem each metadata row refers to (its ``file`` column, else its ``doc_id``);
    raises naming every row without a file, every file without a row and every file named by
    several rows."""
    key = meta["file"].map(lambda s: Path(s).stem) if "file" in meta.columns else meta["doc_id"]
    dup = key.duplicated(keep=False).to_numpy()
    if dup.any():
        named = [
            f"{stem} (doc_id {', '.join(meta.loc[key == stem, 'doc_id'])})"
            for stem in sorted(set(key[dup]))
        ]
        raise CorpusError(f"{meta_path}: several rows name the same file: {'; '.join(named)}")
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


def _folder_files(folder: Path, pattern: str | None) -> list[Path]:
    patterns = DEFAULT_PATTERNS if pattern is None else (pattern,)
    files = sorted({p for pat in patterns for p in folder.glob(pat) if p.is_file()})
    if not files:
        raise CorpusError(f"{folder}: no files matching {' or '.join(map(repr, patterns))}")
    names: dict[str, list[str]] = {}
    for f in files:
        names.setdefault(f.stem, []).append(f.name)
    same = [" and ".join(n) for n in names.values() if len(n) > 1]
    if same:
        raise CorpusError(
            f"{folder}: files with the same name stem (the doc_id): {'; '.join(same)}; "
            "rename or remove one of each"
        )
    return files


def _is_page(path: Path) -> bool:
    return path.suffix.lower() in _HTML_SUFFIXES


def _read_document(path: Path) -> dict[str, str | None]:
    if _is_page(path):
        fields, digest = read_html_file(path)
        return {**fields, "sha256": digest}
    text, digest = read_text_file(path)
    return {"text": text, "sha256": digest}


def _iter_folder(
    folder: Path, metadata: str | Path | None, pattern: str | None, chunksize: int, sha256: bool
) -> tuple[Iterator[pd.DataFrame], int, str]:
    files = _folder_files(folder, pattern)
    digests = ["sha256"] if sha256 else []
    pages = list(PAGE_COLUMNS) if any(_is_page(f) for f in files) else []
    if metadata is None:

        def plain() -> Iterator[pd.DataFrame]:
            for i in range(0, len(files), chunksize):
                rows = [{"doc_id": f.stem, **_read_document(f)} for f in files[i : i + chunksize]]
                frame = pd.DataFrame(rows).reindex(columns=["doc_id", "text", *pages, *digests])
                yield frame.astype({c: "str" for c in pages})

        return plain(), len(files), str(folder)

    meta_path = Path(metadata)
    meta = _read_metadata(meta_path)
    by_stem = {f.stem: f for f in files}
    # The same file/metadata checks as load_corpus, done up front on names only.
    key = _metadata_stems(meta, by_stem, folder, meta_path)
    other = [c for c in meta.columns if c not in ("doc_id", "text", "sha256")]
    extra = [c for c in pages if c not in meta.columns]

    def with_meta() -> Iterator[pd.DataFrame]:
        for i in range(0, len(meta), chunksize):
            part = meta.iloc[i : i + chunksize].reset_index(drop=True)
            read = pd.DataFrame(
                [_read_document(by_stem[stem]) for stem in key.iloc[i : i + chunksize]]
            ).reindex(columns=["text", *pages, "sha256"])
            read = read.astype({c: "str" for c in pages})
            for col in pages:  # a metadata value wins over the page's
                if col in part.columns:
                    keep = ~_blank(part[col])
                    part[col] = part[col].where(keep, read[col])
            part = part.assign(**{c: read[c] for c in ["text", *extra, "sha256"]})
            yield part[["doc_id", "text", *other, *extra, *digests]]

    return with_meta(), len(meta), str(meta_path)


# --------------------------------------------------------------------------------------------
# tables


def _table_to_docs(
    table: pd.DataFrame,
    *,
    text_column: str,
    id_column: str,
    columns: Sequence[str] | None,
    source: str,
    sha256: bool,
    first_row: int = 1,
) -> pd.DataFrame:
    html = text_column not in table.columns and "html" in table.columns
    text_col = "html" if html else text_column
    for col in (id_column, text_col):
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
        rest = [c for c in columns if c not in (id_column, text_col)]
        table = table[[id_column, text_col, *rest]]
    blank_id = _blank(table[id_column])
    if blank_id.any():
        rows = np.flatnonzero(blank_id) + first_row
        raise CorpusError(f"{source}: missing or blank doc_id in row(s) {_named(rows)}")
    table = table.rename(columns={id_column: "doc_id", text_col: "text"})
    table["doc_id"] = table["doc_id"].astype(str)
    nulls = table["text"].isna()
    if nulls.any():
        raise CorpusError(f"{source}: missing text for doc_id {_named(table.loc[nulls, 'doc_id'])}")
    if table["text"].dtype != "str":
        wrong = ~table["text"].map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
        if wrong.any():
            first = table["text"][wrong].iloc[0]
            raise CorpusError(
                f"{source}: text of doc_id {_named(table.loc[wrong, 'doc_id'])} is not a string "
                f"(a {type(first).__name__})"
            )
    raw = table["text"].astype(str)
    if sha256:
        table["sha256"] = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in raw.tolist()]
    if html:
        table = _extract_pages(table, raw, source)
    else:
        table["text"] = [normalize_text(t) for t in raw.tolist()]  # not Arrow's slow iteration
    cols = ["doc_id", "text"] + [c for c in table.columns if c not in ("doc_id", "text", "sha256")]
    return table[cols + (["sha256"] if sha256 else [])].reset_index(drop=True)


def _extract_pages(table: pd.DataFrame, raw: pd.Series, source: str) -> pd.DataFrame:
    pages = []
    for doc_id, markup in zip(table["doc_id"], raw, strict=True):
        try:
            page = extract_page(markup)
        except WebPageError as err:
            raise CorpusError(f"{source}: html of doc_id {doc_id}: {err}") from None
        pages.append((normalize_text(page.text), page.title, page.date, page.author,
                      page.sitename, page.url))  # fmt: skip
    found = pd.DataFrame(pages, columns=["text", *PAGE_COLUMNS], index=table.index, dtype="str")
    table = table.assign(text=found["text"])
    for col in PAGE_COLUMNS:  # a table value wins over the page's
        if col in table.columns:
            table[col] = table[col].where(~_blank(table[col]), found[col])
        else:
            table[col] = found[col]
    return table


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
    text is NFC-normalised with ``\\n`` line endings. A table without ``text_column`` but with an
    ``html`` column holds saved web pages: their main text becomes ``text`` and their ``title``,
    ``date``, ``author``, ``outlet`` (site name) and ``url`` fill those columns where the table
    has no value (:func:`analysis.webpages.extract_page`). Duplicate ids, empty texts, dates and
    languages are not checked here (:func:`load_corpus` and :func:`iter_corpus` do that).

    Args:
        table: one row per document.
        text_column: name of the text column.
        id_column: name of the document-id column.
        columns: document variables to keep (default: every other column, in table order).
        source: what the table is, for error messages (a file name, ``"Dask partition 3"``).
        sha256: add ``sha256``, the digest of each text's (or page's) UTF-8 bytes, before
            normalising.

    Returns:
        The docs table: ``doc_id`` (str), ``text`` (str), the document variables (then
        ``title``, ``date``, ``author``, ``outlet``, ``url`` for pages), ``sha256`` (str; only
        with ``sha256=True``), with a fresh 0-based index.

    Raises:
        CorpusError: naming ``source``: a missing id, text or ``columns`` column, a missing or
            blank doc_id (with its row, counted from 1), a missing text, a text that is not a
            string (a list, a number), a page that is not HTML or has no main text.

    Example:
        >>> table = pd.DataFrame({"id": [7], "body": ["Cafe\\u0301\\r\\nopens."], "outlet": ["X"]})
        >>> docs = docs_from_table(table, text_column="body", id_column="id", sha256=False)
        >>> docs.values.tolist()
        [['7', 'Café\\nopens.', 'X']]
    """
    return _table_to_docs(
        table, text_column=text_column, id_column=id_column, columns=columns, source=source,
        sha256=sha256,
    )  # fmt: skip


def _table_chunks(
    path: Path, chunksize: int | None, text_column: str, id_column: str
) -> tuple[Iterator[pd.DataFrame], int | None]:
    """Raw chunks of a table file (``chunksize=None``: one chunk) and the number of rows when
    it is known without reading."""
    suffix = path.suffix.lower()
    fail = failing(path)
    if suffix == ".csv":
        chunks = csv_records(path, fail=fail, chunksize=chunksize, id_column=id_column)
        return (pd.DataFrame(rows, columns=header, dtype="str") for header, rows in chunks), None
    if suffix in (".jsonl", ".ndjson"):
        fields = (text_column, "html", id_column)
        records = jsonl_records(
            path, fail=fail, chunksize=chunksize, id_column=id_column, string_fields=fields
        )
        return (pd.DataFrame.from_records(r) for r in records), None
    import pyarrow.parquet as pq

    try:
        # pre_buffer=False: with pre-buffering, the reader keeps every row group it has read
        # (+32 MB per 16k news articles here), so memory would grow with the file. A buffered
        # stream reads the column chunks page by page.
        pf = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
    except Exception as err:  # pyarrow raises several types for a file that is not Parquet
        raise CorpusError(f"{path}: cannot be read as parquet: {err}") from None
    if chunksize is None:
        return iter([pf.read().to_pandas()]), pf.metadata.num_rows
    batches = (b.to_pandas() for b in pf.iter_batches(batch_size=chunksize))
    return batches, pf.metadata.num_rows


def _iter_table(
    path: Path,
    chunksize: int | None,
    text_column: str,
    id_column: str,
    columns: Sequence[str] | None,
    sha256: bool,
) -> tuple[Iterator[pd.DataFrame], int | None]:
    raw, total = _table_chunks(path, chunksize, text_column, id_column)

    def gen() -> Iterator[pd.DataFrame]:
        first = 1
        for chunk in raw:
            yield _table_to_docs(
                chunk, text_column=text_column, id_column=id_column, columns=columns,
                source=str(path), sha256=sha256, first_row=first,
            )  # fmt: skip
            first += len(chunk)

    return gen(), total


def _source(source: str | Path, metadata: str | Path | None) -> tuple[Path, bool]:
    """The checked source path, and whether it is a folder."""
    src = Path(source)
    if not src.exists():
        raise FileNotFoundError(f"{src}: no such file or folder")
    if src.is_dir():
        return src, True
    if src.suffix.lower() not in _TABLE_SUFFIXES:
        raise CorpusError(
            f"{src}: unknown corpus format {src.suffix!r}; use a folder of .txt or .html files, "
            "or .csv, .jsonl or .parquet"
        )
    if metadata is not None:
        raise CorpusError(f"{src}: metadata= is for folders; put document variables in the table")
    return src, False


def _chunks(
    source: str | Path,
    *,
    chunksize: int | None,
    metadata: str | Path | None,
    pattern: str | None,
    text_column: str,
    id_column: str,
    columns: Sequence[str] | None,
    empty: EmptyPolicy,
    sha256: bool,
    progress: bool,
    dates: DatePolicy,
    dayfirst: bool,
    language: str | Sequence[str] | None,
) -> Iterator[pd.DataFrame]:
    _check_choice("empty", empty, _EMPTY_CHOICES)
    _check_choice("dates", dates, _DATE_CHOICES)
    expected = expected_languages(language)
    src, is_folder = _source(source, metadata)
    total: int | None
    if is_folder:
        size = chunksize if chunksize is not None else 1 << 62
        chunks, total, where = _iter_folder(src, metadata, pattern, size, sha256)
    else:
        chunks, total = _iter_table(src, chunksize, text_column, id_column, columns, sha256)
        where = str(src)
    finish = {
        "where": where, "dates": dates, "dayfirst": dayfirst, "expected": expected,
        "keep_empty": chunksize is None,  # load_corpus keeps the columns of an emptied corpus
    }  # fmt: skip
    return _guarded(chunks, src, empty, progress, total, finish)


def load_corpus(
    source: str | Path,
    *,
    metadata: str | Path | None = None,
    pattern: str | None = None,
    text_column: str = "text",
    id_column: str = "doc_id",
    empty: EmptyPolicy = "error",
    dates: DatePolicy = "error",
    dayfirst: bool = True,
    language: str | Sequence[str] | None = "en",
) -> pd.DataFrame:
    """Load documents from a folder of ``.txt``/``.html`` files (plus a metadata CSV) or a table.

    Args:
        source: a folder of UTF-8 text files and saved web pages (``.html``/``.htm``, read with
            :func:`analysis.webpages.extract_page`), or a ``.csv`` / ``.jsonl`` / ``.parquet``
            file with a document-id column and a text column (or an ``html`` column of pages).
        metadata: for a folder, a CSV with a ``doc_id`` column and optionally ``file`` (the file
            name; else the doc_id is the file stem) plus any document variables. Every file must
            have exactly one row and every row a file. Cells are read as text, surrounding
            spaces removed. Its values win over a page's ``title``, ``date``, ``author``,
            ``outlet`` and ``url`` (a blank cell takes the page's).
        pattern: glob selecting the files in a folder; ``None`` (default) reads ``*.txt``,
            ``*.html`` and ``*.htm`` (:data:`DEFAULT_PATTERNS`).
        text_column: name of the text column in a table source.
        id_column: name of the document-id column in a table source.
        empty: what to do with documents that are empty or only whitespace: ``"error"``
            (default), ``"warn"`` (keep them and warn), ``"drop"`` or ``"keep"``.
        dates: an unparseable ``date`` (:func:`analysis.dates.parse_date`): ``"error"``
            (default; names the documents and the file) or ``"warn"`` (left empty, one warning).
        dayfirst: read an ambiguous all-numeric date (``06/12/2023``) day first.
        language: the language(s) the analysis expects (ISO 639-1 codes): a document detected
            as another one gets a warning naming it. ``None`` skips detection (no ``language``
            column is added).

    Returns:
        The docs table, one row per document: ``doc_id`` (str), ``text`` (str; NFC, ``\\n``
        line endings), the metadata columns in their file order, then for web pages
        ``title``, ``date``, ``author``, ``outlet``, ``url`` (str) unless the metadata has
        them, ``language`` (str, ISO 639-1 or ``"und"``; unless the metadata has it),
        ``sha256`` (str; of the raw file bytes, or of the UTF-8 text for table sources).
        ``date`` is an ISO 8601 string (``"2023-12-06"``, with the time when one is given).
        Folder documents are sorted by file name unless metadata gives the order.

    Raises:
        FileNotFoundError: ``source`` or ``metadata`` does not exist.
        CorpusError: naming the file (and line or row): not UTF-8 (names the byte offset),
            UTF-16/32, not HTML or a page without main text, a metadata row has no file, a file
            no row or several rows, two files share a stem, a doc_id repeats or is blank, a
            needed column is missing, a CSV row has too many fields, a JSON line is broken or
            its text not a string, a header-only table, an empty document, an unparseable date.

    Warns:
        UserWarning: documents outside ``language``; NUL characters removed; dates left empty
            (``dates="warn"``); empty documents (``empty="warn"``).

    Example:
        >>> docs = load_corpus("data/raw", metadata="data/metadata.csv")
        >>> docs[["doc_id", "outlet", "date", "language"]].values.tolist()
        [['vna_2023-12-06', 'VNA (Vietnam News Agency)', '2023-12-06', 'en'],
         ['thanhnien_2023-12-06', 'Báo Thanh niên', '2023-12-06', 'en']]
    """
    chunks = list(
        _chunks(
            source,
            chunksize=None,
            metadata=metadata,
            pattern=pattern,
            text_column=text_column,
            id_column=id_column,
            columns=None,
            empty=empty,
            sha256=True,
            progress=False,
            dates=dates,
            dayfirst=dayfirst,
            language=language,
        )  # fmt: skip
    )
    return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)


def iter_corpus(
    source: str | Path,
    *,
    chunksize: int = 2000,
    metadata: str | Path | None = None,
    pattern: str | None = None,
    text_column: str = "text",
    id_column: str = "doc_id",
    columns: Sequence[str] | None = None,
    empty: EmptyPolicy = "error",
    sha256: bool = True,
    progress: bool | None = None,
    dates: DatePolicy = "error",
    dayfirst: bool = True,
    language: str | Sequence[str] | None = "en",
) -> Iterator[pd.DataFrame]:
    """Read a corpus in chunks of at most ``chunksize`` documents.

    The chunks, concatenated, equal ``load_corpus(source, ...)``; only one chunk of texts is in
    memory at a time. Parquet is read batch by batch (``ParquetFile.iter_batches``), CSV and
    JSONL a line at a time, a folder a file at a time. What is kept across chunks: the set of
    doc_ids seen (to refuse duplicates) and, for a folder, the metadata table. Warnings (other
    languages, dates left empty) are given per chunk.

    Args:
        source: as :func:`load_corpus`.
        chunksize: documents per chunk (≥ 1). A chunk of 2,000 news articles (~6 MB of text)
            tokenises into about 1 M token rows (~100 MB).
        metadata: for a folder, the metadata CSV as in :func:`load_corpus`.
        pattern: glob selecting the files in a folder (default: ``.txt``, ``.html``, ``.htm``).
        text_column: name of the text column in a table source.
        id_column: name of the document-id column in a table source.
        columns: document variables to keep from a table source (default: all columns).
        empty: empty documents: ``"error"`` (default), ``"warn"``, ``"drop"`` or ``"keep"``.
        sha256: add the ``sha256`` column; False saves hashing every text when no provenance
            is needed.
        progress: show a progress bar; ``None`` = only in Jupyter or a terminal, never under
            pytest or CI.
        dates: an unparseable date: ``"error"`` or ``"warn"``, as :func:`load_corpus`.
        dayfirst: as :func:`load_corpus`.
        language: the expected language(s), as :func:`load_corpus`; ``None`` skips detection.

    Yields:
        Docs tables (columns as :func:`load_corpus`), each with a fresh 0-based index, in the
        order ``load_corpus`` would give.

    Raises:
        ValueError: ``chunksize`` < 1, or a bad ``empty``, ``dates`` or ``language`` value.
        FileNotFoundError: ``source`` or ``metadata`` does not exist.
        CorpusError: as :func:`load_corpus`, and a doc_id repeated in a later chunk. Table
            errors are raised when the offending chunk is reached.

    Example:
        >>> [len(docs) for docs in iter_corpus("data/raw", chunksize=1)]
        [1, 1]
    """
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise ValueError(f"chunksize={chunksize!r} must be a positive integer")
    return _chunks(
        source, chunksize=chunksize, metadata=metadata, pattern=pattern, text_column=text_column,
        id_column=id_column, columns=columns, empty=empty, sha256=sha256,
        progress=progress_enabled(progress), dates=dates, dayfirst=dayfirst, language=language,
    )  # fmt: skip


def _guarded(
    chunks: Iterable[pd.DataFrame],
    src: Path,
    empty: EmptyPolicy,
    show: bool,
    total: int | None,
    finish: dict,
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
            chunk = _handle_empty(_remove_nul(chunk, str(src)), empty, str(src))
            chunk = _parse_dates(chunk, finish["where"], finish["dates"], finish["dayfirst"])
            chunk = _add_language(chunk, str(src), finish["expected"])
            if len(chunk) or finish["keep_empty"]:
                yield chunk
    finally:
        bar.close()
