"""The HTML of a report: executed notebooks exported without code, the provenance footer, the
index page.

Pages are self-contained and offline: figures are embedded, no script or font comes from a CDN,
and every value from a study (titles, paths, parameters) is HTML-escaped.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis.report._common import report_module

__all__ = [
    "export_html",
    "notebook_title",
    "footer_html",
    "with_footer",
    "index_html",
    "unlink_pages",
]

_FOOTER_CSS = """
<style>
footer.provenance{font:13px/1.45 system-ui,sans-serif;color:#333;border-top:1px solid #ccc;
margin:2em 1em 1em;padding-top:1em}
footer.provenance table{border-collapse:collapse;margin:.4em 0 1em;font-size:12px}
footer.provenance td,footer.provenance th{border:1px solid #ddd;padding:2px 6px;text-align:left;
vertical-align:top}
footer.provenance code{font-size:11px;word-break:break-all}
table.analysis-table td{white-space:normal}
</style>
"""

_TEMPLATE = """{%- extends 'index.html.j2' -%}
{#- Offline, self-contained reports: no script or font from a CDN. -#}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
"""


def export_html(executed: str | os.PathLike[str], title: str) -> str:
    """An executed notebook as one offline HTML page: outputs only, figures embedded.

    Args:
        executed: the executed ``.ipynb`` file.
        title: the page title.

    Returns:
        The page (nbconvert's ``lab`` template without input cells, prompts, RequireJS,
        MathJax, Mermaid or widget scripts).

    Raises:
        ImportError: nbconvert (the ``report`` extra) is not installed.

    Example:
        >>> import tempfile
        >>> import nbformat
        >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
        >>> cell = new_code_cell("print('hi')", outputs=[new_output("stream", text="hi <b>")])
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder) / "n.ipynb"
        ...     nbformat.write(new_notebook(cells=[cell]), path)
        ...     page = export_html(path, "Demo")
        >>> "print(" in page, "hi &lt;b&gt;" in page, "<title>Demo</title>" in page
        (False, True, True)
    """
    exporter_class = report_module("nbconvert").HTMLExporter
    import jinja2  # a dependency of nbconvert

    nb = report_module("nbformat").read(executed, as_version=4)
    nb.metadata["title"] = title
    exporter = exporter_class(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        extra_loaders=[jinja2.DictLoader({"analysis_report.html.j2": _TEMPLATE})],
        template_file="analysis_report.html.j2",
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def notebook_title(path: str | os.PathLike[str], fallback: str) -> str:
    """The first ``# heading`` of a notebook's markdown cells, else ``fallback``.

    Example:
        >>> notebook_title("notebooks/01_terms.ipynb", "01_terms")
        'Terms'
    """
    nb = report_module("nbformat").read(Path(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _kv_table(rows: Iterable[tuple[str, str]], header: tuple[str, str]) -> str:
    body = "".join(
        f"<tr><td><code>{html.escape(k)}</code></td><td><code>{html.escape(v)}</code></td></tr>"
        for k, v in rows
    )
    return (
        f"<table><thead><tr><th>{html.escape(header[0])}</th><th>{html.escape(header[1])}</th>"
        f"</tr></thead><tbody>{body}</tbody></table>"
    )


def footer_html(prov: Mapping[str, Any], notebook: str) -> str:
    """The provenance footer of one report page: parameters, input hashes, versions, times.

    Args:
        prov: the provenance record (as written to ``provenance.json``); uses ``study``
            (``name``, ``title``), ``started``, ``finished``, ``python``, ``kernel``,
            ``parameters``, ``inputs`` (``role``, ``path``, ``sha256``) and ``versions``.
        notebook: whose parameters to show.

    Returns:
        A ``<style>`` and a ``<footer class="provenance">``; every value escaped.

    Example:
        >>> prov = {"study": {"name": "s", "title": "Crime <i>news</i>"}, "started": "t0",
        ...         "finished": "t1", "python": "3.12", "kernel": "k",
        ...         "parameters": {"01_terms": {"top_n": 20}},
        ...         "inputs": [{"role": "study", "path": "study.yml", "sha256": "ab12"}],
        ...         "versions": {"pandas": "2.2"}}
        >>> page = footer_html(prov, "01_terms")
        >>> "Crime &lt;i&gt;news&lt;/i&gt;" in page, "<code>top_n</code>" in page
        (True, True)
    """
    params = prov["parameters"].get(notebook, {})
    inputs = "".join(
        f"<tr><td>{html.escape(i['role'])}</td><td><code>{html.escape(i['path'])}</code></td>"
        f"<td><code>{html.escape(i['sha256'])}</code></td></tr>"
        for i in prov["inputs"]
    )
    return (
        _FOOTER_CSS
        + '<footer class="provenance" id="provenance"><h2>Provenance</h2>'
        + f"<p>Study <strong>{html.escape(prov['study']['name'])}</strong> — "
        + f"{html.escape(prov['study']['title'])}. Run started {html.escape(prov['started'])}, "
        + f"finished {html.escape(prov['finished'])} (UTC); Python "
        + f"{html.escape(prov['python'])}; kernel <code>{html.escape(prov['kernel'])}</code>. "
        + 'Full record: <a href="provenance.json">provenance.json</a>; '
        + '<a href="index.html">all reports</a>.</p>'
        + "<h3>Parameters</h3>"
        + _kv_table(
            ((k, json.dumps(v, ensure_ascii=False, default=str)) for k, v in params.items()),
            ("parameter", "value"),
        )
        + "<h3>Input files (SHA-256)</h3><table><thead><tr><th>role</th><th>path</th>"
        + f"<th>sha256</th></tr></thead><tbody>{inputs}</tbody></table>"
        + "<h3>Package versions</h3>"
        + _kv_table(prov["versions"].items(), ("package", "version"))
        + "</footer>"
    )


def with_footer(page: str, footer: str) -> str:
    """``page`` with ``footer`` inserted before its last ``</body>`` (appended if none).

    Example:
        >>> with_footer("<html><body><p>x</p></body></html>", "<footer></footer>")
        '<html><body><p>x</p><footer></footer></body></html>'
    """
    cut = page.rfind("</body>")
    return page[:cut] + footer + page[cut:] if cut >= 0 else page + footer


def unlink_pages(page: str, missing: Iterable[str]) -> str:
    """``page`` with every link to ``<name>.html`` of a ``missing`` notebook made plain text.

    A run with ``--only`` writes some pages only; the links the notebooks' text makes to the
    others would lead nowhere. The link text stays, marked as not in this report.

    Example:
        >>> unlink_pages('See <a href="01_terms.html">Terms</a>.', {"01_terms"})
        'See <span class="not-run" title="not in this report (run with --only)">Terms</span>.'
        >>> unlink_pages('<a href="02_themes.html#x">Themes</a>', {"01_terms"})
        '<a href="02_themes.html#x">Themes</a>'
    """
    names = sorted(missing)
    if not names:
        return page
    pattern = re.compile(
        r'<a\s+href="(?:\./)?(?:'
        + "|".join(re.escape(html.escape(n)) for n in names)
        + r')\.html(?:#[^"]*)?"[^>]*>(.*?)</a>',
        re.DOTALL,
    )
    return pattern.sub(
        r'<span class="not-run" title="not in this report (run with --only)">\1</span>', page
    )


def index_html(prov: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    """The report's ``index.html``: a link to each page and to every file it saved.

    Args:
        prov: the provenance record; uses ``study`` (``name``, ``title``, ``file``),
            ``started``, ``finished`` and ``outputs`` (``{notebook: {file: sha256}}``).
        titles: ``{notebook: page title}`` in the order to list them.

    Returns:
        A complete HTML page; every value escaped.

    Example:
        >>> prov = {"study": {"name": "s", "title": "A & B", "file": "study.yml"},
        ...         "started": "t0", "finished": "t1",
        ...         "outputs": {"01_terms": {"01_terms/top_terms.csv": "ab12"}}}
        >>> page = index_html(prov, {"01_terms": "Terms"})
        >>> "<h1>A &amp; B</h1>" in page, '<a href="01_terms/top_terms.csv">' in page
        (True, True)
    """
    items = []
    for nb, title in titles.items():
        files = "".join(
            f'<li><a href="{html.escape(f)}">{html.escape(f)}</a></li>'
            for f in prov["outputs"].get(nb, {})
        )
        items.append(
            f'<li><a href="{html.escape(nb)}.html"><strong>{html.escape(title)}</strong></a> '
            f"<small>({html.escape(nb)})</small>"
            f"<details><summary>tables and figures</summary><ul>{files}</ul></details></li>"
        )
    tables = [f for nb, fs in prov["outputs"].items() if nb not in titles for f in fs]
    if tables:  # the tables computed once for every page (analysis.report.compute)
        files = "".join(f'<li><a href="{html.escape(f)}">{html.escape(f)}</a></li>' for f in tables)
        items.append(
            "<li><strong>Every table of the study</strong> <small>(Parquet; "
            "<code>pandas.read_parquet</code>)</small>"
            f"<details><summary>files</summary><ul>{files}</ul></details></li>"
        )
    study = prov["study"]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(study['title'])} — reports</title>"
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;"
        "padding:0 1em;color:#222}li{margin:.4em 0}small{color:#666}</style></head><body>"
        f"<h1>{html.escape(study['title'])}</h1>"
        f"<p>Study <code>{html.escape(study['name'])}</code> "
        f"(<code>{html.escape(study['file'])}</code>), run {html.escape(prov['started'])} "
        f"to {html.escape(prov['finished'])} UTC.</p>"
        f"<h2>Reports</h2><ol>{''.join(items)}</ol>"
        '<p>Parameters, input hashes and versions: <a href="provenance.json">provenance.json</a>'
        "</p></body></html>\n"
    )
