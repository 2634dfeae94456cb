"""Issue 12, wave 24: a regression test per class of quotes wrong in the held-out sets 122, 124,
126 and 128 (Asia-Pacific outlets outside ASEAN, regional bodies' and government portals'
pages, galleries, video pages and podcasts, newsletters; read after their blind scores): a
second predicate after a quotation inside the first ("described X as "…" and vowed to …"),
past an opening adverbial; a pronoun after an unnamed source of a body; a person the table
does not know, of a country's body. Sentences written for these tests (other names, countries
and bodies than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "bia", "name": "Bureau of Investigation", "type": "organisation",
         "affiliation": "borduria", "aliases": ["BIA"]},
        {"id": "pgo", "name": "Prosecutor-General's Office", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["PGO"]},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Attorney-General"]},
    ]
)  # fmt: skip


def test_a_second_predicate_after_a_quotation_past_an_opening_adverbial() -> None:
    # the quotation of "described … as" ends the first predicate; "and vowed" goes on with
    # its subject, not with the place that opens the sentence
    text = (
        "Szohod said 30 victims had returned. In Port Zenda, Attorney-General Rina Dobrev "
        'described the compounds as "a stain on our country" and vowed to prosecute the bosses.'
    )
    assert quote_rows(text, ACTORS)[1:] == [
        ["a stain on our country", "direct", "dobrev", "described"],
        ["to prosecute the bosses", "reported", "dobrev", "vowed"],
    ]


def test_a_pronoun_after_an_unnamed_source_of_a_body_is_that_body() -> None:
    # the sentence before names no person: "he" is the BIA officer, who speaks for the BIA
    text = (
        '"We are tracing the two handlers," a BIA officer said. Both have been wanted since '
        "March, he added.\n\n"
        '"The files are complete," a spokesman for the Prosecutor-General\'s Office said. '
        '"We will send them," he added.\n\n'
        '"The files are late," Attorney-General Rina Dobrev said. "We will send them," she '
        "added."
    )
    assert [r[2] for r in quote_rows(text, ACTORS)] == [
        "bia", "bia", "pgo", "pgo", "dobrev", "dobrev",
    ]  # fmt: skip


def test_a_person_the_table_does_not_know_of_a_countrys_body() -> None:
    text = (
        "Participant Ms Siti Hajar of Borduria's Bureau of Investigation told the website that "
        "the module would be used."
    )
    assert quote_rows(text, ACTORS) == [
        ["the module would be used", "reported", None, "told"],
    ]


def test_every_nationality_adjective_of_the_shared_table_speaks_for_its_country() -> None:
    # one table of nationality adjectives (analysis.name_forms.DEMONYMS) for mentions and
    # quotes: "Timorese" is Timor-Leste's, "Khmer" Cambodia's
    actors = Actors.from_records(
        [
            {"id": "timor_leste", "name": "Timor-Leste", "type": "country"},
            {"id": "cambodia", "name": "Cambodia", "type": "country"},
        ]
    )
    text = (
        "Delegates welcomed the new member. According to the Timorese delegation, ten "
        "prosecutors will be trained. Khmer officials said the course would start in May."
    )
    assert [r[2] for r in quote_rows(text, actors)] == ["timor_leste", "cambodia"]
