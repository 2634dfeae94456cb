"""Bad corpus input: every reader names the file (and line or row) and the problem.

One case per class of bad input (issue 15 item 2; issue 13 bad web pages and dates). Each case
writes its files under tmp_path and loads them; nothing under data/ is touched.
"""

import json
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import CorpusError, iter_corpus, load_corpus

TEXT = "The leaders met in Hanoi on Wednesday to talk about trade and fishing rules."


def _w(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def folder(files: dict[str, bytes | str], meta: str | None = None) -> Callable[[Path], dict]:
    def make(tmp: Path) -> dict:
        for name, data in files.items():
            _w(tmp / "raw" / name, data)
        kwargs: dict = {"source": tmp / "raw"}
        if meta is not None:
            kwargs["metadata"] = _w(tmp / "meta.csv", meta)
        return kwargs

    return make


def file(name: str, data: bytes | str) -> Callable[[Path], dict]:
    return lambda tmp: {"source": _w(tmp / name, data)}


def parquet(frame: pd.DataFrame) -> Callable[[Path], dict]:
    def make(tmp: Path) -> dict:
        frame.to_parquet(tmp / "c.parquet")
        return {"source": tmp / "c.parquet"}

    return make


def jsonl(*records: object) -> Callable[[Path], dict]:
    return file("c.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")


def utf16_metadata(tmp: Path) -> dict:
    _w(tmp / "raw" / "a.txt", TEXT)
    meta = _w(tmp / "meta.csv", "doc_id,file\nA,a.txt\n".encode("utf-16-le"))
    return {"source": tmp / "raw", "metadata": meta}


PAGE = f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"

CASES = [
    # name, make, kwargs, error, message (regex; names the file and the problem)
    ("utf16_file_without_bom", folder({"a.txt": TEXT.encode("utf-16-le")}), {}, CorpusError,
     r"a\.txt: looks like UTF-16, not UTF-8"),
    ("utf32_file", folder({"a.txt": TEXT.encode("utf-32")}), {}, CorpusError,
     r"a\.txt: looks like UTF-32"),
    ("latin1_file", folder({"a.txt": "café".encode("latin-1")}), {}, CorpusError,
     r"a\.txt: not valid UTF-8 at byte offset 3 \(byte 0xe9\)"),
    ("utf16_csv", file("c.csv", f"doc_id,text\na,{TEXT}\n".encode("utf-16-le")), {},
     CorpusError, r"c\.csv: looks like UTF-16"),
    ("latin1_csv", file("c.csv", "doc_id,text\na,café\n".encode("latin-1")), {}, CorpusError,
     r"c\.csv: not valid UTF-8 at byte offset 17 \(byte 0xe9\) on line 2"),
    ("csv_row_with_extra_field", file("c.csv", f"doc_id,text\na,{TEXT}\nb,x,y\n"), {},
     CorpusError, r"c\.csv, line 3: 3 fields but the header has 2"),
    ("csv_first_row_with_extra_field", file("c.csv", "doc_id,text\na,one,two\n"), {},
     CorpusError, r"c\.csv, line 2: 3 fields but the header has 2"),
    ("csv_header_only", file("c.csv", "doc_id,text\n"), {}, CorpusError,
     r"c\.csv: no documents: the file has a header row only"),
    ("csv_empty_file", file("c.csv", ""), {}, CorpusError, r"c\.csv: the corpus file is empty"),
    ("csv_blank_doc_id", file("c.csv", f"doc_id,text\na,{TEXT}\n ,{TEXT}\n"), {},
     CorpusError, r"c\.csv, line 3: blank 'doc_id'"),
    ("csv_unclosed_quote", file("c.csv", 'doc_id,text\na,"never closed\n'), {}, CorpusError,
     r"c\.csv, line \d+: malformed CSV"),
    ("csv_duplicate_columns", file("c.csv", f"doc_id,text,text\na,{TEXT},x\n"), {},
     CorpusError, r"c\.csv, line 1: duplicate column name\(s\) 'text'"),
    ("jsonl_broken_line", file("c.jsonl", f'{{"doc_id": "a", "text": "{TEXT}"}}\n{{"doc_id": "b",\n'),
     {}, CorpusError, r"c\.jsonl, line 2: not valid JSON"),
    ("jsonl_text_is_a_list", jsonl({"doc_id": "a", "text": TEXT}, {"doc_id": "b", "text": ["x"]}),
     {}, CorpusError, r"c\.jsonl, line 2: 'text' is a JSON array, not a string"),
    ("jsonl_text_is_an_object", jsonl({"doc_id": "a", "text": {"body": TEXT}}), {}, CorpusError,
     r"c\.jsonl, line 1: 'text' is a JSON object, not a string"),
    ("jsonl_line_not_an_object", jsonl({"doc_id": "a", "text": TEXT}, [1, 2]), {}, CorpusError,
     r"c\.jsonl, line 2: expected a JSON object"),
    ("jsonl_null_doc_id", jsonl({"doc_id": None, "text": TEXT}), {}, CorpusError,
     r"c\.jsonl, line 1: blank or null 'doc_id'"),
    ("jsonl_no_lines", file("c.jsonl", "\n\n"), {}, CorpusError, r"c\.jsonl: no documents"),
    ("parquet_null_doc_id", parquet(pd.DataFrame({"doc_id": ["a", None], "text": [TEXT, TEXT]})),
     {}, CorpusError, r"c\.parquet: missing or blank doc_id in row\(s\) 2"),
    ("parquet_blank_doc_id", parquet(pd.DataFrame({"doc_id": ["", "b"], "text": [TEXT, TEXT]})),
     {}, CorpusError, r"c\.parquet: missing or blank doc_id in row\(s\) 1"),
    ("parquet_text_not_a_string", parquet(pd.DataFrame({"doc_id": ["a"], "text": [12]})), {},
     CorpusError, r"c\.parquet: text of doc_id a is not a string \(a int"),
    ("not_parquet", file("c.parquet", b"PAR1 not really"), {}, CorpusError,
     r"c\.parquet: cannot be read as parquet"),
    ("metadata_rows_naming_the_same_file",
     folder({"a.txt": TEXT}, "doc_id,file\nA,a.txt\nB,a.txt\n"), {}, CorpusError,
     r"meta\.csv: several rows name the same file: a \(doc_id A, B\)"),
    ("files_with_the_same_stem", folder({"a.txt": TEXT, "a.html": PAGE}), {}, CorpusError,
     r"raw: files with the same name stem \(the doc_id\): a\.html and a\.txt"),
    ("metadata_blank_doc_id", folder({"a.txt": TEXT}, "doc_id,file\n ,a.txt\n"), {},
     CorpusError, r"meta\.csv: empty doc_id in data row\(s\) 1"),
    ("metadata_row_without_file", folder({"a.txt": TEXT}, "doc_id,file\nA,a.txt\nB,b.txt\n"),
     {}, CorpusError, r"meta\.csv: metadata rows without a file .*: b"),
    ("malformed_html", folder({"a.html": b"%PDF-1.4 \x00\x01\x02 binary"}), {}, CorpusError,
     r"a\.html: not HTML: the file is binary"),
    ("html_without_markup", folder({"a.html": TEXT}), {}, CorpusError,
     r"a\.html: not HTML: no markup"),
    ("html_without_main_text",
     folder({"a.html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}), {},
     CorpusError, r"a\.html: no main text found"),
    ("html_column_without_main_text",
     parquet(pd.DataFrame({"doc_id": ["p1"], "html": ["<html><body><nav>Home</nav></body></html>"]})),
     {}, CorpusError, r"c\.parquet: html of doc_id p1: no main text found"),
    ("unparseable_metadata_date",
     folder({"a.txt": TEXT}, "doc_id,file,date\nA,a.txt,the day after\n"), {}, CorpusError,
     r"meta\.csv: unparseable date for 1 document\(s\): doc_id A: 'the day after'"),
    ("incomplete_date_in_table", file("c.csv", f"doc_id,text,date\na,{TEXT},December 2023\n"),
     {}, CorpusError, r"c\.csv: unparseable date .* doc_id a: 'December 2023' \(not a complete"),
    ("utf16_metadata", utf16_metadata, {}, CorpusError, r"meta\.csv: looks like UTF-16"),
    ("utf16_jsonl", file("c.jsonl", f'{{"doc_id": "a", "text": "{TEXT}"}}\n'.encode("utf-16-le")),
     {}, CorpusError, r"c\.jsonl: looks like UTF-16"),
    ("utf16_html_page", folder({"a.html": PAGE.encode("utf-16-le")}), {}, CorpusError,
     r"a\.html: looks like UTF-16"),
    ("metadata_duplicate_doc_id", folder({"a.txt": TEXT, "b.txt": TEXT},
     "doc_id,file\nA,a.txt\nA,b.txt\n"), {}, CorpusError, r"meta\.csv: duplicate doc_id: A"),
    ("unknown_format", file("c.docx", b"PK"), {}, CorpusError, r"c\.docx: unknown corpus format"),
    ("no_matching_files", folder({"a.md": TEXT}), {}, CorpusError,
     r"raw: no files matching '\*\.txt' or '\*\.html' or '\*\.htm'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "kwargs", "error", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
@pytest.mark.parametrize("reader", ["load_corpus", "iter_corpus"])
def test_bad_corpus_input(tmp_path, make, kwargs, error, message, reader) -> None:
    args = make(tmp_path) | kwargs
    with pytest.raises(error, match=message), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if reader == "load_corpus":
            load_corpus(**args)
        else:
            list(iter_corpus(**args, chunksize=1))


def test_nul_bytes_are_warned_and_removed(tmp_path: Path) -> None:
    _w(tmp_path / "raw" / "a.txt", TEXT[:20].encode() + b"\x00" + TEXT[20:].encode())
    with pytest.warns(UserWarning, match=r"raw: removed NUL characters from 1 document\(s\): a"):
        docs = load_corpus(tmp_path / "raw")
    assert docs.loc[0, "text"] == TEXT


def test_metadata_without_date_or_title_columns_loads(tmp_path: Path) -> None:
    _w(tmp_path / "raw" / "a.txt", TEXT)
    meta = _w(tmp_path / "meta.csv", "doc_id,file,outlet\nA,a.txt,X\n")
    docs = load_corpus(tmp_path / "raw", metadata=meta)
    assert docs.columns.tolist() == ["doc_id", "text", "file", "outlet", "language", "sha256"]


def test_csv_cells_keep_their_spaces_and_short_rows_are_padded(tmp_path: Path) -> None:
    path = _w(tmp_path / "c.csv", f'doc_id,text,outlet\na,"  {TEXT}\n"\nb,{TEXT}\n')
    docs = load_corpus(path)
    assert docs["text"].tolist() == [f"  {TEXT}\n", TEXT]  # offsets count every character
    assert docs["outlet"].tolist() == ["", ""]
