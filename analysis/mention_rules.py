"""Mention rules that look at the words around a match: places, abbreviations, compounds.

:func:`analysis.actors.find_mentions` applies them after matching (see its docstring for the
rules and options): :func:`place_mask` drops countries that only locate something ("held in
Jakarta, Indonesia"), :func:`drop_repeated_abbreviations` counts "Name (ABBR)" once, and
:func:`compound_mentions` finds the actors inside hyphenated compounds ("ASEAN-China").
:class:`~analysis.token_context.TokenContext` indexes the tokens table by (document, position)
for these look-ups; the place rules for wire copy (destinations, city names, agency trailers)
are in :mod:`analysis.place_rules`, the compound rules in :mod:`analysis.compounds`. All are
re-exported here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.agency_names import (
    AGENCY_AFTER,
    AGENCY_BEFORE,
    TOLD_AGENCY_NEXT,
    WIRE_AGENCIES,
    wire_agency_mask,
)
from analysis.compounds import ACTOR_SUFFIXES, compound_mentions
from analysis.dates import MONTH_NAMES
from analysis.headlines import bracketed_dateline
from analysis.place_forms import BORDER_ACTORS
from analysis.place_rules import (
    ADDRESSED_OBJECTS,
    COME_VERBS,
    DESTINATION_VERBS,
    FIRM_NOUNS,
    GROUP_ENDS,
    SENT_THINGS,
    STATE_MODIFIERS,
    _line_ends,
    news_origin_rules,
    origin_place_rules,
    wire_place_mask,
)
from analysis.place_words import (
    BORDER_POINTS,
    CAME_WORDS,
    COUNT_WORDS,
    MAINLY_WORDS,
    PLACE_NOUNS_AFTER,
    TRADE_WORDS,
)
from analysis.text import fold
from analysis.token_context import (
    TokenContext,
    covered_keys,
    in_sorted,
    mention_frame,
    rows_with,
    type_strings,
)

__all__ = [
    "PLACE_VERBS",
    "LOCATION_NOUNS",
    "FIRM_NOUNS",
    "PLACE_NOUNS_AFTER",
    "compound_mentions",
    "drop_owner_countries",
    "drop_repeated_abbreviations",
    "place_mask",
    "NOT_ACTOR_AFTER",
    "ACTOR_SUFFIXES",
    "more_place_rules",
    "continue_place_lists",
    "not_actor_mask",
    "appositive_role_mask",
    "possessive_mentions",
    "TRANSIT_PREPS",
    "WIRE_AGENCIES",
    "AGENCY_BEFORE",
    "AGENCY_AFTER",
    "TOLD_AGENCY_NEXT",
    "wire_agency_mask",
    "inside_name_mask",
    "letterhead_mask",
    "release_block_mask",
    "HONORIFICS",
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
    # people moved by others: "victims taken to China to be sold" (held-out set 16)
    "taken",
    # wave 22 (sets 108, 110, 112): "the networks were already moving to Cambodia", "who
    # flew in from Beijing"
    "flew", "fly", "flies", "moved", "moving", "move", "moves", "relocated", "relocating",
    "shifted", "shifting",
})  # fmt: skip
#: How people travel between a verb and "to": "taken by bus to Bangkok" (wave 22, set 108).
_TRANSPORT = frozenset({
    "bus", "air", "plane", "boat", "road", "car", "train", "land", "sea", "ferry", "truck",
    "van", "coach", "flight",
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
    "seafarers", "sailors", "labourers", "laborers", "passengers",  # one (set 17, "A worker from")
    "worker", "victim", "migrant", "refugee", "tourist", "fisherman", "passenger", "labourer",
})  # fmt: skip
_PLACE_PREPS = frozenset({"in", "at", "from", "to", "near", "across", "inside", "throughout"})
# "in northern Myanmar": a compass word between a place preposition and a country
_COMPASS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "rural", "coastal",
    # "fled to neighbouring Cambodia", "in mainland China" (set 7's forms)
    "neighbouring", "neighboring", "mainland",
})  # fmt: skip
_CITY_PREPS = frozenset({"in", "at", "from", "to", "near"})


#: Words after "City, Country" that make the country a subject, not the city's country.
_COUNTRY_VERBS = frozenset({
    "says", "said", "say", "has", "have", "had", "will", "confirmed", "announced", "added",
    "told", "stated", "noted", "agreed",
})  # fmt: skip


def drop_repeated_abbreviations(
    named: pd.DataFrame, ctx: TokenContext, spellings: dict[str, frozenset[str]] | None = None
) -> pd.DataFrame:
    """ "Association of Southeast Asian Nations (ASEAN)": the parenthesised mention of the
    actor just named is dropped (one reference). ``spellings`` (actor -> its names and aliases,
    case-folded): a bracketed spelling that context gave to another actor is still the one
    just named when it is one of that actor's spellings ("China's Ministry of Public Security
    (MPS)" where "MPS" is also Vietnam's ministry; wave 26, held-out set 142)."""
    if len(named) < 2:
        return named
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    n = named["n_tok"].to_numpy().astype(np.int64)
    actor = pd.factorize(named["actor_id"])[0]  # codes: only equality of neighbours matters
    gap = tok[1:] - (tok[:-1] + n[:-1])
    own = actor[1:] == actor[:-1]
    if spellings:
        near = np.flatnonzero(~own & (doc[1:] == doc[:-1]) & ((gap == 1) | (gap == 2)))
        # (the few neighbours read: casefolding every mention's surface costs a tenth of
        # find_mentions on a large corpus)
        ids = named["actor_id"].iloc[near].astype(str).tolist()
        surf = named["matched"].iloc[near + 1].astype(str).str.casefold().tolist()
        own[near] = [s in spellings.get(a, ()) for a, s in zip(ids, surf, strict=True)]
    same = (doc[1:] == doc[:-1]) & own & ((gap == 1) | (gap == 2))
    cand = np.flatnonzero(same) + 1
    if not len(cand):
        return named
    d, t, e, g = doc[cand], tok[cand], tok[cand] + n[cand], gap[cand - 1]
    # 'The Attorney-General\'s Chambers ("AGC")': the short name in quotation marks (wave 18)
    marks = list(_DEFINED_MARKS)
    quoted = (g == 2) & ctx.norm_in(d, t - 1, marks) & ctx.norm_in(d, e, marks)
    ok = np.where(
        quoted,
        ctx.norm_in(d, t - 2, "(") & ctx.norm_in(d, e + 1, ")"),
        (g == 1) & ctx.norm_in(d, t - 1, "(") & ctx.norm_in(d, e, ")"),
    )
    drop = np.zeros(len(named), bool)
    drop[cand[ok]] = True
    return named.loc[~drop]


