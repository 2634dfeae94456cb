"""The one matcher: syntax, folding, overlap rules, and a brute-force cross-check."""

import random

import pandas as pd
import pytest

from analysis.matching import PatternError, compile_patterns, match
from analysis.text import fold, tokenize, tokenize_text
from tests.conftest import make_docs


def spans(m: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(m["matched"], m["key"], strict=True))


def test_globs_phrases_and_diacritics() -> None:
    toks = tokenize_text("High-tech crimes, cyber scams and CYBERCRIME worried Võ Văn Thưởng.")
    ps = compile_patterns({"cyber": ["cyber*", "high-tech crime*"], "person": ["vo van thuong"]})
    assert spans(match(toks, ps)) == [
        ("High-tech crimes", "cyber"),
        ("cyber", "cyber"),
        ("CYBERCRIME", "cyber"),
        ("Võ Văn Thưởng", "person"),
    ]


def test_overlapping_multiword_keys_counted_once_per_key() -> None:
    # quanteda #502: "Czech Republic" inside "the Czech Republic" must not be counted twice.
    toks = tokenize_text("We visited the Czech Republic.")
    ps = compile_patterns({"cz": ["the Czech Republic", "Czech Republic", "czech"]})
    m = match(toks, ps)
    assert spans(m) == [("the Czech Republic", "cz")]
    assert m[["tok", "n_tok", "start", "end"]].values.tolist() == [[2, 3, 11, 29]]


def test_scope_key_lets_keys_share_tokens_and_scope_all_does_not() -> None:
    toks = tokenize_text("Security cooperation matters.")
    ps = compile_patterns({"security": ["security"], "cooperation": ["security cooperation"]})
    assert spans(match(toks, ps)) == [
        ("Security cooperation", "cooperation"),
        ("Security", "security"),
    ]
    assert spans(match(toks, ps, scope="all")) == [("Security cooperation", "cooperation")]


def test_phrases_do_not_cross_sentences_or_punctuation() -> None:
    toks = tokenize(
        make_docs("Information. Sharing is key.", "information, sharing", "information sharing")
    )
    m = match(toks, compile_patterns({"k": ["information sharing"]}))
    assert m["doc_id"].astype(str).tolist() == ["d3"]


def test_possessives_hyphens_and_regex_patterns() -> None:
    toks = tokenize_text("The Supreme People’s Procuracy met in 2023; high‑tech work.")
    ps = compile_patterns(
        {"spp": ["Supreme People's Procuracy"], "year": [r"regex:(19|20)\d\d"], "ht": ["high-tech"]}
    )
    assert spans(match(toks, ps)) == [
        ("Supreme People’s Procuracy", "spp"),
        ("2023", "year"),
        ("high‑tech", "ht"),
    ]


def test_matched_is_exact_text_with_docs(sample_docs, sample_tokens) -> None:
    ps = compile_patterns({"coop": ["cooperat*", "information sharing"], "asean": ["asean"]})
    m = match(sample_tokens, ps, docs=sample_docs)
    texts = dict(zip(sample_docs.doc_id, sample_docs.text, strict=True))
    assert len(m) > 10
    assert all(
        texts[d][s:e] == x for d, s, e, x in zip(m.doc_id, m.start, m.end, m.matched, strict=True)
    )


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        ({"k": [""]}, "key 'k': empty pattern"),
        ({"k": ["regex:("]}, "key 'k': invalid regex in pattern 'regex:('"),
        ({"": ["word"]}, "pattern 'word': empty key"),
    ],
)
def test_bad_patterns_name_key_and_pattern(patterns, message) -> None:
    with pytest.raises(PatternError, match=message.replace("(", r"\(")):
        compile_patterns(patterns)


def test_bad_scope_lists_choices() -> None:
    with pytest.raises(ValueError, match="'key', 'all'"):
        match(tokenize_text("a"), compile_patterns({"k": ["a"]}), scope="doc")


def _brute_force(
    words: list[str], sents: list[int], patterns: list[tuple[str, list[str]]], scope: str
):
    """Reference: enumerate every match, then greedily keep longest-then-earliest per group."""
    found = []
    for e, (key, pat) in enumerate(patterns):
        for i in range(len(words) - len(pat) + 1):
            if (
                all(words[i + k] == pat[k] for k in range(len(pat)))
                and len(set(sents[i : i + len(pat)])) == 1
            ):
                found.append((i, len(pat), e, key))
    kept, taken = [], {}
    for i, n, _e, key in sorted(found, key=lambda x: (-x[1], x[0], x[2])):
        g = key if scope == "key" else ""
        occ = taken.setdefault(g, set())
        if occ.isdisjoint(range(i, i + n)):
            occ.update(range(i, i + n))
            kept.append((i, n, key))
    return sorted(kept)


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("scope", ["key", "all"])
def test_matches_equal_brute_force_on_random_text(seed: int, scope: str) -> None:
    rng = random.Random(seed)
    vocab = ["a", "b", "c", "d"]
    words = [rng.choice(vocab) for _ in range(60)]
    text = " ".join(w + ("\n" if rng.random() < 0.1 else "") for w in words)
    patterns = [
        (f"k{rng.randrange(3)}", [rng.choice(vocab) for _ in range(rng.randint(1, 3))])
        for _ in range(8)
    ]
    toks = tokenize_text(text)
    word_toks = toks
    m = match(
        toks,
        compile_patterns(
            pd.DataFrame([(k, " ".join(p)) for k, p in patterns], columns=["key", "pattern"])
        ),
        scope=scope,
    )
    pos_of = {t: i for i, t in enumerate(word_toks["tok"])}
    got = sorted((pos_of[t], n, k) for t, n, k in zip(m["tok"], m["n_tok"], m["key"], strict=True))
    # the brute force sees sentences as the tokenizer made them
    expected = _brute_force(
        [fold(w) for w in word_toks["token"].astype(str)],
        word_toks["sent"].tolist(),
        patterns,
        scope,
    )
    assert got == expected


def test_nested_repeat_regex_does_not_hang():
    # `re` backtracks exponentially here (33 s on 28 x's, no end on 40); the guarded engine not.
    toks = tokenize_text("x" * 28 + " and " + "x" * 40 + " y")
    found = match(toks, compile_patterns({"k": ["regex:(x+x+)+y", "regex:x{28}"]}))
    assert found["matched"].tolist() == ["x" * 28]


def test_regex_out_of_time_names_pattern_and_token(monkeypatch):
    from analysis import matching

    monkeypatch.setattr(matching, "REGEX_TIME_BUDGET", 0.0)
    toks = tokenize_text("plain words")
    with pytest.raises(PatternError, match=r"regex 'w\.\*'.*stopped at the token"):
        match(toks, compile_patterns({"k": ["regex:w.*"]}))


def test_a_chain_of_overlapping_phrases_is_resolved_longest_then_earliest() -> None:
    # "a b c d e": "b c d" (longest) first; then "a b" and "d e" overlap it, "e f" is free
    toks = tokenize_text("a b c d e f")
    ps = compile_patterns({"k": ["a b", "b c d", "d e", "e f"]})
    assert spans(match(toks, ps, scope="all")) == [("b c d", "k"), ("e f", "k")]


def test_a_glob_inside_a_phrase_is_checked_on_every_candidate() -> None:
    # "crim*" is more frequent than "high-tech", so the phrase is found through "high-tech"
    # and the glob is checked after it
    toks = tokenize_text("Crimes and criminals: high-tech crimes, high-tech cars, criminals.")
    ps = compile_patterns({"k": ["high-tech crim*"]})
    assert spans(match(toks, ps)) == [("high-tech crimes", "k")]
