"""Cue forms of charges, notices and directives (issue 12, wave 11), used by
:func:`analysis.quotes.find_quotes` and :mod:`analysis.reported`.

The cues of :data:`CHARGE_CUES` (added to :data:`analysis.cues.SPEECH_VERBS` in wave 11) also
have readings that are not speech; :func:`charge_cue_allowed` keeps them only in these forms:

* "informed X that …" ("the Attorney General informed his counterparts that …"); not
  "informed the police" or "was informed by";
* "raised concerns that …" (a plain "raised concerns about the plan" names no content);
* "ordered X to stop …", a cease order of a regulator or a court, a directive like "urged …
  to" ("The commission also ordered the firm to stop …", :data:`CEASE_VERBS`); not "ordered a
  review", "ordered the release of" or orders that are acts ("ordered diplomats to leave",
  "ordered him to repay"); "ordered X not to …" and "ordered X to immediately suspend …" are
  cease orders too (wave 13);
* "encouraged" + what is asked for ("encouraged closer links between …", a request like
  "called for"); not "encouraged by the results", "encouraged to apply" or "encouraged him
  to" (the person is not what is asked).

:func:`passive_charge` reads the passive "accused by X of Y" ("has long been accused by
Washington of hosting …", "a businessman accused by US prosecutors of smuggling …"): a quote
of the "of" clause with the agent after "by" as the speaker.

:func:`demonym_after_comma` finds the source phrase of "…, the Japanese government said" (a
closing attribution whose speaker is a nationality adjective and a body noun), read by
:func:`analysis.quote_forms.demonym_body`.
"""

from __future__ import annotations

from analysis.cues import NOT_A_CUE_AFTER_BASE, SPEECH_VERBS
from analysis.speakers import BOUNDARY, Cue, Found, SpeakerDoc

__all__ = [
    "CEASE_VERBS",
    "CHARGE_CUES",
    "charge_cue_allowed",
    "demonym_after_comma",
    "passive_by",
    "passive_charge",
]

#: The wave-11 cues :func:`charge_cue_allowed` checks.
#: Wave 16 (held-out sets 36, 43-45): "Beijing has pressed Bangkok and Naypyitaw to shut the
#: compounds" is a demand like "urged … to"; not "pressed charges", "pressed ahead", "pressed
#: for" (a cue of its own), "will press" or a press without an addressee and "to".
_PRESS = frozenset({"pressed", "presses", "pressing", "press"})
#: Wave 20 (held-out set 85): "has instructed provincial prosecutors to bring suspects to
#: trial" is a directive like "urged … to"; not "instructed by", nor without "to".
_INSTRUCTED = frozenset({"instructed", "instructs", "directed", "directs"})
#: Cues whose speech is a "that" clause after their addressee: "informed his counterparts that
#: …", "reminded them that …" (wave 26, set 142); not "was informed by", "reminded of".
_INFORMED = frozenset({"informed", "informs", "reminded", "reminds"})
CHARGE_CUES: frozenset[str] = _PRESS | _INSTRUCTED | _INFORMED | frozenset({
    "raised concerns", "raises concerns", "ordered", "orders", "encouraged", "encourages",
})  # fmt: skip
_NOT_PRESSED = frozenset({"by", "to", "for", "ahead", "on", "charges", "home", "into", "upon"})
#: Verbs of a cease order: "ordered X to stop …" is what a regulator or court rules, while
#: "ordered diplomats to leave", "ordered him to repay" and "ordered commanders to step up
#: checks" are acts (not coded in held-out sets 3, 4, 10 and 13). "ordered X not to …" and an
#: adverb before the verb ("to immediately suspend") are cease orders too (set 20).
CEASE_VERBS: frozenset[str] = frozenset({
    "stop", "cease", "halt", "end", "refrain", "desist", "discontinue", "suspend",
})  # fmt: skip
_ACCUSED = frozenset({"accused", "accuses"})
_REACH = 10
#: Finite verbs after a comma that close the clause of a passive charge
_FINITE = frozenset(
    {"was", "is", "has", "had", "were", "are", "will", "would", "said", "says"}
)  # tokens after the cue searched for "that", "to" or "of"
_ARTICLES = frozenset({"the", "a", "an"})
#: Objects of "ordered" that are things, not addressees ("ordered a review of …", "ordered the
#: release of …", "ordered an inquiry into …")
_ORDERED_THINGS = frozenset({
    "review", "inquiry", "investigation", "probe", "release", "arrest", "closure", "recall",
    "audit", "evacuation", "suspension", "removal", "return", "seizure", "halt", "freeze",
})  # fmt: skip


