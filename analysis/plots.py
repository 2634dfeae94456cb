"""Figures for reports: bar charts, heatmaps, keyness, trends, lexical dispersion; saved
byte-reproducibly.

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot (no global
figure state, nothing left open) under one fixed style (:data:`STYLE`): the same table gives the
same picture on every run. :func:`save_figure` writes PNG without metadata and SVG with a fixed
``svg.hashsalt`` and no date, so the files are byte-identical across runs on one installation.

Figures stay readable with many groups: small multiples wrap into a grid whose panels share
their value axis; beyond ``max_groups`` (default :data:`MAX_GROUPS`) panels only the largest
groups are drawn and the title says so; labels longer than :data:`MAX_LABEL` characters are
shortened with "…"; no figure grows beyond :data:`MAX_FIGSIZE` inches.
"""

from __future__ import annotations

import io
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, cast

import matplotlib
import matplotlib.image
import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib.axis import Ticker
from matplotlib.figure import Figure
from matplotlib.markers import TICKDOWN, TICKLEFT
from matplotlib.patches import Patch
from matplotlib.ticker import NullFormatter
from matplotlib.transforms import Bbox

from analysis._checks import check_choice as _check_choice

__all__ = [
    "STYLE",
    "MAX_GROUPS",
    "MAX_LABEL",
    "MAX_FIGSIZE",
    "style",
    "save_figure",
    "bar_chart",
    "heatmap",
    "keyness_plot",
    "trend_chart",
    "dispersion_plot",
]

#: Panels of small multiples drawn at most; beyond, the largest groups (the title says so).
MAX_GROUPS = 12
#: Characters of a tick label or panel title; longer ones end in "…".
MAX_LABEL = 40
#: Largest figure (width, height) in inches (at 120 dpi: 2,160 × 2,880 pixels).
MAX_FIGSIZE = (18.0, 24.0)

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


def _short(label: object, limit: int = MAX_LABEL) -> str:
    text = str(label)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bounded(width: float, height: float) -> tuple[float, float]:
    return min(width, MAX_FIGSIZE[0]), min(height, MAX_FIGSIZE[1])


def _grid(n: int, ncols: int | None) -> tuple[int, int]:
    cols = ncols if ncols is not None else (1 if n == 1 else 2 if n <= 4 else 3)
    cols = max(1, min(cols, n))
    return int(np.ceil(n / cols)), cols


@contextmanager
def style() -> Iterator[None]:
    """Context in which :data:`STYLE` is in force (use it around your own figure code)."""
    with matplotlib.rc_context(cast(Any, STYLE)):
        yield


#: In force while saving: the box is measured on a PNG (Agg) renderer, and removing the
#: layout engine (``set_layout_engine(None)``) must not bring in a default one.
_SAVE_RC = {
    "savefig.format": "png",
    "figure.autolayout": False,
    "figure.constrained_layout.use": False,
}


def _save_dpi(fig: Figure) -> float:
    dpi = matplotlib.rcParams["savefig.dpi"]
    return float(fig.dpi if dpi == "figure" else dpi)


def _png_pixels(fig: Figure, box: Bbox) -> memoryview | None:
    """The RGBA pixels the PNG of ``fig`` cropped to ``box`` holds (drawn as ``savefig`` draws
    a PNG), or None when their size is not the canvas size expected (then save the PNG
    directly)."""
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", bbox_inches=box)
    dpi = _save_dpi(fig)
    # The canvas size savefig gives a box: whole pixels of its size at the saving resolution.
    width, height = int(box.width * dpi), int(box.height * dpi)
    data = raw.getbuffer()
    if len(data) != width * height * 4:
        return None
    return data.cast("B", (height, width, 4))  # what matplotlib hands its PNG writer


def _tight_box(fig: Figure) -> Bbox:
    """What ``bbox_inches="tight"`` saves (in inches, padded), from one layout of the figure.

    At the saving resolution, as ``savefig`` does before it measures a PNG: the layout engine
    (if any) runs with text measured as the PNG shows it, then the box is measured. Not the
    whole draw without output that ``savefig`` makes first: measuring updates what the box
    depends on (ticks, titles, aspect), and the PNG is the same byte for byte.
    """
    original = fig.dpi
    fig.set_dpi(_save_dpi(fig))
    try:
        engine = fig.get_layout_engine()
        if engine is not None:
            engine.execute(fig)
        box = fig.get_tightbbox()
    finally:
        fig.set_dpi(original)
    pad = matplotlib.rcParams["savefig.pad_inches"]
    return box.padded(pad, pad)


