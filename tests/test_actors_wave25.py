"""Issue 12, wave 25: a regression test per class of mentions wrong in held-out sets 130, 132,
134 and 136 (state media and wire reports of the conference, national dailies, crime and court
stories, features and interviews; read after their blind scores) and in the references of sets
44-128. A body named inside the description of a tabled person's post, after the name and a
comma, is part of that description, also when the post is a capitalised title ("Deputy
Procurator-General of the Office"), opens with "then", holds "of" ("Secretary of State of the
Ministry") or has a country's possessive before the body; so is the country of an untabled
court in it. A relative clause after the name ("who heads …") and an untabled person's
description keep the body. A title's possessive before "office" names the office. Counterparts
"in" a country, "mainland China", "spread to" and "others from" name places. A quotation
closed after a theme word ('"… a work plan," X told') is no theme. Sentences written for these
tests, with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "rpo", "name": "Royal Prosecution Office", "type": "organisation",
         "aliases": ["RPO"], "affiliation": "ruritania"},
        {"id": "moj", "name": "Ministry of Justice", "type": "organisation",
         "affiliation": "ruritania"},
        {"id": "anna", "name": "Anna Varga", "type": "person", "affiliation": "rpo"},
        {"id": "pavel", "name": "Pavel Dorn", "type": "person", "affiliation": "moj",
         "titles": ["Prosecutor General"], "short": ["Dorn"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "china", "name": "China", "type": "country"},
    ]
)  # fmt: skip


def test_a_capitalised_title_in_apposition_holds_no_body_mention() -> None:
    text = (
        "Anna Varga, Deputy Procurator-General of the Royal Prosecution Office, opened the "
        "meeting.\n\n"
        "Pavel Dorn, Secretary of State of the Ministry of Justice, welcomed the guests."
    )
    assert mention_rows(text, ACTORS) == [["Anna Varga", "anna"], ["Pavel Dorn", "pavel"]]


def test_then_and_a_possessive_country_go_with_the_post() -> None:
    text = (
        "The pact was drafted by Anna Varga, then deputy head of Ruritania's RPO, in 2019.\n\n"
        "Ruritania signed it."
    )
    assert mention_rows(text, ACTORS) == [["Anna Varga", "anna"], ["Ruritania", "ruritania"]]


def test_a_relative_clause_or_an_untabled_person_keeps_the_body() -> None:
    text = (
        "Anna Varga, who heads the international office of the RPO, spoke first.\n\n"
        "Ivo Kral, Deputy Procurator-General of the Royal Prosecution Office, spoke next."
    )
    assert mention_rows(text, ACTORS) == [
        ["Anna Varga", "anna"],
        ["RPO", "rpo"],
        ["Royal Prosecution Office", "rpo"],
    ]


def test_the_country_of_an_untabled_court_in_a_post_is_part_of_it() -> None:
    text = (
        "Pavel Dorn, Prosecutor General attached to the Supreme Court of Ruritania, received "
        "the delegation.\n\nRuritania signed the pact."
    )
    assert mention_rows(text, ACTORS) == [["Pavel Dorn", "pavel"], ["Ruritania", "ruritania"]]


def test_a_title_s_possessive_before_office_names_the_office() -> None:
    text = (
        "Pavel Dorn spoke. According to a statement from the Prosecutor General's office, the "
        "hotline opens on Monday. The Prosecutor General said it would help."
    )
    assert mention_rows(text, ACTORS) == [
        ["Pavel Dorn", "pavel"], ["The Prosecutor General", "pavel"],
    ]  # fmt: skip


def test_counterparts_mainland_spread_and_others_name_places() -> None:
    text = (
        "Police worked with counterparts in Borduria and Ruritania.\n\n"
        "The money ended up in Hong Kong or mainland China.\n\n"
        "Analysts warn the problem will spread to Borduria if pressure rises.\n\n"
        "Others from Szohod will be sent home.\n\n"
        "Borduria and China signed."
    )
    assert mention_rows(text, ACTORS) == [["Borduria", "borduria"], ["China", "china"]]


def test_a_mark_that_closes_a_quotation_after_a_theme_word_opens_no_theme() -> None:
    text = (
        'Pavel Dorn signed. "This is not a ceremony. It is a work plan," Dorn told reporters.\n\n'
        'The course, themed "Ruritania First", opened.'
    )
    assert mention_rows(text, ACTORS) == [["Pavel Dorn", "pavel"], ["Dorn", "pavel"]]


SHARED = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "rpo", "name": "Royal Prosecution Office", "type": "organisation",
         "aliases": ["RPO"], "affiliation": "ruritania"},
        {"id": "bpo", "name": "Borduria Prosecution Office", "type": "organisation",
         "aliases": ["RPO"], "affiliation": "borduria"},
        {"id": "anna", "name": "Anna Varga", "type": "person", "affiliation": "rpo"},
    ]
)  # fmt: skip


def test_a_shared_spelling_before_in_and_a_place_is_the_place_s_body() -> None:
    # "RPO" is Ruritania's and Borduria's; the nearest naming before it is Borduria, but "in
    # Strelsau" (Ruritania's capital) says whose it is
    text = (
        "Borduria asked for help. The request went to the RPO in Strelsau last week.\n\n"
        "Anna Varga, Deputy Procurator-General of Ruritania's Royal Prosecution Office (RPO), "
        "said it would answer."
    )
    rows = mention_rows(text, SHARED)
    assert rows[:2] == [["Borduria", "borduria"], ["RPO", "rpo"]]
    # the body in the apposition, with its abbreviation in brackets, is part of the post
    assert rows[2:] == [["Anna Varga", "anna"]]
