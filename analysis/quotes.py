"""Quotes and speakers: who gets to speak, and what they say.

:func:`find_quotes` finds direct quotes (words in quotation marks) and reported speech (a
speech verb or "according to" with a speaker), and attributes each to an actor from the mentions
table, to a pronoun resolved to the most recent person mentioned before the quote, or to no one
(NA) when the speaker cannot be told. Speech cues are found by the one matcher
(:mod:`analysis.matching`); the lists are module constants that a study extends by passing its
own tuple, e.g. ``find_quotes(..., verbs=SPEECH_VERBS + ("quipped",))``.

Forms recognised (the sample articles use all of them):

=====================================================  ========================================
form                                                   example
=====================================================  ========================================
content, CUE SPEAKER                                   "…, stated President Vo Van Thuong"
content, SPEAKER CUE.                                  "…, President Thuong said."
content, PRONOUN CUE, PARTICIPLE that content          "…, he said, noting that …"
[intro,] SPEAKER CUE [that] content                    "In his speech …, Vietnamese Prosecutor
                                                       General Le Minh Tri affirmed …"
According to SPEAKER, content / content, according     "According to the President, …"
to SPEAKER
"direct", SPEAKER CUE  /  SPEAKER CUE: "direct"        "“Countries have …”, the President
                                                       emphasized."
=====================================================  ========================================

Quotation marks: straight ``"…"``, curly ``“…”`` and guillemets ``«…»`` pair within a paragraph
(a line of the text). An opening mark left open at the end of its paragraph is closed there
(the news convention for quotes running over several paragraphs, and textacy #379's crash
case); a closing mark with no opening mark is ignored. Quoted words with no speech cue next to
them (titles, scare quotes: the theme "Strengthening international cooperation …") are not
quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.matching import compile_patterns, match
from analysis.text import fold

__all__ = [
    "SPEECH_VERBS",
    "CONTINUATION_CUES",
    "ATTRIBUTION_CUES",
    "PRONOUNS",
    "SPEAKER_TYPES",
    "QUOTE_MARKS",
    "QUOTE_COLUMNS",
    "find_quotes",
]

#: Speech verbs that attribute what follows or precedes them to a speaker.
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "stated", "states", "told", "tells", "added", "adds",
    "emphasized", "emphasised", "emphasizes", "emphasises", "stressed", "stresses",
    "affirmed", "affirms", "highlighted", "highlights", "noted", "notes",
    "believes", "believed", "asserted", "asserts", "declared", "declares",
    "announced", "announces", "explained", "explains", "argued", "argues",
    "claimed", "claims", "insisted", "insists", "warned", "warns",
    "underlined", "underlines", "underscored", "underscores", "reiterated", "reiterates",
    "acknowledged", "confirmed", "confirms", "suggested", "suggests", "urged", "urges",
    "pointed out", "points out", "pointed to", "points to", "remarked", "commented",
    "observed", "maintained", "recalled", "mentioned", "replied", "answered", "wrote",
    "concluded", "assured", "cautioned", "revealed", "admitted", "contended", "predicted",
)  # fmt: skip
#: Participles that continue an attribution with the same speaker ("he said, noting that …")
#: or, like a verb, introduce reported speech ("presented papers pointing out …").
CONTINUATION_CUES: tuple[str, ...] = (
    "noting", "adding", "saying", "stating", "stressing", "emphasizing", "emphasising",
    "highlighting", "affirming", "underlining", "underscoring", "warning", "explaining",
    "pointing out", "insisting", "asserting", "reiterating", "arguing", "recalling",
)  # fmt: skip
#: Phrases that name the source of reported speech ("According to the President, …").
ATTRIBUTION_CUES: tuple[str, ...] = ("according to",)
#: Pronouns that can be speakers, and the actor types they resolve to.
PRONOUNS: dict[str, tuple[str, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "they": ("person", "group"),
}
#: Actor types that can speak; mentions of other types (events, agreements, places) are skipped
#: when looking for a speaker.
SPEAKER_TYPES: tuple[str, ...] = ("person", "organisation", "country", "group", "other")
#: Opening quotation mark -> closing mark.
QUOTE_MARKS: dict[str, str] = {'"': '"', "“": "”", "«": "»"}

QUOTE_COLUMNS = [
    "doc_id", "sent", "start", "end", "text", "kind",
    "speaker_id", "speaker_start", "speaker_end", "cue", "resolved_via",
]  # fmt: skip

_BOUNDARY = frozenset({",", ";", ":"})
_SENT_END = frozenset({".", "!", "?"})
_NEWLINE = re.compile("\n")
_ARTICLES = frozenset({"the", "a", "an"})
_TRIM_LEFT = frozenset({"that", ",", ":", ";"})
_TRIM_RIGHT = frozenset({",", ".", ";", ":", "!", "?"})
_WINDOW_AFTER = 12  # tokens after a closing mark searched for the cue
_WINDOW_BEFORE = 4  # tokens between a cue and an opening mark


@dataclass
class _Doc:
    """One document's tokens and speaker candidates, as local arrays."""

    doc_id: str
    text: str
    start: np.ndarray
    end: np.ndarray
    norm: np.ndarray  # object array of folded tokens
    s_lo: np.ndarray  # first local token of each token's sentence
    s_hi: np.ndarray  # last local token of each token's sentence
    sent: np.ndarray
    para: np.ndarray  # paragraph (line) number of each token
    m_first: np.ndarray  # speaker-eligible mentions: first/last local token
    m_last: np.ndarray
    m_row: np.ndarray  # index of each eligible mention among all of the doc's mentions
    a_start: np.ndarray  # all mentions of the doc, sorted by start: offsets, actor, type, via
    a_end: np.ndarray
    a_actor: np.ndarray
    a_type: np.ndarray
    a_via: np.ndarray
    marks: np.ndarray  # local indices of quotation-mark tokens


