"""Wave 30 (issue 12: mentions never come from boilerplate lines): a wire's note to its clients
on an updated story, "(ATTN: UPDATES with police comments in paras 5-7, Ruritania figures in
para 10)", "(LEAD)"; a page's time stamp after a dash, "Published - March 11, 2025 10:12 pm IST",
with the place in capitals of the byline block above it (The Hindu's layout). Texts written for
these tests; each positive case failed before the wave's rules, each guard case stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import boilerplate_removed

HINDU = Path(__file__).parent / "fixtures/actors_heldout172_adj/texts/05_hindu_myawaddy_2025.txt"

STORY = (
    "Prosecutors from Ruritania and Borduria met in Vienna on Tuesday.\n\n"
    "The two offices agreed to exchange evidence faster, a spokesman said.\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "(ATTN: UPDATES with police comments in paras 5-7, Ruritania figures in para 10)",
        "(EDS: Adds quote from minister in para 4)",
        "(LEAD)",
    ],
)
def test_a_wires_update_note_goes(line: str) -> None:
    removed = [t for _, t in boilerplate_removed(STORY + line + "\n\nThe talks ended.\n")]
    assert removed == [line]


@pytest.mark.parametrize(
    "line",
    [
        "(LEAD) Ruritania to send team to Borduria over scam deaths",
        "(The minister declined to comment on the figures.)",
    ],
)
def test_a_headline_after_lead_or_a_bracketed_sentence_stays(line: str) -> None:
    assert boilerplate_removed(STORY + line + "\n") == []


def test_a_place_in_capitals_over_a_dashed_stamp_after_a_blank_line_goes() -> None:
    # the top of held-out set 172's Hindu page (read set): headline, standfirst, byline block,
    # then the stamp after a blank line
    page = HINDU.read_text(encoding="utf-8").split("\n")[:10]
    removed = boilerplate_removed("\n".join(page) + "\n\n" + STORY)
    assert removed == [
        ("byline_block", "NEW DELHI"),
        ("timestamp", "Published - March 11, 2025 10:12 pm IST"),
    ]
    # without the stamp the place stays (it may be a headline in capitals)
    assert boilerplate_removed("\n".join(page[:8]) + "\n\n" + STORY) == []
