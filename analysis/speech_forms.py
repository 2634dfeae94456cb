"""News forms of attribution added in wave 6 (held-out set 10), kept out of the older rules.

Part of :func:`analysis.quotes.find_quotes`. Like the rest of the quote layer these rules are
hand-written: each is one news form, checked on a few tokens around one cue or one quotation
mark, so that quote finding stays linear in document length and every decision can be read
and reviewed (a statistical parser would need a model download and would not say why it
attributes a quote). The forms:

* cues that are not speech where they stand (:func:`not_speech`): a courtesy call ("Tang
  also called on Minister of Home Affairs …", no "to" + verb after the person; "called on
  Rwanda to withdraw" stays a request), "commented on X" (a topic) and "points" as a unit
  ("cut the rate by 25 basis points to 7.50%");
* a short adverbial after an inverted attribution (:func:`past_adverbial`): "…, the ministry
  said late on Sunday, adding that …", "…, the minister wrote on X.", "…, she said via a
  spokesman." (the content is before the attribution, not the adverbial after it);
* a quoted name before the noun it names (:func:`names_a_thing`): 'under the "Sky Net"
  campaign', 'the "Clean Hands" operation' are not quotes;
* a sentence opening "As X put it," / "As I told the committee," before a quotation
  (:func:`as_clause`): the quotation that follows is the quote, with an NA speaker when the
  table does not name X ("As the judges put it, '…'"), and the cue does not go back to a
  quotation that ends before it;
* a reported clause that ends where another speaker named by a description takes over
  (:func:`other_subject`, :func:`joined_description`): "said A, while the head of the
  Cambodian delegation urged B" (two quotes, the second with an NA speaker);
* figures that nobody says (:func:`data_source`): "according to figures from the ministry",
  "according to U.S. Department of Agriculture data" give an NA speaker;
* a closing "according to X" after ", although B" attributes B only
  (:func:`attributed_clause`): "Kigali denies backing the M23, although troops were seen
  there, according to UN experts";
* a country's body located by a place (:func:`before_place`): "Israel's embassy in The Hague
  said" is the embassy (its country), not an untabled name "The Hague";
* "I" before a quotation inside a transcript answer (:func:`first_person_in_answers`): 'As I
  told the committee, "…"' is the quote of the person who answers.
"""

from __future__ import annotations

import pandas as pd

from analysis.cues import issued_by
from analysis.quote_forms import BODY_WORDS, SEEN_BY
from analysis.speakers import (
    BOUNDARY,
    QUOTE_MARKS,
    ROLE_NOUNS,
    SENT_END,
    Cue,
    Found,
    Slot,
    SpeakerDoc,
    clear_speaker,
)
from analysis.surname_forms import TITLE_END_WORDS

#: "called on X" is a request only with "to" + a verb after X; otherwise a courtesy call.
CALL_ON_CUES: frozenset[str] = frozenset({
    "called on", "calls on", "called upon", "calls upon", "commented", "comments",
    # "… before calling on the president at the Union Buildings" (wave 30)
    "calling on", "call on",
})  # fmt: skip
#: "points to" / "points out" after a unit word is a noun ("25 basis points to 7.50%").
POINT_CUES: frozenset[str] = frozenset({"points to", "points out"})
_UNIT_BEFORE = frozenset({"basis", "percentage", "bonus", "penalty", "match", "talking"})
# ", which/who …" after the person called on opens a clause of its own
_RELATIVE = frozenset({"who", "whom", "whose", "which", "where"})

#: Words that open a short adverbial after "…, X said": "late on Sunday", "on X", "via …".
_ADVERBIAL_OPENERS = frozenset({
    "late", "early", "on", "via", "through", "from", "outside", "inside", "by", "over",
    "after", "during", "at", "in", "before", "following", "separately", "afterwards",
    "here",  # wire copy: "…, the two ministers said here on Tuesday." (set 12)
})  # fmt: skip
_MAX_ADVERBIAL = 6  # tokens
_GERUND_OPENERS = frozenset({"after", "before", "following", "while", "when", "upon", "during"})
_MAX_GERUND_ADVERBIAL = 16  # tokens of "after meeting …"

#: Nouns after a quoted name that say what it names ('the "Sky Net" campaign').
NAMED_KINDS: frozenset[str] = frozenset({
    "campaign", "campaigns", "operation", "operations", "programme", "program", "programmes",
    "programs", "initiative", "initiatives", "project", "strategy", "plan", "policy", "scheme",
    "slogan", "motto", "mechanism", "framework", "declaration", "agenda", "drive", "movement",
    "model", "platform", "doctrine", "vision", "concept", "brand", "app", "hashtag", "network", "crackdown", "blueprint", "roadmap", "label", "series", "list",
})  # fmt: skip

