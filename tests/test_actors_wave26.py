"""Issue 12, wave 26: a regression test per class of mentions wrong in held-out sets 138, 140,
142 and 144 (wire copy, summit coverage, official releases, long-form investigations; read
after their blind scores) and in the references of sets 18-136. A country or its capital alone
on its line is a label; a country's possessive before a longer post in apposition ("Liu, China's
vice minister of public security,") is part of the post, as is a body after a post at the end
of a delegation list's line; a hyphenated post counts by its parts ("secretary-general of");
"expulsions to", "escorted to", "into", "a team to" and "a plane from" a country are places;
a bracketed abbreviation that context gave to another body is the body just named ("China's
Ministry of Public Security (MPS)"). Sentences written for these tests, with hand-computed
values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
        {"id": "mps_r", "name": "Ministry of Public Security", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["MPS"]},
        {"id": "mps_b", "name": "Ministry of Public Security of Borduria", "type": "organisation",
         "affiliation": "borduria", "aliases": ["MPS", "Ministry of Public Security"]},
        {"id": "amlo", "name": "Anti-Money Laundering Office", "type": "organisation",
         "affiliation": "borduria", "aliases": ["AMLO"]},
        {"id": "liu", "name": "Liu Haitao", "type": "person", "affiliation": "mps_r"},
        {"id": "anna", "name": "Anna Varga", "type": "person", "affiliation": "mps_b",
         "titles": ["Deputy Prosecutor General"]},
        {"id": "pavel", "name": "Pavel Dorn", "type": "person", "affiliation": "amlo",
         "titles": ["Secretary-General"]},
    ]
)  # fmt: skip


def test_a_country_alone_on_its_line_is_a_label() -> None:
    text = (
        "Ruritania, Borduria sign pact on scam proceeds\n\n"
        "Ruritania\n\n"
        "Wednesday, 10 Nov 2021 04:15 PM\n\n"
        "Related topics\nBorduria\nScams\n\n"
        "Strelsau\n\n"
        "Borduria agreed to share records."
    )
    assert mention_rows(text, ACTORS) == [
        ["Ruritania", "ruritania"], ["Borduria", "borduria"], ["Borduria", "borduria"],
    ]  # fmt: skip


def test_a_country_before_a_longer_post_in_apposition_is_part_of_it() -> None:
    text = (
        "Liu Haitao, Ruritania's vice minister of public security, met the delegation.\n\n"
        'Anna Varga, Borduria\'s Deputy Minister of Justice: "We will act."\n\n'
        "Liu Haitao, Ruritania's Minister of Public Security and the Interior said Borduria "
        "agreed."
    )
    assert mention_rows(text, ACTORS) == [
        ["Liu Haitao", "liu"],
        ["Anna Varga", "anna"],
        ["Liu Haitao", "liu"],
        # no punctuation closes the post: "said" follows it, the country stays
        ["Ruritania's", "ruritania"],
        ["Borduria", "borduria"],
    ]


def test_a_body_ending_a_delegation_lines_post_is_part_of_it() -> None:
    text = (
        "The delegation:\n"
        "- Anna Varga, Deputy Prosecutor General of the Ministry of Public Security of Borduria\n"
        "- Pavel Dorn, secretary-general of Borduria's Anti-Money Laundering Office, met them."
    )
    assert mention_rows(text, ACTORS) == [["Anna Varga", "anna"], ["Pavel Dorn", "pavel"]]


def test_removals_escorts_crossings_teams_and_planes_name_places() -> None:
    text = (
        "It was the latest in a string of mass expulsions to Ruritania.\n\n"
        "The 120 suspects were escorted to Ruritania on a chartered flight.\n\n"
        "He crossed the river into Borduria and disappeared.\n\n"
        "Anna Varga led a working group to Strelsau in July.\n\n"
        "He stepped off a chartered plane from Szohod in handcuffs.\n\n"
        "Officials hope to extend the team to Borduria. An inquiry into Borduria began."
    )
    assert mention_rows(text, ACTORS) == [
        ["Anna Varga", "anna"], ["Borduria", "borduria"], ["Borduria", "borduria"],
    ]  # fmt: skip


def test_a_bracketed_abbreviation_near_its_body_is_that_body() -> None:
    # "MPS" is both bodies' spelling; after Ruritania's ministry it is that ministry, one
    # reference with its name
    text = (
        "Officials of Borduria's Ministry of Public Security met a delegation of Ruritania's "
        "Ministry of Public Security (MPS) led by Liu Haitao."
    )
    rows = mention_rows(text, ACTORS, ("surface", "actor_id"))
    assert [a for _, a in rows if a.startswith("mps")] == ["mps_b", "mps_r"]


def test_a_bracketed_spelling_of_the_body_just_named_is_one_reference() -> None:
    # context gave the bracketed "MPS" to the other country's ministry (set 142: the page's
    # masthead named it); it is one of the ministry's own spellings, so it is the same body
    import pandas as pd

    from analysis.mention_rules import drop_repeated_abbreviations
    from analysis.text import tokenize
    from analysis.token_context import TokenContext
    from tests.conftest import make_docs

    tokens = tokenize(
        make_docs("a delegation of the Ministry of Public Security (MPS) led by Liu.")
    )
    named = pd.DataFrame({
        "doc_id": pd.Categorical(["d1", "d1"]), "tok": [4, 9], "n_tok": [4, 1],
        "actor_id": ["mps_r", "mps_b"], "matched": ["Ministry of Public Security", "MPS"],
    })  # fmt: skip
    ctx = TokenContext(tokens)
    kept = drop_repeated_abbreviations(named, ctx, ACTORS.spellings)
    assert kept["actor_id"].tolist() == ["mps_r"]
    # without the table's spellings the two bodies stay two references, as before
    assert drop_repeated_abbreviations(named, ctx)["actor_id"].tolist() == ["mps_r", "mps_b"]
