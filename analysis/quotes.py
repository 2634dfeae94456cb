"""Quotes and speakers: who gets to speak, and what they say.

:func:`find_quotes` finds direct quotes (words in quotation marks) and reported speech (a
speech verb, "called for", "pledged to", "according to" … with a speaker), and attributes each
to an actor from the mentions table, to a pronoun resolved to the subject of the nearest
earlier sentence that names a person, or to no one (NA) when the speaker cannot be told. Speech
cues are found by the one matcher (:mod:`analysis.matching`); the lists are module constants,
extended with ``find_quotes(..., cues=["quipped"], exclude_cues=["claims"])`` (or, in a study
file, ``quotes: {cues: [...], exclude_cues: [...]}``; :func:`check_cues` validates such lists).

Forms recognised (the sample articles use all of them):

=====================================================  ========================================
form                                                   example
=====================================================  ========================================
content, CUE SPEAKER                                   "…, stated President Vo Van Thuong"
content, SPEAKER CUE.                                  "…, President Thuong said."
content, PRONOUN CUE, PARTICIPLE that content          "…, he said, noting that …"
[intro,] SPEAKER CUE [that] content                    "In his speech …, Vietnamese Prosecutor
                                                       General Le Minh Tri affirmed …"
According to SPEAKER, content / content, according     "According to the President, …"
to SPEAKER
"direct", SPEAKER CUE  /  SPEAKER CUE: "direct"        "“Countries have …”, the President
                                                       emphasized."
"direct," X said. "continued"                          the second quotation has no cue of its
                                                       own: same speaker and cue (also a quote
                                                       running on into the next paragraph)
"direct" — SPEAKER (end of paragraph)                  press-release pull quote (cue "—")
SPEAKER described X as "direct"                        "called/hailed … as" too
SPEAKER CUE A, and CUE B                               "underlined A, and expressed B"
content, [a|the] SOURCE CUE.  /  SOURCE CUE [that] …   unnamed sources ("a spokesman said",
                                                       "Experts said …", "media reports said",
                                                       "an official … said that …"): NA speaker
SPEAKER: answer (a paragraph)                          transcripts and Q&A: "Lin Wei: We …"
                                                       (cue ":")
SPEAKER praised/called … "direct"                      :data:`DIRECT_ONLY_CUES`: "praised X for
                                                       its '…'", "what it called '…'"
Unknown Name CUE … / content, CUE Unknown Name         "Ambassador Tanaka expressed …", "said
                                                       Ruth Adeyemi, an analyst": NA speaker
headline SPEAKER: content / content - ROLE             "ILO: inspections must go to sea" (cue
                                                       ":"), "… - minister" (cue "-"); a role
                                                       is the lede's person
Q&A interview answer (no label)                        the first-named person (cue "")
"… he said, 'nested'"                                  a quotation nested in a quote, with its
                                                       own cue and speaker
=====================================================  ========================================

The last three are in :mod:`analysis.quote_layout`; the news forms of held-out set 9 (court
rulings and findings, allegations, requests, untabled speakers beside tabled names, lawyers,
single quotation marks, a quotation ending a clause before its attribution) in
:mod:`analysis.quote_forms`.

Speakers. In ``SPEAKER CUE`` the speaker is the person whose mention ends right before the cue
("The Attorney-General of the Republic of Examplia John Doe said" → John Doe, not the
country), else the first speaker-type mention of the clause; an appositive, a relative clause
or an auxiliary between the subject and the cue is skipped ("Malaysia, which chairs ASEAN,
has called for …"); capitalised words the table does not know may stand next to the name
("…, Philippine Justice Secretary X said", "said Home Minister Datuk Seri X"). A pronoun
(:data:`PRONOUNS`), or "the" + a role noun with no mention ("The minister proposed …"),
resolves to the nearest sentence before the quote that names a person: to its person standing
next to a speech cue ("Speaking after a meeting with B, A said …" → A), else to its first
person (its subject: "A met B. He noted …" → A, not B); NA when there is none. A cue word
right before another cue is a noun ("media reports said").

Not cues: a verb form right after a word of :data:`NOT_A_CUE_AFTER` ("ten ASEAN member
states have agreed", "the claims"); a negated, passive or infinitive cue ("did not say",
"were promised", "agreed to pledge"); a noun form with no speaker ("vulnerable states"); a cue
of :data:`~analysis.cues.OBJECT_CUES` with a plain object ("added nickel to its list"); a cue
in a "When …," clause; "will say"; "heard that" without a court or committee (with one, the
quote has an NA speaker); "found that" unless an organisation or a report finds.
Reported speech is read by :mod:`analysis.reported`. Not quotes: quoted words right after a word of
:data:`TITLE_WORDS` (the theme "Joining Hands Against Fraud", ``The theme, "…",``), short
Title-Case quoted names, and quoted words with no speech cue next to them (scare quotes).

Quotation marks: straight ``"…"``, curly ``“…”`` and guillemets ``«…»`` pair within a
paragraph: a line of the text, or, in hard-wrapped text (most lines broken mid-sentence), a
block of lines between blank lines, so that a quote running over a wrapped line is one quote.
An opening mark left open at the end of its paragraph is closed there (the news convention
for quotes running over several paragraphs, and textacy #379's crash case); a closing mark
with no opening mark is ignored.

Time is linear in the length of each document: every look-up (cues near a quotation mark,
mentions at a token, pronoun antecedents) is a binary search or an array index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import charge_forms as charges  # the wave-11 forms (held-out set 17)
from analysis.apposed_forms import relative_before_cue
from analysis.body_forms import described_bodies
from analysis.clause_forms import aged_untabled, labelled_quotation, quote_after_reported
from analysis.court_forms import court_rulings
from analysis.cue_bounds import capitalised_inside
from analysis.cues import (
    ATTRIBUTION_CUES,
    BASE_FORMS,
    CONTINUATION_CUES,
    DIRECT_ONLY_CUES,
    FINITE_AUXILIARIES,
    HEARING_CUES,
    HYPOTHETICAL_OPENERS,
    NEGATIONS,
    NOT_A_CUE_AFTER,
    NOT_A_CUE_AFTER_BASE,
    NOUN_FORMS,
    OBJECT_CUES,
    PASSIVE_AFTER,
    SPEECH_VERBS,
    TITLE_WORDS,
    UNNAMED_SOURCES,
    CueListError,
    check_cues,
)
from analysis.matching import PatternSet, compile_patterns, match
from analysis.quote_cues import (
    AS_CUES,
    WINDOW_AFTER,
    cue_after_quote,
    cue_before_quote,
    dash_attribution,
    earlier_subject,
)
from analysis.quote_forms import (
    DECISION_VERBS,
    GUARDED_CUES,
    adverbial_then_that,
    courtesy,
    cue_allowed,
    demonyms_of,
    event_decisions,
    fragment_start,
    impersonal_decisions,
    pronoun_rows,
    single_quote_pairs,
    titled_roles,
    untabled_pronouns,
)
from analysis.quote_layout import (
    BOLD_MARKS,
    headline_attribution,
    interview_answers,
    nested_quotes,
)
from analysis.report_forms import (
    AGREE_CUES,
    DENIAL_CUES,
    HEARD_CUES,
    agree_allowed,
    answer_pronouns,
    denial_allowed,
    headline_single_pair,
    hearing_allowed,
    quote_after_inverted,
    told_passive,
)
from analysis.reported import clause_opens, continue_with, reported_speech
from analysis.schema import SCHEMAS, conform, empty_table
from analysis.source_anaphora import official_again
from analysis.speakers import (
    BOUNDARY,
    PRONOUNS,
    QUOTE_MARKS,
    SENT_END,
    SPEAKER_TYPES,
    Cue,
    Found,
    Slot,
    SortedMentions,
    SortedTokens,
    SpeakerDoc,
    clear_speaker,
)
from analysis.speech_forms import (
    CALL_ON_CUES,
    POINT_CUES,
    country_role_person,
    data_sources,
    documents_seen,
    filed_documents,
    first_person_in_answers,
    names_a_thing,
    not_speech,
    untabled_members,
)
from analysis.text import fold

if TYPE_CHECKING:
    from analysis.actor_table import Actors

__all__ = [
    "SPEECH_VERBS",
    "CONTINUATION_CUES",
    "ATTRIBUTION_CUES",
    "PRONOUNS",
    "SPEAKER_TYPES",
    "QUOTE_MARKS",
    "QUOTE_COLUMNS",
    "NOT_A_CUE_AFTER",
    "TITLE_WORDS",
    "CueListError",
    "check_cues",
    "find_quotes",
    # moved to analysis.quote_cues; re-exported for old imports
    "earlier_subject",
]

#: The columns of the quotes table, in order (see :data:`analysis.schema.SCHEMAS`).
QUOTE_COLUMNS: list[str] = list(SCHEMAS["quotes"])


def find_quotes(
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    cues: Iterable[str] | None = None,
    exclude_cues: Iterable[str] | None = None,
    verbs: Iterable[str] = SPEECH_VERBS,
    participles: Iterable[str] = CONTINUATION_CUES,
    according: Iterable[str] = ATTRIBUTION_CUES,
    actors: Actors | None = None,
) -> pd.DataFrame:
    """Find direct quotes and reported speech, with their speakers.

    Speakers are actor mentions of a type in :data:`SPEAKER_TYPES` standing in the speaker slot
    of a form (see the module docstring): next to the cue, or, before the cue, the person whose
    mention ends right before it, else the first such mention in the clause ("Delegates from
    ASEAN member countries and China pointed to …" → the delegates, not China). "President X,
    Head of Y, said" skips the appositive. A pronoun of :data:`PRONOUNS` in the slot resolves
    to the first mention of a person (for "they": person or group) in the nearest sentence
    before the quote that has one (the subject, not the object: "A met B. He said …" → A);
    when there is none, ``speaker_id`` stays NA rather than a guess. Reported speech needs a
    speaker in the slot (a mention, a pronoun, "the minister"), or an unnamed source ("a
    spokesman said", "according to a statement", "an official said that …"), which gives an
    NA speaker; a direct quote needs a cue next to it (or continues the quote before it) and
    keeps an NA speaker when no one stands by the cue. A cue inside a quote already found is
    not read again ("said he believes that …" is one quote). Time is linear in document length.

    Args:
        docs: the docs table (``doc_id``, ``text``): the text the quotes are cut from.
        tokens: the tokens table of ``docs``.
        mentions: from :func:`analysis.actors.find_mentions` on the same tokens.
        cues: extra speech verbs (matcher patterns, e.g. ``["quipped", "spoke of"]``), added
            to ``verbs``; checked with :func:`check_cues`.
        exclude_cues: cues to drop from all lists (e.g. ``["claims"]``); compared folded.
        verbs: speech verbs (default :data:`SPEECH_VERBS`); each a matcher pattern.
        participles: continuation cues (default :data:`CONTINUATION_CUES`).
        according: source phrases (default :data:`ATTRIBUTION_CUES`).
        actors: the actor table of ``mentions`` (optional): an unnamed source described by a
            nationality ("a Thai official said") then speaks for the table's country even
            where the document names it only as a place or not at all; without it, only a
            country counted as a mention of the document can.

    Returns:
        One row per quote, sorted by document and ``start``: ``doc_id`` (categorical, as in
        ``tokens``), ``sent`` (int32, sentence of the quote's first token), ``start``, ``end``
        (int64, character offsets of the quoted or reported words, without the quotation
        marks, the cue and the attribution; ``text == docs.text[start:end]``), ``text``
        (str), ``kind`` (str, ``direct`` | ``reported``), ``speaker_id`` (str, actor id or NA),
        ``speaker_start``, ``speaker_end`` (Int64, offsets of the speaker's mention or
        pronoun; NA when no one stands by the cue), ``cue`` (str, folded: ``said``,
        ``according to``, ``pointed to`` …), ``resolved_via`` (str, the mention's ``via``:
        ``name``, ``alias``, ``title+name``, ``short``, ``role``; or ``pronoun``, or
        ``nationality`` for an unnamed source of a tabled country; NA when unresolved).

    Raises:
        ValueError: docs without ``doc_id``/``text``, or tokens of documents not in docs.
        CueListError: a bad ``cues`` or ``exclude_cues`` list.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"], "text": [
        ...     '"We will act," said Nguyen Thi Lan. Prices will rise, she noted.']})
        >>> tokens = tokenize(docs)
        >>> lan = Actors.from_records([{"id": "lan", "name": "Nguyen Thi Lan", "type": "person"}])
        >>> quotes = find_quotes(docs, tokens, find_mentions(tokens, lan, docs=docs))
        >>> quotes[["text", "kind", "speaker_id", "cue", "resolved_via"]]
                       text      kind speaker_id    cue resolved_via
        0      We will act,    direct        lan   said         name
        1  Prices will rise  reported        lan  noted      pronoun
    """
    extra = check_cues(None if cues is None else list(cues), key="cues")
    drop = {
        " ".join(fold(c).split())
        for c in check_cues(
            None if exclude_cues is None else list(exclude_cues), key="exclude_cues"
        )
    }
    for col in ("doc_id", "text"):
        if col not in docs.columns:
            raise ValueError(
                f"docs needs a {col!r} column (has: {', '.join(map(str, docs.columns))})"
            )
    if len(tokens) == 0:
        return empty_table("quotes", categories={"doc_id": tokens["doc_id"].cat.categories})
    texts = dict(zip(docs["doc_id"].astype(str).tolist(), docs["text"].tolist(), strict=True))
    doc_cats = tokens["doc_id"].cat.categories.astype(str)
    toks = SortedTokens(tokens)
    # the documents with tokens, from the bounds SortedTokens computes anyway (no second pass
    # over every token's code; issue 14)
    present = np.diff(toks.bounds) > 0
    missing = sorted(set(doc_cats[present]) - set(texts))
    if missing:
        raise ValueError(f"tokens of document(s) not in docs: {', '.join(missing[:10])}")
    cue_lists = {"verb": (*verbs, *extra), "participle": tuple(participles),
                 "according": tuple(according), "direct": DIRECT_ONLY_CUES}  # fmt: skip
    rows: list[dict] = []
    cues_found = _cues_by_doc(tokens, cue_lists, drop, toks)
    ments = SortedMentions(mentions, doc_cats, toks)
    bounds, m_bounds = toks.bounds.tolist(), ments.bounds.tolist()
    n_marks, n_colons = toks.marks_per_doc.tolist(), toks.colons_per_doc.tolist()
    n_decisions = toks.count_per_doc(DECISION_VERBS).tolist()
    countries, nations = table_countries(actors), table_nations(actors)
    for d, name in enumerate(doc_cats.tolist()):
        if bounds[d + 1] == bounds[d] or (
            d not in cues_found
            and not n_marks[d]
            and not (n_colons[d] and m_bounds[d + 1] > m_bounds[d])
        ):
            continue
        doc = SpeakerDoc.build(name, texts[name], toks, d, ments.of(d), ments.in_mention)
        doc.countries, doc.nations = countries, nations
        local = sorted(cues_found.get(d, []))
        local = _usable_cues(doc, local)
        # lists: made arrays on first use (most documents never resolve a pronoun)
        doc.mark_speaking([c.first for c in local], [c.last for c in local])
        rows.extend(
            _quotes_in_doc(doc, local, transcript=bool(n_colons[d]), decisions=bool(n_decisions[d]))
        )
    if not rows:
        return empty_table("quotes", categories={"doc_id": tokens["doc_id"].cat.categories})
    out = pd.DataFrame(rows)
    out["doc_id"] = pd.Categorical(out["doc_id"], dtype=tokens["doc_id"].dtype)
    out = out.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    return conform(out, "quotes")


# ---------------------------------------------------------------------------------------------
# inputs, per document


def table_countries(actors: Actors | None) -> dict[str, str]:
    """Nationality adjectives (folded) -> the actor id of their country in ``actors``, by the
    country's name, aliases and id: "a Thai official said" speaks for Thailand even where the
    document names Thailand only as a place."""
    if actors is None:
        return {}
    out: dict[str, str] = {}
    for r in actors.table[actors.table["type"] == "country"].itertuples(index=False):
        for name in (str(r.name), *r.aliases, str(r.id).replace("_", " ")):
            for adj in demonyms_of(fold(name).removeprefix("the ")):
                out.setdefault(adj, str(r.id))
    # the name itself, where it is no mention, as in a body's name the table does not know:
    # "the Singapore Police Force said", "the Thailand Immigration Bureau said" (wave 23;
    # one word: a token)
    for r in actors.table[actors.table["type"] == "country"].itertuples(index=False):
        for name in (str(r.name), *r.aliases):
            word = fold(name).removeprefix("the ")
            if word.isalpha():
                out.setdefault(word, str(r.id))
    return out


def table_nations(actors: Actors | None) -> dict[str, str]:
    """Person id -> the id of their country in ``actors``, by the affiliation chain (a person
    of an organisation of a country): "China's top prosecutor" is the one Chinese person of
    the document (:func:`analysis.speech_forms.country_role_person`)."""
    if actors is None:
        return {}
    types, aff = actors.types, actors.affiliations
    out: dict[str, str] = {}
    for a, t in types.items():
        if t != "person":
            continue
        c = aff.get(a)
        for _ in range(3):  # person -> body -> country (a short chain; no cycles beyond it)
            if not isinstance(c, str) or types.get(c) == "country":
                break
            c = aff.get(c)
        if isinstance(c, str) and types.get(c) == "country":
            out[a] = c
    return out


#: Compiled cue lists, kept across calls: the matcher caches each pattern set's expansions
#: over the vocabulary and, with chunks tokenised with one carried vocabulary, expands only
#: the new types of each chunk (analysis.matching), instead of every type once per chunk.
_CUE_PATTERNS: dict[tuple, PatternSet] = {}


def _cues_by_doc(
    tokens: pd.DataFrame, lists: Mapping[str, Iterable[str]], drop: set[str], toks: SortedTokens
) -> dict[int, list[Cue]]:
    """Speech cues found by the matcher: document code -> cues (local first and last token,
    kind, folded cue), the tokens located for all documents at once."""
    rows, meta = [], {}
    for kind in ("according", "participle", "verb", "direct"):
        for w in lists[kind]:
            cue = " ".join(fold(w).split())
            key = f"{kind}|{cue}"
            if cue and cue not in drop and key not in meta:
                meta[key] = (kind, cue)
                rows.append((key, w))
    by_doc: dict[int, list[Cue]] = {}
    if not rows:
        return by_doc
    patterns = _CUE_PATTERNS.get(tuple(rows))
    if patterns is None:
        if len(_CUE_PATTERNS) >= 8:
            _CUE_PATTERNS.clear()
        patterns = _CUE_PATTERNS[tuple(rows)] = compile_patterns(
            pd.DataFrame(rows, columns=["key", "pattern"])
        )
    found = match(tokens, patterns, scope="all")
    codes = found["doc_id"].cat.codes.to_numpy().astype(np.int64)
    firsts = toks.locate(codes, found["start"].to_numpy(np.int64)).tolist()
    lasts = toks.locate(codes, found["end"].to_numpy(np.int64), end=True).tolist()
    keys = found["key"].astype(str).tolist()
    # tuple.__new__ builds the same Cue as Cue(a, b, kind, cue) without the Python-level
    # __new__ of a named tuple: one per cue, tens of thousands per chunk
    new = tuple.__new__
    for c, a, b, k in zip(codes.tolist(), firsts, lasts, keys, strict=True):
        kind, cue = meta[k]
        by_doc.setdefault(c, []).append(new(Cue, (a, b, kind, cue)))
    return by_doc


def _states_noun(doc: SpeakerDoc, first: int, nxt: str) -> bool:
    """ "states" after a capitalised word is a noun ("several Asean states still rely on …",
    "in Shan and Karen states, according to …"), unless a clause, a quotation or the end of
    the sentence follows ("…, the AGC states.") or, before a comma, a subject does ("…, the
    AGC states, adding …")."""
    if not capitalised_inside(doc, first - 1) or nxt in (":", "that", ".", "!", "?"):
        return False
    if nxt in QUOTE_MARKS:
        return False
    if nxt != ",":
        return True
    norm = doc.norm
    before = norm[first - 2] if first >= 2 else ""
    after = norm[first + 2] if first + 2 < len(norm) else ""
    # "from eight Asean states, including the Philippines" (wave 20, set 83)
    return (
        before in ("and", "in", "of", "or")
        or before in _COUNT_WORDS
        or before.isdigit()
        or after in ("including", "such", "especially", "notably", "mainly")
    )


# "explained that …", '…, he explained.', 'explained: "…"' are speech; "explained how …" and
# "explained the procedures" are not (the read held-out references code "explain" only so)
_EXPLAINED_AFTER = frozenset({"that", ",", ":", ".", "!", "?", ";"})
#: Nouns after "this" for the writer or the outlet itself ("This newspaper believes …").
_OWN_VOICE = frozenset({
    "newspaper", "paper", "editorial", "column", "columnist", "writer", "page", "board",
    "magazine", "website", "publication",
})  # fmt: skip
_COUNT_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "several", "many", "all", "other", "some", "most", "few", "member",
})  # fmt: skip