_DESCRIPTION_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_CLAUSE_WORDS = frozenset({"that", "to", "who", "which", "it", "they", "he", "she", "we"})


def not_speech(doc: SpeakerDoc, c: Cue) -> bool:
    """True when cue ``c`` is not speech where it stands (see the module docstring).

    Example (token lists stand in for a document's folded tokens):
        >>> from types import SimpleNamespace
        >>> norm = ["tang", "called", "on", "minister", "lim", "."]
        >>> doc = SimpleNamespace(norm=norm, s_hi=[5] * 6)
        >>> not_speech(doc, Cue(1, 2, "verb", "called on"))
        True
        >>> norm = ["tang", "called", "on", "laos", "to", "act", "."]
        >>> not_speech(SimpleNamespace(norm=norm, s_hi=[6] * 7), Cue(1, 2, "verb", "called on"))
        False
    """
    norm = doc.norm
    if c.cue in POINT_CUES:
        prev = norm[c.first - 1] if c.first else ""
        return prev in _UNIT_BEFORE or prev.replace(".", "").replace(",", "").isdigit()
    if c.cue in ("commented", "comments") and c.last + 1 < len(norm):
        return norm[c.last + 1] == "on"  # "commented on the court": a topic, not what is said
    if c.cue in CALL_ON_CUES:
        hi = int(doc.s_hi[c.first])
        for i in range(c.last + 1, hi + 1):
            w = norm[i]
            if w == "to":
                return False
            if w in QUOTE_MARKS or w == ":":
                return False  # 'called on members: "…"'
            if w == "," and i + 1 <= hi and norm[i + 1] in _RELATIVE:
                return True  # "called on the minister, who said …": the relative is its own
            if w == "and" and i + 1 <= hi and norm[i + 1].endswith("ed"):
                # a second predicate: "called on officials of the ministry and delivered a
                # lecture on its approach to …" (a visit; wave 30, held-out set 170)
                return True
        return True
    return False


def past_adverbial(norm, nxt: int, s_hi: int) -> int:
    """After ``content, SPEAKER CUE`` (token ``nxt`` right after the cue and any time words):
    the token that ends a short adverbial standing there ("late on Sunday", "on X", "via a
    spokesman", "in a post on X"), when a comma or the end of the sentence follows it within
    :data:`_MAX_ADVERBIAL` tokens (a comma only before a participle: ", adding …"); else
    ``nxt``.

    Example:
        >>> norm = ["x", ",", "she", "wrote", "on", "x", ".", "next"]
        >>> past_adverbial(norm, 5, 6)  # "on" was read as a time word
        6
        >>> past_adverbial(["she", "said", "late", "on", "sunday", ",", "adding"], 2, 6)
        5
        >>> past_adverbial(["she", "said", "the", "deal", "is", "off"], 2, 5)
        2
    """
    if nxt > s_hi:
        return nxt
    if norm[nxt] == "(":
        # "…, X said on Wednesday (Nov 27)." (held-out set 29): a date in brackets
        close = next((j for j in range(nxt + 1, min(s_hi, nxt + 6) + 1) if norm[j] == ")"), None)
        if close is not None and (close + 1 > s_hi or norm[close + 1] in SENT_END):
            return close + 1
    if (
        nxt + 1 <= s_hi
        and nxt >= 1
        and norm[nxt - 1] == "on"  # read as a time word
        and norm[nxt] in ("that", "this")
        and norm[nxt + 1] in SENT_END
    ):
        return nxt + 1  # "…, most analysts agree on that."
    if at_least(norm, nxt, s_hi):
        return nxt  # "…, X said at least 17 suspects …": a number, not where or when
    opened = norm[nxt] in _ADVERBIAL_OPENERS or (nxt >= 1 and norm[nxt - 1] == "on")
    if not opened:
        return nxt
    longest = _MAX_ADVERBIAL
    if nxt + 1 <= s_hi and norm[nxt] in _GERUND_OPENERS and norm[nxt + 1].endswith("ing"):
        # "…, X said yesterday after meeting a visiting delegation from China's Supreme
        # People's Procuratorate." (held-out set 26): a clause of its own, longer
        longest = _MAX_GERUND_ADVERBIAL
    for j in range(nxt, min(s_hi, nxt + longest) + 1):
        w = norm[j]
        if w in SENT_END:
            return j
        if w == ",":  # "…, she said late on Sunday, adding …"; not "…, expressed through X, calls"
            return j if j + 1 <= s_hi and norm[j + 1].endswith("ing") else nxt
        if w in _CLAUSE_WORDS or w in QUOTE_MARKS or w in BOUNDARY:
            return nxt
    return s_hi + 1 if s_hi - nxt < longest else nxt


