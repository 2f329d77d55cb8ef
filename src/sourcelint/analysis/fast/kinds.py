"""Kind classification: what kind of source a phrase is.

What earlier text taught is remembered apart: the roles and journalists an article
names (``role_learning``), and the people, groups and things a pronoun may stand for
(``referents``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.fast.referents import ReferentMixin
from sourcelint.analysis.fast.role_learning import RoleLearningMixin
from sourcelint.analysis.grammar import PRECEDENCE, core_end_of, crowd_count
from sourcelint.analysis.mentions import Mention, MentionKind
from sourcelint.analysis.vocabulary.function_words import (
    COUNT_WORDS,
    DETERMINERS,
    PLURAL_DEFINITES,
    PREPOSITION_WORDS,
)
from sourcelint.analysis.vocabulary.marks import APPOSITION_ENDS
from sourcelint.analysis.vocabulary.newsroom import (
    BROAD_OUTLET_NOUNS,
    DATA_NOUNS,
    GENERIC_REPORTS,
    NEWS_MODIFIERS,
    PAPERS,
)
from sourcelint.analysis.vocabulary.pronouns import (
    PRONOUNS_OTHER,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    RELATIVES,
)
from sourcelint.analysis.vocabulary.source_phrases import (
    LONE_SOURCES,
    PARTITIVES_WITH_NUMBERS,
    VANTAGE,
)
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A source phrase read for its kind: tokens ``[start, end)``, its core up to its
    head, its words in lower case and the kinds of the names in it."""

    start: int
    end: int
    core_end: int
    head: Token
    lowers: list[str]
    mention_kinds: set[MentionKind]

    @property
    def head_lower(self) -> str:
        return self.head.lower_

    @property
    def core_lowers(self) -> list[str]:
        """The words up to the head: "the Reuters poll" of "the Reuters poll released"."""
        return self.lowers[: self.core_end - self.start]