def _usable_cues(doc: SpeakerDoc, cues: list[Cue]) -> list[Cue]:
    """The cues that are speech verbs here: not a noun ("member states", "the claims",
    "vulnerable states", "media reports said"), not negated ("did not say", "declined to
    say"), not a passive ("were promised jobs") or an infinitive ("agreed to pledge"), and
    not a direct-only cue where a longer cue starts ("called for")."""
    norm, n = doc.norm, len(doc.norm)
    firsts = {c.first for c in cues}
    longer = {c.first for c in cues if c.kind != "direct"}
    lasts = {c.last for c in cues if c.kind == "verb"}
    out = []
    for c in cues:
        first, last, kind, cue = c  # read once: each is tested several times below
        prev = norm[first - 1] if first else ""
        nxt = norm[last + 1] if last + 1 < n else ""
        if prev in NOT_A_CUE_AFTER and (prev in _DETERMINERS or cue in NOUN_FORMS):
            continue  # "ten ASEAN member states", "the claims"; not "two crew members said"
        if prev in _OWN_VOICE and first >= 2 and norm[first - 2] == "this":
            continue  # "This newspaper believes …": the outlet's own view (wave 20, set 88)
        if cue.startswith("explain") and nxt not in _EXPLAINED_AFTER and nxt not in QUOTE_MARKS:
            continue  # "explains how the evidence was gathered" (wave 20, sets 15, 19, 88)
        if cue == "states" and first and _states_noun(doc, first, nxt):
            continue  # "several Asean states still rely on …", "in Shan and Karen states,"
        if prev in NEGATIONS or prev.endswith("n't"):
            continue
        if prev == "to" and first >= 2 and norm[first - 2] in NEGATIONS:
            continue  # "declined to say"
        if (
            prev in PASSIVE_AFTER
            and nxt != "that"
            and not cue.endswith("ing")
            and not charges.passive_by(doc, c)  # wave 11: "accused by X of …" is a charge
        ):
            continue  # "were promised jobs"; not "she was saying"
        if charges.not_speech(doc, c):
            continue  # wave 11: "ordered a review", "the protocol that X has proposed, and"
        if nxt == "by" and cue.endswith("ed") and prev != "as" and not charges.passive_by(doc, c):
            continue  # wave 19: "a mechanism proposed by the OSPP"; not "as reported by"
        if (
            cue in BASE_FORMS
            and cue != "say"
            and prev in NOT_A_CUE_AFTER_BASE
            and not (prev == "to" and _occasion_used(norm, first - 1))
        ):
            continue  # "agreed to pledge"; "say" keeps its old reading ("she would say, '…'")
        if (
            cue == "say"
            and prev in _MODALS
            and nxt not in (",", ":", "that")
            and nxt not in QUOTE_MARKS
        ):
            continue  # "Critics will say this means …": what someone may say, not speech
        if cue in ("wrote", "writes") and nxt == "to" and not _that_follows(norm, doc, c):
            continue  # wave 23: "X wrote to the governments of …" (a letter sent, not its words)
        if cue == "estimates" and _nominal_estimates(norm, first):
            continue  # wave 23: "According to UN estimates, …" (the "according to" quote's)
        if cue == "according to" and _own_understanding(norm, last + 1):
            continue  # wave 23: "According to this newspaper's understanding, …"
        if cue in OBJECT_CUES and not _speech_after(doc, c) and not adverbial_then_that(doc, c):
            continue  # "Canberra added nickel to its list", "reported a 41% rise"
        if (cue in CALL_ON_CUES or cue in POINT_CUES) and not_speech(doc, c):
            continue  # wave 6: a courtesy call ("called on Minister X"), "25 basis points to"
        if kind == "verb" and _hypothetical(doc, first):
            continue  # "When Borealis announced its writedown, …"
        if kind == "verb" and last + 1 in firsts and not capitalised_inside(doc, last + 1):
            continue  # "media reports said", "the statement says": a noun before a cue
        if kind == "verb" and first - 1 in lasts and capitalised_inside(doc, first):
            continue  # wave 13: "told Notes from Poland": an outlet's name, not a cue
        if kind == "verb" and relative_before_cue(norm, first, last, firsts):
            continue  # wave 13: "X, which observed the vote, said …"
        if kind == "direct" and first in longer:
            continue
        if cue in DENIAL_CUES and not denial_allowed(doc, c):
            continue  # wave 8: "denies six counts of …"; not "was denied bail"
        if cue in AGREE_CUES and not agree_allowed(doc, c):
            continue  # wave 8: "…, analysts agree."; not "agree to extend the deal"
        if cue in HEARD_CUES and not hearing_allowed(doc, c):
            continue  # wave 8: "…, a jury has heard."; not "he heard the news"
        if cue in GUARDED_CUES and not cue_allowed(doc, c) and not charges.closing_finding(doc, c):
            continue  # wave 5: "ruled out", "over alleged corruption", "asked about"
        if (
            cue in ("accused", "accuses")
            and nxt.isalpha()
            and nxt != "by"
            and "of" not in norm[last + 2 : last + 10]
        ):
            continue  # "accused X of Y" only (set 8); not "accuses employers and unions alike"
        if (
            cue in NOUN_FORMS
            and nxt not in ("that", ",", ":")
            and prev not in UNNAMED_SOURCES
            and doc.slot_ending_at(first - 1) is None
        ):
            continue
        out.append(c)
    return out


_DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "my", "other", "some", "many", "several",
})  # fmt: skip
_MODALS = frozenset({"will", "would", "shall", "should", "must", "can", "could", "may", "might"})
#: What a speaker uses to say something: "used her opening speech to urge …", "took the
#: opportunity to call for …" (wave 19, set 79): the infinitive is what was said.
_OCCASIONS = frozenset({
    "speech", "address", "remarks", "opportunity", "occasion", "platform", "keynote",
    "statement", "appearance", "interview", "briefing", "session", "visit", "meeting",
    "conference", "forum", "summit",  # wave 20: "has used the conference to press …"
})  # fmt: skip
_USE_VERBS = frozenset({"used", "uses", "use", "using", "took", "takes", "take", "taking"})
_OCCASION_REACH = 12  # tokens searched back from "to" for "used … speech"


def _occasion_used(norm: list, to: int) -> bool:
    """ "used her opening speech at the conference on Tuesday to urge …": before the "to" at
    token ``to``, a verb of :data:`_USE_VERBS` and after it a noun of :data:`_OCCASIONS`, in
    the same clause (no comma or full stop between)."""
    occasion = False
    for i in range(to - 1, max(-1, to - _OCCASION_REACH), -1):
        w = norm[i]
        if w in (",", ";", ":", ".", "!", "?"):
            return False
        if w in _OCCASIONS:
            occasion = True
        elif w in _USE_VERBS:
            return occasion
    return False


