"""Loading corpora, whole (load_corpus) and in chunks (iter_corpus): formats, joins, errors."""

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import CorpusError, docs_from_table, iter_corpus, load_corpus, read_text_file
from tests.conftest import DATA, make_docs


def test_sample_corpus_joins_metadata_on_file_stem() -> None:
    docs = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    assert docs["doc_id"].tolist() == ["vna_2023-12-06", "thanhnien_2023-12-06"]
    assert docs.columns.tolist() == [
        "doc_id",
        "text",
        "outlet",
        "date",
        "title",
        "language",
        "file",
        "note",
        "sha256",
    ]
    raw = (DATA / "raw" / "002_7bda44e176ab552b.txt").read_bytes()
    assert docs.loc[1, "sha256"] == hashlib.sha256(raw).hexdigest()
    assert docs.loc[1, "outlet"] == "Báo Thanh niên"
    assert "\n" in docs.loc[0, "text"]


def test_table_formats_load_the_same(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["Cafe\u0301 one.", "Two."], "outlet": ["X", "Y"]}
    )
    frame.to_csv(tmp_path / "c.csv", index=False)
    frame.to_parquet(tmp_path / "c.parquet")
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps(r) for r in frame.to_dict("records")), encoding="utf-8"
    )
    loaded = [load_corpus(tmp_path / f"c.{ext}") for ext in ("csv", "parquet", "jsonl")]
    for docs in loaded:
        assert docs[["doc_id", "text", "outlet"]].values.tolist() == [
            ["a", "Café one.", "X"],
            ["b", "Two.", "Y"],
        ]
        assert docs.loc[0, "text"] == "Caf\u00e9 one."  # NFC


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_non_utf8_file_named_with_byte_offset(tmp_path: Path) -> None:
    write(tmp_path / "raw" / "a.txt", b"fine")
    write(tmp_path / "raw" / "b.txt", b"caf\xe9 latin-1")
    with pytest.raises(CorpusError, match=r"b\.txt: not valid UTF-8 at byte offset 3"):
        load_corpus(tmp_path / "raw")


def test_metadata_and_files_must_pair_up(tmp_path: Path) -> None:
    write(tmp_path / "raw" / "a.txt", b"A text.")
    write(tmp_path / "raw" / "b.txt", b"B text.")
    write(tmp_path / "meta.csv", b"doc_id,file\nA,a.txt\nC,c.txt\n")
    with pytest.raises(
        CorpusError,
        match=r"meta\.csv: metadata rows without a file .*: c; files .* without a metadata row: b",
    ):
        load_corpus(tmp_path / "raw", metadata=tmp_path / "meta.csv")


def test_empty_documents_by_option(tmp_path: Path) -> None:
    write(tmp_path / "raw" / "a.txt", b"Text.")
    write(tmp_path / "raw" / "b.txt", b"  \n")
    with pytest.raises(CorpusError, match="1 empty document.*: b"):
        load_corpus(tmp_path / "raw")
    with pytest.warns(UserWarning, match="empty document"):
        assert len(load_corpus(tmp_path / "raw", empty="warn")) == 2
    assert load_corpus(tmp_path / "raw", empty="drop")["doc_id"].tolist() == ["a"]
    with pytest.raises(ValueError, match="'error', 'warn', 'drop', 'keep'"):
        load_corpus(tmp_path / "raw", empty="ignore")


def test_duplicate_ids_missing_paths_and_unknown_formats(tmp_path: Path) -> None:
    write(tmp_path / "d.csv", b"doc_id,text\nx,one\nx,two\n")
    with pytest.raises(CorpusError, match="duplicate doc_id: x"):
        load_corpus(tmp_path / "d.csv")
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load_corpus(tmp_path / "nowhere")
    write(tmp_path / "d.docx", b"x")
    with pytest.raises(CorpusError, match="unknown corpus format '.docx'"):
        load_corpus(tmp_path / "d.docx")
    write(tmp_path / "n.csv", b"id,body\n1,x\n")
    with pytest.raises(CorpusError, match="needs a 'doc_id' column"):
        load_corpus(tmp_path / "n.csv")


def test_non_utf8_offset_counts_the_byte_order_mark(tmp_path: Path) -> None:
    # utf-8-sig counts offsets from after the BOM; the error must point into the file itself.
    write(tmp_path / "raw" / "a.txt", b"\xef\xbb\xbfab\xff")
    with pytest.raises(
        CorpusError, match=r"a\.txt: not valid UTF-8 at byte offset 5 \(byte 0xff\)"
    ):
        load_corpus(tmp_path / "raw")


@pytest.fixture()
def table_docs() -> pd.DataFrame:
    # CRLF, a decomposed "ư" (u + U+031B) and a BOM-free curly apostrophe: normalised on reading.
    return make_docs(
        "China\u2019s envoy met ASEAN.\r\nThey talked.",
        "Thu\u031bo\u031b\u0309ng spoke in Hanoi.",
        "Cyber crime rose.",
        "Three, four.",
        "Five.",
        outlet=["A", "B", "A", "C", "B"],
    )


