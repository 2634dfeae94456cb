"""Issue 12, wave 10 (second helper): one regression test per quote failure class of held-out
set 16 (a claim with a plain object, a body named in apposition after a country's possessive
description, a body after a possessive written with the apostrophe alone, a pronoun after a
meeting with a person introduced by the honorific "H.E."), on sentences written for these
tests (not taken from the set), with hand-computed values: ``[text, kind, speaker_id, cue]``
per quote."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "kcga", "name": "Kenya Coast Guard Service", "type": "organisation",
         "affiliation": "kenya", "aliases": ["KCGS"]},
        {"id": "odpp_ghana", "name": "Office of the Director of Public Prosecutions",
         "type": "organisation", "affiliation": "ghana", "aliases": ["ODPP"]},
        {"id": "cobra", "name": "Cobra", "type": "group"},
        {"id": "honduras", "name": "Honduras", "type": "country"},
        {"id": "mp_honduras", "name": "Public Ministry", "type": "organisation",
         "affiliation": "honduras"},
        {"id": "ama_owusu", "name": "Ama Owusu", "type": "person", "titles": ["Ms"],
         "short": ["Owusu"]},
        {"id": "peter_mwangi", "name": "Peter Mwangi", "type": "person",
         "titles": ["H.E.", "Mr"], "short": ["Mwangi"]},
        {"id": "kofi_boateng", "name": "Kofi Boateng", "type": "person",
         "titles": ["Mr"], "short": ["Boateng"]},
    ]
)  # fmt: skip


def quotes(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


def test_a_claim_with_a_plain_object_is_not_what_is_said() -> None:
    # "claimed responsibility" / "claims victory" say what was done; a clause stays speech
    assert quotes("The Cobra gang has claimed responsibility for the attack.") == []
    assert quotes("A hospital was hit, and Cobra has claimed responsibility.") == []
    assert quotes("Cobra claims victory in Accra.") == []
    assert quotes("Cobra claimed it had stolen the files.") == [
        ["it had stolen the files", "reported", "cobra", "claimed"]
    ]


def test_a_body_named_in_apposition_after_a_possessive_description_speaks() -> None:
    assert quotes("Kenya's maritime security agency, KCGS, said it was monitoring the spill.") == [
        ["it was monitoring the spill", "reported", "kcga", "said"]
    ]
    assert quotes("Ghana's prosecution service, the ODPP, said the case would resume.") == [
        ["the case would resume", "reported", "odpp_ghana", "said"]
    ]
    # a person in apposition still speaks as before
    assert quotes("Ghana's chief prosecutor, Ms Ama Owusu, said the case would resume.") == [
        ["the case would resume", "reported", "ama_owusu", "said"]
    ]


def test_a_body_after_a_bare_apostrophe_possessive_speaks() -> None:
    text = "An official of Honduras' Public Ministry said it was slow."
    assert quotes(text) == [["it was slow", "reported", "mp_honduras", "said"]]
    text = "Honduras' Public Ministry said the boats had left."
    assert quotes(text) == [["the boats had left", "reported", "mp_honduras", "said"]]
    # the country alone still speaks
    assert quotes("Honduras said the boats had left.") == [
        ["the boats had left", "reported", "honduras", "said"]
    ]


def test_a_pronoun_after_a_meeting_with_an_he_honorific_is_the_subject() -> None:
    text = (
        "Mr Kofi Boateng led the delegation. Boateng held talks with H.E. Peter Mwangi, "
        "envoy of Kenya. He said Ghana was ready to share its experience."
    )
    assert quotes(text) == [
        ["Ghana was ready to share its experience", "reported", "kofi_boateng", "said"]
    ]


def test_people_from_a_tabled_body_speak_for_it() -> None:
    assert quotes("Observers from the ODPP said they had found no fraud.") == [
        ["they had found no fraud", "reported", "odpp_ghana", "said"]
    ]
    # people from a country or from "an X member state" stay unnamed
    assert quotes("Residents from Kenya said they had found no fraud.") == [
        ["they had found no fraud", "reported", None, "said"]
    ]


def test_a_pronoun_object_of_a_proposal_is_not_what_is_said() -> None:
    assert quotes("Ghana wants a hotline. Kenya has proposed one for years.") == []
    assert quotes("Kenya suggested it at the summit.") == []
    # a thing proposed, or a clause, stays
    assert quotes("Kenya proposed a joint list of contact prosecutors for fraud cases.") == [
        ["a joint list of contact prosecutors for fraud cases", "reported", "kenya", "proposed"]
    ]
    assert quotes("Kenya suggested it would host the talks.") == [
        ["it would host the talks", "reported", "kenya", "suggested"]
    ]


def test_a_footnote_marker_after_the_end_mark_closes_the_sentence() -> None:
    text = (
        'An official of Ghana said the files took "six months".⁴ A Kenyan prosecutor '
        'described the channel as "slow".'
    )
    # (the first quote's text keeps the marker after its end mark: only speakers are checked;
    # the Kenyan prosecutor speaks for the table's Kenya, wave 22, not for Ghana)
    assert [q[1:] for q in quotes(text)] == [
        ["reported", "ghana", "said"],
        ["direct", "kenya", "described"],
    ]
    assert quotes(text)[1][0] == "slow"
