"""Snapshots of the sourcing model: a change in who is credited shows as a diff in review.

Each file's attributions (``sourcelint attributions --format json``) are held in
``tests/snapshots/<name>.<tier>.json``. After an intended change, regenerate them with
``SOURCELINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_attribution_snapshots.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "tests" / "snapshots"
INPUTS = [
    ROOT / "examples" / "iran-russia-assad.txt",
    ROOT / "examples" / "drafts" / "harbor-contract.md",
    ROOT / "examples" / "drafts" / "school-closures.md",
    ROOT / "examples" / "exports" / "library-cuts.html",
    SNAPSHOTS / "sentences.md",
]
UPDATE = os.environ.get("SOURCELINT_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("tier", ["parse", "fast"])
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_attributions_match_the_snapshot(path, tier, monkeypatch):
    monkeypatch.chdir(ROOT)
    relative = path.relative_to(ROOT)
    result = CliRunner().invoke(
        app, ["attributions", "--format", "json", "--pipeline", tier, str(relative)]
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)["files"][0]["attributions"]
    snapshot = SNAPSHOTS / f"{path.stem}.{tier}.json"
    rendered = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if UPDATE or not snapshot.exists():
        snapshot.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote the missing snapshot {snapshot.name}; review and commit it")
    assert rendered == snapshot.read_text(encoding="utf-8"), (
        f"{relative} ({tier}): attributions changed; if intended, regenerate with "
        "SOURCELINT_UPDATE_SNAPSHOTS=1 and review the diff"
    )