def drop_owner_countries(
    named: pd.DataFrame, ctx: TokenContext, affiliation: dict[str, str]
) -> pd.DataFrame:
    """ "the Attorney General's Chambers (AGC) of Malaysia", "the Supreme People's Procuracy
    of Viet Nam": a country after "of [the]" right behind the name of an organisation of that
    country (its ``affiliation``), the abbreviation's bracket between them or not, is part of
    the body's name: one reference, like "Name (ABBR)". ``affiliation``: organisation id ->
    country id (the adjudicated references of
    held-out sets 18-112 leave it uncoded 40 times to 29; wave 22)."""
    if len(named) < 2:
        return named
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    # by the distinct actors (a corpus has many mentions of few actors): each mention's actor
    # code, and the code of each actor's owner (-1: none, or not mentioned)
    codes, uniq = pd.factorize(named["actor_id"])
    owner_of = pd.Index(uniq).get_indexer([affiliation.get(str(a), "") for a in uniq])
    owner = owner_of[codes[:-1]]
    cand = np.flatnonzero((doc[1:] == doc[:-1]) & (owner >= 0) & (owner == codes[1:])) + 1
    if not len(cand):
        return named
    d, t, prev_end = doc[cand], tok[cand], end[cand - 1]
    article = ctx.norm_in(d, t - 1, "the")
    of_at = t - 1 - article.astype(np.int64)  # the "of"
    ok = ctx.norm_in(d, of_at, "of") & (
        (of_at == prev_end) | ((of_at == prev_end + 3) & ctx.norm_in(d, prev_end, "("))
    )
    drop = np.zeros(len(named), bool)
    drop[cand[ok]] = True
    return named.loc[~drop]


_DEFINED_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
#: Words after a body's name that make it a group of countries ("ASEAN member states").
_GROUP_WORDS = frozenset({*GROUP_ENDS, "member"})
#: Verbs of people moved whose "from" a group of countries is an origin (not "requests came
#: from ASEAN members": a sender).
_MOVED_PEOPLE = frozenset({
    "returned", "repatriated", "deported", "extradited", "rescued", "freed", "released",
    "escaped", "fled", "back", "home", "trafficked", "smuggled", "them",  # "many of them from"
})  # fmt: skip


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
    placed = named["actor_id"].isin(place_actors).to_numpy()
    group = np.zeros(len(named), bool)
    if len(named) and not placed.all():
        # a body's group of countries as the origin of people: "suspects returned from ASEAN
        # countries", "many of them from ASEAN countries" (wave 19, sets 43, 54, 74); the
        # references code it after "in" ("identified in ASEAN countries"), so only the
        # origin rules read it
        d_all = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
        e_all = (named["tok"].to_numpy() + named["n_tok"].to_numpy()).astype(np.int64)
        group = ~placed & np.isin(ctx.norm(d_all, e_all), list(_GROUP_WORDS))
    sel = np.flatnonzero(placed | group)
    if not len(sel):
        return mask
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)[sel]
    tok = named["tok"].to_numpy().astype(np.int64)[sel]
    end = tok + named["n_tok"].to_numpy().astype(np.int64)[sel]
    p = [ctx.norm(doc, tok - k) for k in (1, 2, 3, 4, 5)]
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
    # "taken by bus to Bangkok", "flew in from Beijing", "through Pu'er and on to Vientiane"
    # (wave 22, sets 108 and 112)
    r1 |= (
        np.isin(p[0], ["to", "from"])
        & np.isin(p[1], list(_TRANSPORT))
        & (p[2] == "by")
        & np.isin(p[3], list(PLACE_VERBS))
    )
    r1 |= (p[0] == "from") & (p[1] == "in") & np.isin(p[2], list(PLACE_VERBS))
    r1 |= (p[0] == "to") & (p[1] == "on") & (p[2] == "and")
    # "a request comes from Beijing": the sender (set 14)
    r1 &= ~((p[0] == "from") & np.isin(p[1], list(COME_VERBS)) & np.isin(p[2], list(SENT_THINGS)))
    # "in northern Myanmar"; "its border with Myanmar"
    r5 = (np.isin(p[0], list(_COMPASS)) & np.isin(p[1], list(_PLACE_PREPS))) | (
        np.isin(p[0], ["with", "of"]) & np.isin(p[1], ["border", "borders", "frontier"])
    )
    # "mainland China" is a territory wherever it stands ("in Hong Kong or mainland China"; the
    # references of sets 30-136 leave it uncoded 9 times of 9)
    r5 |= p[0] == "mainland"
    r2 = after_in & (
        np.isin(p[1], list(LOCATION_NOUNS))
        | (np.isin(p[1], ["the"]) & np.isin(p[2], list(LOCATION_NOUNS)))
    )
    # "the Tenth Conference in the Republic of the Philippines" (held-out set 12)
    r2 |= (p[0] == "the") & np.isin(p[1], ["in", "at"]) & np.isin(p[2], list(LOCATION_NOUNS))
    # City, Country: "held in Jakarta, Indonesia" / "in Phnom Penh, Cambodia"
    city1 = (p[0] == ",") & cap[0] & ~in_mention[1] & np.isin(p[2], list(_CITY_PREPS))
    # not a time phrase: "In August, China's ministry said" (set 15)
    city1 &= ~np.isin(p[1], list(MONTH_NAMES))
    # nor a list after "to": "donate doses to Taiwan, Thailand and Malaysia" (set 17)
    city1 &= ~((p[2] == "to") & np.isin(nx[0], ["and", "or"]))
    city2 = (
        (p[0] == ",")
        & cap[0]
        & cap[1]
        & ~in_mention[1]
        & ~in_mention[2]
        & np.isin(p[3], list(_CITY_PREPS))
    )
    # "… talks in Jeddah, Saudi Arabia says": the country after the city speaks (set 5)
    # and "…, in Kuala Lumpur, Malaysia has confirmed." (wave 20, set 85)
    speaks = np.isin(nx[0], list(_COUNTRY_VERBS))
    city1 &= ~speaks
    city2 &= ~speaks
    # a venue or dateline line, "Ha Long City, Quang Ninh Province, Viet Nam, 17-19 October
    # 2012": the country between a capitalised place and a date (set 15)
    months = list(MONTH_NAMES)
    dated = (nx[0] == ",") & (
        np.isin(nx[1], months)
        | (
            np.isin(nx[2], months)
            & np.asarray(pd.Series(nx[1], dtype=object).str.match(r"\d").fillna(False), bool)
        )
    )
    city1 |= (p[0] == ",") & cap[0] & ~in_mention[1] & dated
    # "In Vietnam, the SPP …" at the start of a sentence
    lead = (p[0] == "in") & np.isin(p[1], ["", ".", "!", "?", ";"]) & (nx[0] == ",")
    # datelines: "VIENTIANE, Laos -"
    upper = ctx.upper(doc, tok - 2)
    dateline = (p[0] == ",") & upper & ~in_mention[1] & ctx.sentence_start(doc, tok - 2)
    # X's Y province: "China's Guangdong province", "Vietnam's capital"
    poss = np.array([x.endswith("'s") for x in last], bool)
    # "part of the Philippines' commitments": the possessive of a name ending in s written with
    # the apostrophe alone (a token of its own) before a word (wave 10)
    poss |= (
        np.isin(nx[0], ["'", "’"])
        & np.char.endswith(last.astype(str), "s")
        & np.char.isalpha(nx[1].astype(str))
    )
    after = list(PLACE_NOUNS_AFTER)
    stop0, stop1 = np.isin(nx[0], list(_STOPS)), np.isin(nx[1], list(_STOPS))
    r4 = poss & (
        np.isin(nx[0], after)
        | (~stop0 & np.isin(nx[1], after))
        | (~stop0 & ~stop1 & np.isin(nx[2], after))
    )  # not across a sentence end: "Hanoi's protest. State broadcaster …" is an actor
    # "Cambodia's coast guard", "China's border police": the country's body, not a place
    r4 &= ~(np.isin(nx[0], ["coast", "border"]) & np.isin(nx[1], list(BORDER_ACTORS)))
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
    more |= wire_place_mask(named, ctx, sel, doc, tok, end, p, nx, poss)
    origin, origin_list = origin_place_rules(p, nx, poss)
    news, news_list = news_origin_rules(p, poss)
    more |= origin | news
    listable |= origin_list | news_list
    mask[sel] = r1 | r2 | r5 | city1 | city2 | r4 | lead | dateline | more
    continue_place_lists(named, ctx, mask, sel, listable | r1 | r2 | r5)
    if group.any():
        moved = (p[0] == "from") & np.isin(p[1], list(_MOVED_PEOPLE))
        mask[sel] &= ~group[sel] | moved | news
    return mask


