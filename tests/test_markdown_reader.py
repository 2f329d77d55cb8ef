"""The Markdown reader: what is prose, what is skipped, and exact positions."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcelint.checks.registry import Registry
from sourcelint.core.document import Prose
from sourcelint.core.findings import Finding
from sourcelint.core.positions import LineIndex
from sourcelint.engine import Engine
from sourcelint.readers import READERS, read_prose, reader_for
from sourcelint.readers.base import ReaderOptions
from sourcelint.readers.markdown import read_markdown

# Markup a flagged span may contain in the original: emphasis, link brackets and
# destinations, a hyphen-and-line-break, quote markers at line starts.
_MARKUP = re.compile(r"\]\([^)]*\)|[*_\[\]]|-(?:\r\n|\n)(?:[ \t>]*)|&#32;")
_SPACES = re.compile(r"\s+")


def _without_markup(text: str) -> str:
    return _SPACES.sub(" ", _MARKUP.sub(lambda m: " " if m[0] == "&#32;" else "", text))


def assert_exact(original: str, findings: list[Finding]) -> None:
    """Every finding's offsets, line/column and text agree with the original file."""
    lines = LineIndex(original)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(original)
        assert finding.text == original[finding.start : finding.end]
        assert lines.position(finding.start) == (finding.line, finding.column)
        assert lines.position(finding.end) == (finding.end_line, finding.end_column)


# These tests are about the reader and positions: they lint on the fast tier, whose
# phrase matches are fixed; what the parse tier credits is tested with the analysis.
TIER = "fast"


def lint(linter: Engine, registry: Registry, text: str, *codes: str) -> list[Finding]:
    rules = [rule for code in codes for rule in registry.select(code)]
    findings = linter.lint_text(text, rules, reader="markdown", tier=TIER)
    assert_exact(text, findings)
    return findings


def texts(findings: list[Finding]) -> list[str]:
    return [_without_markup(finding.text) for finding in findings]


def prose_of(text: str, options: ReaderOptions | None = None) -> tuple[Prose, list[str]]:
    """The prose and its blocks, each block checked to map back onto the original."""
    prose = read_markdown(text, options or ReaderOptions())
    blocks = [prose.text[start:end] for start, end in prose.blocks]
    return prose, blocks


def original_of(prose: Prose, original: str, needle: str) -> str:
    """The original text of the first occurrence of ``needle`` in the prose."""
    start = prose.text.index(needle)
    mapped_start, mapped_end = prose.offsets.span_to_original(start, start + len(needle))
    return original[mapped_start:mapped_end]


# Registration


def test_markdown_reader_is_registered_by_extension() -> None:
    assert reader_for("drafts/story.md") == "markdown"
    assert reader_for("STORY.MARKDOWN") == "markdown"
    assert reader_for("story.txt") == "plain"
    assert reader_for("README") == "plain"
    assert "markdown" in READERS
    prose = read_prose("# Title\n\nBody *text*.", "markdown", ReaderOptions())
    assert prose.text.split("\n\n")[:2] == ["Title", "Body text."]


def test_plain_reader_still_reads_markdown_syntax_as_text() -> None:
    assert read_prose("# Title", "plain").text == "# Title"


# What is skipped


def test_yaml_and_toml_front_matter_are_skipped(linter, registry) -> None:
    yaml = "---\ntitle: The mayor reportedly resigned\n---\nThe budget passed.\n"
    toml = '+++\ntitle = "The mayor reportedly resigned"\n+++\nThe budget passed.\n'
    for text in (yaml, toml):
        assert lint(linter, registry, text, "SL204") == []
        prose, blocks = prose_of(text)
        assert blocks == ["The budget passed."]
        assert prose.notes == ()


def test_yaml_front_matter_may_close_with_dots() -> None:
    _, blocks = prose_of("---\ntitle: x\n...\nBody.\n")
    assert blocks == ["Body."]


