"""Quotes and speakers: the forms in the sample articles, pronouns, quotation marks."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.actors import Actors, find_mentions, load_actors
from analysis.quotes import QUOTE_COLUMNS, SPEECH_VERBS, find_quotes
from analysis.schema import check_table
from analysis.text import tokenize
from tests.conftest import make_docs

ROOT = Path(__file__).resolve().parents[1]
VNA, TN = "vna_2023-12-06", "thanhnien_2023-12-06"
NA = None

# Every quote in the two sample articles, checked by hand: I read each sentence of the cleaned
# texts, marked every speech cue (said, stated, highlighted, affirmed, pointed to, emphasized,
# according to, believes, pointing out), the speaker slot and the words attributed, and wrote
# down the expected speaker (by reading who "he", "the State leader", "the President" is). The
# offsets are checked against the text below through the first and last words of each quote.
# Not quotes: Thanh Nien s1 (headline, no cue), s3 and s16 (the conference theme in quotation
# marks: no speech cue next to it; "appreciated" is not a speech verb), s4 ("delivered the
# opening speech": no content).
# (doc, sent, start, end, kind, speaker, speaker_start, speaker_end, cue, via, first…last words)
SAMPLE_QUOTES = [
    # "To combat crimes, …, stated President Vo Van Thuong"
    (VNA, 1, 0, 203, "reported", "vo_van_thuong", 212, 235, "stated", "title+name",
     "To combat crimes", "around the world"),
    # "Along with benefits …, President Thuong said."
    (VNA, 2, 240, 552, "reported", "vo_van_thuong", 554, 570, "said", "title+name",
     "Along with benefits", "order in each country"),
    # "…, the State leader said he believes that the conference will find …"
    (VNA, 3, 722, 1055, "reported", "vo_van_thuong", 700, 716, "said", "role",
     "he believes that", "in the region and the world"),
    # "President Thuong highlighted the close ties …"
    (VNA, 4, 1087, 1182, "reported", "vo_van_thuong", 1058, 1074, "highlighted", "title+name",
     "the close ties", "association since 1991"),
    # "The two sides set up …, he said, noting that the two sides have rolled out …"
    # "he" → President Thuong, the last person named before (s4)
    (VNA, 5, 1184, 1305, "reported", "vo_van_thuong", 1307, 1309, "said", "pronoun",
     "The two sides set up", "partnership in 2021"),
    (VNA, 5, 1328, 1484, "reported", "vo_van_thuong", 1307, 1309, "noting", "pronoun",
     "the two sides have rolled out", "including justice and law"),
    # "Through 12 editions …, he stated."
    (VNA, 6, 1487, 1820, "reported", "vo_van_thuong", 1822, 1824, "stated", "pronoun",
     "Through 12 editions", "transnational and high-tech crimes"),
    # "In his speech at the conference, Vietnamese Prosecutor General Le Minh Tri affirmed …"
    (VNA, 7, 1918, 2281, "reported", "le_minh_tri", 1867, 1908, "affirmed", "title+name",
     "the aspirations and determination", "each country and the region"),
    # "Delegates from ASEAN member countries and China pointed to challenges …": the subject,
    # not the nearest mention (China), speaks
    (VNA, 8, 2343, 2583, "reported", "delegates", 2284, 2293, "pointed to", "alias",
     "challenges that high-tech", "cooperation in the fight"),
    # "The President emphasized that Vietnam consistently pursues …"
    (TN, 2, 149, 420, "reported", "vo_van_thuong", 119, 132, "emphasized", "role",
     "Vietnam consistently pursues", "development in the world"),
    # "President Vo Van Thuong said that ASEAN and China have implemented …"
    (TN, 5, 859, 1029, "reported", "vo_van_thuong", 825, 848, "said", "title+name",
     "ASEAN and China have implemented", "fields of justice and law"),
    (TN, 9, 1330, 1601, "reported", "vo_van_thuong", 1300, 1313, "emphasized", "role",
     "Vietnam consistently pursues", "development in the world"),
    # "According to the President, Vietnam has actively cooperated …"
    (TN, 11, 1706, 1890, "reported", "vo_van_thuong", 1691, 1704, "according to", "role",
     "Vietnam has actively cooperated", "between ASEAN and its partners"),
    (TN, 14, 2432, 2515, "reported", "vo_van_thuong", 2417, 2430, "according to", "role",
     "the world is witnessing", "challenges intertwined"),
    # '… enterprises... "Countries have coordinated … around the world", the President emphasized.'
    (TN, 15, 2893, 3216, "direct", "vo_van_thuong", 3219, 3232, "emphasized", "role",
     "Countries have coordinated", "in the region and around the world"),
    # "The President believes that, with a sense of responsibility …"
    (TN, 17, 3448, 3888, "reported", "vo_van_thuong", 3419, 3432, "believes", "role",
     "with a sense of responsibility", "prosperity in the region"),
    # "At the conference, heads of delegations from … presented papers pointing out the
    # challenges …"
    (TN, 18, 4043, 4420, "reported", "delegates", 3909, 3929, "pointing out", "alias",
     "the challenges of high-tech crimes", "crimes and transnational crimes"),
]  # fmt: skip


def as_rows(q: pd.DataFrame, texts: dict[str, str]) -> list[tuple]:
    out = []
    for r in q.itertuples(index=False):
        text = texts[str(r.doc_id)][r.start : r.end]
        assert text == r.text
        out.append(
            (
                str(r.doc_id), int(r.sent), int(r.start), int(r.end), r.kind,
                None if pd.isna(r.speaker_id) else r.speaker_id,
                None if pd.isna(r.speaker_start) else int(r.speaker_start),
                None if pd.isna(r.speaker_end) else int(r.speaker_end),
                r.cue, None if pd.isna(r.resolved_via) else r.resolved_via,
            )
        )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def sample_quotes(sample_docs, sample_tokens) -> pd.DataFrame:
    actors = load_actors(ROOT / "data" / "actors" / "asean_china.yml")
    mentions = find_mentions(sample_tokens, actors, docs=sample_docs)
    return find_quotes(sample_docs, sample_tokens, mentions)


def test_sample_quote_table_checked_by_hand(sample_quotes, sample_docs) -> None:
    texts = dict(zip(sample_docs["doc_id"], sample_docs["text"], strict=True))
    assert list(sample_quotes.columns) == QUOTE_COLUMNS
    assert as_rows(sample_quotes, texts) == [row[:10] for row in SAMPLE_QUOTES]
    for text, row in zip(sample_quotes["text"], SAMPLE_QUOTES, strict=True):
        assert text.startswith(row[10]) and text.endswith(row[11]), (text, row)


def test_sample_speaker_counts_per_outlet(sample_quotes) -> None:
    # Who gets to speak: from the table above.
    got = sample_quotes.groupby(["doc_id", "speaker_id"], observed=True).size().to_dict()
    assert got == {
        (VNA, "vo_van_thuong"): 7,
        (VNA, "le_minh_tri"): 1,
        (VNA, "delegates"): 1,
        (TN, "vo_van_thuong"): 7,
        (TN, "delegates"): 1,
    }


ACTORS = Actors.from_records(
    [
        {"id": "lan", "name": "Nguyen Thi Lan", "type": "person", "short": ["Lan"]},
        {"id": "minh", "name": "Tran Van Minh", "type": "person"},
        {"id": "moj", "name": "Ministry of Justice", "type": "organisation"},
        {"id": "unions", "name": "trade unions", "type": "group"},
        {"id": "summit", "name": "Hanoi Summit", "type": "event"},
    ]
)


def quotes_of(*texts: str, **kwargs) -> list[tuple]:
    docs = make_docs(*texts)
    toks = tokenize(docs)
    q = find_quotes(docs, toks, find_mentions(toks, ACTORS, docs=docs), **kwargs)
    return [
        (
            str(r.doc_id), r.text, r.kind,
            None if pd.isna(r.speaker_id) else r.speaker_id, r.cue,
            None if pd.isna(r.resolved_via) else r.resolved_via,
        )
        for r in q.itertuples(index=False)
    ]  # fmt: skip


def test_pronouns_resolve_to_the_subject_of_the_previous_sentence() -> None:
    # Corrected by issue 12 (failure class "pronoun given to the object"): d1 used to resolve
    # "he" to the most recent person (Minh, the object of "met"); the subject, Lan, is right.
    got = quotes_of(
        "Nguyen Thi Lan met Tran Van Minh. Prices will rise, he said.",
        "Wages must grow, she said.",  # no person before: NA, not a guess
        "Trade unions met the Ministry of Justice. They said that talks failed.",
    )
    assert got == [
        ("d1", "Prices will rise", "reported", "lan", "said", "pronoun"),
        ("d2", "Wages must grow", "reported", None, "said", None),
        ("d3", "talks failed", "reported", "unions", "said", "pronoun"),
    ]


def test_events_do_not_speak_and_the_clause_subject_does() -> None:
    assert quotes_of("At the Hanoi Summit, the Ministry of Justice stressed that laws matter.") == [
        ("d1", "laws matter", "reported", "moj", "stressed", "name")
    ]
    # two actors joined speak jointly, for neither alone (wave 17)
    assert quotes_of(
        "At the Hanoi Summit, the Ministry of Justice and Nguyen Thi Lan stressed that laws matter."
    ) == [("d1", "laws matter", "reported", None, "stressed", None)]


def test_appositive_between_speaker_and_cue_is_skipped() -> None:
    assert quotes_of(
        "Nguyen Thi Lan, head of the Ministry of Justice, said that reform works."
    ) == [("d1", "reform works", "reported", "lan", "said", "name")]


def test_direct_quotes_in_straight_and_curly_marks_before_and_after_the_cue() -> None:
    got = quotes_of(
        "“We will act,” said Nguyen Thi Lan.",
        'Tran Van Minh said: "Crime is global."',
        '"No comment", according to the Ministry of Justice.',
        "Lan said: «Later.»",  # short form: not licensed (never named), so no speaker
    )
    assert got == [
        ("d1", "We will act,", "direct", "lan", "said", "name"),
        ("d2", "Crime is global.", "direct", "minh", "said", "name"),
        ("d3", "No comment", "direct", "moj", "according to", "name"),
        ("d4", "Later.", "direct", None, "said", None),
    ]


def test_quoted_titles_without_a_cue_are_not_quotes() -> None:
    assert quotes_of('The theme was "Strengthening cooperation" this year.') == []


def test_unbalanced_quotation_marks_never_crash() -> None:
    # textacy #379: an opening mark that is never closed. It is closed at the end of its
    # paragraph; a stray closing mark is ignored.
    got = quotes_of(
        'Nguyen Thi Lan said: "We will win\nNext paragraph, she said.',
        'Stray” mark here. ” and "',
        '"',
        "",
    )
    assert got == [
        ("d1", "We will win", "direct", "lan", "said", "name"),
        ("d1", "Next paragraph", "reported", "lan", "said", "pronoun"),
    ]


def test_cue_lists_are_extensible() -> None:
    text = "Prices will fall, quipped Tran Van Minh."
    assert quotes_of(text) == []
    assert quotes_of(text, verbs=(*SPEECH_VERBS, "quipped")) == [
        ("d1", "Prices will fall", "reported", "minh", "quipped", "name")
    ]


def test_no_tokens_or_no_cues_give_an_empty_table() -> None:
    docs = make_docs("Nothing to see.")
    toks = tokenize(docs)
    q = find_quotes(docs, toks, find_mentions(toks, ACTORS, docs=docs))
    assert q.empty and list(q.columns) == QUOTE_COLUMNS


def test_docs_missing_a_text_column_is_an_error() -> None:
    docs = make_docs("x")
    with pytest.raises(ValueError, match="docs needs a 'text' column"):
        find_quotes(docs.drop(columns="text"), tokenize(docs), pd.DataFrame())


def test_quote_tables_follow_the_schema_also_when_empty(sample_quotes) -> None:
    check_table(sample_quotes, "quotes")
    docs = make_docs("Nothing to see.")
    toks = tokenize(docs)
    empty = find_quotes(docs, toks, find_mentions(toks, ACTORS, docs=docs))
    check_table(empty, "quotes")
    assert list(empty["doc_id"].cat.categories) == ["d1"]
    check_table(find_quotes(docs, toks.iloc[:0], pd.DataFrame()), "quotes")


# --- issue 12: one regression test per failure class (sentences written for the tests) -------

CLASS_ACTORS = Actors.from_records(
    [
        {"id": "china", "name": "China", "type": "country"},
        {"id": "asean_members", "name": "ASEAN member states", "type": "group"},
        {"id": "examplia", "name": "Republic of Examplia", "type": "country"},
        {"id": "doe", "name": "John Doe", "type": "person", "titles": ["Attorney-General"]},
        {"id": "a", "name": "Anna Alpha", "type": "person", "titles": ["Minister"]},
        {"id": "b", "name": "Bert Beta", "type": "person", "titles": ["Minister"]},
        {"id": "delegations", "name": "delegations", "type": "group"},
        {"id": "smith", "name": "Jane Example-Smith", "type": "person",
         "titles": ["State President"]},
    ]
)  # fmt: skip


def class_quotes(text: str, line_breaks: str = "line", **kwargs) -> list[list]:
    docs = make_docs(text)
    toks = tokenize(docs, line_breaks=line_breaks)
    q = find_quotes(docs, toks, find_mentions(toks, CLASS_ACTORS, docs=docs), **kwargs)
    return q[["text", "kind", "speaker_id", "cue"]].values.tolist()


def test_member_states_is_not_a_speech_verb() -> None:
    assert class_quotes("China and ten ASEAN member states have agreed to fight scams.") == []
    assert class_quotes("The claims were false, John Doe said.") == [
        ["The claims were false", "reported", "doe", "said"]
    ]


def test_person_before_organisation_is_the_speaker() -> None:
    assert class_quotes(
        "The Attorney-General of the Republic of Examplia John Doe said the meeting was a success."
    ) == [["the meeting was a success", "reported", "doe", "said"]]


def test_pronoun_resolves_to_the_subject_not_the_object() -> None:
    text = (
        "Minister Anna Alpha met with Minister Bert Beta on Monday. He noted that ties are strong."
    )
    assert class_quotes(text) == [["ties are strong", "reported", "a", "noted"]]


@pytest.mark.parametrize(
    "text",
    [
        'Under the theme "Joining Hands Against Fraud", the delegations reiterated their pledge.',
        'The theme, "Joining Hands Against Fraud", highlights the role of youth.',
        'John Doe said the campaign called "Safe Net" works.',
    ],
)
def test_quoted_titles_and_themes_are_not_quotes(text) -> None:
    got = class_quotes(text)
    assert all(row[1] == "reported" and "Joining" not in row[0] for row in got)
    assert not any(row[0] in ("Joining Hands Against Fraud", "Safe Net") for row in got)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("China pledged to share more data.", "to share more data", "pledged"),
        ("John Doe called on China to act.", "China to act", "called on"),
        ("John Doe called for closer ties.", "closer ties", "called for"),
        ("John Doe expressed concern over scams.", "concern over scams", "expressed"),
        ("John Doe described the talks as fruitful.", "the talks as fruitful", "described"),
        ("John Doe reported that arrests rose.", "arrests rose", "reported"),
        ("John Doe urged members to act.", "members to act", "urged"),
        ("John Doe warned that scams grow.", "scams grow", "warned"),
        ("John Doe argued that laws lag.", "laws lag", "argued"),
        ("John Doe announced a new fund.", "a new fund", "announced"),
        ("John Doe reiterated his support.", "his support", "reiterated"),
        ("Arrests rose, according to John Doe.", "Arrests rose", "according to"),
    ],
)
def test_missing_cues_are_found(text, content, cue) -> None:
    speaker = "china" if text.startswith("China") else "doe"
    assert class_quotes(text) == [[content, "reported", speaker, cue]]


def test_names_and_quotes_spanning_wrapped_lines() -> None:
    assert class_quotes(
        "Scams are rising, said State President Jane\nExample-Smith, who chaired the talks.",
        line_breaks="paragraph",
    ) == [["Scams are rising", "reported", "smith", "said"]]
    text = (
        '"We will work\ntogether with all partners to end\nthis crime," John Doe said at the\n'
        "meeting in the capital on Friday.\n\nThe next meeting is in May."
    )
    assert class_quotes(text, line_breaks="paragraph") == [
        ["We will work\ntogether with all partners to end\nthis crime,", "direct", "doe", "said"]
    ]


def test_cues_and_exclude_cues_from_python() -> None:
    assert class_quotes("Prices will fall, quipped John Doe.", cues=["quipped"]) == [
        ["Prices will fall", "reported", "doe", "quipped"]
    ]
    assert class_quotes("John Doe warned that scams grow.", exclude_cues=["Warned"]) == []


@pytest.mark.parametrize(
    ("values", "problem"),
    [(["ok", ""], r"quotes.cues\[1\]: a cue must be a non-empty string"),
     (["ok", 3], r"quotes.cues\[1\]: a cue must be a non-empty string, got 3"),
     ("   ", r"quotes.cues\[0\]"), ({"a": 1}, "quotes.cues: must be a list of strings")],
)  # fmt: skip
def test_check_cues_names_the_source_key_and_item(values, problem) -> None:
    from analysis.quotes import CueListError, check_cues

    with pytest.raises(CueListError, match=r"^study\.yml: " + problem):
        check_cues(values, source="study.yml", key="quotes.cues")
    with pytest.raises(ValueError, match="cues"):
        class_quotes("x", cues=[""])


@pytest.mark.slow  # half a megabyte of quotes, three times over: CI's slow run
def test_find_quotes_is_linear_in_document_length() -> None:
    import time

    para = (
        'Nguyen Thi Lan met the Ministry of Justice. "We will act," she said. Prices will '
        "rise, he noted, adding that wages lag. According to the Ministry of Justice, crime "
        'fell. The theme "Safe Net" was chosen.\n'
    )

    def best_time(n_chars: int) -> float:
        docs = make_docs(para * (n_chars // len(para)))
        toks = tokenize(docs)
        ments = find_mentions(toks, ACTORS, docs=docs)
        times = []
        for _ in range(3):
            t0 = time.process_time()  # CPU time: other processes on the machine do not count
            find_quotes(docs, toks, ments)
            times.append(time.process_time() - t0)
        return min(times)

    best_time(20_000)  # warm-up
    # the machine is shared: one re-measure before calling it super-linear
    ratios = []
    for _ in range(3):
        small, large = best_time(250_000), best_time(500_000)
        ratios.append(large / small)
        if ratios[-1] < 2.5:
            break
    assert min(ratios) < 2.5, ratios  # quadratic: about 4x


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found on the held-out texts (tests/fixtures/actors_heldout), written here anew
        ("Prices will rise, John Doe said Tuesday.", [["Prices will rise", "reported", "doe", "said"]]),
        ("Prices will rise, he said after a meeting with John Doe.",
         [["Prices will rise", "reported", None, "said"]]),
        ("John Doe, who chaired the talks, said Examplia had filed 50 cases.",
         [["Examplia had filed 50 cases", "reported", "doe", "said"]]),
        ("China will host the talks, the delegations announced.",
         [["China will host the talks", "reported", "delegations", "announced"]]),
        ("Crime fell, according to a report by the delegations.",
         [["Crime fell", "reported", "delegations", "according to"]]),
        ("China asked for help, while Republic of Examplia announced a new unit.",
         [["help", "reported", "china", "asked for"],
          ["a new unit", "reported", "examplia", "announced"]]),
        ("Anna Alpha and Examplia Minister Bert Beta pledged to act.",
         [["to act", "reported", "a", "pledged"]]),
    ],
)  # fmt: skip
def test_heldout_failure_classes(text, expected) -> None:
    got = [[t, k, None if pd.isna(s) else s, c] for t, k, s, c in class_quotes(text)]
    assert got == expected


# --- second held-out set (tests/fixtures/actors_heldout2): one test per failure class --------


def test_continued_quotes_keep_the_speaker() -> None:
    # a quotation with no cue of its own right after an attributed one (same paragraph, new
    # sentence), or opening the paragraph after a quote left open: same speaker and cue
    assert class_quotes('"We act now," John Doe said. "The rest must follow soon."') == [
        ["We act now,", "direct", "doe", "said"],
        ["The rest must follow soon.", "direct", "doe", "said"],
    ]
    # a quote over two paragraphs is one quote (wave 18: the adjudicated references of sets
    # 57-64 code it as one span; it was two quotes before)
    text = 'John Doe said: "Scams keep growing in the region.\n\n"We need one shared platform."'
    assert class_quotes(text) == [
        ['Scams keep growing in the region.\n\n"We need one shared platform.', "direct", "doe",
         "said"],
    ]  # fmt: skip
    # not a continuation: a quoted name, or a quote far from the attribution
    assert class_quotes('"We act now," John Doe said. The plan is "Safe Net".') == [
        ["We act now,", "direct", "doe", "said"]
    ]


def test_capitalised_modifier_before_the_speaker() -> None:
    # "…, Philippine Justice Secretary X said Friday.": the modifier belongs to the speaker,
    # and the time word after the cue is not what was said
    assert class_quotes(
        "Scams must be treated as trafficking, Examplian John Doe said Friday."
    ) == [["Scams must be treated as trafficking", "reported", "doe", "said"]]


def test_unknown_honorifics_between_cue_and_name() -> None:
    assert class_quotes("Cooperation is crucial, said Home Minister Datuk Seri John Doe.") == [
        ["Cooperation is crucial", "reported", "doe", "said"]
    ]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("China will host the talks, a spokesman said on Monday.", "China will host the talks",
         "said"),
        ("Arrests rose last year, media reports said.", "Arrests rose last year", "said"),
        ("China will act, officials said, after the raids.", "China will act", "said"),
        ("Experts said the operation showed maturity.", "the operation showed maturity", "said"),
        ("A senior official, who asked not to be named, said that China had confirmed its "
         "attendance.", "China had confirmed its attendance", "said"),
        ("According to a statement issued after the meeting, the hotline opens in May.",
         "the hotline opens in May", "according to"),
        ("The unit will host 40 officers, according to the Home Ministry.",
         "The unit will host 40 officers", "according to"),
    ],
)  # fmt: skip
def test_unnamed_sources_keep_an_na_speaker(text, content, cue) -> None:
    # speech by a source that is not in the actor table is a quote with an NA speaker, and a
    # verb cue inside it ("had confirmed") or a noun before a cue ("reports said") is not one
    got = [[t, k, None if pd.isna(s) else s, c] for t, k, s, c in class_quotes(text)]
    assert got == [[content, "reported", None, cue]]


def test_coordinated_speech_verbs_share_the_speaker() -> None:
    # (wave 18: "expressed thanks to China" is courtesy, not speech, as the adjudicated
    # references code it; the sentence now expresses concern)
    assert class_quotes(
        "John Doe underlined the plan of action, and expressed concern over the delays."
    ) == [
        ["the plan of action", "reported", "doe", "underlined"],
        ["concern over the delays", "reported", "doe", "expressed"],
    ]
    assert class_quotes(
        "John Doe underlined the plan of action, and expressed thanks to China for its support."
    ) == [["the plan of action", "reported", "doe", "underlined"]]
    # "… 'firm action' and pledged to …": the second verb does not attribute the quotation.
    # Corrected in wave 3: "praised" now attributes a quotation that follows it in the same
    # sentence (held-out set 2 codes "praised … for its '…'" as a quote; issue 12's known
    # miss), so the quotation is John Doe's with the cue "praised", never "pledged".
    assert class_quotes(
        'John Doe praised China for its "firm and swift action" and pledged to send experts.'
    ) == [
        ["firm and swift action", "direct", "doe", "praised"],
        ["to send experts", "reported", "doe", "pledged"],
    ]


def test_appositive_and_auxiliary_before_the_cue() -> None:
    assert class_quotes(
        "Republic of Examplia, which chairs the bloc this year, has called for a task force."
    ) == [["a task force", "reported", "examplia", "called for"]]
    assert class_quotes(
        'John Doe, speaking through an interpreter, said "China opposes all fraud."'
    ) == [["China opposes all fraud.", "direct", "doe", "said"]]


def test_definite_role_noun_speaks_like_a_pronoun() -> None:
    assert class_quotes(
        "John Doe opened the meeting. The minister proposed that the parties form a group."
    ) == [["the parties form a group", "reported", "doe", "proposed"]]


def test_pronoun_prefers_the_speaker_of_the_previous_sentence() -> None:
    # the subject is the mention next to the cue, not the first person after a fronted phrase
    text = (
        "Speaking after a meeting with Anna Alpha, Bert Beta said that a task force was set "
        'up. "We will deport anyone involved," he said.'
    )
    assert class_quotes(text) == [
        ["a task force was set up", "reported", "b", "said"],
        ["We will deport anyone involved,", "direct", "b", "said"],
    ]


def test_participle_after_a_direct_quote() -> None:
    assert class_quotes(
        '"Our friendship is the foundation," John Doe said, adding that China stood ready to help.'
    ) == [
        ["Our friendship is the foundation,", "direct", "doe", "said"],
        ["China stood ready to help", "reported", "doe", "adding"],
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Suspects were returned to China last year.", "china"),
        ("Ten suspects were arrested in the Republic of Examplia.", "examplia"),
        ("Fraud dens in northern China were raided.", "china"),
        ("Examplia tightened checks on its border with China.", "china"),
    ],
)
def test_place_rules_destination_compass_and_border(text, place) -> None:
    # the held-out classes of countries that only locate something (analysis.mention_rules)
    docs = make_docs(text)
    got = find_mentions(tokenize(docs), CLASS_ACTORS, docs=docs)
    assert place not in set(got["actor_id"])
    docs = make_docs("China returned to the talks in May.")
    assert list(find_mentions(tokenize(docs), CLASS_ACTORS, docs=docs)["actor_id"]) == ["china"]


def test_described_as_and_dash_attribution() -> None:
    got = [
        [t, k, None if pd.isna(s) else s, c]
        for t, k, s, c in class_quotes(
            'A diplomat described the proposal as "ambitious but overdue".\n'
            '"Crime is faster than ever before." - Attorney-General John Doe\n'
            'John Doe said the plan - "Safe Net" - works.'
        )
    ]
    assert got == [
        ["ambitious but overdue", "direct", None, "described"],
        ["Crime is faster than ever before.", "direct", "doe", "—"],
        ['the plan - "Safe Net" - works', "reported", "doe", "said"],
    ]


def test_headline_role_is_the_person_named_in_the_lede() -> None:
    text = (
        "Justice chief urges China to share data\n\n"
        "MANILA -- Attorney-General John Doe on Tuesday urged China to share data on scams."
    )
    got = class_quotes(text)
    assert got[0] == ["China to share data", "reported", "doe", "urges"]
    # a headline without a role keeps its subject
    assert class_quotes("China urges Examplia to act\n\nThe talks ended.") == [
        ["Examplia to act", "reported", "china", "urges"]
    ]
