"""Issue 12, wave 10 (second helper): one regression test per class of false and missed
mentions and quotes of held-out set 16 (reader comment blocks, a social post's page lines,
hashtags and reaction counts, a PDF page's running heads and footnotes, a TV script's slug and
sign-off, a byline bar with a time stamp, a two-level section bar, "Read more on:", a venue
line above a speech, ...), on sentences written for these tests (not taken from the set), with
hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import boilerplate_removed as removed
from tests.conftest import mention_rows

BODY = "The ministers of Kenya and Ghana signed the treaty on Monday.\n\n"


# -- 1. reader comment blocks under a page ------------------------------------------------------


def test_reader_comment_blocks_are_boilerplate() -> None:
    text = (
        BODY + "4 comments\n\nkwame_77: Ghana should have signed years ago.\n"
        "Ama Owusu: Kenya again? Fine by me.\nReply | Like | Report\n\nLast line of the page.\n"
    )
    assert removed(text) == [
        ("reaction_bar", "4 comments"),
        ("comment", "kwame_77: Ghana should have signed years ago."),
        ("comment", "Ama Owusu: Kenya again? Fine by me."),
        ("reaction_bar", "Reply | Like | Report"),
    ]
    # a page's own reply inside the block goes too; the block ends at the first other line
    text = BODY + "View all 2 comments\nPeru Embassy: Thank you!\nJuan P.: Bravo\nThe end.\n"
    assert removed(text) == [
        ("reaction_bar", "View all 2 comments"),
        ("comment", "Peru Embassy: Thank you!"),
        ("comment", "Juan P.: Bravo"),
    ]
    # "Name: text" lines without a comment counter or action bar above stay (Q&A labels)
    text = BODY + "Reporter: What did Ghana offer?\nMensah: Ghana offered a hotline.\n"
    assert removed(text) == []


# -- 2. a social post's page lines, hashtags and reaction counts --------------------------------


def test_social_post_page_lines_hashtags_and_reactions_are_boilerplate() -> None:
    text = (
        "Ministry of Foreign Affairs, Republic of Kenya\n3 March 2021 · 🌐\n\n"
        "Kenya and Ghana signed the treaty today. 🤝\n\n#Kenya #Ghana #Diplomacy\n\n"
        "👍😮 1.2K · 48 comments · 310 shares\n\nLike   Comment   Share\n"
    )
    assert removed(text) == [
        ("post_author", "Ministry of Foreign Affairs, Republic of Kenya"),
        ("post_stamp", "3 March 2021 · 🌐"),
        ("hashtags", "#Kenya #Ghana #Diplomacy"),
        ("reaction_bar", "👍😮 1.2K · 48 comments · 310 shares"),
        ("reaction_bar", "Like   Comment   Share"),
    ]
    # a hashtag inside a sentence is text; "like" in a sentence is text
    text = "Supporters of #GhanaDecides marched in Accra.\nThey would like to vote.\n"
    assert removed(text) == []


# -- 3. a PDF page's running header and footer and its footnotes --------------------------------


def test_pdf_running_heads_and_footnotes_are_boilerplate() -> None:
    text = (
        "CORRIDORS OF TRADE: KENYA AND GHANA COMPARED                 14\n\n"
        "Ghana cut its tariffs in 2019.³ Kenya followed in 2020.⁴\n\n"
        "__________\n"
        "³ Ghana Revenue Authority, Annual Report, Accra, 2020.\n"
        "⁴ Interview with a Kenya Revenue Authority official, Nairobi, 2021.\n\n"
        "15          EAST AFRICA TRADE OBSERVATORY\n"
    )
    assert removed(text) == [
        ("running_head", "CORRIDORS OF TRADE: KENYA AND GHANA COMPARED                 14"),
        ("footnote", "__________"),
        ("footnote", "³ Ghana Revenue Authority, Annual Report, Accra, 2020."),
        ("footnote", "⁴ Interview with a Kenya Revenue Authority official, Nairobi, 2021."),
        ("running_head", "15          EAST AFRICA TRADE OBSERVATORY"),
    ]
    # numbered notes below a separator go with it; numbered paragraphs of a body stay
    text = BODY + "-----\n1. World Bank, Trade Outlook, 2022.\n[2] WTO, Tariff Profiles, 2021.\n"
    assert removed(text) == [
        ("footnote", "-----"),
        ("footnote", "1. World Bank, Trade Outlook, 2022."),
        ("footnote", "[2] WTO, Tariff Profiles, 2021."),
    ]
    text = "1. Ghana will host the talks.\n2. Kenya will chair them.\n"
    assert removed(text) == []
    # a sentence with a number far after it is no running head ("… grew by     12" is rare,
    # but a sentence end before the gap is text)
    assert removed("Kenya signed.      12\n") == []


# -- 4. a TV script's slug and technical lines, a reporter's sign-off ---------------------------


def test_tv_script_slug_and_sign_off_are_boilerplate() -> None:
    text = (
        "ITEM 5 | DURATION 1'45\" | SLUG: KENYA-GHANA TREATY\n\n"
        "REPORTER, VOICE-OVER:\nThe two governments signed the treaty in Accra on Monday.\n\n"
        "REPORTER, PIECE TO CAMERA:\nThe treaty now goes to both parliaments. "
        "Grace Njeri, KBC, Nairobi.\n"
    )
    assert removed(text) == [
        ("script_slug", "ITEM 5 | DURATION 1'45\" | SLUG: KENYA-GHANA TREATY"),
        ("sign_off", "Grace Njeri, KBC, Nairobi."),
    ]
    assert removed("SLUG: GHANA ELECTION\nGhana votes today.\n") == [
        ("script_slug", "SLUG: GHANA ELECTION")
    ]
    # a list of people with their offices is text, not a sign-off
    text = "The signatories were Ama Owusu, GRA, Accra, and Peter Mwangi, KRA, Nairobi.\n"
    assert removed(text) == []


# -- 5. a byline bar with a labelled time stamp, a two-level section bar, "Read more on:" -------


def test_byline_bars_section_bars_and_read_more_on_are_boilerplate() -> None:
    text = "Our Correspondent | Accra | Updated - June 3, 2023 at 10:40 AM.\n\n" + BODY
    assert removed(text) == [
        ("page_bar", "Our Correspondent | Accra | Updated - June 3, 2023 at 10:40 AM.")
    ]
    text = "Athletics > African Championships\n\nKenya win the relay in Accra\n\n" + BODY
    assert removed(text) == [("section_bar", "Athletics > African Championships")]
    text = BODY + "Read more on: Kenya, Trade\n"
    assert removed(text) == [("read_more", "Read more on: Kenya, Trade")]
    # a comparison inside a sentence is text
    assert removed("Growth in Kenya > growth in Ghana, the report said.\n") == []


# -- 6. a venue and date line above a speech ----------------------------------------------------


def test_a_venue_and_date_line_above_a_speech_is_boilerplate() -> None:
    text = (
        "KEYNOTE ADDRESS BY THE MINISTER OF TRADE\n\nKempinski Hotel, Accra, 4 May 2022\n\n"
        "Excellencies,\n\nGhana welcomes you.\n"
    )
    assert removed(text) == [("venue_line", "Kempinski Hotel, Accra, 4 May 2022")]
    assert removed("Serena Hotel, Nairobi, Kenya, March 9, 2019\n\nWelcome.\n") == [
        ("venue_line", "Serena Hotel, Nairobi, Kenya, March 9, 2019")
    ]
    # a sentence with a place and a date is text
    assert removed("The talks opened in Accra, Ghana, on 4 May 2022.\n") == []


# -- mentions: places of set 16 ------------------------------------------------------------------

ACTORS = Actors.from_records(
    [
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "uk", "name": "United Kingdom", "type": "country", "aliases": ["UK", "London"]},
        {"id": "germany", "name": "Germany", "type": "country", "aliases": ["Berlin"]},
        {"id": "au", "name": "African Union", "type": "organisation", "aliases": ["AU"]},
        {"id": "au_states", "name": "AU member states", "type": "group",
         "aliases": ["African countries"]},
        {"id": "afp_police", "name": "Australian Federal Police", "type": "organisation",
         "aliases": ["AFP"]},
    ]
)  # fmt: skip


def mentions_of(text: str) -> list[list]:
    return mention_rows(text, ACTORS)


def test_working_or_speaking_from_a_country_is_a_place() -> None:
    text = "Gangs that once worked from Kenya and Ghana now recruit online."
    assert mentions_of(text) == []
    text = "Speaking from Lima, the minister said the talks would resume."
    assert mentions_of(text) == []
    text = "She spoke from Berlin by video link."
    assert mentions_of(text) == []
    # working with a country is cooperation: it counts
    text = "Kenya worked with Ghana on the draft."
    assert mentions_of(text) == [["Kenya", "kenya"], ["Ghana", "ghana"]]


def test_people_taken_to_a_country_is_a_destination() -> None:
    text = "Most of the workers had been taken to Peru against their will."
    assert mentions_of(text) == []
    text = "The children were taken to Germany and Kenya, police said."
    assert mentions_of(text) == []


def test_a_list_opened_by_a_short_abbreviation_continues() -> None:
    text = "The firm said its offices in the UK, Germany or Kenya were not affected."
    assert mentions_of(text) == []
    # a capital opening the list still does not carry it on ("in Accra, Ghana and Peru …")
    text = "The talks were held in Accra, Ghana and Peru signed the deal."
    assert mentions_of(text) == [["Peru", "peru"]]


def test_a_business_named_by_its_city_is_a_place() -> None:
    text = "The gang attacked a London pathology provider last year."
    assert mentions_of(text) == []
    text = "He hired a Nairobi law firm to file the case."
    assert mentions_of(text) == []
    # a government body after the city's name stays ("a Berlin government official")
    text = "A Berlin government spokesperson denied it."
    assert mentions_of(text) == [["Berlin", "germany"]]


def test_a_venue_after_a_country_named_right_before_is_a_place() -> None:
    text = "Kenya beat Ghana in Accra to reach the final."
    assert mentions_of(text) == [["Kenya", "kenya"], ["Ghana", "ghana"]]


def test_a_number_before_a_group_of_countries_after_in_locates_it() -> None:
    text = "The money went through accounts in three African countries and Peru in a week."
    assert mentions_of(text) == []


def test_sports_crowns_and_cups_named_after_an_actor_are_not_the_actor() -> None:
    text = "Kenya won a fourth AU crown on Sunday."
    assert mentions_of(text) == [["Kenya", "kenya"]]
    text = "Ghana lifted the AU Cup and the AU trophy in Accra."
    assert mentions_of(text) == [["Ghana", "ghana"]]
    # the body itself stays
    text = "The AU congratulated Ghana."
    assert mentions_of(text) == [["AU", "au"], ["Ghana", "ghana"]]


def test_told_the_agency_spelling_is_the_news_agency() -> None:
    text = (
        "The Australian Federal Police (AFP) opened an inquiry. A lawyer for the firm told "
        "AFP that the data was safe."
    )
    assert mentions_of(text) == [["Australian Federal Police", "afp_police"]]
    # "told AFP officers": the police
    text = "The Australian Federal Police (AFP) said the man told AFP officers he was innocent."
    assert mentions_of(text) == [["Australian Federal Police", "afp_police"], ["AFP", "afp_police"]]


# -- mentions: names inside a tabled person's title ------------------------------------------------

PEOPLE = Actors.from_records(
    [
        {"id": "kenya", "name": "Kenya", "type": "country"},
        {"id": "ghana", "name": "Ghana", "type": "country"},
        {"id": "odpp", "name": "Office of the Director of Public Prosecutions",
         "type": "organisation", "affiliation": "kenya", "aliases": ["ODPP"],
         "roles": ["the office"]},
        {"id": "otieno", "name": "Brian Otieno", "type": "person",
         "titles": ["coach", "head coach"], "short": ["Otieno"]},
        {"id": "wanjiru", "name": "Grace Wanjiru", "type": "person", "affiliation": "odpp",
         "titles": ["Ms", "President"], "short": ["Wanjiru"]},
        {"id": "mensah", "name": "Kofi Mensah", "type": "person", "titles": ["Mr", "Director"],
         "short": ["Mensah"]},
    ]
)  # fmt: skip


def test_a_country_before_a_lower_case_title_of_a_tabled_person_is_one_mention() -> None:
    text = "Kenya coach Brian Otieno praised the defence."
    assert mention_rows(text, PEOPLE) == [["coach Brian Otieno", "otieno"]]
    text = "Ghana beat Kenya, and Kenya head coach Brian Otieno resigned."
    assert mention_rows(text, PEOPLE) == [
        ["Ghana", "ghana"],
        ["Kenya", "kenya"],
        ["head coach Brian Otieno", "otieno"],
    ]
    # a title in capitals keeps both (set 2's "Vietnam's Minister of …")
    text = "Kenya President Grace Wanjiru spoke."
    assert mention_rows(text, PEOPLE) == [
        ["Kenya", "kenya"],
        ["President Grace Wanjiru", "wanjiru"],
    ]


def test_an_apposition_with_another_actors_possessive_title_is_not_coded() -> None:
    text = "She met Mr Kofi Mensah, the ODPP's deputy director, on Monday."
    assert mention_rows(text, PEOPLE) == [["Mr Kofi Mensah", "mensah"]]
    text = "Ms Grace Wanjiru, Kenya's chief prosecutor, said so."
    assert mention_rows(text, PEOPLE) == [["Ms Grace Wanjiru", "wanjiru"]]
    # a role there counts (set 4); a capitalised title keeps the body
    text = "The ODPP filed it. Ms Grace Wanjiru, the office's director, said so."
    assert mention_rows(text, PEOPLE) == [
        ["ODPP", "odpp"],
        ["Ms Grace Wanjiru", "wanjiru"],
        ["the office's", "odpp"],
    ]
    text = "Mr Kofi Mensah, the ODPP's Deputy Director, said so."
    assert mention_rows(text, PEOPLE) == [["Mr Kofi Mensah", "mensah"], ["ODPP's", "odpp"]]


def test_an_indefinite_title_in_a_headline_is_not_its_holder() -> None:
    text = "'We Need Faster Courts': A Kenyan Director on Fraud\n\nMr Kofi Mensah spoke to us."
    assert mention_rows(text, PEOPLE) == [["Mr Kofi Mensah", "mensah"]]


def test_a_declaration_named_after_a_city_in_lower_case_is_a_name() -> None:
    text = "- 2019: Nairobi declaration on wildlife crime"
    assert mentions_of(text) == []
    text = "Ghana signed the Accra declaration on trafficking."
    assert mentions_of(text) == [["Ghana", "ghana"]]
    # the country's own name before "declaration" stays
    text = "Kenya declaration of an emergency came late."
    assert mentions_of(text) == [["Kenya", "kenya"]]
