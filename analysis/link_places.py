"""Places a link comes from or people are taken to (issue 12).

Two forms the coders of held-out sets 3-25 code as places and the other place rules did not
read (a city visited is :mod:`analysis.noun_forms`', "a visit to X" :mod:`analysis.place_rules`'):

* the far end of a video or phone link: "joined by video link from Jakarta", "spoke by phone
  from Beijing";
* where people are taken: "take them to Cambodia", "were taken to Myanmar", "lured them to
  Laos".

A list after these words is read as one phrase (:mod:`analysis.place_lists`).

Hand-written: word lists over the tokens; no tagger available offline gives the frames.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.token_context import TokenContext

__all__ = ["LINK_WORDS", "TAKE_VERBS", "link_places_mask"]

#: Words before "from X" that make X the far end of a link: "by video link from Jakarta".
LINK_WORDS: frozenset[str] = frozenset({
    "link", "video", "videolink", "video-link", "videoconference", "teleconference", "phone",
    "telephone", "livestream", "remotely", "online", "satellite",
})  # fmt: skip
#: Verbs that move people to a place: "take them to Cambodia", "lured victims to Laos".
TAKE_VERBS: frozenset[str] = frozenset({
    "take", "takes", "took", "taking", "taken", "lure", "lures", "lured", "luring", "bring",
    "brings", "brought", "bringing", "ferry", "ferried", "transport", "transported", "move",
    "moved", "moving", "smuggle", "smuggled", "traffic", "trafficked", "trafficking",
})  # fmt: skip
# who is moved: "take them to", "lured victims to"
_PEOPLE = frozenset({"them", "him", "her", "victims", "workers", "people", "others", "women"})


def link_places_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for mentions of ``place_actors`` that are the far end of a link or where people
    are taken (the forms of the module docstring)."""
    out = np.zeros(len(named), bool)
    sel = np.flatnonzero(named["actor_id"].isin(place_actors).to_numpy())
    if not len(sel):
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)[sel]
    tok = named["tok"].to_numpy().astype(np.int64)[sel]
    p = [ctx.norm(doc, tok - k) for k in (1, 2, 3, 4)]
    link = (p[0] == "from") & np.isin(p[1], list(LINK_WORDS))
    to = (p[0] == "to") | ((p[0] == "the") & (p[1] == "to"))
    # the look-back moves past "the": "taken to the Philippines"
    q1 = np.where(p[0] == "the", p[2], p[1])
    q2 = np.where(p[0] == "the", p[3], p[2])
    taken = to & (
        np.isin(q1, list(TAKE_VERBS)) | (np.isin(q1, list(_PEOPLE)) & np.isin(q2, list(TAKE_VERBS)))
    )
    out[sel] = link | taken
    return out
