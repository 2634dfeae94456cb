"""The hand-written fast paths of find_duplicates equal their references: the shingle sets of a
per-document computation, datasketch's MinHash signatures, and MinHashLSH's candidate pairs."""

import hashlib
import re

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from analysis import duplicates
from analysis.text import fold

MASK = (1 << 64) - 1
MULT = 0x9E3779B97F4A7C15

TEXTS = [
    "President Vo Van Thuong on December 6 attended the conference in Hanoi.",
    "Chủ tịch nước Võ Văn Thưởng dự Hội nghị tại Hà Nội và nhấn mạnh hợp tác.",
    "Thu\u031bo\u031b\u0309ng decomposed, Straße, ΟΔΟΣ ΚΑΙ ΣΟΦΟΣ, snake_case_word, 2023-12-06",
    "",
    "   ",
    "One",
    "two words",
    "“Curly” quotes — dashes… and ½ fractions, ﬁnance ligature, emoji 🙂 here too",
    "日本語のテキストと English mixed 中文 words",
    "a b c d e f g h i j k l m n o p",
    "A B C D E F G H I J K L M N O P",  # the same words, other case
    "x\ny\tz\r\nw  v",
    # folded line by line: final sigma and combining marks at line ends and starts
    "ΟΔΟΣ\nΣΟΦΟΣ ΑΣ\n\u0301Σ x\u0301\n\u0301y İ\nß Straße\nplain ascii line\nΣ",
    "plain ascii line one\nand “two” with quotes\nand three",
]


def reference_shingles(text: str, k: int) -> set[int]:
    """The definition: k-word windows of the folded text, word hashes combined in order."""
    words = re.findall(r"\w+", fold(text))
    hashes = [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest()) for w in words]
    if not hashes:
        return set()
    windows = (
        [hashes] if len(hashes) < k else [hashes[i : i + k] for i in range(len(hashes) - k + 1)]
    )
    out = set()
    for window in windows:
        acc = 0
        for h in window:
            acc = (acc * MULT + h) & MASK
        out.add(acc)
    return out


@pytest.mark.parametrize("chunk", [1000, 3])
@pytest.mark.parametrize("k", [1, 3, 5])
def test_shingles_equal_the_per_document_definition(
    k: int, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duplicates, "_CHUNK", chunk)  # 3: documents cross chunk boundaries
    rng = np.random.default_rng(3)
    texts = TEXTS + [" ".join(rng.choice(TEXTS, 3)) for _ in range(20)]
    got = duplicates._shingles(texts, k)
    assert len(got) == len(texts)
    for text, sh in zip(texts, got, strict=True):
        assert sh.dtype == np.uint64
        assert np.all(sh[1:] > sh[:-1])  # sorted, distinct
        assert set(sh.tolist()) == reference_shingles(text, k), text


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (16, 7), (64, 42)])
def test_signatures_equal_datasketch_update_batch(num_perm: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    sets = [
        np.unique(rng.integers(0, 2**63, size, dtype=np.int64).astype(np.uint64) * np.uint64(3))
        for size in [1, 2, 5, 40, 300, 1, 17]
    ]
    sets.append(np.array([0, 2**32 - 1, 2**32, 2**64 - 1], dtype=np.uint64))  # edges of 32 bits
    got = duplicates._signatures(sets, num_perm, seed)
    assert got.shape == (len(sets), num_perm)
    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=duplicates._identity)
    for row, s in zip(got, sets, strict=True):
        m = template.copy()
        m.update_batch((s & np.uint64(0xFFFFFFFF)).tolist())
        assert np.array_equal(row, m.hashvalues)


@pytest.mark.parametrize(("bands", "rows"), [(4, 3), (21, 6), (2, 5)])
def test_band_candidates_equal_minhashlsh_queries(bands: int, rows: int) -> None:
    rng = np.random.default_rng(bands)
    num_perm = bands * rows + 2  # datasketch ignores values after the last band too
    sig = rng.integers(0, 3, (60, num_perm)).astype(np.uint32)  # few values: many collisions
    sig[10] = sig[3]
    sig[20, :rows] = sig[5, :rows]
    lsh = MinHashLSH(num_perm=num_perm, params=(bands, rows))
    sketches = []
    for i, row in enumerate(sig):
        m = MinHash(num_perm=num_perm)
        m.hashvalues = row.astype(m.hashvalues.dtype)
        lsh.insert(i, m)
        sketches.append(m)
    expected = sorted({(i, j) for i, m in enumerate(sketches) for j in lsh.query(m) if j > i})
    assert duplicates._band_candidates(sig, bands, rows) == expected
    assert (3, 10) in expected and (5, 20) in expected


def test_other_datasketch_schemes_are_left_to_datasketch(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspect

    import datasketch

    if "scheme" not in inspect.signature(MinHash).parameters:
        pytest.skip("datasketch 1.x has one scheme only (make test-min)")

    def legacy(*args: object, **kwargs: object) -> MinHash:
        return MinHash(*args, scheme="legacy", **kwargs)  # datasketch 1.x's only scheme

    sets = [np.array([1, 5, 2**40 + 3], dtype=np.uint64), np.array([7], dtype=np.uint64)]
    monkeypatch.setattr(datasketch, "MinHash", legacy)
    got = duplicates._signatures(sets, 32, 3)
    for row, s in zip(got, sets, strict=True):
        m = MinHash(num_perm=32, seed=3, hashfunc=duplicates._identity, scheme="legacy")
        m.update_batch((s & np.uint64(0xFFFFFFFF)).tolist())
        assert np.array_equal(row, m.hashvalues)