def _write(docs: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".csv":
        docs.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        path.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in docs.to_dict("records")) + "\n",
            encoding="utf-8",
        )
    else:
        docs.to_parquet(path, index=False, row_group_size=2)
    return path


# ------------------------------------------------------------------------------- iter_corpus


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
@pytest.mark.parametrize("chunksize", [1, 2, 5, 100])
def test_iter_corpus_chunks_concatenate_to_load_corpus_for_tables(
    tmp_path, table_docs, suffix, chunksize
):
    path = _write(table_docs, tmp_path / f"corpus{suffix}")
    chunks = list(iter_corpus(path, chunksize=chunksize))
    assert [len(c) for c in chunks] == [min(chunksize, 5 - i) for i in range(0, 5, chunksize)]
    assert all(c.index.tolist() == list(range(len(c))) for c in chunks)
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), load_corpus(path))


def test_iter_corpus_normalises_text_like_load_corpus(tmp_path, table_docs):
    docs = pd.concat(iter_corpus(_write(table_docs, tmp_path / "c.csv"), chunksize=2))
    assert docs["text"].iloc[0] == "China\u2019s envoy met ASEAN.\nThey talked."
    assert docs["text"].iloc[1] == "Thưởng spoke in Hanoi."  # NFC: one code point per letter


@pytest.mark.parametrize("chunksize", [1, 2])
def test_iter_corpus_folder_with_metadata_equals_load_corpus(chunksize):
    chunks = list(iter_corpus(DATA / "raw", metadata=DATA / "metadata.csv", chunksize=chunksize))
    expected = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    assert len(chunks) == 2 // chunksize
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), expected)
    assert list(expected["doc_id"]) == ["vna_2023-12-06", "thanhnien_2023-12-06"]


def test_iter_corpus_folder_without_metadata_uses_file_stems(tmp_path):
    for name, text in [("b", "Second."), ("a", "First."), ("c", "Third.")]:
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    chunks = list(iter_corpus(tmp_path, chunksize=2))
    assert [c["doc_id"].tolist() for c in chunks] == [["a", "b"], ["c"]]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), load_corpus(tmp_path))


def test_iter_corpus_columns_keeps_only_the_named_docvars(tmp_path, table_docs):
    path = _write(table_docs.assign(extra="x"), tmp_path / "c.parquet")
    chunk = next(iter_corpus(path, columns=["outlet"]))
    # language: detected on load (a derived column, like sha256)
    assert list(chunk.columns) == ["doc_id", "text", "outlet", "language", "sha256"]


def test_iter_corpus_refuses_a_doc_id_repeated_in_a_later_chunk(tmp_path):
    path = _write(make_docs("a", "b", "c").assign(doc_id=["x", "y", "x"]), tmp_path / "c.csv")
    chunks = iter_corpus(path, chunksize=2)
    assert len(next(chunks)) == 2
    with pytest.raises(CorpusError, match=r"c\.csv: duplicate doc_id: x"):
        next(chunks)


def test_iter_corpus_names_the_file_of_a_non_utf8_csv(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("doc_id,text\nd1,caf\xe9\n".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"latin\.csv: not valid UTF-8"):
        list(iter_corpus(path))


def test_iter_corpus_names_the_missing_text_column(tmp_path):
    path = _write(make_docs("a").rename(columns={"text": "body"}), tmp_path / "c.parquet")
    with pytest.raises(
        CorpusError, match=r"c\.parquet: needs a 'text' column \(has: doc_id, body\)"
    ):
        list(iter_corpus(path))


def test_iter_corpus_empty_documents_follow_the_empty_policy(tmp_path):
    path = _write(make_docs("a", "  ", "c"), tmp_path / "c.csv")
    with pytest.raises(CorpusError, match=r"1 empty document\(s\): d2"):
        list(iter_corpus(path, chunksize=2))
    kept = pd.concat(iter_corpus(path, chunksize=2, empty="drop"), ignore_index=True)
    assert kept["doc_id"].tolist() == ["d1", "d3"]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"chunksize": 0}, ValueError, "chunksize=0 must be a positive integer"),
        ({"empty": "skip"}, ValueError, "empty='skip' is not allowed; choose one of 'error'"),
    ],
)
def test_iter_corpus_rejects_bad_options(tmp_path, kwargs, error, message):
    path = _write(make_docs("a"), tmp_path / "c.csv")
    with pytest.raises(error, match=message):
        iter_corpus(path, **kwargs)