def at_least(norm, i: int, s_hi: int) -> bool:
    """Tokens ``i, i+1`` are "at least" / "at most" (a quantity, not a place or a time)."""
    return i + 1 <= s_hi and norm[i] == "at" and norm[i + 1] in ("least", "most")


def names_a_thing(doc: SpeakerDoc, last: int) -> bool:
    """The quotation whose last inner token is ``last`` is a name: its closing mark is followed
    by a noun of :data:`NAMED_KINDS` ('the "Sky Net" campaign')."""
    norm = doc.norm
    j = last + 2
    return j < len(norm) and norm[last + 1] in _CLOSING and norm[j] in NAMED_KINDS


_CLOSING = frozenset({*QUOTE_MARKS.values(), "'", "’"})


def as_clause(doc: SpeakerDoc, c: Cue, o: int) -> bool:
    """Cue ``c`` stands in a sentence opening "As" ("As the judges put it, "…"", "As I told the
    committee in February, "…"") whose comma comes right before the opening mark ``o``."""
    norm = doc.norm
    lo = int(doc.s_lo[c.first])
    if norm[lo] != "as" or c.first - lo > 6 or o - c.last > 8:
        return False
    if norm[o - 1] not in (",", ":"):
        return False
    return not any(norm[i] in SENT_END or norm[i] in QUOTE_MARKS for i in range(lo, o - 1))


def opens_next_quote(doc: SpeakerDoc, close: int) -> bool:
    """The quotation closing at mark ``close`` ended a sentence (". before the mark) and the
    next sentence opens "As …": its cue attributes the quotation after it, not this one."""
    norm = doc.norm
    return (
        close + 1 < len(norm)
        and close >= 1
        and norm[close - 1] in SENT_END
        and norm[close + 1] == "as"
        and doc.text[doc.start[close + 1] : doc.end[close + 1]] == "As"
    )


def described_subject(doc: SpeakerDoc, lo: int, hi: int) -> bool:
    """Tokens ``lo..hi`` (between ", while|whereas|but|and" and a cue) are a described subject
    the table does not name: "the head of the Cambodian delegation", "a senior diplomat"."""
    norm = doc.norm
    if not 1 <= hi - lo <= 7 or norm[lo] not in _DESCRIPTION_OPENERS:
        return False
    return not any(
        norm[i] in BOUNDARY
        or norm[i] in SENT_END
        or norm[i] in _CLAUSE_WORDS
        or norm[i] in _NOT_IN_DESCRIPTION
        or (i > lo and norm[i] in _DESCRIPTION_OPENERS and norm[i - 1] != "of")
        for i in range(lo, hi + 1)
    )


# "estimates under proposed legislation", "the story Burton had told him", "the little his
# tenants had told us": a preposition other than "of", an auxiliary, a second determiner
_NOT_IN_DESCRIPTION = frozenset({
    "under", "in", "on", "at", "for", "with", "by", "from", "into", "about", "had", "has",
    "have", "would", "could", "will", "did", "was", "were", "is", "are",
})  # fmt: skip


def other_subject(doc: SpeakerDoc, lo: int, hi: int) -> bool:
    """Tokens ``lo..hi`` between ", while|whereas|but|and" and a later cue name another speaker:
    a tabled one ("…, while Cambodia announced …") or a described one
    (:func:`described_subject`)."""
    return doc.first_speaker_in(lo, hi) is not None or described_subject(doc, lo, hi)


_JOINS = frozenset({"while", "whereas", "but", "and"})


def joined_description(doc: SpeakerDoc, s_lo: int, c0: int) -> bool:
    """The cue at ``c0`` follows ", while|whereas|but|and" and a described subject that names
    no tabled actor ("…, while the head of the Cambodian delegation urged …"): that subject
    speaks, not the sentence's first speaker (an NA speaker)."""
    norm = doc.norm
    for k in range(c0 - 2, max(s_lo, c0 - 11), -1):
        if norm[k] == ",":
            return (
                norm[k + 1] in _JOINS
                and described_subject(doc, k + 2, c0 - 1)
                and doc.first_speaker_in(k + 2, c0 - 1) is None
            )
    return False


