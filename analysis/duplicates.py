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
locality-sensitive hashing (the ``datasketch`` library's MinHash; the approach media researchers
use to deduplicate news archives, e.g. O'Connor, Stewart & Smith 2013), then compute the exact
similarity of each candidate: no false positives, and the LSH bands are chosen so that a pair at
the threshold is proposed with probability :data:`LSH_RECALL` (0.99; higher above it).

Speed (hand-written parts, each equal to the library's result; tests/test_duplicates_fast.py
checks it): the signatures are datasketch's (its permutations, its ``affine32`` formula) but
computed for many documents at once with numpy, and the banding sorts each band instead of
inserting every document into ``datasketch.MinHashLSH`` and querying it (same candidate pairs:
its buckets are keyed by the exact values of a band). Words are found and hashed in numpy
over a whole chunk of documents, and shingles are deduplicated with one sort per chunk. A
corpus of more than :data:`analysis._parallel.PARALLEL_MIN_DOCS` documents is shingled and
signed by forked worker processes, one range of documents each (a document's shingles and
signature depend on it alone; tests/test_load_speed_equivalence.py checks the result is the
same). On the 50 MB benchmark corpus (15,957 documents) this took :func:`find_duplicates` from
11-14 s to about 3 s of CPU time, with the same clusters.

Pairs above the threshold form clusters (connected components). In each cluster one document is
*kept*: the earliest ``date`` (documents without a date count as the latest), then the smallest
``doc_id``; the others are duplicates of it. :func:`apply_duplicates` flags or drops them.
"""

from __future__ import annotations

import hashlib
import re
from itertools import combinations
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis._checks import check_choice, check_int, require_columns
from analysis._parallel import fork_map, split_ranges, worker_count
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
_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_NOT_WORD_BYTE = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))
_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier of the shingle hash
_SPACE = 0x20
_LOW_BYTES = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)  # n low bytes set
_MAX_NAMED = 5
_SIG_BLOCK = 1 << 16  # shingles hashed together by _signatures (256 KB)
_CHUNK = 1000  # documents whose words are held at once (< 2**14: see _chunk_shingles)


def _check_docs(docs: pd.DataFrame) -> None:
    require_columns(docs, ["doc_id", "text"], "docs")
    ids = docs["doc_id"].astype(str)
    dup = ids[ids.duplicated()].unique().tolist()
    if dup:
        raise ValueError(f"docs has repeated doc_id(s): {', '.join(map(repr, dup[:_MAX_NAMED]))}")
    texts = docs["text"].tolist()  # not Arrow's slow iteration
    bad = [str(d) for d, t in zip(ids.tolist(), texts, strict=True) if not isinstance(t, str)]
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
    The arrays returned are views into one array holding every document's shingles.
    """
    flat, counts = _shingle_arrays(texts, k)
    return _split(flat, counts)


def _split(flat: np.ndarray, counts: np.ndarray) -> list[np.ndarray]:
    if not len(counts):
        return []
    return np.split(flat, np.cumsum(counts)[:-1])


def _shingle_arrays(texts: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """Every document's shingles as one array (document after document, each sorted and
    distinct) and the number of shingles of each document. Documents are read in chunks of
    ``_CHUNK`` so that only one chunk's words are in memory at once."""
    hashes = _WordHashes()
    parts, counts = [np.zeros(0, dtype=np.uint64)], [np.zeros(0, dtype=np.int64)]
    for lo in range(0, len(texts), _CHUNK):
        flat, per_doc = _chunk_shingles(texts[lo : lo + _CHUNK], k, hashes)
        parts.append(flat)
        counts.append(per_doc)
    return np.concatenate(parts), np.concatenate(counts).astype(np.int64)


def _chunk_shingles(texts: list[str], k: int, hashes: _WordHashes) -> tuple[np.ndarray, np.ndarray]:
    """A chunk's shingle sets as one array (document after document, each sorted and
    distinct) and the number of shingles of each document.

    Hand-written in numpy rather than ``np.unique`` per document: one sort of the whole chunk
    by (document, hash) replaces a thousand small calls (on the 50 MB benchmark corpus the
    per-document calls took a sixth of the shingling time), with the same sets. The caller
    passes at most ``_CHUNK`` documents, so document numbers are small.
    """
    h, lengths = hashes.of_words(texts)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    # acc[i] = hash of the window h[i : i + k] (truncated at the end of the chunk)
    acc = np.zeros(len(h), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            head = acc[: len(h) - j]
            np.multiply(head, _MULT, out=head)
            np.add(head, h[j:], out=head)
    doc = np.repeat(np.arange(len(texts)), lengths)
    # a whole window starts here: its last word is in the document
    full = np.arange(k - 1, len(h) + k - 1) < np.repeat(starts[1:], lengths)
    values, owner = acc[full], doc[full]
    # a document shorter than a shingle: one shingle of all its words
    short = np.flatnonzero((lengths > 0) & (lengths < k))
    if len(short):
        one = np.zeros(len(short), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for j in range(k - 1):
                inside = j < lengths[short]
                pos = np.minimum(starts[short] + j, max(len(h) - 1, 0))
                one = np.where(inside, one * _MULT + h[pos], one)
        values = np.concatenate([values, one])
        owner = np.concatenate([owner, short])
    # by document, then by hash: one sort of the document number and the hash's high bits;
    # in the rare case that two hashes of a document share those bits and come out of order,
    # a second, exact sort (by hash, then a stable radix sort of the small document numbers)
    order = np.argsort((owner.astype(np.uint64) << np.uint64(50)) | (values >> np.uint64(14)))
    ranked, by = values[order], owner[order]
    if np.any((ranked[1:] < ranked[:-1]) & (by[1:] == by[:-1])):
        order = np.argsort(values)
        order = order[np.argsort(owner[order].astype(np.int16), kind="stable")]
        ranked, by = values[order], owner[order]
    values, owner = ranked, by
    first = np.ones(len(values), dtype=bool)
    first[1:] = (values[1:] != values[:-1]) | (owner[1:] != owner[:-1])
    return values[first], np.bincount(owner[first], minlength=len(texts))


def _word_bytes(text: str) -> bytes:
    """The words (``\\w+``) of the folded text as UTF-8, separated by spaces (a word holds no
    space byte, nor a zero byte). For ASCII text ``\\w`` is ``[A-Za-z0-9_]``, and blanking every
    other byte is several times faster than ``findall`` (most folded news texts are ASCII).

    A text with a non-ASCII character is folded line by line, which equals folding it whole
    (folding works character by character; a line break stops both the reordering of
    combining marks and the final-sigma rule of ``lower``), so that the ASCII lines take
    :func:`~analysis.text.fold`'s fast path: a sixth of the time on the 50 MB benchmark corpus,
    where one curly quote made a whole article slow.
    """
    if text.isascii():
        folded = text.lower()  # what fold does to ASCII text
    else:
        folded = "\n".join([fold(line) for line in text.split("\n")])
    if folded.isascii():
        return folded.encode().translate(_NOT_WORD_BYTE)
    return " ".join(_WORD.findall(folded)).encode()


def _word_hash(word: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(word, digest_size=8).digest())


def _load8(buf: np.ndarray, at: np.ndarray, n: np.ndarray) -> np.ndarray:
    """``buf[at : at + min(n, 8)]`` of each position as a little-endian uint64, zero-padded:
    an exact key of a word of up to 8 bytes (a word holds no zero byte). ``buf`` ends with
    at least 8 padding bytes."""
    view = np.ndarray(shape=(len(buf) - 7,), dtype="<u8", buffer=buf, strides=(1,))
    return view[np.minimum(at, len(view) - 1)] & _LOW_BYTES[np.minimum(n, 8)]


class _WordHashes:
    """The BLAKE2b hash of every word of many texts, each distinct word hashed once.

    Hand-written in numpy instead of splitting texts into Python word objects: the texts'
    words are laid out in one byte array, a word of up to 8 bytes (nine words in ten in news)
    is identified exactly by its bytes read as one integer, a longer one by a few such
    integers, and only the distinct words reach Python (to be hashed once per call). On the
    50 MB benchmark corpus this took the word hashing from 3.6 s to about 2 s of CPU time,
    with the same hashes.
    """

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)  # the short words seen, as sorted keys
        self.values = np.zeros(0, dtype=np.uint64)  # their hashes
        self.long: dict[bytes, int] = {}

    def of_words(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The hash of every word of ``texts`` in order, and the number of words of each."""
        parts = [_word_bytes(t) for t in texts]
        blob = b" " + b" ".join(parts) + b" " * 9
        buf = np.frombuffer(blob, dtype=np.uint8)
        word = buf != _SPACE
        edges = np.flatnonzero(word[1:] != word[:-1]) + 1
        starts, ends = edges[0::2], edges[1::2]
        lens = ends - starts
        offsets = np.cumsum([1] + [len(p) + 1 for p in parts])
        counts = np.diff(np.searchsorted(starts, offsets)).astype(np.int64)
        h = np.empty(len(starts), dtype=np.uint64)
        key = _load8(buf, starts, lens)
        short = lens <= 8
        codes, uniques = pd.factorize(key[short])
        h[short] = self._short(np.asarray(uniques, dtype=np.uint64))[codes]
        long = np.flatnonzero(~short)
        if len(long):
            h[long] = self._long(blob, buf, starts[long], lens[long], key[long])
        return h, counts

    def _short(self, keys: np.ndarray) -> np.ndarray:
        pos = np.searchsorted(self.keys, keys)
        known = pos < len(self.keys)
        known[known] = self.keys[pos[known]] == keys[known]
        out = np.empty(len(keys), dtype=np.uint64)
        out[known] = self.values[pos[known]]
        new = keys[~known]
        found = [_word_hash(k.to_bytes(8, "little").rstrip(b"\0")) for k in new.tolist()]
        out[~known] = np.array(found, dtype=np.uint64)
        if len(new):
            keys = np.concatenate([self.keys, new])
            order = np.argsort(keys)
            self.keys, self.values = keys[order], np.concatenate([self.values, out[~known]])[order]
        return out

    def _long(
        self, blob: bytes, buf: np.ndarray, starts: np.ndarray, lens: np.ndarray, key: np.ndarray
    ) -> np.ndarray:
        # words longer than 8 bytes: one code per distinct sequence of 8-byte blocks
        codes, uniques = pd.factorize(key)
        for b in range(1, int(lens.max() + 7) // 8):
            block = _load8(buf, starts + 8 * b, np.maximum(lens - 8 * b, 0))
            more, more_uniques = pd.factorize(block)
            codes, uniques = pd.factorize(codes * len(more_uniques) + more)
        _, first = np.unique(codes, return_index=True)
        cache = self.long
        hashed = np.empty(len(first), dtype=np.uint64)
        for i, (s, n) in enumerate(zip(starts[first].tolist(), lens[first].tolist(), strict=True)):
            w = blob[s : s + n]
            v = cache.get(w)
            if v is None:
                v = cache[w] = _word_hash(w)
            hashed[i] = v
        return hashed[codes]


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


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer, which datasketch's default ``affine32`` scheme applies
    to each input hash before its permutations (same constants, same wrap-around)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _signatures(sh: list[np.ndarray], num_perm: int, seed: int) -> np.ndarray:
    """The MinHash signature of each (non-empty) shingle set: one row per set.

    The rows equal ``datasketch.MinHash(num_perm, seed).update_batch`` of the set's low 32
    bits (datasketch permutes 32-bit values), with datasketch's own permutations; the tests
    check it. Hand-written because datasketch hashes one document per call: here each
    permutation is applied to many documents' shingles at once (a block of
    :data:`_SIG_BLOCK` shingles, small enough to stay in the CPU cache while the 128
    permutations are applied to it) and the minimum per document taken with
    ``np.minimum.reduceat``, several times faster than one ``update_batch`` per document
    (measured on the 50 MB benchmark corpus). Any other datasketch scheme (the
    ``legacy`` one of datasketch 1.x) is computed by datasketch itself, document by document.
    """
    from datasketch import MinHash

    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity)
    if getattr(template, "scheme", None) != "affine32":
        rows = []
        for s in sh:
            m = template.copy()  # shares the permutations instead of drawing them again
            m.update_batch((s & np.uint64(0xFFFFFFFF)).tolist())
            rows.append(m.hashvalues)
        return np.array(rows).reshape(len(sh), num_perm)
    a, b = (np.asarray(p, dtype=np.uint32) for p in template.permutations)
    mixed = _fmix32((np.concatenate(sh) & np.uint64(0xFFFFFFFF)).astype(np.uint32))
    starts = np.concatenate([[0], np.cumsum([len(s) for s in sh])]).astype(np.intp)
    sig = np.empty((num_perm, len(sh)), dtype=np.uint32)
    buf = np.empty(_SIG_BLOCK + int(np.diff(starts).max()), dtype=np.uint32)
    lo = 0
    with np.errstate(over="ignore"):
        while lo < len(sh):
            # the documents whose shingles fit in the block (at least one): all permutations
            # are applied to a block small enough to stay in the CPU cache
            hi = int(np.searchsorted(starts, starts[lo] + _SIG_BLOCK, side="right")) - 1
            hi = min(max(hi, lo + 1), len(sh))
            seg = mixed[starts[lo] : starts[hi]]
            out = buf[: len(seg)]
            at = starts[lo:hi] - starts[lo]
            for p in range(num_perm):
                np.multiply(seg, a[p], out=out)
                np.add(out, b[p], out=out)
                sig[p, lo:hi] = np.minimum.reduceat(out, at)
            lo = hi
    return sig.T


def _band_candidates(sig: np.ndarray, bands: int, rows: int) -> list[tuple[int, int]]:
    """Pairs of rows ``(i, j)``, ``i < j``, whose signatures agree on all ``rows`` values of at
    least one of ``bands`` bands: the pairs ``datasketch.MinHashLSH(params=(bands, rows))``
    returns (its buckets are keyed by the exact bytes of each band), found by sorting each
    band instead of inserting and querying one document at a time (the tests compare both).
    Each band is sorted by a 64-bit hash of its values; the few rows that share a hash are
    then grouped by their exact values, so a hash collision never makes a pair.
    """
    found: set[tuple[int, int]] = set()
    for band in range(bands):
        cols = sig[:, band * rows : (band + 1) * rows]
        key = np.zeros(len(cols), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for c in range(cols.shape[1]):
                key = (key * _MULT) ^ cols[:, c].astype(np.uint64)
        order = np.argsort(key)
        ranked = key[order]
        new = np.ones(len(order), dtype=bool)
        new[1:] = ranked[1:] != ranked[:-1]
        edges = np.flatnonzero(np.concatenate([new, [True]]))
        for lo, hi in zip(edges[:-1].tolist(), edges[1:].tolist(), strict=True):
            if hi - lo > 1:
                same: dict[bytes, list[int]] = {}
                for i in sorted(order[lo:hi].tolist()):
                    same.setdefault(cols[i].tobytes(), []).append(i)
                for members in same.values():
                    found.update(combinations(members, 2))
    return sorted(found)


def _minhash_pairs(
    sh: list[np.ndarray],
    threshold: float,
    num_perm: int,
    seed: int,
    sig: np.ndarray | None = None,
) -> list[tuple[int, int, float]]:
    """Candidate pairs by MinHash LSH (:func:`_signatures`, :func:`_band_candidates`), each
    checked with its exact similarity. Documents without shingles take no part. ``sig``: the
    signatures of the documents with shingles, when already computed."""
    docs = [i for i, s in enumerate(sh) if len(s)]
    if len(docs) < 2:
        return []
    if sig is None:
        sig = _signatures([sh[i] for i in docs], num_perm, seed)
    pairs = []
    for a, b in _band_candidates(sig, *_lsh_params(threshold, num_perm)):
        i, j = docs[a], docs[b]
        sim = _jaccard(sh[i], sh[j])
        if sim >= threshold:
            pairs.append((i, j, sim))
    return sorted(pairs)


def _pairs(docs, threshold, shingle_size, method, num_perm, seed):
    _check_docs(docs)
    _check_options(threshold, shingle_size, method, num_perm)
    texts = docs["text"].tolist()
    exact = method == "exact" or (method == "auto" and len(docs) <= AUTO_EXACT_MAX_DOCS)
    workers = worker_count(len(texts))
    if workers == 1:
        sh = _shingles(texts, shingle_size)
        if exact:
            return sh, _exact_pairs(sh, threshold)
        return sh, _minhash_pairs(sh, threshold, num_perm, seed)

    def task(lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        # a worker's range of documents: its shingles and (for MinHash) their signatures,
        # which depend on the document alone, so the ranges concatenate to the whole
        flat, counts = _shingle_arrays(texts[lo:hi], shingle_size)
        filled = [s for s in _split(flat, counts) if len(s)]
        sig = _signatures(filled, num_perm, seed) if filled and not exact else None
        return flat, counts, sig

    parts = fork_map(task, split_ranges(len(texts), workers), workers)
    sh = _split(np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
    if exact:
        return sh, _exact_pairs(sh, threshold)
    sigs = [p[2] for p in parts if p[2] is not None]
    sig = np.concatenate(sigs) if sigs else None
    return sh, _minhash_pairs(sh, threshold, num_perm, seed, sig)


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
