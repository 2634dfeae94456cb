"""The per-chunk set-up of find_quotes (issue 14): token look-ups, sentence bounds and
"inside a mention" computed once for all documents must equal the per-document computation
they replaced (old path vs new, on crafted input)."""

import numpy as np
import pandas as pd

from analysis.actor_table import Actors
from analysis.actors import find_mentions
from analysis.speakers import SortedMentions, SortedTokens, SpeakerDoc
from analysis.text import tokenize

TEXTS = [
    'Nguyen Thi Lan said: "We will act." Lan added more.\n\nThe ministry agreed.',
    "",
    'Lan met Tran Van Binh. "No," Binh said. Prices rise, she noted.',
    "Nothing here.",
]


def _inputs():
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS})
    tokens = tokenize(docs)
    actors = Actors.from_records([
        {"id": "lan", "name": "Nguyen Thi Lan", "type": "person", "aliases": "Lan"},
        {"id": "binh", "name": "Tran Van Binh", "type": "person", "aliases": "Binh"},
        {"id": "mof", "name": "the ministry", "type": "organisation"},
    ])  # fmt: skip
    mentions = find_mentions(tokens, actors, docs=docs)
    return docs, tokens, mentions


def _old_doc_arrays(toks: SortedTokens, ments: SortedMentions, d: int):
    """The per-document computation of the old SpeakerDoc.build and mark_speaking."""
    lo, hi = toks.bounds[d], toks.bounds[d + 1]
    start, end = toks.start[lo:hi], toks.end[lo:hi]
    m = ments.of(d)
    eligible = np.flatnonzero(m["eligible"])
    m_first = np.searchsorted(start, m["start"][eligible])
    m_last = np.searchsorted(end, m["end"][eligible])
    n = len(start)
    counts = (
        np.bincount(m_first, minlength=n + 1)[: n + 1]
        - np.bincount(m_last + 1, minlength=n + 1)[: n + 1]
    )
    sent = toks.sent[lo:hi]
    s_lo = np.array([np.flatnonzero(sent == s)[0] for s in sent], np.int64)
    s_hi = np.array([np.flatnonzero(sent == s)[-1] for s in sent], np.int64)
    return {
        "a_first": np.searchsorted(start, m["start"]),
        "a_last": np.searchsorted(end, m["end"]),
        "in_mention": np.cumsum(counts)[:n] > 0,
        "s_lo": s_lo,
        "s_hi": s_hi,
    }


def test_chunk_setup_matches_per_document_computation():
    docs, tokens, mentions = _inputs()
    # shuffled tokens: the sorted arrays must not depend on the table's row order
    for table in (tokens, tokens.sample(frac=1, random_state=1)):
        toks = SortedTokens(table)
        cats = table["doc_id"].cat.categories.astype(str)
        ments = SortedMentions(mentions, cats, toks)
        assert len(mentions) >= 5
        for d, name in enumerate(cats):
            old = _old_doc_arrays(toks, ments, d)
            doc = SpeakerDoc.build(name, TEXTS[d], toks, d, ments.of(d), ments.in_mention)
            assert doc.a_first.tolist() == old["a_first"].tolist()
            assert doc.a_last.tolist() == old["a_last"].tolist()
            assert list(doc.in_mention) == old["in_mention"].tolist()
            assert list(doc.s_lo) == old["s_lo"].tolist()
            assert list(doc.s_hi) == old["s_hi"].tolist()


def test_locate_is_searchsorted_per_document():
    _, tokens, _ = _inputs()
    toks = SortedTokens(tokens)
    codes, chars = [], []
    for d in range(len(TEXTS)):
        for x in (-3, 0, 1, 5, 21, 22, 40, 10_000):
            codes.append(d)
            chars.append(x)
    got_start = toks.locate(np.array(codes), np.array(chars))
    got_end = toks.locate(np.array(codes), np.array(chars), end=True)
    for k, (d, x) in enumerate(zip(codes, chars, strict=True)):
        lo, hi = toks.bounds[d], toks.bounds[d + 1]
        assert got_start[k] == np.searchsorted(toks.start[lo:hi], x)
        assert got_end[k] == np.searchsorted(toks.end[lo:hi], x)


def test_sentence_bounds_and_colons_of_one_sentence_documents():
    """Sentence numbers restart at 1 in every document: consecutive one-sentence documents
    (and an empty one) still get their own sentence bounds; colons and question marks are
    counted per document."""
    texts = ["One: two.", "Three?", "", "Four", "Five. Six: seven?"]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    tokens = tokenize(docs)
    toks = SortedTokens(tokens)
    for d in range(len(texts)):
        lo, hi = toks.bounds[d], toks.bounds[d + 1]
        sent = toks.sent[lo:hi]
        assert toks.s_lo[lo:hi].tolist() == [np.flatnonzero(sent == s)[0] for s in sent]
        assert toks.s_hi[lo:hi].tolist() == [np.flatnonzero(sent == s)[-1] for s in sent]
    assert toks.colons_per_doc.tolist() == [1, 1, 0, 0, 2]


def test_in_mention_marked_directly_or_counted_with_a_span_ending_before_its_start():
    """Mention rows are marked directly (speed, issue 14) unless a span ends before it starts
    (then counted, as such a span cancels others): both equal the per-document count."""
    docs, tokens, mentions = _inputs()
    toks = SortedTokens(tokens)
    cats = tokens["doc_id"].cat.categories.astype(str)
    bad = mentions.iloc[[0]].assign(start=mentions["end"].iloc[0], end=mentions["start"].iloc[0])
    for table in (mentions, pd.concat([mentions, bad], ignore_index=True)):
        ments = SortedMentions(table, cats, toks)
        for d in range(len(TEXTS)):
            lo, hi = toks.bounds[d], toks.bounds[d + 1]
            old = _old_doc_arrays(toks, ments, d)
            assert ments.in_mention[lo:hi].tolist() == old["in_mention"].tolist()
    assert SortedMentions(mentions, cats, toks).in_mention.sum() >= 8
