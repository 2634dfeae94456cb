"""News forms of attribution added in wave 8 (held-out set 12), kept out of the older rules.

Part of :func:`analysis.quotes.find_quotes`; hand-written like the rest of the quote layer
(each rule is one news form checked on a few tokens around one cue). The forms:

* a denial (:func:`denial_allowed`): "Pellow denies six counts of fraud", "Kigali denies
  backing the rebels", "New Delhi has denied any interference" are what the subject says
  (cue "denies"/"denied" before a gerund or a noun of charges and claims); not "was denied
  bail", "denied them entry", nor a denial that is itself the content of an attribution
  after it ("He denies wrongdoing, his lawyer said");
* what a court or a jury heard, after the content (:func:`hearing_allowed`): "…, a jury has
  heard.", "…, the court heard.", a headline's "'…', court hears": an NA speaker (the court is
  told, it does not speak), as "the court heard that …";
* reported speech inside a transcript answer (``SPEAKER: answer``) is read as a quote of its
  own speaker (:mod:`analysis.quotes`), its subject searched after the label's colon
  (:func:`answer_start`); "It"/"They" opening a sentence of the answer is the body or country
  that opens the sentence before (:func:`answer_it`: "Tehran arms them. It denies …"), and a
  pronoun resolved to the person who answers is the body or country named before it in its
  sentence (:func:`answer_pronouns`: "When I called Maersk, they told me …");
* a British headline's single-quoted clause before ", court hears" (:func:`headline_single_pair`);
* a country's body (:func:`located_mission`, :func:`it_after_body`): "The Chinese Embassy in
  Vientiane said" (also "A spokesperson for the … embassy in Ottawa") speaks for China, and
  "It said …" in the next sentence too; "Ghana's Ministry of Foreign Affairs said" is Ghana
  (a body's name after the possessive, not an untabled person's title,
  :func:`analysis.quote_forms.untabled_person_before`);
* unnamed and untabled sources after the content (:func:`appositive_source`,
  :func:`untabled_the_name`, :func:`quote_after_inverted`; source nouns "family", "relatives",
  "colleague", "prosecutors" in :data:`analysis.cues.UNNAMED_SOURCES`): "…, her family said in a
  statement.", "…, a former colleague, Jean-Pierre Moreau, recalled. "But she …"" (the
  quotation standing alone after it continues the quote), "The Israel Football Association
  said …", "…, the two countries' top prosecutors said here on Tuesday.";
* a body's own document (:data:`ORG_DOCUMENTS`, read in :mod:`analysis.reported`): "…,
  according to a Canadian Security Intelligence Service (CSIS) assessment he cited" is CSIS,
  not the minister who cites it; "according to the Bangkok statement" (a meeting's, named for
  its city) and "according to Ministry of Justice figures" stay NA;
* a nominal cue after the sentence's own verb (:data:`NOMINAL_CUES`, :func:`nominal_subject`):
  "The AGO opened the 12th conference … with a call for a regional agreement …";
* "…, according to SOURCE, adopted on …" (:func:`source_ends`): a participle clause after the
  source still closes the attribution; "the agency's latest report" is the organisation named
  earlier in the sentence (:func:`owner_body`), "the conference's concluding statement" nobody;
* a shared or untabled name with a tabled abbreviation in the bracket right before the cue
  (:func:`bracketed_alias`): "…, the Attorney General's Chambers (AGC) announced yesterday";
* "agree(s)" after the content (:func:`agree_allowed`): "Tehran supplies weapons, most
  analysts agree on that." (an NA speaker);
* the person, not the body in their description (:func:`person_of_body`,
  :func:`passive_clause`): "Procurator-General Gao of China's SPP praised …" is Gao;
  "Speaking at …, hosted by China's SPP by video link, Dr X, Prosecutor General of Y, said" is
  Dr X (the "hosted by" clause does not speak);
* a passive "told that" (:func:`told_passive`, wave 9): "We are told that …", "Staff were told
  that …" is what an unnamed source says (an NA speaker), not what the subject says.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.attribution import after_time_words
from analysis.cues import HEARING_BODIES, PASSIVE_AFTER, UNNAMED_SOURCES
from analysis.quote_forms import demonym_body
from analysis.speakers import SENT_END, UNNAMED, Cue, Found, Slot, SpeakerDoc

__all__ = [
    "told_passive",
    "answer_start",
    "answer_it",
    "AGREE_CUES",
    "agree_allowed",
    "bracketed_alias",
    "owner_body",
    "source_ends",
    "NOMINAL_CUES",
    "nominal_subject",
    "ORG_DOCUMENTS",
    "appositive_source",
    "quote_after_inverted",
    "untabled_the_name",
    "passive_clause",
    "person_of_body",
    "it_after_body",
    "it_after_subject",
    "MISSION_NOUNS",
    "located_mission",
    "mission_at",
    "headline_single_pair",
    "answer_pronouns",
    "DENIAL_CUES",
    "DENIAL_OBJECTS",
    "HEARD_CUES",
    "denial_allowed",
    "hearing_allowed",
]

#: Denial cues read by :func:`denial_allowed` ("denies that …" is a cue of its own).
DENIAL_CUES: frozenset[str] = frozenset({"denies", "denied"})
#: Nouns of what is denied: charges, counts, claims, wrongdoing, involvement.
DENIAL_OBJECTS: frozenset[str] = frozenset({
    "charge", "charges", "count", "counts", "allegation", "allegations", "accusation",
    "accusations", "claim", "claims", "wrongdoing", "involvement", "responsibility",
    "interference", "offence", "offences", "offense", "offenses", "guilt", "links", "role",
    "reports", "report", "knowledge", "murder", "fraud", "corruption", "manslaughter",
})  # fmt: skip
# words that may stand between the cue and the object noun ("denies six counts", "denied all
# the charges", "denies any wrongdoing")
_DENIAL_SKIP = frozenset({
    "the", "all", "any", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "several", "these", "those", "such", "of", "every", "criminal",
})  # fmt: skip
#: Inverted hearing cues ("…, a jury has heard."), read by :func:`hearing_allowed`.
HEARD_CUES: frozenset[str] = frozenset({"heard", "hears"})
_HEARING_AUX = frozenset({"has", "have", "had", "was", "were", "is"})


def denial_allowed(doc: SpeakerDoc, c: Cue) -> bool:
    """The denial cue ``c`` reports what its subject says: a gerund right after it
    ("denies backing the rebels"), or a noun of :data:`DENIAL_OBJECTS` within four words
    ("denies six counts of …", "denied any interference"); and no attribution of its own
    clause later in the sentence after a comma ("He denies wrongdoing, his lawyer said").

    Example:
        >>> from analysis.speakers import Cue
        >>> class D:  # the two fields the rule reads
        ...     norm = ["he", "denies", "six", "counts", "of", "fraud", "."]
        ...     s_lo = [0] * 7
        ...     s_hi = [6] * 7
        >>> denial_allowed(D(), Cue(1, 1, "verb", "denies"))
        True
    """
    norm, n = doc.norm, len(doc.norm)
    j = c.last + 1
    if j >= n or doc.s_lo[j] != doc.s_lo[c.first]:
        return False
    hi = int(doc.s_hi[c.first])
    for i in range(j, hi + 1):  # "…, his lawyer said": the denial is another's content
        if norm[i] == "," and any(norm[k] in _ATTRIBUTION_VERBS for k in range(i + 1, hi + 1)):
            return False
    w = str(norm[j])
    if w.endswith("ing") and len(w) > 4 and w.isalpha():
        return True
    for i in range(j, min(hi, j + 4) + 1):
        if norm[i] in DENIAL_OBJECTS:
            return True
        if norm[i] not in _DENIAL_SKIP and not str(norm[i]).isdigit():
            return False
    return False


_ATTRIBUTION_VERBS = frozenset({"said", "says", "told", "added", "stated", "according"})


def hearing_allowed(doc: SpeakerDoc, c: Cue) -> bool:
    """ "heard"/"hears" after a hearing body of :data:`~analysis.cues.HEARING_BODIES` (with a
    determiner and an auxiliary: "a jury has heard", "the court heard", "court hears"), closing
    its clause (a sentence end, a comma, "on" + a day, or the end of a headline line).

    Example:
        >>> from analysis.speakers import Cue
        >>> class D:
        ...     norm = ["prices", "rose", ",", "a", "jury", "has", "heard", "."]
        ...     s_lo = [0] * 8
        ...     s_hi = [7] * 8
        >>> hearing_allowed(D(), Cue(6, 6, "verb", "heard"))
        True
    """
    norm, n = doc.norm, len(doc.norm)
    i = c.first - 1
    if i >= 0 and norm[i] in _HEARING_AUX:
        i -= 1
    if i < 0 or norm[i] not in HEARING_BODIES:
        return False
    j = c.last + 1
    if j >= n or doc.s_lo[j] != doc.s_lo[c.first]:
        return True
    return norm[j] in SENT_END or norm[j] in (",", "on", "yesterday", "today", "earlier")


def answer_start(answer, s_lo: int, i: int) -> int:
    """The first token of the transcript answer that holds token ``i`` (``answer``: a boolean
    array over tokens), not before ``s_lo``: the clause of a cue inside an answer opens after the
    label's colon ("LENA FISCHER: The Houthis say …" → the Houthis, not the label's person).

    Example:
        >>> answer_start([False, False, True, True, True], 0, 4)
        2
    """
    while i > s_lo and answer[i - 1]:
        i -= 1
    return i


def _thing_before(doc: SpeakerDoc, lo: int, hi: int) -> Slot | None:
    """The last mention of a speaker that is not a person in tokens ``lo..hi``."""
    k = int(np.searchsorted(doc.m_first, hi + 1)) - 1
    while k >= 0 and doc.m_first[k] >= lo:
        if doc.a_type[doc.m_row[k]] != "person" and doc.m_last[k] <= hi:
            return Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))
        k -= 1
    return None


def _first_thing(doc: SpeakerDoc, lo: int, hi: int) -> Slot | None:
    """The first mention of a speaker that is not a person in tokens ``lo..hi``."""
    k = int(np.searchsorted(doc.m_first, lo))
    while k < len(doc.m_first) and doc.m_last[k] <= hi:
        if doc.a_type[doc.m_row[k]] != "person":
            return Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))
        k += 1
    return None


def answer_it(found: Found, s_lo: int) -> Slot | None:
    """ "It"/"They" opening a sentence inside a transcript answer: the subject of the answer's
    sentence before, when it is a body or a country ("Tehran supplies weapons … . It denies
    directing the attacks." → Iran); the person who answers would say "I"."""
    doc = found.doc
    if s_lo == 0 or not found.answer[s_lo] or not found.answer[s_lo - 1]:
        return None
    if doc.norm[s_lo] not in ("it", "they"):
        return None
    prev = answer_start(found.answer, int(doc.s_lo[s_lo - 1]), s_lo - 1)
    return _first_thing(doc, prev, s_lo - 1)


def answer_pronouns(found: Found) -> None:
    """A pronoun inside a transcript answer resolved to the person who answers ("When I spoke
    to Maersk last week, they told me …"): the person answering says "I", so the pronoun is the
    body or country named last before it in its sentence (NA when there is none)."""
    doc = found.doc
    answers = {}
    for row in found.rows:
        if row["cue"] == ":":
            answers[int(doc.start.searchsorted(row["start"]))] = row["speaker_id"]
    if not answers:
        return
    for row in found.rows:
        if pd.isna(row["resolved_via"]) or row["resolved_via"] != "pronoun" or row["cue"] == ":":
            continue
        p = int(doc.start.searchsorted(row["speaker_start"]))
        if not found.answer[p]:
            continue
        lo = answer_start(found.answer, int(doc.s_lo[p]), p)
        head = answer_start(found.answer, 0, p)
        if answers.get(head) != row["speaker_id"]:
            continue
        slot = _thing_before(doc, lo, p - 1)
        if slot is None:
            row.update(speaker_id=pd.NA, resolved_via=pd.NA)
        else:
            row.update(speaker_id=doc.resolve(slot, row["start"])[0], resolved_via="pronoun")


# a headline "Trader 'hid the sales', court hears": a single-quoted clause after a word and a
# space, closed by a mark and a comma, on the text's first line
_HEADLINE_SINGLE = re.compile(r"\A[^\n'‘]*?\w[ ](['‘])[^\W\d_][^\n'’]*?\w(['’]),[ ][^\n]+\Z|\A")


def headline_single_pair(doc: SpeakerDoc) -> list[tuple[int, int, bool]]:
    """The single-quoted clause of a British-style headline on the text's first line, before a
    comma and its attribution ("Businessman 'sent parts to Russia', court hears"): ``(opening
    mark, last quoted token, True)`` like :func:`analysis.quote_forms.single_quote_pairs`;
    empty when the first line has no such clause (a mark inside a line is otherwise an
    apostrophe or a nested quotation).

    Example:
        >>> from types import SimpleNamespace
        >>> import numpy as np
        >>> d = SimpleNamespace(text="Trader 'hid sales', court hears",
        ...     start=np.array([0, 7, 8, 12, 17, 18, 20, 26]))
        >>> headline_single_pair(d)
        [(1, 3, True)]
    """
    text = doc.text
    line = text[: text.find("\n")] if "\n" in text else text
    if "'" not in line and "‘" not in line:
        return []
    m = _HEADLINE_SINGLE.match(line)
    if m is None or m.lastindex is None:
        return []
    o = int(np.searchsorted(doc.start, m.start(1)))
    c = int(np.searchsorted(doc.start, m.start(2)))
    if o >= len(doc.start) or int(doc.start[o]) != m.start(1) or c >= len(doc.start):
        return []
    if int(doc.start[c]) != m.start(2) or c - o < 3:
        return []
    return [(o, c - 1, True)]


#: A country's missions abroad: "The Chinese Embassy in Manila said" speaks for China.
MISSION_NOUNS: frozenset[str] = frozenset({"embassy", "consulate", "mission", "high-commission"})


_VOICES = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "diplomat"})