@pytest.mark.parametrize(
    "text",
    [
        "```\nThe mayor reportedly resigned.\n```\n",
        "~~~ text\nThe mayor reportedly resigned.\n~~~\n",
        "Intro.\n\n    The mayor reportedly resigned.\n",
        "The budget `reportedly` passed.\n",
        "The budget ``it `was` reportedly`` passed.\n",
        "<!-- The mayor reportedly resigned. -->\n",
        "The budget <!-- reportedly --> passed.\n",
        "<div>\nThe mayor reportedly resigned.\n</div>\n",
        "The <span title='reportedly'>budget</span> passed.\n",
        "See <https://example.com/reportedly> now.\n",
        "See https://example.com/reportedly now.\n",
        "See www.example.com/reportedly now.\n",
        '[The budget](https://example.com/reportedly "It was reportedly") passed.\n',
        "[The budget][ref] passed.\n\n[ref]: https://example.com/reportedly 'reportedly'\n",
        "![The mayor reportedly resigned](photo.jpg) The budget passed.\n",
    ],
)
def test_skipped_markup_is_not_linted(linter, registry, text) -> None:
    assert lint(linter, registry, text, "SL204") == []


def test_code_does_not_hide_later_prose(linter, registry) -> None:
    text = "```\nreportedly\n```\n\nThe mayor reportedly resigned.\n"
    [finding] = lint(linter, registry, text, "SL204")
    assert (finding.text, finding.line, finding.column) == ("reportedly", 5, 11)


def test_html_comments_are_collected_with_original_offsets() -> None:
    text = (
        "<!-- sourcelint-disable SL204 -- quoted from court papers -->\n\n"
        "The budget <!-- sourcelint-disable-next-line SL201 --> passed.\n\n"
        "> <!--\n> two lines -->\n\n"
        "`<!-- not a comment -->`\n"
    )
    prose, blocks = prose_of(text)
    bodies = [comment.body for comment in prose.comments]
    assert bodies == [
        " sourcelint-disable SL204 -- quoted from court papers ",
        " sourcelint-disable-next-line SL201 ",
        "\n> two lines ",
    ]
    for comment in prose.comments:
        assert text[comment.start : comment.end] == f"<!--{comment.body}-->"
    assert blocks == ["The budget  passed."]


def test_reference_definitions_produce_no_prose() -> None:
    _, blocks = prose_of("[ref]: https://example.com 'The mayor reportedly resigned'\n")
    assert blocks == []


# What is linted


@pytest.mark.parametrize(
    "text, words",
    [
        ("# The mayor reportedly resigned\n", "reportedly"),
        ("Setext: the mayor reportedly resigned\n===\n", "reportedly"),
        ("- Budget.\n- The mayor reportedly resigned.\n", "reportedly"),
        ("1. Budget.\n2. The mayor reportedly resigned.\n", "reportedly"),
        ("> The mayor reportedly resigned.\n", "reportedly"),
        ("> - The mayor reportedly resigned.\n", "reportedly"),
        (
            "| Who | What |\n| --- | --- |\n| mayor | The mayor reportedly resigned. |\n",
            "reportedly",
        ),
        ("The mayor [reportedly](https://example.com/x) resigned.\n", "reportedly"),
        ("The mayor [reportedly][1] resigned.\n\n[1]: https://example.com\n", "reportedly"),
        ("The mayor ~~reportedly~~ resigned.\n", "reportedly"),
    ],
)
def test_prose_blocks_are_linted(linter, registry, text, words) -> None:
    assert texts(lint(linter, registry, text, "SL204")) == [words]


def test_link_text_is_linted(linter, registry) -> None:
    text = 'Harbour. [According to Reuters](https://reuters.example/a_b "Reuters"), it closed.\n'
    [finding] = lint(linter, registry, text, "SL201")
    assert finding.text == "According to Reuters"
    assert finding.column == text.index("According") + 1


