"""The package surface: every exported name resolves, and importing stays light."""

import subprocess
import sys

import analysis


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
