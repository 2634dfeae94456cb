"""Dates: parsing news forms to ISO, period labels, by="month" wherever by= works."""

from pathlib import Path

import pandas as pd
import pytest

from analysis import actor_counts, term_frequency, theme_matrix
from analysis._groups import group_docs
from analysis.corpus import CorpusError, load_corpus
from analysis.dates import PERIODS, auto_period, parse_date, period_of


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2023-12-06", "2023-12-06"),
        ("6 December 2023", "2023-12-06"),
        ("December 6, 2023", "2023-12-06"),
        ("Dec. 6, 2023", "2023-12-06"),
        ("Wednesday, 6 December 2023, 10:15", "2023-12-06T10:15:00"),
        ("2023-12-06T10:15:00+07:00", "2023-12-06T10:15:00+07:00"),
        ("2023-12-06T10:15:00Z", "2023-12-06T10:15:00+00:00"),
        ("2023/12/06", "2023-12-06"),
        ("20231206", "2023-12-06"),
        ("06/12/2023", "2023-12-06"),
        ("6.12.2023", "2023-12-06"),
        ("25/12/2023", "2023-12-25"),
        ("Updated: Dec 6, 2023", "2023-12-06"),
        ("  ", None),
        (None, None),
        (pd.Timestamp("2023-12-06"), "2023-12-06"),
    ],
)
def test_parse_date_forms(text: object, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_dayfirst_decides_only_ambiguous_numeric_dates() -> None:
    assert parse_date("06/12/2023", dayfirst=False) == "2023-06-12"
    assert parse_date("25/12/2023", dayfirst=False) == "2023-12-25"
    assert parse_date("2023-12-06", dayfirst=False) == "2023-12-06"  # ISO: always year first


@pytest.mark.parametrize("text", ["December 2023", "2023", "soon", "2023-02-30", "Wednesday"])
def test_incomplete_or_invalid_dates_are_errors(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text).replace("(", r"\(")):
        parse_date(text)


def test_period_labels() -> None:
    dates = pd.Series(["2023-12-31", "2024-01-01T08:00:00+07:00", "", None], index=[5, 6, 7, 8])
    assert period_of(dates, "day").tolist() == ["2023-12-31", "2024-01-01", None, None]
    assert period_of(dates, "week").tolist() == ["2023-W52", "2024-W01", None, None]
    assert period_of(dates, "month").tolist() == ["2023-12", "2024-01", None, None]
    assert period_of(dates, "quarter").tolist() == ["2023-Q4", "2024-Q1", None, None]
    assert period_of(dates, "year").tolist() == ["2023", "2024", None, None]
    assert period_of(dates, "year").index.tolist() == [5, 6, 7, 8]
    assert PERIODS == ("day", "week", "month", "quarter", "year")
    with pytest.raises(ValueError, match="period='decade' is not allowed"):
        period_of(dates, "decade")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO 8601"):
        period_of(pd.Series(["6 Dec 2023"]), "day")


@pytest.mark.parametrize(
    ("first", "last", "period"),
    [
        ("2023-12-01", "2023-12-31", "day"),
        ("2023-10-01", "2023-12-31", "week"),
        ("2021-01-01", "2023-12-31", "month"),
        ("2015-01-01", "2023-12-31", "quarter"),
        ("1990-01-01", "2023-12-31", "year"),
    ],
)
def test_auto_period(first: str, last: str, period: str) -> None:
    assert auto_period(pd.Series([first, last])) == period
    assert auto_period(pd.Series([], dtype="str")) == "day"


DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c"],
        "text": ["China met ASEAN.", "ASEAN met China again.", "Vietnam spoke."],
        "date": ["2023-12-06", "2023-11-30", ""],
    }
)


def test_group_docs_by_month_uses_the_date_column() -> None:
    groups = group_docs(pd.Index(["a", "b", "c"]), "month", DOCS, dropna=True)
    assert groups.labels == ["2023-11", "2023-12"]
    assert groups.codes.tolist() == [1, 0, -1]
    with pytest.raises(ValueError, match=r"docs\['date'\] \(by='month'\) has no group value .* c"):
        group_docs(pd.Index(["a", "b", "c"]), "month", DOCS)
    with pytest.raises(ValueError, match="is a period of the 'date' column"):
        group_docs(pd.Index(["a"]), "year", DOCS.drop(columns="date"))
    # a column named like a period wins
    named = DOCS.assign(month=["x", "y", "z"])
    assert group_docs(pd.Index(["a", "b", "c"]), "month", named).labels == ["x", "y", "z"]


def test_term_frequency_theme_matrix_actor_counts_accept_by_month() -> None:
    from analysis import find_mentions, tokenize
    from tests.conftest import DATA

    docs = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    docs["date"] = ["2023-12-06", "2023-11-30"]
    tokens = tokenize(docs)
    tf = term_frequency(tokens, by="month", docs=docs)
    assert sorted(tf["group"].unique()) == ["2023-11", "2023-12"]
    mentions = find_mentions(tokens, DATA / "actors" / "asean_china.yml", docs=docs)
    counts = actor_counts(mentions, docs=docs, by="month")
    assert sorted(counts["group"].unique()) == ["2023-11", "2023-12"]


def test_theme_matrix_accepts_by_month() -> None:
    from analysis import code_themes, tokenize
    from tests.conftest import DATA

    docs = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    docs["date"] = ["2023-12-06", "2023-11-30"]
    hits = code_themes(tokenize(docs), DATA / "codebooks" / "asean_china_crime.yml")
    matrix = theme_matrix(hits, docs=docs, by="month")
    assert sorted(matrix["group"].unique()) == ["2023-11", "2023-12"]


def test_load_corpus_parses_dates_by_option(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "doc_id,text,date\na,One text.,6 December 2023\nb,Two.,06/12/2023 10:15\nc,Three.,\n",
        "utf-8",
    )
    docs = load_corpus(path)
    assert docs["date"].tolist() == ["2023-12-06", "2023-12-06T10:15:00", ""]
    assert load_corpus(path, dayfirst=False)["date"].tolist()[1] == "2023-06-12T10:15:00"
    path.write_text("doc_id,text,date\na,One text.,soon\nb,Two.,2023-12-06\n", "utf-8")
    with pytest.raises(CorpusError, match=r"c\.csv: unparseable date .* doc_id a: 'soon'"):
        load_corpus(path)
    with pytest.warns(UserWarning, match=r"c\.csv: 1 unparseable date\(s\) left empty"):
        docs = load_corpus(path, dates="warn")
    assert docs["date"].tolist() == ["", "2023-12-06"]
    with pytest.raises(ValueError, match="dates='skip' is not allowed"):
        load_corpus(path, dates="skip")  # type: ignore[arg-type]