def save_figure(
    fig: Figure,
    path: str | os.PathLike[str],
    *,
    formats: Sequence[Format] = ("png", "svg"),
    show: bool = False,
) -> dict[str, Path]:
    """Save a figure as PNG and SVG (by default) whose bytes depend only on the figure.

    PNG: no ``Software`` text chunk. SVG: fixed ``svg.hashsalt`` (element ids) and no date.
    PDF: no creation date. The figure is laid out and its tight box measured once, as for the
    PNG; every format is saved with that box (the PNG is what ``bbox_inches="tight"`` writes).

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
    written: dict[str, Path] = {}
    with style(), matplotlib.rc_context(cast(Any, _SAVE_RC)):
        # bbox_inches="tight" would lay the figure out and measure it again for every file;
        # laid out and measured once, the one box is saved in every format.
        box = _tight_box(fig)
        engine = fig.get_layout_engine()
        fig.set_layout_engine(None)  # laid out: saving must not solve the layout again
        try:
            with ThreadPoolExecutor(max_workers=1) as pool:
                compressing = None
                for fmt in formats:
                    target = base.with_name(f"{base.name}.{fmt}")
                    last = fmt == formats[-1]
                    pixels = _png_pixels(fig, box) if fmt == "png" and not last else None
                    if pixels is not None:
                        # The PNG's compression (a fifth of the saving time) runs in C without
                        # the GIL: encoded beside the drawing of the other formats, as
                        # matplotlib's PNG writer encodes the same pixels (same bytes).
                        compressing = pool.submit(
                            matplotlib.image.imsave, target, pixels, format="png",
                            origin="upper", dpi=_save_dpi(fig),
                            metadata=cast(Any, meta["png"]),  # None: no Software chunk
                        )  # fmt: skip
                    else:
                        fig.savefig(target, format=fmt, metadata=meta[fmt], bbox_inches=box)
                    written[fmt] = target
                if compressing is not None:
                    compressing.result()
        finally:
            fig.set_layout_engine(engine)
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
                fig.savefig(png, format="png", metadata=meta["png"], bbox_inches=box)
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
    ncols: int | None = None,
    max_groups: int = MAX_GROUPS,
) -> Figure:
    """Bar chart of ``y`` per ``x``; with ``by``, one panel per group (small multiples).

    Bars keep the table's row order (sort the table first, e.g. by frequency); horizontal bars
    put the first row on top. Groups appear in the order they first occur in the table. Panels
    wrap into a grid and share the value axis, so bars compare across panels. With more than
    ``max_groups`` groups only the ``max_groups`` with the largest total ``y`` are drawn and the
    title says how many were left out.

    Args:
        table: a tidy table, e.g. from ``term_frequency``; not modified.
        x: column with the labels (terms, themes, actors).
        y: column with the values.
        by: optional grouping column; one panel per value.
        title: figure title.
        xlabel: axis label for the values (default: ``y``).
        top: keep the first ``top`` rows of each group.
        orientation: ``"horizontal"`` (labels readable; default) or ``"vertical"``.
        ncols: panels per row when ``by`` is given (default: 1, 2 up to 4 panels, else 3).
        max_groups: most panels drawn.

    Returns:
        The figure.

    Raises:
        ValueError: a missing column or an unknown orientation.

    Example:
        >>> t = pd.DataFrame({"term": ["a", "b", "c"], "n": [3, 2, 1], "g": ["X", "X", "Y"]})
        >>> [ax.get_title() for ax in bar_chart(t, x="term", y="n", by="g").axes]
        ['X', 'Y']
    """
    _check_choice("orientation", orientation, _ORIENTATIONS)
    for col in [x, y] + ([by] if by else []):
        if col not in table.columns:
            raise ValueError(
                f"bar_chart: no column {col!r} (columns: {', '.join(map(str, table.columns))})"
            )
    note = ""
    groups: list[tuple[str | None, pd.DataFrame]]
    if by is None:
        groups = [(None, table)]
    else:
        labels = table[by].astype(str)
        keys = list(pd.unique(labels))
        if len(keys) > max_groups:
            totals = table[y].astype(float).groupby(labels.to_numpy(), sort=False).sum()
            kept = set(totals.sort_values(ascending=False, kind="stable").index[:max_groups])
            note = f"the {max_groups} of {len(keys)} {by} values with the largest total {y}"
            keys = [k for k in keys if k in kept]
        groups = [(k, table[labels == k]) for k in keys]
    if top is not None:
        groups = [(k, g.head(top)) for k, g in groups]
    n = max(len(groups), 1)
    rows, cols = _grid(n, ncols if by else 1)
    longest = max((len(g) for _, g in groups), default=1)
    with style():
        if orientation == "horizontal":
            size = _bounded(4.2 * cols, max(1.6, 0.22 * longest + 0.9) * rows)
        else:
            size = _bounded(max(3.5, 0.35 * longest + 1.2) * cols, 3.2 * rows)
        fig = Figure(figsize=size, layout="constrained")
        horizontal = orientation == "horizontal"
        axes = np.atleast_1d(
            fig.subplots(
                rows, cols, squeeze=False, sharex=horizontal, sharey=not horizontal
            ).ravel()
        )
        for i, (ax, (key, g)) in enumerate(zip(axes, groups, strict=False)):
            labels_ = [_short(v) for v in g[x].astype(str)]
            values = g[y].to_numpy(dtype=float)
            color = PALETTE[i % len(PALETTE)]
            pos = np.arange(len(labels_))
            if orientation == "horizontal":
                ax.barh(pos, values, color=color)
                ax.set_yticks(pos, labels_)
                ax.set_ylim(len(labels_) - 0.5, -0.5)
                ax.set_xlabel(xlabel or y)
                ax.xaxis.set_tick_params(labelbottom=True)
            else:
                ax.bar(pos, values, color=color)
                ax.set_xticks(pos, labels_, rotation=60, ha="right")
                ax.set_ylabel(xlabel or y)
                ax.yaxis.set_tick_params(labelleft=True)
            if key is not None:
                ax.set_title(_short(key), y=1.0)
        for ax in axes[len(groups) :]:
            ax.set_visible(False)
        if title or note:
            fig.suptitle("\n".join(t for t in (title, f"({note})" if note else "") if t))
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
        annotate: write each cell's value with ``fmt`` (not when there are over 400 cells or
            30 columns: the numbers would overlap).
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
    # Many cells: smaller labels, no numbers (they would overlap); the CSV has the values.
    dense = nrow * ncol > 400 or ncol > 30
    with style():
        fig = Figure(
            figsize=_bounded(max(3.5, (0.35 if dense else 0.9) * ncol + 2.6),
                             max(2.0, (0.2 if dense else 0.38) * nrow + 1.2)),
            layout="constrained",
        )  # fmt: skip
        ax = fig.add_subplot()
        img = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=lo, vmax=hi, aspect="auto")
        size = 6 if dense else None
        ax.set_xticks(np.arange(ncol), [_short(c) for c in matrix.columns], rotation=30 if ncol < 12
                      else 90, ha="right" if ncol < 12 else "center", fontsize=size)  # fmt: skip
        ax.set_yticks(np.arange(nrow), [_short(i) for i in matrix.index], fontsize=size)
        ax.spines[:].set_visible(False)
        if annotate and not dense:
            # The numbers sit inside their cells, so they leave the layout and the saved
            # box as they are: left out of both, they are not measured three times more.
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
                            in_layout=False,
                        )
        cbar = fig.colorbar(img, ax=ax, shrink=0.8)
        if colorbar_label:
            cbar.set_label(colorbar_label)
        if title:
            ax.set_title(title)
    return fig


def keyness_plot(
    key: pd.DataFrame,
    *,
    n: int = 10,
    target: str = "target",
    reference: str = "reference",
    by: str | None = None,
    title: str | None = None,
    xlabel: str = "statistic",
    ncols: int | None = None,
    max_groups: int = MAX_GROUPS,
) -> Figure:
    """Key terms of the target and of the reference side by side, as quanteda's
    ``textplot_keyness``: bars of the keyness ``statistic``, sorted by it.

    The ``n`` terms with the largest positive statistic (typical of the target) are drawn from
    the top in one colour, then the ``n`` with the most negative (typical of the reference) in
    another; a legend names both. With ``by`` (e.g. ``"target"`` of a keyness table of every
    group against the rest), one panel per group, wrapped into a grid with a shared axis.

    Args:
        key: a keyness table (``term``, ``statistic``), e.g. from :func:`analysis.keyness`.
        n: terms per side.
        target: legend label of the target side.
        reference: legend label of the reference side.
        by: optional column with one panel per value (its value replaces ``target``).
        title: figure title.
        xlabel: axis label (e.g. ``"G²"``).
        ncols: panels per row.
        max_groups: most panels drawn (the first ones in table order; the title says so).

    Returns:
        The figure.

    Raises:
        ValueError: a missing column.

    Example:
        >>> key = pd.DataFrame({"term": ["a", "b", "c"], "statistic": [5.0, -2.0, 1.0]})
        >>> ax = keyness_plot(key, n=2).axes[0]
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['a', 'c', 'b']
    """
    for col in ["term", "statistic"] + ([by] if by else []):
        if col not in key.columns:
            raise ValueError(
                f"keyness_plot: no column {col!r} (columns: {', '.join(map(str, key.columns))})"
            )
    note = ""
    panels: list[tuple[str | None, pd.DataFrame]]
    if by is None:
        panels = [(None, key)]
    else:
        labels = key[by].astype(str)
        names = list(pd.unique(labels))
        if len(names) > max_groups:
            note = f"first {max_groups} of {len(names)} {by} groups"
            names = names[:max_groups]
        panels = [(k, key[labels == k]) for k in names]
    rows, cols = _grid(max(len(panels), 1), ncols if by else 1)
    with style():
        fig = Figure(
            figsize=_bounded(4.6 * cols, max(2.0, 0.2 * 2 * n + 1.2) * rows),
            layout="constrained",
        )
        axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False, sharex=True).ravel())
        for ax, (name, k) in zip(axes, panels, strict=False):
            stat = k["statistic"].astype(float)
            pos = k[stat > 0].assign(_s=stat).sort_values("_s", ascending=False, kind="stable")
            neg = k[stat < 0].assign(_s=stat).sort_values("_s", ascending=False, kind="stable")
            shown = pd.concat([pos.head(n), neg.tail(n)])
            y = np.arange(len(shown))
            is_target = shown["_s"].to_numpy() > 0
            colors = [PALETTE[0] if t else "#999999" for t in is_target]
            ax.barh(y, shown["_s"].to_numpy(), color=colors)
            ax.set_yticks(y, [_short(t) for t in shown["term"].astype(str)])
            ax.set_ylim(len(shown) - 0.5, -0.5)
            ax.axvline(0, color="black", linewidth=0.6)
            ax.set_xlabel(xlabel)
            ax.xaxis.set_tick_params(labelbottom=True)
            ax.legend(
                handles=[Patch(color=PALETTE[0], label=_short(name if name is not None else target, 24)),
                         Patch(color="#999999", label=_short(reference, 24))],
                # beside the panel, not over the bars or their labels
                loc="lower left", bbox_to_anchor=(1.0, 0.0), fontsize=7,
            )  # fmt: skip
            if name is not None:
                ax.set_title(_short(name), y=1.0)
        for ax in axes[len(panels) :]:
            ax.set_visible(False)
        if title or note:
            fig.suptitle("\n".join(t for t in (title, f"({note})" if note else "") if t))
    return fig


def _tick_marks(ax: Any, ticks: np.ndarray, axis: Literal["x", "y"] = "x") -> None:
    """Marks of ticks without labels, drawn as matplotlib draws them (a tick-down or tick-left
    marker of the tick's size, width and colour on the bottom or left spine) but as one line
    of markers: a tick is a handful of artists each, a line is one. Left out of the layout,
    as ticks' marks are."""
    zeros = np.zeros(len(ticks))
    if axis == "x":
        ax.set_xticks([])
        xs, ys, marker, where = ticks, zeros, TICKDOWN, ax.get_xaxis_transform()
    else:
        ax.set_yticks([])
        xs, ys, marker, where = zeros, ticks, TICKLEFT, ax.get_yaxis_transform()
    rc = cast(Any, matplotlib.rcParams)  # keys built from ``axis``: not the stubs' literals
    (marks,) = ax.plot(
        xs, ys, linestyle="none", marker=marker,
        markersize=rc[f"{axis}tick.major.size"], markeredgewidth=rc[f"{axis}tick.major.width"],
        color=rc[f"{axis}tick.color"], transform=where, clip_on=False,
    )  # fmt: skip
    marks.set_in_layout(False)


def trend_chart(
    table: pd.DataFrame,
    *,
    y: str = "share",
    low: str | None = None,
    high: str | None = None,
    key: str | None = "key",
    keys: Sequence[str] | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    labels: dict[str, str] | None = None,
    ncols: int | None = None,
    max_groups: int = MAX_GROUPS,
) -> Figure:
    """A value per period, with its interval as a band; one panel per key, shared axes.

    Fed by :func:`analysis.trends.trend`: ``y="n_docs"`` (no key) for coverage, or
    ``y="share"`` with ``low="share_low"``, ``high="share_high"`` (or ``per_1k_words`` with
    ``rate_low``/``rate_high``) per theme or actor. Periods are evenly spaced in table order (a
    period without documents is a gap in the line); at most about 12 period labels are written.
    The panels share the value axis; the period axis has the same limits in every panel, and
    the unlabelled tick marks of inner panels are drawn when the figure is made (after changing
    an axis's limits, set the other panels' too).

    Args:
        table: a table with ``period`` and ``y`` (and ``key``); not modified.
        y: the value column.
        low: lower bound of the band (optional).
        high: upper bound of the band (optional).
        key: column with one panel per value; None for a single panel.
        keys: keys to draw, in this order (default: the ``max_groups`` keys with the largest
            total ``y``, in table order; the title says when some were left out).
        title: figure title.
        ylabel: value axis label (default: ``y``).
        labels: display name per key (e.g. actor names).
        ncols: panels per row.
        max_groups: most panels.

    Returns:
        The figure.

    Raises:
        ValueError: a missing column.

    Example:
        >>> t = pd.DataFrame({"period": ["2023-11", "2023-12"] * 2, "key": ["a", "a", "b", "b"],
        ...                   "share": [0.5, 0.25, 0.0, 1.0]})
        >>> [ax.get_title() for ax in trend_chart(t).axes]
        ['a', 'b']
    """
    needed = ["period", y] + [c for c in (low, high, key) if c]
    for col in needed:
        if col not in table.columns:
            raise ValueError(
                f"trend_chart: no column {col!r} (columns: {', '.join(map(str, table.columns))})"
            )
    periods = list(pd.unique(table["period"].astype(str)))
    where = {p: i for i, p in enumerate(periods)}
    note = ""
    panels: list[tuple[str | None, pd.DataFrame]]
    if key is None:
        panels = [(None, table)]
    else:
        names = [str(k) for k in pd.unique(table[key].astype(str))]
        if keys is not None:
            names = [str(k) for k in keys if str(k) in set(names)]
        elif len(names) > max_groups:
            totals = table[y].astype(float).groupby(table[key].astype(str).to_numpy()).sum()
            kept = set(totals.sort_values(ascending=False, kind="stable").index[:max_groups])
            note = f"{max_groups} of {len(names)} with the largest total {y}"
            names = [k for k in names if k in kept]
        panels = [(k, table[table[key].astype(str) == k]) for k in names]
    labels = labels or {}
    rows, cols = _grid(max(len(panels), 1), ncols if key else 1)
    step = max(1, int(np.ceil(len(periods) / 12)))
    with style():
        fig = Figure(
            figsize=_bounded(max(4.0, 0.18 * len(periods) + 2.5) * cols if cols == 1
                             else 4.4 * cols, 2.4 * rows + 0.6),
        )  # fmt: skip
        # The panels share the value axis, and the period axis by its limits: an x axis
        # shared in matplotlib's sense has one set of ticks, and each tick is a handful of
        # artists laid out and drawn in every panel (most of the time of a 12-panel chart).
        axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False, sharey=True).ravel())
        ticks = np.arange(0, len(periods), step)
        margin = float(matplotlib.rcParams["axes.xmargin"]) * max(len(periods) - 1, 1)
        for i, (ax, (name, g)) in enumerate(zip(axes, panels, strict=False)):
            x = g["period"].astype(str).map(where).to_numpy(dtype=float)
            color = PALETTE[i % len(PALETTE)]
            if low and high:
                ax.fill_between(x, g[low].to_numpy(dtype=float), g[high].to_numpy(dtype=float),
                                color=color, alpha=0.2, linewidth=0)  # fmt: skip
            ax.plot(x, g[y].to_numpy(dtype=float), color=color, marker="o", markersize=3)
            ax.set_xlim(-margin, len(periods) - 1 + margin)
            # Period labels under the lowest panel of each column only (fewer labels to lay
            # out, more room for the lines); the panels above show the tick marks alone.
            if i + cols >= len(panels):
                ax.set_xticks(ticks, [periods[t] for t in ticks], rotation=60, ha="right")
            else:
                _tick_marks(ax, ticks)
            if i % cols == 0:  # shared axis: label the first column only
                ax.set_ylabel(ylabel or y)
            if name is not None:
                ax.set_title(_short(labels.get(name, name)), y=1.0)
        if (table[y].dropna() >= 0).all():
            # Counts and shares start at zero. Once every panel is drawn: the shared axis then
            # reaches the largest value of any panel (set on the first panel, it froze there).
            axes[0].set_ylim(bottom=0)
        if cols > 1:
            # The columns right of the first share the value axis's limits but not its ticks:
            # their (unlabelled) tick marks are one line each, as the period marks above.
            lo, hi = axes[0].get_ylim()
            close = 1e-10 * abs(hi - lo)  # what matplotlib draws: ticks within the limits
            values = [v for v in axes[0].get_yticks() if lo - close <= v <= hi + close]
            for i, ax in enumerate(axes[: len(panels)]):
                if i % cols:
                    ax.yaxis.major = Ticker()
                    ax.yaxis.set_major_formatter(NullFormatter())
                    _tick_marks(ax, np.asarray(values), axis="y")
        for ax in axes[len(panels) :]:
            ax.set_visible(False)
        if title or note:
            fig.suptitle("\n".join(t for t in (title, f"({note})" if note else "") if t))
        # Laid out once, here: a constrained layout would be solved again for every file saved
        # (a quarter of the time of a 12-panel figure).
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Tight layout not applied", UserWarning)
            fig.tight_layout()
    return fig


