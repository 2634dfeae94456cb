"""Reading one corpus file: :func:`read_text_file` (UTF-8 text), :func:`read_html_file` (a saved
web page, through :func:`analysis.webpages.extract_page`), :func:`normalize_text` (NFC and
``\\n`` line endings, what every reader applies) and :class:`CorpusError`, the error of every
corpus reader, whose message names the file and the problem (for a file that is not UTF-8, the
byte offset, the byte and the line). Files are read through :mod:`analysis._io`, the one
reader. :mod:`analysis.corpus` builds the docs table from these and re-exports them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from analysis._checks import BadUtf8, decode_utf8
from analysis._io import Fail, read_text
from analysis.webpages import PAGE_COLUMNS, WebPageError, extract_page

__all__ = ["CorpusError", "normalize_text", "read_text_file", "read_html_file"]


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


def failing(path: str | Path) -> Fail:
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
    p, raw, text = read_text(path, kind="document", fail=failing(path), allow_empty=True)
    return normalize_text(text), hashlib.sha256(raw).hexdigest()


def read_html_file(path: str | Path) -> tuple[dict[str, str | None], str]:
    """Read one saved web page; return ``(fields, sha256_of_raw_bytes)``.

    ``fields`` has ``text`` (the main text, NFC, paragraphs separated by ``\\n``) and the page's
    ``title``, ``date``, ``author``, ``outlet`` (its site name) and ``url`` (``None`` where the
    page does not say), from :func:`analysis.webpages.extract_page`. A page that is not UTF-8 is
    decoded by its declared charset.

    Raises:
        FileNotFoundError: the file is missing.
        CorpusError: naming the file: not HTML (malformed, binary, plain text), no main text,
            UTF-16/32, or a folder.

    Example:
        >>> fields, digest = read_html_file("page.html")  # doctest: +SKIP
    """
    p = Path(path)
    try:
        _, raw, html = read_text(p, kind="document", fail=failing(p), allow_empty=True)
        markup: str | bytes = html
    except CorpusError as err:
        if "not valid UTF-8" not in str(err):
            raise
        raw = markup = p.read_bytes()  # trafilatura honours the page's declared charset
    try:
        page = extract_page(markup)
    except WebPageError as err:
        raise CorpusError(f"{p}: {err}") from None
    fields: dict[str, str | None] = {"text": normalize_text(page.text)}
    values = (page.title, page.date, page.author, page.sitename, page.url)
    fields.update(zip(PAGE_COLUMNS, values, strict=True))
    return fields, hashlib.sha256(raw).hexdigest()
