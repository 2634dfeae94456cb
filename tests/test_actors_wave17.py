"""Issue 12, wave 17: one regression test per class of false mentions left on the adjudicated
held-out sets 34-48: places in a coordinated list after a place preposition, a tabled body
written as another country's, and datelines and section labels. Sentences written for these
tests (other names and places than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "bolivia", "name": "Bolivia", "type": "country", "aliases": []},
        {"id": "pgo", "name": "Public Prosecutor's Office", "type": "organisation",
         "affiliation": "chile", "aliases": ["PPO"]},
    ]
)  # fmt: skip


def test_a_tabled_body_written_as_another_countrys() -> None:
    text = (
        "A team from the Public Prosecutor's Office (PPO) of Peru arrived. The Bolivian Public "
        "Prosecutor's Office and the Union Public Prosecutor's Office sent letters."
    )
    assert mention_rows(text, ACTORS) == []  # "(PPO) of Peru" is one name, Peru's body
    # the body's own country keeps it
    text = "The Chilean Public Prosecutor's Office and the PPO of Chile sent letters."
    assert mention_rows(text, ACTORS) == [["Public Prosecutor's Office", "pgo"], ["PPO", "pgo"]]


def test_datelines_and_section_labels() -> None:
    texts = [
        "(KPA) Strelsau, 15 September 2022 — The Chile delegation arrived.",
        "Santiago, Tuesday 9 October 2018 – The Peru delegation arrived.",
        "SAN JOSE/LIMA, Aug 14 (Reuters) - Chile has turned down the request.",
    ]
    assert [mention_rows(t, ACTORS) for t in texts] == [
        [["Chile", "chile"]], [["Peru", "peru"]], [["Chile", "chile"]]
    ]  # fmt: skip
    text = "Peru\n\nLima ready to extradite suspects\n\nPeru will extradite them, he said."
    assert mention_rows(text, ACTORS) == [["Lima", "peru"], ["Peru", "peru"]]
    # a country opening the first line of a headline acts
    assert mention_rows("Peru ready to extradite suspects\n\nThe talks ended.", ACTORS) == [
        ["Peru", "peru"]
    ]  # fmt: skip


def test_a_list_after_a_place_preposition_that_opens_with_an_untabled_place() -> None:
    texts = [
        "The funds sat in accounts in Macau, Ruritania and Elbonia since 2019.",
        "Cash moved through Macau, Taipei and Peru before reaching Chile.",
    ]
    assert [mention_rows(t, ACTORS) for t in texts] == [[], []]
    # people from across a region and a country act
    text = "Prosecutors from across Patagonia and Chile met in Lima."
    assert mention_rows(text, ACTORS) == [["Chile", "chile"]]


def test_a_list_of_countries_after_a_place_preposition_with_untabled_items() -> None:
    texts = [
        # an untabled country opens the list, which is the subject's complement
        "Scam compounds in Myanmar, Ruritania and Elbonia have grown.",
        "Guards from compounds in Myanmar and Peru would be tried.",
        # an untabled item inside a list opened by a tabled place
        "Cases rose, mostly in Bolivia, Macau, Ruritania and Elbonia.",
    ]
    assert [mention_rows(t, ACTORS) for t in texts] == [[], [], []]
    # a city and its country, then a list that acts
    text = "The talks held in Arica, Chile and Peru agreed on a plan."
    assert mention_rows(text, ACTORS) == [["Peru", "peru"]]


def test_a_list_across_a_border_or_where_borders_meet() -> None:
    texts = [
        "Raids drove the gangs across the border into Peru and Bolivia.",
        "The casino sits on a river where Chile, Peru and Bolivia meet.",
    ]
    assert [mention_rows(t, ACTORS) for t in texts] == [[], []]
    # the countries meeting as parties still count
    assert mention_rows("Chile and Peru meet on Monday.", ACTORS) == [
        ["Chile", "chile"], ["Peru", "peru"]
    ]  # fmt: skip
