"""Tests for analysis.validation: gold files, scoring against gold, inter-coder agreement.

Agreement coefficients are checked against values published in the literature (the expected
numbers are copied from the references, never computed by the code under test).
"""

from __future__ import annotations

import doctest
import math

import numpy as np
import pandas as pd
import pytest
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import interval_distance

from analysis import validation
from analysis.validation import (
    agreement,
    codings_from_hits,
    krippendorff_alpha,
    load_gold,
    score_against_gold,
)

NAN = math.nan


def _long(matrix: dict[str, list], missing: object = None) -> pd.DataFrame:
    """Reliability data matrix (coder -> codes by unit 1..n) to a long unit_id/coder/code table."""
    rows = [
        (unit, coder, code)
        for coder, codes in matrix.items()
        for unit, code in enumerate(codes, start=1)
        if code is not missing
    ]
    return pd.DataFrame(rows, columns=["unit_id", "coder", "code"])


# --------------------------------------------------------------------------- published values

# Artstein & Poesio (2008), the 2-coder, 3-category dialogue-act example behind NLTK's
# agreement doctest (nltk/metrics/agreement.py reads it from artstein_poesio_example.txt,
# which NLTK does not install). The cross-tabulation in the paper:
#                 coder A
#             stat  ireq  chck | total
#   coder B stat  46     6     0 |   52
#           ireq   0    32     0 |   32
#           chck   0     6    10 |   16
#           total 46    44    10 |  100
_AP_TABLE = {
    ("stat", "stat"): 46,
    ("ireq", "stat"): 6,
    ("ireq", "ireq"): 32,
    ("ireq", "chck"): 6,
    ("chck", "chck"): 10,
}  # (coder A, coder B) -> number of utterances


@pytest.fixture(scope="module")
def artstein_poesio() -> pd.DataFrame:
    rows = []
    unit = 0
    for (a, b), count in _AP_TABLE.items():
        for _ in range(count):
            unit += 1
            rows += [(unit, "a", a), (unit, "b", b)]
    return pd.DataFrame(rows, columns=["unit_id", "coder", "code"])


def test_artstein_poesio_published_values(artstein_poesio):
    result = agreement(artstein_poesio)
    # NLTK doctest: avg_Ao() == 0.88, round(pi(), 5) == 0.79953, round(S(), 2) == 0.82.
    assert result["percent_agreement"] == pytest.approx(0.88)
    assert round(result["scott_pi"], 5) == 0.79953
    assert round(result["bennett_s"], 2) == 0.82
    # Artstein & Poesio report kappa = 0.8013. By hand: Ae = .46*.52 + .44*.32 + .10*.16
    # = .396, kappa = (.88 - .396) / (1 - .396) = .80132...
    assert round(result["cohen_kappa"], 4) == 0.8013
    # Fleiss' kappa is the multi-coder pi, so with two coders it is Scott's pi.
    assert result["fleiss_kappa"] == pytest.approx(result["scott_pi"])
    # Two coders, no missing data, n = 200 values: alpha = 1 - (n - 1)/n * (1 - Ao)/(1 - Ae_pi)
    # with Ae_pi = .49^2 + .38^2 + .13^2 = .4014: 1 - 199/200 * .12/.5986 = .80053...
    assert round(result["krippendorff_alpha"], 5) == 0.80053
    assert (result["n_coders"], result["n_units"], result["n_complete"]) == (2, 100, 100)


