"""The tokens table indexed by (document, position), for rules that look at the words around a
match (:mod:`analysis.mention_rules`, :mod:`analysis.place_rules`), the look-ups by integer
``norm`` code those rules share (:func:`code_table`, :func:`codes_at`, :func:`codes_before`,
:func:`narrow`, :func:`mention_frame`; moved here from :mod:`analysis.place_forms`, which
re-exports them), and a per-type cache of what such a rule found."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = [
    "TokenContext",
    "TypeCache",
    "in_sorted",
    "covered_keys",
    "type_strings",
    "rows_with",
    "code_table",
    "codes_at",
    "codes_before",
    "in_table",
    "narrow",
    "mention_frame",
    "POSSESSIVE_ENDS",
    "possessive_mask",
]

#: How a mention in the possessive ends: "China's", "the Philippines'" (the tokenizer keeps the
#: apostrophe with the name).
POSSESSIVE_ENDS: tuple[str, ...] = ("'s", "’s", "'", "’")


def possessive_mask(named: pd.DataFrame) -> np.ndarray:
    """True for the mentions written in the possessive (``named["matched"]`` ends with one of
    :data:`POSSESSIVE_ENDS`)."""
    return named["matched"].astype(str).str.endswith(POSSESSIVE_ENDS).to_numpy(bool)


class TokenContext:
    """The tokens table indexed by (document, token position), for looking at the words
    around a mention. Built in O(documents) for a tokens table as :func:`tokenize` makes it
    (documents in order, positions 0, 1, 2, … without gaps); any other table is indexed by a
    sorted key."""

    def __init__(self, tokens: pd.DataFrame) -> None:
        codes = tokens["doc_id"].array.codes
        self.tok = tokens["tok"].to_numpy()
        n_docs = len(tokens["doc_id"].cat.categories)
        self.bounds = None
        if len(codes) and np.all(codes[1:] >= codes[:-1]):
            # queries in the codes' own integer type: otherwise numpy casts all the codes
            q = np.arange(n_docs + 1)
            if n_docs < np.iinfo(codes.dtype).max:
                q = q.astype(codes.dtype)
            bounds = np.searchsorted(codes, q).astype(np.int64)
            sizes = np.diff(bounds)
            first = bounds[:-1][sizes > 0]
            last = bounds[1:][sizes > 0] - 1
            if np.all(self.tok[first] == 0) and np.all(self.tok[last] == sizes[sizes > 0] - 1):
                self.bounds = bounds
        if self.bounds is None:
            self.width = int(self.tok.max(initial=0)) + 8
            key = codes.astype(np.int64) * self.width + self.tok
            self.order = np.argsort(key, kind="stable")
            self.key = key[self.order]
        self.norm_codes = tokens["norm"].array.codes
        self.norm_types = tokens["norm"].cat.categories
        self.tok_codes = tokens["token"].array.codes
        self.tok_types = tokens["token"].cat.categories
        self.sent = tokens["sent"].to_numpy()
        # character offsets (views, no copies): whether a mark is attached to the word before
        self.start = tokens["start"].to_numpy()
        self.end = tokens["end"].to_numpy()
        # Per-type results, filled on demand for the types the rules look at (a chunk's
        # categories can be the vocabulary of every chunk so far). Index -1, one past the
        # types, stands for "no token there" (a code of -1).
        self._norm_str = np.full(len(self.norm_types) + 1, "", dtype=object)
        self._norm_known = np.zeros(len(self.norm_types) + 1, bool)
        self._norm_known[-1] = True
        self._case = np.full(len(self.tok_types) + 1, -1, np.int8)  # bit 1 capitalised, 2 upper
        self._case[-1] = 0
        self._tables: dict[frozenset[str], np.ndarray] = {}
        self._code_of: dict[str, int] | None = None

    # The whole vocabulary as Python strings is built only on request: the look-ups take the
    # few types they need (a chunk's categories are the vocabulary of every chunk so far).
    @property
    def norm_cats(self) -> np.ndarray:
        return np.asarray(self.norm_types, dtype=object)

    @property
    def tok_cats(self) -> np.ndarray:
        return np.asarray(self.tok_types, dtype=object)

    def rows(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """Row of each (doc, tok) in the tokens table, -1 where there is none."""
        doc = np.asarray(doc, np.int64)
        tok = np.asarray(tok, np.int64)
        if self.bounds is not None:
            lo, hi = self.bounds[doc], self.bounds[doc + 1]
            r = lo + tok
            return np.where((tok >= 0) & (r < hi), r, -1)
        if not len(self.key):
            return np.full(len(doc), -1, np.int64)
        q = doc * self.width + tok
        i = np.clip(np.searchsorted(self.key, q), 0, len(self.key) - 1)
        return np.where((tok >= 0) & (self.key[i] == q), self.order[i], -1)

    def doc_of(self, rows: np.ndarray) -> np.ndarray:
        """Document code of each row of the tokens table."""
        rows = np.asarray(rows, np.int64)
        if self.bounds is not None:
            return np.searchsorted(self.bounds, rows, side="right").astype(np.int64) - 1
        inv = np.empty(len(self.order), np.int64)
        inv[self.order] = np.arange(len(self.order))
        return self.key[inv[rows]] // self.width

    def codes(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """Code (in ``norm_types``) of each (doc, tok); -1 where there is no token."""
        r = self.rows(doc, tok)
        return np.where(r >= 0, self.norm_codes[r], -1)

    def norm(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """The norm of each (doc, tok) as an object array of strings; "" where there is no
        token."""
        codes = self.codes(doc, tok)
        missing = codes[~self._norm_known[codes]]
        if len(missing):
            new = np.unique(missing)
            self._norm_str[new] = type_strings(self.norm_types, new)
            self._norm_known[new] = True
        return self._norm_str[codes]

    def word_table(self, words: str | frozenset[str] | set[str] | list[str]) -> np.ndarray:
        """A bool per norm code (and, at index -1, for "no token": ``"" in words``): the norm
        is one of ``words``. Index it with :meth:`codes`."""
        key = frozenset([words] if isinstance(words, str) else words)
        table = self._tables.get(key)
        if table is None:
            table = np.zeros(len(self.norm_types) + 1, bool)
            found = self.indexer(key)
            table[found[found >= 0]] = True
            table[-1] = "" in key
            self._tables[key] = table
        return table

    def indexer(self, words: frozenset[str] | set[str] | list[str]) -> np.ndarray:
        """Code (in ``norm_types``) of each of ``words``, -1 for a word not there. Why not
        ``Index.get_indexer`` alone: on the small vocabulary of a few documents its fixed cost
        (an Index built per call) is most of a rule's time, so a dictionary of the types is
        built once per tokens table up to :data:`_DICT_TYPES` types."""
        if len(self.norm_types) > _DICT_TYPES:
            return np.asarray(self.norm_types.get_indexer(sorted(words)), np.int64)
        if self._code_of is None:
            self._code_of = {w: i for i, w in enumerate(self.norm_types.tolist())}
        get = self._code_of.get
        return np.array([get(w, -1) for w in words], np.int64)

    def norm_in(
        self, doc: np.ndarray, tok: np.ndarray, words: str | frozenset[str] | set[str] | list[str]
    ) -> np.ndarray:
        """``np.isin(self.norm(doc, tok), words)`` (or ``== words`` for one word), on codes."""
        return self.word_table(words)[self.codes(doc, tok)]

    def sentence_start(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """The token is the first of its sentence (or of the document)."""
        r = self.rows(doc, tok)
        prev = self.rows(doc, tok - 1)
        out = np.zeros(len(r), bool)
        ok = r >= 0
        out[ok & (prev < 0)] = True
        both = ok & (prev >= 0)
        out[both] = self.sent[r[both]] != self.sent[prev[both]]
        return out

    def _case_flags(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """Bit 1: the token is capitalised; bit 2: written in capitals (0 where no token);
        each token type is looked at once."""
        r = self.rows(doc, tok)
        codes = np.where(r >= 0, self.tok_codes[r], -1)
        missing = codes[self._case[codes] < 0]
        if len(missing):
            new = np.unique(missing)
            words = type_strings(self.tok_types, new)
            self._case[new] = [
                (1 if w[:1].isupper() else 0) | (2 if len(w) > 1 and w.isupper() else 0)
                for w in words
            ]
        return self._case[codes]

    def upper(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """Written in capitals (at least two letters): "VIENTIANE"."""
        return (self._case_flags(doc, tok) & 2) > 0

    def capitalised(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        return (self._case_flags(doc, tok) & 1) > 0

    def attached(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """The token is written right after the one before it, with no space between ("#DOJ",
        a closing mark after its word); False where either token is missing."""
        here, before = self.rows(doc, tok), self.rows(doc, tok - 1)
        out = np.zeros(len(here), bool)
        ok = (here >= 0) & (before >= 0)
        out[ok] = self.start[here[ok]] == self.end[before[ok]]
        return out


def type_strings(types: pd.Index, codes: np.ndarray) -> np.ndarray:
    """``types[codes]`` as an object array of Python strings."""
    return np.asarray(types.take(codes), dtype=object)


def rows_with(codes: np.ndarray, wanted: np.ndarray, n_types: int) -> np.ndarray:
    """Rows (sorted) where ``codes`` (of ``n_types`` types; -1 for none) is one of ``wanted``:
    one comparison per code for up to five codes, else a look-up table (a gather costs about
    five comparisons); either is cheaper over a whole corpus than ``np.isin``."""
    wanted = np.unique(np.asarray(wanted)[np.asarray(wanted) >= 0])
    if len(wanted) > 5:
        table = np.zeros(n_types + 1, bool)  # the last entry: code -1
        table[wanted] = True
        return np.flatnonzero(table[codes])
    found = [np.flatnonzero(codes == c) for c in wanted.tolist()]
    return np.sort(np.concatenate([np.zeros(0, np.int64), *found]))


def in_sorted(q: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``np.isin(q, keys)`` for sorted ``keys``, by binary search."""
    if not len(keys):
        return np.zeros(len(q), bool)
    i = np.clip(np.searchsorted(keys, q), 0, len(keys) - 1)
    return keys[i] == q


