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
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.matching import compile_patterns, match
from analysis.schema import SCHEMAS, conform, empty_table
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

#: The columns of the quotes table, in order (see :data:`analysis.schema.SCHEMAS`).
QUOTE_COLUMNS: list[str] = list(SCHEMAS["quotes"])

_BOUNDARY = frozenset({",", ";", ":"})
_SENT_END = frozenset({".", "!", "?"})
_NEWLINE = re.compile("\n")
_ARTICLES = frozenset({"the", "a", "an"})
_TRIM_LEFT = frozenset({"that", ",", ":", ";"})
_TRIM_RIGHT = frozenset({",", ".", ";", ":", "!", "?"})
_WINDOW_AFTER = 12  # tokens after a closing mark searched for the cue
_WINDOW_BEFORE = 4  # tokens between a cue and an opening mark


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
        docs: the docs table (``doc_id``, ``text``): the text the quotes are cut from.
        tokens: the tokens table of ``docs``.
        mentions: from :func:`analysis.actors.find_mentions` on the same tokens.
        verbs: speech verbs (default :data:`SPEECH_VERBS`); each a matcher pattern.
        participles: continuation cues (default :data:`CONTINUATION_CUES`).
        according: source phrases (default :data:`ATTRIBUTION_CUES`).

    Returns:
        One row per quote, sorted by document and ``start``: ``doc_id`` (categorical, as in
        ``tokens``), ``sent`` (int32, sentence of the quote's first token), ``start``, ``end``
        (int64, character offsets of the quoted or reported words, without the quotation
        marks, the cue and the attribution; ``text == docs.text[start:end]``), ``text``
        (str), ``kind`` (str, ``direct`` | ``reported``), ``speaker_id`` (str, actor id or NA),
        ``speaker_start``, ``speaker_end`` (Int64, offsets of the speaker's mention or
        pronoun; NA when no one stands by the cue), ``cue`` (str, folded: ``said``,
        ``according to``, ``pointed to`` …), ``resolved_via`` (str, the mention's ``via``:
        ``name``, ``alias``, ``title+name``, ``short``, ``role``; or ``pronoun``; NA when
        unresolved).

    Raises:
        ValueError: docs without ``doc_id``/``text``, or tokens of documents not in docs.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"], "text": [
        ...     '"We will act," said Nguyen Thi Lan. Prices will rise, she noted.']})
        >>> tokens = tokenize(docs)
        >>> lan = Actors.from_records([{"id": "lan", "name": "Nguyen Thi Lan", "type": "person"}])
        >>> quotes = find_quotes(docs, tokens, find_mentions(tokens, lan, docs=docs))
        >>> quotes[["text", "kind", "speaker_id", "cue", "resolved_via"]]
                       text      kind speaker_id    cue resolved_via
        0      We will act,    direct        lan   said         name
        1  Prices will rise  reported        lan  noted      pronoun
    """
    for col in ("doc_id", "text"):
        if col not in docs.columns:
            raise ValueError(
                f"docs needs a {col!r} column (has: {', '.join(map(str, docs.columns))})"
            )
    if len(tokens) == 0:
        return empty_table("quotes", categories={"doc_id": tokens["doc_id"].cat.categories})
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    doc_cats = tokens["doc_id"].cat.categories.astype(str)
    missing = sorted(set(doc_cats[np.unique(tokens["doc_id"].cat.codes)]) - set(texts))
    if missing:
        raise ValueError(f"tokens of document(s) not in docs: {', '.join(missing[:10])}")
    cues = _cues_by_doc(tokens, verbs, participles, according)
    toks = _SortedTokens(tokens)
    ments = _SortedMentions(mentions, doc_cats)
    rows: list[dict] = []
    for d, name in enumerate(doc_cats):
        lo, hi = toks.bounds[d], toks.bounds[d + 1]
        if hi == lo or (d not in cues and not toks.marks_per_doc[d]):
            continue
        doc = _Doc.build(name, texts[name], toks, lo, hi, ments.of(d))
        local_cues = [
            _Cue(int(np.searchsorted(doc.start, s)), int(np.searchsorted(doc.end, e)), kind, cue)
            for s, e, kind, cue in cues.get(d, [])
        ]
        rows.extend(_quotes_in_doc(doc, local_cues))
    if not rows:
        return empty_table("quotes", categories={"doc_id": tokens["doc_id"].cat.categories})
    out = pd.DataFrame(rows)
    out["doc_id"] = pd.Categorical(out["doc_id"], dtype=tokens["doc_id"].dtype)
    out = out.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    return conform(out, "quotes")


# ---------------------------------------------------------------------------------------------
# inputs, per document


def _cues_by_doc(
    tokens: pd.DataFrame,
    verbs: Iterable[str],
    participles: Iterable[str],
    according: Iterable[str],
) -> dict[int, list[tuple[int, int, str, str]]]:
    """Speech cues found by the matcher: document code -> (start, end, kind, folded cue)."""
    rows, meta = [], {}
    for kind, words in (("according", according), ("participle", participles), ("verb", verbs)):
        for w in words:
            cue = " ".join(fold(w).split())
            key = f"{kind}|{cue}"
            if cue and key not in meta:
                meta[key] = (kind, cue)
                rows.append((key, w))
    by_doc: dict[int, list[tuple[int, int, str, str]]] = {}
    if not rows:
        return by_doc
    pats = pd.DataFrame(rows, columns=["key", "pattern"])
    found = match(tokens, compile_patterns(pats), scope="all")
    codes = found["doc_id"].cat.codes.to_numpy()
    for c, s, e, k in zip(codes, found["start"], found["end"], found["key"], strict=True):
        by_doc.setdefault(int(c), []).append((int(s), int(e), *meta[k]))
    return by_doc


class _SortedTokens:
    """The tokens table as arrays sorted by document and offset, with each document's bounds."""

    def __init__(self, tokens: pd.DataFrame) -> None:
        n_docs = len(tokens["doc_id"].cat.categories)
        codes = tokens["doc_id"].cat.codes.to_numpy().astype(np.int64)
        order = np.lexsort((tokens["start"].to_numpy(), codes))
        codes = codes[order]
        self.start = tokens["start"].to_numpy().astype(np.int64)[order]
        self.end = tokens["end"].to_numpy().astype(np.int64)[order]
        self.sent = tokens["sent"].to_numpy()[order]
        norm_cats = tokens["norm"].cat.categories
        norm_codes = tokens["norm"].cat.codes.to_numpy()[order]
        self.norm = np.asarray(norm_cats, dtype=object)[norm_codes]
        self.bounds = np.searchsorted(codes, np.arange(n_docs + 1))
        is_mark_type = np.fromiter(
            (t in QUOTE_MARKS or t in QUOTE_MARKS.values() for t in norm_cats),
            bool,
            count=len(norm_cats),
        )
        self.is_mark = is_mark_type[norm_codes]
        self.marks_per_doc = np.bincount(codes[self.is_mark], minlength=n_docs)