def located_mission(doc: SpeakerDoc, lo: int, end: int) -> Slot | None:
    """A subject "[the] DEMONYM Embassy|Consulate|Mission in|at PLACE" (tokens ``lo..end``):
    the country of the nationality adjective (a mission located in a capital speaks for its
    country, sets 5, 11 and 12: "The Chinese Embassy in Vientiane said", "the Chinese embassy in
    London blasted"), else None. Without the place ("The Chinese Embassy described …") the
    older coding of set 2 keeps an NA speaker."""
    norm = doc.norm
    if (
        lo + 2 <= end
        and norm[lo] in ("a", "an", "the")
        and norm[lo + 1] in _VOICES
        and norm[lo + 2] in ("for", "of", "at")
    ):
        lo += 3  # "A spokesperson for the Chinese embassy in Ottawa said"
    for j in range(lo + 1, min(end, lo + 3) + 1):
        if norm[j] in MISSION_NOUNS and j + 2 <= end and norm[j + 1] in ("in", "at"):
            if end - j - 1 > 4:
                return None
            return demonym_body(doc, lo, j, heads=MISSION_NOUNS)
    return None


def mission_at(doc: SpeakerDoc, lo: int, hi: int) -> Slot | None:
    """A noun phrase "[the] DEMONYM Embassy|Consulate|Mission in|at PLACE" opening at token
    ``lo`` (not after ``hi``), its place one to three capitalised words: the country it speaks
    for (:func:`located_mission`), else None. Wave 12: "According to the Chinese Embassy in
    Kuala Lumpur, …" and "The Chinese Embassy in Manila welcomed the plan. In a statement, it
    said …" speak for China."""
    norm = doc.norm
    for j in range(lo + 1, min(hi - 2, lo + 3) + 1):
        if norm[j] in MISSION_NOUNS and norm[j + 1] in ("in", "at"):
            e = j + 2
            while e + 1 <= hi and e - j < 4 and doc.text[doc.start[e + 1]][:1].isupper():
                e += 1
            slot = located_mission(doc, lo, e) if e <= hi else None
            return Slot(slot.mention, "", lo, e) if slot is not None else None
    return None


