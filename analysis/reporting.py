"""Reproducible reports: the study file, parameter checks, the papermill runner, provenance.

A *study file* (YAML) names everything a report is computed from: the corpus, its metadata,
the grouping variable, the codebook, the actor table, the gold file, the stopword list and the
per-notebook parameters. :func:`run_report` runs every notebook of ``notebooks/`` on it with
papermill and writes, under ``<out>/<study name>/``:

* ``<notebook>.html``: the executed notebook without input cells, figures embedded, with a
  provenance footer (parameters, input hashes, package versions, times);
* ``<notebook>/``: the tables (CSV) and figures (PNG, SVG) the notebook saved;
* ``<notebook>.ipynb``: the executed notebook (for debugging);
* ``provenance.json`` and ``index.html`` (links to every report and file).

Everything is first written to a temporary folder next to the target and renamed into place at
the end, so a failed run leaves the previous report untouched (the failed run is kept in
``<out>/<study name>.failed/`` for inspection).

Parameters are checked before any kernel starts: papermill itself injects unknown names and
values of the wrong type without a word (papermill issue #667).
"""

from __future__ import annotations

import ast
import copy
import datetime as _dt
import difflib
import hashlib
import html
import io
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata as _metadata
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis._checks import BadUtf8, decode_utf8

__all__ = [
    "StudyError",
    "ParameterError",
    "ReportError",
    "Study",
    "NotebookParameter",
    "load_study",
    "load_study_docs",
    "study_inputs",
    "notebook_parameters",
    "resolve_parameters",
    "parse_cli_parameters",
    "run_report",
    "corpus_overview",
    "save_table",
    "display_table",
    "table_html",
    "file_sha256",
    "DEFAULT_KERNEL",
    "RUNNER_PARAMETERS",
    "VERSION_PACKAGES",
]

DEFAULT_KERNEL = "analysis-news"
#: Packages whose versions go into ``provenance.json`` and every report footer.
VERSION_PACKAGES = (
    "analysis",
    "pandas",
    "numpy",
    "scipy",
    "nltk",
    "matplotlib",
    "networkx",
    "pyyaml",
    "papermill",
    "nbconvert",
    "nbformat",
    "ipykernel",
)
# Parameters the runner sets itself; a study file or -p may not override them.
RUNNER_PARAMETERS = ("study_path", "output_dir")
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class StudyError(ValueError):
    """The study file cannot be used; the message names the file, the key and the problem."""


class ParameterError(ValueError):
    """A notebook parameter is unknown, of the wrong type, or the parameters cell is invalid."""


class ReportError(RuntimeError):
    """A notebook failed while running; the message names the notebook, the cell and the error."""


# --------------------------------------------------------------------------- study file


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


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
                f"{path}: key '{prefix}{key}' must be {desc}, got {_type_name(value)} "
                f"({_short(value)})"
            )
        if kind in ("file", "dir", "path"):
            target = (path.parent / value).resolve()
            ok = {
                "file": target.is_file(),
                "dir": target.is_dir(),
                "path": target.exists(),
            }[kind]
            if not ok:
                what = {"file": "file", "dir": "folder", "path": "file or folder"}[kind]
                raise StudyError(
                    f"{path}: key '{prefix}{key}': {what} not found: {target} "
                    "(paths are relative to the study file)"
                )
            value = target
        out[key] = value
    return out


