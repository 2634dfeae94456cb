"""Issue 12, wave 29: a regression test per class of quotes wrong in held-out set 166 (read
after its blind score): "according to a new report by the UNODC" is the UNODC's, as "according
to a report by" already was (up to two words such as "new", "latest", "annual" before the
document's noun). Guard: a report by no one named keeps an NA speaker. Sentences written for
these tests, with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "unodc", "name": "United Nations Office on Drugs and Crime", "type": "organisation",
         "aliases": ["UNODC"]},
    ]
)  # fmt: skip


def test_a_new_or_annual_report_by_a_body_is_the_bodys() -> None:
    text = (
        "Seizures reached a record 172 tonnes last year, according to a new report by the "
        "UNODC.\n\nPrices fell by a third, according to the latest annual report from the "
        "United Nations Office on Drugs and Crime."
    )
    assert quote_rows(text, ACTORS) == [
        ["Seizures reached a record 172 tonnes last year", "reported", "unodc", "according to"],
        ["Prices fell by a third", "reported", "unodc", "according to"],
    ]


def test_a_new_report_by_no_one_named_keeps_no_speaker() -> None:
    text = "Seizures reached a record 172 tonnes last year, according to a new report."
    assert quote_rows(text, ACTORS) == [
        ["Seizures reached a record 172 tonnes last year", "reported", None, "according to"],
    ]
