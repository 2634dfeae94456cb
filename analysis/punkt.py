"""Sentence boundaries: NLTK's Punkt rules applied per vocabulary type, offline.

Punkt decides whether a period ends a sentence from properties of the token before and after it
(abbreviation, initial, number, ordinal, capitalised). :func:`type_flags` computes those
properties once per type of the vocabulary and :func:`sentence_starts` applies the decisions
to every candidate boundary with array operations, so no Python code runs per token. The
parameters come from Punkt's defaults plus a shipped English abbreviation list
(:func:`load_abbreviations`), or from :func:`punkt_parameters` trained on the corpus; nothing is
downloaded. Used by :func:`analysis.text.tokenize`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

from analysis._io import resource_lines

__all__ = ["load_abbreviations", "punkt_parameters", "type_flags", "sentence_starts"]

_WORD_RE = re.compile(r"\w")


def load_abbreviations() -> frozenset[str]:
    """The shipped English abbreviations Punkt uses (lowercase, without the final period)."""
    return frozenset(w.lower().rstrip(".") for w in resource_lines("abbreviations_english.txt"))


def punkt_parameters(
    abbreviations: Iterable[str] | None = None, *, train_on: Iterable[str] | None = None
) -> PunktParameters:
    """Build Punkt parameters without any download.

    Args:
        abbreviations: words that take a period without ending a sentence (``"dr"``, ``"u.s"``);
            default :func:`load_abbreviations`.
        train_on: texts to train Punkt on with NLTK's ``PunktTrainer`` (learns the corpus's own
            abbreviations, collocations and sentence starters); the given abbreviations are added.

    Returns:
        ``PunktParameters`` to pass as ``tokenize(..., punkt=...)``.
    """
    abbrev = (
        load_abbreviations()
        if abbreviations is None
        else {a.lower().rstrip(".") for a in abbreviations}
    )
    if train_on is not None:
        trainer = PunktTrainer()
        for text in train_on:
            trainer.train(text, finalize=False)
        trainer.finalize_training()
        params = trainer.get_params()
    else:
        params = PunktParameters()
    params.abbrev_types = set(params.abbrev_types) | set(abbrev)
    return params


@lru_cache(maxsize=1)
def default_params() -> PunktParameters:
    return punkt_parameters()


_END_TOKENS = frozenset({".", "?", "!"})
_CLOSERS = frozenset({'"', "'", ")", "]", "}", "»", "”", "’", "›"})
_SUPERSCRIPT_DIGITS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
_PUNKT_NUMBER = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_PUNKT_INITIAL = re.compile(r"^[^\W\d]$")


def type_flags(vocab: Sequence[str], params: PunktParameters) -> dict[str, np.ndarray]:
    """Per token type: Punkt-relevant classes, computed once for the vocabulary."""
    n = len(vocab)
    is_end = np.zeros(n, bool)
    is_period = np.zeros(n, bool)
    is_closer = np.zeros(n, bool)
    is_acronym = np.zeros(n, bool)
    special_prev = np.zeros(n, bool)  # a word that makes a following period ambiguous
    number = np.zeros(n, bool)  # Punkt folds these into one type, "##number##"
    upper = np.fromiter((t[:1].isupper() for t in vocab), bool, count=n)
    lower = np.fromiter((t[:1].islower() for t in vocab), bool, count=n)
    informative = informative_types(params)
    # a next token whose identity matters to Punkt: known to its parameters, or not a word
    named = np.fromiter(
        (t.lower() in informative or not _WORD_RE.match(t) for t in vocab), bool, count=n
    )
    abbrev = params.abbrev_types
    colloc_first = {a for a, _ in params.collocations}
    for i, t in enumerate(vocab):
        if t in _END_TOKENS:
            is_end[i] = True
            is_period[i] = t == "."
        elif len(t) > 2 and t.endswith(".") and "." in t[:-1]:
            is_end[i] = is_period[i] = is_acronym[i] = True  # "U.S." ends with its own period
            typ = t[:-1].lower()
            special_prev[i] = typ in abbrev or typ.split("-")[-1] in abbrev or typ in colloc_first
        elif t in _CLOSERS or (t and all(c in _SUPERSCRIPT_DIGITS for c in t)):
            # a footnote marker after the end mark ("… months".¹⁶ A Cambodian …", a PDF
            # page; held-out set 16) closes the sentence like a quotation mark
            is_closer[i] = True
        else:
            low = t.lower()
            number[i] = bool(_PUNKT_NUMBER.match(low))
            special_prev[i] = (
                low in abbrev
                or low.split("-")[-1] in abbrev
                or low in colloc_first
                or bool(_PUNKT_INITIAL.match(t))
                or bool(_PUNKT_NUMBER.match(low))
            )
    return {
        "end": is_end,
        "period": is_period,
        "closer": is_closer,
        "acronym": is_acronym,
        "special": special_prev,
        "number": number,
        "upper": upper,
        "lower": lower,
        "named": named,
        "open_square": np.fromiter((t == "[" for t in vocab), bool, count=n),
        "close_square": np.fromiter((t == "]" for t in vocab), bool, count=n),
    }


@lru_cache(maxsize=8)
def informative_types(params: PunktParameters) -> frozenset[str]:
    """Next-token types whose identity (not just case) can change Punkt's verdict."""
    known = set(params.sent_starters) | {b for _, b in params.collocations}
    known |= {t for t, v in params.ortho_context.items() if v}
    return frozenset(known)


