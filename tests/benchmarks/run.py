"""`make bench`: throughput and memory of the pipeline against peer tools, in one run.

Usage::

    .venv/bin/python tests/benchmarks/run.py                 # everything (~5-10 minutes)
    .venv/bin/python tests/benchmarks/run.py --sections a,b  # some sections
    .venv/bin/python tests/benchmarks/run.py --profile       # pyinstrument on the full pipeline
    .venv/bin/python tests/benchmarks/run.py --synthetic 20  # seeded synthetic set of ~20 MB

Inputs: ``../shared/bench`` next to the repository (corpus.parquet, codebook.yml, actors.csv);
when it is absent, a synthetic set with a fixed seed is generated in a temporary folder.
Every section runs in its own subprocess, so that its peak RSS is its own; peers are measured
in the same run on the same documents. MB/s is UTF-8 megabytes (10^6 bytes) of document text
per second of wall time; times are medians of ``--reps`` repetitions where cheap, single runs
on a slice for the slow baselines.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BENCH = REPO.parent / "shared" / "bench"
sys.path.insert(0, str(HERE))

SECTIONS = "abcdefs"


# --------------------------------------------------------------------------------------------
# measuring


class PeakRSS:
    """Peak resident memory while a block runs (a sampling thread; psutil).

    ``tree``: the RSS of this process plus that of all its descendants (worker processes), summed
    at each sample. Pages a forked worker still shares with its parent count in both, so the
    sum overstates the memory in use a little; it never misses a worker's own memory.
    """

    def __init__(self, interval: float = 0.005, tree: bool = False) -> None:
        import psutil

        self._proc = psutil.Process()
        self.interval = interval
        self.tree = tree
        self.base = self.peak = 0

    def rss(self) -> int:
        total = self._proc.memory_info().rss
        if self.tree:
            import contextlib

            import psutil

            for child in self._proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):  # ended since the listing
                    total += child.memory_info().rss
        return total

    def __enter__(self) -> PeakRSS:
        self.base = self.peak = self.rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.rss())
            time.sleep(self.interval)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.rss())

    @property
    def delta_mb(self) -> float:
        return (self.peak - self.base) / 1e6

    @property
    def peak_mb(self) -> float:
        return self.peak / 1e6


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(fn: Callable[[], object], reps: int) -> tuple[float, object, float]:
    """Median wall time of ``reps`` runs, the last result, and the peak RSS growth (MB)."""
    times = []
    result = None
    with PeakRSS() as mem:
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    for _ in range(reps - 1):
        result = None
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result, mem.delta_mb


def text_mb(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def slice_docs(docs: pd.DataFrame, mb: float) -> pd.DataFrame:
    """The first documents adding up to about ``mb`` MB."""
    sizes = np.cumsum([len(t.encode("utf-8")) for t in docs["text"]])
    n = int(np.searchsorted(sizes, mb * 1e6)) + 1
    return docs.iloc[:n].reset_index(drop=True)


def say(*parts: object) -> None:
    print(*parts, flush=True)


# --------------------------------------------------------------------------------------------
# our pipeline (adapts to the modules that have landed)


def our_term_frequency(tokens: pd.DataFrame) -> pd.DataFrame:
    try:
        from analysis.frequency import term_frequency
    except ImportError:
        codes = tokens["norm"].cat.codes.to_numpy()
        counts = np.bincount(codes, minlength=len(tokens["norm"].cat.categories))
        return pd.DataFrame({"term": tokens["norm"].cat.categories, "frequency": counts})
    return term_frequency(tokens)


def tf_counts(tf: pd.DataFrame) -> dict[str, int]:
    return dict(zip(tf["term"].astype(str), tf["frequency"].astype(int), strict=True))


def load_bench_codebook(path: Path, workdir: Path):
    """The benchmark codebook converted to our format, and the raw ``{theme: [patterns]}``.

    The shared file lists patterns per theme; our codebooks also require a description per
    theme (coders code from it), so one is added and the result is loaded by load_codebook.
    """
    import yaml

    from analysis.themes import load_codebook

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    mapping = {str(k): [str(p) for p in v["patterns"]] for k, v in raw["themes"].items()}
    ours = {
        "name": str(raw.get("name", "benchmark")),
        "description": "Benchmark codebook converted from " + path.name,
        "themes": {
            k: {"description": f"Benchmark theme {k}.", "patterns": pats}
            for k, pats in mapping.items()
        },
    }
    out = workdir / "codebook.yml"
    out.write_text(yaml.safe_dump(ours, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load_codebook(out), mapping


def convert_bench_actors(path: Path, workdir: Path) -> Path:
    """``actor_id,type,alias`` rows → our long CSV (``id,field,value``) with a name per actor.

    The shared table has no canonical name, which ours requires: it is made from the id
    (``a000_united_states`` → ``United States``); every alias stays an alias.
    """
    long = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = []
    for actor_id, grp in long.groupby("actor_id", sort=False):
        name = " ".join(w.capitalize() for w in actor_id.split("_")[1:]) or actor_id
        rows.append((actor_id, "name", name))
        rows.append((actor_id, "type", grp["type"].iloc[0]))
        rows.extend((actor_id, "alias", a) for a in grp["alias"])
    out = workdir / "actors_long.csv"
    pd.DataFrame(rows, columns=["id", "field", "value"]).to_csv(out, index=False)
    return out


def load_bench_actors(path: Path, workdir: Path):
    import warnings

    from analysis.actors import load_actors

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shared spellings are expected in this load test
        return load_actors(convert_bench_actors(path, workdir))


def our_theme_coding(tokens, codebook, docs, scope="key"):
    from analysis.themes import code_themes, theme_matrix

    hits = code_themes(tokens, codebook, docs=docs, scope=scope)
    return hits, theme_matrix(hits, docs, codebook=codebook)


def our_actor_mentions(tokens, actors, docs):
    from analysis.actors import actor_counts, find_mentions

    mentions = find_mentions(tokens, actors, docs=docs)
    return mentions, actor_counts(mentions, docs=docs, actors=actors)


def our_edges(mentions, docs):
    try:
        from analysis.networks import comention_edges
    except ImportError:
        return None
    return comention_edges(mentions)


def full_pipeline(docs: pd.DataFrame, codebook, actors) -> dict[str, object]:
    from analysis.text import tokenize

    tokens = tokenize(docs)
    tf = our_term_frequency(tokens)
    hits, tm = our_theme_coding(tokens, codebook, docs)
    mentions, counts = our_actor_mentions(tokens, actors, docs)
    edges = our_edges(mentions, docs)
    return {
        "tf": tf,
        "hits": hits,
        "theme_matrix": tm,
        "mentions": mentions,
        "counts": counts,
        "edges": edges,
    }


# --------------------------------------------------------------------------------------------
# peers


def count_vectorizer_tf(texts: list[str], **options: object) -> np.ndarray:
    from sklearn.feature_extraction.text import CountVectorizer

    cv = CountVectorizer(**options)
    x = cv.fit_transform(texts)
    return cv, np.asarray(x.sum(axis=0)).ravel()


def nltk_regexp_freqdist(texts: list[str]):
    from nltk import FreqDist
    from nltk.tokenize import RegexpTokenizer

    tok = RegexpTokenizer(r"\w+|[^\w\s]+")
    fd = FreqDist()
    for t in texts:
        fd.update(tok.tokenize(t.lower()))
    return fd


def findall_counter(texts: list[str]) -> Counter:
    rx = re.compile(r"\w+")
    c: Counter = Counter()
    for t in texts:
        c.update(rx.findall(t.lower()))
    return c


# The codebook as regexes, in two forms.
# * "plain" is what a peer would write and what is timed: `\b...\b`, case-insensitive, a glob
#   `*` as `\w*`, phrase words separated by `\s+`.
# * "aligned" follows our token rules, to check that the hits are the same when the rules
#   agree: a word is `\w+` with inner hyphens or apostrophes, so a match may not touch a word
#   character or continue with `-x`/`'x` ("high" does not match in "high-tech"); a glob extends
#   to the end of the token; phrase words are separated by spaces within a line (a line break
#   ends a sentence, and a sentence break inside a phrase needs punctuation anyway).
_JOIN = "[-‐‑'’]"
LEFT = rf"(?<!\w)(?<!\w{_JOIN})"
RIGHT = rf"(?!\w)(?!{_JOIN}\w)"
TAIL = rf"\w*(?:{_JOIN}\w+)*"
SPACE = r"[^\S\n]+"


def pattern_body(pattern: str, aligned: bool = True) -> str:
    parts = []
    for word in pattern.split():
        out = []
        for ch in word:
            if ch == "*":
                out.append(TAIL if aligned else r"\w*")
            elif ch == "?":
                out.append(r"\w")
            elif aligned and ch in "-'’":
                out.append(_JOIN)
            else:
                out.append(re.escape(ch))
        parts.append("".join(out))
    return (SPACE if aligned else r"\s+").join(parts)


def pattern_regex(body: str, aligned: bool) -> re.Pattern[str]:
    # Peers lowercase the text once and match case-sensitively: IGNORECASE is ~5x slower.
    return re.compile((LEFT + body + RIGHT) if aligned else (r"\b" + body + r"\b"))


def lower(text: str) -> str:
    """Lowercase without changing offsets (a few letters lowercase to two characters)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def regex_per_pattern(
    docs: pd.DataFrame, mapping: dict[str, list[str]], aligned: bool = False
) -> list[tuple]:
    """One compiled regex per pattern, run over every document."""
    compiled = [
        (key, len(p.split()), pattern_regex(pattern_body(p.lower(), aligned), aligned))
        for key, pats in mapping.items()
        for p in pats
    ]
    hits = []
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        text = lower(text)
        for key, n_words, rx in compiled:
            for m in rx.finditer(text):
                hits.append((doc_id, m.start(), m.end(), key, n_words))
    return hits


