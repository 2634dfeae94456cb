"""Find republished and near-identical documents (syndicated wire stories, copies) and act on them.

Two documents are compared by the Jaccard similarity of their sets of word *shingles*: runs of
``shingle_size`` consecutive words of the diacritic-folded, lower-cased text
(:func:`analysis.text.fold`), so that a copy without Vietnamese diacritics or with other
capitalisation is the same text. The similarity of two documents is
``|A ∩ B| / |A ∪ B|`` over their shingle sets: 1.0 for the same words in the same order,
about 0.9 for a wire story republished under another outlet's header, and low for two
different articles that share a boilerplate block (the block is only part of each).

Small corpora (``method="exact"``, or ``"auto"`` up to :data:`AUTO_EXACT_MAX_DOCS` documents)
compare every pair exactly. Large ones (``"minhash"``) first find candidate pairs with MinHash
locality-sensitive hashing (the ``datasketch`` library; the approach media researchers use to
deduplicate news archives, e.g. O'Connor, Stewart & Smith 2013), then compute the exact
similarity of each candidate: no false positives, and the LSH bands are chosen so that a pair at
the threshold is proposed with probability :data:`LSH_RECALL` (0.99; higher above it).

Pairs above the threshold form clusters (connected components). In each cluster one document is
*kept*: the earliest ``date`` (documents without a date count as the latest), then the smallest
``doc_id``; the others are duplicates of it. :func:`apply_duplicates` flags or drops them.
"""

from __future__ import annotations

import hashlib
import re
from itertools import chain
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis._checks import check_choice, check_int, require_columns
from analysis.schema import conform, empty_table
from analysis.text import fold

__all__ = [
    "AUTO_EXACT_MAX_DOCS",
    "LSH_RECALL",
    "apply_duplicates",
    "duplicate_pairs",
    "find_duplicates",
]

Method = Literal["auto", "exact", "minhash"]
Action = Literal["flag", "drop", "keep"]
_METHODS = get_args(Method)
_ACTIONS = get_args(Action)

#: With ``method="auto"``, corpora up to this many documents are compared pair by pair.
AUTO_EXACT_MAX_DOCS = 2000

_WORD = re.compile(r"\w+")
_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier of the shingle hash
_MAX_NAMED = 5
_CHUNK = 1000  # documents whose words are held as strings at once


def _check_docs(docs: pd.DataFrame) -> None:
    require_columns(docs, ["doc_id", "text"], "docs")
    ids = docs["doc_id"].astype(str)
    dup = ids[ids.duplicated()].unique().tolist()
    if dup:
        raise ValueError(f"docs has repeated doc_id(s): {', '.join(map(repr, dup[:_MAX_NAMED]))}")
    bad = [str(d) for d, t in zip(ids, docs["text"], strict=True) if not isinstance(t, str)]
    if bad:
        raise TypeError(
            f"docs: text must be a string in every document; not in {', '.join(bad[:_MAX_NAMED])}"
        )


def _check_options(threshold: float, shingle_size: int, method: str, num_perm: int) -> None:
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, (int, float))
        or not 0 < threshold <= 1
    ):
        raise ValueError(f"threshold={threshold!r} must be a number in (0, 1]")
    check_int("shingle_size", shingle_size, 1)
    check_choice("method", method, _METHODS)
    check_int("num_perm", num_perm, 16)


def _shingles(texts: list[str], k: int) -> list[np.ndarray]:
    """Per document: the sorted distinct 64-bit hashes of its folded word k-shingles.

    Words are hashed by content (BLAKE2b of each distinct word), not by Python's salted
    ``hash``, so results are the same in every process; the shingle hash combines the word
    hashes of the window. A document with fewer than ``k`` words is one shingle of all of them.
    Documents are read in chunks so that only one chunk's words are in memory as strings.
    """
    cache: dict[str, int] = {}
    out: list[np.ndarray] = []
    for lo in range(0, len(texts), _CHUNK):
        out.extend(_chunk_shingles(texts[lo : lo + _CHUNK], k, cache))
    return out


