"""Keywords in context: every match of a pattern with the text around it (quanteda ``kwic``).

Matching is done by the project's one matcher (:mod:`analysis.matching`), so the pattern
syntax is the codebook's. The context is cut from the document text when the docs table is
given, and otherwise rebuilt from the tokens table (every token at its offsets).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis._checks import check_choice, check_int, require_columns
from analysis.matching import compile_patterns, match
from analysis.schema import conform, empty_table

__all__ = ["kwic"]

KwicUnit = Literal["token", "sentence"]
_KWIC_UNITS = get_args(KwicUnit)
_RENAMED = {"case_insensitive": "fold_case"}


def _renamed_options(func: str, old: dict[str, Any], fold_case: bool) -> bool:
    """Accept the options' old names for one release, with a warning."""
    for name, value in old.items():
        if name not in _RENAMED:
            raise TypeError(f"{func}() got an unexpected keyword argument {name!r}")
        warnings.warn(
            f"{func}({name}=...) is deprecated; use {_RENAMED[name]}=",
            DeprecationWarning,
            stacklevel=3,
        )
        fold_case = bool(value)
    return fold_case


def _texts_from_tokens(tokens: pd.DataFrame, wanted: np.ndarray) -> dict[int, str]:
    """The text of the documents ``wanted`` (``doc_id`` category codes) rebuilt from their
    tokens: every token at its offsets, every other character (spaces, line breaks, the text of
    removed tokens) a space, so that offsets index the rebuilt text as they index the original.
    Built by Arrow string kernels, not per token in Python."""
    doc = np.asarray(tokens["doc_id"].array.codes, np.int64)
    rows = np.flatnonzero(np.isin(doc, wanted))
    start = tokens["start"].to_numpy(np.int64)[rows]
    end = tokens["end"].to_numpy(np.int64)[rows]
    doc = doc[rows]
    order = np.lexsort((start, doc))
    rows, doc, start, end = rows[order], doc[order], start[order], end[order]
    first = np.ones(len(rows), bool)
    first[1:] = doc[1:] != doc[:-1]
    gap = np.maximum(np.where(first, start, start - np.r_[0, end[:-1]]), 0)
    surface = tokens["token"]
    if isinstance(surface.dtype, pd.CategoricalDtype):
        cats = pa.array(surface.cat.categories.astype(str).tolist(), type=pa.large_string())
        words = cats.take(pa.array(surface.array.codes[rows].astype(np.int64)))
    else:
        words = pa.array(surface.astype(str).to_numpy(dtype=object)[rows], type=pa.large_string())
    space, empty = pa.scalar(" ", pa.large_string()), pa.scalar("", pa.large_string())
    pieces = pc.binary_join_element_wise(pc.binary_repeat(space, pa.array(gap)), words, empty)
    offsets = pa.array(np.r_[np.flatnonzero(first), len(rows)], type=pa.int64())
    texts = pc.binary_join(pa.LargeListArray.from_arrays(offsets, pieces), empty)
    return dict(zip(doc[first].tolist(), texts.to_pylist(), strict=True))