def _that_follows(norm: Sequence[str], doc: SpeakerDoc, c: Cue, reach: int = 12) -> bool:
    """A "that" within ``reach`` tokens after the cue, in its sentence ("wrote to the ministry
    that the licences were valid")."""
    hi = min(int(doc.s_hi[c.first]), c.last + reach)
    return any(norm[i] == "that" for i in range(c.last + 1, hi + 1))


_NOMINAL_BEFORE = frozenset({"according", "to", "by", "of", "in", "on", "these", "such"})


def _nominal_estimates(norm: Sequence[str], first: int) -> bool:
    """ "estimates" at token ``first`` is a noun: a preposition within the three words before
    it ("According to UN estimates, …", "by some estimates")."""
    return any(norm[k] in _NOMINAL_BEFORE for k in range(max(0, first - 3), first))


#: "According to this newspaper's understanding, …" (Chinese papers in translation, set 118):
#: the outlet's own account, which the references leave uncoded (4 of 4); a named source later
#: in the sentence still speaks ("…, an AGC official told this newspaper").
_OWN_OUTLET = frozenset({
    "newspaper's", "paper's", "reporter's", "our", "newspaper’s", "paper’s", "reporter’s",
})  # fmt: skip
_UNDERSTANDING = frozenset({"understanding", "knowledge", "information"})


