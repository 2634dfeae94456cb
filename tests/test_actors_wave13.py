"""Issue 12, wave 13: one regression test per class of false mentions of held-out set 20
(against its adjudicated reference): a place or section line stamped with a date after a mark
("Kenya | Fri, June 14, 2024", "Lima ● 3 May 2025"), the publisher's name above a research
publication's label ("Research report | Summary"), a dateline's place in title case before a
dash ("Lima — Dozens of …"), and a rank abbreviation that ended a sentence ("Brig. Gen." before
a tabled person's name). Sentences written for these tests (not taken from the set), with
hand-computed values."""

from __future__ import annotations

import pandas as pd

from analysis.actors import Actors
from analysis.boilerplate import clean_boilerplate
from tests.conftest import cleaned_mention_rows, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "iss", "name": "Institute for Security Studies", "type": "organisation",
         "aliases": ["ISS"]},
        {"id": "gps", "name": "Ghana Police Service", "type": "organisation",
         "affiliation": "ghana", "aliases": ["Police Service"]},
        {"id": "owusu", "name": "Kwame Owusu", "type": "person", "affiliation": "gps",
         "titles": ["Comr.", "Brig. Gen.", "Police Service operations chief"],
         "short": ["Owusu"]},
        {"id": "mwangi", "name": "Ruth Mwangi", "type": "person", "affiliation": "kenya",
         "titles": ["Asst. Commissioner"]},
    ]
)  # fmt: skip


def removed_rules(text: str) -> list[list]:
    _, removed = clean_boilerplate(pd.DataFrame({"doc_id": ["d1"], "text": [text]}))
    return removed[["text", "rule"]].values.tolist()


def test_a_place_stamped_with_a_date_after_a_mark_is_no_mention() -> None:
    text = (
        "The Daily Standard\nKenya | Fri, June 14, 2024\n\nMiners freed after raid\n\n"
        "Staff reporter\nNairobi ● 14 June 2024\n\nAccra · Tuesday, 12 March 2024, 09:15\n\n"
        "Kenya signed the pact with Ghana | Peru on Friday."
    )
    assert mention_rows(text, ACTORS) == [
        ["Kenya", "kenya"], ["Ghana", "ghana"], ["Peru", "peru"],
    ]  # fmt: skip
    # no date after the mark: a mention (a section bar is the boilerplate's matter)
    assert mention_rows("Peru | Business\n\nPeru signed the pact.", ACTORS) == [
        ["Peru", "peru"], ["Peru", "peru"],
    ]  # fmt: skip


def test_the_publisher_above_a_research_publication_label_is_a_letterhead() -> None:
    text = (
        "Institute for Security Studies\nPolicy brief | Summary\n\nHow ports became hubs\n\n"
        "The Institute for Security Studies said ports in Ghana matter."
    )
    assert removed_rules(text) == [["Institute for Security Studies", "letterhead"]]
    assert cleaned_mention_rows(text, ACTORS) == [["Institute for Security Studies", "iss"]]
    # a label alone on the first line: nothing above it to drop
    assert removed_rules("Research report\n\nThe ISS said so.") == []
    # a sentence above the label is no letterhead
    assert removed_rules("The ISS wrote this.\nResearch report | Key findings\n\nText.") == []


def test_a_dateline_place_in_title_case_before_a_dash_is_no_mention() -> None:
    assert (
        mention_rows(
            "By Ana Ruiz\n\nLima — Dozens of miners were freed on Monday after a raid.", ACTORS
        )
        == []
    )
    assert (
        mention_rows("Accra – Police raided two compounds in the capital on Friday.", ACTORS) == []
    )
    # a short headline of two countries, a dash before a mention, a lower-case aside: mentions
    assert mention_rows("Peru — Chile talks resume", ACTORS) == [
        ["Peru", "peru"],
        ["Chile", "chile"],
    ]
    assert mention_rows("Peru — Chile and Ghana signed a new trade pact on Monday.", ACTORS) == [
        ["Peru", "peru"],
        ["Chile", "chile"],
        ["Ghana", "ghana"],
    ]
    assert mention_rows(
        "Ghana — a country of 33 million people — has signed the pact.", ACTORS
    ) == [["Ghana", "ghana"]]


