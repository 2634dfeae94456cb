"""Where a tabled spelling does not name its actor, or names one of several (issue 12).

* :func:`web_address_mask`: a tabled spelling that is part of a web address written in the
  text ("XI'AN, June 16 (China.org.cn) --", "according to Optus.com.au"): the outlet's or the
  site's name, not the actor.
* :func:`owned_brand_mask`: an organisation's name after "its"/"their" and before another
  capitalised word is the name of one of its brands or products ("members of its Optus
  Perks loyalty scheme"), not the organisation.
* :func:`defined_sense`: a spelling shared by several actors ("SPP" for China's and Việt
  Nam's procuratorates) that the text defines once in brackets right after one actor's full
  name ("the Supreme People's Procuratorate (SPP) said") keeps that sense in the whole
  document, although another candidate's country is named nearer to a later occurrence
  ("… prosecutors from Myanmar, Cambodia and Vietnam, …, the SPP said"); a candidate's
  context right before it ("Vietnam's SPP") still decides.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.alias_sense import shared_spellings
from analysis.token_context import TokenContext, covered_keys, in_sorted

__all__ = [
    "ADJACENT_CHARS",
    "OWNER_DETERMINERS",
    "TOP_LEVEL_DOMAINS",
    "defined_sense",
    "owned_brand_mask",
    "web_address_mask",
]

#: Possessive determiners before an organisation's name that open one of its own brands:
#: "its Optus Perks loyalty scheme".
OWNER_DETERMINERS: frozenset[str] = frozenset({"its", "their"})

#: Generic top-level domains; any two-letter lower-case label (a country code) also counts.
TOP_LEVEL_DOMAINS: frozenset[str] = frozenset(
    {"com", "org", "net", "gov", "edu", "info", "biz", "news", "int", "mil", "online", "asia"}
)

# two-letter words that also are country codes: "ask the Congress.to join" is a missing space
_TWO_LETTER_WORDS = frozenset({
    "to", "in", "on", "at", "of", "is", "it", "as", "be", "by", "we", "he", "me", "my", "no",
    "so", "do", "go", "or", "an", "am", "us", "up", "if",
})  # fmt: skip

#: A shared spelling whose own context starts this close before it ("Vietnam's SPP", "the
#: Chinese SPP") keeps its own resolution against a definition elsewhere in the document.
ADJACENT_CHARS: int = 16


def web_address_mask(named: pd.DataFrame, ctx: TokenContext, tokens: pd.DataFrame) -> np.ndarray:
    """True for mentions followed, with no space, by "." and a domain label ("China.org.cn",
    "Optus.com.au"; a two-letter label that is an English word is a missing space instead:
    "ask the Congress.to join"). ``named`` needs ``doc_id``, ``tok``, ``n_tok`` and ``end``;
    ``tokens`` is the tokens table ``ctx`` was built on."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    end = (named["tok"].to_numpy() + named["n_tok"].to_numpy()).astype(np.int64)
    dot = ctx.norm_in(doc, end, ".")
    if not dot.any():
        return out
    i = np.flatnonzero(dot)
    # the label first (a sentence's end is far more common than an address): few rows remain
    # each distinct label once
    codes = ctx.codes(doc[i], end[i] + 1)
    uniq, inv = np.unique(codes, return_inverse=True)
    words = ctx.norm(doc[i], end[i] + 1)
    first = np.zeros(len(uniq), np.int64)
    first[inv[::-1]] = np.arange(len(inv))[::-1]
    ok_u = np.array(
        [
            w in TOP_LEVEL_DOMAINS or (len(w) == 2 and w.isalpha() and w not in _TWO_LETTER_WORDS)
            for w in words[first].astype(str)
        ],
        bool,
    )
    maybe = ok_u[inv] & (codes >= 0)
    i = i[maybe]
    if not len(i):
        return out
    r_dot = ctx.rows(doc[i], end[i])
    r_lab = ctx.rows(doc[i], end[i] + 1)
    starts = tokens["start"].iloc[np.concatenate([r_dot, r_lab])].to_numpy()
    ends = tokens["end"].iloc[r_dot].to_numpy()
    s_dot, s_lab = starts[: len(i)], starts[len(i) :]
    glued = (s_dot == named["end"].to_numpy()[i]) & (s_lab == ends)
    i, r_lab = i[glued], r_lab[glued]
    if not len(i):
        return out
    words = tokens["token"].iloc[r_lab].astype(str).to_numpy(object)
    is_domain = np.array([w.islower() for w in words], bool)
    out[i[is_domain]] = True
    return out


