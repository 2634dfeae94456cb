"""Issue 12, wave 15: page furniture that named actors in held-out set 26: an outlet's line with
its city, section, date and time between bars ("The Strelsau Post, Strelsau | National | Mon,
May 4 2015, 09:30 AM") and a "More from <outlet>:" heading with its headlines on the same line.
Lines written for these tests, with hand-checked values."""

from __future__ import annotations

import pandas as pd

from analysis.boilerplate import clean_boilerplate


def removed(text: str) -> list[list[str]]:
    _, out = clean_boilerplate(pd.DataFrame({"doc_id": ["d1"], "text": [text]}))
    return out[["text", "rule"]].values.tolist()


BODY = "Ruritania will host the next meeting in 2027, officials said on Friday. " * 3


def test_an_outlet_city_section_and_date_with_time_between_bars() -> None:
    line = "The Strelsau Post, Strelsau | National | Mon, May 4 2015, 09:30 AM"
    assert removed(line + "\n\n" + BODY.strip() + "\n") == [[line, "page_bar"]]
    line = "Elbonia Daily, Klow | World | 12 March 2024 | 14:05"
    assert removed(line + "\n\n" + BODY.strip() + "\n") == [[line, "page_bar"]]
    # a sentence with a bar but no closing date and time stays
    line = "Trade rose | the ministry said it would publish the figures on May 4 2015."
    assert removed(line + "\n\n" + BODY.strip() + "\n") == []


def test_more_from_an_outlet_with_its_headlines_on_the_line() -> None:
    line = "More from SRT: Ruritania, Elbonia sign border pact | Klow cuts power to casinos"
    assert removed(BODY.strip() + "\n\n" + line + "\n") == [[line, "list_heading_inline"]]
    line = "Most read: Elbonia extradites two suspects"
    assert removed(BODY.strip() + "\n\n" + line + "\n") == [[line, "list_heading_inline"]]
    # a sentence that opens with the same words is text
    line = "More from Ruritania was expected, the minister said at the meeting in Klow."
    assert removed(BODY.strip() + "\n\n" + line + "\n") == []


def test_a_postal_address_line_under_a_release() -> None:
    line = "Jl. Raya Klow No. 12, Kebayoran Lama, Strelsau Selatan"
    assert removed(BODY.strip() + "\n\n" + line + "\n") == [[line, "address_line"]]
    line = "12 Harbour Road, Old Town, Strelsau"
    assert removed(BODY.strip() + "\n\n" + line + "\n") == [[line, "address_line"]]
    # a hard-wrapped line of counts is text
    line = "15 Elbonian nationals, 3 Ruritanians, 2 others were held"
    assert removed(BODY.strip() + "\n\n" + line + "\n") == []


def test_related_search_tags_and_an_issued_by_block() -> None:
    line = "Related search: Ruritania, Elbonia, call-centre gangs, High Prosecution Office"
    assert removed(BODY.strip() + "\n\n" + line + "\n") == [[line, "tags_line"]]
    block = "Issued by:\nCorporate Communications Unit\nHigh Prosecution Office\nTel: +1 555 0100"
    got = removed(BODY.strip() + "\n\n- END -\n\n" + block + "\n")
    assert [r[0] for r in got if r[1] == "contact_heading"] == block.split("\n")


def test_a_city_in_capitals_with_its_country_in_brackets_before_a_colon() -> None:
    text = "STRELSAU (Ruritania): Elbonia has proposed a permanent secretariat, officials said."
    assert removed(text) == [["STRELSAU (Ruritania): ", "bracket_dateline"]]


def test_one_double_chevron_and_an_outlet_with_its_date() -> None:
    line = "Strelsau Daily Online >> Elbonia"
    assert removed(line + "\n\n" + BODY.strip() + "\n") == [[line, "breadcrumb"]]
    line = "Strelsau Standard | October 8, 2019"
    assert removed(line + "\n\n" + BODY.strip() + "\n") == [[line, "page_bar"]]
    # a place alone before the date stays for the dateline rules of the mentions
    assert removed("Strelsau | Mon, July 17, 2017\n\n" + BODY.strip() + "\n") == []


def test_a_newsletters_contents_list() -> None:
    text = (
        "Prosecution news from the region\n\nIN THIS ISSUE\n1. Ruritania joins evidence network"
        "\n2. Elbonia AGC on asset recovery\n\n1. RURITANIA JOINS EVIDENCE NETWORK\n\n"
        + BODY.strip()
        + "\n"
    )
    got = removed(text)
    assert [r[0] for r in got] == [
        "IN THIS ISSUE",
        "1. Ruritania joins evidence network",
        "2. Elbonia AGC on asset recovery",
    ]
