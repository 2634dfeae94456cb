"""Forms of a line or a phrase that make a match no reference to its actor (issue 12, wave 8:
held-out set 12), used by :func:`analysis.actors.find_mentions` next to
:mod:`analysis.place_forms` and :mod:`analysis.name_forms`.

:func:`place_lines_mask` (for actors with place rules, countries by default) drops:

* the places of a list line, "- 2004: Kunming, China", "2019. Hanoi, Vietnam" (a bullet or a
  number label opens the line, then "Place, Country" ends it);
* a city written before its own country, "signed at Vientiane, Lao PDR" (the country after
  it is the place rules' matter);
* a dateline's place in title case before a dash, "Phnom Penh — Dozens of workers …", or
  before a mark and a date, "Indonesia | Mon, May 22, 2023".

:func:`phrase_forms_mask` (any actor) drops:

* a name inside the title of a law or regulation, "the Russia (Sanctions) (EU Exit)
  Regulations 2019", "the Magnitsky Act of 2012" (a bracketed word or a year marks it);
* a name inside a slogan on a banner or sign, or chanted: banners reading "Reject Israel";
* a name before a plural place noun, "ASEAN capitals", "EU ports" (:data:`PLACE_PLURALS`);
* an organisation or country that is a diplomat's post: "the country's mission to the United
  Nations", "ambassador to the EU", "the Ambassador of Japan to ASEAN" (not a country after
  the envoy's state: "the Ambassador of Japan to Viet Nam" names the host);
* a tabled person's short form inside another person's name: "the surgeon Kofi Boateng" is
  not "Ama Boateng" (a capitalised word before it that is no title, honorific or part of the
  person's own name);
* a listed role written as a name that goes on with "of" and a capitalised word: "appeal to
  the Court of Cassation" is another court than the tabled "the court", "the Commission of
  Inquiry" another body than "the commission" (held-out set 17).

Every rule looks at the words around the candidate mentions only, as integer codes of the
tokens table's ``norm`` column; strings are built for the few rows left after the cheap tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.cues import SPEECH_VERBS
from analysis.dates import MONTH_NAMES, WEEKDAY_NAMES
from analysis.headlines import HEADLINE_VERBS
from analysis.mention_rules import HONORIFICS
from analysis.name_forms import DEMONYMS
from analysis.place_rules import ENVOY_NOUNS
from analysis.text import fold
from analysis.token_context import (
    TokenContext,
    code_table,
    codes_at,
    codes_before,
    covered_keys,
    in_sorted,
    in_table,
    mention_frame,
    possessive_mask,
)

__all__ = [
    "LIST_BULLETS",
    "LAW_HEADS",
    "SIGN_NOUNS",
    "POST_NOUNS",
    "PLACE_PLURALS",
    "TITLE_WORDS",
    "DATELINE_DASHES",
    "STAMP_MARKS",
    "place_lines_mask",
    "phrase_forms_mask",
]

#: Marks that open a list item: "- 2004: Kunming, China", "• Hanoi, Vietnam".
LIST_BULLETS: frozenset[str] = frozenset({"-", "–", "—", "•", "*", "·", "▪", "‣", "◦"})
# the mark after a list item's number label: "2004:", "3.", "1)"
_LABEL_ENDS = frozenset({":", ".", ")", "-", "–", "—"})
_ITEM_ENDS = frozenset({".", ";"})
#: Last words of the title of a law or regulation: "the Russia (Sanctions) (EU Exit)
#: Regulations 2019", "the Global Magnitsky Act of 2016".
LAW_HEADS: frozenset[str] = frozenset({
    "act", "acts", "regulations", "regulation", "order", "bill", "law", "decree", "ordinance",
    "directive", "rules", "code", "statute",
})  # fmt: skip
# words a law's title may hold between its capitalised words
_LAW_FILL = frozenset({"(", ")", "and", "of", "&", "-", "on", "for", "the"})
#: Things carrying a slogan: banners reading "Reject Israel", placards saying "…".
SIGN_NOUNS: frozenset[str] = frozenset({
    "banner", "banners", "placard", "placards", "sign", "signs", "poster", "posters",
    "t-shirt", "t-shirts", "shirts", "billboard", "billboards", "graffiti", "flags", "scarves",
})  # fmt: skip
_SIGN_VERBS = frozenset({"reading", "read", "saying", "said", "bearing", "proclaiming", "with"})
_CHANTS = frozenset({"chanting", "chanted", "chant", "chants", "shouting", "slogans"})
_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
#: Nouns of a diplomat's post whose "to [the] X" names the post, not the actor: "the
#: country's mission to the United Nations" (with :data:`analysis.place_rules.ENVOY_NOUNS`).
POST_NOUNS: frozenset[str] = ENVOY_NOUNS | frozenset({"mission", "missions"})
#: Plural place nouns after an actor's name: "ASEAN capitals", "EU ports" (the members'
#: places, not the actor).
PLACE_PLURALS: frozenset[str] = frozenset({
    "capitals", "cities", "ports", "seaports", "airports", "harbours", "harbors",
})  # fmt: skip
#: Capitalised words before a surname that make it a title, not another person's given name:
#: "Coach Boateng", "Judge Marchbank" (with the table's own titles and
#: :data:`analysis.mention_rules.HONORIFICS`).
TITLE_WORDS: frozenset[str] = frozenset({
    "president", "minister", "secretary", "judge", "justice", "senator", "governor", "general",
    "gen", "gen.", "commissioner", "director", "chairman", "chairwoman", "chair", "prime",
    "ambassador", "professor", "prof", "prof.", "lord", "lady", "king", "queen", "prince",
    "princess", "sheikh", "captain", "capt", "colonel", "col", "major", "lieutenant", "lt",
    "sergeant", "sgt", "coach", "mayor", "chief", "deputy", "vice", "acting", "former",
    "spokesman", "spokeswoman", "spokesperson", "inspector", "superintendent", "officer",
    "detective", "rev", "reverend", "father", "bishop", "cardinal", "pope", "imam", "rabbi",
    "councillor", "councilor", "congressman", "congresswoman", "representative", "rep",
    "sen", "gov", "speaker", "chancellor", "premier", "attorney", "advocate", "counsel",
    "constable", "agent", "brig", "pol", "excellency", "dato", "datuk", "tan", "sri", "haji",
    "u", "daw", "khun", "pak", "ibu", "bapak", "madame", "monsieur", "señor", "herr", "frau",
    "mp", "mep", "kc", "qc", "st", "saint", "emir", "sultan", "minister-president",
    "comrade",  # Vietnamese and Lao state media: "Comrade Thắng" (held-out set 35)
})  # fmt: skip
_NOT_GIVEN = TITLE_WORDS | HONORIFICS | frozenset(DEMONYMS) | MONTH_NAMES | WEEKDAY_NAMES


def place_lines_mask(
    named: pd.DataFrame, ctx: TokenContext, place_actors: frozenset[str] | set[str]
) -> np.ndarray:
    """True for mentions of ``place_actors`` that only locate something: the places of a list
    line and a city before its own country (the first two forms of the module docstring;
    with the place rules, on the mentions before any of them is dropped). ``named`` is sorted
    by document and start."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc, tok, end = mention_frame(named)
    poss = possessive_mask(named)
    cty = named["actor_id"].isin(list(place_actors)).to_numpy() & ~poss
    if cty.any():
        sel = np.flatnonzero(cty)
        out[sel] = _list_line(ctx, doc[sel], tok[sel], end[sel])
        # a place after the dash is a pair of actors ("Malaysia – Singapore"); a person is the
        # dateline's sentence ("Bandar Seri Begawan – Attorney General … received", set 22)
        out[sel] |= _dash_dateline(named.loc[cty], ctx, doc[sel], tok[sel], end[sel])
        out[sel] |= _stamped_place(ctx, doc[sel], tok[sel], end[sel])
        out[sel] |= _labelled_place(named, ctx, doc[sel], tok[sel], end[sel])
        out |= _city_before_country(named, ctx, doc, tok, end, cty)
    return out