def test_table_cells_are_separate_blocks() -> None:
    text = "| It was later | reported that the mayor resigned |\n|---|---|\n| a \\| b | c |\n"
    prose, blocks = prose_of(text)
    assert blocks == ["It was later", "reported that the mayor resigned", "a | b", "c"]
    assert original_of(prose, text, "a | b") == "a \\| b"


def test_no_match_across_a_heading_and_a_paragraph(linter, registry) -> None:
    # The same words as one plain paragraph are flagged: the boundary is what stops it.
    wrapped = "It was later\nreported that the mayor resigned.\n"
    plain = linter.lint_text(wrapped, registry.select("SL204"), tier=TIER)
    assert texts(plain) == ["It was later reported"]
    assert (
        lint(linter, registry, "# It was later\nreported that the mayor resigned.\n", "SL204") == []
    )
    assert (
        lint(linter, registry, "- It was later\n- reported that the mayor resigned.\n", "SL204")
        == []
    )
    assert (
        lint(linter, registry, "> It was later\n\nreported that the mayor resigned.\n", "SL204")
        == []
    )


def test_list_items_and_quotes_are_separate_blocks() -> None:
    _, blocks = prose_of("- one\n- two\n  > three\n\n> four\n> five\n")
    assert blocks == ["one", "two", "three", "four five"]


# Hard wraps, emphasis, hyphenation, entities


def test_hard_wrapped_paragraph_is_joined(linter, registry) -> None:
    text = "Budget.\n\nIt was later\nreported that the mayor resigned.\n"
    [finding] = lint(linter, registry, text, "SL204")
    assert finding.text == "It was later\nreported"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 1, 4, 9)


def test_hard_wrap_inside_a_quote_and_a_list_item(linter, registry) -> None:
    quote = "> It was later\n> reported that the mayor resigned.\n"
    item = "- It was later\n  reported that the mayor resigned.\n"
    assert [f.text for f in lint(linter, registry, quote, "SL204")] == ["It was later\n> reported"]
    assert [f.text for f in lint(linter, registry, item, "SL204")] == ["It was later\n  reported"]


def test_hard_line_break_separates_words(linter, registry) -> None:
    text = "It was later  \nreported that the mayor resigned.\n"
    [finding] = lint(linter, registry, text, "SL204")
    assert _without_markup(finding.text) == "It was later reported"


def test_emphasis_markers_do_not_break_patterns(linter, registry) -> None:
    text = "The mayor **reportedly** resigned. _According to_ Reuters, the budget passed.\n"
    findings = lint(linter, registry, text, "SL204", "SL201")
    assert [f.text for f in findings] == ["reportedly", "According to_ Reuters"]
    prose, _ = prose_of("The mayor **report**edly resigned.")
    assert "reportedly" in prose.text
    assert original_of(prose, "The mayor **report**edly resigned.", "reportedly") == (
        "report**edly"
    )


def test_word_hyphenated_across_a_line_break_is_joined(linter, registry) -> None:
    text = "The mayor report-\nedly resigned.\n"
    [finding] = lint(linter, registry, text, "SL204")
    assert finding.text == "report-\nedly"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 11, 2, 5)


def test_hyphen_is_kept_when_the_next_line_is_not_a_word_part() -> None:
    _, blocks = prose_of("A well-\nKnown case and a dash -\nhere.")
    assert blocks == ["A well- Known case and a dash - here."]


def test_entities_are_decoded_and_mapped(linter, registry) -> None:
    text = "Smith &amp; Jones&#8217;s firm. According&#32;to Reuters, it closed.\n"
    prose, _ = prose_of(text)
    assert prose.text.startswith("Smith & Jones’s firm.")
    assert original_of(prose, text, "& Jones’s") == "&amp; Jones&#8217;s"
    [finding] = lint(linter, registry, text, "SL201")
    assert finding.text == "According&#32;to Reuters"


