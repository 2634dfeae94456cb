"""The tables folder of a study run (``<report>/_tables/``): which tables it holds
(:data:`TABLE_FILES`, one Parquet file each) and :class:`StudyTables`, which reads them on
demand (a table or some of its columns, its schema, the run's notes) and gives a page the file
to link to. :func:`analysis.report.compute.compute_study_tables` writes the folder and
:func:`analysis.report.compute.study_tables` opens it; both return a :class:`StudyTables`.
Split out of :mod:`analysis.report.compute`, which re-exports these names.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["TABLE_FILES", "StudyTables"]

#: The tables of a study run and what each holds (file ``<name>.parquet``).
TABLE_FILES: dict[str, str] = {
    "documents": "one row per document: metadata, sizes (n_chars, n_sentences, n_tokens, "
    "n_words), sha256, preview, wrapped",
    "removed_boilerplate": "the boilerplate lines removed (clean_boilerplate's audit table)",
    "duplicates": "near-duplicate clusters (find_duplicates), when searched",
    "term_frequency": "term_frequency over the corpus",
    "term_frequency_by_group": "term_frequency by the study's group",
    "keyness": "keyness of each group against the rest (column target)",
    "collocations": "collocations (pairs)",
    "kwic": "KWIC lines of the requested patterns (capped)",
    "dispersion_hits": "matches of the dispersion patterns with token positions (few documents)",
    "dispersion_counts": "matches of the dispersion patterns per group",
    "hits": "every theme hit (code_themes)",
    "theme_rates_by_group": "theme_matrix by group with the report's unit, rate and level",
    "theme_kwic": "theme hits in context, per theme (capped)",
    "hits_for_review": "hits with their sentence for hand review (capped)",
    "mentions": "every actor mention (find_mentions)",
    "quotes": "every quote (find_quotes)",
    "actor_counts_by_group": "actor_counts by group, per 1,000 words",
    "actor_theme": "actor_theme_matrix at the report's theme level",
    "unlisted_names": "capitalised names no mention covers (unlisted_names)",
    "actor_gold": "the hand-coded actor/quote gold, read against the documents",
    "keyness_between_periods": "keyness of the study's two periods",
}


@dataclass
class StudyTables:
    """The tables of one study run, read on demand from their folder.

    Attributes:
        path: the tables folder.
        manifest: what ``manifest.json`` holds (``options``, ``inputs``, ``rows``, ``notes``,
            ``n_docs``, ``groups``, ``kwic_terms``, ``dispersion_terms``, ``capped``).
    """

    path: Path
    manifest: dict[str, Any]
    _cache: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.read(name)

    def read(self, name: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """A table, or some of its columns (a million hits read in a fraction of the time).

        Raises:
            KeyError: no such table in this run (names the tables there are).
        """
        key = name if columns is None else f"{name}:{','.join(columns)}"
        if key not in self._cache:
            if not self.has(name):
                raise KeyError(f"{self.path}: no table {name!r} (tables: {', '.join(self.names)})")
            self._cache[key] = pd.read_parquet(
                self.file(name), columns=None if columns is None else list(columns)
            )
        return self._cache[key]

    @property
    def names(self) -> list[str]:
        """The tables present."""
        return sorted(p.stem for p in self.path.glob("*.parquet"))

    def columns(self, name: str) -> list[str]:
        """The columns of a table, from its file's schema (nothing read)."""
        import pyarrow.parquet as pq

        return list(pq.read_schema(self.file(name)).names)

    def has(self, name: str) -> bool:
        """Whether the run made this table (e.g. no ``hits`` without a codebook)."""
        return self.file(name).exists()

    def file(self, name: str) -> Path:
        """The Parquet file of a table."""
        return self.path / f"{name}.parquet"

    def export(self, name: str, folder: str | os.PathLike[str]) -> Path:
        """The file a page links to for a full table: a CSV copy in ``folder`` when the table
        is short enough for one (:data:`analysis.report.tables.MAX_CSV_ROWS`), else its
        Parquet file here (not copied).

        Returns:
            The path of the CSV written, or of the Parquet file.
        """
        import pyarrow.parquet as pq

        from analysis.report.tables import MAX_CSV_ROWS, save_table

        if pq.ParquetFile(self.file(name)).metadata.num_rows > MAX_CSV_ROWS:
            return self.file(name)  # counted from the file's footer: nothing read
        return save_table(self[name], Path(folder) / f"{name}.csv")

    def notes(self, *sections: str) -> list[str]:
        """What the reader should know, from the run (input warnings, caps), per section
        (``corpus``, ``terms``, ``kwic``, ``themes``, ``actors``, ``periods``), without
        repeats."""
        notes: dict[str, Any] = self.manifest.get("notes", {})
        return list(dict.fromkeys(n for s in sections for n in notes.get(s, [])))
