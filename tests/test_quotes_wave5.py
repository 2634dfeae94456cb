"""Issue 12, wave 5: one regression test per quote failure class of held-out set 9 (courts,
allegations, requests, untabled speakers next to tabled names, lawyers, pronouns after
untabled speakers, single quotation marks, wire ledes, headline titles, fragments ending a
clause), on sentences written for these tests (not taken from the set), with hand-computed
values: ``[text, kind, speaker_id, cue]`` per quote."""

from __future__ import annotations

import pytest

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country"},
        {"id": "chile", "name": "Chile", "type": "country"},
        {"id": "ghana", "name": "Ghana", "type": "country"},
        {"id": "eu", "name": "European Union", "type": "organisation", "aliases": ["EU"]},
        {"id": "oas", "name": "Organization of American States", "type": "organisation",
         "aliases": ["OAS"]},
        {"id": "sec_peru", "name": "Securities Office", "type": "organisation",
         "aliases": ["SO"], "affiliation": "peru"},
        {"id": "fifa", "name": "FIFA", "type": "organisation", "aliases": ["Fifa"]},
        {"id": "rosa_vega", "name": "Rosa Vega", "type": "person", "affiliation": "peru",
         "aliases": ["Vega"]},
        {"id": "ana_soto", "name": "Ana Soto", "type": "person", "affiliation": "chile",
         "titles": ["Ambassador", "DG"], "aliases": ["Soto"]},
        {"id": "luis_mora", "name": "Luis Mora", "type": "person", "affiliation": "peru",
         "aliases": ["Mora"]},
    ]
)  # fmt: skip


