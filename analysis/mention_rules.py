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
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.actor_table import Actors
from analysis.text import fold

__all__ = [
    "PLACE_VERBS",
    "LOCATION_NOUNS",
    "PLACE_NOUNS_AFTER",
    "TokenContext",
    "TypeCache",
    "in_sorted",
    "covered_keys",
    "compound_mentions",
    "drop_repeated_abbreviations",
    "place_mask",
    "NOT_ACTOR_AFTER",
    "ACTOR_SUFFIXES",
    "more_place_rules",
    "continue_place_lists",
    "not_actor_mask",
    "appositive_role_mask",
    "TRANSIT_PREPS",
    "DESTINATION_VERBS",
]

#: Place rules (see :func:`analysis.actors.find_mentions`): verbs and participles after which "in X" locates
#: something ("held in Jakarta", "based in Cambodia").
PLACE_VERBS: frozenset[str] = frozenset({
    "held", "hosted", "based", "located", "headquartered", "convened", "staged", "opened",
    "arrived", "stationed", "trafficked", "lured", "detained", "arrested", "stranded",
    "operating", "operate", "operates", "operated", "hiding", "hidden", "born", "living",
    "lives", "live", "place", "took", "stuck", "rescued", "working", "work", "works",
    "returned", "repatriated", "deported", "extradited", "sent", "fled", "smuggled",
    "travelled", "traveled", "flown", "escaped", "came", "come", "comes", "coming",
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
    # people named by where they come from (held-out set 4: "fishers from Indonesia")
    "fishers", "fishermen", "migrants", "crew", "crews", "refugees", "tourists", "deckhands",
    "seafarers", "sailors", "labourers", "laborers", "passengers",
})  # fmt: skip
#: Nouns after "X's [Name]": "China's Guangdong province", "Vietnam's capital".
PLACE_NOUNS_AFTER: frozenset[str] = frozenset({
    "province", "region", "city", "state", "county", "district", "capital", "island",
    "islands", "prefecture", "municipality", "border", "coast", "town", "village", "area",
    "autonomous", "territory", "borders", "provinces", "regions", "cities", "port",
})  # fmt: skip
_PLACE_PREPS = frozenset({"in", "at", "from", "to", "near", "across", "inside", "throughout"})
#: Lower-case parts of a compound that keep the actor an actor: "ASEAN-related mechanisms",
#: "US-led coalition" (not "China-based", which locates).
ACTOR_SUFFIXES: frozenset[str] = frozenset({
    "related", "led", "backed", "brokered", "sponsored", "funded", "initiated", "hosted",
    "chaired", "proposed", "owned", "run", "controlled", "linked", "allied", "aligned",
})  # fmt: skip
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
        self.norm_types = tokens["norm"].cat.categories
        self.tok_codes = tokens["token"].cat.codes.to_numpy()
        self.tok_types = tokens["token"].cat.categories
        self.sent = tokens["sent"].to_numpy()

    # The whole vocabulary as Python strings is built only on request: the look-ups take the
    # few types they need (a chunk's categories are the vocabulary of every chunk so far).
    @property
    def norm_cats(self) -> np.ndarray:
        return np.asarray(self.norm_types, dtype=object)

    @property
    def tok_cats(self) -> np.ndarray:
        return np.asarray(self.tok_types, dtype=object)

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
        out[r >= 0] = _strings(self.norm_types, self.norm_codes[r[r >= 0]])
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
        words = _strings(self.tok_types, self.tok_codes[r[r >= 0]])
        out[r >= 0] = [len(w) > 1 and w.isupper() for w in words]
        return out

    def capitalised(self, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
        r = self.rows(doc, tok)
        out = np.zeros(len(r), bool)
        words = _strings(self.tok_types, self.tok_codes[r[r >= 0]])
        out[r >= 0] = [w[:1].isupper() for w in words]
        return out


def _strings(types: pd.Index, codes: np.ndarray) -> np.ndarray:
    """``types[codes]`` as an object array of Python strings."""
    return np.asarray(types.take(codes), dtype=object)


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


class TypeCache:
    """What a rule found per token type, for the categories of the last tokens table seen.

    The tokens tables of the chunks of one corpus tokenised with one
    :class:`analysis.text.Vocabulary` have categories that extend the previous chunk's: only
    the new types are then examined, where the rule would otherwise rescan the whole growing
    vocabulary in every chunk. Other categories start over. Dropped when pickled (a Dask
    worker starts empty).
    """

    def __init__(self) -> None:
        self.cats: pd.Index | None = None
        self.found: dict[int, Any] = {}

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self.cats = None
        self.found = {}

    def update(self, cats: pd.Index, examine: Callable[[pd.Index], dict[int, Any]]) -> dict:
        """``{type code: result}`` for the types of ``cats`` that have one; ``examine(types)``
        gives that for a slice of ``cats`` (codes relative to the slice)."""
        if self.cats is cats:
            return self.found
        old = self.cats
        known = len(old) if old is not None and _extends(cats, old) else 0
        found = dict(self.found) if known else {}
        found.update((code + known, v) for code, v in examine(cats[known:]).items())
        self.cats, self.found = cats, found
        return found


def _extends(cats: pd.Index, old: pd.Index) -> bool:
    """``cats`` starts with ``old`` (compared in Arrow: 20x faster than ``Index.equals``)."""
    if len(cats) < len(old):
        return False
    if not (hasattr(cats.array, "__arrow_array__") and hasattr(old.array, "__arrow_array__")):
        return bool(cats[: len(old)].equals(old))
    new_pa, old_pa = pa.array(cats.array), pa.array(old.array)
    # one chunk or several (an Index built by appending): compare the same layout
    new_pa = pa.chunked_array([new_pa]) if isinstance(new_pa, pa.Array) else new_pa
    old_pa = pa.chunked_array([old_pa]) if isinstance(old_pa, pa.Array) else old_pa
    if new_pa.type != old_pa.type:
        return bool(cats[: len(old)].equals(old))
    return bool(new_pa.slice(0, len(old)).equals(old_pa))


def _compound_types(
    types: pd.Index, one: dict[str, str], fold_case: bool, fold_diacritics: bool
) -> dict[int, list[tuple[int, int, str]]]:
    """For every hyphenated type of capitalised parts: ``(start, end, actor_id)`` of each part
    that is the one-word spelling of exactly one actor (``one``)."""
    # on the categories as stored (Arrow-backed strings scan fast)
    hyphenated = np.flatnonzero(
        np.asarray(types.str.contains(_HYPHENS.pattern, regex=True), dtype=bool)
    )
    out = {}
    for code, written in zip(hyphenated.tolist(), types.take(hyphenated).tolist(), strict=True):
        parts = _HYPHENS.split(written)
        if len(parts) < 2 or not all(x[:1].isupper() or x in ACTOR_SUFFIXES for x in parts):
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
            out[code] = hits
    return out


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
    per_type = act._cache.setdefault(("compound types", fold_case, fold_diacritics), TypeCache())
    token_cats = tokens["token"].cat.categories
    hits_of = per_type.update(
        token_cats, lambda types: _compound_types(types, one, fold_case, fold_diacritics)
    )
    if not hits_of:
        return named.iloc[:0]
    is_cand = np.zeros(len(token_cats), bool)
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
    free = np.flatnonzero(~inside)
    codes = ctx.tok_codes[rows_i[free]]
    for j, code, w in zip(free.tolist(), codes.tolist(), _strings(token_cats, codes), strict=True):
        for a, b, actor_id in hits_of[code]:
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


def place_mask(
    named: pd.DataFrame,
    ctx: TokenContext,
    place_actors: set[str],
    organisations: frozenset[str] | set[str] = frozenset(),
) -> np.ndarray:
    """True for mentions that only locate something (the place rules of
    :func:`analysis.actors.find_mentions`); "in X" right after a mention of one of
    ``organisations`` locates it ("the Office of the U.S. Trade Representative in Hanoi")."""
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
    r1 = (np.isin(p[0], ["in", "to", "from"]) & np.isin(p[1], list(PLACE_VERBS))) | (
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
    stop0, stop1 = np.isin(nx[0], list(_STOPS)), np.isin(nx[1], list(_STOPS))
    r4 = poss & (
        np.isin(nx[0], after)
        | (~stop0 & np.isin(nx[1], after))
        | (~stop0 & ~stop1 & np.isin(nx[2], after))
    )  # not across a sentence end: "Hanoi's protest. State broadcaster …" is an actor
    more, listable = more_place_rules(named, ctx, sel, doc, tok, p, nx, poss, in_mention)
    if organisations and len(sel):
        # "the ASEAN Secretariat in Jakarta": an organisation's seat, not the country acting
        prev = sel - 1
        ok = prev >= 0
        prev_c = np.clip(prev, 0, None)
        codes = named["doc_id"].cat.codes.to_numpy()
        prev_end = named["tok"].to_numpy()[prev_c] + named["n_tok"].to_numpy()[prev_c]
        seat = (
            ok
            & (codes[prev_c] == codes[sel])
            & (prev_end == tok - 1)
            & (p[0] == "in")
            & named["actor_id"].iloc[prev_c].isin(organisations).to_numpy()
        )
        more |= seat
        listable |= seat
    mask[sel] = r1 | r2 | r5 | city1 | city2 | r4 | lead | dateline | more
    continue_place_lists(named, ctx, mask, sel, listable | r1 | r2 | r5)
    return mask


# -- wave 3 (issue 12, held-out set 3): more place rules, lists of places, not-actors ----------
_STOPS = frozenset({".", "!", "?", ";", ":"})
_DASHES = frozenset({"-", "–", "—", "--", "("})
#: Words right after a name that make it part of another name or a currency, not the actor:
#: "South China Sea", "US$257 million", "783 billion U.S. dollars".
NOT_ACTOR_AFTER: frozenset[str] = frozenset({
    "sea", "$", "dollar", "dollars", "cents",
    # newspapers named after a place: "(The Jakarta Post)", "the Bangkok Post" (set 4)
    "post", "times", "globe", "herald", "tribune", "gazette",
})  # fmt: skip
#: Verbs whose object goes "to" a place: "sent police teams to Myanmar", "supply seafood to
#: Japan" (a destination, not an actor; held-out sets 3 and 4).
DESTINATION_VERBS: frozenset[str] = frozenset({
    "sent", "send", "sends", "sending", "deployed", "deploy", "deploys", "dispatched",
    "dispatch", "supply", "supplies", "supplied", "supplying", "export", "exports",
    "exported", "exporting", "ship", "ships", "shipped", "shipping", "moved", "move", "moves",
    "smuggled", "trafficked", "transferred", "flew", "brought", "bring", "brings",
})  # fmt: skip
#: Objects that make "sent X to COUNTRY" an address, not a destination.
_ADDRESSED = frozenset(
    {
        "letter",
        "letters",
        "message",
        "messages",
        "note",
        "notes",
        "request",
        "requests",
        "invitation",
        "invitations",
        "signal",
        "signals",
        "warning",
    }
)
#: Prepositions of transit: "moved … through Indonesia to Australia" (a place, set 4).
TRANSIT_PREPS: frozenset[str] = frozenset({"through", "via"})


def more_place_rules(
    named: pd.DataFrame, ctx: TokenContext, sel: np.ndarray, doc: np.ndarray, tok: np.ndarray,
    p: list[np.ndarray], nx: list[np.ndarray], poss: np.ndarray, in_mention: list[np.ndarray],
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Place rules added after held-out set 3, for the mentions ``sel``: "in X" / "in the X"
    after any word but a name ("miners in Australia", "police in China", "was in Thailand";
    not "Vo Van Thuong in Vietnam", nor a possessive, "in Beijing's view", nor a compound, "a
    milestone in Japan-Philippines relations"), and datelines whose city is itself a mention or has two words, or that open
    with the capital or country alone ("MANILA, Philippines —", "MAE SOT, Thailand (AP)",
    "HANOI --", "SINGAPORE –"). Returns (mask, mask of the "in" rule, which lists continue)."""
    via = named["via"].to_numpy(object)[sel]
    # a word inside a mention is a name only if capitalised ("spoke to us in Bangkok")
    name1 = in_mention[1] & ctx.capitalised(doc, tok - 2)
    r_in = (
        (((p[0] == "in") & ~name1) | ((p[0] == "the") & (p[1] == "in") & ~in_mention[2]))
        & ~poss
        & (via != "compound")
    ) | ((p[0] == "the") & (p[1] == "on") & (nx[0] == "side"))  # "on the Myanmar side"
    upper2 = ctx.upper(doc, tok - 2)
    dashes = list(_DASHES)
    dl = (
        (p[0] == ",")
        & upper2
        & (
            (ctx.sentence_start(doc, tok - 2) & np.isin(nx[0], [*dashes, ","]))
            | (ctx.upper(doc, tok - 3) & ctx.sentence_start(doc, tok - 3))
        )
    )
    alone = (
        ctx.upper(doc, tok)
        & ctx.sentence_start(doc, tok)
        & (np.isin(nx[0], dashes) | ((nx[0] == ",") & np.isin(nx[2], dashes)))
    )
    # "through Indonesia"; "a Jakarta forum" (a place name modifying a common noun)
    transit = np.isin(p[0], list(TRANSIT_PREPS))
    # "sent police teams to Myanmar", "supply seafood to Japan": a destination after an object
    verbs = list(DESTINATION_VERBS)
    obj1 = ~in_mention[1] & ~np.isin(p[1], list(_ADDRESSED)) & np.char.isalpha(p[1].astype(str))
    obj2 = obj1 & ~in_mention[2] & np.char.isalpha(p[2].astype(str))
    transit |= (p[0] == "to") & (
        (obj1 & np.isin(p[2], verbs))
        | (obj2 & ~np.isin(p[2], list(_ADDRESSED)) & np.isin(p[3], verbs))
    )
    # ("a Jakarta forum", "a Bangkok hotel"; not "a Vietnam government spokesperson")
    modifier = np.isin(p[0], ["a", "an"]) & np.isin(nx[0], list(LOCATION_NOUNS))
    return r_in | dl | alone | transit | modifier, r_in | transit


def continue_place_lists(
    named: pd.DataFrame, ctx: TokenContext, mask: np.ndarray, sel: np.ndarray,
    listable: np.ndarray,
) -> None:  # fmt: skip
    """A list of places goes on: "came from Indonesia, Malaysia and the Philippines", "held
    in compounds in Cambodia, Laos and Myanmar" — a mention right after a place of the "in"
    and verb rules written with its name (not an alias such as a capital: "held in Hanoi,
    Vietnam and China agreed"), joined by a comma, "and" or "or" (and "the"), is a place too
    (``mask`` is updated in place)."""
    if not len(sel):
        return
    codes = named["doc_id"].cat.codes.to_numpy()
    toks = named["tok"].to_numpy().astype(np.int64)
    n_tok = named["n_tok"].to_numpy().astype(np.int64)
    doc, tok = codes[sel].astype(np.int64), toks[sel]
    p1, p2 = ctx.norm(doc, tok - 1), ctx.norm(doc, tok - 2)
    chain = np.zeros(len(mask), bool)
    # a list starts at a name, not at an alias: "held in Hanoi, Vietnam and China agreed"
    chain[sel[listable]] = named["via"].to_numpy(object)[sel[listable]] == "name"
    for k, i in enumerate(sel.tolist()):
        if mask[i] or i == 0 or codes[i - 1] != codes[i] or not mask[i - 1]:
            continue
        gap = toks[i] - toks[i - 1] - n_tok[i - 1]
        if gap == 1 and p1[k] == "," and not chain[i - 1]:
            mask[i] = True  # "in Hanoi, Vietnam": a capital (an alias) and its country
            continue
        words = [p1[k], p2[k]][: max(gap, 0)]
        if (
            chain[i - 1]
            and 1 <= gap <= 2
            and words[0] in (",", "and", "or", "the")
            and (gap == 1 or (words[0] == "the" and words[1] in (",", "and", "or")))
        ):
            mask[i] = chain[i] = True


def not_actor_mask(named: pd.DataFrame, ctx: TokenContext) -> np.ndarray:
    """True for matches that are not the actor: an all-capitals spelling of up to five letters
    (an acronym: "US", "WHO") matched in text written with lower-case letters ("told us"),
    and a name followed by a word of :data:`NOT_ACTOR_AFTER` ("South China Sea", "US$5")."""
    if named.empty:
        return np.zeros(0, bool)
    pat = named["pattern"].astype(object).where(named["pattern"].notna(), "").astype(str)
    surf = named["matched"].astype(object).where(named["matched"].notna(), "").astype(str)
    pairs = pd.MultiIndex.from_arrays([pat, surf])
    codes, uniq = pd.factorize(pairs)
    bad = np.array(
        [
            sum(ch.isalpha() for ch in a) <= 5 and a.isupper() and any(ch.islower() for ch in s)
            for a, s in uniq
        ],
        bool,
    )
    out = bad[codes] if len(uniq) else np.zeros(len(named), bool)
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    end = named["tok"].to_numpy().astype(np.int64) + named["n_tok"].to_numpy().astype(np.int64)
    return out | np.isin(ctx.norm(doc, end), list(NOT_ACTOR_AFTER))


def appositive_role_mask(named: pd.DataFrame, ctx: TokenContext) -> np.ndarray:
    """True for a role (or a listed title alone) in apposition to a naming mention of the same
    actor, with only a comma between them: "the committee chair, Senator Fiona Grady",
    "said Peter Lindqvist, the regional representative of …" — one reference, counted once
    (``named`` sorted by document and start)."""
    if named.empty:
        return np.zeros(0, bool)
    codes = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    actor = named["actor_id"].to_numpy(object)
    role = named["via"].to_numpy(object) == "role"
    same_next = np.zeros(len(named), bool)
    same_next[:-1] = (
        (codes[1:] == codes[:-1]) & (actor[1:] == actor[:-1]) & (tok[1:] == end[:-1] + 1)
    )
    comma_after = ctx.norm(codes, end) == ","
    before = np.zeros(len(named), bool)
    before[1:] = same_next[:-1] & comma_after[:-1]  # the name, then ", the title"
    after = same_next & comma_after  # "the title, " then the name
    return role & (before | after)
