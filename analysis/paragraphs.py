"""Paragraphs of a document's text: where quotation marks pair and where a quote may run.

Part of :func:`analysis.quotes.find_quotes`: :class:`analysis.speakers.SpeakerDoc` numbers the
paragraph of every token from :func:`paragraph_breaks`, the character offsets where a
paragraph ends. A paragraph is a line, or, in hard-wrapped text (at least two lines, and half
of the line pairs broken mid-sentence), a block between blank lines, so that a quote wrapped
over several lines still pairs its marks. The text is scanned once with two regular
expressions, so the cost is linear in document length.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["paragraph_breaks"]

_NEWLINE = re.compile("\n")
_TERMINAL = tuple('.!?:;"”’»)')


def paragraph_breaks(text: str) -> np.ndarray:
    """Character offsets where a paragraph ends: every line break, or, in hard-wrapped text
    (at least two lines, and half of the line pairs, broken mid-sentence), only blank lines."""
    newlines = np.array([m.start() for m in _NEWLINE.finditer(text)], np.int64)
    if len(newlines) < 2:
        return newlines
    # each line stripped once (b.strip() is empty exactly when b.rstrip() is)
    lines = [line.rstrip() for line in text.split("\n")]
    pairs = soft = 0
    for a, b in zip(lines, lines[1:], strict=False):
        if not a or not b:
            continue
        pairs += 1
        if not a.endswith(_TERMINAL) and (b.lstrip()[:1].islower() or len(a) >= 40):
            soft += 1
    if soft < 2 or soft * 2 < pairs:
        return newlines
    return np.array([m.start() for m in _BLANK_LINE.finditer(text)], np.int64)


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