def quotes(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


def test_court_rulings_and_findings_are_reported_speech_with_an_na_speaker() -> None:
    assert quotes(
        "A district court ruled that the tender had been rigged. Later the judge ruled out a "
        "retrial. The mayor will face charges over the contract, a regional court ruled on "
        "Friday. Investigators later found that the money went to three shell companies."
    ) == [
        ["the tender had been rigged", "reported", None, "ruled"],
        ["The mayor will face charges over the contract", "reported", None, "ruled"],
        ["the money went to three shell companies", "reported", None, "found that"],
    ]


def test_an_organisation_finds_with_a_subject_pronoun() -> None:
    assert quotes("Fifa found he had paid officials to change their votes.") == [
        ["he had paid officials to change their votes", "reported", "fifa", "found"]
    ]


def test_allegations_are_reported_speech() -> None:
    assert quotes(
        "The SO sued the broker on Monday, alleging it hid losses from clients. The broker "
        "earned $3 million from the scheme, the SO alleges. Vega alleged that the vote had "
        "been rigged. He was arrested over alleged fraud in 2021."
    ) == [
        ["it hid losses from clients", "reported", "sec_peru", "alleging"],
        ["The broker earned $3 million from the scheme", "reported", "sec_peru", "alleges"],
        ["the vote had been rigged", "reported", "rosa_vega", "alleged"],
    ]


def test_a_request_asked_x_to_is_reported_speech() -> None:
    assert quotes(
        "Vega asked the Chilean side to return the files within a month. Mora asked about the "
        "files. The witness, who asked not to be named, left."
    ) == [["the Chilean side to return the files within a month", "reported", "rosa_vega",
           "asked"]]  # fmt: skip


def test_decisions_agreed_that_and_the_meeting_of_an_organisation() -> None:
    assert quotes(
        "The 12th OAS Assembly opened in Lima. The assembly also agreed that the next meeting "
        "would be held in Santiago. The two ministers agreed to meet again."
    ) == [["the next meeting would be held in Santiago", "reported", "oas", "agreed that"]]


def test_angry_and_sworn_speech_cues() -> None:
    assert quotes(
        'Mora rejected the report. "This is a political attack," he fumed. One of the '
        "victims testified in 2022 that she had been locked in a room."
    ) == [
        ["This is a political attack,", "direct", "luis_mora", "fumed"],
        ["she had been locked in a room", "reported", None, "testified"],
    ]


def test_thanked_for_a_quoted_phrase_and_it_as_the_organisation() -> None:
    assert quotes(
        'The SO said the fine was final. It thanked Chile for its "swift help". The SO '
        "thanked the police for their work."
    ) == [
        ["the fine was final", "reported", "sec_peru", "said"],
        ["swift help", "direct", "sec_peru", "thanked"],
    ]


def test_live_page_subheads_demand_and_allege() -> None:
    assert quotes(
        "Peru demands recount in three districts\n\n"
        "Chile alleges fraud in the north\n\n"
        "The demands of the unions were not met."
    ) == [
        ["recount in three districts", "reported", "peru", "demands"],
        ["fraud in the north", "reported", "chile", "alleges"],
    ]


def test_untabled_subject_with_a_relative_clause_or_apposition_speaks() -> None:
    assert quotes(
        "Mercado, which sells to 40 million users in the EU, said it would appeal. "
        "Consumo, the Chilean consumer group, said the fine was too low. Ortiz, who heads "
        "the OAS legal office, urged members to sign the treaty."
    ) == [
        ["it would appeal", "reported", None, "said"],
        ["the fine was too low", "reported", None, "said"],
        ["members to sign the treaty", "reported", None, "urged"],
    ]


def test_untabled_person_with_a_title_naming_a_tabled_body() -> None:
    assert quotes(
        "SO enforcement director Carla Ruiz said the firm had misled investors. Peru's "
        "Deputy Minister of Finance, Jorge Paz, who led the delegation, proposed that the "
        "banks share data. The Chair of the OAS, Quispe, noted that trade had grown."
    ) == [
        ["the firm had misled investors", "reported", None, "said"],
        ["the banks share data", "reported", None, "proposed"],
        ["trade had grown", "reported", None, "noted"],
    ]


def test_a_clause_opening_with_an_untabled_name_is_its_subject() -> None:
    assert quotes(
        "Chief Judge Marta Lind rejected a motion by former minister Luis Mora, saying the "
        "evidence was strong."
    ) == [["the evidence was strong", "reported", None, "saying"]]


def test_a_persons_lawyer_or_defence_team_is_not_the_person() -> None:
    assert quotes(
        "Mora's defence team said it would appeal the verdict. Vega's lawyer, Pablo Ruiz, "
        "accused the SO of bias and said his client was innocent."
    ) == [
        ["it would appeal the verdict", "reported", None, "said"],
        ["the SO of bias", "reported", None, "accused"],
        ["his client was innocent", "reported", None, "said"],
    ]


def test_he_after_an_untabled_speaker_is_not_an_earlier_tabled_person() -> None:
    assert quotes(
        "Vega opened the session. The head of the audit unit, Tomas Brun, said losses had "
        "doubled. He warned that more cases would follow.\n"
        "Last night Chile's sports minister Pedro Alba criticised the ban. He told us: "
        '"This is a sad day."'
    ) == [
        ["losses had doubled", "reported", None, "said"],
        ["more cases would follow", "reported", None, "warned"],
        ["This is a sad day.", "direct", None, "told"],
    ]


def test_told_with_an_object_pronoun_before_a_quotation() -> None:
    assert quotes('Ambassador Ana Soto told me yesterday, "The treaty is ready."') == [
        ["The treaty is ready.", "direct", "ana_soto", "told"]
    ]


def test_a_cue_continuing_the_sentence_keeps_its_first_speaker() -> None:
    assert quotes(
        "Mercado, which has offices in the EU, said it would appeal and described the fine "
        'as "absurd". Prosecutor Rosa Vega, who led the case, called the verdict "a '
        'warning to the corrupt".'
    ) == [
        ["it would appeal", "reported", None, "said"],
        ["absurd", "direct", None, "described"],
        ["a warning to the corrupt", "direct", "rosa_vega", "called"],
    ]


def test_a_participle_after_reported_content_is_a_second_quote() -> None:
    assert quotes(
        "Vega said the talks would resume in May, arguing that both sides wanted a deal."
    ) == [
        ["the talks would resume in May", "reported", "rosa_vega", "said"],
        ["both sides wanted a deal", "reported", "rosa_vega", "arguing"],
    ]


def test_unnamed_sources_in_a_relative_clause() -> None:
    assert quotes(
        "Peru's central bank said it would limit cash transfers, a loophole analysts say the "
        "cartels used. Vega backs a reform that critics say would weaken the courts."
    ) == [
        ["it would limit cash transfers", "reported", "peru", "said"],
        ["the cartels used", "reported", None, "say"],
        ["would weaken the courts", "reported", None, "say"],
    ]


def test_the_government_in_a_lede_is_the_one_country_named() -> None:
    assert quotes(
        "Peru police raid mining firms\n\n"
        "Police raided 40 offices in five regions on Tuesday, the government said.\n\n"
        "Exports will rise this year, the government said, as Chile reopens its ports."
    ) == [
        ["Police raided 40 offices in five regions on Tuesday", "reported", "peru", "said"],
        ["Exports will rise this year", "reported", "chile", "said"],
    ]


def test_an_unnamed_source_with_a_modifier_phrase() -> None:
    assert quotes(
        "Chile shared evidence on 200 suspects, a Peru police officer involved in the "
        "inquiry told the Daily Sun on condition of anonymity."
    ) == [["Chile shared evidence on 200 suspects", "reported", "peru", "told"]]


def test_an_untabled_body_named_with_of_and_for_after_the_content() -> None:
    assert quotes(
        "More than 500 officials were punished last year, the National Office for Public "
        "Ethics said on Monday."
    ) == [["More than 500 officials were punished last year", "reported", None, "said"]]


def test_a_quotation_ending_a_clause_with_the_attribution_after_it() -> None:
    assert quotes(
        'Peru urged its neighbours to sign the accord "without delay", the SO said.'
    ) == [
        ['Peru urged its neighbours to sign the accord "without delay"', "reported",
         "sec_peru", "said"],
        ['its neighbours to sign the accord "without delay"', "reported", "peru", "urged"],
    ]  # fmt: skip
    # a quotation opening a new sentence is a quote of its own
    assert quotes('Vega met the Chilean team. "The work was excellent," Vega said.') == [
        ["The work was excellent,", "direct", "rosa_vega", "said"]
    ]


def test_single_quotation_marks_opening_a_paragraph() -> None:
    assert quotes(
        "'Investors were told the product was safe. It was not,' Ms Vega said.\n"
        "'We will act again.'\n"
        "The investors' losses reached $9 million."
    ) == [
        ["Investors were told the product was safe. It was not,", "direct", "rosa_vega",
         "said"],
        ["We will act again.", "direct", "rosa_vega", "said"],
    ]  # fmt: skip


def test_a_headline_title_after_the_verb_and_the_role_noun_with_its_title() -> None:
    assert quotes(
        "Chile to reopen consulate in Lima, says DG\n\n"
        "Vega received Ambassador Ana Soto in Lima on Monday. Vega asked Chile to speed up "
        "visas. The ambassador said Chile was ready to help."
    ) == [
        ["Chile to reopen consulate in Lima", "reported", "ana_soto", "says"],
        ["Chile to speed up visas", "reported", "rosa_vega", "asked"],
        ["Chile was ready to help", "reported", "ana_soto", "said"],
    ]


# -- held-out set 8's leftovers and forms of sets 7-8 (general news forms) -------------------


def test_an_apposed_untabled_name_speaks_in_a_second_predicate() -> None:
    assert quotes(
        'Chile\'s envoy, Marta Lind, called the plan "weak" and accused the OAS of delay.'
    ) == [
        ["weak", "direct", None, "called"],
        ["the OAS of delay", "reported", None, "accused"],
    ]


def test_an_untabled_person_after_a_bodys_title_after_the_cue() -> None:
    assert quotes('"We will not stop," said SO spokesperson Ana Ruiz.') == [
        ["We will not stop,", "direct", None, "said"]
    ]


def test_an_honorifics_full_stop_does_not_end_the_attribution() -> None:
    assert quotes('"The door is open," Ms. Vega said in a statement.') == [
        ["The door is open,", "direct", "rosa_vega", "said"]
    ]


def test_the_bloc_is_the_organisation_just_named() -> None:
    assert quotes(
        "In a statement read by OAS staff, the bloc said it would suspend trade with Peru."
    ) == [["it would suspend trade with Peru", "reported", "oas", "said"]]


def test_according_to_a_countrys_body_is_the_country() -> None:
    assert quotes(
        "Only adults will be sent to Chile, according to Peru's interior ministry. Exports "
        "fell 5%, according to Peru's customs data."
    ) == [
        ["Only adults will be sent to Chile", "reported", "peru", "according to"],
        ["Exports fell 5%", "reported", None, "according to"],
    ]


def test_maintained_with_a_plain_object_is_not_speech() -> None:
    assert quotes(
        "Peru has maintained sanctions against Chile since 2010. Vega maintained that the "
        "talks had failed."
    ) == [["the talks had failed", "reported", "rosa_vega", "maintained"]]


def test_unnamed_politicians_and_bodies_are_sources() -> None:
    assert quotes(
        "Opposition politicians have challenged the law in court, arguing that it breaks the "
        "constitution. Industry bodies have urged Chile to cut tariffs."
    ) == [
        ["it breaks the constitution", "reported", None, "arguing"],
        ["Chile to cut tariffs", "reported", None, "urged"],
    ]


def test_a_title_then_an_apposed_tabled_person_speaks() -> None:
    assert quotes(
        "Peru's foreign minister, Luis Mora, has defended the deal, saying it protects jobs."
    ) == [["it protects jobs", "reported", "luis_mora", "saying"]]


def test_a_surname_alone_before_said_is_an_untabled_speaker() -> None:
    assert quotes(
        "Huang said the court would review the case. America believes in free markets. Two "
        "noted troupes will open the season. All told, 40 people were arrested."
    ) == [["the court would review the case", "reported", None, "said"]]


def test_officials_named_by_a_nationality_adjective_speak_for_the_named_country() -> None:
    assert quotes(
        "Ghana signed the deal with Peru. Ghanaian officials have accused Chile of delaying "
        "the talks. Chilean officials have denied that. The Swedish officials said nothing."
    ) == [["Chile of delaying the talks", "reported", "ghana", "accused"]]


# The default run's 3-minute budget: these early waves' classes run in CI's slow run (make
# test-slow), and the held-out benchmark test of the default run covers their sets.
pytestmark = pytest.mark.slow
