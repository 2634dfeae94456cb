"""Wave 23 (issue 12: mentions never come from boilerplate lines): an outlet's or NGO's appeal for
support and its description of itself, staff bylines and an investigation's site bar, the
masthead of a translated Chinese-language paper, translation credits (and the editor's line
beside a translator's), the Chinese press's "(City, 21st)" dateline, and a note or appeal that a
hard-wrapped page broke over lines. Texts written for these tests; each positive case failed
before the wave's rules, each guard case stays."""

from __future__ import annotations

import pytest

from tests.conftest import PAGE_HEAD, PAGE_TAIL, boilerplate_removed, cleaned_text, removed_between


def removed_at_end(line: str) -> list[tuple[str, str]]:
    """The removals of a page ending with ``line``."""
    return boilerplate_removed(PAGE_HEAD + PAGE_TAIL[2:] + "\n" + line + "\n")


# --- 1. appeals for support and an outlet's description of itself -----------------------------


@pytest.mark.parametrize(
    "appeal",
    [
        "Support Our Journalism",
        "Become a member",
        "Support The Border Ledger",
        "Please support our work.",
        "The Border Ledger relies on readers like you. Donate today to keep our reporting open.",
        "Mekong Watch is an independent, nonprofit newsroom. Your gift pays for our reporters.",
        "Support our reporting. Mekong Watch is funded by readers like you — donate now.",
        "Support independent reporting. The Border Ledger is a nonprofit — give today.",
        "Our investigations are free for everyone. Help us keep it that way — donate to Mekong "
        "Watch.",
        "Mekong Watch follows dirty money across the region. We can't do this without you. "
        "Donate today.",
        "Your donation keeps our newsroom independent.",
        "We rely on readers to fund our work.",
        "Harbour Press is a reader-funded nonprofit. Become a supporter today.",
        "Mekong Watch's reporting is always free to read. Support Mekong Watch today.",
    ],
)
def test_support_appeal(appeal: str) -> None:
    assert removed_between(appeal) == [("support_appeal", appeal)]
    assert removed_at_end(appeal) == [("support_appeal", appeal)]


@pytest.mark.parametrize(
    "blurb",
    [
        "Mekong Watch is an independent, nonprofit newsroom.",
        "Mekong Watch is a charity registered in Scotland (No. SC041234).",
        "Harbour Press is a registered charity.",
        "The Border Ledger is a not-for-profit investigative newsroom based in Bangkok.",
    ],
)
def test_self_description(blurb: str) -> None:
    assert removed_at_end(blurb) == [("support_appeal", blurb)]


@pytest.mark.parametrize(
    "body",
    [
        "The charity said it had donated 2 million baht to the victims.",
        "The foundation is a charity that has paid for 300 flights home.",
        "Mekong Watch is a network of journalists that obtained the leaked ledgers.",
        "Donations to the temple rose after the raid, the abbot said.",
        "Support for the treaty grew after the raids.",
        "Residents were asked to donate blood at the hospital.",
        '"Your support keeps us going," the activist told reporters.',
        "Police warned that scammers target people like you.",
        "Help arrived on Tuesday when Thai police crossed the bridge.",
        "The group relies on donors in Europe for most of its budget.",
        "Mekong Watch is funded by the European Union. It published the ledgers on Friday.",
        "Donated phones were used to call the victims' families.",
        "ASEAN relies on members to enforce its decisions.",
        "The Mekong Fund is funded by donors in Europe.",
        "Human Rights Watch is a non-profit organisation.",  # no registration, no appeal
    ],
)
def test_story_sentence_about_money_stays(body: str) -> None:
    assert removed_between(body) == []
    assert removed_at_end(body) == []


# --- 2. staff bylines and an investigation's site bar -----------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "By Mekong Watch staff",
        "By The Border Ledger team",
        "By Harbour Press staff in Penang",
        "By our correspondent",
        "By a staff reporter",
        "By our reporter Tan Mei Ling (陈美玲)",
        "By this newspaper's reporter Wu Jun (吴军)",
    ],
)
def test_staff_byline(byline: str) -> None:
    assert removed_between(byline) == [("byline", byline)]


@pytest.mark.parametrize(
    "line",
    [
        "By our count, 40 people were held in the compound.",
        "By the time police arrived, the compound was empty.",
        "By ASEAN standards the fine was small.",
    ],
)
def test_by_in_text_stays(line: str) -> None:
    assert removed_between(line) == []


@pytest.mark.parametrize(
    "bar",
    [
        "Mekong Watch | Border Money | About this investigation",
        "The Border Ledger | About us",
        "Harbour Press | Casino Files | How we did it",
    ],
)
def test_investigation_bar(bar: str) -> None:
    assert removed_between(bar) == [("page_bar", bar)]


def test_bar_with_headline_stays() -> None:
    assert removed_between("Mekong Watch | Scam bosses face trial in Bangkok") == []


# --- 3. mastheads of translated Chinese-language papers ---------------------------------------


@pytest.mark.parametrize(
    "bar",
    [
        "诗华日报 See Hua Daily News | 国际 World",
        "世界日报 World News (Philippines) | 菲律宾 Philippines",
        "Lianhe Wanbao 联合晚报 | Singapore",
        "西贡解放日报 Saigon Giai Phong | 新闻 News | 越南 Vietnam",
        "华商报 Hua Shang Bao | 泰国 | Thailand",
    ],
)
def test_masthead_bar(bar: str) -> None:
    assert removed_between(bar) == [("masthead_bar", bar)]


