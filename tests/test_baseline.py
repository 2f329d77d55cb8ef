"""Baselines: record an archive's findings once, then report only new ones."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.core.errors import ConfigError
from sourcelint.core.results import FileResult
from sourcelint.filters.baseline import build_baseline, filter_with_baseline, load_baseline

BASELINE = ".sourcelint-baseline.json"
RULES = "SL102"  # anonymous sources only: keeps the counts independent of other rules
OLD = "The deal is off, two aides said."
NEW = "A senior official said the talks had stalled."
CLEAN = "The mayor said the budget was late."
STALE = "baseline entry no longer matches: rerun the same command with --write-baseline"


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """An article with one anonymous source, in the current directory."""
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(f"{CLEAN}\n\n{OLD}\n", encoding="utf-8")
    return article


def run(runner: CliRunner, *args: str):
    return runner.invoke(app, ["check", "--select", RULES, *args], catch_exceptions=False)


def write(runner: CliRunner, *paths: str):
    return run(runner, "--write-baseline", BASELINE, *(paths or ("article.txt",)))


def check(runner: CliRunner, *args: str):
    return run(runner, "--baseline", BASELINE, *(args or ("article.txt",)))


def entries(tmp_path) -> list[dict[str, object]]:
    return json.loads((tmp_path / BASELINE).read_text(encoding="utf-8"))["entries"]


def test_without_a_baseline_the_finding_fails(runner, archive):
    result = run(runner, "article.txt")
    assert result.exit_code == 1
    assert "article.txt:3:18: SL102" in result.stdout


def test_round_trip_reports_nothing(runner, archive, tmp_path):
    written = write(runner)
    assert written.exit_code == 0
    assert f"Wrote 1 finding to {BASELINE}" in written.stderr
    assert "SL102" not in written.stdout
    document = json.loads((tmp_path / BASELINE).read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert document["tool"] == "sourcelint"
    [entry] = document["entries"]
    assert entry["path"] == "article.txt"
    assert entry["code"] == "SL102"
    assert entry["text"] == "two aides"
    assert entry["count"] == 1
    assert len(entry["fingerprint"]) == 16

    checked = check(runner)
    assert checked.exit_code == 0, checked.stdout
    assert "SL102" not in checked.stdout
    assert checked.stdout.strip() == "No findings in 1 file."
    assert "no longer match" not in checked.stderr


def test_json_report_lists_baselined_findings_as_suppressed(runner, archive):
    write(runner)
    result = check(runner, "--format", "json", "--show-suppressed", "article.txt")
    assert result.exit_code == 0
    [file] = json.loads(result.stdout)["files"]
    assert file["findings"] == []
    assert [(s["code"], s["reason"]) for s in file["suppressed"]] == [("SL102", "baseline")]


def test_an_edit_above_a_baselined_finding_keeps_it_suppressed(runner, archive):
    write(runner)
    archive.write_text(
        f"Headline added later\n\nA new first paragraph about the budget.\n\n{CLEAN}\n\n{OLD}\n",
        encoding="utf-8",
    )
    result = check(runner)
    assert result.exit_code == 0, result.stdout
    assert "SL102" not in result.stdout


def test_a_finding_moved_to_another_paragraph_stays_suppressed(runner, archive):
    write(runner)
    # The sentence now opens the article and sits in a different paragraph.
    archive.write_text(f"{OLD}\n\n{CLEAN}\n\nThe council meets on Tuesday.\n", encoding="utf-8")
    result = check(runner)
    assert result.exit_code == 0, result.stdout
    assert "SL102" not in result.stdout


def test_a_new_finding_is_reported(runner, archive):
    write(runner)
    archive.write_text(f"{CLEAN}\n\n{OLD}\n\n{NEW}\n", encoding="utf-8")
    result = check(runner)
    assert result.exit_code == 1
    assert "article.txt:5:1: SL102" in result.stdout
    assert "'A senior official'" in result.stdout
    assert "'two aides'" not in result.stdout
    assert "Found 1 finding" in result.stdout


def test_a_second_identical_finding_needs_its_own_entry(runner, archive):
    write(runner)
    archive.write_text(f"{OLD}\n\n{CLEAN}\n\n{OLD}\n", encoding="utf-8")
    result = check(runner)
    assert result.exit_code == 1
    assert "Found 1 finding" in result.stdout

    write(runner)
    [entry] = entries(archive.parent)
    assert entry["count"] == 2
    assert check(runner).exit_code == 0


def test_a_removed_finding_is_stale_and_rewriting_prunes_it(runner, archive, tmp_path):
    write(runner)
    archive.write_text(f"{CLEAN}\n", encoding="utf-8")
    result = check(runner)
    assert result.exit_code == 0
    assert f"1 {STALE}" in result.stdout  # the text summary
    assert f"1 {STALE}" in result.stderr

    quiet = check(runner, "--quiet", "article.txt")
    assert STALE not in quiet.stdout
    assert STALE in quiet.stderr

    rewritten = write(runner)
    assert rewritten.exit_code == 0
    assert f"Wrote 0 findings to {BASELINE}" in rewritten.stderr
    assert entries(tmp_path) == []
    again = check(runner)
    assert "no longer match" not in again.stdout + again.stderr


def test_stale_counts_only_files_linted_or_gone(runner, archive, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(f"{NEW}\n", encoding="utf-8")
    gone = tmp_path / "gone.txt"
    gone.write_text(f"{OLD}\n", encoding="utf-8")
    write(runner, "article.txt", "other.txt", "gone.txt")
    assert len(entries(tmp_path)) == 3
    gone.unlink()
    # Linting one file (as a pre-commit hook does) does not call other.txt's entry stale;
    # the deleted file's entry is.
    result = check(runner, "article.txt")
    assert result.exit_code == 0
    assert f"1 {STALE}" in result.stderr


def test_baseline_file_is_sorted_and_stable(runner, archive, tmp_path):
    (tmp_path / "b.txt").write_text(f"{NEW}\n\n{OLD}\n", encoding="utf-8")
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / "a.txt").write_text(f"{OLD}\n", encoding="utf-8")
    write(runner, ".")
    path = tmp_path / BASELINE
    first = path.read_bytes()
    assert first.endswith(b"}\n")
    assert b"\r\n" not in first
    assert first.decode("utf-8") == json.dumps(json.loads(first), indent=2, sort_keys=True) + "\n"
    keys = [(e["path"], e["code"], e["fingerprint"]) for e in entries(tmp_path)]
    assert keys == sorted(keys)
    assert [k[0] for k in keys] == ["article.txt", "b.txt", "b.txt", "desk/a.txt"]

    assert write(runner, ".").exit_code == 0
    assert path.read_bytes() == first


def test_interrupted_write_leaves_the_old_file_intact(runner, archive, tmp_path, monkeypatch):
    write(runner)
    path = tmp_path / BASELINE
    before = path.read_bytes()
    archive.write_text(f"{CLEAN}\n\n{OLD}\n\n{NEW}\n", encoding="utf-8")

    def broken_replace(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = write(runner)
    assert result.exit_code == 2
    assert f"{BASELINE}: cannot write the baseline: No space left on device" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([BASELINE, "article.txt"])


def test_interrupt_during_write_removes_the_temp_file(runner, archive, tmp_path, monkeypatch):
    write(runner)
    path = tmp_path / BASELINE
    before = path.read_bytes()

    class Interrupted(Exception):
        """Stands in for a signal or crash in the middle of the write."""

    def interrupted(fd: int) -> None:
        raise Interrupted

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(Interrupted):
        write(runner)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([BASELINE, "article.txt"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "malformed baseline"),
        ('["a list"]', "expected a JSON object"),
        ('{"version": 2, "tool": "sourcelint", "entries": []}', "unsupported baseline version"),
        ('{"version": 1, "entries": [{"path": "a.txt"}]}', "entry 1 needs"),
        (
            '{"version": 1, "entries": [{"path": "a", "code": "SL1", "fingerprint": "f", '
            '"count": 0}]}',
            "entry 1 needs",
        ),
    ],
)
def test_malformed_baseline_is_an_error_naming_the_file(runner, archive, content, message):
    (archive.parent / BASELINE).write_text(content, encoding="utf-8")
    result = check(runner)
    assert result.exit_code == 2
    assert f"error[E101]: {BASELINE}: " in result.stderr
    assert message in result.stderr
    assert result.stdout == ""


def test_missing_baseline_is_an_error_naming_the_file(runner, archive):
    result = check(runner)
    assert result.exit_code == 2
    assert f"error[E201]: {BASELINE}: baseline file not found" in result.stderr


def test_baseline_and_write_baseline_together_are_refused(runner, archive):
    result = run(runner, "--baseline", "a.json", "--write-baseline", "b.json", "article.txt")
    assert result.exit_code == 2
    assert "either --baseline or --write-baseline" in result.stderr


def test_write_baseline_refuses_to_overwrite_a_linted_file(runner, archive):
    before = archive.read_bytes()
    result = run(runner, "--write-baseline", "article.txt", "article.txt")
    assert result.exit_code == 2
    assert archive.read_bytes() == before


def test_filter_with_baseline_directly(linter, registry, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rules = registry.resolve(("SL102",), (), ())
    text = f"{OLD}\n\n{OLD}\n"
    findings = linter.lint(text, rules).findings
    assert len(findings) == 2
    result = FileResult("desk\\a.txt", findings, text)
    baseline = build_baseline([FileResult("desk/a.txt", findings[:1], text)], tmp_path)
    filtered, stale = filter_with_baseline([result], baseline, tmp_path)
    assert [f.start for f in filtered[0].findings] == [findings[1].start]
    assert stale == 0
    _, stale = filter_with_baseline([FileResult("desk/a.txt", [], text)], baseline, tmp_path)
    assert stale == 1


def test_load_baseline_error_type(tmp_path):
    path = tmp_path / "b.json"
    path.write_text("[", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_baseline(path)
    assert raised.value.path == str(path)


def test_editing_the_heading_or_previous_paragraph_keeps_the_fingerprint():
    from sourcelint.core.findings import Category, Finding, Severity
    from sourcelint.core.fingerprint import fingerprint

    def finding_in(text: str) -> str:
        start = text.index("reportedly")
        f = Finding(
            "SL204",
            "reportedly",
            Category.UNSOURCED,
            Severity.WARNING,
            "m",
            1,
            1,
            1,
            1,
            start,
            start + 10,
            "reportedly",
        )
        return fingerprint(f, text)

    base = "# Rebels advance\n\nThe rebels reportedly advanced.\n"
    assert finding_in(base) == finding_in(
        "# Rebels advance on the capital\n\nThe rebels reportedly advanced.\n"
    )
    html = "<p>It rained Monday.</p><p>The rebels reportedly advanced.</p>"
    assert finding_in(html) == finding_in(html.replace("Monday", "Tuesday"))
    quoted = 'He said "it was over." The rebels reportedly advanced. Then it ended today.'
    assert finding_in(quoted) == finding_in(quoted.replace("today", "at noon"))
    assert finding_in(base) != finding_in(base.replace("The rebels", "The army"))


def test_writing_for_some_files_keeps_the_other_files_entries(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.txt").write_text(f"{OLD}\n")
    (tmp_path / "two.txt").write_text(f"{NEW}\n")
    write(runner, "one.txt", "two.txt")
    write(runner, "two.txt")
    assert sorted(entry["path"] for entry in entries(tmp_path)) == ["one.txt", "two.txt"]
    (tmp_path / "one.txt").unlink()
    write(runner, "two.txt")
    assert [entry["path"] for entry in entries(tmp_path)] == ["two.txt"]


def test_paths_are_relative_to_the_baseline_s_folder_from_any_directory(
    runner, tmp_path, monkeypatch
):
    desk = tmp_path / "content" / "desk"
    desk.mkdir(parents=True)
    (desk / "story.txt").write_text(f"{OLD}\n", encoding="utf-8")
    monkeypatch.chdir(desk)  # written from deep inside the project
    baseline = tmp_path / BASELINE
    written = run(runner, "--write-baseline", str(baseline), "story.txt")
    assert written.exit_code == 0
    assert [entry["path"] for entry in entries(tmp_path)] == ["content/desk/story.txt"]
    for where, named in ((tmp_path, "content"), (tmp_path / "content", "desk/story.txt")):
        monkeypatch.chdir(where)  # used from the root and from another folder
        checked = run(runner, "--baseline", str(baseline), named)
        assert checked.exit_code == 0, (where, checked.stdout)
        assert "no longer match" not in checked.stderr


def test_stale_advice_is_the_command_that_prunes(runner, archive, tmp_path):
    write(runner)
    archive.write_text(f"{CLEAN}\n", encoding="utf-8")
    checked = check(runner)
    assert f"1 {STALE} {BASELINE} in place of --baseline to prune." in checked.stderr
    pruned = write(runner)  # the same command, writing instead of reading
    assert pruned.exit_code == 0 and entries(tmp_path) == []


def test_the_profile_counts_only_findings_the_baseline_lets_through(runner, archive, tmp_path):
    write(runner)
    (tmp_path / "new.txt").write_text(f"{NEW}\n", encoding="utf-8")
    result = check(runner, "--format", "json", "--statistics", "article.txt", "new.txt")
    document = json.loads(result.stdout)
    by_file = {entry["path"]: entry["profile"]["by_rule"] for entry in document["files"]}
    assert by_file == {"article.txt": {}, "new.txt": {"SL102": 1}}
    assert document["summary"]["profile"]["by_rule"] == {"SL102": 1}