# -- wave 3 (issue 12, held-out set 3): more place rules, lists of places, not-actors ----------
_STOPS = frozenset({".", "!", "?", ";", ":"})
_DASHES = frozenset({"-", "–", "—", "--", "("})
#: Words right after a name that make it part of another name or a currency, not the actor:
#: "South China Sea", "US$257 million", "783 billion U.S. dollars".
# newspapers named after a place: "(The Jakarta Post)", "the Bangkok Post" (set 4)
_PAPERS = ("post", "times", "globe", "herald", "tribune", "gazette")
NOT_ACTOR_AFTER: frozenset[str] = frozenset({
    "sea", "$", "dollar", "dollars", "cents", *_PAPERS,
    # a sports title or competition named after a region or country: "a third ASEAN crown",
    # "the Africa Cup", "the ASEAN Championship" (held-out set 16)
    "crown", "crowns", "trophy", "cup", "championship", "championships",
})  # fmt: skip
# "Compiled by The Jakarta Post's regional desk" (wave 21, set 72): the newspaper's possessive
_OUTLET_POSSESSIVES = frozenset(f"{w}{s}" for w in _PAPERS for s in ("'s", "’s"))
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
    # not a country's mention right before ("Vietnam stun Thailand in Bangkok": the venue;
    # held-out set 16)
    codes = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    ends = named["tok"].to_numpy().astype(np.int64) + named["n_tok"].to_numpy().astype(np.int64)
    is_sel = np.zeros(len(named), bool)
    is_sel[sel] = True
    prev = np.clip(sel - 1, 0, None)
    name1 &= ~((sel > 0) & is_sel[prev] & (codes[prev] == doc) & (ends[prev] == tok - 1))
    # "its counterparts in ASEAN member countries and China": the states' bodies, parties (set
    # 2); not in a capital, "their counterparts in Beijing" (sets 28, 29), or "the authorities in
    # X", nor in one country's name (wave 25: "worked with counterparts in Laos and Thailand";
    # the references of sets 24-136 leave it uncoded 7 times of 10)
    counterparts = np.isin(p[1], ["counterpart", "counterparts"])
    i = np.flatnonzero(counterparts)  # (few rows: their spellings read)
    matched = named["matched"].iloc[sel[i]].astype(str).str.lower()
    counterparts[i] = matched.str.endswith(GROUP_ENDS).to_numpy(bool)
    r_in = (
        (
            ((p[0] == "in") & ~name1 & ~counterparts)
            | ((p[0] == "the") & (p[1] == "in") & ~in_mention[2])
        )
        & ~poss
        & (via != "compound")
    ) | ((p[0] == "the") & (p[1] == "on") & (nx[0] == "side"))  # "on the Myanmar side"
    # "accounts in five Asean countries": a number between "in" and the place (set 15)
    counted = np.isin(p[0], list(COUNT_WORDS)) | np.char.isdigit(p[0].astype(str))
    r_in |= (p[1] == "in") & counted & ~poss & (via != "compound")
    # wave 28: people counted by where they came from or went, "612 were repatriated from
    # Cambodia, 284 from Myanmar, 97 from Laos", "sent to China, followed by 301 to Vietnam,
    # 150 to Indonesia" (held-out set 166); and a province "of" its country, "Kunming, Yunnan
    # Province of the People's Republic of China" (sets 25, 50 and 162 leave it uncoded)
    # (an item of a list: after a comma, "and" or "followed by"; not "received 52 from
    # Beijing", the sender of requests, set 17)
    number = np.char.isdigit(np.char.replace(p[1].astype(str), ",", ""))
    r_in |= np.isin(p[0], ["from", "to"]) & number & np.isin(p[2], [",", "and", "by"]) & ~poss
    r_in |= ((p[0] == "of") & np.isin(p[1], list(_PROVINCE_WORDS))) | (
        (p[0] == "the") & (p[1] == "of") & np.isin(p[2], list(_PROVINCE_WORDS))
    )
    # wave 30: destinations repeated with "to": "They may run to Cambodia, to Laos, to
    # Myanmar", "moving – to Laos, to the Philippines, even to Africa" (sets 18, 61, 136: 6
    # of 6 uncoded)
    r_in |= (
        ((p[0] == "to") & (p[1] == ",") & ((p[3] == "to") | (p[4] == "to")))
        | ((p[0] == "the") & (p[1] == "to") & (p[2] == ",") & (p[4] == "to"))
        | ((p[0] == "to") & (nx[0] == ",") & (nx[1] == "to"))
        # "has handed over to China a businessman" (wave 31: sets 178 and 182 leave it uncoded
        # 2 times of 2): the person handed over follows; "documents were handed over to Kenya"
        # names the receiving party (wave 12)
        | (
            (p[0] == "to")
            & (p[1] == "over")
            & np.isin(p[2], list(_HAND_VERBS))
            & np.isin(nx[0], ["a", "an"])
            & ~poss
        )
        # a reporter's place: "Rob Clarke reports from Bangkok.", "AMIR HAKIM (LIVE,
        # PUTRAJAYA):" (wave 31, set 182)
        | ((p[0] == "from") & np.isin(p[1], list(_REPORTS)))
        | ((p[0] == ",") & (p[1] == "live") & (p[2] == "("))
        # "hold passports from Cambodia or Vanuatu" (sets 37, 174: 2 of 2 uncoded), "are
        # believed to have left for the United Arab Emirates, Cambodia and Taiwan" (set 174)
        | ((p[0] == "from") & np.isin(p[1], list(_TRAVEL_PAPERS)))
        | ((p[0] == "for") & np.isin(p[1], list(_DEPARTED)))
        | ((p[0] == "the") & (p[1] == "for") & np.isin(p[2], list(_DEPARTED)))
    )
    # "From Manila, Carla Reyes reports." (a correspondent's sign-in, set 182)
    lead = np.flatnonzero((p[0] == "from") & (nx[0] == ",") & ctx.sentence_start(doc, tok - 1))
    if len(lead):
        d_ = doc[lead]
        e_ = tok[lead] + named["n_tok"].to_numpy().astype(np.int64)[sel][lead]
        signs = np.zeros(len(lead), bool)
        for k in range(2, 6):
            signs |= ctx.norm_in(d_, e_ + k, "reports") & ctx.norm_in(d_, e_ + k + 1, ".")
        r_in[lead] |= signs
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
    alone |= bracketed_dateline(ctx, doc, tok, tok + named["n_tok"].to_numpy()[sel], _DASHES)
    # the second city of a slash dateline without a date: "KUALA LUMPUR/SINGAPORE - The arrest
    # …" (wave 30, held-out set 176)
    alone |= (
        ctx.upper(doc, tok)
        & (p[0] == "/")
        & ctx.upper(doc, tok - 2)
        & (
            ctx.sentence_start(doc, tok - 2)
            | (ctx.upper(doc, tok - 3) & ctx.sentence_start(doc, tok - 3))
        )
        & np.isin(nx[0], dashes)
    )
    # "through Indonesia"; "a Jakarta forum" (a place name modifying a common noun)
    transit = np.isin(p[0], list(TRANSIT_PREPS))
    # "sent police teams to Myanmar", "supply seafood to Japan": a destination after an object
    verbs = list(DESTINATION_VERBS)
    obj1 = (
        ~in_mention[1] & ~np.isin(p[1], list(ADDRESSED_OBJECTS)) & np.char.isalpha(p[1].astype(str))
    )
    obj2 = obj1 & ~in_mention[2] & np.char.isalpha(p[2].astype(str))
    transit |= (p[0] == "to") & (
        (obj1 & np.isin(p[2], verbs))
        | (obj2 & ~np.isin(p[2], list(ADDRESSED_OBJECTS)) & np.isin(p[3], verbs))
    )
    # ("a Jakarta forum", "a Bangkok hotel"; not "a Vietnam government spokesperson")
    modifier = np.isin(p[0], ["a", "an"]) & np.isin(nx[0], list(LOCATION_NOUNS | FIRM_NOUNS))
    # a business named by its place with one word between: "a London pathology provider", "a
    # Lagos law firm" (held-out set 16)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)[sel]
    modifier |= (
        np.isin(p[0], ["a", "an"])
        & np.isin(nx[1], list(FIRM_NOUNS))
        & np.char.isalpha(nx[0].astype(str))
        & ~ctx.capitalised(doc, end)
        & ~np.isin(nx[0], list(STATE_MODIFIERS))
    )
    # any other common noun after "a X": X describes it as a nationality adjective would ("a
    # Myanmar problem", "a Bangkok legal-aid group", "survivors of a Myanmar scam park"; wave
    # 27: the references of sets 18-144 leave X uncoded 5 times of 5), except the state
    # acting ("A Myanmar junta spokesman said", "A Myanmar delegation led by …")
    # (not a compound's part: "a Moscow-led bloc" is Russia leading it)
    modifier |= (
        np.isin(p[0], ["a", "an"])
        & np.char.isalpha(np.char.replace(nx[0].astype(str), "-", ""))
        & ~ctx.capitalised(doc, end)
        & ~np.isin(nx[0], list(STATE_MODIFIERS | _STATE_RULERS))
        & (np.char.find(ctx.norm(doc, tok).astype(str), "-") < 0)
    )
    # places of a trade: "over Myanmar scam compounds", "Cambodia fraud hubs" (held-out set
    # 30); the far side of a border: "the Dongxing border crossing with Vietnam"
    modifier |= np.isin(nx[0], list(TRADE_WORDS)) & np.isin(nx[1], list(LOCATION_NOUNS))
    modifier |= (p[0] == "with") & np.isin(p[1], list(BORDER_POINTS)) & ~poss
    # a clock: "Updated 16:40 Beijing time" (held-out set 31)
    modifier |= (nx[0] == "time") & (via == "alias")
    # where people came from: "came mainly from China, Vietnam and Indonesia" (set 31)
    modifier |= (
        (p[0] == "from") & np.isin(p[1], list(MAINLY_WORDS)) & np.isin(p[2], list(CAME_WORDS))
    )
    # a language named by its country: "in both the Myanmar and Chinese languages" (set 28)
    tongue = ["language", "languages"]
    language = np.isin(nx[0], tongue) | (np.isin(nx[0], ["and", "or"]) & np.isin(nx[2], tongue))
    language |= p[0] == "bahasa"  # "in Bahasa Malaysia, English and Tamil" (wave 20, set 88)
    return r_in | dl | alone | transit | modifier | (language & ~poss), r_in | transit


