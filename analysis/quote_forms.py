"""News forms of reported speech added in wave 5 (held-out set 9), kept out of the older rules.

Part of :func:`analysis.quotes.find_quotes`. These rules are hand-written, like the rest of
the quote layer: each is one news form that the held-out sets showed, checked on a few tokens
around one cue, so that quote finding stays linear in document length and every decision can
be read and reviewed (a statistical parser would need a model download and would not say why it
attributes a quote). The forms:

* cues that are speech only in some uses (:func:`cue_allowed`): "a court ruled that …" and
  "…, a court ruled yesterday." (not "ruled out"), "Fifa found he handed out cash" (a finding
  with a subject pronoun; "found that" is an older cue), "He alleged that …" (not "over alleged
  corruption"), "Hoa asked the Chinese side to speed up …" (a request; not "asked about");
* an object cue with an adverbial before "that" (:func:`adverbial_then_that`): "One of the
  victims testified in 2023 that …";
* who speaks when the subject is someone the table does not know although a tabled name
  stands nearby (:func:`untabled_opening`): "Vendora, which has 92 million users in the EU,
  said …", "BEUC, the European consumer organisation, said …", "Haryanto, who heads …, urged";
* the persons who speak for someone else and those who do not (:func:`agent_of_person`):
  "Kiprono's lawyer said" and "Villalba's defence team said" are not Kiprono or Villalba;
* the owner of a meeting named by its noun (:func:`event_owner`): "The conference also agreed
  that …" after "the 43rd ASEANAPOL Conference";
* single quotation marks as the only quotation marks of a document (:func:`single_quote_pairs`,
  press releases in Australian and British style: "'Calling a product guaranteed …,' Ms X
  said.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.cues import UNNAMED_SOURCES
from analysis.dates import MONTH_NAMES
from analysis.headlines import TITLE_ABBREVIATIONS
from analysis.name_forms import DEMONYMS
from analysis.speakers import (
    ARTICLES,
    BOUNDARY,
    CLOSING_MARKS,
    INDEFINITES,
    QUOTE_MARKS,
    SENT_END,
    SOURCE_DETERMINERS,
    UNNAMED,
    Cue,
    Found,
    Slot,
    SpeakerDoc,
)  # fmt: skip
from analysis.surname_forms import TITLE_END_WORDS, title_goes_on

__all__ = [
    "SUBJECT_PRONOUNS",
    "AGENT_NOUNS",
    "EVENT_NOUNS",
    "cue_allowed",
    "adverbial_then_that",
    "untabled_opening",
    "agent_of_person",
    "event_owner",
    "event_decisions",
    "capitalised",
    "DECISION_VERBS",
    "impersonal_decisions",
    "single_quote_pairs",
    "untabled_pronouns",
    "BODY_WORDS",
    "SEEN_BY",
    "untabled_person_before",
    "untabled_name_clause",
    "opening_untabled_name",
    "past_object_pronoun",
    "past_brackets",
    "relative_source",
    "clause_split",
    "modified_source",
    "fragment_start",
    "it_speaker",
    "titled_roles",
    "event_subject",
    "untabled_body_before",
    "apposed_name_after",
    "untabled_person_after",
    "apposed_person",
    "opening_surname",
    "SAYING_CUES",
    "last_word",
    "GUARDED_CUES",
    "COURTESY_NOUNS",
    "courtesy",
    "pronoun_rows",
    "DEMONYM_HEADS",
    "DECISION_MANNER",
    "demonym_body",
    "source_for_body",
    "demonyms_of",
]

#: Pronouns that open a clause after "found" ("Fifa found he handed out cash").
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "we", "i"})
#: Nouns of people who act for a person but do not speak for them (held-out sets 5 and 9:
#: "his lawyer said", "Villalba's defence team said" give an NA speaker; "her office says" and
#: "a spokesman for X" speak for X and are not listed).
AGENT_NOUNS: frozenset[str] = frozenset({
    "lawyer", "lawyers", "attorney", "attorneys", "counsel", "defence", "defense", "team",
    "legal", "solicitor", "solicitors", "barrister", "barristers", "advocate", "advocates",
    "family", "relatives", "wife", "husband", "son", "daughter", "brother", "sister",
    "supporters", "allies", "rival", "rivals", "critics", "opponents", "accuser", "accusers",
})  # fmt: skip
#: Nouns of meetings that an organisation holds: "the conference agreed that …" is the
#: organisation named with it ("the 43rd ASEANAPOL Conference").
EVENT_NOUNS: frozenset[str] = frozenset({"conference", "summit", "meeting", "assembly", "congress"})
_EVENT_REACH = 400  # tokens searched back for "ORG Conference"
_ADVERBIAL_PREPS = frozenset({"in", "on", "at", "during", "before", "last", "earlier", "later"})
_CLAUSE_END = frozenset({",", ";", ":", *SENT_END})
_TIME = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "on", "last", "this", "week", "month", "year", "earlier", "later",
    "morning", "afternoon", "evening", "also",
})  # fmt: skip
# "asked for" (a cue of its own), "asked about", "asked to speak", "asked not to be named"
_NOT_ASKED_OBJECT = frozenset({
    "to", "for", "about", "whether", "if", "why", "how", "what", "not",
})  # fmt: skip
_RELATIVE_OR_DET = frozenset({"which", "who", "whose", "the", "a", "an"})
_NOT_A_NAME = frozenset({
    "meanwhile", "however", "separately", "earlier", "later", "still", "yet", "also",
    "instead", "moreover", "furthermore", "nevertheless", "nonetheless", "overall",
    "indeed", "today", "yesterday", "then", "now", "again", "finally", "first", "second",
    "last", "here", "there", "thus", "hence", "otherwise", "likewise", "similarly",
})  # fmt: skip


def _month_or_year(w: str) -> bool:
    return w in MONTH_NAMES or (len(w) == 4 and w.isdigit())


#: The cues :func:`cue_allowed` checks.
GUARDED_CUES: frozenset[str] = frozenset(
    {"ruled", "found", "alleged", "asked", "asks", "showed", "show", "shows", "accused",
     "accuses", "warning", "learned that", "learnt that"}
)  # fmt: skip

#: Who may learn what the story then reports ("The reporter learned that …", "this newspaper
#: has learned that …", "It is learned that …"): the outlet's own finding, an NA speaker. Not
#: "She learned that her son had been detained" (wave 23, set 118).
_LEARNERS = frozenset({
    "reporter", "reporters", "correspondent", "correspondents", "newspaper", "paper", "it",
})  # fmt: skip
#: Between the learner and "learned": "this newspaper has learned", "It is learned"
_LEARN_AUX = frozenset({"has", "have", "had", "is", "was", "also", "further"})
#: Reported questions: "Another asked whether …", "Many users asked why …" (wave 23, set 116)
_QUESTION_WORDS = frozenset({"whether", "why", "if"})

#: Nouns after "expressed" that thank or greet rather than say something: "Zhao expressed
#: appreciation for the arrangements" is courtesy, not speech (the references of sets 1-64 leave
#: 29 of 35 such phrases uncoded; wave 18). A quotation in the rest of the sentence is still
#: quoted ('expressed appreciation for the "decisive action" of …').
COURTESY_NOUNS: frozenset[str] = frozenset({
    "appreciation", "thanks", "gratitude", "delight", "condolences", "congratulations",
    "sympathy", "pleasure",
})  # fmt: skip
_COURTESY_FILL = frozenset({
    "his", "her", "its", "their", "the", "deep", "deepest", "sincere", "profound", "warm",
    "heartfelt", "great", "high", "special", "particular",
})  # fmt: skip
_EXPRESSED = frozenset({"expressed", "expresses", "expressing", "express"})


def courtesy(row: dict) -> bool:
    """The quote ``row`` (a found quote's fields) only thanks or greets: its cue is
    "expressed" and its words open with a word of :data:`COURTESY_NOUNS` (after at most three
    of "his", "deep", "sincere" …), without a quotation mark ("expressed his sincere thanks
    for the arrangements")."""
    if row["cue"] not in _EXPRESSED:
        return False
    words = str(row["text"]).lower().split()
    k = 0
    while k < len(words) and k < 3 and words[k] in _COURTESY_FILL:
        k += 1
    if k >= len(words) or words[k].strip(",.;:") not in COURTESY_NOUNS:
        return False
    return not any(m in str(row["text"]) for m in QUOTE_MARKS)


#: "…, official results showed Friday." (wave 9): figures that close a wire lede
RESULT_NOUNS: frozenset[str] = frozenset(
    {"results", "figures", "data", "polls", "statistics", "count"}
)


#: Documents whose contents a story reports as what they "show" (wave 23, set 114: the
#: references code "Documents seen by ICIJ show …" and "…, immigration records obtained by
#: OCCRP show." as quotes with an NA speaker; not "photos show", "the video shows")
SHOWN_DOCUMENTS: frozenset[str] = frozenset({
    "documents", "records", "files", "minutes", "filings", "papers", "emails", "messages",
    "cables", "memos", "contracts", "statements", "transcripts", "logs", "ledgers",
})  # fmt: skip
#: Participles of a document only seen by someone, not written: "documents seen by ICIJ",
#: "records obtained by OCCRP" (:func:`analysis.speech_forms.documents_seen`)
SEEN_BY: frozenset[str] = frozenset({"seen", "obtained", "reviewed", "examined"})
_SEEN = SEEN_BY | {"leaked", "shared", "published"}


def documents_before(norm: Sequence[str], first: int, s_lo: int) -> bool:
    """A plural document noun of :data:`SHOWN_DOCUMENTS` right before token ``first``, or before
    "from X" or "seen|obtained|reviewed … by X" ending there ("files seen by Global Witness
    show", "documents from the SPP show")."""
    if first - 1 >= s_lo and norm[first - 1] in SHOWN_DOCUMENTS:
        return True
    for k in range(first - 2, max(s_lo, first - 9) - 1, -1):
        if norm[k] in SHOWN_DOCUMENTS:
            return k + 2 < first and (
                norm[k + 1] == "from" or norm[k + 1] in _SEEN and norm[k + 2] == "by"
            )
        if not norm[k][:1].isalnum():
            return False
    return False


def cue_allowed(doc: SpeakerDoc, c: Cue) -> bool:
    """False when a wave-5 cue is not speech where it stands (see the module docstring)."""
    norm, n = doc.norm, len(doc.norm)
    nxt = norm[c.last + 1] if c.last + 1 < n else ""
    same = c.last + 1 < n and doc.s_lo[c.last + 1] == doc.s_lo[c.first]
    if c.cue == "ruled":
        # "ruled that …", "…, a court ruled [yesterday]."; not "ruled out", "ruled in favour"
        j = c.last + 1
        while j < n and doc.s_lo[j] == doc.s_lo[c.first]:
            if norm[j] in _TIME:
                j += 1
            elif norm[j] == "in" and j + 1 < n and _month_or_year(norm[j + 1]):
                j += 2  # "ruled in January that …", "ruled in 2019 that …"
            else:
                break
        if j >= n or doc.s_lo[j] != doc.s_lo[c.first] or norm[j] in _CLAUSE_END:
            return True
        return norm[j] == "that" and (j + 1 >= n or norm[j + 1] != "out")
    if c.cue == "found":
        return same and nxt in SUBJECT_PRONOUNS
    if c.cue in ("showed", "show", "shows") and documents_before(norm, c.first, doc.s_lo[c.first]):
        return True  # wave 23: "Documents seen by ICIJ show …", "…, court records show."
    if c.cue in ("showed", "show", "shows"):
        # only closing an attribution after the content ("…, official results showed
        # Friday."): a comma before the figures, a comma or the sentence end after the cue
        lo = c.first - 2
        while lo > doc.s_lo[c.first] and norm[lo] in ("official", "preliminary", "latest", "the"):
            lo -= 1
        if c.first < 2 or norm[c.first - 1] not in RESULT_NOUNS or norm[lo] != ",":
            return False
        j = c.last + 1
        while j < n and norm[j] in _TIME and doc.s_lo[j] == doc.s_lo[c.first]:
            j += 1
        return j >= n or doc.s_lo[j] != doc.s_lo[c.first] or norm[j] in _CLAUSE_END
    if c.cue in ("accused", "accuses"):
        return nxt != "of"  # "a man accused of running …": a charge, nobody speaks (wave 22)
    if c.cue == "warning":
        # "to publish a global warning on …", "issued a warning about …": a noun (wave 22)
        return not (
            c.first >= 1
            and (norm[c.first - 1] in ARTICLES or c.first >= 2 and norm[c.first - 2] in ARTICLES)
        )
    if c.cue == "alleged":
        if nxt in ("that", ",", ":") or not same:
            return True
        return c.first >= 1 and doc.slot_ending_at(c.first - 1) is not None
    if c.cue in ("learned that", "learnt that"):
        k = c.first - 1
        while k > doc.s_lo[c.first] and norm[k] in _LEARN_AUX:
            k -= 1
        return k >= doc.s_lo[c.first] and norm[k] in _LEARNERS
    if c.cue in ("asked", "asks") and nxt in _QUESTION_WORDS:
        # a reported question has a subject ("Many users asked why …"); not "Asked whether
        # Myanmar would take part, the minister said …" (the interviewer's question)
        return same and c.first > doc.s_lo[c.first] and norm[c.first - 1][:1].isalpha()
    if c.cue in ("asked", "asks"):
        # a question quoted: '"Speed up for whom?" asked Arif Nugroho', 'He asked: "…?"'
        # (wave 18, held-out set 64)
        if nxt == ":" or (c.first >= 1 and norm[c.first - 1] in CLOSING_MARKS):
            return True
        # "asked X to VERB": a request; not "asked for" (a cue of its own), "asked about",
        # "asked to speak"
        if not same or nxt in _NOT_ASKED_OBJECT:
            return False
        hi = min(int(doc.s_hi[c.first]), c.last + 10)
        for i in range(c.last + 2, hi + 1):
            if norm[i] == "to":
                return True
            if norm[i] in BOUNDARY or norm[i] in SENT_END:
                return False
        return False
    return True


def adverbial_then_that(doc: SpeakerDoc, c: Cue) -> bool:
    """An object cue followed by a short adverbial and "that" ("testified in 2023 that …",
    "reported on Monday that …"): speech, although a plain object could follow the cue."""
    norm = doc.norm
    j = c.last + 1
    if j >= len(norm) or norm[j] not in _ADVERBIAL_PREPS:
        return False
    hi = min(int(doc.s_hi[c.first]), j + 5)
    for i in range(j + 1, hi + 1):
        if norm[i] == "that":
            return True
        if not norm[i][:1].isalnum():
            return False
    return False


def untabled_opening(doc: SpeakerDoc, lo: int, hi: int, nxt_lo: int) -> Slot | None:
    """The first clause ``lo..hi`` of a sentence is one capitalised word the table does not
    know and the next clause (from ``nxt_lo``) is a relative clause or an apposition
    ("Vendora, which has 92 million users in the EU, said", "BEUC, the European consumer
    organisation, said", "Haryanto, who heads …, urged"): that word is the speaker, someone
    not in the table (UNNAMED), not a tabled name inside the relative clause."""
    if hi != lo or doc.in_mention[lo] or nxt_lo >= len(doc.norm):
        return None
    word = doc.text[doc.start[lo] : doc.end[lo]]
    if not word[:1].isupper() or doc.norm[lo] in _NOT_A_NAME or word.lower().endswith("ly"):
        return None
    if doc.norm[nxt_lo] not in _RELATIVE_OR_DET:
        return None
    return Slot(UNNAMED, "", lo, hi)


def agent_of_person(doc: SpeakerDoc, slot: Slot) -> Slot:
    """ "Kiprono's lawyer", "Villalba's defence team": a person's possessive mention followed by
    a noun of :data:`AGENT_NOUNS` is someone else, not in the table (UNNAMED); else ``slot``."""
    if slot.mention < 0 or doc.a_type[doc.m_row[slot.mention]] != "person":
        return slot
    last = slot.last
    if not doc.text[doc.start[last] : doc.end[last]].endswith(("'s", "’s", "'", "’")):
        return slot
    j = last + 1
    if j < len(doc.norm) and doc.norm[j] in AGENT_NOUNS:
        k = j
        while k + 1 < len(doc.norm) and doc.norm[k + 1] in AGENT_NOUNS:
            k += 1
        return Slot(UNNAMED, "", slot.first, k)
    return slot


def event_owner(doc: SpeakerDoc, i: int) -> Slot | None:
    """ "the conference" at token ``i`` (a noun of :data:`EVENT_NOUNS` after "the"): the
    organisation of the nearest earlier ``[the] [43rd] ORG Conference`` within
    :data:`_EVENT_REACH` tokens, else None."""
    norm = doc.norm
    w = norm[i]
    if w not in EVENT_NOUNS or i < 1 or norm[i - 1] != "the" or doc.in_mention[i]:
        return None
    for j in range(i - 2, max(0, i - _EVENT_REACH), -1):
        if norm[j] != w:
            continue
        k = doc.last_at.get(j - 1)
        if k is not None and doc.a_type[doc.m_row[k]] == "organisation":
            return Slot(k, "", i - 1, i)
    return None


_OPEN_SINGLE = re.compile(r"^['‘](?=[^\W\d_])", re.M)
_CLOSE_SINGLE = re.compile(r"(?<=[^\s'‘’])['’](?=[\s,.;:!?)\]]|$)", re.M)


def single_quote_pairs(doc: SpeakerDoc) -> list[tuple[int, int, bool]]:
    """Quotations in single marks that open a paragraph (press releases in Australian and
    British style: "'Calling a product guaranteed …,' Ms X said."): ``(opening mark, last
    quoted token, True)`` as :func:`analysis.quotes._quotations` gives them. The closing mark
    follows a word or punctuation and precedes a space, punctuation or the end of a line, in
    the same paragraph; an apostrophe inside ("investors' funds") closes it too early only when
    followed by a space, and a mark with no closing mark is not a quotation. Only a mark at the
    start of a line opens: inside a paragraph a single mark is as often an apostrophe or a
    nested quotation (:func:`analysis.quote_layout.nested_quotes`)."""
    text = doc.text
    if text[:1] not in ("'", "‘") and "\n'" not in text and "\n‘" not in text:
        return []  # the common case, found by a literal search
    opens = [m.end() - 1 for m in _OPEN_SINGLE.finditer(text)]
    if not opens:
        return []
    closes = [m.start() for m in _CLOSE_SINGLE.finditer(text)]
    marks = sorted([(p, True) for p in opens] + [(p, False) for p in closes])
    at = np.searchsorted(doc.start, [p for p, _ in marks]).tolist()
    pairs: list[tuple[int, int, bool]] = []
    open_i: int | None = None
    for i, (p, is_open) in zip(at, marks, strict=True):
        if i >= len(doc.start) or int(doc.start[i]) != p:
            continue
        if open_i is not None and doc.para[i] != doc.para[open_i]:
            open_i = None  # a mark left open at the end of its paragraph: not a quotation
        if open_i is None:
            if is_open:
                open_i = i
        elif not is_open and i - open_i >= 2:
            pairs.append((open_i, i - 1, True))
            open_i = None
    return pairs


def pronoun_rows(found: Found) -> list[dict]:
    """The quotes of the document so far whose speaker was resolved from a pronoun or a role
    noun (``resolved_via == "pronoun"``)."""
    return [
        r
        for r in found.rows
        if isinstance(r["resolved_via"], str) and r["resolved_via"] == "pronoun"
    ]


def untabled_pronouns(found: Found, rows: list[dict]) -> None:
    """ "he"/"she" right after a sentence whose subject is someone the table does not know is
    that person, not an earlier tabled one (held-out sets 8 and 9): the sentence before the
    quote had a quote of an untabled speaker and none of a tabled one ("Isaac Oduya, said … .
    He warned that …"; "Kiprono's lawyer, Senior Counsel X, accused … . '…,' he told
    journalists"), or it opens, before any person of the table, with a capitalised name the
    table does not know followed by a lower-case word ("Last night Ghana's sports minister
    Kofi Mensah-Larbi blasted … . He told us: '…'"). Such quotes get an NA speaker."""
    doc = found.doc
    for row in rows:
        if row["resolved_via"] is not pd.NA:
            i = int(np.searchsorted(doc.start, row["speaker_start"]))
            q = int(np.searchsorted(doc.start, row["start"]))
            if doc.norm[i] not in ("he", "she") or doc.nationality_subject_before(min(i, q)):
                continue  # "A Thai official … . '…,' he said": Thailand (resolve)
            lo = int(doc.s_lo[min(i, q)])
            if lo == 0:
                continue
            p = int(doc.s_lo[lo - 1])
            if (p in found.unnamed_sents and p not in found.named_sents) or (
                p not in found.named_sents and _untabled_person_in(doc, p, lo)
            ):
                row.update(speaker_id=pd.NA, resolved_via=pd.NA)


_LEAD_TIME = frozenset({"last", "on", "earlier", "later", "late", "this", "that"})


def _untabled_person_in(doc: SpeakerDoc, p: int, lo: int) -> bool:
    """The sentence ``p..lo-1`` names, before any person of the table, two to four capitalised
    words outside mentions followed by a lower-case word ("Last night Ghana's sports minister
    Kofi Mensah-Larbi blasted …"); the words before them are not a clause of their own (no
    comma). Wave 26 (held-out set 144): also such a name before a comma and its apposition
    ("Tran Thi Lan, a retired nurse in Thu Duc City, put …", "For Madam Lee, the cheque …"),
    and a sentence opened by an indefinite private person ("One victim, a 29-year-old Kenyan,
    spent …", "A retired teacher lost …")."""
    if doc.norm[p] in INDEFINITES and any(
        doc.norm[i] in PRIVATE_PERSONS and not doc.in_mention[i]
        for i in range(p + 1, min(lo, p + 5))
    ):
        return True
    k = p
    while k < min(lo, p + 12):  # the subject stands among the first words
        if doc.norm[k] in BOUNDARY:
            return False
        if doc.in_mention[k]:
            m = doc.first_at.get(k)
            if m is not None and doc.a_type[doc.m_row[m]] == "person":
                return False
            k += 1
            continue
        j = k
        while (
            j < lo and not doc.in_mention[j] and doc.text[doc.start[j] : doc.start[j] + 1].isupper()
        ):
            j += 1
        if (
            2 <= j - k <= 4
            and j < lo
            and doc.text[doc.start[j] : doc.start[j] + 1].islower()
            and not title_goes_on(doc.norm, j)
        ):
            return k > p or doc.norm[k] not in _LEAD_TIME
        first = k + int(k == p and doc.norm[k] == "for")  # "For Madam Lee, the cheque …"
        if (
            2 <= j - first <= 4
            and j + 1 < lo
            and doc.norm[j] == ","
            and (doc.norm[j + 1] in _APPOSITION_OPENERS or doc.norm[j + 1][:1].isdigit())
            # a name opening the sentence, not a place or a time: "In Mae Sot, the …"
            and (first == p or (first == p + 1 and doc.norm[p] == "for"))
            and doc.norm[first] not in _NOT_A_NAME_OPENER
        ):
            return True
        k = max(j, k + 1)
    return False


_NOT_A_NAME_OPENER = _LEAD_TIME | frozenset({
    "in", "at", "from", "for", "to", "near", "across", "after", "before", "when", "while",
    "since", "during", "with", "by", "under", "as", "the", "a", "an", "but", "and", "yet",
})  # fmt: skip
#: Words opening an apposition after a name: "Tran Thi Lan, a retired nurse, …", "Lee, 67, …".
_APPOSITION_OPENERS = frozenset({"a", "an", "the", "who", "now", "then", "whose"})


#: Last words of names of bodies, not persons ("the Philippine Coast Guard said", "Cambodia's
#: Interior Ministry said": an untabled body of a tabled country speaks for it).
BODY_WORDS: frozenset[str] = frozenset({
    "ministry", "department", "office", "court", "commission", "agency", "bank", "police",
    "council", "centre", "center", "committee", "authority", "bureau", "service", "services",
    "unit", "division", "directorate", "government", "board", "institute", "association",
    "party", "force", "forces", "army", "navy", "guard", "embassy", "university", "group",
    "company", "airlines", "corporation", "corp", "ltd", "inc", "holdings", "union", "league",
    "federation", "organisation", "organization", "secretariat", "parliament", "assembly",
    "senate", "congress", "cabinet", "presidency", "administration", "network", "foundation",
    "fund", "programme", "program", "mission", "delegation", "team", "club", "news", "times",
    "post", "press", "television", "radio", "tribunal", "prosecutors", "procuracy",
})  # fmt: skip
# particles inside personal names ("Azlan bin Hashim", "Ricardo de la Fuente")
_NAME_PARTICLES = frozenset({"bin", "binti", "de", "da", "do", "dos", "del", "la", "van", "von"})


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "of", "for", "to", "near", "on", "across"})


