"""Issue 12, wave 27: a regression test per class of quotes wrong in held-out set 150 (read
after its blind score). "…, the statement said" after "a statement from Ruritania's Ministry
of Justice" is the ministry's, not its country's. Guard: a statement from a country alone stays
the country's. Sentences written for these tests, with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "moj", "name": "Ministry of Justice", "type": "organisation",
         "affiliation": "ruritania"},
        {"id": "unodc", "name": "United Nations Office on Drugs and Crime", "type": "organisation",
         "aliases": ["UNODC"]},
    ]
)  # fmt: skip


def test_a_statement_from_a_countrys_body_is_the_bodys() -> None:
    text = (
        "Police began their joint patrol on the river, according to a statement from "
        "Ruritania's Ministry of Justice.\n\n"
        "Eleven boats would take part in the patrol, the statement said."
    )
    assert quote_rows(text, ACTORS) == [
        ["Police began their joint patrol on the river", "reported", "moj", "according to"],
        ["Eleven boats would take part in the patrol", "reported", "moj", "said"],
    ]


def test_a_statement_from_a_country_stays_the_countrys() -> None:
    text = (
        "Police began their joint patrol, according to a statement from Ruritania.\n\n"
        "Eleven boats would take part, the statement said."
    )
    assert quote_rows(text, ACTORS) == [
        ["Police began their joint patrol", "reported", "ruritania", "according to"],
        ["Eleven boats would take part", "reported", "ruritania", "said"],
    ]