#: A country's first-level divisions named before it: "Yunnan Province of China".
_PROVINCE_WORDS = frozenset({"province", "prefecture", "region", "autonomous"})
#: Who rules a state, after "a X": "a Myanmar junta spokesman" is the state speaking.
_STATE_RULERS = frozenset({"junta", "regime", "administration", "authorities", "side"})


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
    # (or at a country's abbreviation of two or three capitals: "in the UK, France or
    # Malaysia", held-out set 16; a capital in a dateline has more letters)
    via = named["via"].to_numpy(object)[sel[listable]]
    surface = named["matched"].to_numpy(object)[sel[listable]]
    short = np.array(
        [
            (2 <= len(x) <= 3 and x.isupper() and x.isalpha())
            or x.casefold().endswith(GROUP_ENDS)  # a group of countries: no city either
            for x in surface
        ],
        bool,
    )
    chain[sel[listable]] = (via == "name") | short
    for k, i in enumerate(sel.tolist()):
        if mask[i] or i == 0 or codes[i - 1] != codes[i] or not mask[i - 1]:
            continue
        gap = toks[i] - toks[i - 1] - n_tok[i - 1]
        if gap == 1 and p1[k] == "," and not chain[i - 1]:
            # "in Hanoi, Vietnam": a capital (an alias) and its country; not "… in Kuala
            # Lumpur, Malaysia has confirmed." (the country speaks; wave 20, set 85)
            mask[i] = (
                ctx.norm(codes[i : i + 1], toks[i : i + 1] + n_tok[i : i + 1])[0]
                not in _COUNTRY_VERBS
            )
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
    and a name followed by a word of :data:`NOT_ACTOR_AFTER` ("South China Sea", "US$5").
    An acronym of four or five letters written as a capitalised word is the house style of
    many papers ("Asean", "Nato"; held-out set 7) and counts, unless the same document also
    writes the word in lower case (a word, not the acronym)."""
    if named.empty:
        return np.zeros(0, bool)
    # each distinct (pattern, surface) pair is judged once; pairs by integer codes (a
    # missing pattern or surface is "")
    pat_codes, pat_uniq = pd.factorize(named["pattern"])
    surf_codes, surf_uniq = pd.factorize(named["matched"])
    pat_str = np.append(np.asarray(pat_uniq, dtype=object), "")
    surf_str = np.append(np.asarray(surf_uniq, dtype=object), "")
    n_surf = len(surf_uniq) + 1
    codes, pairs = pd.factorize((pat_codes.astype(np.int64) + 1) * n_surf + surf_codes + 1)
    uniq_pat = pat_str[pairs // n_surf - 1]
    uniq_surf = surf_str[pairs % n_surf - 1]
    bad = np.array(
        [
            sum(ch.isalpha() for ch in a) <= 5 and a.isupper() and any(ch.islower() for ch in s)
            for a, s in zip(uniq_pat, uniq_surf, strict=True)
        ],
        bool,
    )
    styled = np.array(
        [
            b and s.isalpha() and len(s) >= 4 and s == s.capitalize()
            for b, s in zip(bad, uniq_surf, strict=True)
        ],
        bool,
    )
    out = bad[codes] if len(pairs) else np.zeros(len(named), bool)
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    if styled.any():
        rows = np.flatnonzero(styled[codes])
        words = [s.lower() for s in uniq_surf[styled]]
        lower = ctx.tok_types.get_indexer(words)
        used = set()
        if (lower >= 0).any():
            at = rows_with(ctx.tok_codes, lower, len(ctx.tok_types))
            used = set(
                zip(
                    ctx.doc_of(at).tolist(),
                    type_strings(ctx.tok_types, ctx.tok_codes[at]),
                    strict=True,
                )
            )
        low = surf_str[surf_codes[rows]]
        out[rows] = [(int(d), w.lower()) in used for d, w in zip(doc[rows], low, strict=True)]
    end = named["tok"].to_numpy().astype(np.int64) + named["n_tok"].to_numpy().astype(np.int64)
    after = ctx.norm_in(doc, end, NOT_ACTOR_AFTER | _OUTLET_POSSESSIVES)
    # "Sri Lanka's $2.9 billion bailout": the country's money, not "US$" (held-out set 13)
    i = np.flatnonzero(after)
    if len(i):
        after[i] &= ~(
            named["matched"].iloc[i].astype(str).str.endswith(("'s", "’s")).to_numpy()
            & ctx.norm_in(doc[i], end[i], "$")
        )
    # "which also uses the abbreviation SPP", "known by the acronym AGO": the word, not the
    # body (wave 23, sets 114 and 118: both references leave it uncoded)
    tok = named["tok"].to_numpy().astype(np.int64)
    c1 = ctx.codes(doc, tok - 1)
    named_word = ctx.word_table(_WORD_NOUNS)[c1]
    # a hashtag or a handle: "#NoHidingPlace #DOJ", "@DOJPH" (wave 28, held-out set 168): a
    # post's topic or account, not the actor named in a sentence
    tagged = ctx.word_table(frozenset({"#", "@"}))[c1]
    i = np.flatnonzero(tagged)
    if len(i):
        tagged[i] = ctx.attached(doc[i], tok[i])
    # the forms of waves 30-31, looked at only where the word before can open one
    named_form = np.zeros(len(named), bool)
    i = np.flatnonzero(ctx.word_table(_FORM_LEADS)[c1])
    if len(i):
        named_form[i] = _named_forms(ctx, doc[i], tok[i], end[i])
    return out | after | named_word | tagged | named_form


def _named_forms(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Names that are no actor (waves 30-31): 'a "one China" policy' (a policy's name; sets 122
    and 172 leave it uncoded); "Hong Kong (China)" (a territory's qualifier, set 174); "No
    single AGC can solve that" (any such body; sets 52, 54 and 83); a picture's credit, "|
    Photo from the Bureau of Immigration", "(Photo courtesy of the Office of the Attorney
    General)", "(Supplied: …)" (sets 178, 180, 184; the credit's word capitalised, not "painted
    a picture of Cambodia"); a central bank named for its country, "Bank Indonesia" (set
    178)."""
    policy = ctx.norm_in(doc, tok - 1, "one") & (
        ctx.norm_in(doc, end, "policy")
        | (ctx.norm_in(doc, end, _QUOTE_MARKS) & ctx.norm_in(doc, end + 1, "policy"))
    )
    territory = (
        ctx.norm_in(doc, tok - 1, "(")
        & ctx.norm_in(doc, tok - 2, _TERRITORIES)
        & ctx.norm_in(doc, end, ")")
    )
    generic = ctx.norm_in(doc, tok - 1, "single") & ctx.norm_in(doc, tok - 2, "no")
    at = tok - ctx.norm_in(doc, tok - 1, "the")
    credit = (
        (ctx.norm_in(doc, at - 1, _CREDIT_LINKS) & ctx.norm_in(doc, at - 2, _CREDIT_WORDS))
        | (ctx.norm_in(doc, at - 1, ":") & ctx.norm_in(doc, at - 2, "supplied"))
    ) & ctx.capitalised(doc, at - 2)
    bank = ctx.norm_in(doc, tok - 1, "bank") & ctx.capitalised(doc, tok - 1)
    return policy | territory | generic | credit | bank