def covered_keys(named: pd.DataFrame, width: int) -> np.ndarray:
    """Sorted (doc * width + tok) keys of every token inside a mention."""
    if named.empty:
        return np.zeros(0, np.int64)
    n = named["n_tok"].to_numpy().astype(np.int64)
    base = named["doc_id"].cat.codes.to_numpy().astype(np.int64) * width + named["tok"].to_numpy()
    return np.sort(np.repeat(base, n) + np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))


# -- look-ups by integer code ------------------------------------------------------------------


def code_table(ctx: TokenContext, words) -> np.ndarray:
    """A look-up table over the ``norm`` codes (two more slots, False, for the codes -1 and -2
    of :func:`_at` and :func:`_back`): ``code_table(ctx, words)[codes]`` tests membership."""
    key = frozenset(words)
    ref, tables = _TABLES
    if ref() is not ctx:  # the tables of the last tokens table looked at (a weak reference)
        tables = {}
        _TABLES[:] = [weakref.ref(ctx), tables]
    lut = tables.get(key)
    if lut is None:
        codes = ctx.indexer(key)
        lut = np.zeros(len(ctx.norm_types) + 2, bool)
        lut[codes[codes >= 0]] = True
        tables[key] = lut
    return lut


_TABLES: list = [lambda: None, {}]
#: Vocabulary size up to which :meth:`TokenContext.indexer` looks words up in a dictionary.
_DICT_TYPES = 20_000