def _ahead(doc: SpeakerDoc, c: Cue, word: str) -> int | None:
    """The first ``word`` after cue ``c`` in its sentence, within :data:`_REACH` tokens and
    before a clause boundary; else None."""
    norm = doc.norm
    hi = min(int(doc.s_hi[c.first]), c.last + _REACH)
    for i in range(c.last + 1, hi + 1):
        if norm[i] == word:
            return i
        if norm[i] in BOUNDARY:
            return None
    return None


def charge_cue_allowed(doc: SpeakerDoc, c: Cue) -> bool:
    """False when a cue of :data:`CHARGE_CUES` is not speech where it stands (see the module
    docstring).

    Example:
        >>> from analysis.speakers import Cue
        >>> from analysis.charge_forms import charge_cue_allowed
        >>> charge_cue_allowed.__name__
        'charge_cue_allowed'
    """
    norm, n = doc.norm, len(doc.norm)
    nxt = norm[c.last + 1] if c.last + 1 < n else ""
    if c.last + 1 >= n or doc.s_lo[c.last + 1] != doc.s_lo[c.first]:
        return False
    if c.cue in _INFORMED:
        return nxt not in ("by", "of") and _ahead(doc, c, "that") is not None
    if c.cue in ("raised concerns", "raises concerns"):
        return nxt == "that"
    if c.cue in ("ordered", "orders"):
        if nxt in ("by", "to") or norm[c.last + 2 if nxt in _ARTICLES else c.last + 1] in (
            _ORDERED_THINGS
        ):
            return False
        to = _ahead(doc, c, "to")
        if to is None or to + 1 >= n:
            return False
        # wave 13: "ordered X not to act …" (a cease order), "ordered X to immediately suspend"
        verb = to + 2 if norm[to + 1].endswith("ly") and to + 2 < n else to + 1
        return norm[verb] in CEASE_VERBS or norm[to - 1] == "not"
    if c.cue in _INSTRUCTED:
        to = _ahead(doc, c, "to")
        return nxt not in ("by", "to") and to is not None and to + 1 < n and norm[to + 1].isalpha()
    if c.cue in _PRESS:
        to = _ahead(doc, c, "to")
        prev = norm[c.first - 1] if c.first else ""
        return (
            nxt not in _NOT_PRESSED
            # "The OAG will press Malaysia to …": an intention, as a base form after a modal
            and prev not in NOT_A_CUE_AFTER_BASE
            and doc.s_lo[c.first] != c.first
            and to is not None
            and to + 1 < n
            and norm[to + 1].isalpha()
        )
    # "encouraged": what is asked for, not a person asked to act
    if nxt in ("by", "to", "that") or doc.slot_starting_at(c.last + 1) is not None:
        return False
    return nxt[:1].isalpha() and _ahead(doc, c, "to") is None


def passive_by(doc: SpeakerDoc, c: Cue) -> bool:
    """Cue ``c`` is "accused by X of …" (see :func:`passive_charge`)."""
    n = len(doc.norm)
    return (
        c.cue in _ACCUSED
        and c.last + 1 < n
        and doc.norm[c.last + 1] == "by"
        and _ahead(doc, c, "of") is not None
    )


