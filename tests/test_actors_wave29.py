"""Issue 12, wave 29: a regression test per class of mentions wrong in the read sets of wave 29
(162, 164, 166, 168: news agencies' conference reports, regional coverage, news naming many
states at once, pages in mixed collected formats; read after their blind scores). People
counted by where they came from or went ("284 from Myanmar, 97 from Laos", "followed by 301 to
Vietnam") and a province "of" its country are places; a hashtag or a handle names no actor
("#DOJ", "@DOJPH"); a list's "COUNTRY – BODY" with another country's body of that name is that
country's untabled body. Sentences written for these tests, with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "elbonia", "name": "Elbonia", "type": "country"},
        {"id": "agc", "name": "Attorney General's Chambers", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["AGC"]},
        {"id": "doj", "name": "Department of Justice", "type": "organisation",
         "affiliation": "borduria", "aliases": ["DOJ"]},
    ]
)  # fmt: skip


def test_people_counted_by_origin_or_destination_are_places() -> None:
    text = (
        "Of these, 612 were repatriated from Elbonia, 284 from Ruritania and 1,097 from "
        "Borduria. The largest group was sent to Elbonia, followed by 301 to Ruritania and 15 "
        "to Borduria."
    )
    assert mention_rows(text, ACTORS) == []


def test_a_country_sending_a_number_of_requests_stays() -> None:
    text = "Ruritania sent 64 requests to Borduria and received 52 from Elbonia."
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Borduria", "borduria"], ["Elbonia", "elbonia"],
    ]  # fmt: skip


def test_a_province_of_its_country_is_a_place() -> None:
    text = (
        "The meeting was held in Strelsau, Zenda Province of Ruritania, and in the Tarlenheim "
        "Autonomous Region of the Borduria. Ruritania hosted it."
    )
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"]]


def test_a_hashtag_or_a_handle_names_no_actor() -> None:
    text = (
        'The DOJ later posted: "The agreement is a first." #NoHidingPlace #DOJ @DOJ\n\n'
        "The DOJ # said so."
    )
    assert mention_rows(text, ACTORS) == [["DOJ", "doj"], ["DOJ", "doj"]]


def test_a_lists_country_dash_body_with_another_countrys_body_name() -> None:
    text = (
        "The signatories were:\n\n"
        "Elbonia – Attorney General's Chambers\n"
        "Ruritania – Attorney General's Chambers\n"
        "Borduria – Department of Justice"
    )
    assert mention_rows(text, ACTORS) == [
        ["Elbonia", "elbonia"], ["Ruritania", "ruritania"],
        ["Attorney General's Chambers", "agc"], ["Borduria", "borduria"],
        ["Department of Justice", "doj"],
    ]  # fmt: skip
