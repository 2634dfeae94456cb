"""Wave 31 (issue 12: mentions never come from boilerplate lines): a Reuters picture caption
with the page's licensing link after the credit ("… REUTERS/Somrit Chaiyaporn Purchase
Licensing Rights, opens new tab") and The Straits Times' topics under a story ("See more on:
Scams, Interpol, Crime", or the bare heading with one topic a line). Texts written for these
tests; each positive case failed before the wave's rules, each guard case stays."""

from __future__ import annotations

from tests.conftest import boilerplate_removed

STORY = (
    "Prosecutors from Ruritania and Borduria met in Vienna on Tuesday.\n\n"
    "The two offices agreed to exchange evidence faster, a spokesman said.\n\n"
)


def test_a_wire_caption_with_the_licensing_link_goes() -> None:
    line = (
        "Freed workers board a plane at Zenda airport, Ruritania, February 20, 2025. "
        "REUTERS/Jan Novak Purchase Licensing Rights, opens new tab"
    )
    assert boilerplate_removed(STORY + line + "\n\nThe talks ended.\n") == [("wire_caption", line)]


def test_see_more_on_topics_go() -> None:
    text = STORY + "See more on: Scams, Ruritania, Crime\n\nThe talks ended.\n"
    assert boilerplate_removed(text) == [("tags_line", "See more on: Scams, Ruritania, Crime")]
    text = STORY + "See more on\nScams\nRuritania\nBorduria Police Force\n\nCopyright 2025.\n"
    removed = [t for _, t in boilerplate_removed(text)]
    assert removed[:4] == ["See more on", "Scams", "Ruritania", "Borduria Police Force"]


def test_a_sentence_about_seeing_more_stays() -> None:
    text = STORY + "Prosecutors said they expect to see more on the case next week.\n"
    assert boilerplate_removed(text) == []
