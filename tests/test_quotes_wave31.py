"""Issue 12, wave 31: a regression test per class of quotes wrong in held-out set 180 (read
after its blind score): "according to [the] BODY['s] figures|data|statistics" gives the tabled
body as the speaker, at the start or at the end of the sentence. Guards: figures of no tabled
body ("according to customs data") and of a country keep an NA speaker. Sentences written for
these tests, with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "oag", "name": "Office of the Attorney General", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["OAG"]},
    ]
)  # fmt: skip


def test_a_bodys_own_figures_are_the_bodys() -> None:
    text = (
        "According to OAG figures, Ruritania sent 19 requests last year.\n\n"
        "Ruritania received 12 requests, according to OAG data.\n\n"
        "Ruritania granted nine, according to the OAG's statistics."
    )
    assert quote_rows(text, ACTORS) == [
        ["Ruritania sent 19 requests last year", "reported", "oag", "according to"],
        ["Ruritania received 12 requests", "reported", "oag", "according to"],
        ["Ruritania granted nine", "reported", "oag", "according to"],
    ]


def test_figures_of_no_tabled_body_keep_no_speaker() -> None:
    text = (
        "Exports rose by a third, according to customs data.\n\n"
        "Imports fell, according to Ruritania's data."
    )
    assert quote_rows(text, ACTORS) == [
        ["Exports rose by a third", "reported", None, "according to"],
        ["Imports fell", "reported", None, "according to"],
    ]
