"""A Doc's token strings and sentences, read once and shared by every pass.

spaCy makes a new ``Token`` at each ``doc[i]``: the fast tier's passes, which look at
every token and its neighbours, made 7.8 million of them for 600,000 tokens of PolNeAR
train (13 a token). A pass that visits every token reads these lists instead;
they are built from ``Doc.to_array`` on first use and kept in ``doc.user_data``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_KEY = "sourcelint.token_table"


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per token: its text, lower-case form and character offset; the Doc's sentences."""

    text: list[str]
    lower: list[str]
    idx: list[int]
    sentences: list[Span]


def token_table(doc: Doc) -> TokenTable:
    """The table of ``doc``, built on first use; the Doc must not change afterwards."""
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = _read(doc)
    return table


def _read(doc: Doc) -> TokenTable:
    from spacy.attrs import IDX, LOWER, ORTH, SENT_START

    if not len(doc):
        return TokenTable([], [], [], [])
    columns = doc.to_array([ORTH, LOWER, IDX, SENT_START]).T.tolist()
    strings = doc.vocab.strings
    # ``Doc.sents`` cuts where SENT_START is 1; the first token always starts one.
    starts = [0, *(i for i, value in enumerate(columns[3]) if value == 1 and i)]
    return TokenTable(
        text=[strings[key] for key in columns[0]],
        lower=[strings[key] for key in columns[1]],
        idx=columns[2],
        sentences=[doc[start:end] for start, end in pairwise([*starts, len(doc)])],
    )
