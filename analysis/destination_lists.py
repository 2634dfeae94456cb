"""Lists of destinations that open with untabled places (issue 12, wave 13).

The place rules (:mod:`analysis.place_forms`) drop a tabled country after a verb of travel
("fled to Malaysia") and carry the drop along a list that starts with it ("fled to Malaysia,
Macau and Hong Kong"). A list whose first places are not in the table ("most of them for Hong
Kong, Macau and Malaysia", held-out set 18; "moved to Dubai, Oman and Qatar") has no dropped
mention to start from, so its tabled places stayed mentions. :func:`destination_list_mask`
finds them: a place actor's mention after a comma, "and" or "or", in a run of capitalised
words and list words that follows "to" after a verb of travel or "for" after a verb of
leaving in the same clause, and ends the phrase; the same run after a place preposition (:data:`LOCATIVE_PREPS`:
"accounts in Hong Kong, Cambodia and Malaysia since 2019", "moved through Hong Kong, Macau and
Manila before …", held-out sets 37, 39, 48), which makes its untabled first item a place as
it would a tabled one ("in X" after any word but a name); and the countries given as examples
of where people come from, "workers come from at least 40 countries, including China, Vietnam
and Brazil" (held-out set 20).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.name_forms import DEMONYMS
from analysis.place_forms import TRAVEL_VERBS
from analysis.token_context import (
    TokenContext,
    code_table,
    codes_at,
    in_sorted,
    in_table,
    mention_frame,
)

__all__ = [
    "LEAVE_VERBS", "COME_FROM_VERBS", "SET_NOUNS", "LOCATIVE_PREPS", "destination_list_mask"
]  # fmt: skip

#: Verbs of leaving whose "for X" is a destination, also some words later in the clause:
#: "had left the Philippines since 2014, most of them for Hong Kong".
LEAVE_VERBS: frozenset[str] = frozenset({
    "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing",
    "fled", "flee", "flees", "fleeing", "escaped", "bound", "headed", "set",
})  # fmt: skip
#: Nouns of a set of places whose examples follow: "40 countries, including China".
SET_NOUNS: frozenset[str] = frozenset({"countries", "nations", "states", "territories"})
#: Verbs whose "from X" is where people or goods come from: "workers come from …".
COME_FROM_VERBS: frozenset[str] = frozenset({
    "come", "comes", "came", "coming", "hail", "hails", "hailed", "hailing", "trafficked",
    "recruited", "lured", "brought", "arrived", "arrive", "arrives", "arriving", "originate",
    "originated", "originating", "rescued", "repatriated", "deported",
})  # fmt: skip
#: Prepositions that make the first item of a list a place: "in Hong Kong, Cambodia and
#: Malaysia". A list whose first item is tabled is judged by the other place rules
#: (:mod:`analysis.place_lists`); only lists that open with an untabled name are read here.
LOCATIVE_PREPS: frozenset[str] = frozenset({
    "in", "through", "via", "across", "throughout", "into", "inside", "around",
})  # fmt: skip
_EXAMPLE_INTROS = frozenset({"including", "like", "as"})
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
_EXAMPLES = 16  # tokens of a list of examples looked back over


def destination_list_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for mentions of ``place_actors`` that end a list of destinations whose head is
    not a tabled place (module docstring). ``named`` is sorted by document and start."""
    if named.empty:
        return np.zeros(0, bool)
    doc, tok, end = mention_frame(named)
    return _destinations(named, ctx, place_actors, doc, tok, end) | _origin_examples(
        named, ctx, place_actors, doc, tok, end
    )


def _place_rows(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str],
    doc: np.ndarray, tok: np.ndarray, end: np.ndarray, before: np.ndarray,
    ends: frozenset[str] | None,
) -> np.ndarray:  # fmt: skip
    """Rows of mentions of ``place_actors`` with a word of the code table ``before`` right
    before them and a word of ``ends`` right after them (any word for None): the candidates
    of a list rule."""
    i = np.flatnonzero(in_table(codes_at(ctx, doc, tok - 1), before))
    if not len(i):
        return i
    i = i[named["actor_id"].iloc[i].isin(list(place_actors)).to_numpy(bool)]
    if ends is None:
        return i
    return i[in_table(codes_at(ctx, doc[i], end[i]), code_table(ctx, ends))]


