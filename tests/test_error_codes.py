"""Every error code is explained (``sourcelint explain E101``), and the list cannot go stale.

The explanations (``core/error_codes.py``) are keyed by error class; these tests hold
them to the classes in ``src/``, the README's table, and the messages really printed.
"""

from __future__ import annotations

import ast
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.checks.packs import Pack, load_pack_file
from sourcelint.cli.app import app
from sourcelint.config.resolve import ConfigResolver
from sourcelint.core.crash import internal_error
from sourcelint.core.error_codes import ERROR_CODES, ErrorCode, error_code
from sourcelint.core.errors import PipelineError, SourcelintError
from sourcelint.core.files import decode, read_stream, read_text
from sourcelint.core.tiers import tier_name
from sourcelint.filters.baseline import load_baseline
from sourcelint.run.cache_location import clean, turned_off_by_environment
from sourcelint.run.pool import WORKER_DIED

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "sourcelint"
CODES = [entry.code for entry in ERROR_CODES]


def explain(*argv: str):
    return CliRunner().invoke(app, ["explain", *argv])


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("entry", ERROR_CODES, ids=CODES)
def test_explain_prints_the_cause_examples_and_fix(entry: ErrorCode) -> None:
    result = explain(entry.code)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{entry.code} {entry.title}"
    assert [line for line in lines if line and not line.startswith(" ")][1:] == [
        "What causes it",
        "Examples",
        "How to fix",
    ]
    shown = flat(result.stdout)  # wrapped only at spaces: every example is there whole
    for text in (entry.cause, *entry.examples, entry.fix):
        assert flat(text) in shown


@pytest.mark.parametrize("entry", ERROR_CODES, ids=CODES)
def test_explain_as_json(entry: ErrorCode) -> None:
    result = explain(entry.code, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "code": entry.code,
        "title": entry.title,
        "exception": entry.error.__name__,
        "cause": flat(entry.cause),
        "examples": list(entry.examples),
        "fix": flat(entry.fix),
    }


def test_a_code_is_found_in_any_case() -> None:
    assert error_code(" e201 ") is error_code("E201") is not None
    assert explain("e201").stdout == explain("E201").stdout


@pytest.mark.parametrize("unknown", ["E999", "SL999", "no-such-rule"])
def test_an_unknown_code_names_the_rules_and_the_error_codes(unknown: str) -> None:
    result = explain(unknown)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error[E101]: key 'RULE': no rule or error code named {unknown!r}; see "
        f"`sourcelint rules` for the rules; the error codes are {', '.join(CODES)}\n"
    )