#: Verbs of a handover whose "over to X" is where the person goes.
_HAND_VERBS = frozenset({"handed", "hand", "hands", "handing"})
#: A correspondent's verbs before the place they report from.
_REPORTS = frozenset({"reports", "reporting", "reported"})
#: Papers a country issues to a person: "passports from Cambodia" (where they come from).
_TRAVEL_PAPERS = frozenset({"passport", "passports", "citizenship", "visa", "visas"})
#: Verbs of leaving whose "for X" is a destination: "left for the United Arab Emirates".
_DEPARTED = frozenset({"left", "leave", "leaves", "leaving", "departed", "departs", "bound"})
#: "Photo from …", "courtesy of …": the words before a picture's credit.
_CREDIT_LINKS = frozenset({"from", "of", "by"})
_CREDIT_WORDS = frozenset({"photo", "photos", "courtesy", "image", "images", "picture"})
#: Closing quotation marks between a name and a noun: 'a "one China" policy'.
_QUOTE_MARKS = frozenset({'"', "”", "'", "’"})
#: Words right before a name that may open a form of :func:`_named_forms`.
_FORM_LEADS = frozenset({"one", "(", "single", "the", "bank", "from", "of", "by", ":"})
#: Territories a list qualifies with their state in brackets: "Hong Kong (China)".
_TERRITORIES = frozenset({"kong", "macao", "macau", "taiwan"})
#: Nouns after which a name is the word itself: "the abbreviation SPP"
_WORD_NOUNS = frozenset({"abbreviation", "abbreviations", "acronym", "acronyms", "initials"})


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
    actor = pd.factorize(named["actor_id"])[0]  # codes: only equality of neighbours matters
    role = (named["via"] == "role").to_numpy(bool)
    same_next = np.zeros(len(named), bool)
    same_next[:-1] = (
        (codes[1:] == codes[:-1]) & (actor[1:] == actor[:-1]) & (tok[1:] == end[:-1] + 1)
    )
    comma_after = ctx.norm_in(codes, end, ",")
    before = np.zeros(len(named), bool)
    before[1:] = same_next[:-1] & comma_after[:-1]  # the name, then ", the title"
    after = same_next & comma_after  # "the title, " then the name
    return role & (before | after)