def alternation_regex(
    docs: pd.DataFrame, mapping: dict[str, list[str]], aligned: bool = False
) -> list[tuple]:
    """One big alternation; longer phrases first so that the longest match at a position wins."""
    pats = sorted(
        {p for ps in mapping.values() for p in ps}, key=lambda p: (-len(p.split()), -len(p))
    )
    rx = pattern_regex(
        "(?:" + "|".join(pattern_body(p.lower(), aligned) for p in pats) + ")", aligned
    )
    return [
        (doc_id, m.start(), m.end())
        for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True)
        for m in rx.finditer(lower(text))
    ]


def resolve_within_key(hits: list[tuple]) -> set[tuple]:
    """Our overlap rule applied to peer hits: per (doc, key), longest first, then earliest."""
    groups: dict[tuple, list[tuple]] = {}
    for doc_id, s, e, key, n_words in hits:
        groups.setdefault((doc_id, key), []).append((-n_words, s, e))
    kept = set()
    for (doc_id, key), spans in groups.items():
        taken: list[tuple[int, int]] = []
        for _, s, e in sorted(spans):
            if all(e <= ts or s >= te for ts, te in taken):
                taken.append((s, e))
                kept.add((doc_id, s, e, key))
    return kept


def build_automaton(mapping: dict[str, list[str]]):
    """One automaton over the lowercased patterns; a glob contributes its prefix.

    Each keyword carries its length, whether it is a glob prefix, and the longest glob prefix
    that begins it (``interest`` → ``intere`` for ``intere*``), so that a literal failing the
    word-boundary check ("interest" in "interesting") still counts as the glob it extends.
    """
    import ahocorasick

    words: dict[str, bool] = {}
    for p in (p for ps in mapping.values() for p in ps):
        glob = p.endswith("*")
        word = (p[:-1] if glob else p).lower()
        words[word] = words.get(word, False) or glob  # "nation" + "nation*": the glob covers both
    globs = sorted((w for w, g in words.items() if g), key=len, reverse=True)
    auto = ahocorasick.Automaton()
    for word in sorted(words):
        fallback = next((len(g) for g in globs if word.startswith(g) and " " not in g), 0)
        auto.add_word(word, (len(word), words[word], fallback))
    auto.make_automaton()
    return auto


