"""Where the cue of a direct quote is: after the closing mark, before the opening mark, or a dash.

Part of :func:`analysis.quotes.find_quotes`. For each quotation of a document the direct-quote
pass asks these readers for its cue and speaker: :func:`cue_after_quote` (``"…", the President
emphasized`` / ``"…", said X``), then :func:`cue_before_quote` (``X said: "…"`` / ``According
to X, "…"``), then :func:`dash_attribution` (``"…" — Secretary-General Rahim Osman``);
:func:`earlier_subject` gives the speaker of a cue that continues a sentence ("Vendora, which
has …, said A and described B as '…'"). Each reader looks at a fixed window of tokens around
one quotation (:data:`WINDOW_AFTER` after the closing mark, a few before the opening mark), so
quote finding stays linear in document length.
"""

from __future__ import annotations

from analysis.cue_bounds import own_sentence
from analysis.cue_subjects import subject
from analysis.cues import AS_CUES, AUXILIARIES_AND_MODALS, FINDING_CUES, HEARING_CUES
from analysis.quote_forms import (
    demonym_body,
    it_speaker,
    past_object_pronoun,
    source_for_body,
    untabled_person_after,
    untabled_person_before,
)
from analysis.report_forms import located_mission, person_of_body
from analysis.reported import clause_start, clause_subject
from analysis.speakers import BOUNDARY, QUOTE_MARKS, SENT_END, TRIM_LEFT, Found, Slot, SpeakerDoc
from analysis.speech_forms import as_clause, opens_next_quote
from analysis.title_chains import NAME_PREFIXES

__all__ = [
    "AS_CUES",
    "WINDOW_AFTER",
    "cue_after_quote",
    "cue_before_quote",
    "dash_attribution",
    "earlier_subject",
]

_DASHES = frozenset({"-", "–", "—", "--"})
_TOLD_CUES = frozenset({"told", "tells"})
_HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col"})
# styles of address that may stand before a tabled title and name: "H.E. Prosecutor General X"
_STYLES = NAME_PREFIXES - {"his", "her", "'", "’"}
WINDOW_AFTER = 16  # tokens after a closing mark searched for the cue ("…," X of the Y (Z) told)
_WINDOW_BEFORE = 4  # tokens between a cue and an opening mark

_MAX_CUE_TOKENS = 4  # the longest default cue ("told reporters", "called upon") is 2 tokens


def dash_attribution(found: Found, close: int) -> Slot | None:
    """``"…" — Secretary-General Rahim Osman``: a dash after the closing mark and a mention
    that ends the paragraph (press releases, pull quotes). Its cue is "—"."""
    doc, norm = found.doc, found.doc.norm
    if close + 2 >= len(norm) or norm[close + 1] not in _DASHES:
        return None
    slot = doc.slot_starting_at(close + 2)
    if slot is None or slot.mention < 0:
        return None
    after = slot.last + 1
    if after < len(norm) and doc.para[after] == doc.para[close] and norm[after] not in SENT_END:
        return None
    return slot


