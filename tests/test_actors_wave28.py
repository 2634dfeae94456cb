"""Issue 12, wave 28: a regression test per class of mentions wrong in the read sets of wave 28
(154, 156, 158, 160: conference reports, follow-up cooperation news, copies from databases and
e-papers, wire coverage of returns and trials; read after their blind scores) and in the
references of sets 18-152. A body's shared name after another tabled country's possessive is
that country's own body of the same name ("Singapore's Attorney-General's Chambers"); a
meeting's statement, agenda or spirit named for its venue names the city ("the Vientiane joint
statement", "the Kuala Lumpur agenda"); a country's possessive before one of its regions is a
place ("China's Guangxi and Yunnan"). Sentences written for these tests, with hand-computed
values."""

from __future__ import annotations

from analysis.actors import Actors
from tests.conftest import mention_rows

AGCS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "borduria", "name": "Borduria", "type": "country"},
        {"id": "elbonia", "name": "Elbonia", "type": "country"},
        {"id": "agc_r", "name": "Attorney General's Chambers", "type": "organisation",
         "affiliation": "ruritania", "aliases": ["AGC"]},
        {"id": "agc_b", "name": "Attorney General's Chambers of Borduria", "type": "organisation",
         "affiliation": "borduria", "aliases": ["AGC"]},
    ]
)  # fmt: skip


def test_a_countrys_possessive_before_its_own_bodys_shared_name() -> None:
    # the table's "Attorney General's Chambers" is Ruritania's; after Borduria's possessive it is
    # Borduria's own, which the table names "… of Borduria" (before: dropped as an untabled
    # body of another country, and "Borduria's" spoke)
    text = "Borduria's Attorney General's Chambers said it would host a workshop."
    assert mention_rows(text, AGCS) == [
        ["Borduria's", "borduria"], ["Attorney General's Chambers", "agc_b"],
    ]  # fmt: skip
    # a country without a body of that name in the table: another country's untabled body
    text = "Elbonia's Attorney General's Chambers and Ruritania's Attorney General's Chambers met."
    assert mention_rows(text, AGCS) == [
        ["Elbonia's", "elbonia"], ["Ruritania's", "ruritania"],
        ["Attorney General's Chambers", "agc_r"],
    ]  # fmt: skip


CAPITALS = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country", "aliases": ["Strelsau"]},
        {"id": "borduria", "name": "Borduria", "type": "country", "aliases": ["Szohod"]},
    ]
)  # fmt: skip


def test_a_meetings_statement_agenda_or_spirit_named_for_its_venue() -> None:
    text = (
        "The meeting closes tomorrow with the signing of the Strelsau joint statement.\n\n"
        "What the Strelsau prosecutors' statement says matters.\n\n"
        "Fugitives will dominate the Szohod agenda, and the Szohod spirit will be toasted.\n\n"
        "Strelsau agreed. The Szohod government said the Strelsau statement was fair."
    )
    # the capital acting and its government stay, and so does "the Strelsau statement" with no
    # kind between (a statement Ruritania issued)
    assert mention_rows(text, CAPITALS) == [
        ["Strelsau", "ruritania"], ["Szohod", "borduria"], ["Strelsau", "ruritania"],
    ]  # fmt: skip


def test_a_countrys_possessive_before_a_region_is_a_place() -> None:
    text = (
        "Procuratorates in Ruritania's Tarlenheim and Zenda met. The river borders Ruritania's "
        "Zenda for 182km. Compounds operate in Borduria's Shan and Karen states."
    )
    assert mention_rows(text, CAPITALS) == []


def test_a_countrys_possessive_before_an_institution_or_a_body_stays() -> None:
    text = (
        "Borduria's Parliament, Ruritania's Office of the Attorney General and Borduria's MPS "
        "met. Ruritania's Ambassador to Borduria spoke. Ruritania's Coffee and Cocoa Council said "
        "so."
    )
    assert mention_rows(text, CAPITALS) == [
        ["Borduria's", "borduria"], ["Ruritania's", "ruritania"], ["Borduria's", "borduria"],
        ["Ruritania's", "ruritania"], ["Ruritania's", "ruritania"],
    ]  # fmt: skip


PEOPLE = Actors.from_records(
    [
        {"id": "ruritania", "name": "Ruritania", "type": "country"},
        {"id": "ha", "name": "Le Thi Thu Ha", "type": "person", "affiliation": "ruritania",
         "titles": ["Prosecutor General"], "short": ["Ha"]},
        {"id": "huang", "name": "Huang Zhiyuan", "type": "person", "short": ["Huang"]},
    ]
)  # fmt: skip


def test_a_short_form_before_another_capitalised_word_is_a_longer_name() -> None:
    text = (
        "Prosecutor General Le Thi Thu Ha and Huang Zhiyuan opened the meeting.\n\n"
        "Ruritania will host the next session in Ha Long in May.\n\n"
        "The court sentenced Huang Mou and 17 others.\n\n"
        "Ha said the talks went well. Huang Says Talks Went Well."
    )
    assert mention_rows(text, PEOPLE) == [
        ["Prosecutor General Le Thi Thu Ha", "ha"], ["Huang Zhiyuan", "huang"],
        ["Ruritania", "ruritania"], ["Ha", "ha"], ["Huang", "huang"],
    ]  # fmt: skip


def test_an_envoys_body_in_apposition_is_part_of_the_post() -> None:
    envoys = Actors.from_records(
        [
            {"id": "unodc", "name": "United Nations Office on Drugs and Crime", "type":
             "organisation", "aliases": ["UNODC"]},
            {"id": "ward", "name": "Helen Ward", "type": "person", "affiliation": "unodc"},
        ]
    )  # fmt: skip
    text = (
        "Ms Helen Ward, Regional Representative of the UNODC, affirmed that the office would "
        "help. The UNODC agreed."
    )
    assert mention_rows(text, envoys) == [["Helen Ward", "ward"], ["UNODC", "unodc"]]


def test_an_own_body_before_an_untabled_lower_case_post_is_part_of_the_title() -> None:
    staff = Actors.from_records(
        [
            {"id": "rpo", "name": "Royal Prosecution Office", "type": "organisation",
             "aliases": ["RPO"]},
            {"id": "feng", "name": "Feng Yiran", "type": "person", "affiliation": "rpo"},
            {"id": "ana", "name": "Ana Kos", "type": "person"},
        ]
    )  # fmt: skip
    text = (
        "Royal Prosecution Office spokesperson Feng Yiran said prosecutors would act.\n\n"
        "RPO commercial crime chief Feng Yiran agreed.\n\n"
        "RPO spokesperson Ana Kos said so. The RPO and Feng Yiran met."
    )
    assert mention_rows(text, staff) == [
        ["Feng Yiran", "feng"], ["Feng Yiran", "feng"], ["RPO", "rpo"], ["Ana Kos", "ana"],
        ["RPO", "rpo"], ["Feng Yiran", "feng"],
    ]  # fmt: skip
