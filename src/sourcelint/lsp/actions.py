"""Code actions on the findings of a linted document, and the document as last linted."""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from sourcelint.core.findings import Finding, Severity
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.lsp.positions import PositionMap
from sourcelint.readers.line_markers import line_markers

# What the suppression asks the writer to fill in: kept visible (and greppable) so a
# directive never ships with a made-up reason.
REASON_PLACEHOLDER = "TODO: reason"

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass
class Linted:
    """One version of a document as last linted: what hover and code actions read."""

    uri: str
    version: int | None
    text: str
    positions: PositionMap
    findings: list[Finding]
    rules: dict[str, RuleMeta]
    reader: str  # "plain", "markdown" or "html": the comment syntax of a suppression
    line_marker: str  # the plain-text suppression marker of the file's config

    def at(self, start: int, end: int) -> list[Finding]:
        """The findings touching code-point offsets ``start``..``end`` (a cursor when
        equal, which touches a finding at either of its ends too)."""
        return [f for f in self.findings if f.start <= end and start <= f.end]


def diagnostic(finding: Finding, linted: Linted) -> types.Diagnostic:
    """A finding as the protocol shows it."""
    meta = linted.rules.get(finding.code)
    link = meta.link if meta is not None else None
    return types.Diagnostic(
        range=linted.positions.range(finding.start, finding.end),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source="sourcelint",
        message=finding.message,
    )


def code_actions(linted: Linted, selection: types.Range) -> list[types.CodeAction]:
    """For each finding in ``selection``: its suggested replacement, where the rule has
    one, and a suppression of its rule on its line."""
    start = linted.positions.offset(selection.start)
    end = linted.positions.offset(selection.end)
    actions: list[types.CodeAction] = []
    for finding in linted.at(start, end):
        shown = [diagnostic(finding, linted)]
        if finding.suggestion is not None:
            edit = types.TextEdit(
                range=linted.positions.range(finding.start, finding.end),
                new_text=finding.suggestion,
            )
            actions.append(
                _action(
                    f"Replace '{finding.text}' with '{finding.suggestion}' ({finding.code})",
                    linted.uri,
                    edit,
                    shown,
                    preferred=True,
                )
            )
        edit = suppression(linted, finding)
        if edit is not None:
            actions.append(
                _action(
                    f"Suppress {finding.code} on this line, with a reason",
                    linted.uri,
                    edit,
                    shown,
                )
            )
    return actions


def suppression(linted: Linted, finding: Finding) -> types.TextEdit | None:
    """The edit that suppresses ``finding``'s rule on its line, in the reader's syntax:
    a ``disable-line`` comment in Markdown and HTML, the line marker in plain text (its
    code added to a marker the line already ends with). None when one already covers
    every rule."""
    lines = linted.positions.lines
    line = finding.line
    line_start = lines.starts[line - 1]
    line_text = lines.line_text(line)
    line_end = line_start + len(line_text)
    reason = f" -- {REASON_PLACEHOLDER}"
    if linted.reader != "plain":
        new_text = f" <!-- sourcelint-disable-line {finding.code}{reason} -->"
        return _insert(linted.positions, line_end, new_text)
    marker = next(line_markers(line_text, linted.line_marker), None)
    if marker is None:
        return _insert(linted.positions, line_end, f" {linted.line_marker}{finding.code}{reason}")
    if not marker.codes.strip():
        return None  # the marker names no rule: it already silences them all
    codes_end = line_text.find(marker.codes, marker.start) + len(marker.codes)
    return _insert(linted.positions, line_start + codes_end, f",{finding.code}")


def _insert(positions: PositionMap, offset: int, text: str) -> types.TextEdit:
    return types.TextEdit(range=positions.range(offset, offset), new_text=text)


def _action(
    title: str,
    uri: str,
    edit: types.TextEdit,
    diagnostics: list[types.Diagnostic],
    *,
    preferred: bool = False,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics,
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )
