"""The JSON Schema of config files: generated from the definition of settings, checked in,
and in agreement with the parser: it accepts what the parser accepts and, where the parser
refuses a value, refuses it at the same key."""

from __future__ import annotations

import json
import string
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from test_config import FULL_CONFIG, write
from test_config import config_error as parse_error
from test_hostile_config import toml_document
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.config import definition as spec
from sourcelint.config import load_config
from sourcelint.config.keys import key_path
from sourcelint.config.parse import ConfigParser
from sourcelint.config.schema import config_schema
from sourcelint.core.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"

# TOML tells integers from floats; JSON Schema counts 1.0 as an integer. Editors read TOML,
# so check as they do: an integer is an int (and never a bool).
_TOML_TYPES = Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
)
TomlValidator = validators.extend(Draft202012Validator, type_checker=_TOML_TYPES)
VALIDATOR = TomlValidator(config_schema())

# Checks of the parser a JSON Schema cannot state (config.schema says so too).
SCHEMA_SILENT = ("invalid pattern", "matches nothing", "rule directory", "base config")


def error_keys(error: ValidationError) -> set[str]:
    """The TOML key paths a schema error stands for, as the parser would name them.

    A list item's fault is the list's key (the parser names no index); an unknown key is
    named itself, where the schema names the table that holds it.
    """
    path: list[str] = []
    for step in error.absolute_path:
        if isinstance(step, int):
            break
        path.append(step)
    if error.validator == "additionalProperties" and len(path) == len(error.absolute_path):
        known = error.schema.get("properties", {})
        return {key_path(*path, extra) for extra in error.instance if extra not in known}
    return {key_path(*path)}


def schema_keys(instance: object, validator: Any = VALIDATOR) -> set[str]:
    return {key for error in validator.iter_errors(instance) for key in error_keys(error)}


# --------------------------------------------------------------------------- the file


def test_checked_in_schema_is_generated_and_current():
    generated = CliRunner().invoke(app, ["config", "--schema"], catch_exceptions=False)
    assert generated.exit_code == 0
    assert generated.stdout == (SCHEMAS / "sourcelint.schema.json").read_text("utf-8"), (
        "schemas/sourcelint.schema.json is stale: run "
        "`sourcelint config --schema > schemas/sourcelint.schema.json`"
    )


