"""Mention rules that look at the words around a match: places, abbreviations, compounds.

:func:`analysis.actors.find_mentions` applies them after matching (see its docstring for the
rules and options): :func:`place_mask` drops countries that only locate something ("held in
Jakarta, Indonesia"), :func:`drop_repeated_abbreviations` counts "Name (ABBR)" once, and
:func:`compound_mentions` finds the actors inside hyphenated compounds ("ASEAN-China").
:class:`TokenContext` indexes the tokens table by (document, position) for these look-ups, in
O(documents) for a table as :func:`analysis.text.tokenize` makes it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.text import fold

__all__ = [
    "PLACE_VERBS",
    "LOCATION_NOUNS",
    "PLACE_NOUNS_AFTER",
    "TokenContext",
    "in_sorted",
    "covered_keys",
    "compound_mentions",
    "drop_repeated_abbreviations",
    "place_mask",
]

#: Place rules (see :func:`analysis.actors.find_mentions`): verbs and participles after which "in X" locates
#: something ("held in Jakarta", "based in Cambodia").
PLACE_VERBS: frozenset[str] = frozenset({
    "held", "hosted", "based", "located", "headquartered", "convened", "staged", "opened",
    "arrived", "stationed", "trafficked", "lured", "detained", "arrested", "stranded",
    "operating", "operate", "operates", "operated", "hiding", "hidden", "born", "living",
    "lives", "live", "place", "took", "stuck", "rescued", "working", "work", "works",
    "returned", "repatriated", "deported", "extradited", "sent", "fled", "smuggled",
    "travelled", "traveled", "flown", "escaped",
})  # fmt: skip
#: Nouns after which "in X" locates something ("scam centres in Cambodia").
LOCATION_NOUNS: frozenset[str] = frozenset({
    "centre", "centres", "center", "centers", "compound", "compounds", "camp", "camps", "hub",
    "hubs", "facility", "facilities", "factory", "factories", "casino", "casinos", "zone",
    "zones", "city", "cities", "town", "towns", "village", "villages", "area", "areas",
    "region", "regions", "province", "provinces", "border", "office", "offices", "embassy",
    "embassies", "site", "sites", "building", "buildings", "complex", "complexes", "base",
    "bases", "port", "ports", "airport", "hotel", "hotels", "venue", "headquarters",
    "operations", "syndicates", "gangs", "networks", "victims", "workers", "nationals",
    "citizens", "residents", "conference", "meeting", "summit", "talks", "event", "forum",
    "exhibition", "expo", "workshop", "operation", "raid", "raids", "crackdown", "arrests",
    "companies", "firms", "plants", "farms", "schools", "universities", "ceremony",
})  # fmt: skip
#: Nouns after "X's [Name]": "China's Guangdong province", "Vietnam's capital".
PLACE_NOUNS_AFTER: frozenset[str] = frozenset({
    "province", "region", "city", "state", "county", "district", "capital", "island",
    "islands", "prefecture", "municipality", "border", "coast", "town", "village", "area",
    "autonomous", "territory", "borders", "provinces", "regions", "cities", "port",
})  # fmt: skip
_PLACE_PREPS = frozenset({"in", "at", "from", "to", "near", "across", "inside", "throughout"})
# "in northern Myanmar": a compass word between a place preposition and a country
_COMPASS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "rural", "coastal",
})  # fmt: skip
_CITY_PREPS = frozenset({"in", "at", "from", "to", "near"})
_HYPHENS = re.compile(r"[-\u2010\u2011]")


class TokenContext:
    """The tokens table indexed by (document, token position), for looking at the words
    around a mention. Built in O(documents) for a tokens table as :func:`tokenize` makes it
    (documents in order, positions 0, 1, 2, … without gaps); any other table is indexed by a
    sorted key."""

    def __init__(self, tokens: pd.DataFrame) -> None:
        codes = tokens["doc_id"].cat.codes.to_numpy()
        self.tok = tokens["tok"].to_numpy()
        n_docs = len(tokens["doc_id"].cat.categories)
        self.bounds = None
        if len(codes) and np.all(codes[1:] >= codes[:-1]):
            bounds = np.searchsorted(codes, np.arange(n_docs + 1))
            sizes = np.diff(bounds)
            first = bounds[:-1][sizes > 0]
            last = bounds[1:][sizes > 0] - 1
            if np.all(self.tok[first] == 0) and np.all(self.tok[last] == sizes[sizes > 0] - 1):
                self.bounds = bounds
        if self.bounds is None:
            self.width = int(self.tok.max(initial=0)) + 8
            key = codes.astype(np.int64) * self.width + self.tok
            self.order = np.argsort(key, kind="stable")
            self.key = key[self.order]
        self.norm_codes = tokens["norm"].cat.codes.to_numpy()
        self.norm_cats = np.asarray(tokens["norm"].cat.categories, dtype=object)
        self.tok_codes = tokens["token"].cat.codes.to_numpy()
        self.tok_cats = np.asarray(tokens["token"].cat.categories, dtype=object)
        self.sent = tokens["sent"].to_numpy()

    def rows(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """Row of each (doc, tok) in the tokens table, -1 where there is none."""
        doc = np.asarray(doc, np.int64)
        tok = np.asarray(tok, np.int64)
        if self.bounds is not None:
            lo, hi = self.bounds[doc], self.bounds[doc + 1]
            r = lo + tok
            return np.where((tok >= 0) & (r < hi), r, -1)
        if not len(self.key):
            return np.full(len(doc), -1, np.int64)
        q = doc * self.width + tok
        i = np.clip(np.searchsorted(self.key, q), 0, len(self.key) - 1)
        return np.where((tok >= 0) & (self.key[i] == q), self.order[i], -1)

    def norm(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        r = self.rows(doc, tok)
        out = np.full(len(r), "", dtype=object)
        out[r >= 0] = self.norm_cats[self.norm_codes[r[r >= 0]]]
        return out

    def sentence_start(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """The token is the first of its sentence (or of the document)."""
        r = self.rows(doc, tok)
        prev = self.rows(doc, tok - 1)
        out = np.zeros(len(r), bool)
        ok = r >= 0
        out[ok & (prev < 0)] = True
        both = ok & (prev >= 0)
        out[both] = self.sent[r[both]] != self.sent[prev[both]]
        return out

    def upper(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        """Written in capitals (at least two letters): "VIENTIANE"."""
        r = self.rows(doc, tok)
        out = np.zeros(len(r), bool)
        words = self.tok_cats[self.tok_codes[r[r >= 0]]]
        out[r >= 0] = [len(w) > 1 and w.isupper() for w in words]
        return out

    def capitalised(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        r = self.rows(doc, tok)
        out = np.zeros(len(r), bool)
        words = self.tok_cats[self.tok_codes[r[r >= 0]]]
        out[r >= 0] = [w[:1].isupper() for w in words]
        return out


def in_sorted(q: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``np.isin(q, keys)`` for sorted ``keys``, by binary search."""
    if not len(keys):
        return np.zeros(len(q), bool)
    i = np.clip(np.searchsorted(keys, q), 0, len(keys) - 1)
    return keys[i] == q


