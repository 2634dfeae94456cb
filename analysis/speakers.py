"""Speaker candidates of a document: who stands where, and who a pronoun is.

Used by :func:`analysis.quotes.find_quotes`: the tokens and mentions of one document as local
arrays (:class:`SpeakerDoc`), the speaker slots next to a cue (:class:`Slot`), pronoun
resolution (the first person of the nearest earlier sentence that names one), and the
paragraphs within which quotation marks pair (:func:`paragraph_breaks`: lines, or blank-line
blocks in hard-wrapped text). Every look-up is a dictionary, a binary search or an array index,
so that quote finding stays linear in document length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis._quote_index import doc_codes
from analysis.cues import AS_CUES, DIRECT_ONLY_CUES, issued_by
from analysis.dates import MONTH_NAMES
from analysis.paragraphs import paragraph_breaks
from analysis.surname_forms import title_goes_on, untabled_surname_opening

__all__ = [
    "CLOSING_MARKS",
    "PRONOUNS",
    "DEGREES",
    "SPEAKER_TYPES",
    "QUOTE_MARKS",
    "ROLE_NOUNS",
    "ORG_NOUNS",
    "DOCUMENT_NOUNS",
    "UNNAMED",
    "ARTICLES",
    "SOURCE_PERSONS",
    "INDEFINITES",
    "SOURCE_DETERMINERS",
    "BOUNDARY",
    "SENT_END",
    "TRIM_LEFT",
    "TRIM_RIGHT",
    "Cue",
    "Found",
    "clear_speaker",
    "SortedTokens",
    "SortedMentions",
    "paragraph_breaks",  # moved to analysis.paragraphs; re-exported for old imports
    "Slot",
    "SpeakerDoc",
]

#: Pronouns that can be speakers, and the actor types they resolve to.
PRONOUNS: dict[str, tuple[str, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "they": ("person", "group"),
}
#: Actor types that can speak; mentions of other types (events, agreements, places) are skipped
#: when looking for a speaker.
SPEAKER_TYPES: tuple[str, ...] = ("person", "organisation", "country", "group", "other")
#: Opening quotation mark -> closing mark.
QUOTE_MARKS: dict[str, str] = {'"': '"', "“": "”", "«": "»"}
#: Marks that close a quotation: the closing double marks and the single ones.
CLOSING_MARKS: frozenset[str] = frozenset({*QUOTE_MARKS.values(), "’", "'"})
#: "the [Deputy] minister said", "the police chief said": a definite description of a person
#: with no mention resolves like a pronoun (to the subject of the nearest earlier sentence
#: that names a person).
ROLE_NOUNS: frozenset[str] = frozenset({
    "minister", "secretary", "president", "chief", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "chairman", "chairwoman", "premier", "procurator", "prosecutor", "director",
    "commissioner", "governor", "envoy", "representative", "general",
    # "Asked about red notices, the AG said …" (wave 19): analysis.headlines.TITLE_ABBREVIATIONS
    "ag", "pm", "dpm", "fm", "igp",
})  # fmt: skip
#: "the police said", "the ministry said": a definite description of an organisation with no
#: mention resolves to the nearest earlier organisation whose mention contains the noun
#: ("Singapore Police Force", "Ministry of Interior").
ORG_NOUNS: frozenset[str] = frozenset({
    "police", "ministry", "department", "agency", "force", "office", "commission", "bureau",
    "embassy", "council", "procuracy", "procuratorate", "court", "guard", "bloc",
})  # fmt: skip
#: The prosecution as a subject with no name: "Prosecutors said …"
#: (:meth:`SpeakerDoc.prosecution_body`).
PROSECUTION_NOUNS: frozenset[str] = frozenset({"prosecutors", "procurators", "prosecution"})
_PROSECUTION_NAME = re.compile(r"(?i)prosecut|procura|attorney|\bjustice\b")
#: "the report says", "according to the report": a definite description of a document resolves
#: to the actor named as its author earlier ("a report by the Oceans Rights Network", "the
#: network's report"; held-out set 4).
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "report", "study", "survey", "audit", "review",
    # "…, according to a statement from the AGO. The statement said …" (wave 19, set 79)
    "statement",
})  # fmt: skip
_AUTHOR_REACH = 400  # tokens searched back for "report by X"
# "the agency said": a generic noun for the organisation named in the last sentences
_GENERIC_ORG_NOUNS = frozenset({"agency", "organisation", "organization", "body", "bloc"})
# "her office says", "his spokesman said": the person speaks through them
# "her ministry said" after the minister is named (set 10, as set 4's "Her office says")
_VOICE_NOUNS = frozenset({"office", "spokesman", "spokeswoman", "spokesperson", "ministry"})
#: Slot.mention of a speaker who is not an actor of the table ("Ambassador Tanaka said",
#: "Analysts in Tokyo said"): the quote is kept with an NA speaker.
UNNAMED = -2
_ROLE = "role"  # Slot.pronoun of a definite description of a person
# an unnamed person of a country: "A Vietnamese delegate …", "One senior Thai official …"
SOURCE_DETERMINERS: frozenset[str] = frozenset({
    "the", "a", "an", "one", "two", "three", "four", "several", "some", "other", "senior",
    "top", "high-ranking", "junior", "another",
})  # fmt: skip
#: Nouns an unnamed source is introduced with ("a Thai official", "a senior official of the
#: SPP") and named by again ("the official"): analysis.source_anaphora reads them too.
SOURCE_PERSONS: frozenset[str] = frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "prosecutor", "diplomat",
    "delegate", "counsel", "source", "officer", "representative", "investigator", "negotiator",
    "envoy",
})  # fmt: skip
#: Determiners of a source not named before: "a spokesman", "one victim".
INDEFINITES: frozenset[str] = frozenset({"a", "an", "one", "another"})
# "the two ministers", "the three prosecutors": several people speak, no one of them alone
_SEVERAL = frozenset({"two", "three", "four", "both"})
_MALE = frozenset({"mr", "his", "him", "himself", "he"})
_FEMALE = frozenset({"ms", "mrs", "madam", "her", "herself", "she"})
_GENDER_OF = {"he": "m", "she": "f"}

_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "as", "after", "before", "when",
    "while", "meanwhile", "however", "this", "that", "these", "those", "it", "its", "their",
    "speaking", "asked", "according", "under", "with", "by", "from", "to", "of", "since",
})  # fmt: skip
ARTICLES: frozenset[str] = frozenset({"the", "a", "an"})
_CONJUNCTS = frozenset({"and", "or", "&", ",", "with", "nor"})


class SortedTokens:
    """The tokens table as arrays sorted by document and offset, with each document's bounds.

    Everything a document needs that does not depend on its text (sentence bounds, quotation
    marks, the token at a character offset) is computed here once for all documents: done per
    document, the numpy call overhead cost more than the work (issue 14).
    """

    def __init__(self, tokens: pd.DataFrame) -> None:
        n_docs = len(tokens["doc_id"].cat.categories)
        codes = tokens["doc_id"].cat.codes.to_numpy().astype(np.int64)
        # read only here and in the documents' slices: no copy of int64 offsets
        starts = tokens["start"].to_numpy().astype(np.int64, copy=False)
        ends = tokens["end"].to_numpy().astype(np.int64, copy=False)
        n = len(codes)
        # (document, offset) as one sortable key: sortedness is one comparison, and the token
        # at a character offset is found for all documents by one binary search (locate)
        self._scale = max(int(ends.max()), int(starts.max())) + 2 if n else 2
        key_start = codes * self._scale + starts
        if n < 2 or bool(np.all(key_start[1:] > key_start[:-1])):
            order = None  # as tokenize gives them: no sort needed
        else:
            order = np.lexsort((starts, codes))

        def sort(values: np.ndarray) -> np.ndarray:
            return values if order is None else values[order]

        codes = sort(codes)
        self.start = sort(starts)
        self.end = sort(ends)
        self._key_start = sort(key_start)
        self._key_end = codes * self._scale + self.end
        self._ends_sorted = n < 2 or bool(np.all(self._key_end[1:] >= self._key_end[:-1]))
        self.sent = sort(tokens["sent"].to_numpy())
        norm_cats = tokens["norm"].cat.categories
        norm_codes = sort(tokens["norm"].cat.codes.to_numpy())
        self.norm = np.asarray(norm_cats, dtype=object)[norm_codes]
        self.bounds = np.searchsorted(codes, np.arange(n_docs + 1))
        self.codes = codes
        # First and last token of each token's sentence, local to its document, for all
        # documents at once: a sentence never spans two documents.
        brk = np.ones(n, bool)
        np.not_equal(self.sent[1:], self.sent[:-1], out=brk[1:])
        brk[self.bounds[:-1][self.bounds[:-1] < n]] = True  # a document's first token
        first = np.flatnonzero(brk)
        # each sentence's first and last token, made local per sentence (its document's first
        # row is the same for all its tokens), repeated over its tokens
        size = np.diff(np.append(first, n))
        first_local = first - self.bounds[codes[first]]
        self.s_lo = np.repeat(first_local, size)
        self.s_hi = np.repeat(first_local + size - 1, size)
        # One hash lookup per type (a carried vocabulary holds every type seen so far).
        is_mark_type = np.asarray(norm_cats.isin([*QUOTE_MARKS, *QUOTE_MARKS.values()]), bool)
        is_mark = is_mark_type[norm_codes]
        mark_rows = np.flatnonzero(is_mark)
        self.marks = mark_rows - self.bounds[codes[mark_rows]]  # local index of every mark
        self.mark_bounds = np.searchsorted(mark_rows, self.bounds)
        self.marks_per_doc = np.diff(self.mark_bounds)
        # colons and question marks, for transcript answers ("Lin Wei: …"), headlines and
        # Q&A interviews in documents with no cue or mark
        self._norm_cats, self._norm_codes, self._n_docs = norm_cats, norm_codes, n_docs
        self.colons_per_doc = self.count_per_doc(frozenset({":", "?"}))

    def count_per_doc(self, words: frozenset[str]) -> np.ndarray:
        """How many tokens of each document have a norm among ``words`` (one look-up per
        type): lets a rule skip the documents it cannot apply to."""
        is_type = np.asarray(self._norm_cats.isin(list(words)), dtype=bool)
        return np.bincount(self.codes[is_type[self._norm_codes]], minlength=self._n_docs)

    def doc_marks(self, d: int) -> np.ndarray:
        """Local indices of the quotation marks of document ``d``."""
        return self.marks[self.mark_bounds[d] : self.mark_bounds[d + 1]]

    def locate(self, codes: np.ndarray, chars: np.ndarray, *, end: bool = False) -> np.ndarray:
        """For character offsets ``chars`` in documents ``codes``: the local index of the
        first token of the document whose start (``end=True``: end) is ``>=`` the offset, as
        ``np.searchsorted(doc_starts, chars)`` per document would give it."""
        codes = np.asarray(codes, np.int64)
        chars = np.clip(np.asarray(chars, np.int64), 0, self._scale - 1)
        if end and not self._ends_sorted:  # overlapping tokens: one search per document
            out = np.empty(len(codes), np.int64)
            for i, (c, x) in enumerate(zip(codes.tolist(), chars.tolist(), strict=True)):
                lo, hi = self.bounds[c], self.bounds[c + 1]
                out[i] = np.searchsorted(self.end[lo:hi], x)
            return out
        key = self._key_end if end else self._key_start
        return np.searchsorted(key, codes * self._scale + chars) - self.bounds[codes]


class SortedMentions:
    """The mentions table as arrays sorted by document and start, with the local tokens each
    mention starts and ends at, and which tokens are inside a speaker-eligible mention."""

    _COLS = ("start", "end", "sent", "actor_id", "actor_type", "via")

    def __init__(self, mentions: pd.DataFrame, doc_cats: pd.Index, toks: SortedTokens) -> None:
        if len(mentions):
            codes = doc_codes(mentions["doc_id"], doc_cats)
            order = np.lexsort((mentions["start"].to_numpy(), codes))
            codes = codes[order].astype(np.int64)
            self.cols = {
                c: mentions[c].to_numpy(
                    dtype=np.int64 if c in ("start", "end", "sent") else object
                )[order]
                for c in self._COLS
            }
        else:
            codes = np.zeros(0, np.int64)
            self.cols = {
                c: np.zeros(0, np.int64 if c in ("start", "end", "sent") else object)
                for c in self._COLS
            }
        self.bounds = np.searchsorted(codes, np.arange(len(doc_cats) + 1))
        # Speaker-eligible mentions, decided once for all documents (not per document).
        self.cols["eligible"] = eligible = np.isin(self.cols["actor_type"], list(SPEAKER_TYPES))
        ok = codes >= 0  # mentions of documents not in the tokens have no tokens
        first = np.zeros(len(codes), np.int64)
        last = np.zeros(len(codes), np.int64)
        first[ok] = toks.locate(codes[ok], self.cols["start"][ok])
        last[ok] = toks.locate(codes[ok], self.cols["end"][ok], end=True)
        self.cols["tok_first"], self.cols["tok_last"] = first, last
        # Inside an eligible mention: per document, the count of mentions started minus those
        # ended before each token is positive. One cumulative sum for all documents: a mark
        # beyond its document's last token changes nothing inside it, so it is left out, and
        # each document subtracts the count carried in from the documents before it.
        n = len(toks.codes)
        lo = toks.bounds[np.where(ok, codes, 0)]
        size = toks.bounds[np.where(ok, codes, 0) + 1] - lo
        e = eligible & ok
        inc = e & (first < size)
        dec = e & (last + 1 < size)
        if not bool((dec & ~inc).any()) and bool((last[inc] >= first[inc]).all()):
            # Each span's rows, up to its document's last token, marked directly: mentions
            # cover few of a chunk's tokens (the count below runs over all of them).
            a = lo[inc] + first[inc]
            span = np.minimum(last[inc], size[inc] - 1) - first[inc] + 1
            rows = np.repeat(a - (np.cumsum(span) - span), span) + np.arange(int(span.sum()))
            self.in_mention = np.zeros(n, bool)
            self.in_mention[rows] = True
            return
        # a span ending before it starts: counted, as it cancels others' coverage
        count = np.cumsum(
            np.bincount(lo[inc] + first[inc], minlength=n)[:n]
            - np.bincount(lo[dec] + last[dec] + 1, minlength=n)[:n]
        )
        before = np.concatenate([[0], count])[toks.bounds[toks.codes]]
        self.in_mention = count - before > 0

    def of(self, d: int) -> dict[str, np.ndarray]:
        """The mentions of document ``d``."""
        rows = slice(self.bounds[d], self.bounds[d + 1])
        return {c: v[rows] for c, v in self.cols.items()}


#: Academic degrees after a name (abbreviations of analysis/resources/abbreviations_english.txt)
DEGREES = frozenset({"s.h.", "m.h.", "s.e.", "m.m.", "m.t.", "ph.d.", "m.d.", "s.t."})


def _member(values: np.ndarray, among: np.ndarray) -> np.ndarray:
    """``np.isin(values, among)`` for small integer arrays, without its per-call overhead."""
    if not len(among):
        return np.zeros(len(values), bool)
    among = np.sort(among)
    at = np.minimum(np.searchsorted(among, values), len(among) - 1)
    return among[at] == values


class Slot(NamedTuple):
    """Who stands in a speaker slot, over the local tokens ``first..last``."""

    mention: int  # index among the document's speaker-eligible mentions; -1 for a pronoun
    pronoun: str  # the pronoun ("" for a mention)
    first: int
    last: int
    actor: str = ""  # an UNNAMED slot's tabled country, by a nationality adjective


@dataclass
class SpeakerDoc:
    """One document's tokens and speaker candidates, as local arrays."""

    doc_id: str
    text: str
    start: np.ndarray
    end: np.ndarray
    norm: list  # folded tokens (a list: indexed one token at a time in the rules)
    s_lo: np.ndarray  # first local token of each token's sentence
    s_hi: np.ndarray  # last local token of each token's sentence
    sent: np.ndarray
    para: np.ndarray  # paragraph number of each token
    m_first: np.ndarray  # speaker-eligible mentions (sorted): first/last local token
    m_last: np.ndarray
    m_row: np.ndarray  # index of each eligible mention among all of the doc's mentions
    a_start: np.ndarray  # all mentions of the doc, sorted by start: offsets, actor, type, via
    a_end: np.ndarray
    a_sent: np.ndarray
    a_actor: np.ndarray
    a_type: np.ndarray
    a_via: np.ndarray
    marks: np.ndarray  # local indices of quotation-mark tokens
    first_at: dict = field(default_factory=dict)  # local token -> eligible mention starting there
    last_at: dict = field(default_factory=dict)  # local token -> eligible mention ending there
    in_mention: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    _antecedents: dict = field(default_factory=dict)  # pronoun types -> per-mention arrays
    _gender: dict = field(default_factory=dict)  # actor id -> "m" | "f" | ""
    a_first: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # local tokens
    a_last: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # of all mentions
    _speaking_cues: tuple[Sequence[int], Sequence[int]] | None = None
    m_first_list: list[int] = field(default_factory=list)  # m_first, m_last as lists, for
    m_last_list: list[int] = field(default_factory=list)  # bisect and one-at-a-time reads
    _speaking: np.ndarray | None = None
    #: nationality adjectives (folded) -> the actor table's country (analysis.quotes)
    countries: dict[str, str] = field(default_factory=dict)
    #: person id -> their country in the actor table (analysis.quotes.table_nations)
    nations: dict[str, str] = field(default_factory=dict)

    def mark_speaking(self, cue_first: Sequence[int], cue_last: Sequence[int]) -> None:
        """Note the mentions that stand right before a cue's first token or right after its
        last ("Vanna said", "said Vanna"): a pronoun prefers them within its antecedent
        sentence ("Speaking after a meeting with Zhao, Vanna said … . '…,' he said" → Vanna).
        Worked out on first use (:attr:`speaking`): most documents never resolve a pronoun."""
        self._speaking_cues = (cue_first, cue_last)
        self._speaking = None
        self._antecedents.clear()

    @property
    def speaking(self) -> np.ndarray | None:
        """Per mention (a_*): it stands right next to a speech cue; None before
        :meth:`mark_speaking`."""
        if self._speaking is None and self._speaking_cues is not None:
            cue_first, cue_last = (np.asarray(c, np.int64) for c in self._speaking_cues)
            self._speaking = _member(self.a_last + 1, cue_first) | _member(
                self.a_first - 1, cue_last
            )
        return self._speaking

    @classmethod
    def build(
        cls,
        name: str,
        text: str,
        toks: SortedTokens,
        d: int,
        mentions: dict,
        in_mention: np.ndarray,
    ) -> SpeakerDoc:
        """Document ``d`` of ``toks``, with its mentions (``SortedMentions.of(d)``) and which
        of its tokens are inside an eligible mention (``SortedMentions.in_mention``)."""
        lo, hi = int(toks.bounds[d]), int(toks.bounds[d + 1])
        start = toks.start[lo:hi]
        # Plain numpy calls only: this runs once per document, where np.r_, np.isin and
        # np.add.at cost more in overhead than in work; what does not depend on the text is
        # computed for all documents at once (SortedTokens, SortedMentions).
        eligible = mentions["eligible"].nonzero()[0]
        a_first, a_last = mentions["tok_first"], mentions["tok_last"]
        m_first, m_last = a_first[eligible], a_last[eligible]
        doc = cls(
            doc_id=name,
            text=text,
            start=start,
            end=toks.end[lo:hi],
            norm=toks.norm[lo:hi].tolist(),
            s_lo=toks.s_lo[lo:hi],
            s_hi=toks.s_hi[lo:hi],
            sent=toks.sent[lo:hi],
            para=paragraph_breaks(text).searchsorted(start),
            m_first=m_first,
            m_last=m_last,
            m_row=eligible,
            a_start=mentions["start"],
            a_end=mentions["end"],
            a_sent=mentions["sent"],
            a_actor=mentions["actor_id"],
            a_type=mentions["actor_type"],
            a_via=mentions["via"],
            marks=toks.doc_marks(d),
            in_mention=in_mention[lo:hi],
            a_first=a_first,
            a_last=a_last,
        )
        # reversed: the first mention wins a tie
        firsts, lasts = m_first.tolist(), m_last.tolist()
        order = range(len(firsts) - 1, -1, -1)
        doc.first_at = {firsts[k]: k for k in order}
        doc.last_at = {lasts[k]: k for k in order}
        doc.m_first_list, doc.m_last_list = firsts, lasts
        return doc

    # -- who stands where ---------------------------------------------------------------------

    def slot_ending_at(self, i: int) -> Slot | None:
        """The speaker whose last token is ``i``: an eligible mention, else a pronoun, else a
        definite description ("the police chief", "the police": :meth:`role_ending_at`)."""
        while i >= 2 and self.norm[i] in DEGREES and self.norm[i - 1] == ",":
            i -= 2  # "Bambang Sutrisno, S.H., M.H. told …" (wave 9)
        k = self.last_at.get(i)
        if k is not None:
            return Slot(k, "", int(self.m_first[k]), i)
        return self._pronoun_at(i) or self.role_ending_at(i)

    def role_ending_at(self, i: int) -> Slot | None:
        """ "the [up to three words] NOUN" ending at token ``i`` with no mention in it: a noun of
        :data:`ROLE_NOUNS` resolves like a pronoun to a person; a noun of :data:`ORG_NOUNS` to
        the nearest earlier organisation (within 40 mentions) whose mention contains it."""
        norm = self.norm
        if not 0 <= i < len(norm) or self.in_mention[i]:
            return None
        w = norm[i]
        if w in DOCUMENT_NOUNS and i >= 1 and norm[i - 1] == "the":
            return self.author_of(i)
        if w in PROSECUTION_NOUNS:
            return self.prosecution_body(i)
        if w in _VOICE_NOUNS and i >= 1 and norm[i - 1] in ("his", "her"):
            # "Her office says …", "his spokesman said": the person speaks through them
            return Slot(-1, "he" if norm[i - 1] == "his" else "she", i - 1, i)
        if w not in ROLE_NOUNS and w not in ORG_NOUNS:
            return None
        k = i - 1
        bare = w in ORG_NOUNS and (i == self.s_lo[i] or norm[i - 1] in (",", ";", ":"))
        while not bare and k >= 0 and i - k <= 4 and norm[k] != "the":
            if self.in_mention[k] or not norm[k][:1].isalpha() or norm[k].endswith("'s"):
                return None  # "The Opposition's climate spokesman": someone else
            k -= 1
        if bare:
            k = i  # "…, police said": the noun alone
        elif k < 0 or norm[k] != "the" or i - k > 4:
            return None
        if w in ROLE_NOUNS:
            if norm[k + 1] in _SEVERAL:
                return Slot(UNNAMED, "", k, i)  # "The two attorneys general reiterated …"
            return Slot(-1, _ROLE, k, i)
        # "the national police": every word of the description is in the organisation's name
        want = {w, *(norm[x] for x in range(k + 1, i))}
        top = int(np.searchsorted(self.m_first, k)) - 1
        generic = w in _GENERIC_ORG_NOUNS and i - k == 1
        for m in range(top, max(-1, top - 40), -1):
            j = int(self.m_row[m])
            if self.a_type[j] == "organisation":
                words = self.text[self.a_start[j] : self.a_end[j]].lower().split()
                if w in words:
                    return Slot(m, "", k, i) if want <= set(words) else None
                if generic and self.a_sent[j] >= self.sent[k] - 2:
                    return Slot(m, "", k, i)  # "the agency said": the organisation just named
        return None

    def prosecution_body(self, i: int) -> Slot | None:
        """ "Prosecutors said …", "The prosecution argued …" (a noun of
        :data:`PROSECUTION_NOUNS` at token ``i``, alone or after "the", opening its clause):
        the prosecution office named most recently before it, an organisation one of whose
        mentions in the document names prosecution (:data:`_PROSECUTION_NAME`: "the Hanoi
        People's Procuracy", "the Office of the Attorney General (OAG)" and its "OAG"), else
        None. The references of the court reports (held-out sets 17, 21, 52, 74) give the
        office every time one is named, and the country or nobody when none is."""
        norm = self.norm
        k = i - 1 if i >= 1 and norm[i - 1] == "the" else i
        if k != self.s_lo[i] and norm[k - 1] not in (",", ";", ":"):
            return None  # "Thai prosecutors said", "told prosecutors": not the subject alone
        named: dict[object, bool] = {}
        for m in range(int(np.searchsorted(self.m_first, k)) - 1, -1, -1):
            j = int(self.m_row[m])
            if self.a_type[j] != "organisation":
                continue
            actor = self.a_actor[j]
            if actor not in named:
                named[actor] = any(
                    _PROSECUTION_NAME.search(self.text[self.a_start[x] : self.a_end[x]])
                    for x in np.flatnonzero(self.a_actor == actor)
                )
            if named[actor]:
                return Slot(m, "", k, i)
        return None

    def author_of(self, i: int) -> Slot | None:
        """The author of "the report" at token ``i``: the actor in the nearest earlier "report
        by|from|of [the] X" or "X's report" (X a mention), within :data:`_AUTHOR_REACH` tokens;
        the slot spans "the report"."""
        norm, w = self.norm, self.norm[i]
        for j in range(i, max(-1, i - _AUTHOR_REACH), -1):  # i: "a report by X" (wave 13)
            if norm[j] != w:
                continue
            b = issued_by(norm, j + 1)  # "a report released today by X" (wave 13)
            k = b < len(norm) and norm[b] in ("by", "from", "of")
            at = b + 2 if k and b + 1 < len(norm) and norm[b + 1] in ARTICLES else b + 1
            m = self.first_at.get(at) if k else self.last_at.get(j - 1)
            if m is not None and k:
                m = self._owned_body(m)
            if m is not None and (k or norm[j - 1].endswith("'s")):
                return Slot(m, "", i - 1, i)
            if w == "statement" and j < i:
                return None  # the nearest statement before is someone else's ("a joint …")
        return None

    def _owned_body(self, m: int) -> int:
        """Mention ``m``, or the body right after it when ``m`` is its country's possessive: "a
        statement from China's Ministry of Public Security" is the ministry's (wave 27, held-out
        set 150: "…, the statement said" after it)."""
        last = int(self.m_last[m])
        if not self.possessive(last):
            return m
        at = (
            last + 2
            if last + 1 < len(self.norm) and self.norm[last + 1] in ("'s", "’s")
            else last + 1
        )
        body = self.first_at.get(at)
        if body is not None and self.a_type[self.m_row[body]] == "organisation":
            return int(body)
        return m

    def possessive(self, i: int) -> bool:
        """Token ``i`` is a possessive ("Malaysia's") or is followed by a possessive "'s"."""
        if self.text[self.start[i] : self.end[i]].endswith(("'s", "’s")):
            return True
        return i + 1 < len(self.norm) and self.norm[i + 1] in ("'s", "’s")

    def person_ending_at(self, i: int) -> Slot | None:
        """The mention of a person whose last token is ``i``, unless it is a later conjunct
        ("the Ministry and Nguyen Thi Lan": the clause subject starts with the Ministry)."""
        k = self.last_at.get(i)
        if k is None or self.a_type[self.m_row[k]] != "person":
            return None
        first = j = int(self.m_first[k])
        # "Chan Dara and Vietnamese Prosecutor General Le Minh Tri": look past capitalised
        # words before the mention for the conjunct
        while (
            j > 0
            and first - j < 3
            and self.text[self.start[j - 1] : self.start[j - 1] + 1].isupper()
        ):
            j -= 1
        # a comma joins a list of actors, not an opening word ("Earlier, Philippine Justice
        # Secretary X told …"; wave 17)
        if (
            j > 0
            and self.norm[j - 1] in _CONJUNCTS
            and (self.norm[j - 1] != "," or (j >= 2 and self.in_mention[j - 2]))
        ):
            return None
        return Slot(k, "", first, i)

    def slot_starting_at(self, i: int) -> Slot | None:
        """The speaker whose first token is ``i`` (or ``i + 1`` after an article: "according
        to the Ministry"): an eligible mention, else a pronoun."""
        k = self.first_at.get(i)
        if k is None and 0 <= i < len(self.norm) and self.norm[i] in ARTICLES:
            k = self.first_at.get(i + 1)
        if k is not None:
            return Slot(k, "", i, int(self.m_last[k]))
        return self._pronoun_at(i)

    def gender(self, j: int) -> str:
        """ "m", "f" or "" for the actor of mention ``j`` (of all the doc's mentions): the
        first of its mentions in the document with "Mr"/"Ms"/"Mrs" right before it, or "his"/
        "her" within twelve tokens after it in its sentence with no other mention or pronoun
        in between ("Peter Lindqvist, the agency's representative, in his office")."""
        actor = self.a_actor[j]
        hit = self._gender.get(actor)
        if hit is None:
            hit = ""
            for k in np.flatnonzero(self.a_actor == actor).tolist():
                hit = self._mention_gender(k)
                if hit:
                    break
            self._gender[actor] = hit
        return hit

    def _mention_gender(self, j: int) -> str:
        norm = self.norm
        a, b = int(self.a_first[j]), int(self.a_last[j])
        prev = norm[a - 1] if a >= 1 else ""
        if prev == "." and a >= 2:
            prev = norm[a - 2]
        if prev in ("mr", "ms", "mrs", "madam"):
            return "m" if prev == "mr" else "f"
        hi = min(int(self.s_hi[a]), b + 12)
        for i in range(b + 1, hi + 1):
            if self.in_mention[i] or norm[i] in PRONOUNS:
                break
            if norm[i] in ("his", "her"):
                return "m" if norm[i] == "his" else "f"
        return ""

    def untabled_subject_before(self, i: int, pronoun: str | None = None) -> bool:
        """The sentence before token ``i``'s sentence opens with a name the table does not
        know ("Ambassador Tanaka expressed …"): two to four capitalised words outside any
        mention, then a lower-case word. A pronoun after it is that person, not an actor."""
        lo = int(self.s_lo[i])
        if lo == 0:
            return False
        p = int(self.s_lo[lo - 1])
        pronoun = pronoun or self.norm[i]  # (``i`` may be a quote's first token before it)
        for _ in range(2):  # wave 12: "Leak now works … . She keeps … . "…," she said"
            if self.norm[p] != pronoun or p == 0:
                break
            lo, p = p, int(self.s_lo[p - 1])
        if self._appositive_opening(p, lo) or untabled_surname_opening(
            self.norm, self.text, self.start, self.in_mention, p, lo, _FUNCTION_WORDS
        ):
            return True
        k = p
        while k < lo and k - p < 5 and self.text[self.start[k] : self.start[k] + 1].isupper():
            if self.in_mention[k]:
                return False
            k += 1
        return (
            2 <= k - p <= 4
            and k < lo
            and self.norm[p] not in _FUNCTION_WORDS
            and self.text[self.start[k] : self.start[k] + 1].islower()
            and not title_goes_on(self.norm, k)  # not "Emerson Yuntho of ICW" (a person)
        )

    def nationality_subject_before(self, i: int) -> str | None:
        """The tabled country (:attr:`countries`) of an unnamed person opening the sentence
        before token ``i``'s: "A Vietnamese delegate, who asked not to be named, was blunter.
        '…,' he said" → Vietnam; None when that sentence names a person."""
        lo = int(self.s_lo[i])
        if lo == 0 or not self.countries:
            return None
        p = j = int(self.s_lo[lo - 1])
        norm = self.norm
        while j < lo - 2 and j - p < 2 and norm[j] in SOURCE_DETERMINERS:
            j += 1
        actor = self.countries.get(norm[j])
        if (
            actor is None
            or self.in_mention[j]
            or not self.text[self.start[j] : self.start[j] + 1].isupper()
            or not any(norm[k] in SOURCE_PERSONS for k in range(j + 1, min(lo, j + 3)))
        ):
            return None
        return None if self._names_person(p, lo) else actor

    def _names_person(self, p: int, lo: int) -> bool:
        """A mention of a person starts among tokens ``p..lo-2`` (a sentence before ``lo``)."""
        a, b = np.searchsorted(self.a_start, [self.start[p], self.start[lo - 1]])
        return any(t == "person" for t in self.a_type[a:b])

    def body_source_before(self, i: int) -> str | None:
        """The tabled body (or country) of an unnamed source in the sentence before token
        ``i``'s: '"…," an NIA officer said. ¶ …, he added' → the NIA; also "a spokesman for
        the SPP", "an official of the ministry" (wave 24, set 122: the references give the
        pronoun the body). None when that sentence names a person."""
        lo = int(self.s_lo[i])
        if lo == 0:
            return None
        p, norm = int(self.s_lo[lo - 1]), self.norm
        if self._names_person(p, lo):
            return None
        if any(norm[k] in ("he", "she") and not self.in_mention[k] for k in range(p, lo)):
            return None  # a person spoken of by a pronoun there
        for k in range(p + 1, lo):
            if norm[k] not in SOURCE_PERSONS or self.in_mention[k]:
                continue
            # an indefinite source only: "the AGO official noted …" is someone named before
            if not any(norm[j] in INDEFINITES for j in range(max(p, k - 4), k)):
                return None
            m = self.last_at.get(k - 1)  # "an NIA officer"
            if m is None and k + 2 < lo and norm[k + 1] in ("for", "of", "from", "at"):
                m = self.first_at.get(k + 3 if norm[k + 2] == "the" else k + 2)
            if m is not None and self.a_type[self.m_row[m]] in ("organisation", "country"):
                return str(self.a_actor[self.m_row[m]])
            return None
        return None

    def _appositive_opening(self, p: int, lo: int) -> bool:
        """The sentence ``p..lo-1`` opens with "DET noun [noun], Name Name," ("His lawyer,
        Bonar Siregar, told …"): a person the table does not know, named in apposition."""
        norm = self.norm
        if norm[p] not in ("his", "her", "their", "its", "the", "a", "an"):
            return False
        k = p + 1
        while k < lo and k - p <= 4 and norm[k][:1].isalpha() and norm[k].islower():
            if self.in_mention[k]:
                return False
            k += 1
        if k >= lo or norm[k] != "," or k == p + 1:
            return False
        j = k + 1
        while j < lo and self.text[self.start[j] : self.start[j] + 1].isupper():
            if self.in_mention[j]:
                return False
            j += 1
        return 2 <= j - k - 1 <= 4 and j < lo and norm[j] == ","

    def _pronoun_at(self, i: int) -> Slot | None:
        if 0 <= i < len(self.norm) and self.norm[i] in PRONOUNS:
            return Slot(-1, self.norm[i], i, i)
        return None

    def first_mention_in(self, a: int, b: int) -> Slot | None:
        """The eligible mention inside tokens ``a..b`` that starts first."""
        firsts = self.m_first_list
        k = bisect.bisect_left(firsts, a)
        if k < len(firsts) and self.m_last_list[k] <= b:
            return Slot(k, "", firsts[k], self.m_last_list[k])
        return None

    def first_speaker_in(self, a: int, b: int) -> Slot | None:
        """The first speaker inside tokens ``a..b``: a pronoun standing before the first
        eligible mention (and not inside a mention), else that mention."""
        if a > b:
            return None
        best = self.first_mention_in(a, b)
        for i in range(a, b + 1):
            if best is not None and i >= best.first:
                break
            if self.norm[i] in PRONOUNS and not self.in_mention[i]:
                return Slot(-1, self.norm[i], i, i)
        return best

    def _antecedent_arrays(self, types: tuple[str, ...]) -> tuple[list[int], list[int]]:
        """For each mention ``j``: the last mention ``<= j`` of one of ``types`` (-1 if none),
        and for each mention of those types the first mention of those types in its
        sentence. Built once per pronoun type set, so a look-up is O(log n). Plain lists: a
        document has a few dozen mentions, where numpy calls cost more than the work."""
        hit = self._antecedents.get(types)
        if hit is None:
            ok = [t in types for t in self.a_type.tolist()]
            sents = self.a_sent.tolist()
            last_ok, first_in_sent = [-1] * len(ok), [-1] * len(ok)
            prev, head, prev_sent = -1, -1, None
            okk: list[int] = []
            for j, good in enumerate(ok):
                if good:
                    prev = j
                    if not okk or sents[j] != prev_sent:
                        head = j  # the first mention of those types in a run of one sentence
                    prev_sent = sents[j]
                    first_in_sent[j] = head
                    okk.append(j)
                last_ok[j] = prev
            if okk and self.speaking is not None:
                speaking = self.speaking.tolist()
                if any(speaking[k] for k in okk):
                    # the first mention of the sentence that stands by a cue, if any
                    sent_of: dict[int, int] = {}
                    for k in okk:
                        if speaking[k]:
                            sent_of.setdefault(sents[k], k)
                    for k in okk:
                        first_in_sent[k] = sent_of.get(sents[k], first_in_sent[k])
            hit = self._antecedents[types] = (last_ok, first_in_sent)
        return hit

    def resolve(self, slot: Slot | None, quote_start: int) -> tuple[object, object, object, object]:
        """``speaker_id, speaker_start, speaker_end, resolved_via`` of a slot.

        A mention gives its actor. A pronoun resolves to the first mention of an actor of the
        pronoun's types in the sentence of the most recent such mention that starts before
        the quote and before the pronoun (the subject of that sentence, not its object); its
        offsets stay the pronoun's; NA when there is none.
        """
        if slot is None or slot.mention == UNNAMED and not slot.actor:
            return (pd.NA, pd.NA, pd.NA, pd.NA)
        s_char, e_char = int(self.start[slot.first]), int(self.end[slot.last])
        if slot.mention == UNNAMED:
            return (slot.actor, s_char, e_char, "nationality")
        if slot.mention >= 0:
            j = int(self.m_row[slot.mention])
            return (self.a_actor[j], int(self.a_start[j]), int(self.a_end[j]), self.a_via[j])
        if (
            slot.pronoun in ("they", "we")
            and slot.first >= 2
            and self.norm[slot.first - 1] == "which"
            and self.norm[slot.first - 2] == "in"
        ):
            # "adopted a joint declaration in which they pledged …": all parties, no one of
            # them (wave 22; the references code an NA speaker)
            return (pd.NA, s_char, e_char, pd.NA)
        # the sentence before the quote's (a quote of several sentences ends before "he said")
        before = min(slot.first, int(np.searchsorted(self.start, quote_start)))
        if slot.pronoun in _GENDER_OF and (actor := self.nationality_subject_before(before)):
            return (actor, s_char, e_char, "pronoun")  # "A Thai official … . '…,' he said"
        if slot.pronoun in _GENDER_OF and (actor := self.body_source_before(before)):
            return (actor, s_char, e_char, "pronoun")  # '"…," an NIA officer said. …, he added'
        last_ok, first_in_sent = self._antecedent_arrays(PRONOUNS.get(slot.pronoun, ("person",)))
        j = bisect.bisect_left(self.a_start, min(quote_start, s_char)) - 1
        if j < 0 or last_ok[j] < 0:
            return (pd.NA, s_char, e_char, pd.NA)
        if (
            slot.pronoun in _GENDER_OF
            and self.untabled_subject_before(before, slot.pronoun)
            and self.a_start[last_ok[j]] < self.start[int(self.s_lo[before])]
        ):
            return (pd.NA, s_char, e_char, pd.NA)  # "Ambassador Tanaka said … . He stated …"
        j = int(first_in_sent[last_ok[j]])
        p = int(self.s_lo[self.a_first[j]])
        if (
            slot.pronoun in _GENDER_OF
            and self.norm[p] == slot.pronoun
            and p < self.s_lo[slot.first]
            and not self.in_mention[p]
        ):
            # "He spoke with Procurator-General Zhao … . He proposed …": the subject goes on
            # (the earlier "he"), not the object of that sentence (wave 22, set 108)
            return (*self.resolve(Slot(-1, slot.pronoun, p, p), int(self.start[p]))[:1], s_char,
                    e_char, "pronoun")  # fmt: skip
        want = _GENDER_OF.get(slot.pronoun, "")
        if want and self.gender(j) not in ("", want):
            return (pd.NA, s_char, e_char, pd.NA)
        return (self.a_actor[j], s_char, e_char, "pronoun")


