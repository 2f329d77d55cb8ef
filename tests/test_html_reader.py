"""The HTML reader: what is prose, block boundaries, references and exact positions."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcelint.core.errors import ConfigError
from sourcelint.core.positions import LineIndex
from sourcelint.readers import read_prose, reader_for
from sourcelint.readers.base import ReaderOptions
from sourcelint.readers.html import read_html

# These tests are about the reader and positions: they lint on the fast tier, whose
# phrase matches are fixed; what the parse tier credits is tested with the analysis.
TIER = "fast"
# Two phrases the fast tier always flags, each in a sentence of its own.
REPORTEDLY = ("A newly formed alliance ", "reportedly", " showed signs of advancement.")
ACCORDING = ("", "According to Reuters", ", the talks ended on Monday.")
PHRASES = {"SL204": REPORTEDLY, "SL201": ACCORDING}
SENTENCE = "".join(REPORTEDLY)

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"</?br\s*/?>", re.IGNORECASE)
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def visible(source: str) -> str:
    """What a reader sees of a piece of HTML: tags gone, references decoded, spaces folded."""
    text = _INVISIBLE.sub("", html.unescape(_TAG.sub("", _BREAK.sub(" ", source))))
    return " ".join(text.split())


def lint(linter, registry, text: str, code: str = "SL204"):
    """Findings of one rule in an HTML text, each checked for an exact, consistent position."""
    findings = linter.lint_text(text, registry.select(code), reader="html", tier=TIER)
    lines = LineIndex(text)
    for finding in findings:
        assert finding.text == text[finding.start : finding.end]
        assert lines.position(finding.start) == (finding.line, finding.column)
        assert lines.position(finding.end) == (finding.end_line, finding.end_column)
    return findings


def flagged(linter, registry, text: str, code: str = "SL204") -> list[str]:
    """The visible words of each finding."""
    return [visible(f.text) for f in lint(linter, registry, text, code)]


def prose(text: str, **options) -> str:
    """The reader's prose, blocks joined by " | "."""
    read = read_html(text, ReaderOptions(**options))
    return " | ".join(read.text[start:end] for start, end in read.blocks)


# Choosing the reader


def test_html_files_take_the_html_reader():
    assert reader_for("site/story.html") == "html"
    assert reader_for("EXPORT.HTM") == "html"
    assert reader_for("notes.txt") == "plain"
    assert read_prose("<p>Hello <b>there</b></p>", "html").text.strip() == "Hello there"


# What is skipped


@pytest.mark.parametrize(
    "page",
    [
        "<script>var s = '{s}';</script>",
        "<style>/* {s} */</style>",
        "<p>Run <code>{s}</code> now.</p>",
        "<pre>{s}</pre>",
        "<template><p>{s}</p></template>",
        "<noscript><p>{s}</p></noscript>",
        "<nav><ul><li>{s}</li></ul></nav>",
        "<footer><p>{s}</p></footer>",
        "<aside>{s}</aside>",
        "<figure><img src=a.jpg><figcaption>{s}</figcaption></figure>",
        '<div class="ad">{s}</div>',
        '<div role="navigation">{s}</div>',
        "<!-- {s} -->",
        "<html><head><title>{s}</title></head><body><p>Body.</p></body></html>",
        "<textarea>{s}</textarea>",
    ],
)
def test_non_prose_is_not_linted(linter, registry, page):
    text = "<p>The council met on Tuesday.</p>" + page.replace("{s}", SENTENCE)
    assert flagged(linter, registry, text) == []


def test_custom_skip_selectors_replace_the_default():
    text = '<p class="promo">Subscribe now.</p><nav>Menu</nav><p>Story.</p>'
    assert prose(text) == "Subscribe now. | Story."
    assert prose(text, skip_selectors=(".promo",)) == "Menu | Story."


def test_content_selector_keeps_only_the_article():
    text = (
        "<body><p>Breaking: site banner.</p>"
        "<article><h1>Headline</h1><p>Story text.</p><aside>Related.</aside></article>"
        "<p>More stories.</p></body>"
    )
    assert prose(text, content_selector="article") == "Headline | Story text."
    assert prose(text, content_selector="main") == ""
    [note] = read_html(text, ReaderOptions(content_selector="main")).notes
    assert "matches nothing" in note.message