def covered_keys(named: pd.DataFrame, width: int) -> np.ndarray:
    """Sorted (doc * width + tok) keys of every token inside a mention."""
    if named.empty:
        return np.zeros(0, np.int64)
    n = named["n_tok"].to_numpy().astype(np.int64)
    base = named["doc_id"].cat.codes.to_numpy().astype(np.int64) * width + named["tok"].to_numpy()
    return np.sort(np.repeat(base, n) + np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))


def compound_mentions(
    tokens: pd.DataFrame, named: pd.DataFrame, act: Actors, ctx: TokenContext, fold_case: bool,
    fold_diacritics: bool, docs: pd.DataFrame | None,
) -> pd.DataFrame:  # fmt: skip
    """Mentions inside hyphenated compounds ("ASEAN-China", "Vietnam-China"): every part that
    is the one-word name or alias of exactly one actor, when all parts are capitalised and the
    token is not already inside a mention."""
    cache_key = ("compound parts", fold_case, fold_diacritics)
    one = act._cache.get(cache_key)
    if one is None:
        p = act.patterns()
        p = p[p["condition"].eq("none") & p["via"].isin(("name", "alias"))]
        spelled: dict[str, set[str]] = {}
        for actor_id, pattern in zip(p["actor_id"], p["pattern"], strict=True):
            if pattern.startswith("regex:") or "*" in pattern or "?" in pattern:
                continue
            f = fold(pattern.strip(), case=fold_case, diacritics=fold_diacritics)
            if f and " " not in f and not _HYPHENS.search(f):
                spelled.setdefault(f, set()).add(actor_id)
        one = act._cache[cache_key] = {k: next(iter(v)) for k, v in spelled.items() if len(v) == 1}
    cats = ctx.tok_cats
    # on the categories as stored (Arrow-backed strings scan fast)
    hyphenated = np.flatnonzero(
        np.asarray(
            tokens["token"].cat.categories.str.contains(_HYPHENS.pattern, regex=True), dtype=bool
        )
    )
    cand_types = []
    for code in hyphenated.tolist():
        written = cats[code]
        parts = _HYPHENS.split(written)
        if len(parts) < 2 or not all(x[:1].isupper() for x in parts):
            continue
        hits = []
        pos = 0
        for x in parts:
            f = fold(x, case=fold_case, diacritics=fold_diacritics)
            f = f[:-2] if f.endswith(("'s", "’s")) else f
            if f in one:
                hits.append((pos, pos + len(x), one[f]))
            pos += len(x) + 1
        if hits:
            cand_types.append((code, hits))
    if not cand_types:
        return named.iloc[:0]
    hits_of = dict(cand_types)
    is_cand = np.zeros(len(cats), bool)
    is_cand[list(hits_of)] = True
    rows_i = np.flatnonzero(is_cand[ctx.tok_codes])
    docs_c = tokens["doc_id"].cat.codes.to_numpy()[rows_i].astype(np.int64)
    toks_c = tokens["tok"].to_numpy()[rows_i].astype(np.int64)
    width = int(ctx.tok.max(initial=0)) + 8
    cov = covered_keys(named, width)
    inside = in_sorted(docs_c * width + toks_c, cov)
    starts = tokens["start"].to_numpy()[rows_i]
    sents = tokens["sent"].to_numpy()[rows_i]
    out = []
    for j in np.flatnonzero(~inside):
        for a, b, actor_id in hits_of[int(ctx.tok_codes[rows_i[j]])]:
            w = cats[ctx.tok_codes[rows_i[j]]]
            out.append((int(docs_c[j]), int(sents[j]), int(starts[j]) + a, int(starts[j]) + b,
                        w[a:b], actor_id, int(toks_c[j])))  # fmt: skip
    if not out:
        return named.iloc[:0]
    df = pd.DataFrame(out, columns=["code", "sent", "start", "end", "matched", "actor_id", "tok"])
    df["doc_id"] = pd.Categorical.from_codes(df.pop("code"), dtype=tokens["doc_id"].dtype)
    df["via"] = "compound"
    df["n_tok"] = 1
    df["key"] = df["actor_id"] + "|compound"
    df["pattern"] = df["matched"]
    return df


