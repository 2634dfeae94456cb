"""The report pipeline: study file, parameter checks, papermill runner, provenance, escaping.

The real pipeline runs twice on the sample study (session fixture; each kernel start costs
seconds), everything else on tiny studies and notebooks written into tmp_path.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import textwrap
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.__main__ import main
from analysis.reporting import (
    ParameterError,
    StudyError,
    corpus_overview,
    load_study,
    notebook_parameters,
    parse_cli_parameters,
    resolve_parameters,
    run_report,
    save_table,
    study_inputs,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
STUDY = DATA / "study.yml"
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_NAMES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
GENERATED = (".csv", ".png", ".svg")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(report: Path) -> dict[str, bytes]:
    return {
        p.relative_to(report).as_posix(): p.read_bytes()
        for p in sorted(report.rglob("*"))
        if p.suffix in GENERATED
    }


def write_study(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "study.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def tiny_study(folder: Path, notebooks: Path, extra: str = "") -> Path:
    base = textwrap.dedent(
        f"""\
        name: tiny
        corpus:
          source: {DATA / "raw"}
          metadata: {DATA / "metadata.csv"}
        group: outlet
        notebooks: {notebooks}
        """
    )
    return write_study(folder, base + extra)


def write_notebook(path: Path, params: str, *cells: str) -> Path:
    nb = new_notebook()
    nb.cells.append(new_markdown_cell("# Tiny"))
    p = new_code_cell(textwrap.dedent(params).strip())
    p.metadata["tags"] = ["parameters"]
    nb.cells.append(p)
    nb.cells += [new_code_cell(textwrap.dedent(c).strip()) for c in cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


TINY_PARAMS = """
    study_path: str = "study.yml"  # set by the runner
    output_dir: str = "out"  # set by the runner
    fail: bool = False  # raise in the last cell
    label: str = "first"  # written into the table
"""
TINY_SAVE = """
    from pathlib import Path
    import pandas as pd
    from analysis.reporting import save_table
    save_table(pd.DataFrame({"label": [label]}), Path(output_dir) / "t.csv")
"""
TINY_FAIL = """
    if fail:
        raise ValueError("boom")
