"""Web-page extraction benchmark: our loader against trafilatura alone (not a unit test).

Usage::

    .venv/bin/python tests/benchmarks/webpages.py [FOLDER]

FOLDER (default: tests/fixtures/html/bench) holds saved news pages and ``snippets.json``: for
each page, ``must`` fragments of the article's sentences and ``must_not`` fragments of page
furniture (navigation, share bars, related lists, cookie and paywall notices, comments,
captions, credits, footers). Each extractor is scored per page on

* kept: the share of ``must`` fragments present in its text,
* removed: the share of ``must_not`` fragments absent from it,
* score: (fragments right) / (all fragments), the issue's "must contain / must not contain"
  measure,

and the table prints the means over the pages. Extractors:

* ``raw``: the page read as a text file (what ``load_corpus`` did before it read HTML);
* ``trafilatura``: ``trafilatura.extract(html)`` with its defaults;
* ``load_corpus``: ``analysis.load_corpus(FOLDER)`` (trafilatura with the options in
  ``analysis.webpages.TRAFILATURA_OPTIONS``, layout tables handled);
* ``+boilerplate``: then ``analysis.clean_boilerplate(docs)`` with the default rules.

Matching folds case and runs of white space, so a fragment matches across line breaks.
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def score(text: str, must: list[str], must_not: list[str]) -> tuple[float, float, float]:
    t = _norm(text or "")
    kept = sum(_norm(s) in t for s in must)
    removed = sum(_norm(s) not in t for s in must_not)
    return kept / len(must), removed / len(must_not), (kept + removed) / (len(must) + len(must_not))


def main(folder: Path) -> None:
    import trafilatura

    from analysis import clean_boilerplate, load_corpus

    snippets = {
        k: v
        for k, v in json.loads((folder / "snippets.json").read_text()).items()
        if not k.startswith("_")
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = load_corpus(folder, pattern="*.html", language=None)
        try:
            cleaned, _ = clean_boilerplate(docs)
        except Exception as err:  # the rules are another module's; report, don't stop
            print(f"clean_boilerplate failed: {err}")
            cleaned = None
    texts: dict[str, dict[str, str]] = {}
    for name in snippets:
        html = (folder / name).read_bytes()
        stem = Path(name).stem
        texts[name] = {
            "raw": html.decode("utf-8", "replace"),
            "trafilatura": trafilatura.extract(html) or "",
            "load_corpus": docs.set_index("doc_id").at[stem, "text"],
        }
        if cleaned is not None:
            texts[name]["+boilerplate"] = cleaned.set_index("doc_id").at[stem, "text"]
    methods = list(next(iter(texts.values())))
    print(f"{'page':<22}" + "".join(f"{m:>14}" for m in methods))
    totals = {m: [0.0, 0.0, 0.0] for m in methods}
    for name, spec in snippets.items():
        row = []
        for m in methods:
            k, r, s = score(texts[name][m], spec["must"], spec["must_not"])
            totals[m] = [a + b for a, b in zip(totals[m], (k, r, s), strict=True)]
            row.append(f"{s:>14.2f}")
        print(f"{name:<22}" + "".join(row))
    n = len(snippets)
    for i, label in enumerate(["mean kept", "mean removed", "mean score"]):
        print(f"{label:<22}" + "".join(f"{totals[m][i] / n:>14.2f}" for m in methods))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "html" / "bench")
