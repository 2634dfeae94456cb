"""Place and name forms of held-out set 10 (issue 12, wave 6), used by
:func:`analysis.actors.find_mentions` next to :mod:`analysis.place_forms` and
:mod:`analysis.name_forms`.

:func:`noun_forms_mask` drops the mention of a country (an actor with place rules) that
makes no reference to the actor:

* a country's possessive before the capitalised title of a tabled person named right after
  it, "Mexico's Economy Minister Rodrigo Salcedo", "Malaysia's Attorney-General, Tan Sri
  Kamarul Zaman" (one mention, of the person; the lower-case titles are
  :func:`analysis.place_rules.news_form_mask`'s);
* a country naming where an event happened or where a product comes from, as a noun
  modifier: "the Morocco earthquake", "the DR Congo mission", "U.S. corn", "Brazil beef"
  (:data:`EVENT_MODIFIED`, :data:`PRODUCT_MODIFIED`);
* a country reached, "would reach Israel through other routes";
* a country opening the name of an outlet, "told France Inter radio", "China Radio
  International" (:data:`OUTLET_WORDS`).

It also drops, for any actor but a person, a city that is the actor's alias where it is only
a place: the object of a visit ("visits Pretoria", :data:`VISIT_VERBS`) and after "said in"
("said in Brussels").

Every rule looks at the words around the candidate mentions only, as integer codes of the
tokens table's ``norm`` column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.text import fold
from analysis.token_context import TokenContext, possessive_mask

__all__ = [
    "CLUB_NOUNS",
    "EVENT_MODIFIED",
    "PRODUCT_MODIFIED",
    "REACH_VERBS",
    "OUTLET_WORDS",
    "TITLE_JOINERS",
    "VISIT_VERBS",
    "noun_forms_mask",
]

#: Events located by a country's name before them: "the Morocco earthquake", "the DR Congo
#: mission", "the Libya floods" (not "war" or "crisis": "the Ukraine war" names a party).
EVENT_MODIFIED: frozenset[str] = frozenset({
    "earthquake", "earthquakes", "quake", "quakes", "flood", "floods", "flooding", "drought",
    "wildfire", "wildfires", "fire", "fires", "tsunami", "cyclone", "typhoon", "hurricane",
    "storm", "storms", "landslide", "landslides", "eruption", "mudslide", "mudslides",
    "heatwave", "famine", "outbreak", "epidemic", "disaster", "mission", "deployment",
    "rescue", "relief", "evacuation", "evacuations",
})  # fmt: skip
#: Products named by their origin: "U.S. corn", "Brazil beef", "Australia coal".
PRODUCT_MODIFIED: frozenset[str] = frozenset({
    "corn", "maize", "wheat", "soybeans", "soybean", "soy", "rice", "beef", "pork", "poultry",
    "chicken", "lamb", "dairy", "milk", "sugar", "coffee", "cocoa", "tea", "cotton", "rubber",
    "timber", "fruit", "seafood", "shrimp", "salmon", "wine", "whisky", "whiskey", "steel",
    "aluminium", "aluminum", "copper", "nickel", "iron", "coal", "crude", "lng", "oil", "gas",
    "cars", "vehicles", "chips", "semiconductors", "grain", "grains",
})  # fmt: skip
# not "goods", "exports": "the U.S. goods deficit" is the country's (held-out set 3); after the
# product, a measure or a balance makes the country the party: "U.S. steel tariffs"
_PARTY_AFTER = frozenset({
    "tariff", "tariffs", "deficit", "deficits", "surplus", "quota", "quotas", "ban", "bans",
    "subsidy", "subsidies", "sanctions", "policy", "policies", "duties", "duty", "embargo",
    "reserves", "stockpile", "stockpiles", "output", "production", "industry", "sector",
})  # fmt: skip
#: Verbs whose bare object is a place reached: "would reach Israel through other routes".
REACH_VERBS: frozenset[str] = frozenset({"reach", "reaches", "reached", "reaching"})
#: Capitalised words that make "<Country> <Word>" an outlet's name: "France Inter", "China
#: Radio International", "Vietnam Television", "Japan Today" (not "France 24": "June 24").
OUTLET_WORDS: frozenset[str] = frozenset({
    "inter", "info", "culture", "television", "televisions", "télévisions", "tv", "radio",
    "today", "broadcasting", "channel",
    # "told Myanmar Now", "Agence Kampuchea Presse", "The Edge Malaysia Online" (wave 21)
    "now", "daily", "express", "insider", "online", "presse",
})  # fmt: skip
#: Verbs of a visit whose object, a city, is where the visitor goes: "Vasconcelos visits
#: Pretoria" (a country's name after them is the host: "will visit China").
VISIT_VERBS: frozenset[str] = frozenset({
    "visit", "visits", "visited", "visiting", "tour", "tours", "toured", "touring",
})  # fmt: skip
# speech verbs before "in <city>": "said in Brussels last month"
_SAID_IN = frozenset({
    "said", "says", "say", "told", "stated", "declared", "announced", "added", "noted",
    "warned", "insisted", "remarked", "spoke", "speaking",
})  # fmt: skip
#: Nouns after a capital that make it a sports club's city: "the Lisbon club" (set 14).
CLUB_NOUNS: frozenset[str] = frozenset({"club", "clubs", "outfit"})
# a title's time: "Indonesia's then Attorney General …" (held-out set 24), "Thailand's new
# Attorney General …" (wave 21, set 95)
_TITLE_TIMES = frozenset(
    {"then", "former", "acting", "now", "new", "incoming", "outgoing", "interim"}
)
#: Small words inside a capitalised title: "Minister of Justice", "Minister for Law", "then
#: Attorney General".
TITLE_JOINERS: frozenset[str] = frozenset({"of", "for", "the", "and", "&", "-"}) | _TITLE_TIMES
_MAX_TITLE = 8


def noun_forms_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str],
    persons: frozenset[str] | set[str], names: dict[str, str] | None = None,
) -> np.ndarray:  # fmt: skip
    """True for the mentions of ``place_actors`` of the module docstring's forms (``persons``:
    the person actors; ``names``: actor id -> table name, which tells a capital from another
    spelling of the country's name; ``named`` sorted by document and start)."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    city = _city_alias(named, ctx, doc, tok, persons, names or {})
    if not place_actors:
        return city
    sel = np.flatnonzero(named["actor_id"].isin(list(place_actors)).to_numpy())
    if not len(sel):
        return city
    # (strings looked at on the place actors' rows only)
    poss = np.zeros(len(named), bool)
    poss[sel] = named["matched"].iloc[sel].astype(str).str.endswith(("'s", "’s")).to_numpy()
    via = named["via"].to_numpy(object)
    d, t, e = doc[sel], tok[sel], end[sel]
    a0 = ctx.codes(d, e)
    b0 = ctx.codes(d, t - 1)
    plain = ~poss[sel] & (via[sel] != "compound")
    # "the Morocco earthquake", "U.S. corn" (the noun after the country, then no capitalised
    # word of a longer name: "the Mexico Mission Statement")
    modified = plain & (ctx.word_table(EVENT_MODIFIED)[a0] | ctx.word_table(PRODUCT_MODIFIED)[a0])
    if modified.any():
        i = np.flatnonzero(modified)
        modified[i] = (
            ~ctx.capitalised(d[i], e[i])
            & ~ctx.norm_in(d[i], e[i] + 1, _PARTY_AFTER)
            & ~ctx.sentence_start(d[i], e[i])
        )
    reached = plain & ctx.word_table(REACH_VERBS)[b0]
    if reached.any():
        i = np.flatnonzero(reached)
        reached[i] = ~ctx.sentence_start(d[i], t[i])
    outlet = plain & ctx.word_table(OUTLET_WORDS)[a0]
    if outlet.any():
        i = np.flatnonzero(outlet)
        outlet[i] = ctx.capitalised(d[i], e[i]) & (
            ~ctx.sentence_start(d[i], e[i])  # "… aid to Kenya\n\nToday Peru …"
        )
    # "the Lisbon club", "the Madrid outfit": a sports club named by its city (a capital that
    # the table lists for the country; "the Portugal side" is the national team, set 10)
    club = plain & (via[sel] == "alias") & ctx.word_table(CLUB_NOUNS)[a0]
    if club.any():
        i = np.flatnonzero(club)
        pat = named["pattern"].to_numpy(object)[sel[i]]
        act = named["actor_id"].to_numpy(object)[sel[i]]
        club[i] = [
            _capital(str(p), (names or {}).get(a, "")) for p, a in zip(pat, act, strict=True)
        ]
    # a country's name is capitalised: a lower-case match ("with", "state" typed as places in
    # a table) is left to the other rules
    found = modified | reached | outlet | club
    if found.any():
        i = np.flatnonzero(found)
        found[i] = ctx.capitalised(d[i], t[i])
    out[sel] = found
    out |= _person_in_city(named, ctx, doc, tok, end, via, sel, plain, persons, names or {})
    # "Laos' Prosecutor General …": the possessive of a name ending in s, the apostrophe a token
    bare = np.zeros(len(named), bool)
    bare[sel] = ~poss[sel] & ctx.norm_in(doc[sel], end[sel], frozenset({"'", "’"}))
    if bare.any():
        i = np.flatnonzero(bare)
        bare[i] = named["matched"].iloc[i].astype(str).str.endswith("s").to_numpy()
    out |= _possessive_capital_title(named, ctx, doc, tok, end + bare, poss | bare, sel, persons)
    return out | city


