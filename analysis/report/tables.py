"""Tables in reports: byte-stable CSV files and escaped HTML for notebooks.

Long tables are shown as interactive tables (search, sort, per-column filter, paging) with
`itables <https://mwouts.github.io/itables/>`_ in its offline mode: the DataTables bundle that
itables ships is embedded once per page (no CDN; the page works without internet), and each
table carries a plain HTML copy of its rows that is shown where scripts do not run. Cells are
HTML-escaped in both (an article's ``<script>`` is shown, never run).

From a count to the rows behind it: :func:`table_html` with ``links={"theme": "hits"}`` makes
each value of the ``theme`` column a link that jumps to the table shown with
``table_id="hits"`` and types the value into its search box (one click; typing it by hand does
the same).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import pandas as pd

from analysis._store import text_categoricals
from analysis.report._common import warning_messages

__all__ = [
    "note",
    "warnings_as_notes",
    "corpus_overview",
    "save_table",
    "display_table",
    "table_html",
    "interactive_tables_available",
    "interactive_tables_init_html",
]

#: Tables with more rows than this are interactive by default (smaller ones are plain HTML).
INTERACTIVE_MIN_ROWS = 10

# Shown once per page before the first interactive table: the itables DataTables bundle (CSS
# and JS, embedded) plus the small glue that makes count links filter their target table.
_LINK_GLUE = """<script type="module">
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a.analysis-filter-link");
  if (!link) return;
  const target = document.getElementById(link.dataset.table);
  if (!target) return;
  const key = Object.keys(window).find((k) => k.startsWith("_itables_"));
  if (!key) return;
  const { jQuery: $ } = await window[key];
  if ($.fn.dataTable.isDataTable(target)) {
    $(target).DataTable().search(link.dataset.filter).draw();
  }
});
</script>
<style>table.dataTable td{white-space:normal;vertical-align:top}
table.dataTable.analysis-interactive th:not(.dt-type-numeric),table.dataTable.analysis-interactive td:not(.dt-type-numeric){text-align:left}</style>
"""
_INIT_SHOWN = False
_COUNTER: dict[str, int] = {}


def corpus_overview(
    docs: pd.DataFrame, tokens: pd.DataFrame, *, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """One row per document with its size: the first table of every report.

    Args:
        docs: the docs table; not modified.
        tokens: its tokens table (:func:`analysis.text.tokenize`).
        columns: document variables to keep (default: every column except ``text``,
            ``sha256`` and ``note``).

    Returns:
        In docs order: ``doc_id`` (str), the chosen document variables (as in ``docs``),
        ``n_chars`` (int64, characters of the text), ``n_sentences`` (int64), ``n_tokens``
        (int64, punctuation included), ``n_words`` (int64, tokens that are not punctuation).

    Raises:
        ValueError: a name in ``columns`` is not a column of ``docs``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["One two. Three!", "Four, five"],
        ...                      "outlet": ["A", "B"]})
        >>> corpus_overview(docs, tokenize(docs))
          doc_id outlet  n_chars  n_sentences  n_tokens  n_words
        0     d1      A       15            2         5        3
        1     d2      B       10            1         3        2
    """
    from analysis.frequency import column_codes
    from analysis.text import is_punct

    if columns is None:
        columns = [c for c in docs.columns if c not in ("doc_id", "text", "sha256", "note")]
    missing = [c for c in columns if c not in docs.columns]
    if missing:
        raise ValueError(
            f"corpus_overview: no column {', '.join(map(repr, missing))} "
            f"(columns: {', '.join(map(str, docs.columns))})"
        )
    ids = docs["doc_id"].astype(str)
    # Counted on the integer document codes: no per-token strings.
    code, names = column_codes(tokens, "doc_id")
    code = np.asarray(code, np.int64)
    n = len(names)
    sent = tokens["sent"].to_numpy().astype(np.int64)
    n_tok = np.bincount(code, minlength=n)
    # The largest sentence number of each document by one unbuffered maximum (a groupby
    # costs five times as much on a report chunk); 0 for a document without tokens.
    n_sent = np.full(n, np.iinfo(np.int64).min, np.int64)
    np.maximum.at(n_sent, code, sent)
    n_sent[n_tok == 0] = 0
    n_word = np.bincount(code, weights=~is_punct(tokens), minlength=n)
    at = pd.Index(names).get_indexer(ids)
    found = at >= 0

    def per_doc(values: np.ndarray) -> np.ndarray:
        return np.where(found, np.asarray(values)[np.maximum(at, 0)], 0).astype("int64")

    out = pd.DataFrame({"doc_id": ids.to_numpy()})
    for c in columns:
        out[c] = docs[c].to_numpy()
    out["n_chars"] = docs["text"].str.len().to_numpy().astype("int64")
    out["n_sentences"] = per_doc(n_sent) if n else np.zeros(len(ids), "int64")
    out["n_tokens"] = per_doc(n_tok) if n else np.zeros(len(ids), "int64")
    out["n_words"] = per_doc(n_word) if n else np.zeros(len(ids), "int64")
    return out


#: Tables longer than this are saved as Parquet instead of CSV by :func:`save_table`.
MAX_CSV_ROWS = 50_000


def save_table(
    table: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    index: bool = False,
    max_csv_rows: int | None = MAX_CSV_ROWS,
) -> Path:
    """Write a table as CSV so that the same table gives the same bytes on every run.

    UTF-8, ``\\n`` line ends, floats with 6 significant digits (``%.6g``), no index by
    default. Parent folders are created. A table longer than ``max_csv_rows`` is written as
    Parquet instead (``<name>.parquet`` next to ``path``; full precision, a fraction of the
    size and read in seconds with :func:`pandas.read_parquet`): a CSV of a million rows is
    slow to write and no spreadsheet opens it.

    Args:
        table: the table to write; it is not modified.
        path: the ``.csv`` file.
        index: also write the index (for matrices whose row labels are the index).
        max_csv_rows: the longest table written as CSV (None: always CSV).

    Returns:
        The path written (``.csv``, or ``.parquet`` for a longer table).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     save_table(pd.DataFrame({"a": [1 / 3]}), Path(folder) / "t.csv").read_text()
        'a\\n0.333333\\n'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if max_csv_rows is not None and len(table) > max_csv_rows:
        path = path.with_suffix(".parquet")
        text_categoricals(table).to_parquet(path, index=index)
        return path
    table.to_csv(path, index=index, float_format="%.6g", lineterminator="\n", encoding="utf-8")
    return path


