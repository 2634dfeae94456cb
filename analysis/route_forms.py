"""Place forms of routes, flows, regions and named events (issue 12, wave 8), used by
:func:`analysis.actors.find_mentions` next to :mod:`analysis.place_forms` and
:mod:`analysis.noun_forms`.

:func:`route_forms_mask` drops the mention of a country (an actor with place rules, also
written as its capital) that only locates something, in the forms news uses for travel, trade
flows, weather, regions and the names of events:

* a route or a range, "from X to Y": "sailed from Manila to Hanoi", "Across Southeast Asia,
  from Myanmar to the Philippines", "moved production from China to Vietnam", "crossed into
  Thailand from Myanmar" (not after a sender's noun, :data:`SENT_NOUNS`: "a letter from
  Vietnam to China", "aid from China to Laos" name parties);
* a transport link, "the rail line links Kunming with Vientiane" (:data:`LINK_VERBS`);
* a compass adjective right before the country, "Heavy rain hit northern Vietnam"
  (:data:`COMPASS_ADJECTIVES`), and a compass noun after its possessive, "Vietnam's north";
* the object of a verb of a disaster whose subject is a disaster, "the storm hit the
  Philippines", "Typhoon Rai struck the Philippines" (:data:`DISASTER_VERBS`,
  :data:`DISASTER_NOUNS`); "smoke drifted over Singapore"; "the haze from Indonesia";
* areas: "off the coast of Indonesia", "much of Thailand" (:data:`AREA_OF_WORDS`);
* people by their origin after a copula, "Most of the victims were from Indonesia, Vietnam
  and the Philippines", and "investors from Singapore" (:data:`ORIGIN_PEOPLE`; state
  officials and forces "from X" stay mentions);
* goods and news by their origin: "rice exports from Thailand", "goods from China", "news
  from Thailand" (:data:`ORIGIN_THINGS`);
* destinations of tourism: "Tourism to Thailand", "tourists flocked to Thailand", "moved west
  towards Myanmar" (:data:`TOURISM_WORDS`, :data:`TOWARD_VERBS`); goods or people smuggled
  "to X" after an object, "smuggling military technology to Russia" (:data:`SMUGGLE_VERBS`);
  where someone takes part from, "chairing the session from Jakarta" (:data:`REMOTE_VERBS`);
* a country modifying a part of a route or of a company: "The Laos leg of the tour", "the
  Vietnam section of the highway", "the company's Vietnam unit" (:data:`PART_NOUNS`,
  :data:`UNIT_NOUNS`);
* a country opening the capitalised name of an event: "The Vietnam War", "Indonesia Open
  champion", "the Singapore Grand Prix" (:data:`EVENT_NAME_HEADS`; the lower-case "the
  Ukraine war" names a party);
* a country at the end of an outlet's name or a social-media handle: "Follow The Star
  Malaysia on Facebook";
* held-out sets 18 and 19: the origin of a journey, "had crossed from China", "arrived by air
  from Mexico", "travel from Mexico", "asylum claims from Mexico" (:data:`ARRIVAL_WORDS`,
  :data:`TRAVEL_MODES`, :data:`CLAIM_NOUNS`); two countries that "share a border"; a person
  handed over in the passive, "a businessman wanted for fraud has been handed over to China"
  (:data:`PASSIVE_PEOPLE`); a meeting named by where it is held, "the Kuala Lumpur meeting"
  (:data:`MEETING_NOUNS`).

Lists go on: "were from Indonesia, Vietnam and the Philippines" drops each country. Every rule
looks at the words around the candidate mentions only, as integer codes of the tokens table's
``norm`` column; strings are built for the few rows left after the cheap tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.noun_forms import PRODUCT_MODIFIED
from analysis.place_forms import (
    BORDER_ACTORS,
    HANDED_PEOPLE,
    HANDOVER_VERBS,
    MOVER_NOUNS,
    REGION_NOUNS,
    continue_lists,
    place_rows,
)
from analysis.place_rules import PEOPLE_FROM
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
    "SENT_NOUNS",
    "LINK_VERBS",
    "COMPASS_ADJECTIVES",
    "COMPASS_NOUNS",
    "DISASTER_VERBS",
    "DISASTER_NOUNS",
    "DRIFT_VERBS",
    "AREA_OF_WORDS",
    "ORIGIN_PEOPLE",
    "ORIGIN_THINGS",
    "TOURISM_WORDS",
    "TOWARD_VERBS",
    "SMUGGLE_VERBS",
    "REMOTE_VERBS",
    "ENVOY_PEOPLE",
    "PART_NOUNS",
    "UNIT_NOUNS",
    "EVENT_NAME_HEADS",
    "SOCIAL_PLATFORMS",
    "INVESTMENT_NOUNS",
    "WAY_NOUNS",
    "OFF_WORDS",
    "CROSS_VERBS",
    "FORECAST_VERBS",
    "BRACE_VERBS",
    "LEAVE_ENTER_VERBS",
    "ARRIVAL_WORDS",
    "TRAVEL_MODES",
    "CLAIM_NOUNS",
    "MEETING_NOUNS",
    "PASSIVE_PEOPLE",
    "route_forms_mask",
]

#: Nouns before "from X to Y" that make X a sender and Y a recipient (parties, not a route):
#: "a letter from Vietnam to China", "aid from China to Laos".
SENT_NOUNS: frozenset[str] = frozenset({
    "letter", "letters", "message", "messages", "note", "notes", "request", "requests", "call",
    "calls", "invitation", "invitations", "aid", "support", "assistance", "loan", "loans",
    "grant", "grants", "donation", "donations", "gift", "gifts", "delegation", "delegations",
    "envoy", "envoys", "officials", "official", "ministers", "minister", "leaders", "leader",
    "offer", "offers", "proposal", "proposals", "protest", "protests", "complaint", "apology",
    "condolences", "congratulations", "greetings", "pressure", "warning", "warnings",
    "demand", "demands", "shift", "handover", "chairmanship", "presidency", "delegates",
    "representatives", "officers", "police", "troops", "forces", "observers", "experts",
    "prosecutors", "judges", "diplomats", "ambassador", "ambassadors", "team", "teams",
})  # fmt: skip
#: Verbs of a transport link between two places: "The rail line links Kunming with Vientiane".
LINK_VERBS: frozenset[str] = frozenset({
    "link", "links", "linked", "linking", "connect", "connects", "connected", "connecting",
})  # fmt: skip
#: Compass and area adjectives right before a country: "hit northern Vietnam" (lower case, or
#: capitalised opening a sentence: "Northern Vietnam was hit"); not "neighbouring", which
#: the older rule takes only after a preposition ("neighbouring Cambodia sent troops" acts).
COMPASS_ADJECTIVES: frozenset[str] = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western", "north-central", "south-central", "far-northern", "far-eastern",
    "coastal", "rural",
})  # fmt: skip
#: Compass nouns after a country's possessive: "Vietnam's north was hit by floods".
COMPASS_NOUNS: frozenset[str] = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "far-north", "far-east",
})  # fmt: skip
#: Verbs whose object is the place a disaster struck (with a word of :data:`DISASTER_NOUNS`
#: before them in the clause): "the storm hit the Philippines".
DISASTER_VERBS: frozenset[str] = frozenset({
    "hit", "hits", "hitting", "struck", "strike", "strikes", "striking", "battered", "batters",
    "battering", "lashed", "lashes", "lashing", "pounded", "pounds", "pounding", "swept",
    "sweeps", "ravaged", "ravages", "rocked", "rocks", "shook", "shakes", "rattled",
    "rattles", "inundated", "inundates", "devastated", "devastates", "blanketed", "blankets",
    "engulfed", "engulfs", "gripped", "grips", "gripping", "scorched", "drenched", "flooded",
})  # fmt: skip
#: Disasters and weather as the subject of such a verb, or the thing that comes "from X".
DISASTER_NOUNS: frozenset[str] = frozenset({
    "earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "aftershock",
    "aftershocks", "flood", "floods", "flooding", "floodwaters", "rain", "rains", "rainfall",
    "downpour", "downpours", "monsoon", "storm", "storms", "typhoon", "typhoons", "cyclone",
    "cyclones", "hurricane", "tsunami", "drought", "droughts", "heatwave", "heatwaves", "heat",
    "snow", "snowstorm", "blizzard", "cold", "winds", "wind", "landslide", "landslides",
    "mudslide", "mudslides", "wildfire", "wildfires", "fires", "fire", "haze", "smoke", "ash",
    "eruption", "pollution", "smog", "dust", "waves", "outbreak", "epidemic", "pandemic",
})  # fmt: skip
#: Verbs of something spreading over a place: "smoke drifted over Singapore and Malaysia".
DRIFT_VERBS: frozenset[str] = frozenset({
    "drifted", "drifts", "drift", "drifting", "hung", "hangs", "hanging", "hovered", "hovering",
    "spread", "spreads", "spreading", "rained", "swept", "blew", "blown", "flew", "flying",
})  # fmt: skip
#: Verbs of a forecast whose "over X" is the area the weather hits: "Heavy rain is forecast
#: over Laos, Myanmar and northern Thailand" (held-out set 13).
FORECAST_VERBS: frozenset[str] = frozenset({
    "forecast", "forecasts", "forecasted", "predicted", "expected", "fell", "falls", "fall",
    "poured", "lingered", "lingers", "lingering", "stalled", "persisted",
})  # fmt: skip
# weather nouns right before "over X" ("rain over Laos"; not "storm", "row": "a storm over
# Israel's plan" is a dispute)
_WEATHER_OVER = frozenset({
    "rain", "rains", "rainfall", "downpours", "showers", "snow", "snowfall", "haze", "smog",
    "winds", "thunderstorms",
})  # fmt: skip
#: Verbs of a place that awaits a disaster: "Laos and Thailand brace for floods".
BRACE_VERBS: frozenset[str] = frozenset({"brace", "braces", "braced", "bracing"})
#: "<word> of [the] X" naming a part of the country: "off the coast of Indonesia", "much of
#: Thailand" (with :data:`analysis.place_rules.AREA_OF_NOUNS`).
AREA_OF_WORDS: frozenset[str] = frozenset({
    # not "interior": "Minister of Interior of Thailand" (set 7)
    "coast", "coasts", "coastline", "shores", "waters", "countryside", "heartland",
    "hinterland", "mainland", "islands", "much", "most", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west", "centre", "center",
})  # fmt: skip
#: Private people named by their origin ("from X"), with
#: :data:`analysis.place_rules.PEOPLE_FROM`: "investors from Singapore"; not officials, police
#: or observers, who act for their state (set 9).
ORIGIN_PEOPLE: frozenset[str] = frozenset({
    "investors", "businessmen", "businesspeople", "businesswomen", "traders", "buyers",
    "shoppers", "fans", "pilgrims", "holidaymakers", "backpackers", "expatriates", "expats",
    "immigrants", "emigrants", "evacuees", "survivors", "nurses", "maids", "seafarers",
    # "A 24-year-old survivor from Indonesia" (wave 21, set 96)
    "survivor", "victim", "victims",
    # "Interviewees were from Cambodia, China, …", "most of those detained were from China,
    # Vietnam and Indonesia" (wave 31: sets 46 and 184 leave them uncoded 8 times of 8)
    "interviewees", "respondents", "detained",
    # not players or teams: a national side stands for its country (set 10)
})  # fmt: skip
#: Things named by their origin ("from X"): goods, trade flows and news ("rice exports from
#: Thailand", "news from Thailand"), with the products of
#: :data:`analysis.noun_forms.PRODUCT_MODIFIED`.
ORIGIN_THINGS: frozenset[str] = frozenset({
    "exports", "imports", "goods", "products", "shipments", "produce", "cargo", "cargoes",
    "supplies", "arrivals", "remittances", "news", "updates", "stories", "headlines",
    "coverage", "dispatches", "footage", "images", "pictures", "photos", "videos",
    "postcard", "postcards",
    "evidence",  # "defendants who need evidence from China" (set 14)
}) | PRODUCT_MODIFIED  # fmt: skip
#: Words of tourism and travel whose "to X" is a destination: "Tourism to Thailand",
#: "tourists flocked to Thailand".
TOURISM_WORDS: frozenset[str] = frozenset({
    "tourism", "travel", "holidays", "holiday", "cruises", "cruise", "tours", "excursions",
    "flocked", "flock", "flocks", "flocking", "migrate", "migrated", "migrates", "migrating",
    "emigration", "immigration", "pilgrimage", "pilgrimages", "trek", "treks",
})  # fmt: skip
#: Verbs of moving goods or people by stealth or by sea whose "to X" after an object of up to
#: two words is a destination: "smuggling military technology to Russia" (held-out set 17).
SMUGGLE_VERBS: frozenset[str] = frozenset({
    "smuggling", "smuggle", "smuggles", "smuggled", "trafficking", "traffic", "trafficked",
    "shipping", "shipped", "ferrying", "ferried",
})  # fmt: skip
#: Verbs of taking part whose "from X", right after them or after an object of up to two
#: words, is where someone takes part from: "chairing the session from Jakarta", "joined the
#: call from Hanoi" (held-out set 17, as set 16's "Speaking from Phnom Penh").
REMOTE_VERBS: frozenset[str] = frozenset({
    "chairing", "chaired", "presiding", "presided", "joining", "joined", "attending",
    "attended", "participating", "participated", "dialling", "dialing", "dialled", "dialed",
})  # fmt: skip
#: People who come "from X" for its state, after a verb of :data:`REMOTE_VERBS`: "Also
#: attending: representatives from Brunei" names a party, not where someone dials in from.
ENVOY_PEOPLE: frozenset[str] = frozenset({
    "representative", "representatives", "delegate", "delegates", "delegation", "delegations",
    "official", "officials", "envoy", "envoys", "minister", "ministers", "prosecutors",
    "counterparts",
})  # fmt: skip
#: Verbs of moving whose "towards X" (also after a compass word: "moved west towards") is a
#: direction, not an attitude ("hostility towards China" names a party).
TOWARD_VERBS: frozenset[str] = frozenset({
    # not "moved"/"headed" alone: "Manila moved towards Beijing" may be policy (only after a
    # compass word, "moved west towards")
    "drifted", "drifting",
    "sailed", "sailing", "tracked", "tracking", "veered", "veering", "swept", "sweeping",
    "marched", "marching", "advanced", "advancing", "travelled", "traveled", "travelling",
    "flew", "flying", "fled", "fleeing", "drove", "driving", "walked", "swam", "spread",
})  # fmt: skip
#: Parts of a route, a tour or a territory named by a country before them, after an article
#: or a possessive: "The Laos leg of the tour", "the Vietnam section of the highway".
PART_NOUNS: frozenset[str] = frozenset({
    "leg", "legs", "section", "sections", "stretch", "stretches", "portion", "portions",
    "segment", "segments", "stage", "stages", "end", "coast", "coastline", "shore", "part",
    "half",
})  # fmt: skip
#: A company's parts named by a country after the company's possessive or "its"/"their":
#: "the company's Vietnam unit", "its Myanmar subsidiary".
UNIT_NOUNS: frozenset[str] = frozenset({
    "unit", "units", "subsidiary", "subsidiaries", "arm", "affiliate", "affiliates", "branch",
    "branches", "office", "offices", "plant", "plants", "factory", "factories", "operations",
    "operation", "business", "businesses", "division", "venture", "outlets", "stores", "mine",
    "mines", "assets", "staff", "employees", "workforce", "team", "head", "chief", "boss",
})  # fmt: skip
#: Capitalised heads of an event's name opened by a country: "The Vietnam War", "Indonesia
#: Open champion", "the Singapore Grand Prix", "the Malaysia Masters".
EVENT_NAME_HEADS: frozenset[str] = frozenset({
    "war", "wars", "open", "masters", "cup", "grand", "championship", "championships",
    "classic", "marathon", "games", "festival", "expo", "airshow", "derby", "rally",
    "invitational", "super", "fashion", "biennale", "triennale", "idol",
})  # fmt: skip
#: Platforms after a handle: "Follow The Star Malaysia on Facebook".
SOCIAL_PLATFORMS: frozenset[str] = frozenset({
    "facebook", "twitter", "instagram", "youtube", "tiktok", "linkedin", "telegram",
    "whatsapp", "threads", "weibo", "wechat", "line",
})  # fmt: skip

# the second word of a two-word head: "Grand Prix", "Super Series", "Fashion Week"
_SECOND_HEADS = frozenset({"prix", "slam", "series", "league", "cup", "week"})
# the word before an outlet's "The" inside a sentence: "Follow The Star Malaysia", "told The
# Star Malaysia" (not a colon or a headline: "this: The Southern States insisted")
_MEDIA_BEFORE = frozenset({
    "follow", "like", "read", "watch", "subscribe", "visit", "via", "by", "told", "tells",
    "telling", "tell", "reported", "according", "on",
})  # fmt: skip
#: Nouns of money or capital whose "into X" is where it goes: "Foreign investment into
#: Indonesia rose".
INVESTMENT_NOUNS: frozenset[str] = frozenset({
    "investment", "investments", "fdi", "capital", "money", "funds", "inflows", "remittances",
})  # fmt: skip
#: Words before "to X" of a way there: "en route to Thailand", "on their way to Malaysia".
WAY_NOUNS: frozenset[str] = frozenset({"route", "en-route", "way", "path", "passage"})
#: Words before "off X" (at sea, by a coast): "The boat sank off Indonesia", "the waters off
#: Vietnam".
OFF_WORDS: frozenset[str] = frozenset({
    "sank", "sunk", "sinks", "capsized", "seized", "intercepted", "spotted", "detained",
    "rescued", "anchored", "located", "operating", "fishing", "stranded", "drowned",
    "patrolling", "waters", "coast", "island", "islands", "boat", "boats", "vessel", "vessels",
    "ship", "ships", "sea", "seas", "collided", "ran", "aground", "wrecked",
})  # fmt: skip
#: Verbs whose bare object is a country left or entered: "He left Vietnam in 2019", "They
#: entered Thailand illegally".
LEAVE_ENTER_VERBS: frozenset[str] = frozenset({
    "left", "leaving", "leave", "leaves", "departed", "departing", "exited", "exiting",
    "entered", "entering", "enter", "enters", "re-entered", "reentered",
})  # fmt: skip
# after "left X": a state it is left in ("left Vietnam isolated" names the one affected)
_LEFT_STATE = frozenset({
    "isolated", "vulnerable", "exposed", "out", "behind", "alone", "unable", "free", "open",
    "with", "without", "facing", "holding", "short", "reeling", "worse", "better",
})  # fmt: skip
_MOVE = frozenset({"moved", "moves", "moving", "move", "headed", "heading", "heads"})
_FROM_TO_NEXT = frozenset({"to", "through", "via", "into", "towards", "toward"})
#: Verbs of crossing whose "from X" after the thing crossed is an origin: "crossed the Moei
#: River from Myanmar", "swam the river from Laos" (held-out set 13).
CROSS_VERBS: frozenset[str] = frozenset({
    "crossed", "cross", "crosses", "crossing", "swam", "waded", "sailed", "rowed", "ferried",
})  # fmt: skip
# lower-case words of the thing crossed, between the verb and "from" (capitalised ones pass)
_CROSSED = frozenset({
    "the", "a", "river", "border", "frontier", "strait", "straits", "sea", "bridge", "lake",
    "channel", "gulf", "mountains", "desert", "jungle", "by", "boat", "on", "foot", "illegally",
    "over",
})  # fmt: skip
_TO = frozenset({"to", "into", "through", "via", "towards", "toward"})
#: Words of arriving and travelling whose "from X" is an origin: "arrived from Mexico", "travel
#: from Mexico", "visitors from Chile" (held-out set 18); with :data:`TRAVEL_MODES` after "by"
#: ("by air from Mexico") and :data:`CLAIM_NOUNS` after "asylum" ("asylum claims from X").
ARRIVAL_WORDS: frozenset[str] = frozenset({
    "arrived", "arrive", "arrives", "arriving", "arrival", "flew", "fly", "flies", "flying",
    "flights", "flight", "travel", "travels", "travelling", "traveling", "travellers",
    "travelers", "visitors", "tourists", "tourism", "trips", "crossings",
})  # fmt: skip
#: Means of travel after "by": "by air from X", "by boat from X".
TRAVEL_MODES: frozenset[str] = frozenset({
    "air", "sea", "land", "road", "rail", "boat", "plane", "bus", "train", "ferry", "car", "foot",
})  # fmt: skip
#: Claims and claimants after "asylum"/"refugee"/"visa": "asylum claims from Mexico".
CLAIM_NOUNS: frozenset[str] = frozenset({
    "claims", "claim", "claimants", "applications", "applicants", "seekers", "requests",
})  # fmt: skip
_CLAIMED = frozenset({"asylum", "refugee", "visa", "protection"})
_SHARE = frozenset({"share", "shares", "shared", "sharing"})
#: Meetings that a place before them locates: "the Kuala Lumpur meeting" (held-out set 19).
MEETING_NOUNS: frozenset[str] = frozenset({
    "meeting", "meetings", "conference", "summit", "talks", "forum", "gathering", "session",
    "workshop", "symposium", "seminar", "round",
})  # fmt: skip
#: People handed over, before a passive "handed over to X": those of
#: :data:`analysis.place_forms.HANDED_PEOPLE` and :data:`ORIGIN_PEOPLE`, one person, a pronoun.
PASSIVE_PEOPLE: frozenset[str] = HANDED_PEOPLE | ORIGIN_PEOPLE | frozenset({
    "man", "woman", "boy", "girl", "teenager", "businessman", "businesswoman", "tycoon",
    "executive", "banker", "citizen", "national", "convict", "he", "she", "they",
})  # fmt: skip
_BORDER_WORDS = frozenset({"border", "frontier", "boundary", "coastline"})
_BORDER_END = frozenset({
    ",", ".", ";", ":", "and", "with", "that", "which", "along", "of", "in", "where", "but", "",
})  # fmt: skip
_COPULA = frozenset({
    "were", "are", "was", "is", "be", "been", "being", "hail", "hails", "hailed", "hailing",
})  # fmt: skip
_ADVERBS = frozenset({
    "mostly", "mainly", "largely", "primarily", "chiefly", "predominantly", "all", "both",
    "originally", "also", "reportedly", "believed", "said", "thought", "understood",
})  # fmt: skip
_CLAUSE = frozenset({".", "!", "?", ";", ":", "that", "which", "who", "but", '"', "“", "”"})
# words after a region's noun that end its phrase: "Vietnam's north was hit"
_AFTER_REGION = frozenset({
    ",", ".", ";", ":", "!", "?", ")", "-", "–", "—", "and", "or", "in", "on", "at", "of", "to",
    "from", "with", "where", "which", "was", "is", "were", "are", "has", "have", "had", "will",
    "would", "remains", "remained", "saw", "sees", "suffered", "bore", "received", "got",
})  # fmt: skip
_OWNERS = frozenset({"its", "their", "our", "his", "her"})
_ARTICLES = frozenset({"the", "a", "an"}) | _OWNERS
_LIST = frozenset({",", "and", "or"})
_POSS = ("'s", "’s")


def route_forms_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for the mentions of ``place_actors`` of the module docstring's forms (``named``
    sorted by document and start)."""
    out = np.zeros(len(named), bool)
    rows = place_rows(named, place_actors)
    if rows is None:
        return out
    sel, doc, tok, end = rows
    poss = named["matched"].iloc[sel].astype(str).str.endswith(_POSS).to_numpy()
    plain = ~poss & (named["via"].to_numpy(object)[sel] != "compound")
    here = ctx.rows(doc, tok)
    b = [codes_before(ctx, doc, tok, k, here) for k in (1, 2, 3)]
    a0, a1 = codes_at(ctx, doc, end), codes_at(ctx, doc, end + 1)

    def t_(words) -> np.ndarray:  # a look-up table over the norm codes (also -1 and -2)
        return code_table(ctx, {words} if isinstance(words, str) else words)

    the = t_("the")
    # "the" before the country moves the look-back one word ("from the Philippines" where the
    # table spells it without "the")
    sh = the[b[0]]
    q0, q1 = np.where(sh, b[1], b[0]), np.where(sh, b[2], b[1])
    from_ = t_("from")[q0]
    listable = np.zeros(len(sel), bool)
    mask = np.zeros(len(sel), bool)

    # -- from X to Y ---------------------------------------------------------------------
    nxt = t_(_FROM_TO_NEXT)[a0]
    route_x = plain & from_ & nxt
    route_x = narrow(route_x, lambda i: (
        ctx.capitalised(doc[i], end[i] + 1)
        | (the[a1[i]] & ctx.capitalised(doc[i], end[i] + 2))
    ))  # fmt: skip
    route_x &= ~_sender_before(ctx, doc, tok, sh)
    mask |= route_x
    # Y after "to"/"from" whose other end is a capitalised name after "from"/"to"
    route_y = plain & (t_(_TO)[q0] | from_)
    route_y = narrow(route_y, lambda i: _other_end(ctx, doc[i], tok[i] - 1 - sh[i], from_[i]))
    mask |= route_y
    # -- links -----------------------------------------------------------------------------
    link = t_(LINK_VERBS)
    link_x = plain & link[b[0]] & t_({"with", "to", "and"})[a0]
    link_x = narrow(link_x, lambda i: (
        ctx.capitalised(doc[i], end[i] + 1)
        | (the[a1[i]] & ctx.capitalised(doc[i], end[i] + 2))
    ))  # fmt: skip
    link_y = plain & t_({"with", "to", "and"})[b[0]]
    link_y = narrow(link_y, lambda i: _linked(ctx, doc[i], tok[i]))
    mask |= link_x | link_y
    # -- compass -----------------------------------------------------------------------------
    compass = plain & t_(COMPASS_ADJECTIVES)[b[0]]
    compass = narrow(compass, lambda i: (
        ~ctx.capitalised(doc[i], tok[i] - 1) | ctx.sentence_start(doc[i], tok[i] - 1)
    ))  # fmt: skip
    mask |= compass
    # the noun ends its phrase (not a body, "Chile's north police") or follows a place's
    # preposition ("The floods in Thailand's north killed 30")
    north = (
        poss
        & t_(COMPASS_NOUNS)[a0]
        & (t_(_AFTER_REGION)[a1] | (a1 < 0) | t_({"in", "across", "throughout", "into"})[b[0]])
    )
    mask |= narrow(north, lambda i: ~ctx.capitalised(doc[i], end[i]))
    # -- disasters ---------------------------------------------------------------------------
    dverb = t_(DISASTER_VERBS)
    at_verb = np.where(
        dverb[b[0]], 1, np.where((t_(COMPASS_ADJECTIVES)[b[0]] | the[b[0]]) & dverb[b[1]], 2, 0)
    )
    struck = plain & (at_verb > 0)
    struck = narrow(struck, lambda i: _noun_before(ctx, doc[i], tok[i] - at_verb[i]))
    drift = plain & (t_("over")[q0] & t_(DRIFT_VERBS)[q1])
    haze = plain & from_ & t_(DISASTER_NOUNS)[q1]
    drift |= plain & t_("over")[q0] & (t_(FORECAST_VERBS)[q1] | t_(_WEATHER_OVER)[q1])
    # "Hainan, Laos and Thailand brace for floods": the last of the list and those before it
    brace = plain & t_(BRACE_VERBS)[a0] & t_("for")[a1]
    brace = narrow(brace, lambda i: _disaster_after(ctx, doc[i], end[i] + 2))
    mask |= struck | brace
    listable |= drift | haze
    # -- areas, people and things by origin, tourism ----------------------------------------
    # (in lower case: not a title, "Minister of Coast Guard of X")
    area = plain & t_("of")[q0] & t_(AREA_OF_WORDS)[q1]
    area = narrow(area, lambda i: ~ctx.capitalised(doc[i], tok[i] - 2 - sh[i]))
    people = plain & from_ & t_(ORIGIN_PEOPLE)[q1]
    things = plain & from_ & t_(ORIGIN_THINGS)[q1]
    copula = plain & from_ & (t_(_COPULA)[q1] | t_(_ADVERBS)[q1])
    copula = narrow(copula, lambda i: _people_before(ctx, doc[i], tok[i] - 1 - sh[i]))
    tourism = plain & t_({"to", "into"})[q0] & t_(TOURISM_WORDS)[q1]
    toward = t_({"towards", "toward"})[q0]
    q2 = np.where(sh, codes_before(ctx, doc, tok, 4, here), b[2])
    toward = (
        plain
        & toward
        & (t_(TOWARD_VERBS)[q1] | (t_(COMPASS_NOUNS)[q1] & t_(TOWARD_VERBS | _MOVE)[q2]))
    )
    tourism |= plain & t_({"into"})[q0] & t_(INVESTMENT_NOUNS)[q1]
    tourism |= plain & t_({"to"})[q0] & t_(WAY_NOUNS)[q1]
    q3 = np.where(sh, codes_before(ctx, doc, tok, 5, here), codes_before(ctx, doc, tok, 4, here))
    smuggle = t_(SMUGGLE_VERBS)
    tourism |= plain & t_({"to"})[q0] & (smuggle[q2] | smuggle[q3])
    remote = t_(REMOTE_VERBS)
    # not the agent of a passive, whose "from X" names a party: "attended by officials from
    # Thailand" (held-out set 36)
    by = t_("by")
    # nor the people who come for the state: "Also attending: representatives from Brunei"
    # (wave 21, set 71)
    envoys = t_(ENVOY_PEOPLE)[q1]
    tourism |= (
        plain & from_ & ~envoys
        & (remote[q1] | (remote[q2] & ~by[q1]) | (remote[q3] & ~by[q1] & ~by[q2]))
    )  # fmt: skip
    within = plain & t_({"within"})[q0]
    # "The boat sank off Indonesia"; "He left Vietnam", "They entered Thailand"
    within |= plain & t_({"off"})[q0] & t_(OFF_WORDS)[q1]
    within |= plain & t_(LEAVE_ENTER_VERBS)[q0] & ~t_(_LEFT_STATE)[a0]
    # "Flights to and from China" (not "messages to and from")
    both = plain & from_ & t_({"and"})[q1]
    both = narrow(both, lambda i: (
        ctx.norm_in(doc[i], tok[i] - 3 - sh[i], "to")
        & ~ctx.norm_in(doc[i], tok[i] - 4 - sh[i], SENT_NOUNS)
    ))  # fmt: skip
    within |= both
    # "crossed the Moei River from Myanmar": the origin of a crossing
    cross = narrow(plain & from_ & ~t_(CROSS_VERBS)[q1], lambda i: _crossed_before(
        ctx, doc[i], tok[i] - 1 - sh[i], t_(CROSS_VERBS), t_(_CROSSED)
    ))  # fmt: skip
    within |= cross
    # "suspects who had crossed from China", "arrived … by air from Mexico", "travel from
    # Mexico", "asylum claims from Mexico": origins of a journey (held-out set 18)
    q2b = np.where(sh, codes_before(ctx, doc, tok, 4, here), b[2])
    within |= plain & from_ & (t_(CROSS_VERBS)[q1] | t_(ARRIVAL_WORDS)[q1])
    # the second of two places after "in" whose first is no actor: "Prosecutors in Southeast
    # Asia and China met", "a colleague in Kunming or Phnom Penh" (wave 21, sets 95 and 101)
    # ("its counterparts in ASEAN and China" lists two parties: the first is tabled)
    listed = plain & t_({"and", "or"})[b[0]]
    if listed.any():
        width = int(ctx.tok.max(initial=0)) + 8
        listed &= ~in_sorted(doc * width + tok - 2, covered_keys(named, width))
        mask |= narrow(listed, lambda i: _untabled_place_before(ctx, doc[i], tok[i], t_("in")))
    # a return's origin: "vows to bring graft fugitives home from China", "came back from
    # Cambodia" (wave 21, sets 95 and 96)
    within |= plain & from_ & t_({"home", "back"})[q1]
    within |= plain & from_ & t_(TRAVEL_MODES)[q1] & t_("by")[q2b]
    within |= plain & from_ & t_(CLAIM_NOUNS)[q1] & t_(_CLAIMED)[q2b]
    # "X and Y share a 1,400km border": geography (held-out set 19, as set 11's "which border
    # X"); the first of the pair through the list rule
    shares = plain & t_(_SHARE)[a0] & t_({"a", "an", "the", "their", "its"})[a1]
    shares = narrow(shares, lambda i: _border_after(ctx, doc[i], end[i] + 2))
    mask |= shares
    # the passive hand-over, the people before the verb: "a fugitive wanted for fraud has been
    # handed over to China" (held-out set 19; place_forms has the active "handed … to X")
    over = t_({"over", "back"})[q1]
    handed = plain & t_("to")[q0] & (t_(HANDOVER_VERBS)[q1] | (over & t_(HANDOVER_VERBS)[q2b]))
    handed = narrow(handed, lambda i: _passive_people(ctx, doc[i], tok[i] - 2 - sh[i] - over[i]))
    listable |= handed
    # "the Kuala Lumpur meeting", "the Lima talks": a meeting named by where it is held
    # (held-out set 19; a capitalised head, "the Vientiane Declaration", is a name)
    meeting = plain & the[b[0]] & t_(MEETING_NOUNS)[a0]
    mask |= narrow(meeting, lambda i: ~ctx.capitalised(doc[i], end[i]))
    # private people named by the country before them: "Myanmar refugees", "Cambodia workers"
    demonym = plain & t_(PEOPLE_FROM - {"them", "people"} | ORIGIN_PEOPLE)[a0]
    listable |= area | people | things | copula | tourism | toward | within
    mask |= demonym
    # -- parts of a route or a company ---------------------------------------------------------
    art = t_(_ARTICLES)[b[0]]
    part = plain & art & t_(PART_NOUNS)[a0]
    # not a body: "the Myanmar coast guard"
    part = narrow(part, lambda i: ~ctx.capitalised(doc[i], end[i] + 1)
                   & ~ctx.norm_in(doc[i], end[i] + 1, BORDER_ACTORS))  # fmt: skip
    unit = plain & t_(UNIT_NOUNS)[a0] & ~the[b[0]]
    unit = narrow(unit, lambda i: _owner(ctx, doc[i], tok[i] - 1))
    mask |= part | unit
    mask |= _named_region(ctx, doc, end, poss)
    # -- names of events and outlets -----------------------------------------------------------
    # "the Vietnam War" (with "the": "Ukraine War" alone may be a headline's "war")
    event = plain & t_(EVENT_NAME_HEADS - {"war", "wars"})[a0] | (
        plain & t_({"war", "wars"})[a0] & the[b[0]]
    )
    event = narrow(event, lambda i: _event_name(ctx, doc[i], tok[i], end[i]))
    outlet = plain & t_("on")[a0] & t_(SOCIAL_PLATFORMS)[a1]
    outlet = narrow(outlet, lambda i: ctx.capitalised(doc[i], end[i] + 1))
    # (codes first: "The" two or three words before, after a word of following or reporting)
    handle = plain & ~t_(_LIST | {"(", "-", "–", "—"})[b[0]] & (b[0] >= 0)
    handle &= (the[b[1]] & t_(_MEDIA_BEFORE)[b[2]]) | the[b[2]]
    handle = narrow(handle, lambda i: _outlet_name(ctx, doc[i], tok[i], end[i]))
    mask |= event | outlet | handle
    # only capitalised names (a lower-case match of a table's word is left to other rules);
    # a group of countries may end in a lower-case noun, "ASEAN member states"
    mask |= listable
    mask = narrow(
        mask, lambda i: ctx.capitalised(doc[i], end[i] - 1) | ctx.capitalised(doc[i], tok[i])
    )
    out[sel] = mask
    continue_lists(named, ctx, out, sel, listable & mask)
    _continue_back(named, ctx, out, sel, (brace | shares) & mask)
    return out


