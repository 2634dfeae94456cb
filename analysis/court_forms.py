"""Courts as speakers (issue 12, wave 13), used by :func:`analysis.quotes.find_quotes`.

The coding guidelines give a court's ruling an empty speaker even when the court is in the
actor table (held-out sets 9, 10, 15, 17; set 20): what a court orders, rules or finds is a
ruling, not a statement of an actor. :func:`court_rulings` clears the speaker of

* a quote whose cue is a ruling verb (:data:`RULING_CUES`: "ruled that …", "ordered X to
  refrain …", "…, ruling that …") and whose speaker is a court, an actor with a mention in the
  document headed by "Court" or "Tribunal" ("the International Court of Justice", "Poland's
  Constitutional Tribunal", "the EU court"; not "the General Prosecutor's Office attached to
  the Supreme Court", whose head is "Office"), or the possessor of a court ("Spain's National
  Court ruled that …": not Spain's words);
* a quote of "the court" or "the tribunal" as a plain noun ("The court said both parties
  "shall refrain …""): the bench speaking in its ruling. A court named by its name or
  capitalised ("The SPC said more than 1,000 judges …", "the Court rejected …, saying") keeps
  its speaker with other cues (sets 9, 11).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.speakers import Found, clear_speaker

__all__ = ["RULING_CUES", "court_rulings", "court_headed"]

#: Cues that report what a court decides.
RULING_CUES: frozenset[str] = frozenset({
    "ruled", "rules", "ruling", "ruling that", "ordered", "orders", "found", "finds", "found that",
    "finds that", "held", "holds",
})  # fmt: skip
_COURT_NOUNS = frozenset({"court", "tribunal"})
_BENCH = ("the court", "the tribunal")
#: "Kenya's Supreme Court ruled": the speaker mention is the court's possessor
_POSSESSED_COURT = re.compile(
    r"(?:'s|’s|')?\s+(?:(?:[A-Z][\w-]*|top|high|highest|supreme|constitutional|federal|appeals"
    r"|criminal|administrative|district)\s+){0,3}(?:[Cc]ourt|[Tt]ribunal)\b"
)


def court_headed(surface: str) -> bool:
    """The name ``surface`` is headed by "Court" or "Tribunal": the last word before the first
    lower-case word ("of", "attached", …) other than the noun itself.

    Example:
        >>> court_headed("International Court of Justice"), court_headed("EU court")
        (True, True)
        >>> court_headed("General Prosecutor's Office attached to the Supreme Court")
        False
    """
    head = ""
    for word in surface.split():
        if word[:1].islower() and word.casefold() not in _COURT_NOUNS and head:
            break
        head = word
    return head.casefold() in _COURT_NOUNS


def court_rulings(found: Found) -> None:
    """Clear the speaker of the rulings of a court (see the module docstring)."""
    rows = [r for r in found.rows if not pd.isna(r["speaker_id"])]
    if not rows:
        return
    doc, courts = found.doc, None
    for row in rows:  # few rows a document: a plain loop
        s0, e0 = row["speaker_start"], row["speaker_end"]
        said_by = "" if pd.isna(s0) else doc.text[s0:e0]
        bench = said_by.lower() in _BENCH and said_by.split()[-1].islower()
        if not bench and row["cue"] not in RULING_CUES:
            continue
        if not bench:
            if courts is None:
                text, actors = doc.text, doc.a_actor.tolist()
                courts = {
                    actors[k]
                    for k, (s, e) in enumerate(
                        zip(doc.a_start.tolist(), doc.a_end.tolist(), strict=True)
                    )
                    if court_headed(text[s:e])
                }
            if row["speaker_id"] not in courts and not _POSSESSED_COURT.match(
                doc.text, e0, e0 + 60
            ):
                continue
        clear_speaker(row)
