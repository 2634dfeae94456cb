"""Issue 12, wave 19: one regression test per class of quotes wrong in the held-out sets 74,
76-79 (court reports, reference pages, aggregator copies, monitoring copies and live coverage;
read after their blind scores): a meeting's own decisions; an opening word before ", X said
that"; a body's spokesperson the table does not know after the content; a participle before
"by"; unnamed prosecutors; an indictment filed by a body; "the AG"; answers labelled "A:" in a
press conference; a speaker label with a post, and a caption's label. Sentences written for
these tests (other names, countries and bodies than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "rpp", "name": "Ruritanian Public Procuracy", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["RPP"]},
        {"id": "watch", "name": "Justice Watch", "type": "organisation", "aliases": []},
        {"id": "forum", "name": "Lakes Prosecutors Forum", "type": "event", "aliases": [],
         "roles": ["the forum"]},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "hpo",
         "short": ["Dobrev"], "titles": ["Attorney-General"]},
        {"id": "kessler", "name": "Anna Kessler", "type": "person", "affiliation": "watch",
         "short": ["Kessler"], "titles": ["Spokesperson"]},
    ]
)  # fmt: skip

LEAD = (
    "Prosecutors meet in Strelsau on fraud\n\nThe talks opened on Monday with eleven delegations.\n"
)


def quotes_of(text: str) -> list[list]:
    return quote_rows(LEAD + text, ACTORS)


def test_a_meetings_own_decisions_are_its_quotes() -> None:
    text = (
        "The fifth Lakes Prosecutors Forum closed on Tuesday.\n\n"
        "3. The Forum noted with concern that fraud rings had moved inland.\n\n"
        "4. The forum also agreed that requests would be answered within 60 days.\n\n"
        "Rina Dobrev told the forum that the courts were ready."
    )
    assert quotes_of(text) == [
        ["fraud rings had moved inland", "reported", "forum", "noted"],
        ["requests would be answered within 60 days", "reported", "forum", "agreed"],
        ["the courts were ready", "reported", "dobrev", "told"],
    ]


def test_an_opening_word_before_speaker_said_that() -> None:
    text = (
        "Meanwhile, the HPO said in a statement that two suspects had been extradited.\n\n"
        "On Friday, Rina Dobrev said in an interview that the law was clear.\n\n"
        "In 2019 the courts were slow, Rina Dobrev said in an interview."
    )
    assert quotes_of(text) == [
        ["two suspects had been extradited", "reported", "hpo", "said"],
        ["the law was clear", "reported", "dobrev", "said"],
        ["In 2019 the courts were slow", "reported", "dobrev", "said"],
    ]


def test_an_untabled_spokesperson_of_a_body_after_the_content() -> None:
    text = (
        "Of them, 900 had been brought back from Elbonia, HPO spokesperson Jan Berg told a "
        "press conference in Strelsau."
    )
    assert quotes_of(text) == [
        ["Of them, 900 had been brought back from Elbonia", "reported", None, "told"]
    ]


def test_a_participle_before_by_is_not_a_cue() -> None:
    text = (
        "Elbonia used a mechanism proposed by the RPP at the forum.\n\n"
        "The plan, announced by the HPO in 2019, was adopted.\n\n"
        "Ruritania proposed a joint team."
    )
    assert quotes_of(text) == [["a joint team", "reported", "ruritania", "proposed"]]


def test_unnamed_prosecutors_speak_for_the_prosecution_office_named() -> None:
    text = (
        "The Ruritanian Public Procuracy charged five men with fraud.\n\n"
        "Prosecutors said the men had cheated 63 people.\n\n"
        "The prosecution argued that two of them were still at large.\n\n"
        "Elbonian prosecutors said the men were innocent."
    )
    # prosecutors named by another country's adjective are not the office; they speak for
    # the table's country (wave 22: "Thai prosecutors on Monday accused …" → Thailand in the
    # adjudicated references, where Thailand is named only as a place or not at all)
    assert quotes_of(text) == [
        ["the men had cheated 63 people", "reported", "rpp", "said"],
        ["two of them were still at large", "reported", "rpp", "argued"],
        ["the men were innocent", "reported", "elbonia", "said"],
    ]
    # no prosecution office named before: nobody the table knows
    assert quotes_of("Prosecutors said the men had cheated 63 people.") == [
        ["the men had cheated 63 people", "reported", None, "said"]
    ]


def test_an_indictment_filed_by_a_body() -> None:
    text = (
        "According to the indictment filed by the HPO, the gang trained its recruits to pose "
        "as police officers.\n\n"
        "According to the charge sheet, the men cheated 40 people."
    )
    assert quotes_of(text) == [
        ["the gang trained its recruits to pose as police officers", "reported", "hpo",
         "according to"],
        ["the men cheated 40 people", "reported", None, "according to"],
    ]  # fmt: skip


def test_the_ag_is_the_attorney_general_named_before() -> None:
    text = (
        "Attorney-General Rina Dobrev met Anna Kessler on Monday. Kessler spoke first.\n\n"
        "Asked about red notices, the AG said her office relied on them every week."
    )
    assert quotes_of(text) == [
        ["her office relied on them every week", "reported", "dobrev", "said"]
    ]


def test_answers_labelled_a_in_a_press_conference() -> None:
    text = (
        "Spokesperson Anna Kessler hosted a regular press conference on October 12.\n\n"
        "Strelsau TV: The fifth forum on fraud opened yesterday in the capital of the country, "
        "with delegations from eleven states and observers from two agencies. Can you share "
        "more about the expectations of the hosts for the week ahead?\n\n"
        "A: The forum is an important platform.\n\n"
        "Lakes Daily: Will the HPO raise online gambling?\n\n"
        "A: Its position is clear."
    )
    assert quotes_of(text) == [
        ["The forum is an important platform", "direct", "kessler", ""],
        ["Its position is clear", "direct", "kessler", ""],
    ]


def test_a_speaker_label_with_a_post_and_a_captions_label() -> None:
    text = (
        "Rina Dobrev, Attorney-General: We have victims from 40 countries.\n\n"
        "Anna Kessler, Justice Watch: Every country has its own form.\n\n"
        "[Captioned: Rina Dobrev, head of the prosecution] We cannot fight this alone."
    )
    assert quotes_of(text) == [
        ["We have victims from 40 countries.", "direct", "dobrev", ":"],
        ["Every country has its own form.", "direct", "kessler", ":"],
        ["We cannot fight this alone.", "direct", "dobrev", ":"],
    ]


def test_a_relative_clause_with_has_before_the_cue() -> None:
    text = (
        "The forum will draw delegates from eleven states, including Elbonia, which has asked "
        "for a session on asset recovery."
    )
    assert quotes_of(text) == [["a session on asset recovery", "reported", "elbonia", "asked for"]]


def test_it_was_agreed_that() -> None:
    text = (
        "The forum adopted the Strelsau Declaration. It was agreed that the next forum would "
        "be held in 2027.\n\nIt has also been decided that a working group will meet."
    )
    assert quotes_of(text) == [
        ["the next forum would be held in 2027", "reported", None, "agreed"],
        ["a working group will meet", "reported", None, "decided"],
    ]


def test_a_speech_used_to_urge() -> None:
    text = (
        "Rina Dobrev used her opening speech at the forum on Tuesday to urge prosecutors in "
        "the region to agree a binding protocol.\n\nElbonia agreed at the forum to urge its "
        "partners."
    )
    assert quotes_of(text) == [
        ["prosecutors in the region to agree a binding protocol", "reported", "dobrev", "urge"]
    ]


def test_with_the_demonym_hosts_insisting_that() -> None:
    text = (
        "Elbonia hosted the forum.\n\nProsecutors opened the meeting in Tokar on Friday, with "
        "the Elbonian hosts insisting that border disputes were not on the agenda."
    )
    assert quotes_of(text) == [
        ["border disputes were not on the agenda", "reported", "elbonia", "insisting"]
    ]


def test_the_statement_of_the_body_named_with_it() -> None:
    text = (
        "Delegates backed the call, according to a statement from the HPO. The statement said "
        "a drafting committee would meet in March.\n\nThe two sides signed a joint statement. "
        "The statement said both would act."
    )
    assert quotes_of(text) == [
        ["Delegates backed the call", "reported", "hpo", "according to"],
        ["a drafting committee would meet in March", "reported", "hpo", "said"],
        ["both would act", "reported", None, "said"],
    ]


def test_called_the_programme_a_quoted_phrase() -> None:
    text = (
        'Rina Dobrev called the programme "an investment in trust".\n\n'
        'The plan, under the programme "Safe Border Together", was signed.'
    )
    assert quotes_of(text) == [["an investment in trust", "direct", "dobrev", "called"]]


def test_a_citation_mark_ends_a_sentence_and_a_quote() -> None:
    text = (
        "The forum first met in 2009.[6] According to the HPO, the liaison network handled "
        "more than 1,200 requests by 2020.[7]"
    )
    assert quotes_of(text) == [
        ["the liaison network handled more than 1,200 requests by 2020", "reported", "hpo",
         "according to"],
    ]  # fmt: skip
