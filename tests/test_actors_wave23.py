"""Issue 12, wave 23: a name after "the abbreviation" is the word, not the body; the two
countries of a hyphenated pair before "border" locate something, as one country before
"border" does. Sentences written for these tests (other countries and bodies than the
held-out sets' 114, 117 and 118), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "sp_r", "name": "Supreme Procuracy of Ruritania", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["SP"]},
    ]
)  # fmt: skip


def test_a_name_after_the_abbreviation_is_the_word_not_the_body() -> None:
    text = (
        "The Supreme Procuracy of Ruritania met Borduria's procuracy, which also uses the "
        "abbreviation SP. The SP said the talks went well; both are known by the acronym SP."
    )
    assert mention_rows(text, ACTORS) == [
        ["Supreme Procuracy of Ruritania", "sp_r"],
        ["Borduria's", "borduria"],
        ["SP", "sp_r"],
    ]


def test_a_hyphenated_pair_before_border_is_a_place() -> None:
    # a dispute, talks or an agreement over the border make the two countries parties
    text = (
        "Casinos shelter trafficking money on the Ruritania-Borduria border.\n\n"
        "The Ruritania-Borduria border dispute flared again.\n\n"
        "The Ruritania-Borduria agreement was signed in May."
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"],
        ["Borduria", "borduria"],
        ["Ruritania", "ruritania"],
        ["Borduria", "borduria"],
    ]