# Krippendorff's alpha, 3 coders x 15 units with missing data: the example in Wikipedia's
# "Krippendorff's alpha" article and the tests of the `krippendorff` package.
_WIKI_3X15 = {
    "A": [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
    "B": [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
    "C": [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
}


@pytest.mark.parametrize(("level", "expected"), [("nominal", 0.691), ("interval", 0.811)])
def test_krippendorff_alpha_3_coders_15_units_missing_data(level, expected):
    codings = _long(_WIKI_3X15)
    assert round(krippendorff_alpha(codings, level=level), 3) == expected
    assert round(agreement(codings, level=level)["krippendorff_alpha"], 3) == expected


# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the example with 4 observers,
# 12 units, values 1-5, missing data. Published: nominal .743, ordinal .815, interval .849,
# ratio .797.
_K2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


@pytest.mark.parametrize(
    ("level", "expected"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_alpha_2011_4_observers_12_units(level, expected):
    assert round(krippendorff_alpha(_long(_K2011), level=level), 3) == expected


def test_krippendorff_2011_missing_and_unpairable_units_are_counted():
    result = agreement(_long(_K2011))
    # Unit 12 has one value only (unpairable); units 1, 10, 11, 12 lack a coder.
    assert (result["n_units"], result["n_pairable"], result["n_complete"]) == (12, 11, 8)
    assert math.isnan(result["cohen_kappa"]) and math.isnan(result["scott_pi"])  # 4 coders


@pytest.mark.parametrize(
    ("level", "distance"), [("nominal", None), ("interval", interval_distance)]
)
def test_alpha_agrees_with_nltk_on_missing_data(level, distance):
    codings = _long(_WIKI_3X15)
    triples = list(codings[["coder", "unit_id", "code"]].itertuples(index=False, name=None))
    task = AnnotationTask(triples) if distance is None else AnnotationTask(triples, distance)
    assert krippendorff_alpha(codings, level=level) == pytest.approx(task.alpha())


# Fleiss (1971) as worked in Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters each,
# 5 categories; rows give how many raters chose each category. Published: P-bar = 0.378,
# P-bar_e = 0.213, kappa = 0.210.
_FLEISS_COUNTS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_kappa_published_example():
    rows = []
    for unit, counts in enumerate(_FLEISS_COUNTS, start=1):
        codes = [cat for cat, n in enumerate(counts, start=1) for _ in range(n)]
        rows += [(unit, f"r{rater}", code) for rater, code in enumerate(codes, start=1)]
    result = agreement(pd.DataFrame(rows, columns=["unit_id", "coder", "code"]))
    assert round(result["percent_agreement"], 3) == 0.378
    assert round(result["fleiss_kappa"], 3) == 0.210
    assert result["n_coders"] == 14


# --------------------------------------------------------------------------- agreement


def test_agreement_hand_counted_two_coders():
    codings = pd.DataFrame(
        {
            "unit_id": [1, 1, 2, 2, 3, 3, 4, 4],
            "coder": ["A", "B"] * 4,
            "code": ["x", "x", "y", "y", "x", "y", "y", "y"],
        }
    )
    # A: x y x y; B: x y y y. Ao = 3/4; kappa Ae = .5*.25 + .5*.75 = .5 -> .5;
    # pi Ae = (3/8)^2 + (5/8)^2 = 34/64 -> (.75 - 34/64) / (30/64) = 7/15; S = (.75 - .5)/.5;
    # alpha: n = 8, o_xy = o_yx = 1, n_x = 3, n_y = 5 -> 1 - 7 * 2 / (2 * 3 * 5) = 8/15.
    assert agreement(codings) == pytest.approx(
        {
            "level": "nominal",
            "n_coders": 2,
            "n_units": 4,
            "n_complete": 4,
            "n_pairable": 4,
            "percent_agreement": 0.75,
            "cohen_kappa": 0.5,
            "scott_pi": 7 / 15,
            "fleiss_kappa": 7 / 15,
            "bennett_s": 0.5,
            "krippendorff_alpha": 8 / 15,
        }
    )


def test_agreement_all_codes_equal_is_undefined_not_perfect():
    codings = pd.DataFrame({"unit_id": [1, 1, 2, 2], "coder": ["A", "B"] * 2, "code": [0] * 4})
    result = agreement(codings)
    assert result["percent_agreement"] == 1.0
    for key in ("cohen_kappa", "scott_pi", "fleiss_kappa", "bennett_s", "krippendorff_alpha"):
        assert math.isnan(result[key]), key


def test_agreement_empty_string_code_is_missing():
    codings = pd.DataFrame(
        {
            "unit_id": [1, 1, 2, 2, 3],
            "coder": ["A", "B"] * 2 + ["A"],
            "code": ["x", "", "y", "y", "x"],
        }
    )
    result = agreement(codings)
    assert (result["n_units"], result["n_complete"], result["n_pairable"]) == (3, 1, 1)


def test_agreement_without_complete_units_reports_nan_but_alpha():
    codings = _long({"A": [1, 2, None], "B": [1, None, 3], "C": [None, 2, 3]})
    result = agreement(codings)
    assert result["n_complete"] == 0 and math.isnan(result["percent_agreement"])
    # Every unit has a pair: 1-1, 2-2 and 3-3 agree perfectly.
    assert result["krippendorff_alpha"] == 1.0


def test_ordinal_alpha_accepts_ordered_categorical():
    numeric = _long(_K2011)
    labels = ["none", "low", "mid", "high", "top"]
    ranked = numeric.assign(
        code=pd.Categorical(
            [labels[int(c) - 1] for c in numeric["code"]], categories=labels, ordered=True
        )
    )
    assert krippendorff_alpha(ranked, level="ordinal") == pytest.approx(
        krippendorff_alpha(numeric, level="ordinal")
    )


def test_agreement_does_not_modify_codings():
    codings = _long(_WIKI_3X15)
    before = codings.copy()
    agreement(codings, level="interval")
    krippendorff_alpha(codings, level="ordinal")
    pd.testing.assert_frame_equal(codings, before)


_TWO_CODERS = pd.DataFrame({"unit_id": [1, 1], "coder": ["A", "B"], "code": ["x", "y"]})


@pytest.mark.parametrize("func", [agreement, krippendorff_alpha])
@pytest.mark.parametrize(
    ("codings", "kwargs", "message"),
    [
        (_TWO_CODERS, {"level": "nominl"}, "level='nominl' is not allowed; choose one of"),
        (_TWO_CODERS.drop(columns="coder"), {}, "codings needs column(s) 'coder'"),
        (_TWO_CODERS.assign(coder=["A", "A"]), {}, "more than one code per unit and coder"),
        (_TWO_CODERS, {"level": "interval"}, "needs numeric codes; found 'x'"),
        (_TWO_CODERS.assign(unit_id=[1, None]), {}, "without unit_id"),
    ],
)
def test_agreement_bad_input(func, codings, kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        func(codings, **kwargs)


def test_agreement_needs_two_coders():
    with pytest.raises(ValueError, match="at least two coders; found 1"):
        agreement(_TWO_CODERS.assign(coder=["A", "A"], unit_id=[1, 2]))


# --------------------------------------------------------------------------- scoring

# Tiny gold: doc a sentences 1-3, doc b sentences 1-2; empty theme = coded, no theme.
GOLD = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "a", "b", "b", "b"],
        "sent": [1, 1, 2, 3, 1, 1, 2],
        "theme": ["econ", "crime", None, "crime", "econ", "law", None],
    }
)
HITS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "a", "b", "b", "c", "a", "a"],
        "sent": [1, 1, 2, 3, 1, 2, 1, 6, 3],
        "key": ["econ", "econ", "crime", "crime", "crime", "econ", "econ", "econ", "tech"],
        "matched": ["trade", "market", "police", "fraud", "arrest", "tariff", "gdp", "tax", "AI"],
    }
)
COLUMNS = ["theme", "tp", "fp", "fn", "precision", "recall", "f1", "support"]


