"""One schema per public table: every table, empty and non-empty, has its declared dtypes."""

from collections.abc import Callable

import pandas as pd
import pytest

import analysis as a
from analysis.schema import OPTIONAL, SCHEMAS, check_table, conform, empty_table

ROOT = "data"
NOTHING = pd.DataFrame({"doc_id": ["d1"], "text": ["Nothing to see here."], "outlet": ["X"]})


def _pipeline(docs: pd.DataFrame, raw: pd.DataFrame) -> dict[str, Callable[[], pd.DataFrame]]:
    """How each public table is made from one docs table (lazily)."""
    tokens = a.tokenize(docs)
    cb = a.load_codebook(f"{ROOT}/codebooks/asean_china_crime.yml")
    act = a.load_actors(f"{ROOT}/actors/asean_china.yml")
    hits = a.code_themes(tokens, cb, docs=docs)
    mentions = a.find_mentions(tokens, act, docs=docs)
    gold = a.load_gold(f"{ROOT}/gold/asean_china_sentences.csv")
    return {
        "tokens": lambda: tokens,
        "sentences": lambda: a.sentences(tokens, docs),
        "matches": lambda: a.match(tokens, a.compile_patterns({"k": ["crime*"]})),
        "term_frequency": lambda: a.term_frequency(tokens, by="outlet", docs=docs),
        "keyness": lambda: a.keyness(tokens, docs["doc_id"].iloc[0]),
        "kwic": lambda: a.kwic(tokens, "crime*"),
        "collocations": lambda: a.collocations(tokens),
        "hits": lambda: hits,
        "theme_matrix": lambda: a.theme_matrix(hits, docs=docs, by="outlet"),
        "theme_cooccurrence": lambda: a.theme_cooccurrence(hits),
        "theme_kwic": lambda: a.theme_kwic(hits, "crime", docs=docs),
        "mentions": lambda: mentions,
        "actor_counts": lambda: a.actor_counts(mentions, docs=docs, by="outlet"),
        "quotes": lambda: a.find_quotes(docs, tokens, mentions),
        "comention_edges": lambda: a.comention_edges(mentions),
        "actor_theme_matrix": lambda: a.actor_theme_matrix(mentions, hits),
        "removed": lambda: a.clean_boilerplate(raw)[1],
        "scores": lambda: a.score_against_gold(hits, gold),
        "gold_sentences": lambda: gold,
        "unlisted_names": lambda: a.unlisted_names(tokens, mentions, docs=docs),
        "duplicates": lambda: a.find_duplicates(_with_copy(docs)),
        "duplicate_pairs": lambda: a.duplicate_pairs(_with_copy(docs)),
    }


def _with_copy(docs: pd.DataFrame) -> pd.DataFrame:
    """The corpus plus a republished copy of its first document (for the duplicate tables)."""
    if len(docs) < 2:
        return docs
    copy = docs.iloc[:1].assign(doc_id=lambda d: d["doc_id"] + "_copy")
    return pd.concat([docs, copy], ignore_index=True)


@pytest.fixture(scope="module")
def full(sample_docs: pd.DataFrame) -> dict[str, Callable[[], pd.DataFrame]]:
    raw = a.load_corpus(f"{ROOT}/raw", metadata=f"{ROOT}/metadata.csv")
    return _pipeline(sample_docs, raw)


@pytest.fixture(scope="module")
def empty() -> dict[str, Callable[[], pd.DataFrame]]:
    return _pipeline(NOTHING, NOTHING)


TABLES = sorted([
    "tokens", "sentences", "matches", "term_frequency", "keyness", "kwic", "collocations", "hits",
    "theme_matrix", "theme_cooccurrence", "theme_kwic", "mentions", "actor_counts", "quotes",
    "comention_edges", "actor_theme_matrix", "removed", "scores", "gold_sentences",
    "unlisted_names", "duplicates", "duplicate_pairs",
])  # fmt: skip
# Tables that cannot be empty on a one-document corpus with words in it.
NEVER_EMPTY = {"tokens", "sentences", "term_frequency", "keyness", "theme_matrix", "actor_counts",
               "scores", "gold_sentences", "collocations"}  # fmt: skip


@pytest.mark.parametrize("name", TABLES)
def test_non_empty_table_has_its_schema(full, name):
    table = full[name]()
    assert len(table) > 0
    check_table(table, name)


@pytest.mark.parametrize("name", sorted(set(TABLES) - NEVER_EMPTY))
def test_empty_table_has_its_schema(empty, name):
    table = empty[name]()
    assert len(table) == 0
    check_table(table, name)
    assert list(table.columns[: len(SCHEMAS[name])]) == list(SCHEMAS[name])


def test_every_schema_is_made_by_a_test_or_declared_elsewhere():
    # docs is checked in test_corpus; codings/gold_coders in test_validation.
    assert set(SCHEMAS) - set(TABLES) == {"docs", "codings", "gold_coders", "wrapped_documents"}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_empty_table_builds_every_declared_table(name):
    check_table(empty_table(name), name)
    cols = list(SCHEMAS[name]) + list(OPTIONAL.get(name, {}))
    check_table(empty_table(name, columns=cols), name)


def test_conform_casts_and_orders_and_keeps_extra_columns():
    raw = pd.DataFrame({"extra": [1], "weight": [2.0], "group": ["g"], "target": ["b"],
                        "source": ["a"]})  # fmt: skip
    out = conform(raw, "comention_edges")
    assert list(out.columns) == ["source", "target", "weight", "group", "extra"]
    assert out["weight"].dtype == "int64"
    with pytest.raises(KeyError, match="lacks column"):
        conform(raw.drop(columns="source"), "comention_edges")
