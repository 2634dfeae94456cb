"""Place and proper-name forms of held-out set 9 (issue 12, wave 5), used by
:func:`analysis.actors.find_mentions` next to :mod:`analysis.mention_rules` and
:mod:`analysis.place_rules`.

:func:`place_forms_mask` (for actors with place rules, countries by default) drops a country
that only locates something: "in Bokeo province, Laos", "in Manila, the Philippines", lists of
cities after "in" ("in Nairobi, Mombasa and London"), "expanded into Paraguay and Bolivia",
"across the border into Laos", "where Laos, Thailand and Myanmar meet", "travels on to
Ghana", "hands over 17 fugitives to China", "five Myanmar border towns", "moving between the
two countries and Cambodia", a meeting's city after a person ("received Ambassador X in Hà
Nội"), "the Bank of Thailand", "Axis My India"; and, for an organisation
that is also a territory, "users in the EU".

The name forms (an organisation's name completed by its country, quoted themes, bylines,
transcript labels, shared spellings after an adjective) are in :mod:`analysis.name_forms`.

Every rule looks at the words around the candidate mentions only, as integer codes of the
tokens table's ``norm`` column; strings are built for the few rows left after the cheap tests.
Those look-ups (:func:`analysis.token_context.code_table`,
:func:`analysis.token_context.codes_at`, ...) are in :mod:`analysis.token_context`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.dates import MONTH_NAMES
from analysis.place_words import NAME_HEADS_BEFORE_OF
from analysis.token_context import (
    TokenContext,
    code_table,
    codes_at,
    codes_before,
    covered_keys,
    in_sorted,
    in_table,
    mention_frame,
    narrow,
)

__all__ = [
    "ADMIN_NOUNS",
    "INTO_VERBS",
    "MEET_VERBS",
    "TRAVEL_VERBS",
    "HANDOVER_VERBS",
    "HANDED_PEOPLE",
    "BORDER_ACTORS",
    "BETWEEN_MOTION",
    "MEETING_VERBS",
    "TERRITORY_NOUNS",
    "NAME_HEADS_BEFORE_OF",
    "MOVER_NOUNS",
    "TRIP_NOUNS",
    "REACH_VERBS",
    "NAME_PREFIXES",
    "VENUE_HEADS",
    "REGION_NOUNS",
    "place_forms_mask",
    "possessive_region_ends",
    "place_rows",
    "continue_lists",
]

#: Nouns of an administrative area between a place name and its country: "in Bokeo province,
#: Laos", "in Shan State, Myanmar".
ADMIN_NOUNS: frozenset[str] = frozenset({
    "province", "state", "region", "district", "county", "prefecture", "municipality", "city",
    "island", "islands", "department", "governorate", "oblast", "division", "commune",
    "township", "territory", "canton", "emirate",
})  # fmt: skip
#: Verbs (and nouns) of spreading or moving whose "into X" is a goal: "expanded into Paraguay",
#: "money coming into London" (with :data:`analysis.place_rules.INFLOW_VERBS`).
INTO_VERBS: frozenset[str] = frozenset({
    "expand", "expands", "expanded", "expanding", "expansion", "move", "moves", "moved",
    "moving", "spread", "spreads", "spreading", "come", "comes", "came", "coming", "flow",
    "flows", "flowed", "flowing", "venture", "ventured", "venturing", "push", "pushed",
    "pushing", "crept", "creep", "creeping", "seep", "seeped", "seeping", "sneaked", "snuck",
    "slipped", "brought", "bring", "bringing", "imported", "funnelled", "funneled",
    "channelled", "channeled", "laundered", "travelled", "traveled", "went", "go", "going",
    "driven", "drove", "sailed", "walked", "strayed", "incursion", "incursions", "entry",
    # "pushed operations across the border into Myanmar and Laos" (held-out set 36)
    "border", "frontier",
})  # fmt: skip
#: Nouns whose "into X" is what is looked into, not a destination: "an inquiry into Cambodia".
_INQUIRY_NOUNS = frozenset({
    "inquiry", "inquiries", "investigation", "investigations", "probe", "probes", "insight",
    "insights", "research", "study", "studies", "look", "looked", "looking", "review",
})  # fmt: skip
#: Verbs after "where <places>" that make them a meeting point of borders: "where Laos,
#: Thailand and Myanmar meet" (held-out set 36).
MEET_VERBS: frozenset[str] = frozenset({"meet", "meets", "converge", "converges", "intersect"})
#: Verbs of travelling whose "to X" (also "on to", "back to") is a destination: "Pryce travels
#: on to Ghana", "heads to Japan"; "leaves for X", "bound for X".
TRAVEL_VERBS: frozenset[str] = frozenset({
    "travel", "travels", "travelled", "traveled", "travelling", "traveling", "head", "heads",
    "headed", "heading", "fly", "flies", "flying", "journeyed", "journeys", "returns",
    "return", "returning", "continues", "continued", "proceeds", "proceeded", "relocated",
    "relocate", "relocates", "emigrated", "emigrate", "migrated", "sailed", "sail", "drove",
    "drive", "escaped", "fleeing", "moved", "moves", "arrives", "arrived", "arriving",
    "move", "moving",  # "the gangs were moving to Cambodia and Laos" (held-out set 12)
    # "the problem will spread to Cambodia and Laos" (wave 25)
    "spread", "spreads", "spreading", "shift", "shifts", "shifted", "shifting",
    "walk", "walks", "walked", "walking",  # "I wanted to walk to Kathmandu" (set 14)
})  # fmt: skip
_FOR_VERBS = frozenset({
    "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing",
    "bound", "headed", "heads", "set", "sets", "sailed", "flights",
})  # fmt: skip
_ON = frozenset({"on", "back", "onward", "onwards", "home", "over", "off", "out", "away"})
#: People and trips whose "to [the] X" / "from [the] X" is a destination or an origin:
#: "travellers from the UK", "Travellers to Germany", "flights to Japan" (held-out set 11).
MOVER_NOUNS: frozenset[str] = frozenset({
    "travellers", "travelers", "traveller", "traveler", "passengers", "passenger", "visitors",
    "visitor", "tourists", "tourist", "arrivals", "arrival", "flights", "flight", "departures",
    "holidaymakers", "commuters", "pilgrims",
    # "stepped off a chartered plane from Kuala Lumpur" (wave 26, set 144)
    "plane", "planes", "jet", "jets", "aircraft",
})  # fmt: skip
#: Groups whose "to [the] X" only (not "from X": "a delegation from China" is sent by it) is
#: a destination: "led a delegation to Manila" (visits and trips:
#: :data:`analysis.place_rules.DESTINATION_NOUNS`, which keeps "a working visit to X").
TRIP_NOUNS: frozenset[str] = frozenset({"delegation", "delegations"})
#: Groups whose "to X" is a destination after an indefinite article: "led a working group to
#: Vientiane", "sent a team to Beijing" (wave 26, sets 140 and 144); not "extend the team to
#: Myanmar and Cambodia", whose countries would join it (set 35).
GROUP_TRIP_NOUNS: frozenset[str] = frozenset({"team", "group", "squad", "mission"})
#: Verbs whose object right after them is a destination: "to reach Australia, Japan and the
#: Philippines".
REACH_VERBS: frozenset[str] = frozenset({"reach", "reaches", "reaching", "reached"})
#: Nouns of a part of a country after its possessive: "the EU's Schengen area", "Zambia's
#: copperbelt", "China's Guangdong province" (with :data:`ADMIN_NOUNS`), when the noun ends the
#: phrase ("China's coast guard", "China's State Council" are bodies).
REGION_NOUNS: frozenset[str] = ADMIN_NOUNS | frozenset({
    "area", "areas", "zone", "zones", "coast", "coastline", "coasts", "north", "south", "east",
    "west", "northeast", "northwest", "southeast", "southwest", "interior", "hinterland",
    "heartland", "countryside", "mainland", "copperbelt", "highlands", "lowlands", "delta",
    "peninsula", "borderlands", "capital",
})  # fmt: skip
# lower-case words of where before a region noun: "Myanmar's border areas", "China's
# southern provinces", "Thailand's remote north"
_REGION_MODIFIERS = frozenset({
    "border", "frontier", "northern", "southern", "eastern", "western", "central", "coastal",
    "rural", "remote", "mountainous", "northeastern", "northwestern", "southeastern",
    "southwestern", "far", "lawless", "restive",
})  # fmt: skip
#: Capitalised words before a place that make another proper name of it: a region ("in Metro
#: Manila", "Greater London") or an outlet ("told Radio New Zealand").
NAME_PREFIXES: frozenset[str] = frozenset({"metro", "greater", "radio", "television"})
#: Capitalised heads that end a venue's name opened by a country: "held at the Myanmar
#: International Convention Centre", "the Vietnam National Convention Center".
VENUE_HEADS: frozenset[str] = frozenset({
    # not "park", "house", "square": surnames and bodies ("the Republic of Korea Park Ji-hoon",
    # set 4; "the Korea House")
    "centre", "center", "hall", "hotel", "stadium", "arena", "airport", "palace", "pavilion",
    "theatre", "theater", "auditorium", "fairground", "fairgrounds",
})  # fmt: skip
#: Verbs of handing people over whose "to X" is where the people go, when the object is
#: people (:data:`HANDED_PEOPLE`): "hands over 17 fugitives to China", "returned 38 Vietnamese
#: fugitives to Việt Nam"; "returning stolen assets to Nigeria" names a recipient (a party).
HANDOVER_VERBS: frozenset[str] = frozenset({
    "hand", "hands", "handed", "handing", "handover", "handovers", "return", "returns",
    "returned", "returning", "surrender", "surrendered", "surrenders", "repatriate",
    "repatriates", "repatriating", "deliver", "delivered", "delivers", "turned", "turns",
    "escort", "escorted", "escorts", "expel", "expelled", "expels", "send", "sent", "sends",
})  # fmt: skip
#: People as the object of such a verb.
HANDED_PEOPLE: frozenset[str] = frozenset({
    "fugitive", "fugitives", "suspect", "suspects", "criminals", "criminal", "prisoners",
    "prisoner", "detainees", "detainee", "convicts", "inmates", "offenders", "nationals",
    "citizens", "workers", "victims", "migrants", "people", "persons", "men", "women",
    "children", "refugees", "deportees", "defectors", "individuals", "members", "fishermen",
    "fishers", "sailors", "crew", "tourists", "students", "captives", "hostages", "illegals",
    "immigrants", "asylum-seekers", "returnees", "trafficking", "smugglers", "traffickers",
    # "hand over alleged fraud boss to China", "handed over a Chinese activist to China" (wave 18)
    "boss", "bosses", "activist", "activists", "dissident", "dissidents", "businessman",
    "businessmen", "kingpin", "kingpins", "ringleader", "ringleaders", "mastermind",
    "masterminds", "scammers", "fraudsters", "gangsters", "national", "man", "woman",
    # "the 15 defendants were handed over to Vietnam" (wave 19, court reports)
    "defendant", "defendants", "accused", "perpetrators", "operators",
})  # fmt: skip
# not "borders": "Peru borders Chile" is the verb (tests/test_actors_wave4b.py)
_BORDER = frozenset({"border", "frontier", "borderland", "borderlands"})
#: Words after "X border" that make it the country's body or a relation, not a place: "Myanmar
#: border guards", "the Nepal border dispute".
BORDER_ACTORS: frozenset[str] = frozenset({
    "guard", "guards", "police", "force", "forces", "patrol", "patrols", "official",
    "officials", "officers", "authorities", "authority", "agency", "troops", "army",
    "soldiers", "control", "dispute", "disputes", "talks", "agreement", "agreements", "treaty",
    "commission", "committee", "management", "cooperation", "policy", "row", "tensions",
    "clash", "clashes", "war", "conflict", "guarantee", "minister", "ministry", "service",
})  # fmt: skip


def compound_border_mask(named: pd.DataFrame, ctx: TokenContext, pair: np.ndarray) -> np.ndarray:
    """True for the two countries of a hyphenated pair (``pair``: :func:`analysis.compounds.
    bilateral_mask`) before "border" or "frontier": "on the Cambodia-Thailand border",
    "across the Vietnam-China border" locate something, as "the Thai-Myanmar border" does
    (wave 23: sets 114 and 117 leave 5 of 5 uncoded); not "the China-India border dispute"
    (a word of :data:`BORDER_ACTORS` after it)."""
    out = np.zeros(len(named), bool)
    i = np.flatnonzero(pair)
    if not len(i):
        return out
    doc, _, end = mention_frame(named.iloc[i])
    out[i] = ctx.norm_in(doc, end, _BORDER) & ~ctx.norm_in(doc, end + 1, BORDER_ACTORS)
    return out


#: Verbs and nouns of moving between places, and of what lies between them: "criminals moving
#: between the two countries and Cambodia", "flights between Hanoi and Beijing", "the border
#: between Laos and Thailand" (not "trade" or "talks": "trade between Viet Nam and Laos" names
#: parties, set 9).
BETWEEN_MOTION: frozenset[str] = frozenset({
    "move", "moves", "moved", "moving", "travel", "travels", "travelled", "traveled",
    "travelling", "traveling", "shuttle", "shuttles", "shuttled", "shuttling", "commute",
    "commutes", "commuting", "flow", "flows", "flowing", "flowed", "smuggled", "trafficked",
    "ferried", "ferrying", "crossing", "crossings", "flights", "flight", "routes", "route",
    "trains", "ferries", "ferry", "buses", "journeys", "trips", "migration", "migrate",
    "migrating", "drive", "driving", "sail", "sailing", "fly", "flying", "flew",
    "border", "borders", "frontier", "frontiers", "boundary", "borderlands", "bridge", "bridges",
    "railway", "railways", "rail", "road", "roads", "highway", "highways", "corridor", "waters",
    "strait", "river", "pipeline", "checkpoints",
    # venues: "has since rotated between China and ASEAN capitals" (held-out set 12)
    "rotated", "rotates", "rotate", "rotating", "alternated", "alternates", "alternating",
    # where a country lies: "a landlocked state sandwiched between China, Vietnam, …" (wave
    # 24, set 122: the references leave the five uncoded)
    "sandwiched", "wedged", "squeezed", "nestled", "lies", "lie", "lying", "located",
    "situated",
})  # fmt: skip
_BETWEEN_FILL = frozenset({
    "the", "two", "three", "four", "both", "countries", "nations", "neighbours", "neighbors",
    "and", ",", "its", "their", "cities", "capitals",
})  # fmt: skip
#: Verbs of meeting whose "<person> in X" names where the meeting took place: "received
#: Chinese Ambassador He Weiming in Hà Nội".
MEETING_VERBS: frozenset[str] = frozenset({
    # not "met": tests/test_actors.py keeps "Võ Văn Thưởng met Lê Minh Trí in Việt Nam" a
    # mention of Vietnam (a country's name and a meeting on an equal footing)
    "received", "receives", "receive", "receiving", "hosted", "hosts", "host", "hosting",
    "welcomed", "welcomes", "welcome", "welcoming", "greeted", "greets", "interviewed",
    "accompanied", "thanked",
})  # fmt: skip
#: People and markets whose "in X" locates them also in an organisation that is a territory:
#: "92 million monthly users in the EU", "companies in ASEAN".
TERRITORY_NOUNS: frozenset[str] = frozenset({
    # markets only: "citizens in the armed forces" are its members
    "users", "customers", "consumers", "shoppers", "companies", "firms", "businesses",
    "investors", "households", "subscribers", "buyers", "sellers", "traders", "retailers",
    "exporters", "importers", "manufacturers", "banks", "platforms", "markets", "prices",
    "sales", "stores", "shops", "factories", "plants",
})  # fmt: skip
# a capitalised possessive word inside a brand name: "Axis My India", "Our Malaysia"
_NAME_PRONOUNS = frozenset({"my", "our", "your", "their"})
_AFTER_ACTOR = frozenset({
    "says", "said", "say", "agreed", "agrees", "will", "would", "has", "have", "had", "is",
    "was", "signed", "signs", "pledged", "pledges", "announced", "announces", "urged", "urges",
    "hosted", "hosts", "must", "should", "can", "could", "did", "does", "plans", "wants",
})  # fmt: skip
_LIST = frozenset({",", "and", "or"})
# words that no simple list of names holds
_LIST_BREAKS = frozenset({
    "the", "a", "an", "of", "to", "from", "for", "with", "by", "on", "in", "at", "near", "as",
})  # fmt: skip
# words that may follow a place at the end of its phrase
_PHRASE_END = frozenset({
    ",", ".", ";", ":", "!", "?", ")", "(", '"', "”", "'", "’", "-", "–", "—", "in", "on", "at",
    "for", "from", "to", "with", "and", "or", "since", "until", "during", "last", "this", "next",
    "where", "which", "by", "before", "after", "between", "over", "under", "as", "|", "/",
    # "… in Quanzhou, Fujian Province, the People's Republic of China yesterday." (set 26)
    "yesterday", "today", "tomorrow", "earlier", "later",
})  # fmt: skip
_STOPS = frozenset({".", "!", "?", ";", ":", '"', "“", "”", "(", ")", "that", "which", "who"})
# "the same day", "the next morning": a time phrase that may follow a place
_TIME_AFTER_THE = frozenset({"same", "next", "following", "previous", "day", "week", "morning"})


# -- places ------------------------------------------------------------------------------------


def place_rows(
    named: pd.DataFrame, place_actors: frozenset[str] | set[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The rows of ``named`` that mention ``place_actors`` and their document, first token and
    end token (:func:`mention_frame`), or None when there is none: the start of every place
    rule that looks at places only."""
    if named.empty or not place_actors:
        return None
    sel = np.flatnonzero(named["actor_id"].isin(list(place_actors)).to_numpy())
    if not len(sel):
        return None
    doc, tok, end = mention_frame(named)
    return sel, doc[sel], tok[sel], end[sel]