"""


# --------------------------------------------------------------------------- the real pipeline


@pytest.fixture(scope="session")
def sample_runs(tmp_path_factory):
    """Run the sample study twice into the same folder; snapshot files after each run."""
    out = tmp_path_factory.mktemp("reports")
    cwd = os.getcwd()
    report = run_report(STUDY, out=out)
    # Regression: papermill's cwd= chdirs the whole process, which raced between notebooks run
    # in parallel threads and left the process in the deleted temporary folder.
    assert os.getcwd() == cwd
    first = snapshot(report)
    first_prov = json.loads((report / "provenance.json").read_text(encoding="utf-8"))
    run_report(STUDY, out=out)
    second = snapshot(report)
    second_prov = json.loads((report / "provenance.json").read_text(encoding="utf-8"))
    return report, first, first_prov, second, second_prov


def test_report_writes_html_tables_figures_index_and_provenance(sample_runs):
    report, first, prov, *_ = sample_runs
    assert report.name == "asean_china_sample"
    for nb in NOTEBOOK_NAMES:
        assert (report / f"{nb}.html").is_file()
        assert any(k.startswith(f"{nb}/") and k.endswith(".csv") for k in first), nb
    for stem in ("00_overview/sentences_per_document", "01_terms/top_terms", "01_terms/dispersion"):
        assert f"{stem}.png" in first and f"{stem}.svg" in first
    index = (report / "index.html").read_text(encoding="utf-8")
    for nb in NOTEBOOK_NAMES:
        assert f'href="{nb}.html"' in index
    # The provenance lists every generated table and figure with its hash.
    listed = {path: digest for files in prov["outputs"].values() for path, digest in files.items()}
    assert listed == {path: hashlib.sha256(data).hexdigest() for path, data in first.items()}
    # No leftovers of the temporary folder next to the report.
    assert [p.name for p in report.parent.iterdir()] == [report.name]


def test_corpus_table_counts_match_the_tokenizer(sample_runs, sample_docs, sample_tokens):
    report, *_ = sample_runs
    corpus = pd.read_csv(report / "00_overview" / "corpus.csv", dtype={"date": str})
    assert corpus["doc_id"].tolist() == ["vna_2023-12-06", "thanhnien_2023-12-06"]
    assert corpus["outlet"].tolist() == ["VNA (Vietnam News Agency)", "Báo Thanh niên"]
    n_sent = sample_tokens.groupby("doc_id", observed=True)["sent"].max()
    assert corpus["n_sentences"].tolist() == [n_sent[d] for d in corpus["doc_id"]]
    assert corpus["n_chars"].tolist() == sample_docs["text"].str.len().tolist()
    removed = pd.read_csv(report / "00_overview" / "removed_boilerplate.csv")
    assert removed["rule"].tolist() == [
        "photo_caption",
        "outlet_dateline",
        "photo_caption",
        "credit_line",
        "comment_counter",
    ]


def test_provenance_hashes_match_the_input_files(sample_runs):
    report, _, prov, *_ = sample_runs
    root = STUDY.parent
    roles = [i["role"] for i in prov["inputs"]]
    assert roles == [
        "study",
        "corpus",
        "corpus",
        "metadata",
        "codebook",
        "actors",
        "gold",
        "stopwords",
    ]
    for item in prov["inputs"]:
        assert item["sha256"] == sha(root / item["path"]), item["path"]
    paths = {i["path"] for i in prov["inputs"]}
    assert {"study.yml", "metadata.csv", "stopwords/english.txt"} <= paths
    assert prov["study"]["sha256"] == sha(STUDY)
    for nb, entry in prov["notebooks"].items():
        assert entry["sha256"] == sha(NOTEBOOKS / f"{nb}.ipynb")
    assert prov["python"] == platform.python_version()
    for pkg in ("analysis", "pandas", "numpy", "nltk", "matplotlib", "papermill", "nbconvert",
                "scipy"):  # fmt: skip
        assert prov["versions"][pkg] not in ("", "not installed"), pkg
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", prov["started"])
    assert prov["started"] <= prov["finished"]
    # Parameters: the notebook defaults with the study file's overrides applied.
    assert prov["parameters"]["01_terms"]["top_n"] == 20
    assert prov["parameters"]["01_terms"]["output_dir"] == "01_terms"


def test_rerun_gives_byte_identical_tables_and_figures_and_equal_provenance(sample_runs):
    _, first, first_prov, second, second_prov = sample_runs
    assert sorted(first) == sorted(second)
    changed = [name for name in first if first[name] != second[name]]
    assert changed == []
    times = ("started", "finished")
    assert {k: v for k, v in first_prov.items() if k not in times} == {
        k: v for k, v in second_prov.items() if k not in times
    }


def test_html_reports_hide_code_embed_figures_and_carry_the_provenance_footer(sample_runs):
    report, *_, prov = sample_runs  # the pages on disk are those of the second run
    page = (report / "01_terms.html").read_text(encoding="utf-8")
    assert "load_study(" not in page  # input cells are excluded
    assert "data:image/png;base64," in page  # figures are embedded, not linked
    assert "<script src=" not in page  # offline: no CDN scripts
    footer = page[page.index('<footer class="provenance"') :]
    for item in prov["inputs"]:
        assert item["sha256"] in footer
    assert "top_n" in footer and prov["versions"]["pandas"] in footer
    assert prov["started"] in footer and prov["finished"] in footer


# --------------------------------------------------------------------------- escaping


def test_script_in_article_text_is_escaped_in_kwic_and_quote_tables(tmp_path):
    script = "<script>alert(1)</script>"
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        f'"Crime {script} must stop," President Vo Van Thuong said.\n'
        "Cooperation against crime grows.\n",
        encoding="utf-8",
    )
    (raw / "b.txt").write_text("Crime fell. Cooperation helped police.\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text(
        "doc_id,file,outlet\nA,a.txt,Outlet A\nB,b.txt,Outlet B\n", encoding="utf-8"
    )
    study = write_study(
        tmp_path,
        f"""\
        name: escaping
        corpus: {{source: raw, metadata: meta.csv}}
        group: outlet
        actors: {DATA / "actors" / "asean_china.yml"}
        notebooks: {NOTEBOOKS}
        """,
    )
    report = run_report(
        study, out=tmp_path / "reports", only=["01_terms", "03_actors"], params=["kwic_window=12"]
    )
    kwic = pd.read_csv(report / "01_terms" / "kwic.csv")
    assert script in kwic.loc[0, "pre"] + kwic.loc[0, "keyword"] + kwic.loc[0, "post"]
    quotes = pd.read_csv(report / "03_actors" / "quotes.csv")
    assert quotes[["speaker_id", "text"]].values.tolist() == [
        ["vo_van_thuong", f"Crime {script} must stop,"]
    ]
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    for page in ("01_terms.html", "03_actors.html"):
        html = (report / page).read_text(encoding="utf-8")
        assert escaped in html, page
        assert "<script>alert(1)" not in html, page


# --------------------------------------------------------------------------- failures


def test_failing_notebook_exits_nonzero_names_the_cell_and_keeps_the_previous_report(
    tmp_path, capsys
):
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "tiny.ipynb", TINY_PARAMS, TINY_SAVE, TINY_FAIL)
    study = tiny_study(tmp_path, nbdir)
    out = tmp_path / "reports"
    assert main(["report", "--study", str(study), "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in (out / "tiny").rglob("*") if p.is_file()}
    assert pd.read_csv(out / "tiny" / "tiny" / "t.csv")["label"].tolist() == ["first"]

    code = main(
        ["report", "--study", str(study), "--out", str(out), "-p", "fail=true", "-p", "label=2nd"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "notebook tiny" in err
    assert "failed in cell 3 [if fail:]: ValueError: boom" in err
    assert "previous report" in err
    after = {p: p.read_bytes() for p in (out / "tiny").rglob("*") if p.is_file()}
    assert after == before
    # The failed run is kept for inspection, with the table it wrote before failing.
    failed = out / "tiny.failed"
    assert pd.read_csv(failed / "tiny" / "t.csv")["label"].tolist() == ["2nd"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_unknown_parameter_is_rejected_naming_notebook_and_suggestion(tmp_path, capsys):
    code = main(["report", "--study", str(STUDY), "--out", str(tmp_path), "-p", "01_terms.top_m=5"])
    err = capsys.readouterr().err
    assert code == 2
    assert "notebook 01_terms: unknown parameter 'top_m'" in err
    assert "did you mean 'top_n'?" in err
    assert not any(tmp_path.iterdir())  # nothing ran, nothing written
    with pytest.raises(ParameterError, match="unknown parameter 'colour': no selected notebook"):
        run_report(STUDY, out=tmp_path, params=["colour=red"])


def test_wrongly_typed_parameter_is_rejected_with_expected_and_given_type(tmp_path):
    with pytest.raises(
        ParameterError,
        match=r"notebook 01_terms: parameter 'top_n' expects int, got str \('many'\) "
        r"from -p top_n=many",
    ):
        run_report(STUDY, out=tmp_path, params=["top_n=many"])
    with pytest.raises(ParameterError, match=r"'kwic_terms' expects list\[str\], got list"):
        run_report(STUDY, out=tmp_path, params=["kwic_terms=[1, 2]"])
    # papermill would inject True for an int silently (bool is an int in Python).
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "tiny.ipynb", TINY_PARAMS, TINY_SAVE)
    study = tiny_study(tmp_path / "s", nbdir, "parameters:\n  tiny: {fail: 1}\n")
    with pytest.raises(
        ParameterError,
        match=r"notebook tiny: parameter 'fail' expects bool, got int \(1\) from .*study.yml "
        r"\(parameters.tiny.fail\)",
    ):
        run_report(study, out=tmp_path / "r")


def test_runner_parameters_and_unknown_notebooks_are_rejected(tmp_path):
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "tiny.ipynb", TINY_PARAMS, TINY_SAVE)
    study = load_study(tiny_study(tmp_path, nbdir))
    declared = {"tiny": notebook_parameters(nbdir / "tiny.ipynb")}
    with pytest.raises(ParameterError, match="'output_dir' is set by the report runner"):
        resolve_parameters(declared, study, ["output_dir=/tmp/x"])
    with pytest.raises(ParameterError, match="no selected notebook 'nope'"):
        resolve_parameters(declared, study, ["nope.fail=true"])
    with pytest.raises(ParameterError, match=r"--only 99_x: no such notebook .*notebooks: tiny"):
        run_report(study, out=tmp_path / "r", only=["99_x"])
    bad = load_study(tiny_study(tmp_path / "b", nbdir, "parameters:\n  99_x: {a: 1}\n"))
    with pytest.raises(
        ParameterError, match=r"key 'parameters.99_x': no notebook '99_x' \(notebooks: tiny\)"
    ):
        resolve_parameters(declared, bad)
    # With --only, the study file is still checked whole, and -p reaches selected notebooks only.
    write_notebook(nbdir / "other.ipynb", "depth: int = 1  # how deep")
    declared["other"] = notebook_parameters(nbdir / "other.ipynb")
    typo = load_study(tiny_study(tmp_path / "c", nbdir, "parameters:\n  other: {depth: x}\n"))
    with pytest.raises(ParameterError, match="notebook other: parameter 'depth' expects int"):
        resolve_parameters(declared, typo, selected=["tiny"])
    with pytest.raises(ParameterError, match="no selected notebook declares it"):
        resolve_parameters(declared, study, ["depth=2"], selected=["tiny"])


def test_cli_values_are_yaml_except_for_str_parameters(tmp_path):
    nbdir = tmp_path / "nbs"
    write_notebook(
        nbdir / "tiny.ipynb",
        """
        study_path: str = "s"
        n: int = 1
        ratio: float = 0.5
        words: list[str] = ["a"]
        label: str = "x"
        maybe: str | None = None
        """,
    )
    study = load_study(tiny_study(tmp_path, nbdir))
    declared = {"tiny": notebook_parameters(nbdir / "tiny.ipynb")}
    got = resolve_parameters(
        declared,
        study,
        ["n=3", "ratio=2", "words=[crime, police]", "label=2023", "maybe=yes", "tiny.n=4"],
    )
    assert got == {
        "tiny": {"n": 4, "ratio": 2, "words": ["crime", "police"], "label": "2023", "maybe": "yes"}
    }
    assert parse_cli_parameters(["01_terms.top_n=5", "a=b=c"]) == [
        ("01_terms", "top_n", "5"),
        (None, "a", "b=c"),
    ]
    with pytest.raises(ParameterError, match="expected name=value"):
        parse_cli_parameters(["top_n"])


# --------------------------------------------------------------------------- parameters cell


def test_parameters_cell_is_read_with_types_defaults_and_comments(tmp_path):
    path = write_notebook(
        tmp_path / "p.ipynb",
        """
        top_n: int = 20  # terms per table
        terms: list[str] = ["a#b", "c"]  # patterns; '#' inside a string is not a comment
        ratio = 0.5
        anything = None
        """,
    )
    params = notebook_parameters(path)
    assert [(p.name, p.type, p.default, p.comment) for p in params.values()] == [
        ("top_n", "int", 20, "terms per table"),
        ("terms", "list[str]", ["a#b", "c"], "patterns; '#' inside a string is not a comment"),
        ("ratio", "float", 0.5, ""),
        ("anything", "Any", None, ""),
    ]
    assert params["ratio"].accepts(1) and not params["ratio"].accepts(True)
    assert params["anything"].accepts({"x": 1})


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("import os", r"line 1: only `name: type = literal` assignments .* 'import os'"),
        ("n: int = len('ab')", r"line 1: the default of 'n' must be a literal"),
        ("n: int = 'ten'", r"line 1: default of 'n' is str, not int"),
        ("n: set = 1", r"line 1: unsupported type annotation 'set'"),
        ("n: int =", r"line 1: syntax error"),
    ],
)
def test_parameters_cell_with_code_or_bad_defaults_is_rejected(tmp_path, source, message):
    path = write_notebook(tmp_path / "p.ipynb", source)
    with pytest.raises(ParameterError, match=rf"p.ipynb \(parameters cell 1\) {message}"):
        notebook_parameters(path)


def test_notebook_without_or_with_two_parameters_cells_is_rejected(tmp_path):
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    nbformat.write(nb, tmp_path / "none.ipynb")
    with pytest.raises(ParameterError, match="needs exactly one cell tagged 'parameters', found 0"):
        notebook_parameters(tmp_path / "none.ipynb")
    for cell in nb.cells * 2:
        cell.metadata["tags"] = ["parameters"]
    nb.cells = [nb.cells[0], new_code_cell("y = 2", metadata={"tags": ["parameters"]})]
    nbformat.write(nb, tmp_path / "two.ipynb")
    with pytest.raises(ParameterError, match="found 2"):
        notebook_parameters(tmp_path / "two.ipynb")


# --------------------------------------------------------------------------- study file


def test_sample_study_file_resolves_paths_relative_to_itself():
    study = load_study(STUDY)
    assert study.name == "asean_china_sample"
    assert study.corpus == DATA / "raw" and study.metadata == DATA / "metadata.csv"
    assert study.codebook == DATA / "codebooks" / "asean_china_crime.yml"
    assert study.actors == DATA / "actors" / "asean_china.yml"
    assert study.gold == DATA / "gold" / "asean_china_sentences.csv"
    assert study.stopwords == DATA / "stopwords" / "english.txt"
    assert study.group == "outlet" and study.clean_boilerplate is True
    assert study.notebooks == NOTEBOOKS
    inputs = study_inputs(study)
    assert inputs.columns.tolist() == ["role", "path", "sha256"]
    assert inputs["path"].tolist()[:4] == [
        "study.yml",
        "raw/000_74c46e1f27d8f2f9.txt",
        "raw/002_7bda44e176ab552b.txt",
        "metadata.csv",
    ]


BASE = f"""\
name: s
corpus:
  source: {DATA / "raw"}
  metadata: {DATA / "metadata.csv"}
