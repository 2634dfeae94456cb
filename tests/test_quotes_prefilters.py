"""Early exits of find_quotes (issue 14): each skips a rule only where the rule cannot change
the result. Old path vs new: the quotes table with every early exit disabled (its predicate
patched to always pass) equals the table with them, on crafted texts made to reach the
boundaries of each predicate and on held-out news texts (sets 9, 13, 14, 17, where each
predicate, forced false, changes the table)."""

from pathlib import Path

import pandas as pd
import pytest

from analysis import body_forms, quotes, reported, source_anaphora
from analysis.actor_table import Actors
from analysis.actors import find_mentions
from analysis.quotes import find_quotes
from analysis.text import tokenize

FIXTURES = Path(__file__).parent / "fixtures"

TEXTS = [
    # a comma right after the sentence's first token, and none before the cue
    '"We will act," said Nguyen Thi Lan. Lan, said the paper. Yes, Lan said it would.',
    "Prices will rise, the ministry said. The ministry, however, said nothing else, Lan said.",
    # "the official said" after an official of a body
    "A senior ministry official told reporters the plan was set. The rise is temporary, the"
    " official said.",
    # a country's body, and no organisation
    "Vietnam's trade ministry said exports rose. Vietnam's top court said it would rule.",
    # transcript answers with and without a person
    "LAN: We will act.\nTHE MINISTRY: We agree.\nQ: Why?\nNguyen Thi Lan: Because.",
    "Binh: We will act now and soon.\nQ: When?",
]

ACTORS = Actors.from_records([
    {"id": "lan", "name": "Nguyen Thi Lan", "type": "person", "aliases": "Lan|LAN"},
    {"id": "mof", "name": "the ministry", "type": "organisation", "aliases": "THE MINISTRY"},
    {"id": "vn", "name": "Vietnam", "type": "country"},
])  # fmt: skip

PREDICATES = [
    (reported, "_comma_before"),
    (body_forms, "_names_organisation"),
    (quotes, "_names_person"),
    (source_anaphora, "_official_cue"),
]


def _crafted():
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS})
    tokens = tokenize(docs)
    return docs, tokens, find_mentions(tokens, ACTORS, docs=docs)


def _heldout(name: str):
    from tests.benchmarks.actors_heldout import heldout_inputs

    return heldout_inputs(FIXTURES / name, raw=True)  # raw texts: more lines for the skips


SOURCES = ["crafted", "actors_heldout9", "actors_heldout13", "actors_heldout14", "actors_heldout17"]


@pytest.mark.parametrize("source", SOURCES)
def test_early_exits_change_nothing(source, monkeypatch):
    docs, tokens, mentions = _crafted() if source == "crafted" else _heldout(source)
    new = find_quotes(docs, tokens, mentions)
    for module, name in PREDICATES:
        monkeypatch.setattr(module, name, lambda *args: True)
    old = find_quotes(docs, tokens, mentions)
    pd.testing.assert_frame_equal(new, old)
    assert len(new) > 0


def test_predicates_on_crafted_input():
    assert reported._comma_before(["lan", ",", "said"], 0, 2)
    assert not reported._comma_before([",", "lan", "said"], 0, 2)  # the first token is not one
    assert not reported._comma_before(["lan", "said", ","], 0, 1)  # after the cue
