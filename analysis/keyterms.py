"""Which words set one group of documents apart (quanteda ``textstat_keyness``).

:func:`keyness` compares a target group with all other documents, per term, with chi², G²,
Fisher's exact test or PMI, plus the effect sizes Log Ratio and %DIFF;
:func:`keyness_from_counts` does the same from term counts per group (a corpus counted chunk by
chunk), through the same scoring step. Groups follow the package's one grouping rule
(:mod:`analysis._groups`). Everything is vectorised over the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, get_args

import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import xlogy

from analysis._aggregate_finish import alpha_rank
from analysis._checks import check_choice, require_columns
from analysis._groups import By, group_docs
from analysis.frequency import column_codes, drop_types
from analysis.schema import conform

__all__ = ["keyness", "keyness_from_counts"]

KeynessMeasure = Literal["chi2", "g2", "fisher", "pmi"]
Correction = Literal["default", "yates", "williams", "none"]
_KEYNESS_MEASURES = get_args(KeynessMeasure)
_CORRECTIONS = get_args(Correction)
# Normalised frequency substituted for a zero count in Log Ratio and %DIFF (Hardie 2014).
_ZERO_ADJUST = 0.5


def _two_by_two(a: np.ndarray, b: np.ndarray, total_a: float, total_b: float):
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    c = total_a - a
    d = total_b - b
    n = total_a + total_b
    r1, r2 = a + b, c + d  # term / all other terms
    c1, c2 = a + c, b + d  # target / reference
    expected = np.stack([r1 * c1, r1 * c2, r2 * c1, r2 * c2]) / n
    return a, b, c, d, n, expected


def _williams_q(a, b, c, d, n) -> np.ndarray:
    """Williams' (1976) correction divisor for a 2×2 table."""
    return 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)


def _chi2(a, b, c, d, n, correction: str) -> np.ndarray:
    diff = np.abs(a * d - b * c)
    denom = (a + b) * (c + d) * (a + c) * (b + d)
    if correction in ("default", "yates"):
        # Yates' half-unit is subtracted only where |ad - bc| >= N/2; below that it would
        # overshoot past zero, and the uncorrected statistic is kept. This is the rule that
        # reproduces quanteda (its keyness test corpus ranks "g" first only this way).
        diff = np.where(diff >= n / 2, diff - n / 2, diff)
    stat = n * diff**2 / denom
    if correction == "williams":
        stat = stat / _williams_q(a, b, c, d, n)
    return stat


def _g2(a, b, c, d, n, expected, correction: str) -> np.ndarray:
    observed = np.stack([a, b, c, d])
    if correction == "yates":
        # Move every cell half a unit towards its expected value, where that does not overshoot
        # (|O - E| is the same for the four cells of a 2×2 table).
        shift = np.where(np.abs(observed - expected) >= 0.5, 0.5, 0.0)
        observed = observed - np.sign(observed - expected) * shift

    stat = 2 * np.sum(xlogy(observed, observed / expected), axis=0)
    if correction in ("default", "williams"):
        stat = stat / _williams_q(a, b, c, d, n)
    return np.maximum(stat, 0.0)


def _fisher(a: np.ndarray, b: np.ndarray, total_a: int, total_b: int):
    """Odds ratio and two-sided p of Fisher's exact test; one scipy call per distinct (a, b)."""
    pairs, inverse = np.unique(np.stack([a, b], axis=1), axis=0, return_inverse=True)
    odds = np.empty(len(pairs))
    p = np.empty(len(pairs))
    for i, (x, y) in enumerate(pairs.tolist()):
        res = stats.fisher_exact([[x, y], [total_a - x, total_b - y]])
        odds[i], p[i] = res.statistic, res.pvalue
    inverse = np.asarray(inverse).ravel()
    return odds[inverse], p[inverse]


