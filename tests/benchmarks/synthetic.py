"""A seeded synthetic benchmark set, used when ../shared/bench is not there.

It has the same three files as the shared set (``corpus.parquet``, ``codebook.yml``,
``actors.csv`` in the long form ``actor_id,type,alias``), so the benchmark runs the same code
on either. Texts are sentences of Zipf-distributed pseudo-words with capitalised names,
commas and full stops, one paragraph per line; the codebook holds frequent words, bigrams that
occur and prefix globs; the actor table holds names with upper-case, possessive, title,
initial and acronym variants.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import yaml

SEED = 20231206
_ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "pr", "tr", "ch"]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "u", "ea", "ou", "io"]
_CODAS = ["", "", "n", "r", "s", "t", "l", "nd", "st", "ck"]


def _words(rng: np.random.Generator, n: int) -> list[str]:
    out: dict[str, None] = {}
    while len(out) < n:
        k = int(rng.integers(1, 4))
        w = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(k)
        )
        out.setdefault(w)
    return list(out)


def write_synthetic(folder: str | Path, *, mb: float = 20.0, seed: int = SEED) -> Path:
    """Write a synthetic ``corpus.parquet``, ``codebook.yml`` and ``actors.csv`` into ``folder``.

    ``mb`` is the approximate UTF-8 size of the texts; the same seed gives the same files.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    vocab = np.array(_words(rng, 30_000), dtype=object)
    weights = 1.0 / np.arange(1, len(vocab) + 1) ** 1.07
    weights /= weights.sum()
    names = [
        (f.capitalize(), s.capitalize()) for f, s in zip(*[iter(_words(rng, 240))] * 2, strict=True)
    ]

    target = int(mb * 1e6)
    # Draw all random numbers in bulk: per-sentence draws would make generation the slow part.
    n_words = int(target / 6.5) + 1000
    stream = vocab[rng.choice(len(vocab), size=n_words, p=weights)]
    lengths = rng.integers(6, 26, size=n_words // 6)
    name_pick = rng.zipf(1.3, size=len(lengths)) % len(names)
    form_pick = rng.integers(0, 4, size=len(lengths))
    coins = rng.random((len(lengths), 3))
    ends = np.array([".", ".", ".", "?", "!"])[rng.integers(0, 5, size=len(lengths))]
    docs, size, w, s_i = [], 0, 0, 0
    while size < target:
        paras = []
        for _ in range(int(rng.integers(4, 10))):
            sents = []
            for _ in range(int(rng.integers(2, 6))):
                if w + 30 > n_words or s_i >= len(lengths):
                    w = s_i = 0  # recycle the draws; the corpus is long enough not to care
                n = int(lengths[s_i])
                words = list(stream[w : w + n])
                w += n
                if coins[s_i, 0] < 0.5:
                    first, last = names[int(name_pick[s_i])]
                    form = (f"{first} {last}", last, f"{last}'s", f"Mr. {last}")[form_pick[s_i]]
                    words[int(coins[s_i, 1] * n)] = form
                if n > 10 and coins[s_i, 2] < 0.4:
                    words[2 + int(coins[s_i, 1] * (n - 4))] += ","
                words[0] = words[0].capitalize()
                sents.append(" ".join(words) + ends[s_i])
                s_i += 1
            paras.append(" ".join(sents))
        text = "\n".join(paras)
        docs.append(text)
        size += len(text.encode("utf-8"))
    ids = [f"syn{i:06d}" for i in range(len(docs))]
    groups = rng.choice(list("ABCD"), size=len(docs))
    pd.DataFrame({"doc_id": ids, "group": groups, "text": docs}).to_parquet(
        folder / "corpus.parquet", index=False
    )

    # Codebook: 12 themes of frequent words, bigrams seen in the text and prefix globs.
    frequent = list(vocab[:400])
    rng.shuffle(frequent)
    sample = " ".join(docs[:200]).lower().split()
    bigrams = pd.Series(
        [
            f"{a} {b}"
            for a, b in zip(sample, sample[1:], strict=False)
            if a.isalpha() and b.isalpha()
        ]
    )
    top_bigrams = list(bigrams.value_counts().index[:120])
    themes = {}
    for t in range(12):
        pats = frequent[t * 13 : t * 13 + 13] + top_bigrams[t * 9 : t * 9 + 9]
        pats += [w[:5] + "*" for w in frequent[200 + t * 4 : 200 + t * 4 + 4] if len(w) > 5]
        themes[f"T{t + 1:02d}"] = {"patterns": pats}
    with open(folder / "codebook.yml", "w", encoding="utf-8") as fh:
        yaml.safe_dump({"name": "synthetic", "themes": themes}, fh, sort_keys=False)

    rows = []
    for i, (first, last) in enumerate(names):
        aid = f"a{i:03d}_{first.lower()}_{last.lower()}"
        typ = "person" if i % 3 else "organisation"
        for alias in (
            f"{first} {last}",
            f"{first} {last}".upper(),
            f"{last}'s",
            f"Mr. {last}",
            f"{first[0]}. {last}",
            (first[0] + last[0]).upper() + "X",
        ):
            rows.append((aid, typ, alias))
    pd.DataFrame(rows, columns=["actor_id", "type", "alias"]).drop_duplicates(
        subset=["alias"]
    ).to_csv(folder / "actors.csv", index=False)
    return folder
