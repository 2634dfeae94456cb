"""Discovery of names the actor table misses."""

import pandas as pd
import pytest

from analysis.actors import find_mentions, load_actors
from analysis.discovery import unlisted_names
from analysis.schema import check_table
from analysis.text import tokenize
from tests.conftest import make_docs
from tests.test_actors import TABLE, TN, toy_actors


@pytest.fixture(scope="module")
def sample_mentions(sample_tokens, sample_docs) -> pd.DataFrame:
    return find_mentions(sample_tokens, load_actors(TABLE), docs=sample_docs)


def test_unlisted_names_in_sample(sample_tokens, sample_mentions, sample_docs) -> None:
    # By hand: the only capitalised words outside mentions that are not sentence openers,
    # months, or words capitalised only at a sentence start are "Government" (Thanh Nien s15)
    # and the title "Head" (s4, "…, Head of the Central Steering Committee …").
    found = unlisted_names(sample_tokens, sample_mentions, docs=sample_docs)
    assert found[["name", "count", "docfreq", "doc_id", "start", "end"]].values.tolist() == [
        ["Government", 1, 1, TN, 2862, 2872],
        ["Head", 1, 1, TN, 704, 708],
    ]
    assert found["example"].iloc[1] == (
        "President Vo Van Thuong, Head of the Central Steering Committee for Judicial Reform, "
        "attended and delivered the opening speech at the conference."
    )


def test_unlisted_names_finds_names_missing_from_the_table() -> None:
    docs = make_docs(
        "In Hanoi, Minister Pham Minh Chinh met Vo Van Thuong.",
        "The Ministry of Public Security agreed. Delegates left in December.",
        "Hanoi hosted the Ministry of Public Security, said Pham Minh Chinh.",
    )
    toks = tokenize(docs)
    m = find_mentions(toks, toy_actors(), docs=docs)
    found = unlisted_names(toks, m, docs=docs)
    # "In", "The" open sentences; "Delegates" is capitalised only at a sentence start;
    # "December" is a month; Vo Van Thuong is covered by a mention; "Hanoi" opens d3 but is
    # capitalised mid-sentence in d1, so it counts there too.
    assert found[["name", "count", "docfreq", "doc_id", "start", "end"]].values.tolist() == [
        ["Hanoi", 2, 2, "d1", 3, 8],
        ["Ministry of Public Security", 2, 2, "d2", 4, 31],
        ["Minister Pham Minh Chinh", 1, 1, "d1", 10, 34],
        ["Pham Minh Chinh", 1, 1, "d3", 51, 66],
    ]
    assert found["example"].iloc[0] == docs["text"].iloc[0]
    assert unlisted_names(toks, m, docs=docs, min_count=2)["name"].tolist() == [
        "Hanoi",
        "Ministry of Public Security",
    ]


def test_unlisted_names_joins_over_inner_connectors_and_splits_at_mentions() -> None:
    docs = make_docs(
        "Minister Pham Minh Chinh of the Ministry of Public Security and Vo Van Thuong met."
    )
    toks = tokenize(docs)
    found = unlisted_names(toks, find_mentions(toks, toy_actors(), docs=docs))
    # "of", "the", "and" may stand inside a name; the mention of Vo Van Thuong ends the run and
    # the dangling "and" is trimmed. Without docs the example is rebuilt from the tokens.
    assert found[["name", "count"]].values.tolist() == [
        ["Minister Pham Minh Chinh of the Ministry of Public Security", 1]
    ]
    assert found["example"].iloc[0] == docs["text"].iloc[0]


def test_unlisted_names_tables_follow_the_schema_also_when_empty() -> None:
    docs = make_docs("Vo Van Thuong spoke.", "nothing capitalised here.")
    toks = tokenize(docs)
    m = find_mentions(toks, toy_actors(), docs=docs)
    found = unlisted_names(toks, m, docs=docs)
    assert found.empty
    check_table(found, "unlisted_names")
    check_table(unlisted_names(toks.iloc[:0], m.iloc[:0]), "unlisted_names")
    full = unlisted_names(toks, m.iloc[:0], docs=docs)  # nothing covered: the name counts
    assert full[["name", "count", "docfreq"]].values.tolist() == [["Vo Van Thuong", 1, 1]]
    check_table(full, "unlisted_names")


def test_unlisted_names_rejects_a_bad_min_count() -> None:
    docs = make_docs("Hanoi.")
    toks = tokenize(docs)
    with pytest.raises(ValueError, match="min_count=0 must be at least 1"):
        unlisted_names(toks, find_mentions(toks, toy_actors()), min_count=0)


def test_capitalised_flags_match_the_python_rule() -> None:
    # The Arrow fast path tests each distinct first character once; crafted types where the
    # first character is upper case but no letter (Roman numeral, circled letter), title case,
    # empty, digits, non-Latin scripts.
    import pyarrow as pa

    from analysis.discovery import _capitalised

    words = ["Hanoi", "hanoi", "", "Ⅳ", "Ⅳa", "Ⓐ", "Ⓐb", "ǅemal", "1A", "Đà", "Ωmega", "ß",
             "Ü-", "'Tis", "A", "-", "Ⅻ1"]  # fmt: skip
    want = [bool(w) and w[0].isupper() and any(ch.isalpha() for ch in w) for w in words]
    assert _capitalised(pa.array(words, type=pa.large_string())).tolist() == want


def test_covered_marks_the_tokens_of_every_mention_span():
    """_covered marks the rows of each mention span directly (speed, issue 14): the same
    tokens as a token-by-token test, with overlapping and nested spans, a span in no token,
    and the tokens in shuffled order."""
    import numpy as np

    from analysis.discovery import _covered, _TokenArrays

    docs = pd.DataFrame({"doc_id": ["d1", "d2"],
                         "text": ["Alpha Beta Gamma Delta met here.", "Epsilon Zeta spoke."]})  # fmt: skip
    tokens = tokenize(docs)
    mentions = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d2", "d2"],
        "start": [0, 6, 11, 0, 8],
        "end": [10, 16, 16, 12, 8],
    })  # fmt: skip
    for table in (tokens, tokens.sample(frac=1, random_state=3)):
        got = _covered(_TokenArrays(table), table, mentions)
        want = [
            any(
                d == str(doc) and s <= start < e
                for d, s, e in mentions[["doc_id", "start", "end"]].itertuples(index=False)
            )
            for doc, start in zip(table["doc_id"], table["start"], strict=True)
        ]
        assert got.tolist() == want
        assert np.count_nonzero(got) == 5  # Alpha Beta Gamma; Epsilon Zeta
