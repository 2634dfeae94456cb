"""Chunk-wide look-ups of :func:`analysis.quotes.find_quotes`, built once per call.

Private, used by :mod:`analysis.speakers` (which is at its size limit): what is here only
makes the inputs of the quote rules cheaper to build, never changes them (issue 14).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["doc_codes"]


def doc_codes(doc_ids: pd.Series, doc_cats: pd.Index) -> np.ndarray:
    """The position of each value of ``doc_ids`` in ``doc_cats`` (-1 when absent), as
    ``pd.Categorical(doc_ids.astype(str), categories=doc_cats).codes`` gives it.

    A mentions table from :func:`analysis.actors.find_mentions` has the documents of its
    tokens table as categories: then its own codes are those positions already, and the
    string conversion and re-encoding of every row (a few ms per chunk) is skipped. Taken only
    when that is exact: categories equal to ``doc_cats`` once written as strings, in the same
    order, ``doc_cats`` unique (the general path raises otherwise), and no missing value
    (which the general path writes as the string "nan").

    Example:
        >>> ids = pd.Series(pd.Categorical(["d2", "d1", "d2"], categories=["d1", "d2"]))
        >>> doc_codes(ids, pd.Index(["d1", "d2"])).tolist()
        [1, 0, 1]
        >>> doc_codes(pd.Series(["d2", "d1"]), pd.Index(["d1", "d2"])).tolist()
        [1, 0]
    """
    dtype = doc_ids.dtype
    if isinstance(dtype, pd.CategoricalDtype) and doc_cats.is_unique:
        codes = doc_ids.cat.codes.to_numpy()
        if dtype.categories.astype(str).equals(doc_cats) and bool((codes >= 0).all()):
            return codes
    return pd.Categorical(doc_ids.astype(str), categories=doc_cats).codes