def first_person_in_answers(found: Found) -> None:
    """A quote with an NA speaker introduced by "I" ("As I told the committee, "…"") in the
    paragraph of a transcript answer (a quote with cue ":" or "") goes to the person who
    answers."""
    doc, rows = found.doc, found.rows
    answers = [r for r in rows if r["cue"] in ("", ":") and not pd.isna(r["speaker_id"])]
    if not answers:
        return
    for row in rows:
        if not pd.isna(row["speaker_id"]) or row["cue"] in ("", ":"):
            continue
        a = int(doc.start.searchsorted(row["start"]))
        lo = int(doc.s_lo[min(a, len(doc.norm) - 1)])
        if "i" not in doc.norm[lo:a]:
            continue
        para = doc.para[a]
        for ans in answers:
            first = int(doc.start.searchsorted(ans["start"]))
            if ans["start"] <= row["start"] and doc.para[first] == para:
                for key in ("speaker_id", "speaker_start", "speaker_end", "resolved_via"):
                    row[key] = ans[key]
                break


#: Nouns of figures that nobody says ("according to customs data", "according to figures from
#: the ministry"): the quote keeps an NA speaker (the guidelines of held-out sets 5-10).
DATA_NOUNS: frozenset[str] = frozenset({"data", "figures", "statistics", "numbers", "estimates"})
_DATA_SKIP = frozenset({"the", "official", "latest", "new", "preliminary", "provisional"})


def data_source(doc: SpeakerDoc, c: Cue) -> bool:
    """The "according to" cue ``c`` names figures, not a source that speaks: the phrase after
    it (to the next comma or the end of its sentence) opens or ends with a word of
    :data:`DATA_NOUNS` ("according to figures from MITI", "according to U.S. Department of
    Agriculture data")."""
    norm = doc.norm
    hi = min(int(doc.s_hi[c.first]), c.last + 14)
    words = []
    for i in range(c.last + 1, hi + 1):
        if norm[i] == "," or norm[i] in SENT_END or norm[i] in QUOTE_MARKS:
            break
        words.append(norm[i])
    if "(" in words:  # "… data (ACLED)": the abbreviation after the name
        words = words[: words.index("(")]
    first = next((w for w in words if w not in _DATA_SKIP), "")
    if own_figures(doc, c.last + 1, len(words)):
        return False
    if first in DATA_NOUNS:
        # "according to figures released by the SPP", "data from the AGO": an actor of the
        # table gives them, and speaks (the adjudicated references of sets 17, 34, 46); "figures
        # from the Ministry of Investment" (not tabled) stay NA
        return issuer_after(doc, c.last + 1 + words.index(first) + 1, hi, ("by", "from")) is None
    return bool(words) and words[-1] in DATA_NOUNS


def own_figures(doc: SpeakerDoc, i: int, n: int) -> bool:
    """The ``n`` tokens from token ``i`` are "[the] BODY['s] NOUN", a tabled organisation's own
    figures with a noun of :data:`DATA_NOUNS` ("according to OAG data", "according to the
    SPP's statistics", "According to AGC figures, …"): the body speaks (wave 31: the
    adjudicated references of sets 18-180 give the body 10 times of 12; the early
    single-coded sets 8-15 had left such figures NA)."""
    norm = doc.norm
    j = i + 1 if n >= 3 and norm[i] == "the" else i
    k = doc.first_at.get(j)
    return (
        n >= 2
        and norm[i + n - 1] in DATA_NOUNS
        and k is not None
        and int(doc.m_last[k]) == i + n - 2
        and doc.a_type[doc.m_row[k]] == "organisation"
    )


def issuer_after(
    doc: SpeakerDoc, i: int, hi: int, links: tuple[str, ...] = ("by", "from", "of")
) -> Slot | None:
    """The tabled actor that issues a document, named after the document's noun (token ``i``
    follows it): "[released today] by|from|of [the] X" up to token ``hi``, else None. Shared by
    "according to figures released by X" (:func:`data_source`) and "according to a report by
    X" (:mod:`analysis.reported`)."""
    b = issued_by(doc.norm, i) if i <= hi else i
    if b > hi or doc.norm[b] not in links:
        return None
    slot = doc.slot_starting_at(b + 1)  # (after an article too)
    if slot is None and b + 2 <= hi and doc.norm[b + 1] == "the" and _based(doc.norm[b + 2]):
        slot = doc.slot_starting_at(b + 3)  # "by the Berlin-based Transparency International"
    return slot if slot is not None and slot.mention >= 0 else None


