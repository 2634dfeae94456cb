"""Held-out measurement of the actor layer (issue 12): mention precision/recall and quote
precision/recall with the right speaker, on 12 short news texts written for this purpose
(tests/fixtures/actors_heldout/: different outlets' styles, 2009-2025 conferences, a
hard-wrapped copy, datelines, captions, bylines) with their own actor table and hand coding.

Pipeline as a user runs it: clean_boilerplate (removed lines are blanked, so that the gold
offsets stay valid), tokenize (line_breaks="auto" where available, else "paragraph": the
texts separate paragraphs by blank lines), find_mentions, find_quotes, then the scores of
analysis.actor_review. Run: ``.venv/bin/python tests/benchmarks/actors_heldout.py [-v] [NAME]``
(NAME: the first word of a batch or set name, e.g. ``set1`` (or ``all``), ``set2``, ``set15``;
repeatable; ``unread`` or ``read`` for the pools below; default: every batch and set). With
``--pool`` the pooled scores of the sets run follow; the closing notes' pooled figures are
``actors_heldout.py --pool unread`` and ``--pool read``.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.actor_review import load_actor_gold, score_mentions, score_quotes
from analysis.actor_table import Actors
from analysis.actors import find_mentions, load_actors
from analysis.boilerplate import clean_boilerplate
from analysis.quotes import find_quotes
from analysis.text import tokenize

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "actors_heldout"
#: Second set (W7): 12 texts with their own actor table, written and hand-coded by a helper
#: before reading the quote rules. First run, before any fix and before reading the rules
#: (2026-11-30): mentions P/R 0.933/0.971 (tp 166, fp 12, fn 5); quotes found 62, gold 83,
#: matched 61, precision_with_right_speaker 0.887, recall_with_right_speaker 0.663.
#: After that run two coding slips were corrected in the gold (04: headline "PNP" unmarked;
#: 05: "Observers say …" is reported speech by an unnamed source, as "Experts said" in 10 was
#: coded): with them the first run scores mentions 0.938/0.971 and quotes 0.887/0.655.
#: The quote rules were then fixed on the failure classes of this set (W7; tests named after
#: each class in tests/test_quotes.py), so from then on this set is IN-SAMPLE: mentions
#: 0.960/0.971, quotes found 83, gold 84, matched 83, precision_with_right_speaker 0.988,
#: recall_with_right_speaker 0.976. Left: a speaker the table cannot name ("Li" is not a short
#: form of Li Hua), "praised … for its '…'" (not a speech cue), places coded by hand that the
#: rules keep ("the authorities in Cambodia"), a headline removed as a photo caption by
#: clean_boilerplate (05), "DOJ chief" (a title without a name) as a mention.
HERE2 = HERE.parent / "actors_heldout2"
#: Third set (wave 3): 18 texts in other styles and on other topics (trade, climate, crime,
#: diplomacy; wire, feature, press releases, a transcript, a wrapped copy). First run (unseen,
#: gold after correcting coding slips): mentions 0.877/0.980, quotes 0.740/0.606 (precision /
#: recall with the right speaker); after the wave-3 fixes (in-sample): 0.984/0.988 and
#: 0.984/0.969; set 2 then scores mentions 0.983/0.988, quotes 0.988/0.988. Details and what
#: is left in its README.md.
HERE3 = HERE.parent / "actors_heldout3"
#: Fourth set (wave 3 bis): 16 texts in styles not in sets 1-3 (an investigation with unnamed
#: sources, a court report, company filings, sports diplomacy, an op-ed, a live blog, translated
#: state media with long titles, an NGO report, acronyms introduced late, nested quotes, colon
#: headlines, a Senate hearing, a Q&A interview). First-run and after-fix scores in its README.md.
#: Wave 4 (fixes by class on sets 4-6, tests in tests/test_actors_wave4.py), mentions P/R and
#: quotes P/R with the right speaker, before -> after: set4 0.992/0.988, 0.969/0.885 ->
#: 0.992/0.992, 0.969/0.892; set5 0.994/0.989, 0.950/0.906 -> 0.994/0.989, 0.981/0.962; set6
#: 0.994/0.975, 0.947/0.900 -> 0.994/1.000, 0.990/0.990 (sets 1-3 unchanged).
HERE4 = HERE.parent / "actors_heldout4"
#: Seventh set (wave 4): 20 texts on ASEAN-China prosecutors' and law-enforcement cooperation
#: 2009-2025, the issue graders' domain. First run (blind): mentions P/R 0.915/0.985 (30 false
#: mentions), quotes P/R with the right speaker 0.934/0.884. After the wave-4 bis fixes by class
#: (tests/test_actors_wave4b.py; classes and rules in its README.md), in-sample: mentions
#: 1.000/1.000, quotes 0.942/0.884; set 2 then scores mentions 0.988/0.983 (its contact block)
#: and set 4 0.992/0.988 (its "Ambassador to Laos"), sets 1, 3, 5, 6 unchanged.
#: Eighth set (wave 4 bis): 16 texts of international news (wire, BBC/Guardian, a live blog,
#: US/Indian/African dailies, a press release, a UN News Q&A, a hard-wrapped dpa copy). First run
#: (blind, once): mentions P/R 0.911/0.970 (tp 288, fp 28, fn 9), quotes P/R with the right
#: speaker 0.850/0.788 (found 140, gold 151, matched 131, speaker right 119). After the wave-4
#: ter fixes by class (tests/test_actors_wave4c.py; classes and rules in its README.md),
#: in-sample: mentions 0.990/0.970, quotes 0.879/0.815; set 6 quotes 0.980/0.990 (its uncoded
#: "accused … of"), sets 1-5 and 7 unchanged.


def load_docs(here: Path = HERE, raw: bool = False) -> pd.DataFrame:
    files = sorted((here / "texts").glob("*.txt"))
    docs = pd.DataFrame(
        {"doc_id": [f.stem for f in files], "text": [f.read_text(encoding="utf-8") for f in files]}
    )
    if raw:
        return docs
    _, removed = clean_boilerplate(docs)
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    for d, s, e in removed[["doc_id", "start", "end"]].itertuples(index=False):
        t = texts[str(d)]
        texts[str(d)] = t[:s] + "".join(c if c == "\n" else " " for c in t[s:e]) + t[e:]
    return docs.assign(text=docs["doc_id"].map(texts))


#: Batches: the first was measured once and then used to fix rules (a development set since);
#: the second was written and hand-coded after those fixes and measured once (unseen).
BATCHES = {"dev (01-12)": ("01", "12"), "fresh (13-18)": ("13", "18"), "all": ("00", "99")}
#: batch name -> fixture folder (default: the first set).
SET_DIRS = {
    "set2 (W7, 01-12)": HERE2,
    "set3 (wave 3, 01-18)": HERE3,
    "set4 (wave 3 bis, 01-16)": HERE4,
    "set5 (wave 3 ter, 01-14; README)": HERE.parent / "actors_heldout5",
    "set6 (wave 3 quater, 01-14; README)": HERE.parent / "actors_heldout6",
    "set7 (wave 4, 01-20; README)": HERE.parent / "actors_heldout7",
    "set8 (wave 4 bis, 01-16; README)": HERE.parent / "actors_heldout8",
    "set9 (wave 5, 01-18; README)": HERE.parent / "actors_heldout9",
    "set10 (wave 5, 01-16; README)": HERE.parent / "actors_heldout10",
    "set11 (wave 6, 01-14; README)": HERE.parent / "actors_heldout11",
    "set12 (wave 8, 01-16; README)": HERE.parent / "actors_heldout12",
    "set13 (wave 8, 01-16; README)": HERE.parent / "actors_heldout13",
    "set14 (wave 9, 01-16; README)": HERE.parent / "actors_heldout14",
    "set15 (wave 9, 01-16; README)": HERE.parent / "actors_heldout15",
    "set16 (wave 10, 01-16; README)": HERE.parent / "actors_heldout16",
    "set17 (wave 10, 01-16; README)": HERE.parent / "actors_heldout17",
    "set18 (wave 11, 01-16; README)": HERE.parent / "actors_heldout18",
    "set19 (wave 12, 01-16; README)": HERE.parent / "actors_heldout19",
    "set20 (wave 12, 01-16; README)": HERE.parent / "actors_heldout20",
    "set21 (wave 13, 01-16; README)": HERE.parent / "actors_heldout21",
    "set18b (set 18 coded by a second coder)": HERE.parent / "actors_heldout18_coderB",
    "set19b (set 19 coded by a second coder)": HERE.parent / "actors_heldout19_coderB",
    "set18adj (set 18, the two codings adjudicated)": HERE.parent / "actors_heldout18_adj",
    "set19adj (set 19, the two codings adjudicated)": HERE.parent / "actors_heldout19_adj",
    "set20b (set 20 coded by a second coder)": HERE.parent / "actors_heldout20_coderB",
    "set20adj (set 20, the two codings adjudicated)": HERE.parent / "actors_heldout20_adj",
    "set21b (set 21 coded by a second coder)": HERE.parent / "actors_heldout21_coderB",
    "set21adj (set 21, the two codings adjudicated)": HERE.parent / "actors_heldout21_adj",
    "set22 (wave 14, 01-16; README)": HERE.parent / "actors_heldout22",
    "set23 (wave 14, 01-16; README)": HERE.parent / "actors_heldout23",
    "set22b (set 22 coded by a second coder)": HERE.parent / "actors_heldout22_coderB",
    "set22adj (set 22, the two codings adjudicated)": HERE.parent / "actors_heldout22_adj",
    "set23b (set 23 coded by a second coder)": HERE.parent / "actors_heldout23_coderB",
    "set23adj (set 23, the two codings adjudicated)": HERE.parent / "actors_heldout23_adj",
    "set24 (wave 14, 01-16; README)": HERE.parent / "actors_heldout24",
    "set25 (wave 14, 01-16; README)": HERE.parent / "actors_heldout25",
    "set24b (set 24 coded by a second coder)": HERE.parent / "actors_heldout24_coderB",
    "set24adj (set 24, the two codings adjudicated)": HERE.parent / "actors_heldout24_adj",
    "set25b (set 25 coded by a second coder)": HERE.parent / "actors_heldout25_coderB",
    "set25adj (set 25, the two codings adjudicated)": HERE.parent / "actors_heldout25_adj",
    "set26 (wave 14, 01-16; README)": HERE.parent / "actors_heldout26",
    "set27 (wave 14, 01-16; README)": HERE.parent / "actors_heldout27",
    "set26b (set 26 coded by a second coder)": HERE.parent / "actors_heldout26_coderB",
    "set26adj (set 26, the two codings adjudicated)": HERE.parent / "actors_heldout26_adj",
    "set27b (set 27 coded by a second coder)": HERE.parent / "actors_heldout27_coderB",
    "set27adj (set 27, the two codings adjudicated)": HERE.parent / "actors_heldout27_adj",
    "set28 (wave 15, 01-16; README)": HERE.parent / "actors_heldout28",
    "set29 (wave 15, 01-16; README)": HERE.parent / "actors_heldout29",
    "set28b (set 28 coded by a second coder)": HERE.parent / "actors_heldout28_coderB",
    "set28adj (set 28, the two codings adjudicated)": HERE.parent / "actors_heldout28_adj",
    "set29b (set 29 coded by a second coder)": HERE.parent / "actors_heldout29_coderB",
    "set29adj (set 29, the two codings adjudicated)": HERE.parent / "actors_heldout29_adj",
    "set30 (wave 15, 01-16; README)": HERE.parent / "actors_heldout30",
    "set31 (wave 15, 01-16; README)": HERE.parent / "actors_heldout31",
    "set30b (set 30 coded by a second coder)": HERE.parent / "actors_heldout30_coderB",
    "set30adj (set 30, the two codings adjudicated)": HERE.parent / "actors_heldout30_adj",
    "set31b (set 31 coded by a second coder)": HERE.parent / "actors_heldout31_coderB",
    "set31adj (set 31, the two codings adjudicated)": HERE.parent / "actors_heldout31_adj",
    "set32 (wave 15, 01-13; README)": HERE.parent / "actors_heldout32",
    "set33 (wave 15, 01-16; README)": HERE.parent / "actors_heldout33",
    "set32b (set 32 coded by a second coder)": HERE.parent / "actors_heldout32_coderB",
    "set32adj (set 32, the two codings adjudicated)": HERE.parent / "actors_heldout32_adj",
    "set33b (set 33 coded by a second coder)": HERE.parent / "actors_heldout33_coderB",
    "set33adj (set 33, the two codings adjudicated)": HERE.parent / "actors_heldout33_adj",
    "set34 (wave 16, 01-12; README)": HERE.parent / "actors_heldout34",
    "set34b (set 34 coded by a second coder)": HERE.parent / "actors_heldout34_coderB",
    "set34adj (set 34, the two codings adjudicated)": HERE.parent / "actors_heldout34_adj",
    "set35 (wave 16, 01-12; README)": HERE.parent / "actors_heldout35",
    "set35b (set 35 coded by a second coder)": HERE.parent / "actors_heldout35_coderB",
    "set35adj (set 35, the two codings adjudicated)": HERE.parent / "actors_heldout35_adj",
    "set36 (wave 16, 01-12; README)": HERE.parent / "actors_heldout36",
    "set36b (set 36 coded by a second coder)": HERE.parent / "actors_heldout36_coderB",
    "set36adj (set 36, the two codings adjudicated)": HERE.parent / "actors_heldout36_adj",
    "set37 (wave 16, 01-12; README)": HERE.parent / "actors_heldout37",
    "set37b (set 37 coded by a second coder)": HERE.parent / "actors_heldout37_coderB",
    "set37adj (set 37, the two codings adjudicated)": HERE.parent / "actors_heldout37_adj",
    "set38 (wave 16, 01-12; README)": HERE.parent / "actors_heldout38",
    "set38b (set 38 coded by a second coder)": HERE.parent / "actors_heldout38_coderB",
    "set38adj (set 38, the two codings adjudicated)": HERE.parent / "actors_heldout38_adj",
    "set39 (wave 16, 01-12; README)": HERE.parent / "actors_heldout39",
    "set39b (set 39 coded by a second coder)": HERE.parent / "actors_heldout39_coderB",
    "set39adj (set 39, the two codings adjudicated)": HERE.parent / "actors_heldout39_adj",
    "set40 (wave 16, 01-12; README)": HERE.parent / "actors_heldout40",
    "set40b (set 40 coded by a second coder)": HERE.parent / "actors_heldout40_coderB",
    "set40adj (set 40, the two codings adjudicated)": HERE.parent / "actors_heldout40_adj",
    "set41 (wave 16, 01-12; README)": HERE.parent / "actors_heldout41",
    "set41b (set 41 coded by a second coder)": HERE.parent / "actors_heldout41_coderB",
    "set41adj (set 41, the two codings adjudicated)": HERE.parent / "actors_heldout41_adj",
    "set42 (wave 16, 01-12; README)": HERE.parent / "actors_heldout42",
    "set42b (set 42 coded by a second coder)": HERE.parent / "actors_heldout42_coderB",
    "set42adj (set 42, the two codings adjudicated)": HERE.parent / "actors_heldout42_adj",
    "set43 (wave 16, 01-12; README)": HERE.parent / "actors_heldout43",
    "set43b (set 43 coded by a second coder)": HERE.parent / "actors_heldout43_coderB",
    "set43adj (set 43, the two codings adjudicated)": HERE.parent / "actors_heldout43_adj",
    "set44 (wave 16, 01-12; README)": HERE.parent / "actors_heldout44",
    "set44b (set 44 coded by a second coder)": HERE.parent / "actors_heldout44_coderB",
    "set44adj (set 44, the two codings adjudicated)": HERE.parent / "actors_heldout44_adj",
    "set45 (wave 16, 01-12; README)": HERE.parent / "actors_heldout45",
    "set45b (set 45 coded by a second coder)": HERE.parent / "actors_heldout45_coderB",
    "set45adj (set 45, the two codings adjudicated)": HERE.parent / "actors_heldout45_adj",
    "set46 (wave 16, 01-10; README)": HERE.parent / "actors_heldout46",
    "set46b (set 46 coded by a second coder)": HERE.parent / "actors_heldout46_coderB",
    "set46adj (set 46, the two codings adjudicated)": HERE.parent / "actors_heldout46_adj",
    "set47 (wave 16, 01-10; README)": HERE.parent / "actors_heldout47",
    "set47b (set 47 coded by a second coder)": HERE.parent / "actors_heldout47_coderB",
    "set47adj (set 47, the two codings adjudicated)": HERE.parent / "actors_heldout47_adj",
    "set48 (wave 16, 01-10; README)": HERE.parent / "actors_heldout48",
    "set48b (set 48 coded by a second coder)": HERE.parent / "actors_heldout48_coderB",
    "set48adj (set 48, the two codings adjudicated)": HERE.parent / "actors_heldout48_adj",
    "set49 (wave 17, 01-10; README)": HERE.parent / "actors_heldout49",
    "set49b (set 49 coded by a second coder)": HERE.parent / "actors_heldout49_coderB",
    "set49adj (set 49, the two codings adjudicated)": HERE.parent / "actors_heldout49_adj",
    "set50 (wave 17, 01-10; README)": HERE.parent / "actors_heldout50",
    "set50b (set 50 coded by a second coder)": HERE.parent / "actors_heldout50_coderB",
    "set50adj (set 50, the two codings adjudicated)": HERE.parent / "actors_heldout50_adj",
    "set51 (wave 17, 01-10; README)": HERE.parent / "actors_heldout51",
    "set51b (set 51 coded by a second coder)": HERE.parent / "actors_heldout51_coderB",
    "set51adj (set 51, the two codings adjudicated)": HERE.parent / "actors_heldout51_adj",
    "set52 (wave 17, 01-10; README)": HERE.parent / "actors_heldout52",
    "set52b (set 52 coded by a second coder)": HERE.parent / "actors_heldout52_coderB",
    "set52adj (set 52, the two codings adjudicated)": HERE.parent / "actors_heldout52_adj",
    "set53 (wave 17, 01-10; README)": HERE.parent / "actors_heldout53",
    "set53b (set 53 coded by a second coder)": HERE.parent / "actors_heldout53_coderB",
    "set53adj (set 53, the two codings adjudicated)": HERE.parent / "actors_heldout53_adj",
    "set54 (wave 17, 01-10; README)": HERE.parent / "actors_heldout54",
    "set54b (set 54 coded by a second coder)": HERE.parent / "actors_heldout54_coderB",
    "set54adj (set 54, the two codings adjudicated)": HERE.parent / "actors_heldout54_adj",
    "set55 (wave 17, 01-10; README)": HERE.parent / "actors_heldout55",
    "set55b (set 55 coded by a second coder)": HERE.parent / "actors_heldout55_coderB",
    "set55adj (set 55, the two codings adjudicated)": HERE.parent / "actors_heldout55_adj",
    "set56 (wave 17, 01-10; README)": HERE.parent / "actors_heldout56",
    "set56b (set 56 coded by a second coder)": HERE.parent / "actors_heldout56_coderB",
    "set56adj (set 56, the two codings adjudicated)": HERE.parent / "actors_heldout56_adj",
    "set59 (wave 18, 01-10; README)": HERE.parent / "actors_heldout59",
    "set63 (wave 18, 01-10; README)": HERE.parent / "actors_heldout63",
    "set58 (wave 18, 01-10; README)": HERE.parent / "actors_heldout58",
    "set60 (wave 18, 01-10; README)": HERE.parent / "actors_heldout60",
    "set64 (wave 18, 01-10; README)": HERE.parent / "actors_heldout64",
    "set57 (wave 18, 01-10; README)": HERE.parent / "actors_heldout57",
    "set62 (wave 18, 01-10; README)": HERE.parent / "actors_heldout62",
    "set61 (wave 18, 01-10; README)": HERE.parent / "actors_heldout61",
    "set63b (set 63 coded by a second coder)": HERE.parent / "actors_heldout63_coderB",
    "set63adj (set 63, the two codings adjudicated)": HERE.parent / "actors_heldout63_adj",
    "set57b (set 57 coded by a second coder)": HERE.parent / "actors_heldout57_coderB",
    "set57adj (set 57, the two codings adjudicated)": HERE.parent / "actors_heldout57_adj",
    "set58b (set 58 coded by a second coder)": HERE.parent / "actors_heldout58_coderB",
    "set58adj (set 58, the two codings adjudicated)": HERE.parent / "actors_heldout58_adj",
    "set59b (set 59 coded by a second coder)": HERE.parent / "actors_heldout59_coderB",
    "set59adj (set 59, the two codings adjudicated)": HERE.parent / "actors_heldout59_adj",
    "set60b (set 60 coded by a second coder)": HERE.parent / "actors_heldout60_coderB",
    "set60adj (set 60, the two codings adjudicated)": HERE.parent / "actors_heldout60_adj",
    "set61b (set 61 coded by a second coder)": HERE.parent / "actors_heldout61_coderB",
    "set61adj (set 61, the two codings adjudicated)": HERE.parent / "actors_heldout61_adj",
    "set62b (set 62 coded by a second coder)": HERE.parent / "actors_heldout62_coderB",
    "set62adj (set 62, the two codings adjudicated)": HERE.parent / "actors_heldout62_adj",
    "set64b (set 64 coded by a second coder)": HERE.parent / "actors_heldout64_coderB",
    "set64adj (set 64, the two codings adjudicated)": HERE.parent / "actors_heldout64_adj",
    "set65 (wave 18, 01-10; README)": HERE.parent / "actors_heldout65",
    "set66 (wave 18, 01-10; README)": HERE.parent / "actors_heldout66",
    "set67 (wave 18, 01-10; README)": HERE.parent / "actors_heldout67",
    "set68 (wave 18, 01-10; README)": HERE.parent / "actors_heldout68",
    "set69 (wave 18, 01-10; README)": HERE.parent / "actors_heldout69",
    "set70 (wave 18, 01-10; README)": HERE.parent / "actors_heldout70",
    "set71 (wave 18, 01-10; README)": HERE.parent / "actors_heldout71",
    "set72 (wave 18, 01-10; README)": HERE.parent / "actors_heldout72",
    "set65b (set 65 coded by a second coder)": HERE.parent / "actors_heldout65_coderB",
    "set65adj (set 65, the two codings adjudicated)": HERE.parent / "actors_heldout65_adj",
    "set66b (set 66 coded by a second coder)": HERE.parent / "actors_heldout66_coderB",
    "set66adj (set 66, the two codings adjudicated)": HERE.parent / "actors_heldout66_adj",
    "set67b (set 67 coded by a second coder)": HERE.parent / "actors_heldout67_coderB",
    "set67adj (set 67, the two codings adjudicated)": HERE.parent / "actors_heldout67_adj",
    "set68b (set 68 coded by a second coder)": HERE.parent / "actors_heldout68_coderB",
    "set68adj (set 68, the two codings adjudicated)": HERE.parent / "actors_heldout68_adj",
    "set69b (set 69 coded by a second coder)": HERE.parent / "actors_heldout69_coderB",
    "set69adj (set 69, the two codings adjudicated)": HERE.parent / "actors_heldout69_adj",
    "set70b (set 70 coded by a second coder)": HERE.parent / "actors_heldout70_coderB",
    "set70adj (set 70, the two codings adjudicated)": HERE.parent / "actors_heldout70_adj",
    "set71b (set 71 coded by a second coder)": HERE.parent / "actors_heldout71_coderB",
    "set71adj (set 71, the two codings adjudicated)": HERE.parent / "actors_heldout71_adj",
    "set72b (set 72 coded by a second coder)": HERE.parent / "actors_heldout72_coderB",
    "set72adj (set 72, the two codings adjudicated)": HERE.parent / "actors_heldout72_adj",
    "set73 (wave 19, 01-10; README)": HERE.parent / "actors_heldout73",
    "set74 (wave 19, 01-10; README)": HERE.parent / "actors_heldout74",
    "set75 (wave 19, 01-10; README)": HERE.parent / "actors_heldout75",
    "set76 (wave 19, 01-10; README)": HERE.parent / "actors_heldout76",
    "set77 (wave 19, 01-10; README)": HERE.parent / "actors_heldout77",
    "set79 (wave 19, 01-10; README)": HERE.parent / "actors_heldout79",
    "set80 (wave 19, 01-10; README)": HERE.parent / "actors_heldout80",
    "set78 (wave 19, 01-10; README)": HERE.parent / "actors_heldout78",
    "set73b (set 73 coded by a second coder)": HERE.parent / "actors_heldout73_coderB",
    "set73adj (set 73, the two codings adjudicated)": HERE.parent / "actors_heldout73_adj",
    "set74b (set 74 coded by a second coder)": HERE.parent / "actors_heldout74_coderB",
    "set74adj (set 74, the two codings adjudicated)": HERE.parent / "actors_heldout74_adj",
    "set75b (set 75 coded by a second coder)": HERE.parent / "actors_heldout75_coderB",
    "set75adj (set 75, the two codings adjudicated)": HERE.parent / "actors_heldout75_adj",
    "set76b (set 76 coded by a second coder)": HERE.parent / "actors_heldout76_coderB",
    "set76adj (set 76, the two codings adjudicated)": HERE.parent / "actors_heldout76_adj",
    "set77b (set 77 coded by a second coder)": HERE.parent / "actors_heldout77_coderB",
    "set77adj (set 77, the two codings adjudicated)": HERE.parent / "actors_heldout77_adj",
    "set78b (set 78 coded by a second coder)": HERE.parent / "actors_heldout78_coderB",
    "set78adj (set 78, the two codings adjudicated)": HERE.parent / "actors_heldout78_adj",
    "set79b (set 79 coded by a second coder)": HERE.parent / "actors_heldout79_coderB",
    "set79adj (set 79, the two codings adjudicated)": HERE.parent / "actors_heldout79_adj",
    "set80b (set 80 coded by a second coder)": HERE.parent / "actors_heldout80_coderB",
    "set80adj (set 80, the two codings adjudicated)": HERE.parent / "actors_heldout80_adj",
    "set81 (wave 20, 01-10; README)": HERE.parent / "actors_heldout81",
    "set82 (wave 20, 01-10; README)": HERE.parent / "actors_heldout82",
    "set83 (wave 20, 01-10; README)": HERE.parent / "actors_heldout83",
    "set84 (wave 20, 01-10; README)": HERE.parent / "actors_heldout84",
    "set85 (wave 20, 01-10; README)": HERE.parent / "actors_heldout85",
    "set86 (wave 20, 01-10; README)": HERE.parent / "actors_heldout86",
    "set87 (wave 20, 01-10; README)": HERE.parent / "actors_heldout87",
    "set88 (wave 20, 01-10; README)": HERE.parent / "actors_heldout88",
    "set82b (set 82 coded by a second coder)": HERE.parent / "actors_heldout82_coderB",
    "set82adj (set 82, the two codings adjudicated)": HERE.parent / "actors_heldout82_adj",
    "set83b (set 83 coded by a second coder)": HERE.parent / "actors_heldout83_coderB",
    "set83adj (set 83, the two codings adjudicated)": HERE.parent / "actors_heldout83_adj",
    "set84b (set 84 coded by a second coder)": HERE.parent / "actors_heldout84_coderB",
    "set84adj (set 84, the two codings adjudicated)": HERE.parent / "actors_heldout84_adj",
    "set85b (set 85 coded by a second coder)": HERE.parent / "actors_heldout85_coderB",
    "set85adj (set 85, the two codings adjudicated)": HERE.parent / "actors_heldout85_adj",
    "set81b (set 81 coded by a second coder)": HERE.parent / "actors_heldout81_coderB",
    "set81adj (set 81, the two codings adjudicated)": HERE.parent / "actors_heldout81_adj",
    "set86b (set 86 coded by a second coder)": HERE.parent / "actors_heldout86_coderB",
    "set86adj (set 86, the two codings adjudicated)": HERE.parent / "actors_heldout86_adj",
    "set87b (set 87 coded by a second coder)": HERE.parent / "actors_heldout87_coderB",
    "set87adj (set 87, the two codings adjudicated)": HERE.parent / "actors_heldout87_adj",
    "set88b (set 88 coded by a second coder)": HERE.parent / "actors_heldout88_coderB",
    "set88adj (set 88, the two codings adjudicated)": HERE.parent / "actors_heldout88_adj",
    "set89 (wave 21, 01-10; README)": HERE.parent / "actors_heldout89",
    "set89b (set 89 coded by a second coder)": HERE.parent / "actors_heldout89_coderB",
    "set89adj (set 89, the two codings adjudicated)": HERE.parent / "actors_heldout89_adj",
    "set90 (wave 21, 01-10; README)": HERE.parent / "actors_heldout90",
    "set90b (set 90 coded by a second coder)": HERE.parent / "actors_heldout90_coderB",
    "set90adj (set 90, the two codings adjudicated)": HERE.parent / "actors_heldout90_adj",
    "set91 (wave 21, 01-10; README)": HERE.parent / "actors_heldout91",
    "set91b (set 91 coded by a second coder)": HERE.parent / "actors_heldout91_coderB",
    "set91adj (set 91, the two codings adjudicated)": HERE.parent / "actors_heldout91_adj",
    "set92 (wave 21, 01-10; README)": HERE.parent / "actors_heldout92",
    "set92b (set 92 coded by a second coder)": HERE.parent / "actors_heldout92_coderB",
    "set92adj (set 92, the two codings adjudicated)": HERE.parent / "actors_heldout92_adj",
    "set93 (wave 21, 01-10; README)": HERE.parent / "actors_heldout93",
    "set93b (set 93 coded by a second coder)": HERE.parent / "actors_heldout93_coderB",
    "set93adj (set 93, the two codings adjudicated)": HERE.parent / "actors_heldout93_adj",
    "set94 (wave 21, 01-10; README)": HERE.parent / "actors_heldout94",
    "set94b (set 94 coded by a second coder)": HERE.parent / "actors_heldout94_coderB",
    "set94adj (set 94, the two codings adjudicated)": HERE.parent / "actors_heldout94_adj",
    "set95 (wave 21, 01-10; README)": HERE.parent / "actors_heldout95",
    "set95b (set 95 coded by a second coder)": HERE.parent / "actors_heldout95_coderB",
    "set95adj (set 95, the two codings adjudicated)": HERE.parent / "actors_heldout95_adj",
    "set96 (wave 21, 01-10; README)": HERE.parent / "actors_heldout96",
    "set96b (set 96 coded by a second coder)": HERE.parent / "actors_heldout96_coderB",
    "set96adj (set 96, the two codings adjudicated)": HERE.parent / "actors_heldout96_adj",
    "set97 (wave 21, 01-10; README)": HERE.parent / "actors_heldout97",
    "set97b (set 97 coded by a second coder)": HERE.parent / "actors_heldout97_coderB",
    "set97adj (set 97, the two codings adjudicated)": HERE.parent / "actors_heldout97_adj",
    "set98 (wave 21, 01-10; README)": HERE.parent / "actors_heldout98",
    "set98b (set 98 coded by a second coder)": HERE.parent / "actors_heldout98_coderB",
    "set98adj (set 98, the two codings adjudicated)": HERE.parent / "actors_heldout98_adj",
    "set99 (wave 21, 01-10; README)": HERE.parent / "actors_heldout99",
    "set99b (set 99 coded by a second coder)": HERE.parent / "actors_heldout99_coderB",
    "set99adj (set 99, the two codings adjudicated)": HERE.parent / "actors_heldout99_adj",
    "set100 (wave 21, 01-10; README)": HERE.parent / "actors_heldout100",
    "set100b (set 100 coded by a second coder)": HERE.parent / "actors_heldout100_coderB",
    "set100adj (set 100, the two codings adjudicated)": HERE.parent / "actors_heldout100_adj",
    "set101 (wave 21, 01-10; README)": HERE.parent / "actors_heldout101",
    "set101b (set 101 coded by a second coder)": HERE.parent / "actors_heldout101_coderB",
    "set101adj (set 101, the two codings adjudicated)": HERE.parent / "actors_heldout101_adj",
    "set102 (wave 21, 01-10; README)": HERE.parent / "actors_heldout102",
    "set102b (set 102 coded by a second coder)": HERE.parent / "actors_heldout102_coderB",
    "set102adj (set 102, the two codings adjudicated)": HERE.parent / "actors_heldout102_adj",
    "set103 (wave 21, 01-10; README)": HERE.parent / "actors_heldout103",
    "set103b (set 103 coded by a second coder)": HERE.parent / "actors_heldout103_coderB",
    "set103adj (set 103, the two codings adjudicated)": HERE.parent / "actors_heldout103_adj",
    "set104 (wave 21, 01-10; README)": HERE.parent / "actors_heldout104",
    "set104b (set 104 coded by a second coder)": HERE.parent / "actors_heldout104_coderB",
    "set104adj (set 104, the two codings adjudicated)": HERE.parent / "actors_heldout104_adj",
    "set105 (wave 22, 01-10; README)": HERE.parent / "actors_heldout105",
    "set105b (set 105 coded by a second coder)": HERE.parent / "actors_heldout105_coderB",
    "set105adj (set 105, the two codings adjudicated)": HERE.parent / "actors_heldout105_adj",
    "set106 (wave 22, 01-10; README)": HERE.parent / "actors_heldout106",
    "set106b (set 106 coded by a second coder)": HERE.parent / "actors_heldout106_coderB",
    "set106adj (set 106, the two codings adjudicated)": HERE.parent / "actors_heldout106_adj",
    "set107 (wave 22, 01-10; README)": HERE.parent / "actors_heldout107",
    "set107b (set 107 coded by a second coder)": HERE.parent / "actors_heldout107_coderB",
    "set107adj (set 107, the two codings adjudicated)": HERE.parent / "actors_heldout107_adj",
    "set108 (wave 22, 01-10; README)": HERE.parent / "actors_heldout108",
    "set108b (set 108 coded by a second coder)": HERE.parent / "actors_heldout108_coderB",
    "set108adj (set 108, the two codings adjudicated)": HERE.parent / "actors_heldout108_adj",
    "set109 (wave 22, 01-10; README)": HERE.parent / "actors_heldout109",
    "set109b (set 109 coded by a second coder)": HERE.parent / "actors_heldout109_coderB",
    "set109adj (set 109, the two codings adjudicated)": HERE.parent / "actors_heldout109_adj",
    "set110 (wave 22, 01-10; README)": HERE.parent / "actors_heldout110",
    "set110b (set 110 coded by a second coder)": HERE.parent / "actors_heldout110_coderB",
    "set110adj (set 110, the two codings adjudicated)": HERE.parent / "actors_heldout110_adj",
    "set111 (wave 22, 01-10; README)": HERE.parent / "actors_heldout111",
    "set111b (set 111 coded by a second coder)": HERE.parent / "actors_heldout111_coderB",
    "set111adj (set 111, the two codings adjudicated)": HERE.parent / "actors_heldout111_adj",
    "set112 (wave 22, 01-10; README)": HERE.parent / "actors_heldout112",
    "set112b (set 112 coded by a second coder)": HERE.parent / "actors_heldout112_coderB",
    "set112adj (set 112, the two codings adjudicated)": HERE.parent / "actors_heldout112_adj",
    "set113 (wave 23, 01-10; README)": HERE.parent / "actors_heldout113",
    "set113b (set 113 coded by a second coder)": HERE.parent / "actors_heldout113_coderB",
    "set113adj (set 113, the two codings adjudicated)": HERE.parent / "actors_heldout113_adj",
    "set114 (wave 23, 01-10; README)": HERE.parent / "actors_heldout114",
    "set114b (set 114 coded by a second coder)": HERE.parent / "actors_heldout114_coderB",
    "set114adj (set 114, the two codings adjudicated)": HERE.parent / "actors_heldout114_adj",
    "set115 (wave 23, 01-10; README)": HERE.parent / "actors_heldout115",
    "set115b (set 115 coded by a second coder)": HERE.parent / "actors_heldout115_coderB",
    "set115adj (set 115, the two codings adjudicated)": HERE.parent / "actors_heldout115_adj",
    "set116 (wave 23, 01-10; README)": HERE.parent / "actors_heldout116",
    "set116b (set 116 coded by a second coder)": HERE.parent / "actors_heldout116_coderB",
    "set116adj (set 116, the two codings adjudicated)": HERE.parent / "actors_heldout116_adj",
    "set117 (wave 23, 01-10; README)": HERE.parent / "actors_heldout117",
    "set117b (set 117 coded by a second coder)": HERE.parent / "actors_heldout117_coderB",
    "set117adj (set 117, the two codings adjudicated)": HERE.parent / "actors_heldout117_adj",
    "set118 (wave 23, 01-10; README)": HERE.parent / "actors_heldout118",
    "set118b (set 118 coded by a second coder)": HERE.parent / "actors_heldout118_coderB",
    "set118adj (set 118, the two codings adjudicated)": HERE.parent / "actors_heldout118_adj",
    "set119 (wave 23, 01-10; README)": HERE.parent / "actors_heldout119",
    "set119b (set 119 coded by a second coder)": HERE.parent / "actors_heldout119_coderB",
    "set119adj (set 119, the two codings adjudicated)": HERE.parent / "actors_heldout119_adj",
    "set120 (wave 23, 01-10; README)": HERE.parent / "actors_heldout120",
    "set120b (set 120 coded by a second coder)": HERE.parent / "actors_heldout120_coderB",
    "set120adj (set 120, the two codings adjudicated)": HERE.parent / "actors_heldout120_adj",
    "set121 (wave 24, 01-10; README)": HERE.parent / "actors_heldout121",
    "set121b (set 121 coded by a second coder)": HERE.parent / "actors_heldout121_coderB",
    "set121adj (set 121, the two codings adjudicated)": HERE.parent / "actors_heldout121_adj",
    "set122 (wave 24, 01-10; README)": HERE.parent / "actors_heldout122",
    "set122b (set 122 coded by a second coder)": HERE.parent / "actors_heldout122_coderB",
    "set122adj (set 122, the two codings adjudicated)": HERE.parent / "actors_heldout122_adj",
    "set123 (wave 24, 01-10; README)": HERE.parent / "actors_heldout123",
    "set123b (set 123 coded by a second coder)": HERE.parent / "actors_heldout123_coderB",
    "set123adj (set 123, the two codings adjudicated)": HERE.parent / "actors_heldout123_adj",
    "set124 (wave 24, 01-10; README)": HERE.parent / "actors_heldout124",
    "set124b (set 124 coded by a second coder)": HERE.parent / "actors_heldout124_coderB",
    "set124adj (set 124, the two codings adjudicated)": HERE.parent / "actors_heldout124_adj",
    "set125 (wave 24, 01-10; README)": HERE.parent / "actors_heldout125",
    "set125b (set 125 coded by a second coder)": HERE.parent / "actors_heldout125_coderB",
    "set125adj (set 125, the two codings adjudicated)": HERE.parent / "actors_heldout125_adj",
    "set126 (wave 24, 01-10; README)": HERE.parent / "actors_heldout126",
    "set126b (set 126 coded by a second coder)": HERE.parent / "actors_heldout126_coderB",
    "set126adj (set 126, the two codings adjudicated)": HERE.parent / "actors_heldout126_adj",
    "set127 (wave 24, 01-10; README)": HERE.parent / "actors_heldout127",
    "set127b (set 127 coded by a second coder)": HERE.parent / "actors_heldout127_coderB",
    "set127adj (set 127, the two codings adjudicated)": HERE.parent / "actors_heldout127_adj",
    "set128 (wave 24, 01-10; README)": HERE.parent / "actors_heldout128",
    "set128b (set 128 coded by a second coder)": HERE.parent / "actors_heldout128_coderB",
    "set128adj (set 128, the two codings adjudicated)": HERE.parent / "actors_heldout128_adj",
    "set129 (wave 25, 01-10; README)": HERE.parent / "actors_heldout129",
    "set129b (set 129 coded by a second coder)": HERE.parent / "actors_heldout129_coderB",
    "set129adj (set 129, the two codings adjudicated)": HERE.parent / "actors_heldout129_adj",
    "set130 (wave 25, 01-10; README)": HERE.parent / "actors_heldout130",
    "set130b (set 130 coded by a second coder)": HERE.parent / "actors_heldout130_coderB",
    "set130adj (set 130, the two codings adjudicated)": HERE.parent / "actors_heldout130_adj",
    "set131 (wave 25, 01-10; README)": HERE.parent / "actors_heldout131",
    "set131b (set 131 coded by a second coder)": HERE.parent / "actors_heldout131_coderB",
    "set131adj (set 131, the two codings adjudicated)": HERE.parent / "actors_heldout131_adj",
    "set132 (wave 25, 01-10; README)": HERE.parent / "actors_heldout132",
    "set132b (set 132 coded by a second coder)": HERE.parent / "actors_heldout132_coderB",
    "set132adj (set 132, the two codings adjudicated)": HERE.parent / "actors_heldout132_adj",
    "set133 (wave 25, 01-10; README)": HERE.parent / "actors_heldout133",
    "set133b (set 133 coded by a second coder)": HERE.parent / "actors_heldout133_coderB",
    "set133adj (set 133, the two codings adjudicated)": HERE.parent / "actors_heldout133_adj",
    "set134 (wave 25, 01-10; README)": HERE.parent / "actors_heldout134",
    "set134b (set 134 coded by a second coder)": HERE.parent / "actors_heldout134_coderB",
    "set134adj (set 134, the two codings adjudicated)": HERE.parent / "actors_heldout134_adj",
    "set135 (wave 25, 01-10; README)": HERE.parent / "actors_heldout135",
    "set135b (set 135 coded by a second coder)": HERE.parent / "actors_heldout135_coderB",
    "set135adj (set 135, the two codings adjudicated)": HERE.parent / "actors_heldout135_adj",
    "set136 (wave 25, 01-10; README)": HERE.parent / "actors_heldout136",
    "set136b (set 136 coded by a second coder)": HERE.parent / "actors_heldout136_coderB",
    "set136adj (set 136, the two codings adjudicated)": HERE.parent / "actors_heldout136_adj",
    "set137 (wave 26, 01-10; README)": HERE.parent / "actors_heldout137",
    "set137b (set 137 coded by a second coder)": HERE.parent / "actors_heldout137_coderB",
    "set137adj (set 137, the two codings adjudicated)": HERE.parent / "actors_heldout137_adj",
    "set138 (wave 26, 01-10; README)": HERE.parent / "actors_heldout138",
    "set138b (set 138 coded by a second coder)": HERE.parent / "actors_heldout138_coderB",
    "set138adj (set 138, the two codings adjudicated)": HERE.parent / "actors_heldout138_adj",
    "set139 (wave 26, 01-10; README)": HERE.parent / "actors_heldout139",
    "set139b (set 139 coded by a second coder)": HERE.parent / "actors_heldout139_coderB",
    "set139adj (set 139, the two codings adjudicated)": HERE.parent / "actors_heldout139_adj",
    "set140 (wave 26, 01-10; README)": HERE.parent / "actors_heldout140",
    "set140b (set 140 coded by a second coder)": HERE.parent / "actors_heldout140_coderB",
    "set140adj (set 140, the two codings adjudicated)": HERE.parent / "actors_heldout140_adj",
    "set141 (wave 26, 01-10; README)": HERE.parent / "actors_heldout141",
    "set141b (set 141 coded by a second coder)": HERE.parent / "actors_heldout141_coderB",
    "set141adj (set 141, the two codings adjudicated)": HERE.parent / "actors_heldout141_adj",
    "set142 (wave 26, 01-10; README)": HERE.parent / "actors_heldout142",
    "set142b (set 142 coded by a second coder)": HERE.parent / "actors_heldout142_coderB",
    "set142adj (set 142, the two codings adjudicated)": HERE.parent / "actors_heldout142_adj",
    "set143 (wave 26, 01-10; README)": HERE.parent / "actors_heldout143",
    "set143b (set 143 coded by a second coder)": HERE.parent / "actors_heldout143_coderB",
    "set143adj (set 143, the two codings adjudicated)": HERE.parent / "actors_heldout143_adj",
    "set144 (wave 26, 01-10; README)": HERE.parent / "actors_heldout144",
    "set144b (set 144 coded by a second coder)": HERE.parent / "actors_heldout144_coderB",
    "set144adj (set 144, the two codings adjudicated)": HERE.parent / "actors_heldout144_adj",
    "set145 (wave 27, 01-10; README)": HERE.parent / "actors_heldout145",
    "set145b (set 145 coded by a second coder)": HERE.parent / "actors_heldout145_coderB",
    "set145adj (set 145, the two codings adjudicated)": HERE.parent / "actors_heldout145_adj",
    "set146 (wave 27, 01-10; README)": HERE.parent / "actors_heldout146",
    "set146b (set 146 coded by a second coder)": HERE.parent / "actors_heldout146_coderB",
    "set146adj (set 146, the two codings adjudicated)": HERE.parent / "actors_heldout146_adj",
    "set147 (wave 27, 01-10; README)": HERE.parent / "actors_heldout147",
    "set147b (set 147 coded by a second coder)": HERE.parent / "actors_heldout147_coderB",
    "set147adj (set 147, the two codings adjudicated)": HERE.parent / "actors_heldout147_adj",
    "set148 (wave 27, 01-10; README)": HERE.parent / "actors_heldout148",
    "set148b (set 148 coded by a second coder)": HERE.parent / "actors_heldout148_coderB",
    "set148adj (set 148, the two codings adjudicated)": HERE.parent / "actors_heldout148_adj",
    "set149 (wave 27, 01-10; README)": HERE.parent / "actors_heldout149",
    "set149b (set 149 coded by a second coder)": HERE.parent / "actors_heldout149_coderB",
    "set149adj (set 149, the two codings adjudicated)": HERE.parent / "actors_heldout149_adj",
    "set150 (wave 27, 01-10; README)": HERE.parent / "actors_heldout150",
    "set150b (set 150 coded by a second coder)": HERE.parent / "actors_heldout150_coderB",
    "set150adj (set 150, the two codings adjudicated)": HERE.parent / "actors_heldout150_adj",
    "set151 (wave 27, 01-10; README)": HERE.parent / "actors_heldout151",
    "set151b (set 151 coded by a second coder)": HERE.parent / "actors_heldout151_coderB",
    "set151adj (set 151, the two codings adjudicated)": HERE.parent / "actors_heldout151_adj",
    "set152 (wave 27, 01-10; README)": HERE.parent / "actors_heldout152",
    "set152b (set 152 coded by a second coder)": HERE.parent / "actors_heldout152_coderB",
    "set152adj (set 152, the two codings adjudicated)": HERE.parent / "actors_heldout152_adj",
    "set153 (wave 28, 01-10; README)": HERE.parent / "actors_heldout153",
    "set153b (set 153 coded by a second coder)": HERE.parent / "actors_heldout153_coderB",
    "set153adj (set 153, the two codings adjudicated)": HERE.parent / "actors_heldout153_adj",
    "set154 (wave 28, 01-10; README)": HERE.parent / "actors_heldout154",
    "set154b (set 154 coded by a second coder)": HERE.parent / "actors_heldout154_coderB",
    "set154adj (set 154, the two codings adjudicated)": HERE.parent / "actors_heldout154_adj",
    "set155 (wave 28, 01-10; README)": HERE.parent / "actors_heldout155",
    "set155b (set 155 coded by a second coder)": HERE.parent / "actors_heldout155_coderB",
    "set155adj (set 155, the two codings adjudicated)": HERE.parent / "actors_heldout155_adj",
    "set156 (wave 28, 01-10; README)": HERE.parent / "actors_heldout156",
    "set156b (set 156 coded by a second coder)": HERE.parent / "actors_heldout156_coderB",
    "set156adj (set 156, the two codings adjudicated)": HERE.parent / "actors_heldout156_adj",
    "set157 (wave 28, 01-10; README)": HERE.parent / "actors_heldout157",
    "set157b (set 157 coded by a second coder)": HERE.parent / "actors_heldout157_coderB",
    "set157adj (set 157, the two codings adjudicated)": HERE.parent / "actors_heldout157_adj",
    "set158 (wave 28, 01-10; README)": HERE.parent / "actors_heldout158",
    "set158b (set 158 coded by a second coder)": HERE.parent / "actors_heldout158_coderB",
    "set158adj (set 158, the two codings adjudicated)": HERE.parent / "actors_heldout158_adj",
    "set159 (wave 28, 01-10; README)": HERE.parent / "actors_heldout159",
    "set159b (set 159 coded by a second coder)": HERE.parent / "actors_heldout159_coderB",
    "set159adj (set 159, the two codings adjudicated)": HERE.parent / "actors_heldout159_adj",
    "set160 (wave 28, 01-10; README)": HERE.parent / "actors_heldout160",
    "set160b (set 160 coded by a second coder)": HERE.parent / "actors_heldout160_coderB",
    "set160adj (set 160, the two codings adjudicated)": HERE.parent / "actors_heldout160_adj",
    "set161 (wave 29, 01-10; README)": HERE.parent / "actors_heldout161",
    "set161b (set 161 coded by a second coder)": HERE.parent / "actors_heldout161_coderB",
    "set161adj (set 161, the two codings adjudicated)": HERE.parent / "actors_heldout161_adj",
    "set162 (wave 29, 01-10; README)": HERE.parent / "actors_heldout162",
    "set162b (set 162 coded by a second coder)": HERE.parent / "actors_heldout162_coderB",
    "set162adj (set 162, the two codings adjudicated)": HERE.parent / "actors_heldout162_adj",
    "set163 (wave 29, 01-10; README)": HERE.parent / "actors_heldout163",
    "set163b (set 163 coded by a second coder)": HERE.parent / "actors_heldout163_coderB",
    "set163adj (set 163, the two codings adjudicated)": HERE.parent / "actors_heldout163_adj",
    "set164 (wave 29, 01-10; README)": HERE.parent / "actors_heldout164",
    "set164b (set 164 coded by a second coder)": HERE.parent / "actors_heldout164_coderB",
    "set164adj (set 164, the two codings adjudicated)": HERE.parent / "actors_heldout164_adj",
    "set165 (wave 29, 01-10; README)": HERE.parent / "actors_heldout165",
    "set165b (set 165 coded by a second coder)": HERE.parent / "actors_heldout165_coderB",
    "set165adj (set 165, the two codings adjudicated)": HERE.parent / "actors_heldout165_adj",
    "set166 (wave 29, 01-10; README)": HERE.parent / "actors_heldout166",
    "set166b (set 166 coded by a second coder)": HERE.parent / "actors_heldout166_coderB",
    "set166adj (set 166, the two codings adjudicated)": HERE.parent / "actors_heldout166_adj",
    "set167 (wave 29, 01-10; README)": HERE.parent / "actors_heldout167",
    "set167b (set 167 coded by a second coder)": HERE.parent / "actors_heldout167_coderB",
    "set167adj (set 167, the two codings adjudicated)": HERE.parent / "actors_heldout167_adj",
    "set168 (wave 29, 01-10; README)": HERE.parent / "actors_heldout168",
    "set168b (set 168 coded by a second coder)": HERE.parent / "actors_heldout168_coderB",
    "set168adj (set 168, the two codings adjudicated)": HERE.parent / "actors_heldout168_adj",
    "set169 (wave 30, 01-10; README)": HERE.parent / "actors_heldout169",
    "set169b (set 169 coded by a second coder)": HERE.parent / "actors_heldout169_coderB",
    "set169adj (set 169, the two codings adjudicated)": HERE.parent / "actors_heldout169_adj",
    "set170 (wave 30, 01-10; README)": HERE.parent / "actors_heldout170",
    "set170b (set 170 coded by a second coder)": HERE.parent / "actors_heldout170_coderB",
    "set170adj (set 170, the two codings adjudicated)": HERE.parent / "actors_heldout170_adj",
    "set171 (wave 30, 01-10; README)": HERE.parent / "actors_heldout171",
    "set171b (set 171 coded by a second coder)": HERE.parent / "actors_heldout171_coderB",
    "set171adj (set 171, the two codings adjudicated)": HERE.parent / "actors_heldout171_adj",
    "set172 (wave 30, 01-10; README)": HERE.parent / "actors_heldout172",
    "set172b (set 172 coded by a second coder)": HERE.parent / "actors_heldout172_coderB",
    "set172adj (set 172, the two codings adjudicated)": HERE.parent / "actors_heldout172_adj",
    "set173 (wave 30, 01-10; README)": HERE.parent / "actors_heldout173",
    "set173b (set 173 coded by a second coder)": HERE.parent / "actors_heldout173_coderB",
    "set173adj (set 173, the two codings adjudicated)": HERE.parent / "actors_heldout173_adj",
    "set174 (wave 30, 01-10; README)": HERE.parent / "actors_heldout174",
    "set174b (set 174 coded by a second coder)": HERE.parent / "actors_heldout174_coderB",
    "set174adj (set 174, the two codings adjudicated)": HERE.parent / "actors_heldout174_adj",
    "set175 (wave 30, 01-10; README)": HERE.parent / "actors_heldout175",
    "set175b (set 175 coded by a second coder)": HERE.parent / "actors_heldout175_coderB",
    "set175adj (set 175, the two codings adjudicated)": HERE.parent / "actors_heldout175_adj",
    "set176 (wave 30, 01-10; README)": HERE.parent / "actors_heldout176",
    "set176b (set 176 coded by a second coder)": HERE.parent / "actors_heldout176_coderB",
    "set176adj (set 176, the two codings adjudicated)": HERE.parent / "actors_heldout176_adj",
    "set177 (wave 31, 01-10; README)": HERE.parent / "actors_heldout177",
    "set177b (set 177 coded by a second coder)": HERE.parent / "actors_heldout177_coderB",
    "set177adj (set 177, the two codings adjudicated)": HERE.parent / "actors_heldout177_adj",
    "set178 (wave 31, 01-10; README)": HERE.parent / "actors_heldout178",
    "set178b (set 178 coded by a second coder)": HERE.parent / "actors_heldout178_coderB",
    "set178adj (set 178, the two codings adjudicated)": HERE.parent / "actors_heldout178_adj",
    "set179 (wave 31, 01-10; README)": HERE.parent / "actors_heldout179",
    "set179b (set 179 coded by a second coder)": HERE.parent / "actors_heldout179_coderB",
    "set179adj (set 179, the two codings adjudicated)": HERE.parent / "actors_heldout179_adj",
    "set180 (wave 31, 01-10; README)": HERE.parent / "actors_heldout180",
    "set180b (set 180 coded by a second coder)": HERE.parent / "actors_heldout180_coderB",
    "set180adj (set 180, the two codings adjudicated)": HERE.parent / "actors_heldout180_adj",
    "set181 (wave 31, 01-10; README)": HERE.parent / "actors_heldout181",
    "set181b (set 181 coded by a second coder)": HERE.parent / "actors_heldout181_coderB",
    "set181adj (set 181, the two codings adjudicated)": HERE.parent / "actors_heldout181_adj",
    "set182 (wave 31, 01-10; README)": HERE.parent / "actors_heldout182",
    "set182b (set 182 coded by a second coder)": HERE.parent / "actors_heldout182_coderB",
    "set182adj (set 182, the two codings adjudicated)": HERE.parent / "actors_heldout182_adj",
    "set183 (wave 31, 01-10; README)": HERE.parent / "actors_heldout183",
    "set183b (set 183 coded by a second coder)": HERE.parent / "actors_heldout183_coderB",
    "set183adj (set 183, the two codings adjudicated)": HERE.parent / "actors_heldout183_adj",
    "set184 (wave 31, 01-10; README)": HERE.parent / "actors_heldout184",
    "set184b (set 184 coded by a second coder)": HERE.parent / "actors_heldout184_coderB",
    "set184adj (set 184, the two codings adjudicated)": HERE.parent / "actors_heldout184_adj",
}


def heldout_inputs(
    here: Path, raw: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A held-out set's docs (cleaned unless ``raw``), tokens (wrapped lines joined where
    detected) and mentions of its own actor table, as a user runs the pipeline."""
    docs = load_docs(here, raw=raw)
    try:
        tokens = tokenize(docs, line_breaks="auto")
    except ValueError:
        tokens = tokenize(docs, line_breaks="paragraph")
    actors = heldout_actors(here)
    return docs, tokens, find_mentions(tokens, actors, docs=docs)


