"""Coverage over time: documents, words, theme hits and actor mentions per period; keyness
between two periods.

Periods are those of :mod:`analysis.dates` (``"day"``, ``"week"``, ``"month"``, ``"quarter"``,
``"year"``, labelled ``"2023-12-06"``, ``"2023-W49"``, ``"2023-12"``, ``"2023-Q4"``, ``"2023"``),
taken from the docs table's ``date`` column; ``"auto"`` picks one by the span of the dates
(:func:`analysis.dates.auto_period`). Every period between the first and the last date is a row,
with zeros where nothing was published: a gap in coverage is data.

Shares of documents come with a Wilson score interval, rates per 1,000 words with an exact
(Garwood) Poisson interval, so a rise in a month with three articles reads as what it is.

A document without a date is an error naming it, unless ``dropna=True`` leaves it out (the
grouping rule, see :mod:`analysis._groups`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
from scipy import stats

from analysis._aggregate import distinct
from analysis._checks import check_choice
from analysis.dates import PERIODS, auto_period, period_of

__all__ = ["PeriodChoice", "resolve_period", "period_range", "trend", "period_groups",
           "period_keyness"]  # fmt: skip

PeriodChoice = Literal["day", "week", "month", "quarter", "year", "auto"]
_PERIOD_CHOICES: tuple[str, ...] = get_args(PeriodChoice)
_KEY_COLUMNS = ("theme", "actor_id", "key")


def _dates(docs: pd.DataFrame, where: str) -> pd.Series:
    if "date" not in docs.columns:
        raise ValueError(f"{where}: the docs table has no 'date' column (documents have no dates)")
    return pd.Series(docs["date"].to_numpy(), index=docs["doc_id"].astype(str).to_numpy())


def _unique_dates(dates: pd.Series) -> pd.Series:
    """The distinct values of ``dates`` (missing ones kept once), in order of appearance."""
    return pd.Series(pd.unique(pd.Series(dates).to_numpy()))


def _period_labels(dates: pd.Series, period: str) -> np.ndarray:
    """``period_of`` of each date (object array, None where missing), each distinct date
    labelled once: a corpus of 16,000 documents has a few hundred dates."""
    codes, uniques = pd.factorize(pd.Series(dates).to_numpy())
    labels = period_of(pd.Series(uniques), period).to_numpy(object)  # type: ignore[arg-type]
    out = np.full(len(codes), None, dtype=object)
    found = codes >= 0
    out[found] = labels[codes[found]]
    return out


def resolve_period(dates: pd.Series, by: PeriodChoice = "auto") -> str:
    """The period to use: ``by`` itself, or for ``"auto"`` the one that suits the span.

    Args:
        dates: ISO 8601 date strings (missing ones allowed).
        by: one of ``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"year"``, ``"auto"``.

    Returns:
        One of :data:`analysis.dates.PERIODS`.

    Raises:
        ValueError: an unknown ``by``.

    Example:
        >>> resolve_period(pd.Series(["2023-01-01", "2023-12-31"]))
        'month'
        >>> resolve_period(pd.Series(["2023-01-01"]), "year")
        'year'
    """
    check_choice("by", by, _PERIOD_CHOICES)
    return auto_period(_unique_dates(dates)) if by == "auto" else by


def period_range(dates: pd.Series, period: str) -> list[str]:
    """Every period label from the first to the last date, in time order (gaps included).

    Args:
        dates: ISO 8601 date strings (missing ones are ignored).
        period: one of :data:`analysis.dates.PERIODS`.

    Returns:
        The labels; ``[]`` when there is no date.

    Example:
        >>> period_range(pd.Series(["2023-11-20", "2024-02-01", None]), "month")
        ['2023-11', '2023-12', '2024-01', '2024-02']
    """
    check_choice("period", period, PERIODS)
    dates = _unique_dates(dates)  # a corpus has far fewer dates than documents
    labels = period_of(dates, period).dropna()  # type: ignore[arg-type]
    if labels.empty:
        return []
    days = pd.to_datetime(dates.dropna().astype(str).str.strip().str[:10], format="%Y-%m-%d")
    every_day = pd.Series(pd.date_range(days.min(), days.max(), freq="D"))
    return list(pd.unique(period_of(every_day, period)))  # type: ignore[arg-type]


def _doc_periods(docs: pd.DataFrame, period: str, dropna: bool, where: str) -> pd.Series:
    """Period label per doc_id (index), documents without a date left out or an error."""
    dates = _dates(docs, where)
    labels = pd.Series(_period_labels(dates, period), index=dates.index, dtype=object)
    missing = labels.isna()
    if missing.any() and not dropna:
        ids = list(labels.index[missing])
        shown = ", ".join(ids[:5]) + (f" (and {len(ids) - 5} more)" if len(ids) > 5 else "")
        raise ValueError(
            f"{where}: {len(ids)} document(s) have no date: {shown}; "
            "pass dropna=True to leave them out"
        )
    return labels[~missing]


def _wilson(k: np.ndarray, n: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    z = stats.norm.ppf(0.5 + confidence / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    empty = n == 0
    return np.where(empty, np.nan, centre - half), np.where(empty, np.nan, centre + half)


def _poisson_rate(
    k: np.ndarray, words: np.ndarray, confidence: float
) -> tuple[np.ndarray, np.ndarray]:
    alpha = 1 - confidence
    low = np.where(k > 0, stats.chi2.ppf(alpha / 2, 2 * k) / 2, 0.0)
    high = stats.chi2.ppf(1 - alpha / 2, 2 * (k + 1)) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(words > 0, 1000.0 / words, np.nan)
    return low * scale, high * scale


def _words_per_doc(tokens: pd.DataFrame) -> pd.Series:
    from analysis.text import is_punct

    words = pd.Series(~np.asarray(is_punct(tokens), bool), index=tokens["doc_id"].astype(str))
    return words.groupby(level=0, sort=False).sum().astype("int64")


def _n_words_column(docs: pd.DataFrame, where: str) -> pd.Series | None:
    """Words per doc_id (index) from the docs table's ``n_words`` column; None without one."""
    if "n_words" not in docs.columns:
        return None
    values = docs["n_words"]
    missing = values.isna().to_numpy()
    if missing.any():
        ids = docs["doc_id"].astype(str).to_numpy()[missing]
        raise ValueError(
            f"{where}: the docs table's 'n_words' is missing for {len(ids)} document(s): "
            f"{', '.join(ids[:5])}"
        )
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(np.float64)
    if np.isnan(numbers).any() or (numbers != np.round(numbers)).any() or (numbers < 0).any():
        raise ValueError(f"{where}: the docs table's 'n_words' must be whole numbers of at least 0")
    return pd.Series(numbers.astype(np.int64), index=docs["doc_id"].astype(str).to_numpy())


