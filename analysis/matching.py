"""The one pattern engine: words, phrases, globs and regexes matched on token-type sequences.

Theme codebooks and actor tables are both "patterns → key"; this module compiles them and finds
their matches in a tokens table. Nothing else in the package matches patterns.

Pattern syntax
    * ``word`` — one token, compared after folding (lowercase, no diacritics by default):
      ``Thưởng`` matches ``thuong``, ``People’s`` matches ``people's``.
    * ``information sharing`` — a phrase: consecutive tokens of one sentence.
    * ``cooperat*``, ``cyber*``, ``organi?ation`` — ``*`` (any run of characters) and ``?`` (one
      character) inside a word; globs match whole tokens (``high-tech crime*`` is a phrase of
      a literal and a glob).
    * ``regex:<expression>`` — a Python regular expression that must match one whole token.
    Pattern text is cut into tokens by the document tokenizer (:data:`analysis.text.TOKEN_PATTERN`),
    so ``high-tech``, ``People's`` and ``U.S.`` are single tokens on both sides, and ``crimes.``
    would require a full stop after ``crimes``.

How matching works (the "match types, not tokens" rule)
    Each pattern word is expanded once against the corpus vocabulary (the categories of the
    tokens table): a literal is a dictionary lookup, a glob with a literal prefix is a binary
    search in the sorted vocabulary followed by a check of the few candidates, a regex scans the
    vocabulary once. Matching then works on integer type ids with numpy, for all patterns at once.

Overlaps
    Within one key the longest match wins, then the earliest, so a token is counted at most once
    per key ("the Czech Republic" and "Czech Republic" in one key give one hit; quanteda #502).
    ``scope="key"`` (default) lets different keys match the same tokens ("security cooperation"
    can count for a security theme and a cooperation theme); ``scope="all"`` makes matches
    exclusive across the whole pattern set, longest first (actor mentions use it). These are
    quanteda's ``nested_scope = "key"`` and ``"dictionary"``. When two patterns of the same
    length start at the same token, the one listed first wins.
"""

from __future__ import annotations

import bisect
import fnmatch
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import regex

from analysis._checks import check_choice
from analysis.schema import SCHEMAS, empty_table
from analysis.text import TOKEN_PATTERN, fold

__all__ = [
    "PatternError",
    "PatternSet",
    "compile_patterns",
    "match",
    "match_entries",
    "MATCH_COLUMNS",
]

# Pattern words are split by the tokenizer's own rule, so "high-tech" matches as tokenize() cuts it.
_WORD_TOKENS = re.compile(TOKEN_PATTERN, re.VERBOSE)

MATCH_COLUMNS = list(SCHEMAS["matches"])
Scope = Literal["key", "all"]
_SCOPES = ("key", "all")


class PatternError(ValueError):
    """A pattern cannot be compiled; the message names the key and the pattern."""


@dataclass(frozen=True)
class _Word:
    kind: Literal["lit", "glob", "regex"]
    text: str  # folded literal, folded glob, or the regex source
    rx: Any = None  # re.Pattern (globs) or regex.Pattern (regex: patterns, time-guarded)
    prefix: str = ""  # literal prefix of a glob, for the binary search


@dataclass(frozen=True)
class _Entry:
    key: str
    pattern: str
    words: tuple[_Word, ...]


@dataclass
class PatternSet:
    """Compiled patterns, independent of any corpus; reuse it for every chunk or partition.

    Attributes:
        entries: the compiled patterns in input order (the order breaks ties).
        fold_case, fold_diacritics: how pattern words and document tokens are compared.
    """

    entries: list[_Entry]
    fold_case: bool = True
    fold_diacritics: bool = True
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def keys(self) -> list[str]:
        """The distinct keys, in first-appearance order."""
        return list(dict.fromkeys(e.key for e in self.entries))

    def to_frame(self) -> pd.DataFrame:
        """The patterns as a table: ``key, pattern, n_words``."""
        return pd.DataFrame(
            {
                "key": [e.key for e in self.entries],
                "pattern": [e.pattern for e in self.entries],
                "n_words": [len(e.words) for e in self.entries],
            }
        )

    def __getstate__(self) -> dict:
        # Vocabulary expansions are per corpus chunk; do not ship them to Dask workers.
        state = self.__dict__.copy()
        state["_cache"] = {}
        return state


