"""Validate automatic theme coding against hand coding, and measure inter-coder agreement.

Two questions a study has to answer before trusting a dictionary (codebook) of themes:

1. **Does the dictionary find what human coders find?** :func:`load_gold` reads a hand-coded
   gold file and :func:`score_against_gold` compares the theme hits with it: precision, recall
   and F1 per theme, plus micro and macro averages.
2. **Do the coders (or the dictionary and a coder) agree beyond chance?** :func:`agreement`
   reports percent agreement, Cohen's kappa, Scott's pi, Fleiss' kappa, Bennett's S and
   Krippendorff's alpha for a long ``unit_id, coder, code`` table; :func:`codings_from_hits`
   builds such a table from hits and gold, one theme at a time.

Gold files are CSV (UTF-8, a byte-order mark is allowed) in one of two forms:

* **sentence gold**, ``doc_id, sent, theme``: one row per sentence and theme a coder marked.
  ``sent`` is the 1-based sentence number used by :func:`analysis.text.tokenize`. A row with
  an empty ``theme`` says "this sentence was coded and has no theme"; list every coded sentence
  so that false positives on theme-less sentences are counted.
* **multi-coder gold**, ``unit_id, coder, code``: one row per unit and coder (an empty ``code``
  is a missing value), the input of :func:`agreement`.

References: Artstein & Poesio (2008), "Inter-coder agreement for computational linguistics",
*Computational Linguistics* 34(4); Krippendorff (2011), "Computing Krippendorff's
alpha-reliability"; Fleiss (1971), "Measuring nominal scale agreement among many raters".
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from nltk.metrics.agreement import AnnotationTask

from analysis._checks import check_choice as _check_choice
from analysis._checks import require_columns as _require_columns
from analysis._io import csv_rows, read_text
from analysis.schema import SCHEMAS, conform

__all__ = [
    "GOLD_SENTENCE_COLUMNS",
    "GOLD_CODER_COLUMNS",
    "load_gold",
    "score_against_gold",
    "codings_from_hits",
    "agreement",
    "krippendorff_alpha",
]

GOLD_SENTENCE_COLUMNS: tuple[str, ...] = tuple(SCHEMAS["gold_sentences"])
GOLD_CODER_COLUMNS: tuple[str, ...] = tuple(SCHEMAS["gold_coders"])

Unit = Literal["sentence", "doc"]
Level = Literal["nominal", "ordinal", "interval", "ratio"]
UNITS: tuple[str, ...] = ("sentence", "doc")
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")

SCORE_COLUMNS: tuple[str, ...] = tuple(SCHEMAS["scores"])
MICRO, MACRO = "micro avg", "macro avg"

_POSITIVE_INT = re.compile(r"[0-9]+")
_MAX_LISTED = 5  # error messages list at most this many offending lines/keys


def _lines(lines: Sequence[int]) -> str:
    shown = ", ".join(map(str, lines[:_MAX_LISTED]))
    more = f" and {len(lines) - _MAX_LISTED} more" if len(lines) > _MAX_LISTED else ""
    return f"line {shown}" if len(lines) == 1 else f"lines {shown}{more}"


# --------------------------------------------------------------------------- gold files


def _read_csv_rows(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, stripped rows and the file line each row starts on (via the one reader)."""

    def fail(line: int | None, problem: str) -> ValueError:
        if problem.startswith("not valid UTF-8"):
            problem += " (in Excel: 'CSV UTF-8')"
        elif problem.endswith("is empty"):
            problem = (
                "file is empty; a gold file needs a header row, "
                f"{','.join(GOLD_SENTENCE_COLUMNS)} or {','.join(GOLD_CODER_COLUMNS)}"
            )
        elif problem == "no header row":
            problem += f"; expected {','.join(GOLD_SENTENCE_COLUMNS)}"
        where = (
            f"{path}, line {line}" if line and not problem.startswith("not valid") else str(path)
        )
        return ValueError(f"{where}: {problem}")

    _, _, text = read_text(path, kind="gold", fail=fail)
    return csv_rows(text, fail=fail)


