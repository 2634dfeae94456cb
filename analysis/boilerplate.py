"""Remove news boilerplate (captions, credits, share bars, datelines) auditably, per study.

:func:`clean_boilerplate` takes a docs table (:func:`analysis.corpus.load_corpus`) and returns
the cleaned copy plus a table of everything it removed, with offsets into the original text, so
a report can show exactly what was taken out and by which rule.

A rule is a regular expression applied to each line of a document (surrounding whitespace
stripped) in one of three places (``where``):

* ``"line"``: the whole line must match; the line goes, with its line break;
* ``"leading"``: a fragment at the start of the line (e.g. a dateline ``HANOI (VNA) –`` fused to
  the first sentence); the fragment and the spaces after it go;
* ``"trailing"``: a fragment at the end of the line (e.g. a credit ``(VNA)`` after the last
  sentence); the fragment and the spaces before it go.

Named rule sets (:data:`BOILERPLATE_RULE_SETS`) group the shipped rules: ``"agency"`` (the
rules of the sample's news agencies: photo captions, lone credit lines, comment counters,
outlet datelines), ``"web"`` (share and print bars, short links, page ids, time stamps,
"read more" teasers and the list of teasers under a bare "Related news" heading, "click here"
lines, breadcrumb trails, byline bars, outlet lines under a byline), ``"captions"`` (photo
credits in or after a caption, a caption fused to the first sentence), ``"copies"`` (the furniture
of the copies a corpus is built from: encyclopedia chrome, monitoring services' and translators'
notes, news databases' and feeds' fields, mail and clipping headers, gallery captions; wave 19),
``"datelines"`` (agency and upper-case datelines, trailing agency credits, "Source:" lines) and
``"default"``, all five.
A study adds its own rules as mappings ``{name, pattern, where}`` (see
:func:`boilerplate_rules`), e.g. in the study file::

    corpus:
      boilerplate:
        - default                                  # the shipped rules
        - name: byline                             # a whole line "By Lan Anh"
          pattern: 'By [A-Z][a-z]+(?: [A-Z][a-z]+){0,3}'
        - name: exclusive_tag                      # "EXCLUSIVE: " before the first sentence
          pattern: 'EXCLUSIVE:'
          where: leading
        - name: vns_credit                         # "... in Hanoi. VNS" at the end of a line
          pattern: 'VNS'
          where: trailing

or in Python ``clean_boilerplate(docs, rules=["default", {"name": "byline", "pattern": ...}])``.
The rules themselves (:class:`BoilerplateRule`, the shipped sets, :func:`boilerplate_rules`)
are defined in :mod:`analysis.cleaning_rules` and re-exported here.
Every removal is in the audit table (``removed``) with the rule's name and its offsets.

Time: every shipped pattern has bounded repeats and is anchored, so each line costs time
proportional to its length (a line of 100,000 spaces takes milliseconds). User patterns may
backtrack catastrophically; every rule runs with the ``regex`` module's ``timeout`` and a
document that takes more than :data:`RULE_TIME_BUDGET` seconds is a :class:`BoilerplateError`
naming the rule and the document instead of a hang. Within one call each distinct line is
matched once (news corpora repeat their boilerplate and wire paragraphs) and the outcome reused
for its other occurrences; the result is the same as matching every line
(tests/test_boilerplate_fast.py). A corpus of more than
:data:`analysis._parallel.PARALLEL_MIN_DOCS` documents is cleaned by forked worker processes,
one range of documents each, with the same result (tests/test_load_speed_equivalence.py).
"""

from __future__ import annotations

import functools
import importlib
import re
import time
import warnings
from typing import Any

import pandas as pd
import regex

from analysis._checks import require_columns
from analysis._parallel import fork_map, split_ranges, worker_count
from analysis.cleaning_rules import (
    BOILERPLATE_RULE_SETS,
    DEFAULT_BOILERPLATE_RULES,
    PREFILTERS,
    RELATED_HEADING,
    STORY_LIST_HEADING,
    BoilerplateError,
    BoilerplateRule,
    boilerplate_rules,
)
from analysis.end_matter import end_matter
from analysis.page_blocks import (
    CAPTION_MAX,
    READING_ITEM,
    SENTENCE_END,
    furniture_line,
    page_blocks,
    pull_quotes,
    reading_lists,
)
from analysis.schema import conform, empty_table

__all__ = [
    "BoilerplateRule",
    "BoilerplateError",
    "BoilerplateWarning",
    "BOILERPLATE_RULE_SETS",
    "DEFAULT_BOILERPLATE_RULES",
    "RULE_TIME_BUDGET",
    "boilerplate_rules",
    "clean_boilerplate",
]

#: Seconds all rules together may spend on one document before a :class:`BoilerplateError`.
RULE_TIME_BUDGET = 5.0


class BoilerplateWarning(UserWarning):
    """A rule removed more than ``max_share`` of a document's text."""


# The standard library's pattern parser (Python >= 3.11; its API is not public, hence the
# guarded use in _max_width: if it changes, rules simply lose their length bound).
_sre_parser = importlib.import_module("re._parser")


@functools.lru_cache(maxsize=512)
def _max_width(pattern: str) -> int | None:
    """The longest text ``pattern`` can match, or None when unbounded or not parseable by the
    standard parser (``regex``-only syntax). A whole-line rule is not tried on a longer line
    and a trailing rule only searches that far from the end: most body paragraphs are longer
    than any boilerplate line, so this is where cleaning saves its time."""
    try:
        hi = _sre_parser.parse(pattern).getwidth()[1]
    except Exception:  # noqa: BLE001 - any parser failure only means "no bound known"
        return None
    return None if hi >= _sre_parser.MAXREPEAT else int(hi)


# quick tests that let a line skip a shipped rule's regex (see analysis.cleaning_rules)
_NEEDS = PREFILTERS
_MAX_NAMED = 5  # documents named in one warning
_HELD_CHARS = 1 << 24  # characters of distinct lines whose outcome is remembered (~16 MB)


