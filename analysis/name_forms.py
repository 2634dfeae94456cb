"""Name forms of held-out set 9 (issue 12, wave 5), used by :func:`analysis.actors.find_mentions`
next to :mod:`analysis.place_forms`.

:func:`name_forms_mask` (any actor) drops a match that is no reference of its own: the country
that completes an organisation's name after its abbreviation ("Supreme People's Procuracy
(SPP) of Việt Nam"), the country in a tabled person's own title in apposition ("Phạm Đức
Lương, Deputy Minister of Public Security of Việt Nam,"), a local-language name inside the
abbreviation's brackets ("Anti-Corruption Office (Oficina Anticorrupción, OA)"), a name inside a
quoted theme or code name (themed "Unified Policing for a Safer ASEAN"), and the city of a
byline line ("Sophie Laurent in Brussels").

:func:`speaker_label_mask` keeps a transcript's speaker label ("RACHEL PRYCE: …") that the
dateline rule would read as a city; :func:`resolve_by_adjective` gives a spelling shared by
several actors to the one whose country's adjective stands right before it ("the Chinese
MPS"), and :func:`resolve_by_of_country` to the one of the country named after it with "of"
("the SPP of Việt Nam", one mention); :func:`subhead_line` and :data:`HEADLINE_ACTION_VERBS` widen the headline titles of
:mod:`analysis.headlines` ("Prime Minister thanks voters" in a live page).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.alias_sense import NEAR_CHARS, shared_spellings
from analysis.text import fold
from analysis.token_context import (
    TokenContext,
    code_table,
    codes_at,
    covered_keys,
    in_sorted,
    in_table,
    mention_frame,
    narrow,
    possessive_mask,
)

__all__ = [
    "THEME_WORDS",
    "DEMONYMS",
    "HEADLINE_ACTION_VERBS",
    "GENERIC_INSTITUTIONS",
    "name_forms_mask",
    "generic_alias_mask",
    "speaker_label_mask",
    "subhead_line",
    "resolve_by_adjective",
    "resolve_by_of_country",
]

#: Words before a quoted theme, code name or slogan: its words are no reference ("themed
#: 'Unified Policing for a Safer ASEAN'", "code-named 'Safe Mekong'", "under the theme …").
THEME_WORDS: frozenset[str] = frozenset({
    "theme", "themed", "titled", "entitled", "code-named", "codenamed", "dubbed", "slogan",
    "motto", "banner", "tagline", "hashtag", "nicknamed", "branded", "operation", "campaign",
    "initiative", "programme", "program", "project", "exercise", "drill", "plan",
    "strategy", "report", "book", "film", "documentary", "series", "song", "album", "show",
})  # fmt: skip
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
# tokens a mention looks back for the quotation mark that opens a theme
_THEME_SPAN = 12
#: Adjectives of nationality -> the country's name (lower case): "the Chinese MPS" is China's
#: ministry when "MPS" is shared by China's and Vietnam's (set 9).
DEMONYMS: dict[str, str] = {
    "chinese": "china", "vietnamese": "vietnam", "lao": "laos", "laotian": "laos",
    "cambodian": "cambodia", "khmer": "cambodia", "thai": "thailand", "burmese": "myanmar",
    "myanmar": "myanmar", "malaysian": "malaysia", "indonesian": "indonesia",
    "filipino": "philippines", "philippine": "philippines", "singaporean": "singapore",
    "bruneian": "brunei", "timorese": "timor-leste", "japanese": "japan", "korean":
    "south korea", "south korean": "south korea", "north korean": "north korea",
    "indian": "india", "pakistani": "pakistan", "bangladeshi": "bangladesh", "nepali": "nepal",
    "nepalese": "nepal", "sri lankan": "sri lanka", "american": "united states", "us":
    "united states", "u.s.": "united states", "british": "united kingdom", "uk":
    "united kingdom", "french": "france", "german": "germany", "italian": "italy",
    "spanish": "spain", "portuguese": "portugal", "dutch": "netherlands", "belgian": "belgium",
    "swiss": "switzerland", "austrian": "austria", "swedish": "sweden", "norwegian": "norway",
    "danish": "denmark", "finnish": "finland", "polish": "poland", "russian": "russia",
    "ukrainian": "ukraine", "turkish": "turkey", "greek": "greece", "irish": "ireland",
    "canadian": "canada", "mexican": "mexico", "brazilian": "brazil", "argentine": "argentina",
    "argentinian": "argentina", "chilean": "chile", "colombian": "colombia", "peruvian": "peru",
    "venezuelan": "venezuela", "bolivian": "bolivia", "paraguayan": "paraguay",
    "uruguayan": "uruguay", "cuban": "cuba", "australian": "australia", "nigerian": "nigeria",
    "ghanaian": "ghana", "kenyan": "kenya", "ethiopian": "ethiopia", "egyptian": "egypt",
    "south african": "south africa", "saudi": "saudi arabia", "iranian": "iran",
    "iraqi": "iraq", "israeli": "israel", "emirati": "united arab emirates", "qatari": "qatar",
    "taiwanese": "taiwan", "mongolian": "mongolia", "kazakh": "kazakhstan", "afghan":
    "afghanistan", "new zealand": "new zealand",
}  # fmt: skip
#: One-word aliases that name an institution every country has ("Congress", "Parliament"):
#: such an alias of an organisation with an affiliation counts only where the document names
#: the organisation otherwise, its affiliation or one of its people.
GENERIC_INSTITUTIONS: frozenset[str] = frozenset({
    "congress", "parliament", "senate", "cabinet", "treasury", "government", "assembly",
    "court", "police", "army", "navy", "judiciary", "legislature", "opposition", "presidency",
    "ministry", "commission", "council", "tribunal", "customs", "immigration", "embassy",
    "prosecutor", "prosecutors", "procuracy", "chamber", "diet", "duma", "majlis", "junta",
})  # fmt: skip
#: Verbs of a headline or subhead whose subject is a title alone ("Prime Minister thanks
#: voters"): a mention of the title's holder, not a quote.
HEADLINE_ACTION_VERBS: frozenset[str] = frozenset({
    "thanks", "meets", "visits", "hosts", "receives", "signs", "congratulates", "arrives",
    "leaves", "opens", "attends", "orders", "approves", "launches", "appoints", "sacks",
    "resigns", "quits", "names", "unveils", "chairs", "leads", "heads", "inspects", "tours",
    "welcomes", "greets", "holds", "joins", "wins", "loses", "faces", "seeks", "plans",
})  # fmt: skip

# -- names -------------------------------------------------------------------------------------


def name_forms_mask(
    named: pd.DataFrame, ctx: TokenContext, act: Actors,
    place_actors: frozenset[str] | set[str], abbreviations_once: bool = True,
) -> np.ndarray:  # fmt: skip
    """True for matches that are no reference of their own (see the module docstring): a
    country after "(ABBR) of [the]" that follows a tabled organisation, a country ending a
    tabled person's own title in apposition, a name in the abbreviation's brackets after the
    same actor's name (``abbreviations_once``), a name inside a quoted theme or code name
    (:data:`THEME_WORDS`), the city of a byline line. ``named`` is sorted by document and
    start."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc, tok, end = mention_frame(named)
    width = int(ctx.tok.max(initial=0)) + 8
    b0 = codes_at(ctx, doc, tok - 1)
    out |= _quoted_theme(ctx, doc, tok)
    out |= _byline_line(named, ctx, doc, tok, end, b0, width)
    cty = np.flatnonzero(named["actor_id"].isin(list(place_actors)).to_numpy())
    if len(cty):
        of, the = code_table(ctx, {"of"}), code_table(ctx, {"the"})
        d, t = doc[cty], tok[cty]
        k = np.where(in_table(b0[cty], the), 2, 1)
        of_ok = in_table(codes_at(ctx, d, t - k), of)
        idx = np.flatnonzero(of_ok)
        if len(idx):
            out[cty[idx]] = _abbreviated_org(named, ctx, d[idx], t[idx] - k[idx] - 1, width, act)
            out[cty[idx]] |= _own_abbreviation(named, ctx, act, d[idx], t[idx] - k[idx], width)
            out[cty[idx]] |= _own_title(named, ctx, act, d[idx], t[idx] - k[idx] - 1, width)
    out |= _body_before_own_title(named, act, doc, tok, end)
    comma = np.flatnonzero(in_table(b0, code_table(ctx, {","})))
    if len(comma):
        out[comma] |= _title_after_person(named, ctx, act, doc[comma], tok[comma], width)
    if abbreviations_once:
        out |= _bracketed_names(named, ctx, doc, tok, end)
    return out


