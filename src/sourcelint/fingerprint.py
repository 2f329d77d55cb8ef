"""Stable fingerprints of findings, for baselines, SARIF and GitLab reports.

A fingerprint hashes the rule code, the flagged words and the sentence around them,
folded for white space and case, so that edits elsewhere in a file, or a finding moving
within it, keep the same fingerprint; the file path is kept apart, so callers can match
per file.
"""

from __future__ import annotations

import hashlib
import re

from sourcelint.findings import Finding

_SPACES = re.compile(r"\s+")
# The sentence around a finding: up to this many characters either side, cut at . ! ?
_CONTEXT = 200
_SENTENCE_END = re.compile(r"[.!?…]\s")


def fingerprint(finding: Finding, text: str) -> str:
    """A short, stable hex digest of the finding's code, words and sentence."""
    before = text[max(0, finding.start - _CONTEXT) : finding.start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = text[finding.end : finding.end + _CONTEXT]
    match = _SENTENCE_END.search(after)
    if match:
        after = after[: match.start() + 1]
    sentence = _fold(before + finding.text + after)
    digest = hashlib.sha256(f"{finding.code}\0{_fold(finding.text)}\0{sentence}".encode())
    return digest.hexdigest()[:16]


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()