def kwic(
    tokens: pd.DataFrame,
    pattern: str | Sequence[str],
    *,
    docs: pd.DataFrame | None = None,
    window: int = 5,
    unit: KwicUnit = "token",
    fold_case: bool = True,
    **deprecated: Any,
) -> pd.DataFrame:
    """Keywords in context: every match of ``pattern`` with the text around it.

    Matching is done by the project's one matcher (:func:`analysis.matching.compile_patterns`
    and :func:`analysis.matching.match`), so the pattern syntax is the codebook's: words,
    multi-word phrases (``"information sharing"``, within one sentence), ``*``/``?`` globs
    (``"cooperat*"``, ``"high-tech crime*"``) and ``regex:`` patterns. Several patterns are one
    set: where they overlap, the longest match wins and each token is shown once.

    Args:
        tokens: the tokens table (possibly filtered; the window counts the rows present).
        pattern: a pattern or a list of patterns.
        docs: the docs table the tokens come from (``doc_id``, ``text``; keyword-only,
            optional). With it, ``pre``, ``matched`` and ``post`` are cut from the text with
            its original spacing and line breaks (also the text of filtered-out tokens).
            Without it they are rebuilt from the tokens: each token at its offsets, every
            character between two tokens shown as a space.
        window: with ``unit="token"``, tokens shown on each side (punctuation marks count, as in
            quanteda's ``kwic``; the window stops at the document's edges, not at sentences).
        unit: ``"token"`` (``window`` tokens) or ``"sentence"`` (the rest of the keyword's
            sentence on each side; ``window`` is ignored).
        fold_case: compare lowercased (diacritics are always folded: ``Thuong`` finds
            ``Thưởng``). Its old name ``case_insensitive`` still works but is deprecated.

    Returns:
        One row per match in document order: ``doc_id`` (str), ``sent`` (int32), ``start``,
        ``end`` (int64, character offsets of the match), ``pre``, ``matched``, ``post`` (str;
        ``matched == text[start:end]``; ``pre`` and ``post`` run from the first to the last
        context token, so they carry no outer whitespace), ``pattern`` (str, the pattern that
        matched, as written).

    Raises:
        ValueError: a bad option value; an empty pattern list; a pattern that does not compile
            (:class:`analysis.matching.PatternError`, naming it); a document missing from
            ``docs``.
        TypeError: an unknown keyword argument.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"],
        ...                      "text": ["Vietnam fights high-tech crimes.\\nCooperation helps."]})
        >>> kwic(tokenize(docs), "crime*", docs=docs, window=2)[["pre", "matched", "post"]]
                        pre matched            post
        0  fights high-tech  crimes  .\\nCooperation
        >>> kwic(tokenize(docs), "crime*", window=2)[["pre", "matched", "post"]]
                        pre matched           post
        0  fights high-tech  crimes  . Cooperation
    """
    fold_case = _renamed_options("kwic", deprecated, fold_case)
    check_choice("unit", unit, _KWIC_UNITS)
    window = check_int("window", window, 0)
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    if not patterns:
        raise ValueError("pattern is empty; give a pattern or a list of patterns")
    for i, p in enumerate(patterns):
        if not isinstance(p, str) or not p.strip():
            raise ValueError(f"pattern[{i}]={p!r}: a pattern must be a non-empty string")
    require_columns(tokens, ["doc_id", "sent", "tok", "start", "end", "token", "norm"], "tokens")
    if not isinstance(tokens["doc_id"].dtype, pd.CategoricalDtype):
        tokens = tokens.assign(doc_id=pd.Categorical(tokens["doc_id"].astype(str)))
    doc_names = [str(d) for d in tokens["doc_id"].cat.categories]
    if docs is not None:
        require_columns(docs, ["doc_id", "text"], "docs")
        by_name = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
        used = np.unique(tokens["doc_id"].array.codes)
        missing = [doc_names[i] for i in used if doc_names[i] not in by_name]
        if missing:
            raise ValueError(f"docs has no text for doc_id(s) {', '.join(missing[:5])}")

    found = match(tokens, compile_patterns({"kwic": patterns}, fold_case=fold_case))
    if found.empty:
        return empty_table("kwic")

    # Map every match back to rows of `tokens` through (document, token position).
    doc = np.asarray(tokens["doc_id"].array.codes, np.int64)
    tok = tokens["tok"].to_numpy().astype(np.int64)
    sent = tokens["sent"].to_numpy()
    t_start, t_end = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    width = int(tok.max()) + 1
    row_key = doc * width + tok
    order = (
        np.arange(len(row_key))
        if bool(np.all(row_key[1:] > row_key[:-1]))
        else np.argsort(row_key, kind="stable")
    )
    m_doc = np.asarray(found["doc_id"].array.codes, np.int64)
    first = order[np.searchsorted(row_key[order], m_doc * width + found["tok"].to_numpy())]
    last = first + found["n_tok"].to_numpy() - 1

    n = len(doc)
    if unit == "token":
        new_block = np.ones(n, bool)
        new_block[1:] = doc[1:] != doc[:-1]
    else:
        new_block = np.ones(n, bool)
        new_block[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    idx = np.arange(n)
    block_first = np.maximum.accumulate(np.where(new_block, idx, 0))
    block_last = np.minimum.accumulate(np.where(np.r_[new_block[1:], True], idx, n)[::-1])[::-1]
    if unit == "token":
        lo = np.maximum(first - window, block_first[first])
        hi = np.minimum(last + window, block_last[last])
    else:
        lo, hi = block_first[first], block_last[last]

    if docs is None:
        texts = _texts_from_tokens(tokens, np.unique(m_doc))
    else:
        texts = {d: by_name[doc_names[d]] for d in np.unique(m_doc).tolist()}
    pre, matched, post = [], [], []
    for d, f, la, a, b in zip(m_doc.tolist(), first, last, lo, hi, strict=True):
        text = texts[d]
        pre.append(text[t_start[a] : t_end[f - 1]] if a < f else "")
        matched.append(text[t_start[f] : t_end[la]])
        post.append(text[t_start[la + 1] : t_end[b]] if b > la else "")
    table = pd.DataFrame(
        {
            "doc_id": np.asarray(doc_names, dtype=object)[m_doc],
            "sent": found["sent"].to_numpy(),
            "start": t_start[first],
            "end": t_end[last],
            "pre": pre,
            "matched": matched,
            "post": post,
            "pattern": found["pattern"].to_numpy(),
        }
    )
    return conform(table, "kwic")