def drop_repeated_abbreviations(named: pd.DataFrame, ctx: TokenContext) -> pd.DataFrame:
    """ "Association of Southeast Asian Nations (ASEAN)": the parenthesised mention of the
    actor just named is dropped (one reference)."""
    if len(named) < 2:
        return named
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    n = named["n_tok"].to_numpy().astype(np.int64)
    actor = named["actor_id"].to_numpy(object)
    same = (doc[1:] == doc[:-1]) & (actor[1:] == actor[:-1]) & (tok[1:] == tok[:-1] + n[:-1] + 1)
    cand = np.flatnonzero(same) + 1
    if not len(cand):
        return named
    ok = (ctx.norm(doc[cand], tok[cand] - 1) == "(") & (
        ctx.norm(doc[cand], tok[cand] + n[cand]) == ")"
    )
    drop = np.zeros(len(named), bool)
    drop[cand[ok]] = True
    return named.loc[~drop]


def place_mask(named: pd.DataFrame, ctx: TokenContext, place_actors: set[str]) -> np.ndarray:
    """True for mentions that only locate something (the place rules of
    :func:`analysis.actors.find_mentions`)."""
    mask = np.zeros(len(named), bool)
    sel = np.flatnonzero(named["actor_id"].isin(place_actors).to_numpy())
    if not len(sel):
        return mask
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)[sel]
    tok = named["tok"].to_numpy().astype(np.int64)[sel]
    end = tok + named["n_tok"].to_numpy().astype(np.int64)[sel]
    p = [ctx.norm(doc, tok - k) for k in (1, 2, 3, 4)]
    nx = [ctx.norm(doc, end + k) for k in (0, 1, 2)]
    width = int(ctx.tok.max(initial=0)) + 8
    cov = covered_keys(named, width)
    in_mention = [in_sorted(doc * width + tok - k, cov) for k in (1, 2, 3)]
    cap = [ctx.capitalised(doc, tok - k) for k in (2, 3)]
    last = ctx.norm(doc, end - 1)
    # held in X / based in X / took place in X / scam centres in X
    after_in = np.isin(p[0], list(_PLACE_PREPS))
    r1 = (np.isin(p[0], ["in", "to"]) & np.isin(p[1], list(PLACE_VERBS))) | (
        (p[0] == "the") & np.isin(p[1], ["in", "to"]) & np.isin(p[2], list(PLACE_VERBS))
    )  # "arrested in the Philippines", "returned to China"
    # "in northern Myanmar"; "its border with Myanmar"
    r5 = (np.isin(p[0], list(_COMPASS)) & np.isin(p[1], list(_PLACE_PREPS))) | (
        (p[0] == "with") & np.isin(p[1], ["border", "borders", "frontier"])
    )
    r2 = after_in & (
        np.isin(p[1], list(LOCATION_NOUNS))
        | (np.isin(p[1], ["the"]) & np.isin(p[2], list(LOCATION_NOUNS)))
    )
    # City, Country: "held in Jakarta, Indonesia" / "in Phnom Penh, Cambodia"
    city1 = (p[0] == ",") & cap[0] & ~in_mention[1] & np.isin(p[2], list(_CITY_PREPS))
    city2 = (
        (p[0] == ",")
        & cap[0]
        & cap[1]
        & ~in_mention[1]
        & ~in_mention[2]
        & np.isin(p[3], list(_CITY_PREPS))
    )
    # "In Vietnam, the SPP …" at the start of a sentence
    lead = (p[0] == "in") & np.isin(p[1], ["", ".", "!", "?", ";"]) & (nx[0] == ",")
    # datelines: "VIENTIANE, Laos -"
    upper = ctx.upper(doc, tok - 2)
    dateline = (p[0] == ",") & upper & ~in_mention[1] & ctx.sentence_start(doc, tok - 2)
    # X's Y province: "China's Guangdong province", "Vietnam's capital"
    poss = np.array([x.endswith("'s") for x in last], bool)
    after = list(PLACE_NOUNS_AFTER)
    r4 = poss & (np.isin(nx[0], after) | np.isin(nx[1], after) | np.isin(nx[2], after))
    mask[sel] = r1 | r2 | r5 | city1 | city2 | r4 | lead | dateline
    return mask