def capitalised(doc: SpeakerDoc, i: int) -> bool:
    """Token ``i`` is written with a capital first letter."""
    return doc.text[doc.start[i] : doc.start[i] + 1].isupper()


def _is_title_head(word: str) -> bool:
    return word in TITLE_END_WORDS or word.endswith("-general")


def untabled_person_before(
    doc: SpeakerDoc, lo: int, end: int, nationality: bool = False
) -> Slot | None:
    """ "OA head Mariana Ledesma said", "Interpol executive director … Marta Silveira said":
    two to five capitalised words outside mentions end at token ``end`` (right before the cue),
    after a lower-case title word, inside a clause from ``lo`` that names a tabled body before
    them. That is a person the table does not know (UNNAMED; held-out sets 3-9: "with an
    untabled person the organisation in the description is a mention and the speaker is
    empty"); not when the last word names a body ("Cambodia's Interior Ministry said"). With
    ``nationality``, a nationality adjective opening the clause stands for the body ("Chinese
    delegate Liu Jun said", "Chinese Embassy spokesman Wang Lei welcomed"; wave 21)."""
    norm = doc.norm
    if end < lo or doc.in_mention[end] or norm[end] in BODY_WORDS or not capitalised(doc, end):
        return None
    k = end
    while k > lo and end - k < 5 and not doc.in_mention[k - 1]:
        if _is_title_head(norm[k - 1]):
            break  # "Viet Nam's Deputy Prosecutor General Tran Van Hoa" (held-out set 29)
        if capitalised(doc, k - 1) or (
            # "van der", and the stop of an abbreviated name: "Ma. Lourdes Galang" (set 26)
            norm[k - 1] in (*_NAME_PARTICLES, ".") and k - 2 >= lo and capitalised(doc, k - 2)
        ):
            k -= 1
        else:
            break
    t = k - 1
    if t > lo and norm[t] == ")":  # "deputy chief commissioner (operations) Datuk Seri X" (set 10)
        while t > lo and norm[t] != "(":
            t -= 1
        t -= 1
    if (
        end - k < 1
        or t < lo
        or not norm[t].isalpha()
        or (capitalised(doc, t) and not _is_title_head(norm[t]))
    ):
        return None
    if norm[t] == "of" and t - 1 >= lo and norm[t - 1] in BODY_WORDS:
        return None  # "Ghana's Ministry of Foreign Affairs said": a body's name (set 12)
    if doc.first_mention_in(lo, t) is None and not (
        nationality
        and norm[lo] in DEMONYMS
        and capitalised(doc, lo)
        and norm[t] not in _PLACE_PREPOSITIONS  # "Chinese officials in Mae Sot said"
    ):
        return None
    return Slot(UNNAMED, "", k, end)


