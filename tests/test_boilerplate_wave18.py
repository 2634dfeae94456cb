"""Issue 12, wave 18 (held-out sets 59, 60 and 64): the end matter of press releases and
commentaries that mentions must not come from — an "About" section, an author's note at the
end, a byline of its own, a social-media line, a contact sentence and an address after the
issuer's name, the note on where a piece first ran, a release's number with letters, "Issued
by:" and the bracketed datelines of NGO releases. Pages written for these tests, with
hand-computed values."""

from __future__ import annotations

from tests.conftest import boilerplate_removed

BODY = (
    "The High Prosecution Office of Elbonia and the Ruritanian ministry signed a memorandum on "
    "cooperation in Strelsau on Monday, officials said.\n\n"
    "The two sides agreed to exchange evidence in fraud cases within 30 days of a request.\n\n"
    "Delegates also discussed the return of stolen assets.\n\n"
)


def test_an_about_section_and_a_follow_line_end_a_release() -> None:
    page = (
        BODY + "About the High Prosecution Office\n"
        "The HPO is the principal prosecutor of Elbonia.\n\n"
        "Follow us: X @ElboniaHPO | YouTube HPO Elbonia\n"
    )
    assert boilerplate_removed(page) == [
        ("about_section", "About the High Prosecution Office"),
        ("about_section", "The HPO is the principal prosecutor of Elbonia."),
        ("follow_line", "Follow us: X @ElboniaHPO | YouTube HPO Elbonia"),
    ]
    # a note fused to its heading is text
    assert boilerplate_removed(BODY + "About the meeting: it has been held since 2004.\n") == []


def test_an_authors_note_and_a_byline_of_a_commentary() -> None:
    page = (
        "Why the talks matter\n\nBy Anna Kessler\n\n"
        + BODY
        + "Anna Kessler is an associate professor of law at Strelsau University.\n"
    )
    assert boilerplate_removed(page) == [
        ("byline", "By Anna Kessler"),
        ("author_note", "Anna Kessler is an associate professor of law at Strelsau University."),
    ]
    # the same sentence in the story's body stays
    page = "Why the talks matter\n\nAnna Kessler is a senior prosecutor at the HPO.\n\n" + BODY
    assert boilerplate_removed(page) == []


def test_contact_address_and_publication_notes() -> None:
    page = (
        BODY
        + "For more information please call Justice Watch's press office on +1 555 0100.\n\n"
        + "Justice Watch, Lake House, 1 Harbour Street, Strelsau 1010, Ruritania\n\n"
        + "This article is part of a series on the Northern Union at 50.\n\n"
        + "ELR is published by the Strelsau School of Law.\n"
    )
    assert [rule for rule, _ in boilerplate_removed(page)] == [
        "contact_line", "address_line", "publication_note", "publication_note"
    ]  # fmt: skip
    # a report in the story "was published by" its body: text
    assert boilerplate_removed(BODY + "The report was published by the HPO on Monday.\n") == []


def test_release_numbers_issuers_and_bracketed_datelines() -> None:
    page = (
        "HIGH PROSECUTION OFFICE\nRepublic of Elbonia\n\n"
        "Press Release Number: PR-512/K.3/08/2024\n\n"
        "HPO returns fugitive to Ruritania\n\n"
        "(Strelsau, October 13, 2025) – The HPO returned a suspect.\n\n"
        "(HPO) - On 3 October the office met its guests.\n\n" + BODY + "Issued by: International "
        "Affairs Department, High Prosecution Office\n"
    )
    assert boilerplate_removed(page) == [
        ("letterhead", "HIGH PROSECUTION OFFICE"),
        ("letterhead", "Republic of Elbonia"),
        ("bracket_release_dateline", "(Strelsau, October 13, 2025) –"),
        ("bracket_release_dateline", "(HPO) -"),
        ("release_credit", "Issued by: International Affairs Department, High Prosecution Office"),
    ]