# -- wave 3 ter (held-out set 5): "X's Y" names X and the organisation Y ------------------------
_POSSESSIVE = ("'s", "’s")


def possessive_mentions(
    tokens: pd.DataFrame, named: pd.DataFrame, act: Actors, fold_case: bool,
    fold_diacritics: bool, ctx: TokenContext,
) -> pd.DataFrame:  # fmt: skip
    """ "X's Y" is a mention of X and of the organisation Y (held-out set 5):

    * an alias that starts with another actor's name in the possessive ("Brazil's central
      bank", an alias of the Central Bank of Brazil) is split into a mention of that actor
      ("Brazil's") and one of the organisation ("central bank");
    * a role "the Y" of an organisation written "X's Y" after its affiliation X ("Nigeria's
      electoral commission" for INEC, whose role is "the electoral commission") is a mention
      of the organisation, on the words of Y, when no mention covers them.

    ``named`` is sorted by document and start; returns it with these changes, in that order.
    """
    if named.empty:
        return named
    key = ("possessive spellings", fold_case, fold_diacritics)
    spelled = act._cache.get(key)
    if spelled is None:
        p = act.patterns()
        p = p[p["condition"].eq("none") & p["via"].isin(("name", "alias"))]
        seen: dict[str, set[tuple[str, str]]] = {}
        for actor_id, via, pattern in zip(p["actor_id"], p["via"], p["pattern"], strict=True):
            if not pattern.startswith("regex:") and "*" not in pattern and "?" not in pattern:
                f = fold(pattern.strip(), case=fold_case, diacritics=fold_diacritics)
                seen.setdefault(f, set()).add((actor_id, via))
        spelled = {k: next(iter(v)) for k, v in seen.items() if len({a for a, _ in v}) == 1}
        act._cache[key] = spelled
    named = _split_possessive_aliases(tokens, named, spelled, fold_case, fold_diacritics, ctx)
    return _possessive_roles(tokens, named, act, ctx)


