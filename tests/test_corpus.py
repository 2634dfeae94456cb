"""Loading corpora and cleaning boilerplate: formats, joins, errors, audit trail."""

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import CorpusError, clean_boilerplate, load_corpus
from tests.conftest import DATA


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


def test_boilerplate_lines_removed_and_recorded(sample_docs: pd.DataFrame) -> None:
    docs = load_corpus(DATA / "raw", metadata=DATA / "metadata.csv")
    cleaned, removed = clean_boilerplate(docs)
    assert removed[["doc_id", "line", "rule"]].values.tolist() == [
        ["vna_2023-12-06", 3, "photo_caption"],
        ["thanhnien_2023-12-06", 2, "outlet_dateline"],
        ["thanhnien_2023-12-06", 5, "photo_caption"],
        ["thanhnien_2023-12-06", 6, "credit_line"],
        ["thanhnien_2023-12-06", 8, "comment_counter"],
    ]
    # offsets point into the original text
    for row in removed.itertuples():
        original = docs.set_index("doc_id").loc[row.doc_id, "text"]
        assert original[row.start : row.end] == row.text
    assert "(Photo: VNA)" not in cleaned.loc[0, "text"]
    assert "Comment (0)" not in cleaned.loc[1, "text"]
    assert "\nVNA\n" not in cleaned.loc[1, "text"]
    assert docs.loc[0, "text"].count("\n") > cleaned.loc[0, "text"].count("\n")  # input untouched


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


def test_data_folder_is_not_modified(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in (DATA / "raw").iterdir()}
    clean_boilerplate(load_corpus(DATA / "raw", metadata=DATA / "metadata.csv"))
    assert {p: p.read_bytes() for p in (DATA / "raw").iterdir()} == before


def test_non_utf8_offset_counts_the_byte_order_mark(tmp_path: Path) -> None:
    # utf-8-sig counts offsets from after the BOM; the error must point into the file itself.
    write(tmp_path / "raw" / "a.txt", b"\xef\xbb\xbfab\xff")
    with pytest.raises(
        CorpusError, match=r"a\.txt: not valid UTF-8 at byte offset 5 \(byte 0xff\)"
    ):
        load_corpus(tmp_path / "raw")