def heldout_actors(here: Path) -> Actors:
    """A held-out set's actor table (its shared-alias warnings silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_actors(here / "actors.yml")


def run(verbose: bool = False, batch: str = "all") -> tuple[pd.DataFrame, pd.DataFrame]:
    here = SET_DIRS.get(batch, HERE)
    docs, tokens, mentions = heldout_inputs(here)
    global _DOCS
    _DOCS = docs
    quotes = find_quotes(docs, tokens, mentions, actors=heldout_actors(here))
    # The gold is checked against the raw texts (same offsets): hand-coded spans inside lines
    # that clean_boilerplate removed wrongly (e.g. a headline) then count as misses.
    gold = load_actor_gold(here / "gold.csv", docs=load_docs(here, raw=True))
    lo, hi = BATCHES.get(batch, ("00", "99"))
    gold = gold[gold["doc_id"].str[:2].between(lo, hi)]
    sm, sq = score_mentions(mentions, gold), score_quotes(quotes, gold)
    if verbose:
        _show_errors(mentions, quotes, gold)
    return sm, sq


def _show_errors(mentions: pd.DataFrame, quotes: pd.DataFrame, gold: pd.DataFrame) -> None:
    gm = gold[gold["kind"] == "mention"]
    texts = dict(zip(_DOCS["doc_id"], _DOCS["text"], strict=True))
    for d in sorted(set(gold["doc_id"])):
        m = mentions[mentions["doc_id"].astype(str) == d]
        g = gm[gm["doc_id"] == d]
        got = {(int(s), a) for s, a in zip(m["start"], m["actor_id"], strict=True)}
        want = {(int(s), a) for s, a in zip(g["start"], g["actor_id"], strict=True)}
        ends = {
            (int(s), a): (int(e))
            for s, e, a in zip(g["start"], g["end"], g["actor_id"], strict=True)
        }
        for s, a in sorted(got - want):
            row = m[(m["start"] == s) & (m["actor_id"] == a)].iloc[0]
            if not any(a == ga and s < ends[(gs, ga)] and gs < row["end"] for gs, ga in want):
                t = texts[d]
                ctx = (
                    t[max(0, s - 60) : s].replace("\n", "/")
                    + "["
                    + t[s : row["end"]]
                    + "]"
                    + t[row["end"] : row["end"] + 40].replace("\n", "/")
                )
                print(f"FP mention {d} {row['surface']!r} {a}  …{ctx}…")
        for s, a in sorted(want - got):
            if not any(
                a == ma and s < me and ms < ends[(s, a)]
                for ms, me, ma in zip(m["start"], m["end"], m["actor_id"], strict=True)
            ):
                print(f"FN mention {d} {s} {a}")
        q = quotes[quotes["doc_id"].astype(str) == d]
        for r in q.itertuples(index=False):
            print(f"   quote {d} [{r.speaker_id}|{r.cue}] {r.text[:70]!r}")
        for r in gold[(gold["kind"] == "quote") & (gold["doc_id"] == d)].itertuples(index=False):
            print(f"    gold {d} [{r.actor_id}|{r.cue}] {r.text[:70]!r}")


#: The held-out sets never read (blind measurement of the final code): the pool the closing notes
#: report (`actors_heldout.py --pool unread`). Odd sets of waves 22-31 and the older unread ones.
UNREAD: tuple[str, ...] = (
    "set41adj",
    "set57adj",
    "set65adj",
    "set69adj",
    "set73adj",
    "set80adj",
    "set81adj",
    "set82adj",
    "set84adj",
    "set90adj",
    "set93adj",
    "set94adj",
    "set97adj",
    "set98adj",
    "set99adj",
    "set102adj",
    "set103adj",
    "set104adj",
    "set105adj",
    "set107adj",
    "set109adj",
    "set111adj",
    "set113adj",
    "set115adj",
    "set117adj",
    "set119adj",
    "set121adj",
    "set123adj",
    "set125adj",
    "set127adj",
    "set129adj",
    "set131adj",
    "set133adj",
    "set135adj",
    "set137adj",
    "set139adj",
    "set141adj",
    "set143adj",
    "set145adj",
    "set147adj",
    "set149adj",
    "set151adj",
    "set153adj",
    "set155adj",
    "set157adj",
    "set159adj",
    "set161adj",
    "set163adj",
    "set165adj",
    "set167adj",
    "set169adj",
    "set171adj",
    "set173adj",
    "set175adj",
    "set177adj",
    "set179adj",
    "set181adj",
    "set183adj",
)
#: The adjudicated sets 18-184 whose errors were read to write rules (in-sample).
READ: tuple[str, ...] = (
    "set18adj",
    "set19adj",
    "set20adj",
    "set21adj",
    "set22adj",
    "set23adj",
    "set24adj",
    "set25adj",
    "set26adj",
    "set27adj",
    "set28adj",
    "set29adj",
    "set30adj",
    "set31adj",
    "set32adj",
    "set33adj",
    "set34adj",
    "set35adj",
    "set36adj",
    "set37adj",
    "set38adj",
    "set39adj",
    "set40adj",
    "set42adj",
    "set43adj",
    "set44adj",
    "set45adj",
    "set46adj",
    "set47adj",
    "set48adj",
    "set49adj",
    "set50adj",
    "set51adj",
    "set52adj",
    "set53adj",
    "set54adj",
    "set55adj",
    "set56adj",
    "set58adj",
    "set59adj",
    "set60adj",
    "set61adj",
    "set62adj",
    "set63adj",
    "set64adj",
    "set66adj",
    "set67adj",
    "set68adj",
    "set70adj",
    "set71adj",
    "set72adj",
    "set74adj",
    "set75adj",
    "set76adj",
    "set77adj",
    "set78adj",
    "set79adj",
    "set83adj",
    "set85adj",
    "set86adj",
    "set87adj",
    "set88adj",
    "set89adj",
    "set91adj",
    "set92adj",
    "set95adj",
    "set96adj",
    "set100adj",
    "set101adj",
    "set106adj",
    "set108adj",
    "set110adj",
    "set112adj",
    "set114adj",
    "set116adj",
    "set118adj",
    "set120adj",
    "set122adj",
    "set124adj",
    "set126adj",
    "set128adj",
    "set130adj",
    "set132adj",
    "set134adj",
    "set136adj",
    "set138adj",
    "set140adj",
    "set142adj",
    "set144adj",
    "set146adj",
    "set148adj",
    "set150adj",
    "set152adj",
    "set154adj",
    "set156adj",
    "set158adj",
    "set160adj",
    "set162adj",
    "set164adj",
    "set166adj",
    "set168adj",
    "set170adj",
    "set172adj",
    "set174adj",
    "set176adj",
    "set178adj",
    "set180adj",
    "set182adj",
    "set184adj",
)


def main() -> None:
    # A set is named by the first word of its batch name ("set12", "all", "dev"); "set1" is
    # the first set ("all"). Exact names: "set1" must not also select set10-set18. "unread" and
    # "read" name the pools above; --pool adds the pooled scores of the sets run.
    groups = {"unread": UNREAD, "read": READ}
    only = set()
    for a in sys.argv[1:]:
        if not a.startswith("-"):
            a = "all" if a.strip() == "set1" else a.strip()
            only.update(groups.get(a, (a,)))
    pooled = np.zeros(6, np.int64)  # tp, fp, fn, found, gold, right speaker
    for batch in [*BATCHES, *SET_DIRS]:
        if only and batch.split()[0] not in only:
            continue
        sm, sq = run(verbose="-v" in sys.argv and batch != "all", batch=batch)
        report(batch, sm, sq)
        total, q = sm[sm["actor_id"] == "all"].iloc[0], sq.iloc[0]
        pooled += np.array(
            [total.tp, total.fp, total.fn, q.found, q.gold, q.speaker_right], np.int64
        )
    if "--pool" in sys.argv:
        tp, fp, fn, found, gold, right = pooled.tolist()
        print(
            f"== pooled: mentions precision={tp / max(tp + fp, 1):.3f} "
            f"recall={tp / max(tp + fn, 1):.3f} (tp={tp} fp={fp} fn={fn}); quotes "
            f"precision_with_right_speaker={right / max(found, 1):.3f} "
            f"recall_with_right_speaker={right / max(gold, 1):.3f} ({right} of {found}, gold {gold})"
        )


def report(batch: str, sm: pd.DataFrame, sq: pd.DataFrame) -> None:
    total = sm[sm["actor_id"] == "all"].iloc[0]
    q = sq.iloc[0]
    print(f"== {batch}")
    print(
        f"mentions: tp={total.tp} fp={total.fp} fn={total.fn} "
        f"precision={total.precision:.3f} recall={total.recall:.3f} f1={total.f1:.3f}"
    )
    print(
        f"quotes:   found={q.found} gold={q.gold} matched={q.matched} "
        f"speaker_right={q.speaker_right} cue_right={q.cue_right}"
    )
    print(
        f"          precision={q.precision:.3f} recall={q.recall:.3f} "
        f"precision_with_right_speaker={q.precision_speaker:.3f} "
        f"recall_with_right_speaker={q.recall_speaker:.3f}"
    )


if __name__ == "__main__":
    main()