def _split_possessive_aliases(
    tokens: pd.DataFrame, named: pd.DataFrame, spelled: dict[str, tuple[str, str]],
    fold_case: bool, fold_diacritics: bool, ctx: TokenContext,
) -> pd.DataFrame:  # fmt: skip
    n_tok = named["n_tok"].to_numpy().astype(np.int64)
    cand = np.flatnonzero(
        (n_tok >= 2)
        & named["via"].isin(("name", "alias")).to_numpy()
        & named["matched"].astype(str).str.contains("['’]s ", regex=True).to_numpy()
    )
    if not len(cand):
        return named
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    # the actor and the words of the candidates only (filled at ``cand``)
    actor = np.full(len(named), None, dtype=object)
    actor[cand] = named["actor_id"].iloc[cand].to_numpy(object)
    matched = np.full(len(named), None, dtype=object)
    matched[cand] = named["matched"].iloc[cand].astype(str).to_numpy(object)
    # what to split depends only on the words matched and the actor: look at each pair once
    seen: dict[tuple[str, str], tuple[int, str, str, str] | None] = {}
    hits: list[tuple[int, int, str, str, str]] = []  # (row, tokens of X's, actor, via, X)
    for i in cand.tolist():
        pair = (matched[i], actor[i])
        if pair not in seen:
            words = matched[i].split()
            k = next((j for j, w in enumerate(words[:-1]) if w.endswith(_POSSESSIVE)), None)
            head = "" if k is None else " ".join([*words[:k], words[k][:-2]])
            hit = spelled.get(fold(head, case=fold_case, diacritics=fold_diacritics))
            ok = k is not None and hit is not None and hit[0] != actor[i]
            seen[pair] = (k + 1, hit[0], hit[1], head) if ok and hit and k is not None else None
        found = seen[pair]
        # whitespace words are the tokens only for names of plain words ("Brazil's central bank")
        if found is not None and len(matched[i].split()) == n_tok[i]:
            hits.append((i, *found))
    if not hits:
        return named
    at = np.array([h[0] for h in hits])
    n_head = np.array([h[1] for h in hits], np.int64)
    r_last = ctx.rows(doc[at], tok[at] + n_head - 1)
    r_next = ctx.rows(doc[at], tok[at] + n_head)
    cut = tokens["end"].to_numpy()[r_last].astype(np.int64)
    s1 = tokens["start"].to_numpy()[r_next].astype(np.int64)
    s0 = named["start"].to_numpy()[at].astype(np.int64)
    text = matched[at]
    country = named.iloc[at].copy()
    country["actor_id"] = [h[2] for h in hits]
    country["via"] = [h[3] for h in hits]
    country["key"] = [f"{h[2]}|{h[3]}" for h in hits]
    country["pattern"] = [h[4] for h in hits]
    country["n_tok"] = n_head
    country["end"] = cut
    country["matched"] = [x[: b - a] for x, a, b in zip(text, s0, cut, strict=True)]
    rest = named.iloc[at].copy()
    rest["start"], rest["tok"] = s1, tok[at] + n_head
    rest["n_tok"] = n_tok[at] - n_head
    rest["matched"] = [x[b - a :] for x, a, b in zip(text, s0, s1, strict=True)]
    keep = np.ones(len(named), bool)
    keep[at] = False
    out = pd.concat([named.loc[keep], country, rest], ignore_index=True)
    return out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def _possessive_roles(
    tokens: pd.DataFrame, named: pd.DataFrame, act: Actors, ctx: TokenContext
) -> pd.DataFrame:
    t = act.table
    roles = [
        (aff, actor_id, ro.lower().split()[1:])
        for actor_id, typ, aff, rs in zip(t["id"], t["type"], t["affiliation"], t["roles"], strict=True)
        if typ == "organisation" and isinstance(aff, str)
        for ro in rs
        if ro.lower().startswith("the ") and len(ro.split()) > 1 and not ro.startswith("regex:")
    ]  # fmt: skip
    if not roles:
        return named
    affs = named["actor_id"].isin([r[0] for r in roles]).to_numpy(bool)
    if not affs.any():
        return named
    sel_all = np.flatnonzero(affs)
    actor = np.full(len(named), None, dtype=object)  # filled at ``sel_all``
    actor[sel_all] = named["actor_id"].iloc[sel_all].to_numpy(object)
    poss = named["matched"].iloc[sel_all].astype(str).str.endswith(_POSSESSIVE).to_numpy()
    sel_all = sel_all[poss]
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    end = named["tok"].to_numpy().astype(np.int64) + named["n_tok"].to_numpy().astype(np.int64)
    width = int(ctx.tok.max(initial=0)) + 8
    cov = covered_keys(named, width)
    at: list[np.ndarray] = []
    who: list[str] = []
    size: list[int] = []
    free = np.ones(len(named), bool)
    for aff, actor_id, words in roles:
        sel = sel_all[(actor[sel_all] == aff) & free[sel_all]]
        if not len(sel):
            continue
        ok = np.ones(len(sel), bool)
        for j, w in enumerate(words):
            ok &= ctx.norm(doc[sel], end[sel] + j) == w
            ok &= ~in_sorted(doc[sel] * width + end[sel] + j, cov)
        free[sel[ok]] = False
        at.append(sel[ok])
        who += [actor_id] * int(ok.sum())
        size += [len(words)] * int(ok.sum())
    if not who:
        return named
    i = np.concatenate(at)
    n = np.array(size, np.int64)
    r0, r1 = ctx.rows(doc[i], end[i]), ctx.rows(doc[i], end[i] + n - 1)
    row = named.iloc[i].copy()
    row["start"] = tokens["start"].to_numpy()[r0].astype(np.int64)
    row["end"] = tokens["end"].to_numpy()[r1].astype(np.int64)
    row["tok"], row["n_tok"] = end[i], n
    row["actor_id"], row["via"] = who, "role"
    row["key"] = [f"{a}|role" for a in who]
    tok_codes = tokens["token"].cat.codes.to_numpy()
    row["matched"] = [
        " ".join(str(w) for w in type_strings(ctx.tok_types, tok_codes[a : b + 1]))
        for a, b in zip(r0, r1, strict=True)
    ]
    row["pattern"] = row["matched"]
    out = pd.concat([named, row], ignore_index=True)
    return out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def inside_name_mask(
    named: pd.DataFrame, ctx: TokenContext, countries: frozenset[str] | set[str] = frozenset()
) -> np.ndarray:
    """True for matches inside the proper name of something untabled (held-out set 6): a role
    written capitalised before another capitalised word ("at the Police Cantonment Complex" is
    not "the police"), and a country between a capitalised word (not a sentence's first) and a
    parenthetical acronym ("Statistics Indonesia (BPS)", an untabled agency, is not Indonesia;
    ``countries``: the actor ids this applies to)."""
    if named.empty:
        return np.zeros(0, bool)
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    out = np.zeros(len(named), bool)
    role = np.flatnonzero((named["via"] == "role").to_numpy(bool))
    if len(role):
        d, e = doc[role], end[role]
        out[role] = (
            ctx.capitalised(d, e - 1)
            & ctx.capitalised(d, e)
            & ~np.isin(ctx.norm(d, e), list(_STOPS | {"(", ",", "-"}))
        )
    cty = np.flatnonzero(named["actor_id"].isin(countries).to_numpy())
    if len(cty):
        d, t, e = doc[cty], tok[cty], end[cty]
        width = int(ctx.tok.max(initial=0)) + 8
        in_m = in_sorted(d * width + t - 1, covered_keys(named, width))
        acr = ctx.upper(d, e + 1)
        out[cty] = (
            (ctx.norm(d, e) == "(")
            & acr
            & (ctx.norm(d, e + 2) == ")")
            & ctx.capitalised(d, t - 1)
            & ~ctx.sentence_start(d, t - 1)
            & ~in_m
            & ~np.isin(ctx.norm(d, t - 1), ["the", "of"])
        )
    return out


_RELEASE_HEADS = frozenset({"press", "media", "news"})