def _cue_patterns(
    verbs: Iterable[str], participles: Iterable[str], according: Iterable[str]
) -> tuple[pd.DataFrame, dict[str, tuple[str, str]]]:
    rows, meta = [], {}
    for kind, words in (("according", according), ("participle", participles), ("verb", verbs)):
        for w in words:
            cue = " ".join(fold(w).split())
            key = f"{kind}|{cue}"
            if cue and key not in meta:
                meta[key] = (kind, cue)
                rows.append((key, w))
    return pd.DataFrame(rows, columns=["key", "pattern"]), meta


def _empty(tokens: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": pd.Categorical([], dtype=tokens["doc_id"].dtype),
            "sent": np.array([], np.int32),
            "start": np.array([], np.int64),
            "end": np.array([], np.int64),
            "text": pd.Series([], dtype=str),
            "kind": pd.Series([], dtype=str),
            "speaker_id": pd.Series([], dtype=str),
            "speaker_start": pd.array([], dtype="Int64"),
            "speaker_end": pd.array([], dtype="Int64"),
            "cue": pd.Series([], dtype=str),
            "resolved_via": pd.Series([], dtype=str),
        }
    )


def find_quotes(
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    verbs: Iterable[str] = SPEECH_VERBS,
    participles: Iterable[str] = CONTINUATION_CUES,
    according: Iterable[str] = ATTRIBUTION_CUES,
) -> pd.DataFrame:
    """Find direct quotes and reported speech, with their speakers.

    Speakers are actor mentions of a type in :data:`SPEAKER_TYPES` standing in the speaker slot
    of a form (see the module docstring): next to the cue, or the first such mention in the
    clause before the cue ("Delegates from ASEAN member countries and China pointed to …" →
    the delegates, not China). "President X, Head of Y, said" skips the appositive. A pronoun
    of :data:`PRONOUNS` in the slot resolves to the most recent mention of a person (for
    "they": person or group) that starts before the quote in the same document; when there is
    none, ``speaker_id`` stays NA rather than a guess. Reported speech needs a speaker in the
    slot (a mention or a pronoun); a direct quote needs a cue next to it and keeps an NA
    speaker when no one stands by the cue. A cue inside a quote already found is not read
    again ("said he believes that …" is one quote).

    Args:
        docs: the docs table (``doc_id``, ``text``).
        tokens: the tokens table of ``docs``.
        mentions: from :func:`analysis.actors.find_mentions` on the same tokens.
        verbs: speech verbs (default :data:`SPEECH_VERBS`); each a matcher pattern.
        participles: continuation cues (default :data:`CONTINUATION_CUES`).
        according: source phrases (default :data:`ATTRIBUTION_CUES`).

    Returns:
        One row per quote, sorted by document and ``start``: ``doc_id`` (categorical, as in
        ``tokens``), ``sent`` (sentence of the quote's first token), ``start``, ``end``
        (character offsets of the quoted or reported words, without the quotation marks,
        the cue and the attribution; ``text == docs.text[start:end]``), ``text``, ``kind``
        (``direct`` | ``reported``), ``speaker_id`` (actor id or NA), ``speaker_start``,
        ``speaker_end`` (offsets of the speaker's mention or pronoun; NA when no one stands
        by the cue), ``cue`` (folded: ``said``, ``according to``, ``pointed to`` …),
        ``resolved_via`` (the mention's ``via``: ``name``, ``alias``, ``title+name``,
        ``short``, ``role``; or ``pronoun``; NA when unresolved).

    Raises:
        ValueError: docs without ``doc_id``/``text``, or tokens of documents not in docs.

    Example:
        >>> quotes = find_quotes(docs, tokens, mentions)  # doctest: +SKIP
        >>> quotes[["text", "speaker_id", "cue"]]  # doctest: +SKIP
    """
    for col in ("doc_id", "text"):
        if col not in docs.columns:
            raise ValueError(
                f"docs needs a {col!r} column (has: {', '.join(map(str, docs.columns))})"
            )
    n = len(tokens)
    if n == 0:
        return _empty(tokens)
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    doc_cats = tokens["doc_id"].cat.categories.astype(str)
    missing = sorted(set(doc_cats[np.unique(tokens["doc_id"].cat.codes)]) - set(texts))
    if missing:
        raise ValueError(f"tokens of document(s) not in docs: {', '.join(missing[:10])}")
    pats, meta = _cue_patterns(verbs, participles, according)
    cues = match(tokens, compile_patterns(pats), scope="all") if len(pats) else None

    codes = tokens["doc_id"].cat.codes.to_numpy().astype(np.int64)
    order = np.lexsort((tokens["start"].to_numpy(), codes))
    codes = codes[order]
    starts = tokens["start"].to_numpy().astype(np.int64)[order]
    ends = tokens["end"].to_numpy().astype(np.int64)[order]
    sents = tokens["sent"].to_numpy()[order]
    norm_all = np.asarray(tokens["norm"].cat.categories, dtype=object)[
        tokens["norm"].cat.codes.to_numpy()[order]
    ]
    bounds = np.searchsorted(codes, np.arange(len(doc_cats) + 1))

    is_mark_type = np.fromiter(
        (t in QUOTE_MARKS or t in QUOTE_MARKS.values() for t in tokens["norm"].cat.categories),
        bool,
        count=len(tokens["norm"].cat.categories),
    )
    is_mark = is_mark_type[tokens["norm"].cat.codes.to_numpy()[order]]
    marks_per_doc = np.bincount(codes[is_mark], minlength=len(doc_cats))

    if len(mentions):
        m_codes = pd.Categorical(mentions["doc_id"].astype(str), categories=doc_cats).codes
        m_order = np.lexsort((mentions["start"].to_numpy(), m_codes))
        m_codes = m_codes[m_order].astype(np.int64)
        m_arr = {
            c: mentions[c].to_numpy(
                dtype=object if c in ("actor_id", "actor_type", "via") else None
            )[m_order]
            for c in ("start", "end", "actor_id", "actor_type", "via")
        }
    else:
        m_codes = np.zeros(0, np.int64)
        m_arr = {c: np.zeros(0, np.int64 if c in ("start", "end") else object)
                 for c in ("start", "end", "actor_id", "actor_type", "via")}  # fmt: skip
    m_bounds = np.searchsorted(m_codes, np.arange(len(doc_cats) + 1))

    cue_by_doc: dict[int, list[tuple[int, int, str, str]]] = {}
    if cues is not None and len(cues):
        c_codes = cues["doc_id"].cat.codes.to_numpy()
        for c, s, e, k in zip(c_codes, cues["start"], cues["end"], cues["key"], strict=True):
            cue_by_doc.setdefault(int(c), []).append((int(s), int(e), *meta[k]))

    rows: list[dict] = []
    for d in range(len(doc_cats)):
        lo, hi = bounds[d], bounds[d + 1]
        if hi == lo:
            continue
        name = doc_cats[d]
        text = texts[name]
        if d not in cue_by_doc and not marks_per_doc[d]:
            continue
        ms = slice(m_bounds[d], m_bounds[d + 1])
        doc = _make_doc(
            name, text, starts[lo:hi], ends[lo:hi], norm_all[lo:hi], sents[lo:hi],
            {c: v[ms] for c, v in m_arr.items()}, np.flatnonzero(is_mark[lo:hi]),
        )  # fmt: skip
        local_cues = []
        for s, e, kind, cue in cue_by_doc.get(d, []):
            a = int(np.searchsorted(doc.start, s))
            b = int(np.searchsorted(doc.end, e))
            local_cues.append((a, b, kind, cue))
        rows.extend(_quotes_in_doc(doc, local_cues))
    if not rows:
        return _empty(tokens)
    out = pd.DataFrame(rows)
    out["doc_id"] = pd.Categorical(out["doc_id"], dtype=tokens["doc_id"].dtype)
    out = out.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    return pd.DataFrame(
        {
            "doc_id": out["doc_id"],
            "sent": out["sent"].astype(np.int32),
            "start": out["start"].astype(np.int64),
            "end": out["end"].astype(np.int64),
            "text": out["text"].astype(str),
            "kind": out["kind"].astype(str),
            "speaker_id": out["speaker_id"].astype("str"),
            "speaker_start": out["speaker_start"].astype("Int64"),
            "speaker_end": out["speaker_end"].astype("Int64"),
            "cue": out["cue"].astype(str),
            "resolved_via": out["resolved_via"].astype("str"),
        }
    )


