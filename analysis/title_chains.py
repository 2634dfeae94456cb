"""An organisation or country named inside the title that stands before a person's name (issue 12).

"Deputy Procurator-General of the Supreme People's Procuratorate of the People's Republic of
China Mr Xue Hongbin", "Prosecutor General of the Lao PDR, Mr Bounmy Keovilay", "Attorney
General of Brunei Darussalam, Dato Seri Paduka Haji Roslee": the coders of every held-out set
code the whole title with the name as one mention of the person, so the body and the country
in the title are not mentions of their own. In an apposition after the name ("Mr Xue, Deputy
Procurator-General of the Supreme People's Procuratorate, said") they are, and a title that
does not end in a title word before "of" ("Minister of Trade, Industry and Energy of the
Republic of Korea Park Ji-hoon", held-out set 4) keeps its country.

Hand-written: no tagger available offline marks where a title ends and a name begins.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.mention_rules import HONORIFICS
from analysis.phrase_forms import TITLE_WORDS
from analysis.token_context import TokenContext, covered_keys, in_sorted

__all__ = ["TITLE_HEADS", "NAME_PREFIXES", "title_chain_mask", "title_org_mask"]

#: Capitalised words that end a title before "of": "Attorney General of", "Procurator-General
#: of", "Ambassador of" (with :data:`analysis.phrase_forms.TITLE_WORDS` and any word ending
#: in "-general").
TITLE_HEADS: frozenset[str] = TITLE_WORDS | frozenset({
    "prosecutor", "procurator", "head", "envoy", "consul", "attaché", "attache",
})  # fmt: skip
#: What may stand between the title and the name besides a comma: honorifics and styles of
#: the region ("H.E.", "Dato Seri Paduka", "Pol Gen", "Samdech").
NAME_PREFIXES: frozenset[str] = HONORIFICS | TITLE_WORDS | frozenset({
    "h.e.", "h.e", "his", "her", "seri", "paduka", "dayang", "hajah", "pengiran", "awang",
    "samdech", "puan", "encik", "datin", "toh", "dr", "'", "’",
})  # fmt: skip
_MAX_PREFIX = 8  # tokens of honorifics between a title and the name
_MAX_UNIT = 6  # tokens of a unit's name between a title word and "of X"


def _is_head(word: str) -> bool:
    return word in TITLE_HEADS or word.endswith("-general")


def title_chain_mask(named: pd.DataFrame, ctx: TokenContext, persons: set[str]) -> np.ndarray:
    """True for a non-person mention inside a capitalised title before a tabled person's name:
    ``TITLE of (the) X (of (the) Y …) (,) (honorifics) PERSON`` marks X, Y, … (``named``
    sorted by document and start; ``persons``: the person actor ids)."""
    out = np.zeros(len(named), bool)
    if len(named) < 2 or not persons:
        return out
    actor = named["actor_id"].to_numpy(object)
    is_person = np.fromiter((a in persons for a in actor), bool, len(actor))
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    # a chain starts right after "TITLE of" or "TITLE of the"
    p1, p2, p3 = ctx.norm(doc, tok - 1), ctx.norm(doc, tok - 2), ctx.norm(doc, tok - 3)
    after_of = (p1 == "of") & (tok >= 2)
    after_of_the = (p1 == "the") & (p2 == "of") & (tok >= 3)
    head_at = np.where(after_of_the, tok - 3, tok - 2)
    head = np.where(after_of_the, p3, p2)
    starts = np.flatnonzero(~is_person & (after_of | after_of_the))
    if not len(starts):
        return out
    heads = np.fromiter((_is_head(str(w)) for w in head[starts]), bool, len(starts))
    # the title's own word, not the last word of a body's name ("… Prosecutor of Laos")
    width = int(ctx.tok.max(initial=0)) + 8
    bodies = covered_keys(named.loc[~is_person], width)  # a person's role may hold the title
    inside = in_sorted(doc[starts] * width + head_at[starts], bodies)
    direct = heads & ctx.capitalised(doc[starts], head_at[starts]) & ~inside
    # or a unit's name between the title and "of X": "Head of the Legal Information Centre of
    # the Kejaksaan Agung, Ketut Arsana" (held-out set 24); a comma ends the walk ("Minister
    # of Trade, Industry and Energy of the Republic of Korea Park Ji-hoon" keeps its country)
    named_tokens = covered_keys(named, width)  # the walk stays out of every mention
    for k in np.flatnonzero(~direct & ~inside).tolist():
        d, at = int(doc[starts[k]]), int(head_at[starts[k]])
        span = d * width + np.arange(at - _MAX_UNIT, at + 1)
        if not in_sorted(span, named_tokens).any():
            direct[k] = _unit_then_head(ctx, d, at)
    starts = starts[direct]
    sent = named["sent"].to_numpy()
    for i in starts.tolist():
        chain = [i]
        j = i
        while j + 1 < len(named) and doc[j + 1] == doc[i] and sent[j + 1] == sent[i]:
            if not 0 <= tok[j + 1] - end[j] <= _MAX_PREFIX + 1:
                break
            gap = [str(w) for w in ctx.norm(np.full(tok[j + 1] - end[j], doc[i]),
                                            np.arange(end[j], tok[j + 1]))]  # fmt: skip
            if is_person[j + 1]:
                lead = gap[1:] if gap[:1] == [","] else gap
                # "Mr." splits into "Mr" and "."; a full stop after anything else ends a sentence
                dots = [k for k, w in enumerate(lead) if w == "."]
                if (
                    len(lead) <= _MAX_PREFIX
                    and all(w in NAME_PREFIXES for w in lead if w != ".")
                    and all(k > 0 and lead[k - 1] in HONORIFICS for k in dots)
                ):
                    out[chain] = True
                break
            if gap in (["of"], ["of", "the"], [","]):
                chain.append(j + 1)
                j += 1
                continue
            break
    return out


def _unit_then_head(ctx: TokenContext, d: int, at: int) -> bool:
    """Capitalised words (and "of", "the", "and") from ``at`` back to a capitalised title word
    at most :data:`_MAX_UNIT` tokens before: the unit's name inside a title."""
    words = ctx.norm(np.full(_MAX_UNIT + 1, d), np.arange(at, at - _MAX_UNIT - 1, -1))
    caps = ctx.capitalised(np.full(_MAX_UNIT + 1, d), np.arange(at, at - _MAX_UNIT - 1, -1))
    if not caps[0] or _is_head(str(words[0])):
        return False
    for w, cap in zip(words[1:], caps[1:], strict=True):
        if cap and _is_head(str(w)):
            return True
        if not (cap or w in ("of", "the", "and", "&")):
            return False
    return False


