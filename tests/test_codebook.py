"""Tests for analysis.codebook: reading YAML and LIWC codebooks, errors naming file, line and
theme, and the pattern tables a codebook gives the matcher.

Expected values are counted by hand on the tiny codebook below (its lines are spelled out in
the assertions) or read off the study codebook.
"""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import analysis.codebook
import analysis.themes
from analysis.codebook import Codebook, CodebookError, load_codebook, load_liwc_dic
from analysis.text import tokenize
from analysis.themes import code_themes
from tests.conftest import DATA, make_docs

FIXTURES = Path(__file__).parent / "fixtures" / "themes"
STUDY_CODEBOOK = DATA / "codebooks" / "asean_china_crime.yml"

TINY = """\
name: tiny
version: 1
themes:
  security:
    description: Peace and security.
    patterns: [security]
    exclude: [social security]
  cooperation:
    description: Working together.
    patterns: [cooperat*, security cooperation]
  places:
    description: Places.
    patterns: [Czech Republic, the Czech Republic]
  crime:
    description: Crime.
    patterns: [crime*]
    themes:
      cybercrime:
        description: Cyber crime.
        patterns: [cyber crime*, cyber*]
"""
# d1 offsets: Security 0-8, cooperation 9-20, with 21-25, the 26-29, Czech 30-35,
# Republic 36-44, "." 44, Social 46-52, security 53-61, is 62-64, not 65-68, security 69-77, "."
# d2 offsets: Cyber 0-5, crime 6-11, rose 12-16, "." 16, Crime 18-23, fell 24-28, "!" 28
TINY_TEXTS = (
    "Security cooperation with the Czech Republic. Social security is not security.",
    "Cyber crime rose. Crime fell!",
)