def _disaster_after(ctx: TokenContext, doc: np.ndarray, at: np.ndarray) -> np.ndarray:
    """A disaster noun (:data:`DISASTER_NOUNS`) among the three words from ``at``: "brace for
    floods", "brace for more heavy rain", "brace for Typhoon Yagi"."""
    nouns = ctx.word_table(DISASTER_NOUNS | {"typhoon", "cyclone", "hurricane", "storm"})
    found = np.zeros(len(doc), bool)
    for k in range(3):
        found |= nouns[ctx.codes(doc, at + k)]
    return found


def _border_after(ctx: TokenContext, doc: np.ndarray, at: np.ndarray) -> np.ndarray:
    """A border noun among the three words from ``at`` that ends its phrase ("share a
    1,400km border, and …"; not "shared their boundary data": parties sharing)."""
    found = np.zeros(len(doc), bool)
    for k in range(3):
        found |= ctx.norm_in(doc, at + k, _BORDER_WORDS) & ctx.norm_in(doc, at + k + 1, _BORDER_END)
    return found


def _continue_back(
    named: pd.DataFrame, ctx: TokenContext, out: np.ndarray, sel: np.ndarray, last: np.ndarray
) -> None:
    """A list of places before its last item: a place actor's mention right before one of
    these places, joined by a comma, "and" or "or", is a place too (``out`` updated)."""
    if not last.any():
        return
    doc, tok, end = mention_frame(named)
    is_sel = np.zeros(len(named), bool)
    is_sel[sel] = True
    lst = ctx.word_table(_LIST)
    rows = sel[last]
    for _ in range(8):
        prev = rows - 1
        ok = (prev >= 0) & (rows > 0)
        prev, cur = prev[ok], rows[ok]
        ok = is_sel[prev] & (doc[prev] == doc[cur]) & (tok[cur] - end[prev] == 1)
        prev, cur = prev[ok], cur[ok]
        ok = lst[ctx.codes(doc[cur], tok[cur] - 1)] & ~out[prev]
        rows = prev[ok]
        if not len(rows):
            break
        out[rows] = True