def _body_before_own_title(
    named: pd.DataFrame, act: Actors, doc: np.ndarray, tok: np.ndarray, end: np.ndarray
) -> np.ndarray:  # fmt: skip
    """The person's own body right before a title+name mention of the person: "the briefing
    by OHCHR spokesperson Elena Vidović" is one mention, of the person (a title holding an
    organisation; held-out set 11). A tabled alias that is a title and the person's full name
    ("Water Resources Minister Haider al-Jabouri") is such a mention too, whatever the table's
    form (held-out set 18); the body's own country counts as the body ("Vietnam's Prosecutor
    General Trần Quốc Bảo", set 24)."""
    found = np.zeros(len(named), bool)
    if len(named) < 2 or "via" not in named:
        return found
    nxt = np.zeros(len(named), bool)
    nxt[:-1] = (doc[1:] == doc[:-1]) & (tok[1:] == end[:-1])
    via = named["via"].to_numpy(object)[1:]
    nxt[:-1] &= (via == "title+name") | (via == "alias")
    i = np.flatnonzero(nxt)
    if not len(i):
        return found
    aff = act.affiliations
    col = named["actor_id"]
    before, after = col.iloc[i].tolist(), col.iloc[i + 1].tolist()
    # the person's body, or in the possessive that body's own country ("Vietnam's Prosecutor
    # General Trần Quốc Bảo", the procuracy's country; held-out set 24; "Kenya President …"
    # keeps both, set 2)
    poss = possessive_mask(named)[i].tolist()
    i = i[
        [
            a == aff.get(b) or (p and a == aff.get(aff.get(b, "")))
            for a, b, p in zip(before, after, poss, strict=True)
        ]
    ]
    if not len(i):
        return found
    ids = dict(zip(i + 1, col.iloc[i + 1].tolist(), strict=True))
    vias = dict(zip(i + 1, named["via"].iloc[i + 1].tolist(), strict=True))
    matched = dict(zip(i + 1, named["matched"].iloc[i + 1].tolist(), strict=True))

    names = act.names if any(v != "title+name" for v in vias.values()) else {}

    def titled(k: int) -> bool:
        if vias[k] == "title+name":
            return True
        name = fold(names.get(ids[k], ""), case=True, diacritics=True)
        said = fold(str(matched[k]), case=True, diacritics=True)
        return bool(name) and said.endswith(" " + name) and str(matched[k])[:1].isupper()

    found[i] = [titled(int(k) + 1) for k in i]
    return found