class _SortedMentions:
    """The mentions table as arrays sorted by document and start."""

    _COLS = ("start", "end", "actor_id", "actor_type", "via")

    def __init__(self, mentions: pd.DataFrame, doc_cats: pd.Index) -> None:
        if len(mentions):
            codes = pd.Categorical(mentions["doc_id"].astype(str), categories=doc_cats).codes
            order = np.lexsort((mentions["start"].to_numpy(), codes))
            codes = codes[order].astype(np.int64)
            self.cols = {
                c: mentions[c].to_numpy(dtype=None if c in ("start", "end") else object)[order]
                for c in self._COLS
            }
        else:
            codes = np.zeros(0, np.int64)
            self.cols = {
                c: np.zeros(0, np.int64 if c in ("start", "end") else object) for c in self._COLS
            }
        self.bounds = np.searchsorted(codes, np.arange(len(doc_cats) + 1))

    def of(self, d: int) -> dict[str, np.ndarray]:
        """The mentions of document ``d``."""
        rows = slice(self.bounds[d], self.bounds[d + 1])
        return {c: v[rows] for c, v in self.cols.items()}


class _Cue(NamedTuple):
    """A speech cue, by local token indices."""

    first: int
    last: int
    kind: str  # "according" | "participle" | "verb"
    cue: str  # folded text