def _crossed_before(
    ctx: TokenContext, doc: np.ndarray, from_at: np.ndarray, verbs: np.ndarray, fill: np.ndarray
) -> np.ndarray:
    """A verb of crossing two to six words before "from" (token ``from_at``), with only the
    thing crossed between them: capitalised words and the words of ``fill``."""
    found = np.zeros(len(doc), bool)
    open_ = np.ones(len(doc), bool)
    for k in range(1, 7):
        if not open_.any():
            break
        at = from_at - k
        c = ctx.codes(doc, at)
        hit = open_ & verbs[c] & (k > 1)
        found |= hit
        open_ &= ~hit & (fill[c] | ctx.capitalised(doc, at)) & (c >= 0)
    return found


def _sender_before(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, sh: np.ndarray
) -> np.ndarray:
    """The word before "from" (skipping one adjective or number) is a sender's noun of
    :data:`SENT_NOUNS`."""
    k = 2 + sh.astype(np.int64)
    sent = ctx.word_table(SENT_NOUNS)
    return sent[ctx.codes(doc, tok - k)] | sent[ctx.codes(doc, tok - k - 1)]


def _other_end(ctx: TokenContext, doc: np.ndarray, at: np.ndarray, from_: np.ndarray) -> np.ndarray:
    """``at`` is "to"/"through"/"via"/"into" (or "from", ``from_``) before the country: one to
    eight capitalised words (or a list of them) before it, then "from" (or "to"/"into"/"through"/"via" for a
    "from" at ``at``), in the same sentence: "from Manila to Hanoi", "from Laos through
    Thailand to Malaysia", "into Thailand from Myanmar"."""
    found = np.zeros(len(doc), bool)
    start = ctx.word_table("from")
    back = ctx.word_table(_TO)
    via = ctx.word_table({"through", "via"})
    # a list may stand at the other end: "from Laos and Cambodia to China" (held-out set 22)
    the = ctx.word_table({"the", "and", "or", ","})
    live = ctx.capitalised(doc, at - 1) & ~ctx.sentence_start(doc, at)
    senders = ctx.word_table(SENT_NOUNS)
    for k in range(2, 10):
        if not live.any():
            break
        c = ctx.codes(doc, at - k)
        want = np.where(from_, back[c], start[c] | via[c])
        hit = live & want
        if hit.any():
            i = np.flatnonzero(hit)
            ok = ~(
                senders[ctx.codes(doc[i], at[i] - k - 1)]
                | senders[ctx.codes(doc[i], at[i] - k - 2)]
            )
            found[i] = ok
        live &= (
            ~hit & (ctx.capitalised(doc, at - k) | the[c]) & ~ctx.sentence_start(doc, at - k + 1)
        )
    return found


