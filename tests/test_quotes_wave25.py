"""Issue 12, wave 25: a regression test per class of quotes wrong in held-out sets 130, 132, 134
and 136 (read after their blind scores): an unnamed source of a tabled body after the cue
('"…," said a spokeswoman for the rights group X') speaks for the body, as before it, and a
lawyer for a body does not; "reportedly" between a subject and its cue; a semicolon ends a
clause that names no speaker; a quotation after a long attribution continues the quote;
"Analysts warn" + a clause; a headline "X to AUDIENCE: …"; "according to BODY spokesperson
NAME" is the untabled person's; a quotation in a second predicate ("welcomed X and would study
it "…"") is no quote of "welcomed". Sentences written for these tests (other names and bodies
than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "watch", "name": "Mekong Rights Watch", "type": "organisation",
         "aliases": ["MRW"]},
        {"id": "pgo", "name": "Prosecutor-General's Office", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["PGO"]},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "vera", "name": "Vera Kos", "type": "person", "affiliation": "pgo",
         "titles": ["Prosecutor-General"], "short": ["Kos"]},
    ]
)  # fmt: skip


def test_an_unnamed_source_of_a_body_after_the_cue_speaks_for_it() -> None:
    text = (
        '"The compounds changed their signboards," said a spokeswoman for the rights group '
        "Mekong Rights Watch (MRW).\n\n"
        '"We will appeal," said a senior official at the Prosecutor-General\'s Office.\n\n'
        '"They never answered," said a lawyer for Mekong Rights Watch.\n\n'
        '"It is late," said a spokesman for the ministry.'
    )
    assert quote_rows(text, ACTORS) == [
        ["The compounds changed their signboards,", "direct", "watch", "said"],
        ["We will appeal,", "direct", "pgo", "said"],
        ["They never answered,", "direct", None, "said"],
        ["It is late,", "direct", None, "said"],
    ]


def test_reportedly_and_a_semicolon_before_the_subject() -> None:
    text = (
        "Vera Kos, who led the delegation, reportedly proposed that Borduria share its files.\n\n"
        "Borduria signed a pact last year; Vera Kos, then Prosecutor-General, told a meeting "
        "that the pact had worked."
    )
    assert quote_rows(text, ACTORS) == [
        ["Borduria share its files", "reported", "vera", "proposed"],
        ["the pact had worked", "reported", "vera", "told"],
    ]


def test_a_quotation_after_a_long_attribution_continues_the_quote() -> None:
    text = (
        '"Raids are not enough," said Vera Kos, the Prosecutor-General of Ruritania\'s '
        "Prosecutor-General's Office (PGO), in a rare interview at her office in the capital. "
        '"We need to prove who gave the orders."'
    )
    assert quote_rows(text, ACTORS) == [
        ["Raids are not enough,", "direct", "vera", "said"],
        ["We need to prove who gave the orders.", "direct", "vera", "said"],
    ]


def test_analysts_warn_a_clause() -> None:
    text = "Analysts warn the problem will spread to Borduria.\n\nExperts warn of new scams."
    assert quote_rows(text, ACTORS) == [
        ["the problem will spread to Borduria", "reported", None, "warn"],
    ]


def test_a_headline_to_its_audience_and_a_spokesperson_the_table_does_not_know() -> None:
    text = (
        "World\n\nPGO to Borduria prosecutors: Send us the files\n\n"
        "STRELSAU: The PGO asked Borduria for help on Monday.\n\n"
        "According to PGO spokesperson Ivo Marek, the files cover 40 cases."
    )
    assert quote_rows(text, ACTORS) == [
        ["Send us the files", "reported", "pgo", ":"],
        ["the files cover 40 cases", "reported", None, "according to"],
    ]


def test_a_quotation_in_a_second_predicate_is_no_quote_of_welcomed() -> None:
    text = (
        'Borduria welcomed the proposal and would study it "with an open mind".\n\n'
        'Borduria praised Ruritania for its "firm action".'
    )
    assert quote_rows(text, ACTORS) == [["firm action", "direct", "borduria", "praised"]]
