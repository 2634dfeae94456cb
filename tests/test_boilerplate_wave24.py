"""Wave 24 (issue 12: mentions never come from boilerplate lines): the related lists under a
gallery's or video's page, a newsletter's furniture (its greeting, reading list, "Also on X"
list and sponsor's lines), bylines with a place or fused to "By", staff credits, a
broadcaster's masthead, a caption signed by a wire's photographer, and a government portal's
letterhead. Texts written for these tests; each positive case failed before the wave's rules,
each guard case stays."""

from __future__ import annotations

import pytest

from tests.conftest import PAGE_HEAD, PAGE_TAIL, boilerplate_removed, cleaned_text, removed_between

# --- 1. related lists under a gallery's or video's page ---------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["RELATED GALLERIES", "Related Videos", "Related photos", "More from this event"],
)
def test_related_list_under_gallery(heading: str) -> None:
    block = f"{heading}\n- Laos opens a second border gate\n- Floods close the Mekong ferry"
    assert [r for r, _ in removed_between(block)] == ["read_more"] * 3


@pytest.mark.parametrize("line", ["Load more photos", "View all 24 images", "Show more stories"])
def test_load_more(line: str) -> None:
    assert removed_between(line) == [("load_more", line)]


@pytest.mark.parametrize(
    "line",
    [
        "More from the ministry is expected next week.",
        "Show more restraint, the judge told the police.",
        "Related charges were filed in Vientiane.",
    ],
)
def test_gallery_words_in_text_stay(line: str) -> None:
    assert removed_between(line) == []


# --- 2. a newsletter's furniture ---------------------------------------------------------------


def test_reading_list_under_heading() -> None:
    items = ['• "Who guards the Mekong?" (River Weekly)', '• "Ten years of Sky Net" (Delta Review)']
    removed = removed_between("WORTH READING\n" + "\n".join(items))
    assert removed == [("list_heading", "WORTH READING")] + [("list_heading", i) for i in items]


def test_reading_list_items_under_old_heading() -> None:
    # the heading went before the wave; its items stayed
    item = '• "The casino towns of the north" (Frontier Weekly)'
    assert removed_between("WHAT WE'RE READING\n" + item)[1:] == [("list_heading", item)]


def test_reading_list_without_heading() -> None:
    items = ['• "Dams and debt in Laos" (Mekong Eye)', "• “The ferry at Chiang Khong” (The Post)"]
    assert removed_between("\n".join(items)) == [("reading_list", i) for i in items]


@pytest.mark.parametrize(
    "block",
    [
        '• "Dams and debt in Laos" (Mekong Eye)',  # one item alone
        '• "We will not stop." (Anutin Charnvirakul)\n• "The law must tell them apart." (Lan)',
        "• **Ferry deal.** Laos and Thailand reopened the crossing on Monday. (River Weekly)\n"
        "• **Rates.** Vietnam's central bank kept its rate at 4.5 per cent. (Delta Review)",
    ],
)
def test_story_bullets_stay(block: str) -> None:
    assert removed_between(block) == []


def test_news_bullets_under_other_news_stay() -> None:
    block = (
        "IN OTHER NEWS\n• Vietnam and Laos will open a border gate next year. (Delta Review)\n"
        "• Cambodia deported 40 workers to China. (River Weekly)"
    )
    assert removed_between(block) == []


def test_also_on_list() -> None:
    block = "ALSO ON HARBOUR NEWS\n• Senate opens hospital probe\n• Laos vows faster visas"
    assert [r for r, _ in removed_between(block)] == ["list_heading"] * 3


def test_also_on_the_agenda_stays() -> None:
    assert removed_between("Also on the agenda\nThe ministers will discuss visas") == []


@pytest.mark.parametrize(
    "line",
    [
        "SPONSORED | Fly Hanoi–Vientiane from $49. Book now.",
        "SPONSORED · Moving to Hanoi? Delta Relocation handles visas and schools. Learn more →",
        "Sponsored: Harbour Bank business accounts, open in minutes.",
        "PARTNER CONTENT — How Laos built its fibre network",
    ],
)
def test_sponsor_line(line: str) -> None:
    assert removed_between(line) == [("sponsor_line", line)]


def test_sponsor_block_under_bare_label() -> None:
    ad = "Hiring in Laos or Cambodia? Our payroll team covers 9 markets. Talk to us →"
    assert removed_between("SPONSORED\n" + ad) == [
        ("sponsor_line", "SPONSORED"),
        ("sponsor_line", ad),
    ]


@pytest.mark.parametrize(
    "block",
    [
        "Sponsored by the ministry, the forum drew 300 delegates.",
        # an advertisement slot between a story's paragraphs: the paragraph under it stays
        "ADVERTISEMENT\nThe prosecutors said they would appeal the ruling.",
    ],
)
def test_sponsor_words_in_text_stay(block: str) -> None:
    assert [t for _, t in removed_between(block)] in ([], ["ADVERTISEMENT"])


@pytest.mark.parametrize(
    ("greeting", "rest"),
    [
        ("Good morning.", "Laos opens a border gate and Thai police raid a casino."),
        ("Good morning from Hanoi.", "Today: a new border gate and a court ruling."),
        ("Hello from Vientiane, where the ferries are running again.", ""),
        ("Hi, Harbour reader!", "Here are today's top stories."),
        ("Hello, and welcome back.", "This week: a fugitive goes home."),
    ],
)
def test_newsletter_greeting(greeting: str, rest: str) -> None:
    line = f"{greeting} {rest}".strip()
    assert removed_between(line) == [("newsletter_greeting", greeting)]
    if rest:
        assert cleaned_text(PAGE_HEAD + line + PAGE_TAIL) == PAGE_HEAD + rest + PAGE_TAIL


