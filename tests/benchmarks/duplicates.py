"""Benchmark: `find_duplicates` on the shared 50 MB corpus (issue 13: under a minute on 2 cores).

Usage::

    .venv/bin/python tests/benchmarks/duplicates.py [--corpus PATH] [--method auto|exact|minhash]

Prints the wall time of each step, the pairs and clusters found, and why they are duplicates:
the corpus is built from whole paragraphs drawn with replacement, so two documents are
near-identical only when they drew (almost) the same paragraphs. For each pair the script counts
the paragraphs the two documents share.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.duplicates import duplicate_pairs, find_duplicates

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench" / "corpus.parquet"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH)
    parser.add_argument("--method", default="auto")
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no benchmark corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = pd.read_parquet(args.corpus)
    mb = docs["text"].str.len().sum() / 1e6
    print(f"corpus: {len(docs):,} documents, {mb:.1f} M characters")
    t0, c0 = time.perf_counter(), time.process_time()
    clusters = find_duplicates(docs, threshold=args.threshold, method=args.method)
    t1, c1 = time.perf_counter(), time.process_time()
    print(
        f"find_duplicates(method={args.method!r}, threshold={args.threshold}): {t1 - t0:.1f} s "
        f"wall, {c1 - c0:.1f} s CPU"
    )
    t0 = time.perf_counter()
    pairs = duplicate_pairs(docs, threshold=args.threshold, method=args.method)
    t1 = time.perf_counter()
    print(f"duplicate_pairs: {t1 - t0:.1f} s")
    sizes = clusters.groupby("cluster").size() if len(clusters) else pd.Series(dtype=int)
    print(
        f"pairs: {len(pairs)}; clusters: {clusters['cluster'].nunique()}; "
        f"documents in clusters: {len(clusters)}; cluster sizes: "
        f"{sizes.value_counts().sort_index().to_dict()}"
    )
    text = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    identical = 0
    for row in pairs.itertuples():
        a, b = paragraphs(text[row.doc_a]), paragraphs(text[row.doc_b])
        identical += a == b
        shared = set(a) & set(b)
        words = sum(len(p.split()) for p in shared)
        longer = max(len(text[row.doc_a].split()), len(text[row.doc_b].split()))
        if row.Index < 10:
            print(
                f"  {row.doc_a} ~ {row.doc_b}: similarity {row.similarity:.3f}, paragraphs "
                f"{len(a)} and {len(b)}, shared {len(shared)} ({words / longer:.0%} of the "
                "longer document's words)"
            )
    print(f"pairs with identical paragraph lists: {identical} of {len(pairs)}")
    # how similar are ordinary documents? the highest similarity among a sample of non-pairs
    sample = docs.sample(400, random_state=1)
    low = duplicate_pairs(sample, threshold=0.05, method="exact")
    print(
        f"400 random documents: {len(low)} pairs above 0.05, max similarity "
        f"{low['similarity'].max() if len(low) else 0:.3f}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
