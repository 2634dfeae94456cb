"""The browser check itself: it must fail on the faults it is there to catch.

Skipped where Debian's chromium is not installed (``make test-browser`` installs it), except
under CI (``CI`` set), where a missing browser is a failure: the check must run there.
"""

from __future__ import annotations

import base64
import os
import shutil

import pandas as pd
import pytest

from tests.browser import check_reports


@pytest.fixture(autouse=True)
def _chromium():
    if shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: under CI the browser check must run "
                        "(apt-get install chromium, as make test-browser does)")  # fmt: skip
        pytest.skip("chromium not installed")


# A 1x1 transparent PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def page(body: str) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'


# a headless browser over several pages (4-8 s): run with the slow tests, to keep the
# default run under three minutes on 2 cores
@pytest.mark.slow
def test_browser_check_passes_good_pages_and_names_every_fault(tmp_path, capsys):
    study = tmp_path / "reports" / "s"
    study.mkdir(parents=True)
    (study / "pixel.png").write_bytes(PIXEL)
    (study / "index.html").write_text(
        page(
            '<a href="good.html">good</a> <a href="bad.html">bad</a> <a href="missing.csv">gone</a>'
        ),
        encoding="utf-8",
    )
    (study / "good.html").write_text(
        page('<p>fine</p><img src="pixel.png"><table><tbody><tr><td>1</td></tr></tbody></table>'),
        encoding="utf-8",
    )
    (study / "bad.html").write_text(
        page(
            '<p>bad</p><img src="nope.png"><table><thead><tr><th>a</th></tr></thead>'
            "<tbody></tbody></table><script>console.error('boom'); undefinedCall();</script>"
        ),
        encoding="utf-8",
    )
    code = check_reports.main([str(tmp_path / "reports"), "--timeout", "30"])
    out = capsys.readouterr().out
    assert code == 1
    assert "ok   s/good.html: 1 tables, 1 images" in out
    bad = out[out.index("FAIL s/bad.html") :]
    assert "console.error: boom" in bad
    assert "uncaught exception: ReferenceError: undefinedCall is not defined" in bad
    assert "broken image:" in bad and "nope.png" in bad
    assert "empty table" in bad
    assert "FAIL s/index.html" in out and "broken link:" in out and "missing.csv" in out
    assert "test-browser: 1 of 3 pages fine" in out
    shots = sorted(p.name for p in (tmp_path / "reports" / "screenshots" / "s").iterdir())
    assert shots == ["bad.png", "good.png", "index.png"]
    assert (tmp_path / "reports" / "screenshots" / "s" / "good.png").read_bytes()[:4] == b"\x89PNG"


def test_browser_check_without_reports_says_to_run_make_report(tmp_path, capsys):
    assert check_reports.main([str(tmp_path)]) == 2
    assert "run `make report` first" in capsys.readouterr().out


# a headless browser over several pages (4-8 s): run with the slow tests, to keep the
# default run under three minutes on 2 cores
@pytest.mark.slow
def test_browser_check_types_into_tables_follows_count_links_and_bounds_pages(tmp_path, capsys):
    from analysis.report.tables import interactive_tables_init_html, table_html

    study = tmp_path / "reports" / "s"
    study.mkdir(parents=True)
    hits = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)],
                         "theme": ["crime", "cooperation", "police"] * 10,
                         "text": ["<script>alert(1)</script> words"] * 30})  # fmt: skip
    counts = hits.groupby("theme", as_index=False).size()
    tables = (interactive_tables_init_html() + table_html(counts, links={"theme": "hits"})
              + table_html(hits, table_id="hits", max_rows=100))  # fmt: skip
    (study / "index.html").write_text(
        page('<a href="good.html">good</a> <a href="broken.html">broken</a> '
             '<a href="big.html">big</a> <a href="online.html">online</a>'),
        encoding="utf-8",
    )  # fmt: skip
    (study / "good.html").write_text(page(tables), encoding="utf-8")
    broken = table_html(counts, links={"theme": "nowhere"}) + table_html(hits, table_id="hits")
    (study / "broken.html").write_text(page(interactive_tables_init_html() + broken), "utf-8")
    filler = "<!-- " + "x" * (5 * 1024 * 1024) + " -->"
    (study / "big.html").write_text(page("<p>big</p>" + filler), encoding="utf-8")
    (study / "online.html").write_text(
        page('<p>cdn</p><script src="http://127.0.0.1:9/dt.js"></script>'), encoding="utf-8"
    )
    code = check_reports.main([str(tmp_path / "reports"), "--timeout", "30"])
    out = capsys.readouterr().out
    assert code == 1
    assert "1 interactive tables searched; count link 'cooperation' -> #hits" in out, out
    broken_out = out[out.index("FAIL s/broken.html") :]
    assert 'count link "cooperation": no table nowhere' in broken_out
    assert "FAIL s/big.html\n     page is 5.00 MiB (limit 5 MiB)" in out
    assert "network request (reports must work offline): http://127.0.0.1:9/dt.js" in out
