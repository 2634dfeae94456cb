"""A country as the area something hit: "Malawi has been worst hit" (issue 12, held-out set 14).

An outbreak, a storm or a crisis that hits a country locates it: set 13 codes the areas a storm
hits as places, set 14 the countries where a cholera outbreak is ("Malawi has been worst hit,
with 1,210 deaths"), while a country that reports, declares or confirms cases acts.
:func:`affected_place_mask` finds the country as the subject of a passive "hit" or "affected"
with a degree word before the participle (:data:`DEGREE_WORDS`: "worst", "hardest", "badly",
"most" …), the form news uses for areas of a disaster: "<X> (has|have|had|is|was …) (been)?
[the] <degree> (hit|affected)". Without a degree word ("Russia was hit by sanctions") the
country stays a mention.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.place_forms import place_rows
from analysis.token_context import TokenContext

__all__ = ["DEGREE_WORDS", "HIT_PARTICIPLES", "affected_place_mask"]

#: Degree words before the participle: "worst hit", "hardest hit", "badly affected".
DEGREE_WORDS: frozenset[str] = frozenset({
    "worst", "hardest", "badly", "severely", "heavily", "seriously", "most", "worse",
    "harder", "hard", "worst-hit", "hardest-hit",
})  # fmt: skip
#: Participles of being hit.
HIT_PARTICIPLES: frozenset[str] = frozenset({"hit", "affected", "struck", "impacted"})
_AUX = frozenset({"has", "have", "had", "is", "are", "was", "were", "been", "be", "being"})


def affected_place_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for mentions of ``place_actors`` (not possessive) followed by one to three
    auxiliaries ("has been", "was"), an optional "the", a word of :data:`DEGREE_WORDS` and a
    word of :data:`HIT_PARTICIPLES`."""
    out = np.zeros(len(named), bool)
    rows = place_rows(named, place_actors)
    if rows is None:
        return out
    sel, doc, _, end = rows
    aux = ctx.word_table(_AUX)
    first = aux[ctx.codes(doc, end)]  # prefilter: an auxiliary right after the name
    if not first.any():
        return out
    i = np.flatnonzero(first)
    d, e = doc[i], end[i] + 1
    e = np.where(aux[ctx.codes(d, e)], e + 1, e)  # "has been"
    e = np.where(ctx.norm_in(d, e, "the"), e + 1, e)  # "was the worst hit"
    hit = ctx.norm_in(d, e, DEGREE_WORDS) & ctx.norm_in(d, e + 1, HIT_PARTICIPLES)
    out[sel[i[hit]]] = True
    return out
