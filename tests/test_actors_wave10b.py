"""Issue 12, wave 10 (second helper): one regression test per class of false and missed
mentions and quotes of held-out set 16 (reader comment blocks, a social post's page lines,
hashtags and reaction counts, a PDF page's running heads and footnotes, a TV script's slug and
sign-off, a byline bar with a time stamp, a two-level section bar, "Read more on:", a venue
line above a speech, ...), on sentences written for these tests (not taken from the set), with
hand-computed values."""

from __future__ import annotations

import warnings

import pandas as pd

from analysis.boilerplate import clean_boilerplate


def removed(text: str) -> list[tuple[str, str]]:
    """(rule, removed text) of one document, in line order."""
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [text]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # short test texts: the share warning is expected
        _, rows = clean_boilerplate(docs)
    return [(r, t.strip()) for r, t in zip(rows["rule"], rows["text"], strict=True)]


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
