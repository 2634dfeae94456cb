"""What a boilerplate rule is: :class:`BoilerplateRule` (a named, checked regex) and
:class:`BoilerplateError`.

The rules the package ships, the rule sets and :func:`analysis.cleaning_rules.boilerplate_rules`
(which checks a study's rules specification) are in :mod:`analysis.cleaning_rules`, which
re-exports these names; :func:`analysis.boilerplate.clean_boilerplate` applies the rules.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import regex

__all__ = ["RULE_KEYS", "BoilerplateError", "BoilerplateRule", "Where", "rule_problem"]

Where = Literal["line", "leading", "trailing"]
#: The keys a rule may have in a study file.
RULE_KEYS = ("name", "pattern", "where", "caption_before")
_WHERE = get_args(Where)


class BoilerplateError(ValueError):
    """A boilerplate rule is malformed, or ran out of time on a document (the message says
    which rule, from which source, and where)."""


@functools.lru_cache(maxsize=512)
def _compile(pattern: str, where: str) -> Any:
    # A trailing fragment must end the line: \Z outside a group so that an alternation in the
    # user's pattern cannot escape the anchor.
    return regex.compile(f"(?:{pattern})\\Z" if where == "trailing" else pattern)


def rule_problem(
    name: object, pattern: object, where: object, caption_before: object
) -> str | None:
    """What is wrong with a rule's fields, or None (also for a study file's rule, before it is
    made)."""
    if not isinstance(name, str) or not name.strip():
        return f"the name must be a non-empty string, got {name!r}"
    if not isinstance(pattern, str):
        return f"the pattern must be a string, got {type(pattern).__name__}"
    if not pattern.strip():
        return "the pattern is empty"
    if where not in _WHERE:
        return f"where={where!r} is not allowed; choose one of {', '.join(map(repr, _WHERE))}"
    if not isinstance(caption_before, bool):
        return f"caption_before must be true or false, got {caption_before!r}"
    try:
        _compile(pattern, where)
    except regex.error as err:
        pos = getattr(err, "pos", None)
        at = f" at position {pos}" if pos is not None else ""
        return f"invalid regex {pattern!r}{at}: {getattr(err, 'msg', err)}"
    return None


@dataclass(frozen=True)
class BoilerplateRule:
    """A named boilerplate rule: a regex removing a whole line or a leading/trailing fragment.

    Args:
        name: the name recorded in the audit table (``removed.rule``).
        pattern: a regular expression (``regex`` module syntax, a superset of ``re``) matched
            against each line with surrounding whitespace stripped.
        where: ``"line"`` (the whole line must match), ``"leading"`` (a fragment at the start
            of the line) or ``"trailing"`` (a fragment at its end).
        caption_before: for line rules: the line just above a removed line is removed too
            when it looks like a photo caption (short, no sentence-final punctuation), since
            agencies print a caption line followed by a lone credit line.
        source: where the rule comes from (e.g. the study file), named in errors.

    Raises:
        BoilerplateError: an empty name or pattern, an unknown ``where``, an invalid regex.

    Example:
        >>> rule = BoilerplateRule("byline", r"By [A-Z][a-z]+ [A-Z][a-z]+")
        >>> bool(rule.compiled().fullmatch("By Nguyen Lan"))
        True
    """

    name: str
    pattern: str
    where: Where = "line"
    caption_before: bool = False
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        problem = rule_problem(self.name, self.pattern, self.where, self.caption_before)
        if problem:
            src = f"{self.source}: " if self.source else ""
            raise BoilerplateError(f"{src}boilerplate rule {self.name!r}: {problem}")

    def compiled(self) -> Any:
        """The rule's pattern compiled with the ``regex`` module (anchored at the line end
        for trailing rules)."""
        return _compile(self.pattern, self.where)