def untabled_name_clause(doc: SpeakerDoc, lo: int, hi: int) -> bool:
    """The clause ``lo..hi`` is only a name the table does not know: one to five capitalised
    words (and name particles) outside mentions ("Lt Gen Lê Văn Tuyến", "Sutrisno")."""
    if hi < lo or hi - lo > 5 or doc.norm[lo] in _NOT_A_NAME:
        return False
    return (
        all(
            not doc.in_mention[i] and (capitalised(doc, i) or doc.norm[i] in _NAME_PARTICLES)
            for i in range(lo, hi + 1)
        )
        and doc.norm[hi] not in BODY_WORDS
    )


def opening_untabled_name(doc: SpeakerDoc, lo: int, hi: int) -> Slot | None:
    """The clause ``lo..hi`` opens with two to six capitalised words outside mentions followed
    by a lower-case word ("Chief Magistrate Celestine Wairimu dismissed an application by
    former Governor X …, saying …"): its subject is someone the table does not know (UNNAMED),
    not the tabled person named later in the clause."""
    k = lo
    while k <= hi and k - lo < 7 and not doc.in_mention[k] and capitalised(doc, k):
        k += 1
    if not 2 <= k - lo <= 6 or k > hi or doc.in_mention[k] or not doc.norm[k][:1].islower():
        return None
    if doc.norm[lo] in _NOT_A_NAME or doc.norm[k - 1] in BODY_WORDS:
        return None
    if doc.norm[lo] in ("the", "a", "an", "in", "on", "at", "after", "last", "this"):
        return None
    if doc.norm[lo] in SOURCE_DETERMINERS:
        return None  # "One Malaysian official, who spoke …, said" (wave 20, set 86)
    return Slot(UNNAMED, "", lo, k - 1)


