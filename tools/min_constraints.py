"""Pin every dependency of pyproject.toml to its declared lower bound (for ``make test-min``).

    python tools/min_constraints.py --extras dev,report,scale > constraints-min.txt
    pip install -c constraints-min.txt -e '.[dev,report,scale]'

Each ``name>=X`` (core dependencies and the chosen extras) becomes ``name==X``, so pip installs
the oldest versions the package claims to work with; the fast tests then show whether the claim
is true. Extras of a requirement (``dask[dataframe]``) are dropped: constraints cannot carry them.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")


def lower_bound(requirement: str) -> tuple[str, str] | None:
    """``("pandas", "3.0")`` for ``"pandas>=3.0"``; None when there is no ``>=`` bound."""
    m = _REQ.match(requirement.split(";")[0])
    if m is None:
        raise ValueError(f"cannot read requirement {requirement!r}")
    name, spec = m.groups()
    for part in spec.split(","):
        part = part.strip()
        if part.startswith(">="):
            return name, part[2:].strip()
    return None


def constraints(pyproject: Path, extras: list[str]) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    optional = project.get("optional-dependencies", {})
    unknown = [e for e in extras if e not in optional]
    if unknown:
        raise SystemExit(f"{pyproject}: no extra(s) {unknown}; known: {sorted(optional)}")
    reqs = list(project.get("dependencies", []))
    for extra in extras:
        reqs += optional[extra]
    pins: dict[str, str] = {}
    for req in reqs:
        bound = lower_bound(req)
        if bound is None:
            raise SystemExit(f"{pyproject}: {req!r} has no lower bound (>=); declare one")
        pins[bound[0].lower()] = bound[1]
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extras", default="", help="comma-separated extras, e.g. dev,report")
    parser.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    args = parser.parse_args(argv)
    extras = [e for e in args.extras.split(",") if e]
    sys.stdout.write("".join(line + "\n" for line in constraints(args.pyproject, extras)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