_TAIL_RX = re.compile(TAIL)
_RIGHT_RX = re.compile(RIGHT)


def aho_longest(docs: pd.DataFrame, auto) -> list[tuple]:
    """pyahocorasick ``iter_long`` (leftmost-longest, non-overlapping) plus token-boundary checks."""
    out = []
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        low = lower(text)
        for end, (n, glob, fallback) in auto.iter_long(low):
            start = end - n + 1
            if start > 0 and (
                low[start - 1].isalnum()
                or low[start - 1] == "_"
                or (
                    start > 1
                    and low[start - 1] in "-‐‑'’"
                    and (low[start - 2].isalnum() or low[start - 2] == "_")
                )
            ):
                continue
            stop = end + 1
            if glob:
                stop = _TAIL_RX.match(low, stop).end()
            elif fallback and not _RIGHT_RX.match(low, stop):
                stop = _TAIL_RX.match(low, start + fallback).end()
            if _RIGHT_RX.match(low, stop):
                out.append((doc_id, start, stop))
    return out


def agreement(ours: set, peer: set) -> tuple[float, int, int]:
    union = ours | peer
    return (
        (100.0 * len(ours & peer) / len(union) if union else 100.0),
        len(ours - peer),
        len(peer - ours),
    )


# --------------------------------------------------------------------------------------------
# sections (each runs in a child process and returns a dict of measurements)


class Ctx:
    def __init__(self, data: Path, reps: int, workdir: Path) -> None:
        from analysis.corpus import load_corpus

        self.data = data
        self.reps = reps
        self.workdir = workdir
        self.docs = load_corpus(data / "corpus.parquet")
        self.mb = text_mb(self.docs["text"])
        self.texts = self.docs["text"].tolist()

    def codebook(self):
        return load_bench_codebook(self.data / "codebook.yml", self.workdir)

    def actors(self):
        return load_bench_actors(self.data / "actors.csv", self.workdir)


# Peak memory per method: each runs alone in a fresh process (an allocator keeps freed memory,
# so a second method in the same process would look free).
MEM_METHODS = {
    "ours tokenize+tf": lambda ctx: our_term_frequency(tokenize_(ctx.docs)),
    "CountVectorizer": lambda ctx: count_vectorizer_tf(ctx.texts),
    "RegexpTokenizer+FreqDist (10 MB slice)": lambda ctx: nltk_regexp_freqdist(
        slice_docs(ctx.docs, 10.0)["text"].tolist()
    ),
    "ours full pipeline": lambda ctx: full_pipeline(ctx.docs, ctx.codebook()[0], ctx.actors()),
}


def tokenize_(docs):
    from analysis.text import tokenize

    return tokenize(docs)


