"""Wave 25 (issue 12: mentions never come from boilerplate lines): wire photo captions signed in
brackets or with the day the picture was taken, captions signed by a local paper's
photographer without brackets, section labels joined by "&", an opinion column's byline over its
publication stamp, and notes on the writer of a commentary. Texts written for these tests; each
positive case failed before the wave's rules, each guard case stays."""

from __future__ import annotations

import pytest

from tests.conftest import PAGE_HEAD, PAGE_TAIL, boilerplate_removed, removed_between

# --- 1. wire photo captions: a credit in brackets, "Photo taken on …", posing for a photo -----


@pytest.mark.parametrize(
    "caption",
    [
        "Delegates attend the opening of the border checkpoint in Ruili. (Xinhua/Wang Ye)",
        "Lao and Vietnamese officials sign the agreement in Vientiane. (VNA/Pham Kien)",
        "Police escort the deported suspects at the airport in Bangkok. (AFP/Mana Vongsa)",
        # one word after the slash, no full stop before the bracket
        "Rescued workers wait at the border gate in Poipet (Xinhua/Phearum)",
        "Customs officers display seized phones in Lao Cai. (VNA/Tran Lan/File)",
    ],
)
def test_caption_with_bracketed_wire_credit(caption: str) -> None:
    assert removed_between(caption) == [("wire_caption", caption)]


@pytest.mark.parametrize(
    "caption",
    [
        "Photo taken on March 4, 2016 shows delegates at a regional prosecutors' forum in "
        "Kunming. (Xinhua/Li Wenjun)",
        "File photo taken on Oct. 2, 2019 shows the court building in Phnom Penh.",
        "Aerial photo taken in 2021 shows the casino complex in Sihanoukville.",
    ],
)
def test_photo_taken_on_caption(caption: str) -> None:
    assert removed_between(caption) == [("shows_caption", caption)]


@pytest.mark.parametrize(
    "caption",
    [
        "Foreign ministers pose for a family photo at the ASEAN meeting in Vientiane.",
        "The two prosecutors-general pose for photographers before their talks in Hanoi.",
    ],
)
def test_posing_caption(caption: str) -> None:
    assert removed_between(caption) == [("posing_caption", caption)]


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        # a story's paragraph signed by the agencies: only the credit goes (trailing_credit)
        ("The two sides agreed to step up cooperation. (VNA/VNS)", "(VNA/VNS)"),
        ("The ministry will publish the figures next week. (VNA/Vietnamplus)", "(VNA/Vietnamplus)"),
    ],
)
def test_story_signed_by_agencies_stays(line: str, cut: str) -> None:
    assert removed_between(line) == [("trailing_credit", cut)]


@pytest.mark.parametrize(
    "line",
    [
        "Photos taken on the night of the raid show the suspects at a casino, police said.",
        "The photo taken on Monday shows no sign of the missing man, his lawyer told reporters.",
        "The family photo was found in the suspect's flat in Johor Bahru.",
    ],
)
def test_photo_words_in_text_stay(line: str) -> None:
    assert removed_between(line) == []


# --- 2. a local paper's credit without brackets at the end of the caption --------------------


@pytest.mark.parametrize(
    "caption",
    [
        "The court's president greets the visiting delegation in Phnom Penh on Monday. "
        "KT/Chea Vannak",
        "Customs officers inspect the seized cargo at Port Klang. STAR/Faizal Rahman",
        "Prosecutors leave the courthouse in Kota Kinabalu. NST/Aida Musa",
        "A police officer stands guard outside the compound in Sihanoukville. PPP/Lim Sopheak",
        "Police escort the suspects to court in Shah Alam. — ZULKIFLI ISMAIL/The Star",
        "The minister speaks to reporters in Putrajaya. Bernama pic",
        "Rescued workers arrive at the airport in Kuala Lumpur. NSTP pic by Aida Musa",
        "Delegates visit the new border gate in Bukit Kayu Hitam. Pic: Bernama",
        "The prosecutor-general receives the Lao delegation in Hanoi. VNA photo",
    ],
)
def test_caption_with_local_credit(caption: str) -> None:
    assert removed_between(caption) == [("wire_caption", caption)]


@pytest.mark.parametrize(
    "line",
    [
        "The case was adjourned to June. KT/Chea Vannak reported from the court.",
        "Malaysia and Indonesia signed the pact in 2019. US/China tensions were not discussed.",
        "The agency released the photo. AFP photos of the raid were later removed.",
        "Police said the gang had used Bernama pictures in the scam.",
    ],
)
def test_credit_words_in_text_stay(line: str) -> None:
    assert removed_between(line) == []


