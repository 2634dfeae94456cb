"""Issue 12, wave 9: one regression test per class of false and missed mentions of held-out
set 14 (a tabled spelling inside a web address, a possessive written with the apostrophe
alone before a person's title, a shared abbreviation defined in brackets after one actor's
full name, a local-language name in brackets before "of <country>"), on sentences written for
these tests (not taken from the set), with hand-computed values."""

from __future__ import annotations

import pytest

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "honduras", "name": "Honduras", "type": "country"},
        {"id": "cyprus", "name": "Cyprus", "type": "country"},
        {"id": "odpp_kenya", "name": "Office of the Director of Public Prosecutions",
         "type": "organisation", "affiliation": "kenya", "aliases": ["ODPP"]},
        {"id": "odpp_ghana", "name": "Directorate of Public Prosecutions",
         "type": "organisation", "affiliation": "ghana", "aliases": ["ODPP"]},
        {"id": "moj_peru", "name": "Ministry of Justice", "type": "organisation",
         "affiliation": "peru", "aliases": ["MOJ"]},
        {"id": "ana_flores", "name": "Ana Flores", "type": "person",
         "titles": ["Justice Minister"], "short": ["Flores"]},
        {"id": "nikos_petrou", "name": "Nikos Petrou", "type": "person",
         "titles": ["Foreign Minister"], "short": ["Petrou"]},
        {"id": "kofi_mensah", "name": "Kofi Mensah", "type": "person",
         "affiliation": "odpp_ghana", "titles": ["Director"], "short": ["Mensah"]},
    ]
)  # fmt: skip


def mentions_of(text: str) -> list[list]:
    return mention_rows(text, ACTORS)


# -- 1. names inside names: a tabled spelling inside a web address -----------------------------


def test_a_tabled_name_inside_a_web_address_is_not_a_mention() -> None:
    text = "NAIROBI, May 4 (Kenya.gov.ke) -- Ghana and Kenya signed the treaty."
    assert mentions_of(text) == [["Ghana", "ghana"], ["Kenya", "kenya"]]
    text = "Readers of Peru.com voted for Peru's new museum."
    assert mentions_of(text) == [["Peru's", "peru"]]
    text = "The story first ran on Ghana.news, and Accra denied it."
    assert mentions_of(text) == [["Accra", "ghana"]]
    # a missing space before a two-letter word is no address
    text = "It was time to ask Ghana.to join the pact."
    assert mentions_of(text) == [["Ghana", "ghana"]]
    # a sentence end with a space is no address: both countries stay
    text = "The deal was signed by Peru. Kenya will sign in June."
    assert mentions_of(text) == [["Peru", "peru"], ["Kenya", "kenya"]]


# -- 2. a possessive with the apostrophe alone before a tabled person's title -----------------


def test_a_bare_apostrophe_possessive_before_a_title_is_one_mention_of_the_person() -> None:
    text = "Honduras' Justice Minister Ana Flores said the court would sit in June."
    assert mentions_of(text) == [["Justice Minister Ana Flores", "ana_flores"]]
    text = "Cyprus’ Foreign Minister Nikos Petrou met the envoy on Friday."
    assert mentions_of(text) == [["Foreign Minister Nikos Petrou", "nikos_petrou"]]
    # the "'s" form, as before
    text = "Cyprus's Foreign Minister Nikos Petrou met the envoy on Friday."
    assert mentions_of(text) == [["Foreign Minister Nikos Petrou", "nikos_petrou"]]
    # no title after it: the country stays a mention
    text = "Honduras' economy grew while Flores was away."
    assert mentions_of(text)[0] == ["Honduras", "honduras"]


# -- 3. shared spellings: an abbreviation defined in brackets after one actor's name ----------


def test_a_shared_abbreviation_defined_in_brackets_keeps_that_actor() -> None:
    text = (
        "NAIROBI - The Office of the Director of Public Prosecutions (ODPP) began a course "
        "for 30 prosecutors on Monday. The next course will train prosecutors from Uganda and "
        "Ghana, which asked for it, the ODPP said."
    )
    rows = mentions_of(text)
    assert rows[-1] == ["ODPP", "odpp_kenya"]
    assert ["Ghana", "ghana"] in rows
    # the other actor's context right before the spelling still decides
    text = (
        "The Office of the Director of Public Prosecutions (ODPP) hosted the talks. "
        "Ghana's ODPP sent two prosecutors."
    )
    assert mentions_of(text)[-1] == ["ODPP", "odpp_ghana"]
    # so does one of the other actor's people named just before it
    text = (
        "The Office of the Director of Public Prosecutions (ODPP) hosted the talks in "
        "Nairobi. Director Kofi Mensah, who led the guests, said the ODPP would send more."
    )
    assert mentions_of(text)[-1] == ["ODPP", "odpp_ghana"]


# -- 4. a local-language name in brackets between an organisation and "of <country>" ----------


def test_a_bracketed_local_name_before_of_country_is_one_mention() -> None:
    text = "The Ministry of Justice (Ministerio de Justicia) of Peru opened the archive."
    assert mentions_of(text) == [["Ministry of Justice", "moj_peru"]]
    # the abbreviation form, as before
    text = "The Ministry of Justice (MOJ) of Peru opened the archive."
    assert mentions_of(text) == [["Ministry of Justice", "moj_peru"]]
    # brackets that are not a name (lower case) leave the country a mention
    text = "The Ministry of Justice (in a statement) of Peru's government opened the archive."
    assert ["Peru's", "peru"] in mentions_of(text)


