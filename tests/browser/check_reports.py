"""Open every generated report in headless Chromium, as a reader would, and check it.

Usage: ``python tests/browser/check_reports.py [REPORTS_DIR] [--chromium PATH]`` (``make
test-browser``). For each ``REPORTS_DIR/<study>/index.html`` and every page it links to, the
page fails when the browser logs a console error or an uncaught exception (a failed resource
load is one), an image is broken (``naturalWidth == 0``), a table has no rows, a local link
points to a missing file, the page requests anything over http(s) (reports must work offline),
the file is larger than 5 MiB, or a figure is larger than 2,600 × 3,400 pixels. Interactive tables
(itables/DataTables) must start; in each, text is typed into the search box: a word from its
first row must keep that row, a nonsense word must leave no row. The first count link of a page
(``a.analysis-filter-link``) is clicked: its target table's search box must hold the value and
every row shown must contain it. A full-page PNG screenshot of each page is saved under
``REPORTS_DIR/screenshots/<study>/``. Exit status 0 all pages fine, 1 a page failed, 2 nothing
to check or the browser could not start.

The browser is driven over the Chrome DevTools Protocol with ``websocket-client``; no browser
download is needed (Debian's ``chromium``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import websocket

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--window-size=1280,900",
]

#: Largest report page on disk.
MAX_PAGE_BYTES = 5 * 1024 * 1024
#: Largest figure (natural pixels): plots are bounded at 18 x 24 inches at 120 dpi, plus margins.
MAX_IMAGE_PX = (2600, 3400)

# Interactive tables: wait until DataTables has started every one, then type into each search box.
TABLES_CHECK_JS = """
(async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const wanted = [...document.querySelectorAll('table.analysis-interactive')];
  for (let i = 0; i < 100 && wanted.some((t) => !t.classList.contains('dataTable')); i++) {
    await sleep(100);
  }
  const problems = [];
  const checked = [];
  const visible = (t) => [...t.querySelectorAll('tbody tr')].filter((r) => !r.querySelector('td.dt-empty'));
  const type = async (input, text) => {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    await sleep(150);
  };
  for (const t of wanted) {
    const id = t.id || '(no id)';
    if (!t.classList.contains('dataTable')) { problems.push(`interactive table ${id} did not start`); continue; }
    const box = t.closest('.dt-container')?.querySelector('input[type=search]');
    if (!box) { checked.push(id); continue; }  // a short table without a search box
    const first = visible(t)[0];
    const word = first ? (first.innerText.split(/\\s+/).find((w) => w.length > 2) || '') : '';
    await type(box, 'zzqx-no-such-text');
    if (visible(t).length !== 0) problems.push(`table ${id}: a nonsense search still shows rows`);
    if (word) {
      await type(box, word);
      const rows = visible(t);
      if (rows.length === 0) problems.push(`table ${id}: searching ${JSON.stringify(word)} from its first row shows no row`);
      if (rows.some((r) => !r.innerText.toLowerCase().includes(word.toLowerCase()))) {
        problems.push(`table ${id}: searching ${JSON.stringify(word)} shows rows without it`);
      }
    }
    await type(box, '');
    checked.push(id);
  }
  let link = null;
  const a = document.querySelector('a.analysis-filter-link');
  if (a) {
    const target = document.getElementById(a.dataset.table);
    a.click();
    await sleep(400);
    const box = target?.closest('.dt-container')?.querySelector('input[type=search]');
    const rows = target ? visible(target) : [];
    const value = a.dataset.filter;
    link = { value, table: a.dataset.table };
    if (!target) problems.push(`count link ${JSON.stringify(value)}: no table ${a.dataset.table}`);
    else if (!box || box.value !== value) problems.push(`count link ${JSON.stringify(value)}: the search box of ${a.dataset.table} does not show it`);
    else if (rows.length === 0) problems.push(`count link ${JSON.stringify(value)}: no rows in ${a.dataset.table}`);
    else if (rows.some((r) => !r.innerText.toLowerCase().includes(value.toLowerCase()))) problems.push(`count link ${JSON.stringify(value)}: rows without it in ${a.dataset.table}`);
    if (box) await type(box, '');
  }
  const images = [...document.images].map((i) => [i.naturalWidth, i.naturalHeight, (i.alt || i.src || '').slice(0, 60)]);
  return JSON.stringify({ problems, checked, link, images });
})()
"""

# Every page: images that did not decode, tables without a body row, counts for the log line.
PAGE_CHECK_JS = """
(() => {
  const broken = [...document.images]
    .filter(i => !i.complete || i.naturalWidth === 0)
    .map(i => (i.currentSrc || i.src || '').slice(0, 120));
  const empty = [...document.querySelectorAll('table')]
    .filter(t => t.querySelectorAll('tbody tr, tr td').length === 0)
    .map(t => (t.closest('[id]') || {}).id || t.outerHTML.slice(0, 120));
  return JSON.stringify({
    broken, empty,
    images: document.images.length,
    tables: document.querySelectorAll('table').length,
    title: document.title,
    text: document.body ? document.body.innerText.length : 0,
  });
})()
"""


class CDPError(RuntimeError):
    """The browser did not answer as expected."""


class CDP:
    """A minimal DevTools client for one page target: commands, and the events seen meanwhile."""

    def __init__(self, ws_url: str, timeout: float) -> None:
        self.ws = websocket.create_connection(ws_url, timeout=timeout, suppress_origin=True)
        self.timeout = timeout
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None) -> dict:
        self.next_id += 1
        msg_id = self.next_id
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise CDPError(f"{method}: {msg['error'].get('message', msg['error'])}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)
        raise CDPError(f"{method}: no answer within {self.timeout:.0f} s")

    def wait_for(self, method: str, timeout: float) -> bool:
        if any(e["method"] == method for e in self.events):
            return True
        deadline = time.monotonic() + timeout
        self.ws.settimeout(0.25)
        try:
            while time.monotonic() < deadline:
                try:
                    msg = json.loads(self.ws.recv())
                except websocket.WebSocketTimeoutException:
                    continue
                if "method" in msg:
                    self.events.append(msg)
                    if msg["method"] == method:
                        return True
            return False
        finally:
            self.ws.settimeout(self.timeout)

    def drain(self, seconds: float) -> None:
        self.wait_for("__never__", seconds)

    def close(self) -> None:
        self.ws.close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def local_links(page: Path) -> list[Path]:
    """Files that ``page`` links to on disk (external and in-page links are ignored)."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    out = []
    for href in parser.hrefs:
        url = urlparse(href)
        if url.scheme or url.netloc or not url.path:
            continue
        out.append((page.parent / unquote(url.path)).resolve())
    return out