def clean_boilerplate(
    docs: pd.DataFrame,
    rules: object = "default",
    *,
    max_share: float = 0.5,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Remove news boilerplate (whole lines, leading or trailing fragments) with an audit table.

    Each line is tried against the line rules in order (the first that matches the whole line,
    surrounding whitespace stripped, removes it); a line that stays loses a leading fragment
    per leading rule and then a trailing fragment per trailing rule, in order.

    Args:
        docs: the docs table (needs ``doc_id`` and ``text``); it is not modified.
        rules: a rule-set name (``"default"``, see :data:`BOILERPLATE_RULE_SETS`), a list of
            set names, :class:`BoilerplateRule` objects and mappings ``{name, pattern,
            where}``; anything :func:`boilerplate_rules` accepts (``None`` = ``"default"``).
        max_share: a rule that removes more than this share of a document's characters gets a
            :class:`BoilerplateWarning` naming the rule and the documents (a rule that eats
            articles is more likely wrong than the articles).

    Returns:
        ``(cleaned_docs, removed)``. ``cleaned_docs`` is a copy of ``docs`` whose ``text`` lacks
        the removed lines (their line breaks included) and fragments. ``removed`` lists every
        removal for audit, in document order and by position:

        * ``doc_id`` (str);
        * ``line`` (int64): 1-based line number in the original text;
        * ``start``, ``end`` (int64): character offsets of the removed line or fragment in
          the original text;
        * ``text`` (str): the removed text;
        * ``rule`` (str): the name of the rule that removed it.

    Raises:
        TypeError, ValueError: ``docs`` is not a DataFrame with ``doc_id`` and ``text``, or
            ``max_share`` is not a number in (0, 1].
        BoilerplateError: a malformed rule (see :func:`boilerplate_rules`), or the rules took
            more than :data:`RULE_TIME_BUDGET` seconds on one document (names rule, document
            and line).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"],
        ...                      "text": ["HANOI (VNA) – Talks opened.\\nComments (3)\\nThey ended."]})
        >>> clean, removed = clean_boilerplate(docs)
        >>> clean.loc[0, "text"]
        'Talks opened.\\nThey ended.'
        >>> removed[["line", "start", "end", "rule"]].values.tolist()
        [[1, 0, 14, 'agency_dateline'], [2, 28, 40, 'comment_counter']]
        >>> removed["text"].tolist()
        ['HANOI (VNA) – ', 'Comments (3)']
    """
    require_columns(docs, ["doc_id", "text"], "docs")
    if (
        isinstance(max_share, bool)
        or not isinstance(max_share, (int, float))
        or not 0 < max_share <= 1
    ):
        raise ValueError(f"max_share={max_share!r} must be a number in (0, 1]")
    rule_list = boilerplate_rules(rules, source="clean_boilerplate(rules=...)")
    ids, texts = docs["doc_id"].tolist(), docs["text"].tolist()
    for doc_id, text in zip(ids, texts, strict=True):
        if not isinstance(text, str):
            raise TypeError(
                f"document {doc_id!r}: text must be a string, got {type(text).__name__}"
            )

    workers = worker_count(len(texts))
    lines_of = _Lines(rule_list)
    if workers > 1:
        _match_distinct_lines(lines_of, rule_list, texts, workers)

    def clean_range(lo: int, hi: int) -> list[tuple[str | None, list[dict]]]:
        # None for a text left as it is (most are): only changed texts travel back
        done = []
        for doc_id, text in zip(ids[lo:hi], texts[lo:hi], strict=True):
            cleaned, rows = _clean_one(str(doc_id), text, lines_of)
            done.append((None if cleaned is text else cleaned, rows))
        return done

    parts = fork_map(clean_range, split_ranges(len(texts), workers), workers)
    done = [d for part in parts for d in part]
    out_texts, removed = [], []
    heavy: dict[str, list[str]] = {}
    for doc_id, text, (cleaned, rows) in zip(ids, texts, done, strict=True):
        out_texts.append(text if cleaned is None else cleaned)
        removed.extend(rows)
        if rows and text:
            per_rule: dict[str, int] = {}
            for row in rows:
                per_rule[row["rule"]] = per_rule.get(row["rule"], 0) + row["end"] - row["start"]
            for rule, n in per_rule.items():
                if n / len(text) > max_share:
                    heavy.setdefault(rule, []).append(f"{doc_id} ({n / len(text):.0%})")
    for rule, named in heavy.items():
        more = f" and {len(named) - _MAX_NAMED} more" if len(named) > _MAX_NAMED else ""
        warnings.warn(
            f"boilerplate rule {rule!r} removed more than max_share={max_share:g} of the text "
            f"of document(s) {', '.join(named[:_MAX_NAMED])}{more}; check the rule",
            BoilerplateWarning,
            stacklevel=2,
        )
    cleaned_docs = docs.copy()
    cleaned_docs["text"] = out_texts
    if not removed:
        return cleaned_docs, empty_table("removed")
    return cleaned_docs, conform(pd.DataFrame(removed), "removed")


def _too_slow(rule: BoilerplateRule, doc_id: str, n: int, line: str) -> BoilerplateError:
    src = f" (from {rule.source})" if rule.source else ""
    return BoilerplateError(
        f"boilerplate rule {rule.name!r}{src} took more than {RULE_TIME_BUDGET:g} s on "
        f"document {doc_id!r} (line {n}, starting {line.strip()[:40]!r}); simplify its pattern "
        "(nested repeats such as (x+)+ backtrack exponentially)"
    )


# what the rules do to a line: the line rule removing it, or the fragments (start, end, rule
# name) to cut
_Outcome = BoilerplateRule | list[tuple[int, int, str]]


class _Lines:
    """The rules of one :func:`clean_boilerplate` call, prepared once, and what they do to each
    distinct line (surrounding whitespace stripped).

    What the rules do to a line depends on the line alone (the caption above a removed line is
    decided per document, by :func:`_caption_above`), so each distinct line is matched once per
    call and the outcome reused: news corpora repeat their boilerplate and wire paragraphs
    (the 50 MB benchmark corpus has 24,743 distinct lines among 138,370; cleaning it went from
    5.4 s to 1.1 s of CPU time with the same output). A line's first occurrence is matched inside
    its document's time budget, as before; a repeat costs nothing. At most
    :data:`_HELD_CHARS` characters of lines are remembered, so memory stays bounded.
    """

    def __init__(self, rules: list[BoilerplateRule]) -> None:
        def prepared(where: str) -> list[tuple[BoilerplateRule, Any, int | None, Any]]:
            return [
                (r, r.compiled(), _max_width(r.pattern), _NEEDS.get((r.name, r.pattern)))
                for r in rules
                if r.where == where
            ]

        self.line, self.lead, self.trail = (
            prepared("line"),
            prepared("leading"),
            prepared("trailing"),
        )
        self.first = rules[0] if rules else None
        # the letterhead above "News release" goes with the press-release dateline rule
        self.letterhead = any(r.name == "release_dateline" for r in rules)
        self.seen: dict[str, _Outcome] = {}
        self.held = 0  # characters of the lines in `seen`

    def outcome(self, stripped: str, deadline: float) -> _Outcome:
        """The line rule removing the whole line, or else the fragments ``(start, end, rule
        name)`` to cut, offsets into ``stripped``.

        Raises:
            TimeoutError: with the rule that ran out of the time left until ``deadline`` as
                its argument.
        """
        done = self.seen.get(stripped)
        if done is not None:
            return done
        # one time check per line: the rules on one line share what is left of the budget
        timeout = max(deadline - time.monotonic(), 1e-3)
        rule = self.first
        try:
            for rule, rx, width, need in self.line:
                if (width is not None and len(stripped) > width) or (
                    need is not None and not need(stripped)
                ):
                    continue
                if rx.fullmatch(stripped, timeout=timeout):
                    return self._remember(stripped, rule)
            lo, hi = 0, len(stripped)
            found: list[tuple[int, int, str]] = []
            for rule, rx, _, need in self.lead:
                if lo >= hi:
                    break
                seg = stripped[lo:hi]
                if need is not None and not need(seg):
                    continue
                m = rx.match(seg, timeout=timeout)
                if m and m.end() > 0:
                    end = lo + m.end()
                    while end < hi and stripped[end].isspace():
                        end += 1
                    found.append((lo, end, rule.name))
                    lo = end
            for rule, rx, width, need in self.trail:
                if lo >= hi:
                    break
                seg = stripped[lo:hi]
                # the match ends the line and is at most `width` long: search only that tail
                # (lookbehinds still see the text before `pos`)
                pos = max(0, len(seg) - width) if width is not None else 0
                if need is not None and not need(seg[pos:]):
                    continue
                m = rx.search(seg, pos, timeout=timeout)
                if m and m.end() > m.start():
                    start = lo + m.start()
                    while start > lo and stripped[start - 1].isspace():
                        start -= 1
                    found.append((start, hi, rule.name))
                    hi = start
        except TimeoutError:
            raise TimeoutError(rule) from None
        found.sort()
        return self._remember(stripped, found)

    def _remember(self, stripped: str, outcome: _Outcome) -> _Outcome:
        if self.held + len(stripped) > _HELD_CHARS:  # memory stays bounded: start afresh
            self.seen.clear()
            self.held = 0
        if len(stripped) <= _HELD_CHARS:
            self.seen[stripped] = outcome
            self.held += len(stripped)
        return outcome


def _match_distinct_lines(
    lines_of: _Lines, rules: list[BoilerplateRule], texts: list[str], workers: int
) -> None:
    """Fill ``lines_of`` with the outcome of every distinct line of ``texts``, the lines split
    between ``workers`` processes: news corpora repeat their lines across the whole corpus, so
    a range of documents per worker would have every worker match most of them again.

    Only a warm-up: a line that runs out of time here is left out (matched again within its
    document's budget, which names the document), and nothing is filled when the distinct
    lines are more than :data:`_HELD_CHARS` characters.
    """
    ranges = split_ranges(len(texts), workers)

    def distinct(lo: int, hi: int) -> list[str]:
        return list({s for t in texts[lo:hi] for line in t.split("\n") if (s := line.strip())})

    lines = list(dict.fromkeys(s for part in fork_map(distinct, ranges, workers) for s in part))
    if sum(map(len, lines)) > _HELD_CHARS:
        return
    matcher = _Lines(rules)

    def match(lo: int, hi: int) -> list[_Outcome | None]:
        out: list[_Outcome | None] = []
        for stripped in lines[lo:hi]:
            try:
                out.append(matcher.outcome(stripped, time.monotonic() + RULE_TIME_BUDGET))
            except TimeoutError:
                out.append(None)
        return out

    parts = fork_map(match, split_ranges(len(lines), workers), workers)
    for stripped, outcome in zip(lines, [o for part in parts for o in part], strict=True):
        if outcome is not None:
            lines_of.seen[stripped] = outcome
            lines_of.held += len(stripped)


def _clean_one(doc_id: str, text: str, lines_of: _Lines) -> tuple[str, list[dict]]:
    """One document: the cleaned text and its removal rows (offsets into ``text``)."""
    deadline = time.monotonic() + RULE_TIME_BUDGET
    lines = text.split("\n")
    drop: dict[int, str] = {}
    cuts: dict[int, list[tuple[int, int, str]]] = {}  # line -> (start, end, rule) in the line
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        try:
            outcome = lines_of.outcome(stripped, deadline)
        except TimeoutError as err:
            raise _too_slow(err.args[0], doc_id, i + 1, line) from None
        if isinstance(outcome, BoilerplateRule):
            drop[i] = outcome.name
            _caption_above(lines, i, outcome, drop, cuts)
            _teasers_below(lines, i, outcome, drop, cuts)
        elif outcome:
            lo = len(line) - len(line.lstrip())
            cuts[i] = [(lo + start, lo + end, name) for start, end, name in outcome]
    if "page_bar" in drop.values():
        _table_rows(lines, drop)
    end_matter(lines, drop)  # before the signature block: it may stand above an "About" section
    if lines_of.letterhead:
        _letterhead(lines, drop)
        _end_mark(lines, drop)
        _office_letterhead(lines, drop)
    if drop:
        _page_top(lines, drop)
    _record_header(lines, drop)
    if drop or "_____" in text or "-----" in text:
        page_blocks(lines, drop)
    # a pull-quote box, "Quote of the day" over a quote and its speaker (wave 22): looked for
    # only in a text holding the heading's word
    if "uote" in text or "UOTE" in text:
        pull_quotes(lines, drop)
    # a newsletter's reading list without a heading (wave 24): looked for only in a text with a
    # quoted title before a bracket
    if '" (' in text or "” (" in text:
        reading_lists(lines, drop)
    if drop:
        _spaced_teasers(lines, drop)
        _tag_lists(lines, drop)
        _wrapped_tails(lines, drop)
    # last: a line that a block above names (a social post's author line) keeps that name
    _issuer_header(lines, drop)
    if not drop and not cuts:
        return text, []
    rows: list[dict] = []
    out_lines = []
    offset = 0
    for i, line in enumerate(lines):
        if i in drop:
            rows.append(_row(doc_id, i, offset, 0, len(line), line, drop[i]))
        else:
            kept, at = [], 0
            for start, end, name in cuts.get(i, ()):
                rows.append(_row(doc_id, i, offset, start, end, line, name))
                kept.append(line[at:start])
                at = end
            kept.append(line[at:])
            out_lines.append("".join(kept))
        offset += len(line) + 1
    return "\n".join(out_lines), rows


# "News release", "Press statement", "News item | 25-09-2025" (held-out set 11)
_RELEASE_HEADING = re.compile(
    # (after the same heading in another language: "KENYATAAN MEDIA / MEDIA STATEMENT", set 38)
    r"(?i)(?:[^\W\d_][\w ]{2,30}\s{0,3}/\s{0,3})?"
    r"(?:news|press|media)\s{1,3}(?:release|item|statement|advisory|notice)"
    r"(?:\s{0,3}[|/–—-]\s{0,3}[\d./ -]{6,12})?"
    # a release's number: "PRESS RELEASE No. 47/2566", "Press release no 12/2024" (held-out set 18)
    r"(?:\s{1,3}(?:No\.?|Nr\.?|Number|#)\s{0,3}\d[\d./-]{0,11}"
    # "Press Release Number: PR-512/K.3/Kph.3/08/2024", "PRESS STATEMENT No. 41/SP/LBH/X/2025"
    # (wave 18)
    r"|\s{1,3}(?:No\.?|Nr\.?|Number|#)\s{0,3}:?\s{0,3}(?=[\w./-]{0,30}\d)[A-Za-z\d][\w./-]{0,30})?"
    # the same heading in the state's language after a bar or slash, "Press Release | Siaran
    # Akhbar" (wave 24, held-out set 124: the letterhead "PRIME MINISTER'S OFFICE / BRUNEI
    # DARUSSALAM / Jabatan Perdana Menteri" above it)
    r"(?:\s{0,3}[|/]\s{0,3}[^\W\d_][^\W\d]{1,20}(?:\s{1,3}[^\W\d_][^\W\d]{1,20}){0,3})?"
)


# a research publication's label, "Research report | Summary", "Policy brief" (held-out set 20):
# the publisher's name above it is a letterhead too
_REPORT_HEADING = re.compile(
    r"(?i)(?:research|policy|briefing|special|annual|situation|country)\s{1,3}"
    r"(?:report|brief|paper|note|update)"
    r"(?:\s{0,3}[|/–—-]\s{0,3}(?:summary|executive\s{1,3}summary|key\s{1,3}findings|overview))?"
)


#: Lines of a letterhead above a press release's heading: the state, the office, its address.
_LETTERHEAD_LINES = 4


_NUMBER_CELL = re.compile(r"[\d.,%$€£¥-]{1,20}")


def _table_rows(lines: list[str], drop: dict[int, str]) -> None:
    """Keep the rows of a table written with bars that ``page_bar`` took for a menu: three
    lines or more in a row with the same number of cells, at least half of them holding a
    cell that is a number ("Supreme People's Procuracy | Vietnam | 148 | China", held-out set
    71). A footer menu's lines ("About | Contact | Careers") hold no numbers."""
    i = 0
    while i < len(lines):
        cells = lines[i].count("|")
        j = i
        while j < len(lines) and cells >= 2 and lines[j].count("|") == cells:
            j += 1
        if j - i >= 3:
            numeric = sum(
                any(_NUMBER_CELL.fullmatch(c.strip()) for c in lines[k].split("|"))
                for k in range(i, j)
            )
            if 2 * numeric >= j - i:
                for k in range(i, j):
                    if drop.get(k) == "page_bar":
                        del drop[k]
        i = max(j, i + 1)


def _letterhead(lines: list[str], drop: dict[int, str]) -> None:
    """The letterhead above a "News release" heading ("News item | 25-09-2025", "Press
    statement") among a document's first lines ("Global Affairs Canada / News release";
    held-out sets 8 and 11; "Republic of … / DEPARTMENT OF … / street, city / PRESS RELEASE",
    set 12): each line above it short and
    without sentence-final punctuation. The heading itself stays (the mention rules read it)."""
    seen = [k for k, line in enumerate(lines[:12]) if line.strip()][: _LETTERHEAD_LINES + 1]
    for n, k in enumerate(seen):
        report = _REPORT_HEADING.fullmatch(lines[k].strip()) is not None
        if not report and not _RELEASE_HEADING.fullmatch(lines[k].strip()):
            continue
        above = seen[:n]
        if all(furniture_line(lines[j]) for j in above):
            for j in above:
                drop.setdefault(j, "letterhead")
        if not report:  # a report has no signature block
            _signature_block(lines, drop)
        return


# a contact block's lines below a release's signature: "For media queries, please contact:"
_CONTACT_LINE = re.compile(r"(?i)\b(?:contact|enquiries|inquiries|e-?mail|tel|phone|fax)\b")
_SIGNATURE_LINES = 4
# "Please note that this media release is current as at the date of publication." (set 38)
_DISCLAIMER = re.compile(r"(?i)please\s{1,3}note\s{1,3}that\s{1,3}this\s{1,3}(?:media|press|news)")
#: The end mark of a press release: "-30-", "###", "– ENDS –" on a line of its own; what
#: follows it is the issuer's footer (held-out set 38: "-30- ¶ DOJ Public Information Office |
#: doj.gov.ph | Follow us on …").
_END_MARK = re.compile(r"[-–—\s]{0,4}(?:30|#\s?#\s?#|(?i:ends?))[-–—\s]{0,4}")
_AFTER_END_LINES = 8


def _end_mark(lines: list[str], drop: dict[int, str]) -> None:
    """The last end mark of a press release (:data:`_END_MARK`) after some text, and at most
    :data:`_AFTER_END_LINES` short lines after it: all removed."""
    marks = [
        k for k, line in enumerate(lines) if line.strip() and _END_MARK.fullmatch(line.strip())
    ]
    if not marks or marks[-1] < 2:
        return
    k = marks[-1]
    after = [j for j in range(k + 1, len(lines)) if lines[j].strip()]
    if len(after) > _AFTER_END_LINES or any(len(lines[j]) > CAPTION_MAX for j in after):
        return
    for j in [k, *after]:
        drop.setdefault(j, "end_mark")


def _title_case(line: str) -> bool:
    """Every word of ``line`` capitalised but the small ones: "Attorney-General's Chambers",
    "Singapore" (a signature in title case; held-out set 38)."""
    return all(w[:1].isupper() or w in _SMALL_WORDS for w in line.split())


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "&"})


