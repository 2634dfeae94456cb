"""The report runner: every notebook of a study through papermill, written atomically.

:func:`run_report` runs the study's notebooks and writes, under ``<out>/<study name>/``:

* ``_tables/``: every table of the study, computed once before any notebook starts
  (:func:`analysis.report.compute.compute_study_tables`: chunk by chunk, Parquet files and a
  ``manifest.json``); the notebooks read them;
* ``<notebook>.html``: the executed notebook without input cells, figures embedded, with a
  provenance footer (parameters, input hashes, package versions, times);
* ``<notebook>/``: the tables (CSV) and figures (PNG, SVG) the notebook saved;
* ``<notebook>.ipynb``: the executed notebook (for debugging);
* ``provenance.json`` and ``index.html`` (links to every report and file).

Everything is first written to a temporary folder next to the target and renamed into place at
the end, so a failed run leaves the previous report untouched (the failed run is kept in
``<out>/<study name>.failed/`` for inspection, every failed notebook with it).

Before any kernel starts, the study's inputs are read with their own readers
(:func:`analysis.report.study.check_study_inputs`) and every parameter value is checked against
them (:func:`analysis.report.params.check_parameter_values`).

Housekeeping, all under a lock on ``<out>`` (so concurrent runs of one study each finish with a
complete report at ``<out>/<study name>/``, the last one to finish winning):

* temporary folders are named ``.<study name>.tmp-<pid>@<host>-<random>`` (and
  ``.old-<pid>@<host>-...`` during the swap; ``<host>``: 8 hex digits of the host name's hash).
  A run removes the temporary folders of its study left by earlier runs that were killed:
  those older than the run's start whose process ``<pid>`` on this host is no longer alive;
  those of another host, or without a pid (older versions), once they are older than a day. A previous report that a
  run killed in the middle of the swap left as ``.old-...`` is put back when no report is in
  place;
* on SIGTERM or SIGINT the runner kills the process group of every kernel it started, keeps the
  partial run in ``<study name>.failed/`` and exits with 128 + the signal number.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata as _metadata
from pathlib import Path
from typing import Any, TextIO

from analysis._aggregate import NO_PROGRESS_ENV
from analysis._parallel import process_alive
from analysis.report._common import relative_posix, report_module, swap_into_place
from analysis.report.compute import compute_study_tables, table_options
from analysis.report.html import (
    export_html,
    footer_html,
    index_html,
    notebook_title,
    unlink_pages,
    with_footer,
)
from analysis.report.inputs import check_study_inputs, file_sha256, study_inputs
from analysis.report.params import (
    NotebookParameter,
    ParameterError,
    check_parameter_values,
    notebook_parameters,
    parameters_cell,
    resolve_parameters,
)
from analysis.report.study import LAB_STUDY_ENV, Study, StudyError, load_study

__all__ = [
    "DEFAULT_KERNEL",
    "VERSION_PACKAGES",
    "ReportError",
    "ReportInterrupted",
    "notebooks_dir",
    "run_report",
]

DEFAULT_KERNEL = "analysis-news"
#: The folder of the computed tables in a report (:mod:`analysis.report.compute`).
TABLES_DIR = "_tables"
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
    """Notebooks failed while running; the message names every failed notebook, its cell and
    the error (or the time limit a cell exceeded)."""


class ReportInterrupted(ReportError):
    """The run was stopped by SIGTERM or SIGINT; its kernels were shut down.

    Attributes:
        signum: the signal number (the command line exits with ``128 + signum``).
    """

    def __init__(self, signum: int) -> None:
        super().__init__(f"report run interrupted by {signal.Signals(signum).name}")
        self.signum = signum


# Stale temporary folders of a study: ".<name>.tmp-<pid>-<random>", ".<name>.old-<pid>-<n>",
# and (from versions without a pid) ".<name>.tmp-<random>".
_STALE_WITHOUT_PID = 24 * 3600


def _owner() -> str:
    """``<pid>@<host>`` for temporary folder names: a pid only means something on its host
    (a report folder may be shared between machines)."""
    host = hashlib.sha256(socket.gethostname().encode("utf-8")).hexdigest()[:8]
    return f"{os.getpid()}@{host}"


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


@dataclass
class _Kernels:
    """The kernel processes of one run, so a signal can shut them all down."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    groups: dict[int, int] = field(default_factory=dict)  # pid -> process group
    closing: bool = False

    def add(self, pid: int, pgid: int | None) -> None:
        with self.lock:
            self.groups[pid] = pgid if pgid is not None else pid
            closing = self.closing
        if closing:  # started while the run was being stopped
            self.kill()

    def discard(self, pid: int) -> None:
        # A kernel shut down normally: its pid may be reused by an unrelated process later.
        with self.lock:
            self.groups.pop(pid, None)

    def kill(self) -> None:
        with self.lock:
            self.closing = True
            groups = dict(self.groups)
        for pid, pgid in groups.items():
            # The kernel runs in its own session (jupyter_client), so its group holds the
            # kernel and whatever a cell started; never our own group.
            with contextlib.suppress(OSError):
                if pgid != os.getpgid(0):
                    os.killpg(pgid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _kernel_manager_class(kernels: _Kernels) -> type:
    from jupyter_client import AsyncKernelManager

    class TrackedKernelManager(AsyncKernelManager):
        """Records the process of each kernel it starts in ``kernels``."""

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            await super()._async_launch_kernel(kernel_cmd, **kw)
            pid = getattr(self.provisioner, "pid", None)
            if pid is not None:
                self._tracked_pid = int(pid)
                kernels.add(self._tracked_pid, getattr(self.provisioner, "pgid", None))

        async def shutdown_kernel(  # type: ignore[override]
            self, now: bool = False, restart: bool = False
        ) -> None:
            await super().shutdown_kernel(now=now, restart=restart)
            pid = getattr(self, "_tracked_pid", None)
            if pid is not None and not restart:
                kernels.discard(pid)

    return TrackedKernelManager


def _timed_out_cell(executed: Path) -> tuple[int, str] | None:
    """Index and source of the cell a timed-out run stopped in (the last one started)."""
    try:
        nb = report_module("nbformat").read(executed, as_version=4)
    except Exception:  # noqa: BLE001 - nothing saved yet: the message then names no cell
        return None
    started = [
        (i, cell)
        for i, cell in enumerate(nb.cells)
        if cell.get("metadata", {}).get("papermill", {}).get("start_time")
    ]
    if not started:
        return None
    idx, cell = started[-1]
    return idx, cell.source


def _execute(
    job: _Job, workdir: Path, kernel: str, timeout: int, cell_timeout: int, kernels: _Kernels
) -> None:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    out_nb = workdir / f"{job.name}.ipynb"

    def source_index(idx: int) -> int:
        # papermill inserts the injected-parameters cell after the parameters cell; report the
        # index in the source notebook so the user finds the cell they wrote.
        return idx - (1 if idx > job.params_idx else 0)

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
            # Saved after every cell, so a notebook stopped by a timeout or a signal is kept.
            request_save_on_cell_execute=True,
            start_timeout=timeout,
            execution_timeout=cell_timeout,
            kernel_manager_class=_kernel_manager_class(kernels),
            # Kernel log lines (a TCP-transport notice, an interrupt at shutdown) are noise in a
            # report run; errors of cells reach us as messages and are reported in full.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as err:
        raise ReportError(
            f"notebook {job.name} ({job.source}) failed in cell {source_index(err.cell_index)} "
            f"[{_first_line(err.source)[:80]}]: {err.ename}: {err.evalue}"
        ) from None
    except Exception as err:
        if type(err).__name__ == "NoSuchKernel":
            raise ReportError(
                f"notebook {job.name}: Jupyter kernel {kernel!r} is not installed; run "
                f"`make setup` (it registers {DEFAULT_KERNEL!r}) or pass --kernel python3"
            ) from None
        if type(err).__name__ == "CellTimeoutError" or isinstance(err, TimeoutError):
            cell = _timed_out_cell(out_nb)
            where = (
                f"cell {source_index(cell[0])} [{_first_line(cell[1])[:80]}]" if cell else "a cell"
            )
            raise ReportError(
                f"notebook {job.name} ({job.source}): {where} timed out after {cell_timeout} s; "
                "raise the limit with --cell-timeout SECONDS (run_report(cell_timeout=...))"
            ) from None
        if kernels.closing:
            raise ReportError(f"notebook {job.name}: stopped (the run was interrupted)") from None
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


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (the report parent) while the block runs."""
    try:
        import fcntl
    except ImportError:  # not POSIX: runs of one study must then not overlap
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _remove_stale(out_dir: Path, name: str, since: float) -> list[str]:
    """Remove the temporary folders of ``name`` left by earlier runs that were killed; a
    previous report moved aside by a run killed during the swap is put back instead."""
    pattern = re.compile(
        rf"\.{re.escape(name)}\.(tmp|old)-(?:(\d+)(?:@([0-9a-f]{{8}}))?-[^/]*|[a-z0-9_]{{8}})"
    )
    host = _owner().partition("@")[2]
    done = []
    final = out_dir / name
    for path in sorted(out_dir.iterdir()):
        found = pattern.fullmatch(path.name)
        if not found or not path.is_dir() or path.is_symlink():
            continue
        age = since - path.stat().st_mtime
        # The pid rule holds on this host only; elsewhere (and without a pid) age decides.
        pid = found[2] if found[3] in (None, host) else None
        stale = (pid is not None and age > 0 and not process_alive(int(pid))) or (
            pid is None and age > _STALE_WITHOUT_PID
        )
        if not stale:
            continue
        if found[1] == "old" and not final.exists():
            os.replace(path, final)
            done.append(f"restored the previous report from {path.name} (a run was killed)")
        else:
            shutil.rmtree(path, ignore_errors=True)
            done.append(f"removed {path.name} (left by a run that was killed)")
    return done


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM/SIGINT back while the report is swapped (delivered right after), so a stop
    never leaves the folder without a report."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextlib.contextmanager
def _quiet_papermill() -> Iterator[None]:
    """Silence papermill's log ("Timeout waiting for execute reply"): every failure is
    reported once, in the runner's own words."""
    import logging

    logger = logging.getLogger("papermill")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    except ReportInterrupted:
        raise  # the workers are still ending (their kernels killed): keep them quiet
    except BaseException:
        logger.setLevel(level)
        raise
    logger.setLevel(level)


@contextlib.contextmanager
def _stop_on_signals(kernels: _Kernels) -> Iterator[None]:
    """Turn SIGTERM/SIGINT into :class:`ReportInterrupted` (kernels killed first)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        kernels.kill()
        raise ReportInterrupted(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


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
    cell_timeout: int | None = None,
    log: TextIO | None = None,
) -> Path:
    """Run the study's notebooks with papermill and write the reports atomically.

    Before a kernel starts, every input of the study is read with its own reader (corpus with
    the corpus options, codebook, actor table, gold files, stopwords) and every parameter is
    checked: its type against the notebook's ``parameters`` cell, its value against the study
    (a theme, actor or document variable the study does not have, a count below 1). Notebooks
    run with the report folder as working directory and get ``study_path`` (relative to it),
    ``output_dir`` (``<notebook name>``) and ``tables_dir`` (``_tables``: the tables computed
    once for all notebooks, :mod:`analysis.report.compute`) injected. Every notebook runs even when another
    fails; all failures are reported together.

    Args:
        study: a :class:`Study` or the path of a study file.
        out: parent folder; the report goes to ``<out>/<study name>/``.
        only: notebook names (stems, e.g. ``"01_terms"``) to run; default all, in name order.
            Links between pages to notebooks not run are turned into plain text.
        params: ``-p`` overrides: ``name=value`` or ``notebook.name=value``.
        notebooks: folder of notebooks; default the study's ``notebooks`` key, else the
            repository's ``notebooks/``.
        kernel: Jupyter kernel name (``make setup`` registers ``analysis-news``).
        jobs: notebooks run at the same time (each in its own kernel).
        timeout: seconds to wait for a kernel to start.
        cell_timeout: seconds one cell may run (default ``10 * timeout``).
        log: a file-like object for progress lines (default ``sys.stderr``).

    Returns:
        The report folder ``<out>/<study name>``.

    Raises:
        StudyError: a bad study file, or no notebook folder.
        CorpusError, CodebookError, ActorTableError, ValueError: an input file cannot be read
            (from its reader; names the file and the problem).
        ImportError: papermill, nbformat or nbconvert (the ``report`` extra) is not installed.
        ParameterError: an unknown notebook/parameter, a value of the wrong type, or a value
            the study does not have (with a did-you-mean).
        ReportError: notebooks failed (names each notebook, the cell index in the source
            notebook, its first line and the exception, or the time limit it exceeded); the
            previous report is left in place and the failed run is kept in
            ``<out>/<study name>.failed/``.
        ReportInterrupted: SIGTERM or SIGINT arrived; every kernel was shut down.

    Example:
        Runs Jupyter kernels, so not run as a doctest:

        >>> run_report("data/study.yml", only=["01_terms"], params=["top_n=10"])  # doctest: +SKIP
        PosixPath('reports/asean_china_sample')
    """
    run_started = time.time()
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
    origins: dict[tuple[str, str], str] = {}
    overrides = resolve_parameters(declared, study, params, selected=selected, origins=origins)
    inputs_started = time.time()
    inputs = check_study_inputs(study)
    seconds = {"inputs": round(time.time() - inputs_started, 1)}
    print(f"  read and checked the inputs ({seconds['inputs']:.1f} s)", file=log)
    check_parameter_values(declared, overrides, inputs, study, selected=selected, origins=origins)

    out_dir = Path(out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / study.name
    with _locked(out_dir):
        for message in _remove_stale(out_dir, study.name, run_started):
            print(f"  {message}", file=log)
        workdir = Path(tempfile.mkdtemp(prefix=f".{study.name}.tmp-{_owner()}-", dir=out_dir))
    study_rel = relative_posix(study.path, final)
    # Every table is computed once, here, before any kernel starts; the notebooks read them.
    effective_all = {
        n: {k: p.default for k, p in declared[n].items()} | overrides[n] for n in names
    }
    for message in (*inputs.notes, *inputs.other_notes):
        print(f"  note: {message}", file=log)
    tables_started = time.time()
    try:
        compute_study_tables(
            study, workdir / TABLES_DIR, table_options(effective_all),
            docs=inputs.docs, removed=inputs.removed, notes=inputs.notes, progress=False,
        )  # fmt: skip
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    seconds["tables"] = round(time.time() - tables_started, 1)
    print(f"  computed the tables ({seconds['tables']:.1f} s)", file=log)
    jobs_list = []
    for n in selected:
        src = folder / f"{n}.ipynb"
        runner = {"study_path": study_rel, "output_dir": n, "tables_dir": TABLES_DIR}
        inject = {k: v for k, v in runner.items() if k in declared[n]} | overrides[n]
        effective = effective_all[n] | inject
        params_idx, _ = parameters_cell(nbformat.read(src, as_version=4), str(src))
        jobs_list.append(_Job(n, src, declared[n], params_idx, inject, effective))

    started = _now()
    # Kernels inherit this process's environment: a study chosen for JupyterLab must not
    # replace the study_path the runner injects.
    os.environ.pop(LAB_STUDY_ENV, None)
    # A progress bar would be written into the page as a red stderr box.
    os.environ[NO_PROGRESS_ENV] = "1"
    kernels = _Kernels()
    limit = cell_timeout if cell_timeout is not None else timeout * 10
    try:
        with _stop_on_signals(kernels), _quiet_papermill():
            _run_jobs(jobs_list, workdir, kernel, timeout, limit, jobs, log, kernels)
        _write_pages(study, jobs_list, workdir, kernel, started, missing=set(names) - set(selected),
                     seconds=seconds)  # fmt: skip
        with _locked(out_dir), _signals_held():
            _swap_into_place(workdir, final)
            shutil.rmtree(out_dir / f"{study.name}.failed", ignore_errors=True)
    except BaseException as err:
        failed = out_dir / f"{study.name}.failed"
        with _locked(out_dir):
            shutil.rmtree(failed, ignore_errors=True)
            try:
                os.replace(workdir, failed)
            except OSError:
                shutil.rmtree(workdir, ignore_errors=True)
        if isinstance(err, ReportInterrupted):
            raise
        if isinstance(err, ReportError):
            raise ReportError(f"{err}\n  executed notebooks of the failed run: {failed}") from None
        raise
    return final


def _run_jobs(
    jobs_list: list[_Job],
    workdir: Path,
    kernel: str,
    timeout: int,
    cell_timeout: int,
    jobs: int,
    log: TextIO,
    kernels: _Kernels,
) -> None:
    pool = ThreadPoolExecutor(max_workers=max(1, min(jobs, len(jobs_list))))
    try:
        futures = {
            j.name: pool.submit(_execute, j, workdir, kernel, timeout, cell_timeout, kernels)
            for j in jobs_list
        }
        errors = []
        for j in jobs_list:
            try:
                futures[j.name].result()
                print(f"  ran {j.name} ({j.seconds:.1f} s)", file=log)
            except ReportInterrupted:
                raise
            except ReportError as err:
                print(f"  FAILED {j.name}", file=log)
                errors.append(str(err))
    except BaseException:
        # Interrupted: the kernels are killed, so the workers end soon; do not wait for them.
        kernels.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    if len(errors) == 1:
        raise ReportError(errors[0])
    if errors:
        raise ReportError(
            f"{len(errors)} of {len(jobs_list)} notebooks failed:\n"
            + "\n".join(f"  {e}" for e in errors)
        )


def _write_pages(
    study: Study,
    jobs_list: list[_Job],
    workdir: Path,
    kernel: str,
    started: str,
    *,
    missing: set[str] = frozenset(),  # type: ignore[assignment]
    seconds: dict[str, float] | None = None,
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
        "outputs": {
            **{j.name: _outputs(workdir, j.name) for j in jobs_list},
            TABLES_DIR: _outputs(workdir, TABLES_DIR),
        },
        "versions": _versions(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "kernel": kernel,
        "started": started,
        "finished": _now(),
        # Wall-clock seconds of each step (inputs read, tables computed, each notebook).
        "seconds": {**(seconds or {}), **{j.name: round(j.seconds, 1) for j in jobs_list}},
    }
    titles = {j.name: j.title for j in jobs_list}
    for j in jobs_list:
        page = with_footer(unlink_pages(j.html, missing), footer_html(prov, j.name))
        (workdir / f"{j.name}.html").write_text(page, encoding="utf-8")
    (workdir / "index.html").write_text(index_html(prov, titles), encoding="utf-8")
    (workdir / "provenance.json").write_text(
        json.dumps(prov, indent=2, ensure_ascii=False, default=str) + "\n",
        encoding="utf-8",
    )


def _swap_into_place(workdir: Path, final: Path) -> None:
    # Called under the lock on the parent folder, so two runs never swap at the same time.
    swap_into_place(workdir, final, f".{final.name}.old-{_owner()}-{threading.get_ident()}")
