"""Issue 12, wave 8: one regression test per class of news form in which a country (or its
capital) is only a place, or a tabled country sits inside the name of an event or an outlet
(routes and ranges, transport links, compass words, borders, people, goods and news by their
origin, tourism, disasters, areas, parts of a route or a company, event names, social-media
handles), each next to a sentence of the same shape in which the country acts; on sentences
written for these tests, with hand-computed values."""

from __future__ import annotations

import pytest

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "brazil", "name": "Brazil", "type": "country", "aliases": ["Brasília"]},
        {"id": "gambia", "name": "Gambia", "type": "country", "aliases": ["the Gambia"]},
        {"id": "au", "name": "African Union", "type": "organisation", "aliases": ["AU"]},
    ]
)  # fmt: skip


def mentions_of(text: str) -> list[list]:
    return mention_rows(text, ACTORS)


def test_a_route_or_range_from_one_country_to_another_is_places() -> None:
    assert mentions_of("The cargo ship sailed from Lima to Santiago.") == []
    assert mentions_of("Across the region, from Peru to the Gambia, prices rose.") == []
    assert mentions_of("The firm shifted output from Chile to Brazil.") == []
    assert mentions_of("He slipped into Kenya from Ghana by road.") == []
    assert mentions_of("The route runs from Peru through Chile to Brazil.") == []
    # a sender's noun before "from": the parties
    assert mentions_of("A letter from Peru to Chile proposed new talks.") == [
        ["Peru", "peru"],
        ["Chile", "chile"],
    ]
    assert mentions_of("Aid from Brazil to Ghana doubled.") == [
        ["Brazil", "brazil"],
        ["Ghana", "ghana"],
    ]


def test_places_joined_by_a_transport_link_are_places() -> None:
    assert mentions_of("The new railway links Cusco with Lima.") == []
    assert mentions_of("A ferry connecting Accra and Nairobi was proposed.") == []
    assert mentions_of("The motorway connects Santiago with the Argentine border.") == []
    # the country that links its economy acts
    assert mentions_of("Peru links its economy with Chile's through trade.") == [
        ["Peru", "peru"],
        ["Chile's", "chile"],
    ]


def test_a_compass_word_right_before_a_country_makes_it_a_place() -> None:
    assert mentions_of("Torrential rain hit southern Peru on Monday.") == []
    assert mentions_of("Eastern Kenya was worst affected.") == []
    assert mentions_of("Chile's north was hit by the tremor.") == []
    # "neighbouring" alone is no compass word: the neighbour acts
    assert mentions_of("Neighbouring Chile sent firefighters.") == [["Chile", "chile"]]


def test_the_border_between_two_countries_is_a_place_trade_between_them_is_not() -> None:
    assert mentions_of("Cattle were herded across the border between Kenya and Ghana.") == []
    assert mentions_of("The frontier between Peru and Chile was closed.") == []
    assert mentions_of("Trade between Peru and Chile grew.") == [
        ["Peru", "peru"],
        ["Chile", "chile"],
    ]


def test_people_who_are_from_a_country_are_places_officials_from_it_act() -> None:
    assert mentions_of("Most of the passengers were from Peru, Chile and the Gambia.") == []
    assert mentions_of("The survivors were mostly from Ghana.") == []
    assert mentions_of("Investors from Kenya bought the mine.") == []
    assert mentions_of("Prosecutors from Peru and Chile met in Lima.") == [
        ["Peru", "peru"],
        ["Chile", "chile"],
    ]
    # a copula without people before it: the proposal's sender
    assert mentions_of("The proposal was from Brazil.") == [["Brazil", "brazil"]]


def test_goods_and_news_from_a_country_name_their_origin() -> None:
    assert mentions_of("Copper exports from Chile fell by a fifth.") == []
    assert mentions_of("Coffee from Kenya and Brazil is sold here.") == []
    assert mentions_of("Sign up for the latest news from Ghana.") == []
    # requests come from a state that sends them
    assert mentions_of("Requests from Peru went unanswered.") == [["Peru", "peru"]]


def test_tourism_and_movement_towards_a_country_are_destinations() -> None:
    assert mentions_of("Tourism to Kenya recovered quickly.") == []
    assert mentions_of("Backpackers flocked to Peru after the film.") == []
    assert mentions_of("The storm moved north towards Chile.") == []
    # an attitude towards a country names a party
    assert mentions_of("Brazil softened its stance towards Chile.") == [
        ["Brazil", "brazil"],
        ["Chile", "chile"],
    ]


