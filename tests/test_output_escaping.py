"""Every output format is valid for any file name, message and text (issue 11): JSON
parses, XML is XML 1.0, SARIF URIs are percent-encoded, GitHub commands cannot be
injected, and text output shows control characters instead of sending them."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote_to_bytes

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from sourcelint.cli.app import app
from sourcelint.config import load_config
from sourcelint.config.show import describe_settings
from sourcelint.core.errors import ConfigError, InputError
from sourcelint.core.escapes import file_name_bytes, unsurrogate, visible
from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.positions import LineIndex
from sourcelint.core.results import FileResult, Report
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.formats import get_formatter
from sourcelint.formats.sarif import posix_path

SCHEMAS = Path(__file__).resolve().parent / "schemas"
# Characters that attack outputs: terminal controls (ESC, CSI, OSC, CR, backspace, C1,
# bidi), what ends a GitHub command (CR, LF, ::, %, commas), what XML 1.0 cannot carry
# (NUL, U+FFFE) and lone surrogates (a file name's undecodable bytes).
HOSTILE = (
    "\x1b", "\x1b[31m", "\x1b]8;;http://x\x07", "\x9b", "\r", "\n", "\r\n", "\x08", "\x00",
    "\x7f", "\x85", "\u202e", "\u2066", "\u2028", "\ufffe", "\uffff", "\udce9", "\ud800",
    "::", "::error ::", "%", "%0A", "%25", ",", ":", "\t", "&", "<", '"', "'", "\\", " ",
    "é", "中", "\U0001f600",
)  # fmt: skip
_CHUNKS = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4))
HOSTILE_TEXT = st.lists(_CHUNKS, min_size=1, max_size=8).map("".join)
# A linted file's text comes from strict UTF-8 decoding: no surrogates.
FILE_TEXT = HOSTILE_TEXT.map(lambda text: re.sub("[\ud800-\udfff]", "?", text) + " words")
# A terminal control (other than the newline ending each line) or an SGR colour code.
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*")


@st.composite
def finding_in(draw: st.DrawFn, text: str) -> Finding:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    severity = draw(st.sampled_from(list(Severity)))
    meta = RuleMeta(
        code=draw(st.sampled_from(["SL102", "SL304", "XY101"])),
        name="hostile-rule",
        category=Category.LOADED,
        severity=severity,
        summary="",
        message="",
        rationale="",
        fix="",
    )
    message, suggestion = draw(HOSTILE_TEXT), draw(st.none() | HOSTILE_TEXT)
    return meta.finding(text, LineIndex(text), (start, end), severity, message, suggestion)


@st.composite
def file_results(draw: st.DrawFn) -> FileResult:
    text = draw(FILE_TEXT)
    findings = draw(st.lists(finding_in(text), min_size=1, max_size=3))
    suppressed = [(finding, draw(st.none() | HOSTILE_TEXT)) for finding in findings[:1]]
    return FileResult(draw(HOSTILE_TEXT), findings, text, suppressed=suppressed)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    meta = RuleMeta(
        "SL304", "hostile-rule", Category.LOADED, Severity.WARNING, *draw(st.tuples(
            HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT
        )), standards=(draw(HOSTILE_TEXT),), link="https://example.org/a%20b",
    )  # fmt: skip
    errors = [InputError(draw(HOSTILE_TEXT), path=draw(HOSTILE_TEXT))]
    return Report(
        files=draw(
            st.lists(
                file_results(), min_size=1, max_size=2, unique_by=lambda r: unsurrogate(r.path)
            )
        ),
        errors=draw(st.sampled_from([[], errors])),
        version="0.1.0",
        statistics=draw(st.booleans()),
        show_suppressed=draw(st.booleans()),
        rules=[meta],
    )


def render(name: str, report: Report, *, color: bool = False) -> str:
    out = io.StringIO()
    get_formatter(name).write(report, out, color=color)
    text = out.getvalue()
    text.encode("utf-8")  # every format encodes: no lone surrogate is left
    return text


FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ------------------------------------------------------------------ JSON formats


@FUZZ
@given(report=reports())
def test_json_and_jsonl_parse_and_keep_every_path(report):
    document = json.loads(render("json", report))
    assert [entry["path"] for entry in document["files"]] == [
        unsurrogate(result.path) for result in report.files
    ]
    lines = render("jsonl", report).splitlines()  # any line break, as a tool may split
    assert len(lines) == len(report.findings)
    assert [json.loads(line)["message"] for line in lines] == [
        unsurrogate(finding.message) for finding in report.findings
    ]


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    if "properties" not in schema:
        schema["$ref"] = "#/definitions/Root"
    return jsonschema.Draft7Validator(schema)


@settings(
    FUZZ, suppress_health_check=[*FUZZ.suppress_health_check, HealthCheck.function_scoped_fixture]
)
@given(report=reports())
def test_sarif_is_valid_with_percent_encoded_uris(sarif_validator, report):
    document = json.loads(render("sarif", report))
    sarif_validator.validate(document)
    results = document["runs"][0]["results"]
    for result in results:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert _URI_CHARACTERS.fullmatch(location["uri"]), location["uri"]
    shown = [
        r
        for r in report.files
        for _ in r.findings + (r.suppressed if report.show_suppressed else [])
    ]
    for result, file in zip(results, shown, strict=True):
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        if "uriBaseId" in location:  # relative: the URI decodes to the file name's bytes
            assert unquote_to_bytes(location["uri"]) == file_name_bytes(posix_path(file.path))


@FUZZ
@given(report=reports())
def test_gitlab_is_json_with_the_paths_shown(report):
    issues = json.loads(render("gitlab", report))
    assert [issue["location"]["path"] for issue in issues] == [
        unsurrogate(posix_path(result.path)) for result in report.files for _ in result.findings
    ]
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


# ------------------------------------------------------------------ JUnit


@FUZZ
@given(report=reports())
def test_junit_is_well_formed_xml(report):
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(report.files) + len(report.errors)


# ------------------------------------------------------------------ GitHub


def _unescape(value: str, *, prop: bool) -> str:
    if prop:
        value = value.replace("%3A", ":").replace("%2C", ",")
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


_COMMAND = re.compile(r"::(error|warning|notice) ([^:\r\n]*)::([^\r\n]*)")


@FUZZ
@given(report=reports())
def test_github_commands_are_one_line_each_and_keep_their_data(report):
    lines = render("github", report).split("\n")
    assert lines.pop() == ""
    assert len(lines) == len(report.findings) + len(report.errors)
    findings = [(result.path, f) for result in report.files for f in result.findings]
    for line, (path, finding) in zip(lines, findings, strict=False):
        match = _COMMAND.fullmatch(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match.group(2).split(","))
        assert _unescape(properties["file"], prop=True) == unsurrogate(path)
        assert _unescape(match.group(3), prop=False) == unsurrogate(finding.message)


def test_github_neutralises_an_injected_command():
    finding = Finding(
        "SL102", "x", Category.ANONYMOUS, Severity.WARNING, "ok\n::error file=x::pwned\r%",
        1, 1, 1, 2, 0, 1, "A",
    )  # fmt: skip
    report = Report(files=[FileResult("a::b,c\n::warning ::d.md", [finding], "A")])
    assert render("github", report) == (
        "::warning file=a%3A%3Ab%2Cc%0A%3A%3Awarning %3A%3Ad.md,line=1,col=1,endLine=1,"
        "endColumn=2,title=SL102 x::ok%0A::error file=x::pwned%0D%25\n"
    )


# ------------------------------------------------------------------ text and concise


def _terminal_text(output: str) -> str:
    """The output with sourcelint's own colour codes taken out."""
    return _SGR.sub("", output)


