"""Reported speech: the forms without quotation marks, and who speaks in them.

Part of :func:`analysis.quotes.find_quotes` (see its module docstring for the forms): after
the direct quotes of a document are found, :func:`reported_speech` reads every cue they left
("said", "called for", "according to" …) and adds the reported speech it introduces, with its
speaker: a mention next to the cue, the subject of the clause before it (:func:`subject`), a
pronoun or a definite description ("the minister", "the police"), someone the table does not
know (an NA speaker: "Ambassador Tanaka said", "Analysts in Tokyo said"), or an unnamed
source ("a spokesman said", "according to a statement"). Every look-up is a dictionary, a
binary search or an array index, so that quote finding stays linear in document length.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis import clause_forms as clause  # the wave-9 news forms (held-out set 14)
from analysis import quote_forms as forms  # the wave-5 news forms (held-out set 9)
from analysis import speech_forms as speech  # the wave-6 news forms (held-out set 10)
from analysis.apposed_forms import (
    example_of_unnamed,
    standfirst_person,
    unnamed_they,
)
from analysis.attribution import (
    AUDIENCE_NOUNS,
    after_time_words,
    before_abbreviation,
    body_country,
    closing_attribution,
    parenthetical,
    past_addressee,
    phrase_start,
)
from analysis.body_forms import governing_body
from analysis.charge_forms import (
    demonym_after_comma,
    passive_charge,
)  # the wave-11 charges (held-out set 17)
from analysis.cue_subjects import RELATIVES, TIME_WORDS, joint_subject, subject
from analysis.cues import (
    AS_CUES,
    AUXILIARIES_AND_MODALS,
    BASE_FORMS,
    FINDING_BODIES,
    FINDING_CUES,
    FINITE_AUXILIARIES,
    HEARING_BODIES,
    HEARING_CUES,
    SOURCE_NOUNS,
    UNNAMED_SOURCES,
)
from analysis.dates import WEEKDAY_NAMES
from analysis.report_forms import (
    NOMINAL_CUES,
    ORG_DOCUMENTS,
    answer_it,
    answer_start,
    appositive_source,
    bracketed_alias,
    it_after_body,
    it_after_subject,
    mission_at,
    nominal_subject,
    owner_body,
    reported_just_before,
    source_ends,
    titled_person_source,
)
from analysis.speakers import (
    BOUNDARY,
    CLOSING_MARKS,
    DOCUMENT_NOUNS,
    QUOTE_MARKS,
    SENT_END,
    SPEAKER_TYPES,
    UNNAMED,
    Cue,
    Found,
    Slot,
    SpeakerDoc,
)
from analysis.subject_forms import (
    INTRO_WORDS,
    head_of,
    lede_role_after_content,
    role_named_later,
    untabled_name,
)

__all__ = [
    "clause_opens",
    "CLAUSE_OPENERS",
    "reported_speech",
    "subject",  # moved to analysis.cue_subjects; re-exported for old imports
    "clause_subject",
    "clause_start",
    "continue_with",
    "lede_person",
    "HEADLINE_ROLES",
]

_ARTICLES = frozenset({"the", "a", "an"})
# "…, he said after a meeting …": words that start an adverbial after the cue, not content
_ADVERBIAL = frozenset({
    "after", "during", "while", "when", "before", "following", "here", "today", "yesterday",
    "later", "earlier", "tonight", "in", "at",
})  # fmt: skip
_CLAUSE_JOINS = frozenset({"while", "whereas", "but", "and"})
# "The minister proposed …": a definite role noun with no mention resolves like "he"
_ROLE_NOUNS = frozenset({
    "minister", "secretary", "president", "chief", "spokesman", "spokeswoman", "ambassador",
    "chairman", "chairwoman", "premier", "procurator", "prosecutor", "director",
})  # fmt: skip
#: "DOJ chief urges …" in a headline: a role without a name (resolved to the lede's person).
HEADLINE_ROLES: frozenset[str] = _ROLE_NOUNS | frozenset(
    {"head", "boss", "envoy", "czar", "tsar", "pm", "fm"}
)
_WEEKDAYS = WEEKDAY_NAMES | {"today", "yesterday", "tonight"}
_TOLD = frozenset({"told", "tells", "told reporters", "told journalists", "informed", "informs"})
# verbs with an addressee before "that": "warned China that …", "assured Kenya that …"
_WARNED = frozenset({"warned", "warns", "warn", "assured", "assures", "reminded", "reminds"})
# cues of an agreement, whose subject may be several parties ("They agreed that …")
_AGREEMENT_CUES = frozenset({"agreed that", "agreed", "agree that", "agrees that", "agree"})


#: Words that open a noun phrase before a clause's auxiliary (:func:`clause_opens`).
CLAUSE_OPENERS: frozenset[str] = frozenset({"the", "a", "an", "its", "their", "his", "her", "this"})


def clause_opens(
    norm: Sequence[str], j: int, s_hi: int, openers: frozenset[str] = CLAUSE_OPENERS
) -> bool:
    """Tokens from ``j`` open a clause: a word of ``openers``, at most two words and a finite
    auxiliary ("the problem will spread", "the procuracy had sent"); not "added nickel to its
    list", "reported a 41% rise"."""
    if j > s_hi or norm[j] not in openers:
        return False
    for k in range(j + 1, min(s_hi, j + 3) + 1):
        if norm[k] in FINITE_AUXILIARIES:
            return k > j + 1
        if not norm[k].isalpha():
            return False
    return False


def _joint_agents(norm: Sequence[str], seg: int, slot: Slot | None) -> bool:
    """The subject of an agreement is "they"/"we" or "the two …"/"both …" (opening the clause
    at ``seg``): several parties."""
    if slot is not None and slot.mention == -1 and slot.pronoun in ("they", "we"):
        return True
    k = seg + 1 if norm[seg] == "the" else seg
    return norm[k] in ("two", "three", "both")


#: A meeting's texts whose participle reports their content ("a declaration promising to …").
_ADOPTED_TEXTS = frozenset({
    "statement", "declaration", "communique", "communiqué", "resolution", "memorandum",
})  # fmt: skip
# "said in a statement that …": an adverbial between a cue and "that" is not what is said
_ADVERBIAL_THAT = frozenset({"in", "after", "at", "during", "on", "last", "later", "before"})
# "said in a statement …", "said in her speech …": the form of what was said
_OPENING_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their"})
_SPOKEN_FORMS = frozenset({
    "statement", "interview", "speech", "address", "message", "letter", "reply", "post",
    "remarks", "email", "e-mail",
})  # fmt: skip


def clause_subject(doc: SpeakerDoc, c0: int) -> Slot | None:
    """The first eligible mention of the clause that ends before token ``c0``, read as the
    head of its noun phrase ("China's Ministry of Public Security (MPS) … described it as
    '…'" → the ministry; wave 20, set 86)."""
    lo = clause_start(doc.norm, int(doc.s_lo[c0]), c0)
    slot = doc.first_mention_in(lo, c0 - 1)
    return head_of(doc, slot, lo) if slot is not None else None


