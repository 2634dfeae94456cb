"""Tests for analysis.themes: coding with exclusions and nesting, tables, drill-down, review.

Expected values are counted by hand on tiny named documents (offsets are spelled out in the
comments) or read off the sample articles. The codebook files themselves are tested in
tests/test_codebook.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis.themes
from analysis.codebook import Codebook, load_codebook
from analysis.schema import SCHEMAS, check_table
from analysis.text import is_punct, sentences, tokenize
from analysis.themes import (
    HIT_COLUMNS,
    code_themes,
    export_hits_for_review,
    pivot_themes,
    theme_cooccurrence,
    theme_kwic,
    theme_matrix,
)
from analysis.validation import load_gold, score_against_gold
from tests.conftest import DATA, make_docs
from tests.test_codebook import STUDY_CODEBOOK, TINY, TINY_TEXTS, write

STUDY_GOLD = DATA / "gold" / "asean_china_sentences.csv"


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Codebook, pd.DataFrame, pd.DataFrame]:
    docs = make_docs(*TINY_TEXTS, outlet=["A", "A"])
    return load_codebook(write(tmp_path, TINY)), docs, tokenize(docs)


def spans(hits: pd.DataFrame) -> list[tuple]:
    return [
        (str(d), int(s), int(a), int(b), m, k)
        for d, s, a, b, m, k in hits[["doc_id", "sent", "start", "end", "matched", "key"]].values
    ]


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
        theme_matrix(audit, docs=docs)


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
    pd.testing.assert_frame_equal(theme_matrix(hits, docs=docs, codebook=cb), expected)


def test_theme_matrix_level_cuts_the_tree_without_double_counting(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    level1 = theme_matrix(hits, docs=docs, codebook=cb, level=1)
    assert level1["theme"].unique().tolist() == ["security", "cooperation", "places", "crime"]
    level2 = theme_matrix(hits, docs=docs, codebook=cb, level=2)
    # Childless top-level themes stay; crime is replaced by its child.
    assert level2["theme"].unique().tolist() == ["security", "cooperation", "places", "cybercrime"]
    assert level2.query("doc_id == 'd2'")["count"].tolist() == [0, 0, 0, 1]


def test_theme_matrix_by_group_sentence_unit_and_normalisations(tiny):
    cb, docs, toks = tiny
    docs3 = pd.concat([docs, make_docs("Nothing here.").assign(doc_id="d3", outlet="B")])
    toks3 = tokenize(docs3)
    hits = code_themes(toks3, cb, docs=docs3)
    per_k = theme_matrix(
        hits, docs=docs3, tokens=toks3, codebook=cb, by="outlet", normalize="per_1k_tokens", level=1
    )
    # Group A = d1 (11 word tokens) + d2 (5): security 2 hits, crime 2 hits.
    a = per_k[per_k["group"] == "A"].set_index("theme")
    assert a["count"].to_dict() == {"security": 2, "cooperation": 1, "places": 1, "crime": 2}
    assert set(a["n_words"]) == {16}
    assert a.loc["security", "per_1k_tokens"] == pytest.approx(2000 / 16)
    b = per_k[per_k["group"] == "B"]
    assert b["count"].tolist() == [0, 0, 0, 0] and set(b["n_words"]) == {2}

    share = theme_matrix(
        hits, docs=docs3, tokens=toks3, codebook=cb, unit="sentence", normalize="share_of_sentences"
    ).set_index(["doc_id", "theme"])
    # d1: security in both of its 2 sentences; d2: cybercrime in 1 of 2 sentences.
    assert share.loc[("d1", "security"), ["count", "n_sentences"]].tolist() == [2, 2]
    assert share.loc[("d1", "security"), "share_of_sentences"] == 1.0
    assert share.loc[("d2", "cybercrime"), "share_of_sentences"] == 0.5
    assert share.loc[("d3", "crime"), "share_of_sentences"] == 0.0


def test_pivot_themes_gives_one_column_per_theme(tiny):
    cb, docs, toks = tiny
    wide = pivot_themes(theme_matrix(code_themes(toks, cb, docs=docs), docs=docs, codebook=cb))
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
    chars = theme_kwic(hits, "security", docs=docs, window=7)
    assert chars[["pre", "matched", "post"]].values.tolist() == [
        ["", "Security", " cooper"],
        ["is not ", "security", "."],
    ]
    tokens_ = theme_kwic(hits, "security", docs=docs, window=1, window_unit="token", tokens=toks)
    assert tokens_[["pre", "matched", "post"]].values.tolist() == [
        ["", "Security", " cooperation"],
        ["not ", "security", "."],
    ]
    drill = theme_kwic(hits, "crime", docs=docs, doc_id="d2")
    assert drill["matched"].tolist() == ["Cyber crime", "Crime"]
    with pytest.raises(ValueError, match="did you mean 'crime'"):
        theme_kwic(hits, "crimes", docs=docs, codebook=cb)


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
        (lambda c, h, d, t: theme_matrix(h, docs=d, unit="para"), "unit='para'.*'doc', 'sentence'"),
        (lambda c, h, d, t: theme_matrix(h, docs=d, normalize="tfidf"), "normalize='tfidf'.*'per_1k_tokens'"),
        (lambda c, h, d, t: theme_matrix(h, docs=d, normalize="per_1k_tokens"), "needs the tokens table"),
        (lambda c, h, d, t: theme_matrix(h, docs=d, tokens=t, unit="sentence", normalize="per_1k_tokens"), "unit='doc'"),
        (lambda c, h, d, t: theme_matrix(h, docs=d, tokens=t, normalize="share_of_sentences"), "unit='sentence'"),
        (lambda c, h, d, t: theme_matrix(h, docs=d, level=0), "level=0"),
        (lambda c, h, d, t: theme_matrix(h, docs=d, by="paper"), "by='paper' is not a docs column"),
        (lambda c, h, d, t: theme_cooccurrence(h, unit="paragraph"), "unit='paragraph'.*'sentence', 'doc'"),
        (lambda c, h, d, t: theme_kwic(h, "crime", docs=d, window_unit="word"), "window_unit='word'.*'char', 'token'"),
        (lambda c, h, d, t: theme_kwic(h, "crime", docs=d, window_unit="token"), "needs the tokens table"),
    ],
)  # fmt: skip
def test_bad_options_raise_value_error_listing_allowed_values(tiny, call, message):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    with pytest.raises(ValueError, match=message):
        call(cb, hits, docs, toks)


# --------------------------------------------------------------------------- grouping rule, docs=


def test_theme_matrix_groups_are_sorted_or_in_category_order(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    themes = ["security", "cooperation", "places", "crime", "cybercrime"]
    d1, d2 = [2, 1, 1, 0, 0], [0, 0, 0, 2, 1]  # the per-document counts above
    docs_ba = docs.assign(outlet=["B", "A"])  # first appearance: B, A
    m = theme_matrix(hits, docs=docs_ba, codebook=cb, by="outlet")
    assert m["group"].tolist() == ["A"] * 5 + ["B"] * 5
    assert m["theme"].tolist() == themes * 2
    assert m["count"].tolist() == d2 + d1
    ordered = docs_ba.assign(outlet=pd.Categorical(["B", "A"], categories=["B", "A"]))
    m = theme_matrix(hits, docs=ordered, codebook=cb, by="outlet")
    assert m["group"].tolist() == ["B"] * 5 + ["A"] * 5
    assert m["count"].tolist() == d1 + d2


def test_theme_matrix_by_mapping_missing_group_and_dropna(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    by_map = theme_matrix(hits, docs=docs, codebook=cb, by={"d1": "A", "d2": "A"})
    pd.testing.assert_frame_equal(by_map, theme_matrix(hits, docs=docs, codebook=cb, by="outlet"))
    series = pd.Series({"d2": "y", "d1": "x"})
    assert theme_matrix(hits, codebook=cb, by=series)["count"].tolist() == [
        2, 1, 1, 0, 0, 0, 0, 0, 2, 1
    ]  # fmt: skip
    with pytest.raises(ValueError, match=r"no group value for doc_id\(s\) d2.*dropna=True"):
        theme_matrix(hits, docs=docs, codebook=cb, by={"d1": "x"})
    with pytest.raises(ValueError, match=r"docs\['outlet'\] has no group value for doc_id\(s\) d1"):
        theme_matrix(hits, docs=docs.assign(outlet=[None, "A"]), codebook=cb, by="outlet")
    kept = theme_matrix(
        hits, docs=docs, tokens=toks, codebook=cb, by={"d1": "x"}, dropna=True,
        normalize="per_1k_tokens",
    )  # fmt: skip
    # d2's hits and word tokens are left out: d1 alone, 11 word tokens.
    assert kept["group"].tolist() == ["x"] * 5
    assert kept["count"].tolist() == [2, 1, 1, 0, 0]
    assert set(kept["n_words"]) == {11}
    assert kept["per_1k_tokens"].tolist() == pytest.approx([2000 / 11, 1000 / 11, 1000 / 11, 0, 0])


def test_theme_matrix_without_docs_counts_over_the_hits_documents(tiny):
    cb, docs, toks = tiny
    docs3 = pd.concat([docs, make_docs("Nothing here.").assign(doc_id="d3", outlet="B")])
    toks3 = tokenize(docs3)
    hits = code_themes(toks3, cb, docs=docs3)
    # hits.doc_id keeps the tokens' documents as categories, d3 (no hit) included.
    pd.testing.assert_frame_equal(
        theme_matrix(hits, codebook=cb), theme_matrix(hits, docs=docs3, codebook=cb)
    )
    assert theme_matrix(hits, codebook=cb)["doc_id"].unique().tolist() == ["d1", "d2", "d3"]
    with pytest.raises(ValueError, match="by='outlet' names a document variable"):
        theme_matrix(hits, codebook=cb, by="outlet")


def test_docs_in_the_old_positional_slot_still_works_with_a_warning(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    with pytest.warns(DeprecationWarning, match=r"theme_matrix\(\.\.\., docs=docs\)"):
        old = theme_matrix(hits, docs, codebook=cb, by="outlet")
    pd.testing.assert_frame_equal(old, theme_matrix(hits, docs=docs, codebook=cb, by="outlet"))
    with pytest.warns(DeprecationWarning, match=r"theme_kwic\(\.\.\., docs=docs\)"):
        old = theme_kwic(hits, docs, "security", window=7)
    pd.testing.assert_frame_equal(old, theme_kwic(hits, "security", docs=docs, window=7))
    with pytest.raises(TypeError, match="docs table twice"):
        theme_matrix(hits, docs, docs=docs)
    with pytest.raises(ValueError, match="needs the docs table"):
        theme_kwic(hits, "security")


def test_tables_have_the_schema_dtypes_also_when_empty(tiny):
    cb, docs, toks = tiny
    hits = code_themes(toks, cb, docs=docs)
    empty_toks = tokenize(make_docs("Nothing to see."))
    no_hits = code_themes(empty_toks, cb)
    for table in (hits, no_hits):
        check_table(table, "hits")
    assert no_hits["doc_id"].cat.categories.tolist() == ["d1"]
    check_table(theme_matrix(hits, docs=docs, codebook=cb, by="outlet"), "theme_matrix")
    per_doc = theme_matrix(no_hits, codebook=cb, tokens=empty_toks, normalize="per_1k_tokens")
    assert list(per_doc.columns) == [
        "doc_id", "theme", "depth", "count", "n_words", "per_1k_tokens"
    ]  # fmt: skip
    check_table(per_doc.rename(columns={"doc_id": "group"}), "theme_matrix")
    assert str(per_doc["doc_id"].dtype) == "str" and per_doc["count"].sum() == 0
    for table in (theme_cooccurrence(hits), theme_cooccurrence(no_hits)):
        check_table(table, "theme_cooccurrence")
    for table in (
        theme_kwic(hits, "security", docs=docs),
        theme_kwic(no_hits, "security", docs=docs),
    ):
        assert list(table.columns) == list(SCHEMAS["theme_kwic"])
        check_table(table, "theme_kwic")


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
    matrix = theme_matrix(hits, docs=sample_docs, codebook=cb, by=by, unit=unit, level=level)
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
            assert len(theme_kwic(hits, theme, docs=sample_docs, doc_id=doc_id)) == count


def test_sample_per_1k_tokens_uses_word_tokens_only(study, sample_docs, sample_tokens):
    cb, hits = study
    m = theme_matrix(
        hits, docs=sample_docs, tokens=sample_tokens, codebook=cb, normalize="per_1k_tokens"
    )
    words = sample_tokens.loc[~is_punct(sample_tokens)].groupby("doc_id", observed=True).size()
    n = m.drop_duplicates("doc_id").set_index("doc_id")["n_words"]
    assert n.to_dict() == {k: int(v) for k, v in words.items()}
    row = m.iloc[0]
    assert row["per_1k_tokens"] == pytest.approx(1000 * row["count"] / row["n_words"])


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

    monkeypatch.chdir(DATA.parent)  # the examples use the sample study's relative paths
    result = doctest.testmod(analysis.themes, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted >= 4


@pytest.mark.parametrize("n_extra", [0, 70], ids=["few themes (bit masks)", "many themes"])
def test_theme_cooccurrence_equals_counting_units_by_hand(n_extra, tmp_path):
    """Random hits over a theme tree (parents and children never pair): every pair's count is
    the number of units holding both, as counted with Python sets."""
    import itertools

    import yaml

    rng = np.random.default_rng(7)
    tree = {"crime": ["fraud", "cyber"], "cooperation": ["sharing"]}
    spec: dict = {"name": "t", "themes": {}}
    for parent, children in tree.items():
        spec["themes"][parent] = {"description": parent, "patterns": [parent],
                                  "themes": {c: {"description": c, "patterns": [c]}
                                             for c in children}}  # fmt: skip
    for i in range(n_extra):
        spec["themes"][f"x{i:02d}"] = {"description": "x", "patterns": [f"x{i:02d}"]}
    (tmp_path / "cb.yml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    codebook = load_codebook(tmp_path / "cb.yml")
    ids = list(codebook.ids)
    n = 3000
    hits = pd.DataFrame({"doc_id": rng.choice([f"d{i}" for i in range(40)], n),
                         "sent": rng.integers(1, 30, n).astype("int32"),
                         "key": rng.choice(ids, n)})  # fmt: skip
    got = theme_cooccurrence(hits, codebook=codebook)
    units: dict[tuple, set] = {}
    for d, s_, k in hits.itertuples(index=False):
        units.setdefault((d, s_), set()).add(k)
    parent = {t: codebook.themes[t].parent for t in ids}
    want = {}
    for a, b in itertools.combinations(ids, 2):
        if parent.get(b) == a or parent.get(a) == b:
            continue
        shared = sum(1 for ks in units.values() if a in ks and b in ks)
        if shared:
            want[(a, b)] = shared
    assert dict(zip(zip(got["theme_a"], got["theme_b"], strict=True), got["count"],
                    strict=True)) == want  # fmt: skip
    n_units = {t: sum(1 for ks in units.values() if t in ks) for t in ids}
    assert (got["n_a"] == got["theme_a"].map(n_units)).all()
    assert len(want) >= 7  # every unrelated pair of the tree occurs