def pages_to_check(reports: Path) -> list[Path]:
    """Every study's index.html followed by the HTML pages it links to."""
    pages = []
    for index in sorted(reports.glob("*/index.html")):
        study = index.parent
        if study.name.startswith(".") or study.name.endswith(".failed"):
            continue
        pages.append(index)
        pages += [p for p in local_links(index) if p.suffix == ".html" and p not in pages]
    return pages


def start_chromium(
    binary: str, profile: Path, log: Path, timeout: float
) -> tuple[subprocess.Popen, int]:
    cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0"]
    cmd.append("about:blank")
    proc = subprocess.Popen(
        cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise CDPError(f"chromium exited with status {proc.returncode} before it was ready")
        if port_file.is_file():
            lines = port_file.read_text().split()
            if lines:
                return proc, int(lines[0])
        time.sleep(0.1)
    raise CDPError(f"chromium did not open its DevTools port within {timeout:.0f} s")


def page_ws_url(port: int, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=timeout) as r:
            targets = json.load(r)
        pages = [t for t in targets if t.get("type") == "page"]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.1)
    raise CDPError("chromium has no page target")


def _event_errors(events: list[dict]) -> list[str]:
    errors = []
    for e in events:
        p = e.get("params", {})
        if e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
            errors.append(f"console.{p['type']}: {args[:300]}")
        elif e["method"] == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            desc = d.get("exception", {}).get("description") or d.get("text", "")
            errors.append(f"uncaught exception: {desc[:300]}")
        elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            entry = p["entry"]
            errors.append(
                f"console error ({entry.get('source')}): {entry.get('text', '')[:300]}"
                + (f" [{entry['url']}]" if entry.get("url") else "")
            )
    return errors


def _remote(events: list[dict]) -> list[str]:
    urls = []
    for e in events:
        if e["method"] == "Network.requestWillBeSent":
            url = e.get("params", {}).get("request", {}).get("url", "")
            if url.startswith(("http:", "https:")) and url not in urls:
                urls.append(url[:200])
    return urls


