"""Word lists live in ``analysis/vocabulary/``, one name per list, each with its provenance
(docs/architecture.md, "Where word lists live").

A word list is a module-level collection of string constants a module tests words against:
a set literal, ``frozenset(...)``/``set(...)`` of a literal, set algebra with such a
literal (``ADVERBS | {"now"}``), a dict keyed by strings (``WORD_NUMBERS``), or a tuple or
list of three strings or more that some module tests membership in. Not words, and left
where they are: spaCy's labels (dependency labels, tags, entity types), identifiers and
paths (a member with ``_`` or ``/``: model, component and lexicon-list names), the source
kinds' values, ``__all__``, and the few collections ``NOT_WORDS`` names with the reason.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import cache, cached_property
from pathlib import Path

from spacy.glossary import GLOSSARY

from sourcelint.analysis.vocabulary.lexicon import SourcingWords
from sourcelint.core.kinds import SourceKind

SRC = Path(__file__).resolve().parent.parent / "src" / "sourcelint"
VOCABULARY = SRC / "analysis" / "vocabulary"
SCANNED = ("analysis", "checks")

# Collections of strings in analysis/ and checks/ that are no words, each with its reason.
# A test fails when one of them is gone, so the list cannot outlive its entries.
NOT_WORDS = {
    "checks/packs.py:_META_KEYS": "the keys of a rule's table in a rule pack",
    "checks/packs.py:_HELPER_MODULES": "the modules of checks/ that build no check",
    "analysis/parse/cue_scorer.py:CONTEXT_GROUPS": "the cue scorer's feature groups",
}
_KINDS = frozenset(kind.value for kind in SourceKind)
_SET_CALLS = frozenset({"frozenset", "set"})


def _strings(node: ast.AST) -> list[str] | None:
    """The members of a literal collection of string constants (a dict's keys), or None."""
    if isinstance(node, ast.Dict):
        items = node.keys
    elif isinstance(node, ast.Set | ast.Tuple | ast.List):
        items = node.elts
    else:
        return None
    if not items or not all(
        isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items
    ):
        return None
    return [i.value for i in items]


def _no_words(members: list[str]) -> bool:
    """spaCy's labels, identifiers and paths, or source kinds: strings that are no words."""
    return (
        all(member in GLOSSARY for member in members)
        or any("_" in member or "/" in member for member in members)
        or set(members) <= _KINDS
    )


def _literals(value: ast.expr) -> Iterator[tuple[ast.AST, list[str]]]:
    """The literal collections of strings an assigned value is built from: the value
    itself, a set call's argument, the operands of set algebra."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        if value.func.id in _SET_CALLS and value.args:
            yield from _literals(value.args[0])
        return
    if isinstance(value, ast.BinOp):
        yield from _literals(value.left)
        yield from _literals(value.right)
        return
    members = _strings(value)
    if members is not None:
        yield value, members


def _assignments(tree: ast.Module) -> Iterator[tuple[str, ast.expr]]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id != "__all__":
            yield target.id, value


def _membership_tested(trees: list[ast.Module]) -> set[str]:
    """Names some module tests membership in: ``x in NAME``, ``x not in module.NAME``."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                for op, right in zip(node.ops, node.comparators, strict=True):
                    if isinstance(op, ast.In | ast.NotIn):
                        if isinstance(right, ast.Name):
                            names.add(right.id)
                        elif isinstance(right, ast.Attribute):
                            names.add(right.attr)
    return names


def _is_word_list(name: str, value: ast.expr, tested: set[str]) -> bool:
    called = isinstance(value, ast.Call)
    for literal, members in _literals(value):
        sequence = isinstance(literal, ast.Tuple | ast.List) and not called
        if sequence and (len(members) < 3 or name not in tested):
            continue  # a sequence of names, read in order, not a set of words
        if not _no_words(members):
            return True
    return False


def word_lists(root: Path, skip: str = "analysis/vocabulary") -> list[str]:
    """``path:NAME`` of each word list defined in a module of ``root``'s analysis/ and
    checks/ outside ``skip``, less ``NOT_WORDS``."""
    paths = sorted(p for package in SCANNED for p in (root / package).rglob("*.py"))
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in root.rglob("*.py")}
    tested = _membership_tested(list(trees.values()))
    found = []
    for path in paths:
        where = path.relative_to(root).as_posix()
        if where.startswith(skip + "/"):
            continue
        for name, value in _assignments(trees[path]):
            key = f"{where}:{name}"
            if key not in NOT_WORDS and _is_word_list(name, value, tested):
                found.append(key)
    return found


