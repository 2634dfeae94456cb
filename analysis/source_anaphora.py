"""An unnamed source named again: "the official said" after "a senior official of the SPP".

Part of :func:`analysis.quotes.find_quotes`. Wire copy introduces an anonymous source once,
with what it speaks for ("a senior official of the Supreme People's Procuratorate, who
declined to be named, told the Global Times"; "a Cambodian justice ministry official told
Reuters"), and then refers to it by a definite noun only ('"…," the official said';
"According to the official, …"). The held-out references (sets 37, 43, 45: each coded by two
coders and adjudicated) give those later quotes the body or country of the introduction; the
definite noun alone names no one. :func:`official_again` finds the introduction: the last
earlier "a|an … NOUN" with the same noun, and reads what it speaks for there (a mention after
"of|at|from|for|with [the]", a mention inside the noun phrase, or a nationality adjective).
No coreference library does this offline on our tokens, and the form is narrow, so it is
written here: a backwards scan of at most :data:`_REACH` tokens per definite source.
"""

from __future__ import annotations

import pandas as pd

from analysis import quote_forms as forms
from analysis.speakers import QUOTE_MARKS, SENT_END, SOURCE_PERSONS, Found, Slot, SpeakerDoc
from analysis.subject_forms import head_of

__all__ = ["SOURCE_NOUNS_AGAIN", "official_again"]

#: Nouns an anonymous source is introduced with and named by again ("the official").
SOURCE_NOUNS_AGAIN: frozenset[str] = SOURCE_PERSONS
#: How far back (in tokens) the introduction may stand: a news story's length.
_REACH = 1500
_LINKS = frozenset({"of", "at", "from", "for", "with", "in"})
_ARTICLES = frozenset({"a", "an"})


def official_again(found: Found) -> None:
    """Quotes with an NA speaker or one read like a pronoun (``resolved_via == "pronoun"``:
    "the prosecutor" as the person named last) attributed to "the [ADJ] NOUN" (NOUN of
    :data:`SOURCE_NOUNS_AGAIN`): ``"…," the official said``, ``…, said the official, who …``,
    ``According to the official, …``, ``The official added that …``: the speaker is what the
    source's introduction earlier in the document speaks for (see the module docstring)."""
    doc, rows = found.doc, found.rows
    if not _official_cue(found):
        return
    for row in rows:
        known = row["speaker_id"] is not None and row["speaker_id"] is not pd.NA
        if known and row["resolved_via"] != "pronoun":
            continue  # (read like a pronoun, its introduction "a Thai prosecutor" wins; wave 22)
        a = int(doc.start.searchsorted(row["start"]))
        b = int(doc.end.searchsorted(row["end"]))
        the = _attribution(found, a, b)
        slot = None if the is None else _introduced(doc, the)
        if slot is not None:
            speaker_id, s0, e0, via = doc.resolve(slot, row["start"])
            row.update(speaker_id=speaker_id, speaker_start=s0, speaker_end=e0, resolved_via=via)


def _official_cue(found: Found) -> bool:
    """A cue right after a source noun ("the official said") or right before "the" ("said
    the official", "according to the official"): :func:`official_again` needs one, and most
    documents have none, so it stops early (issue 14)."""
    norm = found.doc.norm
    return any(
        (c.first >= 1 and norm[c.first - 1] in SOURCE_NOUNS_AGAIN)
        or (c.last + 2 < len(norm) and norm[c.last + 1] == "the")
        for c in found.cues
    )


def _noun_after(norm, k: int) -> int | None:
    """The source noun of "the [ADJ] NOUN" opening at ``k``, else None."""
    for j in (k + 1, k + 2):
        if j < len(norm) and norm[j] in SOURCE_NOUNS_AGAIN:
            return j
    return None


def _attribution(found: Found, a: int, b: int) -> int | None:
    """The "the" of a "the [ADJ] NOUN" that attributes the quote ``a..b``: after it, before or
    after its cue, or after "according to" before it; else None."""
    norm, n = found.doc.norm, len(found.doc.norm)
    starts = found.cue_at  # first token of each cue -> its index
    k = b + 1
    while k < n and k <= b + 2 and (norm[k] in QUOTE_MARKS.values() or norm[k] == ","):
        k += 1
    if k < n and norm[k] == "the" and (j := _noun_after(norm, k)) is not None and j + 1 in starts:
        return k  # '"…," the official said'
    if k < n and k in starts:
        c = found.cues[starts[k]]
        if c.last + 1 < n and norm[c.last + 1] == "the" and _noun_after(norm, c.last + 1):
            return c.last + 1  # '"…," said the official, who …'
    lo = max(0, a - 8)
    for k in range(a - 1, lo - 1, -1):
        if norm[k] in SENT_END:
            break
        j = _noun_after(norm, k) if norm[k] == "the" else None
        if j is not None and (j + 1 in starts or norm[k - 2 : k] == ["according", "to"]):
            return k  # "The official added that …", "According to the official, …"
    return None


def _introduced(doc: SpeakerDoc, the: int) -> Slot | None:
    """What the source "the [ADJ] NOUN" at token ``the`` speaks for: the actor of the last
    earlier "a|an … NOUN" with the same noun, else None."""
    norm = doc.norm
    noun = _noun_after(norm, the)
    if noun is None:
        return None
    for i in range(the - 1, max(-1, the - _REACH), -1):
        if norm[i] != norm[noun] or doc.in_mention[i]:
            continue
        art = next((k for k in range(i - 1, max(-1, i - 6), -1) if norm[k] in _ARTICLES), None)
        if art is None:
            continue  # another definite mention: look further back for the introduction
        return _speaks_for(doc, art, i)
    return None


def _speaks_for(doc: SpeakerDoc, art: int, noun: int) -> Slot | None:
    """The actor an introduction "a|an … NOUN [of|at|… [the] X]" (tokens ``art..noun``)
    speaks for."""
    norm = doc.norm
    k = noun + 1
    if k < len(norm) and norm[k] in _LINKS:
        k += 1 + (k + 1 < len(norm) and norm[k + 1] == "the")
        found = doc.slot_starting_at(k)
        if found is not None and found.mention >= 0:
            return head_of(doc, found, k)  # "a senior official of the SPP"
        found = forms.demonym_body(doc, k - 1, min(len(norm) - 1, k + 2))
        if found is not None:
            return found  # "a spokesman for the Chinese embassy"
    inner = doc.first_mention_in(art + 1, noun - 1)
    if inner is not None:
        return inner  # "a DOJ official"
    return forms.demonym_body(doc, art, noun)  # "a Cambodian justice ministry official"
