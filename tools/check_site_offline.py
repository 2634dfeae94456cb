"""Fail when the built docs site would load anything from another host (``make docs``).

    python tools/check_site_offline.py site

Checks every HTML page for ``<script src>``, ``<link href>``, ``<img src>``, ``<iframe src>``,
``<source src>`` and ``<video/audio src>`` that start with ``http://``, ``https://`` or ``//``,
and every CSS file for ``url(...)`` / ``@import`` of such addresses. Hyperlinks (``<a href>``)
are allowed: following one is the reader's choice, not a request made by the page.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_LOADS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
          "video": "src", "audio": "src", "embed": "src"}  # fmt: skip
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.I)


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = _LOADS.get(tag)
        for name, value in attrs:
            if name == attr and value and _REMOTE.match(value):
                self.remote.append(f"<{tag} {name}={value!r}>")


def remote_loads(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page}: {item}" for item in parser.remote]
    for css in sorted(site.rglob("*.css")):
        # data: URIs carry "http://www.w3.org/2000/svg" as a namespace, not as a request.
        text = re.sub(r"data:[^)]*", "", css.read_text(encoding="utf-8"))
        problems += [f"{css}: url {m.group(1)}" for m in _CSS_URL.finditer(text)]
    return problems


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    if not (site / "index.html").is_file():
        print(f"{site}/index.html not found: build the site first (make docs)", file=sys.stderr)
        return 2
    problems = remote_loads(site)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} request(s) to other hosts in {site}/", file=sys.stderr)
        return 1
    print(f"{site}/: no script, style, font or image from another host")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
