"""Issue 12, wave 14: page furniture that named actors in held-out set 23: a credit line of
initials and who lent the picture ("– BB/Courtesy of AGC") and a long source line at the end
of a speech ("Source: … (English edition). Translated from Chinese."). Lines written for these
tests, with hand-checked values."""

from __future__ import annotations

import pandas as pd

from analysis.boilerplate import clean_boilerplate


def removed(text: str) -> list[list[str]]:
    _, out = clean_boilerplate(pd.DataFrame({"doc_id": ["d1"], "text": [text]}))
    return out[["text", "rule"]].values.tolist()


def test_a_courtesy_credit_line_is_boilerplate() -> None:
    text = "Ruritania hosted the talks last year.\n\n– RT/Courtesy of the Supreme Court\n"
    assert removed(text) == [["– RT/Courtesy of the Supreme Court", "courtesy_credit"]]
    assert removed("The talks went on.\n\nPhoto courtesy of AGO\n") != []
    # inside a sentence: text
    text = "The talks went ahead courtesy of the government, which paid for the hall.\n"
    assert removed(text) == []


def test_a_long_source_line_is_boilerplate() -> None:
    line = (
        "Source: Supreme Procuratorate of the Republic of Ruritania (English edition). "
        "Translated from Ruritanian by the conference secretariat."
    )
    assert len(line) > 80
    body = "Thank you all for coming to this conference and for your work in the region. " * 3
    text = body.strip() + "\n\n" + line + "\n"
    assert removed(text) == [[line, "source_line"]]


BODY = "Ruritania will host the next meeting in 2027, officials said on Friday. " * 3


def test_other_news_heads_a_list_of_headlines() -> None:
    text = BODY + "\n\nOther News:\nAGO eyes witness protection\nRuritania, Elbonia sign deal\n"
    assert removed(text) == [
        ["Other News:", "list_heading"],
        ["AGO eyes witness protection", "list_heading"],
        ["Ruritania, Elbonia sign deal", "list_heading"],
    ]
    # a sentence that opens with the words is text
    assert removed(BODY + "\n\nOther news reports said the deal was close.\n") == []


def test_stacked_tag_labels_are_a_tags_line() -> None:
    line = "Tags / Keywords: Crime, AGO, Trafficking, Ruritania"
    assert removed(BODY + "\n\n" + line + "\n") == [[line, "tags_line"]]


def test_a_dateline_with_the_country_in_brackets_and_a_release_credit() -> None:
    text = "STRELSAU (Ruritania), Oct 15 (Bernama) -- Elbonia proposed common rules.\n\n" + BODY
    assert removed(text) == [["STRELSAU (Ruritania), Oct 15 (Bernama) -- ", "agency_dateline"]]
    assert removed(BODY + "\n\nReleased by the AGO press office\n") == [
        ["Released by the AGO press office", "release_credit"]
    ]
    assert removed(BODY + "\n\nReleased by the police on Monday, he went home.\n") == []


def test_captions_corrections_datelines_and_topic_lists_of_foreign_outlets() -> None:
    caption = "Image caption, Police in Strelsau escort workers freed from a compound"
    assert removed("Headline\n\n" + caption + "\n\n" + BODY) == [[caption, "labelled_caption"]]
    note = "Editor's note: A previous version of this story misspelled the name of Lin Bo."
    assert removed(BODY + "\n\n" + note + "\n") == [[note, "correction_note"]]
    text = "Workers freed\n\nZenda, Ruritania - Kyaw Zin, 27, spent five months there.\n\n" + BODY
    assert removed(text) == [["Zenda, Ruritania - ", "place_dateline"]]
    text = BODY + "\n\nRelated Topics\n\nRuritania\n\nElbonia\n\nScams\n"
    assert [r[0] for r in removed(text)] == ["Related Topics", "Ruritania", "Elbonia", "Scams"]
    text = BODY + "\n\nDW recommends\nRuritania's prosecutors step up hunt for fugitives\n"
    assert [r[1] for r in removed(text)] == ["list_heading", "list_heading"]
    # a sentence about a correction is text
    assert removed(BODY + "\n\nThe correction was made by the court on Monday, he said.\n") == []
