"""Issue 12, wave 13: one regression test per class of quotes missed or wrong in held-out set 20
(adjudicated): a court's ruling has an empty speaker, also when the court is in the table; a
cease order "ordered X not to …" / "ordered X to immediately suspend …" is a quote. Sentences
written for these tests (other names, countries and courts than the set's), with hand-computed
values."""

from __future__ import annotations

from analysis.actors import Actors
from analysis.court_forms import court_headed
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "norway", "name": "Norway", "type": "country", "aliases": ["Oslo"]},
        {"id": "ecthr", "name": "European Court of Human Rights", "type": "organisation",
         "aliases": ["ECHR", "Strasbourg court"]},
        {"id": "iacthr", "name": "Inter-American Court of Human Rights", "type": "organisation",
         "aliases": ["IACHR"]},
        {"id": "itlos", "name": "International Tribunal for the Law of the Sea",
         "type": "organisation", "aliases": ["ITLOS"]},
        {"id": "kenya_sc", "name": "Supreme Court of Kenya", "type": "organisation"},
        {"id": "npa_kenya", "name": "Office of the Prosecutor attached to the High Court",
         "type": "organisation", "aliases": ["OPHC"]},
        {"id": "europol", "name": "Europol", "type": "organisation"},
        {"id": "ana_diaz", "name": "Ana Diaz", "type": "person", "short": ["Diaz"],
         "titles": ["Minister"]},
        {"id": "ole_lund", "name": "Ole Lund", "type": "person", "short": ["Lund"],
         "titles": ["Police Chief"]},
    ]
)  # fmt: skip


