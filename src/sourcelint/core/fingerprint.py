"""Stable fingerprints of findings, for baselines, SARIF and GitLab reports.

A fingerprint hashes the rule code, the flagged words and the sentence around them,
folded for white space and case, so that edits elsewhere in a file, or a finding moving
within it, keep the same fingerprint; the file path is kept apart, so callers can match
per file. The sentence stops at a sentence end, a line break or a markup tag, so editing
a heading or the paragraph before leaves it alone.
"""

from __future__ import annotations

import hashlib
import re

from sourcelint.core.findings import Finding

_SPACES = re.compile(r"\s+")
# The sentence around a finding: up to this many characters either side.
_CONTEXT = 200
# Where a sentence stops: its end (perhaps inside closing quotes), a line break, a tag.
_BEFORE = re.compile(r"[.!?…][\"'”’)\]]*\s|[\r\n]|>")
_AFTER = re.compile(r"[.!?…](?=[\"'”’)\]]*(\s|$))|[\r\n]|<")


def fingerprint(finding: Finding, text: str) -> str:
    """A short, stable hex digest of the finding's code, words and sentence."""
    before = text[max(0, finding.start - _CONTEXT) : finding.start]
    cuts = list(_BEFORE.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[finding.end : finding.end + _CONTEXT]
    cut = _AFTER.search(after)
    if cut:
        after = after[: cut.start()]
    sentence = _fold(before + finding.text + after)
    digest = hashlib.sha256(f"{finding.code}\0{_fold(finding.text)}\0{sentence}".encode())
    return digest.hexdigest()[:16]


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()