#: Dashes after a dateline's place: "Lima — The court …", "Accra – Police …".
DATELINE_DASHES: frozenset[str] = frozenset({"—", "–", "--", "-"})
# a dateline opens a paragraph of a sentence at least this long (not a headline "X — Y")
_DATELINE_MIN_TOKENS = 8


#: Marks between a dateline's place and its date: "Lima | Fri, June 14, 2024", "Accra ● 3 May".
STAMP_MARKS: frozenset[str] = frozenset({"|", "●", "•", "·"})
_DAYS = WEEKDAY_NAMES | frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"}
)


def _stamped_place(
    ctx: TokenContext, d: np.ndarray, t: np.ndarray, e: np.ndarray
) -> np.ndarray:  # fmt: skip
    """A place before a mark and a date (a weekday, a month or a day's number): the place and
    date line under a masthead or a byline, "Indonesia | Mon, May 22,
    2023", "Jakarta ● Mon, May 22, 2023" (held-out set 20)."""
    out = in_table(codes_at(ctx, d, e), code_table(ctx, STAMP_MARKS))
    i = np.flatnonzero(out)
    if not len(i):
        return out
    di, ei = d[i], e[i]
    dated = in_table(codes_at(ctx, di, ei + 1), code_table(ctx, MONTH_NAMES | _DAYS))
    num = np.flatnonzero(~dated)
    if len(num):  # "3 May 2025": the day's number looked at on these rows only
        dated[num] = np.char.isdigit(ctx.norm(di[num], ei[num] + 1).astype(str)) & in_table(
            codes_at(ctx, di[num], ei[num] + 2), code_table(ctx, MONTH_NAMES)
        )
    out[i] = dated
    return out


