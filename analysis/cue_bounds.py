"""Where a cue's reach ends (issue 12, wave 13), used by :func:`analysis.quotes.find_quotes`.

* :func:`own_sentence`: a quotation closed by its own full stop is not attributed by the cue of
  the next capitalised sentence when that cue has content of its own ('… "until they are
  gone." He vowed to prosecute …'); '"…." Ole Lund said.' still attributes.
* :func:`capitalised_inside`: a capitalised word inside a sentence is a name's word; a cue word
  written so right after another cue is part of a name ('"…," X told Notes from Poland').
"""

from __future__ import annotations

from analysis.speakers import SENT_END, Cue, SpeakerDoc

__all__ = ["capitalised_inside", "own_sentence"]


def capitalised_inside(doc: SpeakerDoc, i: int) -> bool:
    """Token ``i`` is capitalised inside its sentence (a name's word, "Notes from Poland")."""
    return doc.s_lo[i] != i and doc.text[doc.start[i]][:1].isupper()


def own_sentence(doc: SpeakerDoc, close: int, cue: Cue) -> bool:
    """A quotation closed by its own full stop at ``close``, then a capitalised sentence whose
    ``cue`` (before the end of the sentence) has content of its own: '"…." He vowed to act' is
    not the attribution of the quotation; '"…." Ole Lund said, adding …' is."""
    norm, j, k = doc.norm, close + 1, cue.last + 1
    return (
        norm[close - 1] in SENT_END
        and doc.s_lo[j] == j
        and doc.text[doc.start[j]][:1].isupper()
        and cue.first > j
        and k < len(norm)
        and doc.s_lo[k] == j
        and norm[k][:1].isalnum()
    )
