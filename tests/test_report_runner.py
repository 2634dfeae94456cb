"""The report runner: injection, error messages, pages, provenance and the atomic swap.

Fast tests run the runner with papermill replaced by ``FakePapermill`` (no kernel); one smoke
test runs a tiny notebook in a real kernel. The tests marked ``slow`` run the real notebooks on
the sample study (once for all of them, plus once more for the byte-identical rerun) and on a
hostile corpus; ``pytest -m "not slow"`` skips them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

import nbformat
import pandas as pd
import papermill
import pytest

from analysis.report import ReportError, StudyError, load_study, run_report
from analysis.report.cli import main
from tests.report_helpers import (
    DATA,
    NOTEBOOK_NAMES,
    NOTEBOOKS,
    STUDY,
    TINY_FAIL,
    TINY_PARAMS,
    TINY_SAVE,
    FakePapermill,
    files,
    sha,
    snapshot,
    tiny_notebooks,
    tiny_study,
    write_notebook,
    write_study,
)

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def fake_papermill(monkeypatch):
    fake = FakePapermill()
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    return fake


# --------------------------------------------------------------------------- runner, no kernel


def test_runner_injects_parameters_and_writes_pages_tables_index_and_provenance(
    tmp_path, fake_papermill
):
    nbdir = tiny_notebooks(tmp_path / "nbs", "a_first", "b_second")
    study = tiny_study(tmp_path / "study", nbdir, "parameters:\n  b_second: {label: two}\n")
    cwd = os.getcwd()
    report = run_report(study, out=tmp_path / "reports", params=["a_first.label=one"], kernel="k")
    assert os.getcwd() == cwd
    assert report == tmp_path / "reports" / "tiny"
    # Injected: the runner's own parameters (study path relative to the report) and overrides.
    calls = {os.path.basename(c["input_path"]): c for c in fake_papermill.calls}
    assert calls["a_first.ipynb"]["parameters"] == {
        "study_path": "../../study/study.yml",
        "output_dir": "a_first",
        "label": "one",
    }
    assert calls["b_second.ipynb"]["parameters"]["label"] == "two"
    assert {c["kernel_name"] for c in calls.values()} == {"k"}
    assert sorted(p.name for p in report.iterdir()) == [
        "_tables",  # every table, computed once before the notebooks run
        "a_first",
        "a_first.html",
        "a_first.ipynb",
        "b_second",
        "b_second.html",
        "b_second.ipynb",
        "index.html",
        "provenance.json",
    ]
    assert pd.read_csv(report / "b_second" / "t.csv")["label"].tolist() == ["two"]
    prov = json.loads((report / "provenance.json").read_text(encoding="utf-8"))
    assert prov["study"] == {
        "name": "tiny",
        "title": "tiny",
        "file": "study.yml",
        "sha256": sha(study),
    }
    assert prov["parameters"]["a_first"] == {
        "study_path": "../../study/study.yml",
        "output_dir": "a_first",
        "fail": False,
        "label": "one",
    }
    tables = prov["outputs"].pop("_tables")  # the tables computed once, listed with hashes
    assert tables["_tables/manifest.json"] == sha(report / "_tables" / "manifest.json")
    assert {"_tables/documents.parquet", "_tables/term_frequency.parquet"} <= set(tables)
    assert prov["outputs"] == {
        nb: {f"{nb}/t.csv": sha(report / nb / "t.csv")} for nb in ("a_first", "b_second")
    }
    assert prov["notebooks"]["a_first"]["sha256"] == sha(nbdir / "a_first.ipynb")
    assert [i["role"] for i in prov["inputs"]] == ["study", "corpus", "corpus", "metadata"]
    assert prov["kernel"] == "k" and prov["python"] == platform.python_version()
    page = (report / "a_first.html").read_text(encoding="utf-8")
    assert "<title>a_first</title>" in page  # the notebook's first heading
    assert "save_table(" not in page  # no input cells
    footer = page[page.index('<footer class="provenance"') :]
    assert "</footer></body>" in page  # the footer closes the page body
    assert "<code>label</code></td><td><code>&quot;one&quot;</code>" in footer
    for item in prov["inputs"]:
        assert item["sha256"] in footer
    index = (report / "index.html").read_text(encoding="utf-8")
    assert '<a href="a_first.html"><strong>a_first</strong></a>' in index
    assert '<a href="b_second/t.csv">b_second/t.csv</a>' in index
    assert [p.name for p in report.parent.iterdir()] == ["tiny"]  # no temporary folder left


def test_only_runs_the_named_notebooks(tmp_path, fake_papermill):
    nbdir = tiny_notebooks(tmp_path / "nbs", "a_first", "b_second")
    report = run_report(tiny_study(tmp_path, nbdir), out=tmp_path / "r", only=["b_second"])
    assert [os.path.basename(c["input_path"]) for c in fake_papermill.calls] == ["b_second.ipynb"]
    assert not (report / "a_first.html").exists()
    outputs = json.loads((report / "provenance.json").read_text())["outputs"]
    assert outputs.keys() == {"b_second", "_tables"}


def test_failed_run_keeps_the_previous_report_and_the_failed_run(tmp_path, capsys, fake_papermill):
    nbdir = tiny_notebooks(tmp_path / "nbs")
    study = tiny_study(tmp_path, nbdir)
    out = tmp_path / "reports"
    assert main(["report", "--study", str(study), "--out", str(out)]) == 0
    before = files(out / "tiny")
    code = main(
        ["report", "--study", str(study), "--out", str(out), "-p", "fail=true", "-p", "label=2nd"]
    )
    err = capsys.readouterr().err
    assert code == 1
    # The fake fails in cell 4 of the executed notebook, which has the injected cell 2: the
    # message names cell 3 of the notebook the user wrote.
    assert f"notebook tiny ({nbdir / 'tiny.ipynb'}) failed in cell 3 [if fail:]: " in err
    assert "ValueError: boom" in err
    assert f"executed notebooks of the failed run: {out / 'tiny.failed'}" in err
    assert "the previous report (if any) was left in place" in err
    assert files(out / "tiny") == before
    assert pd.read_csv(out / "tiny.failed" / "tiny" / "t.csv")["label"].tolist() == ["2nd"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    # The next good run replaces the report and clears the failed one.
    assert main(["report", "--study", str(study), "--out", str(out), "-p", "label=3rd"]) == 0
    assert pd.read_csv(out / "tiny" / "tiny" / "t.csv")["label"].tolist() == ["3rd"]
    assert sorted(p.name for p in out.iterdir()) == ["tiny"]


def test_a_failed_swap_restores_the_previous_report(tmp_path, monkeypatch, fake_papermill):
    nbdir = tiny_notebooks(tmp_path / "nbs")
    study = tiny_study(tmp_path, nbdir)
    out = tmp_path / "reports"
    run_report(study, out=out)
    before = files(out / "tiny")
    replace = os.replace

    def refuse_new_report(src, dst):
        if os.path.basename(src).startswith(".tiny.tmp-") and dst == out / "tiny":
            raise OSError("disk full")
        return replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_new_report)
    with pytest.raises(OSError, match="disk full"):
        run_report(study, out=out, params=["label=new"])
    assert files(out / "tiny") == before
    assert pd.read_csv(out / "tiny.failed" / "tiny" / "t.csv")["label"].tolist() == ["new"]
    assert sorted(p.name for p in out.iterdir()) == ["tiny", "tiny.failed"]


def test_a_missing_kernel_names_the_kernel_and_the_fix(tmp_path, monkeypatch):
    from jupyter_client.kernelspec import NoSuchKernel

    def no_kernel(*args, **kwargs):
        raise NoSuchKernel("nope")

    monkeypatch.setattr(papermill, "execute_notebook", no_kernel)
    study = tiny_study(tmp_path, tiny_notebooks(tmp_path / "nbs"))
    with pytest.raises(
        ReportError,
        match=r"notebook tiny: Jupyter kernel 'nope' is not installed; run `make setup` "
        r"\(it registers 'analysis-news'\) or pass --kernel python3",
    ):
        run_report(study, out=tmp_path / "r", kernel="nope")
    assert not (tmp_path / "r" / "tiny").exists()


def test_notebook_folder_and_notebooks_must_exist(tmp_path):
    study = load_study(tiny_study(tmp_path, tmp_path))
    with pytest.raises(StudyError, match=r"study.yml: notebook folder not found: .*nope"):
        run_report(study, out=tmp_path / "r", notebooks=tmp_path / "nope")
    with pytest.raises(StudyError, match=r"no notebooks \(\*.ipynb\) to run"):
        run_report(study, out=tmp_path / "r")


def test_pages_escape_article_text_and_study_values(tmp_path, monkeypatch):
    fake = FakePapermill(shown=pd.DataFrame({"pre": [f"Crime {SCRIPT}"], "matched": ["must"]}))
    monkeypatch.setattr(papermill, "execute_notebook", fake)
    nbdir = tiny_notebooks(tmp_path / "nbs")
    study = tiny_study(tmp_path, nbdir, f'title: "{SCRIPT}"\n')
    report = run_report(study, out=tmp_path / "reports", params=[f"label={SCRIPT}"])
    for page in ("tiny.html", "index.html"):
        html = (report / page).read_text(encoding="utf-8")
        assert ESCAPED in html, page
        assert SCRIPT not in html, page


# --------------------------------------------------------------------------- a real kernel


@pytest.mark.slow  # (a real Jupyter kernel: 4 s; make test-all and CI run it)
def test_smoke_a_tiny_notebook_runs_in_a_real_kernel(tmp_path):
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "tiny.ipynb", TINY_PARAMS, TINY_SAVE, TINY_FAIL)
    cwd = os.getcwd()
    report = run_report(tiny_study(tmp_path, nbdir), out=tmp_path / "reports", params=["label=x"])
    # Regression: papermill's cwd= chdirs the whole process, which raced between notebooks run
    # in parallel threads and left the process in the deleted temporary folder.
    assert os.getcwd() == cwd
    assert pd.read_csv(report / "tiny" / "t.csv")["label"].tolist() == ["x"]
    assert "papermill" in (report / "tiny.ipynb").read_text(encoding="utf-8")
    assert '<footer class="provenance"' in (report / "tiny.html").read_text(encoding="utf-8")


@pytest.mark.slow
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


# --------------------------------------------------------------------------- the real pipeline


@pytest.fixture(scope="session")
def sample_report(tmp_path_factory):
    """The sample study's report, run once; a snapshot of its files and provenance."""
    out = tmp_path_factory.mktemp("reports")
    cwd = os.getcwd()
    report = run_report(STUDY, out=out)
    assert os.getcwd() == cwd
    prov = json.loads((report / "provenance.json").read_text(encoding="utf-8"))
    return report, snapshot(report), prov


