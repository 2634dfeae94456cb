"""detect_languages (the batched automaton walk) equals detect_language (py3langid's classify)
text by text, on texts of many lengths and languages."""

import numpy as np

from analysis.language import SAMPLE_CHARS, detect_language, detect_languages
from tests.test_language import TEXTS


def test_batch_equals_one_by_one_on_varied_lengths_and_languages() -> None:
    rng = np.random.default_rng(11)
    pieces = list(TEXTS.values()) + [
        "Ελληνικά: οι ηγέτες συναντήθηκαν στο Ανόι την Τετάρτη για το εμπόριο.",
        "日本の首脳はハノイで水曜日に会談し、貿易と漁業について話し合った。",
        "12345 67890 !!! ??? ... --- ###",
        "THE LEADERS MET IN HANOI ON WEDNESDAY TO TALK ABOUT TRADE.",
    ]
    texts = ["", "Short.", "x" * 50]
    for _ in range(150):
        words = " ".join(rng.choice(pieces, int(rng.integers(1, 6)))).split()
        start = int(rng.integers(0, max(len(words) - 1, 1)))
        texts.append(" ".join(words[start : start + int(rng.integers(3, 80))]))
    lengths = {min(len(t), SAMPLE_CHARS) for t in texts}
    assert len(lengths) > 50  # samples of many lengths walk together
    expected = [detect_language(t) for t in texts]
    assert detect_languages(texts) == expected
    assert len(set(expected)) >= 5
