"""Notebook parameters: read each notebook's ``parameters`` cell, check every override.

A report notebook declares its parameters in one cell tagged ``parameters``, as annotated
literals with a comment (``top_n: int = 20  # terms per table``). The values a study file or
``-p`` gives are checked against these declarations before any kernel starts: papermill itself
injects unknown names and values of the wrong type without a word (papermill issue #667).
"""

from __future__ import annotations

import ast
import copy
import difflib
import fnmatch
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml

from analysis.report._common import did_you_mean, report_module, short_repr, type_name
from analysis.report.inputs import StudyInputs
from analysis.report.study import Study

__all__ = [
    "RUNNER_PARAMETERS",
    "ParameterError",
    "NotebookParameter",
    "notebook_parameters",
    "parameters_cell",
    "parse_cli_parameters",
    "resolve_parameters",
    "check_parameter_values",
    "parameter_reference",
    "format_parameters",
    "PARAMETER_REFERENCES",
]

# Parameters the runner sets itself; a study file or -p may not override them.
RUNNER_PARAMETERS = ("study_path", "output_dir", "tables_dir")

#: What a parameter's value refers to, by parameter name (shell pattern, first match wins).
#: :func:`check_parameter_values` checks each value against the study's own inputs before any
#: kernel starts: ``theme``/``themes`` a theme id of the codebook, ``actor``/``actors`` an actor
#: id of the actor table, ``docvar`` a document variable (or a period such as ``month`` when the
#: documents have dates), ``level`` a theme-tree depth of the codebook, ``patterns`` a list of
#: non-empty matcher patterns, ``period`` one of ``auto day week month quarter year``, ``seed``
#: an integer of 0 or more, ``measure`` a keyness measure (``chi2 g2 fisher pmi``), ``unit``
#: ``sentence`` or ``doc``. Every other ``int`` parameter is
#: a count and must be at least 1 (at least 0 when the notebook's own default is 0).
PARAMETER_REFERENCES: tuple[tuple[str, str], ...] = (
    ("*_seed", "seed"),
    ("level", "level"),
    ("*_level", "level"),
    ("theme", "theme"),
    ("*_theme", "theme"),
    ("themes", "themes"),
    ("*_themes", "themes"),
    ("actor", "actor"),
    ("*_actor", "actor"),
    ("actors", "actors"),
    ("*_actors", "actors"),
    ("group", "docvar"),
    ("by", "docvar"),
    ("*_by", "docvar"),
    ("*_group", "docvar"),
    ("*_column", "docvar"),
    ("*_terms", "patterns"),
    ("period", "period"),
    ("*_period", "period"),
    ("*_measure", "measure"),
    ("*_unit", "unit"),
)
_PERIODS = ("day", "week", "month", "quarter", "year")


class ParameterError(ValueError):
    """A notebook parameter is unknown, of the wrong type, or the parameters cell is invalid."""


@dataclass(frozen=True)
class NotebookParameter:
    """One name of a notebook's ``parameters`` cell.

    Attributes:
        name: the variable name.
        type: the expected type as written (annotation, else the default's type name).
        default: the literal default value.
        comment: the trailing ``#`` comment on its line (documentation), or "".

    Example:
        >>> top_n = notebook_parameters("notebooks/01_terms.ipynb")["top_n"]
        >>> top_n.type, top_n.accepts(30), top_n.accepts("30"), top_n.accepts(True)
        ('int', True, False, False)
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


def parameters_cell(nb: Any, where: str) -> tuple[int, str]:
    """The index and source of a notebook's one code cell tagged ``parameters``.

    Args:
        nb: a notebook read with :func:`nbformat.read`.
        where: the notebook's name or path, for messages.

    Returns:
        ``(cell index, cell source)``.

    Raises:
        ParameterError: no or several tagged cells, or the tagged cell is not code.

    Example:
        >>> from nbformat.v4 import new_code_cell, new_notebook
        >>> cell = new_code_cell("n: int = 1", metadata={"tags": ["parameters"]})
        >>> parameters_cell(new_notebook(cells=[new_code_cell("x = 1"), cell]), "demo.ipynb")
        (1, 'n: int = 1')
    """
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
        ImportError: nbformat (the ``report`` extra) is not installed.

    Example:
        >>> params = notebook_parameters("notebooks/01_terms.ipynb")
        >>> params["top_n"].type, params["top_n"].comment
        ('int', 'terms per table and chart')
    """
    path = Path(path)
    nb = report_module("nbformat").read(path, as_version=4)
    idx, source = parameters_cell(nb, str(path))
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
                    f"{type_name(default)}, not {type_text}"
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

    Args:
        items: the ``-p`` arguments as given.

    Returns:
        One ``(notebook, name, raw value)`` per item; the value is not converted yet.

    Raises:
        ParameterError: an item without ``=``.

    Example:
        >>> parse_cli_parameters(["01_terms.top_n=5", "label=a=b"])
        [('01_terms', 'top_n', '5'), (None, 'label', 'a=b')]
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
        hint = ""
        spec = param.spec
        if isinstance(spec, tuple) and spec[0] == "literal" and isinstance(value, str):
            hint = did_you_mean(value, [str(v) for v in spec[1:]])
        raise ParameterError(
            f"notebook {nb}: parameter {name!r} expects {param.type}, got "
            f"{type_name(value)} ({short_repr(value)}) from {origin}{hint}"
        )


