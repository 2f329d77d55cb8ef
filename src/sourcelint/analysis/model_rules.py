"""The model's two rule components, worked out once per distinct word instead of per token.

en_core_web_sm's attribute ruler (coarse tags, morphology and a few lemmas, from the
tagger's tags, the words and a few labels) and its rule lemmatizer are functions of each
token's own attributes, but spaCy runs them token by token in Python: the ruler's matcher
tests its regular expression and set patterns on every token, the lemmatizer makes a
Token object for every token. Over 133 PolNeAR train articles (every fifth file of folds
0-3, 119,901 tokens) they took 3.0 s and 2.2 s of the model's 26 s; worked out once per
distinct key here and written into the Doc as arrays, 0.4 s and 0.14 s. (Counted again in a
fresh process over the first 160 files, the lemmatizer table took 2.0 s, nearly all of it
spaCy's ``rule_lemmatize`` asked once for each of 13,000 distinct keys: the 0.14 s was not
reproduced.) Every token gets exactly what spaCy's component would give it
(``tests/test_model_rules.py`` compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler, Lemmatizer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc

# What the ruler's patterns test, and what they set.
_TESTED = (LOWER, TAG, DEP, IS_SPACE)
_TESTED_NAMES = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_SET = (POS, MORPH, LEMMA, TAG, DEP)
# Cached keys past this many are forgotten: a process would otherwise keep every word it
# ever saw. PolNeAR train folds 0-3 (665 articles) hold some 31,000 lemma keys; 50,000 of
# them (an int key, a short lemma) are some 8 MiB.
MAX_CACHED = 50_000
# A word no pattern names and no pattern's regular expression matches: its form cannot
# decide any pattern, so all such words share one key.
_OTHER_WORD = -1

Condition = tuple[int, Callable[[Any], bool]]


class Stage(Protocol):
    """A step of the model, run over a stream of Docs."""

    def pipe(self, docs: Iterable[Doc], batch_size: int = ...) -> Iterator[Doc]: ...


class UnsupportedPattern(ValueError):
    """A ruler pattern this table cannot read (an operator, another attribute)."""


class _DocByDoc:
    """A table stage: each Doc on its own (a batch gains it nothing)."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class TableRuler(_DocByDoc):
    """spaCy's ``AttributeRuler``, applied per distinct (word, tag, label, space) key.

    For each token and attribute, spaCy's ruler ends with the value of the last pattern
    (in the order they were added) that matched it: its matches are applied sorted by
    pattern. A one-token pattern's match depends on the token's key alone; the few
    patterns of several tokens ("gon na") are tried where a token matches their first.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self._strings = strings
        self._sets = [_assignments(attrs) for attrs in ruler.attrs]
        self._single: list[tuple[int, list[Condition]]] = []
        self._multi: list[tuple[int, int, list[list[Condition]]]] = []
        self._named: set[int] = set()
        self._regexes: list[re.Pattern[str]] = []
        for entry, pattern_set in enumerate(ruler.patterns):
            for pattern in pattern_set["patterns"]:
                tokens = [[self._condition(k, v) for k, v in token.items()] for token in pattern]
                if len(tokens) == 1:
                    self._single.append((entry, tokens[0]))
                else:
                    self._multi.append((entry, ruler.indices[entry], tokens))
        self._words: dict[int, int] = {}
        self._keys: dict[tuple[int, ...], tuple[dict[int, tuple[int, int]], tuple[int, ...]]] = {}

    def _condition(self, name: str, value: object) -> Condition:
        if name not in _TESTED_NAMES:
            raise UnsupportedPattern(f"a pattern tests {name}")
        column = _TESTED_NAMES[name]
        if isinstance(value, bool):
            return column, lambda v: bool(v) == value
        if isinstance(value, str):
            wanted = _string_id(self._strings, value)
            self._note_word(name, [value])
            return column, lambda v: v == wanted
        if not isinstance(value, dict) or len(value) != 1:
            raise UnsupportedPattern(f"a pattern tests {name} as {value!r}")
        ((operator, argument),) = value.items()
        if operator in {"IN", "NOT_IN"} and isinstance(argument, list):
            members = {_string_id(self._strings, item) for item in argument}
            self._note_word(name, argument)
            if operator == "IN":
                return column, lambda v: v in members
            return column, lambda v: v not in members
        if operator == "REGEX" and isinstance(argument, str):
            expression = re.compile(argument)
            if name == "LOWER":
                self._regexes.append(expression)
            strings = self._strings
            return column, lambda v: v != _OTHER_WORD and bool(expression.search(strings[v]))
        raise UnsupportedPattern(f"a pattern tests {name} with {operator}")

    def _note_word(self, name: str, values: list[str]) -> None:
        if name == "LOWER":
            self._named.update(_string_id(self._strings, value) for value in values)

    def _word(self, lower: int) -> int:
        """The word's own form when a pattern can tell it, else ``_OTHER_WORD``."""
        known = self._words.get(lower)
        if known is None:
            text = self._strings[lower]
            named = lower in self._named or any(r.search(text) for r in self._regexes)
            known = lower if named else _OTHER_WORD
            if len(self._words) >= MAX_CACHED:
                self._words.clear()
            self._words[lower] = known
        return known

    def _outcome(self, key: tuple[int, ...]) -> tuple[dict[int, tuple[int, int]], tuple[int, ...]]:
        """What the one-token patterns set on a token of ``key`` (column: (pattern,
        value)), and which patterns of several tokens it may start."""
        found = self._keys.get(key)
        if found is None:
            assigned: dict[int, tuple[int, int]] = {}
            for entry, conditions in self._single:
                if all(test(key[column]) for column, test in conditions):
                    for column, value in self._sets[entry]:
                        assigned[column] = (entry, value)
            starts = tuple(
                number
                for number, (_, _, tokens) in enumerate(self._multi)
                if all(test(key[column]) for column, test in tokens[0])
            )
            found = (assigned, starts)
            if len(self._keys) >= MAX_CACHED:
                self._keys.clear()
            self._keys[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        word = self._word
        keys = [(word(row[0]), *row[1:]) for row in doc.to_array(list(_TESTED)).tolist()]
        outcomes = [self._outcome(key) for key in keys]
        assigned = [outcome[0] for outcome in outcomes]
        for start, (_, starts) in enumerate(outcomes):
            for number in starts:
                self._apply_multi(number, start, keys, assigned)
        values = doc.to_array(list(_SET))
        for index, columns in enumerate(assigned):
            for column, (_, value) in columns.items():
                values[index, column] = value
        doc.from_array(list(_SET), values)
        return doc

    def _apply_multi(
        self,
        number: int,
        start: int,
        keys: list[tuple[int, ...]],
        assigned: list[dict[int, tuple[int, int]]],
    ) -> None:
        entry, index, tokens = self._multi[number]
        end = start + len(tokens)
        if end > len(keys):
            return
        for offset, conditions in enumerate(tokens[1:], start + 1):
            if not all(test(keys[offset][column]) for column, test in conditions):
                return
        target = range(start, end)[index]
        columns = dict(assigned[target])
        for column, value in self._sets[entry]:
            if column not in columns or columns[column][0] < entry:
                columns[column] = (entry, value)
        assigned[target] = columns


class TableLemmatizer(_DocByDoc):
    """spaCy's ``Lemmatizer``, asked once per distinct (word, coarse tag, morphology).

    Its answer depends on nothing else (``rule_lemmatize`` reads the token's text, its
    coarse tag and its morphology; lookup mode the text alone). As spaCy's component
    does, a token keeps a lemma the attribute ruler set, unless it overwrites.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self._lemmatizer = lemmatizer
        self._strings = lemmatizer.vocab.strings
        # By (word, coarse tag, morphology) as one int (``_key``): a tuple of three ints
        # per entry, scattered among the short-lived objects of linting, kept some 40 MiB
        # more of a process after 665 articles. The lemma itself, not its ID: a string
        # added inside a memory zone is gone after it.
        self._lemmas: dict[int, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3:4].copy()
        overwrite = self._lemmatizer.overwrite
        # The Doc's own lemma IDs, each string added once per Doc.
        ids: dict[int, int] = {}
        for index, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = _key(orth, pos, morph)
            found = ids.get(key)
            if found is None:
                found = ids[key] = self._strings.add(self._lemma(key, doc, index))
            lemmas[index, 0] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    def _lemma(self, key: int, doc: Doc, index: int) -> str:
        found = self._lemmas.get(key)
        if found is None:
            found = self._lemmatizer.lemmatize(doc[index])[0]
            # spaCy's component keeps every answer too, for nothing: only misses ask it.
            self._lemmatizer.cache.clear()
            if len(self._lemmas) >= MAX_CACHED:
                self._lemmas.clear()
            self._lemmas[key] = found
        return found


def _key(orth: int, pos: int, morph: int) -> int:
    """The three 64-bit IDs as one int, without loss."""
    return orth << 128 | pos << 64 | morph


def model_stages(nlp: Language) -> list[Stage]:
    """The pipeline's components in order, its rule components as tables (spaCy's own
    when a ruler holds a pattern the table cannot read)."""
    stages: list[Stage] = []
    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            try:
                stages.append(TableRuler(component))
            except UnsupportedPattern:
                stages.append(component)
        elif isinstance(component, Lemmatizer):
            stages.append(TableLemmatizer(component))
        else:
            stages.append(component)
    return stages


def _assignments(attrs: dict[int, int]) -> list[tuple[int, int]]:
    """(column of ``_SET``, value) of a pattern's normalized attributes."""
    if not set(attrs) <= set(_SET):
        raise UnsupportedPattern(f"a pattern sets attributes {sorted(attrs)}")
    return [(_SET.index(attr), value) for attr, value in attrs.items()]


def _string_id(strings: StringStore, value: str) -> int:
    """The ID the matcher compares a pattern's string as ("" is 0, no label)."""
    return strings.add(value) if value else 0
