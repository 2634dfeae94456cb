"""Which words keep company: adjacent word pairs and triples scored as collocations.

:func:`collocations` scores sequences of adjacent words with quanteda's λ and z
(``textstat_collocations``) and with NLTK's association measures, reproducing both tools.
Everything is computed on integer type codes with array operations. It counts through
:class:`CollocationCounts`, which also takes a corpus chunk by chunk (counts only, no tokens
kept) and gives the same table.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Literal, get_args

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis._checks import check_choice, check_int, require_columns
from analysis.frequency import column_codes, drop_types
from analysis.schema import conform, empty_table

__all__ = ["CollocationCounts", "collocations"]

CollocationMeasure = Literal[
    "z", "lambda", "likelihood_ratio", "pmi", "student_t", "chi_sq", "count"
]
_COLLOCATION_MEASURES = get_args(CollocationMeasure)
_COLLOCATION_SIZES = (2, 3)
# NLTK adds this to denominators and logarithm arguments (nltk.metrics.association._SMALL).
_NLTK_SMALL = 1e-20


def _segments(tokens: pd.DataFrame, keep: np.ndarray) -> np.ndarray:
    """Segment number of every kept token (``keep``: one flag per row of ``tokens``).

    A segment is a run of kept tokens that are adjacent in the document within one sentence:
    a sentence boundary, a dropped token (punctuation, stopword) or a gap in ``tok`` left by an
    earlier :func:`analysis.token_transforms.tokens_remove` ends it, as quanteda's padding does.
    """
    doc = column_codes(tokens, "doc_id")[0][keep]
    sent = tokens["sent"].to_numpy()[keep]
    tok = tokens["tok"].to_numpy().astype(np.int64)[keep]
    brk = np.ones(len(doc), bool)
    brk[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1]) | (tok[1:] != tok[:-1] + 1)
    return np.cumsum(brk)


def _encode(digits: Sequence[np.ndarray], base: int, n: int) -> np.ndarray:
    """One int64 key per row from the type codes in ``digits`` (most significant first)."""
    out = np.zeros(n, np.int64)
    for d in digits:
        out = out * base + d
    return out


def _decode(keys: np.ndarray, base: int, width: int) -> list[np.ndarray]:
    """The ``width`` type codes of every key of :func:`_encode`."""
    digits = []
    rest = keys
    for _ in range(width):
        rest, d = np.divmod(rest, base)
        digits.append(d)
    return digits[::-1]


def _aggregate(keys: np.ndarray, counts: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct keys and their summed counts (each key counts 1 without ``counts``).

    In no particular order: every count is per key, and the table is sorted by its scores.
    """
    if counts is None:
        # A sort and the run lengths: a third of the time of a hash table over the keys.
        ordered = np.sort(np.asarray(keys, np.int64))
        if not len(ordered):
            return ordered, np.zeros(0, np.int64)
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        return ordered[starts], np.diff(np.r_[starts, len(ordered)]).astype(np.int64)
    codes, uniques = pd.factorize(keys, sort=False)
    sums = np.bincount(codes, weights=counts, minlength=len(uniques))
    return np.asarray(uniques, np.int64), np.rint(sums).astype(np.int64)


class _KeyCounts:
    """Counts of int64 keys, merged as they come: parts are re-aggregated once they outgrow
    the merged table, so memory stays a small multiple of the distinct keys."""

    #: Pending rows that trigger a merge (at least; more once the merged table is larger).
    merge_at = 1 << 20

    def __init__(self) -> None:
        self.keys = np.zeros(0, np.int64)
        self.counts = np.zeros(0, np.int64)
        self._parts: list[tuple[np.ndarray, np.ndarray]] = []
        self._pending = 0

    def add(self, keys: np.ndarray, counts: np.ndarray) -> None:
        self._parts.append((keys, counts))
        self._pending += len(keys)
        if self._pending > max(len(self.keys), self.merge_at):
            self.merge()

    def merge(self) -> None:
        if not self._parts:
            return
        if len(self.keys) == 0 and len(self._parts) == 1:
            self.keys, self.counts = self._parts[0]  # already distinct
        else:
            keys = np.concatenate([self.keys, *(k for k, _ in self._parts)])
            counts = np.concatenate([self.counts, *(c for _, c in self._parts)])
            self.keys, self.counts = _aggregate(keys, counts)
        self._parts, self._pending = [], 0

    def recode(self, old: int, new: int, width: int) -> None:
        """Re-encode the keys for a larger base (the vocabulary outgrew the old one)."""
        self.merge()
        self.keys = _encode(_decode(self.keys, old, width), new, len(self.keys))


