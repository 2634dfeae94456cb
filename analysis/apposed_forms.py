"""News forms of attribution added in wave 12 (held-out sets 18 and 19), kept out of the
older rules.

Part of :func:`analysis.quotes.find_quotes`; hand-written like the rest of the quote layer
(each rule is one news form checked on a few tokens around one cue). The forms:

* a body named after a descriptor that names another actor (:func:`named_after_descriptor`):
  "The EU border agency Frontex reported that …", "the UN refugee agency UNHCR said" → the body
  named last (the descriptor says what it is; its actor does not speak);
* a mission "in PLACE" after "according to" (:func:`mission_source`): "According to the Chinese
  Embassy in Kuala Lumpur, …" speaks for China, as the mission does as a subject
  (:func:`analysis.report_forms.located_mission`);
* "they" in ", in which they agreed that …" after a sentence opening that names no actor
  ("the delegations adopted the Declaration, …"): an NA speaker (:func:`unnamed_they`), not
  the actor of an earlier sentence;
* ``ROLE says …`` in a headline line after the first one (:func:`standfirst_person`): the
  first person named later with that role ("Foreign Minister says … / … Foreign Minister
  Graham Whitaker said …").
"""

from __future__ import annotations

from analysis.cues import UNNAMED_SOURCES
from analysis.speakers import Slot, SpeakerDoc

__all__ = [
    "example_of_unnamed",
    "relative_before_cue",
    "named_after_descriptor",
    "standfirst_person",
    "unnamed_they",
]

# words that join two actors rather than describe the second one ("the EU and Frontex")
_JOINING = frozenset({
    "and", "or", "of", "with", "for", "to", "in", "on", "at", "by", "from", "nor", "than",
    "the", "a", "an", "its", "their",
})  # fmt: skip
_DESCRIPTOR_MAX = 3  # lower-case words between the two names ("border agency", "anti-graft body")


def named_after_descriptor(doc: SpeakerDoc, slot: Slot, end: int) -> Slot | None:
    """``[the] ACTOR descriptor ORGANISATION CUE`` ("The EU border agency Frontex reported"):
    the organisation whose mention ends at ``end`` when only one to three lower-case words
    (optionally after the first actor's possessive) stand between it and the mention ``slot``
    that opens the clause; else None."""
    k = doc.last_at.get(end)
    if k is None or k == slot.mention or doc.a_type[doc.m_row[k]] != "organisation":
        return None
    a, b = slot.last + 1, int(doc.m_first[k]) - 1
    if a <= b and doc.norm[a] in ("'s", "’s"):
        a += 1
    if not 1 <= b - a + 1 <= _DESCRIPTOR_MAX:
        return None
    for i in range(a, b + 1):
        w = doc.norm[i]
        if w in _JOINING or doc.in_mention[i] or not doc.text[doc.start[i]].islower():
            return None
        if not w.replace("-", "").isalpha():
            return None
    return Slot(k, "", int(doc.m_first[k]), end)


_RELATIVE_PREPS = frozenset({"in", "under", "by", "with", "through"})


def unnamed_they(doc: SpeakerDoc, s_lo: int, slot: Slot | None) -> bool:
    """``slot`` is "they" in ", in|under|by which they …" and its sentence names no actor
    before it ("the delegations adopted the Hanoi Declaration, in which they agreed that …"):
    the pronoun refers to the unnamed group of its own sentence, not to an actor of an earlier
    sentence (an NA speaker)."""
    if slot is None or slot.mention != -1 or slot.pronoun != "they":
        return False
    p, norm = slot.first, doc.norm
    if p - 3 < s_lo or norm[p - 1] != "which" or norm[p - 3] != ",":
        return False
    return norm[p - 2] in _RELATIVE_PREPS and doc.first_mention_in(s_lo, p - 1) is None


def example_of_unnamed(doc: SpeakerDoc, s_lo: int, slot: Slot | None) -> bool:
    """``slot`` is an example after ", including|among them [the]" of an unnamed source that
    opens the sentence ("Critics, including the judges' association X, say …"): the critics
    speak, an NA speaker (wave 13)."""
    if slot is None or slot.mention < 0:
        return False
    norm, p = doc.norm, slot.first - 1
    if p > s_lo and norm[p] in ("the", "a", "an"):
        p -= 1
    if p - 1 <= s_lo or norm[p] != "including" or norm[p - 1] != ",":
        return False
    return any(norm[i] in UNNAMED_SOURCES for i in range(s_lo, min(s_lo + 3, p - 1)))


def relative_before_cue(norm: list, first: int, last: int, firsts: set[int]) -> bool:
    """The cue at ``first..last`` opens a short relative clause ", which|who CUE up to three
    words ," right before another cue ("X, which observed the vote, said …"): the clause's
    verb takes an object, the sentence's cue comes after it (wave 13).

    Example:
        >>> norm = ["x", ",", "which", "observed", "the", "vote", ",", "said", "it"]
        >>> relative_before_cue(norm, 3, 3, {3, 7})
        True
        >>> relative_before_cue(norm, 7, 7, {3, 7})
        False
    """
    if first < 2 or norm[first - 1] not in ("which", "who") or norm[first - 2] != ",":
        return False
    comma = next((i for i in range(last + 1, min(len(norm), last + 5)) if norm[i] == ","), None)
    return comma is not None and comma + 1 in firsts and "that" not in norm[last + 1 : comma]


_STANDFIRST_REACH = 400  # tokens searched after a headline for the person of its role


def standfirst_person(doc: SpeakerDoc, s_lo: int, s_hi: int, role: int) -> Slot | None:
    """``ROLE says …`` in a headline line after the first one ("NZ pauses aid over China
    deals / Foreign Minister says Wellington was not consulted"): no sentence has ended before
    it; the speaker is the first person after it whose mention holds the role noun at token
    ``role`` or follows it within three tokens ("Foreign Minister Graham Whitaker said"), else
    None."""
    norm = doc.norm
    if s_lo == 0 or any(norm[i] in (".", "!", "?") for i in range(s_lo)):
        return None
    word = norm[role]
    hi = min(len(norm), s_hi + _STANDFIRST_REACH)
    for i in range(s_hi + 1, hi):
        k = doc.first_at.get(i)
        if k is None or doc.a_type[doc.m_row[k]] != "person":
            continue
        last = int(doc.m_last[k])
        if word in norm[max(s_hi + 1, i - 3) : last + 1]:
            return Slot(k, "", i, last)
    return None
