"""HTML comments as a browser ends them, for the HTML and Markdown readers."""

from __future__ import annotations

import re

# The end of a comment's body, by the HTML tokenizer's comment states: "-->" or "--!>".
_COMMENT_CLOSE = re.compile("--!?>")


def comment_end(text: str, start: int, stop: int | None = None) -> tuple[int, int] | None:
    """The comment opened by ``<!--`` at ``start``: ``(body end, comment end)``, or None
    when it is not closed before ``stop``. ``<!-->`` and ``<!--->`` are empty comments."""
    stop = len(text) if stop is None else stop
    body = start + 4
    for closing in (">", "->"):
        if text.startswith(closing, body, stop):
            return body, body + len(closing)
    return comment_close(text, body, stop)


def comment_close(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span of the first "-->" or "--!>" in ``text[start:stop]``, or None."""
    close = _COMMENT_CLOSE.search(text, start, stop)
    return None if close is None else close.span()