def display_table(
    table: pd.DataFrame,
    *,
    max_rows: int = 30,
    caption: str | None = None,
    index: bool = False,
    float_digits: int = 4,
    interactive: bool | None = None,
    table_id: str | None = None,
    links: Mapping[str, str] | None = None,
    file: str | os.PathLike[str] | None = None,
) -> None:
    """Show a table in a notebook as escaped HTML (article text can hold ``<script>``).

    An empty table is shown as a sentence, not as an empty grid. Longer tables show their first
    ``max_rows`` rows and say how many there are; the saved CSV has them all (``file`` links
    it). Tables of more than :data:`INTERACTIVE_MIN_ROWS` rows are interactive (search, sort,
    column filters, paging; see :func:`table_html`); the first one in a kernel also shows the
    embedded table library (:func:`interactive_tables_init_html`).

    Args:
        table: the table; it is not modified.
        max_rows: rows to show.
        caption: a line shown above the table.
        index: show the index (for matrices; always a plain table).
        float_digits: significant digits of floats.
        interactive: force an interactive (True) or plain (False) table; default by size.
        table_id: the HTML id, for links from a count table (``links=``) to this one.
        links: ``{column: table_id}``: each value of the column links to that table, filtered.
        file: the saved full table (e.g. what :func:`save_table` returned), linked below.

    Example:
        >>> display_table(pd.DataFrame({"n": [1, 2]}), caption="Counts")  # outside a notebook
        <IPython.core.display.HTML object>
    """
    from IPython.display import HTML, display

    global _INIT_SHOWN
    page = table_html(
        table, max_rows=max_rows, caption=caption, index=index, float_digits=float_digits,
        interactive=interactive, table_id=table_id, links=links, file=file,
    )  # fmt: skip
    if "analysis-interactive" in page and not _INIT_SHOWN:
        _INIT_SHOWN = True
        page = interactive_tables_init_html() + page
    display(HTML(page))


def interactive_tables_available() -> bool:
    """Whether itables (the ``report`` extra) is installed, so tables can be interactive.

    Example:
        >>> interactive_tables_available()
        True
    """
    return find_spec("itables") is not None


