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

Two more kinds of end matter (wave 19, held-out sets 76 and 79):

* **a reference section**: a bare heading "See also", "References", "Bibliography", "Notes",
  "Sources", "Further reading", "External links" (Wikipedia's "[edit]" after it allowed) after
  the body, and under it, to the end of the page, the list of links and citations ("1.
  "China, ASEAN prosecutors meet in Kunming". Xinhua. 12 July 2004.", "/2 SPP, Work Report 2024,
  Beijing.", "- Supreme People's Procuratorate"). An item that is the author's prose ("1 The
  conference is also called … in Chinese sources.") is content, as the references code it, and
  stays; a line of text without an item's marker ends the section;
* **the headlines after a story's sign-off**: a bulleted list of short headlines, with or
  without a bare heading, after the line that ends with the outlet's sign-off ("… she said. –
  Rappler.com" then "- DOJ files raps vs POGO bosses"), to the end of the page.
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

# the bare heading of a reference section: "See also", "References [edit]", "NOTES", "Sources:".
_REFERENCE_HEADING = regex.compile(
    r"(?i:see\s{1,3}also|references?|bibliography|(?:foot|end)?notes(?:\s{1,3}and\s{1,3}"
    r"references)?|sources?|further\s{1,3}reading|external\s{1,3}links|works\s{1,3}cited"
    r"|citations|selected\s{1,3}(?:bibliography|readings?))\s{0,3}(?:\[\s{0,2}(?i:edit)"
    r"\s{0,2}\]|:)?"
)
# an item's marker: "- ", "• ", "1. ", "1 ", "[1] ", "(1) ", "/1 ", "^ ", "¹ "
_ITEM = regex.compile(
    r"(?:[-–—•*·▪]|\^|\d{1,3}[.)]?|\[\d{1,3}\]|\(\d{1,3}\)|/\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,4})"
    r"[ \t]{1,3}(?=\S)"
)
_YEAR = regex.compile(r"\b(?:1[89]|20)\d{2}\b")
_QUOTED = regex.compile(r"[\"“][^\"“”\n]{0,300}[\"”]")
# four lower-case words in a row outside a quoted title: a clause, not a citation's parts
_CLAUSE = regex.compile(r"\b\p{Ll}[\p{L}'’-]{0,30}(?:\s{1,3}\p{Ll}[\p{L}'’-]{0,30}){3}\b")
# a sign-off at the end of a story's last line: "– Rappler.com", "— VNS", "-- BERNAMA"
_SIGN_OFF = regex.compile(
    r"(?:^|(?<=[.!?\"”’)]\s{0,3}))[-–—]{1,2}\s{0,2}(?:\p{Lu}[\w-]{1,30}\.(?:com|net|org|ph|my|sg"
    r"|vn|id|th|kh|la|mm|cn|hk|co(?:\.\w{2})?)|\p{Lu}{2,10}(?:/\p{Lu}{2,10})?)\s{0,2}\Z"
)
_FULL_STOP = (".", "!", "?")
_SIGN_OFF_MAX = 50  # characters at the end of a line that may hold the sign-off
_HEADLINE_WORDS = 16  # words of one headline in a list
_TAG_WORDS = 3  # words of a bare heading over them ("READ:", "Related stories")


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
    _reference_section(lines, drop)
    _headlines_after_sign_off(lines, drop)


def _citation(text: str) -> bool:
    """A reference list's citation rather than a sentence: a year, and no run of four
    lower-case words outside quoted titles ("Supreme People's Procuratorate (2014). Annual
    Report. Beijing.", "Interview, Putrajaya, 12 May 2025.").

    Example:
        >>> _citation('"Two decades of the forum". The Post. 14 March 2025.')
        True
        >>> _citation("The forum was first held in Kunming in 2004.")
        False
    """
    return _YEAR.search(text) is not None and _CLAUSE.search(_QUOTED.sub(" ", text)) is None


def _reference_section(lines: list[str], drop: dict[int, str]) -> None:
    """The first reference heading after the body and the links and citations under it, to the
    end of the page or the first line of text (see the module's docstring)."""
    # (the heading may be gone already: "NOTES" is also a credit's shape)
    kept = [k for k, line in enumerate(lines) if line.strip()]
    for n, k in enumerate(kept):
        if n < _MIN_BODY or not _REFERENCE_HEADING.fullmatch(lines[k].strip()):
            continue
        items: list[int] = []
        for j in kept[n + 1 :]:
            line = lines[j].strip()
            if j in drop:
                continue
            if _REFERENCE_HEADING.fullmatch(line):  # "References" after "See also"
                items.append(j)
                continue
            marker = _ITEM.match(line)
            text = line[marker.end() :] if marker else line
            # a link ends without a full stop ("- Attorney General's Chambers (Malaysia)")
            if marker and (not text.rstrip('"”’)').endswith(_FULL_STOP) or _citation(text)):
                items.append(j)
            elif not marker and _citation(text) and len(text) <= 3 * CAPTION_MAX:
                items.append(j)  # an unnumbered bibliography: "Tan, K. (2019). Title. Place."
            elif not marker:
                break  # text: the section has ended
            # (an item in prose is the author's note: it stays, and the list goes on)
        if items or n == len(kept) - 1:
            drop.setdefault(k, "reference_section")
            for j in items:
                drop[j] = "reference_section"
            return
        # a heading over text ("Sources" over a paragraph) is not a reference section


def _headlines_after_sign_off(lines: list[str], drop: dict[int, str]) -> None:
    """A bulleted list of headlines (and a bare heading over it) after the line ending with the
    story's sign-off, to the end of the page."""
    kept = [k for k, line in enumerate(lines) if line.strip() and k not in drop]
    for n in range(len(kept) - 2, _MIN_BODY - 2, -1):
        # (a sign-off is short: only the line's end is searched)
        line = lines[kept[n]].strip()
        if not _SIGN_OFF.search(line, max(0, len(line) - _SIGN_OFF_MAX)):
            continue
        rest = kept[n + 1 :]
        head = rest[:1] if rest and not _ITEM.match(lines[rest[0]].strip()) else []
        if head and not (
            len(lines[head[0]].split()) <= _TAG_WORDS
            and not lines[head[0]].strip().endswith(SENTENCE_END[:3])
        ):
            return
        items = rest[len(head) :]
        if items and all(_headline_item(lines[j].strip()) for j in items):
            for j in head + items:
                drop[j] = "related_list"
        return


def _headline_item(line: str) -> bool:
    marker = _ITEM.match(line)
    if not marker or not marker.group().lstrip().startswith(("-", "–", "—", "•", "*", "·", "▪")):
        return False
    text = line[marker.end() :]
    return (
        len(text) <= CAPTION_MAX
        and len(text.split()) <= _HEADLINE_WORDS
        and not text.endswith(SENTENCE_END)
    )


def _paragraph_below(lines: list[str], k: int, drop: dict[int, str]) -> None:
    """The paragraph under the heading at line ``k`` (blank lines right under it skipped), to
    the next blank line."""
    j = k + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    while j < len(lines) and lines[j].strip():
        drop.setdefault(j, "about_section")
        j += 1