def test_backslash_escapes_map_to_the_escaped_character() -> None:
    text = "The \\*mayor\\* resigned."
    prose, _ = prose_of(text)
    assert prose.text.startswith("The *mayor* resigned.")
    assert original_of(prose, text, "*mayor*") == "*mayor\\*"
    # A backslash before a letter escapes nothing and stays.
    prose, _ = prose_of("C:\\path reportedly")
    assert original_of(prose, "C:\\path reportedly", "C:\\path") == "C:\\path"


# Front-matter fields


def test_front_matter_fields_are_linted_at_their_positions() -> None:
    text = (
        "---\n"
        'title: "The mayor reportedly resigned"\n'
        "description: Officials reportedly left # a YAML comment\n"
        "summary: not chosen, reportedly\n"
        "tags: [reportedly]\n"
        "---\n"
        "Body.\n"
    )
    options = ReaderOptions(front_matter_fields=("title", "description", "tags"))
    prose, blocks = prose_of(text, options)
    assert blocks == ["The mayor reportedly resigned", "Officials reportedly left", "Body."]
    lines = LineIndex(text)
    for needle, line in (("The mayor reportedly", 2), ("Officials reportedly", 3)):
        start = prose.text.index(needle)
        mapped, _ = prose.offsets.span_to_original(start, start + len(needle))
        assert original_of(prose, text, needle) == needle
        assert lines.position(mapped)[0] == line


def test_toml_front_matter_fields() -> None:
    text = (
        '+++\ntitle = "The mayor reportedly resigned"\ndraft = true\n'
        '[params]\ndescription = "nested"\n+++\nBody.\n'
    )
    options = ReaderOptions(front_matter_fields=("title", "draft", "description"))
    prose, blocks = prose_of(text, options)
    assert blocks == ["The mayor reportedly resigned", "Body."]
    assert original_of(prose, text, "reportedly") == "reportedly"


def test_front_matter_fields_off_by_default() -> None:
    _, blocks = prose_of("---\ntitle: The mayor reportedly resigned\n---\nBody.\n")
    assert blocks == ["Body."]


# Encodings, line endings, tabs


def test_crlf_positions(linter, registry) -> None:
    text = (
        "# Budget\r\n\r\nHarbour.\r\nThe mayor reportedly\r\n"
        "resigned. It was later\r\nreported.\r\n"
    )
    findings = lint(linter, registry, text, "SL204")
    assert [f.text for f in findings] == ["reportedly", "It was later\r\nreported"]
    assert [(f.line, f.column) for f in findings] == [(4, 11), (5, 11)]


def test_non_ascii_and_emoji_before_the_finding(linter, registry) -> None:
    text = "# Zürich 👩‍🔬\n\nCafé naïve 🙂 𝔘𝔫𝔦. The mayor reportedly resigned.\n"
    [finding] = lint(linter, registry, text, "SL204")
    assert finding.text == "reportedly"
    line_text = LineIndex(text).line_text(3)
    assert finding.line == 3
    assert finding.column == line_text.index("reportedly") + 1


def test_tabs(linter, registry) -> None:
    text = "-\tBudget.\n-\tThe mayor\treportedly resigned.\n\n>\tIt was later\treported.\n"
    findings = lint(linter, registry, text, "SL204")
    assert [_without_markup(f.text) for f in findings] == ["reportedly", "It was later reported"]


def test_bom_is_not_prose() -> None:
    _, blocks = prose_of("\ufeff---\ntitle: x\n---\nBody.\n")
    assert blocks == ["Body."]
    _, blocks = prose_of("\ufeffBody.")
    assert blocks == ["Body."]


def test_nul_characters_keep_positions(linter, registry) -> None:
    text = "Budget\0. The mayor reportedly resigned.\n"
    [finding] = lint(linter, registry, text, "SL204")
    assert finding.text == "reportedly"


# Broken markup