def _person_in_city(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    via: np.ndarray, sel: np.ndarray, plain: np.ndarray, persons: frozenset[str] | set[str],
    names: dict[str, str],
) -> np.ndarray:  # fmt: skip
    """A capital (a country's alias) after "<tabled person> in": "talks between Mbala and
    Rwandan President Jean-Claude Habineza in Luanda" is where they meet. The country's own
    name stays a mention ("Võ Văn Thưởng met Lê Minh Trí in Việt Nam", tests/test_actors.py)."""
    out = np.zeros(len(named), bool)
    i = sel[plain & (via[sel] == "alias") & (sel >= 1)]
    if not len(i) or not persons:
        return out
    i = i[(doc[i - 1] == doc[i]) & (end[i - 1] == tok[i] - 1)]
    if not len(i):
        return out
    i = i[named["actor_id"].iloc[i - 1].isin(list(persons)).to_numpy()]
    i = i[ctx.norm_in(doc[i], tok[i] - 1, "in")]
    if len(i):
        pat = named["pattern"].to_numpy(object)[i]
        act = named["actor_id"].to_numpy(object)[i]
        out[i] = [_capital(str(p), names.get(a, "")) for p, a in zip(pat, act, strict=True)]
    return out


def _city_alias(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray,
    persons: frozenset[str] | set[str], names: dict[str, str],
) -> np.ndarray:  # fmt: skip
    """A city that is an actor's alias (a capital or a seat: "Pretoria", "Brussels"; not an
    acronym nor another spelling of the name) where it is a place of any actor: the object of
    a visit, "as Vasconcelos visits Pretoria", "will visit Nay Pyi Taw and Mandalay", and after "said in", "the secretary-general
    said in Brussels" (held-out set 13; "will visit China", the country's name, is the host,
    set 4)."""
    out = np.zeros(len(named), bool)
    # aliases of up to three words ("Nay Pyi Taw", held-out set 22) first (an Arrow
    # comparison), then the words before them
    i = np.flatnonzero((named["n_tok"].to_numpy() <= 3) & (named["via"] == "alias").to_numpy(bool))
    if not len(i):
        return out
    b0 = ctx.codes(doc[i], tok[i] - 1)
    visit = ctx.word_table(VISIT_VERBS)[b0]
    keep = visit | ctx.word_table("in")[b0]
    i, visit = i[keep], visit[keep]
    if not len(i):
        return out
    i = i[ctx.word_table(_SAID_IN)[ctx.codes(doc[i], tok[i] - 2)] | visit]
    if not len(i):
        return out
    i = i[ctx.capitalised(doc[i], tok[i]) & ~ctx.upper(doc[i], tok[i])]
    i = i[~named["actor_id"].iloc[i].isin(list(persons)).to_numpy(bool)]
    i = i[~possessive_mask(named)[i]]
    if len(i):
        pat = named["pattern"].iloc[i].tolist()
        act = named["actor_id"].iloc[i].tolist()
        out[i] = [_capital(str(p), names.get(a, "")) for p, a in zip(pat, act, strict=True)]
    return out


