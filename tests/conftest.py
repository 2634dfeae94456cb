"""Shared fixtures: the sample study and tiny hand-made corpora."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import clean_boilerplate, load_corpus
from analysis.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def sample_docs() -> pd.DataFrame:
    """The two sample articles, boilerplate removed."""
    docs = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    return clean_boilerplate(docs)[0]


@pytest.fixture(scope="session")
def sample_tokens(sample_docs: pd.DataFrame) -> pd.DataFrame:
    return tokenize(sample_docs)


def make_docs(*texts: str, **docvars: list) -> pd.DataFrame:
    """Docs table d1, d2, ... from literal texts (plus optional docvar columns)."""
    docs = pd.DataFrame({"doc_id": [f"d{i + 1}" for i in range(len(texts))], "text": list(texts)})
    for name, values in docvars.items():
        docs[name] = values
    return docs


def quote_rows(text: str, actors) -> list[list]:
    """``text, kind, speaker_id (None for NA), cue`` of every quote of one text (paragraphs at
    line breaks), with the mentions of ``actors``: the shape the quote regression tests assert."""
    from analysis.actors import find_mentions
    from analysis.quotes import find_quotes

    docs = make_docs(text)
    toks = tokenize(docs, line_breaks="paragraph")
    q = find_quotes(docs, toks, find_mentions(toks, actors, docs=docs), actors=actors)
    return [
        [t, k, None if pd.isna(s) else s, c]
        for t, k, s, c in q[["text", "kind", "speaker_id", "cue"]].values.tolist()
    ]


#: A story's paragraphs around a line under test (tests/test_boilerplate_wave22.py, wave23)
PAGE_HEAD = "Police in Johor arrested 14 people on Tuesday.\n\n"
PAGE_TAIL = "\n\nThe ministry said the raids would continue.\n"


def cleaned_text(text: str) -> str:
    """The text of one document after :func:`clean_boilerplate` (its warnings silenced)."""
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [text]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(clean_boilerplate(docs)[0].loc[0, "text"])


def removed_between(line: str) -> list[tuple[str, str]]:
    """The removals of a page with ``line`` between two body paragraphs."""
    return boilerplate_removed(PAGE_HEAD + line + PAGE_TAIL)


def boilerplate_removed(text: str) -> list[tuple[str, str]]:
    """(rule, removed text) of one document cleaned with the default rules, in line order."""
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [text]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # short test texts: the share warning is expected
        _, rows = clean_boilerplate(docs)
    return [(r, t.strip()) for r, t in zip(rows["rule"], rows["text"], strict=True)]


def mention_rows(
    text: str, actors, columns: tuple[str, ...] = ("surface", "actor_id")
) -> list[list]:
    """``columns`` of every mention of ``actors`` in one text (shared-spelling warnings silenced):
    the shape the mention regression tests assert."""
    import warnings

    from analysis.actors import find_mentions

    docs = make_docs(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = find_mentions(tokenize(docs), actors, docs=docs)
    return m[list(columns)].values.tolist()


def cleaned_mention_rows(text: str, actors) -> list[list]:
    """:func:`mention_rows` of one text after :func:`clean_boilerplate` (its warnings silenced:
    in a short text most lines are boilerplate)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cleaned, _ = clean_boilerplate(make_docs(text))
    return mention_rows(cleaned.loc[0, "text"], actors)
