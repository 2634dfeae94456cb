"""New tokens tables made from a tokens table: without some words (:func:`tokens_remove`), with
stemmed norms (:func:`tokens_stem`), or of n-grams within sentences (:func:`tokens_ngrams`), as
quanteda's ``tokens_remove``, ``tokens_wordstem`` and ``tokens_ngrams`` do. They work on any
tokens table of :func:`analysis.text.tokenize` (per vocabulary type where they can) and keep
``tok`` and the offsets, so KWIC lines and hits stay traceable to the text. Split out of
:mod:`analysis.text`, which re-exports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from analysis._checks import check_choice
from analysis.text import fold, is_punct

__all__ = ["tokens_remove", "tokens_stem", "tokens_ngrams"]

_WORD_RE = re.compile(r"\w")  # a word has a letter or digit (analysis.text's rule)


def _category_mask(col: pd.Series, predicate) -> np.ndarray:
    cats = col.cat.categories.tolist()
    per_type = np.fromiter((bool(predicate(c)) for c in cats), bool, count=len(cats))
    codes = col.array.codes
    return per_type[codes] if len(codes) else np.zeros(0, bool)


def tokens_remove(
    tokens: pd.DataFrame,
    words: Iterable[str] = (),
    *,
    punct: bool = False,
    numbers: bool = False,
) -> pd.DataFrame:
    """Drop tokens whose ``norm`` is in ``words`` (e.g. :func:`load_stopwords`), optionally also
    punctuation and numbers. Returns a filtered copy with the same columns; ``tok`` keeps the
    original positions so KWIC and offsets stay traceable."""
    stop = {fold(w) for w in words}
    drop = _category_mask(tokens["norm"], lambda s: s in stop)
    if punct:
        drop |= is_punct(tokens)
    if numbers:
        drop |= _category_mask(tokens["norm"], lambda s: bool(re.fullmatch(r"[\d.,:/-]+", s)))
    return tokens.loc[~drop].reset_index(drop=True)


_STEMMERS = ("porter", "snowball", "lancaster")


def tokens_stem(
    tokens: pd.DataFrame, *, stemmer: Literal["porter", "snowball", "lancaster"] = "snowball"
) -> pd.DataFrame:
    """Replace ``norm`` with its stem using an NLTK stemmer (data-free); returns a copy.

    Stems are computed once per vocabulary type. ``snowball`` is NLTK's English Snowball
    (Porter2) stemmer, the one quanteda's ``tokens_wordstem`` uses.
    """
    from nltk.stem import LancasterStemmer, PorterStemmer, SnowballStemmer

    check_choice("stemmer", stemmer, _STEMMERS)
    stem = {
        "porter": PorterStemmer().stem,
        "snowball": SnowballStemmer("english").stem,
        "lancaster": LancasterStemmer().stem,
    }[stemmer]
    out = tokens.copy()
    cats = tokens["norm"].cat.categories.tolist()
    stems = [stem(c) if _WORD_RE.search(c) else c for c in cats]
    codes, uniques = pd.factorize(pd.Index(stems, dtype=object))
    out["norm"] = pd.Categorical.from_codes(
        np.asarray(codes)[tokens["norm"].array.codes],
        categories=pd.Index(list(uniques), dtype=str),
    )
    return out


def tokens_ngrams(
    tokens: pd.DataFrame, n: int = 2, *, sep: str = " ", skip_punct: bool = True
) -> pd.DataFrame:
    """Contiguous n-grams within sentences.

    Args:
        tokens: a tokens table (possibly already filtered with :func:`tokens_remove`).
        n: n-gram size (≥ 1).
        sep: joins the parts of ``token`` and ``norm``.
        skip_punct: drop punctuation first (then an n-gram never contains a punctuation mark,
            but may span one, as in quanteda after ``remove_punct``).

    Returns:
        A tokens-like table, one row per n-gram: ``doc_id, sent, tok`` (position of the first
        token), ``start`` (of the first), ``end`` (of the last), ``token``, ``norm`` (joined with
        ``sep``; plain string columns).
    """
    if n < 1:
        raise ValueError(f"n={n} must be at least 1")
    base = tokens.loc[~is_punct(tokens)] if skip_punct else tokens
    base = base.reset_index(drop=True)
    m = len(base) - n + 1
    if m <= 0:
        return pd.DataFrame(
            {c: pd.Series(dtype=t) for c, t in [("doc_id", str), ("sent", "int32"), ("tok", "int32"),
                                                 ("start", "int64"), ("end", "int64"), ("token", str), ("norm", str)]}
        )  # fmt: skip
    doc = (
        base["doc_id"].array.codes
        if hasattr(base["doc_id"], "cat")
        else pd.factorize(base["doc_id"])[0]
    )
    snt = base["sent"].to_numpy()
    ok = np.ones(m, bool)
    for k in range(1, n):
        ok &= (doc[k : k + m] == doc[:m]) & (snt[k : k + m] == snt[:m])
    idx = np.flatnonzero(ok)
    tok_s = base["token"].astype(str).to_numpy()
    norm_s = base["norm"].astype(str).to_numpy()

    def join(arr: np.ndarray) -> list[str]:
        parts = [arr[idx + k] for k in range(n)]
        return [sep.join(p) for p in zip(*parts, strict=True)] if n > 1 else list(parts[0])

    return pd.DataFrame(
        {
            "doc_id": base["doc_id"].to_numpy()[idx],
            "sent": snt[idx],
            "tok": base["tok"].to_numpy()[idx],
            "start": base["start"].to_numpy()[idx],
            "end": base["end"].to_numpy()[idx + n - 1],
            "token": join(tok_s),
            "norm": join(norm_s),
        }
    )