@pytest.mark.parametrize(
    "text, note",
    [
        ("Budget.\n\n```\nThe mayor reportedly resigned.\n", "unterminated code fence"),
        ("> ```\n> reportedly\n\nAfter.\n", "unterminated code fence"),
        ("---\ntitle: x\n\nThe mayor reportedly resigned.\n", "unterminated front matter"),
        ("+++\ntitle = 'x'\n", "unterminated front matter"),
        ("Budget.\n\n<!-- open\n\nThe mayor reportedly resigned.\n", "unclosed HTML comment"),
    ],
)
def test_broken_markup_is_noted(text, note) -> None:
    prose, _ = prose_of(text)
    assert any(note in n.message for n in prose.notes), prose.notes
    for n in prose.notes:
        assert 0 <= n.offset <= len(text)


def test_broken_markup_still_lints_what_it_can(linter, registry) -> None:
    text = "The mayor reportedly resigned.\n\n```\nreportedly\n"
    assert texts(lint(linter, registry, text, "SL204")) == ["reportedly"]
    after = "---\ntitle: x\n\nThe mayor reportedly resigned.\n"
    assert texts(lint(linter, registry, after, "SL204")) == ["reportedly"]
    fence_in_quote = "> ```\n> reportedly\n\nThe mayor reportedly resigned.\n"
    [finding] = lint(linter, registry, fence_in_quote, "SL204")
    assert finding.line == 4


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "---",
        "+++\n",
        "---\n---\n",
        "```",
        "<!--",
        "<!-->",
        "[",
        "[a](",
        "[a](<b",
        "![a](b",
        "`unclosed code",
        "**",
        "| a |\n|---|\n| b |",
        "> - > 1. ```\n",
        "<div>\n<!-- x",
        "&#0; &bogus; &amp",
        "\\",
        "a\r",
        "- \t\t- \tx",
    ],
)
def test_broken_markup_never_raises(linter, registry, text) -> None:
    read_markdown(text, ReaderOptions(front_matter_fields=("title",)))
    lint(linter, registry, text, "ALL")


# Property: the mapping is exact for every finding, wherever the phrase stands.


@dataclass(frozen=True)
class _Phrase:
    """A sentence with a flagged phrase; ``markup`` is how the phrase is written."""

    code: str
    before: str
    markup: str
    after: str
    lead: int  # characters of markup before the phrase's first letter
    trail: int  # characters of markup after its last letter


def _phrases(wrapping: bool) -> st.SearchStrategy[_Phrase]:
    """Phrase sentences; line-break variants only where the block allows a soft break."""
    options = [
        _Phrase("SL204", "The mayor ", "reportedly", " resigned.", 0, 0),
        _Phrase("SL204", "The mayor ", "**reportedly**", " resigned.", 2, 2),
        _Phrase("SL204", "The mayor ", "_reportedly_", " resigned.", 1, 1),
        _Phrase(
            "SL204", "The mayor ", "[reportedly](https://example.com/a_b)", " resigned.", 1, 26
        ),
        _Phrase("SL201", "", "According to Reuters", ", the mayor resigned.", 0, 0),
        _Phrase("SL201", "", "According to **Reuters**", ", the mayor resigned.", 0, 2),
        _Phrase("SL201", "", '[According to Reuters](https://x.org "t")', ", it closed.", 1, 20),
        _Phrase("SL201", "", "According&#32;to Reuters", ", the mayor resigned.", 0, 0),
    ]
    if wrapping:
        options += [
            _Phrase("SL204", "The mayor ", "report-\nedly", " resigned.", 0, 0),
            _Phrase("SL204", "", "It was later\nreported", " that the mayor resigned.", 0, 0),
            _Phrase("SL201", "", "According to\nReuters", ", the mayor resigned.", 0, 0),
        ]
    return st.sampled_from(options)


