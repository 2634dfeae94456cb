"""Issue 12, wave 19 (held-out sets 76-79): the furniture of the copies a corpus is built from
that mentions must not come from — the end matter of reference pages (reference sections,
encyclopedia chrome), monitoring services' and translators' notes, news databases', feeds',
mail and clipping services' headers and fields, a photo gallery's captions, and the headlines
listed after a story's sign-off. Pages written for these tests (other names and places than the
held-out sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import boilerplate_removed, cleaned_mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "un", "name": "United Nations", "type": "organisation", "aliases": ["UN"]},
    ]
)

BODY = (
    "The Andean Fisheries Forum is a yearly meeting of the fisheries ministers of Peru and "
    "Chile.\n\n"
    "It was first held in Lima in 2009 and adopted a catch-sharing code in 2014.\n\n"
    "Critics in Santiago say the code is rarely enforced.\n\n"
)


def test_reference_sections_and_encyclopedia_chrome() -> None:
    page = (
        "Andean Fisheries Forum\n\nFrom Wikipedia, the free encyclopedia\n\n"
        "History [edit]\n\n" + BODY + "See also [edit]\n"
        "- Fisheries of Peru\n"
        "- Humboldt Current (Chile)\n\n"
        "References [edit]\n"
        '1. "Peru and Chile sign fish pact". El Diario. 4 May 2014.\n'
        "2. United Nations (2019). Fisheries in the Pacific. Geneva.\n\n"
        "This page was last edited on 3 March 2025, at 09:12 (UTC).\n"
        "Text is available under the Creative Commons Attribution-ShareAlike License 4.0; "
        "additional terms may apply.\n"
    )
    assert boilerplate_removed(page) == [
        ("wiki_chrome", "From Wikipedia, the free encyclopedia"),
        ("wiki_edit_mark", "[edit]"),
        ("reference_section", "See also [edit]"),
        ("reference_section", "- Fisheries of Peru"),
        ("reference_section", "- Humboldt Current (Chile)"),
        ("reference_section", "References [edit]"),
        ("reference_section", '1. "Peru and Chile sign fish pact". El Diario. 4 May 2014.'),
        ("reference_section", "2. United Nations (2019). Fisheries in the Pacific. Geneva."),
        ("wiki_chrome", "This page was last edited on 3 March 2025, at 09:12 (UTC)."),
        (
            "wiki_chrome",
            "Text is available under the Creative Commons Attribution-ShareAlike License 4.0; "
            "additional terms may apply.",
        ),
    ]
    # a think-tank paper's notes: the citations go, the author's note in prose stays
    paper = (
        BODY + "NOTES\n"
        "1 The forum is also called the Pacific Fisheries Forum in Chile.\n"
        "/2 Ministry of Production, Annual Report 2021, Lima.\n"
        "3 Interview, Santiago, 4 June 2024.\n"
    )
    assert [rule for rule, _ in boilerplate_removed(paper)] == [
        "credit_line", "reference_section", "reference_section"
    ]  # fmt: skip
    assert cleaned_mention_rows(paper, ACTORS)[-1:] == [["Chile", "chile"]]
    # an inline bibliography after an encyclopedia entry
    entry = (
        BODY + "Bibliography: Ruiz, A. (2018), Fish and Borders, Lima; Soto, M. (2020), Chile.\n"
    )
    assert boilerplate_removed(entry) == [("reference_line", entry.splitlines()[-1])]
    # the text under a "Sources" heading is not a reference list (the bare heading is
    # list_heading's)
    page = BODY + "Sources\n\nOfficials in Lima said the code works.\n"
    assert boilerplate_removed(page) == [("list_heading", "Sources")]


def test_monitoring_and_translation_notes() -> None:
    page = (
        "Peru and Chile to share vessel data - agency\n\n"
        "Text of report in English by Peruvian state news agency Andina\n\n"
        "[Presenter] Peru and Chile agreed on Monday to share satellite data.\n\n"
        "[Video shows officials of Peru and Chile signing the deal in Lima]\n\n"
        "The deal takes effect in June. [Translator's note: the Chile side is the fisheries "
        "undersecretariat.]\n\n"
        "[passage omitted on the history of the dispute with Chile]\n\n"
        "[Captioned: Ana Ruiz, minister] We trust Chile.\n\n"
        "This is Radio Nacional, broadcasting from Lima. Here is the news.\n\n"
        "CPP20140505000123 Lima Radio Nacional in Spanish 1300 GMT 4 May 14\n\n"
        "(Description of Source: Lima Radio Nacional in Spanish -- State radio of Peru)\n\n"
        "Press highlights: Peru, Chile 5 May 14\n\n"
        "BBC Mon LA1 LatPol ab\n"
    )
    assert boilerplate_removed(page) == [
        ("monitoring_header", "Text of report in English by Peruvian state news agency Andina"),
        ("monitoring_label", "[Presenter]"),
        ("monitoring_note", "[Video shows officials of Peru and Chile signing the deal in Lima]"),
        (
            "monitoring_note_end",
            "[Translator's note: the Chile side is the fisheries undersecretariat.]",
        ),
        ("monitoring_note", "[passage omitted on the history of the dispute with Chile]"),
        ("station_ident", "This is Radio Nacional, broadcasting from Lima. Here is the news."),
        (
            "monitoring_header",
            "CPP20140505000123 Lima Radio Nacional in Spanish 1300 GMT 4 May 14",
        ),
        (
            "monitoring_header",
            "(Description of Source: Lima Radio Nacional in Spanish -- State radio of Peru)",
        ),
        ("press_review_heading", "Press highlights: Peru, Chile 5 May 14"),
        ("monitoring_header", "BBC Mon LA1 LatPol ab"),
    ]
    # the captioned speaker's label and a plain "This is …" sentence stay
    assert cleaned_mention_rows(page, ACTORS) == [
        ["Peru", "peru"], ["Chile", "chile"],  # headline
        ["Peru", "peru"], ["Chile", "chile"],  # first sentence
        ["Chile", "chile"],  # "We trust Chile."
    ]  # fmt: skip
    assert boilerplate_removed(BODY + "This is the first forum held in Lima.\n") == []


def test_database_feed_mail_and_clipping_furniture() -> None:
    nexis = (
        "Peru, Chile sign fish pact\n\nThe Andes Times (Peru)\nMay 5, 2014 Monday\n\n"
        "Section: WORLD; Pg. 4\nLength: 310 words\nByline: Ana Ruiz\nDateline: LIMA\n\nBody\n\n"
        + BODY
        + "Load-Date: May 6, 2014\n\nEnd of Document\n"
    )
    assert [r for r in boilerplate_removed(nexis) if r[0] != "timestamp"] == [
        ("database_source", "The Andes Times (Peru)"),
        ("database_field", "Section: WORLD; Pg. 4"),
        ("database_field", "Length: 310 words"),
        ("database_field", "Byline: Ana Ruiz"),
        ("database_field", "Dateline: LIMA"),
        ("database_field", "Load-Date: May 6, 2014"),
        ("database_field", "End of Document"),
    ]
    newsbank = (
        "Peru Daily (Peru) - May 5, 2014\nAuthor: PD\nWord Count: 310\n\n" + BODY + "Citation "
        "(aglc Style)\n'Peru, Chile sign fish pact', Peru Daily (online), 5 May 2014 <https://x>\n"
    )
    assert [rule for rule, _ in boilerplate_removed(newsbank)] == [
        "database_source", "database_field", "database_field", "citation_heading",
        "citation_heading",
    ]  # fmt: skip
    yahoo = (
        BODY + "Recommended stories\n\nKenya opens fish market\nReuters · 2 days ago\n\n"
        "Ghana bans trawlers\nThe Independent · 5 days ago\n"
    )
    assert [text for _, text in boilerplate_removed(yahoo)] == [
        "Recommended stories", "Kenya opens fish market", "Reuters · 2 days ago",
        "Ghana bans trawlers", "The Independent · 5 days ago",
    ]  # fmt: skip
    mail = (
        "From: Ana Ruiz <a.ruiz@example.org>\nSent: Monday, May 5, 2014 9:00 AM\n"
        "To: fisheries team\nSubject: FW: Pacific Fish Bulletin – No. 7\n\n"
        "PACIFIC FISH BULLETIN\n\n" + BODY
    )
    assert [rule for rule, _ in boilerplate_removed(mail)] == ["mail_header"] * 4 + [
        "newsletter_masthead"
    ]
    feed = (
        "<item>\n<title>Peru and Chile sign fish pact</title>\n"
        '<category>Peru-Chile</category>\n<guid isPermaLink="false">AB12</guid>\n</item>\n'
    )
    assert cleaned_mention_rows(feed, ACTORS) == [["Peru", "peru"], ["Chile", "chile"]]
    clipping = (
        "PRESS CLIPS MONITORING          Ref: 55512345\nThe Lima Courier, Lima\n"
        "5 May 2014, by Ana Ruiz\n\n" + BODY
    )
    assert [rule for rule, _ in boilerplate_removed(clipping)] == ["clipping_ref"] * 3
    portal = (
        "Ministry of Foreign Affairs of the Republic of Peru\n\n"
        + BODY
        + "Portal of the Government of the Republic of Chile\n"
    )
    assert boilerplate_removed(portal) == [
        ("page_header", "Ministry of Foreign Affairs of the Republic of Peru"),
        ("portal_banner", "Portal of the Government of the Republic of Chile"),
    ]
    factiva = (
        "HD Peru, Chile sign fish pact\nWC 310 words\nCO minprod : Ministry | x : Y\n\n" + BODY
    )
    assert [rule for rule, _ in boilerplate_removed(factiva)] == ["factiva_code"] * 2


def test_photo_gallery_captions_and_their_credits() -> None:
    page = (
        BODY + 'Photo 1 of 3: The ministers of Peru and Chile. "We trust Lima," one said. AT/Ana '
        "Ruiz\n\n"
        "Photo 2 of 3 – Boats in the port of Santiago.\n\n"
        "Fishermen land the catch in Lima\nAT/Luis Soto\n"
    )
    assert boilerplate_removed(page) == [
        (
            "gallery_caption",
            'Photo 1 of 3: The ministers of Peru and Chile. "We trust Lima," one said. AT/Ana Ruiz',
        ),
        ("gallery_caption", "Photo 2 of 3 – Boats in the port of Santiago."),
        ("photo_caption", "Fishermen land the catch in Lima"),
        ("credit_line", "AT/Luis Soto"),
    ]


def test_headlines_listed_after_the_sign_off() -> None:
    page = (
        BODY + "The code will be reviewed in 2026. – Andes.com\n\n"
        "- Kenya, Ghana sign tuna deal\n"
        "- UN warns of empty seas\n"
    )
    assert boilerplate_removed(page) == [
        ("related_list", "- Kenya, Ghana sign tuna deal"),
        ("related_list", "- UN warns of empty seas"),
    ]
    # with a bare "READ:" over them
    page = BODY + "It ends in May. – Andes.com\n\nREAD:\n- Kenya, Ghana sign tuna deal\n"
    assert [rule for rule, _ in boilerplate_removed(page)] == ["read_more", "read_more"]
    # a list of points with full stops after the sign-off is text
    page = BODY + "It ends in May. – Andes.com\n\n- Kenya will join in 2026.\n"
    assert boilerplate_removed(page) == []
    page = BODY + "It ends. – Andes.com\n\n- Ghana joins\n"
    assert cleaned_mention_rows(page, ACTORS) == [["Peru", "peru"], ["Chile", "chile"]]