def keyness(
    tokens: pd.DataFrame,
    target: str | Sequence[str],
    *,
    by: By = "doc_id",
    docs: pd.DataFrame | None = None,
    dropna: bool = False,
    measure: KeynessMeasure = "chi2",
    correction: Correction = "default",
    remove_punct: bool = True,
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Which terms are typical of the target group compared with all other documents.

    For every term a 2×2 table — occurrences of the term / of all other terms, in the target /
    in the reference (every document not in the target) — is tested as in quanteda's
    ``textstat_keyness()``, vectorised over all terms.

    Args:
        tokens: the tokens table.
        target: one value (or several) of ``by`` that make up the target, e.g. a doc_id or an
            outlet.
        by: ``"doc_id"``, the name of a document variable in ``docs``, or a Series/mapping
            doc_id → group; see the grouping rule (:mod:`analysis._groups`).
        docs: the docs table, joined on ``doc_id``; needed when ``by`` is a document variable.
        dropna: leave out the documents whose group value is missing (neither target nor
            reference; otherwise an error).
        measure: ``"chi2"`` (Pearson's chi²), ``"g2"`` (log-likelihood G²), ``"fisher"`` (Fisher's
            exact test; the statistic is the sample odds ratio ad/bc from
            ``scipy.stats.fisher_exact``, where R's ``fisher.test`` reports a conditional MLE)
            or ``"pmi"`` (ln(observed / expected) of the target cell).
        correction: ``"default"`` is Yates for chi2 and Williams for g2 (as quanteda) and none
            for fisher and pmi. ``"yates"``: continuity correction (applied where
            |ad − bc| ≥ N/2, where it does not overshoot); ``"williams"``: divide by Williams'
            q = 1 + (N/R1 + N/R2 − 1)(N/C1 + N/C2 − 1)/(6N); ``"none"``. fisher and pmi accept
            only ``"default"`` and ``"none"``.
        remove_punct: ignore punctuation tokens.
        stopwords: words to ignore (compared folded).

    Returns:
        One row per term occurring in target or reference, sorted by ``statistic`` descending
        (then term), with columns:

        * ``term`` (str);
        * ``statistic`` (float64): chi², G², odds ratio or PMI. chi², G² and PMI are negative when
          the term is relatively more frequent in the reference (as quanteda); the odds ratio is
          below 1 then;
        * ``p`` (float64): p-value, two-sided; chi² (1 df) for chi2 and g2, Fisher's exact p for
          fisher; for pmi the p of the Yates-corrected chi² test of the same table;
        * ``n_target``, ``n_reference`` (int64): the term's counts;
        * ``log_ratio`` (float64): Hardie's Log Ratio, log2 of the ratio of the relative
          frequencies in target and reference; a zero count is replaced by 0.5 first, so the
          value stays finite;
        * ``pct_diff`` (float64): Gabrielatos & Marchi's %DIFF, 100 × (relative frequency in target
          − in reference) / in reference, with the same 0.5 substitution
          (so ``pct_diff == 100 * (2**log_ratio - 1)``);
        * ``low_count`` (bool): some expected cell count is below 5, where chi² and G² p-values
          are unreliable (prefer fisher, or read the effect sizes).

    Raises:
        ValueError: a bad option value; ``target`` not among the values of ``by``; the target
            covers every document (no reference); the combination of measure and correction
            is not meaningful; a document without a group value (unless ``dropna``).
        TypeError: ``by`` of another type.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2"],
        ...                      "text": ["a a a b b c c c c c c d e f g h h",
        ...                               "a a b c c d d d d e f h"]})
        >>> keyness(tokenize(docs), "d1")["term"].tolist()
        ['g', 'c', 'b', 'h', 'a', 'e', 'f', 'd']
    """
    _check_options(measure, correction)
    require_columns(tokens, ["doc_id", "norm"], "tokens")
    doc, doc_ids = column_codes(tokens, "doc_id")
    groups = group_docs(doc_ids, by, docs, dropna=dropna)
    doc_group, labels = groups.codes, groups.labels
    what = repr(by) if isinstance(by, str) else "by"
    target_group = _target_groups(target, labels, what)
    kept_doc = doc_group >= 0  # False: left out by dropna=True
    in_target_doc = kept_doc & target_group[np.maximum(doc_group, 0)]
    if in_target_doc[kept_doc].all():
        raise ValueError(f"target covers every document; nothing left as reference ({what})")

    typ, types = column_codes(tokens, "norm")
    keep_type = ~drop_types(types, remove_punct=remove_punct, stopwords=stopwords)
    in_target = in_target_doc[doc] if len(doc) else np.zeros(0, bool)
    if not kept_doc.all():
        counted = kept_doc[doc]
        typ, in_target = typ[counted], in_target[counted]
    n_all = np.bincount(typ, minlength=len(types))
    n_tgt = np.bincount(typ[in_target], minlength=len(types))
    n_all = np.where(keep_type, n_all, 0)
    n_tgt = np.where(keep_type, n_tgt, 0)
    present = np.flatnonzero(n_all > 0)
    terms = np.asarray(types, dtype=object)[present]
    return _score(terms, n_tgt[present], (n_all - n_tgt)[present], measure, correction)


def keyness_from_counts(
    counts: pd.DataFrame,
    target: str | Sequence[str],
    *,
    measure: KeynessMeasure = "chi2",
    correction: Correction = "default",
    group: str = "group",
) -> pd.DataFrame:
    """:func:`keyness` from term counts per group instead of tokens (chunked corpora).

    ``counts`` is what :func:`analysis.term_frequency` returns for the grouping, e.g.
    ``counts = term_frequency(tokens, by="outlet", docs=docs, stopwords=sw)``; then
    ``keyness_from_counts(counts, "Guardian")`` equals
    ``keyness(tokens, "Guardian", by="outlet", docs=docs, stopwords=sw)`` row for row (same
    order, dtypes and values; ``remove_punct`` and ``dropna`` likewise passed to both). Rows
    may repeat a (group, term) pair, e.g. counts of successive chunks concatenated: they are
    added up. The counts must be complete (``min_count=1``, the default of
    ``term_frequency``), since every term's count enters the totals.

    Args:
        counts: one row per group and term, with columns ``group`` (the group label),
            ``term`` (str) and ``frequency`` (int); other columns are ignored.
        target: one group label (or several) that make up the target; every other group is the
            reference.
        measure: ``"chi2"``, ``"g2"``, ``"fisher"`` or ``"pmi"``, as for :func:`keyness`.
        correction: ``"default"``, ``"yates"``, ``"williams"`` or ``"none"``, as for
            :func:`keyness`.
        group: the name of the group column.

    Returns:
        The table of :func:`keyness`: one row per term counted in target or reference, sorted
        by ``statistic`` descending (then term), with columns ``term`` (str), ``statistic``,
        ``p`` (float64), ``n_target``, ``n_reference`` (int64), ``log_ratio``, ``pct_diff``
        (float64) and ``low_count`` (bool); see :func:`keyness` for their meaning.

    Raises:
        ValueError: a bad option value or measure/correction combination; a missing column;
            ``target`` not among the group labels (the message lists them); the target covers
            every group; target or reference without counted terms. A group whose documents
            have no counted term has no row in ``counts``, so it is neither a valid target nor
            part of the reference (:func:`keyness` would fail with "no counted tokens" then).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2"],
        ...                      "text": ["a a a b b c c c c c c d e f g h h",
        ...                               "a a b c c d d d d e f h"]})
        >>> counts = term_frequency(tokenize(docs), by="doc_id")
        >>> keyness_from_counts(counts, "d1")["term"].tolist()
        ['g', 'c', 'b', 'h', 'a', 'e', 'f', 'd']
        >>> keyness_from_counts(counts, "d1").equals(keyness(tokenize(docs), "d1"))
        True
    """
    _check_options(measure, correction)
    require_columns(counts, [group, "term", "frequency"], "counts")
    row_group, labels = pd.factorize(counts[group].astype(str), sort=False)
    what = repr(group)
    target_group = _target_groups(target, list(labels), what)
    if target_group.all():
        raise ValueError(f"target covers every group; nothing left as reference ({what})")
    row_term, terms = pd.factorize(counts["term"].astype(str), sort=False)
    freq = counts["frequency"].to_numpy(np.int64)
    in_target = target_group[row_group]
    n_all = np.zeros(len(terms), np.int64)
    n_tgt = np.zeros(len(terms), np.int64)
    np.add.at(n_all, row_term, freq)
    np.add.at(n_tgt, row_term[in_target], freq[in_target])
    present = np.flatnonzero(n_all > 0)
    names = np.asarray(terms, dtype=object)[present]
    return _score(names, n_tgt[present], (n_all - n_tgt)[present], measure, correction)


def _check_options(measure: str, correction: str) -> None:
    """The measure and correction checks shared by :func:`keyness` and the count entry point."""
    check_choice("measure", measure, _KEYNESS_MEASURES)
    check_choice("correction", correction, _CORRECTIONS)
    if measure in ("fisher", "pmi") and correction not in ("default", "none"):
        raise ValueError(
            f"correction={correction!r} does not apply to measure={measure!r}; "
            "choose one of 'default', 'none'"
        )


def _target_groups(target: str | Sequence[str], labels: list[str], what: str) -> np.ndarray:
    """Which of ``labels`` make up the target (bool per label); unknown values are an error."""
    scalar = isinstance(target, str) or not isinstance(target, Iterable)
    wanted = [str(target)] if scalar else [str(t) for t in target]  # labels are str
    unknown = [t for t in wanted if t not in labels]
    if unknown or not wanted:
        shown = ", ".join(map(repr, labels[:10])) + (" ..." if len(labels) > 10 else "")
        raise ValueError(
            f"target {', '.join(map(repr, unknown)) or '(empty)'} is not a value of {what}; "
            f"values: {shown}"
        )
    return np.isin(np.asarray(labels, dtype=object), wanted)


def _score(
    terms: np.ndarray, a_cnt: np.ndarray, b_cnt: np.ndarray, measure: str, correction: str
) -> pd.DataFrame:
    """The keyness table of terms with their target (``a_cnt``) and reference counts.

    The one scoring step of :func:`keyness` and :func:`keyness_from_counts`: the totals are
    the sums of the counts (every counted term is passed, each once, with a positive total).
    """
    total_a, total_b = int(a_cnt.sum()), int(b_cnt.sum())
    if total_a == 0 or total_b == 0:
        side = "target" if total_a == 0 else "reference"
        raise ValueError(f"the {side} has no counted tokens; keyness needs text on both sides")

    a, b, c, d, n, expected = _two_by_two(a_cnt, b_cnt, total_a, total_b)
    sign = np.where(a > expected[0], 1.0, -1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "chi2":
            stat = _chi2(a, b, c, d, n, correction)
            p = stats.chi2.sf(stat, 1)
            stat = stat * sign
        elif measure == "g2":
            stat = _g2(a, b, c, d, n, expected, correction)
            p = stats.chi2.sf(stat, 1)
            stat = stat * sign
        elif measure == "fisher":
            stat, p = _fisher(a_cnt, b_cnt, total_a, total_b)
        else:
            stat = np.log(a / expected[0])
            p = stats.chi2.sf(_chi2(a, b, c, d, n, "yates"), 1)
    rel_a = np.where(a > 0, a, _ZERO_ADJUST) / total_a
    rel_b = np.where(b > 0, b, _ZERO_ADJUST) / total_b
    log_ratio = np.log2(rel_a / rel_b)
    pct_diff = 100 * (rel_a - rel_b) / rel_b
    low = (expected < 5).any(axis=0)

    # Terms are distinct, so their code-point rank among themselves breaks ties as the rank
    # among all types would.
    alpha = alpha_rank(pd.Index(terms, dtype=str))
    sort_stat = np.where(np.isnan(stat), -np.inf, stat)
    order = np.lexsort((alpha, -sort_stat))
    table = pd.DataFrame(
        {
            "term": pd.array(terms[order], dtype="str"),
            "statistic": np.asarray(stat, np.float64)[order],
            "p": np.asarray(p, np.float64)[order],
            "n_target": a_cnt[order].astype(np.int64),
            "n_reference": b_cnt[order].astype(np.int64),
            "log_ratio": log_ratio[order],
            "pct_diff": pct_diff[order],
            "low_count": low[order],
        }
    )
    return conform(table, "keyness")
