"""Issue 12, wave 26: a regression test per class of quotes wrong in held-out set 144 (long-form
investigations; read after its blind score): "he"/"she" after a sentence whose subject is a
private person the table does not know ("Tran Thi Lan, a retired nurse, put …", "For Madam Lee,
the cheque …", "One victim, a 29-year-old Kenyan, spent …") is that person, not the tabled
person named earlier; a nationality adjective before a private person's noun ("A Cambodian
defence lawyer said") does not make the state the speaker. Guards: a place opening the sentence
("In Mae Sot, the mood …") and the tabled person's own apposition keep the earlier speaker;
"a Ruritanian justice ministry official" still speaks for Ruritania. Sentences written for these
tests, with hand-computed values. Also "reminded them that …" and "responded that …" as cues."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "vera", "name": "Vera Kos", "type": "person", "affiliation": "ruritania",
         "titles": ["Prosecutor-General"], "short": ["Kos"]},
    ]
)  # fmt: skip

OPENING = "Prosecutor-General Vera Kos said the case was closed.\n\n"


def test_a_pronoun_after_a_private_persons_sentence_is_that_person() -> None:
    text = OPENING + (
        "Tran Thi Lan, a retired nurse in Thu Duc City, put her savings into the bonds. "
        '"My daughter told me not to," she said.\n\n'
        'For Madam Lee, the cheque came to a third of her loss. "I will take it," she said.\n\n'
        "One victim, a 29-year-old Kenyan, spent eight months in the compound. "
        '"I was counting other people\'s money all day," he said.'
    )
    assert quote_rows(text, ACTORS) == [
        ["the case was closed", "reported", "vera", "said"],
        ["My daughter told me not to,", "direct", None, "said"],
        ["I will take it,", "direct", None, "said"],
        ["I was counting other people's money all day,", "direct", None, "said"],
    ]


def test_a_place_or_the_tabled_persons_apposition_keeps_the_speaker() -> None:
    text = OPENING + (
        'In Mae Sot, the mood was tense. "We will act," she said.\n\n'
        'Vera Kos, the prosecutor-general, was firm. "No one is above the law," she said.'
    )
    assert quote_rows(text, ACTORS) == [
        ["the case was closed", "reported", "vera", "said"],
        ["We will act,", "direct", "vera", "said"],
        ["No one is above the law,", "direct", "vera", "said"],
    ]


def test_a_private_person_of_a_nationality_does_not_speak_for_the_state() -> None:
    text = (
        "Ruritania deported 40 people on Monday.\n\n"
        "A Ruritanian defence lawyer who represented some of them said his clients were never "
        "shown the evidence.\n\n"
        "A Ruritanian justice ministry official said the men had been deported lawfully."
    )
    assert quote_rows(text, ACTORS) == [
        ["his clients were never shown the evidence", "reported", None, "said"],
        ["the men had been deported lawfully", "reported", "ruritania", "said"],
    ]


def test_reminded_that_and_responded_that_are_cues() -> None:
    text = (
        "Vera Kos urged citizens to be wary of job offers and reminded them that taking part in "
        "fraud abroad is a crime.\n\n"
        "Kos responded that Ruritania would process the request.\n\n"
        "She was reminded of the rules by her staff."
    )
    assert quote_rows(text, ACTORS) == [
        ["citizens to be wary of job offers", "reported", "vera", "urged"],
        ["taking part in fraud abroad is a crime", "reported", "vera", "reminded"],
        ["Ruritania would process the request", "reported", "vera", "responded that"],
    ]
