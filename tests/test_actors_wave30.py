"""Issue 12, wave 30: a regression test per class of mentions wrong in the read sets of wave 30
(170, 172, 174, 176: official press releases, outlets outside the region, news naming many
states at once, features and fact-checks; read after their blind scores). A country that closes
the description of a tabled person's post is part of it ("U Thein Zaw Lin, Union Attorney
General of Myanmar."), also when the post was read as the person's title first ("…, the
Attorney General of Malaysia, …"); a tabled body's name alone on its line is the letterhead or
signature of its own release; "Capitalised Authority|Commission of COUNTRY" names an
untabled body; 'a "one China" policy' and "Hong Kong (China)" name no actor; the second city of
a slash dateline without a date is a place. Sentences written for these tests, with
hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "china", "name": "China", "type": "country"},
        {"id": "agc", "name": "Attorney General's Chambers", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["AGC"]},
        {"id": "ospp", "name": "Office of the Supreme Prosecutor", "type": "organisation",
         "affiliation": "borduria"},
        {"id": "kos", "name": "Ana Kos", "type": "person", "affiliation": "agc",
         "titles": ["Attorney General", "Tan Sri"]},
        {"id": "vlad", "name": "Petar Vlad", "type": "person", "affiliation": "ospp",
         "titles": ["Deputy Prosecutor General"]},
    ]
)  # fmt: skip


def test_a_country_closing_a_tabled_persons_post_is_part_of_it() -> None:
    text = (
        "Petar Vlad, a deputy prosecutor general of Borduria who has attended five editions, "
        "spoke first. Tan Sri Ana Kos, the Attorney General of Ruritania, received him. "
        "Ruritania signed."
    )
    assert mention_rows(text, ACTORS) == [
        ["Petar Vlad", "vlad"], ["Tan Sri Ana Kos", "kos"], ["Ruritania", "ruritania"],
    ]  # fmt: skip


def test_a_country_after_an_untabled_name_or_a_verb_stays() -> None:
    text = (
        "Jan Novak, Attorney General of Ruritania, spoke. Ana Kos, who visited Borduria, spoke too."
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Ana Kos", "kos"], ["Borduria", "borduria"],
    ]  # fmt: skip


def test_a_bodys_name_alone_on_its_line_is_its_letterhead() -> None:
    text = (
        "ATTORNEY GENERAL'S CHAMBERS\n\nPress Release No. 4/2016\n\n"
        "The Attorney General's Chambers signed the memorandum with the Office of the Supreme "
        "Prosecutor.\n\nOffice of the Supreme Prosecutor of Borduria\n\n"
        "For media queries, please contact: Ms Tan"
    )
    assert mention_rows(text, ACTORS) == [
        ["Attorney General's Chambers", "agc"], ["Office of the Supreme Prosecutor", "ospp"],
    ]  # fmt: skip


def test_a_country_alone_on_its_line_stays() -> None:
    text = "Participating states:\nRuritania\nBorduria\n\nThe talks ended."
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"], ["Borduria", "borduria"]]


def test_an_untabled_authority_or_commission_of_a_country() -> None:
    text = (
        "The Monetary Authority of Ruritania said banks must check the funds. A complaint went "
        "to the Human Rights Commission of Borduria."
    )
    assert mention_rows(text, ACTORS) == []


def test_a_countrys_government_or_its_court_alone_stays() -> None:
    text = "The Government of Ruritania agreed. The High Court of Borduria ruled."
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"], ["Borduria", "borduria"]]


def test_a_one_china_policy_and_a_territorys_state_in_brackets() -> None:
    text = (
        'Ruritania follows a "one China" policy. Arrests: Hong Kong (China), Ruritania (42). '
        "China agreed."
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Ruritania", "ruritania"], ["China", "china"],
    ]  # fmt: skip


def test_the_second_city_of_a_slash_dateline_without_a_date() -> None:
    text = (
        "NEW ZENDA/STRELSAU - The arrest last month raised a familiar question.\n\nSzohod agreed."
    )
    assert mention_rows(text, ACTORS) == [["Szohod", "borduria"]]


def test_destinations_repeated_with_to_are_places() -> None:
    text = (
        '"They may run to Ruritania, to Borduria, to China," she said. The compounds are '
        "moving – to Borduria, to the China border, even to Africa. Ruritania agreed."
    )
    assert mention_rows(text, ACTORS) == [["Ruritania", "ruritania"]]


def test_passports_from_and_left_for_are_places() -> None:
    text = (
        "Several bosses hold passports from Ruritania or Vanuatu. Three are believed to have "
        "left for Borduria and China. Borduria sent requests to China."
    )
    assert mention_rows(text, ACTORS) == [["Borduria", "borduria"], ["China", "china"]]


def test_no_single_body_is_any_such_body() -> None:
    text = "No single AGC can solve that, the Attorney General's Chambers said."
    assert mention_rows(text, ACTORS) == [["Attorney General's Chambers", "agc"]]
