"""Tables in reports: byte-stable CSV, escaped HTML, the corpus overview."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.report import corpus_overview, display_table, save_table, table_html


def test_save_table_writes_fixed_float_format_and_newlines(tmp_path):
    table = pd.DataFrame({"term": ["crime", "Thưởng"], "x": [1 / 3, 2.0e-9], "n": [1, 2]})
    path = save_table(table, tmp_path / "sub" / "t.csv")
    assert path.read_bytes() == "term,x,n\ncrime,0.333333,1\nThưởng,2e-09,2\n".encode()


def test_save_table_writes_the_index_of_a_matrix_on_request(tmp_path):
    matrix = pd.DataFrame({"A": [1, 0]}, index=pd.Index(["crime", "police"], name="theme"))
    path = save_table(matrix, tmp_path / "m.csv", index=True)
    assert path.read_text(encoding="utf-8") == "theme,A\ncrime,1\npolice,0\n"


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


def test_corpus_overview_sentences_with_shuffled_tokens_and_an_empty_document():
    """n_sentences is each document's largest sentence number (an unbuffered maximum since
    issue 14), whatever the order of the tokens, and 0 for a document without tokens."""
    from analysis.text import tokenize
    from tests.conftest import make_docs

    docs = make_docs("One. Two. Three.", "", "Four! Five", "Six")
    tokens = tokenize(docs).sample(frac=1, random_state=4)
    table = corpus_overview(docs, tokens, columns=[])
    assert table["n_sentences"].tolist() == [3, 0, 2, 1]
    assert table["n_tokens"].tolist() == [6, 0, 3, 1]
    assert str(table["n_sentences"].dtype) == "int64"


def test_table_html_escapes_cells_aligns_text_left_and_never_shows_an_empty_grid():
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


def test_table_html_escapes_column_names_and_index_labels():
    matrix = pd.DataFrame({"<i>A</i>": [0.123456]}, index=["<b>crime</b>"])
    page = table_html(matrix, index=True, float_digits=2)
    assert "&lt;i&gt;A&lt;/i&gt;" in page and "&lt;b&gt;crime&lt;/b&gt;" in page
    assert "<i>" not in page and "<b>" not in page
    assert "<td>0.12</td>" in page
    assert "<style>" not in page  # matrices keep the default alignment


def test_display_table_shows_the_escaped_html(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    table = pd.DataFrame({"text": ["<script>x</script>"]})
    display_table(table, caption="Quotes", max_rows=1)
    assert [obj.data for obj in shown] == [table_html(table, caption="Quotes", max_rows=1)]


# --------------------------------------------------------------------------- figures
# Figures that reports save (analysis.plots); kept with the report tests they came with.


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


# --------------------------------------------------------------------------- interactive tables

_REMOTE = re.compile(
    r"<script[^>]*\ssrc=[\"']?https?:|<link[^>]*\shref=[\"']?https?:|import[^;]*from\s*[\"']https?:"
    r"|import\([\"']https?:|<a\s[^>]*href=[\"']?https?:",
    re.IGNORECASE,
)


def test_long_tables_are_interactive_offline_escaped_and_stable():
    from analysis.report import tables

    hits = pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(12)], "theme": ["crime"] * 12,
         "text": ["<script>alert('x')</script>"] * 12, "rate": [1 / 3] * 12}
    )  # fmt: skip
    page = table_html(hits, table_id="hits", caption="Hits")
    assert 'id="hits"' in page and "analysis-interactive" in page
    assert (
        "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    )
    assert "0.3333" in page and "0.333333" not in page  # float_digits=4
    assert table_html(hits, table_id="hits", caption="Hits") == page  # no random ids
    head = tables.interactive_tables_init_html()
    assert _REMOTE.search(page) is None and _REMOTE.search(head) is None
    assert "https://" not in head
    # the plain copy of the rows (shown where scripts do not run) is in the page too
    assert 'id="hits_fallback"' in page
    # small tables and matrices stay plain
    assert "analysis-interactive" not in table_html(hits.head(10))
    assert "analysis-interactive" not in table_html(hits, interactive=False)
    with pytest.raises(ValueError, match="an interactive table shows no index"):
        table_html(hits, interactive=True, index=True)


def test_count_links_filter_the_target_table_and_full_files_are_linked():
    counts = pd.DataFrame({"theme": ["crime", "<b>x</b>"], "count": [3, 1]})
    page = table_html(counts, links={"theme": "hits"}, file="02_themes/theme_counts.csv")
    assert (
        '<a class="analysis-filter-link" href="#hits" data-table="hits" data-filter="crime" '
        'title="show the rows behind it">crime</a>'
    ) in page
    assert 'data-filter="&lt;b&gt;x&lt;/b&gt;"' in page and "<b>x</b>" not in page
    assert page.endswith(
        '<p class="analysis-full-table">Full table (2 rows): '
        '<a href="02_themes/theme_counts.csv">theme_counts.csv</a></p>'
    )
    many = pd.concat([counts] * 8, ignore_index=True)
    interactive = table_html(many, links={"theme": "hits"}, table_id="counts")
    assert "analysis-filter-link" in interactive and "analysis-interactive" in interactive
    with pytest.raises(ValueError, match="links name no column 'actor'"):
        table_html(counts, links={"actor": "mentions"})


def test_display_table_embeds_the_table_library_once(monkeypatch):
    import IPython.display

    from analysis.report import tables

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    monkeypatch.setattr(tables, "_INIT_SHOWN", False)
    long = pd.DataFrame({"n": range(20)})
    display_table(long, table_id="a")
    display_table(long, table_id="b")
    first, second = (obj.data for obj in shown)
    assert first.startswith(tables.interactive_tables_init_html())
    assert second == table_html(long, table_id="b")