def _table(rows: list[tuple]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["theme"] = out["theme"].astype(str)
    return out.astype({c: "int64" for c in ("tp", "fp", "fn", "support")}).astype(
        {c: "float64" for c in ("precision", "recall", "f1")}
    )


def test_score_sentence_level_whole_table():
    # Units a1 a2 a3 b1 b2. Gold: econ {a1, b1}, crime {a1, a3}, law {b1}.
    # Predicted inside the gold: econ {a1 (twice), b2}, crime {a2, a3, b1}, tech {a3};
    # c1 (doc not coded) and a6 (sentence not coded) are ignored.
    expected = _table(
        [
            ("crime", 1, 2, 1, 1 / 3, 1 / 2, 2 / 5, 2),
            ("econ", 1, 1, 1, 1 / 2, 1 / 2, 1 / 2, 2),
            ("law", 0, 0, 1, NAN, 0.0, 0.0, 1),  # never predicted: precision undefined
            ("tech", 0, 1, 0, 0.0, NAN, 0.0, 0),  # no gold positive: recall undefined
            ("micro avg", 2, 4, 3, 2 / 6, 2 / 5, 4 / 11, 5),
            # NaN skipped: P = (1/3 + 1/2 + 0)/3, R = (1/2 + 1/2 + 0)/3, F1 = (.4 + .5 + 0 + 0)/4
            ("macro avg", 2, 4, 3, 5 / 18, 1 / 3, 0.225, 5),
        ]
    )
    pd.testing.assert_frame_equal(score_against_gold(HITS, GOLD), expected)


def test_score_doc_level_whole_table():
    # Units a, b. Gold: econ {a, b}, crime {a}, law {b}. Every hit in a or b counts (a6 too):
    # econ {a, b}, crime {a, b}, tech {a}.
    expected = _table(
        [
            ("crime", 1, 1, 0, 1 / 2, 1.0, 2 / 3, 1),
            ("econ", 2, 0, 0, 1.0, 1.0, 1.0, 2),
            ("law", 0, 0, 1, NAN, 0.0, 0.0, 1),
            ("tech", 0, 1, 0, 0.0, NAN, 0.0, 0),
            ("micro avg", 3, 2, 1, 3 / 5, 3 / 4, 2 / 3, 4),
            ("macro avg", 3, 2, 1, 1 / 2, 2 / 3, 5 / 12, 4),
        ]
    )
    pd.testing.assert_frame_equal(score_against_gold(HITS, GOLD, unit="doc"), expected)


def test_score_themes_selects_and_orders_rows():
    expected = _table(
        [
            ("econ", 1, 1, 1, 1 / 2, 1 / 2, 1 / 2, 2),
            ("unseen", 0, 0, 0, NAN, NAN, NAN, 0),
            ("micro avg", 1, 1, 1, 1 / 2, 1 / 2, 1 / 2, 2),
            ("macro avg", 1, 1, 1, 1 / 2, 1 / 2, 1 / 2, 2),
        ]
    )
    result = score_against_gold(HITS, GOLD, themes=["econ", "unseen"])
    pd.testing.assert_frame_equal(result, expected)


def test_score_matches_tokens_style_dtypes():
    # tokenize() gives doc_id as a categorical and sent as int32; a gold file gives str/int64.
    hits = HITS.astype({"doc_id": "category", "sent": "int32"})
    gold = GOLD.assign(sent=GOLD["sent"].astype("int64"))
    pd.testing.assert_frame_equal(score_against_gold(hits, gold), score_against_gold(HITS, GOLD))


def test_score_without_hits():
    result = score_against_gold(HITS.iloc[:0], GOLD, themes=["econ"])
    assert result[["tp", "fp", "fn", "support"]].to_numpy().tolist() == [[0, 0, 2, 2]] * 3
    assert math.isnan(result.loc[0, "precision"]) and result.loc[0, "f1"] == 0.0


def test_score_does_not_modify_inputs():
    hits, gold = HITS.copy(), GOLD.copy()
    score_against_gold(hits, gold, unit="doc")
    codings_from_hits(hits, gold, "econ")
    pd.testing.assert_frame_equal(hits, HITS)
    pd.testing.assert_frame_equal(gold, GOLD)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"unit": "paragraph"}, ValueError, "unit='paragraph' is not allowed; choose one of"),
        ({"themes": "econ"}, TypeError, "not a string"),
        ({"themes": ["econ", "econ"]}, ValueError, "more than once"),
        ({"hits": HITS.drop(columns="key")}, ValueError, "hits needs column"),
        ({"gold": GOLD.drop(columns="sent")}, ValueError, "gold needs column"),
        ({"hits": HITS.assign(sent=1.5)}, ValueError, "non-integer sent"),
    ],
)
def test_score_bad_input(kwargs, error, message):
    args = {"hits": HITS, "gold": GOLD, **kwargs}
    with pytest.raises(error, match=message):
        score_against_gold(args.pop("hits"), args.pop("gold"), **args)