@FUZZ
@given(report=reports(), color=st.booleans())
def test_text_and_concise_show_control_characters_never_send_them(report, color):
    for name in ("text", "concise"):
        output = render(name, report, color=color)
        if not color:
            assert "\x1b" not in output
        found = _CONTROL.search(_terminal_text(output))
        assert found is None, (name, found, output)
    if not report.statistics:  # a line per finding, then the summary: no line broken
        concise = render("concise", report, color=color)
        assert concise.count("\n") == len(report.findings) + 1


def test_a_file_name_with_escapes_is_shown_not_run():
    text = "The minister slammed\x1b]0;owned\x07 it.\n"
    finding = Finding(
        "SL304", "x", Category.LOADED, Severity.WARNING, "Loaded verb: 'slammed\x1b[2J'", 1, 14,
        1, 21, 13, 20, "slammed", "said\r\x08",
    )  # fmt: skip
    report = Report(files=[FileResult("caf\udce9\x1b[31m\u202e.txt", [finding], text)])
    lines = render("text", report).splitlines()
    assert lines[0].startswith("caf\\xe9\\x1b[31m\\u202e.txt:1:14: SL304 [warning] ")
    assert lines[0].endswith("Loaded verb: 'slammed\\x1b[2J'")
    assert lines[2] == "1 | The minister slammed\\x1b]0;owned\\x07 it."
    assert lines[3] == "  |              ^^^^^^^"  # the carets stay under the words
    assert lines[4] == "  = help: said\\r\\x08"
    colored = render("text", report, color=True)
    assert "\x1b[1m" in colored and "\x1b[2J" not in colored


