"""Duplicate documents: shingle similarity, clusters, the kept document, flag/drop/keep."""

import unicodedata

import numpy as np
import pandas as pd
import pytest

from analysis.duplicates import apply_duplicates, duplicate_pairs, find_duplicates
from analysis.schema import check_table
from tests.conftest import make_docs

STORY = (
    "President Vo Van Thuong on December 6 attended the 13th ASEAN-China Prosecutors-General "
    "Conference in Hanoi, where he called for closer cooperation against high-tech and "
    "transnational crime. He said that cyber scams and attacks on the computer networks of "
    "governments and businesses had caused serious damage, and that no country could fight "
    "them alone. Prosecutor General Le Minh Tri said the procuracy would share information "
    "with its partners and train its staff in digital evidence. Delegates from the ten ASEAN "
    "members and China presented papers on the challenges they face and proposed measures to "
    "make their cooperation more effective in the years to come."
)
VIET = (
    "Chủ tịch nước Võ Văn Thưởng dự Hội nghị Viện trưởng Viện Kiểm sát ASEAN - Trung Quốc lần "
    "thứ 13 tại Hà Nội và nhấn mạnh rằng không có con đường nào khác ngoài tăng cường hợp tác, "
    "chia sẻ thông tin và thống nhất hành động giữa các cơ quan tư pháp và thực thi pháp luật "
    "của các nước trong khu vực và trên thế giới để đấu tranh với tội phạm công nghệ cao."
)
PREAMBLE = (
    "We, the Heads of State and Government of the Member States of the Association of Southeast "
    "Asian Nations and the People's Republic of China, gathered on the occasion of the summit, "
    "recalling the Joint Declaration on Strategic Partnership for Peace and Prosperity, "
    "reaffirming our commitment to the purposes and principles of the Charter of the United "
    "Nations, the Treaty of Amity and Cooperation in Southeast Asia and the Five Principles of "
    "Peaceful Coexistence, and recognising the importance of an open, inclusive and rules-based "
    "regional architecture, hereby declare as follows."
)
TRADE = (
    " The leaders agreed to upgrade the free trade area, to open their markets further to "
    "agricultural products, to simplify customs procedures at land borders, and to support "
    "small and medium-sized enterprises with credit lines and training programmes over the "
    "next five years, while studying a common framework for the digital economy."
)
HEALTH = (
    " The ministers agreed to set up a regional centre for public health emergencies, to share "
    "genomic data on emerging diseases within days, to stockpile vaccines and medical supplies, "
    "and to fund joint research on tropical diseases and antimicrobial resistance at three "
    "universities in the region."
)


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def acceptance_docs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["wire", "vi", "republished", "decl_trade", "vi_plain", "decl_health"],
            "date": ["2023-12-06", "2023-12-06", "2023-12-07", "2023-12-06", "2023-12-05", ""],
            "text": [
                "HANOI (VNA) – " + STORY,
                VIET,
                "Viet Nam News, Thursday December 7, 2023\n" + STORY + "\nVNS",
                PREAMBLE + TRADE,
                strip_diacritics(VIET),
                PREAMBLE + HEALTH,
            ],
        }
    )


@pytest.mark.parametrize("method", ["exact", "minhash", "auto"])
def test_republished_copy_and_copy_without_diacritics_flagged_shared_preamble_not(
    method: str,
) -> None:
    docs = acceptance_docs()
    assert strip_diacritics(VIET) != VIET and "Thuong" in strip_diacritics(VIET)
    clusters = find_duplicates(docs, method=method)
    check_table(clusters, "duplicates")
    # kept: the earliest date (vi_plain, 5 Dec; wire, 6 Dec before the republished 7 Dec)
    assert clusters[["doc_id", "cluster", "kept", "duplicate_of"]].astype(object).where(
        clusters.notna(), None
    ).values.tolist() == [
        ["wire", 1, True, None],
        ["republished", 1, False, "wire"],
        ["vi_plain", 2, True, None],
        ["vi", 2, False, "vi_plain"],
    ]
    sim = dict(zip(clusters.doc_id, clusters.similarity, strict=True))
    assert sim["vi"] == 1.0  # folding makes the two spellings the same text
    assert 0.8 <= sim["republished"] < 1.0
    pairs = duplicate_pairs(docs, threshold=0.05, method="exact")
    decl = pairs[(pairs.doc_a == "decl_trade") & (pairs.doc_b == "decl_health")]
    assert decl["similarity"].iloc[0] < 0.5  # shares its preamble, still another article


