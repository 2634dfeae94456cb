"""Actor tables, mentions, counts and discovery of unlisted names."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.actors import (
    ACTOR_TYPES,
    Actors,
    ActorTableError,
    actor_counts,
    find_mentions,
    load_actors,
    unlisted_names,
)
from analysis.text import tokenize
from tests.conftest import make_docs

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "data" / "actors" / "asean_china.yml"
VNA, TN = "vna_2023-12-06", "thanhnien_2023-12-06"

# Every mention in the two cleaned sample articles: (doc, sent, start, end, surface, actor, via).
# Checked by hand: I printed the cleaned texts sentence by sentence (analysis.text.sentences) and
# read each sentence, listing every reference to a person, body, country, group or the event,
# and the rule that should find it; then compared that list with this table row by row
# (surfaces and offsets are also checked against docs.text below). Deliberately absent:
# "the two sides" (no actor), "the Government" (not in the table: found by unlisted_names),
# "Head" (a title after the name), "Vietnamese" (demonyms are not country mentions), "the
# international community" and "heads of prosecutors and prosecutors in the region" (generic).
SAMPLE_MENTIONS = [
    # VNA s1 "…, stated President Vo Van Thuong"
    (VNA, 1, 212, 235, "President Vo Van Thuong", "vo_van_thuong", "title+name"),
    # s2 "…, President Thuong said." (short form licensed by the title)
    (VNA, 2, 554, 570, "President Thuong", "vo_van_thuong", "title+name"),
    # s3 "Lauding the conference’s theme …, the State leader said … the conference will find …
    #     between 10 ASEAN members and China …"
    (VNA, 3, 586, 602, "the conference’s", "asean_china_pg_conference", "role"),
    (VNA, 3, 700, 716, "the State leader", "vo_van_thuong", "role"),
    (VNA, 3, 739, 753, "the conference", "asean_china_pg_conference", "role"),
    (VNA, 3, 825, 838, "ASEAN members", "asean_members", "alias"),
    (VNA, 3, 843, 848, "China", "china", "name"),
    # s4 "President Thuong highlighted the close ties between ASEAN and China, the first outside
    #     partner of the association since 1991."
    (VNA, 4, 1058, 1074, "President Thuong", "vo_van_thuong", "title+name"),
    (VNA, 4, 1110, 1115, "ASEAN", "asean", "name"),
    (VNA, 4, 1120, 1125, "China", "china", "name"),
    (VNA, 4, 1156, 1171, "the association", "asean", "role"),
    # s5 "The two sides …, he said, noting …": no actor named
    # s6 "… the ASEAN - China Prosecutors-General Conference has proved … heads of procuracy
    #     agencies of ASEAN countries and China …"
    (VNA, 6, 1535, 1579, "ASEAN - China Prosecutors-General Conference",
     "asean_china_pg_conference", "alias"),
    (VNA, 6, 1635, 1653, "procuracy agencies", "procuracy_agencies", "name"),
    (VNA, 6, 1657, 1672, "ASEAN countries", "asean_members", "alias"),
    (VNA, 6, 1677, 1682, "China", "china", "name"),
    # s7 "In his speech at the conference, Vietnamese Prosecutor General Le Minh Tri affirmed …
    #     of the Supreme People's Procuracy of Vietnam … with procuracy agencies of ASEAN
    #     countries and China …"
    (VNA, 7, 1851, 1865, "the conference", "asean_china_pg_conference", "role"),
    (VNA, 7, 1867, 1908, "Vietnamese Prosecutor General Le Minh Tri", "le_minh_tri", "title+name"),
    (VNA, 7, 1959, 1996, "Supreme People's Procuracy of Vietnam", "spp_vietnam", "name"),
    (VNA, 7, 2029, 2047, "procuracy agencies", "procuracy_agencies", "name"),
    (VNA, 7, 2051, 2066, "ASEAN countries", "asean_members", "alias"),
    (VNA, 7, 2071, 2076, "China", "china", "name"),
    # s8 "Delegates from ASEAN member countries and China pointed to …"
    (VNA, 8, 2284, 2293, "Delegates", "delegates", "alias"),
    (VNA, 8, 2299, 2321, "ASEAN member countries", "asean_members", "alias"),
    (VNA, 8, 2326, 2331, "China", "china", "name"),
    # Thanh Nien s1 (headline) "Vietnam consistently pursues …"
    (TN, 1, 0, 7, "Vietnam", "vietnam", "name"),
    # s2 "The President emphasized that Vietnam …" (role before the name: licensed per document)
    (TN, 2, 119, 132, "The President", "vo_van_thuong", "role"),
    (TN, 2, 149, 156, "Vietnam", "vietnam", "name"),
    # s3 "On December 6, the Supreme People's Procuracy organized the 13th ASEAN-China
    #     Conference of Prosecutors General and Prosecutors General, with the theme "…""
    (TN, 3, 441, 467, "Supreme People's Procuracy", "spp_vietnam", "alias"),
    (TN, 3, 487, 556, "ASEAN-China Conference of Prosecutors General and Prosecutors General",
     "asean_china_pg_conference", "alias"),
    # s4 "President Vo Van Thuong, Head of the Central Steering Committee for Judicial Reform,
    #     attended … at the conference."
    (TN, 4, 679, 702, "President Vo Van Thuong", "vo_van_thuong", "title+name"),
    (TN, 4, 716, 762, "Central Steering Committee for Judicial Reform",
     "judicial_reform_committee", "name"),
    (TN, 4, 809, 823, "the conference", "asean_china_pg_conference", "role"),
    # s5 "President Vo Van Thuong said that ASEAN and China have implemented …"
    (TN, 5, 825, 848, "President Vo Van Thuong", "vo_van_thuong", "title+name"),
    (TN, 5, 859, 864, "ASEAN", "asean", "name"),
    (TN, 5, 869, 874, "China", "china", "name"),
    # s6 "For many years, China has been ASEAN's largest trade partner." (possessive token)
    (TN, 6, 1047, 1052, "China", "china", "name"),
    (TN, 6, 1062, 1069, "ASEAN's", "asean", "name"),
    # s7 "In 2020, ASEAN became China's largest trade partner …"
    (TN, 7, 1102, 1107, "ASEAN", "asean", "name"),
    (TN, 7, 1115, 1122, "China's", "china", "name"),
    # s8 "After the Regional Comprehensive Economic Partnership (RCEP) was signed, China …"
    (TN, 8, 1175, 1218, "Regional Comprehensive Economic Partnership", "rcep", "name"),
    (TN, 8, 1220, 1224, "RCEP", "rcep", "alias"),
    (TN, 8, 1238, 1243, "China", "china", "name"),
    # s9 "The President emphasized that Vietnam …"; s10 "Vietnam identifies …"
    (TN, 9, 1300, 1313, "The President", "vo_van_thuong", "role"),
    (TN, 9, 1330, 1337, "Vietnam", "vietnam", "name"),
    (TN, 10, 1603, 1610, "Vietnam", "vietnam", "name"),
    # s11 "According to the President, Vietnam has actively cooperated with member countries to
    #      build ASEAN's identity, … between ASEAN and its partners."
    (TN, 11, 1691, 1704, "the President", "vo_van_thuong", "role"),
    (TN, 11, 1706, 1713, "Vietnam", "vietnam", "name"),
    (TN, 11, 1743, 1759, "member countries", "asean_members", "role"),
    (TN, 11, 1769, 1776, "ASEAN's", "asean", "name"),
    (TN, 11, 1868, 1873, "ASEAN", "asean", "name"),
    # s12 "China is a particularly important partner of Vietnam and ASEAN …"
    (TN, 12, 1892, 1897, "China", "china", "name"),
    (TN, 12, 1937, 1944, "Vietnam", "vietnam", "name"),
    (TN, 12, 1949, 1954, "ASEAN", "asean", "name"),
    # s13 "…, the ASEAN-China Conference of Prosecutors General has demonstrated …"
    (TN, 13, 2044, 2089, "ASEAN-China Conference of Prosecutors General",
     "asean_china_pg_conference", "alias"),
    # s14 "According to the President, …"; s15 "… "Countries …", the President emphasized."
    (TN, 14, 2417, 2430, "the President", "vo_van_thuong", "role"),
    (TN, 15, 3219, 3232, "the President", "vo_van_thuong", "role"),
    # s16 "The President highly appreciated the conference's choice …"
    (TN, 16, 3245, 3258, "The President", "vo_van_thuong", "role"),
    (TN, 16, 3278, 3294, "the conference's", "asean_china_pg_conference", "role"),
    # s17 "The President believes that, …, the conference will find … between ASEAN countries and
    #      China … between ASEAN countries and China, …"
    (TN, 17, 3419, 3432, "The President", "vo_van_thuong", "role"),
    (TN, 17, 3559, 3573, "the conference", "asean_china_pg_conference", "role"),
    (TN, 17, 3632, 3647, "ASEAN countries", "asean_members", "alias"),
    (TN, 17, 3652, 3657, "China", "china", "name"),
    (TN, 17, 3812, 3827, "ASEAN countries", "asean_members", "alias"),
    (TN, 17, 3832, 3837, "China", "china", "name"),
    # s18 "At the conference, heads of delegations from the Procuracy and the Public Prosecutor's
    #      Office of ASEAN countries and China presented papers …"
    (TN, 18, 3893, 3907, "the conference", "asean_china_pg_conference", "role"),
    (TN, 18, 3909, 3929, "heads of delegations", "delegates", "alias"),
    (TN, 18, 3939, 3948, "Procuracy", "procuracy_agencies", "alias"),
    (TN, 18, 3957, 3983, "Public Prosecutor's Office", "public_prosecutors_office", "name"),
    (TN, 18, 3987, 4002, "ASEAN countries", "asean_members", "alias"),
    (TN, 18, 4007, 4012, "China", "china", "name"),
]  # fmt: skip


@pytest.fixture(scope="module")
def sample_actors() -> Actors:
    return load_actors(TABLE)


@pytest.fixture(scope="module")
def sample_mentions(sample_tokens, sample_docs, sample_actors) -> pd.DataFrame:
    return find_mentions(sample_tokens, sample_actors, docs=sample_docs)


def rows(m: pd.DataFrame) -> list[tuple]:
    cols = ["doc_id", "sent", "start", "end", "surface", "actor_id", "via"]
    return [
        (str(d), int(s), int(a), int(b), x, i, v)
        for d, s, a, b, x, i, v in m[cols].itertuples(index=False)
    ]


def toy_actors() -> Actors:
    return Actors.from_records(
        [
            {"id": "vn", "name": "Vietnam", "type": "country", "aliases": ["Viet Nam"]},
            {
                "id": "vvt",
                "name": "Vo Van Thuong",
                "type": "person",
                "affiliation": "vn",
                "aliases": ["Võ Văn Thưởng"],
                "titles": ["President", "Vietnamese President"],
                "short": ["Thuong"],
                "roles": ["the President", "the President of Vietnam", "the State leader"],
            },
            {
                "id": "lmt",
                "name": "Le Minh Tri",
                "type": "person",
                "aliases": ["Lê Minh Trí"],
                "titles": ["Prosecutor General", "Vietnamese Prosecutor General"],
                "short": ["Tri"],
            },
            {
                "id": "spp",
                "name": "Supreme People's Procuracy of Vietnam",
                "type": "organisation",
                "aliases": ["Supreme People's Procuracy"],
            },
        ]
    )


def mentions_of(*texts: str, actors: Actors | None = None) -> list[tuple]:
    docs = make_docs(*texts)
    m = find_mentions(tokenize(docs), actors or toy_actors(), docs=docs)
    return [
        (str(d), x, i, v)
        for d, x, i, v in m[["doc_id", "surface", "actor_id", "via"]].itertuples(index=False)
    ]


# --- the sample study ------------------------------------------------------------------------


def test_sample_mentions_full_list_checked_by_hand(sample_mentions, sample_docs) -> None:
    assert rows(sample_mentions) == SAMPLE_MENTIONS
    texts = dict(zip(sample_docs["doc_id"], sample_docs["text"], strict=True))
    for d, _, s, e, surface, *_ in rows(sample_mentions):
        assert texts[d][s:e] == surface
    assert list(sample_mentions.columns) == [
        "doc_id", "sent", "start", "end", "surface", "actor_id", "actor_type", "via",
    ]  # fmt: skip
    types = dict(zip(sample_mentions["actor_id"], sample_mentions["actor_type"], strict=True))
    assert types["vo_van_thuong"] == "person"
    assert types["asean_china_pg_conference"] == "event"
    assert types["rcep"] == "agreement"


def test_sample_counts_per_outlet(sample_mentions, sample_docs) -> None:
    # From SAMPLE_MENTIONS, counted by hand per article.
    counts = actor_counts(sample_mentions, sample_docs, by="outlet")
    got = {
        (g, a): (m, d)
        for g, a, m, d in counts[["group", "actor_id", "mentions", "docs"]].itertuples(index=False)
    }
    vna, tn = "VNA (Vietnam News Agency)", "Báo Thanh niên"
    expected = {
        (tn, "vo_van_thuong"): 9, (tn, "china"): 8, (tn, "asean"): 6,
        (tn, "asean_china_pg_conference"): 6, (tn, "vietnam"): 6, (tn, "asean_members"): 4,
        (tn, "rcep"): 2, (tn, "delegates"): 1, (tn, "judicial_reform_committee"): 1,
        (tn, "procuracy_agencies"): 1, (tn, "public_prosecutors_office"): 1,
        (tn, "spp_vietnam"): 1, (tn, "le_minh_tri"): 0,
        (vna, "china"): 5, (vna, "asean_china_pg_conference"): 4, (vna, "asean_members"): 4,
        (vna, "vo_van_thuong"): 4, (vna, "asean"): 2, (vna, "procuracy_agencies"): 2,
        (vna, "delegates"): 1, (vna, "le_minh_tri"): 1, (vna, "spp_vietnam"): 1,
        (vna, "judicial_reform_committee"): 0, (vna, "public_prosecutors_office"): 0,
        (vna, "rcep"): 0, (vna, "vietnam"): 0,
    }  # fmt: skip
    assert got == {k: (v, int(v > 0)) for k, v in expected.items()}
    # sorted by group, then mentions descending, then actor_id
    assert counts["group"].tolist() == [tn] * 13 + [vna] * 13
    assert counts["actor_id"].tolist()[:5] == [
        "vo_van_thuong", "china", "asean", "asean_china_pg_conference", "vietnam",
    ]  # fmt: skip
    assert set(counts["n_docs"]) == {1}


def test_sample_table_loads_and_covers_every_named_body(sample_actors) -> None:
    assert len(sample_actors) == 15
    assert sample_actors.names["vo_van_thuong"] == "Vo Van Thuong"
    assert sample_actors.types["asean_china_pg_conference"] == "event"
    assert sample_actors.table.set_index("id").loc["le_minh_tri", "affiliation"] == "spp_vietnam"
    assert set(sample_actors.types.values()) <= set(ACTOR_TYPES)
    assert sample_actors.ambiguous().empty


def test_unlisted_names_in_sample(sample_tokens, sample_mentions, sample_docs) -> None:
    # By hand: the only capitalised words outside mentions that are not sentence openers,
    # months, or words capitalised only at a sentence start are "Government" (Thanh Nien s15)
    # and the title "Head" (s4, "…, Head of the Central Steering Committee …").
    found = unlisted_names(sample_tokens, sample_mentions, docs=sample_docs)
    assert found[["name", "count", "docs", "doc_id", "start", "end"]].values.tolist() == [
        ["Government", 1, 1, TN, 2862, 2872],
        ["Head", 1, 1, TN, 704, 708],
    ]
    assert found["example"].iloc[1] == (
        "President Vo Van Thuong, Head of the Central Steering Committee for Judicial Reform, "
        "attended and delivered the opening speech at the conference."
    )


# --- mention rules ---------------------------------------------------------------------------


def test_diacritic_and_transliteration_aliases() -> None:
    assert mentions_of("Võ Văn Thưởng met Lê Minh Trí in Việt Nam.") == [
        ("d1", "Võ Văn Thưởng", "vvt", "name"),
        ("d1", "Lê Minh Trí", "lmt", "name"),
        ("d1", "Việt Nam", "vn", "alias"),
    ]
    # Đ folds to D; a transliteration listed as alias matches its own spelling
    actors = Actors.from_records(
        [{"id": "dn", "name": "Đà Nẵng", "type": "place", "aliases": ["Tourane"]}]
    )
    assert mentions_of("Da Nang, DA NANG and Tourane.", actors=actors) == [
        ("d1", "Da Nang", "dn", "name"),
        ("d1", "DA NANG", "dn", "name"),
        ("d1", "Tourane", "dn", "alias"),
    ]


def test_short_forms_count_only_after_the_name_or_with_a_title() -> None:
    got = mentions_of(
        "Thuong arrived. Vo Van Thuong spoke. Thuong left.",  # 1st Thuong: not yet named
        "Thuong spoke alone.",  # never named in this document
        "President Thuong spoke. Then Thuong left.",  # title licenses; it also names
    )
    assert got == [
        ("d1", "Vo Van Thuong", "vvt", "name"),
        ("d1", "Thuong", "vvt", "short"),
        ("d3", "President Thuong", "vvt", "title+name"),
        ("d3", "Thuong", "vvt", "short"),
    ]


def test_roles_count_only_in_documents_naming_the_actor() -> None:
    got = mentions_of(
        "The President spoke first. Later Vo Van Thuong left.",  # named after the role: counts
        "The President spoke. The State leader left.",  # never named: no mention at all
    )
    assert got == [
        ("d1", "The President", "vvt", "role"),
        ("d1", "Vo Van Thuong", "vvt", "name"),
    ]


def test_longest_span_wins_and_tokens_count_once() -> None:
    got = mentions_of(
        "Vietnamese Prosecutor General Le Minh Tri praised the Supreme People's Procuracy of "
        "Vietnam and Vietnam."
    )
    assert got == [
        ("d1", "Vietnamese Prosecutor General Le Minh Tri", "lmt", "title+name"),
        ("d1", "Supreme People's Procuracy of Vietnam", "spp", "name"),
        ("d1", "Vietnam", "vn", "name"),
    ]


def test_licensed_role_longer_than_a_name_replaces_it_and_unlicensed_role_does_not() -> None:
    got = mentions_of(
        "Vo Van Thuong came. The President of Vietnam spoke.",
        "The President of Vietnam spoke.",  # role not licensed here: Vietnam still counts
    )
    assert got == [
        ("d1", "Vo Van Thuong", "vvt", "name"),
        ("d1", "The President of Vietnam", "vvt", "role"),
        ("d2", "Vietnam", "vn", "name"),
    ]


def test_shared_short_form_goes_to_the_actor_named_nearest_before() -> None:
    actors = Actors.from_records(
        [
            {"id": "a", "name": "Nguyen Van An", "type": "person", "short": ["Nguyen"]},
            {"id": "b", "name": "Nguyen Thi Binh", "type": "person", "short": ["Nguyen"]},
        ]
    )
    assert mentions_of(
        "Nguyen Van An met Nguyen Thi Binh. Nguyen spoke.",
        "Nguyen Thi Binh met Nguyen Van An. Nguyen spoke.",
        "Nguyen spoke.",
        actors=actors,
    ) == [
        ("d1", "Nguyen Van An", "a", "name"),
        ("d1", "Nguyen Thi Binh", "b", "name"),
        ("d1", "Nguyen", "b", "short"),
        ("d2", "Nguyen Thi Binh", "b", "name"),
        ("d2", "Nguyen Van An", "a", "name"),
        ("d2", "Nguyen", "a", "short"),
    ]


def test_possessives_and_curly_apostrophes_match_the_plain_name() -> None:
    assert mentions_of("Vietnam’s and Viet Nam's plans; Vo Van Thuong's speech.") == [
        ("d1", "Vietnam’s", "vn", "name"),
        ("d1", "Viet Nam's", "vn", "alias"),
        ("d1", "Vo Van Thuong's", "vvt", "name"),
    ]


def test_adding_an_alias_needs_no_code_change(tmp_path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("- {id: cn, name: China, type: country}\n", encoding="utf-8")
    docs = make_docs("Beijing and China.")
    assert len(find_mentions(tokenize(docs), path, docs=docs)) == 1
    path.write_text("- {id: cn, name: China, type: country, aliases: [Beijing]}\n", "utf-8")
    assert find_mentions(tokenize(docs), path, docs=docs)["surface"].tolist() == [
        "Beijing",
        "China",
    ]


def test_surface_without_docs_is_rebuilt_from_tokens() -> None:
    docs = make_docs("President  Vo Van Thuong spoke.")  # two spaces survive
    m = find_mentions(tokenize(docs), toy_actors())
    assert m["surface"].tolist() == ["President  Vo Van Thuong"]
    assert m[["start", "end"]].values.tolist() == [[0, 24]]


def test_surface_is_the_exact_text_for_licensed_roles_too() -> None:
    docs = make_docs("Vo Van Thuong came. The\u00a0President spoke.")  # no-break space
    m = find_mentions(tokenize(docs), toy_actors(), docs=docs)
    assert m["surface"].tolist() == ["Vo Van Thuong", "The\u00a0President"]
    assert m["via"].tolist() == ["name", "role"]


def test_inputs_are_not_modified(sample_tokens, sample_docs, sample_actors) -> None:
    toks, docs = sample_tokens.copy(), sample_docs.copy()
    table = sample_actors.table.copy()
    m = find_mentions(sample_tokens, sample_actors, docs=sample_docs)
    actor_counts(m, sample_docs, by="outlet")
    unlisted_names(sample_tokens, m, docs=sample_docs)
    pd.testing.assert_frame_equal(toks, sample_tokens)
    pd.testing.assert_frame_equal(docs, sample_docs)
    pd.testing.assert_frame_equal(table, sample_actors.table)


def test_no_mentions_gives_an_empty_table_with_the_columns() -> None:
    docs = make_docs("Nothing here.")
    m = find_mentions(tokenize(docs), toy_actors(), docs=docs)
    assert m.empty and list(m.columns)[:8] == [
        "doc_id", "sent", "start", "end", "surface", "actor_id", "actor_type", "via",
    ]  # fmt: skip


# --- discovery -------------------------------------------------------------------------------


def test_unlisted_names_finds_names_missing_from_the_table() -> None:
    docs = make_docs(
        "In Hanoi, Minister Pham Minh Chinh met Vo Van Thuong.",
        "The Ministry of Public Security agreed. Delegates left in December.",
        "Hanoi hosted the Ministry of Public Security, said Pham Minh Chinh.",
    )
    toks = tokenize(docs)
    m = find_mentions(toks, toy_actors(), docs=docs)
    found = unlisted_names(toks, m, docs=docs)
    # "In", "The" open sentences; "Delegates" is capitalised only at a sentence start;
    # "December" is a month; Vo Van Thuong is covered by a mention; "Hanoi" opens d3 but is
    # capitalised mid-sentence in d1, so it counts there too.
    assert found[["name", "count", "docs", "doc_id", "start", "end"]].values.tolist() == [
        ["Hanoi", 2, 2, "d1", 3, 8],
        ["Ministry of Public Security", 2, 2, "d2", 4, 31],
        ["Minister Pham Minh Chinh", 1, 1, "d1", 10, 34],
        ["Pham Minh Chinh", 1, 1, "d3", 51, 66],
    ]
    assert found["example"].iloc[0] == docs["text"].iloc[0]
    assert unlisted_names(toks, m, docs=docs, min_count=2)["name"].tolist() == [
        "Hanoi",
        "Ministry of Public Security",
    ]


def test_unlisted_names_joins_over_inner_connectors_and_splits_at_mentions() -> None:
    docs = make_docs(
        "Minister Pham Minh Chinh of the Ministry of Public Security and Vo Van Thuong met."
    )
    toks = tokenize(docs)
    found = unlisted_names(toks, find_mentions(toks, toy_actors(), docs=docs))
    # "of", "the", "and" may stand inside a name; the mention of Vo Van Thuong ends the run and
    # the dangling "and" is trimmed. Without docs the example is rebuilt from the tokens.
    assert found[["name", "count"]].values.tolist() == [
        ["Minister Pham Minh Chinh of the Ministry of Public Security", 1]
    ]
    assert found["example"].iloc[0] == docs["text"].iloc[0]


# --- counts ----------------------------------------------------------------------------------


def test_actor_counts_normalisations_by_hand() -> None:
    docs = make_docs(
        "Vietnam and Vietnam.",  # 3 word tokens, 2 mentions of vn
        "Vo Van Thuong in Vietnam.",  # 5 word tokens
        "Nothing.",  # 1 word token
        outlet=["A", "A", "B"],
    )
    toks = tokenize(docs)
    m = find_mentions(toks, toy_actors(), docs=docs)
    c = actor_counts(m, docs, by="outlet", normalize="per_1k_tokens", tokens=toks)
    assert c[["group", "actor_id", "mentions", "docs", "n_docs"]].values.tolist() == [
        ["A", "vn", 3, 2, 2],
        ["A", "vvt", 1, 1, 2],
        ["B", "vn", 0, 0, 1],
        ["B", "vvt", 0, 0, 1],
    ]
    np.testing.assert_allclose(c["per_1k_tokens"], [3000 / 8, 1000 / 8, 0, 0])
    s = actor_counts(m, docs, by="outlet", normalize="share_of_docs")
    np.testing.assert_allclose(s["share_of_docs"], [1.0, 0.5, 0.0, 0.0])
    s = actor_counts(m, docs, by="outlet", normalize="share_of_mentions")
    np.testing.assert_allclose(s["share_of_mentions"][:2], [0.75, 0.25])
    assert s["share_of_mentions"][2:].isna().all()  # no mentions in group B
    whole = actor_counts(m, actors=toy_actors())  # corpus = categories of mentions.doc_id
    assert whole[["group", "actor_id", "name", "mentions", "n_docs"]].values.tolist() == [
        ["all", "vn", "Vietnam", 3, 3],
        ["all", "vvt", "Vo Van Thuong", 1, 3],
        ["all", "lmt", "Le Minh Tri", 0, 3],
        ["all", "spp", "Supreme People's Procuracy of Vietnam", 0, 3],
    ]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"normalize": "percent"}, "normalize='percent' is not allowed; choose one of None"),
        ({"normalize": "per_1k_tokens"}, "needs tokens="),
        ({"by": "nope"}, "by='nope' is not a column of docs"),
    ],
)
def test_actor_counts_bad_options(kwargs, message) -> None:
    docs = make_docs("Vietnam.")
    m = find_mentions(tokenize(docs), toy_actors(), docs=docs)
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        actor_counts(m, docs, **kwargs)


# --- table formats and errors ----------------------------------------------------------------

YAML_TABLE = """\
actors:
  - id: vn
    name: Vietnam
    type: country
    aliases: [Viet Nam]
  - id: vvt
    name: Vo Van Thuong
    type: person
    affiliation: vn
    aliases: [Võ Văn Thưởng]
    titles: [President]
    short: [Thuong]
    roles: [the President, the State leader]