group: outlet
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BASE + "codebok: x.yml\n", r"unknown key 'codebok'; did you mean 'codebook'\?"),
        (BASE + "codebook: missing.yml\n", r"key 'codebook': file not found: .*missing.yml"),
        (BASE + "parameters: [1, 2]\n", r"key 'parameters' must be a mapping .*, got list"),
        (BASE.replace("group: outlet", "group: 3"), r"key 'group' must be a string .*got int"),
        (BASE.replace("group: outlet", "group: outlt"), r"'outlt' is not a column of .*"),
        (BASE.replace("corpus:\n", "corpus:\n  colour: red\n"), r"unknown key 'corpus.colour'"),
        (
            BASE.replace("  metadata:", "  clean_boilerplate: yes please\n  metadata:"),
            r"key 'corpus.clean_boilerplate' must be true or false, got str",
        ),
        (BASE.replace("name: s", "name: a/b"), r"key 'name' must be a folder-safe name"),
        (BASE.replace("name: s\n", ""), r"missing required key 'name'"),
        ("", r"study file is empty"),
        ("name: [unclosed\n", r"line 2, column 1: not valid YAML"),
        ("- a\n", r"must be a YAML mapping of keys, got list"),
    ],
)
def test_bad_study_file_errors_name_the_file_and_the_key(tmp_path, text, message):
    path = tmp_path / "study.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StudyError, match=message) as err:
        load_study(path)
    assert str(err.value).startswith(f"{path}:")


