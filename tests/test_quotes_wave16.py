"""Issue 12, wave 16: one regression test per class of quotes missed or wrong in held-out sets
34-36 (adjudicated): "states" after a capitalised word as a noun ("Union states still rely",
"in Shan and Karen states,"); a nationality adjective
before a state's body, police, embassy or delegate ("…, Thai police said", "According to the
Chinese embassy"); "said at least …" after an opening participle; "X thanked Y … and said" with
a demonym subject. Sentences written for these tests (other names, countries and bodies than
the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": []},
        {"id": "union", "name": "Northern Union", "type": "organisation", "aliases": ["NU"]},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "rina", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Minister"]},
        {"id": "ivo", "name": "Ivo Marek", "type": "person", "affiliation": "hpo",
         "short": ["Marek"], "titles": ["Chief Prosecutor"]},
    ]
)  # fmt: skip


def quotes_of(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


def test_states_after_a_capitalised_word_is_a_noun_not_a_cue() -> None:
    text = "The treaty dates from 2015, but several NU states still rely on deportation."
    assert quotes_of(text) == []
    text = (
        "Ruritania met Elbonia. The compounds sit in the Lake and Hill states, according to two "
        "sources familiar with the talks."
    )
    assert quotes_of(text) == [
        ["The compounds sit in the Lake and Hill states", "reported", None, "according to"]
    ]
    # the cue ends the sentence: the body states what comes before it
    text = "The money was returned under the treaty, the HPO states."
    assert quotes_of(text) == [
        ["The money was returned under the treaty", "reported", "hpo", "states"]
    ]


def test_a_nationality_adjective_before_a_body_speaks_for_the_country() -> None:
    intro = "Ruritania and Elbonia signed the deal. "
    assert quotes_of(intro + "The suspects were flown home on Friday, Ruritanian police said.")[
        -1
    ] == ["The suspects were flown home on Friday", "reported", "ruritania", "said"]
    assert quotes_of(intro + "According to the Elbonian embassy, the flights will continue.")[
        -1
    ] == ["the flights will continue", "reported", "elbonia", "according to"]
    assert quotes_of(intro + "Most were freed, according to a Ruritanian police statement.")[
        -1
    ] == ["Most were freed", "reported", "ruritania", "according to"]
    text = (
        intro + "An Elbonian delegate, speaking on condition of anonymity, said his country "
        "remained open to talks."
    )
    assert quotes_of(text)[-1] == [
        "his country remained open to talks", "reported", "elbonia", "said"
    ]  # fmt: skip
    text = intro + "Ruritanian officials estimate that 2,000 people were trafficked."
    assert quotes_of(text)[-1] == [
        "2,000 people were trafficked", "reported", "ruritania", "estimate that"
    ]  # fmt: skip


def test_said_at_least_after_an_opening_participle_reports_what_follows() -> None:
    text = (
        "Opening the three-day meeting in Strelsau, Minister Rina Dobrev said at least 17 "
        "suspects were living abroad."
    )
    assert quotes_of(text) == [
        ["at least 17 suspects were living abroad", "reported", "rina", "said"]
    ]


def test_the_demonym_subject_of_a_first_predicate_speaks_in_the_second() -> None:
    text = (
        "Ruritania and Elbonia met. A representative of the Ruritanian Embassy thanked "
        'Elbonia for its "close coordination" and said more groups would follow.'
    )
    assert quotes_of(text)[-1] == ["more groups would follow", "reported", "ruritania", "said"]


def test_a_long_attribution_with_a_body_and_its_abbreviation_after_a_quotation() -> None:
    text = (
        '"Our courts come first," Minister Rina Dobrev of the national High Prosecution Office '
        "(HPO) told the Strelsau Herald."
    )
    assert quotes_of(text) == [["Our courts come first,", "direct", "rina", "told"]]


def test_a_wire_lede_role_is_the_person_the_next_paragraph_names() -> None:
    text = (
        "STRELSAU, Nov 14 (Reuters) - Ruritania's top minister on Thursday urged neighbours to "
        "close the compounds.\n\nSpeaking at the opening, Minister Rina Dobrev said 500 "
        "suspects had been returned."
    )
    assert quotes_of(text) == [
        ["neighbours to close the compounds", "reported", "rina", "urged"],
        ["500 suspects had been returned", "reported", "rina", "said"],
    ]
    # unnamed in the next paragraph, the country speaks (set 11's "Fiji's prime minister")
    text = (
        "Ruritania's top minister on Thursday urged neighbours to close the compounds.\n\n"
        "The talks end on Friday."
    )
    assert quotes_of(text) == [
        ["neighbours to close the compounds", "reported", "ruritania", "urged"]
    ]


def test_an_untabled_speaker_described_by_a_body_after_said() -> None:
    text = (
        "The deal was reached on the sidelines of the talks last week, said Assistant Secretary "
        "Tomas Vell of the HPO."
    )
    assert quotes_of(text) == [
        ["The deal was reached on the sidelines of the talks last week", "reported", None, "said"]
    ]
    # the body alone speaks
    assert quotes_of("The deal was reached last week, said the HPO.") == [
        ["The deal was reached last week", "reported", "hpo", "said"]
    ]


def test_an_outlet_told_on_a_weekday_after_the_content() -> None:
    text = (
        "Cooperation has become a key pillar of the campaign, a senior official of the High "
        "Prosecution Office told the Strelsau Times on Thursday."
    )
    assert quotes_of(text) == [
        ["Cooperation has become a key pillar of the campaign", "reported", "hpo", "told"]
    ]


def test_a_country_possessive_title_then_the_name_between_commas() -> None:
    text = (
        "Elbonia's attorney general, Ivo Marek, said 1,000 citizens had come home. He warned "
        "that some victims were being prosecuted."
    )
    assert quotes_of(text) == [
        ["1,000 citizens had come home", "reported", "ivo", "said"],
        ["some victims were being prosecuted", "reported", "ivo", "warned"],
    ]


def test_the_person_before_of_the_body_after_a_quotation() -> None:
    text = '"We must share evidence," Chief Prosecutor Ivo Marek of the HPO said from Strelsau.'
    assert quotes_of(text) == [["We must share evidence,", "direct", "ivo", "said"]]


def test_introduced_that_in_state_media_english() -> None:
    text = "Ivo Marek introduced that the HPO had handled 286 cases since 2014."
    assert quotes_of(text) == [
        ["the HPO had handled 286 cases since 2014", "reported", "ivo", "introduced that"]
    ]


def test_pressed_an_addressee_to_act_is_a_demand() -> None:
    text = "Ruritania met Elbonia. Strelsau has pressed Elbonia and the NU to shut the compounds."
    assert quotes_of(text)[-1] == [
        "Elbonia and the NU to shut the compounds", "reported", "ruritania", "pressed"
    ]  # fmt: skip
    # not charges, not going ahead, not an intention
    for text in (
        "Police pressed charges against the two men.",
        "The HPO pressed ahead with the case.",
        "The HPO will press Elbonia to speed up the returns.",
    ):
        assert quotes_of(text) == []