def release_block_mask(named: pd.DataFrame, ctx: TokenContext, tokens: pd.DataFrame) -> np.ndarray:
    """True for mentions in a press release's letterhead or contact block (held-out set 6): in
    the paragraph that opens with the heading "PRESS RELEASE" / "Media Release" (not "Press
    release:") — "PRESS RELEASE / Ministry of Foreign Affairs of the Republic of Indonesia /
    No. 045/PR/V/2026" — and after "contact:" in its sentence ("For further information,
    please contact: Directorate of Information and Media, Ministry of …")."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    rel = ctx.norm_types.get_indexer(["release", "contact", "contacts"])
    if (rel < 0).all():
        return out
    cand = rows_with(ctx.norm_codes, rel, len(ctx.norm_types))
    if not len(cand):
        return out
    starts, ends = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    dcodes = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    # the documents of the token rows: only the candidates' are needed
    d = ctx.doc_of(cand)
    t = ctx.tok[cand].astype(np.int64)
    release = ctx.norm_in(d, t, "release")
    colon = ctx.norm_in(d, t + 1, ":")
    head = (
        release
        & ctx.norm_in(d, t - 1, _RELEASE_HEADS)
        & ctx.sentence_start(d, t - 1)
        & ctx.capitalised(d, t - 1)
        & ctx.capitalised(d, t)
        & ~colon
    )
    contact = ~release & colon
    keep = head | contact
    if not keep.any():
        return out
    # the heading's sentence; where a single line break ended it (text with one sentence a
    # line), also the next line (the letterhead; not a headline after a blank line); "contact:"
    # likewise with the line after it (the contact's name; an address below it may still name
    # an actor, as held-out set 2 coded "ASEAN Secretariat" there)
    d, t, head = d[keep], t[keep], head[keep]
    sent = ctx.sent[cand[keep]]
    last = ctx.rows(d, np.where(head, t, t + 1))
    after = ctx.rows(d, np.where(head, t + 1, t + 2))
    ok = (after >= 0) & (last >= 0)
    alone = np.zeros(len(d), bool)
    alone[ok] = (ctx.sent[after[ok]] != sent[ok]) & (starts[after[ok]] - ends[last[ok]] == 1)
    span = np.where(alone, 2, 1)
    # "contact:" opens a block that runs to the first blank line: the contact's name, office,
    # address, phone (held-out set 7; set 2 had coded an address line below as a mention)
    for k in np.flatnonzero(~head):
        span[k] = _contact_lines(ctx, starts, ends, int(d[k]), int(t[k]))
    anchors: dict[int, list[tuple[int, int, int]]] = {}
    for a, b, c, n in zip(d, sent, t, span, strict=True):
        anchors.setdefault(int(a), []).append((int(b), int(c), int(n)))
    mtok = named["tok"].to_numpy().astype(np.int64)
    rows = ctx.rows(dcodes, mtok)
    for i in np.flatnonzero((rows >= 0) & np.isin(dcodes, d)):
        ms = int(ctx.sent[rows[i]])
        out[i] = any(
            0 <= ms - a_sent < span and mtok[i] > a_tok
            for a_sent, a_tok, span in anchors[int(dcodes[i])]
        )
    return out


def letterhead_mask(
    named: pd.DataFrame, ctx: TokenContext, organisations: set[str], countries: set[str]
) -> np.ndarray:
    """True for a tabled organisation's name that makes up a line (a sentence) of its own,
    alone or with "of [the] COUNTRY" (both rows): the letterhead or the signature of the body's
    own release, not an actor of the story ("ATTORNEY-GENERAL'S CHAMBERS" over "For media
    queries, please contact:", "Union Attorney General's Office" over "Press Release No.
    (4/2016)", "Supreme People's Procuratorate of the People's Republic of China" over the
    headline). Wave 30: the references of sets 18-176 leave it uncoded 9 times of 9 (sets 30,
    59, 64, 142, 170); an event's name alone on a line (an entry's heading, set 76) stays.

    Example:
        >>> from analysis.text import tokenize
        >>> from analysis.actors import find_mentions
        >>> from analysis.actor_table import Actors
        >>> actors = Actors.from_records([{"id": "agc", "type": "organisation",
        ...     "name": "Attorney-General's Chambers"}])
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": [
        ...     "The Attorney-General's Chambers signed the MoU.\\n\\nATTORNEY-GENERAL'S "
        ...     "CHAMBERS\\n\\nFor media queries, please contact: Ms Tan"]})
        >>> find_mentions(tokenize(docs), actors)["start"].tolist()
        [4]
    """
    out = np.zeros(len(named), bool)
    if named.empty or not organisations:
        return out
    doc, tok, end = mention_frame(named)
    org = named["actor_id"].isin(list(organisations)).to_numpy()
    i = np.flatnonzero(org)
    i = i[ctx.sentence_start(doc[i], tok[i])]
    if not len(i):
        return out
    alone = _line_ends(ctx, doc[i], end[i])
    out[i[alone]] = True
    # "… of [the] COUNTRY" closing the line: the body's country goes with it
    i = i[~alone]
    i = i[i + 1 < len(named)]
    b = i + 1
    the = ctx.norm_in(doc[i], end[i] + 1, "the")
    ok = (
        (doc[b] == doc[i])
        & named["actor_id"].iloc[b].isin(list(countries)).to_numpy()
        & ctx.norm_in(doc[i], end[i], "of")
        & (tok[b] == end[i] + 1 + the)
        & _line_ends(ctx, doc[b], end[b])
    )
    out[i[ok]] = out[b[ok]] = True
    return out


def _contact_lines(ctx: TokenContext, starts: np.ndarray, ends: np.ndarray, d: int, t: int) -> int:
    """Sentences of the contact block opened by "contact:" at token ``t`` of document ``d``:
    its own and each next short one (a line of a name, an office, an address: at most 20
    tokens), up to the first blank line (two characters or more between two tokens) and at
    most 12."""
    rows = ctx.rows(np.full(400, d), np.arange(t, t + 400))
    rows = rows[: int(np.argmin(rows >= 0))] if (rows < 0).any() else rows
    if len(rows) < 2:
        return 1
    gap = starts[rows[1:]] - ends[rows[:-1]]
    cut = np.flatnonzero(gap >= 2)
    rows = rows[: cut[0] + 1] if len(cut) else rows
    sents, sizes = np.unique(ctx.sent[rows], return_counts=True)
    # the anchor's sentence, then each line up to the first long one
    long_ = np.flatnonzero(sizes[1:] > 20)
    n = 1 + (long_[0] if len(long_) else len(sents) - 1)
    return int(min(n, 12))


#: Honorifics between a title and a name: "Prosecutor General of the Office of the Supreme
#: People's Prosecutor Mr Khamsouk Vongsa".
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "madam", "mdm", "sir", "dame",
})  # fmt: skip
