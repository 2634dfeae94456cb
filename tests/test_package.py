"""The package surface: every exported name resolves, and importing stays light."""

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import analysis

ROOT = Path(__file__).resolve().parents[1]


def test_every_exported_name_resolves_to_its_module_object() -> None:
    for name in analysis.__all__:
        module = analysis._WHERE[name]
        assert getattr(analysis, name) is getattr(
            __import__(f"analysis.{module}", fromlist=[name]), name
        )


def test_import_does_not_load_heavy_dependencies() -> None:
    code = "import sys, analysis; print(sorted(m for m in ('matplotlib', 'nltk', 'dask') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_version_is_declared_once_and_matches_the_installed_distribution() -> None:
    # pyproject.toml reads the version from analysis.__version__ (setuptools dynamic attr);
    # a mismatch means the installed metadata is stale: rerun `make setup`.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "analysis.__version__"}
    assert analysis.__version__ == importlib.metadata.version("analysis")