def _capital(alias: str, name: str) -> bool:
    """The alias is not another spelling of the name: "Luanda" for Angola, not "Việt Nam" for
    Vietnam nor "Lao PDR" for Laos (same first three letters once folded)."""
    a, n = fold(alias).replace(" ", ""), fold(name).replace(" ", "")
    return bool(n) and a[:3] != n[:3] and a not in n and n not in a


def _possessive_capital_title(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    poss: np.ndarray, sel: np.ndarray, persons: frozenset[str] | set[str],
) -> np.ndarray:  # fmt: skip
    """A country's possessive right before a tabled person's mention, with only a capitalised
    title between them (then an optional comma): "Spain's Interior Minister Fernando Rubio
    Lara" (the title inside the person's mention), "China's Minister of Justice Hu Jianping",
    "Malaysia's Attorney-General, Tan Sri Kamarul Zaman Osman". Held-out sets 8 and 10 code
    this as one mention of the person; set 4 coded "Australia's Resources Minister Catherine
    Moore" as two (the later, explicit call is followed)."""
    out = np.zeros(len(named), bool)
    if not persons or len(named) < 2:
        return out
    i = sel[poss[sel] & (sel + 1 < len(named))]
    if not len(i):
        return out
    i = i[doc[i + 1] == doc[i]]
    i = i[named["actor_id"].iloc[i + 1].isin(list(persons)).to_numpy()]
    gap = tok[i + 1] - end[i]
    i, gap = i[(gap >= 0) & (gap <= _MAX_TITLE)], gap[(gap >= 0) & (gap <= _MAX_TITLE)]
    if not len(i):
        return out
    via_next = named["via"].to_numpy(object)[i + 1]
    d, e = doc[i], end[i]
    # no gap: the person's own mention opens with its title ("Interior Minister Fernando …")
    ok = (gap > 0) | np.array(["title" in str(v) for v in via_next], bool)
    joiners = ctx.word_table(TITLE_JOINERS)
    comma = ctx.word_table(",")
    for k in range(_MAX_TITLE):
        inside = k < gap
        if not inside.any():
            break
        c = ctx.codes(d, e + k)
        word = ctx.capitalised(d, e + k) | joiners[c]
        last_comma = comma[c] & (k == gap - 1) & (k >= 1)
        ok &= ~inside | word | last_comma
    # the title's first word is capitalised ("China's the …" is no title), or its time
    ok &= (gap == 0) | ctx.capitalised(d, e) | ctx.norm_in(d, e, _TITLE_TIMES)
    out[i] = ok
    return out
