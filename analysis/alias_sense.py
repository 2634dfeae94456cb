"""One sense per document for a spelling shared by several actors (issue 12, wave 6).

:func:`analysis.actors.find_mentions` resolves a shared spelling ("AGC" for Malaysia's and
Singapore's Attorney-General's Chambers) by the context named nearest to each occurrence. In
a text on one of them that also names the other's people, a later bare "The AGC said …" can
sit nearer to the other's attorney-general than to anything of its own, although the writer
means the body introduced first ("hosted by the Attorney-General's Chambers (AGC)", held-out
set 10). :func:`first_sense` gives such later occurrences the actor of the first one, unless
their own context is close by. :func:`sentence_tie_sense` gives an occurrence whose own
sentence names the countries of two candidates ("Việt Nam and China share a border, …
according to the Ministry of Public Security") to the one the document names most (set 19).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.text import fold
from analysis.token_context import TokenContext

__all__ = [
    "NEAR_CHARS",
    "shared_spellings",
    "first_sense",
    "other_body",
    "resolve_by_own_place",
    "resolve_by_place_after",
    "sentence_tie_sense",
]

#: A later occurrence whose licensing context is named within this many characters keeps its
#: own resolution ("In Vietnam, the SPP …" right after a text on China's SPP).
NEAR_CHARS: int = 200


def shared_spellings(
    candidates: dict[str, list[tuple[str, str, str]]],
) -> dict[str, list[tuple[str, str, str]]]:
    """The entries of ``candidates`` (spelling key -> ``(actor, via, context)`` candidates)
    whose spelling belongs to more than one actor: the ones context has to resolve."""
    return {k: v for k, v in candidates.items() if len({a for a, _, _ in v}) > 1}


def _shared_alias_rows(
    extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]]
) -> tuple[dict[str, list[tuple[str, str, str]]], np.ndarray]:
    """The shared spellings of ``candidates`` and the rows of ``extra`` matched by one of them
    as an alias (none when no spelling is shared)."""
    shared = shared_spellings(candidates)
    if not shared:
        return shared, np.zeros(0, np.int64)
    alias = (extra["via"] == "alias").to_numpy(bool)
    return shared, np.flatnonzero(alias & extra["key"].isin(list(shared)).to_numpy(bool))


def first_sense(
    extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]]
) -> pd.DataFrame:
    """``extra`` (licensed stage-2 matches with ``actor_id``, ``via``, ``context_id`` and
    ``distance``) with each shared alias after its first occurrence in a document resolved
    as that first occurrence, when its own context is farther than :data:`NEAR_CHARS` and
    the first occurrence's actor is one of its candidates."""
    if extra.empty:
        return extra
    shared = shared_spellings(candidates)
    if not shared:
        return extra
    cand = (extra["via"] == "alias").to_numpy(bool) & extra["key"].isin(list(shared)).to_numpy()
    if cand.sum() < 2:
        return extra
    rows_all = np.flatnonzero(cand)
    doc = extra["doc_id"].array.codes[rows_all].astype(np.int64)
    key, _ = pd.factorize(extra["key"].to_numpy(object)[rows_all])
    start = extra["start"].to_numpy()[rows_all]
    order = np.lexsort((start, key, doc))
    doc, key = doc[order], key[order]
    sorted_rows = rows_all[order]
    actor = extra["actor_id"].to_numpy(object)[sorted_rows]
    opens = np.ones(len(order), bool)
    opens[1:] = (doc[1:] != doc[:-1]) | (key[1:] != key[:-1])
    dist = extra["distance"].to_numpy()[sorted_rows]
    # an occurrence qualified by the name right before it ("Singapore's AGC") sets no sense
    # for the bare ones after it: the writer names the other body in passing (wave 20, set 83)
    context = extra["context_id"].to_numpy(object)[sorted_rows]
    leads = (dist > _QUALIFIED) | (context == actor)
    group_first = np.maximum.accumulate(np.where(opens, np.arange(len(order)), 0))
    first_lead = np.where(leads, np.arange(len(order)), len(order))
    for i in range(len(order) - 2, -1, -1):  # the first leading row at or after each row
        if not opens[i + 1]:
            first_lead[i] = min(first_lead[i], first_lead[i + 1])
    leader = first_lead[group_first]
    leader = np.where(leader < len(order), leader, group_first)
    first_actor = actor[leader]
    change = (first_actor != actor) & (dist > NEAR_CHARS) & (np.arange(len(order)) > leader)
    if not change.any():
        return extra
    rows = sorted_rows[change]
    new = first_actor[change]
    keys = extra["key"].to_numpy(object)[rows]
    ok = np.array(
        [any(a == n for a, _, _ in candidates[k]) for k, n in zip(keys, new, strict=True)], bool
    )
    if not ok.any():
        return extra
    out = extra.copy()
    col = out.columns.get_loc("actor_id")
    out.iloc[rows[ok], col] = new[ok]
    out.iloc[rows[ok], out.columns.get_loc("context_id")] = new[ok]
    return out


