"""Boilerplate cleaning: rules, the cleaned text and the audit trail of removed lines."""

import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import boilerplate, corpus
from analysis.boilerplate import (
    BOILERPLATE_RULE_SETS,
    DEFAULT_BOILERPLATE_RULES,
    BoilerplateError,
    BoilerplateRule,
    BoilerplateWarning,
    boilerplate_rules,
    clean_boilerplate,
)
from analysis.corpus import load_corpus
from analysis.schema import check_table
from tests.conftest import DATA, make_docs


def test_boilerplate_lines_removed_and_recorded(sample_docs: pd.DataFrame) -> None:
    docs = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    cleaned, removed = clean_boilerplate(docs)
    assert removed[["doc_id", "line", "rule"]].values.tolist() == [
        ["vna_2023-12-06", 3, "photo_caption"],
        ["thanhnien_2023-12-06", 2, "outlet_dateline"],
        ["thanhnien_2023-12-06", 5, "photo_caption"],
        ["thanhnien_2023-12-06", 6, "credit_line"],
        ["thanhnien_2023-12-06", 8, "comment_counter"],
    ]
    # offsets point into the original text
    for row in removed.itertuples():
        original = docs.set_index("doc_id").loc[row.doc_id, "text"]
        assert original[row.start : row.end] == row.text
    assert "(Photo: VNA)" not in cleaned.loc[0, "text"]
    assert "Comment (0)" not in cleaned.loc[1, "text"]
    assert "\nVNA\n" not in cleaned.loc[1, "text"]
    assert docs.loc[0, "text"].count("\n") > cleaned.loc[0, "text"].count("\n")  # input untouched


def test_data_folder_is_not_modified(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in (DATA / "raw").iterdir()}
    clean_boilerplate(load_corpus(DATA / "raw", metadata=DATA / "metadata.csv"))
    assert {p: p.read_bytes() for p in (DATA / "raw").iterdir()} == before


def test_credit_line_takes_the_caption_above_it_but_not_a_sentence() -> None:
    docs = make_docs(
        "Body one.\nLeaders at the summit\n\nAFP/Getty\nBody two.",
        "The talks ended.\nVNA\nMore.",
    )
    cleaned, removed = clean_boilerplate(docs)
    assert removed[["doc_id", "line", "start", "end", "rule"]].values.tolist() == [
        ["d1", 2, 10, 31, "photo_caption"],
        ["d1", 4, 33, 42, "credit_line"],
        ["d2", 2, 17, 20, "credit_line"],
    ]
    assert cleaned["text"].tolist() == ["Body one.\n\nBody two.", "The talks ended.\nMore."]


def test_custom_rules_replace_the_defaults_and_nothing_removed_gives_the_schema() -> None:
    docs = make_docs("Keep me.\nBy Lan Anh\nComments (2)")
    rule = BoilerplateRule("byline", r"By [A-Z][a-z]+ [A-Z][a-z]+")
    cleaned, removed = clean_boilerplate(docs, rules=[rule])
    assert removed[["line", "text", "rule"]].values.tolist() == [[2, "By Lan Anh", "byline"]]
    assert cleaned.loc[0, "text"] == "Keep me.\nComments (2)"
    check_table(removed, "removed")
    _, none = clean_boilerplate(make_docs("Plain text."))
    assert none.empty
    check_table(none, "removed")
    assert list(none.columns) == ["doc_id", "line", "start", "end", "text", "rule"]


def test_corpus_module_keeps_the_boilerplate_names() -> None:
    assert corpus.clean_boilerplate is clean_boilerplate
    assert corpus.BoilerplateRule is BoilerplateRule
    assert corpus.DEFAULT_BOILERPLATE_RULES is DEFAULT_BOILERPLATE_RULES


# --- rule sets, fragments, user rules (issue 13 item 2) ----------------------------------

WEB_PAGE = """Home > World > Asia-Pacific
Vietnam and China sign crime pact
Published: 06/12/2023 14:30 GMT+7
Wednesday, December 6, 2023 10:05
Share this article: Facebook | Twitter | Zalo
Short link: https://vnanet.vn/s/abc123
Page ID: 48213
Print | Email
Download PDF
HANOI (VNA) – The 13th ASEAN-China conference opened on Wednesday.
VIETNAM, December 6 – Delegates met in Hanoi.
Delegates at the conference. Photo: VNA The 13th conference agreed on a plan.
Delegates pose for a group photo. Photo: Viet Nam News
Prime Minister Pham Minh Chinh at the meeting (VNS Photo Doan Tung)
Read more: Vietnam, China agree to boost cooperation
Click here to read the full statement.
The talks ended with a joint statement. (VNA)
The delegates left Hanoi on Thursday. – VNA/VNS
Viet Nam News
Source: Xinhua
The ASEAN - China relations improved. Viet Nam is a member of ASEAN.
Readers shared the photo: a boy with a flag.
2 hours ago"""


