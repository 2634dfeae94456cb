"""Load a corpus of news articles into the docs table, and clean news boilerplate auditably.

The docs table is the start of every analysis: one row per document with the columns
``doc_id`` (str), ``text`` (str, NFC-normalised, newlines kept), any document variables
(``outlet``, ``date``, ...) and ``sha256`` (hex digest of the document's raw bytes), so that a
report can prove which inputs it was computed from.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from analysis._checks import BadUtf8, decode_utf8
from analysis._checks import check_choice as _check_choice

__all__ = [
    "CorpusError",
    "BoilerplateRule",
    "DEFAULT_BOILERPLATE_RULES",
    "load_corpus",
    "clean_boilerplate",
    "read_text_file",
    "normalize_text",
]

EmptyPolicy = Literal["error", "warn", "drop", "keep"]
_EMPTY_CHOICES = ("error", "warn", "drop", "keep")
_TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet", ".pq"}


class CorpusError(ValueError):
    """A corpus file or table cannot be used; the message names the file and the problem."""


def normalize_text(text: str) -> str:
    """Return ``text`` NFC-normalised with Windows/old-Mac line endings turned into ``\\n``.

    NFC matters because the same letter can arrive composed (``ư`` U+01B0) or decomposed
    (``u`` + U+031B); without it two spellings of one name would never match.
    """
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_text_file(path: str | Path) -> tuple[str, str]:
    """Read one UTF-8 text file; return ``(text, sha256_of_raw_bytes)``.

    A leading byte-order mark is dropped, the text is NFC-normalised and line endings become
    ``\\n``. Raises :class:`CorpusError` naming the file and the byte offset of the first byte
    that is not UTF-8, and :class:`FileNotFoundError` when the file is missing.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    raw = path.read_bytes()
    try:
        text = decode_utf8(raw)
    except BadUtf8 as err:
        raise CorpusError(
            f"{path}: not valid UTF-8 at byte offset {err.offset} "
            f"(byte 0x{err.byte:02x}); re-save the file as UTF-8"
        ) from None
    return normalize_text(text), hashlib.sha256(raw).hexdigest()


def _handle_empty(docs: pd.DataFrame, empty: EmptyPolicy, where: str) -> pd.DataFrame:
    blank = docs["text"].str.strip().eq("")
    if not blank.any():
        return docs
    ids = ", ".join(docs.loc[blank, "doc_id"].astype(str).tolist()[:10])
    msg = f"{where}: {int(blank.sum())} empty document(s): {ids}"
    if empty == "error":
        raise CorpusError(msg + " (pass empty='warn', 'drop' or 'keep' to accept them)")
    if empty == "warn":
        warnings.warn(msg, stacklevel=3)
    if empty == "drop":
        return docs.loc[~blank].reset_index(drop=True)
    return docs


def _check_unique_ids(ids: pd.Series, where: str) -> None:
    dup = ids[ids.duplicated(keep=False)]
    if len(dup):
        raise CorpusError(f"{where}: duplicate doc_id: {', '.join(sorted(set(dup.astype(str))))}")


