"""Issue 12, wave 16: one regression test per class of false or missed mentions left on
held-out sets 34-36 against their adjudicated references: the agent of a passive ("attended by
officials from X") is a party, not where someone takes part from; a dateline with a
bracketed agency of several words ("Strelsau (RUR News) -"); a photo caption on a line of its
own after "Photo:"; "Comrade" before a short name; names that hold a country's name (a ruling
party, an outlet, an airline); a country's possessive written with the apostrophe alone in a
title in apposition ("Mr X, Laos' Supreme People's Prosecutor,"); held-out sets 37-39: lists of
teasers and topics under "More on this story", "Explore more on these topics", "Search Trends"
and "RELATED REPORTS". Sentences written for these tests (other names and places
than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import boilerplate_removed, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "china", "name": "China", "type": "country", "aliases": []},
        {"id": "laos", "name": "Laos", "type": "country", "aliases": []},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "rina", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Minister"]},
        {"id": "sou", "name": "Soukan Vilay", "type": "person", "affiliation": "laos",
         "short": ["Soukan"], "titles": ["Mr"]},
    ]
)  # fmt: skip


def test_officials_from_a_country_after_attended_by_are_parties() -> None:
    text = "The workshop was attended by officials from Ruritania and Elbonia."
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"], ["Elbonia", "elbonia"]]
    # where someone takes part from stays a place
    assert mention_rows("The minister joined the call from Strelsau.", ACTORS) == []


def test_a_dateline_with_a_bracketed_agency_of_several_words() -> None:
    text = "Prosecutors meet\n\nStrelsau (RUR News) - The HPO will send 30 prosecutors."
    assert mention_rows(text, ACTORS) == [["HPO", "hpo"]]


def test_a_photo_caption_after_photo_on_a_line_of_its_own() -> None:
    text = (
        "Offices sign a plan\n\nThe HPO signed the plan.\n\nPhoto: Minister Rina Dobrev receives "
        "the delegation.\n\nThe talks went well."
    )
    assert boilerplate_removed(text) == [
        ("labelled_caption", "Photo: Minister Rina Dobrev receives the delegation.")
    ]
    # the word inside a sentence is text
    text = "Offices sign a plan\n\nThe photo: a minister receives the delegation, it says."
    assert boilerplate_removed(text) == []


def test_comrade_before_a_short_name() -> None:
    text = "Minister Rina Dobrev received them. Welcoming the guests, Comrade Dobrev spoke."
    assert mention_rows(text, ACTORS) == [
        ["Minister Rina Dobrev", "rina"], ["Dobrev", "rina"]
    ]  # fmt: skip


def test_names_that_hold_a_country_name() -> None:
    text = (
        "He sits on the Central Committee of the Communist Party of China. They flew on three "
        "China Eastern aircraft, China News Service said."
    )
    assert mention_rows(text, ACTORS) == []


def test_a_country_possessive_with_the_apostrophe_alone_in_an_apposition() -> None:
    text = "Mr Soukan Vilay, Laos' Supreme People's Prosecutor, said four cases were closed."
    assert mention_rows(text, ACTORS) == [["Mr Soukan Vilay", "sou"]]
    # before a body of its own the possessive counts
    assert mention_rows("Laos' prosecutors met Mr Soukan Vilay.", ACTORS) == [
        ["Laos", "laos"], ["Mr Soukan Vilay", "sou"]
    ]  # fmt: skip


def test_teaser_and_topic_lists_under_a_story_are_boilerplate() -> None:
    text = (
        "Prosecutors meet\n\nThe HPO met in Strelsau.\n\nMore on this story\n\n"
        "Elbonia under pressure as bosses move\n\nExplore more on these topics\n"
        "Crime / Europe / Elbonia / Ruritania\n\nSearch Trends\nElbonia hosts a fair\n\n"
        "RELATED REPORTS\nMinister: deal 'a matter of weeks'"
    )
    # (the topic path is also a section path, which the breadcrumb rule takes first)
    assert [rule for rule, _ in boilerplate_removed(text)] == [
        "read_more", "read_more", "read_more", "breadcrumb", *["read_more"] * 4
    ]  # fmt: skip
    assert boilerplate_removed(text)[3] == ("breadcrumb", "Crime / Europe / Elbonia / Ruritania")