def test_codings_from_hits_whole_table():
    expected = pd.DataFrame(
        {
            "unit_id": [u for u in ["a:1", "a:2", "a:3", "b:1", "b:2"] for _ in range(2)],
            "coder": ["dictionary", "gold"] * 5,
            "code": [1, 1, 0, 0, 0, 0, 0, 1, 1, 0],
        }
    ).astype({"unit_id": str, "coder": str, "code": "int64"})
    result = codings_from_hits(HITS, GOLD, "econ")
    pd.testing.assert_frame_equal(result, expected)
    # dictionary 1 0 0 0 1 vs gold 1 0 0 1 0: Ao = 3/5, kappa Ae = .4*.4 + .6*.6 = .52.
    assert agreement(result)["cohen_kappa"] == pytest.approx((0.6 - 0.52) / 0.48)


def test_codings_from_hits_doc_level():
    result = codings_from_hits(HITS, GOLD, "crime", unit="doc")
    assert result.to_dict("list") == {
        "unit_id": ["a", "a", "b", "b"],
        "coder": ["dictionary", "gold"] * 2,
        "code": [1, 1, 1, 0],
    }


# --------------------------------------------------------------------------- gold files


def _write(tmp_path, content: str | bytes, name: str = "gold.csv"):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def test_load_sentence_gold(tmp_path):
    path = _write(
        tmp_path,
        '\ufeffsent, doc_id ,theme,note\r\n1,a,econ,\r\n\r\n2, a ,,"no theme, checked"\r\n3,b\r\n',
    )
    expected = pd.DataFrame(
        {
            "doc_id": pd.Series(["a", "a", "b"], dtype=str),
            "sent": pd.Series([1, 2, 3], dtype="int64"),
            "theme": pd.Series(["econ", None, None], dtype=str),
            "note": pd.Series([None, "no theme, checked", None], dtype=str),
        }
    )
    pd.testing.assert_frame_equal(load_gold(path), expected)