def _dash_dateline(
    named: pd.DataFrame, ctx: TokenContext, d: np.ndarray, t: np.ndarray, e: np.ndarray
) -> np.ndarray:
    """A place opening its sentence before a dash and a capitalised word that starts no
    mention of ``named`` (the places), in a sentence of at least :data:`_DATELINE_MIN_TOKENS` tokens: the dateline
    "Phnom Penh — Dozens of workers …" written in title case (held-out set 20; "PHNOM PENH —"
    in capitals is the boilerplate's)."""
    dash = in_table(codes_at(ctx, d, e), code_table(ctx, DATELINE_DASHES))
    out = dash & ctx.sentence_start(d, t)
    i = np.flatnonzero(out)
    if not len(i):
        return out
    di, ei = d[i], e[i]
    ok = ctx.capitalised(di, ei + 1)
    width = int(ctx.tok.max(initial=0)) + 8
    all_doc, all_tok, _ = mention_frame(named)
    starts = np.sort(all_doc * width + all_tok)
    ok &= ~in_sorted(di * width + ei + 1, starts)
    for k in range(2, _DATELINE_MIN_TOKENS):
        ok &= (codes_at(ctx, di, ei + k) >= 0) & ~ctx.sentence_start(di, ei + k)
    out[i] = ok
    return out