_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them"})


def past_object_pronoun(doc: SpeakerDoc, i: int, o: int) -> int:
    """After "told" (token ``i - 1``), before the opening mark ``o``: the token after an object
    pronoun and time words ("He told us: '…'", "The Attorney-General told me yesterday,
    '…'"), else ``i``."""
    norm = doc.norm
    if i >= o or norm[i] not in _OBJECT_PRONOUNS:
        return i
    j = i + 1
    while j < o and norm[j] in _TIME:
        j += 1
    return j


def past_brackets(norm, i: int, s_hi: int) -> int:
    """The token after "(ABBR)" at token ``i`` ("…, said the Royal Malaysia Police (PDRM) had
    frozen …": the words after the bracket decide whether the name opens the content), else
    ``i``."""
    if i + 2 <= s_hi and norm[i] == "(" and norm[i + 2] == ")":
        return i + 3
    return i


def relative_source(doc: SpeakerDoc, lo: int, end: int) -> Slot | None:
    """An unnamed source in a relative clause right before the cue: "a judicial reform that
    critics say would …", "…, a structure investigators say the gang exploited": the source
    speaks (UNNAMED), not the actor named earlier in the clause."""
    norm = doc.norm
    if end - 1 < lo or norm[end] not in UNNAMED_SOURCES or doc.in_mention[end]:
        return None
    if norm[end - 1] in ("that", "which", "whom"):
        return Slot(UNNAMED, "", end, end)
    if (
        end - 3 >= lo - 1
        and end - 3 >= 0
        and norm[end - 3] == ","
        and norm[end - 2] in ("a", "an", "the")
        and norm[end - 1].isalpha()
        and not doc.in_mention[end - 1]
    ):
        return Slot(UNNAMED, "", end, end)
    return None


