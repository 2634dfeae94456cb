"""The study file: paths relative to itself, every mistake named with the file, line and key."""

from __future__ import annotations

import pytest

from analysis.report import StudyError, load_study, load_study_docs, study_inputs
from analysis.report.cli import main
from tests.report_helpers import DATA, NOTEBOOKS, STUDY, write_study


def test_sample_study_file_resolves_paths_relative_to_itself():
    study = load_study(STUDY)
    assert study.name == "asean_china_sample"
    assert study.corpus == DATA / "raw" and study.metadata == DATA / "metadata.csv"
    assert study.codebook == DATA / "codebooks" / "asean_china_crime.yml"
    assert study.actors == DATA / "actors" / "asean_china.yml"
    assert study.gold == DATA / "gold" / "asean_china_sentences.csv"
    assert study.stopwords == DATA / "stopwords" / "english.txt"
    assert study.group == "outlet" and study.clean_boilerplate is True
    assert study.notebooks == NOTEBOOKS
    inputs = study_inputs(study)
    assert inputs.columns.tolist() == ["role", "path", "sha256"]
    assert inputs["path"].tolist()[:4] == [
        "study.yml",
        "raw/000_74c46e1f27d8f2f9.txt",
        "raw/002_7bda44e176ab552b.txt",
        "metadata.csv",
    ]


def test_study_parameters_are_plain_python_values():
    # The YAML reader keeps line numbers on its own dict/list types; notebooks get plain ones.
    params = load_study(STUDY).parameters["01_terms"]
    assert type(params) is dict
    assert type(params["kwic_terms"]) is list
    assert params["kwic_terms"] == ["cooperation", "crime*", "information sharing"]


