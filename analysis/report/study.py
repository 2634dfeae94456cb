"""The study file: everything a report is computed from, checked before anything runs.

A *study file* (YAML) names the corpus, its metadata, the grouping variable, the codebook, the
actor table, the gold file, the stopword list and the per-notebook parameters. Every path in it
is relative to the file's own folder. :func:`load_study` reads it through the package's one
file reader (:mod:`analysis._io`: UTF-8, safe YAML, duplicate keys and anchors refused) and
names the file, the line and the key in every error.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._io import csv_rows, load_yaml, read_text
from analysis.report._common import relative_posix, short_repr, type_name

__all__ = ["StudyError", "Study", "load_study", "load_study_docs", "study_inputs", "file_sha256"]

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
        corpus: folder of ``.txt`` files or a ``.csv``/``.jsonl``/``.parquet`` table.
        pattern: glob selecting the files of a corpus folder.
        metadata: metadata CSV for a corpus folder, or None.
        text_column, id_column: column names for a table corpus.
        clean_boilerplate: remove captions, credit lines, comment counters and datelines.
        group: the document variable reports compare (e.g. ``outlet``).
        codebook, actors, gold, stopwords: input files, or None when the study has none.
        notebooks: folder of notebooks to run, or None for the default.
        parameters: per-notebook parameter overrides, ``{notebook: {name: value}}``.

    Example:
        >>> study = load_study("data/study.yml")
        >>> study.root == study.path.parent, study.corpus.name
        (True, 'raw')
    """

    path: Path
    name: str
    title: str
    corpus: Path
    pattern: str = "*.txt"
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

    @property
    def root(self) -> Path:
        """The folder holding the study file; relative paths in it start here."""
        return self.path.parent


# key -> (allowed python types, description, required, kind). kind: file | dir | path | value
_TOP_KEYS: dict[str, tuple[tuple[type, ...], str, bool, str]] = {
    "name": ((str,), "a string (folder-safe: letters, digits, _ . -)", True, "value"),
    "title": ((str,), "a string", False, "value"),
    "corpus": ((dict, str), "a mapping (source, metadata, pattern, ...) or a path", True, "value"),
    "group": ((str,), "a string (a metadata column)", True, "value"),
    "codebook": ((str,), "a path to a codebook YAML file", False, "file"),
    "actors": ((str,), "a path to an actor table", False, "file"),
    "gold": ((str,), "a path to a gold-standard CSV", False, "file"),
    "stopwords": ((str,), "a path to a stopword list", False, "file"),
    "notebooks": ((str,), "a path to a folder of notebooks", False, "dir"),
    "parameters": ((dict,), "a mapping notebook -> {parameter: value}", False, "value"),
}
_CORPUS_KEYS: dict[str, tuple[tuple[type, ...], str, bool, str]] = {
    "source": ((str,), "a path to a folder of .txt files or a table file", True, "path"),
    "metadata": ((str,), "a path to a metadata CSV", False, "file"),
    "pattern": ((str,), "a glob such as '*.txt'", False, "value"),
    "text_column": ((str,), "a column name", False, "value"),
    "id_column": ((str,), "a column name", False, "value"),
    "clean_boilerplate": ((bool,), "true or false", False, "value"),
}


def _at(path: Path, data: Any, key: Any) -> str:
    """``"<path>: line N:"`` for the value of ``key``, or ``"<path>:"`` without a line."""
    line = getattr(data, "key_lines", {}).get(key)
    return f"{path}: line {line}:" if line else f"{path}:"


def _unknown_key(where: str, key: Any, allowed: Iterable[str]) -> StudyError:
    allowed = list(allowed)
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
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
                f"{type_name(value)} ({short_repr(_plain(value))})"
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