def dispersion_plot(
    matches: pd.DataFrame,
    tokens: pd.DataFrame,
    *,
    keys: Sequence[str] | None = None,
    title: str | None = None,
    labels: dict[str, str] | None = None,
    max_docs: int = 20,
) -> Figure:
    """Lexical dispersion: where in each document the matched terms occur.

    One panel per document (x = token position from 0 to the document's length in tokens),
    one row per key; each occurrence is a vertical tick. Like NLTK's ``dispersion_plot`` but
    per document, and fed by the one matcher, so phrases, globs and folding behave as in every
    other table. Works for theme hits and actor mentions too.

    Args:
        matches: a matches table with ``doc_id``, ``tok`` (first token position), ``key``,
            e.g. ``analysis.matching.match(tokens, compile_patterns({t: [t] for t in terms}))``.
        tokens: the tokens table the matches come from (gives each document's length), or a
            table with one row per document, ``doc_id`` and ``n_tokens`` (e.g. the
            ``documents`` table of :func:`analysis.report.study_tables`).
        keys: keys to show, in this order top to bottom (default: sorted keys of ``matches``).
            A key without matches still gets its (empty) row.
        title: figure title.
        labels: document label per doc_id for panel titles (default: the doc_id).
        max_docs: most documents (panels); a larger corpus is an error, since one panel per
            document stops being readable: show hits per group or period instead (e.g.
            :func:`heatmap` of counts, or :func:`trend_chart`).

    Returns:
        The figure.

    Raises:
        ValueError: a missing column; more than ``max_docs`` documents.

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
    if len(doc_ids) > max_docs:
        raise ValueError(
            f"dispersion_plot: {len(doc_ids)} documents is more than max_docs={max_docs}; "
            "plot per group or period instead"
        )
    if "tok" not in tokens.columns and "n_tokens" in tokens.columns:  # one row per document
        lengths = pd.Series(tokens["n_tokens"].to_numpy(), index=tokens["doc_id"].astype(str))
    else:
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
            figsize=_bounded(8.0, max(1.4, 0.28 * len(keys) + 0.8) * n),
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
            ax.set_yticks(np.arange(len(keys)), [_short(k) for k in keys])
            ax.set_ylim(len(keys) - 0.5, -0.5)
            ax.set_xlim(0, int(lengths.get(doc, 1)))
            ax.set_title(_short(labels.get(doc, doc), 2 * MAX_LABEL), loc="left")
        axes[-1].set_xlabel("token position in document")
        if title:
            fig.suptitle(title)
    return fig
