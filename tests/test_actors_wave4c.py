"""Issue 12, wave 4 ter: one regression test per failure class of held-out set 8 (international
news: wire datelines, a press release, link lists, proper names holding a country, origins,
meeting places, titles, a UN News Q&A), on sentences written for these tests (not taken from the
set), with hand-computed values."""

from __future__ import annotations

import warnings

import pytest

from analysis.actors import Actors, find_mentions
from analysis.quotes import find_quotes
from analysis.text import tokenize
from tests.conftest import cleaned_mention_rows, make_docs, mention_rows

ACTORS = Actors.from_records(
    [
        {"id": "peru", "name": "Peru", "type": "country", "aliases": ["Lima"]},
        {"id": "chile", "name": "Chile", "type": "country", "aliases": ["Santiago"]},
        {"id": "kenya", "name": "Kenya", "type": "country", "aliases": ["Nairobi"]},
        {"id": "ghana", "name": "Ghana", "type": "country", "aliases": ["Accra"]},
        {"id": "un", "name": "United Nations", "type": "organisation", "aliases": ["UN"]},
        {"id": "eu", "name": "European Union", "type": "organisation",
         "aliases": ["EU", "Brussels"]},
        {"id": "unsc", "name": "UN Security Council", "type": "organisation",
         "aliases": ["Security Council"]},
        {"id": "pfa", "name": "Pacific Foreign Office", "type": "organisation",
         "affiliation": "peru"},
        {"id": "rosa_vega", "name": "Rosa Vega", "type": "person", "affiliation": "peru",
         "aliases": ["Vega"]},
    ]
)  # fmt: skip


def mentions_of(text: str, actors: Actors = ACTORS) -> list[list]:
    return mention_rows(text, actors)


def cleaned_mentions_of(text: str) -> list[list]:
    return cleaned_mention_rows(text, ACTORS)


# -- 1. datelines and page leftovers --------------------------------------------------------


def test_capitalised_city_dateline_with_its_country_before_the_date_is_not_a_mention() -> None:
    text = "LIMA, Peru, March 3, 2025 (AFP) - Chile signed the pact."
    assert mentions_of(text) == [["Chile", "chile"]]
    # a city opening an ordinary sentence still names its government
    assert mentions_of("Lima, Santiago, and Accra signed the pact.")[0] == ["Lima", "peru"]


def test_press_release_dateline_line_and_letterhead_are_not_mentions() -> None:
    text = (
        "Pacific Foreign Office\nNews release\n\n"
        "Peru expands its aid to Kenya\n\n"
        "March 3, 2025 - Lima, Peru - Pacific Foreign Office\n\n"
        "Today Peru announced new aid for Kenya."
    )
    assert cleaned_mentions_of(text) == [
        ["Peru", "peru"], ["Kenya", "kenya"], ["Peru", "peru"], ["Kenya", "kenya"],
    ]  # fmt: skip


def test_contact_block_under_a_bare_contacts_heading_is_not_a_mention() -> None:
    text = (
        "Peru sent aid to Ghana's capital.\n\n"
        "Contacts\n\n"
        "Press Office\nPacific Foreign Office\n+51 1 555 0100\npress@example.org"
    )
    assert cleaned_mentions_of(text) == [["Peru", "peru"]]


def test_link_lists_under_related_topics_and_associated_links_are_not_mentions() -> None:
    text = "Chile signed the pact.\n\nRelated Topics\nTrade\nKenya\n"
    assert cleaned_mentions_of(text) == [["Chile", "chile"]]
    text = "Chile signed the pact.\n\nAssociated links\n\n- Aid to Kenya\n- Sanctions on Peru\n"
    assert cleaned_mentions_of(text) == [["Chile", "chile"]]


# -- 2. a tabled name inside a longer proper name --------------------------------------------


def test_capital_inside_a_treaty_name_is_not_the_country() -> None:
    assert mentions_of("Chile joined the Lima Accord in 2019.") == [["Chile", "chile"]]
    # the city as a place of talks is covered below; "Lima's accord" names the government
    assert mentions_of("Chile welcomed Lima's accord.") == [
        ["Chile", "chile"], ["Lima's", "peru"],
    ]  # fmt: skip


def test_country_in_a_spanish_name_or_a_bracketed_regulation_title_is_not_the_country() -> None:
    assert mentions_of("The firm Banco de Chile paid the fine.") == []
    assert mentions_of("Kenya acted under the Special Measures (Peru) Regulations.") == [
        ["Kenya", "kenya"],
    ]  # fmt: skip
    # "(Peru)" after an ordinary word is no name
    assert mentions_of("The ministry of trade (Peru) objected.") == [["Peru", "peru"]]


def test_tabled_name_ending_a_longer_name_after_word_and_is_not_that_actor() -> None:
    assert mentions_of("The EU Peace and Security Council met.") == [["EU", "eu"]]
    # a list of two actors keeps both
    assert mentions_of("Kenya and Security Council members met.") == [
        ["Kenya", "kenya"], ["Security Council", "unsc"],
    ]  # fmt: skip


def test_outlet_named_after_an_organisation_is_not_the_organisation() -> None:
    assert mentions_of("UN News spoke to the envoy.") == []
    assert mentions_of("UN News: What do refugees need?") == []
    # the organisation acting is kept
    assert mentions_of("The UN said aid was short.") == [["UN", "un"]]


# -- 3. places: origins, inflows, meeting places, the people of X ----------------------------


def test_people_from_a_country_and_migration_from_it_are_origins() -> None:
    assert mentions_of("Ten women from Kenya and Ghana were rescued.") == []
    assert mentions_of("The women, from Kenya, were rescued.") == []
    assert mentions_of("Chile tracked migration from Peru.") == [["Chile", "chile"]]
    # officials from a country act for it
    assert mentions_of("Officials from Peru signed the pact.") == [["Peru", "peru"]]


