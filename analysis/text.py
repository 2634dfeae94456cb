"""Sentences and tokens with character offsets, in one fast pass.

The tokens table is what every analysis reads. One row per token:

=========  ===========================================================================
column     meaning
=========  ===========================================================================
doc_id     document id (categorical, categories in docs order)
sent       1-based sentence number within the document
tok        0-based token position within the document
start/end  character offsets into the document's ``text``: ``text[start:end] == token``
token      the token as written (categorical: the categories are the corpus vocabulary)
norm       the matching form: lowercase and diacritic-folded by default (categorical)
=========  ===========================================================================

Token rules (documented so that codebooks and actor tables can rely on them):

* a word is a run of letters/digits with inner hyphens or apostrophes kept:
  ``high-tech``, ``Prosecutors-General``, ``People's`` and ``People’s`` are one token each
  (their norms are equal: curly apostrophes and Unicode hyphens fold to ASCII); an en dash
  between two words joins them too: ``ASEAN–China`` is one token whose norm is ``asean-china``;
* numbers keep inner ``.``, ``,``, ``:`` and ``/``: ``3.5``, ``1,000``, ``06/12/2023``;
* dotted acronyms keep their periods: ``U.S.``, ``e.g.``;
* every other non-space character is a token of its own (punctuation is kept, so a phrase never
  matches across a comma or a full stop; :func:`is_punct` tells punctuation apart).

Sentences: every line break ends a sentence (news text puts one paragraph per line); within a
line, NLTK's Punkt decides. Hard-wrapped documents (lines cut at a fixed width, most of them
ending mid-sentence) are detected per document (:func:`wrapped_documents`); in those a single
line break counts as a space and only a blank line ends a paragraph (``line_breaks="auto"``,
the default of :func:`tokenize`). Punkt needs no data download here: it runs with its default rules plus
a shipped list of English abbreviations (``Dr.``, ``Mr.``, ``U.S.``, ...), or with parameters
trained on the corpus by :func:`punkt_parameters` (``PunktTrainer``). The result equals NLTK's
``PunktSentenceTokenizer`` run line by line (tested on the sample), with two deliberate
differences: a run of end marks such as ``?!`` or ``??`` ends a sentence once, where NLTK makes the
second mark a sentence of its own; and a citation mark touching a full stop ends the sentence
before a capitalised word ("… in 2009.[6] According to …", as reference pages are copied),
where NLTK sees no space after the period.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from nltk.tokenize.punkt import PunktParameters

from analysis._checks import check_choice
from analysis._io import resource_lines
from analysis.punkt import (
    default_params,
    load_abbreviations,
    punkt_parameters,
    sentence_starts,
    type_flags,
)
from analysis.schema import conform, empty_table

# Moved to analysis.token_transforms; ``from analysis.text import tokens_remove`` still works.
# Resolved lazily because that module imports fold and is_punct from here.
_MOVED = ("tokens_remove", "tokens_stem", "tokens_ngrams")

__all__ = [
    "TOKEN_PATTERN",
    "fold",
    "load_stopwords",
    "load_abbreviations",
    "punkt_parameters",
    "tokenize",
    "tokenize_text",
    "wrapped_documents",
    "Vocabulary",
    "sentences",
    "is_punct",
    *_MOVED,
]

LineBreaks = Literal["auto", "line", "paragraph", "none"]
_LINE_BREAK_CHOICES = get_args(LineBreaks)
_SEPARATORS = {"auto": "\n", "line": "\n", "paragraph": "\n\n"}

TOKEN_PATTERN = r"""
    (?:[^\W\d_]\.){2,}                    # dotted acronyms: U.S.  e.g.
  | \d+(?:[.,:/]\d+)+(?:[-‐‑–'’]\w+)*     # numbers with separators: 1,000  3.5  06/12/2023
  | \w+(?:[-‐‑–'’]\w+)*                   # words with inner hyphens/apostrophes: high-tech  People's
  | \S                                    # anything else: one punctuation mark or symbol
"""
_TOKEN_RE = re.compile(TOKEN_PATTERN, re.VERBOSE)
_WORD_RE = re.compile(r"\w")
_TRAILING_MARKS = frozenset(".,;:!?)]}\"'”’»")

# Letters that NFKD does not decompose into base + combining mark.
_FOLD_EXTRA = str.maketrans(
    {
        "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    }
)  # fmt: skip
# Typographic variants that should never make two spellings differ.
_FOLD_PUNCT = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})
# An en dash between two words joins them as a hyphen does ("ASEAN–China" is "ASEAN-China" set
# with a typographer's dash); standing alone it stays a dash.
_INNER_EN_DASH = re.compile(r"(?<=\w)–(?=\w)")


def fold(text: str, *, case: bool = True, diacritics: bool = True) -> str:
    """Return the matching form of ``text``.

    Curly apostrophes and Unicode hyphens become ASCII; with ``case`` the text is lowercased;
    with ``diacritics`` accents are stripped and letters such as ``đ``/``Đ``, ``ø``, ``ß`` are
    spelled in ASCII. ``fold("Võ Văn Thưởng") == "vo van thuong"``; ``fold("Đà Nẵng") ==
    "da nang"``.
    """
    if text.isascii():  # nothing to fold but case; most of a vocabulary takes this path
        return text.lower() if case else text
    out = text.translate(_FOLD_PUNCT)
    if "–" in out:
        out = _INNER_EN_DASH.sub("-", out)
    if diacritics:
        decomposed = unicodedata.normalize("NFKD", out.translate(_FOLD_EXTRA))
        out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if case:
        out = out.lower()
    return out


def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Read a stopword list (one word per line, ``#`` comments); default: the shipped English list.

    Words are returned folded (lowercase, no diacritics) to compare with ``norm``.
    """
    if path is None:
        words = resource_lines("stopwords_english.txt")
    else:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: stopword file not found")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise ValueError(f"{path}: not valid UTF-8 at byte offset {err.start}") from None
        words = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(fold(w) for w in words)


def _chunk_offsets(
    arr: pa.Array, separator: str | None
) -> tuple[np.ndarray, np.ndarray, pa.Array, np.ndarray, np.ndarray]:
    """Split documents into lines and whitespace-separated chunks, with offsets.

    Returns ``(chunk_line, chunk_start, chunks, line_doc, chunk_len)``: for every chunk its
    global line number and its character offset in its document, the chunk strings (Arrow),
    for every line its document number, and every chunk's length (0 for the empty chunks
    Arrow yields around leading/trailing whitespace). Arrow's kernels do the splitting in C++; Python only fixes up the
    rare lines whose spacing is not one character between chunks.
    """
    n_docs = len(arr)
    if separator is None:
        line_offsets = np.arange(n_docs + 1, dtype=np.int64)
        lines = arr
        sep_len = 0
    else:
        split = pc.split_pattern(arr, pattern=separator)
        line_offsets = split.offsets.to_numpy().astype(np.int64)
        lines = split.flatten()
        sep_len = len(separator)
    n_lines = len(lines)
    line_doc = np.repeat(np.arange(n_docs, dtype=np.int64), np.diff(line_offsets))
    line_len = pc.utf8_length(lines).to_numpy(zero_copy_only=False).astype(np.int64)
    step = line_len + sep_len
    line_start = np.cumsum(step) - step
    line_start -= line_start[line_offsets[:-1]][line_doc] if n_lines else 0

    chunk_lists = pc.utf8_split_whitespace(lines)
    chunk_offsets = chunk_lists.offsets.to_numpy().astype(np.int64)
    chunks = chunk_lists.flatten()
    n_chunks = np.diff(chunk_offsets)
    chunk_len = pc.utf8_length(chunks).to_numpy(zero_copy_only=False).astype(np.int64)
    chunk_line = np.repeat(np.arange(n_lines, dtype=np.int64), n_chunks)
    csum = np.concatenate([[0], np.cumsum(chunk_len)])
    chars_in_chunks = csum[chunk_offsets[1:]] - csum[chunk_offsets[:-1]]
    regular = (line_len == chars_in_chunks + n_chunks - 1) | (n_chunks == 0)
    step = chunk_len + 1
    in_line = np.cumsum(step) - step
    if len(chunk_line):
        in_line -= in_line[chunk_offsets[:-1]][chunk_line]
    for li in np.flatnonzero(~regular):
        # Arrow yields an empty chunk for leading/trailing whitespace; find each chunk in order.
        line = lines[int(li)].as_py()
        cursor, pos = 0, []
        for chunk in chunk_lists[int(li)].as_py():
            at = line.index(chunk, cursor) if chunk else cursor
            pos.append(at)
            cursor = at + len(chunk)
        in_line[chunk_offsets[li] : chunk_offsets[li + 1]] = pos
    return chunk_line, line_start[chunk_line] + in_line, chunks, line_doc, chunk_len


class _Vocabulary:
    """Token types and whitespace-chunk types seen so far, shared by the batches of one call.

    Each distinct chunk (a whitespace-free run such as ``crimes,``) is cut into tokens once and
    remembered as a slice of flat arrays; a batch then expands its chunks into tokens with numpy.
    """

    def __init__(self) -> None:
        self.tokens: dict[str, int] = {}
        self.n_sub: list[int] = []
        self.ptr: list[int] = []
        self.rel_start: list[int] = []
        self.rel_len: list[int] = []
        self.sub_id: list[int] = []
        self._arrays: tuple[np.ndarray, ...] | None = None
        self._flags: dict[str, np.ndarray] = {}
        self._n_flagged = 0
        self._known = pa.array([], type=pa.large_string())

    def chunk_ids(self, chunk_types: pa.Array) -> np.ndarray:
        """Ids of a batch's distinct chunks; unseen chunks are tokenised and added.

        The lookup runs in Arrow (``index_in`` against the chunks seen so far), so Python only
        touches chunks it has never seen.
        """
        known = pc.index_in(chunk_types, value_set=self._known) if len(self._known) else None
        ids = (
            np.full(len(chunk_types), -1, np.int64)
            if known is None
            else known.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        )
        new = np.flatnonzero(ids == -1)
        if len(new):
            fresh = chunk_types.take(pa.array(new)).to_pylist()
            for k, chunk in zip(new, fresh, strict=True):
                ids[k] = self._add_chunk(chunk)
            self._known = pa.concat_arrays([self._known, pa.array(fresh, type=self._known.type)])
        return ids

    def _add_chunk(self, chunk: str) -> int:
        cid = len(self.n_sub)
        self.ptr.append(len(self.sub_id))
        # Most chunks are a plain word, or a word plus one trailing mark ("crimes,"); for those
        # the token rule's answer is known without running the regex.
        if chunk.isalnum():
            parts: list[tuple[int, str]] = [(0, chunk)]
        elif len(chunk) > 1 and chunk[-1] in _TRAILING_MARKS and chunk[:-1].isalnum():
            parts = [(0, chunk[:-1]), (len(chunk) - 1, chunk[-1])]
        else:
            parts = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(chunk)]
        k = 0
        for at, tok in parts:
            self.rel_start.append(at)
            self.rel_len.append(len(tok))
            self.sub_id.append(self.tokens.setdefault(tok, len(self.tokens)))
            k += 1
        self.n_sub.append(k)
        return cid

    def arrays(self) -> tuple[np.ndarray, ...]:
        """The chunk table as numpy arrays; only what was added since the last call is converted."""
        lists = (self.n_sub, self.ptr, self.rel_start, self.rel_len, self.sub_id)
        if self._arrays is None:
            self._arrays = tuple(np.zeros(0, np.int64) for _ in lists)
        self._arrays = tuple(
            np.concatenate([a, np.asarray(lst[len(a) :], np.int64)]) if len(lst) > len(a) else a
            for a, lst in zip(self._arrays, lists, strict=True)
        )
        return self._arrays

    def flags(self, params: PunktParameters) -> dict[str, np.ndarray]:
        """Punkt type flags for every token type, computed once per new type."""
        if params is not getattr(self, "_flag_params", params):
            self._flags, self._n_flagged = {}, 0  # other Punkt parameters: other flags
        self._flag_params = params
        types = list(self.tokens) if len(self.tokens) != self._n_flagged else None
        if types is not None:
            new = type_flags(types[self._n_flagged :], params)
            self._flags = {
                k: np.concatenate([self._flags.get(k, np.zeros(0, bool)), v])
                for k, v in new.items()
            }
            self._n_flagged = len(types)
        return self._flags


class Vocabulary:
    """Token types carried from one :func:`tokenize` call to the next (chunks of one corpus).

    Pass the same object to every call (``tokenize(chunk, vocabulary=vocab)``): each distinct
    whitespace-separated chunk of text is cut into tokens once, Punkt's per-type flags and the
    folded norms are computed once per type, and the ``token`` and ``norm`` categories of every
    result are the types seen so far, in first-seen order, so that a later result's categories
    extend an earlier one's (pattern expansions cached on a vocabulary then only need the new
    types; :mod:`analysis.matching` does that). The tokens tables are otherwise the same as
    without it; categories may include types that the chunk does not use.

    Example:
        >>> vocab = Vocabulary()
        >>> a = tokenize(pd.DataFrame({"doc_id": ["d1"], "text": ["Crime rose."]}), vocabulary=vocab)
        >>> b = tokenize(pd.DataFrame({"doc_id": ["d2"], "text": ["Fraud rose."]}), vocabulary=vocab)
        >>> b["norm"].cat.categories.tolist()
        ['crime', 'rose', '.', 'fraud']
        >>> b["norm"].astype(str).tolist()
        ['fraud', 'rose', '.']
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._state = _Vocabulary()
        self._token_cats: pd.Index | None = None
        # (fold_case, fold_diacritics) -> (norm id of every type, norm -> id, norm categories)
        self._norms: dict[tuple[bool, bool], tuple[np.ndarray, dict[str, int], pd.Index]] = {}
        self._masks: dict[tuple, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._state.tokens)

    def __getstate__(self) -> dict:
        # What a vocabulary learned is a cache: a pickled copy (a Dask plan) starts empty.
        return {}

    def __setstate__(self, state: dict) -> None:
        self._reset()

    def token_categories(self) -> pd.Index:
        """The token types seen so far (the ``token`` categories); the same object while no
        type is added."""
        n = len(self._state.tokens)
        old = self._token_cats
        if old is None or len(old) != n:
            known = 0 if old is None else len(old)
            self._token_cats = _appended(old, islice(self._state.tokens, known, None))
        return self._token_cats

    def norms(
        self, fold_case: bool = True, fold_diacritics: bool = True
    ) -> tuple[np.ndarray, pd.Index]:
        """The norm id of every type and the norms (the ``norm`` categories), folded once per
        type; norms seen earlier keep their ids."""
        key = (fold_case, fold_diacritics)
        of_type, index, cats = self._norms.get(
            key, (np.zeros(0, np.int32), {}, pd.Index([], dtype=str))
        )
        n = len(self._state.tokens)
        if len(of_type) != n:
            new_types = list(self._state.tokens)[len(of_type) :]
            ids = [
                index.setdefault(fold(t, case=fold_case, diacritics=fold_diacritics), len(index))
                for t in new_types
            ]
            of_type = np.concatenate([of_type, np.asarray(ids, np.int32)])
            if len(index) != len(cats):
                cats = _appended(cats, islice(index, len(cats), None))
            self._norms[key] = (of_type, index, cats)
        return of_type, cats

    def punct_mask(self, fold_case: bool = True, fold_diacritics: bool = True) -> np.ndarray:
        """:func:`is_punct` of every norm, aligned with the ``norm`` categories."""
        return self.norm_mask(
            "punct", lambda s: _WORD_RE.search(s) is None, fold_case, fold_diacritics
        )

    def norm_mask(
        self, name: str, predicate, fold_case: bool = True, fold_diacritics: bool = True
    ) -> np.ndarray:
        """``predicate`` of every norm (a bool array aligned with the ``norm`` categories),
        evaluated once per norm; ``name`` identifies the predicate."""
        _, cats = self.norms(fold_case, fold_diacritics)
        key = (name, fold_case, fold_diacritics)
        mask = self._masks.get(key, np.zeros(0, bool))
        if len(mask) != len(cats):
            tail = cats[len(mask) :].tolist()
            new = np.fromiter((bool(predicate(c)) for c in tail), bool, count=len(tail))
            mask = self._masks[key] = np.concatenate([mask, new])
        return mask


def _appended(old: pd.Index | None, new: Iterable[str]) -> pd.Index:
    """``old`` followed by the strings ``new``. Appending keeps the types already converted:
    rebuilding the Index of a whole vocabulary from Python strings in every chunk of a stream
    cost about as much as counting the chunk."""
    tail = pd.Index(list(new), dtype=str)
    if old is None or not len(old):
        return tail
    if not (hasattr(old.array, "__arrow_array__") and hasattr(tail.array, "__arrow_array__")):
        return old.append(tail)
    # One contiguous Arrow array: Index.append would chain a chunk per call, slower to take from.
    head, rest = (pa.array(x.array) for x in (old, tail))
    head, rest = (x.combine_chunks() if isinstance(x, pa.ChunkedArray) else x for x in (head, rest))
    return pd.Index(pd.array(pa.concat_arrays([head, rest.cast(head.type)]), dtype=old.dtype))


def _tokenize_batch(
    texts: Sequence[str],
    separator: str | None,
    params: PunktParameters,
    vocab: _Vocabulary,
    unwrap: bool = False,
) -> dict[str, np.ndarray]:
    """Token arrays for one batch of documents (doc numbers local to the batch)."""
    arr = pa.array(texts, type=pa.large_string())
    chunk_line, chunk_start, chunks, line_doc, chunk_len = _chunk_offsets(arr, separator)
    encoded = pc.dictionary_encode(chunks)
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    gid = vocab.chunk_ids(encoded.dictionary)[codes]
    n_sub, ptr, rel_start, rel_len, sub_id = vocab.arrays()
    per_chunk = n_sub[gid]
    total = int(per_chunk.sum())
    first_in_chunk = np.cumsum(per_chunk) - per_chunk
    flat = np.repeat(ptr[gid] - first_in_chunk, per_chunk) + np.arange(total, dtype=np.int64)
    tok_id = sub_id[flat]
    start = np.repeat(chunk_start, per_chunk) + rel_start[flat]
    end = start + rel_len[flat]
    tok_line = np.repeat(chunk_line, per_chunk)
    tok_doc = line_doc[tok_line] if total else np.zeros(0, np.int64)
    if unwrap:
        # Hard-wrapped documents: the lines of a paragraph count as one line (a line break
        # is a space), so only a blank line ends a sentence there.
        stats = _line_stats(chunk_line, chunk_start, chunk_len, chunks, line_doc, len(texts))
        tok_line = _paragraph_of_line(stats, line_doc)[tok_line]
    sent_start = sentence_starts(
        texts, tok_doc, tok_line, tok_id, start, end, vocab.flags(params), params
    )
    doc_first = np.searchsorted(tok_doc, np.arange(len(texts)))
    sent_global = np.cumsum(sent_start)
    sent = sent_global - (sent_global[doc_first[tok_doc]] if total else 0) + 1
    return {
        "doc": tok_doc,
        "sent": sent.astype(np.int32),
        "tok": (np.arange(total) - doc_first[tok_doc]).astype(np.int32),
        "start": start,
        "end": end,
        "tok_id": tok_id.astype(np.int32),
    }


def _batches(texts: Sequence[str], batch_chars: int) -> list[tuple[int, int]]:
    """Document index ranges of about ``batch_chars`` characters each.

    Working in batches keeps every intermediate array small enough to be recycled by the
    allocator; one pass over a 50 MB corpus with whole-corpus arrays spends more time in fresh
    page allocation than in the arithmetic.
    """
    bounds, begin, size = [], 0, 0
    for i, t in enumerate(texts):
        size += len(t)
        if size >= batch_chars:
            bounds.append((begin, i + 1))
            begin, size = i + 1, 0
    if begin < len(texts) or not bounds:
        bounds.append((begin, len(texts)))
    return bounds


# --------------------------------------------------------------------------------------------
# hard-wrapped documents

#: A hard-wrapped document: its lines' median length is at most this many characters ...
WRAP_MAX_MEDIAN = 80
#: ... at least this share of its lines followed by another line end without sentence
#: punctuation (a wrapped line is cut mid-sentence; a paragraph per line ends with a full stop) ...
WRAP_MIN_UNPUNCTUATED = 0.5
#: ... and at least this share of those lines reach 60 % of the document's longest line (wrapped
#: lines fill the width; a headline, a byline and a dateline do not) ...
WRAP_MIN_FULL = 0.7
#: ... and its longest line has at least this many characters (no one wraps text narrower;
#: short lines of tables, lists and bylines are not wrapping) ...
WRAP_MIN_WIDTH = 40
#: ... and at least this many lines are followed by another one (a verdict needs evidence).
WRAP_MIN_JOINABLE = 3
#: Or, instead of the median and the width filled, at least this share of the lines followed by
#: another line end without punctuation and the next goes on in lower case (ragged wrapping).
WRAP_MIN_GOES_ON = 0.4
# Last character of a line that ends a sentence (closing quotes and brackets included).
_LINE_END_RE = r"[.!?:;…\"'”’»)\]]$"


def _line_stats(
    chunk_line: np.ndarray,
    chunk_start: np.ndarray,
    chunk_len: np.ndarray,
    chunks: pa.Array,
    line_doc: np.ndarray,
    n_docs: int,
) -> dict[str, np.ndarray]:
    """Per document: non-empty lines, their median length, the share of joinable lines without
    end punctuation, and the verdict (``wrapped``); per line: ``nonempty``. Computed from the
    chunk table of :func:`_chunk_offsets` (split on ``"\\n"``), no Python loop per line."""
    n_lines_all = len(line_doc)
    real = np.flatnonzero(chunk_len > 0)
    r_line = chunk_line[real]
    nonempty = np.zeros(n_lines_all, bool)
    nonempty[r_line] = True
    # first and last non-empty chunk of every non-empty line (chunks are in line order)
    first_of = np.full(n_lines_all, -1, np.int64)
    last_of = np.full(n_lines_all, -1, np.int64)
    first_of[r_line[::-1]] = real[::-1]
    last_of[r_line] = real
    lines = np.flatnonzero(nonempty)
    f, la = first_of[lines], last_of[lines]
    length = chunk_start[la] + chunk_len[la] - chunk_start[f]
    last_chunks = chunks.take(pa.array(la))
    ended = pc.match_substring_regex(last_chunks, _LINE_END_RE).to_numpy(zero_copy_only=False)
    doc = line_doc[lines]
    # A line that another non-empty line follows directly (its break would be joined).
    joinable = np.zeros(len(lines), bool)
    joinable[:-1] = (lines[1:] == lines[:-1] + 1) & (doc[1:] == doc[:-1])
    n_lines = np.bincount(doc, minlength=n_docs)
    longest = np.zeros(n_docs, np.int64)
    np.maximum.at(longest, doc, length)
    n_join = np.bincount(doc, weights=joinable, minlength=n_docs)
    open_end = np.bincount(doc, weights=joinable & ~ended, minlength=n_docs)
    full = np.bincount(doc, weights=joinable & (length >= 0.6 * longest[doc]), minlength=n_docs)
    sorted_len = length[np.lexsort((length, doc))].astype(np.float64)
    first = np.cumsum(n_lines) - n_lines
    has = n_lines > 0
    median = np.zeros(n_docs, np.float64)
    lo = first[has] + (n_lines[has] - 1) // 2
    hi = first[has] + n_lines[has] // 2
    median[has] = (sorted_len[lo] + sorted_len[hi]) / 2
    safe = np.maximum(n_join, 1)
    unpunctuated = np.where(n_join > 0, open_end / safe, 0.0)
    # Ragged wrapping (wave 11): lines cut mid-sentence at varying widths, the next line going
    # on in lower case ("… of China reiterated" / "China's support …" does not, "… and the" /
    # "ASEAN Senior …" neither, "… said the" / "work plan …" does).
    starts = chunks.take(pa.array(f))
    lower = pc.utf8_is_lower(pc.utf8_slice_codeunits(starts, 0, 1)).to_numpy(zero_copy_only=False)
    goes_on = np.zeros(len(lines), bool)
    goes_on[:-1] = joinable[:-1] & ~ended[:-1] & lower[1:]
    n_goes_on = np.bincount(doc, weights=goes_on, minlength=n_docs)
    wrapped = (
        (n_join >= WRAP_MIN_JOINABLE)
        & (longest >= WRAP_MIN_WIDTH)
        & (unpunctuated >= WRAP_MIN_UNPUNCTUATED)
        & (
            ((median <= WRAP_MAX_MEDIAN) & (full / safe >= WRAP_MIN_FULL))
            | (n_goes_on / safe >= WRAP_MIN_GOES_ON)
        )
    )
    return {
        "wrapped": wrapped,
        "n_lines": n_lines.astype(np.int64),
        "median_line_length": median,
        "unpunctuated_share": unpunctuated,
        "nonempty": nonempty,
    }


def _paragraph_of_line(stats: dict[str, np.ndarray], line_doc: np.ndarray) -> np.ndarray:
    """A number per line that changes where a sentence must end: at every line in documents
    that are not wrapped; in wrapped ones only at a line after a blank (or whitespace) line."""
    n = len(line_doc)
    new = np.ones(n, bool)
    if n > 1:
        same_doc = line_doc[1:] == line_doc[:-1]
        joined = same_doc & stats["nonempty"][:-1] & stats["wrapped"][line_doc[1:]]
        new[1:] = ~joined
    return np.cumsum(new) - 1


def _wrap_table(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """The per-document columns of :func:`wrapped_documents`."""
    arr = pa.array(texts, type=pa.large_string())
    chunk_line, chunk_start, chunks, line_doc, chunk_len = _chunk_offsets(arr, "\n")
    stats = _line_stats(chunk_line, chunk_start, chunk_len, chunks, line_doc, len(texts))
    stats.pop("nonempty")
    return stats


def _check_docs(docs: pd.DataFrame) -> None:
    for col in ("doc_id", "text"):
        if col not in docs.columns:
            raise ValueError(
                f"docs needs a {col!r} column (has: {', '.join(map(str, docs.columns))})"
            )


def wrapped_documents(docs: pd.DataFrame) -> pd.DataFrame:
    """Which documents are hard-wrapped: their lines are cut at a fixed width, mid-sentence.

    A document counts as wrapped when at least 3 of its lines are followed by another non-empty
    line, its longest line has at least 40 characters, the median length of its non-empty lines
    is at most :data:`WRAP_MAX_MEDIAN` (80) characters, at least half of the lines followed by
    another line end without sentence punctuation (``. ! ? : ; …`` or a closing quote or
    bracket), and at least 70 % of those lines reach 60 % of the longest line's length (wrapped
    lines fill the width); or, whatever the median and the width filled, at least 40 % of those
    lines end without punctuation and the next line goes on in lower case (ragged wrapping,
    :data:`WRAP_MIN_GOES_ON`). News text with one paragraph per line is not wrapped: its lines are
    long and end with a full stop. :func:`tokenize` (``line_breaks="auto"``) treats a single
    line break in a wrapped document as a space.

    Args:
        docs: the docs table (``doc_id``, ``text``).

    Returns:
        One row per document, in docs order: ``doc_id`` (str), ``wrapped`` (bool), ``n_lines``
        (int64: non-empty lines), ``median_line_length`` (float64: characters, surrounding
        whitespace not counted), ``unpunctuated_share`` (float64: share of the lines followed
        by another line that end without sentence punctuation; 0 when there is none).

    Raises:
        ValueError: docs without ``doc_id``/``text`` columns.

    Example:
        >>> text = ("The minister said on Monday that the\\nagreement would be signed next "
        ...         "week in\\nthe capital, after talks with the\\ndelegation from the "
        ...         "neighbouring country\\non trade.")
        >>> docs = pd.DataFrame({"doc_id": ["wrapped", "news"],
        ...                      "text": [text, "One paragraph.\\nAnother one."]})
        >>> wrapped_documents(docs)[["doc_id", "wrapped", "n_lines"]].values.tolist()
        [['wrapped', True, 5], ['news', False, 2]]
        >>> tokenize(docs).groupby("doc_id", observed=True)["sent"].max().tolist()  # sentences
        [1, 2]
    """
    _check_docs(docs)
    stats = _wrap_table(docs["text"].tolist())
    table = pd.DataFrame({"doc_id": docs["doc_id"].astype(str).to_numpy(dtype=object), **stats})
    return conform(table, "wrapped_documents")


def tokenize(
    docs: pd.DataFrame,
    *,
    fold_case: bool = True,
    fold_diacritics: bool = True,
    line_breaks: LineBreaks = "auto",
    punkt: PunktParameters | None = None,
    batch_chars: int = 8_000_000,
    vocabulary: Vocabulary | None = None,
) -> pd.DataFrame:
    """Split documents into sentences and tokens, keeping character offsets.

    Args:
        docs: the docs table (``doc_id``, ``text``), e.g. from :func:`analysis.load_corpus`.
        fold_case: lowercase ``norm``.
        fold_diacritics: strip accents in ``norm`` (``Thưởng`` → ``thuong``, ``Đ`` → ``d``).
        line_breaks: where a line break ends a sentence: ``"auto"`` (per document: only blank
            lines in hard-wrapped documents, see :func:`wrapped_documents`, every line break in
            the others), ``"line"`` (every ``\\n``; news text has one paragraph per line),
            ``"paragraph"`` (only blank lines, for hard-wrapped text) or ``"none"`` (Punkt
            alone). Offsets always point into the original text.
        punkt: Punkt parameters from :func:`punkt_parameters`; default: Punkt's default rules
            plus the shipped abbreviation list.
        batch_chars: documents are processed in batches of about this many characters (memory
            and speed only; the result does not depend on it).
        vocabulary: a :class:`Vocabulary` carried across calls on chunks of one corpus (speed
            only: chunks already seen are not cut again); the ``token``/``norm`` categories are
            then all types seen so far.

    Returns:
        The tokens table, one row per token in document order: ``doc_id`` (categorical),
        ``sent`` (1-based sentence number in the document), ``tok`` (0-based token position in
        the document), ``start``, ``end`` (character offsets: ``text[start:end] == token``),
        ``token`` (as written, categorical), ``norm`` (matching form, categorical). See the
        module docstring for the token rules.

    Raises:
        ValueError: a bad option value, or docs without ``doc_id``/``text`` columns.

    Example:
        >>> toks = tokenize(pd.DataFrame({"doc_id": ["d1"], "text": ["Dr. Lee met Võ Văn Thưởng."]}))
        >>> toks["norm"].tolist()
        ['dr', '.', 'lee', 'met', 'vo', 'van', 'thuong', '.']
        >>> toks["sent"].tolist()
        [1, 1, 1, 1, 1, 1, 1, 1]
    """
    check_choice("line_breaks", line_breaks, _LINE_BREAK_CHOICES)
    _check_docs(docs)
    doc_ids = docs["doc_id"].astype(str).tolist()
    if len(set(doc_ids)) != len(doc_ids):
        raise ValueError("docs has duplicate doc_id values")
    texts = docs["text"].tolist()
    separator, params = _SEPARATORS.get(line_breaks), punkt or default_params()
    unwrap = line_breaks == "auto"
    vocab = _Vocabulary() if vocabulary is None else vocabulary._state
    parts = []
    for lo, hi in _batches(texts, batch_chars):
        part = _tokenize_batch(texts[lo:hi], separator, params, vocab, unwrap)
        part["doc"] = (part["doc"] + lo).astype(np.int32)
        parts.append(part)
    cols = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    if vocabulary is None:
        types = pd.Index(list(vocab.tokens), dtype=str)
        norms = [fold(t, case=fold_case, diacritics=fold_diacritics) for t in types]
        norm_codes, uniques = pd.factorize(pd.Index(norms, dtype=object))
        norm_of_type = np.asarray(norm_codes, np.int32)
        norm_cats = pd.Index(list(uniques), dtype=str)
    else:
        types = vocabulary.token_categories()
        norm_of_type, norm_cats = vocabulary.norms(fold_case, fold_diacritics)
    categorical = partial(pd.Categorical.from_codes, validate=False)
    return pd.DataFrame(
        {
            "doc_id": categorical(cols["doc"], categories=pd.Index(doc_ids)),
            "sent": cols["sent"],
            "tok": cols["tok"],
            "start": cols["start"],
            "end": cols["end"],
            "token": categorical(cols["tok_id"], categories=types),
            "norm": categorical(norm_of_type[cols["tok_id"]], categories=norm_cats),
        },
        copy=False,
    )


def tokenize_text(text: str, **options: object) -> pd.DataFrame:
    """Tokenise one string (doc_id ``"text"``): handy for patterns and quick checks.

    Takes the same keyword options as :func:`tokenize` and returns its tokens table.
    """
    return tokenize(pd.DataFrame({"doc_id": ["text"], "text": [text]}), **options)  # type: ignore[arg-type]


#: The last categories seen and their punctuation flags: a vocabulary carried across chunks
#: only grows, so the flags of the types it already had are reused.
_PUNCT_TYPES: list[tuple[pd.Index, np.ndarray]] = []


def is_punct(tokens: pd.DataFrame) -> np.ndarray:
    """Boolean array over ``tokens``: True where the token has no letter or digit (punctuation,
    symbols). Computed once per vocabulary type."""
    col = tokens["norm"]
    cats = col.cat.categories
    n_old, old = 0, np.zeros(0, bool)
    if _PUNCT_TYPES:
        seen, flags = _PUNCT_TYPES[0]
        if seen is cats or (len(seen) <= len(cats) and cats[: len(seen)].equals(seen)):
            n_old, old = len(seen), flags
    new = cats[n_old:].tolist()
    per_type = np.concatenate(
        [old, np.fromiter((_WORD_RE.search(c) is None for c in new), bool, count=len(new))]
    )
    _PUNCT_TYPES[:] = [(cats, per_type)]
    codes = col.array.codes
    return per_type[codes] if len(codes) else np.zeros(0, bool)


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        from analysis import token_transforms

        return getattr(token_transforms, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def sentences(tokens: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """The sentence table implied by ``tokens``.

    Returns:
        One row per sentence: ``doc_id, sent, start, end`` (offsets of its first and last
        token), ``n_tokens``, ``text`` (``docs.text[start:end]``). Sentence numbers are the ones
        in ``tokens``, so a gold file or a hit table can be joined on ``(doc_id, sent)``.
    """
    doc = tokens["doc_id"].astype(str).to_numpy()
    snt = tokens["sent"].to_numpy()
    n = len(tokens)
    if n == 0:
        return empty_table("sentences")
    brk = np.ones(n, bool)
    brk[1:] = (doc[1:] != doc[:-1]) | (snt[1:] != snt[:-1])
    first = np.flatnonzero(brk)
    last = np.r_[first[1:], n] - 1
    start = tokens["start"].to_numpy()[first]
    end = tokens["end"].to_numpy()[last]
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    ids = doc[first]
    table = pd.DataFrame(
        {
            "doc_id": ids,
            "sent": snt[first],
            "start": start,
            "end": end,
            "n_tokens": (last - first + 1).astype(np.int64),
            "text": [texts[d][s:e] for d, s, e in zip(ids, start, end, strict=True)],
        }
    )
    return conform(table, "sentences")
