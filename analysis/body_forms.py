"""Speakers named by a description of a body (issue 12, wave 9; held-out set 13): "China's top
procuratorate said …" is the body the table lists for it, not the country.

* A country's possessive, up to two describing words and a head noun before the cue
  ("Kenya's top prosecution office said", "Peru's national electoral body said"): when the
  head noun is a word of the name of exactly one organisation mentioned in the same document
  ("the Office of the Director of Public Prosecutions"; a head that many bodies share, such as
  "office" or "ministry", needs every describing word in the name too), that organisation
  speaks; otherwise
  the country speaks for its untabled body, as before (the guidelines of sets 3-13).

:func:`described_bodies` runs once per document after the quote rules, on their rows.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.speakers import Found

__all__ = ["described_bodies"]

_WORD = re.compile(r"[^\W\d_]+")

# words of a description that say nothing of which body it is
_SKIP = frozenset({"top", "national", "main", "chief", "highest", "senior", "state", "own"})
_POSSESSIVE = ("'s", "’s", "'", "’")
# heads that many bodies share: every describing word must then be in the name too ("Kenya's
# central bank" is the Central Bank of Kenya, "China's foreign ministry" not the Ministry of
# Public Security)
_GENERIC = frozenset({
    "office", "ministry", "department", "agency", "body", "authority", "authorities", "council",
    "commission", "service", "services", "court", "police", "government", "bureau", "unit",
    "administration", "committee", "board", "parliament", "assembly", "force", "forces", "bank",
    "party", "company", "group", "institute", "centre", "center", "organisation", "organization",
})  # fmt: skip


def _heads(found: Found) -> dict[int, tuple[int, int]]:
    """Cue first token -> (possessive token, head noun token) for the cues after "COUNTRY's
    [word] [word] NOUN"."""
    doc = found.doc
    norm = doc.norm
    out: dict[int, tuple[int, int]] = {}
    for c in found.cues:
        h = c.first - 1
        if h < 1 or not norm[h].isalpha() or doc.in_mention[h]:
            continue
        k = h - 1
        while k >= 0 and h - k <= 3 and norm[k].isalpha() and not doc.in_mention[k]:
            k -= 1
        if k >= 0 and h - k <= 3 and norm[k].endswith(_POSSESSIVE) and doc.in_mention[k]:
            out[c.first] = (k, h)
    return out


def described_bodies(found: Found) -> None:
    """Give a quote whose speaker is a country's possessive before "[words] NOUN CUE" to the
    one organisation of the document whose name has that noun (see the module docstring)."""
    doc = found.doc
    if not found.rows or not (doc.a_type == "organisation").any():
        return
    heads = _heads(found)
    if not heads:
        return
    by_start = {int(doc.start[k]): (k, h) for k, h in heads.values()}
    orgs = [
        (str(doc.a_actor[j]), set(_WORD.findall(doc.text[doc.a_start[j] : doc.a_end[j]].lower())))
        for j in range(len(doc.a_type))
        if doc.a_type[j] == "organisation"
    ]
    for row in found.rows:
        s0 = row["speaker_start"]
        if pd.isna(s0) or int(s0) not in by_start:
            continue
        k, h = by_start[int(s0)]
        j = next((j for j in range(len(doc.a_start)) if doc.a_start[j] == int(s0)), None)
        if j is None or doc.a_type[j] != "country":
            continue
        head = doc.norm[h]
        if head in _SKIP:
            continue
        want = {head}
        if head in _GENERIC:
            want |= {doc.norm[x] for x in range(k + 1, h)} - _SKIP
        ids = {a for a, words in orgs if want <= words}
        if len(ids) == 1:
            row.update(
                speaker_id=ids.pop(), speaker_end=int(doc.end[h]), resolved_via="description"
            )
