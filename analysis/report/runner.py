"""The report runner: every notebook of a study through papermill, written atomically.

:func:`run_report` runs the study's notebooks and writes, under ``<out>/<study name>/``:

* ``<notebook>.html``: the executed notebook without input cells, figures embedded, with a
  provenance footer (parameters, input hashes, package versions, times);
* ``<notebook>/``: the tables (CSV) and figures (PNG, SVG) the notebook saved;
* ``<notebook>.ipynb``: the executed notebook (for debugging);
* ``provenance.json`` and ``index.html`` (links to every report and file).

Everything is first written to a temporary folder next to the target and renamed into place at
the end, so a failed run leaves the previous report untouched (the failed run is kept in
``<out>/<study name>.failed/`` for inspection).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata as _metadata
from pathlib import Path
from typing import Any, TextIO

from analysis.report._common import relative_posix, report_module
from analysis.report.html import export_html, footer_html, index_html, notebook_title, with_footer
from analysis.report.params import (
    NotebookParameter,
    ParameterError,
    notebook_parameters,
    parameters_cell,
    resolve_parameters,
)
from analysis.report.study import Study, StudyError, file_sha256, load_study, study_inputs

__all__ = ["DEFAULT_KERNEL", "VERSION_PACKAGES", "ReportError", "notebooks_dir", "run_report"]

DEFAULT_KERNEL = "analysis-news"
#: Packages whose versions go into ``provenance.json`` and every report footer.
VERSION_PACKAGES = (
    "analysis",
    "pandas",
    "numpy",
    "scipy",
    "nltk",
    "matplotlib",
    "networkx",
    "pyyaml",
    "papermill",
    "nbconvert",
    "nbformat",
    "ipykernel",
)


class ReportError(RuntimeError):
    """A notebook failed while running; the message names the notebook, the cell and the error."""


def _default_notebooks_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "notebooks"


def notebooks_dir(study: Study, notebooks: str | os.PathLike[str] | None = None) -> Path:
    """The folder of notebooks to run: ``notebooks``, else the study's, else ``notebooks/``.

    Args:
        study: from :func:`load_study`.
        notebooks: a folder given on the command line, or None.

    Returns:
        The folder.

    Raises:
        StudyError: the folder does not exist.

    Example:
        >>> notebooks_dir(load_study("data/study.yml")).name
        'notebooks'
    """
    folder = Path(notebooks) if notebooks is not None else study.notebooks
    folder = folder or _default_notebooks_dir()
    if not folder.is_dir():
        raise StudyError(
            f"{study.path}: notebook folder not found: {folder}; set 'notebooks:' in the study "
            "file or pass --notebooks"
        )
    return folder


def _versions() -> dict[str, str]:
    out = {}
    for pkg in VERSION_PACKAGES:
        try:
            out[pkg] = _metadata.version(pkg)
        except _metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


@dataclass
class _Job:
    name: str
    source: Path
    declared: dict[str, NotebookParameter]
    params_idx: int
    inject: dict[str, Any]
    effective: dict[str, Any]
    seconds: float = 0.0
    title: str = ""
    html: str = ""


def _execute(job: _Job, workdir: Path, kernel: str, timeout: int) -> None:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    out_nb = workdir / f"{job.name}.ipynb"
    try:
        pm.execute_notebook(
            str(job.source),
            str(out_nb),
            parameters=job.inject,
            kernel_name=kernel,
            # papermill needs a language; a notebook written by code may not record one.
            language="python",
            # The kernel starts in the report folder. Not via papermill's cwd=, which chdirs
            # the whole process and so races when notebooks run in parallel threads.
            resources={"metadata": {"path": str(workdir)}},
            progress_bar=False,
            request_save_on_cell_execute=False,
            start_timeout=timeout,
            execution_timeout=timeout * 10,
            # Kernel log lines (a TCP-transport notice, an interrupt at shutdown) are noise in a
            # report run; errors of cells reach us as messages and are reported in full.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as err:
        # papermill inserts the injected-parameters cell after the parameters cell; report the
        # index in the source notebook so the user finds the cell they wrote.
        idx = err.cell_index - (1 if err.cell_index > job.params_idx else 0)
        raise ReportError(
            f"notebook {job.name} ({job.source}) failed in cell {idx} "
            f"[{_first_line(err.source)[:80]}]: {err.ename}: {err.evalue}"
        ) from None
    except Exception as err:
        if type(err).__name__ == "NoSuchKernel":
            raise ReportError(
                f"notebook {job.name}: Jupyter kernel {kernel!r} is not installed; run "
                f"`make setup` (it registers {DEFAULT_KERNEL!r}) or pass --kernel python3"
            ) from None
        raise ReportError(f"notebook {job.name} ({job.source}) could not run: {err}") from err
    job.seconds = time.monotonic() - started
    # Export here, while other kernels still run; the provenance footer is added at the end.
    job.title = notebook_title(job.source, job.name)
    job.html = export_html(out_nb, job.title)


def _outputs(workdir: Path, name: str) -> dict[str, str]:
    folder = workdir / name
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(workdir).as_posix(): file_sha256(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _select(names: list[str], only: Sequence[str] | None, folder: Path) -> list[str]:
    if not only:
        return names
    wanted = [w for item in only for w in str(item).split(",") if w]
    unknown = [w for w in wanted if w not in names]
    if unknown:
        raise ParameterError(
            f"--only {', '.join(unknown)}: no such notebook in {folder} "
            f"(notebooks: {', '.join(names)})"
        )
    return [n for n in names if n in wanted]


def run_report(
    study: Study | str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] = "reports",
    only: Sequence[str] | None = None,
    params: Sequence[str] = (),
    notebooks: str | os.PathLike[str] | None = None,
    kernel: str = DEFAULT_KERNEL,
    jobs: int = 2,
    timeout: int = 120,
    log: TextIO | None = None,
) -> Path:
    """Run the study's notebooks with papermill and write the reports atomically.

    Parameters are checked against every notebook's ``parameters`` cell before a kernel
    starts. Notebooks run with the report folder as working directory and get
    ``study_path`` (relative to it) and ``output_dir`` (``<notebook name>``) injected.

    Args:
        study: a :class:`Study` or the path of a study file.
        out: parent folder; the report goes to ``<out>/<study name>/``.
        only: notebook names (stems, e.g. ``"01_terms"``) to run; default all, in name order.
        params: ``-p`` overrides: ``name=value`` or ``notebook.name=value``.
        notebooks: folder of notebooks; default the study's ``notebooks`` key, else the
            repository's ``notebooks/``.
        kernel: Jupyter kernel name (``make setup`` registers ``analysis-news``).
        jobs: notebooks run at the same time (each in its own kernel).
        timeout: seconds to wait for a kernel to start (a cell may take 10 times as long).
        log: a file-like object for progress lines (default ``sys.stderr``).

    Returns:
        The report folder ``<out>/<study name>``.

    Raises:
        StudyError: a bad study file, or no notebook folder.
        ImportError: papermill, nbformat or nbconvert (the ``report`` extra) is not installed.
        ParameterError: an unknown notebook/parameter, or a value of the wrong type.
        ReportError: a notebook failed (names the notebook, the cell index in the source
            notebook, its first line and the exception); the previous report is left in place
            and the failed run is kept in ``<out>/<study name>.failed/``.

    Example:
        Runs Jupyter kernels, so not run as a doctest:

        >>> run_report("data/study.yml", only=["01_terms"], params=["top_n=10"])  # doctest: +SKIP
        PosixPath('reports/asean_china_sample')
    """
    nbformat = report_module("nbformat")
    report_module("papermill")  # fail before any folder is made, not in a worker thread
    log = log or sys.stderr
    if not isinstance(study, Study):
        study = load_study(study)
    folder = notebooks_dir(study, notebooks)
    available = sorted(folder.glob("*.ipynb"))
    names = [p.stem for p in available]
    if not available:
        raise StudyError(f"{folder}: no notebooks (*.ipynb) to run")
    selected = _select(names, only, folder)
    # Every notebook's cell is read, so a study file is checked whole even with --only.
    declared = {n: notebook_parameters(folder / f"{n}.ipynb") for n in names}
    overrides = resolve_parameters(declared, study, params, selected=selected)

    out_dir = Path(out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / study.name
    workdir = Path(tempfile.mkdtemp(prefix=f".{study.name}.tmp-", dir=out_dir))
    study_rel = relative_posix(study.path, final)
    jobs_list = []
    for n in selected:
        src = folder / f"{n}.ipynb"
        runner = {"study_path": study_rel, "output_dir": n}
        inject = {k: v for k, v in runner.items() if k in declared[n]} | overrides[n]
        effective = {k: p.default for k, p in declared[n].items()} | inject
        params_idx, _ = parameters_cell(nbformat.read(src, as_version=4), str(src))
        jobs_list.append(_Job(n, src, declared[n], params_idx, inject, effective))

    started = _now()
    try:
        _run_jobs(jobs_list, workdir, kernel, timeout, jobs, log)
        _write_pages(study, jobs_list, workdir, kernel, started)
        _swap_into_place(workdir, final)
    except BaseException as err:
        failed = out_dir / f"{study.name}.failed"
        shutil.rmtree(failed, ignore_errors=True)
        try:
            os.replace(workdir, failed)
        except OSError:
            shutil.rmtree(workdir, ignore_errors=True)
        if isinstance(err, ReportError):
            raise ReportError(f"{err}\n  executed notebooks of the failed run: {failed}") from None
        raise
    shutil.rmtree(out_dir / f"{study.name}.failed", ignore_errors=True)
    return final


def _run_jobs(
    jobs_list: list[_Job], workdir: Path, kernel: str, timeout: int, jobs: int, log: TextIO
) -> None:
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(jobs_list)))) as pool:
        futures = {j.name: pool.submit(_execute, j, workdir, kernel, timeout) for j in jobs_list}
        errors = []
        for j in jobs_list:
            try:
                futures[j.name].result()
                print(f"  ran {j.name} ({j.seconds:.1f} s)", file=log)
            except ReportError as err:
                errors.append(err)
        if errors:
            raise errors[0]


def _write_pages(
    study: Study, jobs_list: list[_Job], workdir: Path, kernel: str, started: str
) -> None:
    prov = {
        "study": {
            "name": study.name,
            "title": study.title,
            "file": study.path.name,
            "sha256": file_sha256(study.path),
        },
        "parameters": {j.name: j.effective for j in jobs_list},
        "inputs": study_inputs(study).to_dict("records"),
        "notebooks": {
            j.name: {"path": relative_posix(j.source, study.root), "sha256": file_sha256(j.source)}
            for j in jobs_list
        },
        "outputs": {j.name: _outputs(workdir, j.name) for j in jobs_list},
        "versions": _versions(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "kernel": kernel,
        "started": started,
        "finished": _now(),
    }
    titles = {j.name: j.title for j in jobs_list}
    for j in jobs_list:
        page = with_footer(j.html, footer_html(prov, j.name))
        (workdir / f"{j.name}.html").write_text(page, encoding="utf-8")
    (workdir / "index.html").write_text(index_html(prov, titles), encoding="utf-8")
    (workdir / "provenance.json").write_text(
        json.dumps(prov, indent=2, ensure_ascii=False, default=str) + "\n",
        encoding="utf-8",
    )


def _swap_into_place(workdir: Path, final: Path) -> None:
    # A directory cannot be os.replace()d onto a non-empty one: move the old report aside first,
    # so at every moment either the old or the new complete report is at `final`.
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
    try:
        os.replace(workdir, final)
    except OSError:
        if old is not None:
            os.replace(old, final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
