"""Discovery of names an actor table misses.

:func:`unlisted_names` lists the capitalised name sequences of a corpus that no mention covers,
with counts and an example sentence, so that a study can extend its actor table
(:mod:`analysis.actor_table`) before counting mentions (:mod:`analysis.actors`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis._checks import require_columns
from analysis.dates import MONTH_NAMES, WEEKDAY_NAMES
from analysis.schema import conform, empty_table
from analysis.text import load_stopwords

__all__ = ["NAME_CONNECTORS", "NOT_NAMES", "unlisted_names"]

#: Lowercase words allowed inside a name ("Ministry of Justice", "Committee for Judicial
#: Reform", "Bosnia and Herzegovina"); extend it for other languages' particles.
NAME_CONNECTORS: frozenset[str] = frozenset(
    {"of", "the", "for", "and", "on", "de", "del", "della", "di", "da", "du", "des", "la", "le",
     "van", "von", "der", "den", "bin", "al", "el", "y", "&"}
)  # fmt: skip
#: Capitalised words that are never names on their own (months, weekdays).
NOT_NAMES: frozenset[str] = MONTH_NAMES | WEEKDAY_NAMES | {"i"}
# Function words that are capitalised only because they open a sentence ("According to").
_SENTENCE_OPENERS = frozenset({"according", "along", "through", "after", "before", "despite"})
_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "(", "[", "«", "—", "–", "-", ":"})


def unlisted_names(
    tokens: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    docs: pd.DataFrame | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Capitalised name sequences that no mention covers: candidates to add to the table.

    A candidate is a run of capitalised tokens within a sentence, allowing the lowercase
    connectors of :data:`NAME_CONNECTORS` inside it ("Central Steering Committee for Judicial
    Reform"), not covered by any mention (a mention splits a run). A capitalised stopword or
    "According" that opens a sentence (or follows an opening quote or bracket) is not part of a
    name ("The", "In"); a lone sentence-initial word counts only if the same word is
    capitalised elsewhere in the corpus away from a sentence start ("Vietnam" yes, "Delegates"
    no). Months, weekdays (:data:`NOT_NAMES`), numbers and punctuation never count.

    Args:
        tokens: the tokens table.
        mentions: from :func:`analysis.actors.find_mentions` on the same tokens.
        docs: the docs table, for exact example sentences (else rebuilt from tokens).
        min_count: keep candidates seen at least this often.

    Returns:
        One row per candidate (case- and diacritic-folded spellings grouped), sorted by
        ``count`` descending then ``name``: ``name`` (str, the most frequent spelling),
        ``count`` (int64, occurrences), ``docfreq`` (int64, documents), ``example`` (str, the
        sentence of the first occurrence), ``doc_id`` (str), ``start``, ``end`` (int64,
        offsets of the first occurrence).

    Raises:
        ValueError: ``min_count`` below 1, or ``mentions`` without ``doc_id``/``start``/``end``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"],
        ...     "text": ["In Hanoi, Minister Pham Minh Chinh met Vo Van Thuong."]})
        >>> tokens = tokenize(docs)
        >>> actors = Actors.from_records([{"id": "vvt", "name": "Vo Van Thuong", "type": "person"}])
        >>> mentions = find_mentions(tokens, actors, docs=docs)
        >>> found = unlisted_names(tokens, mentions, docs=docs)
        >>> found[["name", "count", "docfreq"]].values.tolist()
        [['Hanoi', 1, 1], ['Minister Pham Minh Chinh', 1, 1]]
    """
    if min_count < 1:
        raise ValueError(f"min_count={min_count} must be at least 1")
    require_columns(mentions, ["doc_id", "start", "end"], "mentions", "make it with find_mentions")
    if len(tokens) == 0:
        return empty_table("unlisted_names")
    t = _TokenArrays(tokens)
    cap, conn, initial = _name_words(t, _covered(t, tokens, mentions))
    first_i, last_i = _name_runs(t, cap, conn, initial)
    if len(first_i) == 0:
        return empty_table("unlisted_names")
    texts = (
        dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
        if docs is not None
        else None
    )
    out = _candidates(t, first_i, last_i, texts)
    out = out[out["count"] >= min_count]
    out = out.sort_values(["count", "name"], ascending=[False, True], kind="stable")
    return conform(out.reset_index(drop=True), "unlisted_names")