def _signature_block(lines: list[str], drop: dict[int, str]) -> None:
    """The signature block at the end of a press release (held-out set 13: "ATTORNEY-GENERAL'S
    CHAMBERS / SINGAPORE / 21 June 2021" above "For media queries, please contact:"): the last
    paragraph before the contact paragraphs (or the end), of at most four short lines without
    sentence-final punctuation, one of them in capitals, after the body. A single line is
    left (held-out set 3 coded a closing "MINISTRY OF FOREIGN AFFAIRS OF VIET NAM")."""
    paras: list[list[int]] = []
    for k, line in enumerate(lines):
        if not line.strip():
            if paras and paras[-1]:
                paras.append([])
            continue
        if not paras:
            paras.append([])
        paras[-1].append(k)
    paras = [p for p in paras if p]
    n = len(paras)
    while n and all(
        j in drop or _CONTACT_LINE.search(lines[j]) or _DISCLAIMER.match(lines[j].strip())
        for j in paras[n - 1][:1]
    ):
        n -= 1
    if n < 3:  # a heading and a body paragraph at least before it
        return
    # (the lines a rule removed are left out: "Prime Minister's Office / Brunei Darussalam" over
    # "Last Updated: 10/04/2019 08:15", a time stamp; wave 24, held-out set 124)
    block = [j for j in paras[n - 1] if j not in drop]
    texts = [lines[j].strip() for j in block]
    if (
        2 <= len(block) <= _SIGNATURE_LINES
        and all(len(t) <= CAPTION_MAX // 2 and not t.endswith(SENTENCE_END) for t in texts)
        and (any(t.isupper() for t in texts) or all(_title_case(t) for t in texts))
    ):
        for j in block:
            drop.setdefault(j, "signature")


# a place in capitals alone on its line: "BANDAR SERI BEGAWAN", "PORT MORESBY"
_PLACE_WORDS = re.compile(r"[^\W\d_][\w.'’-]{0,30}(?:\s{1,3}[^\W\d_][\w.'’-]{0,30}){0,3}")


def _upper_place(line: str) -> bool:
    return line.isupper() and bool(_PLACE_WORDS.fullmatch(line))


_TOP_LINES = 12  # lines at the top of a page that may hold its banner or a byline block


def _page_top(lines: list[str], drop: dict[int, str]) -> None:
    """The furniture at the top of a page that the line rules leave (held-out set 12):

    * the site's banner above a breadcrumb or menu bar among the first three lines, "Supreme
      Court of Examplia / Home > News > Releases", "Skip to main content / Home | World |
      Asia | Sport": each line from the top of the page to the bar, short and without
      sentence-final punctuation;
    * a place in capitals alone on its line inside a byline block that holds a removed time
      stamp, "Jane Roe / PORT MORESBY / Friday, May 2, 2025", or that the stamp follows after
      one blank line (not the page's first line: a headline in capitals).
    """
    top = [k for k in range(min(len(lines), _TOP_LINES)) if lines[k].strip()]
    for n, k in enumerate(top[:3]):
        if drop.get(k) in ("breadcrumb", "page_bar"):
            above = top[:n]
            if all(furniture_line(lines[j]) for j in above) and above == list(range(k - n, k)):
                for j in above:
                    drop.setdefault(j, "site_banner")
            break
    for n, k in enumerate(top):
        line = lines[k].strip()
        if n == 0 or k in drop or not _upper_place(line) or _RELEASE_HEADING.fullmatch(line):
            continue
        lo = hi = k
        while lo - 1 >= 0 and lines[lo - 1].strip():
            lo -= 1
        while hi + 1 < len(lines) and lines[hi + 1].strip():
            hi += 1
        block = range(lo, hi + 1)
        # (or the stamp alone right after one blank line: "Special Correspondent / NEW DELHI
        # // Published - March 11, 2025 10:12 pm IST", The Hindu; wave 30, set 172)
        stamped = any(drop.get(j) == "timestamp" for j in block) or (
            hi + 2 < len(lines) and not lines[hi + 1].strip() and drop.get(hi + 2) == "timestamp"
        )
        if stamped and all(furniture_line(lines[j]) for j in block):
            drop[k] = "byline_block"
    _column_author(lines, top, drop)


# a person's name alone on its line: two to four capitalised words (initials, "Jr." and the
# particles of Filipino, Malay, Dutch and Portuguese names between them), in title case or in
# capitals, "Maria Elena Santos", "Ahmad Faiz bin Yusof", "JOSE M. DELA CRUZ"
_PERSON_NAME = regex.compile(
    r"\p{Lu}[\p{L}'’.-]{0,20}(?:\s(?:(?:de|del|dela|de\s la|van|von|der|den|bin|binti|bt|da|dos"
    r"|di|y|al|el|le|la)\s)?\p{Lu}[\p{L}'’.-]{0,20}){1,3}(?:,?\s(?:Jr|Sr|III|II)\.?)?"
)
# the small words a headline in title case holds and a name does not: "Cambodia To Extradite
# Suspects", "Scam Hubs Move On"
_HEADLINE_WORDS = frozenset({
    "The", "A", "An", "Of", "In", "On", "To", "For", "And", "With", "As", "At", "By", "From",
    "Over", "After", "Into", "Is", "Are", "Was", "Says", "Say", "Will", "New", "How", "Why",
    "What", "Not", "No", "Amid", "Against", "Under", "Up", "Out", "Off",
})  # fmt: skip
_DATE_RULES = frozenset({"timestamp", "page_meta", "post_stamp"})


def _column_author(lines: list[str], top: list[int], drop: dict[int, str]) -> None:
    """An opinion column's byline at the top of its page (wave 25): the writer's name alone on
    a line, "Maria Elena Santos", directly over the publication's stamp that a line rule
    removed, "Published 9:30 AM, August 19, 2024" (the next line with text, a time stamp or a
    page's meta line). Not the page's first line (a headline in title case), not a line with a
    headline's small words ("Cambodia To Extradite Suspects"), and only under a kept line of
    five words or more (the headline or the standfirst, which a headline in title case under
    a section label has not); a name alone elsewhere, over a sentence or at the foot of the
    page, stays."""
    for n in range(1, len(top) - 1):
        k, below = top[n], top[n + 1]
        if k in drop or drop.get(below) not in _DATE_RULES:
            continue
        if not any(j not in drop and len(lines[j].split()) >= 5 for j in top[:n]):
            continue
        line = lines[k].strip()
        if (
            len(line) <= 60
            and _PERSON_NAME.fullmatch(line)
            and not _HEADLINE_WORDS.intersection(w.title() for w in line.split())
        ):
            drop[k] = "byline_block"


# an issuing office's name in title case: "Ministry of Foreign Affairs of the People's Republic of
# China", "Office of the Attorney General of Thailand", "Embassy of Japan in Malaysia"
_ISSUER = regex.compile(
    r"(?:Ministry|Embassy|Consulate(?:-General)?|Permanent\s{1,3}Mission|Department|Office"
    r"|Government|State\s{1,3}Council)\s{1,3}(?:of|for)\s{1,3}[^\n.!?:;]{2,100}"
)


def _issuer_header(lines: list[str], drop: dict[int, str]) -> None:
    """The issuing office's name as the first line of its own page, a site's header above the
    page's title ("Ministry of Foreign Affairs of the People's Republic of China" over
    "Foreign Ministry Spokesperson's Regular Press Conference on …"; held-out set 79): a name
    in title case over more lines. A headline naming a ministry has a verb in lower case
    ("Ministry of Public Security hosts …") and stays; so does an issuer signing at the end."""
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None or first in drop:
        return
    line = lines[first].strip()
    if (
        len(line) <= CAPTION_MAX
        and _ISSUER.fullmatch(line)
        and _title_case(line)
        and any(other.strip() for other in lines[first + 1 :])
    ):
        drop[first] = "page_header"


_HEADER_LINES = 6  # lines of an official record's header


def _record_header(lines: list[str], drop: dict[int, str]) -> None:
    """The header of an official record or gazette at the top of the page ("OFFICIAL REPORT /
    HOUSE OF ASSEMBLY / FIRST SESSION / Tuesday, 3 May 2022"; a Hansard, held-out set 17): a
    first paragraph of three to six short lines without sentence-final punctuation, each in
    capitals but one line holding a date's digits, at least three in capitals. A headline in
    capitals stands alone or over a sentence and stays."""
    top = []
    for k, line in enumerate(lines[: _HEADER_LINES + 2]):
        if line.strip():
            top.append(k)
        elif top:
            break
    if not 3 <= len(top) <= _HEADER_LINES or any(not furniture_line(lines[k]) for k in top):
        return
    upper = [k for k in top if lines[k].strip().isupper()]
    rest = [k for k in top if k not in upper]
    if len(upper) >= 3 and len(rest) <= 1 and all(any(c.isdigit() for c in lines[k]) for k in rest):
        for k in upper:
            drop.setdefault(k, "letterhead")


# an office's name in capitals: "PRIME MINISTER'S OFFICE", "SUPREME PEOPLE'S PROCURACY OF VIET
# NAM", "MINISTRY OF JUSTICE": up to four words before the office's noun, "of …" after it, and
# nothing else (a headline in capitals has a verb: "MINISTRY WARNS OF NEW SCAMS")
_OFFICE_NAME = regex.compile(
    r"(?:THE\s{1,3})?(?:[A-Z][A-Z'’.&-]{0,25}\s{1,3}){0,4}(?:OFFICE|MINISTRY|PROCURACY"
    r"|PROCURATORATE|CHAMBERS|DEPARTMENT|COURT|COMMISSION|AGENCY|EMBASSY|GOVERNMENT|SECRETARIAT"
    r"|BUREAU|COUNCIL|AUTHORITY|POLICE|PROSECUTOR|PROSECUTOR-GENERAL|ATTORNEY-GENERAL|CABINET)"
    r"(?:\s{1,3}(?:OF|FOR)(?:\s{1,3}THE)?(?:\s{1,3}[A-Z][A-Z'’.&-]{0,25}){1,6})?"
)
_LANGUAGE_SWITCH = regex.compile(r"\s{0,3}[|/]\s{0,3}(?i:english|en|eng)\s{0,3}")


def _office_letterhead(lines: list[str], drop: dict[int, str]) -> None:
    """The letterhead of a government portal at the top of its page, not over a release's
    heading (wave 24, held-out set 124): the office's name in capitals on the first line
    (:data:`_OFFICE_NAME`), and under it, in the same paragraph, the country in capitals or the
    office's name in the state's language, "BRUNEI DARUSSALAM", "Jabatan Perdana Menteri", "Cổng
    thông tin điện tử Viện kiểm sát nhân dân tối cao | English" (a language switch after it
    allowed): each line short, without sentence-final punctuation, in capitals, two words in
    three capitalised (the state's language has its own small words: "Kementerian Hukum dan Hak
    Asasi Manusia") or written with letters outside English's, and text below the paragraph. A headline under
    the name (a sentence in lower case, in English) keeps the whole paragraph."""
    top = []
    for k, line in enumerate(lines[: _LETTERHEAD_LINES + 2]):
        if line.strip():
            top.append(k)
        elif top:
            break
    if not 2 <= len(top) <= _LETTERHEAD_LINES or top[0] in drop:
        return
    if not any(line.strip() for line in lines[top[-1] + 1 :]):
        return
    first = lines[top[0]].strip()
    if not (first.isupper() and furniture_line(first) and _OFFICE_NAME.fullmatch(first)):
        return
    for k in top[1:]:
        line = _LANGUAGE_SWITCH.sub("", lines[k].strip())
        if not furniture_line(line):
            return
        if not (line.isupper() or _mostly_capitalised(line) or not line.isascii()):
            return
    for k in top:
        drop.setdefault(k, "letterhead")


def _mostly_capitalised(line: str) -> bool:
    words = line.split()
    return bool(words) and 3 * sum(w[:1].isupper() for w in words) >= 2 * len(words)


def _caption_above(
    lines: list[str], i: int, rule: BoilerplateRule, drop: dict[int, str], cuts: dict
) -> None:
    """With ``caption_before``, drop the line above ``i`` when it looks like a photo caption."""
    if not rule.caption_before:
        return
    prev = i - 1
    while prev >= 0 and not lines[prev].strip():
        prev -= 1
    # The first line of a document above an outlet name is a headline over its masthead
    # ("Polri to host ...\n\nThe Jakarta Post"), not a photo caption.
    headline = prev >= 0 and not any(line.strip() for line in lines[:prev])
    if (
        prev >= 0
        and not headline
        and prev not in drop
        and prev not in cuts
        and len(lines[prev]) <= CAPTION_MAX
        and not lines[prev].rstrip().endswith(SENTENCE_END)
    ):
        drop[prev] = "photo_caption"


# a bare heading over a list of teasers: "Related news", "Read Next", "See also:"
_TEASER_HEADING = re.compile(
    rf"(?i)(?:[>»›▶►]\s{{0,3}})?(?:{RELATED_HEADING}|associated\s{{1,3}}links?"
    rf"|read\s{{1,3}}(?:more|next|also)|{STORY_LIST_HEADING}"
    r"|also\s{1,3}read|see\s{1,3}(?:also|more)"
    # a bare "READ:" over the headlines after a story's sign-off (held-out set 79)
    r"|(?-i:READ|Read)(?=\s{0,3}:)"
    r"|you\s{1,3}(?:may|might)\s{1,3}also\s{1,3}like"
    r"|recommended(?:\s{1,3}(?:for\s{1,3}you|stories|articles))?|tin\s{1,3}liên\s{1,3}quan)"
    r"\s{0,3}[:>»›|-]{0,2}\s{0,3}"
)
_TEASERS_MAX = 12  # lines of one list of teasers
# a teaser's outlet and age under its headline: "The Independent · 5 days ago", "BBC · 1 week ago"
_ITEM_STAMP = regex.compile(
    r"\p{Lu}[\w.&'’-]{0,30}(?:\s{1,3}[\p{Lu}\d&][\w.&'’-]{0,30}){0,4}\s{1,3}[·•|]\s{1,3}"
    r"(?:\d{1,3}\s{1,3}(?:second|minute|min|hour|hr|day|week|month|year)s?\s{1,3}ago"
    r"|\p{Lu}\p{Ll}{2,8}\.?\s{1,3}\d{1,2}(?:,\s{1,3}\d{4})?|\d{1,2}\s{1,3}\p{Lu}\p{Ll}{2,8}"
    r"(?:\s{1,3}\d{4})?|yesterday|today)"
)
_TAG_WORDS = 3  # words of a topic tag


def _teasers_below(
    lines: list[str], i: int, rule: BoilerplateRule, drop: dict[int, str], cuts: dict
) -> None:
    """After a bare "Related news" / "Read Next" heading removed by any rule, the list of
    teaser headlines below it goes too ("• Vietnam, China boost procuracy cooperation";
    held-out set 7): from the first line after the heading (blank lines skipped) to the next
    blank line (a list of short topic tags goes on past blank lines), each line short and without sentence-final punctuation (text ends the list);
    likewise the contact block under a bare "Contacts" heading (held-out set 8)."""
    # any rule may take the bare heading ("RELATED" is also an all-capitals credit; held-out
    # set 19)
    teasers = _TEASER_HEADING.fullmatch(lines[i].strip())
    if not teasers and rule.name not in ("contact_heading", "list_heading", "unsubscribe_line"):
        return
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    # a list of topic tags, one to three words each, may have blank lines between its items
    # ("Related Topics ¶ Myanmar ¶ China ¶ Scams"; held-out set 27)
    tags = bool(teasers)  # not a contact block: "About the Community" after it is text
    stamped = False  # the last item ended with its outlet and age: "Reuters · 2 days ago"
    for k in range(j, min(j + 2 * _TEASERS_MAX, len(lines))):
        line = lines[k].strip()
        if not line and (tags or stamped):
            continue
        if (
            not line
            or k in drop
            or k in cuts
            or len(line) > CAPTION_MAX
            # (an item of a reading list ends with its outlet in brackets, '• "Why ASEAN never
            # got its extradition treaty" (The Diplomat)'; wave 24, held-out set 128)
            or (line.endswith(SENTENCE_END) and not READING_ITEM.fullmatch(line))
        ):
            return
        tags &= len(line.split()) <= _TAG_WORDS
        # an aggregator's teasers are two lines each, a headline over its outlet and age, with a
        # blank line between them (Yahoo's "Recommended stories", MSN's "More from"; set 77)
        stamped = bool(teasers) and _ITEM_STAMP.fullmatch(line) is not None
        drop[k] = rule.name


def _spaced_teasers(lines: list[str], drop: dict[int, str]) -> None:
    """A list of teaser headlines with blank lines between its items, under a bare "Related" /
    "Read more" heading at the foot of a page ("Related Stories ¶ SPP chief meets Lao
    prosecutor ¶ China, ASEAN prosecutors target telecom fraud ¶ Copyright …"; wave 26, the
    China Daily, Xinhua and SCMP pages of held-out sets 66, 71, 86 and 95). :func:`_teasers_below`
    stops at the first blank line, as a heading inside a story may stand over its text; here
    every line from the heading to the end of the page is either removed already (the footer)
    or a headline: short, without a full stop, colon or semicolon at its end (a question or a
    quoted phrase may close it: 'What is the Supreme People's Procuracy?', 'AG: Cooperation
    with China "at its best"'). A story's own last paragraph has a full stop, so the list is
    never mistaken for text."""
    for i in sorted(k for k, name in drop.items() if _TEASER_HEADING.fullmatch(lines[k].strip())):
        items = []
        for k in range(i + 1, len(lines)):
            line = lines[k].strip()
            if not line or k in drop:
                continue
            if len(line) > CAPTION_MAX or line.endswith((".", ":", ";")):
                break
            items.append(k)
        else:
            if 0 < len(items) <= _TEASERS_MAX:
                for k in items:
                    drop[k] = drop[i]


#: A bare heading over a page's tags: "TAGS", "Topics :", "Keywords".
_TAG_HEADING = re.compile(r"(?i)(?:tags?|topics?|keywords?|filed\s{1,3}under)\s{0,3}:?")
_TAG_LINES = 3  # lines of tags under their heading


def _tag_lists(lines: list[str], drop: dict[int, str]) -> None:
    """The tags under a bare heading ("TAGS ¶ ASEAN  China  Myanmar  Scam Centers  Thailand",
    The Diplomat's page saved as text; wave 27, held-out set 148), in a page with other lines
    removed: up to three short lines right below it, without a sentence's end, and the
    heading with them. The tags rule of
    :mod:`analysis.cleaning_rules` takes "Tags: …" on one line; saved pages put the heading
    on a line of its own."""
    for i, heading in enumerate(lines):
        if not _TAG_HEADING.fullmatch(heading.strip()):
            continue
        tags = []
        for k in range(i + 1, min(i + 1 + _TAG_LINES, len(lines))):
            line = lines[k].strip()
            if not line or k in drop or len(line) > CAPTION_MAX or line.endswith(SENTENCE_END):
                break
            tags.append(k)
        for k in tags if tags else ():
            drop[k] = "tags_line"
        if tags:
            drop.setdefault(i, "tags_line")


_WRAP_MIN = 40  # characters of a removed line that may have been wrapped


def _wrapped_tails(lines: list[str], drop: dict[int, str]) -> None:
    """The end of a removed line that a hard-wrapped copy carries over to the next line goes
    with it ("Like us on Facebook or follow us on Twitter to get the latest news ¶ about
    Vietnam!", "Copyright © 2026 South China Morning Post Publishers Ltd. All rights ¶
    reserved."; wave 26, held-out sets 71 and 74): the removed line is long and has no
    sentence end, and the next line, the last of its paragraph, goes on in lower case. A line
    of text after a removed heading opens with a capital, so it stays."""
    for i in sorted(drop):
        k = i + 1
        line = lines[i].rstrip()
        if (
            k < len(lines)
            and k not in drop
            and len(line) >= _WRAP_MIN
            and not line.endswith(SENTENCE_END)
            and lines[k][:1].islower()
            and (k + 1 == len(lines) or not lines[k + 1].strip())
            and len(lines[k]) <= len(line)
        ):
            drop[k] = drop[i]


def _row(doc_id: str, i: int, offset: int, start: int, end: int, line: str, rule: str) -> dict:
    return {
        "doc_id": doc_id,
        "line": i + 1,
        "start": offset + start,
        "end": offset + end,
        "text": line[start:end],
        "rule": rule,
    }
