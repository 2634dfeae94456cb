"""Theme coding that can be audited: codebooks, hits with offsets, tables, drill-down, review.

A *codebook* (a dictionary, in quanteda's terms) lists themes; each theme has a description (what
a human coder codes), include patterns, exclude patterns and optional child themes. Coding a
corpus gives the *hits* table, one row per theme match with character offsets, so that every
number in :func:`theme_matrix` or :func:`theme_cooccurrence` can be traced back to the words
(:func:`theme_kwic`) and checked by hand (:func:`export_hits_for_review`).

Patterns are matched by :mod:`analysis.matching` (the one pattern engine; see its docstring for
the syntax: words, phrases, ``*``/``?`` globs, ``regex:``, case and diacritic folding, overlap
rules). This module only turns codebooks into pattern tables and hits into tables.

Codebook formats
    * YAML (``.yml``/``.yaml``; see :func:`load_codebook` for the schema), with nested themes;
    * LIWC-style ``.dic`` files (:func:`load_liwc_dic`), flat.

Nesting
    A parent theme counts its own hits *and* its descendants' hits. The hits table therefore has
    one row per theme a match counts for: "high-tech crimes" gives a ``cybercrime`` row and a
    ``crime`` row. Overlaps are resolved per theme by the matcher, with the parent's pattern list
    being the union of its own and its descendants' patterns, so a parent never counts the same
    token twice. ``level=`` in the tables cuts the tree at a depth (see :func:`theme_matrix`).

Exclusions
    A theme's ``exclude`` patterns are matched with the same matcher; an include hit is dropped
    when its whole span lies inside an exclude match of the theme whose pattern produced it
    (``source``) or of any ancestor of that theme: excludes are inherited downwards. Excluding
    ``social security`` in ``security`` removes ``security`` in "social security" from
    ``security`` and all its children. Each exclude pattern is matched on its own, so overlapping
    exclude phrases never hide each other. Exclusion is applied after the matcher's overlap
    resolution.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import yaml

from analysis._checks import BadUtf8, decode_utf8, require_columns
from analysis._checks import check_choice as _check_choice
from analysis.matching import PatternError, PatternSet, _match, compile_patterns, match, take_str
from analysis.text import is_punct, sentences

__all__ = [
    "CodebookError",
    "Theme",
    "Codebook",
    "load_codebook",
    "load_liwc_dic",
    "code_themes",
    "theme_matrix",
    "pivot_themes",
    "theme_cooccurrence",
    "theme_kwic",
    "export_hits_for_review",
    "HIT_COLUMNS",
]

HIT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "sent",
    "start",
    "end",
    "matched",
    "pattern",
    "key",
    "theme",
    "source",
    "parent",
    "path",
    "depth",
    "tok",
    "n_tok",
    "codebook_sha256",
)

Scope = Literal["key", "all"]
Unit = Literal["doc", "sentence"]
CoUnit = Literal["sentence", "doc"]
Normalize = Literal["per_1k_tokens", "share_of_sentences"]
WindowUnit = Literal["char", "token"]
_SCOPES = ("key", "all")
_UNITS = ("doc", "sentence")
_CO_UNITS = ("sentence", "doc")
_NORMALIZE = (None, "per_1k_tokens", "share_of_sentences")
_WINDOW_UNITS = ("char", "token")

_TOP_KEYS = ("name", "version", "description", "themes")
_THEME_KEYS = ("label", "description", "patterns", "exclude", "themes")
_THEME_ID = re.compile(r"\w[\w.-]*")
_SEP = "/"  # path separator; not allowed in theme ids
_YAML_SUFFIXES = (".yml", ".yaml")
_DIC_SUFFIXES = (".dic",)


class CodebookError(ValueError):
    """A codebook cannot be used. The message names the file, the line and the theme.

    Attributes:
        path: the codebook file.
        line: 1-based line number (None when the problem concerns the whole file).
        theme: the theme id concerned (None for file-level problems).
    """

    def __init__(
        self, path: str | os.PathLike[str], line: int | None, theme: str | None, problem: str
    ):
        self.path, self.line, self.theme, self.problem = str(path), line, theme, problem
        where = str(path)
        if line is not None:
            where += f", line {line}"
        if theme is not None:
            where += f", theme {theme!r}"
        super().__init__(f"{where}: {problem}")


# --------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class Theme:
    """One theme of a codebook.

    Attributes:
        id: the theme id (the ``key`` in hits); unique in the codebook.
        label: human-readable name (defaults to the id).
        description: what a coder codes under this theme (the codebook's definition).
        patterns: include patterns (matcher syntax), in file order.
        exclude: exclude patterns.
        parent: id of the parent theme, None at the top level.
        children: ids of the child themes, in file order.
        path: ids from the top level down, joined with ``/`` (``"crime/cybercrime"``).
        depth: 1 for top-level themes, 2 for their children, ...
        line: line of the theme id in the codebook file.
        pattern_lines, exclude_lines: the line of each pattern.
    """

    id: str
    label: str
    description: str
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    parent: str | None = None
    children: tuple[str, ...] = ()
    path: str = ""
    depth: int = 1
    line: int | None = None
    pattern_lines: tuple[int | None, ...] = ()
    exclude_lines: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class Codebook:
    """A theme codebook: what :func:`load_codebook` returns and :func:`code_themes` applies.

    Attributes:
        name, version, description: from the file's header.
        themes: theme id -> :class:`Theme`, in pre-order (each parent before its children).
        file: the file it was read from.
        sha256: SHA-256 of the file's bytes (recorded in every hit as ``codebook_sha256``).
    """

    name: str
    version: str
    description: str
    themes: dict[str, Theme]
    file: str = ""
    sha256: str = ""
    _cache: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    def __len__(self) -> int:
        return len(self.themes)

    @property
    def ids(self) -> list[str]:
        """Theme ids in pre-order (parents before children, file order otherwise)."""
        return list(self.themes)

    def ancestors(self, theme: str) -> list[str]:
        """Ids of the theme's ancestors, nearest first."""
        out, parent = [], self.themes[theme].parent
        while parent is not None:
            out.append(parent)
            parent = self.themes[parent].parent
        return out

    def descendants(self, theme: str) -> list[str]:
        """Ids of the theme's descendants, in pre-order."""
        prefix = self.themes[theme].path + _SEP
        return [t.id for t in self.themes.values() if t.path.startswith(prefix)]

    def patterns(self) -> pd.DataFrame:
        """Every pattern of the codebook, one row each, for the matcher and for audit.

        Returns:
            Columns ``key`` (theme id), ``pattern``, ``kind`` (``"include"`` or
            ``"exclude"``), ``line`` (line in the codebook file; missing if unknown). A theme's
            own patterns only; nesting is applied by :func:`code_themes`.

        Example:
            >>> cb.patterns().head(2)  # doctest: +SKIP
                       key     pattern     kind  line
            0  cooperation  cooperat*  include    12
        """
        rows = [
            (t.id, p, kind, line)
            for t in self.themes.values()
            for kind, pats, lines in (
                ("include", t.patterns, t.pattern_lines),
                ("exclude", t.exclude, t.exclude_lines),
            )
            for p, line in zip(pats, lines, strict=True)
        ]
        out = pd.DataFrame(rows, columns=["key", "pattern", "kind", "line"])
        return out.astype({"key": str, "pattern": str, "kind": str, "line": "Int64"})

    def to_frame(self) -> pd.DataFrame:
        """The themes as a table (for reports and the codebook appendix of a study).

        Returns:
            One row per theme in pre-order: ``theme, label, description, parent, path, depth,
            n_patterns, n_exclude, line``.
        """
        ts = list(self.themes.values())
        return pd.DataFrame(
            {
                "theme": pd.Series([t.id for t in ts], dtype=str),
                "label": pd.Series([t.label for t in ts], dtype=str),
                "description": pd.Series([t.description for t in ts], dtype=str),
                "parent": pd.Series([t.parent for t in ts], dtype=str),
                "path": pd.Series([t.path for t in ts], dtype=str),
                "depth": np.array([t.depth for t in ts], np.int64),
                "n_patterns": np.array([len(t.patterns) for t in ts], np.int64),
                "n_exclude": np.array([len(t.exclude) for t in ts], np.int64),
                "line": pd.array([t.line for t in ts], dtype="Int64"),
            }
        )

    # -- pattern tables for the matcher (cached: a Codebook is immutable) ----------------

    def _include_table(self, scope: str) -> pd.DataFrame:
        """``key, pattern, source`` rows for the matcher.

        For scope "key" each theme's key lists its own and its descendants' patterns (deduplicated
        by pattern text, first in pre-order wins), so the matcher resolves overlaps for the
        rolled-up parent too. For scope "all" each pattern appears once, under its own theme, and
        the roll-up happens after matching.
        """
        cached = self._cache.get(("include", scope))
        if cached is not None:
            return cached
        rows = []
        for t in self.themes.values():
            members = [t.id] + (self.descendants(t.id) if scope == "key" else [])
            seen: set[str] = set()
            for member in members:
                for p in self.themes[member].patterns:
                    if p not in seen:
                        seen.add(p)
                        rows.append((t.id, p, member))
        table = pd.DataFrame(rows, columns=["key", "pattern", "source"], dtype=str)
        self._cache[("include", scope)] = table
        return table

    def _pattern_set(self, kind: str, scope: str = "key") -> PatternSet | None:
        cached = self._cache.get(("ps", kind, scope))
        if cached is None:
            if kind == "include":
                table = self._include_table(scope)
            else:
                table = self._exclude_table()
                table = pd.DataFrame({"key": table["xid"], "pattern": table["pattern"]})
            cached = compile_patterns(table) if len(table) else None
            self._cache[("ps", kind, scope)] = cached
        return cached

    def _exclude_table(self) -> pd.DataFrame:
        """``xid, owner, pattern``: every exclude pattern gets its own matcher key (``xid``)."""
        cached = self._cache.get("exclude")
        if cached is None:
            rows = [(t.id, p) for t in self.themes.values() for p in t.exclude]
            cached = pd.DataFrame(
                {
                    "xid": pd.Series([f"x{i}" for i in range(len(rows))], dtype=str),
                    "owner": pd.Series([r[0] for r in rows], dtype=str),
                    "pattern": pd.Series([r[1] for r in rows], dtype=str),
                }
            )
            self._cache["exclude"] = cached
        return cached

    def _subtree_pairs(self) -> pd.DataFrame:
        """``owner, target``: every theme with itself and each of its descendants."""
        rows = [(t, d) for t in self.themes for d in [t, *self.descendants(t)]]
        return pd.DataFrame(rows, columns=["owner", "target"], dtype=str)


# --------------------------------------------------------------------------- reading files


def _read_bytes(path: str | os.PathLike[str], kind: str) -> tuple[Path, bytes, str]:
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{kind} not found: {p}")
    if not p.is_file():
        raise CodebookError(p, None, None, f"is not a file; expected a {kind} file")
    raw = p.read_bytes()
    try:
        text = decode_utf8(raw)
    except BadUtf8 as err:
        raise CodebookError(
            p,
            err.line,
            None,
            f"not valid UTF-8 at byte offset {err.offset}; re-save the file as UTF-8",
        ) from None
    if not text.strip():
        raise CodebookError(p, None, None, f"file is empty; a {kind} needs at least one theme")
    return p, raw, text


def _check_pattern(path: Path, theme: str, line: int | None, pattern: str) -> None:
    """Let the matcher judge the pattern (one syntax, one place) and point at the file line."""
    try:
        compile_patterns({theme: [pattern]})
    except PatternError as err:
        raise CodebookError(path, line, theme, f"invalid pattern {pattern!r}: {err}") from None


def load_codebook(path: str | os.PathLike[str]) -> Codebook:
    """Read and check a theme codebook (YAML, or a LIWC ``.dic`` file by its suffix).

    YAML schema (read with PyYAML's safe loader; unknown keys are errors)::

        name: asean_china_crime          # required
        version: "1.0"                   # optional, read as text
        description: What the codebook is for.
        themes:                          # required: theme id -> theme
          crime:                         # id: letters, digits, _ . - (unique in the file)
            label: Crime                 # optional, defaults to the id
            description: What a coder codes here.   # required
            patterns: [crime*, criminal*]            # include patterns (matcher syntax)
            exclude: [crime fiction]                 # optional
            themes:                                  # optional child themes, same schema
              cybercrime:
                description: ...
                patterns: [cyber*, high-tech crime*]

    Patterns and text fields are taken as written (``no``, ``on`` or ``1991`` stay text); a
    pattern item written as ``- regex: \\d+`` (a YAML mapping) is read as ``"regex:\\d+"``.
    A theme needs patterns or child themes. Every pattern is compiled by the matcher on loading,
    so a bad ``regex:`` fails here with its line.

    Args:
        path: a ``.yml``/``.yaml`` codebook or a LIWC ``.dic`` file (see :func:`load_liwc_dic`).

    Returns:
        A :class:`Codebook` (themes in pre-order; ``sha256`` of the file bytes).

    Raises:
        FileNotFoundError: the file does not exist.
        CodebookError: (a ``ValueError``) unknown suffix, not UTF-8, empty file, bad YAML syntax,
            unknown key (with a did-you-mean), a theme without patterns or children, an invalid
            pattern or regex, a duplicate theme id or key, a missing description, or a value of
            the wrong type. The message names the file, the line and the theme.

    Example:
        >>> cb = load_codebook("data/codebooks/asean_china_crime.yml")
        >>> cb.themes["cybercrime"].path
        'crime/cybercrime'
    """
    suffix = Path(path).suffix.lower()
    if suffix in _DIC_SUFFIXES:
        return load_liwc_dic(path)
    if suffix not in _YAML_SUFFIXES:
        raise CodebookError(
            path,
            None,
            None,
            f"unknown codebook format {suffix or '(no suffix)'!r}; use "
            + ", ".join(_YAML_SUFFIXES + _DIC_SUFFIXES),
        )
    p, raw, text = _read_bytes(path, "codebook")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        # The construct that is broken (an unclosed list or quote) starts at the context mark,
        # often lines before the place where the parser noticed; name both.
        ctx = err.context_mark.line + 1 if err.context_mark is not None else None
        problem = str(err.problem or err.context or "cannot parse")
        if err.context:
            what = re.sub(r"^while (parsing|scanning) ", "", str(err.context))
            began = f" that began at line {ctx}" if ctx is not None and ctx != line else ""
            problem += f" (in {what}{began})"
        if re.search(r"'[?*&!|>%@`]'|alias|anchor|escape", problem):
            problem += (
                "; quote patterns that start with * or contain ? inside [...] lists, and write "
                "regex patterns in single quotes ('regex:\\d+') or as - regex: \\d+"
            )
        raise CodebookError(
            p, line, _theme_near(text, ctx or line), f"invalid YAML: {problem}"
        ) from None
    except yaml.YAMLError as err:  # e.g. a reader error on a control character
        raise CodebookError(p, None, None, f"invalid YAML: {err}") from None
    return _YamlReader(p, raw).read(root)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _theme_near(text: str, line: int | None) -> str | None:
    """Best guess of the theme being written at ``line`` when the YAML cannot be parsed:
    the nearest mapping key above it that is not a field name."""
    if line is None:
        return None
    key_re = re.compile(r"^\s*['\"]?(\w[\w.-]*)['\"]?\s*:\s*(#.*)?$")
    for ln in reversed(text.splitlines()[:line]):
        m = key_re.match(ln)
        if m and m.group(1) not in _TOP_KEYS + _THEME_KEYS:
            return m.group(1)
    return None


class _YamlReader:
    """Walks the composed YAML node tree so that every error can name its line."""

    def __init__(self, path: Path, raw: bytes):
        self.path, self.raw = path, raw
        self.themes: dict[str, Theme] = {}
        self.first_line: dict[str, int] = {}

    def fail(self, node: yaml.Node | None, theme: str | None, problem: str) -> CodebookError:
        return CodebookError(self.path, None if node is None else _line(node), theme, problem)

    def mapping(
        self, node: yaml.Node, theme: str | None, what: str, allowed: Sequence[str] | None
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key -> (key node, value node), rejecting non-mappings, duplicate and unknown keys."""
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, theme, f"{what} must be a mapping (key: value lines)")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                raise self.fail(knode, theme, f"{what} has a key that is not plain text")
            key = knode.value
            if key in out:
                # PyYAML silently keeps the last duplicate; a codebook must not lose a theme.
                first = _line(out[key][0])
                if allowed is None:  # a mapping of theme ids
                    raise self.fail(
                        knode, key, f"duplicate theme id in {what} (first defined at line {first})"
                    )
                raise self.fail(
                    knode, theme, f"duplicate key {key!r} in {what} (first at line {first})"
                )
            if allowed is not None and key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise self.fail(
                    knode,
                    theme,
                    f"unknown key {key!r} in {what}{hint} (allowed: {', '.join(allowed)})",
                )
            out[key] = (knode, vnode)
        return out

    def text(self, node: yaml.Node, theme: str | None, what: str, *, required: bool) -> str | None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:null" or not node.value.strip():
                if required:
                    raise self.fail(node, theme, f"{what} is empty")
                return None
            return node.value.strip()
        raise self.fail(node, theme, f"{what} must be text, not a {_kind(node)}")

    def pattern_list(self, node: yaml.Node, theme: str, what: str) -> tuple[list[str], list[int]]:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return [], []
        if not isinstance(node, yaml.SequenceNode):
            example = node.value if isinstance(node, yaml.ScalarNode) else "..."
            raise self.fail(
                node,
                theme,
                f"{what} must be a list of patterns, not a {_kind(node)} "
                f"(write {what}: [{example}] or one '- pattern' per line)",
            )
        pats, lines = [], []
        for item in node.value:
            if (
                isinstance(item, yaml.MappingNode)
                and len(item.value) == 1
                and isinstance(item.value[0][0], yaml.ScalarNode)
                and item.value[0][0].value == "regex"
                and isinstance(item.value[0][1], yaml.ScalarNode)
            ):
                # "- regex: \d+" is a YAML mapping; read it as the pattern the user meant.
                pattern = "regex:" + item.value[0][1].value
            elif isinstance(item, yaml.ScalarNode):
                pattern = item.value.strip()
            else:
                raise self.fail(
                    item,
                    theme,
                    f"each item of {what} must be a pattern (text), not a {_kind(item)}",
                )
            if not pattern:
                raise self.fail(item, theme, f"empty pattern in {what}")
            _check_pattern(self.path, theme, _line(item), pattern)
            pats.append(pattern)
            lines.append(_line(item))
        return pats, lines

    def theme(self, knode: yaml.Node, vnode: yaml.Node, parent: Theme | None) -> None:
        tid = knode.value
        if not _THEME_ID.fullmatch(tid):
            raise self.fail(
                knode,
                tid,
                "invalid theme id; use letters, digits, '_', '.' or '-' (no spaces or '/'), "
                "and put the readable name in 'label'",
            )
        if tid in self.themes or tid in self.first_line:
            raise self.fail(
                knode, tid, f"duplicate theme id (first defined at line {self.first_line[tid]})"
            )
        self.first_line[tid] = _line(knode)
        fields = self.mapping(vnode, tid, f"theme {tid!r}", _THEME_KEYS)
        if "description" not in fields:
            raise self.fail(
                knode, tid, "missing 'description' (coders code from it; say what counts)"
            )
        description = self.text(fields["description"][1], tid, "description", required=True)
        label = (
            self.text(fields["label"][1], tid, "label", required=False)
            if "label" in fields
            else None
        )
        pats, plines = (
            self.pattern_list(fields["patterns"][1], tid, "patterns")
            if "patterns" in fields
            else ([], [])
        )
        excl, xlines = (
            self.pattern_list(fields["exclude"][1], tid, "exclude")
            if "exclude" in fields
            else ([], [])
        )
        child_nodes: list[tuple[yaml.Node, yaml.Node]] = []
        if "themes" in fields:
            cnode = fields["themes"][1]
            if not (isinstance(cnode, yaml.ScalarNode) and cnode.tag == "tag:yaml.org,2002:null"):
                child_nodes = list(self.mapping(cnode, tid, f"themes of {tid!r}", None).values())
        if not pats and not child_nodes:
            raise self.fail(knode, tid, "empty theme: give it patterns or child themes")
        path = tid if parent is None else parent.path + _SEP + tid
        theme = Theme(
            id=tid,
            label=label or tid,
            description=description or "",
            patterns=tuple(pats),
            exclude=tuple(excl),
            parent=None if parent is None else parent.id,
            children=tuple(k.value for k, _ in child_nodes),
            path=path,
            depth=path.count(_SEP) + 1,
            line=_line(knode),
            pattern_lines=tuple(plines),
            exclude_lines=tuple(xlines),
        )
        self.themes[tid] = theme  # pre-order: parent before its children
        for ck, cv in child_nodes:
            self.theme(ck, cv, theme)

    def read(self, root: yaml.Node | None) -> Codebook:
        if root is None:
            raise CodebookError(self.path, None, None, "file has no YAML content")
        top = self.mapping(root, None, "the codebook", _TOP_KEYS)
        for key in ("name", "themes"):
            if key not in top:
                raise self.fail(root, None, f"missing top-level key {key!r}")
        name = self.text(top["name"][1], None, "name", required=True)
        version = (
            self.text(top["version"][1], None, "version", required=False)
            if "version" in top
            else None
        )
        desc = (
            self.text(top["description"][1], None, "description", required=False)
            if "description" in top
            else None
        )
        themes_node = top["themes"][1]
        if isinstance(themes_node, yaml.ScalarNode) and themes_node.tag == "tag:yaml.org,2002:null":
            raise self.fail(
                themes_node, None, "'themes' is empty; a codebook needs at least one theme"
            )
        for knode, vnode in self.mapping(themes_node, None, "themes", None).values():
            self.theme(knode, vnode, None)
        if not self.themes:
            raise self.fail(
                themes_node, None, "'themes' is empty; a codebook needs at least one theme"
            )
        return Codebook(
            name=name or "",
            version=version or "",
            description=desc or "",
            themes=self.themes,
            file=str(self.path),
            sha256=hashlib.sha256(self.raw).hexdigest(),
        )


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value"


_DIC_HEADER = re.compile(r"(\d+)\s+(\S+)(?:\s+(.*))?")
_DIC_ENTRY = re.compile(r"(.+?)\s+(\d+(?:\s+\d+)*)")


def load_liwc_dic(path: str | os.PathLike[str]) -> Codebook:
    """Read a LIWC-style ``.dic`` dictionary as a flat codebook.

    Format: a header between two lines holding only ``%`` that lists the categories as
    ``<number> <name> [label]``, then one entry per line: the word or phrase, a tab (or spaces),
    and the numbers of its categories::

        %
        1	posemo
        2	negemo
        %
        happy	1
        sad*	2
        kind of	1 2

    Entries map to patterns of the matcher: ``*`` stems stay globs, multi-word entries become
    phrases, matching is case- and diacritic-insensitive. Category names become theme ids (the
    number is kept in the description). LIWC2007's conditional entries (``like (02 134)...``)
    are not supported and raise an error naming the line.

    Args:
        path: the ``.dic`` file (UTF-8).

    Returns:
        A :class:`Codebook` with one top-level theme per category, in header order; ``name`` is
        the file stem, ``sha256`` of the file bytes.

    Raises:
        FileNotFoundError: the file does not exist.
        CodebookError: not UTF-8, empty, no ``%`` header, a malformed header or entry line, a
            duplicate category number or name, an entry naming an undefined category, a category
            without entries, or an entry the matcher cannot compile. Names file, line, category.

    Example:
        >>> cb = load_liwc_dic("tests/fixtures/themes/tiny.dic")  # doctest: +SKIP
        >>> cb.themes["posemo"].patterns  # doctest: +SKIP
        ('happy', 'kind of')
    """
    p, raw, text = _read_bytes(path, "LIWC dictionary")
    lines = text.splitlines()
    marks = [i for i, ln in enumerate(lines) if ln.strip() == "%"]
    if len(marks) < 2:
        raise CodebookError(
            p,
            None,
            None,
            "no category header: a .dic file starts with the categories between two '%' lines",
        )
    first, second = marks[0], marks[1]
    if any(ln.strip() for ln in lines[:first]):
        raise CodebookError(p, first, None, "text before the opening '%' line")
    cats: dict[str, tuple[str, str, int]] = {}  # number -> (name, label, line)
    names: dict[str, int] = {}
    for i in range(first + 1, second):
        ln = lines[i].strip()
        if not ln:
            continue
        m = _DIC_HEADER.fullmatch(ln)
        if not m:
            raise CodebookError(
                p, i + 1, None, f"malformed category line {ln!r}; expected '<number> <name>'"
            )
        num, name, label = m.group(1), m.group(2), (m.group(3) or "").strip()
        num = str(int(num))
        if not _THEME_ID.fullmatch(name):
            raise CodebookError(
                p, i + 1, name, "invalid category name; use letters, digits, '_', '.' or '-'"
            )
        if num in cats:
            raise CodebookError(
                p, i + 1, name, f"duplicate category number {num} (first at line {cats[num][2]})"
            )
        if name in names:
            raise CodebookError(
                p, i + 1, name, f"duplicate category name (first at line {names[name]})"
            )
        cats[num] = (name, label, i + 1)
        names[name] = i + 1
    if not cats:
        raise CodebookError(p, second + 1, None, "the '%' header lists no categories")
    words: dict[str, list[tuple[str, int]]] = {num: [] for num in cats}
    for i in range(second + 1, len(lines)):
        ln = lines[i].strip()
        if not ln:
            continue
        m = _DIC_ENTRY.fullmatch(ln)
        if not m:
            raise CodebookError(
                p,
                i + 1,
                None,
                f"malformed entry {ln!r}; expected '<word or phrase><TAB><category numbers>'",
            )
        entry = m.group(1).strip()
        for num in m.group(2).split():
            num = str(int(num))
            if num not in cats:
                raise CodebookError(
                    p, i + 1, None, f"entry {entry!r} names undefined category {num}"
                )
            _check_pattern(p, cats[num][0], i + 1, entry)
            if entry not in [w for w, _ in words[num]]:
                words[num].append((entry, i + 1))
    themes: dict[str, Theme] = {}
    for num, (name, label, line) in cats.items():
        if not words[num]:
            raise CodebookError(p, line, name, "empty category: no entry lists it")
        themes[name] = Theme(
            id=name,
            label=label or name,
            description=f"LIWC category {num} ({label or name}) imported from {p.name}",
            patterns=tuple(w for w, _ in words[num]),
            path=name,
            depth=1,
            line=line,
            pattern_lines=tuple(ln for _, ln in words[num]),
        )
    return Codebook(
        name=p.stem,
        version="",
        description=f"Imported from the LIWC dictionary {p.name}",
        themes=themes,
        file=str(p),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


# --------------------------------------------------------------------------- coding


def _as_codebook(codebook: Codebook | str | os.PathLike[str]) -> Codebook:
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, os.PathLike)):
        return load_codebook(codebook)
    raise TypeError(f"codebook must be a Codebook or a path, got {type(codebook).__name__}")


def _contained(
    doc: np.ndarray,
    target: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    x_doc: np.ndarray,
    x_target: np.ndarray,
    x_start: np.ndarray,
    x_end: np.ndarray,
) -> np.ndarray:
    """For each hit span, the index of an exclude span of the same doc and target theme that
    contains it, or -1. One sort and one binary search: O((n + m) log m).

    Among the excludes of the hit's group that start at or before the hit, the one reaching
    furthest decides; a running maximum of the ends gives it for all prefixes at once.
    """
    if len(x_doc) == 0 or len(doc) == 0:
        return np.full(len(doc), -1, np.int64)
    width = int(max(end.max(), x_end.max())) + 2  # offsets are smaller than this
    n_t = int(max(target.max(), x_target.max())) + 1
    g_hit = doc.astype(np.int64) * n_t + target
    g_x = x_doc.astype(np.int64) * n_t + x_target
    order = np.lexsort((x_start, g_x))
    gx, xs, xe = g_x[order], x_start[order], x_end[order]
    # Group-shifted ends: the running maximum restarts at each group because every value of a
    # later group is larger than any value of an earlier one.
    shifted = xe + gx * width
    run_max = np.maximum.accumulate(shifted)
    argmax = np.maximum.accumulate(np.where(shifted == run_max, np.arange(len(xe)), 0))
    i = np.searchsorted(gx * width + xs, g_hit * width + start, side="right") - 1
    j = np.clip(i, 0, None)
    ok = (i >= 0) & (gx[j] == g_hit) & (run_max[j] - gx[j] * width >= end)
    return np.where(ok, order[argmax[j]], -1)


def code_themes(
    tokens: pd.DataFrame,
    codebook: Codebook | str | os.PathLike[str],
    *,
    docs: pd.DataFrame | None = None,
    scope: Scope = "key",
    keep_excluded: bool = False,
) -> pd.DataFrame:
    """Code a tokenised corpus with a codebook: one row per theme hit, traceable to the text.

    Matching is done by :func:`analysis.matching.match` (vectorised, all patterns at once);
    exclusion containment is one sort and one binary search. Nesting and exclusions follow the
    module docstring: a parent counts its descendants' matches (overlaps resolved over the union
    of their patterns), and an exclude match removes the hits of its theme and its descendants
    whose span lies inside it.

    Args:
        tokens: tokens table from :func:`analysis.text.tokenize`.
        codebook: a :class:`Codebook` or a codebook path for :func:`load_codebook`.
        docs: the docs table; when given, ``matched`` is exactly ``text[start:end]``.
        scope: ``"key"`` (default) — themes code independently, so "security cooperation" counts
            for a security theme and a cooperation theme; ``"all"`` — matches are exclusive
            across the codebook (longest wins), then rolled up to the parents.
        keep_excluded: also return the hits removed by an exclude pattern, with the column
            ``excluded_by`` (the exclude pattern; missing for counted hits), to audit the
            exclusions. Such a table is for inspection only; the table functions reject it.

    Returns:
        The hits table, sorted by document order, ``start``, theme pre-order: ``doc_id``
        (categorical), ``sent``, ``start``, ``end`` (character offsets), ``matched`` (the text),
        ``pattern`` (as written in the codebook), ``key`` (the theme counted; equal to
        ``theme``), ``theme``, ``source`` (the theme whose pattern matched: ``key`` itself or a
        descendant), ``parent`` (parent of ``key``; missing at the top level), ``path``,
        ``depth``, ``tok`` (first token position), ``n_tok``, ``codebook_sha256``.

    Raises:
        ValueError: a bad ``scope``. CodebookError / FileNotFoundError when loading a path.

    Example:
        >>> from analysis.text import tokenize_text
        >>> cb = load_codebook("data/codebooks/asean_china_crime.yml")
        >>> hits = code_themes(tokenize_text("They fight high-tech crimes."), cb)
        >>> hits[["matched", "key", "source"]].values.tolist()
        [['high-tech crimes', 'crime', 'cybercrime'], ['high-tech crimes', 'cybercrime', 'cybercrime']]
    """
    _check_choice("scope", scope, _SCOPES)
    cb = _as_codebook(codebook)
    include = cb._include_table(scope)
    ps = cb._pattern_set("include", scope)
    assert ps is not None  # a loaded codebook has at least one pattern
    # Work on integer theme codes: the include table's rows are the pattern set's entries.
    m, entry = _match(tokens, ps, scope, docs)
    ids = pd.Index(cb.ids, dtype=object)
    key = ids.get_indexer(include["key"]).astype(np.int64)[entry]
    src = ids.get_indexer(include["source"]).astype(np.int64)[entry]
    rows = np.arange(len(m))
    if scope == "all":
        # Exclusive matches under their own theme: count them for every ancestor as well.
        pairs = cb._subtree_pairs()
        owner = ids.get_indexer(pairs["owner"]).astype(np.int64)
        target = ids.get_indexer(pairs["target"]).astype(np.int64)
        by_target = np.argsort(target, kind="stable")
        owner, target = owner[by_target], target[by_target]
        n_owners = np.bincount(target, minlength=len(ids))
        ptr = np.cumsum(n_owners) - n_owners
        per = n_owners[src]
        rows = np.repeat(rows, per)
        within = np.arange(len(rows)) - np.repeat(np.cumsum(per) - per, per)
        key = owner[np.repeat(ptr[src], per) + within]
        src = src[rows]

    doc_codes = m["doc_id"].array.codes.astype(np.int64)[rows]
    start = m["start"].to_numpy(np.int64)[rows]
    end = m["end"].to_numpy(np.int64)[rows]
    excluded_by = np.full(len(rows), -1, np.int64)
    xps = cb._pattern_set("exclude")
    x_pattern: list[str] = []
    if xps is not None and len(rows):
        xm = match(tokens, xps, scope="key")
        xt = cb._exclude_table()
        xm = xm[["doc_id", "start", "end", "key"]].merge(
            xt.rename(columns={"xid": "key"}), on="key"
        )
        xm = xm.merge(cb._subtree_pairs(), on="owner")
        x_pattern = xm["pattern"].astype(str).tolist()
        excluded_by = _contained(
            doc_codes, src, start, end,
            xm["doc_id"].array.codes.astype(np.int64),
            ids.get_indexer(xm["target"]).astype(np.int64),
            xm["start"].to_numpy(np.int64), xm["end"].to_numpy(np.int64),
        )  # fmt: skip
    sel = np.ones(len(rows), bool) if keep_excluded else excluded_by < 0
    n_tok = m["n_tok"].to_numpy(np.int64)[rows]
    idx = np.flatnonzero(sel)
    idx = idx[np.lexsort((-n_tok[idx], key[idx], start[idx], doc_codes[idx]))]
    r, k = rows[idx], key[idx]
    ts = list(cb.themes.values())
    out = pd.DataFrame(
        {
            "doc_id": pd.Categorical.from_codes(doc_codes[idx], dtype=m["doc_id"].dtype),
            "sent": m["sent"].to_numpy()[r],
            "start": start[idx],
            "end": end[idx],
            "matched": m["matched"].take(r).reset_index(drop=True),
            "pattern": m["pattern"].take(r).reset_index(drop=True),
            "key": take_str(cb.ids, k),
            "theme": take_str(cb.ids, k),
            "source": take_str(cb.ids, src[idx]),
            "parent": take_str([t.parent for t in ts], k),
            "path": take_str([t.path for t in ts], k),
            "depth": np.array([t.depth for t in ts], np.int64)[k],
            "tok": m["tok"].to_numpy()[r],
            "n_tok": n_tok[idx],
            "codebook_sha256": take_str([cb.sha256], np.zeros(len(idx), np.int64)),
        }
    )
    if keep_excluded:
        x = excluded_by[idx]
        out["excluded_by"] = take_str([*x_pattern, None], np.where(x < 0, len(x_pattern), x))
    return out


# --------------------------------------------------------------------------- tables


def _check_hits(hits: pd.DataFrame, columns: Iterable[str]) -> None:
    require_columns(hits, columns, "hits", "make it with code_themes()")
    if "excluded_by" in hits.columns and hits["excluded_by"].notna().any():
        raise ValueError(
            "hits contains excluded rows (code_themes(keep_excluded=True)); "
            "use hits[hits['excluded_by'].isna()] for counting"
        )


@dataclass(frozen=True)
class _Tree:
    ids: list[str]  # pre-order
    path: dict[str, str]
    depth: dict[str, int]
    leaf: dict[str, bool]


def _tree(hits: pd.DataFrame, codebook: Codebook | None) -> _Tree:
    """The theme tree from the codebook, or (without one) from the themes present in hits."""
    if codebook is not None:
        ts = codebook.themes.values()
        return _Tree(
            [t.id for t in ts],
            {t.id: t.path for t in ts},
            {t.id: t.depth for t in ts},
            {t.id: not t.children for t in ts},
        )
    if "path" in hits.columns:
        pairs = hits[["key", "path"]].drop_duplicates()
        path = dict(zip(pairs["key"].astype(str), pairs["path"].astype(str), strict=True))
    else:
        path = {k: k for k in pd.unique(hits["key"].astype(str))}
    ids = sorted(path, key=lambda k: path[k].split(_SEP))
    leaf = {k: not any(p.startswith(path[k] + _SEP) for p in path.values()) for k in ids}
    return _Tree(ids, path, {k: path[k].count(_SEP) + 1 for k in ids}, leaf)


def _select(tree: _Tree, level: int | None) -> list[str]:
    """Themes at ``level``: the tree cut at that depth (themes of that depth, plus leaves above
    it), so that every branch is counted once; all themes when ``level`` is None."""
    if level is None:
        return tree.ids
    if isinstance(level, bool) or not isinstance(level, (int, np.integer)) or level < 1:
        raise ValueError(
            f"level={level!r} must be None or a positive integer (1 = top-level themes)"
        )
    return [
        t for t in tree.ids if tree.depth[t] == level or (tree.depth[t] < level and tree.leaf[t])
    ]


def theme_matrix(
    hits: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    tokens: pd.DataFrame | None = None,
    codebook: Codebook | None = None,
    by: str | None = None,
    unit: Unit = "doc",
    normalize: Normalize | None = None,
    level: int | None = None,
) -> pd.DataFrame:
    """Count themes per document or per group, in tidy long form (one row per unit and theme).

    Every row is complete: themes without hits have count 0, so means and shares are right.
    Each ``count`` is the number of rows of the hit table behind it: with ``unit="doc"`` the hits
    of that theme in the document(s); with ``unit="sentence"`` the distinct ``(doc_id, sent)``
    among them. :func:`theme_kwic` lists those hits.

    Args:
        hits: from :func:`code_themes`.
        docs: the docs table: the documents to count over (documents without hits get 0) and
            the ``by`` column.
        tokens: the tokens table; needed by ``normalize``.
        codebook: the codebook: lists themes with no hit at all and defines the tree for
            ``level``. Without it, the themes present in ``hits`` are used.
        by: a docs column to group documents by (``"outlet"``); None gives one row set per
            document. Missing values form their own group.
        unit: ``"doc"`` counts hits; ``"sentence"`` counts sentences with at least one hit.
        normalize: None; ``"per_1k_tokens"`` (with ``unit="doc"``) adds ``n_tokens`` (word
            tokens, punctuation excluded via :func:`analysis.text.is_punct`) and
            ``per_1k_tokens`` = 1000 · count / n_tokens; ``"share_of_sentences"`` (with
            ``unit="sentence"``) adds ``n_sentences`` and ``share_of_sentences`` = count /
            n_sentences. NaN where the denominator is 0.
        level: None — every theme, a parent counting its descendants' hits (rows overlap);
            ``k`` — the tree cut at depth ``k``: themes of depth ``k`` and childless themes
            above it, so the rows of one unit never count a match twice. ``level=1`` gives the
            top-level themes.

    Returns:
        Columns ``doc_id`` (or ``group`` when ``by`` is given; in order of first appearance in
        docs), ``theme`` (codebook pre-order), ``depth``, ``count`` (int64), then the
        normalisation columns listed above.

    Raises:
        ValueError: a bad ``unit``/``normalize``/``level``, an incoherent combination, missing
            ``tokens`` for ``normalize``, an unknown ``by`` column, hits of documents not in
            ``docs`` or of themes not in ``codebook``.

    Example:
        >>> theme_matrix(hits, docs, by="outlet", level=1)  # doctest: +SKIP
                              group              theme  depth  count
        0  VNA (Vietnam News Agency)        cooperation      1      9
    """
    _check_choice("unit", unit, _UNITS)
    _check_choice("normalize", normalize, _NORMALIZE)
    if normalize == "per_1k_tokens" and unit != "doc":
        raise ValueError("normalize='per_1k_tokens' counts hits: use it with unit='doc'")
    if normalize == "share_of_sentences" and unit != "sentence":
        raise ValueError("normalize='share_of_sentences' needs unit='sentence'")
    if normalize is not None and tokens is None:
        raise ValueError(f"normalize={normalize!r} needs the tokens table: pass tokens=")
    _check_hits(hits, ["doc_id", "key"] + (["sent"] if unit == "sentence" else []))
    if by is not None and by not in docs.columns:
        raise ValueError(
            f"by={by!r} is not a docs column (has: {', '.join(map(str, docs.columns))})"
        )
    tree = _tree(hits, codebook)
    themes = _select(tree, level)
    doc_ids = docs["doc_id"].astype(str)
    doc_index = pd.Index(doc_ids.to_numpy(dtype=object))
    # Integer codes throughout: a million hits must not become a million Python strings.
    hit_doc = _positions(hits["doc_id"], doc_index)
    if (hit_doc < 0).any():
        unknown = sorted(set(hits["doc_id"].astype(str)[hit_doc < 0]))
        raise ValueError(f"hits have doc_id(s) not in docs: {', '.join(map(repr, unknown[:5]))}")
    key_codes, key_uniques = pd.factorize(hits["key"].astype(str))
    if codebook is not None:
        odd = sorted(set(key_uniques) - set(tree.ids))
        if odd:
            raise ValueError(
                f"hits have theme(s) not in the codebook: {', '.join(map(repr, odd[:5]))}"
            )

    col = "doc_id" if by is None else "group"
    groups = doc_ids if by is None else docs[by]
    # Groups in order of first appearance; a missing value is a group of its own.
    g_codes, g_uniques = pd.factorize(groups, use_na_sentinel=False)
    n_g, n_t = len(g_uniques), len(themes)
    t_code = pd.Index(themes, dtype=object).get_indexer(pd.Index(key_uniques, dtype=object))[
        key_codes
    ]
    sel = t_code >= 0
    if unit == "sentence":
        # distinct (document, sentence, theme) units as one integer each
        sent = hits["sent"].to_numpy().astype(np.int64)[sel]
        width = int(sent.max()) + 1 if len(sent) else 1
        unit_key = np.unique((hit_doc[sel] * width + sent) * n_t + t_code[sel])
        t_sel, d_sel = unit_key % n_t, unit_key // n_t // width
    else:
        t_sel, d_sel = t_code[sel], hit_doc[sel]
    counts = np.bincount(g_codes[d_sel] * n_t + t_sel, minlength=n_g * n_t).astype(np.int64)
    group_col = pd.Series(np.repeat(np.asarray(g_uniques, dtype=object), n_t))
    if by is None or pd.api.types.is_string_dtype(docs[by]):
        group_col = group_col.astype(str)
    out = pd.DataFrame(
        {
            col: group_col,
            "theme": pd.Series(np.tile(np.asarray(themes, dtype=object), n_g), dtype=str),
            "depth": np.tile(np.array([tree.depth[t] for t in themes], np.int64), n_g),
            "count": counts,
        }
    )
    if normalize is not None:
        assert tokens is not None
        tok_doc = _positions(tokens["doc_id"], doc_index)
        inside = tok_doc >= 0  # tokens of documents outside docs are ignored
        if normalize == "per_1k_tokens":
            words = ~is_punct(tokens) & inside
            per_doc = np.bincount(tok_doc[words], minlength=len(doc_index))
            name, rate, scale = "n_tokens", "per_1k_tokens", 1000.0
        else:
            snt = tokens["sent"].to_numpy().astype(np.int64)[inside]
            width = int(snt.max()) + 1 if len(snt) else 1
            pairs = np.unique(tok_doc[inside] * width + snt)
            per_doc = np.bincount(pairs // width, minlength=len(doc_index))
            name, rate, scale = "n_sentences", "share_of_sentences", 1.0
        denom = np.bincount(g_codes, weights=per_doc, minlength=n_g).astype(np.int64)
        d = np.repeat(denom, n_t)
        out[name] = d
        out[rate] = np.where(d > 0, scale * counts / np.maximum(d, 1), np.nan)
    return out


def _positions(doc_col: pd.Series, doc_index: pd.Index) -> np.ndarray:
    """Row of ``doc_index`` for every value of ``doc_col`` (-1 when absent), looked up once per
    distinct document rather than once per row."""
    if isinstance(doc_col.dtype, pd.CategoricalDtype):
        per_cat = doc_index.get_indexer(pd.Index(doc_col.cat.categories.astype(str), dtype=object))
        return (
            per_cat.astype(np.int64)[doc_col.array.codes] if len(doc_col) else np.zeros(0, np.int64)
        )
    codes, uniques = pd.factorize(doc_col.astype(str))
    return doc_index.get_indexer(pd.Index(uniques, dtype=object)).astype(np.int64)[codes]


def pivot_themes(matrix: pd.DataFrame, *, values: str = "count") -> pd.DataFrame:
    """Wide view of a :func:`theme_matrix` table: one row per document or group, one column per
    theme (in the matrix's theme order).

    Args:
        matrix: from :func:`theme_matrix`.
        values: the column to spread (``"count"``, ``"per_1k_tokens"``, ``"share_of_sentences"``).

    Returns:
        Index ``doc_id`` or ``group``; one column per theme.
    """
    row = "doc_id" if "doc_id" in matrix.columns else "group"
    if values not in matrix.columns:
        raise ValueError(
            f"values={values!r} is not a column of the matrix (has: {', '.join(matrix.columns)})"
        )
    rows = pd.unique(matrix[row])
    cols = pd.unique(matrix["theme"])
    wide = matrix.pivot(index=row, columns="theme", values=values)
    wide = wide.reindex(index=rows, columns=cols)
    wide.columns.name = None
    return wide


def theme_cooccurrence(
    hits: pd.DataFrame,
    *,
    unit: CoUnit = "sentence",
    codebook: Codebook | None = None,
    level: int | None = None,
) -> pd.DataFrame:
    """How often two themes occur in the same sentence (or document).

    Pairs where one theme is an ancestor of the other are left out (a parent always co-occurs
    with its children). Only pairs that co-occur at least once are listed.

    Args:
        hits: from :func:`code_themes`.
        unit: ``"sentence"`` or ``"doc"``.
        codebook: gives the theme order and tree (else taken from ``hits``).
        level: restrict to the tree cut at this depth, as in :func:`theme_matrix`.

    Returns:
        One row per pair, ``theme_a`` before ``theme_b`` in codebook order (order of ``path``
        without a codebook): ``theme_a``, ``theme_b``, ``count`` (units with both), ``n_a``,
        ``n_b`` (units with each), ``jaccard`` = count / (n_a + n_b − count). Sorted by
        ``theme_a``, ``theme_b``.

    Raises:
        ValueError: a bad ``unit`` or ``level``, or missing columns.

    Example:
        >>> theme_cooccurrence(hits, level=1).head(1)  # doctest: +SKIP
              theme_a   theme_b  count  n_a  n_b  jaccard
        0  cooperation  security   6   19    9    0.27
    """
    _check_choice("unit", unit, _CO_UNITS)
    _check_hits(hits, ["doc_id", "key"] + (["sent"] if unit == "sentence" else []))
    tree = _tree(hits, codebook)
    themes = _select(tree, level)
    t_index = pd.Index(themes, dtype=object)
    unit_cols = ["doc_id", "sent"] if unit == "sentence" else ["doc_id"]
    inc = pd.DataFrame({c: hits[c].astype(str) if c == "doc_id" else hits[c] for c in unit_cols})
    inc["t"] = t_index.get_indexer(hits["key"].astype(str))
    inc = inc[inc["t"] >= 0].drop_duplicates()
    inc["u"] = pd.factorize(pd.MultiIndex.from_frame(inc[unit_cols]))[0] if len(inc) else []
    n_units = np.bincount(inc["t"].to_numpy(np.int64), minlength=len(themes))
    pairs = inc[["u", "t"]].merge(inc[["u", "t"]], on="u", suffixes=("_a", "_b"))
    pairs = pairs[pairs["t_a"] < pairs["t_b"]]
    # Ancestor/descendant pairs, once per pair of themes (themes are few, pairs many).
    paths = [tree.path[t] for t in themes]
    related = np.array([[q.startswith(p + _SEP) for q in paths] for p in paths], bool).reshape(
        len(paths), len(paths)
    )
    pairs = pairs[~related[pairs["t_a"].to_numpy(np.int64), pairs["t_b"].to_numpy(np.int64)]]
    count = pairs.groupby(["t_a", "t_b"]).size().reset_index(name="count")
    ta, tb = count["t_a"].to_numpy(np.int64), count["t_b"].to_numpy(np.int64)
    c = count["count"].to_numpy(np.int64)
    na, nb = n_units[ta], n_units[tb]
    return pd.DataFrame(
        {
            "theme_a": pd.Series(np.asarray(themes, dtype=object)[ta], dtype=str),
            "theme_b": pd.Series(np.asarray(themes, dtype=object)[tb], dtype=str),
            "count": c,
            "n_a": na.astype(np.int64),
            "n_b": nb.astype(np.int64),
            "jaccard": c / (na + nb - c) if len(c) else np.zeros(0),
        }
    )


def theme_kwic(
    hits: pd.DataFrame,
    docs: pd.DataFrame,
    theme: str,
    *,
    window: int = 40,
    window_unit: WindowUnit = "char",
    tokens: pd.DataFrame | None = None,
    doc_id: str | Sequence[str] | None = None,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """The contexts behind a theme count: one row per hit, keyword in context.

    ``theme_kwic(hits, docs, "crime", doc_id="vna_2023-12-06")`` lists exactly the hits counted in
    ``theme_matrix(...)``'s ``vna_2023-12-06``/``crime`` cell (``unit="doc"``).

    Args:
        hits: from :func:`code_themes`.
        docs: the docs table (the text).
        theme: the theme id (its rolled-up hits, descendants included).
        window: context size on each side.
        window_unit: ``"char"`` — ``window`` characters; ``"token"`` — ``window`` tokens (needs
            ``tokens``; punctuation counts as a token). Contexts stay within the document and
            line breaks are shown as spaces.
        tokens: the tokens table, for ``window_unit="token"``.
        doc_id: only these documents.
        codebook: when given, an unknown ``theme`` is an error (else it gives an empty table,
            like a theme without hits).

    Returns:
        Columns ``doc_id, sent, start, end, pre, matched, post, pattern, source``, in hit
        order (document, then text order).

    Raises:
        ValueError: bad ``window``/``window_unit``, ``tokens`` missing for token windows, or a
            ``theme`` not in ``codebook``.

    Example:
        >>> theme_kwic(hits, docs, "cybercrime", window=20).iloc[0]  # doctest: +SKIP
    """
    _check_choice("window_unit", window_unit, _WINDOW_UNITS)
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window={window!r} must be a non-negative integer")
    if window_unit == "token" and tokens is None:
        raise ValueError("window_unit='token' needs the tokens table: pass tokens=")
    _check_hits(hits, ["doc_id", "sent", "start", "end", "key"])
    if codebook is not None and theme not in codebook.themes:
        close = difflib.get_close_matches(theme, codebook.ids, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"theme {theme!r} is not in codebook {codebook.name!r}{hint}")
    h = hits[hits["key"].astype(str) == theme]
    if doc_id is not None:
        wanted = [doc_id] if isinstance(doc_id, str) else list(doc_id)
        h = h[h["doc_id"].astype(str).isin(wanted)]
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    ids = h["doc_id"].astype(str).tolist()
    missing = sorted(set(ids) - set(texts))
    if missing:
        raise ValueError(f"hits have doc_id(s) not in docs: {', '.join(map(repr, missing[:5]))}")
    start, end = h["start"].to_numpy(np.int64), h["end"].to_numpy(np.int64)
    if window_unit == "char":
        lo, hi = np.maximum(start - window, 0), end + window
    else:
        assert tokens is not None
        # Tokens keyed by (document, start) in one sorted integer array: the hit's first and
        # last token, and its document's first and last token, are binary searches.
        t_codes, t_names = pd.factorize(tokens["doc_id"].astype(str).to_numpy(dtype=object))
        ts, te = tokens["start"].to_numpy(np.int64), tokens["end"].to_numpy(np.int64)
        width = int(max(te.max(initial=0), end.max(initial=0))) + 1
        order = np.argsort(t_codes * width + ts, kind="stable")
        ks, ts, te = (t_codes * width + ts)[order], ts[order], te[order]
        hc = pd.Index(t_names).get_indexer(ids).astype(np.int64)
        if (hc < 0).any():
            raise ValueError("hits have doc_id(s) not in tokens")
        first = np.searchsorted(ks, hc * width, side="left")
        last = np.searchsorted(ks, (hc + 1) * width, side="left") - 1
        i0 = np.searchsorted(ks, hc * width + start, side="left")
        i1 = np.searchsorted(ks, hc * width + end, side="left") - 1
        lo = np.where(window > 0, ts[np.maximum(i0 - window, first)], start)
        hi = np.where(window > 0, te[np.minimum(i1 + window, last)], end)

    def clean(s: str) -> str:
        return " ".join(s.split("\n"))

    pre = [clean(texts[d][a:s]) for d, a, s in zip(ids, lo, start, strict=True)]
    mid = [clean(texts[d][s:e]) for d, s, e in zip(ids, start, end, strict=True)]
    post = [clean(texts[d][e:b]) for d, e, b in zip(ids, end, hi, strict=True)]
    return pd.DataFrame(
        {
            "doc_id": pd.Series(ids, dtype=str),
            "sent": h["sent"].to_numpy(),
            "start": start,
            "end": end,
            "pre": pd.Series(pre, dtype=str),
            "matched": pd.Series(mid, dtype=str),
            "post": pd.Series(post, dtype=str),
            "pattern": h["pattern"].astype(str).to_numpy() if "pattern" in h else None,
            "source": h["source"].astype(str).to_numpy()
            if "source" in h
            else h["key"].astype(str).to_numpy(),
        }
    )


def export_hits_for_review(
    hits: pd.DataFrame,
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    path: str | os.PathLike[str],
) -> Path:
    """Write the hits to a CSV for hand review: one row per hit, with its sentence.

    The file is written atomically (a temporary file in the same folder, then ``os.replace``),
    so a reader never sees half a file. It is UTF-8 with a byte-order mark so that Excel shows
    Vietnamese names correctly; :func:`pandas.read_csv` and :func:`analysis.validation.load_gold`
    read it as is. Two empty columns are left for the reviewer.

    Args:
        hits: from :func:`code_themes`.
        docs: the docs table.
        tokens: the tokens table (for the sentence boundaries).
        path: the CSV to write (its folder must exist). Write under ``reports/``, not ``data/``.

    Returns:
        The path written. Columns: ``hit_id`` (1-based row number), ``doc_id, sent, start, end,
        theme, source, pattern, matched``, ``sentence`` (its text), ``marked`` (the sentence with
        the match in ``[[ ]]``), ``codebook_sha256``, ``correct`` and ``note`` (empty; for the
        reviewer).

    Raises:
        FileNotFoundError: the folder of ``path`` does not exist.
        ValueError: hits refer to sentences not in ``tokens``.

    Example:
        >>> export_hits_for_review(hits, docs, tokens, "reports/hits_review.csv")  # doctest: +SKIP
    """
    _check_hits(hits, ["doc_id", "sent", "start", "end", "key"])
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(f"folder for the review file does not exist: {target.parent}")
    sents = sentences(tokens, docs)[["doc_id", "sent", "start", "text"]]
    sents = sents.rename(columns={"start": "s_start", "text": "sentence"})
    h = hits.assign(doc_id=hits["doc_id"].astype(str)).reset_index(drop=True)
    h = h.merge(
        sents.astype({"doc_id": str}), on=["doc_id", "sent"], how="left", validate="many_to_one"
    )
    if h["sentence"].isna().any():
        bad = h.loc[h["sentence"].isna(), ["doc_id", "sent"]].iloc[0]
        raise ValueError(f"hit in doc {bad['doc_id']!r}, sentence {bad['sent']} is not in tokens")
    rel_s = (h["start"] - h["s_start"]).to_numpy(np.int64)
    rel_e = (h["end"] - h["s_start"]).to_numpy(np.int64)
    marked = [
        f"{s[:a]}[[{s[a:b]}]]{s[b:]}" for s, a, b in zip(h["sentence"], rel_s, rel_e, strict=True)
    ]
    out = pd.DataFrame(
        {
            "hit_id": np.arange(1, len(h) + 1),
            "doc_id": h["doc_id"],
            "sent": h["sent"],
            "start": h["start"],
            "end": h["end"],
            "theme": h["key"].astype(str),
            "source": h["source"] if "source" in h else h["key"],
            "pattern": h.get("pattern", ""),
            "matched": h.get("matched", ""),
            "sentence": h["sentence"].str.replace("\n", " "),
            "marked": pd.Series(marked, dtype=str).str.replace("\n", " "),
            "codebook_sha256": h.get("codebook_sha256", ""),
            "correct": "",
            "note": "",
        }
    )
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            out.to_csv(fh, index=False, lineterminator="\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