@pytest.mark.parametrize(
    "line",
    [
        "中国 China | scam parks spread across the region",
        "昆明 Kunming | Police arrest 14 in raids on call centres",
        "诗华日报 See Hua Daily News reported the arrests on Monday.",
    ],
)
def test_chinese_words_in_text_stay(line: str) -> None:
    assert removed_between(line) == []


def test_chinese_copyright_line() -> None:
    line = "See Hua Daily News · 诗华日报社 版权所有"
    assert removed_at_end(line) == [("copyright_line", line)]


# --- 4. translation credits -------------------------------------------------------------------


@pytest.mark.parametrize(
    "credit",
    [
        "This is a translation of a report first published in See Hua Daily News on 3 May 2022.",
        "This is an edited translation of an editorial in Hua Shang Bao, Bangkok, 4 June 2020. "
        "Translated from Chinese by Chen Li for Mekong Watch.",
        "This article was translated from Khmer by Sok Dara.",
        "Translated from Vietnamese by Tran Minh. This is a translation of a report in Thanh Nien.",
        "Translated by Nguyen Lan",
        "Translated from Thai.",
        "English translation by Mekong Watch.",
        "Translator: Ayu Lestari",
        "Translated by: Pham Thu Ha and Le Van Nam",
        "Translator's notes appear in brackets.",
    ],
)
def test_translation_credit(credit: str) -> None:
    assert removed_between(credit) == [("translation_credit", credit)]


def test_editor_line_beside_translator_goes() -> None:
    page = (
        "Johor court jails 12 in phone scam\n\nTranslator: Ayu Lestari\nEditor: Budi Prasetyo\n"
        "Thursday, 2 May 2019 10:05 WIB\n\n" + PAGE_HEAD + PAGE_TAIL
    )
    assert boilerplate_removed(page)[:2] == [
        ("translation_credit", "Translator: Ayu Lestari"),
        ("translation_credit", "Editor: Budi Prasetyo"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The ministry translated the treaty into Khmer last year.",
        "Translated by the ministry, the treaty now runs to 40 pages.",
        "Translation: The court will rule on Friday.",
        "This is a translation problem, the judge said.",
        "Editor: Budi Prasetyo",  # a name alone, without a translator's line beside it
    ],
)
def test_translation_in_text_stays(line: str) -> None:
    assert removed_between(line) == []


# --- 5. the Chinese press's dateline ----------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "story"),
    [
        ("(Johor Bahru, 3rd)", "Police in Johor have arrested 14 people."),
        ("(Penang, 22nd) —", "Malaysia has asked Thailand to return two suspects."),
        ("(Phnom Penh, 12 May 2023)", "Cambodia's prosecutors opened the case."),
    ],
)
def test_bracket_day_dateline(dateline: str, story: str) -> None:
    assert removed_between(dateline + " " + story) == [("bracket_day_dateline", dateline)]
    assert (
        cleaned_text(PAGE_HEAD + dateline + " " + story + PAGE_TAIL)
        == PAGE_HEAD + story + PAGE_TAIL
    )


@pytest.mark.parametrize(
    "line",
    [
        "(Lao Cai, 14th) was the crossing the smugglers used.",
        "(Penang, the state's capital) hosted the talks.",
    ],
)
def test_bracketed_place_in_text_stays(line: str) -> None:
    assert removed_between(line) == []


# --- 6. a note or appeal broken over lines ----------------------------------------------------

WRAPPED_HEAD = (
    "Police in Johor arrested 14 people on Tuesday in raids on two\n"
    "call centres, the state police chief said.\n\n"
)


def test_wrapped_correction_note() -> None:
    page = (
        WRAPPED_HEAD + "Editor's note: This story was updated on 2 May to make clear that the\n"
        "Mekong Watch report had not been released when this story first\n"
        "ran.\n"
    )
    assert [r for r, _ in boilerplate_removed(page)] == ["correction_note"] * 3
    assert cleaned_text(page) == WRAPPED_HEAD


def test_wrapped_translation_credit_and_appeal() -> None:
    page = (
        "This is a translation of an article first published in See Hua Daily\n"
        "News (诗华日报) on 3 May 2022. Translated from Chinese by Chen Li.\n\n"
        + WRAPPED_HEAD
        + "Mekong Watch is a nonprofit newsroom. Support our work — become\n"
        "a member.\n"
    )
    assert [r for r, _ in boilerplate_removed(page)] == [
        "translation_credit",
        "translation_credit",
        "support_appeal",
        "support_appeal",
    ]


def test_note_on_unwrapped_page_keeps_next_line() -> None:
    # a page with a long line is not hard-wrapped: the line under a note is its own paragraph
    long_line = "Police in Johor arrested 14 people on Tuesday. " * 4
    page = (
        long_line.strip() + "\n\nCorrection: An earlier version gave the wrong date of the raid\n"
        "Police in Penang made two more arrests.\n"
    )
    assert [r for r, _ in boilerplate_removed(page)] == ["correction_note"]