def reported_just_before(found: Found, s_lo: int) -> Slot | None:
    """The speaker (a mention) of the reported speech in the sentence right before the one
    starting at token ``s_lo``, or None: what "It said …" opening a sentence can refer to."""
    doc = found.doc
    if not found.last_reported or s_lo == 0:
        return None
    end, prev = found.last_reported
    if prev is None or prev.mention < 0 or doc.s_lo[end] != doc.s_lo[s_lo - 1]:
        return None
    return prev


def it_after_body(found: Found, s_lo: int) -> Slot | None:
    """ "It said …" opening a sentence right after reported speech of a country's body ("The
    Chinese Embassy in Vientiane said that … . It said …"): that body's country. (An
    organisation's "It" is :func:`analysis.reported` 's older rule.)"""
    doc = found.doc
    prev = reported_just_before(found, s_lo)
    if prev is None or doc.a_type[doc.m_row[prev.mention]] != "country":
        return None
    body = prev.first != int(doc.m_first[prev.mention]) or prev.last != int(
        doc.m_last[prev.mention]
    )
    return prev if body else None


def it_after_subject(found: Found, s_lo: int) -> Slot | None:
    """ "It said …" (also "In a statement, it said …") right after a sentence whose subject, the
    mention opening it (after "The"), is an organisation that did not speak: "The National
    Anti-Terrorism Prosecutor's Office (PNAT) welcomed the verdict. In a statement, it said …"
    (set 15) → that organisation."""
    doc = found.doc
    if s_lo == 0:
        return None
    lo = int(doc.s_lo[s_lo - 1])
    if doc.norm[lo] in ("in", "meanwhile", "separately", "earlier", "later"):
        # "In Beijing, the Ministry of Public Security (MPS) welcomed …" (wave 20, set 86)
        comma = next((i for i in range(lo, min(s_lo - 1, lo + 5)) if doc.norm[i] == ","), None)
        lo = comma + 1 if comma is not None else lo
    k = doc.first_at.get(lo)
    if k is None and doc.norm[lo] == "the":
        k = doc.first_at.get(lo + 1)
    if k is None:
        return mission_at(doc, lo, s_lo - 1)  # "The Chinese Embassy in Manila welcomed …"
    after = int(doc.m_last[k]) + 1
    if (
        doc.a_type[doc.m_row[k]] == "country"
        and after < s_lo
        and str(doc.norm[after - 1]).endswith(("'s", "’s"))
    ):
        # "China's Ministry of Public Security (MPS) welcomed the decision. It said …"
        # (wave 20, set 86): the body after its country's possessive
        k = doc.first_at.get(after)
        if k is None:
            return None
    if doc.a_type[doc.m_row[k]] != "organisation":
        return None
    return Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))


