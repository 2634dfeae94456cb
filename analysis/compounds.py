"""Actors inside hyphenated compounds: "ASEAN-China cooperation", "the Vietnam-China
agreement", "Indonesia-Viet Nam Exclusive Economic Zone", "US-led coalition".

:func:`analysis.actors.find_mentions` (``compounds=True``, the default) adds a mention for
every part of a hyphenated token whose parts are all capitalised (or one of
:data:`ACTOR_SUFFIXES`) and that is the one-word name or alias of exactly one actor
(:func:`compound_mentions`). Beside such a part, a part that is the first word of a
multi-word name or alias continues into the next tokens ("Indonesia-Viet Nam": "Viet Nam"),
and a part that is its last word continues back ("Viet Nam-Indonesia"); not in a compound
with no one-word actor ("the New York-Pennsylvania League"). A compound that names two actors
states a relation between them ("a Singapore-Malaysia operation"), so its parts are never read
as places (:func:`bilateral_mask`). Term frequency keeps the compound as one word.

The compound rules look at the vocabulary once (per new token type, cached on the actor
table) and then only at the occurrences of the candidate types.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.text import fold
from analysis.token_context import TokenContext, TypeCache, covered_keys, in_sorted, type_strings

__all__ = ["ACTOR_SUFFIXES", "compound_mentions", "bilateral_mask"]

#: Lower-case parts of a compound that keep the actor an actor: "ASEAN-related mechanisms",
#: "US-led coalition" (not "China-based", which locates).
ACTOR_SUFFIXES: frozenset[str] = frozenset({
    "related", "led", "backed", "brokered", "sponsored", "funded", "initiated", "hosted",
    "chaired", "proposed", "owned", "run", "controlled", "linked", "allied", "aligned",
    "mediated", "organised", "organized",  # "UAE-mediated exchange" (set 5)
    # "the junta-appointed attorney general", "a Kremlin-installed governor" (set 15)
    "appointed", "installed", "nominated", "imposed", "supported", "financed",
    "wide",  # "an ASEAN-wide fast lane" (the references of sets 57-64 count ASEAN)
})  # fmt: skip
# the characters themselves, not "\\u" escapes: pandas hands the pattern to Arrow's RE2, which
# in older pyarrow releases reads no such escapes (found by make test-min)
_HYPHENS = re.compile("[-\u2010\u2011\u2013]")

# per hyphenated type: one-word hits (start, end, actor), parts that open a multi-word
# spelling (start, [(rest words, actor)]) and parts that close one (end, [(words before, actor)])
_Parts = tuple[
    list[tuple[int, int, str]],
    list[tuple[int, list[tuple[tuple[str, ...], str]]]],
    list[tuple[int, list[tuple[tuple[str, ...], str]]]],
]


def _compound_types(
    types: pd.Index, one: dict[str, str], multi: tuple[dict, dict, set], fold_case: bool,
    fold_diacritics: bool,
) -> dict[int, _Parts]:  # fmt: skip
    """For every hyphenated type of capitalised parts: its one-word hits (``one``) and its
    parts that open (last part) or close (first part) a multi-word spelling (``multi``)."""
    # on the categories as stored (Arrow-backed strings scan fast)
    hyphenated = np.flatnonzero(
        np.asarray(types.str.contains(_HYPHENS.pattern, regex=True), dtype=bool)
    )
    by_first, by_last, lower_spelled = multi
    out = {}
    for code, written in zip(hyphenated.tolist(), types.take(hyphenated).tolist(), strict=True):
        parts = _HYPHENS.split(written)
        # a spelling the table writes in lower case ("junta") before a suffix of
        # :data:`ACTOR_SUFFIXES`: "the junta-appointed attorney general" (set 15)
        lower = len(parts) == 2 and parts[1] in ACTOR_SUFFIXES and parts[0] in lower_spelled
        if len(parts) < 2 or not (
            lower or all(x[:1].isupper() or x in ACTOR_SUFFIXES for x in parts)
        ):
            continue
        hits, tails, heads = [], [], []
        pos = 0
        for n, x in enumerate(parts):
            f = fold(x, case=fold_case, diacritics=fold_diacritics)
            f = f[:-2] if f.endswith(("'s", "’s")) else f
            if f in one:
                hits.append((pos, pos + len(x), one[f]))
            elif n == len(parts) - 1 and f in by_first:
                tails.append((pos, by_first[f]))  # "Indonesia-Viet" + "Nam"
            elif n == 0 and f in by_last:
                heads.append((len(x), by_last[f]))  # "Viet" + "Nam-Indonesia"
            pos += len(x) + 1
        if hits or tails or heads:
            out[code] = (hits, tails, heads)
    return out


def _spellings(act: Actors, fold_case: bool, fold_diacritics: bool) -> tuple[dict, tuple]:
    """One-word spellings of exactly one actor, and multi-word ones by first and last word."""
    cache_key = ("compound spellings", fold_case, fold_diacritics)
    got = act._cache.get(cache_key)
    if got is not None:
        return got
    p = act.patterns()
    p = p[p["condition"].eq("none") & p["via"].isin(("name", "alias"))]
    spelled: dict[str, set[str]] = {}
    for actor_id, pattern in zip(p["actor_id"], p["pattern"], strict=True):
        if pattern.startswith("regex:") or "*" in pattern or "?" in pattern:
            continue
        f = " ".join(fold(pattern.strip(), case=fold_case, diacritics=fold_diacritics).split())
        if f and not _HYPHENS.search(f):
            spelled.setdefault(f, set()).add(actor_id)
    unique = {k: next(iter(v)) for k, v in spelled.items() if len(v) == 1}
    one = {k: v for k, v in unique.items() if " " not in k}
    # the one-word spellings the table writes in lower case, as written ("junta")
    lower_spelled = {
        w
        for w in (str(x).strip() for x in p["pattern"])
        if w.isalpha()
        and w.islower()
        and fold(w, case=fold_case, diacritics=fold_diacritics) in unique
    }
    by_first: dict[str, list] = {}
    by_last: dict[str, list] = {}
    for k, v in unique.items():
        words = tuple(k.split())
        if 2 <= len(words) <= 4:
            by_first.setdefault(words[0], []).append((words[1:], v))
            by_last.setdefault(words[-1], []).append((words[:-1], v))
    got = act._cache[cache_key] = (one, (by_first, by_last, lower_spelled))
    return got


def _words_at(ctx: TokenContext, d: int, toks: range, fc: bool, fd: bool) -> tuple[str, ...]:
    """The folded tokens ``toks`` of document ``d`` ("" outside the document)."""
    r = ctx.rows(np.full(len(toks), d), np.asarray(list(toks)))
    if (r < 0).any():
        return ("",) * len(toks)
    return tuple(
        fold(w, case=fc, diacritics=fd) for w in type_strings(ctx.tok_types, ctx.tok_codes[r])
    )


#: Compounds that name a policy, not the actor in them: "the One-China policy".
_FIXED_PREFIXES = ("one-",)


def compound_mentions(
    tokens: pd.DataFrame, named: pd.DataFrame, act: Actors, ctx: TokenContext, fold_case: bool,
    fold_diacritics: bool, docs: pd.DataFrame | None,
) -> pd.DataFrame:  # fmt: skip
    """Mentions inside hyphenated compounds ("ASEAN-China", "Vietnam-China", "Indonesia-Viet
    Nam"): every part that is the name or alias of exactly one actor, when all parts are
    capitalised and the token is not already inside a mention."""
    one, multi = _spellings(act, fold_case, fold_diacritics)
    per_type = act._cache.setdefault(("compound types", fold_case, fold_diacritics), TypeCache())
    token_cats = tokens["token"].cat.categories
    hits_of = per_type.update(
        token_cats, lambda types: _compound_types(types, one, multi, fold_case, fold_diacritics)
    )
    if not hits_of:
        return named.iloc[:0]
    is_cand = np.zeros(len(token_cats), bool)
    is_cand[list(hits_of)] = True
    rows_i = np.flatnonzero(is_cand[ctx.tok_codes])
    docs_c = tokens["doc_id"].cat.codes.to_numpy()[rows_i].astype(np.int64)
    toks_c = tokens["tok"].to_numpy()[rows_i].astype(np.int64)
    width = int(ctx.tok.max(initial=0)) + 8
    cov = covered_keys(named, width)
    inside = in_sorted(docs_c * width + toks_c, cov)
    starts = tokens["start"].to_numpy()[rows_i]
    sents = tokens["sent"].to_numpy()[rows_i]
    t_start, t_end = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    out = []
    free = np.flatnonzero(~inside)
    codes = ctx.tok_codes[rows_i[free]]
    pending: list[
        tuple
    ] = []  # (row j, start in token, words, actor, forward?) of multi-word spellings
    for j, code, w in zip(
        free.tolist(), codes.tolist(), type_strings(token_cats, codes), strict=True
    ):
        d, t, s0 = int(docs_c[j]), int(toks_c[j]), int(starts[j])
        hits, tails, heads = hits_of[code]
        if w.lower().startswith(_FIXED_PREFIXES):
            continue  # "the One-China policy": a policy's name (held-out set 30)
        for a, b, actor_id in hits:
            out.append((d, int(sents[j]), s0 + a, s0 + b, w[a:b], actor_id, t, 1))
        if not hits:
            continue  # "New York-Pennsylvania League": a multi-word part only beside an actor
        pending.extend((j, a, rest, actor_id, True) for a, opts in tails for rest, actor_id in opts)
        pending.extend((j, b, pre, actor_id, False) for b, opts in heads for pre, actor_id in opts)
    if pending:
        # the word next to the hyphenated token, for every candidate at once
        j_arr = np.array([p[0] for p in pending])
        fwd = np.array([p[4] for p in pending])
        near = ctx.norm(docs_c[j_arr], toks_c[j_arr] + np.where(fwd, 1, -1))
        done: set[tuple[int, bool]] = set()
        for (j, x, words, actor_id, forward), w1 in zip(pending, near.tolist(), strict=True):
            if (j, forward) in done or w1.lower() != (words[0] if forward else words[-1]).lower():
                continue
            d, t, s0 = int(docs_c[j]), int(toks_c[j]), int(starts[j])
            span = range(t + 1, t + 1 + len(words)) if forward else range(t - len(words), t)
            if _words_at(ctx, d, span, fold_case, fold_diacritics) != words:
                continue
            if in_sorted(d * width + np.asarray(list(span), np.int64), cov).any():
                continue
            r = ctx.rows(np.array([d, d]), np.array([span[0], span[-1]]))
            a, b = (s0 + x, int(t_end[r[1]])) if forward else (int(t_start[r[0]]), s0 + x)
            written = type_strings(ctx.tok_types, ctx.tok_codes[r[0] : r[1] + 1])
            w = str(type_strings(token_cats, ctx.tok_codes[[rows_i[j]]])[0])
            shown = " ".join([w[x:], *written] if forward else [*written, w[:x]])
            first = t if forward else span[0]
            out.append((d, int(sents[j]), a, b, shown, actor_id, first, 1 + len(words)))
            done.add((j, forward))
    if not out:
        return named.iloc[:0]
    cols = ["code", "sent", "start", "end", "matched", "actor_id", "tok", "n_tok"]
    df = pd.DataFrame(out, columns=cols)
    df["doc_id"] = pd.Categorical.from_codes(df.pop("code"), dtype=tokens["doc_id"].dtype)
    df["via"] = "compound"
    df["key"] = df["actor_id"] + "|compound"
    df["pattern"] = df["matched"]
    return df


def bilateral_mask(named: pd.DataFrame) -> np.ndarray:
    """True for compound mentions joined by a hyphen to a compound mention of another actor
    ("arrested in a Singapore-Malaysia operation"): a relation of two actors, which the place
    rules leave alone."""
    out = np.zeros(len(named), bool)
    comp = np.flatnonzero((named["via"] == "compound").to_numpy(bool))
    if len(comp) < 2:
        return out
    sub = named.iloc[comp]
    order = np.lexsort((sub["start"].to_numpy(), sub["doc_id"].cat.codes.to_numpy()))
    idx = comp[order]
    d = named["doc_id"].cat.codes.to_numpy()[idx]
    s, e = named["start"].to_numpy()[idx], named["end"].to_numpy()[idx]
    a = named["actor_id"].to_numpy(object)[idx]
    joined = (d[1:] == d[:-1]) & (s[1:] == e[:-1] + 1) & (a[1:] != a[:-1])
    out[idx[1:][joined]] = True
    out[idx[:-1][joined]] = True
    return out
