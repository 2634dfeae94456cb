"""Issue 12, wave 24: where a country lies ("sandwiched between A, B and C", "which lies
between A and B") names places, as "moving between" does; trade between two countries still
names parties. Sentences written for these tests (other countries than held-out set 122's),
with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "syldavia", "name": "Syldavia", "type": "country"},
        {"id": "elbonia", "name": "Elbonia", "type": "country"},
    ]
)  # fmt: skip


def test_where_a_country_lies_between_others_names_places() -> None:
    text = (
        "Ruritania, a landlocked state sandwiched between Borduria, Syldavia and Elbonia, has "
        "signed the pact.\n\n"
        "Syldavia, which lies between Borduria and Elbonia, hosted the talks.\n\n"
        "Trade between Borduria and Elbonia grew."
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"],
        ["Syldavia", "syldavia"],
        ["Borduria", "borduria"],
        ["Elbonia", "elbonia"],
    ]
