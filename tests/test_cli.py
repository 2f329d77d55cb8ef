"""The command line: output formats, exit codes, selection, stdin, errors, start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.core.version import __version__

from conftest import ROOT, SEED

ANONYMOUS = "The deal is off, two aides said.\n"
# The seed's nine required findings come from these rules; pinning them keeps the
# counts below independent of rules added later.
SEED_RULES = "SL102,SL201,SL204,SL305"
CLEAN = "The mayor said the budget was late.\n"


def run(runner: CliRunner, *args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)


def test_version_does_not_import_spacy():
    code = (
        "import sys\n"
        "from sourcelint.cli.app import main\n"
        "sys.argv = ['sourcelint', '--version']\n"
        "try:\n    main()\n"
        "except SystemExit as stop:\n    assert stop.code in (0, None), stop.code\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert 'sourcelint.analysis.pipeline' not in sys.modules\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == f"sourcelint {__version__}"


def test_help_and_rules_do_not_import_spacy():
    code = (
        "import sys, contextlib, io\n"
        "from sourcelint.cli.app import main\n"
        "for argv in (['--help'], ['check', '--help'], ['lsp', '--help'], ['rules'],\n"
        "             ['explain', 'SL102']):\n"
        "    sys.argv = ['sourcelint', *argv]\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        try:\n            main()\n"
        "        except SystemExit as stop:\n            assert stop.code in (0, None), stop.code\n"
        "assert 'spacy' not in sys.modules\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr


def test_text_output_underlines_the_words(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(runner, "check", "--select", SEED_RULES, "examples/iran-russia-assad.txt")
    assert result.exit_code == 1
    out = result.stdout
    header = "examples/iran-russia-assad.txt:24:1: SL102 [warning] Anonymous source:"
    assert f"{header} 'A senior official'" in out
    lines = out.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("24 | A senior official")))
    assert lines[at + 1] == "   | ^^^^^^^^^^^^^^^^^"
    assert out.rstrip().splitlines()[-1].startswith("Found 9 findings (9 warnings) in 1 file.")
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_colour_is_forced_and_no_color_wins(runner, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(runner, "check", str(SEED)).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(runner, "check", str(SEED)).stdout


def test_exit_zero_and_quiet(runner):
    result = run(runner, "check", "--exit-zero", "--quiet", str(SEED))
    assert result.exit_code == 0
    assert "Found" not in result.stdout
    assert "SL102" in result.stdout


def test_json_contract(runner):
    result = run(runner, "check", "--format", "json", "--select", SEED_RULES, str(SEED))
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["tool"] == {"name": "sourcelint", "version": __version__, "pipeline": "fast"}
    finding = document["files"][0]["findings"][0]
    assert list(finding) == [
        "code", "name", "category", "severity", "message", "line", "column", "end_line",
        "end_column", "start", "end", "text", "suggestion",
    ]  # fmt: skip
    assert document["summary"] == {"files": 1, "findings": 9, "by_severity": {"warning": 9}}


def test_missing_file_is_an_error_and_others_are_still_linted(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ANONYMOUS)
    result = run(runner, "check", "--format", "json", str(tmp_path / "absent.md"), str(good))
    assert result.exit_code == 2
    assert "absent.md: no such file or directory" in result.stderr
    document = json.loads(result.stdout)
    assert [f["code"] for f in document["files"][0]["findings"]] == ["SL102"]


def test_binary_file_is_an_error_and_exit_zero_keeps_it(runner, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02")
    result = run(runner, "check", "--exit-zero", str(binary))
    assert result.exit_code == 2
    assert "image.txt: looks like a binary file" in result.stderr


def test_select_ignore_and_fail_on(runner):
    only = run(runner, "check", "-f", "json", "--select", "SL2", str(SEED))
    codes = {f["code"] for f in json.loads(only.stdout)["files"][0]["findings"]}
    assert codes == {"SL201", "SL204"}
    by_name = run(runner, "check", "-f", "json", "--ignore", "reportedly,loaded", str(SEED))
    codes = {f["code"] for f in json.loads(by_name.stdout)["files"][0]["findings"]}
    assert codes == {"SL102", "SL201"}
    assert run(runner, "check", "--fail-on", "error", str(SEED)).exit_code == 0


def test_unknown_selector_names_the_option(runner):
    result = run(runner, "check", "--select", "SL999", str(SEED))
    assert result.exit_code == 2
    assert "key '--select': unknown rule selector 'SL999'" in result.stderr


def test_a_blank_selector_in_config_is_an_error_not_every_rule(runner, tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.sourcelint]\nignore = [""]\n')
    result = run(runner, "check", "--config", str(config), str(SEED))
    assert result.exit_code == 2
    assert "key 'tool.sourcelint.ignore': unknown rule selector ''" in result.stderr


def test_stdin_with_filename(runner, tmp_path):
    args = ("check", "-f", "json", "-", "--stdin-filename", "drafts/story.md")
    result = run(runner, *args, stdin=ANONYMOUS)
    document = json.loads(result.stdout)
    assert document["files"][0]["path"] == "drafts/story.md"
    assert document["files"][0]["findings"][0]["text"] == "two aides"
    assert result.exit_code == 1


def test_clean_file_exits_zero(runner, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text(CLEAN)
    result = run(runner, "check", str(clean))
    assert result.exit_code == 0
    assert "No findings in 1 file." in result.stdout


def test_directory_recursion_and_config_select(runner, tmp_path, monkeypatch):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.md").write_text(ANONYMOUS)
    (tmp_path / "desk" / "notes.rst").write_text(ANONYMOUS)
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "b.txt").write_text("The rebels reportedly advanced.\n")
    (tmp_path / "wire" / ".sourcelint.toml").write_text('ignore = ["SL204"]\n')
    monkeypatch.chdir(tmp_path)
    document = json.loads(run(runner, "check", "-f", "json", ".").stdout)
    paths = {f["path"]: [x["code"] for x in f["findings"]] for f in document["files"]}
    assert paths == {"desk/a.md": ["SL102"], "wire/b.txt": []}


def test_broken_config_is_reported_and_other_files_linted(runner, tmp_path, monkeypatch):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "sourcelint.toml").write_text('selec = ["SL1"]\n')
    (tmp_path / "broken" / "a.md").write_text(ANONYMOUS)
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "b.md").write_text(ANONYMOUS)
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "-f", "json", ".")
    assert result.exit_code == 2
    assert "sourcelint.toml: key 'selec'" in result.stderr
    assert "did you mean 'select'" in result.stderr
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["ok/b.md"]


def test_unknown_code_in_config_is_an_error_naming_key(runner, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.sourcelint]\nseverity = { SL777 = "info" }\n')
    (tmp_path / "a.md").write_text(ANONYMOUS)
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "a.md")
    assert result.exit_code == 2
    assert "pyproject.toml: key 'tool.sourcelint.severity.SL777'" in result.stderr


def test_severity_override_and_per_file_ignores(runner, tmp_path, monkeypatch):
    (tmp_path / ".sourcelint.toml").write_text(
        'severity = { anonymous-source = "error" }\n'
        '[per-file-ignores]\n"opinion/*.md" = ["SL102"]\n'
    )
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / "column.md").write_text(ANONYMOUS)
    (tmp_path / "news.md").write_text(ANONYMOUS)
    monkeypatch.chdir(tmp_path)
    document = json.loads(run(runner, "check", "-f", "json", ".").stdout)
    findings = {f["path"]: f["findings"] for f in document["files"]}
    assert findings["opinion/column.md"] == []
    assert findings["news.md"][0]["severity"] == "error"


def test_unknown_format(runner):
    result = run(runner, "check", "--format", "xml", str(SEED))
    assert result.exit_code == 2
    expected = "error[E101]: key '--format': unknown format 'xml'; use one of:"
    assert result.stderr.startswith(expected)


def test_rules_lists_every_rule(runner, registry):
    result = run(runner, "rules")
    lines = result.stdout.splitlines()
    for rule in registry.rules:
        assert any(line.startswith(f"{rule.code} ") and rule.name in line for line in lines)
    records = json.loads(run(runner, "rules", "--format", "json").stdout)
    assert [r["code"] for r in records] == [rule.code for rule in registry.rules]


def test_explain_by_code_and_name(runner):
    by_code = run(runner, "explain", "SL204").stdout
    assert by_code == run(runner, "explain", "reportedly").stdout
    for heading in ("Why it matters", "Standards", "Flagged", "Not flagged", "How to fix"):
        assert heading in by_code
    assert "✗ A newly formed alliance [[reportedly]] showed" in by_code
    assert "NPR Ethics Handbook" in by_code
    missing = run(runner, "explain", "SL999")
    assert missing.exit_code == 2


def test_python_dash_m(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(ANONYMOUS)
    command = [sys.executable, "-m", "sourcelint", "check", "-q", str(draft)]
    completed = subprocess.run(command, capture_output=True, text=True)
    assert completed.returncode == 1
    assert "SL102" in completed.stdout


def test_output_file(runner, tmp_path):
    target = tmp_path / "report.json"
    result = run(
        runner, "check", "-f", "json", "--select", SEED_RULES, "-o", str(target), str(SEED)
    )
    assert result.exit_code == 1
    assert json.loads(target.read_text())["summary"]["findings"] == 9


def test_output_file_never_overwrites_a_linted_file(runner, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(ANONYMOUS)
    result = run(runner, "check", str(draft), "-o", str(draft))
    assert result.exit_code == 2
    assert "refusing to write the report over a linted file" in result.stderr
    assert draft.read_text() == ANONYMOUS


@pytest.mark.parametrize("where", [".", "draft.md/report.txt"])
def test_unwritable_output_file_is_an_error(runner, tmp_path, where):
    draft = tmp_path / "draft.md"
    draft.write_text(ANONYMOUS)
    result = run(runner, "check", str(draft), "-o", str(tmp_path / where))
    assert result.exit_code == 2
    assert "cannot write the report" in result.stderr
    assert draft.read_text() == ANONYMOUS


def test_output_file_in_missing_folders_makes_them(runner, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(ANONYMOUS)
    target = tmp_path / "reports" / "today" / "report.json"
    result = run(runner, "check", "-f", "json", str(draft), "-o", str(target))
    assert result.exit_code == 1
    assert json.loads(target.read_text())["summary"]["findings"] >= 1


def test_file_over_a_million_characters_is_linted(runner, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The deal is off, two aides said. " * 40_000)
    # The fast tier: the parse tier would take over a minute here; its raised cap is
    # checked in tests/test_pipeline.py.
    result = run(runner, "check", "-f", "json", "--pipeline", "fast", "--select", "SL102", str(big))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["findings"] == 40_000


def test_missing_model_in_one_folder_spares_the_others(runner, tmp_path, monkeypatch):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / ".sourcelint.toml").write_text(
        'pipeline = "accurate"\nmodel = "no_such_model_xyz"\n'
    )
    (tmp_path / "bad" / "a.md").write_text(ANONYMOUS)
    (tmp_path / "bad" / "b.md").write_text(ANONYMOUS)
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "c.md").write_text(ANONYMOUS)
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "-f", "json", "bad", "good")
    assert result.exit_code == 2
    assert "bad/.sourcelint.toml: key 'model'" in result.stderr
    assert result.stderr.count("error[E401]") == 1
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["good/c.md"]


def test_cli_selectors_know_extend_rules_packs(runner, tmp_path, monkeypatch):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.toml").write_text(
        '[[rule]]\ncode = "XY901"\nname = "widget"\ncategory = "vague"\nseverity = "info"\n'
        'summary = "s"\nmessage = "m {text}"\nrationale = "r"\nfix = "f"\n'
        '[rule.check]\nphrases = ["[widget]"]\n'
        '[rule.examples]\nflagged = ["A [[widget]]."]\nok = ["A gadget."]\n'
    )
    (tmp_path / "sourcelint.toml").write_text('extend-rules = ["packs"]\n')
    (tmp_path / "a.md").write_text("A widget broke.\n")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "-f", "json", "--select", "widget", "a.md")
    assert result.exit_code == 0, result.stderr  # an info finding is below the fail level
    assert [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["XY901"]


@pytest.mark.parametrize("name", ["sarif", "github", "gitlab", "junit", "jsonl", "html"])
def test_statistics_is_refused_where_the_format_has_no_place_for_it(runner, name):
    result = run(runner, "check", "-f", name, "--statistics", str(SEED))
    assert result.exit_code == 2
    assert f"error[E101]: key '--statistics': the '{name}' format has no place" in result.stderr
    assert result.stdout == ""
    assert run(runner, "check", "-f", name, "--exit-zero", str(SEED)).exit_code == 0


@pytest.mark.parametrize("name", ["text", "concise", "json", "markdown-summary"])
def test_statistics_is_shown_by_the_formats_that_have_a_place_for_it(runner, name):
    result = run(runner, "check", "-f", name, "--statistics", "--exit-zero", str(SEED))
    assert result.exit_code == 0, result.stderr
    if name == "json":
        assert "profile" in json.loads(result.stdout)["summary"]
    else:
        assert "anonymous" in result.stdout


def test_statistics_and_json_profile(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(runner, "check", "--statistics", "examples/")
    assert "Statistics" in result.stdout
    assert "  examples/" not in result.stdout  # one table for the run, no block per file
    assert " SL201  warning  secondhand-report" in result.stdout
    assert "weak sourcing:" in result.stdout and "reading grade:" in result.stdout
    document = json.loads(run(runner, "check", "-f", "json", "--statistics", str(SEED)).stdout)
    profile = document["files"][0]["profile"]
    assert set(profile) == {"attributions", "by_kind", "weak_share", "readability", "by_rule"}
    assert profile["attributions"] == sum(profile["by_kind"].values())
    assert profile["by_kind"]["outlet"] >= 2 and profile["by_kind"]["anonymous"] >= 1
    assert profile["by_rule"]["SL201"] == 4
    assert 0 < profile["weak_share"] < 1
    assert document["summary"]["profile"]["attributions"] == profile["attributions"]


def test_attributions_command(runner):
    result = run(runner, "attributions", "-f", "json", str(SEED))
    assert result.exit_code == 0
    records = json.loads(result.stdout)["files"][0]["attributions"]
    official = next(
        r for r in records if r["source"] and r["source"]["text"] == "A senior official"
    )
    assert official["kind"] == "anonymous"
    assert (official["source"]["line"], official["source"]["column"]) == (24, 1)
    assert official["recipient"]["text"] == "told Reuters"
    text = run(runner, "attributions", str(SEED)).stdout
    assert "anonymous    'told' <- 'A senior official' via 'told Reuters'" in text
    missing = run(runner, "attributions", "absent.txt")
    assert missing.exit_code == 2 and "absent.txt: no such file" in missing.stderr


def test_attributions_reads_files_as_check_does(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(
        "<html><head><script>var x = 'sources said so';</script></head><body>"
        "<nav>Officials say subscribe.</nav><p>The mayor said the budget was late.</p>"
        "</body></html>\n"
    )
    (tmp_path / "draft.md").write_text(
        "<!-- two aides said this is a comment -->\nThe mayor told Reuters so.\n"
    )
    (tmp_path / "ours.toml").write_text('own-outlet = ["Reuters"]\n')
    result = run(runner, "attributions", "-f", "json", "--config", "ours.toml", ".")
    assert result.exit_code == 0, result.stderr
    files = {f["path"]: f["attributions"] for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"draft.md", "page.html"}  # a directory, walked as check walks it
    cues = {path: [a["cue"]["text"] for a in found] for path, found in files.items()}
    assert cues == {"draft.md": ["told"], "page.html": ["said"]}  # no script, nav, comment
    (told,) = files["draft.md"]
    assert told["recipient"] is None  # told our own outlet: first-hand (own-outlet)
    check = run(runner, "check", "-f", "json", "--config", "ours.toml", "draft.md")
    assert json.loads(check.stdout)["files"][0]["findings"] == []


def test_rule_reference_is_generated_and_current(runner, registry):
    generated = run(runner, "rules", "--format", "markdown").stdout
    assert generated == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), (
        "docs/rules.md is stale: run `sourcelint rules --format markdown > docs/rules.md`"
    )
    for rule in registry.rules:
        assert f"## {rule.code} {rule.name}" in generated


def test_own_outlet_is_not_second_hand(runner, tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(
        "The senator told The Huffington Post that she would run. She also told Reuters so.\n"
    )
    monkeypatch.chdir(tmp_path)
    before = json.loads(run(runner, "check", "-f", "json", "--select", "SL201", "a.md").stdout)
    assert [f["text"] for f in before["files"][0]["findings"]] == [
        "told The Huffington Post",
        "told Reuters",
    ]
    (tmp_path / "sourcelint.toml").write_text('own-outlet = ["The Huffington Post", "HuffPost"]\n')
    after = json.loads(run(runner, "check", "-f", "json", "--select", "SL201", "a.md").stdout)
    assert [f["text"] for f in after["files"][0]["findings"]] == ["told Reuters"]


def test_stdin_filename_chooses_the_markdown_reader(runner):
    draft = "# Title\n\n```\nThe rebels reportedly advanced.\n```\n\nTwo aides **said** so.\n"
    args = ("check", "-f", "json", "-", "--stdin-filename", "drafts/story.md")
    findings = json.loads(run(runner, *args, stdin=draft).stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"], f["text"]) for f in findings] == [("SL102", 7, "Two aides")]


def test_html_comment_suppression_with_reason(runner, tmp_path, monkeypatch):
    (tmp_path / "story.html").write_text(
        "<body><!-- sourcelint-disable SL204 -- confirmed by the desk -->"
        "<p>The rebels reportedly advanced.</p><!-- sourcelint-enable --></body>\n"
    )
    monkeypatch.chdir(tmp_path)
    entry = json.loads(run(runner, "check", "-f", "json", "--show-suppressed", "story.html").stdout)
    files = entry["files"][0]
    assert files["findings"] == []
    assert [(s["code"], s["reason"]) for s in files["suppressed"]] == [
        ("SL204", "confirmed by the desk")
    ]


def test_reader_settings_end_to_end(runner, tmp_path, monkeypatch):
    (tmp_path / "sourcelint.toml").write_text(
        '[readers]\nfront-matter-fields = ["title"]\nhtml-skip = [".promo"]\n'
        'line-marker = "lint: off="\n'
    )
    (tmp_path / "a.md").write_text('---\ntitle: "Rebels reportedly advance"\n---\n\nText.\n')
    (tmp_path / "b.html").write_text(
        '<body><p class="promo">The rebels reportedly advanced.</p>'
        "<nav>Two aides said so.</nav></body>"
    )
    (tmp_path / "c.txt").write_text("The rebels reportedly advanced. lint: off=SL204\n")
    monkeypatch.chdir(tmp_path)
    document = json.loads(run(runner, "check", "-f", "json", ".").stdout)
    found = {f["path"]: [(x["code"], x["line"]) for x in f["findings"]] for f in document["files"]}
    # The title is linted; .promo is skipped while nav, no longer in the skip list, is not;
    # the custom marker suppresses.
    assert found == {"a.md": [("SL204", 2)], "b.html": [("SL102", 1)], "c.txt": []}


def test_broken_markup_is_a_warning_naming_file_and_line(runner, tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("Intro.\n\n```\nThe rebels reportedly advanced.\n")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "a.md")
    assert result.exit_code == 0
    assert "warning: a.md:3:" in result.stderr


def test_config_command_shows_values_and_their_files(runner, tmp_path, monkeypatch):
    (tmp_path / "base.toml").write_text('ignore = ["SL305"]\n')
    (tmp_path / "sourcelint.toml").write_text('extend = "base.toml"\nfail-on = "error"\n')
    (tmp_path / "a.md").write_text("Text.\n")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "config", "a.md")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith('ignore = ["SL305"]') and "base.toml" in line for line in lines)
    assert any(line.startswith('fail-on = "error"') and "sourcelint.toml" in line for line in lines)
    (tmp_path / "sourcelint.toml").write_text('extend = "missing.toml"\n')
    broken = run(runner, "config", "a.md")
    assert broken.exit_code == 2 and "key 'extend'" in broken.stderr


def test_version_starts_without_the_linting_machinery():
    """--version, like --help, loads the command line alone: no config, engine or run."""
    probe = (
        "import sys\n"
        "sys.argv = ['sourcelint', '--version']\n"
        "from sourcelint.cli.app import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('sourcelint.engine', 'sourcelint.run', 'sourcelint.config', 'spacy')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [f"sourcelint {__version__}", "[]"]


POLLS = "Polls show that the mayor is losing ground.\n"


def test_an_opt_in_rule_runs_when_a_config_or_the_command_line_names_it(
    runner, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    Path("draft.txt").write_text(POLLS, encoding="utf-8")

    def codes(*args: str) -> list[str]:
        result = run(runner, "check", "-f", "json", "--exit-zero", "--pipeline", "fast", *args)
        return [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]

    assert "SL108" not in codes("draft.txt")
    assert "SL108" not in codes("--select", "SL1", "draft.txt")  # a prefix: not named
    assert "SL108" in codes("--extend-select", "SL108", "draft.txt")
    assert "SL108" in codes("--select", "unnamed-poll", "draft.txt")
    Path(".sourcelint.toml").write_text('extend-select = ["SL108"]\n', encoding="utf-8")
    assert "SL108" in codes("draft.txt")


def test_an_opt_in_rule_says_so_wherever_its_metadata_is_shown(runner):
    text = run(runner, "rules").stdout
    assert any(
        line.startswith("SL108 ") and line.endswith("(opt-in)") for line in text.splitlines()
    )
    records = {rule["code"]: rule for rule in json.loads(run(runner, "rules", "-f", "json").stdout)}
    assert records["SL108"]["opt_in"] is True and records["SL105"]["opt_in"] is False
    assert "Opt-in: runs only when selected" in run(runner, "explain", "SL108").stdout
    sarif = json.loads(run(runner, "check", "-f", "sarif", "--exit-zero", str(SEED)).stdout)
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["SL108"]["defaultConfiguration"] == {"level": "note", "enabled": False}
    assert rules["SL105"]["defaultConfiguration"] == {"level": "warning"}


@pytest.mark.parametrize("args", [["rules"], ["explain", "SL102"], ["explain", "E101"], ["clean"]])
def test_commands_that_analyse_nothing_never_import_spacy(args, tmp_path):
    code = (
        "import sys\n"
        "from sourcelint.cli.app import main\n"
        f"sys.argv = ['sourcelint', *{args!r}]\n"
        "try:\n    main()\n"
        "except SystemExit as stop:\n    assert stop.code in (0, None), stop.code\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