_WORDS = [
    "harbour", "budget", "ferry", "council", "bridge", "café", "naïve", "Zürich",
    "🙂", "👩‍🔬", "𝔘𝔫𝔦", "water", "late", "new", "east", "&amp;", "&copy;", "Ω",
]  # fmt: skip
# Text that would be flagged in prose, hidden in places that are not prose.
_HIDDEN = [
    "`The mayor reportedly resigned.`",
    "<!-- According to Reuters, it closed. -->",
    '[harbour](https://example.com/reportedly "It was reportedly")',
    "<https://example.com/reportedly>",
    "https://example.com/reportedly",
    "<span title='reportedly'>ferry</span>",
    "![The mayor reportedly resigned](x.png)",
]


@st.composite
def _filler(draw: st.DrawFn) -> str:
    """A short sentence of neutral words, some emphasised, some markup that is skipped."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6))
    style = draw(st.sampled_from(["", "*", "**", "_"]))
    if style and len(words) > 1:
        words[0] = f"{style}{words[0]}{style}"
    if draw(st.booleans()):
        # Never first: a line that opens with a comment or a tag is an HTML block.
        words.insert(draw(st.integers(1, len(words))), draw(st.sampled_from(_HIDDEN)))
    separator = draw(st.sampled_from([" ", "\t", "  "]))
    sentence = separator.join(words)
    return sentence[0].upper() + sentence[1:] + "."


def _place(kind: str, phrase: _Phrase, filler: str) -> tuple[str, int]:
    """The block text holding ``phrase`` and the offset of the phrase's markup in it."""
    sentence = f"{phrase.before}{phrase.markup}{phrase.after}"
    offset = len(phrase.before)
    if kind == "paragraph":
        prefix, sentence = f"{filler} ", sentence
    elif kind == "heading":
        prefix = "## "
    elif kind == "list":
        prefix, sentence = "- ", sentence.replace("\n", "\n  ")
    elif kind == "ordered":
        prefix, sentence = "1. ", sentence.replace("\n", "\n   ")
    elif kind == "quote":
        prefix, sentence = "> ", sentence.replace("\n", "\n> ")
    elif kind == "nested":
        prefix, sentence = "> - ", sentence.replace("\n", "\n>   ")
    else:
        prefix = f"| {filler} | x |\n| --- | --- |\n| "
        return f"{prefix}{sentence} | {filler} |", len(prefix) + offset
    return prefix + sentence, len(prefix) + offset


def _filler_block(kind: str, filler: str, code_text: str) -> str:
    """A block without the phrase; code blocks carry flagged text that must stay silent."""
    return {
        "paragraph": filler,
        "heading": f"# {filler}",
        "list": f"- {filler}\n- {filler}",
        "ordered": f"1. {filler}\n2. {filler}",
        "quote": f"> {filler}\n>\n> {filler}",
        "table": f"| a | b |\n|---|---|\n| {filler} | {filler} |",
        "fence": f"```text\n{code_text}\n```",
        "tilde": f"~~~\n{code_text}\n~~~",
        "indented": f"{filler}\n\n    {code_text}",
        "comment": f"<!--\n{code_text}\n-->",
    }[kind]


_FILLER_KINDS = st.sampled_from(
    [
        "paragraph",
        "heading",
        "list",
        "ordered",
        "quote",
        "table",
        "fence",
        "tilde",
        "indented",
        "comment",
    ]
)
_CODE_TEXT = st.sampled_from(
    ["The mayor reportedly resigned.", "According to Reuters, it closed.", "It was reported."]
)


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, str, int, int]:
    """A document, the code expected at the phrase, and the phrase's original span."""
    kind = draw(
        st.sampled_from(["paragraph", "heading", "list", "ordered", "quote", "nested", "table"])
    )
    phrase = draw(_phrases(wrapping=kind not in ("heading", "table")))
    before = [
        _filler_block(draw(_FILLER_KINDS), draw(_filler()), draw(_CODE_TEXT))
        for _ in range(draw(st.integers(0, 3)))
    ]
    after = [
        _filler_block(draw(_FILLER_KINDS), draw(_filler()), draw(_CODE_TEXT))
        for _ in range(draw(st.integers(0, 3)))
    ]
    block, offset = _place(kind, phrase, draw(_filler()))
    head = "".join(f"{b}\n\n" for b in before)
    if draw(st.booleans()):
        head = "---\ntitle: The mayor reportedly resigned\n---\n" + head
    text = head + block + "".join(f"\n\n{b}" for b in after) + "\n"
    # The phrase's markup as placed in the block (list and quote prefixes included).
    markup_end = _markup_end(block, offset, phrase.markup)
    start = len(head) + offset + phrase.lead
    end = len(head) + markup_end - phrase.trail
    if draw(st.booleans()):
        # CRLF: every line break before an offset adds one code point.
        start += text.count("\n", 0, start)
        end += text.count("\n", 0, end)
        text = text.replace("\n", "\r\n")
    return text, phrase.code, start, end


