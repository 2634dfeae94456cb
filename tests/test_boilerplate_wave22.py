"""Wave 22: common forms of web and wire copy that clean_boilerplate missed — wire update notes,
site header and footer bars, previous/next links, page meta lines, slash breadcrumbs in
capitals, a "More from …" heading with small words and its list, and a pull-quote box. Texts
written for these tests; each positive case failed before the wave's rules."""

from __future__ import annotations

import pytest

from tests.conftest import PAGE_HEAD, PAGE_TAIL, boilerplate_removed, cleaned_text, removed_between

# --- 1. wire update notes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "(Adds comment from Chinese embassy, UNODC in paragraphs 6-8)",
        "(Updates with arrests, adds quotes)",
        "(Recasts with ministry statement)",
        "(Corrects spelling of name in paragraph 4)",
        "(Adds details throughout)",
        "(Refiles to fix typo in headline)",
        "(Writes through with details from news conference)",
        "(UPDATES with official comment)",
        "(Adds byline, more details; changes dateline)",
    ],
)
def test_wire_update_note(note: str) -> None:
    assert removed_between(note) == [("update_line", note)]
    assert cleaned_text(PAGE_HEAD + note + PAGE_TAIL) == PAGE_HEAD + PAGE_TAIL[1:]


@pytest.mark.parametrize(
    "note",
    [
        "*This story has been updated with comment from the ministry.",
        "(This story has been updated to add comment from the ministry.)",
        "[This article was updated on 12 March 2024 to add a response from police.]",
        "This version of the story has been updated to add arrests.",
        "Article updated on 12 March 2024 to add comment from police.",
    ],
)
def test_updated_story_note(note: str) -> None:
    assert removed_between(note) == [("update_line", note)]


@pytest.mark.parametrize(
    "body",
    [
        "(The ministry did not say how many were arrested.)",
        "(Adding to the pressure, Thailand cut power to the compounds.)",
        "Updates on the case will follow, the ministry said.",
        "The article was shared widely on social media.",
    ],
)
def test_bracketed_body_sentence_stays(body: str) -> None:
    assert removed_between(body) == []


# --- 2. site header and footer bars ----------------------------------------------------------


@pytest.mark.parametrize(
    "bar",
    [
        "Kunming, China | Official Website of Kunming Municipal People's Government",
        "Nanning China | english.nanning.gov.cn",
        "National News Bureau of Thailand | Government Public Relations Department",
        "Ministry of Foreign Affairs of Thailand | mfa.go.th",
        "Xinhua | english.news.cn",
        "Copyright Notice | Official Portal of the Government of Yunnan",
    ],
)
def test_site_bar(bar: str) -> None:
    assert removed_between(bar) == [("page_bar", bar)]


@pytest.mark.parametrize(
    "line",
    [
        "Kunming police | 14 arrested in raids on scam compounds",
        "Thailand's Department of Special Investigation | It will pursue the case.",
        "Country | Cases referred to prosecutors",  # a table's head
    ],
)
def test_bar_with_sentence_stays(line: str) -> None:
    assert removed_between(line) == []


# --- 3. previous / next links ----------------------------------------------------------------


@pytest.mark.parametrize(
    "nav",
    [
        "[Previous] 11th CAEXPO closes with record deals",
        "[Next] ASEAN business leaders tour Qinzhou port",
        "[ Prev ] Laos hosts drug control talks",
        "« Previous story",
        "‹ Older post",
        "Previous story",
        "Next article",
    ],
)
def test_page_nav(nav: str) -> None:
    assert removed_between(nav) == [("page_nav", nav)]


def test_page_nav_pair() -> None:
    page = (
        PAGE_HEAD + "[Previous] 11th CAEXPO closes with record deals\n"
        "[Next] ASEAN business leaders tour Qinzhou port\n"
    )
    assert cleaned_text(page) == PAGE_HEAD


@pytest.mark.parametrize(
    "line",
    [
        "Next year the expo will move to Qinzhou.",
        "[Next, the ministry will audit the compounds.]",
        "Previous talks in Kunming ended without a deal.",
    ],
)
def test_nav_words_in_text_stay(line: str) -> None:
    assert removed_between(line) == []


