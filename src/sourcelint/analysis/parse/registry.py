"""Pass 3, the entity registry: the people and organizations the whole article names.

One pass over the article collects who is named (entities, and titles or appositions
that tie a role to a name: "Jane Roe, a spokeswoman for Acme", "spokeswoman Jane Roe")
and every mention of a possible source in order, so later passes can resolve "Roe",
"the spokeswoman", "she" and "they" to what they stand for — and an unnamed source keeps
its kind the same way ("a company spokesman … he said" stays anonymous).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sourcelint.analysis.parse.frames import is_according_to
from sourcelint.analysis.vocabulary.newsroom import (
    BYLINE_PREPOSITIONS,
    WRITING_FOR_PREPOSITIONS,
    WRITING_LEMMAS,
)
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_LABELS = frozenset({"PERSON"})
ORGANIZATION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A possible source at token ``index``: its kind and grammatical number."""

    index: int
    kind: SourceKind
    plural: bool
    person: bool
    subject: bool = False  # the subject of its clause: what a later pronoun picks up
    lemma: str = ""
    gender: str = ""  # "f" or "m" when the noun says so ("wife", "spokesman")


@dataclass
class Registry:
    """Names, named roles and the ordered mentions of one article."""

    surnames: set[str] = field(default_factory=set)
    named_roles: set[str] = field(default_factory=set)
    journalists: set[str] = field(default_factory=set)  # surnames tied to a news outlet
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._starts.append(mention.index)

    def before(
        self,
        index: int,
        *,
        plural: bool,
        person: bool | None,
        salient: bool = False,
        gender: str = "",
        kind: SourceKind | None = None,
    ) -> Mention | None:
        """The nearest earlier mention of that number (and personhood, sex and kind, when
        given). ``salient``: only names and subjects, the mentions a pronoun refers back
        to ("Roe met an aide. She said" is Roe)."""
        position = bisect_left(self._starts, index) - 1
        for mention in reversed(self.mentions[max(0, position - 60) : position + 1]):
            if mention.plural != plural:
                continue
            if person is not None and mention.person != person:
                continue
            if gender and mention.gender and mention.gender != gender:
                continue  # "she" does not refer back to "her husband"
            if salient and not (mention.subject or mention.kind is SourceKind.NAMED):
                continue
            if kind is not None and mention.kind is not kind:
                continue
            return mention
        return None

    def same_role(self, index: int, lemma: str, *, plural: bool) -> Mention | None:
        """The nearest earlier mention of a role with this lemma and number ("a senior
        official … the official"; "leaders" is no antecedent of "the leader")."""
        position = bisect_left(self._starts, index) - 1
        for mention in reversed(self.mentions[: position + 1]):
            if mention.lemma == lemma and mention.plural == plural:
                return mention
        return None


def build_registry(
    doc: Doc,
    role_kind: Callable[[Token, Registry], SourceKind | None],
    gender_of: Callable[[Token], str],
    quotes_at: Callable[[int], bool],
    outlet_tokens: frozenset[int] = frozenset(),
    own_tokens: frozenset[int] = frozenset(),
    journalist_nouns: frozenset[str] = frozenset(),
) -> Registry:
    """Collect names and mentions. ``role_kind(token, registry)`` types a person-noun
    head from the mentions before it, or returns None for other words; ``gender_of``
    gives a noun's sex; ``quotes_at(offset)`` tells quoted words; ``outlet_tokens`` are
    other news outlets' names (mentions "it" may refer to), ``own_tokens`` the
    publisher's; a name given a ``journalist_nouns`` role at an outlet is a journalist's."""
    registry = Registry()
    person_tokens: set[int] = set()
    for entity in doc.ents:
        if entity.label_ in PERSON_LABELS:
            registry.surnames.add(entity[-1].lower_)
            person_tokens.update(range(entity.start, entity.end))
            for token in entity:
                _learn_role(registry, token)
            if _works_for_outlet(entity[-1], outlet_tokens, journalist_nouns):
                registry.journalists.add(entity[-1].lower_)
    for token in doc:
        if quotes_at(token.idx):
            continue
        if token.i in person_tokens or (
            token.pos_ == "PROPN" and token.lower_ in registry.surnames
        ):
            # The recognizer names "Trump" a person in one sentence and not the next.
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is None or not (nxt.i in person_tokens or nxt.pos_ == "PROPN"):
                kind = (
                    SourceKind.OUTLET if token.lower_ in registry.journalists else SourceKind.NAMED
                )
                registry.add(Mention(token.i, kind, False, True, True))
            continue
        if token.i in outlet_tokens or token.i in own_tokens:
            if token.i == 0 or token.i - 1 not in outlet_tokens | own_tokens:
                own = token.i in own_tokens
                kind = SourceKind.ORGANIZATION if own else SourceKind.OUTLET
                names = outlet_tokens | own_tokens
                registry.add(Mention(token.i, kind, False, False, _salient_name(token, names)))
            continue
        if token.ent_type_ in ORGANIZATION_LABELS and token.ent_iob_ == "B":
            plural = token.ent_type_ == "NORP" and token.tag_ == "NNPS"
            kind = SourceKind.VAGUE if plural else SourceKind.ORGANIZATION
            entity = entity_tokens(token)
            registry.add(Mention(token.i, kind, plural, plural, _salient_name(token, entity)))
            continue
        if token.pos_ == "NOUN" and token.dep_ not in {"compound", "poss"}:
            if _beside_name(token, person_tokens):
                continue  # "Jane Roe, a columnist": the name's mention stands for both
            kind = role_kind(token, registry)
            if kind is not None:
                plural = token.tag_ == "NNS"
                lemma = token.lemma_.lower()
                mention = Mention(
                    token.i, kind, plural, True, _salient(token), lemma, gender_of(token)
                )
                registry.add(mention)
    return registry