def _row_sums(cells: np.ndarray) -> np.ndarray:
    """Sum of every row, column by column: unlike ``sum(axis=1)`` (vectorised across rows), a
    row's sum never depends on where the row sits, so chunked and whole-corpus tables agree
    to the last bit."""
    out = np.zeros(len(cells))
    for col in range(cells.shape[1]):
        out = out + cells[:, col]
    return out


def _nltk_expected(cont: np.ndarray, size: int) -> np.ndarray:
    """NLTK's ``NgramAssocMeasures._expected_values``, over rows of contingency tables."""
    n_all = _row_sums(cont)
    out = np.empty_like(cont)
    for i in range(2**size):
        prod = np.ones(len(cont))
        for j in (1 << k for k in range(size)):
            same = [x for x in range(2**size) if (x & j) == (i & j)]
            prod = prod * _row_sums(cont[:, same])
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
        likelihood = 2 * _row_sums(cont * np.log(cont / (exp + _NLTK_SMALL) + _NLTK_SMALL))
        if size == 2:
            n_ii, n_oi, n_io, n_oo = cont.T
            phi_sq = (n_ii * n_oo - n_io * n_oi) ** 2 / (
                (n_ii + n_io) * (n_ii + n_oi) * (n_io + n_oo) * (n_oi + n_oo)
            )
            chi_sq = total * phi_sq
        else:
            chi_sq = _row_sums((cont - exp) ** 2 / (exp + _NLTK_SMALL))
    return {
        "likelihood_ratio": likelihood,
        "pmi": pmi,
        "student_t": student_t,
        "chi_sq": chi_sq,
    }


def _lambda_z(cells: np.ndarray, size: int, smoothing: float) -> tuple[np.ndarray, np.ndarray]:
    """quanteda's λ and z from the 2^size cells (column = bit mask of matching positions)."""
    counts = cells + smoothing
    signs = np.array([1.0 if (size - bin(m).count("1")) % 2 == 0 else -1.0 for m in range(2**size)])
    # Not ``np.log(counts) @ signs``: BLAS gives a row a different last bit depending on its
    # position, and a chunked table must equal the whole-corpus one.
    lam = _row_sums(np.log(counts) * signs)
    z = lam / np.sqrt(_row_sums(1.0 / counts))
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

    For a corpus tokenised chunk by chunk, :class:`CollocationCounts` gives the same table
    from counts.

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
    _check_table_options(measure, min_count, smoothing)
    counts = CollocationCounts(size, remove_punct=remove_punct, stopwords=stopwords)
    counts.add(tokens)
    return counts.table(min_count=min_count, measure=measure, smoothing=smoothing)


def _check_table_options(measure: str, min_count: int, smoothing: float) -> int:
    check_choice("measure", measure, _COLLOCATION_MEASURES)
    min_count = check_int("min_count", min_count, 1)
    if not isinstance(smoothing, int | float) or smoothing < 0:
        raise ValueError(f"smoothing={smoothing!r} must be a number of at least 0")
    return min_count