def _own_understanding(norm: Sequence[str], i: int) -> bool:
    """Tokens from ``i`` read "[this] newspaper's|our understanding|knowledge|information"."""
    if i < len(norm) and norm[i] == "this":
        i += 1
    return i + 1 < len(norm) and norm[i] in _OWN_OUTLET and norm[i + 1] in _UNDERSTANDING


_AFTER_OBJECT_CUE = frozenset({"that", "how", "whether", ",", ":", ".", "!", "?", ";", "—", "-"})


def _speech_after(doc: SpeakerDoc, c: Cue) -> bool:
    """An object cue (:data:`OBJECT_CUES`) introduces speech: "that", "how", punctuation, a
    quotation mark or the end of the text right after it (or after a speaker: "added Ms X"),
    or, for "described", "as" later in the sentence ("described the talks as …")."""
    norm, n = doc.norm, len(doc.norm)
    j = c.last + 1
    slot = doc.slot_starting_at(j) if j < n else None
    if slot is not None:
        j = slot.last + 1
    if (
        j >= n
        or norm[j] in _AFTER_OBJECT_CUE
        or norm[j] in QUOTE_MARKS
        or doc.s_lo[j] != doc.s_lo[c.first]
    ):
        return True
    if c.cue.startswith("describ"):
        hi = min(int(doc.s_hi[c.first]), c.last + 12)
        return any(norm[i] in ("as", "how") for i in range(c.last + 1, hi + 1))
    # "She recalled Thailand deported 109 men …" (wave 20, set 86): an actor, then a finite
    # verb, opens a clause; not "recalled its ambassador"
    if slot is not None:
        return norm[j] in FINITE_AUXILIARIES or _past_verb(norm[j])
    # "She added the procuracy had sent two officers …" (wave 23, set 114): an article and at
    # most two words, then an auxiliary; not "added nickel to its list", "reported a 41% rise"
    return clause_opens(norm, j, int(doc.s_hi[c.first]), _ARTICLE_OPENERS)


_ARTICLE_OPENERS = frozenset({"the", "a", "an"})


def _past_verb(w: str) -> bool:
    """A word that reads as a past-tense verb ("deported", "signed"), not a participle noun."""
    return len(w) > 4 and w.isalpha() and w.endswith("ed")