# -- 5. places: a walk's destination, evidence by its origin; a sender that "comes from" -------

PLACES = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
    ]
)


def places_of(text: str) -> list[list]:
    return mention_rows(text, PLACES)


def test_a_walk_to_a_country_or_capital_is_a_destination() -> None:
    assert places_of("She walked to Lima in May.") == []
    assert places_of("The pilgrims will walk on to Nairobi next week.") == []
    assert places_of('"I wanted to walk to Santiago," he said.') == []
    # the country that walks out acts
    assert places_of("Kenya walked out of the talks.") == [["Kenya", "kenya"]]


def test_evidence_from_a_country_is_a_place() -> None:
    assert places_of("Defendants who need evidence from Peru must wait.") == []
    assert places_of("Evidence from Kenya was read out in court.") == []
    # the country that hands evidence over acts, the receiver is a party
    assert places_of("Kenya handed over evidence to Chile.") == [
        ["Kenya", "kenya"], ["Chile", "chile"]
    ]  # fmt: skip


def test_a_request_that_comes_from_a_country_names_the_sender() -> None:
    assert places_of("The rules stay because a request comes from Lima.") == [["Lima", "peru"]]
    assert places_of("The call came from Chile on Monday.") == [["Chile", "chile"]]
    # people and money that come from a country: an origin
    assert places_of("Most of the workers came from Kenya.") == []
    assert places_of("The money came from Peru.") == []


def test_a_country_worst_hit_is_a_place() -> None:
    assert places_of("Peru has been worst hit by the outbreak.") == []
    assert places_of("Kenya was the hardest hit, with 300 deaths.") == []
    assert places_of("Chile is badly affected by the drought.") == []
    # without a degree word the country stays: a target of sanctions or tariffs
    assert places_of("Peru was hit by new tariffs.") == [["Peru", "peru"]]
    # a country that reports cases acts
    assert places_of("Kenya has reported 40 cases.") == [["Kenya", "kenya"]]


def test_people_sent_most_of_them_to_a_country_is_a_destination() -> None:
    assert places_of("Police deported 400 people, most of them to Kenya.") == []
    # the state that returns them acts
    assert places_of("Chile returned 90 migrants, many of them to Peru.") == [["Chile", "chile"]]
    # "handed them to X": the receiving state is a party
    assert places_of("The police handed them to Kenya.") == [["Kenya", "kenya"]]


# -- 6. page furniture: a commentary's author note ---------------------------------------------


def test_a_commentary_author_note_is_boilerplate() -> None:
    from tests.conftest import cleaned_mention_rows

    text = (
        "Peru and Chile must share their data.\n\n"
        "*Ana Ruiz is Senior Fellow with the Andes Programme at the Lima Institute. The views "
        "expressed are the author's own."
    )
    assert cleaned_mention_rows(text, PLACES) == [["Peru", "peru"], ["Chile", "chile"]]
    # a disclaimer line alone
    text = (
        "Kenya signed the pact.\n\nThe views expressed in this article do not necessarily "
        "reflect those of the Nairobi Review."
    )
    assert cleaned_mention_rows(text, PLACES) == [["Kenya", "kenya"]]
    # "views expressed" in the body without "own" / "do not necessarily" stays
    text = "Kenya said the views expressed by Peru were welcome."
    assert cleaned_mention_rows(text, PLACES) == [["Kenya", "kenya"], ["Peru", "peru"]]


# -- 7. names inside names: a sports club named by its city ------------------------------------

CLUBS = Actors.from_records(
    [
        {"id": "portugal", "name": "Portugal", "type": "country", "aliases": ["Lisbon"]},
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
    ]
)


def test_a_club_named_by_a_capital_is_not_the_country() -> None:
    text = "He made 112 appearances for the Lisbon club and scored 19 goals."
    assert mention_rows(text, CLUBS) == []
    assert mention_rows("The Lima outfit signed him in May.", CLUBS) == []
    # the country's own name before "club" stays (a national league, a national side)
    assert mention_rows("The Peru club signed him.", CLUBS) == [["Peru", "peru"]]
    # the capital acting stays
    assert mention_rows("Lisbon said the club would pay.", CLUBS) == [["Lisbon", "portugal"]]


# -- 8. names inside names: an organisation's own brand after "its" ----------------------------

BRANDS = Actors.from_records(
    [
        {"id": "telco", "name": "Vodafone", "type": "organisation"},
        {"id": "who", "name": "World Health Organization", "type": "organisation",
         "aliases": ["WHO"]},
    ]
)  # fmt: skip


def test_an_organisations_brand_after_its_is_not_a_mention() -> None:
    text = "Data of members of its Vodafone Rewards loyalty scheme leaked, Vodafone said."
    assert mention_rows(text, BRANDS) == [["Vodafone", "telco"]]
    text = "Customers moved their Vodafone Plus plans to the new network."
    assert mention_rows(text, BRANDS) == []
    # the organisation itself after "its": a lower-case word follows
    assert mention_rows("The group and its WHO partners met.", BRANDS) == [["WHO", "who"]]
    # a body of the organisation, capitalised on: kept
    text = "The ministry and its WHO Regional Office met."
    assert mention_rows(text, BRANDS) == [["WHO", "who"]]


# The default run's 3-minute budget: these early waves' classes run in CI's slow run (make
# test-slow), and the held-out benchmark test of the default run covers their sets.
pytestmark = pytest.mark.slow