def _compile_word(word: str, key: str, pattern: str, case: bool, diacritics: bool) -> list[_Word]:
    if "*" in word or "?" in word:
        folded = fold(word, case=case, diacritics=diacritics)
        rx = re.compile(fnmatch.translate(folded), re.DOTALL)
        prefix = re.split(r"[*?\[]", folded, maxsplit=1)[0]
        return [_Word("glob", folded, rx, prefix)]
    toks = [m.group() for m in _WORD_TOKENS.finditer(word)]
    return [_Word("lit", fold(t, case=case, diacritics=diacritics)) for t in toks]


def _compile_entry(key: str, pattern: str, case: bool, diacritics: bool) -> _Entry:
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError(f"key {key!r}: empty pattern")
    if not isinstance(key, str) or not key.strip():
        raise PatternError(f"pattern {pattern!r}: empty key")
    text = pattern.strip()
    if text.startswith("regex:"):
        source = text[len("regex:") :].strip()
        if not source:
            raise PatternError(f"key {key!r}: pattern {pattern!r} has an empty regex")
        try:
            rx = regex.compile(source, 0 if case else regex.IGNORECASE)
        except regex.error as err:
            raise PatternError(
                f"key {key!r}: invalid regex in pattern {pattern!r}: {err}"
            ) from None
        return _Entry(key, pattern, (_Word("regex", source, rx),))
    words: list[_Word] = []
    for w in text.split():
        words.extend(_compile_word(w, key, pattern, case, diacritics))
    if not words:
        raise PatternError(f"key {key!r}: pattern {pattern!r} has no tokens")
    return _Entry(key, pattern, tuple(words))


def compile_patterns(
    patterns: pd.DataFrame | Mapping[str, Iterable[str]],
    *,
    fold_case: bool = True,
    fold_diacritics: bool = True,
) -> PatternSet:
    """Compile patterns once, for any number of corpora or chunks.

    Args:
        patterns: a table with columns ``key`` and ``pattern`` (one row per pattern; other
            columns are ignored), or a mapping ``key -> [pattern, ...]``.
        fold_case: compare lowercased (``China`` = ``CHINA`` = ``china``).
        fold_diacritics: compare without accents (``Thưởng`` = ``Thuong``).

    Returns:
        A :class:`PatternSet` for :func:`match`.

    Raises:
        PatternError: an empty key or pattern, or an invalid ``regex:`` pattern (names both).

    Example:
        >>> ps = compile_patterns({"cooperation": ["cooperat*", "information sharing"]})
        >>> len(ps), ps.keys
        (2, ['cooperation'])
    """
    if isinstance(patterns, pd.DataFrame):
        missing = {"key", "pattern"} - set(patterns.columns)
        if missing:
            raise PatternError(f"pattern table lacks column(s) {sorted(missing)}")
        pairs = list(zip(patterns["key"], patterns["pattern"], strict=True))
    else:
        pairs = [
            (k, p) for k, ps in patterns.items() for p in ([ps] if isinstance(ps, str) else ps)
        ]
    entries = [_compile_entry(k, p, fold_case, fold_diacritics) for k, p in pairs]
    return PatternSet(entries, fold_case, fold_diacritics)


