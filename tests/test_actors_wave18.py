"""Issue 12, wave 18: one regression test per class of false mentions left on the held-out sets
58-60, 63 and 64 (read after their blind scores): the body in an apposition that describes a
tabled person's post, a country as the goal of a hand-over of named people, a short name
defined in brackets and quotation marks, and "ASEAN-wide". Sentences written for these tests
(other names and places than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "union", "name": "Northern Union", "type": "organisation", "aliases": ["NU"]},
        {"id": "institute", "name": "Lakeside Institute", "type": "organisation", "aliases": []},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "kessler", "name": "Anna Kessler", "type": "person", "short": ["Kessler"]},
    ]
)  # fmt: skip


def test_the_body_in_an_apposition_on_a_tabled_persons_post() -> None:
    text = "Anna Kessler, a senior fellow at the Lakeside Institute, said the talks helped."
    assert mention_rows(text, ACTORS) == [["Anna Kessler", "kessler"]]
    text = "Anna Kessler, deputy Asia director at the Lakeside Institute in Strelsau, agreed."
    assert mention_rows(text, ACTORS) == [["Anna Kessler", "kessler"]]
    # a title in capitals names the body with it, and a longer name or a noun after the body
    # is another matter; an untabled person's description keeps the body
    text = "Anna Kessler, President of the HPO, spoke. Anna Kessler, head of the HPO delegation, spoke."
    assert mention_rows(text, ACTORS) == [
        ["Anna Kessler", "kessler"], ["HPO", "hpo"], ["Anna Kessler", "kessler"], ["HPO", "hpo"]
    ]  # fmt: skip
    text = "Marta Lind, a senior fellow at the Lakeside Institute, said the talks helped."
    assert mention_rows(text, ACTORS) == [["Lakeside Institute", "institute"]]


def test_a_country_as_the_goal_of_a_handover_of_named_people() -> None:
    text = (
        "Elbonia agreed to hand over an alleged fraud boss to Ruritania. Officials handed over "
        "a Ruritanian activist to Ruritania. More than 100 suspects handed over to Ruritania "
        "by Elbonia were tried."
    )
    assert mention_rows(text, ACTORS) == [["Elbonia", "elbonia"], ["Elbonia", "elbonia"]]


def test_a_short_name_defined_in_quotes_and_asean_wide() -> None:
    text = 'The High Prosecution Office ("HPO") said so. The NU-wide plan was adopted.'
    assert mention_rows(text, ACTORS) == [
        ["High Prosecution Office", "hpo"], ["NU", "union"]
    ]  # fmt: skip
