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
