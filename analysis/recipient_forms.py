"""Recipients of returned money (issue 12, wave 9: held-out set 13), used by
:func:`analysis.actors.find_mentions` against the place rules.

A country that money or assets are returned to is a party that receives them, not a place:
"the return of S$8.6 million in criminal proceeds to the People's Republic of China",
"RETURN OF STOLEN ASSETS TO NIGERIA", "repatriated US$12 million to Peru" (as "returning
stolen assets to Nigeria" and set 6's "a loan for Ghana"). :func:`recipient_mask` marks such a
mention: "to [the] X" with, before it in the same clause, a noun of money or assets
(:data:`MONEY_NOUNS`) and before that a verb or noun of returning (:data:`RETURN_WORDS`).
People handed over "to X" stay places ("returned 38 fugitives to China").

The bare noun of the practice, "extradition to China was mostly about corrupt officials"
(without an article or an owner: not "their extradition to China"), names the requesting state
as a party too.

Every test looks at the words around the candidate mentions only, as integer codes of the
tokens table's ``norm`` column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.token_context import TokenContext

__all__ = ["MONEY_NOUNS", "RETURN_WORDS", "PRACTICE_NOUNS", "recipient_mask"]

#: Nouns of money or assets: the thing returned.
MONEY_NOUNS: frozenset[str] = frozenset({
    "proceeds", "assets", "funds", "money", "monies", "cash", "million", "billion", "$",
    "dollars", "property", "properties", "artefacts", "artifacts", "antiquities",
})  # fmt: skip
#: Verbs and nouns of returning something to its owner.
RETURN_WORDS: frozenset[str] = frozenset({
    "return", "returns", "returned", "returning", "repatriate", "repatriates", "repatriated",
    "repatriating", "repatriation", "restitution", "restore", "restored", "restores",
})  # fmt: skip
#: Nouns of a practice between states whose bare "<noun> to X" names the state a party.
PRACTICE_NOUNS: frozenset[str] = frozenset({"extradition", "extraditions"})
# words before such a noun that make it one case (people sent to a place)
_ONE_CASE = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "whose", "this", "that", "these", "those",
    "of", "for", "after", "before", "await", "awaiting", "pending", "faces", "facing", "fight",
    "fighting", "against", "resist", "resisted", "approved", "approve", "ordered", "order",
})  # fmt: skip
# words that end the clause the look-back runs in
_STOPS = frozenset({".", "!", "?", ";", ":", "to", "and", "who", "which", "that"})
_LOOK_BACK = 14


def recipient_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for the mentions of ``place_actors`` that money is returned to (the module
    docstring's form; ``named`` sorted by document and start)."""
    out = np.zeros(len(named), bool)
    if named.empty or not place_actors:
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    to, the = ctx.word_table("to"), ctx.word_table("the")
    b0 = ctx.codes(doc, tok - 1)
    at = np.where(the[b0], tok - 2, tok - 1)  # the "to"
    i = np.flatnonzero(to[ctx.codes(doc, at)])
    if not len(i):
        return out
    i = i[named["actor_id"].iloc[i].isin(list(place_actors)).to_numpy(bool)]
    money, back, stops = (
        ctx.word_table(MONEY_NOUNS),
        ctx.word_table(RETURN_WORDS),
        ctx.word_table(_STOPS),
    )
    d, t = doc[i], at[i]
    # "extradition to China was …": the bare noun right before "to", a sentence's subject
    c1 = ctx.codes(d, t - 1)
    bare = ctx.word_table(PRACTICE_NOUNS)[c1] & ~ctx.word_table(_ONE_CASE)[ctx.codes(d, t - 2)]
    bare &= ~ctx.capitalised(d, t - 2) | ctx.sentence_start(d, t - 1)
    out[i[bare]] = True
    seen = np.zeros(len(i), bool)
    open_ = np.ones(len(i), bool)
    for k in range(1, _LOOK_BACK):
        if not open_.any():
            break
        c = ctx.codes(d, t - k)
        hit = open_ & seen & back[c]
        out[i[hit]] = True
        seen |= money[c]
        open_ &= ~hit & ~stops[c] & (c >= 0)
    return out
