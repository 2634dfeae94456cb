"""Issue 12, wave 15: one regression test per class of quotes missed or wrong in held-out set 26
(adjudicated): a document named by "according to" that records a speaker's own cue; a quote
with its own speaker before a closing "according to" a transcript; "said this after …";
"…, NAME, Title at the Body, said yesterday after meeting …"; people of several parties
speaking together; "questioned why/whether"; an untabled person after "ORG spokesperson", also
with an abbreviated first name. Sentences written for these tests (other names, countries and
bodies than the set's), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "members", "name": "Union member states", "type": "group",
         "aliases": ["Union countries"]},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "acc", "name": "Anti-Crime Commission", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["ACC"]},
        {"id": "rina", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Minister"]},
        {"id": "ivo", "name": "Ivo Marek", "type": "person", "affiliation": "hpo",
         "short": ["Marek"], "titles": ["H.E.", "Chief Prosecutor"]},
        {"id": "tom", "name": "Tomas Vell", "type": "person", "affiliation": "hpo",
         "short": ["Vell"]},
    ]
)  # fmt: skip


def quotes_of(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


def test_a_document_according_to_which_a_person_speaks_with_a_cue_of_their_own() -> None:
    # (a short form names the person after the full name: the first mention is the full one)
    text = (
        "According to a statement from the HPO, Ivo Marek said Elbonia would extradite the two men."
    )
    assert quotes_of(text) == [["Elbonia would extradite the two men", "reported", "ivo", "said"]]
    text = (
        "According to a joint press release, Ivo Marek expressed concern about the delays and "
        "proposed that the two offices meet monthly."
    )
    assert quotes_of(text) == [
        ["concern about the delays", "reported", "ivo", "expressed"],
        ["the two offices meet monthly", "reported", "ivo", "proposed"],
    ]
    # a person named as the source tells what the other asked: the source speaks
    text = "According to Tomas Vell, Ivo Marek asked Ruritania to freeze the accounts."
    assert quotes_of(text) == [
        ["Ivo Marek asked Ruritania to freeze the accounts", "reported", "tom", "according to"]
    ]


def test_a_quote_with_its_speaker_before_a_closing_according_to_a_transcript() -> None:
    text = (
        '"No border stops a case any more," Chief Prosecutor Ivo Marek told delegates, '
        "according to a transcript released by the Anti-Crime Commission."
    )
    assert quotes_of(text) == [["No border stops a case any more,", "direct", "ivo", "told"]]


def test_said_this_after_points_back_to_what_was_said() -> None:
    text = "Ivo Marek said the HPO would help. He said this after opening the session in Strelsau."
    assert quotes_of(text) == [["the HPO would help", "reported", "ivo", "said"]]
    # "this week" is a time: what follows "that" is said
    text = "Ivo Marek said this week that the HPO would help."
    assert quotes_of(text) == [["the HPO would help", "reported", "ivo", "said"]]


def test_a_titled_person_in_apposition_then_said_with_a_long_adverbial() -> None:
    text = (
        "Elbonia will not shelter foreign fraud rings, H.E. Ivo Marek, Chief Prosecutor at the "
        "High Court, said yesterday after meeting a visiting delegation from the Anti-Crime "
        "Commission of Ruritania."
    )
    assert quotes_of(text) == [
        ["Elbonia will not shelter foreign fraud rings", "reported", "ivo", "said"]
    ]


def test_people_of_several_parties_speak_for_none_of_them() -> None:
    text = (
        "In 2019 prosecutors-general of Ruritania and the Union member states agreed that "
        "asset recovery should stay on the agenda."
    )
    assert quotes_of(text) == [
        ["asset recovery should stay on the agenda", "reported", None, "agreed that"]
    ]
    # officials of one party speak for it
    text = "Officials of Ruritania said the talks went well."
    assert quotes_of(text) == [["the talks went well", "reported", "ruritania", "said"]]


def test_questioned_why_is_a_cue_and_questioned_a_person_is_not() -> None:
    text = "Lawmaker Ana Petrov questioned why the ACC had recovered so little."
    assert quotes_of(text) == [
        ["the ACC had recovered so little", "reported", None, "questioned why"]
    ]
    assert quotes_of("Police questioned the suspect for hours.") == []


def test_an_untabled_person_after_a_bodys_role_speaks_not_the_body() -> None:
    text = '"This closes the gap," ACC spokesperson Ma. Elena Cruz said.'
    assert quotes_of(text) == [["This closes the gap,", "direct", None, "said"]]
    text = '"This closes the gap," ACC spokesperson Elena Cruz said.'
    assert quotes_of(text) == [["This closes the gap,", "direct", None, "said"]]
    # a role without a name: the body whose official speaks
    text = '"This closes the gap," an ACC spokesperson said.'
    assert quotes_of(text) == [["This closes the gap,", "direct", "acc", "said"]]


# -- held-out set 29 ------------------------------------------------------------------------------


def test_a_date_in_brackets_after_said_on_a_weekday() -> None:
    text = "Elbonia will join the system, Chief Prosecutor Ivo Marek said on Wednesday (Nov 27)."
    assert quotes_of(text) == [["Elbonia will join the system", "reported", "ivo", "said"]]


def test_a_tabled_person_ends_the_opening_clause_before_who() -> None:
    text = (
        "Head of the High Prosecution Office Chief Prosecutor Ivo Marek, who led the "
        "delegation, said 40 suspects had been arrested."
    )
    assert quotes_of(text) == [["40 suspects had been arrested", "reported", "ivo", "said"]]
    # an untabled name after a title in capitals: not the country before it
    text = (
        "Ruritania's Deputy Prosecutor General Ana Petrov, who signed for Ruritania, told "
        "reporters that the list was ready."
    )
    assert quotes_of(text) == [["the list was ready", "reported", None, "told reporters"]]


def test_guaranteed_that_is_a_cue_and_recalls_an_envoy_is_not() -> None:
    text = "Elbonia thanked the HPO and guaranteed that the rights of suspects would be protected."
    assert quotes_of(text) == [
        ["the rights of suspects would be protected", "reported", "elbonia", "guaranteed that"]
    ]
    assert quotes_of("Elbonia expels two diplomats and recalls ambassador to Ruritania.") == []


# -- held-out set 28 ------------------------------------------------------------------------------


def test_organisers_are_an_unnamed_source() -> None:
    text = "The next meeting will be held in Elbonia in 2027, organisers said."
    assert quotes_of(text) == [
        ["The next meeting will be held in Elbonia in 2027", "reported", None, "said"]
    ]


# -- held-out set 30 ------------------------------------------------------------------------------


def test_unnamed_groups_warn_that_and_a_perfect_before_the_cue() -> None:
    text = "Ruritania met Elbonia. Rights groups warn that some of the men may be victims."
    assert quotes_of(text) == [["some of the men may be victims", "reported", None, "warn"]]
    text = "Ruritania met Elbonia. Senator Ana Petrov has urged the government to close the hubs."
    assert quotes_of(text) == [["the government to close the hubs", "reported", None, "urged"]]
    # a headline commitment of no one in the table is still no quote
    assert quotes_of("Prosecutors pledge joint action on scams") == []


def test_a_bodys_spokeswoman_told_a_press_briefing() -> None:
    text = (
        "Most suspects were handed over in Elbonia, Anti-Crime Commission spokeswoman "
        "Rina Dobrev told a press briefing."
    )
    assert quotes_of(text) == [
        ["Most suspects were handed over in Elbonia", "reported", "rina", "told"]
    ]


def test_he_after_a_title_chain_opening_the_sentence_is_the_person() -> None:
    text = (
        "Ruritania met Elbonia. Chief Prosecutor of the High Prosecution Office Tomas Vell "
        "welcomed the proposals. He said the office valued its ties."
    )
    assert quotes_of(text) == [["the office valued its ties", "reported", "tom", "said"]]
    # a person of an untabled body: "he" is that person, not a tabled one
    text = (
        "Tomas Vell met the press. But Ana Petrov of Elbonia Watch said the office had failed. "
        '"They have the tools," he said.'
    )
    assert quotes_of(text)[-1] == ["They have the tools,", "direct", None, "said"]