def test_similarity_is_jaccard_of_folded_word_shingles() -> None:
    # 5-shingles {a b c d e, b c d e f} and {a b c d e, b c d e g}: 1 shared of 3
    docs = make_docs("A b c d e f", "a B c d e g", "Ä b, c; d (e) f")
    pairs = duplicate_pairs(docs, threshold=0.3)
    assert pairs.values.tolist() == [
        ["d1", "d2", pytest.approx(1 / 3)],
        ["d1", "d3", 1.0],
        ["d2", "d3", pytest.approx(1 / 3)],
    ]
    check_table(pairs, "duplicate_pairs")
    assert duplicate_pairs(docs, threshold=0.5).values.tolist() == [["d1", "d3", 1.0]]
    # fewer words than a shingle: the whole text is one shingle; empty texts never match
    short = make_docs("Talks end", "talks END", "", "")
    assert duplicate_pairs(short).values.tolist() == [["d1", "d2", 1.0]]


def test_kept_document_earliest_date_then_doc_id_and_clusters_chain() -> None:
    base = " ".join(f"w{i}" for i in range(20))
    docs = pd.DataFrame(
        {
            "doc_id": ["c", "b", "a", "z"],
            "date": ["2023-12-06", "2023-12-06", None, "2023-12-06T08:00"],
            "text": [base, base + " x1 x2", base, "unrelated words only here today"],
        }
    )
    clusters = find_duplicates(docs)
    # a has no date (counts as latest); b and c share the date: the smaller doc_id is kept
    assert clusters.doc_id.tolist() == ["b", "c", "a"]
    assert clusters.kept.tolist() == [True, False, False]
    assert clusters.duplicate_of.tolist()[1:] == ["b", "b"]
    assert clusters.similarity.tolist() == [1.0, pytest.approx(16 / 18), pytest.approx(16 / 18)]
    no_dates = find_duplicates(docs.drop(columns="date"))
    assert no_dates.doc_id.tolist() == ["a", "b", "c"]


def test_nothing_found_gives_the_empty_schema() -> None:
    clusters = find_duplicates(make_docs("One story here.", "Another story there."))
    assert clusters.empty and list(clusters.columns) == [
        "doc_id",
        "cluster",
        "similarity",
        "kept",
        "duplicate_of",
    ]
    check_table(clusters, "duplicates")
    check_table(duplicate_pairs(make_docs("x")), "duplicate_pairs")


def test_apply_duplicates_flag_drop_keep_and_input_untouched() -> None:
    docs = acceptance_docs()
    before = docs.copy()
    clusters = find_duplicates(docs)
    flagged = apply_duplicates(docs, clusters, "flag")
    assert flagged["duplicate_of"].tolist() == [np.nan, "vi_plain", "wire", np.nan, np.nan, np.nan]
    assert flagged["duplicate_of"].isna().tolist() == [True, False, False, True, True, True]
    dropped = apply_duplicates(docs, clusters, "drop")
    assert dropped.doc_id.tolist() == ["wire", "decl_trade", "vi_plain", "decl_health"]
    assert dropped.index.tolist() == [0, 1, 2, 3]
    assert apply_duplicates(docs, clusters, "keep").equals(docs)
    assert apply_duplicates(docs, clusters.iloc[:0], "drop").equals(docs)
    pd.testing.assert_frame_equal(docs, before)


def test_minhash_finds_the_same_pairs_as_exact_on_planted_duplicates() -> None:
    rng = np.random.default_rng(7)
    vocab = [f"w{i}" for i in range(3000)]
    texts = [" ".join(rng.choice(vocab, 120)) for _ in range(300)]
    for src, dst in [(3, 150), (10, 299), (42, 43)]:
        words = texts[src].split()
        words[60] = "changed"  # one word changed: 5 of 116 shingles differ
        texts[dst] = " ".join(words)
    docs = make_docs(*texts)
    exact = duplicate_pairs(docs, method="exact")
    minhash = duplicate_pairs(docs, method="minhash")
    assert exact[["doc_a", "doc_b"]].values.tolist() == [
        ["d4", "d151"],
        ["d11", "d300"],
        ["d43", "d44"],
    ]
    pd.testing.assert_frame_equal(exact, minhash)
    assert exact.similarity.tolist() == [pytest.approx(111 / 121)] * 3
