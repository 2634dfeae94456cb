"""One sense per document for a spelling shared by several actors (issue 12, wave 6).

:func:`analysis.actors.find_mentions` resolves a shared spelling ("AGC" for Malaysia's and
Singapore's Attorney-General's Chambers) by the context named nearest to each occurrence. In
a text on one of them that also names the other's people, a later bare "The AGC said …" can
sit nearer to the other's attorney-general than to anything of its own, although the writer
means the body introduced first ("hosted by the Attorney-General's Chambers (AGC)", held-out
set 10). :func:`first_sense` gives such later occurrences the actor of the first one, unless
their own context is close by.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["NEAR_CHARS", "first_sense"]

#: A later occurrence whose licensing context is named within this many characters keeps its
#: own resolution ("In Vietnam, the SPP …" right after a text on China's SPP).
NEAR_CHARS: int = 200


def first_sense(
    extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]]
) -> pd.DataFrame:
    """``extra`` (licensed stage-2 matches with ``actor_id``, ``via``, ``context_id`` and
    ``distance``) with each shared alias after its first occurrence in a document resolved
    as that first occurrence, when its own context is farther than :data:`NEAR_CHARS` and
    the first occurrence's actor is one of its candidates."""
    if extra.empty:
        return extra
    shared = {k for k, v in candidates.items() if len({a for a, _, _ in v}) > 1}
    if not shared:
        return extra
    cand = (extra["via"] == "alias").to_numpy(bool) & extra["key"].isin(list(shared)).to_numpy()
    if cand.sum() < 2:
        return extra
    sub = extra.loc[cand, ["doc_id", "key", "start", "actor_id", "distance"]].copy()
    sub["_row"] = np.flatnonzero(cand)
    sub = sub.sort_values(["doc_id", "key", "start"], kind="stable")
    first = sub.groupby(["doc_id", "key"], observed=True, sort=False)["actor_id"].transform("first")
    change = (first != sub["actor_id"]).to_numpy() & (sub["distance"].to_numpy() > NEAR_CHARS)
    if not change.any():
        return extra
    rows = sub["_row"].to_numpy()[change]
    new = first.to_numpy(object)[change]
    keys = sub["key"].to_numpy(object)[change]
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