class _Slot(NamedTuple):
    """Who stands in a speaker slot, over the local tokens ``first..last``."""

    mention: int  # index among the document's speaker-eligible mentions; -1 for a pronoun
    pronoun: str  # the pronoun ("" for a mention)
    first: int
    last: int


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

    @classmethod
    def build(
        cls, name: str, text: str, toks: _SortedTokens, lo: int, hi: int, mentions: dict
    ) -> _Doc:
        start, end, sent = toks.start[lo:hi], toks.end[lo:hi], toks.sent[lo:hi]
        n = len(start)
        brk = np.r_[True, sent[1:] != sent[:-1]]
        first = np.flatnonzero(brk)
        last = np.r_[first[1:] - 1, n - 1]
        sid = np.cumsum(brk) - 1
        newlines = np.array([m.start() for m in _NEWLINE.finditer(text)], np.int64)
        eligible = np.flatnonzero(np.isin(mentions["actor_type"], SPEAKER_TYPES))
        return cls(
            doc_id=name,
            text=text,
            start=start,
            end=end,
            norm=toks.norm[lo:hi],
            s_lo=first[sid],
            s_hi=last[sid],
            sent=sent,
            para=np.searchsorted(newlines, start),
            m_first=np.searchsorted(start, mentions["start"][eligible]),
            m_last=np.searchsorted(end, mentions["end"][eligible]),
            m_row=eligible,
            a_start=np.asarray(mentions["start"], np.int64),
            a_end=np.asarray(mentions["end"], np.int64),
            a_actor=mentions["actor_id"],
            a_type=mentions["actor_type"],
            a_via=mentions["via"],
            marks=np.flatnonzero(toks.is_mark[lo:hi]),
        )

    # -- who stands where ---------------------------------------------------------------------

    def slot_ending_at(self, i: int) -> _Slot | None:
        """The speaker whose last token is ``i``: an eligible mention, else a pronoun."""
        hit = np.flatnonzero(self.m_last == i)
        if len(hit):
            k = int(hit[0])
            return _Slot(k, "", int(self.m_first[k]), i)
        return self._pronoun_at(i)

    def slot_starting_at(self, i: int) -> _Slot | None:
        """The speaker whose first token is ``i`` (or ``i + 1`` after an article: "according
        to the Ministry"): an eligible mention, else a pronoun."""
        hit = np.flatnonzero(self.m_first == i)
        if not len(hit) and 0 <= i < len(self.norm) and self.norm[i] in _ARTICLES:
            hit = np.flatnonzero(self.m_first == i + 1)
        if len(hit):
            k = int(hit[0])
            return _Slot(k, "", i, int(self.m_last[k]))
        return self._pronoun_at(i)

    def _pronoun_at(self, i: int) -> _Slot | None:
        if 0 <= i < len(self.norm) and self.norm[i] in PRONOUNS:
            return _Slot(-1, self.norm[i], i, i)
        return None

    def first_mention_in(self, a: int, b: int) -> _Slot | None:
        """The eligible mention inside tokens ``a..b`` that starts first."""
        inside = np.flatnonzero((self.m_first >= a) & (self.m_last <= b))
        if not len(inside):
            return None
        k = int(inside[np.argmin(self.m_first[inside])])
        return _Slot(k, "", int(self.m_first[k]), int(self.m_last[k]))

    def first_speaker_in(self, a: int, b: int) -> _Slot | None:
        """The first speaker inside tokens ``a..b``: a pronoun standing before the first
        eligible mention (and not inside a mention), else that mention."""
        if a > b:
            return None
        best = self.first_mention_in(a, b)
        for i in range(a, b + 1):
            if best is not None and i >= best.first:
                break
            if self.norm[i] in PRONOUNS and not self._inside_mention(i):
                return _Slot(-1, self.norm[i], i, i)
        return best

    def _inside_mention(self, i: int) -> bool:
        return bool(np.any((self.m_first <= i) & (self.m_last >= i)))

    def resolve(
        self, slot: _Slot | None, quote_start: int
    ) -> tuple[object, object, object, object]:
        """``speaker_id, speaker_start, speaker_end, resolved_via`` of a slot.

        A mention gives its actor. A pronoun resolves to the most recent mention of an actor
        of the pronoun's types that starts before the quote (its offsets stay the pronoun's);
        NA when there is none.
        """
        if slot is None:
            return (pd.NA, pd.NA, pd.NA, pd.NA)
        s_char, e_char = int(self.start[slot.first]), int(self.end[slot.last])
        if slot.mention >= 0:
            j = int(self.m_row[slot.mention])
            return (self.a_actor[j], int(self.a_start[j]), int(self.a_end[j]), self.a_via[j])
        types = PRONOUNS[slot.pronoun]
        j = bisect.bisect_left(self.a_start, quote_start) - 1
        while j >= 0:
            if self.a_type[j] in types:
                return (self.a_actor[j], s_char, e_char, "pronoun")
            j -= 1
        return (pd.NA, s_char, e_char, pd.NA)


