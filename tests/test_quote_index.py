"""analysis._quote_index: the chunk-wide look-ups give what the per-row code gave (issue 14)."""

import warnings

import numpy as np
import pandas as pd
import pytest

from analysis._quote_index import doc_codes


def _general(doc_ids: pd.Series, doc_cats: pd.Index) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.Categorical(doc_ids.astype(str), categories=doc_cats).codes


CATS = pd.Index(["d1", "d2", "d3"])


@pytest.mark.parametrize(
    "doc_ids",
    [
        pd.Series(pd.Categorical(["d3", "d1", "d3"], categories=["d1", "d2", "d3"])),  # fast
        pd.Series(pd.Categorical(["d3", "d1"], categories=["d3", "d2", "d1"])),  # other order
        pd.Series(pd.Categorical(["d1", None], categories=["d1", "d2", "d3"])),  # missing
        pd.Series(pd.Categorical(["d1"], categories=["d1", "d2"])),  # fewer categories
        pd.Series(["d2", "d1", "d4"]),  # plain strings, one unknown
        pd.Series(pd.Categorical([1, 2], categories=[1, 2])),  # not strings
    ],
)
def test_doc_codes_as_the_general_path(doc_ids: pd.Series) -> None:
    assert doc_codes(doc_ids, CATS).tolist() == _general(doc_ids, CATS).tolist()


def test_doc_codes_numeric_categories_written_as_strings() -> None:
    ids = pd.Series(pd.Categorical([2, 1, 2], categories=[1, 2]))
    assert doc_codes(ids, pd.Index(["1", "2"])).tolist() == [1, 0, 1]
