"""The attribution after the content: ``CONTENT, SPEAKER CUE [ADDRESSEE] [WHEN].``

Part of :func:`analysis.quotes.find_quotes` (used by :mod:`analysis.reported`). Wire ledes and
agency copy put what is said first and the source last, with more words around the source
than "…, she said." (issue 12, held-out sets 5 and 6):

* a date after the cue: "…, the police said on June 3.", "… said on Sept. 13."
  (:func:`after_time_words`);
* an audience after "told": "…, the chairman told a news conference in Abuja.", "…, he told
  AFP." (:func:`past_addressee`);
* a parenthesised abbreviation before the cue: "…, the National Drought Management Authority
  (NDMA) said yesterday." (:func:`before_abbreviation`);
* a possessive in the speaker phrase: "…, the European Union's police agency Europol said",
  "…, Britain's National Crime Agency said" (:func:`phrase_start`);
* an attribution inside the clause: "a captain who, officials said, had switched off …"
  (:func:`parenthetical`);
* a body named only by its noun: "…, the ministry said" after "Vietnam's trade ministry", "X
  will …, the government said" (:func:`body_country`).

Every helper looks at a few tokens around one cue (no loop over the document).
"""

from __future__ import annotations

import numpy as np

from analysis.cues import UNNAMED_SOURCES
from analysis.dates import MONTH_NAMES
from analysis.speakers import SENT_END, Slot, SpeakerDoc

__all__ = [
    "MONTHS",
    "AUDIENCE_NOUNS",
    "after_time_words",
    "past_addressee",
    "before_abbreviation",
    "phrase_start",
    "parenthetical",
    "body_country",
    "closing_attribution",
    "sole_country",
]

#: Month names and their news abbreviations ("on June 3", "on Sept. 13", "on 14 May").
MONTHS: frozenset[str] = MONTH_NAMES
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "on", "last", "this", "week", "month", "year", "earlier", "later",
    "morning", "afternoon", "evening",
    # "he said afterwards that …" (wave 21, set 71)
    "afterwards", "afterward", "subsequently", "again",
})  # fmt: skip
#: Nouns of an audience after "told": "told a news conference", "told the briefing",
#: "told parliament" (what follows is not what is said).
AUDIENCE_NOUNS: frozenset[str] = frozenset({
    "conference", "briefing", "meeting", "hearing", "summit", "forum", "session", "committee",
    "parliament", "congress", "senate", "assembly", "reporters", "journalists", "audience",
    "interview", "gathering", "rally", "lawmakers", "delegates", "media", "press", "crowd",
    # wave 18: "told a seminar", "told the national legislature on Sunday", "told the plenary"
    "seminar", "workshop", "legislature", "plenary", "symposium", "webinar", "panel",
    "lecture", "ceremony", "participants", "correspondents", "students",
    # wave 20: "told his regional counterparts", "told her guests"
    "counterparts", "colleagues", "guests", "visitors", "delegations",
    # wave 30: "…, prosecutors told a Singapore court on Thursday." (held-out set 174)
    "court", "jury", "judge", "judges", "tribunal", "inquiry",
})  # fmt: skip
# a participle clause after the addressee: "…, an officer told AFP, asking not to be named"
_ASIDE_PARTICIPLES = frozenset({"asking", "speaking", "declining", "requesting"})
# what may follow ", told OUTLET,": when the telling happened, not what was told
_AFTER_OUTLET = frozenset({
    "days", "hours", "weeks", "months", "a", "after", "as", "while", "when", "ahead", "amid",
    "following", "before", "shortly", "just",
})  # fmt: skip
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE_DETS = frozenset({"his", "her", "their", "its", "our"})
_POSSESSIVE = ("'s", "’s")
_RELATIVES = frozenset({"who", "which", "that"})
# "the ministry said": a noun that names a body of a country (an untabled speaker for it)
_BODY_NOUNS = frozenset({"ministry", "government", "cabinet", "presidency"})
_BODY_REACH = 300  # tokens searched back for "COUNTRY's … ministry"