def test_carets_count_terminal_columns_not_characters():
    # Wide characters take two columns and a combining accent none; ASCII, one each.
    text = "東京 cafe\u0301: the minister slammed it.\n"
    start = text.index("slammed")
    finding = Finding(
        "SL304", "x", Category.LOADED, Severity.WARNING, "Loaded verb: 'slammed'", 1,
        start + 1, 1, start + 8, start, start + 7, "slammed", None,
    )  # fmt: skip
    lines = render("text", Report(files=[FileResult("a.txt", [finding], text)])).splitlines()
    assert lines[2] == "1 | 東京 cafe\u0301: the minister slammed it."
    assert lines[3] == "  | " + " " * 24 + "^" * 7  # 2 + 2 + 1 + 4 + 0 + 15 columns


def test_control_characters_are_escaped_readably():
    assert (
        visible("a\x1b\r\n\t\x9b\u202e\udce9\ud800é") == "a\\x1b\\r\\n\\t\\x9b\\u202e\\xe9\\ud800é"
    )


# ------------------------------------------------------------------ end to end


def _check(*args: str, stdin: bytes | None = None) -> Result:
    # In process: argv's undecodable bytes arrive as surrogates, as Python decodes them.
    return CliRunner().invoke(
        app, ["check", "--pipeline", "fast", *args], input=stdin, catch_exceptions=False
    )


@pytest.mark.parametrize("name", ["sarif", "json", "jsonl", "gitlab", "junit", "github", "text"])
def test_a_file_name_that_is_not_utf8_reaches_every_format_intact(name):
    result = _check(
        "--format", name, "--stdin-filename", "caf\udce9 %41.txt", "-",
        stdin=b"A senior official said the plan had failed.\n",
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    output = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    if name == "sarif":
        json.loads(output)
        assert '"uri": "caf%E9%20%2541.txt"' in output  # the file's own bytes
    elif name == "github":
        assert "file=caf\\xe9 %2541.txt," in output
    else:  # JSON doubles the backslash
        assert "caf\\xe9 %41.txt" in output or "caf\\\\xe9 %41.txt" in output
    if name in ("json", "gitlab"):
        json.loads(output)
    if name == "junit":
        ET.fromstring(result.stdout_bytes)


@pytest.mark.parametrize("name", ["sarif", "json", "gitlab", "junit", "github"])
def test_an_unreadable_file_name_that_is_not_utf8_is_reported_validly(tmp_path, name):
    result = _check("--format", name, f"{tmp_path}/gone\udce9.txt")
    assert result.exit_code == 2
    output = result.stdout_bytes.decode("utf-8")
    if name == "junit":
        ET.fromstring(result.stdout_bytes)
    elif name != "github":
        json.loads(output)
    if name == "sarif":
        assert "/gone%E9.txt" in output


def test_an_error_line_shows_control_characters_never_sends_them(tmp_path):
    config = tmp_path / "sourcelint.toml"
    config.write_text('"\\u001b]0;owned\\u0007" = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    line = caught.value.render()
    assert "key '\"\\x1b]0;owned\\x07\"': unknown key" in line
    assert _CONTROL.search(line) is None


def test_config_show_names_files_without_sending_control_characters(tmp_path):
    newsroom = tmp_path / "news\x1b]0;owned\x07room"
    newsroom.mkdir()
    (newsroom / "sourcelint.toml").write_text('select = ["SL1"]\n', encoding="utf-8")
    text = describe_settings(newsroom / "a.md", cwd=tmp_path)
    assert "# config file: news\\x1b]0;owned\\x07room/sourcelint.toml" in text
    assert _CONTROL.search(text.replace("\n", "")) is None


def test_text_output_copies_a_long_line_once_for_all_its_findings(monkeypatch):
    """A 2 MB line holding thousands of findings: copied per finding, the report was
    quadratic (findings x line length)."""
    from sourcelint.core.positions import LineIndex

    sentence = "the official said that "
    text = sentence * 2_000 + ".\n"
    findings = [
        Finding(
            "SL102",
            "x",
            Category.ANONYMOUS,
            Severity.WARNING,
            "m",
            1,
            start + 1,
            1,
            start + 13,
            start,
            start + 12,
            "the official",
        )
        for start in range(0, len(sentence) * 2_000, len(sentence))
    ]
    copies = []
    line_text = LineIndex.line_text

    def counted(self, line):
        copies.append(line)
        return line_text(self, line)

    monkeypatch.setattr(LineIndex, "line_text", counted)
    output = render("text", Report(files=[FileResult("a.md", findings, text)]))
    assert output.count("^^^^^^^^^^^^") == 2_000
    assert copies == [1]
