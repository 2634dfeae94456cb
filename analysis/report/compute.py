"""One run per study: every table of a report computed once, chunk by chunk, then presented.

``make report`` calls :func:`compute_study_tables` once, before any notebook starts: the
study's documents are cut into chunks; each chunk is tokenised once (one
:class:`analysis.text.Vocabulary` carried across chunks) and goes through every analysis of
the report; additive counts are summed with the aggregation engine (:mod:`analysis._aggregate`,
the same partials as :func:`analysis.stream.stream_analyze`); per-row tables (theme hits, actor
mentions, quotes) are appended to Parquet as they come. Memory is one chunk's tokens plus tables
the size of the vocabulary and of the output; the texts of the corpus are held once (duplicate
detection needs them all).

What cannot be summed is collected only where it was asked for, with a cap: KWIC lines for the
requested patterns, dispersion positions when the documents are few, the theme contexts of the
audit table and the review file (``max_lines`` rows each, with a note when the cap cut them).

The notebooks then load the tables (:func:`study_tables`) and present them, still calling
``analysis`` functions for what is cheap from the stored tables (theme counts per document,
co-occurrence, validation, trends). In JupyterLab (``make lab``) :func:`study_tables` computes
the tables when they are missing or were made from other inputs or options.

Files in the tables folder (``<report>/_tables/``): ``manifest.json`` (options, input hashes,
row counts, notes) and one Parquet file per table (see :data:`TABLE_FILES`); they are read
through :class:`StudyTables` (both in :mod:`analysis.report.tables_folder`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import secrets
import shutil
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis._aggregate import ALL, make_plan, part, progress_bar, progress_enabled
from analysis._parallel import usable_workers
from analysis._store import ParquetSink, PartsAccumulator
from analysis.keyterms import KeynessMeasure
from analysis.report._common import swap_into_place, warning_messages
from analysis.report.chunks import (
    Chunker,
    ChunkResult,
    map_chunks,
    process_vocabulary,
    reset_vocabulary,
    run_apart,
)
from analysis.report.inputs import study_inputs
from analysis.report.study import Study, load_study, load_study_docs
from analysis.report.tables_folder import TABLE_FILES, StudyTables  # moved; re-exported

__all__ = [
    "TABLE_FILES",
    "TableOptions",
    "StudyTables",
    "compute_study_tables",
    "study_tables",
    "table_options",
]

#: Notebook parameters the tables depend on: (notebook, parameter) -> TableOptions field.
PARAMETER_OPTIONS: dict[tuple[str, str], str] = {
    ("01_terms", "keyness_measure"): "keyness_measure",
    ("01_terms", "kwic_terms"): "kwic_terms",
    ("01_terms", "kwic_window"): "kwic_window",
    ("01_terms", "collocation_min_count"): "collocation_min_count",
    ("01_terms", "dispersion_terms"): "dispersion_terms",
    ("01_terms", "dispersion_max_docs"): "dispersion_max_docs",
    ("02_themes", "level"): "theme_level",
    ("02_themes", "rate"): "theme_rate",
    ("02_themes", "audit_window"): "audit_window",
    ("03_actors", "network_unit"): "network_unit",
    ("03_actors", "theme_level"): "actor_theme_level",
    ("04_trends", "keyness_measure"): "period_keyness_measure",
}

#: Hits of each theme kept in context for the audit table (``theme_kwic``).
_THEME_CONTEXTS = 2_000
#: Documents tokenised at a time to look for KWIC lines of the default terms.
_KWIC_PIECE = 200
_MANIFEST = "manifest.json"
_FORMAT = 1  # bump when the files change meaning: older tables are recomputed


@dataclass(frozen=True)
class TableOptions:
    """The options the tables depend on (defaults: the notebooks' defaults).

    Attributes:
        keyness_measure: keyness between groups (``chi2``, ``g2``, ``fisher``, ``pmi``).
        kwic_terms: KWIC patterns; empty: the 3 most frequent terms.
        kwic_window: tokens of context on each side.
        collocation_min_count: collocations seen at least this often.
        dispersion_terms: dispersion patterns; empty: the KWIC patterns.
        dispersion_max_docs: token positions are kept up to this many documents.
        theme_level: theme tree depth of the rates by group.
        theme_rate: ``per_1k_tokens`` (per document unit) or ``share_of_sentences``.
        audit_window: characters of context in the theme KWIC.
        network_unit: co-mention unit (``sentence`` or ``doc``).
        actor_theme_level: theme tree depth of the actor × theme table.
        period_keyness_measure: keyness between the study's periods.
        max_lines: rows kept of each capped table (KWIC, theme KWIC per theme, review file).
        chunksize: documents per chunk.
    """

    keyness_measure: KeynessMeasure = "g2"
    kwic_terms: tuple[str, ...] = ()
    kwic_window: int = 6
    collocation_min_count: int = 2
    dispersion_terms: tuple[str, ...] = ()
    dispersion_max_docs: int = 20
    theme_level: int = 1
    theme_rate: str = "per_1k_tokens"
    audit_window: int = 60
    network_unit: str = "sentence"
    actor_theme_level: int = 1
    period_keyness_measure: KeynessMeasure = "g2"
    max_lines: int = 20_000
    chunksize: int = 2_000


def table_options(
    parameters: Mapping[str, Mapping[str, Any]], base: TableOptions | None = None
) -> TableOptions:
    """The table options given by notebook parameter values.

    Args:
        parameters: ``{notebook: {name: value}}``; names the tables do not depend on are
            ignored (see :data:`PARAMETER_OPTIONS`).
        base: options to start from (default: the defaults).

    Returns:
        A :class:`TableOptions`.

    Example:
        >>> table_options({"01_terms": {"kwic_terms": ["crime*"], "top_n": 5}}).kwic_terms
        ('crime*',)
    """
    return dataclasses.replace(base or TableOptions(), **_option_values(parameters))


def _option_values(parameters: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """``{TableOptions field: value}`` for the parameters given (lists as tuples)."""
    changes: dict[str, Any] = {}
    for (nb, name), option in PARAMETER_OPTIONS.items():
        if name in parameters.get(nb, {}):
            value = parameters[nb][name]
            changes[option] = tuple(value) if isinstance(value, list | tuple) else value
    return changes


# ------------------------------------------------------------------------------- the run


def _inputs_key(inputs: pd.DataFrame) -> str:
    """SHA-256 over what the tables are made from, options aside: every input file with its
    hash (:func:`analysis.report.inputs.study_inputs`: the study file first), the package
    version and the format of the tables folder."""
    from analysis import __version__

    files = inputs[["role", "path", "sha256"]].astype(str).to_dict("records")
    key = {"format": _FORMAT, "version": __version__, "inputs": files}
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


def _plain(value: Any) -> Any:
    """A value as the manifest (JSON) holds it: tuples are lists."""
    return json.loads(json.dumps(value, default=str))


#: Options that change how the tables are computed, not what they hold.
_HOW = ("chunksize",)


def study_tables(
    study: Study | str | os.PathLike[str],
    tables_dir: str | os.PathLike[str],
    notebook: str | None = None,
    namespace: Mapping[str, Any] | None = None,
) -> StudyTables:
    """The study's tables: read from ``tables_dir``, computed first when needed.

    A report notebook calls ``study_tables(study, tables_dir, "01_terms", globals())``. The
    tables in ``tables_dir`` are read when they were made from the same inputs (SHA-256 of the
    study file and of every input file) and with this notebook's values of the parameters they
    depend on (:data:`PARAMETER_OPTIONS`; the other notebooks' options are kept as they are).
    Otherwise they are computed (:func:`compute_study_tables`) with the study file's
    ``parameters:`` and this notebook's values. Under ``make report`` the runner has computed
    them with every notebook's values, so they are read.

    Args:
        study: a :class:`analysis.report.study.Study` or its path.
        tables_dir: the tables folder.
        notebook: the calling notebook's name (its parameters are read from ``namespace``).
        namespace: the notebook's variables (``globals()``).

    Returns:
        A :class:`StudyTables`.

    Raises:
        ValueError: as :func:`compute_study_tables` (a bad input, a document without a group
            value).
    """
    if not isinstance(study, Study):
        study = load_study(study)
    own: dict[str, Any] = {}
    if notebook is not None and namespace is not None:
        own = _option_values({notebook: namespace})
    options = table_options(study.parameters)
    folder = Path(tables_dir)
    manifest_path = folder / _MANIFEST
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("key") == _inputs_key(study_inputs(study)):
            stored = manifest.get("options", {})
            wanted = own if notebook is not None else dataclasses.asdict(options)
            if all(stored.get(f) == _plain(v) for f, v in wanted.items() if f not in _HOW):
                return StudyTables(folder, manifest)
            known = {f.name for f in dataclasses.fields(TableOptions)}
            kept: dict[str, Any] = {
                k: tuple(v) if isinstance(v, list) else v for k, v in stored.items() if k in known
            }
            options = TableOptions(**kept)
    return compute_study_tables(study, folder, dataclasses.replace(options, **own))


def compute_study_tables(
    study: Study,
    out: str | os.PathLike[str],
    options: TableOptions | None = None,
    *,
    docs: pd.DataFrame | None = None,
    removed: pd.DataFrame | None = None,
    notes: Sequence[str] = (),
    progress: bool | None = None,
    workers: int | None = None,
) -> StudyTables:
    """Compute every table of the study's report in one chunked pass and write them.

    The folder is replaced atomically: its old contents stay until the new tables are complete.

    Args:
        study: the study.
        out: the tables folder to write.
        options: what the tables depend on (default :class:`TableOptions`).
        docs: the study's documents, when already loaded
            (:func:`analysis.report.study.load_study_docs`); loaded otherwise.
        removed: the boilerplate lines removed from them (the audit table), with ``docs``.
        notes: what loading them warned about (shown on every page).
        progress: a progress bar over the documents (None: in a terminal or Jupyter).
        workers: processes that compute chunks at the same time (None: one per CPU when the
            corpus has more than one chunk). The tables are the same for any number.

    Returns:
        A :class:`StudyTables` on the written folder (:data:`TABLE_FILES` lists the tables).

    Raises:
        ValueError: from the readers (corpus, codebook, actor table, gold files, as their own
            subclasses naming the file) and the table functions, e.g. a document without a
            group value.
    """
    options = options or TableOptions()
    inputs = study_inputs(study)
    notes = list(notes)
    if docs is None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            docs, removed = load_study_docs(study)
        notes += warning_messages(caught)
    folder = Path(out)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = folder.parent / f".{folder.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    work.mkdir()
    try:
        run = _Run(study, options, docs, work)
        if workers is None:
            several = len(docs) > options.chunksize
            workers = usable_workers() if several else 1  # as the loading steps use
        manifest = run.run(progress, workers)
        manifest["key"] = _inputs_key(inputs)
        manifest["inputs"] = inputs.astype(str).to_dict("records")
        manifest["notes"]["corpus"] = list(dict.fromkeys(notes + manifest["notes"]["corpus"]))
        if removed is not None:
            _write(work, "removed_boilerplate", removed)
        if docs.attrs.get("duplicates") is not None:
            _write(work, "duplicates", docs.attrs["duplicates"])
        (work / _MANIFEST).write_text(
            json.dumps(manifest, indent=1, ensure_ascii=False, default=str) + "\n",
            encoding="utf-8",
        )
        swap_into_place(work, folder, f".{folder.name}.old-{os.getpid()}")
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return StudyTables(folder, manifest)


def _write(folder: Path, name: str, table: pd.DataFrame) -> None:
    sink = ParquetSink(folder / f"{name}.parquet")
    sink.write(table.reset_index(drop=True))
    sink.close(True)


class _Run:
    """One :func:`compute_study_tables` call: the pass over the chunks, then the finish."""

    def __init__(self, study: Study, options: TableOptions, docs: pd.DataFrame, folder: Path):
        from analysis.actor_table import load_actors
        from analysis.codebook import load_codebook
        from analysis.text import load_stopwords

        self.study, self.options, self.docs, self.folder = study, options, docs, folder
        self.codebook = load_codebook(study.codebook) if study.codebook is not None else None
        with warnings.catch_warnings(record=True) as caught:  # e.g. spellings two actors share
            warnings.simplefilter("always")
            self.actors = load_actors(study.actors) if study.actors is not None else None
        stopwords = load_stopwords(study.stopwords) if study.stopwords is not None else None
        self.group = study.group if study.group in docs.columns else None
        unit = "doc" if options.theme_rate == "per_1k_tokens" else "sentence"
        plan = make_plan(
            self.codebook, self.actors, by=self.group, dropna=False,
            line_breaks=study.tokenize_options.get("line_breaks", "auto"), punkt=None,
            remove_punct=True, stopwords=stopwords, n=1, min_count=1, scheme="count",
            theme_unit=unit, theme_normalize=options.theme_rate, theme_level=options.theme_level,
            theme_scope="key", actor_normalize="per_1k_tokens", edge_unit=options.network_unit,
        )  # fmt: skip
        self.notes: dict[str, list[str]] = {
            "corpus": [], "terms": [], "kwic": [], "themes": [],
            "actors": warning_messages(caught),
            "periods": [],
        }  # fmt: skip
        self.capped: dict[str, int] = {}
        periods = None
        if study.periods and "date" in docs.columns:
            from analysis.trends import period_groups

            try:
                periods = period_groups(docs, study.periods, source=f"{study.path.name}: periods")
            except ValueError as err:
                self.notes["periods"].append(f"Keyness between periods skipped: {err}.")
        self.few_docs = len(docs) <= options.dispersion_max_docs
        self._doc_index: pd.Index | None = None
        self.chunker = Chunker(
            plan=plan, tokenize_options=dict(study.tokenize_options),
            # the table's countries: "a Thai official said" speaks for Thailand (find_quotes)
            quote_options=dict(study.quote_options, actors=self.actors), stopwords=stopwords,
            group=self.group,
            periods=periods, kwic_terms=options.kwic_terms,
            dispersion_terms=options.dispersion_terms or options.kwic_terms,
            keep_positions=self.few_docs, theme_level=options.actor_theme_level,
            head=_THEME_CONTEXTS, first=options.max_lines,
        )  # fmt: skip

    def _chunks(self, size: int | None = None) -> Iterator[tuple[int, pd.DataFrame]]:
        size = size or self.options.chunksize
        for n, i in enumerate(range(0, len(self.docs), size)):
            yield n, self.docs.iloc[i : i + size].reset_index(drop=True)

    def run(self, progress: bool | None, workers: int = 1) -> dict[str, Any]:
        from analysis.collocation import CollocationCounts

        self.acc = PartsAccumulator()
        self.colloc = CollocationCounts(2, remove_punct=True, stopwords=self.chunker.stopwords)
        self.sinks = {n: ParquetSink(self.folder / f"{n}.parquet")
                      for n in ("documents", "hits", "mentions", "quotes")}  # fmt: skip
        self.kwic_docs: list[pd.Series] = []
        self.dispersion: list[pd.DataFrame] = []
        self.heads: list[pd.DataFrame] = []  # each theme's first hits, in corpus order
        self.per_theme: dict[str, int] = {}  # rows of each theme in heads
        self.first_hits: list[pd.DataFrame] = []  # the corpus's first hits (review file)
        self.n_first = 0
        self.unlisted: list[pd.DataFrame] = []
        bar = progress_bar(progress_enabled(progress), len(self.docs), "documents")
        reset_vocabulary()  # a vocabulary per run (and none inherited by the workers)
        self.workers = workers
        ok = False
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                for result, n in map_chunks(self.chunker, self.docs, self.options.chunksize,
                                            workers):  # fmt: skip
                    self._combine(result)
                    bar.update(n)
            self.notes["actors"] = list(
                dict.fromkeys(self.notes["actors"] + _merge_counted(warning_messages(caught)))
            )
            manifest = self._finish()
            ok = True
        finally:
            bar.close()
            for name, sink in self.sinks.items():
                sink.close(ok, empty=self._empty(name))
        return manifest

    def _combine(self, r: ChunkResult) -> None:
        self.acc.add(r.parts)
        for name, table in r.tables.items():
            self.sinks[name].write(table)
        self.colloc.merge(r.colloc)
        for kept, value in ((self.kwic_docs, r.kwic_docs), (self.dispersion, r.dispersion),
                            (self.unlisted, r.unlisted)):  # fmt: skip
            if value is not None and len(value):
                kept.append(value)
        if r.hits_head is not None and len(r.hits_head):
            self._add_heads(r.hits_head)

    def _add_heads(self, head: pd.DataFrame) -> None:
        """Keep what is ever shown of the hits: each theme's first rows and the corpus's first
        rows (the chunk's head holds both for its part of the corpus)."""
        cap = self.options.max_lines
        if self.n_first < cap:
            self.first_hits.append(head.head(cap - self.n_first))
            self.n_first += len(self.first_hits[-1])
        keys = head["key"].astype(str)
        before = keys.map(self.per_theme).fillna(0).to_numpy(np.int64)
        rank = head.groupby(keys.to_numpy(), sort=False).cumcount().to_numpy() + before
        kept = head[rank < self.chunker.head]
        if len(kept):
            self.heads.append(kept)
            for key, n in kept["key"].astype(str).value_counts(sort=False).items():
                self.per_theme[key] = self.per_theme.get(key, 0) + int(n)

    def _empty(self, name: str) -> pd.DataFrame | None:
        from analysis.schema import empty_table

        wanted = {"hits": self.codebook, "mentions": self.actors, "quotes": self.actors}
        if name in wanted and wanted[name] is None:
            return None
        return empty_table(name) if name != "documents" else None

    # -------------------------------------------------------------------------- the end

    def _finish(self) -> dict[str, Any]:
        from analysis.keyterms import keyness_from_counts
        from analysis.schema import conform, empty_table

        o, folder = self.options, self.folder
        # What needs none of the counts (the collocations scored, the review file and the theme
        # contexts: their documents tokenised again) starts first and runs beside the rest of
        # the finish, each table written where it goes: in a forked process when the chunks had
        # worker processes (a large corpus), here and now otherwise. One forked process for
        # all (each fork counts the parent's pages once more in the process tree's RSS).
        first = (pd.concat(self.first_hits, ignore_index=True) if self.first_hits
                 else empty_table("hits"))  # fmt: skip
        apart = run_apart([functools.partial(self._document_jobs, first)],
                          apart=self.workers > 1)[0]  # fmt: skip
        combined = self.acc.result()
        tables = dict(self.chunker.plan.finalize(combined))
        by_group = tables["term_frequency"]
        _write(folder, "term_frequency_by_group", by_group)
        corpus = self._corpus_term_frequency(combined)
        _write(folder, "term_frequency", corpus)
        kwic_terms = list(o.kwic_terms)
        dispersion_terms = list(self.chunker.dispersion_terms)
        positions = False
        if not kwic_terms:  # the default: the 3 most frequent terms
            kwic_terms = corpus["term"].head(3).tolist()
            if not dispersion_terms:
                dispersion_terms = kwic_terms
                mine = by_group[by_group["term"].isin(kwic_terms)]  # a word matches its norm
                self.acc.add(part("disp", mine["term"], mine["group"], np.zeros(len(mine)),
                                  mine["frequency"]))  # fmt: skip
                combined = self.acc.result()
            positions = self.few_docs and not o.dispersion_terms
        # Here: it adds the matches to the dispersion rows when positions are kept.
        lines, seen = self._kwic_lines(kwic_terms, positions)
        _write(folder, "kwic", lines)
        # Every group of the documents, also one without a counted word.
        groups = sorted(self.docs[self.group].astype(str).unique()) if self.group else [ALL]
        present = set(by_group["group"].astype(str).unique())  # once: the table is long
        counted = [g for g in groups if g in present]
        if len(groups) >= 2 and len(counted) < len(groups):
            self.notes["terms"].append(
                "Keyness needs counted words on both sides; none in "
                + ", ".join(g for g in groups if g not in counted)
                + "."
            )
        if len(counted) >= 2:
            key = pd.concat(
                [keyness_from_counts(by_group, g, measure=o.keyness_measure).assign(target=g)
                 for g in counted],
                ignore_index=True,
            )  # fmt: skip
            _write(folder, "keyness", key)

        disp = combined[combined["table"] == "disp"]
        _write(folder, "dispersion_counts", pd.DataFrame({
            "key": disp["k0"].astype(str), "group": disp["k1"].astype(str),
            "count": np.rint(disp["v0"].to_numpy()).astype(np.int64)}))  # fmt: skip
        if self.few_docs:
            _write(folder, "dispersion_hits", pd.concat(self.dispersion, ignore_index=True)
                   if self.dispersion else empty_table("matches"))  # fmt: skip

        if self.codebook is not None:
            _write(folder, "theme_rates_by_group", tables["theme_matrix"])
            counted = combined[combined["table"] == "hk"]
            for theme, n in zip(counted["k0"].astype(str), np.rint(counted["v0"]), strict=True):
                self._capped_note(f"theme_kwic:{theme}", int(n), _THEME_CONTEXTS, "themes",
                                  f"hits of {theme} in context")  # fmt: skip

        if self.actors is not None:
            _write(folder, "actor_counts_by_group", tables["actor_counts"])
            at = combined[combined["table"] == "at"]
            at_table = pd.DataFrame({
                "actor_id": at["k0"].astype(str), "theme": at["k1"].astype(str),
                "count": np.rint(at["v0"].to_numpy()).astype(np.int64)})  # fmt: skip
            at_table = at_table.sort_values(["actor_id", "theme"], kind="stable")
            _write(folder, "actor_theme", conform(at_table.reset_index(drop=True),
                                                  "actor_theme_matrix") if len(at_table)
                   else empty_table("actor_theme_matrix"))  # fmt: skip
            if self.study.actor_gold is not None:
                from analysis.actor_review import load_actor_gold

                _write(folder, "actor_gold", load_actor_gold(self.study.actor_gold, docs=self.docs))

        if self.chunker.periods is not None:
            self._period_keyness(combined)
        self._capped_note("kwic", seen, o.max_lines, "kwic", "KWIC lines")
        apart()  # written (or its error raised)
        if self.codebook is not None:
            self._capped_note("hits_for_review", self.sinks["hits"].rows, o.max_lines, "themes",
                              "hits in the review file")  # fmt: skip
        meta = combined[combined["table"] == "meta"]
        return {
            "options": dataclasses.asdict(o),
            "n_docs": int(np.rint(meta["v0"].sum())),
            "n_tokens": int(np.rint(meta["v1"].sum())),
            "groups": groups,
            "group": self.group,
            "kwic_terms": kwic_terms,
            "dispersion_terms": dispersion_terms,
            "capped": self.capped,
            "rows": {n: s.rows for n, s in self.sinks.items()},
            "notes": self.notes,
        }

    def _capped_note(self, name: str, seen: int, cap: int, section: str, what: str) -> None:
        if seen > cap:
            self.capped[name] = seen
            self.notes[section].append(
                f"{seen:,} {what}: the first {cap:,} (in corpus order) are kept; "
                "raise `max_lines` or narrow the patterns to see others."
            )

    def _docs_for(self, doc_ids: Sequence[str]) -> pd.DataFrame:
        """The documents with these ids, in corpus order."""
        if self._doc_index is None:
            self._doc_index = pd.Index(self.docs["doc_id"].astype(str))
        if not self._doc_index.is_unique:
            return self.docs[self._doc_index.isin(set(doc_ids))].reset_index(drop=True)
        rows = np.unique(self._doc_index.get_indexer(pd.unique(np.asarray(doc_ids, dtype=object))))
        return self.docs.iloc[rows[rows >= 0]].reset_index(drop=True)

    def _kwic_lines(self, terms: list[str], positions: bool) -> tuple[pd.DataFrame, int]:
        """KWIC lines of the first documents that hold ``max_lines`` matches (only those are
        tokenised again) and the number of matches. Without per-document counts (default
        terms, known only now), chunks are read again until the cap is reached (all of them
        when positions are wanted: those are added to the dispersion rows)."""
        from analysis.concordance import kwic
        from analysis.matching import compile_patterns, match
        from analysis.schema import empty_table

        if not terms:  # a corpus without a single counted word: nothing to look up
            return empty_table("kwic"), 0
        cap, parts, seen = self.options.max_lines, [], 0
        if self.kwic_docs or self.options.kwic_terms:
            per_doc = pd.concat(self.kwic_docs) if self.kwic_docs else pd.Series(dtype=np.int64)
            seen = int(per_doc.sum())
            needed = per_doc.index[(per_doc.cumsum() - per_doc) < cap]
            docs = self._docs_for(needed.astype(str))
            if len(docs):
                parts.append(kwic(self.chunker.tokenize(docs, process_vocabulary()), terms, docs=docs,
                                  window=self.options.kwic_window))  # fmt: skip
        else:
            patterns = compile_patterns({t: [t] for t in terms})
            # Frequent terms fill the cap within the first few hundred documents: read them in
            # small pieces, so that only those are tokenised again.
            size = None if positions else _KWIC_PIECE
            for _, chunk in self._chunks(size):
                if seen >= cap and not positions:
                    break
                tokens = self.chunker.tokenize(chunk, process_vocabulary())
                if seen < cap:
                    lines = kwic(tokens, terms, docs=chunk, window=self.options.kwic_window)
                    if len(lines):
                        parts.append(lines.head(cap - seen))
                    seen += len(lines)
                if positions:
                    self.dispersion.append(match(tokens, patterns, docs=chunk))
            if seen >= cap:  # stopped early: the total from the term counts
                tf = pd.read_parquet(self.folder / "term_frequency.parquet")
                seen = int(tf.loc[tf["term"].isin(terms), "frequency"].sum())
        lines = pd.concat(parts, ignore_index=True).head(cap) if parts else empty_table("kwic")
        return lines, seen

    def _theme_contexts(self) -> pd.DataFrame:
        """Each theme's first hits in context (char windows: no tokens needed)."""
        from analysis.schema import empty_table
        from analysis.themes import theme_kwic

        heads = pd.concat(self.heads, ignore_index=True) if self.heads else empty_table("hits")
        contexts = []
        keys = heads["key"].astype(str).to_numpy()
        groups = heads.groupby(keys, sort=False).indices
        for theme in sorted(groups):
            own = heads.iloc[groups[theme]]
            lines = theme_kwic(own, theme, docs=self._docs_for(own["doc_id"].astype(str)),
                               window=self.options.audit_window, codebook=self.codebook)  # fmt: skip
            contexts.append(lines.assign(theme=theme))
        if not contexts:
            return empty_table("theme_kwic").assign(theme=pd.Series([], dtype=str))
        return pd.concat(contexts, ignore_index=True)

    def _document_jobs(self, first: pd.DataFrame) -> None:
        """Write the collocations table, with an actor table the unlisted names, and with a
        codebook the review file of the corpus's ``first`` hits and the theme contexts (about
        as long to make as the rest of the finish, which runs beside them on a large
        corpus)."""
        from analysis._io import write_review_csv

        _write(self.folder, "collocations",
               self.colloc.table(min_count=self.options.collocation_min_count))  # fmt: skip
        if self.actors is not None:
            _write(self.folder, "unlisted_names", _merge_unlisted(self.unlisted))
        if self.codebook is None:
            return
        write_review_csv(self._review_rows(first), self.folder / "hits_for_review.csv")
        _write(self.folder, "theme_kwic", self._theme_contexts())

    def _review_rows(self, first: pd.DataFrame) -> pd.DataFrame:
        """The review file of the corpus's first hits (their documents tokenised again)."""
        from analysis.themes import hits_review_table

        if not len(first):
            return pd.DataFrame()
        docs = self._docs_for(first["doc_id"].astype(str))
        return hits_review_table(first, docs, self.chunker.tokenize(docs, process_vocabulary()))

    def _corpus_term_frequency(self, combined: pd.DataFrame) -> pd.DataFrame:
        """term_frequency over the corpus: the counts by group summed per term (one factorising
        of the terms and sums on their codes, not another grouping of the partials by text;
        the table is ordered by count and term, whatever the order of the rows summed)."""
        from analysis._aggregate import combine_parts
        from analysis._aggregate_finish import finish_term_frequency

        plan = self.chunker.plan
        tf = combined[combined["table"] == "tf"]
        if plan.scheme == "count" and len(tf):
            term, types = pd.factorize(tf["k1"], sort=False)
            sums = [np.rint(np.bincount(term, weights=tf[v].to_numpy(np.float64),
                                        minlength=len(types))).astype(np.int64)
                    for v in ("v0", "v1")]  # fmt: skip
            return finish_term_frequency(
                np.zeros(len(types), np.int64), [ALL], np.arange(len(types)),
                pd.Index(types, dtype=str), sums[0], sums[1], min_count=plan.min_count,
            )  # fmt: skip
        tf = combined[combined["table"].isin(["tf", "meta"])]
        tf = combine_parts(tf.assign(k0=np.where(tf["table"] == "tf", ALL, tf["k0"])))
        plan = dataclasses.replace(plan, by=None, codebook=None, actors=None)
        return plan.finalize(tf)["term_frequency"]

    def _period_keyness(self, combined: pd.DataFrame) -> None:
        from analysis.keyterms import keyness_from_counts

        assert self.study.periods is not None  # with self.chunker.periods
        names = [str(n) for n in self.study.periods]
        target, reference = names[1], names[0]
        ptf = combined[combined["table"] == "ptf"]
        counts = pd.DataFrame({"group": ptf["k0"].astype(str), "term": ptf["k1"].astype(str),
                               "frequency": np.rint(ptf["v0"].to_numpy()).astype(np.int64)})  # fmt: skip
        empty = [n for n in names if not (counts["group"] == n).any()]
        if empty:
            self.notes["periods"].append(
                f"Keyness between periods skipped: {self.study.path.name}: periods: no "
                f"document dated in {', '.join(map(repr, empty))}."
            )
            return
        key = keyness_from_counts(counts, target, measure=self.options.period_keyness_measure)
        _write(self.folder, "keyness_between_periods",
               key.assign(target=target, reference=reference))  # fmt: skip


_COUNTED = re.compile(r"^(\d[\d,]*) (mention\(s\) of spellings shared .*?): (.*)$", re.S)


def _merge_counted(messages: list[str]) -> list[str]:
    """One note for the chunks' warnings that count the same thing: "607 mention(s) of
    spellings shared … : examples" from each chunk becomes one message with the summed count
    and the first chunk's examples (a worker warns per chunk; one process warns once).

    Example:
        >>> _merge_counted(["2 mention(s) of spellings shared by X: 'a' in d1",
        ...                "3 mention(s) of spellings shared by X: 'b' in d9", "other"])
        ["5 mention(s) of spellings shared by X: 'a' in d1", 'other']
    """
    out: list[str] = []
    first: dict[str, tuple[int, str]] = {}  # what is counted -> (its place in out, examples)
    totals: dict[str, int] = {}
    for message in messages:
        found = _COUNTED.match(message)
        if found is None:
            out.append(message)
            continue
        head = found.group(2)
        totals[head] = totals.get(head, 0) + int(found.group(1).replace(",", ""))
        if head not in first:
            first[head] = (len(out), found.group(3))
            out.append(message)
    for head, (at, examples) in first.items():
        out[at] = f"{totals[head]:,} {head}: {examples}"
    return out


def _merge_unlisted(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Candidates of every chunk as one table: the counts summed per folded name, the first
    example kept, the spelling of the chunk where the name was most frequent shown."""
    from analysis.schema import conform, empty_table
    from analysis.text import fold

    found = [p for p in parts if len(p)]
    if not found:
        return empty_table("unlisted_names")
    both = pd.concat(found, ignore_index=True)
    names = both["name"].astype(str)
    spellings = names.unique()  # many chunks find the same names: fold each spelling once
    both["folded"] = names.map(dict(zip(spellings, map(fold, spellings), strict=True)))
    first = both.drop_duplicates("folded", keep="first").set_index("folded")
    spelling = both.sort_values("count", ascending=False, kind="stable").drop_duplicates("folded")
    sums = both.groupby("folded", sort=False)[["count", "docfreq"]].sum()
    out = first.drop(columns=["count", "docfreq"]).join(sums)
    out["name"] = spelling.set_index("folded")["name"].reindex(out.index)
    out = out.reset_index(drop=True).sort_values(["count", "name"], ascending=[False, True],
                                                 kind="stable")  # fmt: skip
    return conform(out[list(empty_table("unlisted_names").columns)].reset_index(drop=True),
                   "unlisted_names")  # fmt: skip
