"""Speech cues: the words that mark reported speech and direct quotes, and their checks.

:func:`analysis.quotes.find_quotes` reads these lists; a study extends them with
``find_quotes(..., cues=[...], exclude_cues=[...])`` or the study-file keys ``quotes: {cues:
[...], exclude_cues: [...]}``, validated by :func:`check_cues`. Every cue is a pattern of
:mod:`analysis.matching` (a word, a phrase such as "called for", a ``*`` glob or ``regex:``).
"""

from __future__ import annotations

from analysis.matching import compile_patterns

__all__ = [
    "SPEECH_VERBS",
    "CONTINUATION_CUES",
    "ATTRIBUTION_CUES",
    "NOT_A_CUE_AFTER",
    "TITLE_WORDS",
    "CueListError",
    "check_cues",
]

#: Speech verbs that attribute what follows or precedes them to a speaker. A verb form directly
#: after a determiner or a noun that makes it a noun or a name ("member states", "the claims",
#: "United States") is not a cue (see :data:`NOT_A_CUE_AFTER`).
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "stated", "states", "told", "tells", "added", "adds",
    "emphasized", "emphasised", "emphasizes", "emphasises", "stressed", "stresses",
    "affirmed", "affirms", "highlighted", "highlights", "noted", "notes",
    "believes", "believed", "asserted", "asserts", "declared", "declares",
    "announced", "announces", "explained", "explains", "argued", "argues",
    "claimed", "claims", "insisted", "insists", "warned", "warns",
    "underlined", "underlines", "underscored", "underscores", "reiterated", "reiterates",
    "acknowledged", "confirmed", "confirms", "suggested", "suggests", "urged", "urges",
    "pointed out", "points out", "pointed to", "points to", "remarked", "commented",
    "observed", "maintained", "recalled", "mentioned", "replied", "answered", "wrote",
    "concluded", "assured", "cautioned", "revealed", "admitted", "contended", "predicted",
    "pledged", "pledges", "vowed", "vows", "promised", "promises",
    "proposed", "proposes",
    "called on", "calls on", "called upon", "calls upon", "called for", "calls for",
    "expressed", "expresses", "described", "describes", "reported", "reports",
    "voiced", "reaffirmed", "reaffirms", "told reporters", "told journalists",
    "asked for", "asks for",
)  # fmt: skip
#: Participles that continue an attribution with the same speaker ("he said, noting that …")
#: or, like a verb, introduce reported speech ("presented papers pointing out …").
CONTINUATION_CUES: tuple[str, ...] = (
    "noting", "adding", "saying", "stating", "stressing", "emphasizing", "emphasising",
    "highlighting", "affirming", "underlining", "underscoring", "warning", "explaining",
    "pointing out", "insisting", "asserting", "reiterating", "arguing", "recalling",
    "urging", "calling on", "calling for", "pledging", "vowing", "expressing", "describing",
    "reaffirming",
)  # fmt: skip
#: Phrases that name the source of reported speech ("According to the President, …").
ATTRIBUTION_CUES: tuple[str, ...] = ("according to",)
#: A cue directly after one of these words is a noun or part of a name, not a speech verb:
#: "ten ASEAN member states", "the claims", "United States", "its highlights".
NOT_A_CUE_AFTER: frozenset[str] = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "my", "member", "members", "united", "island", "arab", "gulf", "baltic", "small",
    "sovereign", "nation", "pacific", "federated", "other", "some", "many", "several",
})  # fmt: skip
#: Words that, right before a quotation, make it a title or a name rather than a quote: the
#: theme "Joining Hands Against Fraud", a campaign called "Safe Net", the slogan, "…".
TITLE_WORDS: frozenset[str] = frozenset({
    "theme", "themed", "title", "titled", "entitled", "slogan", "motto", "called", "named",
    "dubbed", "so-called", "campaign", "initiative", "programme", "program", "project",
    "operation", "headline", "book", "report", "film", "song", "banner", "term", "phrase",
    "word", "words", "label", "nicknamed",
})  # fmt: skip


class CueListError(ValueError):
    """A cue list (``cues=`` / ``exclude_cues=``, or the study file's ``quotes:`` keys) cannot be
    used; the message names the source (file), the key, the item and the problem."""


def check_cues(
    values: object, *, source: str = "find_quotes", key: str = "cues"
) -> tuple[str, ...]:
    """Validate a list of speech cues and return it as a tuple of stripped strings.

    Args:
        values: a list (or tuple) of strings, each a matcher pattern ("quipped", "spoke of");
            one string is taken as a list of one; ``None`` is an empty list.
        source: where the list comes from (a study file path), for the message.
        key: the key or argument that holds it (``quotes.cues``), for the message.

    Returns:
        The cues, stripped, in the given order.

    Raises:
        CueListError: (a ``ValueError``) the list is not a list, an item is not a string, is
            empty or blank, or is not a valid pattern. The message names ``source``, ``key``,
            the item's position and the problem.

    Example:
        >>> check_cues(["quipped", " spoke of "])
        ('quipped', 'spoke of')
        >>> check_cues(["ok", ""], source="study.yml", key="quotes.cues")
        Traceback (most recent call last):
        ...
        analysis.cues.CueListError: study.yml: quotes.cues[1]: a cue must be a non-empty string, got ''
    """
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple)):
        raise CueListError(
            f"{source}: {key}: must be a list of strings, got {type(values).__name__}"
        )
    out = []
    for i, v in enumerate(values):
        if not isinstance(v, str) or not v.strip():
            raise CueListError(f"{source}: {key}[{i}]: a cue must be a non-empty string, got {v!r}")
        try:
            compile_patterns({"cue": [v.strip()]})
        except ValueError as err:
            raise CueListError(
                f"{source}: {key}[{i}]: {v!r} is not a valid pattern: {err}"
            ) from None
        out.append(v.strip())
    return tuple(out)
