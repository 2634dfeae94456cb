"""Theme codebooks: what a coder codes, as patterns for the matcher.

A *codebook* (a dictionary, in quanteda's terms) lists themes; each theme has a description (what
a human coder codes), include patterns, exclude patterns and optional child themes. This module
reads and checks codebook files; :func:`analysis.themes.code_themes` applies them.

Formats
    * YAML (``.yml``/``.yaml``; see :func:`load_codebook` for the schema), with nested themes;
    * LIWC-style ``.dic`` files (:func:`load_liwc_dic`), flat.

Every pattern is compiled by :mod:`analysis.matching` when the file is read, so a pattern the
matcher cannot use is an error naming the file, the line and the theme.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

import numpy as np
import pandas as pd
import yaml

from analysis._checks import check_choice
from analysis._io import read_text
from analysis.matching import PatternError, PatternSet, compile_patterns

__all__ = ["CodebookError", "Theme", "Codebook", "load_codebook", "load_liwc_dic"]

#: Separator of the theme ids in :attr:`Theme.path`; not allowed in theme ids.
PATH_SEP = "/"

Scope = Literal["key", "all"]
PatternKind = Literal["include", "exclude"]
_SCOPES = get_args(Scope)
_KINDS = get_args(PatternKind)

_TOP_KEYS = ("name", "version", "description", "themes")
_THEME_KEYS = ("label", "description", "patterns", "exclude", "themes")
_THEME_ID = re.compile(r"\w[\w.-]*")
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
    """A theme codebook: what :func:`load_codebook` returns and
    :func:`analysis.themes.code_themes` applies.

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
        prefix = self.themes[theme].path + PATH_SEP
        return [t.id for t in self.themes.values() if t.path.startswith(prefix)]

    def patterns(self) -> pd.DataFrame:
        """Every pattern of the codebook, one row each, for audit.

        Returns:
            Columns ``key`` (str, theme id), ``pattern`` (str), ``kind`` (str, ``"include"`` or
            ``"exclude"``), ``line`` (Int64, line in the codebook file; missing if unknown). A
            theme's own patterns only; nesting is applied by :func:`analysis.themes.code_themes`.

        Example:
            >>> crime = Theme("crime", "Crime", "Crime.", ("crime*",), ("crime fiction",))
            >>> Codebook("demo", "1", "", {"crime": crime}).patterns()
                 key        pattern     kind  line
            0  crime         crime*  include  <NA>
            1  crime  crime fiction  exclude  <NA>
        """
        rows = [
            (t.id, p, kind, line)
            for t in self.themes.values()
            for kind, pats, lines in (
                ("include", t.patterns, t.pattern_lines or (None,) * len(t.patterns)),
                ("exclude", t.exclude, t.exclude_lines or (None,) * len(t.exclude)),
            )
            for p, line in zip(pats, lines, strict=True)
        ]
        out = pd.DataFrame(rows, columns=["key", "pattern", "kind", "line"])
        return out.astype({"key": str, "pattern": str, "kind": str, "line": "Int64"})

    def to_frame(self) -> pd.DataFrame:
        """The themes as a table (for reports and the codebook appendix of a study).

        Returns:
            One row per theme in pre-order: ``theme``, ``label``, ``description``, ``parent``
            (missing at the top level), ``path`` (str), ``depth``, ``n_patterns``,
            ``n_exclude`` (int64), ``line`` (Int64).

        Example:
            >>> crime = Theme("crime", "Crime", "Crime.", ("crime*",), path="crime")
            >>> Codebook("demo", "1", "", {"crime": crime}).to_frame()[["theme", "path", "depth"]]
               theme   path  depth
            0  crime  crime      1
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

    def include_table(self, scope: Scope = "key") -> pd.DataFrame:
        """The include patterns as the matcher's pattern table, nesting applied.

        Args:
            scope: ``"key"``: each theme's key lists its own and its descendants' patterns
                (deduplicated by pattern text, first in pre-order wins), so that the matcher
                resolves overlaps for the rolled-up parent too; ``"all"``: each pattern once,
                under its own theme (the roll-up to the parents happens after matching).

        Returns:
            Columns ``key`` (the theme counted), ``pattern``, ``source`` (the theme the pattern
            belongs to), all str; row ``i`` is entry ``i`` of :meth:`pattern_set`.

        Example:
            >>> cyber = Theme("cyber", "Cyber", "d", ("cyber*",), parent="crime", path="crime/cyber")
            >>> crime = Theme("crime", "Crime", "d", ("crime*",), children=("cyber",), path="crime")
            >>> cb = Codebook("demo", "1", "", {"crime": crime, "cyber": cyber})
            >>> cb.include_table().values.tolist()
            [['crime', 'crime*', 'crime'], ['crime', 'cyber*', 'cyber'], ['cyber', 'cyber*', 'cyber']]
        """
        check_choice("scope", scope, _SCOPES)
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

    def exclude_table(self) -> pd.DataFrame:
        """The exclude patterns, each under its own matcher key, so that overlapping exclude
        phrases never hide each other.

        Returns:
            Columns ``xid`` (the matcher key: ``x0``, ``x1``, ...), ``owner`` (the theme),
            ``pattern``, all str.

        Example:
            >>> crime = Theme("crime", "Crime", "d", ("crime*",), ("crime fiction",), path="crime")
            >>> Codebook("demo", "1", "", {"crime": crime}).exclude_table().values.tolist()
            [['x0', 'crime', 'crime fiction']]
        """
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

    def pattern_set(self, kind: PatternKind = "include", scope: Scope = "key") -> PatternSet | None:
        """The compiled :meth:`include_table` (``kind="include"``, for ``scope``) or
        :meth:`exclude_table` (keys ``xid``); None when the codebook has no such pattern.
        Compiled once per codebook and reused (also by the streaming and Dask engines).

        Example:
            >>> crime = Theme("crime", "Crime", "d", ("crime*", "fraud"), path="crime")
            >>> cb = Codebook("demo", "1", "", {"crime": crime})
            >>> len(cb.pattern_set()), cb.pattern_set("exclude") is None
            (2, True)
        """
        check_choice("kind", kind, _KINDS)
        check_choice("scope", scope, _SCOPES)
        cached = self._cache.get(("ps", kind, scope))
        if cached is None:
            if kind == "include":
                table = self.include_table(scope)
            else:
                table = self.exclude_table()
                table = pd.DataFrame({"key": table["xid"], "pattern": table["pattern"]})
            cached = compile_patterns(table) if len(table) else None
            self._cache[("ps", kind, scope)] = cached
        return cached

    def subtree_pairs(self) -> pd.DataFrame:
        """Every theme with itself and with each of its descendants.

        Returns:
            Columns ``owner``, ``target`` (str): a match counted for ``target`` also counts
            for ``owner``, and an exclude pattern of ``owner`` applies to ``target``.

        Example:
            >>> cyber = Theme("cyber", "Cyber", "d", ("cyber*",), parent="crime", path="crime/cyber")
            >>> crime = Theme("crime", "Crime", "d", ("crime*",), children=("cyber",), path="crime")
            >>> Codebook("demo", "1", "", {"crime": crime, "cyber": cyber}).subtree_pairs().values.tolist()
            [['crime', 'crime'], ['crime', 'cyber'], ['cyber', 'cyber']]
        """
        rows = [(t, d) for t in self.themes for d in [t, *self.descendants(t)]]
        return pd.DataFrame(rows, columns=["owner", "target"], dtype=str)


# --------------------------------------------------------------------------- reading files


def _read_bytes(path: str | os.PathLike[str], kind: str) -> tuple[Path, bytes, str]:
    """The file through the one reader (:mod:`analysis._io`), errors as ``CodebookError``."""

    def fail(line: int | None, problem: str) -> CodebookError:
        if problem.endswith("is empty"):
            problem = f"file is empty; a {kind} needs at least one theme"
        return CodebookError(path, line, None, problem)

    return read_text(path, kind=kind, fail=fail)


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
        # The node tree, not analysis._io.load_yaml: the checks below need each node's own
        # mark (a pattern's line, the key next to a bad value) and the YAML style of scalars.
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
        path = tid if parent is None else parent.path + PATH_SEP + tid
        theme = Theme(
            id=tid,
            label=label or tid,
            description=description or "",
            patterns=tuple(pats),
            exclude=tuple(excl),
            parent=None if parent is None else parent.id,
            children=tuple(k.value for k, _ in child_nodes),
            path=path,
            depth=path.count(PATH_SEP) + 1,
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
        >>> cb = load_liwc_dic("tests/fixtures/themes/tiny.dic")
        >>> cb.themes["posemo"].patterns
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
        if re.search(r"\(\s*\d+(?:\s+\d+)*\s*\)", ln):
            # LIWC2007 "like (02 134)53 02": the category depends on the word before; reading
            # it as a literal pattern would count "like\t(02" as a word that never occurs.
            raise CodebookError(
                p,
                i + 1,
                None,
                f"conditional entry {ln!r} is not supported; list the word with plain "
                "category numbers, or drop it",
            )
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
