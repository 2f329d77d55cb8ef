"""Each rule as a unit, in the style of ruff's fixtures: a folder per rule, with a snapshot.

``tests/rules/<CODE>/`` holds ``flagged.md``, an article in which the rule fires;
``near_miss.md``, text that looks like it but must not fire it (other rules may); and
``findings.json``, the reviewed findings of ``sourcelint check --format json`` on both.
A folder's ``sourcelint.toml``, where a rule needs one, is found as a user's would be.

Rules are listed by ``sourcelint rules`` and every fixture is linted in one ``sourcelint
check`` run: the command line, not internal modules, whose paths may move. After an
intended change, regenerate the snapshots with
``SOURCELINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_rule_fixtures.py`` and review
the diff: a finding that is wrong for its rule is fixed in the text, not the snapshot.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parent / "rules"
FILES = ("flagged.md", "near_miss.md")
SNAPSHOT = "findings.json"
# What a reviewer judges; offsets (start, end) and the rule's name say nothing more.
FIELDS = ("code", "line", "column", "end_line", "end_column", "text", "severity", "message")
UPDATE = os.environ.get("SOURCELINT_UPDATE_SNAPSHOTS") == "1"

Finding = dict[str, Any]


def sourcelint(*args: str, cwd: Path = FIXTURES) -> Any:
    """The JSON that ``python -m sourcelint ARGS`` prints; any failure fails the test."""
    done = subprocess.run(
        [sys.executable, "-m", "sourcelint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    command = " ".join(args)
    assert done.returncode == 0, f"sourcelint {command}: exit {done.returncode}\n{done.stderr}"
    return json.loads(done.stdout)


CODES = [rule["code"] for rule in sourcelint("rules", "--format", "json")]
FOLDERS = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())


@pytest.fixture(scope="module")
def findings() -> dict[str, list[Finding]]:
    """Findings by path (``SL101/flagged.md``), sorted, with the ``FIELDS`` only."""
    paths = [
        f"{folder}/{name}"
        for folder in FOLDERS
        for name in FILES
        if (FIXTURES / folder / name).is_file()
    ]
    report = sourcelint("check", "--format", "json", "--exit-zero", *paths)
    found = {}
    for file in report["files"]:
        kept = [{field: finding[field] for field in FIELDS} for finding in file["findings"]]
        kept.sort(key=lambda f: (f["line"], f["column"], f["end_line"], f["end_column"], f["code"]))
        found[file["path"]] = kept
    return found


def of(findings: dict[str, list[Finding]], code: str, name: str) -> list[Finding]:
    """The findings of ``tests/rules/<code>/<name>``; fails the test if it does not exist."""
    path = f"{code}/{name}"
    if path not in findings:
        pytest.fail(f"tests/rules/{path} is missing: write it for {code}", pytrace=False)
    return findings[path]


def listing(found: list[Finding]) -> str:
    return "\n".join(f"  {f['line']}:{f['column']} {f['code']} {f['text']!r}" for f in found)


@pytest.mark.parametrize("code", CODES)
def test_rule_has_a_folder_with_both_texts(code):
    missing = [name for name in FILES if not (FIXTURES / code / name).is_file()]
    assert not missing, f"tests/rules/{code}/ lacks {', '.join(missing)}"


def test_every_folder_names_a_listed_rule():
    stale = sorted(set(FOLDERS) - set(CODES))
    assert not stale, f"tests/rules/ has folders for no rule in `sourcelint rules`: {stale}"


@pytest.mark.parametrize("code", CODES)
def test_flagged_text_fires_the_rule(code, findings):
    found = of(findings, code, "flagged.md")
    assert any(f["code"] == code for f in found), (
        f"tests/rules/{code}/flagged.md has no {code} finding; it has:\n{listing(found)}"
    )


@pytest.mark.parametrize("code", CODES)
def test_near_miss_does_not_fire_the_rule(code, findings):
    hits = [f for f in of(findings, code, "near_miss.md") if f["code"] == code]
    assert not hits, f"tests/rules/{code}/near_miss.md fires {code}:\n{listing(hits)}"


@pytest.mark.parametrize("code", CODES)
def test_findings_match_the_snapshot(code, findings):
    current = {name: of(findings, code, name) for name in FILES}
    rendered = json.dumps(current, ensure_ascii=False, indent=2) + "\n"
    snapshot = FIXTURES / code / SNAPSHOT
    if UPDATE or not snapshot.exists():
        snapshot.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote the missing tests/rules/{code}/{SNAPSHOT}; review and commit it")
    expected = snapshot.read_text(encoding="utf-8")
    if rendered != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            rendered.splitlines(keepends=True),
            f"tests/rules/{code}/{SNAPSHOT}",
            "sourcelint check now",
        )
        pytest.fail(
            f"{code}: findings changed; if intended, regenerate with "
            f"SOURCELINT_UPDATE_SNAPSHOTS=1 and review the diff:\n{''.join(diff)}",
            pytrace=False,
        )
