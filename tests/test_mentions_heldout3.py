"""Regression tests for the mention failure classes of held-out set 3 (issue 12, wave 3):
places after "in", lists of places, datelines, acronyms in lower case, currencies and
seas, a possessive before a sentence end. Sentences written for the test; expected values
by hand."""

from __future__ import annotations

from analysis.actors import Actors, find_mentions
from analysis.text import tokenize
from tests.conftest import make_docs

ACTORS = Actors.from_records(
    [
        {"id": "china", "name": "China", "type": "country", "aliases": ["Beijing"]},
        {"id": "usa", "name": "United States", "type": "country", "aliases": ["US", "U.S."]},
        {"id": "vietnam", "name": "Vietnam", "type": "country", "aliases": ["Hanoi"]},
        {"id": "philippines", "name": "Philippines", "type": "country", "aliases": ["Manila"]},
        {"id": "thailand", "name": "Thailand", "type": "country"},
        {"id": "laos", "name": "Laos", "type": "country"},
        {"id": "japan", "name": "Japan", "type": "country"},
        {"id": "who", "name": "World Health Organization", "type": "organisation",
         "aliases": ["WHO"]},
        {"id": "doe", "name": "John Doe", "type": "person"},
    ]
)  # fmt: skip


def mentions(text: str) -> list[list[str]]:
    docs = make_docs(text)
    toks = tokenize(docs, line_breaks="paragraph")
    return find_mentions(toks, ACTORS, docs=docs)[["surface", "actor_id"]].values.tolist()


def test_in_a_country_after_any_word_is_a_place() -> None:
    assert mentions("Shares of miners in China rose. Police in the Philippines acted.") == []
    assert mentions("Analysts in Beijing said so. He was in Thailand for talks.") == []
    # after a name, a possessive or inside a compound it still counts
    assert mentions("John Doe in Vietnam.") == [["John Doe", "doe"], ["Vietnam", "vietnam"]]
    assert mentions("Interest grew in Beijing's view.") == [["Beijing's", "china"]]
    assert mentions("A milestone in Japan-Philippines relations.") == [
        ["Japan", "japan"],
        ["Philippines", "philippines"],
    ]


def test_a_list_of_places_goes_on() -> None:
    assert mentions("Victims came from Thailand, Laos and the Philippines.") == []
    assert mentions("They were held in compounds in Laos, Thailand or Vietnam.") == []
    # a country after a city and country is not part of a list of places
    assert mentions("The talks were held in Hanoi, Vietnam and China agreed.") == [
        ["China", "china"]
    ]


def test_datelines_with_a_capital_or_a_two_word_city() -> None:
    assert mentions("MANILA, Philippines — The deal was signed.") == []
    assert mentions("HANOI -- Officials met.") == []
    assert mentions("MAE SOT, Thailand (AP) — Thailand cut power.") == [["Thailand", "thailand"]]


def test_acronym_alias_matches_only_capitals() -> None:
    assert mentions("They told us that the US will act, and who knows.") == [["US", "usa"]]
    assert mentions("The WHO warned.") == [["WHO", "who"]]


def test_currencies_and_seas_are_not_actors() -> None:
    assert mentions("It froze US$257 million, or 783 billion U.S. dollars.") == []
    assert mentions("Ships sail the South China Sea while China watches.") == [["China", "china"]]


def test_possessive_place_noun_not_across_a_sentence_end() -> None:
    assert mentions("Beijing has not answered Hanoi's protest. State media were silent.") == [
        ["Beijing", "china"],
        ["Hanoi's", "vietnam"],
    ]
    assert mentions("Vietnam's capital is busy.") == []


def test_the_side_of_a_country_is_a_place() -> None:
    assert mentions("Residents on the Thailand side fled.") == []
    assert mentions("Every concern of the US side counts.") == [["US", "usa"]]


def test_compound_with_an_actor_suffix() -> None:
    assert mentions("They met at Japan-related and US-led forums, not China-based ones.") == [
        ["Japan", "japan"],
        ["US", "usa"],
    ]
