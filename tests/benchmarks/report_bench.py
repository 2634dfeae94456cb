"""`make bench-report`: `make report` on the 50 MB benchmark corpus against the sample, in one run.

Usage::

    .venv/bin/python tests/benchmarks/report_bench.py                 # the whole benchmark corpus
    .venv/bin/python tests/benchmarks/report_bench.py --docs 1500     # a slice, for quick trials
    .venv/bin/python tests/benchmarks/report_bench.py --corpus-fraction 0.2 --keep

The target (issue 14): ``make report`` on the benchmark corpus (15,957 documents, 4 groups, the
benchmark codebook and actor table, a synthetic date per document) finishes, its peak RSS is at
most 3 GB, each HTML page is at most 5 MB, and (report time on the benchmark corpus - report
time on the sample) is at most 3x the in-memory full pipeline time on the same corpus.

What it does, in one run:

1. builds a study for the benchmark set in a work folder (never in ``data/``): the corpus as a
   Parquet table with a seeded ``date`` per document spread over two years, the codebook and the
   actor table converted exactly as ``tests/benchmarks/run.py`` converts them (its functions are
   imported), a ``periods:`` before/after pair, the project's ``notebooks/``, every other option
   at its default;
2. runs ``python -m analysis report`` on that study and on ``data/study.yml`` (the sample), each
   in a subprocess, summing the RSS (and the PSS) of the whole process tree (the runner, its
   workers and the Jupyter kernels it starts) every ``--interval`` seconds with psutil, and
   taking the tree's CPU seconds; the benchmark study runs first, so the sample (the
   subtrahend) runs warm;
3. times the in-memory full pipeline of ``run.py`` section d (tokens, term frequency, themes,
   actors, co-mentions) on the same documents: one warm-up, then the median of ``--reps`` runs;
4. measures every HTML file of the benchmark report and prints one table (measure, value,
   limit/target, met), the phases of each report (before the first kernel, kernels, pages) and
   the time of each notebook (from the papermill metadata of the executed notebooks the report
   keeps, or the runner's ``ran NAME (N s)`` lines).

Exit status 0 whenever both reports finish (a missed target is a measurement, not a failure);
1 when a report fails or is stopped by ``--timeout``; 2 for bad options or missing inputs.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BENCH = REPO.parent / "shared" / "bench"
SAMPLE_STUDY = REPO / "data" / "study.yml"
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (tests/benchmarks/run.py: conversions and the full pipeline)

# Limits of the target (MB = 10^6 bytes, as in `make bench`).
PEAK_RSS_LIMIT_MB = 3000.0
PAGE_LIMIT_MB = 5.0
TIME_RATIO_LIMIT = 3.0

DATE_START = np.datetime64("2022-01-01")
DATE_DAYS = 730  # two years: 2022-01-01 .. 2023-12-31
PERIODS = {"before": ["2022-01-01", "2022-12-31"], "after": ["2023-01-01", "2023-12-31"]}
SEED = 20261130


def say(*parts: object) -> None:
    print(*parts, flush=True)


# --------------------------------------------------------------------------------------------
# the benchmark study


def build_study(data: Path, folder: Path, n_docs: int | None, fraction: float | None) -> dict:
    """Write ``corpus.parquet``, ``codebook.yml``, ``actors_long.csv`` and ``study.yml``."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    docs = pd.read_parquet(data / "corpus.parquet")
    total = len(docs)
    if fraction is not None:
        n_docs = max(1, round(fraction * total))
    if n_docs is not None:
        docs = docs.iloc[:n_docs]
    # One seeded date per document of the full corpus, so a slice keeps its documents' dates.
    rng = np.random.default_rng(SEED)
    days = rng.integers(0, DATE_DAYS, size=total)[: len(docs)]
    dates = (DATE_START + days.astype("timedelta64[D]")).astype(str)
    cols = [c for c in docs.columns if c != "text"]
    docs = docs[cols].assign(date=dates, text=docs["text"].to_numpy())
    docs.to_parquet(folder / "corpus.parquet", index=False)

    # Exactly as `make bench` converts them (the codebook file is written by the loader).
    bench.load_bench_codebook(data / "codebook.yml", folder)
    bench.convert_bench_actors(data / "actors.csv", folder)

    group = "group"  # A-D in the benchmark set
    if group not in docs.columns:
        raise SystemExit(f"{data / 'corpus.parquet'}: no {group!r} column to compare")
    study = {
        "name": "bench_report",
        "title": f"Benchmark corpus ({len(docs):,} documents)",
        "corpus": {"source": "corpus.parquet"},
        "group": group,
        "codebook": "codebook.yml",
        "actors": "actors_long.csv",
        "periods": PERIODS,
        "notebooks": os.path.relpath(REPO / "notebooks", folder),
    }
    path = folder / "study.yml"
    path.write_text(yaml.safe_dump(study, sort_keys=False, allow_unicode=True), encoding="utf-8")
    mb = sum(len(t.encode("utf-8")) for t in docs["text"]) / 1e6
    return {
        "path": path,
        "n_docs": len(docs),
        "of": total,
        "mb": mb,
        "groups": docs[group].nunique(),
        "dates": (min(dates), max(dates)),
        "set": sorted(study),
    }