def interactive_tables_init_html() -> str:
    """What a page needs once before its interactive tables: the embedded table library.

    The DataTables bundle shipped with itables (CSS and JavaScript, base64 in the page, loaded
    from a ``blob:`` URL: nothing is fetched from the network) and the glue that makes count
    links filter their target table.

    Returns:
        An HTML fragment of about 1 MB (``""`` when itables is not installed).

    Example:
        >>> head = interactive_tables_init_html()
        >>> "https://" in head, len(head) > 500_000
        (False, True)
    """
    if not interactive_tables_available():
        return ""
    from itables import javascript, options

    head = javascript.generate_init_offline_itables_html(options.dt_bundle)
    return _ITABLES_WEB_LINK.sub(r"\1", head) + _LINK_GLUE


# itables' placeholder and static preview link to its website; reports stay offline.
_ITABLES_WEB_LINK = re.compile(r"<a href=https://itables\.org/[^>]*>(.*?)</a>", re.DOTALL)


def _stable_id(table: pd.DataFrame, caption: str | None) -> str:
    key = "\x1f".join(map(str, table.columns)) + "\x1e" + (caption or "")
    return "t" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _link_cells(shown: pd.DataFrame, links: Mapping[str, str]) -> pd.DataFrame:
    """Escape every text cell; cells of linked columns become filter links (for allow_html)."""
    out = shown.copy()
    for col in out.columns:
        dtype = out[col].dtype
        numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
        if col in links:
            target = html.escape(links[col], quote=True)
            out[col] = [
                ""
                if pd.isna(v)
                else (
                    f'<a class="analysis-filter-link" href="#{target}" data-table="{target}" '
                    f'data-filter="{html.escape(str(v), quote=True)}" '
                    f'title="show the rows behind it">{html.escape(str(v))}</a>'
                )
                for v in out[col]
            ]
        elif not numeric:
            out[col] = ["" if pd.isna(v) else html.escape(str(v)) for v in out[col]]
    return out


def table_html(
    table: pd.DataFrame,
    *,
    max_rows: int = 30,
    caption: str | None = None,
    index: bool = False,
    float_digits: int = 4,
    interactive: bool | None = None,
    table_id: str | None = None,
    links: Mapping[str, str] | None = None,
    file: str | os.PathLike[str] | None = None,
) -> str:
    """The HTML that :func:`display_table` shows (every cell HTML-escaped).

    Plain tables: text columns are left-aligned and numbers right-aligned (a KWIC ``pre``
    column is right-aligned so the keywords line up), through a ``<style>`` scoped to the
    table's id. The id is derived from the column names (and caption, for interactive tables),
    so the same table gives the same page on every run.

    Interactive tables (itables, offline): a search box, sortable columns, a filter box per
    column and pages of 10 to 100 rows; the plain rows are in the page too and shown where
    scripts do not run. They need :func:`interactive_tables_init_html` once on the page.

    Args:
        table: the table; it is not modified.
        max_rows: rows to put in the page (the file has them all).
        caption: a line shown above the table (escaped).
        index: show the index (for matrices; always a plain table).
        float_digits: significant digits of floats.
        interactive: True or False; default (None): interactive when itables is installed,
            ``index`` is False and the table has more than :data:`INTERACTIVE_MIN_ROWS` rows.
        table_id: the HTML id of the table (default: derived from columns and caption).
        links: ``{column: table_id}``: each value of that column becomes a link that shows the
            table ``table_id`` filtered by the value (its search box set to it).
        file: the saved full table; a link to it (relative path as given) follows the table.

    Returns:
        An HTML fragment: the caption, a ``<style>``, the table and, when rows were cut, a note;
        ``<p><em>No rows.</em></p>`` for an empty table.

    Example:
        >>> print(table_html(pd.DataFrame({"text": []}), caption="Quotes"))
        <p><strong>Quotes</strong></p>
        <p><em>No rows.</em></p>
        >>> "<td>&lt;b&gt;bold&lt;/b&gt;</td>" in table_html(pd.DataFrame({"text": ["<b>bold</b>"]}))
        True
        >>> page = table_html(pd.DataFrame({"n": range(12)}), interactive=True, table_id="n12")
        >>> 'id="n12"' in page, "analysis-interactive" in page
        (True, True)
    """
    parts = []
    if caption:
        parts.append(f"<p><strong>{html.escape(caption)}</strong></p>")
    if len(table) == 0:
        parts.append("<p><em>No rows.</em></p>")
        return "\n".join(parts)
    shown = table.head(max_rows)
    links = dict(links or {})
    missing = [c for c in links if c not in shown.columns]
    if missing:
        raise ValueError(
            f"table_html: links name no column {', '.join(map(repr, missing))} "
            f"(columns: {', '.join(map(str, shown.columns))})"
        )
    if interactive is None:
        interactive = (
            not index and len(shown) > INTERACTIVE_MIN_ROWS and interactive_tables_available()
        )
    if interactive and index:
        raise ValueError("table_html: an interactive table shows no index (reset_index first)")
    if interactive:
        parts.append(_interactive_html(shown, table_id or _stable_id(shown, caption),
                                       links, float_digits))  # fmt: skip
    else:
        parts.append(_plain_html(shown, table_id, links, index, float_digits))
    if len(table) > max_rows:
        parts.append(f"<p><em>First {max_rows} of {len(table)} rows.</em></p>")
    if file is not None:
        path = Path(file)
        href = path.as_posix() if not path.is_absolute() else f"{path.parent.name}/{path.name}"
        parts.append(
            f'<p class="analysis-full-table">Full table ({len(table)} rows): '
            f'<a href="{html.escape(href, quote=True)}">{html.escape(path.name)}</a></p>'
        )
    return "\n".join(parts)


