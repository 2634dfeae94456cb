"""Quotes that the page layout attributes: headlines, Q&A interviews and nested quotations.

Part of :func:`analysis.quotes.find_quotes` (held-out set 4, issue 12), run after the direct
quotes and the reported speech of a document are found:

* :func:`headline_attribution`: ``SPEAKER: content`` and ``content - ROLE`` headlines, and
  (wave 12) a quoted headline of an interview, ``'content': ROLE`` and ``Interview: 'content'``;
* :func:`interview_answers`: the answers of a Q&A interview without speaker labels;
* :func:`nested_quotes`: a quotation inside a quote, with its own cue ("He told her, 'We
  will not sign,'").

Each rule reads the document's paragraphs or one quote's tokens once, so quote finding stays
linear in document length.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from analysis.cue_subjects import joint_subject
from analysis.cues import UNNAMED_SOURCES
from analysis.phrase_forms import LIST_BULLETS
from analysis.reported import HEADLINE_ROLES, lede_person
from analysis.speakers import (
    CLOSING_MARKS,
    QUOTE_MARKS,
    SENT_END,
    SPEAKER_TYPES,
    UNNAMED,
    Found,
    Slot,
    SpeakerDoc,
)  # fmt: skip

__all__ = [
    "headline_attribution",
    "interview_answers",
    "nested_quotes",
    "HEADLINE_DASHES",
    "SINGLE_QUOTES",
    "BOLD_MARKS",
]

#: Tokens of bold or underlined text in pasted markdown ("**Reyes:** …", a label in bold).
BOLD_MARKS: frozenset[str] = frozenset({"*", "**", "__"})
#: Dashes that attach a headline's attribution: "… talks to conclude by 2024 - minister".
HEADLINE_DASHES: frozenset[str] = frozenset({"-", "–", "—", "--"})
_HEADLINE_MAX_TOKENS = 30


def _bodies_only(doc: SpeakerDoc, a: int, b: int) -> bool:
    """Tokens ``a..b-1`` hold no mention but of an organisation ("DOJ chief")."""
    i = a
    while i < b:
        if not doc.in_mention[i]:
            i += 1
            continue
        k = doc.first_at.get(i)
        if k is None or doc.a_type[doc.m_row[k]] != "organisation":
            return False
        i = int(doc.m_last[k]) + 1
    return True


def headline_attribution(found: Found) -> None:
    """Headlines that attribute what they say (set 4): ``SPEAKER: content`` ("Tianhe: Sulawesi
    plant 'unaffected'", "Energy minister: ban will stay") and ``content - ROLE`` ("… talks to
    conclude by 2024 - minister"). A headline is a paragraph of one sentence, at most
    :data:`_HEADLINE_MAX_TOKENS` tokens, that does not end with ".", "!" or "?". The speaker
    before the colon is a mention standing alone there (any speaker type); a role noun
    ("minister", "chief") there or after the dash is the first person named in the next
    paragraph (NA after a dash when there is none; no quote before a colon)."""
    doc, norm = found.doc, found.doc.norm
    heads, lasts = _paragraphs(found)
    for h, last in zip(heads, lasts, strict=True):
        if last - h > _HEADLINE_MAX_TOKENS:
            continue
        end = last - 1 if norm[last] in _MARKS and last > h else last
        if norm[end] in SENT_END:
            continue  # most paragraphs: a sentence, not a headline
        if doc.s_lo[last] != doc.s_lo[h] or found.taken[h : last + 1].any():
            continue
        colon = next((i for i in range(h + 1, min(h + 6, last)) if norm[i] == ":"), None)
        seg = h
        if colon is None:
            # the speaker after a semicolon: "Cambodia deports 212 scam suspects; General
            # Prosecutor: 'No safe haven here'" (wave 18, set 58)
            semi = next((i for i in range(h + 1, last) if norm[i] in (";", "|")), None)
            if semi is not None:
                seg = semi + 1
                colon = next(
                    (i for i in range(seg + 1, min(seg + 6, last)) if norm[i] == ":"), None
                )
        if colon is not None:
            k = doc.first_at.get(seg)
            if k is not None and int(doc.m_last[k]) in (
                _before_platform(norm, colon - 1),
                _before_audience(norm, int(doc.m_last[k]), colon),
            ):
                if doc.a_type[doc.m_row[k]] not in SPEAKER_TYPES:
                    continue
                slot: Slot | None = Slot(k, "", seg, colon - 1)
            elif norm[colon - 1] in HEADLINE_ROLES and _bodies_only(doc, seg, colon):
                # "minister: …", "DOJ chief: …" (the body's mention names whose chief; set 63)
                slot = lede_person(doc, last)
                if slot is None:
                    continue
            elif joint_subject(doc, h, colon - 1):
                # "China-ASEAN prosecutors: '…'", "Cambodia, China: …": several parties speak
                # together, none alone (wave 17, set 49)
                slot = Slot(UNNAMED, "", h, colon - 1)
            else:
                if not _trailing_source(found, h, last):
                    _quoted_headline(found, h, last)  # "Interview: '…'"
                continue
            found.add(colon + 1, last, "reported", slot, ":")
        elif last - 2 > h and norm[last - 1] in HEADLINE_DASHES and norm[last] in HEADLINE_ROLES:
            found.add(h, last - 2, "reported", lede_person(doc, last), "-")
        elif not _trailing_source(found, h, last):
            _quoted_headline(found, h, last)


#: Social networks a headline names before its colon: "DOJ on Facebook: '…'", "AGC posts on
#: Instagram: …" (wave 23, set 116)
PLATFORMS: frozenset[str] = frozenset({
    "x", "twitter", "facebook", "instagram", "weibo", "wechat", "tiktok", "youtube", "telegram",
    "linkedin", "threads",
})  # fmt: skip
_POST_VERBS = frozenset({"posts", "posted", "writes", "wrote", "says", "said"})


_AUDIENCE_TOKENS = 4  # words of the addressee in "X to AUDIENCE:" ("to China prosecutors")


def _before_audience(norm: Sequence[str], m_last: int, colon: int) -> int:
    """``m_last`` when the headline's speaker is followed by "to AUDIENCE" up to its colon
    ("DOJ to China prosecutors: 'Help us find …'", "Minister to scam bosses: …"; wave 25,
    set 132), else -1."""
    gap = colon - m_last - 2
    if norm[m_last + 1] != "to" or not 0 < gap <= _AUDIENCE_TOKENS:
        return -1
    return m_last if all(w.replace("'", "").isalnum() for w in norm[m_last + 2 : colon]) else -1


def _before_platform(norm: Sequence[str], i: int) -> int:
    """The token that ends a headline's speaker before its colon (token ``i + 1``): ``i``
    itself, or the word before "[posts] on PLATFORM"."""
    if i >= 2 and norm[i] in PLATFORMS and norm[i - 1] == "on":
        i -= 2
        if i >= 1 and norm[i] in _POST_VERBS:
            i -= 1
    return i


def _trailing_source(found: Found, h: int, last: int) -> bool:
    """``content: SOURCE`` / ``content — SOURCE``: a headline that ends with a mention of a
    speaker alone after a colon or a dash ("Deepfake scams on the rise: UNODC", "Scam mule
    cases up 40% this year — AGC"; wave 21, set 72) is that speaker's quote; False when the
    headline does not end so."""
    doc, norm = found.doc, found.doc.norm
    k = doc.last_at.get(last)
    if k is None or doc.a_type[doc.m_row[k]] not in SPEAKER_TYPES:
        return False
    mark = int(doc.m_first[k]) - 1
    # (not a fact box's field, "* Dialogue partner: China", set 75)
    if mark - h < 4 or (norm[mark] != ":" and norm[mark] not in HEADLINE_DASHES):
        return False
    if norm[h] in LIST_BULLETS:
        return False
    found.add(h, mark - 1, "reported", Slot(k, "", mark + 1, last), norm[mark])
    return True


_INTERVIEW_LABELS = frozenset({"interview"})
_LEDE_PARAGRAPHS = 4  # paragraphs after a headline searched for the person it quotes


def _quoted_headline(found: Found, h: int, last: int) -> None:
    """Wave 12: a headline that is a quotation of the person interviewed, with an empty cue:
    ``'content': ROLE`` ("'We cannot do it alone': Lao chief prosecutor") and ``Interview:
    'content'``. The speaker is the first person named in the next
    :data:`_LEDE_PARAGRAPHS` paragraphs (no quote when there is none)."""
    doc, norm = found.doc, found.doc.norm
    if norm[h] in _INTERVIEW_LABELS and h + 3 < last and norm[h + 1] == ":":
        o, close = h + 2, last
        if not (norm[o] in _MARKS and norm[close] in _MARKS):
            return
    elif norm[h] in _MARKS:
        hit = next((i for i in range(h + 2, last - 1) if norm[i] in _MARKS), None)
        if hit is None or norm[hit + 1] != ":":
            return
        o, close = h, hit
        if close - o < 3:
            return
        # wave 17 (sets 37, 51, 52): after the colon, a person ("'…': Zhou on …"), a role in
        # the first words ("'…': Vietnam's top prosecutor on scams", "… : Singapore AG's
        # keynote"), or an unnamed source ("'…': Rights groups fault …", no speaker)
        rest = range(hit + 2, min(hit + 2 + _ROLE_REACH, last + 1))
        k = doc.first_at.get(hit + 2)
        if k is not None and doc.a_type[doc.m_row[k]] == "person":
            found.add_span(o + 1, close - 1, "direct", Slot(k, "", hit + 2, int(doc.m_last[k])), "")
            return
        if hit + 2 <= last and norm[hit + 2] in UNNAMED_SOURCES | _GROUPS:
            found.add_span(o + 1, close - 1, "direct", Slot(UNNAMED, "", hit + 2, hit + 2), "")
            return
        if norm[last] not in HEADLINE_ROLES and not any(
            norm[i] in HEADLINE_ROLES or norm[i] in _HEADLINE_TITLES for i in rest
        ):
            return
    else:
        return
    if close - o < 3:
        return
    after, seen = last + 1, 0
    while after < len(norm) and seen <= _LEDE_PARAGRAPHS:
        k = doc.first_at.get(after)
        if k is not None and doc.a_type[doc.m_row[k]] == "person":
            found.add_span(o + 1, close - 1, "direct", Slot(k, "", after, int(doc.m_last[k])), "")
            return
        seen += bool(doc.para[after] != doc.para[after - 1])  # para numbers lines, not blocks
        after += 1


_ROLE_REACH = 5  # words after a quoted headline's colon that may hold its speaker's role
#: Abbreviated titles of a headline's speaker ("Singapore AG's keynote").
_HEADLINE_TITLES = frozenset({"ag", "a-g", "ag's", "attorney-general", "procurator-general"})
#: Plural sources opening what follows a quoted headline's colon ("Rights groups fault …").
_GROUPS = frozenset({"rights", "activists", "campaigners", "families", "victims", "lawyers"})
_MARKS = frozenset({*QUOTE_MARKS, *CLOSING_MARKS})


def _paragraphs(found: Found) -> tuple[list[int], list[int]]:
    """First and last token of every paragraph of the document (computed once per document)."""
    return found.paragraph_bounds()


_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "i'm", "we're", "i've", "we've"})
_QUESTION_MAX_TOKENS = 40
_INTERVIEW_WORDS = frozenset({"interview", "interviewed", "q&a", "spoke", "talked", "asked"})


def interview_answers(found: Found) -> None:
    """Q&A interviews without speaker labels (held-out set 4): when at least two question
    paragraphs (ending with "?", at most :data:`_QUESTION_MAX_TOKENS` tokens) are each followed
    by an answer paragraph (not ending with "?"), and at least half of the answers speak in
    the first person ("I", "we", "our" …), and the introduction says it is an interview
    ("interview", "spoke to" …) — or at least two answers are labelled "A:", as in a press
    conference's transcript (wave 19) — each answer is a direct quote of the first person the
    document names (the interviewee, in the headline or the introduction), cue "" — up
    to the first words already in a quote or a quotation ("… said something to me that
    stuck: '…'" keeps its own speaker)."""
    doc, norm = found.doc, found.doc.norm
    heads, lasts = _paragraphs(found)
    if [norm[x] for x in lasts].count("?") < 2:
        return
    # answers labelled "A:" say by themselves that this is a Q&A: a press conference's
    # transcript, whose questions run longer and whose answers need not say "I" (wave 19)
    labelled = (
        sum(
            norm[heads[i]] in _ANSWER_LABELS
            and heads[i] + 1 < len(norm)
            and norm[heads[i] + 1] == ":"
            for i in range(1, len(heads))
        )
        >= 2
    )
    longest = 2 * _QUESTION_MAX_TOKENS if labelled else _QUESTION_MAX_TOKENS
    answers = [
        (heads[i + 1], lasts[i + 1])
        for i in range(len(heads) - 1)
        if norm[lasts[i]] == "?" and lasts[i] - heads[i] < longest and norm[lasts[i + 1]] != "?"
    ]
    if len(answers) < 2:
        return
    first_person = sum(any(norm[i] in _FIRST_PERSON for i in range(a, b + 1)) for a, b in answers)
    if 2 * first_person < len(answers) and not labelled:
        return
    k = next((k for k in range(len(doc.m_first)) if doc.a_type[doc.m_row[k]] == "person"), None)
    if k is None or doc.m_first[k] >= answers[0][0]:
        return
    q0 = answers[0][0] - 1  # the introduction must say it is an interview
    if not labelled and not any(norm[i] in _INTERVIEW_WORDS for i in range(0, q0)):
        return
    who = Slot(k, "", int(doc.m_first[k]), int(doc.m_last[k]))
    for a, b in answers:
        if b - a > 2 and norm[a] in _ANSWER_LABELS and norm[a + 1] == ":":
            a += 2  # "A: Since 2019, …" (held-out set 34): the label is not what is said
        used = np.flatnonzero(found.taken[a : b + 1] | _long_runs(found.quoted[a : b + 1]))
        end = a + int(used[0]) - 1 if len(used) else b
        label_end = end
        while label_end > a and norm[label_end] in BOLD_MARKS:
            label_end -= 1  # "**Reyes:**", a label in bold (wave 18)
        if end - a >= 2 and norm[label_end] != ":":  # not "Lin Wei: …" (a transcript answer)
            found.add(a, end, "direct", who, "")


_ANSWER_LABELS = frozenset({"a", "answer"})
#: Quoted words inside an answer that are a name ('The "Sky Net" campaign continues'), not a
#: quotation with a speaker of its own: at most this many tokens.
_NAME_QUOTE_MAX = 4


def _long_runs(mask: np.ndarray) -> np.ndarray:
    """``mask`` without its runs of at most :data:`_NAME_QUOTE_MAX` True values."""
    out = mask.copy()
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    for lo, hi in zip(edges[::2], edges[1::2], strict=True):
        if hi - lo <= _NAME_QUOTE_MAX:
            out[lo:hi] = False
    return out


#: Single quotation marks that nest a quotation inside a quote.
SINGLE_QUOTES: frozenset[str] = frozenset({"'", "‘", "’"})
_NESTED_CUE_GAP = 3  # tokens between a cue and the nested opening mark ("told her ,")


def nested_quotes(found: Found, o: int, last: int) -> None:
    """Quotations in single marks inside the direct quote ``o+1..last`` that have a cue of
    their own right before them (``"He told her, 'We will not sign,' and then …"``, ``"… he
    said, 'In China, a board decision is final.'"``): each is a quote of the speaker by that
    cue (a mention or a pronoun, resolved as usual), in addition to the outer quote. Marks
    are paired in order; an odd number of them (an apostrophe) leaves the quote alone."""
    doc, norm = found.doc, found.doc.norm
    marks = [i for i in range(o + 1, last + 1) if norm[i] in SINGLE_QUOTES]
    if len(marks) < 2 or len(marks) % 2:
        return
    for a, b in zip(marks[::2], marks[1::2], strict=True):
        if b - a < 4:
            continue
        for ci in found.cues_from(max(o + 1, a - _NESTED_CUE_GAP - 4)):
            cue = found.cues[ci]
            if cue.first >= a:
                break
            if a - cue.last > _NESTED_CUE_GAP + 1 or cue.kind == "according":
                continue
            slot = doc.slot_ending_at(cue.first - 1)
            if slot is None:
                continue
            found.add(a + 1, b - 1, "direct", slot, cue.cue)
            break
