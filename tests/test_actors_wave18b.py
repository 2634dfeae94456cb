"""Issue 12, wave 18b: one regression test per class of false mentions left on the adjudicated
held-out sets 27-64: a body's group of countries joined to a place ("held in China and ASEAN
countries"), and a body's possessive before a post with a region word inside ("HRW's deputy
Asia director"). Sentences written for these tests (other names than the sets'), with
hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": []},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "ubu", "name": "Union of Balkan Unions", "type": "organisation",
         "aliases": ["UBU"]},
        {"id": "rw", "name": "Rights Watchers", "type": "organisation", "aliases": ["RW"]},
        {"id": "kerr", "name": "Hanna Kerr", "type": "person", "affiliation": "rw",
         "aliases": []},
    ]
)  # fmt: skip


def test_a_bodys_group_of_countries_joined_to_a_place() -> None:
    texts = [
        "The forum, launched in 2004, is held every year in Ruritania and UBU member states.",
        "The conference is held alternately in Ruritania and an UBU member country.",
        "It has been held in turn in Ruritania and UBU countries since 2004.",
    ]
    assert [mention_rows(t, ACTORS) for t in texts] == [[], [], []]
    # people from the country and the group act: both count
    text = "Prosecutors from Ruritania and UBU member states met."
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"], ["UBU", "ubu"]]


def test_a_bodys_possessive_before_a_post_with_a_region_word() -> None:
    texts = [
        '"They are flown back," Hanna Kerr, RW\'s deputy Asia director, told reporters.',
        "Her guest, Hanna Kerr, Rights Watchers's senior Asia researcher, argues so.",
    ]
    assert [mention_rows(t, ACTORS) for t in texts] == [
        [["Hanna Kerr", "kerr"]], [["Hanna Kerr", "kerr"]]
    ]  # fmt: skip
    # a capitalised word not closed by a post's noun keeps the body
    text = "Hanna Kerr, RW's Asia Pacific office, said so."
    assert mention_rows(text, ACTORS) == [["Hanna Kerr", "kerr"], ["RW's", "rw"]]