def test_iter_corpus_errors_for_missing_or_unknown_sources(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        iter_corpus(tmp_path / "nope.csv")
    (tmp_path / "c.xlsx").write_text("x")
    with pytest.raises(CorpusError, match=r"unknown corpus format '\.xlsx'"):
        iter_corpus(tmp_path / "c.xlsx")


# ------------------------------------------------------------------------------- docs_from_table


def test_docs_from_table_renames_normalises_and_hashes_the_text_as_given() -> None:
    table = pd.DataFrame({"id": [7, 8], "body": ["Cafe\u0301\r\nopens.", "Two."], "x": [1, 2]})
    docs = docs_from_table(table, text_column="body", id_column="id")
    assert docs.columns.tolist() == ["doc_id", "text", "x", "sha256"]
    assert docs[["doc_id", "text"]].values.tolist() == [["7", "Caf\u00e9\nopens."], ["8", "Two."]]
    # the digest is of the text before normalising, as load_corpus gives for table files
    assert docs.loc[0, "sha256"] == hashlib.sha256("Cafe\u0301\r\nopens.".encode()).hexdigest()
    bare = docs_from_table(table, text_column="body", id_column="id", columns=[], sha256=False)
    assert bare.columns.tolist() == ["doc_id", "text"]
    assert table.columns.tolist() == ["id", "body", "x"]  # input untouched


def test_docs_from_table_names_the_source_of_a_missing_column_or_text() -> None:
    with pytest.raises(CorpusError, match=r"^part 3: needs a 'text' column \(has: doc_id\)"):
        docs_from_table(pd.DataFrame({"doc_id": ["a"]}), source="part 3")
    with pytest.raises(CorpusError, match=r"^table: no column\(s\) 'outlet' \(has: doc_id, text\)"):
        docs_from_table(make_docs("a"), columns=["outlet"])
    with pytest.raises(CorpusError, match="^table: missing text for doc_id d2"):
        docs_from_table(make_docs("a", None))


# ------------------------------------------------------------------------------- sha256=False


def test_iter_corpus_without_sha256_for_a_table_and_a_folder(tmp_path, table_docs) -> None:
    path = _write(table_docs, tmp_path / "c.parquet")
    chunk = next(iter_corpus(path, sha256=False))
    assert chunk.columns.tolist() == ["doc_id", "text", "outlet", "language"]
    folder = next(iter_corpus(DATA / "raw", metadata=DATA / "metadata.csv", sha256=False))
    assert "sha256" not in folder.columns and folder.columns[:3].tolist() == [
        "doc_id",
        "text",
        "outlet",
    ]


# ------------------------------------------------------------------------------- one reader


def test_read_text_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"document not found: .*gone\.txt"):
        read_text_file(tmp_path / "gone.txt")
    with pytest.raises(CorpusError, match=r"sub: is not a file"):
        read_text_file(write(tmp_path / "sub" / "x.txt", b"x").parent)
    utf16 = write(tmp_path / "w.txt", "Hello".encode("utf-16"))
    with pytest.raises(CorpusError, match=r"w\.txt: looks like UTF-16, not UTF-8"):
        read_text_file(utf16)
    bad = write(tmp_path / "b.txt", b"one\ntwo \x93quoted\x94\n")
    with pytest.raises(
        CorpusError, match=r"b\.txt: not valid UTF-8 at byte offset 8 \(byte 0x93\) on line 2"
    ):
        read_text_file(bad)
    assert read_text_file(write(tmp_path / "e.txt", b"")) == (
        "",
        hashlib.sha256(b"").hexdigest(),
    )


def test_metadata_is_read_as_text_with_line_numbered_errors(tmp_path: Path) -> None:
    write(tmp_path / "raw" / "a.txt", b"A text.")
    meta = write(tmp_path / "meta.csv", b"doc_id,file,outlet\nA, a.txt , 007 \n")
    docs = load_corpus(tmp_path / "raw", metadata=meta)
    assert docs[["doc_id", "outlet"]].values.tolist() == [["A", "007"]]  # text, spaces removed
    write(tmp_path / "long.csv", b"doc_id,file\nA,a.txt,extra\n")
    with pytest.raises(CorpusError, match=r"long\.csv, line 2: 3 fields but the header has 2"):
        load_corpus(tmp_path / "raw", metadata=tmp_path / "long.csv")
    write(tmp_path / "empty.csv", b"  \n")
    with pytest.raises(CorpusError, match=r"empty\.csv: the metadata file is empty"):
        load_corpus(tmp_path / "raw", metadata=tmp_path / "empty.csv")
    with pytest.raises(FileNotFoundError, match=r"metadata not found: .*nope\.csv"):
        load_corpus(tmp_path / "raw", metadata=tmp_path / "nope.csv")
    write(tmp_path / "nodoc.csv", b"file,outlet\na.txt,X\n")
    with pytest.raises(CorpusError, match=r"nodoc\.csv: metadata needs a 'doc_id' column"):
        load_corpus(tmp_path / "raw", metadata=tmp_path / "nodoc.csv")