class _TokenArrays:
    """The columns of a tokens table as arrays, and where its sentences begin. The categories
    stay Arrow arrays: a carried vocabulary holds every type of the corpus so far, and only
    the few types the candidates use are ever turned into Python strings."""

    def __init__(self, tokens: pd.DataFrame) -> None:
        self.tok_cats = _arrow_strings(tokens["token"].cat.categories)
        self.norm_cats = _arrow_strings(tokens["norm"].cat.categories)
        self.doc_names = np.asarray(tokens["doc_id"].cat.categories.astype(str), dtype=object)
        self.tc = tokens["token"].cat.codes.to_numpy()
        self.nc = tokens["norm"].cat.codes.to_numpy()
        self.doc = tokens["doc_id"].cat.codes.to_numpy().astype(np.int64)
        self.starts = tokens["start"].to_numpy().astype(np.int64, copy=False)  # read only
        self.ends = tokens["end"].to_numpy().astype(np.int64, copy=False)
        sent = tokens["sent"].to_numpy()
        n = len(tokens)
        self.n = n
        self.new_sent = np.ones(n, bool)
        self.new_sent[1:] = (self.doc[1:] != self.doc[:-1]) | (sent[1:] != sent[:-1])

    def spans(self, a: np.ndarray, b: np.ndarray, texts: dict[str, str] | None) -> list[str]:
        """Text from the start of token ``a[j]`` to the end of token ``b[j]``, for every j."""
        if texts is None:
            return [self._rebuilt(int(x), int(y)) for x, y in zip(a, b, strict=True)]
        docs = self.doc[a]
        text_of = {d: texts[self.doc_names[d]] for d in np.unique(docs).tolist()}
        return [text_of[d][s:e] for d, s, e in
                zip(docs.tolist(), self.starts[a].tolist(), self.ends[b].tolist(), strict=True)]  # fmt: skip

    def _rebuilt(self, a: int, b: int) -> str:
        """The span from the tokens alone: one space per character between two tokens."""
        words = self.tok_cats.take(pa.array(self.tc[a : b + 1])).to_pylist()
        parts = [words[0]]
        for k, j in enumerate(range(a + 1, b + 1), start=1):
            parts.append(" " * int(self.starts[j] - self.ends[j - 1]) + words[k])
        return "".join(parts)


def _arrow_strings(categories: pd.Index) -> pa.Array:
    """The categories as one Arrow string array (no copy when they are Arrow-backed)."""
    if hasattr(categories.array, "__arrow_array__"):
        arr = pa.array(categories.array)
        return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr
    return pa.array([str(c) for c in categories], type=pa.large_string())


def _member(values: pa.Array, words: frozenset[str] | set[str]) -> np.ndarray:
    """``[v in words for v in values]`` as a bool array (an Arrow set lookup)."""
    found = pc.is_in(values, value_set=pa.array(sorted(words), type=values.type))
    return found.to_numpy(zero_copy_only=False).astype(bool)


def _capitalised(types: pa.Array) -> np.ndarray:
    """``bool(w) and w[0].isupper() and any(ch.isalpha() for ch in w)`` for every type: the
    test runs once per distinct first character (a few hundred), and the letter search only
    for the rare types whose upper-case first character is not a letter ("Ⅳ")."""
    first = pc.dictionary_encode(pc.utf8_slice_codeunits(types, 0, 1))
    chars = first.dictionary.to_pylist()
    codes = first.indices.to_numpy(zero_copy_only=False)
    upper = np.array([c.isupper() for c in chars] + [False], bool)[codes]
    letter = np.array([c.isalpha() for c in chars] + [False], bool)[codes]
    for i in np.flatnonzero(upper & ~letter):
        word = types[int(i)].as_py()
        letter[i] = any(ch.isalpha() for ch in word)
    return upper & letter


def _covered(t: _TokenArrays, tokens: pd.DataFrame, mentions: pd.DataFrame) -> np.ndarray:
    """Token rows inside a mention, mapping mention spans onto tokens by global offsets."""
    covered = np.zeros(t.n, bool)
    if not len(mentions):
        return covered
    width = int(max(t.ends.max(), mentions["end"].max())) + 1
    doc_codes = pd.Categorical(
        mentions["doc_id"].astype(str), categories=tokens["doc_id"].cat.categories.astype(str)
    ).codes.astype(np.int64)
    g_tok = t.doc * width + t.starts
    g_ms = doc_codes * width + mentions["start"].to_numpy()
    g_me = doc_codes * width + mentions["end"].to_numpy()
    # Tokens come sorted by document and offset from tokenize: no sort needed then.
    in_order = bool(np.all(g_tok[1:] > g_tok[:-1]))
    order = np.arange(t.n) if in_order else np.argsort(g_tok, kind="stable")
    g_sorted = g_tok if in_order else g_tok[order]
    first = np.searchsorted(g_sorted, g_ms, side="left")
    last = np.searchsorted(g_sorted, g_me, side="left")
    size = last - first
    if bool((size < 0).any()):  # a span ending before it starts cancels others' coverage
        delta = np.bincount(first, minlength=t.n + 1) - np.bincount(last, minlength=t.n + 1)
        covered[order] = np.cumsum(delta)[: t.n] > 0
        return covered
    # The rows of every span, marked directly: mentions cover few of a chunk's tokens, so
    # this beats a cumulative count over all of them.
    rows = np.repeat(first - (np.cumsum(size) - size), size) + np.arange(int(size.sum()))
    covered[order[rows]] = True
    return covered


