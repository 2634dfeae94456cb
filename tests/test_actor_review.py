"""Review files and validation scores for mentions and quotes (issue 12)."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.actor_review import (
    ActorGoldError,
    export_mentions_for_review,
    export_quotes_for_review,
    load_actor_gold,
    load_review,
    review_precision,
    score_mentions,
    score_quotes,
)
from analysis.actors import Actors, find_mentions, load_actors
from analysis.quotes import find_quotes
from analysis.text import tokenize
from tests.conftest import make_docs

ROOT = Path(__file__).resolve().parents[1]
ACTORS = Actors.from_records(
    [
        {"id": "lan", "name": "Nguyen Thi Lan", "type": "person"},
        {"id": "cn", "name": "China", "type": "country"},
    ]
)


def pipeline(*texts: str):
    docs = make_docs(*texts)
    toks = tokenize(docs)
    m = find_mentions(toks, ACTORS, docs=docs)
    return docs, toks, m, find_quotes(docs, toks, m)


def test_mention_review_file_has_context_and_empty_columns_and_is_written(tmp_path) -> None:
    docs, toks, m, _ = pipeline("China grew. Nguyen Thi Lan met China.")
    path = tmp_path / "mentions.csv"
    out = export_mentions_for_review(m, docs, toks, path)
    assert out["context"].tolist() == [
        "[[China]] grew.", "[[Nguyen Thi Lan]] met China.", "Nguyen Thi Lan met [[China]].",
    ]  # fmt: skip
    assert out[["correct", "note"]].eq("").all().all()
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    assert not list(tmp_path.glob(".*.tmp"))  # atomic: no temporary file left
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["surface"].tolist() == ["China", "Nguyen Thi Lan", "China"]


def test_quote_review_marks_quote_and_speaker(tmp_path) -> None:
    docs, toks, m, q = pipeline("Crime fell, Nguyen Thi Lan said.")
    out = export_quotes_for_review(q, docs, toks, tmp_path / "q.csv")
    assert out[["text", "speaker_id", "cue", "context"]].values.tolist() == [
        ["Crime fell", "lan", "said", "[[Crime fell]], {{Nguyen Thi Lan}} said."]
    ]
    assert {"correct", "correct_speaker", "note"} <= set(out.columns)


def test_reviewed_file_loads_back_with_yes_no_and_gives_precision(tmp_path) -> None:
    docs, toks, m, _ = pipeline("China grew. Nguyen Thi Lan met China.")
    path = tmp_path / "mentions.csv"
    out = export_mentions_for_review(m, docs, toks)
    out["correct"] = ["yes", "Y", "no"]
    out.to_csv(path, index=False)
    back = load_review(path)
    assert back["correct"].tolist() == [True, True, False]
    prec = review_precision(back)
    assert prec.values.tolist() == [["cn", 2, 1, 0.5], ["lan", 1, 1, 1.0], ["all", 3, 2, 2 / 3]]


def test_review_with_a_bad_correct_cell_names_file_and_line(tmp_path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("review_id,correct\n1,yes\n2,maybe\n", encoding="utf-8")
    with pytest.raises(
        ActorGoldError, match=r"r\.csv, line 3, column correct: 'maybe' is not yes/no"
    ):
        load_review(path)


def test_gold_without_offsets_is_found_in_order_and_scored_by_hand(tmp_path) -> None:
    docs, toks, m, q = pipeline(
        "China grew, Nguyen Thi Lan said. China fell. Laos rose, China said."
    )
    path = tmp_path / "gold.csv"
    path.write_text(
        "doc_id,kind,text,actor_id,cue\n"
        "d1,mention,China,cn,\n"
        "d1,mention,Nguyen Thi Lan,lan,\n"
        "d1,mention,China,cn,\n"
        "d1,quote,China grew,lan,said\n"
        "d1,quote,Laos rose,cn,said\n"
        "d1,quote,China fell,cn,\n",
        encoding="utf-8",
    )
    gold = load_actor_gold(path, docs=docs)
    assert gold["start"].tolist() == [0, 12, 33, 0, 45, 33]  # second "China" = second occurrence
    s = score_mentions(m, gold)
    # output: China x3 (0, 33, 56), Lan; gold: China at 0 and 33, Lan -> China fp 1
    assert s.values.tolist()[-1][:4] == ["all", 3, 1, 0]
    assert s[s["actor_id"] == "cn"][["tp", "fp", "fn"]].values.tolist() == [[2, 1, 0]]
    sq = score_quotes(q, gold).iloc[0]
    # output: "China grew" (lan), "Laos rose" (cn); gold has 3 -> matched 2, both right
    assert (sq.found, sq.gold, sq.matched, sq.speaker_right, sq.cue_right) == (2, 3, 2, 2, 2)
    assert sq.precision_speaker == 1.0 and sq.recall_speaker == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("doc_id,kind,text\nd1,mention,China\n", r"line 1: missing column\(s\) actor_id"),
        ("doc_id,kind,text,actor_id\nd1,name,China,cn\n", "line 2: kind 'name' must be"),
        ("doc_id,kind,text,actor_id\nd1,mention,China,\n", "line 2: a mention needs an actor_id"),
        ("doc_id,kind,text,actor_id\nd1,mention,Japan,jp\n", "line 2: text 'Japan' not found"),
        ("doc_id,kind,text,actor_id\nd9,mention,China,cn\n", "line 2: document 'd9' is not in"),
        ("doc_id,kind,text,actor_id,start,end\nd1,mention,China,cn,1,6\n",
         "line 2: text 'China' is not the text at 1:6"),
        ("doc_id,kind,text,actor_id,start,end\nd1,mention,China,cn,a,6\n",
         "line 2: start/end must be whole numbers"),
    ],
)  # fmt: skip
def test_bad_gold_files_name_the_file_line_and_problem(tmp_path, content, problem) -> None:
    path = tmp_path / "gold.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorGoldError, match=r"gold\.csv, " + problem):
        load_actor_gold(path, docs=make_docs("China grew."))


def test_sample_gold_scores(sample_docs, sample_tokens) -> None:
    # The shipped gold is the hand-checked sample tables (69 mentions, 17 quotes): an in-sample
    # consistency check, not a validation (see data/gold/README.md).
    actors = load_actors(ROOT / "data" / "actors" / "asean_china.yml")
    gold = load_actor_gold(ROOT / "data" / "gold" / "asean_china_actors.csv", docs=sample_docs)
    assert gold["kind"].value_counts().to_dict() == {"mention": 69, "quote": 17}
    m = find_mentions(sample_tokens, actors, docs=sample_docs)
    s = score_mentions(m, gold)
    assert s.iloc[-1][["tp", "fp", "fn"]].tolist() == [69, 0, 0]
    sq = score_quotes(find_quotes(sample_docs, sample_tokens, m), gold).iloc[0]
    assert (sq.matched, sq.speaker_right, sq.cue_right) == (17, 17, 17)


def test_heldout_benchmark_meets_the_targets() -> None:
    from tests.benchmarks.actors_heldout import run

    sm, sq = run()
    total = sm[sm["actor_id"] == "all"].iloc[0]
    assert total.precision >= 0.97 and total.recall >= 0.96
    assert sq.iloc[0].precision_speaker >= 0.9 and sq.iloc[0].recall_speaker >= 0.8


def test_coding_agreement_two_coders_hand_computed():
    from analysis import coding_agreement

    a = pd.DataFrame({
        "doc_id": ["d"] * 5,
        "kind": ["mention"] * 3 + ["quote"] * 2,
        "start": [0, 10, 20, 30, 100], "end": [5, 14, 28, 60, 120],
        "actor_id": ["cn", "vn", "th", "li", ""], "cue": ["", "", "", "said", "told"],
    })  # fmt: skip
    b = pd.DataFrame({
        "doc_id": ["d"] * 5 + ["e"],
        "kind": ["mention"] * 3 + ["quote"] * 2 + ["mention"],
        "start": [0, 11, 40, 35, 200, 0], "end": [5, 14, 44, 60, 210, 4],
        "actor_id": ["cn", "vn", "la", "li", "", "cn"], "cue": ["", "", "", "Said", "", ""],
    })  # fmt: skip
    got = coding_agreement(a, b)
    # mentions: cn and vn (overlapping spans) pair, th and la do not: 2 * 2 / (3 + 3);
    # document "e" is coded by one coder only and does not count
    assert got["kind"].tolist() == ["mention", "quote"]
    assert got[["first", "second", "matched"]].values.tolist() == [[3, 3, 2], [2, 2, 1]]
    assert got["agreement"].tolist() == pytest.approx([4 / 6, 0.5])
    assert got["first_in_second"].tolist() == pytest.approx([2 / 3, 0.5])
    # the paired quote has the same speaker and the same folded cue ("said" / "Said")
    assert got["speaker_agreement"][1] == 1.0 and got["cue_agreement"][1] == 1.0
    assert np.isnan(got["speaker_agreement"][0])