def clause_split(found: Found, after: int, nxt: Cue) -> int | None:
    """Where reported content ends before a later cue ``nxt`` of its sentence that starts a
    quote of its own: ", PARTICIPLE …" ("said A, arguing that B", "urged A, saying B": two
    quotes, held-out sets 3, 7, 8 and 9; set 2 coded one) and ", a NOUN SOURCE CUE …" ("…, a
    structure investigators say the gang exploited"); the last token of the content, else
    None."""
    norm = found.doc.norm
    c = nxt.first - 1
    if found.cue_at.get(nxt.first) in found.consumed and nxt.kind == "verb":
        # 'urged X to act "as soon as possible", the ministry said.' (fragment_start): the
        # closing attribution is not content
        k = c
        while k > after and norm[k] != "," and c - k < 6:
            k -= 1
        if norm[k] == "," and k > after + 1:
            return k - 1
    if c > after + 1 and norm[c] == "," and nxt.kind == "participle":
        return c - 1
    if (
        nxt.kind == "verb"
        and c - 3 > after
        and norm[c] in UNNAMED_SOURCES
        and norm[c - 3] == ","
        and norm[c - 2] in ("a", "an", "the")
    ):
        return c - 4
    return None


def modified_source(found: Found, ci: int, nxt: int) -> tuple[Slot | None, int] | None:
    """``content, a SOURCE MODIFIER CUE.``: an unnamed source with a participle or adjective
    phrase before the cue ("…, a Thai police officer involved in the operation told The
    Nation", "…, an official familiar with the talks said"). The quote is the content before
    the comma; its speaker is the actor named in the source phrase ("Thai police" → the Royal
    Thai Police, as "a U.S. State Department spokesperson"), else NA. ``nxt`` is the token
    after the cue and its time words or addressee, which must end the clause."""
    doc, norm, cue = found.doc, found.doc.norm, found.cues[ci]
    s_lo, s_hi = int(doc.s_lo[cue.first]), int(doc.s_hi[cue.first])
    if not (nxt > s_hi or norm[nxt] in SENT_END or norm[nxt] == ","):
        return None
    j = cue.first - 2
    while j > s_lo and cue.first - j <= 6 and norm[j] not in UNNAMED_SOURCES:
        w = doc.text[doc.start[j] : doc.end[j]]
        if not w.isalpha() or not w.islower():
            return None
        j -= 1
    if j <= s_lo or norm[j] not in UNNAMED_SOURCES or doc.in_mention[j]:
        return None
    k = j - 1
    while k > s_lo and j - k <= 5 and norm[k] != ",":
        if norm[k] in BOUNDARY or norm[k] in SENT_END or found.in_quotation(k):
            return None
        k -= 1
    if norm[k] != "," or k <= s_lo:
        return None
    slot = doc.first_mention_in(k + 1, j)
    return (slot, nxt) if found.add(s_lo, k - 1, "reported", slot, cue.cue) else None


def fragment_start(found: Found, o: int, last: int, ci: int, slot: Slot | None) -> int | None:
    """A closed quotation ``o..last`` that ends a clause begun before it, followed by its
    attribution at the end of the sentence ('Beijing urged the remaining states to conclude
    such treaties "as soon as possible", the ministry said.'): the attribution is said of the
    whole clause, which is then one reported quote from its first word to the closing mark;
    returns that first token, else None (the quotation is a quote of its own). The clause has
    at least three words before the mark, no other quotation mark, and a verb cue of its own
    (so that "The theme, "…", reflects …" stays as it is)."""
    doc, norm, cue = found.doc, found.doc.norm, found.cues[ci]
    s_lo, s_hi = int(doc.s_lo[o]), int(doc.s_hi[o])
    if o - s_lo < 3 or norm[o - 1] in BOUNDARY or norm[o - 1] in ("that", "as"):
        return None
    if not norm[o - 1][:1].isalnum() or any(norm[i] in SENT_END for i in range(s_lo, o)):
        return None  # '… in Boston. " The nuns …", the President commented': a new sentence
    if last + 2 >= len(norm) or norm[last + 2] != ",":
        return None
    end = slot.last if slot is not None and slot.first > cue.last else cue.last
    if s_hi - end > 4 or found.quoted[s_lo:o].any():
        return None
    for cj in found.cues_from(s_lo + 1):
        if found.cues[cj].first >= o:
            return None
        if found.cues[cj].kind == "verb":
            return s_lo
    return None