def clause_start(norm: Sequence[str], s_lo: int, c0: int) -> int:
    """The token after the last clause boundary in ``s_lo..c0-1``, else ``s_lo``: scanned
    back from the cue, which stops at the first boundary met instead of listing them all.

    Example:
        >>> from analysis.reported import clause_start
        >>> clause_start(["in", "2019", ",", "the", "hpo", "said"], 0, 5)
        3
    """
    for i in range(c0 - 1, s_lo - 1, -1):
        if norm[i] in BOUNDARY:
            return i + 1
    return s_lo


def reported_speech(found: Found) -> None:
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
        if (
            ci in found.consumed
            or cue.kind == "direct"
            or found.in_quotation(cue.first)
            or (found.in_quote_found(cue.first) and not found.answer[cue.first])
        ):
            continue
        if cue.kind == "according":
            _according_to(found, ci)
            continue
        if passive_charge(found, ci):
            continue  # wave 11: "accused by X of Y"
        if clause.later_attribution(found, ci, _clause_ends):
            continue  # "…, which delegates had called for, the SFO said.": inside its content
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


def _sentence(found: Found, ci: int) -> tuple[SpeakerDoc, Sequence[str], Cue, int, int]:
    """The document, folded tokens, cue ``ci`` and the first and last token of its sentence."""
    doc, cue = found.doc, found.cues[ci]
    s_lo = int(doc.s_lo[cue.first])
    if found.answer[cue.first]:  # "LENA FISCHER: The Houthis say …": the clause opens after ":"
        s_lo = answer_start(found.answer, s_lo, cue.first)
    return doc, doc.norm, cue, s_lo, int(doc.s_hi[cue.first])


#: Words opening what describes the source of a closing "according to": "a Chinese official
#: who asked not to be named", "officials familiar with the talks" (wave 20, sets 23 and 86)
_SOURCE_MODIFIERS = frozenset({"who", "familiar", "involved", "briefed", "speaking"})

#: Words opening an adjunct after the source of a closing "according to" (wave 13)
_ADJUNCT_AFTER = frozenset({"after", "following", "during", "at", "on", "before", "last"})


