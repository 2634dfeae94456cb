"""Issue 12, wave 11: one regression test per class of quotes missed or wrong in held-out set
17 (charges in the passive and as a participle, notices "informed X that", concerns raised,
cease orders, requests with "encouraged"), on sentences written for these tests (other names,
countries and outlets than the set's), with hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "usa", "name": "United States", "type": "country", "aliases": ["US", "Washington"]},
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "acma", "name": "Australian Communications and Media Authority",
         "type": "organisation", "aliases": ["ACMA"]},
        {"id": "ana_diaz", "name": "Ana Diaz", "type": "person", "short": ["Diaz"],
         "titles": ["Minister"]},
        {"id": "tom_berg", "name": "Tom Berg", "type": "person", "short": ["Berg"],
         "titles": ["Commissioner"]},
    ]
)  # fmt: skip


def quotes_of(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


# -- 1. a charge in the passive, "accused by X of Y": Y is X's ---------------------------------


def test_a_passive_charge_is_a_quote_of_the_agent() -> None:
    text = "The port has long been accused by Washington of hosting smuggling rings."
    assert quotes_of(text) == [["hosting smuggling rings", "reported", "usa", "accused"]]
    text = "A banker accused by Nairobi of laundering money for a cartel, was arrested on Friday."
    assert quotes_of(text) == [["laundering money for a cartel", "reported", "kenya", "accused"]]
    text = "The firm is accused by Lima of evading taxes on copper exports."
    assert quotes_of(text) == [["evading taxes on copper exports", "reported", "peru", "accused"]]
    # no "of" clause, or no agent of the table: nothing
    assert quotes_of("He was accused by the Kenyan press.") == []
    assert quotes_of("He was accused of fraud in Peru.") == []


# -- 2. a charge as a participle, "accusing X of Y" --------------------------------------------


def test_a_charge_as_a_participle() -> None:
    text = "Ana Diaz said the deal was signed, accusing the opposition of lying."
    assert quotes_of(text) == [
        ["the deal was signed", "reported", "ana_diaz", "said"],
        ["the opposition of lying", "reported", "ana_diaz", "accusing"],
    ]
    # an unnamed party: "each side accusing the other of …" (NA speaker)
    text = "The talks collapsed on Friday, with each side accusing the other of breaking the truce."
    assert quotes_of(text) == [["the other of breaking the truce", "reported", None, "accusing"]]
    text = 'Delegates walked out, accusing rich countries of "cooking the books".'
    assert quotes_of(text) == [
        ['rich countries of "cooking the books"', "reported", None, "accusing"]
    ]


# -- 3. a notice, "informed X that …" ----------------------------------------------------------


def test_informed_someone_that_is_a_quote() -> None:
    text = "Minister Ana Diaz informed her Kenyan counterparts that Peru would open an office."
    assert quotes_of(text) == [["Peru would open an office", "reported", "ana_diaz", "informed"]]
    text = "Tom Berg informed the committee on Monday that the audit was finished."
    assert quotes_of(text) == [["the audit was finished", "reported", "tom_berg", "informed"]]
    # informing someone of nothing said, or being informed: nothing
    assert quotes_of("Ana Diaz informed the police.") == []
    assert quotes_of("Ana Diaz was informed by Kenya about the raid.") == []


# -- 4. concerns raised, "raised concerns that …" ----------------------------------------------


def test_raised_concerns_that_is_a_quote() -> None:
    text = "Washington has raised concerns that the rule targets American firms."
    assert quotes_of(text) == [
        ["the rule targets American firms", "reported", "usa", "raised concerns"]
    ]
    text = "Kenya raises concerns that the dam will dry the lake."
    assert quotes_of(text) == [
        ["the dam will dry the lake", "reported", "kenya", "raises concerns"]
    ]
    # concerns about a thing name no content
    assert quotes_of("Kenya raised concerns about the dam.") == []


# -- 5. a cease order, "ordered X to stop …" ---------------------------------------------------


def test_a_cease_order_is_a_quote() -> None:
    text = "ACMA also ordered the carrier to stop charging the fee in existing contracts."
    assert quotes_of(text) == [
        ["the carrier to stop charging the fee in existing contracts", "reported", "acma",
         "ordered"],
    ]  # fmt: skip
    text = "Commissioner Tom Berg ordered the bank to cease selling the bonds."
    assert quotes_of(text) == [
        ["the bank to cease selling the bonds", "reported", "tom_berg", "ordered"]
    ]
    # orders that are acts, and orders of things: nothing
    assert quotes_of("Peru ordered six diplomats to leave the country.") == []
    assert quotes_of("ACMA ordered a review of the contracts.") == []
    assert quotes_of("Kenya ordered the release of the crew.") == []


# -- 6. a request with "encouraged" + what is asked for ----------------------------------------


def test_encouraged_with_what_is_asked_for_is_a_quote() -> None:
    text = "Commissioner Tom Berg encouraged closer ties between the regulators of the region."
    assert quotes_of(text) == [
        ["closer ties between the regulators of the region", "reported", "tom_berg",
         "encouraged"],
    ]  # fmt: skip
    text = "Peru encourages wider use of the shared register."
    assert quotes_of(text) == [
        ["wider use of the shared register", "reported", "peru", "encourages"]
    ]
    # encouraged by something, encouraged to act, a person encouraged: nothing
    assert quotes_of("Ana Diaz was encouraged by the results.") == []
    assert quotes_of("Ana Diaz encouraged Tom Berg to run.") == []
    assert quotes_of("Kenya encouraged students to apply.") == []


# -- 7. ragged wrapping: lines cut mid-sentence at varying widths ------------------------------


RAGGED = (
    "Minister Ana Diaz, who opened the meeting in the capital,\n"
    'said the register "turns promises into deadlines".\n'
    "\n"
    "Commissioner Tom Berg of Kenya reiterated\n"
    "Kenya's support for the regional court and announced that\n"
    "the authority would train 50 inspectors in the next\n"
    "two years.\n"
)


def test_ragged_wrapping_is_unwrapped() -> None:
    import pandas as pd

    from analysis.actors import find_mentions
    from analysis.quotes import find_quotes
    from analysis.text import tokenize, wrapped_documents

    docs = pd.DataFrame({"doc_id": ["d1"], "text": [RAGGED]})
    assert wrapped_documents(docs)["wrapped"].tolist() == [True]
    toks = tokenize(docs)
    q = find_quotes(docs, toks, find_mentions(toks, ACTORS, docs=docs))
    assert q[["text", "speaker_id", "cue"]].values.tolist() == [
        ['the register "turns promises into deadlines"', "ana_diaz", "said"],
        ["Kenya's support for the regional court", "tom_berg", "reiterated"],
        ["the authority would train 50 inspectors in the next\ntwo years", "tom_berg",
         "announced"],
    ]  # fmt: skip
    # one paragraph per line, capitalised lines of a list: not wrapped
    listing = "Minister Ana Diaz said the plan works.\nKenya agreed.\nPeru\nNairobi\nLima\n"
    docs = pd.DataFrame({"doc_id": ["d2"], "text": [listing]})
    assert wrapped_documents(docs)["wrapped"].tolist() == [False]


# -- 8. a closing source of a nationality adjective and a body ---------------------------------


def test_a_closing_demonym_body_speaks_for_its_country() -> None:
    text = "Peru sent a team. The team will stay until May, the Peruvian government said."
    assert quotes_of(text) == [["The team will stay until May", "reported", "peru", "said"]]
    text = (
        "Kenya signed the deal. Half of the funds go to clinics and the rest to roads, the "
        "Kenyan finance ministry said on Monday."
    )
    assert quotes_of(text) == [
        ["Half of the funds go to clinics and the rest to roads", "reported", "kenya", "said"]
    ]
    # the country not named in the text: an NA speaker, as before
    text = "The doses will arrive in May, a Chilean official said."
    assert quotes_of(text) == [["The doses will arrive in May", "reported", None, "said"]]


# -- 9. a closing finding, "…, X reports have found." ------------------------------------------


def test_a_closing_finding_after_have() -> None:
    text = "Most ports launder cash for the gangs, ACMA reports have found."
    assert quotes_of(text) == [
        ["Most ports launder cash for the gangs", "reported", "acma", "found"]
    ]
    text = "Fees rose by a third in two years, ACMA has found."
    assert quotes_of(text) == [["Fees rose by a third in two years", "reported", "acma", "found"]]
    # a plain object, or no content before: nothing
    assert quotes_of("ACMA has found the missing files.") == []
    assert quotes_of("Investigators in Peru have found.") == []


# -- 10. a negotiator by nationality speaks for the named country ------------------------------


def test_a_negotiator_by_nationality_speaks_for_the_country() -> None:
    text = (
        "Kenya sent a team. A Kenyan negotiator said rich nations should "
        '"pay what they owe". Peru agreed.'
    )
    assert quotes_of(text) == [
        ['rich nations should "pay what they owe"', "reported", "kenya", "said"]
    ]
    # the country not named in the text: no speaker of the table
    text = "A Chilean negotiator said rich nations should pay what they owe."
    assert quotes_of(text) == []


# -- 11. an unnamed official of a tabled body, then a relative clause, then a second predicate --


def test_an_official_of_a_body_before_a_relative_clause_and_a_second_predicate() -> None:
    text = (
        "An official of ACMA, which licenses the carriers, welcomed the ruling and said the "
        "fees must fall."
    )
    assert quotes_of(text) == [["the fees must fall", "reported", "acma", "said"]]
    text = (
        "A spokesman for Kenya, which hosts the talks, praised the plan and said the "
        "vote would come in May."
    )
    assert quotes_of(text) == [["the vote would come in May", "reported", "kenya", "said"]]
    # a source of no tabled body: nothing
    text = "A farmer, who owns the land, welcomed the plan and said the rain had come."
    assert quotes_of(text) == []


# -- 12. a cue closing a relative clause on its object says nothing -----------------------------


def test_a_cue_closing_an_object_relative_clause_is_no_quote() -> None:
    text = (
        "Whether Peru and Kenya sign the protocol that Lima has proposed, and whether the "
        "summit mentions the junta."
    )
    assert quotes_of(text) == []
    assert quotes_of("Kenya backed the plan which Ana Diaz proposed.") == []
    # a complement clause after a verb stays what is said
    text = "Ana Diaz said that Kenya has proposed a new deal."
    assert quotes_of(text) == [["Kenya has proposed a new deal", "reported", "ana_diaz", "said"]]
