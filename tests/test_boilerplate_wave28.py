"""Wave 28 (issue 12: mentions never come from boilerplate lines): the lines of a ProQuest
record around the text (the source's citation, "ProQuest document link", "FULL TEXT", and the
record's fields under it: "Location: …", "Publication title: …"), an aggregator's tag before
the source's dateline ("(MENAFN- Philippine News Agency) MANILA –"), an e-paper's outlet and
city under the byline ("THE JAKARTA POST/JAKARTA") and an agency's credit with the place it
came from ("… contributed to this report from Bangkok."). Texts written for these tests; each
positive case failed before the wave's rules, each guard case stays."""

from __future__ import annotations

import pytest

from tests.conftest import boilerplate_removed, cleaned_text

STORY = (
    "Prosecutors from Ruritania and Borduria met in Vienna on Tuesday.\n\n"
    "The two offices agreed to exchange evidence faster, a spokesman said.\n\n"
)


def test_a_proquest_records_lines_go() -> None:
    text = (
        "Ruritania : AGC to deepen ties with Borduria\n\n"
        "Asia News Monitor; Strelsau [Strelsau]. 12 Sep 2018.\n\n"
        "ProQuest document link\n\nFULL TEXT\n\n" + STORY + "Subject: Cooperation; Prosecutions\n\n"
        "Location: Ruritania; Borduria; Southeast Asia\n\n"
        "Publication title: Asia News Monitor; Strelsau\n\nPublication year: 2018\n\n"
        "Source type: Wire Feeds\n\nProQuest document ID: 2102287123\n\n"
        "Document URL: https://search.proquest.com/docview/2102287123\n"
    )
    kept = cleaned_text(text)
    assert kept.split() == ("Ruritania : AGC to deepen ties with Borduria\n\n" + STORY).split()


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        (
            "(MENAFN- Philippine News Agency) MANILA – ",
            "The Department of Justice will return the fugitive, officials said.",
        ),
        ("(MENAFN- Ruritania Times) ", "Prosecutors met on Monday."),
    ],
)
def test_an_aggregators_tag_before_the_dateline_goes(line: str, rest: str) -> None:
    removed = [t for _, t in boilerplate_removed(STORY + line + rest + "\n")]
    assert removed == [line.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "THE JAKARTA POST/JAKARTA",
        "Associated Press writer Paul Hennessy contributed to this report from Bangkok.",
        "Reuters staff contributed to this report from Strelsau and Szohod.",
    ],
)
def test_an_outlet_and_city_line_and_a_credit_with_its_place_go(line: str) -> None:
    removed = [t for _, t in boilerplate_removed(STORY + line + "\n")]
    assert removed == [line]


@pytest.mark.parametrize(
    "line",
    [
        "CHINA / ASEAN TALKS OPEN IN KUNMING ON TUESDAY",
        "Ruritania and Borduria; talks [closed] on 12 Sep 2018 in Vienna, officials said.",
        "THE TALKS/TUESDAY ended with a statement, the ministry said.",
    ],
)
def test_a_line_of_text_with_a_slash_or_a_bracket_stays(line: str) -> None:
    assert boilerplate_removed(STORY + line + "\n") == []