def test_an_error_code_is_explained_when_the_config_is_what_is_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".sourcelint.toml").write_text("selct = []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rule = explain("SL102")
    assert (rule.exit_code, rule.stderr.split(":")[0]) == (2, "error[E101]")
    assert explain("E101").exit_code == 0


def test_each_code_and_each_example_belongs_to_its_class() -> None:
    assert len(set(CODES)) == len(CODES)
    for entry in ERROR_CODES:
        assert "code" in vars(entry.error), f"{entry.error.__name__} inherits its code"
        assert all(line.startswith(f"error[{entry.code}]: ") for line in entry.examples)


def test_every_error_class_in_the_source_has_an_explanation() -> None:
    classes = _error_classes()
    assert {entry.error.__name__ for entry in ERROR_CODES} == set(classes)
    for name, module in classes.items():
        found = next(e.error for e in ERROR_CODES if e.error.__name__ == name)
        assert found.__module__ == module, name


def test_every_explained_code_is_raised_somewhere() -> None:
    """A class that no code of ``src/`` raises, or hands on to be raised, has a dead code.

    SourcelintError (E000) is the exception: only plugins and library callers raise it."""
    used = _names_raised()
    unused = [e.code for e in ERROR_CODES if e.error.__name__ not in used]
    assert unused == [SourcelintError.code]


def test_the_readme_table_lists_every_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    header = readme.index("| error | what |")
    table = readme[header : readme.index("", header)]
    expected = ["| error | what |", "| --- | --- |"]
    expected += [f"| `{entry.code}` | {entry.title} |" for entry in ERROR_CODES]
    assert table == expected, "README.md's table of errors should read:\n" + "\n".join(expected)


def _raised(action: Callable[[], object]) -> SourcelintError:
    with pytest.raises(SourcelintError) as caught:
        action()
    return caught.value


def _e101_config() -> SourcelintError:
    Path("pyproject.toml").write_text("[tool.sourcelint]\nselct = []\n", encoding="utf-8")
    return _raised(lambda: ConfigResolver().settings_for_directory(Path.cwd()))


def _e101_baseline() -> SourcelintError:
    Path(".sourcelint-baseline.json").write_text("[]", encoding="utf-8")
    return _raised(lambda: load_baseline(Path(".sourcelint-baseline.json")))


def _e101_environment() -> SourcelintError:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCELINT_NO_CACHE", "maybe")
        return _raised(turned_off_by_environment)


def _e301_pack() -> SourcelintError:
    Path("rules").mkdir()
    Path("rules/house.toml").write_text('[[rule]]\ncode = "XX101"\n', encoding="utf-8")
    return _raised(lambda: load_pack_file(Path("rules/house.toml"), Pack()))


def _e501_not_a_cache() -> SourcelintError:
    Path("notes").mkdir()
    return _raised(lambda: clean(Path("notes")))


REAL_ERRORS: dict[str, Callable[[], SourcelintError]] = {
    "E101 config": _e101_config,
    "E101 baseline": _e101_baseline,
    "E101 environment": _e101_environment,
    "E201 missing": lambda: _raised(lambda: read_text(Path("notes.md"))),
    "E201 binary": lambda: _raised(lambda: decode(b"x\x00y", "photo.md")),
    "E201 not UTF-8": lambda: _raised(lambda: decode(b"caf\xe9\n", "memo.txt")),
    "E201 too large": lambda: _raised(
        lambda: read_stream(io.BytesIO(b"x" * (10 * 1024 * 1024 + 1)), "archive.md")
    ),
    "E301 pack": _e301_pack,
    "E401 pipeline": lambda: _raised(lambda: tier_name("slow")),
    "E401 worker": lambda: PipelineError(WORKER_DIED),
    "E501 not a cache": _e501_not_a_cache,
    "E900 bug": lambda: internal_error(ValueError("…"), "draft.md"),
}


@pytest.mark.parametrize("make", REAL_ERRORS.values(), ids=REAL_ERRORS.keys())
def test_the_examples_are_messages_sourcelint_prints(
    make: Callable[[], SourcelintError], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    error = make()
    entry = error_code(error.code)
    assert entry is not None
    assert error.render() in entry.examples


def _error_classes() -> dict[str, str]:
    """Each error class defined in ``src/`` (SourcelintError and what derives from it),
    by name, with its module."""
    defined: dict[str, tuple[list[str], str]] = {}
    for path in SOURCE.rglob("*.py"):
        module = ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = [base.id for base in node.bases if isinstance(base, ast.Name)]
                defined[node.name] = (bases, module)
    family = {"SourcelintError"}
    while grown := {n for n, (bases, _) in defined.items() if family & set(bases)} - family:
        family |= grown
    return {name: defined[name][1] for name in family}


def _names_raised() -> set[str]:
    """The names ``src/`` calls or hands on to a call (``read_text(path, error=ConfigError)``);
    not in ``isinstance`` tests, nor in the list of explanations itself."""
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if path == SOURCE / "core" / "error_codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _name(node.func) in {"isinstance", "issubclass"}:
                continue
            used |= {_name(n) for n in [node.func, *node.args, *(k.value for k in node.keywords)]}
    return used


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else ""
