"""Issue 12, wave 31: a regression test per class of mentions wrong in the read sets of wave 31
(178, 180, 182, 184: wire crime stories, national dailies' follow-ups, broadcast transcripts,
coverage of UN and NGO reports; read after their blind scores). Places: "handed over to X a …",
people "were from" X, a correspondent's place ("reports from Bangkok", "From Manila, NAME
reports.", "NAME (LIVE, PUTRAJAYA):"); no actor: a picture's credit ("Photo from the …",
"(Supplied: …)"), "Bank X". Guards: "evidence supplied by X", "also known as the SPP" and
"the U.S. State Department" keep their actor. Sentences written for these tests, with
hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "spp", "name": "Supreme Prosecutor's Office", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["SPP"]},
        {"id": "boi", "name": "Bureau of Immigration", "type": "organisation",
         "affiliation": "borduria"},
    ]
)  # fmt: skip


def test_handed_over_to_a_country_is_a_place() -> None:
    text = (
        "Borduria has handed over to Ruritania a businessman. He will be handed over to "
        "Ruritania's Supreme Prosecutor's Office. Ruritania thanked Borduria."
    )
    assert mention_rows(text, ACTORS) == [
        ["Borduria", "borduria"], ["Ruritania's", "ruritania"],
        ["Supreme Prosecutor's Office", "spp"],
        ["Ruritania", "ruritania"], ["Borduria", "borduria"],
    ]  # fmt: skip


def test_people_who_were_from_a_country() -> None:
    text = "Interviewees were from Ruritania, Borduria and Kenya. Ruritania asked Borduria."
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"], ["Borduria", "borduria"]]


def test_requests_from_senders_and_a_picture_painted_of_a_country_stay() -> None:
    text = (
        "We have received requests from Strelsau, from Szohod and from our neighbours. "
        "Foreign media painted a picture of Ruritania as a playground."
    )
    assert mention_rows(text, ACTORS) == [
        ["Strelsau", "ruritania"], ["Szohod", "borduria"], ["Ruritania", "ruritania"],
    ]  # fmt: skip


def test_a_correspondents_place() -> None:
    text = (
        "Jane Roe reports from Strelsau.\n\nFrom Szohod, Carla Reyes reports.\n\n"
        "AMIR HAKIM (LIVE, SZOHOD):\n\nOfficials expect more. From Szohod, Ruritania sent teams."
    )
    # (the sign-in rule needs "… reports."; the last sentence's capital stays as before)
    assert mention_rows(text, ACTORS) == [["Szohod", "borduria"], ["Ruritania", "ruritania"]]


def test_a_pictures_credit_and_a_central_bank() -> None:
    text = (
        "Deportees board a flight. | Photo from the Bureau of Immigration\n\n"
        "Officers at a crossing. (Supplied: Bureau of Immigration)\n\n"
        "Bank Ruritania lent the money. The Bureau of Immigration agreed."
    )
    assert mention_rows(text, ACTORS) == [["Bureau of Immigration", "boi"]]


def test_evidence_supplied_by_a_body_and_a_name_known_as_stay() -> None:
    text = (
        "The evidence was supplied by the Bureau of Immigration. Ruritania's Supreme "
        "Prosecutor's Office, also known as the SPP, agreed. The Ruritania State Department said so."
    )
    assert mention_rows(text, ACTORS) == [
        ["Bureau of Immigration", "boi"], ["Ruritania's", "ruritania"],
        ["Supreme Prosecutor's Office", "spp"], ["SPP", "spp"], ["Ruritania", "ruritania"],
    ]  # fmt: skip
