"""Baselines: record today's findings, then report only the ones that are new.

For adopting the linter on an existing archive. Entries are matched by path, rule code
and :func:`sourcelint.core.fingerprint.fingerprint` (the flagged words and their sentence),
never by line number, so edits elsewhere in a file, or a finding that moves within it,
do not bring an old finding back. Paths are relative to the baseline file's folder (the
project root, where it is kept beside the config), so the baseline works from any current
directory. The file is JSON, sorted and stable so it diffs well::

    {"entries": [{"code": ..., "count": n, "fingerprint": ..., "path": ..., "text": ...}],
     "tool": "sourcelint", "version": 1}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sourcelint.config import normalize_path as absolute
from sourcelint.core.errors import ConfigError, InputError
from sourcelint.core.escapes import unsurrogate
from sourcelint.core.files import read_text
from sourcelint.core.fingerprint import fingerprint
from sourcelint.core.results import FileResult
from sourcelint.core.writes import write_atomically

BASELINE_VERSION = 1
TOOL = "sourcelint"

Key = tuple[str, str, str]  # path, code, fingerprint


@dataclass
class Baseline:
    """Recorded findings as a multiset of (path, code, fingerprint), with their words."""

    counts: Counter[Key] = field(default_factory=Counter)
    texts: dict[Key, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many findings the baseline records."""
        return sum(self.counts.values())


def stale_message(count: int, baseline: str | None = None) -> str:
    """What to tell the user about baseline entries that matched no finding: the same
    run, writing the baseline instead of reading it, prunes them."""
    plural = count != 1
    write = f"--write-baseline {baseline}" if baseline else "--write-baseline"
    return (
        f"{count} baseline entr{'ies' if plural else 'y'} no longer "
        f"match{'' if plural else 'es'}: rerun the same command with {write} "
        "in place of --baseline to prune."
    )


def root_of(baseline_file: Path) -> Path:
    """The folder a baseline's paths are relative to: the baseline file's own."""
    return absolute(baseline_file).parent


def project_path(path: str, root: Path) -> str:
    """A linted file's path as a baseline stores it: relative to ``root`` when inside it
    (a relative ``path`` is taken from the current directory), with forward slashes."""
    full = absolute(Path(path))
    try:
        return normalize_path(full.relative_to(root).as_posix())
    except ValueError:
        return normalize_path(full.as_posix())


def normalize_path(path: str) -> str:
    """A path as linted, with forward slashes (the same on every platform); a byte a
    file name could not decode is kept as its escape (``\\xe9``), so the file is UTF-8."""
    return unsurrogate(path).replace("\\", "/")


def build_baseline(results: Iterable[FileResult], root: Path) -> Baseline:
    """The baseline that records every finding of ``results``, paths relative to ``root``."""
    baseline = Baseline()
    for result in results:
        path = project_path(result.path, root)
        for finding in result.findings:
            key = (path, finding.code, fingerprint(finding, result.text))
            baseline.counts[key] += 1
            baseline.texts.setdefault(key, finding.text)
    return baseline


def dumps_baseline(baseline: Baseline) -> str:
    """The baseline file's text: sorted entries and keys, 2-space indent, final newline."""
    entries = [
        {
            "path": path,
            "code": code,
            "fingerprint": digest,
            "text": baseline.texts.get((path, code, digest), ""),
            "count": count,
        }
        for (path, code, digest), count in sorted(baseline.counts.items())
        if count > 0
    ]
    document = {"version": BASELINE_VERSION, "tool": TOOL, "entries": entries}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_baseline(path: Path, results: Iterable[FileResult]) -> Baseline:
    """Record the findings of ``results`` in ``path``, atomically (``write_atomically``: a
    failure leaves any old baseline intact and no temporary file); return what was written.
    """
    results = list(results)
    root = root_of(path)
    baseline = build_baseline(results, root)
    linted = {project_path(result.path, root) for result in results}
    _carry_over(path, baseline, linted, root)
    write_atomically(path, dumps_baseline(baseline), "baseline")
    return baseline


