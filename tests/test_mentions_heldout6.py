"""Regression tests for the mention failure classes of held-out set 6 (issue 12): a news
agency's name that is also an actor's alias, datelines of any actor's city alias, "into X",
"in X on <weekday>", "told reporters in X", copyright lines, and names inside the proper name
of something untabled. Sentences written for the test; expected values by hand."""

from __future__ import annotations

from analysis.actors import Actors, find_mentions
from analysis.boilerplate import clean_boilerplate
from analysis.text import tokenize
from tests.conftest import make_docs

ACTORS = Actors.from_records(
    [
        {"id": "afp_police", "name": "Australian Federal Police", "type": "organisation",
         "aliases": ["AFP"]},
        {"id": "eu", "name": "European Union", "type": "organisation", "aliases": ["EU", "Brussels"]},
        {"id": "china", "name": "China", "type": "country", "aliases": ["Beijing"]},
        {"id": "indonesia", "name": "Indonesia", "type": "country", "aliases": ["Jakarta"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "togo", "name": "Togo", "type": "country"},
        {"id": "ivory", "name": "Ivory Coast", "type": "country"},
        {"id": "spf", "name": "Singapore Police Force", "type": "organisation",
         "roles": ["the police"]},
    ]
)  # fmt: skip


def mentions(*texts: str) -> list[list[str]]:
    docs = make_docs(*texts)
    toks = tokenize(docs, line_breaks="paragraph")
    found = find_mentions(toks, ACTORS, docs=docs)
    return found[["doc_id", "surface", "actor_id"]].values.tolist()


# -- 1. a news agency's name that is also an actor's alias --------------------------------------
def test_a_news_agency_is_not_the_actor_sharing_its_name() -> None:
    # the document uses "AFP" as the agency ("told AFP") and never names the police
    assert mentions("The envoy told AFP that talks would resume.") == []
    assert mentions("An AFP reporter saw the boats. The envoy left.") == []
    # every "AFP" of such a document is the agency, also one that is not in an agency context
    assert mentions("SYDNEY (AFP) - Talks ended.\n\nAFP said it was leaving.") == []


def test_the_agency_spelling_counts_where_the_actor_is_named() -> None:
    # the full name in the document: "AFP" is the police (the abbreviation counted once)
    text = "The Australian Federal Police (AFP) will train them. AFP officers told AFP so."
    assert mentions(text) == [
        ["d1", "Australian Federal Police", "afp_police"],
        ["d1", "AFP", "afp_police"],
        ["d1", "AFP", "afp_police"],
    ]
    # no agency use in the document: the alias counts as before
    assert mentions("An AFP spokesperson has confirmed the arrests.") == [
        ["d1", "AFP", "afp_police"]
    ]


# -- 2. datelines ----------------------------------------------------------------------------
def test_a_slash_list_dateline_is_not_a_mention() -> None:
    # Brussels is an alias of an organisation (not a place actor): still no mention
    assert mentions("BEIJING/BRUSSELS, Sept 9 (Reuters) - China filed a complaint.") == [
        ["d1", "China", "china"]
    ]


def test_a_title_case_city_and_date_is_a_dateline() -> None:
    assert mentions("Jakarta, 14 May 2026 – The minister received her guest.") == []
    # a city that opens a sentence without a date is not a dateline
    assert mentions("Jakarta, for its part, rejected the claim.") == [
        ["d1", "Jakarta", "indonesia"]
    ]


# -- 4. places after "into", "in X on <weekday>", "told reporters in X" ------------------------
def test_into_after_a_verb_of_moving_is_a_destination() -> None:
    text = "Smugglers moved 150,000 tonnes across the border into Ivory Coast and Togo."
    assert mentions(text) == []
    # "into" without a verb of moving: the country is not a destination
    assert mentions("Ghana entered into talks with Togo.") == [
        ["d1", "Ghana", "ghana"],
        ["d1", "Togo", "togo"],
    ]


def test_in_x_on_a_weekday_and_told_reporters_in_x_are_places() -> None:
    assert mentions("She received Minister Tran in Jakarta on Thursday.") == []
    assert mentions('"The door is open," the commissioner told reporters in Brussels.') == []


# -- 3. copyright lines (boilerplate) -----------------------------------------------------------
def test_a_copyright_line_is_boilerplate() -> None:
    body = "Cocoa prices rose again this week as smugglers moved beans across the border."
    docs = make_docs(body + "\n\n© 2026 Accra Daily Online. All rights reserved.")
    cleaned, removed = clean_boilerplate(docs)
    # the line goes (with its line break); the blank line before it stays
    assert cleaned["text"].tolist() == [body + "\n"]
    assert removed["rule"].tolist() == ["copyright_line"]
    # a sentence about copyright is not a copyright line
    docs = make_docs("Copyright law in the EU changed in 2019.")
    assert clean_boilerplate(docs)[0]["text"].tolist() == [
        "Copyright law in the EU changed in 2019."
    ]


# -- 5. a name inside the proper name of something untabled --------------------------------------
def test_a_role_inside_a_proper_name_is_not_the_role() -> None:
    # (a role counts after the actor's name in the same document)
    named = "The Singapore Police Force raided 12 sites."
    assert mentions(named + " He spoke at the Police Cantonment Complex on Monday.") == [
        ["d1", "Singapore Police Force", "spf"]
    ]
    assert mentions(named + " The police said 42 people were held.") == [
        ["d1", "Singapore Police Force", "spf"],
        ["d1", "The police", "spf"],
    ]


def test_a_country_inside_an_untabled_agency_name_is_not_the_country() -> None:
    assert mentions("Trade grew, according to data from Statistics Indonesia (BPS).") == []
    assert mentions("Indonesia (RI) signed the deal.") == [["d1", "Indonesia", "indonesia"]]


# -- 3. press-release letterhead and contact block -----------------------------------------------
RELEASE_ACTORS = Actors.from_records(
    [
        {"id": "kemlu", "name": "Ministry of Foreign Affairs of the Republic of Indonesia",
         "type": "organisation"},
        {"id": "indonesia", "name": "Indonesia", "type": "country"},
    ]
)  # fmt: skip


def release_mentions(text: str, line_breaks: str) -> list[str]:
    docs = make_docs(text)
    toks = tokenize(docs, line_breaks=line_breaks)
    return find_mentions(toks, RELEASE_ACTORS, docs=docs)["surface"].tolist()


def test_a_press_release_letterhead_and_contact_block_are_not_mentions() -> None:
    text = (
        "PRESS RELEASE\nMinistry of Foreign Affairs of the Republic of Indonesia\n"
        "No. 045/PR/V/2026\n\nIndonesia Hosts Talks\n\n"
        "The Ministry of Foreign Affairs of the Republic of Indonesia hosted the talks.\n\n"
        "For further information, please contact:\n"
        "Directorate of Media, Ministry of Foreign Affairs of the Republic of Indonesia\n"
        "Email: media@example.org\n"
    )
    # the headline and the body sentence count; the letterhead and the contact block do not
    expected = ["Indonesia", "Ministry of Foreign Affairs of the Republic of Indonesia"]
    assert release_mentions(text, "paragraph") == expected
    assert release_mentions(text, "line") == expected


def test_a_press_release_named_in_a_sentence_keeps_its_mentions() -> None:
    # "Press release:" with a colon is a label, not the letterhead heading
    text = "Press release: Indonesia hosts the talks."
    assert release_mentions(text, "paragraph") == ["Indonesia"]
