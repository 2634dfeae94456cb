"""What a study is computed from: its input files read and checked before any kernel starts
(:func:`check_study_inputs`), and their SHA-256 hashes for the provenance
(:func:`study_inputs`, :func:`file_sha256`)."""

from __future__ import annotations

import hashlib
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.report._common import relative_posix, warning_messages
from analysis.report.study import Study, StudyError, load_study_docs

__all__ = ["StudyInputs", "check_study_inputs", "file_sha256", "study_inputs"]


@dataclass(frozen=True)
class StudyInputs:
    """What :func:`check_study_inputs` read: the names parameter values may refer to.

    Attributes:
        docvars: the columns of the docs table (document variables).
        n_docs: number of documents after cleaning and duplicate handling.
        has_dates: the docs table has a ``date`` column with at least one value.
        themes: theme ids of the codebook, or None without a codebook.
        theme_depth: deepest level of the codebook's theme tree, or None.
        actors: actor ids of the actor table, or None without one.
        docs, removed: the documents and removed boilerplate lines as
            :func:`load_study_docs` returned them (so a run reads the corpus once).
        notes: what reading the documents warned about (dates, languages, duplicates), once
            each.
        other_notes: what reading the other inputs warned about (e.g. spellings two actors
            share).

    Example:
        >>> inputs = check_study_inputs(load_study("data/study.yml"))
        >>> inputs.n_docs, inputs.themes[:2], inputs.theme_depth, inputs.actors[0]
        (2, ('cooperation', 'information_sharing'), 2, 'vo_van_thuong')
    """

    docvars: tuple[str, ...]
    n_docs: int
    has_dates: bool
    themes: tuple[str, ...] | None = None
    theme_depth: int | None = None
    actors: tuple[str, ...] | None = None
    docs: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    removed: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    notes: tuple[str, ...] = ()
    other_notes: tuple[str, ...] = ()


def check_study_inputs(study: Study) -> StudyInputs:
    """Read every input of a study with its own reader, as the notebooks will: the corpus (with
    the corpus options), the codebook, the actor table, the gold files (themes and actors) and
    the stopword list.

    ``make report`` calls this before any kernel starts, so a broken input fails in seconds with
    the reader's own message (file, line or row, problem) instead of inside every notebook.

    Args:
        study: from :func:`load_study`.

    Returns:
        A :class:`StudyInputs`: the document variables, theme ids and actor ids that parameter
        values are checked against.

    Raises:
        StudyError: the grouping variable is not a document variable, or the corpus is empty.
        ValueError: from the readers, as their own subclasses (``CorpusError``,
            ``BoilerplateError``, ``CodebookError``, ``ActorTableError``, ``ActorGoldError``):
            :func:`analysis.corpus.load_corpus`,
            :func:`analysis.codebook.load_codebook`, :func:`analysis.actor_table.load_actors`,
            :func:`analysis.validation.load_gold`, :func:`analysis.actor_review.load_actor_gold`,
            :func:`analysis.text.load_stopwords`; each names the file and the problem.

    Example:
        >>> "outlet" in check_study_inputs(load_study("data/study.yml")).docvars
        True
    """
    from analysis.actor_review import load_actor_gold
    from analysis.actor_table import load_actors
    from analysis.codebook import load_codebook
    from analysis.text import load_stopwords
    from analysis.validation import load_gold

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs, removed = load_study_docs(study)
    notes = tuple(warning_messages(caught))
    if docs.empty:
        raise StudyError(f"{study.path}: the corpus {study.corpus} has no documents")
    themes = depth = actors = None
    other: tuple[str, ...] = ()
    if study.codebook is not None:
        codebook = load_codebook(study.codebook)
        themes = tuple(codebook.ids)
        frame = codebook.to_frame()
        depth = int(frame["depth"].max()) if len(frame) else 0
    if study.actors is not None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            actors = tuple(load_actors(study.actors).ids)
        # Shown on the actor pages by the tables run; here only for the command line.
        other = tuple(warning_messages(caught))
    if study.gold is not None:
        load_gold(study.gold)
    if study.actor_gold is not None:
        # Offsets and texts are checked against the documents the notebooks analyse.
        load_actor_gold(study.actor_gold, docs=docs)
    if study.stopwords is not None:
        load_stopwords(study.stopwords)
    # The reader leaves an unreadable date empty (dates: warn): empty is no date.
    has_dates = "date" in docs.columns and bool(
        docs["date"].fillna("").astype(str).str.strip().ne("").any()
    )
    return StudyInputs(
        docvars=tuple(map(str, docs.columns)),
        n_docs=len(docs),
        has_dates=has_dates,
        themes=themes,
        theme_depth=depth,
        actors=actors,
        docs=docs,
        removed=removed,
        notes=notes,
        other_notes=other,
    )


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
        actor_gold, stopwords), ``path`` (str, relative to the study file's folder, ``/``-separated),
        ``sha256`` (str). Corpus files are listed one by one in file-name order.

    Raises:
        FileNotFoundError: an input file disappeared since the study was loaded.

    Example:
        >>> study_inputs(load_study("data/study.yml"))["role"].tolist()
        ['study', 'corpus', 'corpus', 'metadata', 'codebook', 'actors', 'gold', 'actor_gold', 'stopwords']
    """
    rows: list[tuple[str, Path]] = [("study", study.path)]
    if study.corpus.is_dir():
        from analysis.corpus import DEFAULT_PATTERNS

        patterns = DEFAULT_PATTERNS if study.pattern is None else (study.pattern,)
        files = sorted({p for pat in patterns for p in study.corpus.glob(pat) if p.is_file()})
        rows += [("corpus", p) for p in files]
    else:
        rows.append(("corpus", study.corpus))
    for role in ("metadata", "codebook", "actors", "gold", "actor_gold", "stopwords"):
        value = getattr(study, role)
        if value is not None:
            rows.append((role, value))
    return pd.DataFrame(
        [(role, relative_posix(p, study.root), file_sha256(p)) for role, p in rows],
        columns=["role", "path", "sha256"],
    )
