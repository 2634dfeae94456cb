"""Issue 12, wave 11 (mentions helper): one regression test per class of false mentions of
held-out set 17 (a "READ:" link between paragraphs, a fact check's sources list and a
newsletter's reading list, a bare "For media enquiries:" heading over a contact block, a byline
bar with the date between the author and the topics, an update note, a newsletter's unsubscribe
footer, a photo essay's captions over several lines with the credit at the end; one person
"from" a country, "the borders of" a country, another country's body of the same name as a
tabled one), on sentences
written for these tests (not taken from the set), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import boilerplate_removed as removed
from tests.conftest import mention_rows

BODY = "The ministers of Peru and Chile signed the treaty on Monday in Lima.\n\n"


# -- 1. a "READ:" link between paragraphs ------------------------------------------------------


def test_read_link_between_paragraphs_is_boilerplate() -> None:
    text = BODY + "READ: Chile recalls envoy over fishing row\n\nPeru said talks would resume.\n"
    assert removed(text) == [("read_more", "READ: Chile recalls envoy over fishing row")]
    text = BODY + "Read: Interpol issues red notice for Lima banker\n"
    assert removed(text) == [("read_more", "Read: Interpol issues red notice for Lima banker")]
    # a hard-wrapped line that opens with "read:" in lower case is text
    text = "The banner outside the embassy of Peru\nread: Justice for the miners.\n"
    assert removed(text) == []


# -- 2. a sources list, a reading list ----------------------------------------------------------


def test_sources_and_reading_lists_are_boilerplate() -> None:
    text = (
        BODY + "Sources\n\n- Ministry of Justice of Chile, statement, 3 May 2024\n"
        "- Peru's Foreign Ministry, press briefing, 4 May 2024\n\nRappler fact checks are free.\n"
    )
    assert removed(text) == [
        ("list_heading", "Sources"),
        ("list_heading", "- Ministry of Justice of Chile, statement, 3 May 2024"),
        ("list_heading", "- Peru's Foreign Ministry, press briefing, 4 May 2024"),
    ]
    text = (
        BODY + "2. WHAT WE'RE READING\n- Why Chile's copper boom is slowing\n"
        "- A long read on Bolivia's lithium\n\nSee you next week.\n"
    )
    assert removed(text) == [
        ("list_heading", "2. WHAT WE'RE READING"),
        ("list_heading", "- Why Chile's copper boom is slowing"),
        ("list_heading", "- A long read on Bolivia's lithium"),
    ]
    assert removed(BODY + "Further reading:\n- The Andean Community at 50\n") == [
        ("list_heading", "Further reading:"),
        ("list_heading", "- The Andean Community at 50"),
    ]


# -- 3. a bare "For media enquiries:" heading over a contact block ------------------------------


def test_bare_enquiries_heading_over_contact_block_is_boilerplate() -> None:
    text = (
        BODY + "For media enquiries:\nPress Office\nAndean Community, Lima, Peru\n"
        "Email: press@example.org\n\nAbout the Community\n"
    )
    assert removed(text) == [
        ("contact_heading", "For media enquiries:"),
        ("contact_heading", "Press Office"),
        ("contact_heading", "Andean Community, Lima, Peru"),
        ("contact_heading", "Email: press@example.org"),
    ]
    assert removed(BODY + "Press inquiries:\nUnited Nations Information Centre, Nairobi\n") == [
        ("contact_heading", "Press inquiries:"),
        ("contact_heading", "United Nations Information Centre, Nairobi"),
    ]


# -- 4. a byline bar with the date between the author and the topics ---------------------------


def test_byline_bar_with_date_and_topics_is_boilerplate() -> None:
    text = "Lithium deal explained\n\nMARIA SOTO | 12 March 2024 | South America, Chile, Mining\n\n"
    assert removed(text + BODY) == [
        ("page_bar", "MARIA SOTO | 12 March 2024 | South America, Chile, Mining")
    ]
    text = "Ana Ruiz | May 3, 2023 | Peru\n\n"
    assert removed(text + BODY) == [("page_bar", "Ana Ruiz | May 3, 2023 | Peru")]


# -- 5. update notes ----------------------------------------------------------------------------


def test_update_notes_are_boilerplate() -> None:
    text = BODY + "This article was updated at 16:10 Lima time with a statement from Chile.\n"
    assert removed(text) == [
        ("update_line", "This article was updated at 16:10 Lima time with a statement from Chile.")
    ]
    text = "UPDATED 09:30 — adds reaction from the Peruvian Foreign Ministry\n\n" + BODY
    assert removed(text) == [
        ("update_line", "UPDATED 09:30 — adds reaction from the Peruvian Foreign Ministry")
    ]
    text = BODY + "This story has been corrected to show that Chile, not Peru, filed the case.\n"
    assert [r for r, _ in removed(text)] == ["update_line"]
    # a sentence about updating something stays
    text = "Peru said the treaty was updated in 2019 to cover fishing.\n"
    assert removed(text) == []


# -- 6. a newsletter's unsubscribe footer -------------------------------------------------------


def test_newsletter_unsubscribe_footer_is_boilerplate() -> None:
    text = BODY + "Unsubscribe | Update your preferences\nAndes Weekly, Santiago, Chile\n"
    assert removed(text) == [
        ("unsubscribe_line", "Unsubscribe | Update your preferences"),
        ("unsubscribe_line", "Andes Weekly, Santiago, Chile"),
    ]
    text = BODY + "You got this because you signed up at andes.example. Unsubscribe\n"
    assert [r for r, _ in removed(text)] == ["unsubscribe_line"]


# -- 7. a photo essay's captions over several lines ---------------------------------------------


def test_photo_essay_captions_over_several_lines_are_boilerplate() -> None:
    text = (
        BODY + "Minister Rosa Vidal of Chile and the Peruvian envoy sign the fishing\n"
        "accord in Arica. — AFP Photo Émile Durand\n\n"
        "Fishermen wait at the port of Ilo. Exports from Peru to Chile rose by a\n"
        "third last year. — Photo: Ñusta Quispe\n\n"
        "Delegates from Bolivia arrive at the border post. —\nEFE Photo Óscar Núñez\n\n"
        "The treaty enters into force in June.\n"
    )
    assert removed(text) == [
        ("photo_caption", "Minister Rosa Vidal of Chile and the Peruvian envoy sign the fishing"),
        ("caption_credit", "accord in Arica. — AFP Photo Émile Durand"),
        (
            "photo_caption",
            "Fishermen wait at the port of Ilo. Exports from Peru to Chile rose by a",
        ),
        ("caption_credit", "third last year. — Photo: Ñusta Quispe"),
        ("photo_caption", "Delegates from Bolivia arrive at the border post. —"),
        ("caption_credit", "EFE Photo Óscar Núñez"),
    ]
    # a body paragraph above a credit line of its own stays
    text = BODY + "Chile's minister said the accord was fair.\nPhoto: Reuters\n"
    assert removed(text) == [("caption_credit", "Photo: Reuters")]


# -- mention rules ------------------------------------------------------------------------------

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "bolivia", "name": "Bolivia", "type": "country"},
        {"id": "usa", "name": "United States", "type": "country", "aliases": ["US"]},
        {"id": "moj_cl", "name": "Ministry of Justice", "type": "organisation",
         "affiliation": "chile", "aliases": ["Justice Ministry"]},
    ]
)  # fmt: skip


def rows(text: str) -> list[list]:
    return mention_rows(text, ACTORS)


# -- 8. one person from a country ---------------------------------------------------------------


def test_one_person_from_a_country_is_a_place() -> None:
    assert rows("A worker from Bolivia who said she was held for months spoke to us.") == []
    assert rows("One victim from Peru described the guards.") == []
    assert rows("A migrant from Chile was freed on Monday.") == []
    # a country that sends something stays a party
    assert rows("A request from Chile arrived on Monday.") == [["Chile", "chile"]]


# -- 9. the borders of a country ------------------------------------------------------------------


def test_borders_of_a_country_are_a_place() -> None:
    assert rows("Gangs run compounds along the borders of Peru, Chile and Bolivia.") == []
    assert rows("Troops patrol the border of Bolivia at night.") == []
    # the country that guards it acts
    assert rows("Chile closed its border with Bolivia.") == [["Chile", "chile"]]


# -- 10. another country's body of the same name -----------------------------------------------


def test_another_countrys_body_of_the_same_name_is_not_the_tabled_one() -> None:
    assert rows("The US Ministry of Justice declined to comment.") == [["US", "usa"]]
    assert rows("Peru Justice Ministry officials met on Monday.") == [["Peru", "peru"]]
    # the body's own country keeps both; the body alone is the tabled one
    assert rows("Chile's Ministry of Justice said it would appeal.") == [
        ["Chile's", "chile"],
        ["Ministry of Justice", "moj_cl"],
    ]
    assert rows("The Ministry of Justice said it would appeal.") == [
        ["Ministry of Justice", "moj_cl"]
    ]


# -- 11. a listed role written as a longer name -------------------------------------------------

COURTS = Actors.from_records(
    [
        {"id": "chile", "name": "Chile", "type": "country"},
        {"id": "court_cl", "name": "Supreme Court of Chile", "type": "organisation",
         "affiliation": "chile", "roles": ["the court"]},
        {"id": "comm_cl", "name": "Electoral Commission of Chile", "type": "organisation",
         "affiliation": "chile", "roles": ["the commission"]},
    ]
)  # fmt: skip
NAMED = "The Supreme Court of Chile heard the case. "


def test_role_going_on_with_of_and_a_capitalised_word_is_another_name() -> None:
    court = ["Supreme Court of Chile", "court_cl"]
    text = NAMED + "Her lawyer said she would appeal to the Court of Cassation in Rome."
    assert mention_rows(text, COURTS) == [court]
    text = "The Electoral Commission of Chile met. A Commission of Inquiry was set up."
    assert mention_rows(text, COURTS) == [["Electoral Commission of Chile", "comm_cl"]]
    # the role alone, or before "of" + a lower-case word, stays the tabled body
    assert mention_rows(NAMED + "The Court, of course, declined.", COURTS) == [
        court,
        ["The Court", "court_cl"],
    ]
    assert mention_rows(NAMED + "The court of first instance had ruled.", COURTS) == [
        court,
        ["The court", "court_cl"],
    ]


# -- 12. an official record's header ------------------------------------------------------------


def test_official_record_header_is_boilerplate() -> None:
    text = (
        "OFFICIAL REPORT\nNATIONAL ASSEMBLY OF KENYA\nTWELFTH PARLIAMENT, THIRD SESSION\n"
        "Jumanne, 3 Mei 2022\n\nORAL ANSWERS TO QUESTIONS\n\n" + BODY
    )
    assert removed(text) == [
        ("letterhead", "OFFICIAL REPORT"),
        ("letterhead", "NATIONAL ASSEMBLY OF KENYA"),
        ("letterhead", "TWELFTH PARLIAMENT, THIRD SESSION"),
    ]
    # a headline in capitals stays, also over three lines running into a sentence
    assert removed("PERU AND CHILE SIGN TREATY\n\n" + BODY) == []
    text = "PERU AND CHILE SIGN\nFISHING TREATY IN LIMA\nBOTH SIDES HAIL DEAL\nThey met today.\n"
    assert removed(text) == []


# -- 13. goods or people smuggled "to" a country after an object --------------------------------


def test_goods_smuggled_to_a_country_after_an_object_are_a_place() -> None:
    text = "He is accused of smuggling military technology to Bolivia and laundering money."
    assert rows(text) == []
    assert rows("The ring trafficked women to Chile for years.") == []
    assert rows("The gang shipped cocaine to Peru and Chile.") == []
    # a request sent to a country names a party
    assert rows("Chile sent a request to Peru.") == [["Chile", "chile"], ["Peru", "peru"]]


# -- 14. a list of recipients after "to" opened by an untabled name -----------------------------


def test_list_after_to_opened_by_an_untabled_name_is_no_city_and_country() -> None:
    text = "Japan is preparing to donate doses to Taiwan, Chile and Bolivia, officials said."
    assert rows(text) == [["Chile", "chile"], ["Bolivia", "bolivia"]]
    text = "The EU will donate tents to Ecuador, Peru or Bolivia."
    assert rows(text) == [["Peru", "peru"], ["Bolivia", "bolivia"]]
    # a city and its country after "to" stay a place
    assert rows("They flew to Arica, Chile on Monday.") == []
    assert rows("The team moved to Cusco, Peru, last year.") == []


# -- 15. where someone takes part from ----------------------------------------------------------


def test_where_someone_takes_part_from_is_a_place() -> None:
    assert rows("Peru chaired the session from Lima on Tuesday.") == [["Peru", "peru"]]
    assert rows("Delegates joined the call from Chile.") == []
    assert rows("Two ministers were attending from Santiago.") == []
    # a request from a capital names the sender; officials from a country speak for it
    assert rows("A request came from Lima.") == [["Lima", "peru"]]
    assert rows("Officials from Chile joined the talks.") == [["Chile", "chile"]]