@pytest.fixture(scope="session")
def sample_rerun(sample_report):
    """The same report run again into the same folder (replacing the first)."""
    report, first, first_prov = sample_report
    run_report(STUDY, out=report.parent)
    second_prov = json.loads((report / "provenance.json").read_text(encoding="utf-8"))
    return first, first_prov, snapshot(report), second_prov


@pytest.mark.slow
def test_report_writes_html_tables_figures_index_and_provenance(sample_report):
    report, first, prov = sample_report
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


@pytest.mark.slow
def test_corpus_table_counts_match_the_tokenizer(sample_report, sample_docs, sample_tokens):
    report, *_ = sample_report
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


@pytest.mark.slow
def test_provenance_hashes_match_the_input_files(sample_report):
    _, _, prov = sample_report
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
        "actor_gold",
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


@pytest.mark.slow
def test_html_reports_hide_code_embed_figures_and_carry_the_provenance_footer(sample_report):
    report, *_ = sample_report
    # The pages and provenance on disk belong to the same run (the first, or the rerun).
    prov = json.loads((report / "provenance.json").read_text(encoding="utf-8"))
    page = (report / "01_terms.html").read_text(encoding="utf-8")
    assert "load_study(" not in page  # input cells are excluded
    assert "data:image/png;base64," in page  # figures are embedded, not linked
    assert "<script src=" not in page  # offline: no CDN scripts
    footer = page[page.index('<footer class="provenance"') :]
    for item in prov["inputs"]:
        assert item["sha256"] in footer
    assert "top_n" in footer and prov["versions"]["pandas"] in footer
    assert prov["started"] in footer and prov["finished"] in footer


