"""The end matter of a release or a commentary that no single line rule can tell (wave 18):

* **an "About" section**: a heading alone on its line near the end of the page, "About the
  Attorney-General's Chambers", "About Human Rights Watch", "ABOUT US", and the paragraph
  under it (the issuer describing itself: "The AGC is an organ of state and the principal legal
  adviser to the Government of Singapore"). A note fused to its heading ("About the conference:
  The ASEAN-China Prosecutors-General Conference has been held since 2004", held-out set 24)
  is text the references code, and stays;
* **an author's note without its asterisk**: among the last lines of the page, a paragraph that
  opens with a name and says what the author is ("Helena Vos is an associate professor of
  comparative law at …", "Datuk Ahmad Hafiz Hamid is a former deputy public prosecutor …").
  The rule ``author_note`` of :mod:`analysis.cleaning_rules` takes the form with the asterisk
  anywhere; without it, only the position at the end tells the note from a sentence of the
  story ("Zhao is a veteran prosecutor who …" in the third paragraph stays).

:func:`analysis.boilerplate.clean_boilerplate` calls :func:`end_matter` after the line rules,
so a signature block above a removed "About" section is still the last block of the release.
"""

from __future__ import annotations

import regex

from analysis.page_blocks import CAPTION_MAX, SENTENCE_END

__all__ = ["end_matter", "END_LINES"]

#: How far from the end (non-blank lines) an "About" heading or an author's note may stand.
END_LINES: int = 8

# "About the Attorney-General's Chambers", "About Human Rights Watch", "ABOUT US": at most
# seven words, alone on the line
_ABOUT = regex.compile(
    r"(?i:about)\s{1,3}(?:(?i:us)|(?:the\s{1,3})?\p{Lu}[\w.'’&-]{0,30}"
    r"(?:\s{1,3}(?:\p{Lu}[\w.'’&()-]{0,30}|of|for|and|on|the|&)){0,6})\s{0,3}:?"
)

# "Helena Vos is an associate professor of …", "Datuk Ahmad Hafiz Hamid is a former deputy
# public prosecutor in …", "Jane Roe was until 2020 a senior fellow at …"
_AUTHOR_NOTE = regex.compile(
    r"(?!(?:The|This|That|These|Those|Its|It|Our|Their|His|Her)\s)\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){1,4}\s{1,3}(?:is|was)\s{1,3}"
    r"[^\n.]{0,100}?\b(?i:professor|fellow|lecturer|researcher|director|analyst|editor"
    r"|correspondent|journalist|writer|author|founder|chair|student|candidate|consultant"
    r"|partner|adviser|advisor|lawyer|prosecutor|scholar|economist|diplomat|ambassador"
    r"|dean|head|coordinator|commentator|columnist)s?\b"
)

_MIN_BODY = 3  # non-blank lines before the end matter: a headline and a body at least


def end_matter(lines: list[str], drop: dict[int, str]) -> None:
    """Mark the "About" section and an author's note at the end of the page in ``drop``
    (line index -> rule name: ``about_section``, ``author_note``)."""
    kept = [k for k, line in enumerate(lines) if line.strip() and k not in drop]
    if len(kept) <= _MIN_BODY:
        return
    tail = kept[max(_MIN_BODY, len(kept) - END_LINES) :]
    for k in tail:
        line = lines[k].strip()
        if len(line) <= 80 and not line.endswith(SENTENCE_END) and _ABOUT.fullmatch(line):
            drop[k] = "about_section"
            _paragraph_below(lines, k, drop)
            break
    kept = [k for k in kept if k not in drop]
    for k in kept[max(_MIN_BODY, len(kept) - 3) :]:
        line = lines[k].strip()
        if len(line) <= 3 * CAPTION_MAX and _AUTHOR_NOTE.match(line):
            drop[k] = "author_note"


def _paragraph_below(lines: list[str], k: int, drop: dict[int, str]) -> None:
    """The paragraph under the heading at line ``k`` (blank lines right under it skipped), to
    the next blank line."""
    j = k + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    while j < len(lines) and lines[j].strip():
        drop.setdefault(j, "about_section")
        j += 1
