"""Which words keep company: adjacent word pairs and triples scored as collocations.

:func:`collocations` scores sequences of adjacent words with quanteda's λ and z
(``textstat_collocations``) and with NLTK's association measures, reproducing both tools.
Everything is computed on integer type codes with array operations.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis._checks import check_choice, check_int, require_columns
from analysis.frequency import column_codes, drop_types
from analysis.schema import conform, empty_table

__all__ = ["collocations"]

CollocationMeasure = Literal[
    "z", "lambda", "likelihood_ratio", "pmi", "student_t", "chi_sq", "count"
]
_COLLOCATION_MEASURES = get_args(CollocationMeasure)
_COLLOCATION_SIZES = (2, 3)
# NLTK adds this to denominators and logarithm arguments (nltk.metrics.association._SMALL).
_NLTK_SMALL = 1e-20


def _segments(tokens: pd.DataFrame, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Type codes of the kept tokens and a segment number for each.

    A segment is a run of kept tokens that are adjacent in the document within one sentence:
    a sentence boundary, a dropped token (punctuation, stopword) or a gap in ``tok`` left by an
    earlier :func:`analysis.text.tokens_remove` ends it, as quanteda's padding does.
    """
    typ = np.asarray(column_codes(tokens, "norm")[0], np.int64)[keep]
    doc = column_codes(tokens, "doc_id")[0][keep]
    sent = tokens["sent"].to_numpy()[keep]
    tok = tokens["tok"].to_numpy().astype(np.int64)[keep]
    brk = np.ones(len(typ), bool)
    brk[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1]) | (tok[1:] != tok[:-1] + 1)
    return typ, np.cumsum(brk)


def _count_keys(keys: np.ndarray) -> np.ndarray:
    """For every element, how often its value occurs in ``keys``."""
    codes, uniques = pd.factorize(keys, sort=False)
    return np.bincount(codes, minlength=len(uniques))[codes]


def _nltk_expected(cont: np.ndarray, size: int) -> np.ndarray:
    """NLTK's ``NgramAssocMeasures._expected_values``, over rows of contingency tables."""
    n_all = cont.sum(axis=1)
    out = np.empty_like(cont)
    for i in range(2**size):
        prod = np.ones(len(cont))
        for j in (1 << k for k in range(size)):
            same = [x for x in range(2**size) if (x & j) == (i & j)]
            prod = prod * cont[:, same].sum(axis=1)
        out[:, i] = prod / n_all ** (size - 1)
    return out


def _nltk_contingency(n_gram: np.ndarray, marginals: dict[str, np.ndarray], size: int):
    """NLTK's ``_contingency`` for bigrams and trigrams (cells ordered by mismatch bits)."""
    if size == 2:
        n_ii, n_ix, n_xi, n_xx = n_gram, marginals["ix"], marginals["xi"], marginals["xx"]
        n_oi = n_xi - n_ii
        n_io = n_ix - n_ii
        return np.stack([n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io], axis=1)
    n_iii = n_gram
    n_iix, n_ixi, n_xii = marginals["iix"], marginals["ixi"], marginals["xii"]
    n_ixx, n_xix, n_xxi, n_xxx = (
        marginals["ixx"],
        marginals["xix"],
        marginals["xxi"],
        marginals["xxx"],
    )
    n_oii = n_xii - n_iii
    n_ioi = n_ixi - n_iii
    n_iio = n_iix - n_iii
    n_ooi = n_xxi - n_iii - n_oii - n_ioi
    n_oio = n_xix - n_iii - n_oii - n_iio
    n_ioo = n_ixx - n_iii - n_ioi - n_iio
    n_ooo = n_xxx - n_iii - n_oii - n_ioi - n_iio - n_ooi - n_oio - n_ioo
    return np.stack([n_iii, n_oii, n_ioi, n_ooi, n_iio, n_oio, n_ioo, n_ooo], axis=1)


