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

from analysis.holder_forms import APPOSED_POSTS, SERVICE_POSTS, word_parts
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
    is_person = named["actor_id"].isin(persons).to_numpy()
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    # a chain starts right after "TITLE of" or "TITLE of the" (codes first: most mentions
    # follow neither)
    of1, the1 = ctx.norm_in(doc, tok - 1, "of"), ctx.norm_in(doc, tok - 1, "the")
    starts = np.flatnonzero(~is_person & (of1 | (the1 & ctx.norm_in(doc, tok - 2, "of"))))
    if not len(starts):
        return out
    after_of_the = ~of1[starts]
    head_at = np.zeros(len(named), np.int64)
    head_at[starts] = np.where(after_of_the, tok[starts] - 3, tok[starts] - 2)
    head = np.empty(len(named), object)
    head[starts] = ctx.norm(doc[starts], head_at[starts])
    heads = np.fromiter((_is_head(str(w)) for w in head[starts]), bool, len(starts))
    # the title's own word, not the last word of a body's name ("… Prosecutor of Laos")
    width = int(ctx.tok.max(initial=0)) + 8
    bodies = covered_keys(named.loc[~is_person], width)  # a person's role may hold the title
    inside = in_sorted(doc[starts] * width + head_at[starts], bodies)
    direct = heads & ctx.capitalised(doc[starts], head_at[starts]) & ~inside
    # or a unit's name between the title and "of X": "Head of the Legal Information Centre of
    # the Kejaksaan Agung, Ketut Arsana" (held-out set 24); a comma ends the walk ("Minister
    # of Trade, Industry and Energy of the Republic of Korea Park Ji-hoon" keeps its country)
    # (only where the word before "of" is capitalised and no title word: a few candidates)
    walk = np.flatnonzero(~direct & ~inside & ctx.capitalised(doc[starts], head_at[starts]))
    if len(walk):
        d, at = doc[starts[walk]], head_at[starts[walk]]
        direct[walk] = _unit_then_head(ctx, d, at, covered_keys(named, width), width)
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
            if gap[:1] == ["("] and ")" in gap[2:5]:
                # the body's abbreviation in brackets: "Chief Procurator of the Supreme
                # People's Procuracy (SPP) Trịnh Quang Vĩnh" (held-out set 26)
                gap = gap[gap.index(")") + 1 :]
            if is_person[j + 1]:
                lead = gap[1:] if gap[:1] == [","] else gap
                # "Mr." splits into "Mr" and "."; a full stop after anything else ends a sentence
                dots = [k for k, w in enumerate(lead) if w == "."]
                if (
                    len(lead) <= _MAX_PREFIX
                    and all(w in NAME_PREFIXES for w in lead if w != ".")
                    # (also a rank's stop: "Pol. Gen. Anek Sriwongsa", held-out set 29)
                    and all(k > 0 and lead[k - 1] in NAME_PREFIXES for k in dots)
                ):
                    out[chain] = True
                break
            if gap in (["of"], ["of", "the"], [","]):
                chain.append(j + 1)
                j += 1
                continue
            break
    return out


def _unit_then_head(
    ctx: TokenContext, d: np.ndarray, at: np.ndarray, named_keys: np.ndarray, width: int
) -> np.ndarray:
    """For each (document, token ``at``): capitalised words (and "of", "the", "and") from
    ``at`` back to a capitalised title word at most :data:`_MAX_UNIT` tokens before, outside
    every mention (``named_keys``: their sorted document * ``width`` + token keys): the unit's
    name inside a title. ``at`` itself is capitalised."""
    steps = np.arange(_MAX_UNIT + 1)
    dd = np.repeat(d, len(steps)).reshape(len(d), -1)
    tt = at[:, None] - steps[None, :]
    words = ctx.norm(dd.ravel(), tt.ravel()).reshape(tt.shape)
    caps = ctx.capitalised(dd.ravel(), tt.ravel()).reshape(tt.shape)
    named = in_sorted((dd * width + tt).ravel(), named_keys).reshape(tt.shape)
    head = caps & np.vectorize(_is_head, otypes=[bool])(words.astype(str))
    joiner = np.isin(words, ["of", "the", "and", "&"])
    out = np.zeros(len(d), bool)
    for r in range(len(d)):
        if head[r, 0] or named[r].any():
            continue
        for k in range(1, len(steps)):
            if head[r, k]:
                out[r] = True
                break
            if not (caps[r, k] or joiner[r, k]):
                break
    return out


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
    # "ORG [words] POST NAME" with a post in lower case the table does not list: "Supreme
    # People's Procuratorate spokesperson Feng Yiran said", "AGO spokesman Bambang Hermawan",
    # "Bukit Aman commercial crime chief Datuk Faizal" (wave 28: the references of sets 18-160
    # code the whole title with the person, 4 times of 4)
    gap = t1 - e
    posted = np.zeros(len(cand), bool)
    for r in np.flatnonzero((gap >= 1) & (gap <= _POST_GAP)).tolist():
        span = np.arange(e[r], t1[r])
        dd = np.full(len(span), d[r])
        words = [str(w) for w in ctx.norm(dd, span)]
        posted[r] = (
            all(w.replace("-", "").isalpha() for w in words)
            and not ctx.capitalised(dd, span).any()
            and not _POSTS.isdisjoint(word_parts(words))
        )
    out[cand] |= posted
    return out


# lower-case words of a post between an organisation and its person's name
_POST_GAP = 3
_POSTS = APPOSED_POSTS | SERVICE_POSTS
