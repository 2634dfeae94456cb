"""Keyness against quanteda's textstat_keyness, scipy and hand counts."""

import math

import pandas as pd
import pytest
from scipy import stats

from analysis.keyterms import keyness
from analysis.schema import check_table
from analysis.text import tokenize
from tests.conftest import make_docs

VNA = "vna_2023-12-06"


def rows(table: pd.DataFrame, columns: list[str]) -> list[list]:
    return table[columns].values.tolist()


# --------------------------------------------------------------------------- keyness

# quanteda's textstat_keyness test corpus.
KEY_DOCS = ("a a a b b c c c c c c d e f g h h", "a a b c c d d d d e f h")


@pytest.fixture
def key_tokens() -> pd.DataFrame:
    return tokenize(make_docs(*KEY_DOCS))


def test_keyness_chi2_order_matches_quanteda(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1")
    assert list(k.columns) == [
        "term",
        "statistic",
        "p",
        "n_target",
        "n_reference",
        "log_ratio",
        "pct_diff",
        "low_count",
    ]
    assert k["term"].tolist() == ["g", "c", "b", "h", "a", "e", "f", "d"]
    assert rows(k, ["term", "n_target", "n_reference"])[:2] == [["g", 1, 0], ["c", 6, 2]]
    assert k["low_count"].all()  # 17 + 12 tokens: every term has an expected cell below 5


def test_keyness_chi2_yates_by_hand(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1").set_index("term")
    # c: a=6, b=2, c=11, d=10, N=29; |ad-bc| = 38 >= N/2, so Yates applies:
    # 29 * (38 - 14.5)^2 / (8 * 21 * 17 * 12) = 16015.25 / 34272
    assert k.loc["c", "statistic"] == pytest.approx(16015.25 / 34272, rel=1e-12)
    assert k.loc["c", "p"] == pytest.approx(stats.chi2.sf(16015.25 / 34272, 1), rel=1e-12)
    table = [[6, 2], [11, 10]]
    assert k.loc["c", "statistic"] == pytest.approx(stats.chi2_contingency(table)[0], rel=1e-12)
    # g: a=1, b=0, c=16, d=12; |ad-bc| = 12 < 14.5: the correction would overshoot and is not
    # applied (quanteda; this is what puts g first): 29 * 12^2 / (1 * 28 * 17 * 12)
    assert k.loc["g", "statistic"] == pytest.approx(29 * 144 / 5712, rel=1e-12)
    # d is relatively more frequent in the reference: negative statistic.
    assert k.loc["d", "statistic"] < 0
    uncorrected = keyness(key_tokens, "d1", correction="none").set_index("term")
    assert uncorrected.loc["c", "statistic"] == pytest.approx(29 * 38**2 / 34272, rel=1e-12)


def test_keyness_g2_with_williams_by_hand(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1", measure="g2").set_index("term")
    # d: a=1, b=4, c=16, d=8, N=29; expected 85/29, 60/29, 408/29, 288/29.
    g2 = 2 * (
        1 * math.log(1 / (85 / 29))
        + 4 * math.log(4 / (60 / 29))
        + 16 * math.log(16 / (408 / 29))
        + 8 * math.log(8 / (288 / 29))
    )
    assert g2 == pytest.approx(
        stats.chi2_contingency([[1, 4], [16, 8]], correction=False, lambda_="log-likelihood")[0]
    )
    q = 1 + (29 / 5 + 29 / 24 - 1) * (29 / 17 + 29 / 12 - 1) / (6 * 29)  # Williams (1976)
    assert k.loc["d", "statistic"] == pytest.approx(-g2 / q, rel=1e-12)
    assert k.loc["d", "statistic"] == pytest.approx(-3.4115904, rel=1e-7)
    none = keyness(key_tokens, "d1", measure="g2", correction="none").set_index("term")
    assert none.loc["d", "statistic"] == pytest.approx(-g2, rel=1e-12)


def test_keyness_fisher_is_scipy_odds_ratio_and_p(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1", measure="fisher")
    assert k["term"].tolist() == ["g", "c", "b", "h", "a", "e", "f", "d"]
    for term, a, b, stat, p in k[["term", "n_target", "n_reference", "statistic", "p"]].values:
        ref = stats.fisher_exact([[a, b], [17 - a, 12 - b]])
        assert (stat, p) == pytest.approx((ref.statistic, ref.pvalue)), term


def test_keyness_pmi_and_effect_sizes_by_hand(key_tokens: pd.DataFrame) -> None:
    k = keyness(key_tokens, "d1", measure="pmi").set_index("term")
    # g: expected target count (1 * 17) / 29, observed 1.
    assert k.loc["g", "statistic"] == pytest.approx(math.log(29 / 17))
    # Log Ratio: g has no reference occurrence; 0.5 stands in for the zero.
    assert k.loc["g", "log_ratio"] == pytest.approx(math.log2((1 / 17) / (0.5 / 12)))
    assert k.loc["c", "log_ratio"] == pytest.approx(math.log2((6 / 17) / (2 / 12)))
    assert k.loc["c", "pct_diff"] == pytest.approx(100 * ((6 / 17) - (2 / 12)) / (2 / 12))
    assert k["pct_diff"].to_numpy() == pytest.approx(100 * (2 ** k["log_ratio"].to_numpy() - 1))


def test_keyness_low_count_false_when_every_expected_cell_reaches_5() -> None:
    toks = tokenize(make_docs("a " * 40 + "b " * 10, "a " * 10 + "b " * 40))
    k = keyness(toks, "d1", measure="g2")
    assert rows(k, ["term", "n_target", "n_reference", "low_count"]) == [
        ["a", 40, 10, False],
        ["b", 10, 40, False],
    ]
    assert k["statistic"].iloc[0] == pytest.approx(-k["statistic"].iloc[1])


def test_keyness_by_outlet_on_sample(
    sample_docs: pd.DataFrame, sample_tokens: pd.DataFrame
) -> None:
    by_outlet = keyness(sample_tokens, "VNA (Vietnam News Agency)", by="outlet", docs=sample_docs)
    pd.testing.assert_frame_equal(by_outlet, keyness(sample_tokens, VNA))
    crimes = by_outlet.set_index("term").loc["crimes"]
    assert (crimes["n_target"], crimes["n_reference"]) == (6, 12)
    assert by_outlet["statistic"].is_monotonic_decreasing


def test_keyness_target_errors(key_tokens: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"'d9' is not a value of 'doc_id'; values: 'd1', 'd2'"):
        keyness(key_tokens, "d9")
    with pytest.raises(ValueError, match="nothing left as reference"):
        keyness(key_tokens, ["d1", "d2"])
    with pytest.raises(ValueError, match="does not apply to measure='fisher'"):
        keyness(key_tokens, "d1", measure="fisher", correction="yates")


def test_keyness_by_mapping_equals_by_doc_id(key_tokens: pd.DataFrame) -> None:
    expected = keyness(key_tokens, "d1")
    pd.testing.assert_frame_equal(keyness(key_tokens, "t", by={"d1": "t", "d2": "r"}), expected)
    series = pd.Series({"d1": "t", "d2": "r"})
    pd.testing.assert_frame_equal(keyness(key_tokens, "t", by=series), expected)


def test_keyness_dropna_counts_neither_side_for_documents_without_group() -> None:
    toks = tokenize(make_docs(*KEY_DOCS, "z z z g g"))
    groups = {"d1": "t", "d2": "r"}  # d3 has no group
    with pytest.raises(ValueError, match="no group value for doc_id.*d3"):
        keyness(toks, "t", by=groups)
    k = keyness(toks, "t", by=groups, dropna=True)
    pd.testing.assert_frame_equal(k, keyness(tokenize(make_docs(*KEY_DOCS)), "d1"))
    assert "z" not in set(k["term"])
    with pytest.raises(ValueError, match="'x' is not a value of by; values: 'r', 't'"):
        keyness(toks, "x", by=groups, dropna=True)


def test_keyness_table_has_the_schema_dtypes(key_tokens: pd.DataFrame) -> None:
    for measure in ("chi2", "g2", "fisher", "pmi"):
        check_table(keyness(key_tokens, "d1", measure=measure), "keyness")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: keyness(t, "d1", measure="lr"), "'chi2', 'g2', 'fisher', 'pmi'"),
        (lambda t: keyness(t, "d1", correction="bonf"), "'default', 'yates', 'williams', 'none'"),
    ],
)
def test_bad_options_raise_value_error_listing_allowed_values(call, message: str) -> None:
    toks = tokenize(make_docs("a b", "b c"))
    with pytest.raises(ValueError, match=message):
        call(toks)
