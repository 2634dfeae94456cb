"""Issue 12, wave 10: one regression test per class of quotes missed or wrong in held-out set
15 (a quoted nickname inside a tabled name, people named by their work as unnamed sources, a
country written in two words and its nationality adjective), on sentences written for these
tests (other names, countries and outlets than the set's), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "jose_reyes", "name": "Jose Reyes", "type": "person",
         "aliases": ['Jose "Pepe" Reyes'], "titles": ["Senator"], "short": ["Reyes"]},
        {"id": "ana_lim", "name": "Ana Lim", "type": "person",
         "aliases": ['Ana "Bing" Lim'], "titles": ["Mayor"], "short": ["Lim"]},
        {"id": "kazakhstan", "name": "Kazakhstan", "type": "country"},
    ]
)  # fmt: skip


def quotes_of(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


# -- 1. a quoted nickname inside a tabled name is part of the mention, not a quote ------------


def test_a_quoted_nickname_inside_a_tabled_name_is_no_quote() -> None:
    text = 'Senator Jose "Pepe" Reyes said the bill was dead. He urged Congress to act.'
    assert quotes_of(text) == [
        ["the bill was dead", "reported", "jose_reyes", "said"],
        ["Congress to act", "reported", "jose_reyes", "urged"],
    ]
    # a direct quote before the name: the nickname's marks do not stop the search for the cue
    text = '"We will win," Senator Jose "Pepe" Reyes said.'
    assert quotes_of(text) == [["We will win,", "direct", "jose_reyes", "said"]]
    text = 'Mayor Ana "Bing" Lim said: "The road opens in May."'
    assert quotes_of(text) == [["The road opens in May.", "direct", "ana_lim", "said"]]


# -- 2. people named by their work are unnamed sources ----------------------------------------


def test_people_named_by_their_work_are_unnamed_sources() -> None:
    text = "An engineer on the dam tells the camera that the water is back."
    assert quotes_of(text) == [["the water is back", "reported", None, "tells"]]
    text = "A doctor at the clinic said the ward was full."
    assert quotes_of(text) == [["the ward was full", "reported", None, "said"]]
    text = "Volunteers told reporters that the road was cut."
    assert quotes_of(text) == [["the road was cut", "reported", None, "told reporters"]]
    # no cue: nothing
    assert quotes_of("The engineers built the dam in Kazakhstan.") == []


# -- 3. a country written in two words and its nationality adjective --------------------------


def test_a_two_word_country_name_and_its_adjective() -> None:
    actors = Actors.from_records(
        [
            {"id": "kazakhstan", "name": "Kazakhstan", "type": "country"},
            {"id": "viet_nam", "name": "Viet Nam", "type": "country"},
        ]
    )
    text = (
        "Viet Nam and Kazakhstan signed a trade deal on Monday. The Vietnamese Embassy in "
        "Astana said the deal would help exporters."
    )
    assert quote_rows(text, actors) == [
        ["the deal would help exporters", "reported", "viet_nam", "said"]
    ]


# -- 4. a direct-only cue before a speech cue that takes the quotation ------------------------


def test_a_direct_only_cue_before_a_speech_cue_leaves_the_quotation_to_it() -> None:
    actors = Actors.from_records(
        [
            {"id": "lena_holt", "name": "Lena Holt", "type": "person",
             "titles": ["Housing Minister"], "short": ["Holt"]},
        ]
    )  # fmt: skip
    text = (
        "Housing Minister Lena Holt welcomed the ruling, saying tenants would "
        '"finally have a voice" in the courts.'
    )
    assert quote_rows(text, actors) == [
        [
            'tenants would "finally have a voice" in the courts',
            "reported",
            "lena_holt",
            "saying",
        ]
    ]
    text = (
        'Housing Minister Lena Holt hailed the deal, saying it was "a turning point" for renters.'
    )
    assert quote_rows(text, actors) == [
        ['it was "a turning point" for renters', "reported", "lena_holt", "saying"]
    ]


# -- 5. "It said" after a sentence whose subject is an organisation that did not speak --------


def test_it_said_after_an_organisation_subject() -> None:
    actors = Actors.from_records(
        [
            {"id": "ombudsman", "name": "Office of the Ombudsman", "type": "organisation",
             "aliases": ["OMB"]},
            {"id": "kazakhstan", "name": "Kazakhstan", "type": "country"},
        ]
    )  # fmt: skip
    text = (
        "The Office of the Ombudsman (OMB) welcomed the ruling. In a statement, it said the "
        'court had "restored trust" in the system.'
    )
    assert quote_rows(text, actors) == [
        ['the court had "restored trust" in the system', "reported", "ombudsman", "said"]
    ]
    text = "The OMB welcomed the ruling. It said the fine would be paid."
    assert quote_rows(text, actors) == [["the fine would be paid", "reported", "ombudsman", "said"]]
    # a country opening the sentence before is not an organisation: not this rule
    text = "Kazakhstan welcomed the ruling. It said the fine would be paid."
    assert quote_rows(text, actors) == []