def _folded_titles(act: Actors) -> dict[str, set[str]]:
    """Each tabled person's titles, case- and diacritic-folded (empty set for none)."""
    persons = act.table[act.table["type"] == "person"]
    return {
        a: {fold(x, case=True, diacritics=True) for x in ts or ()}
        for a, ts in zip(persons["id"], persons["titles"], strict=True)
    }


def _title_after_person(
    named: pd.DataFrame, ctx: TokenContext, act: Actors, d: np.ndarray, first: np.ndarray,
    width: int,
) -> np.ndarray:  # fmt: skip
    """The match opens one of the titles of the tabled person named right before it and a
    comma, the title ending at the next comma: "H.E. Lt Gen Kem Sokhom, NACD Secretary-General,
    told" (an apposition after a tabled person is not coded; held-out sets 10 and 11)."""
    found = np.zeros(len(d), bool)
    titles = _folded_titles(act)
    if not any(titles.values()):
        return found
    pers = named["actor_id"].isin([a for a, t in titles.items() if t]).to_numpy()
    if not pers.any():
        return found
    pd_, _, pe = mention_frame(named.loc[pers])
    who = named["actor_id"].to_numpy(object)[pers]
    keys = pd_ * width + pe - 1
    last_tok = dict(zip(keys.tolist(), who, strict=True))
    after = np.isin(d * width + first - 2, keys)
    for i in np.flatnonzero(after):  # the few rows right after "<person>,"
        person = last_tok[int(d[i]) * width + int(first[i]) - 2]
        words: list[str] = []
        for m in range(9):
            w = str(ctx.norm(np.array([d[i]]), np.array([int(first[i]) + m]))[0])
            if w == ",":
                found[i] = " ".join(words) in titles[person]
                break
            if w in ("", ".", ";", ":", "(", ")", "and"):
                break
            words.append(fold(w, case=True, diacritics=True))
    return found


def _generic_aliases(act: Actors) -> dict[str, set[str]]:
    """Actor id -> its aliases that are one word of :data:`GENERIC_INSTITUTIONS` (organisations
    with an affiliation only)."""
    key = ("generic institution aliases",)
    got = act._cache.get(key)
    if got is None:
        got = {}
        t = act.table
        for a, typ, aff, aliases in zip(t["id"], t["type"], t["affiliation"], t["aliases"],
                                        strict=True):  # fmt: skip
            if typ == "organisation" and isinstance(aff, str):
                words = {x for x in aliases or () if x.strip().lower() in GENERIC_INSTITUTIONS}
                if words:
                    got[a] = words
        act._cache[key] = got
    return got


def generic_alias_mask(named: pd.DataFrame, act: Actors) -> np.ndarray:
    """True for an alias that is a generic institution's word (:data:`GENERIC_INSTITUTIONS`:
    "Congress" for the Indian National Congress) in a document that names neither the
    organisation otherwise, nor its affiliation, nor one of its people (any mention, places
    too: "In India, Congress won"): Argentina's Congress is not India's party (set 9)."""
    out = np.zeros(len(named), bool)
    generic = _generic_aliases(act)
    if not generic:
        return out
    actor = named["actor_id"]
    cand = np.flatnonzero(actor.isin(list(generic)).to_numpy())
    if not len(cand):
        return out
    pat = named["pattern"].to_numpy(object)[cand]
    act_c = actor.to_numpy(object)[cand]
    cand = cand[[p in generic[a] for p, a in zip(pat, act_c, strict=True)]]
    if not len(cand):
        return out
    t = act.table
    aff = dict(zip(t["id"], t["affiliation"], strict=True))
    people: dict[str, set[str]] = {}
    for p, f in zip(t["id"], t["affiliation"], strict=True):
        if isinstance(f, str):
            people.setdefault(f, set()).add(p)
    docs = named["doc_id"].astype(str).to_numpy(object)
    spelled = named["pattern"].to_numpy(object)
    cand_docs = set(docs[cand])
    in_doc = np.isin(docs, list(cand_docs))
    seen: dict[str, set[tuple[str, str]]] = {}
    for d, a, p in zip(docs[in_doc], actor.to_numpy(object)[in_doc], spelled[in_doc],
                       strict=True):  # fmt: skip
        seen.setdefault(d, set()).add((a, p))
    for i in cand.tolist():
        a = actor.iat[i]
        ok = aff.get(a), people.get(a, set())
        others = seen[docs[i]]
        licensed = any(
            (x == a and q not in generic[a]) or x == ok[0] or x in ok[1] for x, q in others
        )
        out[i] = not licensed
    return out


