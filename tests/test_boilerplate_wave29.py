"""Wave 29 (issue 12: mentions never come from boilerplate lines): an embedded post's account
line and its stamp ("DOJ Philippines @DOJPH", "10:14 AM · Oct 11, 2023 · 2,318 Views") and an
image's alt text saved with the page ("Image alt text: …"). Texts written for these tests;
each positive case failed before the wave's rules, each guard case stays."""

from __future__ import annotations

import pytest

from tests.conftest import boilerplate_removed

STORY = (
    "Prosecutors from Ruritania and Borduria met in Vienna on Tuesday.\n\n"
    "The two offices agreed to exchange evidence faster, a spokesman said.\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "DOJ Ruritania @DOJRU",
        "Ruritania Prosecution Office @rpo_official",
        "10:14 AM · Oct 11, 2023 · 2,318 Views",
        "Image alt text: Deputy Attorney General Ana Kos speaks to journalists in Strelsau.",
    ],
)
def test_an_embedded_posts_account_and_stamp_and_an_alt_text_go(line: str) -> None:
    removed = [t for _, t in boilerplate_removed(STORY + line + "\n\nThe talks ended.\n")]
    assert removed == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Prosecutors can be reached at info@rpo.example for questions, the office said.",
        "The alternative text of the treaty was agreed on Monday.",
    ],
)
def test_a_sentence_with_an_at_sign_or_alt_stays(line: str) -> None:
    assert boilerplate_removed(STORY + line + "\n") == []
