"""Issue 12, wave 27: a regression test per class of mentions wrong in the references of
held-out sets 18-144 and in the read sets of wave 27 (146, 148, 150, 152: conference reports,
web pages saved as text, multilateral crime cooperation, institution-heavy news; read after
their blind scores). An actor's name that opens the description of a tabled person's post
("Maria Lindqvist, UNODC Regional Representative for Southeast Asia", "Tang Lihua, the SPP
deputy procurator-general") is part of the description; so is a body that closes the label of
a person's words ("Zhao Minqiang, Procurator-General, Supreme People's Procuratorate:"); a
country after "a" before a common noun describes it as a nationality adjective would ("a
Myanmar problem"), unless the state acts ("a Myanmar junta spokesman"). Sentences written for
these tests, with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "unodc", "name": "United Nations Office on Drugs and Crime", "type": "organisation",
         "aliases": ["UNODC"]},
        {"id": "rpo", "name": "Royal Prosecution Office", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["RPO"]},
        {"id": "anja", "name": "Anja Lindqvist", "type": "person", "affiliation": "unodc",
         "titles": ["Regional Representative"], "short": ["Lindqvist"]},
        {"id": "tang", "name": "Tang Lihua", "type": "person", "affiliation": "rpo",
         "titles": ["Procurator-General"], "short": ["Tang"]},
        {"id": "gao", "name": "Gao Mingyuan", "type": "person", "affiliation": "rpo"},
    ]
)  # fmt: skip


def test_an_actor_opening_a_tabled_persons_post_is_part_of_the_post() -> None:
    text = (
        '"Money moves fast," said Anja Lindqvist, UNODC Regional Representative for '
        "Southeast Asia.\n\n"
        "Tang Lihua, the RPO deputy procurator-general who led the team, spoke.\n\n"
        "Gao Mingyuan, then Ruritania's top prosecutor, invited Borduria."
    )
    assert mention_rows(text, ACTORS) == [
        ["Anja Lindqvist", "anja"], ["Tang Lihua", "tang"], ["Gao Mingyuan", "gao"],
        ["Borduria", "borduria"],
    ]  # fmt: skip


def test_an_actor_after_a_tabled_persons_name_that_acts_stays() -> None:
    # no post's noun after the actor: a list, a clause; an untabled person keeps the body
    text = (
        "Anja Lindqvist, UNODC and the RPO signed the plan.\n\n"
        "Tang Lihua, Ruritania agreed, would lead.\n\n"
        "Hana Kim, UNODC Regional Representative, spoke."
    )
    assert mention_rows(text, ACTORS) == [
        ["Anja Lindqvist", "anja"], ["UNODC", "unodc"], ["RPO", "rpo"],
        ["Tang Lihua", "tang"], ["Ruritania", "ruritania"], ["UNODC", "unodc"],
    ]  # fmt: skip


def test_a_body_closing_a_persons_label_is_part_of_it() -> None:
    text = (
        "SOUNDBITE (English) Tang Lihua, Procurator-General, Royal Prosecution Office:\n"
        '"The criminals move in hours."\n\n'
        "Anja Lindqvist, UNODC: Every country has its own form.\n\n"
        "Tang Lihua — Procurator-General, Royal Prosecution Office — Ruritania\n\n"
        "Keynote address by Procurator-General Tang Lihua, RPO\n\n"
        "The RPO agreed."
    )
    assert mention_rows(text, ACTORS) == [
        ["Tang Lihua", "tang"], ["Anja Lindqvist", "anja"], ["Tang Lihua", "tang"],
        ["Ruritania", "ruritania"], ["Procurator-General Tang Lihua", "tang"], ["RPO", "rpo"],
    ]  # fmt: skip


def test_a_body_after_a_persons_name_in_a_sentence_stays() -> None:
    # no colon, dash or line end after the body: "Tang Lihua, RPO chief" is not a label, and
    # a body after a title that is not capitalised is a description's, read elsewhere
    text = "Tang Lihua, Procurator-General, RPO and Borduria met on Monday."
    assert mention_rows(text, ACTORS) == [
        ["Tang Lihua", "tang"], ["RPO", "rpo"], ["Borduria", "borduria"],
    ]  # fmt: skip


def test_a_country_after_a_before_a_common_noun_is_an_adjective() -> None:
    text = (
        "This is not only a Ruritania problem, he said.\n\n"
        "A lawyer from a Borduria legal-aid group helped the victims.\n\n"
        "A Ruritania junta spokesman said 7,000 people had left.\n\n"
        "A Borduria delegation led by Tang Lihua arrived.\n\n"
        "A Ruritania-Borduria agreement was signed. A Ruritania-led bloc met."
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Borduria", "borduria"], ["Tang Lihua", "tang"],
        ["Ruritania", "ruritania"], ["Borduria", "borduria"], ["Ruritania", "ruritania"],
    ]  # fmt: skip
