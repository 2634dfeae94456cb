"""Bad input to the actor layer (issue 12 / 15): actor tables, cue lists, gold and review
files. Each case asserts the exact error class and that the message names the file (or the
study file and key) and the problem."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis.actor_review import ActorGoldError, load_actor_gold, load_review
from analysis.actor_table import ActorTableError, load_actors
from analysis.quotes import CueListError, check_cues

SRC = "studies/asean.yml"
DOCS = pd.DataFrame({"doc_id": ["d1"], "text": ["China grew."]})

CUE_CASES = {
    "cue_not_a_string": ([3], [SRC, "quotes.cues[0]", "non-empty string", "3"]),
    "cue_empty_string": (["said", ""], [SRC, "quotes.cues[1]", "non-empty string", "''"]),
    "cue_blank_string": (["  "], [SRC, "quotes.cues[0]", "non-empty string"]),
    "cue_none_item": ([None], [SRC, "quotes.cues[0]", "None"]),
    "cues_not_a_list": ({"said": 1}, [SRC, "quotes.cues", "must be a list of strings", "dict"]),
    "cue_bad_regex": (["regex:(said"], [SRC, "quotes.cues[0]", "not a valid pattern"]),
}


@pytest.mark.parametrize("case", sorted(CUE_CASES))
def test_bad_cue_lists(case) -> None:
    values, parts = CUE_CASES[case]
    with pytest.raises(CueListError) as err:
        check_cues(values, source=SRC, key="quotes.cues")
    for part in parts:
        assert part in str(err.value), (part, str(err.value))


TABLE_CASES = {
    "places_not_a_bool": (
        "- {id: cn, name: China, type: country, places: maybe}\n",
        ["line 1", "actor 'cn'", "places must be true or false", "'maybe'"],
    ),
}


@pytest.mark.parametrize("case", sorted(TABLE_CASES))
def test_bad_actor_tables(tmp_path, case) -> None:
    content, parts = TABLE_CASES[case]
    path = tmp_path / "actors.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorTableError) as err:
        load_actors(path)
    for part in [str(path), *parts]:
        assert part in str(err.value), (part, str(err.value))


def test_shared_alias_warns_once_naming_both_actors(tmp_path) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(
        "- {id: spp_vn, name: SPP Vietnam, type: organisation, aliases: [SPP]}\n"
        "- {id: spp_cn, name: SPP China, type: organisation, aliases: [SPP]}\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        load_actors(path)
    assert len(record) == 1
    msg = str(record[0].message)
    assert str(path) in msg and "'SPP' (spp_cn;spp_vn)" in msg


GOLD_CASES = {
    "gold_missing_column": ("doc_id,kind,text\nd1,mention,China\n", ["line 1", "actor_id"]),
    "gold_bad_kind": ("doc_id,kind,text,actor_id\nd1,speech,China,cn\n", ["line 2", "'speech'"]),
    "gold_text_not_found": (
        "doc_id,kind,text,actor_id\nd1,mention,Laos,la\n",
        ["line 2", "'Laos'"],
    ),
    "gold_ragged_row": ("doc_id,kind,text,actor_id\nd1,mention,China\n", ["line 2", "3 cells"]),
    "gold_empty_file": ("", ["empty"]),
    "gold_not_utf8": (b"doc_id,kind,text,actor_id\nd1,mention,Ch\xffna,cn\n", ["UTF-8"]),
}


@pytest.mark.parametrize("case", sorted(GOLD_CASES))
def test_bad_gold_files(tmp_path, case) -> None:
    content, parts = GOLD_CASES[case]
    path = tmp_path / "gold.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorGoldError) as err:
        load_actor_gold(path, docs=DOCS)
    for part in [str(path), *parts]:
        assert part in str(err.value), (part, str(err.value))


def test_review_file_without_correct_column(tmp_path) -> None:
    path = tmp_path / "review.csv"
    path.write_text("review_id,surface\n1,China\n", encoding="utf-8")
    with pytest.raises(ActorGoldError, match="no 'correct' column") as err:
        load_review(path)
    assert str(path) in str(err.value)
