"""Front matter: the metadata fenced off at the top of a Markdown file, skipped, with the
chosen fields linted as blocks of their own.

It is recognised here rather than by a markdown-it plugin: TOML (``+++``) front matter
is as common as YAML in Hugo sites and the plugin knows only YAML.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sourcelint.readers.base import ReaderOptions
    from sourcelint.readers.gathering import Gathering
    from sourcelint.readers.numbered_lines import NumberedLines

# Front matter: a fence line, then ``key: value`` (YAML) or ``key = value`` (TOML) lines.
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_FIELD_KEY = re.compile(r"[A-Za-z0-9_.-]+")
# YAML values that are not a one-line string: block scalars, flow collections, anchors, tags.
_YAML_NOT_STRING = tuple("|>[{&*!")


def skip_front_matter(
    lines: NumberedLines, options: ReaderOptions, gathering: Gathering
) -> tuple[int, int]:
    """Skip front matter; return where the Markdown body starts (offset, line)."""
    bom = 1 if lines.document.startswith("\ufeff") else 0
    fence = lines.text(0)[bom:].rstrip()
    if fence not in _FENCES:
        return bom, 0
    closers = _FENCES[fence]
    count = len(lines)
    close = next((i for i in range(1, count) if lines.text(i).rstrip() in closers), None)
    if close is None:
        # Without a closing fence, guess that the metadata ends at the first blank
        # line, so the article below it is still linted.
        end = next((i for i in range(1, count) if not lines.text(i).strip()), count)
        message = f"unterminated front matter (no closing '{fence}'): lines 1-{end} not linted"
        gathering.note(0, message)
        body_line = end
    else:
        end = close
        body_line = close + 1
    if options.front_matter_fields:
        _lint_fields(lines, range(1, end), options, gathering, toml=fence == "+++")
    return lines.start(body_line), body_line


def _lint_fields(
    lines: NumberedLines,
    numbers: range,
    options: ReaderOptions,
    gathering: Gathering,
    *,
    toml: bool,
) -> None:
    """Lint the chosen top-level one-line string fields as blocks of their own.

    Only simple ``key: value`` / ``key = "value"`` lines are read (quoted or, in YAML,
    plain); block scalars, lists and nested tables are not, and escapes stay as
    written. No YAML or TOML parser is needed for what is linted as prose.
    """
    wanted = set(options.front_matter_fields)
    for line in numbers:
        line_text = lines.text(line)
        if toml and line_text.lstrip().startswith("["):
            break  # a TOML table: the keys after it are nested, not top level
        field = _front_matter_field(line_text, toml=toml)
        if field is None or field[0] not in wanted:
            continue
        key, value_start, value = field
        span = _field_value(value, toml=toml) if value else None
        if span is None:
            # A block scalar, a multi-line string or a list: say it was not linted.
            where = lines.start(line)
            message = f"front-matter field {key!r}: only one-line values are linted"
            gathering.note(where, message)
            continue
        start, end = span
        gathering.builder.add(value[start:end], lines.start(line) + value_start + start)
        gathering.builder.end_block("field")


def _front_matter_field(line: str, *, toml: bool) -> tuple[str, int, str] | None:
    """``(key, value start, value)`` of a ``key: value`` (YAML) or ``key = value`` (TOML)
    line; the value is stripped of spaces and tabs, and empty when there is none."""
    key = _FIELD_KEY.match(line)
    if key is None:
        return None
    separator = _skip_blanks(line, key.end())
    if not line.startswith("=" if toml else ":", separator):
        return None
    value_start = _skip_blanks(line, separator + 1)
    value = line[value_start:].rstrip(" \t")
    if not toml and value and value_start == separator + 1:
        return None  # "key:value" is no YAML mapping
    return key.group(), value_start, value


def _skip_blanks(text: str, position: int) -> int:
    return len(text) - len(text[position:].lstrip(" \t"))


def _field_value(value: str, *, toml: bool) -> tuple[int, int] | None:
    """The span of a one-line string value inside ``value``, or None for anything else."""
    quote = value[0]
    if quote in "\"'":
        closing = value.find(quote, 1)
        return (1, closing) if closing > 1 else None
    if toml or value.startswith(_YAML_NOT_STRING):
        return None  # an unquoted TOML value is a number, date or boolean, not prose
    comment = value.find(" #")
    return (0, comment if comment >= 0 else len(value))
