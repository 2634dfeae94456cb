"""Boilerplate cleaning: rules, the cleaned text and the audit trail of removed lines."""

from pathlib import Path

import pandas as pd

from analysis import corpus
from analysis.boilerplate import DEFAULT_BOILERPLATE_RULES, BoilerplateRule, clean_boilerplate
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
