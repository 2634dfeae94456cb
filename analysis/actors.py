"""Actor mentions and their counts: who is mentioned, where, and how often.

:func:`find_mentions` finds every mention of the actors of an actor table
(:mod:`analysis.actor_table`) in a tokens table with the one matcher (:mod:`analysis.matching`);
:func:`actor_counts` counts them per group of documents. Names the table misses are found by
:func:`analysis.discovery.unlisted_names`.

The actor table (``Actors``, ``load_actors``, ``ActorTableError``) and discovery
(``unlisted_names``) used to live here and are still importable from this module.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis._aggregate_finish import finish_actor_counts
from analysis._checks import check_choice, positional_docs, require_columns
from analysis._groups import By, corpus_ids, group_docs
from analysis.actor_table import (
    ACTOR_FIELDS,
    ACTOR_TYPES,
    VIA_VALUES,
    Actors,
    ActorTableError,
    CompiledActors,
    load_actors,
)
from analysis.alias_sense import (
    first_sense,
    lowercase_alias_mask,
    other_body,
    resolve_by_own_place,
    resolve_by_place_after,
    sentence_tie_sense,
)
from analysis.compounds import compound_mentions
from analysis.discovery import NAME_CONNECTORS, NOT_NAMES, unlisted_names
from analysis.headlines import headline_title_mentions, inside_heads
from analysis.holder_forms import (
    foreign_body_mask,
    holder_title_mask,
    other_country_body_mask,
    possessed_body_ids,
)
from analysis.matching import match, take_str
from analysis.mention_rules import (
    LOCATION_NOUNS,
    PLACE_NOUNS_AFTER,
    PLACE_VERBS,
    appositive_role_mask,
    drop_owner_countries,
    drop_repeated_abbreviations,
    inside_name_mask,
    letterhead_mask,
    not_actor_mask,
    possessive_mentions,
    release_block_mask,
    wire_agency_mask,
)
from analysis.name_forms import (
    DEMONYMS,
    generic_alias_mask,
    name_forms_mask,
    resolve_by_adjective,
    resolve_by_of_country,
    speaker_label_mask,
)
from analysis.name_scope import defined_sense, owned_brand_mask, web_address_mask
from analysis.noun_forms import noun_forms_mask
from analysis.phrase_forms import phrase_forms_mask
from analysis.place_lists import places_mask
from analysis.place_rules import (
    byline_mask,
    dateline_mask,
    news_form_mask,
    org_name_mask,
    reporters_place_mask,
)
from analysis.schema import SCHEMAS, conform, empty_table
from analysis.text import fold, is_punct
from analysis.title_chains import title_chain_mask, title_org_mask
from analysis.token_context import TokenContext

__all__ = [
    "MENTION_COLUMNS",
    "PLACE_VERBS",
    "LOCATION_NOUNS",
    "PLACE_NOUNS_AFTER",
    "find_mentions",
    "actor_counts",
    # moved to analysis.actor_table and analysis.discovery; re-exported for old imports
    "ACTOR_TYPES",
    "ACTOR_FIELDS",
    "VIA_VALUES",
    "ActorTableError",
    "Actors",
    "CompiledActors",
    "load_actors",
    "NAME_CONNECTORS",
    "NOT_NAMES",
    "unlisted_names",
]

#: The columns of the mentions table, in order (see :data:`analysis.schema.SCHEMAS`).
MENTION_COLUMNS: list[str] = list(SCHEMAS["mentions"])


def _as_actors(actors: Actors | str | Path) -> Actors:
    if isinstance(actors, Actors):
        return actors
    if isinstance(actors, (str, Path)):
        return load_actors(actors)
    raise TypeError(f"actors must be an Actors table or a path, not {type(actors).__name__}")


def _license(
    cond: pd.DataFrame,
    named: pd.DataFrame,
    candidates: dict[str, list[tuple[str, str, str]]],
    aff_of: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Resolve conditional matches (short forms, roles, shared spellings) to actors.

    ``candidates`` maps each stage-2 key to ``(actor_id, via, context_id)`` triples: the match
    may belong to ``actor_id`` when ``context_id`` (the actor itself, or for a spelling shared
    by several actors also the actor's affiliation) is named in the same document. For each
    match and candidate, the nearest naming mention of the context actor before the match and
    after it are looked up with one binary search over the (document, actor, start) keys of
    the naming mentions. A short form, a role or a shared spelling needs a naming anywhere in
    the document (a short form before the full name: a headline's, a live page entry's); a
    short form written in lower case is a word. A role or short form shared by several actors
    counts only for an actor that the document names itself or through one of its people (a
    person whose affiliation it is, ``aff_of``: person -> affiliation); the affiliation of a
    candidate only ranks. Among licensed candidates the one whose context is named nearest before wins,
    else the one named nearest after.

    Returns ``cond`` rows that were licensed, with ``actor_id``, ``via``, ``context_id`` and
    ``distance`` (characters between the match and the naming that licensed it) columns.
    """
    empty = cond.iloc[:0].assign(
        actor_id=pd.Series([], dtype=str), via=pd.Series([], dtype=str),
        context_id=pd.Series([], dtype=str), distance=pd.Series([], dtype=np.int64),
    )  # fmt: skip
    if cond.empty:
        return empty
    keys = list(candidates)
    key_code = pd.Categorical(cond["key"], categories=keys).codes.astype(np.int64)
    n_cand = np.array([len(candidates[k]) for k in keys], np.int64)
    cand_actor = np.array([a for k in keys for a, _, _ in candidates[k]], dtype=object)
    cand_via = np.array([v for k in keys for _, v, _ in candidates[k]], dtype=object)
    cand_ctx = np.array([c for k in keys for _, _, c in candidates[k]], dtype=object)
    cand_ptr = np.concatenate([[0], np.cumsum(n_cand)])
    counts = n_cand[key_code]
    row = np.repeat(np.arange(len(cond)), counts)
    offs = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    flat = cand_ptr[key_code][row] + offs
    actor = cand_actor[flat]
    via = cand_via[flat]
    ctx = cand_ctx[flat]

    # one integer code per actor id: the named actors' distinct ids, then the candidates'
    named_codes, named_ids = pd.factorize(named["actor_id"])
    actor_codes, actor_names = pd.factorize(
        pd.Index(np.concatenate([np.asarray(named_ids, dtype=object), ctx, actor]), dtype=object)
    )
    n_act = len(actor_names) + 1
    named_act = actor_codes[: len(named_ids)].astype(np.int64)[named_codes]
    q_act = actor_codes[len(named_ids) : len(named_ids) + len(ctx)].astype(np.int64)
    self_act = actor_codes[len(named_ids) + len(ctx) :].astype(np.int64)
    doc_n = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    doc_q = cond["doc_id"].cat.codes.to_numpy().astype(np.int64)[row]
    start_n = named["start"].to_numpy().astype(np.int64)
    start_q = cond["start"].to_numpy().astype(np.int64)[row]
    big = int(max(start_n.max(initial=0), start_q.max(initial=0))) + 2
    pair_n = doc_n * n_act + named_act
    pair_q = doc_q * n_act + q_act
    order_n = np.argsort(pair_n * big + start_n, kind="stable")
    key_n = (pair_n * big + start_n)[order_n]
    sent_n = named["sent"].to_numpy().astype(np.int64)[order_n]
    key_q = pair_q * big + start_q
    i_prev = np.searchsorted(key_n, key_q, side="left") - 1
    i_next = np.searchsorted(key_n, key_q, side="right")
    has_prev = (
        (i_prev >= 0) & (key_n[np.clip(i_prev, 0, None)] // big == pair_q)
        if len(key_n)
        else np.zeros(len(key_q), bool)
    )
    has_next = (
        (i_next < len(key_n)) & (key_n[np.clip(i_next, None, len(key_n) - 1)] // big == pair_q)
        if len(key_n)
        else np.zeros(len(key_q), bool)
    )
    if len(key_n):
        dist_prev = np.where(has_prev, start_q - key_n[np.clip(i_prev, 0, None)] % big, 0)
        dist_next = np.where(
            has_next, key_n[np.clip(i_next, None, len(key_n) - 1)] % big - start_q, 0
        )
    else:
        dist_prev = dist_next = np.zeros(len(key_q), np.int64)
    # a short form may come before the full name: in a headline ("… to reinstate Maiga"), a
    # live page's entry ("15:05 — Gao: …") or a fact box (wave 21, set 71)
    licensed = has_prev | has_next
    # a short form written in lower case is a word ("He said no" is not President Omar Said)
    shorts = np.flatnonzero(via == "short")
    if len(shorts):
        upper = cond["matched"].astype(str).str[:1].str.isupper().to_numpy(bool)
        licensed[shorts] &= upper[row[shorts]]
    # a role or short form shared by several actors: the affiliation named nearby only picks
    # among actors that the document names themselves ("the company" is not Tianhe in a text
    # that names China but not Tianhe; held-out set 4)
    borrowed = (ctx != actor) & np.isin(via, ["role", "short"])
    if borrowed.any() and aff_of:
        # a person of the organisation is not a borrowed context: it licenses the role
        idx = np.flatnonzero(borrowed)
        borrowed[idx] = [aff_of.get(c) != a for a, c in zip(actor[idx], ctx[idx], strict=True)]
    if borrowed.any():
        self_named = np.isin(doc_q * n_act + self_act, pair_n)
        licensed &= ~borrowed | self_named
    # rank: named before (nearest first), then named after (nearest first); for a shared
    # alias, the actor itself or one of its people named anywhere first, its affiliation only
    # after them: "Attorney General Ahmad Kamal … held in Bandar Seri Begawan, Brunei … the
    # AGC" is his chambers, not Brunei's (held-out set 7)
    rank = np.where(has_prev, dist_prev, big + dist_next)
    if aff_of:
        # … unless the affiliation is named in the same sentence ("In Vietnam, the SPP …")
        later = (via == "alias") & (ctx != actor)
        idx = np.flatnonzero(later)
        if len(idx):
            # a person of the candidate is its own context
            person = pd.Series(ctx[idx], dtype=object).map(aff_of).to_numpy(object) == actor[idx]
            later[idx[person]] = False
            idx = np.flatnonzero(later)
        if len(idx) and len(key_n):
            at = np.clip(i_prev[idx], 0, None)
            same = sent_n[at] == cond["sent"].to_numpy().astype(np.int64)[row[idx]]
            later[idx[has_prev[idx] & same]] = False
        rank = np.where(later, 2 * big + rank, rank)
    ok = np.flatnonzero(licensed)
    if len(ok) == 0:
        return empty
    order = ok[np.lexsort((rank[ok], row[ok]))]
    first = np.ones(len(order), bool)
    first[1:] = row[order][1:] != row[order][:-1]
    chosen = order[first]
    out = cond.iloc[row[chosen]].copy()
    out["actor_id"] = actor[chosen].astype(str)
    out["via"] = via[chosen].astype(str)
    out["context_id"] = ctx[chosen].astype(str)
    out["distance"] = np.where(has_prev[chosen], dist_prev[chosen], dist_next[chosen]).astype(
        np.int64
    )
    return out


def _merge_exclusive(named: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Join two sets of non-overlapping spans so that no token is in two mentions.

    An ``extra`` span is kept when it is longer (in tokens) than every ``named`` span it
    overlaps, which are then dropped; otherwise the named spans win (ties included).
    """
    if extra.empty:
        return named
    if named.empty:
        return extra
    width = (
        int(
            max(
                named["tok"].max() + named["n_tok"].max(), extra["tok"].max() + extra["n_tok"].max()
            )
        )
        + 1
    )
    gs_n = named["doc_id"].cat.codes.to_numpy().astype(np.int64) * width + named["tok"].to_numpy()
    ge_n = gs_n + named["n_tok"].to_numpy()
    order = np.argsort(gs_n, kind="stable")
    gs_n_s, ge_n_s = gs_n[order], ge_n[order]
    len_n_s = named["n_tok"].to_numpy()[order]
    gs_x = extra["doc_id"].cat.codes.to_numpy().astype(np.int64) * width + extra["tok"].to_numpy()
    ge_x = gs_x + extra["n_tok"].to_numpy()
    lo = np.searchsorted(ge_n_s, gs_x, side="right")
    hi = np.searchsorted(gs_n_s, ge_x, side="left")
    cnt = np.maximum(hi - lo, 0)
    flat = np.repeat(lo, cnt) + (np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt))
    owner = np.repeat(np.arange(len(extra)), cnt)
    max_len = np.zeros(len(extra), np.int64)
    if len(flat):
        np.maximum.at(max_len, owner, len_n_s[flat])
    keep_x = extra["n_tok"].to_numpy() > max_len
    drop_sorted = np.zeros(len(named), bool)
    drop_sorted[flat[keep_x[owner]]] = True
    drop = np.zeros(len(named), bool)
    drop[order] = drop_sorted
    return pd.concat([named.loc[~drop], extra.loc[keep_x]], ignore_index=True)


Abbreviations = Literal["once", "both"]
_ABBREVIATIONS = get_args(Abbreviations)

_NAMING = frozenset({"name", "alias", "title+name"})


def _ambiguous_table(
    m2: pd.DataFrame, extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]]
) -> pd.DataFrame:
    """Matches of spellings shared by several actors, resolved or not."""
    shared = {k: sorted({a for a, _, _ in v}) for k, v in candidates.items()}
    shared = {k: v for k, v in shared.items() if len(v) > 1}
    cols = ["doc_id", "sent", "start", "end", "surface", "candidates", "actor_id",
            "context_id", "distance"]  # fmt: skip
    rows = m2[m2["key"].isin(list(shared))]
    if rows.empty:
        out = pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
        out["doc_id"] = pd.Categorical([], dtype=m2["doc_id"].dtype)
        out["_naming"] = pd.Series([], dtype=bool)
        return out
    res = extra[extra["key"].isin(list(shared))][
        ["doc_id", "start", "end", "key", "actor_id", "context_id", "distance"]
    ]
    out = rows[["doc_id", "sent", "start", "end", "matched", "key"]].merge(
        res, on=["doc_id", "start", "end", "key"], how="left"
    )
    out["candidates"] = out["key"].map({k: ";".join(v) for k, v in shared.items()})
    strong = {k for k, v in candidates.items() if any(via in _NAMING for _, via, _ in v)}
    out["_naming"] = out["key"].isin(strong)
    out = out.rename(columns={"matched": "surface"})[[*cols, "_naming"]]
    out["distance"] = out["distance"].astype("Int64")
    for c in ("actor_id", "context_id"):
        out[c] = out[c].astype(object).where(out[c].notna(), pd.NA)
    return out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def find_mentions(
    tokens: pd.DataFrame,
    actors: Actors | str | Path,
    *,
    docs: pd.DataFrame | None = None,
    fold_case: bool = True,
    fold_diacritics: bool = True,
    compounds: bool = True,
    abbreviations: Abbreviations = "once",
    places: bool = True,
    return_ambiguous: bool = False,
    titles_alone: bool = True,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Find every mention of every actor, each token in at most one mention.

    Rules (all spellings are matched by :func:`analysis.matching.match` with ``scope="all"``,
    so the longest span wins: "Vietnamese Prosecutor General Le Minh Tri" is one mention of
    the person, not also one of Vietnam, and "Supreme People's Procuracy of Vietnam" one of
    the procuracy):

    * ``name``, ``alias``, ``title+name`` (a title directly before the name, an alias or a
      short form: "President Vo Van Thuong", "President Thuong") count wherever they occur;
    * ``short`` ("Thuong") counts only in documents where the actor is named (name, alias
      or title+name), before or after the short form (a headline's, a fact box's; not a word
      of another person's name, "Brian Wong" on a byline line);
    * ``role`` ("the President") counts only in documents where the actor is named, before or
      after the role;
    * a spelling that several actors share (e.g. "SPP" for Vietnam's procuracy and China's
      procuratorate) goes to the candidate that is itself, or whose affiliation (its country
      or organisation) is, named nearest before it in the document, else nearest after (one
      of its people or another organisation of the same affiliation stands for it); if
      none is, it is not counted. Resolved and unresolved cases are listed in the table
      returned with ``return_ambiguous=True``; without it, unresolved cases give one
      warning (never silent);
    * ``compound`` (``compounds=True``): each part of a hyphenated compound of capitalised
      words ("ASEAN-China", "Vietnam-China", "China-ASEAN") that is the one-word name or
      alias of an actor is a mention of it (surface: the part), and beside such a part a
      multi-word spelling across the hyphen ("Indonesia-Viet Nam"); a compound of two actors
      is never a place (:mod:`analysis.compounds`). Term frequency is not affected: the token
      stays "asean-china";
    * ``title``: a listed title alone in a headline or subhead before a headline verb or a
      colon ("Foreign secretary says …"), for the one person of the document holding it
      (:mod:`analysis.headlines`);
    * abbreviations (``abbreviations="once"``): "Association of Southeast Asian Nations
      (ASEAN)" is one mention, and so is "the Attorney General's Chambers (AGC) of Malaysia"
      (a country after "of" behind the name of its own organisation is part of that name);
      ``"both"`` counts the name, the abbreviation and the country;
    * places (``places=True``): a mention of an actor whose table entry has ``places: true``
      (the default for countries) is not counted when it only locates something: after
      "in"/"to" following a verb of :data:`PLACE_VERBS` ("held in Vietnam", "based in
      Cambodia"); after a preposition following a noun of :data:`LOCATION_NOUNS` ("scam
      centres in Cambodia", "the summit in Laos"); "City, Country" after a preposition
      ("held in Jakarta, Indonesia") or in a dateline ("VIENTIANE, Laos -"); "In X," at the
      start of a sentence; "X's [Name] province" with a noun of :data:`PLACE_NOUNS_AFTER`
      ("China's Guangdong province"); "in the X" after such a verb ("arrested in the
      Philippines"); a compass word after a preposition ("in northern Myanmar"); "border
      with X". A country that acts (signs, agrees, hosts, speaks) is
      counted.

    Short forms, roles and shared spellings are matched in a second pass and licensed per
    document with binary searches over the matches table; a licensed span longer than the
    named spans it overlaps replaces them. An unlicensed span is dropped (it does not make
    room for shorter spellings inside it). Mentions are found in the tokens given: tokenise
    the documents after :func:`analysis.boilerplate.clean_boilerplate` so that bylines,
    captions and datelines give no mentions, and with ``line_breaks="paragraph"`` (or
    ``"auto"``) for hard-wrapped text so that names broken over a line still match.

    Args:
        tokens: the tokens table (:func:`analysis.text.tokenize`).
        actors: an :class:`~analysis.actor_table.Actors` table or the path of an actor table
            file.
        docs: the docs table; pass it so that ``surface`` is exactly ``text[start:end]`` (without
            it the surface is rebuilt from the tokens, with spaces between them).
        fold_case: ignore case (default).
        fold_diacritics: ignore diacritics (default): "Võ Văn Thưởng" = "Vo Van Thuong".
        compounds: count the actors inside hyphenated compounds (default).
        abbreviations: ``"once"`` (default) or ``"both"`` for "Name (ABBR)" and "Body of
            Country".
        places: apply the place rules (default).
        return_ambiguous: also return the table of shared spellings.
        titles_alone: a listed title of two words or more alone after "the" ("The Deputy
            Minister affirmed …") is a mention of its holder, licensed like a role (default); a
            role or title in apposition to the holder's name ("the committee chair, Senator
            Fiona Grady") is not counted again.

    Returns:
        The mentions table, sorted by document and ``start``: ``doc_id`` (categorical, as in
        ``tokens``), ``sent`` (int32), ``start``, ``end`` (int64, character offsets into the
        document text), ``surface`` (str, ``text[start:end]``), ``actor_id``, ``actor_type``
        (str), ``via`` (str, one of :data:`~analysis.actor_table.VIA_VALUES`).
        With ``return_ambiguous=True``, a tuple ``(mentions, ambiguous)``; ``ambiguous`` has
        one row per match of a shared spelling: ``doc_id`` (categorical), ``sent``,
        ``start``, ``end`` (int), ``surface`` (str), ``candidates`` (str, ``;``-joined actor
        ids), ``actor_id`` (str, the actor chosen; NA when unresolved), ``context_id`` (str,
        the actor whose naming decided it: the candidate or its affiliation), ``distance``
        (Int64, characters to that naming).

    Raises:
        ActorTableError, FileNotFoundError: when ``actors`` is a path that cannot be loaded.
        TypeError: ``actors`` is neither an actor table nor a path.
        ValueError: a bad ``abbreviations`` value.

    Warns:
        UserWarning: shared spellings that could not be resolved (without
            ``return_ambiguous``).

    Example:
        >>> from analysis.text import tokenize_text
        >>> a = Actors.from_records([{"id": "vvt", "name": "Vo Van Thuong", "type": "person",
        ...     "titles": ["President"], "short": ["Thuong"], "roles": ["the President"]}])
        >>> m = find_mentions(tokenize_text("Thuong came. President Võ Văn Thưởng spoke. "
        ...     "Thuong and the President left."), a)
        >>> m[["surface", "via"]].values.tolist()
        [['Thuong', 'short'], ['President Võ Văn Thưởng', 'title+name'], ['Thuong', 'short'], ['the President', 'role']]
        >>> b = Actors.from_records([{"id": "cn", "name": "China", "type": "country"},
        ...     {"id": "vn", "name": "Vietnam", "type": "country"}])
        >>> find_mentions(tokenize_text("Vietnam-China talks were held in Hanoi, Vietnam."),
        ...     b)[["surface", "actor_id", "via"]].values.tolist()
        [['Vietnam', 'vn', 'compound'], ['China', 'cn', 'compound']]
    """
    check_choice("abbreviations", abbreviations, _ABBREVIATIONS)
    act = _as_actors(actors)
    plan = act.compile(
        fold_case=fold_case, fold_diacritics=fold_diacritics, titles_alone=titles_alone
    )
    m1 = match(tokens, plan.stage1, scope="all", docs=docs)
    # split each distinct key "actor|via" once, not once per match
    key_codes, uniq = pd.factorize(m1["key"])
    parts = [str(k).rsplit("|", 1) for k in uniq]
    # gathered by Arrow from the few distinct keys (no Python string per row)
    named = m1.assign(
        actor_id=take_str([p[0] for p in parts], key_codes).array,
        via=take_str([p[1] for p in parts], key_codes).array,
    )
    ambiguous = None
    ctx0 = TokenContext(tokens) if len(tokens) else None  # built once, used below too
    if len(plan.stage2):
        # without docs here: the few licensed rows get their exact surface below
        m2 = match(tokens, plan.stage2, scope="all")
        cands = _with_context(plan.candidates, act)
        aff_of = {
            p: f
            for p, t, f in zip(
                act.table["id"], act.table["type"], act.table["affiliation"], strict=True
            )
            if t == "person" and isinstance(f, str)
        }
        extra = _license(m2, named, cands, aff_of)
        extra = sentence_tie_sense(extra, cands, act, named)  # "A and B share … the MPS"
        extra = first_sense(extra, cands)  # "The AGC said" after "the AGC" it hosted
        extra = resolve_by_adjective(m2, extra, cands, act, tokens)  # "the Chinese MPS"
        extra = resolve_by_of_country(m2, extra, cands, act, named, tokens)  # "SPP of Việt Nam"
        extra = resolve_by_own_place(m2, extra, cands, act, ctx0)  # "the Hong Kong DOJ"
        extra = resolve_by_place_after(extra, cands, act, named, ctx0)  # "the SPP in Beijing"
        extra = other_body(extra, cands, act, tokens)  # "the SPP … with Vietnam's procuracy"
        extra = defined_sense(extra, cands, named, tokens, aff_of, ctx0)  # "… Procuratorate (SPP)"
        if return_ambiguous or len(m2):
            ambiguous = _ambiguous_table(m2, extra, cands)
        extra = extra.drop(columns=["context_id", "distance"])
        if docs is not None and len(extra):
            ids = extra["doc_id"].astype(str)
            sub = docs[docs["doc_id"].astype(str).isin(set(ids))]
            texts = dict(zip(sub["doc_id"].astype(str), sub["text"], strict=True))
            extra["matched"] = [
                texts[d][a:b]
                for d, a, b in zip(
                    ids.tolist(), extra["start"].tolist(), extra["end"].tolist(), strict=True
                )
            ]
            if ambiguous is not None and len(ambiguous):
                amb = ambiguous
                ambiguous["surface"] = [
                    texts.get(d, "")[a:b] or s
                    for d, a, b, s in zip(
                        amb["doc_id"].astype(str).tolist(), amb["start"].tolist(),
                        amb["end"].tolist(), amb["surface"].tolist(), strict=True,
                    )
                ]  # fmt: skip
        named = _merge_exclusive(named, extra)
    naming = None
    if ambiguous is not None:
        naming = ambiguous.pop("_naming").to_numpy(bool)
    if (
        naming is not None
        and ambiguous is not None
        and not return_ambiguous
        and (naming & ambiguous["actor_id"].isna()).any()
    ):
        # short forms and roles that nobody licensed are the ordinary rule, not a guess
        bad = ambiguous[naming & ambiguous["actor_id"].isna().to_numpy()]
        shown = "; ".join(
            f"{s!r} in {d} ({c})"
            for d, s, c in bad[["doc_id", "surface", "candidates"]].head(5).itertuples(index=False)
        )
        warnings.warn(
            f"{len(bad)} mention(s) of spellings shared by several actors could not be "
            f"resolved by context and are not counted: {shown}; pass return_ambiguous=True "
            "to see every shared spelling and how it was resolved",
            stacklevel=2,
        )
    place_actors = set(act.table.loc[act.table["places"], "id"]) if places else set()
    types = act.types
    in_order = False
    if len(tokens) and (compounds or (len(named) and (abbreviations == "once" or place_actors))):
        in_order = True
        ctx = ctx0 if ctx0 is not None else TokenContext(tokens)
        if compounds:
            comp = compound_mentions(tokens, named, act, ctx, fold_case, fold_diacritics, docs)
            if len(comp):
                named = pd.concat([named, comp[list(named.columns)]], ignore_index=True)
        # "Foreign secretary says …" in a subhead: the title alone for the person named later
        head = headline_title_mentions(tokens, named, act, ctx, fold_case, fold_diacritics)
        if len(head):
            named = named.loc[~inside_heads(named, head)]
            named = pd.concat([named, head[list(named.columns)]], ignore_index=True)
        named = named.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
        named = possessive_mentions(tokens, named, act, fold_case, fold_diacritics, ctx)
        if abbreviations == "once":
            named = drop_repeated_abbreviations(named, ctx, act.spellings).reset_index(drop=True)
        # "Congress" for India's party in a text on Argentina (before places drop "In India,")
        named = named.loc[~generic_alias_mask(named, act)].reset_index(drop=True)
        if place_actors:
            # "from Laos and Cambodia through Việt Nam to China": a list read as one phrase
            placed = places_mask(named, ctx, place_actors, types)
            named = named.loc[~placed].reset_index(drop=True)
        named = named.loc[~not_actor_mask(named, ctx)].reset_index(drop=True)
        named = named.loc[
            ~(
                web_address_mask(named, ctx, tokens)
                | owned_brand_mask(named, ctx, {a for a, t in types.items() if t == "organisation"})
            )
        ].reset_index(drop=True)
        named = named.loc[~byline_mask(tokens, named, ctx)].reset_index(drop=True)
        # an actor that is itself a news agency ("Xinhua News Agency"): "told Xinhua" names it
        news_agencies = {
            a for a, n in act.names.items() if re.search(r"(?i)\b(?:news|agency|agence|press)", n)
        }
        persons_of = {
            p: f
            for p, t, f in zip(
                act.table["id"], act.table["type"], act.table["affiliation"], strict=True
            )
            if t == "person" and types.get(f) == "organisation"
        }
        persons = {a for a, t in types.items() if t == "person"}
        org_countries = {
            o: f
            for o, t, f in zip(
                act.table["id"], act.table["type"], act.table["affiliation"], strict=True
            )
            if t == "organisation" and types.get(f) == "country"
        }
        countries = {a for a, t in types.items() if t == "country"}
        organisations = {a for a, t in types.items() if t == "organisation"}
        # a country's spellings, folded, also without spaces ("Viet Nam" is "vietnam")
        country_names = {
            c: frozenset(
                v for x in [n, *al] for v in (fold(x).lower(), fold(x).lower().replace(" ", ""))
            )
            for c, n, al in zip(
                act.table["id"], act.table["name"], act.table["aliases"], strict=True
            )
            if c in countries
        }
        # "Singapore's Attorney-General's Chambers": Singapore's own body of that name
        moved = possessed_body_ids(named, org_countries, countries, act.spellings)
        if moved:
            named.iloc[list(moved), named.columns.get_loc("actor_id")] = list(moved.values())
        named = named.loc[
            ~(
                (dateline_mask(named, ctx, place_actors) & ~speaker_label_mask(named, ctx, persons))
                | name_forms_mask(named, ctx, act, place_actors, abbreviations == "once")
                | reporters_place_mask(named, ctx)
                | wire_agency_mask(named, ctx, news_agencies)
                | inside_name_mask(named, ctx, place_actors)
                | org_name_mask(named, ctx, place_actors)
                | title_org_mask(named, ctx, persons_of)
                | title_chain_mask(named, ctx, persons)
                | news_form_mask(named, ctx, place_actors, persons)
                | release_block_mask(named, ctx, tokens)
                | letterhead_mask(named, ctx, organisations, countries)
                | noun_forms_mask(named, ctx, place_actors, persons, act.names)
                | lowercase_alias_mask(named, org_countries, place_actors)
                | phrase_forms_mask(named, ctx, act)
                | holder_title_mask(named, ctx, countries, persons)
                | foreign_body_mask(named, org_countries, countries, ctx)
                | other_country_body_mask(named, ctx, org_countries, country_names, DEMONYMS)
            )
        ].reset_index(drop=True)
        named = named.loc[~appositive_role_mask(named, ctx)].reset_index(drop=True)
        if abbreviations == "once":  # after the title chains, which take the whole name
            owners = {a: str(c) for a, c in act.affiliations.items() if types[a] == "organisation"}
            named = drop_owner_countries(named, ctx, owners).reset_index(drop=True)
    if ambiguous is None:
        empty_m2 = pd.DataFrame(
            {
                "doc_id": pd.Categorical([], dtype=tokens["doc_id"].dtype),
                "sent": [],
                "start": [],
                "end": [],
                "matched": [],
                "key": [],
            }
        )
        ambiguous = _ambiguous_table(empty_m2, empty_m2, {}).drop(columns="_naming")
    ambiguous_out = ambiguous
    if named.empty:
        out = empty_table("mentions", categories={"doc_id": tokens["doc_id"].cat.categories})
        return (out, ambiguous_out) if return_ambiguous else out
    if not in_order:
        named = named.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    # the type of each distinct actor, gathered by code
    actor_codes, actor_uniq = pd.factorize(named["actor_id"].astype(str))
    out = pd.DataFrame(
        {
            "doc_id": named["doc_id"],
            "sent": named["sent"].to_numpy(),
            "start": named["start"].to_numpy().astype(np.int64),
            "end": named["end"].to_numpy().astype(np.int64),
            "surface": named["matched"].astype(str),
            "actor_id": named["actor_id"].astype(str),
            "actor_type": take_str([types.get(a) for a in actor_uniq], actor_codes).array,
            "via": named["via"].astype(str),
        }
    )
    out = conform(out, "mentions")
    return (out, ambiguous_out) if return_ambiguous else out


def _with_context(
    candidates: dict[str, list[tuple[str, str]]], act: Actors
) -> dict[str, list[tuple[str, str, str]]]:
    """Stage-2 candidates with their context actors: each candidate licenses itself; for a
    spelling shared by several actors, a candidate's affiliation licenses it too."""
    aff = act.affiliations
    members: dict[str, list[str]] = {}
    siblings: dict[str, list[str]] = {}
    for p, t, f in zip(act.table["id"], act.table["type"], act.table["affiliation"], strict=True):
        if t == "person" and isinstance(f, str):
            members.setdefault(f, []).append(p)
        elif t == "organisation" and isinstance(f, str):
            siblings.setdefault(f, []).append(p)
    out: dict[str, list[tuple[str, str, str]]] = {}
    for key, cands in candidates.items():
        triples = [(a, v, a) for a, v in cands]
        if len({a for a, _ in cands}) > 1:
            triples += [(a, v, aff[a]) for a, v in cands if isinstance(aff.get(a), str)]
            # "Foreign Ministry spokeswoman X said … the ministry said": a shared role of an
            # organisation is licensed by its own people too (held-out set 3, 18), and so is a
            # shared alias ("Attorney General Ahmad Kamal … the AGC", set 7)
            triples += [(a, v, p) for a, v in cands for p in members.get(a, [])]
            # "according to Ministry of Justice figures" in a trial report that names the
            # Crown Prosecution Service: a body of the same country (held-out set 12)
            triples += [
                (a, v, o)
                for a, v in cands
                if isinstance(aff.get(a), str)
                for o in siblings.get(aff[a], [])
                if o != a
            ]
        out[key] = triples
    return out


# ---------------------------------------------------------------------------------------------
# counts

Normalize = Literal["per_1k_tokens", "share_of_docs", "share_of_mentions"]
_NORMALIZE = (None, *get_args(Normalize))


def _codes(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer code per row and the str name of each code (categoricals without a str cast)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return (
            col.cat.codes.to_numpy().astype(np.int64),
            np.asarray(col.cat.categories.astype(str), dtype=object),
        )
    codes, uniques = pd.factorize(col.astype(str))
    return np.asarray(codes, np.int64), np.asarray(uniques, dtype=object)


def actor_counts(
    mentions: pd.DataFrame,
    *_deprecated: pd.DataFrame,
    docs: pd.DataFrame | None = None,
    by: By = None,
    dropna: bool = False,
    normalize: Normalize | None = None,
    tokens: pd.DataFrame | None = None,
    actors: Actors | None = None,
) -> pd.DataFrame:
    """How often, and in how many documents, each actor is mentioned, per group of documents.

    One group ``"all"`` by default, one per document with ``by="doc_id"``, or one per value of
    a document variable or of a ``doc_id`` -> group mapping, in sorted (or category) order; a
    document without a group value is an error unless ``dropna=True`` leaves it out (see the
    grouping rule, :mod:`analysis._groups`).

    Args:
        mentions: from :func:`find_mentions`.
        docs: the docs table: the documents that make up each group (also those without
            mentions). Without it the corpus is the categories of ``mentions.doc_id``.
            Passing it positionally, as before, still works but is deprecated.
        by: ``None``, ``"doc_id"``, a column of ``docs`` (e.g. ``"outlet"``), or a Series/dict
            ``doc_id`` -> group.
        dropna: leave out documents whose group value is missing instead of raising.
        normalize: add a rate column named after the choice: ``"per_1k_tokens"`` (mentions per
            1,000 word tokens of the group's documents, punctuation not counted; needs
            ``tokens``), ``"share_of_docs"`` (``docfreq / n_docs``), ``"share_of_mentions"``
            (the actor's share of all actor mentions in the group).
        tokens: the tokens table, for ``per_1k_tokens``.
        actors: the actor table; adds ``name`` and ``type`` and lists actors never mentioned
            with zero counts.

    Returns:
        One row per group and actor (every actor mentioned in a counted document, or every
        actor of ``actors``, in every group; zeros included), sorted by group (in the order
        of the grouping rule), ``mentions`` descending, ``actor_id``: ``group`` (str),
        ``actor_id`` (str), [``name``, ``type`` (str)], ``mentions`` (int64), ``docfreq``
        (int64, documents of the group mentioning the actor), ``n_docs`` (int64, documents in
        the group), [the ``normalize`` column (float64; NaN where the denominator is 0)].

    Raises:
        ValueError: a bad ``normalize``, ``per_1k_tokens`` without ``tokens``, mentions of
            documents missing from ``docs``, ``by`` naming no column of ``docs``, or a
            document without a group value (and ``dropna`` is False).
        TypeError: a bad ``by``, or more than one positional argument after ``mentions``.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "actor_id": ["cn", "vn", "cn"]})
        >>> docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "outlet": ["A", "B", "B"]})
        >>> actor_counts(m, docs=docs, by="outlet", normalize="share_of_docs")
          group actor_id  mentions  docfreq  n_docs  share_of_docs
        0     A       cn         1        1       1            1.0
        1     A       vn         1        1       1            1.0
        2     B       cn         1        1       2            0.5
        3     B       vn         0        0       2            0.0
    """
    docs = positional_docs("actor_counts", _deprecated, docs)
    check_choice("normalize", normalize, _NORMALIZE)
    require_columns(mentions, ["doc_id", "actor_id"], "mentions", "make it with find_mentions")
    if normalize == "per_1k_tokens" and tokens is None:
        raise ValueError("normalize='per_1k_tokens' needs tokens= (the tokens table)")
    corpus = corpus_ids(mentions["doc_id"], docs)
    groups = group_docs(corpus, by, docs, dropna=dropna)
    # work on per-document codes: casting every row's doc_id to str is the slow part
    m_codes, m_names = _codes(mentions["doc_id"])
    unknown = sorted(set(m_names[np.unique(m_codes[m_codes >= 0])]) - set(corpus))
    if unknown:
        raise ValueError(
            f"mentions refer to {len(unknown)} document(s) not in docs: {', '.join(unknown[:10])}"
        )
    name_group = groups.of(m_names)
    row_group = np.where(m_codes >= 0, name_group[m_codes], -1)
    counted = row_group >= 0
    m = pd.DataFrame(
        {"group": row_group[counted], "doc_id": m_codes[counted],
         "actor_id": mentions["actor_id"].to_numpy(dtype=object)[counted]}
    )  # fmt: skip
    agg = (
        m.groupby(["group", "actor_id"], sort=False)
        .agg(mentions=("doc_id", "size"), docfreq=("doc_id", "nunique"))
        .reset_index()
    )
    actor_ids = sorted(actors.ids) if actors is not None else sorted(set(m["actor_id"]))
    n_words = None
    if normalize == "per_1k_tokens":
        assert tokens is not None
        t_codes, t_names = _codes(tokens["doc_id"])
        per_doc = np.bincount(t_codes[~is_punct(tokens)], minlength=len(t_names))
        t_group = groups.of(t_names)
        ok = t_group >= 0
        n_words = np.bincount(t_group[ok], weights=per_doc[ok], minlength=len(groups.labels))
    return finish_actor_counts(
        agg["group"].to_numpy(), pd.Index(actor_ids, dtype=object).get_indexer(agg["actor_id"]),
        groups.labels, actor_ids, agg["mentions"].to_numpy(), agg["docfreq"].to_numpy(),
        groups.sizes, n_words=n_words, normalize=normalize,
        names=None if actors is None else actors.names,
        types=None if actors is None else actors.types,
    )  # fmt: skip
