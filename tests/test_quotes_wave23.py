"""Issue 12, wave 23: a regression test per class of quotes wrong in the held-out sets 114, 116,
118 and 120 (investigations built on documents, stories around social-media posts, Chinese
papers in translation, court reports; read after their blind scores): what documents "show",
documents a body wrote, letters sent, the outlet's own understanding and findings, reported
questions, estimates, a clause after "added", untabled people of a body, and headlines naming a
social network. Sentences written for these tests (other names, countries and bodies than the
sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "watch", "name": "Harbour Watch", "type": "organisation"},
        {"id": "ccr", "name": "Centre for Crime Reporting", "type": "organisation",
         "aliases": ["CCR"]},
        {"id": "unodc", "name": "United Nations Office on Drugs and Crime", "type": "organisation",
         "aliases": ["UNODC"]},
        {"id": "pgo", "name": "Prosecutor-General's Office", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["PGO"]},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Attorney-General"]},
    ]
)  # fmt: skip


def test_what_documents_seen_by_an_outlet_show_is_nobodys_quote() -> None:
    # the outlet only saw the documents: an NA speaker (the references code it so); documents
    # from a body are its words; photos are no documents
    text = (
        "Documents seen by the CCR show at least $40 million moved through Strelsau in 2019.\n\n"
        "A broker crossed the border 14 times, immigration records obtained by Harbour Watch "
        "show.\n\n"
        "Documents from the Prosecutor-General's Office show 300 cases were opened.\n\n"
        "Photos show the compound's gates were locked."
    )
    assert quote_rows(text, ACTORS) == [
        ["at least $40 million moved through Strelsau in 2019", "reported", None, "show"],
        ["A broker crossed the border 14 times", "reported", None, "show"],
        ["300 cases were opened", "reported", "pgo", "show"],
    ]


def test_according_to_a_letter_or_a_report_by_a_body_is_that_bodys() -> None:
    text = (
        "According to a letter from Ruritania's Prosecutor-General's Office, the PGO asked "
        "Szohod for company records three times.\n\n"
        "Borduria convicted 12 people, according to a report released on Tuesday by the "
        "Geneva-based Harbour Watch."
    )
    assert quote_rows(text, ACTORS) == [
        ["the PGO asked Szohod for company records three times", "reported", "pgo",
         "according to"],
        ["Borduria convicted 12 people", "reported", "watch", "according to"],
    ]  # fmt: skip


def test_writing_to_someone_is_no_speech_unless_what_was_written_follows() -> None:
    text = (
        "Harbour Watch wrote to the governments of Ruritania and Borduria. Neither replied.\n\n"
        "Borduria wrote to the UNODC that the zone complied with its laws."
    )
    rows = quote_rows(text, ACTORS)
    assert [r[2:] for r in rows] == [["borduria", "wrote"]]
    assert rows[0][0].endswith("the zone complied with its laws")


def test_the_papers_own_understanding_is_no_quote_and_its_reporter_learns_for_nobody() -> None:
    text = (
        "According to this newspaper's understanding, the memorandum covers training.\n\n"
        "The reporter learned that the two sides had negotiated for two years.\n\n"
        "Dobrev learned that her deputy had resigned."
    )
    assert quote_rows(text, ACTORS) == [
        ["the two sides had negotiated for two years", "reported", None, "learned that"],
    ]


def test_a_reported_question_with_its_asker_is_a_quote() -> None:
    # "Asked whether …, X said" opens with the interviewer's question: only X's answer
    text = (
        "The thread was shared widely. Many users asked why the recruiters were still free.\n\n"
        "Asked whether Borduria would join, Attorney-General Rina Dobrev said the door was open."
    )
    assert quote_rows(text, ACTORS) == [
        ["why the recruiters were still free", "reported", None, "asked"],
        ["the door was open", "reported", "dobrev", "said"],
    ]


def test_a_body_estimates_without_that_but_not_after_according_to() -> None:
    text = (
        "The UNODC estimates scam operations generate billions of dollars a year.\n\n"
        "According to UNODC estimates, wildlife trafficking earns less."
    )
    assert quote_rows(text, ACTORS) == [
        ["scam operations generate billions of dollars a year", "reported", "unodc",
         "estimates"],
        # (changed in wave 31: a tabled body's own figures or estimates are the body's; the
        # adjudicated references of sets 18-180 give the body 10 times of 12)
        ["wildlife trafficking earns less", "reported", "unodc", "according to"],
    ]  # fmt: skip


def test_added_then_an_article_a_noun_and_an_auxiliary_is_a_clause() -> None:
    text = (
        "Attorney-General Rina Dobrev said the files were late. She added the procuracy had "
        "sent two officers to Szohod.\n\n"
        "Dobrev added the names to the list of fugitives."
    )
    assert quote_rows(text, ACTORS) == [
        ["the files were late", "reported", "dobrev", "said"],
        ["the procuracy had sent two officers to Szohod", "reported", "dobrev", "added"],
    ]


def test_a_person_the_table_does_not_know_of_a_body_speaks_for_nobody() -> None:
    # the name before "of the PGO" is someone the table does not know (an NA speaker, as after
    # the cue: "said Assistant Secretary X of the PGO"); a title before "of" is the body's
    text = (
        "Deputy public prosecutor Nur Aina Kamal of the Prosecutor-General's Office argued that "
        "the act did not allow the court to second-guess the assurances.\n\n"
        "Senior prosecutor Ahmad Zaki from the PGO told reporters the files were complete.\n\n"
        "The Deputy Director of the PGO said the case was closed."
    )
    assert quote_rows(text, ACTORS) == [
        ["the act did not allow the court to second-guess the assurances", "reported", None,
         "argued"],
        ["the files were complete", "reported", None, "told reporters"],
        ["the case was closed", "reported", "pgo", "said"],
    ]  # fmt: skip


def test_a_headline_speaker_on_a_social_network_before_its_colon() -> None:
    text = (
        "PGO on Facebook: 'We will not wait for extradition' in fraud cases\n\n"
        "STRELSAU — The Prosecutor-General's Office posted a statement on Monday."
    )
    assert quote_rows(text, ACTORS)[0] == [
        "'We will not wait for extradition' in fraud cases", "reported", "pgo", ":",
    ]  # fmt: skip


def test_a_body_the_table_does_not_know_named_after_its_country_speaks_for_it() -> None:
    # the country's name inside an untabled body's name is no mention, but the body speaks
    # for the country, as "Bordurian police" do; a person's name stays someone else's
    text = (
        "A fugitive was handed over at the airport on Wednesday, the Ruritania Police Force "
        "said.\n\n"
        "The Borduria Immigration Bureau said 40 people were deported.\n\n"
        "The files were late, Mohamed Adow said."
    )
    assert quote_rows(text, ACTORS) == [
        ["A fugitive was handed over at the airport on Wednesday", "reported", "ruritania",
         "said"],
        ["40 people were deported", "reported", "borduria", "said"],
        ["The files were late", "reported", None, "said"],
    ]  # fmt: skip