def write(tmp_path: Path, text: str, name: str = "cb.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def tiny_cb(tmp_path: Path) -> Codebook:
    return load_codebook(write(tmp_path, TINY))


# --------------------------------------------------------------------------- codebooks


def test_tiny_codebook_themes_table_in_preorder_with_paths(tiny_cb):
    cb = tiny_cb
    table = cb.to_frame()
    assert table["theme"].tolist() == ["security", "cooperation", "places", "crime", "cybercrime"]
    assert table["path"].tolist() == [
        "security",
        "cooperation",
        "places",
        "crime",
        "crime/cybercrime",
    ]
    assert table["depth"].tolist() == [1, 1, 1, 1, 2]
    assert table["line"].tolist() == [4, 8, 11, 14, 18]
    assert cb.themes["cybercrime"].parent == "crime"
    assert cb.themes["crime"].children == ("cybercrime",)
    assert cb.version == "1"  # a YAML number is read as the text written


def test_codebook_patterns_table_lists_include_and_exclude_with_lines(tiny_cb):
    expected = pd.DataFrame(
        {
            "key": ["security", "security", "cooperation", "cooperation", "places", "places",
                    "crime", "cybercrime", "cybercrime"],
            "pattern": ["security", "social security", "cooperat*", "security cooperation",
                        "Czech Republic", "the Czech Republic", "crime*", "cyber crime*", "cyber*"],
            "kind": ["include", "exclude", "include", "include", "include", "include", "include",
                     "include", "include"],
            "line": [6, 7, 10, 10, 13, 13, 16, 20, 20],
        }
    )  # fmt: skip
    expected = expected.astype({"key": str, "pattern": str, "kind": str, "line": "Int64"})
    pd.testing.assert_frame_equal(tiny_cb.patterns(), expected)


def test_codebook_sha256_is_the_sha256_of_the_file_bytes():
    cb = load_codebook(STUDY_CODEBOOK)
    assert cb.sha256 == hashlib.sha256(STUDY_CODEBOOK.read_bytes()).hexdigest()


def test_regex_item_written_as_yaml_mapping_is_read_as_regex_pattern(tmp_path):
    path = write(
        tmp_path,
        """\
        name: t
        themes:
          years:
            description: Years.
            patterns:
              - regex: (19|20)\\d\\d
              - 'regex:\\d{4}s'
        """,
    )
    cb = load_codebook(path)
    assert cb.themes["years"].patterns == ("regex:(19|20)\\d\\d", "regex:\\d{4}s")
    hits = code_themes(tokenize(make_docs("In 2003 and the 1990s.")), cb)
    assert hits["matched"].tolist() == ["2003", "1990s"]


def test_study_codebook_has_eight_themes_nesting_and_excludes():
    cb = load_codebook(STUDY_CODEBOOK)
    top = [t for t in cb.themes.values() if t.depth == 1]
    assert len(top) >= 8
    assert cb.themes["cybercrime"].path == "crime/cybercrime"
    assert all(t.description for t in cb.themes.values())
    assert all(t.exclude for t in top)


# --------------------------------------------------------------------------- malformed files


def check_error(err: pytest.ExceptionInfo, path: Path, line: int, theme: str | None, *words):
    message = str(err.value)
    assert str(path) in message
    assert f"line {line}" in message
    if theme is not None:
        assert f"theme {theme!r}" in message
    assert err.value.line == line and err.value.theme == theme
    for word in words:
        assert word in message


MALFORMED_CODEBOOKS = [
    # PyYAML notices at line 6; the unclosed list began at line 5, inside theme crime.
    pytest.param(
        """\
name: t
themes:
  crime:
    description: d
    patterns: [crime*
  other:
    description: d
""",
        6,
        "crime",
        ("invalid YAML", "began at line 5"),
        id="yaml_syntax_names_file_theme_and_line",
    ),
    pytest.param(
        """\
name: t
themes:
  org:
    description: d
    patterns: [organi?ation]
""",
        5,
        "org",
        ("invalid YAML", "quote patterns"),
        id="question_mark_glob_in_flow_list_gets_a_quoting_hint",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    description: d
    patern: [crime*]
""",
        5,
        "crime",
        ("unknown key 'patern'", "did you mean 'patterns'"),
        id="unknown_key_names_file_theme_line_and_suggests",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    description: d
    patterns: [crime*]
  empty:
    description: nothing to match
    patterns: []
""",
        6,
        "empty",
        ("empty theme",),
        id="empty_theme_names_file_theme_and_line",
    ),
    pytest.param(
        """\
name: t
themes:
  years:
    description: d
    patterns:
      - "19*"
      - "regex:[0-9"
""",
        7,
        "years",
        ("regex:[0-9", "invalid"),
        id="invalid_regex_names_file_theme_and_line",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    description: d
    patterns: [crime*]
  crime:
    description: second definition
    patterns: [offence*]
""",
        6,
        "crime",
        ("duplicate theme id", "first defined at line 3"),
        id="duplicate_theme_id_in_one_mapping_is_not_silently_dropped",
    ),
    pytest.param(
        """\
name: t
themes:
  cybercrime:
    description: d
    patterns: [cyber*]
  crime:
    description: d
    patterns: [crime*]
    themes:
      cybercrime:
        description: d
        patterns: [hack*]
""",
        10,
        "cybercrime",
        ("duplicate theme id", "line 3"),
        id="duplicate_theme_id_at_two_levels",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    description: d
    patterns: [crime*]
    patterns: [offence*]
""",
        6,
        "crime",
        ("duplicate key 'patterns'", "first at line 5"),
        id="duplicate_field_key_in_a_theme",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    description: d
    patterns: crime*
""",
        5,
        "crime",
        ("must be a list", "[crime*]"),
        id="patterns_given_as_text_instead_of_list",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    - crime*
    - criminal*
""",
        4,
        "crime",
        ("must be a mapping",),
        id="theme_given_as_list_instead_of_mapping",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    description: [a, b]
    patterns: [crime*]
""",
        4,
        "crime",
        ("description must be text",),
        id="description_given_as_list",
    ),
    pytest.param(
        """\
name: t
themes:
  crime:
    patterns: [crime*]
""",
        3,
        "crime",
        ("missing 'description'",),
        id="missing_description",
    ),
    pytest.param(
        """\
name: t
themes:
  high tech:
    description: d
    patterns: [high-tech]
""",
        3,
        "high tech",
        ("invalid theme id",),
        id="theme_id_with_space",
    ),
]


@pytest.mark.parametrize(("text", "line", "theme", "words"), MALFORMED_CODEBOOKS)
def test_malformed_codebook_error_names_file_theme_and_line(tmp_path, text, line, theme, words):
    path = write(tmp_path, text)
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    check_error(err, path, line, theme, *words)


def test_malformed_file_level_problems_name_the_file(tmp_path):
    empty = write(tmp_path, "", "empty.yml")
    with pytest.raises(CodebookError, match=r"empty\.yml: file is empty"):
        load_codebook(empty)
    latin = tmp_path / "latin.yml"
    latin.write_bytes(b"name: t\n# caf\xe9\n")
    with pytest.raises(
        CodebookError, match=r"latin\.yml, line 2: not valid UTF-8 at byte offset 13"
    ):
        load_codebook(latin)
    with pytest.raises(CodebookError, match=r"cb\.txt: unknown codebook format '\.txt'"):
        load_codebook(write(tmp_path, "name: t", "cb.txt"))
    with pytest.raises(FileNotFoundError, match="missing.yml"):
        load_codebook(tmp_path / "missing.yml")
    no_themes = write(tmp_path, "name: t\nversion: 1\n", "nothemes.yml")
    with pytest.raises(
        CodebookError, match=r"nothemes\.yml, line 1: missing top-level key 'themes'"
    ):
        load_codebook(no_themes)


# --------------------------------------------------------------------------- LIWC


def test_liwc_dic_import_maps_categories_stems_and_phrases():
    cb = load_codebook(FIXTURES / "tiny.dic")
    assert cb is not None and cb.name == "tiny"
    assert cb.ids == ["posemo", "negemo"]
    assert cb.themes["posemo"].label == "Positive emotion"
    assert cb.themes["posemo"].patterns == ("happy", "kind of")
    assert cb.themes["negemo"].patterns == ("sad*", "kind of")
    assert cb.themes["negemo"].pattern_lines == (6, 7)
    hits = code_themes(tokenize(make_docs("Happy days, sadly kind of gloomy.")), cb)
    assert hits[["matched", "key"]].values.tolist() == [
        ["Happy", "posemo"],
        ["sadly", "negemo"],
        ["kind of", "posemo"],
        ["kind of", "negemo"],
    ]


def test_liwc_dic_entry_with_undefined_category_names_file_and_line(tmp_path):
    path = tmp_path / "bad.dic"
    path.write_text("%\n1\tposemo\n%\nhappy\t1\nsad\t3\n", encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_liwc_dic(path)
    check_error(err, path, 5, None, "undefined category 3")


def test_liwc_dic_empty_category_names_category_and_line(tmp_path):
    path = tmp_path / "empty_cat.dic"
    path.write_text("%\n1\tposemo\n2\tnegemo\n%\nhappy\t1\n", encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_liwc_dic(path)
    check_error(err, path, 3, "negemo", "empty category")


# --------------------------------------------------------------------------- matcher tables


def test_include_table_rolls_descendant_patterns_up_for_scope_key(tiny_cb):
    assert tiny_cb.include_table().values.tolist() == [
        ["security", "security", "security"],
        ["cooperation", "cooperat*", "cooperation"],
        ["cooperation", "security cooperation", "cooperation"],
        ["places", "Czech Republic", "places"],
        ["places", "the Czech Republic", "places"],
        ["crime", "crime*", "crime"],
        ["crime", "cyber crime*", "cybercrime"],
        ["crime", "cyber*", "cybercrime"],
        ["cybercrime", "cyber crime*", "cybercrime"],
        ["cybercrime", "cyber*", "cybercrime"],
    ]
    every_once = tiny_cb.include_table("all")
    assert every_once["pattern"].tolist() == [
        "security", "cooperat*", "security cooperation", "Czech Republic",
        "the Czech Republic", "crime*", "cyber crime*", "cyber*",
    ]  # fmt: skip
    assert (every_once["key"] == every_once["source"]).all()
    with pytest.raises(ValueError, match="scope='dictionary'"):
        tiny_cb.include_table("dictionary")


def test_exclude_table_subtree_pairs_and_compiled_pattern_sets(tiny_cb):
    assert tiny_cb.exclude_table().values.tolist() == [["x0", "security", "social security"]]
    assert tiny_cb.subtree_pairs().values.tolist() == [
        ["security", "security"],
        ["cooperation", "cooperation"],
        ["places", "places"],
        ["crime", "crime"],
        ["crime", "cybercrime"],
        ["cybercrime", "cybercrime"],
    ]
    include = tiny_cb.pattern_set()
    assert len(include) == 10 and include.keys == tiny_cb.ids
    assert tiny_cb.pattern_set("include", "key") is include  # compiled once
    assert len(tiny_cb.pattern_set("include", "all")) == 8
    assert tiny_cb.pattern_set("exclude").keys == ["x0"]
    with pytest.raises(ValueError, match="kind='other'"):
        tiny_cb.pattern_set("other")


def test_codebook_names_stay_importable_from_analysis_themes():
    for name in analysis.codebook.__all__:
        assert getattr(analysis.themes, name) is getattr(analysis.codebook, name)


def test_docstring_examples_run(monkeypatch):
    import doctest

    monkeypatch.chdir(DATA.parent)  # the examples use the sample study's relative paths
    result = doctest.testmod(analysis.codebook, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted >= 4


def test_liwc_conditional_entry_is_an_error_not_a_literal_pattern(tmp_path):
    # "like\t(02 134)53 02" was read as the pattern "like\t(02 134)53" of category 2.
    path = tmp_path / "t.dic"
    path.write_text("%\n1\tposemo\n2\tnegemo\n%\nhappy\t1\nlike\t(02 134)53 02\n", "utf-8")
    with pytest.raises(CodebookError, match=r"line 6.*conditional entry"):
        load_liwc_dic(path)
