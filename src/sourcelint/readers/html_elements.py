"""What the HTML reader knows of each element: which hold prose, which end a block,
which hold no text, and which a browser reads to their end tag as text."""

from __future__ import annotations

# Elements whose text is never prose: code, scripts, form widgets, embedded documents,
# and the title, which a browser shows in no page even when it stands in the body.
NON_PROSE = (
    "script", "style", "template", "title", "code", "pre", "noscript", "kbd", "samp", "xmp",
    "listing", "plaintext", "textarea", "select", "iframe", "noembed", "noframes",
    "object", "svg", "math",
)  # fmt: skip
# Of those, the ones a reader never sees: their text stands for nothing, not even a space.
UNSEEN = frozenset({"script", "style", "template", "title"})
# Elements whose content is text to the end tag, in a browser and, in part, in html.parser
# (script and style; newer Pythons add more): a "<" inside them opens no tag.
RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
# Elements that end a block: no sentence runs across their start or end tags.
BLOCK = frozenset(
    {
        "address", "article", "aside", "audio", "blockquote", "body", "canvas", "caption",
        "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "iframe", "legend", "li", "listing",
        "main", "menu", "nav", "noscript", "ol", "optgroup", "option", "p", "plaintext",
        "pre", "search", "section", "select", "summary", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "title", "tr", "ul", "video", "xmp",
    }
)  # fmt: skip
# Elements that have no end tag and hold no text.
VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
# Elements whose end tag may be left out: the next sibling closes them, so they do not
# count towards the nesting depth.
OPTIONAL_END = frozenset(
    {
        "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option",
        "p", "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
    }
)  # fmt: skip
