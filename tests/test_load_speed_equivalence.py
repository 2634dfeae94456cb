"""The fast paths of loading a study give exactly what the simple path gives: forked workers for
language detection, boilerplate cleaning and duplicate shingles/signatures (forced here with a
small threshold on a few hundred documents), and the numpy word hashing of the shingles."""

import hashlib
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from analysis import _parallel, duplicates
from analysis.boilerplate import clean_boilerplate
from analysis.duplicates import duplicate_pairs, find_duplicates
from analysis.language import detect_languages
from analysis.report import load_study, load_study_docs
from analysis.text import fold

EN_TEXT = (
    "The ministers met in Hanoi on Wednesday to discuss trade fishing and the security of "
    "shipping lanes in the region while prosecutors agreed to share information on crime"
)
VI_TEXT = (
    "Các bộ trưởng đã gặp nhau tại Hà Nội vào thứ Tư để thảo luận về thương mại đánh bắt cá "
    "và an ninh của các tuyến đường biển trong khu vực"
)
EN, VI = EN_TEXT.split(" "), VI_TEXT.split(" ")
BOILERPLATE = ["Comments (3)", "Photo: VNA", "Share this article: Facebook | Twitter", "VNA"]


def synthetic_docs(n: int = 300, seed: int = 7) -> pd.DataFrame:
    """English and Vietnamese documents, boilerplate lines, datelines and near-duplicates
    (a copy under another header, with one word changed)."""
    rng = np.random.default_rng(seed)
    texts: list[str] = []
    for i in range(n):
        if i % 10 == 9 and texts:  # a republished copy of an earlier document
            lines = texts[int(rng.integers(len(texts)))].split("\n")
            lines[0] = "HANOI (VNA) – " + lines[0]
            texts.append("\n".join(lines[:-1] + [lines[-1] + " again"]))
            continue
        words = VI if i % 7 == 3 else EN
        lines = []
        for _ in range(int(rng.integers(2, 7))):
            picked = rng.choice(len(words), size=int(rng.integers(8, 30)))
            lines.append(" ".join(words[j] for j in picked).capitalize() + ".")
            if rng.random() < 0.3:
                lines.append(BOILERPLATE[int(rng.integers(len(BOILERPLATE)))])
        if i % 5 == 0:
            lines.insert(0, "HANOI, Dec 6 (VNA) - " + lines.pop(0))
        texts.append("\n".join(lines))
    dates = [f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(n)]
    return pd.DataFrame({"doc_id": [f"d{i:04d}" for i in range(n)], "text": texts, "date": dates})


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch):
    """Force the forked-workers path (a small threshold and two CPUs); after the test, check
    that workers were started."""
    pools = []
    freeze = _parallel.gc.freeze

    def force() -> None:
        monkeypatch.setattr(_parallel, "PARALLEL_MIN_DOCS", 50)
        monkeypatch.setattr(_parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
        monkeypatch.setattr(_parallel.gc, "freeze", lambda: pools.append(1) or freeze())
        assert _parallel.worker_count(300) == 2

    yield force
    assert pools, "the workers' path was not taken"


def test_worker_count_and_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _parallel.worker_count(_parallel.PARALLEL_MIN_DOCS) == 1  # the sample stays here
    monkeypatch.setattr(
        _parallel.os, "sched_getaffinity", lambda pid: set(range(16)), raising=False
    )
    assert _parallel.worker_count(_parallel.PARALLEL_MIN_DOCS + 1) == _parallel.MAX_WORKERS == 4
    assert _parallel.split_ranges(10, 3) == [(0, 3), (3, 6), (6, 10)]
    assert _parallel.split_ranges(2, 4) == [(0, 1), (1, 2)]
    assert _parallel.split_ranges(0, 2) == [(0, 0)]


def test_fork_map_keeps_order_and_raises_the_workers_error() -> None:
    data = list(range(100))
    assert _parallel.fork_map(lambda lo, hi: sum(data[lo:hi]), [(0, 50), (50, 100)], 2) == [
        1225,
        3725,
    ]

    def fail(lo: int, hi: int) -> int:
        if lo:
            raise ValueError(f"bad range {lo}-{hi}")
        return 0

    with pytest.raises(ValueError, match="bad range 5-9"):
        _parallel.fork_map(fail, [(0, 5), (5, 9)], 2)


def test_language_detection_in_workers_equals_one_process(parallel) -> None:
    docs = synthetic_docs()
    simple = detect_languages(docs["text"])
    assert {"en", "vi"} <= set(simple)
    parallel()
    assert detect_languages(docs["text"]) == simple


@pytest.mark.parametrize("max_share", [0.5, 0.01])
def test_boilerplate_cleaning_in_workers_equals_one_process(parallel, max_share: float) -> None:
    docs = synthetic_docs()
    with warnings.catch_warnings(record=True) as simple_warnings:
        warnings.simplefilter("always")
        simple = clean_boilerplate(docs, max_share=max_share)
    assert len(simple[1]) > 50 and simple[1]["rule"].nunique() >= 3
    parallel()
    with warnings.catch_warnings(record=True) as fast_warnings:
        warnings.simplefilter("always")
        fast = clean_boilerplate(docs, max_share=max_share)
    pd.testing.assert_frame_equal(fast[0], simple[0], check_exact=True)
    pd.testing.assert_frame_equal(fast[1], simple[1], check_exact=True)
    assert [str(w.message) for w in fast_warnings] == [str(w.message) for w in simple_warnings]


@pytest.mark.parametrize("method", ["minhash", "exact"])
def test_duplicates_in_workers_equal_one_process(parallel, method: str) -> None:
    docs = synthetic_docs()
    simple = find_duplicates(docs, method=method)
    simple_pairs = duplicate_pairs(docs, method=method, threshold=0.5)
    assert len(simple) >= 40 and simple["kept"].sum() >= 20
    parallel()
    pd.testing.assert_frame_equal(find_duplicates(docs, method=method), simple, check_exact=True)
    pd.testing.assert_frame_equal(
        duplicate_pairs(docs, method=method, threshold=0.5), simple_pairs, check_exact=True
    )


def test_load_study_docs_in_workers_equals_one_process(parallel, tmp_path) -> None:
    docs = synthetic_docs()
    docs.assign(outlet=["A", "B", "C"] * 100).to_csv(tmp_path / "corpus.csv", index=False)
    (tmp_path / "study.yml").write_text(
        "name: speed\ncorpus:\n  source: corpus.csv\n  language: [en, vi]\ngroup: outlet\n",
        encoding="utf-8",
    )
    study = load_study(tmp_path / "study.yml")
    simple, simple_removed = load_study_docs(study)
    assert simple["duplicate_of"].notna().sum() >= 20 and len(simple_removed) > 50
    assert set(simple["language"]) == {"en", "vi"}
    parallel()
    fast, fast_removed = load_study_docs(study)
    pd.testing.assert_frame_equal(fast, simple, check_exact=True)
    pd.testing.assert_frame_equal(fast_removed, simple_removed, check_exact=True)
    pd.testing.assert_frame_equal(
        fast.attrs["duplicates"], simple.attrs["duplicates"], check_exact=True
    )


def reference_word_hashes(text: str) -> list[int]:
    """The definition: BLAKE2b (8 bytes) of each ``\\w+`` word of the folded text."""
    return [
        int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest())
        for w in re.findall(r"\w+", fold(text))
    ]