def person_of_body(doc: SpeakerDoc, slot: Slot | None) -> Slot | None:
    """A body's mention ending right before a cue that only qualifies the person named before
    it: "Procurator-General Gao Yuming of China's Supreme People's Procuratorate praised …" →
    the person (also "of the", "at", "from", and a country's possessive before the body);
    ``slot`` otherwise."""
    if slot is None or slot.mention < 0:
        return slot
    norm, i = doc.norm, slot.first - 1
    while i >= 0:
        k = doc.last_at.get(i)
        if k is None or not str(norm[i]).endswith(("'s", "’s")):
            break
        i = int(doc.m_first[k]) - 1  # "of China's Supreme People's Procuratorate"
    if i >= 1 and norm[i] in ("the", "a"):
        i -= 1
    if i < 1 or norm[i] not in ("of", "at", "from"):
        return slot
    k = doc.last_at.get(i - 1)
    if k is None or doc.a_type[doc.m_row[k]] != "person":
        return slot
    return Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))


def passive_clause(norm, lo: int, hi: int) -> bool:
    """The clause ``lo..hi`` is a participle with its agent ("hosted by China's SPP by video
    link", "chaired by Laos"): it describes something named before it, its agent does not
    speak ("Speaking at the conference, hosted by X, Dr Y, Prosecutor General of Z, said").

    Example:
        >>> passive_clause(["hosted", "by", "china"], 0, 2)
        True
        >>> passive_clause(["china", "said"], 0, 1)
        False
    """
    w = str(norm[lo])
    return lo + 1 <= hi and w.endswith("ed") and w.isalpha() and norm[lo + 1] == "by"