def phrase_forms_mask(named: pd.DataFrame, ctx: TokenContext, act: Actors) -> np.ndarray:
    """True for matches that the form of their phrase makes no reference: inside a law's
    title or a slogan, a diplomat's post, a tabled short form in another person's name, a
    role going on with "of" and a capitalised word (the last five forms of the module
    docstring). ``named`` is sorted by document and start."""
    out = np.zeros(len(named), bool)
    if named.empty:
        return out
    doc, tok, end = mention_frame(named)
    people = [a for a, t in act.types.items() if t == "person"]
    law, (post, envoy_of) = _law_title(ctx, doc, tok, end), _post(ctx, doc, tok)
    # "the Ambassador of Japan to Viet Nam": the host country counts (held-out set 3), an
    # organisation does not ("… of China to ASEAN", set 13)
    k = np.flatnonzero(envoy_of)
    if len(k):
        post[k] &= ~named["actor_id"].iloc[k].isin(list(_place_actors(act))).to_numpy(bool)
    i = np.flatnonzero(law | post)
    if len(i):  # not a possessive, not a person: looked at on these few rows only
        who = named.iloc[i]
        law[i] &= ~possessive_mask(who)
        not_person = ~who["actor_id"].isin(people).to_numpy(bool)
        law[i] &= not_person
        post[i] &= not_person
    out |= law | post | _slogan(ctx, doc, tok)
    # "ASEAN capitals", "EU ports": the places of the members, not the organisation
    towns = np.flatnonzero(in_table(codes_at(ctx, doc, end), code_table(ctx, PLACE_PLURALS)))
    if len(towns):
        who = named.iloc[towns]
        out[towns] |= ~who["actor_id"].isin(people).to_numpy(bool) & ~possessive_mask(who)
    short = np.flatnonzero((named["via"] == "short").to_numpy(bool) & (end - tok == 1))
    if len(short):
        short = short[named["actor_id"].iloc[short].isin(people).to_numpy(bool)]
    if len(short):
        out[short] |= _other_given_name(named, ctx, act, short, doc, tok)
        out[short] |= _longer_name_after(named, ctx, act, short, doc, tok)
    role = np.flatnonzero((named["via"] == "role").to_numpy(bool))
    if len(role):
        d, e = doc[role], end[role]
        out[role] |= (
            ctx.capitalised(d, e - 1)
            & (ctx.norm(d, e).astype(str) == "of")
            & ctx.capitalised(d, e + 1)
        )
    return out


def _place_actors(act: Actors) -> set[str]:
    return set(act.table.loc[act.table["places"], "id"])


def _chunk_start(ctx: TokenContext, d: np.ndarray, t: np.ndarray) -> np.ndarray:
    """The first token of the run of at most four capitalised tokens ending right before
    ``t`` in its sentence (``t`` itself where there is none)."""
    start = t.copy()
    live = np.ones(len(t), bool)
    for k in range(1, 5):
        if not live.any():
            break
        cap = np.zeros(len(t), bool)
        i = np.flatnonzero(live)
        cap[i] = (codes_before(ctx, d[i], t[i], k) >= 0) & ctx.capitalised(d[i], t[i] - k)
        start[cap] = t[cap] - k
        live &= cap
    return start


