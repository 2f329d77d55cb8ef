"""Hostile input to the readers (issue 11): never crash, never hang, never lose a word.

Each quadratic case runs at a size where the quadratic code took minutes, under a hang
guard (an alarm that fails the test): a guard, not a timing assertion.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcelint.core.document import Prose
from sourcelint.core.errors import ConfigError
from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.positions import LineIndex
from sourcelint.filters.suppress import Directive, _covers, apply, resolve_directives
from sourcelint.readers.base import ProseBuilder, ReaderOptions
from sourcelint.readers.directives import read_directives
from sourcelint.readers.html import read_html
from sourcelint.readers.markdown import read_markdown
from sourcelint.readers.plain import read_plain

from conftest import hang_guard

READERS: dict[str, Callable[[str], Prose]] = {
    "plain": read_plain,
    "markdown": read_markdown,
    "html": read_html,
}
SENTENCE = "The rebels reportedly advanced on the city."


def original_of(prose: Prose, source: str, needle: str) -> str:
    """The original text of the first occurrence of ``needle`` in the prose."""
    start = prose.text.index(needle)
    first, last = prose.offsets.span_to_original(start, start + len(needle))
    return source[first:last]


def words(text: str) -> list[str]:
    return [word.strip(".,") for word in text.split()]


# 1. Regular expressions: the plain-text line marker and front-matter fields


def test_a_crafted_line_marker_is_read_in_linear_time():
    crafted = "sourcelint: disable=" + "a," * 30_000 + "!\n"
    text = SENTENCE + " " + crafted + "sourcelint: disable=SL204 -- " + " x" * 30_000 + "\n"
    with hang_guard():
        prose = read_plain(text)
        directives = resolve_directives(
            read_directives(text, (), "sourcelint: disable="), lambda s: frozenset({s})
        )
    # The crafted marker is followed by "!": no marker, so it stays prose.
    assert prose.text.startswith(SENTENCE + " sourcelint: disable=a,a,")
    assert [(d.line, d.selectors, d.reason) for d in directives] == [
        (2, ("SL204",), " ".join(["x"] * 30_000))
    ]


def test_line_markers_keep_their_meaning():
    text = (
        "A. sourcelint: disable=SL204 , SL102 -- checked\n"
        "B. sourcelint:disable=SL204--checked twice\n"
        "C. sourcelint: disable=\r\n"
        "D. lint: disable=SL204 and more\n"
    )
    directives = resolve_directives(
        read_directives(text, (), "sourcelint: disable="), lambda s: frozenset({s})
    )
    assert [(d.line, d.selectors, d.reason) for d in directives] == [
        (1, ("SL204", "SL102"), "checked"),
        (2, ("SL204",), "checked twice"),
        (3, (), None),
    ]
    # The plain reader blanks each marker to its line end, "\r\n" lines included.
    prose = read_plain(text).text
    assert len(prose) == len(text)
    assert [line.rstrip() for line in prose.splitlines()] == ["A.", "B.", "C.", text[-32:-1]]


@pytest.mark.parametrize("marker", ["=", "  = ", "lint:\n off="])
def test_a_line_marker_that_cannot_work_is_refused(marker):
    from sourcelint.readers.line_markers import check_line_marker

    with pytest.raises(ConfigError) as refused:
        check_line_marker(marker)
    assert refused.value.key == "readers.line-marker"
    check_line_marker("lint: off=")  # a sound marker passes


def test_next_line_directives_in_a_row_are_read_in_linear_time():
    text = "<!-- sourcelint-disable-next-line SL204 -->\n" * 20_000 + SENTENCE + "\n"
    with hang_guard():
        comments = read_markdown(text).comments
        directives = resolve_directives(
            read_directives(text, comments, None), lambda s: frozenset({s})
        )
    assert len(directives) == 20_000
    assert {directive.line for directive in directives} == {20_001}


def _finding(code: str, line: int, start: int) -> Finding:
    return Finding(
        code, "rule", Category.ANONYMOUS, Severity.WARNING, "m", line, 1, line, 2, start,
        start + 1, "x",
    )  # fmt: skip


def _matches(selector: str, finding: Finding) -> bool:
    return selector == finding.code


def test_many_directives_and_findings_are_matched_in_linear_time():
    count = 20_000
    directives = [
        Directive("line", 10 * n, 10 * n + 5, ("SL999",), None, line=n) for n in range(count)
    ]
    findings = [_finding("SL204", n, 10 * n + 7) for n in range(count)]
    with hang_guard():
        outcome = apply(findings, directives, _matches, lambda s: True)
    assert len(outcome.kept) == count
    assert len(outcome.unused) == count


def test_many_open_ranges_and_findings_are_matched_in_linear_time():
    count = 20_000
    directives = [Directive("range", n, n + 1, ("SL999",), None) for n in range(count)]
    findings = [_finding("SL204", 1, count + n) for n in range(count)]
    with hang_guard():
        outcome = apply(findings, directives, _matches, lambda s: True)
    assert len(outcome.kept) == count


def test_many_disable_and_enable_comments_are_paired_in_linear_time():
    count = 20_000
    disables = "".join(f"<!-- sourcelint-disable SL{n % 800 + 100} -->\n" for n in range(count))
    text = disables + "<!-- sourcelint-enable SL999 -->\n" * count
    comments = read_markdown(text).comments
    with hang_guard():
        directives = resolve_directives(
            read_directives(text, comments, None), lambda s: frozenset([s])
        )
    assert len(directives) == count
    assert all(d.cover_end == float("inf") for d in directives)  # none was enabled again


def test_ranges_naming_no_rule_stay_one_directive_whatever_the_enables():
    """Open ranges naming no rule, each re-enabled rule by rule: the directives stay as
    many as the comments (they once split into one more per range and enable)."""
    count = 5_000
    text = "<!-- sourcelint-disable -->\n" * count + "<!-- sourcelint-enable SL204 -->\n" * count
    text += "Officials reportedly said it.\n"
    comments = read_markdown(text).comments
    with hang_guard():
        directives = resolve_directives(
            read_directives(text, comments, None), lambda s: frozenset([s])
        )
    assert len(directives) == count
    at = text.index("Officials")
    anonymous, unsourced = (
        _finding("SL102", 2 * count + 1, at),
        _finding("SL204", 2 * count + 1, at),
    )
    outcome = apply([anonymous, unsourced], directives, _matches, lambda s: True)
    assert outcome.kept == [unsourced]  # re-enabled: reported again
    assert [finding for finding, _ in outcome.suppressed] == [anonymous]


_DIRECTIVES = st.builds(
    lambda kind, start, size, codes, line, cover, reenabled: Directive(
        kind,
        start,
        start + size,
        codes,
        None,
        line=line,
        cover_end=start + size + cover,
        reenabled=reenabled if kind == "range" and not codes else {},
    ),
    st.sampled_from(["file", "line", "range"]),
    st.integers(0, 40),
    st.integers(1, 5),
    st.lists(st.sampled_from(["SL1", "SL2"]), max_size=2).map(tuple),
    st.integers(1, 6),
    st.integers(0, 30) | st.just(float("inf")),
    st.dictionaries(
        st.sampled_from(["SL1", "SL2"]), st.lists(st.integers(0, 70), max_size=3).map(sorted)
    ),
)
_FINDINGS = st.builds(
    _finding, st.sampled_from(["SL1", "SL2"]), st.integers(1, 6), st.integers(0, 60)
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(_DIRECTIVES, max_size=8), st.lists(_FINDINGS, max_size=8))
def test_directives_cover_findings_as_a_scan_in_order_would(directives, findings):
    """The indexed matching picks, for each finding, the first covering directive."""
    for index, directive in enumerate(directives):
        directive.reason = str(index)
    expected = [
        next((d for d in directives if _covers(d, finding, _matches)), None) for finding in findings
    ]
    outcome = apply(findings, directives, _matches, lambda s: True)
    assert outcome.kept == [f for f, d in zip(findings, expected, strict=True) if d is None]
    assert [reason for _, reason in outcome.suppressed] == [d.reason for d in expected if d]
    assert [d.reason for d in outcome.unused] == [
        d.reason for d in directives if all(d is not chosen for chosen in expected)
    ]


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_crafted_front_matter_is_read_in_linear_time(fence):
    separator = ":" if fence == "---" else " ="
    field = f'title{separator} "A quiet" ' + " " * 200_000 + "x"
    text = f"{fence}\n{field}\n{fence}\n\n{SENTENCE}\n"
    options = ReaderOptions(front_matter_fields=("title",))
    with hang_guard():
        prose = read_markdown(text, options)
    assert words(prose.text) == words("A quiet " + SENTENCE)


# 2. Building prose: linear in the number of blocks


def test_building_prose_is_linear_in_blocks():
    builder = ProseBuilder()
    with hang_guard():
        for index in range(200_000):
            builder.add("word ", index * 6)
            builder.end_block()
        prose = builder.build()
    assert len(prose.blocks) == 200_000
    assert prose.text.startswith("word\n\nword\n\n")
    assert prose.offsets.to_original(prose.blocks[-1][0]) == 199_999 * 6


def test_a_large_markdown_table_is_read_whole():
    # The builder's test above is the one the quadratic builder failed: markdown-it's
    # own parse of a table big enough for that takes seconds.
    rows = 10_000
    text = "| a | b |\n|---|---|\n" + "| x | reportedly |\n" * rows
    with hang_guard():
        prose = read_markdown(text)
    assert prose.text.count("reportedly") == rows
    assert len(prose.blocks) == 2 * rows + 2


def test_a_whitespace_block_leaves_the_text_as_before():
    builder = ProseBuilder()
    builder.add(" \t", 0)
    builder.end_block()
    builder.add("One", 3)
    builder.add_space()
    builder.end_block()
    builder.add("  ", 9)
    builder.end_block()
    builder.add("Two", 12)
    prose = builder.build()
    assert prose.text == "\n\nOne\n\nTwo\n\n"
    assert prose.blocks == ((2, 5), (7, 10))
    assert prose.offsets.to_original(7) == 12


# 3. HTML: stray end tags, skipped text and deep nesting


def test_stray_end_tags_under_deep_nesting_are_linear():
    text = "<span>" * 100_000 + f"<p>{SENTENCE}</p>" + "</div>" * 100_000
    with hang_guard():
        prose = read_html(text)
    assert words(prose.text) == words(SENTENCE)


def test_skipped_text_under_deep_nesting_is_linear():
    text = "<code>" + "<span>x" * 100_000 + f"</code><p>{SENTENCE}</p>"
    with hang_guard():
        prose = read_html(text)
    assert words(prose.text)[-len(words(SENTENCE)) :] == words(SENTENCE)


@pytest.mark.parametrize("tag", ["div", "blockquote", "ul"])
def test_deeply_nested_blocks_are_read_whole(tag):
    depth = 100_000
    text = f"<{tag}>x" * depth + f"<p>{SENTENCE}</p>" + f"</{tag}>" * depth
    with hang_guard():
        prose = read_html(text)
    assert prose.text.count("x") == depth
    assert SENTENCE in prose.text
    assert any("nested deeper than 512" in note.message for note in prose.notes)


@pytest.mark.parametrize("piece", ["<a ", '<a b="', "<xyyyy", "<p>x<!--", "<!-- >", "</a"])
def test_unfinished_markup_is_read_in_linear_time(piece):
    text = f"<p>{SENTENCE}</p>" + piece * 400_000
    with hang_guard():
        prose = read_html(text)
    assert words(prose.text)[: len(words(SENTENCE))] == words(SENTENCE)
    assert prose.notes  # what the unfinished markup hides is named


# 4. Markdown nesting: nothing dropped, no recursion error


@pytest.mark.parametrize(
    "nesting",
    ["- " * 12, "> " * 25, ">" * 5000 + " ", "- " * 3000, "1. " * 2000, "> - " * 1500],
)
def test_deep_markdown_nesting_loses_no_word(nesting):
    text = f"Before it.\n\n{nesting}The rebels deep inside.\n\n{SENTENCE}\n"
    prose = read_markdown(text)
    assert words(prose.text) == words("Before it. The rebels deep inside. " + SENTENCE)
    assert original_of(prose, text, "deep inside") == "deep inside"
    assert original_of(prose, text, "reportedly") == "reportedly"


def test_a_deep_nested_list_is_read_as_plain_text_with_a_note():
    items = "".join("  " * level + f"- item {level}\n" for level in range(40))
    text = items + f"\n{SENTENCE}\n"
    prose = read_markdown(text)
    items_words = [word for level in range(40) for word in ("item", str(level))]
    assert words(prose.text) == [*items_words, *words(SENTENCE)]
    [note] = prose.notes
    assert note.message == "nested deeper than 64 levels: lines 32-40 read as plain text"
    assert LineIndex(text).position(note.offset) == (32, 1)


# 5. Character references at the edges of a span


@pytest.mark.parametrize(
    ("reader", "text", "expected"),
    [
        ("markdown", "They reportedl&#121; left.", "reportedl&#121;"),
        ("markdown", "They &#114;eportedly left.", "&#114;eportedly"),
        ("markdown", "They reportedl&#x79; left.", "reportedl&#x79;"),
        ("html", "<p>They reportedl&#121; left.</p>", "reportedl&#121;"),
        ("html", "<p>They &#114;eportedly left.</p>", "&#114;eportedly"),
    ],
)
def test_a_span_covers_a_reference_at_its_edge(reader, text, expected):
    assert original_of(READERS[reader](text), text, "reportedly") == expected


def test_a_finding_ending_in_a_reference_ends_after_it(linter, registry):
    text = "The rebels reportedl&#121; advanced on the city.\n"
    findings = linter.lint_text(text, registry.select("SL204"), reader="markdown", tier="fast")
    assert [finding.text for finding in findings] == ["reportedl&#121;"]
    assert_exact(text, findings)


def assert_exact(original: str, findings: list[Finding]) -> None:
    lines = LineIndex(original)
    for finding in findings:
        assert finding.text == original[finding.start : finding.end]
        assert lines.position(finding.end) == (finding.end_line, finding.end_column)


# 6. Comments closed as a browser closes them


_AROUND_COMMENT = {
    "html": "<p>Before.</p>{}<p>" + SENTENCE + "</p>",
    "markdown": "Before.\n\n{}\n\n" + SENTENCE + "\n",
}


@pytest.mark.parametrize("comment", ["<!-->", "<!--->", "<!-- note --!>", "<!---->"])
@pytest.mark.parametrize("reader", sorted(_AROUND_COMMENT))
def test_comments_close_as_in_a_browser(reader, comment):
    text = _AROUND_COMMENT[reader].format(comment)
    prose = READERS[reader](text)
    assert words(prose.text) == words("Before. " + SENTENCE)
    [found] = prose.comments
    assert text[found.start : found.end] == comment
    assert not prose.notes


def test_a_suppression_comment_closed_by_bang_still_suppresses():
    text = f"<!-- sourcelint-disable-file --!>\n\n{SENTENCE}\n"
    prose = read_markdown(text)
    [comment] = prose.comments
    assert comment.body.strip() == "sourcelint-disable-file"


# 7. Invisible characters never change what is found

INVISIBLE = [
    "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
]  # fmt: skip
_WRAP = {"plain": "{}", "markdown": "# Title\n\n{}\n", "html": "<h1>Title</h1><p>{}</p>"}


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("reader", sorted(READERS))
def test_an_invisible_character_inside_a_word_changes_nothing(reader, char):
    sentence = SENTENCE.replace("reportedly", f"report{char}edly")
    text = _WRAP[reader].format(sentence)
    prose = READERS[reader](text)
    assert SENTENCE in prose.text
    assert original_of(prose, text, "reportedly") == f"report{char}edly"


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("reader", sorted(READERS))
def test_an_invisible_character_in_the_markup_changes_nothing(reader, char):
    markup = {
        "plain": f"{char}{SENTENCE}{char}\n{char}\n\nNext.",
        "markdown": f"{char}#{char} Title\n\n{char}- {SENTENCE}\n\n**Next**{char}.\n",
        "html": f"<h1>Title</h1>{char}<p>{SENTENCE}</p><p>Next.</p>",
    }[reader]
    clean = READERS[reader](markup.replace(char, ""))
    prose = READERS[reader](markup)
    assert (prose.text, prose.blocks) == (clean.text, clean.blocks)
    assert original_of(prose, markup, "reportedly") == "reportedly"


def test_a_note_names_a_huge_fence_by_its_length():
    prose = read_markdown("`" * 200_000 + "\n\nThe mayor reportedly resigned.\n")
    (note,) = prose.notes
    assert note.message == "unterminated code fence (200,000 '`'): lines 1-3 not linted"
