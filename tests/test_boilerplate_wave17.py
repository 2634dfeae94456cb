"""Issue 12, wave 17 (held-out sets 49, 55, 56): page furniture that mentions must not come from
— links to the neighbouring stories ("<< Previous: … | Next: …"), a subscription line, a media
marker with its caption ("[Video 03:12] …"), a podcast's segment list, a newsletter's contents
on one line, "Related insights" and a bulleted "• Related: …" teaser. Pages written for these
tests, with hand-computed values."""

from __future__ import annotations

from tests.conftest import boilerplate_removed

BODY = (
    "The High Prosecution Office of Elbonia and the Ruritanian ministry signed a memorandum on "
    "cooperation in Strelsau on Monday, officials said.\n\n"
    "The two sides agreed to exchange evidence in fraud cases within 30 days of a request.\n\n"
)


def test_links_to_the_neighbouring_stories() -> None:
    page = BODY + "<< Previous: Elbonia ministers meet on drugs | Next: Fair opens >>\n\nEnd.\n"
    assert boilerplate_removed(page) == [
        ("page_nav", "<< Previous: Elbonia ministers meet on drugs | Next: Fair opens >>")
    ]
    assert boilerplate_removed(BODY + "Next article: Ruritania hosts the talks\n") == [
        ("page_nav", "Next article: Ruritania hosts the talks")
    ]
    # a "Next:" label over content stays
    assert boilerplate_removed(BODY + "Next: Elbonia play Ruritania in March.\n") == []


def test_a_subscription_line_and_a_media_caption() -> None:
    page = (
        "[Video 02:41] Delegates at the opening of the meeting in Strelsau\n\n"
        + BODY
        + "Subscribe to Elbonia Legal Review | (c) 2014 ELR Media, Strelsau\n"
    )
    assert boilerplate_removed(page) == [
        ("media_caption", "[Video 02:41] Delegates at the opening of the meeting in Strelsau"),
        ("subscribe_line", "Subscribe to Elbonia Legal Review | (c) 2014 ELR Media, Strelsau"),
    ]


def test_segment_and_contents_lists_and_related_teasers() -> None:
    page = BODY + "Segments:\n00:00 Intro\n04:12 A prosecutor on returns from Elbonia\n"
    assert [rule for rule, _ in boilerplate_removed(page)] == ["list_heading"] * 3
    page = "In this issue: Strelsau talks | Elbonia raids | Ruritania ruling\n\n" + BODY
    assert boilerplate_removed(page) == [
        ("list_heading_inline", "In this issue: Strelsau talks | Elbonia raids | Ruritania ruling")
    ]
    page = (
        BODY + "Related insights\n- Elbonia's new forfeiture bill\n\n• Related: HPO opens office\n"
    )
    assert [text for _, text in boilerplate_removed(page)] == [
        "Related insights", "- Elbonia's new forfeiture bill", "• Related: HPO opens office"
    ]  # fmt: skip