def _abbreviated_org(
    named: pd.DataFrame, ctx: TokenContext, d: np.ndarray, last: np.ndarray, width: int,
    act: Actors,
) -> np.ndarray:  # fmt: skip
    """Token ``last`` (before "of") closes "(ABBR)" right after a tabled organisation's
    mention: "Supreme People's Procuracy (SPP) of Việt Nam"."""
    close = codes_at(ctx, d, last) == _one(ctx, ")")
    if not close.any():
        return close
    ok = close & (codes_at(ctx, d, last - 2) == _one(ctx, "("))
    orgs = {a for a, t in act.types.items() if t == "organisation"}
    is_org = named["actor_id"].isin(list(orgs)).to_numpy()
    od, _, oe = mention_frame(named.loc[is_org])
    ends = np.sort(od * width + oe - 1)
    ok &= in_sorted(d * width + last - 3, ends) & ctx.upper(d, last - 1)
    return ok | _bracketed_alias_org(named, ctx, d, last, is_org)


def _bracketed_alias_org(
    named: pd.DataFrame, ctx: TokenContext, d: np.ndarray, last: np.ndarray, is_org: np.ndarray
) -> np.ndarray:
    """Token ``last`` closes brackets (up to ten tokens, the first capitalised) right after a
    tabled organisation's mention: "Supreme People's Procuracy (Viện kiểm sát nhân dân tối
    cao) of Vietnam", a local-language name (set 14)."""
    ok = np.zeros(len(d), bool)
    close = codes_at(ctx, d, last) == _one(ctx, ")")
    if not close.any() or not is_org.any():
        return ok
    od, _, oe = mention_frame(named.loc[is_org])
    org_end = set(zip(od.tolist(), oe.tolist(), strict=True))
    opened = np.zeros(len(d), bool)
    for k in range(2, 12):  # the nearest "(" before ``last``, with no ")" between
        at = close & ~opened
        if not at.any():
            break
        op = at & ctx.norm_in(d, last - k, "(")
        idx = np.flatnonzero(op)
        if len(idx):
            first_cap = ctx.capitalised(d[idx], last[idx] - k + 1)
            ok[idx] = first_cap & np.array(
                [
                    (a, b) in org_end
                    for a, b in zip(d[idx].tolist(), (last[idx] - k).tolist(), strict=True)
                ],
                bool,
            )
        opened |= op | (at & ctx.norm_in(d, last - k, ")"))
    return ok


def _own_abbreviation(
    named: pd.DataFrame, ctx: TokenContext, act: Actors, d: np.ndarray, of_at: np.ndarray,
    width: int,
) -> np.ndarray:  # fmt: skip
    """Right before "of" (token ``of_at``) ends an abbreviation in capitals of an organisation
    whose affiliation is the country after it: "the SPP of Việt Nam" is one mention, of the
    procuracy (held-out set 13)."""
    ok = ctx.upper(d, of_at - 1)
    if not ok.any():
        return ok
    aff = act.affiliations
    od, _, oe = mention_frame(named)
    key = od * width + oe
    order = np.argsort(key, kind="stable")
    q = d * width + of_at
    at = np.clip(np.searchsorted(key[order], q), 0, max(len(order) - 1, 0))
    ok &= key[order][at] == q
    ids = named["actor_id"].to_numpy(object)
    # the country rows are the ones after "of": their own ids, in the caller's order
    cty = dict(zip(od * width + named["tok"].to_numpy().astype(np.int64), ids, strict=True))
    for i in np.flatnonzero(ok):
        k = int(d[i]) * width + int(of_at[i]) + 1
        c = cty.get(k) or cty.get(k + 1)
        ok[i] = c is not None and aff.get(ids[order[at[i]]]) == c
    return ok


def _one(ctx: TokenContext, word: str) -> int:
    return int(ctx.norm_types.get_indexer([word])[0])


def _own_title(
    named: pd.DataFrame, ctx: TokenContext, act: Actors, d: np.ndarray, last: np.ndarray,
    width: int,
) -> np.ndarray:  # fmt: skip
    """Tokens up to ``last`` (before "of [the] X") are one of the titles of the tabled person
    named right before them and a comma: "Phạm Đức Lương, Deputy Minister of Public Security of
    Việt Nam," (set 4's "…, Member of … and Vice President of the Lao PDR" starts otherwise)."""
    found = np.zeros(len(d), bool)
    cand = ctx.capitalised(d, last)
    if not cand.any():
        return found
    titles = _folded_titles(act)
    if not any(titles.values()):
        return found
    pers = named["actor_id"].isin(list(titles)).to_numpy()
    pd_, _, pe = mention_frame(named.loc[pers])
    who = named["actor_id"].to_numpy(object)[pers]
    last_tok = dict(zip((pd_ * width + pe - 1).tolist(), who, strict=True))
    for i in np.flatnonzero(cand):
        words: list[str] = []
        for m in range(0, 9):
            t = int(last[i]) - m
            w = str(ctx.norm(np.array([d[i]]), np.array([t]))[0])
            if w == ",":
                person = last_tok.get(int(d[i]) * width + t - 1)
                title = " ".join(reversed(words))
                found[i] = person is not None and title in titles.get(person, set())
                break
            if w in ("", ".", ";", ":", "(", ")", "and"):
                break
            words.append(fold(w, case=True, diacritics=True))
    return found