def _plain(value: Any) -> Any:
    """The value with the line-numbered mappings and lists of the YAML reader made plain."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


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
          clean_boilerplate: true       # optional (default true)
        group: outlet                   # document variable to compare
        codebook: codebooks/x.yml       # optional
        actors: actors/x.yml            # optional
        gold: gold/x.csv                # optional
        stopwords: stopwords/english.txt  # optional (default: the shipped English list)
        notebooks: ../notebooks         # optional folder of notebooks to run
        parameters:                     # optional per-notebook overrides
          01_terms: {top_n: 20}

    ``corpus: raw`` is short for ``corpus: {source: raw}``. A key may appear once per mapping;
    YAML anchors and aliases are refused.

    Args:
        path: the study YAML file.

    Returns:
        A :class:`Study` with absolute paths.

    Raises:
        StudyError: the file is missing, a folder, not UTF-8, empty, not valid YAML, has a
            duplicate or unknown key, a value of the wrong type, a missing required key, names
            a file that does not exist, or a ``group`` that is not a metadata column. The
            message starts with the study file, then the line (where one applies) and the key.

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
    corpus_raw = top["corpus"]
    if isinstance(corpus_raw, str):
        corpus_raw = {"source": corpus_raw}
    corpus = _check_section(spath, corpus_raw, _CORPUS_KEYS, "corpus.")
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
        params[nb] = _plain(values)
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
            f"{where} (columns: {', '.join(columns)})"
        )
    return Study(
        path=spath,
        name=top["name"],
        title=top.get("title", top["name"]),
        corpus=source,
        pattern=corpus.get("pattern", "*.txt"),
        metadata=corpus.get("metadata"),
        text_column=corpus.get("text_column", "text"),
        id_column=corpus.get("id_column", "doc_id"),
        clean_boilerplate=corpus.get("clean_boilerplate", True),
        group=top["group"],
        codebook=top.get("codebook"),
        actors=top.get("actors"),
        gold=top.get("gold"),
        stopwords=top.get("stopwords"),
        notebooks=top.get("notebooks"),
        parameters=params,
    )


def load_study_docs(study: Study) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the study's corpus and, if the study asks for it, clean boilerplate.

    Args:
        study: from :func:`load_study`.

    Returns:
        ``(docs, removed)``. ``docs``: ``doc_id`` (str), ``text`` (str), the metadata columns,
        ``sha256`` (str); see :func:`analysis.corpus.load_corpus`. ``removed``: the removed
        boilerplate lines, ``doc_id`` (str), ``line`` (int64), ``start`` (int64), ``end``
        (int64), ``text`` (str), ``rule`` (str); no rows when cleaning is off. See
        :func:`analysis.corpus.clean_boilerplate`.

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
    from analysis.corpus import clean_boilerplate, load_corpus
    from analysis.schema import empty_table

    docs = load_corpus(
        study.corpus,
        metadata=study.metadata,
        pattern=study.pattern,
        text_column=study.text_column,
        id_column=study.id_column,
    )
    if study.group not in docs.columns:
        raise StudyError(
            f"{study.path}: key 'group': {study.group!r} is not a document variable "
            f"(columns: {', '.join(map(str, docs.columns))})"
        )
    if study.clean_boilerplate:
        return clean_boilerplate(docs)
    return docs, empty_table("removed")


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's bytes (read in chunks, so any size is fine).

    Args:
        path: the file.

    Returns:
        64 lower-case hex digits.

    Raises:
        FileNotFoundError: no such file.

    Example:
        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile(suffix=".txt") as fh:
        ...     _ = fh.write(b"abc")
        ...     fh.flush()
        ...     file_sha256(fh.name)[:16]
        'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def study_inputs(study: Study) -> pd.DataFrame:
    """Every input file of a study with its SHA-256, for provenance.

    Args:
        study: from :func:`load_study`.

    Returns:
        One row per file: ``role`` (str: study, corpus, metadata, codebook, actors, gold,
        stopwords), ``path`` (str, relative to the study file's folder, ``/``-separated),
        ``sha256`` (str). Corpus files are listed one by one in file-name order.

    Raises:
        FileNotFoundError: an input file disappeared since the study was loaded.

    Example:
        >>> study_inputs(load_study("data/study.yml"))["role"].tolist()
        ['study', 'corpus', 'corpus', 'metadata', 'codebook', 'actors', 'gold', 'stopwords']
    """
    rows: list[tuple[str, Path]] = [("study", study.path)]
    if study.corpus.is_dir():
        files = sorted(p for p in study.corpus.glob(study.pattern) if p.is_file())
        rows += [("corpus", p) for p in files]
    else:
        rows.append(("corpus", study.corpus))
    for role in ("metadata", "codebook", "actors", "gold", "stopwords"):
        value = getattr(study, role)
        if value is not None:
            rows.append((role, value))
    return pd.DataFrame(
        [(role, relative_posix(p, study.root), file_sha256(p)) for role, p in rows],
        columns=["role", "path", "sha256"],
    )
