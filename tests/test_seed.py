"""The founding article end to end: every row of shared/seed/EXPECTED.md, nothing forbidden.

Runs the installed command line and reads its JSON, as the evaluation scripts do, once
per analysis tier: the table holds in both.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sourcelint.core.tiers import TIERS

from conftest import SEED

# (line, category, words) from the "must be found" table of EXPECTED.md.
MUST_FIND = [
    (14, "secondhand", "According to Reuters"),
    (16, "secondhand", "According to Al-Arabiya"),
    (18, "secondhand", "asked by Reuters"),
    (20, "unsourced", "reportedly"),
    (22, "loaded", "begrudgingly"),
    (22, "unsourced", "It was later reported"),
    (24, "anonymous", "A senior official"),
    (24, "unsourced", "reportedly"),
    (24, "secondhand", "told Reuters"),
]
SOURCING = {"anonymous", "vague", "secondhand", "unsourced"}
# Lines that must carry no sourcing finding: named sources and site boilerplate.
CLEAN_OF_SOURCING = [1, 5, 6, 8, 10, 12, 26, 29]


@pytest.fixture(scope="module", params=TIERS)
def findings(request: pytest.FixtureRequest) -> list[dict]:
    argv = ["check", "--format", "json", "--pipeline", request.param, str(SEED)]
    completed = subprocess.run(
        [sys.executable, "-m", "sourcelint", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    document = json.loads(completed.stdout)
    assert document["summary"]["files"] == 1
    return document["files"][0]["findings"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(("line", "category", "words"), MUST_FIND)
def test_expected_finding_is_reported(findings, seed_text, line, category, words):
    line_start = sum(len(text) for text in seed_text.splitlines(keepends=True)[: line - 1])
    words_start = seed_text.index(words, line_start)
    words_end = words_start + len(words)
    matching = [
        f
        for f in findings
        if f["category"] == category
        and f["line"] == line
        and f["start"] <= words_start
        and words_end <= f["end"]
    ]
    assert matching, f"no {category} finding covering {words!r} on line {line}"
    for finding in matching:
        assert seed_text[finding["start"] : finding["end"]] == finding["text"]


def test_no_sourcing_finding_on_named_sources_or_boilerplate(findings):
    wrong = [f for f in findings if f["line"] in CLEAN_OF_SOURCING and f["category"] in SOURCING]
    assert wrong == []


def test_zakharova_is_not_a_sourcing_finding(findings, seed_text):
    start = seed_text.index("Russian Foreign Ministry spokeswoman Maria Zakharova said")
    end = start + len("Russian Foreign Ministry spokeswoman Maria Zakharova said")
    overlapping = [
        f for f in findings if f["category"] in SOURCING and f["start"] < end and start < f["end"]
    ]
    assert overlapping == []


def test_loaded_language_only_where_allowed(findings):
    loaded = [f for f in findings if f["category"] == "loaded"]
    for finding in loaded:
        allowed_info = finding["code"] == "SL303" and finding["line"] == 18
        assert finding["line"] >= 20 or allowed_info, finding
        if allowed_info:
            assert finding["severity"] == "info"


def test_according_to_that_perspective_is_not_an_attribution(findings, seed_text):
    start = seed_text.index("according to that perspective")
    assert not [f for f in findings if f["start"] <= start < f["end"]]


def test_familiar_with_is_at_most_an_info_vantage_finding(findings, seed_text):
    start = seed_text.index("familiar with diplomatic contacts")
    for finding in findings:
        if finding["start"] <= start < finding["end"]:
            assert (finding["code"], finding["severity"]) == ("SL104", "info")
