"""Place and proper-name forms of held-out set 9 (issue 12, wave 5), used by
:func:`analysis.actors.find_mentions` next to :mod:`analysis.mention_rules` and
:mod:`analysis.place_rules`.

:func:`place_forms_mask` (for actors with place rules, countries by default) drops a country
that only locates something: "in Bokeo province, Laos", "in Manila, the Philippines", lists of
cities after "in" ("in Nairobi, Mombasa and London"), "expanded into Paraguay and Bolivia",
"travels on to Ghana", "hands over 17 fugitives to China", "five Myanmar border towns",
"moving between the two countries and Cambodia", a meeting's city after a person ("received
Ambassador X in Hà Nội"), "the Bank of Thailand", "Axis My India"; and, for an organisation
that is also a territory, "users in the EU".

:func:`name_forms_mask` (any actor) drops a match that is no reference of its own: the country
that completes an organisation's name after its abbreviation ("Supreme People's Procuracy
(SPP) of Việt Nam"), the country in a tabled person's own title in apposition ("Phạm Đức
Lương, Deputy Minister of Public Security of Việt Nam,"), a local-language name inside the
abbreviation's brackets ("Anti-Corruption Office (Oficina Anticorrupción, OA)"), a name inside a
quoted theme or code name (themed "Unified Policing for a Safer ASEAN"), and the city of a
byline line ("Sophie Laurent in Brussels").

:func:`speaker_label_mask` keeps a transcript's speaker label ("RACHEL PRYCE: …") that the
dateline rule would read as a city; :func:`resolve_by_adjective` gives a spelling shared by
several actors to the one whose country's adjective stands right before it ("the Chinese
MPS").

Every rule looks at the words around the candidate mentions only, as integer codes of the
tokens table's ``norm`` column; strings are built for the few rows left after the cheap tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.text import fold
from analysis.token_context import TokenContext, covered_keys, in_sorted

__all__ = [
    "ADMIN_NOUNS",
    "INTO_VERBS",
    "TRAVEL_VERBS",
    "HANDOVER_VERBS",
    "HANDED_PEOPLE",
    "BORDER_ACTORS",
    "BETWEEN_MOTION",
    "MEETING_VERBS",
    "TERRITORY_NOUNS",
    "NAME_HEADS_BEFORE_OF",
    "THEME_WORDS",
    "DEMONYMS",
    "HEADLINE_ACTION_VERBS",
    "subhead_line",
    "place_forms_mask",
    "name_forms_mask",
    "speaker_label_mask",
    "resolve_by_adjective",
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
})  # fmt: skip
#: Verbs of travelling whose "to X" (also "on to", "back to") is a destination: "Pryce travels
#: on to Ghana", "heads to Japan"; "leaves for X", "bound for X".
TRAVEL_VERBS: frozenset[str] = frozenset({
    "travel", "travels", "travelled", "traveled", "travelling", "traveling", "head", "heads",
    "headed", "heading", "fly", "flies", "flying", "journeyed", "journeys", "returns",
    "return", "returning", "continues", "continued", "proceeds", "proceeded", "relocated",
    "relocate", "relocates", "emigrated", "emigrate", "migrated", "sailed", "sail", "drove",
    "drive", "escaped", "fleeing", "moved", "moves", "arrives", "arrived", "arriving",
})  # fmt: skip
_FOR_VERBS = frozenset({
    "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing",
    "bound", "headed", "heads", "set", "sets", "sailed", "flights",
})  # fmt: skip
_ON = frozenset({"on", "back", "onward", "onwards", "home", "over", "off", "out", "away"})
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
})  # fmt: skip
_BORDER = frozenset({"border", "borders", "frontier", "borderland", "borderlands"})
#: Words after "X border" that make it the country's body or a relation, not a place: "Myanmar
#: border guards", "the Nepal border dispute".
BORDER_ACTORS: frozenset[str] = frozenset({
    "guard", "guards", "police", "force", "forces", "patrol", "patrols", "official",
    "officials", "officers", "authorities", "authority", "agency", "troops", "army",
    "soldiers", "control", "dispute", "disputes", "talks", "agreement", "agreements", "treaty",
    "commission", "committee", "management", "cooperation", "policy", "row", "tensions",
    "clash", "clashes", "war", "conflict", "guarantee", "minister", "ministry", "service",
})  # fmt: skip
#: Verbs and nouns of moving between places: "criminals moving between the two countries and
#: Cambodia", "flights between Hanoi and Beijing".
BETWEEN_MOTION: frozenset[str] = frozenset({
    "move", "moves", "moved", "moving", "travel", "travels", "travelled", "traveled",
    "travelling", "traveling", "shuttle", "shuttles", "shuttled", "shuttling", "commute",
    "commutes", "commuting", "flow", "flows", "flowing", "flowed", "smuggled", "trafficked",
    "ferried", "ferrying", "crossing", "crossings", "flights", "flight", "routes", "route",
    "trains", "ferries", "ferry", "buses", "journeys", "trips", "migration", "migrate",
    "migrating", "drive", "driving", "sail", "sailing", "fly", "flying", "flew",
})  # fmt: skip
_BETWEEN_FILL = frozenset({
    "the", "two", "three", "four", "both", "countries", "nations", "neighbours", "neighbors",
    "and", ",", "its", "their", "cities", "capitals",
})  # fmt: skip
#: Verbs of meeting whose "<person> in X" names where the meeting took place: "received
#: Chinese Ambassador He Weiming in Hà Nội".
MEETING_VERBS: frozenset[str] = frozenset({
    "received", "receives", "receive", "receiving", "met", "meets", "meet", "meeting",
    "hosted", "hosts", "host", "hosting", "welcomed", "welcomes", "welcome", "welcoming",
    "greeted", "greets", "visited", "visits", "visiting", "interviewed", "accompanied",
    "joined", "talks", "talked", "held", "holds", "saw", "thanked",
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
#: Capitalised nouns that open an untabled proper name "<Noun> of [the] X": "the Bank of
#: Thailand" is the bank, not Thailand (set 9).
NAME_HEADS_BEFORE_OF: frozenset[str] = frozenset({
    "bank", "university", "institute", "college", "academy", "museum", "library", "hospital",
    "airport", "stadium", "school", "polytechnic", "conservatory", "gallery", "theatre",
    "theater", "orchestra", "cathedral", "church", "archives", "observatory", "zoo",
})  # fmt: skip
# a capitalised possessive word inside a brand name: "Axis My India", "Our Malaysia"
_NAME_PRONOUNS = frozenset({"my", "our", "your", "their"})
#: Words before a quoted theme, code name or slogan: its words are no reference ("themed
#: 'Unified Policing for a Safer ASEAN'", "code-named 'Safe Mekong'", "under the theme …").
THEME_WORDS: frozenset[str] = frozenset({
    "theme", "themed", "titled", "entitled", "code-named", "codenamed", "dubbed", "slogan",
    "motto", "banner", "tagline", "hashtag", "nicknamed", "branded", "operation", "campaign",
    "initiative", "programme", "program", "project", "exercise", "drill", "plan",
    "strategy", "report", "book", "film", "documentary", "series", "song", "album", "show",
})  # fmt: skip
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
#: Adjectives of nationality -> the country's name (lower case): "the Chinese MPS" is China's
#: ministry when "MPS" is shared by China's and Vietnam's (set 9).
DEMONYMS: dict[str, str] = {
    "chinese": "china", "vietnamese": "vietnam", "lao": "laos", "laotian": "laos",
    "cambodian": "cambodia", "khmer": "cambodia", "thai": "thailand", "burmese": "myanmar",
    "myanmar": "myanmar", "malaysian": "malaysia", "indonesian": "indonesia",
    "filipino": "philippines", "philippine": "philippines", "singaporean": "singapore",
    "bruneian": "brunei", "timorese": "timor-leste", "japanese": "japan", "korean":
    "south korea", "south korean": "south korea", "north korean": "north korea",
    "indian": "india", "pakistani": "pakistan", "bangladeshi": "bangladesh", "nepali": "nepal",
    "nepalese": "nepal", "sri lankan": "sri lanka", "american": "united states", "us":
    "united states", "u.s.": "united states", "british": "united kingdom", "uk":
    "united kingdom", "french": "france", "german": "germany", "italian": "italy",
    "spanish": "spain", "portuguese": "portugal", "dutch": "netherlands", "belgian": "belgium",
    "swiss": "switzerland", "austrian": "austria", "swedish": "sweden", "norwegian": "norway",
    "danish": "denmark", "finnish": "finland", "polish": "poland", "russian": "russia",
    "ukrainian": "ukraine", "turkish": "turkey", "greek": "greece", "irish": "ireland",
    "canadian": "canada", "mexican": "mexico", "brazilian": "brazil", "argentine": "argentina",
    "argentinian": "argentina", "chilean": "chile", "colombian": "colombia", "peruvian": "peru",
    "venezuelan": "venezuela", "bolivian": "bolivia", "paraguayan": "paraguay",
    "uruguayan": "uruguay", "cuban": "cuba", "australian": "australia", "nigerian": "nigeria",
    "ghanaian": "ghana", "kenyan": "kenya", "ethiopian": "ethiopia", "egyptian": "egypt",
    "south african": "south africa", "saudi": "saudi arabia", "iranian": "iran",
    "iraqi": "iraq", "israeli": "israel", "emirati": "united arab emirates", "qatari": "qatar",
    "taiwanese": "taiwan", "mongolian": "mongolia", "kazakh": "kazakhstan", "afghan":
    "afghanistan", "new zealand": "new zealand",
}  # fmt: skip
#: Verbs of a headline or subhead whose subject is a title alone ("Prime Minister thanks
#: voters"): a mention of the title's holder, not a quote.
HEADLINE_ACTION_VERBS: frozenset[str] = frozenset({
    "thanks", "meets", "visits", "hosts", "receives", "signs", "congratulates", "arrives",
    "leaves", "opens", "attends", "orders", "approves", "launches", "appoints", "sacks",
    "resigns", "quits", "names", "unveils", "chairs", "leads", "heads", "inspects", "tours",
    "welcomes", "greets", "holds", "joins", "wins", "loses", "faces", "seeks", "plans",
})  # fmt: skip
_AFTER_ACTOR = frozenset({
    "says", "said", "say", "agreed", "agrees", "will", "would", "has", "have", "had", "is",
    "was", "signed", "signs", "pledged", "pledges", "announced", "announces", "urged", "urges",
    "hosted", "hosts", "must", "should", "can", "could", "did", "does", "plans", "wants",
})  # fmt: skip
_LIST = frozenset({",", "and", "or"})
# words that may follow a place at the end of its phrase
_PHRASE_END = frozenset({
    ",", ".", ";", ":", "!", "?", ")", "(", '"', "”", "'", "’", "-", "–", "—", "in", "on", "at",
    "for", "from", "to", "with", "and", "or", "since", "until", "during", "last", "this", "next",
    "where", "which", "by", "before", "after", "between", "over", "under", "as", "|", "/",
})  # fmt: skip
_STOPS = frozenset({".", "!", "?", ";", ":", '"', "“", "”", "(", ")", "that", "which", "who"})


# -- look-ups by integer code ------------------------------------------------------------------


def _ids(ctx: TokenContext, words) -> np.ndarray:
    """A look-up table over the ``norm`` codes (two more slots, False, for the codes -1 and -2
    of :func:`_at` and :func:`_back`): ``_ids(ctx, words)[codes]`` tests membership."""
    codes = ctx.norm_types.get_indexer(sorted(words))
    lut = np.zeros(len(ctx.norm_types) + 2, bool)
    lut[codes[codes >= 0]] = True
    return lut


def _at(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """``norm`` code of token ``tok`` of each document; -1 where there is none."""
    r = ctx.rows(doc, tok)
    out = np.full(len(r), -1, np.int64)
    ok = r >= 0
    out[ok] = ctx.norm_codes[r[ok]]
    return out


def _back(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, k: int) -> np.ndarray:
    """``norm`` code of the token ``k`` before ``tok`` in its sentence; -2 across a sentence
    start, -1 before the document."""
    here, there = ctx.rows(doc, tok), ctx.rows(doc, tok - k)
    out = np.full(len(tok), -1, np.int64)
    ok = (here >= 0) & (there >= 0)
    same = np.zeros(len(tok), bool)
    same[ok] = ctx.sent[here[ok]] == ctx.sent[there[ok]]
    out[ok & ~same] = -2
    out[same] = ctx.norm_codes[there[same]]
    return out


def _isin(codes: np.ndarray, lut: np.ndarray) -> np.ndarray:
    return lut[codes]


def _narrow(mask: np.ndarray, test) -> np.ndarray:
    """``mask`` narrowed by ``test(index array)``, computed on its True rows only."""
    out = mask.copy()
    if out.any():
        idx = np.flatnonzero(out)
        out[idx] = test(idx)
    return out


def _frame(named: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    return doc, tok, tok + named["n_tok"].to_numpy().astype(np.int64)


# -- places ------------------------------------------------------------------------------------


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
    doc_all, tok_all, end_all = _frame(named)
    actor = named["actor_id"]
    width = int(ctx.tok.max(initial=0)) + 8
    cov = covered_keys(named, width)
    org = np.flatnonzero(actor.isin(list(organisations)).to_numpy()) if organisations else []
    if len(org):
        d, t = doc_all[org], tok_all[org]
        b0, b1, b2 = (_back(ctx, d, t, k) for k in (1, 2, 3))
        in_, the = _ids(ctx, {"in"}), _ids(ctx, {"the"})
        nouns = _ids(ctx, TERRITORY_NOUNS)
        out[org] = (_isin(b0, in_) & _isin(b1, nouns)) | (
            _isin(b0, the) & _isin(b1, in_) & _isin(b2, nouns)
        )
    sel = np.flatnonzero(actor.isin(list(place_actors)).to_numpy())
    if not len(sel):
        return out
    doc, tok, end = doc_all[sel], tok_all[sel], end_all[sel]
    poss = named["matched"].iloc[sel].astype(str).str.endswith(("'s", "’s")).to_numpy()
    b = [_back(ctx, doc, tok, k) for k in (1, 2, 3)]
    a0, a1 = _at(ctx, doc, end), _at(ctx, doc, end + 1)
    ids = {w: _ids(ctx, {w}) for w in ("the", "in", "into", "to", "for", "of", ",", "between")}
    # a place ends its phrase ("in Manila, the Philippines, in 2026"): not before a noun or a
    # verb ("In Latin America, the American chiefs of state …") nor inside a longer name
    ends = (a0 == -1) | _isin(a0, _ids(ctx, _PHRASE_END))
    ends = _narrow(
        ends, lambda i: ~ctx.capitalised(doc[i], end[i]) & ctx.capitalised(doc[i], tok[i])
    )
    mask = np.zeros(len(sel), bool)
    # "expanded into Paraguay and Bolivia", "money coming into London"
    into_v = _ids(ctx, INTO_VERBS)
    into = (_isin(b[0], ids["into"]) & (_isin(b[1], into_v) | (
        _isin(b[1], _ids(ctx, _ON)) & _isin(b[2], into_v)))) | (
        _isin(b[0], ids["the"]) & _isin(b[1], ids["into"]) & _isin(b[2], into_v))  # fmt: skip
    # "Pryce travels on to Ghana", "heads to Japan", "leaves for Ghana"
    tv, on = _ids(ctx, TRAVEL_VERBS), _ids(ctx, _ON)
    to0 = _isin(b[0], ids["to"])
    to1 = _isin(b[0], ids["the"]) & _isin(b[1], ids["to"])
    travel = (to0 & (_isin(b[1], tv) | (_isin(b[1], on) & _isin(b[2], tv)))) | (
        to1 & _isin(b[2], tv)
    )
    travel |= _isin(b[0], ids["for"]) & _isin(b[1], _ids(ctx, _FOR_VERBS))
    handed = _handover(ctx, doc, tok, to0 | to1)
    between = _between(ctx, doc, tok, b[0])
    listable = (into | travel | handed | between) & ~poss
    mask |= listable
    # "five Myanmar border towns", "along Nepal border", "at the Thai-Myanmar border"
    border = _isin(a0, _ids(ctx, _BORDER)) & ~poss & ~_isin(a1, _ids(ctx, BORDER_ACTORS))
    mask |= border
    mask |= _city_country(ctx, doc, tok, b, ids) & ends & ~poss
    mask |= _city_list(named, ctx, sel, doc, tok, b[0], cov, width) & ends
    if persons:
        mask |= _meeting_place(named, ctx, doc, tok, b[0], ids["in"], persons, width) & ~poss
    mask |= _inside_proper_name(ctx, doc, tok, b, ids, cov, width)
    out[sel] = mask
    _continue_lists(named, ctx, out, sel, listable)
    return out


def _handover(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, to: np.ndarray) -> np.ndarray:
    """ "to [the] X" after a verb of :data:`HANDOVER_VERBS` whose object holds a word of
    :data:`HANDED_PEOPLE`, in the same clause."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(to)
    if not len(idx):
        return found
    verbs, people = _ids(ctx, HANDOVER_VERBS), _ids(ctx, HANDED_PEOPLE)
    # a second "to" before is another phrase: "returning to the people and to State and local
    # governments responsibilities" gives to the people, not people to a place
    stops = _ids(ctx, _STOPS | {",", "to"})
    d, t = doc[idx], tok[idx]
    seen = np.zeros(len(idx), bool)
    open_ = np.ones(len(idx), bool)
    for k in range(2, 14):
        if not open_.any():
            break
        c = _back(ctx, d, t, k)
        seen |= open_ & _isin(c, people)
        hit = open_ & seen & _isin(c, verbs)
        found[idx[hit]] = True
        open_ &= ~hit & (c >= 0) & ~_isin(c, stops)
    return found


