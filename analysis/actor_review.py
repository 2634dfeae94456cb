"""Review and validation of actor mentions and quotes, like the theme layer has.

Two ways to check the actor layer by hand:

* **Review** the output: :func:`export_mentions_for_review` / :func:`export_quotes_for_review`
  write one row per mention or quote with its sentence (the match in ``[[ ]]``, a quote's
  speaker in ``{{ }}``) and empty ``correct`` and ``note`` columns; the reviewer writes
  ``yes``/``no`` into ``correct``. :func:`load_review` reads the file back and
  :func:`review_precision` gives the share of correct rows per actor (precision only: a
  review sees what was found, not what was missed).
* **Agree** before you validate: :func:`coding_agreement` compares two coders' independent
  codings of the same texts (mentions and quotes), the ceiling a tool can be held to.
* **Validate** against a hand coding of the texts (a gold file): :func:`load_actor_gold` reads
  it, :func:`score_mentions` gives precision, recall and F1 per actor and overall, and
  :func:`score_quotes` the share of quotes found, with the right speaker and the right cue.

Gold file format (CSV, UTF-8; see ``data/gold/README.md`` for the coding rules):

=============  ================================================================================
column         meaning
=============  ================================================================================
``doc_id``     the document
``kind``       ``mention`` or ``quote``
``text``       the mention's words, or the quoted / reported words (without quotation marks,
               cue and attribution), exactly as in the text
``actor_id``   the actor mentioned; for a quote the speaker (empty: the speaker cannot be told)
``cue``        quotes only: the speech cue as written ("said", "according to"); may be empty
``start``      optional character offsets of ``text``; when empty they are found by searching
``end``        ``text`` in the document (the n-th row with the same text in a document is the
               n-th occurrence)
``note``       free text
=============  ================================================================================

Matching rules. A mention is found when the output has a mention of the same actor in the
same document whose span overlaps the gold span (one to one). A quote is found when an
output quote in the same document overlaps the gold quote by at least half of the shorter of
the two (one to one, largest overlap first); its speaker is right when ``speaker_id`` equals
the gold ``actor_id`` (both empty counts as right), its cue when the folded cues are equal.
Only documents that appear in the gold file are scored.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd

from analysis._checks import BadUtf8, decode_utf8, require_columns
from analysis._io import write_review_csv
from analysis.text import fold, sentences

__all__ = [
    "ActorGoldError",
    "GOLD_COLUMNS",
    "export_mentions_for_review",
    "export_quotes_for_review",
    "load_review",
    "review_precision",
    "load_actor_gold",
    "score_mentions",
    "score_quotes",
    "coding_agreement",
]

#: Columns of a gold file (``start``, ``end``, ``cue`` and ``note`` may be left out).
GOLD_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "kind",
    "text",
    "actor_id",
    "cue",
    "start",
    "end",
    "note",
)
_REQUIRED = ("doc_id", "kind", "text", "actor_id")
_YES = {"yes", "y", "true", "1", "x", "correct", "ok"}
_NO = {"no", "n", "false", "0", "wrong", "incorrect"}


class ActorGoldError(ValueError):
    """A gold or review file cannot be used; the message names the file, the line and the
    problem."""


# ---------------------------------------------------------------------------------------------
# review files


def _context(
    rows: pd.DataFrame,
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    marks: list[tuple[str, str, str, str]],
) -> list[str]:
    """The sentences around each row (from the sentence of the first marked span to the one
    of the last), with each span ``(start_col, end_col, open, close)`` marked."""
    sents = sentences(tokens, docs)
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    bounds = {
        d: (g["start"].to_numpy(np.int64), g["end"].to_numpy(np.int64))
        for d, g in sents.groupby(sents["doc_id"].astype(str), sort=False)
    }
    out = []
    for r in rows.itertuples(index=False):
        d = str(r.doc_id)
        text = texts[d]
        spans = [
            (int(getattr(r, a)), int(getattr(r, b)), o, c)
            for a, b, o, c in marks
            if not pd.isna(getattr(r, a))
        ]
        lo = min(s for s, _, _, _ in spans)
        hi = max(e for _, e, _, _ in spans)
        s_start, s_end = bounds.get(d, (np.zeros(0, np.int64), np.zeros(0, np.int64)))
        i = int(np.searchsorted(s_start, lo, side="right")) - 1
        j = int(np.searchsorted(s_start, hi - 1, side="right")) - 1
        a = int(s_start[i]) if i >= 0 else lo
        b = max(int(s_end[j]), hi) if j >= 0 else hi
        piece, pos = [], a
        for s, e, o, c in sorted(spans):
            if s < pos:
                continue
            piece += [text[pos:s], o, text[s:e], c]
            pos = e
        piece.append(text[pos:b])
        out.append("".join(piece).replace("\n", " "))
    return out


def export_mentions_for_review(
    mentions: pd.DataFrame,
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    path: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """One row per mention with its sentence, for hand review; written to ``path`` if given.

    The file is written atomically (a temporary file in the same folder, then
    ``os.replace``), UTF-8 with a byte-order mark (Excel shows Vietnamese names correctly).

    Args:
        mentions: from :func:`analysis.actors.find_mentions`.
        docs: the docs table.
        tokens: the tokens table (for the sentence boundaries).
        path: the CSV to write (its folder must exist); write under ``reports/``.

    Returns:
        The review table: ``review_id`` (int, 1-based), ``doc_id``, ``sent``, ``start``,
        ``end`` (int), ``surface``, ``actor_id``, ``actor_type``, ``via`` (str), ``context``
        (str, the sentence with the mention in ``[[ ]]``), ``correct`` and ``note`` (empty
        str, for the reviewer: ``yes``/``no`` and a comment).

    Raises:
        FileNotFoundError: the folder of ``path`` does not exist.
        ValueError: ``mentions`` lacks a column.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"], "text": ["China met Laos. They agreed."]})
        >>> tokens = tokenize(docs)
        >>> a = Actors.from_records([{"id": "cn", "name": "China", "type": "country"}])
        >>> r = export_mentions_for_review(find_mentions(tokens, a, docs=docs), docs, tokens)
        >>> r[["surface", "context", "correct"]].values.tolist()
        [['China', '[[China]] met Laos.', '']]
    """
    require_columns(mentions, ["doc_id", "sent", "start", "end", "surface", "actor_id"], "mentions")
    m = mentions.reset_index(drop=True)
    out = pd.DataFrame(
        {
            "review_id": np.arange(1, len(m) + 1),
            "doc_id": m["doc_id"].astype(str),
            "sent": m["sent"].astype(np.int64),
            "start": m["start"].astype(np.int64),
            "end": m["end"].astype(np.int64),
            "surface": m["surface"].astype(str).str.replace("\n", " "),
            "actor_id": m["actor_id"].astype(str),
            "actor_type": m["actor_type"].astype(str) if "actor_type" in m else "",
            "via": m["via"].astype(str) if "via" in m else "",
            "context": _context(m, docs, tokens, [("start", "end", "[[", "]]")]) if len(m) else [],
            "correct": "",
            "note": "",
        }
    )
    if path is not None:
        write_review_csv(out, path)
    return out


def export_quotes_for_review(
    quotes: pd.DataFrame,
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    path: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """One row per quote with its sentence(s), for hand review; written to ``path`` if given
    (atomically, UTF-8 with a byte-order mark).

    Args:
        quotes: from :func:`analysis.quotes.find_quotes`.
        docs: the docs table.
        tokens: the tokens table (for the sentence boundaries).
        path: the CSV to write (its folder must exist); write under ``reports/``.

    Returns:
        The review table: ``review_id`` (int, 1-based), ``doc_id``, ``sent``, ``start``,
        ``end`` (int), ``text``, ``kind``, ``speaker_id`` (str, empty when NA), ``cue``
        (str), ``context`` (str, the sentences with the quote in ``[[ ]]`` and the speaker
        in ``{{ }}``), ``correct``, ``correct_speaker`` and ``note`` (empty str, for the
        reviewer: is it a quote; is the speaker right; a comment).

    Raises:
        FileNotFoundError: the folder of ``path`` does not exist.
        ValueError: ``quotes`` lacks a column.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d1"], "text": ["Crime fell, Lan said."]})
        >>> tokens = tokenize(docs)
        >>> a = Actors.from_records([{"id": "lan", "name": "Lan", "type": "person"}])
        >>> q = find_quotes(docs, tokens, find_mentions(tokens, a, docs=docs))
        >>> export_quotes_for_review(q, docs, tokens)[["text", "speaker_id", "context"]].values.tolist()
        [['Crime fell', 'lan', '[[Crime fell]], {{Lan}} said.']]
    """
    require_columns(
        quotes, ["doc_id", "sent", "start", "end", "text", "speaker_id", "cue"], "quotes"
    )
    q = quotes.reset_index(drop=True)
    marks = [("start", "end", "[[", "]]"), ("speaker_start", "speaker_end", "{{", "}}")]
    if "speaker_start" not in q:
        marks = marks[:1]
    out = pd.DataFrame(
        {
            "review_id": np.arange(1, len(q) + 1),
            "doc_id": q["doc_id"].astype(str),
            "sent": q["sent"].astype(np.int64),
            "start": q["start"].astype(np.int64),
            "end": q["end"].astype(np.int64),
            "text": q["text"].astype(str).str.replace("\n", " "),
            "kind": q["kind"].astype(str) if "kind" in q else "",
            "speaker_id": q["speaker_id"].astype(object).where(q["speaker_id"].notna(), ""),
            "cue": q["cue"].astype(str),
            "context": _context(q, docs, tokens, marks) if len(q) else [],
            "correct": "",
            "correct_speaker": "",
            "note": "",
        }
    )
    if path is not None:
        write_review_csv(out, path)
    return out


def _yes_no(value: object, where: str) -> object:
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    text = text.strip().lower()
    if text == "":
        return pd.NA
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ActorGoldError(f"{where}: {value!r} is not yes/no (use yes, no, or leave it empty)")


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: file not found")
    try:
        text = decode_utf8(path.read_bytes())
    except BadUtf8 as err:
        raise ActorGoldError(f"{path}: {err}; re-save it as UTF-8") from None
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ActorGoldError(f"{path}: the file is empty") from None
    except csv.Error as err:
        raise ActorGoldError(f"{path}, line 1: CSV error: {err}") from None
    rows, line = [], reader.line_num
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(header):
                raise ActorGoldError(
                    f"{path}, line {start}: row has {len(row)} cells but the header has "
                    f"{len(header)}"
                )
            rows.append((start, dict(zip(header, row, strict=True))))
    except csv.Error as err:
        raise ActorGoldError(f"{path}, line {line + 1}: CSV error: {err}") from None
    return header, rows


def load_review(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a review file written by :func:`export_mentions_for_review` or
    :func:`export_quotes_for_review` and filled in by a reviewer.

    Args:
        path: the CSV.

    Returns:
        The review table as written, with ``correct`` (and ``correct_speaker`` when present)
        as ``boolean`` (``yes``/``y``/``true``/``1``/``x`` → True, ``no``/``n``/``false``/
        ``0`` → False, empty → NA); ``start``, ``end``, ``sent`` as int64.

    Raises:
        FileNotFoundError: no such file.
        ActorGoldError: not UTF-8, not a review file (no ``correct`` column), or a
            ``correct`` cell that is not yes/no; the message names the file and line.
    """
    path = Path(path)
    header, rows = _read_csv(path)
    if "correct" not in header:
        raise ActorGoldError(f"{path}, line 1: no 'correct' column (has: {', '.join(header)})")
    out = pd.DataFrame([r for _, r in rows], columns=header)
    for col in ("correct", "correct_speaker"):
        if col in out:
            out[col] = pd.array(
                [_yes_no(r[col], f"{path}, line {n}, column {col}") for n, r in rows],
                dtype="boolean",
            )
    for col in ("review_id", "sent", "start", "end"):
        if col in out:
            out[col] = pd.to_numeric(out[col]).astype(np.int64)
    return out


