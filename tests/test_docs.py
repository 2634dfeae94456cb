"""The documentation: README size and links, one API page per public module, the docs tooling.

`make docs` builds the site itself (offline, --strict); these tests keep the sources consistent
without building it.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_pages(item)]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_pages(value)]
    return []


def _mkdocs_nav() -> list[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return _nav_pages(config["nav"])


def _public_modules() -> list[str]:
    """Modules that define public objects (not only re-export them for old imports)."""
    found = []
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if any(p.startswith("_") for p in parts[1:]) or len(parts) == 1:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_")
        }
        if defined or parts[-1] == "report":
            found.append(".".join(parts))
    return found


def test_readme_is_an_entrance_under_15_kb() -> None:
    assert len((ROOT / "README.md").read_bytes()) < 15_000


@pytest.mark.parametrize(
    "page",
    [
        "README.md",
        "CHANGELOG.md",
        *sorted(p.relative_to(ROOT).as_posix() for p in DOCS.rglob("*.md")),
    ],
)
def test_relative_links_point_to_existing_files(page: str) -> None:
    path = ROOT / page
    for target in _LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        file = target.split("#", 1)[0]
        assert (path.parent / file).exists(), f"{page}: link to missing {target}"


def test_every_nav_page_exists_and_every_page_is_in_the_nav() -> None:
    nav = _mkdocs_nav()
    assert len(nav) == len(set(nav)), "a page is listed twice in mkdocs.yml"
    missing = [p for p in nav if not (DOCS / p).is_file()]
    assert not missing, f"mkdocs.yml lists pages that do not exist: {missing}"
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert pages <= set(nav), f"pages not in the nav of mkdocs.yml: {sorted(pages - set(nav))}"


def test_every_public_module_has_an_api_page_in_the_nav() -> None:
    nav = set(_mkdocs_nav())
    for module in _public_modules():
        page = "api/" + module.removeprefix("analysis.").replace(".", "/")
        page += "/index.md" if (DOCS / page).is_dir() else ".md"
        assert page in nav, f"{module} has no API page {page} in mkdocs.yml"
        assert f"::: {module}" in (DOCS / page).read_text(encoding="utf-8")


def test_every_api_page_documents_an_existing_module() -> None:
    for page in sorted((DOCS / "api").rglob("*.md")):
        for module in re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.MULTILINE):
            rel = Path(*module.split("."))
            assert (ROOT / rel.with_suffix(".py")).is_file() or (
                ROOT / rel / "__init__.py"
            ).is_file(), f"{page.relative_to(ROOT)} documents {module}, which does not exist"


def test_offline_check_flags_scripts_styles_and_fonts_from_other_hosts(tmp_path: Path) -> None:
    check = _tool("check_site_offline")
    (tmp_path / "index.html").write_text(
        '<html><head><script src="assets/app.js"></script>'
        '<script src="https://cdn.example.org/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.com/css">'
        '</head><body><a href="https://example.org/">a link is fine</a>'
        '<img src="pic.png"></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "site.css").write_text(
        "a{background:url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>\")}"
        "@import 'https://fonts.example.com/f.css';",
        encoding="utf-8",
    )
    problems = check.remote_loads(tmp_path)
    assert len(problems) == 3
    assert any("cdn.example.org" in p for p in problems)
    assert any("//fonts.example.com/css" in p for p in problems)
    assert any("f.css" in p for p in problems)
    assert check.main([str(tmp_path)]) == 1


def test_min_constraints_pin_every_lower_bound() -> None:
    tool = _tool("min_constraints")
    assert tool.lower_bound("dask[dataframe,distributed]>=2024.1") == ("dask", "2024.1")
    assert tool.lower_bound("mkdocs>=1.6,<2") == ("mkdocs", "1.6")
    assert tool.lower_bound("numpy") is None
    pins = tool.constraints(ROOT / "pyproject.toml", ["dev", "report", "scale"])
    names = {line.split("==")[0] for line in pins}
    assert {"pandas", "numpy", "papermill", "dask", "pytest"} <= names
    assert all(re.fullmatch(r"[a-z0-9._-]+==[0-9][0-9a-z.]*", line) for line in pins), pins


def test_griffe_extension_reads_rst_habits_as_markdown() -> None:
    pytest.importorskip("griffe")
    ext = _tool("griffe_docstrings")
    doc = (
        "Summary with :func:`load_corpus` and :class:`~analysis.codebook.Codebook`.\n\n"
        "====== ==============\n"
        "corpus load_corpus, the\n"
        "       docs table\n"
        "text   tokenize\n"
        "====== ==============\n\n"
        "Example:\n"
        "    >>> 1 + 1\n"
        "    2\n"
    )
    assert ext.markdown_docstring(doc) == (
        "Summary with ``load_corpus`` and ``analysis.codebook.Codebook``.\n\n"
        "|  |  |\n"
        "|---|---|\n"
        "| corpus | load_corpus, the docs table |\n"
        "| text | tokenize |\n\n"
        "Examples:\n"
        "    >>> 1 + 1\n"
        "    2\n"
    )


def test_griffe_extension_converts_a_table_with_a_header() -> None:
    pytest.importorskip("griffe")
    ext = _tool("griffe_docstrings")
    doc = "===== =====\nname  value\n===== =====\na     1\nb     2\n===== =====\n"
    assert ext.simple_tables_to_markdown(doc) == (
        "| name | value |\n|---|---|\n| a | 1 |\n| b | 2 |\n"
    )


def test_griffe_extension_keeps_two_headerless_tables_apart() -> None:
    pytest.importorskip("griffe")
    ext = _tool("griffe_docstrings")
    doc = "== ==\na  1\n== ==\n\n== ==\nb  2\n== ==\n"
    assert ext.simple_tables_to_markdown(doc) == (
        "|  |  |\n|---|---|\n| a | 1 |\n\n|  |  |\n|---|---|\n| b | 2 |\n"
    )


def test_griffe_extension_escapes_pipes_outside_code_in_table_cells() -> None:
    pytest.importorskip("griffe")
    ext = _tool("griffe_docstrings")
    doc = '=== =============\ncli ``report|params``\nedg "source|target"\n=== =============\n'
    assert ext.simple_tables_to_markdown(doc).splitlines()[2:] == [
        "| cli | ``report|params`` |",
        '| edg | "source\\|target" |',
    ]