"""
WIDE_CSV = """\
id,name,type,affiliation,aliases,titles,short,roles
vn,Vietnam,country,,Viet Nam,,,
vvt,Vo Van Thuong,person,vn,Võ Văn Thưởng,President,Thuong,the President; the State leader
"""
LONG_CSV = """\
id,field,value
vn,name,Vietnam
vn,type,country
vn,alias,Viet Nam
vvt,name,Vo Van Thuong
vvt,type,person
vvt,affiliation,vn
vvt,alias,Võ Văn Thưởng
vvt,title,President
vvt,short,Thuong
vvt,role,the President
vvt,role,the State leader
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_wide_csv_and_long_csv_give_the_same_table(tmp_path) -> None:
    tables = [
        load_actors(write(tmp_path, n, t)).table.drop(columns="line")
        for n, t in [("a.yml", YAML_TABLE), ("a.csv", WIDE_CSV), ("b.csv", LONG_CSV)]
    ]
    for other in tables[1:]:
        pd.testing.assert_frame_equal(tables[0], other)
    vvt = tables[0].set_index("id").loc["vvt"]
    assert vvt["roles"] == ("the President", "the State leader")
    assert vvt["affiliation"] == "vn"


def test_organization_spelling_is_accepted_as_organisation() -> None:
    a = Actors.from_records([{"id": "o", "name": "Org", "type": "Organization"}])
    assert a.types == {"o": "organisation"}


