"""Referents: what a pronoun stands for, from the people, groups and things met before it."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import IDENTIFIED
from sourcelint.analysis.mentions import Mention, MentionKind
from sourcelint.analysis.records import Attribution
from sourcelint.analysis.vocabulary.pronouns import PRONOUNS_PLURAL, PRONOUNS_SINGULAR, RELATIVES
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sourcelint.analysis.token_table import TokenTable

# Overlapping, so that "\n\n\n" is a break at either of its first two characters.
_BLANK_LINE = re.compile(r"(?=\n\n)")


class ReferentMixin:
    """Remembers the last person, group and thing met, and resolves pronouns to them."""

    doc: Doc
    table: TokenTable
    mention_at: dict[int, Mention]
    journalists: set[str]
    last_person: int | None
    last_speaker: int | None
    last_singular: tuple[int, SourceKind] | None
    last_plural: tuple[int, SourceKind] | None
    last_thing: tuple[int, SourceKind] | None

    def _resolve(self, pronoun: str, index: int, sentence: Span) -> SourceKind:
        # A pronoun refers back to a source met before: never flagged a second time,
        # so it is only ever named, an organization, an outlet or a document.
        if pronoun in PRONOUNS_SINGULAR:
            # "“… Clinton …,” he wrote": a person named inside a quotation is seldom the
            # "he" who speaks after it; the last person named outside one is.
            person = self.last_speaker if self.last_speaker is not None else self.last_person
            if person is None:
                return SourceKind.OTHER
            journalist = self.doc[person].lower_ in self.journalists
            return SourceKind.OUTLET if journalist else SourceKind.NAMED
        if pronoun in PRONOUNS_PLURAL:
            if self.last_plural is None:
                return SourceKind.OTHER
            where, kind = self.last_plural
            # "Two aides said …. They said …": still the same unnamed people, within the
            # paragraph; further back, "they" may be anyone.
            nearby = self._same_block(where, index)
            return kind if kind in IDENTIFIED or nearby else SourceKind.OTHER
        if pronoun in RELATIVES:
            antecedent = self._antecedent(index, sentence)
            return self._classify(antecedent, sentence) if antecedent else SourceKind.OTHER
        if pronoun == "you":
            return SourceKind.VAGUE  # outside quotations, "you" is anyone: "you think …"
        if pronoun == "it" and self.last_thing and self.last_thing[1] in IDENTIFIED:
            return self.last_thing[1]
        return SourceKind.OTHER

    def _same_block(self, first: int, second: int) -> bool:
        """No paragraph break between two tokens (blocks are joined by a blank line)."""
        start, end = self.doc[first].idx, self.doc[second].idx
        index = bisect_left(self._paragraph_breaks, start)
        return index == len(self._paragraph_breaks) or self._paragraph_breaks[index] + 2 > end

    @cached_property
    def _paragraph_breaks(self) -> list[int]:
        """Where each blank line ("\\n\\n") starts: the Doc's text is rebuilt on every
        read, so it is read once, not once per pronoun."""
        return [match.start() for match in _BLANK_LINE.finditer(self.doc.text)]

    def _track_mentions(self, index: int) -> None:
        mention = self.mention_at.get(index)
        if mention is not None and mention.kind is MentionKind.PERSON and index == mention.end - 1:
            self.last_person = index
            if not self._in_quote(self.table.idx[index]):
                self.last_speaker = index

    def _remember(self, attribution: Attribution) -> None:
        if attribution.source_tokens is None or attribution.kind in {
            SourceKind.NONE,
            SourceKind.OTHER,
        }:
            return
        end = attribution.source_tokens[1]
        head = self.doc[end - 1].lower_
        entry = (end, attribution.kind)
        if attribution.kind in {SourceKind.ORGANIZATION, SourceKind.OUTLET, SourceKind.DOCUMENT}:
            self.last_thing = entry
        elif (head.endswith("s") and head not in {"his", "ms.", "mrs."}) or (
            attribution.count or 0
        ) > 1:
            self.last_plural = entry
        else:
            self.last_singular = entry