def test_the_schemas_are_draft_2020_12():
    for name in ("sourcelint.schema.json", "pyproject.schema.json"):
        schema = json.loads((SCHEMAS / name).read_text("utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def _all_settings(
    definition: tuple[spec.Setting, ...] = spec.SETTINGS, *parts: str
) -> Iterator[tuple[tuple[str, ...], spec.Setting]]:
    for setting in definition:
        yield (*parts, setting.key), setting
        if isinstance(setting.type, spec.Section):
            yield from _all_settings(setting.type.settings, *parts, setting.key)


def test_every_key_is_described_and_its_choices_listed():
    schema = config_schema()
    for path, setting in _all_settings():
        node = schema
        for part in path:
            node = node["properties"][part]
        assert node["description"] == setting.description or node["description"].startswith(
            setting.description + " "
        )
        if isinstance(setting.type, spec.Choice):
            assert set(setting.type.values) <= set(node["enum"])
    readers = schema["properties"]["readers"]["properties"]
    assert readers["extensions"]["additionalProperties"]["enum"] == ["plain", "markdown", "html"]
    assert schema["properties"]["pipeline"]["enum"] == ["parse", "fast", "accurate"]
    # Defaults are the Settings dataclasses' own.
    assert schema["properties"]["pipeline"]["default"] == "fast"
    assert schema["properties"]["respect-gitignore"]["default"] is True
    assert readers["line-marker"]["default"] == "sourcelint: disable="
    assert "default" not in schema["properties"]["select"]  # None: every rule


def test_printing_the_schema_does_not_import_spacy():
    # -X importtime lists every module the command imports, on stderr.
    command = [sys.executable, "-X", "importtime", "-m", "sourcelint", "config", "--schema"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["title"] == "sourcelint configuration"
    imported = {line.rsplit("|", 1)[-1].strip() for line in completed.stderr.splitlines()}
    assert "sourcelint.config.schema" in imported  # the listing is what it should be
    assert "spacy" not in imported


def test_config_schema_needs_a_path_or_schema():
    result = CliRunner().invoke(app, ["config"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr == (
        "error[E101]: key 'PATH': give a PATH whose settings to show, or --schema\n"
    )


# --------------------------------------------------------------------------- valid configs

VALID = {
    "full": FULL_CONFIG.replace('"/abs/ignored"', '"packs"'),
    "example": (ROOT / "examples" / "config" / "sourcelint.toml").read_text("utf-8"),
    "empty": "",
    "empty lists": "select = []\nexclude = []\nown-outlet = []\n",
    "old pipeline name": 'pipeline = "accurate"\n',
    "extend": 'extend = "base.toml"\nseverity = { SL204 = "warning" }\n',
    "jobs": "jobs = 4\n",
    "cache-dir": 'cache-dir = "build/lint-cache"\n',
    "readers": """
[readers]
extensions = { ".MDX" = "markdown", ".xhtml" = "html", ".rst" = "plain" }
front-matter-fields = ["title", "description"]
html-skip = [".promo", "nav"]
html-content = "article"
line-marker = "lint: off="
""",
    "negated glob": '[per-file-ignores]\n"!news/**" = ["SL5"]\n',
    "odd but valid marker": '[readers]\nline-marker = "= ="\n',
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "packs").mkdir()
    write(tmp_path / "base.toml", 'select = ["SL1"]\n')
    return tmp_path


@pytest.mark.parametrize("name", VALID)
def test_valid_configs_pass_both(project, name):
    path = write(project / "sourcelint.toml", VALID[name])
    load_config(path)
    table = tomllib.loads(VALID[name])
    assert schema_keys(table) == set(), list(VALIDATOR.iter_errors(table))


# --------------------------------------------------------------------------- invalid configs

INVALID = [
    ("extend = 3\n", "extend"),
    ("extend = ''\n", "extend"),
    ("select = 3\n", "select"),
    ("select = 'SL1'\n", "select"),
    ('ignore = ["SL1", 2]\n', "ignore"),
    ('extend-select = [["SL1"]]\n', "extend-select"),
    ("exclude = {}\n", "exclude"),
    ("extend-exclude = true\n", "extend-exclude"),
    ("respect-gitignore = 'yes'\n", "respect-gitignore"),
    ("force-exclude = 1\n", "force-exclude"),
    ("model = 3\n", "model"),
    ("model = ''\n", "model"),
    ('model = " \\t"\n', "model"),
    ("severity = ['SL1']\n", "severity"),
    ('[severity]\nSL102 = "high"\n', "severity.SL102"),
    ("per-file-ignores = []\n", "per-file-ignores"),
    ('[per-file-ignores]\n"drafts/*.md" = "SL1"\n', 'per-file-ignores."drafts/*.md"'),
    ('[per-file-ignores]\n"drafts/*.md" = [1]\n', 'per-file-ignores."drafts/*.md"'),
    ("extend-rules = 'packs'\n", "extend-rules"),
    ("pipeline = 1\n", "pipeline"),
    ('pipeline = "slow"\n', "pipeline"),
    ('fail-on = "fatal"\n', "fail-on"),
    ("own-outlet = 'Ledger'\n", "own-outlet"),
    ("jobs = 0\n", "jobs"),
    ("jobs = true\n", "jobs"),
    ("jobs = 2.0\n", "jobs"),
    ("jobs = '2'\n", "jobs"),
    ("cache-dir = 3\n", "cache-dir"),
    ("cache-dir = ''\n", "cache-dir"),
    ("readers = 1\n", "readers"),
    ("[readers]\nfront-matter = ['title']\n", "readers.front-matter"),
    ('[readers]\nextensions = { ".x" = "pdf" }\n', 'readers.extensions.".x"'),
    ("[readers]\nextensions = []\n", "readers.extensions"),
    ("[readers]\nfront-matter-fields = 'title'\n", "readers.front-matter-fields"),
    ("[readers]\nhtml-skip = [1]\n", "readers.html-skip"),
    ("[readers]\nhtml-content = ''\n", "readers.html-content"),
    ('[readers]\nline-marker = "="\n', "readers.line-marker"),
    ('[readers]\nline-marker = "no\\nte: disable="\n', "readers.line-marker"),
    ('[readers]\nline-marker = "ok=\\n"\n', "readers.line-marker"),
    ("selct = []\n", "selct"),
    ("per_file_ignores = {}\n", "per_file_ignores"),
    ('[tool.sourcelint]\nselect = ["SL1"]\n', "tool"),
]


@pytest.mark.parametrize(("text", "key"), INVALID, ids=[key for _, key in INVALID])
def test_invalid_configs_fail_both_at_the_same_key(project, text, key):
    error = parse_error(write(project / "sourcelint.toml", text))
    assert error.key == key
    assert key in schema_keys(tomllib.loads(text))


def test_every_key_has_an_invalid_example():
    tried = {key for _, key in INVALID}
    for path, _ in _all_settings():
        assert key_path(*path) in tried, f"no invalid example for {key_path(*path)}"


# --------------------------------------------------------------------------- pyproject.toml


def _pyproject_validator() -> Any:
    """The wrapper, its $ref resolved to the checked-in schema, with TOML's integers.

    jsonschema validates a $ref'd schema that names its "$schema" with that dialect's own
    class, which would lose the TOML integer rule; the resource is given without it.
    """
    main = json.loads((SCHEMAS / "sourcelint.schema.json").read_text("utf-8"))
    main.pop("$schema")
    registry = Registry().with_resource(
        "sourcelint.schema.json", Resource(contents=main, specification=DRAFT202012)
    )
    wrapper = json.loads((SCHEMAS / "pyproject.schema.json").read_text("utf-8"))
    return TomlValidator(wrapper, registry=registry)


PYPROJECT = _pyproject_validator()


def test_the_pyproject_schema_checks_only_tool_sourcelint(project):
    text = (ROOT / "examples" / "config" / "pyproject.toml").read_text("utf-8")
    load_config(write(project / "pyproject.toml", text))
    assert schema_keys(tomllib.loads(text), PYPROJECT) == set()
    # Other tables are other tools' business.
    other = {"project": {"name": 3}, "tool": {"ruff": {"line-length": "x"}}}
    assert schema_keys(other, PYPROJECT) == set()


@pytest.mark.parametrize(("text", "key"), INVALID, ids=[key for _, key in INVALID])
def test_the_pyproject_schema_fails_at_the_parser_s_key(project, text, key):
    table = {"tool": {"sourcelint": tomllib.loads(text)}}
    error = parse_error(write(project / "pyproject.toml", toml_document(table)))
    assert error.key == f"tool.sourcelint.{key}"
    assert error.key in schema_keys(table, PYPROJECT)


# --------------------------------------------------------------------------- random configs

# No DEL, which TOML refuses raw; the white space, '=' and line breaks markers care about.
_TEXT = st.text(
    st.sampled_from([*string.ascii_letters[:6], " ", "\t", "=", "\n", "\r", "\u00a0", "é", "#"]),
    max_size=6,
)
_WRONG = st.one_of(
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(_TEXT, st.integers(), max_size=2),
)
_ITEMS = {
    spec.Item.TEXT: _TEXT,
    spec.Item.SELECTOR: st.sampled_from(["SL1", "SL102", "ALL", "loaded", "nope", ""]) | _TEXT,
    # Bad patterns too: the parser refuses them and the schema cannot.
    spec.Item.PATTERN: st.sampled_from(["*.md", "drafts/", "!x/*", "**", "[z-a]", "a\\", "#", ""]),
    spec.Item.DIRECTORY: st.sampled_from(["rules", "missing", "base.toml"]),
}
_UNKNOWN = st.sampled_from(["selct", "tool", "front-matter", "per_file_ignores", "x"])


def values(kind: spec.ValueType) -> st.SearchStrategy[Any]:
    """Values for a setting of type ``kind``: nine in ten of its type, else of another."""
    return st.integers(0, 9).flatmap(lambda n: _of(kind) if n else _WRONG)


def _of(kind: spec.ValueType) -> st.SearchStrategy[Any]:
    match kind:
        case spec.Text():
            return _TEXT | st.sampled_from(["base.toml", "missing.toml", "lint: off="])
        case spec.Flag():
            return st.booleans()
        case spec.Count():
            return st.integers(kind.minimum - 2, kind.minimum + 3)
        case spec.Choice():
            return st.sampled_from([*kind.values, *kind.aliases, "nope", kind.values[0].upper()])
        case spec.Strings():
            return st.lists(_ITEMS[kind.item], max_size=3)
        case spec.Table():
            return st.dictionaries(_ITEMS[kind.keys], values(kind.values), max_size=3)
        case spec.Section():
            return tables(kind.settings)
    raise TypeError(kind)


def tables(definition: tuple[spec.Setting, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Tables of a section's settings, now and then with an unknown key."""
    known = st.fixed_dictionaries(
        {}, optional={setting.key: values(setting.type) for setting in definition}
    )
    unknown = st.dictionaries(_UNKNOWN, _WRONG | _TEXT, max_size=1)
    return st.tuples(known, st.integers(0, 9), unknown).map(
        lambda drawn: {**drawn[0], **drawn[2]} if drawn[1] == 0 else drawn[0]
    )


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "rules").mkdir()
        write(Path(directory) / "base.toml", 'select = ["SL1"]\n')
        yield Path(directory)


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(table=tables(spec.SETTINGS))
def test_parser_and_schema_accept_the_same_configs(scratch, table):
    path = scratch / "sourcelint.toml"
    write(path, toml_document(table))
    assert tomllib.loads(path.read_text("utf-8")) == table  # the config intended
    found = schema_keys(table)
    try:
        load_config(path)
    except ConfigError as error:
        assert error.key is not None, error
        if any(silent in error.message for silent in SCHEMA_SILENT):
            event("refused where no schema can see")
            return
        event("refused by both")
        assert error.key in found, (str(error), found)
        return
    event("accepted by both")
    assert found == set(), list(VALIDATOR.iter_errors(table))


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(marker=_TEXT | st.text(max_size=8))
def test_the_line_marker_pattern_is_check_line_marker(marker):
    """The schema's statement of check_line_marker, which editors run, agrees with it."""
    (line_marker,) = (s for s in spec.READER_SETTINGS if s.key == "line-marker")
    try:
        ConfigParser("x.toml", Path(), ()).value(line_marker.type, marker, "line-marker")
        accepted = True
    except ConfigError:
        accepted = False
    assert accepted == VALIDATOR.is_valid({"readers": {"line-marker": marker}})