def _between(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b0: np.ndarray) -> np.ndarray:
    """A place among those after "between" and a verb or noun of moving
    (:data:`BETWEEN_MOTION`): "moving between the two countries and Cambodia"."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(_isin(b0, _ids(ctx, _BETWEEN_FILL | {"between"})))
    if not len(idx):
        return found
    fill, motion = _ids(ctx, _BETWEEN_FILL), _ids(ctx, BETWEEN_MOTION)
    btw = _ids(ctx, {"between"})
    d, t = doc[idx], tok[idx]
    open_ = np.ones(len(idx), bool)
    for k in range(1, 8):
        if not open_.any():
            break
        c = _back(ctx, d, t, k)
        at = open_ & _isin(c, btw)
        if at.any():
            at[at] = _isin(_back(ctx, d[at], t[at], k + 1), motion)
            found[idx[at]] = True
        open_ &= ~_isin(c, btw) & (c >= 0)
        rest = open_ & ~_isin(c, fill)
        if rest.any():
            open_[rest] = ctx.capitalised(d[rest], t[rest] - k)
    return found


def _city_country(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b: list[np.ndarray], ids: dict
) -> np.ndarray:
    """A country after a place, its area noun and a comma, or after ", the": "in Bokeo
    province, Laos", "in Manila, the Philippines", "at Guanlei port in Shan State, Myanmar"."""
    comma, the, admin_ids = ids[","], ids["the"], _ids(ctx, ADMIN_NOUNS)
    # without "the" the plain "in City, Country" is the older rule's: this one needs an area
    # noun before the comma ("Bokeo province, Laos"), or "the" after it
    shifted = _isin(b[0], the) & _isin(b[1], comma)
    cand = shifted | (_isin(b[0], comma) & _isin(b[1], admin_ids))
    idx = np.flatnonzero(cand)
    found = np.zeros(len(tok), bool)
    if not len(idx):
        return found
    d, t = doc[idx], tok[idx]
    j = np.where(shifted[idx], 3, 2)
    j = j + _isin(_at(ctx, d, t - j), admin_ids)
    preps = _ids(ctx, {"in", "at", "from", "to", "near"})
    ok = ctx.capitalised(d, t - j)
    hit = np.zeros(len(idx), bool)
    for m in range(1, 5):
        if not ok.any():
            break
        c = _at(ctx, d, t - j - m)
        hit |= ok & _isin(c, preps)
        ok &= ~_isin(c, preps) & ctx.capitalised(d, t - j - m)
    found[idx] = hit
    return found