def trend(
    table: pd.DataFrame,
    *,
    docs: pd.DataFrame | None = None,
    tokens: pd.DataFrame | None = None,
    by: PeriodChoice = "month",
    key: str | None = None,
    keys: Iterable[str] | None = None,
    dropna: bool = False,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Counts per period: of documents and words, or of the rows of a hits/mentions table.

    With the docs table as ``table`` (no key column): documents (and, with word counts, words)
    per period. With a table of rows that carry a ``doc_id`` and a key (theme hits from
    ``code_themes``: ``theme``; actor mentions from ``find_mentions``: ``actor_id``; any
    matches table: ``key``): per period and key, the rows, the documents with at least one
    row, their share of the period's documents with a Wilson interval and, with word counts,
    the rate per 1,000 words with an exact Poisson interval. Word counts come from ``tokens``,
    or without tokens from an ``n_words`` column of the docs table (a per-document overview
    of a corpus counted chunk by chunk); both give the same table. Every period from the first
    to the last date and every key is a row (zeros included). Periods follow the grouping
    rule's period ``by`` (see :mod:`analysis._groups`; documents without a date: ``dropna``).

    Args:
        table: the docs table, or a table with ``doc_id`` and a key column; not modified.
        docs: the docs table with ``doc_id`` and ``date`` (default: ``table``, when it is one).
            An integer ``n_words`` column (word tokens per document, punctuation not counted)
            is used for word counts and rates per 1,000 words when ``tokens`` is not given.
        tokens: its tokens table, for word counts and rates per 1,000 words (counted as
            non-punctuation tokens; takes precedence over ``docs["n_words"]``).
        by: ``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"year"`` or ``"auto"`` (by the
            span of the dates, :func:`analysis.dates.auto_period`).
        key: the key column (default: the first of ``theme``, ``actor_id``, ``key`` present).
        keys: keys to show, in this order (default: those in ``table``, sorted); a key with no
            rows gets zero rows, e.g. every theme of the codebook.
        dropna: leave documents without a date out (otherwise an error naming them).
        confidence: level of the intervals.

    Returns:
        Documents: ``period`` (str), ``n_docs`` (int64) and, with word counts (``tokens`` or
        ``docs["n_words"]``), ``n_words`` (int64). Rows per key: ``period`` (str), ``key``
        (str), ``count`` (int64, rows), ``docfreq`` (int64, documents with a row), ``n_docs``
        (int64, documents in the period), ``share`` (float64, docfreq / n_docs; NaN without
        documents), ``share_low``, ``share_high`` (float64, Wilson interval) and, with word
        counts, ``n_words`` (int64),
        ``per_1k_words`` (float64), ``rate_low``, ``rate_high`` (float64, Poisson interval).
        Sorted by period, then key.

    Raises:
        ValueError: an unknown ``by``; no ``date`` column; a document without a date (unless
            ``dropna``); a key column that is missing; a row whose document is not in ``docs``
            or, with a key column, a ``doc_id`` that occurs twice in ``docs``;
            without ``tokens``, an ``n_words`` column that is not whole numbers or has a
            missing value.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"],
        ...                      "date": ["2023-11-30", "2023-12-06", "2024-02-01"],
        ...                      "text": ["Crime rose.", "Crime and crime.", "Calm."]})
        >>> trend(docs, tokens=tokenize(docs))
            period  n_docs  n_words
        0  2023-11       1        2
        1  2023-12       1        3
        2  2024-01       0        0
        3  2024-02       1        1
        >>> hits = pd.DataFrame({"doc_id": ["d1", "d2", "d2"], "theme": ["crime"] * 3})
        >>> trend(hits, docs=docs, by="quarter")[["period", "key", "count", "docfreq", "n_docs"]]
            period    key  count  docfreq  n_docs
        0  2023-Q4  crime      3        2       2
        1  2024-Q1  crime      0        0       1
        >>> overview = docs.drop(columns="text").assign(n_words=[2, 3, 1])
        >>> trend(hits, docs=overview, by="quarter")[["period", "count", "n_words", "per_1k_words"]]
            period  count  n_words  per_1k_words
        0  2023-Q4      3        5         600.0
        1  2024-Q1      0        1           0.0
    """
    where = "trend"
    check_choice("by", by, _PERIOD_CHOICES)
    if not 0 < confidence < 1:
        raise ValueError(f"{where}: confidence={confidence!r} must be between 0 and 1")
    if "doc_id" not in table.columns:
        raise ValueError(f"{where}: the table has no 'doc_id' column")
    if key is None:
        key = next((c for c in _KEY_COLUMNS if c in table.columns), None)
    elif key not in table.columns:
        raise ValueError(
            f"{where}: no key column {key!r} (columns: {', '.join(map(str, table.columns))})"
        )
    if docs is None:
        if key is not None:
            raise ValueError(f"{where}: pass the docs table (with 'date') as docs=")
        docs = table
    _dates(docs, where)
    period = resolve_period(pd.Series(docs["date"].to_numpy()) if "date" in docs.columns
                            else pd.Series([], dtype=object), by)  # fmt: skip
    doc_period = _doc_periods(docs, period, dropna, where)
    labels = period_range(pd.Series(docs["date"].to_numpy()), period)
    n_docs = doc_period.value_counts().reindex(labels, fill_value=0).astype("int64")
    words = None
    per_doc = _words_per_doc(tokens) if tokens is not None else _n_words_column(docs, where)
    if per_doc is not None:
        per_doc = per_doc.reindex(doc_period.index, fill_value=0)
        words = per_doc.groupby(doc_period.to_numpy()).sum().reindex(labels, fill_value=0)
        words = words.astype("int64")
    if key is None:
        out = pd.DataFrame({"period": pd.Series(labels, dtype=object).astype(str),
                            "n_docs": n_docs.to_numpy()})  # fmt: skip
        if words is not None:
            out["n_words"] = words.to_numpy()
        return out
    doc_ids = pd.Index(docs["doc_id"].astype(str))
    if not doc_ids.is_unique:
        twice = list(dict.fromkeys(doc_ids[doc_ids.duplicated()]))
        raise ValueError(
            f"{where}: doc_id values occur more than once in docs: {', '.join(twice[:5])}"
        )
    # Counted on integer codes (a million hits, a few thousand documents and keys): each
    # distinct doc_id and key is looked up once, each document's period found once.
    doc_code = np.full(len(doc_ids), -1, np.int64)  # period position; -1: left out (dropna)
    doc_code[doc_ids.get_indexer(doc_period.index)] = pd.Index(labels).get_indexer(doc_period)
    row_doc, doc_values = pd.factorize(table["doc_id"], use_na_sentinel=False)
    doc_names = pd.Index(doc_values).astype(str)
    doc_at = doc_ids.get_indexer(doc_names)
    if (doc_at < 0).any():
        unknown = list(dict.fromkeys(doc_names[doc_at < 0]))
        raise ValueError(f"{where}: rows name documents not in docs: {', '.join(unknown[:5])}")
    row_doc = doc_at[row_doc]
    row_key, key_values = pd.factorize(table[key], use_na_sentinel=False)
    as_text, key_names = pd.factorize(pd.Index(key_values).astype(str))  # 1 and "1": one key
    row_key = as_text[row_key]
    row_period = doc_code[row_doc]
    kept = row_period >= 0
    row_doc, row_key, row_period = row_doc[kept], row_key[kept], row_period[kept]
    n_keys, n_periods = len(key_names), len(labels)
    if keys is not None:
        key_order = list(keys)
    else:  # the keys of the rows kept, sorted
        key_order = sorted(key_names[np.bincount(row_key, minlength=len(key_names)) > 0])
    cells = n_periods * n_keys
    # One trailing zero cell: where a period/key pair has no row (or the key no code).
    count = np.bincount(row_period * n_keys + row_key, minlength=cells + 1)
    pairs = distinct(row_doc * n_keys + row_key)  # (document, key) with at least one row
    pair_doc, pair_key = np.divmod(pairs, max(n_keys, 1))
    docfreq = np.bincount(doc_code[pair_doc] * n_keys + pair_key, minlength=cells + 1)
    key_at = {k: i for i, k in enumerate(key_names)}
    shown = np.array([key_at.get(k, -1) for k in key_order], dtype=np.int64)
    cell = np.arange(n_periods, dtype=np.int64)[:, None] * n_keys + shown[None, :]
    cell = np.where(shown[None, :] >= 0, cell, cells).ravel()
    out = pd.DataFrame(
        {
            "period": np.repeat(np.asarray(labels, dtype=object), len(key_order)),
            "key": np.tile(np.asarray(key_order, dtype=object), n_periods),
        }
    ).astype({"period": str, "key": str})
    out["count"] = count[cell].astype("int64")
    out["docfreq"] = docfreq[cell].astype("int64")
    out["n_docs"] = n_docs.reindex(out["period"]).to_numpy().astype("int64")
    k = out["docfreq"].to_numpy(float)
    n = out["n_docs"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(n > 0, k / n, np.nan)
    out["share_low"], out["share_high"] = _wilson(k, n, confidence)
    if words is not None:
        w = words.reindex(out["period"]).to_numpy().astype("int64")
        c = out["count"].to_numpy(float)
        out["n_words"] = w
        with np.errstate(divide="ignore", invalid="ignore"):
            out["per_1k_words"] = np.where(w > 0, 1000.0 * c / w, np.nan)
        out["rate_low"], out["rate_high"] = _poisson_rate(c, w.astype(float), confidence)
    return out


def _day(value: Any, where: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def period_groups(
    docs: pd.DataFrame, periods: Mapping[str, Sequence[Any]], *, source: str = "periods"
) -> pd.Series:
    """Which of the named periods (date windows) each document falls in.

    Args:
        docs: the docs table with ``doc_id`` and ``date``.
        periods: ``{name: [first day, last day]}`` (both inclusive; ISO dates or
            ``datetime.date``), e.g. the study file's ``periods:``.
        source: what to name in error messages (e.g. ``"study.yml: periods"``).

    Returns:
        A Series indexed by ``doc_id`` (str) with the period name; documents outside every
        window (or without a date) are left out. Usable as ``by=`` of every function.

    Raises:
        ValueError: a window that is not two dates, ends before it starts, or overlaps another;
            no ``date`` column.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"],
        ...                      "date": ["2023-11-30", "2023-12-06", None]})
        >>> period_groups(docs, {"before": ["2023-11-01", "2023-12-05"],
        ...                      "after": ["2023-12-06", "2023-12-31"]}).to_dict()
        {'d1': 'before', 'd2': 'after'}
    """
    windows = []
    for name, window in periods.items():
        if isinstance(window, str) or len(window) != 2:
            raise ValueError(f"{source}: {name!r} must be [first day, last day], got {window!r}")
        first, last = (_day(v, f"{source}: {name!r}") for v in window)
        if last < first:
            raise ValueError(f"{source}: {name!r} ends ({last.date()}) before it starts "
                             f"({first.date()})")  # fmt: skip
        windows.append((str(name), first, last))
    for i, (a, a0, a1) in enumerate(windows):
        for b, b0, b1 in windows[i + 1 :]:
            if a0 <= b1 and b0 <= a1:
                raise ValueError(f"{source}: periods {a!r} and {b!r} overlap")
    dates = _dates(docs, source)
    present = dates.notna().to_numpy() & (dates.astype(str).str.strip() != "").to_numpy()
    days = pd.Series(pd.NaT, index=dates.index, dtype="datetime64[ns]")
    days[present] = pd.to_datetime(
        dates[present].astype(str).str.strip().str[:10], format="%Y-%m-%d"
    ).to_numpy()
    out = pd.Series(None, index=dates.index, dtype=object)
    for name, first, last in windows:
        out[(days >= first) & (days <= last)] = name
    return out.dropna()


def period_keyness(
    tokens: pd.DataFrame,
    *,
    docs: pd.DataFrame,
    periods: Mapping[str, Sequence[Any]],
    target: str | None = None,
    measure: str = "g2",
    stopwords: Iterable[str] | None = None,
    source: str = "periods",
) -> pd.DataFrame:
    """Keyness of one period (target) against another (reference), e.g. after vs. before.

    Documents outside both windows are left out of both sides.

    Args:
        tokens: the tokens table.
        docs: the docs table with ``doc_id`` and ``date``.
        periods: two windows ``{name: [first day, last day]}`` (see :func:`period_groups`).
        target: the target period's name (default: the second one, e.g. ``after``).
        measure: as for :func:`analysis.keyness` (``"chi2"``, ``"g2"``, ``"fisher"``, ``"pmi"``).
        stopwords: terms to leave out.
        source: what to name in error messages.

    Returns:
        The keyness table (columns as :func:`analysis.keyness`) with ``target`` and
        ``reference`` (str) columns naming the periods.

    Raises:
        ValueError: not exactly two periods; an unknown target; a period without documents.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2"], "date": ["2023-12-01", "2023-12-07"],
        ...                      "text": ["Crime talks.", "Cooperation talks."]})
        >>> key = period_keyness(tokenize(docs), docs=docs,
        ...                      periods={"before": ["2023-12-01", "2023-12-05"],
        ...                               "after": ["2023-12-06", "2023-12-31"]})
        >>> key.loc[key["statistic"] > 0, ["term", "target", "reference"]].to_dict("records")
        [{'term': 'cooperation', 'target': 'after', 'reference': 'before'}]
    """
    from analysis.keyterms import keyness

    names = [str(n) for n in periods]
    if len(names) != 2:
        raise ValueError(f"{source}: keyness needs exactly two periods, got {len(names)}")
    target = names[1] if target is None else target
    if target not in names:
        raise ValueError(f"{source}: no period {target!r} (periods: {', '.join(names)})")
    reference = next(n for n in names if n != target)
    groups = period_groups(docs, periods, source=source)
    empty = [n for n in names if not (groups == n).any()]
    if empty:
        raise ValueError(f"{source}: no document dated in {', '.join(map(repr, empty))}")
    key = keyness(tokens, target, by=groups, docs=docs, dropna=True, measure=measure,  # type: ignore[arg-type]
                  stopwords=stopwords)  # fmt: skip
    return key.assign(target=target, reference=reference)