MALFORMED = [
    # (file name, content, line, actor, problem)
    (
        "dup.yml",
        "- {id: vn, name: Vietnam, type: country}\n- {id: vn, name: Viet Nam, type: country}\n",
        2, "actor 'vn'", "duplicate id 'vn' (first defined on line 1)",
    ),
    (
        "aff.yml",
        "- id: vvt\n  name: Vo Van Thuong\n  type: person\n  affiliation: vietnm\n",
        4, "actor 'vvt'", "unknown affiliation id 'vietnm'",
    ),
    (
        "alias.yml",
        "- id: vn\n  name: Vietnam\n  type: country\n  aliases:\n    - Viet Nam\n    - ''\n",
        6, "actor 'vn'", "alias #2 in aliases is empty",
    ),
    (
        "type.yml",
        "- id: vn\n  name: Vietnam\n  type: nation\n",
        3, "actor 'vn'", "wrong type 'nation'; allowed: person, organisation, country",
    ),
    (
        "name.yml",
        "- id: vn\n  type: country\n",
        1, "actor 'vn'", "missing name",
    ),
    (
        "field.yml",
        "- id: vn\n  name: Vietnam\n  type: country\n  alias: [Viet Nam]\n",
        4, "actor 'vn'", "unknown field 'alias' (did you mean 'aliases'?)",
    ),
    (
        "wide.csv",
        "id,name,type,aliases\nvn,Vietnam,country,Viet Nam;;VN\n",
        2, "actor 'vn'", "alias #2 in aliases is empty",
    ),
    (
        "widetype.csv",
        "id,name,type\nvn,Vietnam,country\ncn,China,kountry\n",
        3, "actor 'cn'", "wrong type 'kountry'",
    ),
    (
        "long.csv",
        "id,field,value\nvn,name,Vietnam\nvn,type,country\nvvt,name,Vo Van Thuong\n"
        "vvt,type,person\nvvt,affiliation,vietnam\n",
        6, "actor 'vvt'", "unknown affiliation id 'vietnam'; it must be the id of another actor",
    ),
    (
        "longdup.csv",
        "id,field,value\nvn,name,Vietnam\nvn,type,country\nvn,alias,\n",
        4, "actor 'vn'", "alias #1 in aliases is empty",
    ),
]  # fmt: skip