def _name_words(t: _TokenArrays, covered: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Capitalised name words and lowercase connectors outside mentions, and which tokens open
    a sentence or clause.

    Flags are computed once per vocabulary entry (in Arrow: a carried vocabulary holds every
    type of the corpus so far) and indexed by the token codes.
    """
    stop = load_stopwords() | _SENTENCE_OPENERS
    t_cap = _capitalised(t.tok_cats)
    n_stop = _member(t.norm_cats, stop)
    n_never = _member(t.norm_cats, NOT_NAMES)
    n_open = _member(t.norm_cats, _OPENING_MARKS)
    prev_open = np.zeros(t.n, bool)
    prev_open[1:] = n_open[t.nc[:-1]] & ~t.new_sent[1:]
    initial = t.new_sent | prev_open
    cap = t_cap[t.tc] & ~n_never[t.nc] & ~covered
    cap &= ~(initial & n_stop[t.nc])
    t_conn = _member(t.tok_cats, NAME_CONNECTORS)
    conn = t_conn[t.tc] & ~covered
    return cap, conn, initial


def _name_runs(
    t: _TokenArrays, cap: np.ndarray, conn: np.ndarray, initial: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """First and last capitalised token of each name: a run of name words and connectors
    within a sentence, trimmed to its capitalised ends."""
    member = cap | conn
    brk = ~member | t.new_sent
    run_id = np.cumsum(np.r_[True, brk[1:] | ~member[:-1]])
    idx = np.flatnonzero(cap)
    if len(idx) == 0:
        return idx, idx
    rid = run_id[idx]
    new_run = np.r_[True, rid[1:] != rid[:-1]]
    first_i = idx[new_run]
    last_i = idx[np.r_[new_run[1:], True]]
    n_cap = np.diff(np.r_[np.flatnonzero(new_run), len(idx)])
    # a lone sentence-initial word is a name only if it is capitalised mid-sentence elsewhere
    mid_caps = np.unique(t.nc[cap & ~initial])
    lone_initial = (n_cap == 1) & initial[first_i]
    keep = ~lone_initial | np.isin(t.nc[first_i], mid_caps)
    return first_i[keep], last_i[keep]


def _joined_norms(t: _TokenArrays, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``" ".join(norms of tokens a[j]..b[j])`` for every j (one Arrow join)."""
    lengths = b - a + 1
    offsets = np.r_[0, np.cumsum(lengths)]
    rows = np.repeat(a - offsets[:-1], lengths) + np.arange(offsets[-1])
    words = t.norm_cats.take(pa.array(t.nc[rows]))
    lists = pa.LargeListArray.from_arrays(pa.array(offsets, pa.int64()), words)
    return pc.binary_join(lists, pa.scalar(" ", words.type)).to_numpy(zero_copy_only=False)


def _candidates(
    t: _TokenArrays, first_i: np.ndarray, last_i: np.ndarray, texts: dict[str, str] | None
) -> pd.DataFrame:
    """One row per folded spelling: the most frequent surface (the first seen of equally
    frequent ones), counts, the first occurrence; in the order of first occurrence."""
    sent_first = np.flatnonzero(t.new_sent)
    sent_last = np.r_[sent_first[1:] - 1, t.n - 1]
    # one-token candidates (most of them) straight from the vocabulary; the rest by slicing
    key = t.norm_cats.take(pa.array(t.nc[first_i])).to_numpy(zero_copy_only=False)
    surface = t.tok_cats.take(pa.array(t.tc[first_i])).to_numpy(zero_copy_only=False)
    longer = np.flatnonzero(last_i > first_i)
    if len(longer):
        key[longer] = _joined_norms(t, first_i[longer], last_i[longer])
        spans = np.empty(len(longer), dtype=object)
        spans[:] = t.spans(first_i[longer], last_i[longer], texts)
        surface[longer] = spans
    # Integer grouping: codes in order of first occurrence (groupby(sort=False)'s order).
    kc, _ = pd.factorize(key)
    sc, _ = pd.factorize(surface)
    n_keys = int(kc.max()) + 1
    at = np.arange(len(kc))
    first_of_key = np.full(n_keys, len(kc))
    np.minimum.at(first_of_key, kc, at)
    pair, pair_first, pair_n = np.unique(kc * (int(sc.max()) + 1) + sc, return_index=True,
                                         return_counts=True)  # fmt: skip
    pair_key = kc[pair_first]
    best = np.lexsort((pair_first, -pair_n, pair_key))  # per key: most frequent, first seen
    lead = best[np.r_[True, pair_key[best][1:] != pair_key[best][:-1]]]
    spelling = np.empty(n_keys, dtype=object)
    spelling[pair_key[lead]] = surface[pair_first[lead]]
    doc_pairs = np.unique(kc * (int(t.doc.max()) + 1) + t.doc[first_i])
    docfreq = np.bincount(doc_pairs // (int(t.doc.max()) + 1), minlength=n_keys)
    a, b = first_i[first_of_key], last_i[first_of_key]
    s_of = np.searchsorted(sent_first, a, side="right") - 1  # the sentence of each token a
    return pd.DataFrame(
        {
            "name": spelling,
            "count": np.bincount(kc, minlength=n_keys).astype(np.int64),
            "docfreq": docfreq.astype(np.int64),
            "example": t.spans(sent_first[s_of], sent_last[s_of], texts),
            "doc_id": t.doc_names[t.doc[a]],
            "start": t.starts[a],
            "end": t.ends[b],
        }
    )
