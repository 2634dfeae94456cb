"""Figures for reports: bar charts, heatmaps, lexical dispersion; saved byte-reproducibly.

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot (no global
figure state, nothing left open) under one fixed style (:data:`STYLE`): the same table gives the
same picture on every run. :func:`save_figure` writes PNG without metadata and SVG with a fixed
``svg.hashsalt`` and no date, so the files are byte-identical across runs on one installation.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import matplotlib
import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib.figure import Figure

from analysis._checks import check_choice as _check_choice

__all__ = ["STYLE", "style", "save_figure", "bar_chart", "heatmap", "dispersion_plot"]

#: Colour-blind-safe palette (Okabe & Ito 2008) used in this order for series and groups.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

#: The fixed matplotlib settings of every figure (font shipped with matplotlib; no randomness).
STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.titlesize": 10.0,
    "axes.labelsize": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "axes.grid": False,
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "savefig.facecolor": "white",
    "image.cmap": "Blues",
    "svg.hashsalt": "analysis-report",
    "svg.fonttype": "path",
    "path.simplify": True,
    "legend.frameon": False,
    # Labels are data (outlet names, terms): "$5 $10" must show as typed, not as math text.
    "text.parse_math": False,
}

Orientation = Literal["horizontal", "vertical"]
_ORIENTATIONS = ("horizontal", "vertical")
Format = Literal["png", "svg", "pdf"]
_FORMATS = ("png", "svg", "pdf")


@contextmanager
def style() -> Iterator[None]:
    """Context in which :data:`STYLE` is in force (use it around your own figure code)."""
    with matplotlib.rc_context(STYLE):
        yield


def save_figure(
    fig: Figure,
    path: str | os.PathLike[str],
    *,
    formats: Sequence[Format] = ("png", "svg"),
    show: bool = False,
) -> dict[str, Path]:
    """Save a figure as PNG and SVG (by default) whose bytes depend only on the figure.

    PNG: no ``Software`` text chunk. SVG: fixed ``svg.hashsalt`` (element ids) and no date.
    PDF: no creation date.

    Args:
        fig: the figure.
        path: file path without suffix (a suffix is replaced), e.g. ``out / "theme_heatmap"``.
        formats: any of ``"png"``, ``"svg"``, ``"pdf"``.
        show: also display the saved PNG in a notebook (what you see is the saved file).
            A pyplot-managed figure is closed after saving, so it is not shown twice.

    Returns:
        ``{format: path written}``.

    Raises:
        ValueError: an unknown format.

    Example:
        >>> paths = save_figure(heatmap(matrix), "reports/x/heatmap")  # doctest: +SKIP
        >>> sorted(paths)  # doctest: +SKIP
        ['png', 'svg']
    """
    for fmt in formats:
        _check_choice("formats", fmt, _FORMATS)
    base = Path(path)
    base = base.with_suffix("") if base.suffix in {".png", ".svg", ".pdf"} else base
    base.parent.mkdir(parents=True, exist_ok=True)
    meta = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}
    written = {}
    with style():
        for fmt in formats:
            target = base.with_name(f"{base.name}.{fmt}")
            fig.savefig(target, format=fmt, metadata=meta[fmt], bbox_inches="tight")
            written[fmt] = target
    if "matplotlib.pyplot" in sys.modules:
        # A figure made with pyplot (e.g. by networkx drawing) would be shown a second time by
        # the notebook's inline backend at the end of the cell; it is saved, so release it.
        sys.modules["matplotlib.pyplot"].close(fig)
    if show:
        from IPython.display import Image, display

        png = written.get("png")
        if png is None:
            png = base.with_name(f"{base.name}.show.png")
            with style():
                fig.savefig(png, format="png", metadata=meta["png"], bbox_inches="tight")
        display(Image(filename=str(png)))
    return written


def bar_chart(
    table: pd.DataFrame,
    *,
    x: str,
    y: str,
    by: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    top: int | None = None,
    orientation: Orientation = "horizontal",
    ncols: int = 2,
) -> Figure:
    """Bar chart of ``y`` per ``x``; with ``by``, one panel per group (small multiples).

    Bars keep the table's row order (sort the table first, e.g. by frequency); horizontal bars
    put the first row on top. Groups appear in the order they first occur in the table.

    Args:
        table: a tidy table, e.g. from ``term_frequency``; not modified.
        x: column with the labels (terms, themes, actors).
        y: column with the values.
        by: optional grouping column; one panel per value.
        title: figure title.
        xlabel: axis label for the values (default: ``y``).
        top: keep the first ``top`` rows of each group.
        orientation: ``"horizontal"`` (labels readable; default) or ``"vertical"``.
        ncols: panels per row when ``by`` is given.

    Returns:
        The figure.

    Raises:
        ValueError: a missing column or an unknown orientation.

    Example:
        >>> fig = bar_chart(freq, x="feature", y="frequency", by="group", top=10)  # doctest: +SKIP
    """
    _check_choice("orientation", orientation, _ORIENTATIONS)
    for col in [x, y] + ([by] if by else []):
        if col not in table.columns:
            raise ValueError(
                f"bar_chart: no column {col!r} (columns: {', '.join(map(str, table.columns))})"
            )
    if by is None:
        groups = [(None, table)]
    else:
        keys = pd.unique(table[by].astype(str))
        groups = [(k, table[table[by].astype(str) == k]) for k in keys]
    if top is not None:
        groups = [(k, g.head(top)) for k, g in groups]
    n = max(len(groups), 1)
    cols = min(ncols, n) if by else 1
    rows = int(np.ceil(n / cols))
    longest = max((len(g) for _, g in groups), default=1)
    with style():
        if orientation == "horizontal":
            size = (4.2 * cols, max(1.6, 0.22 * longest + 0.9) * rows)
        else:
            size = (max(3.5, 0.35 * longest + 1.2) * cols, 3.2 * rows)
        fig = Figure(figsize=size, layout="constrained")
        axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False).ravel())
        for i, (ax, (key, g)) in enumerate(zip(axes, groups, strict=False)):
            labels = g[x].astype(str).tolist()
            values = g[y].to_numpy(dtype=float)
            color = PALETTE[i % len(PALETTE)]
            pos = np.arange(len(labels))
            if orientation == "horizontal":
                ax.barh(pos, values, color=color)
                ax.set_yticks(pos, labels)
                ax.invert_yaxis()
                ax.set_xlabel(xlabel or y)
            else:
                ax.bar(pos, values, color=color)
                ax.set_xticks(pos, labels, rotation=60, ha="right")
                ax.set_ylabel(xlabel or y)
            if key is not None:
                ax.set_title(key)
        for ax in axes[len(groups) :]:
            ax.set_visible(False)
        if title:
            fig.suptitle(title)
    return fig


def heatmap(
    matrix: pd.DataFrame,
    *,
    title: str | None = None,
    annotate: bool = True,
    fmt: str = "{:.2g}",
    cmap: str = "Blues",
    vmin: float | None = None,
    vmax: float | None = None,
    colorbar_label: str | None = None,
) -> Figure:
    """Heatmap of a numeric matrix: rows = index, columns = columns (e.g. theme × outlet).

    Args:
        matrix: a DataFrame of numbers (wide); not modified. Missing values show blank.
        title: figure title.
        annotate: write each cell's value with ``fmt``.
        fmt: format of cell labels, e.g. ``"{:.0f}"`` for counts, ``"{:.1%}"`` for rates.
        cmap: matplotlib colour map name.
        vmin: lower colour scale limit (default: the data's minimum, 0 when all >= 0).
        vmax: upper colour scale limit (default: the data's maximum).
        colorbar_label: label of the colour bar.

    Returns:
        The figure.

    Raises:
        ValueError: an empty or non-numeric matrix.

    Example:
        >>> fig = heatmap(theme_matrix.set_index("theme"), fmt="{:.0f}")  # doctest: +SKIP
    """
    if matrix.shape[0] == 0 or matrix.shape[1] == 0:
        raise ValueError("heatmap: the matrix is empty")
    try:
        values = matrix.to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise ValueError(
            "heatmap: the matrix must be numeric; put labels in the index (set_index)"
        ) from None
    finite = values[np.isfinite(values)]
    lo = vmin if vmin is not None else (0.0 if finite.size and finite.min() >= 0 else None)
    hi = vmax if vmax is not None else (float(finite.max()) if finite.size else None)
    if lo is not None and hi is not None and hi <= lo:
        hi = lo + 1.0
    nrow, ncol = values.shape
    with style():
        fig = Figure(
            figsize=(max(3.5, 0.9 * ncol + 2.6), max(2.0, 0.38 * nrow + 1.2)),
            layout="constrained",
        )
        ax = fig.add_subplot()
        img = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=lo, vmax=hi, aspect="auto")
        ax.set_xticks(np.arange(ncol), [str(c) for c in matrix.columns], rotation=30, ha="right")
        ax.set_yticks(np.arange(nrow), [str(i) for i in matrix.index])
        ax.spines[:].set_visible(False)
        if annotate:
            mid = (lo or 0.0) + ((hi or 1.0) - (lo or 0.0)) / 2
            for r in range(nrow):
                for c in range(ncol):
                    v = values[r, c]
                    if np.isfinite(v):
                        ax.text(
                            c,
                            r,
                            fmt.format(v),
                            ha="center",
                            va="center",
                            fontsize=8,
                            color="white" if v > mid else "black",
                        )
        cbar = fig.colorbar(img, ax=ax, shrink=0.8)
        if colorbar_label:
            cbar.set_label(colorbar_label)
        if title:
            ax.set_title(title)
    return fig


def dispersion_plot(
    matches: pd.DataFrame,
    tokens: pd.DataFrame,
    *,
    keys: Sequence[str] | None = None,
    title: str | None = None,
    labels: dict[str, str] | None = None,
) -> Figure:
    """Lexical dispersion: where in each document the matched terms occur.

    One panel per document (x = token position from 0 to the document's length in tokens),
    one row per key; each occurrence is a vertical tick. Like NLTK's ``dispersion_plot`` but
    per document, and fed by the one matcher, so phrases, globs and folding behave as in every
    other table. Works for theme hits and actor mentions too.

    Args:
        matches: a matches table with ``doc_id``, ``tok`` (first token position), ``key``,
            e.g. ``analysis.matching.match(tokens, compile_patterns({t: [t] for t in terms}))``.
        tokens: the tokens table the matches come from (gives each document's length).
        keys: keys to show, in this order top to bottom (default: sorted keys of ``matches``).
            A key without matches still gets its (empty) row.
        title: figure title.
        labels: document label per doc_id for panel titles (default: the doc_id).

    Returns:
        The figure.

    Raises:
        ValueError: a missing column.

    Example:
        >>> fig = dispersion_plot(hits, tokens, keys=["crime", "cooperation"])  # doctest: +SKIP
    """
    for col in ("doc_id", "tok", "key"):
        if col not in matches.columns:
            raise ValueError(
                f"dispersion_plot: matches needs a {col!r} column "
                f"(has: {', '.join(map(str, matches.columns))})"
            )
    doc_ids = [str(d) for d in pd.unique(tokens["doc_id"].astype(str))]
    lengths = (
        tokens.assign(doc_id=tokens["doc_id"].astype(str))
        .groupby("doc_id", sort=False)["tok"]
        .max()
        .add(1)
    )
    keys = list(keys) if keys is not None else sorted(matches["key"].astype(str).unique())
    row = {k: i for i, k in enumerate(keys)}
    hits = matches.assign(doc_id=matches["doc_id"].astype(str), key=matches["key"].astype(str))
    hits = hits[hits["key"].isin(row)]
    labels = labels or {}
    n = max(len(doc_ids), 1)
    with style():
        fig = Figure(
            figsize=(8.0, max(1.4, 0.28 * len(keys) + 0.8) * n),
            layout="constrained",
        )
        axes = np.atleast_1d(fig.subplots(n, 1, squeeze=False).ravel())
        for ax, doc in zip(axes, doc_ids, strict=False):
            h = hits[hits["doc_id"] == doc]
            ys = h["key"].map(row).to_numpy(dtype=float)
            ax.scatter(
                h["tok"].to_numpy(dtype=float), ys, marker="|", s=120, linewidths=1.2,
                color=PALETTE[0],
            )  # fmt: skip
            ax.set_yticks(np.arange(len(keys)), keys)
            ax.set_ylim(len(keys) - 0.5, -0.5)
            ax.set_xlim(0, int(lengths.get(doc, 1)))
            ax.set_title(labels.get(doc, doc), loc="left")
        axes[-1].set_xlabel("token position in document")
        if title:
            fig.suptitle(title)
    return fig
