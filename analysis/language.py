"""The language of each document, detected offline.

The package's stopword lists, sentence splitter (Punkt) and boilerplate rules are English: on a
Vietnamese or German document they count the wrong words and split at the wrong places, silently.
:func:`detect_languages` names each document's language so :func:`analysis.corpus.load_corpus`
can store it as the ``language`` document variable and warn about documents outside the
expected language(s).

Detection is py3langid's (langid.py's naive Bayes model over byte n-grams, 97 languages, shipped
inside the package: nothing is downloaded). Only the first :data:`SAMPLE_CHARS` characters of a
document are looked at: that is plenty for a language and keeps a 16,000-article corpus to a few
seconds (a large corpus is split between forked worker processes, and :func:`preload_model`
lets the model load while the corpus is read). Codes are ISO 639-1 (``"en"``, ``"vi"``,
``"de"``); ``"und"`` (undetermined) for a document with fewer than :data:`MIN_LETTERS` letters
in its sample, where no detector is reliable.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from scipy import sparse

from analysis._parallel import fork_map, split_ranges, worker_count

__all__ = [
    "detect_language",
    "detect_languages",
    "preload_model",
    "SAMPLE_CHARS",
    "MIN_LETTERS",
    "UNDETERMINED",
]

#: Characters of each document that the detector reads.
SAMPLE_CHARS = 300
#: A sample with fewer letters than this is ``"und"``.
MIN_LETTERS = 40
#: The code for a document whose language cannot be told.
UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loading the model takes ~0.8 s, so once per process and only when a document needs it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


_LOADING: list[threading.Thread] = []


def preload_model() -> threading.Thread | None:
    """Start loading the detector's model in a background thread and return the thread (None
    when it is loaded already or loading).

    Loading takes most of a second, mostly LZMA decompression, which runs beside the calling
    thread: a caller that will detect languages after other work (reading a corpus) saves
    that time. Detection waits for the thread; join it yourself before forking processes.

    Example:
        >>> thread = preload_model()
        >>> detect_language("The leaders met in Hanoi on Wednesday to talk about trade.")
        'en'
    """
    if _LOADING or _identifier.cache_info().currsize:
        return None
    thread = threading.Thread(target=_tables, name="preload-language-model", daemon=True)
    _LOADING.append(thread)
    thread.start()
    return thread


def _model() -> Any:
    """The identifier, once a preloading thread (:func:`preload_model`) has finished."""
    while _LOADING:
        _LOADING[0].join()
        _LOADING.pop(0)
    return _identifier()


_NOT_LETTER = re.compile(r"[\W\d_]+")


def _letters(sample: str) -> int:
    # Enough letters in the first 120 characters settles it without scanning the rest.
    head = len(_NOT_LETTER.sub("", sample[: 3 * MIN_LETTERS]))
    return head if head >= MIN_LETTERS else len(_NOT_LETTER.sub("", sample))


def _sample(text: str) -> str:
    # Digits and markup say nothing about the language and cost time; the first words do.
    return " ".join(text[: SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text`` (its first :data:`SAMPLE_CHARS`
    characters); ``"und"`` when they hold fewer than :data:`MIN_LETTERS` letters.

    Args:
        text: a document.

    Returns:
        A language code such as ``"en"``, or ``"und"``.

    Example:
        >>> detect_language("The leaders met in Hanoi on Wednesday to talk about trade and fishing.")
        'en'
        >>> detect_language("Các nhà lãnh đạo đã gặp nhau tại Hà Nội vào thứ Tư để bàn về thương mại.")
        'vi'
        >>> detect_language("Short.")
        'und'
    """
    sample = _sample(text)
    if _letters(sample) < MIN_LETTERS:
        return UNDETERMINED
    return str(_model().classify(sample)[0])


def detect_languages(texts: Iterable[str]) -> list[str]:
    """:func:`detect_language` of each text, in order (the same results, many times faster).

    A long list (over :data:`analysis._parallel.PARALLEL_MIN_DOCS` texts) is cut into one
    range per CPU, classified by forked worker processes that share the loaded model.

    Example:
        >>> detect_languages(["Der Gipfel in Hanoi endete am Mittwoch mit einer Erklärung.", ""])
        ['de', 'und']
    """
    texts = texts.tolist() if hasattr(texts, "tolist") else list(texts)
    workers = worker_count(len(texts))
    if workers > 1:  # loaded before forking, so that the workers share the model
        _model()
        _tables()
    parts = fork_map(
        lambda lo, hi: _detect(texts[lo:hi]), split_ranges(len(texts), workers), workers
    )
    return [code for part in parts for code in part]