def _make_doc(
    name: str,
    text: str,
    start: np.ndarray,
    end: np.ndarray,
    norm: np.ndarray,
    sent: np.ndarray,
    mentions: dict[str, np.ndarray],
    marks: np.ndarray,
) -> _Doc:
    n = len(start)
    brk = np.r_[True, sent[1:] != sent[:-1]]
    first = np.flatnonzero(brk)
    last = np.r_[first[1:] - 1, n - 1]
    sid = np.cumsum(brk) - 1
    newlines = np.array([m.start() for m in _NEWLINE.finditer(text)], np.int64)
    para = np.searchsorted(newlines, start)
    eligible = np.flatnonzero(np.isin(mentions["actor_type"], SPEAKER_TYPES))
    ms = mentions["start"][eligible]
    me = mentions["end"][eligible]
    return _Doc(
        doc_id=name,
        text=text,
        start=start,
        end=end,
        norm=norm,
        s_lo=first[sid],
        s_hi=last[sid],
        sent=sent,
        para=para,
        m_first=np.searchsorted(start, ms),
        m_last=np.searchsorted(end, me),
        m_row=eligible,
        a_start=np.asarray(mentions["start"], np.int64),
        a_end=np.asarray(mentions["end"], np.int64),
        a_actor=mentions["actor_id"],
        a_type=mentions["actor_type"],
        a_via=mentions["via"],
        marks=marks,
    )


