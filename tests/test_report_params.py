"""Notebook parameters: the parameters cell is read with ast; every override is checked before
a kernel starts (no test here starts one)."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis.report import (
    ParameterError,
    load_study,
    notebook_parameters,
    parse_cli_parameters,
    resolve_parameters,
    run_report,
)
from analysis.report.cli import main
from analysis.report.params import NotebookParameter, format_parameters
from tests.report_helpers import (
    STUDY,
    TINY_PARAMS,
    TINY_SAVE,
    tiny_study,
    write_notebook,
)


def test_unknown_parameter_is_rejected_naming_notebook_and_suggestion(tmp_path, capsys):
    code = main(["report", "--study", str(STUDY), "--out", str(tmp_path), "-p", "01_terms.top_m=5"])
    err = capsys.readouterr().err
    assert code == 2
    assert "notebook 01_terms: unknown parameter 'top_m'" in err
    assert "did you mean 'top_n'?" in err
    assert not any(tmp_path.iterdir())  # nothing ran, nothing written
    with pytest.raises(ParameterError, match="unknown parameter 'colour': no selected notebook"):
        run_report(STUDY, out=tmp_path, params=["colour=red"])


def test_wrongly_typed_parameter_is_rejected_with_expected_and_given_type(tmp_path):
    with pytest.raises(
        ParameterError,
        match=r"notebook 01_terms: parameter 'top_n' expects int, got str \('many'\) "
        r"from -p top_n=many",
    ):
        run_report(STUDY, out=tmp_path, params=["top_n=many"])
    with pytest.raises(ParameterError, match=r"'kwic_terms' expects list\[str\], got list"):
        run_report(STUDY, out=tmp_path, params=["kwic_terms=[1, 2]"])
    # papermill would inject True for an int silently (bool is an int in Python).
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "tiny.ipynb", TINY_PARAMS, TINY_SAVE)
    study = tiny_study(tmp_path / "s", nbdir, "parameters:\n  tiny: {fail: 1}\n")
    with pytest.raises(
        ParameterError,
        match=r"notebook tiny: parameter 'fail' expects bool, got int \(1\) from .*study.yml "
        r"\(parameters.tiny.fail\)",
    ):
        run_report(study, out=tmp_path / "r")


def test_runner_parameters_and_unknown_notebooks_are_rejected(tmp_path):
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "tiny.ipynb", TINY_PARAMS, TINY_SAVE)
    study = load_study(tiny_study(tmp_path, nbdir))
    declared = {"tiny": notebook_parameters(nbdir / "tiny.ipynb")}
    with pytest.raises(ParameterError, match="'output_dir' is set by the report runner"):
        resolve_parameters(declared, study, ["output_dir=/tmp/x"])
    with pytest.raises(ParameterError, match="no selected notebook 'nope'"):
        resolve_parameters(declared, study, ["nope.fail=true"])
    with pytest.raises(ParameterError, match=r"--only 99_x: no such notebook .*notebooks: tiny"):
        run_report(study, out=tmp_path / "r", only=["99_x"])
    bad = load_study(tiny_study(tmp_path / "b", nbdir, "parameters:\n  99_x: {a: 1}\n"))
    with pytest.raises(
        ParameterError, match=r"key 'parameters.99_x': no notebook '99_x' \(notebooks: tiny\)"
    ):
        resolve_parameters(declared, bad)
    # With --only, the study file is still checked whole, and -p reaches selected notebooks only.
    write_notebook(nbdir / "other.ipynb", "depth: int = 1  # how deep")
    declared["other"] = notebook_parameters(nbdir / "other.ipynb")
    typo = load_study(tiny_study(tmp_path / "c", nbdir, "parameters:\n  other: {depth: x}\n"))
    with pytest.raises(ParameterError, match="notebook other: parameter 'depth' expects int"):
        resolve_parameters(declared, typo, selected=["tiny"])
    with pytest.raises(ParameterError, match="no selected notebook declares it"):
        resolve_parameters(declared, study, ["depth=2"], selected=["tiny"])


def test_cli_values_are_yaml_except_for_str_parameters(tmp_path):
    nbdir = tmp_path / "nbs"
    write_notebook(
        nbdir / "tiny.ipynb",
        """
        study_path: str = "s"
        n: int = 1
        ratio: float = 0.5
        words: list[str] = ["a"]
        label: str = "x"
        maybe: str | None = None
        """,
    )
    study = load_study(tiny_study(tmp_path, nbdir))
    declared = {"tiny": notebook_parameters(nbdir / "tiny.ipynb")}
    got = resolve_parameters(
        declared,
        study,
        ["n=3", "ratio=2", "words=[crime, police]", "label=2023", "maybe=yes", "tiny.n=4"],
    )
    assert got == {
        "tiny": {"n": 4, "ratio": 2, "words": ["crime", "police"], "label": "2023", "maybe": "yes"}
    }
    assert parse_cli_parameters(["01_terms.top_n=5", "a=b=c"]) == [
        ("01_terms", "top_n", "5"),
        (None, "a", "b=c"),
    ]
    with pytest.raises(ParameterError, match="expected name=value"):
        parse_cli_parameters(["top_n"])


def test_study_file_overrides_are_copies_applied_before_cli_values(tmp_path):
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "tiny.ipynb", 'words: list[str] = ["a"]  # w\nn: int = 1  # n')
    study = load_study(tiny_study(tmp_path, nbdir, "parameters:\n  tiny: {words: [x], n: 2}\n"))
    declared = {"tiny": notebook_parameters(nbdir / "tiny.ipynb")}
    got = resolve_parameters(declared, study, ["n=7"])
    assert got == {"tiny": {"words": ["x"], "n": 7}}
    got["tiny"]["words"].append("y")  # a notebook run may not change the loaded study
    assert study.parameters["tiny"]["words"] == ["x"]


# --------------------------------------------------------------------------- parameters cell


def test_parameters_cell_is_read_with_types_defaults_and_comments(tmp_path):
    path = write_notebook(
        tmp_path / "p.ipynb",
        """
        top_n: int = 20  # terms per table
        terms: list[str] = ["a#b", "c"]  # patterns; '#' inside a string is not a comment
        ratio = 0.5
        anything = None
        """,
    )
    params = notebook_parameters(path)
    assert [(p.name, p.type, p.default, p.comment) for p in params.values()] == [
        ("top_n", "int", 20, "terms per table"),
        ("terms", "list[str]", ["a#b", "c"], "patterns; '#' inside a string is not a comment"),
        ("ratio", "float", 0.5, ""),
        ("anything", "Any", None, ""),
    ]
    assert params["ratio"].accepts(1) and not params["ratio"].accepts(True)
    assert params["anything"].accepts({"x": 1})


def test_annotations_union_optional_literal_and_dict_are_checked(tmp_path):
    path = write_notebook(
        tmp_path / "p.ipynb",
        """
        mode: Literal["a", "b"] = "a"  # one of two
        limit: Optional[int] = None  # or nothing
        weights: dict[str, float] = {"x": 1.0}  # per key
        either: Union[int, str] = 1  # a number or a name
        """,
    )
    params = notebook_parameters(path)
    assert params["mode"].accepts("b") and not params["mode"].accepts("c")
    assert params["limit"].accepts(None) and params["limit"].accepts(3)
    assert not params["limit"].accepts("3")
    assert params["weights"].accepts({"y": 2}) and not params["weights"].accepts({"y": "2"})
    assert params["either"].accepts("x") and not params["either"].accepts(1.5)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("import os", r"line 1: only `name: type = literal` assignments .* 'import os'"),
        ("n: int = len('ab')", r"line 1: the default of 'n' must be a literal"),
        ("n: int = 'ten'", r"line 1: default of 'n' is str, not int"),
        ("n: set = 1", r"line 1: unsupported type annotation 'set'"),
        ("n: int =", r"line 1: syntax error"),
    ],
)
def test_parameters_cell_with_code_or_bad_defaults_is_rejected(tmp_path, source, message):
    path = write_notebook(tmp_path / "p.ipynb", source)
    with pytest.raises(ParameterError, match=rf"p.ipynb \(parameters cell 1\) {message}"):
        notebook_parameters(path)


def test_notebook_without_or_with_two_parameters_cells_is_rejected(tmp_path):
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    nbformat.write(nb, tmp_path / "none.ipynb")
    with pytest.raises(ParameterError, match="needs exactly one cell tagged 'parameters', found 0"):
        notebook_parameters(tmp_path / "none.ipynb")
    for cell in nb.cells * 2:
        cell.metadata["tags"] = ["parameters"]
    nb.cells = [nb.cells[0], new_code_cell("y = 2", metadata={"tags": ["parameters"]})]
    nbformat.write(nb, tmp_path / "two.ipynb")
    with pytest.raises(ParameterError, match="found 2"):
        notebook_parameters(tmp_path / "two.ipynb")


# --------------------------------------------------------------------------- listing


def test_cli_params_lists_each_notebooks_parameters_with_types_defaults_and_comments(capsys):
    assert main(["params", "--study", str(STUDY)]) == 0
    out = capsys.readouterr().out
    assert "01_terms\n" in out
    assert "  top_n: int = 20  # terms per table and chart\n" in out
    # The notebook default fits any study (W6 removed the sample's terms; the study sets them).
    assert "  kwic_terms: list[str] = []" in out


def test_format_parameters_writes_one_line_per_parameter():
    declared = {
        "a": {"n": NotebookParameter("n", "int", 3, "how many")},
        "b": {"s": NotebookParameter("s", "str", "x")},
    }
    assert format_parameters(declared) == "a\n  n: int = 3  # how many\nb\n  s: str = 'x'\n"


@pytest.mark.slow  # a subprocess start-up (about 3 s); run by CI
def test_python_dash_m_analysis_runs_the_command_line():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "analysis", "params", "--study", str(STUDY)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("00_overview\n")


def test_deprecated_reporting_module_reexports_the_same_objects_without_a_warning():
    import importlib
    import sys
    import warnings

    import analysis.report

    sys.modules.pop("analysis.reporting", None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reporting = importlib.import_module("analysis.reporting")
    assert sorted(reporting.__all__) == sorted(analysis.report.__all__)
    for name in reporting.__all__:
        assert getattr(reporting, name) is getattr(analysis.report, name), name


# --------------------------------------------------------------------------- values vs the study

from analysis.report import StudyInputs, check_parameter_values  # noqa: E402
from analysis.report.params import parameter_reference  # noqa: E402

INPUTS = StudyInputs(
    docvars=("doc_id", "text", "outlet", "date"),
    n_docs=3,
    has_dates=True,
    themes=("crime", "economy", "health"),
    theme_depth=2,
    actors=("vo_van_thuong", "china"),
)


def _declared(**params):
    return {
        "nb": {name: NotebookParameter(name, type(d).__name__, d) for name, d in params.items()}
    }


def _check(declared, given=None, inputs=INPUTS, origins=None):
    study = load_study(STUDY)
    check_parameter_values(declared, {"nb": given or {}}, inputs, study, origins=origins)


def test_parameter_kind_follows_from_the_name():
    assert [
        parameter_reference(n)
        for n in ("audit_theme", "themes", "speaker_actor", "group", "by", "color_by",
                  "theme_level", "level", "network_seed", "kwic_terms", "top_n")
    ] == ["theme", "themes", "actor", "docvar", "docvar", "docvar", "level", "level", "seed",
          "patterns", None]  # fmt: skip


def test_a_default_theme_another_study_lacks_is_caught_before_any_kernel():
    with pytest.raises(ParameterError) as err:
        _check(
            _declared(audit_theme="crime"),
            inputs=StudyInputs(("doc_id",), 1, False, themes=("crimes", "economy")),
        )
    message = str(err.value)
    assert message.startswith(
        "notebook nb: parameter 'audit_theme' = 'crime' (the notebook's "
        "default; set parameters.nb.audit_theme in "
    )
    assert "no theme 'crime' in the codebook (themes: crimes, economy); did you mean 'crimes'?" in (
        message
    )


def test_a_theme_from_the_study_file_names_the_key():
    with pytest.raises(
        ParameterError,
        match=r"\(study.yml \(parameters.nb.audit_theme\)\): no "
        r"theme 'helth' in the codebook .*did you mean 'health'\?",
    ):
        _check(
            _declared(audit_theme="crime"),
            {"audit_theme": "helth"},
            origins={("nb", "audit_theme"): "study.yml (parameters.nb.audit_theme)"},
        )


def test_without_a_codebook_theme_values_are_not_checked():
    _check(_declared(audit_theme="crime"), inputs=StudyInputs(("doc_id",), 1, False))


@pytest.mark.parametrize(
    ("params", "given", "message"),
    [
        ({"top_n": 20}, {"top_n": 0}, r"'top_n' = 0 .*: a count must be at least 1"),
        ({"kwic_window": 6}, {"kwic_window": -2}, r"'kwic_window' = -2 .*: a count must be at"),
        ({"network_seed": 0}, {"network_seed": -1}, r"'network_seed' = -1 .*: a seed must be 0"),
        ({"level": 1}, {"level": 0}, r"'level' = 0 .*: a theme level must be at least 1"),
        ({"theme_level": 1}, {"theme_level": 3}, r"theme tree is 2 level\(s\) deep; choose 1 to 2"),
        (
            {"group": "outlet"},
            {"group": "outlett"},
            r"'outlett' is not a document variable "
            r"\(columns: doc_id, text, outlet, date, day",
        ),
        ({"by": "outlet"}, {"by": "yaer"}, r"did you mean 'year'\?"),
        (
            {"speaker_actor": "china"},
            {"speaker_actor": "chna"},
            r"no actor 'chna' in the actor "
            r"table .*did you mean 'china'\?",
        ),
        ({"kwic_terms": ["a"]}, {"kwic_terms": ["crime", " "]}, r"item 1 is empty"),
        ({"period": "auto"}, {"period": "mnth"}, r"'mnth' is not a period .*did you mean 'month'"),
        ({"keyness_measure": "g2"}, {"keyness_measure": "G2"}, r"'G2' is not one of chi2, g2, "),
        ({"network_unit": "doc"}, {"network_unit": "docs"}, r"did you mean 'doc'\?"),
    ],
)
def test_values_are_checked_against_the_study(params, given, message):
    with pytest.raises(ParameterError, match=message):
        _check(_declared(**params), given)


def test_good_values_and_zero_defaults_pass():
    _check(
        _declared(top_n=20, min_count=0, network_seed=0, group="outlet", level=1, offset=-5),
        {"top_n": 1, "min_count": 0, "network_seed": 7, "group": "month", "level": 2,
         "offset": -9},
    )  # fmt: skip


def test_the_sample_study_passes_the_value_check_and_a_bad_value_fails_before_a_kernel(
    tmp_path, monkeypatch
):
    import papermill

    calls = []
    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: calls.append(a))
    with pytest.raises(
        ParameterError,
        match=r"notebook 02_themes: parameter 'audit_theme' = "
        r"'crme' \(-p audit_theme=crme\): no theme 'crme' .*did you mean 'crime'",
    ):
        run_report(STUDY, out=tmp_path, params=["audit_theme=crme"])
    with pytest.raises(ParameterError, match=r"'top_n' = 0 \(-p 01_terms.top_n=0\): a count"):
        run_report(STUDY, out=tmp_path, params=["01_terms.top_n=0"])
    assert calls == [] and not any(tmp_path.iterdir())
