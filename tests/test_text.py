import pandas as pd

from analysis.text import tokenize
from tests.conftest import make_docs


def test_offsets_point_at_tokens(sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame) -> None:
    texts = dict(zip(sample_docs.doc_id, sample_docs.text, strict=True))
    for row in sample_tokens.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.token


def test_abbreviations_do_not_end_sentences() -> None:
    toks = tokenize(make_docs("Dr. Lee flew to the U.S. on Monday. He stayed."))
    assert toks.groupby("sent", observed=True).size().tolist() == [10, 3]