def _quotes_in_doc(doc: _Doc, cues: list[tuple[int, int, str, str]]) -> list[dict]:
    n = len(doc.start)
    norm = doc.norm
    out: list[dict] = []
    consumed: set[int] = set()  # cue indices already used
    taken: list[tuple[int, int]] = []  # token ranges of quotes found (cues inside are skipped)
    m_start_sorted = doc.a_start
    m_types = doc.a_type

    def mention_ending(i: int) -> int | None:
        hit = np.flatnonzero(doc.m_last == i)
        return int(hit[0]) if len(hit) else None

    def mention_starting(i: int) -> int | None:
        hit = np.flatnonzero(doc.m_first == i)
        return int(hit[0]) if len(hit) else None

    def speaker_at_end(i: int):
        if i < 0 or i >= n:
            return None
        k = mention_ending(i)
        if k is not None:
            return ("m", k, int(doc.m_first[k]), i)
        if norm[i] in PRONOUNS:
            return ("p", norm[i], i, i)
        return None

    def speaker_at_start(i: int):
        if i < 0 or i >= n:
            return None
        k = mention_starting(i)
        if k is None and norm[i] in _ARTICLES:
            k = mention_starting(i + 1)  # "according to the Ministry of Justice"
        if k is not None:
            return ("m", k, i, int(doc.m_last[k]))
        if norm[i] in PRONOUNS:
            return ("p", norm[i], i, i)
        return None

    def inside_mention(i: int) -> bool:
        return bool(np.any((doc.m_first <= i) & (doc.m_last >= i)))

    def first_speaker_in(a: int, b: int):
        if a > b:
            return None
        inside = np.flatnonzero((doc.m_first >= a) & (doc.m_last <= b))
        best = None
        if len(inside):
            k = int(inside[np.argmin(doc.m_first[inside])])
            best = ("m", k, int(doc.m_first[k]), int(doc.m_last[k]))
        for i in range(a, b + 1):
            if best is not None and i >= best[2]:
                break
            if norm[i] in PRONOUNS and not inside_mention(i):
                return ("p", norm[i], i, i)
        return best

    def resolve(sp, quote_start: int) -> tuple[object, object, object, object]:
        """speaker_id, speaker_start, speaker_end, resolved_via."""
        if sp is None:
            return (pd.NA, pd.NA, pd.NA, pd.NA)
        s_char, e_char = int(doc.start[sp[2]]), int(doc.end[sp[3]])
        if sp[0] == "m":
            j = int(doc.m_row[sp[1]])
            return (doc.a_actor[j], int(doc.a_start[j]), int(doc.a_end[j]), doc.a_via[j])
        types = PRONOUNS[sp[1]]
        j = bisect.bisect_left(m_start_sorted, quote_start) - 1
        while j >= 0:
            if m_types[j] in types:
                return (doc.a_actor[j], s_char, e_char, "pronoun")
            j -= 1
        return (pd.NA, s_char, e_char, pd.NA)

    def emit(a: int, b: int, kind: str, sp, cue: str) -> bool:
        while a <= b and norm[a] in _TRIM_LEFT:
            a += 1
        while b >= a and norm[b] in _TRIM_RIGHT:
            b -= 1
        if a > b:
            return False
        s, e = int(doc.start[a]), int(doc.end[b])
        return emit_chars(s, e, a, b, kind, sp, cue)

    def emit_chars(s: int, e: int, a: int, b: int, kind: str, sp, cue: str) -> bool:
        sid, s0, e0, via = resolve(sp, s)
        out.append(
            {
                "doc_id": doc.doc_id,
                "sent": int(doc.sent[a]),
                "start": s,
                "end": e,
                "text": doc.text[s:e],
                "kind": kind,
                "speaker_id": sid,
                "speaker_start": s0,
                "speaker_end": e0,
                "cue": cue,
                "resolved_via": via,
            }
        )
        taken.append((a, b))
        return True

    cue_at_first = {c[0]: i for i, c in enumerate(cues)}

    # --- direct quotes -------------------------------------------------------------------
    marks = doc.marks.tolist()
    pairs: list[tuple[int, int, bool]] = []  # open token, last content token, closed?
    open_i: int | None = None
    for i in marks:
        if open_i is not None and doc.para[i] != doc.para[open_i]:
            pairs.append((open_i, _para_last(doc, open_i), False))
            open_i = None
        ch = norm[i]
        if open_i is None:
            if ch in QUOTE_MARKS:
                open_i = i
        elif ch == QUOTE_MARKS[norm[open_i]]:
            pairs.append((open_i, i - 1, True))
            open_i = None
    if open_i is not None:
        pairs.append((open_i, _para_last(doc, open_i), False))
    quote_ranges = [(o, c) for o, c, _ in pairs]

    for o, last, closed in pairs:
        a, b = o + 1, last
        if a > b:
            continue
        close = last + 1 if closed else None
        cue_idx, sp = _direct_attribution(doc, cues, o, close, quote_ranges)
        if cue_idx is None:
            continue
        consumed.add(cue_idx)
        # keep the speaker's own punctuation inside the marks; trim only spaces
        s, e = int(doc.start[a]), int(doc.end[b])
        emit_chars(s, e, a, b, "direct", sp, cues[cue_idx][3])

    def in_direct(i: int) -> bool:
        return any(o <= i <= c + 1 for o, c in quote_ranges)

    def in_taken(i: int) -> bool:
        return any(a <= i <= b for a, b in taken)

    # --- reported speech -----------------------------------------------------------------
    for ci, (c0, c1, kind, cue) in enumerate(cues):
        if ci in consumed or in_direct(c0) or in_taken(c0):
            continue
        s_lo, s_hi = int(doc.s_lo[c0]), int(doc.s_hi[c0])
        if kind == "according":
            sp = speaker_at_start(c1 + 1)
            if sp is None:
                continue
            before = [i for i in range(s_lo, c0) if norm[i] not in _BOUNDARY]
            if not before:
                comma = next((i for i in range(sp[3] + 1, s_hi + 1) if norm[i] == ","), None)
                a = comma + 1 if comma is not None else sp[3] + 1
                emit(a, s_hi, "reported", sp, cue)
            elif norm[c0 - 1] == ",":
                nxt = sp[3] + 1
                if nxt > s_hi or norm[nxt] in _SENT_END:
                    emit(s_lo, c0 - 2, "reported", sp, cue)
                else:
                    comma = next((i for i in range(nxt, s_hi + 1) if norm[i] == ","), None)
                    if comma is not None:
                        emit(comma + 1, s_hi, "reported", sp, cue)
            consumed.add(ci)
            continue
        # content, CUE SPEAKER  ("…, stated President Vo Van Thuong")
        sp = speaker_at_start(c1 + 1) if c0 - 1 >= s_lo and norm[c0 - 1] == "," else None
        after = None
        if sp is not None:
            emit(s_lo, c0 - 2, "reported", sp, cue)
            after = sp[3] + 1
        else:
            # content, SPEAKER CUE.  ("…, President Thuong said." / "…, he said, noting …")
            sp = speaker_at_end(c0 - 1)
            nxt = c1 + 1
            if (
                sp is not None
                and sp[2] - 1 > s_lo
                and norm[sp[2] - 1] == ","
                and (nxt > s_hi or norm[nxt] in _SENT_END or norm[nxt] == ",")
            ):
                emit(s_lo, sp[2] - 2, "reported", sp, cue)
                after = nxt
            else:
                sp = None
        if sp is not None:
            consumed.add(ci)
            # ", noting that …": the same speaker goes on
            if after is not None and after + 1 <= s_hi and norm[after] == ",":
                cj = cue_at_first.get(after + 1)
                if cj is not None and cues[cj][2] in ("participle", "verb"):
                    consumed.add(cj)
                    emit(cues[cj][1] + 1, s_hi, "reported", sp, cues[cj][3])
            continue
        # [intro,] SPEAKER CUE [that] content
        bounds = [i for i in range(s_lo, c0) if norm[i] in _BOUNDARY and not in_direct(i)]
        seg_lo = bounds[-1] + 1 if bounds else s_lo
        if seg_lo <= c0 - 1:
            sp = first_speaker_in(seg_lo, c0 - 1)
        elif len(bounds) >= 2:
            # "X, Head of Y, said": skip the appositive between the last two commas
            prev_lo = bounds[-3] + 1 if len(bounds) >= 3 else s_lo
            sp = first_speaker_in(prev_lo, bounds[-2] - 1)
        else:
            sp = None
        if sp is None:
            continue
        if emit(c1 + 1, s_hi, "reported", sp, cue):
            consumed.add(ci)
    return out


