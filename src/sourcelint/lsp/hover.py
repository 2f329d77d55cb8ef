"""Hover on a finding: the explanation of its rule, as ``sourcelint explain`` gives it."""

from __future__ import annotations

from lsprotocol import types

from sourcelint.formats.explain import render_explanation
from sourcelint.lsp.actions import Linted


def hover(linted: Linted, position: types.Position) -> types.Hover | None:
    """``sourcelint explain`` of each rule flagged under the cursor."""
    offset = linted.positions.offset(position)
    found = linted.at(offset, offset)
    codes = list(dict.fromkeys(f.code for f in found if f.code in linted.rules))
    if not codes:
        return None
    text = "\n".join(render_explanation(linted.rules[code], "text") for code in codes)
    first = found[0]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value=text),
        range=linted.positions.range(first.start, first.end),
    )
