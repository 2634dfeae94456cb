"""Publication dates: parse the forms news pages and databases use, and label periods.

A document's ``date`` is stored as an ISO 8601 string, ``"YYYY-MM-DD"``, or
``"YYYY-MM-DDTHH:MM:SS"`` (plus the UTC offset when the source gives one) when the source gives
a time. :func:`analysis.corpus.load_corpus` parses every ``date`` on load with
:func:`parse_date`, so a study can then count per period: ``by="month"`` (any of
:data:`PERIODS`) works wherever ``by=`` does (see the grouping rule in :mod:`analysis._groups`).

The parsing rule (:func:`parse_date`):

* ISO 8601 and other year-first forms (``2023-12-06``, ``2023-12-06T10:15:00+07:00``,
  ``20231206``, ``2023/12/06``) are always year-month-day.
* Forms with a month name are unambiguous: ``6 December 2023``, ``December 6, 2023``,
  ``Dec. 6, 2023``, ``Wednesday, 6 December 2023, 10:15``.
* All-numeric day/month forms (``06/12/2023``, ``6.12.2023``) are ambiguous: ``dayfirst=True``
  (the default; most of the world and the sample's Vietnamese outlets) reads them day first,
  ``dayfirst=False`` month first (US usage). A form that only fits one reading (``25/12/2023``)
  is read that way whatever ``dayfirst`` says.
* A date without a day (``December 2023``) or anything else is not a date: an error.

Parsing itself is python-dateutil's (installed with pandas); this module only fixes the rule.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal, get_args

import numpy as np
import pandas as pd
from dateutil import parser as _dateutil

from analysis._checks import check_choice

__all__ = ["MONTH_NAMES", "PERIODS", "Period", "WEEKDAY_NAMES", "parse_date", "period_of",
           "auto_period"]  # fmt: skip

#: English month names and their news abbreviations, folded ("Sept. 13", "14 May"): read by
#: the rules that recognise datelines, attributions with a date and capitalised non-names.
MONTH_NAMES: frozenset[str] = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})  # fmt: skip
#: English weekday names, folded.
WEEKDAY_NAMES: frozenset[str] = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})  # fmt: skip

Period = Literal["day", "week", "month", "quarter", "year"]
#: The period names ``by=`` accepts, shortest first.
PERIODS: tuple[str, ...] = get_args(Period)

_YEAR_FIRST = re.compile(r"\s*\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|\d{4})(?:\D|$)")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# Words that stand before a date on news pages and mean nothing to the parser.
_LEAD = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|posted|last\s+updated|modified|date)\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0), datetime(2001, 2, 2, 1, 1, 1))


def _format(dt: datetime, has_time: bool) -> str:
    if not has_time:
        return dt.strftime("%Y-%m-%d")
    return dt.replace(microsecond=0).isoformat()


def parse_date(text: object, *, dayfirst: bool = True) -> str | None:
    """Parse a publication date into an ISO 8601 string (rule in the module docstring).

    Args:
        text: the date as written (``str``), a ``datetime``/``Timestamp``, or a missing value.
        dayfirst: read an ambiguous all-numeric date (``06/12/2023``) day first (True) or month
            first (False).

    Returns:
        ``"YYYY-MM-DD"``, or ``"YYYY-MM-DDTHH:MM:SS"`` (with ``+HH:MM`` when the text has a UTC
        offset; ``Z`` becomes ``+00:00``) when the text gives a time; ``None`` for a missing
        value or blank text.

    Raises:
        ValueError: the text is not a complete date (no day, no year, not a date at all); the
            message quotes it.

    Example:
        >>> [parse_date(s) for s in ["6 December 2023", "Dec. 6, 2023", "06/12/2023", " "]]
        ['2023-12-06', '2023-12-06', '2023-12-06', None]
        >>> parse_date("06/12/2023", dayfirst=False)
        '2023-06-12'
        >>> parse_date("2023-12-06T10:15:00+07:00")
        '2023-12-06T10:15:00+07:00'
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return None
    if isinstance(text, datetime):  # includes pandas.Timestamp
        has_time = (text.hour, text.minute, text.second) != (0, 0, 0) or text.tzinfo is not None
        return _format(text, has_time)
    s = str(text).strip()
    if not s:
        return None
    if _ISO_DAY.match(s):  # the common case, checked without the parser
        try:
            datetime.strptime(s, "%Y-%m-%d")
        except ValueError:
            raise ValueError(f"not a valid date: {s!r}") from None
        return s
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        pass
    else:
        return _format(dt, "T" in s.upper() or " " in s)
    cleaned = _LEAD.sub("", s)
    year_first = bool(_YEAR_FIRST.match(cleaned))
    try:
        a, b = (
            _dateutil.parse(
                cleaned,
                default=d,
                dayfirst=dayfirst and not year_first,
                yearfirst=year_first,
            )
            for d in _DEFAULTS
        )
    except (ValueError, OverflowError):
        raise ValueError(f"not a date: {s!r}") from None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        raise ValueError(f"not a complete date (needs a day, a month and a year): {s!r}")
    return _format(a, a.hour == b.hour)


