"""Saved web pages: main text and metadata (trafilatura), in folders and html columns."""

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import CorpusError, iter_corpus, load_corpus, read_html_file
from analysis.webpages import WebPageError, extract_page

HTML = Path(__file__).parent / "fixtures" / "html"
SUMMIT = HTML / "site" / "summit.html"

SUMMIT_TEXT = (
    "ASEAN leaders agree on maritime code talks\n"
    "Foreign ministers of the Association of Southeast Asian Nations agreed on Wednesday to "
    "speed up talks with China on a code of conduct for the South China Sea.\n"
    '"We want rules that every fishing crew can rely on," Indonesian Foreign Minister Retno '
    "Marsudi told reporters after the closed session.\n"
    "Vietnam and the Philippines pressed for a binding text, while other members preferred a "
    "gradual approach, two diplomats said.\n"
    "The ministers will report to their leaders at the summit in Vientiane next year."
)
FURNITURE = [
    "Share on", "Copy link", "Related articles", "Floods hit", "Most read", "cookies",
    "All rights reserved", "Privacy", "Photo: Herald", "Home", "Business", "By Linh",
]  # fmt: skip


def test_extract_page_keeps_the_article_and_its_metadata() -> None:
    page = extract_page(SUMMIT.read_bytes())
    assert page.text == SUMMIT_TEXT
    assert (page.title, page.date, page.author, page.sitename, page.url) == (
        "ASEAN leaders agree on maritime code talks",
        "2023-12-06",
        "Linh Tran",
        "The Mekong Herald",
        "https://mekongherald.example/world/asean-maritime-code",
    )
    for junk in FURNITURE:
        assert junk not in page.text, junk


def test_folder_of_pages_loads_text_metadata_and_raw_digest(tmp_path: Path) -> None:
    shutil.copy(SUMMIT, tmp_path / "summit.html")
    (tmp_path / "note.txt").write_text("A plain text note about the summit in Jakarta.", "utf-8")
    docs = load_corpus(tmp_path)
    assert docs.columns.tolist() == [
        "doc_id", "text", "title", "date", "author", "outlet", "url", "language", "sha256",
    ]  # fmt: skip
    assert docs["doc_id"].tolist() == ["note", "summit"]
    summit = docs.iloc[1]
    assert summit["text"] == SUMMIT_TEXT
    assert summit["outlet"] == "The Mekong Herald" and summit["date"] == "2023-12-06"
    assert summit["sha256"] == hashlib.sha256(SUMMIT.read_bytes()).hexdigest()
    assert pd.isna(docs.iloc[0]["title"])  # a .txt file has no page metadata
    # offsets are into the extracted text
    start = summit["text"].index("Retno Marsudi")
    assert summit["text"][start : start + 13] == "Retno Marsudi"


def test_metadata_values_win_over_the_page(tmp_path: Path) -> None:
    shutil.copy(SUMMIT, tmp_path / "summit.html")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,file,outlet,date\nh1,summit.html,Mekong Herald (print),\n", "utf-8")
    docs = load_corpus(tmp_path, metadata=meta)
    assert docs.columns.tolist() == [
        "doc_id", "text", "file", "outlet", "date", "title", "author", "url", "language",
        "sha256",
    ]  # fmt: skip
    row = docs.iloc[0]
    assert row["outlet"] == "Mekong Herald (print)"  # metadata wins
    assert row["date"] == "2023-12-06"  # blank cell: the page's date
    assert row["title"] == "ASEAN leaders agree on maritime code talks"