def _hypothetical(doc: SpeakerDoc, first: int) -> bool:
    """Token ``first`` is in a clause opened by a word of :data:`HYPOTHETICAL_OPENERS` at the
    start of its sentence, before the clause's first comma."""
    lo = int(doc.s_lo[first])
    if doc.norm[lo] not in HYPOTHETICAL_OPENERS:
        return False
    return not any(doc.norm[i] in BOUNDARY for i in range(lo, first))


# ---------------------------------------------------------------------------------------------
# the rules


def _quotes_in_doc(
    doc: SpeakerDoc, cues: list[Cue], transcript: bool = True, decisions: bool = True
) -> list[dict]:
    """The quotes of one document: first the direct quotes (:func:`_direct_quotes`), then
    transcript answers (:func:`_transcript_answers`), then reported speech at the cues they
    left (:func:`reported_speech`)."""
    found = Found(doc, cues)
    _direct_quotes(found)
    if transcript:  # the document has a colon
        _transcript_answers(found)
    reported_speech(found)
    told_passive(found)  # "We are told that …" (wave 9)
    if decisions:  # the document has a verb of DECISION_VERBS
        event_decisions(found)  # "The Conference agreed that …": the tabled meeting (wave 19)
        impersonal_decisions(found)  # "It was agreed that …": nobody named (wave 19)
    if transcript:
        answer_pronouns(found)  # "they told me" in an answer is not the person answering
    if found.quoted.any():
        quote_after_inverted(found)  # '…, a colleague recalled. "But she …"' (wave 8)
        quote_after_reported(found)  # 'Gurung says she … . "I wanted …"' (wave 9)
    headline_attribution(found)
    interview_answers(found)
    first_person_in_answers(found)  # 'As I told the committee, "…"' inside an answer
    data_sources(found)  # "according to figures from the ministry": nobody speaks
    filed_documents(found)  # "The charge sheet, filed by the AGC …, says that …" (wave 22)
    documents_seen(found)  # "Documents seen by ICIJ show …": not ICIJ's words (wave 23)
    untabled_members(found)  # "prosecutor Nur Aisyah of the AGC argued": hers (wave 23)
    country_role_person(found)  # "China's top prosecutor said" → its one person (wave 22)
    described_bodies(found)  # "China's top procuratorate said": the tabled body (wave 9)
    official_again(found)  # '"…," the official said' after "a senior official of the SPP"
    pronouns = pronoun_rows(found)
    if pronouns:
        untabled_pronouns(found, pronouns)
        aged_untabled(found, pronouns)  # "Among them was X, 29, who …. '…,' she said"
        titled_roles(found, pronouns)
    court_rulings(found)  # "The court ruled that …": a ruling, no speaker (wave 13)
    for row in found.rows:
        if row["cue"] in HEARING_CUES or row["cue"] in HEARD_CUES:  # the court is told
            clear_speaker(row)
    return [row for row in found.rows if not courtesy(row)]  # "expressed thanks for …" (wave 18)


def _transcript_answers(found: Found) -> None:
    """``SPEAKER: answer`` (press-conference transcripts, Q&A interviews): a paragraph that
    opens with a mention of a person followed by a colon is that person's direct quote, up to
    the end of the paragraph (cue ":"). "Q:" and unknown names are not quotes."""
    doc, norm = found.doc, found.doc.norm
    n = len(norm)
    if not _names_person(doc):
        return
    heads = found.paragraph_bounds()[0]
    starts = set(heads)
    for h in heads:
        while h < n - 1 and norm[h] in BOLD_MARKS and doc.para[h + 1] == doc.para[h]:
            h += 1  # a label in bold: "**Reyes:** That was true …" (wave 18, set 60)
        closer = ":"
        if h + 3 < n and norm[h] == "[" and norm[h + 1] == "captioned" and norm[h + 2] == ":":
            h, closer = h + 3, "]"  # "[Captioned: Pham Thi Lan, deputy …] We cannot …" (wave 19)
        k = doc.first_at.get(h)
        if k is None or doc.a_type[doc.m_row[k]] != "person":
            continue
        if doc.a_via[doc.m_row[k]] == "title":
            continue  # "Energy minister: …" is a headline (analysis.headlines), not a label
        colon = _label_colon(doc, int(doc.m_last[k]) + 1, closer)
        if colon is None or colon + 1 >= n:
            continue
        first = colon + 1
        while (
            first < n - 1 and norm[first] in BOLD_MARKS and doc.para[first + 1] == doc.para[first]
        ):
            first += 1
        # the label alone on its line, the answer in the next paragraph (set 49's "Wei
        # Jingyi:" over her answer), unless that paragraph is itself labelled
        if doc.para[first] != doc.para[h] and (first not in starts or _labelled(doc, first)):
            continue
        last = _para_last(doc, first)
        # (a quotation inside the answer that is no quote, a theme or a title, does not stop it:
        # 'MR TAN: … under the theme "Partners in Justice". We agreed …', wave 21, set 95)
        if found.taken[first : last + 1].any():
            continue
        found.add_span(first, last, "direct", Slot(k, "", h, colon - 1), ":")
        found.answer[first : last + 1] = True  # its reported speech is read (set 12)


#: Tokens of a post after a label's name: "Wichai Rattanakorn, Attorney General: …".
_LABEL_POST_TOKENS = 6


def _label_colon(doc: SpeakerDoc, i: int, closer: str = ":") -> int | None:
    """The colon (``closer``) of a speaker label whose name ends before token ``i``: right
    there, or after a comma and a post of at most :data:`_LABEL_POST_TOKENS` capitalised words
    or mentions ("Marta Olsen, UNODC: …", "Wichai Rattanakorn, Attorney General: …" in TV
    transcripts; wave 19), else None. A caption's label ("[Captioned: Lan, deputy prosecutor
    general]") closes with its bracket and may name the post in lower case."""
    norm, n = doc.norm, len(doc.norm)
    i = _past_aside(doc, i)
    if i < n and norm[i] == closer:
        return i
    if i >= n or norm[i] != ",":
        return None
    reach = i + 2 + (2 * _LABEL_POST_TOKENS if closer == "]" else _LABEL_POST_TOKENS)
    for j in range(i + 1, min(n, reach)):
        if norm[j] == "(" and (past := _past_aside(doc, j)) > j:
            return past if past < n and norm[past] == closer else None
        if norm[j] == closer:
            return j if j > i + 1 and doc.para[j] == doc.para[i] else None
        w = doc.text[doc.start[j] : doc.end[j]]
        if closer == "]" and w.isalpha():
            continue
        # (a post of two parts: "NGUYỄN VĂN THÀNH, Prosecutor General, Viet Nam:", set 95)
        if not (doc.in_mention[j] or w[:1].isupper() or w in ("of", "the", "and", "'s", "-", ",")):
            return None
    return None