def _plain_html(
    shown: pd.DataFrame,
    table_id: str | None,
    links: Mapping[str, str],
    index: bool,
    float_digits: int,
) -> str:
    # A stable id (from the columns) keeps the page free of random ids.
    digest = hashlib.sha1("\x1f".join(map(str, shown.columns)).encode()).hexdigest()[:10]
    table_id = table_id or f"t{digest}"
    parts = []
    if not index:
        rules = []
        for i, (name, dtype) in enumerate(shown.dtypes.items(), start=1):
            numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
            align = "right" if numeric or name == "pre" else "left"
            rules.append(
                f"#{table_id} td:nth-child({i}),#{table_id} th:nth-child({i}){{text-align:{align}}}"
            )
        parts.append(f"<style>#{table_id} td{{vertical-align:top}}{''.join(rules)}</style>")
    body = _link_cells(shown, links) if links else shown
    parts.append(
        body.to_html(
            index=index,
            escape=not links,
            border=0,
            na_rep="",
            float_format=lambda v: f"{v:.{float_digits}g}",
            classes="analysis-table",
            table_id=table_id,
        )
    )
    return "\n".join(parts)


def _interactive_html(
    shown: pd.DataFrame, table_id: str, links: Mapping[str, str], float_digits: int
) -> str:
    from itables import to_html_datatable

    data = shown.reset_index(drop=True)
    for col in data.columns:
        if pd.api.types.is_float_dtype(data[col].dtype):
            # Rounded, still numbers: columns sort numerically and read like the plain tables.
            data[col] = [
                v if pd.isna(v) else float(f"{v:.{float_digits}g}") for v in data[col].tolist()
            ]
        elif not pd.api.types.is_numeric_dtype(data[col].dtype) or pd.api.types.is_bool_dtype(
            data[col].dtype
        ):
            data[col] = data[col].astype(object).where(data[col].notna(), "").astype(str)
    data = _link_cells(data, links)
    page = to_html_datatable(
        data,
        table_id=table_id,
        connected=False,
        # Every cell is escaped by _link_cells, so only our own filter links are HTML.
        allow_html=True,
        display_logo_when_loading=False,
        classes="display compact analysis-interactive",
        lengthMenu=[10, 25, 50, 100],
        pageLength=10,
        layout={"topStart": "pageLength", "topEnd": "search", "bottomStart": "info",
                "bottomEnd": "paging"},
        columnControl=[{"target": 0, "content": ["order"]},
                       {"target": 1, "content": ["search"]}],
        ordering={"indicators": False, "handler": False},
        autoWidth=False,
        showIndex=False,
    )  # fmt: skip
    return _ITABLES_WEB_LINK.sub(r"\1", page)


# Warnings that are library housekeeping, not something the reader of a report should act on.
def note(text: str) -> None:
    """Show ``text`` in a notebook as a quoted note ("**Note.** ...")."""
    from IPython.display import Markdown, display

    display(Markdown("> **Note.** " + text))


@contextmanager
def warnings_as_notes() -> Iterator[None]:
    """Show the warnings raised inside the block as notes, once each, after it.

    In a report a warning would otherwise be a red stderr box; what the reader should know about
    the input (dates, languages, shared aliases, duplicates) becomes a note, and deprecation
    noise is dropped.

    Example:
        >>> with warnings_as_notes():  # doctest: +SKIP
        ...     docs, removed = load_study_docs(study)
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for message in warning_messages(caught):
        note(message)
