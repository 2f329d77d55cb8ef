"""markdown-it, set up to read prose, with two block rules of its own.

Containers nested deeper than ``DEEPEST_LEVEL`` are read as plain text, with a note:
markdown-it would drop them (its ``maxNesting``), and Python's stack bounds how deep its
parser can recurse. An HTML comment block ends where a browser ends the comment
(``--!>``, ``<!-->``), not only at the line holding ``-->``: the text after it is no
longer hidden.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sourcelint.readers.comments import comment_close, comment_end

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

# Block nesting read as Markdown (a quote is one level, a list item two); markdown-it's
# own limit is set above it, so that deeper content reaches the plain-text rule.
DEEPEST_LEVEL = 64
_MAX_NESTING = 100


@lru_cache(maxsize=1)
def prose_parser() -> MarkdownIt:
    """The one parser, made on first use."""
    from markdown_it import MarkdownIt

    # GFM tables and strikethrough are what Hugo, Jekyll and Astro enable. text_join is
    # off so entities and backslash escapes stay separate tokens that carry their source.
    parser = (
        MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING})
        .enable(["table", "strikethrough"])
        .disable("text_join")
    )
    first = parser.block.ruler.get_all_rules()[0]
    parser.block.ruler.before(first, "sourcelint_deep", _deep_block)
    alt = {"alt": ["paragraph", "reference", "blockquote"]}  # as html_block: it interrupts
    parser.block.ruler.before("html_block", "sourcelint_comment", _comment_block, alt)
    return parser


def _deep_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Past the deepest level, take the rest of the container as one plain-text token."""
    if state.level < DEEPEST_LEVEL or silent:
        return False
    line = last = start + 1
    while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
        line += 1
        if not state.isEmpty(line - 1):
            last = line
    token = state.push("sourcelint_deep", "", 0)
    token.map = [start, last]
    state.line = last
    return True


def _comment_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """An HTML block opened by ``<!--``: it ends on the line where the comment closes."""
    position = state.bMarks[start] + state.tShift[start]
    if state.is_code_block(start) or not state.src.startswith("<!--", position):
        return False
    if silent:
        return True
    line = start
    close = comment_end(state.src, position, state.eMarks[start])
    while close is None and line + 1 < end:
        line += 1
        if state.sCount[line] < state.blkIndent and not state.isEmpty(line):
            line -= 1  # an outdented line leaves the container, as in html_block
            break
        begin = state.bMarks[line] + state.tShift[line]
        close = comment_close(state.src, begin, state.eMarks[line])
    token = state.push("html_block", "", 0)
    token.map = [start, line + 1]
    token.content = state.getLines(start, line + 1, state.blkIndent, True)
    state.line = line + 1
    return True