def untabled_the_name(doc: SpeakerDoc, lo: int, end: int) -> Slot | None:
    """A subject "The" + two to five capitalised words the table does not know ("The Israel
    Football Association said", "The Bloc Populaire said"): someone not in the table
    (UNNAMED), so that what it says is a quote with an NA speaker; else None."""
    if doc.norm[lo] != "the" or not 2 <= end - lo <= 5:
        return None
    for i in range(lo + 1, end + 1):
        w = doc.text[doc.start[i] : doc.end[i]]
        if doc.in_mention[i] or not w[:1].isupper() or not w.replace("-", "").isalpha():
            return None
    return Slot(UNNAMED, "", lo, end)


def appositive_source(doc: SpeakerDoc, s_lo: int, c: int) -> tuple[Slot, int] | None:
    """ "content, a former colleague, Jean-Pierre Moreau, recalled." (token ``c``: the comma
    before the cue): a description with a source noun of :data:`~analysis.cues.UNNAMED_SOURCES`
    and a name, in either order, between the content and the cue. Returns the speaker (the
    tabled person named, else UNNAMED) and the comma that ends the content; None otherwise."""
    norm = doc.norm
    commas = [i for i in range(c - 1, max(s_lo, c - 14), -1) if norm[i] == ","][:2]
    if len(commas) < 2:
        return None
    p, q = commas
    a, b = (q + 1, p - 1), (p + 1, c - 1)
    if a[1] < a[0] or b[1] < b[0] or a[1] - a[0] > 5 or b[1] - b[0] > 5:
        return None
    for desc, name in ((a, b), (b, a)):
        if not any(norm[i] in UNNAMED_SOURCES for i in range(desc[0], desc[1] + 1)):
            continue
        if norm[desc[0]] not in ("a", "an", "the", "his", "her", "their", "one"):
            continue
        k = doc.first_at.get(name[0])
        if k is not None and int(doc.m_last[k]) == name[1]:
            if doc.a_type[doc.m_row[k]] == "person":
                return Slot(k, "", name[0], name[1]), q
            return None
        if all(
            not doc.in_mention[i] and doc.text[doc.start[i] : doc.end[i]][:1].isupper()
            for i in range(name[0], name[1] + 1)
        ):
            return Slot(UNNAMED, "", name[0], name[1]), q
    return None