def it_speaker(doc: SpeakerDoc, i: int) -> Slot | None:
    """ "It" opening a sentence at token ``i`` ("It thanked the Thai side for its '…'"): the
    organisation or country that stands by a speech cue in the sentence before ("…, the SPP
    said …"), else None."""
    if doc.norm[i] != "it" or i != doc.s_lo[i] or i == 0 or doc.speaking is None:
        return None
    p = int(doc.s_lo[i - 1])
    k = int(np.searchsorted(doc.m_first, p))
    while k < len(doc.m_first) and doc.m_first[k] < i:
        row = doc.m_row[k]
        if doc.speaking[row] and doc.a_type[row] in ("organisation", "country"):
            return Slot(k, "", i, i)
        k += 1
    return None


#: Abbreviated titles and the title they stand for ("the AG said" after "Attorney-General X").
_TITLE_OF = {abbr: title for title, abbr in TITLE_ABBREVIATIONS.items()}


_LESSER = frozenset({"deputy", "assistant", "vice", "acting", "former", "associate"})


def _holds_title(words: list, title: str) -> bool:
    """``title`` ("attorney general") among ``words``, hyphens read as spaces, and not a
    lesser post ("Deputy Attorney-General Lee": not "the AG")."""
    text = " " + " ".join(words).replace("-", " ") + " "
    at = text.find(" " + title + " ")
    return at >= 0 and text[:at].rsplit(" ", 1)[-1] not in _LESSER


def titled_roles(found: Found, rows: list[dict]) -> None:
    """ "The ambassador said …" (a role noun resolved like a pronoun): the nearest earlier
    person of the table named with that title ("… received Chinese Ambassador He Weiming. Hoa
    asked … . The ambassador said …" → He Weiming, not Hoa, the subject of the sentence
    before)."""
    doc = found.doc
    for row in rows:
        if row["resolved_via"] is pd.NA:
            continue  # made NA by untabled_pronouns
        i = int(np.searchsorted(doc.start, row["speaker_start"]))
        j = int(np.searchsorted(doc.end, row["speaker_end"]))
        if j <= i or doc.norm[i] != "the" or j >= len(doc.norm):
            continue
        role = doc.norm[j]
        title = _TITLE_OF.get(role)  # "the AG": a person titled "Attorney-General"
        before = int(np.searchsorted(doc.a_start, doc.start[i])) - 1
        for m in range(before, max(-1, before - 40), -1):
            if doc.a_type[m] != "person":
                continue
            a = int(np.searchsorted(doc.start, doc.a_start[m]))
            b = int(np.searchsorted(doc.end, doc.a_end[m]))
            if role in doc.norm[max(0, a - 1) : b + 1] or (
                title is not None and _holds_title(doc.norm[max(0, a - 2) : b + 1], title)
            ):
                if doc.a_actor[m] != row["speaker_id"]:
                    row.update(speaker_id=doc.a_actor[m])
                break


_AUX_WORDS = frozenset({"also", "has", "have", "had", "then", "later", "further"})


def event_subject(doc: SpeakerDoc, s_lo: int, c0: int) -> Slot | None:
    """ "The conference also agreed that …" (cue at ``c0``): the organisation whose meeting it
    is (:func:`event_owner`), else None."""
    j = c0 - 1
    while j > s_lo and doc.norm[j] in _AUX_WORDS:
        j -= 1
    return event_owner(doc, j) if j > s_lo else None


#: What a meeting decides or records in its own statement: "8. The Conference agreed that …",
#: "The Conference noted with concern that …" (chairman's statements and joint communiqués).
DECISION_VERBS: frozenset[str] = frozenset({
    "agreed", "noted", "decided", "resolved", "reaffirmed", "affirmed", "recognised",
    "recognized", "acknowledged", "stressed", "emphasised", "emphasized", "underlined",
    "underscored", "reiterated", "welcomed", "expressed",
})  # fmt: skip
#: Manners of noting: "noted with concern that …", "noted with appreciation the offer …".
DECISION_MANNER: frozenset[str] = frozenset({
    "concern", "satisfaction", "appreciation", "regret", "interest", "pleasure", "gratitude",
})  # fmt: skip


def event_decisions(found: Found) -> None:
    """A tabled meeting (an actor of type ``event``) opening its sentence as the subject of a
    verb of :data:`DECISION_VERBS` and "that": "3. The Conference noted with concern that
    online scams had grown." is the meeting's reported quote (cue: the verb), over the rest of
    the sentence. Events do not otherwise speak (:data:`analysis.speakers.SPEAKER_TYPES`):
    "told the conference", "on the sidelines of the summit" name them as audiences and
    places. The references of held-out sets 35, 59, 78 and 79 make the meeting the speaker of
    its own decisions; a meeting the table does not know keeps an NA speaker (set 31)."""
    doc, norm = found.doc, found.doc.norm
    n = len(norm)
    for j in np.flatnonzero(doc.a_type == "event"):
        first, last = int(doc.a_first[j]), int(doc.a_last[j])
        lo = int(doc.s_lo[first])
        # the mention opens the sentence, after at most a paragraph number ("8.") and "the"
        if any(str(norm[i])[:1].isalpha() and norm[i] != "the" for i in range(lo, first)):
            continue
        c = last + 1
        while c < n and norm[c] in _AUX_WORDS:
            c += 1
        if c >= n or norm[c] not in DECISION_VERBS:
            continue
        t = c + 1
        if t + 1 < n and norm[t] == "with" and norm[t + 1] in DECISION_MANNER:
            t += 2
        hi = int(doc.s_hi[first])
        if t >= hi or norm[t] != "that":
            continue
        row = _decision_quote(found, t + 1, hi, str(norm[c]))
        if row is None:
            continue
        row.update(
            speaker_id=doc.a_actor[j], speaker_start=int(doc.a_start[j]),
            speaker_end=int(doc.a_end[j]), resolved_via=doc.a_via[j],
        )  # fmt: skip


_IMPERSONAL_AUX = frozenset({"was", "is", "has", "had", "been", "also"})


def impersonal_decisions(found: Found) -> None:
    """ "It was agreed that the next conference would be held in 2021." (a meeting's record
    in the passive): the clause after "that" is a reported quote with an NA speaker (cue: the
    verb of :data:`DECISION_VERBS`), as the references code it (held-out set 78)."""
    doc, norm = found.doc, found.doc.norm
    n = len(norm)
    for i in np.flatnonzero(doc.s_lo == np.arange(n)).tolist():  # sentence starts
        if norm[i] != "it" or i + 4 >= n:
            continue
        c = i + 1
        while c < n and c - i <= 3 and norm[c] in _IMPERSONAL_AUX:
            c += 1
        if c == i + 1 or c >= n - 1 or norm[c] not in DECISION_VERBS or norm[c + 1] != "that":
            continue
        _decision_quote(found, c + 2, int(doc.s_hi[i]), str(norm[c]))