def _based(w: str) -> bool:
    """ "Berlin-based", "London-based": where a body sits, before its name (wave 23)."""
    return w.endswith(("-based", "–based"))


#: Documents a body files or issues whose words are quoted: "The charge sheet, filed by the
#: AGC and seen by the BBC, says that …" (wave 22, set 110).
FILED_DOCUMENTS: frozenset[str] = frozenset({
    "indictment", "indictments", "complaint", "complaints", "charge", "sheet", "petition",
    "filing", "affidavit", "report", "statement", "memorandum", "notice", "letter", "order",
})  # fmt: skip
_OPENERS = frozenset({"the", "a", "an", "one", "its", "their"})


def filed_documents(found: Found) -> None:
    """Quotes with an NA speaker whose sentence opens with a document and its author in a
    participle phrase before the cue: "The charge sheet, filed by the Attorney General's
    Chambers (AGC) and seen by the BBC, says that …", "The indictment against two recruiters,
    prepared by the AGO and read in court, states that …" → the author (a tabled mention
    after "by"). The references code the body that filed it as the speaker (wave 22)."""
    doc, norm = found.doc, found.doc.norm
    for row in found.rows:
        if row["speaker_id"] is not pd.NA:
            continue
        q = int(doc.start.searchsorted(row["start"]))
        lo = int(doc.s_lo[q])
        if norm[lo] not in _OPENERS:
            continue
        if not any(norm[k] in FILED_DOCUMENTS for k in range(lo + 1, min(q, lo + 4))):
            continue
        for k in range(lo + 2, min(q, lo + 14)):
            if norm[k] == "," and k + 2 < q and issued_by(norm, k + 1) != k + 1:
                slot = issuer_after(doc, k + 1, q - 1, ("by",))
                if slot is not None:
                    speaker_id, s0, e0, via = doc.resolve(slot, row["start"])
                    row.update(speaker_id=speaker_id, speaker_start=s0, speaker_end=e0,
                               resolved_via=via)  # fmt: skip
                break


def documents_seen(found: Found) -> None:
    """Quotes of what documents "show" whose speaker is the outlet that only saw them:
    "Documents seen by ICIJ show …", "…, immigration records obtained by OCCRP show." keep an
    NA speaker, as the references code them (wave 23, set 114); "Documents from the SPP show
    …" keep their author."""
    doc, norm = found.doc, found.doc.norm
    for row in found.rows:
        if row["speaker_id"] is pd.NA or row["cue"] not in ("show", "shows", "showed"):
            continue
        t = int(doc.start.searchsorted(row["speaker_start"]))
        k = t - 1 if t >= 1 and norm[t - 1] == "the" else t
        if k >= 2 and norm[k - 1] == "by" and norm[k - 2] in SEEN_BY:
            clear_speaker(row)


_MEMBER_LINKS = frozenset({"of", "from", "at"})


def untabled_members(found: Found) -> None:
    """Quotes given to a body or a country named after a person the table does not know:
    "Deputy public prosecutor Nur Aisyah Kamal of the AGC argued that …", "Senior prosecutor
    Ahmad Zaki from the OAG told reporters …" are that person's words, an NA speaker, as a
    name after the cue is ("said Assistant Secretary Ramon Villaflor of the DOJ"; wave 23, set
    120, whose two coders both code it so). The two words before "of|from|at [the]" must be
    capitalised names outside any mention, not a title ("Director General of the SPP said"
    is the body's)."""
    doc, norm, text = found.doc, found.doc.norm, found.doc.text
    for row in found.rows:
        if row["speaker_id"] is pd.NA or row["speaker_start"] is pd.NA:
            continue
        t = int(doc.start.searchsorted(row["speaker_start"]))
        slot = doc.slot_starting_at(t) if t < len(norm) else None
        if slot is None or slot.mention < 0 or doc.a_type[doc.m_row[slot.mention]] == "person":
            continue
        p = t - 2 if t >= 1 and norm[t - 1] == "the" else t - 1
        if p >= 1 and norm[p].endswith(("'s", "’s")):
            p -= 1  # "Siti Hajar of Malaysia's AGC told …" (wave 24, set 124)
        if p < 2 or norm[p] not in _MEMBER_LINKS or doc.s_lo[p - 2] != doc.s_lo[t]:
            continue
        name = (p - 2, p - 1)
        if (
            all(
                not doc.in_mention[k]
                and text[doc.start[k] : doc.start[k] + 1].isupper()
                and norm[k].isalpha()
                and norm[k] not in TITLE_END_WORDS
                and norm[k] not in ROLE_NOUNS
                for k in name
            )
            and row["start"] > row["speaker_end"]
        ):
            clear_speaker(row)