#: Tokens of a title in apposition after a person's name, before the cue.
_MAX_TITLE_TOKENS = 9


def titled_person_source(doc: SpeakerDoc, s_lo: int, c: int) -> tuple[Slot, int] | None:
    """ "content, H.E. Ouk Pheakdey, General Prosecutor at the Supreme Court, said yesterday"
    (token ``c``: the comma before the cue; held-out set 26): a tabled person's mention, a
    comma, and a title in capitals with no article, with or without "of/at/to the Body", between
    the content and the cue. Returns the person and the comma that ends the content; None
    otherwise."""
    norm = doc.norm
    p = next((i for i in range(c - 1, max(s_lo, c - _MAX_TITLE_TOKENS - 1), -1) if norm[i] == ","),
             None)  # fmt: skip
    if p is None or p == c - 1 or not doc.text[int(doc.start[p + 1])].isupper():
        return None
    if any(norm[i] in SENT_END or norm[i] in ('"', "“", "”") for i in range(p + 1, c)):
        return None
    k = doc.last_at.get(p - 1)
    if k is None or doc.a_type[doc.m_row[k]] != "person":
        return None
    first = int(doc.m_first[k])
    q = first - 1
    while q > s_lo and norm[q] != "," and q >= first - 3:
        q -= 1  # honorifics before the name: "H.E.", "Dr"
    if q <= s_lo or norm[q] != ",":
        return None
    return Slot(k, "", first, p - 1), q


