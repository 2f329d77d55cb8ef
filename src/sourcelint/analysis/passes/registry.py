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

from sourcelint.analysis.records import SourceKind

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


@dataclass
class Registry:
    """Names, named roles and the ordered mentions of one article."""

    surnames: set[str] = field(default_factory=set)
    named_roles: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._starts.append(mention.index)

    def before(
        self, index: int, *, plural: bool, person: bool | None, salient: bool = False
    ) -> Mention | None:
        """The nearest earlier mention of that number (and personhood, when given).
        ``salient``: only names and subjects, the mentions a pronoun refers back to
        ("Roe met an aide. She said" is Roe)."""
        position = bisect_left(self._starts, index) - 1
        for mention in reversed(self.mentions[max(0, position - 60) : position + 1]):
            if mention.plural != plural:
                continue
            if person is not None and mention.person != person:
                continue
            if salient and not (mention.subject or mention.kind is SourceKind.NAMED):
                continue
            return mention
        return None

    def same_role(self, index: int, lemma: str) -> Mention | None:
        """The nearest earlier mention of a role with this lemma ("a senior official …
        the official")."""
        position = bisect_left(self._starts, index) - 1
        for mention in reversed(self.mentions[: position + 1]):
            if mention.lemma == lemma:
                return mention
        return None


def build_registry(
    doc: Doc,
    person_kind: Callable[[Token], SourceKind | None],
    quotes_at: Callable[[int], bool],
) -> Registry:
    """Collect names and mentions; ``person_kind(token)`` types a person noun head
    (anonymous or vague) or returns None; ``quotes_at(offset)`` tells quoted words."""
    registry = Registry()
    person_tokens: set[int] = set()
    for entity in doc.ents:
        if entity.label_ in PERSON_LABELS:
            registry.surnames.add(entity[-1].lower_)
            person_tokens.update(range(entity.start, entity.end))
            for token in entity:
                _learn_role(registry, token)
    for token in doc:
        if quotes_at(token.idx):
            continue
        if token.i in person_tokens:
            if token.i + 1 == len(doc) or token.i + 1 not in person_tokens:
                registry.add(Mention(token.i, SourceKind.NAMED, False, True, True))
            continue
        if token.pos_ == "PROPN" and token.lower_ in registry.surnames:
            # The recognizer names "Trump" a person in one sentence and not the next.
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is None or nxt.pos_ != "PROPN":
                registry.add(Mention(token.i, SourceKind.NAMED, False, True, True))
            continue
        if token.ent_type_ in ORGANIZATION_LABELS and token.ent_iob_ == "B":
            plural = token.ent_type_ == "NORP" and token.tag_ == "NNPS"
            kind = SourceKind.VAGUE if plural else SourceKind.ORGANIZATION
            registry.add(Mention(token.i, kind, plural, plural, True))
            continue
        if token.pos_ == "NOUN" and token.dep_ not in {"compound", "poss"}:
            kind = person_kind(token)
            if kind is not None:
                plural = token.tag_ == "NNS"
                definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                lemma = token.lemma_.lower()
                if not plural and (_names(token) or (definite and lemma in registry.named_roles)):
                    kind = SourceKind.NAMED
                subject = token.dep_ in {"nsubj", "nsubjpass"}
                registry.add(Mention(token.i, kind, plural, True, subject, lemma))
    return registry


def _names(token: Token) -> bool:
    """A role tied to a name: "spokeswoman Jane Roe", "Jane Roe, a spokeswoman"."""
    linked = [token.head] if token.dep_ == "appos" else []
    linked += [c for c in token.children if c.dep_ in {"appos", "compound"}]
    return any(t.ent_type_ == "PERSON" for t in linked)


def _learn_role(registry: Registry, name: Token) -> None:
    for related in (name.head, *name.children):
        if related.pos_ == "NOUN" and related.dep_ in {"appos", "compound", "nsubj"}:
            registry.named_roles.add(related.lemma_.lower())
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        registry.named_roles.add(name.head.lemma_.lower())