def load_gold(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a hand-coded gold file (CSV) and check it.

    The form is recognised from the header: ``doc_id, sent, theme`` (sentence gold) or
    ``unit_id, coder, code`` (multi-coder gold). Column order does not matter and extra columns
    are kept (after the required ones). Cells are stripped of surrounding spaces, blank lines are
    skipped, and the file is only read, never changed.

    Args:
        path: the CSV file, UTF-8 encoded (a byte-order mark is allowed).

    Returns:
        For sentence gold, one row per file row with columns ``doc_id`` (str), ``sent`` (int64,
        1-based sentence number as in :func:`analysis.text.tokenize`) and ``theme`` (str; missing
        for a row that says "coded, no theme"). For multi-coder gold, columns ``unit_id``,
        ``coder`` (str) and ``code`` (str; missing where the cell is empty), ready for
        :func:`agreement`. Extra columns follow as str.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ValueError: the file is a directory, is not UTF-8 (the message gives the byte offset and
            line), is empty or has no data rows, lacks the columns of both forms, has a row with
            more fields than the header, a blank ``doc_id`` (or ``unit_id``/``coder``), or a
            ``sent`` that is not a positive integer. Messages name the file and the line.

    Example:
        >>> gold = load_gold("data/gold/themes.csv")  # doctest: +SKIP
        >>> gold.columns.tolist()  # doctest: +SKIP
        ['doc_id', 'sent', 'theme']
    """
    p = Path(path)
    header, rows, starts = _read_csv_rows(p)

    present = set(header)
    if present.issuperset(GOLD_SENTENCE_COLUMNS):
        required = GOLD_SENTENCE_COLUMNS
    elif present.issuperset(GOLD_CODER_COLUMNS):
        required = GOLD_CODER_COLUMNS
    else:
        # Name what is missing for the form the header resembles most.
        closest = max(
            (GOLD_SENTENCE_COLUMNS, GOLD_CODER_COLUMNS), key=lambda cols: len(present & set(cols))
        )
        missing = [c for c in closest if c not in present]
        raise ValueError(
            f"{p}: missing column(s) {', '.join(map(repr, missing))}; a gold file has the columns "
            f"{', '.join(GOLD_SENTENCE_COLUMNS)} (sentence gold) or "
            f"{', '.join(GOLD_CODER_COLUMNS)} (multi-coder gold); found: {', '.join(header)}"
        )
    if not rows:
        raise ValueError(f"{p}: has a header but no rows of codes")

    columns = list(required) + [h for h in header if h not in required]
    table = {h: [row[i] for row in rows] for i, h in enumerate(header)}

    # Blank keys would silently never match the corpus, so they are errors, not missing values.
    for key in ("doc_id", "unit_id", "coder"):
        if key not in required:
            continue
        blank = [line for line, value in zip(starts, table[key], strict=True) if not value]
        if blank:
            raise ValueError(f"{p}, {_lines(blank)}: blank {key}; every row needs a {key}")

    out: dict[str, Any] = {}
    for col in columns:
        values = table[col]
        if col == "sent":
            bad = [
                (line, v)
                for line, v in zip(starts, values, strict=True)
                if not _POSITIVE_INT.fullmatch(v) or int(v) == 0
            ]
            if bad:
                lines = [line for line, _ in bad]
                raise ValueError(
                    f"{p}, {_lines(lines)}: sent must be a positive integer (sentences are "
                    f"numbered from 1, as in tokenize()); found {bad[0][1]!r}"
                )
            out[col] = np.array([int(v) for v in values], dtype=np.int64)
        elif col in ("doc_id", "unit_id", "coder"):
            out[col] = pd.Series(values, dtype=str)
        else:
            # An empty theme or code means "coded, nothing there" / "not coded": missing.
            out[col] = pd.Series([v if v else None for v in values], dtype=str)
    return conform(
        pd.DataFrame(out, columns=columns),
        "gold_sentences" if required == GOLD_SENTENCE_COLUMNS else "gold_coders",
    )


# --------------------------------------------------------------------------- scoring


def _units(df: pd.DataFrame, keys: list[str], label: str, what: str) -> pd.DataFrame:
    """Copy of the unit keys and label with comparable dtypes: doc_id str, sent int64."""
    out = pd.DataFrame(index=range(len(df)))
    doc = df["doc_id"]
    if doc.isna().any():
        raise ValueError(f"{what} has {int(doc.isna().sum())} row(s) without a doc_id")
    # Tokens carry doc_id as a categorical and a hand-made gold may use ints: compare as str.
    out["doc_id"] = doc.astype(str).to_numpy(dtype=object)
    if "sent" in keys:
        sent = pd.to_numeric(df["sent"], errors="coerce")
        bad = sent.isna() | (sent != sent.round())
        if bad.any():
            example = df["sent"][bad].iloc[0]
            raise ValueError(f"{what} has non-integer sent values (e.g. {example!r})")
        out["sent"] = sent.astype("int64").to_numpy()
    lab = df[label].astype(object)
    lab = lab.where(lab.notna() & (lab.astype(str).str.strip() != ""), None)
    out["label"] = pd.Series([None if v is None else str(v) for v in lab], dtype=object).to_numpy()
    return out


def _rates(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> tuple[np.ndarray, ...]:
    tp, fp, fn = (np.asarray(a, dtype=float) for a in (tp, fp, fn))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        recall = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        # 2tp / (2tp + fp + fn) is the harmonic mean of precision and recall wherever both are
        # defined, and stays defined (0) when only one of them is, as in scikit-learn.
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    return precision, recall, f1


def score_against_gold(
    hits: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    unit: Unit = "sentence",
    themes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of theme hits against a sentence gold, per theme.

    A unit is a sentence ``(doc_id, sent)`` or, with ``unit="doc"``, a document. The units
    scored are exactly the gold's units: every sentence (or document) that appears in ``gold``,
    with or without a theme. For each theme, a unit is a gold positive if the gold gives it that
    theme and a predicted positive if at least one hit with that ``key`` falls in it (several hits
    in one unit count once). Hits on units that are not in the gold are ignored, since nobody
    coded them; at ``unit="doc"`` every hit in a gold document counts, coded sentence or not.

    Zero division follows scikit-learn's ``zero_division=np.nan``: precision is NaN when a theme
    is never predicted (tp + fp = 0), recall is NaN when it has no gold positives
    (support = 0), and F1 = 2tp / (2tp + fp + fn) is NaN only when both are zero (so a theme with
    gold positives that is never predicted gets F1 = 0). The ``macro avg`` row is the unweighted
    mean over themes of precision, recall and F1, skipping NaN; ``micro avg`` pools the counts
    of all themes. In both average rows tp, fp, fn and support are the totals over themes.

    Args:
        hits: theme hits, one row per hit, with at least ``doc_id``, ``sent`` and ``key`` (the
            theme id); ``sent`` is not needed at ``unit="doc"``. Rows with a missing key are
            ignored.
        gold: sentence gold as returned by :func:`load_gold`: ``doc_id, sent, theme``.
        unit: ``"sentence"`` or ``"doc"``.
        themes: the themes to report, in this order. Default: every theme in the gold or the
            hits, sorted. Hits and gold codes of other themes are ignored.

    Returns:
        One row per theme, then ``micro avg`` and ``macro avg``, with columns ``theme``, ``tp``,
        ``fp``, ``fn`` (unit counts), ``precision``, ``recall``, ``f1`` (float, NaN where
        undefined) and ``support`` (gold positive units, tp + fn).

    Raises:
        ValueError: ``unit`` is not one of the allowed values, a column is missing, a ``doc_id``
            is missing or a ``sent`` is not an integer, or ``themes`` repeats a theme.
        TypeError: ``themes`` is a single string instead of a sequence of strings.

    Example:
        >>> hits = pd.DataFrame({"doc_id": ["a", "a"], "sent": [1, 2], "key": ["crime"] * 2})
        >>> gold = pd.DataFrame({"doc_id": ["a", "a"], "sent": [1, 2], "theme": ["crime", None]})
        >>> score_against_gold(hits, gold).round(3)
               theme  tp  fp  fn  precision  recall     f1  support
        0      crime   1   1   0        0.5     1.0  0.667        1
        1  micro avg   1   1   0        0.5     1.0  0.667        1
        2  macro avg   1   1   0        0.5     1.0  0.667        1
    """
    _check_choice("unit", unit, UNITS)
    keys = ["doc_id", "sent"] if unit == "sentence" else ["doc_id"]
    _require_columns(hits, [*keys, "key"], "hits")
    _require_columns(gold, [*keys, "theme"], "gold")
    if isinstance(themes, str):
        raise TypeError(f"themes must be a sequence of theme ids, not a string: [{themes!r}]")

    g = _units(gold, keys, "theme", "gold")
    h = _units(hits, keys, "key", "hits")
    universe = g[keys].drop_duplicates()
    gold_pos = g.dropna(subset=["label"]).drop_duplicates()
    pred_pos = h.dropna(subset=["label"]).drop_duplicates().merge(universe, on=keys)

    if themes is None:
        theme_list = sorted(set(gold_pos["label"]) | set(h["label"].dropna()))
    else:
        theme_list = [str(t) for t in themes]
        dupes = sorted({t for t in theme_list if theme_list.count(t) > 1})
        if dupes:
            raise ValueError(f"themes lists {', '.join(map(repr, dupes))} more than once")

    both = gold_pos.merge(pred_pos, on=[*keys, "label"], how="outer", indicator=True)
    counts = (
        pd.crosstab(both["label"], both["_merge"])
        .reindex(index=theme_list, columns=["both", "right_only", "left_only"], fill_value=0)
        .fillna(0)
        .astype("int64")
    )
    tp, fp, fn = (counts[c].to_numpy() for c in ("both", "right_only", "left_only"))
    precision, recall, f1 = _rates(tp, fp, fn)
    per_theme = pd.DataFrame(
        {
            "theme": theme_list,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": tp + fn,
        }
    )

    totals = [int(tp.sum()), int(fp.sum()), int(fn.sum())]
    micro = _rates(*(np.array([t]) for t in totals))
    averages = pd.DataFrame(
        {
            "theme": [MICRO, MACRO],
            "tp": [totals[0]] * 2,
            "fp": [totals[1]] * 2,
            "fn": [totals[2]] * 2,
            # Series.mean skips NaN and gives NaN (without a warning) when nothing is left.
            "precision": [micro[0][0], per_theme["precision"].mean()],
            "recall": [micro[1][0], per_theme["recall"].mean()],
            "f1": [micro[2][0], per_theme["f1"].mean()],
            "support": [totals[0] + totals[2]] * 2,
        }
    )
    out = pd.concat([per_theme, averages], ignore_index=True)
    out = out.astype({"theme": str} | {c: "int64" for c in ("tp", "fp", "fn", "support")})
    return conform(out[list(SCORE_COLUMNS)], "scores")


def codings_from_hits(
    hits: pd.DataFrame,
    gold: pd.DataFrame,
    theme: str,
    *,
    unit: Unit = "sentence",
) -> pd.DataFrame:
    """Turn hits and gold into a two-coder table for :func:`agreement`, for one theme.

    The units are the gold's units (as in :func:`score_against_gold`); coder ``"dictionary"``
    codes 1 where at least one hit with ``key == theme`` falls in the unit, coder ``"gold"`` codes
    1 where the gold gives the unit that theme; both code 0 otherwise.

    Args:
        hits: theme hits with ``doc_id``, ``sent`` (not needed at ``unit="doc"``) and ``key``.
        gold: sentence gold with ``doc_id, sent, theme`` (see :func:`load_gold`).
        theme: the theme id to code as present/absent.
        unit: ``"sentence"`` or ``"doc"``.

    Returns:
        Two rows per gold unit (coder ``dictionary`` then ``gold``), units in gold order, with
        columns ``unit_id`` (str: ``"doc_id:sent"`` for sentences, the ``doc_id`` for documents),
        ``coder`` (str) and ``code`` (int64, 0 or 1).

    Raises:
        ValueError: ``unit`` is not one of the allowed values, or a column is missing.

    Example:
        >>> hits = pd.DataFrame({"doc_id": ["a"], "sent": [1], "key": ["crime"]})
        >>> gold = pd.DataFrame({"doc_id": ["a", "a"], "sent": [1, 2], "theme": ["crime", None]})
        >>> codings_from_hits(hits, gold, "crime")["code"].tolist()
        [1, 1, 0, 0]
    """
    _check_choice("unit", unit, UNITS)
    keys = ["doc_id", "sent"] if unit == "sentence" else ["doc_id"]
    _require_columns(hits, [*keys, "key"], "hits")
    _require_columns(gold, [*keys, "theme"], "gold")
    theme = str(theme)

    g = _units(gold, keys, "theme", "gold")
    h = _units(hits, keys, "key", "hits")
    universe = g[keys].drop_duplicates().reset_index(drop=True)

    def present(table: pd.DataFrame) -> np.ndarray:
        marked = table.loc[table["label"] == theme, keys].drop_duplicates()
        flags = universe.merge(marked.assign(_hit=1), on=keys, how="left")["_hit"]
        return flags.fillna(0).astype("int64").to_numpy()

    if unit == "sentence":
        unit_ids = universe["doc_id"] + ":" + universe["sent"].astype(str)
    else:
        unit_ids = universe["doc_id"]
    n = len(universe)
    codings = pd.DataFrame(
        {
            "unit_id": np.repeat(unit_ids.to_numpy(dtype=object), 2).astype(str),
            "coder": np.tile(np.array(["dictionary", "gold"], dtype=object), n).astype(str),
            "code": np.column_stack([present(h), present(g)]).reshape(-1).astype("int64"),
        }
    )
    return conform(codings, "codings")


# --------------------------------------------------------------------------- agreement


def _clean_codings(codings: pd.DataFrame, level: str) -> pd.DataFrame:
    """unit, coder (int ids) and value (numbers or nominal labels); missing codes dropped."""
    _require_columns(codings, GOLD_CODER_COLUMNS, "codings")
    for col in ("unit_id", "coder"):
        if codings[col].isna().any():
            raise ValueError(f"codings has {int(codings[col].isna().sum())} row(s) without {col}")

    code = codings["code"]
    is_ranked = isinstance(code.dtype, pd.CategoricalDtype) and code.dtype.ordered
    missing = code.isna()
    if code.dtype == object or pd.api.types.is_string_dtype(code.dtype):
        missing |= code.astype(str).str.strip().eq("") & ~code.isna()
    keep = ~missing

    if level == "nominal":
        value = code[keep].astype(object)
    elif level == "ordinal" and is_ranked:
        # An ordered categorical ranks its categories; the ordinal metric needs ranks only.
        value = pd.Series(code[keep].cat.codes.to_numpy(dtype=float), index=code[keep].index)
    else:
        value = pd.to_numeric(code[keep], errors="coerce")
        bad = value.isna() | ~np.isfinite(value.to_numpy(dtype=float, na_value=np.nan))
        if bad.any():
            raise ValueError(
                f"level={level!r} needs numeric codes; found {code[keep][bad].iloc[0]!r} "
                "(map labels to numbers, or use level='nominal')"
            )
        value = value.astype(float)

    out = pd.DataFrame(
        {
            "unit": pd.factorize(codings["unit_id"][keep])[0],
            "coder": pd.factorize(codings["coder"][keep])[0],
            "value": value.to_numpy(dtype=object if level == "nominal" else float),
        }
    )
    dup = out.duplicated(["unit", "coder"], keep=False).to_numpy()
    if dup.any():
        pairs = codings.loc[keep, ["unit_id", "coder"]][dup].drop_duplicates()
        shown = "; ".join(f"{u!r} by {c!r}" for u, c in pairs.head(_MAX_LISTED).itertuples(False))
        raise ValueError(
            f"codings has more than one code per unit and coder ({shown}); agreement needs one "
            "code per coder and unit (for several themes per unit, code each theme as its own "
            "present/absent variable, e.g. with codings_from_hits)"
        )
    return out


def _alpha(units: np.ndarray, values: np.ndarray, level: str) -> float:
    """Krippendorff's alpha by the coincidence matrix (Krippendorff 2011)."""
    if len(values) == 0:
        return math.nan
    if level == "nominal":
        vidx, domain = pd.factorize(pd.Series(values, dtype=object))
    else:
        domain, vidx = np.unique(np.asarray(values, dtype=float), return_inverse=True)
    uidx = pd.factorize(units)[0]
    counts = np.zeros((uidx.max() + 1, len(domain)))
    np.add.at(counts, (uidx, vidx), 1)
    m_u = counts.sum(axis=1)
    counts = counts[m_u >= 2]  # a value with no partner in its unit is unpairable
    m_u = m_u[m_u >= 2]
    if counts.size == 0:
        return math.nan
    # o_ck = sum_u (n_uc n_uk - [c == k] n_uc) / (m_u - 1)
    weighted = counts / (m_u - 1)[:, None]
    coincidence = weighted.T @ counts - np.diag(weighted.sum(axis=0))
    n_c = coincidence.sum(axis=1)
    n = n_c.sum()

    if level == "nominal":
        delta = 1.0 - np.eye(len(domain))
    elif level == "interval":
        delta = np.subtract.outer(domain, domain) ** 2
    elif level == "ratio":
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = (np.subtract.outer(domain, domain) / np.add.outer(domain, domain)) ** 2
        delta = np.nan_to_num(delta, nan=0.0)  # 0/0: both values are 0, no distance
    else:  # ordinal: (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2 over the pairable marginals
        cum = np.cumsum(n_c)
        i, j = np.meshgrid(np.arange(len(domain)), np.arange(len(domain)), indexing="ij")
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        delta = (cum[hi] - cum[lo] + (n_c[lo] - n_c[hi]) / 2) ** 2

    expected = (np.outer(n_c, n_c) * delta).sum()
    if expected == 0 or n < 2:
        return math.nan  # one value only: Krippendorff leaves alpha undefined
    return float(1.0 - (n - 1) * (coincidence * delta).sum() / expected)


def krippendorff_alpha(codings: pd.DataFrame, *, level: Level = "nominal") -> float:
    """Krippendorff's alpha for a long ``unit_id, coder, code`` table, missing codes allowed.

    Any number of coders; a coder may skip units. Units with fewer than two codes carry no
    information on agreement and are left out ("unpairable"), as Krippendorff prescribes.

    Why hand-written: NLTK's ``AnnotationTask.alpha`` agrees with this function for nominal and
    interval data, missing codes included (the tests check this), but it has no ordinal metric
    (whose distance depends on the frequencies of the values in between, which NLTK's
    two-argument distance functions cannot see), it returns 1 where alpha is undefined because
    all values are equal (NLTK 3.8 divides by zero there), and it loops over label pairs in
    Python. This function follows the coincidence-matrix steps of Krippendorff (2011) in numpy
    so that each step can be checked against the paper.

    Args:
        codings: one row per unit and coder, with columns ``unit_id``, ``coder`` and ``code``.
            A missing code (NA or an empty string) means the coder did not code the unit.
        level: metric of the codes: ``"nominal"`` (any labels), ``"ordinal"`` (numbers, or an
            ordered categorical), ``"interval"`` or ``"ratio"`` (numbers).

    Returns:
        Alpha, 1 for perfect agreement and 0 for agreement at chance level; NaN when it is
        undefined (no unit with two codes, or only one distinct value among pairable codes).

    Raises:
        ValueError: ``level`` is not allowed, columns are missing, a ``unit_id`` or ``coder`` is
            missing, a coder codes the same unit twice, or codes are not numeric where
            ``level`` needs numbers.

    Example:
        >>> codings = pd.DataFrame({
        ...     "unit_id": [1, 1, 2, 2, 3, 3, 4],
        ...     "coder": ["A", "B", "A", "B", "A", "B", "A"],
        ...     "code": ["x", "x", "y", "y", "x", "y", "y"],
        ... })
        >>> round(krippendorff_alpha(codings), 3)
        0.444
    """
    _check_choice("level", level, LEVELS)
    clean = _clean_codings(codings, level)
    return _alpha(clean["unit"].to_numpy(), clean["value"].to_numpy(), level)


def agreement(codings: pd.DataFrame, *, level: Level = "nominal") -> dict[str, Any]:
    """Inter-coder agreement: percent agreement, kappa, pi, Fleiss' kappa, S and alpha.

    Percent agreement and the kappa-type coefficients assume every coder coded every unit, so
    they are computed on the *complete* units (coded by all coders) with NLTK's
    ``AnnotationTask`` (Artstein & Poesio 2008). Krippendorff's alpha uses every unit with at
    least two codes, and is the coefficient to report when coders skipped units (see
    :func:`krippendorff_alpha`). ``level`` changes only alpha; the other coefficients treat
    codes as nominal categories.

    * ``percent_agreement``: observed agreement, the mean over coder pairs of the share of
      units on which the pair agrees (Fleiss' P-bar for more than two coders).
    * ``cohen_kappa``: Cohen (1960), each coder's own code distribution; exactly two coders.
    * ``scott_pi``: Scott (1955), pooled code distribution; exactly two coders.
    * ``fleiss_kappa``: Fleiss (1971), the multi-coder pi; equals ``scott_pi`` for two coders.
    * ``bennett_s``: Bennett, Alpert & Goldstein (1954), uniform chance over the categories,
      counted as the distinct codes in the complete units.
    * ``krippendorff_alpha``: Krippendorff, at ``level``.

    A coefficient that does not apply (e.g. Cohen's kappa for three coders) or is undefined
    (no complete unit; all codes equal, so chance agreement is 1) is NaN. NLTK would report 1 for
    the all-equal case; Krippendorff (2011) calls it undefined, since no variation was tested.

    Args:
        codings: one row per unit and coder, with columns ``unit_id``, ``coder`` and ``code``
            (see :func:`load_gold` and :func:`codings_from_hits`). A missing code (NA or an
            empty string) means the coder did not code the unit.
        level: metric of the codes for alpha: ``"nominal"``, ``"ordinal"``, ``"interval"`` or
            ``"ratio"``.

    Returns:
        A dict (one row of a summary table) with keys ``level``, ``n_coders``, ``n_units``
        (units with at least one code), ``n_complete`` (units coded by all coders: the basis of
        the first five coefficients), ``n_pairable`` (units with two or more codes: the basis
        of alpha), ``percent_agreement``, ``cohen_kappa``, ``scott_pi``, ``fleiss_kappa``,
        ``bennett_s`` and ``krippendorff_alpha`` (floats).

    Raises:
        ValueError: ``level`` is not allowed, columns are missing, fewer than two coders gave
            codes, a coder codes the same unit twice, or codes are not numeric where ``level``
            needs numbers.

    Example:
        >>> codings = pd.DataFrame({
        ...     "unit_id": [1, 1, 2, 2, 3, 3, 4, 4],
        ...     "coder": ["A", "B"] * 4,
        ...     "code": ["x", "x", "y", "y", "x", "y", "y", "y"],
        ... })
        >>> result = agreement(codings)
        >>> result["percent_agreement"], result["cohen_kappa"]
        (0.75, 0.5)
    """
    _check_choice("level", level, LEVELS)
    clean = _clean_codings(codings, level)
    n_coders = clean["coder"].nunique()
    if n_coders < 2:
        raise ValueError(f"agreement needs codes from at least two coders; found {n_coders}")

    per_unit = clean.groupby("unit")["coder"].transform("size")
    complete = clean[per_unit == n_coders]
    result: dict[str, Any] = {
        "level": level,
        "n_coders": int(n_coders),
        "n_units": int(clean["unit"].nunique()),
        "n_complete": int(complete["unit"].nunique()),
        "n_pairable": int(clean.loc[per_unit >= 2, "unit"].nunique()),
        "percent_agreement": math.nan,
        "cohen_kappa": math.nan,
        "scott_pi": math.nan,
        "fleiss_kappa": math.nan,
        "bennett_s": math.nan,
        "krippendorff_alpha": _alpha(clean["unit"].to_numpy(), clean["value"].to_numpy(), level),
    }
    if len(complete):
        labels = pd.factorize(pd.Series(complete["value"].to_numpy(), dtype=object))[0]
        task = AnnotationTask(
            data=list(
                zip(
                    complete["coder"].tolist(),
                    complete["unit"].tolist(),
                    labels.tolist(),
                    strict=True,
                )
            )
        )
        result["percent_agreement"] = float(task.avg_Ao())
        # With a single category chance agreement is 1 and every coefficient is 0/0.
        if len(set(labels.tolist())) > 1:
            result["fleiss_kappa"] = float(task.pi())
            result["bennett_s"] = float(task.S())
            if n_coders == 2:
                result["scott_pi"] = result["fleiss_kappa"]
                result["cohen_kappa"] = float(task.kappa())
    return result
