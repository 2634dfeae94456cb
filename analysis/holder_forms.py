"""Names inside a tabled person's title, next to the person's mention: one reference, of the
person (held-out set 16; the guidelines of sets 8-16 on titles and appositions).

* a country's name right before a tabled person's mention opened by a title in lower case
  ("Thailand coach Sorawit Kongkaew", "the Kenya striker Otieno"): the title of the person,
  as a demonym would be ("Thai coach …"); a title in capitals keeps both ("Ecuador President
  Ana Ruiz" is a country and a person, as set 2's "Vietnam's Minister of …");
* an apposition after the person's name holding another actor's possessive and a lower-case
  title ("Mr Guo Minghui, the SPP's procurator-general, said …"): not coded, as set 8's
  "Mammadov, Azerbaijan's ecology minister" (which :mod:`analysis.place_rules` handles for
  countries without "the"); a role there counts ("Nadia Okafor, the group's executive
  director", set 4);
* another country's body of the same name: a tabled body of one country right after the
  mention of another ("The US Department of Justice declined to comment", where the table's
  "Department of Justice" is the Philippines'; held-out set 17) is an untabled body that
  shares the name, not the tabled one; the country stays;
* the same with the other country's marker further off (:func:`other_country_body_mask`,
  held-out sets 34-48): "the Attorney General's Chambers (AGC) of Brunei Darussalam", "the
  Thai Attorney General's Office", "the Union Attorney General's Office" ("Union" is
  Myanmar's: the Union Attorney General) when the table's body of that name is Malaysia's or
  Indonesia's. A marker naming the body's own country keeps it ("the Attorney General's
  Chambers of Malaysia").

:func:`holder_title_mask` and :func:`foreign_body_mask` are rules of
:func:`analysis.actors.find_mentions`; :func:`possessive_title_mask` (a country's possessive in
the title of a tabled person right before or after the name) is one of
:mod:`analysis.place_rules`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.token_context import TokenContext, possessive_mask

__all__ = [
    "holder_title_mask", "foreign_body_mask", "other_country_body_mask", "possessive_title_mask",
    "possessed_body_ids", "word_parts",
    "UNION_BODIES", "APPOSED_POSTS", "SERVICE_POSTS", "OFFICE_NOUNS",
]  # fmt: skip

_TITLE_WORDS = 4  # lower-case words of a title in apposition


def _title_run(ctx: TokenContext, doc: np.ndarray, at: np.ndarray, capitals: bool) -> np.ndarray:
    """The words of a title from token ``at`` on, per row: alphabetic words (hyphens inside
    allowed), all in lower case ("ecology minister") or all capitalised ("Deputy
    Procurator-General"), counted up to ``_TITLE_WORDS + 1``."""
    k = np.zeros(len(doc), np.int64)
    run = np.ones(len(doc), bool)
    for m in range(_TITLE_WORDS + 1):
        w = ctx.norm(doc, at + m).astype(str)
        w = np.char.replace(np.char.replace(w, "'s", ""), "’s", "")  # "Supreme People's …"
        run &= np.char.isalpha(np.char.replace(w, "-", "")) & (
            ctx.capitalised(doc, at + m) == capitals
        )
        k += run
    return k


def holder_title_mask(
    named: pd.DataFrame,
    ctx: TokenContext,
    countries: frozenset[str] | set[str],
    persons: frozenset[str] | set[str],
) -> np.ndarray:
    """True for the mentions (rows of ``named``, sorted by document and start) that are part
    of a tabled person's title next to the person's mention (see the module docstring)."""
    out = np.zeros(len(named), bool)
    if len(named) < 2 or not persons:
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    person = named["actor_id"].isin(list(persons)).to_numpy()
    country = named["actor_id"].isin(list(countries)).to_numpy()
    poss = possessive_mask(named)
    same = doc[1:] == doc[:-1]
    # COUNTRY title PERSON: the person's mention opens with a lower-case title word
    i = np.flatnonzero(same & country[:-1] & ~poss[:-1] & person[1:] & (tok[1:] == end[:-1]))
    if len(i):
        out[i] = ~ctx.capitalised(doc[i], tok[i + 1])
    # PERSON, [the] ACTOR's title: the title in lower case, then a comma, a stop or the end
    # (not a role: "said Nadia Okafor, the group's executive director" counts the group, set 4)
    role = (named["via"] == "role").to_numpy(bool)
    j = np.flatnonzero(same & person[:-1] & ~person[1:] & poss[1:] & ~role[1:])
    if len(j):
        d = doc[j]
        gap = tok[j + 1] - end[j]
        comma = ctx.norm(d, end[j]) == ","
        the = ctx.norm(d, end[j] + 1) == "the"
        ok = comma & ((gap == 1) | ((gap == 2) & the))
        e = end[j + 1]
        k = _title_run(ctx, d, e, capitals=False)
        closers = [",", ".", ";", ""]
        closed = np.isin(ctx.norm(d, e + k).astype(str), closers)
        # one capitalised word inside, the region of the post, when a post's noun closes it:
        # "Hannah Kerrigan, HRW's deputy Asia director, told …", "Elaine Porter, Human Rights
        # Watch's senior Asia researcher, argues" (held-out sets 51 and 56; the adjudicated
        # references of sets 27-64 leave the body of this apposition uncoded 4 times of 4)
        inner = ~closed & (k >= 1) & ctx.capitalised(d, e + k)
        if inner.any():
            k2 = k + 1 + _title_run(ctx, d, e + k + 1, capitals=False)
            last = ctx.norm(d, e + k2 - 1).astype(str)
            closed2 = np.isin(ctx.norm(d, e + k2).astype(str), closers)
            closed2 &= np.isin(last, list(APPOSED_POSTS)) & (k2 > k + 1)
            k = np.where(inner & closed2, k2 - 1, k)  # the region word not counted
            closed |= inner & closed2
        out[j + 1] = ok & (k >= 1) & (k <= _TITLE_WORDS) & closed
    out |= _apposed_body(named, ctx, doc, tok, end, person, country, role)
    out |= _prefixed_body(ctx, doc, tok, end, person, role, poss)
    out |= _label_body(ctx, doc, tok, end, person, country, role)
    # a title alone in the possessive before "office" names the office, not its holder: "a
    # statement from the General Prosecutor's office" (wave 25; the references of sets 59-132
    # leave it uncoded 5 times of 5)
    k = np.flatnonzero(person & role & poss)
    if len(k):
        out[k] |= np.isin(ctx.norm(doc[k], end[k]).astype(str), list(OFFICE_NOUNS))
    return out


#: Nouns after a title's possessive that name the holder's office, not the holder.
OFFICE_NOUNS: frozenset[str] = frozenset({
    "office", "offices", "chambers", "department", "bureau", "secretariat", "cabinet",
})  # fmt: skip


#: Nouns that close a description of a person's post in apposition ("a senior fellow at", "deputy
#: Asia director at", "head of"): the body named after them is part of the description.
APPOSED_POSTS: frozenset[str] = frozenset({
    "fellow", "researcher", "director", "professor", "lecturer", "analyst", "head", "chief",
    "spokesperson", "spokesman", "spokeswoman", "representative", "coordinator", "adviser",
    "advisor", "chair", "chairman", "chairwoman", "president", "secretary", "partner",
    "lawyer", "founder", "member", "economist", "scholar", "expert", "manager", "campaigner",
    "associate", "specialist", "consultant", "editor", "dean",
})  # fmt: skip
#: Posts of prosecution services, ministries and embassies (wave 25): with one of them the post
#: may be a capitalised title ("Zhao Mingyuan, Deputy Procurator-General of the SPP", "Chea
#: Malis, Secretary of State of the Ministry of Justice", "Minister at the Prime Minister's
#: Office"). A capitalised post of :data:`APPOSED_POSTS` alone keeps its body, as the sample
#: study's hand coding has it ("President Vo Van Thuong, Head of the Central Steering Committee
#: for Judicial Reform") and set 23's ("President of the OSPP").
SERVICE_POSTS: frozenset[str] = frozenset({
    "procurator-general", "procurator", "prosecutor-general", "prosecutor", "general",
    "attorney-general", "director-general", "minister", "commissioner", "ambassador",
    "officer", "official", "judge", "counsel", "state",
    # an international body's envoy, as an ambassador (wave 28: "Helena Marsh, Regional
    # Representative of the UNODC, called for …"; the references of sets 18-160 leave the
    # body uncoded 5 times of 5)
    "representative",
})  # fmt: skip
_BODY_CLOSERS = frozenset({",", ".", ";", ":", ")", "in", "and", "who", "which", "", "said"})
#: Words that make the words after a name a clause, not a description of a post ("Ms Ward, who
#: heads the office of the UNODC", "Rahmawati, who chaired the meeting on behalf of …").
_CLAUSE_WORDS = frozenset({
    "who", "whom", "whose", "which", "that", "is", "was", "are", "were", "has", "had", "have",
    "said", "says", "told", "met", "led", "heads", "headed", "chaired", "signed", "argued",
})  # fmt: skip
#: Words that may open a post in apposition before its title ("then Deputy Procurator-General").
_POST_OPENERS = frozenset({"a", "an", "the", "then", "now"})


# words of a post in apposition ("a senior research fellow", "deputy Asia director",
# "director of the International Cooperation Department")
_POST_WORDS = 7


def _apposed_body(
    named: pd.DataFrame,
    ctx: TokenContext,
    doc: np.ndarray,
    tok: np.ndarray,
    end: np.ndarray,
    person: np.ndarray,
    country: np.ndarray,
    role: np.ndarray,
) -> np.ndarray:
    """``PERSON, [a|the|then] POST at|of|with|for [the|COUNTRY's] BODY``: the body in the
    apposition that describes a tabled person's post ("Dr Tan Wei Ling, a senior fellow at the
    ISEAS-Yusof Ishak Institute, said …", "Marisa Trelawney, deputy Asia director at Human
    Rights Watch"; wave 18, held-out sets 60 and 64, whose references leave it uncoded, as sets
    13-56 do 15 times out of 17). Wave 25: the post may be a capitalised title of its own
    ("Zhao Mingyuan, then Deputy Procurator-General of the Supreme People's Procuratorate, led
    …"; the references of sets 44-128 leave the body uncoded 37 times of 44, the rest in
    relative clauses, "who heads the office of …", which stay), and a country's possessive
    before the body goes with it ("Zhang Qiming, deputy head of China's SPP"). An untabled
    person's description keeps the body: it is the only actor named.

    Example:
        >>> from analysis.text import tokenize
        >>> from analysis.actors import find_mentions
        >>> from analysis.actor_table import Actors
        >>> actors = Actors.from_records([
        ...     {"id": "zhao", "name": "Zhao Mingyuan", "type": "person"},
        ...     {"id": "spp", "name": "Supreme People's Procuratorate", "type": "organisation"}])
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": [
        ...     "Zhao Mingyuan, Deputy Procurator-General of the Supreme People's "
        ...     "Procuratorate, spoke. The Supreme People's Procuratorate agreed."]})
        >>> find_mentions(tokenize(docs), actors)["surface"].tolist()
        ['Zhao Mingyuan', "Supreme People's Procuratorate"]
    """
    n = len(doc)
    out = np.zeros(n, bool)
    same = doc[1:] == doc[:-1]
    # the row after the person's, or the row after that when the post itself was read as the
    # person's title ("Gao Ruiming, the Deputy Procurator-General of China, …"; wave 30)
    actor = named["actor_id"].to_numpy()
    nxt = np.arange(1, n + 1)
    titled = np.flatnonzero(same & person[:-1])
    titled = titled[actor[titled + 1] == actor[titled]]
    titled = titled[(titled + 2 < n) & (tok[titled + 1] > end[titled])]
    nxt[titled] = titled + 2
    j = np.flatnonzero(person[:-1])
    j = j[nxt[j] < n]
    b_ = nxt[j]
    j = j[(doc[b_] == doc[j]) & ~person[b_] & ~role[b_]]
    j = j[(tok[nxt[j]] - end[j] >= 3) & (tok[nxt[j]] - end[j] <= _POST_WORDS + 4)]
    if not len(j):
        return out
    j = j[ctx.norm(doc[j], end[j]) == ","]
    for r in j.tolist():
        b = int(nxt[r])  # the body; a country's possessive may stand right before it
        d = int(doc[r])
        # the words between the comma and the mention: the post, a preposition, maybe "the"
        span = np.arange(end[r] + 1, tok[b])
        words = [str(w) for w in ctx.norm(np.full(len(span), d), span)]
        if country[b] and _apposed_court_country(ctx, d, words, int(tok[b]), int(end[b])):
            out[b] = True
            continue
        if country[b] and (
            b + 1 < n
            and doc[b + 1] == doc[b]
            and tok[b + 1] == end[b]
            and not country[b + 1]
            and not person[b + 1]
            and not role[b + 1]
            and str(named["matched"].iat[b]).endswith(("'s", "’s"))
        ):
            b += 1
        elif country[b] and str(named["matched"].iat[b]).endswith(("'s", "’s")):
            continue
        # (or the country itself ends the description, wave 30: "U Thein Zaw Lin, Union
        # Attorney General of Myanmar.", "Đặng Thị Minh Châu, a deputy prosecutor general of
        # Việt Nam who …"; the references of sets 18-176 leave it uncoded 6 times of 6)
        # the body ends the description ("at the Lowy Institute, said …", "… in Sydney"), not
        # a longer name or a noun it modifies ("Secretary of the CPV Central Committee", "head
        # of the SPP delegation", set 21)
        after = _past_bracket(ctx, d, int(end[b]))  # "… of China's SPP (SPP), said" (wave 25)
        # (or the line ends: an item of a delegation list, "- H.E. Name, Deputy Prosecutor
        # General of the Supreme People's Procuracy" over the next item; wave 26, set 142)
        if str(ctx.norm(np.array([d]), np.array([after]))[0]) not in _BODY_CLOSERS and not bool(
            ctx.sentence_start(np.array([d]), np.array([after]))[0]
        ):
            continue
        cut = 2 if words[-1:] == ["the"] else 1  # the preposition and "the" before the body
        post, prep = words[:-cut], words[-cut] if len(words) >= cut else ""
        while post[:1] and post[0] in _POST_OPENERS:
            post = post[1:]
        # a post of APPOSED_POSTS only in lower case: "President of the OSPP" is a title the
        # references code with its body (set 23)
        lower = post and not ctx.capitalised(np.array([d]), span[-cut - 1 : -cut])[0]
        # (a lower-case post of APPOSED_POSTS by its parts too: "secretary-general of
        # Thailand's Anti-Money Laundering Office", wave 26; not "deputy commissioner-general
        # of the RTP", whose police body sets 12 and 23 code)
        parts = word_parts(post)
        if (
            prep in ("at", "of", "with", "for")
            and 0 < len(post) <= _POST_WORDS
            and (
                not SERVICE_POSTS.isdisjoint(post)
                or (lower and not APPOSED_POSTS.isdisjoint(parts))
            )
            and all(w.replace("-", "").replace("'s", "").isalpha() for w in post)
            and not _CLAUSE_WORDS.intersection(post)
        ):
            out[r + 1 : b + 1] = True
    return out


#: Post nouns that make the words after an actor's name, in apposition to a tabled person, a
#: description of the person's post ("Tang Lihua, the SPP deputy procurator-general").
_PREFIX_POSTS = (APPOSED_POSTS | SERVICE_POSTS) - {"general", "state"}
_SERVICE_ONLY = _PREFIX_POSTS - APPOSED_POSTS
_PREFIX_WORDS = 4  # words after the actor's name up to the post's noun
#: Words that end the words of a post before its noun: what follows is no longer the post.
_PREFIX_STOPS = frozenset({"and", "or", "of", "to", "in", "on", "at", "for", "with", "from"})
_PREFIX_ENDS = frozenset({",", ".", ":", ";", "—", "–", "(", ")", "", "who", "whose", "which"})


def _prefixed_body(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    person: np.ndarray, role: np.ndarray, poss: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """``PERSON, [a|the|then|now] ACTOR['s] [words] POST``: an actor's name (a body or a
    country, possessive or not) that opens the description of a tabled person's post ("Maria
    Lindqvist, UNODC Regional Representative for Southeast Asia", "Tang Lihua, the SPP deputy
    procurator-general who led …", "Dr Daniel Koh, a Singapore law scholar", "Gao Mingyuan,
    then China's top prosecutor"). Wave 27: the references of sets 18-144 leave the actor
    uncoded 8 times of 8; the post's noun (:data:`_PREFIX_POSTS`, by its hyphenated parts too)
    comes within four words, before a preposition or a clause's word. A capitalised post of
    :data:`APPOSED_POSTS` after a possessive keeps the body, as wave 10's guard has it ("Mr
    Kofi Mensah, the ODPP's Deputy Director, said so")."""
    out = np.zeros(len(doc), bool)
    j = np.flatnonzero((doc[1:] == doc[:-1]) & person[:-1] & ~person[1:] & ~role[1:])
    if not len(j):
        return out
    d = doc[j]
    gap = tok[j + 1] - end[j]
    ok = ctx.norm_in(d, end[j], ",") & (
        (gap == 1) | ((gap == 2) & ctx.norm_in(d, end[j] + 1, _POST_OPENERS))
    )
    j, d = j[ok], d[ok]
    if not len(j):
        return out
    apos = ctx.norm_in(d, end[j + 1], frozenset({"'", "’"}))  # "Laos' top …"
    at = end[j + 1] + apos
    owned = poss[j + 1] | apos
    run = np.ones(len(j), bool)
    hit = np.zeros(len(j), bool)
    k = np.zeros(len(j), np.int64)
    for m in range(_PREFIX_WORDS + 1):
        w = ctx.norm(d, at + m).astype(str)
        run &= np.char.isalpha(np.char.replace(w, "-", "")) & ~np.isin(
            w, list(_CLAUSE_WORDS | _PREFIX_STOPS)
        )
        run &= m < _PREFIX_WORDS
        k += run
        parts = [word_parts([x]) for x in w]
        service = np.array([not _SERVICE_ONLY.isdisjoint(x) for x in parts], bool)
        apposed = np.array([not APPOSED_POSTS.isdisjoint(x) for x in parts], bool)
        capital = ctx.capitalised(d, at + m)
        hit |= run & (service | (apposed & ~(capital & owned)))
    # the description ends there, at punctuation or a relative pronoun, or goes on with "of",
    # "for", "and" to punctuation ("Regional Representative for Southeast Asia."); not at a
    # verb ("Rina Dobrev, Ruritania's Minister of Home Affairs said …": a list's second item)
    stop = ctx.norm(d, at + k).astype(str)
    longer = ctx.norm(d, at + _post_run(ctx, d, at)).astype(str)
    hit &= np.isin(stop, list(_PREFIX_ENDS)) | (
        np.isin(stop, list(_PREFIX_STOPS)) & np.isin(longer, list(_PREFIX_ENDS))
    )
    out[j[hit] + 1] = True
    return out


_LABEL_SEPARATORS = frozenset({",", "—", "–", "-"})
_LABEL_ENDS = frozenset({":", "—", "–", ""})
_LABEL_TITLE = 6  # words of a title between the name and the body, "of" included


def _label_body(
    ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    person: np.ndarray, country: np.ndarray, role: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """A body that closes the label of a tabled person's words or place in a list: ``PERSON,
    [TITLE,] BODY`` then a colon, a dash or the end of the line, the title in capitals
    ("SOUNDBITE (English) Zhao Minqiang, Procurator-General, Supreme People's Procuratorate:",
    "Marta Olsen, UNODC: Every country …", "Zhao Jinrong — Procurator-General, Supreme
    People's Procuratorate — China", a programme's "Keynote address by Deputy
    Procurator-General Zhang Deming, SPP"). Wave 27: the references of sets 18-144 leave the
    body of such a label uncoded 8 times of 8; a country there stays (a delegation list's
    "Keo Vannak — Prosecutor General — Cambodia" is coded 5 times of 6)."""
    out = np.zeros(len(doc), bool)
    j = np.flatnonzero((doc[1:] == doc[:-1]) & person[:-1] & ~person[1:] & ~role[1:] & ~country[1:])
    j = j[(tok[j + 1] - end[j] >= 1) & (tok[j + 1] - end[j] <= _LABEL_TITLE + 2)]
    # (read one by one only where a separator follows the name and the body is followed by a
    # label's end, a bracket or a new sentence: few rows of a corpus)
    if len(j):
        dj, after = doc[j], end[j + 1]
        j = j[
            ctx.norm_in(dj, end[j], _LABEL_SEPARATORS)
            & (ctx.norm_in(dj, after, _LABEL_ENDS | {"("}) | ctx.sentence_start(dj, after))
        ]
    for r in j.tolist():
        d = int(doc[r])
        dd = np.full(_LABEL_TITLE + 2, d)
        # (the separator after the name is checked above; then the title, if any)
        title = [
            str(w)
            for w in ctx.norm(dd[: tok[r + 1] - end[r] - 1], np.arange(end[r] + 1, tok[r + 1]))
        ]
        if title:
            # capitalised words with a post among them, then a separator before the body
            span = np.arange(end[r] + 1, tok[r + 1] - 1)
            words = title[:-1]
            if (
                title[-1] not in _LABEL_SEPARATORS
                or not words
                or _PREFIX_POSTS.isdisjoint(word_parts(words))
                or not all(
                    w == "of" or bool(c)
                    for w, c in zip(words, ctx.capitalised(dd[: len(span)], span), strict=True)
                )
            ):
                continue
        after = _past_bracket(ctx, d, int(end[r + 1]))  # "SPP (China):"
        closer = str(ctx.norm(np.array([d]), np.array([after]))[0])
        if closer in _LABEL_ENDS or bool(ctx.sentence_start(np.array([d]), np.array([after]))[0]):
            out[r + 1] = True
    return out


def word_parts(words: Iterable[str]) -> set[str]:
    """The words and the parts of each hyphenated one: a post is named by its parts too
    ("secretary-general" is a secretary's post, "procurator-general" a procurator's).

    Example:
        >>> sorted(word_parts(["deputy", "secretary-general"]))
        ['deputy', 'general', 'secretary', 'secretary-general']
    """
    return {x for w in words for x in (w, *w.split("-"))}


def _past_bracket(ctx: TokenContext, d: int, at: int) -> int:
    """Token ``at`` of document ``d``, or the token after the bracket that opens there and
    closes within three tokens: an abbreviation or a country after a body's name ("SPP
    (China):", "China's SPP (SPP), said")."""
    if str(ctx.norm(np.array([d]), np.array([at]))[0]) != "(":
        return at
    inside = [str(w) for w in ctx.norm(np.full(4, d), np.arange(at + 1, at + 5))]
    return at + 2 + inside.index(")") if ")" in inside else at


#: Heads of an untabled body's name before "of <country>" in a post's description.
_BODY_HEADS = frozenset({
    "court", "office", "ministry", "chambers", "procuratorate", "procuracy", "department",
    "commission", "council", "assembly", "police", "bureau", "agency",
})  # fmt: skip


def _apposed_court_country(
    ctx: TokenContext, d: int, words: list[str], start: int, stop: int
) -> bool:
    """``PERSON, POST attached to|of|at the BODY of [the] COUNTRY``: the country (tokens
    ``start``-``stop``, after ``words``) names an untabled body in the description of a tabled
    person's post ("H.E. Chea Ratanak, General Prosecutor attached to the Supreme Court of
    Cambodia, received …"; wave 25: the references of sets 21-136 leave it uncoded 5 times of
    6, and "Supreme Court of Cambodia" anywhere 10 times of 12)."""
    cut = 2 if words[-1:] == ["the"] else 1
    if len(words) < cut + 3 or words[-cut] != "of":
        return False
    head = words[-cut - 1]
    after = str(ctx.norm(np.array([d]), np.array([stop]))[0])
    return bool(
        head in _BODY_HEADS
        and ctx.capitalised(np.array([d]), np.array([start - cut - 1]))[0]
        and not (SERVICE_POSTS | APPOSED_POSTS).isdisjoint(words)
        and _CLAUSE_WORDS.isdisjoint(words)
        and after in _BODY_CLOSERS
    )


def foreign_body_mask(
    named: pd.DataFrame, body_country: dict[str, str], countries: frozenset[str] | set[str],
    ctx: TokenContext | None = None,
) -> np.ndarray:  # fmt: skip
    """True for the mentions (rows of ``named``, sorted by document and start) of a body of
    ``body_country`` (organisation -> its country) right after a mention of another of
    ``countries`` (see the module docstring); with ``ctx``, also after a dash between them, a
    list's "Brunei Darussalam – Attorney General's Chambers" (wave 28, held-out set 166).

    Example:
        >>> named = pd.DataFrame({"doc_id": pd.Categorical(["d", "d"]), "tok": [1, 2],
        ...     "n_tok": [1, 3], "actor_id": ["usa", "doj_ph"]})
        >>> bodies = {"doj_ph": "philippines", "fbi": "usa"}
        >>> foreign_body_mask(named, bodies, {"usa", "philippines"}).tolist()
        [False, True]
    """
    out = np.zeros(len(named), bool)
    if len(named) < 2 or not body_country:
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    actor = named["actor_id"].astype(str).to_numpy(object)
    country = np.isin(actor, list(countries))
    body = np.isin(actor, list(body_country))
    next_to = tok[1:] == end[:-1]
    if ctx is not None:
        dash = np.zeros(len(next_to), bool)
        j = np.flatnonzero(tok[1:] == end[:-1] + 1)
        if len(j):
            dash[j] = ctx.norm_in(doc[j], end[j], frozenset({"–", "—", "-"}))
        next_to |= dash
    i = np.flatnonzero((doc[1:] == doc[:-1]) & country[:-1] & body[1:] & next_to)
    if len(i):
        own = np.array([body_country[a] for a in actor[i + 1]], dtype=object)
        out[i + 1] = own != actor[i]
    return out


def _spelling_key(text: str) -> str:
    """A body's spelling compared across forms: case-folded, apostrophes straight, hyphens as
    spaces, a possessive ending dropped ("Attorney-General's Chambers'" and "attorney
    general's chambers" are one key)."""
    t = " ".join(text.casefold().replace("’", "'").replace("-", " ").split())
    return t[:-2] if t.endswith("'s") else t[:-1] if t.endswith("'") else t


def possessed_body_ids(
    named: pd.DataFrame, body_country: dict[str, str], countries: frozenset[str] | set[str],
    spellings: dict[str, frozenset[str]],
) -> dict[int, str]:  # fmt: skip
    """The rows of ``named`` (sorted by document and start) whose body's mention, right after
    another country's possessive, is that country's own body of the same name when the table
    has one, and that body's id: "Singapore's Attorney-General's Chambers said …" where the
    table's "Attorney-General's Chambers" is Malaysia's and Singapore's is "Attorney-General's
    Chambers of Singapore" (wave 28, held-out set 146). Without it, :func:`foreign_body_mask`
    drops the mention as another country's untabled body. ``spellings``: id -> its name and
    aliases, case-folded (:attr:`analysis.actor_table.Actors.spellings`).

    Example:
        >>> named = pd.DataFrame({"doc_id": pd.Categorical(["d", "d"]), "tok": [0, 1],
        ...     "n_tok": [1, 3], "actor_id": ["sg", "agc_my"],
        ...     "matched": ["Singapore's", "Attorney-General's Chambers"]})
        >>> spellings = {"agc_my": frozenset({"attorney general's chambers"}),
        ...     "agc_sg": frozenset({"attorney-general's chambers of singapore"})}
        >>> possessed_body_ids(named, {"agc_my": "my", "agc_sg": "sg"}, {"my", "sg"}, spellings)
        {1: 'agc_sg'}
    """
    if len(named) < 2 or not body_country:
        return {}
    ids = named["actor_id"]
    country = ids.isin(list(countries)).to_numpy(bool)
    body = ids.isin(list(body_country)).to_numpy(bool)
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)
    i = np.flatnonzero(
        (doc[1:] == doc[:-1]) & country[:-1] & body[1:] & (tok[1:] == end[:-1])
    )  # fmt: skip
    if len(i):
        i = i[possessive_mask(named.iloc[i])]
    out: dict[int, str] = {}
    if not len(i):
        return out
    keys = {b: {_spelling_key(x) for x in spellings.get(b, ())} for b in body_country}
    owners = ids.iloc[i].astype(str).tolist()
    bodies = ids.iloc[i + 1].astype(str).tolist()
    matched = named["matched"].iloc[i + 1].astype(str).tolist()
    for r, owner, b, m in zip(i.tolist(), owners, bodies, matched, strict=True):
        if body_country[b] == owner:
            continue
        want = _spelling_key(m)
        same = [
            o for o, c in body_country.items()
            if c == owner and any(k == want or k.startswith(want + " of ") for k in keys[o])
        ]  # fmt: skip
        if len(same) == 1:
            out[r + 1] = same[0]
    return out


#: Country names (folded, lower case) that "Union" before a state body stands for: Myanmar
#: names its national offices "Union …" ("the Union Attorney General's Office", "the Union
#: Election Commission").
UNION_BODIES: frozenset[str] = frozenset({"myanmar", "burma"})
_BRACKET_TOKENS = 3  # an abbreviation in brackets between a body and "of <country>"


def other_country_body_mask(
    named: pd.DataFrame, ctx: TokenContext, body_country: dict[str, str],
    country_names: dict[str, frozenset[str]], demonyms: dict[str, str],
) -> np.ndarray:  # fmt: skip
    """True for the mentions (rows of ``named``, sorted by document and start) of a body of
    ``body_country`` (organisation -> its country) marked as another country's: followed by
    "[(ABBR)] of [the] <country>" where the country is a mention of another tabled country or
    an untabled country's name (a value of ``demonyms``), or preceded by a nationality
    adjective of ``demonyms`` (adjective -> country name) or "Union" (:data:`UNION_BODIES`)
    that is not the body's own country. ``country_names``: country id -> its spellings, folded
    and in lower case.

    Example:
        >>> from analysis.text import tokenize
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["The Thai AGO met the AGO of Peru."]})
        >>> ctx = TokenContext(tokenize(docs))
        >>> named = pd.DataFrame({"doc_id": pd.Categorical(["d", "d"]), "tok": [2, 5],
        ...     "n_tok": [1, 1], "actor_id": ["ago", "ago"]})
        >>> other_country_body_mask(named, ctx, {"ago": "chile"}, {"chile": frozenset({"chile"})},
        ...     {"thai": "thailand", "peruvian": "peru"}).tolist()
        [True, True]
    """
    out = np.zeros(len(named), bool)
    if named.empty or not body_country:
        return out
    actor = named["actor_id"].astype(str).to_numpy(object)
    body = np.flatnonzero(np.isin(actor, list(body_country)))
    if not len(body):
        return out
    doc = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    tok = named["tok"].to_numpy().astype(np.int64)
    end = tok + named["n_tok"].to_numpy().astype(np.int64)

    def own(i: int) -> frozenset[str]:  # the spellings of body row i's own country
        return country_names.get(body_country[actor[body[i]]], frozenset())

    d, t, e = doc[body], tok[body], end[body]
    # before: "the Thai AGO", "the Union Attorney General's Office"
    marked = np.zeros(len(body), bool)
    for r in np.flatnonzero(ctx.norm_in(d, t - 1, frozenset(demonyms) | {"union"})).tolist():
        w = str(ctx.norm(d[r : r + 1], t[r : r + 1] - 1)[0])
        marked[r] = not (own(r) & UNION_BODIES) if w == "union" else demonyms[w] not in own(r)
    # after: past an abbreviation in brackets, "of", an optional "the"
    at = e.copy()
    opened = ctx.norm_in(d, at, "(")
    for k in range(2, _BRACKET_TOKENS + 2):
        shut = opened & ctx.norm_in(d, at + k, ")")
        at = np.where(shut, at + k + 1, at)
        opened &= ~shut
    of = ctx.norm_in(d, at, "of")
    at = np.where(ctx.norm_in(d, at + 1, "the"), at + 2, at + 1)
    if of.any():
        # a mention of another tabled country starting there, else an untabled country's name
        width = 2**21
        cty = np.flatnonzero(np.isin(actor, list(country_names)))
        keys = doc[cty] * width + tok[cty]
        order = np.argsort(keys, kind="stable")
        i = np.flatnonzero(of)
        q = d[i] * width + at[i]
        j = np.clip(np.searchsorted(keys[order], q), 0, max(len(order) - 1, 0))
        hit = (keys[order][j] == q) if len(order) else np.zeros(len(i), bool)
        for h in np.flatnonzero(hit).tolist():
            c = actor[cty[order[j[h]]]]
            marked[i[h]] |= c != body_country[actor[body[i[h]]]]
        rest = i[~hit & ctx.norm_in(d[i], at[i], frozenset(demonyms.values()))]
        words = ctx.norm(d[rest], at[rest]).astype(str).tolist()
        for k, w in zip(rest.tolist(), words, strict=True):
            marked[k] |= w not in own(k)
    out[body] = marked
    return out


def possessive_title_mask(
    named: pd.DataFrame, ctx: TokenContext, doc: np.ndarray, tok: np.ndarray, end: np.ndarray,
    poss: np.ndarray, cty: np.ndarray, persons: frozenset[str] | set[str],
) -> np.ndarray:  # fmt: skip
    """A country's possessive and up to four title words in lower case next to a tabled
    person's name: before it and a comma ("Italy's prime minister, Giulia Ferri") or in
    apposition after it ("Mammadov, Azerbaijan's ecology minister,"); after it also a rank in
    capitals closed by a comma ("Qiao Lirong, China's Deputy Procurator-General, said"), but
    not an office of a body (set 2 coded "Nguyen Van Long, Vietnam's Minister of Public
    Security" as two mentions). A rule of :func:`analysis.place_rules.news_form_mask`."""
    out = np.zeros(len(named), bool)
    if len(named) < 2 or not persons:
        return out
    person = named["actor_id"].isin(persons).to_numpy()
    same = doc[1:] == doc[:-1]

    def words_between(d: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        # 1-4 words between token a (included) and b (excluded), an optional comma last
        ok = (b - a >= 1) & (b - a <= 5)
        for k in range(5):
            w = ctx.norm(d, a + k).astype(str)
            inside = a + k < b
            last_comma = (a + k == b - 1) & (w == ",") & (b - a >= 2)
            word = np.char.isalpha(np.char.replace(w, "-", "")) & ~ctx.capitalised(d, a + k)
            ok &= ~inside | word | last_comma
        return ok

    # before: COUNTRY's title, PERSON (with the comma: "Ukraine's foreign ministry said
    # Ribeiro's decision …" is the ministry speaking)
    i = np.flatnonzero(same & poss[:-1] & cty[:-1] & person[1:])
    if len(i):
        comma = ctx.norm(doc[i], tok[i + 1] - 1) == ","
        out[i] = comma & words_between(doc[i], end[i], tok[i + 1])
    # after: PERSON, COUNTRY's title (then a comma, a stop or the end); also "Laos' …", whose
    # apostrophe is a token of its own after the mention (held-out set 36)
    apos = cty & np.isin(ctx.norm(doc, end).astype(str), ["'", "’"])
    j = np.flatnonzero(
        same & person[:-1] & (poss[1:] | apos[1:]) & cty[1:] & (tok[1:] == end[:-1] + 1)
    )
    if len(j):
        d, e = doc[j], end[j + 1] + apos[j + 1]
        ok = ctx.norm(d, end[j]) == ","
        # the title: alphabetic words up to the first non-word
        k = _title_run(ctx, d, e, capitals=False)
        out[j + 1] = ok & (k >= 1) & (k <= _TITLE_WORDS)
        # a rank in capitals closed by a comma: "Qiao Lirong, China's Deputy Procurator-General,
        # said" (held-out sets 18, 23, 26); not an office "of" a body, which set 2 coded twice
        # ("Nguyen Van Long, Vietnam's Minister of Public Security")
        k = _title_run(ctx, d, e, capitals=True)
        closed = ctx.norm(d, e + k) == ","
        out[j + 1] |= ok & (k >= 1) & (k <= _TITLE_WORDS) & closed
        # wave 26: a longer post, in either case and with "of", "for" or "and" inside, closed
        # by punctuation ("Liu Haitao, China's vice minister of public security, met …", "Kem
        # Sophal, Cambodia's Prosecutor General: …", "Keo Sophal, Cambodia's Minister of
        # Justice, on the sidelines"): the references of sets 18-144 leave the country
        # uncoded 15 times of 15 (set 2 coded it once, before the guidelines settled)
        k = _post_run(ctx, d, e)
        closed = np.isin(ctx.norm(d, e + k).astype(str), list(_POST_CLOSERS))
        out[j + 1] |= ok & (k >= 2) & (k <= _POST_RUN) & closed
    return out


_POST_RUN = 7  # words of a post in apposition after a country's possessive, connectors included
_POST_JOINS = frozenset({"of", "for", "and", "the"})
_POST_CLOSERS = frozenset({",", ":", ";", ".", ""})


def _post_run(ctx: TokenContext, doc: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The words of a post from token ``at`` on, per row: alphabetic words in either case and
    the joining words of :data:`_POST_JOINS` inside it ("vice minister of public security",
    "Minister of Justice"), counted up to ``_POST_RUN + 1``; a joining word does not end it, a
    word of :data:`_CLAUSE_WORDS` ends it."""
    k = np.zeros(len(doc), np.int64)
    run = np.ones(len(doc), bool)
    for m in range(_POST_RUN + 1):
        w = ctx.norm(doc, at + m).astype(str)
        # (a verb ends it: "Liu, China's top envoy said the talks went well." keeps China)
        run &= np.char.isalpha(np.char.replace(w, "-", "")) & ~np.isin(w, list(_CLAUSE_WORDS))
        k += run
    last = ctx.norm(doc, at + np.maximum(k - 1, 0)).astype(str)
    return np.where(np.isin(last, list(_POST_JOINS)), 0, k)
