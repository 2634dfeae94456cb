"""Coverage over time (analysis.trends): hand-computed counts, intervals and period keyness."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.text import tokenize
from analysis.trends import period_groups, period_keyness, period_range, resolve_period, trend


def _docs():
    return pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3", "d4"],
            "date": ["2023-11-30", "2023-12-06", "2023-12-20T10:00:00", "2024-02-01"],
            "text": ["Crime rose.", "Crime and crime.", "Police acted.", "Calm."],
        }
    )


def test_documents_and_words_per_month_with_an_empty_month_kept():
    docs = _docs()
    out = trend(docs, tokens=tokenize(docs), by="month")
    assert out.to_dict("list") == {
        "period": ["2023-11", "2023-12", "2024-01", "2024-02"],
        "n_docs": [1, 2, 0, 1],
        "n_words": [2, 5, 0, 1],
    }
    assert out["n_docs"].dtype == "int64" and out["n_words"].dtype == "int64"


def test_theme_rows_per_period_with_wilson_and_poisson_intervals():
    docs = _docs()
    hits = pd.DataFrame({"doc_id": ["d1", "d2", "d2"], "theme": ["crime"] * 3})
    out = trend(hits, docs=docs, tokens=tokenize(docs), by="quarter", keys=["crime", "police"])
    assert out[["period", "key", "count", "docfreq", "n_docs", "n_words"]].to_dict("list") == {
        "period": ["2023-Q4", "2023-Q4", "2024-Q1", "2024-Q1"],
        "key": ["crime", "police", "crime", "police"],
        "count": [3, 0, 0, 0],
        "docfreq": [2, 0, 0, 0],
        "n_docs": [3, 3, 1, 1],
        "n_words": [7, 7, 1, 1],
    }
    first = out.iloc[0]
    assert first["share"] == pytest.approx(2 / 3)
    # Wilson 95 % for 2 of 3 (z = 1.959964): 0.2077 .. 0.9385
    assert first["share_low"] == pytest.approx(0.20765, abs=1e-4)
    assert first["share_high"] == pytest.approx(0.93852, abs=1e-4)
    assert first["per_1k_words"] == pytest.approx(3000 / 7)
    # Garwood exact Poisson 95 % for 3 events: 0.6187 .. 8.7673, per 7 words * 1000
    assert first["rate_low"] == pytest.approx(0.61867 * 1000 / 7, rel=1e-4)
    assert first["rate_high"] == pytest.approx(8.76727 * 1000 / 7, rel=1e-4)
    assert out.iloc[1]["rate_low"] == 0.0


def test_mentions_use_the_actor_id_column_and_auto_period_follows_the_span():
    docs = _docs()
    mentions = pd.DataFrame({"doc_id": ["d3", "d4"], "actor_id": ["police", "police"]})
    out = trend(mentions, docs=docs, by="auto")  # 63 days: weeks
    assert resolve_period(docs["date"]) == "week"
    assert out["period"].iloc[0] == "2023-W48" and out["period"].iloc[-1] == "2024-W05"
    assert len(out) == 10 and out["count"].sum() == 2


def test_documents_without_a_date_are_named_unless_dropna():
    docs = _docs()
    docs.loc[1, "date"] = None
    with pytest.raises(ValueError, match=r"1 document\(s\) have no date: d2.*dropna=True"):
        trend(docs, by="month")
    assert trend(docs, by="month", dropna=True)["n_docs"].tolist() == [1, 1, 0, 1]
    with pytest.raises(ValueError, match="no 'date' column"):
        trend(docs.drop(columns="date"), by="month")
    with pytest.raises(ValueError, match="by='fortnight' is not allowed"):
        trend(docs, by="fortnight")  # type: ignore[arg-type]


def test_period_range_and_groups():
    assert period_range(pd.Series(["2023-12-30", "2024-01-02"]), "day") == [
        "2023-12-30", "2023-12-31", "2024-01-01", "2024-01-02",
    ]  # fmt: skip
    assert period_range(pd.Series([None], dtype=object), "day") == []
    docs = _docs()
    groups = period_groups(docs, {"before": ["2023-11-01", "2023-12-05"],
                                  "after": ["2023-12-06", "2023-12-31"]})  # fmt: skip
    assert groups.to_dict() == {"d1": "before", "d2": "after", "d3": "after"}
    with pytest.raises(ValueError, match="'a' and 'b' overlap"):
        period_groups(docs, {"a": ["2023-01-01", "2023-06-30"], "b": ["2023-06-30", "2023-12-31"]})
    with pytest.raises(ValueError, match="'a' ends .* before it starts"):
        period_groups(docs, {"a": ["2023-02-01", "2023-01-01"]})


def test_period_keyness_after_against_before():
    docs = _docs()
    periods = {"before": ["2023-11-01", "2023-12-05"], "after": ["2023-12-06", "2023-12-31"]}
    key = period_keyness(tokenize(docs), docs=docs, periods=periods)
    assert set(key["target"]) == {"after"} and set(key["reference"]) == {"before"}
    rose = key.set_index("term").loc["rose"]
    # "rose": 0 of 5 after, 1 of 2 before -> more frequent in the reference (negative).
    assert (rose["n_target"], rose["n_reference"]) == (0, 1) and rose["statistic"] < 0
    assert not math.isnan(rose["log_ratio"])
    with pytest.raises(ValueError, match="no document dated in 'later'"):
        period_keyness(tokenize(docs), docs=docs,
                       periods={"before": periods["before"], "later": ["2025-01-01", "2025-02-01"]})  # fmt: skip
    with pytest.raises(ValueError, match="exactly two periods"):
        period_keyness(tokenize(docs), docs=docs, periods={"before": periods["before"]})


@pytest.mark.slow
def test_reports_degrade_with_notes_on_one_undated_document_without_codebook(tmp_path):
    """Issue 15 item 3: one document, one group, no dates, no codebook, no date/title columns."""
    from analysis.report import run_report
    from tests.report_helpers import DATA, NOTEBOOKS, write_study

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        "Crime <script>alert(1)</script> fell. Cooperation helped.\n", encoding="utf-8"
    )
    (tmp_path / "meta.csv").write_text("doc_id,file,outlet\nA,a.txt,$Daily$\n", encoding="utf-8")
    study = write_study(
        tmp_path,
        f"""\
        name: degrade
        corpus: {{source: raw, metadata: meta.csv}}
        group: outlet
        actors: {DATA / "actors" / "asean_china.yml"}
        notebooks: {NOTEBOOKS}
        """,
    )
    report = run_report(study, out=tmp_path / "reports",
                        only=["00_overview", "01_terms", "02_themes", "04_trends"])  # fmt: skip
    pages = {p.stem: p.read_text(encoding="utf-8") for p in report.glob("0*.html")}
    assert "The metadata has no date or title column" in pages["00_overview"]
    assert "Only one group ($Daily$): keyness" in pages["01_terms"]
    assert "The study names no codebook" in pages["02_themes"]
    assert "The documents have no dates" in pages["04_trends"]
    for name, page in pages.items():
        assert "PosixPath(" not in page, name
        assert "Traceback" not in page and "<script>alert(1)" not in page, name
