"""Figures: labels are shown literally."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.plots import bar_chart, heatmap  # noqa: E402


def test_dollar_signs_in_labels_are_literal_not_math_text(tmp_path):
    # An outlet called "$\broken$ Times" made matplotlib's math parser fail the whole report.
    label = r"$\broken$ Times"
    t = pd.DataFrame(
        {"term": [r"cost $5 and $\x^$", "b"], "frequency": [3, 2], "group": [label] * 2}
    )
    fig = bar_chart(t, x="term", y="frequency", by="group")
    fig.savefig(tmp_path / "bars.png")
    assert [ax.get_title() for ax in fig.axes if ax.get_title()] == [label]
    m = pd.DataFrame({"$x": [1.0]}, index=[label])
    heatmap(m, title=label).savefig(tmp_path / "heat.png")


# --------------------------------------------------------------------------- figures that scale


def _outlets(n: int = 20) -> pd.DataFrame:
    rows = []
    for g in range(n):
        for t in range(20):
            rows.append({"term": f"term {t} of a rather long outlet-specific label number {g}",
                         "frequency": 100 - t + g, "group": f"Outlet number {g:02d} $Daily$"})  # fmt: skip
    return pd.DataFrame(rows)


@pytest.mark.slow  # (a 20-panel figure saved: 2 s; make test-all and CI run it)
def test_a_20_outlet_bar_chart_keeps_12_panels_in_a_shared_grid_of_bounded_size(tmp_path):
    from analysis.plots import MAX_FIGSIZE, MAX_GROUPS

    fig = bar_chart(_outlets(), x="term", y="frequency", by="group", title="Top terms")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == MAX_GROUPS == 12
    # the 12 outlets with the largest totals are 08..19, kept in table order
    assert visible[0].get_title() == "Outlet number 08 $Daily$"
    assert "the 12 of 20 group values with the largest total frequency" in fig._suptitle.get_text()
    width, height = fig.get_size_inches()
    assert width <= MAX_FIGSIZE[0] and height <= MAX_FIGSIZE[1]
    assert {ax.get_xlim() for ax in visible} == {visible[0].get_xlim()}  # shared value axis
    labels = [t.get_text() for t in visible[0].get_yticklabels()]
    assert max(map(len, labels)) == 40 and labels[0].endswith("…")
    fig.savefig(tmp_path / "bars.png")


def test_heatmap_of_many_cells_drops_numbers_and_stays_bounded():
    from analysis.plots import MAX_FIGSIZE

    matrix = pd.DataFrame(np.arange(60 * 20).reshape(60, 20), index=[f"actor {i}" for i in range(60)],
                          columns=[f"outlet {j}" for j in range(20)])  # fmt: skip
    fig = heatmap(matrix)
    assert len(fig.axes[0].texts) == 0  # 1,200 cells: no numbers
    width, height = fig.get_size_inches()
    assert width <= MAX_FIGSIZE[0] and height <= MAX_FIGSIZE[1]
    small = heatmap(matrix.iloc[:2, :2])
    assert len(small.axes[0].texts) == 4


def test_keyness_plot_sorts_by_the_statistic_it_draws_target_and_reference_side_by_side():
    from analysis.plots import keyness_plot

    key = pd.DataFrame({"term": ["a", "b", "c", "d", "e"],
                        "statistic": [2.0, -7.0, 9.0, -1.0, 0.0],
                        "log_ratio": [5.0, -1.0, 0.1, -3.0, 0.0]})  # fmt: skip
    ax = keyness_plot(key, n=5, target="after", reference="before", xlabel="G²").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["c", "a", "d", "b"]
    assert [p.get_width() for p in ax.patches] == [9.0, 2.0, -1.0, -7.0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["after", "before"]
    assert ax.get_xlabel() == "G²"
    two = keyness_plot(key.assign(target="X"), by="target", n=1).axes[0]
    assert [t.get_text() for t in two.get_yticklabels()] == ["c", "b"] and two.get_title() == "X"


def test_trend_chart_draws_bands_with_shared_axes_and_thins_period_labels():
    from analysis.plots import trend_chart

    periods = [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 13)]
    t = pd.DataFrame({"period": periods * 2, "key": ["a"] * 24 + ["b"] * 24,
                      "share": np.linspace(0, 1, 48), "share_low": 0.0, "share_high": 1.0})  # fmt: skip
    fig = trend_chart(t, low="share_low", high="share_high", labels={"a": "Alpha"})
    a, b = fig.axes
    assert (a.get_title(), b.get_title()) == ("Alpha", "b")
    assert a.get_ylim() == b.get_ylim() and len(a.collections) == 1  # the band
    assert [x.get_text() for x in a.get_xticklabels()] == periods[::2]
    with pytest.raises(ValueError, match="trend_chart: no column 'n_docs'"):
        trend_chart(t, y="n_docs")


def test_dispersion_plot_refuses_many_documents():
    from analysis.plots import dispersion_plot
    from analysis.text import tokenize

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(25)], "text": ["crime"] * 25})
    hits = pd.DataFrame({"doc_id": ["d1"], "tok": [0], "key": ["crime"]})
    with pytest.raises(ValueError, match="25 documents is more than max_docs=20; plot per group"):
        dispersion_plot(hits, tokenize(docs))


# --------------------------------------------------------------------------- saving


def _save_tight(fig, path, fmt):
    """What save_figure did before it measured the figure once: savefig with
    bbox_inches="tight" (a layout and a measurement per file)."""
    from analysis.plots import style

    meta = {"png": {"Software": None}, "svg": {"Date": None}}[fmt]
    with style():
        fig.savefig(path, format=fmt, metadata=meta, bbox_inches="tight")
    return path.read_bytes()


@pytest.mark.parametrize(
    "kind", [pytest.param("constrained", marks=pytest.mark.slow), "tight_layout"]
)  # the constrained layout takes about 4 s: run by CI
def test_save_figure_lays_out_once_and_writes_the_png_of_a_tight_save(tmp_path, kind):
    # save_figure measures the tight box once (on the PNG renderer) and saves every format
    # with it; the PNG is the one bbox_inches="tight" writes, byte for byte.
    from PIL import Image

    from analysis.plots import save_figure, trend_chart

    if kind == "constrained":

        def make():
            return bar_chart(_outlets(5), x="term", y="frequency", by="group", title="Terms")
    else:
        t = pd.DataFrame({"period": [f"2023-{m:02d}" for m in range(1, 13)] * 3,
                          "key": np.repeat(["a", "b", "c"], 12),
                          "share": np.linspace(0, 1, 36)})  # fmt: skip

        def make():
            return trend_chart(t, title="Shares")

    fig = make()
    engine = fig.get_layout_engine()
    written = save_figure(fig, tmp_path / "new")
    assert fig.get_layout_engine() is engine  # the figure is left as it was
    assert written["png"].read_bytes() == _save_tight(make(), tmp_path / "old.png", "png")
    # One box for every format: the SVG (points, 72 per inch) has the PNG's size (120 dpi).
    width, height = Image.open(written["png"]).size
    svg = written["svg"].read_text(encoding="utf-8")
    svg_w = float(svg.split('width="', 1)[1].split("pt", 1)[0])
    svg_h = float(svg.split('height="', 1)[1].split("pt", 1)[0])
    assert abs(svg_w / 72 - width / 120) < 1 / 60 and abs(svg_h / 72 - height / 120) < 1 / 60
    assert (
        save_figure(make(), tmp_path / "again")["svg"].read_bytes() == written["svg"].read_bytes()
    )


def test_png_encoded_beside_the_svg_is_the_png_savefig_writes(tmp_path):
    # With a format after it, the PNG's pixels are compressed in a thread while the SVG is
    # drawn; the file is the one savefig writes directly (PNG alone), byte for byte.
    from analysis.plots import save_figure, trend_chart

    t = pd.DataFrame({"period": ["2023-01", "2023-02", "2023-03"] * 2,
                      "key": np.repeat(["a", "b"], 3), "share": [0.1, 0.5, 0.2, 0.0, 1.0, 0.4]})  # fmt: skip
    both = save_figure(trend_chart(t), tmp_path / "both")
    alone = save_figure(trend_chart(t), tmp_path / "alone", formats=["png"])
    svg_first = save_figure(trend_chart(t), tmp_path / "svg_first", formats=["svg", "png"])
    assert both["png"].read_bytes() == alone["png"].read_bytes()
    assert svg_first["png"].read_bytes() == alone["png"].read_bytes()
    assert svg_first["svg"].read_bytes() == both["svg"].read_bytes()


def test_trend_chart_draws_unlabelled_tick_marks_as_ticks_would(tmp_path):
    # Panels above the lowest of each column have no x ticks, panels right of the first
    # column no y ticks (a tick is several artists, laid out and drawn in each of 12 panels),
    # but one line of tick-down (tick-left) markers at the tick positions: the picture is the
    # one real ticks without labels give, pixel for pixel.
    from analysis.plots import save_figure, trend_chart

    periods = [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 13)]
    t = pd.DataFrame({"period": periods * 7, "key": np.repeat(list("abcdefg"), 24),
                      "share": np.linspace(0, 1, 168)})  # fmt: skip
    fig = trend_chart(t, title="Shares")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    first = visible[0]
    xticks = list(visible[-1].get_xticks())
    yticks = [v for v in first.get_yticks() if 0 <= v <= first.get_ylim()[1]]
    assert xticks == list(range(0, 24, 2)) and yticks[0] == 0 and len(yticks) >= 3
    assert {ax.get_xlim() for ax in visible} == {first.get_xlim()}  # one period axis
    assert {ax.get_ylim() for ax in visible} == {first.get_ylim()}  # one value axis

    def marks(ax):
        return [ln for ln in ax.get_lines() if ln.get_marker() != "o"]

    for i, ax in enumerate(visible):
        inner_x, inner_y = i < len(visible) - 3, i % 3 > 0
        assert (list(ax.get_xticks()) == []) == inner_x
        assert (list(ax.get_yticks()) == []) == inner_y
        assert len(marks(ax)) == inner_x + inner_y
        assert all(not m.get_in_layout() for m in marks(ax))
    new = save_figure(fig, tmp_path / "marks", formats=["png"])["png"].read_bytes()
    for i, ax in enumerate(visible):  # the same figure with real ticks, labels hidden
        for line in marks(ax):
            line.remove()
        if i < len(visible) - 3:
            ax.set_xticks(xticks, [periods[i] for i in xticks])
            ax.xaxis.set_tick_params(labelbottom=False)
        if i % 3:
            ax.yaxis.major = first.yaxis.major  # shared ticks again
            ax.yaxis.set_tick_params(labelleft=False)
    ticked = save_figure(fig, tmp_path / "ticks", formats=["png"])["png"].read_bytes()
    assert new == ticked


def test_heatmap_numbers_stay_out_of_the_layout_and_change_no_pixel(tmp_path):
    # The cell numbers sit inside their cells: left out of the layout (not measured by the
    # constrained layout and the saved box), the saved picture is the one with them in it.
    from analysis.plots import save_figure

    m = pd.DataFrame(
        np.arange(12.0).reshape(3, 4) * 1000, index=["a", "bb", "ccc"], columns=list("wxyz")
    )
    fig = heatmap(m, fmt="{:.0f}", title="Counts", colorbar_label="n")
    numbers = [t for t in fig.axes[0].texts]
    assert len(numbers) == 12 and not any(t.get_in_layout() for t in numbers)
    out = save_figure(fig, tmp_path / "out", formats=["png"])["png"].read_bytes()
    fig = heatmap(m, fmt="{:.0f}", title="Counts", colorbar_label="n")
    for t in fig.axes[0].texts:
        t.set_in_layout(True)
    assert save_figure(fig, tmp_path / "in", formats=["png"])["png"].read_bytes() == out