def test_content_selector_applies_to_implied_body():
    assert prose("Loose text.<p>Para.</p>", content_selector="body") == "Loose text. | Para."


def test_invalid_selector_is_a_config_error():
    with pytest.raises(ConfigError, match="invalid CSS selector"):
        read_html("<p>x</p>", ReaderOptions(skip_selectors=("nav[",)))


# What is linted


@pytest.mark.parametrize(
    "page",
    [
        "<p>{s}</p>",
        "<h2>{s}</h2>",
        "<ul><li>{s}</li></ul>",
        "<ol><li><p>{s}</p></li></ol>",
        "<table><tr><th>Note</th><td>{s}</td></tr></table>",
        "<blockquote><p>{s}</p></blockquote>",
        "<dl><dt>Term</dt><dd>{s}</dd></dl>",
        "<div><section><article>{s}</article></section></div>",
        "{s}",
        "<html><body>{s}</body></html>",
        "<p>{s}",  # unclosed
        "</div><p>{s}</p></span>",  # stray end tags
    ],
)
def test_prose_is_linted(linter, registry, page):
    text = page.replace("{s}", SENTENCE)
    assert flagged(linter, registry, text) == ["reportedly"]


def test_link_text_is_linted(linter, registry):
    text = '<p><a href="https://example.com/reportedly">According to Reuters</a>, it ended.</p>'
    [finding] = lint(linter, registry, text, "SL201")
    assert finding.text == "According to Reuters"
    assert finding.start == text.index("According")


# Block boundaries and inline markup


@pytest.mark.parametrize(
    "page",
    [
        "<p>It was later</p><p>reported that the army fled.</p>",
        "<h1>It was later</h1>reported that the army fled.",
        "<ul><li>It was later<li>reported that the army fled.</ul>",
        "<table><tr><td>It was later<td>reported that the army fled.</table>",
        "<div>It was later<div>reported that the army fled.</div></div>",
        "<p>It was later<br><br>reported that the army fled.</p>",
    ],
)
def test_blocks_separate_sentences(linter, registry, page):
    assert "It was later reported" not in flagged(linter, registry, page)


def test_one_br_joins_lines_of_a_paragraph(linter, registry):
    text = "<p>It was later<br>reported that the army fled.</p>"
    assert flagged(linter, registry, text) == ["It was later reported"]
    assert prose("<p>one<br/>two</br>three</p>") == "one two three"


@pytest.mark.parametrize(
    ("page", "code", "words"),
    [
        ("<p>The army <em>reportedly</em> fled.</p>", "SL204", "reportedly"),
        ("<p>The army re<b>port</b>edly fled.</p>", "SL204", "reportedly"),
        ("<p>The army report<wbr>edly fled.</p>", "SL204", "reportedly"),
        ("<p>The army report&shy;edly fled.</p>", "SL204", "reportedly"),
        ("<p>The army report<!-- x -->edly fled.</p>", "SL204", "reportedly"),
        ("<p>Accord<b>ing</b> to Reuters, it ended.</p>", "SL201", "According to Reuters"),
        (
            "<p><strong>According to</strong> <span><a href=#>Reuters</a></span>, it ended.</p>",
            "SL201",
            "According to Reuters",
        ),
        ("<p>It was <i>later</i>\n  reported that it ended.</p>", "SL204", "It was later reported"),
    ],
)
def test_inline_markup_does_not_break_a_phrase(linter, registry, page, code, words):
    [finding] = lint(linter, registry, page, code)
    assert visible(finding.text) == words
    assert not finding.text.startswith("<") and not finding.text.endswith(">")


def test_skipped_inline_code_still_separates_words():
    assert prose("<p>call<code>x()</code>now and <script>1</script>here</p>") == (
        "call now and here"
    )


# Character references


