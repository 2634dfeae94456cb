"""Wave 26 (issue 12: mentions never come from boilerplate lines): a list of teaser headlines
with blank lines between its items under a "Related" heading at the foot of a page, and the
end of a removed line that a hard-wrapped copy carries over to the next line. Texts written
for these tests; each positive case failed before the wave's rules, each guard case stays."""

from __future__ import annotations

import pytest

from tests.conftest import boilerplate_removed, cleaned_text

STORY = (
    "Prosecutors from Ruritania and Borduria met in Vienna on Tuesday.\n\n"
    "The two offices agreed to exchange evidence faster, a spokesman said.\n\n"
)


@pytest.mark.parametrize(
    ("heading", "items", "footer"),
    [
        # China Daily and Xinhua: items as paragraphs, a copyright footer under them
        (
            "Related Stories",
            ["Borduria, Ruritania pledge closer procuratorial ties",
             "Ruritania to help Borduria fight telecom fraud"],
            "Copyright 1995 - 2015. All rights reserved.",
        ),
        (
            "Related:",
            ["Prosecutors meet in Vienna", "What is the Royal Prosecution Office?"],
            "Copyright © 2000-2013 Xinhua Net. All rights reserved.",
        ),
        # a headline that ends on a quoted phrase; no footer at all
        (
            "Related News",
            ['AG: Cooperation with Borduria "at its best"',
             "Two nationals rescued from compound return home"],
            "",
        ),
    ],
)  # fmt: skip
def test_spaced_teasers_at_the_foot_of_a_page_go(
    heading: str, items: list[str], footer: str
) -> None:
    text = (
        STORY + heading + "\n\n" + "\n\n".join(items) + ("\n\n" + footer if footer else "") + "\n"
    )
    kept = cleaned_text(text)
    assert kept.split() == STORY.split()


def test_a_heading_inside_a_story_keeps_the_paragraphs_below_it() -> None:
    # a paragraph with a full stop under the list: the list is not the end of the page, so only
    # the first item (the block under the heading) goes, as before
    text = (
        STORY + "Related\n\nBorduria, Ruritania pledge closer ties\n\n"
        "Ruritania signs pact with Borduria\n\n"
        "The ministry said the raids would continue until the end of the year.\n"
    )
    kept = cleaned_text(text)
    assert "Ruritania signs pact with Borduria" in kept
    assert "The ministry said the raids would continue" in kept


@pytest.mark.parametrize(
    ("first", "tail"),
    [
        (
            "Like us on Facebook or follow us on Twitter to get the latest news",
            "about Ruritania!",
        ),
        (
            "Copyright © 2026 South China Morning Post Publishers Ltd. All rights",
            "reserved.",
        ),
    ],
)
def test_the_wrapped_end_of_a_removed_line_goes_with_it(first: str, tail: str) -> None:
    text = STORY + first + "\n" + tail + "\n"
    removed = [t for _, t in boilerplate_removed(text)]
    assert removed == [first, tail]


def test_a_paragraph_under_a_removed_line_stays() -> None:
    # the next line opens with a capital: text of its own, not the removed line's end
    text = (
        STORY
        + "Follow us on Facebook and Twitter for the latest news on the region\n"
        + ("Ruritania and Borduria will meet again in May.\n")
    )
    removed = [t for _, t in boilerplate_removed(text)]
    assert removed == ["Follow us on Facebook and Twitter for the latest news on the region"]
