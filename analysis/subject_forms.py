"""The subject of a cue when it is a noun phrase with a name in it: a name in apposition after
a description ("the committee chair, Senator Fiona Grady, said"; "Indonesia's maritime security
agency, Bakamla, said"), the head of "X's Y" (also "Laos' Office of …"), and capitalised words
the table does not know. Moved out of :mod:`analysis.reported` (held-out set 16), which uses
them for reported speech.
"""

from __future__ import annotations

import numpy as np

from analysis import quote_forms as forms
from analysis.body_forms import BODY_AGENTS
from analysis.cues import UNNAMED_SOURCES
from analysis.report_forms import passive_clause
from analysis.speakers import UNNAMED, Found, Slot, SpeakerDoc

__all__ = ["INTRO_WORDS", "appositive_name", "head_of", "role_named_later", "untabled_name"]

_ARTICLES = frozenset({"the", "a", "an"})
#: Words that open a sentence before its subject ("In Hanoi, …", "Speaking to reporters, …").
INTRO_WORDS = frozenset({
    "in", "on", "at", "during", "after", "before", "meanwhile", "however", "separately",
    "speaking", "asked", "following", "earlier", "later", "also", "but", "and", "yet",
    "still", "according", "under", "with", "for", "from", "to", "by", "as", "since",
})  # fmt: skip
_PLACE_PREPS = frozenset({"in", "on", "from", "at", "near", "across", "inside"})
#: Who works at a body and speaks for it ("an official at the AGO", "a source at the OSPP").
_BODY_AGENTS = BODY_AGENTS | {"prosecutor", "prosecutors", "representatives"}
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})


def appositive_name(found: Found, s_lo: int, bounds: list[int]) -> Slot | None:
    """``DET NOUN …, NAME, CUE`` ("the committee chair, Senator Fiona Grady, said", "His
    lawyer, Bonar Siregar, told", "a senior DFAT official, Ms Laura Bennett, said"): a noun
    phrase opened by a determiner, without a person mention, then a name between commas
    right before the cue. A person mention there speaks; capitalised words the table does
    not know give UNNAMED; else None."""
    doc, norm = found.doc, found.doc.norm
    a, b = bounds[-2] + 1, bounds[-1] - 1
    head_lo = bounds[-3] + 1 if len(bounds) >= 3 else s_lo
    while head_lo < a - 1 and norm[head_lo] in INTRO_WORDS and norm[head_lo] not in _ARTICLES:
        head_lo += 1
    owner = doc.first_at.get(head_lo)
    if owner is not None:  # "Niger's junta leader, General X, said": the leader speaks
        last = int(doc.m_last[owner])
        owner = last if norm[last].endswith(("'s", "’s")) and norm[last + 1].islower() else None
    elif norm[head_lo].endswith(("'s", "’s")) and norm[head_lo + 1].islower():
        # "Indonesia's attorney general, Budi Santoso, said" (held-out set 42): the country's
        # possessive is part of the title (no mention of its own)
        owner = head_lo
    if b < a or (norm[head_lo] not in _DETERMINERS and owner is None):
        return None
    if passive_clause(norm, a, b):
        return None  # wave 12: "Myanmar's delegation, led by Deputy AG X, said": the delegation
    k = int(np.searchsorted(doc.m_first, head_lo))
    while k < len(doc.m_first) and doc.m_first[k] <= a - 2:
        if doc.a_type[doc.m_row[k]] == "person" or (owner is not None and doc.m_first[k] > owner):
            return None  # "Minister X's adviser, Y, said": the clause names a person first
        k += 1
    j = doc.last_at.get(b)
    if j is not None and doc.a_type[doc.m_row[j]] == "person" and doc.m_first[j] >= a:
        return Slot(j, "", int(doc.m_first[j]), b)
    # "Indonesia's maritime security agency, Bakamla, said": the body named (set 16)
    if (
        j is not None
        and doc.a_type[doc.m_row[j]] == "organisation"
        and (doc.m_first[j] == a or (doc.m_first[j] == a + 1 and norm[a] == "the"))
    ):
        return Slot(j, "", int(doc.m_first[j]), b)
    name = untabled_name(doc, a, b)
    if name is not None and name.first == a and b > a:
        return name
    return None


