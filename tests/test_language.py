"""Language detection on load: the language docvar and the warning for other languages."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.language import detect_language, detect_languages

TEXTS = {
    "en": "The leaders met in Hanoi on Wednesday to talk about trade, fishing and the sea.",
    "vi": "Các nhà lãnh đạo đã gặp nhau tại Hà Nội vào thứ Tư để bàn về thương mại và biển.",
    "de": "Die Staats- und Regierungschefs trafen sich am Mittwoch in Hanoi, um über Handel zu sprechen.",
    "fr": "Les dirigeants se sont réunis mercredi à Hanoï pour parler du commerce et de la mer.",
    "ru": "Лидеры встретились в среду в Ханое, чтобы обсудить торговлю и рыболовство в море.",
}


def test_detects_each_language_and_the_batch_equals_one_by_one() -> None:
    assert [detect_language(t) for t in TEXTS.values()] == list(TEXTS)
    assert detect_languages(TEXTS.values()) == list(TEXTS)
    assert detect_languages(["Short.", ""]) == ["und", "und"]


def _corpus(tmp_path: Path, **languages: str) -> Path:
    path = tmp_path / "c.csv"
    rows = {"doc_id": list(languages), "text": [TEXTS[v] for v in languages.values()]}
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_load_corpus_adds_language_and_warns_naming_other_documents(tmp_path: Path) -> None:
    path = _corpus(tmp_path, a="en", b="vi", c="de")
    with pytest.warns(
        UserWarning,
        match=r"c\.csv: 2 document\(s\) not in the expected language 'en': b \(vi\), c \(de\)",
    ):
        docs = load_corpus(path)
    assert docs.columns.tolist() == ["doc_id", "text", "language", "sha256"]
    assert docs["language"].tolist() == ["en", "vi", "de"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_corpus(path, language=["en", "vi", "de"])["language"].tolist()[1] == "vi"
        assert "language" not in load_corpus(path, language=None).columns


def test_metadata_language_wins_and_blank_cells_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    frame = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": [TEXTS["en"], TEXTS["vi"]], "language": ["EN", ""]}
    )
    frame.to_csv(path, index=False)
    with pytest.warns(UserWarning, match=r"b \(vi\)"):
        docs = load_corpus(path)
    assert docs["language"].tolist() == ["en", "vi"]


def test_bad_language_option() -> None:
    with pytest.raises(ValueError, match="language=5 must be a language code"):
        load_corpus("data/raw", metadata="data/metadata.csv", language=5)  # type: ignore[arg-type]