@pytest.mark.slow
def test_rerun_gives_byte_identical_tables_and_figures_and_equal_provenance(sample_rerun):
    first, first_prov, second, second_prov = sample_rerun
    assert sorted(first) == sorted(second)
    changed = [name for name in first if first[name] != second[name]]
    assert changed == []
    times = ("started", "finished", "seconds")  # wall-clock, differ from run to run
    assert {k: v for k, v in first_prov.items() if k not in times} == {
        k: v for k, v in second_prov.items() if k not in times
    }


@pytest.mark.slow
def test_script_in_article_text_is_escaped_in_kwic_and_quote_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        f'"Crime {SCRIPT} must stop," President Vo Van Thuong said.\n'
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
    assert SCRIPT in kwic.loc[0, "pre"] + kwic.loc[0, "matched"] + kwic.loc[0, "post"]
    quotes = pd.read_csv(report / "03_actors" / "quotes.csv")
    assert quotes[["speaker_id", "text"]].values.tolist() == [
        ["vo_van_thuong", f"Crime {SCRIPT} must stop,"]
    ]
    for page in ("01_terms.html", "03_actors.html"):
        html = (report / page).read_text(encoding="utf-8")
        assert ESCAPED in html, page
        assert "<script>alert(1)" not in html, page


def test_without_the_report_extra_the_cli_says_what_to_install(tmp_path, monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "papermill", None)  # makes `import papermill` fail
    study = tiny_study(tmp_path, tiny_notebooks(tmp_path / "nbs"))
    assert main(["report", "--study", str(study), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "papermill is needed to read and run report notebooks" in err
    assert "pip install 'analysis[report]'" in err
    assert not (tmp_path / "r").exists()


# --------------------------------------------------------------------------- checks before kernels


def test_a_broken_corpus_fails_before_any_kernel_with_the_readers_error(
    tmp_path, fake_papermill, capsys
):
    from analysis.corpus import CorpusError

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Some text.\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("doc_id,file,outlet\nA,a.txt,X\nB,b.txt,Y\n", "utf-8")
    nbdir = tiny_notebooks(tmp_path / "nbs")
    study = write_study(
        tmp_path,
        f"name: tiny\ncorpus: {{source: raw, metadata: meta.csv}}\ngroup: outlet\n"
        f"notebooks: {nbdir}\n",
    )
    with pytest.raises(CorpusError, match=r"meta.csv"):
        run_report(study, out=tmp_path / "r")
    assert fake_papermill.calls == [] and not (tmp_path / "r").exists()
    assert main(["report", "--study", str(study), "--out", str(tmp_path / "r")]) == 2
    assert "meta.csv" in capsys.readouterr().err


def test_a_broken_codebook_fails_before_any_kernel(tmp_path, fake_papermill):
    from analysis.codebook import CodebookError

    (tmp_path / "cb.yml").write_text("themes:\n  crime: [\n", encoding="utf-8")
    study = tiny_study(tmp_path, tiny_notebooks(tmp_path / "nbs"), "codebook: cb.yml\n")
    with pytest.raises(CodebookError, match=r"cb.yml"):
        run_report(study, out=tmp_path / "r")
    assert fake_papermill.calls == []


def test_one_group_no_dates_no_codebook_no_actors_runs_the_real_notebooks_parameters(
    tmp_path, fake_papermill
):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Crime fell. Police helped.\n", encoding="utf-8")
    (raw / "b.txt").write_text("Cooperation grew.\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("doc_id,file,outlet\nA,a.txt,X\nB,b.txt,X\n", "utf-8")
    study = write_study(
        tmp_path,
        f"name: lone\ncorpus: {{source: raw, metadata: meta.csv}}\ngroup: outlet\n"
        f"notebooks: {NOTEBOOKS}\n",
    )
    report = run_report(study, out=tmp_path / "r")
    assert sorted(p.name for p in report.glob("*.html")) == sorted(
        ["index.html"] + [f"{n}.html" for n in NOTEBOOK_NAMES]
    )


# --------------------------------------------------------------------------- every failure


def test_every_failing_notebook_is_reported_and_kept(tmp_path, fake_papermill, capsys):
    nbdir = tiny_notebooks(tmp_path / "nbs", "a_first", "b_second", "c_third")
    study = tiny_study(
        tmp_path, nbdir, "parameters:\n  a_first: {fail: true}\n  c_third: {fail: true}\n"
    )
    out = tmp_path / "reports"
    assert main(["report", "--study", str(study), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "2 of 3 notebooks failed:" in err
    assert f"notebook a_first ({nbdir / 'a_first.ipynb'}) failed in cell 3 [if fail:]" in err
    assert f"notebook c_third ({nbdir / 'c_third.ipynb'}) failed in cell 3 [if fail:]" in err
    assert "b_second" not in err.split("notebooks failed:")[1]
    failed = out / "tiny.failed"
    assert {p.name for p in failed.glob("*.ipynb")} == {
        "a_first.ipynb",
        "b_second.ipynb",
        "c_third.ipynb",
    }


# --------------------------------------------------------------------------- --only links


def test_only_turns_links_to_pages_not_run_into_plain_text(tmp_path, fake_papermill):
    from nbformat.v4 import new_markdown_cell

    nbdir = tiny_notebooks(tmp_path / "nbs", "a_first", "b_second")
    nb = nbformat.read(nbdir / "a_first.ipynb", as_version=4)
    nb.cells.insert(1, new_markdown_cell("See [the second](b_second.html) and [me](a_first.html)."))
    nbformat.write(nb, nbdir / "a_first.ipynb")
    report = run_report(tiny_study(tmp_path, nbdir), out=tmp_path / "r", only=["a_first"])
    page = (report / "a_first.html").read_text(encoding="utf-8")
    assert 'href="b_second.html"' not in page
    assert "the second</span>" in page and 'href="a_first.html"' in page
    full = run_report(tiny_study(tmp_path, nbdir), out=tmp_path / "full")
    assert 'href="b_second.html"' in (full / "a_first.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- folders


@pytest.mark.parametrize("name", ["a..b.failed", "x.tmp-1", "x.old-12", "A.FAILED"])
def test_names_that_collide_with_the_runners_folders_are_rejected(tmp_path, name):
    study = tiny_study(tmp_path, tmp_path).read_text().replace("name: tiny", f"name: {name}")
    (tmp_path / "study.yml").write_text(study, encoding="utf-8")
    with pytest.raises(StudyError, match=rf"key 'name': '{re.escape(name)}' looks like the "):
        load_study(tmp_path / "study.yml")


def test_a_run_of_a_dotted_name_leaves_other_reports_alone(tmp_path, fake_papermill):
    nbdir = tiny_notebooks(tmp_path / "nbs")
    study = tiny_study(tmp_path, nbdir).read_text().replace("name: tiny", "name: a..b")
    (tmp_path / "study.yml").write_text(study, encoding="utf-8")
    out = tmp_path / "r"
    (out / "a..b.c").mkdir(parents=True)  # another study's report
    (out / ".a..b.c.tmp-1-x").mkdir()  # another study's stale folder
    run_report(tmp_path / "study.yml", out=out)
    assert sorted(p.name for p in out.iterdir()) == [".a..b.c.tmp-1-x", "a..b", "a..b.c"]


def test_stale_temporary_folders_of_killed_runs_are_removed(tmp_path, fake_papermill):
    nbdir = tiny_notebooks(tmp_path / "nbs")
    out = tmp_path / "r"
    out.mkdir()
    dead = 2**22 + 17  # above Linux's largest pid: no such process
    old = time.time() - 60
    host = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
    other = "0123abcd" if host != "0123abcd" else "fedc9876"
    stale = [
        out / f".tiny.tmp-{dead}@{host}-abc",
        out / f".tiny.old-{dead}@{host}-1",
        out / ".tiny.tmp-abcd_123",
    ]
    kept = [
        out / f".tiny.tmp-{os.getpid()}@{host}-live",  # a run of this process still going
        out / f".tiny.tmp-{dead}@{other}-x",  # another machine's run, younger than a day
        out / f".other.tmp-{dead}-x",  # another study's
        out / ".tiny.tmp-recent12",  # no pid, younger than a day
        out / "notes",  # not the runner's
    ]
    for path in stale + kept:
        path.mkdir()
        os.utime(path, (old, old))
    day_old = time.time() - 2 * 86400
    os.utime(stale[2], (day_old, day_old))
    fresh = out / f".tiny.tmp-{dead}-fresh"  # made after this run started: left alone
    log = io.StringIO()
    real = tempfile.mkdtemp

    def mkdtemp(*args, **kwargs):
        fresh.mkdir()
        os.utime(fresh, (time.time() + 60, time.time() + 60))
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tempfile, "mkdtemp", mkdtemp)
        run_report(tiny_study(tmp_path, nbdir), out=out, log=log)
    left = {p.name for p in out.iterdir()}
    assert left == {p.name for p in kept} | {"tiny", fresh.name}
    assert f"removed .tiny.tmp-{dead}@{host}-abc (left by a run that was killed)" in log.getvalue()


def test_a_report_moved_aside_by_a_run_killed_during_the_swap_is_put_back(tmp_path, monkeypatch):
    out = tmp_path / "r"
    old = (
        out
        / f".tiny.old-{2**22 + 17}@{hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]}-1"
    )
    (old / "tiny").mkdir(parents=True)
    (old / "index.html").write_text("previous", encoding="utf-8")
    os.utime(old, (time.time() - 60, time.time() - 60))
    monkeypatch.setattr(papermill, "execute_notebook", FakePapermill())
    log = io.StringIO()
    nbdir = tiny_notebooks(tmp_path / "nbs")
    with pytest.raises(ReportError):
        run_report(tiny_study(tmp_path, nbdir), out=out, log=log, params=["fail=true"])
    assert f"restored the previous report from {old.name} (a run was killed)" in log.getvalue()
    assert (out / "tiny" / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.iterdir()) == ["tiny", "tiny.failed"]


@pytest.mark.slow  # (three report runs at once; make test-all and CI run it)
def test_concurrent_runs_of_one_study_all_succeed(tmp_path, fake_papermill):
    from concurrent.futures import ThreadPoolExecutor

    nbdir = tiny_notebooks(tmp_path / "nbs")
    study = load_study(tiny_study(tmp_path, nbdir))
    out = tmp_path / "r"
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(lambda i: run_report(study, out=out, params=[f"label=run{i}"]), range(4))
        )
    assert results == [out / "tiny"] * 4
    assert sorted(p.name for p in out.iterdir()) == ["tiny"]
    label = pd.read_csv(out / "tiny" / "tiny" / "t.csv")["label"].tolist()
    assert label[0] in {f"run{i}" for i in range(4)}
    prov = json.loads((out / "tiny" / "provenance.json").read_text())
    assert prov["parameters"]["tiny"]["label"] == label[0]  # one complete run, not a mix


def test_a_billion_laughs_study_file_is_refused_fast(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    path = tmp_path / "study.yml"
    path.write_text("name: bomb\n" + "\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(StudyError, match=r"line 2, column 4: not valid YAML: anchors"):
        load_study(path)
    assert time.monotonic() - started < 1


# --------------------------------------------------------------------------- real kernels


@pytest.mark.slow
def test_a_cell_timeout_names_the_cell_and_the_limit_and_keeps_the_notebook(tmp_path, capsys):
    nbdir = tmp_path / "nbs"
    write_notebook(nbdir / "slow.ipynb", TINY_PARAMS, TINY_SAVE, "import time\ntime.sleep(60)")
    study = tiny_study(tmp_path, nbdir)
    out = tmp_path / "r"
    # (10 s, not 3: importing pandas in cell 2 of a fresh kernel took over 3 s on a loaded
    # 2-core machine and timed out there instead, one run in three)
    args = ["report", "--study", str(study), "--out", str(out), "--cell-timeout", "10"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert (
        f"notebook slow ({nbdir / 'slow.ipynb'}): cell 3 [import time] timed out after 10 s" in err
    )
    assert "raise the limit with --cell-timeout SECONDS" in err
    kept = nbformat.read(out / "tiny.failed" / "slow.ipynb", as_version=4)
    assert "time.sleep(60)" in kept.cells[-1].source
    assert pd.read_csv(out / "tiny.failed" / "slow" / "t.csv")["label"].tolist() == ["first"]


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_the_runner_shuts_its_kernels_down(tmp_path, signum):
    nbdir = tmp_path / "nbs"
    pidfile = tmp_path / "kernel.pid"
    busy = f"import os\nopen({str(pidfile)!r}, 'w').write(str(os.getpid()))\nwhile True:\n    pass"
    write_notebook(nbdir / "busy.ipynb", TINY_PARAMS, busy)
    study = tiny_study(tmp_path, nbdir)
    out = tmp_path / "r"
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "report", "--study", str(study), "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    started = time.monotonic()
    while not (pidfile.exists() and pidfile.read_text()) and time.monotonic() - started < 90:
        time.sleep(0.2)
    kernel = int(pidfile.read_text())
    assert _running(kernel)
    proc.send_signal(signum)
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 128 + signum, err
    assert f"interrupted by {signal.Signals(signum).name}; the kernels were shut down" in err
    deadline = time.monotonic() + 10
    while _running(kernel) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(kernel)
    assert sorted(p.name for p in out.iterdir()) == ["tiny.failed"]


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.slow
def test_pages_have_no_stderr_boxes_or_stray_reprs(sample_report):
    # A progress bar or a library warning in a kernel becomes a red stderr box in the page;
    # an unassigned Path shows as "PosixPath(...)".
    report, _, _ = sample_report
    for page in sorted(report.glob("*.ipynb")):
        nb = json.loads(page.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                assert out.get("name") != "stderr", (page.name, "".join(out.get("text", "")))
                text = json.dumps(out.get("data", {}).get("text/plain", ""))
                assert "PosixPath(" not in text, page.name