@pytest.mark.parametrize("name, text, line, actor, problem", MALFORMED)
def test_malformed_tables_name_file_line_actor_and_problem(
    tmp_path, name, text, line, actor, problem
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(ActorTableError) as err:
        load_actors(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}, line {line}: {actor}: "), msg
    assert problem in msg
    assert isinstance(err.value, ValueError)


def test_all_problems_are_reported_at_once(tmp_path) -> None:
    path = write(
        tmp_path,
        "many.yml",
        "- {id: a, name: A, type: persn}\n- {id: b, type: person, affiliation: zz}\n",
    )
    with pytest.raises(ActorTableError) as err:
        load_actors(path)
    assert [(ln, a) for ln, a, _ in err.value.problems] == [
        (1, "actor 'a'"),
        (2, "actor 'b'"),
        (2, "actor 'b'"),
    ]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("bad.yml", b"- id: [unclosed\n", "line 2: file: not valid YAML"),
        ("latin1.yml", "- {id: a, name: Đà, type: place}".encode("cp1258"), "not valid UTF-8"),
        ("empty.yml", b"  \n", "the file is empty"),
        ("table.xlsx", b"x", "unknown format '.xlsx'"),
        ("top.yml", b"people: []\n", "line 1: file: unknown top-level key 'people'"),
        ("cols.csv", b"id,name,kind\na,A,person\n", "unknown column 'kind'"),
        ("regex.yml", b"- {id: a, name: A, type: place, aliases: ['regex:(']}\n", "invalid regex"),
    ],
)
def test_unreadable_tables_raise_clear_errors(tmp_path, name, content, problem) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ActorTableError) as err:
        load_actors(path)
    assert str(path) in str(err.value) and problem in str(err.value), str(err.value)