def place_forms_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str],
    organisations: frozenset[str] | set[str] = frozenset(),
    persons: frozenset[str] | set[str] = frozenset(),
) -> np.ndarray:  # fmt: skip
    """True for mentions of ``place_actors`` that only locate something (the set 9 forms of the
    module docstring), and for mentions of ``organisations`` after "<people or market noun> in
    [the]" (:data:`TERRITORY_NOUNS`: "users in the EU"); ``persons``: the person actors, whose
    mention before "in X" after a verb of :data:`MEETING_VERBS` makes X the meeting's place.
    ``named`` is sorted by document and start."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc_all, tok_all, end_all = mention_frame(named)
    actor = named["actor_id"]
    width = int(ctx.tok.max(initial=0)) + 8
    cov = covered_keys(named, width)
    org = (
        np.flatnonzero(actor.isin(list(organisations)).to_numpy())
        if organisations
        else np.zeros(0, np.intp)
    )
    if len(org):
        d, t = doc_all[org], tok_all[org]
        b0, b1, b2 = (codes_before(ctx, d, t, k) for k in (1, 2, 3))
        in_, the = code_table(ctx, {"in"}), code_table(ctx, {"the"})
        nouns = code_table(ctx, TERRITORY_NOUNS)
        out[org] = (in_table(b0, in_) & in_table(b1, nouns)) | (
            in_table(b0, the) & in_table(b1, in_) & in_table(b2, nouns)
        )
    sel = np.flatnonzero(actor.isin(list(place_actors)).to_numpy())
    if not len(sel):
        return out
    doc, tok, end = doc_all[sel], tok_all[sel], end_all[sel]
    poss = named["matched"].iloc[sel].astype(str).str.endswith(("'s", "’s")).to_numpy()
    here = ctx.rows(doc, tok)
    b = [codes_before(ctx, doc, tok, k, here) for k in (1, 2, 3)]
    a0, a1 = codes_at(ctx, doc, end), codes_at(ctx, doc, end + 1)
    ids = {
        w: code_table(ctx, {w}) for w in ("the", "in", "into", "to", "for", "of", ",", "between")
    }
    # a place ends its phrase ("in Manila, the Philippines, in 2026"): not before a noun or a
    # verb ("In Latin America, the American chiefs of state …") nor inside a longer name
    ends = (a0 == -1) | in_table(a0, code_table(ctx, _PHRASE_END))
    # "in Jakarta, Hanoi or Beijing the same day": a time phrase after the place (set 12)
    ends |= in_table(a0, ids["the"]) & in_table(a1, code_table(ctx, _TIME_AFTER_THE))
    mask = np.zeros(len(sel), bool)
    # "into X" after any word but an inquiry's noun: "expanded into Paraguay and Bolivia",
    # "money coming into London", "crossed the Mekong into Laos" (wave 26, set 144: the
    # references of sets 18-136 leave "into COUNTRY" uncoded 4 times of 4; before, a verb of
    # INTO_VERBS had to stand right before "into"); not "an inquiry into Cambodia", whose
    # country is what is looked into. After "into the", a verb of INTO_VERBS still must
    # ("moved into the Philippines")
    into = (
        in_table(b[0], ids["into"]) & ~in_table(b[1], code_table(ctx, _INQUIRY_NOUNS))
    ) | (
        in_table(b[0], ids["the"]) & in_table(b[1], ids["into"])
        & in_table(b[2], code_table(ctx, INTO_VERBS))
    )  # fmt: skip
    # "Pryce travels on to Ghana", "heads to Japan", "leaves for Ghana"
    tv, on = code_table(ctx, TRAVEL_VERBS), code_table(ctx, _ON)
    to0 = in_table(b[0], ids["to"])
    to1 = in_table(b[0], ids["the"]) & in_table(b[1], ids["to"])
    travel = (to0 & (in_table(b[1], tv) | (in_table(b[1], on) & in_table(b[2], tv)))) | (
        to1 & in_table(b[2], tv)
    )
    travel |= in_table(b[0], ids["for"]) & in_table(b[1], code_table(ctx, _FOR_VERBS))
    # "travellers from the UK", "Travellers to Germany", "a delegation to Manila", "to reach
    # Australia, Japan and the Philippines"
    movers, trips = code_table(ctx, MOVER_NOUNS), code_table(ctx, TRIP_NOUNS)
    fromto = ids["to"] | code_table(ctx, {"from"})
    from_to0 = in_table(b[0], fromto)
    from_to1 = in_table(b[0], ids["the"]) & in_table(b[1], fromto)
    travel |= (from_to0 & in_table(b[1], movers)) | (from_to1 & in_table(b[2], movers))
    travel |= (to0 & in_table(b[1], trips)) | (to1 & in_table(b[2], trips))
    groups, indef = code_table(ctx, GROUP_TRIP_NOUNS), code_table(ctx, {"a", "an"})
    b3 = codes_before(ctx, doc, tok, 4, here)
    travel |= to0 & in_table(b[1], groups) & (in_table(b[2], indef) | in_table(b3, indef))
    reach = code_table(ctx, REACH_VERBS)
    travel |= in_table(b[0], reach) | (in_table(b[0], ids["the"]) & in_table(b[1], reach))
    handed = _handover(ctx, doc, tok, to0 | to1)
    between = _between(ctx, doc, tok, b[0])
    # "the enclave where Laos, Thailand and Myanmar meet": a list read as one phrase
    meet = in_table(b[0], code_table(ctx, {"where"})) & in_table(a0, code_table(ctx, MEET_VERBS))
    listable = (into | travel | handed | between | meet) & ~poss
    mask |= listable
    # "five Myanmar border towns", "along Nepal border", "at the Thai-Myanmar border"
    border = (
        in_table(a0, code_table(ctx, _BORDER))
        & ~poss
        & ~in_table(a1, code_table(ctx, BORDER_ACTORS))
    )
    mask |= border
    city = (
        narrow(
            _city_country(ctx, doc, tok, b, ids) & ~poss,
            lambda i: ~_after_other_country(named, sel[i], doc_all, tok[i], end_all, place_actors),
        )
    ) | _city_list(named, ctx, sel, doc, tok, b[0], width)
    # (capitalisation looked at on these few rows only)
    mask |= narrow(
        city & ends,
        lambda i: ~ctx.capitalised(doc[i], end[i]) & ctx.capitalised(doc[i], tok[i]),
    )
    # "in Metro Manila", "told Radio New Zealand": the place inside another proper name
    mask |= narrow(
        in_table(b[0], code_table(ctx, NAME_PREFIXES)) & ~poss,
        lambda i: ctx.capitalised(doc[i], tok[i] - 1),
    )
    # (a capital's possessive too: "met at Hanoi's National Convention Centre", wave 21)
    capital = named["via"].to_numpy(object)[sel] == "alias"
    mask |= _venue_name(ctx, doc, end, a0, poss & ~capital)
    if persons:
        mask |= _meeting_place(named, ctx, doc, tok, b[0], ids["in"], persons, width) & ~poss
    # "the National Prosecutors College of China's Supreme People's Procuratorate": the
    # possessive owns the tabled body after it (held-out set 10)
    owns = poss & in_sorted(doc * width + end, cov)
    mask |= _inside_proper_name(ctx, doc, tok, b, ids, cov, width) & ~owns
    out[sel] = mask
    out |= _full_stop_dateline(named, ctx, doc_all, tok_all, end_all, place_actors, organisations)
    region_rows, region_end = _possessive_region(named, ctx, place_actors, organisations)
    out[region_rows] = True
    continue_lists(named, ctx, out, sel, listable, region_rows, region_end, links=6)
    return out


#: A dateline opens the text within this many tokens: "Jakarta." after the headline.
DATELINE_WINDOW = 60


def _full_stop_dateline(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    place_actors: frozenset[str] | set[str], organisations: frozenset[str] | set[str],
) -> np.ndarray:  # fmt: skip
    """A city (or country) and a full stop opening the first sentence of the text, before a
    capitalised word: "Jakarta. Indonesia on Tuesday handed over …" (Jakarta Globe style,
    held-out set 11); the same with a dash after a name in capitals ("JAKARTA — Indonesia
    on …")."""
    found = np.zeros(len(named), bool)
    early = np.flatnonzero(tok < DATELINE_WINDOW)
    if not len(early):
        return found
    a0 = codes_at(ctx, doc[early], end[early])
    stop = in_table(a0, code_table(ctx, {"."}))
    dash = in_table(a0, code_table(ctx, {"—", "–", "--"}))
    early, stop, dash = early[stop | dash], stop[stop | dash], dash[stop | dash]
    if not len(early):
        return found
    d, t, e = doc[early], tok[early], end[early]
    ok = named["actor_id"].iloc[early].isin(list(set(place_actors) | set(organisations)))
    ok = ok.to_numpy() & ctx.sentence_start(d, t) & ctx.capitalised(d, e + 1)
    # a dash only after capitals: "China – Indonesia sign pact" is a headline
    ok &= stop | ctx.upper(d, e - 1)
    # the first sentence of the text: no sentence-final stop before it (the headline has none)
    i = np.flatnonzero(ok)
    for k in range(1, DATELINE_WINDOW):
        if not len(i):
            break
        c = codes_at(ctx, d[i], t[i] - k)
        bad = in_table(c, code_table(ctx, {".", "!", "?"}))
        ok[i[bad]] = False
        i = i[~bad & (c >= 0)]
    found[early[ok]] = True
    return found


def _possessive_region(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str],
    organisations: frozenset[str] | set[str],
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Rows of possessive mentions of places and organisations that only own a part of their
    territory: "X's" + up to two capitalised words + a noun of :data:`REGION_NOUNS` ending the
    phrase ("the EU's Schengen area,", "from Zambia's copperbelt to"). Returns the rows and
    the token after each region's phrase."""
    none = np.zeros(0, np.intp), np.zeros(0, np.int64)
    matched = named["matched"].to_numpy(object)
    cand = np.flatnonzero(
        named["actor_id"].isin(list(set(place_actors) | set(organisations))).to_numpy()
    )
    if not len(cand):
        return none
    poss = pd.Series(matched[cand], dtype=object).str.endswith(("'s", "’s")).to_numpy(bool)
    cand = cand[poss]
    if not len(cand):
        return none
    doc, _, end = mention_frame(named.iloc[cand])
    regions, ends = code_table(ctx, REGION_NOUNS), code_table(ctx, _PHRASE_END)
    where = code_table(ctx, _REGION_MODIFIERS)
    at = np.full(len(cand), -1, np.int64)
    open_ = np.ones(len(cand), bool)
    for k in range(3):
        c = codes_at(ctx, doc, end + k)
        hit = (
            open_
            & in_table(c, regions)
            & (
                in_table(codes_at(ctx, doc, end + k + 1), ends)
                | (codes_at(ctx, doc, end + k + 1) < 0)
            )
        )
        at[hit] = k
        open_ &= ~hit & (c >= 0) & ~in_table(c, ends)
        if k < 2 and open_.any():  # a name before the noun: capitalised words, or a
            # lower-case word of where ("Myanmar's border areas", held-out set 26)
            i = np.flatnonzero(open_)
            open_[i] = ctx.capitalised(doc[i], end[i] + k) | in_table(c[i], where)
    keep = at >= 0
    return cand[keep], end[keep] + at[keep] + 1


def possessive_region_ends(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str],
    organisations: frozenset[str] | set[str] = frozenset(),
) -> np.ndarray:  # fmt: skip
    """The end token of each mention (rows of ``named``), past the region's phrase for a
    possessive that only owns a part of its territory ("Myanmar's border areas": three tokens
    on), so that a list goes on after it ("in Myanmar's border areas, Cambodia and Laos",
    held-out set 26)."""
    _, _, end = mention_frame(named)
    rows, ends = _possessive_region(named, ctx, place_actors, organisations)
    end[rows] = ends
    return end


