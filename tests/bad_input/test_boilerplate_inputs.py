"""Bad input to boilerplate rules and duplicate detection: exact error class, message names the
source (study file / argument) and the problem."""

from __future__ import annotations

import re
import time
import warnings

import pandas as pd
import pytest

from analysis import boilerplate
from analysis.boilerplate import (
    BoilerplateError,
    BoilerplateWarning,
    boilerplate_rules,
    clean_boilerplate,
)
from analysis.duplicates import apply_duplicates, find_duplicates

SRC = "studies/asean.yml"
DOCS = pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["Talks opened.\nVNA", "Talks opened.\nVNA"]})

RULE_SPECS = {
    "invalid_regex": (
        ["default", {"name": "byline", "pattern": "By (Lan"}],
        [SRC, "rule #2", "'byline'", "invalid regex", "position 7", "missing )"],
    ),
    "empty_pattern": ([{"name": "blank", "pattern": "  "}], [SRC, "#1", "'blank'", "empty"]),
    "unknown_where": (
        [{"name": "tag", "pattern": "x", "where": "middle"}],
        [SRC, "'tag'", "where='middle'", "'line', 'leading', 'trailing'"],
    ),
    "unknown_rule_set": (["defualt"], [SRC, "#1", "'defualt'", "did you mean 'default'"]),
    "rule_not_a_mapping": ([42], [SRC, "#1", "must be a rule-set name or a mapping", "int"]),
    "unknown_key": (
        [{"name": "x", "patern": "y"}],
        [SRC, "#1", "unknown key 'patern'", "did you mean 'pattern'"],
    ),
    "missing_pattern": ([{"name": "x"}], [SRC, "#1", "no 'pattern'"]),
    "pattern_not_a_string": (
        [{"name": "x", "pattern": ["a", "b"]}],
        [SRC, "'x'", "pattern must be a string", "list"],
    ),
    "caption_before_not_bool": (
        [{"name": "x", "pattern": "a", "caption_before": "yes"}],
        [SRC, "'x'", "caption_before must be true or false"],
    ),
    "two_rules_one_name": (
        [{"name": "x", "pattern": "a"}, {"name": "x", "pattern": "b"}],
        [SRC, "two different boilerplate rules are named 'x'"],
    ),
    "name_clashes_with_default": (
        ["default", {"name": "credit_line", "pattern": "VNA"}],
        [SRC, "'credit_line'"],
    ),
    "empty_name": ([{"name": "", "pattern": "a"}], [SRC, "#1", "name must be a non-empty string"]),
    "spec_not_a_list": (3.5, [SRC, "must be true/false, a rule-set name", "float"]),
}


@pytest.mark.parametrize("case", list(RULE_SPECS))
def test_bad_rule_specification(case: str) -> None:
    spec, parts = RULE_SPECS[case]
    with pytest.raises(BoilerplateError) as err:
        boilerplate_rules(spec, source=SRC)
    for part in parts:
        assert part in str(err.value), (part, str(err.value))


def test_bad_rule_given_to_clean_boilerplate_names_the_argument() -> None:
    with pytest.raises(BoilerplateError, match=re.escape("clean_boilerplate(rules=...)")):
        clean_boilerplate(DOCS, rules=[{"name": "x", "pattern": "("}])


def test_bad_rule_object_names_its_source() -> None:
    with pytest.raises(BoilerplateError, match=r"^studies/asean.yml: boilerplate rule 'x': where"):
        boilerplate.BoilerplateRule("x", "a", where="middle", source=SRC)  # type: ignore[arg-type]


def test_rule_removing_everything_warns_naming_rule_and_documents() -> None:
    # 16 of the 17 characters: the line break between the two lines is not a rule's text
    rules = boilerplate_rules([{"name": "all", "pattern": ".{1,1000}"}], source=SRC)
    with pytest.warns(BoilerplateWarning, match=r"'all'.*d1 \(94%\), d2 \(94%\)"):
        cleaned, _ = clean_boilerplate(DOCS, rules=rules)
    assert cleaned["text"].tolist() == ["", ""]