@pytest.mark.parametrize(
    ("page", "covered"),
    [
        ("<p>According&nbsp;to Reuters, it ended.</p>", "According&nbsp;to Reuters"),
        ("<p>According&#32;to Reuter&#115;, it ended.</p>", "According&#32;to Reuter&#115;"),
        ("<p>&#65;ccording to Reuters, it ended.</p>", "&#65;ccording to Reuters"),
        ("<p>&#x41;ccording to Reuter&#X73;, it ended.</p>", "&#x41;ccording to Reuter&#X73;"),
        ("<p>Acc&ouml;rding to Reuters, it ended.</p>", None),
    ],
)
def test_references_map_to_their_whole_source_text(linter, registry, page, covered):
    findings = lint(linter, registry, page, "SL201")
    if covered is None:
        assert findings == []  # "Accörding" is another word
        return
    [finding] = findings
    assert finding.text == covered
    assert visible(finding.text) == "According to Reuters"


def test_references_are_decoded_in_prose():
    assert prose("<p>Tom &amp; Jerry&#8217;s caf&eacute; &lt;3 &notit; &amp</p>") == (
        "Tom & Jerry’s café <3 ¬it; &"
    )


def test_quotation_marks_as_references(linter, registry):
    text = "<p>&ldquo;We are done,&rdquo; the minister said, according to Reuters.</p>"
    [finding] = lint(linter, registry, text, "SL201")
    assert finding.text == "according to Reuters"


# Positions: line breaks, non-ASCII, astral characters


def test_crlf_positions(linter, registry):
    text = "<html>\r\n<body>\r\n<p>Intro.</p>\r\n<p>The army\r\n  <em>reportedly</em> fled.</p>\r\n"
    [finding] = lint(linter, registry, text)
    assert (finding.line, finding.column) == (5, 7)
    assert finding.text == "reportedly"


def test_non_ascii_and_emoji_before_the_finding(linter, registry):
    text = "<p>Zürich 😀 東京 — naïve café &eacute;t&eacute;: the army <b>reportedly</b> fled.</p>"
    [finding] = lint(linter, registry, text)
    assert finding.text == "reportedly"
    assert finding.column == text.index("reportedly") + 1


def test_byte_order_mark_and_tabs(linter, registry):
    text = "\ufeff<!doctype html>\n<p>\tThe army\treportedly fled.</p>"
    [finding] = lint(linter, registry, text)
    assert (finding.line, finding.column, finding.text) == (2, 14, "reportedly")


# Comments


def test_comments_are_collected_with_original_offsets():
    text = "<p>a <!-- sourcelint-disable SL204 -- checked --> b</p>\r\n<!--x-->"
    comments = read_html(text).comments
    assert [(text[c.start : c.end], c.body) for c in comments] == [
        ("<!-- sourcelint-disable SL204 -- checked -->", " sourcelint-disable SL204 -- checked "),
        ("<!--x-->", "x"),
    ]


def test_html_comment_suppresses_a_finding(linter, registry):
    text = (
        "<p>Army.</p>\n<!-- sourcelint-disable-next-line SL204 -->\n"
        "<p>The army reportedly fled.</p>"
    )
    result = linter.lint(text, registry.select("SL204"), reader="html")
    assert result.findings == []
    assert [f.code for f, _ in result.suppressed] == ["SL204"]


# Broken markup


@pytest.mark.parametrize(
    ("page", "expected", "note"),
    [
        (
            "<p>The army reportedly fled.<!-- unfinished <p>more",
            "reportedly",
            "unclosed HTML comment",
        ),
        ("<p>The army reportedly fled.<script>var x = 1", "reportedly", "unclosed <script>"),
        ('<p>The army reportedly fled.</p><p class="x', "reportedly", "unfinished tag"),
        ("<p>The army reportedly fled.<nav>Menu<p>Story", "reportedly", "<nav> is never closed"),
        ("<p>The army reportedly fled.</p><code>x<p>More.", "reportedly", "<code> is never closed"),
    ],
)
def test_broken_markup_is_noted(linter, registry, page, expected, note):
    result = linter.lint(page, registry.select("SL204"), reader="html")
    assert [visible(f.text) for f in result.findings] == [expected]
    assert any(note in n.message for n in result.notes), result.notes
    assert all(0 <= n.offset < len(page) for n in result.notes)


