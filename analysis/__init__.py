"""Reproducible content analysis of news coverage.

Every public function is importable from the package root (``from analysis import tokenize``)
and from its module (``analysis.text.tokenize``); the module names say what they hold:

============ =================================================================
corpus       load_corpus, iter_corpus, docs_from_table: the docs table
corpus_files read_text_file, read_html_file, normalize_text: one file in, CorpusError
webpages     extract_page: main text and metadata of a saved news page (trafilatura)
dates        parse_date, period_of: dates on load and periods for by="month"
language     detect_language: each document's language, offline
boilerplate  clean_boilerplate and its rule sets (audited removals)
duplicates   find_duplicates: republished and near-identical copies (shingles, MinHash)
text         tokenize, sentences, fold, stopwords: the tokens table
token_transforms tokens_remove, tokens_stem, tokens_ngrams: filtered, stemmed, n-gram tokens
punkt        sentence boundaries: Punkt's rules per vocabulary type (punkt_parameters)
matching     compile_patterns, match: the one pattern engine
frequency    term_frequency
keyterms     keyness between groups
concordance  kwic: keywords in context
collocation  collocations
codebook     theme codebooks (YAML, LIWC .dic)
themes       code_themes, theme_matrix, theme_kwic, review export
validation   gold files, score_against_gold, agreement (κ, π, α)
actor_table  actor tables (YAML, CSV)
actors       find_mentions, actor_counts (place/abbreviation/compound rules in mention_rules)
discovery    unlisted_names: names the actor table misses
quotes       find_quotes: who says what (cues in cues, speakers in speakers)
actor_review review export, actor/quote gold files, mention and quote scores
networks     co-mention edges and figure, actor × theme table
schema       the columns and dtypes of every public table
trends       trend, period_keyness: coverage over time
plots        figures for reports
report       study files, notebook parameters, tables and the papermill runner
stream       stream_analyze: the pipeline chunk by chunk in bounded memory
scale        the same pipeline on Dask (optional extra ``[scale]``)
============ =================================================================

Shared private modules: ``_checks`` (argument checks), ``_groups`` (the grouping rule of
every ``by=``), ``_io`` (the one reader of input files), ``_aggregate`` (partial tables and the
finishing step shared by the in-memory, streaming and Dask paths).

Names are resolved lazily, so ``import analysis`` does not import matplotlib, NLTK or Dask
until a function that needs them is used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, tuple[str, ...]] = {
    "corpus": ("load_corpus", "iter_corpus", "docs_from_table"),
    "corpus_files": ("CorpusError", "read_text_file", "read_html_file", "normalize_text"),
    "webpages": ("extract_page", "WebPage", "WebPageError"),
    "dates": ("parse_date", "period_of", "auto_period", "PERIODS"),
    "language": ("detect_language", "detect_languages", "preload_model"),
    "boilerplate": (
        "BoilerplateRule", "DEFAULT_BOILERPLATE_RULES", "clean_boilerplate",
        "BOILERPLATE_RULE_SETS", "BoilerplateError", "BoilerplateWarning", "boilerplate_rules",
    ),
    "duplicates": ("find_duplicates", "duplicate_pairs", "apply_duplicates"),
    "text": (
        "TOKEN_PATTERN", "fold", "load_stopwords", "tokenize", "tokenize_text", "sentences",
        "is_punct", "wrapped_documents", "Vocabulary",
    ),
    "token_transforms": ("tokens_remove", "tokens_stem", "tokens_ngrams"),
    "punkt": ("load_abbreviations", "punkt_parameters"),
    "matching": (
        "PatternError", "PatternSet", "compile_patterns", "match", "match_entries", "MATCH_COLUMNS",
    ),
    "frequency": ("term_frequency",),
    "keyterms": ("keyness", "keyness_from_counts"),
    "concordance": ("kwic",),
    "collocation": ("collocations", "CollocationCounts"),
    "codebook": ("CodebookError", "Theme", "Codebook", "load_codebook", "load_liwc_dic"),
    "themes": (
        "code_themes", "theme_matrix", "pivot_themes", "theme_cooccurrence", "theme_kwic",
        "export_hits_for_review", "hits_review_table", "HIT_COLUMNS",
    ),
    "validation": (
        "GOLD_SENTENCE_COLUMNS", "GOLD_CODER_COLUMNS", "load_gold", "score_against_gold",
        "codings_from_hits", "agreement", "krippendorff_alpha",
    ),
    "actor_table": (
        "ACTOR_TYPES", "VIA_VALUES", "ActorTableError", "Actors", "CompiledActors", "load_actors",
    ),
    "actors": ("MENTION_COLUMNS", "find_mentions", "actor_counts"),
    "discovery": ("unlisted_names", "NAME_CONNECTORS", "NOT_NAMES"),
    "quotes": (
        "SPEECH_VERBS", "CONTINUATION_CUES", "ATTRIBUTION_CUES", "QUOTE_COLUMNS", "find_quotes",
        "CueListError", "check_cues",
    ),
    "actor_review": (
        "ActorGoldError", "export_mentions_for_review", "export_quotes_for_review",
        "load_review", "review_precision", "load_actor_gold", "score_mentions", "score_quotes",
        "coding_agreement",
    ),
    "networks": ("comention_edges", "plot_comention_network", "actor_theme_matrix"),
    "stream": ("stream_analyze", "CorpusSummary"),
    "scale": ("dask_analyze", "local_cluster"),
    "schema": ("SCHEMAS", "OPTIONAL", "empty_table", "conform", "check_table"),
    "plots": (
        "bar_chart", "heatmap", "dispersion_plot", "keyness_plot", "trend_chart", "save_figure",
        "style", "STYLE",
    ),
    "trends": ("trend", "period_keyness", "period_groups", "period_range", "resolve_period"),
    "report": (
        "load_study", "Study", "load_study_docs", "notebook_study", "study_inputs", "run_report",
        "notebook_parameters", "NotebookParameter", "resolve_parameters", "parse_cli_parameters",
        "save_table", "display_table", "table_html", "corpus_overview", "file_sha256",
        "StudyError", "ParameterError", "ReportError", "check_study_inputs", "StudyInputs",
        "check_parameter_values", "ReportInterrupted", "note", "warnings_as_notes",
        "study_tables", "compute_study_tables", "StudyTables", "TableOptions",
    ),
}  # fmt: skip

_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"analysis.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