def section_a(ctx: Ctx) -> dict:
    """Tokenization with offsets + term frequency vs CountVectorizer and NLTK."""
    from analysis.text import TOKEN_PATTERN

    docs, mb = ctx.docs, ctx.mb
    say(f"[a] corpus: {len(docs):,} documents, {mb:.1f} MB")
    t_ours, tf, _ = measure(lambda: our_term_frequency(tokenize_(docs)), ctx.reps)
    say(f"[a] ours tokenize+term_frequency   {mb / t_ours:7.2f} MB/s  ({t_ours:.2f} s)")
    t_cv, _, _ = measure(lambda: count_vectorizer_tf(ctx.texts), ctx.reps)
    say(f"[a] CountVectorizer fit+colsum     {mb / t_cv:7.2f} MB/s  ({t_cv:.2f} s)")
    sl = slice_docs(docs, min(10.0, mb))
    sl_mb, sl_texts = text_mb(sl["text"]), sl["text"].tolist()
    t_nltk, _, _ = measure(lambda: nltk_regexp_freqdist(sl_texts), 1)
    say(
        f"[a] NLTK RegexpTokenizer+FreqDist  {sl_mb / t_nltk:7.2f} MB/s  (single run on {sl_mb:.1f} MB)"
    )
    t_re, _, _ = measure(lambda: findall_counter(sl_texts), 1)
    say(
        f"[a] re.findall(\\w+)+Counter (info) {sl_mb / t_re:7.2f} MB/s  (single run on {sl_mb:.1f} MB)"
    )

    # Agreement where the rules agree: CountVectorizer with our word rule (the `\S` branch
    # dropped: skipping a character equals taking it as a punctuation token), lowercase a-z
    # types only (ours also folds diacritics, which CountVectorizer does not).
    ag = slice_docs(docs, min(5.0, mb))
    word_rule = "(?x)" + re.sub(r"\|\s*\\S\s*#[^\n]*\n", "", TOKEN_PATTERN)
    cv, sums = count_vectorizer_tf(ag["text"].tolist(), token_pattern=word_rule, lowercase=True)
    theirs = {w: int(sums[i]) for w, i in cv.vocabulary_.items() if re.fullmatch(r"[a-z]+", w)}
    ours = {
        w: n
        for w, n in tf_counts(our_term_frequency(tokenize_(ag))).items()
        if re.fullmatch(r"[a-z]+", w)
    }
    types = set(theirs) | set(ours)
    same = sum(theirs.get(w) == ours.get(w) for w in types)
    tok_total = sum(theirs.values())
    tok_same = sum(min(theirs.get(w, 0), ours.get(w, 0)) for w in types)
    say(
        f"[a] counts vs CountVectorizer(token_pattern=our word rule), {text_mb(ag['text']):.1f} MB, "
        f"lowercase a-z types: {100 * same / len(types):.3f}% of {len(types):,} types equal, "
        f"{100 * tok_same / tok_total:.3f}% of {tok_total:,} tokens"
    )
    if same < len(types):
        diff = sorted(types, key=lambda w: -abs(theirs.get(w, 0) - ours.get(w, 0)))[:5]
        say(
            "[a]   largest differences (ours/CountVectorizer): "
            + ", ".join(f"{w} {ours.get(w, 0)}/{theirs.get(w, 0)}" for w in diff)
        )
    return {
        "mb": mb,
        "ours": mb / t_ours,
        "cv": mb / t_cv,
        "nltk": sl_mb / t_nltk,
        "findall": sl_mb / t_re,
        "agree_types": 100 * same / len(types),
        "agree_tokens": 100 * tok_same / tok_total,
    }


def section_b(ctx: Ctx) -> dict:
    """Theme coding with the codebook vs regex-per-pattern, one alternation, pyahocorasick."""
    from analysis.themes import code_themes, theme_matrix

    docs, mb = ctx.docs, ctx.mb
    codebook, mapping = ctx.codebook()
    n_pat = sum(len(v) for v in mapping.values())
    tokens = tokenize_(docs)
    say(f"[b] codebook: {n_pat} patterns in {len(mapping)} themes; tokens given ({len(tokens):,})")
    t_key, hits, _ = measure(lambda: code_themes(tokens, codebook, docs=docs), ctx.reps)
    say(
        f"[b] ours code_themes (scope=key)      {mb / t_key:7.2f} MB/s  ({t_key:.2f} s, {len(hits):,} hits)"
    )
    t_tm, _, _ = measure(lambda: theme_matrix(hits, docs, codebook=codebook), ctx.reps)
    say(
        f"[b]   + theme_matrix (info)           {mb / (t_key + t_tm):7.2f} MB/s  (theme_matrix {t_tm:.2f} s)"
    )
    t_all, hits_all, _ = measure(
        lambda: code_themes(tokens, codebook, docs=docs, scope="all"), ctx.reps
    )
    say(
        f"[b] ours code_themes (scope=all)      {mb / t_all:7.2f} MB/s  ({t_all:.2f} s, {len(hits_all):,} hits)"
    )
    # scope="all" rolls hits up to parent themes; the benchmark codebook is flat, so one row
    # per matched span.
    ours_all = set(
        zip(hits_all["doc_id"].astype(str), hits_all["start"], hits_all["end"], strict=True)
    )
    hit_doc = hits["doc_id"].astype(str)

    def ours_key_in(ids: set) -> set:
        sel = hit_doc.isin(ids).to_numpy()
        return set(
            zip(hit_doc[sel], hits["start"][sel], hits["end"][sel], hits["key"][sel], strict=True)
        )

    sl = slice_docs(docs, min(5.0, mb))
    sl_mb = text_mb(sl["text"])
    t_pp, pp_hits, _ = measure(lambda: regex_per_pattern(sl, mapping), 1)
    say(
        f"[b] regex per pattern (\\b...\\b)       {sl_mb / t_pp:7.2f} MB/s  (single run on {sl_mb:.1f} MB)"
    )
    al = slice_docs(docs, min(20.0, mb))
    al_mb = text_mb(al["text"])
    t_alt, alt_hits, _ = measure(lambda: alternation_regex(al, mapping), 1)
    say(
        f"[b] one alternation regex (\\b...\\b)   {al_mb / t_alt:7.2f} MB/s  (single run on {al_mb:.1f} MB)"
    )
    # The rule-aligned alternation happens to be faster (its lookarounds fail early): count the
    # faster of the two as the peer.
    t_alt2, alt2_hits, _ = measure(lambda: alternation_regex(al, mapping, aligned=True), 1)
    say(
        f"[b] one alternation regex (aligned)   {al_mb / t_alt2:7.2f} MB/s  (single run on {al_mb:.1f} MB)"
    )
    auto = build_automaton(mapping)
    t_aho, aho_hits, _ = measure(lambda: aho_longest(docs, auto), ctx.reps)
    say(
        f"[b] pyahocorasick iter_long           {mb / t_aho:7.2f} MB/s  ({t_aho:.2f} s, {len(aho_hits):,} hits)"
    )

    # Hit sets. As timed, the plain regexes differ from our token rules (e.g. `\bhigh\b` matches
    # inside "high-tech"); with the aligned forms the sets must be equal.
    small = slice_docs(docs, min(1.0, mb))
    al_ids = set(al["doc_id"])
    ours_all_al = {h for h in ours_all if h[0] in al_ids}
    checks = [
        ("regex per pattern as timed vs ours scope=key (doc,start,end,theme)",
         agreement(ours_key_in(set(sl["doc_id"])), resolve_within_key(pp_hits))),
        ("regex per pattern, aligned rules, 1 MB vs ours scope=key",
         agreement(ours_key_in(set(small["doc_id"])), resolve_within_key(regex_per_pattern(small, mapping, aligned=True)))),
        ("one alternation as timed vs ours scope=all (doc,start,end)",
         agreement(ours_all_al, set(alt_hits))),
        ("one alternation, aligned rules vs ours scope=all",
         agreement(ours_all_al, set(alt2_hits))),
        ("pyahocorasick (+ boundary checks) vs ours scope=all", agreement(ours_all, set(aho_hits))),
    ]  # fmt: skip
    for name, (pct, only_ours, only_peer) in checks:
        say(
            f"[b] hits equal, {name}: {pct:.3f}% (only ours {only_ours:,}, only peer {only_peer:,})"
        )
    return {
        "ours": mb / t_key,
        "ours_all": mb / t_all,
        "per_pattern": sl_mb / t_pp,
        "alternation": al_mb / min(t_alt, t_alt2),
        "aho": mb / t_aho,
        "agree": {name: pct for name, (pct, _, _) in checks},
    }