def _bracketed_names(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """A mention inside the brackets right after the same actor's mention, with other mentions
    of it and commas only: "Anti-Corruption Office (Oficina Anticorrupción, OA)"."""
    out = np.zeros(len(named), bool)
    if len(named) < 2:
        return out
    # one token, "(" or ",", between two mentions of the same document (integers first), then
    # the actors
    idx = np.flatnonzero((doc[1:] == doc[:-1]) & (tok[1:] == end[:-1] + 1)) + 1
    if not len(idx):
        return out
    gap_c = codes_at(ctx, doc[idx], tok[idx] - 1)
    idx, gap_c = (
        idx[in_table(gap_c, code_table(ctx, {"(", ","}))],
        gap_c[in_table(gap_c, code_table(ctx, {"(", ","}))],
    )
    if not len(idx):
        return out
    actor = named["actor_id"]
    same = actor.iloc[idx].to_numpy(object) == actor.iloc[idx - 1].to_numpy(object)
    idx, gap_c = idx[same], gap_c[same]
    if not len(idx):
        return out
    after = codes_at(ctx, doc[idx], end[idx])
    closes = in_table(after, code_table(ctx, {")", ",", ";"}))
    opened = (gap_c == _one(ctx, "(")) & closes
    # a lone "(ABBR)" is the older rule's (drop_repeated_abbreviations)
    out[idx[opened & (after != _one(ctx, ")"))]] = True
    gap = np.where(gap_c == _one(ctx, ","), ",", "")
    for _ in range(3):  # "(A, B, C)": each after a bracketed one and a comma
        more = (gap == ",") & closes & out[idx - 1] & ~out[idx]
        if not more.any():
            break
        out[idx[more]] = True
    return out


def _quoted_theme(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """Inside quotation marks opened right after a word of :data:`THEME_WORDS` (or after it
    and a comma or a colon) in the same sentence: themed "Unified Policing for a Safer ASEAN",
    a programme's 'Theme: "…"' line (set 15). Each mention looks back for the nearest
    quotation mark (at most 12 tokens, in one gather of the tokens before it); only those
    found are tested further."""
    found = np.zeros(len(tok), bool)
    quotes, theme = code_table(ctx, _QUOTES), code_table(ctx, THEME_WORDS)
    if not quotes.any() or not theme.any():
        return found
    rows = ctx.rows(doc, tok)
    span = np.arange(1, _THEME_SPAN + 1, dtype=np.int32)
    if ctx.bounds is not None and len(ctx.norm_codes) < 2**31:
        back = rows.astype(np.int32)[:, None] - span
        near = (tok < _THEME_SPAN).astype(bool)
        back[near] = np.where(tok[near, None] >= span, back[near], -1)
        back[rows < 0] = -1
    else:
        back = np.stack([ctx.rows(doc, tok - k) for k in span], axis=1)
    codes = np.where(back >= 0, ctx.norm_codes[np.maximum(back, 0)], -1)
    q = quotes[codes]
    has = q.any(axis=1)
    if not has.any():
        return found
    i = np.flatnonzero(has)
    k = q[i].argmax(axis=1) + 1  # the nearest quotation mark before the mention
    rq = back[i, k - 1]
    i, k = i[ctx.sent[rq] == ctx.sent[rows[i]]], k[ctx.sent[rq] == ctx.sent[rows[i]]]
    if not len(i):
        return found
    comma = code_table(ctx, {",", ":"})
    w1 = codes_at(ctx, doc[i], tok[i] - k - 1)
    w2 = codes_at(ctx, doc[i], tok[i] - k - 2)
    hit = theme[w1] | (comma[w1] & theme[w2])
    # an opening mark: a capitalised word follows it (a closing one after "the … program"
    # is followed by "and", ","), and not a mark that closes a quotation ('"This is not a
    # ceremony. It is a work plan," Wichai told …'; wave 25)
    found[i] = narrow(
        hit,
        lambda j: (
            ctx.capitalised(doc[i[j]], tok[i[j]] - k[j] + 1)
            & ~_closing_mark(ctx, doc[i[j]], tok[i[j]] - k[j])
        ),
    )
    return found


def _closing_mark(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """True for the quotation marks at ``tok`` that close a quotation: a closing curly mark, or
    a straight one written right after the word or stop before it ('… a work plan," Wichai
    told'; an opening one has a space before it: 'themed, "Unified …"')."""
    mark = ctx.norm(doc, tok).astype(str)
    return np.isin(mark, ["”", "’", "»"]) | (np.isin(mark, ['"', "'"]) & ctx.attached(doc, tok))


def _byline_line(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    b0: np.ndarray, width: int,
) -> np.ndarray:  # fmt: skip
    """The place of a byline line, "[By] Firstname Lastname in Brussels": two or three
    capitalised words that name no actor open the line, "in" and the mention end it."""
    found = np.zeros(len(tok), bool)
    idx = np.flatnonzero(in_table(b0, code_table(ctx, {"in"})))
    if not len(idx):
        return found
    d, t, e = doc[idx], tok[idx], end[idx]
    ends_line = ctx.sentence_start(d, e) | (ctx.rows(d, e) < 0)
    idx, d, t = idx[ends_line], d[ends_line], t[ends_line]
    cov = covered_keys(named, width) if len(idx) else np.zeros(0, np.int64)
    for n in (2, 3):
        if not len(idx):
            break
        ok = np.ones(len(idx), bool)
        for m in range(2, n + 2):
            ok &= ctx.capitalised(d, t - m) & ~in_sorted(d * width + t - m, cov)
        first = t - n - 1
        by = codes_at(ctx, d, first - 1) == _one(ctx, "by")
        ok &= ctx.sentence_start(d, first) | (by & ctx.sentence_start(d, first - 1))
        found[idx[ok]] = True
    return found


def speaker_label_mask(
    named: pd.DataFrame, ctx: TokenContext, persons: frozenset[str] | set[str]
) -> np.ndarray:
    """True for a person's name in capitals opening a line before a colon, a transcript's
    speaker label ("RACHEL PRYCE: We signed …"): a mention of the person, not a dateline."""
    out = np.zeros(len(named), bool)
    if named.empty or not persons:
        return out
    # a colon right after the mention first (integers), then the actor
    doc, tok, end = mention_frame(named)
    idx = np.flatnonzero(codes_at(ctx, doc, end) == _one(ctx, ":"))
    idx = idx[named["actor_id"].iloc[idx].isin(list(persons)).to_numpy()]
    if not len(idx):
        return out
    doc, tok = doc[idx], tok[idx]
    colon = np.ones(len(idx), bool)
    out[idx] = narrow(
        colon, lambda i: ctx.sentence_start(doc[i], tok[i]) & ctx.upper(doc[i], tok[i])
    )
    return out


def subhead_line(ctx: TokenContext, codes: np.ndarray, sent: np.ndarray, r: int) -> bool:
    """The sentence of token row ``r`` is a subhead inside the text: at most 12 tokens, not
    closed by a full stop, question or exclamation mark, and the sentences around it end where
    its line does (a live page's entry headline, "Prime Minister thanks voters"; ``codes``,
    ``sent``: the document code and sentence of each token row, rows in document order)."""
    n = len(sent)
    lo = r
    while lo > 0 and codes[lo - 1] == codes[r] and sent[lo - 1] == sent[r] and r - lo < 13:
        lo -= 1
    hi = r
    while hi + 1 < n and codes[hi + 1] == codes[r] and sent[hi + 1] == sent[r] and hi - r < 13:
        hi += 1
    if hi - lo + 1 > 12:
        return False
    last = str(ctx.norm_types[ctx.norm_codes[hi]]) if ctx.norm_codes[hi] >= 0 else ""
    return last not in (".", "!", "?", '"', "”", "'", "’", ",", ";")


# -- shared spellings --------------------------------------------------------------------------


def resolve_by_adjective(
    m2: pd.DataFrame, extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]],
    act: Actors, tokens: pd.DataFrame,
) -> pd.DataFrame:  # fmt: skip
    """A spelling shared by several actors goes to the one whose country's adjective stands
    right before it ("The Chinese MPS", :data:`DEMONYMS`; or the first word of another of its
    spellings, "Chinese" of "Chinese Ministry of Public Security"), whatever the context
    licensed (``extra``, from the licensing step, is returned with those rows changed or
    added)."""
    shared = shared_spellings(candidates)
    if not shared or m2.empty:
        return extra
    rows = m2[m2["key"].isin(list(shared))]
    if rows.empty:
        return extra
    d = rows["doc_id"].cat.codes.to_numpy().astype(np.int64)
    prev = _rows_before(tokens, d, rows["tok"].to_numpy().astype(np.int64))
    ok = prev >= 0
    if not ok.any():
        return extra
    norm = tokens["norm"].cat
    codes = np.full(len(rows), -1, np.int64)
    codes[ok] = tokens["norm"].array.codes[prev[ok]]
    # only words that can point to a candidate are looked at: adjectives of nationality and
    # the first words of the candidates' spellings
    words = set(DEMONYMS) | _first_words(shared, act)
    lut = np.zeros(len(norm.categories) + 1, bool)
    got = norm.categories.get_indexer(sorted(words))
    lut[got[got >= 0]] = True
    ok &= lut[codes]
    if not ok.any():
        return extra
    # one look at each distinct (word, spelling) pair
    pair_codes, pairs = pd.factorize(
        pd.MultiIndex.from_arrays([codes[ok], rows["key"].to_numpy(object)[ok]])
    )
    cache = act._cache.setdefault(("adjectives of shared spellings",), {})
    pick = []
    for c, key in pairs:
        w = str(norm.categories[c]) if c >= 0 else ""
        got = cache.get((w, key))
        if got is None:
            got = cache[(w, key)] = _adjective_pick(w, shared[key], act) or ("", "")
        pick.append(got)
    hit = np.array([bool(a) for a, _ in pick], bool)[pair_codes]
    if not hit.any():
        return extra
    at = np.flatnonzero(ok)[hit]
    chosen = rows.iloc[at].copy()
    chosen["actor_id"] = [pick[i][0] for i in pair_codes[hit]]
    chosen["via"] = [pick[i][1] for i in pair_codes[hit]]
    chosen["context_id"] = chosen["actor_id"]
    chosen["distance"] = np.zeros(len(chosen), np.int64)

    def keys(df: pd.DataFrame) -> np.ndarray:
        # the span: document, start and length (no document is near 2**21 characters long)
        start = df["start"].to_numpy().astype(np.int64)
        length = df["end"].to_numpy().astype(np.int64) - start
        return (df["doc_id"].cat.codes.to_numpy().astype(np.int64) * 2**21 + start) * 2**21 + length

    keep = extra.loc[~np.isin(keys(extra), keys(chosen))]
    return pd.concat([keep, chosen[list(extra.columns)]], ignore_index=True)


def resolve_by_of_country(
    m2: pd.DataFrame, extra: pd.DataFrame, candidates: dict[str, list[tuple[str, str, str]]],
    act: Actors, named: pd.DataFrame, tokens: pd.DataFrame,
) -> pd.DataFrame:  # fmt: skip
    """A spelling shared by several actors goes to the one whose affiliation is the country
    named right after it with "of" ("According to the SPP of Việt Nam", held-out set 13, as
    set 9's "Supreme People's Procuracy (SPP) of Việt Nam"), whatever the context licensed
    (the country itself is then no mention of its own: :func:`name_forms_mask`)."""
    shared = shared_spellings(candidates)
    if not shared or m2.empty or named.empty:
        return extra
    rows = m2[m2["key"].isin(list(shared))]
    if rows.empty:
        return extra
    aff = act.affiliations
    owners = {aff[a] for v in shared.values() for a, _, _ in v if isinstance(aff.get(a), str)}
    cty = named[named["actor_id"].isin(list(owners)).to_numpy(bool)]
    if cty.empty:
        return extra
    d = rows["doc_id"].cat.codes.to_numpy().astype(np.int64)
    after = rows["tok"].to_numpy().astype(np.int64) + rows["n_tok"].to_numpy().astype(np.int64)
    norm = tokens["norm"].array
    of_c, the_c, open_c, close_c = norm.categories.get_indexer(["of", "the", "(", ")"])
    # past the body's abbreviation in brackets: "The Attorney General's Chambers (AGC) of
    # Brunei Darussalam" (held-out set 29)
    row = _rows_before(tokens, d, after + 1)
    bracket = row >= 0
    bracket[bracket] = norm.codes[row[bracket]] == open_c
    for k in (2, 3):
        if not bracket.any():
            break
        close = _rows_before(tokens, d, after + 1 + k)
        shut = bracket & (close >= 0)
        shut[shut] = norm.codes[close[shut]] == close_c
        after = np.where(shut, after + k + 1, after)
        bracket &= ~shut
    # the abbreviation itself, in its brackets: "(AGC) of Brunei Darussalam"
    shut = row >= 0
    shut[shut] = norm.codes[row[shut]] == close_c
    after = np.where(shut, after + 1, after)
    of_row = _rows_before(tokens, d, after + 1)  # the row of the word right after the match
    ok = of_row >= 0
    ok[ok] = norm.codes[of_row[ok]] == of_c
    if not ok.any():
        return extra
    the_row = _rows_before(tokens, d, after + 2)
    skip = np.zeros(len(rows), np.int64)
    has_the = ok & (the_row >= 0)
    has_the[has_the] = norm.codes[the_row[has_the]] == the_c
    skip[has_the] = 1
    width = 2**21
    ckeys = cty["doc_id"].cat.codes.to_numpy().astype(np.int64) * width + cty["tok"].to_numpy()
    order = np.argsort(ckeys, kind="stable")
    q = d * width + after + 1 + skip
    at = np.clip(np.searchsorted(ckeys[order], q), 0, max(len(order) - 1, 0))
    ok &= ckeys[order][at] == q
    if not ok.any():
        return extra
    picked, hit_rows = [], []
    for i in np.flatnonzero(ok):
        c = cty.iloc[order[at[i]]]
        cands = {a: v for a, v, _ in shared[rows["key"].iloc[i]] if aff.get(a) == c["actor_id"]}
        if len(cands) == 1:
            picked.append((*next(iter(cands.items())), c))
            hit_rows.append(i)
    if not hit_rows:
        return extra
    chosen = rows.iloc[hit_rows].copy()
    chosen["actor_id"] = [a for a, _, _ in picked]
    chosen["via"] = [v for _, v, _ in picked]
    chosen["context_id"] = [c["actor_id"] for _, _, c in picked]
    chosen["distance"] = np.zeros(len(chosen), np.int64)
    keep = extra.loc[~np.isin(_span_keys(extra), _span_keys(chosen))]
    keep = _as_anchored(keep, chosen, shared)
    return pd.concat([keep, chosen[list(extra.columns)]], ignore_index=True)


def _as_anchored(
    extra: pd.DataFrame, chosen: pd.DataFrame, shared: dict[str, list[tuple[str, str, str]]]
) -> pd.DataFrame:
    """The other occurrences of a spelling resolved by "of <country>" in the same document,
    before or after it, go to the same actor when no context of their own is near
    (:data:`~analysis.alias_sense.NEAR_CHARS`): "The Attorney General's Chambers (AGC) of
    Brunei Darussalam" makes the headline's "AGC, Singapore counterpart ink MoU" and "the AGC
    said" Brunei's (held-out set 29). Only one actor per document and spelling."""
    if extra.empty or chosen.empty:
        return extra
    anchor: dict[tuple[object, str], set[str]] = {}
    for d, k, a in zip(chosen["doc_id"].tolist(), chosen["key"].tolist(), chosen["actor_id"],
                       strict=True):  # fmt: skip
        anchor.setdefault((d, k), set()).add(str(a))
    docs, keys = extra["doc_id"].tolist(), extra["key"].tolist()
    far = extra["distance"].to_numpy() > NEAR_CHARS
    new = extra["actor_id"].to_numpy(object).copy()
    changed = False
    for i, (d, k) in enumerate(zip(docs, keys, strict=True)):
        got = anchor.get((d, k))
        if got and len(got) == 1 and far[i] and k in shared:
            (a,) = got
            if new[i] != a and any(c == a for c, _, _ in shared[k]):
                new[i], changed = a, True
    if not changed:
        return extra
    out = extra.copy()
    out["actor_id"] = new
    return out


def _span_keys(df: pd.DataFrame) -> np.ndarray:
    """One integer per span: document, start and length (no document nears 2**21 characters)."""
    start = df["start"].to_numpy().astype(np.int64)
    length = df["end"].to_numpy().astype(np.int64) - start
    return (df["doc_id"].cat.codes.to_numpy().astype(np.int64) * 2**21 + start) * 2**21 + length


def _rows_before(tokens: pd.DataFrame, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """Row of the token before each (document, position) in ``tokens``, -1 where there is
    none: by offset for a table in document and position order, else through the index."""
    codes = tokens["doc_id"].array.codes
    # search the few distinct documents, in the codes' own dtype (no copy of the column)
    if len(codes):
        udoc, inv = np.unique(doc, return_inverse=True)
        first = np.searchsorted(codes, udoc.astype(codes.dtype)).astype(np.int64)[inv]
    else:
        first = np.zeros(len(doc), np.int64)
    row = first + tok - 1
    ok = (tok >= 1) & (row < len(codes))
    out = np.where(ok, row, -1)
    ok = out >= 0
    if ok.any():
        pos = tokens["tok"].to_numpy()
        good = (codes[out[ok]] == doc[ok]) & (pos[out[ok]] == tok[ok] - 1)
        if not good.all():  # not in order: the general index
            return TokenContext(tokens).rows(doc, tok - 1)
    return out


def _first_words(shared: dict[str, list[tuple[str, str, str]]], act: Actors) -> set[str]:
    """First words (folded) of the names and aliases of the candidates of shared spellings."""
    key = ("first words of shared candidates", tuple(sorted(shared)))
    got = act._cache.get(key)
    if got is None:
        ids = {a for v in shared.values() for a, _, _ in v}
        t = act.table[act.table["id"].isin(list(ids))]
        got = set()
        for name, aliases in zip(t["name"], t["aliases"], strict=True):
            for s in [name, *(aliases or ())]:
                got.update(fold(s, case=True, diacritics=True).split()[:1])
        act._cache[key] = got
    return got


def _adjective_pick(
    word: str, cands: list[tuple[str, str, str]], act: Actors
) -> tuple[str, str] | None:
    """The one candidate (actor, via) that the adjective ``word`` (folded) points to."""
    table = act.table.set_index("id")
    country = DEMONYMS.get(word)
    hits: dict[str, str] = {}
    for a, via, _ in cands:
        if a in hits or a not in table.index:
            continue
        rec = table.loc[a]
        spellings = [rec["name"], *(rec["aliases"] or ())]
        if any(fold(s, case=True, diacritics=True).split()[:1] == [word] for s in spellings):
            hits[a] = via
            continue
        aff = rec["affiliation"]
        if country and isinstance(aff, str) and aff in table.index:
            arec = table.loc[aff]
            names = {
                fold(s, case=True, diacritics=True)
                for s in [arec["name"], *(arec["aliases"] or ())]
            }
            if country in names:
                hits[a] = via
    return next(iter(hits.items())) if len(hits) == 1 else None