# ---------------------------------------------------------------------------------------------
# the rules


@dataclass
class _Found:
    """The quotes found in one document so far, and what they use up."""

    doc: _Doc
    cues: list[_Cue]
    rows: list[dict] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # cue indices already used
    taken: list[tuple[int, int]] = field(default_factory=list)  # token ranges of quotes found
    quoted: list[tuple[int, int]] = field(default_factory=list)  # opening mark, last quoted

    def __post_init__(self) -> None:
        self.cue_at = {c.first: i for i, c in enumerate(self.cues)}

    def in_quotation(self, i: int) -> bool:
        """Token ``i`` is inside quotation marks (or is the closing mark)."""
        return any(o <= i <= c + 1 for o, c in self.quoted)

    def in_quote_found(self, i: int) -> bool:
        return any(a <= i <= b for a, b in self.taken)

    def add(self, a: int, b: int, kind: str, slot: _Slot | None, cue: str) -> bool:
        """Add tokens ``a..b`` as a quote, without a leading "that" or punctuation and trailing
        punctuation; False when nothing is left."""
        norm = self.doc.norm
        while a <= b and norm[a] in _TRIM_LEFT:
            a += 1
        while b >= a and norm[b] in _TRIM_RIGHT:
            b -= 1
        if a > b:
            return False
        self.add_span(a, b, kind, slot, cue)
        return True

    def add_span(self, a: int, b: int, kind: str, slot: _Slot | None, cue: str) -> None:
        """Add tokens ``a..b`` as a quote, as they are."""
        doc = self.doc
        s, e = int(doc.start[a]), int(doc.end[b])
        speaker_id, s0, e0, via = doc.resolve(slot, s)
        self.rows.append(
            {"doc_id": doc.doc_id, "sent": int(doc.sent[a]), "start": s, "end": e,
             "text": doc.text[s:e], "kind": kind, "speaker_id": speaker_id,
             "speaker_start": s0, "speaker_end": e0, "cue": cue, "resolved_via": via}
        )  # fmt: skip
        self.taken.append((a, b))


def _quotes_in_doc(doc: _Doc, cues: list[_Cue]) -> list[dict]:
    """The quotes of one document: first the direct quotes (:func:`_direct_quotes`), then
    reported speech at the cues they left (:func:`_reported_speech`)."""
    found = _Found(doc, cues)
    _direct_quotes(found)
    _reported_speech(found)
    return found.rows


def _quotations(doc: _Doc) -> list[tuple[int, int, bool]]:
    """Pair the quotation marks of a document: ``(opening mark, last quoted token, closed?)``.

    Marks pair within a paragraph; a mark left open is closed at the end of its paragraph; a
    closing mark with no opening mark is ignored.
    """
    norm = doc.norm
    pairs: list[tuple[int, int, bool]] = []
    open_i: int | None = None
    for i in doc.marks.tolist():
        if open_i is not None and doc.para[i] != doc.para[open_i]:
            pairs.append((open_i, _para_last(doc, open_i), False))
            open_i = None
        if open_i is None:
            if norm[i] in QUOTE_MARKS:
                open_i = i
        elif norm[i] == QUOTE_MARKS[norm[open_i]]:
            pairs.append((open_i, i - 1, True))
            open_i = None
    if open_i is not None:
        pairs.append((open_i, _para_last(doc, open_i), False))
    return pairs


def _para_last(doc: _Doc, i: int) -> int:
    """Last token of the paragraph of token ``i``."""
    return int(np.searchsorted(doc.para, doc.para[i], side="right")) - 1


def _direct_quotes(found: _Found) -> None:
    """Every quotation with a cue next to it is a direct quote; the cue is used up.

    The cue is looked for after the closing mark first (:func:`_cue_after_quote`), then
    before the opening mark (:func:`_cue_before_quote`). The quote keeps the speaker's own
    punctuation inside the marks.
    """
    pairs = _quotations(found.doc)
    found.quoted = [(o, last) for o, last, _ in pairs]
    for o, last, closed in pairs:
        if o + 1 > last:
            continue
        hit = _cue_after_quote(found, last + 1) if closed else None
        if hit is None:
            hit = _cue_before_quote(found, o)
        if hit is None:
            continue
        ci, slot = hit
        found.consumed.add(ci)
        found.add_span(o + 1, last, "direct", slot, found.cues[ci].cue)