def quotes_of(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


# -- 1. A court's ruling has an empty speaker, also when the court is tabled ---------------------


def test_court_ruling_has_an_empty_speaker() -> None:
    text = (
        "The European Court of Human Rights on Tuesday ruled that Norway had breached the right "
        "to a fair trial."
    )
    assert quotes_of(text) == [
        ["Norway had breached the right to a fair trial", "reported", None, "ruled"]
    ]
    text = (
        "The International Tribunal for the Law of the Sea found that Chile had not consulted "
        "its neighbours."
    )
    assert quotes_of(text) == [
        ["Chile had not consulted its neighbours", "reported", None, "found that"]
    ]
    # the court's possessor is not the speaker either
    text = "Kenya's Supreme Court ruled last year that it could hear the appeal."
    assert quotes_of(text) == [["it could hear the appeal", "reported", None, "ruled"]]
    text = "Peru's Constitutional Tribunal ruled on Monday that the decree was void."
    assert quotes_of(text) == [["the decree was void", "reported", None, "ruled"]]


def test_the_court_said_in_its_ruling_has_an_empty_speaker() -> None:
    text = (
        "Judges read the order in San José. The court said both governments "
        '"must refrain from any step that widens the dispute."'
    )
    assert quotes_of(text) == [
        [
            'both governments "must refrain from any step that widens the dispute."',
            "reported",
            None,
            "said",
        ]
    ]


def test_a_court_speaking_outside_a_ruling_keeps_its_speaker() -> None:
    text = "The Supreme Court of Kenya said in a press release that it had hired 40 new clerks."
    assert quotes_of(text) == [["it had hired 40 new clerks", "reported", "kenya_sc", "said"]]
    text = "Kenya's Supreme Court said in a press release that it had hired 40 new clerks."
    assert quotes_of(text) == [["it had hired 40 new clerks", "reported", "kenya", "said"]]
    # an office attached to a court is not a court
    text = "The OPHC found that the suspects had left the country."
    assert quotes_of(text) == [
        ["the suspects had left the country", "reported", "npa_kenya", "found that"]
    ]
    assert court_headed("Inter-American Court of Human Rights")
    assert not court_headed("Office of the Prosecutor attached to the High Court")


# -- 2. "ordered X not to …", "ordered X to immediately suspend …": cease orders -----------------


def test_cease_order_with_not_or_an_adverb() -> None:
    text = (
        "The Strasbourg court has ordered Norway to immediately suspend the deportation of the "
        "two men."
    )
    assert quotes_of(text) == [
        [
            "Norway to immediately suspend the deportation of the two men",
            "reported",
            None,
            "ordered",
        ]
    ]
    text = (
        "The European Court of Human Rights (ECHR) yesterday ordered Norway not to deport the two "
        "men until it rules on their case."
    )
    assert quotes_of(text) == [
        [
            "Norway not to deport the two men until it rules on their case",
            "reported",
            None,
            "ordered",
        ]
    ]
    text = (
        "Police Chief Ole Lund ordered officers not to leave the station before the inquiry ended."
    )
    assert quotes_of(text) == [
        [
            "officers not to leave the station before the inquiry ended",
            "reported",
            "ole_lund",
            "ordered",
        ]
    ]
    # an order that is an act stays out
    assert quotes_of("Minister Ana Diaz ordered the police to patrol the border every night.") == []


def test_court_ruling_participle_has_an_empty_speaker() -> None:
    text = (
        "The Strasbourg court has ordered Norway to suspend the deportation, ruling that the men "
        "face a real risk of torture."
    )
    assert quotes_of(text) == [
        ["Norway to suspend the deportation", "reported", None, "ordered"],
        ["the men face a real risk of torture", "reported", None, "ruling that"],
    ]


# -- 3. A report speaks for its author, also "a report released today by X" ---------------------


def test_report_released_by_an_organisation_speaks_for_it() -> None:
    text = "Prices rose by a third, according to a report released on Monday by Europol."
    assert quotes_of(text) == [["Prices rose by a third", "reported", "europol", "according to"]]
    text = (
        "Fraud doubled in Chile, according to a report published today by Europol. The report "
        "says most victims were over sixty."
    )
    assert quotes_of(text) == [
        ["Fraud doubled in Chile", "reported", "europol", "according to"],
        ["most victims were over sixty", "reported", "europol", "says"],
    ]
    # a closing source followed by an adjunct ("… by X after a meeting …")
    text = (
        "Prices rose by a third, according to a statement released by Europol after a meeting "
        "in Oslo."
    )
    assert quotes_of(text) == [["Prices rose by a third", "reported", "europol", "according to"]]


def test_recommends_that_is_a_cue() -> None:
    text = (
        "Europol released its annual report on Monday. It recommends that member states share "
        "data on fraud within a day."
    )
    assert quotes_of(text) == [
        [
            "member states share data on fraud within a day",
            "reported",
            "europol",
            "recommends that",
        ]
    ]
    assert quotes_of("Ole Lund recommended that the minister resign.") == [
        ["the minister resign", "reported", "ole_lund", "recommended that"]
    ]


# -- 4. '"… ." He vowed to …': a sentence of its own is not the quotation's attribution ----------


def test_sentence_after_a_closed_quotation_is_its_own() -> None:
    text = (
        'Police Chief Ole Lund said the checks would stay in place "until the gangs are gone." '
        "He vowed to prosecute any officer found helping them."
    )
    assert quotes_of(text) == [
        [
            'the checks would stay in place "until the gangs are gone."',
            "reported",
            "ole_lund",
            "said",
        ],
        ["to prosecute any officer found helping them", "reported", "ole_lund", "vowed"],
    ]
    # an attribution after the full stop still attributes
    assert quotes_of('"We will not stop." Ole Lund said.') == [
        ["We will not stop.", "direct", "ole_lund", "said"]
    ]
    assert quotes_of('"We will not stop." Ole Lund said, adding that the talks would go on.') == [
        ["We will not stop.", "direct", "ole_lund", "said"],
        ["the talks would go on", "reported", "ole_lund", "adding"],
    ]


# -- 5. An outlet whose name opens with a cue word ("told Notes from Poland") -------------------


def test_outlet_name_with_a_cue_word_after_told() -> None:
    text = (
        '"This is a sad day for Kenyan judges," Ole Lund told Notes from Kenya. "Now we must act."'
    )
    assert quotes_of(text) == [
        ["This is a sad day for Kenyan judges,", "direct", "ole_lund", "told"],
        ["Now we must act.", "direct", "ole_lund", "told"],
    ]
    text = '"This is a sad day for Kenyan judges," Ole Lund told Reports Weekly.'
    assert quotes_of(text) == [
        ["This is a sad day for Kenyan judges,", "direct", "ole_lund", "told"]
    ]
    # a lower-case noun before a cue is still not a cue
    assert quotes_of("Media reports said the talks had failed.") == [
        ["the talks had failed", "reported", None, "said"]
    ]


# -- 6. "Critics, including X, say": the unnamed group speaks, X is an example -------------------


def test_example_of_an_unnamed_source_is_not_the_speaker() -> None:
    assert quotes_of("Critics, including Europol, say the plan will fail.") == [
        ["the plan will fail", "reported", None, "say"]
    ]
    text = "Critics, including Police Chief Ole Lund, have said the plan will fail."
    assert quotes_of(text) == [["the plan will fail", "reported", None, "said"]]
    # "including" that is not an example of an unnamed source
    text = "Ole Lund, including in his speech, said the plan would fail."
    assert quotes_of(text) == [["the plan would fail", "reported", "ole_lund", "said"]]


# -- 7. "X, which observed the vote, said …": the relative clause's verb is not the cue ----------


def test_relative_clause_verb_before_the_cue() -> None:
    text = (
        "The mission of Europol, which observed the vote, said in a statement that the election "
        "was fair."
    )
    assert quotes_of(text) == [["the election was fair", "reported", "europol", "said"]]
    text = "Europol, which monitored the talks, said the deal was fair."
    assert quotes_of(text) == [["the deal was fair", "reported", "europol", "said"]]