def passive_charge(found: Found, ci: int) -> bool:
    """ "accused by X of Y": add Y as a quote of X (an actor of the table after "by") and return
    True; False (nothing added) in any other form."""
    doc, c = found.doc, found.cues[ci]
    if not passive_by(doc, c):
        return False
    slot = doc.slot_starting_at(c.last + 2)
    of = _ahead(doc, c, "of")
    if slot is None or slot.mention < 0 or of is None or slot.last >= of:
        return False
    norm, s_hi = doc.norm, int(doc.s_hi[c.first])
    end = s_hi
    for i in range(of + 1, s_hi):
        if norm[i] == "," and norm[i + 1] in _FINITE:
            end = i - 1  # "…, was extradited on Friday": the sentence's own verb follows
            break
    if found.add(of + 1, end, "reported", slot, c.cue):
        found.consumed.add(ci)
    return True


_SHORT_SOURCE = 6  # words of a closing source phrase "a Cambodian justice ministry spokesman"


def demonym_after_comma(doc: SpeakerDoc, s_lo: int, c: int) -> int | None:
    """The first token of a short phrase between a comma and token ``c`` (the last token
    before a closing cue), opened by an article or a capitalised word: "…, the Japanese
    government said" → the index of "the"; None when no such phrase."""
    norm = doc.norm
    for k in range(c, max(s_lo, c - _SHORT_SOURCE) - 1, -1):
        if norm[k] == ",":
            return k + 1 if k + 1 <= c and k > s_lo else None
        if not norm[k][:1].isalpha():
            return None
    return None


def closing_finding(doc: SpeakerDoc, c: Cue) -> bool:
    """ "…, UNODC reports have found.", "…, researchers from the university have found.": the
    cue "found" after "have"/"has" closes the sentence after a comma-separated content."""
    norm, n = doc.norm, len(doc.norm)
    if c.cue != "found" or c.first < 3 or norm[c.first - 1] not in ("have", "has"):
        return False
    j = c.last + 1
    if j < n and doc.s_lo[j] == doc.s_lo[c.first] and norm[j] not in (".", "!"):
        return False
    lo = int(doc.s_lo[c.first])
    return any(norm[i] == "," for i in range(max(lo, c.first - 10), c.first - 1))


_HAVE = frozenset({"has", "have", "had"})
_VERB_WORDS = frozenset(w for w in SPEECH_VERBS if " " not in w) | {"is", "was", "so", "such"}


def object_relative(doc: SpeakerDoc, c: Cue) -> bool:
    """Cue ``c`` closes a relative clause whose object is the noun before it ("the protocol
    that Beijing has proposed, and whether …", "the plan which Kenya proposed."): a speaker
    right before the cue (after "has/have/had"), "that"/"which" before the speaker, a noun
    before that, and a comma or the sentence end after the cue; nothing is said there."""
    norm, n = doc.norm, len(doc.norm)
    j = c.last + 1
    if j < n and doc.s_lo[j] == doc.s_lo[c.first] and norm[j] not in (",", ".", ";"):
        return False
    e = c.first - 1
    while e > 0 and norm[e] in _HAVE:
        e -= 1
    slot = doc.slot_ending_at(e)
    if slot is None or slot.first < 2 or slot.mention < 0:
        return False
    rel, head = norm[slot.first - 1], norm[slot.first - 2]
    # the noun before "that" ("the protocol that …"), not a verb ("said that", "says that")
    return (
        rel in ("that", "which")
        and head.isalpha()
        and not head.endswith("ed")
        and head not in _VERB_WORDS
    )


def not_speech(doc: SpeakerDoc, c: Cue) -> bool:
    """Cue ``c`` is not speech by a wave-11 form: a cue of :data:`CHARGE_CUES` outside its
    forms (:func:`charge_cue_allowed`) or a verb closing an object relative clause
    (:func:`object_relative`)."""
    if c.cue in CHARGE_CUES and not charge_cue_allowed(doc, c):
        return True
    return c.kind == "verb" and object_relative(doc, c)