def test_the_country_a_disaster_strikes_is_a_place_one_that_strikes_a_deal_acts() -> None:
    assert mentions_of("Scores died when the cyclone hit the Gambia.") == []
    assert mentions_of("A powerful quake struck Peru overnight.") == []
    assert mentions_of("Smoke from the fires drifted over Brazil and Peru.") == []
    assert mentions_of("The haze from Brazil lasted weeks.") == []
    assert mentions_of("Chile struck a deal with Peru.") == [["Chile", "chile"], ["Peru", "peru"]]


def test_areas_of_a_country_are_places() -> None:
    assert mentions_of("The tanker sank off the coast of Ghana.") == []
    assert mentions_of("Drought gripped much of Kenya and Ghana.") == []
    # a title's capitalised "Interior of X" keeps the country (set 7)
    assert mentions_of("He is Minister of Interior of Peru.") == [["Peru", "peru"]]


def test_a_country_naming_a_part_of_a_route_or_a_company_is_a_place() -> None:
    assert mentions_of("The Chile leg of the rally was cancelled.") == []
    assert mentions_of("The Peru section of the pipeline leaks.") == []
    assert mentions_of("The bank's Kenya unit reported a loss.") == []
    assert mentions_of("It sold its Ghana subsidiary.") == []
    # a country's body after the part noun acts for it
    assert mentions_of("The Ghana coast guard seized the boat.") == [["Ghana", "ghana"]]


def test_a_country_opening_an_event_name_is_no_mention() -> None:
    assert mentions_of("Veterans of the Kenya War gathered.") == []
    assert mentions_of("The Brazil Open champion won again.") == []
    assert mentions_of("The Peru Grand Prix drew crowds.") == []
    # the lower-case war names a party (set 8's "the Ukraine war"), a title-case headline acts
    assert mentions_of("Talks on the Kenya war stalled.") == [["Kenya", "kenya"]]
    assert mentions_of("Brazil Open Talks With Chile") == [
        ["Brazil", "brazil"],
        ["Chile", "chile"],
    ]


def test_a_country_ending_an_outlet_or_handle_name_is_no_mention() -> None:
    assert mentions_of("Follow The Times Kenya on Twitter for updates.") == []
    assert mentions_of("Like Daily Nation Ghana on Facebook.") == []


def test_a_possessive_country_before_its_coast_guard_or_border_police_acts() -> None:
    assert mentions_of("Ghana's coast guard seized the boat.") == [["Ghana's", "ghana"]]
    assert mentions_of("Peru's border police arrested two men.") == [["Peru's", "peru"]]
    # the coast and the border themselves are places
    assert mentions_of("Oil washed up on Ghana's coast.") == []


def test_ways_investment_and_inside_a_country_are_places() -> None:
    assert mentions_of("The lorry was en route to Kenya when it crashed.") == []
    assert mentions_of("They were on their way to Chile.") == []
    assert mentions_of("Foreign investment into Ghana doubled.") == []
    assert mentions_of("Clashes within Peru have displaced thousands.") == []


def test_a_country_naming_private_people_is_their_origin() -> None:
    assert mentions_of("Kenya refugees who fled to Ghana live in camps.") == []
    # officials named the same way act for the country
    assert mentions_of("Kenya officials met the delegation.") == [["Kenya", "kenya"]]


def test_a_possessive_before_a_named_region_ending_its_phrase_is_a_place() -> None:
    assert mentions_of("Brazil's Amazon region is burning.") == []
    assert mentions_of("The floods in Peru's north killed 30.") == []
    assert mentions_of("Vodafone's Ghana operations were sold.") == []
    # a body after the region's words keeps the country
    assert mentions_of("Brazil's Amazon Fund is broke.") == [["Brazil's", "brazil"]]


def test_a_country_left_entered_or_off_which_something_happens_is_a_place() -> None:
    assert mentions_of("The ferry capsized off Ghana at dawn.") == []
    assert mentions_of("She left Peru in 2010 and entered Chile on foot.") == []
    assert mentions_of("Trains to and from Kenya were halted.") == []
    # the country that leaves or enters something acts; "left X isolated" names the one hit
    assert mentions_of("Peru left the talks.") == [["Peru", "peru"]]
    assert mentions_of("The vote left Chile isolated.") == [["Chile", "chile"]]


# The default run's 3-minute budget: these early waves' classes run in CI's slow run (make
# test-slow), and the held-out benchmark test of the default run covers their sets.
pytestmark = pytest.mark.slow
