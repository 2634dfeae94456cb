"""Tests for analysis.themes: codebooks, coding with exclusions and nesting, tables, review.

Expected values are counted by hand on tiny named documents (offsets are spelled out in the
comments) or read off the sample articles.
"""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.text import is_punct, sentences, tokenize
from analysis.themes import (
    HIT_COLUMNS,
    Codebook,
    CodebookError,
    code_themes,
    export_hits_for_review,
    load_codebook,
    load_liwc_dic,
    pivot_themes,
    theme_cooccurrence,
    theme_kwic,
    theme_matrix,
)
from analysis.validation import load_gold, score_against_gold
from tests.conftest import DATA, make_docs

FIXTURES = Path(__file__).parent / "fixtures" / "themes"
STUDY_CODEBOOK = DATA / "codebooks" / "asean_china_crime.yml"
STUDY_GOLD = DATA / "gold" / "asean_china_sentences.csv"

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
def tiny(tmp_path: Path) -> tuple[Codebook, pd.DataFrame, pd.DataFrame]:
    docs = make_docs(*TINY_TEXTS, outlet=["A", "A"])
    return load_codebook(write(tmp_path, TINY)), docs, tokenize(docs)


def spans(hits: pd.DataFrame) -> list[tuple]:
    return [
        (str(d), int(s), int(a), int(b), m, k)
        for d, s, a, b, m, k in hits[["doc_id", "sent", "start", "end", "matched", "key"]].values
    ]


# --------------------------------------------------------------------------- codebooks


def test_tiny_codebook_themes_table_in_preorder_with_paths(tiny):
    cb = tiny[0]
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


def test_codebook_patterns_table_lists_include_and_exclude_with_lines(tiny):
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
    pd.testing.assert_frame_equal(tiny[0].patterns(), expected)


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


# --------------------------------------------------------------------------- coding rules


