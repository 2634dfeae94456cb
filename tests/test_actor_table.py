"""Actor tables: formats, validation errors, spellings and their compiled form."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.actor_table import (
    ACTOR_TYPES,
    Actors,
    ActorTableError,
    CompiledActors,
    load_actors,
)
from tests.test_actors import TABLE, mentions_of, toy_actors


@pytest.fixture(scope="module")
def sample_actors() -> Actors:
    return load_actors(TABLE)


def test_sample_table_loads_and_covers_every_named_body(sample_actors) -> None:
    assert len(sample_actors) == 15
    assert sample_actors.names["vo_van_thuong"] == "Vo Van Thuong"
    assert sample_actors.types["asean_china_pg_conference"] == "event"
    assert sample_actors.table.set_index("id").loc["le_minh_tri", "affiliation"] == "spp_vietnam"
    assert set(sample_actors.types.values()) <= set(ACTOR_TYPES)
    assert sample_actors.ambiguous().empty


# --- table formats and errors ----------------------------------------------------------------

YAML_TABLE = """\
actors:
  - id: vn
    name: Vietnam
    type: country
    aliases: [Viet Nam]
  - id: vvt
    name: Vo Van Thuong
    type: person
    affiliation: vn
    aliases: [Võ Văn Thưởng]
    titles: [President]
    short: [Thuong]
    roles: [the President, the State leader]
"""
WIDE_CSV = """\
id,name,type,affiliation,aliases,titles,short,roles
vn,Vietnam,country,,Viet Nam,,,
vvt,Vo Van Thuong,person,vn,Võ Văn Thưởng,President,Thuong,the President; the State leader
"""
LONG_CSV = """\
id,field,value
vn,name,Vietnam
vn,type,country
vn,alias,Viet Nam
vvt,name,Vo Van Thuong
vvt,type,person
vvt,affiliation,vn
vvt,alias,Võ Văn Thưởng
vvt,title,President
vvt,short,Thuong
vvt,role,the President
vvt,role,the State leader
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_wide_csv_and_long_csv_give_the_same_table(tmp_path) -> None:
    tables = [
        load_actors(write(tmp_path, n, t)).table.drop(columns="line")
        for n, t in [("a.yml", YAML_TABLE), ("a.csv", WIDE_CSV), ("b.csv", LONG_CSV)]
    ]
    for other in tables[1:]:
        pd.testing.assert_frame_equal(tables[0], other)
    vvt = tables[0].set_index("id").loc["vvt"]
    assert vvt["roles"] == ("the President", "the State leader")
    assert vvt["affiliation"] == "vn"


def test_organization_spelling_is_accepted_as_organisation() -> None:
    a = Actors.from_records([{"id": "o", "name": "Org", "type": "Organization"}])
    assert a.types == {"o": "organisation"}


MALFORMED = [
    # (file name, content, line, actor, problem)
    (
        "dup.yml",
        "- {id: vn, name: Vietnam, type: country}\n- {id: vn, name: Viet Nam, type: country}\n",
        2, "actor 'vn'", "duplicate id 'vn' (first defined on line 1)",
    ),
    (
        "aff.yml",
        "- id: vvt\n  name: Vo Van Thuong\n  type: person\n  affiliation: vietnm\n",
        4, "actor 'vvt'", "unknown affiliation id 'vietnm'",
    ),
    (
        "alias.yml",
        "- id: vn\n  name: Vietnam\n  type: country\n  aliases:\n    - Viet Nam\n    - ''\n",
        6, "actor 'vn'", "alias #2 in aliases is empty",
    ),
    (
        "type.yml",
        "- id: vn\n  name: Vietnam\n  type: nation\n",
        3, "actor 'vn'", "wrong type 'nation'; allowed: person, organisation, country",
    ),
    (
        "name.yml",
        "- id: vn\n  type: country\n",
        1, "actor 'vn'", "missing name",
    ),
    (
        "field.yml",
        "- id: vn\n  name: Vietnam\n  type: country\n  alias: [Viet Nam]\n",
        4, "actor 'vn'", "unknown field 'alias' (did you mean 'aliases'?)",
    ),
    (
        "comma.yml",
        "- {id: fcdo, name: Foreign, Commonwealth and Development Office, type: organisation}\n",
        1, "actor 'fcdo'",
        "unknown field 'Commonwealth and Development Office' (a comma inside an unquoted value",
    ),
    (
        "wide.csv",
        "id,name,type,aliases\nvn,Vietnam,country,Viet Nam;;VN\n",
        2, "actor 'vn'", "alias #2 in aliases is empty",
    ),
    (
        "widetype.csv",
        "id,name,type\nvn,Vietnam,country\ncn,China,kountry\n",
        3, "actor 'cn'", "wrong type 'kountry'",
    ),
    (
        "long.csv",
        "id,field,value\nvn,name,Vietnam\nvn,type,country\nvvt,name,Vo Van Thuong\n"
        "vvt,type,person\nvvt,affiliation,vietnam\n",
        6, "actor 'vvt'", "unknown affiliation id 'vietnam'; it must be the id of another actor",
    ),
    (
        "longdup.csv",
        "id,field,value\nvn,name,Vietnam\nvn,type,country\nvn,alias,\n",
        4, "actor 'vn'", "alias #1 in aliases is empty",
    ),
]  # fmt: skip


