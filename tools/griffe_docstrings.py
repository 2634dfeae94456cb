"""Griffe extension for the docs build (mkdocs.yml): read our docstrings as Markdown.

The docstrings follow Google style with a few reStructuredText habits that read well in the
terminal (``help()``) but not on the site. Before griffe parses a docstring this extension

* reads an ``Example:`` section as ``Examples:`` (griffe knows only the plural), so the ``>>>``
  lines are shown as code and not as Markdown text;
* turns reStructuredText roles (``:func:`name```, ``:data:`X```) into code spans;
* turns reStructuredText simple tables (``=====  =====`` borders) into Markdown tables.

The docstrings in the code are not changed.

It also documents each object once, on the page of the module that defines it: a name that a
module re-exports from another public module of the package (kept there so old imports work)
is treated as not public on the re-exporting module's page (``filters: public``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|attr|data|mod|obj|exc|const):`~?([^`]+)`")
_BORDER = re.compile(r"^(\s*)(=+(?: +=+)+)\s*$")


def _columns(border: str) -> list[int]:
    """Start offset of each column."""
    return [m.start() for m in re.finditer(r"=+", border)]


def _escape_pipes(cell: str) -> str:
    """``|`` outside code spans would split the Markdown cell."""
    parts = re.split(r"(`+[^`]*`+)", cell)
    return "".join(p if i % 2 else p.replace("|", r"\|") for i, p in enumerate(parts))


def _row_cells(line: str, cols: list[int]) -> list[str]:
    """The cells of one table line; the last column runs to the end of the line."""
    stops = [*cols[1:], len(line)]
    return [
        _escape_pipes(line[start:stop].strip()) for start, stop in zip(cols, stops, strict=True)
    ]


def simple_tables_to_markdown(text: str) -> str:
    """Replace every reStructuredText simple table of ``text`` with a Markdown table."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _BORDER.match(lines[i])
        if m is None:
            out.append(lines[i])
            i += 1
            continue
        indent, border = m.group(1), lines[i][len(m.group(1)) :]
        cols = _columns(border)
        j = i + 1
        rows: list[list[str]] = []
        header: list[str] | None = None
        while j < len(lines) and not _BORDER.match(lines[j]):
            body = lines[j][len(indent) :]
            cells = _row_cells(body, cols)
            if rows and not cells[0]:
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
            elif body.strip():
                rows.append(cells)
            j += 1
        if j >= len(lines):  # no closing border: not a table
            out.append(lines[i])
            i += 1
            continue
        # Rows right after the second border (and a third border): the first rows are a header.
        k = j + 1
        has_body = k < len(lines) and lines[k].strip() and not _BORDER.match(lines[k])
        if has_body and rows and any(_BORDER.match(x) for x in lines[k:]):
            end = next(n for n in range(k, len(lines)) if _BORDER.match(lines[n]))
            body_rows = []
            for line in lines[k:end]:
                cells = _row_cells(line[len(indent) :], cols)
                if body_rows and not cells[0]:
                    body_rows[-1] = [
                        f"{a} {b}".strip() for a, b in zip(body_rows[-1], cells, strict=True)
                    ]
                elif line.strip():
                    body_rows.append(cells)
            header, rows, j = rows[0], body_rows, end
        head = header or [""] * len(cols)
        out.append(indent + "| " + " | ".join(head) + " |")
        out.append(indent + "|" + "---|" * len(cols))
        out += [indent + "| " + " | ".join(r) + " |" for r in rows]
        i = j + 1
    return "\n".join(out)


def markdown_docstring(text: str) -> str:
    text = _EXAMPLE.sub(r"\1Examples:", text)
    text = _ROLE.sub(r"``\1``", text)
    if "==" in text:
        text = simple_tables_to_markdown(text)
    return text


def _defined_in_public_module(target_path: str, package: str) -> bool:
    parts = target_path.split(".")
    return parts[0] == package and not any(p.startswith("_") for p in parts[1:-1])


def _modules(module: griffe.Module) -> list[griffe.Module]:
    found = [module]
    for sub in module.modules.values():
        if not sub.is_alias:
            found += _modules(sub)
    return found


class MarkdownDocstrings(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for module in _modules(pkg):
            for member in module.members.values():
                if member.is_alias and _defined_in_public_module(member.target_path, pkg.name):
                    member.public = False
