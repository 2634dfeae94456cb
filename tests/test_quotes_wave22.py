"""Issue 12, wave 22: a regression test per class of quotes wrong in the held-out sets 18-104
(read) and 106, 108, 110, 112 (Thai outlets, live blogs and digests, long features, Chinese
provincial portals; read after their blind scores): unnamed officials of a country the
document names only as a place (or not at all), their pronouns and definite descriptions,
pronoun chains, survivors named by one word, joint subjects after a dateline or a bullet,
"the two ministers", "accused of", "a warning", and a direct quote inside a participle's
content. Sentences written for these tests (other names, countries and bodies than the
sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "laos", "name": "Laos", "type": "country", "aliases": ["Lao PDR"]},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Attorney-General"]},
        {"id": "kurt", "name": "Anton Kurt", "type": "person", "affiliation": "borduria",
         "short": ["Kurt"], "titles": ["Procurator-General"]},
    ]
)  # fmt: skip


def test_an_unnamed_official_speaks_for_the_tables_country_named_only_as_a_place() -> None:
    # Borduria is a place here ("deported from Borduria") or not named at all: the nationality
    # adjective still names the country of the actor table (the references code it so)
    text = (
        "Attorney-General Rina Dobrev said 40 suspects had been deported from Borduria. "
        "The Bordurian authorities said last month that most of them were victims. "
        "The files were incomplete, a Bordurian justice ministry spokesman told reporters. "
        'In 2023 a Lao official described the case as "not a matter for the Lao side". '
        "A Bordurian participant from the procuracy said the course would help."
    )
    assert quote_rows(text, ACTORS) == [
        ["40 suspects had been deported from Borduria", "reported", "dobrev", "said"],
        ["most of them were victims", "reported", "borduria", "said"],
        ["The files were incomplete", "reported", "borduria", "told reporters"],
        ["not a matter for the Lao side", "direct", "laos", "described"],
        ["the course would help", "reported", "borduria", "said"],
    ]


def test_a_pronoun_after_an_unnamed_official_of_a_country_is_that_country() -> None:
    text = (
        "Attorney-General Rina Dobrev opened the talks. A Bordurian delegate, who asked not to "
        "be named because he was not allowed to speak, was blunter. "
        '"We can arrest the workers. The money is elsewhere," he said.'
    )
    assert quote_rows(text, ACTORS)[-1] == [
        "We can arrest the workers. The money is elsewhere,", "direct", "borduria", "said",
    ]  # fmt: skip


def test_the_prosecutor_again_after_a_prosecutor_of_a_country() -> None:
    # "the prosecutor" is the Bordurian prosecutor introduced last, not Dobrev named before
    text = (
        "Attorney-General Rina Dobrev said the screening would improve. A Bordurian prosecutor "
        "in the border town, who asked not to be named, said Ruritania had screened few "
        'returnees. "We did not have time to listen to everyone," the prosecutor said.'
    )
    assert quote_rows(text, ACTORS) == [
        ["the screening would improve", "reported", "dobrev", "said"],
        ["Ruritania had screened few returnees", "reported", "borduria", "said"],
        ["We did not have time to listen to everyone,", "direct", "borduria", "said"],
    ]


def test_a_pronoun_chain_keeps_the_subject_not_the_object() -> None:
    text = (
        "Attorney-General Rina Dobrev arrived on Wednesday. She spoke with Procurator-General "
        "Anton Kurt by video link on Thursday. She proposed a joint team of prosecutors."
    )
    assert quote_rows(text, ACTORS) == [
        ["a joint team of prosecutors", "reported", "dobrev", "proposed"]
    ]


def test_a_survivor_named_by_one_word_is_not_the_person_named_before() -> None:
    # feature writing: "Zhang Min, 61, …" then "Zhang …", "Wang, 33, …" then "Wang …"
    text = (
        "Attorney-General Rina Dobrev visited the shelter in May.\n\n"
        "Zhang Min, 61, lost her savings in 2021. Zhang has not seen her money since. "
        '"They told me to wait," she said.\n\n'
        "Wang, 33, asked that only his surname be used. For Wang, the numbers mean little. "
        '"I am still waiting," he said.'
    )
    assert quote_rows(text, ACTORS) == [
        ["They told me to wait,", "direct", None, "said"],
        ["I am still waiting,", "direct", None, "said"],
    ]
    # a quote of several sentences: the sentence before the quote, not inside it
    text = (
        "(Strelsau) — Zhang, 61, a retired teacher, lost her savings. Attorney-General Rina "
        "Dobrev promised help. Zhang has not seen her money. "
        '"They told me to wait. I am 61. How long can I wait?" she said.'
    )
    assert quote_rows(text, ACTORS)[-1] == [
        "They told me to wait. I am 61. How long can I wait?", "direct", None, "said",
    ]  # fmt: skip


def test_joint_subjects_after_a_dateline_or_a_bullet_and_the_two_ministers() -> None:
    text = (
        "STRELSAU, Nov 12 (Ruritania Daily) – Ruritania and Borduria today agreed that "
        "fugitives should no longer escape justice.\n\n"
        "In other news:\n\n"
        "- Ruritania and Borduria pledged to hold a special session on fraud.\n\n"
        "Attorney-General Rina Dobrev met Procurator-General Anton Kurt in Strelsau. The two "
        "attorneys general reiterated their support for the framework."
    )
    assert quote_rows(text, ACTORS) == [
        ["fugitives should no longer escape justice", "reported", None, "agreed that"],
        ["to hold a special session on fraud", "reported", None, "pledged"],
        ["their support for the framework", "reported", None, "reiterated"],
    ]


def test_accused_of_and_a_warning_are_not_speech() -> None:
    text = (
        "A court in Strelsau approved the extradition of a man accused of running fraud "
        "networks. Ruritania is expected to publish a global warning on investment fraud. "
        "Attorney-General Rina Dobrev accused Borduria of stalling."
    )
    assert quote_rows(text, ACTORS) == [["Borduria of stalling", "reported", "dobrev", "accused"]]


def test_a_direct_quote_after_adding_that_is_one_quote_of_the_speaker() -> None:
    text = (
        "Szohod sees the issue through a trade lens. Payments are easy, a Bordurian diplomat "
        'said, adding that "criminals use the same highways".'
    )
    assert quote_rows(text, ACTORS) == [
        ["Payments are easy", "reported", "borduria", "said"],
        ["criminals use the same highways", "direct", "borduria", "adding"],
    ]


FILERS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "chambers", "name": "Chambers of Law", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["CoL"]},
        {"id": "office", "name": "Prosecution Office", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["RPO"]},
    ]
)  # fmt: skip


def test_a_document_speaks_for_the_body_that_filed_it() -> None:
    text = (
        "The trial opened in Strelsau. The charge sheet, filed by the Chambers of Law (CoL) and "
        'seen by reporters, says that the accused "did recruit by deception" 11 people. The '
        "indictment against two recruiters, prepared by the RPO and read in court, states that "
        "the defendants knew. The report, seen by reporters, says the men fled."
    )
    # no author after "by" in the last one: someone the table does not know
    assert quote_rows(text, FILERS) == [
        ['the accused "did recruit by deception" 11 people', "reported", "chambers", "says"],
        ["the defendants knew", "reported", "office", "states"],
        ["the men fled", "reported", None, "says"],
    ]


def test_a_countrys_top_prosecutor_is_its_one_person_and_in_which_they_is_everyone() -> None:
    text = (
        "Borduria's top prosecutor has promised to pursue the bosses. Procurator-General Anton "
        "Kurt spoke in Strelsau. The heads of delegation adopted a joint statement in which "
        "they vowed to leave no safe haven for criminals."
    )
    assert quote_rows(text, ACTORS) == [
        ["to pursue the bosses", "reported", "kurt", "promised"],
        ["to leave no safe haven for criminals", "reported", None, "vowed"],
    ]
    # the person named after the role; with two people of the country, the country stays
    text = (
        "Ruritania's chief prosecutor said the deal was done. Attorney-General Rina Dobrev "
        "attended."
    )
    assert quote_rows(text, ACTORS)[0][2] == "dobrev"
    two = Actors.from_records(
        [*ACTORS.table[["id", "name", "type"]].to_dict("records")[:1],
         {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania"},
         {"id": "orban", "name": "Emil Orban", "type": "person", "affiliation": "ruritania"}]
    )  # fmt: skip
    text = "Ruritania's chief prosecutor said the deal was done. Rina Dobrev and Emil Orban came."
    assert quote_rows(text, two)[0][2] == "ruritania"