# characters between a name and the alias it qualifies: "Malaysia's AGC", "China's the MPS"
_ADJACENT = 5
# characters from the start of a qualifying name to the alias ("Singapore's AGC": 12)
_QUALIFIED = 20


def sentence_tie_sense(
    extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]], act: Actors,
    named: pd.DataFrame,
) -> pd.DataFrame:  # fmt: skip
    """``extra`` with a shared alias whose own sentence names the countries of two or more of
    its candidates (and none of the candidate bodies, nor any name right before the alias)
    given to the candidate whose country and body the document names most often (unchanged
    on a tie): in "Việt Nam and China share a border, and … have risen, according to the
    Ministry of Public Security" the country named last is no cue, while a Vietnamese agency's
    report that names Việt Nam throughout means Việt Nam's ministry (held-out set 19). Later
    cues (an adjective, "of <country>", a definition) still decide."""
    if extra.empty or named.empty:
        return extra
    shared, rows = _shared_alias_rows(extra, candidates)
    if not len(rows):
        return extra
    aff = act.affiliations
    ids = {a for v in shared.values() for a, _, _ in v}
    ids |= {aff[a] for a in ids if isinstance(aff.get(a), str)}
    d_x = extra["doc_id"].array.codes.astype(np.int64)
    d_n = named["doc_id"].array.codes.astype(np.int64)
    s_x = extra["sent"].to_numpy().astype(np.int64)
    s_n = named["sent"].to_numpy().astype(np.int64)
    big = int(max(s_x.max(initial=0), s_n.max(initial=0))) + 1
    # cheap cuts first: the namings in the aliases' sentences, of the candidates and their
    # countries, two or more in one sentence
    at = np.flatnonzero(np.isin(d_n * big + s_n, d_x[rows] * big + s_x[rows]))
    at = at[named["actor_id"].iloc[at].isin(list(ids)).to_numpy(bool)]
    pairs, n_in = np.unique(d_n[at] * big + s_n[at], return_counts=True)
    rows = rows[np.isin(d_x[rows] * big + s_x[rows], pairs[n_in >= 2])]
    if not len(rows):
        return extra
    keep = np.flatnonzero(np.isin(d_n, d_x[rows]))
    keep = keep[named["actor_id"].iloc[keep].isin(list(ids)).to_numpy(bool)]
    # plain dicts over the few kept rows (a pandas groupby of sets is far slower)
    in_sent: dict[tuple[int, int], set[str]] = {}
    counts: dict[tuple[int, str], int] = {}
    for d, sent, a in zip(
        d_n[keep].tolist(), s_n[keep].tolist(), named["actor_id"].iloc[keep].tolist(), strict=True
    ):
        in_sent.setdefault((d, sent), set()).add(a)
        counts[(d, a)] = counts.get((d, a), 0) + 1
    sents = s_x
    keys = extra["key"].to_numpy(object)
    chosen = extra["actor_id"].to_numpy(object)
    change: dict[int, str] = {}
    for r in rows:
        d = int(d_x[r])
        there = in_sent.get((d, int(sents[r])))
        if not there or len(there) < 2:
            continue
        cands = {a for a, _, _ in shared[keys[r]]}
        tied = {a for a in cands if aff.get(a) in there}
        # a candidate body named in the sentence decides (held-out set 16)
        if len(tied) < 2 or chosen[r] not in tied or cands & there:
            continue
        score = {a: counts.get((d, str(aff.get(a))), 0) + counts.get((d, a), 0) for a in tied}
        best = max(score.values())
        winners = [a for a in tied if score[a] == best]
        if len(winners) == 1 and winners[0] != chosen[r]:
            change[int(r)] = winners[0]
    if not change:
        return extra
    # a name right before the alias decides too ("Malaysia's Attorney General's Chambers",
    # held-out set 12)
    at = np.array(sorted(change), np.int64)
    ends = named["end"].to_numpy().astype(np.int64)
    starts = extra["start"].to_numpy().astype(np.int64)[at]
    adjacent = [
        bool(((d_n == d_x[r]) & (ends <= s0) & (ends >= s0 - _ADJACENT)).any())
        for r, s0 in zip(at, starts, strict=True)
    ]
    at = at[~np.array(adjacent, bool)]
    if not len(at):
        return extra
    out = extra.copy()
    new = np.array([change[int(r)] for r in at], dtype=object)
    out.iloc[at, out.columns.get_loc("actor_id")] = new
    out.iloc[at, out.columns.get_loc("context_id")] = [aff.get(a) or a for a in new]
    return out


