"""The one reader of input files: bytes → UTF-8 text, YAML and CSV rows with line numbers.

Every loader (corpus files and metadata, codebooks, actor tables, gold files, study files)
reads through here, so the same mistake in any file gets the same wording, naming the file, the
line and the problem. Each loader passes ``fail(line, message) -> Exception``, which builds the
loader's own error class (``CodebookError``, ``ActorTableError``, ``StudyError``, ...), so
callers keep catching what they caught before.

Users: corpus (also its streamed CSV and JSON Lines tables), codebook, actor_table, validation,
report.study.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from analysis._checks import BadUtf8, decode_utf8

#: Builds the loader's error from a 1-based line number (or None) and a message.
Fail = Callable[[int | None, str], Exception]

_UTF16_32 = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """``"UTF-16"``/``"UTF-32"`` when the bytes look like such a file (with or without BOM)."""
    for bom, name in _UTF16_32:
        if raw.startswith(bom):
            return name
    head = raw[:4096]
    if len(head) >= 4 and head.count(0) * 4 >= len(head):
        # Mostly NUL bytes: ASCII text stored as UTF-16 (every other byte 0) or UTF-32.
        return "UTF-32" if head.count(0) * 4 >= 3 * len(head) - 4 else "UTF-16"
    return None


def read_text(
    path: str | os.PathLike[str], *, kind: str, fail: Fail, allow_empty: bool = False
) -> tuple[Path, bytes, str]:
    """Read a UTF-8 file (a leading byte-order mark is dropped).

    Args:
        path: the file.
        kind: what the file is, for messages ("codebook", "actor table", ...).
        fail: builds the loader's error.
        allow_empty: accept a file with only white space.

    Returns:
        The path, the raw bytes (for SHA-256) and the decoded text.

    Raises:
        FileNotFoundError: no such file ("<kind> not found: <path>").
        Exception: from ``fail``: a folder, not UTF-8 (byte offset and line), UTF-16/32, empty.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{kind} not found: {p}")
    if not p.is_file():
        raise fail(None, f"is not a file; expected a {kind} file")
    raw = p.read_bytes()
    wide = _wide_encoding(raw)
    if wide is not None:
        raise fail(None, f"looks like {wide}, not UTF-8; re-save the file as UTF-8")
    try:
        text = decode_utf8(raw)
    except BadUtf8 as err:
        raise fail(
            err.line,
            f"not valid UTF-8 at byte offset {err.offset} (line {err.line}); "
            "re-save the file as UTF-8",
        ) from None
    if not allow_empty and not text.strip():
        raise fail(None, f"the {kind} file is empty")
    return p, raw, text