def test_html_column_of_a_table(tmp_path: Path) -> None:
    html = SUMMIT.read_text("utf-8")
    table = pd.DataFrame({"doc_id": ["h1"], "html": [html], "outlet": ["Herald"]})
    table.to_parquet(tmp_path / "pages.parquet")
    docs = load_corpus(tmp_path / "pages.parquet")
    assert docs.columns.tolist() == [
        "doc_id", "text", "outlet", "title", "date", "author", "url", "language", "sha256",
    ]  # fmt: skip
    assert docs.loc[0, "text"] == SUMMIT_TEXT
    assert docs.loc[0, "outlet"] == "Herald"
    assert docs.loc[0, "sha256"] == hashlib.sha256(html.encode("utf-8")).hexdigest()
    chunks = list(iter_corpus(tmp_path / "pages.parquet", chunksize=1))
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), docs)


def test_pattern_limits_the_files(tmp_path: Path) -> None:
    shutil.copy(SUMMIT, tmp_path / "summit.html")
    (tmp_path / "note.txt").write_text("A plain text note about the summit in Jakarta.", "utf-8")
    assert load_corpus(tmp_path, pattern="*.txt")["doc_id"].tolist() == ["note"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.html", "not HTML"),
        ("site/nav_only.html", "no main text found"),
    ],
)
def test_bad_pages_are_errors_naming_the_file(name: str, message: str) -> None:
    with pytest.raises(CorpusError, match=rf"{Path(name).name}: {message}"):
        read_html_file(HTML / name)


def test_extract_page_rejects_plain_text() -> None:
    with pytest.raises(WebPageError, match="no markup"):
        extract_page("Just a sentence, no tags at all.")


ARTICLE = (
    "<p>Rice exports from Vietnam rose to a record this year as buyers in the Philippines and "
    "Indonesia stocked up before the dry season, the agriculture ministry said.</p>"
    "<p>Prices for five percent broken rice reached their highest level in fifteen years.</p>"
)


def test_a_data_table_is_kept_and_a_caption_table_dropped() -> None:
    html = (
        "<html><body><article><h1>Rice exports hit record</h1>" + ARTICLE
        + "<table><tr><td><img src='x.jpg'></td></tr><tr><td>Farmers in Can Tho. Photo: VNA"
        "</td></tr></table>"
        "<table><tr><th>Market</th><th>Tonnes</th></tr><tr><td>Philippines</td><td>3.1 m</td></tr>"
        "</table></article></body></html>"
    )  # fmt: skip
    text = extract_page(html).text
    assert "Photo: VNA" not in text
    assert "| Philippines | 3.1 m |" in text


def test_an_article_inside_a_layout_table_is_found() -> None:
    page = (HTML / "bench" / "05_table_layout.html").read_bytes()
    text = extract_page(page).text
    assert text.startswith("Cambodia's garment and footwear exports fell eleven percent")
    assert "Advertise with us" not in text and "Best viewed" not in text


def test_a_page_in_its_declared_legacy_charset(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='windows-1252'></head><body><article>"
        "<p>The caf\u00e9 owners in Hanoi said the new rules on opening hours would hurt trade "
        "during the festival season, and asked the city to think again.</p></article></body></html>"
    )
    (tmp_path / "p.html").write_bytes(html.encode("cp1252"))
    docs = load_corpus(tmp_path)
    assert "caf\u00e9 owners" in docs.loc[0, "text"]


def test_iter_corpus_reads_a_folder_of_pages_in_chunks(tmp_path: Path) -> None:
    shutil.copy(SUMMIT, tmp_path / "summit.html")
    (tmp_path / "note.txt").write_text("A plain text note about the summit in Jakarta.", "utf-8")
    chunks = list(iter_corpus(tmp_path, chunksize=1))
    assert [c["doc_id"].tolist() for c in chunks] == [["note"], ["summit"]]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), load_corpus(tmp_path))


def test_a_truncated_page_still_gives_its_text() -> None:
    # lxml recovers unclosed tags; only markup that gives no document is "not HTML"
    html = SUMMIT.read_text("utf-8")
    cut = html[: html.index("two diplomats said.") + len("two diplomats said.")]
    text = extract_page(cut).text
    assert text.endswith("two diplomats said.")
    assert "Share on" not in text