def test_missing_and_non_utf8_study_files_are_reported(tmp_path):
    with pytest.raises(StudyError, match=r"nope.yml: study file not found"):
        load_study(tmp_path / "nope.yml")
    (tmp_path / "latin.yml").write_bytes(b"name: caf\xe9\n")
    with pytest.raises(StudyError, match=r"latin.yml: not valid UTF-8 at byte offset 9"):
        load_study(tmp_path / "latin.yml")


def test_cli_reports_a_bad_study_file_with_exit_status_2(tmp_path, capsys):
    assert main(["report", "--study", str(tmp_path / "none.yml")]) == 2
    assert "none.yml: study file not found" in capsys.readouterr().err


# --------------------------------------------------------------------------- tables


def test_save_table_writes_fixed_float_format_and_newlines(tmp_path):
    table = pd.DataFrame({"term": ["crime", "Thưởng"], "x": [1 / 3, 2.0e-9], "n": [1, 2]})
    path = save_table(table, tmp_path / "sub" / "t.csv")
    assert path.read_bytes() == "term,x,n\ncrime,0.333333,1\nThưởng,2e-09,2\n".encode()


def test_corpus_overview_counts_sentences_tokens_and_words():
    from analysis.text import tokenize
    from tests.conftest import make_docs

    docs = make_docs("One two. Three!", "Four, five", outlet=["A", "B"])
    table = corpus_overview(docs, tokenize(docs), columns=["outlet"])
    assert table.to_dict("list") == {
        "doc_id": ["d1", "d2"],
        "outlet": ["A", "B"],
        "n_chars": [15, 10],
        "n_sentences": [2, 1],
        "n_tokens": [5, 3],
        "n_words": [3, 2],
    }
    with pytest.raises(ValueError, match="no column 'date'"):
        corpus_overview(docs, tokenize(docs), columns=["date"])