def resource_lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of a word list shipped in ``analysis/resources``."""
    raw = resources.files("analysis").joinpath("resources", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


def write_review_csv(table: Any, path: str | os.PathLike[str]) -> Path:
    """Write a table for hand review as CSV, atomically (the file appears complete or not at all).

    UTF-8 with a byte-order mark so that Excel shows diacritics correctly; ``\\n`` line ends.
    Used by the theme, mention and quote review exports.

    Raises:
        FileNotFoundError: the folder of ``path`` does not exist.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(f"folder for the review file does not exist: {target.parent}")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            table.to_csv(fh, index=False, lineterminator="\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# --------------------------------------------------------------------------- YAML


class LineDict(dict):
    """A YAML mapping that remembers its line and the line of each value."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A YAML sequence that remembers its line and the line of each item."""

    line: int = 0
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    """PyYAML's safe loader, keeping line numbers; anchors and aliases are refused, since an
    alias bomb ("billion laughs") would expand without bound."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed; write the value out", event.start_mark
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.constructor.ConstructorError(
                None, None, "anchors (&name) are not allowed; write the value out", event.start_mark
            )
        return super().compose_node(parent, index)


def _yaml_map(loader: _LineLoader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for k_node, v_node in node.value:
        key = loader.construct_object(k_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"key {key!r} appears twice in one mapping (first on line {seen[key]})",
                k_node.start_mark,
            )
        seen[key] = k_node.start_mark.line + 1
        data[key] = loader.construct_object(v_node, deep=True)
        data.key_lines[key] = v_node.start_mark.line + 1


def _yaml_seq(loader: _LineLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [n.start_mark.line + 1 for n in node.value]
    yield data
    data.extend(loader.construct_object(n, deep=True) for n in node.value)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _yaml_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _yaml_seq)


def load_yaml(text: str, *, fail: Fail) -> Any:
    """Parse YAML with the safe loader; mappings are :class:`LineDict`, sequences
    :class:`LineList` (with line numbers). Duplicate keys, anchors and aliases are errors.

    Raises:
        Exception: from ``fail``, with the line and PyYAML's description of the problem.
    """
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        where = f", column {mark.column + 1}" if mark is not None else ""
        raise fail(line, f"not valid YAML{where}: {problem}") from None


# --------------------------------------------------------------------------- CSV


def _csv_lines(lines: Iterable[str], fail: Fail) -> Iterator[tuple[int, list[str]]]:
    """``(line the row starts on, cells)`` of every non-blank CSV row, header first.

    The csv module (not pandas) so that every row keeps the line it starts on, also when a
    quoted field spans several lines; errors can then point at the line to fix.
    """
    reader = csv.reader(lines, strict=True)
    last = 0
    try:
        for row in reader:
            start, last = last + 1, reader.line_num
            if any(cell.strip() for cell in row):
                yield start, row
    except csv.Error as err:
        raise fail(reader.line_num, f"malformed CSV ({err})") from None


def _check_header(header: list[str], line: int, fail: Fail) -> None:
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise fail(line, f"duplicate column name(s) {', '.join(map(repr, dupes))}")


def _too_many_fields(row: list[str], header: list[str], line: int, fail: Fail) -> None:
    if len(row) > len(header):
        raise fail(
            line,
            f"{len(row)} fields but the header has {len(header)} "
            f"({', '.join(header)}); quote fields that contain commas",
        )


def csv_rows(text: str, *, fail: Fail) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, stripped rows and the file line each row starts on.

    Blank rows are skipped; a short row is padded with empty fields (as ``pandas.read_csv``); a row with more
    fields than the header is an error.

    Raises:
        Exception: from ``fail``: malformed CSV, too many fields, no header, duplicate columns.
    """
    header: list[str] | None = None
    rows: list[list[str]] = []
    starts: list[int] = []
    for start, row in _csv_lines(io.StringIO(text, newline=""), fail):
        cells = [cell.strip() for cell in row]
        if header is None:
            header = cells
            _check_header(header, start, fail)
            continue
        _too_many_fields(cells, header, start, fail)
        rows.append(cells + [""] * (len(header) - len(cells)))
        starts.append(start)
    if header is None:
        raise fail(None, "no header row")
    return header, rows, starts


# --------------------------------------------------------------------------- corpus tables, streamed


def open_text(path: str | os.PathLike[str], *, fail: Fail) -> io.TextIOWrapper:
    """Open a UTF-8 file for reading a line at a time (a byte-order mark is dropped).

    Only the first 4 KiB are checked up front (UTF-16/32 by mark or NUL share); a decoding
    error further on surfaces as ``UnicodeDecodeError`` while reading, which the caller turns
    into ``fail(None, "not valid UTF-8")``.

    Raises:
        Exception: from ``fail``: the file looks like UTF-16/32.
    """
    with open(path, "rb") as fh:
        wide = _wide_encoding(fh.read(4096))
    if wide is not None:
        raise fail(None, f"looks like {wide}, not UTF-8; re-save the file as UTF-8")
    return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - the caller closes it


def csv_records(
    path: str | os.PathLike[str], *, fail: Fail, chunksize: int | None, id_column: str
) -> Iterator[tuple[list[str], list[list[str]]]]:
    """``(header, rows)`` of a CSV corpus, ``chunksize`` rows at a time (``None``: all).

    Unlike :func:`csv_rows` (metadata), cells are not stripped: a document's text keeps every
    character, so offsets count. Blank rows are skipped; a short row is padded with empty
    fields.

    Raises:
        Exception: from ``fail``, with the line: malformed CSV, a row with more fields than the
            header, duplicate column names, a blank ``id_column``, an empty or header-only file,
            bytes that are not UTF-8.
    """
    header: list[str] | None = None
    rows: list[list[str]] = []
    n_rows = 0
    id_at: int | None = None
    with open_text(path, fail=fail) as fh:
        try:
            for start, row in _csv_lines(fh, fail):
                if header is None:
                    header = [h.strip() for h in row]
                    _check_header(header, start, fail)
                    id_at = header.index(id_column) if id_column in header else None
                    continue
                _too_many_fields(row, header, start, fail)
                if id_at is not None and id_at < len(row) and not row[id_at].strip():
                    raise fail(start, f"blank {id_column!r}")
                rows.append(row + [""] * (len(header) - len(row)))
                n_rows += 1
                if chunksize is not None and len(rows) == chunksize:
                    yield header, rows
                    rows = []
        except UnicodeDecodeError:
            raise fail(None, "not valid UTF-8") from None
    if header is None:
        raise fail(None, "the corpus file is empty")
    if n_rows == 0:
        raise fail(None, "no documents: the file has a header row only")
    if rows:
        yield header, rows


def jsonl_records(
    path: str | os.PathLike[str],
    *,
    fail: Fail,
    chunksize: int | None,
    id_column: str,
    string_fields: tuple[str, ...],
) -> Iterator[list[dict[str, Any]]]:
    """The objects of a JSON Lines corpus, ``chunksize`` at a time (``None``: all).

    Raises:
        Exception: from ``fail``, with the line: broken JSON, a line that is not an object, a
            ``string_fields`` value that is an array or object, a null or blank ``id_column``,
            no lines at all, bytes that are not UTF-8.
    """
    records: list[dict[str, Any]] = []
    n = 0
    with open_text(path, fail=fail) as fh:
        try:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as err:
                    raise fail(
                        line_no, f"not valid JSON ({err.msg} at column {err.colno})"
                    ) from None
                if not isinstance(rec, dict):
                    raise fail(
                        line_no, f"expected a JSON object {{...}}, got a {type(rec).__name__}"
                    )
                for col in string_fields:
                    value = rec.get(col)
                    if isinstance(value, list | dict):
                        kind = "array" if isinstance(value, list) else "object"
                        raise fail(line_no, f"{col!r} is a JSON {kind}, not a string")
                if id_column in rec and (rec[id_column] is None or not str(rec[id_column]).strip()):
                    raise fail(line_no, f"blank or null {id_column!r}")
                records.append(rec)
                n += 1
                if chunksize is not None and len(records) == chunksize:
                    yield records
                    records = []
        except UnicodeDecodeError:
            raise fail(None, "not valid UTF-8") from None
    if n == 0:
        raise fail(None, "no documents: the file has no JSON lines")
    if records:
        yield records
