"""``sourcelint audit``: one archive gives the same sums whatever engine lints it and
however often it is interrupted; broken records are listed, never fatal; nothing in the
output folder is overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_registry import CUSTOM_PACK
from typer.testing import CliRunner

from sourcelint.audit import runner as runner_module
from sourcelint.audit import store as store_module
from sourcelint.audit.runner import AuditRequest, run_audit
from sourcelint.cli.app import app

from conftest import audit_sums


@pytest.fixture(scope="module")
def archive(tmp_path_factory, archive_module) -> Path:
    path = tmp_path_factory.mktemp("archive") / "news.jsonl"
    archive_module.write_jsonl(path, 240, seed=3)
    return path


def audit(inputs: list[Path], out: Path, **options: object) -> dict[str, int]:
    request = AuditRequest(
        inputs=tuple(inputs), out=out, pipeline="fast", chunk_articles=40, **options
    )
    return run_audit(request)


def refused(out: Path) -> list[dict[str, str]]:
    """The records an audit listed in errors.jsonl."""
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def baseline(archive, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("audit") / "here"
    assert audit([archive], out, processes=1) == {"articles": 240, "errors": 0}
    return out


def test_a_row_per_article_and_sums_per_outlet_author_and_month(baseline, archive):
    import pyarrow.parquet as pq

    rows = pq.read_table(baseline / "articles.parquet").to_pylist()
    records = [json.loads(line) for line in archive.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    assert rows[0]["outlet"] == records[0]["outlet"]
    assert rows[0]["words"] == len(records[0]["text"].split())
    assert sum(row["attributions"] for row in rows) > 240  # the generator attributes a lot
    summary = json.loads((baseline / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 240
    assert summary["by_kind"]["anonymous"] == sum(row["kind_anonymous"] for row in rows)
    outlets = (baseline / "by_outlet.csv").read_text(encoding="utf-8").splitlines()
    assert len(outlets) == 1 + len({record["outlet"] for record in records})
    months = (baseline / "by_month.csv").read_text(encoding="utf-8").splitlines()
    assert months[1].startswith("2024-01,")
    assert (baseline / "articles.csv").read_text(encoding="utf-8").count("\n") == 241
    assert (baseline / "report.html").is_file()


def test_a_pool_gives_the_sums_of_one_process(baseline, archive, tmp_path):
    audit([archive], tmp_path / "pool", processes=2)
    assert audit_sums(tmp_path / "pool") == audit_sums(baseline)


def test_dask_gives_the_sums_of_one_process(baseline, archive, tmp_path):
    pytest.importorskip("distributed")
    audit([archive], tmp_path / "dask", engine="dask", processes=2)
    assert audit_sums(tmp_path / "dask") == audit_sums(baseline)


def test_an_interrupted_audit_resumes_where_it_stopped(baseline, archive, tmp_path, monkeypatch):
    out = tmp_path / "resumed"
    saved = store_module.AuditStore.save
    calls: list[int] = []

    def save_then_stop(self, result):
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl-C after three chunks
        calls.append(result.number)
        saved(self, result)

    monkeypatch.setattr(store_module.AuditStore, "save", save_then_stop)
    with pytest.raises(KeyboardInterrupt):
        audit([archive], out, processes=1)
    monkeypatch.setattr(store_module.AuditStore, "save", saved)
    linted: list[int] = []
    real = runner_module.lint_chunks

    def counting(chunks, *args, **kwargs):
        for result in real(chunks, *args, **kwargs):
            linted.append(result.number)
            yield result

    monkeypatch.setattr(runner_module, "lint_chunks", counting)
    audit([archive], out, processes=1, resume=True)
    assert sorted(linted) == [3, 4, 5]  # the three chunks done are not linted again
    assert audit_sums(out) == audit_sums(baseline)
    ids = [line.split(",")[1] for line in (out / "articles.csv").read_text().splitlines()[1:]]
    assert len(ids) == len(set(ids)) == 240


def test_broken_records_are_listed_never_fatal(tmp_path, archive_module):
    source = tmp_path / "mixed.jsonl"
    good = list(archive_module.articles(5, seed=1))
    broken = archive_module.bad_rows()
    lines = [json.dumps(r) for r in [good[0], *broken, good[1]]]
    lines.insert(2, "{not json")
    latin1 = json.dumps({"id": "latin-1", "text": "caf\u00e9"}, ensure_ascii=False)
    source.write_bytes(("\n".join(lines) + "\n").encode() + latin1.encode("latin-1") + b"\n")
    counts = audit([source], tmp_path / "out", processes=1)
    assert counts == {"articles": 2, "errors": len(broken) + 2}  # and two lines not JSON
    errors = refused(tmp_path / "out")
    reasons = {error["id"]: error["reason"] for error in errors}
    assert reasons["bad-no-text"] == "no text (field 'text')"
    assert reasons["bad-text-number"] == "text is not a string but int"
    assert reasons["bad-text-list"] == "text is not a string but list"
    assert reasons["bad-empty-text"] == "empty text"
    assert "1,048,576-byte limit" in reasons["bad-huge-text"]
    assert any(e["id"] is None and e["reason"].startswith("not a JSON object") for e in errors)
    assert {
        "input": f"{source}:10",
        "id": None,
        "reason": "not valid UTF-8: byte 0xe9 at column 31",
    } in errors
    assert all(error["input"].startswith(str(source)) for error in errors)


def test_the_same_archive_as_parquet_and_as_a_folder(tmp_path, archive_module):
    archive_module.write_jsonl(tmp_path / "a.jsonl", 60, seed=2)
    archive_module.write_parquet(tmp_path / "a.parquet", 60, seed=2, row_group_size=7)
    audit([tmp_path / "a.jsonl"], tmp_path / "from-jsonl", processes=1)
    audit([tmp_path / "a.parquet"], tmp_path / "from-parquet", processes=1)
    assert audit_sums(tmp_path / "from-parquet") == audit_sums(tmp_path / "from-jsonl")
    archive_module.write_directory(tmp_path / "folder", 12, seed=2)
    assert audit([tmp_path / "folder"], tmp_path / "from-folder", processes=1) == {
        "articles": 12,
        "errors": 0,
    }


def test_fields_named_otherwise_are_read(tmp_path):
    source = tmp_path / "renamed.jsonl"
    record = {"body": "A senior official said the talks had stalled.", "paper": "The Ledger"}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["audit", str(source), "--out", str(tmp_path / "out"), "--pipeline", "fast", "-j", "1",
         "--field", "text=body", "--field", "outlet=paper"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        (tmp_path / "out" / "by_outlet.csv").read_text().splitlines()[1].startswith("The Ledger,")
    )
    bad = CliRunner().invoke(app, ["audit", str(source), "--out", "x", "--field", "body"])
    assert bad.exit_code == 2
    assert "NAME=FIELD" in bad.output


def test_nothing_in_the_output_folder_is_overwritten(tmp_path, archive):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(archive), "--out", str(out)])
    assert result.exit_code == 2
    assert "error[E601]" in result.stderr and "not empty" in result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_a_resume_with_other_options_is_refused(tmp_path, archive):
    out = tmp_path / "out"
    audit([archive], out, processes=1, max_article_bytes=2_000_000)
    with pytest.raises(Exception, match="max_article_bytes") as raised:
        audit([archive], out, processes=1, resume=True)
    assert getattr(raised.value, "code", None) == "E601"


def test_an_input_that_is_no_archive_is_refused(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    for name, reason in (("missing.jsonl", "no such file"), ("data.csv", "not an archive")):
        result = CliRunner().invoke(app, ["audit", str(tmp_path / name), "--out", "o"])
        assert result.exit_code == 2
        assert reason in result.stderr


def test_progress_is_plain_lines_off_a_terminal(monkeypatch):
    import io

    from sourcelint.audit import progress as progress_module

    monkeypatch.setattr(progress_module, "PLAIN_EVERY", 0.0)
    stream = io.StringIO()
    with progress_module.AuditProgress(400, stream) as progress:
        progress.advance(100)
    line = stream.getvalue().splitlines()[0]
    assert line.startswith("audit: 100/400 articles (25%), ")
    assert "/s, ETA " in line


def test_a_generated_archive_of_20000_articles_audits(tmp_path, archive_module):
    source = tmp_path / "big.jsonl"
    archive_module.write_jsonl(source, 20_000, seed=7)
    result = CliRunner().invoke(
        app, ["audit", str(source), "--out", str(tmp_path / "out"), "--pipeline", "fast"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 20_000 and summary["errors"] == 0
    assert summary["by_kind"]["anonymous"] > 0 and summary["by_kind"]["outlet"] > 0


def test_without_the_audit_extra_it_says_what_to_install(tmp_path, archive, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a)
    )
    result = CliRunner().invoke(app, ["audit", str(archive), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "pip install 'sourcelint[audit]'" in result.stderr
    assert not (tmp_path / "o").exists()


def test_progress_is_a_bar_with_rate_and_time_left_on_a_terminal():
    import io

    from sourcelint.audit.progress import AuditProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with AuditProgress(400, stream) as progress:
        progress.advance(100)
    shown = stream.getvalue()
    assert "100/400" in shown and "articles/s" in shown and "ETA" in shown
    # Counted ahead (blank lines too), the total is what was done once the audit is.
    assert shown.rindex("100/100") > shown.rindex("100/400")
    stream = Terminal()
    with pytest.raises(KeyboardInterrupt), AuditProgress(400, stream) as progress:
        progress.advance(100)
        raise KeyboardInterrupt
    assert "100/100" not in stream.getvalue()  # an interrupted audit is not shown done


def test_a_parquet_row_that_is_not_utf8_is_listed_and_the_others_read(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [
        b"A senior official said the talks had stalled.",
        b"caf\xe9 said",
        b"Two aides said so.",
    ]
    table = pa.table({"id": ["a", "b", "c"], "text": pa.array(texts, pa.binary())})
    table = table.set_column(1, "text", table["text"].cast(pa.string(), safe=False))
    pq.write_table(table, tmp_path / "a.parquet")
    assert audit([tmp_path / "a.parquet"], tmp_path / "out", processes=1) == {
        "articles": 2,
        "errors": 1,
    }
    (error,) = refused(tmp_path / "out")
    assert error["input"].endswith("a.parquet:2")


def test_an_archive_changed_since_is_not_resumed(tmp_path, archive_module):
    source = tmp_path / "a.jsonl"
    archive_module.write_jsonl(source, 30, seed=1)
    audit([source], tmp_path / "out", processes=1)
    archive_module.write_jsonl(source, 31, seed=1)  # an article more: chunks would shift
    with pytest.raises(Exception, match="fingerprints"):
        audit([source], tmp_path / "out", processes=1, resume=True)


def test_a_resume_with_other_settings_or_other_refused_files_is_refused(tmp_path, archive_module):
    folder = tmp_path / "site"
    archive_module.write_directory(folder, 6, seed=1)
    out = tmp_path / "out"
    audit([folder], out, processes=1)
    (folder / "sourcelint.toml").write_text('ignore = ["SL101"]\n', encoding="utf-8")
    with pytest.raises(Exception, match="settings"):
        audit([folder], out, processes=1, resume=True)
    (folder / "sourcelint.toml").unlink()
    audit([folder], out, processes=1, resume=True)  # as it was: resumed
    (folder / "guide.rst").write_text("Guide\n=====\n", encoding="utf-8")  # a refused record
    with pytest.raises(Exception, match="fingerprints"):
        audit([folder], out, processes=1, resume=True)


def test_a_file_reached_twice_is_audited_once(tmp_path, archive_module):
    folder = tmp_path / "site"
    archive_module.write_directory(folder, 6, seed=1)
    (folder / "guide.rst").write_text("Guide\n=====\n", encoding="utf-8")
    inner = next(path for path in folder.iterdir() if path.is_dir())
    counts = audit([folder, folder, inner, next(inner.iterdir())], tmp_path / "out", processes=1)
    assert counts == {"articles": 6, "errors": 1}


def test_an_audit_inside_the_archive_is_not_read_as_articles(tmp_path, archive_module):
    folder = tmp_path / "site"
    archive_module.write_directory(folder, 6, seed=1)
    audit([folder], folder / "audit-2025", processes=1)  # report.html is an HTML file
    assert audit([folder], tmp_path / "again", processes=1) == {"articles": 6, "errors": 0}


def test_an_article_named_alone_is_read_as_its_config_says(tmp_path):
    import pyarrow.parquet as pq

    story = tmp_path / "notes.story"
    story.write_text("Aides reportedly agreed, a senior official said.", encoding="utf-8")
    (tmp_path / "sourcelint.toml").write_text(
        '[readers]\nextensions = { ".story" = "plain" }\n', encoding="utf-8"
    )
    assert audit([story], tmp_path / "out", processes=1) == {"articles": 1, "errors": 0}
    assert pq.read_table(tmp_path / "out" / "articles.parquet")["id"].to_pylist() == ["notes.story"]


def test_the_json_line_limit_leaves_out_the_line_ending(tmp_path):
    from sourcelint.audit.inputs import JSONL_LINE_FACTOR, JSONL_LINE_SLACK

    limit = 10 * JSONL_LINE_FACTOR + JSONL_LINE_SLACK
    record = {"id": "exact", "text": ""}
    record["text"] = "x" * (limit - len(json.dumps(record)))
    line = json.dumps(record)
    assert len(line) == limit
    source = tmp_path / "crlf.jsonl"
    source.write_bytes(line.encode() + b"\r\n" + line.encode() + b"x\r\n")
    assert audit([source], tmp_path / "out", processes=1, max_article_bytes=10)["errors"] == 2
    first, second = refused(tmp_path / "out")
    assert first["id"] == "exact" and "10-byte limit" in first["reason"]  # read, then refused
    assert second["reason"].startswith(f"line over {limit:,} bytes")


def test_an_out_that_is_a_file_is_an_error_not_a_crash(tmp_path, archive):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(archive), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "error[E601]" in result.stderr


def test_a_missing_model_stops_the_audit_and_marks_no_chunk_done(tmp_path, archive, monkeypatch):
    from sourcelint.audit import chunks as chunks_module
    from sourcelint.core.errors import PipelineError
    from sourcelint.run.worker import Outcome

    def no_model(self, jobs):  # what the worker reports for each file without the model
        return [Outcome(error=PipelineError("model 'x' is not installed")) for _ in jobs]

    monkeypatch.setattr(chunks_module.Worker, "lint", no_model)
    result = CliRunner().invoke(
        app, ["audit", str(archive), "--out", str(tmp_path / "o"), "-j", "1", "--pipeline", "parse"]
    )
    assert result.exit_code == 2
    assert "error[E401]" in result.stderr
    assert not list((tmp_path / "o" / "parts").glob("rows-*"))


def test_ids_with_lone_surrogates_and_json_nested_too_deep_are_no_crash(tmp_path):
    source = tmp_path / "odd.jsonl"
    article = "A senior official said the talks had stalled."
    lines = [
        json.dumps({"id": "caf\udce9", "outlet": "Le \ud800 Monde", "text": article}),
        "[" * 100_000 + "]" * 100_000,  # json.loads: RecursionError
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert audit([source], tmp_path / "out", processes=1) == {"articles": 1, "errors": 1}
    row = (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8").splitlines()[1]
    assert '"caf\\xe9","Le \\ud800 Monde"' in row  # shown escaped, as check shows file names
    (error,) = refused(tmp_path / "out")
    assert error["reason"].startswith("not a JSON object")


def rule_totals(out: Path) -> dict[str, int]:
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return {code: count for code, count in summary["by_rule"].items() if count}


def test_the_config_beside_the_archive_applies_wherever_the_audit_runs(
    tmp_path, archive, monkeypatch
):
    plain = tmp_path / "plain"
    audit([archive], plain, processes=1)
    fired = sorted(rule_totals(plain))
    assert len(fired) >= 2
    desk = tmp_path / "desk"
    desk.mkdir()
    copy = desk / "news.jsonl"
    copy.write_bytes(archive.read_bytes())
    (desk / "packs").mkdir()
    house = CUSTOM_PACK.replace("[sources say]", "[senior official]")  # the archive has it
    (desk / "packs" / "house.toml").write_text(house, encoding="utf-8")
    (desk / "sourcelint.toml").write_text(
        f'ignore = ["{fired[0]}"]\nextend-rules = ["packs"]\n', encoding="utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "sourcelint.toml").write_text(f'ignore = ["{fired[1]}"]\n', encoding="utf-8")
    monkeypatch.chdir(elsewhere)  # the working directory's config is not the archive's
    audit([copy], tmp_path / "configured", processes=2)
    totals = rule_totals(tmp_path / "configured")
    assert fired[0] not in totals
    assert totals[fired[1]] == rule_totals(plain)[fired[1]]
    assert totals["XY101"] > 0  # the pack beside the archive: a column of its own


def test_a_folder_is_walked_as_check_walks_it(tmp_path, archive_module):
    import pyarrow.parquet as pq

    folder = tmp_path / "site"
    archive_module.write_directory(folder, 12, seed=5)
    names = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.*"))
    drafts = folder / "drafts"
    drafts.mkdir()
    (drafts / "unfinished.txt").write_text("Officials reportedly said so.", encoding="utf-8")
    (folder / "old.txt").write_text("A source said it was over.", encoding="utf-8")
    (folder / "notes.story").write_text("Aides reportedly agreed.", encoding="utf-8")
    (folder / "guide.rst").write_text("Guide\n=====\n", encoding="utf-8")
    (folder / "sourcelint.toml").write_text(
        'extend-exclude = ["drafts/"]\n[readers]\nextensions = { ".story" = "plain" }\n',
        encoding="utf-8",
    )
    (folder / ".gitignore").write_text("old.txt\n", encoding="utf-8")
    (folder / ".git").mkdir()
    counts = audit([folder], tmp_path / "out", processes=1)
    ids = pq.read_table(tmp_path / "out" / "articles.parquet").column("id").to_pylist()
    assert sorted(ids) == sorted([*names, "notes.story"])
    (skipped,) = refused(tmp_path / "out")
    assert skipped["input"].endswith("guide.rst")
    assert "not read by sourcelint" in skipped["reason"]
    assert counts == {"articles": len(names) + 1, "errors": 1}


def test_a_json_line_too_long_is_refused_unread_and_the_next_is_read(tmp_path):
    source = tmp_path / "long.jsonl"
    article = "A senior official said the talks had stalled."
    huge = json.dumps({"id": "huge", "text": "word " * 220_000})  # 1.1 MB of JSON
    lines = [huge, json.dumps({"id": "after", "text": article})]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = audit([source], tmp_path / "out", processes=1, max_article_bytes=1_000)
    assert counts == {"articles": 1, "errors": 1}
    (error,) = refused(tmp_path / "out")
    assert error["input"].endswith("long.jsonl:1")
    assert error["reason"].startswith("line over 1,054,576 bytes")


def test_words_are_the_prose_a_reader_sees_not_the_markup(tmp_path):
    import pyarrow.parquet as pq

    folder = tmp_path / "pages"
    folder.mkdir()
    prose = "A senior official said the talks had stalled on Tuesday."
    attributes = " ".join(f'data-x{n}="a b c"' for n in range(20))
    (folder / "page.html").write_text(
        f"<html><head><title>t</title><style>p {{ color: red }}</style></head>"
        f"<body><p {attributes}>{prose}</p></body></html>",
        encoding="utf-8",
    )
    (folder / "page.md").write_text(f"# Talks\n\n{prose}\n", encoding="utf-8")
    audit([folder], tmp_path / "out", processes=1)
    words = dict(
        zip(
            *pq.read_table(tmp_path / "out" / "articles.parquet", columns=["id", "words"])
            .to_pydict()
            .values(),
            strict=True,
        )
    )
    assert words["page.md"] == len(prose.split()) + 1  # and the heading's word
    assert words["page.html"] == len(prose.split())


def test_a_broken_config_in_the_archive_stops_the_audit_naming_file_and_key(tmp_path):
    folder = tmp_path / "site"
    (folder / "desk").mkdir(parents=True)
    (folder / "a.txt").write_text("A senior official said so.", encoding="utf-8")
    (folder / "desk" / "b.txt").write_text("Aides reportedly agreed.", encoding="utf-8")
    (folder / "desk" / "sourcelint.toml").write_text('pipeline = "slow"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(folder), "--out", str(out), "-j", "1"])
    assert result.exit_code == 2
    assert "desk/sourcelint.toml" in result.stderr
    assert "pipeline" in result.stderr
    assert not out.exists()


def test_a_linter_built_afresh_when_its_vocabulary_is_full_gives_the_same_audit_sums(
    baseline, archive, tmp_path, monkeypatch
):
    from sourcelint.audit import chunks as chunks_module

    renewals = []
    renew = chunks_module.ChunkLinter.renew

    def counted(self):
        before = self.worker.strings_known()
        renew(self)
        renewals.append((before, self.worker.strings_known()))

    monkeypatch.setattr(chunks_module, "RENEW_STRINGS", 100)
    monkeypatch.setattr(chunks_module.ChunkLinter, "renew", counted)
    audit([archive], tmp_path / "renewed", processes=1)
    assert len(renewals) == 6  # after each of the six chunks of 40
    assert all(after < before - 100 for before, after in renewals)  # the words are gone
    assert audit_sums(tmp_path / "renewed") == audit_sums(baseline)
