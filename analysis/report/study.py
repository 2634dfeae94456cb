"""The study file: everything a report is computed from, checked before anything runs.

A *study file* (YAML) names the corpus, its metadata, the grouping variable, the codebook, the
actor table, the gold file, the stopword list and the per-notebook parameters. Every path in it
is relative to the file's own folder. :func:`load_study` reads it through the package's one
file reader (:mod:`analysis._io`: UTF-8, safe YAML, duplicate keys and anchors refused) and
names the file, the line and the key in every error.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import pandas as pd

from analysis._io import csv_rows, load_yaml, read_text
from analysis.report._common import (
    did_you_mean,
    plain,
    short_repr,
    type_name,
)

__all__ = [
    "StudyError",
    "Study",
    "load_study",
    "load_study_docs",
    "LINE_BREAKS",
    "DUPLICATE_ACTIONS",
    "DATE_POLICIES",
    "STUDY_PERIODS",
]

LineBreaks = Literal["auto", "paragraph", "line", "none"]
DuplicateAction = Literal["keep", "flag", "drop"]
DatePolicy = Literal["error", "warn"]
StudyPeriod = Literal["auto", "day", "week", "month", "quarter", "year"]
#: ``corpus.line_breaks``: how :func:`analysis.text.tokenize` reads single line breaks.
LINE_BREAKS: tuple[str, ...] = get_args(LineBreaks)
#: ``corpus.duplicates``: keep every document, flag near-duplicates, or drop them.
DUPLICATE_ACTIONS: tuple[str, ...] = get_args(DuplicateAction)
#: ``corpus.dates``: an unreadable date is an error, or a warning (the date left empty).
DATE_POLICIES: tuple[str, ...] = get_args(DatePolicy)
#: ``period``: the time unit of the trends (``auto``: chosen by the span of the dates).
STUDY_PERIODS: tuple[str, ...] = get_args(StudyPeriod)
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_YAML_PROBLEM = re.compile(r"not valid YAML, column (\d+): (.*)", re.DOTALL)


class StudyError(ValueError):
    """The study file cannot be used; the message names the file, the key and the problem."""


@dataclass(frozen=True)
class Study:
    """A validated study file. Paths are absolute (resolved against the study file's folder).

    Attributes:
        path: the study file.
        name: folder name of the report (``reports/<name>/``).
        title: human title shown in the reports.
        corpus: folder of ``.txt``/``.html`` files or a ``.csv``/``.jsonl``/``.parquet`` table.
        pattern: glob selecting the files of a corpus folder; None: the corpus reader's
            default (``.txt``, ``.html``, ``.htm``).
        metadata: metadata CSV for a corpus folder, or None.
        text_column, id_column: column names for a table corpus.
        clean_boilerplate: remove boilerplate lines (false when ``corpus.boilerplate`` is false).
        boilerplate: the boilerplate rules as written (``"default"``, a rule-set name, or a
            ``{name, pattern, where}`` mapping, in order); empty when cleaning is off.
        boilerplate_max_share: a rule removing more than this share of a document's lines is
            not applied to it; None: the library default.
        line_breaks: how single line breaks are read by the tokenizer
            (``auto|paragraph|line|none``); None: the library default (``auto``).
        duplicates: ``flag`` (default: adds ``duplicate_of``), ``keep`` (no duplicate search)
            or ``drop`` (removes all but the kept copy).
        duplicate_threshold: similarity from which two documents are duplicates; None: default.
        dates: ``error`` or ``warn`` for a date that cannot be read; None: the library default.
        language: the expected language of the documents (ISO 639-1 code); None: default.
        group: the document variable reports compare (e.g. ``outlet``).
        codebook, actors, gold, actor_gold, stopwords: input files, or None.
        cues, exclude_cues: quote cue words added to / removed from the built-in ones.
        period: time unit of the trends (``auto|day|week|month|quarter|year``).
        periods: two named date ranges ``{label: (start, end)}`` (ISO dates, inclusive) whose
            words are compared, or None.
        notebooks: folder of notebooks to run, or None for the default.
        parameters: per-notebook parameter overrides, ``{notebook: {name: value}}``.

    Example:
        >>> study = load_study("data/study.yml")
        >>> study.root == study.path.parent, study.corpus.name, study.boilerplate
        (True, 'raw', ('default',))
        >>> study.tokenize_options, study.corpus_options
        ({}, {'pattern': '*.txt'})
    """

    path: Path
    name: str
    title: str
    corpus: Path
    pattern: str | None = None
    metadata: Path | None = None
    text_column: str = "text"
    id_column: str = "doc_id"
    clean_boilerplate: bool = True
    group: str = "outlet"
    codebook: Path | None = None
    actors: Path | None = None
    gold: Path | None = None
    stopwords: Path | None = None
    notebooks: Path | None = None
    parameters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    boilerplate: tuple[Any, ...] = ("default",)
    boilerplate_max_share: float | None = None
    line_breaks: str | None = None
    duplicates: str = "flag"
    duplicate_threshold: float | None = None
    dates: str | None = None
    language: str | tuple[str, ...] | None = None
    actor_gold: Path | None = None
    cues: tuple[str, ...] | None = None
    exclude_cues: tuple[str, ...] | None = None
    period: str = "auto"
    periods: Mapping[str, tuple[str, str]] | None = None

    @property
    def root(self) -> Path:
        """The folder holding the study file; relative paths in it start here."""
        return self.path.parent

    @property
    def corpus_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`analysis.corpus.load_corpus` the study sets (``pattern``,
        ``dates``, ``language``); empty when it keeps the library defaults."""
        given = (("pattern", self.pattern), ("dates", self.dates), ("language", self.language))
        return {k: v for k, v in given if v is not None}

    @property
    def tokenize_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`analysis.text.tokenize`: ``line_breaks`` when the study
        sets it (``tokenize(docs, **study.tokenize_options)``)."""
        return {} if self.line_breaks is None else {"line_breaks": self.line_breaks}

    @property
    def quote_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`analysis.quotes.find_quotes`: ``cues`` and
        ``exclude_cues`` when the study sets them."""
        return {
            k: list(v)
            for k, v in (("cues", self.cues), ("exclude_cues", self.exclude_cues))
            if v is not None
        }


# key -> (allowed python types, description, required, kind). kind: file | dir | path | value
_TOP_KEYS: dict[str, tuple[tuple[type, ...], str, bool, str]] = {
    "name": ((str,), "a string (folder-safe: letters, digits, _ . -)", True, "value"),
    "title": ((str,), "a string", False, "value"),
    "corpus": ((dict, str), "a mapping (source, metadata, pattern, ...) or a path", True, "value"),
    "group": ((str,), "a string (a metadata column)", True, "value"),
    "codebook": ((str,), "a path to a codebook YAML file", False, "file"),
    "actors": ((str,), "a path to an actor table", False, "file"),
    "gold": ((str,), "a path to a gold-standard CSV", False, "file"),
    "actor_gold": ((str,), "a path to a hand-coded mentions/quotes CSV", False, "file"),
    "stopwords": ((str,), "a path to a stopword list", False, "file"),
    "notebooks": ((str,), "a path to a folder of notebooks", False, "dir"),
    "quotes": ((dict,), "a mapping with 'cues' and/or 'exclude_cues'", False, "value"),
    "period": ((str,), f"one of {', '.join(STUDY_PERIODS)}", False, "value"),
    "periods": ((dict,), "a mapping of two periods {label: [start, end]}", False, "value"),
    "parameters": ((dict,), "a mapping notebook -> {parameter: value}", False, "value"),
}
_CORPUS_KEYS: dict[str, tuple[tuple[type, ...], str, bool, str]] = {
    "source": ((str,), "a path to a folder of .txt files or a table file", True, "path"),
    "metadata": ((str,), "a path to a metadata CSV", False, "file"),
    "pattern": ((str,), "a glob such as '*.txt'", False, "value"),
    "text_column": ((str,), "a column name", False, "value"),
    "id_column": ((str,), "a column name", False, "value"),
    "clean_boilerplate": ((bool,), "true or false", False, "value"),
    "boilerplate": (
        (bool, list),
        "true, false, or a list of rule-set names and {name, pattern, where} rules",
        False,
        "value",
    ),
    "boilerplate_max_share": ((int, float), "a number above 0 and at most 1", False, "value"),
    "line_breaks": ((str,), f"one of {', '.join(LINE_BREAKS)}", False, "value"),
    "duplicates": ((str,), f"one of {', '.join(DUPLICATE_ACTIONS)}", False, "value"),
    "duplicate_threshold": ((int, float), "a number above 0 and at most 1", False, "value"),
    "dates": ((str,), f"one of {', '.join(DATE_POLICIES)}", False, "value"),
    "language": ((str, list), "a language code such as 'en', or a list of them", False, "value"),
}
_QUOTES_KEYS: dict[str, tuple[tuple[type, ...], str, bool, str]] = {
    "cues": ((list,), "a list of cue words or phrases", False, "value"),
    "exclude_cues": ((list,), "a list of cue words or phrases", False, "value"),
}
# Report folders the runner writes next to ``<name>/``; a study name must not produce them.
_RESERVED_NAME = re.compile(r"\.failed$|\.tmp-|\.old-|\.lock$", re.IGNORECASE)


def _at(path: Path, data: Any, key: Any) -> str:
    """``"<path>: line N:"`` for the value of ``key``, or ``"<path>:"`` without a line."""
    line = getattr(data, "key_lines", {}).get(key)
    return f"{path}: line {line}:" if line else f"{path}:"


def _unknown_key(where: str, key: Any, allowed: Iterable[str]) -> StudyError:
    allowed = list(allowed)
    hint = did_you_mean(key, allowed)
    return StudyError(f"{where}: unknown key {key!r}{hint} (allowed: {', '.join(allowed)})")


def _check_section(
    path: Path,
    data: Mapping[Any, Any],
    schema: Mapping[str, tuple[tuple[type, ...], str, bool, str]],
    prefix: str,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in data:
        if key not in schema:
            raise _unknown_key(f"{path}", f"{prefix}{key}", [f"{prefix}{k}" for k in schema])
    for key, (types, desc, required, kind) in schema.items():
        if key not in data or data[key] is None:
            if required:
                raise StudyError(f"{path}: missing required key '{prefix}{key}' ({desc})")
            continue
        value = data[key]
        # bool is an int subclass in Python; YAML `yes`/`true` must not pass for a number.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise StudyError(
                f"{_at(path, data, key)} key '{prefix}{key}' must be {desc}, got "
                f"{type_name(value)} ({short_repr(plain(value))})"
            )
        if kind in ("file", "dir", "path"):
            target = (path.parent / str(value)).resolve()
            ok = {
                "file": target.is_file(),
                "dir": target.is_dir(),
                "path": target.exists(),
            }[kind]
            if not ok:
                what = {"file": "file", "dir": "folder", "path": "file or folder"}[kind]
                raise StudyError(
                    f"{_at(path, data, key)} key '{prefix}{key}': {what} not found: {target} "
                    "(paths are relative to the study file)"
                )
            value = target
        out[key] = value
    return out


def _item_at(path: Path, items: Any, index: int) -> str:
    """``"<path>: line N:"`` for item ``index`` of a list read with line numbers."""
    lines = getattr(items, "item_lines", None)
    return f"{path}: line {lines[index]}:" if lines and index < len(lines) else f"{path}:"


def _check_choice(
    path: Path, data: Any, key: str, prefix: str, allowed: tuple[str, ...]
) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if value not in allowed:
        raise StudyError(
            f"{_at(path, data, key)} key '{prefix}{key}' must be one of {', '.join(allowed)}, "
            f"got {short_repr(value)}{did_you_mean(value, allowed)}"
        )
    return str(value)


def _check_share(path: Path, data: Any, key: str, prefix: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if not 0 < value <= 1:
        raise StudyError(
            f"{_at(path, data, key)} key '{prefix}{key}' must be above 0 and at most 1, "
            f"got {value!r}"
        )
    return float(value)


def _check_strings(path: Path, data: Any, key: str, prefix: str) -> tuple[str, ...] | None:
    """A list of cue words: every item a non-empty string (``quotes.cues[2]`` names the item)."""
    items = data.get(key)
    if items is None:
        return None
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            got = "an empty string" if isinstance(item, str) else type_name(item)
            raise StudyError(
                f"{_item_at(path, items, i)} key '{prefix}{key}[{i}]' must be a non-empty "
                f"string (a cue word or phrase), got {got} ({short_repr(plain(item))})"
            )
    from analysis.quotes import CueListError, check_cues

    try:
        return check_cues(list(items), source=str(path), key=f"{prefix}{key}")
    except CueListError as err:
        raise StudyError(str(err)) from None


def _check_boilerplate(path: Path, corpus: Any) -> tuple[Any, ...]:
    """``corpus.boilerplate`` (or the old ``corpus.clean_boilerplate``) as a tuple of rule specs:
    rule-set names and rule mappings; empty when cleaning is off. Checked by
    :func:`analysis.boilerplate.boilerplate_rules` (set names, keys, patterns)."""
    from analysis.boilerplate import BoilerplateError, boilerplate_rules

    old, new = corpus.get("clean_boilerplate"), corpus.get("boilerplate")
    if old is not None and new is not None:
        raise StudyError(
            f"{_at(path, corpus, 'clean_boilerplate')} give either 'corpus.boilerplate' or the "
            "older 'corpus.clean_boilerplate', not both"
        )
    spec = new if new is not None else old
    if spec is None or spec is True:
        return ("default",)
    if spec is False:
        return ()
    if not spec:
        raise StudyError(
            f"{_at(path, corpus, 'boilerplate')} key 'corpus.boilerplate' is an empty list; "
            "write false to switch cleaning off"
        )
    for i, item in enumerate(spec):
        if not isinstance(item, str | dict):
            raise StudyError(
                f"{_item_at(path, spec, i)} key 'corpus.boilerplate[{i}]' must be a rule-set "
                f"name or a mapping {{name, pattern, where}}, got {type_name(item)} "
                f"({short_repr(plain(item))})"
            )
    rules = tuple(plain(item) for item in spec)
    try:
        boilerplate_rules(list(rules), source=f"{_at(path, corpus, 'boilerplate')[:-1]}")
    except BoilerplateError as err:
        raise StudyError(f"{err} (key 'corpus.boilerplate')") from None
    return rules


def _iso_date(value: Any) -> str | None:
    if isinstance(value, _dt.datetime):
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def _check_periods(path: Path, data: Any) -> dict[str, tuple[str, str]] | None:
    periods = data.get("periods")
    if periods is None:
        return None
    if len(periods) != 2:
        raise StudyError(
            f"{_at(path, data, 'periods')} key 'periods' must name exactly two periods "
            f"(e.g. before: [2023-01-01, 2023-12-05], after: [...]), got {len(periods)}"
        )
    out: dict[str, tuple[str, str]] = {}
    for label, span in periods.items():
        key = f"periods.{label}"
        if not isinstance(label, str) or not label.strip():
            raise StudyError(f"{_at(path, periods, label)} key {key!r}: a label must be a string")
        dates = [_iso_date(v) for v in span] if isinstance(span, list) else []
        if len(dates) != 2 or None in dates:
            raise StudyError(
                f"{_at(path, periods, label)} key '{key}' must be [start, end] with two dates "
                f"written YYYY-MM-DD, got {short_repr(plain(span))}"
            )
        start, end = dates
        assert start is not None and end is not None
        if start > end:
            raise StudyError(
                f"{_at(path, periods, label)} key '{key}': start {start} is after end {end}"
            )
        out[label] = (start, end)
    (a, (a0, a1)), (b, (b0, b1)) = out.items()
    if a0 <= b1 and b0 <= a1:
        raise StudyError(
            f"{_at(path, data, 'periods')} key 'periods': {a!r} ({a0} to {a1}) and {b!r} "
            f"({b0} to {b1}) overlap; a document must belong to one period"
        )
    return out


def _read_yaml(path: Path) -> Any:
    def fail(line: int | None, problem: str) -> StudyError:
        # Every message of a study file puts the position first: "line 2, column 1: ...".
        found = _YAML_PROBLEM.fullmatch(problem)
        if found and line:
            problem = f"line {line}, column {found[1]}: not valid YAML: {found[2]}"
        return StudyError(f"{path}: {problem}")

    try:
        _, _, text = read_text(path, kind="study", fail=fail)
    except FileNotFoundError:
        raise StudyError(f"{path}: study file not found") from None
    return load_yaml(text, fail=fail)


class _Unreadable(Exception):
    pass


def _metadata_columns(path: Path) -> list[str] | None:
    if path.suffix.lower() != ".csv":
        return None

    def fail(line: int | None, problem: str) -> _Unreadable:
        return _Unreadable(problem)

    try:
        _, _, text = read_text(path, kind="metadata", fail=fail)
        return csv_rows(text, fail=fail)[0]
    except (_Unreadable, FileNotFoundError):
        # load_corpus reports these with the byte offset; the study check stays about the study.
        return None


def load_study(path: str | os.PathLike[str]) -> Study:
    """Read and validate a study file (YAML, safe loader).

    Every path in the file is relative to the file's own folder. The format::

        name: asean_china_sample        # report folder: reports/<name>/
        title: ASEAN-China conference   # optional
        corpus:
          source: raw                   # folder of .txt files, or .csv/.jsonl/.parquet
          metadata: metadata.csv        # for a folder: doc_id, file, outlet, ...
          pattern: "*.txt"              # optional
          boilerplate: [default]        # optional: true/false (default true), or rule-set
                                        #   names and {name, pattern, where} rules, in order
          boilerplate_max_share: 0.5    # optional: skip a rule removing more of a document
          line_breaks: auto             # optional: auto | paragraph | line | none
          duplicates: flag              # optional: flag (default) | keep | drop
          duplicate_threshold: 0.8      # optional: similarity from which texts are duplicates
          dates: error                  # optional: error | warn for an unreadable date
          language: en                  # optional: expected language (ISO 639-1)
        group: outlet                   # document variable to compare
        codebook: codebooks/x.yml       # optional
        actors: actors/x.yml            # optional
        gold: gold/x.csv                # optional: hand-coded themes
        actor_gold: gold/y.csv          # optional: hand-coded mentions and quotes
        stopwords: stopwords/english.txt  # optional (default: the shipped English list)
        quotes: {cues: [warned], exclude_cues: [added]}  # optional: quote cue words
        period: auto                    # optional: auto | day | week | month | quarter | year
        periods: {before: [2023-01-01, 2023-12-05], after: [2023-12-06, 2023-12-31]}
        notebooks: ../notebooks         # optional folder of notebooks to run
        parameters:                     # optional per-notebook overrides
          01_terms: {top_n: 20}

    ``corpus: raw`` is short for ``corpus: {source: raw}``; the older ``clean_boilerplate:
    true/false`` is still read (give it or ``boilerplate``, not both). A key may appear once per
    mapping; YAML anchors and aliases are refused. A name may not end in ``.failed`` or
    ``.lock`` nor contain ``.tmp-`` or ``.old-`` (the runner's own folders).

    Args:
        path: the study YAML file.

    Returns:
        A :class:`Study` with absolute paths.

    Raises:
        StudyError: the file is missing, a folder, not UTF-8, empty, not valid YAML, has a
            duplicate or unknown key (with a did-you-mean), a value of the wrong type or not
            one of the allowed values, a missing required key, names a file that does not
            exist, a ``group`` that is not a metadata column, an empty or non-string cue word,
            a boilerplate rule that is not a valid regular expression, or periods that are not
            two non-overlapping date ranges. The message starts with the study file, then the
            line (where one applies) and the key (``quotes.cues[2]`` for a list item).

    Example:
        >>> study = load_study("data/study.yml")
        >>> study.name, study.group, study.corpus.name, study.metadata.name
        ('asean_china_sample', 'outlet', 'raw', 'metadata.csv')
        >>> study.parameters["01_terms"]["top_n"]
        20
    """
    spath = Path(path).resolve()
    data = _read_yaml(spath)
    if data is None:
        raise StudyError(f"{spath}: study file is empty")
    if not isinstance(data, dict):
        raise StudyError(f"{spath}: must be a YAML mapping of keys, got {type_name(data)}")
    top = _check_section(spath, data, _TOP_KEYS, "")
    if not _NAME_RE.match(top["name"]):
        raise StudyError(
            f"{_at(spath, data, 'name')} key 'name' must be a folder-safe name (letters, digits, "
            f"_ . -), got {top['name']!r}"
        )
    if _RESERVED_NAME.search(top["name"]):
        raise StudyError(
            f"{_at(spath, data, 'name')} key 'name': {top['name']!r} looks like the runner's own "
            "folders (a name may not end in .failed or .lock, nor contain .tmp- or .old-); "
            "choose another name"
        )
    corpus_raw = top["corpus"]
    if isinstance(corpus_raw, str):
        corpus_raw = {"source": corpus_raw}
    corpus = _check_section(spath, corpus_raw, _CORPUS_KEYS, "corpus.")
    boilerplate = _check_boilerplate(spath, corpus_raw)
    language = corpus.get("language")
    codes = [language] if isinstance(language, str) else language or []
    for code in codes:
        if not isinstance(code, str) or not _LANGUAGE_RE.match(code):
            raise StudyError(
                f"{_at(spath, corpus_raw, 'language')} key 'corpus.language' must be a "
                f"lower-case ISO 639-1 language code such as 'en' (or a list of them), got "
                f"{short_repr(plain(code))}"
            )
    if isinstance(language, list):
        language = tuple(language)
    quotes_raw = top.get("quotes", {})
    _check_section(spath, quotes_raw, _QUOTES_KEYS, "quotes.")
    params_raw = top.get("parameters", {})
    params: dict[str, dict[str, Any]] = {}
    for nb, values in params_raw.items():
        if not isinstance(nb, str):
            raise StudyError(f"{spath}: key 'parameters': notebook names must be strings: {nb!r}")
        if values is None:
            values = {}
        if not isinstance(values, dict) or not all(isinstance(k, str) for k in values):
            raise StudyError(
                f"{_at(spath, params_raw, nb)} key 'parameters.{nb}' must be a mapping "
                f"parameter -> value, got {type_name(values)}"
            )
        params[nb] = plain(values)
    source: Path = corpus["source"]
    if source.is_dir() and "metadata" not in corpus:
        columns = None
    elif source.is_dir():
        columns = _metadata_columns(corpus["metadata"])
    else:
        columns = _metadata_columns(source)
    if columns is not None and top["group"] not in columns:
        where = corpus.get("metadata", source)
        raise StudyError(
            f"{_at(spath, data, 'group')} key 'group': {top['group']!r} is not a column of "
            f"{where} (columns: {', '.join(columns)}){did_you_mean(top['group'], columns)}"
        )
    return Study(
        path=spath,
        name=top["name"],
        title=top.get("title", top["name"]),
        corpus=source,
        pattern=corpus.get("pattern"),
        metadata=corpus.get("metadata"),
        text_column=corpus.get("text_column", "text"),
        id_column=corpus.get("id_column", "doc_id"),
        clean_boilerplate=bool(boilerplate),
        group=top["group"],
        codebook=top.get("codebook"),
        actors=top.get("actors"),
        gold=top.get("gold"),
        stopwords=top.get("stopwords"),
        notebooks=top.get("notebooks"),
        parameters=params,
        boilerplate=boilerplate,
        boilerplate_max_share=_check_share(spath, corpus_raw, "boilerplate_max_share", "corpus."),
        line_breaks=_check_choice(spath, corpus_raw, "line_breaks", "corpus.", LINE_BREAKS),
        duplicates=(
            _check_choice(spath, corpus_raw, "duplicates", "corpus.", DUPLICATE_ACTIONS) or "flag"
        ),
        duplicate_threshold=_check_share(spath, corpus_raw, "duplicate_threshold", "corpus."),
        dates=_check_choice(spath, corpus_raw, "dates", "corpus.", DATE_POLICIES),
        language=language,
        actor_gold=top.get("actor_gold"),
        cues=_check_strings(spath, quotes_raw, "cues", "quotes."),
        exclude_cues=_check_strings(spath, quotes_raw, "exclude_cues", "quotes."),
        period=_check_choice(spath, data, "period", "", STUDY_PERIODS) or "auto",
        periods=_check_periods(spath, data),
    )


#: Set by ``make lab STUDY=...``: the study the notebooks open in JupyterLab. The report runner
#: removes it from the kernels' environment, so an injected ``study_path`` always wins.
LAB_STUDY_ENV = "ANALYSIS_LAB_STUDY"


_FROZEN = False  # whether notebook_study has frozen the objects of this process


def notebook_study(study_path: str | os.PathLike[str]) -> Study:
    """The study a report notebook works on.

    Under the report runner, ``study_path`` (injected by papermill). In JupyterLab started by
    ``make lab STUDY=path/to/study.yml``, that study (``$ANALYSIS_LAB_STUDY``), so the same
    notebooks explore any study without editing their parameters cell.

    Called once the notebook's imports are done, it also takes the objects alive then out of
    the garbage collector's full collections (:func:`gc.freeze`): the libraries' ~190,000
    objects live as long as the kernel, and each full collection (one every few hundred
    thousand new objects, e.g. a few 12-panel figures) would go through them all again. Only
    at the first call in a process: a later call (the setup cell run again in JupyterLab)
    would also freeze the notebook's own objects, and frozen reference cycles (a figure and
    its axes) are never freed.

    Args:
        study_path: the notebook's ``study_path`` parameter.

    Returns:
        The :class:`Study`, as :func:`load_study` reads it.

    Example:
        >>> notebook_study("data/study.yml").name
        'asean_china_sample'
    """
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.freeze()
    return load_study(os.environ.get(LAB_STUDY_ENV) or study_path)


def load_study_docs(study: Study) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the study's corpus with its corpus options, in order.

    1. :func:`analysis.corpus.load_corpus` with ``corpus.dates`` and ``corpus.language``;
    2. :func:`analysis.boilerplate.clean_boilerplate` with ``corpus.boilerplate`` and
       ``corpus.boilerplate_max_share`` (skipped when cleaning is off);
    3. with ``corpus.duplicates: flag`` or ``drop``: :func:`analysis.duplicates.find_duplicates`
       on the cleaned texts (``corpus.duplicate_threshold``), then
       :func:`analysis.duplicates.apply_duplicates`; the clusters table is kept in
       ``docs.attrs["duplicates"]``.

    ``corpus.line_breaks`` applies when tokenizing: ``tokenize(docs, **study.tokenize_options)``.

    Args:
        study: from :func:`load_study`.

    Returns:
        ``(docs, removed)``. ``docs``: ``doc_id`` (str), ``text`` (str), the metadata columns,
        ``sha256`` (str), plus ``duplicate_of`` (str) with ``duplicates: flag``; see
        :func:`analysis.corpus.load_corpus`. ``removed``: the removed boilerplate lines,
        ``doc_id`` (str), ``line`` (int64), ``start`` (int64), ``end`` (int64), ``text`` (str),
        ``rule`` (str); no rows when cleaning is off. See
        :func:`analysis.boilerplate.clean_boilerplate`.

    Raises:
        StudyError: the grouping variable is not a column of the docs table.
        CorpusError, FileNotFoundError: from :func:`analysis.corpus.load_corpus`.

    Example:
        >>> docs, removed = load_study_docs(load_study("data/study.yml"))
        >>> docs["doc_id"].tolist()
        ['vna_2023-12-06', 'thanhnien_2023-12-06']
        >>> removed["rule"].tolist()[:2]
        ['photo_caption', 'outlet_dateline']
    """
    from analysis.corpus import load_corpus
    from analysis.language import preload_model
    from analysis.schema import empty_table

    # The language model loads beside the reading of the corpus (joined before any fork).
    loading = preload_model()
    try:
        docs = load_corpus(
            study.corpus,
            metadata=study.metadata,
            text_column=study.text_column,
            id_column=study.id_column,
            **study.corpus_options,
        )
    finally:
        if loading is not None:
            loading.join()
    if study.group not in docs.columns:
        raise StudyError(
            f"{study.path}: key 'group': {study.group!r} is not a document variable "
            f"(columns: {', '.join(map(str, docs.columns))})"
            f"{did_you_mean(study.group, map(str, docs.columns))}"
        )
    removed = empty_table("removed")
    if study.boilerplate:
        docs, removed = _clean(docs, study)
    if study.duplicates != "keep":
        docs = _deduplicate(docs, study)
    return docs, removed


def _clean(docs: pd.DataFrame, study: Study) -> tuple[pd.DataFrame, pd.DataFrame]:
    from analysis.boilerplate import clean_boilerplate

    options: dict[str, Any] = {}
    # Only what the study sets is passed: the defaults stay the library's own.
    if study.boilerplate != ("default",):
        options["rules"] = list(study.boilerplate)
    if study.boilerplate_max_share is not None:
        options["max_share"] = study.boilerplate_max_share
    return clean_boilerplate(docs, **options)


def _deduplicate(docs: pd.DataFrame, study: Study) -> pd.DataFrame:
    from analysis.duplicates import apply_duplicates, find_duplicates

    if study.duplicate_threshold is None:
        clusters = find_duplicates(docs)
    else:
        clusters = find_duplicates(docs, threshold=study.duplicate_threshold)
    out = apply_duplicates(docs, clusters, action=study.duplicates)  # type: ignore[arg-type]
    out.attrs["duplicates"] = clusters
    return out


_MOVED = ("StudyInputs", "check_study_inputs", "study_inputs", "file_sha256")


def __getattr__(name: str) -> object:
    # Moved to analysis.report.inputs; the old import path keeps working.
    if name in _MOVED:
        from analysis.report import inputs

        return getattr(inputs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