def _line_head(ctx: TokenContext, d: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Token ``t`` opens a list item's text: a bullet, a number label ("2004:", "3.") or
    both open its sentence right before it."""
    bullets, label_ends = code_table(ctx, LIST_BULLETS), code_table(ctx, _LABEL_ENDS)
    first = ctx.sentence_start(d, t)
    b1 = in_table(codes_at(ctx, d, t - 1), bullets)
    out = b1 & ctx.sentence_start(d, t - 1) & ~first
    # (the tokenizer may end a sentence after "1.": the item's text then opens the next one)
    lab = np.flatnonzero(in_table(codes_at(ctx, d, t - 1), label_ends) & ~out)
    if len(lab):
        dl, tl = d[lab], t[lab]
        num = np.array([s.isdigit() for s in ctx.norm(dl, tl - 2)], bool)
        opens = ctx.sentence_start(dl, tl - 2) | (
            in_table(codes_at(ctx, dl, tl - 3), bullets) & ctx.sentence_start(dl, tl - 3)
        )
        out[lab] = num & opens & ~ctx.sentence_start(dl, tl - 1)
    return out


def _line_tail(ctx: TokenContext, d: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Token ``e`` is past the end of its line's sentence (optionally after "." or ";")."""
    here = ctx.rows(d, e - 1)
    there = ctx.rows(d, e)
    out = there < 0
    ok = (here >= 0) & (there >= 0)
    out[ok] = ctx.sent[here[ok]] != ctx.sent[there[ok]]
    dot = ~out & in_table(codes_at(ctx, d, e), code_table(ctx, _ITEM_ENDS))
    if dot.any():
        i = np.flatnonzero(dot)
        nxt = ctx.rows(d[i], e[i] + 1)
        end_ok = nxt < 0
        has = nxt >= 0
        end_ok[has] = ctx.sent[nxt[has]] != ctx.sent[ctx.rows(d[i][has], e[i][has])]
        out[i] = end_ok
    return out


def _list_line(ctx: TokenContext, d: np.ndarray, t: np.ndarray, e: np.ndarray) -> np.ndarray:
    """ "- 2004: Kunming, China" / "- 2006: Bangkok, Thailand": a list item that is only
    "Place, Country" (each at most four capitalised words)."""
    comma = code_table(ctx, {","})
    the = code_table(ctx, {"the"})
    out = np.zeros(len(t), bool)
    # the country after the comma: "Kunming, [China]"
    after = np.flatnonzero(in_table(codes_before(ctx, d, t, 1), comma))
    if len(after):
        da, ta, ea = d[after], t[after], e[after]
        # "Manila, the Philippines"
        ta_ = np.where(in_table(codes_at(ctx, da, ta - 1), the), ta - 1, ta)
        ok = _line_tail(ctx, da, ea) & in_table(codes_at(ctx, da, ta_ - 1), comma)
        s = _chunk_start(ctx, da, ta_ - 1)
        ok &= s < ta_ - 1
        i = np.flatnonzero(ok)
        ok[i] = _line_head(ctx, da[i], s[i])
        out[after] = ok
    # the place before the comma: "[Bangkok], Thailand"
    before = np.flatnonzero(in_table(codes_at(ctx, d, e), comma) & ~out)
    if len(before):
        db, tb, eb = d[before], t[before], e[before]
        ok = _line_head(ctx, db, tb)
        c0 = eb + 1 + in_table(codes_at(ctx, db, eb + 1), the)
        n = np.zeros(len(tb), np.int64)
        live = ok.copy()
        for k in range(4):
            if not live.any():
                break
            i = np.flatnonzero(live)
            cap = ctx.capitalised(db[i], c0[i] + k) & (codes_at(ctx, db[i], c0[i] + k) >= 0)
            n[i[cap]] = k + 1
            live[i[~cap]] = False
        ok &= n > 0
        i = np.flatnonzero(ok)
        ok[i] = _line_tail(ctx, db[i], c0[i] + n[i])
        out[before] = ok
    return out


def _labelled_place(
    named: pd.DataFrame, ctx: TokenContext, d: np.ndarray, t: np.ndarray, e: np.ndarray
) -> np.ndarray:  # fmt: skip
    """ "Place, Country" after the label of a timeline entry or a fact box, ending its line or
    followed by the entry's colon: "• 2018: Siem Reap, Cambodia: telecom fraud becomes …",
    "• October 2014 – Nay Pyi Taw, Myanmar: …", "Founded: 2004, Kunming, China", "Next
    meeting: 13th, 2023, Manila, Philippines", "Venue: National Convention Centre, Vientiane"
    (wave 21, set 89). The label ends in a colon or a dash, or in a number and a comma; the
    place before the comma is no mention ("Speakers: Ms Siti, Indonesia" names a party)."""
    out = np.zeros(len(t), bool)
    comma = code_table(ctx, {","})
    i = np.flatnonzero(in_table(codes_before(ctx, d, t, 1), comma))
    if not len(i):
        return out
    di, ti, ei = d[i], t[i], e[i]
    colon = code_table(ctx, {":"})
    ends = _line_tail(ctx, di, ei) | in_table(codes_at(ctx, di, ei), colon)
    # the next line's label may share the sentence: "…, Port Lis, Elbonia\nNext meeting: …"
    k = np.flatnonzero(~ends & ctx.capitalised(di, ei))
    for n in (1, 2):
        if len(k):
            hit = in_table(codes_at(ctx, di[k], ei[k] + n), colon)
            ends[k[hit]] = True
            k = k[~hit & (codes_at(ctx, di[k], ei[k] + n) >= 0)]
            k = k[np.char.isalpha(ctx.norm(di[k], ei[k] + n).astype(str))]
    s = _chunk_start(ctx, di, ti - 1)
    ok = ends & (s < ti - 1)
    # (the country's own capital may be the place: "Nay Pyi Taw, Myanmar:")
    width = int(ctx.tok.max(initial=0)) + 8
    k = np.flatnonzero(ok & in_sorted(di * width + ti - 2, covered_keys(named, width)))
    if len(k):
        owner = _covering_actor(named, di[k], ti[k] - 2)
        ok[k] = owner == _covering_actor(named, di[k], ti[k])
    label = codes_at(ctx, di, s - 1)
    marks = in_table(label, code_table(ctx, {":", "–", "—", "-"}))
    numbered = in_table(label, comma)
    k = np.flatnonzero(ok & numbered)
    if len(k):
        numbered[k] = [w[:1].isdigit() for w in ctx.norm(di[k], s[k] - 2)]
    out[i] = ok & (marks | numbered)
    return out


def _covering_actor(named: pd.DataFrame, d: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Actor of the mention of ``named`` (sorted by document and start) covering token ``t``
    of document ``d``; None where none does."""
    key = (named["doc_id"].cat.codes.to_numpy().astype(np.int64) * (1 << 32)
           + named["tok"].to_numpy().astype(np.int64))  # fmt: skip
    i = np.searchsorted(key, d.astype(np.int64) * (1 << 32) + t, side="right") - 1
    ok = i >= 0
    j = np.clip(i, 0, None)
    ok &= named["doc_id"].cat.codes.to_numpy()[j] == d
    ok &= (named["tok"].to_numpy() + named["n_tok"].to_numpy())[j] > t
    out = named["actor_id"].to_numpy(object)[j]
    out[~ok] = None
    return out


def _city_before_country(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    cty: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """A city alias right before ", <the same actor>": "at Vientiane, Lao PDR", "Beijing,
    China" (the city locates; "Beijing, Washington and Moscow" are three actors)."""
    out = np.zeros(len(named), bool)
    if len(named) < 2:
        return out
    alias = (named["via"] == "alias").to_numpy(bool)
    actor = pd.factorize(named["actor_id"])[0]
    nxt = (doc[1:] == doc[:-1]) & (tok[1:] == end[:-1] + 1) & (actor[1:] == actor[:-1]) & cty[1:]
    i = np.flatnonzero(nxt & cty[:-1] & alias[:-1])
    if len(i):
        out[i] = in_table(codes_at(ctx, doc[i], end[i]), code_table(ctx, {","}))
    return out


def _law_title(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The match is inside the title of a law: capitalised words, brackets and small words
    from it to a capitalised head of :data:`LAW_HEADS` that ends the title, with a bracketed
    word in it or a year after the head ("Regulations 2019", "Act of 2012")."""
    heads = code_table(ctx, LAW_HEADS)
    if not heads.any():
        return np.zeros(len(tok), bool)
    found = np.zeros(len(tok), bool)
    # first test, one gather: the title goes on right after the match ("Russia (Sanctions)",
    # "EU Exit)", "Ghana Data Protection Act")
    n0 = codes_at(ctx, doc, end)
    cand = np.flatnonzero(in_table(n0, code_table(ctx, {"(", ")"})))
    cap = np.flatnonzero(n0 >= 0)
    cand = np.union1d(cand, cap[ctx.capitalised(doc[cap], end[cap])])
    if len(cand):
        found[cand] = _law_walk(ctx, doc[cand], tok[cand], end[cand], heads)
    return found


def _law_walk(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray, heads: np.ndarray
) -> np.ndarray:
    fill = code_table(ctx, _LAW_FILL)
    opening = code_table(ctx, {"("})
    found = np.zeros(len(tok), bool)
    live = np.ones(len(tok), bool)
    bracket = in_table(codes_at(ctx, doc, tok - 1), opening)
    for k in range(0, 10):
        if not live.any():
            break
        i = np.flatnonzero(live)
        c = codes_at(ctx, doc[i], end[i] + k)
        head = in_table(c, heads) & ctx.capitalised(doc[i], end[i] + k)
        if head.any():
            h = i[head]
            e = end[h] + k + 1
            nxt = ctx.norm(doc[h], e)
            year = np.array([s.isdigit() and len(s) == 4 for s in nxt], bool)
            of_year = (nxt == "of") & np.array(
                [s.isdigit() and len(s) == 4 for s in ctx.norm(doc[h], e + 1)], bool
            )
            closed = ~ctx.capitalised(doc[h], e) | year
            found[h] = closed & (bracket[h] | year | of_year)
        bracket[i] |= in_table(c, opening)
        go = ~head & (in_table(c, fill) | ctx.capitalised(doc[i], end[i] + k)) & (c >= 0)
        live[i] = go
    return found


def _slogan(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> np.ndarray:
    """Inside quotation marks opened (at most five tokens before the match, in its sentence)
    after "reading"/"saying" with a sign noun just before it (banners reading "Reject X"), or
    after a chant word ("chanting 'Down with X'")."""
    signs, chants = code_table(ctx, SIGN_NOUNS), code_table(ctx, _CHANTS)
    found = np.zeros(len(tok), bool)
    if not signs.any() and not chants.any():
        return found
    quotes, verbs = code_table(ctx, _QUOTES), code_table(ctx, _SIGN_VERBS)
    # first test: a quotation mark at most five tokens before (one gather each)
    live = np.zeros(len(tok), bool)
    for k in range(1, 6):
        live |= in_table(codes_at(ctx, doc, tok - k), quotes)
    for k in range(1, 6):
        i = np.flatnonzero(live)
        if not len(i):
            break
        c = codes_before(ctx, doc[i], tok[i], k)
        q = in_table(c, quotes)
        if q.any():
            j = i[q]
            w1 = codes_before(ctx, doc[j], tok[j], k + 1)
            hit = in_table(w1, chants)
            for m in (2, 3, 4):
                hit |= in_table(w1, verbs) & in_table(
                    codes_before(ctx, doc[j], tok[j], k + m), signs
                )
            found[j] = hit
        live[i] = ~q & (c >= 0)
    return found


def _post(ctx: TokenContext, doc: np.ndarray, tok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ "mission to [the] X", "ambassador to the X": the post of a diplomat; and (second mask)
    the same with the envoy's state between, "the Ambassador of Japan to ASEAN"."""
    to, the, posts = code_table(ctx, {"to"}), code_table(ctx, {"the"}), code_table(ctx, POST_NOUNS)
    found = np.zeros(len(tok), bool)
    envoy_of = np.zeros(len(tok), bool)
    b0 = codes_at(ctx, doc, tok - 1)
    i = np.flatnonzero(in_table(b0, to | the))
    if not len(i):
        return found, envoy_of
    d, t = doc[i], tok[i]
    b0, b1, b2 = (codes_before(ctx, d, t, k) for k in (1, 2, 3))
    found[i] = (in_table(b0, to) & in_table(b1, posts)) | (
        in_table(b0, the) & in_table(b1, to) & in_table(b2, posts)
    )
    # the envoy's own state between: "the Ambassador of the People's Republic of China to
    # ASEAN" (held-out set 13)
    j = np.flatnonzero(~found[i] & (in_table(b0, to) | (in_table(b0, the) & in_table(b1, to))))
    if len(j):
        to_at = t[j] - np.where(in_table(b0[j], the), 2, 1)
        dj = d[j]
        of = code_table(ctx, {"of", "the"})
        for k in range(1, 9):  # the rows still open only
            if not len(j):
                break
            c = codes_at(ctx, dj, to_at - k)
            hit = in_table(c, posts) & (k > 2)
            found[i[j[hit]]] = envoy_of[i[j[hit]]] = True
            keep = ~hit & (c >= 0) & in_table(c, of)
            rest = np.flatnonzero(~hit & (c >= 0) & ~keep)
            keep[rest] = ctx.capitalised(dj[rest], to_at[rest] - k)
            j, to_at, dj = j[keep], to_at[keep], dj[keep]
    return found, envoy_of


def _other_given_name(
    named: pd.DataFrame, ctx: TokenContext, act: Actors, rows: np.ndarray, doc: np.ndarray,
    tok: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """A one-word short form right after a capitalised word inside the sentence that is no
    title or honorific (the table's or :data:`TITLE_WORDS`), no word of the person's own name
    and no other mention: "the surgeon Kofi Boateng" is another Boateng."""
    d, t = doc[rows], tok[rows]
    prev = t - 1
    ok = (codes_before(ctx, d, t, 1) >= 0) & ctx.capitalised(d, prev) & ~ctx.upper(d, prev)
    # a sentence's first word is a given name only when the two words are the whole
    # sentence: a byline's "Brian Wong" (held-out set 74), not "Yesterday Wong said"
    whole = ctx.sentence_start(d, t + 1) | (ctx.rows(d, t + 1) < 0)
    ok &= ~ctx.sentence_start(d, prev) | whole
    return _another_name_word(named, ctx, act, rows, d, prev, ok, _NOT_GIVEN)


def _longer_name_after(
    named: pd.DataFrame, ctx: TokenContext, act: Actors, rows: np.ndarray, doc: np.ndarray,
    tok: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """A one-word short form right before a capitalised word of the same sentence that is no
    word of the person's own name, no other mention and no headline's verb ("Says", "Urges":
    :data:`analysis.headlines.HEADLINE_VERBS` and :data:`analysis.cues.SPEECH_VERBS`): a
    longer name, another person's or a place's ("the case of Huang Mou and 17 others", "in
    Ha Long next week"; wave 28: the references of sets 18-160 leave it uncoded 4 times of 4,
    and code none)."""
    d, t = doc[rows], tok[rows]
    nxt = t + 1
    ok = (ctx.rows(d, nxt) >= 0) & ctx.capitalised(d, nxt) & ~ctx.upper(d, nxt)
    ok &= ~ctx.sentence_start(d, nxt) & ~ctx.norm_in(d, nxt, _HEADLINE_WORDS)
    return _another_name_word(named, ctx, act, rows, d, nxt, ok, frozenset())


_HEADLINE_WORDS = HEADLINE_VERBS | frozenset(SPEECH_VERBS)


def _another_name_word(
    named: pd.DataFrame, ctx: TokenContext, act: Actors, rows: np.ndarray, d: np.ndarray,
    at: np.ndarray, ok: np.ndarray, not_names: frozenset[str],
) -> np.ndarray:  # fmt: skip
    """``ok`` narrowed to the rows whose word at token ``at`` is in no other mention, is
    alphabetic, and is neither one of ``not_names`` nor a word of the person's own name (folded):
    the word of another name next to a short form."""
    width = int(ctx.tok.max(initial=0)) + 8
    ok &= ~in_sorted(d * width + at, covered_keys(named, width))
    if not ok.any():
        return ok
    i = np.flatnonzero(ok)
    words = ctx.norm(d[i], at[i])
    ids = named["actor_id"].to_numpy(object)[rows[i]]
    own = _own_words(act)
    ok[i] = [
        w.isalpha() and fold(w, case=True, diacritics=True) not in not_names | own.get(a, set())
        for w, a in zip(words, ids, strict=True)
    ]
    return ok


def _own_words(act: Actors) -> dict[str, set[str]]:
    """Person id -> the folded words of its name, short forms and titles, with every title
    word of the table (a title of one person is no given name before another's surname)."""
    key = ("phrase_forms own words",)
    got = act._cache.get(key)
    if got is None:
        people = act.table[act.table["type"] == "person"]
        every: set[str] = set()
        got = {}
        for a, name, titles, short in zip(
            people["id"], people["name"], people["titles"], people["short"], strict=True
        ):
            words = {w for s in [name, *(short or ())] for w in fold(s, case=True).split()}
            title_words = {w for s in titles or () for w in fold(s, case=True).split()}
            every |= title_words
            got[a] = words | title_words
        for a in got:
            got[a] |= every
        act._cache[key] = got
    return got