def test_word_hashes_equal_the_definition_for_every_word_length() -> None:
    # words of 1 to 40 bytes (the 8- and 16-byte block edges), repeated, non-ASCII words of
    # several byte lengths, words that share their first 8 or 16 bytes, empty documents
    rng = np.random.default_rng(1)
    letters = "abcdefghijklmnopqrstuvwxyz0123456789_"
    words = ["".join(rng.choice(list(letters), size=n)) for n in range(1, 41) for _ in range(3)]
    words += ["abcdefgh" + s for s in ("", "i", "ij", "ijklmnop", "ijklmnopq", "ijklmnopqr")]
    words += ["Thưởng", "Đà_Nẵng", "straße", "ΟΔΟΣ", "日本語のテキスト", "ﬁnanceﬁnanceﬁnance"]
    texts = [
        " ".join(rng.choice(words, size=int(rng.integers(0, 60)))) + (" —" if i % 3 else "")
        for i in range(200)
    ]
    texts += ["", "   ", "!!", texts[5].upper()]
    hashes, counts = duplicates._WordHashes().of_words(texts)
    expected = [reference_word_hashes(t) for t in texts]
    assert counts.tolist() == [len(e) for e in expected]
    assert hashes.tolist() == [h for e in expected for h in e]
    # the same in two calls on one object (words remembered from the first)
    again = duplicates._WordHashes()
    first, _ = again.of_words(texts[:100])
    second, _ = again.of_words(texts[100:])
    assert np.concatenate([first, second]).tolist() == hashes.tolist()