def head_of(doc: SpeakerDoc, slot: Slot, lo: int) -> Slot:
    """The head of the noun phrase that starts with mention ``slot``: "X's Y" → Y; a
    mention inside a place phrase after an unnamed noun ("Residents on the Myanmar side",
    "The authorities in Cambodia") → UNNAMED."""
    norm = doc.norm
    agent = forms.agent_of_person(doc, slot)
    if agent is not slot:
        return agent  # "Villalba's defence team said": not Villalba
    while True:
        last = doc.text[doc.start[slot.last] : doc.end[slot.last]]
        at = slot.last + 1
        # "Laos' Office of …": the apostrophe alone, its own token (held-out set 16)
        if not last.endswith(("'s", "’s")):
            if not (last.endswith("s") and at + 1 < len(norm) and norm[at] in ("'", "’")):
                break
            at += 1
        k = doc.first_at.get(at)
        if k is None:
            break
        slot = Slot(k, "", at, int(doc.m_last[k]))
    p = slot.first - 1
    if p >= lo and norm[p] in _ARTICLES:
        p -= 1  # "Residents on the Myanmar side", "A diplomat from an ASEAN member state"
    if p - 1 >= lo and norm[p] in _PLACE_PREPS and norm[p - 1] in UNNAMED_SOURCES:
        if (
            norm[p] == "from"
            and norm[slot.first - 1] not in ("a", "an")
            and doc.a_type[doc.m_row[slot.mention]] == "organisation"
        ):
            # "Observers from the OAS said": the body's people speak for it (held-out set
            # 16); not "a diplomat from an ASEAN member state" (set 4)
            return slot
        if (
            norm[p] in ("at", "in")
            and norm[p - 1] in _BODY_AGENTS
            and doc.a_type[doc.m_row[slot.mention]] == "organisation"
        ):
            # "An official at the AGO said", "a source at the OSPP", "a senior official in
            # the DOJ" (wave 18); not "officials in Phnom Penh" (a place)
            return slot
        return Slot(UNNAMED, "", lo, slot.last)
    return slot


def untabled_name(doc: SpeakerDoc, lo: int, end: int) -> Slot | None:
    """Capitalised words outside any mention ending at token ``end`` (a name, "Sen. Risa
    Hontiveros", "Ambassador Tanaka", "CCTV"): UNNAMED, else None. One word that opens the
    sentence ("Officials", "America") or a pronoun ("I", "We") is not a name."""
    norm = doc.norm
    k = end
    while k >= lo and end - k < 6:
        w = doc.text[doc.start[k] : doc.end[k]]
        if doc.in_mention[k] or not (w[:1].isupper() or (w == "." and k < end)):
            break
        k -= 1
    first = k + 1
    if first < end and norm[first] == "the" and first == doc.s_lo[first]:
        first += 1  # "The Attorney-General's Chambers said …" (a body not resolved; wave 20)
    if first > end or norm[first] in _FUNCTION_WORDS_SUBJ or norm[end] in _FUNCTION_WORDS_SUBJ:
        return None
    if (
        first == end
        and first - 1 >= 0
        and first - 1 == doc.s_lo[first]
        and norm[first - 1] == "the"
    ):
        return None  # "The Chambers said": one word after "The" is no name
    if first == end and first == doc.s_lo[first]:
        return None
    return Slot(UNNAMED, "", first, end)


_FUNCTION_WORDS_SUBJ = frozenset({
    "the", "a", "an", "it", "this", "that", "but", "and", "i", "we", "you", "they", "he",
    "she", "there", "these", "those", "my", "our", "his", "her", "their", "its",
})  # fmt: skip