def title_org_mask(named: pd.DataFrame, ctx: TokenContext, aff_of: dict[str, str]) -> np.ndarray:
    """True for an organisation named inside the title before one of its people's name, "… of
    (the) ORG [Mr] NAME" ("Prosecutor General of the Office of the Supreme People's Prosecutor
    Mr Khamsouk Vongsa", held-out set 7): one reference, to the person (``aff_of``: person ->
    affiliation, organisations only: set 4 coded "Minister … of the Republic of Korea Park
    Ji-hoon" as two mentions; ``named`` sorted by document and start)."""
    out = np.zeros(len(named), bool)
    if len(named) < 2 or not aff_of:
        return out
    actor = named["actor_id"].to_numpy(object)
    nxt = pd.Series(actor[1:], dtype=object).map(aff_of).to_numpy(object)
    codes = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    cand = np.flatnonzero((nxt == actor[:-1]) & (codes[1:] == codes[:-1]))
    if not len(cand):
        return out
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    d, t, e, t1 = codes[cand], tok[cand], end[cand], tok[cand + 1]
    gap_ok = (t1 == e) | ((t1 == e + 1) & np.isin(ctx.norm(d, e), list(HONORIFICS)))
    p1, p2 = ctx.norm(d, t - 1), ctx.norm(d, t - 2)
    out[cand] = gap_ok & ((p1 == "of") | ((p1 == "the") & (p2 == "of")))
    return out
