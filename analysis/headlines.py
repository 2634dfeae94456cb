"""Headline rules for mentions: a listed title standing alone for its holder.

News headlines and subheads name an official by title only and the article names them later:
"Foreign secretary says ships are 'a danger …'" … "the foreign secretary, Jane Doe, said".
:func:`headline_title_mentions` counts such a title as a mention of the person when

* it is one of the person's ``titles`` in the actor table, written alone (not inside another
  mention, and not before a name), or opened by the demonym of the holder's country ("Lao
  Prosecutor General Urges …": one mention, demonym included);
* it stands in the headline block of the document: the sentences before the first one that
  ends with a full stop, question or exclamation mark (headline, subhead);
* a headline speech verb follows it ("says", "urges", "warns" …: :data:`HEADLINE_VERBS`), as
  in "Minister says …", or precedes it at the end of the headline ("…, says IGP"), or a colon
  ("Energy minister: ban will stay"), or it ends the headline after a dash ("Malaysia, China to
  firm up extradition talks - AG"), which is how headlines attribute;
* exactly one person holding that title is mentioned elsewhere in the document.

The rule looks at the occurrences of the titles' first words only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.name_forms import DEMONYMS, HEADLINE_ACTION_VERBS, subhead_line
from analysis.text import fold
from analysis.token_context import TokenContext, covered_keys, in_sorted, type_strings

__all__ = [
    "HEADLINE_VERBS", "JOINT_HEADLINE_VERBS", "TITLE_ABBREVIATIONS", "bracketed_dateline",
    "headline_title_mentions", "inside_heads",
]  # fmt: skip

#: Verbs of attribution in headlines (present tense): "Minister says …", "Envoy warns …".
HEADLINE_VERBS: frozenset[str] = frozenset({
    "says", "urges", "warns", "vows", "pledges", "calls", "tells", "defends", "rejects",
    "backs", "announces", "admits", "denies", "insists", "hails", "slams", "accuses", "signals",
})  # fmt: skip
#: Verbs of a headline whose subject is two holders, the title the second: "Kang, Dutch PM
#: agree on 'chip alliance'", "Biden, Japanese PM sign …" (plural forms; set 15).
JOINT_HEADLINE_VERBS: frozenset[str] = frozenset({
    "agree", "sign", "meet", "discuss", "hold", "vow", "pledge", "talk", "hail", "back",
    "seal", "launch", "reaffirm", "urge", "call",
})  # fmt: skip
#: How headlines shorten a listed title: "AG: Malaysia fielded 120 requests", "…, says AG"
#: (wave 18, sets 58, 60 and 61); the holder must still be the only one named in the story.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "attorney general": "ag", "prime minister": "pm", "deputy prime minister": "dpm",
    "inspector general of police": "igp", "foreign minister": "fm",
}  # fmt: skip
_SENT_END = frozenset({".", "!", "?"})
_DASHES = frozenset({"-", "–", "—", "--"})
#: Before a title that ends a headline, these attribute the headline to its holder: a dash
#: ("… - AG", held-out set 7) or a headline verb ("…, says IGP", set 9).
_ATTRIBUTING = _DASHES | HEADLINE_VERBS


def _titles(act: Actors, fold_case: bool, fold_diacritics: bool) -> dict[str, list]:
    """First word of each person's title -> [(title words, actor id)]."""
    key = ("headline titles", fold_case, fold_diacritics)
    got = act._cache.get(key)
    if got is None:
        got = {}
        people = act.table[act.table["type"] == "person"]
        for actor_id, titles in zip(people["id"], people["titles"], strict=True):
            for t in titles or ():
                words = tuple(fold(t, case=True, diacritics=fold_diacritics).split())
                short = TITLE_ABBREVIATIONS.get(" ".join(words).replace("-", " "))
                for w in (words, (short,) if short else ()):
                    if w and (w, actor_id) not in got.get(w[0], []):
                        got.setdefault(w[0], []).append((w, actor_id))
        act._cache[key] = got
    return got