def test_no_word_list_outside_the_vocabulary():
    assert word_lists(SRC) == [], "word lists belong in analysis/vocabulary/"


def test_the_collections_named_no_words_are_still_there():
    defined = {
        f"{path.relative_to(SRC).as_posix()}:{name}"
        for package in SCANNED
        for path in (SRC / package).rglob("*.py")
        for name, _ in _assignments(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert set(NOT_WORDS) <= defined, set(NOT_WORDS) - defined


PLANTED = """
HEDGES = frozenset({"reportedly", "allegedly"})
_BARE = {"said"}
MORE_ADVERBS = ADVERBS | {"now"}
COUNTS = {"one": 1, "two": 2}
TUPLED = ("claim", "claims", "claimed")
LISTED = frozenset(["according"])


def hedged(word):
    return word in TUPLED
"""
NOT_PLANTED = """
DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
ENTITIES = {"PERSON", "ORG"}
ACTIVE = DEPS - {"nsubjpass"}
CHOICES = ("core", "attribution", "cue")
FILES = ("tok2vec/model", "parser/model")
RANKED = ("named", "organization", "outlet")
PAIRS = ("said", "told")
"""


def test_the_detector_finds_planted_word_lists(tmp_path: Path):
    """It can fail: word lists planted in a copy of a real check are found; labels,
    identifiers and sequences of names beside them are not."""
    checks = tmp_path / "checks"
    checks.mkdir()
    (tmp_path / "analysis").mkdir()
    real = (SRC / "checks" / "target.py").read_text(encoding="utf-8")
    (checks / "target.py").write_text(real + PLANTED + NOT_PLANTED, encoding="utf-8")
    assert word_lists(tmp_path) == [
        f"checks/target.py:{name}"
        for name in ("HEDGES", "_BARE", "MORE_ADVERBS", "COUNTS", "TUPLED", "LISTED")
    ]


# The vocabulary's own lists.


def _vocabulary_modules() -> list[Path]:
    return sorted(VOCABULARY.glob("*.py"))


def _module(path: Path) -> object:
    return importlib.import_module(f"sourcelint.analysis.vocabulary.{path.stem}")


@cache
def _lists() -> dict[str, list[tuple[str, object]]]:
    """Each list the vocabulary defines (not imports), by name: (module, value)."""
    lists: dict[str, list[tuple[str, object]]] = defaultdict(list)
    for path in _vocabulary_modules():
        module = _module(path)
        for name, _ in _assignments(ast.parse(path.read_text(encoding="utf-8"))):
            value = getattr(module, name)
            collection = isinstance(value, frozenset | set | Mapping | tuple) and value
            if collection and all(isinstance(member, str) for member in value):
                lists[name].append((path.stem, value))
    return lists


def test_each_list_has_one_name_and_each_name_one_list():
    twice = {name: [m for m, _ in where] for name, where in _lists().items() if len(where) > 1}
    assert not twice, f"list names defined in more than one module: {twice}"
    by_members: dict[object, list[str]] = defaultdict(list)
    for name, [(_, value)] in _lists().items():
        key = tuple(sorted(value.items())) if isinstance(value, Mapping) else frozenset(value)
        by_members[key].append(name)
    same = [names for names in by_members.values() if len(names) > 1]
    assert not same, f"identical lists under several names (keep one): {same}"


def test_no_list_is_named_like_a_field_of_the_compiled_lexicon():
    fields = {field.name for field in dataclasses.fields(SourcingWords)}
    fields |= {n for n, v in vars(SourcingWords).items() if isinstance(v, cached_property)}
    clashes = {name for name in _lists() if name.lower() in fields}
    assert not clashes, f"vocabulary lists named like SourcingWords fields: {clashes}"


def test_every_vocabulary_module_gives_its_provenance():
    missing = [
        path.name
        for path in _vocabulary_modules()
        if "Provenance"
        not in (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "")
    ]
    assert not missing, f"vocabulary modules without 'Provenance' in their docstring: {missing}"


def test_vocabulary_lists_are_immutable():
    """A word list is shared by every module that imports it: none may be changed."""
    mutable = [
        f"{module}:{name}"
        for name, where in _lists().items()
        for module, value in where
        if isinstance(value, set | dict | list)
    ]
    assert not mutable, f"use frozenset, or MappingProxyType for a table: {mutable}"
