"""Quotes and speakers: who gets to speak, and what they say.

:func:`find_quotes` finds direct quotes (words in quotation marks) and reported speech (a
speech verb, "called for", "pledged to", "according to" … with a speaker), and attributes each
to an actor from the mentions table, to a pronoun resolved to the subject of the nearest
earlier sentence that names a person, or to no one (NA) when the speaker cannot be told. Speech
cues are found by the one matcher (:mod:`analysis.matching`); the lists are module constants,
extended with ``find_quotes(..., cues=["quipped"], exclude_cues=["claims"])`` (or, in a study
file, ``quotes: {cues: [...], exclude_cues: [...]}``; :func:`check_cues` validates such lists).

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
"direct," X said. "continued"                          the second quotation has no cue of its
                                                       own: same speaker and cue (also a quote
                                                       running on into the next paragraph)
"direct" — SPEAKER (end of paragraph)                  press-release pull quote (cue "—")
SPEAKER described X as "direct"                        "called/hailed … as" too
SPEAKER CUE A, and CUE B                               "underlined A, and expressed B"
content, [a|the] SOURCE CUE.  /  SOURCE CUE [that] …   unnamed sources ("a spokesman said",
                                                       "Experts said …", "media reports said",
                                                       "an official … said that …"): NA speaker
=====================================================  ========================================

Speakers. In ``SPEAKER CUE`` the speaker is the person whose mention ends right before the cue
("The Attorney-General of the Republic of Examplia John Doe said" → John Doe, not the
country), else the first speaker-type mention of the clause; an appositive, a relative clause
or an auxiliary between the subject and the cue is skipped ("Malaysia, which chairs ASEAN,
has called for …"); capitalised words the table does not know may stand next to the name
("…, Philippine Justice Secretary X said", "said Home Minister Datuk Seri X"). A pronoun
(:data:`PRONOUNS`), or "the" + a role noun with no mention ("The minister proposed …"),
resolves to the nearest sentence before the quote that names a person: to its person standing
next to a speech cue ("Speaking after a meeting with B, A said …" → A), else to its first
person (its subject: "A met B. He noted …" → A, not B); NA when there is none. A cue word
right before another cue is a noun ("media reports said").

Not cues: a verb form right after a word of :data:`NOT_A_CUE_AFTER` ("ten ASEAN member
states have agreed", "the claims"). Not quotes: quoted words right after a word of
:data:`TITLE_WORDS` (the theme "Joining Hands Against Fraud", ``The theme, "…",``), short
Title-Case quoted names, and quoted words with no speech cue next to them (scare quotes).

Quotation marks: straight ``"…"``, curly ``“…”`` and guillemets ``«…»`` pair within a
paragraph: a line of the text, or, in hard-wrapped text (most lines broken mid-sentence), a
block of lines between blank lines, so that a quote running over a wrapped line is one quote.
An opening mark left open at the end of its paragraph is closed there (the news convention
for quotes running over several paragraphs, and textacy #379's crash case); a closing mark
with no opening mark is ignored.

Time is linear in the length of each document: every look-up (cues near a quotation mark,
mentions at a token, pronoun antecedents) is a binary search or an array index.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.cues import (
    ATTRIBUTION_CUES,
    CONTINUATION_CUES,
    NOT_A_CUE_AFTER,
    SPEECH_VERBS,
    TITLE_WORDS,
    CueListError,
    check_cues,
)
from analysis.matching import compile_patterns, match
from analysis.schema import SCHEMAS, conform, empty_table
from analysis.speakers import (
    PRONOUNS,
    QUOTE_MARKS,
    SPEAKER_TYPES,
    Slot,
    SortedMentions,
    SortedTokens,
    SpeakerDoc,
)
from analysis.text import fold

__all__ = [
    "SPEECH_VERBS",
    "CONTINUATION_CUES",
    "ATTRIBUTION_CUES",
    "PRONOUNS",
    "SPEAKER_TYPES",
    "QUOTE_MARKS",
    "QUOTE_COLUMNS",
    "NOT_A_CUE_AFTER",
    "TITLE_WORDS",
    "CueListError",
    "check_cues",
    "find_quotes",
]

#: The columns of the quotes table, in order (see :data:`analysis.schema.SCHEMAS`).
QUOTE_COLUMNS: list[str] = list(SCHEMAS["quotes"])

_BOUNDARY = frozenset({",", ";", ":"})
_SENT_END = frozenset({".", "!", "?"})
_ARTICLES = frozenset({"the", "a", "an"})
_RELATIVES = frozenset({"who", "whose", "which", "whom"})
# "…, he said after a meeting …": words that start an adverbial after the cue, not content
_ADVERBIAL = frozenset({
    "after", "during", "while", "when", "before", "following", "here", "today", "yesterday",
    "later", "earlier", "tonight",
})  # fmt: skip
_CLAUSE_JOINS = frozenset({"while", "whereas", "but", "and"})
_SOURCE_NOUNS = frozenset({
    "report", "statement", "study", "survey", "data", "figures", "estimate", "estimates",
    "spokesperson", "spokesman", "spokeswoman", "official", "officials", "source", "sources",
})  # fmt: skip
# Unnamed sources: "…, a spokesman said." / "Experts said …" / "…, media reports said." The
# quote is kept with an NA speaker (it is speech, just not by an actor of the table).
_UNNAMED_SOURCES = _SOURCE_NOUNS | frozenset({
    "experts", "expert", "analysts", "analyst", "observers", "diplomats", "diplomat", "police",
    "authorities", "reports", "media", "ministry", "embassy", "paper", "newspaper", "agency",
    "witnesses", "critics", "researchers", "residents", "insiders", "activists",
})  # fmt: skip
# "Malaysia, which chairs ASEAN, has called for …": words between an appositive and the cue
_AUX = frozenset({
    "has", "have", "had", "also", "will", "would", "then", "later", "further", "again",
    "had also", "has also",
})  # fmt: skip
# "The minister proposed …": a definite role noun with no mention resolves like "he"
_ROLE_NOUNS = frozenset({
    "minister", "secretary", "president", "chief", "spokesman", "spokeswoman", "ambassador",
    "chairman", "chairwoman", "premier", "procurator", "prosecutor", "director",
})  # fmt: skip
# "DOJ chief urges …" in a headline: a role without a name
_HEADLINE_ROLES = _ROLE_NOUNS | frozenset({"head", "boss", "envoy", "czar", "tsar", "pm", "fm"})
_WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight",
})  # fmt: skip
_AS_CUES = frozenset({"described", "describes", "called", "calls", "hailed", "hails"})
_DASHES = frozenset({"-", "–", "—", "--"})
_TRIM_LEFT = frozenset({"that", ",", ":", ";"})
_TRIM_RIGHT = frozenset({",", ".", ";", ":", "!", "?"})
_WINDOW_AFTER = 12  # tokens after a closing mark searched for the cue
_WINDOW_BEFORE = 4  # tokens between a cue and an opening mark


_MAX_CUE_TOKENS = 4  # the longest default cue ("told reporters", "called upon") is 2 tokens


def find_quotes(
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    cues: Iterable[str] | None = None,
    exclude_cues: Iterable[str] | None = None,
    verbs: Iterable[str] = SPEECH_VERBS,
    participles: Iterable[str] = CONTINUATION_CUES,
    according: Iterable[str] = ATTRIBUTION_CUES,
) -> pd.DataFrame:
    """Find direct quotes and reported speech, with their speakers.

    Speakers are actor mentions of a type in :data:`SPEAKER_TYPES` standing in the speaker slot
    of a form (see the module docstring): next to the cue, or, before the cue, the person whose
    mention ends right before it, else the first such mention in the clause ("Delegates from
    ASEAN member countries and China pointed to …" → the delegates, not China). "President X,
    Head of Y, said" skips the appositive. A pronoun of :data:`PRONOUNS` in the slot resolves
    to the first mention of a person (for "they": person or group) in the nearest sentence
    before the quote that has one (the subject, not the object: "A met B. He said …" → A);
    when there is none, ``speaker_id`` stays NA rather than a guess. Reported speech needs a
    speaker in the slot (a mention, a pronoun, "the minister"), or an unnamed source ("a
    spokesman said", "according to a statement", "an official said that …"), which gives an
    NA speaker; a direct quote needs a cue next to it (or continues the quote before it) and
    keeps an NA speaker when no one stands by the cue. A cue inside a quote already found is
    not read again ("said he believes that …" is one quote). Time is linear in document length.

    Args:
        docs: the docs table (``doc_id``, ``text``): the text the quotes are cut from.
        tokens: the tokens table of ``docs``.
        mentions: from :func:`analysis.actors.find_mentions` on the same tokens.
        cues: extra speech verbs (matcher patterns, e.g. ``["quipped", "spoke of"]``), added
            to ``verbs``; checked with :func:`check_cues`.
        exclude_cues: cues to drop from all lists (e.g. ``["claims"]``); compared folded.
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
        CueListError: a bad ``cues`` or ``exclude_cues`` list.

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
    extra = check_cues(None if cues is None else list(cues), key="cues")
    drop = {
        " ".join(fold(c).split())
        for c in check_cues(
            None if exclude_cues is None else list(exclude_cues), key="exclude_cues"
        )
    }
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
    cue_lists = {"verb": (*verbs, *extra), "participle": tuple(participles),
                 "according": tuple(according)}  # fmt: skip
    cues_found = _cues_by_doc(tokens, cue_lists, drop)
    toks = SortedTokens(tokens)
    ments = SortedMentions(mentions, doc_cats)
    rows: list[dict] = []
    for d, name in enumerate(doc_cats):
        lo, hi = toks.bounds[d], toks.bounds[d + 1]
        if hi == lo or (d not in cues_found and not toks.marks_per_doc[d]):
            continue
        doc = SpeakerDoc.build(name, texts[name], toks, lo, hi, ments.of(d))
        local = sorted(
            _Cue(int(np.searchsorted(doc.start, s)), int(np.searchsorted(doc.end, e)), kind, cue)
            for s, e, kind, cue in cues_found.get(d, [])
        )
        local = [c for c in local if c.first == 0 or doc.norm[c.first - 1] not in NOT_A_CUE_AFTER]
        # "media reports said", "the statement says": a cue right before another is a noun
        firsts = {c.first for c in local}
        local = [c for c in local if c.kind != "verb" or c.last + 1 not in firsts]
        doc.mark_speaking(
            np.array([c.first for c in local], np.int64),
            np.array([c.last for c in local], np.int64),
        )
        rows.extend(_quotes_in_doc(doc, local))
    if not rows:
        return empty_table("quotes", categories={"doc_id": tokens["doc_id"].cat.categories})
    out = pd.DataFrame(rows)
    out["doc_id"] = pd.Categorical(out["doc_id"], dtype=tokens["doc_id"].dtype)
    out = out.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    return conform(out, "quotes")


# ---------------------------------------------------------------------------------------------
# inputs, per document


def _cues_by_doc(
    tokens: pd.DataFrame, lists: Mapping[str, Iterable[str]], drop: set[str]
) -> dict[int, list[tuple[int, int, str, str]]]:
    """Speech cues found by the matcher: document code -> (start, end, kind, folded cue)."""
    rows, meta = [], {}
    for kind in ("according", "participle", "verb"):
        for w in lists[kind]:
            cue = " ".join(fold(w).split())
            key = f"{kind}|{cue}"
            if cue and cue not in drop and key not in meta:
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


class _Cue(NamedTuple):
    """A speech cue, by local token indices."""

    first: int
    last: int
    kind: str  # "according" | "participle" | "verb"
    cue: str  # folded text


# ---------------------------------------------------------------------------------------------
# the rules


@dataclass
class _Found:
    """The quotes found in one document so far, and what they use up."""

    doc: SpeakerDoc
    cues: list[_Cue]
    rows: list[dict] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # cue indices already used

    def __post_init__(self) -> None:
        self.cue_at = {}
        for i in range(len(self.cues) - 1, -1, -1):
            self.cue_at[self.cues[i].first] = i
        self.cue_first = [c.first for c in self.cues]
        n = len(self.doc.norm)
        self.quoted = np.zeros(n + 2, bool)  # inside quotation marks, or the closing mark
        self.taken = np.zeros(n + 1, bool)  # inside a quote already found
        self.last_reported: tuple[int, Slot | None] | None = None  # (last token, speaker)

    def in_quotation(self, i: int) -> bool:
        """Token ``i`` is inside quotation marks (or is the closing mark)."""
        return bool(self.quoted[i])

    def in_quote_found(self, i: int) -> bool:
        return bool(self.taken[i])

    def cues_from(self, i: int) -> range:
        """Indices of the cues whose first token is ``>= i``, in text order."""
        return range(bisect.bisect_left(self.cue_first, i), len(self.cues))

    def add(self, a: int, b: int, kind: str, slot: Slot | None, cue: str) -> bool:
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

    def add_span(self, a: int, b: int, kind: str, slot: Slot | None, cue: str) -> None:
        """Add tokens ``a..b`` as a quote, as they are."""
        doc = self.doc
        s, e = int(doc.start[a]), int(doc.end[b])
        speaker_id, s0, e0, via = doc.resolve(slot, s)
        self.rows.append(
            {"doc_id": doc.doc_id, "sent": int(doc.sent[a]), "start": s, "end": e,
             "text": doc.text[s:e], "kind": kind, "speaker_id": speaker_id,
             "speaker_start": s0, "speaker_end": e0, "cue": cue, "resolved_via": via}
        )  # fmt: skip
        self.taken[a : b + 1] = True
        if kind == "reported":
            self.last_reported = (b, slot)


def _quotes_in_doc(doc: SpeakerDoc, cues: list[_Cue]) -> list[dict]:
    """The quotes of one document: first the direct quotes (:func:`_direct_quotes`), then
    reported speech at the cues they left (:func:`_reported_speech`)."""
    found = _Found(doc, cues)
    _direct_quotes(found)
    _reported_speech(found)
    return found.rows


def _quotations(doc: SpeakerDoc) -> list[tuple[int, int, bool]]:
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


def _para_last(doc: SpeakerDoc, i: int) -> int:
    """Last token of the paragraph of token ``i``."""
    return int(np.searchsorted(doc.para, doc.para[i], side="right")) - 1


def _is_title(doc: SpeakerDoc, o: int, last: int) -> bool:
    """The quotation ``o..last`` names something rather than quoting someone: a word of
    :data:`TITLE_WORDS` (optionally and a comma or colon) right before the opening mark, or a
    short Title-Case phrase ("Joining Hands Against Fraud") without sentence punctuation."""
    norm = doc.norm
    j = o - 1
    while j >= 0 and norm[j] in (",", ":") and j >= o - 2:
        j -= 1
    if j >= 0 and norm[j] in TITLE_WORDS:
        return True
    words = [doc.text[doc.start[i] : doc.end[i]] for i in range(o + 1, last + 1)]
    if not 1 <= len(words) <= 8 or any(w in (".", "!", "?", ",") for w in words):
        return False
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return len(long_words) >= 2 and all(w[:1].isupper() for w in long_words)


def _direct_quotes(found: _Found) -> None:
    """Every quotation with a cue next to it is a direct quote; the cue is used up.

    The cue is looked for after the closing mark first (:func:`_cue_after_quote`), then
    before the opening mark (:func:`_cue_before_quote`). The quote keeps the speaker's own
    punctuation inside the marks. Titles and names in quotation marks (:func:`_is_title`)
    are not quotes.

    A quotation with no cue of its own that continues the quote before it goes to the same
    speaker with the same cue: it opens a new sentence right after that quote's attribution
    (``"…," X said. "…"``), or it opens the paragraph after a quote left open at the end of
    its paragraph (a quote running over two paragraphs).
    """
    doc = found.doc
    pairs = _quotations(doc)
    for o, last, _ in pairs:
        found.quoted[o : last + 2] = True
    prev: tuple[int, bool, Slot | None, str] | None = None  # last quote: end, closed, who, cue
    for o, last, closed in pairs:
        if o + 1 > last or _is_title(doc, o, last):
            prev = None
            continue
        hit = _cue_after_quote(found, last + 1) if closed else None
        if hit is None:
            hit = _cue_before_quote(found, o)
        if hit is None and closed:
            dash = _dash_attribution(found, last + 1)
            if dash is not None:
                found.add_span(o + 1, last, "direct", dash, "—")
                prev = (last, closed, dash, "—")
                continue
        if hit is None:
            if prev is not None and _continues(found, prev[0], prev[1], o, last):
                found.add_span(o + 1, last, "direct", prev[2], prev[3])
                prev = (last, closed, prev[2], prev[3])
            else:
                prev = None
            continue
        ci, slot = hit
        found.consumed.add(ci)
        found.add_span(o + 1, last, "direct", slot, found.cues[ci].cue)
        prev = (last, closed, slot, found.cues[ci].cue)
        if closed and found.cues[ci].first > last:
            # "…," he said, adding that …: the participle continues with the same speaker
            cue = found.cues[ci]
            after = slot.last + 1 if slot is not None and slot.first > cue.last else cue.last + 1
            _continue_with(found, after, slot, int(doc.s_hi[cue.first]))


def _dash_attribution(found: _Found, close: int) -> Slot | None:
    """``"…" — Secretary-General Rahim Osman``: a dash after the closing mark and a mention
    that ends the paragraph (press releases, pull quotes). Its cue is "—"."""
    doc, norm = found.doc, found.doc.norm
    if close + 2 >= len(norm) or norm[close + 1] not in _DASHES:
        return None
    slot = doc.slot_starting_at(close + 2)
    if slot is None or slot.mention < 0:
        return None
    after = slot.last + 1
    if after < len(norm) and doc.para[after] == doc.para[close] and norm[after] not in _SENT_END:
        return None
    return slot


def _continues(found: _Found, prev_last: int, prev_closed: bool, o: int, last: int) -> bool:
    """The quotation ``o..last`` continues the quote that ended at token ``prev_last``: it
    opens the paragraph after an unclosed quote, or it opens a sentence at most
    :data:`_WINDOW_AFTER` + 4 tokens after a closed quote of the same paragraph; and it has
    at least three words."""
    doc, norm = found.doc, found.doc.norm
    if last - o < 3:
        return False
    if not prev_closed:
        return o == prev_last + 1 and doc.para[o] != doc.para[prev_last]
    close = prev_last + 1
    return (
        doc.para[o] == doc.para[close]
        and o - close <= _WINDOW_AFTER + 4
        and norm[o - 1] in _SENT_END
    )


def _cue_after_quote(found: _Found, close: int) -> tuple[int, Slot | None] | None:
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
    for ci in found.cues_from(close + 1):
        cue = found.cues[ci]
        if cue.first >= j:
            break
        if norm[cue.first - 1] == "and":
            break  # "… 'firm action' and pledged to …": a second predicate, not attribution
        if cue.last < j:
            slot = doc.slot_ending_at(cue.first - 1) if cue.first - 1 > close else None
            if slot is None:
                slot = doc.slot_starting_at(cue.last + 1)
            return ci, slot
    return None


def _cue_before_quote(found: _Found, o: int) -> tuple[int, Slot | None] | None:
    """``X said: "…"`` / ``According to X, "…"``: a cue in the paragraph of the opening mark
    ``o``, followed by the speaker (optional) and at most :data:`_WINDOW_BEFORE` tokens of
    "that" or punctuation. Without a speaker after a verb, the speaker ends right before the
    cue, else is the clause subject ("The President said: …")."""
    doc, norm = found.doc, found.doc.norm
    reach = _WINDOW_BEFORE + 6
    for ci in found.cues_from(o - reach - _MAX_CUE_TOKENS):
        cue = found.cues[ci]
        if cue.first >= o:
            break
        if cue.last >= o or o - cue.last > reach or doc.para[cue.first] != doc.para[o]:
            continue
        gap = range(cue.last + 1, o)
        slot = doc.slot_starting_at(cue.last + 1) if len(gap) else None
        rest = [i for i in gap if slot is None or i > slot.last]
        described_as = (
            cue.cue in _AS_CUES
            and 1 <= len(rest) <= _WINDOW_BEFORE + 2
            and norm[o - 1] == "as"
            and not any(norm[i] in _BOUNDARY or norm[i] in _SENT_END for i in rest)
        )  # "described the proposal as '…'"
        if described_as:
            slot = None
        elif len(rest) > _WINDOW_BEFORE or any(norm[i] not in _TRIM_LEFT for i in rest):
            continue
        if slot is None and cue.kind != "according":
            slot = doc.slot_ending_at(cue.first - 1)
            if slot is None:
                slot = _clause_subject(doc, cue.first)
            if slot is None:  # "Zhao, speaking through an interpreter, said: '…'"
                slot = _subject(found, int(doc.s_lo[cue.first]), cue.first)
        return ci, slot
    return None


def _clause_subject(doc: SpeakerDoc, c0: int) -> Slot | None:
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
            slot, end = attributed
            if slot is not None:
                _continuation(found, ci, slot, end)
            continue
        _speaker_cue_content(found, ci)


def _sentence(found: _Found, ci: int) -> tuple[SpeakerDoc, np.ndarray, _Cue, int, int]:
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
        slot = _source_of(doc, cue.last + 1, s_hi)
    if slot is None:
        _according_to_unnamed(found, ci)
        return
    if all(norm[i] in _BOUNDARY for i in range(s_lo, cue.first)):
        comma = next((i for i in range(slot.last + 1, s_hi + 1) if norm[i] == ","), None)
        a = comma + 1 if comma is not None else slot.last + 1
        found.add(a, s_hi, "reported", slot, cue.cue)
    elif norm[cue.first - 1] == ",":
        nxt = slot.last + 1
        if nxt <= s_hi and norm[nxt] == "(":  # "the UNODC (UNODC)."
            close = next((i for i in range(nxt, min(s_hi, nxt + 8) + 1) if norm[i] == ")"), None)
            nxt = close + 1 if close is not None else nxt
        if nxt > s_hi or norm[nxt] in _SENT_END:
            found.add(s_lo, cue.first - 2, "reported", slot, cue.cue)
        else:
            comma = next((i for i in range(nxt, s_hi + 1) if norm[i] == ","), None)
            if comma is not None:
                found.add(comma + 1, s_hi, "reported", slot, cue.cue)
    found.consumed.add(ci)


def _according_to_unnamed(found: _Found, ci: int) -> None:
    """``According to a statement …, content`` / ``content, according to the Home Ministry.``
    with a source that is not an actor: the reported speech is kept with an NA speaker."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    if all(norm[i] in _BOUNDARY for i in range(s_lo, cue.first)):
        comma = next((i for i in range(cue.last + 1, s_hi + 1) if norm[i] == ","), None)
        if comma is not None and found.add(comma + 1, s_hi, "reported", None, cue.cue):
            found.consumed.add(ci)
    elif (
        norm[cue.first - 1] == ","
        and not any(norm[i] in _BOUNDARY for i in range(cue.last + 1, s_hi + 1))
        and found.add(s_lo, cue.first - 2, "reported", None, cue.cue)
    ):
        found.consumed.add(ci)


def _source_of(doc: SpeakerDoc, i: int, s_hi: int) -> Slot | None:
    """ "according to a report by the UNODC": the speaker after ``[a|an|the] NOUN by|from|of``
    with a noun of :data:`_SOURCE_NOUNS`."""
    norm = doc.norm
    j = i + 1 if i <= s_hi and norm[i] in _ARTICLES else i
    if j + 1 <= s_hi and norm[j] in _SOURCE_NOUNS and norm[j + 1] in ("by", "from", "of"):
        slot = doc.slot_starting_at(j + 2)
        if slot is not None and slot.mention >= 0:
            return Slot(slot.mention, "", i, slot.last)
    return None


def _content_cue_speaker(found: _Found, ci: int) -> tuple[Slot | None, int] | None:
    """``…, stated President Vo Van Thuong``: a comma before the cue and the speaker right
    after it. Returns the speaker and the token after it."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    if not (cue.first - 1 >= s_lo and norm[cue.first - 1] == ","):
        return None
    slot = doc.slot_starting_at(cue.last + 1)
    if slot is None:
        # "…, said Home Minister Datuk Seri Wan Azman.": capitalised titles and honorifics
        # the table does not know stand between the cue and the name
        for k in range(cue.last + 1, min(s_hi, cue.last + 5) + 1):
            if not doc.text[doc.start[k] : doc.start[k] + 1].isupper():
                break
            slot = doc.slot_starting_at(k + 1)
            if slot is not None and slot.mention >= 0:
                break
            slot = None
    if slot is None:
        return None
    lead = doc.slot_starting_at(s_lo)
    if (
        lead is not None
        and lead.last + 2 < cue.first
        and norm[lead.last + 1] == ","
        and norm[lead.last + 2] in _RELATIVES
    ):
        return None  # "Santos, who opened the meeting, said the Philippines …": an appositive
    found.add(s_lo, cue.first - 2, "reported", slot, cue.cue)
    return slot, slot.last + 1


def _content_speaker_cue(found: _Found, ci: int) -> tuple[Slot | None, int] | None:
    """``…, President Thuong said.`` / ``…, he said, noting …``: a comma, the speaker, the cue,
    then the end of the sentence or a comma. Returns the speaker and the token after the
    cue."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    slot = doc.slot_ending_at(cue.first - 1)
    nxt = _after_time_words(norm, cue.last + 1, s_hi)
    if slot is None:
        return _content_source_cue(found, ci, nxt)
    comma = slot.first - 1
    if slot.mention >= 0:
        # "…, Philippine Justice Secretary Elena Reyes said": capitalised modifiers before
        # the mention belong to the speaker
        k = comma
        while k > s_lo and comma - k < 2 and doc.text[doc.start[k] : doc.start[k] + 1].isupper():
            k -= 1
        if k < comma and norm[k] == ",":
            comma = k
    if comma > s_lo and norm[comma] in _ARTICLES and slot.mention >= 0:
        comma -= 1  # "…, the SPP announced."
    if not (comma > s_lo and norm[comma] == ",") or not (
        nxt > s_hi or norm[nxt] in _SENT_END or norm[nxt] == "," or norm[nxt] in _ADVERBIAL
    ):
        return None
    found.add(s_lo, comma - 1, "reported", slot, cue.cue)
    return slot, nxt


def _content_source_cue(found: _Found, ci: int, nxt: int) -> tuple[None, int] | None:
    """``…, a spokesman said on Monday.`` / ``…, media reports said.``: a comma, at most six
    words ending in a word of :data:`_UNNAMED_SOURCES`, the cue and the end of the sentence:
    reported speech with an NA speaker."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    if cue.first - 1 < s_lo or norm[cue.first - 1] not in _UNNAMED_SOURCES:
        return None
    if not (nxt > s_hi or norm[nxt] in _SENT_END or norm[nxt] == "," or norm[nxt] in _ADVERBIAL):
        return None
    for k in range(cue.first - 2, max(s_lo, cue.first - 8), -1):
        if norm[k] == ",":
            return (None, nxt) if found.add(s_lo, k - 1, "reported", None, cue.cue) else None
        if norm[k] in _BOUNDARY or norm[k] in _SENT_END or found.in_quotation(k):
            return None
    return None


_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "on", "last", "this", "week", "month", "year", "earlier", "later",
    "morning", "afternoon", "evening",
})  # fmt: skip


