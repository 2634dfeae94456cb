"""Issue 12, wave 9: one regression test per class of false or missed mention of held-out set
13 (groups of countries as places, a headline's handed-over people, a press release's signature
block, a shared abbreviation followed by "of Country", origins after crossing, a diplomat's
post, weather, a visit's destination in a headline, a place after "said"); on sentences
written for these tests, with hand-computed values."""

from __future__ import annotations

import pytest

from analysis.actors import Actors
from tests.conftest import cleaned_mention_rows, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "au", "name": "African Union", "type": "organisation", "aliases": ["AU"]},
        {"id": "au_members", "name": "AU member states", "type": "group", "affiliation": "au",
         "aliases": ["AU countries", "African Union member states"]},
        {"id": "eac", "name": "East African Community", "type": "group", "aliases": ["EAC"]},
        {"id": "npa_kenya", "name": "National Police Service", "type": "organisation",
         "affiliation": "kenya", "aliases": ["NPS"]},
        {"id": "nps_ghana", "name": "National Prosecution Service", "type": "organisation",
         "affiliation": "ghana", "aliases": ["NPS"]},
        {"id": "odpp", "name": "Office of the Director of Public Prosecutions",
         "type": "organisation", "affiliation": "kenya", "aliases": ["ODPP"]},
        {"id": "moj_peru", "name": "Ministry of Justice of Peru", "type": "organisation",
         "affiliation": "peru", "aliases": ["MINJUS"]},
        {"id": "ecowas", "name": "Economic Community of West African States",
         "type": "organisation", "aliases": ["ECOWAS", "Abuja"]},
        {"id": "nla_kenya", "name": "National Legal Aid Service", "type": "organisation",
         "affiliation": "kenya", "aliases": ["NLAS"]},
        {"id": "nlas_ghana", "name": "National Legal Assistance Service", "type": "organisation",
         "affiliation": "ghana", "aliases": ["NLAS"]},
        {"id": "sri_lanka", "name": "Sri Lanka", "type": "country", "aliases": ["Colombo"]},
    ]
)  # fmt: skip


def mentions_of(text: str) -> list[list]:
    return mention_rows(text, ACTORS)


def cleaned_of(text: str) -> list[list]:
    return cleaned_mention_rows(text, ACTORS)


def test_a_group_of_countries_is_a_place_where_a_country_would_be() -> None:
    # the place rules apply to a group whose name says it is countries
    assert ACTORS.table.set_index("id").loc["au_members", "places"]
    assert not ACTORS.table.set_index("id").loc["eac", "places"]
    assert mentions_of("Judges in AU countries exchanged 90 requests last year.") == []
    assert mentions_of("Fugitives were returned to Kenya from AU member states.") == []
    assert mentions_of("The police send warrants to prosecutors in AU countries directly.") == []
    # the group that acts, and its officials "from" it, stay mentions
    assert mentions_of("AU member states agreed to share evidence.") == [
        ["AU member states", "au_members"]
    ]
    assert mentions_of("Forty prosecutors from AU countries attended the course.") == [
        ["AU countries", "au_members"]
    ]


def test_people_handed_over_to_a_country_in_a_present_tense_headline_are_a_place() -> None:
    assert mentions_of("Kenya extradites 9 fraud suspects to Ghana, says minister") == [
        ["Kenya", "kenya"]
    ]
    assert mentions_of("Chile deports 40 scam workers to Peru") == [["Chile", "chile"]]
    assert mentions_of("Ghana repatriates 12 fishermen to Kenya") == [["Ghana", "ghana"]]
    # a party the verb does not move anyone to
    assert mentions_of("Kenya sells wheat to Ghana") == [["Kenya", "kenya"], ["Ghana", "ghana"]]


def test_a_signature_block_at_the_end_of_a_press_release_is_boilerplate() -> None:
    text = (
        "MINISTRY OF JUSTICE\nREPUBLIC OF PERU\n\nPRESS RELEASE\n\n"
        "1. Peru has returned US$2 million to Chile.\n\n2. Chile thanked Peru.\n\n"
        "MINISTRY OF JUSTICE\nPERU\n3 May 2024\n\nFor media queries, please contact:\n"
        "Press Office\nEmail: press@example.org"
    )
    assert cleaned_of(text) == [
        ["Peru", "peru"], ["Chile", "chile"], ["Chile", "chile"], ["Peru", "peru"]
    ]  # fmt: skip
    text = (
        "PRESS STATEMENT\n\nKenya and Ghana signed the treaty.\n\nOffice of the Director of "
        "Public Prosecutions\nNAIROBI, KENYA"
    )
    assert cleaned_of(text) == [["Kenya", "kenya"], ["Ghana", "ghana"]]
    # a closing sentence of the body is no signature
    text = "PRESS RELEASE\n\nKenya signed the treaty.\n\nGHANA WILL SIGN NEXT."
    assert cleaned_of(text) == [["Kenya", "kenya"], ["GHANA", "ghana"]]


def test_a_shared_abbreviation_followed_by_of_and_a_country_is_that_countrys_body() -> None:
    # "NPS" is Kenya's police and Ghana's prosecution service
    assert mentions_of("Kenya's NPS met them. According to the NPS of Ghana, 64 cases went to trial.") == [
        ["Kenya's", "kenya"], ["NPS", "npa_kenya"], ["NPS", "nps_ghana"]
    ]  # fmt: skip
    assert mentions_of("The NPS of Kenya and the NPS of Ghana signed.") == [
        ["NPS", "npa_kenya"], ["NPS", "nps_ghana"]
    ]  # fmt: skip
    # an abbreviation of the country's own body: one mention
    assert mentions_of("The ODPP of Kenya filed charges.") == [["ODPP", "odpp"]]
    # another country after "of" stays
    assert mentions_of("The ODPP of Kenya met the MINJUS of Peru.") == [
        ["ODPP", "odpp"], ["MINJUS", "moj_peru"]
    ]  # fmt: skip
    assert mentions_of("The ODPP met officials of Peru.") == [["ODPP", "odpp"], ["Peru", "peru"]]


