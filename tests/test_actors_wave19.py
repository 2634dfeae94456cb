"""Issue 12, wave 19: one regression test per class of false or missed mentions left on the
held-out sets 74 and 76-79 (read after their blind scores): names joined by an en dash
("ASEAN–China"), a city naming a meeting or a newspaper, and people handed over in the
passive. Sentences written for these tests (other names and places than the sets'), with
hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from analysis.text import fold, tokenize
from tests.conftest import make_docs, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": ["Tokar"]},
        {"id": "union", "name": "Northern Union", "type": "organisation", "aliases": ["NU"]},
        {"id": "forum", "name": "NU-Ruritania Prosecutors Forum", "type": "event",
         "aliases": []},
    ]
)  # fmt: skip


def test_an_en_dash_joins_two_names_as_a_hyphen_does() -> None:
    tokens = tokenize(make_docs("The NU–Ruritania talks, 2019–2021 – and after."))
    assert tokens["token"].tolist() == [
        "The", "NU–Ruritania", "talks", ",", "2019–2021", "–", "and", "after", ".",
    ]  # fmt: skip
    assert tokens["norm"].tolist()[1] == "nu-ruritania"
    assert tokens["norm"].tolist()[5] == "–"  # a dash standing alone stays a dash
    assert fold("NU–Ruritania") == fold("NU-Ruritania") == "nu-ruritania"
    text = "The NU–Ruritania Prosecutors Forum opened. Elbonia–NU cooperation grew."
    assert mention_rows(text, ACTORS) == [
        ["NU–Ruritania Prosecutors Forum", "forum"], ["Elbonia", "elbonia"], ["NU", "union"]
    ]  # fmt: skip


def test_a_city_naming_a_meeting_or_a_newspaper_is_a_place() -> None:
    text = (
        "Prosecutors open Strelsau conference. The Tokar daily Novosti says the talks failed. "
        "The envoy spoke to Elbonia media. Elbonia and Ruritania press ahead with the plan."
    )
    assert mention_rows(text, ACTORS) == [["Elbonia", "elbonia"], ["Ruritania", "ruritania"]]


def test_people_handed_over_in_the_passive() -> None:
    text = (
        "The suspects were arrested in the north in March and handed over to Ruritania in "
        "June. The 15 defendants were handed over to Elbonia at the border. Ruritania "
        "handed over the files to Elbonia."
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Elbonia", "elbonia"]
    ]  # fmt: skip


def test_a_court_named_after_its_city() -> None:
    text = (
        "The People's Court of Tokar Capital sentenced 12 people. The court of Tokar agreed, "
        "the government of Tokar appealed, and the High Court of Elbonia ruled."
    )
    assert mention_rows(text, ACTORS) == [
        ["Tokar", "elbonia"], ["Tokar", "elbonia"], ["Elbonia", "elbonia"]
    ]  # fmt: skip


def test_a_citation_mark_after_a_full_stop_ends_the_sentence() -> None:
    tokens = tokenize(
        make_docs("It met in 2009.[6] According to Tokar, it grew. See note [7] here.")
    )
    sents = tokens.groupby("sent")["token"].apply(" ".join).tolist()
    assert sents == [
        "It met in 2009 . [ 6 ]", "According to Tokar , it grew .", "See note [ 7 ] here ."
    ]  # fmt: skip


def test_a_bodys_group_of_countries_as_an_origin() -> None:
    text = (
        "More than 1,000 suspects were returned from NU countries this year, many of them "
        "from NU member states. NU countries agreed to act. Most requests came from NU "
        "members. Elbonia and NU member states signed."
    )
    # the senders of requests and the parties stay; the references code "in NU countries"
    assert mention_rows(text, ACTORS) == [
        ["NU", "union"], ["NU", "union"], ["Elbonia", "elbonia"], ["NU", "union"]
    ]  # fmt: skip


def test_a_meetings_venue_in_a_timeline_and_a_statements_place_line() -> None:
    text = (
        "Strelsau, 9-10 September 2025\n\n"
        "2009 — 5th forum, Lakeport, Ruritania. Ruritania proposed a network.\n\n"
        "2010 — 6th forum, Tokar. Elbonia hosted for the first time.\n\n"
        "The forum met in several capitals, including Tokar (2010) and Strelsau (2016); "
        "Elbonia as host: 2010 (Tokar).\n\n"
        "Members:\nRuritania\nElbonia\n\n"
        "Strelsau"
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Elbonia", "elbonia"], ["Elbonia", "elbonia"],
        ["Ruritania", "ruritania"], ["Elbonia", "elbonia"],
    ]  # fmt: skip
