"""Issue 12, wave 22: a country after "of" behind the name of its own organisation ("the
Attorney General's Chambers (AGC) of Ruritania", "the Supreme Procuracy of the Borduria") is
part of the body's name, one reference like "Name (ABBR)"; ``abbreviations="both"`` counts
it. Sentences written for these tests, with hand-computed values."""

from __future__ import annotations

import pandas as pd

from analysis.actors import Actors, find_mentions
from analysis.text import tokenize
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "agc", "name": "Chambers of Law", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["CoL"]},
        {"id": "sp", "name": "Supreme Procuracy", "type": "organisation",
         "affiliation": "borduria"},
        {"id": "kurt", "name": "Anton Kurt", "type": "person", "affiliation": "borduria"},
    ]
)  # fmt: skip

TEXT = (
    "The Chambers of Law (CoL) of Ruritania signed with the Supreme Procuracy of Borduria. "
    "The Supreme Procuracy of Ruritania did not sign. Anton Kurt of Borduria spoke."
)


def test_a_country_after_its_own_bodys_name_is_part_of_that_name() -> None:
    # a person "of Borduria" keeps it; "the Supreme Procuracy of Ruritania" is another
    # country's body, not Borduria's (an older rule), and Ruritania counts there
    assert mention_rows(TEXT, ACTORS) == [
        ["Chambers of Law", "agc"],
        ["Supreme Procuracy", "sp"],
        ["Ruritania", "ruritania"],
        ["Anton Kurt", "kurt"],
        ["Borduria", "borduria"],
    ]


def test_abbreviations_both_counts_the_country_too() -> None:
    # (a guard: the start code counted both as well)
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [TEXT]})
    m = find_mentions(tokenize(docs), ACTORS, docs=docs, abbreviations="both")
    assert m["surface"].tolist() == [
        "Chambers of Law", "CoL", "Supreme Procuracy", "Borduria", "Ruritania", "Anton Kurt",
        "Borduria",
    ]  # fmt: skip


PLACES = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
    ]
)  # fmt: skip


def test_travel_by_a_means_in_from_and_on_to_a_place_and_moving_there() -> None:
    text = (
        "Vice Minister Liu, who flew in from Szohod on Wednesday, oversaw the handover. The "
        "workers were taken by bus to Strelsau and flown home. The networks were already "
        "moving to Borduria. The line runs through Kunming and on to Szohod. Ruritania sent a "
        "note to Borduria."
    )
    # the recipient of a note is a party
    assert mention_rows(text, PLACES) == [["Ruritania", "ruritania"], ["Borduria", "borduria"]]