@pytest.mark.parametrize(
    "page",
    [
        "</div></div><p>x</p></span>",
        "<b>1<p>2</b>3</p>",
        "<table>stray<tr><td>cell</td></tr></table>after",
        "<<<>>>&&&;;;<!><?x?></>",
        "<![CDATA[x]]><!DOCTYPE",
        "<p a='1' b=\"2\" c=3 d>x</p><div/>y",
        "\x00<p>\x00a</p>",
        "<svg><p>x</svg><math>y",
        "<a href='",
        "",
    ],
)
def test_malformed_pages_never_raise(page):
    read = read_html(page)
    assert all(0 <= start <= end <= len(read.text) for start, end in read.blocks)


def test_unclosed_paragraphs_are_not_notes():
    read = read_html("<p>one<p>two<li>three</div>")
    assert read.notes == ()
    assert " | ".join(read.text[s:e] for s, e in read.blocks) == "one | two | three"


@pytest.mark.parametrize(
    "page",
    [
        # A browser closes the advert's <p> at the <div>: the sentence after is the body's.
        '<p class="ad">Buy now.<div>Story.</div>The army reportedly fled.',
        '<ul><li class="ad">Buy now.<li>Story.</ul>The army reportedly fled.',
        "<table><tr><td><nav>Menu</td><td>The army reportedly fled.</td></tr></table>",
    ],
)
def test_elements_closed_without_end_tag_stop_skipping(linter, registry, page):
    assert flagged(linter, registry, page) == ["reportedly"]


def test_foster_parented_and_misnested_text_keeps_its_place():
    text = "<b>1<p>2</b>3</p><table>x<tr><td>cell</td></tr></table>after"
    read = read_html(text)
    for start, end in read.blocks:
        first, last = read.offsets.span_to_original(start, end)
        assert visible(text[first:last]) == " ".join(read.text[start:end].split())


# Property: generated pages around a known phrase


@dataclass(frozen=True)
class Page:
    text: str
    code: str
    start: int  # the phrase's exact source span, or -1 when it is placed in non-prose
    end: int


FILLER_WORDS = (
    "The council met on Tuesday in Zürich",
    "the café reopened",
    "naïve plans for 東京",
    "budgets rose 3% 😀",
    "Tom &amp; Jerry&#8217;s shop",
    "caf&eacute; prices &mdash; up",
    "a &lt;small&gt; win",
    "👩‍👩‍👧 families came",
)
INLINE = ("em", "b", "strong", "span", "i", 'a href="/x"')
BLOCKS = ("p", "li", "td", "h2", "blockquote", "div", "dd")
CONTAINERS = ("div", "section", "article", "main")
FURNITURE = (
    "<nav><a href=/>Home</a> {f}</nav>",
    "<footer><p>{f}</p></footer>",
    "<aside>{f}</aside>",
    "<figure><figcaption>{f}</figcaption></figure>",
    '<div class="ad">{f}</div>',
    "<script>var a = '<p>{f}</p>';</script>",
    "<style>p {{ color: red }}</style>",
    "<!-- {f} -->",
)
HIDING = (
    "<script>var s = '{s}';</script>",
    "<p>Type <code>{s}</code> here.</p>",
    "<pre>{s}</pre>",
    "<nav><ul><li>{s}</li></ul></nav>",
    "<footer>{s}</footer>",
    '<div class="ad"><p>{s}</p></div>',
    "<template>{s}</template>",
)


def _close(tag: str) -> str:
    return f"</{tag.split()[0]}>"


@st.composite
def filler(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(FILLER_WORDS), min_size=1, max_size=3))
    text = " ".join(words) + "."
    tag = draw(st.sampled_from((None, *INLINE)))
    return text if tag is None else f"<{tag}>{text}{_close(tag)}"


def _encode(char: str, how: int) -> str:
    """A character written plainly or as a numeric or named reference."""
    if how == 0 or char in "<&":
        return char
    if char == " ":
        return ("&nbsp;", "&#32;", "\r\n", "\n  ")[how - 1]
    return (f"&#{ord(char)};", f"&#x{ord(char):x};", f"&#X{ord(char):X};", char)[how - 1]


