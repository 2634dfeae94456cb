"""Actor tables: the people, organisations, countries, groups and events a study tracks.

An actor table lists each actor with the spellings that refer to it. :func:`load_actors` reads
it (YAML or CSV) and validates it, naming the file, line and actor of every problem;
:meth:`Actors.from_records` builds one in code with the same checks;
:func:`analysis.actors.find_mentions` finds the mentions of its actors.

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
``short``        short forms (surname style, ``Thuong``) that count after a title
                 (``President Thuong``) or in a document that names the actor (before or
                 after the short form)
``roles``        definite descriptions (``the State leader``, ``the President``) that count
                 only in documents where the actor is named
``places``       ``true``/``false``: whether the place rules of
                 :func:`analysis.actors.find_mentions` apply (a mention that only locates
                 something, "held in Jakarta, Indonesia", is not counted). Default: ``true``
                 for ``country`` actors and for a ``group`` of countries (its name or an
                 alias ends in "countries", "states", "nations" or "economies": "ASEAN
                 member states", "procuratorates in ASEAN countries"), ``false`` for every
                 other type
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
from typing import Any

import numpy as np
import pandas as pd

from analysis._io import LineDict, LineList, load_yaml, read_text
from analysis.matching import PatternError, PatternSet, compile_patterns
from analysis.text import TOKEN_PATTERN, fold

__all__ = [
    "ACTOR_TYPES",
    "ACTOR_FIELDS",
    "VIA_VALUES",
    "ActorTableError",
    "Actors",
    "CompiledActors",
    "load_actors",
]

#: The allowed actor types. A table with any other type is rejected.
ACTOR_TYPES: tuple[str, ...] = (
    "person", "organisation", "country", "group", "event", "agreement", "place", "other",
)  # fmt: skip
_TYPE_SYNONYMS = {"organization": "organisation"}

#: The fields of an actor record, in table order.
ACTOR_FIELDS: tuple[str, ...] = (
    "id", "name", "type", "affiliation", "aliases", "titles", "short", "roles", "places", "note",
)  # fmt: skip
_LIST_FIELDS = ("aliases", "titles", "short", "roles")
_ITEM_NAMES = {"aliases": "alias", "titles": "title", "short": "short form", "roles": "role"}
# long-form CSV `field` values -> record field
_LONG_FIELDS = {
    "id": "id", "name": "name", "type": "type", "affiliation": "affiliation", "note": "note",
    "alias": "aliases", "aliases": "aliases", "title": "titles", "titles": "titles",
    "short": "short", "role": "roles", "roles": "roles", "places": "places",
}  # fmt: skip

#: How a mention was recognised (the ``via`` column of the mentions table).
#: ``compound`` is a part of a hyphenated compound ("ASEAN-China": one mention of each).
VIA_VALUES: tuple[str, ...] = ("name", "alias", "title+name", "short", "role", "compound")

_ID_RE = re.compile(r"[^\s|]+")
_BOOL_WORDS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
_TOKEN_RE = re.compile(TOKEN_PATTERN, re.VERBOSE)


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


def _file_error(source: str, line: int | None, problem: str) -> ActorTableError:
    """The error for a problem with the file as a whole (not with one actor)."""
    return ActorTableError(source, [(line, "file", problem)])


def _did_you_mean(word: str, allowed: Iterable[str]) -> str:
    hint = difflib.get_close_matches(word, sorted(allowed), n=1)
    return f" (did you mean {hint[0]!r}?)" if hint else ""


# ---------------------------------------------------------------------------------------------
# reading: YAML keeps line numbers, CSV (wide or long) keeps row line numbers


@dataclass
class _Record:
    """One actor as read, with the source line of the record and of each field or list item."""

    values: dict[str, Any]
    line: int | None = None
    field_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    problems: list[tuple[int | None, str]] = field(default_factory=list)


def _read_text(path: Path) -> str:
    """The file through the one reader (:mod:`analysis._io`), errors as ``ActorTableError``."""

    def fail(line: int | None, problem: str) -> ActorTableError:
        return _file_error(str(path), line, "the file is empty" if "empty" in problem else problem)

    return read_text(path, kind="actor table", fail=fail)[2]


def _records_from_yaml(text: str, source: str) -> list[_Record]:
    data = load_yaml(text, fail=lambda line, problem: _file_error(source, line, problem))
    if isinstance(data, LineDict):
        unknown = [k for k in data if k not in ("actors", "description", "note")]
        if unknown:
            raise _file_error(
                source,
                data.key_lines.get(unknown[0]),
                f"unknown top-level key {unknown[0]!r}; "
                "expected 'actors' (and optionally 'description', 'note')",
            )
        if "actors" not in data:
            raise _file_error(source, data.line, "no 'actors:' list")
        items = data["actors"]
    else:
        items = data
    if not isinstance(items, list):
        raise _file_error(source, getattr(items, "line", None), "'actors' must be a list of actors")
    records = []
    for i, item in enumerate(items):
        item_line = items.item_lines[i] if isinstance(items, LineList) else None
        if not isinstance(item, dict):
            rec = _Record({}, item_line)
            rec.problems.append((item_line, "each actor must be a mapping of fields (id, name, …)"))
            records.append(rec)
            continue
        rec = _Record(dict(item), getattr(item, "line", item_line))
        key_lines = getattr(item, "key_lines", {})
        rec.field_lines = {str(k): v for k, v in key_lines.items()}
        for k, v in item.items():
            if isinstance(v, LineList):
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
        raise _file_error(source, 1, f"cannot read the CSV header: {err}") from None
    header = [h.strip() for h in header]
    cols = set(header)
    long = {"field", "value"} <= cols
    id_col = "id" if "id" in cols else ("actor_id" if "actor_id" in cols else None)
    if id_col is None:
        raise _file_error(source, 1, f"the header needs an 'id' column (has: {', '.join(header)})")
    allowed = {id_col, "field", "value"} if long else set(ACTOR_FIELDS) | {id_col}
    unknown = [h for h in header if h not in allowed]
    if unknown:
        raise _file_error(
            source,
            1,
            f"unknown column {unknown[0]!r}{_did_you_mean(unknown[0], allowed)}; "
            f"allowed: {', '.join(sorted(allowed))}",
        )
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num
    try:
        for row in reader:
            start_line, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise _file_error(
                    source, start_line, f"row has {len(row)} cells but the header has {len(header)}"
                )
            rows.append((start_line, dict(zip(header, row, strict=True))))
    except csv.Error as err:
        raise _file_error(source, line + 1, f"CSV error: {err}") from None
    if long:
        return _records_from_long_rows(rows, id_col)
    records = []
    for line_no, cells in rows:
        values: dict[str, Any] = {}
        for col, cell in cells.items():
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
            rec.problems.append(
                (
                    line_no,
                    f"unknown field {fld!r}{_did_you_mean(fld, _LONG_FIELDS)}; "
                    f"allowed: {', '.join(sorted(set(_LONG_FIELDS) - {'id'}))}",
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


# the last word of a group of countries' name: "ASEAN member states", "G20 economies"
_COUNTRIES_GROUP_RE = re.compile(r"(?i)\b(?:countries|states|nations|economies)\W*$")


def _countries_group(name: str | None, values: dict) -> bool:
    """A group whose name or an alias names countries: the place rules apply to it as to a
    country ("prosecutors in ASEAN countries" locates them)."""
    raw = values.get("aliases")
    aliases = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return any(isinstance(s, str) and _COUNTRIES_GROUP_RE.search(s) for s in [name, *aliases])


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
                # "{id: x, name: Foreign, Commonwealth and Development Office}": YAML splits an
                # unquoted value at its comma, and the rest of the name becomes a key with no
                # value (two of the sixteen tables written for held-out sets 169-184 did this)
                split = (
                    v[key] is None and " " in str(key).strip()
                    and " (a comma inside an unquoted value of a {…} mapping? quote the value)"
                )  # fmt: skip
                bad(
                    f"unknown field {key!r}{split or _did_you_mean(str(key), ACTOR_FIELDS)}; "
                    f"allowed: {', '.join(ACTOR_FIELDS)}",
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
        raw_places = v.get("places")
        if raw_places is None or (isinstance(raw_places, str) and not raw_places.strip()):
            places = typ == "country" or (typ == "group" and _countries_group(name, v))
        elif isinstance(raw_places, bool):
            places = raw_places
        elif isinstance(raw_places, str) and raw_places.strip().lower() in _BOOL_WORDS:
            places = _BOOL_WORDS[raw_places.strip().lower()]
        else:
            bad(f"places must be true or false, not {raw_places!r}", rec.field_lines.get("places"))
            places = False
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
                "places": bool(places),
                "note": note,
                "line": rec.line,
                "_aff_line": rec.field_lines.get("affiliation"),
                "_label": label,
            }
        )
    ids = {str(r["id"]) for r in rows if r["id"]}
    for r in rows:
        aff = str(r["affiliation"] or "")
        aff_line = r["_aff_line"] or r["line"]
        line_of = int(aff_line) if isinstance(aff_line, (int, np.integer)) else None
        if aff and aff not in ids:
            problems.append(
                (
                    line_of,
                    str(r["_label"]),
                    f"unknown affiliation id {aff!r}{_did_you_mean(aff, ids)}; "
                    "it must be the id of another actor in the table",
                )
            )
        elif aff and aff == r["id"]:
            problems.append((line_of, str(r["_label"]), "affiliation is itself"))
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
class CompiledActors:
    """The spellings of an actor table compiled for one folding setting (:meth:`Actors.compile`).

    Attributes:
        stage1: the spellings that name exactly one actor (name, alias, title+name) and count
            wherever they occur, keyed ``<actor_id>|<via>``.
        stage2: the conditional ones (short forms, roles, and any spelling shared by several
            actors), keyed ``?<n>``.
        candidates: ``?<n>`` -> the ``(actor_id, via)`` pairs a stage-2 match may belong to.
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

    @property
    def affiliations(self) -> dict[str, Any]:
        """``id -> affiliation`` (the affiliated actor's id; not a string where the table gives
        none). Built once per table: the mention rules read it for every chunk."""
        got = self._cache.get("affiliations")
        if got is None:
            got = self._cache["affiliations"] = dict(
                zip(self.table["id"], self.table["affiliation"], strict=True)
            )
        return got

    @property
    def spellings(self) -> dict[str, frozenset[str]]:
        """``id -> {name and aliases, case-folded}``: what a bracketed abbreviation is checked
        against ("Ministry of Public Security (MPS)"). Built once per table."""
        got = self._cache.get("spellings")
        if got is None:
            got = self._cache["spellings"] = {
                i: frozenset(str(x).casefold() for x in (name, *aliases))
                for i, name, aliases in zip(
                    self.table["id"], self.table["name"], self.table["aliases"], strict=True
                )
            }
        return got

    def patterns(self, *, titles_alone: bool = False) -> pd.DataFrame:
        """Every spelling the matcher looks for, for audit.

        Args:
            titles_alone: also list each title of two words or more after "the" ("the Deputy
                Minister") as a role of its holder (``named in doc``), as
                :func:`analysis.actors.find_mentions` matches them by default.

        Returns:
            One row per (actor, spelling): ``actor_id``, ``via`` (name, alias, title+name, short,
            role), ``pattern`` (as it will be matched; title+name rows combine each title with
            the name, each alias and each short form), ``condition`` (``none``: counts wherever
            it occurs; ``named in doc``: only in documents where the actor is named (short
            forms and roles, before or after the naming);
            ``ambiguous``: the spelling belongs to several actors and goes to the one named
            nearest before it, else nearest after it, else nowhere). A spelling listed twice
            for one actor keeps its first ``via`` (name, alias, title+name, short, role).
            Possessive forms (``China's``) are added at matching time and not listed.

        Example:
            >>> a = Actors.from_records([{"id": "vvt", "name": "Vo Van Thuong", "type": "person",
            ...     "titles": ["President"], "short": ["Thuong"]}])
            >>> p = a.patterns()
            >>> p["pattern"].tolist()
            ['Vo Van Thuong', 'President Vo Van Thuong', 'President Thuong', 'Thuong']
            >>> p["condition"].tolist()
            ['none', 'none', 'none', 'named in doc']
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
            plain = [t for t in r.titles if not t.startswith("regex:")]
            if r.type == "person" and not r.name.startswith("regex:"):
                # stacked titles before the full name: "AFC President Sheikh Khalid …"
                for t1 in plain:
                    for t2 in plain:
                        if _key(t1) not in _key(t2) and _key(t2) not in _key(t1):
                            add("title+name", f"{t1} {t2} {r.name}")
            for s in r.short:
                add("short", s)
            for ro in r.roles:
                add("role", ro)
            for t in r.titles if titles_alone else ():
                # a listed title of two words or more standing alone after "the" ("The Deputy
                # Minister affirmed …", "the national police chief") refers to its holder
                # (or one word that is an acronym or hyphenated: "The DPP", "The
                # Attorney-General"; held-out set 9)
                if (
                    not t.startswith("regex:")
                    and (len(t.split()) >= 2 or (len(t) >= 2 and t.isupper()) or "-" in t[1:-1])
                    and t.split()[0].lower() != "the"
                ):
                    add("role", f"the {t}")
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
            [owners.to_numpy() > 1, df["via"].isin(["short", "role"]).to_numpy()],
            ["ambiguous", "named in doc"],
            default="none",
        )
        df["condition"] = condition
        df.loc[short_titled & (owners > 1), "condition"] = "ambiguous"
        return df.drop(columns="_key").reset_index(drop=True)

    def ambiguous(self) -> pd.DataFrame:
        """Spellings shared by several actors: ``pattern, actor_ids`` (str, ``;``-joined).

        Example:
            >>> Actors.from_records([{"id": "ga", "name": "Georgia", "type": "country"},
            ...     {"id": "us_ga", "name": "State of Georgia", "type": "place",
            ...      "aliases": ["Georgia"]}]).ambiguous().values.tolist()
            [['Georgia', 'ga;us_ga']]
        """
        p = self.patterns()
        p = p[p["condition"].eq("ambiguous")]
        p = p.assign(_key=p["pattern"].map(_pattern_key))
        out = p.groupby("_key", sort=False).agg(
            pattern=("pattern", "first"), actor_ids=("actor_id", lambda s: ";".join(sorted(set(s))))
        )
        return out.reset_index(drop=True)

    def compile(
        self, *, fold_case: bool = True, fold_diacritics: bool = True, titles_alone: bool = False
    ) -> CompiledActors:
        """The spellings of :meth:`patterns`, with possessives, compiled for the matcher.

        ``titles_alone`` as in :meth:`patterns`.

        Compiled once per folding setting and kept (also when the table is pickled to Dask
        workers, so that they do not compile their own).

        Example:
            >>> a = Actors.from_records([{"id": "cn", "name": "China", "type": "country"}])
            >>> plan = a.compile()
            >>> plan.stage1.keys, len(plan.stage1), len(plan.stage2)  # China, China's
            (['cn|name'], 2, 0)
        """
        fold_case, fold_diacritics = bool(fold_case), bool(fold_diacritics)
        cache_key: tuple = ("plan", fold_case, fold_diacritics)
        if titles_alone:
            cache_key = (*cache_key, "titles_alone")
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        p = self.patterns(titles_alone=titles_alone)
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
        plan = CompiledActors(
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


def _key(title: str) -> str:
    """A title folded to its words, padded for whole-word containment tests."""
    return f" {' '.join(fold(title).split())} "


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
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "actors.yml"
        >>> _ = path.write_text("- {id: cn, name: China, type: country, aliases: [PRC, Beijing]}")
        >>> actors = load_actors(path)
        >>> actors.table[["id", "name", "type", "aliases"]].values.tolist()
        [['cn', 'China', 'country', ('PRC', 'Beijing')]]
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yml", ".yaml", ".csv"):
        raise _file_error(str(path), None, f"unknown format {suffix!r}; use .yml, .yaml or .csv")
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
