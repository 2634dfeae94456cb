"""Tiny studies and notebooks for the report tests (tests/test_report_*.py).

``FakePapermill`` stands in for :func:`papermill.execute_notebook`, so the runner's own work
(parameter injection, error translation, HTML export, provenance, the atomic swap) is tested
without starting a Jupyter kernel.
"""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis.report import save_table, table_html

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
STUDY = DATA / "study.yml"
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_NAMES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
GENERATED = (".csv", ".png", ".svg", ".parquet")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(report: Path) -> dict[str, bytes]:
    return {
        p.relative_to(report).as_posix(): p.read_bytes()
        for p in sorted(report.rglob("*"))
        if p.suffix in GENERATED or p.name == "manifest.json"  # the computed tables' manifest
    }


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_study(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "study.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def tiny_study(folder: Path, notebooks: Path, extra: str = "") -> Path:
    base = textwrap.dedent(
        f"""\
        name: tiny
        corpus:
          source: {DATA / "raw"}
          metadata: {DATA / "metadata.csv"}
        group: outlet
        notebooks: {notebooks}
        """
    )
    return write_study(folder, base + extra)


def write_notebook(path: Path, params: str, *cells: str, title: str = "Tiny") -> Path:
    nb = new_notebook()
    nb.cells.append(new_markdown_cell(f"# {title}"))
    p = new_code_cell(textwrap.dedent(params).strip())
    p.metadata["tags"] = ["parameters"]
    nb.cells.append(p)
    nb.cells += [new_code_cell(textwrap.dedent(c).strip()) for c in cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


TINY_PARAMS = """
    study_path: str = "study.yml"  # set by the runner
    output_dir: str = "out"  # set by the runner
    fail: bool = False  # raise in the last cell
    label: str = "first"  # written into the table
"""
TINY_SAVE = """
    from pathlib import Path
    import pandas as pd
    from analysis.report import save_table
    save_table(pd.DataFrame({"label": [label]}), Path(output_dir) / "t.csv")
"""
TINY_FAIL = """
    if fail:
        raise ValueError("boom")
"""


def tiny_notebooks(folder: Path, *names: str) -> Path:
    """Notebooks that save ``<output_dir>/t.csv`` with ``label`` and raise when ``fail``."""
    for name in names or ("tiny",):
        write_notebook(folder / f"{name}.ipynb", TINY_PARAMS, TINY_SAVE, TINY_FAIL, title=name)
    return folder


class FakePapermill:
    """Does what a kernel running a tiny notebook would do, without a kernel.

    Writes the executed notebook (the injected-parameters cell after the parameters cell, as
    papermill does) with ``display`` outputs holding ``table_html`` of ``shown``, saves
    ``<output_dir>/t.csv`` with ``label`` into the report folder, and raises papermill's
    execution error in the last cell when ``fail`` is true.
    """

    def __init__(self, shown: pd.DataFrame | None = None) -> None:
        self.calls: list[dict[str, Any]] = []
        self.shown = shown if shown is not None else pd.DataFrame({"n": [1]})

    def __call__(self, input_path: str, output_path: str, **kw: Any) -> None:
        from papermill.exceptions import PapermillExecutionError

        self.calls.append({"input_path": input_path, "output_path": output_path, **kw})
        params = kw["parameters"]
        workdir = Path(kw["resources"]["metadata"]["path"])
        nb = nbformat.read(input_path, as_version=4)
        idx = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
        injected = "\n".join(f"{k} = {v!r}" for k, v in params.items())
        nb.cells.insert(idx + 1, new_code_cell(injected, metadata={"tags": ["injected"]}))
        html = table_html(self.shown, caption=f"label {params.get('label', 'first')}")
        nb.cells[-1].outputs = [new_output("display_data", data={"text/html": html})]
        nbformat.write(nb, output_path)
        save_table(
            pd.DataFrame({"label": [params.get("label", "first")]}),
            workdir / params.get("output_dir", "out") / "t.csv",
        )
        if params.get("fail"):
            last = len(nb.cells) - 1
            raise PapermillExecutionError(
                last, last, nb.cells[last].source, "ValueError", "boom", []
            )