# --- 4. page meta lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "meta",
    [
        "Release time: 2014-09-17   Source: CAEXPO Secretariat   Views: 1,208",
        "Posted: 12/03/2019 09:14  Updated: 12/03/2019 11:02",
        "Updated: Sep 17, 2014 10:02 AM  Source: Xinhua",
        "From: China Daily   Editor: Li Yan",
        "Writer: Nguyen Lan · Editor: Wang Lin · Hits: 3421",
        "Views: 1,208",
        "Release date: 2014-09-17 10:32:11",
    ],
)
def test_page_meta(meta: str) -> None:
    assert removed_between(meta) == [("page_meta", meta)]


def test_source_editor_line_still_goes() -> None:
    line = "Source: Xinhua | Editor: Wang Lin"
    assert removed_between(line) == [("source_line", line)]


@pytest.mark.parametrize(
    "line",
    [
        "Views: The ministry says the raids will continue.",
        "Editor: Wang Lin",
        "Source of the funds: 12 shell companies, police said.",
    ],
)
def test_label_with_text_stays(line: str) -> None:
    assert removed_between(line) == []


# --- 5. slash breadcrumbs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "crumb", ["WORLD / ASEAN", "BUSINESS / ECONOMY", "China / ASEAN", "NEWS / ASIA / THAILAND"]
)
def test_slash_breadcrumb(crumb: str) -> None:
    assert removed_between(crumb) == [("breadcrumb", crumb)]


@pytest.mark.parametrize(
    "line",
    [
        "CHINA / ASEAN TALKS OPEN IN KUNMING ON TUESDAY",
        "Thailand / Myanmar border talks resume on Monday.",
        "The ministry / police said nothing.",
        "MEDIA STATEMENT / KENYATAAN MEDIA",  # a bilingual heading (the letterhead's)
    ],
)
def test_slash_in_text_stays(line: str) -> None:
    assert removed_between(line) == []


# --- 6. related-stories heading without a colon ----------------------------------------------


def test_more_from_heading_with_small_words() -> None:
    page = (
        PAGE_HEAD + "More from This Week in Asia\n"
        "- Myanmar junta vows to demolish KK Park\n"
        "- Thai police raid call centre in Mae Sot\n" + PAGE_TAIL
    )
    assert boilerplate_removed(page) == [
        ("list_heading", "More from This Week in Asia"),
        ("list_heading", "- Myanmar junta vows to demolish KK Park"),
        ("list_heading", "- Thai police raid call centre in Mae Sot"),
    ]
    assert cleaned_text(page) == PAGE_HEAD + PAGE_TAIL


def test_more_from_heading_with_of() -> None:
    page = PAGE_HEAD + "More from Voice of America\n• Laos seizes record meth haul\n"
    assert [r for r, _ in boilerplate_removed(page)] == ["list_heading", "list_heading"]


def test_more_from_sentence_stays() -> None:
    assert removed_between("More from the ministry is expected on Friday.") == []
    assert removed_between("More of the suspects were found in Laos.") == []


# --- 7. pull-quote box -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "quote"),
    [
        ("Quote of the day", "“We will not let the scam compounds return.” — Anutin Charnvirakul"),
        ("QUOTE OF THE DAY", '"Crime has no borders, and nor should justice." — Wang Yi'),
        ("Quote of the week", '"We need more cooperation with China" -- Prak Sokhonn, minister'),
        ("Quote of the Day:", "‘The fight is far from over.’ – Lt Gen Somchai"),
    ],
)
def test_pull_quote(heading: str, quote: str) -> None:
    page = PAGE_HEAD + heading + "\n" + quote + PAGE_TAIL
    assert boilerplate_removed(page) == [("pull_quote", heading), ("pull_quote", quote)]
    assert cleaned_text(page) == PAGE_HEAD + PAGE_TAIL[1:]


def test_pull_quote_attribution_on_its_own_line() -> None:
    page = PAGE_HEAD + "Quote of the day\n\n“Crime has no borders.”\n— Wang Yi\n" + PAGE_TAIL
    assert [r for r, _ in boilerplate_removed(page)] == ["pull_quote"] * 3


def test_quote_of_the_day_without_a_quote_stays() -> None:
    page = (
        PAGE_HEAD
        + "Quote of the day\n\nThe minister spoke for an hour about the raids."
        + PAGE_TAIL
    )
    assert boilerplate_removed(page) == []
    # an attributed quote in the story's text, without the box's heading, stays
    page = PAGE_HEAD + '"Crime has no borders." — Wang Yi' + PAGE_TAIL
    assert boilerplate_removed(page) == []