# --------------------------------------------------------------------------- plots


def test_saved_figures_are_byte_identical_and_carry_no_date_or_software_stamp(tmp_path):
    from analysis.plots import heatmap, save_figure

    matrix = pd.DataFrame(
        {"VNA": [9, 2], "Báo Thanh niên": [12, 0]}, index=["cooperation", "cybercrime"]
    )
    a = save_figure(heatmap(matrix, fmt="{:.0f}"), tmp_path / "a")
    b = save_figure(heatmap(matrix, fmt="{:.0f}"), tmp_path / "b.png")
    assert sorted(a) == ["png", "svg"] and b["svg"] == tmp_path / "b.svg"
    for fmt in ("png", "svg"):
        assert a[fmt].read_bytes() == b[fmt].read_bytes()
    png = a["png"].read_bytes()
    assert png.startswith(b"\x89PNG") and b"Software" not in png and b"tEXt" not in png
    svg = a["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "<dc:format>image/svg+xml</dc:format>" in svg
    with pytest.raises(ValueError, match="formats='gif' is not allowed; choose one of 'png'"):
        save_figure(heatmap(matrix), tmp_path / "c", formats=["gif"])


def test_dispersion_plot_puts_one_tick_per_match_at_its_token_position():
    from analysis.plots import dispersion_plot
    from analysis.text import tokenize
    from tests.conftest import make_docs

    tokens = tokenize(make_docs("crime and more crime", "no match here at all ok"))
    matches = pd.DataFrame({"doc_id": ["d1", "d1"], "tok": [0, 3], "key": ["crime", "crime"]})
    fig = dispersion_plot(matches, tokens, keys=["police", "crime"])
    top, bottom = fig.axes[:2]
    assert top.collections[0].get_offsets().tolist() == [[0.0, 1.0], [3.0, 1.0]]
    assert [t.get_text() for t in top.get_yticklabels()] == ["police", "crime"]
    assert top.get_xlim() == (0.0, 4.0) and bottom.get_xlim() == (0.0, 6.0)
    assert len(bottom.collections[0].get_offsets()) == 0
    with pytest.raises(ValueError, match="matches needs a 'tok' column"):
        dispersion_plot(matches.drop(columns="tok"), tokens)


def test_bar_chart_keeps_row_order_per_group_and_checks_options():
    from analysis.plots import bar_chart, heatmap

    table = pd.DataFrame(
        {"term": ["crime", "asean", "police"], "n": [5, 3, 4], "group": ["A", "A", "B"]}
    )
    fig = bar_chart(table, x="term", y="n", by="group")
    assert [ax.get_title() for ax in fig.axes] == ["A", "B"]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["crime", "asean"]
    assert [p.get_width() for p in fig.axes[0].patches] == [5.0, 3.0]
    with pytest.raises(ValueError, match="orientation='diagonal' is not allowed; choose one of"):
        bar_chart(table, x="term", y="n", orientation="diagonal")
    with pytest.raises(ValueError, match="bar_chart: no column 'count'"):
        bar_chart(table, x="term", y="count")
    with pytest.raises(ValueError, match="heatmap: the matrix is empty"):
        heatmap(pd.DataFrame())


def test_table_html_escapes_cells_aligns_text_left_and_never_shows_an_empty_grid():
    from analysis.reporting import table_html

    table = pd.DataFrame({"pre": ["x <b>"], "keyword": ["<script>alert(1)</script>"], "n": [3]})
    page = table_html(table, caption="A & B")
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page
    assert "<td>x &lt;b&gt;</td>" in page and "<p><strong>A &amp; B</strong></p>" in page
    table_id = re.search(r'id="(t[0-9a-f]{10})"', page).group(1)
    assert f"#{table_id} td:nth-child(1),#{table_id} th:nth-child(1){{text-align:right}}" in page
    assert f"#{table_id} td:nth-child(2),#{table_id} th:nth-child(2){{text-align:left}}" in page
    assert table_html(table) == table_html(table.copy())  # no random ids
    assert table_html(table.iloc[:0]) == "<p><em>No rows.</em></p>"
    long = pd.DataFrame({"n": range(5)})
    assert table_html(long, max_rows=2).endswith("<p><em>First 2 of 5 rows.</em></p>")


def test_cli_params_lists_each_notebooks_parameters_with_types_defaults_and_comments(capsys):
    assert main(["params", "--study", str(STUDY)]) == 0
    out = capsys.readouterr().out
    assert "01_terms\n" in out
    assert "  top_n: int = 20  # terms per table and chart\n" in out
    assert "  kwic_terms: list[str] = ['cooperation', 'crime*']" in out
