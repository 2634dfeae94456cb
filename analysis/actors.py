"""Actors: who is mentioned. Actor tables, mentions, counts, and discovery of unlisted names.

An actor table lists the people, organisations, countries, groups and events a study tracks,
with the spellings that refer to each. :func:`load_actors` reads it (YAML or CSV) and validates
it; :func:`find_mentions` finds every mention in a tokens table with the one matcher
(:mod:`analysis.matching`); :func:`actor_counts` counts them per group of documents;
:func:`unlisted_names` lists capitalised name sequences that no actor covers, so that the table
can be extended.

Actor table fields (one record per actor):

===============  ==========================================================================
field            meaning
===============  ==========================================================================
``id``           unique identifier (no spaces, no ``|``), e.g. ``vo_van_thuong``
``name``         the canonical full name, e.g. ``Vo Van Thuong`` (required)
``type``         one of :data:`ACTOR_TYPES` (required; ``organization`` is read as
                 ``organisation``)
``affiliation``  optional id of another actor (a person's country or organisation)
``aliases``      other spellings, transliterations, acronyms: ``Võ Văn Thưởng``, ``SPP``
``titles``       words that may stand directly before a name: ``President``,
                 ``Vietnamese Prosecutor General``
``short``        short forms (surname style, ``Thuong``) that count only after a title
                 (``President Thuong``) or after the actor has been named earlier in the
                 same document
``roles``        definite descriptions (``the State leader``, ``the President``) that count
                 only in documents where the actor is named
``note``         free text for the codebook (not used for matching)
===============  ==========================================================================

Every spelling is a pattern of :mod:`analysis.matching` (words, phrases, ``*`` globs,
``regex:``), folded like the text: case and diacritics are ignored by default (``Võ Văn Thưởng``
= ``Vo Van Thuong``, ``Đ`` = ``D``). A possessive form is added to every spelling that ends in a
letter or digit, because the tokenizer keeps ``China's`` as one token: ``China`` also matches
``China's`` and ``China’s`` (the mention's surface is then the whole token).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import yaml

from analysis._checks import BadUtf8, decode_utf8
from analysis._checks import check_choice as _check_choice
from analysis.matching import PatternError, PatternSet, compile_patterns, match
from analysis.text import TOKEN_PATTERN, fold, is_punct, load_stopwords

__all__ = [
    "ACTOR_TYPES",
    "ACTOR_FIELDS",
    "VIA_VALUES",
    "MENTION_COLUMNS",
    "NAME_CONNECTORS",
    "NOT_NAMES",
    "ActorTableError",
    "Actors",
    "load_actors",
    "find_mentions",
    "actor_counts",
    "unlisted_names",
]

#: The allowed actor types. A table with any other type is rejected.
ACTOR_TYPES: tuple[str, ...] = (
    "person",
    "organisation",
    "country",
    "group",
    "event",
    "agreement",
    "place",
    "other",
)
_TYPE_SYNONYMS = {"organization": "organisation"}

#: The fields of an actor record, in table order.
ACTOR_FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "type",
    "affiliation",
    "aliases",
    "titles",
    "short",
    "roles",
    "note",
)
_LIST_FIELDS = ("aliases", "titles", "short", "roles")
_SCALAR_FIELDS = ("id", "name", "type", "affiliation", "note")
_ITEM_NAMES = {"aliases": "alias", "titles": "title", "short": "short form", "roles": "role"}
# long-form CSV `field` values -> record field
_LONG_FIELDS = {
    "id": "id",
    "name": "name",
    "type": "type",
    "affiliation": "affiliation",
    "note": "note",
    "alias": "aliases",
    "aliases": "aliases",
    "title": "titles",
    "titles": "titles",
    "short": "short",
    "role": "roles",
    "roles": "roles",
}

#: How a mention was recognised (the ``via`` column of the mentions table).
VIA_VALUES: tuple[str, ...] = ("name", "alias", "title+name", "short", "role")

MENTION_COLUMNS = ["doc_id", "sent", "start", "end", "surface", "actor_id", "actor_type", "via"]

_ID_RE = re.compile(r"[^\s|]+")
_TOKEN_RE = re.compile(TOKEN_PATTERN, re.VERBOSE)
_WORD_RE = re.compile(r"\w")


class ActorTableError(ValueError):
    """An actor table cannot be used.

    The message has one line per problem, each naming the file, the line (where known), the
    actor and the problem. ``problems`` holds the same as ``(line, actor, problem)`` tuples.
    """

    def __init__(self, source: str, problems: list[tuple[int | None, str, str]]) -> None:
        self.source = source
        self.problems = problems
        lines = []
        for line, actor, problem in problems:
            where = f"{source}, line {line}" if line else source
            lines.append(f"{where}: {actor}: {problem}")
        super().__init__("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# reading: YAML keeps line numbers, CSV (wide or long) keeps row line numbers


class _LDict(dict):
    """A YAML mapping that remembers its line and the line of each value."""

    line: int = 0
    key_lines: dict


class _LList(list):
    """A YAML sequence that remembers its line and the line of each item."""

    line: int = 0
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    pass


def _yaml_map(loader: _LineLoader, node: yaml.MappingNode):
    data = _LDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for k_node, v_node in node.value:
        key = loader.construct_object(k_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"key {key!r} appears twice in one mapping (first on line {seen[key]})",
                k_node.start_mark,
            )
        seen[key] = k_node.start_mark.line + 1
        data[key] = loader.construct_object(v_node, deep=True)
        data.key_lines[key] = v_node.start_mark.line + 1


def _yaml_seq(loader: _LineLoader, node: yaml.SequenceNode):
    data = _LList()
    data.line = node.start_mark.line + 1
    data.item_lines = [n.start_mark.line + 1 for n in node.value]
    yield data
    data.extend(loader.construct_object(n, deep=True) for n in node.value)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _yaml_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _yaml_seq)


@dataclass
class _Record:
    """One actor as read, with the source line of the record and of each field or list item."""

    values: dict[str, Any]
    line: int | None = None
    field_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    problems: list[tuple[int | None, str]] = field(default_factory=list)


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: actor table not found")
    raw = path.read_bytes()
    try:
        text = decode_utf8(raw)
    except BadUtf8 as err:
        raise ActorTableError(
            str(path),
            [(None, "file", f"not valid UTF-8 at byte offset {err.offset}; re-save it as UTF-8")],
        ) from None
    if not text.strip():
        raise ActorTableError(str(path), [(None, "file", "the file is empty")])
    return text


def _records_from_yaml(text: str, source: str) -> list[_Record]:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        raise ActorTableError(source, [(line, "file", f"not valid YAML: {problem}")]) from None
    if isinstance(data, dict):
        unknown = [k for k in data if k not in ("actors", "description", "note")]
        if unknown:
            raise ActorTableError(
                source,
                [
                    (
                        data.key_lines.get(unknown[0]),
                        "file",
                        f"unknown top-level key {unknown[0]!r}; "
                        "expected 'actors' (and optionally 'description', 'note')",
                    )
                ],
            )
        if "actors" not in data:
            raise ActorTableError(source, [(data.line, "file", "no 'actors:' list")])
        items = data["actors"]
    else:
        items = data
    if not isinstance(items, list):
        raise ActorTableError(
            source, [(getattr(items, "line", None), "file", "'actors' must be a list of actors")]
        )
    records = []
    for i, item in enumerate(items):
        item_line = items.item_lines[i] if isinstance(items, _LList) else None
        if not isinstance(item, dict):
            rec = _Record({}, item_line)
            rec.problems.append((item_line, "each actor must be a mapping of fields (id, name, …)"))
            records.append(rec)
            continue
        rec = _Record(dict(item), getattr(item, "line", item_line))
        key_lines = getattr(item, "key_lines", {})
        rec.field_lines = {str(k): v for k, v in key_lines.items()}
        for k, v in item.items():
            if isinstance(v, _LList):
                rec.item_lines[str(k)] = list(v.item_lines)
        records.append(rec)
    return records


def _split_list(cell: str) -> list[str]:
    return [] if cell.strip() == "" else [part.strip() for part in cell.split(";")]


def _records_from_csv(text: str, source: str) -> list[_Record]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        raise ActorTableError(source, [(1, "file", f"cannot read the CSV header: {err}")]) from None
    header = [h.strip() for h in header]
    cols = set(header)
    long = {"field", "value"} <= cols
    id_col = "id" if "id" in cols else ("actor_id" if "actor_id" in cols else None)
    if id_col is None:
        raise ActorTableError(
            source, [(1, "file", f"the header needs an 'id' column (has: {', '.join(header)})")]
        )
    allowed = {id_col, "field", "value"} if long else set(ACTOR_FIELDS) | {id_col}
    unknown = [h for h in header if h not in allowed]
    if unknown:
        hint = difflib.get_close_matches(unknown[0], sorted(allowed), n=1)
        raise ActorTableError(
            source,
            [
                (
                    1,
                    "file",
                    f"unknown column {unknown[0]!r}"
                    + (f" (did you mean {hint[0]!r}?)" if hint else "")
                    + f"; allowed: {', '.join(sorted(allowed))}",
                )
            ],
        )
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num
    try:
        for row in reader:
            start_line, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ActorTableError(
                    source,
                    [
                        (
                            start_line,
                            "file",
                            f"row has {len(row)} cells but the header has {len(header)}",
                        )
                    ],
                )
            rows.append((start_line, dict(zip(header, row, strict=True))))
    except csv.Error as err:
        raise ActorTableError(source, [(line + 1, "file", f"CSV error: {err}")]) from None
    if long:
        return _records_from_long_rows(rows, id_col)
    records = []
    for line_no, row in rows:
        values: dict[str, Any] = {}
        for col, cell in row.items():
            key = "id" if col == id_col else col
            if key in _LIST_FIELDS:
                values[key] = _split_list(cell)
            elif cell.strip() != "" or key in ("id", "name", "type"):
                values[key] = cell.strip()
        rec = _Record(values, line_no)
        rec.field_lines = dict.fromkeys(values, line_no)
        records.append(rec)
    return records


def _records_from_long_rows(rows: list[tuple[int, dict[str, str]]], id_col: str) -> list[_Record]:
    by_id: dict[str, _Record] = {}
    for line_no, row in rows:
        actor = row[id_col].strip()
        rec = by_id.get(actor)
        if rec is None:
            rec = by_id[actor] = _Record({"id": actor}, line_no, {"id": line_no})
        fld = row["field"].strip().lower()
        value = row["value"].strip()
        target = _LONG_FIELDS.get(fld)
        if target is None or target == "id":
            hint = difflib.get_close_matches(fld, sorted(_LONG_FIELDS), n=1)
            rec.problems.append(
                (
                    line_no,
                    f"unknown field {fld!r}"
                    + (f" (did you mean {hint[0]!r}?)" if hint else "")
                    + f"; allowed: {', '.join(sorted(set(_LONG_FIELDS) - {'id'}))}",
                )
            )
            continue
        if target in _LIST_FIELDS:
            rec.values.setdefault(target, []).append(value)
            rec.item_lines.setdefault(target, []).append(line_no)
            rec.field_lines.setdefault(target, line_no)
        elif target in rec.values and rec.values[target] != value:
            rec.problems.append(
                (
                    line_no,
                    f"{target} given twice ({rec.values[target]!r} on line "
                    f"{rec.field_lines[target]}, {value!r} here)",
                )
            )
        else:
            rec.values[target] = value
            rec.field_lines[target] = line_no
    return list(by_id.values())


# ---------------------------------------------------------------------------------------------
# validation


def _pattern_key(pattern: str) -> str:
    """Folded, token-normalised form of a spelling, to compare spellings with each other."""
    text = pattern.strip()
    if text.startswith("regex:"):
        return text
    return " ".join(m.group() for m in _TOKEN_RE.finditer(fold(text)))


def _as_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int)):
        return str(value).strip()
    return None


def _validate(records: list[_Record], source: str) -> pd.DataFrame:
    problems: list[tuple[int | None, str, str]] = []
    rows = []
    first_line: dict[str, int | None] = {}
    for n, rec in enumerate(records, start=1):
        v = rec.values
        raw_id = v.get("id")
        actor_id = _as_text(raw_id)
        label = f"actor {actor_id!r}" if actor_id else f"actor #{n} (no id)"

        def bad(
            problem: str, line: int | None = None, *, _label: str = label, _rec: _Record = rec
        ) -> None:
            problems.append((line or _rec.line, _label, problem))

        for line, problem in rec.problems:
            bad(problem, line)
        for key in v:
            if key not in ACTOR_FIELDS:
                hint = difflib.get_close_matches(str(key), ACTOR_FIELDS, n=1)
                bad(
                    f"unknown field {key!r}"
                    + (f" (did you mean {hint[0]!r}?)" if hint else "")
                    + f"; allowed: {', '.join(ACTOR_FIELDS)}",
                    rec.field_lines.get(str(key)),
                )
        if not actor_id:
            bad("missing id" if raw_id in (None, "") else f"id {raw_id!r} must be text (quote it)")
        elif not _ID_RE.fullmatch(actor_id):
            bad(f"id {actor_id!r} must not contain spaces or '|'", rec.field_lines.get("id"))
        elif actor_id in first_line:
            where = (
                f" (first defined on line {first_line[actor_id]})" if first_line[actor_id] else ""
            )
            bad(f"duplicate id {actor_id!r}{where}", rec.field_lines.get("id"))
            continue
        else:
            first_line[actor_id] = rec.line
        name = _as_text(v.get("name"))
        if not name:
            bad("missing name", rec.field_lines.get("name"))
        raw_type = v.get("type")
        typ = _as_text(raw_type)
        typ = _TYPE_SYNONYMS.get(typ.lower(), typ.lower()) if typ else typ
        if not typ:
            bad(f"missing type (one of {', '.join(ACTOR_TYPES)})", rec.field_lines.get("type"))
        elif typ not in ACTOR_TYPES:
            bad(
                f"wrong type {raw_type!r}; allowed: {', '.join(ACTOR_TYPES)}",
                rec.field_lines.get("type"),
            )
        affiliation = _as_text(v.get("affiliation")) or None
        note = _as_text(v.get("note")) or ""
        lists: dict[str, tuple[str, ...]] = {}
        for fld in _LIST_FIELDS:
            raw = v.get(fld)
            if raw is None:
                lists[fld] = ()
                continue
            items = [raw] if isinstance(raw, str) else raw
            if not isinstance(items, list):
                bad(f"{fld} must be a list of text", rec.field_lines.get(fld))
                lists[fld] = ()
                continue
            lines = rec.item_lines.get(fld, [])
            clean = []
            for i, item in enumerate(items):
                text = _as_text(item)
                line = lines[i] if i < len(lines) else rec.field_lines.get(fld)
                if not text:
                    what = "empty" if item in (None, "") or text == "" else f"not text ({item!r})"
                    bad(f"{_ITEM_NAMES[fld]} #{i + 1} in {fld} is {what}", line)
                    continue
                if not text.startswith("regex:") and not _TOKEN_RE.search(text):
                    bad(f"{_ITEM_NAMES[fld]} {text!r} has no word", line)
                    continue
                try:
                    compile_patterns({"check": [text]})
                except PatternError as err:
                    bad(f"{_ITEM_NAMES[fld]} {text!r}: {err}", line)
                    continue
                clean.append(text)
            lists[fld] = tuple(dict.fromkeys(clean))
        if name:
            try:
                compile_patterns({"check": [name]})
            except PatternError as err:
                bad(f"name {name!r}: {err}", rec.field_lines.get("name"))
        rows.append(
            {
                "id": actor_id,
                "name": name,
                "type": typ,
                "affiliation": affiliation,
                **lists,
                "note": note,
                "line": rec.line,
                "_aff_line": rec.field_lines.get("affiliation"),
                "_label": label,
            }
        )
    ids = {r["id"] for r in rows if r["id"]}
    for r in rows:
        aff = r["affiliation"]
        if aff and aff not in ids:
            hint = difflib.get_close_matches(aff, sorted(ids), n=1)
            problems.append(
                (
                    r["_aff_line"] or r["line"],
                    r["_label"],
                    f"unknown affiliation id {aff!r}"
                    + (f" (did you mean {hint[0]!r}?)" if hint else "")
                    + "; it must be the id of another actor in the table",
                )
            )
        elif aff and aff == r["id"]:
            problems.append((r["_aff_line"] or r["line"], r["_label"], "affiliation is itself"))
    if not rows and not problems:
        problems.append((None, "file", "the table lists no actors"))
    if problems:
        problems.sort(key=lambda p: p[0] or 0)
        raise ActorTableError(source, problems)
    table = pd.DataFrame(rows).drop(columns=["_aff_line", "_label"])
    table["line"] = table["line"].astype("Int64")
    return table


# ---------------------------------------------------------------------------------------------
# the Actors table


@dataclass(frozen=True)
class _Plan:
    """Compiled patterns for one folding setting.

    ``stage1`` holds the spellings that name exactly one actor (name, alias, title+name) and
    count wherever they occur; ``stage2`` the conditional ones (short forms, roles, and any
    spelling shared by several actors), keyed ``?<n>`` with their candidates in ``candidates``.
    """

    stage1: PatternSet
    stage2: PatternSet
    candidates: dict[str, list[tuple[str, str]]]


@dataclass(frozen=True, eq=False)
class Actors:
    """A validated actor table.

    Attributes:
        table: one row per actor: ``id, name, type, affiliation`` (NA when absent),
            ``aliases, titles, short, roles`` (tuples of text), ``note``, ``line`` (the line of
            the record in its file, NA for tables built in memory).
        source: the file the table was read from (or ``"<records>"``).
    """

    table: pd.DataFrame
    source: str = "<records>"
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], *, source: str = "<records>"
    ) -> Actors:
        """Build and validate a table from dicts with the actor fields (lists as lists).

        Example:
            >>> a = Actors.from_records([{"id": "cn", "name": "China", "type": "country"}])
            >>> a.ids
            ['cn']
        """
        recs = []
        for r in records:
            values = dict(r)
            for fld in _LIST_FIELDS:
                if isinstance(values.get(fld), tuple):
                    values[fld] = list(values[fld])
            recs.append(_Record(values))
        return cls(_validate(recs, source), source)

    def __len__(self) -> int:
        return len(self.table)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in set(self.table["id"])

    def __repr__(self) -> str:
        return f"Actors({len(self)} actors from {self.source})"

    @property
    def ids(self) -> list[str]:
        """Actor ids in table order."""
        return self.table["id"].tolist()

    @property
    def names(self) -> dict[str, str]:
        """``id -> name``."""
        return dict(zip(self.table["id"], self.table["name"], strict=True))

    @property
    def types(self) -> dict[str, str]:
        """``id -> type``."""
        return dict(zip(self.table["id"], self.table["type"], strict=True))

    def patterns(self) -> pd.DataFrame:
        """Every spelling the matcher looks for, for audit.

        Returns:
            One row per (actor, spelling): ``actor_id``, ``via`` (name, alias, title+name, short,
            role), ``pattern`` (as it will be matched; title+name rows combine each title with
            the name, each alias and each short form), ``condition`` (``none``: counts wherever
            it occurs; ``named before``: only after the actor has been named earlier in the
            document; ``named in doc``: only in documents where the actor is named;
            ``ambiguous``: the spelling belongs to several actors and goes to the one named
            nearest before it, else nearest after it, else nowhere). A spelling listed twice
            for one actor keeps its first ``via`` (name, alias, title+name, short, role).
            Possessive forms (``China's``) are added at matching time and not listed.
        """
        rows: list[tuple[str, str, str, str]] = []
        for r in self.table.itertuples(index=False):
            forms = [r.name, *r.aliases]
            seen: set[str] = set()

            def add(via: str, pattern: str, _id: str = r.id, _seen: set = seen) -> None:
                k = _pattern_key(pattern)
                if k not in _seen:
                    _seen.add(k)
                    rows.append((_id, via, pattern, k))

            add("name", r.name)
            for a in r.aliases:
                add("alias", a)
            for t in r.titles:
                for f in [*forms, *r.short]:
                    if not f.startswith("regex:") and not t.startswith("regex:"):
                        add("title+name", f"{t} {f}")
            for s in r.short:
                add("short", s)
            for ro in r.roles:
                add("role", ro)
        df = pd.DataFrame(rows, columns=["actor_id", "via", "pattern", "_key"])
        owners = df.groupby("_key", sort=False)["actor_id"].transform("nunique")
        short_titled = df["via"].eq("title+name") & df["_key"].isin(
            set(
                _pattern_key(f"{t} {s}")
                for r in self.table.itertuples(index=False)
                for t in r.titles
                for s in r.short
            )
        )
        condition = np.select(
            [
                owners.to_numpy() > 1,
                df["via"].eq("short").to_numpy(),
                df["via"].eq("role").to_numpy(),
            ],
            ["ambiguous", "named before", "named in doc"],
            default="none",
        )
        df["condition"] = condition
        df.loc[short_titled & (owners > 1), "condition"] = "ambiguous"
        return df.drop(columns="_key").reset_index(drop=True)

    def ambiguous(self) -> pd.DataFrame:
        """Spellings shared by several actors: ``pattern, actor_ids`` (``;``-joined)."""
        p = self.patterns()
        p = p[p["condition"].eq("ambiguous")]
        p = p.assign(_key=p["pattern"].map(_pattern_key))
        out = p.groupby("_key", sort=False).agg(
            pattern=("pattern", "first"), actor_ids=("actor_id", lambda s: ";".join(sorted(set(s))))
        )
        return out.reset_index(drop=True)

    def _plan(self, fold_case: bool, fold_diacritics: bool) -> _Plan:
        cache_key = ("plan", fold_case, fold_diacritics)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        p = self.patterns()
        p = p.assign(_key=[_pattern_key(x) for x in p["pattern"]])
        if not (fold_case and fold_diacritics):
            # spellings that differ only in case/accents are distinct when folding is off
            p["_key"] = [
                " ".join(
                    m.group()
                    for m in _TOKEN_RE.finditer(fold(x, case=fold_case, diacritics=fold_diacritics))
                )
                for x in p["pattern"]
            ]
        unconditional = p["condition"].eq("none").to_numpy()
        s1 = p[unconditional]
        stage1 = {
            "key": [f"{a}|{v}" for a, v in zip(s1["actor_id"], s1["via"], strict=True)],
            "pattern": s1["pattern"].tolist(),
        }
        s2 = p[~unconditional]
        candidates: dict[str, list[tuple[str, str]]] = {}
        stage2: dict[str, list[str]] = {"key": [], "pattern": []}
        for i, (_, grp) in enumerate(s2.groupby("_key", sort=False)):
            key = f"?{i}"
            candidates[key] = list(zip(grp["actor_id"], grp["via"], strict=True))
            stage2["key"].append(key)
            stage2["pattern"].append(grp["pattern"].iloc[0])
        plan = _Plan(
            compile_patterns(
                _with_possessives(stage1), fold_case=fold_case, fold_diacritics=fold_diacritics
            ),
            compile_patterns(
                _with_possessives(stage2), fold_case=fold_case, fold_diacritics=fold_diacritics
            ),
            candidates,
        )
        self._cache[cache_key] = plan
        return plan


def _with_possessives(pats: dict[str, list[str]]) -> pd.DataFrame:
    """Add ``X's`` after every spelling ``X`` that ends in a word character (same key).

    Originals come first so that a tie on length keeps the plain form's pattern.
    """
    keys, patterns = list(pats["key"]), list(pats["pattern"])
    extra_k, extra_p = [], []
    for k, pat in zip(keys, patterns, strict=True):
        text = pat.strip()
        last = text.split()[-1] if text else ""
        if (
            text.startswith("regex:")
            or "*" in last
            or "?" in last
            or not last[-1:].isalnum()
            or fold(last).endswith("'s")
        ):
            continue
        extra_k.append(k)
        extra_p.append(text + "'s")
    return pd.DataFrame({"key": keys + extra_k, "pattern": patterns + extra_p})


def load_actors(path: str | Path) -> Actors:
    """Read and validate an actor table from YAML or CSV.

    Formats (see the README section "Actor tables" for full examples):

    * YAML (``.yml``/``.yaml``): a list of actor mappings, or a mapping with an ``actors:``
      list (plus optional ``description``/``note``). List fields take a list or one string.
    * CSV wide (``.csv`` with columns ``id, name, type`` and any of ``affiliation, aliases,
      titles, short, roles, note``): one row per actor; list cells are ``;``-separated
      (``Võ Văn Thưởng; Vo Van Thuong``).
    * CSV long (``.csv`` with columns ``id, field, value``): one row per field value, e.g.
      ``vo_van_thuong,alias,Võ Văn Thưởng``; ``field`` is one of ``name, type, affiliation,
      note, alias, title, short, role``. Spreadsheet users add a spelling by adding a row.
      ``actor_id`` is accepted instead of ``id`` in both CSV forms.

    Args:
        path: the table file (UTF-8).

    Returns:
        An :class:`Actors` table (``.table`` has one row per actor with the fields above).

    Raises:
        FileNotFoundError: no such file.
        ActorTableError: (a ``ValueError``) the file is not UTF-8, empty, or not valid
            YAML/CSV, or an actor has a duplicate id, a missing name or id, a type not in
            :data:`ACTOR_TYPES`, an affiliation that is no actor's id, an empty alias/title/
            short form/role, an invalid pattern, or an unknown field. One line per problem,
            naming the file, the line, the actor and the problem.

    Warns:
        UserWarning: a spelling belongs to several actors (it is then resolved by context; see
            :meth:`Actors.patterns`).

    Example:
        >>> actors = load_actors("data/actors/asean_china.yml")  # doctest: +SKIP
        >>> actors.names["vo_van_thuong"]  # doctest: +SKIP
        'Vo Van Thuong'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yml", ".yaml", ".csv"):
        raise ActorTableError(
            str(path),
            [(None, "file", f"unknown format {suffix!r}; use .yml, .yaml or .csv")],
        )
    text = _read_text(path)
    if suffix == ".csv":
        records = _records_from_csv(text, str(path))
    else:
        records = _records_from_yaml(text, str(path))
    actors = Actors(_validate(records, str(path)), str(path))
    amb = actors.ambiguous()
    if len(amb):
        listed = "; ".join(f"{p!r} ({a})" for p, a in amb.head(10).itertuples(index=False))
        warnings.warn(
            f"{path}: {len(amb)} spelling(s) belong to several actors and are resolved by "
            f"context: {listed}",
            stacklevel=2,
        )
    return actors


def _as_actors(actors: Actors | str | Path) -> Actors:
    if isinstance(actors, Actors):
        return actors
    if isinstance(actors, (str, Path)):
        return load_actors(actors)
    raise TypeError(f"actors must be an Actors table or a path, not {type(actors).__name__}")


# ---------------------------------------------------------------------------------------------
# mentions


def _empty_mentions(tokens: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": pd.Categorical([], dtype=tokens["doc_id"].dtype),
            "sent": np.array([], np.int32),
            "start": np.array([], np.int64),
            "end": np.array([], np.int64),
            "surface": pd.Series([], dtype=str),
            "actor_id": pd.Series([], dtype=str),
            "actor_type": pd.Series([], dtype=str),
            "via": pd.Series([], dtype=str),
        }
    )