def headline_title_mentions(
    tokens: pd.DataFrame, named: pd.DataFrame, act: Actors, ctx: TokenContext,
    fold_case: bool, fold_diacritics: bool,
) -> pd.DataFrame:  # fmt: skip
    """Mentions of a person by a listed title alone in a headline or subhead (see the module
    docstring); rows shaped like ``named`` (``via`` "title")."""
    titles = _titles(act, fold_case, fold_diacritics)
    if not titles or named.empty or tokens.empty:
        return named.iloc[:0]
    norm_types = ctx.norm_types
    first_words = np.asarray(norm_types.isin(list(titles)), bool)
    rows = np.flatnonzero(first_words[ctx.norm_codes])
    if not len(rows):
        return named.iloc[:0]
    # views, not int64 copies of whole-corpus columns (only a few rows are read)
    codes = tokens["doc_id"].array.codes
    sent = tokens["sent"].to_numpy()
    tok = tokens["tok"].to_numpy()
    # a headline verb within the next four tokens (vectorised, before any per-match look-up)
    longest = max(len(w) for opts in titles.values() for w, _ in opts)
    verbs = [*HEADLINE_VERBS, ":"]  # "Energy minister: ban will stay" (colon attribution)
    verbs += list(HEADLINE_ACTION_VERBS)  # "Prime Minister thanks voters" (held-out set 9)
    verbs += ["on"]  # "Reserve Bank governor on the rate cut" (an interview's headline, set 10)
    verbs += list(JOINT_HEADLINE_VERBS)  # "Kang, Dutch PM agree on …" (a joint subject, set 15)
    near = np.zeros(len(rows), bool)
    for k in range(1, min(longest, 4) + 1):
        near |= ctx.norm_in(codes[rows], tok[rows] + k, verbs)
    # "Malaysia, China to firm up extradition talks - AG": a dash before the title that ends
    # the headline attributes it (held-out set 7)
    dashed = ctx.norm_in(codes[rows], tok[rows] - 1, _ATTRIBUTING)
    near |= dashed
    rows = rows[near]
    if not len(rows):
        return named.iloc[:0]
    # the headline block: sentences before the first one closed by . ! ?
    cand_docs = np.unique(codes[rows])
    first_closed: dict[int, int | None] = {}
    for d in cand_docs.tolist():
        k = 0
        while True:
            r = ctx.rows(np.array([d]), np.array([k]))[0]
            if r < 0:
                first_closed[d] = None
                break
            s = sent[r]
            # the last token of sentence s: scan forward within the few headline tokens
            e = r
            while e + 1 < len(sent) and codes[e + 1] == d and sent[e + 1] == s and tok[e] < 120:
                e += 1
            if ctx.norm(np.array([d]), np.array([tok[e]]))[0] in _SENT_END:
                first_closed[d] = s
                break
            k = tok[e] + 1
            if k > 120:  # headlines are short: stop looking
                first_closed[d] = s
                break
    width = int(ctx.tok.max(initial=0)) + 8
    # a title may hold the name of its holder's organisation ("Reserve Bank governor"): that
    # organisation's mention inside it does not block the title, which replaces it
    affiliations = {f for f in act.table["affiliation"] if isinstance(f, str)}
    org_types = {a for a, t in act.types.items() if t == "organisation"}
    owners = affiliations & org_types
    blocking = named if not owners else named[~named["actor_id"].isin(list(owners)).to_numpy()]
    cov = covered_keys(blocking, width)
    n_codes = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    n_actor = named["actor_id"].to_numpy(object)
    out = []
    taken: set[tuple[int, int]] = set()
    for r in rows.tolist():
        d, t = int(codes[r]), int(tok[r])
        fc = first_closed.get(d)
        if fc is not None and sent[r] >= fc and not subhead_line(ctx, codes, sent, r):
            continue
        if (d, t) in taken or in_sorted(np.array([d * width + t]), cov)[0]:
            continue
        at = np.array([d]), np.array([t - 1])
        # "Lao Prosecutor General Urges …": the holder's demonym opens the title (set 12)
        opens = t == 0 or ctx.sentence_start(at[0], at[1] + 1)[0]
        demonym = None if opens else DEMONYMS.get(str(ctx.norm(*at)[0]))
        if (
            not opens
            and ctx.capitalised(*at)[0]
            and not in_sorted(d * width + at[1], cov)[0]
            and demonym is None
        ):
            continue  # "Energy Minister" when only "Minister" is listed: another title
        # "'…': A Philippine Prosecutor on …": an indefinite title is any holder (set 16)
        article = t - (2 if demonym is not None else 1)
        if str(ctx.norm(np.array([d]), np.array([article]))[0]) in ("a", "an"):
            continue
        w0 = str(type_strings(norm_types, ctx.norm_codes[[r]])[0])
        for words, actor_id in titles.get(w0, []):
            n = len(words)
            got = [str(x) for x in ctx.norm(np.full(n + 1, d), np.arange(t, t + n + 1))]
            if tuple(got[:n]) != words:
                continue
            last = ctx.sentence_start(np.array([d]), np.array([t + n]))[0] or got[n] == ""
            # (or after a headline verb: "…, says IGP", held-out set 9)
            if got[n] not in verbs and not (last and ctx.norm(*at)[0] in _ATTRIBUTING):
                continue
            if in_sorted(d * width + np.arange(t, t + n), cov).any():
                continue
            # one person of the document holds this title
            same = {a for ws, a in titles[w0] if ws == words} & set(n_actor[n_codes == d])
            if same != {actor_id}:
                continue
            e, b = r + n - 1, r
            if demonym is not None:
                if _country_name(act, actor_id) != demonym:
                    continue  # "Chinese Prosecutor General" is not the Lao one
                b = r - 1
            s0, e0 = int(tokens["start"].iat[b]), int(tokens["end"].iat[e])
            shown = " ".join(type_strings(ctx.tok_types, ctx.tok_codes[b : e + 1]))
            out.append((d, int(sent[r]), s0, e0, shown, actor_id, t - (r - b), n + (r - b)))
            taken.update((d, x) for x in range(t - (r - b), t + n))
            break
    if not out:
        return named.iloc[:0]
    df = pd.DataFrame(
        out, columns=["code", "sent", "start", "end", "matched", "actor_id", "tok", "n_tok"]
    )
    df["doc_id"] = pd.Categorical.from_codes(df.pop("code"), dtype=tokens["doc_id"].dtype)
    df["via"] = "title"
    df["key"] = df["actor_id"] + "|title"
    df["pattern"] = df["matched"]
    return df