def after_time_words(norm, i: int, s_hi: int) -> int:
    """The first token from ``i`` on that is not part of a time phrase: "said Tuesday", "said
    on Monday", "said last week", "said on June 3", "said on Sept. 13", "said on 14 May".
    A number or a month counts only after "on", a number or a month ("said 14 people …" and
    "said May …" are content).

    Example:
        >>> from analysis.attribution import after_time_words
        >>> after_time_words(["said", "on", "sept", ".", "13", ".", "x"], 1, 6)
        5
        >>> after_time_words(["said", "14", "people"], 1, 2)
        1
    """
    j = i
    dated = False  # after "on", a month or a number
    while j <= s_hi and j - i < 5:
        w = norm[j]
        if w in _TIME_WORDS and w != "may":
            dated = w == "on"
        elif (w in MONTHS or w.isdigit()) and dated:
            pass
        elif w == "." and norm[j - 1] in MONTHS and j + 1 <= s_hi and norm[j + 1].isdigit():
            pass  # "Sept. 13": the abbreviation's full stop
        else:
            break
        dated = dated or w in MONTHS or w.isdigit()
        j += 1
    return j


def past_addressee(doc: SpeakerDoc, i: int, s_hi: int) -> int:
    """After "told" at token ``i - 1``: the token after an audience ("a news conference", "the
    briefing", "parliament") or a name ("AFP", "Reuters") that ends the clause, else ``i``."""
    norm = doc.norm
    # "…, X told his regional counterparts yesterday as …" (wave 20, set 85)
    j = i + 1 if i <= s_hi and (norm[i] in _ARTICLES or norm[i] in _POSSESSIVE_DETS) else i
    for k in range(j, min(s_hi, j + 3) + 1):
        if norm[k] in AUDIENCE_NOUNS:
            while k + 1 <= s_hi and norm[k + 1] in AUDIENCE_NOUNS:
                k += 1  # "a press briefing" (held-out set 30)
            return after_time_words(norm, k + 1, s_hi)
        if not norm[k][:1].isalpha():
            break
    k = j
    while k <= s_hi and k - j < 4 and doc.text[doc.start[k] : doc.start[k] + 1].isupper():
        k += 1
    if k > j and tuple(norm[k : k + 4]) == ("on", "condition", "of", "anonymity"):
        return k + 4  # "…, an officer told The Nation on condition of anonymity."
    if k > j:
        k = after_time_words(norm, k, s_hi)  # "…, he told the Global Times on Thursday."
    if k > j and (k > s_hi or norm[k] in SENT_END):
        return k  # "…, he told AFP."
    if k > j and k < s_hi and norm[k] == "," and norm[k + 1] in _ASIDE_PARTICIPLES:
        return k  # "…, an officer told AFP, asking not to be named …" (wave 18)
    if k > j and k < s_hi and norm[k] == "," and norm[k + 1] in _AFTER_OUTLET:
        return k  # "…, officials told Radio Free Asia, days after Laos joined …" (wave 20)
    return i


def before_abbreviation(norm, c: int, s_lo: int) -> int:
    """Token ``c`` closes "(ABBR)" of one token: the token before the bracket, else ``c``
    ("…, the National Crime Agency (NCA) said": the mention ends before "(NCA)")."""
    if norm[c] == ")" and c - 3 >= s_lo and norm[c - 2] == "(" and norm[c - 1][:1].isalpha():
        return c - 3
    return c


def phrase_start(doc: SpeakerDoc, first: int, s_lo: int, cue_at: dict) -> int:
    """The comma that opens the speaker phrase ending in the mention starting at ``first``:
    modifiers and possessive mentions before it belong to the speaker ("…, the European
    Union's police agency Europol said", "…, Philippine Justice Secretary Elena Reyes said");
    ``first - 1`` when no comma is reached within seven tokens."""
    norm = doc.norm
    k = first - 1
    owner = False  # inside a possessive mention ("European Union's")
    reach = 7
    while k > s_lo and first - 1 - k < reach:
        w = norm[k]
        if w == ",":
            return k
        if doc.in_mention[k]:
            owner = w.endswith(_POSSESSIVE) or (owner and doc.in_mention[k + 1])
            m = doc.last_at.get(k)
            if (
                not owner
                and m is not None
                and doc.a_type[doc.m_row[m]] == "organisation"
                and doc.text[int(doc.start[k + 1]) : int(doc.start[k + 1]) + 1].islower()
            ):
                # a body's name before its official's role: "…, Supreme People's
                # Procuratorate spokeswoman Feng Yiran told a press briefing." (set 30)
                reach += k - int(doc.m_first[m])
                k = int(doc.m_first[m]) - 1
                continue
            if not owner:
                break
        elif not w[:1].isalpha() or k in cue_at:
            break
        else:
            owner = False
        k -= 1
    return first - 1