def _markup_end(block: str, offset: int, markup: str) -> int:
    """Where ``markup`` ends in ``block``, which may have added prefixes after its breaks."""
    position = offset
    for index, part in enumerate(markup.split("\n")):
        position = block.index(part, position) + len(part)
        assert index == 0 or block[position - len(part) - 1] in " >\n"
    return position


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_documents())
def test_property_phrase_is_found_at_its_exact_position(linter, registry, document) -> None:
    text, code, start, end = document
    findings = lint(linter, registry, text, "SL204", "SL201")
    assert [(f.code, f.start, f.end) for f in findings] == [(code, start, end)], text


_CODE_KINDS = ["fence", "tilde", "indented", "comment"]


@st.composite
def _code_only_documents(draw: st.DrawFn) -> str:
    """A document whose only flagged text stands in code, comments and URLs."""
    kinds = draw(st.lists(_FILLER_KINDS, min_size=0, max_size=5))
    kinds.insert(draw(st.integers(0, len(kinds))), draw(st.sampled_from(_CODE_KINDS)))
    blocks = [_filler_block(kind, draw(_filler()), draw(_CODE_TEXT)) for kind in kinds]
    text = "\n\n".join(blocks) + "\n"
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_code_only_documents())
def test_property_phrase_in_code_is_never_reported(linter, registry, text) -> None:
    assert lint(linter, registry, text, "SL204", "SL201") == [], text


# Bits of Markdown, broken and whole, to build arbitrary documents from.
_SHARDS = [
    *"ab é🙂\t\n\r*_`[]()<>!#-+=|\\&;:\"'~.1",
    "&amp;", "&#32;", "<!--", "-->", "```", "    ", "---\n", "+++\n", "> ", "- ",
    "http://x.y ", "title: ", "| --- |", "\0",
]  # fmt: skip


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.sampled_from(_SHARDS), max_size=60).map("".join))
def test_property_any_text_reads_and_maps_onto_itself(text) -> None:
    """Any input reads without error, and each prose character maps onto the same
    character of the original (an entity onto its "&", a NUL onto the U+FFFD it reads as)."""
    prose = read_markdown(text, ReaderOptions(front_matter_fields=("title",)))
    for start, end in prose.blocks:
        assert 0 <= start < end <= len(prose.text)
    for index, char in enumerate(prose.text):
        if char.isspace():
            continue
        original = text[prose.offsets.to_original(index)]
        assert original == char or original == "&" or (original, char) == ("\0", "\ufffd")
    for comment in prose.comments:
        assert text[comment.start : comment.end].startswith("<!--" + comment.body)
    assert not [note for note in prose.notes if "could not place" in note.message]


def test_front_matter_field_that_cannot_be_read_is_a_note():
    text = '---\ntitle: "A title"\ndescription: >\n  The army reportedly retreated.\n---\n\nText.\n'
    prose = read_markdown(text, ReaderOptions(front_matter_fields=("title", "description")))
    assert [(note.offset, "description" in note.message) for note in prose.notes] == [
        (text.index("description"), True)
    ]
