"""Issue 12, wave 21: a regression test per class of quotes wrong in the held-out sets 71 and
89-96 (explainers, court reports, outlets outside the region, transcripts, newsletters; read
after their blind scores): an adverb of time between the cue and "that". Sentences written for
these tests (other names, countries and bodies than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Attorney-General"]},
    ]
)  # fmt: skip


def test_an_adverb_of_time_before_that_is_not_what_is_said() -> None:
    text = (
        "Attorney-General Rina Dobrev hosted the talks in Strelsau last month. She said "
        'afterwards that Ruritania had "nothing to hide". Dobrev said subsequently that the '
        "register would open in May."
    )
    assert quote_rows(text, ACTORS) == [
        ['Ruritania had "nothing to hide"', "reported", "dobrev", "said"],
        ["the register would open in May", "reported", "dobrev", "said"],
    ]


def test_a_clause_after_the_attributions_and_goes_on_with_what_is_said() -> None:
    text = (
        "Attorney-General Rina Dobrev met the delegates on Monday. The four suspects would be "
        "deported, she said, and Ruritanian prosecutors would seek evidence from them. "
        '"We are ready," Dobrev said, and the register would open in May. '
        "The talks had gone well, she said, and left for the airport. "
        "The files were complete, she said, and she called for faster replies."
    )
    assert quote_rows(text, ACTORS) == [
        ["The four suspects would be deported", "reported", "dobrev", "said"],
        ["Ruritanian prosecutors would seek evidence from them", "reported", "dobrev", "said"],
        ["We are ready,", "direct", "dobrev", "said"],
        ["the register would open in May", "reported", "dobrev", "said"],
        ["The talks had gone well", "reported", "dobrev", "said"],
        ["The files were complete", "reported", "dobrev", "said"],
        ["faster replies", "reported", "dobrev", "called for"],
    ]


TRANSCRIPT = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Attorney-General", "Ms"]},
        {"id": "holm", "name": "Per Holm", "type": "person", "affiliation": "ruritania",
         "short": ["Holm"], "titles": ["Mr"]},
    ]
)  # fmt: skip


def test_transcript_labels_with_an_aside_or_a_post_and_answers_holding_a_theme() -> None:
    text = (
        "Transcript of the press conference\n\n"
        "Attorney-General Rina Dobrev and Per Holm spoke to reporters in Strelsau.\n\n"
        'MS DOBREV: Good afternoon. We met under the theme "Justice Without Borders". We '
        "agreed on a network.\n\n"
        "QUESTION (Daily Star): Will the network start this year?\n\n"
        "Mr Holm (through interpreter): Yes, in March.\n\n"
        "PER HOLM, Deputy Head, Ruritania (in Elbonian): The rest will follow."
    )
    assert quote_rows(text, TRANSCRIPT) == [
        [
            'Good afternoon. We met under the theme "Justice Without Borders". We agreed on a '
            "network.", "direct", "dobrev", ":",
        ],
        ["Yes, in March.", "direct", "holm", ":"],
        ["The rest will follow.", "direct", "holm", ":"],
    ]  # fmt: skip


def test_told_a_bare_plural_audience_is_not_what_is_said() -> None:
    text = (
        "Attorney-General Rina Dobrev told delegates syndicates had laundered billions through "
        "casinos. She told reporters the register would open in May."
    )
    assert quote_rows(text, ACTORS) == [
        ["syndicates had laundered billions through casinos", "reported", "dobrev", "told"],
        ["the register would open in May", "reported", "dobrev", "told reporters"],
    ]


def test_a_headline_that_ends_with_its_source_after_a_colon_or_a_dash() -> None:
    text = (
        "Fraud cases up 40% this year — Ruritania\n\n"
        "STRELSAU: Ruritania said it had charged 300 people with fraud this year.\n\n"
        "Deepfake scams on the rise: Dobrev\n\n"
        "Attorney-General Rina Dobrev said syndicates were using deepfake videos."
    )
    assert quote_rows(text, ACTORS) == [
        ["Fraud cases up 40% this year", "reported", "ruritania", "—"],
        ["it had charged 300 people with fraud this year", "reported", "ruritania", "said"],
        ["Deepfake scams on the rise", "reported", "dobrev", ":"],
        ["syndicates were using deepfake videos", "reported", "dobrev", "said"],
    ]


def test_a_fact_box_field_naming_a_source_is_no_headline_quote() -> None:
    text = (
        "Who takes part?\n\n"
        "* Dialogue partner: Ruritania\n"
        "* Host of the next round: Ruritania\n\n"
        "The talks opened on Monday in the capital with a speech by the host."
    )
    assert quote_rows(text, ACTORS) == []


JOINT = Actors.from_records(
    [
        {"id": "thailand", "name": "Thailand", "type": "country", "aliases": ["Bangkok"]},
        {"id": "laos", "name": "Laos", "type": "country", "aliases": ["Vientiane"]},
        {"id": "union", "name": "Northern Union", "type": "organisation", "aliases": ["NU"]},
    ]
)  # fmt: skip


def test_a_nationality_or_a_region_joined_with_an_actor_speaks_jointly() -> None:
    text = (
        "The talks ended.\n\n"
        "Thai, NU prosecutors pledged to help on Friday.\n\n"
        "Southeast Asian, Lao prosecutors pledged to trace crypto.\n\n"
        "Prosecutors from Southeast Asia and Laos agreed that evidence should be shared.\n\n"
        "NU prosecutors pledged to publish the figures."
    )
    assert quote_rows(text, JOINT) == [
        ["to help on Friday", "reported", None, "pledged"],
        ["to trace crypto", "reported", None, "pledged"],
        ["evidence should be shared", "reported", None, "agreed that"],
        ["to publish the figures", "reported", "union", "pledged"],
    ]


def test_a_named_person_after_a_nationality_is_a_person_the_table_does_not_know() -> None:
    text = (
        "Thailand hosted the talks. Thai delegate Somsak Wong said the rules were clear. "
        "Thai officials in Mae Sot said the raid had ended. A Thai delegate said the talks "
        "went well."
    )
    assert quote_rows(text, JOINT) == [
        ["the rules were clear", "reported", None, "said"],
        ["the raid had ended", "reported", "thailand", "said"],
        ["the talks went well", "reported", "thailand", "said"],
    ]
