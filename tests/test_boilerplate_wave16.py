"""Issue 12, wave 16 (held-out set 38): a press release's furniture that mentions must not come
from — a bilingual heading ("KENYATAAN MEDIA / MEDIA STATEMENT") with the letterhead above it
and the signature block at the end; a signature in title case above a disclaimer ("Please note
that this media release …"); the end mark "-30-" and the issuer's footer after it; (set 42) a
section path over a story ("China / Diplomacy") and the print edition's headline at its foot.
Pages written for these tests, with hand-computed values."""

from __future__ import annotations

from tests.conftest import boilerplate_removed

BODY = (
    "1. The High Prosecution Office and the Ministry of Justice of Elbonia signed a memorandum "
    "on cooperation in Strelsau on Monday.\n\n"
    "2. The two sides agreed to exchange evidence in fraud cases within 30 days.\n\n"
)


def test_a_bilingual_heading_with_its_letterhead_and_signature() -> None:
    page = (
        "PEJABAT PENDAKWA NEGARA ELBONIA\nHIGH PROSECUTION OFFICE OF ELBONIA\n\n"
        "KENYATAAN MEDIA / MEDIA STATEMENT\n\nELBONIA AND RURITANIA SIGN MEMORANDUM\n\n"
        + BODY
        + "THE PROSECUTION SERVICE\nSTRELSAU\n28 SEPTEMBER 2016"
    )
    removed = boilerplate_removed(page)
    assert removed[:2] == [
        ("letterhead", "PEJABAT PENDAKWA NEGARA ELBONIA"),
        ("letterhead", "HIGH PROSECUTION OFFICE OF ELBONIA"),
    ]
    # (the place in capitals is also a credit's line, and the line above it a caption's)
    assert [text for _, text in removed[2:]] == [
        "THE PROSECUTION SERVICE", "STRELSAU", "28 SEPTEMBER 2016"
    ]  # fmt: skip


def test_a_title_case_signature_above_a_disclaimer() -> None:
    page = (
        "MEDIA RELEASE\n\nOffice hosts a session on evidence\n\n"
        + BODY
        + "High Prosecution Office\nElbonia\n\n"
        "Please note that this media release is current as at the date of publication."
    )
    assert boilerplate_removed(page) == [
        ("signature", "High Prosecution Office"), ("signature", "Elbonia")
    ]  # fmt: skip
    # without the heading of a release, a short closing paragraph is text
    page = "Office hosts a session on evidence\n\n" + BODY + "High Prosecution Office\nElbonia"
    assert boilerplate_removed(page) == []


def test_the_end_mark_of_a_release_and_the_footer_after_it() -> None:
    page = (
        "PRESS RELEASE\n\nOffices to fast-track evidence sharing\n\n"
        + BODY
        + "-30-\n\nPublic Information Office | hpo.gov.el | Follow us on Facebook"
    )
    assert boilerplate_removed(page) == [
        ("end_mark", "-30-"),
        ("end_mark", "Public Information Office | hpo.gov.el | Follow us on Facebook"),
    ]


def test_a_section_path_and_the_print_edition_line() -> None:
    page = (
        "Elbonia / Diplomacy\n\nHow Strelsau turned a forum into a tool\n\n"
        + BODY
        + "This article appeared in the Strelsau Morning Post print edition as: Forum powers hunt"
    )
    assert boilerplate_removed(page) == [
        ("breadcrumb", "Elbonia / Diplomacy"),
        ("print_edition",
         "This article appeared in the Strelsau Morning Post print edition as: Forum powers hunt"),
    ]  # fmt: skip
    # a heading in capitals with a slash, and a sentence, stay
    page = "MEDIA / PRESS\n\nThe Elbonia / Ruritania talks resumed on Monday.\n\n" + BODY
    assert boilerplate_removed(page) == []