def test_default_rules_remove_every_class_of_web_furniture_and_keep_the_text() -> None:
    docs = make_docs(WEB_PAGE)
    cleaned, removed = clean_boilerplate(docs)
    assert removed[["line", "text", "rule"]].values.tolist() == [
        [1, "Home > World > Asia-Pacific", "breadcrumb"],
        [3, "Published: 06/12/2023 14:30 GMT+7", "timestamp"],
        [4, "Wednesday, December 6, 2023 10:05", "timestamp"],
        [5, "Share this article: Facebook | Twitter | Zalo", "share_line"],
        [6, "Short link: https://vnanet.vn/s/abc123", "short_link"],
        [7, "Page ID: 48213", "page_id"],
        [8, "Print | Email", "print_link"],
        [9, "Download PDF", "print_link"],
        [10, "HANOI (VNA) – ", "agency_dateline"],
        [11, "VIETNAM, December 6 – ", "upper_dateline"],
        [12, "Delegates at the conference. Photo: VNA ", "fused_caption"],
        [13, "Delegates pose for a group photo. Photo: Viet Nam News", "caption_credit"],
        [
            14,
            "Prime Minister Pham Minh Chinh at the meeting (VNS Photo Doan Tung)",
            "caption_credit",
        ],
        [15, "Read more: Vietnam, China agree to boost cooperation", "read_more"],
        [16, "Click here to read the full statement.", "click_here"],
        [17, " (VNA)", "trailing_credit"],
        [18, " – VNA/VNS", "trailing_credit"],
        [19, "Viet Nam News", "credit_outlet"],
        [20, "Source: Xinhua", "source_line"],
        [23, "2 hours ago", "timestamp"],
    ]
    for row in removed.itertuples():  # offsets into the original text
        assert WEB_PAGE[row.start : row.end] == row.text
    assert removed.loc[removed.line == 10, ["start", "end"]].values.tolist() == [[257, 271]]
    assert cleaned.loc[0, "text"] == (
        "Vietnam and China sign crime pact\n"
        "The 13th ASEAN-China conference opened on Wednesday.\n"
        "Delegates met in Hanoi.\n"
        "The 13th conference agreed on a plan.\n"
        "The talks ended with a joint statement.\n"
        "The delegates left Hanoi on Thursday.\n"
        "The ASEAN - China relations improved. Viet Nam is a member of ASEAN.\n"
        "Readers shared the photo: a boy with a flag."
    )


def test_sample_report_unchanged_by_the_new_default_rules() -> None:
    docs = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    _, removed = clean_boilerplate(docs)
    _, agency = clean_boilerplate(docs, rules="agency")  # the rules before rule sets
    assert removed.equals(agency)
    assert removed[["start", "end"]].values.tolist() == [
        [237, 358],
        [119, 144],
        [851, 874],
        [875, 878],
        [4476, 4487],
    ]


def test_rule_sets_and_defaults() -> None:
    assert BOILERPLATE_RULE_SETS["default"] == DEFAULT_BOILERPLATE_RULES
    assert [r.name for r in BOILERPLATE_RULE_SETS["agency"]] == [
        "photo_caption",
        "credit_line",
        "comment_counter",
        "outlet_dateline",
    ]
    names = [r.name for r in DEFAULT_BOILERPLATE_RULES]
    assert len(names) == len(set(names))
    assert boilerplate_rules(None) == boilerplate_rules(True) == list(DEFAULT_BOILERPLATE_RULES)
    assert boilerplate_rules(False) == []
    # a set named twice, or with its own rule again, is kept once
    assert boilerplate_rules(["agency", "agency", BOILERPLATE_RULE_SETS["agency"][0]]) == list(
        BOILERPLATE_RULE_SETS["agency"]
    )


def test_user_rules_whole_line_leading_and_trailing_fragments() -> None:
    text = "By Lan Anh\n  EXCLUSIVE: Talks opened. [ends]  \nKeep."
    rules = [
        {"name": "byline", "pattern": r"By [A-Z][a-z]+ [A-Z][a-z]+"},
        {"name": "tag", "pattern": r"EXCLUSIVE:", "where": "leading"},
        {"name": "end_tag", "pattern": r"\[ends\]", "where": "trailing"},
    ]
    cleaned, removed = clean_boilerplate(make_docs(text), rules=rules)
    assert removed[["line", "start", "end", "text", "rule"]].values.tolist() == [
        [1, 0, 10, "By Lan Anh", "byline"],
        [2, 13, 24, "EXCLUSIVE: ", "tag"],
        [2, 37, 44, " [ends]", "end_tag"],
    ]
    assert cleaned.loc[0, "text"] == "  Talks opened.  \nKeep."
    # user rules add to a set
    both = boilerplate_rules(["agency", *rules], source="study.yml")
    assert [r.name for r in both][-3:] == ["byline", "tag", "end_tag"]
    assert both[-1].source == "study.yml" and both[-1].where == "trailing"


