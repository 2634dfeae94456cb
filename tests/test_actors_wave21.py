"""Issue 12, wave 21: one regression test per class of false or missed mentions left on the
held-out sets 61, 71 and 89-96 (read after their blind scores): places in timelines and fact
boxes, a capital as an administrative unit or a venue's owner, a reporter's post, a return
home, a title's time word, people who come for their state, a person's country closing a
who's-who line, a short form before the full name, and the boilerplate of blogs, newsletters,
tables and video pages. Sentences written for these tests (other names and places than the
sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import boilerplate_removed, cleaned_mention_rows, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": ["Tokar"]},
        {"id": "union", "name": "Northern Union", "type": "organisation", "aliases": ["NU"]},
        {"id": "vance", "name": "Mira Vance", "type": "person", "affiliation": "ruritania",
         "titles": ["Attorney General"], "short": ["Vance"]},
    ]
)  # fmt: skip


def test_a_place_after_a_timeline_or_fact_box_label_is_no_actor() -> None:
    text = (
        "Timeline\n\n"
        "• May 2014 – Tokar, Elbonia: fraud is added to the agenda.\n"
        "• 2018: Harbour Town, Ruritania: the NU joins as an observer.\n\n"
        "Founded: 2004, Port Lis, Elbonia\n"
        "Next meeting: 13th, 2027, Strelsau, Ruritania\n"
        "Venue: National Convention Centre, Strelsau\n"
        "Host: Elbonia (Tokar)\n\n"
        "Speakers: Mira Vance, Ruritania"
    )
    # the colon after "Host" opens no place: Elbonia hosts; a person before the comma makes
    # the country hers, not a place
    assert mention_rows(text, ACTORS) == [
        ["NU", "union"], ["Elbonia", "elbonia"], ["Mira Vance", "vance"],
        ["Ruritania", "ruritania"],
    ]  # fmt: skip


def test_a_capital_as_a_province_a_venue_or_a_reporters_post_is_no_actor() -> None:
    text = (
        "Victims were taken home to villages in Kemp and Strelsau provinces. Our Elbonia "
        "correspondent has more. The talks met at Tokar's National Convention Centre. "
        "Strelsau's prosecutors agreed."
    )
    assert mention_rows(text, ACTORS) == [["Strelsau's", "ruritania"]]


def test_a_return_home_and_a_survivor_by_origin_are_places() -> None:
    text = (
        "The NU vows to bring fugitives home from Elbonia. They came back from Ruritania. "
        "A survivor from Elbonia spoke. Requests from Ruritania were answered."
    )
    assert mention_rows(text, ACTORS) == [["NU", "union"], ["Ruritania", "ruritania"]]


def test_a_countrys_new_attorney_general_is_one_mention_of_the_person() -> None:
    text = "Ruritania's new Attorney General Mira Vance spoke. Ruritania's new law passed."
    assert mention_rows(text, ACTORS) == [
        ["Attorney General Mira Vance", "vance"], ["Ruritania's", "ruritania"]
    ]  # fmt: skip


def test_representatives_from_countries_after_attending_are_parties() -> None:
    text = (
        "Also attending: representatives from Elbonia and Ruritania. Mira Vance chaired the "
        "session from Tokar."
    )
    assert mention_rows(text, ACTORS) == [
        ["Elbonia", "elbonia"], ["Ruritania", "ruritania"], ["Mira Vance", "vance"]
    ]  # fmt: skip


def test_a_persons_country_closing_a_whos_who_line_is_a_mention() -> None:
    text = (
        "Faces to watch.\n\n"
        "Attorney General Mira Vance (Ruritania)\n"
        "In office since 2024. Vance has pushed for a shared register."
    )
    assert mention_rows(text, ACTORS) == [
        ["Attorney General Mira Vance", "vance"], ["Ruritania", "ruritania"], ["Vance", "vance"]
    ]  # fmt: skip


def test_a_short_form_before_the_full_name_counts_but_not_in_a_bylines_name() -> None:
    text = (
        "Talks end in Tokar\n\n"
        "Delegates from nine offices met for two days of talks on fraud.\n\n"
        "Her counterpart and Vance both backed the idea of a register.\n\n"
        "Tom Vance\n\n"
        "The NU later met Mira Vance on the sidelines."
    )
    assert mention_rows(text, ACTORS) == [
        ["Vance", "vance"], ["NU", "union"], ["Mira Vance", "vance"]
    ]  # fmt: skip


def test_footnotes_editor_credits_video_teasers_and_outlet_blurbs_are_boilerplate() -> None:
    text = (
        "Prosecutors agree on a register\n\n"
        "Elbonia and Ruritania agreed on Friday to set up a shared register of fraud cases, "
        "the NU said in a statement after two days of talks in the capital.[1]\n\n"
        "The register will open next year, officials said, and will hold the details of "
        "cases that cross the border between the two countries.\n\n"
        "[1] Joint Statement of the NU, Tokar, 20 February 2024.\n"
        "[2] Ibid., para. 4.\n\n"
        "(Web editor: Li Wen, Hu Jie)\n"
        "Watch: Highlights of the talks (2:14)\n"
        "Sources: NU; Elbonia Gazette\n"
        "The Northern Union Digest is an independent publication. It is not affiliated with "
        "the NU.\n"
        'To unsubscribe, reply with "STOP". © 2024 Northern Union Digest\n'
        "Daily Star | Ruritania > Law\n"
        "ELBONIA | By Li Wen | dailystar.com | Updated: 2024-09-19 17:05\n\n"
        "Read more from the Daily Star:\n"
        "NU names a new head of its legal office\n"
        "Elbonia backs regional task force"
    )
    assert [r for r, _ in boilerplate_removed(text)] == [
        "footnote", "footnote", "editor_credit", "media_teaser", "source_line",
        "outlet_blurb", "unsubscribe_line", "breadcrumb", "byline_bar", "list_heading",
        "list_heading",
        "list_heading",
    ]  # fmt: skip
    assert cleaned_mention_rows(text, ACTORS) == [
        ["Elbonia", "elbonia"], ["Ruritania", "ruritania"], ["NU", "union"]
    ]  # fmt: skip


def test_a_table_written_with_bars_is_kept_and_a_menu_is_not() -> None:
    text = (
        "Who asked whom for help\n\n"
        "Requests for legal assistance were the main business of this week's meeting in "
        "Strelsau, according to figures presented by the host delegation.\n\n"
        "Office | Country | Top partner | Requests sent\n"
        "Legal Office | Ruritania | Elbonia | 312\n"
        "Procuracy | Elbonia | Ruritania | 148\n\n"
        "Home | News | World | Sport\n"
        "About | Contact | Careers | Advertise\n"
        "Privacy | Terms | Cookies | Sitemap\n\n"
        "Elbonia received more requests than it sent, officials said."
    )
    assert [r for r, _ in boilerplate_removed(text)] == ["breadcrumb", "page_bar", "page_bar"]
    assert cleaned_mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Elbonia", "elbonia"], ["Elbonia", "elbonia"],
        ["Ruritania", "ruritania"], ["Elbonia", "elbonia"],
    ]  # fmt: skip


def test_a_country_listed_after_an_untabled_place_after_in_is_a_place() -> None:
    text = (
        "The talks went well. Prosecutors in Central Europe and Elbonia met on Monday. "
        "Ruritania has asked its counterparts in the NU and Elbonia to help."
    )
    # the second sentence lists two parties: the first is tabled
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["NU", "union"], ["Elbonia", "elbonia"]
    ]  # fmt: skip


def test_a_city_alone_in_brackets_before_a_dash_is_a_dateline() -> None:
    text = (
        "Deal on scam proceeds\n\n"
        "(Tokar) — Elbonia and Ruritania have agreed to return the proceeds of fraud to the "
        "victims' banks within ninety days, the NU said on Friday after two days of talks.\n\n"
        "(The figures were revised) — Ruritania sent 40 requests last year."
    )
    assert [r for r, _ in boilerplate_removed(text)] == ["bracket_release_dateline"]
    assert cleaned_mention_rows(text, ACTORS) == [
        ["Elbonia", "elbonia"], ["Ruritania", "ruritania"], ["NU", "union"],
        ["Ruritania", "ruritania"],
    ]  # fmt: skip


def test_a_short_form_written_in_lower_case_is_a_word() -> None:
    said = Actors.from_records(
        [{"id": "said", "name": "Omar Said", "type": "person", "titles": ["President"],
          "short": ["Said"]}]
    )  # fmt: skip
    text = "Talks end\n\nThe talks ended. President Omar Said arrived. He said no. Said left."
    assert mention_rows(text, said) == [["President Omar Said", "said"], ["Said", "said"]]


def test_an_outlet_named_after_a_country_and_a_roundups_section_label() -> None:
    text = (
        "Around the region\n\n"
        "ELBONIA\n\n"
        "Prosecutors seek 15 years for a trafficker, Elbonia Now reported. Elbonia agreed. "
        "Agence Ruritania Presse (ARP) carried the story. "
        "Compiled by The Strelsau Post's regional desk. Ruritania now has new rules.\n\n"
        "Members:\nElbonia\nRuritania"
    )
    assert mention_rows(text, ACTORS) == [
        ["Elbonia", "elbonia"], ["Ruritania", "ruritania"], ["Elbonia", "elbonia"],
        ["Ruritania", "ruritania"],
    ]  # fmt: skip


def test_a_capitals_court_a_working_visit_a_list_with_or_and_a_facebook_line() -> None:
    text = (
        "Ringleaders get life as Strelsau court closes fraud trial\n\n"
        "Tokar courts Ruritania on fraud. The NU chief is on a working visit to Elbonia. He "
        "can call a colleague in Port Lis or Strelsau late at night.\n\n"
        "Like us on Facebook to keep updated with the latest news about Ruritania!"
    )
    # "Tokar courts …": the capital acts (a verb, not a court); "a working visit to X" is a
    # place since wave 21 (the adjudicated references, 7 to 3)
    assert [r for r, _ in boilerplate_removed(text)] == ["follow_line"]
    assert cleaned_mention_rows(text, ACTORS) == [
        ["Tokar", "elbonia"], ["Ruritania", "ruritania"], ["NU", "union"]
    ]  # fmt: skip
