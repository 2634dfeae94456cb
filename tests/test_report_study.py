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