def codes_at(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """``norm`` code of token ``tok`` of each document; -1 where there is none."""
    r = ctx.rows(doc, tok)
    out = np.full(len(r), -1, np.int64)
    ok = r >= 0
    out[ok] = ctx.norm_codes[r[ok]]
    return out


def codes_before(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, k: int, here: np.ndarray | None = None
) -> np.ndarray:
    """``norm`` code of the token ``k`` before ``tok`` in its sentence; -2 across a sentence
    start, -1 before the document (``here``: the rows of ``tok``, if known)."""
    if here is None:
        here = ctx.rows(doc, tok)
    if ctx.bounds is not None:
        there = np.where((here >= 0) & (tok >= k), here - k, -1)
    else:
        there = ctx.rows(doc, tok - k)
    out = np.full(len(tok), -1, np.int64)
    ok = (here >= 0) & (there >= 0)
    same = np.zeros(len(tok), bool)
    same[ok] = ctx.sent[here[ok]] == ctx.sent[there[ok]]
    out[ok & ~same] = -2
    out[same] = ctx.norm_codes[there[same]]
    return out


def in_table(codes: np.ndarray, lut: np.ndarray) -> np.ndarray:
    return lut[codes]


def narrow(mask: np.ndarray, test) -> np.ndarray:
    """``mask`` narrowed by ``test(index array)``, computed on its True rows only."""
    out = mask.copy()
    if out.any():
        idx = np.flatnonzero(out)
        out[idx] = test(idx)
    return out


def mention_frame(named: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    return doc, tok, tok + named["n_tok"].to_numpy().astype(np.int64)


class TypeCache:
    """What a rule found per token type, for the categories of the last tokens table seen.

    The tokens tables of the chunks of one corpus tokenised with one
    :class:`analysis.text.Vocabulary` have categories that extend the previous chunk's: only
    the new types are then examined, where the rule would otherwise rescan the whole growing
    vocabulary in every chunk. Other categories start over. Dropped when pickled (a Dask
    worker starts empty).
    """

    def __init__(self) -> None:
        self.cats: pd.Index | None = None
        self.found: dict[int, Any] = {}

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self.cats = None
        self.found = {}

    def update(self, cats: pd.Index, examine: Callable[[pd.Index], dict[int, Any]]) -> dict:
        """``{type code: result}`` for the types of ``cats`` that have one; ``examine(types)``
        gives that for a slice of ``cats`` (codes relative to the slice)."""
        if self.cats is cats:
            return self.found
        old = self.cats
        known = len(old) if old is not None and _extends(cats, old) else 0
        found = dict(self.found) if known else {}
        found.update((code + known, v) for code, v in examine(cats[known:]).items())
        self.cats, self.found = cats, found
        return found


def _extends(cats: pd.Index, old: pd.Index) -> bool:
    """``cats`` starts with ``old`` (compared in Arrow: 20x faster than ``Index.equals``)."""
    if len(cats) < len(old):
        return False
    if not (hasattr(cats.array, "__arrow_array__") and hasattr(old.array, "__arrow_array__")):
        return bool(cats[: len(old)].equals(old))
    new_pa, old_pa = pa.array(cats.array), pa.array(old.array)
    # one chunk or several (an Index built by appending): compare the same layout
    new_pa = pa.chunked_array([new_pa]) if isinstance(new_pa, pa.Array) else new_pa
    old_pa = pa.chunked_array([old_pa]) if isinstance(old_pa, pa.Array) else old_pa
    if new_pa.type != old_pa.type:
        return bool(cats[: len(old)].equals(old))
    return bool(new_pa.slice(0, len(old)).equals(old_pa))