def _beside_name(role: Token, person_tokens: set[int]) -> bool:
    if role.dep_ == "appos" and role.head.i in person_tokens:
        return True
    return any(c.dep_ == "appos" and c.i in person_tokens for c in role.children)


def _salient(token: Token) -> bool:
    """A subject, a passive's agent or the object of "according to": the roles a later
    pronoun picks up ("according to show insiders. They said")."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    # Two steps up at most: the parser sometimes reads "according to show insiders" as
    # a verb phrase under "to".
    return any(is_according_to(head.nbor(-1)) for head in _heads(token, 2) if head.i > 0)


def _salient_name(first: Token, name: frozenset[int] | range) -> bool:
    """Whether the name starting at ``first`` is salient: its head word, the one whose
    head lies outside the name, is."""
    token = first
    while token.head.i in name and token.head.i != token.i:
        token = token.head
    return _salient(token)


def entity_tokens(token: Token) -> range:
    """The tokens of the named entity ``token`` is part of."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return range(start, end)


def _heads(token: Token, steps: int) -> list[Token]:
    heads = []
    while steps and token.head.i != token.i:
        token = token.head
        heads.append(token)
        steps -= 1
    return heads


def _works_for_outlet(
    name: Token, outlet_tokens: frozenset[int], journalist_nouns: frozenset[str]
) -> bool:
    """ "Jane Roe, a writer for the Daily Ledger", "Ledger columnist Jane Roe": a name
    given a journalist's role at a news outlet (a newsmaker who once worked there, "the
    director of the Ledger's parent company", is not one)."""
    linked = [c for c in name.children if c.dep_ in {"appos", "compound"}]
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        linked.append(name.head)
    roles = [t for t in linked if t.lower_ in journalist_nouns]
    return any(t.i in outlet_tokens for phrase in (*roles, *_bylines(name)) for t in phrase.subtree)


def _bylines(name: Token) -> list[Token]:
    """The phrases that may place a name at an outlet: "Jane Roe at the Ledger", "Roe
    wrote for the Ledger", "Writing for the Ledger, Roe noted"."""
    places = [c for c in name.children if c.dep_ == "prep" and c.lower_ in BYLINE_PREPOSITIONS]
    if name.dep_ in {"nsubj", "dobj"} and name.head.pos_ == "VERB":
        verb = name.head
        writing = [verb, *(c for c in verb.children if c.dep_ in {"advcl", "xcomp"})]
        places += [
            c
            for v in writing
            if v.lemma_.lower() in WRITING_LEMMAS
            for c in v.children
            if c.dep_ == "prep" and c.lower_ in WRITING_FOR_PREPOSITIONS
        ]
    return places


def _learn_role(registry: Registry, name: Token) -> None:
    for related in (name.head, *name.children):
        if related.pos_ == "NOUN" and related.dep_ in {"appos", "compound", "nsubj"}:
            registry.named_roles.add(related.lemma_.lower())
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        registry.named_roles.add(name.head.lemma_.lower())
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        # "Jane Roe is the ministry's spokeswoman"
        for attribute in name.head.children:
            if attribute.dep_ == "attr" and attribute.pos_ == "NOUN":
                registry.named_roles.add(attribute.lemma_.lower())