def test_catastrophic_user_regex_is_an_error_naming_rule_source_and_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(boilerplate, "RULE_TIME_BUDGET", 0.2)
    rules = boilerplate_rules(
        [{"name": "slow", "pattern": "(a|aa)+b", "where": "leading"}], source=SRC
    )
    start = time.perf_counter()
    with pytest.raises(BoilerplateError) as err:
        clean_boilerplate(pd.DataFrame({"doc_id": ["big"], "text": ["a" * 60]}), rules=rules)
    assert time.perf_counter() - start < 2
    for part in ["'slow'", SRC, "document 'big'", "line 1", "simplify"]:
        assert part in str(err.value)


CLEAN_ARGS = {
    "max_share_zero": (
        DOCS,
        {"max_share": 0},
        ValueError,
        "max_share=0 must be a number in (0, 1]",
    ),
    "max_share_text": (DOCS, {"max_share": "half"}, ValueError, "max_share='half'"),
    "docs_without_text": (DOCS[["doc_id"]], {}, ValueError, "docs needs column(s) 'text'"),
    "docs_not_a_table": ([("d1", "x")], {}, TypeError, "docs must be a pandas DataFrame"),
    "text_not_a_string": (
        pd.DataFrame({"doc_id": ["d1"], "text": [None]}),
        {},
        TypeError,
        "document 'd1': text must be a string",
    ),
}


@pytest.mark.parametrize("case", list(CLEAN_ARGS))
def test_bad_clean_boilerplate_arguments(case: str) -> None:
    docs, kwargs, error, message = CLEAN_ARGS[case]
    with pytest.raises(error, match=re.escape(message)):
        clean_boilerplate(docs, **kwargs)


DUP_ARGS = {
    "threshold_zero": (
        DOCS,
        {"threshold": 0},
        ValueError,
        "threshold=0 must be a number in (0, 1]",
    ),
    "threshold_above_one": (DOCS, {"threshold": 1.5}, ValueError, "threshold=1.5"),
    "threshold_bool": (DOCS, {"threshold": True}, ValueError, "threshold=True"),
    "shingle_size_zero": (
        DOCS,
        {"shingle_size": 0},
        ValueError,
        "shingle_size=0 must be an integer",
    ),
    "num_perm_small": (
        DOCS,
        {"num_perm": 4},
        ValueError,
        "num_perm=4 must be an integer of at least 16",
    ),
    "unknown_method": (DOCS, {"method": "lsh"}, ValueError, "method='lsh' is not allowed"),
    "docs_without_text": (DOCS[["doc_id"]], {}, ValueError, "docs needs column(s) 'text'"),
    "repeated_doc_id": (
        pd.DataFrame({"doc_id": ["d1", "d1"], "text": ["a", "b"]}),
        {},
        ValueError,
        "repeated doc_id(s): 'd1'",
    ),
    "text_not_a_string": (
        pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["a", 3]}),
        {},
        TypeError,
        "text must be a string in every document; not in d2",
    ),
}


@pytest.mark.parametrize("case", list(DUP_ARGS))
def test_bad_find_duplicates_arguments(case: str) -> None:
    docs, kwargs, error, message = DUP_ARGS[case]
    with pytest.raises(error, match=re.escape(message)):
        find_duplicates(docs, **kwargs)


def test_bad_apply_duplicates_arguments() -> None:
    clusters = find_duplicates(DOCS)
    with pytest.raises(ValueError, match=re.escape("action='remove' is not allowed")):
        apply_duplicates(DOCS, clusters, "remove")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"clusters names document\(s\) not in docs: 'd2'"):
        apply_duplicates(DOCS.iloc[:1], clusters, "drop")
    with pytest.raises(ValueError, match=r"clusters needs column\(s\) 'kept'.*find_duplicates"):
        apply_duplicates(DOCS, clusters.drop(columns="kept"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert apply_duplicates(DOCS, clusters, "drop")["doc_id"].tolist() == ["d1"]