def _read_yaml(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StudyError(f"{path}: study file not found") from None
    except IsADirectoryError:
        raise StudyError(f"{path}: is a folder; give the study YAML file") from None
    try:
        text = decode_utf8(raw)
    except BadUtf8 as err:
        raise StudyError(f"{path}: not valid UTF-8 at byte offset {err.offset}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise StudyError(f"{path}:{where}: not valid YAML: {problem}") from None


def _metadata_columns(path: Path) -> list[str] | None:
    if path.suffix.lower() != ".csv":
        return None
    try:
        return list(pd.read_csv(path, nrows=0, encoding="utf-8").columns)
    except (UnicodeDecodeError, pd.errors.EmptyDataError, pd.errors.ParserError):
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

    Args:
        path: the study YAML file.

    Returns:
        A :class:`Study` with absolute paths.

    Raises:
        StudyError: the file is missing, not UTF-8, not valid YAML, has an unknown key, a
            value of the wrong type, a missing required key, names a file that does not
            exist, or a ``group`` that is not a metadata column. The message names the study
            file and the key.

    Example:
        >>> study = load_study("data/study.yml")  # doctest: +SKIP
        >>> study.group  # doctest: +SKIP
        'outlet'
    """
    spath = Path(path).resolve()
    data = _read_yaml(spath)
    if data is None:
        raise StudyError(f"{spath}: study file is empty")
    if not isinstance(data, dict):
        raise StudyError(f"{spath}: must be a YAML mapping of keys, got {_type_name(data)}")
    top = _check_section(spath, data, _TOP_KEYS, "")
    if not _NAME_RE.match(top["name"]):
        raise StudyError(
            f"{spath}: key 'name' must be a folder-safe name (letters, digits, _ . -), "
            f"got {top['name']!r}"
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
                f"{spath}: key 'parameters.{nb}' must be a mapping parameter -> value, "
                f"got {_type_name(values)}"
            )
        params[nb] = dict(values)
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
            f"{spath}: key 'group': {top['group']!r} is not a column of {where} "
            f"(columns: {', '.join(columns)})"
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
        ``(docs, removed)``: the docs table (``doc_id, text``, the metadata columns,
        ``sha256``) and the removed boilerplate lines (``doc_id, line, start, end, text,
        rule``; empty when cleaning is off). See :func:`analysis.corpus.clean_boilerplate`.

    Raises:
        StudyError: the grouping variable is not a column of the docs table.
        CorpusError, FileNotFoundError: from :func:`analysis.corpus.load_corpus`.

    Example:
        >>> docs, removed = load_study_docs(load_study("data/study.yml"))  # doctest: +SKIP
    """
    from analysis.corpus import clean_boilerplate, load_corpus

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
    removed = pd.DataFrame(
        {
            "doc_id": pd.Series(dtype=str),
            "line": pd.Series(dtype="int64"),
            "start": pd.Series(dtype="int64"),
            "end": pd.Series(dtype="int64"),
            "text": pd.Series(dtype=str),
            "rule": pd.Series(dtype=str),
        }
    )
    return docs, removed


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def study_inputs(study: Study) -> pd.DataFrame:
    """Every input file of a study with its SHA-256, for provenance.

    Args:
        study: from :func:`load_study`.

    Returns:
        One row per file: ``role`` (study, corpus, metadata, codebook, actors, gold,
        stopwords), ``path`` (relative to the study file's folder, ``/``-separated),
        ``sha256``. Corpus files are listed one by one in file-name order.

    Example:
        >>> study_inputs(load_study("data/study.yml"))["role"].tolist()  # doctest: +SKIP
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
        [(role, _rel(p, study.root), file_sha256(p)) for role, p in rows],
        columns=["role", "path", "sha256"],
    )


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class NotebookParameter:
    """One name of a notebook's ``parameters`` cell.

    Attributes:
        name: the variable name.
        type: the expected type as written (annotation, else the default's type name).
        default: the literal default value.
        comment: the trailing ``#`` comment on its line (documentation), or "".
    """

    name: str
    type: str
    default: Any
    comment: str = ""
    spec: Any = field(default=None, repr=False, compare=False)

    def accepts(self, value: Any) -> bool:
        """True when ``value`` has the type this parameter expects."""
        return _accepts(self.spec, value)


_SIMPLE = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "list": list,
    "dict": dict,
    "tuple": tuple,
    "None": type(None),
}


def _spec(node: ast.expr, where: str) -> Any:
    """Turn an annotation into a checkable spec: a type, ("union", ...), ("list", item), ..."""
    if isinstance(node, ast.Constant) and node.value is None:
        return type(None)
    if isinstance(node, ast.Name):
        if node.id in ("Any", "object"):
            return object
        if node.id in _SIMPLE:
            return _SIMPLE[node.id]
    if isinstance(node, ast.Attribute) and node.attr in ("Any",):
        return object
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return ("union", _spec(node.left, where), _spec(node.right, where))
    if isinstance(node, ast.Subscript):
        base = (
            node.value.attr
            if isinstance(node.value, ast.Attribute)
            else getattr(node.value, "id", None)
        )
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if base == "Optional" and len(args) == 1:
            return ("union", _spec(args[0], where), type(None))
        if base == "Union":
            return ("union", *[_spec(a, where) for a in args])
        if base in ("list", "List", "Sequence") and len(args) == 1:
            return ("list", _spec(args[0], where))
        if base in ("dict", "Dict", "Mapping") and len(args) == 2:
            return ("dict", _spec(args[0], where), _spec(args[1], where))
        if base == "Literal":
            return ("literal", *[ast.literal_eval(a) for a in args])
    raise ParameterError(
        f"{where}: unsupported type annotation {ast.unparse(node)!r}; use str, int, float, "
        "bool, list, dict, list[str], X | None"
    )


def _accepts(spec: Any, value: Any) -> bool:
    if spec is None or spec is object:
        return True
    if isinstance(spec, tuple):
        kind = spec[0]
        if kind == "union":
            return any(_accepts(s, value) for s in spec[1:])
        if kind == "list":
            return isinstance(value, list) and all(_accepts(spec[1], v) for v in value)
        if kind == "dict":
            return isinstance(value, dict) and all(
                _accepts(spec[1], k) and _accepts(spec[2], v) for k, v in value.items()
            )
        if kind == "literal":
            return value in spec[1:] and not isinstance(value, bool)
        return False
    if spec is bool:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if spec is float:
        return isinstance(value, int | float)
    return isinstance(value, spec)


def _accepts_only_str(spec: Any) -> bool:
    if spec is str:
        return True
    if isinstance(spec, tuple) and spec[0] == "union":
        return all(s is str or s is type(None) for s in spec[1:]) and str in spec[1:]
    return False


def _comments(source: str) -> dict[int, str]:
    """Line number -> text of the comment on that line (via tokenize, so quotes are safe)."""
    import tokenize

    out = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                out[tok.start[0]] = tok.string.lstrip("#").strip()
    except (tokenize.TokenError, SyntaxError):
        pass
    return out


def _parameters_cell(nb: Any, where: str) -> tuple[int, str]:
    found = [
        (i, cell)
        for i, cell in enumerate(nb.cells)
        if "parameters" in cell.get("metadata", {}).get("tags", [])
    ]
    if len(found) != 1:
        raise ParameterError(
            f"{where}: needs exactly one cell tagged 'parameters', found {len(found)}"
        )
    idx, cell = found[0]
    if cell.cell_type != "code":
        raise ParameterError(f"{where}: the cell tagged 'parameters' (cell {idx}) is not code")
    return idx, cell.source


def notebook_parameters(path: str | os.PathLike[str]) -> dict[str, NotebookParameter]:
    """Read the names, types and defaults of a notebook's ``parameters`` cell with :mod:`ast`.

    The cell may hold only assignments of literals to plain names, preferably annotated
    (``top_n: int = 20  # terms per table``). Without an annotation the type is that of the
    default. A default of ``None`` without an annotation accepts any value.

    Args:
        path: an ``.ipynb`` file.

    Returns:
        ``{name: NotebookParameter}`` in cell order.

    Raises:
        ParameterError: no or several ``parameters`` cells, a syntax error, a statement that
            is not a literal assignment, an unsupported annotation, or a default that does not
            match its annotation. The message names the notebook and the line.

    Example:
        >>> notebook_parameters("notebooks/01_terms.ipynb")["top_n"].type  # doctest: +SKIP
        'int'
    """
    import nbformat

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    idx, source = _parameters_cell(nb, str(path))
    where = f"{path} (parameters cell {idx})"
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise ParameterError(f"{where} line {err.lineno}: syntax error: {err.msg}") from None
    comments = _comments(source)
    params: dict[str, NotebookParameter] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, annotation, value = node.target.id, node.annotation, node.value
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name, annotation, value = node.targets[0].id, None, node.value
        else:
            raise ParameterError(
                f"{where} line {node.lineno}: only `name: type = literal` assignments belong "
                f"in the parameters cell; move {ast.unparse(node)[:60]!r} to the next cell"
            )
        if value is None:
            raise ParameterError(f"{where} line {node.lineno}: {name!r} needs a default value")
        try:
            default = ast.literal_eval(value)
        except ValueError:
            raise ParameterError(
                f"{where} line {node.lineno}: the default of {name!r} must be a literal "
                f"(number, string, list, dict, True/False/None), got {ast.unparse(value)!r}; "
                "compute derived values in the next cell"
            ) from None
        if annotation is not None:
            spec = _spec(annotation, f"{where} line {node.lineno}")
            type_text = ast.unparse(annotation)
            if not _accepts(spec, default):
                raise ParameterError(
                    f"{where} line {node.lineno}: default of {name!r} is "
                    f"{_type_name(default)}, not {type_text}"
                )
        elif default is None:
            spec, type_text = object, "Any"
        else:
            spec, type_text = type(default), type(default).__name__
        comment = comments.get(node.end_lineno or node.lineno, "")
        params[name] = NotebookParameter(name, type_text, default, comment, spec)
    return params


def parse_cli_parameters(items: Sequence[str]) -> list[tuple[str | None, str, str]]:
    """Split ``-p`` arguments into ``(notebook or None, name, raw value)``.

    ``name=value`` applies to every selected notebook that declares ``name``;
    ``01_terms.name=value`` to one notebook only.

    Raises:
        ParameterError: an item without ``=``.
    """
    out = []
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"-p {item!r}: expected name=value (or notebook.name=value)")
        key = key.strip()
        nb, dot, name = key.rpartition(".")
        out.append((nb if dot else None, name, raw))
    return out


def _convert_cli(param: NotebookParameter, raw: str) -> Any:
    if _accepts_only_str(param.spec):
        return raw
    try:
        return yaml.safe_load(raw) if raw.strip() else raw
    except yaml.YAMLError:
        return raw


def _reject(nb: str, name: str, param: NotebookParameter, value: Any, origin: str) -> None:
    if not param.accepts(value):
        raise ParameterError(
            f"notebook {nb}: parameter {name!r} expects {param.type}, got "
            f"{_type_name(value)} ({_short(value)}) from {origin}"
        )


def resolve_parameters(
    declared: Mapping[str, Mapping[str, NotebookParameter]],
    study: Study,
    cli: Sequence[str] = (),
    *,
    selected: Sequence[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Check study-file and ``-p`` overrides against the notebooks' parameters cells.

    Args:
        declared: ``{notebook: notebook_parameters(...)}`` for every notebook of the folder.
        study: the study; its whole ``parameters`` section is checked against ``declared``.
        cli: ``-p`` items (``name=value`` or ``notebook.name=value``) for the selected
            notebooks; values are YAML (``top_n=30``, ``kwic_terms=[crime, cooperation]``); a
            ``str`` parameter takes the text as is.
        selected: the notebooks that will run (default: all of ``declared``).

    Returns:
        ``{notebook: {name: value}}``: the overrides to inject (study file, then ``-p``).

    Raises:
        ParameterError: an unknown notebook or parameter name, a value of the wrong type, or an
            attempt to set a runner parameter (``study_path``, ``output_dir``). The message
            names the notebook, the parameter, the expected and the given type.
    """
    overrides: dict[str, dict[str, Any]] = {nb: {} for nb in declared}
    chosen = list(declared) if selected is None else list(selected)
    for nb, values in study.parameters.items():
        if nb not in declared:
            raise ParameterError(
                f"{study.path}: key 'parameters.{nb}': no notebook {nb!r} "
                f"(notebooks: {', '.join(declared) or 'none'})"
            )
        for name, value in values.items():
            origin = f"{study.path} (parameters.{nb}.{name})"
            _check_override(nb, name, declared[nb], origin)
            _reject(nb, name, declared[nb][name], value, origin)
            overrides[nb][name] = copy.deepcopy(value)
    for target, name, raw in parse_cli_parameters(cli):
        origin = f"-p {(target + '.') if target else ''}{name}={raw}"
        if target is not None and target not in chosen:
            raise ParameterError(
                f"{origin}: no selected notebook {target!r} (selected: {', '.join(chosen)})"
            )
        targets = [target] if target else [nb for nb in chosen if name in declared[nb]]
        if not targets:
            raise ParameterError(
                f"{origin}: unknown parameter {name!r}: no selected notebook declares it "
                f"({_declared_summary({nb: declared[nb] for nb in chosen})})"
            )
        for nb in targets:
            _check_override(nb, name, declared[nb], origin)
            value = _convert_cli(declared[nb][name], raw)
            _reject(nb, name, declared[nb][name], value, origin)
            overrides[nb][name] = value
    return overrides


def _declared_summary(declared: Mapping[str, Mapping[str, NotebookParameter]]) -> str:
    return "; ".join(
        f"{nb}: {', '.join(n for n in ps if n not in RUNNER_PARAMETERS) or '-'}"
        for nb, ps in declared.items()
    )


def _check_override(
    nb: str, name: str, params: Mapping[str, NotebookParameter], origin: str
) -> None:
    if name in RUNNER_PARAMETERS:
        raise ParameterError(
            f"notebook {nb}: parameter {name!r} is set by the report runner; "
            f"remove it from {origin}"
        )
    if name not in params:
        close = difflib.get_close_matches(name, list(params), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        names = ", ".join(f"{p.name}: {p.type}" for p in params.values())
        raise ParameterError(
            f"notebook {nb}: unknown parameter {name!r} from {origin}{hint} (declared: {names})"
        )


# --------------------------------------------------------------------------- tables


def corpus_overview(
    docs: pd.DataFrame, tokens: pd.DataFrame, *, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """One row per document with its size: the first table of every report.

    Args:
        docs: the docs table; not modified.
        tokens: its tokens table (:func:`analysis.text.tokenize`).
        columns: document variables to keep (default: every column except ``text``,
            ``sha256`` and ``note``).

    Returns:
        In docs order: ``doc_id``, the chosen document variables, ``n_chars`` (characters of
        the text), ``n_sentences``, ``n_tokens`` (punctuation included), ``n_words``
        (tokens that are not punctuation).

    Example:
        >>> corpus_overview(docs, tokenize(docs), columns=["outlet"])  # doctest: +SKIP
    """
    from analysis.text import is_punct

    if columns is None:
        columns = [c for c in docs.columns if c not in ("doc_id", "text", "sha256", "note")]
    missing = [c for c in columns if c not in docs.columns]
    if missing:
        raise ValueError(
            f"corpus_overview: no column {', '.join(map(repr, missing))} "
            f"(columns: {', '.join(map(str, docs.columns))})"
        )
    ids = docs["doc_id"].astype(str)
    doc = tokens["doc_id"].astype(str)
    counts = pd.DataFrame(
        {
            "doc_id": doc,
            "sent": tokens["sent"].to_numpy(),
            "word": ~is_punct(tokens),
        }
    ).groupby("doc_id", sort=False)
    n_sent = counts["sent"].max()
    n_tok = counts["sent"].size()
    n_word = counts["word"].sum()
    out = pd.DataFrame({"doc_id": ids.to_numpy()})
    for c in columns:
        out[c] = docs[c].to_numpy()
    out["n_chars"] = docs["text"].str.len().to_numpy().astype("int64")
    out["n_sentences"] = ids.map(n_sent).fillna(0).astype("int64").to_numpy()
    out["n_tokens"] = ids.map(n_tok).fillna(0).astype("int64").to_numpy()
    out["n_words"] = ids.map(n_word).fillna(0).astype("int64").to_numpy()
    return out


def save_table(table: pd.DataFrame, path: str | os.PathLike[str], *, index: bool = False) -> Path:
    """Write a table as CSV so that the same table gives the same bytes on every run.

    UTF-8, ``\\n`` line ends, floats with 6 significant digits (``%.6g``), no index by
    default. Parent folders are created.

    Args:
        table: the table to write; it is not modified.
        path: the ``.csv`` file.
        index: also write the index (for matrices whose row labels are the index).

    Returns:
        The path written.

    Example:
        >>> save_table(pd.DataFrame({"a": [1 / 3]}), "/tmp/t.csv").read_text()  # doctest: +SKIP
        'a\\n0.333333\\n'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=index, float_format="%.6g", lineterminator="\n", encoding="utf-8")
    return path


def display_table(
    table: pd.DataFrame,
    *,
    max_rows: int = 30,
    caption: str | None = None,
    index: bool = False,
    float_digits: int = 4,
) -> None:
    """Show a table in a notebook as escaped HTML (article text can hold ``<script>``).

    An empty table is shown as a sentence, not as an empty grid. Longer tables show their first
    ``max_rows`` rows and say how many there are; the saved CSV has them all.

    Args:
        table: the table; it is not modified.
        max_rows: rows to show.
        caption: a line shown above the table.
        index: show the index (for matrices).
        float_digits: significant digits of floats.
    """
    from IPython.display import HTML, display

    display(HTML(table_html(table, max_rows=max_rows, caption=caption, index=index,
                            float_digits=float_digits)))  # fmt: skip


def table_html(
    table: pd.DataFrame,
    *,
    max_rows: int = 30,
    caption: str | None = None,
    index: bool = False,
    float_digits: int = 4,
) -> str:
    """The HTML that :func:`display_table` shows (every cell HTML-escaped).

    Text columns are left-aligned and numbers right-aligned (a KWIC ``pre`` column is
    right-aligned so the keywords line up), through a ``<style>`` scoped to the table's id.
    """
    parts = []
    if caption:
        parts.append(f"<p><strong>{html.escape(caption)}</strong></p>")
    if len(table) == 0:
        parts.append("<p><em>No rows.</em></p>")
        return "\n".join(parts)
    shown = table.head(max_rows)
    # A stable id (from the columns) keeps the page free of random ids.
    digest = hashlib.sha1("\x1f".join(map(str, shown.columns)).encode()).hexdigest()[:10]
    table_id = f"t{digest}"
    if not index:
        rules = []
        for i, (name, dtype) in enumerate(shown.dtypes.items(), start=1):
            numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
            align = "right" if numeric or name == "pre" else "left"
            rules.append(
                f"#{table_id} td:nth-child({i}),#{table_id} th:nth-child({i}){{text-align:{align}}}"
            )
        parts.append(f"<style>#{table_id} td{{vertical-align:top}}{''.join(rules)}</style>")
    parts.append(
        shown.to_html(
            index=index,
            escape=True,
            border=0,
            na_rep="",
            float_format=lambda v: f"{v:.{float_digits}g}",
            classes="analysis-table",
            table_id=table_id,
        )
    )
    if len(table) > max_rows:
        parts.append(f"<p><em>First {max_rows} of {len(table)} rows.</em></p>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- runner


def _default_notebooks_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "notebooks"


def _notebooks_dir(study: Study, notebooks: str | os.PathLike[str] | None) -> Path:
    folder = Path(notebooks) if notebooks is not None else study.notebooks
    folder = folder or _default_notebooks_dir()
    if not folder.is_dir():
        raise StudyError(
            f"{study.path}: notebook folder not found: {folder}; set 'notebooks:' in the study "
            "file or pass --notebooks"
        )
    return folder


def _versions() -> dict[str, str]:
    out = {}
    for pkg in VERSION_PACKAGES:
        try:
            out[pkg] = _metadata.version(pkg)
        except _metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


@dataclass
class _Job:
    name: str
    source: Path
    declared: dict[str, NotebookParameter]
    params_idx: int
    inject: dict[str, Any]
    effective: dict[str, Any]
    seconds: float = 0.0
    title: str = ""
    html: str = ""


def _execute(job: _Job, workdir: Path, kernel: str, timeout: int) -> None:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    out_nb = workdir / f"{job.name}.ipynb"
    try:
        pm.execute_notebook(
            str(job.source),
            str(out_nb),
            parameters=job.inject,
            kernel_name=kernel,
            # papermill needs a language; a notebook written by code may not record one.
            language="python",
            # The kernel starts in the report folder. Not via papermill's cwd=, which chdirs
            # the whole process and so races when notebooks run in parallel threads.
            resources={"metadata": {"path": str(workdir)}},
            progress_bar=False,
            request_save_on_cell_execute=False,
            start_timeout=timeout,
            execution_timeout=timeout * 10,
            # Kernel log lines (a TCP-transport notice, an interrupt at shutdown) are noise in a
            # report run; errors of cells reach us as messages and are reported in full.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as err:
        # papermill inserts the injected-parameters cell after the parameters cell; report the
        # index in the source notebook so the user finds the cell they wrote.
        idx = err.cell_index - (1 if err.cell_index > job.params_idx else 0)
        raise ReportError(
            f"notebook {job.name} ({job.source}) failed in cell {idx} "
            f"[{_first_line(err.source)[:80]}]: {err.ename}: {err.evalue}"
        ) from None
    except Exception as err:
        if type(err).__name__ == "NoSuchKernel":
            raise ReportError(
                f"notebook {job.name}: Jupyter kernel {kernel!r} is not installed; run "
                f"`make setup` (it registers {DEFAULT_KERNEL!r}) or pass --kernel python3"
            ) from None
        raise ReportError(f"notebook {job.name} ({job.source}) could not run: {err}") from err
    job.seconds = time.monotonic() - started
    # Export here, while other kernels still run; the provenance footer is added at the end.
    job.title = _notebook_title(job.source, job.name)
    job.html = _export_html(out_nb, job.title)


_FOOTER_CSS = """
<style>
footer.provenance{font:13px/1.45 system-ui,sans-serif;color:#333;border-top:1px solid #ccc;
margin:2em 1em 1em;padding-top:1em}
footer.provenance table{border-collapse:collapse;margin:.4em 0 1em;font-size:12px}
footer.provenance td,footer.provenance th{border:1px solid #ddd;padding:2px 6px;text-align:left;
vertical-align:top}
footer.provenance code{font-size:11px;word-break:break-all}
table.analysis-table td{white-space:normal}
</style>
"""


def _kv_table(rows: Iterable[tuple[str, str]], header: tuple[str, str]) -> str:
    body = "".join(
        f"<tr><td><code>{html.escape(k)}</code></td><td><code>{html.escape(v)}</code></td></tr>"
        for k, v in rows
    )
    return (
        f"<table><thead><tr><th>{html.escape(header[0])}</th><th>{html.escape(header[1])}</th>"
        f"</tr></thead><tbody>{body}</tbody></table>"
    )


def _footer(prov: Mapping[str, Any], notebook: str) -> str:
    params = prov["parameters"].get(notebook, {})
    inputs = "".join(
        f"<tr><td>{html.escape(i['role'])}</td><td><code>{html.escape(i['path'])}</code></td>"
        f"<td><code>{html.escape(i['sha256'])}</code></td></tr>"
        for i in prov["inputs"]
    )
    return (
        _FOOTER_CSS
        + '<footer class="provenance" id="provenance"><h2>Provenance</h2>'
        + f"<p>Study <strong>{html.escape(prov['study']['name'])}</strong> — "
        + f"{html.escape(prov['study']['title'])}. Run started {html.escape(prov['started'])}, "
        + f"finished {html.escape(prov['finished'])} (UTC); Python "
        + f"{html.escape(prov['python'])}; kernel <code>{html.escape(prov['kernel'])}</code>. "
        + 'Full record: <a href="provenance.json">provenance.json</a>; '
        + '<a href="index.html">all reports</a>.</p>'
        + "<h3>Parameters</h3>"
        + _kv_table(
            ((k, json.dumps(v, ensure_ascii=False, default=str)) for k, v in params.items()),
            ("parameter", "value"),
        )
        + "<h3>Input files (SHA-256)</h3><table><thead><tr><th>role</th><th>path</th>"
        + f"<th>sha256</th></tr></thead><tbody>{inputs}</tbody></table>"
        + "<h3>Package versions</h3>"
        + _kv_table(prov["versions"].items(), ("package", "version"))
        + "</footer>"
    )


_TEMPLATE = """{%- extends 'index.html.j2' -%}
{#- Offline, self-contained reports: no script or font from a CDN. -#}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
"""


def _export_html(executed: Path, title: str) -> str:
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        extra_loaders=[jinja2.DictLoader({"analysis_report.html.j2": _TEMPLATE})],
        template_file="analysis_report.html.j2",
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def _with_footer(page: str, footer: str) -> str:
    cut = page.rfind("</body>")
    return page[:cut] + footer + page[cut:] if cut >= 0 else page + footer


def _notebook_title(path: Path, fallback: str) -> str:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _index_html(prov: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    items = []
    for nb, title in titles.items():
        files = "".join(
            f'<li><a href="{html.escape(f)}">{html.escape(f)}</a></li>'
            for f in prov["outputs"].get(nb, {})
        )
        items.append(
            f'<li><a href="{html.escape(nb)}.html"><strong>{html.escape(title)}</strong></a> '
            f"<small>({html.escape(nb)})</small>"
            f"<details><summary>tables and figures</summary><ul>{files}</ul></details></li>"
        )
    study = prov["study"]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(study['title'])} — reports</title>"
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;"
        "padding:0 1em;color:#222}li{margin:.4em 0}small{color:#666}</style></head><body>"
        f"<h1>{html.escape(study['title'])}</h1>"
        f"<p>Study <code>{html.escape(study['name'])}</code> "
        f"(<code>{html.escape(study['file'])}</code>), run {html.escape(prov['started'])} "
        f"to {html.escape(prov['finished'])} UTC.</p>"
        f"<h2>Reports</h2><ol>{''.join(items)}</ol>"
        '<p>Parameters, input hashes and versions: <a href="provenance.json">provenance.json</a>'
        "</p></body></html>\n"
    )


def _outputs(workdir: Path, name: str) -> dict[str, str]:
    folder = workdir / name
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(workdir).as_posix(): file_sha256(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_report(
    study: Study | str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] = "reports",
    only: Sequence[str] | None = None,
    params: Sequence[str] = (),
    notebooks: str | os.PathLike[str] | None = None,
    kernel: str = DEFAULT_KERNEL,
    jobs: int = 2,
    timeout: int = 120,
    log: Any = None,
) -> Path:
    """Run the study's notebooks with papermill and write the reports atomically.

    Parameters are checked against every notebook's ``parameters`` cell before a kernel
    starts. Notebooks run with the report folder as working directory and get
    ``study_path`` (relative to it) and ``output_dir`` (``<notebook name>``) injected.

    Args:
        study: a :class:`Study` or the path of a study file.
        out: parent folder; the report goes to ``<out>/<study name>/``.
        only: notebook names (stems, e.g. ``"01_terms"``) to run; default all, in name order.
        params: ``-p`` overrides: ``name=value`` or ``notebook.name=value``.
        notebooks: folder of notebooks; default the study's ``notebooks`` key, else the
            repository's ``notebooks/``.
        kernel: Jupyter kernel name (``make setup`` registers ``analysis-news``).
        jobs: notebooks run at the same time (each in its own kernel).
        timeout: seconds to wait for a kernel to start (a cell may take 10 times as long).
        log: a file-like object for progress lines (default ``sys.stderr``).

    Returns:
        The report folder ``<out>/<study name>``.

    Raises:
        StudyError: a bad study file, or no notebook folder.
        ParameterError: an unknown notebook/parameter, or a value of the wrong type.
        ReportError: a notebook failed (names the notebook, the cell index in the source
            notebook, its first line and the exception); the previous report is left in place
            and the failed run is kept in ``<out>/<study name>.failed/``.

    Example:
        >>> run_report("data/study.yml", only=["01_terms"], params=["top_n=10"])  # doctest: +SKIP
        PosixPath('reports/asean_china_sample')
    """
    import nbformat

    log = log or sys.stderr
    if not isinstance(study, Study):
        study = load_study(study)
    folder = _notebooks_dir(study, notebooks)
    available = sorted(folder.glob("*.ipynb"))
    names = [p.stem for p in available]
    if not available:
        raise StudyError(f"{folder}: no notebooks (*.ipynb) to run")
    selected = names
    if only:
        wanted = [w for item in only for w in str(item).split(",") if w]
        unknown = [w for w in wanted if w not in names]
        if unknown:
            raise ParameterError(
                f"--only {', '.join(unknown)}: no such notebook in {folder} "
                f"(notebooks: {', '.join(names)})"
            )
        selected = [n for n in names if n in wanted]
    # Every notebook's cell is read, so a study file is checked whole even with --only.
    declared = {n: notebook_parameters(folder / f"{n}.ipynb") for n in names}
    overrides = resolve_parameters(declared, study, params, selected=selected)

    out_dir = Path(out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / study.name
    workdir = Path(tempfile.mkdtemp(prefix=f".{study.name}.tmp-", dir=out_dir))
    study_rel = Path(os.path.relpath(study.path, final)).as_posix()
    jobs_list = []
    for n in selected:
        src = folder / f"{n}.ipynb"
        runner = {"study_path": study_rel, "output_dir": n}
        inject = {k: v for k, v in runner.items() if k in declared[n]} | overrides[n]
        effective = {k: p.default for k, p in declared[n].items()} | inject
        params_idx, _ = _parameters_cell(nbformat.read(src, as_version=4), str(src))
        jobs_list.append(_Job(n, src, declared[n], params_idx, inject, effective))

    started = _now()
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(jobs_list)))) as pool:
            futures = {
                j.name: pool.submit(_execute, j, workdir, kernel, timeout) for j in jobs_list
            }
            errors = []
            for j in jobs_list:
                try:
                    futures[j.name].result()
                    print(f"  ran {j.name} ({j.seconds:.1f} s)", file=log)
                except ReportError as err:
                    errors.append(err)
            if errors:
                raise errors[0]
        finished = _now()
        prov = {
            "study": {
                "name": study.name,
                "title": study.title,
                "file": study.path.name,
                "sha256": file_sha256(study.path),
            },
            "parameters": {j.name: j.effective for j in jobs_list},
            "inputs": study_inputs(study).to_dict("records"),
            "notebooks": {
                j.name: {"path": _rel(j.source, study.root), "sha256": file_sha256(j.source)}
                for j in jobs_list
            },
            "outputs": {j.name: _outputs(workdir, j.name) for j in jobs_list},
            "versions": _versions(),
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "kernel": kernel,
            "started": started,
            "finished": finished,
        }
        titles = {j.name: j.title for j in jobs_list}
        for j in jobs_list:
            page = _with_footer(j.html, _footer(prov, j.name))
            (workdir / f"{j.name}.html").write_text(page, encoding="utf-8")
        (workdir / "index.html").write_text(_index_html(prov, titles), encoding="utf-8")
        (workdir / "provenance.json").write_text(
            json.dumps(prov, indent=2, ensure_ascii=False, default=str) + "\n",
            encoding="utf-8",
        )
    except BaseException as err:
        failed = out_dir / f"{study.name}.failed"
        shutil.rmtree(failed, ignore_errors=True)
        try:
            os.replace(workdir, failed)
        except OSError:
            shutil.rmtree(workdir, ignore_errors=True)
        if isinstance(err, ReportError):
            raise ReportError(f"{err}\n  executed notebooks of the failed run: {failed}") from None
        raise
    _swap_into_place(workdir, final)
    shutil.rmtree(out_dir / f"{study.name}.failed", ignore_errors=True)
    return final


def _swap_into_place(workdir: Path, final: Path) -> None:
    # A directory cannot be os.replace()d onto a non-empty one: move the old report aside first,
    # so at every moment either the old or the new complete report is at `final`.
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
    try:
        os.replace(workdir, final)
    except OSError:
        if old is not None:
            os.replace(old, final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _format_parameters(declared: Mapping[str, Mapping[str, NotebookParameter]]) -> str:
    buf = io.StringIO()
    for nb, params in declared.items():
        buf.write(f"{nb}\n")
        for p in params.values():
            note = f"  # {p.comment}" if p.comment else ""
            buf.write(f"  {p.name}: {p.type} = {p.default!r}{note}\n")
    return buf.getvalue()