def _para_last(doc: _Doc, i: int) -> int:
    """Last token of the paragraph of token ``i``."""
    j = int(np.searchsorted(doc.para, doc.para[i], side="right")) - 1
    return j


def _direct_attribution(
    doc: _Doc,
    cues: list[tuple[int, int, str, str]],
    o: int,
    close: int | None,
    quote_ranges: list[tuple[int, int]],
):
    """The cue index and speaker slot for a direct quote opened at ``o`` (closed at ``close``).

    Looks after the closing mark first (``"…", the President emphasized`` / ``"…", said X``),
    then before the opening mark (``X said: "…"`` / ``According to X, "…"``).
    """
    n = len(doc.start)
    norm = doc.norm

    def at_end(i):
        hit = np.flatnonzero(doc.m_last == i)
        if len(hit):
            k = int(hit[0])
            return ("m", k, int(doc.m_first[k]), i)
        if 0 <= i < n and norm[i] in PRONOUNS:
            return ("p", norm[i], i, i)
        return None

    def at_start(i):
        hit = np.flatnonzero(doc.m_first == i)
        if not len(hit) and 0 <= i < n and norm[i] in _ARTICLES:
            hit = np.flatnonzero(doc.m_first == i + 1)
        if len(hit):
            k = int(hit[0])
            return ("m", k, i, int(doc.m_last[k]))
        if 0 <= i < n and norm[i] in PRONOUNS:
            return ("p", norm[i], i, i)
        return None

    if close is not None:
        stop = min(n, close + 1 + _WINDOW_AFTER)
        for j in range(close + 1, stop):
            if norm[j] in _SENT_END or norm[j] in QUOTE_MARKS or doc.para[j] != doc.para[close]:
                break
        else:
            j = stop
        for ci, (c0, c1, _kind, _cue) in enumerate(cues):
            if close < c0 and c1 < j:
                sp = at_end(c0 - 1) if c0 - 1 > close else None
                if sp is None:
                    sp = at_start(c1 + 1)
                return ci, sp
    for ci, (c0, c1, kind, _cue) in enumerate(cues):
        if c1 >= o or o - c1 > _WINDOW_BEFORE + 6 or doc.para[c0] != doc.para[o]:
            continue
        gap = list(range(c1 + 1, o))
        sp = at_start(c1 + 1) if gap else None
        rest = [i for i in gap if sp is None or i > sp[3]]
        if len(rest) > _WINDOW_BEFORE or any(norm[i] not in _TRIM_LEFT for i in rest):
            continue
        if sp is None and kind != "according":
            sp = at_end(c0 - 1)
            if sp is None:
                # "The President said: " — the clause subject before the cue
                lo = int(doc.s_lo[c0])
                bounds = [i for i in range(lo, c0) if norm[i] in _BOUNDARY]
                a = bounds[-1] + 1 if bounds else lo
                inside = np.flatnonzero((doc.m_first >= a) & (doc.m_last < c0))
                if len(inside):
                    k = int(inside[np.argmin(doc.m_first[inside])])
                    sp = ("m", k, int(doc.m_first[k]), int(doc.m_last[k]))
        return ci, sp
    return None, None