def _vocabulary(tokens: pd.DataFrame, ps: PatternSet) -> tuple[np.ndarray, list[str]]:
    """Folded type id of every token, and the folded vocabulary.

    With the default folding the tokens' ``norm`` already is the folded form; otherwise each
    token type is folded with the pattern set's options (once per type, not per token). The
    vocabulary and the pattern expansions are cached on the pattern set for the last categories
    object seen, so matching the same tokens table again (themes, then exclusions, then KWIC)
    does not redo them.
    """
    use_norm = ps.fold_case and ps.fold_diacritics and "norm" in tokens
    col = tokens["norm"] if use_norm else tokens["token"]
    cats = col.cat.categories
    hit = ps._cache.get("vocabulary")
    if hit is None or hit[0] is not cats:
        previous: tuple = hit if hit is not None else ((), None, [])
        known = shrunk = False
        if use_norm:
            # Categories that extend the previous ones (chunks tokenised with one
            # analysis.text.Vocabulary): convert only the new types to Python strings.
            known = hit is not None and previous[1] is None and _extends(cats, previous[0])
            # A new run over the same corpus (its first chunk is a prefix of the last run's
            # vocabulary): the expansions are the cached ones without the later types.
            shrunk = (
                not known and hit is not None and previous[1] is None
                and _extends(previous[0], cats)
            )  # fmt: skip
            if known:
                vocab = previous[2] + cats[len(previous[0]) :].tolist()
            else:
                vocab = previous[2][: len(cats)] if shrunk else cats.tolist()
            hit = (cats, None, vocab)
        else:
            folded = [
                fold(t, case=ps.fold_case, diacritics=ps.fold_diacritics) for t in cats.tolist()
            ]
            codes, uniques = pd.factorize(pd.Index(folded, dtype=object))
            hit = (cats, np.asarray(codes, np.int64), list(uniques))
        ps._cache["vocabulary"] = hit
        # Then only the new types need expanding too.
        ps._cache.pop("expansions_prefix", None)
        ps._cache.pop("expansions_cut", None)
        if known:
            ps._cache["expansions_prefix"] = len(previous[0])
        elif shrunk:
            ps._cache["expansions_cut"] = (len(cats), previous[2])
        else:
            ps._cache.pop("expansions", None)
    _, remap, vocab = hit
    codes = col.array.codes  # a view; numpy indexes with any integer width
    return (codes if remap is None else remap[codes]), vocab


def _extends(cats: pd.Index, old: pd.Index) -> bool:
    """``cats`` starts with ``old`` (the vocabulary grew at its end). Compared in Arrow when
    both are Arrow strings (20x faster than ``Index.equals``: this runs once per chunk)."""
    if len(cats) < len(old):
        return False
    if hasattr(cats.array, "__arrow_array__") and hasattr(old.array, "__arrow_array__"):
        return bool(_arrow_strings(cats).slice(0, len(old)).equals(_arrow_strings(old)))
    return bool(cats[: len(old)].equals(old))


def _arrow_strings(values: pd.Index) -> pa.Array:
    """``values`` (strings) as one Arrow ``large_string`` array; no copy for Arrow strings."""
    arr = values.array
    out = (
        pa.array(arr)
        if hasattr(arr, "__arrow_array__")
        else pa.array(values.to_numpy(dtype=object), type=pa.large_string())
    )
    if isinstance(out, pa.ChunkedArray):
        out = out.combine_chunks()
    return out.cast(pa.large_string())


def _expand(
    word: _Word, vocab: list[str], index: dict[str, int], order: list[str], order_ids: np.ndarray
) -> np.ndarray:
    """Type ids of the vocabulary that ``word`` matches."""
    if word.kind == "lit":
        i = index.get(word.text)
        return np.array([], np.int64) if i is None else np.array([i], np.int64)
    rx = word.rx
    assert rx is not None
    if word.kind == "glob" and word.prefix:
        lo = bisect.bisect_left(order, word.prefix)
        hi = bisect.bisect_left(order, word.prefix + "\U0010ffff")
        return np.array([order_ids[j] for j in range(lo, hi) if rx.fullmatch(order[j])], np.int64)
    if word.kind == "regex":
        return _expand_regex(word, vocab)
    return np.array([i for i, v in enumerate(vocab) if rx.fullmatch(v)], np.int64)


#: Seconds one ``regex:`` pattern may spend on the whole vocabulary of a corpus (or chunk).
REGEX_TIME_BUDGET = 5.0