@pytest.mark.parametrize(
    "line",
    [
        '"Good morning," the minister told the delegates in Vientiane.',
        "Good Morning Vietnam aired the interview on Monday.",
        "Hello Kitty's maker said it had been targeted by scammers.",
        "The ministers said good morning to the press before the talks.",
    ],
)
def test_greeting_in_text_stays(line: str) -> None:
    assert removed_between(line) == []


# --- 3. bylines, staff credits, mastheads, wire captions, letterheads --------------------------


@pytest.mark.parametrize("byline", ["ByPriya Raman, Chennai", "By Tom Ellery, Alice Springs"])
def test_byline_with_place(byline: str) -> None:
    assert removed_between(byline) == [("byline", byline)]


@pytest.mark.parametrize(
    "line", ["By Friday, police had freed 40 workers.", "Bylaws of the association were amended."]
)
def test_by_in_text_stays(line: str) -> None:
    assert removed_between(line) == []


@pytest.mark.parametrize(
    "credit",
    [
        "Staff writer, with AFP",
        "Staff Reporter",
        "Staff and agencies",
        "Our correspondent, with Reuters and AP",
    ],
)
def test_staff_credit(credit: str) -> None:
    assert removed_between(credit) == [("staff_credit", credit)]


def test_staff_in_text_stays() -> None:
    assert removed_between("Staff writers at the paper said the raid had been planned.") == []


@pytest.mark.parametrize("line", ["NHK WORLD-JAPAN", "KBS WORLD Radio", "VTV World"])
def test_broadcaster_masthead(line: str) -> None:
    assert removed_between(line) == [("broadcaster_masthead", line)]


def test_world_headline_stays() -> None:
    assert removed_between("ASEAN WORLD CUP BID GATHERS PACE") == []


@pytest.mark.parametrize(
    "caption",
    [
        "Lao Deputy Prosecutor General Somsak Inthavong speaks at a news conference in Vientiane. "
        "REUTERS/Jane Roe",
        "Seized phones are laid out on a table in Phnom Penh, May 3, 2024. REUTERS/Jane Roe/File "
        "Photo",
        "Police escort detained workers in Sihanoukville. EPA-EFE/KITH SEREY",
    ],
)
def test_wire_caption(caption: str) -> None:
    assert removed_between(caption) == [("wire_caption", caption)]


@pytest.mark.parametrize(
    "line",
    [
        "Thai police arrested 14 people on Tuesday, Reuters reported.",
        "The ministry cited AFP/Reuters figures for the number of arrests.",
    ],
)
def test_wire_in_text_stays(line: str) -> None:
    assert removed_between(line) == []


def test_portal_letterhead() -> None:
    page = (
        "SUPREME PEOPLE'S PROCURATORATE OF RURITANIA\nKEJAKSAAN AGUNG RURITANIA\n"
        "Kementerian Hukum dan Hak Asasi Manusia | English\n\n" + PAGE_HEAD + PAGE_TAIL
    )
    assert [r for r, _ in boilerplate_removed(page)] == ["letterhead"] * 3


def test_portal_letterhead_in_local_script() -> None:
    page = "MINISTRY OF JUSTICE\nBộ Tư pháp nước Ruritania\n\n" + PAGE_HEAD + PAGE_TAIL
    assert [r for r, _ in boilerplate_removed(page)] == ["letterhead"] * 2


@pytest.mark.parametrize(
    "top",
    [
        "MINISTRY OF JUSTICE\nCambodia and Laos sign an extradition treaty",  # a headline under it
        "MINISTRY WARNS OF NEW SCAMS\nPhone fraud rose by a third last year",
    ],
)
def test_headline_under_office_name_stays(top: str) -> None:
    assert boilerplate_removed(top + "\n\n" + PAGE_HEAD + PAGE_TAIL) == []


def test_letterhead_over_bilingual_release_heading() -> None:
    page = (
        "Republic of Ruritania\nDepartment of Justice\n\nMedia Statement | Kenyataan Media\n\n"
        + PAGE_HEAD
        + PAGE_TAIL
    )
    assert boilerplate_removed(page)[:2] == [
        ("letterhead", "Republic of Ruritania"),
        ("letterhead", "Department of Justice"),
    ]


def test_signature_over_time_stamp() -> None:
    page = (
        "Press Release\n\nLaos and Cambodia sign a border pact\n\n"
        + PAGE_HEAD
        + PAGE_TAIL[2:]
        + "\nMinistry of Justice\nKingdom of Ruritania\nLast Updated: 10/04/2019 08:15\n"
    )
    assert boilerplate_removed(page)[-3:] == [
        ("signature", "Ministry of Justice"),
        ("signature", "Kingdom of Ruritania"),
        ("timestamp", "Last Updated: 10/04/2019 08:15"),
    ]


def test_welcome_to_coverage_stays() -> None:
    # a live page's opening names what it covers ("the conference" is a mention): it stays
    line = "Good morning and welcome to our live coverage of the summit."
    assert removed_between(line) == []


def test_welcome_to_newsletter() -> None:
    line = "Good morning, and welcome to the Harbour Weekly."
    assert removed_between(line + " Today: two court rulings.") == [("newsletter_greeting", line)]