def _country_name(act: Actors, actor_id: str) -> str | None:
    """The folded name of the country the actor belongs to (through at most three
    affiliations), or None."""
    aff = act.affiliations
    a = actor_id
    for _ in range(4):
        if act.types.get(a) == "country":
            return fold(act.names[a], case=True, diacritics=True)
        up = aff.get(a)
        if not isinstance(up, str):
            return None
        a = up
    return None


def inside_heads(named: pd.DataFrame, head: pd.DataFrame) -> np.ndarray:
    """True for the rows of ``named`` (sorted or not) lying inside a title mention of ``head``
    of another actor: "Reserve Bank" inside the headline title "Reserve Bank governor"."""
    out = np.zeros(len(named), bool)
    if head.empty or named.empty:
        return out
    big = int(max(named["end"].max(), head["end"].max())) + 1
    hkey = head["doc_id"].cat.codes.to_numpy().astype(np.int64) * big + head["start"].to_numpy()
    order = np.argsort(hkey, kind="stable")
    hkey = hkey[order]
    h_end = head["end"].to_numpy()[order]
    h_actor = head["actor_id"].to_numpy(object)[order]
    d = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    s, e = named["start"].to_numpy(), named["end"].to_numpy()
    # the last title starting at or before each row, in the same document
    j = np.searchsorted(hkey, d * big + s, side="right") - 1
    ok = j >= 0
    jj = np.clip(j, 0, None)
    ok &= (hkey[jj] // big == d) & (e <= h_end[jj])
    if ok.any():
        i = np.flatnonzero(ok)
        ok[i] = named["actor_id"].to_numpy(object)[i] != h_actor[jj[i]]
    return ok


def bracketed_dateline(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray, dashes: frozenset[str]
) -> np.ndarray:
    """Mentions (first token ``tok``, token after them ``end``) that open a sentence before an
    agency of up to three words in brackets and a dash: "Jakarta (ANTARA News) - …" (held-out
    set 34), a dateline."""
    out = np.zeros(len(tok), bool)
    at = np.flatnonzero(ctx.sentence_start(doc, tok) & (ctx.norm(doc, end) == "("))
    if len(at):
        d, e = doc[at], end[at].astype(np.int64)
        for k in (2, 3, 4):
            out[at] |= (ctx.norm(d, e + k) == ")") & np.isin(ctx.norm(d, e + k + 1), list(dashes))
    return out
