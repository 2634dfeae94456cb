"""Issue 12, wave 12: one regression test per class of quotes missed or wrong in held-out sets
18 (both coders) and 19 (a pronoun subject shared by a second predicate, an unnamed official by
nationality with an interrupting phrase, a body named after a descriptor, a delegation led by
someone, a mission "in PLACE" after "according to" and before "it said"), on sentences written
for these tests (other names, countries and outlets than the sets'), with hand-computed
values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "japan", "name": "Japan", "type": "country", "aliases": ["Tokyo"]},
        {"id": "norway", "name": "Norway", "type": "country", "aliases": ["Oslo"]},
        {"id": "turkey", "name": "Turkey", "type": "country", "aliases": ["Türkiye", "Ankara"]},
        {"id": "eu", "name": "European Union", "type": "organisation", "aliases": ["EU"]},
        {"id": "au", "name": "African Union", "type": "organisation", "aliases": ["AU"]},
        {"id": "europol", "name": "Europol", "type": "organisation"},
        {"id": "nbcs", "name": "National Board for Cyber Security", "type": "organisation",
         "aliases": ["NBCS"]},
        {"id": "ana_diaz", "name": "Ana Diaz", "type": "person", "short": ["Diaz"],
         "titles": ["Minister"]},
        {"id": "tom_berg", "name": "Tom Berg", "type": "person", "short": ["Berg"],
         "titles": ["Commissioner"]},
        {"id": "ole_lund", "name": "Ole Lund", "type": "person", "short": ["Lund"]},
    ]
)  # fmt: skip


def quotes_of(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


# -- 1. "He described A as "…", but noted that B": the pronoun is the subject of both -------------


def test_a_pronoun_subject_shared_by_a_second_predicate() -> None:
    text = (
        "Tom Berg opened the talks. "
        'He described the summit as "the only forum we have", but noted that no date was set.'
    )
    assert quotes_of(text) == [
        ["the only forum we have", "direct", "tom_berg", "described"],
        ["no date was set", "reported", "tom_berg", "noted"],
    ]
    text = (
        'Ana Diaz spoke first. She called the deal "historic" but warned that it would take years.'
    )
    assert quotes_of(text) == [
        ["historic", "direct", "ana_diaz", "called"],
        ["it would take years", "reported", "ana_diaz", "warned"],
    ]
    text = "Ole Lund arrived late. He welcomed the plan and said Kenya would join it."
    assert quotes_of(text) == [["Kenya would join it", "reported", "ole_lund", "said"]]


# -- 2. "A Turkish diplomat, speaking on condition of anonymity, said": the country --------------


def test_an_unnamed_official_by_nationality_with_an_interrupting_phrase() -> None:
    text = (
        "Kenya and Peru signed the deal. "
        "A Kenyan diplomat, speaking on condition of anonymity, said the deal was close."
    )
    assert quotes_of(text) == [["the deal was close", "reported", "kenya", "said"]]
    text = (
        "Kenya and Peru signed the deal. "
        "A Peruvian official, who asked not to be named, said the talks had stalled."
    )
    assert quotes_of(text) == [["the talks had stalled", "reported", "peru", "said"]]
    text = (
        "Chile and Kenya met. Chilean officials, speaking after the meeting, "
        "told reporters that the deal was close."
    )
    assert quotes_of(text) == [["the deal was close", "reported", "chile", "told reporters"]]
    # the country's official name in the text, its adjective from the older English name
    text = "Türkiye and Peru met. A Turkish official, speaking in Lima, said the deal was fair."
    assert quotes_of(text) == [["the deal was fair", "reported", "turkey", "said"]]
    # no nationality: someone not in the table (NA speaker)
    text = "Kenya and Peru met. A senior official, speaking in Lima, said the deal was close."
    assert quotes_of(text) == [["the deal was close", "reported", None, "said"]]


# -- 3. "The EU border agency Frontex reported": the body named after the descriptor ------------


def test_a_body_named_after_a_descriptor() -> None:
    text = "The EU police agency Europol reported that arrests doubled in 2023."
    assert quotes_of(text) == [["arrests doubled in 2023", "reported", "europol", "reported"]]
    text = "The EU's police agency Europol said arrests doubled in 2023."
    assert quotes_of(text) == [["arrests doubled in 2023", "reported", "europol", "said"]]
    text = "Kenya's cyber watchdog NBCS warned that attacks were rising."
    assert quotes_of(text) == [["attacks were rising", "reported", "nbcs", "warned"]]
    # two actors joined speak jointly, none alone (wave 17); the second one an object: the
    # first speaks
    text = "The AU and Europol said arrests doubled in 2023."
    assert quotes_of(text) == [["arrests doubled in 2023", "reported", None, "said"]]
    text = "The EU said Europol would help."
    assert quotes_of(text) == [["Europol would help", "reported", "eu", "said"]]


# -- 4. "Myanmar's delegation, led by Deputy AG X, said": the delegation speaks ------------------


def test_a_delegation_led_by_a_person_speaks_for_the_country() -> None:
    text = (
        "Peru's delegation, led by Deputy Minister Ana Diaz, said it would sign the treaty "
        "after consultations."
    )
    assert quotes_of(text) == [
        ["it would sign the treaty after consultations", "reported", "peru", "said"]
    ]
    text = "Kenya's delegation, headed by Tom Berg, proposed that the summit set up a fraud unit."
    assert quotes_of(text) == [["the summit set up a fraud unit", "reported", "kenya", "proposed"]]
    text = (
        "Chile and Kenya met. The Chilean delegation, led by Ole Lund, said the accord needed work."
    )
    assert quotes_of(text) == [["the accord needed work", "reported", "chile", "said"]]
    # an apposed name that is not a passive participle still speaks
    text = "The committee chair, Tom Berg, said the accord needed work."
    assert quotes_of(text) == [["the accord needed work", "reported", "tom_berg", "said"]]


# -- 5. "According to the Chinese Embassy in Kuala Lumpur, …": the mission's country -----------


def test_according_to_a_mission_in_a_place() -> None:
    text = (
        "Japan and Peru met. "
        "According to the Japanese Embassy in Lima, 12 suspects have been returned since 2019."
    )
    assert quotes_of(text) == [
        ["12 suspects have been returned since 2019", "reported", "japan", "according to"]
    ]
    text = (
        "Kenya and Norway met. "
        "The visas would be issued within a week, according to the Norwegian Embassy in Nairobi."
    )
    assert quotes_of(text) == [
        ["The visas would be issued within a week", "reported", "norway", "according to"]
    ]
    # no nationality: an NA speaker as before
    text = "According to the embassy, 12 suspects have been returned."
    assert quotes_of(text) == [["12 suspects have been returned", "reported", None, "according to"]]


# -- 6. "The Chinese Embassy in Manila welcomed … In a statement, it said …": the country -------


def test_it_after_a_mission_in_a_place() -> None:
    text = (
        "Peru and Japan met. The Peruvian Embassy in Tokyo welcomed the move. "
        "In a statement, it said Peru would send two liaison officers."
    )
    assert quotes_of(text) == [["Peru would send two liaison officers", "reported", "peru", "said"]]
    text = (
        "Kenya and Norway met. The Kenyan embassy in Oslo welcomed the ruling. "
        "It said Kenya would appeal."
    )
    assert quotes_of(text) == [["Kenya would appeal", "reported", "kenya", "said"]]


# -- 7. 'X thanked Y for its "…", according to a statement': X's words, X's cue -----------------


def test_quoted_words_of_thanks_before_a_closing_according_to() -> None:
    text = 'Ana Diaz thanked Kenya for its "steady support" in the talks, according to a statement.'
    assert quotes_of(text) == [["steady support", "direct", "ana_diaz", "thanked"]]
    text = (
        'Tom Berg praised Japan for its "generous help" during the floods, '
        "according to a statement from his office."
    )
    assert quotes_of(text) == [["generous help", "direct", "tom_berg", "praised"]]
    # a tabled source after "according to" keeps the quote; no cue before it: as before
    text = 'Ana Diaz thanked Kenya for its "steady support" in the talks, according to Tom Berg.'
    assert quotes_of(text) == [["steady support", "direct", "tom_berg", "according to"]]
    text = 'Peru and Kenya met. Peru had "no choice", according to a statement.'
    assert quotes_of(text) == [["no choice", "direct", None, "according to"]]


# -- 8. "the delegations adopted the Declaration, in which they agreed that …": NA speaker ------


def test_they_in_a_relative_clause_after_an_unnamed_group() -> None:
    text = (
        "Ana Diaz met Tom Berg. The delegations adopted the Lima Declaration, in which they "
        "agreed that requests should be answered within 30 days."
    )
    assert quotes_of(text) == [
        ["requests should be answered within 30 days", "reported", None, "agreed that"]
    ]
    text = (
        "Ana Diaz met Tom Berg. Both sides issued a statement, under which they agreed that "
        "visas would be waived."
    )
    assert quotes_of(text) == [["visas would be waived", "reported", None, "agreed that"]]
    text = (
        "Ole Lund arrived. The ministers signed a memorandum, in which they pledged to share "
        "data on fraud."
    )
    assert quotes_of(text) == [["to share data on fraud", "reported", None, "pledged"]]
    # "They" opening its own sentence still reaches back to the actors named before; but an
    # agreement of "they" is the parties' together (changed in wave 20: the adjudicated
    # references of sets 18, 27, 77, 83 and 85 code "They (also) agreed that …" with no
    # speaker)
    text = "Ana Diaz met Tom Berg. They said that visas would be waived."
    assert quotes_of(text) == [["visas would be waived", "reported", "ana_diaz", "said"]]
    text = "Ana Diaz met Tom Berg. They agreed that visas would be waived."
    assert quotes_of(text) == [["visas would be waived", "reported", None, "agreed that"]]


# -- 9. a quoted interview headline: "'…': Lao chief prosecutor", "Interview: '…'" --------------


def test_a_quoted_interview_headline_is_a_quote_of_the_interviewee() -> None:
    text = (
        "Interview: 'We cannot wait for the next flood'\n\n"
        "A court in Lima jailed five men.\n\n"
        "Ana Diaz, Peru's chief prosecutor, spoke to us."
    )
    assert quotes_of(text) == [["We cannot wait for the next flood", "direct", "ana_diaz", ""]]
    text = (
        "'Fraud has no borders': Peruvian chief prosecutor\n\n"
        "Ahead of a summit, Peru's top prosecutor talks about fraud.\n\n"
        "By Jan Novak\n\n"
        "Chief Prosecutor Ana Diaz has led the office since 2020."
    )
    assert quotes_of(text) == [["Fraud has no borders", "direct", "ana_diaz", ""]]
    text = "INTERVIEW: 'The border is open again'\n\nCommissioner Tom Berg answered our questions."
    assert quotes_of(text) == [["The border is open again", "direct", "tom_berg", ""]]
    # nobody named after it, a title that is no role, or too short: no quote
    assert quotes_of("'Fraud has no borders': Peruvian chief prosecutor\n\nNobody spoke.") == []
    assert quotes_of("'Fraud has no borders': a new film\n\nAna Diaz spoke.") == []
    assert quotes_of("Interview: 'Fine'\n\nAna Diaz spoke.") == []


# -- 10. "…, where agents say …": an unnamed source noun (NA speaker) ----------------------------


def test_agents_and_inspectors_are_unnamed_sources() -> None:
    text = "Crossings rose in Vermont, where agents say many migrants arrived by air from Peru."
    assert quotes_of(text) == [["many migrants arrived by air from Peru", "reported", None, "say"]]
    text = "Border agents say many migrants arrived by air from Peru."
    assert quotes_of(text) == [["many migrants arrived by air from Peru", "reported", None, "say"]]
    text = "Crossings rose sharply, customs inspectors said on Monday."
    assert quotes_of(text) == [["Crossings rose sharply", "reported", None, "said"]]
    # an act of agents is no speech
    assert quotes_of("The agents arrested five men in Lima.") == []


# -- 11. "Foreign Minister says …" in a headline's second line: the minister named later ------


def test_a_role_says_in_a_second_headline_line() -> None:
    text = (
        "Peru halts aid to Kenya over fraud\n\n"
        "Minister says Lima was not consulted\n\n"
        "Radio Lima\n\n"
        "Peru has halted aid to Kenya.\n\n"
        "Foreign Minister Ana Diaz said the decision was final."
    )
    assert quotes_of(text) == [
        ["Lima was not consulted", "reported", "ana_diaz", "says"],
        ["the decision was final", "reported", "ana_diaz", "said"],
    ]
    text = (
        "Peru halts aid to Kenya over fraud\n\n"
        "Commissioner says the audit was clear\n\n"
        "Peru has halted aid. Ole Lund spoke. Commissioner Tom Berg said the audit was clean."
    )
    assert quotes_of(text) == [
        ["the audit was clear", "reported", "tom_berg", "says"],
        ["the audit was clean", "reported", "tom_berg", "said"],
    ]


# -- 12. "Leak now works … . She keeps … . "…," she said": the untabled person, not an actor -----


def test_a_pronoun_after_the_surname_of_someone_not_in_the_table() -> None:
    text = (
        "LIMA – Rosa Quispe, 31, lost her savings in 2020. Ana Diaz said Peru had asked Kenya "
        'for help. Quispe now works in a bakery. She keeps the letters. "I want my money back," '
        "she said."
    )
    assert quotes_of(text) == [
        ["Peru had asked Kenya for help", "reported", "ana_diaz", "said"],
        ["I want my money back,", "direct", None, "said"],
    ]
    # the surname right before the pronoun's sentence
    text = (
        "Rosa Quispe lost her savings. Ana Diaz said Peru had asked Kenya for help. "
        'Quispe now works in a bakery. "I want my money back," she said.'
    )
    assert quotes_of(text) == [
        ["Peru had asked Kenya for help", "reported", "ana_diaz", "said"],
        ["I want my money back,", "direct", None, "said"],
    ]
    # a capitalised word that never ended an untabled name (a place) changes nothing
    text = (
        'Ana Diaz said Peru had asked Kenya for help. Lima now waits. "We are working," she said.'
    )
    assert quotes_of(text) == [
        ["Peru had asked Kenya for help", "reported", "ana_diaz", "said"],
        ["We are working,", "direct", "ana_diaz", "said"],
    ]
    # a chain of the actor's own pronoun reaches the actor
    text = (
        "Ms Ana Diaz spoke in Lima. She said Peru had asked Kenya for help. "
        '"We are working," she said.'
    )
    assert quotes_of(text) == [
        ["Peru had asked Kenya for help", "reported", "ana_diaz", "said"],
        ["We are working,", "direct", "ana_diaz", "said"],
    ]