def _linked(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """ "<link verb> Name with/to/and X": one to three capitalised words between the verb and
    the word before the country."""
    found = np.zeros(len(doc), bool)
    link = ctx.word_table(LINK_VERBS)
    live = ctx.capitalised(doc, tok - 2)
    for k in range(3, 6):
        if not live.any():
            break
        c = ctx.codes(doc, tok - k)
        hit = live & link[c]
        found |= hit
        live &= ~hit & ctx.capitalised(doc, tok - k)
    return found


def _noun_before(ctx: TokenContext, doc: np.ndarray, verb: np.ndarray) -> np.ndarray:
    """A word of :data:`DISASTER_NOUNS` within six words before the verb at ``verb``, in its
    clause: "Heavy rain hit", "Typhoon Rai struck", "when the storm hit"."""
    nouns, stops = code_table(ctx, DISASTER_NOUNS), code_table(ctx, _CLAUSE | {","})
    return _word_back(ctx, doc, verb, nouns, stops, range(1, 7))


def _word_back(
    ctx: TokenContext, doc: np.ndarray, at: np.ndarray, words: np.ndarray, stops: np.ndarray,
    ks: range, live: np.ndarray | None = None, after: np.ndarray | None = None,
    here: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """True where a word of the code table ``words`` stands ``k`` words before ``at`` for a
    ``k`` of ``ks``, in the clause (a word of ``stops`` ends the search), on the rows still
    ``live``; with ``after``, only once a word of that table has been seen on the way back."""
    found = np.zeros(len(doc), bool)
    here = ctx.rows(doc, at) if here is None else here
    live = np.ones(len(doc), bool) if live is None else live
    seen = np.ones(len(doc), bool) if after is None else np.zeros(len(doc), bool)
    for k in ks:
        if not live.any():
            break
        c = codes_before(ctx, doc, at, k, here)
        if after is not None:
            seen |= live & after[c]
        found |= live & seen & words[c]
        live &= (c >= 0) & ~stops[c] & ~found
    return found


def _people_before(ctx: TokenContext, doc: np.ndarray, at: np.ndarray) -> np.ndarray:
    """ "were from X" (``at``: "from"): a people noun (:data:`analysis.place_rules.PEOPLE_FROM`,
    :data:`analysis.place_forms.HANDED_PEOPLE`, :data:`ORIGIN_PEOPLE`) within eight words
    before, in the clause, with a copula between: "Most of the victims were from"."""
    who = code_table(ctx, PEOPLE_FROM | HANDED_PEOPLE | ORIGIN_PEOPLE | MOVER_NOUNS - {"flights"})
    cop = code_table(ctx, _COPULA)
    stops = code_table(ctx, _CLAUSE | {"from", "to", "in"})
    return _word_back(ctx, doc, at, who, stops, range(1, 9), after=cop)


def _passive_people(ctx: TokenContext, doc: np.ndarray, verb: np.ndarray) -> np.ndarray:
    """A passive auxiliary right before the verb at ``verb`` and a word of
    :data:`PASSIVE_PEOPLE` among the fourteen words before it, in the clause: "a fugitive
    wanted for a $20m fraud has been handed"; or the people right before it, without the
    auxiliary ("more than 1,000 suspects handed over to China by Cambodia"; wave 18), or "and"
    after a first participle."""
    aux = code_table(ctx, {"been", "was", "were", "is", "are", "be", "being"})
    and_ = code_table(ctx, {"and"})
    who, stops = code_table(ctx, PASSIVE_PEOPLE), code_table(ctx, _CLAUSE | {","})
    here = ctx.rows(doc, verb)
    before = codes_before(ctx, doc, verb, 1, here)
    # "were arrested in Bokeo in March and handed over to China" (wave 19): the second of two
    # coordinated participles shares the first one's auxiliary
    coordinated = and_[before]
    if coordinated.any():  # an auxiliary before the first participle: "were arrested … and"
        coordinated = _word_back(
            ctx, doc, verb, aux, stops, range(2, 12), live=coordinated, here=here
        )
    live = aux[before] | coordinated
    return who[before] | _word_back(ctx, doc, verb, who, stops, range(2, 16), live=live, here=here)


def _untabled_place_before(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, in_: np.ndarray
) -> np.ndarray:  # fmt: skip
    """ "in" and one to three capitalised words before the "and" or "or" at ``tok - 1``, after a
    word in lower case or a sentence's first: "Prosecutors in Southeast Asia and [China]" (a
    place listed with a place, not "Vo Van Thuong in Hanoi and …", whose "in" follows a name)."""
    found = np.zeros(len(tok), bool)
    live = np.ones(len(tok), bool)
    for k in range(2, 5):
        at = tok - k
        cap = ctx.capitalised(doc, at) & ~ctx.sentence_start(doc, at)
        hit = live & (k > 2) & in_table(codes_at(ctx, doc, at), in_)
        hit &= (codes_at(ctx, doc, at - 1) >= 0) & (
            ~ctx.capitalised(doc, at - 1) | ctx.sentence_start(doc, at - 1)
        )
        found |= hit
        live &= cap
    return found


def _owner(ctx: TokenContext, doc: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The word at ``at`` owns a company's part: "its", "their", or a possessive ("the
    company's", "Telenor's")."""
    w = ctx.norm(doc, at).astype(str)
    return np.isin(w, list(_OWNERS)) | np.char.endswith(w, "'s") | np.char.endswith(w, "’s")


def _named_region(
    ctx: TokenContext, doc: np.ndarray, end: np.ndarray, poss: np.ndarray
) -> np.ndarray:
    """A possessive, up to two capitalised words and a region's noun
    (:data:`analysis.place_forms.REGION_NOUNS`) before a verb or a preposition that ends its
    phrase: "Vietnam's Mekong Delta is sinking" (not "China's State Council is")."""
    found = np.zeros(len(end), bool)
    regions, after = code_table(ctx, REGION_NOUNS), code_table(ctx, _AFTER_REGION)
    # (codes first: a region's noun among the three words after the possessive)
    live = poss.copy()
    i = np.flatnonzero(live)
    near = np.zeros(len(i), bool)
    for k in range(3):
        near |= regions[codes_at(ctx, doc[i], end[i] + k)]
    live[i] = near
    for k in range(3):
        if not live.any():
            break
        i = np.flatnonzero(live)
        c = codes_at(ctx, doc[i], end[i] + k)
        hit = regions[c] & after[codes_at(ctx, doc[i], end[i] + k + 1)]
        if k == 0:  # "Vietnam's state will …" is the state; "Myanmar's Shan State is" a region
            hit &= ~code_table(ctx, {"state", "department", "division"})[c]
        found[i[hit]] = True
        live[i] = ~hit & ctx.capitalised(doc[i], end[i] + k) & (k < 2)
    return found


def _event_name(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The country and a capitalised head of :data:`EVENT_NAME_HEADS` ("Grand Prix", "Super
    Series": one more capitalised word), then a word in lower case, a number or punctuation
    (not a title-case headline, "China Open Talks", nor "Open to"/"Open for")."""
    ok = ctx.capitalised(doc, end)
    two = ctx.norm_in(doc, end, {"grand", "super", "fashion"})
    after = end + 1 + two
    ok &= ~two | ctx.norm_in(doc, end + 1, _SECOND_HEADS)
    ok &= ~ctx.capitalised(doc, after) | ctx.norm_in(doc, after, {"", "(", ","})
    ok &= ~(ctx.norm_in(doc, end, "open") & ctx.norm_in(doc, after, {"to", "for", "up"}))
    return ok


def _outlet_name(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """A capitalised "The" inside a sentence after a word of following or reporting
    (follow, read, told, via …), one or two capitalised words, then the country and no further
    capitalised word: "Follow The Star Malaysia on Facebook", "told The Star Malaysia"."""
    found = np.zeros(len(doc), bool)
    the, media = ctx.word_table("the"), ctx.word_table(_MEDIA_BEFORE)
    live = ctx.capitalised(doc, tok - 1) & ~ctx.capitalised(doc, end)
    for k in (2, 3):
        if not live.any():
            break
        c = ctx.codes(doc, tok - k)
        hit = live & the[c] & ctx.capitalised(doc, tok - k) & ~ctx.sentence_start(doc, tok - k)
        hit &= media[ctx.codes(doc, tok - k - 1)]
        found |= hit
        live &= ~hit & ctx.capitalised(doc, tok - k) & ~the[c]
    return found