def lowercase_alias_mask(
    named: pd.DataFrame, affiliation: dict[str, str], countries: frozenset[str] | set[str]
) -> np.ndarray:
    """True for an organisation's alias written all in lower case where the table spells it
    with capitals ("staff of the interior ministry" for a tabled "Interior Ministry"), when its
    sentence names another of ``countries`` and not the organisation's affiliation: a
    description of that other country's body ("Algeria expelled the French officials, who
    included staff of the interior ministry, after France's …" is France's ministry, not
    Morocco's; held-out set 10). ``affiliation``: organisation -> its country."""
    out = np.zeros(len(named), bool)
    if named.empty or not affiliation or not countries:
        return out
    cand = (named["via"] == "alias").to_numpy(bool).copy()
    if cand.any():
        cand[cand] = named["actor_id"].iloc[np.flatnonzero(cand)].isin(list(affiliation)).to_numpy()
    idx = np.flatnonzero(cand)
    if not len(idx):
        return out
    # (strings on the candidate rows only)
    matched = named["matched"].iloc[idx].astype(str).to_numpy(object)
    pattern = named["pattern"].iloc[idx].astype(str).to_numpy(object)
    low = np.array(
        [
            m == m.lower() and p != p.lower() and " " in p
            for m, p in zip(matched, pattern, strict=True)
        ],
        bool,
    )
    idx = idx[low]
    if not len(idx):
        return out
    doc = named["doc_id"].cat.codes.to_numpy()
    sent = named["sent"].to_numpy()
    actor = named["actor_id"].to_numpy(object)
    # the actors named in the candidates' sentences only
    keys = set(zip(doc[idx].tolist(), sent[idx].tolist(), strict=True))
    near = np.flatnonzero(np.isin(doc, doc[idx]))
    in_sent: dict[tuple[int, int], set[str]] = {}
    for d, s_, a in zip(doc[near].tolist(), sent[near].tolist(), actor[near].tolist(), strict=True):
        if (d, s_) in keys:
            in_sent.setdefault((d, s_), set()).add(a)
    for i in idx.tolist():
        here = in_sent.get((int(doc[i]), int(sent[i])), set())
        own = affiliation[actor[i]]
        out[i] = own not in here and bool((here & set(countries)) - {own})
    return out


#: Words after a shared alias, in its sentence, looked at for the other body of a country.
OTHER_BODY_WINDOW: int = 8


