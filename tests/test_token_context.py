"""TokenContext look-ups on norm codes, and rows_with."""

import numpy as np

from analysis.text import tokenize_text
from analysis.token_context import TokenContext, rows_with


def test_norm_codes_and_word_sets_agree_with_the_strings() -> None:
    toks = tokenize_text("The UN met in Paris. Talks (AFP) went on.")
    ctx = TokenContext(toks)
    doc = np.zeros(4, np.int64)
    tok = np.array([-1, 1, 4, 40])  # before the text, "UN", "Paris", past the end
    assert ctx.norm(doc, tok).tolist() == ["", "un", "paris", ""]
    assert ctx.codes(doc, tok)[[0, 3]].tolist() == [-1, -1]
    assert ctx.norm_in(doc, tok, {"paris", "un"}).tolist() == [False, True, True, False]
    assert ctx.norm_in(doc, tok, "paris").tolist() == [False, False, True, False]
    # "" stands for "no token there", as in the strings
    assert ctx.norm_in(doc, tok, {""}).tolist() == [True, False, False, True]
    assert ctx.capitalised(doc, tok).tolist() == [False, True, True, False]
    assert ctx.upper(doc, tok).tolist() == [False, True, False, False]


def test_rows_with_finds_the_rows_of_a_few_or_many_codes() -> None:
    codes = np.array([3, 1, -1, 2, 3, 0, 1], np.int16)
    assert rows_with(codes, np.array([3]), 4).tolist() == [0, 4]
    assert rows_with(codes, np.array([1, 3]), 4).tolist() == [0, 1, 4, 6]
    assert rows_with(codes, np.array([0, 1, 3, -1]), 4).tolist() == [0, 1, 4, 5, 6]
    assert rows_with(codes, np.array([], np.int64), 4).tolist() == []
    # more than five codes: a look-up table
    assert rows_with(codes, np.arange(-1, 7), 8).tolist() == [0, 1, 3, 4, 5, 6]
