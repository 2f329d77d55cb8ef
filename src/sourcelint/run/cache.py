"""The results cache of ``check``: a file linted before is not analysed again while its
text, its settings, the rule packs, sourcelint and the model are the same.

Each result is one JSON file under the cache directory (``cache_location`` says which),
named by the SHA-256 of everything it depends on (``Engine.identity`` and the request's
own fields and text). It is written to a temporary file and renamed into place, so a run
killed half-way leaves no entry that could be read; an entry that cannot be read or does
not hold its key is a miss. Results that keep the reading view (the HTML report) are not
cached. A directory that cannot be written is not an error: the run lints without the
cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sourcelint.core.document import Note
from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.profile import Profile
from sourcelint.engine import LintResult
from sourcelint.run.cache_location import TAG, TAG_NAME

if TYPE_CHECKING:
    from sourcelint.engine import Engine, LintRequest

# Bumped whenever what an entry holds changes shape.
ENTRY_FORMAT = 2


class ResultCache:
    """Lint results by key, in one directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def key(self, engine: Engine, request: LintRequest) -> str | None:
        """The digest of everything ``request``'s result depends on; None when the result
        may not be cached (``Engine.identity``)."""
        identity = engine.identity(request)
        if identity is None:
            return None
        fields = {
            "format": ENTRY_FORMAT,
            "identity": identity,
            "rules": [rule.code for rule in request.rules],
            "tier": request.tier,
            "model": request.model,
            "reader": request.reader,
            "reader_options": repr(request.reader_options),
            "severities": sorted((code, s.value) for code, s in request.severities.items()),
            "own_outlet": list(request.own_outlet),
        }
        digest = hashlib.sha256(json.dumps(fields, sort_keys=True).encode())
        digest.update(b"\0")
        digest.update(request.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def made(self) -> bool:
        """Whether the directory is a cache sourcelint made (tagged): only such a cache
        holds entries, so a first run need not try to open one for every file."""
        return (self.directory / TAG_NAME).is_file()

    def get(self, key: str) -> LintResult | None:
        """The result stored under ``key``; None when there is none or it cannot be read."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if entry.get("key") != key:
                return None
            return _result(entry["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # not written by this version, or damaged: linted afresh

    def put(self, key: str, result: LintResult) -> None:
        """Store ``result`` under ``key``; a directory that cannot be written is skipped."""
        path = self._path(key)
        entry = json.dumps({"key": key, "result": _record(result)})
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            if not self._prepare():
                return
            try:
                temporary.write_text(entry, encoding="utf-8")
            except FileNotFoundError:  # its folder is not made yet (or was cleaned away)
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary.write_text(entry, encoding="utf-8")
            temporary.replace(path)
        except OSError:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self.directory / f"v{ENTRY_FORMAT}" / key[:2] / f"{key}.json"

    def _prepare(self) -> bool:
        """Whether the directory is a cache sourcelint may write: one it tagged, or one it
        creates now (tag and a .gitignore that ignores it all). A folder that exists
        untagged and holds anything is someone else's: nothing is written there."""
        tag = self.directory / TAG_NAME
        if tag.is_file():
            return True
        if self.directory.exists() and any(self.directory.iterdir()):
            return False
        self.directory.mkdir(parents=True, exist_ok=True)
        tag.write_text(TAG, encoding="utf-8")
        (self.directory / ".gitignore").write_text(
            "# Created by sourcelint.\n*\n", encoding="utf-8"
        )
        return True


def _record(result: LintResult) -> dict[str, Any]:
    profile = result.profile
    return {
        "findings": [finding.to_dict() for finding in result.findings],
        "profile": {
            "attributions": profile.attributions,
            "words": profile.words,
            "by_kind": dict(profile.by_kind),
            "by_rule": dict(profile.by_rule),
            "grades": profile.grades,
        },
        "suppressed": [[finding.to_dict(), reason] for finding, reason in result.suppressed],
        "notes": [[note.offset, note.message] for note in result.notes],
    }


def _result(record: dict[str, Any]) -> LintResult:
    profile = record["profile"]
    return LintResult(
        findings=[_finding(data) for data in record["findings"]],
        profile=Profile(
            attributions=profile["attributions"],
            words=profile["words"],
            by_kind=Counter(profile["by_kind"]),
            by_rule=Counter(profile["by_rule"]),
            grades=list(profile["grades"]),
        ),
        suppressed=[(_finding(data), reason) for data, reason in record["suppressed"]],
        notes=tuple(Note(offset, message) for offset, message in record["notes"]),
    )


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(
        **{**data, "category": Category(data["category"]), "severity": Severity(data["severity"])}
    )
