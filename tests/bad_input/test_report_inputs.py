"""Bad input to the study file, the notebook parameters and the report runner.

Each case asserts the exact error class and that the message names the file (or the notebook
and where the value came from) and the problem. No case starts a kernel.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import papermill
import pytest

from analysis.codebook import CodebookError
from analysis.corpus import CorpusError
from analysis.report import (
    ParameterError,
    StudyError,
    check_parameter_values,
    check_study_inputs,
    load_study,
    notebook_parameters,
    resolve_parameters,
    run_report,
)
from analysis.report.cli import main
from tests.report_helpers import DATA, NOTEBOOKS, STUDY, tiny_notebooks, tiny_study, write_study

BASE = f"""\
name: s
corpus:
  source: {DATA / "raw"}
  metadata: {DATA / "metadata.csv"}
group: outlet
"""


def _corpus(line: str) -> str:
    return BASE.replace("  metadata:", f"  {line}\n  metadata:")


# (id, study file text, message regex after "<study file>: "); all raise StudyError.
STUDY_CASES = [
    (
        "line_breaks_typo",
        _corpus("line_breaks: lines"),
        r"line 4: key 'corpus.line_breaks' must be one of auto, paragraph, line, none, got "
        r"'lines'; did you mean 'line'\?",
    ),
    (
        "duplicates_typo",
        _corpus("duplicates: flagg"),
        r"key 'corpus.duplicates' must be one of keep, flag, drop, got 'flagg'; did you mean "
        r"'flag'\?",
    ),
    (
        "dates_policy_typo",
        _corpus("dates: warning"),
        r"key 'corpus.dates' must be one of error, warn, got 'warning'; did you mean 'warn'\?",
    ),
    (
        "period_typo",
        BASE + "period: monthly\n",
        r"line 6: key 'period' must be one of auto, day, week, month, quarter, year, got "
        r"'monthly'; did you mean 'month'\?",
    ),
    (
        "unknown_top_key",
        BASE + "perido: month\n",
        r"unknown key 'perido'; did you mean 'period'\?",
    ),
    (
        "unknown_corpus_key",
        _corpus("line_break: line"),
        r"unknown key 'corpus.line_break'; did you mean 'corpus.line_breaks'\?",
    ),
    (
        "max_share_zero",
        _corpus("boilerplate_max_share: 0"),
        r"key 'corpus.boilerplate_max_share' must be above 0 and at most 1, got 0",
    ),
    (
        "threshold_above_one",
        _corpus("duplicate_threshold: 1.5"),
        r"key 'corpus.duplicate_threshold' must be above 0 and at most 1, got 1.5",
    ),
    (
        "threshold_bool",
        _corpus("duplicate_threshold: yes"),
        r"key 'corpus.duplicate_threshold' must be a number above 0 and at most 1, got bool",
    ),
    (
        "language_name",
        _corpus("language: English"),
        r"key 'corpus.language' must be a lower-case ISO 639-1 language code such as 'en'",
    ),
    (
        "boilerplate_set_typo",
        _corpus("boilerplate: [agncy]"),
        r"line 4: boilerplate rule #1: no boilerplate rule set named 'agncy'; did you mean "
        r"'agency'\?",
    ),
    (
        "boilerplate_bad_regex",
        _corpus('boilerplate: [{name: x, pattern: "a(b"}]'),
        r"boilerplate rule #1 \('x'\): invalid regex 'a\(b' at position 3",
    ),
    (
        "boilerplate_rule_key_typo",
        _corpus("boilerplate: [{name: x, patern: a}]"),
        r"boilerplate rule #1: unknown key 'patern'; did you mean 'pattern'\?",
    ),
    (
        "boilerplate_empty_list",
        _corpus("boilerplate: []"),
        r"key 'corpus.boilerplate' is an empty list; write false to switch cleaning off",
    ),
    (
        "boilerplate_number",
        _corpus("boilerplate: [default, 3]"),
        r"key 'corpus.boilerplate\[1\]' must be a rule-set name or a mapping",
    ),
    (
        "boilerplate_and_old_key",
        _corpus("boilerplate: [web]\n  clean_boilerplate: true"),
        r"give either 'corpus.boilerplate' or the older 'corpus.clean_boilerplate', not both",
    ),
    (
        "cue_empty",
        BASE + 'quotes:\n  cues: [warned, "", said]\n',
        r"line 7: key 'quotes.cues\[1\]' must be a non-empty string \(a cue word or phrase\), "
        r"got an empty string",
    ),
    (
        "cue_not_a_string",
        BASE + "quotes:\n  exclude_cues:\n    - added\n    - [x]\n",
        r"line 9: key 'quotes.exclude_cues\[1\]' must be a non-empty string .*got list",
    ),
    (
        "cues_not_a_list",
        BASE + "quotes: {cues: warned}\n",
        r"key 'quotes.cues' must be a list of cue words or phrases, got str",
    ),
    (
        "quotes_key_typo",
        BASE + "quotes: {cue: [warned]}\n",
        r"unknown key 'quotes.cue'; did you mean 'quotes.cues'\?",
    ),
    (
        "actor_gold_missing",
        BASE + "actor_gold: gold/none.csv\n",
        r"line 6: key 'actor_gold': file not found: .*gold/none.csv",
    ),
    (
        "periods_one",
        BASE + "periods: {before: [2023-01-01, 2023-12-05]}\n",
        r"key 'periods' must name exactly two periods .*got 1",
    ),
    (
        "periods_reversed",
        BASE + "periods: {before: [2023-12-05, 2023-01-01], after: [2024-01-01, 2024-02-01]}\n",
        r"key 'periods.before': start 2023-12-05 is after end 2023-01-01",
    ),
    (
        "periods_overlap",
        BASE + "periods: {before: [2023-01-01, 2023-12-06], after: [2023-12-06, 2023-12-31]}\n",
        r"key 'periods': 'before' \(2023-01-01 to 2023-12-06\) and 'after' \(2023-12-06 to "
        r"2023-12-31\) overlap",
    ),
    (
        "periods_not_dates",
        BASE + "periods: {before: [last year, 2023-12-05], after: [2023-12-06, 2023-12-31]}\n",
        r"key 'periods.before' must be \[start, end\] with two dates written YYYY-MM-DD",
    ),
    (
        "name_failed_suffix",
        BASE.replace("name: s", "name: a..b.failed"),
        r"line 1: key 'name': 'a..b.failed' looks like the runner's own folders",
    ),
    (
        "name_tmp_infix",
        BASE.replace("name: s", "name: s.tmp-1"),
        r"key 'name': 's.tmp-1' looks like the runner's own folders",
    ),
    (
        "group_typo",
        BASE.replace("group: outlet", "group: outlets"),
        r"key 'group': 'outlets' is not a column of .*metadata.csv .*did you mean 'outlet'\?",
    ),
]


@pytest.mark.parametrize(
    ("text", "message"), [c[1:] for c in STUDY_CASES], ids=[c[0] for c in STUDY_CASES]
)
def test_bad_study_file(tmp_path, text, message):
    path = write_study(tmp_path, text)
    with pytest.raises(StudyError) as err:
        load_study(path)
    # The message starts with the study file, then the line where one applies.
    pattern = re.escape(f"{path}: ") + r"(?:line \d+: )?" + message.removeprefix(r"line ")
    if message.startswith("line "):
        pattern = re.escape(f"{path}: ") + message
    assert re.match(pattern, str(err.value)), str(err.value)


def test_billion_laughs_study_file_is_refused_within_a_second(tmp_path):
    lines = ["name: bomb", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    path = tmp_path / "study.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(StudyError, match=r"study.yml: line 2, column 4: not valid YAML: anchors"):
        load_study(path)
    assert time.monotonic() - started < 1


# --------------------------------------------------------------------------- parameter values


@pytest.fixture(scope="module")
def sample():
    study = load_study(STUDY)
    declared = {p.stem: notebook_parameters(p) for p in sorted(NOTEBOOKS.glob("*.ipynb"))}
    return study, declared, check_study_inputs(study)


# (id, -p items, message regex); all raise ParameterError.
PARAMETER_CASES = [
    (
        "theme_not_in_codebook",
        ["02_themes.audit_theme=crme"],
        r"notebook 02_themes: parameter 'audit_theme' = 'crme' \(-p 02_themes.audit_theme=crme\)"
        r": no theme 'crme' in the codebook \(themes: cooperation, .*did you mean 'crime'\?",
    ),
    (
        "count_zero",
        ["01_terms.top_n=0"],
        r"notebook 01_terms: parameter 'top_n' = 0 \(-p 01_terms.top_n=0\): a count must be at "
        r"least 1",
    ),
    (
        "count_negative",
        ["kwic_window=-3"],
        r"notebook 01_terms: parameter 'kwic_window' = -3 .*: a count must be at least 1",
    ),
    (
        "level_too_deep",
        ["03_actors.theme_level=4"],
        r"notebook 03_actors: parameter 'theme_level' = 4 .*: the codebook's theme tree is 2 "
        r"level\(s\) deep; choose 1 to 2",
    ),
    (
        "seed_negative",
        ["network_seed=-1"],
        r"notebook 03_actors: parameter 'network_seed' = -1 .*: a seed must be 0 or more",
    ),
    (
        "measure_typo",
        ["01_terms.keyness_measure=fischer"],
        r"notebook 01_terms: parameter 'keyness_measure' = 'fischer' .*: 'fischer' is not one of chi2, "
        r"g2, fisher, pmi; did you mean 'fisher'\?",
    ),
    (
        "unit_typo",
        ["network_unit=sentences"],
        r"notebook 03_actors: parameter 'network_unit' = 'sentences' .*did you mean 'sentence'\?",
    ),
    (
        "unknown_parameter",
        ["01_terms.top_m=5"],
        r"notebook 01_terms: unknown parameter 'top_m' from -p 01_terms.top_m=5; did you mean "
        r"'top_n'\?",
    ),
    (
        "wrong_type",
        ["01_terms.top_n=many"],
        r"notebook 01_terms: parameter 'top_n' expects int, got str \('many'\) from -p "
        r"01_terms.top_n=many",
    ),
    (
        "runner_parameter",
        ["01_terms.output_dir=/tmp"],
        r"notebook 01_terms: parameter 'output_dir' is set by the report runner; remove it from -p",
    ),
    (
        "empty_pattern",
        ["01_terms.kwic_terms=[crime, '']"],
        r"notebook 01_terms: parameter 'kwic_terms' = \['crime', ''\] .*: item 1 is empty",
    ),
]


@pytest.mark.parametrize(
    ("cli", "message"), [c[1:] for c in PARAMETER_CASES], ids=[c[0] for c in PARAMETER_CASES]
)
def test_bad_parameter_value(sample, cli, message):
    study, declared, inputs = sample
    with pytest.raises(ParameterError, match=message):
        origins: dict = {}
        overrides = resolve_parameters(declared, study, cli, origins=origins)
        check_parameter_values(declared, overrides, inputs, study, origins=origins)


def test_bad_parameter_in_the_study_file_names_the_file_and_key(tmp_path, sample):
    _, declared, inputs = sample
    path = write_study(tmp_path, BASE + "parameters:\n  02_themes: {audit_theme: crimes}\n")
    study = load_study(path)
    origins: dict = {}
    overrides = resolve_parameters(declared, study, origins=origins)
    with pytest.raises(ParameterError) as err:
        check_parameter_values(declared, overrides, inputs, study, origins=origins)
    assert str(err.value) == (
        f"notebook 02_themes: parameter 'audit_theme' = 'crimes' ({path} "
        "(parameters.02_themes.audit_theme)): no theme 'crimes' in the codebook (themes: "
        "cooperation, information_sharing, crime, cybercrime, transnational_crime, security, "
        "economy, foreign_policy, partnership, justice, technology); did you mean 'crime'?"
    )


# --------------------------------------------------------------------------- the runner


@pytest.fixture
def no_kernel(monkeypatch):
    calls: list = []
    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: calls.append(a))
    return calls


def _broken_corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("doc_id,file,outlet\nA,a.txt,X\nB,gone.txt,Y\n", "utf-8")
    nbdir = tiny_notebooks(tmp_path / "nbs")
    return write_study(
        tmp_path,
        f"name: t\ncorpus: {{source: raw, metadata: meta.csv}}\ngroup: outlet\nnotebooks: {nbdir}\n",
    )


def _broken_codebook(tmp_path: Path) -> Path:
    (tmp_path / "cb.yml").write_text("themes:\n  crime: [\n", encoding="utf-8")
    return tiny_study(tmp_path, tiny_notebooks(tmp_path / "nbs"), "codebook: cb.yml\n")


def _group_not_a_docvar(tmp_path: Path) -> Path:
    nbdir = tiny_notebooks(tmp_path / "nbs")
    return write_study(
        tmp_path, f"name: t\ncorpus: {DATA / 'raw'}\ngroup: outlet\nnotebooks: {nbdir}\n"
    )


# (id, study builder, run_report keywords, error class, message regex)
RUNNER_CASES = [
    (
        "corpus_file_missing",
        _broken_corpus,
        {},
        CorpusError,
        r".*meta.csv: metadata rows without a file in .*raw: gone",
    ),
    ("codebook_not_yaml", _broken_codebook, {}, CodebookError, r".*cb.yml"),
    (
        "group_not_a_docvar",
        _group_not_a_docvar,
        {},
        StudyError,
        r".*study.yml: key 'group': 'outlet' is not a document variable",
    ),
    (
        "only_unknown_notebook",
        lambda p: tiny_study(p, tiny_notebooks(p / "nbs")),
        {"only": ["tiny", "tyni"]},
        ParameterError,
        r"--only tyni: no such notebook in .*nbs \(notebooks: tiny\)",
    ),
    (
        "notebook_folder_missing",
        lambda p: tiny_study(p, p / "nope"),
        {},
        StudyError,
        r".*study.yml: line 6: key 'notebooks': folder not found: .*nope",
    ),
]


@pytest.mark.parametrize(
    ("build", "options", "error", "message"),
    [c[1:] for c in RUNNER_CASES],
    ids=[c[0] for c in RUNNER_CASES],
)
def test_bad_runner_input_fails_before_any_kernel(
    tmp_path, no_kernel, build, options, error, message
):
    study = build(tmp_path)
    with pytest.raises(error) as err:
        run_report(study, out=tmp_path / "r", **options)
    assert type(err.value) is error
    assert re.match(message, str(err.value), re.DOTALL), str(err.value)
    assert no_kernel == [] and not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--jobs", "0"], r"argument --jobs: must be at least 1, got 0"),
        (["--cell-timeout", "soon"], r"argument --cell-timeout: expected a whole number"),
    ],
    ids=["jobs_zero", "cell_timeout_text"],
)
def test_bad_command_line_option(tmp_path, capsys, option, message):
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--study", str(STUDY), "--out", str(tmp_path), *option])
    assert exit_.value.code == 2
    assert re.search(message, capsys.readouterr().err)
