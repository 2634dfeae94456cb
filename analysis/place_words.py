"""Word lists of the place rules (issue 12), kept apart from the rules that read them.

:data:`PLACE_NOUNS_AFTER` (the nouns after a country's possessive that make it a place: "China's
Guangdong province", "Uzbekistan's southern sea"), :data:`NAME_HEADS_BEFORE_OF` (the heads of
an untabled proper name that ends in a country: "the Bank of Thailand", "the Global New Light
of Myanmar") and :data:`COUNT_WORDS` (numbers between "in" and a place: "in five ASEAN
countries"), :data:`FIRM_NOUNS` (the nouns after "a <place>" that make it a place: "a Phnom Penh
rights group", "a Kuala Lumpur lawyer"). :mod:`analysis.mention_rules`,
:mod:`analysis.place_forms` and :mod:`analysis.place_rules` re-export them.

>>> "sea" in PLACE_NOUNS_AFTER and "waters" not in PLACE_NOUNS_AFTER
True
"""

from __future__ import annotations

__all__ = [
    "PLACE_NOUNS_AFTER", "NAME_HEADS_BEFORE_OF", "COUNT_WORDS", "FIRM_NOUNS", "TRADE_WORDS",
    "MAINLY_WORDS", "CAME_WORDS", "BORDER_POINTS",
]  # fmt: skip

#: Nouns after "X's [Name]": "China's Guangdong province", "Vietnam's capital".
PLACE_NOUNS_AFTER: frozenset[str] = frozenset({
    "province", "region", "city", "state", "county", "district", "capital", "island",
    "islands", "prefecture", "municipality", "border", "coast", "town", "village", "area",
    "autonomous", "territory", "borders", "provinces", "regions", "cities", "port",
    # a country's geography: "Uzbekistan's southern sea", "Chile's northern desert" (set 15;
    # not "China's waters", whose claim is the state's, nor "Italy's interior ministry")
    "sea", "seas", "lake", "lakes", "river", "rivers", "desert", "deserts", "mountains",
    "forests", "jungle", "jungles", "valley", "valleys", "delta", "plains", "highlands",
    "peninsula", "gulf", "bay", "hills", "coastline", "shores", "countryside",
})  # fmt: skip
#: Capitalised nouns that open an untabled proper name "<Noun> of [the] X": "the Bank of
#: Thailand" is the bank, not Thailand (set 9).
NAME_HEADS_BEFORE_OF: frozenset[str] = frozenset({
    "bank", "university", "institute", "college", "academy", "museum", "library", "hospital",
    "airport", "stadium", "school", "polytechnic", "conservatory", "gallery", "theatre",
    "theater", "orchestra", "cathedral", "church", "archives", "observatory", "zoo",
    # newspapers and broadcasters: "the Global New Light of Myanmar", "The Times of India",
    # "Voice of America" (set 15)
    "light", "times", "voice", "star", "mirror", "herald", "chronicle",
})  # fmt: skip
#: Numbers of places between "in" and the place: "in five ASEAN countries", "in several EU
#: states" (held-out set 15).
COUNT_WORDS: frozenset[str] = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "several", "dozens", "many", "some", "all", "both", "most",
})  # fmt: skip
#: Nouns of businesses that a place name before them locates, one word between: "a London
#: pathology provider", "a Lagos law firm".
FIRM_NOUNS: frozenset[str] = frozenset({
    "provider", "providers", "firm", "firms", "company", "companies", "laboratory",
    "laboratories", "lab", "labs", "clinic", "clinics", "supplier", "suppliers", "operator",
    "operators", "insurer", "insurers", "bank", "banks", "hospital", "hospitals", "hotel",
    "hotels", "restaurant", "school", "college", "university", "court", "startup", "start-up",
    # untabled groups: "a Phnom Penh rights group", "a Lima charity" (held-out set 18)
    "group", "groups", "ngo", "ngos", "charity", "charities", "organisation", "organization",
    "watchdog", "tank", "think-tank",
    # people named by where they work: "a Kuala Lumpur lawyer" (held-out set 27)
    "lawyer", "lawyers", "businessman", "businesswoman", "activist", "activists", "journalist",
    "analyst", "academic", "resident", "residents",
})  # fmt: skip
#: Words of a trade between a place and where it is carried on: "Myanmar scam compounds",
#: "Cambodia fraud hubs" (held-out set 30).
TRADE_WORDS: frozenset[str] = frozenset({
    "scam", "fraud", "casino", "gambling", "trafficking", "smuggling",
})  # fmt: skip
#: "came mainly from X, Y and Z": where people came from (held-out set 31).
MAINLY_WORDS: frozenset[str] = frozenset({
    "mainly", "mostly", "largely", "chiefly", "primarily", "predominantly",
})  # fmt: skip
CAME_WORDS: frozenset[str] = frozenset({"came", "come", "comes", "coming"})
#: Points of a border whose "with X" is its far side: "the border crossing with Vietnam".
BORDER_POINTS: frozenset[str] = frozenset({
    "border", "borders", "frontier", "crossing", "checkpoint", "gate", "bridge", "boundary",
})  # fmt: skip