# --------------------------------------------------------------------------------------------
# a report in a subprocess, with the RSS of its process tree sampled


class TreeRSS:
    """Peak of the summed RSS of a process and all its descendants, sampled in a thread.

    The RSS sum counts a page shared between processes once per process (an upper bound: a
    forked worker shares its parent's pages); the PSS sum (proportional set size, from
    ``/proc/PID/smaps_rollup``) splits each shared page between its processes, so it is the
    memory the tree takes.
    """

    def __init__(self, pid: int, interval: float) -> None:
        import psutil

        self._psutil = psutil
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.peak_at = 0.0
        self.peak_procs: list[tuple[str, int, int]] = []
        self.peak_pss = 0
        self.samples = 0
        self.max_procs = 0
        # Phases: before the first Jupyter kernel (study checks, tables), kernels, pages.
        self.first_kernel_at: float | None = None
        self.last_kernel_at: float | None = None
        self.peak_before_kernels = 0
        self._t0 = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        psutil = self._psutil
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        total, total_pss, parts, kernels = 0, 0, [], 0
        for p in procs:
            try:
                mem = p.memory_full_info()
                cmdline = " ".join(p.cmdline())
            except psutil.Error:  # ended between listing and reading
                continue
            total += mem.rss
            total_pss += mem.pss
            kernels += "ipykernel" in cmdline
            parts.append((cmdline[:90], mem.rss, mem.pss))
        now = time.monotonic() - self._t0
        self.samples += 1
        self.max_procs = max(self.max_procs, len(parts))
        if kernels:
            self.first_kernel_at = now if self.first_kernel_at is None else self.first_kernel_at
            self.last_kernel_at = now
        elif self.first_kernel_at is None:
            self.peak_before_kernels = max(self.peak_before_kernels, total)
        self.peak_pss = max(self.peak_pss, total_pss)
        if total > self.peak:
            self.peak, self.peak_procs = total, parts
            self.peak_at = now

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    @property
    def peak_mb(self) -> float:
        return self.peak / 1e6

    @property
    def peak_pss_mb(self) -> float:
        return self.peak_pss / 1e6