def defined_sense(
    extra: pd.DataFrame,
    candidates: dict[str, list[tuple[str, str, str]]],
    named: pd.DataFrame,
    tokens: pd.DataFrame,
    aff_of: dict[str, str] | None = None,
    ctx: TokenContext | None = None,
) -> pd.DataFrame:
    """``extra`` (licensed stage-2 matches with ``actor_id``, ``via``, ``context_id`` and
    ``distance``) with each shared alias resolved as the actor whose name stands right before
    the alias in brackets somewhere in the same document ("Full Name (ABBR)"), when exactly
    one candidate is so defined there and the occurrence's own context is not adjacent
    (:data:`ADJACENT_CHARS`) and is not the actor itself or one of its people (``aff_of``:
    person -> affiliation): "Deputy Procurator-General Sun Meiling, said the SPP" stays
    hers. ``ctx``: the token context of ``tokens`` if the caller has one. ``named``: the stage-1 matches (``doc_id``, ``tok``, ``n_tok``,
    ``actor_id``)."""
    if extra.empty or named.empty:
        return extra
    shared = set(shared_spellings(candidates))
    cand = (extra["via"] == "alias").to_numpy(bool) & extra["key"].isin(list(shared)).to_numpy()
    if cand.sum() < 2:
        return extra
    rows = np.flatnonzero(cand)
    doc = extra["doc_id"].array.codes[rows].astype(np.int64)
    tok = extra["tok"].to_numpy().astype(np.int64)[rows]
    n_tok = extra["n_tok"].to_numpy().astype(np.int64)[rows]
    # cheap first: a named mention ending one or two characters before the alias ("Name (")
    n_key = np.sort(
        named["doc_id"].cat.codes.to_numpy().astype(np.int64) * (1 << 40)
        + named["end"].to_numpy().astype(np.int64)
    )
    q = doc * (1 << 40) + extra["start"].to_numpy().astype(np.int64)[rows]
    near = np.zeros(len(rows), bool)
    for gap in (1, 2):
        at = np.clip(np.searchsorted(n_key, q - gap), 0, max(len(n_key) - 1, 0))
        near |= n_key[at] == q - gap
    if not near.any():
        return extra
    ctx = ctx if ctx is not None else TokenContext(tokens)
    bracketed = ctx.norm_in(doc, tok - 1, "(") & ctx.norm_in(doc, tok + n_tok, ")")
    if not bracketed.any():
        return extra
    # the named mention that ends right before "(": looked up by (doc, end token) for the
    # bracketed rows only (a dict over every mention of a large corpus cost more than the rule)
    n_key = named["doc_id"].cat.codes.to_numpy().astype(np.int64) * (1 << 40) + (
        named["tok"].to_numpy() + named["n_tok"].to_numpy()
    ).astype(np.int64)
    order = np.argsort(n_key, kind="stable")
    n_sorted = n_key[order]
    keys = extra["key"].to_numpy(object)[rows]
    defined: dict[tuple[int, str], set[str]] = {}
    js = np.flatnonzero(bracketed)
    want = doc[js] * (1 << 40) + tok[js] - 1
    # the last mention with that end, as the dict it replaces kept
    at = np.searchsorted(n_sorted, want, side="right") - 1
    hit = (at >= 0) & (n_sorted[np.clip(at, 0, None)] == want)
    named_actor = named["actor_id"].to_numpy(object)
    for j, k in zip(js[hit].tolist(), order[at[hit]].tolist(), strict=True):
        a = str(named_actor[k])
        if any(a == c for c, _, _ in candidates[keys[j]]):
            defined.setdefault((int(doc[j]), keys[j]), set()).add(a)
    if not defined:
        return extra
    actor = extra["actor_id"].to_numpy(object)[rows]
    dist = extra["distance"].to_numpy()[rows]
    own = np.array(
        [
            c == a or (aff_of or {}).get(c) == a
            for c, a in zip(extra["context_id"].to_numpy(object)[rows], actor, strict=True)
        ],
        bool,
    )
    new = np.array(
        [
            next(iter(s)) if (s := defined.get((int(d), k))) and len(s) == 1 else None
            for d, k in zip(doc.tolist(), keys, strict=True)
        ],
        dtype=object,
    )
    change = (new != None) & (new != actor) & (dist > ADJACENT_CHARS) & ~own  # noqa: E711
    if not change.any():
        return extra
    out = extra.copy()
    at = rows[change]
    out.iloc[at, out.columns.get_loc("actor_id")] = new[change]
    out.iloc[at, out.columns.get_loc("context_id")] = new[change]
    return out


def owned_brand_mask(
    named: pd.DataFrame, ctx: TokenContext, organisations: frozenset[str] | set[str]
) -> np.ndarray:
    """True for mentions of ``organisations`` right after a word of :data:`OWNER_DETERMINERS`
    and right before one capitalised word that no mention covers, then a lower-case word ("its
    Optus Perks loyalty scheme"; not "its WHO Regional Office")."""
    out = np.zeros(len(named), bool)
    if named.empty or not organisations:
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    owner = ctx.norm_in(doc, tok - 1, OWNER_DETERMINERS)
    if not owner.any():
        return out
    i = np.flatnonzero(owner)
    i = i[named["actor_id"].iloc[i].isin(list(organisations)).to_numpy()]
    if not len(i):
        return out
    end = tok[i] + named["n_tok"].to_numpy().astype(np.int64)[i]
    width = int(ctx.tok.max(initial=0)) + 8
    free = ~in_sorted(doc[i] * width + end, covered_keys(named, width))
    # a body's own name goes on capitalised ("its WHO Regional Office"): kept
    out[i] = ctx.capitalised(doc[i], end) & ~ctx.capitalised(doc[i], end + 1) & free
    return out