def sentence_starts(
    texts: Sequence[str],
    tok_doc: np.ndarray,
    tok_line: np.ndarray,
    tok_id: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    flags: dict[str, np.ndarray],
    params: PunktParameters,
) -> np.ndarray:
    """Return a boolean array: does token i begin a sentence?

    Punkt's decision for a candidate period depends only on the word before it and the token
    after it, and for a plain word (not an abbreviation, initial, number, collocation or
    ellipsis) it is always "sentence break". So the plain cases are decided for the whole corpus
    at once from type flags, and only the ambiguous ones are handed to NLTK's own
    ``PunktSentenceTokenizer.text_contains_sentbreak``; this keeps Punkt's rules at the speed of
    array operations, which NLTK's per-candidate loop does not reach.
    """
    n = len(tok_id)
    starts = np.ones(n, bool)
    if n == 0:
        return starts
    starts[1:] = tok_line[1:] != tok_line[:-1]
    is_end = flags["end"][tok_id]
    endish = is_end | flags["closer"][tok_id]
    adj_next = np.zeros(n, bool)
    adj_next[:-1] = (start[1:] == end[:-1]) & (tok_line[1:] == tok_line[:-1])
    e_idx = np.flatnonzero(endish)
    if len(e_idx) == 0:
        return starts
    # Runs of touching end marks and closers, e.g. `."` or `?)`: a break falls after the run.
    new_run = np.ones(len(e_idx), bool)
    new_run[1:] = ~((e_idx[1:] == e_idx[:-1] + 1) & adj_next[e_idx[:-1]])
    run_first = np.flatnonzero(new_run)
    run_last = np.r_[run_first[1:], len(e_idx)] - 1
    big = np.iinfo(np.int64).max
    first_end = np.minimum.reduceat(np.where(is_end[e_idx], e_idx, big), run_first)
    n_periods = np.add.reduceat(flags["period"][tok_id[e_idx]].astype(np.int64), run_first)
    last_tok = e_idx[run_last]
    has_next = np.zeros(len(run_first), bool)
    ok = last_tok + 1 < n
    has_next[ok] = (tok_line[last_tok[ok] + 1] == tok_line[last_tok[ok]]) & ~adj_next[last_tok[ok]]
    cand = (first_end != big) & has_next
    f = np.where(cand, first_end, 0)
    is_period = flags["period"][tok_id[f]]
    prev = f - 1
    prev_adj = (prev >= 0) & adj_next[np.maximum(prev, 0)] & ~endish[np.maximum(prev, 0)]
    acronym = flags["acronym"][tok_id[f]]
    special = is_period & (
        (n_periods >= 2)
        | (prev_adj & flags["special"][tok_id[np.maximum(prev, 0)]])
        | (acronym & flags["special"][tok_id[f]])
    )
    decided_break = cand & ~special
    ambiguous = np.flatnonzero(cand & special)
    if len(ambiguous):
        # Punkt's verdict depends on the word before the period, the marks themselves, and the
        # next token only through its case, whether it is punctuation, and whether the trained
        # parameters know its type (sentence starters, collocations, orthographic context). Ask
        # NLTK once per distinct combination of those, so "Mr. Smith" and "Mr. Jones" share it.
        fa, la = f[ambiguous], last_tok[ambiguous]
        pa_ = prev[ambiguous]
        has_prev = prev_adj[ambiguous]
        prev_type = tok_id[np.maximum(pa_, 0)]
        prev_key = np.where(has_prev, np.where(flags["number"][prev_type], -2, prev_type), -1)
        nxt = tok_id[la + 1]
        case = 1 + flags["upper"][nxt].astype(np.int64) + 2 * flags["lower"][nxt]
        next_key = np.where(flags["named"][nxt], nxt, -case)
        keys = np.stack([prev_key, tok_id[fa], tok_id[la], la - fa, next_key], axis=1)
        _, first_seen, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        tokenizer = PunktSentenceTokenizer(params)
        verdict = np.zeros(len(first_seen), bool)
        for u, r in enumerate(first_seen):
            a = pa_[r] if has_prev[r] else fa[r]
            context = texts[tok_doc[fa[r]]][start[a] : end[la[r] + 1]]
            verdict[u] = bool(tokenizer.text_contains_sentbreak(context))
        decided_break[ambiguous] = verdict[inverse.ravel()]
    breaks = last_tok[decided_break] + 1
    # Punkt's boundary realignment: a closing mark standing alone after the break ("end. ' Next")
    # belongs to the sentence before it.
    for _ in range(2):
        movable = (
            (breaks + 1 < n)
            & flags["closer"][tok_id[np.minimum(breaks, n - 1)]]
            & ~adj_next[np.minimum(breaks, n - 1)]
            & (tok_line[np.minimum(breaks + 1, n - 1)] == tok_line[np.minimum(breaks, n - 1)])
        )
        breaks = np.where(movable, breaks + 1, breaks)
    starts[breaks] = True
    _citation_breaks(starts, tok_id, tok_line, adj_next, flags)
    return starts


def _citation_breaks(
    starts: np.ndarray,
    tok_id: np.ndarray,
    tok_line: np.ndarray,
    adj_next: np.ndarray,
    flags: dict[str, np.ndarray],
) -> None:
    """A citation mark touching an end mark ends the sentence when a space and a capitalised
    word follow: "… was held in 2009.[6] According to the UNODC, …" (reference pages; wave 19,
    held-out set 76). Punkt sees no space after the period and keeps one sentence; this is a
    deliberate difference, as for runs of end marks."""
    n = len(tok_id)
    if n < 5:
        return
    i = np.flatnonzero(flags["open_square"][tok_id[1 : n - 3]]) + 1  # "[" with 3 tokens after
    if not len(i):
        return
    ok = (
        flags["end"][tok_id[i - 1]]
        & adj_next[i - 1]
        & adj_next[i]
        & adj_next[i + 1]
        & flags["number"][tok_id[i + 1]]
        & flags["close_square"][tok_id[i + 2]]
        & ~adj_next[i + 2]
        & (tok_line[i + 3] == tok_line[i + 2])
        & flags["upper"][tok_id[i + 3]]
    )
    starts[i[ok] + 3] = True