def _after_other_country(
    named: pd.DataFrame, sel: np.ndarray, doc_all: np.ndarray, tok: np.ndarray,
    end_all: np.ndarray, place_actors: frozenset[str] | set[str],
) -> np.ndarray:  # fmt: skip
    """The mention before ", the X" is another place actor: "teams from Spain, the United
    Kingdom and Qatar" is a list of countries, not a city and its country (held-out set 10)."""
    prev = sel - 1
    ok = prev >= 0
    p = np.where(ok, prev, 0)
    actor = named["actor_id"].to_numpy(object)
    ok &= (doc_all[p] == doc_all[sel]) & (end_all[p] == tok - 2) & (actor[p] != actor[sel])
    if ok.any():
        i = np.flatnonzero(ok)
        ok[i] = pd.Series(actor[p[i]], dtype=object).isin(list(place_actors)).to_numpy()
    return ok


def _handover(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, to: np.ndarray) -> np.ndarray:
    """ "to [the] X" after a verb of :data:`HANDOVER_VERBS` whose object holds a word of
    :data:`HANDED_PEOPLE`, in the same clause."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(to)
    if not len(idx):
        return found
    verbs, people = code_table(ctx, HANDOVER_VERBS), code_table(ctx, HANDED_PEOPLE)
    # a second "to" before is another phrase: "returning to the people and to State and local
    # governments responsibilities" gives to the people, not people to a place
    stops = code_table(ctx, _STOPS | {",", "to"})
    seen = np.zeros(len(idx), bool)
    for k in range(2, 14):  # the rows still open only
        if not len(idx):
            break
        c = codes_before(ctx, doc[idx], tok[idx], k)
        seen |= in_table(c, people)
        hit = seen & in_table(c, verbs)
        found[idx[hit]] = True
        keep = ~hit & (c >= 0) & ~in_table(c, stops)
        idx, seen = idx[keep], seen[keep]
    return found


def _between(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b0: np.ndarray) -> np.ndarray:
    """A place among those after "between" and a verb or noun of moving
    (:data:`BETWEEN_MOTION`): "moving between the two countries and Cambodia"."""
    found = np.zeros(len(tok), bool)
    btw = code_table(ctx, {"between"})
    if not btw.any():
        return found
    idx = np.flatnonzero(in_table(b0, code_table(ctx, _BETWEEN_FILL) | btw))
    if not len(idx):
        return found
    fill, motion = code_table(ctx, _BETWEEN_FILL), code_table(ctx, BETWEEN_MOTION)
    # integers first: the nearest "between" within 7 tokens of the same sentence, no clause
    # break or preposition between (the rows still open only)
    breaks = code_table(ctx, _STOPS | _LIST_BREAKS - {"the"})
    hits: list[tuple[np.ndarray, int]] = []
    live = idx
    for k in range(1, 8):
        if not len(live):
            break
        c = codes_before(ctx, doc[live], tok[live], k)
        b = in_table(c, btw)
        hits.append((live[b], k))
        live = live[~b & (c >= 0) & (in_table(c, fill) | ~in_table(c, breaks))]
    if not any(len(h) for h, _ in hits):
        return found
    cand_rows = np.concatenate([h for h, _ in hits])
    at = np.concatenate([np.full(len(h), k, np.int64) for h, k in hits])
    d, t = doc[cand_rows], tok[cand_rows]
    idx, cand = cand_rows, np.arange(len(cand_rows))
    ok = in_table(codes_at(ctx, d, t - at - 1), motion)
    for k in range(1, 7):
        inside = ok & (k < at)
        c = codes_at(ctx, d, t - k)
        word = inside & ~in_table(c, fill)
        if word.any():
            ok[word] = ctx.capitalised(d[word], t[word] - k)
    found[idx[cand[ok]]] = True
    return found


def _city_country(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b: list[np.ndarray], ids: dict
) -> np.ndarray:
    """A country after a place, its area noun and a comma, or after ", the": "in Bokeo
    province, Laos", "in Manila, the Philippines", "at Guanlei port in Shan State, Myanmar"."""
    comma, the, admin_ids = ids[","], ids["the"], code_table(ctx, ADMIN_NOUNS)
    # without "the" the plain "in City, Country" is the older rule's: this one needs an area
    # noun before the comma ("Bokeo province, Laos"), or "the" after it
    shifted = in_table(b[0], the) & in_table(b[1], comma)
    cand = shifted | (in_table(b[0], comma) & in_table(b[1], admin_ids))
    idx = np.flatnonzero(cand)
    found = np.zeros(len(tok), bool)
    if not len(idx):
        return found
    d, t = doc[idx], tok[idx]
    j = np.where(shifted[idx], 3, 2)
    j = j + in_table(codes_at(ctx, d, t - j), admin_ids)
    preps = code_table(ctx, {"in", "at", "from", "to", "near"})
    ok = ctx.capitalised(d, t - j)
    hit = np.zeros(len(idx), bool)
    # one more place before the area, after its own comma: "in Quanzhou, Fujian Province, the
    # People's Republic of China" (held-out set 26)
    commas = np.zeros(len(idx), np.int8)
    for m in range(1, 9):
        if not ok.any():
            break
        c = codes_at(ctx, d, t - j - m)
        hit |= ok & in_table(c, preps)
        is_comma = in_table(c, comma) & (commas == 0)
        commas += is_comma
        ok &= ~in_table(c, preps) & (ctx.capitalised(d, t - j - m) | is_comma)
    found[idx] = hit
    return found


