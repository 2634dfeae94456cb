"""Saved news web pages: the article's main text and metadata, extracted with trafilatura.

A saved news page is mostly furniture: navigation, share bars, related-article lists, cookie
notices, footers. Counting words on the raw markup counts all of it. :func:`extract_page` keeps
the article: its main text (paragraphs separated by ``\\n``) and, where the page has them, its
``title``, publication ``date`` (ISO 8601), ``author``, ``sitename`` and canonical ``url``. The
extraction is trafilatura's (the maintained library for news-page extraction; its ``lxml``
HTML cleaner is the ``lxml_html_clean`` package, a dependency of this one), run offline with the
options in :data:`TRAFILATURA_OPTIONS`.

:func:`analysis.corpus.load_corpus` uses it for ``.html``/``.htm`` files in a folder and for
an ``html`` column of a table; the text is then treated like any other document (offsets are
into the extracted text; ``sha256`` is the digest of the raw page).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "WebPage",
    "WebPageError",
    "extract_page",
    "TRAFILATURA_OPTIONS",
    "PAGE_COLUMNS",
    "MIN_WORDS",
]

#: Options passed to ``trafilatura.bare_extraction``. Precision first: a caption, byline or
#: teaser counted as article text is a wrong count, a missed paragraph only a smaller sample.
#: Comments are readers', not the outlet's; tables are kept (results, budgets).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
    "with_metadata": True,
}

#: Document variables a page can give, in the order the docs table lists them (``sitename`` is
#: stored as ``outlet``).
PAGE_COLUMNS: tuple[str, ...] = ("title", "date", "author", "outlet", "url")

#: Fewer words than this extracted from a page means it has no article (a navigation-only or
#: JavaScript-rendered page leaves a few link texts).
MIN_WORDS = 5

_TAG = re.compile(rb"<\s*[a-zA-Z!?/]")


class WebPageError(ValueError):
    """A page that is not HTML, or has no main text; the message says which."""


@dataclass(frozen=True)
class WebPage:
    """What :func:`extract_page` finds on a page (``None`` where the page does not say).

    Attributes:
        text: the main text, paragraphs separated by ``\\n``, NFC-normalised.
        title: the article's headline.
        date: the publication date, ``"YYYY-MM-DD"``.
        author: the byline's author(s), ``"; "``-separated.
        sitename: the outlet's name (from the page's metadata, else its host name).
        url: the page's canonical URL.
    """

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The fields as a dict."""
        return asdict(self)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    s = unicodedata.normalize("NFC", " ".join(str(value).split()))
    return s or None


_ROW = re.compile(r"^\|.*\|$")


def _lines(doc: Any) -> str:
    text = "" if doc is None else (doc.text or "")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1]) if c.strip()]


def _single_cell(line: str) -> bool:
    """A table row with one filled cell: a picture-and-caption or layout table, not data."""
    return bool(_ROW.match(line)) and len(_cells(line)) <= 1


def _layout_table(text: str) -> bool:
    """Most of the text is table rows: the page is laid out with a table."""
    rows = sum(len(line) for line in text.split("\n") if _ROW.match(line))
    return rows > 0 and rows * 2 >= len(text)


def extract_page(html: str | bytes, *, url: str | None = None) -> WebPage:
    """Extract the main text and metadata of a saved news page.

    Args:
        html: the page's markup (``bytes`` are decoded by trafilatura, which honours the page's
            declared charset).
        url: the page's address, when known (helps trafilatura with the site name and date).

    Returns:
        A :class:`WebPage`.

    Raises:
        WebPageError: the input is not HTML (no markup that parses: plain text, a binary or
            truncated file), or the page has no main text (fewer than :data:`MIN_WORDS` words
            extracted: only navigation and other furniture).

    Example:
        >>> page = extract_page(
        ...     "<html><head><title>Leaders meet | Daily Mekong</title></head><body>"
        ...     "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        ...     "<h1>Leaders meet</h1><p>Leaders from ten countries met in Hanoi on Wednesday "
        ...     "to discuss maritime cooperation, trade and the rules for fishing fleets.</p>"
        ...     "<p>They agreed to meet again in Jakarta next year, officials said.</p>"
        ...     "</article><footer>Cookies help us. Accept all</footer></body></html>"
        ... )
        >>> print(page.text)
        Leaders meet
        Leaders from ten countries met in Hanoi on Wednesday to discuss maritime cooperation, trade and the rules for fishing fleets.
        They agreed to meet again in Jakarta next year, officials said.
        >>> page.title
        'Leaders meet'
    """
    import trafilatura  # lazy: lxml and its friends take ~0.3 s to import

    raw = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    head = raw[:4096]
    if b"\x00" in head:
        raise WebPageError("not HTML: the file is binary (NUL bytes)")
    if not _TAG.search(raw):
        raise WebPageError("not HTML: no markup (no <tag> found)")
    if trafilatura.load_html(html) is None:
        raise WebPageError("not HTML that can be parsed (lxml found no document)")
    doc: Any = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
    text = _lines(doc)
    if _layout_table(text):
        # The article sits in a layout table (older sites): read the page without tables; if
        # precision mode then finds nothing, trafilatura's default balance does.
        for precise in (True, False):
            options = TRAFILATURA_OPTIONS | {"include_tables": False, "favor_precision": precise}
            retry: Any = trafilatura.bare_extraction(html, url=url, **options)
            if len(_lines(retry).split()) >= MIN_WORDS:
                doc, text = retry, _lines(retry)
                break
    text = "\n".join(line for line in text.split("\n") if not _single_cell(line))
    if len(text.split()) < MIN_WORDS:
        raise WebPageError(
            f"no main text found ({len(text.split())} word(s) extracted; the page has only "
            "navigation, links or other furniture, or its article is loaded by JavaScript)"
        )
    assert doc is not None
    return WebPage(
        text=text,
        title=_clean(doc.title),
        date=_clean(doc.date),
        author=_clean(doc.author),
        sitename=_clean(doc.sitename) or _clean(doc.hostname),
        url=_clean(doc.url) or url,
    )
