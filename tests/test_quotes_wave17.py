"""Issue 12, wave 17: one regression test per class of quotes wrong in the adjudicated
held-out sets 34-48 (and 49-52 after their blind scoring): several actors joined as one
subject speak jointly ("China and ASEAN member states pledged …"); figures, a list or a press
release issued by a tabled body are its words ("according to figures released by the SPP");
an anonymous source named again ("the official said") speaks for what its introduction named;
a nationality adjective before an official after an inverted cue or before a country written
with its article ("said a Lao prosecutor who …", "A Philippine official said"). Sentences
written for these tests (other names, countries and bodies than the sets'), with
hand-computed values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import quote_rows

ACTORS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "elbonia", "name": "Elbonia", "type": "country", "aliases": []},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": []},
        {"id": "gambia", "name": "the Gambia", "type": "country", "aliases": ["Banjul"]},
        {"id": "union", "name": "Northern Union", "type": "organisation", "aliases": ["NU"]},
        {"id": "hpo", "name": "High Prosecution Office", "type": "organisation",
         "affiliation": "elbonia", "aliases": ["HPO"]},
        {"id": "watch", "name": "Justice Watch", "type": "organisation", "aliases": []},
        {"id": "rina", "name": "Rina Dobrev", "type": "person", "affiliation": "ruritania",
         "short": ["Dobrev"], "titles": ["Minister"]},
    ]
)  # fmt: skip


def quotes_of(text: str) -> list[list]:
    return quote_rows(text, ACTORS)


def test_actors_joined_as_one_subject_speak_jointly() -> None:
    assert quotes_of("Ruritania and the NU member states on Friday pledged to share evidence.") == [
        ["to share evidence", "reported", None, "pledged"]
    ]
    assert quotes_of(
        "Prosecutors from Ruritania, Elbonia and Borduria pledged to speed up extraditions."
    ) == [["to speed up extraditions", "reported", None, "pledged"]]
    assert quotes_of("Ruritania, Elbonia prosecutors pledge closer cooperation on fraud") == [
        ["closer cooperation on fraud", "reported", None, "pledge"]
    ]
    assert quotes_of(
        "Elbonia and Borduria, which returned the most suspects, say each case goes to court."
    ) == [["each case goes to court", "reported", None, "say"]]
    # one actor heads the subject, the others modify it: the head speaks
    assert quotes_of("The HPO of Elbonia and Borduria said the files were complete.")[0][2] == "hpo"


def test_figures_or_a_document_issued_by_a_tabled_body_are_its_words() -> None:
    assert quotes_of("According to figures released by the HPO, 412 requests were answered.") == [
        ["412 requests were answered", "reported", "hpo", "according to"]
    ]
    assert quotes_of("Most suspects fled, according to a 2021 report by Justice Watch.") == [
        ["Most suspects fled", "reported", "watch", "according to"]
    ]
    assert quotes_of(
        "Borduria sent nobody, according to a list of participants released by Elbonia's HPO."
    ) == [["Borduria sent nobody", "reported", "hpo", "according to"]]
    assert quotes_of(
        "Both sides agreed to train prosecutors, according to a press release issued by Justice "
        "Watch after the meeting."
    ) == [["Both sides agreed to train prosecutors", "reported", "watch", "according to"]]
    # figures of a body the table does not know, and figures named by an actor, say nothing
    assert quotes_of("Exports rose by 4%, according to figures from the Trade Ministry.") == [
        ["Exports rose by 4%", "reported", None, "according to"]
    ]


def test_an_anonymous_source_named_again_speaks_for_its_introduction() -> None:
    text = (
        "A senior official of the High Prosecution Office told reporters that 60 suspects had "
        'been returned. "Most live openly in big cities," the official said. According to the '
        "official, Elbonia and Borduria will meet next month. The official added that the "
        "hotline works."
    )
    assert [r[2] for r in quotes_of(text)] == ["hpo", "hpo", "hpo", "hpo"]
    text = (
        "Ruritania joined the inquiry, a Ruritanian justice ministry official told the paper. "
        '"We will share evidence," said the official, who declined to be named.'
    )
    assert quotes_of(text)[-1] == ["We will share evidence,", "direct", "ruritania", "said"]
    # a definite source with no introduction keeps no speaker
    assert quotes_of('Elbonia met Borduria. "It went well," the official said.')[-1][2] is None


def test_a_nationality_adjective_after_an_inverted_cue_or_before_an_article_name() -> None:
    text = (
        'Ruritania hosted the talks. "No country wins alone," said a Ruritanian prosecutor who '
        "attended the closing session."
    )
    assert quotes_of(text) == [["No country wins alone,", "direct", "ruritania", "said"]]
    # the country's only mention is written with its article, or is its capital
    assert quotes_of("The Gambia attended. A Gambian official said the talks went well.") == [
        ["the talks went well", "reported", "gambia", "said"]
    ]
    assert quotes_of("Banjul attended. A Gambian official said the talks went well.") == [
        ["the talks went well", "reported", "gambia", "said"]
    ]


def test_a_quoted_headline_before_a_colon_names_its_speaker_after_it() -> None:
    body = "\n\nBy a reporter\n\nMinister Rina Dobrev of Ruritania said on Monday the net would tighten."
    # a role in the first words after the colon: the person the article names
    got = quotes_of("'No hiding place for fraud bosses': Ruritania's top minister on fraud" + body)
    assert got[0] == ["No hiding place for fraud bosses", "direct", "rina", ""]
    # an unnamed source after the colon: no speaker
    got = quotes_of("'Sent back in the dark': Rights groups fault the Elbonia deal" + body)
    assert got[0] == ["Sent back in the dark", "direct", None, ""]
    # neither: a title, not a quote
    got = quotes_of("'Sent back in the dark': the story of a deal" + body)
    assert [r[0] for r in got] == ["the net would tighten"]


def test_parties_joined_before_a_headline_colon_speak_jointly() -> None:
    got = quotes_of(
        "Ruritania-Elbonia prosecutors: fraud money must have nowhere to hide\n\nThey met."
    )
    assert got == [["fraud money must have nowhere to hide", "reported", None, ":"]]
    got = quotes_of("Ruritania, Elbonia: fraud bosses will be tried at home\n\nThey met.")
    assert got == [["fraud bosses will be tried at home", "reported", None, ":"]]


def test_the_person_before_of_body_describes_not_the_body() -> None:
    text = 'Ruritania signed. Rina Dobrev of Justice Watch described the deal as "a conveyor belt".'
    assert quotes_of(text)[-1] == ["a conveyor belt", "direct", "rina", "described"]
    # the body alone still describes
    text = 'Ruritania signed. Justice Watch described the deal as "a conveyor belt".'
    assert quotes_of(text)[-1] == ["a conveyor belt", "direct", "watch", "described"]