def _cue_after_quote(found: _Found, close: int) -> tuple[int, _Slot | None] | None:
    """``"…", the President emphasized`` / ``"…", said X``: the first cue after the closing
    mark ``close``, before the end of the sentence, another quotation mark, the end of the
    paragraph, or :data:`_WINDOW_AFTER` tokens. The speaker ends right before the cue or
    starts right after it (NA if neither)."""
    doc, norm = found.doc, found.doc.norm
    stop = min(len(norm), close + 1 + _WINDOW_AFTER)
    for j in range(close + 1, stop):
        if norm[j] in _SENT_END or norm[j] in QUOTE_MARKS or doc.para[j] != doc.para[close]:
            break
    else:
        j = stop
    for ci, cue in enumerate(found.cues):
        if close < cue.first and cue.last < j:
            slot = doc.slot_ending_at(cue.first - 1) if cue.first - 1 > close else None
            if slot is None:
                slot = doc.slot_starting_at(cue.last + 1)
            return ci, slot
    return None


def _cue_before_quote(found: _Found, o: int) -> tuple[int, _Slot | None] | None:
    """``X said: "…"`` / ``According to X, "…"``: a cue in the paragraph of the opening mark
    ``o``, followed by the speaker (optional) and at most :data:`_WINDOW_BEFORE` tokens of
    "that" or punctuation. Without a speaker after a verb, the speaker ends right before the
    cue, else is the clause subject ("The President said: …")."""
    doc, norm = found.doc, found.doc.norm
    for ci, cue in enumerate(found.cues):
        if cue.last >= o or o - cue.last > _WINDOW_BEFORE + 6 or doc.para[cue.first] != doc.para[o]:
            continue
        gap = range(cue.last + 1, o)
        slot = doc.slot_starting_at(cue.last + 1) if len(gap) else None
        rest = [i for i in gap if slot is None or i > slot.last]
        if len(rest) > _WINDOW_BEFORE or any(norm[i] not in _TRIM_LEFT for i in rest):
            continue
        if slot is None and cue.kind != "according":
            slot = doc.slot_ending_at(cue.first - 1)
            if slot is None:
                slot = _clause_subject(doc, cue.first)
        return ci, slot
    return None


def _clause_subject(doc: _Doc, c0: int) -> _Slot | None:
    """The first eligible mention of the clause that ends before token ``c0``."""
    lo = int(doc.s_lo[c0])
    bounds = [i for i in range(lo, c0) if doc.norm[i] in _BOUNDARY]
    return doc.first_mention_in(bounds[-1] + 1 if bounds else lo, c0 - 1)


def _reported_speech(found: _Found) -> None:
    """Reported speech at every cue not used yet, in text order.

    Cues inside a quotation or inside a quote already found are skipped (they are part of
    what is said: "said he believes that …"). For each other cue the first rule that applies
    wins:

    1. an "according to" cue: :func:`_according_to`;
    2. ``content, CUE SPEAKER`` (:func:`_content_cue_speaker`), else
    3. ``content, SPEAKER CUE.`` (:func:`_content_speaker_cue`); after either,
       :func:`_continuation` reads a following ``, noting that …`` with the same speaker;
    4. ``[intro,] SPEAKER CUE [that] content`` (:func:`_speaker_cue_content`).
    """
    for ci, cue in enumerate(found.cues):
        if ci in found.consumed or found.in_quotation(cue.first) or found.in_quote_found(cue.first):
            continue
        if cue.kind == "according":
            _according_to(found, ci)
            continue
        attributed = _content_cue_speaker(found, ci)
        if attributed is None:
            attributed = _content_speaker_cue(found, ci)
        if attributed is not None:
            found.consumed.add(ci)
            _continuation(found, ci, *attributed)
            continue
        _speaker_cue_content(found, ci)


