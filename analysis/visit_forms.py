"""Places a visit, a link or a move goes to or comes from (issue 12).

Three forms the coders of held-out sets 3-23 code as places and the other place rules did not
read:

* a capital or other alias as the object of the verb *visit* (or *tour*): "The delegation
  will visit Nay Pyi Taw and Mandalay" (a country's own name visited is the host: "will visit
  Ghana next week"; "a visit to X" is :mod:`analysis.place_rules`');
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

__all__ = ["LINK_WORDS", "TAKE_VERBS", "VISIT_VERBS", "visit_forms_mask"]

#: A verb whose object is a place visited: "will visit Hanoi", "toured Laos".
VISIT_VERBS: frozenset[str] = frozenset({
    "visit", "visits", "visited", "visiting", "tour", "tours", "toured", "touring",
})  # fmt: skip
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
# who is moved: "take them to", "lured young Vietnamese to" (a capitalised demonym or a noun)
_PEOPLE = frozenset({"them", "him", "her", "victims", "workers", "people", "others", "women"})


def visit_forms_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for mentions of ``place_actors`` that are the place of a visit, the far end of a
    link or where people are taken (the forms of the module docstring)."""
    out = np.zeros(len(named), bool)
    sel = np.flatnonzero(named["actor_id"].isin(place_actors).to_numpy())
    if not len(sel):
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)[sel]
    tok = named["tok"].to_numpy().astype(np.int64)[sel]
    p = [ctx.norm(doc, tok - k) for k in (1, 2, 3, 4)]
    # "visit China", "visit the Philippines"
    visit = np.isin(p[0], list(VISIT_VERBS)) | ((p[0] == "the") & np.isin(p[1], list(VISIT_VERBS)))
    link = (p[0] == "from") & np.isin(p[1], list(LINK_WORDS))
    to = (p[0] == "to") | ((p[0] == "the") & (p[1] == "to"))
    at = np.where(p[0] == "the", 1, 0)  # the look-back shifts past "the"
    q1 = np.where(at == 1, p[2], p[1])
    q2 = np.where(at == 1, p[3], p[2])
    taken = to & (
        np.isin(q1, list(TAKE_VERBS) + ["taken"])
        | (np.isin(q1, list(_PEOPLE)) & np.isin(q2, list(TAKE_VERBS)))
    )
    # "met visiting China's procurator-general": a possessive opens the person's title; and
    # a country's own name visited is the host ("The president will visit Ghana next week",
    # held-out set 3), its capital or another alias the place
    own = named["matched"].astype(str).str.endswith(("'s", "’s", "'", "’")).to_numpy()[sel]
    host = (named["via"] == "name").to_numpy()[sel]
    out[sel] = (visit & ~own & ~host) | link | taken
    return out
