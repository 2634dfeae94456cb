"""Tokens and sentences: offsets, token rules, folding, Punkt sentences, helpers."""

import re

import pandas as pd
import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from analysis.text import (
    TOKEN_PATTERN,
    fold,
    is_punct,
    load_stopwords,
    punkt_parameters,
    sentences,
    tokenize,
    tokenize_text,
    tokens_ngrams,
    tokens_remove,
    tokens_stem,
)
from tests.conftest import make_docs


def test_offsets_point_at_tokens(sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame) -> None:
    texts = dict(zip(sample_docs.doc_id, sample_docs.text, strict=True))
    for row in sample_tokens.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.token


def test_fast_path_equals_plain_regex_on_irregular_spacing() -> None:
    text = "  Two  spaces,\ttabs\u00a0and\u2009thin spaces.\r\nA line\n\n\nafter blanks…  U.S.-made, 1,000.5 "
    toks = tokenize(make_docs(text, "", "one"))
    ref = [(m.start(), m.end(), m.group()) for m in re.finditer(TOKEN_PATTERN, text, re.VERBOSE)]
    d1 = toks[toks["doc_id"] == "d1"]
    assert list(zip(d1["start"], d1["end"], d1["token"].astype(str), strict=True)) == ref
    assert toks.loc[toks["doc_id"] == "d3", "tok"].tolist() == [0]


def test_token_rules_hyphens_possessives_numbers_acronyms() -> None:
    toks = tokenize_text(
        "The Supreme People's Procuracy: high-tech, Prosecutors-General; 06/12/2023 and 3.5% in the U.S."
    )
    assert toks["token"].astype(str).tolist() == [
        "The", "Supreme", "People's", "Procuracy", ":", "high-tech", ",", "Prosecutors-General", ";",
        "06/12/2023", "and", "3.5", "%", "in", "the", "U.S.",
    ]  # fmt: skip


def test_president_names_fold_to_the_same_norms() -> None:
    toks = tokenize(make_docs("President Vo Van Thuong", "President Võ Văn Thưởng", "Đà Nẵng’s"))
    norms = toks.groupby("doc_id", observed=True)["norm"].agg(lambda s: " ".join(s.astype(str)))
    assert norms["d1"] == norms["d2"] == "president vo van thuong"
    assert norms["d3"] == "da nang's"
    assert fold("Thưởng", case=False) == "Thuong" and fold("Thưởng", diacritics=False) == "thưởng"


def test_sentences_split_at_line_breaks_then_punkt() -> None:
    docs = make_docs(
        "Dr. Lee flew to the U.S. on Monday. He stayed.\nHeadline without stop\nJ. Smith said: “Fine.” Then left."
    )
    sents = sentences(tokenize(docs), docs)
    assert sents["text"].tolist() == [
        "Dr. Lee flew to the U.S. on Monday.",
        "He stayed.",
        "Headline without stop",
        "J. Smith said: “Fine.”",
        "Then left.",
    ]
    assert sents["sent"].tolist() == [1, 2, 3, 4, 5]


def test_sample_sentences_agree_with_nltk_punkt(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    punkt = PunktSentenceTokenizer(punkt_parameters())
    expected = [
        line[s:e]
        for text in sample_docs["text"]
        for line in text.split("\n")
        for s, e in punkt.span_tokenize(line)
    ]
    assert sentences(sample_tokens, sample_docs)["text"].tolist() == expected
    assert sample_tokens.groupby("doc_id", observed=True)["sent"].max().to_dict() == {
        "vna_2023-12-06": 8,
        "thanhnien_2023-12-06": 18,
    }


def test_trained_punkt_and_line_break_modes() -> None:
    params = punkt_parameters(train_on=["Prof. Ng spoke. Prof. Ng left. The end."])
    assert "prof" in params.abbrev_types
    wrapped = make_docs("A sentence that is\nhard wrapped. Next one.\n\nNew paragraph.")
    per_para = tokenize(wrapped, line_breaks="paragraph").groupby("sent")["token"].size().tolist()
    assert per_para == [7, 3, 3]
    with pytest.raises(ValueError, match="'line', 'paragraph', 'none'"):
        tokenize(wrapped, line_breaks="sentence")


def test_punctuation_stopwords_stems_and_ngrams() -> None:
    toks = tokenize_text("The crimes, and the criminals' crimes.")
    assert is_punct(toks).tolist() == [False, False, True, False, False, False, True, False, True]
    kept = tokens_remove(toks, load_stopwords(), punct=True)
    assert kept["token"].astype(str).tolist() == ["crimes", "criminals", "crimes"]
    assert kept["tok"].tolist() == [1, 5, 7]  # original positions kept
    assert tokens_stem(kept)["norm"].astype(str).tolist() == ["crime", "crimin", "crime"]
    grams = tokens_ngrams(toks, 2)
    assert grams["norm"].tolist() == [
        "the crimes",
        "crimes and",
        "and the",
        "the criminals",
        "criminals crimes",
    ]
    assert grams[["start", "end"]].values.tolist()[0] == [0, 10]
    assert len(load_stopwords()) == 179