def _decision_quote(found: Found, a: int, hi: int, cue: str) -> dict | None:
    """Tokens ``a..hi`` (after a decision's "that", to the sentence's end, without its end
    marks) as a reported quote with no speaker yet, when they hold three tokens or more and no
    quote has them; or the quote already read there with no speaker ("4. The Conference noted
    that …" read as a reported quote of nobody; wave 20, set 87). Returns that quote's row, else
    None."""
    doc, norm, b = found.doc, found.doc.norm, hi
    while b > a and norm[b] in SENT_END:
        b -= 1
    if b - a < 2:
        return None
    if found.taken[a : b + 1].any():
        start = int(doc.start[a])
        for row in reversed(found.rows):
            if row["start"] == start and pd.isna(row["speaker_id"]) and row["cue"] == cue:
                return row
        return None
    found.add_span(a, b, "reported", None, cue)
    return found.rows[-1]


_ORG_JOINERS = frozenset({"of", "for", "and", "on", "&"})


def untabled_body_before(doc: SpeakerDoc, s_lo: int, c: int) -> Slot | None:
    """ "…, the Central Commission for Discipline Inspection said": capitalised words joined by
    "of", "for", "and" outside mentions, ending at token ``c`` and opened by "the" or a comma:
    someone the table does not know (UNNAMED), spanning from "the"."""
    k = c
    while k > s_lo and c - k < 10:
        w = doc.norm[k]
        if doc.in_mention[k] or not (capitalised(doc, k) or (w in _ORG_JOINERS and k < c)):
            break
        k -= 1
    first = k + 1
    if first > c or c - first < 1 or doc.norm[first] in _ORG_JOINERS:
        return None
    if doc.norm[k] == "the" and k > s_lo and doc.norm[k - 1] == ",":
        return Slot(UNNAMED, "", k, c)
    return Slot(UNNAMED, "", first, c) if doc.norm[k] == "," else None


def apposed_name_after(doc: SpeakerDoc, first_hi: int, c0: int) -> Slot | None:
    """The clause after the one ending at ``first_hi`` (before the cue at ``c0``) is only a
    name the table does not know ("India's negotiator, Leela Menon, called … and accused
    …"): that person (UNNAMED), else None."""
    a = first_hi + 2
    b = a
    while b < c0 and doc.norm[b] not in BOUNDARY:
        b += 1
    if b >= c0 or not untabled_name_clause(doc, a, b - 1):
        return None
    return Slot(UNNAMED, "", a, b - 1)


def untabled_person_after(doc: SpeakerDoc, slot: Slot | None) -> Slot | None:
    """ "… said CCG spokesperson Liu Dejun.": a body's mention right after the cue, one to
    three lower-case title words, then two to four capitalised words outside mentions: a
    person the table does not know (UNNAMED), else ``slot``."""
    if slot is None or slot.mention < 0 or doc.a_type[doc.m_row[slot.mention]] == "person":
        return slot
    norm, n = doc.norm, len(doc.norm)
    j = slot.last + 1
    while j < n and j - slot.last <= 3 and norm[j].isalpha() and not capitalised(doc, j):
        j += 1
    if j == slot.last + 1 or j >= n:
        return slot
    k = j
    while k < n and k - j < 5 and not doc.in_mention[k] and capitalised(doc, k):
        k += 1
    if 2 <= k - j <= 4 and norm[k - 1] not in BODY_WORDS:
        return Slot(UNNAMED, "", slot.first, k - 1)
    return slot


def apposed_person(doc: SpeakerDoc, a: int, b: int) -> Slot | None:
    """The clause ``a..b`` is exactly one person of the table, in apposition to a title
    before it ("Albania's prime minister, Arben Hoxha, has defended …"): that person."""
    k = doc.first_at.get(a)
    if k is None or int(doc.m_last[k]) != b or doc.a_type[doc.m_row[k]] != "person":
        return None
    return Slot(k, "", a, b)


#: Cues that are speech whatever follows them, for a surname alone before them ("Huang said
#: …"; not "America believes in …").
SAYING_CUES: frozenset[str] = frozenset({"said", "says", "told"})
# capitalised sentence openers that are not surnames ("Two noted troupes", "All told, …")
_QUANTIFIERS = frozenset({
    "all", "both", "each", "every", "few", "many", "most", "much", "none", "some", "several",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "another",
    "everyone", "everybody", "nobody", "somebody", "someone", "anyone", "others", "who", "what",
})  # fmt: skip
_PRONOUN_LIKE = frozenset({"i", "we", "you", "they", "it", "this", "that", "there", "he", "she"})


def opening_surname(doc: SpeakerDoc, s_lo: int) -> Slot | None:
    """One capitalised word outside mentions that opens the sentence right before a verb cue
    ("Huang said the procuratorate would …"): a surname the table does not know (UNNAMED)."""
    word = doc.text[doc.start[s_lo] : doc.end[s_lo]]
    if doc.in_mention[s_lo] or not word[:1].isupper() or not word.isalpha():
        return None
    w = doc.norm[s_lo]
    if w in _PRONOUN_LIKE or w in _NOT_A_NAME or w in UNNAMED_SOURCES or word.isupper():
        return None
    if w in _QUANTIFIERS or (s_lo + 2 < len(doc.norm) and doc.norm[s_lo + 2] in BOUNDARY):
        return None  # "All told, …"
    return Slot(UNNAMED, "", s_lo, s_lo)


def last_word(norm, s_hi: int) -> int:
    """The last token of a sentence before its closing punctuation ("… interior ministry.")."""
    return s_hi - 1 if norm[s_hi] in SENT_END else s_hi


#: Nouns of private people, who speak for themselves, not for a state or a body: after a
#: nationality adjective and a head word of :data:`DEMONYM_HEADS` ("a Cambodian defence
#: lawyer said"), and as the subject of a sentence opened by "a" or "one" ("One victim, a
#: 29-year-old Kenyan, spent …"; :func:`_untabled_person_in`).
PRIVATE_PERSONS: frozenset[str] = frozenset({
    "lawyer", "lawyers", "attorney", "attorneys", "analyst", "analysts", "expert", "experts",
    "researcher", "researchers", "activist", "activists", "journalist", "journalists",
    "scholar", "scholars", "academic", "academics", "victim", "victims", "student", "students",
    "survivor", "mother", "father", "woman", "man", "teacher", "nurse", "worker", "resident",
    "villager", "farmer", "widow", "widower", "son", "daughter", "businessman",
    "businesswoman", "investor", "trader", "driver", "relative", "pensioner", "retiree",
    "engineer", "graduate", "escapee", "returnee",
})  # fmt: skip
#: Nouns of a state's bodies and officials after a nationality adjective: "Nigerian officials
#: have accused …", "the Japanese defence ministry" speak for the country (held-out sets 6 and
#: 9), when the document names that country. Not "embassy": set 2 codes "The Chinese Embassy
#: described …" with an NA speaker, set 9 "The Chinese Embassy in Phnom Penh said" as China.
DEMONYM_HEADS: frozenset[str] = frozenset({
    "ministry", "government", "officials", "official", "authorities",
    "diplomats", "diplomat", "spokesman", "spokeswoman", "spokesperson", "military", "army",
    "navy", "foreign", "defence", "defense", "interior", "justice", "prosecutors", "cabinet",
    "negotiator", "negotiators",  # wave 11: "A Chinese negotiator said …" (set 17)
    "delegation",  # wave 12: "The Thai delegation, led by X, said …" (the delegation speaks)
    # wave 16 (sets 33-36): "…, Thai police said", "A Singaporean delegate said", "According
    # to the Chinese embassy" (set 2's NA "Chinese Embassy" is outvoted by sets 9 and 33-36)
    "police", "delegate", "delegates", "embassy", "immigration", "prosecutor", "procuracy",
    "participant", "participants",  # wave 22: "A Thai participant from the OAG said" (set 112)
    "procuratorate",
    # wave 18 (sets 50 and 59): "The Lao side thanked …", "The Cambodian side pledged to …"
    "side",
    # wave 19 (set 77): "with the Philippine hosts insisting that …"
    "host", "hosts",
})  # fmt: skip
# words before the adjective of an official source: articles, numbers, rank
# a person of a body: "an official from the Lao prosecutor's office"
_MEMBER_NOUNS = frozenset({
    "official", "officials", "representative", "representatives", "member", "members",
    "source", "sources", "spokesman", "spokeswoman", "spokesperson",
})  # fmt: skip
_OTHER_NAMES = {"united kingdom": ("britain", "uk", "u.k."), "united states": ("us", "u.s.", "usa")}
# official or local names whose adjective is the one of the older English name (wave 12)
_NAME_FORMS = {"türkiye": "turkey", "turkiye": "turkey", "lao pdr": "laos", "czechia": "czech"}