def test_missing_file_raises_file_not_found(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.yml"):
        load_actors(tmp_path / "nope.yml")


def test_shared_alias_warns_and_is_resolved_by_context(tmp_path) -> None:
    path = write(
        tmp_path,
        "amb.yml",
        "- {id: a, name: Georgia, type: country, aliases: [GA]}\n"
        "- {id: b, name: State of Georgia, type: place, aliases: [GA]}\n",
    )
    with pytest.warns(UserWarning, match="'GA' \\(a;b\\)"):
        actors = load_actors(path)
    assert mentions_of("State of Georgia. GA voted.", "GA voted.", actors=actors) == [
        ("d1", "State of Georgia", "b", "name"),
        ("d1", "GA", "b", "alias"),
    ]


def test_patterns_lists_every_spelling_with_its_condition() -> None:
    p = toy_actors().patterns()
    vvt = p[p["actor_id"] == "vvt"]
    assert vvt[["via", "pattern", "condition"]].values.tolist() == [
        ["name", "Vo Van Thuong", "none"],
        ["title+name", "President Vo Van Thuong", "none"],
        ["title+name", "President Thuong", "none"],
        ["title+name", "Vietnamese President Vo Van Thuong", "none"],
        ["title+name", "Vietnamese President Thuong", "none"],
        ["short", "Thuong", "named before"],
        ["role", "the President", "named in doc"],
        ["role", "the President of Vietnam", "named in doc"],
        ["role", "the State leader", "named in doc"],
    ]  # the alias Võ Văn Thưởng folds to the name, so it and its title forms are not repeated