class CollocationCounts:
    """The counts behind :func:`collocations`, added up chunk by chunk (bounded memory).

    Every count the scores use — sequences of ``size`` adjacent words (from which the counts
    per subset of matching positions follow), adjacent pairs, word counts and the number of
    words — adds up over documents, so a corpus tokenised in chunks gives the same table as
    :func:`collocations` on all its tokens: ``cc.add(chunk_tokens)`` for every chunk, then
    ``cc.table()``. What is kept is one count per distinct sequence (and pair), never tokens.

    A document must not be split across chunks (a sequence never spans two calls). The
    chunks' ``norm`` categories may be independent, or extend one another (one
    :class:`analysis.text.Vocabulary` passed to every :func:`analysis.text.tokenize`): types
    are matched by their text.

    Args:
        size: 2 (pairs) or 3 (triples).
        remove_punct: punctuation breaks sequences (otherwise punctuation marks are words).
        stopwords: words that break sequences (compared folded).

    Raises:
        ValueError: a bad ``size``.
        TypeError: ``stopwords`` given as one string.

    Example:
        >>> vocab = Vocabulary()
        >>> cc = CollocationCounts(2)
        >>> for text in ["I like good ice cream.", "Me too! I like good ice cream."]:
        ...     cc.add(tokenize(pd.DataFrame({"doc_id": [text[:2]], "text": [text]}),
        ...                     vocabulary=vocab))
        >>> cc.table()[["collocation", "count"]].values.tolist()
        [['good ice', 2], ['i like', 2], ['ice cream', 2], ['like good', 2]]
        >>> cc
        CollocationCounts(size=2, n_words=12, n_types=9, n_sequences=9)
    """

    def __init__(
        self, size: int = 2, *, remove_punct: bool = True, stopwords: Iterable[str] | None = None
    ) -> None:
        check_choice("size", size, _COLLOCATION_SIZES)
        drop_types(pd.Index([], dtype=str), remove_punct=False, stopwords=stopwords)  # a check
        self.size = size
        self.remove_punct = remove_punct
        self.stopwords = None if stopwords is None else list(stopwords)
        self._names = pd.Index([], dtype=str)  # global type id -> norm
        self._drop = np.zeros(0, bool)  # per global type: breaks sequences
        self._base = 1  # keys encode type ids in this base; grows with the vocabulary
        self._sequences = _KeyCounts()
        self._pairs = _KeyCounts()  # size 3 only: NLTK's (w1, w2) marginals
        self._words = np.zeros(0, np.int64)  # per global type
        self._n_words = 0

    def __repr__(self) -> str:
        self._sequences.merge()
        return (
            f"CollocationCounts(size={self.size}, n_words={self._n_words}, "
            f"n_types={len(self._names)}, n_sequences={int(self._sequences.counts.sum())})"
        )

    def _global_types(self, tokens: pd.DataFrame) -> np.ndarray:
        """Global type id of every token (new types are added to the vocabulary)."""
        typ, types = column_codes(tokens, "norm")
        seen = np.bincount(typ, minlength=len(types))
        if len(self._names) == 0 and seen.all():
            # First chunk (or the whole corpus): its categories are the vocabulary as they are.
            # Not so when most are unused (a chunk tokenised with a vocabulary carried across
            # chunks has every type seen so far): only its own types are kept then, so that
            # what is flagged, pickled and merged grows with the chunk, not with the corpus.
            self._names = types
            self._drop = drop_types(types, remove_punct=self.remove_punct,
                                    stopwords=self.stopwords)  # fmt: skip
            self._grow_base(len(types))
            return np.asarray(typ, np.int64)
        used = np.flatnonzero(seen)
        local = np.full(len(types), -1, np.int64)
        local[used] = self._type_ids(types[used])
        return local[typ]

    def _type_ids(self, types: pd.Index) -> np.ndarray:
        """Global id of each of the distinct ``types`` (the unknown ones are appended to the
        vocabulary in their order)."""
        n_old = len(self._names)
        gid = self._names.get_indexer(types).astype(np.int64)
        unknown = gid < 0
        gid[unknown] = n_old + np.arange(int(unknown.sum()))
        if unknown.any():
            added = pd.Index(types[unknown], dtype=str)
            self._names = self._names.append(added)
            drop = drop_types(added, remove_punct=self.remove_punct, stopwords=self.stopwords)
            self._drop = np.concatenate([self._drop, drop])
            self._grow_base(len(self._names))
        return gid

    def _grow_base(self, n_types: int) -> None:
        if n_types <= self._base:
            return
        if n_types**self.size >= 2**62:
            raise ValueError(f"vocabulary of {n_types} types is too large for size={self.size}")
        # Grow geometrically (re-encoding is rare), within what int64 keys can hold.
        cap = int(round((2**62) ** (1 / self.size)))
        while cap**self.size >= 2**62:
            cap -= 1
        new = n_types if self._base == 1 else min(cap, max(n_types, 2 * self._base))
        self._sequences.recode(self._base, new, self.size)
        self._pairs.recode(self._base, new, 2)
        self._base = new

    def add(self, tokens: pd.DataFrame) -> None:
        """Count the sequences of one chunk of whole documents.

        Args:
            tokens: the tokens table of the chunk (columns ``doc_id``, ``sent``, ``tok``,
                ``norm``), e.g. from :func:`analysis.text.tokenize`.

        Raises:
            ValueError: a missing column; a vocabulary too large for int64 keys.
        """
        require_columns(tokens, ["doc_id", "sent", "tok", "norm"], "tokens")
        typ_all = self._global_types(tokens)
        keep = ~self._drop[typ_all] if len(typ_all) else np.zeros(0, bool)
        typ = typ_all[keep]
        seg = _segments(tokens, keep)
        size, base = self.size, self._base
        if len(self._words) < len(self._names):
            self._words = np.concatenate(
                [self._words, np.zeros(len(self._names) - len(self._words), np.int64)]
            )
        self._words += np.bincount(typ, minlength=len(self._words))
        self._n_words += len(typ)
        if size == 3:
            # Also in a chunk without any triple: its pairs count in NLTK's marginals.
            adjacent = np.flatnonzero(seg[1:] == seg[:-1])
            pairs = _encode([typ[adjacent], typ[adjacent + 1]], base, len(adjacent))
            self._pairs.add(*_aggregate(pairs))
        m = len(typ) - size + 1
        if m > 0:
            start = np.flatnonzero(seg[size - 1 :] == seg[:m])
            sequences = _encode([typ[start + k] for k in range(size)], base, len(start))
            self._sequences.add(*_aggregate(sequences))

    def merge(self, other: CollocationCounts) -> None:
        """Add the counts of another object (e.g. one chunk's, made in another process).

        Args:
            other: a :class:`CollocationCounts` with the same ``size``, ``remove_punct`` and
                ``stopwords``; its documents must not be in this one.

        Raises:
            ValueError: the options differ.
        """
        mine = (self.size, self.remove_punct, self.stopwords)
        theirs = (other.size, other.remove_punct, other.stopwords)
        if mine != theirs:
            raise ValueError(f"cannot merge CollocationCounts with other options: {theirs}")
        other._sequences.merge()
        other._pairs.merge()
        if not len(other._names):
            return
        # Their type ids -> ours, by text (new types join the vocabulary). Their names are
        # distinct and each is used: looked up as they are (no tokens-like table to build).
        if len(self._names) == 0:
            ids = self._global_types(pd.DataFrame({"norm": pd.Categorical.from_codes(
                np.arange(len(other._names)), categories=other._names)}))  # fmt: skip
        else:
            ids = self._type_ids(other._names)
        if len(self._words) < len(self._names):
            self._words = np.concatenate(
                [self._words, np.zeros(len(self._names) - len(self._words), np.int64)]
            )
        n_theirs = len(other._words)
        self._words += np.bincount(ids[:n_theirs], weights=other._words, minlength=len(self._words)
                                   ).astype(np.int64)  # fmt: skip
        self._n_words += other._n_words
        for mine_counts, theirs_counts, width in (
            (self._sequences, other._sequences, self.size),
            (self._pairs, other._pairs, 2),
        ):
            if len(theirs_counts.keys):
                digits = [ids[d] for d in _decode(theirs_counts.keys, other._base, width)]
                mine_counts.add(_encode(digits, self._base, len(theirs_counts.keys)),
                                theirs_counts.counts)  # fmt: skip

    def table(
        self,
        *,
        min_count: int = 2,
        measure: CollocationMeasure = "z",
        smoothing: float = 0.5,
    ) -> pd.DataFrame:
        """The collocations table of everything added so far.

        Args:
            min_count: keep collocations occurring at least this often; all scores use every
                candidate, whatever its count.
            measure: the column the table is sorted by, descending (then collocation).
            smoothing: added to every cell for λ and z.

        Returns:
            The table of :func:`collocations` (same columns, order and values as
            :func:`collocations` on all the chunks' tokens concatenated).

        Raises:
            ValueError: a bad option value.
        """
        min_count = _check_table_options(measure, min_count, smoothing)
        self._sequences.merge()
        self._pairs.merge()
        return _score_table(
            self._sequences.keys, self._sequences.counts, self._pairs, self._words,
            self._n_words, self._names, self._base,
            size=self.size, min_count=min_count, measure=measure, smoothing=smoothing,
        )  # fmt: skip