def _chunk_shingles(texts: list[str], k: int, cache: dict[str, int]) -> list[np.ndarray]:
    words = [_WORD.findall(fold(text)) for text in texts]
    lengths = np.array([len(w) for w in words], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    flat = np.fromiter(chain.from_iterable(words), dtype=object, count=int(starts[-1]))
    del words
    codes, uniques = pd.factorize(flat)
    word_hash = np.array([_word_hash(w, cache) for w in uniques], dtype=np.uint64)
    h = word_hash[codes] if len(codes) else np.zeros(0, dtype=np.uint64)
    # acc[i] = hash of the window h[i : i + k] (truncated at the end of the chunk)
    acc = np.zeros(len(h), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc[: len(h) - j] = acc[: len(h) - j] * _MULT + h[j:]
    out = []
    for d, n in enumerate(lengths.tolist()):
        o = int(starts[d])
        if n >= k:
            out.append(np.unique(acc[o : o + n - k + 1]))
        elif n:
            one = np.zeros(1, dtype=np.uint64)
            with np.errstate(over="ignore"):
                for j in range(n):
                    one = one * _MULT + h[o + j]
            out.append(one)
        else:
            out.append(np.zeros(0, dtype=np.uint64))
    return out


def _word_hash(word: str, cache: dict[str, int]) -> int:
    h = cache.get(word)
    if h is None:
        h = cache[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest())
    return h


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union if union else 0.0


def _exact_pairs(sh: list[np.ndarray], threshold: float) -> list[tuple[int, int, float]]:
    from scipy import sparse

    sizes = np.array([len(s) for s in sh], dtype=np.int64)
    if not sizes.sum():
        return []
    cols, inverse = np.unique(np.concatenate(sh), return_inverse=True)
    rows = np.repeat(np.arange(len(sh)), sizes)
    m = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, inverse)), shape=(len(sh), len(cols))
    )
    inter = sparse.triu(m @ m.T, k=1).tocoo()
    sim = inter.data / (sizes[inter.row] + sizes[inter.col] - inter.data)
    keep = sim >= threshold
    return sorted(
        zip(inter.row[keep].tolist(), inter.col[keep].tolist(), sim[keep].tolist(), strict=True)
    )


#: Probability that LSH proposes a pair whose similarity is exactly the threshold.
LSH_RECALL = 0.99


def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows: the most rows per band (fewest candidates) that still find a pair at
    the threshold with probability :data:`LSH_RECALL` (candidates are then checked exactly,
    so recall is what the banding must guarantee, not precision)."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= LSH_RECALL:
            return bands, rows
    return num_perm, 1


def _identity(value: int) -> int:
    return value


def _minhash_pairs(
    sh: list[np.ndarray], threshold: float, num_perm: int, seed: int
) -> list[tuple[int, int, float]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(
        threshold=threshold, num_perm=num_perm, params=_lsh_params(threshold, num_perm)
    )
    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity)
    sigs = {}
    for i, s in enumerate(sh):
        if not len(s):
            continue
        m = template.copy()  # shares the permutations instead of drawing them again
        # datasketch permutes 32-bit values; the low half of the 64-bit shingle hash will do
        m.update_batch((s & np.uint64(0xFFFFFFFF)).tolist())
        lsh.insert(i, m)
        sigs[i] = m
    pairs = []
    for i, m in sigs.items():
        for j in lsh.query(m):
            if j > i:
                sim = _jaccard(sh[i], sh[j])
                if sim >= threshold:
                    pairs.append((i, j, sim))
    return sorted(pairs)


def _pairs(docs, threshold, shingle_size, method, num_perm, seed):
    _check_docs(docs)
    _check_options(threshold, shingle_size, method, num_perm)
    sh = _shingles(docs["text"].tolist(), shingle_size)
    if method == "exact" or (method == "auto" and len(docs) <= AUTO_EXACT_MAX_DOCS):
        return sh, _exact_pairs(sh, threshold)
    return sh, _minhash_pairs(sh, threshold, num_perm, seed)