def section_c(ctx: Ctx) -> dict:
    """Actor mentions with the actor table, given tokens."""
    docs, mb = ctx.docs, ctx.mb
    actors = ctx.actors()
    tokens = tokenize_(docs)
    n_alias = sum(len(a) for a in actors.table["aliases"])
    say(
        f"[c] actor table: {len(actors)} actors, {n_alias} aliases (+ names), {len(actors.ambiguous())} shared spellings"
    )
    t_ours, (mentions, _), _ = measure(lambda: our_actor_mentions(tokens, actors, docs), ctx.reps)
    say(
        f"[c] ours find_mentions+actor_counts {mb / t_ours:7.2f} MB/s  ({t_ours:.2f} s, {len(mentions):,} mentions)"
    )
    out = {"ours": mb / t_ours}
    from analysis.quotes import find_quotes

    t_q, quotes, _ = measure(lambda: find_quotes(docs, tokens, mentions, actors=actors), ctx.reps)
    say(
        f"[c] ours find_quotes (info)         {mb / t_q:7.2f} MB/s  ({t_q:.2f} s, {len(quotes):,} quotes)"
    )
    t_e, edges, _ = measure(lambda: our_edges(mentions, docs), ctx.reps)
    if edges is not None:
        say(
            f"[c] ours comention_edges (info)     {mb / t_e:7.2f} MB/s  ({t_e:.2f} s, {len(edges):,} edges)"
        )
    return out


STREAM_CHUNKSIZE = 2000  # stream_analyze's default


def section_d(ctx: Ctx) -> dict:
    """The full pipeline in one process, corpus in memory; and stream_analyze on the same docs.

    Both are warmed up once and then timed alternately (in memory, streamed, in memory, ...),
    so that both see the same state of a shared machine; the ratio is of the two medians.
    stream_analyze reads the docs table in chunks of its default size (no file reading on
    either side) and computes the same tables (tokens, term frequency, themes, actors, edges),
    with its default workers (one process per usable CPU); its run in one process
    (``workers=1``) is timed in the same rounds and printed for information.
    """
    import warnings

    from analysis._parallel import usable_workers
    from analysis.stream import stream_analyze

    docs, mb = ctx.docs, ctx.mb
    codebook, _ = ctx.codebook()
    actors = ctx.actors()

    def in_memory():
        return full_pipeline(docs, codebook, actors)

    def streamed():
        return stream_analyze(
            docs, codebook=codebook, actors=actors, chunksize=STREAM_CHUNKSIZE, progress=False
        )

    def streamed_here():
        return stream_analyze(
            docs, codebook=codebook, actors=actors, chunksize=STREAM_CHUNKSIZE, progress=False,
            workers=1,
        )  # fmt: skip

    runs = {"in memory": in_memory, "streamed": streamed, "streamed, workers=1": streamed_here}
    times: dict[str, list[float]] = {label: [] for label in runs}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shared actor spellings: expected on this corpus
        for fn in runs.values():  # warm-up: imports, caches, allocator
            fn()
        for _ in range(max(ctx.reps, 3)):
            for label, fn in runs.items():
                t = time.perf_counter()
                fn()
                times[label].append(time.perf_counter() - t)
    m_mem, m_stream, m_here = (statistics.median(t) for t in times.values())
    say(
        f"[d] ours full pipeline (in memory)  {mb / m_mem:7.2f} MB/s  ({m_mem:.2f} s: tokens, term frequency, themes, actors, edges)"
    )
    say(
        f"[d] stream_analyze, chunks of {STREAM_CHUNKSIZE}   {mb / m_stream:7.2f} MB/s  ({m_stream:.2f} s, "
        f"workers=None: {usable_workers()} processes): {m_mem / m_stream:.2f}x the in-memory throughput"
    )
    say(
        f"[d] (info) stream_analyze, workers=1  {mb / m_here:7.2f} MB/s  ({m_here:.2f} s): "
        f"{m_mem / m_here:.2f}x the in-memory throughput"
    )
    say(
        "[d]   times of the alternating runs: "
        + "; ".join(f"{label} {', '.join(f'{t:.2f}' for t in ts)}" for label, ts in times.items())
    )
    return {"ours": mb / m_mem, "stream": mb / m_stream, "stream_one_process": mb / m_here}