BASE = f"""\
name: s
corpus:
  source: {DATA / "raw"}
  metadata: {DATA / "metadata.csv"}
group: outlet
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BASE + "codebok: x.yml\n", r"unknown key 'codebok'; did you mean 'codebook'\?"),
        (BASE + "codebook: missing.yml\n", r"key 'codebook': file not found: .*missing.yml"),
        (BASE + "parameters: [1, 2]\n", r"key 'parameters' must be a mapping .*, got list"),
        (BASE.replace("group: outlet", "group: 3"), r"key 'group' must be a string .*got int"),
        (BASE.replace("group: outlet", "group: outlt"), r"'outlt' is not a column of .*"),
        (BASE.replace("corpus:\n", "corpus:\n  colour: red\n"), r"unknown key 'corpus.colour'"),
        (
            BASE.replace("  metadata:", "  clean_boilerplate: yes please\n  metadata:"),
            r"key 'corpus.clean_boilerplate' must be true or false, got str",
        ),
        (BASE.replace("name: s", "name: a/b"), r"key 'name' must be a folder-safe name"),
        (BASE.replace("name: s\n", ""), r"missing required key 'name'"),
        ("", r"study file is empty"),
        ("name: [unclosed\n", r"line 2, column 1: not valid YAML"),
        ("- a\n", r"must be a YAML mapping of keys, got list"),
    ],
)
def test_bad_study_file_errors_name_the_file_and_the_key(tmp_path, text, message):
    path = tmp_path / "study.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StudyError, match=message) as err:
        load_study(path)
    assert str(err.value).startswith(f"{path}:")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # BASE: name (line 1), corpus (2), source (3), metadata (4), group (5).
        (BASE.replace("group: outlet", "group: 3"), ": line 5: key 'group' must be a string"),
        (BASE + "codebook: missing.yml\n", ": line 6: key 'codebook': file not found"),
        (BASE.replace("name: s", "name: a/b"), ": line 1: key 'name' must be a folder-safe"),
        (BASE.replace("group: outlet", "group: outlt"), ": line 5: key 'group': 'outlt' is not"),
        (
            BASE.replace("  metadata:", "  clean_boilerplate: 1\n  metadata:"),
            ": line 4: key 'corpus.clean_boilerplate' must be true or false, got int (1)",
        ),
        (BASE + "parameters:\n  01_terms: [5]\n", ": line 7: key 'parameters.01_terms' must be"),
    ],
)
def test_wrong_values_are_reported_with_their_line(tmp_path, text, message):
    path = tmp_path / "study.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StudyError) as err:
        load_study(path)
    assert str(err.value).startswith(f"{path}{message}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            BASE + "group: date\n",
            r": line 6, column 1: not valid YAML: key 'group' appears twice in one mapping "
            r"\(first on line 5\)",
        ),
        (
            BASE + "title: &t Crime\nparameters: {00_overview: {title: *t}}\n",
            r": line 6, column 8: not valid YAML: anchors \(&name\) are not allowed",
        ),
        ("# only a comment\n", r": study file is empty"),
    ],
)
def test_duplicate_keys_anchors_and_comment_only_files_are_rejected(tmp_path, text, message):
    path = tmp_path / "study.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StudyError, match=message) as err:
        load_study(path)
    assert str(err.value).startswith(f"{path}:")


def test_missing_and_non_utf8_study_files_are_reported(tmp_path):
    with pytest.raises(StudyError, match=r"nope.yml: study file not found"):
        load_study(tmp_path / "nope.yml")
    (tmp_path / "latin.yml").write_bytes(b"name: caf\xe9\n")
    with pytest.raises(StudyError, match=r"latin.yml: not valid UTF-8 at byte offset 9"):
        load_study(tmp_path / "latin.yml")


def test_folder_and_utf16_study_files_are_reported(tmp_path):
    with pytest.raises(StudyError, match=rf"^{tmp_path}: is not a file; expected a study file"):
        load_study(tmp_path)
    (tmp_path / "wide.yml").write_bytes(BASE.encode("utf-16"))
    with pytest.raises(StudyError, match=r"wide.yml: looks like UTF-16, not UTF-8"):
        load_study(tmp_path / "wide.yml")


def test_corpus_may_be_given_as_a_path_and_cleaning_switched_off(tmp_path):
    study = load_study(
        write_study(
            tmp_path,
            f"""\
            name: plain
            corpus: {DATA / "raw"}
            group: outlet
            """,
        )
    )
    assert study.corpus == DATA / "raw" and study.metadata is None and study.title == "plain"
    assert study_inputs(study)["role"].tolist() == ["study", "corpus", "corpus"]
    off = load_study(
        write_study(
            tmp_path / "off",
            BASE.replace("  metadata:", "  clean_boilerplate: false\n  metadata:"),
        )
    )
    docs, removed = load_study_docs(off)
    assert docs["doc_id"].tolist() == ["vna_2023-12-06", "thanhnien_2023-12-06"]
    assert removed.columns.tolist() == ["doc_id", "line", "start", "end", "text", "rule"]
    assert len(removed) == 0 and str(removed["line"].dtype) == "int64"


def test_group_must_be_a_document_variable_when_there_is_no_metadata_file(tmp_path):
    study = load_study(write_study(tmp_path, f"name: s\ncorpus: {DATA / 'raw'}\ngroup: outlet\n"))
    with pytest.raises(StudyError, match=r"key 'group': 'outlet' is not a document variable"):
        load_study_docs(study)


def test_cli_reports_a_bad_study_file_with_exit_status_2(tmp_path, capsys):
    assert main(["report", "--study", str(tmp_path / "none.yml")]) == 2
    assert "none.yml: study file not found" in capsys.readouterr().err


# --------------------------------------------------------------------------- wave-2 keys

ALL_KEYS = f"""\
name: full
corpus:
  source: {DATA / "raw"}
  metadata: {DATA / "metadata.csv"}
  boilerplate: [agency, {{name: byline, pattern: "By [A-Z].{{1,40}}", where: line}}]
  boilerplate_max_share: 0.4
  line_breaks: paragraph
  duplicates: flag
  duplicate_threshold: 0.9
  dates: warn
  language: en