# --- 3. a section label joined by "&" ----------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Asia / Politics & Security",
        "Business & Economy / Trade",
        "News / Arts & Culture",
        "WORLD / ASIA & PACIFIC",
    ],
)
def test_section_label_with_ampersand(label: str) -> None:
    page = label + "\n\nLaos and Cambodia sign a border pact\n\n" + PAGE_HEAD + PAGE_TAIL
    assert boilerplate_removed(page) == [("breadcrumb", label)]


@pytest.mark.parametrize(
    "line",
    [
        "Cambodia / Thailand border talks resume",
        "Trade & Investment",
        "CHINA / ASEAN TALKS & TRADE PACT",
        "Laos & Cambodia / Mekong dam plan stalls",
    ],
)
def test_headline_with_slash_or_ampersand_stays(line: str) -> None:
    assert boilerplate_removed(line + "\n\n" + PAGE_HEAD + PAGE_TAIL) == []


# --- 4. an opinion column's byline over its publication stamp --------------------------------

_TITLE = "Why the extradition treaty matters\n\n"


@pytest.mark.parametrize(
    ("name", "stamp"),
    [
        ("Juan Carlos Reyes", "Published 7:45 AM, March 3, 2025"),
        ("Ana Luisa dela Cruz", "Updated 10:15 PM, March 3, 2025"),
        ("Ahmad Faiz bin Yusof", "March 3, 2025"),
        ("Juan Carlos Reyes\n", "Published 7:45 AM, March 3, 2025"),  # a blank line between
    ],
)
def test_column_byline_over_stamp(name: str, stamp: str) -> None:
    page = _TITLE + name + "\n" + stamp + "\n\n" + PAGE_HEAD + PAGE_TAIL
    assert boilerplate_removed(page) == [
        ("byline_block", name.strip()),
        ("timestamp", stamp),
    ]


@pytest.mark.parametrize(
    "page",
    [
        # the page's first line: a headline
        "Juan Carlos Reyes\nPublished 7:45 AM, March 3, 2025\n\n" + PAGE_HEAD + PAGE_TAIL,
        # a headline in title case over the stamp
        "Opinion\nCambodia To Extradite Scam Bosses\nPublished 7:45 AM, March 3, 2025\n\n"
        + PAGE_HEAD
        + PAGE_TAIL,
        # … also without a headline's small words, under a section label
        "National\n\nCambodia Extradites Scam Boss\nPublished 7:45 AM, March 3, 2025\n\n"
        + PAGE_HEAD
        + PAGE_TAIL,
    ],
)
def test_line_over_stamp_that_is_no_byline_stays(page: str) -> None:
    assert [r for r, _ in boilerplate_removed(page)] == ["timestamp"]


@pytest.mark.parametrize(
    "page",
    [
        _TITLE + "Juan Carlos Reyes\nThe court ruled on Monday that the treaty applies.\n",
        PAGE_HEAD + PAGE_TAIL + "\nJuan Carlos Reyes\n",
    ],
)
def test_name_alone_elsewhere_stays(page: str) -> None:
    assert boilerplate_removed(page) == []


# --- 5. notes on the writer of a commentary ---------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Editor's note: The writer is Deputy Prosecutor-General of the Republic of Ruritania. "
        "This article was submitted to the Harbour Times.",
        "The writer is a research fellow at the Institute of Mekong Studies in Vientiane.",
        "The author is a former ambassador of Ruritania to ASEAN.",
        "The writers are lecturers in international law at the University of Harbour City.",
        "This article was submitted to the Mekong Herald by the Embassy of Ruritania.",
        "This piece was written exclusively for the Harbour Times.",
        "(The author is a senior researcher at the Delta Policy Institute.)",
        "*The writer is a columnist based in Phnom Penh.",
        "The opinions expressed in this article are those of the writer and do not reflect the "
        "position of the Harbour Times.",
    ],
)
def test_writer_note(note: str) -> None:
    assert removed_between(note) == [("author_note", note)]


@pytest.mark.parametrize(
    "line",
    [
        "The writer is accused of defaming the prime minister in a 2022 post.",
        "The author is a former minister who fled the country, police said.",
        "The writer is the daughter of the late minister, according to court records.",
        "This article was submitted to the court as evidence, the lawyer told reporters.",
        "The author of the report is a former prosecutor.",
        "Editor's note: Ahead of the summit, the Harbour Times spoke with the minister.",
    ],
)
def test_writer_words_in_text_stay(line: str) -> None:
    assert removed_between(line) == []