def partitioned_parquet(docs: pd.DataFrame, path: Path, rows: int, copies: int = 1) -> Path:
    """Write ``docs`` (``copies`` times, doc_ids suffixed) with ``rows`` rows per row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    base = docs.drop(columns=[c for c in ("sha256",) if c in docs.columns])
    with pq.ParquetWriter(path, pa.Table.from_pandas(base, preserve_index=False).schema) as w:
        for k in range(copies):
            part = base if copies == 1 else base.assign(doc_id=base["doc_id"] + f"~{k}")
            w.write_table(pa.Table.from_pandas(part, preserve_index=False), row_group_size=rows)
    return path


def section_e(ctx: Ctx) -> dict:
    """Dask with 2 worker processes vs one process, full pipeline from Parquet.

    Both sides run the same per-chunk code on the same pieces: the Parquet file is written
    with one row group per piece, Dask reads one partition per row group, and the single
    process streams it with ``chunksize`` = rows per row group. Both are warmed up once, then
    timed alternately (one process, Dask, one process, ...), so that both see the same state of
    a shared machine; the ratio is of the two medians. The cluster is the documented one
    (:func:`analysis.scale.local_cluster`); a plain ``LocalCluster`` with Dask's default worker
    settings is measured too, for comparison.
    """
    from dask.distributed import Client, LocalCluster

    from analysis.scale import dask_analyze, local_cluster
    from analysis.stream import stream_analyze

    docs, mb = ctx.docs, ctx.mb
    codebook, _ = ctx.codebook()
    actors = ctx.actors()
    opts = {
        "codebook": codebook,
        "actors": actors,
        "by": "group" if "group" in docs.columns else None,
    }
    reps = max(ctx.reps, 5)
    layouts = {}
    for n_parts in (2, 4):
        rows = -(-len(docs) // n_parts)
        path = partitioned_parquet(docs, ctx.workdir / f"parts{n_parts}.parquet", rows)
        layouts[n_parts] = (rows, path)

    def one(n_parts: int):
        rows, path = layouts[n_parts]
        return stream_analyze(path, chunksize=rows, progress=False, workers=1, **opts)

    def two(n_parts: int):
        return dask_analyze(layouts[n_parts][1], **opts)

    def alternate(n_parts: int, label: str) -> dict:
        first, second = one(n_parts), two(n_parts)  # warm-up: imports, caches, worker heaps
        same = all(
            getattr(first, f).equals(getattr(second, f))
            for f in ("term_frequency", "theme_matrix", "actor_counts", "comention_edges")
        )
        t_one, t_two = [], []
        for _ in range(reps):
            for fn, times in ((one, t_one), (two, t_two)):
                t = time.perf_counter()
                fn(n_parts)
                times.append(time.perf_counter() - t)
        m_one, m_two = statistics.median(t_one), statistics.median(t_two)
        rows = layouts[n_parts][0]
        say(
            f"[e] {n_parts} pieces of {rows} docs: 1 process (stream_analyze) {mb / m_one:6.2f} MB/s "
            f"({m_one:.2f} s), {label} {mb / m_two:6.2f} MB/s ({m_two:.2f} s): "
            f"{m_one / m_two:.2f}x; tables equal: {same}"
        )
        say(
            f"[e]   times of the {reps} alternating runs: 1 process "
            f"{', '.join(f'{t:.2f}' for t in t_one)}; Dask {', '.join(f'{t:.2f}' for t in t_two)}"
        )
        return {"one": mb / m_one, "two": mb / m_two, "equal": same}

    out = {}
    t0 = time.perf_counter()
    with local_cluster(2, dashboard_address=None) as cluster, Client(cluster):
        say(f"[e] local_cluster(2) up in {time.perf_counter() - t0:.1f} s")
        for n_parts in layouts:
            out[str(n_parts)] = alternate(n_parts, "Dask local_cluster(2)")
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        default = alternate(2, "Dask LocalCluster(2 workers, Dask's default worker settings)")
    out["2"].update(one_default=default["one"], two_default=default["two"])
    return out


def stream_child(source: Path, ctx_data: Path, workdir: Path, by: str | None) -> dict:
    """One streaming run in a fresh process (default workers): wall time and peak RSS of the
    process tree (this process and its worker processes, summed)."""
    from analysis._parallel import usable_workers
    from analysis.stream import stream_analyze

    codebook, _ = load_bench_codebook(ctx_data / "codebook.yml", workdir)
    actors = load_bench_actors(ctx_data / "actors.csv", workdir)
    t = time.perf_counter()
    with PeakRSS(interval=0.01, tree=True) as mem:
        res = stream_analyze(
            source, codebook=codebook, actors=actors, by=by, chunksize=1000, progress=False,
            hits_path=workdir / "hits.parquet", mentions_path=workdir / "mentions.parquet",
        )  # fmt: skip
    dt = time.perf_counter() - t
    return {
        "seconds": dt,
        "maxrss": mem.peak_mb,
        "maxrss_main": maxrss_mb(),
        "n_docs": res.n_docs,
        "workers": usable_workers(),
    }


def section_f(ctx: Ctx) -> dict:
    """Streaming peak RSS (the process and its workers, summed) on the corpus and on a 5x copy."""
    docs = ctx.docs
    big = partitioned_parquet(docs, ctx.workdir / "corpus_x5.parquet", len(docs), copies=5)
    by = "group" if "group" in docs.columns else None
    out = {}
    for label, src, mb in [("1x", ctx.data / "corpus.parquet", ctx.mb), ("5x", big, 5 * ctx.mb)]:
        r = run_child("stream", ctx.data, ctx.reps, ["--source", str(src), "--by", by or ""])
        say(
            f"[f] stream_analyze {label} ({mb:.0f} MB, {r['n_docs']:,} docs, chunks of 1000, "
            f"{r['workers']} worker processes): peak RSS {r['maxrss']:.0f} MB (process tree; "
            f"main process alone {r['maxrss_main']:.0f} MB), {mb / r['seconds']:.2f} MB/s"
        )
        out[label] = r
    out["ratio"] = out["5x"]["maxrss"] / out["1x"]["maxrss"]
    say(f"[f] peak RSS (process tree) 5x / 1x = {out['ratio']:.2f}")
    return out


def mem_child(method: str, ctx: Ctx) -> dict:
    with PeakRSS() as mem:
        MEM_METHODS[method](ctx)
    return {"delta": mem.delta_mb, "maxrss": maxrss_mb()}


def section_mem(ctx_data: Path, reps: int) -> dict:
    """Peak memory of each method, each in a fresh process."""
    out = {}
    for method in MEM_METHODS:
        r = run_child("mem", ctx_data, reps, ["--method", method])
        out[method] = r
        say(
            f"[m] {method:<40} peak RSS {r['maxrss']:6.0f} MB  (+{r['delta']:.0f} MB over the loaded corpus)"
        )
    return out


def section_s(ctx: Ctx) -> dict:
    """One document of 50 MB: every per-document step must stay linear in document length.

    The whole corpus joined into ONE document (paragraphs separated by line breaks) against the
    same text as its 15,957 documents: boilerplate cleaning, tokenize, theme coding, actor
    mentions, quotes and theme KWIC. A quadratic step would make the one-document run many
    times slower (issue 15 measured find_quotes at 80 s for one 8 MB document); the target is
    at least half the multi-document throughput, with the peak RSS growth printed.
    """
    import pandas as pd

    from analysis.actors import find_mentions
    from analysis.boilerplate import clean_boilerplate
    from analysis.quotes import find_quotes
    from analysis.themes import code_themes, theme_kwic

    codebook = ctx.codebook()[0]
    actors = ctx.actors()
    one = pd.DataFrame({"doc_id": ["one"], "text": ["\n".join(ctx.texts)]})
    first_theme = next(iter(codebook.themes))

    def steps(docs):
        docs = clean_boilerplate(docs)[0]
        tokens = tokenize_(docs)
        hits = code_themes(tokens, codebook, docs=docs)
        mentions = find_mentions(tokens, actors, docs=docs)
        quotes = find_quotes(docs, tokens, mentions, actors=actors)
        kwic = theme_kwic(hits, first_theme, docs=docs)
        return len(tokens), len(hits), len(quotes), len(kwic)

    out = {}
    for name, docs in (("many", ctx.docs[["doc_id", "text"]]), ("one", one)):
        t, counts, rss = measure(lambda docs=docs: steps(docs), 1)
        out[name], out[f"{name}_rss"] = ctx.mb / t, rss
        say(
            f"[s] {name:>4} document(s): {ctx.mb / t:6.2f} MB/s ({t:.1f} s; tokens, hits, quotes, "
            f"kwic = {', '.join(f'{c:,}' for c in counts)}; peak RSS +{rss:.0f} MB)"
        )
    return out


SECTION_FUNCS = {
    "a": section_a,
    "b": section_b,
    "c": section_c,
    "d": section_d,
    "e": section_e,
    "f": section_f,
    "s": section_s,
}


# --------------------------------------------------------------------------------------------
# driver


def run_child(section: str, data: Path, reps: int, extra: list[str] | None = None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    cmd = [
        sys.executable,
        __file__,
        "--child",
        section,
        "--data",
        str(data),
        "--reps",
        str(reps),
        "--json",
        str(out),
    ]
    subprocess.run(cmd + (extra or []), check=True)
    try:
        return json.loads(out.read_text())
    finally:
        out.unlink(missing_ok=True)


def profile(data: Path, workdir: Path) -> None:
    from pyinstrument import Profiler

    ctx = Ctx(data, 1, workdir)
    codebook, _ = ctx.codebook()
    actors = ctx.actors()
    full_pipeline(ctx.docs, codebook, actors)  # warm caches (Punkt parameters, imports)
    prof = Profiler(interval=0.001)
    prof.start()
    full_pipeline(ctx.docs, codebook, actors)
    prof.stop()
    print(prof.output_text(unicode=False, color=False, show_all=False, short_mode=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument(
        "--sections",
        default=SECTIONS + "m",
        help="sections to run, e.g. a,b; m = per-method memory (default all)",
    )
    ap.add_argument("--reps", type=int, default=3, help="repetitions for the cheap measurements")
    ap.add_argument(
        "--data", type=Path, default=None, help="benchmark folder (default ../shared/bench)"
    )
    ap.add_argument(
        "--synthetic",
        type=float,
        default=None,
        metavar="MB",
        help="use a seeded synthetic set of this size",
    )
    ap.add_argument(
        "--profile", action="store_true", help="profile the full pipeline with pyinstrument"
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--method", help=argparse.SUPPRESS)
    ap.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--by", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        workdir = Path(tmp)
        if args.child:
            if args.child == "stream":
                result = stream_child(args.source, args.data, workdir, args.by or None)
            else:
                ctx = Ctx(args.data, args.reps, workdir)
                result = (
                    mem_child(args.method, ctx)
                    if args.child == "mem"
                    else SECTION_FUNCS[args.child](ctx)
                )
            args.json.write_text(json.dumps(result))
            return 0

        data = args.data
        if data is None and args.synthetic is None and (BENCH / "corpus.parquet").is_file():
            data = BENCH
        if data is None:
            from synthetic import write_synthetic

            mb = args.synthetic or 20.0
            say(f"{BENCH} not found: generating a seeded synthetic set of ~{mb:g} MB")
            data = write_synthetic(workdir / "synthetic", mb=mb)
        say(f"benchmark data: {data}")
        if args.profile:
            profile(data, workdir)
            return 0
        say(
            f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; MB/s = 10^6 bytes of UTF-8 text per second"
        )
        results = {}
        t0 = time.perf_counter()
        for s in SECTIONS + "m":
            if s not in args.sections:
                continue
            if s == "m":
                results["m"] = section_mem(data, args.reps)
            else:
                try:
                    results[s] = run_child(s, data, args.reps)
                except subprocess.CalledProcessError as err:
                    say(f"[{s}] FAILED (exit status {err.returncode}); see the traceback above")
        print_summary(results)
        say(f"total bench time {time.perf_counter() - t0:.0f} s")
    return 0


def print_summary(r: dict) -> None:
    rows = []

    def row(section, ours, peer, peer_value, target, unit="MB/s"):
        ratio = ours / peer_value if peer_value else float("nan")
        rows.append(
            (
                section,
                f"{ours:.2f}",
                peer,
                f"{peer_value:.2f}",
                f"{ratio:.2f}x",
                f">= {target:g}x",
                "yes" if ratio >= target else "NO",
            )
        )

    cv = r.get("a", {}).get("cv")
    if "a" in r:
        a = r["a"]
        row("a tokens+tf", a["ours"], "CountVectorizer", a["cv"], 1.0)
        row("a tokens+tf", a["ours"], "RegexpTokenizer+FreqDist", a["nltk"], 4.0)
    if "b" in r:
        b = r["b"]
        row("b themes (scope=key)", b["ours"], "regex per pattern", b["per_pattern"], 100)
        row("b themes (scope=all)", b["ours_all"], "one alternation regex", b["alternation"], 2)
        row("b themes (scope=all)", b["ours_all"], "pyahocorasick longest", b["aho"], 1.0)
    if "c" in r and cv:
        # issue 12: actor mentions at least 4x CountVectorizer's throughput
        row("c actors", r["c"]["ours"], "CountVectorizer", cv, 4.0)
    if "d" in r and cv:
        row("d full pipeline", r["d"]["ours"], "CountVectorizer", cv, 0.75)
    if "d" in r and "stream" in r["d"]:
        row("d stream_analyze", r["d"]["stream"], "in-memory full pipeline", r["d"]["ours"], 0.8)
    if "d" in r and "stream_one_process" in r["d"]:
        d = r["d"]
        say(
            f"(d stream_analyze with workers=1, for information: {d['stream_one_process']:.2f} MB/s, "
            f"{d['stream_one_process'] / d['ours']:.2f}x the in-memory full pipeline)"
        )
    if "s" in r:
        row("s one 50 MB document", r["s"]["one"], "same text, many docs", r["s"]["many"], 0.5)
    if "e" in r:
        e = r["e"]["2"]
        row("e Dask 2 workers", e["two"], "1 process, same chunks", e["one"], 1.6)
        if "two_default" in e:
            say(
                f"(e with Dask's default worker settings, MALLOC_TRIM_THRESHOLD_=65536: "
                f"{e['two_default']:.2f} MB/s, {e['two_default'] / e['one_default']:.2f}x)"
            )
    if "f" in r:
        f = r["f"]
        ratio = f["ratio"]
        rows.append(
            (
                "f stream peak RSS (tree)",
                f"{f['5x']['maxrss']:.0f} MB (5x)",
                "same, 1x corpus",
                f"{f['1x']['maxrss']:.0f} MB",
                f"{ratio:.2f}x",
                "<= 1.2x",
                "yes" if ratio <= 1.2 else "NO",
            )
        )
    header = ("section", "ours MB/s", "peer", "peer MB/s", "ratio", "target", "met")
    widths = [max(len(str(x[i])) for x in [header, *rows]) for i in range(len(header))]
    say("")
    say("SUMMARY")
    for line in [header, tuple("-" * w for w in widths), *rows]:
        say("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)))


if __name__ == "__main__":
    sys.exit(main())
