"""Where chunked runs keep their results: per-row tables appended to Parquet, partials summed.

Shared by :func:`analysis.stream.stream_analyze` and the report engine
(:mod:`analysis.report.compute`), so both write files the same way (atomically: a file appears
only when complete) and combine partial tables with the same memory bound.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._aggregate import combine_parts, empty_parts


def text_categoricals(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its categorical columns as plain text, for Parquet: the categories of
    the same column differ from chunk to chunk (and a reader wants the values, not codes).

    Example:
        >>> flat = text_categoricals(pd.DataFrame({"a": pd.Categorical(["x"]), "b": [1]}))
        >>> isinstance(flat["a"].dtype, pd.CategoricalDtype), flat["a"].tolist(), flat["b"].tolist()
        (False, ['x'], [1])
    """
    return table.assign(
        **{
            c: table[c].astype(str)
            for c in table.columns
            if isinstance(table[c].dtype, pd.CategoricalDtype)
        }
    )


def arrow_table(table: pd.DataFrame) -> Any:
    """``table`` as :class:`ParquetSink` writes it: an Arrow table, categoricals as text, no
    index.

    Example:
        >>> arrow_table(pd.DataFrame({"a": pd.Categorical(["x"])})).column("a").to_pylist()
        ['x']
    """
    import pyarrow as pa

    return pa.Table.from_pandas(text_categoricals(table), preserve_index=False)


class ParquetSink:
    """Append tables to one Parquet file; the file appears (atomically) only when complete.

    Categorical columns are written as plain strings (their categories differ from chunk to
    chunk); every later table is cast to the first one's schema.

    Example:
        >>> import tempfile
        >>> sink = ParquetSink(Path(tempfile.mkdtemp()) / "t.parquet")
        >>> sink.write(pd.DataFrame({"a": [1]})); sink.write(pd.DataFrame({"a": [2]}))
        >>> pd.read_parquet(sink.close(True))["a"].tolist()
        [1, 2]
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = None if path is None else Path(path)
        self._tmp = None if self.path is None else self.path.with_name(self.path.name + ".part")
        self._writer: Any = None  # a pyarrow.parquet.ParquetWriter once the first table came
        self._schema: Any = None
        self.rows = 0

    def write(self, table: Any) -> None:
        """Append ``table`` (nothing for None or without a path): a DataFrame, or an Arrow
        table made from one by :func:`arrow_table` (e.g. in a worker process, so that the
        process writing the file only encodes it)."""
        if self.path is None or table is None:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        arrow = table if isinstance(table, pa.Table) else arrow_table(table)
        if self._writer is None:
            # A column with no value in the first table (e.g. duplicate_of) is text, not null.
            self._schema = pa.schema(
                [f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in arrow.schema],
                metadata=arrow.schema.metadata,
            )
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(self._tmp, self._schema)
        self._writer.write_table(arrow.cast(self._schema))
        self.rows += len(table)

    def close(self, ok: bool, empty: pd.DataFrame | None = None) -> Path | None:
        """Finish the file (``ok``) or remove the partial one.

        Args:
            ok: the run completed.
            empty: written when no table came, so that the file exists with its columns
                (default: no file then).

        Returns:
            The path written, or None.
        """
        if self.path is None:
            return None
        if ok and self._writer is None and empty is not None:
            self.write(empty)
        if self._writer is not None:
            self._writer.close()
        if not ok:
            if self._tmp is not None and self._tmp.exists():
                self._tmp.unlink()
            return None
        if self._writer is None:  # no chunk at all: no file
            return None
        assert self._tmp is not None  # set together with path
        os.replace(self._tmp, self.path)
        return self.path


class PartsAccumulator:
    """Sum the partial tables of many chunks (:func:`analysis._aggregate.combine_parts`).

    Partials wait in a list and are combined when they outgrow the combined table: memory stays
    at about twice the size of the result, and each row is regrouped a few times only.

    Example:
        >>> from analysis._aggregate import part
        >>> acc = PartsAccumulator()
        >>> acc.add(part("tf", ["all"], ["a"], [0], [2])); acc.add(part("tf", ["all"], ["a"], [0], [3]))
        >>> acc.result()["v0"].tolist()
        [5.0]
    """

    def __init__(self) -> None:
        self._combined = empty_parts()
        self._pending: list[pd.DataFrame] = []
        self._n_pending = 0

    def add(self, parts: pd.DataFrame) -> None:
        """Add one chunk's partials."""
        self._pending.append(parts)
        self._n_pending += len(parts)
        if self._n_pending >= max(len(self._combined), 1 << 16):
            self._combine()

    def _combine(self) -> None:
        self._combined = combine_parts(
            pd.concat([self._combined, *self._pending], ignore_index=True)
        )
        self._pending, self._n_pending = [], 0

    def result(self) -> pd.DataFrame:
        """Every partial added so far, summed."""
        self._combine()
        return self._combined