def cue_after_quote(found: Found, close: int) -> tuple[int, Slot | None] | None:
    """``"…", the President emphasized`` / ``"…", said X``: the first cue after the closing
    mark ``close``, before the end of the sentence, another quotation mark, the end of the
    paragraph, or :data:`WINDOW_AFTER` tokens. The speaker ends right before the cue or
    starts right after it (NA if neither)."""
    doc, norm = found.doc, found.doc.norm
    if opens_next_quote(doc, close):
        return None  # '"…." As she told X, "…"': that cue belongs to the next quotation
    stop = min(len(norm), close + 1 + WINDOW_AFTER)
    para = doc.para
    for j in range(close + 1, stop):
        w = norm[j]
        if w in SENT_END:
            if norm[j - 1] in _HONORIFICS or (
                j + 1 < len(norm)
                and doc.s_lo[j + 1] == doc.s_lo[j]
                and norm[j - 1].isalpha()
                and len(norm[j - 1]) <= 4
            ):
                # '"…," Ms. Whitmore said'; '"…," PAOCC spokesperson Ma. Lourdes Galang said'
                # (an abbreviation the sentence splitter knows; held-out set 26)
                continue
            break
        # (not the marks of a nickname inside a tabled name: '"…," Senator Jose "Pepe" Reyes
        # said')
        if (w in QUOTE_MARKS and not doc.in_mention[j]) or para[j] != para[close]:
            break
    else:
        j = stop
    for ci in found.cues_from(close + 1):
        cue = found.cues[ci]
        if cue.first >= j:
            break
        if norm[cue.first - 1] in ("and", "but"):
            break  # "… 'firm action' and pledged to …": a second predicate, not attribution
        if cue.kind == "direct" or cue.cue in FINDING_CUES or cue.cue in HEARING_CUES:
            continue  # "…", and that he had found that …: these open what follows
        if cue.last < j:
            slot = doc.slot_ending_at(cue.first - 1) if cue.first - 1 > close else None
            # '"…," Deputy Procurator-General X of the SPP said' (held-out set 40): the person
            slot = person_of_body(doc, slot)
            if slot is None:  # "said CCG spokesperson Liu Dejun": the untabled person
                slot = untabled_person_after(doc, doc.slot_starting_at(cue.last + 1))
            if slot is None and cue.last + 2 < len(norm) and norm[cue.last + 1] in _STYLES:
                # '"…," said H.E. Prosecutor General Dr. X, who …' (wave 20, set 85)
                slot = doc.slot_starting_at(cue.last + 2)
                slot = slot if slot is not None and slot.mention >= 0 else None
            if slot is None and cue.first - 2 > close and norm[cue.first - 1] == ",":
                # '"…," the committee chair, Senator Fiona Grady, said': the appositive person
                slot = _appositive_person(doc, close, cue.first - 2)
            if slot is None and cue.first - 1 > close:
                # '"…," PAOCC spokesperson Lourdes Galang said': a person the table does not
                # know, not the body (held-out set 26)
                slot = untabled_person_before(doc, close + 1, cue.first - 1)
            if slot is None and cue.first - 1 > close:
                # '"…," a U.S. State Department spokesperson said': the actor whose official
                # speaks
                slot = doc.first_mention_in(close + 1, cue.first - 1)
            if slot is None and cue.first - 1 > close + 1:
                # '"…," a Thai prosecutor involved in the screening told AFP': the country of
                # the official (held-out set 28)
                slot = demonym_body(doc, close + 1, cue.first - 1)
            if slot is None and cue.last + 2 < len(norm) and norm[cue.last + 1] in ("a", "an"):
                # '"…," said a Lao prosecutor who attended …' (wave 17, set 49)
                slot = demonym_body(doc, cue.last + 1, min(len(norm) - 1, cue.last + 4))
            if slot is None:
                # '"…," said a spokeswoman for International Justice Mission' (wave 25)
                slot = source_for_body(doc, cue.last + 1)
            if own_sentence(doc, close, cue):
                return None  # '… "until they are gone." He vowed to …' (wave 13)
            return ci, slot
    return None


def earlier_subject(found: Found, c0: int) -> Slot | None:
    """The speaker of the first verb cue of the sentence of token ``c0``, before it (a cue
    that continues a sentence: "Vendora, which has …, said A and described B as '…'")."""
    doc = found.doc
    s_lo = int(doc.s_lo[c0])
    for ci in found.cues_from(s_lo):
        cue = found.cues[ci]
        if cue.first >= c0:
            break
        if cue.kind == "verb" and not found.in_quotation(cue.first):
            return subject(found, s_lo, cue.first)
    if c0 - 1 > s_lo and doc.norm[c0 - 1] == ",":
        return subject(found, s_lo, c0)  # "Fiorito, who led the case early on, called …"
    return None


def _appositive_person(doc: SpeakerDoc, lo: int, i: int) -> Slot | None:
    """A person mention ending at token ``i`` that follows "NOUN," (an appositive: "the
    committee chair, Senator Fiona Grady"), after token ``lo``."""
    k = doc.last_at.get(i)
    if k is None or doc.a_type[doc.m_row[k]] != "person":
        return None
    f = int(doc.m_first[k])
    if f - 2 <= lo or doc.norm[f - 1] != "," or doc.in_mention[f - 2]:
        return None
    return Slot(k, "", f, i) if doc.norm[f - 2][:1].isalpha() else None


