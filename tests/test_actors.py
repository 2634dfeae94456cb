"""Mentions of actors and their counts (tables: test_actor_table.py; discovery:
test_discovery.py)."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.actor_table import Actors, load_actors
from analysis.actors import MENTION_COLUMNS, actor_counts, find_mentions
from analysis.discovery import unlisted_names
from analysis.schema import check_table
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
    # "(RCEP)" was a second mention until issue 12: a parenthetical abbreviation of the actor
    # just named is one reference by default (abbreviations="once"), so 70 -> 69 mentions.
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
    counts = actor_counts(sample_mentions, docs=sample_docs, by="outlet")
    got = {
        (g, a): (m, d)
        for g, a, m, d in counts[["group", "actor_id", "mentions", "docfreq"]].itertuples(
            index=False
        )
    }
    vna, tn = "VNA (Vietnam News Agency)", "Báo Thanh niên"
    expected = {
        (tn, "vo_van_thuong"): 9, (tn, "china"): 8, (tn, "asean"): 6,
        (tn, "asean_china_pg_conference"): 6, (tn, "vietnam"): 6, (tn, "asean_members"): 4,
        (tn, "rcep"): 1, (tn, "delegates"): 1, (tn, "judicial_reform_committee"): 1,
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


def test_short_forms_count_only_where_the_document_names_the_actor_or_with_a_title() -> None:
    # (until wave 21 a short form counted only after the naming; the held-out references code
    # "Thuong arrived" before the full name as a mention, sets 8, 37 and 71)
    got = mentions_of(
        "Thuong arrived. Vo Van Thuong spoke. Thuong left.",  # named later: both count
        "Thuong spoke alone.",  # never named in this document
        "President Thuong spoke. Then Thuong left.",  # title licenses; it also names
    )
    assert got == [
        ("d1", "Thuong", "vvt", "short"),
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
    actor_counts(m, docs=sample_docs, by="outlet")
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
    assert list(m.columns) == MENTION_COLUMNS
    check_table(m, "mentions")
    assert list(m["doc_id"].cat.categories) == ["d1"]


def test_mentions_follow_the_schema(sample_mentions) -> None:
    check_table(sample_mentions, "mentions")


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
    c = actor_counts(m, docs=docs, by="outlet", normalize="per_1k_tokens", tokens=toks)
    assert c[["group", "actor_id", "mentions", "docfreq", "n_docs"]].values.tolist() == [
        ["A", "vn", 3, 2, 2],
        ["A", "vvt", 1, 1, 2],
        ["B", "vn", 0, 0, 1],
        ["B", "vvt", 0, 0, 1],
    ]
    np.testing.assert_allclose(c["per_1k_tokens"], [3000 / 8, 1000 / 8, 0, 0])
    s = actor_counts(m, docs=docs, by="outlet", normalize="share_of_docs")
    np.testing.assert_allclose(s["share_of_docs"], [1.0, 0.5, 0.0, 0.0])
    s = actor_counts(m, docs=docs, by="outlet", normalize="share_of_mentions")
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
        ({"by": "nope"}, "by='nope' must be a column of docs"),
    ],
)
def test_actor_counts_bad_options(kwargs, message) -> None:
    docs = make_docs("Vietnam.")
    m = find_mentions(tokenize(docs), toy_actors(), docs=docs)
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        actor_counts(m, docs=docs, **kwargs)


def three_docs(outlet: list) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """d1: vn twice (3 word tokens); d2: vvt and vn (5); d3: nothing (1)."""
    docs = make_docs("Vietnam and Vietnam.", "Vo Van Thuong in Vietnam.", "Nothing.", outlet=outlet)
    toks = tokenize(docs)
    return docs, toks, find_mentions(toks, toy_actors(), docs=docs)


def counted(c: pd.DataFrame) -> list[list]:
    return c[["group", "actor_id", "mentions", "docfreq", "n_docs"]].values.tolist()


def test_actor_counts_missing_group_value_is_a_value_error_not_a_type_error() -> None:
    # Regression: a NaN group value used to crash with "TypeError: '<' not supported between
    # instances of 'float' and 'str'" while sorting the groups.
    docs, toks, m = three_docs(["A", None, "B"])
    with pytest.raises(ValueError, match=r"docs\['outlet'\] has no group value for doc_id\(s\) d2"):
        actor_counts(m, docs=docs, by="outlet")
    # dropna=True leaves d2 out: its mentions, its document and its tokens are not counted
    c = actor_counts(m, docs=docs, by="outlet", dropna=True, normalize="per_1k_tokens", tokens=toks)
    assert counted(c) == [["A", "vn", 2, 1, 1], ["B", "vn", 0, 0, 1]]
    np.testing.assert_allclose(c["per_1k_tokens"], [2000 / 3, 0.0])


def test_actor_counts_by_a_series_or_mapping_without_docs() -> None:
    _, _, m = three_docs(["A", "A", "B"])
    expected = [
        ["x", "vn", 2, 1, 2], ["x", "vvt", 0, 0, 2], ["y", "vn", 1, 1, 1], ["y", "vvt", 1, 1, 1],
    ]  # fmt: skip
    assert counted(actor_counts(m, by={"d1": "x", "d2": "y", "d3": "x"})) == expected
    by = pd.Series(["y", "x", "x"], index=["d2", "d1", "d3"])
    assert counted(actor_counts(m, by=by)) == expected
    with pytest.raises(ValueError, match=r"the by= mapping has no group value for doc_id\(s\) d3"):
        actor_counts(m, by={"d1": "x", "d2": "y"})


def test_actor_counts_groups_in_category_order_and_documents_in_corpus_order() -> None:
    docs, _, m = three_docs(["A", "A", "B"])
    docs["outlet"] = pd.Categorical(docs["outlet"], categories=["B", "A"])
    assert counted(actor_counts(m, docs=docs, by="outlet")) == [
        ["B", "vn", 0, 0, 1], ["B", "vvt", 0, 0, 1], ["A", "vn", 3, 2, 2], ["A", "vvt", 1, 1, 2],
    ]  # fmt: skip
    shuffled = docs.iloc[[2, 0, 1]]  # corpus order d3, d1, d2
    assert counted(actor_counts(m, docs=shuffled, by="doc_id")) == [
        ["d3", "vn", 0, 0, 1], ["d3", "vvt", 0, 0, 1],
        ["d1", "vn", 2, 1, 1], ["d1", "vvt", 0, 0, 1],
        ["d2", "vn", 1, 1, 1], ["d2", "vvt", 1, 1, 1],
    ]  # fmt: skip


def test_actor_counts_docs_as_second_positional_argument_is_deprecated() -> None:
    docs, _, m = three_docs(["A", "A", "B"])
    with pytest.warns(DeprecationWarning, match=r"write actor_counts\(\.\.\., docs=docs\)"):
        old = actor_counts(m, docs, by="outlet")
    pd.testing.assert_frame_equal(old, actor_counts(m, docs=docs, by="outlet"))
    with pytest.raises(TypeError, match="got the docs table twice"):
        actor_counts(m, docs, docs=docs)
    with pytest.raises(TypeError, match="takes its options as keywords"):
        actor_counts(m, docs, "outlet")


def test_actor_counts_follow_the_schema_also_when_empty(sample_mentions, sample_docs) -> None:
    full = actor_counts(
        sample_mentions, docs=sample_docs, by="outlet", actors=load_actors(TABLE),
        normalize="share_of_mentions",
    )  # fmt: skip
    check_table(full, "actor_counts")
    assert list(full.columns) == [
        "group", "actor_id", "name", "type", "mentions", "docfreq", "n_docs", "share_of_mentions",
    ]  # fmt: skip
    docs = make_docs("Nothing here.")
    empty = actor_counts(find_mentions(tokenize(docs), toy_actors(), docs=docs), docs=docs)
    assert empty.empty and list(empty.columns) == ["group", "actor_id", "mentions", "docfreq",
                                                   "n_docs"]  # fmt: skip
    check_table(empty, "actor_counts")


# --- issue 12: one regression test per failure class (sentences written for the tests) -------

CLASS_ACTORS = Actors.from_records(
    [
        {"id": "indonesia", "name": "Indonesia", "type": "country"},
        {"id": "china", "name": "China", "type": "country"},
        {"id": "cambodia", "name": "Cambodia", "type": "country"},
        {"id": "vietnam", "name": "Vietnam", "type": "country"},
        {"id": "laos", "name": "Laos", "type": "country", "places": False},
        {"id": "asean", "name": "Association of Southeast Asian Nations",
         "type": "organisation", "aliases": ["ASEAN"]},
        {"id": "spp_vn", "name": "Supreme People's Procuracy of Vietnam",
         "type": "organisation", "affiliation": "vietnam", "aliases": ["SPP"]},
        {"id": "spp_cn", "name": "Supreme People's Procuratorate of China",
         "type": "organisation", "affiliation": "china", "aliases": ["SPP"]},
        {"id": "smith", "name": "Jane Example-Smith", "type": "person",
         "titles": ["State President"]},
    ]
)  # fmt: skip


def class_mentions(text: str, **kwargs) -> list[list]:
    docs = make_docs(text)
    line_breaks = kwargs.pop("line_breaks", "line")
    m = find_mentions(tokenize(docs, line_breaks=line_breaks), CLASS_ACTORS, docs=docs, **kwargs)
    return m[["surface", "actor_id", "via"]].values.tolist()


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in Jakarta, Indonesia, on Monday.",
        "Police raided a compound in Guangzhou, China's Guangdong province.",
        "Scam centres in Cambodia hold thousands of workers.",
        "The summit took place in Vietnam.",
        "Officials met in Phnom Penh, Cambodia.",
    ],
)
def test_countries_that_are_only_places_are_not_mentions(text) -> None:
    assert class_mentions(text) == []


def test_countries_that_act_are_mentions_and_places_can_be_switched_off() -> None:
    assert class_mentions("Indonesia hosted the talks. China signed the deal.") == [
        ["Indonesia", "indonesia", "name"], ["China", "china", "name"],
    ]  # fmt: skip
    # places: false in the table (Laos), or places=False for the call
    assert class_mentions("The summit in Laos ended.") == [["Laos", "laos", "name"]]
    assert class_mentions("Held in Jakarta, Indonesia.", places=False) == [
        ["Indonesia", "indonesia", "name"]
    ]


def test_parenthetical_abbreviations_count_once() -> None:
    text = "The Association of Southeast Asian Nations (ASEAN) met."
    assert class_mentions(text) == [["Association of Southeast Asian Nations", "asean", "name"]]
    assert class_mentions(text, abbreviations="both") == [
        ["Association of Southeast Asian Nations", "asean", "name"], ["ASEAN", "asean", "alias"],
    ]  # fmt: skip
    with pytest.raises(ValueError, match="abbreviations='twice' is not allowed"):
        class_mentions(text, abbreviations="twice")


def test_hyphenated_compounds_count_for_both_actors() -> None:
    text = "ASEAN-China ties, the Vietnam-China deal, the China-ASEAN plan and China-based firms."
    assert class_mentions(text) == [
        ["ASEAN", "asean", "compound"], ["China", "china", "compound"],
        ["Vietnam", "vietnam", "compound"], ["China", "china", "compound"],
        ["China", "china", "compound"], ["ASEAN", "asean", "compound"],
    ]  # fmt: skip
    assert class_mentions(text, compounds=False) == []
    docs = make_docs("ASEAN-China ties")
    assert "asean-china" in set(tokenize(docs)["norm"])  # term frequency keeps one word


def test_hard_wrapped_names_match_across_the_line_break() -> None:
    text = "Scams are rising, said State President Jane\nExample-Smith, who chaired the talks."
    assert class_mentions(text, line_breaks="paragraph") == [
        ["State President Jane\nExample-Smith", "smith", "title+name"]
    ]


def test_ambiguous_aliases_are_resolved_by_context_and_reported() -> None:
    docs = make_docs("In Vietnam, the SPP said it will act. Later, in China, the SPP agreed.")
    m, amb = find_mentions(tokenize(docs), CLASS_ACTORS, docs=docs, return_ambiguous=True)
    assert m[m["surface"].eq("SPP")]["actor_id"].tolist() == ["spp_vn", "spp_cn"]
    assert amb[["surface", "candidates", "actor_id", "context_id"]].values.tolist() == [
        ["SPP", "spp_cn;spp_vn", "spp_vn", "vietnam"], ["SPP", "spp_cn;spp_vn", "spp_cn", "china"],
    ]  # fmt: skip
    # without context: not counted, and never silently
    docs = make_docs("The SPP met.")
    with pytest.warns(UserWarning, match=r"1 mention\(s\) of spellings shared .* 'SPP' in d1"):
        assert find_mentions(tokenize(docs), CLASS_ACTORS, docs=docs).empty
    m, amb = find_mentions(tokenize(docs), CLASS_ACTORS, docs=docs, return_ambiguous=True)
    assert amb["actor_id"].isna().tolist() == [True]


def test_shared_alias_in_a_table_file_warns_once_naming_both_actors(tmp_path) -> None:
    path = tmp_path / "a.yml"
    path.write_text(
        "- {id: spp_vn, name: SPP Vietnam, type: organisation, aliases: [SPP]}\n"
        "- {id: spp_cn, name: SPP China, type: organisation, aliases: [SPP]}\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning) as record:
        load_actors(path)
    assert len(record) == 1
    assert "'SPP' (spp_cn;spp_vn)" in str(record[0].message)


@pytest.mark.parametrize(
    "text",
    [
        "In Vietnam, the talks went on.",  # sentence-initial locative
        "HANOI, Vietnam - The talks went on.",  # dateline
        "VIENTIANE, Laos -",  # places: false keeps Laos (below)
    ],
)
def test_sentence_initial_in_and_datelines_are_places(text) -> None:
    got = class_mentions(text)
    assert got == ([["Laos", "laos", "name"]] if "Laos" in text else [])