def _past_aside(doc: SpeakerDoc, i: int) -> int:
    """Past a short bracketed aside of words that opens at token ``i`` in its paragraph,
    "(through interpreter)", "(in Vietnamese)" (wave 21, set 95); ``i`` itself when there is
    none (not years, "(1941-2024)")."""
    norm, n = doc.norm, len(doc.norm)
    if i >= n or norm[i] != "(":
        return i
    for j in range(i + 1, min(n, i + 6)):
        if doc.para[j] != doc.para[i]:
            return i
        if norm[j] == ")":
            return j + 1
        if not norm[j].isalpha():  # "Ama Boateng (1941-2024): the Ghanaian who …" (set 12)
            return i
    return i


def _labelled(doc: SpeakerDoc, h: int) -> bool:
    """The paragraph starting at token ``h`` opens with a label: up to four capitalised words
    and a colon ("CGTN:", "Lin Haoran:", "Q:")."""
    norm = doc.norm
    for j in range(h, min(h + 5, len(norm))):
        if norm[j] == ":":
            return j > h
        if not doc.text[doc.start[j] : doc.start[j] + 1].isupper():
            return False
    return False


def _names_person(doc: SpeakerDoc) -> bool:
    """A speaker-eligible mention of a person: only one labels a transcript answer, and most
    documents name no person, so :func:`_transcript_answers` stops early (issue 14)."""
    a_type = doc.a_type.tolist()
    return any(a_type[j] == "person" for j in doc.m_row.tolist())


def _quotations(doc: SpeakerDoc) -> list[tuple[int, int, bool]]:
    """Pair the quotation marks of a document: ``(opening mark, last quoted token, closed?)``.

    Marks pair within a paragraph; a mark left open is closed at the end of its paragraph; a
    closing mark with no opening mark is ignored.
    """
    norm = doc.norm
    pairs: list[tuple[int, int, bool]] = []
    open_i: int | None = None
    marks = doc.marks.tolist()
    for n_mark, i in enumerate(marks):
        if open_i is not None and doc.para[i] != doc.para[open_i]:
            if _closes_run_on(doc, marks, n_mark, open_i):
                pairs.append((open_i, i - 1, True))
                open_i = None
                continue
            pairs.append((open_i, _para_last(doc, open_i), False))
            open_i = None
        if open_i is None:
            if norm[i] in QUOTE_MARKS:
                open_i = i
        elif norm[i] == QUOTE_MARKS[norm[open_i]]:
            pairs.append((open_i, i - 1, True))
            open_i = None
    if open_i is not None:
        pairs.append((open_i, _para_last(doc, open_i), False))
    single = single_quote_pairs(doc)  # "'…,' Ms X said." (a paragraph opening with a mark)
    single += headline_single_pair(doc)  # "Trader 'hid the sales', court hears" (wave 8)
    if single:
        taken = {doc.para[o] for o, _, _ in pairs}
        pairs = sorted(pairs + [p for p in single if doc.para[p[0]] not in taken])
    # a quoted nickname inside a tabled name ('Justice Secretary Ma. Corazon "Cora"
    # Villanueva said …') is part of the mention, not a quotation (set 15)
    inside = doc.in_mention
    return [p for p in pairs if not (inside[p[0]] and p[1] + 1 < len(inside) and inside[p[1] + 1])]


def _closes_run_on(doc: SpeakerDoc, marks: list[int], n_mark: int, open_i: int) -> bool:
    """The mark ``marks[n_mark]``, the first of the paragraph right after the one of the
    quotation left open at ``open_i``, closes that quotation: the paragraph does not open with
    a mark and holds an odd number of them ('Koh said: ¶ "Scam syndicates … ¶ This case shows
    that hope is misplaced."', a quote over two paragraphs whose second lacks its opening
    mark; wave 18, held-out set 59)."""
    i = marks[n_mark]
    para = doc.para[i]
    if doc.para[_para_last(doc, open_i) + 1] != para or doc.para[i - 1] != para:
        return False  # (the paragraph opening with the mark: a new quotation)
    count = 0
    for j in marks[n_mark:]:
        if doc.para[j] != para:
            break
        count += 1
    return count % 2 == 1 and doc.norm[i] == QUOTE_MARKS.get(doc.norm[open_i], "")


def _para_last(doc: SpeakerDoc, i: int) -> int:
    """Last token of the paragraph of token ``i``."""
    return int(doc.para.searchsorted(doc.para[i], side="right")) - 1


_TOPIC_NOUNS = frozenset({"theme", "topic", "slogan", "motto", "title", "agenda"})


def _named_as_topic(norm: list, i: int) -> bool:
    """Tokens from ``i`` (after a closing mark) read "as the [up to three words] theme|topic":
    the quotation names a meeting's theme or topic ("proposed "asset recovery" as the main
    topic of this year's conference"; held-out sets 21 and 28)."""
    if i + 2 >= len(norm) or norm[i] != "as" or norm[i + 1] not in ("the", "its", "a", "their"):
        return False
    return any(norm[k] in _TOPIC_NOUNS for k in range(i + 2, min(len(norm), i + 6)))