def duplicate_pairs(
    docs: pd.DataFrame,
    *,
    threshold: float = 0.8,
    shingle_size: int = 5,
    method: Method = "auto",
    num_perm: int = 128,
    seed: int = 1,
) -> pd.DataFrame:
    """Pairs of documents whose shingle similarity is at least ``threshold``.

    Args:
        docs: the docs table (``doc_id``, ``text``).
        threshold: the smallest similarity in (0, 1] that makes a pair.
        shingle_size: words per shingle.
        method: ``"exact"``, ``"minhash"`` or ``"auto"`` (see :func:`find_duplicates`).
        num_perm: MinHash permutations.
        seed: the MinHash seed.

    Returns:
        One row per pair, ``doc_a`` before ``doc_b`` in corpus order, pairs in corpus order:
        ``doc_a`` (str), ``doc_b`` (str), ``similarity`` (float64, Jaccard of the shingle sets).

    Raises:
        TypeError, ValueError: as :func:`find_duplicates`.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"],
        ...                      "text": ["Thủ tướng Phạm Minh Chính gặp lãnh đạo ASEAN.",
        ...                               "Thu tuong Pham Minh Chinh gap lanh dao ASEAN.",
        ...                               "A different story."]})
        >>> duplicate_pairs(docs).values.tolist()
        [['a', 'b', 1.0]]
    """
    _, pairs = _pairs(docs, threshold, shingle_size, method, num_perm, seed)
    ids = docs["doc_id"].astype(str).tolist()
    if not pairs:
        return empty_table("duplicate_pairs")
    table = pd.DataFrame(
        [(ids[i], ids[j], s) for i, j, s in pairs], columns=["doc_a", "doc_b", "similarity"]
    )
    return conform(table, "duplicate_pairs")


def find_duplicates(
    docs: pd.DataFrame,
    *,
    threshold: float = 0.8,
    shingle_size: int = 5,
    method: Method = "auto",
    num_perm: int = 128,
    seed: int = 1,
) -> pd.DataFrame:
    """Clusters of duplicate documents, and which document of each to keep.

    Documents are compared by the Jaccard similarity of their sets of ``shingle_size``-word
    shingles of the folded text (case and diacritics ignored). Pairs at or above ``threshold``
    are linked; each connected group is a cluster (so a member may be linked to the kept
    document through another member, and its ``similarity`` can then be below the threshold).
    The kept document is the one with the earliest ``date`` (column of ``docs``, ISO 8601;
    documents without one count as the latest), then the smallest ``doc_id``.

    Args:
        docs: the docs table (``doc_id``, ``text``; ``date`` used when present).
        threshold: the smallest similarity in (0, 1] that makes two documents duplicates. At
            0.8 a republished copy (another outlet's header, same story) is a duplicate; two
            articles sharing a long preamble are not.
        shingle_size: words per shingle (5: long enough that common phrases do not link
            unrelated articles).
        method: ``"exact"`` compares every pair; ``"minhash"`` finds candidates by MinHash LSH
            (datasketch) then checks them exactly (for large corpora); ``"auto"`` is exact up
            to :data:`AUTO_EXACT_MAX_DOCS` documents.
        num_perm: MinHash permutations (more: fewer missed pairs, slower).
        seed: the MinHash seed (results are reproducible for a given seed).

    Returns:
        One row per document that has a duplicate, by cluster (numbered from 1 in corpus order
        of the kept documents), the kept document first, the others by date then ``doc_id``:

        * ``doc_id`` (str);
        * ``cluster`` (int64);
        * ``similarity`` (float64): Jaccard similarity to the kept document (1.0 on its row);
        * ``kept`` (bool): the document to keep;
        * ``duplicate_of`` (str): the kept document's ``doc_id`` (missing on the kept row).

    Raises:
        TypeError: ``docs`` is not a DataFrame, or a ``text`` is not a string.
        ValueError: ``doc_id``/``text`` missing, repeated ``doc_id``, ``threshold`` outside
            (0, 1], ``shingle_size`` below 1, ``num_perm`` below 16, an unknown ``method``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["vn", "wire", "other"],
        ...     "date": ["2023-12-07", "2023-12-06", "2023-12-06"],
        ...     "text": ["VNS: The talks in Hanoi ended with a joint statement on crime.",
        ...              "The talks in Hanoi ended with a joint statement on crime.",
        ...              "Markets rose on Wednesday."]})
        >>> find_duplicates(docs).values.tolist()
        [['wire', 1, 1.0, True, nan], ['vn', 1, 0.875, False, 'wire']]
    """
    sh, pairs = _pairs(docs, threshold, shingle_size, method, num_perm, seed)
    if not pairs:
        return empty_table("duplicates")
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in pairs:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = {}
    for i in sorted({i for p in pairs for i in p[:2]}):
        members.setdefault(root(i), []).append(i)
    ids = docs["doc_id"].astype(str).tolist()
    if "date" in docs.columns:
        when = pd.to_datetime(docs["date"], errors="coerce", format="ISO8601", utc=True)
        rank = when.rank(method="min", na_option="bottom").to_numpy()
    else:
        rank = np.ones(len(docs))
    clusters = [sorted(m, key=lambda i: (rank[i], ids[i])) for m in members.values()]
    clusters.sort(key=lambda m: m[0])
    rows = []
    for number, cluster in enumerate(clusters, start=1):
        kept = cluster[0]
        rows.append((ids[kept], number, 1.0, True, None))
        for i in cluster[1:]:
            rows.append((ids[i], number, _jaccard(sh[i], sh[kept]), False, ids[kept]))
    table = pd.DataFrame(rows, columns=["doc_id", "cluster", "similarity", "kept", "duplicate_of"])
    return conform(table, "duplicates")