def test_trailing_rule_with_alternation_stays_anchored_at_the_line_end() -> None:
    rule = {"name": "credit", "pattern": "AFP|VNA", "where": "trailing"}
    cleaned, removed = clean_boilerplate(make_docs("AFP said talks went well. VNA"), rules=[rule])
    assert removed["text"].tolist() == [" VNA"]
    assert cleaned.loc[0, "text"] == "AFP said talks went well."


def test_rule_removing_more_than_max_share_warns_naming_rule_and_document() -> None:
    docs = make_docs("Short.\nA much longer line of real text here.", "Fine text.\nShort.")
    rule = {"name": "eater", "pattern": r"A much .{1,100}"}
    with pytest.warns(BoilerplateWarning, match=r"'eater'.*d1 \(84%\)"):
        clean_boilerplate(docs, rules=[rule])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clean_boilerplate(docs, rules=[rule], max_share=0.9)


ADVERSARIAL = {
    # issue 15: " " * 8000 + "." took 42 s (adjacent \s* in the old outlet_dateline rule)
    "spaces_then_a_full_stop": " " * 100_000 + ".",
    "spaces_then_a_credit": " " * 100_000 + "(Photo: VNA)",
    "tabs_and_spaces_then_agency": " \t" * 50_000 + "VNA",
    "spaces": " " * 100_000,
    "letter_spaces_letter": "a" + " " * 100_000 + "b",
    "digits": "1" * 100_000,
    "open_parens": "(" * 100_000,
    "photo_credits": "(Photo:" * 14_000,
    "photo_colons": "Photo: " * 14_000,
    "capitals": "A " * 50_000,
    "bullets": "•" * 100_000,
    "breadcrumb": "Home > " * 14_000,
    "times": "12:30 " * 16_000,
    "share_words": "Share " * 16_000,
    "datelines": "HANOI (VNA) " * 8_000,
    "agency_slashes": ". VNA/" * 16_000,
    "click_here": "click here " * 9_000,
    "dates": "December 6, 2023 " * 6_000,
    "upper_commas": "HANOI, " * 14_000,
    "dateline_with_spaces": "HANOI" + " " * 100_000 + "(VNA) –",
    "share_then_spaces": "Share" + " " * 100_000 + "x",
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_default_rules_are_linear_on_adversarial_lines(name: str) -> None:
    line = ADVERSARIAL[name]
    docs = make_docs(line, f"Title.\n{line}\nEnd.", "\n".join([line[:1000]] * 100))
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BoilerplateWarning)  # some lines are all boilerplate
        clean_boilerplate(docs)
    assert time.perf_counter() - start < 1.0


def test_user_rule_that_backtracks_is_stopped_with_an_error_naming_rule_and_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(boilerplate, "RULE_TIME_BUDGET", 0.2)
    rules = boilerplate_rules([{"name": "slow", "pattern": "(x|x)+y"}], source="study.yml")
    start = time.perf_counter()
    with pytest.raises(BoilerplateError, match=r"'slow' \(from study.yml\).*document 'd2'"):
        clean_boilerplate(make_docs("ok", "x" * 40), rules=rules)
    assert time.perf_counter() - start < 2.0


def test_user_rule_named_like_a_shipped_rule_is_applied_as_written() -> None:
    # the shipped rules' quick pre-checks are keyed by name AND pattern
    rules = [{"name": "click_here", "pattern": "Klick hier.{0,40}"}]
    _, removed = clean_boilerplate(
        make_docs("A body paragraph that is long enough.\nKlick hier zum Lesen"), rules=rules
    )
    assert removed[["line", "rule"]].values.tolist() == [[2, "click_here"]]


def test_user_rule_in_regex_module_syntax_works_without_a_length_bound() -> None:
    rule = {"name": "caps_credit", "pattern": r"\(\p{Lu}{2,5}\)", "where": "trailing"}
    cleaned, removed = clean_boilerplate(make_docs("Talks ended. (ĐTV)"), rules=[rule])
    assert removed["text"].tolist() == [" (ĐTV)"]
    assert cleaned.loc[0, "text"] == "Talks ended."


def test_headline_over_a_masthead_is_not_a_photo_caption():
    # A headline above the outlet's name was removed as a caption, with its actor mentions.
    text = "Polri to host ASEAN-China meet\n\nThe Jakarta Post\n\nJakarta | Mon, July 17, 2017\n"
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    cleaned, removed = clean_boilerplate(docs)
    assert removed["rule"].tolist() == ["credit_outlet"]
    assert cleaned["text"].iloc[0].startswith("Polri to host ASEAN-China meet")
