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

import numpy as np
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


def _head(found: Found, k: int) -> int | None:
    """The head noun's token after the possessive mention ending at token ``k``: one to three
    words outside mentions, the last one right before a cue ("China's top procuratorate
    said"); else None."""
    doc, norm = found.doc, found.doc.norm
    if not norm[k].endswith(_POSSESSIVE):
        return None
    h = k + 1
    while h < len(norm) and h - k <= 3 and norm[h].isalpha() and not doc.in_mention[h]:
        if h + 1 in found.cue_at:
            return h
        h += 1
    return None


def described_bodies(found: Found) -> None:
    """Give a quote whose speaker is a country's possessive before "[words] NOUN CUE" to the
    one organisation of the document whose name has that noun (see the module docstring)."""
    doc = found.doc
    if not found.rows:
        return
    orgs = None
    for row in found.rows:
        s0 = row["speaker_start"]
        if pd.isna(s0):
            continue
        j = int(np.searchsorted(doc.a_start, int(s0)))
        if j >= len(doc.a_start) or doc.a_start[j] != s0 or doc.a_type[j] != "country":
            continue
        k = int(np.searchsorted(doc.end, int(doc.a_end[j])))  # the token the mention ends in
        h = _head(found, k) if k < len(doc.end) else None
        if h is None:
            continue
        if orgs is None:
            orgs = [
                (
                    str(doc.a_actor[m]),
                    set(_WORD.findall(doc.text[doc.a_start[m] : doc.a_end[m]].lower())),
                )
                for m in range(len(doc.a_type))
                if doc.a_type[m] == "organisation"
            ]
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
