"""Issue 12, wave 30: a regression test per class of quotes wrong in the read sets of wave 30
(170 and 174, read after their blind scores): a table's row after a label ("Ruritania: 14 / 3")
holds no words said; "called on" with no "to" is a visit ("called on officials of the ministry
and delivered a lecture"); "told a Strelsau court on Thursday" is the audience, so the words
are before it. Guards: "called on member states to share evidence" and a label's words stay.
Sentences written for these tests, with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "unodc", "name": "United Nations Office on Drugs and Crime", "type": "organisation",
         "aliases": ["UNODC"]},
        {"id": "kos", "name": "Ana Kos", "type": "person"},
    ]
)  # fmt: skip


def test_a_tables_rows_after_labels_are_no_quotes() -> None:
    text = "Requests by country, sent / granted:\n\nRuritania: 14 / 3\n\nBorduria: 9 / 2"
    assert quote_rows(text, ACTORS) == []


def test_called_on_with_no_to_is_a_visit() -> None:
    text = (
        "Ana Kos called on officials of the Ministry of Justice and delivered a lecture on its "
        "approach to prosecuting fraud.\n\nShe met the minister before calling on the president "
        "at the palace.\n\nThe UNODC called on Ruritania and Borduria to share evidence."
    )
    assert quote_rows(text, ACTORS) == [
        ["Ruritania and Borduria to share evidence", "reported", "unodc", "called on"],
    ]


def test_told_a_court_is_the_audience() -> None:
    text = (
        "Money was moved through companies in Borduria, Ana Kos told a Strelsau court on Thursday."
    )
    assert quote_rows(text, ACTORS) == [
        ["Money was moved through companies in Borduria", "reported", "kos", "told"],
    ]