# -- the quotes of one document so far (shared by analysis.quotes and analysis.reported) ------

#: Cues of a quotation inside a predicate ("described X as "…"", "praised X for its "…"")
_PREDICATE_CUES: frozenset[str] = AS_CUES | frozenset(DIRECT_ONLY_CUES)
#: Token classes of the quote rules: clause boundaries, sentence ends, and what a quote's
#: words are trimmed of (a leading "that", punctuation).
BOUNDARY: frozenset[str] = frozenset({",", ";", ":"})
SENT_END: frozenset[str] = frozenset({".", "!", "?"})
TRIM_LEFT: frozenset[str] = frozenset({"that", ",", ":", ";"})
TRIM_RIGHT: frozenset[str] = frozenset({",", ".", ";", ":", "!", "?"})


class Cue(NamedTuple):
    """A speech cue, by local token indices."""

    first: int
    last: int
    kind: str  # "according" | "participle" | "verb" | "direct"
    cue: str  # folded text


_DATELINE_DASHES = frozenset({"-", "–", "—", "--", ":"})
_DATE_WORDS = MONTH_NAMES


def dateline_end(doc: SpeakerDoc, a: int, b: int) -> int:
    """The first token after a dateline that opens a quote's content at token ``a`` ("TOKYO,
    July 6 (Kyodo) - Japan lodged …, the ministry said"; "WASHINGTON — The United States …";
    "NEW DELHI: India and …"; held-out set 8): a city in capitals, then a dash or a colon, or
    a comma, a date or an agency's bracket and a dash within ten tokens; else ``a``."""
    norm = doc.norm
    # only reported content opening a sentence (not a direct quote after its mark)
    if a > b or a >= len(norm):
        return a
    if a > 0 and (doc.sent[a - 1] == doc.sent[a] or norm[a - 1] in ('"', "“", "'", "‘")):
        return a
    i = a
    while i <= b and (norm[i] == "/" or _all_caps(doc, i)):
        i += 1
    if i == a or i > b:
        return a
    if norm[i] == "(" and i + 2 <= b and norm[i + 2] == ")":
        i += 3  # "UNITED NATIONS (AP) —"
    if i <= b and norm[i] in _DATELINE_DASHES:
        return i + 1
    if i > b or norm[i] != ",":
        return a
    dated = False
    for j in range(i + 1, min(b, i + 10) + 1):
        if norm[j] in _DATE_WORDS:
            dated = True
        elif norm[j] in _DATELINE_DASHES and norm[j] != ":":
            # "BOGOTA, Colombia (AP) —": the agency's bracket stands for the date
            return j + 1 if dated or norm[j - 1] == ")" else a
        elif norm[j] in (".", "!", "?", ";", '"', "“"):
            break
    return a


