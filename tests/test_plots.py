"""Figures: labels are shown literally."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

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