def parenthetical(norm, comma: int, nxt: int, s_lo: int, s_hi: int) -> tuple[int, int] | None:
    """``… who, SOURCE CUE, content``: the comma at ``comma`` opens the attribution and
    follows a relative pronoun, and a comma at ``nxt`` closes it; the content is the rest
    of the sentence (tokens ``nxt + 1 .. s_hi``)."""
    # not a sentence-opening "That, he added, was …" (a demonstrative)
    if comma - 1 > s_lo and norm[comma - 1] in _RELATIVES and nxt <= s_hi and norm[nxt] == ",":
        return nxt + 1, s_hi
    return None


def body_country(doc: SpeakerDoc, noun: int, s_lo: int) -> Slot | None:
    """ "the ministry" / "the government" at token ``noun`` (no mention in it): the country
    whose body it is: the country written as "COUNTRY's [word] NOUN" earlier ("Vietnam's trade
    ministry … the ministry said"), else, for "the government", the country that opens the
    sentence ("Papua New Guinea will …, the government said")."""
    norm = doc.norm
    w = norm[noun]
    if w not in _BODY_NOUNS or noun < 1 or norm[noun - 1] != "the":
        return None
    for j in range(noun - 2, max(-1, noun - _BODY_REACH), -1):
        if norm[j] != w:
            continue
        for p in (j - 1, j - 2):
            k = doc.last_at.get(p)
            if p >= 0 and k is not None and norm[p].endswith(_POSSESSIVE):
                if doc.a_type[doc.m_row[k]] == "country":
                    return Slot(k, "", noun - 1, noun)
                return None
    if w == "government":
        k = doc.first_at.get(s_lo)
        if k is not None and doc.a_type[doc.m_row[k]] == "country":
            return Slot(k, "", noun - 1, noun)
        k = sole_country(doc, noun)  # "…, the government said, as Thailand tightens …"
        if k is not None:
            return Slot(k, "", noun - 1, noun)
    return None


def closing_attribution(found, ci: int, s_hi: int) -> bool:
    """A later verb cue of the sentence closes it as ``…, SOURCE CUE [when].`` ("… that rich
    nations have promised to poorer ones, delegates said."): cue ``ci`` is then inside what
    that source says, and is left to it (used for cues without a tabled speaker)."""
    norm, cue = found.doc.norm, found.cues[ci]
    for cj in found.cues_from(cue.last + 1):
        nxt = found.cues[cj]
        if nxt.first > s_hi:
            break
        end = after_time_words(norm, nxt.last + 1, s_hi)
        if nxt.kind != "verb" or not (end > s_hi or norm[end] in SENT_END):
            continue
        # the word before the later cue names a source: "delegates", "the ministry", a mention
        w = norm[nxt.first - 1]
        if not (w in UNNAMED_SOURCES or found.doc.last_at.get(nxt.first - 1) is not None):
            continue
        if any(norm[k] == "," for k in range(max(cue.last + 1, nxt.first - 7), nxt.first - 1)):
            return True
    return False


def sole_country(doc: SpeakerDoc, i: int) -> int | None:
    """The one country named in the sentence of token ``i`` ("…, the government said on
    Thursday, as Thailand tightens …"), or, when the sentence names none, the one country
    named before it (the headline: "Brazil police raid fintechs … ¶ …, the government said");
    the index of its first eligible mention there, else None (two countries, or none)."""
    lo, hi = int(doc.s_lo[i]), int(doc.s_hi[i])
    for a, b in ((lo, hi), (0, lo - 1)):
        k0 = int(np.searchsorted(doc.m_first, a))
        k1 = int(np.searchsorted(doc.m_first, b, side="right"))
        found: dict[str, int] = {}
        for k in range(k0, k1):
            if doc.a_type[doc.m_row[k]] == "country":
                found.setdefault(doc.a_actor[doc.m_row[k]], k)
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None
