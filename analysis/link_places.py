"""Places a link comes from or people are taken to (issue 12).

Two forms the coders of held-out sets 3-25 code as places and the other place rules did not
read (a city visited is :mod:`analysis.noun_forms`', "a visit to X" :mod:`analysis.place_rules`'):

* the far end of a video or phone link: "joined by video link from Jakarta", "spoke by phone
  from Beijing";
* where people are taken or sent back: "take them to Cambodia", "were taken to Myanmar",
  "lured them to Laos", "deports 86 Chinese, Taiwanese fraud suspects to China", "swam back
  to Thailand", "so they go to China".

A list after these words is read as one phrase (:mod:`analysis.place_lists`).

Hand-written: word lists over the tokens; no tagger available offline gives the frames.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.token_context import TokenContext, possessive_mask

__all__ = ["DEPORT_VERBS", "LINK_WORDS", "TAKE_VERBS", "link_places_mask"]

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
#: Verbs that send people back or out, whose object may stand between the verb and "to X":
#: "deports 86 Chinese, Taiwanese fraud suspects to China" (held-out set 27; not "return":
#: "returned the documents to Cambodia" names a party).
DEPORT_VERBS: frozenset[str] = frozenset({
    "deport", "deports", "deported", "deporting", "repatriate", "repatriates", "repatriated",
    "repatriating", "extradite", "extradites", "extradited", "extraditing", "expel", "expels",
    "expelled", "expelling", "forced", "forcing",
})  # fmt: skip
_OBJECT_WORDS = 7  # tokens between such a verb and "to X"
_BACK_WORDS = frozenset({"back", "go", "goes", "went", "gone", "going"})
# the object ends at a clause: "expelled French troops and turned to Russia" (set 6)
_CLAUSE_BREAKS = frozenset({
    ".", "!", "?", ";", ":", "that", "who", "which", "said", "says", "and", "or", "but",
})  # fmt: skip


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
    # on the tokens' codes: most place mentions follow none of these words
    c = [ctx.codes(doc, tok - k) for k in (1, 2, 3, 4)]

    def is_(words: frozenset[str] | set[str] | str, codes: np.ndarray) -> np.ndarray:
        return ctx.word_table(words)[codes]

    the = is_("the", c[0])
    link = is_("from", c[0]) & is_(LINK_WORDS, c[1])
    to = is_("to", c[0]) | (the & is_("to", c[1]))
    # the look-back moves past "the": "taken to the Philippines"
    q1 = np.where(the, c[2], c[1])
    q2 = np.where(the, c[3], c[2])
    taken = to & (is_(TAKE_VERBS, q1) | (is_(_PEOPLE, q1) & is_(TAKE_VERBS, q2)))
    # "swam back to Thailand", "forced … back to Laos", "so they go to China"
    back = to & is_(_BACK_WORDS, q1)
    # a deporting verb a few words before: its object between
    far = np.flatnonzero(to & ~taken & ~back)
    if len(far):
        deport = np.zeros(len(far), bool)
        live = np.ones(len(far), bool)
        shift = np.where(the[far], 2, 1)
        for k in range(1, _OBJECT_WORDS + 1):
            w = ctx.codes(doc[far], tok[far] - shift - k)
            deport |= live & is_(DEPORT_VERBS, w)
            live &= ~is_(_CLAUSE_BREAKS, w) & (w >= 0)
        taken[far] = deport
    own = possessive_mask(named)[sel]
    out[sel] = link | taken | (back & ~own)
    return out
