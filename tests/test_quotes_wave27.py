"""Issue 12, wave 27: a regression test per class of quotes wrong in held-out set 150 (read
after its blind score). "…, the statement said" after "a statement from Ruritania's Ministry
of Justice" is the ministry's, not its country's; "according to the agency's annual report"
is the organisation just named ("the agency said" already was), and "the ministry's annual
report" the ministry named before. Guards: a statement from a country alone stays the country's; a
generic noun with no organisation in the last sentences names no one. Sentences written for
these tests, with hand-computed values."""

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


def test_a_document_of_the_organisation_just_named_is_its_own() -> None:
    text = (
        "The UNODC said on Thursday that seizures rose.\n\n"
        "Ruritania accounted for the largest share, according to the agency's annual report.\n\n"
        "The Ministry of Justice opened 40 cases. Most were fraud cases, according to the "
        "ministry's annual report."
    )
    assert quote_rows(text, ACTORS) == [
        ["seizures rose", "reported", "unodc", "said"],
        ["Ruritania accounted for the largest share", "reported", "unodc", "according to"],
        ["Most were fraud cases", "reported", "moj", "according to"],
    ]


def test_a_generic_noun_with_no_organisation_near_names_no_one() -> None:
    text = (
        "The UNODC said on Thursday that seizures rose.\n\n"
        "Prices fell. Buyers moved online. Sellers followed.\n\n"
        "Ruritania accounted for the largest share, according to the agency's annual report."
    )
    assert quote_rows(text, ACTORS) == [
        ["seizures rose", "reported", "unodc", "said"],
        ["Ruritania accounted for the largest share", "reported", None, "according to"],
    ]
