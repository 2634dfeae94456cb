"""Issue 12, wave 5: one regression test per failure class of held-out set 9 (regional crime
cooperation and general news: provinces and cities before their country, city lists, moving
"into"/"to"/"between" places, borders, meeting places, proper names holding a country, an
organisation's name completed by its country, quoted themes, bylines and contact lines,
transcript labels, headline titles, shared spellings after an adjective), on sentences written
for these tests (not taken from the set), with hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.actors import Actors, find_mentions
from analysis.name_forms import (
    DEMONYMS,
    name_forms_mask,
    resolve_by_adjective,
    speaker_label_mask,
)
from analysis.place_forms import place_forms_mask
from analysis.text import tokenize
from tests.conftest import cleaned_mention_rows, make_docs, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "japan", "name": "Japan", "type": "country", "aliases": ["Tokyo"]},
        {"id": "korea", "name": "South Korea", "type": "country", "aliases": ["Seoul"]},
        {"id": "eu", "name": "European Union", "type": "organisation",
         "aliases": ["EU", "Brussels"]},
        {"id": "npa_japan", "name": "National Police Agency", "type": "organisation",
         "affiliation": "japan", "aliases": ["NPA", "National Police Agency of Japan"]},
        {"id": "npa_korea", "name": "Korean National Police Agency", "type": "organisation",
         "affiliation": "korea", "aliases": ["NPA", "KNPA"]},
        {"id": "fiscalia", "name": "Public Prosecutor's Office", "type": "organisation",
         "affiliation": "chile", "aliases": ["Fiscalía Nacional", "FN"]},
        {"id": "rosa_vega", "name": "Rosa Vega", "type": "person", "affiliation": "peru",
         "titles": ["Interior Minister", "Minister of the Interior"], "short": ["Vega"]},
        {"id": "ken_ito", "name": "Ken Ito", "type": "person", "affiliation": "npa_japan",
         "titles": ["Commissioner-General", "NPC"], "short": ["Ito"]},
        {"id": "ama_owusu", "name": "Ama Owusu", "type": "person", "affiliation": "ghana",
         "titles": ["Finance Minister"], "short": ["Owusu", "AMA OWUSU"]},
    ]
)  # fmt: skip


def mentions_of(text: str, actors: Actors = ACTORS) -> list[list]:
    return mention_rows(text, actors)


def cleaned_mentions_of(text: str) -> list[list]:
    return cleaned_mention_rows(text, ACTORS)


# -- places --------------------------------------------------------------------------------------


def test_country_after_a_province_or_a_city_and_the_is_a_place() -> None:
    assert mentions_of("Officers will visit river ports in Cusco region, Peru, and more.") == []
    assert mentions_of("The forum will meet in Tema, the Ghana, in 2027.") == []
    assert mentions_of("The summit will be held in Lima, the Peru, next year.") == []
    # a country that acts after "City, the": "the Chile delegation" (a noun follows) counts
    assert mentions_of("In Arica, the Chile delegation signed.") == [["Chile", "chile"]]
    # a country that speaks after its city still counts (older rule)
    assert mentions_of("Talks in Cusco, Peru says, went well.") == [["Peru", "peru"]]


def test_list_of_cities_after_in_is_all_places() -> None:
    assert mentions_of("The funds went to flats in Nairobi, Mombasa and Lima.") == []
    assert mentions_of("Officers are posted in Santiago and Tokyo.") == []
    # a country written with its name in the list acts: "held in Lima, Peru and Chile agreed"
    assert mentions_of("Talks were held in Lima, Peru and Chile agreed to meet.") == [
        ["Chile", "chile"]
    ]
    # another actor in the list: "a cut in EU and Tokyo tariffs" names actors
    assert mentions_of("a cut in EU and Tokyo tariffs") == [["EU", "eu"], ["Tokyo", "japan"]]


def test_into_a_country_after_a_verb_of_spreading_is_a_place() -> None:
    assert mentions_of("The gang has expanded into Peru and Chile since 2020.") == []
    assert mentions_of("Dirty money keeps coming into Tokyo every year.") == []
    # "an inquiry into Peru's debts" is no movement: Peru counts
    assert mentions_of("An inquiry into Peru's debts began.") == [["Peru's", "peru"]]


def test_travel_and_handover_destinations_are_places_but_recipients_count() -> None:
    assert mentions_of("Rosa Vega travels on to Ghana on Friday.") == [["Rosa Vega", "rosa_vega"]]
    assert mentions_of("She leaves for Kenya tomorrow.") == []
    assert mentions_of("Chile hands over 12 fugitives to Peru at the border.") == [
        ["Chile", "chile"]
    ]
    assert mentions_of("Peru has returned 30 Chilean suspects to Chile since 2020.") == [
        ["Peru", "peru"]
    ]
    # assets go to a state that receives them: a party
    assert mentions_of("Japan is returning stolen assets to Kenya.") == [
        ["Japan", "japan"],
        ["Kenya", "kenya"],
    ]


def test_country_before_border_is_a_place_but_its_border_guards_count() -> None:
    assert mentions_of("Power was cut to five Peru border towns.") == []
    assert mentions_of("Security tightened along Chile border") == []
    assert mentions_of("Patrols at the Peruvian-Chile border since May.") == []
    assert mentions_of("Chile border guards arrested them.") == [["Chile", "chile"]]
    # wave 23 (changed): a compound of two tabled countries before "border" locates too: the
    # adjudicated references of waves 17-23 leave it uncoded (those of waves 14-16 code both);
    # a dispute over it makes them parties
    assert mentions_of("at the Peru-Chile border") == []
    assert mentions_of("the Peru-Chile border dispute") == [["Peru", "peru"], ["Chile", "chile"]]


def test_country_among_places_after_moving_between_is_a_place() -> None:
    assert mentions_of("Gangs are moving between the two countries and Ghana.") == []
    assert mentions_of("Flights between Lima and Santiago resumed.") == []
    # trade between two countries makes them parties
    assert mentions_of("Trade between Peru and Chile grew.") == [
        ["Peru", "peru"],
        ["Chile", "chile"],
    ]


def test_city_of_a_meeting_with_a_person_is_a_place() -> None:
    text = "Interior Minister Rosa Vega received Ken Ito in Lima. Vega thanked him."
    assert mentions_of(text) == [
        ["Interior Minister Rosa Vega", "rosa_vega"],
        ["Ken Ito", "ken_ito"],
        ["Vega", "rosa_vega"],
    ]
    # without a verb of meeting the older rule stands: "Rosa Vega in Peru" counts Peru
    assert mentions_of("Rosa Vega in Peru.") == [["Rosa Vega", "rosa_vega"], ["Peru", "peru"]]


def test_market_in_an_organisation_territory_is_a_place() -> None:
    assert mentions_of("The app has 40 million users in the EU.") == []
    assert mentions_of("Members in the EU voted.") == [["EU", "eu"]]


# -- proper names --------------------------------------------------------------------------------


def test_proper_names_ending_in_a_country_are_not_the_country() -> None:
    assert mentions_of("He met the Bank of Ghana and the University of Chile.") == []
    assert mentions_of("Most polls agreed. Axis My Kenya gave the party 40 seats.") == []
    # "the Government of Peru" is the state
    assert mentions_of("the Government of Peru") == [["Peru", "peru"]]


def test_organisation_with_its_abbreviation_then_of_country_is_one_mention() -> None:
    text = "The National Police Agency (NPA) of Japan and Chile signed."
    assert mentions_of(text) == [["National Police Agency", "npa_japan"], ["Chile", "chile"]]
    # an untabled body: the country counts
    assert mentions_of("The Border Office (BO) of Japan signed.") == [["Japan", "japan"]]


def test_own_title_with_its_country_in_apposition_is_one_mention() -> None:
    text = "Rosa Vega, Minister of the Interior of Peru, said so."
    assert mentions_of(text) == [["Rosa Vega", "rosa_vega"]]
    # a description that is not her listed title keeps the country
    assert mentions_of("Rosa Vega, a member of the Senate of Peru, said so.") == [
        ["Rosa Vega", "rosa_vega"],
        ["Peru", "peru"],
    ]


def test_local_name_inside_the_abbreviation_brackets_is_one_mention() -> None:
    text = "The Public Prosecutor's Office (Fiscalía Nacional, FN) filed the case."
    assert mentions_of(text) == [["Public Prosecutor's Office", "fiscalia"]]
    # abbreviations="both" counts each spelling
    docs = make_docs(text)
    m = find_mentions(tokenize(docs), ACTORS, docs=docs, abbreviations="both")
    assert m["surface"].tolist() == ["Public Prosecutor's Office", "Fiscalía Nacional", "FN"]


def test_tabled_name_inside_a_quoted_theme_is_not_a_mention() -> None:
    text = 'The forum, themed "A Safer Peru for All", opened. Chile attended.'
    assert mentions_of(text) == [["Chile", "chile"]]
    assert mentions_of('The theme, "Peru Together", was chosen.') == []
    # a quotation after a speech verb keeps its mentions
    assert mentions_of('Vega said "Chile must act".') == [["Chile", "chile"]]


def test_shared_spelling_goes_to_the_country_of_the_adjective_before_it() -> None:
    text = "Japan and South Korea met. The Korean NPA said so. The Japanese NPA agreed."
    assert mentions_of(text) == [
        ["Japan", "japan"],
        ["South Korea", "korea"],
        ["NPA", "npa_korea"],
        ["NPA", "npa_japan"],
    ]
    assert DEMONYMS["japanese"] == "japan"


def test_generic_institution_alias_counts_only_where_its_country_or_people_are_named() -> None:
    actors = Actors.from_records(
        [
            {"id": "india", "name": "India", "type": "country"},
            {"id": "argentina", "name": "Argentina", "type": "country"},
            {"id": "inc", "name": "Indian National Congress", "type": "organisation",
             "affiliation": "india", "aliases": ["Congress", "INC"]},
            {"id": "raj", "name": "Raj Mehta", "type": "person", "affiliation": "inc",
             "titles": ["Congress leader"]},
        ]
    )  # fmt: skip
    # Argentina's Congress is not India's party
    assert mention_rows("Argentina's president asked Congress to act.", actors) == [
        ["Argentina's", "argentina"]
    ]
    # licensed by the country, by another spelling or by one of its people
    assert mention_rows("In India, Congress won.", actors)[-1] == ["Congress", "inc"]
    assert mention_rows("The INC said Congress won.", actors) == [
        ["INC", "inc"],
        ["Congress", "inc"],
    ]
    assert mention_rows("Congress leader Raj Mehta spoke. Congress won.", actors) == [
        ["Congress leader Raj Mehta", "raj"],
        ["Congress", "inc"],
    ]


# -- page furniture, labels, headlines -----------------------------------------------------------


def test_byline_line_with_its_city_is_not_a_mention() -> None:
    text = "EU fines a marketplace\n\nAnna Berg in Brussels\n\nThe EU fined the firm."
    assert mentions_of(text) == [["EU", "eu"], ["EU", "eu"]]


def test_tags_and_media_enquiries_lines_are_boilerplate() -> None:
    text = (
        "Chile fines a bank\n\nChile fined the bank on Monday.\n\n"
        "Tags: Banking, Santiago, Peru\n\nMedia enquiries: (02) 555 0100 | EU Media Unit\n"
    )
    assert cleaned_mentions_of(text) == [["Chile", "chile"], ["Chile", "chile"]]


def test_transcript_speaker_label_in_capitals_is_a_mention() -> None:
    text = (
        "PRESENTER: Minister, when will it arrive?\n\n"
        "AMA OWUSU: Within 60 days.\n\nPRESENTER: Thank you.\n\nAMA OWUSU: Thank you."
    )
    assert mentions_of(text) == [["AMA OWUSU", "ama_owusu"], ["AMA OWUSU", "ama_owusu"]]
    # a city in capitals before a colon is still a dateline
    assert mentions_of("LIMA: The talks ended. Peru agreed.") == [["Peru", "peru"]]


def test_headline_title_alone_after_says_or_before_an_action_verb_is_a_mention() -> None:
    text = "Police to share data, says NPC\n\nCommissioner-General Ken Ito said so."
    assert mentions_of(text) == [
        ["NPC", "ken_ito"],
        ["Commissioner-General Ken Ito", "ken_ito"],
    ]
    text = (
        "Live: budget day\n\nThe debate opened.\n\n"
        "2:30 PM\nFinance Minister thanks voters\n\nFinance Minister Ama Owusu spoke."
    )
    assert mentions_of(text) == [
        ["Finance Minister", "ama_owusu"],
        ["Finance Minister Ama Owusu", "ama_owusu"],
    ]


def test_one_word_acronym_or_hyphenated_title_after_the_is_a_mention() -> None:
    text = (
        "Commissioner-General Ken Ito spoke. Later the Commissioner-General left. The NPC agreed."
    )
    assert mentions_of(text) == [
        ["Commissioner-General Ken Ito", "ken_ito"],
        ["the Commissioner-General", "ken_ito"],
        ["The NPC", "ken_ito"],
    ]


# -- the functions on their own ------------------------------------------------------------------


def test_mask_functions_accept_empty_tables() -> None:
    docs = make_docs("Nothing here.")
    toks = tokenize(docs)
    from analysis.token_context import TokenContext

    ctx = TokenContext(toks)
    empty = find_mentions(toks, ACTORS, docs=docs)
    assert empty.empty
    named = pd.DataFrame(
        {"doc_id": pd.Categorical([], categories=["d1"]), "tok": [], "n_tok": [],
         "matched": [], "actor_id": [], "via": []}
    )  # fmt: skip
    assert place_forms_mask(named, ctx, {"peru"}).tolist() == []
    assert name_forms_mask(named, ctx, ACTORS, {"peru"}).tolist() == []
    assert speaker_label_mask(named, ctx, {"rosa_vega"}).tolist() == []
    extra = pd.DataFrame({"doc_id": [], "start": [], "end": [], "key": []})
    assert resolve_by_adjective(extra, extra, {}, ACTORS, toks) is extra
    assert np.asarray(place_forms_mask(named, ctx, set())).dtype == bool


# The default run's 3-minute budget: these early waves' classes run in CI's slow run (make
# test-slow), and the held-out benchmark test of the default run covers their sets.
pytestmark = pytest.mark.slow