def other_body(
    extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]], act: Actors,
    tokens: pd.DataFrame,
) -> pd.DataFrame:  # fmt: skip
    """``extra`` with a shared alias given to the other candidate where its own sentence names
    the chosen candidate's body apart, as its country's possessive and a lower-case word of
    that body's name: "Will the SPP cooperate with Vietnam's procuracy?" is not Việt Nam's SPP
    (held-out set 13: China's procuratorate asked about cooperation with Việt Nam's)."""
    if extra.empty:
        return extra
    shared = shared_spellings(candidates)
    if not shared:
        return extra
    rows = np.flatnonzero(extra["key"].isin(list(shared)).to_numpy(bool))
    if not len(rows):
        return extra
    codes = tokens["doc_id"].array.codes
    pos = tokens["tok"].to_numpy()
    sent = tokens["sent"].to_numpy()
    norm = tokens["norm"].array
    token = tokens["token"].array
    # cheap test first: a word of a candidate's name within the window after the alias
    key = ("body words of shared candidates", tuple(sorted(shared)))
    words = act._cache.get(key)
    if words is None:
        ids = {a for v in shared.values() for a, _, _ in v}
        t = act.table[act.table["id"].isin(list(ids))]
        words = act._cache[key] = {
            w
            for name, aliases in zip(t["name"], t["aliases"], strict=True)
            for s in [name, *(aliases or ())]
            for w in fold(s, case=True, diacritics=True).split()[-1:]
        }
    wc = norm.categories.get_indexer(sorted(words))
    if not (wc >= 0).any() or not len(codes):
        return extra
    lut = np.zeros(len(norm.categories) + 1, bool)
    lut[wc[wc >= 0]] = True
    d_all = extra["doc_id"].array.codes[rows].astype(np.int64)
    first = np.searchsorted(codes, d_all.astype(codes.dtype)).astype(np.int64)
    at = first + extra["tok"].to_numpy()[rows] + extra["n_tok"].to_numpy()[rows]
    near = np.zeros(len(rows), bool)
    for k in range(1, OTHER_BODY_WINDOW + 1):
        r_k = np.minimum(at + k, len(codes) - 1)
        hit = lut[norm.codes[r_k]] & (codes[r_k] == d_all)
        if hit.any():  # and a possessive right before the word
            prev = norm.codes[r_k[hit] - 1]
            u, inv = np.unique(prev, return_inverse=True)
            is_poss = np.array([str(norm.categories[c]).endswith(("'s", "’s")) for c in u], bool)
            hit[hit] = is_poss[inv]
        near |= hit
    rows = rows[near]
    if not len(rows):
        return extra
    table = act.table.set_index("id")
    ids = extra["actor_id"].to_numpy(object)
    keys = extra["key"].to_numpy(object)
    toks = extra["tok"].to_numpy()
    ntoks = extra["n_tok"].to_numpy()
    out = None
    for r in rows.tolist():
        a = ids[r]
        country = table["affiliation"].get(a)
        if not isinstance(country, str) or country not in table.index:
            continue
        others = {x for x, _, _ in shared[keys[r]] if x != a}
        if len(others) != 1:
            continue
        rec, crec = table.loc[a], table.loc[country]
        poss = {
            fold(x, case=True, diacritics=True) + suffix
            for x in [crec["name"], *(crec["aliases"] or ())]
            for suffix in ("'s", "’s")
        }
        body = {
            w
            for x in [rec["name"], *(rec["aliases"] or ())]
            for w in fold(x, case=True, diacritics=True).split()[-1:]
            if w.isalpha()
        }
        d = int(extra["doc_id"].array.codes[r])
        first = int(np.searchsorted(codes, d))
        at = first + int(toks[r]) + int(ntoks[r])
        hi = min(at + OTHER_BODY_WINDOW, len(codes) - 1)
        found = False
        for k in range(at, hi):
            if codes[k] != d or codes[k + 1] != d or sent[k] != sent[first + int(toks[r])]:
                break
            if pos[k] != k - first:
                break
            w = str(norm.categories[norm.codes[k]])
            two = str(norm.categories[norm.codes[k - 1]]) + " " + w if k > first else w
            nxt = str(token.categories[token.codes[k + 1]])
            if (w in poss or two in poss) and nxt.islower() and nxt in body:
                found = True
                break
        if found:
            if out is None:
                out = extra.copy()
            new = next(iter(others))
            out.iloc[r, out.columns.get_loc("actor_id")] = new
            out.iloc[r, out.columns.get_loc("context_id")] = new
            via = next(v for x, v, _ in shared[keys[r]] if x == new)
            out.iloc[r, out.columns.get_loc("via")] = via
    return extra if out is None else out


def resolve_by_own_place(
    m2: pd.DataFrame, extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]],
    act: Actors, ctx: TokenContext | None,
) -> pd.DataFrame:  # fmt: skip
    """A spelling shared by several actors goes to the candidate whose table name is that
    spelling "of" a place, when the place's words stand right before the spelling or after it
    with "of [the]": "the Department of Justice of the Hong Kong Special Administrative
    Region", "The Hong Kong DOJ" for the table's "Department of Justice of Hong Kong" (held-out
    set 20), whatever the context licensed (``extra`` is returned with those rows changed or
    added). Only one candidate may fit."""
    quals = _own_places(act, candidates)
    if not quals or m2.empty or ctx is None:
        return extra
    rows = m2[m2["key"].isin(list(quals))]
    if rows.empty:
        return extra
    d = rows["doc_id"].cat.codes.to_numpy().astype(np.int64)
    t = rows["tok"].to_numpy().astype(np.int64)
    e = t + rows["n_tok"].to_numpy().astype(np.int64)
    longest = max(len(w) for q in quals.values() for _, w in q)
    # the words around each match, read once as strings for these few rows
    before = [ctx.norm(d, t - k).astype(str) for k in range(longest, 0, -1)]
    after = [ctx.norm(d, e + k).astype(str) for k in range(longest + 2)]
    picked, hit = [], []
    for i, key in enumerate(rows["key"].tolist()):
        fits = []
        for (actor, via), words in quals[key]:
            n = len(words)
            pre = [fold(b[i], case=True, diacritics=True) for b in before[longest - n :]]
            nxt = [fold(a[i], case=True, diacritics=True) for a in after]
            skip = 2 if nxt[:2] == ["of", "the"] else 1
            if pre == list(words) or (nxt[0] == "of" and nxt[skip : skip + n] == list(words)):
                fits.append((actor, via))
        if len(fits) == 1:
            picked.append(fits[0])
            hit.append(i)
    if not hit:
        return extra
    chosen = rows.iloc[hit].copy()
    chosen["actor_id"] = [a for a, _ in picked]
    chosen["via"] = [v for _, v in picked]
    chosen["context_id"] = chosen["actor_id"]
    chosen["distance"] = np.zeros(len(chosen), np.int64)
    keep = extra.loc[~np.isin(_spans(extra), _spans(chosen))]
    return pd.concat([keep, chosen[list(extra.columns)]], ignore_index=True)