def _detect(texts: list[str]) -> list[str]:
    samples = [_sample(t) for t in texts]
    # a sample is classified once however often it occurs (republished stories, templates)
    distinct = list(dict.fromkeys(samples))
    found = dict.fromkeys(distinct, UNDETERMINED)
    todo = [s for s in distinct if _letters(s) >= MIN_LETTERS]
    ident = _model() if todo else None
    for start in range(0, len(todo), _BATCH):
        batch = todo[start : start + _BATCH]
        found.update(zip(batch, _classify_batch(ident, batch), strict=True))
    return [found[s] for s in samples]


_BATCH = 5000  # samples walked together (a 5000 x 600 byte grid)


@lru_cache(maxsize=1)
def _tables() -> tuple[Any, ...] | None:
    ident = _identifier()
    try:
        return (
            np.asarray(ident.tk_nextmove, dtype=np.int64),
            np.asarray(ident._rowbase, dtype=np.int64),
            np.asarray(ident.tk_output, dtype=np.int64),
            np.asarray(ident.nb_ptc),
            np.asarray(ident.nb_pc),
            list(ident.nb_classes),
        )
    except AttributeError:
        return None


def _classify_batch(ident: Any, samples: list[str]) -> list[str]:
    """py3langid's ``classify`` for many samples at once.

    ``classify`` walks its byte-level automaton in a Python loop, one byte at a time (~0.4 ms per
    document here). The walk is the same for every document, so it is done here for all of them
    together, one byte position at a time with numpy (samples longest first, so the documents
    still walking are a prefix of the batch: slices, not fancy indexing); the naive Bayes scoring
    is then one sparse matrix product. The result equals ``classify`` (tests/test_language.py
    and tests/test_language_batch.py check it); if the model object lacks the attributes used
    here, ``classify`` is used. With distinct samples only, detection on the 50 MB benchmark
    corpus takes 1.0 s of CPU time instead of 1.8 s (model loading aside).
    """
    tables = _tables()
    if tables is None:
        return [str(ident.classify(s)[0]) for s in samples]
    nextmove, rowbase, output, ptc, pc, classes = tables
    encoded = [ident._encode(s) for s in samples]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    order = np.argsort(-lengths, kind="stable")
    width = int(lengths.max())
    grid = np.zeros((width, len(encoded)), dtype=np.uint8)  # byte position x sample
    for col, row in enumerate(order.tolist()):
        grid[: lengths[row], col] = np.frombuffer(encoded[row], dtype=np.uint8)
    # walking[pos]: how many samples (longest first) are longer than pos
    walking = np.searchsorted(-lengths[order], -np.arange(width), side="right").tolist()
    state = np.zeros(len(encoded), dtype=np.int64)
    docs, feats = [], []
    for pos, m in enumerate(walking):
        state[:m] = nextmove[rowbase[state[:m]] + grid[pos, :m]]
        f = output[state[:m]]
        hit = np.flatnonzero(f >= 0)
        docs.append(order[hit])
        feats.append(f[hit])
    d, f = np.concatenate(docs), np.concatenate(feats)
    # Only the features these samples hit (the model has 100k, stored as float16): their
    # column numbers in feature order, as np.unique(f, return_inverse=True) without a sort.
    seen = np.zeros(int(f.max(initial=-1)) + 1, dtype=bool)
    seen[f] = True
    used = np.flatnonzero(seen)
    column = np.cumsum(seen) - 1
    counts = sparse.coo_matrix(
        (np.ones(len(d), dtype=np.float32), (d, column[f])), shape=(len(encoded), len(used))
    ).tocsr()
    counts.data = np.log1p(counts.data)
    scores = np.asarray(counts @ ptc[used].astype(np.float32)) + pc
    return [str(classes[i]) for i in scores.argmax(axis=1)]


def expected_languages(language: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """``language=`` of the loaders as a tuple of codes (``None``: no check).

    Raises:
        ValueError: not a code or a list of codes.
    """
    if language is None:
        return None
    codes = (language,) if isinstance(language, str) else language
    if (
        not isinstance(codes, list | tuple)
        or not codes
        or not all(isinstance(c, str) and c.strip() for c in codes)
    ):
        raise ValueError(
            f"language={language!r} must be a language code such as 'en', a list of codes, "
            "or None (no detection)"
        )
    return tuple(c.strip().lower() for c in codes)