def cue_before_quote(found: Found, o: int) -> tuple[int, Slot | None] | None:
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
        if cue.last >= o or o - cue.last > reach:
            continue
        if doc.para[cue.first] != doc.para[o] and not (
            # 'Attorney-General X said:' closing a paragraph, the quotation opening the next
            # (a release's numbered paragraphs; wave 18, held-out set 59)
            o >= 1
            and norm[o - 1] == ":"
            and doc.para[o - 1] == doc.para[cue.first]
            and doc.para[o - 1] != doc.para[o]
        ):
            continue
        gap = range(cue.last + 1, o)
        if cue.cue in _TOLD_CUES and o - cue.last > 1:
            gap = range(past_object_pronoun(doc, cue.last + 1, o), o)  # "told me yesterday, '…'"
        if cue.kind == "direct":
            # "Zhao praised the government for its '…'": a speaker must stand before the cue
            if (doc.s_lo[cue.first] != doc.s_lo[o] and gap != range(o - 1, o)) or any(
                norm[i] in SENT_END for i in gap
            ):
                continue  # (the quotation may open the paragraph after "He went on:")
            # "welcomed the decision, saying mortgage holders would "…"": a speech cue between
            # them attributes the quotation (set 15)
            if any(found.cues[k].kind != "direct" and cue.last < found.cues[k].first < o
                   for k in range(ci + 1, min(ci + 4, len(found.cues)))):  # fmt: skip
                continue
            # "welcomed the proposal and would study it "with an open mind"": the quotation is
            # in a second predicate, not the cue's object (wave 25, set 130)
            if any(
                norm[i] in ("and", "but") and norm[i + 1] in AUXILIARIES_AND_MODALS for i in gap
            ):
                continue
            slot = person_of_body(doc, doc.slot_ending_at(cue.first - 1))  # "X of Y praised"
            slot = slot or clause_subject(doc, cue.first)
            if slot is None and cue.first >= 1:
                slot = it_speaker(doc, cue.first - 1)  # "It thanked the Thai side for its '…'"
            if slot is None or norm[cue.first - 1] in ("and", "but", ","):
                # "Fiorito, who led the case, called the ruling '…'"; "X said … and described
                # the fine as '…'": the subject of the sentence's first cue
                slot = earlier_subject(found, cue.first) or slot
            if slot is None:
                # "A spokesperson for the Chinese Embassy in Jakarta thanked Indonesia for its
                # '…'", "The Chinese embassy thanked Phnom Penh for its '…'" (wave 20): the
                # country of the embassy or official
                lo = clause_start(norm, int(doc.s_lo[cue.first]), cue.first)
                slot = located_mission(doc, lo, cue.first - 1) or demonym_body(
                    doc, lo, cue.first - 1
                )
            if slot is None and not as_clause(doc, cue, o):
                continue  # 'As the judges put it, "…"' keeps its quote with an NA speaker
            return ci, slot
        # after "demanded that" the next mention opens what is said, it does not say it
        slot = doc.slot_starting_at(cue.last + 1) if gap and norm[cue.last] != "that" else None
        rest = [i for i in gap if slot is None or i > slot.last]
        described_as = (
            cue.cue in AS_CUES
            and 1 <= len(rest) <= _WINDOW_BEFORE + 2
            and norm[o - 1] == "as"
            and not any(norm[i] in BOUNDARY or norm[i] in SENT_END for i in rest)
        )  # "described the proposal as '…'"
        if described_as:
            slot = None
        elif as_clause(doc, cue, o):  # 'As I told the committee in May, "…"': the subject
            slot = doc.slot_ending_at(cue.first - 1) or clause_subject(doc, cue.first)
        elif len(rest) > _WINDOW_BEFORE or any(norm[i] not in TRIM_LEFT for i in rest):
            continue
        elif slot is not None and not rest and cue.kind == "verb" and cue.first - 1 >= 0:
            # 'Reyes said Washington "strongly supports" …': the mention after the cue opens
            # the reported clause; the cue's own subject speaks
            own = doc.slot_ending_at(cue.first - 1)
            if own is None and doc.possessive(slot.last):
                # 'X, who was in Singapore for …, pledged Malaysia's "full support"': the
                # owner of what is pledged does not speak (wave 20, set 83)
                own = subject(found, int(doc.s_lo[cue.first]), cue.first)
            slot = own or slot
        if slot is None and cue.kind != "according" and norm[cue.first - 1] in ("and", "but"):
            slot = earlier_subject(found, cue.first)  # "X said … and described it as '…'"
        if slot is None and cue.kind != "according":
            # 'X of Human Rights Watch described the deal as "…"': the person (wave 17)
            slot = person_of_body(doc, doc.slot_ending_at(cue.first - 1))
            if slot is None:
                slot = clause_subject(doc, cue.first)
            if slot is None:  # "Zhao, speaking through an interpreter, said: '…'"
                slot = subject(found, int(doc.s_lo[cue.first]), cue.first)
        return ci, slot
    return None