def _carry_over(path: Path, baseline: Baseline, linted: set[str], root: Path) -> None:
    """Keep an old baseline's entries for files not linted this time that still exist:
    recording the findings of a few files must not forget every other file's."""
    if not path.exists():
        return
    try:
        old = load_baseline(path)
    except (ConfigError, InputError):
        return  # a broken baseline is replaced whole
    for key, count in old.counts.items():
        if key[0] not in linted and _exists(key[0], root):
            baseline.counts[key] = count
            baseline.texts[key] = old.texts.get(key, "")


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing, unreadable or malformed one is an error naming it."""
    if not path.exists():
        raise InputError("baseline file not found; create it with --write-baseline", path=path)
    # Through the one regular-file reader: a FIFO or device would block, a huge file fill memory.
    raw = read_text(path, error=ConfigError)
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ConfigError(
            f"malformed baseline: {error.msg} at line {error.lineno}, column {error.colno}",
            path=path,
        ) from None
    except RecursionError:
        raise ConfigError("malformed baseline: JSON nested too deeply", path=path) from None
    except ValueError as error:  # an integer over Python's digit limit
        raise ConfigError(f"malformed baseline: {error}", path=path) from None
    if not isinstance(document, dict):
        raise ConfigError("malformed baseline: expected a JSON object", path=path)
    if document.get("version") != BASELINE_VERSION:
        raise ConfigError(
            f"unsupported baseline version {document.get('version')!r} "
            f"(expected {BASELINE_VERSION})",
            path=path,
            key="version",
        )
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise ConfigError("malformed baseline: 'entries' must be a list", path=path)
    baseline = Baseline()
    for number, entry in enumerate(entries, start=1):
        key = _entry_key(entry)
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if key is None or not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise ConfigError(
                f"malformed baseline: entry {number} needs string 'path', 'code' and "
                "'fingerprint' and a positive integer 'count'",
                path=path,
            )
        baseline.counts[key] += count
        text = entry.get("text")
        baseline.texts.setdefault(key, text if isinstance(text, str) else "")
    return baseline


def _entry_key(entry: object) -> Key | None:
    if not isinstance(entry, dict):
        return None
    values = (entry.get("path"), entry.get("code"), entry.get("fingerprint"))
    if not all(isinstance(value, str) and value for value in values):
        return None
    path, code, digest = values
    return normalize_path(str(path)), str(code), str(digest)


def filter_with_baseline(
    results: list[FileResult], baseline: Baseline, root: Path
) -> tuple[list[FileResult], int]:
    """Drop baselined findings; return the new results and how many entries are stale.

    A finding is baselined while its (path, code, fingerprint) has a count left: two
    identical findings need a count of two. Dropped findings join the file's suppressed
    ones with the reason ``baseline``. Unmatched counts are stale when their file was
    linted in this run or no longer exists, so linting a few files of an archive (as a
    pre-commit hook does) does not call every other file's entries stale. Paths are
    compared relative to ``root`` (``root_of`` the baseline file).
    """
    remaining = Counter(baseline.counts)
    filtered: list[FileResult] = []
    linted: set[str] = set()
    for result in results:
        path = project_path(result.path, root)
        linted.add(path)
        kept = []
        suppressed = list(result.suppressed)
        for finding in result.findings:
            key = (path, finding.code, fingerprint(finding, result.text))
            if remaining[key] > 0:
                remaining[key] -= 1
                suppressed.append((finding, "baseline"))
            else:
                kept.append(finding)
        profile = result.profile
        if profile is not None:
            # Findings per rule count what is reported, as for inline suppressions.
            profile = replace(profile, by_rule=Counter(finding.code for finding in kept))
        filtered.append(replace(result, findings=kept, suppressed=suppressed, profile=profile))
    stale = sum(
        count
        for (path, _, _), count in remaining.items()
        if count > 0 and (path in linted or not _exists(path, root))
    )
    return filtered, stale


def _exists(path: str, root: Path) -> bool:
    """Whether a baseline entry's file exists; a name the system refuses (too long) does not."""
    try:
        return (root / path).exists()
    except (OSError, ValueError):
        return False