def check_page(cdp: CDP, page: Path, shot: Path, timeout: float) -> tuple[list[str], dict]:
    problems = [f"broken link: {p}" for p in local_links(page) if not p.exists()]
    cdp.events.clear()
    nav = cdp.send("Page.navigate", {"url": page.resolve().as_uri()})
    if nav.get("errorText"):
        return [*problems, f"navigation failed: {nav['errorText']}"], {}
    if not cdp.wait_for("Page.loadEventFired", timeout):
        problems.append(f"page did not finish loading within {timeout:.0f} s")
    cdp.drain(0.3)  # late console messages (e.g. a lazy image failing) arrive after load
    problems += _event_errors(cdp.events)
    problems += [f"network request (reports must work offline): {u}" for u in _remote(cdp.events)]
    size = page.stat().st_size
    if size > MAX_PAGE_BYTES:
        problems.append(f"page is {size / 2**20:.2f} MiB (limit {MAX_PAGE_BYTES / 2**20:.0f} MiB)")
    tables = cdp.send(
        "Runtime.evaluate",
        {"expression": TABLES_CHECK_JS, "returnByValue": True, "awaitPromise": True},
    )
    checks = json.loads(tables["result"]["value"])
    problems += checks["problems"]
    for w, h, what in checks["images"]:
        if w > MAX_IMAGE_PX[0] or h > MAX_IMAGE_PX[1]:
            problems.append(
                f"figure of {w} x {h} px (limit {MAX_IMAGE_PX[0]} x {MAX_IMAGE_PX[1]}): {what}"
            )
    result = cdp.send("Runtime.evaluate", {"expression": PAGE_CHECK_JS, "returnByValue": True})
    info = json.loads(result["result"]["value"])
    info["interactive"] = len(checks["checked"])
    info["link"] = checks["link"]
    problems += [f"broken image: {src}" for src in info["broken"]]
    problems += [f"empty table: {where}" for where in info["empty"]]
    if info["text"] == 0:
        problems.append("page has no text")
    metrics = cdp.send("Page.getLayoutMetrics")
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    height = int(min(max(size["height"], 600), 16000))
    cdp.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    shot.parent.mkdir(parents=True, exist_ok=True)
    data = cdp.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    import base64

    shot.write_bytes(base64.b64decode(data["data"]))
    cdp.send("Emulation.clearDeviceMetricsOverride")
    return problems, info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports", nargs="?", default="reports", help="reports folder (reports/)")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"))
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per browser step")
    args = ap.parse_args(argv)

    reports = Path(args.reports).resolve()
    pages = pages_to_check(reports) if reports.is_dir() else []
    if not pages:
        print(f"test-browser: no reports under {reports}/*/index.html; run `make report` first")
        return 2
    binary = shutil.which(args.chromium)
    if binary is None:
        print(f"test-browser: {args.chromium!r} not found; install Debian's chromium package")
        return 2

    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    log = profile.parent / f"{profile.name}.log"
    proc = None
    failed = 0
    try:
        proc, port = start_chromium(binary, profile, log, args.timeout)
        cdp = CDP(page_ws_url(port, args.timeout), args.timeout)
        for domain in ("Page", "Runtime", "Log", "Network"):
            cdp.send(f"{domain}.enable")
        for page in pages:
            rel = page.relative_to(reports)
            shot = reports / "screenshots" / rel.with_suffix(".png")
            problems, info = check_page(cdp, page, shot, args.timeout)
            if problems:
                failed += 1
                print(f"FAIL {rel}")
                for p in problems:
                    print(f"     {p}")
            else:
                link = (
                    f"; count link {info['link']['value']!r} -> #{info['link']['table']}"
                    if info.get("link")
                    else ""
                )
                print(
                    f"ok   {rel}: {info['tables']} tables, {info['images']} images; "
                    f"screenshot {shot.relative_to(reports.parent) if shot.is_relative_to(reports.parent) else shot}; "
                    f"{info['interactive']} interactive tables searched{link}"
                )
        cdp.close()
    except (CDPError, OSError, websocket.WebSocketException) as err:
        print(f"test-browser: browser error: {err}")
        if log.is_file():
            tail = log.read_text(errors="replace").splitlines()[-15:]
            print("chromium log (last lines):\n  " + "\n  ".join(tail))
        return 2
    finally:
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
        log.unlink(missing_ok=True)
    print(f"test-browser: {len(pages) - failed} of {len(pages)} pages fine")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