def resolve_parameters(
    declared: Mapping[str, Mapping[str, NotebookParameter]],
    study: Study,
    cli: Sequence[str] = (),
    *,
    selected: Sequence[str] | None = None,
    origins: dict[tuple[str, str], str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Check study-file and ``-p`` overrides against the notebooks' parameters cells.

    Args:
        declared: ``{notebook: notebook_parameters(...)}`` for every notebook of the folder.
        study: the study; its whole ``parameters`` section is checked against ``declared``.
        cli: ``-p`` items (``name=value`` or ``notebook.name=value``) for the selected
            notebooks; values are YAML (``top_n=30``, ``kwic_terms=[crime, cooperation]``); a
            ``str`` parameter takes the text as is.
        selected: the notebooks that will run (default: all of ``declared``).
        origins: if given, filled with ``{(notebook, name): where the value came from}`` for
            every override (for messages of :func:`check_parameter_values`).

    Returns:
        ``{notebook: {name: value}}``: the overrides to inject (study file, then ``-p``).

    Raises:
        ParameterError: an unknown notebook or parameter name, a value of the wrong type, or an
            attempt to set a runner parameter (``study_path``, ``output_dir``). The message
            names the notebook, the parameter, the expected and the given type.

    Example:
        >>> from pathlib import Path
        >>> declared = {p.stem: notebook_parameters(p) for p in Path("notebooks").glob("*.ipynb")}
        >>> study = load_study("data/study.yml")
        >>> resolve_parameters(declared, study, ["01_terms.top_n=5"])["01_terms"]["top_n"]
        5
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
            if origins is not None:
                origins[(nb, name)] = origin
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
            if origins is not None:
                origins[(nb, name)] = origin
    return overrides


def parameter_reference(name: str) -> str | None:
    """What a parameter's value refers to, by its name (see :data:`PARAMETER_REFERENCES`).

    Example:
        >>> parameter_reference("audit_theme"), parameter_reference("theme_level")
        ('theme', 'level')
        >>> parameter_reference("network_seed"), parameter_reference("top_n")
        ('seed', None)
    """
    for pattern, kind in PARAMETER_REFERENCES:
        if fnmatch.fnmatchcase(name, pattern):
            return kind
    return None


def check_parameter_values(
    declared: Mapping[str, Mapping[str, NotebookParameter]],
    overrides: Mapping[str, Mapping[str, Any]],
    inputs: StudyInputs,
    study: Study,
    *,
    selected: Sequence[str] | None = None,
    origins: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Check the value every selected notebook will run with against the study's own inputs.

    The value is the override (study file or ``-p``) or else the notebook's default, so a
    default that fits one study only (``audit_theme: crime``) is caught before any kernel
    starts. What a value refers to follows from the parameter's name
    (:data:`PARAMETER_REFERENCES`); ``None`` values are not checked (the notebook decides).

    Args:
        declared: ``{notebook: notebook_parameters(...)}``.
        overrides: from :func:`resolve_parameters`.
        inputs: from :func:`analysis.report.study.check_study_inputs`.
        study: the study (named in messages).
        selected: the notebooks that will run (default: all of ``declared``).
        origins: from :func:`resolve_parameters` (``origins=``), to name where a value came
            from.

    Raises:
        ParameterError: a theme, actor or document variable that the study does not have
            (with a did-you-mean), a theme level deeper than the codebook, an empty pattern,
            or a count below 1 (a seed below 0). The message names the notebook, the
            parameter, the value, where it came from, and the study's own values.

    Example:
        >>> from analysis.report.inputs import StudyInputs
        >>> p = {"02_themes": {"audit_theme": NotebookParameter("audit_theme", "str", "crime")}}
        >>> inputs = StudyInputs(("doc_id", "text"), 3, False, themes=("economy", "health"))
        >>> study = load_study("data/study.yml")
        >>> check_parameter_values(p, {"02_themes": {}}, inputs, study)
        Traceback (most recent call last):
        ...
        analysis.report.params.ParameterError: notebook 02_themes: parameter 'audit_theme' = 'crime' (the notebook's default; set parameters.02_themes.audit_theme in .../study.yml): no theme 'crime' in the codebook (themes: economy, health)
    """
    origins = origins or {}
    for nb in declared if selected is None else selected:
        for name, param in declared[nb].items():
            if name in RUNNER_PARAMETERS:
                continue
            given = name in overrides.get(nb, {})
            value = overrides[nb][name] if given else param.default
            origin = origins.get((nb, name)) if given else None
            if origin is None:
                origin = (
                    f"-p or {study.path}"
                    if given
                    else f"the notebook's default; set parameters.{nb}.{name} in {study.path}"
                )
            problem = _value_problem(name, param, value, inputs)
            if problem:
                raise ParameterError(
                    f"notebook {nb}: parameter {name!r} = {short_repr(value)} ({origin}): {problem}"
                )


def _choices(kind: str) -> tuple[str, ...]:
    if kind == "measure":
        from analysis.keyterms import KeynessMeasure

        return get_args(KeynessMeasure)
    from analysis.validation import UNITS

    return tuple(UNITS)


def _listing(values: Sequence[str], limit: int = 30) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", ... ({len(values)} in all)" if len(values) > limit else "")


def _value_problem(name: str, param: NotebookParameter, value: Any, inputs: StudyInputs) -> str:
    if value is None:
        return ""
    kind = parameter_reference(name)
    items = value if isinstance(value, list) else [value]
    if kind in ("theme", "themes") and inputs.themes is not None:
        for item in items:
            if item not in inputs.themes:
                return (
                    f"no theme {item!r} in the codebook (themes: {_listing(inputs.themes)})"
                    f"{did_you_mean(str(item), inputs.themes)}"
                )
    elif kind in ("actor", "actors") and inputs.actors is not None:
        for item in items:
            if item not in inputs.actors:
                return (
                    f"no actor {item!r} in the actor table (actor ids: "
                    f"{_listing(inputs.actors)}){did_you_mean(str(item), inputs.actors)}"
                )
    elif kind == "docvar":
        columns = list(inputs.docvars) + (list(_PERIODS) if inputs.has_dates else [])
        for item in items:
            if item not in columns:
                return (
                    f"{item!r} is not a document variable (columns: {_listing(columns)})"
                    f"{did_you_mean(str(item), columns)}"
                )
    elif kind == "period":
        allowed: tuple[str, ...] = ("auto", *_PERIODS)
        if value not in allowed:
            return (
                f"{short_repr(value)} is not a period (periods: {', '.join(allowed)})"
                f"{did_you_mean(str(value), allowed)}"
            )
    elif kind in ("measure", "unit"):
        allowed = _choices(kind)
        if value not in allowed:
            return (
                f"{short_repr(value)} is not one of {', '.join(allowed)}"
                f"{did_you_mean(str(value), allowed)}"
            )
    elif kind == "patterns":
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                return f"item {i} is empty; every pattern must be a non-empty string"
    elif isinstance(value, int) and not isinstance(value, bool):
        if kind == "seed":
            return "" if value >= 0 else "a seed must be 0 or more"
        default = param.default
        least = 0 if default == 0 and not isinstance(default, bool) else 1
        if isinstance(default, int) and not isinstance(default, bool) and default < 0:
            return ""
        if value < least:
            what = "a theme level" if kind == "level" else "a count"
            return f"{what} must be at least {least}"
        if kind == "level" and inputs.theme_depth is not None and value > inputs.theme_depth:
            return (
                f"the codebook's theme tree is {inputs.theme_depth} level(s) deep; choose 1 to "
                f"{inputs.theme_depth}"
            )
    return ""


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


def format_parameters(declared: Mapping[str, Mapping[str, NotebookParameter]]) -> str:
    """The listing ``python -m analysis params`` prints: each notebook, then its parameters.

    Args:
        declared: ``{notebook: notebook_parameters(...)}``.

    Returns:
        One line per notebook, then ``  name: type = default  # comment`` per parameter.

    Example:
        >>> top_n = NotebookParameter("top_n", "int", 20, "terms per table")
        >>> print(format_parameters({"01_terms": {"top_n": top_n}}), end="")
        01_terms
          top_n: int = 20  # terms per table
    """
    buf = io.StringIO()
    for nb, params in declared.items():
        buf.write(f"{nb}\n")
        for p in params.values():
            note = f"  # {p.comment}" if p.comment else ""
            buf.write(f"  {p.name}: {p.type} = {p.default!r}{note}\n")
    return buf.getvalue()