def test_people_pouring_into_a_country_is_a_goal() -> None:
    assert mentions_of("Refugees pour into Kenya as fighting spreads.") == []
    assert mentions_of("Thousands fled into Ghana overnight.") == []
    # "into" after other verbs is unchanged
    assert mentions_of("Peru looked into Chile's offer.") == [
        ["Peru", "peru"], ["Chile's", "chile"],
    ]  # fmt: skip


def test_capital_naming_a_meetings_place_is_a_place() -> None:
    assert mentions_of("Peru, Chile agree on fishing at Nairobi summit") == [
        ["Peru", "peru"], ["Chile", "chile"],
    ]  # fmt: skip
    assert mentions_of("Chile signed the deal after talks in Brussels.") == [["Chile", "chile"]]
    # the organisation's seat acting stays a mention
    assert mentions_of("Brussels rejected the plan.") == [["Brussels", "eu"]]


def test_the_brave_people_of_a_country_are_people() -> None:
    assert mentions_of("Chile stands with the brave people of Peru.") == [["Chile", "chile"]]


# -- 4. a country possessive in a tabled person's title: one mention, of the person ----------


def test_country_possessive_title_before_or_after_a_tabled_person_is_one_mention() -> None:
    assert mentions_of("Peru's foreign minister, Rosa Vega, said the pact would hold.") == [
        ["Rosa Vega", "rosa_vega"],
    ]  # fmt: skip
    assert mentions_of("Rosa Vega, Peru's foreign minister, signed it.") == [
        ["Rosa Vega", "rosa_vega"],
    ]  # fmt: skip
    # the country speaking about the person is two actors
    assert mentions_of("Peru's foreign ministry said Vega would attend.") == [
        ["Peru's", "peru"], ["Vega", "rosa_vega"],
    ]  # fmt: skip
    # changed in wave 26: a formal title in capitals closed by a comma is part of the post too
    # (set 2 kept the country; the references of sets 18-144 leave it uncoded 15 times of 15);
    # with a verb right after the title the country stays
    assert mentions_of("Rosa Vega, Peru's Minister of Foreign Affairs, signed it.") == [
        ["Rosa Vega", "rosa_vega"],
    ]  # fmt: skip
    assert mentions_of("Rosa Vega, Peru's Minister of Foreign Affairs signed it.") == [
        ["Rosa Vega", "rosa_vega"], ["Peru's", "peru"],
    ]  # fmt: skip


# -- 5. quotes: datelines, addressees, accusations --------------------------------------------


def quotes_of(text: str) -> list[list]:
    docs = make_docs(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tokens = tokenize(docs)
        m = find_mentions(tokens, ACTORS, docs=docs)
        q = find_quotes(docs, tokens, m)
    return q[["speaker_id", "cue", "text"]].fillna("").values.tolist()


def test_reported_content_starts_after_the_dateline() -> None:
    assert quotes_of("LIMA, March 3 (AFP) - Peru will cut tariffs, Rosa Vega said.") == [
        ["rosa_vega", "said", "Peru will cut tariffs"],
    ]  # fmt: skip
    assert quotes_of("NAIROBI — Kenya will send police, Rosa Vega said.") == [
        ["rosa_vega", "said", "Kenya will send police"],
    ]  # fmt: skip
    # a capitalised word opening ordinary content stays
    assert quotes_of("EU rules will change, Rosa Vega said.") == [
        ["rosa_vega", "said", "EU rules will change"],
    ]  # fmt: skip


def test_named_addressee_before_that_is_not_what_is_said() -> None:
    assert quotes_of("Chile warned Peru that the talks would fail.") == [
        ["chile", "warned", "the talks would fail"],
    ]  # fmt: skip
    # "that" inside the content after an ordinary object stays
    assert quotes_of("Chile warned the deal that Peru signed would fail.") == [
        ["chile", "warned", "the deal that Peru signed would fail"],
    ]  # fmt: skip


def test_accused_x_of_y_is_reported_speech_but_the_passive_is_not() -> None:
    assert quotes_of("Chile accused Peru of hiding the data.") == [
        ["chile", "accused", "Peru of hiding the data"],
    ]  # fmt: skip
    assert quotes_of("The man, who is accused of fraud, left Kenya.") == []


def test_words_after_a_cue_saying_how_or_when_are_not_content() -> None:
    # the reported reading after the cue is dropped; what precedes it is not changed
    text = "Rosa Vega warned as fighting spread."
    assert quotes_of(text) == []
    assert quotes_of("Rosa Vega said, speaking on condition of anonymity.") == []
    assert quotes_of("Rosa Vega said in a statement.") == []
    # with "that" the content follows
    assert quotes_of("Rosa Vega said in a statement that Peru would pay.") == [
        ["rosa_vega", "said", "Peru would pay"],
    ]  # fmt: skip
    # "described … as" keeps its content
    assert quotes_of('Rosa Vega described the pact as "a new path".')[0][:2] == [
        "rosa_vega", "described",
    ]  # fmt: skip


def test_rejected_x_as_quoted_words_is_a_direct_quote_but_a_plain_rejection_is_not() -> None:
    assert quotes_of('Peru rejected the report as "biased and late".') == [
        ["peru", "rejected", "biased and late"],
    ]  # fmt: skip
    assert quotes_of("Peru rejected the ultimatum.") == []


# The default run's 3-minute budget: these early waves' classes run in CI's slow run (make
# test-slow), and the held-out benchmark test of the default run covers their sets.
pytestmark = pytest.mark.slow