@pytest.mark.parametrize("name, text, line, actor, problem", MALFORMED)
def test_malformed_tables_name_file_line_actor_and_problem(
    tmp_path, name, text, line, actor, problem
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(ActorTableError) as err:
        load_actors(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}, line {line}: {actor}: "), msg
    assert problem in msg
    assert isinstance(err.value, ValueError)


def test_all_problems_are_reported_at_once(tmp_path) -> None:
    path = write(
        tmp_path,
        "many.yml",
        "- {id: a, name: A, type: persn}\n- {id: b, type: person, affiliation: zz}\n",
    )
    with pytest.raises(ActorTableError) as err:
        load_actors(path)
    assert [(ln, a) for ln, a, _ in err.value.problems] == [
        (1, "actor 'a'"),
        (2, "actor 'b'"),
        (2, "actor 'b'"),
    ]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("bad.yml", b"- id: [unclosed\n", "line 2: file: not valid YAML"),
        ("latin1.yml", "- {id: a, name: Đà, type: place}".encode("cp1258"), "not valid UTF-8"),
        ("empty.yml", b"  \n", "the file is empty"),
        ("table.xlsx", b"x", "unknown format '.xlsx'"),
        ("top.yml", b"people: []\n", "line 1: file: unknown top-level key 'people'"),
        ("cols.csv", b"id,name,kind\na,A,person\n", "unknown column 'kind'"),
        ("regex.yml", b"- {id: a, name: A, type: place, aliases: ['regex:(']}\n", "invalid regex"),
    ],
)
def test_unreadable_tables_raise_clear_errors(tmp_path, name, content, problem) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ActorTableError) as err:
        load_actors(path)
    assert str(path) in str(err.value) and problem in str(err.value), str(err.value)


def test_missing_file_raises_file_not_found(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.yml"):
        load_actors(tmp_path / "nope.yml")


def test_shared_alias_warns_and_is_resolved_by_context(tmp_path) -> None:
    path = write(
        tmp_path,
        "amb.yml",
        "- {id: a, name: Georgia, type: country, aliases: [GA]}\n"
        "- {id: b, name: State of Georgia, type: place, aliases: [GA]}\n",
    )
    with pytest.warns(UserWarning, match="'GA' \\(a;b\\)"):
        actors = load_actors(path)
    # d2 cannot be resolved: not counted, and (issue 12) never silently
    with pytest.warns(UserWarning, match=r"1 mention\(s\) .* 'GA' in d2 \(a;b\)"):
        got = mentions_of("State of Georgia. GA voted.", "GA voted.", actors=actors)
    assert got == [
        ("d1", "State of Georgia", "b", "name"),
        ("d1", "GA", "b", "alias"),
    ]


def test_patterns_lists_every_spelling_with_its_condition() -> None:
    p = toy_actors().patterns()
    vvt = p[p["actor_id"] == "vvt"]
    assert vvt[["via", "pattern", "condition"]].values.tolist() == [
        ["name", "Vo Van Thuong", "none"],
        ["title+name", "President Vo Van Thuong", "none"],
        ["title+name", "President Thuong", "none"],
        ["title+name", "Vietnamese President Vo Van Thuong", "none"],
        ["title+name", "Vietnamese President Thuong", "none"],
        ["short", "Thuong", "named in doc"],
        ["role", "the President", "named in doc"],
        ["role", "the President of Vietnam", "named in doc"],
        ["role", "the State leader", "named in doc"],
    ]  # the alias Võ Văn Thưởng folds to the name, so it and its title forms are not repeated


def test_compile_is_cached_per_folding_and_keeps_the_old_private_name() -> None:
    a = toy_actors()
    plan = a.compile()
    assert isinstance(plan, CompiledActors)
    assert a.compile() is plan
    assert a.compile(fold_diacritics=False) is not plan
    # stage 1: names, aliases, title+name; stage 2: short forms and roles (with possessives)
    assert "vvt|title+name" in plan.stage1.keys
    assert sorted(a for cands in plan.candidates.values() for a, _ in cands) == [
        "lmt", "vvt", "vvt", "vvt", "vvt",
    ]  # fmt: skip


def test_old_imports_from_analysis_actors_still_work() -> None:
    import analysis
    import analysis.actor_table as table
    import analysis.actors as old
    import analysis.discovery as discovery

    for name in ("ACTOR_TYPES", "ACTOR_FIELDS", "VIA_VALUES", "ActorTableError", "Actors",
                 "load_actors"):  # fmt: skip
        assert getattr(old, name) is getattr(table, name)
        if name in analysis.__all__:
            assert getattr(analysis, name) is getattr(table, name)
    for name in ("NAME_CONNECTORS", "NOT_NAMES", "unlisted_names"):
        assert getattr(old, name) is getattr(discovery, name)
