"""Kind classification: what kind of source a phrase is, and what earlier text taught."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import (
    APPOSITION_ENDS,
    AUXILIARIES,
    BROAD_OUTLET_NOUNS,
    CLAUSE_OPENERS,
    DATA_NOUNS,
    DEFINITE,
    DETERMINERS,
    GENERIC_REPORTS,
    HARD_BOUNDARIES,
    IDENTIFIED,
    LONE_SOURCES,
    NEWS_MODIFIERS,
    NUMBERS,
    PAPERS,
    PARTITIVES,
    PRECEDENCE,
    PREPOSITION_WORDS,
    PRONOUNS_OTHER,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    RELATIVES,
    VANTAGE,
    core_end_of,
    crowd_count,
)
from sourcelint.analysis.mentions import Mention, MentionKind
from sourcelint.analysis.records import Attribution, SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sourcelint.analysis.words import SourcingWords

# Overlapping, so that "\n\n\n" is a break at either of its first two characters.
_BLANK_LINE = re.compile(r"(?=\n\n)")


class KindMixin:
    """Classifies source phrases and remembers the roles, journalists and referents met."""

    doc: Doc
    words: SourcingWords
    mentions: list[Mention]
    mention_at: dict[int, Mention]
    named_roles: set[str]
    journalists: set[str]
    last_person: int | None
    last_speaker: int | None
    last_singular: tuple[int, SourceKind] | None
    last_plural: tuple[int, SourceKind] | None
    last_thing: tuple[int, SourceKind] | None

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
        doc = self.doc
        start, end = span
        if end <= start:
            return SourceKind.OTHER
        tokens = doc[start:end]
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
        kinds = {self.mention_at[i].kind for i in range(start, end) if i in self.mention_at}
        core_end = core_end_of(doc, start, end)
        if (
            lowers[0] in PARTITIVES
            and core_end == start + 1
            and core_end + 1 < end
            and lowers[1] == "of"
        ):
            if lowers[2:] in (["whom"], ["them"]) and lowers[0] in self.words.vague_quantifiers:
                return SourceKind.VAGUE  # "many of whom", "some of them": an unnamed subset
            return self._kind((core_end + 1, end), sentence)  # "one of the advisers"
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
        if participle is not None:
            core_end = participle  # "the Reuters poll released Friday", "emails combed by Vox"
        head = doc[core_end - 1]
        head_lower = head.lower_
        if head_lower in GENERIC_REPORTS and not any(
            t.is_title or t.is_upper
            for t in doc[start:end]  # "reports filed with the SEC" name their source
            if t.i > start or t.lower_ not in {"according"}
        ):
            return SourceKind.NONE
        if self._names_person(start, end, core_end, head):
            return SourceKind.OUTLET if self._journalist_in(start, end) else SourceKind.NAMED
        if (
            lowers[: core_end - start] == ["the", head_lower]
            and head_lower in self.words.outlet_nouns & self.words.document_nouns
            and head_lower not in PAPERS
        ):
            # "the website noted", "the article read": a news site or its story, unlike
            # "its website" or "Trump's article".
            return SourceKind.OUTLET
        if head_lower in self.words.document_nouns and head.is_lower:
            # "a USA Today analysis", "the Times report": an outlet's work is the outlet's;
            # its poll is data ("a CNN poll shows").
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
        if head_lower in self.words.outlet_nouns and head.is_lower:
            if head_lower in {"reporters", "journalists"}:
                return SourceKind.OTHER
            modifiers = set(lowers[: core_end - start - 1])
            if head_lower in BROAD_OUTLET_NOUNS and not (
                modifiers <= {"the"} or modifiers & NEWS_MODIFIERS
            ):
                return SourceKind.OTHER  # "the terrorist network", "a gas station"
            return SourceKind.OUTLET
        if MentionKind.OUTLET in kinds:
            return SourceKind.OUTLET
        if MentionKind.ORGANIZATION in kinds and head_lower not in self.words.people_nouns:
            return SourceKind.ORGANIZATION
        if head_lower in self.words.organization_nouns and head.is_lower:
            return SourceKind.ORGANIZATION
        if MentionKind.GROUP in kinds and head.text in self.words.group_plurals:
            if MentionKind.PERSON in kinds and " and " in f" {' '.join(lowers)} ":
                return self._compound(start, core_end, sentence)  # "Roe and other Democrats"
            return self._counted(lowers, SourceKind.VAGUE)
        if head_lower == "those" and core_end < end:
            qualified = lowers[core_end - start] in VANTAGE
            return SourceKind.ANONYMOUS if qualified else SourceKind.VAGUE
        if " and " in f" {' '.join(lowers[: core_end - start])} ":
            return self._compound(start, core_end, sentence)
        if head_lower in self.words.anonymous_nouns:
            return self._role(lowers, head_lower, start)
        if head_lower in self.words.vague_nouns:
            if lowers[0] in DEFINITE and self._institutions(head_lower):
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

    def _name_follows(self, index: int) -> bool:
        following = self.mention_at.get(index + 1)
        return following is not None and following.kind is MentionKind.PERSON

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
            lowers[0] not in self.words.determiners | DETERMINERS and not lowers[0].isdigit()
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
        return any(word in NUMBERS or word.isdigit() for word in lowers[:3])

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

    # ------------------------------------------------------------------ memory
    def _learn_roles(self, sentence: Span) -> None:
        """Role nouns tied to a name: "spokeswoman Maria Zakharova", "Zakharova, a spokeswoman",
        and titles inside names ("DNC Chairman Don Fowler")."""
        doc = self.doc
        for token in sentence:
            if token.lower_ not in self.words.anonymous_nouns:
                continue
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
        doc = self.doc
        if start >= 2 and doc[start - 1].lower_ in {"'s", "’s"}:
            return self._is_outlet(start - 2)
        back = start - 1
        while back >= 0 and doc[back].lower_ in self.words.journalist_nouns | {
            "senior",
            "chief",
            "political",
            "national",
            "white",
            "house",
            "former",
        }:
            back -= 1
        return back < start - 1 and back >= 0 and self._is_outlet(back)

    def _outlet_apposition(self, end: int) -> bool:
        """ "Jane Roe, a writer for Slate," / "Dan Roe at the National Review"."""
        doc = self.doc
        index = end
        if index < len(doc) and doc[index].text == ",":
            index += 1
        for position in range(index, min(len(doc), index + 6)):
            token = doc[position]
            if self._is_outlet(position):
                # "Dan Roe at the National Review" / "Jane Roe, a writer for Slate"
                direct = (
                    index == end
                    and doc[index].lower_ in {"at", "for", "of"}
                    and (position == index + 1 or doc[index + 1].lower_ == "the")
                    and position <= index + 2
                    and self._outlet_ends_phrase(position)
                )
                return direct or any(
                    doc[k].lower_ in self.words.journalist_nouns for k in range(index, position)
                )
            if token.text in {",", ".", ";"} or token.lower_ in self.words.speech_verbs:
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

    def _track_mentions(self, index: int) -> None:
        mention = self.mention_at.get(index)
        if mention is not None and mention.kind is MentionKind.PERSON and index == mention.end - 1:
            self.last_person = index
            if not self._in_quote(self.doc[index].idx):
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