def _according_to(found: Found, ci: int) -> None:
    """``According to X, content`` / ``content, according to X.`` / ``intro, according to X,
    content``: the speaker follows the cue, which is used up once it has one."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    slot = doc.slot_starting_at(cue.last + 1)
    if slot is not None and slot.mention >= 0:
        slot = head_of(doc, slot, cue.last + 1)  # "according to Indonesia's Energy Ministry"
        # "According to Kejagung spokesperson Made Suarta, …": the untabled person (wave 25)
        slot = forms.untabled_person_after(doc, slot)
    if slot is None:  # "According to the Chinese embassy, …", "a Cambodian police statement"
        k = cue.last + 1
        stop = BOUNDARY | _SOURCE_MODIFIERS  # "a Chinese official who asked not to be named"
        end = next((i for i in range(k, min(s_hi, k + 4) + 1) if norm[i] in stop), None)
        slot = forms.demonym_body(doc, k, min(s_hi, k + 4) if end is None else end - 1)
    # the source is a document ("a statement from the SPP"), which may record someone else's
    # words with their own cue; a person named as the source tells them ("According to
    # Anang, Sutanto asked China to …" is Anang's; held-out set 23)
    document = slot is None
    if slot is None:
        slot = _source_of(doc, cue.last + 1, s_hi) or mission_at(doc, cue.last + 1, s_hi)
    if slot is None and cue.last + 2 <= s_hi and norm[cue.last + 1] == "the":
        slot = doc.author_of(cue.last + 2) if norm[cue.last + 2] in DOCUMENT_NOUNS else None
    if slot is None:
        _according_to_unnamed(found, ci)
        return
    if all(norm[i] in BOUNDARY for i in range(_past_citation(norm, s_lo), cue.first)):
        comma = next((i for i in range(slot.last + 1, s_hi + 1) if norm[i] == ","), None)
        a = comma + 1 if comma is not None else slot.last + 1
        if not (document and _speaker_speaks(found, a, s_hi)):
            found.add(a, s_hi, "reported", slot, cue.cue)
    elif norm[cue.first - 1] == ",":
        lo = speech.attributed_clause(norm, s_lo, cue.first)  # "…, although B, according to X"
        if found.taken[lo : cue.first - 1].any():
            # '"…," Yin told delegates, according to a transcript': a quote with its own
            # speaker, which the source only records (held-out set 26)
            found.consumed.add(ci)
            return
        nxt = slot.last + 1
        if nxt <= s_hi and norm[nxt] == "(":  # "the UNODC (UNODC)."
            close = next((i for i in range(nxt, min(s_hi, nxt + 8) + 1) if norm[i] == ")"), None)
            nxt = close + 1 if close is not None else nxt
        if nxt > s_hi or norm[nxt] in SENT_END or norm[nxt] in _SOURCE_MODIFIERS:
            # "…, according to two Thai officials familiar with the talks." (wave 20)
            found.add(lo, cue.first - 2, "reported", slot, cue.cue)
        elif _noun_phrase_to_end(doc, nxt, s_hi):
            # "…, according to U.S. census data.": the actor names the source, it is not it;
            # "according to Italy's interior ministry": a body of the actor, which speaks
            body = norm[forms.last_word(norm, s_hi)] in forms.BODY_WORDS
            body = body or (  # "according to a CSIS assessment he cited"; not "the Bangkok
                norm[nxt] in ORG_DOCUMENTS  # statement" (a meeting's, named for its city)
                and slot.mention >= 0
                and doc.a_type[doc.m_row[slot.mention]] == "organisation"
            )
            # "…, according to OAG data." (wave 31): a body's own figures
            last = forms.last_word(norm, s_hi)
            body = body or speech.own_figures(doc, cue.last + 1, last - cue.last)
            # a document's author ("a press release issued by the SPP after the meeting")
            found.add(lo, cue.first - 2, "reported", slot if body or document else None, cue.cue)
        else:
            comma = next((i for i in range(nxt, s_hi + 1) if norm[i] == ","), None)
            if comma is not None:
                found.add(comma + 1, s_hi, "reported", slot, cue.cue)
            elif norm[nxt] in _ADJUNCT_AFTER:  # "…, according to a statement by X after a …"
                found.add(lo, cue.first - 2, "reported", slot, cue.cue)
    found.consumed.add(ci)


def _past_citation(norm: Sequence[str], i: int) -> int:
    """The token after a citation mark "[6]" at token ``i`` (a reference page's note number,
    which sentence splitting leaves at the start of the next sentence: "….[6] According to
    the UNODC, …"; wave 19, set 76), else ``i``."""
    if i + 2 < len(norm) and norm[i] == "[" and norm[i + 1].isdigit() and norm[i + 2] == "]":
        return i + 3
    return i


#: Tokens of a speaker's name before the cue of a clause that opens with it.
_SPEAKER_TOKENS = 6


def _speaker_speaks(found: Found, a: int, s_hi: int) -> bool:
    """The content after "According to X," opens with a speaker and a cue of their own:
    "According to a statement from the SPP, Lu said China would …", "According to a joint
    press release, Lu expressed appreciation …" (held-out set 26): the clause is Lu's, read at
    that cue; the source only records it."""
    doc, norm = found.doc, found.doc.norm
    if a > s_hi:
        return False
    named = doc.slot_starting_at(a) is not None or norm[a] in forms.SUBJECT_PRONOUNS
    if not named and not doc.text[int(doc.start[a]) : int(doc.start[a]) + 1].isupper():
        return False
    following = found.cues_from(a + 1)  # the first cue after the speaker decides
    if not following:
        return False
    c = found.cues[following[0]]
    return (
        c.first <= min(s_hi, a + _SPEAKER_TOKENS)
        and c.kind not in ("according", "direct")
        and not any(norm[i] in BOUNDARY for i in range(a, c.first))
        and not found.in_quotation(c.first)
    )


def _noun_phrase_to_end(doc: SpeakerDoc, i: int, s_hi: int) -> bool:
    """Tokens ``i..`` up to the end of the sentence are at most four lower-case words."""
    norm = doc.norm
    k = i
    while k <= s_hi and norm[k] not in SENT_END:
        if not doc.text[doc.start[k] : doc.start[k] + 1].islower() or k - i >= 4:
            return False
        k += 1
    return k > i


def _according_to_unnamed(found: Found, ci: int) -> None:
    """``According to a statement …, content`` / ``content, according to the Home Ministry.``
    with a source that is not an actor: the reported speech is kept with an NA speaker."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    if all(norm[i] in BOUNDARY for i in range(s_lo, cue.first)):
        comma = next((i for i in range(cue.last + 1, s_hi + 1) if norm[i] == ","), None)
        # (a speaker with a cue of their own after the comma: see _speaker_speaks)
        if comma is not None and (
            _speaker_speaks(found, comma + 1, s_hi)
            or found.add(comma + 1, s_hi, "reported", None, cue.cue)
        ):
            found.consumed.add(ci)
    elif norm[cue.first - 1] == "," and found.taken[s_lo : cue.first - 1].any():
        found.consumed.add(ci)  # a quote with its own speaker before it (see _according_to)
    elif (
        norm[cue.first - 1] == ","
        and source_ends(norm, cue.last + 1, s_hi)  # also "…, adopted on May 21." (set 12)
        and found.add(s_lo, cue.first - 2, "reported", owner_body(doc, cue.last + 1, s_lo), cue.cue)
    ):
        found.consumed.add(ci)


#: Words before a document noun: "press release", "press statement", "briefing paper".
_DOCUMENT_KINDS = frozenset({"press", "news", "briefing", "official", "written", "joint"})
#: Document nouns a source issues, besides :data:`SOURCE_NOUNS` (wave 17, sets 49-51).
_ISSUED_DOCUMENTS = frozenset({
    "release", "readout", "paper", "document", "list", "notice",
    # "according to the indictment filed by the Xiamen procuratorate" (wave 19, court reports)
    "indictment", "indictments",
    # "According to a letter from Thailand's Office of the Attorney General, …" (wave 23)
    "letter", "memo", "memorandum",
})  # fmt: skip


#: Words before a document's noun in "according to a new report by X" (wave 29, set 166).
_DOCUMENT_ADJECTIVES = frozenset({
    "new", "recent", "latest", "annual", "final", "preliminary", "separate", "internal",
    "confidential", "official", "detailed", "fresh", "written", "regional", "quarterly",
})  # fmt: skip


def _source_of(doc: SpeakerDoc, i: int, s_hi: int) -> Slot | None:
    """ "according to a report by the UNODC": the speaker after ``[a|an|the] NOUN by|from|of``
    with a noun of :data:`SOURCE_NOUNS`."""
    norm = doc.norm
    j = i + 1 if i <= s_hi and norm[i] in _ARTICLES else i
    for _ in range(2):  # "a new report by the UNODC", "its latest annual report" (wave 29)
        if j < s_hi and norm[j] in _DOCUMENT_ADJECTIVES:
            j += 1
    if j < s_hi and norm[j].isdigit() and len(norm[j]) == 4:
        j += 1  # "according to a 2019 report by the UNODC" (held-out set 37)
    if j < s_hi and norm[j] in _DOCUMENT_KINDS:
        j += 1  # "a press release issued by the SPP", "a briefing paper circulated by" (wave 17)
    noun = norm[j] if j <= s_hi else ""
    if noun == "list" and j + 2 < s_hi and norm[j + 1] == "of":
        j += 2  # "according to a list of participants released by China's SPP" (set 42)
    if noun not in SOURCE_NOUNS and noun not in _ISSUED_DOCUMENTS:
        return None
    slot = speech.issuer_after(doc, j + 1, s_hi)  # "a report released today by"
    if slot is None:
        return None
    slot = head_of(doc, slot, slot.first)  # "released by China's SPP" → the SPP
    return Slot(slot.mention, "", i, slot.last)


def _content_cue_speaker(found: Found, ci: int) -> tuple[Slot | None, int] | None:
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
    if slot is None and cue.last + 2 <= s_hi:
        # "…," said a Lao prosecutor who attended …: the country of the adjective (wave 17)
        slot = forms.demonym_body(doc, cue.last + 1, min(s_hi, cue.last + 4))
    if slot is None:
        # "…, said Ruth Adeyemi, an analyst …": a name the table does not know
        slot = _untabled_after(doc, cue.last + 1, s_hi)
    if slot is None:
        return None
    if cue.cue in ("accused", "accuses") and norm[min(slot.last + 1, s_hi)] == "of":
        return None  # "…, Senior Counsel X, accused the EACC of …": the EACC is the object
    if any(
        norm[k] == "," and norm[k + 1] in RELATIVES and not found.in_quotation(k)
        for k in range(s_lo, cue.first - 2)
    ):
        return None  # "Santos, who opened the meeting, said the Philippines …": an appositive
    nxt = forms.past_brackets(norm, _after_time_words(norm, slot.last + 1, s_hi), s_hi)
    if nxt <= s_hi and norm[nxt][:1].islower() and norm[nxt] not in _AFTER_SPEAKER:
        return None  # "…, said China was ready to …": the mention opens the content
    found.add(s_lo, cue.first - 2, "reported", slot, cue.cue)
    return slot, slot.last + 1


# words that may follow a speaker named after the cue ("said Peter Lindqvist of the UNODC")
_AFTER_SPEAKER = frozenset({
    "of", "from", "at", "in", "on", "who", "whose", "which", "after", "during", "while",
    "when", "before", "here", "today", "yesterday", "as", "told", "adding", "noting",
})  # fmt: skip


_NAME_SMALL = frozenset({"and", "of", "for", "."})


def _untabled_after(doc: SpeakerDoc, i: int, s_hi: int) -> Slot | None:
    """Capitalised words outside any mention from token ``i`` up to the end of the sentence,
    a comma or a bracket ("said Ruth Adeyemi, an analyst", "said International Trade and
    Industry Minister Tengku Zafrul Aziz."): UNNAMED, else None."""
    norm = doc.norm
    k = i
    while k <= s_hi and k - i < 14:
        w = doc.text[doc.start[k] : doc.end[k]]
        # "said Assistant Secretary Ramon Villaflor of the DOJ." (held-out set 39): the body
        # after "of [the]" is part of the speaker's description
        of_body = k > i and norm[k - 1] in ("of", "the") and (doc.in_mention[k] or w == "the")
        if not of_body and (doc.in_mention[k] or not (w[:1].isupper() or w in _NAME_SMALL)):
            break
        k += 1
    if k == i or not doc.text[doc.start[i] : doc.start[i] + 1].isupper():
        return None
    if k <= s_hi and norm[k] not in (",", "(") and norm[k] not in SENT_END:
        return None
    return Slot(UNNAMED, "", i, k - 1)


def _content_speaker_cue(found: Found, ci: int) -> tuple[Slot | None, int] | None:
    """``…, President Thuong said.`` / ``…, he said, noting …``: a comma, the speaker, the cue,
    then the end of the sentence or a comma. Returns the speaker and the token after it."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    if not _comma_before(norm, s_lo, cue.first):
        return None
    c = cue.first - 1
    while c > s_lo and norm[c] in ("has", "have", "had"):
        c -= 1  # "…, Climate Change Minister Amanda Ross has announced, …"
    c = before_abbreviation(norm, c, s_lo)  # "…, the National Crime Agency (NCA) said"
    slot = doc.slot_ending_at(c) or bracketed_alias(doc, c, cue.first)  # shared name (AGC)
    if slot is not None and slot.mention >= 0:
        # "…, Deputy Spokesperson X of the Ministry of Foreign Affairs (MOFA) said": the
        # person, not the body of their post (wave 20, set 87)
        of = slot.first - (2 if norm[slot.first - 1] == "the" else 1)
        k = doc.last_at.get(of - 1) if of - 1 > s_lo and norm[of] == "of" else None
        if k is not None and doc.a_type[doc.m_row[k]] == "person":
            slot = Slot(k, "", int(doc.m_first[k]), of - 1)
    if slot is None and norm[c] == ",":  # "…, the CAD, the police's fraud unit, said"
        slot = clause.body_with_appositive(doc, s_lo, c)
    nxt = _after_time_words(norm, cue.last + 1, s_hi)
    if cue.cue in _TOLD:
        nxt = past_addressee(doc, nxt, s_hi)  # "…, X told a news conference in Abuja."
    nxt = speech.past_adverbial(norm, nxt, s_hi)  # "…, X said late on Sunday", "wrote on X."
    if slot is None and (lede := lede_role_after_content(doc, s_lo, c)) is not None:
        # "…, the country's top prosecutor said Wednesday." (wave 20, set 86)
        if not _clause_ends(norm, nxt, s_hi):
            return None
        return (
            (lede[0], nxt) if found.add(s_lo, lede[1] - 1, "reported", lede[0], cue.cue) else None
        )
    if slot is None:
        slot = untabled_name(doc, max(s_lo + 1, c - 6), c)  # "…, Mohamed Adow said."
        if slot is not None and norm[slot.first - 1] != ",":
            slot = _titled_untabled(doc, s_lo, slot) or forms.untabled_body_before(
                doc, s_lo, c
            )  # "…, the Central Commission for … said"
        if slot is not None and slot.mention < 0:
            # "…, the Singapore Police Force said": a body the table does not know, named
            # after its country, speaks for it as "Thai police" do (wave 23)
            slot = forms.demonym_body(doc, slot.first, c) or slot
    if slot is None and (k := demonym_after_comma(doc, s_lo, c)) is not None:
        slot = forms.demonym_body(doc, k, c)  # wave 11: "…, the Japanese government said"
    if slot is None and c - 1 > s_lo and norm[c] == "it" and norm[c - 1] == ",":
        slot = _it_after_organisation(found, s_lo)  # "…, it added." after "Falken said …"
        slot = Slot(slot.mention, "", c, c) if slot is not None else None
    if slot is None:  # "…, Optus said. ¶ …, the company said in a statement."
        slot = clause.named_body_before(doc, c, s_lo, _it_after_organisation(found, s_lo))
    app = None
    if slot is None and norm[c] == ",":
        app = appositive_source(doc, s_lo, c) or titled_person_source(doc, s_lo, c)
    if app is not None:
        if not _clause_ends(norm, nxt, s_hi):  # "…, a former colleague, Jean Moreau, recalled."
            return None
        return (app[0], nxt) if found.add(s_lo, app[1] - 1, "reported", app[0], cue.cue) else None
    if slot is None:  # "…, an officer involved in the operation told X." (forms.modified_source)
        return _content_source_cue(found, ci, nxt) or forms.modified_source(found, ci, nxt)
    comma = slot.first - 1
    if slot.mention >= 0:
        # "…, Philippine Justice Secretary Elena Reyes said", "…, the European Union's police
        # agency Europol said": modifiers and owners before the mention belong to the speaker
        comma = phrase_start(doc, slot.first, s_lo, found.cue_at)
    if comma > s_lo and norm[comma] in _ARTICLES and slot.mention >= 0:
        comma -= 1  # "…, the SPP announced."
    if not (comma > s_lo and norm[comma] == ",") or not _clause_ends(norm, nxt, s_hi):
        return None
    if _opening_only(norm, s_lo, comma - 1, cue.last + 1, s_hi):
        return None  # "Meanwhile, the AGC said in a statement that …" (wave 19, set 78)
    inner = parenthetical(norm, comma, nxt, s_lo, s_hi)
    if inner is not None:  # "a captain who, he said, had switched off …"
        return (slot, s_hi + 1) if found.add(*inner, "reported", slot, cue.cue) else None
    found.add(s_lo, comma - 1, "reported", slot, cue.cue)
    return slot, nxt


#: Lower-case words of a post before an untabled name: "…, SPP spokesperson Wang Haitao told".
_POST_WORDS = frozenset({
    *_ROLE_NOUNS, "spokesperson", "official", "head", "deputy", "researcher",
    "analyst", "lawyer", "officer", "investigator", "judge", "senior", "chief", "public",
    "relations", "press", "media", "information", "legal", "adviser", "advisor",
})  # fmt: skip


def _titled_untabled(doc: SpeakerDoc, s_lo: int, name: Slot) -> Slot | None:
    """``…, BODY post-words NAME CUE`` ("…, SPP spokesperson Wang Haitao told a press
    conference", held-out set 74): one to three lower-case words of a post
    (:data:`_POST_WORDS`) before the untabled name, opened by a body (a mention or up to four
    capitalised words) right after a comma: that person (UNNAMED) ends the content, else
    None."""
    norm = doc.norm
    k = name.first - 1
    while (
        k > s_lo
        and name.first - k <= 3
        and norm[k] in _POST_WORDS
        and not forms.capitalised(doc, k)
    ):
        k -= 1
    if k == name.first - 1:
        return None
    body_last = k
    while k > s_lo and body_last - k < 4 and (doc.in_mention[k] or forms.capitalised(doc, k)):
        k -= 1
    if k == body_last or norm[k] != ",":
        return None
    return Slot(UNNAMED, "", k + 1, name.last)


def _opening_only(norm: Sequence[str], a: int, b: int, after: int, s_hi: int) -> bool:
    """Tokens ``a..b`` before ``, SPEAKER CUE`` only open the sentence ("Meanwhile", "On
    Tuesday", "In a separate statement") and the cue goes on to what is said ("… said in a
    statement that …"): at most five words opened by a word of :data:`INTRO_WORDS`, and a
    "that" within eight tokens after the cue (token ``after``)."""
    if b - a > 4 or norm[a] not in INTRO_WORDS:
        return False
    return any(norm[i] == "that" for i in range(after, min(s_hi, after + 7) + 1))


def _comma_before(norm: Sequence[str], s_lo: int, c0: int) -> bool:
    """A comma after the sentence's first token ``s_lo`` and before the cue at ``c0``: every
    form of :func:`_content_speaker_cue` needs one (it ends the content). Most cues have none,
    and the finders it calls have no side effects, so they are skipped (issue 14)."""
    return "," in norm[s_lo + 1 : c0]


def _content_source_cue(found: Found, ci: int, nxt: int) -> tuple[Slot | None, int] | None:
    """``…, a spokesman said on Monday.`` / ``…, media reports said.``: a comma, at most six
    words ending in a word of :data:`UNNAMED_SOURCES`, the cue and the end of the sentence:
    reported speech with an NA speaker, or with the actor named among those words ("…, a U.S.
    State Department spokesperson said" → the country)."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    body = body_country(doc, cue.first - 1, s_lo) if cue.first - 2 >= s_lo else None
    body = body or governing_body(doc, cue.first - 1)  # "…, football's governing body said"
    figures = cue.cue.startswith("show")  # "…, official results showed Friday." (wave 9)
    if cue.first - 1 < s_lo or (
        norm[cue.first - 1] not in UNNAMED_SOURCES and body is None and not figures
    ):
        return None
    if not _clause_ends(norm, nxt, s_hi):
        return None
    for k in range(cue.first - 2, max(s_lo, cue.first - 8), -1):
        if norm[k] == ",":
            # "…, a U.S. State Department spokesperson said": the actor whose official speaks
            slot = doc.first_mention_in(k + 1, cue.first - 2)
            if slot is None:  # "…, the ministry said" after "Vietnam's trade ministry"
                slot = body
            inner = parenthetical(norm, k, nxt, s_lo, s_hi)
            if inner is not None:  # "a captain who, officials said, had switched off …"
                return (slot, s_hi + 1) if found.add(*inner, "reported", slot, cue.cue) else None
            return (slot, nxt) if found.add(s_lo, k - 1, "reported", slot, cue.cue) else None
        if norm[k] in BOUNDARY or norm[k] in SENT_END or found.in_quotation(k):
            return None
    return None


def _audience_end(norm: Sequence[str], a: int, s_hi: int) -> int | None:
    """After "told": the token after an audience of up to three words that opens with an
    article ("a news conference", "the press briefing") or is a bare plural ("delegates") and
    is followed by a clause, not by "of" or a time word ("told a news conference the money
    came back …"), else None."""
    if a + 1 > s_hi:
        return None
    # a bare plural: "told delegates syndicates in the region had laundered …" (wave 21)
    bare = norm[a] in AUDIENCE_NOUNS and norm[a].endswith("s")
    if norm[a] not in _ARTICLES and not bare:
        return None
    for k in range(a + int(not bare), min(s_hi, a + 3) + 1):
        if norm[k] in AUDIENCE_NOUNS:
            while k + 1 <= s_hi and norm[k + 1] in AUDIENCE_NOUNS:
                k += 1
            nxt = k + 1
            if nxt > s_hi or not norm[nxt][:1].isalpha() or norm[nxt] in ("of", "in", "on"):
                return None
            return nxt
        if not norm[k][:1].isalpha():
            return None
    return None


def _untabled_addressee_end(doc: SpeakerDoc, a: int, s_hi: int) -> int:
    """After "told": the end of an addressee the table does not know ("the BBC", "AFP",
    "RFA's Vietnamese Service"), capitalised words before a clause in lower case ("told the BBC
    her son had phoned …"); ``a`` itself when there is none."""
    norm = doc.norm
    k = a + 1 if a <= s_hi and norm[a] == "the" else a
    start = k
    while k <= s_hi and k - start < 5 and not doc.in_mention[k]:
        w = doc.text[doc.start[k] : doc.end[k]]
        if not (w[:1].isupper() or w in ("'s", "’s")):
            break
        k += 1
    if k == start or k > s_hi:
        return a
    nxt = doc.text[doc.start[k] : doc.end[k]]
    return k if nxt[:1].islower() and nxt not in ("and", "or", "about", "of") else a


def _clause_ends(norm: Sequence[str], nxt: int, s_hi: int) -> bool:
    """After ``content, SPEAKER CUE`` the clause ends at token ``nxt``: the end of the
    sentence, a comma, an adverbial ("after", "in" …), or one "-ly" adverb before either
    ("…, two crew members told reporters separately.")."""
    if nxt > s_hi or norm[nxt] in SENT_END or norm[nxt] == ",":
        return True
    if norm[nxt] in _ADVERBIAL:
        return not speech.at_least(norm, nxt, s_hi)  # not "…, X said at least 17 …"
    if (
        norm[nxt] in ("as", "amid")
        and nxt + 1 <= s_hi
        and norm[nxt + 1] in _ARTICLES
        and norm[nxt - 1] not in AS_CUES  # not "…, in a move officials described as a '…'"
    ):
        return True  # "…, X told his counterparts yesterday as the conference opened" (wave 20)
    w = norm[nxt]
    return len(w) > 3 and w.endswith("ly") and (nxt + 1 > s_hi or norm[nxt + 1] in (*SENT_END, ","))


def _after_time_words(norm: Sequence[str], i: int, s_hi: int) -> int:
    """The first token from ``i`` on not a time word (:func:`~analysis.attribution.after_time_words`)."""
    return after_time_words(norm, i, s_hi)


def _continuation(found: Found, ci: int, slot: Slot, after: int) -> None:
    """``…, he said, noting that …``: a comma at ``after`` and a participle or verb cue right
    behind it continue with the same speaker up to the end of cue ``ci``'s sentence."""
    cue = found.cues[ci].cue
    continue_with(found, after, slot, found.doc.s_hi[found.cues[ci].first], cue)


def continue_with(
    found: Found, after: int, slot: Slot | None, s_hi: int, cue: str | None = None
) -> None:
    """A comma at ``after`` and a participle or verb cue right behind it: reported speech of
    ``slot`` up to ``s_hi``. With the ``cue`` of an attribution that closed what was said,
    also a clause after ", and" (:func:`_clause_after_and`)."""
    norm = found.doc.norm
    if after + 1 > s_hi or norm[after] != ",":
        return
    cj = found.cue_at.get(after + 1)
    if cj is None and cue is not None and slot is not None and norm[after + 1] in ("and", "but"):
        _clause_after_and(found, after + 1, slot, s_hi, cue)
        return
    if cj is None or found.cues[cj].kind not in ("participle", "verb"):
        return
    found.consumed.add(cj)
    a = found.cues[cj].last + 1
    if a <= s_hi and all(
        found.taken[i] or norm[i] in _AROUND_QUOTE or norm[i] in SENT_END
        for i in range(a, s_hi + 1)
    ):
        # ", adding that "…"": the direct quote already found is what the participle says
        _give_direct(found, a, s_hi, slot, found.cues[cj].cue)
        return
    found.add(a, s_hi, "reported", slot, found.cues[cj].cue)


_AROUND_QUOTE = frozenset({"that", *QUOTE_MARKS, *CLOSING_MARKS})


def _give_direct(found: Found, a: int, b: int, slot: Slot | None, cue: str) -> None:
    """The direct quotes inside tokens ``a..b`` that have no speaker get ``slot`` and ``cue``."""
    doc = found.doc
    s, e = int(doc.start[a]), int(doc.end[b])
    for row in found.rows:
        if (
            row["kind"] == "direct"
            and s <= row["start"]
            and row["end"] <= e
            and row["speaker_id"] is pd.NA
        ):
            speaker_id, s0, e0, via = doc.resolve(slot, row["start"])
            row.update(speaker_id=speaker_id, speaker_start=s0, speaker_end=e0, cue=cue,
                       resolved_via=via)  # fmt: skip


def _clause_after_and(found: Found, at: int, slot: Slot, s_hi: int, cue: str) -> None:
    """ "The four would be deported to China, he said, and Thai prosecutors would seek
    evidence …" (wave 21, set 91): a clause after the attribution's ", and" with a subject of
    its own and a finite auxiliary within eight words, but no cue, goes on with what is said
    (the attribution's speaker and cue). "she said, and she called for …" is the cue's own."""
    norm = found.doc.norm
    lo = at + 1
    if lo > s_hi or norm[lo] in AUXILIARIES_AND_MODALS:
        return
    span = range(lo + 1, min(s_hi, lo + 8) + 1)
    if not any(norm[i] in AUXILIARIES_AND_MODALS for i in span):
        return
    if any(i in found.cue_at for i in range(lo, s_hi + 1)):
        return
    found.add(lo, s_hi, "reported", slot, cue)


_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "them"})


# "said this after …", "said so at …", "stressed this in his speech": the object points back
# to what was said before (held-out set 26); not "said this week that …"
_SAID_THIS = frozenset({"this", "so"})
_AFTER_THIS = frozenset({
    "after", "at", "on", "in", "during", "before", "when", "while", ".", ",", ";",
    "yesterday", "today", "repeatedly", "again",
})  # fmt: skip


def _speaker_cue_content(found: Found, ci: int) -> None:
    """``[intro,] SPEAKER CUE [that] content``: the person whose mention ends right before the
    cue ("The Attorney-General of Examplia John Doe said" → the person, not the country),
    else the first speaker of the clause before the cue ("In his speech …, Vietnamese
    Prosecutor General Le Minh Tri affirmed …"); when the cue directly follows a comma, the
    clause before the appositive ("X, Head of Y, said")."""
    doc, norm, cue, s_lo, s_hi = _sentence(found, ci)
    c0 = cue.first
    if (
        cue.last + 2 <= s_hi
        and norm[cue.last + 1] in _SAID_THIS
        and norm[cue.last + 2] in _AFTER_THIS
    ):
        return  # "He said this after opening the meeting": what was said is told before
    slot = None
    if c0 - 1 >= s_lo and norm[c0 - 1] in ("and", "but"):
        slot = _second_predicate(found, s_lo, c0)  # "X, Y, accused A of B and said C": X
    if slot is None and cue.cue in NOMINAL_CUES:
        slot = nominal_subject(doc, s_lo, c0)  # "X opened the meeting with a call for …"
        if slot is None:
            return
    if slot is None:
        slot = subject(found, s_lo, c0)
        if slot is not None and c0 - 1 > slot.last:
            b = c0 - 1
            while b > slot.last and norm[b] in TIME_WORDS:
                b -= 1  # "China's top prosecutor on Thursday urged …"
            slot = role_named_later(doc, slot, b) or slot
    if s_lo == 0 and c0 >= 1 and norm[c0 - 1] in HEADLINE_ROLES and norm[s_hi] not in SENT_END:
        # headline "DOJ chief urges …": the role is named in the lede
        slot = lede_person(doc, s_hi) or slot
    elif c0 >= 1 and norm[c0 - 1] in HEADLINE_ROLES and norm[s_hi] not in SENT_END:
        slot = standfirst_person(doc, s_lo, s_hi, c0 - 1) or slot  # wave 12: a second line
    a = cue.last + 1
    if slot is None and c0 - 1 >= s_lo and norm[c0 - 1] in ("and", "but"):
        slot = _second_predicate(found, s_lo, c0)
    if slot is None and c0 - 1 == s_lo and norm[s_lo] == "it":
        slot = (
            _it_after_organisation(found, s_lo)
            or it_after_body(found, s_lo)
            or answer_it(found, s_lo)
            or it_after_subject(found, s_lo)
        )
    elif slot is None and c0 - 2 > s_lo and norm[c0 - 1] == "it" and norm[c0 - 2] == ",":
        slot = it_after_subject(found, s_lo)  # "In a statement, it said …" (set 15)
    if slot is None and c0 - 2 >= s_lo and norm[c0 - 2] == "the" and norm[c0 - 1] in _ROLE_NOUNS:
        slot = Slot(-1, "he", c0 - 2, c0 - 1)  # "The minister proposed …"
    if slot is None:
        slot = forms.event_subject(doc, s_lo, c0)  # "The conference also agreed that …"
    if cue.cue in _WARNED and a <= s_hi:
        # "warned China that …" (set 8): a named addressee, then "that", is not what is said
        addressee = doc.slot_starting_at(a + 1 if norm[a] in _ARTICLES else a)
        if addressee is not None and addressee.mention >= 0 and norm[addressee.last + 1] == "that":
            a = addressee.last + 2
        elif a + 1 <= s_hi and norm[a] in _OBJECT_PRONOUNS and norm[a + 1] == "that":
            a += 2  # "reminded them that …" (wave 26, set 142)
    if cue.cue in _TOLD:
        # "told Khmer Daily that …", "told a news briefing on Wednesday that …"
        that = next((i for i in range(a, min(s_hi, a + 8) + 1) if norm[i] in ("that", ",")), None)
        if that is not None and norm[that] == "that":
            a = that + 1
        elif norm[a] in _OBJECT_PRONOUNS:
            if a + 1 > s_hi or not str(norm[a + 1])[:1].isalnum():
                return  # "she told them." / "Dick told me, and …": nothing is reported
            a += 1  # "they told me they would not …"
        else:
            # "told a Senate committee she had found …": the addressee is not what is said
            addressee = doc.slot_starting_at(a + 1 if norm[a] in _ARTICLES else a)
            if addressee is not None and addressee.mention >= 0:
                a = addressee.last + 1
            elif (k := _audience_end(norm, a, s_hi)) is not None:
                a = k  # "told a news conference the money came back …" (wave 20, set 86)
            else:
                a = _untabled_addressee_end(doc, a, s_hi)  # "told the BBC her son …" (wave 18)
    j = _after_time_words(norm, a, s_hi)
    b = c0 - 1
    while b > s_lo and norm[b] in TIME_WORDS:
        b -= 1  # "Developing countries on Monday called for …"
    seg = clause_start(norm, s_lo, c0)
    # "adopted a statement calling on member services to …", "a declaration promising to"
    # (wave 20, set 86): a document's content, no one the table knows speaks
    adopted = slot is None and cue.kind == "participle" and norm[c0 - 1] in _ADOPTED_TEXTS
    unnamed = adopted or (
        slot is None
        and (cue.kind == "verb" or cue.cue == "accusing")  # "with each side accusing …"
        and (
            (j <= s_hi and norm[j] == "that")
            or (b >= s_lo and (norm[b] in UNNAMED_SOURCES or norm[b] == "states"))
            # "objections from residents who say …" (set 14)
            or clause.unnamed_relative(norm, c0, s_lo, UNNAMED_SOURCES)
            # "Residents on the Myanmar side said": the clause opens with an unnamed source
            or any(norm[i] in UNNAMED_SOURCES for i in range(seg, min(seg + 3, c0)))
            # "One of them said …", "one of the crew members said …": a source of a group
            or (
                norm[seg] == "one"
                and norm[seg + 1] == "of"
                and c0 - seg <= 5
                and any(norm[i] in _OF_GROUP for i in range(seg + 2, c0))
            )
        )
    )
    if cue.cue in _AGREEMENT_CUES and _joint_agents(norm, seg, slot):
        # "They also agreed that …", "The two prosecutors general agreed that …" (wave 20,
        # set 85): the parties agree together, for none of them alone
        slot, unnamed = None, True
    if speech.joined_description(doc, s_lo, c0) and (
        slot is None or slot.mention < 0 or slot.first < c0 - 10
    ):
        # "…, while the head of the X delegation urged"; not "…, and the Chinese embassy said"
        # (the country of the embassy found in that subject; wave 20, set 85)
        slot, unnamed = None, True
    if unnamed_they(doc, s_lo, slot) or example_of_unnamed(doc, s_lo, slot):
        slot, unnamed = None, True  # "…, in which they"; "Critics, including X, say" (wave 13)
    if cue.cue in HEARING_CUES:
        # "the court heard that …" (NA speaker, set in find_quotes); not "he heard that …"
        if not any(norm[i] in HEARING_BODIES for i in range(seg, c0)):
            return
        slot, unnamed = None, True
    if cue.cue in FINDING_CUES and (
        slot is None or slot.mention < 0 or doc.a_type[doc.m_row[slot.mention]] != "organisation"
    ):
        if (slot is not None and slot.mention >= 0) or not any(
            norm[i] in FINDING_BODIES for i in range(seg, c0)
        ):
            return  # "police found that the door was locked": a finding, not what someone said
        slot, unnamed = None, True  # "the Federal Court found that …", "Investigators found"
    if slot is None and not unnamed and c0 - 1 == s_lo and cue.cue in forms.SAYING_CUES:
        slot = forms.opening_surname(doc, s_lo)  # "Huang said the procuratorate would …"
    if slot is None and not unnamed:
        return
    if (
        cue.cue in BASE_FORMS
        and cue.cue != "say"
        and (slot is None or slot.mention == UNNAMED)
        and not (j <= s_hi and norm[j] == "that")
        and not (slot is not None and joint_subject(doc, slot.first, slot.last))
        and not (cue.cue == "warn" and clause_opens(norm, j, s_hi))
    ):
        # "Prosecutors pledge joint action": a headline commitment of no one in the table; not
        # "Rights groups warn that …" (held-out sets 28 and 30), nor "China, Laos prosecutors
        # pledge closer cooperation" (two parties of the table, speaking jointly), nor
        # "Analysts warn the problem will spread to …" (a clause follows; wave 25, set 136)
        return
    if cue.cue in ("answered", "replied") and not (a <= s_hi and norm[a] in ("that", ":")):
        return  # "she answered an advertisement": an object, not speech
    if a + 2 <= s_hi and norm[a] == "with" and norm[a + 1] in forms.DECISION_MANNER:
        if norm[a + 2] != "that":
            return  # "The Parties noted with appreciation the offer of …" (wave 20, set 87)
        a += 3  # "noted with concern that …"
    if (slot is None or slot.mention == UNNAMED) and sum(
        norm[i][:1].isalnum() for i in range(a, min(s_hi, a + _MIN_UNNAMED_WORDS + 2) + 1)
    ) < _MIN_UNNAMED_WORDS:
        return  # "which the GOP declared it to be": too short to be what someone said
    if any(norm[i] in _WEEKDAYS for i in range(a, j)) or (j <= s_hi and norm[j] == "that"):
        a = j  # "said Friday that …", "told reporters last month that …"
    elif a <= s_hi and norm[a] in _ADVERBIAL_THAT:
        # "said in a statement that …", "said after the hearing that …", "said at the time that"
        that = next(
            (i for i in range(a + 1, min(s_hi, a + 6) + 1) if norm[i] in ("that", ",")), None
        )
        if that is not None and norm[that] == "that":
            a = that + 1
        elif (
            norm[a] == "in"
            and a + 3 <= s_hi
            and norm[a + 1] in _OPENING_DETERMINERS
            and norm[a + 2] in _SPOKEN_FORMS
            and (past := _after_time_words(norm, a + 3, s_hi)) <= s_hi
            and norm[past][:1].isalpha()
            and norm[past] not in ("on", "to", "at", "issued", "posted", "published", "that")
        ):
            a = past  # "said in a statement [on Monday] the official had moved …" (wave 20)
    if (slot is None or slot.mention == UNNAMED) and closing_attribution(found, ci, s_hi):
        return  # "… that rich nations have promised …, delegates said.": inside that quote
    if _no_content_after(norm, a, s_hi, cue.cue) or clause.np_object(norm, a, s_hi, cue.cue):
        return  # "declared an outbreak in January": an object, not what is said
    end = _content_end(found, ci, s_hi)
    if found.add(a, end, "reported", slot, cue.cue):
        found.consumed.add(ci)
        continue_with(found, end + 1, slot, s_hi)  # "said A, arguing that B": same speaker


_ANONYMITY = ("on", "condition", "of", "anonymity")
_WHILE_WORDS = frozenset({"as", "amid", "while", "when"})


def _no_content_after(norm: Sequence[str], a: int, s_hi: int, cue: str) -> bool:
    """Words after a cue that say how or when, not what (held-out set 8): "[speaking] on
    condition of anonymity", "warns as refugees pour into Chad" (no "that" follows; not
    "described as '…'"), "said in a statement." (a short phrase ending the sentence)."""
    if a > s_hi:
        return False
    k = a + 1 if norm[a] == "," else a
    k = k + 1 if k <= s_hi and norm[k] == "speaking" else k
    if tuple(norm[k : k + 4]) == _ANONYMITY:
        return True
    rest = norm[a : min(s_hi, a + 8) + 1]
    if norm[a] in _WHILE_WORDS and "that" not in rest and not cue.startswith(("descri", "call")):
        return True
    return bool(norm[a] == "in" and s_hi - a <= 4 and "that" not in rest and "," not in rest)


def _it_after_organisation(found: Found, s_lo: int) -> Slot | None:
    """ "It found that …" / "It calls on …" opening a sentence: the organisation (or the
    author of a report) that spoke in reported speech in the sentence before (held-out set 4:
    "According to the report, … . It found that …")."""
    prev = reported_just_before(found, s_lo)
    if prev is None:
        return None
    return prev if found.doc.a_type[found.doc.m_row[prev.mention]] == "organisation" else None


#: Prepositions that open an adverbial of place or time before a sentence's subject
_PLACE_OPENERS = frozenset({"in", "on", "at", "during", "after", "before", "from"})


def _second_predicate(found: Found, s_lo: int, c0: int) -> Slot | None:
    """The speaker of a cue that opens a second predicate ("X underlined A, and expressed B",
    "Hart declined to say …, but said B", "The Vice President highly appreciated … and
    affirmed that B"): the speaker of reported speech ending right before it in the sentence,
    else the subject of the sentence's first clause (a mention, a definite role noun that
    resolves like "he", or a name the table does not know: UNNAMED)."""
    doc, norm = found.doc, found.doc.norm
    if found.last_reported:
        end, prev = found.last_reported
        if c0 - 3 <= end < c0 and doc.s_lo[end] == s_lo:
            return prev
    first_hi = next((i - 1 for i in range(s_lo, c0) if norm[i] in BOUNDARY), c0 - 2)
    lo = s_lo
    if norm[lo] in _PLACE_OPENERS and first_hi + 3 < c0 and norm[first_hi + 1] == ",":
        # "In Phnom Penh, Prosecutor General X described … and vowed …": the opening
        # adverbial is no subject; the clause after its comma has it (wave 24, set 122)
        lo = first_hi + 2
        first_hi = next((i - 1 for i in range(lo, c0) if norm[i] in BOUNDARY), c0 - 2)
    while lo < first_hi and norm[lo] in INTRO_WORDS and norm[lo] not in _ARTICLES:
        lo += 1
    k = doc.first_at.get(lo)
    if k is None and norm[lo] in _ARTICLES:
        k = doc.first_at.get(lo + 1)
    if k is not None and int(doc.m_last[k]) <= first_hi:
        slot = Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))
        if doc.a_type[doc.m_row[k]] != "person":  # "India's negotiator, Leela Menon, … and"
            slot = forms.apposed_name_after(doc, first_hi, c0) or slot
        return head_of(doc, slot, lo) if doc.a_type[doc.m_row[k]] in SPEAKER_TYPES else None
    if norm[lo] in ("he", "she") and lo < first_hi:
        return Slot(-1, norm[lo], lo, lo)  # wave 12: "He described A as "…", but noted B"
    # "Chinese officials thanked Laos … and said", "A representative of the Chinese Embassy
    # thanked Laos for … and said …" (held-out set 35): the demonym's country, not the object
    of = next((i for i in range(lo, min(first_hi, lo + 4)) if norm[i] == "of"), None)
    demonym = forms.demonym_body(doc, lo if of is None else of + 1, min(first_hi, lo + 7))
    if demonym is not None:
        return demonym
    if norm[lo] == "the":
        role = next(
            (i for i in range(lo + 1, min(lo + 4, first_hi + 1)) if norm[i] in _ROLE_NOUNS), None
        )
        if role is not None:
            return Slot(-1, "he", lo, role)  # "The Vice President … and affirmed that …"
    j = lo
    while j <= first_hi and not doc.in_mention[j] and doc.text[doc.start[j]][:1].isupper():
        j += 1
    if j - lo >= 2:  # "Tuvalu's Prime Minister Feleti Teo welcomed … but called for …"
        return Slot(UNNAMED, "", lo, j - 1)
    if norm[lo] in ("a", "an") and first_hi + 1 < c0 and norm[first_hi + 1] == ",":
        # wave 11: "An official of Gavi, which …, welcomed … and said …": the first clause's
        # source, read as before a cue
        first = subject(found, s_lo, first_hi + 1)
        return first if first is not None and first.mention >= 0 else None
    return None


def lede_person(doc: SpeakerDoc, s_hi: int) -> Slot | None:
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


# "one of them said", "one of the officials said": the group a source comes from
_OF_GROUP = UNNAMED_SOURCES | frozenset({"them", "those", "us"})


# reported speech of someone the table does not know needs at least this many words
_MIN_UNNAMED_WORDS = 3


def _content_end(found: Found, ci: int, s_hi: int) -> int:
    """The last token of the content after cue ``ci``: the end of the sentence, or the token
    before ", while|whereas|but|and SPEAKER CUE" when another speaker's cue follows ("Myanmar
    asked for help, while Cambodia announced a unit")."""
    doc, norm, cue = found.doc, found.doc.norm, found.cues[ci]
    for cj in found.cues_from(cue.last + 1):
        nxt = found.cues[cj]
        if nxt.first > s_hi:
            break
        if (
            nxt.kind == "verb"
            and norm[nxt.first - 1] in ("and", "but")
            and nxt.first - 2 > cue.last
        ):
            return nxt.first - 2  # "underlined A, and expressed B", "told A, but acknowledged B"
        split = forms.clause_split(found, cue.last, nxt)  # "said A, arguing that B"
        if split is not None:
            return split
        for k in range(nxt.first - 2, cue.last, -1):
            if norm[k] == "," and norm[k + 1] in _CLAUSE_JOINS:
                if speech.other_subject(doc, k + 2, nxt.first - 1):  # "…, while the head of …"
                    return k - 1
                break
    if cue.cue in _THING_CUES:
        # "proposed a liaison desk in every capital, and the SPP has trained …": what is
        # proposed is a thing; a new clause after ", and" is the writer's (wave 20, set 88)
        for k in range(cue.last + 2, s_hi - 1):
            if (
                norm[k] == ","
                and norm[k + 1] in ("and", "but")
                and any(norm[i] in FINITE_AUXILIARIES for i in range(k + 2, min(s_hi, k + 8) + 1))
            ):
                return k - 1
    return s_hi


#: Cues whose content is a thing asked for or offered, not a clause.
_THING_CUES = frozenset({
    "proposed", "proposes", "propose", "called for", "calls for", "pushed for", "pushes for",
    "pressed for", "presses for", "asked for", "asks for",
})  # fmt: skip