def quote_after_inverted(found: Found) -> None:
    """A quotation with no cue that makes up the sentence right after reported speech with its
    attribution at the end ("She never hid her anger, a former colleague recalled. "But she
    always kept talking to them."") continues that quote: same speaker and cue (the rule for a
    quotation after an attributed direct quote, applied to reported speech)."""
    doc, quoted, taken = found.doc, found.quoted, found.taken
    norm, n = doc.norm, len(doc.norm)
    for prev in [r for r in found.rows if r["kind"] == "reported"]:
        b = int(doc.end.searchsorted(prev["end"]))
        if b + 1 >= n or norm[b + 1] != ",":
            continue  # the attribution does not follow the content
        o = int(doc.s_hi[b]) + 1  # the token after the sentence's end
        if o >= n or o - b > 15 or norm[o - 1] not in SENT_END or not quoted[o]:
            continue
        if doc.para[o] != doc.para[b] or o + 1 >= n or taken[o + 1]:
            continue
        close = o
        while close + 1 < n and quoted[close + 1]:
            close += 1
        last = close - 1
        if last - o < 3:
            continue
        after = close + 1
        if after < n and doc.para[after] == doc.para[o] and norm[after] not in SENT_END:
            continue  # more follows the quotation in its sentence
        s, e = int(doc.start[o + 1]), int(doc.end[last])
        row = dict(prev)
        row.update(sent=int(doc.sent[o + 1]), start=s, end=e, text=doc.text[s:e], kind="direct")
        found.rows.append(row)
        taken[o + 1 : last + 1] = True


#: Documents a body publishes: "according to a CSIS assessment" is the body's own speech.
ORG_DOCUMENTS: frozenset[str] = frozenset({
    "report", "assessment", "study", "survey", "analysis", "review", "audit", "statement",
    "memo", "investigation", "communique", "communiqué", "declaration", "bulletin",
})  # fmt: skip


_DASHES = frozenset({"-", "–", "—", "--"})
#: Nominal cues after the sentence's own verb (:func:`nominal_subject`).
NOMINAL_CUES: frozenset[str] = frozenset({"with a call for", "with calls for"})


def nominal_subject(doc: SpeakerDoc, s_lo: int, c0: int) -> Slot | None:
    """The speaker of a nominal cue at token ``c0`` ("The Attorney General's Office opened the
    12th conference in Nusa Dua on Wednesday with a call for a regional agreement …"): the
    speaker that opens the sentence (its subject, before the first comma or bracket), else
    None."""
    norm = doc.norm
    dash = next((i for i in range(s_lo, min(c0, s_lo + 8)) if norm[i] in _DASHES), None)
    if dash is not None:
        s_lo = dash + 1  # a dateline ("TEMPO.CO, Nusa Dua - The AGO opened …")
    hi = next((i - 1 for i in range(s_lo, c0) if norm[i] in (",", ";", ":")), c0 - 1)
    slot = doc.first_speaker_in(s_lo, hi)
    if slot is None or slot.first > s_lo + 1:
        return None
    return slot


def source_ends(norm, i: int, s_hi: int) -> bool:
    """The source after "…, according to" (from token ``i``) runs to the end of the sentence,
    or to a comma and a participle clause that describes it ("according to the conference's
    concluding statement, adopted on November 21."), not to another clause of content.

    Example:
        >>> source_ends(["the", "statement", ",", "adopted", "on", "monday", "."], 0, 6)
        True
        >>> source_ends(["the", "minister", ",", "prices", "rose", "."], 0, 5)
        False
    """
    commas = [k for k in range(i, s_hi + 1) if norm[k] in (",", ";", ":")]
    if not commas:
        return True
    k = commas[0]
    w = str(norm[k + 1]) if k + 1 <= s_hi else ""
    return norm[k] == "," and len(commas) == 1 and w.endswith("ed") and w.isalpha()


_BODY_OWNERS = frozenset({
    "agency's", "organisation's", "organization's", "body's", "office's", "ministry's",
    "commission's", "agency’s", "organisation’s", "organization’s", "ministry’s",
})  # fmt: skip


