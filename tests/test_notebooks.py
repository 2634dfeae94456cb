"""The committed notebooks: no outputs, one typed parameters cell near the top, the right kernel."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from analysis.report import RUNNER_PARAMETERS, load_study, notebook_parameters

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXPECTED = ["00_overview", "01_terms", "02_themes", "03_actors", "04_trends"]


def test_the_four_report_notebooks_are_committed():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_no_outputs_and_no_execution_counts(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {i} has outputs; clear them"
            assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"
    assert "papermill" not in nb.metadata, f"{path.name} is an executed copy; commit the source"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_one_parameters_cell_of_typed_commented_literals_near_the_top(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: {len(tagged)} cells tagged 'parameters'"
    assert tagged[0] <= 2, f"{path.name}: the parameters cell should be near the top"
    params = notebook_parameters(path)  # raises on anything but literal assignments
    source = nb.cells[tagged[0]].source
    for node in ast.parse(source).body:
        assert isinstance(node, ast.AnnAssign), f"{path.name}: annotate {ast.unparse(node)!r}"
    for p in params.values():
        assert p.comment, f"{path.name}: parameter {p.name!r} needs a comment saying what it is"
    for name in RUNNER_PARAMETERS:
        assert params[name].type == "str", f"{path.name}: {name} must be declared as str"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_the_registered_kernel_and_starts_with_a_title(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "analysis-news"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_defaults_work_from_the_notebooks_folder(path):
    # JupyterLab runs a notebook with its own folder as working directory.
    params = notebook_parameters(path)
    study = load_study(path.parent / params["study_path"].default)
    assert study.path == ROOT / "data" / "study.yml"
    assert (path.parent / params["output_dir"].default).resolve().is_relative_to(ROOT / "reports")


def test_study_file_parameters_exist_in_the_notebooks_with_the_right_types():
    from analysis.report import resolve_parameters

    study = load_study(ROOT / "data" / "study.yml")
    declared = {p.stem: notebook_parameters(p) for p in NOTEBOOKS}
    overrides = resolve_parameters(declared, study)  # raises on an unknown name or type
    assert overrides["01_terms"]["top_n"] == 20


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_imports_from_the_package_not_the_deprecated_reporting_module(path):
    nb = nbformat.read(path, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "analysis.reporting" not in source, f"{path.name}: import from analysis.report"