def _destinations(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str],
    doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
) -> np.ndarray:  # fmt: skip
    out = np.zeros(len(named), bool)
    lst = code_table(ctx, _LIST)
    i = _place_rows(named, ctx, place_actors, doc, tok, end, lst, None)
    if not len(i):
        return out
    d, t = doc[i], tok[i]
    ends = in_table(codes_at(ctx, d, end[i]), code_table(ctx, _ENDS))
    # back over the run of capitalised words and list words to the word before its head
    at = np.zeros(len(i), np.int64)
    live = np.ones(len(i), bool)
    locative = code_table(ctx, LOCATIVE_PREPS)
    for k in range(2, _RUN + 1):
        c = codes_at(ctx, d, t - k)
        # a preposition stops the run also when it opens the sentence ("In Hong Kong, …")
        go = live & (c >= 0) & (in_table(c, lst) | ctx.capitalised(d, t - k))
        go &= ~in_table(c, locative)
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
    # a place preposition before a list whose head is untabled, not right after a name
    # ("Vo Van Thuong in Hanoi, Vietnam and …" stays for the other rules); a list that is
    # not closed by a word of _ENDS only when its head is a country's name ("operations in
    # Myanmar, Cambodia and Laos have lured"; not "held in Da Nang, Vietnam and China agreed",
    # a city and its country, then the list that acts)
    loc = np.flatnonzero(head_cap & in_table(prep, locative))
    if len(loc):
        width = 2**21
        # the head is no tabled actor at all ("counterparts in ASEAN and China" is judged as
        # a list of actors), and not "from across …", where people come from a region
        keys = np.sort(doc * width + tok)
        dl, hl = d[loc], t[loc] - at[loc] + 1
        untabled = ~in_sorted(dl * width + hl, keys)
        after_name = ctx.capitalised(dl, hl - 2) & ~ctx.sentence_start(dl, hl - 1)
        from_ = in_table(codes_at(ctx, dl, hl - 2), code_table(ctx, {"from"}))
        country = ctx.norm_in(dl, hl, frozenset(DEMONYMS.values())) & ~ctx.capitalised(dl, hl + 1)
        out[i[loc]] = untabled & ~after_name & ~from_ & (ends[loc] | country)
    leave = np.zeros(len(i), bool)
    fr = np.flatnonzero(head_cap & in_table(prep, code_table(ctx, {"for"})))
    if len(fr):  # a verb of leaving earlier in the clause, looked for on these rows only
        open_ = np.ones(len(fr), bool)
        verbs, stops = code_table(ctx, LEAVE_VERBS), code_table(ctx, _STOPS)
        for k in range(1, _CLAUSE + 1):
            c = codes_at(ctx, d[fr], t[fr] - at[fr] - k)
            open_ &= (c >= 0) & ~in_table(c, stops)
            leave[fr] |= open_ & in_table(c, verbs)
    out[i] |= head_cap & (to | leave) & ends
    return out


def _origin_examples(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str],
    doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """The countries given as examples of where people come from: "Workers come from at
    least 40 countries, including China, Vietnam and Brazil" (held-out set 20): a place after
    "including" / "such as" / "like" or later in that list, the noun before it one of
    :data:`SET_NOUNS` after "from" and a verb of :data:`COME_FROM_VERBS`."""
    out = np.zeros(len(named), bool)
    intro = code_table(ctx, _EXAMPLE_INTROS)
    lst = code_table(ctx, _LIST)
    i = _place_rows(named, ctx, place_actors, doc, tok, end, lst | intro, _ENDS | _LIST)
    # not "…, including Norway and Qatar, which pledged funds": the list acts
    i = i[~in_table(codes_at(ctx, doc[i], end[i] + 1), code_table(ctx, {"which", "who"}))]
    if not len(i):
        return out
    d, t = doc[i], tok[i]
    # back over the list to the word that introduces it
    at = np.zeros(len(i), np.int64)
    live = np.ones(len(i), bool)
    for k in range(1, _EXAMPLES + 1):
        c = codes_at(ctx, d, t - k)
        hit = live & in_table(c, intro)
        at[hit] = k
        live &= ~hit & (c >= 0) & (in_table(c, lst) | ctx.capitalised(d, t - k))
    j = np.flatnonzero(at > 0)
    if not len(j):
        return out
    d, t, at = d[j], t[j], at[j]
    # "such as": one word more; then "…, " and the set noun within a few words, then "from"
    # right after a verb of origin
    p = t - at - np.where(in_table(codes_at(ctx, d, t - at), code_table(ctx, {"as"})), 1, 0)
    nouns, frm = code_table(ctx, SET_NOUNS), code_table(ctx, {"from"})
    verbs = code_table(ctx, COME_FROM_VERBS)
    seen_noun = np.zeros(len(j), bool)
    ok = np.zeros(len(j), bool)
    open_ = np.ones(len(j), bool)
    for k in range(1, 8):
        c = codes_at(ctx, d, p - k)
        seen_noun |= open_ & in_table(c, nouns)
        ok |= open_ & seen_noun & in_table(c, frm) & in_table(codes_at(ctx, d, p - k - 1), verbs)
        open_ &= (c >= 0) & ~in_table(c, code_table(ctx, _STOPS))
    out[i[j[ok]]] = True
    return out