def _score_table(
    keys: np.ndarray,
    counts: np.ndarray,
    pairs: _KeyCounts,
    word_counts: np.ndarray,
    n_words: int,
    types: pd.Index,
    base: int,
    *,
    size: int,
    min_count: int,
    measure: str,
    smoothing: float,
) -> pd.DataFrame:
    """The collocations table from distinct sequences (``keys``) and their counts."""
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
    if len(keys) == 0:
        return empty_table("collocations", columns=columns)
    seq_words = _decode(keys, base, size)
    cand = np.flatnonzero(counts >= min_count)
    words = [w[cand] for w in seq_words]
    count = counts[cand].astype(np.float64)
    n_sequences = float(counts.sum())

    # quanteda: M(S) = sequences agreeing with the candidate on the positions in S (the sum of
    # the counts of the distinct sequences with the same words there); the cell of the
    # exactly-matching set A follows by inclusion–exclusion over the supersets of A.
    positions = range(size)
    subsets = [s for r in range(size + 1) for s in itertools.combinations(positions, r)]
    agree = {}
    for s in subsets:
        if not s:
            agree[s] = np.full(len(cand), n_sequences)
        elif len(s) == size:
            agree[s] = count
        else:
            sub = _encode([seq_words[k] for k in s], base, len(keys))
            codes, uniques = pd.factorize(sub, sort=False)
            sums = np.bincount(codes, weights=counts, minlength=len(uniques))
            agree[s] = sums[codes[cand]]
    cells = np.zeros((len(cand), 2**size))
    for a_set in subsets:
        col = sum(1 << k for k in a_set)
        for s in subsets:
            if set(a_set) <= set(s):
                cells[:, col] += (-1) ** (len(s) - len(a_set)) * agree[s]
    lam, z = _lambda_z(cells, size, smoothing)

    # NLTK: marginals from word counts over all kept tokens, within-sequence pairs, N words.
    word_count = word_counts.astype(np.float64)
    uni = [word_count[w] for w in words]
    total = float(n_words)
    if size == 2:
        marg = {"ix": uni[0], "xi": uni[1], "xx": total}
    else:
        pair_index = pd.Index(pairs.keys)

        def pair_count(first: np.ndarray, second: np.ndarray) -> np.ndarray:
            at = pair_index.get_indexer(_encode([first, second], base, len(first)))
            return pairs.counts[at].astype(np.float64)

        marg = {
            "iix": pair_count(words[0], words[1]),
            "ixi": agree[(0, 2)],
            "xii": pair_count(words[1], words[2]),
            "ixx": uni[0],
            "xix": uni[1],
            "xxi": uni[2],
            "xxx": total,
        }
    cont = _nltk_contingency(count, marg, size)
    nltk_scores = _nltk_measures(count, uni, total, cont)

    label = _joined(types, words)
    table = pd.DataFrame(
        {
            "collocation": pd.array(label, dtype="str"),
            "count": counts[cand].astype(np.int64),
            "lambda": lam,
            "z": z,
            **nltk_scores,
        }
    )
    # ``sort_values([measure, "collocation"], ascending=[False, True], na_position="last")``
    # (the collocations are distinct: one order), as one lexsort on numbers: the collocations'
    # code-point ranks from one Arrow sort instead of pandas' factorising of them.
    value = table[measure].to_numpy(np.float64)
    missing = np.isnan(value)
    alpha = np.empty(len(label), np.int64)
    alpha[pc.sort_indices(label).to_numpy()] = np.arange(len(label))
    order = np.lexsort((alpha, -np.where(missing, 0.0, value), missing))
    return conform(table.take(order).reset_index(drop=True), "collocations")


def _joined(types: pd.Index, words: Sequence[np.ndarray]) -> pa.Array:
    """``" ".join(types[w[j]] for w in words)`` for every j, as one Arrow string array."""
    names = pa.array(types.array) if hasattr(types.array, "__arrow_array__") else pa.array(
        [str(t) for t in types], type=pa.large_string())  # fmt: skip
    if isinstance(names, pa.ChunkedArray):
        names = names.combine_chunks()
    columns = [names.take(pa.array(w)) for w in words]
    return pc.binary_join_element_wise(*columns, pa.scalar(" ", names.type))