def _all_caps(doc: SpeakerDoc, i: int) -> bool:
    word = doc.text[int(doc.start[i]) : int(doc.end[i])]
    return len(word) >= 2 and word.isupper() and word.replace(".", "").isalpha()


def clear_speaker(row: dict) -> None:
    """Give the quote ``row`` (a found quote's fields) an NA speaker: nobody of the table
    speaks it (a court is told, the outlet only saw the documents, …)."""
    row.update(speaker_id=pd.NA, speaker_start=pd.NA, speaker_end=pd.NA, resolved_via=pd.NA)


@dataclass
class Found:
    """The quotes found in one document so far, and what they use up."""

    doc: SpeakerDoc
    cues: list[Cue]
    rows: list[dict] = field(default_factory=list)
    #: first and last token of each paragraph, once needed (analysis.quote_layout)
    paragraphs: tuple[list[int], list[int]] | None = None
    consumed: set[int] = field(default_factory=set)  # cue indices already used

    def __post_init__(self) -> None:
        self.cue_at = {}
        for i in range(len(self.cues) - 1, -1, -1):
            self.cue_at[self.cues[i].first] = i
        self.cue_first = [c.first for c in self.cues]
        n = len(self.doc.norm)
        self.quoted = np.zeros(n + 2, bool)  # inside quotation marks, or the closing mark
        self.taken = np.zeros(n + 1, bool)  # inside a quote already found
        self.answer = np.zeros(n + 1, bool)  # inside a transcript answer (its speech is read)
        self.last_reported: tuple[int, Slot | None] | None = None  # (last token, speaker)
        # first tokens of the sentences whose speaker is someone the table does not know, and
        # which sentences speak through a tabled mention (analysis.quote_forms.untabled_pronouns)
        self.unnamed_sents: set[int] = set()
        self.named_sents: set[int] = set()

    def paragraph_bounds(self) -> tuple[list[int], list[int]]:
        """First and last token of every paragraph of the document (computed once per
        document; shared by transcript answers and the layout rules)."""
        if self.paragraphs is None:
            para = self.doc.para
            heads = [0, *((para[1:] != para[:-1]).nonzero()[0] + 1).tolist()]
            lasts = [h - 1 for h in heads[1:]]
            lasts.append(len(self.doc.norm) - 1)
            self.paragraphs = (heads, lasts)
        return self.paragraphs

    def in_quotation(self, i: int) -> bool:
        """Token ``i`` is inside quotation marks (or is the closing mark)."""
        return bool(self.quoted[i])

    def in_quote_found(self, i: int) -> bool:
        return bool(self.taken[i])

    def cues_from(self, i: int) -> range:
        """Indices of the cues whose first token is ``>= i``, in text order."""
        return range(bisect.bisect_left(self.cue_first, i), len(self.cues))

    def add(self, a: int, b: int, kind: str, slot: Slot | None, cue: str) -> bool:
        """Add tokens ``a..b`` as a quote, without a leading "that" or punctuation and trailing
        punctuation; False when nothing is left, or no word (a table's row after a label,
        "Singapore: 14 / 3"; wave 30, held-out set 174)."""
        norm = self.doc.norm
        while a <= b and norm[a] in TRIM_LEFT:
            a += 1
        a = dateline_end(self.doc, a, b)
        while b >= a and norm[b] in TRIM_RIGHT:
            b -= 1
        if b - 2 > a and norm[b] == "]" and norm[b - 1].isdigit() and norm[b - 2] == "[":
            b -= 3  # a citation mark, "… by 2020.[7]" (wave 19)
            while b >= a and norm[b] in TRIM_RIGHT:
                b -= 1
        if a > b or not any(any(ch.isalpha() for ch in norm[i]) for i in range(a, b + 1)):
            return False
        self.add_span(a, b, kind, slot, cue)
        return True

    def add_span(self, a: int, b: int, kind: str, slot: Slot | None, cue: str) -> None:
        """Add tokens ``a..b`` as a quote, as they are."""
        doc = self.doc
        s, e = int(doc.start[a]), int(doc.end[b])
        speaker_id, s0, e0, via = doc.resolve(slot, s)
        self.rows.append(
            {"doc_id": doc.doc_id, "sent": int(doc.sent[a]), "start": s, "end": e,
             "text": doc.text[s:e], "kind": kind, "speaker_id": speaker_id,
             "speaker_start": s0, "speaker_end": e0, "cue": cue, "resolved_via": via}
        )  # fmt: skip
        self.taken[a : b + 1] = True
        if slot is not None and slot.mention != -1:
            sents = self.unnamed_sents if slot.mention == UNNAMED else self.named_sents
            sents.add(int(doc.s_lo[slot.first]))
        if kind == "reported" or cue in _PREDICATE_CUES:
            # (also a quotation a predicate holds, "described X as "…" and vowed to …": the
            # next predicate's subject is its speaker; wave 24, set 122)
            self.last_reported = (b, slot)