def _nltk_measures(
    n_gram: np.ndarray, unigrams: Sequence[np.ndarray], total: np.ndarray | float, cont: np.ndarray
) -> dict[str, np.ndarray]:
    """NLTK's ``likelihood_ratio``, ``pmi``, ``student_t`` and ``chi_sq``, vectorised.

    Same formulas, same constant ``_SMALL``, same arguments as ``BigramAssocMeasures`` /
    ``TrigramAssocMeasures`` (n-gram count, word counts, total words; ``cont`` from
    :func:`_nltk_contingency`). Bigram chi_sq is NLTK's N·phi², equal to Pearson's chi².
    """
    size = len(unigrams)
    n_gram = np.asarray(n_gram, np.float64)
    cont = np.asarray(cont, np.float64)
    total = np.asarray(total, np.float64)
    uni = np.prod(np.stack([np.asarray(u, np.float64) for u in unigrams]), axis=0)
    exp = _nltk_expected(cont, size)
    with np.errstate(divide="ignore", invalid="ignore"):
        student_t = (n_gram - uni / total ** (size - 1)) / np.sqrt(n_gram + _NLTK_SMALL)
        pmi = np.log2(n_gram * total ** (size - 1)) - np.log2(uni)
        likelihood = 2 * np.sum(cont * np.log(cont / (exp + _NLTK_SMALL) + _NLTK_SMALL), axis=1)
        if size == 2:
            n_ii, n_oi, n_io, n_oo = cont.T
            phi_sq = (n_ii * n_oo - n_io * n_oi) ** 2 / (
                (n_ii + n_io) * (n_ii + n_oi) * (n_io + n_oo) * (n_oi + n_oo)
            )
            chi_sq = total * phi_sq
        else:
            chi_sq = np.sum((cont - exp) ** 2 / (exp + _NLTK_SMALL), axis=1)
    return {
        "likelihood_ratio": likelihood,
        "pmi": pmi,
        "student_t": student_t,
        "chi_sq": chi_sq,
    }


def _lambda_z(cells: np.ndarray, size: int, smoothing: float) -> tuple[np.ndarray, np.ndarray]:
    """quanteda's λ and z from the 2^size cells (column = bit mask of matching positions)."""
    counts = cells + smoothing
    n_match = np.array([bin(m).count("1") for m in range(2**size)])
    signs = np.where((size - n_match) % 2 == 0, 1.0, -1.0)
    lam = np.log(counts) @ signs
    z = lam / np.sqrt((1.0 / counts).sum(axis=1))
    return lam, z


