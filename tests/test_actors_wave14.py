"""Issue 12, wave 14: one regression test per class of false mentions left on held-out sets
17-21 against their references: a body or country inside the capitalised title that stands
before a person's name ("Attorney General of Ruritania, Dato Seri Adam Tan", "Deputy
Procurator-General of the Supreme Procuratorate of the Republic of Ruritania Mr Lin Bo") is
part of one mention of the person. Sentences written for these tests (not taken from the sets),
with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country",
         "aliases": ["Republic of Ruritania", "Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "korea", "name": "South Korea", "type": "country", "aliases": ["Republic of Korea"]},
        {"id": "sp", "name": "Supreme Procuratorate", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["SP"]},
        {"id": "ago", "name": "Attorney General's Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": []},
        {"id": "lin", "name": "Lin Bo", "type": "person", "affiliation": "sp",
         "short": ["Lin"]},
        {"id": "tan", "name": "Adam Tan", "type": "person", "affiliation": "ruritania",
         "short": ["Tan"]},
        {"id": "vera", "name": "Vera Kos", "type": "person", "affiliation": "ago",
         "titles": ["the Prosecutor General"], "short": ["Kos"]},
        {"id": "park", "name": "Park Min-jun", "type": "person", "affiliation": "korea"},
    ]
)  # fmt: skip


def test_a_body_and_country_inside_a_title_before_a_name_are_the_persons_mention() -> None:
    text = (
        "Officials met Deputy Procurator-General of the Supreme Procuratorate of the Republic "
        "of Ruritania Mr Lin Bo in Strelsau on Monday."
    )
    assert mention_rows(text, ACTORS) == [["Lin Bo", "lin"]]


def test_a_comma_and_regional_honorifics_may_stand_between_title_and_name() -> None:
    text = (
        "The deal was signed by the Attorney General of Ruritania, Dato Seri Paduka Adam Tan, "
        "and by Elbonia."
    )
    assert mention_rows(text, ACTORS) == [["Adam Tan", "tan"], ["Elbonia", "elbonia"]]
    text = "It went to the Deputy Prosecutor General of the Attorney General's Office, Ms Vera Kos."
    assert mention_rows(text, ACTORS) == [["Vera Kos", "vera"]]


def test_a_persons_role_before_the_title_chain_keeps_the_chain_inside_it() -> None:
    # "the Prosecutor General" is Vera Kos's tabled role; "of Elbonia" belongs to her title
    text = "The file goes to the Prosecutor General of Elbonia, Mrs Vera Kos, for approval."
    assert ["Elbonia", "elbonia"] not in mention_rows(text, ACTORS)


def test_bodies_in_an_apposition_after_the_name_or_a_plain_title_stay_mentions() -> None:
    # after the name: an apposition describing the post holds no mention of its body (changed
    # in wave 25: the references of held-out sets 44-128 leave it uncoded 37 times of 44; the
    # early sets this test was written from coded it); a relative clause keeps it
    text = "Mr Lin Bo, Deputy Procurator-General of the Supreme Procuratorate, spoke first."
    assert mention_rows(text, ACTORS) == [["Lin Bo", "lin"]]
    text = "Mr Lin Bo, who chaired the Supreme Procuratorate, spoke first."
    assert mention_rows(text, ACTORS) == [
        ["Lin Bo", "lin"], ["Supreme Procuratorate", "sp"],
    ]  # fmt: skip
    # the title does not end in a title word before "of" (held-out set 4's coding)
    text = "He met Minister of Trade, Industry and Energy of the Republic of Korea Park Min-jun."
    assert mention_rows(text, ACTORS) == [
        ["Republic of Korea", "korea"], ["Park Min-jun", "park"],
    ]  # fmt: skip
    # the word before "of" ends a body's name, and the next sentence names a person (the body
    # of its own country: "of Elbonia" would make it another country's body, wave 17); its own
    # country after "of" is part of the body's name, one reference (wave 22: the adjudicated
    # references leave it uncoded 40 times to 29); abbreviations="both" counts it
    text = "Elbonia signed with the Supreme Procuratorate of Ruritania. Adam Tan spoke."
    assert mention_rows(text, ACTORS) == [
        ["Elbonia", "elbonia"], ["Supreme Procuratorate", "sp"], ["Adam Tan", "tan"],
    ]  # fmt: skip
    # lower case: a description, not a title
    text = "The talks with the prosecutor general of Elbonia, Vera Kos, ended."
    assert ["Elbonia", "elbonia"] in mention_rows(text, ACTORS)


PLACES = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "freedonia", "name": "Freedonia", "type": "country", "aliases": []},
        {"id": "sylvania", "name": "Sylvania", "type": "country", "aliases": []},
    ]
)  # fmt: skip


def test_a_list_of_places_in_a_route_is_read_as_one_phrase() -> None:
    # "from A to C" is a route; so is "from A and B (through C) to D"
    for text in (
        "They discussed the transport of wildlife from Ruritania and Elbonia through "
        "Freedonia to Sylvania.",
        "Gangs move funds from Ruritania and Elbonia to Sylvania.",
        "Rights groups said deportations from Ruritania, Elbonia and Freedonia to Sylvania "
        "bypass courts.",
    ):
        assert mention_rows(text, PLACES) == [], text
    # a list that acts stays a list of actors
    text = "Ruritania, Elbonia and Freedonia signed the pact with Sylvania."
    assert [r[1] for r in mention_rows(text, PLACES)] == [
        "ruritania", "elbonia", "freedonia", "sylvania",
    ]  # fmt: skip
    # a list that goes on to the left with an untabled name: each item as before
    text = "Sylvania will donate doses to Taiwan, Ruritania and Elbonia, officials said."
    assert [r[1] for r in mention_rows(text, PLACES)] == ["sylvania", "ruritania", "elbonia"]


def test_a_title_case_dateline_before_a_persons_title_is_no_mention() -> None:
    text = (
        "Talks held\n\nStrelsau – Deputy Procurator-General Lin Bo yesterday received a "
        "delegation from Elbonia at the Supreme Procuratorate."
    )
    assert mention_rows(text, ACTORS) == [
        ["Lin Bo", "lin"], ["Elbonia", "elbonia"], ["Supreme Procuratorate", "sp"],
    ]  # fmt: skip
    # a country after the dash: a pair of actors, both kept
    text = "Talks held\n\nRuritania – Elbonia ties were the theme of the day at the meeting."
    assert [r[1] for r in mention_rows(text, ACTORS)] == ["ruritania", "elbonia"]


def test_the_place_of_a_visit_a_link_or_a_move_is_no_mention() -> None:
    for text in (
        "The delegation will visit Strelsau and Zenda before returning to Sylvania.",
        "The minister joined the meeting by video link from Strelsau.",
        "Fraud rings take them to Elbonia or Freedonia and use them to call victims.",
        "The victims were taken to Elbonia.",
    ):
        assert [r[1] for r in mention_rows(text, PLACES)] in ([], ["sylvania"]), text
    assert mention_rows("The delegation will visit Strelsau.", PLACES) == []
    # the visitor, the host named by its own name, and a possessive opening a title after
    # "visiting" are mentions
    assert mention_rows("Elbonia will visit the plant.", PLACES) == [["Elbonia", "elbonia"]]
    assert mention_rows("The minister will visit Elbonia.", PLACES) == [["Elbonia", "elbonia"]]
    assert mention_rows("He met visiting Elbonia's minister.", PLACES) == [["Elbonia's", "elbonia"]]


def test_a_country_possessive_before_its_persons_titled_alias_is_the_persons_mention() -> None:
    table = Actors.from_records(
        [
            {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
            {"id": "ep", "name": "Elbonian Procuracy", "type": "organisation",
             "affiliation": "elbonia", "aliases": []},
            {"id": "kos", "name": "Vera Kos", "type": "person", "affiliation": "ep",
             "aliases": ["Prosecutor General Vera Kos", "Attorney General Vera Kos"]},
        ]
    )  # fmt: skip
    # the person's body is the procuracy; the possessive names the procuracy's country
    text = "Elbonia's Prosecutor General Vera Kos told reporters the work went on."
    assert mention_rows(text, table) == [["Prosecutor General Vera Kos", "kos"]]
    # with the title's time between them
    text = "Elbonia's then Attorney General Vera Kos called the declaration a step."
    assert mention_rows(text, table) == [["Attorney General Vera Kos", "kos"]]


def test_a_units_name_may_stand_between_the_title_and_the_body() -> None:
    text = (
        "Head of the Legal Information Centre of the Supreme Procuratorate, Lin Bo, said the "
        "case was closed."
    )
    assert mention_rows(text, ACTORS) == [["Lin Bo", "lin"]]
    # a comma in the title ends it: the country stays (held-out set 4's coding)
    text = "He met Minister of Trade, Industry and Energy of Elbonia Adam Tan on Monday."
    assert ["Elbonia", "elbonia"] in mention_rows(text, ACTORS)
    # a person's name is no unit: "Lin Bo of Ruritania, Deputy Procurator-General Adam Tan"
    text = "He met Lin Bo of Ruritania, Prosecutor General Adam Tan and others."
    assert ["Ruritania", "ruritania"] in mention_rows(text, ACTORS)


def test_people_sent_back_or_out_go_to_a_place() -> None:
    for text in (
        "Sylvania deports 86 Elbonian and Freedonian fraud suspects to Ruritania",
        "Sylvania forced a group of asylum seekers back to Elbonia.",
        "He swam back to Elbonia in October.",
        '"They committed crimes there, so they go to Elbonia," the prosecutor said.',
    ):
        assert "elbonia" not in [r[1] for r in mention_rows(text, PLACES)], text
        assert "ruritania" not in [r[1] for r in mention_rows(text, PLACES)], text
    # documents returned name a party; a verb after "and" is another clause
    text = "Ruritania returned the documents to Elbonia, which thanked it."
    assert [r[1] for r in mention_rows(text, PLACES)] == ["ruritania", "elbonia"]
    text = "They expelled foreign troops and turned to Elbonia for support."
    assert [r[1] for r in mention_rows(text, PLACES)] == ["elbonia"]


def test_a_city_before_a_profession_is_a_place() -> None:
    text = '"It is fast," said a Strelsau lawyer who has represented clients.'
    assert mention_rows(text, PLACES) == []