def test_the_origin_of_a_crossing_is_a_place() -> None:
    assert mentions_of("Two smugglers crossed the Volta River from Ghana at night.") == []
    assert mentions_of("They swam the river from Kenya to buy fuel.") == []
    assert mentions_of("The herders crossed the border illegally from Kenya.") == []
    # people "from" a country without a crossing: the officials' country acts
    assert mentions_of("Officials from Ghana crossed the hall.") == [["Ghana", "ghana"]]


def test_an_organisation_after_an_envoy_and_his_state_is_the_envoys_post() -> None:
    assert mentions_of("We met the Ambassador of Peru to the African Union.") == [["Peru", "peru"]]
    assert mentions_of("The ambassador of the Republic of Kenya to ECOWAS spoke.") == [
        ["Kenya", "kenya"]
    ]
    # a country after the envoy's state is the host (held-out set 3)
    assert mentions_of("Mr Tanaka, Ambassador of Chile to Peru, left.") == [
        ["Chile", "chile"], ["Peru", "peru"]
    ]  # fmt: skip


def test_a_shared_alias_is_not_the_body_its_sentence_names_apart() -> None:
    # "NLAS" is Kenya's and Ghana's; "Ghana's service" is Ghana's body, so the NLAS is Kenya's
    text = (
        "Ghana's NLAS met the press. Kenya's NLAS replied.\n\nQ (Daily Graphic): Will the NLAS "
        "work with Ghana's service on appeals?"
    )
    assert mentions_of(text)[-2:] == [["NLAS", "nla_kenya"], ["Ghana's", "ghana"]]
    # the body's own words differ: left to the context
    text = "Kenya's NLAS met the press. Will the NLAS work with Ghana's police?"
    assert mentions_of(text)[-2:] == [["NLAS", "nla_kenya"], ["Ghana's", "ghana"]]


def test_areas_under_weather_are_places() -> None:
    assert mentions_of("Heavy rain is forecast over Kenya, Ghana and northern Peru.") == []
    assert mentions_of("Rain over Chile eased on Monday.") == []
    assert mentions_of("Lagos, Ghana and Kenya brace for floods") == []
    assert mentions_of("Peru braced for more heavy rain.") == []
    # a country that prepares for talks acts
    assert mentions_of("Chile braces for tariff talks with Peru.") == [
        ["Chile", "chile"], ["Peru", "peru"]
    ]  # fmt: skip


def test_a_city_alias_visited_in_a_headline_is_a_place() -> None:
    assert mentions_of("Chile and Kenya pledge closer ties as Rojas visits Nairobi") == [
        ["Chile", "chile"], ["Kenya", "kenya"]
    ]  # fmt: skip
    assert mentions_of("Minister visited Accra last week.") == []
    # the country's name as the object of a visit is the host
    assert mentions_of("The president will visit Ghana next week.") == [["Ghana", "ghana"]]


def test_a_city_alias_after_said_in_is_a_place() -> None:
    assert mentions_of("The envoy said in Abuja last month that talks would go on.") == []
    assert mentions_of("Rojas told reporters in Santiago the deal was done.") == []
    # the city alias that acts stays
    assert mentions_of("Abuja said the bloc would act.") == [["Abuja", "ecowas"]]


def test_counterparts_in_a_country_are_its_bodies() -> None:
    assert mentions_of("The ministry praised its counterparts in AU countries and Kenya.") == [
        ["AU countries", "au_members"], ["Kenya", "kenya"]
    ]  # fmt: skip
    # the authorities in a country are located there
    assert mentions_of("The authorities in Kenya arrested him.") == []


def test_a_countrys_possessive_before_a_currency_sign_is_a_mention() -> None:
    assert mentions_of("A review of Sri Lanka's $2.9 billion bailout went ahead.") == [
        ["Sri Lanka's", "sri_lanka"]
    ]
    assert mentions_of("Kenya's $1 billion bond sold out.") == [["Kenya's", "kenya"]]
    # "US$" stays a currency
    assert mentions_of("It cost Peru US$5 million.") == [["Peru", "peru"]]


def test_a_country_that_money_is_returned_to_is_a_recipient() -> None:
    assert mentions_of("RETURN OF US$3 MILLION IN STOLEN FUNDS TO THE REPUBLIC OF GHANA") == [
        ["GHANA", "ghana"]
    ]
    assert mentions_of("Peru returned US$3 million in fraud proceeds to Chile.") == [
        ["Peru", "peru"], ["Chile", "chile"]
    ]  # fmt: skip
    assert mentions_of("The return of looted assets to Kenya was agreed.") == [["Kenya", "kenya"]]
    # people returned "to X" stay places
    assert mentions_of("Peru returned 14 criminal suspects to Chile.") == [["Peru", "peru"]]


def test_the_bare_practice_of_extradition_to_a_country_names_the_state() -> None:
    assert mentions_of("Before 2021, extradition to Chile was mostly about bankers.") == [
        ["Chile", "chile"]
    ]
    # one case: the people's destination
    assert mentions_of("The court approved their extradition to Chile.") == []
    assert mentions_of("The court approved extradition to Chile.") == []


# The default run's 3-minute budget: these early waves' classes run in CI's slow run (make
# test-slow), and the held-out benchmark test of the default run covers their sets.
pytestmark = pytest.mark.slow