def test_a_rank_abbreviation_does_not_end_the_sentence_before_a_tabled_name() -> None:
    assert mention_rows(
        "Police Service operations chief Brig. Gen. Kwame Owusu said the men were safe.", ACTORS
    ) == [["Police Service operations chief Brig. Gen. Kwame Owusu", "owusu"]]
    assert mention_rows("Comr. Kwame Owusu led the raid in Accra on Friday.", ACTORS)[0] == [
        "Comr. Kwame Owusu",
        "owusu",
    ]
    assert mention_rows("Asst. Commissioner Ruth Mwangi spoke.", ACTORS) == [
        ["Asst. Commissioner Ruth Mwangi", "mwangi"]
    ]


SHARED = Actors.from_records(
    [
        {"id": "ph", "name": "Philippines", "type": "country"},
        {"id": "doj_ph", "name": "Department of Justice", "type": "organisation",
         "affiliation": "ph", "aliases": ["DOJ"]},
        {"id": "doj_hk", "name": "Department of Justice of Hong Kong", "type": "organisation",
         "aliases": ["Department of Justice", "DOJ"]},
        {"id": "pj_mo", "name": "Judiciary Police of Macau", "type": "organisation",
         "aliases": ["Judiciary Police", "PJ"]},
        {"id": "pj_pt", "name": "Judiciary Police", "type": "organisation", "aliases": ["PJ"]},
    ]
)  # fmt: skip


def test_a_shared_spelling_goes_to_the_candidate_named_by_it_of_the_place_beside_it() -> None:
    assert mention_rows(
        "Ms Tan thanked the Department of Justice of the Hong Kong Special Administrative "
        "Region for its help.", SHARED,
    ) == [["Department of Justice", "doj_hk"]]  # fmt: skip
    assert mention_rows("The Hong Kong DOJ said the orders were obtained in May.", SHARED) == [
        ["DOJ", "doj_hk"]
    ]
    assert mention_rows("The DOJ of Hong Kong replied on Monday.", SHARED) == [["DOJ", "doj_hk"]]
    assert mention_rows("The Macau Judiciary Police arrested two men.", SHARED) == [
        ["Judiciary Police", "pj_mo"]
    ]
    # no place beside it: still unresolved, not counted
    assert mention_rows("The Department of Justice said it would appeal.", SHARED) == []


DESTINATIONS = Actors.from_records(
    [
        {"id": "oman", "name": "Oman", "type": "country", "aliases": ["Muscat"]},
        {"id": "qatar", "name": "Qatar", "type": "country", "aliases": ["Doha"]},
        {"id": "norway", "name": "Norway", "type": "country"},
    ]
)  # fmt: skip


def test_a_destination_list_that_opens_with_untabled_places_is_places() -> None:
    assert (
        mention_rows(
            "Nine suspects had left the country since 2021, most of them for Dubai, Bahrain and "
            "Oman.",
            DESTINATIONS,
        )
        == []
    )
    assert mention_rows("Most of the brokers fled to Dubai, Bahrain and Qatar.", DESTINATIONS) == []
    assert mention_rows("Two of them travelled to Dubai and Doha last week.", DESTINATIONS) == []
    # no verb of travel before "to", none of leaving before "for": mentions
    assert mention_rows("He sent notes to Dubai and Qatar.", DESTINATIONS) == [["Qatar", "qatar"]]
    assert mention_rows("The fund paid for Dubai, Bahrain and Oman.", DESTINATIONS) == [
        ["Oman", "oman"]
    ]


def test_countries_given_as_examples_of_where_people_come_from_are_places() -> None:
    assert (
        mention_rows(
            "Workers come from at least 40 countries, including Norway, Oman and Qatar.",
            DESTINATIONS,
        )
        == []
    )
    assert (
        mention_rows(
            "Victims were trafficked from 12 nations such as Oman and Qatar.", DESTINATIONS
        )
        == []
    )
    assert (
        mention_rows("Most staff come from many countries, including Norway.", DESTINATIONS) == []
    )
    # the countries of the list act, or no verb of origin: mentions
    assert mention_rows(
        "Forty countries, including Norway and Qatar, signed the pact.", DESTINATIONS
    ) == [
        ["Norway", "norway"],
        ["Qatar", "qatar"],
    ]
    assert mention_rows(
        "Staff come from many countries, including Norway and Oman, and Qatar said so.",
        DESTINATIONS,
    ) == [["Qatar", "qatar"]]