def collocations(
    tokens: pd.DataFrame,
    *,
    size: int = 2,
    min_count: int = 2,
    measure: CollocationMeasure = "z",
    remove_punct: bool = True,
    stopwords: Iterable[str] | None = None,
    smoothing: float = 0.5,
) -> pd.DataFrame:
    """Score sequences of ``size`` adjacent words as collocations.

    Candidates are sequences of adjacent kept tokens within one sentence: punctuation (when
    ``remove_punct``), stopwords and gaps in ``tok`` break a sequence instead of being skipped,
    so "cream. Me" or "strengthen the cooperation" never form a pair (quanteda's treatment
    of punctuation and padded removals in ``textstat_collocations``).

    Two families of scores, each reproducing its reference tool:

    * quanteda's ``lambda`` and ``z`` (Blaheta & Johnson 2001): over all candidate sequences of
      this size, a 2^size table counts those that match the collocation in exactly each subset
      of positions; ``smoothing`` is added to every cell; λ = Σ ± log(cell) (sign + where an
      even number of positions differ) and z = λ / sqrt(Σ 1/cell);
    * NLTK's ``BigramAssocMeasures`` / ``TrigramAssocMeasures`` ``likelihood_ratio``, ``pmi``
      (log2), ``student_t`` and ``chi_sq`` with the marginals of NLTK's
      ``BigramCollocationFinder`` / ``TrigramCollocationFinder`` built ``from_documents`` on
      the sequences above: word counts, adjacent-pair counts, ``(w1, *, w3)`` counts and the
      total number of words.

    Args:
        tokens: the tokens table.
        size: 2 (pairs) or 3 (triples).
        min_count: keep collocations occurring at least this often (quanteda's default 2);
            all scores use every candidate, whatever its count.
        measure: the column the table is sorted by, descending (then collocation).
        remove_punct: punctuation breaks sequences (otherwise punctuation marks are words).
        stopwords: words that break sequences (compared folded).
        smoothing: added to every cell for λ and z (quanteda's default 0.5).

    Returns:
        One row per collocation, columns ``collocation`` (str, ``norm`` forms joined by a space),
        ``count`` (int64), ``lambda``, ``z``, ``likelihood_ratio``, ``pmi``, ``student_t``,
        ``chi_sq`` (float64).

    Raises:
        ValueError: a bad option value.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2"],
        ...                      "text": ["I like good ice cream.", "Me too! I like good ice cream."]})
        >>> collocations(tokenize(docs))[["collocation", "count"]].values.tolist()
        [['good ice', 2], ['i like', 2], ['ice cream', 2], ['like good', 2]]
    """
    check_choice("size", size, _COLLOCATION_SIZES)
    check_choice("measure", measure, _COLLOCATION_MEASURES)
    min_count = check_int("min_count", min_count, 1)
    if not isinstance(smoothing, int | float) or smoothing < 0:
        raise ValueError(f"smoothing={smoothing!r} must be a number of at least 0")
    require_columns(tokens, ["doc_id", "sent", "tok", "norm"], "tokens")
    columns = [
        "collocation",
        "count",
        "lambda",
        "z",
        "likelihood_ratio",
        "pmi",
        "student_t",
        "chi_sq",
    ]
    typ_all, types = column_codes(tokens, "norm")
    drop = drop_types(types, remove_punct=remove_punct, stopwords=stopwords)
    if not isinstance(tokens["norm"].dtype, pd.CategoricalDtype):
        tokens = tokens.assign(norm=pd.Categorical.from_codes(typ_all, categories=types))
    keep = ~drop[typ_all] if len(typ_all) else np.zeros(0, bool)
    typ, seg = _segments(tokens, keep)
    n_types = len(types)
    if n_types and n_types**size >= 2**62:
        raise ValueError(f"vocabulary of {n_types} types is too large for size={size}")

    m = len(typ) - size + 1
    start = np.flatnonzero(seg[size - 1 :] == seg[:m]) if m > 0 else np.zeros(0, np.int64)
    if len(start) == 0:
        return empty_table("collocations", columns=columns)
    words = [typ[start + k] for k in range(size)]

    def key(positions: Sequence[int]) -> np.ndarray:
        out = np.zeros(len(start), np.int64)
        for k in positions:
            out = out * n_types + words[k]
        return out

    full = key(range(size))
    codes, uniques = pd.factorize(full, sort=False)
    counts = np.bincount(codes)
    first = np.full(len(uniques), len(start), np.int64)
    np.minimum.at(first, codes, np.arange(len(start)))
    cand = np.flatnonzero(counts >= min_count)
    at = first[cand]
    count = counts[cand].astype(np.float64)

    # quanteda: M(S) = sequences agreeing with the candidate on the positions in S; the cell
    # of exactly-matching set A follows by inclusion–exclusion over the supersets of A.
    positions = range(size)
    subsets = [s for r in range(size + 1) for s in itertools.combinations(positions, r)]
    agree = {}
    for s in subsets:
        agree[s] = (
            np.full(len(cand), float(len(start)))
            if not s
            else _count_keys(key(s))[at].astype(np.float64)
        )
    cells = np.zeros((len(cand), 2**size))
    for a_set in subsets:
        col = sum(1 << k for k in a_set)
        for s in subsets:
            if set(a_set) <= set(s):
                cells[:, col] += (-1) ** (len(s) - len(a_set)) * agree[s]
    lam, z = _lambda_z(cells, size, smoothing)

    # NLTK: marginals from word counts over all kept tokens, within-sequence pairs, N words.
    word_count = np.bincount(typ, minlength=n_types).astype(np.float64)
    uni = [word_count[w[at]] for w in words]
    total = float(len(typ))
    if size == 2:
        marg = {"ix": uni[0], "xi": uni[1], "xx": total}
    else:
        adjacent = np.flatnonzero(seg[1:] == seg[:-1])
        pair_keys = typ[adjacent] * n_types + typ[adjacent + 1]
        pc, pu = pd.factorize(pair_keys, sort=False)
        pair_count = pd.Series(np.bincount(pc), index=pu)
        k12 = (words[0] * n_types + words[1])[at]
        k23 = (words[1] * n_types + words[2])[at]
        marg = {
            "iix": pair_count.reindex(k12).to_numpy(np.float64),
            "ixi": agree[(0, 2)],
            "xii": pair_count.reindex(k23).to_numpy(np.float64),
            "ixx": uni[0],
            "xix": uni[1],
            "xxi": uni[2],
            "xxx": total,
        }
    cont = _nltk_contingency(count, marg, size)
    nltk_scores = _nltk_measures(count, uni, total, cont)

    names = np.asarray(types, dtype=object)
    label = names[words[0][at]]
    for w in words[1:]:
        label = label + " " + names[w[at]]
    table = pd.DataFrame(
        {
            "collocation": pd.array(label, dtype="str"),
            "count": counts[cand].astype(np.int64),
            "lambda": lam,
            "z": z,
            **nltk_scores,
        }
    )
    table = table.sort_values(
        [measure, "collocation"], ascending=[False, True], kind="stable", na_position="last"
    )
    return conform(table.reset_index(drop=True), "collocations")