def review_precision(reviewed: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Share of reviewed rows marked correct, per actor and overall.

    Args:
        reviewed: from :func:`load_review`.
        by: the column to group by; default ``actor_id`` for mentions, ``speaker_id`` for
            quotes.

    Returns:
        One row per group and a last row ``all``: the group column (str), ``reviewed``,
        ``correct`` (int64: rows with a yes/no, rows marked yes), ``precision`` (float64;
        NaN when nothing was reviewed).
    """
    col = by or ("actor_id" if "actor_id" in reviewed else "speaker_id")
    r = reviewed[reviewed["correct"].notna()]
    keys = r[col].fillna("").astype(str)
    g = r.groupby(keys, sort=True)["correct"].agg(["size", "sum"])
    out = pd.DataFrame(
        {col: g.index.astype(str), "reviewed": g["size"].to_numpy(np.int64),
         "correct": g["sum"].to_numpy(np.int64)}
    )  # fmt: skip
    total = pd.DataFrame(
        {col: ["all"], "reviewed": [int(len(r))], "correct": [int(r["correct"].sum())]}
    )
    out = pd.concat([out, total], ignore_index=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["precision"] = out["correct"] / out["reviewed"].where(out["reviewed"] > 0)
    return out.astype({"precision": "float64"})


# ---------------------------------------------------------------------------------------------
# gold files and scores


def load_actor_gold(
    path: str | os.PathLike[str], *, docs: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read a hand-coded actor/quote gold file (format: module docstring).

    Args:
        path: the CSV.
        docs: the docs table; needed when the file leaves ``start``/``end`` empty, and used
            to check that every row's ``text`` is the text at its offsets.

    Returns:
        One row per coded mention or quote: ``doc_id``, ``kind``, ``text``, ``actor_id``
        (str; empty = unknown speaker), ``cue``, ``note`` (str), ``start``, ``end`` (int64),
        ``line`` (int64, the line in the file).

    Raises:
        FileNotFoundError: no such file.
        ActorGoldError: not UTF-8, a missing column, a ``kind`` other than mention/quote, a
            mention without an actor, an offset that is not a number, offsets left empty
            without ``docs``, a document not in ``docs``, a ``text`` not found in its
            document, or a ``text`` that differs from the text at its offsets. The message
            names the file, the line and the problem.
    """
    path = Path(path)
    header, rows = _read_csv(path)
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise ActorGoldError(
            f"{path}, line 1: missing column(s) {', '.join(missing)} (has: {', '.join(header)})"
        )
    texts = (
        None if docs is None else dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    )
    next_from: dict[tuple[str, str], int] = {}
    out = []
    for line, r in rows:
        where = f"{path}, line {line}"
        doc_id, kind, text = r["doc_id"].strip(), r["kind"].strip().lower(), r["text"]
        actor = r["actor_id"].strip()
        if kind not in ("mention", "quote"):
            raise ActorGoldError(f"{where}: kind {r['kind']!r} must be 'mention' or 'quote'")
        if kind == "mention" and not actor:
            raise ActorGoldError(f"{where}: a mention needs an actor_id")
        if not text.strip():
            raise ActorGoldError(f"{where}: empty text")
        s_raw, e_raw = r.get("start", "").strip(), r.get("end", "").strip()
        if texts is not None and doc_id not in texts:
            raise ActorGoldError(f"{where}: document {doc_id!r} is not in the docs table")
        if s_raw and e_raw:
            try:
                start, end = int(s_raw), int(e_raw)
            except ValueError:
                raise ActorGoldError(f"{where}: start/end must be whole numbers") from None
            if texts is not None and texts[doc_id][start:end] != text:
                raise ActorGoldError(
                    f"{where}: text {text!r} is not the text at {start}:{end} "
                    f"({texts[doc_id][start:end]!r})"
                )
        else:
            if texts is None:
                raise ActorGoldError(f"{where}: start/end are empty; pass docs= to find the text")
            key = (doc_id, text)
            start = texts[doc_id].find(text, next_from.get(key, 0))
            if start < 0:
                raise ActorGoldError(f"{where}: text {text!r} not found in document {doc_id!r}")
            end = start + len(text)
            next_from[key] = start + 1
        out.append(
            {"doc_id": doc_id, "kind": kind, "text": text, "actor_id": actor,
             "cue": r.get("cue", "").strip(), "note": r.get("note", ""), "start": start,
             "end": end, "line": line}
        )  # fmt: skip
    cols = ["doc_id", "kind", "text", "actor_id", "cue", "note", "start", "end", "line"]
    df = pd.DataFrame(out, columns=cols)
    return df.astype({"start": np.int64, "end": np.int64, "line": np.int64})


def _pair(
    sys_doc: np.ndarray, sys_s: np.ndarray, sys_e: np.ndarray,
    gold_doc: np.ndarray, gold_s: np.ndarray, gold_e: np.ndarray, min_share: float,
) -> list[tuple[int, int]]:  # fmt: skip
    """One-to-one pairs (system row, gold row) by overlap, largest overlap first."""
    cands: list[tuple[int, int, int]] = []
    for g in range(len(gold_doc)):
        for i in np.flatnonzero(sys_doc == gold_doc[g]).tolist():
            ov = min(sys_e[i], gold_e[g]) - max(sys_s[i], gold_s[g])
            shorter = max(1, min(sys_e[i] - sys_s[i], gold_e[g] - gold_s[g]))
            if ov > 0 and ov >= min_share * shorter:
                cands.append((-int(ov), int(i), g))
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, g in sorted(cands):
        if i not in used_s and g not in used_g:
            used_s.add(i)
            used_g.add(g)
            pairs.append((i, g))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else (0.0 if tp + fp and tp + fn else float("nan"))
    return p, r, f


def score_mentions(mentions: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of the mentions against a gold file, per actor and overall.

    Args:
        mentions: from :func:`analysis.actors.find_mentions`.
        gold: from :func:`load_actor_gold` (its ``mention`` rows are used).

    Returns:
        One row per actor in either table (sorted), then ``all`` (micro average):
        ``actor_id`` (str), ``tp``, ``fp``, ``fn`` (int64), ``precision``, ``recall``,
        ``f1`` (float64; NaN where undefined). Only documents in the gold file count.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["d1", "d1"], "start": [0, 10], "end": [5, 14],
        ...                   "actor_id": ["cn", "vn"]})
        >>> g = pd.DataFrame({"doc_id": ["d1", "d1"], "kind": ["mention"] * 2,
        ...                   "start": [0, 20], "end": [5, 24], "actor_id": ["cn", "vn"]})
        >>> score_mentions(m, g)[["actor_id", "tp", "fp", "fn"]].values.tolist()
        [['cn', 1, 0, 0], ['vn', 0, 1, 1], ['all', 1, 1, 1]]
    """
    g = gold[gold["kind"] == "mention"].reset_index(drop=True)
    coded = set(gold["doc_id"].astype(str))
    m = mentions[mentions["doc_id"].astype(str).isin(coded)].reset_index(drop=True)
    actors = sorted(set(m["actor_id"].astype(str)) | set(g["actor_id"].astype(str)))
    rows = []
    totals = np.zeros(3, np.int64)
    for a in actors:
        ms = m[m["actor_id"].astype(str) == a]
        gs = g[g["actor_id"].astype(str) == a]
        pairs = _pair(
            ms["doc_id"].astype(str).to_numpy(), ms["start"].to_numpy(), ms["end"].to_numpy(),
            gs["doc_id"].astype(str).to_numpy(), gs["start"].to_numpy(), gs["end"].to_numpy(),
            0.0,
        )  # fmt: skip
        tp = len(pairs)
        counts = np.array([tp, len(ms) - tp, len(gs) - tp], np.int64)
        totals += counts
        rows.append((a, *counts.tolist(), *_prf(*counts.tolist())))
    rows.append(("all", *totals.tolist(), *_prf(*totals.tolist())))
    out = pd.DataFrame(rows, columns=["actor_id", "tp", "fp", "fn", "precision", "recall", "f1"])
    return out.astype({"tp": np.int64, "fp": np.int64, "fn": np.int64})


def score_quotes(quotes: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """How many quotes were found, with the right speaker and the right cue.

    Args:
        quotes: from :func:`analysis.quotes.find_quotes`.
        gold: from :func:`load_actor_gold` (its ``quote`` rows are used).

    Returns:
        One row: ``found``, ``gold``, ``matched`` (int64: output quotes, gold quotes, pairs
        overlapping by at least half of the shorter span), ``speaker_right``, ``cue_right``
        (int64: matched pairs with the gold speaker / cue), ``precision`` (matched / found),
        ``recall`` (matched / gold), ``precision_speaker`` (matched with the right speaker /
        found), ``recall_speaker`` (matched with the right speaker / gold), ``cue_accuracy``
        (cue right / matched) (float64). Only documents in the gold file count.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["d1"], "start": [0], "end": [10],
        ...                   "speaker_id": ["lan"], "cue": ["said"]})
        >>> g = pd.DataFrame({"doc_id": ["d1", "d1"], "kind": ["quote"] * 2, "start": [0, 30],
        ...                   "end": [9, 40], "actor_id": ["lan", "lan"], "cue": ["said", "noted"]})
        >>> score_quotes(q, g)[["found", "gold", "matched", "speaker_right", "recall"]].values.tolist()
        [[1.0, 2.0, 1.0, 1.0, 0.5]]
    """
    g = gold[gold["kind"] == "quote"].reset_index(drop=True)
    coded = set(gold["doc_id"].astype(str))
    q = quotes[quotes["doc_id"].astype(str).isin(coded)].reset_index(drop=True)
    pairs = _pair(
        q["doc_id"].astype(str).to_numpy(), q["start"].to_numpy(), q["end"].to_numpy(),
        g["doc_id"].astype(str).to_numpy(), g["start"].to_numpy(), g["end"].to_numpy(), 0.5,
    )  # fmt: skip
    spk = q["speaker_id"].astype(object).where(q["speaker_id"].notna(), "").astype(str)
    gspk = g["actor_id"].fillna("").astype(str)
    right = sum(spk[i] == gspk[j] for i, j in pairs)
    gcue = g["cue"].fillna("").astype(str) if "cue" in g else pd.Series([""] * len(g))
    cue_right = sum(
        " ".join(fold(str(q["cue"][i])).split()) == " ".join(fold(gcue[j]).split())
        for i, j in pairs
    )
    found, n_gold, matched = len(q), len(g), len(pairs)

    def share(a: int, b: int) -> float:
        return a / b if b else float("nan")

    return pd.DataFrame(
        {
            "found": [found],
            "gold": [n_gold],
            "matched": [matched],
            "speaker_right": [int(right)],
            "cue_right": [int(cue_right)],
            "precision": [share(matched, found)],
            "recall": [share(matched, n_gold)],
            "precision_speaker": [share(right, found)],
            "recall_speaker": [share(right, n_gold)],
            "cue_accuracy": [share(cue_right, matched)],
        }
    ).astype({c: np.int64 for c in ("found", "gold", "matched", "speaker_right", "cue_right")})


def coding_agreement(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """Agreement of two independent hand codings of the same documents (two gold files).

    Span annotations have no fixed set of units to code, so Cohen's kappa is not defined for
    them; the agreement measure used for such codings is the positive specific agreement
    (Hripcsak & Rothschild 2005), the F1 of one coding against the other, symmetric in the
    two. Units are paired exactly as :func:`score_mentions` and :func:`score_quotes` pair output
    and gold (a mention: same actor, overlapping spans; a quote: overlap of at least half of
    the shorter span), so the tool's scores and the coders' agreement can be set side by side.

    Args:
        first: one coding, from :func:`load_actor_gold`.
        second: the other coding of the same texts, from :func:`load_actor_gold`.

    Returns:
        Two rows, ``kind`` ``mention`` then ``quote`` (str): ``first``, ``second`` (int64:
        units each coder coded), ``matched`` (int64: pairs), ``agreement`` (float64:
        2 * matched / (first + second)), ``first_in_second``, ``second_in_first`` (float64:
        the share of one coder's units the other also coded), ``speaker_agreement``,
        ``cue_agreement`` (float64: quotes only, the share of matched pairs with the same
        speaker / the same folded cue; NaN for mentions). Only documents that both codings
        contain count.

    Example:
        >>> a = pd.DataFrame({"doc_id": ["d"] * 3, "kind": ["mention", "mention", "quote"],
        ...     "start": [0, 10, 30], "end": [5, 14, 60], "actor_id": ["cn", "vn", "li"],
        ...     "cue": ["", "", "said"]})
        >>> b = pd.DataFrame({"doc_id": ["d"] * 2, "kind": ["mention", "quote"],
        ...     "start": [0, 32], "end": [5, 60], "actor_id": ["cn", ""], "cue": ["", "said"]})
        >>> agreement = coding_agreement(a, b)
        >>> agreement[["kind", "first", "second", "matched", "agreement"]].values.tolist()
        [['mention', 2, 1, 1, 0.6666666666666666], ['quote', 1, 1, 1, 1.0]]
        >>> float(agreement["speaker_agreement"][1])
        0.0
    """
    both = set(first["doc_id"].astype(str)) & set(second["doc_id"].astype(str))
    a = first[first["doc_id"].astype(str).isin(both)]
    b = second[second["doc_id"].astype(str).isin(both)]
    mention = score_mentions(
        b[b["kind"] == "mention"].assign(doc_id=lambda t: t["doc_id"].astype(str)), a
    ).iloc[-1]
    qa = a[a["kind"] == "quote"]
    qb = b[b["kind"] == "quote"].rename(columns={"actor_id": "speaker_id"})
    quote = score_quotes(qb, qa).iloc[0]

    def row(kind: str, n1: int, n2: int, m: int, spk: float, cue: float) -> dict[str, object]:
        return {"kind": kind, "first": n1, "second": n2, "matched": m,
                "agreement": 2 * m / (n1 + n2) if n1 + n2 else float("nan"),
                "first_in_second": m / n1 if n1 else float("nan"),
                "second_in_first": m / n2 if n2 else float("nan"),
                "speaker_agreement": spk, "cue_agreement": cue}  # fmt: skip

    n1, n2, m = (
        int(mention["tp"] + mention["fn"]),
        int(mention["tp"] + mention["fp"]),
        int(mention["tp"]),
    )
    nan = float("nan")
    rows = [row("mention", n1, n2, m, nan, nan)]
    qm = int(quote["matched"])
    rows.append(row(
        "quote", int(quote["gold"]), int(quote["found"]), qm,
        quote["speaker_right"] / qm if qm else nan, quote["cue_right"] / qm if qm else nan,
    ))  # fmt: skip
    out = pd.DataFrame(rows)
    return out.astype({"first": np.int64, "second": np.int64, "matched": np.int64})