#: A country's one person by role: "China's top prosecutor", "Malaysia's procurator-general",
#: "Beijing's veteran prosecutor" (wave 22).
_TOP_ROLES = frozenset({
    "prosecutor", "procurator", "procurator-general", "prosecutor-general", "attorney-general",
    "attorney", "ag", "chief", "leader",
})  # fmt: skip
_ROLE_ADJECTIVES = frozenset({"top", "chief", "veteran", "new", "general"})


def country_role_person(found: Found) -> None:
    """Quotes spoken by a country through a role after its possessive ("China's top
    prosecutor has promised …", "…, Malaysia's top prosecutor said") go to the one person of
    that country (:attr:`SpeakerDoc.nations`) the document names; with none or several, the
    country stays. The references code the person (wave 22)."""
    doc, norm = found.doc, found.doc.norm
    if not doc.nations:
        return
    for row in found.rows:
        s0 = row["speaker_start"]
        if row["resolved_via"] is pd.NA or s0 is pd.NA or row["resolved_via"] == "pronoun":
            continue
        j = int(doc.end.searchsorted(row["speaker_end"]))
        if j >= len(norm) - 1 or not doc.possessive(j):
            continue
        h = j + 1 if norm[j + 1] in ("'s", "’s") else j
        while h + 1 < len(norm) and norm[h + 1] in _ROLE_ADJECTIVES and h - j < 2:
            h += 1
        if h + 1 >= len(norm) or norm[h + 1] not in _TOP_ROLES or doc.in_mention[h + 1]:
            continue
        country = row["speaker_id"]
        people = {a for a in doc.a_actor if doc.nations.get(a) == country}
        if len(people) == 1:
            row.update(speaker_id=people.pop(), resolved_via="role")


def data_sources(found: Found) -> None:
    """Quotes "according to" figures (:func:`data_source`) keep an NA speaker."""
    doc = found.doc
    sents = {
        int(doc.sent[c.first]) for c in found.cues if c.kind == "according" and data_source(doc, c)
    }
    if not sents:
        return
    for row in found.rows:
        if row["cue"] == "according to" and row["sent"] in sents:
            clear_speaker(row)


#: Words that open a clause of its own after a comma: "X denies A, although B, according to Y"
#: attributes only B to Y.
CONCESSIVE: frozenset[str] = frozenset({"although", "though", "whereas", "even", "despite"})


def attributed_clause(norm, s_lo: int, c0: int) -> int:
    """The first token of what a closing "…, according to X" attributes, its cue at ``c0``:
    the clause after the last ", although|though|whereas" before it, else the sentence start
    ``s_lo``.

    Example:
        >>> norm = ["kigali", "denies", "it", ",", "although", "troops", "fight", ",", "according"]
        >>> attributed_clause(norm, 0, 8)
        5
        >>> attributed_clause(["exports", "rose", ",", "according"], 0, 3)
        0
    """
    for k in range(c0 - 2, s_lo, -1):
        if norm[k] == "," and norm[k + 1] in CONCESSIVE and norm[k + 1] != "even":
            return k + 2
    return s_lo


_PLACE_AFTER_BODY = frozenset({"in", "at"})


def before_place(doc: SpeakerDoc, lo: int, end: int) -> int:
    """The last token of a subject "COUNTRY's BODY in PLACE" before its place phrase ("Israel's
    embassy in The Hague said" → "embassy": the embassy speaks for its country, the city only
    locates it); ``end`` when the subject has no such form.

    Example (token lists stand in for a document's folded tokens):
        >>> from types import SimpleNamespace
        >>> doc = SimpleNamespace(norm=["peru's", "embassy", "in", "the", "hague"])
        >>> before_place(doc, 0, 4)
        1
        >>> before_place(doc, 2, 4)
        4
    """
    norm = doc.norm
    for j in range(lo + 1, min(end, lo + 4) + 1):
        if norm[j] in _PLACE_AFTER_BODY and norm[j - 1] in BODY_WORDS and end - j <= 4:
            owner = norm[j - 2] if j - 2 >= lo else ""
            return j - 1 if owner.endswith(("'s", "’s")) else end
    return end
