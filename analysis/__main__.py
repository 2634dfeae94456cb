"""``python -m analysis``: the command line lives in :mod:`analysis.report.cli`."""

from analysis.report.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
