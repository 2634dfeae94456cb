"""Regression tests for the quote and speaker failure classes of held-out set 4 (issue 12):
one test per class, on sentences written for the test, expected values by hand."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "indonesia", "name": "Indonesia", "type": "country", "aliases": ["Jakarta"]},
        {"id": "australia", "name": "Australia", "type": "country", "aliases": ["Canberra"]},
        {"id": "acme", "name": "Acme Mining", "type": "organisation", "aliases": ["Acme"]},
        {"id": "ngo", "name": "Sea Rights Network", "type": "organisation"},
        {"id": "afp", "name": "Australian Federal Police", "type": "organisation"},
        {"id": "court", "name": "Jakarta Corruption Court", "type": "organisation"},
        {"id": "ann", "name": "Ann Lee", "type": "person", "affiliation": "acme",
         "titles": ["Chief Executive", "Senator"], "short": ["Lee"]},
        {"id": "budi", "name": "Budi Santoso", "type": "person", "affiliation": "indonesia",
         "titles": ["Energy Minister", "Vice President"], "short": ["Budi"]},
        {"id": "nadia", "name": "Nadia Okoro", "type": "person", "affiliation": "ngo",
         "short": ["Okoro"]},
        {"id": "wu", "name": "Wu Jian", "type": "person", "short": ["Wu"]},
    ]
)  # fmt: skip


def quotes(text: str) -> list[list]:
    """``text, kind, speaker_id (None for NA), cue`` of every quote of ``text``."""
    return quote_rows(text, ACTORS)


def test_cue_with_a_plain_object_is_not_speech() -> None:
    assert quotes("Canberra added nickel to its list of critical minerals last year.") == []
    assert quotes("Acme reported a 41% rise in annual net profit on Friday.") == []
    assert quotes("Ann Lee described the call to colleagues in an email.") == []
    assert quotes("Ann Lee acknowledged the raids on the mines.") == []
    # with "that", a colon or "as" they still introduce speech
    assert quotes("Ann Lee added that the mine would stay open.") == [
        ["the mine would stay open", "reported", "ann", "added"]
    ]


def test_cue_in_a_when_or_if_clause_is_not_speech() -> None:
    assert quotes("When Acme announced its writedown last month, shares fell sharply.") == []


def test_say_after_a_modal_is_not_speech() -> None:
    assert quotes("Critics will say this means helping a competitor.") == []


def test_second_predicate_after_and_or_but_has_the_sentence_subject() -> None:
    assert quotes(
        "Ann Lee declined to say whether anyone was bribed, but said the inquiry was continuing."
    ) == [["the inquiry was continuing", "reported", "ann", "said"]]
    assert quotes(
        "Budi Santoso met the envoy. The Vice President praised the ties and affirmed that "
        "the two countries would stay close."
    ) == [["the two countries would stay close", "reported", "budi", "affirmed"]]
    assert quotes(
        'Ann Lee told senators that the audit found "no evidence", but acknowledged that '
        "some ore could not be traced."
    ) == [
        ['the audit found "no evidence"', "reported", "ann", "told"],
        ["some ore could not be traced", "reported", "ann", "acknowledged"],
    ]


def test_second_predicate_of_someone_the_table_does_not_know() -> None:
    assert quotes(
        "Tuvalu's Prime Minister Feleti Teo welcomed the funding but called for rich nations "
        "to pay more."
    ) == [["rich nations to pay more", "reported", None, "called for"]]


def test_as_x_put_it_attributes_a_quotation() -> None:
    assert quotes('As Chief Executive Ann Lee put it to investors, "We compete with a state."') == [
        ["We compete with a state.", "direct", "ann", "put it"]
    ]


def test_the_court_heard_has_no_speaker_and_he_heard_is_not_speech() -> None:
    assert quotes("During the trial the court heard that the money was moved twice.") == [
        ["the money was moved twice", "reported", None, "heard that"]
    ]
    assert quotes("He heard that the money was moved twice.") == []
    assert quotes("A former aide testified that she had carried the cash.") == [
        ["she had carried the cash", "reported", None, "testified"]
    ]


def test_colon_headline_attributes_to_the_actor_or_the_lede_person() -> None:
    text = (
        'Acme: Sulawesi plant "unaffected"\n\nAcme Mining said on Tuesday that output was normal.'
    )
    assert quotes(text)[0] == ['Sulawesi plant "unaffected"', "reported", "acme", ":"]
    text = (
        "Energy minister: export ban will stay\n\n"
        "JAKARTA - The ban stays, Energy Minister Budi Santoso said on Monday."
    )
    assert quotes(text)[0] == ["export ban will stay", "reported", "budi", ":"]
    # a label that is no actor is not an attribution
    assert quotes("Live: ministers meet in Canberra\n\nThe talks began.") == []


def test_dash_headline_attribution() -> None:
    text = "Talks to conclude by 2024 - minister\n\nThe talks will end soon, the official said."
    assert quotes(text)[0] == ["Talks to conclude by 2024", "reported", None, "-"]


def test_appositive_name_after_a_role_speaks() -> None:
    assert quotes('"We do not know," the committee chair, Senator Ann Lee, said.') == [
        ["We do not know,", "direct", "ann", "said"]
    ]
    assert quotes(
        "His lawyer, Bonar Siregar, told reporters outside the court that his client would appeal."
    ) == [["his client would appeal", "reported", None, "told reporters"]]


def test_pronoun_after_an_untabled_appositive_name_is_not_an_actor() -> None:
    text = (
        "Wu Jian was jailed. His lawyer, Bonar Siregar, told reporters that he would appeal. "
        '"The judges ignored our witnesses," he said.'
    )
    assert quotes(text)[-1] == ["The judges ignored our witnesses,", "direct", None, "said"]


def test_police_alone_and_a_qualified_police_resolve_by_the_words_of_the_name() -> None:
    text = (
        "The Australian Federal Police charged four men. The arrests followed a long "
        "investigation, police said. A spokesman for the national police said the two "
        "countries would share intelligence."
    )
    assert quotes(text) == [
        ["The arrests followed a long investigation", "reported", "afp", "said"],
        ["the two countries would share intelligence", "reported", None, "said"],
    ]


def test_unnamed_source_from_a_member_state_or_with_a_relative_clause() -> None:
    assert quotes(
        "A diplomat from an Indonesia delegation, speaking on condition of anonymity, said the "
        "draft was far from agreed."
    ) == [["the draft was far from agreed", "reported", None, "said"]]
    assert quotes(
        "A senior official at a football body, who declined to be identified, said the bid was weak."
    ) == [["the bid was weak", "reported", None, "said"]]


def test_according_to_a_possessive_organisation_gives_the_organisation() -> None:
    assert quotes(
        "At least 21 workers have died since 2020, according to Indonesia's Acme Mining."
    ) == [["At least 21 workers have died since 2020", "reported", "acme", "according to"]]


def test_the_report_speaks_for_its_author() -> None:
    text = (
        "The report by the Sea Rights Network is based on 240 interviews. According to the "
        "report, most fishers had their papers taken. It found that wages were withheld for "
        "months. The report says the ships changed flags."
    )
    assert quotes(text) == [
        ["most fishers had their papers taken", "reported", "ngo", "according to"],
        ["wages were withheld for months", "reported", "ngo", "found that"],
        ["the ships changed flags", "reported", "ngo", "says"],
    ]
    # a finding of a person or of no one is not coded as speech
    assert quotes("Police found that the door was locked.") == []


def test_said_in_a_statement_that_starts_the_content_after_that() -> None:
    assert quotes("Acme Mining said in a statement that it respected the verdict.") == [
        ["it respected the verdict", "reported", "acme", "said"]
    ]


def test_told_an_addressee_content_without_that() -> None:
    assert quotes(
        "Ann Lee spoke. An executive told Acme Mining the plant had found no evidence of abuse."
    ) == [["the plant had found no evidence of abuse", "reported", None, "told"]]


def test_qa_interview_answers_are_quotes_of_the_interviewee() -> None:
    text = (
        "Nadia Okoro on policing the high seas\n\n"
        "Nadia Okoro spoke to us about what governments get wrong.\n\n"
        "Why is it so hard?\n\n"
        "Because we cannot follow the boats at sea.\n\n"
        "What should Canberra do?\n\n"
        "Make importers prove where things come from. I think it would work."
    )
    assert quotes(text) == [
        ["Because we cannot follow the boats at sea", "direct", "nadia", ""],
        [
            "Make importers prove where things come from. I think it would work",
            "direct",
            "nadia",
            "",
        ],
    ]
    # without an introduction saying it is an interview, questions are just questions
    text = text.replace("spoke to us about", "knows")
    assert quotes(text) == []


def test_a_quotation_nested_in_a_quote_with_its_own_cue() -> None:
    text = (
        "Wu Jian called Ann Lee. \"He told her, 'We will not sign a deal like this,' and then "
        'he hung up," the person said.'
    )
    assert quotes(text) == [
        ["He told her, 'We will not sign a deal like this,' and then he hung up,", "direct", None,
         "said"],
        ["We will not sign a deal like this", "direct", "wu", "told"],
    ]  # fmt: skip


def test_unnamed_members_with_an_adverb_after_the_cue() -> None:
    # "members" blocks only noun forms ("member states"), and "-ly" may follow the cue
    assert quotes(
        "Workers were made to sign contracts, two crew members told reporters separately."
    ) == [["Workers were made to sign contracts", "reported", None, "told reporters"]]
    assert quotes("China and ten ASEAN member states have agreed to act.") == []


def test_the_agency_and_her_office_speak_for_who_was_just_named() -> None:
    text = (
        "The Australian Federal Police said the men were charged. Two of the men are "
        "Indonesian, the agency said."
    )
    assert quotes(text)[-1] == ["Two of the men are Indonesian", "reported", "afp", "said"]
    text = "Senator Ann Lee joined the talks. Her office says she will raise labour rights."
    assert quotes(text) == [["she will raise labour rights", "reported", "ann", "says"]]
