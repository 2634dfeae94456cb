"""Issue 12, wave 20: one regression test per class of false or missed mentions left on the
held-out sets 83 and 85-88 (read after their blind scores): a country that speaks right after
its capital, a language named by a country, and a caption of people posing for a photo.
Sentences written for these tests (other names and places than the sets'), with
hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import boilerplate_removed, cleaned_mention_rows, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": ["Tokar"]},
        {"id": "union", "name": "Northern Union", "type": "organisation", "aliases": ["NU"]},
    ]
)  # fmt: skip


def test_a_country_that_speaks_right_after_its_capital() -> None:
    text = (
        "The next forum will be held in Strelsau, Ruritania has confirmed. The last one was "
        "held in Tokar, Elbonia."
    )
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"]]


def test_a_language_named_by_a_country_is_not_the_country() -> None:
    text = "The NU will publish a guide in Bahasa Elbonia and English. Elbonia agreed."
    assert mention_rows(text, ACTORS) == [["NU", "union"], ["Elbonia", "elbonia"]]


def test_a_caption_of_people_posing_for_a_photo() -> None:
    text = (
        "Prosecutors meet in Strelsau\n\n"
        "Prosecutors from the NU and Elbonia pose for a group photo at the Peace Hall in "
        "Strelsau yesterday. Jan Novak\n\n"
        "Elbonia and Ruritania signed a treaty at the talks yesterday. Delegates posed for "
        "photographs after the signing."
    )
    assert [r for r, _ in boilerplate_removed(text)] == ["posing_caption"]
    assert cleaned_mention_rows(text, ACTORS) == [
        ["Elbonia", "elbonia"], ["Ruritania", "ruritania"]
    ]  # fmt: skip


SHARED = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": ["Tokar"]},
        {"id": "lo_r", "name": "Legal Office of Ruritania", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["LO"]},
        {"id": "lo_e", "name": "Legal Office of Elbonia", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["LO"]},
    ]
)  # fmt: skip


def test_a_shared_alias_named_with_the_other_country_sets_no_sense() -> None:
    text = (
        "STRELSAU: Ruritania sent 214 requests for legal assistance abroad since 2018, the "
        "parliament was told today.\n\n"
        "The minister said most of them went to Elbonia, with Elbonia's LO the most frequent "
        "requesting authority in return.\n\n"
        "He stressed that Ruritania could only act on a request if it met the conditions of "
        "its law on mutual assistance in criminal matters.\n\n"
        "In a separate reply, the minister said the LO would host a regional workshop on "
        "tracing proceeds of crime held in cryptocurrency next year, together with the "
        "region's other prosecution services.\n\n"
        "He also said that three more prosecutors would be posted to the international "
        "division of the LO."
    )
    rows = mention_rows(text, SHARED, ("surface", "actor_id"))
    assert [a for s, a in rows if s == "LO"] == ["lo_e", "lo_r", "lo_r"]


def test_people_brought_in_from_a_list_and_guests_welcomed_to_a_capital() -> None:
    text = (
        "Many victims were brought in from Ruritania and Elbonia. It is my honour to welcome "
        "you to Strelsau. Elbonia welcomes the decision."
    )
    assert mention_rows(text, ACTORS) == [["Elbonia", "elbonia"]]


def test_a_publishers_line_and_an_agencys_blurb_are_boilerplate() -> None:
    text = (
        "Prosecutors meet in Strelsau\n\n"
        "Published by the Northern Union\n\n"
        "Republished from the news page of the Elbonian prosecution office\n\n"
        "Published in 2015, the NU report found that Elbonia had doubled its fraud cases.\n\n"
        "NEWSWIRE provides up-to-date news disseminated via its wires and channels "
        "(Strelsau, Ruritania)."
    )
    assert [r for r, _ in boilerplate_removed(text)] == [
        "published_by", "published_by", "agency_blurb"
    ]  # fmt: skip
    assert cleaned_mention_rows(text, ACTORS) == [["NU", "union"], ["Elbonia", "elbonia"]]
