"""MkDocs hook (mkdocs.yml ``hooks:``): pages that quote the code are filled in from the code.

``<!-- schema-tables -->`` in a page becomes one table per entry of
:data:`analysis.schema.SCHEMAS` (columns, dtypes, optional columns), so the schema page can
never disagree with the declaration the functions build their results from.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- schema-tables -->"


def schema_tables() -> str:
    from analysis.schema import OPTIONAL, SCHEMAS

    parts: list[str] = []
    for name, columns in SCHEMAS.items():
        parts.append(f"### `{name}`\n")
        parts.append("| column | dtype | |\n|---|---|---|")
        parts += [f"| `{col}` | `{dtype}` | |" for col, dtype in columns.items()]
        parts += [
            f"| `{col}` | `{dtype}` | optional |" for col, dtype in OPTIONAL.get(name, {}).items()
        ]
        parts.append("")
    return "\n".join(parts)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, schema_tables())
    return markdown
