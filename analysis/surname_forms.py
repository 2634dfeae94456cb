"""The surname of someone the actor table does not know, opening a sentence (wave 12, held-out
set 18): "PHNOM PENH – Srey Leak, 26, answered … . Leak now works … . She keeps … . "…," she
said." A gendered pronoun after it is that person, not the last actor of the text
(:meth:`analysis.speakers.SpeakerDoc.untabled_subject_before`). Kept free of the speaker
classes so that :mod:`analysis.speakers` can use it. :func:`title_goes_on` tells such a name
from a title that goes on with "of" (:data:`TITLE_END_WORDS`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import numpy as np

__all__ = ["TITLE_END_WORDS", "title_goes_on", "untabled_surname_opening"]

#: Words that end an official's title before a name or "of" ("Deputy Prosecutor General Tran
#: Van Hoa", sets 29-30); fewer than ``title_chains.TITLE_HEADS`` (set 3's "U.S. Trade
#: Representative Mark Ellison, who …, said" is the country's).
TITLE_END_WORDS: frozenset[str] = frozenset({
    "general", "prosecutor", "procurator", "minister", "director", "secretary", "ambassador",
    "commissioner", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman",
})  # fmt: skip


def title_goes_on(norm: Sequence[str], k: int) -> bool:
    """Token ``k`` is "of" after a title word: "Chief Procurator of the Hainan procuratorate
    Fu Jiaming welcomed …" (set 30) opens with a title that goes on, not an untabled name."""
    return norm[k] == "of" and norm[k - 1] in TITLE_END_WORDS


def untabled_surname_opening(
    norm: Sequence[str],
    text: str,
    start: np.ndarray,
    in_mention: np.ndarray,
    p: int,
    lo: int,
    skip: Collection[str],
) -> bool:
    """The sentence of tokens ``p..lo-1`` opens with one capitalised word outside any mention
    (not a word of ``skip``), then a lower-case word (or "For" before it and a comma after),
    and that word began or ended a name of two capitalised words outside mentions earlier in
    the document, or stood there with an age ("Wang, 33, …").

    Example:
        >>> import numpy as np
        >>> text = "Srey Leak left. Leak now works."
        >>> norm = ["srey", "leak", "left", ".", "leak", "now", "works", "."]
        >>> start = np.array([0, 5, 10, 14, 16, 21, 25, 30])
        >>> untabled_surname_opening(norm, text, start, np.zeros(8, bool), 4, 8, ())
        True
        >>> untabled_surname_opening(norm, text, start, np.zeros(8, bool), 0, 4, ())
        False
    """
    if p + 3 < lo and norm[p] == "for" and norm[p + 2] == ",":
        p += 1  # "For Li, the numbers mean little." (wave 22, set 110)
    elif p + 1 >= lo or not text[start[p + 1] : start[p + 1] + 1].islower():
        return False
    if in_mention[p]:
        return False
    w = norm[p]
    if not text[start[p] : start[p] + 1].isupper() or w in skip or not w.isalpha():
        return False
    if re.search(rf"\b{re.escape(w)}\b", text):
        return False  # a word written in lower case too ("Police …", "police said"): no name
    # the earlier tokens equal to the word, found by the sequence's own search (it runs in C
    # on a list) instead of a Python test of every token before the sentence (issue 14)
    j = 0
    while j + 1 < p:
        try:
            j = norm.index(w, j + 1, p)
        except ValueError:
            return False
        if (
            not in_mention[j]
            and (
                not in_mention[j - 1]
                and text[start[j - 1] : start[j - 1] + 1].isupper()
                and norm[j - 1].isalpha()
                # the family name first ("Zhang Min, 61, …"), or the word with an age ("Wang, 33,
                # who asked to be identified only by his surname"; wave 22, set 110)
                or not in_mention[j + 1]
                and text[start[j + 1] : start[j + 1] + 1].isupper()
                and norm[j + 1].isalpha()
                or j + 3 < p
                and norm[j + 1] == ","
                and norm[j + 2].isdigit()
                and norm[j + 3] == ","
            )
        ):
            return True
    return False