def _city_list(
    named: pd.DataFrame, ctx: TokenContext, sel: np.ndarray, doc: np.ndarray, tok: np.ndarray,
    b0: np.ndarray, width: int,
) -> np.ndarray:  # fmt: skip
    """The last places of a list of cities after "in"/"at"/"near": "in Nairobi, Mombasa and
    London", "in Bangkok and Phnom Penh" (any capitalised items, none of them a country written
    with its name, "held in Hanoi, Vietnam and China agreed" is China acting, nor another
    actor, "a reduction in U.S. and Soviet manpower")."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(in_table(b0, code_table(ctx, _LIST)))
    if not len(idx):
        return found
    d, t = doc[idx], tok[idx]
    # integers first: the nearest "in"/"at"/"near" within 11 tokens, with no article,
    # preposition or clause break between (a list of names has none)
    preps = code_table(ctx, {"in", "at", "near"})
    breaks = code_table(ctx, _STOPS | _LIST_BREAKS)
    at = np.zeros(len(idx), np.int64)
    live = np.arange(len(idx))
    for k in range(2, 12):  # the rows still open only
        if not len(live):
            break
        c = codes_before(ctx, d[live], t[live], k)
        hit = in_table(c, preps)
        at[live[hit]] = k
        live = live[~hit & (c >= 0) & ~in_table(c, breaks)]
    cand = np.flatnonzero(at > 0)
    if not len(cand):
        return found
    idx, d, t, at = idx[cand], d[cand], t[cand], at[cand]
    # not a time: "In March, Chile and Spain agreed" (set 15)
    timed = in_table(codes_at(ctx, d, t - at + 1), code_table(ctx, MONTH_NAMES))
    idx, d, t, at = idx[~timed], d[~timed], t[~timed], at[~timed]
    if not len(idx):
        return found
    # the mentions an item may not hold: any but a place actor's written otherwise than by
    # its name (a city alias); looked up by the mention that covers a token
    is_place = np.zeros(len(named), bool)
    is_place[sel] = True
    via, matched = named["via"], named["matched"]
    all_doc, all_tok, all_end = mention_frame(named)
    starts, ends = all_doc * width + all_tok, all_doc * width + all_end

    def covered(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        i = np.searchsorted(starts, key, side="right") - 1
        ok = i >= 0
        inside = np.zeros(len(key), bool)
        inside[ok] = ends[i[ok]] > key[ok]
        blocked = inside.copy()
        j = np.flatnonzero(inside)
        if len(j):  # the covering mention's actor and spelling, for these few rows only
            m = i[j]
            by_name = (via.iloc[m].to_numpy(object) == "name") & ~matched.iloc[m].astype(
                str
            ).str.endswith(("'s", "’s")).to_numpy()
            blocked[j] = ~is_place[m] | by_name
        return inside, blocked

    lst = code_table(ctx, _LIST)
    ok = np.ones(len(idx), bool)
    for k in range(1, 11):
        look = ok & (k < at)
        if not look.any():
            break
        w = np.flatnonzero(look & ~in_table(codes_at(ctx, d, t - k), lst))
        if len(w):
            ok[w] = ctx.capitalised(d[w], t[w] - k) & ~covered(d[w] * width + t[w] - k)[1]
    # not "Vo Van Thuong in Hanoi and Beijing": the word before "in" is no name
    before = d * width + t - at - 1
    ok &= ~(covered(before)[0] & ctx.capitalised(d, t - at - 1))
    found[idx[ok]] = True
    return found


def _meeting_place(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b0: np.ndarray,
    in_id: np.ndarray, persons, width: int,
) -> np.ndarray:  # fmt: skip
    """ "<meeting verb> … <person> in X": the place of the meeting ("Hòa received Chinese
    Ambassador He Weiming in Hà Nội")."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(in_table(b0, in_id))
    if not len(idx):
        return found
    # the mention that ends right before "in" (searched in the sorted mentions), a person's
    all_doc, all_tok, all_end = mention_frame(named)
    ends = all_doc * width + all_end
    d, t = doc[idx], tok[idx]
    key = d * width + t - 1
    i = np.clip(np.searchsorted(ends, key, side="left"), 0, max(len(ends) - 1, 0))
    keep = ends[i] == key
    if keep.any():
        keep[keep] = named["actor_id"].iloc[i[keep]].isin(list(persons)).to_numpy()
    idx, d, t = idx[keep], d[keep], t[keep]
    verbs, stops = code_table(ctx, MEETING_VERBS), code_table(ctx, _STOPS)
    open_ = np.ones(len(idx), bool)
    for k in range(3, 14):
        if not open_.any():
            break
        c = codes_before(ctx, d, t, k)
        hit = open_ & in_table(c, verbs)
        found[idx[hit]] = True
        open_ &= ~hit & (c >= 0) & ~in_table(c, stops)
    return found


def _venue_name(
    ctx: TokenContext, doc: np.ndarray, end: np.ndarray, a0: np.ndarray, poss: np.ndarray
) -> np.ndarray:
    """The country opens a venue's name: capitalised words after it up to a head of
    :data:`VENUE_HEADS` within four tokens ("the Myanmar International Convention Centre")."""
    found = np.zeros(len(end), bool)
    open_ = ~poss & (a0 >= 0) & ~in_table(a0, code_table(ctx, _PHRASE_END))
    if not open_.any():
        return found
    heads = code_table(ctx, VENUE_HEADS)
    at = np.full(len(end), -1, np.int64)
    for k in range(4):
        c = a0 if k == 0 else codes_at(ctx, doc, end + k)
        hit = open_ & (at < 0) & in_table(c, heads)
        dash = np.flatnonzero(open_ & ~hit)
        if len(dash):  # "Convention Centre-2": the head before a hyphen
            words = ctx.norm(doc[dash], end[dash] + k)
            hit[dash] = [w.partition("-")[0] in VENUE_HEADS and "-" in w for w in words]
        at[hit] = k
        open_ &= ~hit & (c >= 0) & ~in_table(c, code_table(ctx, _PHRASE_END))
    found = at >= 0
    for k in range(4):  # the few rows left: every word up to the head capitalised
        need = found & (at >= k)
        if need.any():
            found[need] = ctx.capitalised(doc[need], end[need] + k)
    return found


def _inside_proper_name(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b: list[np.ndarray], ids: dict,
    cov: np.ndarray, width: int,
) -> np.ndarray:  # fmt: skip
    """The country ends an untabled proper name: "the Bank of Thailand"
    (:data:`NAME_HEADS_BEFORE_OF`), "Axis My India" (a capitalised "My", "Our" … inside a
    sentence)."""
    of, the = ids["of"], ids["the"]
    heads = code_table(ctx, NAME_HEADS_BEFORE_OF)
    k_head = np.where(in_table(b[0], the) & in_table(b[1], of), 3, 2)
    of_ok = in_table(b[0], of) | (in_table(b[0], the) & in_table(b[1], of))
    head = of_ok & in_table(np.where(k_head == 3, b[2], b[1]), heads)
    head = narrow(
        head,
        lambda i: (
            ctx.capitalised(doc[i], tok[i] - k_head[i])
            & ~in_sorted(doc[i] * width + tok[i] - k_head[i], cov)
        ),
    )
    brand = in_table(b[0], code_table(ctx, _NAME_PRONOUNS))
    brand = narrow(
        brand,
        lambda i: ctx.capitalised(doc[i], tok[i] - 1) & ~ctx.sentence_start(doc[i], tok[i] - 1),
    )
    return head | brand


def continue_lists(
    named: pd.DataFrame, ctx: TokenContext, out: np.ndarray, sel: np.ndarray,
    listable: np.ndarray, region_rows: np.ndarray | None = None,
    region_end: np.ndarray | None = None, links: int = 8,
) -> None:  # fmt: skip
    """A list of places goes on (``out`` updated in place): a place actor's mention (a row of
    ``sel``) right after a listable place (``sel[listable]``), joined by a comma, "and" or "or"
    (and "the": ", the"), is a place too, up to ``links`` links ("expanded into Paraguay and
    Bolivia"). ``region_rows`` end at ``region_end`` instead of their own end: a possessive
    region inside the list carries it on past its noun ("travellers from the UK, the EU's
    Schengen area, China, India")."""
    if not listable.any():
        return
    doc, tok, end = mention_frame(named)
    is_sel = np.zeros(len(named), bool)
    is_sel[sel] = True
    if region_rows is not None:
        end[region_rows] = region_end
        is_sel[region_rows] = True
    chain = np.zeros(len(named), bool)
    chain[sel[listable]] = True
    gap = np.zeros(len(named), np.int64)
    gap[1:] = tok[1:] - end[:-1]
    cand = np.flatnonzero(
        np.r_[False, is_sel[1:] & (doc[1:] == doc[:-1]) & (gap[1:] >= 1) & (gap[1:] <= 2)]
    )
    if not len(cand):
        return
    w1 = ctx.codes(doc[cand], tok[cand] - 1)
    w2 = ctx.codes(doc[cand], tok[cand] - 2)
    lst, the = ctx.word_table(_LIST), ctx.word_table("the")
    joined = (lst[w1] & (gap[cand] == 1)) | (the[w1] & lst[w2] & (gap[cand] == 2))
    cand = cand[joined]
    for _ in range(links):  # a chain grows by one link a pass
        grow = cand[chain[cand - 1] & ~chain[cand]]
        if not len(grow):
            break
        chain[grow] = out[grow] = True