def apply_duplicates(
    docs: pd.DataFrame, clusters: pd.DataFrame, action: Action = "flag"
) -> pd.DataFrame:
    """Flag, drop or keep the duplicates that :func:`find_duplicates` found.

    Args:
        docs: the docs table the clusters were computed on (not modified).
        clusters: the table returned by :func:`find_duplicates` (``doc_id``, ``kept``,
            ``duplicate_of``).
        action: ``"flag"`` adds a ``duplicate_of`` column (str: the kept document's
            ``doc_id``, missing for documents that are not duplicates); ``"drop"`` removes the
            duplicates, keeping one document per cluster (index renumbered); ``"keep"`` returns
            ``docs`` unchanged (a copy).

    Returns:
        The docs table, as described for ``action``.

    Raises:
        TypeError, ValueError: ``docs`` or ``clusters`` lack their columns, an unknown
            ``action``, or ``clusters`` names documents that are not in ``docs``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x y", "x y", "z"]})
        >>> clusters = find_duplicates(docs)
        >>> apply_duplicates(docs, clusters, "flag")["duplicate_of"].tolist()
        [nan, 'a', nan]
        >>> apply_duplicates(docs, clusters, "drop")["doc_id"].tolist()
        ['a', 'c']
    """
    require_columns(docs, ["doc_id"], "docs")
    require_columns(
        clusters, ["doc_id", "kept", "duplicate_of"], "clusters", "make it with find_duplicates"
    )
    check_choice("action", action, _ACTIONS)
    ids = docs["doc_id"].astype(str)
    unknown = sorted(set(clusters["doc_id"].astype(str)) - set(ids))
    if unknown:
        raise ValueError(
            f"clusters names document(s) not in docs: {', '.join(map(repr, unknown[:_MAX_NAMED]))}"
            "; were the clusters found on another corpus?"
        )
    dups = clusters[~clusters["kept"].astype(bool)]
    of = dict(zip(dups["doc_id"].astype(str), dups["duplicate_of"].astype(str), strict=True))
    if action == "keep":
        return docs.copy()
    if action == "drop":
        return docs[~ids.isin(of).to_numpy()].reset_index(drop=True)
    out = docs.copy()
    out["duplicate_of"] = ids.map(of).astype("str")
    return out
