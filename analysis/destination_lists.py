"""Lists of destinations that open with untabled places (issue 12, wave 13).

The place rules (:mod:`analysis.place_forms`) drop a tabled country after a verb of travel
("fled to Malaysia") and carry the drop along a list that starts with it ("fled to Malaysia,
Macau and Hong Kong"). A list whose first places are not in the table ("most of them for Hong
Kong, Macau and Malaysia", held-out set 18; "moved to Dubai, Oman and Qatar") has no dropped
mention to start from, so its tabled places stayed mentions. :func:`destination_list_mask`
finds them: a place actor's mention after a comma, "and" or "or", in a run of capitalised
words and list words that follows "to" after a verb of travel or "for" after a verb of
leaving in the same clause, and ends the phrase.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.place_forms import TRAVEL_VERBS, code_table, codes_at, in_table, mention_frame
from analysis.token_context import TokenContext

__all__ = ["LEAVE_VERBS", "destination_list_mask"]

#: Verbs of leaving whose "for X" is a destination, also some words later in the clause:
#: "had left the Philippines since 2014, most of them for Hong Kong".
LEAVE_VERBS: frozenset[str] = frozenset({
    "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing",
    "fled", "flee", "flees", "fleeing", "escaped", "bound", "headed", "set",
})  # fmt: skip
_FLED = frozenset({"fled", "flee", "flees", "escaped", "escape", "escapes"})
_LIST = frozenset({",", "and", "or"})
# words after the list's last place that end the phrase: no verb of the place acting
_ENDS = frozenset({
    ".", ",", ";", ":", ")", "in", "on", "since", "after", "before", "where", "last", "this",
    "via", "while", "until", "to", "from",
})  # fmt: skip
_STOPS = frozenset({".", ";", ":", "!", "?", '"', "“", "”"})
_RUN = 10  # tokens of a list looked back over
_CLAUSE = 12  # tokens between a verb of leaving and "for"


def destination_list_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for mentions of ``place_actors`` that end a list of destinations whose head is
    not a tabled place (module docstring). ``named`` is sorted by document and start."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc, tok, end = mention_frame(named)
    lst = code_table(ctx, _LIST)
    i = np.flatnonzero(in_table(codes_at(ctx, doc, tok - 1), lst))
    if not len(i):
        return out
    i = i[named["actor_id"].iloc[i].isin(list(place_actors)).to_numpy(bool)]
    i = i[in_table(codes_at(ctx, doc[i], end[i]), code_table(ctx, _ENDS))]
    if not len(i):
        return out
    d, t = doc[i], tok[i]
    # back over the run of capitalised words and list words to the word before its head
    at = np.zeros(len(i), np.int64)
    live = np.ones(len(i), bool)
    for k in range(2, _RUN + 1):
        c = codes_at(ctx, d, t - k)
        go = live & (c >= 0) & (in_table(c, lst) | ctx.capitalised(d, t - k))
        stop = live & ~go
        at[stop] = k
        live &= go
    ok = at > 0
    head_cap = ctx.capitalised(d, t - at + 1) & ok
    prep = codes_at(ctx, d, t - at)
    before = codes_at(ctx, d, t - at - 1)
    to = in_table(prep, code_table(ctx, {"to"})) & in_table(
        before, code_table(ctx, TRAVEL_VERBS | _FLED)
    )
    leave = np.zeros(len(i), bool)
    fr = np.flatnonzero(head_cap & in_table(prep, code_table(ctx, {"for"})))
    if len(fr):  # a verb of leaving earlier in the clause, looked for on these rows only
        open_ = np.ones(len(fr), bool)
        verbs, stops = code_table(ctx, LEAVE_VERBS), code_table(ctx, _STOPS)
        for k in range(1, _CLAUSE + 1):
            c = codes_at(ctx, d[fr], t[fr] - at[fr] - k)
            open_ &= (c >= 0) & ~in_table(c, stops)
            leave[fr] |= open_ & in_table(c, verbs)
    out[i] = head_cap & (to | leave)
    return out