def _expand_regex(word: _Word, vocab: list[str]) -> np.ndarray:
    """Types a ``regex:`` word matches, within :data:`REGEX_TIME_BUDGET`.

    Patterns run on the distinct types, never per token, with the ``regex`` module, which
    avoids most catastrophic backtracking and takes a ``timeout``; a pattern that still runs
    out of time is an error naming it and the type it was trying, instead of a hang.
    """
    deadline = time.monotonic() + REGEX_TIME_BUDGET
    found = []
    for i, v in enumerate(vocab):
        try:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            if word.rx.fullmatch(v, timeout=left):
                found.append(i)
        except TimeoutError:
            raise PatternError(
                f"regex {word.text!r} took more than {REGEX_TIME_BUDGET:g} s on the vocabulary "
                f"(stopped at the token {v[:40]!r}); simplify it (nested repeats such as (x+)+ "
                "backtrack exponentially)"
            ) from None
    return np.array(found, np.int64)


def _expansions(ps: PatternSet, vocab: list[str]) -> list[list[np.ndarray]]:
    hit = ps._cache.get("expansions")
    if hit is not None and hit[0] is vocab:
        return hit[1]
    known = ps._cache.pop("expansions_prefix", None)
    cut = ps._cache.pop("expansions_cut", None)
    if hit is not None and cut is not None and cut[1] is hit[0] and cut[0] == len(vocab):
        # ids are positions in the vocabulary: those of the shorter one are the ones below cut
        result = [[a[a < cut[0]] for a in words] for words in hit[1]]
    elif hit is not None and known is not None and known == len(hit[0]):
        # The vocabulary grew at its end: expand the new types only (ids shifted by `known`).
        tail = _expand_all(ps, vocab[known:])
        result = [
            [np.concatenate([a, b + known]) if len(b) else a for a, b in zip(old, new, strict=True)]
            for old, new in zip(hit[1], tail, strict=True)
        ]
    else:
        result = _expand_all(ps, vocab)
    ps._cache["expansions"] = (vocab, result)
    return result


def _expand_all(ps: PatternSet, vocab: list[str]) -> list[list[np.ndarray]]:
    index = {v: i for i, v in enumerate(vocab)}
    sort_idx = sorted(range(len(vocab)), key=vocab.__getitem__)
    order = [vocab[i] for i in sort_idx]
    order_ids = np.asarray(sort_idx, np.int64)
    memo: dict[_Word, np.ndarray] = {}
    result = []
    for e in ps.entries:
        per_word = []
        for w in e.words:
            if w not in memo:
                memo[w] = _expand(w, vocab, index, order, order_ids)
            per_word.append(memo[w])
        result.append(per_word)
    return result


#: Tokens sampled to pick each pattern's anchor word (see :func:`_candidates`).
_FREQ_SAMPLE = 1 << 19


