"""Open every generated report in headless Chromium, as a reader would, and check it.

Usage: ``python tests/browser/check_reports.py [REPORTS_DIR] [--chromium PATH]`` (``make
test-browser``). For each ``REPORTS_DIR/<study>/index.html`` and every page it links to, the
page fails when the browser logs a console error or an uncaught exception (a failed resource
load is one), an image is broken (``naturalWidth == 0``), a table has no rows, or a local link
points to a missing file. A full-page PNG screenshot of each page is saved under
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
    result = cdp.send("Runtime.evaluate", {"expression": PAGE_CHECK_JS, "returnByValue": True})
    info = json.loads(result["result"]["value"])
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
        for domain in ("Page", "Runtime", "Log"):
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
                print(
                    f"ok   {rel}: {info['tables']} tables, {info['images']} images; "
                    f"screenshot {shot.relative_to(reports.parent) if shot.is_relative_to(reports.parent) else shot}"
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