def owner_body(doc: SpeakerDoc, i: int, s_lo: int) -> Slot | None:
    """ "UNODC recorded …, according to the agency's latest report, presented …" (token ``i``
    after the cue): "the agency's" is the organisation named earlier in the sentence; None
    for anything else ("the conference's concluding statement" has no speaker)."""
    norm = doc.norm
    if i + 1 >= len(norm) or norm[i] != "the" or norm[i + 1] not in _BODY_OWNERS:
        return None
    k = int(np.searchsorted(doc.m_first, s_lo))
    while k < len(doc.m_first) and doc.m_last[k] < i:
        if doc.a_type[doc.m_row[k]] == "organisation":
            return Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))
        k += 1
    return None


def bracketed_alias(doc: SpeakerDoc, c: int, cue_first: int) -> Slot | None:
    """ "…, the Attorney General's Chambers (AGC) announced": a name the table shares or does
    not know (tokens ending at ``c``, before the bracket) with a tabled abbreviation in the
    bracket right before the cue: the abbreviation's actor, over the whole name (so that the
    content before the comma is found)."""
    if cue_first < 3 or doc.norm[cue_first - 1] != ")":
        return None
    k = doc.last_at.get(cue_first - 2)
    if k is None or int(doc.m_first[k]) != cue_first - 2 or doc.norm[cue_first - 3] != "(":
        return None
    lo = c
    while lo - 1 >= 0 and doc.text[doc.start[lo - 1] : doc.end[lo - 1]][:1].isupper():
        lo -= 1
    if lo == c and not doc.text[doc.start[c] : doc.end[c]][:1].isupper():
        return None
    return Slot(k, "", lo, c)


#: "agree"/"agrees" as speech (:func:`agree_allowed`).
AGREE_CUES: frozenset[str] = frozenset({"agree", "agrees", "agreed"})


def agree_allowed(doc: SpeakerDoc, c: Cue) -> bool:
    """ "agree(s)" reports what its subject holds only after the content, at the end of its
    sentence or before "on that"/"on this" and the end ("…, most analysts agree on that."):
    not "agree to" + a verb (a commitment), "agree with", "agree on a plan", nor "we can all
    agree that …" (an appeal; "agreed that …" is a cue of its own).

    Example:
        >>> from analysis.speakers import Cue
        >>> class D:
        ...     norm = ["prices", "rose", ",", "analysts", "agree", "on", "that", "."]
        ...     s_lo = [0] * 8
        >>> agree_allowed(D(), Cue(4, 4, "verb", "agree"))
        True
    """
    norm, n = doc.norm, len(doc.norm)
    j = c.last + 1
    if c.cue == "agreed":
        # "Top prosecutors … agreed Thursday that …" (wave 20, set 86): "agreed" and "that"
        # with a time between ("agreed that" is a cue of its own)
        k = after_time_words(norm, j, int(doc.s_hi[c.first]))
        return j < k < n and norm[k] == "that"
    if j >= n or norm[j] in SENT_END:
        return True
    return (
        norm[j] == "on"
        and j + 2 < n
        and norm[j + 1] in ("that", "this")
        and norm[j + 2] in SENT_END
    )


def told_passive(found: Found) -> None:
    """ "We are told that …", "Staff were told that …": the clause after "that" to the end of
    the sentence is a quote with an NA speaker (the teller is not named; the subject is the
    one told), unless a quote already covers it."""
    doc, norm = found.doc, found.doc.norm
    for ci, c in enumerate(found.cues):
        if c.cue != "told" or ci in found.consumed or c.first < 1 or c.last + 2 >= len(norm):
            continue
        if norm[c.first - 1] not in PASSIVE_AFTER or norm[c.last + 1] != "that":
            continue
        if found.in_quotation(c.first) or found.in_quote_found(c.last + 2):
            continue
        hi = int(doc.s_hi[c.first])
        if any(found.cues[k].first <= hi for k in found.cues_from(c.last + 1)):
            continue  # "He was told that …, his lawyer said": the lawyer's words
        if found.add(c.last + 2, hi, "reported", None, c.cue):
            found.consumed.add(ci)