def _after_time_words(norm: np.ndarray, i: int, s_hi: int) -> int:
    """The first token from ``i`` on that is not a time word ("said Tuesday", "said on
    Monday", "said last week")."""
    j = i
    while j <= s_hi and j - i < 3 and norm[j] in _TIME_WORDS:
        j += 1
    return j


def _continuation(found: _Found, ci: int, slot: Slot, after: int) -> None:
    """``…, he said, noting that …``: a comma at ``after`` and a participle or verb cue right
    behind it continue with the same speaker up to the end of cue ``ci``'s sentence."""
    _continue_with(found, after, slot, found.doc.s_hi[found.cues[ci].first])


def _continue_with(found: _Found, after: int, slot: Slot | None, s_hi: int) -> None:
    """A comma at ``after`` and a participle or verb cue right behind it: reported speech of
    ``slot`` up to ``s_hi``."""
    norm = found.doc.norm
    if after + 1 > s_hi or norm[after] != ",":
        return
    cj = found.cue_at.get(after + 1)
    if cj is None or found.cues[cj].kind not in ("participle", "verb"):
        return
    found.consumed.add(cj)
    found.add(found.cues[cj].last + 1, s_hi, "reported", slot, found.cues[cj].cue)


def _speaker_cue_content(found: _Found, ci: int) -> None:
    """``[intro,] SPEAKER CUE [that] content``: the person whose mention ends right before the
    cue ("The Attorney-General of Examplia John Doe said" → the person, not the country),
    else the first speaker of the clause before the cue ("In his speech …, Vietnamese
    Prosecutor General Le Minh Tri affirmed …"); when the cue directly follows a comma, the
    clause before the appositive ("X, Head of Y, said")."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    c0 = cue.first
    slot = _subject(found, s_lo, c0)
    if s_lo == 0 and c0 >= 1 and norm[c0 - 1] in _HEADLINE_ROLES and norm[s_hi] not in _SENT_END:
        # headline "DOJ chief urges …": the role is named in the lede
        slot = _lede_person(doc, s_hi) or slot
    a = cue.last + 1
    if slot is None and c0 - 1 >= s_lo and norm[c0 - 1] == "and" and found.last_reported:
        # "X underlined A, and expressed B": the second predicate has the same speaker
        end, prev = found.last_reported
        if c0 - 3 <= end < c0 and doc.s_lo[end] == s_lo:
            slot = prev
    if slot is None and c0 - 2 >= s_lo and norm[c0 - 2] == "the" and norm[c0 - 1] in _ROLE_NOUNS:
        slot = Slot(-1, "he", c0 - 2, c0 - 1)  # "The minister proposed …"
    unnamed = (
        slot is None
        and cue.kind == "verb"
        and (
            (a <= s_hi and norm[a] == "that")
            or (c0 - 1 >= s_lo and norm[c0 - 1] in _UNNAMED_SOURCES)
        )
    )
    if slot is None and not unnamed:
        return
    j = _after_time_words(norm, a, s_hi)
    if any(norm[i] in _WEEKDAYS for i in range(a, j)):
        a = j  # "said Friday that …"
    if found.add(a, _content_end(found, ci, s_hi), "reported", slot, cue.cue):
        found.consumed.add(ci)


def _lede_person(doc: SpeakerDoc, s_hi: int) -> Slot | None:
    """The first person mentioned in the paragraph after the headline ending at ``s_hi``."""
    nxt = s_hi + 1
    if nxt >= len(doc.norm):
        return None
    para = doc.para[nxt]
    k = int(np.searchsorted(doc.m_first, nxt))
    while k < len(doc.m_first) and doc.para[doc.m_first[k]] == para:
        if doc.a_type[doc.m_row[k]] == "person":
            return Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))
        k += 1
    return None


def _subject(found: _Found, s_lo: int, c0: int) -> Slot | None:
    """The speaker of a cue at token ``c0``: the person whose mention ends right before it,
    else the first speaker of the clause before it; when only an appositive or auxiliaries
    stand between the last comma and the cue ("X, Head of Y, said", "Malaysia, which chairs
    ASEAN, has called for"), the first speaker of the clause before the appositive."""
    doc, norm = found.doc, found.doc.norm
    bounds = [i for i in range(s_lo, c0) if norm[i] in _BOUNDARY and not found.in_quotation(i)]
    seg_lo = bounds[-1] + 1 if bounds else s_lo
    while seg_lo < c0 and norm[seg_lo] in _AUX:
        seg_lo += 1
    if seg_lo <= c0 - 1:
        return doc.person_ending_at(c0 - 1) or doc.first_speaker_in(seg_lo, c0 - 1)
    if len(bounds) >= 2:
        prev_lo = bounds[-3] + 1 if len(bounds) >= 3 else s_lo
        return doc.first_speaker_in(prev_lo, bounds[-2] - 1)
    return None


def _content_end(found: _Found, ci: int, s_hi: int) -> int:
    """The last token of the content after cue ``ci``: the end of the sentence, or the token
    before ", while|whereas|but|and SPEAKER CUE" when another speaker's cue follows ("Myanmar
    asked for help, while Cambodia announced a unit")."""
    doc, norm, cue = found.doc, found.doc.norm, found.cues[ci]
    for cj in found.cues_from(cue.last + 1):
        nxt = found.cues[cj]
        if nxt.first > s_hi:
            break
        if nxt.kind == "verb" and norm[nxt.first - 1] == "and" and nxt.first - 2 > cue.last:
            return nxt.first - 2  # "underlined A, and expressed B"
        for k in range(nxt.first - 2, cue.last, -1):
            if norm[k] == "," and norm[k + 1] in _CLAUSE_JOINS:
                if doc.first_speaker_in(k + 2, nxt.first - 1) is not None:
                    return k - 1
                break
    return s_hi