def _candidates(
    tfid: np.ndarray,
    doc: np.ndarray,
    sent: np.ndarray,
    exp: list[list[np.ndarray]],
    n_types: int,
    lengths: np.ndarray,
):
    """All (start position, entry) pairs where an entry's words match consecutive tokens of a sentence.

    Each pattern is anchored on its rarest word in this corpus (a phrase like "the United States"
    is looked up through "states", not "the"), so the candidate list stays short; the other
    words are then checked for all candidates of all patterns at once. The anchor changes the
    work, not the result, so word frequencies are counted on an evenly spaced sample of the
    tokens (exact counts would be one more pass over the corpus).
    """
    n = len(tfid)
    # every (entry, word) of every pattern, flattened: owner entry, word index, its types
    n_words = lengths.astype(np.int64)
    owner = np.repeat(np.arange(len(exp), dtype=np.int64), n_words)
    word_ptr = np.concatenate([[0], np.cumsum(n_words)]).astype(np.int64)
    widx = np.arange(int(word_ptr[-1]), dtype=np.int64) - np.repeat(word_ptr[:-1], n_words)
    flat_types = [t for words in exp for t in words]
    sizes = np.fromiter((len(t) for t in flat_types), np.int64, count=len(flat_types))
    types = np.concatenate([*flat_types, np.zeros(0, np.int64)]).astype(np.int64)
    of_word = np.repeat(np.arange(len(flat_types), dtype=np.int64), sizes)
    freq = np.bincount(tfid[:: max(1, n // _FREQ_SAMPLE)], minlength=n_types)
    word_freq = np.bincount(of_word, weights=freq[types], minlength=len(flat_types))
    # the first of the least frequent words of each entry
    by_freq = np.lexsort((widx, word_freq, owner))
    anchor = widx[by_freq[word_ptr[:-1]]]
    # CSR map: type id -> entries whose anchor word includes it.
    is_anchor = widx[of_word] == anchor[owner[of_word]]
    pair_type, pair_entry = types[is_anchor], owner[of_word][is_anchor]
    order = np.argsort(pair_type, kind="stable")
    pair_type, pair_entry = pair_type[order], pair_entry[order]
    ptr = np.zeros(n_types + 1, np.int64)
    np.add.at(ptr, pair_type + 1, 1)
    ptr = np.cumsum(ptr)
    per_type = np.diff(ptr)
    # a bool gather and its nonzero: cheaper over the whole corpus than an int64 gather
    pos_idx = np.flatnonzero((per_type > 0)[tfid])
    counts = per_type[tfid[pos_idx]]
    first = np.cumsum(counts) - counts
    within = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(first, counts)
    entry = pair_entry[np.repeat(ptr[tfid[pos_idx]], counts) + within]
    pos = np.repeat(pos_idx, counts) - anchor[entry]
    length = lengths[entry]
    keep = (pos >= 0) & (pos + length <= n)
    multi = np.flatnonzero(keep & (length > 1))
    if len(multi):
        pos_m, entry_m, anchor_m = pos[multi], entry[multi], anchor[entry[multi]]
        # tokens are in document order, so first and last token in one sentence means all are
        last_m = pos_m + lengths[entry_m] - 1
        ok = (sent[pos_m] == sent[last_m]) & (doc[pos_m] == doc[last_m])
        len_m = lengths[entry_m]
        # a word of one type (most are literals) is checked by comparing type ids; a word of
        # several types (a glob) by sorted (entry * n_types + type) keys
        type_start = np.cumsum(sizes) - sizes
        one_type = np.full(len(flat_types), -1, np.int64)
        one_type[sizes == 1] = types[type_start[sizes == 1]]
        several = sizes[of_word] > 1
        word_key = (owner[of_word] * n_types + types)[several]
        word_k = widx[of_word][several]
        for k in range(int(lengths.max())):
            idx = np.flatnonzero((len_m > k) & (anchor_m != k) & ok)
            if not len(idx):
                continue
            t = tfid[pos_m[idx] + k]
            w = word_ptr[entry_m[idx]] + k  # the (entry, word) of each check
            good = t == one_type[w]
            glob = np.flatnonzero(sizes[w] > 1)
            if len(glob):
                allowed = np.sort(word_key[word_k == k])
                good[glob] = _in_sorted(entry_m[idx[glob]] * n_types + t[glob], allowed)
            ok[idx[~good]] = False
        keep[multi[~ok]] = False
    return pos[keep], entry[keep]


def _in_sorted(q: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``np.isin(q, keys)`` for sorted ``keys``, by binary search."""
    if not len(keys):
        return np.zeros(len(q), bool)
    i = np.clip(np.searchsorted(keys, q), 0, len(keys) - 1)
    return keys[i] == q


def _resolve(
    pos: np.ndarray, entry: np.ndarray, lengths: np.ndarray, group: np.ndarray
) -> np.ndarray:
    """Indices of the matches kept: within each group, longest first, then earliest, no overlaps.

    ``group`` is the key id of each match (scope "key") or all zeros (scope "all"). Single-token
    matches can only collide with each other on the same token (keep the first pattern) or with a
    longer match covering them; only multi-token matches need the sequential greedy pass, and
    there are few of them.
    """
    length = lengths[entry]
    multi = np.flatnonzero(length > 1)
    multi = multi[np.lexsort((entry[multi], -length[multi], pos[multi], group[multi]))]
    m_last = pos[multi] + length[multi] - 1
    # A multi-token match that overlaps no other one of its group is accepted as is.
    same_prev = np.zeros(len(multi), bool)
    same_prev[1:] = group[multi][1:] == group[multi][:-1]
    clash = np.zeros(len(multi), bool)
    joined = np.zeros(len(multi), bool)  # overlaps an earlier match of its group
    if len(multi) > 1:
        # running max of `last` restarted per group, computed on group-shifted values
        shift = group[multi].astype(np.int64) * (int(m_last.max()) + 2)
        reach = np.maximum.accumulate(m_last + shift) - shift
        joined[1:] = same_prev[1:] & (pos[multi][1:] <= reach[:-1])
        clash[:] = joined
        clash[:-1] |= joined[1:]
    # The others form runs of overlapping matches (a match overlapping one of them is in its
    # run), resolved greedily, longest first, then earliest, then pattern order.
    hard = np.flatnonzero(clash)
    kept_hard = _greedy_runs(multi[hard], np.cumsum(~joined)[hard], pos, length, entry, group)
    kept_multi = np.concatenate([multi[~clash], kept_hard]).astype(np.int64)
    single = np.flatnonzero(length == 1)
    # composite (group, token) keys; spans can end past the last match start
    width = int((pos + length).max()) + 1 if len(pos) else 1
    # First pattern wins among single-token matches of one group on one token. Candidates
    # arrive ordered by token, then pattern, so a stable sort on (token, group) is nearly free
    # and keeps the first pattern first.
    n_groups = int(group.max()) + 1 if len(group) else 1
    order = single[np.argsort(pos[single] * n_groups + group[single], kind="stable")]
    combo = pos[order] * n_groups + group[order]
    first = np.ones(len(order), bool)
    first[1:] = combo[1:] != combo[:-1]
    single = order[first]
    if len(kept_multi):
        # the (group, token) keys of every token of a kept multi-token match
        n = length[kept_multi]
        base = group[kept_multi].astype(np.int64) * width + pos[kept_multi]
        covered = np.sort(
            np.repeat(base, n) + np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        )
        single = single[~_in_sorted(group[single].astype(np.int64) * width + pos[single], covered)]
    return np.concatenate([kept_multi, single])


def _greedy_runs(
    idx: np.ndarray, run: np.ndarray, pos: np.ndarray, length: np.ndarray, entry: np.ndarray,
    group: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """The matches ``idx`` kept by the greedy pass in each run of overlapping ones: in order of
    length (longest first), position, pattern, a match is kept unless it overlaps one kept
    before. Done in rounds, all runs at once: the first match of each run that is still open
    is kept and closes the matches of its run that it overlaps. Returned in the order of a
    sequential pass (group, then that order)."""
    p, n, e = pos[idx], length[idx], entry[idx]
    last = p + n - 1
    order = np.lexsort((e, p, -n, run))
    open_ = np.ones(len(idx), bool)
    kept: list[np.ndarray] = []
    win_pos = np.zeros(int(run.max(initial=0)) + 1, np.int64)
    win_last = np.zeros_like(win_pos)
    while open_.any():
        cand = order[open_[order]]
        r = run[cand]
        first = np.ones(len(cand), bool)
        first[1:] = r[1:] != r[:-1]
        win = cand[first]
        kept.append(win)
        win_pos[run[win]], win_last[run[win]] = p[win], last[win]
        # every run with an open match has a winner in this round
        open_ &= ~((p <= win_last[run]) & (last >= win_pos[run]))
    out = np.concatenate([np.zeros(0, np.int64), *kept])
    out = out[np.lexsort((e[out], p[out], -n[out], group[idx][out]))]
    return idx[out]


def match(
    tokens: pd.DataFrame,
    patterns: PatternSet,
    *,
    scope: Scope = "key",
    docs: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find every match of ``patterns`` in ``tokens``.

    Args:
        tokens: a tokens table from :func:`analysis.text.tokenize` (possibly filtered).
        patterns: from :func:`compile_patterns`.
        scope: ``"key"`` — matches are exclusive within a key only; ``"all"`` — exclusive across
            the whole pattern set (longest first). See the module docstring.
        docs: the docs table; when given, ``matched`` is exactly ``text[start:end]``.

    Returns:
        The matches table, one row per match, sorted by document order, ``start``, longer match
        first, then key order:
        ``doc_id`` (categorical), ``sent``, ``start``, ``end`` (character offsets of the first and
        last token), ``matched`` (the text), ``pattern`` (as written in the input), ``key``,
        ``tok`` (position of the first token in the document), ``n_tok`` (tokens matched).

    Raises:
        ValueError: ``scope`` is not ``"key"`` or ``"all"``.

    Example:
        >>> from analysis.text import tokenize_text
        >>> toks = tokenize_text("Security cooperation with the Czech Republic.")
        >>> ps = compile_patterns({"security": ["security"], "coop": ["security cooperation"]})
        >>> match(toks, ps)[["matched", "key"]].values.tolist()
        [['Security cooperation', 'coop'], ['Security', 'security']]
    """
    check_choice("scope", scope, _SCOPES)
    return _match(tokens, patterns, scope, docs)[0]


def match_entries(
    tokens: pd.DataFrame,
    patterns: PatternSet,
    *,
    scope: Scope = "key",
    docs: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """:func:`match`, also giving the pattern behind every row as an index into
    ``patterns.entries``, so that callers attach per-pattern attributes (a codebook's source
    theme, say) by integer lookup instead of joining on strings.

    Args:
        tokens: as for :func:`match`.
        patterns: as for :func:`match`.
        scope: as for :func:`match`.
        docs: as for :func:`match`.

    Returns:
        The matches table of :func:`match` and an ``int64`` array with one entry per row.

    Raises:
        ValueError: ``scope`` is not ``"key"`` or ``"all"``.

    Example:
        >>> from analysis.text import tokenize_text
        >>> ps = compile_patterns({"crime": ["crime*", "fraud"]})
        >>> found, entry = match_entries(tokenize_text("Fraud and crimes."), ps)
        >>> found["matched"].tolist(), entry.tolist()
        (['Fraud', 'crimes'], [1, 0])
    """
    check_choice("scope", scope, _SCOPES)
    return _match(tokens, patterns, scope, docs)


def _match(
    tokens: pd.DataFrame, patterns: PatternSet, scope: str, docs: pd.DataFrame | None
) -> tuple[pd.DataFrame, np.ndarray]:
    """:func:`match`, also returning the index of the pattern entry behind every row, so that
    callers can attach per-pattern attributes by integer lookup instead of string joins."""
    none = np.zeros(0, np.int64)
    tfid, vocab = _vocabulary(tokens, patterns)
    n = len(tfid)
    if n == 0 or len(patterns) == 0:
        return _empty(tokens), none
    exp = _expansions(patterns, vocab)
    lengths = np.array([len(e.words) for e in patterns.entries], np.int64)
    doc_codes = tokens["doc_id"].array.codes
    sent = tokens["sent"].to_numpy()
    pos, entry = _candidates(tfid, doc_codes, sent, exp, len(vocab), lengths)
    if len(pos) == 0:
        return _empty(tokens), none
    key_codes, key_names = pd.factorize(pd.Index([e.key for e in patterns.entries], dtype=object))
    key_of_entry = np.asarray(key_codes, np.int64)
    group = key_of_entry[entry] if scope == "key" else np.zeros(len(entry), np.int64)
    kept = _resolve(pos, entry, lengths, group)
    pos, entry = pos[kept], entry[kept]
    last = pos + lengths[entry] - 1
    if len(doc_codes) < 2 or bool((doc_codes[1:] >= doc_codes[:-1]).all()):
        # Tokens in document order: the token position orders by (document, start). Sort by
        # position, then longest, then key, as one integer key (nearly sorted already).
        n_keys, width = len(key_names), int(lengths.max()) + 1
        rank = (pos * width + (width - 1 - lengths[entry])) * n_keys + key_of_entry[entry]
        order = np.argsort(rank, kind="stable")
    else:
        order = np.lexsort(
            (key_of_entry[entry], -lengths[entry], tokens["start"].to_numpy()[pos], doc_codes[pos])
        )
    pos, entry, last = pos[order], entry[order], last[order]
    start = tokens["start"].to_numpy()[pos]
    end = tokens["end"].to_numpy()[last]
    surface = tokens["token"]
    surface_codes = surface.array.codes
    # The categories stay in Arrow: they can be the vocabulary of every chunk so far
    # (analysis.text.Vocabulary), too many to turn into Python strings for each match call.
    cats = _arrow_strings(surface.cat.categories)
    # `matched` = surface of the token for one-token matches; longer ones get their own strings
    # appended to the dictionary, so the column is built by one Arrow take.
    codes = surface_codes[pos].astype(np.int64)
    multi = np.flatnonzero(last > pos)
    if docs is not None:
        texts = dict(zip(docs["doc_id"].astype(str).tolist(), docs["text"].tolist(), strict=True))
        names = tokens["doc_id"].cat.categories.tolist()
        # one text look-up per document, Python ints for the slices
        m_doc = doc_codes[pos[multi]]
        of_doc = {d: texts[names[d]] for d in np.unique(m_doc).tolist()}
        extra = [
            of_doc[d][a:b]
            for d, a, b in zip(
                m_doc.tolist(), start[multi].tolist(), end[multi].tolist(), strict=True
            )
        ]
    else:
        t_start, t_end = tokens["start"].to_numpy(), tokens["end"].to_numpy()
        spans = [np.arange(pos[i], last[i] + 1) for i in multi]
        span_codes = surface_codes[np.concatenate([np.zeros(0, np.int64), *spans])]
        written = dict(zip(span_codes.tolist(), cats.take(span_codes).to_pylist(), strict=True))
        extra = [
            "".join(
                (" " * int(t_start[j] - t_end[j - 1]) if j > pos[i] else "")
                + written[surface_codes[j]]
                for j in range(pos[i], last[i] + 1)
            )
            for i in multi
        ]
    codes[multi] = len(cats) + np.arange(len(multi))
    matched = pc.take(
        pa.concat_arrays([cats, pa.array(extra, type=pa.large_string())]),
        pa.array(codes, type=pa.int64()),
    ).cast(pa.string())
    matched_col = matched.to_pandas(types_mapper={pa.string(): _STR_DTYPE}.get)
    table = pd.DataFrame(
        {
            "doc_id": pd.Categorical.from_codes(doc_codes[pos], dtype=tokens["doc_id"].dtype),
            "sent": sent[pos],
            "start": start,
            "end": end,
            "matched": matched_col,
            "pattern": take_str([e.pattern for e in patterns.entries], entry),
            "key": take_str(list(key_names), key_of_entry[entry]),
            "tok": tokens["tok"].to_numpy()[pos],
            "n_tok": lengths[entry],
        }
    )
    return table, entry


_STR_DTYPE = pd.StringDtype(na_value=np.nan)


def take_str(values: Sequence[str | None], idx: np.ndarray) -> pd.Series:
    """``values[idx]`` as a pandas string column, gathered by Arrow (no Python object per row)."""
    taken = pc.take(pa.array(values, type=pa.string()), pa.array(idx, type=pa.int64()))
    return taken.to_pandas(types_mapper={pa.string(): _STR_DTYPE}.get)


def _empty(tokens: pd.DataFrame) -> pd.DataFrame:
    doc = tokens["doc_id"]
    cats = doc.cat.categories if isinstance(doc.dtype, pd.CategoricalDtype) else None
    return empty_table("matches", categories={"doc_id": cats})
