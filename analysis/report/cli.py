"""Command line: ``python -m analysis report --study data/study.yml`` (also ``analysis report``).

Exit status: 0 success; 1 a notebook failed (the previous report is left in place);
2 a bad study file, input file (corpus, codebook, actor table, gold, stopwords), parameter or
option, or the ``report`` extra is not installed; 128 + the signal number when stopped by
SIGTERM (143) or SIGINT (130), after the kernels were shut down.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis.report.params import ParameterError, format_parameters, notebook_parameters
from analysis.report.runner import (
    DEFAULT_KERNEL,
    ReportError,
    ReportInterrupted,
    notebooks_dir,
    run_report,
)
from analysis.report.study import StudyError, load_study

__all__ = ["main"]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Content analysis of news coverage: reproducible reports.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    rep = sub.add_parser(
        "report",
        help="run the study's notebooks and write HTML reports, tables, figures, provenance",
        description="Run every notebook (or --only some) on a study and write "
        "<out>/<study name>/: HTML reports, CSV tables, PNG/SVG figures, provenance.json, "
        "index.html. The previous report is replaced only when the whole run succeeds.",
    )
    rep.add_argument("--study", required=True, help="study file (YAML), e.g. data/study.yml")
    rep.add_argument("--out", default="reports", help="parent folder of the report (reports/)")
    rep.add_argument(
        "--only",
        action="append",
        metavar="NOTEBOOK",
        help="run only this notebook (name without .ipynb, e.g. 01_terms); repeatable; the "
        "report folder then holds only these notebooks",
    )
    rep.add_argument(
        "-p",
        "--parameter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a parameter (YAML value): top_n=30, kwic_terms='[crime, police]', "
        "or NOTEBOOK.NAME=VALUE for one notebook; repeatable",
    )
    rep.add_argument("--notebooks", help="folder of notebooks (default: the study's or notebooks/)")
    rep.add_argument("--kernel", default=None, help="Jupyter kernel (default analysis-news)")
    rep.add_argument("--jobs", type=_positive, default=2, help="notebooks run at once (default 2)")
    rep.add_argument(
        "--cell-timeout",
        type=_positive,
        default=None,
        metavar="SECONDS",
        help="seconds one notebook cell may run before the run fails (default 1200)",
    )

    par = sub.add_parser("params", help="list the notebooks' parameters, types and defaults")
    par.add_argument("--study", required=True, help="study file (YAML)")
    par.add_argument("--notebooks", help="folder of notebooks")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 1 or 2, see the module docstring).

    Args:
        argv: the arguments after the program name (default ``sys.argv[1:]``).

    Returns:
        0 on success, 1 when a notebook failed, 2 for a bad study file, input file, parameter
        or option, or when the ``report`` extra (papermill, nbconvert) is not installed,
        128 + the signal number when stopped by SIGTERM or SIGINT.

    Example:
        >>> main(["report", "--study", "no/such/study.yml"])
        2
    """
    args = _parser().parse_args(argv)
    try:
        if args.command == "params":
            study = load_study(args.study)
            folder = notebooks_dir(study, args.notebooks)
            declared = {p.stem: notebook_parameters(p) for p in sorted(folder.glob("*.ipynb"))}
            print(format_parameters(declared), end="")
            return 0
        print(f"report: {args.study}", file=sys.stderr)
        path = run_report(
            args.study,
            out=args.out,
            only=args.only,
            params=args.parameter,
            notebooks=args.notebooks,
            kernel=args.kernel or DEFAULT_KERNEL,
            jobs=args.jobs,
            cell_timeout=args.cell_timeout,
        )
    except ReportInterrupted as err:
        print(f"error: {err}; the kernels were shut down", file=sys.stderr)
        print("the previous report (if any) was left in place", file=sys.stderr)
        return 128 + err.signum
    except (StudyError, ParameterError, ImportError, ValueError, FileNotFoundError) as err:
        # ValueError: an input file the study names cannot be read (CorpusError,
        # CodebookError, ActorTableError, ... are ValueErrors naming the file and problem).
        print(f"error: {err}", file=sys.stderr)
        return 2
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        print("the previous report (if any) was left in place", file=sys.stderr)
        return 1
    print(f"report written: {path / 'index.html'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