def _city_list(
    named: pd.DataFrame, ctx: TokenContext, sel: np.ndarray, doc: np.ndarray, tok: np.ndarray,
    b0: np.ndarray, cov: np.ndarray, width: int,
) -> np.ndarray:  # fmt: skip
    """The last places of a list of cities after "in"/"at"/"near": "in Nairobi, Mombasa and
    London", "in Bangkok and Phnom Penh" (any capitalised items, none of them a country written
    with its name, "held in Hanoi, Vietnam and China agreed" is China acting, nor another
    actor, "a reduction in U.S. and Soviet manpower")."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(_isin(b0, _ids(ctx, _LIST)))
    if not len(idx):
        return found
    # the mentions an item may not hold: any but a place actor's written otherwise than by
    # its name (a city alias); looked up by the mention that covers a token
    is_place = np.zeros(len(named), bool)
    is_place[sel] = True
    blocked = ~is_place | (
        (named["via"].to_numpy(object) == "name")
        & ~named["matched"].astype(str).str.endswith(("'s", "’s")).to_numpy()
    )
    all_doc, all_tok, all_end = _frame(named)
    starts, ends = all_doc * width + all_tok, all_doc * width + all_end

    def blocked_at(key: np.ndarray) -> np.ndarray:
        i = np.searchsorted(starts, key, side="right") - 1
        ok = i >= 0
        out = np.zeros(len(key), bool)
        out[ok] = (ends[i[ok]] > key[ok]) & blocked[i[ok]]
        return out

    d, t = doc[idx], tok[idx]
    lst, preps = _ids(ctx, _LIST), _ids(ctx, {"in", "at", "near"})
    open_ = np.ones(len(idx), bool)
    items = np.zeros(len(idx), np.int64)
    for k in range(1, 12):
        if not open_.any():
            break
        c = _back(ctx, d, t, k)
        at_prep = open_ & _isin(c, preps) & (items > 0)
        if at_prep.any():
            i = np.flatnonzero(at_prep)
            # not "Vo Van Thuong in Hanoi and Beijing": the word before "in" is no name
            named_before = in_sorted(d[i] * width + t[i] - k - 1, cov) & ctx.capitalised(
                d[i], t[i] - k - 1
            )
            found[idx[i[~named_before]]] = True
        open_ &= ~at_prep & (c >= 0)
        word = open_ & ~_isin(c, lst)
        if word.any():
            w = np.flatnonzero(word)
            cap = ctx.capitalised(d[w], t[w] - k) & ~blocked_at(d[w] * width + t[w] - k)
            open_[w[~cap]] = False
            items[w[cap]] += 1
    return found


def _meeting_place(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b0: np.ndarray,
    in_id: np.ndarray, persons, width: int,
) -> np.ndarray:  # fmt: skip
    """ "<meeting verb> … <person> in X": the place of the meeting ("Hòa received Chinese
    Ambassador He Weiming in Hà Nội")."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(_isin(b0, in_id))
    if not len(idx):
        return found
    pers = named["actor_id"].isin(list(persons)).to_numpy()
    if not pers.any():
        return found
    pd_, _, pe = _frame(named.loc[pers])
    last = np.sort(pd_ * width + pe - 1)
    d, t = doc[idx], tok[idx]
    keep = in_sorted(d * width + t - 2, last)
    idx, d, t = idx[keep], d[keep], t[keep]
    verbs, stops = _ids(ctx, MEETING_VERBS), _ids(ctx, _STOPS)
    open_ = np.ones(len(idx), bool)
    for k in range(3, 14):
        if not open_.any():
            break
        c = _back(ctx, d, t, k)
        hit = open_ & _isin(c, verbs)
        found[idx[hit]] = True
        open_ &= ~hit & (c >= 0) & ~_isin(c, stops)
    return found


def _inside_proper_name(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, b: list[np.ndarray], ids: dict,
    cov: np.ndarray, width: int,
) -> np.ndarray:  # fmt: skip
    """The country ends an untabled proper name: "the Bank of Thailand"
    (:data:`NAME_HEADS_BEFORE_OF`), "Axis My India" (a capitalised "My", "Our" … inside a
    sentence)."""
    of, the = ids["of"], ids["the"]
    heads = _ids(ctx, NAME_HEADS_BEFORE_OF)
    k_head = np.where(_isin(b[0], the) & _isin(b[1], of), 3, 2)
    of_ok = _isin(b[0], of) | (_isin(b[0], the) & _isin(b[1], of))
    head = of_ok & _isin(np.where(k_head == 3, b[2], b[1]), heads)
    head = _narrow(
        head,
        lambda i: (
            ctx.capitalised(doc[i], tok[i] - k_head[i])
            & ~in_sorted(doc[i] * width + tok[i] - k_head[i], cov)
        ),
    )
    brand = _isin(b[0], _ids(ctx, _NAME_PRONOUNS))
    brand = _narrow(
        brand,
        lambda i: ctx.capitalised(doc[i], tok[i] - 1) & ~ctx.sentence_start(doc[i], tok[i] - 1),
    )
    return head | brand


def _continue_lists(
    named: pd.DataFrame, ctx: TokenContext, out: np.ndarray, sel: np.ndarray,
    listable: np.ndarray,
) -> None:  # fmt: skip
    """ "expanded into Paraguay and Bolivia": a place actor's mention right after a listable
    place of these rules, joined by a comma, "and" or "or" (and "the"), is a place too."""
    if not listable.any():
        return
    codes = named["doc_id"].cat.codes.to_numpy()
    toks = named["tok"].to_numpy().astype(np.int64)
    n_tok = named["n_tok"].to_numpy().astype(np.int64)
    chain = np.zeros(len(named), bool)
    chain[sel[listable]] = True
    is_sel = np.zeros(len(named), bool)
    is_sel[sel] = True
    for i in range(1, len(named)):
        if not chain[i - 1] or not is_sel[i] or codes[i] != codes[i - 1] or chain[i]:
            continue
        gap = toks[i] - toks[i - 1] - n_tok[i - 1]
        if not 1 <= gap <= 2:
            continue
        words = ctx.norm(np.full(gap, codes[i], np.int64), toks[i] - 1 - np.arange(gap))
        if words[0] in ("the", ",", "and", "or") and (
            gap == 1 or (words[0] == "the" and words[1] in (",", "and", "or"))
        ):
            out[i] = chain[i] = True


# -- names -------------------------------------------------------------------------------------


def name_forms_mask(
    named: pd.DataFrame, ctx: TokenContext, act: Actors,
    place_actors: frozenset[str] | set[str], abbreviations_once: bool = True,
) -> np.ndarray:  # fmt: skip
    """True for matches that are no reference of their own (see the module docstring): a
    country after "(ABBR) of [the]" that follows a tabled organisation, a country ending a
    tabled person's own title in apposition, a name in the abbreviation's brackets after the
    same actor's name (``abbreviations_once``), a name inside a quoted theme or code name
    (:data:`THEME_WORDS`), the city of a byline line. ``named`` is sorted by document and
    start."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc, tok, end = _frame(named)
    width = int(ctx.tok.max(initial=0)) + 8
    b0 = _at(ctx, doc, tok - 1)
    out |= _quoted_theme(ctx, doc, tok)
    out |= _byline_line(named, ctx, doc, tok, end, b0, width)
    cty = np.flatnonzero(named["actor_id"].isin(list(place_actors)).to_numpy())
    if len(cty):
        of, the = _ids(ctx, {"of"}), _ids(ctx, {"the"})
        d, t = doc[cty], tok[cty]
        k = np.where(_isin(b0[cty], the), 2, 1)
        of_ok = _isin(_at(ctx, d, t - k), of)
        idx = np.flatnonzero(of_ok)
        if len(idx):
            out[cty[idx]] = _abbreviated_org(named, ctx, d[idx], t[idx] - k[idx] - 1, width, act)
            out[cty[idx]] |= _own_title(named, ctx, act, d[idx], t[idx] - k[idx] - 1, width)
    if abbreviations_once:
        out |= _bracketed_names(named, ctx, doc, tok, end)
    return out


def _abbreviated_org(
    named: pd.DataFrame, ctx: TokenContext, d: np.ndarray, last: np.ndarray, width: int,
    act: Actors,
) -> np.ndarray:  # fmt: skip
    """Token ``last`` (before "of") closes "(ABBR)" right after a tabled organisation's
    mention: "Supreme People's Procuracy (SPP) of Việt Nam"."""
    ok = (_at(ctx, d, last) == _one(ctx, ")")) & (_at(ctx, d, last - 2) == _one(ctx, "("))
    if not ok.any():
        return ok
    orgs = {a for a, t in act.types.items() if t == "organisation"}
    is_org = named["actor_id"].isin(list(orgs)).to_numpy()
    od, _, oe = _frame(named.loc[is_org])
    ends = np.sort(od * width + oe - 1)
    ok &= in_sorted(d * width + last - 3, ends) & ctx.upper(d, last - 1)
    return ok


def _one(ctx: TokenContext, word: str) -> int:
    return int(ctx.norm_types.get_indexer([word])[0])


def _own_title(
    named: pd.DataFrame, ctx: TokenContext, act: Actors, d: np.ndarray, last: np.ndarray,
    width: int,
) -> np.ndarray:  # fmt: skip
    """Tokens up to ``last`` (before "of [the] X") are one of the titles of the tabled person
    named right before them and a comma: "Phạm Đức Lương, Deputy Minister of Public Security of
    Việt Nam," (set 4's "…, Member of … and Vice President of the Lao PDR" starts otherwise)."""
    found = np.zeros(len(d), bool)
    cand = ctx.capitalised(d, last)
    if not cand.any():
        return found
    persons = act.table[act.table["type"] == "person"]
    titles = {
        a: {fold(x, case=True, diacritics=True) for x in ts or ()}
        for a, ts in zip(persons["id"], persons["titles"], strict=True)
    }
    if not any(titles.values()):
        return found
    pers = named["actor_id"].isin(list(titles)).to_numpy()
    pd_, _, pe = _frame(named.loc[pers])
    who = named["actor_id"].to_numpy(object)[pers]
    last_tok = dict(zip((pd_ * width + pe - 1).tolist(), who, strict=True))
    for i in np.flatnonzero(cand):
        words: list[str] = []
        for m in range(0, 9):
            t = int(last[i]) - m
            w = str(ctx.norm(np.array([d[i]]), np.array([t]))[0])
            if w == ",":
                person = last_tok.get(int(d[i]) * width + t - 1)
                title = " ".join(reversed(words))
                found[i] = person is not None and title in titles.get(person, set())
                break
            if w in ("", ".", ";", ":", "(", ")", "and"):
                break
            words.append(fold(w, case=True, diacritics=True))
    return found


def _bracketed_names(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """A mention inside the brackets right after the same actor's mention, with other mentions
    of it and commas only: "Anti-Corruption Office (Oficina Anticorrupción, OA)"."""
    out = np.zeros(len(named), bool)
    if len(named) < 2:
        return out
    # one token, "(" or ",", between two mentions of the same document (integers first), then
    # the actors
    idx = np.flatnonzero((doc[1:] == doc[:-1]) & (tok[1:] == end[:-1] + 1)) + 1
    if not len(idx):
        return out
    gap_c = _at(ctx, doc[idx], tok[idx] - 1)
    idx, gap_c = (
        idx[_isin(gap_c, _ids(ctx, {"(", ","}))],
        gap_c[_isin(gap_c, _ids(ctx, {"(", ","}))],
    )
    if not len(idx):
        return out
    actor = named["actor_id"].to_numpy(object)
    same = actor[idx] == actor[idx - 1]
    idx, gap_c = idx[same], gap_c[same]
    if not len(idx):
        return out
    after = _at(ctx, doc[idx], end[idx])
    closes = _isin(after, _ids(ctx, {")", ",", ";"}))
    opened = (gap_c == _one(ctx, "(")) & closes
    # a lone "(ABBR)" is the older rule's (drop_repeated_abbreviations)
    out[idx[opened & (after != _one(ctx, ")"))]] = True
    gap = np.where(gap_c == _one(ctx, ","), ",", "")
    for _ in range(3):  # "(A, B, C)": each after a bracketed one and a comma
        more = (gap == ",") & closes & out[idx - 1] & ~out[idx]
        if not more.any():
            break
        out[idx[more]] = True
    return out


def _quoted_theme(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """Inside quotation marks opened right after a word of :data:`THEME_WORDS` (or after it
    and a comma) in the same sentence: themed "Unified Policing for a Safer ASEAN". Each
    mention looks back for the nearest quotation mark (at most 9 tokens, in one gather of the
    tokens before it); only those found are tested further."""
    found = np.zeros(len(tok), bool)
    quotes, theme = _ids(ctx, _QUOTES), _ids(ctx, THEME_WORDS)
    if not quotes.any() or not theme.any():
        return found
    rows = ctx.rows(doc, tok)
    span = np.arange(1, 10, dtype=np.int32)
    if ctx.bounds is not None and len(ctx.norm_codes) < 2**31:
        back = rows.astype(np.int32)[:, None] - span
        back[(tok < 9).astype(bool)] = np.where(tok[tok < 9, None] >= span, back[tok < 9], -1)
        back[rows < 0] = -1
    else:
        back = np.stack([ctx.rows(doc, tok - k) for k in span], axis=1)
    codes = np.where(back >= 0, ctx.norm_codes[np.maximum(back, 0)], -1)
    q = quotes[codes]
    has = q.any(axis=1)
    if not has.any():
        return found
    i = np.flatnonzero(has)
    k = q[i].argmax(axis=1) + 1  # the nearest quotation mark before the mention
    rq = back[i, k - 1]
    i, k = i[ctx.sent[rq] == ctx.sent[rows[i]]], k[ctx.sent[rq] == ctx.sent[rows[i]]]
    if not len(i):
        return found
    comma = _ids(ctx, {","})
    w1 = _at(ctx, doc[i], tok[i] - k - 1)
    w2 = _at(ctx, doc[i], tok[i] - k - 2)
    hit = theme[w1] | (comma[w1] & theme[w2])
    # an opening mark: a capitalised word follows it (a closing one after "the … program"
    # is followed by "and", ",")
    found[i] = _narrow(hit, lambda j: ctx.capitalised(doc[i[j]], tok[i[j]] - k[j] + 1))
    return found


def _byline_line(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    b0: np.ndarray, width: int,
) -> np.ndarray:  # fmt: skip
    """The place of a byline line, "[By] Firstname Lastname in Brussels": two or three
    capitalised words that name no actor open the line, "in" and the mention end it."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(_isin(b0, _ids(ctx, {"in"})))
    if not len(idx):
        return found
    d, t, e = doc[idx], tok[idx], end[idx]
    ends_line = ctx.sentence_start(d, e) | (ctx.rows(d, e) < 0)
    idx, d, t = idx[ends_line], d[ends_line], t[ends_line]
    cov = covered_keys(named, width) if len(idx) else np.zeros(0, np.int64)
    for n in (2, 3):
        if not len(idx):
            break
        ok = np.ones(len(idx), bool)
        for m in range(2, n + 2):
            ok &= ctx.capitalised(d, t - m) & ~in_sorted(d * width + t - m, cov)
        first = t - n - 1
        by = _at(ctx, d, first - 1) == _one(ctx, "by")
        ok &= ctx.sentence_start(d, first) | (by & ctx.sentence_start(d, first - 1))
        found[idx[ok]] = True
    return found


def speaker_label_mask(
    named: pd.DataFrame, ctx: TokenContext, persons: frozenset[str] | set[str]
) -> np.ndarray:
    """True for a person's name in capitals opening a line before a colon, a transcript's
    speaker label ("RACHEL PRYCE: We signed …"): a mention of the person, not a dateline."""
    out = np.zeros(len(named), bool)
    if named.empty or not persons:
        return out
    # a colon right after the mention first (integers), then the actor
    doc, tok, end = _frame(named)
    idx = np.flatnonzero(_at(ctx, doc, end) == _one(ctx, ":"))
    idx = idx[named["actor_id"].iloc[idx].isin(list(persons)).to_numpy()]
    if not len(idx):
        return out
    doc, tok = doc[idx], tok[idx]
    colon = np.ones(len(idx), bool)
    out[idx] = _narrow(
        colon, lambda i: ctx.sentence_start(doc[i], tok[i]) & ctx.upper(doc[i], tok[i])
    )
    return out


def subhead_line(ctx: TokenContext, codes: np.ndarray, sent: np.ndarray, r: int) -> bool:
    """The sentence of token row ``r`` is a subhead inside the text: at most 12 tokens, not
    closed by a full stop, question or exclamation mark, and the sentences around it end where
    its line does (a live page's entry headline, "Prime Minister thanks voters"; ``codes``,
    ``sent``: the document code and sentence of each token row, rows in document order)."""
    n = len(sent)
    lo = r
    while lo > 0 and codes[lo - 1] == codes[r] and sent[lo - 1] == sent[r] and r - lo < 13:
        lo -= 1
    hi = r
    while hi + 1 < n and codes[hi + 1] == codes[r] and sent[hi + 1] == sent[r] and hi - r < 13:
        hi += 1
    if hi - lo + 1 > 12:
        return False
    last = str(ctx.norm_types[ctx.norm_codes[hi]]) if ctx.norm_codes[hi] >= 0 else ""
    return last not in (".", "!", "?", '"', "”", "'", "’", ",", ";")


# -- shared spellings --------------------------------------------------------------------------


def resolve_by_adjective(
    m2: pd.DataFrame, extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]],
    act: Actors, tokens: pd.DataFrame,
) -> pd.DataFrame:  # fmt: skip
    """A spelling shared by several actors goes to the one whose country's adjective stands
    right before it ("The Chinese MPS", :data:`DEMONYMS`; or the first word of another of its
    spellings, "Chinese" of "Chinese Ministry of Public Security"), whatever the context
    licensed (``extra``, from the licensing step, is returned with those rows changed or
    added)."""
    shared = {k: v for k, v in candidates.items() if len({a for a, _, _ in v}) > 1}
    if not shared or m2.empty:
        return extra
    rows = m2[m2["key"].isin(list(shared))]
    if rows.empty:
        return extra
    d = rows["doc_id"].cat.codes.to_numpy().astype(np.int64)
    prev = _rows_before(tokens, d, rows["tok"].to_numpy().astype(np.int64))
    ok = prev >= 0
    if not ok.any():
        return extra
    norm = tokens["norm"].cat
    codes = np.full(len(rows), -1, np.int64)
    codes[ok] = tokens["norm"].array.codes[prev[ok]]
    # only words that can point to a candidate are looked at: adjectives of nationality and
    # the first words of the candidates' spellings
    words = set(DEMONYMS) | _first_words(shared, act)
    lut = np.zeros(len(norm.categories) + 1, bool)
    got = norm.categories.get_indexer(sorted(words))
    lut[got[got >= 0]] = True
    ok &= lut[codes]
    if not ok.any():
        return extra
    # one look at each distinct (word, spelling) pair
    pair_codes, pairs = pd.factorize(
        pd.MultiIndex.from_arrays([codes[ok], rows["key"].to_numpy(object)[ok]])
    )
    cache = act._cache.setdefault(("adjectives of shared spellings",), {})
    pick = []
    for c, key in pairs:
        w = str(norm.categories[c]) if c >= 0 else ""
        got = cache.get((w, key))
        if got is None:
            got = cache[(w, key)] = _adjective_pick(w, shared[key], act) or ("", "")
        pick.append(got)
    hit = np.array([bool(a) for a, _ in pick], bool)[pair_codes]
    if not hit.any():
        return extra
    at = np.flatnonzero(ok)[hit]
    chosen = rows.iloc[at].copy()
    chosen["actor_id"] = [pick[i][0] for i in pair_codes[hit]]
    chosen["via"] = [pick[i][1] for i in pair_codes[hit]]
    chosen["context_id"] = chosen["actor_id"]
    chosen["distance"] = np.zeros(len(chosen), np.int64)

    def keys(df: pd.DataFrame) -> np.ndarray:
        # the span: document, start and length (no document is near 2**21 characters long)
        start = df["start"].to_numpy().astype(np.int64)
        length = df["end"].to_numpy().astype(np.int64) - start
        return (df["doc_id"].cat.codes.to_numpy().astype(np.int64) * 2**21 + start) * 2**21 + length

    keep = extra.loc[~np.isin(keys(extra), keys(chosen))]
    return pd.concat([keep, chosen[list(extra.columns)]], ignore_index=True)


def _rows_before(tokens: pd.DataFrame, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """Row of the token before each (document, position) in ``tokens``, -1 where there is
    none: by offset for a table in document and position order, else through the index."""
    codes = tokens["doc_id"].array.codes
    first = np.searchsorted(codes, doc) if len(codes) else np.zeros(len(doc), np.int64)
    row = first + tok - 1
    ok = (tok >= 1) & (row < len(codes))
    out = np.where(ok, row, -1)
    ok = out >= 0
    if ok.any():
        pos = tokens["tok"].to_numpy()
        good = (codes[out[ok]] == doc[ok]) & (pos[out[ok]] == tok[ok] - 1)
        if not good.all():  # not in order: the general index
            return TokenContext(tokens).rows(doc, tok - 1)
    return out


def _first_words(shared: dict[str, list[tuple[str, str, str]]], act: Actors) -> set[str]:
    """First words (folded) of the names and aliases of the candidates of shared spellings."""
    key = ("first words of shared candidates", tuple(sorted(shared)))
    got = act._cache.get(key)
    if got is None:
        ids = {a for v in shared.values() for a, _, _ in v}
        t = act.table[act.table["id"].isin(list(ids))]
        got = set()
        for name, aliases in zip(t["name"], t["aliases"], strict=True):
            for s in [name, *(aliases or ())]:
                got.update(fold(s, case=True, diacritics=True).split()[:1])
        act._cache[key] = got
    return got


def _adjective_pick(
    word: str, cands: list[tuple[str, str, str]], act: Actors
) -> tuple[str, str] | None:
    """The one candidate (actor, via) that the adjective ``word`` (folded) points to."""
    table = act.table.set_index("id")
    country = DEMONYMS.get(word)
    hits: dict[str, str] = {}
    for a, via, _ in cands:
        if a in hits or a not in table.index:
            continue
        rec = table.loc[a]
        spellings = [rec["name"], *(rec["aliases"] or ())]
        if any(fold(s, case=True, diacritics=True).split()[:1] == [word] for s in spellings):
            hits[a] = via
            continue
        aff = rec["affiliation"]
        if country and isinstance(aff, str) and aff in table.index:
            arec = table.loc[aff]
            names = {
                fold(s, case=True, diacritics=True)
                for s in [arec["name"], *(arec["aliases"] or ())]
            }
            if country in names:
                hits[a] = via
    return next(iter(hits.items())) if len(hits) == 1 else None