group: outlet
actor_gold: {DATA / "gold" / "asean_china_sentences.csv"}
quotes: {{cues: [quipped, " spoke of "], exclude_cues: [added]}}
period: month
periods: {{before: [2023-01-01, 2023-12-05], after: ["2023-12-06", 2023-12-31]}}
"""


def test_every_new_study_key_is_read_into_the_study(tmp_path):
    study = load_study(write_study(tmp_path, ALL_KEYS))
    assert study.boilerplate == (
        "agency",
        {"name": "byline", "pattern": "By [A-Z].{1,40}", "where": "line"},
    )
    assert study.clean_boilerplate is True and study.boilerplate_max_share == 0.4
    assert study.line_breaks == "paragraph" and study.tokenize_options == {
        "line_breaks": "paragraph"
    }
    assert (study.duplicates, study.duplicate_threshold) == ("flag", 0.9)
    assert study.corpus_options == {"dates": "warn", "language": "en"}
    assert study.actor_gold == DATA / "gold" / "asean_china_sentences.csv"
    assert study.cues == ("quipped", "spoke of") and study.exclude_cues == ("added",)
    assert study.quote_options == {"cues": ["quipped", "spoke of"], "exclude_cues": ["added"]}
    assert study.period == "month"
    # YAML reads 2023-01-01 as a date and "2023-12-06" as text: both become ISO strings.
    assert study.periods == {
        "before": ("2023-01-01", "2023-12-05"),
        "after": ("2023-12-06", "2023-12-31"),
    }
    assert study_inputs(study)["role"].tolist()[-1] == "actor_gold"


def test_without_the_new_keys_the_library_defaults_apply(tmp_path):
    study = load_study(write_study(tmp_path, BASE))
    assert study.boilerplate == ("default",) and study.clean_boilerplate is True
    assert (study.boilerplate_max_share, study.line_breaks, study.duplicate_threshold) == (
        None,
        None,
        None,
    )
    # issue 13: duplicates are flagged by default
    assert (study.duplicates, study.period, study.periods) == ("flag", "auto", None)
    assert study.corpus_options == {} and study.tokenize_options == {}
    assert study.quote_options == {} and study.pattern is None


def test_boilerplate_false_switches_cleaning_off_like_the_old_key(tmp_path):
    text = BASE.replace("  metadata:", "  boilerplate: false\n  metadata:")
    new = load_study(write_study(tmp_path, text))
    assert new.boilerplate == () and new.clean_boilerplate is False
    docs, removed = load_study_docs(new)
    assert len(removed) == 0 and len(docs) == 2


def test_load_study_docs_applies_the_chosen_rule_sets_only(tmp_path):
    from analysis.boilerplate import BOILERPLATE_RULE_SETS, clean_boilerplate
    from analysis.corpus import load_corpus

    study = load_study(
        write_study(tmp_path, BASE.replace("  metadata:", "  boilerplate: [captions]\n  metadata:"))
    )
    docs, removed = load_study_docs(study)
    names = {r.name for r in BOILERPLATE_RULE_SETS["captions"]}
    assert set(removed["rule"]) <= names
    raw = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    expected_docs, expected = clean_boilerplate(raw, rules=["captions"])
    assert removed["rule"].tolist() == expected["rule"].tolist()
    assert docs["text"].tolist() == expected_docs["text"].tolist()


def test_max_share_is_passed_to_the_cleaner(tmp_path):
    text = BASE.replace("  metadata:", "  boilerplate_max_share: 0.01\n  metadata:")
    study = load_study(write_study(tmp_path, text))
    with pytest.warns(UserWarning, match=r"removed more than max_share=0.01 .*vna_2023-12-06"):
        load_study_docs(study)


def _twins(tmp_path, option: str):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    story = (
        "Police in Hanoi arrested five suspects in a phone scam ring on Tuesday, officials said."
    )
    (raw / "a.txt").write_text(story + "\n", encoding="utf-8")
    (raw / "b.txt").write_text(story + "\n", encoding="utf-8")
    (raw / "c.txt").write_text("Trade between the two countries grew last year.\n", "utf-8")
    (tmp_path / "meta.csv").write_text(
        "doc_id,file,outlet,date\nA,a.txt,X,2023-12-02\nB,b.txt,Y,2023-12-01\nC,c.txt,X,2023-12-03\n",
        encoding="utf-8",
    )
    return load_study(
        write_study(
            tmp_path / option,
            f"name: twins\ncorpus:\n  source: {raw}\n  metadata: {tmp_path / 'meta.csv'}\n"
            f"  duplicates: {option}\n  duplicate_threshold: 0.9\ngroup: outlet\n",
        )
    )


def test_duplicates_are_flagged_or_dropped_the_earliest_kept(tmp_path):
    flagged, _ = load_study_docs(_twins(tmp_path, "flag"))
    assert flagged["doc_id"].tolist() == ["A", "B", "C"]
    assert flagged["duplicate_of"].fillna("").tolist() == ["B", "", ""]
    assert flagged.attrs["duplicates"]["doc_id"].tolist() == ["B", "A"]
    dropped, _ = load_study_docs(_twins(tmp_path, "drop"))
    assert dropped["doc_id"].tolist() == ["B", "C"]
    kept, _ = load_study_docs(_twins(tmp_path, "keep"))
    assert kept["doc_id"].tolist() == ["A", "B", "C"] and "duplicate_of" not in kept


def test_an_actor_gold_file_is_read_when_the_inputs_are_checked(tmp_path):
    from analysis.actor_review import ActorGoldError
    from analysis.report import check_study_inputs

    gold = tmp_path / "actor_gold.csv"
    gold.write_text("doc_id,kind,text,actor_id\nvna_2023-12-06,speech,x,china\n", "utf-8")
    study = load_study(write_study(tmp_path, BASE + f"actor_gold: {gold}\n"))
    with pytest.raises(ActorGoldError, match=r"actor_gold.csv, line 2: kind 'speech' must be"):
        check_study_inputs(study)


def _dated(tmp_path, corpus_lines: str):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    text = (
        "Police in the capital arrested five suspects on Tuesday after a long investigation "
        "into an online fraud ring that targeted elderly people across the country. "
        "Officials said the group had stolen millions from hundreds of victims.\n"
    )
    (raw / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "meta.csv").write_text(
        "doc_id,file,outlet,date\nA,a.txt,X,sometime soon\n", encoding="utf-8"
    )
    folder = tmp_path / corpus_lines.replace(":", "").replace(" ", "_").replace("\n", "")
    return load_study(
        write_study(
            folder,
            f"name: dated\ncorpus:\n  source: {raw}\n  metadata: {tmp_path / 'meta.csv'}\n"
            f"{corpus_lines}group: outlet\n",
        )
    )


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_date_policy_and_language_reach_the_corpus_reader(tmp_path):
    from analysis.corpus import CorpusError
    from analysis.report import check_study_inputs

    with pytest.raises(CorpusError, match=r"sometime soon"):
        load_study_docs(_dated(tmp_path, ""))
    with pytest.warns(UserWarning, match=r"sometime soon"):
        docs, _ = load_study_docs(_dated(tmp_path, "  dates: warn\n"))
    assert docs["date"].fillna("").tolist() == [""]  # left empty, with a warning
    assert check_study_inputs(_dated(tmp_path, "  dates: warn\n")).has_dates is False
    with pytest.warns(UserWarning, match=r"1 document\(s\) not in the expected language"):
        load_study_docs(_dated(tmp_path, "  dates: warn\n  language: vi\n"))


def test_make_lab_study_opens_that_study_and_the_runner_ignores_it(tmp_path, monkeypatch):
    # `make lab STUDY=other.yml` sets ANALYSIS_LAB_STUDY; the notebooks then open that study.
    from analysis.report.study import LAB_STUDY_ENV, notebook_study

    other = write_study(tmp_path, BASE.replace("name: s\n", "name: other\n"))
    assert notebook_study("data/study.yml").name == "asean_china_sample"
    monkeypatch.setenv(LAB_STUDY_ENV, str(other))
    assert notebook_study("data/study.yml").name == "other"


def test_notebook_study_freezes_the_objects_alive_after_the_imports_once(monkeypatch):
    # The first call in a kernel takes the imported libraries' objects out of the full garbage
    # collections; a second one (setup cell run again) freezes nothing more.
    import gc

    import analysis.report.study as study_module

    monkeypatch.setattr(study_module, "_FROZEN", False)
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        study_module.notebook_study("data/study.yml")
        frozen = gc.get_freeze_count()
        assert frozen > 1000
        study_module.notebook_study("data/study.yml")
        # (frozen objects freed since, by this or another thread, leave the count: it may
        # only fall; a second freeze would add the objects the second call made)
        assert gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