def stop_tree(proc: subprocess.Popen, grace: float = 30.0) -> None:
    """SIGTERM the runner (it shuts its kernels down), then SIGKILL what is left of its tree."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        children = []
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for child in children:  # only the processes this run started, by pid
        with contextlib.suppress(psutil.Error):
            child.kill()


def run_report(label: str, study: Path, out: Path, args: argparse.Namespace) -> dict:
    """``python -m analysis report --study STUDY --out OUT``: wall time, tree RSS, exit status."""
    cmd = [sys.executable, "-m", "analysis", "report", "--study", str(study), "--out", str(out)]
    cmd += [f"--jobs={args.jobs}"] if args.jobs else []
    say(f"[{label}] $ {' '.join(cmd)}")
    log_path = out.parent / f"{label}.log"
    lines: list[str] = []
    timed_out = False
    # CPU seconds of the whole tree: the kernels are reaped by the runner and the runner by us,
    # so their usage lands in RUSAGE_CHILDREN (less sensitive to other jobs than wall time).
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    timer = None
    if args.timeout:

        def expire() -> None:
            nonlocal timed_out
            timed_out = True
            say(f"[{label}] still running after {args.timeout} s: stopping it")
            stop_tree(proc)

        timer = threading.Timer(args.timeout, expire)
        timer.start()
    try:
        with TreeRSS(proc.pid, args.interval) as mem, log_path.open("w") as log:
            assert proc.stdout is not None
            for line in proc.stdout:
                log.write(line)
                log.flush()  # `tail -f` the log while a --quiet run goes on
                lines.append(line.rstrip("\n"))
                if not args.quiet:
                    say(f"[{label}]   {line.rstrip()}")
            rc = proc.wait()
    except BaseException:
        stop_tree(proc)
        raise
    finally:
        if timer is not None:
            timer.cancel()
    seconds = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
    ok = rc == 0 and not timed_out
    status = "finished" if ok else ("stopped by --timeout" if timed_out else f"exit status {rc}")
    say(
        f"[{label}] {status} in {seconds:.1f} s ({cpu:.1f} CPU s); peak RSS of the process tree "
        f"{mem.peak_mb:,.0f} MB, PSS {mem.peak_pss_mb:,.0f} MB ({mem.samples} samples, up to "
        f"{mem.max_procs} processes)"
    )
    name = study_name(study)
    return {
        "label": label,
        "ok": ok,
        "status": status,
        "rc": rc,
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": mem.peak_mb,
        "peak_pss_mb": mem.peak_pss_mb,
        "peak_at": mem.peak_at,
        "peak_procs": [
            (n, r / 1e6, p / 1e6) for n, r, p in sorted(mem.peak_procs, key=lambda x: -x[1])
        ],
        "dir": out / name,
        "ran": {m[1]: float(m[2]) for m in map(RAN_RE.match, lines) if m},
        "computed": next((float(m[1]) for m in map(COMPUTED_RE.match, lines) if m), None),
        "first_kernel_at": mem.first_kernel_at,
        "last_kernel_at": mem.last_kernel_at,
        "peak_before_kernels_mb": mem.peak_before_kernels / 1e6,
        "log": log_path,
        "tail": lines[-25:],
    }


RAN_RE = re.compile(r"\s*ran (\S+) \(([\d.]+) s\)")
COMPUTED_RE = re.compile(r"\s*computed the tables \(([\d.]+) s\)")


def study_name(path: Path) -> str:
    from analysis.report.study import load_study

    return load_study(path).name


def notebook_times(report: Path, ran: dict[str, float]) -> dict[str, dict]:
    """Per notebook: seconds and the slowest cell, from the executed notebooks (papermill)."""
    out: dict[str, dict] = {}
    prov = report / "provenance.json"
    recorded = {}
    if prov.is_file():
        nbs = json.loads(prov.read_text(encoding="utf-8")).get("notebooks", {})
        recorded = {
            k: v["seconds"] for k, v in nbs.items() if isinstance(v, dict) and "seconds" in v
        }
    for nb in sorted(report.glob("*.ipynb")):
        meta = json.loads(nb.read_text(encoding="utf-8"))
        cells = [
            (c.get("metadata", {}).get("papermill", {}).get("duration") or 0.0, c)
            for c in meta.get("cells", [])
            if c.get("cell_type") == "code"
        ]
        index, (slow, cell) = (
            max(enumerate(cells), key=lambda x: x[1][0]) if cells else (0, (0.0, {}))
        )
        first = f"code cell {index + 1}: " + first_statement("".join(cell.get("source", "")))
        out[nb.stem] = {
            "seconds": recorded.get(
                nb.stem, meta.get("metadata", {}).get("papermill", {}).get("duration")
            ),
            "slowest_cell": slow,
            "slowest_source": first[:72],
        }
    for name, sec in ran.items():
        out.setdefault(name, {"seconds": sec, "slowest_cell": None, "slowest_source": ""})
    return out


SKIP_STATEMENTS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)


def first_statement(source: str) -> str:
    """The first line of the first statement that is not an import or a definition."""
    lines = source.splitlines()
    try:
        body = ast.parse(source).body
    except SyntaxError:  # IPython magics
        return next((ln.strip() for ln in lines if ln.strip()), "")
    stmt = next((b for b in body if not isinstance(b, SKIP_STATEMENTS)), None)
    return "" if stmt is None else lines[stmt.lineno - 1].strip()


def html_sizes(report: Path) -> list[tuple[str, float]]:
    """Every ``.html`` file of a report (MB), largest first."""
    sizes = [(str(p.relative_to(report)), p.stat().st_size / 1e6) for p in report.rglob("*.html")]
    return sorted(sizes, key=lambda x: -x[1])


# --------------------------------------------------------------------------------------------
# the in-memory full pipeline (run.py section d)


def time_pipeline(study_dir: Path, data: Path, reps: int) -> dict:
    """Median wall time of run.py's ``full_pipeline`` on the benchmark study's documents."""
    import warnings

    from analysis.corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a document or two outside the expected language
        docs = load_corpus(study_dir / "corpus.parquet")
    mb = bench.text_mb(docs["text"])
    with tempfile.TemporaryDirectory(prefix="report-bench-pipeline-") as tmp:
        codebook, _ = bench.load_bench_codebook(data / "codebook.yml", Path(tmp))
        actors = bench.load_bench_actors(data / "actors.csv", Path(tmp))
    times, cpus = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shared actor spellings: expected on this corpus
        bench.full_pipeline(docs, codebook, actors)  # warm-up: imports, caches, allocator
        for _ in range(reps):
            t, c = time.perf_counter(), time.process_time()
            bench.full_pipeline(docs, codebook, actors)
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
    median = statistics.median(times)
    say(
        f"[pipeline] full pipeline in memory on {len(docs):,} documents ({mb:.1f} MB): "
        f"{median:.2f} s median of {', '.join(f'{t:.2f}' for t in times)} "
        f"({mb / median:.2f} MB/s; {statistics.median(cpus):.2f} CPU s)"
    )
    return {"seconds": median, "times": times, "cpu": statistics.median(cpus), "mb": mb}


# --------------------------------------------------------------------------------------------
# output


def table(header: tuple[str, ...], rows: list[tuple]) -> None:
    rows = [tuple(str(x) for x in r) for r in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for line in [header, tuple("-" * w for w in widths), *rows]:
        say("  ".join(x.ljust(w) for x, w in zip(line, widths, strict=True)).rstrip())


def yes(ok: bool | None) -> str:
    return "-" if ok is None else ("yes" if ok else "NO")


def summary(info: dict, big: dict, small: dict, pipe: dict | None) -> list[tuple]:
    rows: list[tuple] = []
    scope = f"{info['n_docs']:,} of {info['of']:,} docs, {info['mb']:.1f} MB"
    rows.append(
        ("report finishes (benchmark)", f"{big['status']} ({scope})", "finishes", yes(big["ok"]))
    )
    rows.append(("report finishes (sample)", small["status"], "finishes", yes(small["ok"])))
    rows.append(
        (
            "peak RSS, process tree (benchmark)",
            f"{big['peak_mb']:,.0f} MB",
            f"<= {PEAK_RSS_LIMIT_MB:,.0f} MB",
            # Under the limit counts only for a run that finished.
            "NO"
            if big["peak_mb"] > PEAK_RSS_LIMIT_MB
            else ("yes" if big["ok"] else "n/a (unfinished)"),
        )
    )
    rows.append(
        (
            "peak PSS, process tree (benchmark, info)",
            f"{big['peak_pss_mb']:,.0f} MB (shared pages counted once)",
            "-",
            "-",
        )
    )
    rows.append(("peak RSS, process tree (sample, info)", f"{small['peak_mb']:,.0f} MB", "-", "-"))
    if big["ok"]:
        pages = html_sizes(big["dir"])
        name, mb = pages[0] if pages else ("(no page)", 0.0)
        over = sum(s > PAGE_LIMIT_MB for _, s in pages)
        rows.append(
            (
                "largest HTML page (benchmark)",
                f"{mb:.2f} MB ({name}; {len(pages)} pages, {over} over)",
                f"<= {PAGE_LIMIT_MB:g} MB each",
                yes(over == 0),
            )
        )
    rows.append(("report time (benchmark)", f"{big['seconds']:.1f} s", "-", "-"))
    rows.append(("report time (sample)", f"{small['seconds']:.1f} s", "-", "-"))
    if pipe is not None:
        rows.append(
            (
                "in-memory full pipeline (benchmark)",
                f"{pipe['seconds']:.2f} s ({pipe['mb'] / pipe['seconds']:.2f} MB/s)",
                "-",
                "-",
            )
        )
        ratio = (big["seconds"] - small["seconds"]) / pipe["seconds"]
        both = big["ok"] and small["ok"]
        rows.append(
            (
                "(report bench - report sample) / pipeline",
                f"{ratio:.2f}x" + ("" if both else " (a report did not finish)"),
                f"<= {TIME_RATIO_LIMIT:g}x",
                yes(both and ratio <= TIME_RATIO_LIMIT),
            )
        )
        cpu_ratio = (big["cpu"] - small["cpu"]) / pipe["cpu"]
        rows.append(
            (
                "same in CPU seconds (info; report trees)",
                f"{cpu_ratio:.2f}x ({big['cpu']:.0f} - {small['cpu']:.0f}) / {pipe['cpu']:.1f}",
                "-",
                "-",
            )
        )
    return rows


def phases(run: dict) -> tuple:
    """Where a report's time went: before the first kernel, kernels, after the last kernel."""
    first, last, total = run["first_kernel_at"], run["last_kernel_at"], run["seconds"]

    def fmt(v: float | None) -> str:
        return "-" if v is None else f"{v:.1f}"

    return (
        run["label"],
        fmt(first),
        fmt(run["computed"]),
        "-" if first is None else fmt(last - first),
        "-" if last is None else fmt(total - last),
        fmt(total),
        f"{run['peak_before_kernels_mb']:,.0f} MB",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--docs", type=int, metavar="N", help="only the first N documents")
    size.add_argument(
        "--corpus-fraction",
        type=float,
        metavar="F",
        help="only the first share F (0-1] of documents",
    )
    ap.add_argument("--data", type=Path, default=BENCH, help="benchmark folder (../shared/bench)")
    ap.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="parent of the work folder (default: the system's temporary folder)",
    )
    ap.add_argument("--keep", action="store_true", help="keep the study and both reports")
    ap.add_argument("--reps", type=int, default=3, help="timed runs of the in-memory pipeline")
    ap.add_argument("--interval", type=float, default=0.2, help="RSS sampling interval (s)")
    ap.add_argument("--jobs", type=int, default=None, help="--jobs of the report (its default: 2)")
    ap.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop a report running longer than this (it then counts as not finished)",
    )
    ap.add_argument("--quiet", action="store_true", help="do not echo the runner's output")
    ap.add_argument("--json", type=Path, help="also write the measurements to this JSON file")
    args = ap.parse_args(argv)

    if args.docs is not None and args.docs < 1:
        ap.error("--docs must be at least 1")
    if args.corpus_fraction is not None and not 0 < args.corpus_fraction <= 1:
        ap.error("--corpus-fraction must be in (0, 1]")
    for f in ("corpus.parquet", "codebook.yml", "actors.csv"):
        if not (args.data / f).is_file():
            say(f"error: {args.data / f} not found (the benchmark set; see docs/benchmark.md)")
            return 2
    parent = (args.workdir or Path(tempfile.gettempdir())).resolve()
    if parent == (REPO / "data").resolve() or (REPO / "data").resolve() in parent.parents:
        ap.error("--workdir must not be inside data/")
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="report-bench-", dir=parent))
    t_all = time.perf_counter()
    try:
        say(f"work folder: {work}")
        info = build_study(args.data, work / "study", args.docs, args.corpus_fraction)
        say(
            f"benchmark study: {info['path']}: {info['n_docs']:,} of {info['of']:,} documents, "
            f"{info['mb']:.1f} MB, {info['groups']} groups, dates {info['dates'][0]} to "
            f"{info['dates'][1]} (seed {SEED})"
        )
        say(
            f"  study keys set: {', '.join(info['set'])}; periods {json.dumps(PERIODS)}; "
            "every other option (corpus cleaning, duplicates, period, notebook parameters) at "
            "its default"
        )
        # The benchmark study first: the sample, which is subtracted, then runs warm.
        big = run_report("bench", info["path"], work / "out-bench", args)
        small = run_report("sample", SAMPLE_STUDY, work / "out-sample", args)
        pipe = time_pipeline(work / "study", args.data, args.reps) if big["ok"] else None

        say("")
        say(f"REPORT BENCHMARK (issue 14 target; total {time.perf_counter() - t_all:.0f} s)")
        table(("measure", "value", "limit/target", "met"), summary(info, big, small, pipe))
        if big["ok"]:
            pages = html_sizes(big["dir"])
            say("")
            say(
                "HTML pages of the benchmark report: "
                + ", ".join(f"{n} {s:.2f} MB" for n, s in pages)
            )
        say("")
        say("phases, from the process tree (seconds since the runner started):")
        table(
            (
                "report",
                "before the kernels (inputs, tables)",
                "computed the tables",
                "kernels",
                "after the kernels",
                "total",
                "peak RSS before the kernels",
            ),
            [phases(run) for run in (big, small)],
        )
        say("")
        say(f"peak RSS of the benchmark run at {big['peak_at']:.0f} s, by process:")
        for name, rss, pss in big["peak_procs"][:8]:
            say(f"  RSS {rss:7,.0f} MB  PSS {pss:7,.0f} MB  {name}")
        nb_big = notebook_times(big["dir"], big["ran"]) if big["ok"] else {}
        nb_small = notebook_times(small["dir"], small["ran"]) if small["ok"] else {}
        if nb_big or nb_small:
            say("")
            say(
                "notebooks (seconds of the kernel run, from the executed notebooks' papermill metadata):"
            )
            rows = []
            for n in sorted(set(nb_big) | set(nb_small)):
                b, s = nb_big.get(n, {}), nb_small.get(n, {})
                fmt = lambda v: "-" if v is None else f"{v:.1f}"  # noqa: E731
                rows.append(
                    (
                        n,
                        fmt(s.get("seconds")),
                        fmt(b.get("seconds")),
                        fmt(b.get("slowest_cell")),
                        b.get("slowest_source", ""),
                    )
                )
            table(
                ("notebook", "sample s", "bench s", "bench slowest cell s", "its first line"), rows
            )
        for run in (big, small):
            if not run["ok"]:
                say("")
                say(f"[{run['label']}] last lines of {run['log']}:")
                for line in run["tail"]:
                    say(f"  {line}")
        if args.json:
            keep = (
                "ok", "status", "rc", "seconds", "cpu", "peak_mb", "peak_pss_mb", "peak_at", "peak_procs", "computed",
                "first_kernel_at", "last_kernel_at", "peak_before_kernels_mb",
            )  # fmt: skip
            args.json.write_text(
                json.dumps(
                    {
                        "corpus": {k: v for k, v in info.items() if k != "path"},
                        "bench": {k: big[k] for k in keep} | {"notebooks": nb_big},
                        "sample": {k: small[k] for k in keep} | {"notebooks": nb_small},
                        "pipeline": pipe,
                        "pages": html_sizes(big["dir"]) if big["ok"] else [],
                    },
                    indent=2,
                    default=str,
                )
            )
        return 0 if big["ok"] and small["ok"] else 1
    finally:
        if args.keep:
            say(f"kept: {work} (study/, out-bench/, out-sample/, *.log)")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
