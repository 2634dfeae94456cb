"""Per-type caching of the mention rules across the chunks of one corpus."""

from __future__ import annotations

import pickle

import pandas as pd

from analysis.actor_table import Actors
from analysis.actors import find_mentions
from analysis.text import Vocabulary, tokenize
from analysis.token_context import TypeCache


def test_type_cache_examines_only_the_new_types():
    seen = []

    def examine(types: pd.Index) -> dict:
        seen.append(list(types))
        return {i: t.upper() for i, t in enumerate(types) if "-" in t}

    cache = TypeCache()
    first = pd.Index(["x", "a-b"], dtype=str)
    assert cache.update(first, examine) == {1: "A-B"}
    grown = pd.Index(["x", "a-b", "y", "c-d"], dtype=str)
    assert cache.update(grown, examine) == {1: "A-B", 3: "C-D"}
    assert cache.update(grown, examine) == {1: "A-B", 3: "C-D"}  # same categories: no work
    other = pd.Index(["c-d", "x"], dtype=str)  # not an extension: examined from the start
    assert cache.update(other, examine) == {0: "C-D"}
    assert seen == [["x", "a-b"], ["y", "c-d"], ["c-d", "x"]]
    # what it learned is not shipped (a Dask worker starts empty)
    copy = pickle.loads(pickle.dumps(cache))
    assert copy.cats is None and copy.found == {}


def test_compound_mentions_in_chunks_with_one_vocabulary():
    actors = Actors.from_records(
        [
            {"id": "cn", "name": "China", "type": "country"},
            {"id": "vn", "name": "Vietnam", "type": "country"},
            {"id": "asean", "name": "ASEAN", "type": "organisation"},
        ]
    )
    chunks = [
        pd.DataFrame({"doc_id": ["d1"], "text": ["Vietnam-China talks began."]}),
        pd.DataFrame({"doc_id": ["d2"], "text": ["The ASEAN-China summit met. Vietnam-China ties grew."]}),
    ]  # fmt: skip
    cols = ["doc_id", "start", "end", "surface", "actor_id", "via"]
    expected = [
        [["d1", 0, 7, "Vietnam", "vn", "compound"], ["d1", 8, 13, "China", "cn", "compound"]],
        [
            ["d2", 4, 9, "ASEAN", "asean", "compound"],
            ["d2", 10, 15, "China", "cn", "compound"],
            ["d2", 28, 35, "Vietnam", "vn", "compound"],
            ["d2", 36, 41, "China", "cn", "compound"],
        ],
    ]
    vocab = Vocabulary()
    for chunk, want in zip(chunks, expected, strict=True):
        carried = find_mentions(tokenize(chunk, vocabulary=vocab), actors, docs=chunk)
        alone = find_mentions(tokenize(chunk), actors, docs=chunk)
        assert carried[cols].values.tolist() == want
        assert alone[cols].values.tolist() == want