@st.composite
def phrase_markup(draw: st.DrawFn, phrase: str) -> tuple[str, int, int]:
    """The phrase split by inline tags, some characters as references: the markup and the
    source span from its first character to its last."""
    cuts = sorted(draw(st.sets(st.integers(1, len(phrase) - 1), max_size=3)))
    pieces = [phrase[a:b] for a, b in zip([0, *cuts], [*cuts, len(phrase)], strict=True)]
    out = ""
    first = last = -1
    for piece in pieces:
        tag = draw(st.sampled_from((None, *INLINE)))
        if tag:
            out += f"<{tag}>"
        for char in piece:
            written = _encode(char, draw(st.integers(0, 4)) if draw(st.booleans()) else 0)
            if first < 0:
                first = len(out)
            out += written
            last = len(out)
        if tag:
            out += _close(tag)
    return out, first, last


@st.composite
def pages(draw: st.DrawFn, hidden: bool) -> Page:
    code = draw(st.sampled_from(sorted(PHRASES)))
    before, phrase, after = PHRASES[code]
    markup, first, last = draw(phrase_markup(phrase))
    sentence = before + markup + after
    if hidden:
        block = draw(st.sampled_from(HIDING)).replace("{s}", sentence)
        first = -1
    else:
        tag = draw(st.sampled_from(BLOCKS))
        lead = draw(st.sampled_from(("", draw(filler()) + " ")))
        block = f"<{tag}>{lead}{sentence}</{tag}>"
        first += len(f"<{tag}>{lead}{before}")
        last += len(f"<{tag}>{lead}{before}")
        for container in draw(st.lists(st.sampled_from(CONTAINERS), max_size=2)):
            block = f"<{container}>{block}</{container}>"
            first += len(container) + 2
            last += len(container) + 2
    others = draw(
        st.lists(
            st.one_of(
                filler().map(lambda f: f"<p>{f}</p>"),
                st.tuples(st.sampled_from(FURNITURE), filler()).map(
                    lambda pair: pair[0].replace("{f}", pair[1])
                ),
            ),
            max_size=5,
        )
    )
    position = draw(st.integers(0, len(others)))
    newline = draw(st.sampled_from(("\n", "\r\n", "")))
    head = draw(
        st.sampled_from(
            ("", "<!doctype html>", "<!DOCTYPE html><html><head><title>T</title></head><body>")
        )
    )
    prefix = head + newline + newline.join(others[:position]) + newline
    text = prefix + block + newline + newline.join(others[position:])
    if first < 0:
        return Page(text, code, -1, -1)
    return Page(text, code, len(prefix) + first, len(prefix) + last)


@pytest.fixture(scope="module")
def lint_html(linter, registry):
    """``lint`` bound to the session's linter: a short repr in Hypothesis's reports."""
    return lambda text, code: lint(linter, registry, text, code)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(page=pages(hidden=False))
def test_property_phrase_in_prose_is_found_exactly(lint_html, page):
    findings = lint_html(page.text, page.code)
    spans = [(f.start, f.end) for f in findings]
    assert (page.start, page.end) in spans, (page.text, spans)
    [finding] = [f for f in findings if (f.start, f.end) == (page.start, page.end)]
    assert visible(finding.text) == PHRASES[page.code][1]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(page=pages(hidden=True))
def test_property_phrase_in_non_prose_is_never_reported(lint_html, page):
    assert lint_html(page.text, page.code) == []


def test_article_header_is_linted_but_the_site_header_is_not(linter, registry):
    html = (
        "<body><header>Rebels reportedly advance on the site banner</header>"
        "<article><header><h1>Rebels reportedly advance</h1></header><p>Text.</p></article></body>"
    )
    findings = linter.lint_text(html, registry.select("SL204"), reader="html")
    assert [html[f.start : f.end] for f in findings] == ["reportedly"]
    assert findings[0].start > html.index("<article>")


def test_a_comment_inside_textarea_is_text_not_a_directive(linter, registry):
    html = (
        "<p>The rebels reportedly advanced.</p>"
        "<textarea><!-- sourcelint-disable-file --></textarea>"
    )
    assert [f.code for f in linter.lint_text(html, registry.select("SL204"), reader="html")] == [
        "SL204"
    ]
