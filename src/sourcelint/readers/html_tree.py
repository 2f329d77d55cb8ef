"""The tree a browser would build, from Lexbor: what it says about each start tag.

Lexbor does not expose source positions, so the copy of the page handed to it carries a
marker attribute in every start tag the tokenizer saw; a selector match or an element's
parent then leads back to the tag in the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.core.errors import ConfigError
from sourcelint.readers.base import ReaderOptions
from sourcelint.readers.html_elements import NON_PROSE

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

# The attribute that ties an element of Lexbor's tree to its start tag in the source.
_MARK = "data-sourcelint-tag"
# Parent of an element whose nearest marked ancestor is the (possibly implied) body.
ROOT = -1


def marked(text: str, start_tags: list[tuple[int, int]], too_deep: dict[int, int]) -> str:
    """The page with a marker attribute, numbering the start tags, after each tag name;
    the tags nested too deep are left out."""
    parts = []
    position = 0
    for index, (start, name_length) in enumerate(start_tags):
        if index in too_deep:
            parts.append(text[position:start])
            position = too_deep[index]
            continue
        cut = start + 1 + name_length
        parts.append(text[position:cut])
        parts.append(f' {_MARK}="{index}"')
        position = cut
    parts.append(text[position:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where an element stands in Lexbor's tree: its nearest marked ancestor (``ROOT``
    for the body) and whether its text is skipped or inside the content element."""

    parent: int | None
    skip: bool
    content: bool


@dataclass(frozen=True, slots=True)
class Structure:
    places: dict[int, _Place]
    root: _Place
    content_found: bool


def page_structure(marked: str, options: ReaderOptions) -> Structure:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(marked)
    skip = _matches(tree, (", ".join(NON_PROSE),), None)
    skip |= _matches(tree, options.skip_selectors, "readers.html-skip")
    content: set[int] | None = None
    if options.content_selector:
        content = _matches(tree, (options.content_selector,), "readers.html-content")
    places: dict[int, _Place] = {}
    # Flags by node, filled in document order, so a parent is always there before its child.
    flags: dict[int, tuple[int | None, bool, bool]] = {}
    root = _Place(ROOT, False, content is None)
    html = tree.root
    if html is None:
        return Structure(places, root, False)
    for node in html.traverse():
        if not node.is_element_node:
            continue  # comments: they hold no elements
        parent = node.parent
        anchor, skipped, inside = flags.get(parent.mem_id, (None, False, content is None))
        node_id = node.mem_id
        skipped = skipped or node_id in skip or node.tag == "head"
        inside = inside or (content is not None and node_id in content)
        mark = node.attrs.get(_MARK)
        if mark is not None and mark.isdigit():
            places.setdefault(int(mark), _Place(anchor, skipped, inside))
            anchor = int(mark)
        elif node.tag in ("html", "body"):
            anchor = ROOT
        flags[node_id] = (anchor, skipped, inside)
    body = tree.body
    if body is not None and body.mem_id in flags:
        _, skipped, inside = flags[body.mem_id]
        root = _Place(ROOT, skipped, inside)
    return Structure(places, root, bool(content))


def _matches(tree: LexborHTMLParser, selectors: tuple[str, ...], key: str | None) -> set[int]:
    """The nodes (by ``mem_id``) that any of ``selectors`` matches."""
    from selectolax.lexbor import SelectolaxError

    found: set[int] = set()
    for selector in selectors:
        try:
            nodes: list[LexborNode] = tree.css(selector)
        except SelectolaxError as error:
            raise ConfigError(f"invalid CSS selector {selector!r}", key=key) from error
        found.update(node.mem_id for node in nodes)
    return found