def test_tiny_hits_whole_table(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    assert list(hits.columns) == list(HIT_COLUMNS)
    assert spans(hits) == [
        ("d1", 1, 0, 8, "Security", "security"),
        ("d1", 1, 0, 20, "Security cooperation", "cooperation"),
        ("d1", 1, 26, 44, "the Czech Republic", "places"),
        ("d1", 2, 69, 77, "security", "security"),  # "Social security" (53-61) is excluded
        ("d2", 1, 0, 11, "Cyber crime", "crime"),
        ("d2", 1, 0, 11, "Cyber crime", "cybercrime"),
        ("d2", 2, 18, 23, "Crime", "crime"),
    ]
    assert hits["source"].tolist() == [
        "security", "cooperation", "places", "security", "cybercrime", "cybercrime", "crime"
    ]  # fmt: skip
    assert hits["parent"].isna().tolist() == [True, True, True, True, True, False, True]
    assert hits["path"].tolist()[5] == "crime/cybercrime"
    assert set(hits["codebook_sha256"]) == {cb.sha256}


def test_overlap_czech_republic_inside_the_czech_republic_counts_once_per_key(tiny):
    cb, docs, toks = tiny
    places = code_themes(toks, cb, docs=docs).query("key == 'places'")
    assert places[["matched", "pattern"]].values.tolist() == [
        ["the Czech Republic", "the Czech Republic"]
    ]


def test_overlap_security_cooperation_counts_for_security_and_cooperation(tiny):
    cb, docs, toks = tiny
    first = code_themes(toks, cb, docs=docs).query("start == 0 and doc_id == 'd1'")
    assert first[["matched", "key"]].values.tolist() == [
        ["Security", "security"],
        ["Security cooperation", "cooperation"],
    ]


def test_scope_all_makes_themes_exclusive_longest_wins(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs, scope="all")
    # "Security cooperation" (2 tokens, cooperation) takes the token from security; the
    # rolled-up parent crime still counts its child's "Cyber crime".
    assert spans(hits) == [
        ("d1", 1, 0, 20, "Security cooperation", "cooperation"),
        ("d1", 1, 26, 44, "the Czech Republic", "places"),
        ("d1", 2, 69, 77, "security", "security"),
        ("d2", 1, 0, 11, "Cyber crime", "crime"),
        ("d2", 1, 0, 11, "Cyber crime", "cybercrime"),
        ("d2", 2, 18, 23, "Crime", "crime"),
    ]


def test_exclusion_drops_only_hits_inside_the_excluded_phrase(tiny):
    cb, docs, toks = tiny
    audit = code_themes(toks, cb, docs=docs, keep_excluded=True)
    dropped = audit[audit["excluded_by"].notna()]
    assert spans(dropped) == [("d1", 2, 53, 61, "security", "security")]
    assert dropped["excluded_by"].tolist() == ["social security"]
    with pytest.raises(ValueError, match="excluded rows"):
        theme_matrix(audit, docs)


def test_exclusion_is_inherited_by_child_themes_and_applies_to_the_rolled_up_parent(tmp_path):
    path = write(
        tmp_path,
        """\
        name: t
        themes:
          crime:
            description: d
            patterns: [fraud]
            exclude: [transnational corporations]
            themes:
              transnational_crime:
                description: d
                patterns: [transnational*]
                exclude: [transnational compan*]
        """,
    )
    docs = make_docs(
        "Transnational corporations and transnational companies fight transnational fraud."
    )
    hits = code_themes(tokenize(docs), load_codebook(path), docs=docs)
    # Transnational (0-13) is inside the parent's exclude, transnational (31-44) inside the
    # child's; only "transnational" before "fraud" (61-74) counts, for the child and the parent.
    assert spans(hits) == [
        ("d1", 1, 61, 74, "transnational", "crime"),
        ("d1", 1, 61, 74, "transnational", "transnational_crime"),
        ("d1", 1, 75, 80, "fraud", "crime"),
    ]


def test_child_exclude_does_not_remove_the_parents_own_pattern_hits(tmp_path):
    path = write(
        tmp_path,
        """\
        name: t
        themes:
          security:
            description: d
            patterns: [security]
            themes:
              cyber:
                description: d
                patterns: [cyber*]
                exclude: [cyber security]
        """,
    )
    docs = make_docs("Cyber security matters.")
    hits = code_themes(tokenize(docs), load_codebook(path), docs=docs)
    assert spans(hits) == [("d1", 1, 6, 14, "security", "security")]


def test_globs_match_whole_tokens_only(tmp_path):
    path = write(
        tmp_path,
        """\
        name: t
        themes:
          coop:
            description: d
            patterns:
              - cooperat*
              - organi?ation
        """,
    )
    docs = make_docs("Cooperation, cooperative and uncooperative organisation, organization, org.")
    hits = code_themes(tokenize(docs), load_codebook(path), docs=docs)
    assert hits["matched"].tolist() == [
        "Cooperation",
        "cooperative",
        "organisation",
        "organization",
    ]


def test_phrase_needs_consecutive_tokens_in_one_sentence(tmp_path):
    path = write(
        tmp_path,
        """\
        name: t
        themes:
          sharing:
            description: d
            patterns: [information sharing, high-tech crime*]
        """,
    )
    docs = make_docs(
        "Information sharing helps. We need information. Sharing it, fight high-tech crimes."
    )
    hits = code_themes(tokenize(docs), load_codebook(path), docs=docs)
    assert hits[["sent", "matched"]].values.tolist() == [
        [1, "Information sharing"],
        [3, "high-tech crimes"],
    ]


def test_diacritic_folding_both_ways(tmp_path):
    path = write(
        tmp_path,
        """\
        name: t
        themes:
          president:
            description: d
            patterns: [thuong, Võ Văn Thưởng]
        """,
    )
    docs = make_docs("Chủ tịch Thưởng nói.", "President Vo Van Thuong spoke.")
    hits = code_themes(tokenize(docs), load_codebook(path), docs=docs)
    assert hits[["doc_id", "matched", "pattern"]].astype(str).values.tolist() == [
        ["d1", "Thưởng", "thuong"],
        ["d2", "Vo Van Thuong", "Võ Văn Thưởng"],
    ]


def test_code_themes_accepts_a_path_and_does_not_modify_inputs(tiny, tmp_path):
    cb, docs, toks = tiny
    before_docs, before_toks = docs.copy(), toks.copy()
    hits = code_themes(toks, write(tmp_path, TINY), docs=docs)
    assert len(hits) == 7
    pd.testing.assert_frame_equal(docs, before_docs)
    pd.testing.assert_frame_equal(toks, before_toks)


def test_code_themes_empty_corpus_gives_empty_hits_with_columns(tiny):
    cb = tiny[0]
    hits = code_themes(tokenize(make_docs("Nothing to see.")), cb)
    assert hits.empty and list(hits.columns) == list(HIT_COLUMNS)


# --------------------------------------------------------------------------- tables (tiny)


def test_theme_matrix_doc_counts_whole_table(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    themes = ["security", "cooperation", "places", "crime", "cybercrime"]
    expected = pd.DataFrame(
        {
            "doc_id": ["d1"] * 5 + ["d2"] * 5,
            "theme": themes * 2,
            "depth": [1, 1, 1, 1, 2] * 2,
            "count": [2, 1, 1, 0, 0, 0, 0, 0, 2, 1],
        }
    ).astype({"doc_id": str, "theme": str, "depth": "int64", "count": "int64"})
    pd.testing.assert_frame_equal(theme_matrix(hits, docs, codebook=cb), expected)


def test_theme_matrix_level_cuts_the_tree_without_double_counting(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    level1 = theme_matrix(hits, docs, codebook=cb, level=1)
    assert level1["theme"].unique().tolist() == ["security", "cooperation", "places", "crime"]
    level2 = theme_matrix(hits, docs, codebook=cb, level=2)
    # Childless top-level themes stay; crime is replaced by its child.
    assert level2["theme"].unique().tolist() == ["security", "cooperation", "places", "cybercrime"]
    assert level2.query("doc_id == 'd2'")["count"].tolist() == [0, 0, 0, 1]


def test_theme_matrix_by_group_sentence_unit_and_normalisations(tiny):
    cb, docs, toks = tiny
    docs3 = pd.concat([docs, make_docs("Nothing here.").assign(doc_id="d3", outlet="B")])
    toks3 = tokenize(docs3)
    hits = code_themes(toks3, cb, docs=docs3)
    per_k = theme_matrix(
        hits, docs3, tokens=toks3, codebook=cb, by="outlet", normalize="per_1k_tokens", level=1
    )
    # Group A = d1 (11 word tokens) + d2 (5): security 2 hits, crime 2 hits.
    a = per_k[per_k["group"] == "A"].set_index("theme")
    assert a["count"].to_dict() == {"security": 2, "cooperation": 1, "places": 1, "crime": 2}
    assert set(a["n_tokens"]) == {16}
    assert a.loc["security", "per_1k_tokens"] == pytest.approx(2000 / 16)
    b = per_k[per_k["group"] == "B"]
    assert b["count"].tolist() == [0, 0, 0, 0] and set(b["n_tokens"]) == {2}

    share = theme_matrix(
        hits, docs3, tokens=toks3, codebook=cb, unit="sentence", normalize="share_of_sentences"
    ).set_index(["doc_id", "theme"])
    # d1: security in both of its 2 sentences; d2: cybercrime in 1 of 2 sentences.
    assert share.loc[("d1", "security"), ["count", "n_sentences"]].tolist() == [2, 2]
    assert share.loc[("d1", "security"), "share_of_sentences"] == 1.0
    assert share.loc[("d2", "cybercrime"), "share_of_sentences"] == 0.5
    assert share.loc[("d3", "crime"), "share_of_sentences"] == 0.0


def test_pivot_themes_gives_one_column_per_theme(tiny):
    cb, docs, toks = tiny
    wide = pivot_themes(theme_matrix(code_themes(toks, cb, docs=docs), docs, codebook=cb))
    assert wide.columns.tolist() == ["security", "cooperation", "places", "crime", "cybercrime"]
    assert wide.loc["d1"].tolist() == [2, 1, 1, 0, 0]


def test_theme_cooccurrence_sentence_pairs_skip_parent_child(tiny):
    cb, docs, toks = tiny
    co = theme_cooccurrence(code_themes(toks, cb, docs=docs), codebook=cb)
    expected = pd.DataFrame(
        {
            "theme_a": ["security", "security", "cooperation"],
            "theme_b": ["cooperation", "places", "places"],
            "count": [1, 1, 1],
            "n_a": [2, 2, 1],
            "n_b": [1, 1, 1],
            "jaccard": [0.5, 0.5, 1.0],
        }
    ).astype({"theme_a": str, "theme_b": str})
    pd.testing.assert_frame_equal(co, expected)


def test_theme_kwic_char_and_token_windows(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    chars = theme_kwic(hits, docs, "security", window=7)
    assert chars[["pre", "matched", "post"]].values.tolist() == [
        ["", "Security", " cooper"],
        ["is not ", "security", "."],
    ]
    tokens_ = theme_kwic(hits, docs, "security", window=1, window_unit="token", tokens=toks)
    assert tokens_[["pre", "matched", "post"]].values.tolist() == [
        ["", "Security", " cooperation"],
        ["not ", "security", "."],
    ]
    drill = theme_kwic(hits, docs, "crime", doc_id="d2")
    assert drill["matched"].tolist() == ["Cyber crime", "Crime"]
    with pytest.raises(ValueError, match="did you mean 'crime'"):
        theme_kwic(hits, docs, "crimes", codebook=cb)


def test_export_hits_for_review_writes_one_row_per_hit_with_marked_sentence(tiny, tmp_path):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    out = export_hits_for_review(hits, docs, toks, tmp_path / "review.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(out, keep_default_na=False)
    assert len(back) == len(hits)
    assert back.columns.tolist() == [
        "hit_id", "doc_id", "sent", "start", "end", "theme", "source", "pattern", "matched",
        "sentence", "marked", "codebook_sha256", "correct", "note",
    ]  # fmt: skip
    assert back.loc[3, "sentence"] == "Social security is not security."
    assert back.loc[3, "marked"] == "Social security is not [[security]]."
    # Written via a temporary file and os.replace: nothing else is left in the folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cb.yml", "review.csv"]
    with pytest.raises(FileNotFoundError, match="does not exist"):
        export_hits_for_review(hits, docs, toks, tmp_path / "nope" / "review.csv")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c, h, d, t: code_themes(t, c, scope="dictionary"), "scope='dictionary'.*'key', 'all'"),
        (lambda c, h, d, t: theme_matrix(h, d, unit="para"), "unit='para'.*'doc', 'sentence'"),
        (lambda c, h, d, t: theme_matrix(h, d, normalize="tfidf"), "normalize='tfidf'.*'per_1k_tokens'"),
        (lambda c, h, d, t: theme_matrix(h, d, normalize="per_1k_tokens"), "needs the tokens table"),
        (lambda c, h, d, t: theme_matrix(h, d, tokens=t, unit="sentence", normalize="per_1k_tokens"), "unit='doc'"),
        (lambda c, h, d, t: theme_matrix(h, d, tokens=t, normalize="share_of_sentences"), "unit='sentence'"),
        (lambda c, h, d, t: theme_matrix(h, d, level=0), "level=0"),
        (lambda c, h, d, t: theme_matrix(h, d, by="paper"), "by='paper' is not a docs column"),
        (lambda c, h, d, t: theme_cooccurrence(h, unit="paragraph"), "unit='paragraph'.*'sentence', 'doc'"),
        (lambda c, h, d, t: theme_kwic(h, d, "crime", window_unit="word"), "window_unit='word'.*'char', 'token'"),
        (lambda c, h, d, t: theme_kwic(h, d, "crime", window_unit="token"), "needs the tokens table"),
    ],
)  # fmt: skip
def test_bad_options_raise_value_error_listing_allowed_values(tiny, call, message):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    with pytest.raises(ValueError, match=message):
        call(cb, hits, docs, toks)


# --------------------------------------------------------------------------- sample study


@pytest.fixture(scope="module")
def study(sample_docs, sample_tokens):
    cb = load_codebook(STUDY_CODEBOOK)
    return cb, code_themes(sample_tokens, cb, docs=sample_docs)


def test_sample_hits_matched_equals_text_slice(study, sample_docs):
    hits = study[1]
    texts = dict(zip(sample_docs["doc_id"], sample_docs["text"], strict=True))
    sliced = [texts[str(d)][s:e] for d, s, e in hits[["doc_id", "start", "end"]].values]
    assert hits["matched"].tolist() == sliced
    assert len(hits) > 100


@pytest.mark.parametrize("unit", ["doc", "sentence"])
@pytest.mark.parametrize("by", [None, "outlet"])
@pytest.mark.parametrize("level", [None, 1, 2])
def test_sample_every_matrix_count_equals_rows_of_hits_behind_it(
    study, sample_docs, sample_tokens, unit, by, level
):
    cb, hits = study
    matrix = theme_matrix(hits, sample_docs, codebook=cb, by=by, unit=unit, level=level)
    col = "doc_id" if by is None else "group"
    docs_of = sample_docs.groupby(by or "doc_id")["doc_id"].apply(list).to_dict()
    assert len(matrix) == len(docs_of) * len(matrix["theme"].unique())
    for group, theme, count in matrix[[col, "theme", "count"]].itertuples(index=False):
        behind = hits[(hits["key"] == theme) & hits["doc_id"].astype(str).isin(docs_of[group])]
        if unit == "sentence":
            behind = behind[["doc_id", "sent"]].drop_duplicates()
        assert count == len(behind), (group, theme)
    if by is None and unit == "doc":
        # ... and the drill-down lists exactly those hits.
        for doc_id, theme, count in matrix[[col, "theme", "count"]].itertuples(index=False):
            assert len(theme_kwic(hits, sample_docs, theme, doc_id=doc_id)) == count


def test_sample_per_1k_tokens_uses_word_tokens_only(study, sample_docs, sample_tokens):
    cb, hits = study
    m = theme_matrix(
        hits, sample_docs, tokens=sample_tokens, codebook=cb, normalize="per_1k_tokens"
    )
    words = sample_tokens.loc[~is_punct(sample_tokens)].groupby("doc_id", observed=True).size()
    n = m.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"]
    assert n.to_dict() == {k: int(v) for k, v in words.items()}
    row = m.iloc[0]
    assert row["per_1k_tokens"] == pytest.approx(1000 * row["count"] / row["n_tokens"])


def test_sample_cybercrime_hits_in_vna_sentence_two(study):
    hits = study[1]
    cyber = hits[(hits["key"] == "cybercrime") & (hits["doc_id"] == "vna_2023-12-06")]
    assert cyber.query("sent == 2")["matched"].tolist() == [
        "cyber scams",
        "attacks to computer networks",
    ]


def test_sample_rcep_partnership_is_excluded_from_partnership(study):
    hits = study[1]
    partnership = hits[(hits["key"] == "partnership") & (hits["doc_id"] == "thanhnien_2023-12-06")]
    assert 8 not in partnership["sent"].tolist()  # "Regional Comprehensive Economic Partnership"


# --------------------------------------------------------------------------- gold


def test_gold_covers_every_sample_sentence_with_codebook_themes(sample_docs, sample_tokens):
    gold = load_gold(STUDY_GOLD)
    sents = sentences(sample_tokens, sample_docs)
    assert len(sents) == 26
    assert set(zip(gold["doc_id"], gold["sent"], strict=True)) == set(
        zip(sents["doc_id"], sents["sent"].astype(int), strict=True)
    )
    cb = load_codebook(STUDY_CODEBOOK)
    assert set(gold["theme"].dropna()) <= set(cb.ids)
    # A child theme implies its parent (the coding rule in data/gold/README.md).
    coded = set(zip(gold["doc_id"], gold["sent"], gold["theme"], strict=True))
    for doc_id, sent, theme in coded:
        if isinstance(theme, str):
            for parent in cb.ancestors(theme):
                assert (doc_id, sent, parent) in coded, (doc_id, sent, theme)
    assert not gold.duplicated().any()


def test_sample_dictionary_disagrees_with_gold_only_on_enterprises_sentence(study):
    """Regression pin of the validation reported in data/gold/README.md: the only disagreement
    is "enterprises" (victims of cyber attacks) coded as economy in thanhnien sentence 15."""
    cb, hits = study
    gold = load_gold(STUDY_GOLD)
    scores = score_against_gold(hits, gold, themes=cb.ids).set_index("theme")
    assert scores.loc["micro avg", ["tp", "fp", "fn"]].tolist() == [96, 1, 0]
    assert scores.loc["economy", ["tp", "fp", "fn"]].tolist() == [8, 1, 0]
    economy = hits[(hits["key"] == "economy") & (hits["doc_id"] == "thanhnien_2023-12-06")]
    assert economy.query("sent == 15")["matched"].tolist() == ["enterprises"]
    assert np.isclose(scores.loc["cybercrime", "f1"], 1.0)


def test_docstring_examples_run(monkeypatch):
    import doctest

    import analysis.themes

    monkeypatch.chdir(DATA.parent)  # the examples use the sample study's relative paths
    result = doctest.testmod(analysis.themes, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted >= 4
