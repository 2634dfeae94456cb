"""Speakers named by a description of a body (issue 12, wave 9; held-out set 13): "China's top
procuratorate said …" is the body the table lists for it, not the country.

* A country's possessive, up to two describing words and a head noun before the cue
  ("Kenya's top prosecution office said", "Peru's national electoral body said"): when the
  head noun is a word of the name of exactly one organisation mentioned in the same document
  ("the Office of the Director of Public Prosecutions"; a head that many bodies share, such as
  "office" or "ministry", needs every describing word in the name too), that organisation
  speaks; otherwise
  the country speaks for its untabled body, as before (the guidelines of sets 3-13).
* An unnamed official "at|of|for|from the [word] NOUN" right before the cue ("A senior legal
  officer at the chambers said …", "a spokeswoman for the society said …"): the one
  organisation of the document whose name has the noun, by the same test (an unnamed official
  of a tabled body speaks for it, the guidelines of sets 3-13); otherwise NA as before.
* A headline's one-word subject ("Procuratorate says 38 fugitives returned …"): the one
  organisation of the document whose name has that word, when the word is not one that many
  bodies share ("Ministry says …", "Police say …" keep an NA speaker).
* "…, world football's governing body said." / "the sport's governing body said"
  (:func:`governing_body`): the organisation mentioned last in this or the three sentences
  before it.

:func:`described_bodies` runs once per document after the quote rules, on their rows.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.speakers import Found, Slot, SpeakerDoc

__all__ = ["BODY_AGENTS", "described_bodies", "governing_body"]

_WORD = re.compile(r"[^\W\d_]+")

# words of a description that say nothing of which body it is
_SKIP = frozenset({"top", "national", "main", "chief", "highest", "senior", "state", "own"})
_VAGUE = frozenset({"top", "main", "own", "senior"})
_POSSESSIVE = ("'s", "’s", "'", "’")
# heads that many bodies share: every describing word must then be in the name too ("Kenya's
# central bank" is the Central Bank of Kenya, "China's foreign ministry" not the Ministry of
# Public Security)
_GENERIC = frozenset({
    "office", "ministry", "department", "agency", "body", "authority", "authorities", "council",
    "commission", "service", "services", "court", "police", "government", "bureau", "unit",
    "administration", "committee", "board", "parliament", "assembly", "force", "forces", "bank",
    "party", "company", "group", "institute", "centre", "center", "organisation", "organization",
})  # fmt: skip


def _head(found: Found, k: int) -> int | None:
    """The head noun's token after the possessive mention ending at token ``k``: one to three
    words outside mentions, the last one right before a cue ("China's top procuratorate
    said"); else None."""
    doc, norm = found.doc, found.doc.norm
    if not norm[k].endswith(_POSSESSIVE):
        return None
    h = k + 1
    while h < len(norm) and h - k <= 3 and norm[h].isalpha() and not doc.in_mention[h]:
        if h + 1 in found.cue_at:
            return h
        h += 1
    return None


#: Who speaks for a body: "an official at the Ministry of Justice", "a spokesman for the office".
BODY_AGENTS: frozenset[str] = frozenset({
    "official", "officials", "officer", "officers", "spokesman", "spokeswoman", "spokesperson",
    "representative", "source", "sources",
})  # fmt: skip
_OF = frozenset({"at", "of", "for", "from"})


def _official_of(found: Found, c: int) -> tuple[int, int] | None:
    """(first describing word, head noun) of "OFFICIAL at|of|for|from the [word] NOUN" ending
    right before the cue at token ``c``; else None."""
    doc, norm = found.doc, found.doc.norm
    h = c - 1
    k = h
    while k > h - 3 and k >= 0 and norm[k].isalpha() and not doc.in_mention[k]:
        if norm[k] == "the":
            break
        k -= 1
    if k < 2 or k == h or norm[k] != "the" or norm[k - 1] not in _OF:
        return None
    if not any(norm[x] in BODY_AGENTS for x in range(max(int(doc.s_lo[c]), k - 5), k - 1)):
        return None
    return k + 1, h


def _org_words(found: Found) -> list[tuple[str, set[str]]]:
    doc = found.doc
    return [
        (str(doc.a_actor[m]), set(_WORD.findall(doc.text[doc.a_start[m] : doc.a_end[m]].lower())))
        for m in range(len(doc.a_type))
        if doc.a_type[m] == "organisation"
    ]


def _body(found: Found, orgs: list[tuple[str, set[str]]], lo: int, h: int) -> str | None:
    """The one organisation whose name has the head noun at ``h`` (and, for a noun many bodies
    share, every describing word from ``lo``)."""
    norm = found.doc.norm
    head = norm[h]
    if head in _SKIP:
        return None
    want = {head}
    if head in _GENERIC:
        want |= {norm[x] for x in range(lo, h)} - _VAGUE  # "national police" is not any police
    ids = {a for a, words in orgs if want <= words}
    return ids.pop() if len(ids) == 1 else None


def _unnamed_officials(found: Found) -> None:
    doc = found.doc
    orgs = None
    for c in found.cues:
        if c.first < 4 or doc.norm[c.first - 1] in _SKIP:
            continue
        hit = _official_of(found, c.first)
        if hit is None:
            continue
        orgs = _org_words(found) if orgs is None else orgs
        actor = _body(found, orgs, *hit)
        if actor is None:
            continue
        sent = int(doc.sent[c.first])
        for row in found.rows:
            if row["sent"] == sent and row["cue"] == c.cue and pd.isna(row["speaker_id"]):
                row.update(speaker_id=actor, speaker_start=int(doc.start[hit[0]]),
                           speaker_end=int(doc.end[hit[1]]), resolved_via="description")  # fmt: skip


def _headline_bodies(found: Found) -> None:
    doc, norm = found.doc, found.doc.norm
    orgs = None
    for c in found.cues:
        h = c.first - 1
        if h < 0 or h != doc.s_lo[c.first] or doc.in_mention[h] or norm[h] in _GENERIC:
            continue
        if not (norm[h].isalpha() and doc.text[int(doc.start[h])].isupper()):
            continue
        orgs = _org_words(found) if orgs is None else orgs
        actor = _body(found, orgs, h, h)
        if actor is None:
            continue
        sent = int(doc.sent[c.first])
        for row in found.rows:
            if row["sent"] == sent and row["cue"] == c.cue and pd.isna(row["speaker_id"]):
                row.update(speaker_id=actor, speaker_start=int(doc.start[h]),
                           speaker_end=int(doc.end[h]), resolved_via="description")  # fmt: skip


def _names_organisation(doc: SpeakerDoc) -> bool:
    """The document mentions an organisation: every rule of :func:`described_bodies` gives a
    quote to one (:func:`_body`), so without one there is nothing to do (issue 14)."""
    return "organisation" in doc.a_type.tolist()


def described_bodies(found: Found) -> None:
    """Give a quote whose speaker is a country's possessive before "[words] NOUN CUE" to the
    one organisation of the document whose name has that noun (see the module docstring)."""
    doc = found.doc
    if not found.rows or not _names_organisation(doc):
        return
    _unnamed_officials(found)
    _headline_bodies(found)
    orgs = None
    for row in found.rows:
        s0 = row["speaker_start"]
        if pd.isna(s0):
            continue
        j = int(np.searchsorted(doc.a_start, int(s0)))
        if j >= len(doc.a_start) or doc.a_start[j] != s0 or doc.a_type[j] != "country":
            continue
        k = int(np.searchsorted(doc.end, int(doc.a_end[j])))  # the token the mention ends in
        h = _head(found, k) if k < len(doc.end) else None
        if h is None:
            continue
        orgs = _org_words(found) if orgs is None else orgs
        actor = _body(found, orgs, k + 1, h)
        if actor is not None:
            row.update(speaker_id=actor, speaker_end=int(doc.end[h]), resolved_via="description")


def governing_body(doc: SpeakerDoc, noun: int) -> Slot | None:
    """ "[the|WORD's] governing body" ending at token ``noun`` (no mention in it): the
    organisation mentioned last before it, in its sentence or the three before; else None.

    Example:
        >>> governing_body(SpeakerDoc.__new__(SpeakerDoc), 0) is None
        True
    """
    if noun < 2:
        return None
    norm = doc.norm
    if norm[noun] != "body" or norm[noun - 1] != "governing" or doc.in_mention[noun - 2]:
        return None
    if norm[noun - 2] != "the" and not norm[noun - 2].endswith(_POSSESSIVE):
        return None
    k = int(np.searchsorted(doc.m_first, noun - 2)) - 1
    while k >= 0 and doc.sent[doc.m_first[k]] >= doc.sent[noun] - 3:
        if doc.a_type[doc.m_row[k]] == "organisation":
            return Slot(k, "", noun - 2, noun)
        k -= 1
    return None