def _license(
    cond: pd.DataFrame, named: pd.DataFrame, candidates: dict[str, list[tuple[str, str]]]
) -> pd.DataFrame:
    """Resolve conditional matches (short forms, roles, shared spellings) to actors.

    For each match and each candidate actor, the nearest naming mention of that actor in the
    same document before the match and after it are looked up with one binary search over
    the (document, actor, start) keys of the naming mentions. A short form needs a naming
    before it; a role or a shared spelling needs one anywhere in the document. Among licensed
    candidates the one named nearest before wins, else the one named nearest after.

    Returns ``cond`` rows that were licensed, with ``actor_id`` and ``via`` columns.
    """
    if cond.empty:
        return cond.assign(actor_id=pd.Series([], dtype=str), via=pd.Series([], dtype=str))
    keys = list(candidates)
    key_code = pd.Categorical(cond["key"], categories=keys).codes.astype(np.int64)
    n_cand = np.array([len(candidates[k]) for k in keys], np.int64)
    cand_actor = np.array([a for k in keys for a, _ in candidates[k]], dtype=object)
    cand_via = np.array([v for k in keys for _, v in candidates[k]], dtype=object)
    cand_ptr = np.concatenate([[0], np.cumsum(n_cand)])
    counts = n_cand[key_code]
    row = np.repeat(np.arange(len(cond)), counts)
    offs = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    flat = cand_ptr[key_code][row] + offs
    actor = cand_actor[flat]
    via = cand_via[flat]

    actor_codes, actor_names = pd.factorize(
        pd.Index(np.concatenate([named["actor_id"].to_numpy(object), actor]), dtype=object)
    )
    n_act = len(actor_names) + 1
    named_act = actor_codes[: len(named)].astype(np.int64)
    q_act = actor_codes[len(named) :].astype(np.int64)
    doc_n = named["doc_id"].cat.codes.to_numpy().astype(np.int64)
    doc_q = cond["doc_id"].cat.codes.to_numpy().astype(np.int64)[row]
    start_n = named["start"].to_numpy().astype(np.int64)
    start_q = cond["start"].to_numpy().astype(np.int64)[row]
    big = int(max(start_n.max(initial=0), start_q.max(initial=0))) + 2
    pair_n = doc_n * n_act + named_act
    pair_q = doc_q * n_act + q_act
    key_n = np.sort(pair_n * big + start_n)
    key_q = pair_q * big + start_q
    i_prev = np.searchsorted(key_n, key_q, side="left") - 1
    i_next = np.searchsorted(key_n, key_q, side="right")
    has_prev = (
        (i_prev >= 0) & (key_n[np.clip(i_prev, 0, None)] // big == pair_q)
        if len(key_n)
        else np.zeros(len(key_q), bool)
    )
    has_next = (
        (i_next < len(key_n)) & (key_n[np.clip(i_next, None, len(key_n) - 1)] // big == pair_q)
        if len(key_n)
        else np.zeros(len(key_q), bool)
    )
    if len(key_n):
        dist_prev = np.where(has_prev, start_q - key_n[np.clip(i_prev, 0, None)] % big, 0)
        dist_next = np.where(
            has_next, key_n[np.clip(i_next, None, len(key_n) - 1)] % big - start_q, 0
        )
    else:
        dist_prev = dist_next = np.zeros(len(key_q), np.int64)
    licensed = np.where(via == "short", has_prev, has_prev | has_next)
    # rank: named before (nearest first), then named after (nearest first)
    rank = np.where(has_prev, dist_prev, big + dist_next)
    ok = np.flatnonzero(licensed)
    if len(ok) == 0:
        return cond.iloc[:0].assign(actor_id=pd.Series([], dtype=str), via=pd.Series([], dtype=str))
    order = ok[np.lexsort((rank[ok], row[ok]))]
    first = np.ones(len(order), bool)
    first[1:] = row[order][1:] != row[order][:-1]
    chosen = order[first]
    out = cond.iloc[row[chosen]].copy()
    out["actor_id"] = actor[chosen].astype(str)
    out["via"] = via[chosen].astype(str)
    return out


def _merge_exclusive(named: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Join two sets of non-overlapping spans so that no token is in two mentions.

    An ``extra`` span is kept when it is longer (in tokens) than every ``named`` span it
    overlaps, which are then dropped; otherwise the named spans win (ties included).
    """
    if extra.empty:
        return named
    if named.empty:
        return extra
    width = (
        int(
            max(
                named["tok"].max() + named["n_tok"].max(), extra["tok"].max() + extra["n_tok"].max()
            )
        )
        + 1
    )
    gs_n = named["doc_id"].cat.codes.to_numpy().astype(np.int64) * width + named["tok"].to_numpy()
    ge_n = gs_n + named["n_tok"].to_numpy()
    order = np.argsort(gs_n, kind="stable")
    gs_n_s, ge_n_s = gs_n[order], ge_n[order]
    len_n_s = named["n_tok"].to_numpy()[order]
    gs_x = extra["doc_id"].cat.codes.to_numpy().astype(np.int64) * width + extra["tok"].to_numpy()
    ge_x = gs_x + extra["n_tok"].to_numpy()
    lo = np.searchsorted(ge_n_s, gs_x, side="right")
    hi = np.searchsorted(gs_n_s, ge_x, side="left")
    cnt = np.maximum(hi - lo, 0)
    flat = np.repeat(lo, cnt) + (np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt))
    owner = np.repeat(np.arange(len(extra)), cnt)
    max_len = np.zeros(len(extra), np.int64)
    if len(flat):
        np.maximum.at(max_len, owner, len_n_s[flat])
    keep_x = extra["n_tok"].to_numpy() > max_len
    drop_sorted = np.zeros(len(named), bool)
    drop_sorted[flat[keep_x[owner]]] = True
    drop = np.zeros(len(named), bool)
    drop[order] = drop_sorted
    return pd.concat([named.loc[~drop], extra.loc[keep_x]], ignore_index=True)


def find_mentions(
    tokens: pd.DataFrame,
    actors: Actors | str | Path,
    *,
    docs: pd.DataFrame | None = None,
    fold_case: bool = True,
    fold_diacritics: bool = True,
) -> pd.DataFrame:
    """Find every mention of every actor, each token in at most one mention.

    Rules (all spellings are matched by :func:`analysis.matching.match` with ``scope="all"``,
    so the longest span wins: "Vietnamese Prosecutor General Le Minh Tri" is one mention of
    the person, not also one of Vietnam, and "Supreme People's Procuracy of Vietnam" one of
    the procuracy):

    * ``name``, ``alias``, ``title+name`` (a title directly before the name, an alias or a
      short form: "President Vo Van Thuong", "President Thuong") count wherever they occur;
    * ``short`` ("Thuong") counts only after the actor was named (name, alias or
      title+name) earlier in the same document;
    * ``role`` ("the President") counts only in documents where the actor is named, before or
      after the role;
    * a spelling that several actors share goes to the candidate named nearest before it in
      the document, else nearest after; if none is named it is dropped.

    Short forms, roles and shared spellings are matched in a second pass and licensed per
    document with binary searches over the matches table; a licensed span longer than the
    named spans it overlaps replaces them. An unlicensed span is dropped (it does not make
    room for shorter spellings inside it).

    Args:
        tokens: the tokens table (:func:`analysis.text.tokenize`).
        actors: an :class:`Actors` table or the path of an actor table file.
        docs: the docs table; pass it so that ``surface`` is exactly ``text[start:end]`` (without
            it the surface is rebuilt from the tokens, with spaces between them).
        fold_case: ignore case (default).
        fold_diacritics: ignore diacritics (default): "Võ Văn Thưởng" = "Vo Van Thuong".

    Returns:
        The mentions table, sorted by document and ``start``: ``doc_id`` (categorical, as in
        ``tokens``), ``sent``, ``start``, ``end`` (character offsets into the document text),
        ``surface`` (``text[start:end]``), ``actor_id``, ``actor_type``, ``via`` (one of
        :data:`VIA_VALUES`).

    Raises:
        ActorTableError, FileNotFoundError: when ``actors`` is a path that cannot be loaded.

    Example:
        >>> from analysis.text import tokenize_text
        >>> a = Actors.from_records([{"id": "vvt", "name": "Vo Van Thuong", "type": "person",
        ...     "titles": ["President"], "short": ["Thuong"], "roles": ["the President"]}])
        >>> m = find_mentions(tokenize_text("Thuong came. President Võ Văn Thưởng spoke. "
        ...     "Thuong and the President left."), a)
        >>> m[["surface", "via"]].values.tolist()
        [['President Võ Văn Thưởng', 'title+name'], ['Thuong', 'short'], ['the President', 'role']]
    """
    act = _as_actors(actors)
    plan = act._plan(bool(fold_case), bool(fold_diacritics))
    m1 = match(tokens, plan.stage1, scope="all", docs=docs)
    # split each distinct key "actor|via" once, not once per match
    key_codes, uniq = pd.factorize(m1["key"])
    parts = [str(k).rsplit("|", 1) for k in uniq]
    key_actor = np.array([p[0] for p in parts], dtype=object)
    key_via = np.array([p[1] for p in parts], dtype=object)
    named = m1.assign(
        actor_id=key_actor[key_codes].astype(str) if len(m1) else np.array([], dtype=str),
        via=key_via[key_codes].astype(str) if len(m1) else np.array([], dtype=str),
    )
    if len(plan.stage2):
        # without docs here: the few licensed rows get their exact surface below
        m2 = match(tokens, plan.stage2, scope="all")
        extra = _license(m2, named, plan.candidates)
        if docs is not None and len(extra):
            ids = extra["doc_id"].astype(str)
            sub = docs[docs["doc_id"].astype(str).isin(set(ids))]
            texts = dict(zip(sub["doc_id"].astype(str), sub["text"], strict=True))
            extra["matched"] = [
                texts[d][a:b] for d, a, b in zip(ids, extra["start"], extra["end"], strict=True)
            ]
        named = _merge_exclusive(named, extra)
    if named.empty:
        return _empty_mentions(tokens)
    named = named.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    types = act.types
    return pd.DataFrame(
        {
            "doc_id": named["doc_id"],
            "sent": named["sent"].to_numpy(),
            "start": named["start"].to_numpy().astype(np.int64),
            "end": named["end"].to_numpy().astype(np.int64),
            "surface": named["matched"].astype(str),
            "actor_id": named["actor_id"].astype(str),
            "actor_type": named["actor_id"].map(types).astype(str),
            "via": named["via"].astype(str),
        }
    )


# ---------------------------------------------------------------------------------------------
# counts

Normalize = Literal["per_1k_tokens", "share_of_docs", "share_of_mentions"]
_NORMALIZE = (None, "per_1k_tokens", "share_of_docs", "share_of_mentions")


def _doc_groups(mentions: pd.DataFrame, docs: pd.DataFrame | None, by: str | None) -> pd.Series:
    """doc_id -> group label (str) for every document in the corpus."""
    if docs is not None:
        if "doc_id" not in docs.columns:
            raise ValueError("docs needs a 'doc_id' column")
        ids = docs["doc_id"].astype(str)
        if by is None:
            return pd.Series("all", index=pd.Index(ids, name="doc_id"), dtype=str)
        if by not in docs.columns:
            raise ValueError(
                f"by={by!r} is not a column of docs (has: {', '.join(map(str, docs.columns))})"
            )
        return pd.Series(docs[by].astype(str).to_numpy(), index=pd.Index(ids, name="doc_id"))
    if by is not None:
        raise ValueError(f"by={by!r} needs docs= (the docs table holding that column)")
    col = mentions["doc_id"]
    ids = (
        pd.Index(col.cat.categories.astype(str))
        if isinstance(col.dtype, pd.CategoricalDtype)
        else pd.Index(pd.unique(col.astype(str)))
    )
    return pd.Series("all", index=pd.Index(ids, name="doc_id"), dtype=str)


def _codes(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer code per row and the str name of each code (categoricals without a str cast)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return (
            col.cat.codes.to_numpy().astype(np.int64),
            np.asarray(col.cat.categories.astype(str), dtype=object),
        )
    codes, uniques = pd.factorize(col.astype(str))
    return np.asarray(codes, np.int64), np.asarray(uniques, dtype=object)


def actor_counts(
    mentions: pd.DataFrame,
    docs: pd.DataFrame | None = None,
    *,
    by: str | None = None,
    normalize: Normalize | None = None,
    tokens: pd.DataFrame | None = None,
    actors: Actors | None = None,
) -> pd.DataFrame:
    """How often, and in how many documents, each actor is mentioned, per group of documents.

    Args:
        mentions: from :func:`find_mentions`.
        docs: the docs table: the documents that make up each group (also those without
            mentions). Without it the corpus is the categories of ``mentions.doc_id``.
        by: a document variable to group by (e.g. ``"outlet"``); default one group ``"all"``.
        normalize: add a rate column named after the choice: ``"per_1k_tokens"`` (mentions per
            1,000 word tokens of the group's documents, punctuation not counted; needs
            ``tokens``), ``"share_of_docs"`` (``docs / n_docs``), ``"share_of_mentions"`` (the
            actor's share of all actor mentions in the group).
        tokens: the tokens table, for ``per_1k_tokens``.
        actors: the actor table; adds ``name`` and ``type`` and lists actors never mentioned
            with zero counts.

    Returns:
        One row per group and actor (every actor mentioned anywhere, or every actor of
        ``actors``, in every group; zeros included), sorted by ``group``, ``mentions``
        descending, ``actor_id``: ``group``, ``actor_id``, [``name``, ``type``],
        ``mentions`` (count), ``docs`` (documents of the group mentioning the actor),
        ``n_docs`` (documents in the group), [the ``normalize`` column].

    Raises:
        ValueError: a bad ``normalize``, ``by`` not a column of ``docs``, ``per_1k_tokens``
            without ``tokens``, or mentions of documents missing from ``docs``.

    Example:
        >>> counts = actor_counts(mentions, docs, by="outlet")  # doctest: +SKIP
    """
    _check_choice("normalize", normalize, _NORMALIZE)
    if normalize == "per_1k_tokens" and tokens is None:
        raise ValueError("normalize='per_1k_tokens' needs tokens= (the tokens table)")
    groups = _doc_groups(mentions, docs, by)
    # work on per-document codes: casting every row's doc_id to str is the slow part
    m_codes, m_names = _codes(mentions["doc_id"])
    unknown = sorted(set(m_names[np.unique(m_codes)]) - set(groups.index))
    if unknown:
        raise ValueError(
            f"mentions refer to {len(unknown)} document(s) not in docs: {', '.join(unknown[:10])}"
        )
    name_group = groups.reindex(m_names).to_numpy(dtype=object)
    m = pd.DataFrame(
        {"group": name_group[m_codes], "doc_id": m_codes,
         "actor_id": mentions["actor_id"].to_numpy(dtype=object)}
    )  # fmt: skip
    agg = m.groupby(["group", "actor_id"], sort=False).agg(
        mentions=("doc_id", "size"), docs=("doc_id", "nunique")
    )
    group_names = sorted(set(groups.to_numpy()))
    actor_ids = sorted(actors.ids) if actors is not None else sorted(set(m["actor_id"]))
    grid = pd.MultiIndex.from_product([group_names, actor_ids], names=["group", "actor_id"])
    out = agg.reindex(grid, fill_value=0).reset_index()
    out["mentions"] = out["mentions"].astype(np.int64)
    out["docs"] = out["docs"].astype(np.int64)
    n_docs = groups.value_counts()
    out["n_docs"] = out["group"].map(n_docs).astype(np.int64)
    if actors is not None:
        out.insert(2, "name", out["actor_id"].map(actors.names).astype(str))
        out.insert(3, "type", out["actor_id"].map(actors.types).astype(str))
    if normalize == "per_1k_tokens":
        assert tokens is not None
        t_codes, t_names = _codes(tokens["doc_id"])
        per_doc = np.bincount(t_codes[~is_punct(tokens)], minlength=len(t_names))
        n_tok = (
            pd.Series(per_doc, index=groups.reindex(t_names).to_numpy(dtype=object))
            .groupby(level=0)
            .sum()
        )
        denom = out["group"].map(n_tok).fillna(0).to_numpy(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            out["per_1k_tokens"] = np.where(denom > 0, out["mentions"] * 1000.0 / denom, np.nan)
    elif normalize == "share_of_docs":
        out["share_of_docs"] = out["docs"] / out["n_docs"].where(out["n_docs"] > 0)
    elif normalize == "share_of_mentions":
        total = out.groupby("group")["mentions"].transform("sum")
        out["share_of_mentions"] = out["mentions"] / total.where(total > 0)
    out = out.sort_values(
        ["group", "mentions", "actor_id"], ascending=[True, False, True], kind="stable"
    )
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# discovery of names the table misses

#: Lowercase words allowed inside a name ("Ministry of Justice", "Committee for Judicial
#: Reform", "Bosnia and Herzegovina"); extend it for other languages' particles.
NAME_CONNECTORS: frozenset[str] = frozenset(
    {"of", "the", "for", "and", "on", "de", "del", "della", "di", "da", "du", "des", "la", "le",
     "van", "von", "der", "den", "bin", "al", "el", "y", "&"}
)  # fmt: skip
#: Capitalised words that are never names on their own (months, weekdays).
NOT_NAMES: frozenset[str] = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "i"}
)  # fmt: skip
# Function words that are capitalised only because they open a sentence ("According to").
_SENTENCE_OPENERS = frozenset({"according", "along", "through", "after", "before", "despite"})
_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "(", "[", "«", "—", "–", "-", ":"})


def unlisted_names(
    tokens: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    docs: pd.DataFrame | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Capitalised name sequences that no mention covers: candidates to add to the table.

    A candidate is a run of capitalised tokens within a sentence, allowing the lowercase
    connectors of :data:`NAME_CONNECTORS` inside it ("Central Steering Committee for Judicial
    Reform"), not covered by any mention (a mention splits a run). A capitalised stopword or
    "According" that opens a sentence (or follows an opening quote or bracket) is not part of a
    name ("The", "In"); a lone sentence-initial word counts only if the same word is
    capitalised elsewhere in the corpus away from a sentence start ("Vietnam" yes, "Delegates"
    no). Months, weekdays (:data:`NOT_NAMES`), numbers and punctuation never count.

    Args:
        tokens: the tokens table.
        mentions: from :func:`find_mentions` on the same tokens.
        docs: the docs table, for exact example sentences (else rebuilt from tokens).
        min_count: keep candidates seen at least this often.

    Returns:
        One row per candidate (case- and diacritic-folded spellings grouped), sorted by
        ``count`` descending then ``name``: ``name`` (the most frequent spelling), ``count``
        (occurrences), ``docs`` (documents), ``example`` (the sentence of the first
        occurrence), ``doc_id``, ``start``, ``end`` (offsets of the first occurrence).

    Example:
        >>> unlisted_names(tokens, mentions, docs=docs)  # doctest: +SKIP
    """
    if min_count < 1:
        raise ValueError(f"min_count={min_count} must be at least 1")
    cols = ["name", "count", "docs", "example", "doc_id", "start", "end"]
    n = len(tokens)
    if n == 0:
        return pd.DataFrame(
            {
                c: pd.Series([], dtype=str if c in ("name", "example", "doc_id") else np.int64)
                for c in cols
            }
        )
    tok_cats = tokens["token"].cat.categories
    norm_cats = tokens["norm"].cat.categories
    stop = load_stopwords() | _SENTENCE_OPENERS
    t_cap = np.fromiter(
        (bool(t) and t[0].isupper() and any(ch.isalpha() for ch in t) for t in tok_cats),
        bool,
        count=len(tok_cats),
    )
    t_lower_conn = np.fromiter((t in NAME_CONNECTORS for t in tok_cats), bool, count=len(tok_cats))
    n_stop = np.fromiter((s in stop for s in norm_cats), bool, count=len(norm_cats))
    n_never = np.fromiter((s in NOT_NAMES for s in norm_cats), bool, count=len(norm_cats))
    n_open = np.fromiter((s in _OPENING_MARKS for s in norm_cats), bool, count=len(norm_cats))
    tc = tokens["token"].cat.codes.to_numpy()
    nc = tokens["norm"].cat.codes.to_numpy()
    doc = tokens["doc_id"].cat.codes.to_numpy().astype(np.int64)
    sent = tokens["sent"].to_numpy()
    starts = tokens["start"].to_numpy().astype(np.int64)
    ends = tokens["end"].to_numpy().astype(np.int64)
    new_sent = np.ones(n, bool)
    new_sent[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    prev_open = np.zeros(n, bool)
    prev_open[1:] = n_open[nc[:-1]] & ~new_sent[1:]
    initial = new_sent | prev_open
    # covered by a mention: map mention spans onto token rows by global offsets
    covered = np.zeros(n, bool)
    if len(mentions):
        width = int(max(ends.max(), mentions["end"].max())) + 1
        doc_codes = pd.Categorical(
            mentions["doc_id"].astype(str), categories=tokens["doc_id"].cat.categories.astype(str)
        ).codes.astype(np.int64)
        g_tok = doc * width + starts
        g_ms = doc_codes * width + mentions["start"].to_numpy()
        g_me = doc_codes * width + mentions["end"].to_numpy()
        order = np.argsort(g_tok, kind="stable")
        first = np.searchsorted(g_tok[order], g_ms, side="left")
        last = np.searchsorted(g_tok[order], g_me, side="left")
        delta = np.zeros(n + 1, np.int64)
        np.add.at(delta, first, 1)
        np.add.at(delta, last, -1)
        covered[order] = np.cumsum(delta)[:n] > 0
    cap = t_cap[tc] & ~n_never[nc] & ~covered
    cap &= ~(initial & n_stop[nc])
    conn = t_lower_conn[tc] & ~covered
    member = cap | conn
    # runs of members within a sentence
    brk = ~member | new_sent
    run_id = np.cumsum(np.r_[True, brk[1:] | ~member[:-1]]) if n else np.zeros(0, np.int64)
    idx = np.flatnonzero(cap)
    if len(idx) == 0:
        return pd.DataFrame(
            {
                c: pd.Series([], dtype=str if c in ("name", "example", "doc_id") else np.int64)
                for c in cols
            }
        )
    rid = run_id[idx]
    new_run = np.r_[True, rid[1:] != rid[:-1]]
    first_i = idx[new_run]
    last_i = idx[np.r_[new_run[1:], True]]
    n_cap = np.diff(np.r_[np.flatnonzero(new_run), len(idx)])
    # a lone sentence-initial word is a name only if it is capitalised mid-sentence elsewhere
    mid_caps = set(nc[cap & ~initial])
    lone_initial = (n_cap == 1) & initial[first_i]
    keep = ~lone_initial | np.isin(nc[first_i], list(mid_caps))
    first_i, last_i = first_i[keep], last_i[keep]
    doc_names = np.asarray(tokens["doc_id"].cat.categories.astype(str), dtype=object)
    norm_arr = np.asarray(norm_cats, dtype=object)
    tok_arr = np.asarray(tok_cats, dtype=object)
    texts = (
        dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
        if docs is not None
        else None
    )

    def span_text(a: int, b: int) -> str:
        if texts is not None:
            return texts[doc_names[doc[a]]][starts[a] : ends[b]]
        parts = [tok_arr[tc[a]]]
        for j in range(a + 1, b + 1):
            parts.append(" " * int(starts[j] - ends[j - 1]) + tok_arr[tc[j]])
        return "".join(parts)

    sent_first = np.flatnonzero(new_sent)
    sent_last = np.r_[sent_first[1:] - 1, n - 1]
    sent_idx = np.cumsum(new_sent) - 1
    # one-token candidates (most of them) straight from the vocabulary; the rest by slicing
    key = norm_arr[nc[first_i]].copy()
    surface = tok_arr[tc[first_i]].copy()
    for j in np.flatnonzero(last_i > first_i):
        a, b = int(first_i[j]), int(last_i[j])
        key[j] = " ".join(norm_arr[nc[a : b + 1]])
        surface[j] = span_text(a, b)
    s_of = sent_idx[first_i]
    cand = pd.DataFrame(
        {"key": key, "surface": surface, "doc": doc[first_i], "a": first_i, "b": last_i,
         "sa": sent_first[s_of], "sb": sent_last[s_of]}
    )  # fmt: skip
    spelling = (
        cand.groupby(["key", "surface"], sort=False).size().rename("k").reset_index()
        .sort_values(["key", "k"], ascending=[True, False], kind="stable")
        .drop_duplicates("key").set_index("key")["surface"]
    )  # fmt: skip
    g = cand.groupby("key", sort=False)
    out = pd.DataFrame(
        {
            "name": spelling.reindex(g.size().index).to_numpy(),
            "count": g.size().to_numpy().astype(np.int64),
            "docs": g["doc"].nunique().to_numpy().astype(np.int64),
        }
    )
    firsts = g.head(1).set_index("key").reindex(g.size().index)
    out["example"] = [
        span_text(int(sa), int(sb)) for sa, sb in zip(firsts["sa"], firsts["sb"], strict=True)
    ]
    out["doc_id"] = [doc_names[int(d)] for d in firsts["doc"]]
    out["start"] = starts[firsts["a"].to_numpy()]
    out["end"] = ends[firsts["b"].to_numpy()]
    out = out[out["count"] >= min_count]
    out = out.sort_values(["count", "name"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)
