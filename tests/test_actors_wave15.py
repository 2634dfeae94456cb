"""Issue 12, wave 15: one regression test per class of false mentions left on held-out set 26
against its adjudicated reference: a city, its province and ", the <country>" that only locate
a venue; a country's possessive before a rank in capitals in apposition after a person's name;
a body's bracketed abbreviation inside the title before a name; a list of places that opens
with a possessive region ("in X's border areas, A and B"); the origin of fugitives and
suspects "from X". Sentences written for these tests (other names and places than the set's),
with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country",
         "aliases": ["Republic of Ruritania", "Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": []},
        {"id": "syldavia", "name": "Syldavia", "type": "country", "aliases": []},
        {"id": "members", "name": "Union member states", "type": "group",
         "aliases": ["Union countries"]},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "rina", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"]},
        {"id": "ivo", "name": "Ivo Marek", "type": "person", "affiliation": "hpo",
         "short": ["Marek"]},
    ]
)  # fmt: skip


def test_a_city_its_province_and_the_country_only_locate_the_venue() -> None:
    text = (
        "The talks opened at the Harbour Hall in Klow, Lake Province, the Republic of Ruritania "
        "yesterday, and Elbonia sent a delegation."
    )
    assert mention_rows(text, ACTORS) == [["Elbonia", "elbonia"]]
    # a list of countries after "in" is not a city with its country: Syldavia still counts
    text = "Prosecutors from Borduria, Elbonia, the Republic of Ruritania and Syldavia met."
    assert ["Syldavia", "syldavia"] in mention_rows(text, ACTORS)


def test_a_countrys_possessive_before_a_rank_in_capitals_after_the_name_is_the_persons() -> None:
    text = "Rina Dobrev, Ruritania's Deputy Prosecutor-General, said the file was complete."
    assert mention_rows(text, ACTORS) == [["Rina Dobrev", "rina"]]
    # changed in wave 26: an office "of" a body closed by a comma is part of the post too (the
    # references of sets 18-144 leave the country uncoded 15 times of 15; set 2 coded it); a
    # verb right after the office ends the post, and the country stays
    text = "Rina Dobrev, Ruritania's Minister of Home Affairs, said the file was complete."
    assert mention_rows(text, ACTORS) == [["Rina Dobrev", "rina"]]
    text = "Rina Dobrev, Ruritania's Minister of Home Affairs said the file was complete."
    assert mention_rows(text, ACTORS) == [["Rina Dobrev", "rina"], ["Ruritania's", "ruritania"]]
    # not a title: a country's possessive before a noun of its own
    text = "Rina Dobrev met Borduria, Ruritania's neighbour, on Monday."
    assert ["Ruritania's", "ruritania"] in mention_rows(text, ACTORS)


def test_a_bodys_bracketed_abbreviation_inside_the_title_before_a_name() -> None:
    text = "Chief Prosecutor of the High Prosecution Office (HPO) Ivo Marek opened the session."
    assert mention_rows(text, ACTORS) == [["Ivo Marek", "ivo"]]
    # without the title the body is named on its own
    text = "The High Prosecution Office (HPO) and Ivo Marek opened the session."
    assert mention_rows(text, ACTORS) == [["High Prosecution Office", "hpo"], ["Ivo Marek", "ivo"]]


def test_a_list_of_places_opening_with_a_possessive_region() -> None:
    text = "The camps, mostly in Borduria's border areas, Elbonia and Syldavia, hold thousands."
    assert mention_rows(text, ACTORS) == []
    text = "Camps in Elbonia, Syldavia and Borduria's southern provinces hold thousands."
    assert mention_rows(text, ACTORS) == []
    # the region does not make an actor that acts a place
    text = "Borduria's southern provinces and Syldavia agreed to share data."
    assert mention_rows(text, ACTORS) == [["Syldavia", "syldavia"]]


def test_fugitives_and_suspects_from_a_group_of_countries_is_their_origin() -> None:
    text = "Police brought back 40 fugitives from Union member states last year."
    assert mention_rows(text, ACTORS) == []
    text = "Elbonia questioned suspects from Union countries."
    assert mention_rows(text, ACTORS) == [["Elbonia", "elbonia"]]
    # a request from a group is sent by it
    text = "A request from Union member states reached Strelsau."
    assert ["Union member states", "members"] in mention_rows(text, ACTORS)


# -- held-out set 29 ------------------------------------------------------------------------------

ACTORS29 = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": ["Klow"]},
        {"id": "agc_r", "name": "Attorney General's Chambers of Ruritania", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["Attorney General's Chambers", "AGC"]},
        {"id": "agc_e", "name": "Attorney General's Chambers of Elbonia", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["Attorney General's Chambers", "AGC"]},
        {"id": "rpf", "name": "Royal Ruritanian Police", "type": "organisation",
         "affiliation": "ruritania"},
        {"id": "somchai", "name": "Somchai Dee", "type": "person", "affiliation": "rpf",
         "titles": ["Pol. Gen."]},
    ]
)  # fmt: skip


def test_a_dateline_with_the_weekday_between_city_and_date() -> None:
    text = "Strelsau, Thursday, 14 December 2023 – The AGC of Ruritania handed over a fugitive."
    assert ["Strelsau", "ruritania"] not in mention_rows(text, ACTORS29)


def test_a_capital_opening_an_item_of_a_round_up_is_a_place() -> None:
    text = (
        "Here is where they met.\n\nStrelsau: Ruritania said it would host.\n\n"
        "Klow: Elbonia said it would attend."
    )
    assert mention_rows(text, ACTORS29) == [["Ruritania", "ruritania"], ["Elbonia", "elbonia"]]


def test_a_rank_with_stops_between_a_title_chain_and_the_name() -> None:
    text = "Deputy Commissioner of the Royal Ruritanian Police Pol. Gen. Somchai Dee spoke."
    assert mention_rows(text, ACTORS29) == [["Pol. Gen. Somchai Dee", "somchai"]]


def test_a_shared_name_with_its_bracketed_abbreviation_before_of_country() -> None:
    text = (
        "Strelsau, the capital, hosted the signing.\n\n"
        "The Attorney General's Chambers (AGC) of Elbonia and Ruritania's police signed a "
        "memorandum on data. "
        + "The text runs to twelve pages and covers requests. " * 6
        + "\n\nIn a statement, the AGC said the memorandum provides a framework."
    )
    rows = mention_rows(text, ACTORS29)
    # (the name and its abbreviation in brackets are one reference)
    assert [r for r in rows if r[1].startswith("agc")] == [
        ["Attorney General's Chambers", "agc_e"],
        ["AGC", "agc_e"],
    ]


# -- held-out set 28 ------------------------------------------------------------------------------


def test_a_language_named_by_its_country_is_no_mention() -> None:
    text = "Files must be sent in both the Ruritanian and Elbonia languages, Elbonia said."
    assert mention_rows(text, ACTORS29) == [["Elbonia", "elbonia"]]
    text = "The Elbonia language has no word for it."
    assert mention_rows(text, ACTORS29) == []


def test_counterparts_in_a_capital_are_located_there() -> None:
    text = "Our prosecutors can now call their counterparts in Strelsau directly."
    assert mention_rows(text, ACTORS29) == []
    # counterparts in a country: located there too (changed in wave 25: the references of
    # sets 24-136 leave them uncoded 7 times of 10; held-out set 2 had coded them); in "member
    # countries" they stay the states' bodies
    text = "Our prosecutors work with their counterparts in Ruritania and Elbonia."
    assert mention_rows(text, ACTORS29) == []


def test_a_capital_inside_a_quoted_statements_name_and_a_transfer_from_a_country() -> None:
    text = 'The meeting will adopt the "Strelsau Virtual Statement" on Friday.'
    assert mention_rows(text, ACTORS29) == []
    text = "Every transfer from Elbonia had gone through a court."
    assert mention_rows(text, ACTORS29) == []


# -- held-out set 30 ------------------------------------------------------------------------------


def test_a_policys_name_a_trades_places_and_the_far_side_of_a_border() -> None:
    text = "Ruritania adheres to the One-Elbonia policy."
    assert mention_rows(text, ACTORS29) == [["Ruritania", "ruritania"]]
    text = "Ruritania charges 300 over Elbonia scam compounds."
    assert mention_rows(text, ACTORS29) == [["Ruritania", "ruritania"]]
    text = "Files came from the Klow border crossing with Elbonia."
    assert mention_rows(text, ACTORS29) == []
    # a treaty "with" a country names a party
    text = "Ruritania signed a treaty with Elbonia."
    assert mention_rows(text, ACTORS29) == [["Ruritania", "ruritania"], ["Elbonia", "elbonia"]]


# -- held-out set 31 ------------------------------------------------------------------------------


def test_a_capitals_clock_and_where_people_came_mainly_from() -> None:
    assert mention_rows("Updated 16:40 Strelsau time, Nov 20, 2019", ACTORS29) == []
    text = "The suspects came mainly from Ruritania and Elbonia."
    assert mention_rows(text, ACTORS29) == []
    # what comes from a country is sent by it
    text = "A request came from Elbonia."
    assert mention_rows(text, ACTORS29) == [["Elbonia", "elbonia"]]
