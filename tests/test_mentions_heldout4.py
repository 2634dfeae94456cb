"""Regression tests for the mention failure classes of held-out set 4 (issue 12): places after
"through" and after an object ("sent teams to X"), people from a place, a place name modifying
a place noun, newspapers named after a place, "us", a role shared by actors the text does not
name, titles alone and stacked, a title in apposition to its holder's name. Sentences written
for the test; expected values by hand."""

from __future__ import annotations

from analysis.actors import Actors, find_mentions
from analysis.text import tokenize
from tests.conftest import make_docs

ACTORS = Actors.from_records(
    [
        {"id": "indonesia", "name": "Indonesia", "type": "country", "aliases": ["Jakarta"]},
        {"id": "australia", "name": "Australia", "type": "country"},
        {"id": "japan", "name": "Japan", "type": "country"},
        {"id": "myanmar", "name": "Myanmar", "type": "country"},
        {"id": "thailand", "name": "Thailand", "type": "country", "aliases": ["Bangkok"]},
        {"id": "china", "name": "China", "type": "country"},
        {"id": "eu", "name": "European Union", "type": "organisation", "aliases": ["EU"]},
        {"id": "acme", "name": "Acme Mining", "type": "organisation", "affiliation": "australia",
         "roles": ["the company"]},
        {"id": "lotus", "name": "Lotus Metals", "type": "organisation", "affiliation": "china",
         "roles": ["the company"]},
        {"id": "ann", "name": "Ann Lee", "type": "person", "affiliation": "acme",
         "titles": ["Deputy Minister", "Chief Executive", "committee chair", "Sheikh"]},
        {"id": "bo", "name": "Bo Tan", "type": "person", "titles": ["Vice President"]},
    ]
)  # fmt: skip


def mentions(text: str, **kw: object) -> list[list[str]]:
    docs = make_docs(text)
    toks = tokenize(docs, line_breaks="paragraph")
    return find_mentions(toks, ACTORS, docs=docs, **kw)[["surface", "actor_id"]].values.tolist()


def test_a_country_passed_through_is_a_place() -> None:
    assert mentions("Smugglers moved migrants through Indonesia by boat.") == []
    assert mentions("The cargo went via Thailand.") == []


def test_a_destination_after_an_object_is_a_place() -> None:
    assert mentions("China sent police teams to Myanmar and Thailand.") == [["China", "china"]]
    # a list of places goes on; an organisation in it still counts
    assert mentions("The fleets supply seafood to Japan, Thailand and the EU.") == [["EU", "eu"]]
    # a letter is addressed to a government: an actor
    assert mentions("Japan sent a letter to China.") == [["Japan", "japan"], ["China", "china"]]


def test_people_from_a_country_are_from_a_place() -> None:
    assert mentions("Fishers from Indonesia, Thailand and Myanmar were interviewed.") == []


def test_a_place_name_before_a_place_noun_is_a_place() -> None:
    assert mentions("He told a Jakarta forum that prices would rise.") == []
    # an official of the country still speaks for it
    assert mentions("A Japan government spokesperson declined to comment.") == [["Japan", "japan"]]


def test_a_newspaper_named_after_a_place_is_not_the_country() -> None:
    assert mentions("JAKARTA (The Jakarta Post) - Indonesia acted.") == [["Indonesia", "indonesia"]]
    assert mentions("The Bangkok Post reported it.") == []


def test_us_in_lower_case_does_not_make_in_x_an_actor() -> None:
    assert mentions("She spoke to us in Bangkok about the talks.") == []


def test_a_shared_role_needs_its_actor_named_in_the_text() -> None:
    # China is named, Lotus Metals (affiliated with China) is not: "the company" is nobody
    assert mentions("China is a big market. The company that owned the ships did not reply.") == [
        ["China", "china"]
    ]
    assert mentions("Acme Mining said so. The company cut jobs.") == [
        ["Acme Mining", "acme"],
        ["The company", "acme"],
    ]


def test_a_listed_title_alone_after_the_is_its_holder() -> None:
    assert mentions("Bo Tan arrived. The Vice President affirmed the ties.") == [
        ["Bo Tan", "bo"],
        ["The Vice President", "bo"],
    ]
    # only in texts that name the holder, and only with titles_alone (default)
    assert mentions("The Vice President affirmed the ties.") == []
    assert mentions("Bo Tan arrived. The Vice President left.", titles_alone=False) == [
        ["Bo Tan", "bo"]
    ]


def test_a_title_in_apposition_to_the_name_counts_once() -> None:
    assert mentions("Bo Tan spoke. Ann Lee, the committee chair, said no.") == [
        ["Bo Tan", "bo"],
        ["Ann Lee", "ann"],
    ]
    assert mentions("Ann Lee spoke. Later the committee chair, Ann Lee, said no.") == [
        ["Ann Lee", "ann"],
        ["Ann Lee", "ann"],
    ]


def test_stacked_titles_before_a_name_are_one_mention() -> None:
    assert mentions("Chief Executive Sheikh Ann Lee spoke.") == [
        ["Chief Executive Sheikh Ann Lee", "ann"]
    ]


def test_a_shared_role_is_licensed_by_the_organisations_own_people() -> None:
    actors = Actors.from_records(
        [
            {"id": "vn", "name": "Vietnam", "type": "country"},
            {"id": "cn", "name": "China", "type": "country"},
            {"id": "mofa_vn", "name": "Vietnamese Foreign Ministry", "type": "organisation",
             "affiliation": "vn", "roles": ["the ministry"]},
            {"id": "mofcom", "name": "Chinese Commerce Ministry", "type": "organisation",
             "affiliation": "cn", "roles": ["the ministry"]},
            {"id": "hang", "name": "Pham Thu Hang", "type": "person", "affiliation": "mofa_vn",
             "titles": ["spokeswoman"]},
        ]
    )  # fmt: skip
    docs = make_docs("Spokeswoman Pham Thu Hang criticised China. The ministry said talks go on.")
    toks = tokenize(docs, line_breaks="paragraph")
    got = find_mentions(toks, actors, docs=docs)[["surface", "actor_id"]].values.tolist()
    # China is named (the commerce ministry's country), but only the foreign ministry's own
    # spokeswoman is: the shared role is hers
    assert got == [
        ["Spokeswoman Pham Thu Hang", "hang"],
        ["China", "cn"],
        ["The ministry", "mofa_vn"],
    ]


def test_in_a_country_after_an_organisation_is_its_seat() -> None:
    # "in X" after an organisation's name locates it; after a person it still counts
    assert mentions("Acme Mining in Indonesia cut jobs.") == [["Acme Mining", "acme"]]
    assert mentions("Ann Lee in Indonesia spoke.") == [
        ["Ann Lee", "ann"],
        ["Indonesia", "indonesia"],
    ]
