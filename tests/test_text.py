"""Tokens and sentences: offsets, token rules, folding, Punkt sentences, helpers."""

import re

import pandas as pd
import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from analysis.schema import check_table
from analysis.text import (
    TOKEN_PATTERN,
    Vocabulary,
    fold,
    is_punct,
    load_stopwords,
    punkt_parameters,
    sentences,
    tokenize,
    tokenize_text,
    wrapped_documents,
)
from analysis.token_transforms import tokens_ngrams, tokens_remove, tokens_stem
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


# ------------------------------------------------------------------------------- hard-wrapped text

WRAPPED = (
    "HANOI - Delegations from ten ASEAN member states and China met on\n"
    "Wednesday to discuss cooperation against transnational crime. State\n"
    "President Jane\n"
    "Example-Smith opened the conference and called for closer ties\n"
    "between prosecutors. She said cyber fraud had grown quickly in the\n"
    "region over the past three years.\n"
    "\n"
    "The delegates agreed to share information on online scams and to\n"
    "hold a joint training course next year. The next meeting will take\n"
    "place in Beijing."
)
# One paragraph per line, as the sample articles are: every line ends a sentence.
NEWS = (
    "Prosecutors of ASEAN and China meet in Hanoi\n"
    "By Jane Doe\n"
    "Prosecutors from ten ASEAN countries and China met in Hanoi on Wednesday for their annual "
    "conference, which this year focuses on cyber fraud and transnational crime.\n"
    "Photo: VNA\n"
    "The delegates agreed to share information on online scams and to hold a joint training "
    "course next year, the organisers said."
)


def test_wrapped_text_gives_its_real_sentences_and_keeps_a_broken_name_together() -> None:
    docs = make_docs(WRAPPED)
    sents = sentences(tokenize(docs), docs)
    assert sents["text"].tolist() == [
        "HANOI - Delegations from ten ASEAN member states and China met on\n"
        "Wednesday to discuss cooperation against transnational crime.",
        "State\nPresident Jane\nExample-Smith opened the conference and called for closer ties\n"
        "between prosecutors.",
        "She said cyber fraud had grown quickly in the\nregion over the past three years.",
        "The delegates agreed to share information on online scams and to\n"
        "hold a joint training course next year.",
        "The next meeting will take\nplace in Beijing.",
    ]
    # "line" (the old default) cuts at every line break: 10 lines, 12 pieces
    assert sentences(tokenize(docs, line_breaks="line"), docs)["sent"].max() == 12
    # "auto" equals "paragraph" on a wrapped document, offsets included
    toks = tokenize(docs)
    assert toks.equals(tokenize(docs, line_breaks="paragraph"))
    spans = zip(toks.start, toks.end, toks.token.astype(str), strict=True)
    assert all(WRAPPED[s:e] == t for s, e, t in spans)


def test_one_paragraph_per_line_news_is_not_treated_as_wrapped() -> None:
    # short lines without full stops are not wrapping either: too narrow, too few
    short = make_docs("Keep me.\nBy Lan Anh\nComments (2)", "Crime\nFraud\nTheft\nArson\nRiots")
    assert wrapped_documents(short)["wrapped"].tolist() == [False, False]
    docs = make_docs(NEWS)
    assert tokenize(docs).equals(tokenize(docs, line_breaks="line"))
    assert sentences(tokenize(docs), docs)["sent"].max() == 5


def test_sample_articles_are_not_wrapped_and_tokenize_as_before(sample_docs) -> None:
    assert not wrapped_documents(sample_docs)["wrapped"].any()
    assert tokenize(sample_docs).equals(tokenize(sample_docs, line_breaks="line"))


def test_wrapped_text_is_detected_per_document_in_a_mixed_corpus() -> None:
    docs = make_docs(NEWS, WRAPPED, "One line only.")
    toks = tokenize(docs)
    n_sents = toks.groupby("doc_id", observed=True)["sent"].max().tolist()
    assert n_sents == [5, 5, 1]
    for doc_id in ("d1", "d3"):
        one = docs[docs.doc_id == doc_id].reset_index(drop=True)
        assert toks.loc[toks.doc_id == doc_id, "sent"].tolist() == (
            tokenize(one, line_breaks="line")["sent"].tolist()
        )


def test_wrapped_documents_table_counted_by_hand() -> None:
    docs = make_docs(WRAPPED, NEWS, "", "a\nb")
    table = wrapped_documents(docs)
    check_table(table, "wrapped_documents")
    assert table["doc_id"].tolist() == ["d1", "d2", "d3", "d4"]
    assert table["wrapped"].tolist() == [True, False, False, False]
    assert table["n_lines"].tolist() == [9, 5, 0, 2]
    # wrapped: lengths 65 67 14 62 66 33 | 64 66 17 -> median 64; news: 44 11 165 10 125
    assert table["median_line_length"].tolist() == [64.0, 44.0, 0.0, 1.0]
    # lines followed by a line: 5 + 2 in d1, all cut mid-sentence ("years." ends a paragraph);
    # d2: 4, of which the headline, the byline and "Photo: VNA" end without punctuation
    assert table["unpunctuated_share"].tolist() == pytest.approx([1.0, 3 / 4, 0.0, 1.0])


def test_line_breaks_option_is_checked() -> None:
    with pytest.raises(ValueError, match="line_breaks"):
        tokenize(make_docs("a"), line_breaks="wrapped")


def test_vocabulary_carried_across_calls_gives_the_same_tokens(sample_docs) -> None:
    vocab = Vocabulary()
    whole = tokenize(sample_docs)
    parts = [tokenize(sample_docs.iloc[[i]], vocabulary=vocab) for i in range(len(sample_docs))]
    first, second = parts
    # categories grow at their end: the second chunk's extend the first one's
    cats1, cats2 = first["norm"].cat.categories, second["norm"].cat.categories
    assert cats2[: len(cats1)].equals(cats1)
    assert len(vocab) == len(whole["token"].cat.categories)
    for got, doc_id in zip(parts, sample_docs["doc_id"], strict=True):
        want = whole[whole["doc_id"] == doc_id].reset_index(drop=True)
        for col in ("sent", "tok", "start", "end"):
            assert got[col].tolist() == want[col].tolist()
        for col in ("doc_id", "token", "norm"):
            assert got[col].astype(str).tolist() == want[col].astype(str).tolist()
    assert vocab.punct_mask().tolist() == [
        not any(ch.isalnum() for ch in n) for n in second["norm"].cat.categories
    ]