def _read_metadata(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: metadata file not found")
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not valid UTF-8 at byte offset {err.start}") from None
    except pd.errors.EmptyDataError:
        raise CorpusError(f"{path}: metadata file is empty") from None
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


def _load_folder(folder: Path, metadata: str | Path | None, pattern: str) -> pd.DataFrame:
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if not files:
        raise CorpusError(f"{folder}: no files matching {pattern!r}")
    rows = []
    for f in files:
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
    return _finish_table(table, path, text_column, id_column)


def _finish_table(
    table: pd.DataFrame, path: Path, text_column: str, id_column: str, *, digest: bool = True
) -> pd.DataFrame:
    """A table read from ``path`` (or one chunk of it) as a docs table: the id and text columns
    renamed, text NFC-normalised, ``sha256`` of each text's UTF-8 bytes unless ``digest`` is
    False. Shared by :func:`load_corpus` and the streaming reader so both give the same table."""
    for col in (id_column, text_column):
        if col not in table.columns:
            raise CorpusError(
                f"{path}: needs a {col!r} column (has: {', '.join(map(str, table.columns))})"
            )
    table = table.rename(columns={id_column: "doc_id", text_column: "text"})
    table["doc_id"] = table["doc_id"].astype(str)
    nulls = table["text"].isna()
    if nulls.any():
        raise CorpusError(
            f"{path}: missing text for doc_id {', '.join(table.loc[nulls, 'doc_id'][:10])}"
        )
    raw = table["text"].astype(str)
    if digest:
        table["sha256"] = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in raw]
    table["text"] = [normalize_text(t) for t in raw]
    cols = ["doc_id", "text"] + [c for c in table.columns if c not in ("doc_id", "text", "sha256")]
    return table[cols + (["sha256"] if digest else [])].reset_index(drop=True)


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
            have exactly one row and every row a file.
        pattern: glob selecting the files in a folder.
        text_column: name of the text column in a table source.
        id_column: name of the document-id column in a table source.
        empty: what to do with documents that are empty or only whitespace: ``"error"``
            (default), ``"warn"`` (keep them and warn), ``"drop"`` or ``"keep"``.

    Returns:
        The docs table, one row per document: ``doc_id`` (str), ``text`` (NFC, ``\\n`` line
        endings), the metadata columns in their file order, ``sha256`` (of the raw file bytes,
        or of the UTF-8 text for table sources). Folder documents are sorted by file name
        unless metadata gives the order.

    Raises:
        FileNotFoundError: ``source`` or ``metadata`` does not exist.
        CorpusError: a file is not UTF-8 (names the byte offset), a metadata row has no file or
            a file no row, a doc_id repeats, a needed column is missing, a document is empty.

    Example:
        >>> docs = load_corpus("data/raw", metadata="data/metadata.csv")  # doctest: +SKIP
        >>> docs[["doc_id", "outlet", "date"]]  # doctest: +SKIP
    """
    _check_choice("empty", empty, _EMPTY_CHOICES)
    src = Path(source)
    if not src.exists():
        raise FileNotFoundError(f"{src}: no such file or folder")
    if src.is_dir():
        docs = _load_folder(src, metadata, pattern)
    elif src.suffix.lower() in _TABLE_SUFFIXES:
        if metadata is not None:
            raise CorpusError(
                f"{src}: metadata= is for folders; put document variables in the table"
            )
        docs = _load_table(src, text_column, id_column)
    else:
        raise CorpusError(
            f"{src}: unknown corpus format {src.suffix!r}; use a folder of .txt files or "
            ".csv, .jsonl or .parquet"
        )
    _check_unique_ids(docs["doc_id"], str(src))
    return _handle_empty(docs, empty, str(src))


@dataclass(frozen=True)
class BoilerplateRule:
    """A line rule: a line that fully matches ``pattern`` is removed and recorded as ``name``.

    With ``caption_before=True`` the line just above a removed line is removed too when it looks
    like a photo caption (short, no sentence-final punctuation): agencies print a caption line
    followed by a lone credit line.
    """

    name: str
    pattern: str
    caption_before: bool = False

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


DEFAULT_BOILERPLATE_RULES: tuple[BoilerplateRule, ...] = (
    # "President Vo Van Thuong addresses ... in Hanoi on December (Photo: VNA)"
    BoilerplateRule("photo_caption", r".*\((?:Photo|Photograph|Image|Source)s?\s*:[^()]*\)\s*"),
    # a lone agency credit such as "VNA" or "AFP/Getty"; the caption above it goes too
    BoilerplateRule(
        "credit_line",
        r"\s*[A-Z][A-Za-z]{0,2}[A-Z]{1,5}(?:/[A-Z][A-Za-z]+)?\s*",
        caption_before=True,
    ),
    # "Comment (0)", "Comments (12)"
    BoilerplateRule("comment_counter", r"\s*Comments?\s*\(\d+\)\s*"),
    # "Báo Thanh niên•06/12/2023": outlet and date stamp
    BoilerplateRule("outlet_dateline", r"\s*[^\n•|·]{1,60}\s*[•|·]\s*\d{1,2}/\d{1,2}/\d{2,4}\s*"),
)

_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


def clean_boilerplate(
    docs: pd.DataFrame, rules: Iterable[BoilerplateRule] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Remove news boilerplate lines (captions, credits, comment counters, datelines).

    Args:
        docs: the docs table (needs ``doc_id`` and ``text``); it is not modified.
        rules: line rules to apply; default :data:`DEFAULT_BOILERPLATE_RULES`.

    Returns:
        ``(cleaned_docs, removed)``. ``cleaned_docs`` is a copy of ``docs`` whose ``text`` lacks
        the removed lines (their line breaks included). ``removed`` lists every removed line for
        audit: ``doc_id, line`` (1-based line number in the original text), ``start, end``
        (character offsets into the original text), ``text``, ``rule``.

    Example:
        >>> clean, removed = clean_boilerplate(docs)  # doctest: +SKIP
    """
    rules = tuple(DEFAULT_BOILERPLATE_RULES if rules is None else rules)
    compiled = [(r, r.compiled()) for r in rules]
    out_texts, removed = [], []
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        lines = text.split("\n")
        offsets, pos = [], 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        drop: dict[int, str] = {}
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            for rule, rx in compiled:
                if rx.fullmatch(line):
                    drop[i] = rule.name
                    prev = i - 1
                    while prev >= 0 and not lines[prev].strip():
                        prev -= 1
                    if (
                        rule.caption_before
                        and prev >= 0
                        and prev not in drop
                        and len(lines[prev]) <= 120
                        and not _SENTENCE_END.search(lines[prev])
                    ):
                        drop[prev] = "photo_caption"
                    break
        for i in sorted(drop):
            removed.append(
                {
                    "doc_id": doc_id,
                    "line": i + 1,
                    "start": offsets[i],
                    "end": offsets[i] + len(lines[i]),
                    "text": lines[i],
                    "rule": drop[i],
                }
            )
        out_texts.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    cleaned = docs.copy()
    cleaned["text"] = out_texts
    cols = ["doc_id", "line", "start", "end", "text", "rule"]
    removed_df = pd.DataFrame(removed, columns=cols).astype(
        {"line": "int64", "start": "int64", "end": "int64"}
    )
    return cleaned, removed_df
