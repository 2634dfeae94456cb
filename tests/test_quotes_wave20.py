"""Issue 12, wave 20: one regression test per class of quotes wrong in the held-out sets 83,
85-88 (Malaysian, Singaporean and Bruneian outlets; Cambodian, Lao, Myanmar and Thai outlets;
international wires; official releases and speeches; opinion and analysis; read after their
blind scores): officials named by a count, a rank or their office; a source described after
"according to"; the clause after ", and"; an outlet told after the content; an audience or
"in a statement" before the content; a wire lede's role; a person "of" a body; a possessive
before a quotation; the outlet's own voice; "argue that", "made clear that", "propose"; a host
in apposition; "X and I". Sentences written for these tests (other names, countries and
bodies than the sets'), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": ["Tokar"]},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "rpp", "name": "Ruritanian Public Procuracy", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["RPP"]},
        {"id": "moj", "name": "Ministry of Justice", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["MOJ"]},
        {"id": "watch", "name": "Justice Watch", "type": "organisation", "aliases": []},
        {"id": "forum", "name": "Lakes Prosecutors Forum", "type": "event", "aliases": [],
         "roles": ["the forum"]},
        {"id": "dobrev", "name": "Rina Dobrev", "type": "person", "affiliation": "hpo",
         "short": ["Dobrev"], "titles": ["Attorney-General"]},
        {"id": "marek", "name": "Tomas Marek", "type": "person", "affiliation": "moj",
         "short": ["Marek"], "titles": ["Deputy Spokesperson", "Spokesperson"]},
        {"id": "kessler", "name": "Anna Kessler", "type": "person", "affiliation": "watch",
         "short": ["Kessler"], "titles": ["Director"]},
    ]
)  # fmt: skip

LEAD = "Ruritania and Elbonia meet on fraud\n\nThe talks opened on Monday in Strelsau.\n"


def quotes_of(text: str) -> list[list]:
    return quote_rows(LEAD + text, ACTORS)


def test_officials_named_by_a_count_or_a_rank_speak_for_their_country() -> None:
    text = (
        "One Elbonian official, who spoke on condition of anonymity because the matter is "
        "sensitive, said the court feared a flood of requests.\n\n"
        "Two senior Ruritanian officials said the talks had stalled.\n\n"
        "A senior Elbonian official told reporters the talks had resumed."
    )
    assert quotes_of(text) == [
        ["the court feared a flood of requests", "reported", "elbonia", "said"],
        ["the talks had stalled", "reported", "ruritania", "said"],
        ["the talks had resumed", "reported", "elbonia", "told reporters"],
    ]


def test_an_official_from_a_countrys_office_speaks_for_the_country() -> None:
    text = (
        "An official from the Elbonian prosecutor's office, speaking on condition of "
        "anonymity, said the court had not responded.\n\n"
        "Officials from the Ruritanian side said the files were late."
    )
    assert quotes_of(text) == [
        ["the court had not responded", "reported", "elbonia", "said"],
        ["the files were late", "reported", "ruritania", "said"],
    ]


def test_a_source_described_after_according_to() -> None:
    text = (
        "The files were late, according to an Elbonian official who asked not to be named.\n\n"
        "The talks had stalled, according to two Ruritanian officials familiar with the "
        "talks.\n\n"
        "The deal was close, according to three officials who attended the session."
    )
    assert quotes_of(text) == [
        ["The files were late", "reported", "elbonia", "according to"],
        ["The talks had stalled", "reported", "ruritania", "according to"],
        ["The deal was close", "reported", None, "according to"],
    ]


def test_the_clause_after_and_names_the_speaker() -> None:
    text = (
        "Since the coup, Justice Watch has criticised the court, and an official from the "
        "Elbonian embassy, speaking on condition of anonymity, said the invitation had not "
        "been answered."
    )
    assert quotes_of(text) == [
        ["the invitation had not been answered", "reported", "elbonia", "said"]
    ]


def test_an_outlet_told_after_the_content() -> None:
    text = (
        "Elbonian prosecutors will investigate the firms, a senior Elbonian official told Radio "
        "Strelsau International, days after Elbonia joined the forum."
    )
    assert quotes_of(text) == [
        ["Elbonian prosecutors will investigate the firms", "reported", "elbonia", "told"]
    ]


def test_an_audience_or_a_statement_before_the_content() -> None:
    text = (
        "Attorney-General Rina Dobrev told a news conference the money came back under a "
        "request for legal assistance.\n\n"
        "The HPO said in a statement on Monday the official had moved the funds through 14 "
        "shell companies."
    )
    assert quotes_of(text) == [
        ["the money came back under a request for legal assistance", "reported", "dobrev",
         "told"],
        ["the official had moved the funds through 14 shell companies", "reported", "hpo",
         "said"],
    ]  # fmt: skip


def test_a_wire_ledes_role_is_the_person_named_next() -> None:
    text = (
        "TOKAR (AP) — Elbonia has recovered $41 million hidden abroad, the country's top "
        "prosecutor said Wednesday.\n\n"
        "Attorney-General Rina Dobrev told a news conference the money came back.\n\n"
        "Fraud knows no borders, Elbonia's attorney general told her regional counterparts "
        "yesterday as the forum opened in Tokar."
    )
    assert quotes_of(text) == [
        ["Elbonia has recovered $41 million hidden abroad", "reported", "dobrev", "said"],
        ["the money came back", "reported", "dobrev", "told"],
        # "Elbonia's attorney general": the one Elbonian person of the document (wave 22;
        # the adjudicated references code the person, 10 right speakers more over the sets)
        ["Fraud knows no borders", "reported", "dobrev", "told"],
    ]


def test_a_person_of_a_body_after_the_content() -> None:
    text = (
        "Ruritania is working with Elbonia to protect its citizens, Deputy Spokesperson Tomas "
        "Marek of the Ministry of Justice (MOJ) said at the ministry's regular briefing on "
        "March 17."
    )
    assert quotes_of(text) == [
        ["Ruritania is working with Elbonia to protect its citizens", "reported", "marek",
         "said"]
    ]  # fmt: skip


def test_states_before_a_comma_and_including_is_a_noun() -> None:
    text = (
        "The workshop brought together 60 prosecutors from eight Lakes states, including "
        "Ruritania and Elbonia.\n\n"
        "Fraud is rising, the HPO states, adding that more help is needed."
    )
    assert [q[0] for q in quotes_of(text)] == ["Fraud is rising", "more help is needed"]


def test_a_possessive_before_a_quotation_is_not_the_speaker() -> None:
    text = (
        "Attorney-General Rina Dobrev visited Strelsau.\n\n"
        "Dobrev, who was in Strelsau for the annual meeting of the two offices, pledged "
        'Elbonia\'s "full support" in tracing the assets.'
    )
    assert quotes_of(text) == [["full support", "direct", "dobrev", "pledged"]]


def test_the_outlets_own_voice_is_not_a_quote() -> None:
    text = (
        "This newspaper believes three tests should be applied to whatever the forum signs.\n\n"
        "The newspaper said three tests should be applied."
    )
    assert quotes_of(text) == [["three tests should be applied", "reported", None, "said"]]


def test_argue_that_made_clear_that_and_propose() -> None:
    text = (
        "Some lawyers argue that fast-track transfers give defendants too little time.\n\n"
        "Strelsau has made clear that it expects more arrests.\n\n"
        "Attorney-General Rina Dobrev used her speech to propose a liaison desk in every "
        "capital, and the RPP has trained 300 prosecutors."
    )
    assert quotes_of(text) == [
        ["fast-track transfers give defendants too little time", "reported", None,
         "argue that"],
        ["it expects more arrests", "reported", "ruritania", "made clear that"],
        ["a liaison desk in every capital", "reported", "dobrev", "propose"],
    ]  # fmt: skip


def test_a_host_in_apposition_speaks() -> None:
    text = (
        'The host, Elbonia, promised "substance over ceremony", and the promise was kept.\n\n'
        "The chair, Ruritania, pushed for a protocol on electronic evidence."
    )
    assert quotes_of(text) == [
        ["substance over ceremony", "direct", "elbonia", "promised"],
        ["a protocol on electronic evidence", "reported", "ruritania", "pushed for"],
    ]


def test_a_person_and_i_agree_jointly() -> None:
    text = (
        "We already share evidence every week. Attorney-General Rina Dobrev and I have agreed "
        "that officers may attend each other's interviews."
    )
    assert quotes_of(text) == [
        ["officers may attend each other's interviews", "reported", None, "agreed that"]
    ]


def test_an_unnamed_source_of_four_words_before_a_comma() -> None:
    text = (
        "A senior Western diplomat, speaking on condition of anonymity, said some governments "
        "feared being pressed to hand over their own nationals."
    )
    assert quotes_of(text) == [
        ["some governments feared being pressed to hand over their own nationals", "reported",
         None, "said"]
    ]  # fmt: skip


def test_agreed_with_a_time_before_that_and_joked_that() -> None:
    text = (
        "Top prosecutors from Ruritania and Elbonia agreed Thursday that cooperation must move "
        "from words to cases.\n\n"
        "Elbonia agreed to send a team.\n\n"
        "Delegates joked that the two offices would have to sign their letters carefully."
    )
    assert quotes_of(text) == [
        ["cooperation must move from words to cases", "reported", None, "agreed"],
        ["the two offices would have to sign their letters carefully", "reported", None,
         "joked that"],
    ]  # fmt: skip


def test_it_said_after_a_body_named_with_its_countrys_possessive() -> None:
    text = (
        "Elbonia's High Prosecution Office (HPO) welcomed the decision and described it as "
        '"a model of cooperation". It said the suspect had been wanted since 2016.'
    )
    assert quotes_of(text) == [
        ["a model of cooperation", "direct", "hpo", "described"],
        ["the suspect had been wanted since 2016", "reported", "hpo", "said"],
    ]


def test_a_declarations_participle_reports_its_content() -> None:
    text = (
        "The forum adopted a statement calling on member prosecution services to treat forced "
        "criminality as trafficking.\n\n"
        "It was a promising start for the new office."
    )
    assert quotes_of(text) == [
        ["member prosecution services to treat forced criminality as trafficking", "reported",
         None, "calling on"]
    ]  # fmt: skip


def test_noted_with_appreciation_a_thing_or_with_concern_that() -> None:
    text = (
        "The Parties noted with appreciation the offer of the HPO to host the next forum.\n\n"
        "Elbonia noted with concern that scams had grown.\n\n"
        "4. The Lakes Prosecutors Forum noted that seizures had tripled since 2008."
    )
    assert quotes_of(text) == [
        ["scams had grown", "reported", "elbonia", "noted"],
        ["seizures had tripled since 2008", "reported", "forum", "noted"],
    ]


def test_a_style_of_address_before_a_tabled_title_and_name() -> None:
    text = (
        '"Fraud knows no borders," said H.E. Attorney-General Rina Dobrev, who chairs the '
        "forum this year."
    )
    assert quotes_of(text) == [["Fraud knows no borders,", "direct", "dobrev", "said"]]


def test_instructed_someone_to_act() -> None:
    text = (
        "Attorney-General Rina Dobrev has instructed provincial prosecutors to bring the "
        "suspects to trial without delay.\n\n"
        "The inquiry was directed by a retired judge."
    )
    assert quotes_of(text) == [
        ["provincial prosecutors to bring the suspects to trial without delay", "reported",
         "dobrev", "instructed"]
    ]  # fmt: skip


def test_parties_that_agree_together() -> None:
    text = (
        "Attorney-General Rina Dobrev met Anna Kessler in Tokar. They also agreed that the "
        "convention should be applied more fully.\n\n"
        "The two prosecutors general agreed that cross-border cases would be given priority."
    )
    assert quotes_of(text) == [
        ["the convention should be applied more fully", "reported", None, "agreed that"],
        ["cross-border cases would be given priority", "reported", None, "agreed that"],
    ]


def test_an_embassy_in_the_clause_after_and() -> None:
    text = (
        "Ruritania has sent flights to Tokar to collect its nationals, and the Ruritanian "
        "embassy said more flights would follow this week."
    )
    assert quotes_of(text) == [
        ["more flights would follow this week", "reported", "ruritania", "said"]
    ]


def test_a_consultant_who_attended_speaks_for_no_one_in_the_table() -> None:
    text = "A consultant who attended as an observer said most of the victims were young."
    assert quotes_of(text) == [["most of the victims were young", "reported", None, "said"]]


def test_it_said_after_an_opening_place() -> None:
    text = (
        "In Tokar, the High Prosecution Office welcomed the decision. It said the suspect had "
        "been wanted since 2016."
    )
    assert quotes_of(text) == [
        ["the suspect had been wanted since 2016", "reported", "hpo", "said"]
    ]


def test_recalled_an_actor_and_a_finite_verb() -> None:
    text = (
        "Anna Kessler spoke in Strelsau. She recalled Elbonia deported 109 men in 2015 despite "
        "appeals.\n\n"
        "Ruritania recalled its ambassador to Elbonia."
    )
    assert quotes_of(text) == [
        ["Elbonia deported 109 men in 2015 despite appeals", "reported", "kessler", "recalled"]
    ]


def test_a_joint_subject_after_a_dateline() -> None:
    text = (
        "STRELSAU - Ruritania and Elbonia have agreed that urgent requests will be handled "
        "within 14 working days."
    )
    assert quotes_of(text) == [
        ["urgent requests will be handled within 14 working days", "reported", None,
         "agreed that"]
    ]  # fmt: skip


def test_a_body_the_table_does_not_resolve_after_the() -> None:
    text = (
        "The Attorney-General's Chambers said the man would be charged in court.\n\n"
        "The Chambers said the man would be charged on Thursday."
    )
    assert quotes_of(text) == [["the man would be charged in court", "reported", None, "said"]]


def test_an_embassy_thanking_for_a_quoted_word() -> None:
    text = (
        "Elbonia handed 30 suspects to Ruritania on Friday.\n\n"
        'A spokesperson for the Ruritanian Embassy in Tokar thanked Elbonia for its "strong '
        'support".\n\n'
        'A spokesman for the Ruritanian embassy thanked Elbonia for its "quick action".'
    )
    assert quotes_of(text) == [
        ["strong support", "direct", "ruritania", "thanked"],
        ["quick action", "direct", "ruritania", "thanked"],
    ]


def test_explains_how_and_a_quoted_topic_are_not_quotes() -> None:
    text = (
        "Rina Dobrev explains how the evidence was gathered.\n\n"
        'Rina Dobrev said the HPO had proposed "asset recovery in fraud cases" as the main '
        "topic of the forum.\n\n"
        '"The evidence came from abroad," Rina Dobrev explained.'
    )
    assert quotes_of(text) == [
        ['the HPO had proposed "asset recovery in fraud cases" as the main topic of the forum',
         "reported", "dobrev", "said"],
        ["The evidence came from abroad,", "direct", "dobrev", "explained"],
    ]  # fmt: skip
