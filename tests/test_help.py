"""``--help`` of every command: each option shows its default, every choice and its help.

The options are read from the click commands typer builds, never listed by hand, so an
option added later is held to the same standard.
"""

from __future__ import annotations

import re
from enum import Enum
from importlib.metadata import EntryPoint

import pytest
import typer
from typer.testing import CliRunner

import sourcelint.formats
from sourcelint.cli.app import app
from sourcelint.core.tiers import DEFAULT_TIER, TIERS
from sourcelint.formats import ENTRY_POINT_GROUP, format_names
from sourcelint.run.options import DEFAULT_FAIL_ON

WIDTH = 100
# Plain text at a fixed width: no colour codes, the same wrapping everywhere.
ENV = {"COLUMNS": str(WIDTH), "NO_COLOR": "1", "TERM": "dumb"}
ROOT_COMMAND = typer.main.get_command(app)
COMMANDS = sorted(ROOT_COMMAND.commands)


def render(*argv: str) -> str:
    result = CliRunner().invoke(app, [*argv, "--help"], env=ENV, terminal_width=WIDTH)
    assert result.exit_code == 0, result.output
    return result.stdout


def label(param: typer.core.TyperOption | typer.core.TyperArgument) -> str:
    """What starts the param's row: its first long option, or an argument's name."""
    if param.param_type_name == "argument":
        return param.name
    return next(opt for opt in param.opts if opt.startswith("--"))


def rows(help_text: str, params: list) -> dict[str, str]:
    """Each param's row of the option panels, its wrapped lines joined by single spaces."""
    labels = {label(param) for param in params} | {"--help"}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in help_text.splitlines():
        if not line.startswith("│"):
            current = None  # a panel's border or the text between panels
            continue
        cells = line.strip("│").split()
        first = cells[1] if cells[:1] == ["*"] else cells[0] if cells else ""
        name = first.removesuffix("...")
        if name in labels:
            current = found.setdefault(name, [])
        if current is not None:
            current.append(line.strip("│"))
    return {name: " ".join(" ".join(lines).split()) for name, lines in found.items()}


def expected_default(param: typer.core.TyperOption | typer.core.TyperArgument) -> str:
    """The text ``[default: …]`` must hold: the declared description, else the value."""
    if isinstance(param.show_default, str):
        return f"({param.show_default})"
    default = param.default
    if getattr(param, "is_bool_flag", False) and param.secondary_opts:
        # typer names an --x/--no-x flag's default by the option that gives it.
        return (param.opts if default else param.secondary_opts)[0].removeprefix("--")
    return str(default.value if isinstance(default, Enum) else default)


def choices(param: typer.core.TyperOption | typer.core.TyperArgument) -> list[str]:
    """A choice param's choices, as the command line takes them."""
    click_type = getattr(param, "type", None)  # click's params, and typer's before 0.2x
    if click_type is not None:
        found = getattr(click_type, "choices", None) or ()
    else:  # typer's own params describe their type instead
        found = param.type_descriptor.choices if param.type_descriptor.is_choice else ()
    return [str(getattr(choice, "value", choice)) for choice in found or ()]


def command_params() -> list[tuple[str, typer.core.TyperOption | typer.core.TyperArgument]]:
    cases = [(name, param) for name in COMMANDS for param in ROOT_COMMAND.commands[name].params]
    # The root's eager options (--version) are actions, not settings: no default to show.
    return cases + [("", param) for param in ROOT_COMMAND.params if not param.is_eager]


@pytest.fixture(scope="module")
def helps() -> dict[str, str]:
    return {name: render(*([name] if name else [])) for name in ["", *COMMANDS]}


def test_every_command_has_options_to_check():
    # Guards the walk itself: an empty walk would pass everything below.
    assert {"check", "rules", "explain", "config", "attributions", "serve"} <= set(COMMANDS)
    assert len(command_params()) > 20
    fail_on = next(p for p in ROOT_COMMAND.commands["check"].params if p.name == "fail_on")
    assert choices(fail_on) == ["error", "warning", "info"]


@pytest.mark.parametrize(
    ("command", "param"),
    command_params(),
    ids=[f"{name or 'sourcelint'} {param.name}" for name, param in command_params()],
)
def test_each_option_shows_its_help_and_default(helps, command, param):
    row = rows(helps[command], [param]).get(label(param))
    assert row is not None, f"{label(param)} has no row in:\n{helps[command]}"
    # Shown as written: nothing in square brackets swallowed as rich markup.
    if command != "check" or param.name != "output_format":  # its help is filled in when shown
        assert " ".join((param.help or "").split()) in row
    if param.required:
        assert "[required]" in row
    else:
        assert f"[default: {expected_default(param)}]" in row, row
    for choice in choices(param):
        assert choice in row


@pytest.mark.parametrize("command", ["check", "attributions", "serve"])
def test_pipeline_lists_every_tier_and_the_default(helps, command):
    # --pipeline is no click Choice ('accurate' is accepted unlisted), so checked here.
    row = rows(helps[command], ROOT_COMMAND.commands[command].params)["--pipeline"]
    assert f"[{'|'.join(TIERS)}]" in row
    assert f"[default: (the config's, else {DEFAULT_TIER})]" in row


def test_fail_on_names_the_default_the_run_applies(helps):
    row = rows(helps["check"], ROOT_COMMAND.commands["check"].params)["--fail-on"]
    assert f"else {DEFAULT_FAIL_ON.value})]" in row


def shown_formats(help_text: str) -> list[str]:
    row = rows(help_text, ROOT_COMMAND.commands["check"].params)["--format"]
    match = re.search(r"one of: (.+?)\. \[default", row)
    assert match, row
    return match.group(1).split(", ")


def test_check_format_lists_every_format(helps):
    assert shown_formats(helps["check"]) == format_names()
    assert "html" in format_names()  # the newest built-in, which the old help left out


def test_check_format_lists_installed_plugins(monkeypatch):
    plugin = EntryPoint(name="teamcity", value="teamcity_fmt:Formatter", group=ENTRY_POINT_GROUP)

    def entry_points(**selection: str) -> list[EntryPoint]:
        return [plugin] if selection.get("group") == ENTRY_POINT_GROUP else []

    monkeypatch.setattr(sourcelint.formats, "entry_points", entry_points)
    assert shown_formats(render("check")) == [*sourcelint.formats.BUILTIN, "teamcity"]