class KindMixin(ReferentMixin, RoleLearningMixin):
    """Classifies source phrases, with the roles, journalists and referents met (the
    attributes it reads are declared by the two it builds on)."""

    # ------------------------------------------------------------------ kinds
    def _classify(self, span: tuple[int, int], sentence: Span) -> SourceKind:
        kind = self._kind(span, sentence)
        if kind in {SourceKind.ANONYMOUS, SourceKind.VAGUE} and (
            self._apposition_of_person(*span)
            or (core_end_of(self.doc, *span) == span[1] and self._named_after(span[1]))
        ):
            return SourceKind.NAMED  # "John Bentel, a tech staffer …" / "a friend, Tom Barrack"
        return kind

    def _named_after(self, end: int) -> bool:
        """ "their friend, international businessman Tom Barrack": a name set off after."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return False
        for position in range(end + 1, min(len(doc), end + 5)):
            mention = self.mention_at.get(position)
            if mention is not None:
                closes = mention.end >= len(doc) or doc[mention.end].text in APPOSITION_ENDS
                return mention.kind is MentionKind.PERSON and mention.start == position and closes
            if not doc[position].is_lower:
                return False
        return False

    def _named_possessor(self, start: int) -> bool:
        mention = self.mention_at.get(start)
        return (
            mention is not None
            and mention.kind is MentionKind.PERSON
            and mention.end < len(self.doc)
            and self.doc[mention.end].lower_ in {"'s", "’s"}
        )

    def _compound(self, start: int, end: int, sentence: Span) -> SourceKind:
        """ "Regulators and environmental groups": the most specific member decides."""
        doc = self.doc
        cuts = [i for i in range(start, end) if doc[i].lower_ == "and"]
        if doc[start].lower_ == "the" and all(doc[c + 1].lower_ not in DETERMINERS for c in cuts):
            # "The former first lady and U.S. senator": one person, described twice.
            heads = {doc[c - 1].lower_ for c in cuts} | {doc[end - 1].lower_}
            if heads & (self.words.unique_roles | self.named_roles):
                return SourceKind.NAMED
        members = list(zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True))
        if all(
            e - s == 1 and doc[s].is_lower and doc[s].lower_ not in self.words.common_nouns
            for s, e in members[:-1]
        ):
            # "state and local leaders": the words before "and" modify the last noun.
            return self._kind(members[-1], sentence)
        kinds = {self._kind(span, sentence) for span in members if span[1] > span[0]}
        return next((SourceKind(k) for k in PRECEDENCE if SourceKind(k) in kinds), SourceKind.OTHER)

    def _apposition_of_person(self, start: int, end: int) -> bool:
        """ "John Bentel, a tech staffer …, said": set off by commas after a name."""
        doc = self.doc
        if start < 2 or doc[start - 1].text != ",":
            return False
        if (
            end < len(doc)
            and doc[end].text not in {",", "—", "("}
            and doc[end].lower_ not in RELATIVES
        ):
            return False
        before = self.mention_at.get(start - 2)
        return before is not None and before.kind is MentionKind.PERSON

    def _kind(self, span: tuple[int, int], sentence: Span) -> SourceKind:
        start, end = span
        if end <= start:
            return SourceKind.OTHER
        tokens = self.doc[start:end]
        lowers = [token.lower_ for token in tokens]
        if (
            len(tokens) == 1
            and lowers[0] in PRONOUNS_SINGULAR | PRONOUNS_PLURAL | PRONOUNS_OTHER | RELATIVES
        ):
            return self._resolve(lowers[0], start, sentence)
        if lowers[:2] == ["no", "one"]:
            return SourceKind.VAGUE  # "no one expected": a claim about everyone
        if self._tally(tokens):
            return SourceKind.DOCUMENT  # "nine in 10 voters say", "34,000 people supported"
        core_end = core_end_of(self.doc, start, end)
        if (
            lowers[0] in PARTITIVES_WITH_NUMBERS
            and core_end == start + 1
            and core_end + 1 < end
            and lowers[1] == "of"
        ):
            if lowers[2:] in (["whom"], ["them"]) and lowers[0] in self.words.vague_quantifiers:
                return SourceKind.VAGUE  # "many of whom", "some of them": an unnamed subset
            return self._kind((core_end + 1, end), sentence)  # "one of the advisers"
        core_end = self._before_participle(start, core_end)
        kinds = {self.mention_at[i].kind for i in range(start, end) if i in self.mention_at}
        phrase = _Phrase(start, end, core_end, self.doc[core_end - 1], lowers, kinds)
        return self._phrase_kind(phrase, sentence)

    def _before_participle(self, start: int, core_end: int) -> int:
        """The core cut before a participle after a document noun: "the Reuters poll
        released Friday", "emails combed by Vox"."""
        doc = self.doc
        participle = next(
            (
                i
                for i in range(start + 1, core_end)
                if doc[i].is_lower
                and doc[i].lower_.endswith("ed")
                and doc[i - 1].lower_ in self.words.document_nouns
            ),
            None,
        )
        return core_end if participle is None else participle

    def _phrase_kind(self, phrase: _Phrase, sentence: Span) -> SourceKind:
        """The kind of a phrase that is no pronoun, tally or part of a group: read from
        the names in it and its head noun."""
        if self._unnamed_report(phrase):
            return SourceKind.NONE
        if self._names_person(phrase.start, phrase.end, phrase.core_end, phrase.head):
            journalist = self._journalist_in(phrase.start, phrase.end)
            return SourceKind.OUTLET if journalist else SourceKind.NAMED
        press = self._press_kind(phrase)
        if press is not None:
            return press
        if (
            MentionKind.ORGANIZATION in phrase.mention_kinds
            and phrase.head_lower not in self.words.people_nouns
        ):
            return SourceKind.ORGANIZATION
        if phrase.head_lower in self.words.organization_nouns and phrase.head.is_lower:
            return SourceKind.ORGANIZATION
        return self._people_kind(phrase, sentence)

    def _unnamed_report(self, phrase: _Phrase) -> bool:
        """ "reports say": a report no one is named for; "reports filed with the SEC" name
        their source."""
        return phrase.head_lower in GENERIC_REPORTS and not any(
            t.is_title or t.is_upper
            for t in self.doc[phrase.start : phrase.end]
            if t.i > phrase.start or t.lower_ not in {"according"}
        )

    def _press_kind(self, phrase: _Phrase) -> SourceKind | None:
        """A news outlet, its work or another document ("the website noted", "a USA Today
        analysis", "the network"); None for a phrase of no such kind."""
        words = self.words
        head, head_lower = phrase.head, phrase.head_lower
        if (
            phrase.core_lowers == ["the", head_lower]
            and head_lower in words.outlet_nouns & words.document_nouns
            and head_lower not in PAPERS
        ):
            # "the website noted", "the article read": a news site or its story, unlike
            # "its website" or "Trump's article".
            return SourceKind.OUTLET
        if head_lower in words.document_nouns and head.is_lower:
            return self._work_kind(phrase)
        if head_lower in words.outlet_nouns and head.is_lower:
            return self._outlet_noun_kind(phrase)
        if MentionKind.OUTLET in phrase.mention_kinds:
            return SourceKind.OUTLET
        return None

    def _work_kind(self, phrase: _Phrase) -> SourceKind:
        """ "a USA Today analysis", "the Times report": an outlet's work is the outlet's;
        its poll is data ("a CNN poll shows")."""
        doc = self.doc
        start, end, core_end = phrase.start, phrase.end, phrase.core_end
        data = any(doc[i].lower_ in DATA_NOUNS for i in range(start, end))
        author = core_end
        if author < end and doc[author].lower_ in {"by", "in", "from", "of"}:
            author += 2 if author + 1 < end and doc[author + 1].lower_ == "the" else 1
        outlet_work = not data and any(
            self.mention_at[i].kind is MentionKind.OUTLET
            for i in [*range(start, core_end), author]  # "a report by Politico"
            if i in self.mention_at
        )
        return SourceKind.OUTLET if outlet_work else SourceKind.DOCUMENT

    def _outlet_noun_kind(self, phrase: _Phrase) -> SourceKind:
        """ "the network", "a news site": an outlet, but not the reporters themselves nor
        a broad noun that names something else."""
        if phrase.head_lower in {"reporters", "journalists"}:
            return SourceKind.OTHER
        modifiers = set(phrase.lowers[: phrase.core_end - phrase.start - 1])
        if phrase.head_lower in BROAD_OUTLET_NOUNS and not (
            modifiers <= {"the"} or modifiers & NEWS_MODIFIERS
        ):
            return SourceKind.OTHER  # "the terrorist network", "a gas station"
        return SourceKind.OUTLET

    def _people_kind(self, phrase: _Phrase, sentence: Span) -> SourceKind:
        """People: a group, those with a vantage, a compound, a role, a vague collective
        or a named person."""
        lowers, head_lower, kinds = phrase.lowers, phrase.head_lower, phrase.mention_kinds
        if MentionKind.GROUP in kinds and phrase.head.text in self.words.group_plurals:
            if MentionKind.PERSON in kinds and " and " in f" {' '.join(lowers)} ":
                # "Roe and other Democrats"
                return self._compound(phrase.start, phrase.core_end, sentence)
            return self._counted(lowers, SourceKind.VAGUE)
        if head_lower == "those" and phrase.core_end < phrase.end:
            qualified = lowers[phrase.core_end - phrase.start] in VANTAGE
            return SourceKind.ANONYMOUS if qualified else SourceKind.VAGUE
        if " and " in f" {' '.join(phrase.core_lowers)} ":
            return self._compound(phrase.start, phrase.core_end, sentence)
        if head_lower in self.words.anonymous_nouns:
            return self._role(lowers, head_lower, phrase.start)
        if head_lower in self.words.vague_nouns:
            if lowers[0] in PLURAL_DEFINITES and self._institutions(head_lower):
                return SourceKind.ORGANIZATION  # "the two companies": named before
            return self._counted(lowers, SourceKind.VAGUE)
        if MentionKind.PERSON in kinds:
            return SourceKind.NAMED
        return SourceKind.OTHER

    def _institutions(self, plural: str) -> bool:
        """ "companies", "unions": the plural of an organization noun."""
        singular = plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")
        return singular in self.words.organization_nouns

    def _journalist_in(self, start: int, end: int) -> bool:
        return any(
            self.mention_at[i].kind is MentionKind.PERSON and self.doc[i].lower_ in self.journalists
            for i in range(start, end)
            if i in self.mention_at and i == self.mention_at[i].end - 1
        )

    def _names_person(self, start: int, end: int, core_end: int, head: Token) -> bool:
        """A person is named, unless the name only modifies a role ("Trump's lawyer")."""
        people = self._people_in(start, end)
        if not people:
            return False
        role_head = head.lower_ in self.words.people_nouns
        if head.i in self.mention_at:
            return True
        if not role_head:
            if head.lower_ in self.words.document_nouns and head.is_lower:
                return False  # "a document provided by Roe's lawyer": the document speaks
            # "a Trump tweet", "the Gannett newspaper chain": a name before a thing's noun
            # names its owner, not the source.
            return not (head.is_lower and all(mention.end <= head.i for mention in people))
        # A name after the role is the source ("the adviser … Andrey Baklanov") unless a
        # preposition makes it the employer ("a spokeswoman for Hillary Clinton").
        return any(
            mention.end > head.i and not self._preposition_between(head.i, mention.start)
            for mention in people
        ) or self._name_follows(head.i)

    def _people_in(self, start: int, end: int) -> list[Mention]:
        """The people named in tokens ``[start, end)``, in order."""
        people = [
            self.mention_at[i]
            for i in range(start, end)
            if i in self.mention_at and self.mention_at[i].kind is MentionKind.PERSON
        ]
        return list(dict.fromkeys(people))

    def _preposition_between(self, start: int, end: int) -> bool:
        """A preposition right before the name, determiners aside ("in the African-American …")."""
        index = end - 1
        while index > start and self.doc[index].lower_ in DETERMINERS:
            index -= 1
        return index > start and self.doc[index].lower_ in PREPOSITION_WORDS

    def _role(self, lowers: list[str], head: str, start: int) -> SourceKind:
        definite = lowers[0] == "the"
        named_role = head in self.named_roles
        if definite and named_role:
            return SourceKind.NAMED  # "the spokeswoman" after "spokeswoman Maria Zakharova"
        if named_role and self._named_possessor(start):
            return SourceKind.NAMED  # "Pagliano's lawyer" when the lawyer is named elsewhere
        if head in self.words.unique_roles and (definite or named_role):
            return SourceKind.NAMED  # "the governor"; "a former party chairman" named later
        undetermined = (
            lowers[0] not in self.words.source_determiners | DETERMINERS and not lowers[0].isdigit()
        )
        if undetermined and not head.endswith("s") and head not in LONE_SOURCES:
            return SourceKind.OTHER  # a bare singular role is a headline ("Former chairman calls")
        if head in {"lawmakers", "legislators", "people"} and not self._has_count(lowers):
            qualified = any(
                w in {"familiar", "close", "briefed", "involved", "knowledgeable"} for w in lowers
            )
            return SourceKind.ANONYMOUS if qualified else SourceKind.VAGUE
        return SourceKind.ANONYMOUS

    def _counted(self, lowers: list[str], kind: SourceKind) -> SourceKind:
        return (
            SourceKind.ANONYMOUS
            if self._has_count(lowers)
            and kind is SourceKind.VAGUE
            and lowers[0] not in self.words.vague_quantifiers
            else kind
        )

    def _tally(self, tokens: Span) -> bool:
        """A share or a crowd counted by a poll or a vote, not a few unnamed people."""
        words = [token.lower_ for token in tokens[:4]]
        if len(words) >= 3 and words[1] == "in" and tokens[0].like_num and tokens[2].like_num:
            return True
        return bool(words) and crowd_count(words[0])

    def _has_count(self, lowers: list[str]) -> bool:
        return any(word in COUNT_WORDS or word.isdigit() for word in lowers[:3])
