"""Issue 12, wave 8: one regression test per quote failure class of held-out set 12 (reported
speech inside transcript answers, denials, what a court or jury heard, …), on sentences written
for these tests (not taken from the set), with hand-computed values: ``[text, kind, speaker_id,
cue]`` per quote."""

from __future__ import annotations

import pytest

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "codelco", "name": "Codelco", "type": "organisation", "affiliation": "chile"},
        {"id": "imo", "name": "International Maritime Organization", "type": "organisation",
         "aliases": ["IMO"]},
        {"id": "ana_rios", "name": "Ana Rios", "type": "person", "titles": ["Dr"],
         "short": ["Rios"]},
        {"id": "tom_hale", "name": "Tom Hale", "type": "person", "short": ["Hale"]},
        {"id": "ivan_petrov", "name": "Ivan Petrov", "type": "person", "short": ["Petrov"]},
    ]
)  # fmt: skip


def quotes(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


def test_reported_speech_inside_a_transcript_answer_has_its_own_speaker() -> None:
    # the answer is the labelled person's quote (cue ":"); a body's or a country's reported
    # speech inside it is a quote of that body or country; "they" / "It" in the answer is not
    # the person answering (she would say "I")
    text = (
        "MARK ELLIS: Why are copper prices falling?\n\n"
        "ANA RIOS: Codelco says demand from smelters has dropped. When I called the IMO, they "
        "told me new port rules would slow exports.\n\n"
        "MARK ELLIS: And Peru?\n\n"
        "ANA RIOS: Lima expects a better year. It denies cutting its export quota."
    )
    assert quotes(text) == [
        [
            "Codelco says demand from smelters has dropped. When I called the IMO, they told "
            "me new port rules would slow exports.",
            "direct", "ana_rios", ":",
        ],
        ["demand from smelters has dropped", "reported", "codelco", "says"],
        ["new port rules would slow exports", "reported", "imo", "told"],
        ["Lima expects a better year. It denies cutting its export quota.", "direct",
         "ana_rios", ":"],
        ["cutting its export quota", "reported", "peru", "denies"],
    ]  # fmt: skip


def test_a_denial_is_what_the_subject_says() -> None:
    # "denies/denied" + a gerund or a noun of charges; not "was denied bail", not a denial
    # that is itself the content of an attribution after it
    assert quotes(
        "Ivan Petrov, 44, of Leeds, denies four counts of fraud. Santiago has denied any "
        "involvement in the strike. Peru denies funding the rebels. Hale was denied bail. "
        "He denies wrongdoing, his lawyer said."
    ) == [
        ["four counts of fraud", "reported", "ivan_petrov", "denies"],
        ["any involvement in the strike", "reported", "chile", "denied"],
        ["funding the rebels", "reported", "peru", "denies"],
        ["He denies wrongdoing", "reported", None, "said"],
    ]


def test_what_a_court_or_jury_heard_has_no_speaker() -> None:
    # the court is told, it does not speak: an NA speaker, also in a headline "'…', court hears"
    assert quotes(
        "Trader 'hid copper sales from Codelco', court hears\n\n"
        "A trader moved £3m through shell companies in Panama, a jury has heard.\n\n"
        "The payments stopped in 2021, the court heard. Petrov heard the verdict in silence."
    ) == [
        ["hid copper sales from Codelco", "direct", None, "hears"],
        ["A trader moved £3m through shell companies in Panama", "reported", None, "heard"],
        ["The payments stopped in 2021", "reported", None, "heard"],
    ]


def test_a_country_body_speaks_for_its_country() -> None:
    # an embassy located in a capital (also through its spokesperson) and a ministry named
    # with the country's possessive speak for the country; "It said" after the embassy's
    # statement too; without the place as well since wave 16 (sets 9 and 33-36 code "the
    # Chinese embassy" as China; set 2's older coding kept an NA speaker).
    assert quotes(
        "The Peruvian Embassy in Santiago said in a statement that Peru supports the plan. "
        "It said Peruvian police had arrested 12 suspects. "
        'A spokesperson for the Peruvian embassy in Madrid said Peru "respects the ruling" and '
        'called the protest "a misunderstanding". '
        'Chile\'s Ministry of Foreign Affairs said it mourned "a great friend". '
        'The Peruvian Embassy described the visit as "historic".'
    ) == [
        ["Peru supports the plan", "reported", "peru", "said"],
        ["Peruvian police had arrested 12 suspects", "reported", "peru", "said"],
        ["respects the ruling", "direct", "peru", "said"],
        ["a misunderstanding", "direct", "peru", "called"],
        ['it mourned "a great friend"', "reported", "chile", "said"],
        ["historic", "direct", "peru", "described"],
    ]


def test_the_person_speaks_not_the_body_in_their_description() -> None:
    # "PERSON of [COUNTRY's] BODY praised …" is the person; a clause "hosted by BODY" between
    # an opening participle and the person does not speak
    assert quotes(
        "Procurator-General Ivan Petrov of Chile's Codelco praised the IMO for its \"steady "
        "hand\". Speaking at the forum, hosted by Chile's Codelco by video link on Monday, Dr "
        "Ana Rios, Director General of the International Maritime Organization, said ports "
        "were full. Tom Hale of Codelco said prices would rise."
    ) == [
        ["steady hand", "direct", "ivan_petrov", "praised"],
        ["ports were full", "reported", "ana_rios", "said"],
        ["prices would rise", "reported", "tom_hale", "said"],
    ]


def test_unnamed_and_untabled_sources_after_the_content() -> None:
    # wire copy's "said here on Tuesday", an obituary's family and former colleague (also in
    # apposition with a name the table does not know, and the quotation standing alone after
    # it), an untabled body opening with "The": quotes with an NA speaker
    assert quotes(
        "Chile and Peru will step up cooperation on fisheries, the two countries' top "
        "prosecutors said here on Tuesday. He died at home on May 3 after a short illness, "
        "his family said in a statement.\n\n"
        'He never hid his anger, a former colleague, Maria Diaz, recalled. "But he always '
        'listened to them."\n\n'
        "The Chilean Football Federation said it regretted the decision."
    ) == [
        ["Chile and Peru will step up cooperation on fisheries", "reported", None, "said"],
        ["He died at home on May 3 after a short illness", "reported", None, "said"],
        ["He never hid his anger", "reported", None, "recalled"],
        ["But he always listened to them.", "direct", None, "recalled"],
        ["it regretted the decision", "reported", None, "said"],
    ]


def test_a_body_s_own_document_speaks_for_the_body() -> None:
    # "according to a BODY assessment/report [he cited]" is the body, whoever cites it, and so
    # are its figures (changed in wave 31: the adjudicated references of sets 18-180 give a
    # tabled body's own figures to it 10 times of 12); not a meeting's statement named after
    # its city
    assert quotes(
        "Lima had tried to influence the vote, according to a Codelco assessment he cited. "
        "Exports fell, according to an International Maritime Organization (IMO) report. "
        "Prices rose, according to Codelco figures. Chile will host the next summit, "
        "according to the Lima statement."
    ) == [
        ["Lima had tried to influence the vote", "reported", "codelco", "according to"],
        ["Exports fell", "reported", "imo", "according to"],
        ["Prices rose", "reported", "codelco", "according to"],
        ["Chile will host the next summit", "reported", None, "according to"],
    ]


def test_a_nominal_call_is_the_subject_s_speech() -> None:
    # "X opened … with a call for …": the sentence's subject (after a dateline) calls; with
    # no speaker opening the sentence there is no quote
    assert quotes(
        "LIMA.COM, Lima - The International Maritime Organization opened the summit in Lima, "
        "Peru, on Monday with a call for a ban on bottom trawling. Prices rose with a call for "
        "calm from traders."
    ) == [["a ban on bottom trawling", "reported", "imo", "with a call for"]]


def test_according_to_a_source_described_after_a_comma() -> None:
    # a participle clause after the source ("…, adopted on May 21") still closes the
    # attribution; "the agency's report" is the organisation named before it in the sentence,
    # a meeting's statement has no speaker
    assert quotes(
        "Codelco recorded the sale of 236 tonnes of copper in 2023, according to the agency's "
        "latest report, presented at the meeting by Ana Rios. Peru will host the summit again "
        "in 2027, according to the summit's concluding statement, adopted on May 21."
    ) == [
        [
            "Codelco recorded the sale of 236 tonnes of copper in 2023",
            "reported",
            "codelco",
            "according to",
        ],
        ["Peru will host the summit again in 2027", "reported", None, "according to"],
    ]


def test_a_shared_name_with_a_tabled_abbreviation_in_brackets() -> None:
    # "…, the Attorney General's Office (AGO) announced": the name is shared by two actors and
    # left unresolved, the abbreviation in the bracket names the speaker
    import warnings

    shared = Actors.from_records(
        [
            {"id": "chile", "name": "Chile", "type": "country"},
            {"id": "peru", "name": "Peru", "type": "country"},
            {"id": "ago_chile", "name": "Attorney General's Office", "type": "organisation",
             "aliases": ["AGO"], "affiliation": "chile"},
            {"id": "fgn_peru", "name": "Attorney General's Office", "type": "organisation",
             "aliases": ["FGN"], "affiliation": "peru"},
        ]
    )  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = quote_rows(
            "Chile will host the summit next year, the Attorney General's Office (AGO) "
            "announced yesterday.",
            shared,
        )
    assert rows == [["Chile will host the summit next year", "reported", "ago_chile", "announced"]]


def test_agree_after_the_content_is_the_sources_view() -> None:
    # "…, most analysts agree [on that]." is what the sources hold; "agree to" + verb, "agree
    # on a plan" and "Experts agree that …" (an appeal or a joint position) are no quotes
    assert quotes(
        "Lima supplies the fuel, most analysts agree on that. Experts agree that prices will "
        "fall. Chile and Peru agree to extend the deal. Both sides agree on a plan. Prices "
        "will fall, Ana Rios agrees."
    ) == [
        ["Lima supplies the fuel", "reported", None, "agree"],
        ["Prices will fall", "reported", "ana_rios", "agrees"],
    ]


# The default run's 3-minute budget: these early waves' classes run in CI's slow run (make
# test-slow), and the held-out benchmark test of the default run covers their sets.
pytestmark = pytest.mark.slow
