"""Issue 12, wave 18: one regression test per class of quotes wrong in the held-out sets 58-60,
63 and 64 (read after their blind scores): a question quoted with "asked"; "X said:" closing a
paragraph over the quotation; a quote over several paragraphs; labels of a transcript in bold
or alone on their line; a headline's speaker after a semicolon or as a body's chief, and "AG"
for a listed attorney general; "the Lao side"; "the organisation" for the body just named; an
official at a body; a short name defined in brackets and quotation marks; more cues. Sentences
written for these tests (other names, countries and bodies than the sets'), with hand-computed
values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "watch", "name": "Justice Watch", "type": "organisation", "aliases": []},
        {"id": "rights", "name": "Rights League", "type": "organisation", "aliases": []},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "hpo",
         "short": ["Dobrev"], "titles": ["Attorney-General", "Prosecutor General"]},
        {"id": "kessler", "name": "Anna Kessler", "type": "person", "affiliation": "watch",
         "short": ["Kessler"]},
    ]
)  # fmt: skip

LEAD = (
    "Prosecutors meet in Strelsau on fraud\n\nThe talks opened on Monday with eleven delegations.\n"
)


def quotes_of(text: str) -> list[list]:
    return quote_rows(LEAD + text, ACTORS)


def test_a_question_quoted_with_asked() -> None:
    assert quotes_of('"Faster for whom?" asked Anna Kessler of Justice Watch.') == [
        ["Faster for whom?", "direct", "kessler", "asked"]
    ]
    assert quotes_of('Anna Kessler asked: "Who checks the files?"') == [
        ["Who checks the files?", "direct", "kessler", "asked"]
    ]
    # a request stays a request; asking about something is no quote
    assert quotes_of("Anna Kessler asked about the files.") == []


def test_said_colon_over_a_quotation_in_the_next_paragraph() -> None:
    text = (
        "Attorney-General Rina Dobrev said:\n"
        '"Syndicates split their work across borders.\n'
        'This case shows that the split no longer protects them."\n'
        "The HPO will raise the case in Strelsau."
    )
    assert quotes_of(text) == [
        [
            "Syndicates split their work across borders.\n"
            "This case shows that the split no longer protects them.",
            "direct", "dobrev", "said",
        ]
    ]  # fmt: skip


def test_a_quote_over_paragraphs_is_one_quote() -> None:
    text = (
        "Rina Dobrev went on:\n"
        '"At first we exchanged cards.\n'
        '"Now a prosecutor can call a colleague before lunch."\n'
        "The talks ended."
    )
    assert quotes_of(text) == [
        [
            'At first we exchanged cards.\n"Now a prosecutor can call a colleague before lunch.',
            "direct", "dobrev", "went on",
        ]
    ]  # fmt: skip


def test_transcript_labels_in_bold_or_alone_on_their_line() -> None:
    text = "**Reporter:** Why now?\n**Anna Kessler:** Because the files finally move.\n"
    assert quotes_of(text) == [["Because the files finally move.", "direct", "kessler", ":"]]
    text = "Reporter:\nWhy now?\nAnna Kessler:\nBecause the files finally move.\n"
    assert quotes_of(text) == [["Because the files finally move.", "direct", "kessler", ":"]]


def test_headline_speakers_after_a_semicolon_or_as_a_bodys_chief() -> None:
    body = "\n\nProsecutor General Rina Dobrev spoke in Strelsau on Monday."
    assert quote_rows(
        'Elbonia returns 12 suspects; Prosecutor General: "No safe haven here"' + body, ACTORS
    )[0] == ['"No safe haven here"', "reported", "dobrev", ":"]
    assert quote_rows("HPO chief: requests will be answered in 30 days" + body, ACTORS)[0] == [
        "requests will be answered in 30 days", "reported", "dobrev", ":"
    ]  # fmt: skip
    # "AG", the headline's short form of a listed attorney general
    assert quote_rows("AG: Elbonia answered 120 requests last year" + body, ACTORS)[0] == [
        "Elbonia answered 120 requests last year", "reported", "dobrev", ":"
    ]  # fmt: skip


def test_the_side_of_a_country_and_the_organisation_just_named() -> None:
    assert quotes_of(
        "Elbonia sent six prosecutors. "
        "The Elbonian side pledged to hand over the evidence within 30 days."
    ) == [["to hand over the evidence within 30 days", "reported", "elbonia", "pledged"]]
    text = (
        "Dobrev met the Rights League, which helps victims. "
        "The organisation urged both sides to screen every case."
    )
    assert quotes_of(text) == [
        ["both sides to screen every case", "reported", "rights", "urged"]
    ]  # fmt: skip


def test_an_official_at_a_body_speaks_for_it() -> None:
    assert quotes_of("An official at the High Prosecution Office said the draft was ready.") == [
        ["the draft was ready", "reported", "hpo", "said"]
    ]
    assert quotes_of("A source in the HPO said the draft was ready.") == [
        ["the draft was ready", "reported", "hpo", "said"]
    ]
    # people at a place are no body's voice
    assert quotes_of("Officials in Strelsau said the draft was ready.")[0][2] is None


def test_a_short_name_defined_in_quotation_marks_is_no_quote() -> None:
    assert quotes_of('The High Prosecution Office ("HPO") said that the verdict stands.') == [
        ["the verdict stands", "reported", "hpo", "said"]
    ]


def test_disclosed_countered_and_joint_subjects_with_both() -> None:
    assert quotes_of("Rina Dobrev disclosed that 40 workers had been recruited in Ruritania.") == [
        ["40 workers had been recruited in Ruritania", "reported", "dobrev", "disclosed that"]
    ]
    assert quotes_of("The HPO has countered that many requests arrive incomplete.") == [
        ["many requests arrive incomplete", "reported", "hpo", "countered that"]
    ]
    assert quotes_of(
        "Justice Watch and the Rights League have both warned that handovers are routine."
    ) == [["handovers are routine", "reported", None, "warned"]]


def test_thanks_expressed_is_courtesy_not_speech() -> None:
    # the adjudicated references leave 29 of 35 such phrases uncoded
    assert quotes_of("Rina Dobrev expressed her sincere thanks for the warm hospitality.") == []
    assert quotes_of("Rina Dobrev expressed concern over the delays.") == [
        ["concern over the delays", "reported", "dobrev", "expressed"]
    ]
    # a quotation in it is still quoted
    assert (
        quotes_of('Rina Dobrev expressed appreciation for the "decisive action" of Elbonia.')[0][2]
        == "dobrev"
    )


def test_told_an_audience_after_the_content() -> None:
    assert quotes_of("Requests rose 41 percent, Rina Dobrev told a seminar on Sunday.") == [
        ["Requests rose 41 percent", "reported", "dobrev", "told"]
    ]
    assert quotes_of(
        "The files were sent, an official told Elbonia Daily, asking not to be named."
    ) == [["The files were sent", "reported", None, "told"]]
    assert quotes_of("Anna Kessler told the ELR her office had closed 12 cases.") == [
        ["her office had closed 12 cases", "reported", "kessler", "told"]
    ]
