"""Keywords in context: offsets, windows, spacing, with and without the docs table."""

import re

import pandas as pd
import pytest

from analysis.concordance import kwic
from analysis.matching import PatternError
from analysis.schema import SCHEMAS, check_table
from analysis.text import tokenize, tokens_remove
from tests.conftest import make_docs

VNA = "vna_2023-12-06"
TN = "thanhnien_2023-12-06"


def rows(table: pd.DataFrame, columns: list[str]) -> list[list]:
    return table[columns].values.tolist()


# --------------------------------------------------------------------------- kwic


def test_kwic_keywords_are_the_text_at_their_offsets(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    texts = dict(zip(sample_docs["doc_id"], sample_docs["text"], strict=True))
    k = kwic(sample_tokens, ["crime*", "cooperat*", "Prosecutors-General"], docs=sample_docs)
    assert list(k.columns) == [
        "doc_id",
        "sent",
        "start",
        "end",
        "pre",
        "matched",
        "post",
        "pattern",
    ]
    for row in k.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.matched
    # Hand count (grep -o -w -i on data/raw): crime 5 + crimes 6 in VNA, 5 + 12 in Thanh niên;
    # cooperation 4 + cooperative 1 in VNA, cooperation 9 + cooperated 1 in Thanh niên.
    counts = k.groupby(["doc_id", "pattern"], observed=True).size().to_dict()
    assert counts == {
        (VNA, "crime*"): 11,
        (VNA, "cooperat*"): 5,
        (VNA, "Prosecutors-General"): 1,
        (TN, "crime*"): 17,
        (TN, "cooperat*"): 10,
    }


def test_kwic_window_keeps_original_spacing() -> None:
    docs = make_docs("Vietnam fights high-tech crimes.  Cooperation helps,\nsaid Thưởng.")
    toks = tokenize(docs)
    k = kwic(toks, "crime*", docs=docs, window=3)
    assert rows(k, ["sent", "start", "end", "pre", "matched", "post"]) == [
        [1, 25, 31, "Vietnam fights high-tech", "crimes", ".  Cooperation helps"]
    ]
    # The window crosses sentence and line breaks, but not the document's edges.
    k = kwic(toks, "helps", docs=docs, window=50)
    assert rows(k, ["pre", "post"]) == [
        ["Vietnam fights high-tech crimes.  Cooperation", ",\nsaid Thưởng."]
    ]
    assert rows(kwic(toks, "vietnam", docs=docs, window=0), ["pre", "matched", "post"]) == [
        ["", "Vietnam", ""]
    ]


def test_kwic_sentence_unit_gives_the_rest_of_the_sentence() -> None:
    docs = make_docs("We met. Vietnam fights high-tech crimes, he said. Then we left.")
    k = kwic(tokenize(docs), "crimes", docs=docs, unit="sentence")
    assert rows(k, ["sent", "pre", "matched", "post"]) == [
        [2, "Vietnam fights high-tech", "crimes", ", he said."]
    ]


def test_kwic_phrases_globs_and_overlapping_patterns_show_each_token_once(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    k = kwic(sample_tokens, "information sharing", docs=sample_docs, window=2)
    assert rows(k, ["doc_id", "pre", "matched", "post"]) == [
        [VNA, "cooperation,", "information sharing", "and unified"]
    ]
    both = kwic(sample_tokens, ["crime*", "high-tech crime*"], docs=sample_docs)
    # 28 crime/crimes tokens in all; the 9 preceded by "high-tech" are shown once, as phrases.
    assert len(both) == 28
    assert (both["pattern"] == "high-tech crime*").sum() == 9
    assert not both.duplicated(["doc_id", "end"]).any()


def test_kwic_case_and_diacritics() -> None:
    docs = make_docs("President Võ Văn Thưởng spoke; the president left.")
    toks = tokenize(docs)
    assert kwic(toks, "Vo Van Thuong", docs=docs)["matched"].tolist() == ["Võ Văn Thưởng"]
    assert kwic(toks, "president", docs=docs)["matched"].tolist() == ["President", "president"]
    sensitive = kwic(toks, "president", docs=docs, fold_case=False)
    assert sensitive["matched"].tolist() == ["president"]


def test_kwic_on_filtered_tokens_counts_the_rows_present() -> None:
    docs = make_docs("Crimes, frauds and scams rise.")
    toks = tokens_remove(tokenize(docs), punct=True)
    k = kwic(toks, "scams", docs=docs, window=2)
    assert rows(k, ["pre", "matched", "post"]) == [["frauds and", "scams", "rise"]]


def test_kwic_bad_patterns_raise() -> None:
    docs = make_docs("x")
    toks = tokenize(docs)
    with pytest.raises(ValueError, match="pattern is empty"):
        kwic(toks, [], docs=docs)
    with pytest.raises(PatternError, match="invalid regex"):
        kwic(toks, "regex:(", docs=docs)
    with pytest.raises(ValueError, match="no text for doc_id.*d1"):
        kwic(toks, "x", docs=make_docs("x").assign(doc_id=["other"]))


def test_kwic_without_docs_rebuilds_the_context_from_the_tokens() -> None:
    docs = make_docs("Vietnam fights high-tech crimes.  Cooperation helps,\nsaid Thưởng.")
    toks = tokenize(docs)
    k = kwic(toks, "crime*", window=3)
    # Offsets: crimes 25-31, "." 31-32, Cooperation 34-45, helps 46-51. The two spaces
    # between "." and "Cooperation" are two characters between tokens: two spaces.
    assert rows(k, ["doc_id", "sent", "start", "end", "pre", "matched", "post"]) == [
        ["d1", 1, 25, 31, "Vietnam fights high-tech", "crimes", ".  Cooperation helps"]
    ]
    # The line break after "helps," is shown as a space.
    assert rows(kwic(toks, "helps", window=50), ["pre", "post"]) == [
        ["Vietnam fights high-tech crimes.  Cooperation", ", said Thưởng."]
    ]
    assert rows(kwic(toks, "Vietnam high-tech", window=1), ["pre", "matched", "post"]) == []
    assert rows(kwic(toks, "fights high-tech", window=0), ["matched"]) == [["fights high-tech"]]


def test_kwic_without_docs_shows_removed_tokens_as_spaces() -> None:
    docs = make_docs("Crimes, frauds and scams rise.")
    toks = tokens_remove(tokenize(docs), punct=True)
    # Crimes 0-6, "," 6-7 (removed), frauds 8-14, and 15-18, scams 19-24, rise 25-29.
    assert rows(kwic(toks, "and", window=2), ["pre", "matched", "post"]) == [
        ["Crimes  frauds", "and", "scams rise"]
    ]
    assert rows(kwic(toks, "and", docs=docs, window=2), ["pre", "matched", "post"]) == [
        ["Crimes, frauds", "and", "scams rise"]
    ]


def test_kwic_without_docs_equals_the_docs_version_with_white_space_as_spaces(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    patterns = ["crime*", "cooperat*", "information sharing"]
    with_docs = kwic(sample_tokens, patterns, docs=sample_docs, window=8)
    without = kwic(sample_tokens, patterns, window=8)
    # crime* 11 + 17, cooperat* 5 + 10 (the hand counts above), information sharing 1.
    assert len(with_docs) == 28 + 15 + 1
    for col in ("doc_id", "sent", "start", "end", "matched", "pattern"):
        assert without[col].tolist() == with_docs[col].tolist(), col
    for col in ("pre", "post"):
        assert without[col].tolist() == [re.sub(r"\s", " ", s) for s in with_docs[col]], col


def test_kwic_tables_have_the_schema_dtypes_also_when_empty() -> None:
    docs = make_docs("Crimes rise.", "Nothing here.")
    toks = tokenize(docs)
    found = kwic(toks, "crime*", docs=docs)
    check_table(found, "kwic")
    assert found["doc_id"].tolist() == ["d1"]
    for empty in (kwic(toks, "fraud", docs=docs), kwic(toks, "fraud")):
        assert empty.empty and list(empty.columns) == list(SCHEMAS["kwic"])
        check_table(empty, "kwic")


def test_kwic_old_option_name_still_works_with_a_warning() -> None:
    docs = make_docs("President Võ Văn Thưởng spoke; the president left.")
    toks = tokenize(docs)
    with pytest.warns(DeprecationWarning, match=r"case_insensitive=\.\.\.\) is deprecated"):
        old = kwic(toks, "president", docs=docs, case_insensitive=False)
    pd.testing.assert_frame_equal(old, kwic(toks, "president", docs=docs, fold_case=False))
    assert old["matched"].tolist() == ["president"]
    with pytest.raises(TypeError, match="unexpected keyword argument 'case'"):
        kwic(toks, "president", case=False)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: kwic(t, "a", docs=make_docs("a b"), unit="paragraph"), "'token', 'sentence'"),
        (lambda t: kwic(t, "a", docs=make_docs("a b"), window=-1), "window=-1"),
        (lambda t: kwic(t, "a", unit="paragraph"), "'token', 'sentence'"),
    ],
)
def test_bad_options_raise_value_error_listing_allowed_values(call, message: str) -> None:
    toks = tokenize(make_docs("a b", "b c"))
    with pytest.raises(ValueError, match=message):
        call(toks)
