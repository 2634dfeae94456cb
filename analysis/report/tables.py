"""Tables in reports: byte-stable CSV files and escaped HTML for notebooks."""

from __future__ import annotations

import hashlib
import html
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = ["corpus_overview", "save_table", "display_table", "table_html"]


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
    doc = tokens["doc_id"].astype(str)
    counts = pd.DataFrame(
        {
            "doc_id": doc,
            "sent": tokens["sent"].to_numpy(),
            "word": ~is_punct(tokens),
        }
    ).groupby("doc_id", sort=False)
    n_sent = counts["sent"].max()
    n_tok = counts["sent"].size()
    n_word = counts["word"].sum()
    out = pd.DataFrame({"doc_id": ids.to_numpy()})
    for c in columns:
        out[c] = docs[c].to_numpy()
    out["n_chars"] = docs["text"].str.len().to_numpy().astype("int64")
    out["n_sentences"] = ids.map(n_sent).fillna(0).astype("int64").to_numpy()
    out["n_tokens"] = ids.map(n_tok).fillna(0).astype("int64").to_numpy()
    out["n_words"] = ids.map(n_word).fillna(0).astype("int64").to_numpy()
    return out


def save_table(table: pd.DataFrame, path: str | os.PathLike[str], *, index: bool = False) -> Path:
    """Write a table as CSV so that the same table gives the same bytes on every run.

    UTF-8, ``\\n`` line ends, floats with 6 significant digits (``%.6g``), no index by
    default. Parent folders are created.

    Args:
        table: the table to write; it is not modified.
        path: the ``.csv`` file.
        index: also write the index (for matrices whose row labels are the index).

    Returns:
        The path written.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     save_table(pd.DataFrame({"a": [1 / 3]}), Path(folder) / "t.csv").read_text()
        'a\\n0.333333\\n'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=index, float_format="%.6g", lineterminator="\n", encoding="utf-8")
    return path


def display_table(
    table: pd.DataFrame,
    *,
    max_rows: int = 30,
    caption: str | None = None,
    index: bool = False,
    float_digits: int = 4,
) -> None:
    """Show a table in a notebook as escaped HTML (article text can hold ``<script>``).

    An empty table is shown as a sentence, not as an empty grid. Longer tables show their first
    ``max_rows`` rows and say how many there are; the saved CSV has them all.

    Args:
        table: the table; it is not modified.
        max_rows: rows to show.
        caption: a line shown above the table.
        index: show the index (for matrices).
        float_digits: significant digits of floats.

    Example:
        >>> display_table(pd.DataFrame({"n": [1, 2]}), caption="Counts")  # outside a notebook
        <IPython.core.display.HTML object>
    """
    from IPython.display import HTML, display

    display(HTML(table_html(table, max_rows=max_rows, caption=caption, index=index,
                            float_digits=float_digits)))  # fmt: skip


def table_html(
    table: pd.DataFrame,
    *,
    max_rows: int = 30,
    caption: str | None = None,
    index: bool = False,
    float_digits: int = 4,
) -> str:
    """The HTML that :func:`display_table` shows (every cell HTML-escaped).

    Text columns are left-aligned and numbers right-aligned (a KWIC ``pre`` column is
    right-aligned so the keywords line up), through a ``<style>`` scoped to the table's id. The
    id is derived from the column names, so the same table gives the same page on every run.

    Args:
        table: the table; it is not modified.
        max_rows: rows to show.
        caption: a line shown above the table (escaped).
        index: show the index (for matrices).
        float_digits: significant digits of floats.

    Returns:
        An HTML fragment: the caption, a ``<style>``, the table and, when rows were cut, a note;
        ``<p><em>No rows.</em></p>`` for an empty table.

    Example:
        >>> print(table_html(pd.DataFrame({"text": []}), caption="Quotes"))
        <p><strong>Quotes</strong></p>
        <p><em>No rows.</em></p>
        >>> "<td>&lt;b&gt;bold&lt;/b&gt;</td>" in table_html(pd.DataFrame({"text": ["<b>bold</b>"]}))
        True
    """
    parts = []
    if caption:
        parts.append(f"<p><strong>{html.escape(caption)}</strong></p>")
    if len(table) == 0:
        parts.append("<p><em>No rows.</em></p>")
        return "\n".join(parts)
    shown = table.head(max_rows)
    # A stable id (from the columns) keeps the page free of random ids.
    digest = hashlib.sha1("\x1f".join(map(str, shown.columns)).encode()).hexdigest()[:10]
    table_id = f"t{digest}"
    if not index:
        rules = []
        for i, (name, dtype) in enumerate(shown.dtypes.items(), start=1):
            numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
            align = "right" if numeric or name == "pre" else "left"
            rules.append(
                f"#{table_id} td:nth-child({i}),#{table_id} th:nth-child({i}){{text-align:{align}}}"
            )
        parts.append(f"<style>#{table_id} td{{vertical-align:top}}{''.join(rules)}</style>")
    parts.append(
        shown.to_html(
            index=index,
            escape=True,
            border=0,
            na_rep="",
            float_format=lambda v: f"{v:.{float_digits}g}",
            classes="analysis-table",
            table_id=table_id,
        )
    )
    if len(table) > max_rows:
        parts.append(f"<p><em>First {max_rows} of {len(table)} rows.</em></p>")
    return "\n".join(parts)
