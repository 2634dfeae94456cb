"""Remove news boilerplate lines (captions, credits, comment counters, datelines) auditably.

:func:`clean_boilerplate` takes a docs table (:func:`analysis.corpus.load_corpus`) and returns
the cleaned copy plus a table of every removed line, with its offsets into the original text,
so a report can show exactly what was taken out and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis._checks import require_columns
from analysis.schema import conform, empty_table

__all__ = ["BoilerplateRule", "DEFAULT_BOILERPLATE_RULES", "clean_boilerplate"]


@dataclass(frozen=True)
class BoilerplateRule:
    """A line rule: a line that fully matches ``pattern`` is removed and recorded as ``name``.

    With ``caption_before=True`` the line just above a removed line is removed too when it looks
    like a photo caption (short, no sentence-final punctuation): agencies print a caption line
    followed by a lone credit line.

    Example:
        >>> rule = BoilerplateRule("byline", r"By [A-Z][a-z]+ [A-Z][a-z]+")
        >>> bool(rule.compiled().fullmatch("By Nguyen Lan"))
        True
    """

    name: str
    pattern: str
    caption_before: bool = False

    def compiled(self) -> re.Pattern[str]:
        """The rule's pattern, compiled."""
        return re.compile(self.pattern)


DEFAULT_BOILERPLATE_RULES: tuple[BoilerplateRule, ...] = (
    # "President Vo Van Thuong addresses ... in Hanoi on December (Photo: VNA)"
    BoilerplateRule("photo_caption", r".*\((?:Photo|Photograph|Image|Source)s?\s*:[^()]*\)\s*"),
    # a lone agency credit such as "VNA" or "AFP/Getty"; the caption above it goes too
    BoilerplateRule(
        "credit_line",
        r"\s*[A-Z][A-Za-z]{0,2}[A-Z]{1,5}(?:/[A-Z][A-Za-z]+)?\s*",
        caption_before=True,
    ),
    # "Comment (0)", "Comments (12)"
    BoilerplateRule("comment_counter", r"\s*Comments?\s*\(\d+\)\s*"),
    # "Báo Thanh niên•06/12/2023": outlet and date stamp
    BoilerplateRule("outlet_dateline", r"\s*[^\n•|·]{1,60}\s*[•|·]\s*\d{1,2}/\d{1,2}/\d{2,4}\s*"),
)

_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_CAPTION_MAX = 120  # a caption is one short line; a longer one is body text


def clean_boilerplate(
    docs: pd.DataFrame, rules: Iterable[BoilerplateRule] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Remove news boilerplate lines (captions, credits, comment counters, datelines).

    Args:
        docs: the docs table (needs ``doc_id`` and ``text``); it is not modified.
        rules: line rules to apply; default :data:`DEFAULT_BOILERPLATE_RULES`.

    Returns:
        ``(cleaned_docs, removed)``. ``cleaned_docs`` is a copy of ``docs`` whose ``text`` lacks
        the removed lines (their line breaks included). ``removed`` lists every removed line for
        audit, in document and line order:

        * ``doc_id`` (str);
        * ``line`` (int64): 1-based line number in the original text;
        * ``start``, ``end`` (int64): character offsets of the line in the original text;
        * ``text`` (str): the removed line;
        * ``rule`` (str): the name of the rule that removed it.

    Raises:
        TypeError, ValueError: ``docs`` is not a DataFrame with ``doc_id`` and ``text``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"],
        ...                      "text": ["Talks opened.\\nComments (3)\\nThey ended."]})
        >>> clean, removed = clean_boilerplate(docs)
        >>> clean.loc[0, "text"]
        'Talks opened.\\nThey ended.'
        >>> removed[["line", "start", "end", "text", "rule"]].values.tolist()
        [[2, 14, 26, 'Comments (3)', 'comment_counter']]
    """
    require_columns(docs, ["doc_id", "text"], "docs")
    rules = tuple(DEFAULT_BOILERPLATE_RULES if rules is None else rules)
    compiled = [(r, r.compiled()) for r in rules]
    out_texts, removed = [], []
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        lines = text.split("\n")
        offsets, pos = [], 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        drop: dict[int, str] = {}
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            for rule, rx in compiled:
                if rx.fullmatch(line):
                    drop[i] = rule.name
                    prev = i - 1
                    while prev >= 0 and not lines[prev].strip():
                        prev -= 1
                    if (
                        rule.caption_before
                        and prev >= 0
                        and prev not in drop
                        and len(lines[prev]) <= _CAPTION_MAX
                        and not _SENTENCE_END.search(lines[prev])
                    ):
                        drop[prev] = "photo_caption"
                    break
        for i in sorted(drop):
            removed.append(
                {
                    "doc_id": str(doc_id),
                    "line": i + 1,
                    "start": offsets[i],
                    "end": offsets[i] + len(lines[i]),
                    "text": lines[i],
                    "rule": drop[i],
                }
            )
        out_texts.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    cleaned = docs.copy()
    cleaned["text"] = out_texts
    if not removed:
        return cleaned, empty_table("removed")
    return cleaned, conform(pd.DataFrame(removed), "removed")
