"""The browser check itself: it must fail on the faults it is there to catch.

Skipped where Debian's chromium is not installed (``make test-browser`` installs it).
"""

from __future__ import annotations

import base64
import shutil

import pytest

from tests.browser import check_reports

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")

# A 1x1 transparent PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def page(body: str) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'


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