def _is_demonym(adj: str, name: str) -> bool:
    """``adj`` (folded) is the nationality adjective of the country named ``name``."""
    return adj in demonyms_of(name)


def demonyms_of(name: str) -> frozenset[str]:
    """The nationality adjectives (folded) of the country named ``name`` (folded): the
    irregular ones ("thai", "lao", "british" for "britain") and the regular ones by -n, -an,
    -ian, -ese, -i, -ean ("cambodian", "vietnamese" of "viet nam")."""
    name = _NAME_FORMS.get(name, name)
    # the irregular ones and the other names' ("british" for "britain"): name_forms.DEMONYMS
    out = {adj for adj, country in DEMONYMS.items() if country == name}
    out |= {adj for adj in ("british", "american") if name in _OTHER_NAMES.get(DEMONYMS[adj], ())}
    name = name.replace(" ", "")  # "Viet Nam": "Vietnamese"
    stems = {name, name[:-1]} if name[-1:] in "aeiouy" else {name}
    return frozenset(
        out | {st + suf for st in stems for suf in ("n", "an", "ian", "ese", "i", "ean")}
    )


def demonym_body(
    doc: SpeakerDoc, lo: int, end: int, heads: frozenset[str] = DEMONYM_HEADS
) -> Slot | None:
    """ "Nigerian officials have accused …", "the Japanese defence ministry said": a
    nationality adjective outside mentions that opens the clause ``lo..end``, then within two
    words a noun of ``heads`` (:data:`DEMONYM_HEADS`): the country of that adjective, when the
    document names it (its first eligible mention), else None."""
    norm = doc.norm
    j = lo
    if j + 2 < end and norm[j] == "as":
        j += 1  # "As one Vietnamese prosecutor put it, …"
    elif (
        j + 3 < end
        and norm[j] in ("in", "on")
        and (norm[j + 1].isdigit() or norm[j + 1] in MONTH_NAMES)
    ):
        j += 2  # "In 2023 a Lao official described …"
    # "One Malaysian official", "two senior Thai officials", "a senior Vietnamese
    # diplomat" (wave 20, sets 86 and 88); not "a former Thai prosecutor" (set 16: NA)
    top = j + 3
    while j < min(end, top) and norm[j] in SOURCE_DETERMINERS:
        j += 1
    if j + 2 < end and norm[j] in _MEMBER_NOUNS and norm[j + 1] in ("from", "of", "at", "for"):
        # "an official from the Lao prosecutor's office", "officials from the Thai side"
        # (wave 20, sets 85 and 86)
        j += 3 if norm[j + 2] == "the" else 2
    if j > end or doc.in_mention[j] or not capitalised(doc, j) or not norm[j].isalpha():
        return None
    if not any(  # "the Lao prosecutor's office"
        norm[i] in heads or norm[i].removesuffix("'s").removesuffix("’s") in heads
        for i in range(j + 1, min(end, j + 3) + 1)
    ):
        return None
    # "A Cambodian defence lawyer who has represented … said": a private person, whom the
    # state does not speak through (wave 26, held-out set 144: an NA speaker)
    if any(norm[i] in PRIVATE_PERSONS for i in range(j + 1, min(end, j + 3) + 1)):
        return Slot(UNNAMED, "", j, end)
    adj = norm[j]
    for k in range(len(doc.m_first)):
        row = doc.m_row[k]
        if doc.a_type[row] != "country":
            continue
        name = doc.text[doc.a_start[row] : doc.a_end[row]].lower()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        name = name.removeprefix("the ")  # "the Philippines" (wave 17, set 51)
        # the actor id too: a capital ("Manila") may be the document's only mention
        if _is_demonym(adj, name) or _is_demonym(adj, str(doc.a_actor[row]).replace("_", " ")):
            return Slot(k, "", lo, end)
    actor = doc.countries.get(adj)
    return None if actor is None else Slot(UNNAMED, "", lo, end, actor)


#: Prepositions between an unnamed source and the body it speaks for ("a spokeswoman for
#: IJM", "an official of the ministry", "a source at the AGC").
_SOURCE_OF = frozenset({"for", "of", "at", "from", "with"})
_SOURCE_WORDS = 3  # lower-case words before the source noun or between "for" and the body


def source_for_body(doc: SpeakerDoc, i: int) -> Slot | None:
    """``said a SOURCE for [the DESCRIPTION] BODY`` from token ``i`` on: an unnamed source of a
    tabled body after the cue speaks for the body ('"…," said a spokeswoman for International
    Justice Mission (IJM)', '"…," said a spokesperson for the rights group Justice For
    Myanmar'; wave 25), as it does before the cue ("A spokesperson for X said"). Else None."""
    norm, n = doc.norm, len(doc.norm)
    if i >= n or norm[i] not in ("a", "an", "the"):
        return None
    j = i + 1
    while j < n and j - i <= _SOURCE_WORDS and norm[j] not in UNNAMED_SOURCES:
        if not norm[j].isalpha() or doc.in_mention[j]:
            return None
        j += 1
    if j + 1 >= n or norm[j] not in UNNAMED_SOURCES or norm[j + 1] not in _SOURCE_OF:
        return None
    if norm[j] in AGENT_NOUNS:
        return None  # "said a lawyer for X": acts for X, does not speak for it
    k = j + 2
    if k < n and norm[k] == "the":
        k += 1
    for _ in range(_SOURCE_WORDS + 1):
        slot = doc.slot_starting_at(k)
        if slot is not None and slot.mention >= 0:
            kind = str(doc.a_type[int(doc.m_row[slot.mention])])
            return slot if kind != "person" else None
        if k >= n or not norm[k].isalpha() or not doc.text[doc.start[k]].islower():
            return None
        k += 1
    return None