def test_load_coder_gold(tmp_path):
    path = _write(tmp_path, "unit_id,coder,code\nu1,ann,1\nu1,bob,\nu2,ann,0\nu2,bob,0\n")
    expected = pd.DataFrame(
        {
            "unit_id": pd.Series(["u1", "u1", "u2", "u2"], dtype=str),
            "coder": pd.Series(["ann", "bob", "ann", "bob"], dtype=str),
            "code": pd.Series(["1", None, "0", "0"], dtype=str),
        }
    )
    gold = load_gold(path)
    pd.testing.assert_frame_equal(gold, expected)
    assert agreement(gold)["n_pairable"] == 1  # bob's empty code on u1 is missing


def test_load_gold_never_modifies_the_file(tmp_path):
    content = b"doc_id,sent,theme\r\na,1,econ\r\n"
    path = _write(tmp_path, content)
    mtime = path.stat().st_mtime_ns
    load_gold(path)
    assert path.read_bytes() == content and path.stat().st_mtime_ns == mtime


def test_load_gold_then_score(tmp_path):
    path = _write(tmp_path, "doc_id,sent,theme\na,1,econ\na,1,crime\na,2,\na,3,crime\n")
    result = score_against_gold(HITS[HITS["doc_id"] == "a"], load_gold(path), themes=["crime"])
    assert result.loc[0, ["tp", "fp", "fn"]].tolist() == [1, 1, 1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"\n  \n", "file is empty"),
        (b"doc_id,sent,theme\na,1,caf\xe9\n", "not valid UTF-8 at byte offset 25 (line 2)"),
        (b"doc_id,sent,theme\n", "header but no rows"),
        (b"doc_id,theme\na,econ\n", "missing column(s) 'sent'"),
        (b"unit_id,code\nu1,1\n", "missing column(s) 'coder'"),
        (b"doc_id,sent,theme\na,1,econ\n,2,econ\n", "line 3: blank doc_id"),
        (b"doc_id,sent,theme\na,1,econ\na,x,econ\n", "line 3: sent must be a positive integer"),
        (b"doc_id,sent,theme\na,1.0,econ\n", "line 2: sent must be a positive integer"),
        (b"doc_id,sent,theme\na,0,econ\n", "line 2: sent must be a positive integer"),
        (b"doc_id,sent,theme\na,,econ\n", "line 2: sent must be a positive integer"),
        (b'doc_id,sent,theme\n"a\nb",1,x\na,z,x\n', "line 4: sent must be"),
        (b"doc_id,sent,theme\na,1,econ,crime\n", "line 2: 4 fields but the header has 3"),
        (b"unit_id,coder,code\nu1,,1\nu2,,1\n", "lines 2, 3: blank coder"),
        (b"doc_id,doc_id,sent,theme\na,a,1,x\n", "duplicate column name(s) 'doc_id'"),
        (b",,\n,,\n", "no header row"),
        (b'doc_id,sent,theme\na,1,"x"y\n', "line 2: malformed CSV"),
    ],
    ids=[
        "empty",
        "blank",
        "not-utf8",
        "header-only",
        "no-sent",
        "no-coder",
        "blank-doc_id",
        "sent-not-int",
        "sent-float",
        "sent-zero",
        "sent-blank",
        "line-after-multiline-field",
        "too-many-fields",
        "blank-coder",
        "duplicate-column",
        "no-header",
        "bad-quoting",
    ],
)
def test_load_gold_bad_file(tmp_path, content, message):
    path = _write(tmp_path, content)
    with pytest.raises(ValueError) as info:
        load_gold(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_load_gold_missing_file(tmp_path):
    path = tmp_path / "nope.csv"
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        load_gold(path)


def test_load_gold_directory(tmp_path):
    with pytest.raises(ValueError, match="is not a file"):
        load_gold(tmp_path)


def test_docstring_examples_run():
    assert doctest.testmod(validation, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_public_names():
    assert set(validation.__all__) >= {
        "load_gold",
        "score_against_gold",
        "codings_from_hits",
        "agreement",
        "krippendorff_alpha",
    }
    assert np.isnan(krippendorff_alpha(_long({"A": [1], "B": [None]})))


def test_score_empty_tables_give_average_rows_only():
    # Regression: an empty hits table (float columns) failed to merge with the gold.
    gold = pd.DataFrame({"doc_id": ["a"], "sent": [1], "theme": [None]})
    hits = pd.DataFrame({"doc_id": [], "sent": [], "key": []})
    expected = _table(
        [("micro avg", 0, 0, 0, NAN, NAN, NAN, 0), ("macro avg", 0, 0, 0, NAN, NAN, NAN, 0)]
    )
    pd.testing.assert_frame_equal(score_against_gold(hits, gold), expected)
    assert codings_from_hits(hits, gold, "x")["code"].tolist() == [0, 0]