def _sentence(found: _Found, ci: int) -> tuple[_Doc, np.ndarray, _Cue, int, int]:
    """The document, its folded tokens, cue ``ci`` and the first and last token of its
    sentence."""
    doc, cue = found.doc, found.cues[ci]
    return doc, doc.norm, cue, int(doc.s_lo[cue.first]), int(doc.s_hi[cue.first])


def _according_to(found: _Found, ci: int) -> None:
    """``According to X, content`` / ``content, according to X.`` / ``intro, according to X,
    content``: the speaker must follow the cue; the cue is used up once it has one."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    slot = doc.slot_starting_at(cue.last + 1)
    if slot is None:
        return
    if all(norm[i] in _BOUNDARY for i in range(s_lo, cue.first)):
        comma = next((i for i in range(slot.last + 1, s_hi + 1) if norm[i] == ","), None)
        a = comma + 1 if comma is not None else slot.last + 1
        found.add(a, s_hi, "reported", slot, cue.cue)
    elif norm[cue.first - 1] == ",":
        nxt = slot.last + 1
        if nxt > s_hi or norm[nxt] in _SENT_END:
            found.add(s_lo, cue.first - 2, "reported", slot, cue.cue)
        else:
            comma = next((i for i in range(nxt, s_hi + 1) if norm[i] == ","), None)
            if comma is not None:
                found.add(comma + 1, s_hi, "reported", slot, cue.cue)
    found.consumed.add(ci)


def _content_cue_speaker(found: _Found, ci: int) -> tuple[_Slot, int] | None:
    """``…, stated President Vo Van Thuong``: a comma before the cue and the speaker right
    after it. Returns the speaker and the token after it."""
    doc, norm, cue, s_lo, _ = _sentence(found, ci)
    if not (cue.first - 1 >= s_lo and norm[cue.first - 1] == ","):
        return None
    slot = doc.slot_starting_at(cue.last + 1)
    if slot is None:
        return None
    found.add(s_lo, cue.first - 2, "reported", slot, cue.cue)
    return slot, slot.last + 1


def _content_speaker_cue(found: _Found, ci: int) -> tuple[_Slot, int] | None:
    """``…, President Thuong said.`` / ``…, he said, noting …``: a comma, the speaker, the cue,
    then the end of the sentence or a comma. Returns the speaker and the token after the
    cue."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    slot = doc.slot_ending_at(cue.first - 1)
    nxt = cue.last + 1
    if (
        slot is None
        or not (slot.first - 1 > s_lo and norm[slot.first - 1] == ",")
        or not (nxt > s_hi or norm[nxt] in _SENT_END or norm[nxt] == ",")
    ):
        return None
    found.add(s_lo, slot.first - 2, "reported", slot, cue.cue)
    return slot, nxt


def _continuation(found: _Found, ci: int, slot: _Slot, after: int) -> None:
    """``…, he said, noting that …``: a comma at ``after`` and a participle or verb cue right
    behind it continue with the same speaker up to the end of cue ``ci``'s sentence."""
    _, norm, _, _, s_hi = _sentence(found, ci)
    if after + 1 > s_hi or norm[after] != ",":
        return
    cj = found.cue_at.get(after + 1)
    if cj is None or found.cues[cj].kind not in ("participle", "verb"):
        return
    found.consumed.add(cj)
    found.add(found.cues[cj].last + 1, s_hi, "reported", slot, found.cues[cj].cue)


def _speaker_cue_content(found: _Found, ci: int) -> None:
    """``[intro,] SPEAKER CUE [that] content``: the first speaker of the clause before the cue
    ("In his speech …, Vietnamese Prosecutor General Le Minh Tri affirmed …"); when the cue
    directly follows a comma, the clause before the appositive ("X, Head of Y, said")."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    c0 = cue.first
    bounds = [i for i in range(s_lo, c0) if norm[i] in _BOUNDARY and not found.in_quotation(i)]
    seg_lo = bounds[-1] + 1 if bounds else s_lo
    if seg_lo <= c0 - 1:
        slot = doc.first_speaker_in(seg_lo, c0 - 1)
    elif len(bounds) >= 2:
        prev_lo = bounds[-3] + 1 if len(bounds) >= 3 else s_lo
        slot = doc.first_speaker_in(prev_lo, bounds[-2] - 1)
    else:
        slot = None
    if slot is not None and found.add(cue.last + 1, s_hi, "reported", slot, cue.cue):
        found.consumed.add(ci)