#: Words of an unnamed role after a country's possessive in a wire lede: "China's top
#: prosecutor", "Indonesia's attorney general".
_LEDE_ROLE_WORDS = frozenset({
    "top", "chief", "senior", "prosecutor", "procurator", "attorney", "general", "minister",
    "justice", "foreign", "envoy", "diplomat", "president", "premier", "leader", "official",
})  # fmt: skip
_LEDE_ROLE_HEADS = frozenset({
    "prosecutor", "procurator", "general", "minister", "envoy", "diplomat", "president",
    "premier", "leader",
})  # fmt: skip


def role_named_later(doc: SpeakerDoc, slot: Slot, end: int) -> Slot | None:
    """A wire lede's "China's top prosecutor on Thursday urged …" (``slot`` the country's
    possessive, tokens up to ``end`` the role in lower case): the person the next paragraph
    names ("Procurator-General Zhao Minghui said …"; held-out set 37), when it names one
    before any other paragraph; else None (the country speaks, as set 11's unnamed "Fiji's
    prime minister")."""
    norm = doc.norm
    if slot.mention < 0 or doc.a_type[doc.m_row[slot.mention]] != "country":
        return None
    if not doc.possessive(slot.last):
        return None
    words = [w for w in norm[slot.last + 1 : end + 1] if w not in ("'s", "’s")]
    if not words or words[-1] not in _LEDE_ROLE_HEADS:
        return None
    if any(w not in _LEDE_ROLE_WORDS for w in words):
        return None
    return _person_named_next(doc, end)


def _person_named_next(doc: SpeakerDoc, end: int) -> Slot | None:
    """The first tabled person of the paragraph after the one of token ``end`` (no other
    paragraph in between), else None."""
    after = int(np.searchsorted(doc.para, doc.para[end], side="right"))  # the next paragraph
    if after >= len(doc.para):
        return None
    k = int(np.searchsorted(doc.m_first, end + 1))
    while k < len(doc.m_first) and doc.para[doc.m_first[k]] <= doc.para[after]:
        if doc.a_type[doc.m_row[k]] == "person":
            return Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))
        k += 1
    return None


def lede_role_after_content(doc: SpeakerDoc, s_lo: int, c: int) -> tuple[Slot | None, int] | None:
    """A wire lede's source after its content: "…, the country's top prosecutor said
    Wednesday." or "…, Indonesia's attorney general said." (held-out set 86), the role in
    lower case (:data:`_LEDE_ROLE_WORDS`) ending at token ``c`` right before the cue. Returns
    the speaker (the person the next paragraph names, else the country named as the owner,
    else None: an NA speaker) and the comma before the source; None when the words before the
    cue are not such a source."""
    norm = doc.norm
    p = c
    while p > s_lo and norm[p] != "," and c - p < 8:
        p -= 1
    if p <= s_lo or norm[p] != ",":
        return None
    i, owner = p + 1, None
    k = doc.first_at.get(i)
    if k is not None and doc.a_type[doc.m_row[k]] == "country":
        owner, i = Slot(k, "", i, int(doc.m_last[k])), int(doc.m_last[k]) + 1
        if not doc.possessive(owner.last):
            return None
    elif i + 1 <= c and norm[i] == "the" and norm[i + 1] in _LEDE_OWNERS:
        i += 2
    else:
        return None
    words = [w for w in norm[i : c + 1] if w not in ("'s", "’s")]
    if not words or words[-1] not in _LEDE_ROLE_HEADS:
        return None
    if any(w not in _LEDE_ROLE_WORDS for w in words):
        return None
    return _person_named_next(doc, c) or owner, p


# "the country's top prosecutor", "the nation's attorney general"
_LEDE_OWNERS = frozenset({
    "country's", "country’s", "nation's", "nation’s", "kingdom's", "kingdom’s", "country",
})  # fmt: skip