def _own_places(
    act: Actors, candidates: dict[str, list[tuple[str, str, str]]]
) -> dict[str, list[tuple[tuple[str, str], tuple[str, ...]]]]:
    """Shared spelling key -> ((actor, via), place words) of the candidates named
    "<one of their own spellings> of <place>"."""
    key = ("own places of shared candidates", tuple(sorted(candidates)))
    got = act._cache.get(key)
    if got is None:
        got = {}
        table = act.table.set_index("id")
        for k, v in candidates.items():
            if len({a for a, _, _ in v}) < 2:
                continue
            for a, via, _ in v:
                if a not in table.index:
                    continue
                name = str(table.loc[a, "name"])
                head, sep, place = name.rpartition(" of ")
                own = {fold(s, case=True, diacritics=True) for s in (table.loc[a, "aliases"] or ())}
                if sep and fold(head, case=True, diacritics=True) in own:
                    words = fold(place, case=True, diacritics=True).split()
                    if words and words[0] == "the":
                        words = words[1:]
                    if words:
                        got.setdefault(k, []).append(((a, via), tuple(words)))
        act._cache[key] = got
    return got


def _spans(df: pd.DataFrame) -> np.ndarray:
    """One integer per span: document, start and length (no document nears 2**21 characters)."""
    start = df["start"].to_numpy().astype(np.int64)
    length = df["end"].to_numpy().astype(np.int64) - start
    return (df["doc_id"].cat.codes.to_numpy().astype(np.int64) * 2**21 + start) * 2**21 + length


def resolve_by_place_after(
    extra: pd.DataFrame,
    candidates: dict[str, list[tuple[str, str, str]]],
    act: Actors,
    named: pd.DataFrame,
    ctx: TokenContext | None,
) -> pd.DataFrame:
    """``extra`` with a shared spelling right before "in" and a country's name or capital
    given to the candidate of that country: "a request … to the SPP in Beijing", "as the SPP in
    Hanoi already does", "the AGC in Singapore stressed" (wave 25: five such cases in the read
    references, each coded for the place's body), whatever was named nearest. Only one
    candidate may fit."""
    if extra.empty or named.empty or ctx is None:
        return extra
    shared, rows = _shared_alias_rows(extra, candidates)
    if not len(rows):
        return extra
    d = extra["doc_id"].array.codes.astype(np.int64)[rows]
    e = (extra["tok"].to_numpy() + extra["n_tok"].to_numpy()).astype(np.int64)[rows]
    has_in = ctx.norm(d, e).astype(str) == "in"
    rows, d, e = rows[has_in], d[has_in], e[has_in]
    if not len(rows):
        return extra
    # the country mentions starting right after "in", found by one search over their sorted
    # (document, token) keys (not a Python look-up table of every country mention)
    countries = act.table["id"][act.table["type"] == "country"].tolist()
    at = np.flatnonzero(named["actor_id"].isin(countries).to_numpy(bool))
    width = int(max(named["tok"].max(), e.max())) + 2
    have = named["doc_id"].array.codes.astype(np.int64)[at] * width + named["tok"].to_numpy()[at]
    order = np.argsort(have, kind="stable")
    have = have[order]
    want = d * width + e + 1
    pos = np.searchsorted(have, want)
    found = pos < len(have)
    found[found] = have[pos[found]] == want[found]
    place = named["actor_id"].to_numpy(object)[at[order]]
    aff = act.affiliations
    keys = extra["key"].to_numpy(object)
    out = None
    for r, k, hit in zip(rows.tolist(), pos.tolist(), found.tolist(), strict=True):
        if not hit:
            continue
        country = str(place[k])
        fits = [a for a, _, _ in shared[keys[r]] if aff.get(a) == country]
        if len(set(fits)) != 1 or extra["actor_id"].iat[r] == fits[0]:
            continue
        if out is None:
            out = extra.copy()
        out.iat[r, out.columns.get_loc("actor_id")] = fits[0]
        out.iat[r, out.columns.get_loc("context_id")] = country
    return extra if out is None else out
