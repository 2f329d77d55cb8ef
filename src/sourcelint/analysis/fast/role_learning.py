"""Role learning: the roles and journalists an article names, read before any cue.

"spokeswoman Maria Zakharova" ties the role to a name, so a later "the spokeswoman" is
named; "MSNBC host Chris Matthews" speaks for an outlet, so what he says is the outlet's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.mentions import Mention, MentionKind
from sourcelint.analysis.vocabulary.function_words import AUXILIARIES, CLAUSE_OPENERS
from sourcelint.analysis.vocabulary.marks import APPOSITION_ENDS, HARD_BOUNDARIES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sourcelint.analysis.token_table import TokenTable
    from sourcelint.analysis.vocabulary.lexicon import SourcingWords


class RoleLearningMixin:
    """Learns the roles tied to a name and the people who speak for an outlet."""

    doc: Doc
    table: TokenTable
    words: SourcingWords
    mentions: list[Mention]
    mention_at: dict[int, Mention]
    named_roles: set[str]
    journalists: set[str]

    def _learn_roles(self, sentence: Span) -> None:
        """Role nouns tied to a name: "spokeswoman Maria Zakharova", "Zakharova, a spokeswoman",
        and titles inside names ("DNC Chairman Don Fowler")."""
        doc = self.doc
        lowers = self.table.lower
        for index in range(sentence.start, sentence.end):
            if lowers[index] not in self.words.anonymous_nouns:
                continue
            token = doc[index]
            mention = self.mention_at.get(token.i)
            if mention is not None and mention.kind is MentionKind.PERSON:
                self.named_roles.add(token.lower_)
                continue
            if self._name_follows(token.i):
                self.named_roles.add(token.lower_)
            elif (
                token.i >= 3
                and doc[token.i - 2].text == ","
                and doc[token.i - 1].lower_ in {"a", "an", "the"}
            ):
                before = self.mention_at.get(token.i - 3)
                if before is not None and before.kind is MentionKind.PERSON:
                    self.named_roles.add(token.lower_)
            elif self._copula_after_person(sentence, token.i) or self._role_after_name(token.i):
                self.named_roles.add(token.lower_)

    def _learn_journalists(self) -> None:
        """People who speak for an outlet: "MSNBC host Chris Matthews", "NBC's Dante Chinni",
        "Jane Roe, a writer for Slate"."""
        doc = self.doc
        for mention in self.mentions:
            if mention.kind is not MentionKind.PERSON:
                continue
            if (
                self._outlet_title(mention.start)
                or self._outlet_apposition(mention.end)
                or self._writing_for(mention)
            ):
                self.journalists.add(doc[mention.end - 1].lower_)

    def _is_outlet(self, index: int) -> bool:
        mention = self.mention_at.get(index)
        return mention is not None and mention.kind is MentionKind.OUTLET

    def _outlet_title(self, start: int) -> bool:
        """ "MSNBC host Chris Matthews" / "NBC's Dante Chinni" right before the name."""
        lowers = self.table.lower
        if start >= 2 and lowers[start - 1] in {"'s", "’s"}:
            return self._is_outlet(start - 2)
        back = start - 1
        while back >= 0 and (
            lowers[back] in self.words.journalist_nouns
            or lowers[back]
            in {"senior", "chief", "political", "national", "white", "house", "former"}
        ):
            back -= 1
        return back < start - 1 and back >= 0 and self._is_outlet(back)

    def _outlet_apposition(self, end: int) -> bool:
        """ "Jane Roe, a writer for Slate," / "Dan Roe at the National Review"."""
        texts, lowers = self.table.text, self.table.lower
        index = end
        if index < len(texts) and texts[index] == ",":
            index += 1
        for position in range(index, min(len(texts), index + 6)):
            if self._is_outlet(position):
                # "Dan Roe at the National Review" / "Jane Roe, a writer for Slate"
                direct = (
                    index == end
                    and lowers[index] in {"at", "for", "of"}
                    and (position == index + 1 or lowers[index + 1] == "the")
                    and position <= index + 2
                    and self._outlet_ends_phrase(position)
                )
                return direct or any(
                    lowers[k] in self.words.journalist_nouns for k in range(index, position)
                )
            if texts[position] in {",", ".", ";"} or lowers[position] in self.words.speech_verbs:
                return False
        return False

    def _outlet_ends_phrase(self, index: int) -> bool:
        """The outlet is not a modifier: "Roe of The Post wrote", not "Roe at the NBC forum"."""
        following = self.mention_at[index].end
        if following >= len(self.doc):
            return True
        token = self.doc[following]
        words = self.words
        return (
            token.text in APPOSITION_ENDS | {":"}
            or token.lower_ in AUXILIARIES
            or token.lower_ in words.cue_verbs
        )

    def _writing_for(self, mention: Mention) -> bool:
        """ "Writing for The Atlantic, Jane Roe …" / "Jane Roe, writing in The Observer, …"."""
        doc = self.doc
        sentence = doc[mention.start].sent
        if mention.end + 1 < sentence.end and doc[mention.end].text == ",":
            after = doc[mention.end + 1 : min(sentence.end, mention.end + 8)]
            if self._writes_in_outlet(after):
                return True
        comma = mention.start - 1
        if comma <= sentence.start or doc[comma].text != ",":
            return False
        return self._writes_in_outlet(doc[sentence.start : comma])

    def _writes_in_outlet(self, phrase: Span) -> bool:
        """ "writing for The Atlantic" at the start of ``phrase``, up to its first comma."""
        if len(phrase) < 3 or phrase[0].lower_ not in {"writing", "reporting"}:
            return False
        if phrase[1].lower_ not in {"for", "in", "at"}:
            return False
        for token in phrase[2:]:
            if token.text == ",":
                return False
            if self._is_outlet(token.i):
                return True
        return False

    def _role_after_name(self, index: int) -> bool:
        """ "Ed Rendell, the former party chairman" / "his lawyer, Mark Smith"."""
        doc = self.doc
        if index + 2 < len(doc) and doc[index + 1].text == ",":
            following = self.mention_at.get(index + 2)
            if following is not None and following.kind is MentionKind.PERSON:
                return True
        for back in range(index - 1, max(0, index - 7), -1):
            if doc[back].text == ",":
                before = self.mention_at.get(back - 1)
                return before is not None and before.kind is MentionKind.PERSON
            if doc[back].is_punct or doc[back].lower_ in CLAUSE_OPENERS:
                return False
        return False

    def _copula_after_person(self, sentence: Span, index: int) -> bool:
        """ "Maria Zakharova is the ministry's spokeswoman"."""
        doc = self.doc
        for back in range(index - 1, max(sentence.start, index - 7) - 1, -1):
            mention = self.mention_at.get(back)
            if mention is not None and mention.kind is MentionKind.PERSON:
                return doc[back + 1].lower_ in {"is", "was", "became", "has", "as", ","}
            if doc[back].text in HARD_BOUNDARIES - {","} or doc[back].lower_ in CLAUSE_OPENERS:
                return False
        return False

    def _name_follows(self, index: int) -> bool:
        following = self.mention_at.get(index + 1)
        return following is not None and following.kind is MentionKind.PERSON
