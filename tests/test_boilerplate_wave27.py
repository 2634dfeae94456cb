"""Wave 27 (issue 12: mentions never come from boilerplate lines): a page's tags on the line
under a bare "TAGS" heading (a page saved as text), a "Read more" link in brackets between
paragraphs, and an agency's credit without brackets whose reporters file from a "newsroom".
Texts written for these tests; each positive case failed before the wave's rules, each guard
case stays."""

from __future__ import annotations

import pytest

from tests.conftest import boilerplate_removed

STORY = (
    "Prosecutors from Ruritania and Borduria met in Vienna on Tuesday.\n\n"
    "The two offices agreed to exchange evidence faster, a spokesman said.\n\n"
)
# (a saved page's other furniture: the tag rule looks only in pages with lines removed)
FOOTER = "\n© 2025 Example News. All rights reserved.\n"


@pytest.mark.parametrize("heading", ["TAGS", "Tags", "Topics :", "Keywords"])
def test_the_tags_under_a_bare_heading_go(heading: str) -> None:
    tags = "ASEAN  Ruritania  Borduria  Scam Centers  Transnational Crime"
    text = STORY + heading + "\n" + tags + "\n" + FOOTER
    removed = [t for _, t in boilerplate_removed(text)]
    assert removed[:2] == [heading, tags]
    assert len(removed) == 3


def test_a_sentence_under_a_tags_heading_stays() -> None:
    # a line with a sentence's end is text, not a tag list (and the word alone stays)
    text = STORY + "Tags\nRuritania and Borduria will meet again in May.\n" + FOOTER
    assert [t for _, t in boilerplate_removed(text)] == [FOOTER.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "(Read more: Ex-mayor linked to gambling hub flees to Borduria)",
        "(READ MORE: Ruritania deports 40 fraud suspects)",
        "Reporting by Ana Kos in Strelsau and Szohod newsroom; Editing by Alan Crosby",
    ],
)
def test_a_bracketed_link_and_a_newsroom_credit_go(line: str) -> None:
    text = STORY + line + "\n\nRuritania and Borduria will meet again in May.\n"
    removed = [t for _, t in boilerplate_removed(text)]
    assert removed == [line]


def test_a_paragraph_in_brackets_stays() -> None:
    text = STORY + "(Ruritania and Borduria will meet again in May, the ministry said.)\n"
    assert boilerplate_removed(text) == []