def _is_title(doc: SpeakerDoc, o: int, last: int) -> bool:
    """The quotation ``o..last`` names something rather than quoting someone: a word of
    :data:`TITLE_WORDS` (optionally and a comma or colon) right before the opening mark, or a
    short Title-Case phrase ("Joining Hands Against Fraud") without sentence punctuation."""
    norm = doc.norm
    if names_a_thing(doc, last):
        return True  # 'under the "Sky Net" campaign'
    if _named_as_topic(norm, last + 2):
        return True  # 'had proposed "combating drug crimes" as the main topic' (wave 20)
    if (
        o >= 1
        and norm[o - 1] == "("
        and last - o <= 3
        and last + 2 < len(norm)
        and norm[last + 2] == ")"
    ):
        return True  # 'The Attorney-General\'s Chambers ("AGC") said …': a short name defined
    j = o - 1
    while j >= 0 and norm[j] in (",", ":") and j >= o - 2:
        j -= 1
    if j >= 0 and norm[j] in TITLE_WORDS:
        # "what it called '…'", "Santos called it '…'": a speaker before "called" quotes
        if norm[j] in AS_CUES:
            return not (j >= 1 and (norm[j - 1] == "it" or doc.slot_ending_at(j - 1) is not None))
        # "X called the programme 'an investment in trust'" (wave 19, set 77): the noun is
        # what a speaker names, not the quotation's title
        k = j - 1 if j >= 1 and norm[j - 1] in _OBJECT_DETERMINERS else j
        return not (
            k >= 2 and k < j and norm[k - 1] in AS_CUES and doc.slot_ending_at(k - 2) is not None
        )
    if not 1 <= last - o <= 8:  # one word per token after the mark: too few or too many
        return False
    words = [doc.text[doc.start[i] : doc.end[i]] for i in range(o + 1, last + 1)]
    if not _SENTENCE_PUNCT.isdisjoint(words):
        return False
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return len(long_words) >= 2 and all(w[:1].isupper() for w in long_words)


_SENTENCE_PUNCT = frozenset({".", "!", "?", ","})
_OBJECT_DETERMINERS = frozenset({"the", "this", "that", "its", "their", "his", "her"})


def _direct_quotes(found: Found) -> None:
    """Every quotation with a cue next to it is a direct quote; the cue is used up.

    The cue is looked for after the closing mark first (:func:`cue_after_quote`), then
    before the opening mark (:func:`cue_before_quote`). The quote keeps the speaker's own
    punctuation inside the marks. Titles and names in quotation marks (:func:`_is_title`)
    are not quotes.

    A quotation with no cue of its own that continues the quote before it goes to the same
    speaker with the same cue: it opens a new sentence right after that quote's attribution
    (``"…," X said. "…"``), or it opens the paragraph after a quote left open at the end of
    its paragraph (a quote running over two paragraphs).
    """
    doc = found.doc
    pairs = _quotations(doc)
    for o, last, _ in pairs:
        found.quoted[o : last + 2] = True
    prev: tuple[int, bool, Slot | None, str] | None = None  # last quote: end, closed, who, cue
    for o, last, closed in pairs:
        if o + 1 > last or _is_title(doc, o, last):
            prev = None
            continue
        hit = cue_after_quote(found, last + 1) if closed else None
        if hit is None:
            hit = cue_before_quote(found, o)
        elif hit[1] is None and found.cues[hit[0]].kind == "according":
            # wave 12: 'X thanked Y for its "…" in …, according to a statement': X's words
            before = cue_before_quote(found, o)
            if before is not None and "for" in doc.norm[found.cues[before[0]].last + 1 : o]:
                found.consumed.add(hit[0])
                hit = before
        if hit is None and closed:
            dash = dash_attribution(found, last + 1)
            if dash is not None:
                found.add_span(o + 1, last, "direct", dash, "—")
                prev = (last, closed, dash, "—")
                continue
        if hit is None and (label := labelled_quotation(doc, o)) is not None:
            # 'TANG WEIGUO (in Chinese, translated): "…"': a soundbite, empty cue
            found.add_span(o + 1, last, "direct", label, "")
            prev = (last, closed, label, "")
            continue
        if hit is None:
            if prev is not None and _continues(found, prev[0], prev[1], o, last):
                row = found.rows[-1] if found.rows else None
                if not prev[1] and row is not None and row["end"] == int(doc.end[prev[0]]):
                    # a quote over several paragraphs, each opening with a mark: one quote,
                    # as the references code it (wave 18, sets 57-64)
                    row["end"] = int(doc.end[last])
                    row["text"] = doc.text[row["start"] : row["end"]]
                    found.taken[o : last + 1] = True
                else:
                    found.add_span(o + 1, last, "direct", prev[2], prev[3])
                prev = (last, closed, prev[2], prev[3])
            else:
                prev = None
            continue
        ci, slot = hit
        found.consumed.add(ci)
        outer = fragment_start(found, o, last, ci, slot) if closed else None
        if outer is not None:
            # 'Beijing urged X to act "as soon as possible", the ministry said.': the sentence
            # is the ministry's; "urged" is read later as a quote of its own
            found.add_span(outer, last + 1, "reported", slot, found.cues[ci].cue)
            found.taken[outer : last + 2] = False
            prev = None
            continue
        found.add_span(o + 1, last, "direct", slot, found.cues[ci].cue)
        nested_quotes(found, o, last)
        prev = (last, closed, slot, found.cues[ci].cue)
        if closed and found.cues[ci].first > last:
            # "…," he said, adding that …: the participle continues with the same speaker
            cue = found.cues[ci]
            after = slot.last + 1 if slot is not None and slot.first > cue.last else cue.last + 1
            continue_with(found, after, slot, int(doc.s_hi[cue.first]), cue.cue)


def _continues(found: Found, prev_last: int, prev_closed: bool, o: int, last: int) -> bool:
    """The quotation ``o..last`` continues the quote that ended at token ``prev_last``: it
    opens the paragraph after an unclosed quote, or it opens a sentence at most
    :data:`WINDOW_AFTER` + 4 tokens after a closed quote of the same paragraph (twice that
    when it opens the sentence right after the attribution's); and it has at least three
    words."""
    doc, norm = found.doc, found.doc.norm
    if last - o < 3:
        return False
    if not prev_closed:
        return o == prev_last + 1 and doc.para[o] != doc.para[prev_last]
    close = prev_last + 1
    if doc.para[o] != doc.para[close] and doc.para[o - 1] == doc.para[close]:
        # a quotation making up the whole next paragraph ("…," Ms Ross said.¶"…")
        end = last + 2
        return end >= len(norm) or doc.para[end] != doc.para[o]
    # the sentence right after the attribution's, also after a long apposition ('"…," said Gao
    # Ruilin, a deputy procurator-general at the SPP (SPP), in a rare interview. "…"'; wave 25)
    near = o - close <= WINDOW_AFTER + 4 or (
        o - close <= 2 * WINDOW_AFTER + 8 and int(doc.s_hi[close]) == o - 1
    )
    return doc.para[o] == doc.para[close] and near and norm[o - 1] in SENT_END