def _as_days(dates: pd.Series) -> pd.Series:
    """The calendar day of each date (``datetime64``; ``NaT`` where missing or blank)."""
    if pd.api.types.is_datetime64_any_dtype(dates.dtype):
        out = dates.dt.tz_localize(None) if dates.dt.tz is not None else dates
        return out.dt.normalize()
    values = dates.astype(object)
    blank = values.isna().to_numpy() | values.map(lambda v: isinstance(v, str) and not v.strip())
    day = values.where(~blank).map(lambda v: v if pd.isna(v) else str(v).strip()[:10])
    parsed = pd.to_datetime(day, format="%Y-%m-%d", errors="coerce")
    bad = parsed.isna().to_numpy() & ~np.asarray(blank, bool)
    if bad.any():
        shown = ", ".join(repr(v) for v in values[bad].unique()[:5])
        raise ValueError(
            f"dates must be ISO 8601 strings (YYYY-MM-DD...) or datetimes; got {shown} "
            "(load_corpus parses dates on load; or use parse_date)"
        )
    return parsed


def period_of(dates: pd.Series, period: Period) -> pd.Series:
    """Label each date with its period.

    Labels sort in time order as strings: day ``"2023-12-06"``, week ``"2023-W49"`` (ISO 8601
    week, Monday to Sunday; the year is the ISO week-numbering year), month ``"2023-12"``,
    quarter ``"2023-Q4"``, year ``"2023"``. The day of a date with a time is the day as written
    (its local day), whatever the UTC offset.

    Args:
        dates: ISO 8601 date strings (the docs table's ``date``) or ``datetime64`` values;
            missing values and blank strings are allowed.
        period: one of :data:`PERIODS`.

    Returns:
        A Series (``object`` dtype, same index) of ``str`` labels, ``None`` where the date is
        missing.

    Raises:
        ValueError: an unknown ``period``, or a value that is not an ISO date.

    Example:
        >>> dates = pd.Series(["2023-12-06", "2024-01-01T08:00:00+07:00", None])
        >>> period_of(dates, "week").tolist()
        ['2023-W49', '2024-W01', None]
        >>> period_of(dates, "quarter").tolist()
        ['2023-Q4', '2024-Q1', None]
    """
    check_choice("period", period, PERIODS)
    days = _as_days(dates)
    ok = days.notna().to_numpy()
    out = pd.Series([None] * len(days), index=dates.index, dtype=object)
    d = days[ok]
    if period == "day":
        labels = d.dt.strftime("%Y-%m-%d")
    elif period == "week":
        iso = d.dt.isocalendar()
        labels = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    elif period == "month":
        labels = d.dt.strftime("%Y-%m")
    elif period == "quarter":
        labels = d.dt.year.astype(str) + "-Q" + d.dt.quarter.astype(str)
    else:
        labels = d.dt.year.astype(str)
    out[ok] = labels.astype(object).to_numpy()
    return out


def auto_period(dates: pd.Series) -> Period:
    """The period that gives a readable trend for the span of ``dates``.

    Up to 31 days: ``"day"``; up to 26 weeks: ``"week"``; up to 4 years: ``"month"``; up to 12
    years: ``"quarter"``; longer: ``"year"``. No dates at all: ``"day"``.

    Args:
        dates: as for :func:`period_of`.

    Returns:
        One of :data:`PERIODS`.

    Raises:
        ValueError: a value that is not an ISO date.

    Example:
        >>> auto_period(pd.Series(["2023-12-01", "2023-12-06"]))
        'day'
        >>> auto_period(pd.Series(["2021-01-15", "2023-12-06"]))
        'month'
    """
    days = _as_days(dates).dropna()
    if days.empty:
        return "day"
    span = (days.max() - days.min()).days
    if span <= 31:
        return "day"
    if span <= 26 * 7:
        return "week"
    if span <= 4 * 366:
        return "month"
    if span <= 12 * 366:
        return "quarter"
    return "year"
