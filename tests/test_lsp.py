"""``sourcelint lsp`` driven end to end over stdio by pytest-lsp: diagnostics on open and
change at exact UTF-16 ranges, suppressions as ``check`` honours them, protocol errors
answered, and a clean exit when the editor goes away. Every wait has a timeout."""

from __future__ import annotations

import asyncio
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.core.positions import LineIndex
from sourcelint.lsp.positions import PositionMap

TIMEOUT = 30
SERVER = [sys.executable, "-m", "sourcelint", "lsp"]
SENIOR = "A senior official said the plan had failed.\n"


def recording_client() -> LanguageClient:
    """pytest-lsp's client, keeping every publishDiagnostics (with its version) in order:
    its own ``diagnostics`` keeps the last per document, without the version."""
    client = LanguageClient()
    client.published = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)  # type: ignore[attr-defined]

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, client_factory=recording_client)
)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await asyncio.wait_for(
        lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    workspace=types.WorkspaceClientCapabilities(
                        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                            dynamic_registration=True
                        )
                    )
                ),
                root_uri=tmp_path.as_uri(),
            )
        ),
        TIMEOUT,
    )
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)


async def published(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics the server publishes for ``version`` of ``uri``."""

    async def poll() -> list[types.Diagnostic]:
        while True:
            for params in client.published:  # type: ignore[attr-defined]
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(poll(), TIMEOUT)


def open_draft(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return uri


def span(diagnostic: types.Diagnostic) -> tuple[int, int, int, int]:
    r = diagnostic.range
    return r.start.line, r.start.character, r.end.line, r.end.character


@pytest.mark.asyncio
async def test_open_publishes_the_finding_at_its_range(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "draft.md", "# Title\n\n" + SENIOR)
    (found,) = await published(client, uri, 1)
    assert (found.code, found.source) == ("SL102", "sourcelint")
    assert found.severity == types.DiagnosticSeverity.Warning
    assert span(found) == (2, 0, 2, len("A senior official"))
    assert "senior official" in found.message


@pytest.mark.asyncio
async def test_ranges_count_utf16_units(client: LanguageClient, tmp_path: Path):
    # Each emoji is one code point but two UTF-16 units; the combining acute is one of each.
    text = "Great 🙂🙂. " + SENIOR + "Cafe\u0301 talk: the minister slammed the critics.\n"
    uri = open_draft(client, tmp_path / "draft.md", text)
    found = {d.code: span(d) for d in await published(client, uri, 1)}
    assert found["SL102"] == (0, 12, 0, 12 + len("A senior official"))
    start = len("Cafe\u0301 talk: the minister ")
    assert found["SL304"] == (1, start, 1, start + len("slammed"))


@pytest.mark.asyncio
async def test_inline_suppression_is_honoured(client: LanguageClient, tmp_path: Path):
    text = "<!-- sourcelint-disable-next-line SL102 -->\n" + SENIOR
    uri = open_draft(client, tmp_path / "draft.md", text)
    assert await published(client, uri, 1) == []


@pytest.mark.asyncio
async def test_change_publishes_the_new_version(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "draft.md", "The plan had failed.\n")
    assert await published(client, uri, 1) == []
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=0, character=0),
                        end=types.Position(line=0, character=0),
                    ),
                    text="A senior official said it. ",
                )
            ],
        )
    )
    (found,) = await published(client, uri, 2)
    assert (found.code, span(found)) == ("SL102", (0, 0, 0, len("A senior official")))


@pytest.mark.asyncio
async def test_plain_text_marker_and_workspace_config(client: LanguageClient, tmp_path: Path):
    # The config next to the draft ignores SL304, as `check` would; the marker silences SL102.
    (tmp_path / "sourcelint.toml").write_text('ignore = ["SL304"]\n', encoding="utf-8")
    text = "A senior official said so. sourcelint: disable=SL102\nThey slammed it.\n"
    uri = open_draft(client, tmp_path / "draft.txt", text, "plaintext")
    assert await published(client, uri, 1) == []


@pytest.mark.asyncio
async def test_unknown_request_is_method_not_found(client: LanguageClient):
    with pytest.raises(Exception) as raised:
        await asyncio.wait_for(
            client.protocol.send_request_async("sourcelint/noSuchMethod", {}), TIMEOUT
        )
    assert getattr(raised.value, "code", None) == types.ErrorCodes.MethodNotFound


def test_exits_when_stdin_closes():
    process = subprocess.Popen(
        SERVER, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        process.stdin.close()
        assert process.wait(timeout=TIMEOUT) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("text", "utf16"),
    [("abc", [0, 1, 2, 3]), ("🙂a", [0, 2, 3]), ("e\u0301x", [0, 1, 2, 3])],
)
def test_position_map_round_trips(text: str, utf16: list[int]):
    positions = PositionMap(LineIndex(text))
    assert [positions.position(offset).character for offset in range(len(text) + 1)] == utf16
    assert [positions.offset(types.Position(line=0, character=c)) for c in utf16] == list(
        range(len(text) + 1)
    )


def test_position_map_lines_and_clamping():
    positions = PositionMap(LineIndex("a\r\nb🙂\rc"))
    assert positions.position(3) == types.Position(line=1, character=0)
    assert positions.position(6) == types.Position(line=2, character=0)
    # Inside the surrogate pair: the emoji's start; past the line's end: its end.
    assert positions.offset(types.Position(line=1, character=2)) == 4
    assert positions.offset(types.Position(line=1, character=99)) == 5
    assert positions.offset(types.Position(line=9, character=0)) == 7


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with ``edits`` applied (the protocol's edits never overlap)."""
    positions = PositionMap(LineIndex(text))
    spans = [
        (positions.offset(e.range.start), positions.offset(e.range.end), e.new_text) for e in edits
    ]
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


def replace_all(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def actions_at(
    client: LanguageClient, uri: str, line: int, character: int
) -> dict[str, list[types.TextEdit]]:
    """The code actions offered at a cursor, by title, with their edits to ``uri``."""
    cursor = types.Position(line=line, character=character)
    found = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=cursor, end=cursor),
                context=types.CodeActionContext(diagnostics=[]),
            )
        ),
        TIMEOUT,
    )
    return {action.title: action.edit.changes[uri] for action in found or []}


@pytest.mark.asyncio
async def test_hover_shows_explain(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "draft.md", "Intro line.\n" + SENIOR)
    await published(client, uri, 1)

    async def hover_at(line: int, character: int) -> types.Hover | None:
        params = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
        return await asyncio.wait_for(client.text_document_hover_async(params), TIMEOUT)

    shown = await hover_at(1, 5)
    explained = CliRunner().invoke(app, ["explain", "SL102"])
    assert explained.exit_code == 0
    assert shown is not None
    assert shown.contents.value == explained.output
    assert await hover_at(0, 3) is None  # no finding under the cursor


@pytest.mark.asyncio
async def test_code_actions_replace_and_suppress_in_markdown(
    client: LanguageClient, tmp_path: Path
):
    text = "Intro.\n\nThe minister slammed the critics.\n"
    uri = open_draft(client, tmp_path / "draft.md", text)
    assert [d.code for d in await published(client, uri, 1)] == ["SL304"]
    actions = await actions_at(client, uri, 2, len("The minister sl"))
    assert set(actions) == {
        "Replace 'slammed' with 'criticized' (SL304)",
        "Suppress SL304 on this line, with a reason",
    }
    replaced = apply(text, actions["Replace 'slammed' with 'criticized' (SL304)"])
    assert replaced == "Intro.\n\nThe minister criticized the critics.\n"
    suppressed = apply(text, actions["Suppress SL304 on this line, with a reason"])
    assert suppressed.splitlines()[2] == (
        "The minister slammed the critics. <!-- sourcelint-disable-line SL304 -- TODO: reason -->"
    )
    # The directive really silences the finding, as `check` reads it.
    replace_all(client, uri, 2, suppressed)
    assert await published(client, uri, 2) == []


@pytest.mark.asyncio
async def test_suppress_action_in_plain_text_uses_the_line_marker(
    client: LanguageClient, tmp_path: Path
):
    text = "The minister slammed the critics. sourcelint: disable=SL204\n" + SENIOR
    uri = open_draft(client, tmp_path / "draft.txt", text, "plaintext")
    assert {d.code for d in await published(client, uri, 1)} == {"SL304", "SL102", "SL901"}
    # A marker already on the line gains the code; a line without one gets the marker.
    first = await actions_at(client, uri, 0, len("The minister s"))
    merged = apply(text, first["Suppress SL304 on this line, with a reason"])
    assert merged.splitlines()[0] == (
        "The minister slammed the critics. sourcelint: disable=SL204,SL304"
    )
    second = await actions_at(client, uri, 1, 0)
    added = apply(merged, second["Suppress SL102 on this line, with a reason"])
    assert added.splitlines()[1] == (
        SENIOR.rstrip("\n") + " sourcelint: disable=SL102 -- TODO: reason"
    )
    # Both suppress (and the marker that suppressed nothing, SL901, now does).
    replace_all(client, uri, 2, added)
    assert await published(client, uri, 2) == []


def config_changed(client: LanguageClient, path: Path) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]
        )
    )


@pytest.mark.asyncio
async def test_config_change_relints_and_a_broken_config_is_shown(
    client: LanguageClient, tmp_path: Path
):
    uri = open_draft(client, tmp_path / "draft.md", SENIOR)
    assert [d.code for d in await published(client, uri, 1)] == ["SL102"]
    # The server asked the client to watch the configs (it answers before the lint).
    (watch,) = client.registrations  # type: ignore[attr-defined]
    assert watch.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    (watcher,) = watch.register_options["watchers"]
    assert watcher["globPattern"] == "**/{.sourcelint.toml,sourcelint.toml,pyproject.toml}"
    config = tmp_path / "sourcelint.toml"
    config.write_text('ignore = ["SL102"]\n', encoding="utf-8")
    client.published.clear()  # type: ignore[attr-defined]
    config_changed(client, config)
    assert await published(client, uri, 1) == []

    config.write_text("ignore = 3\n", encoding="utf-8")
    client.published.clear()  # type: ignore[attr-defined]
    config_changed(client, config)

    async def error_shown() -> types.ShowMessageParams:
        while not client.messages:
            await asyncio.sleep(0.02)
        return client.messages[-1]

    shown = await asyncio.wait_for(error_shown(), TIMEOUT)
    assert shown.type == types.MessageType.Error
    assert "sourcelint.toml" in shown.message
    # The message replaces that lint's diagnostics: the last good ones stay.
    assert client.published == []  # type: ignore[attr-defined]


@pytest.mark.asyncio
async def test_answers_while_a_5_mb_draft_is_linted(client: LanguageClient, tmp_path: Path):
    big = open_draft(client, tmp_path / "big.txt", SENIOR * (5_000_000 // len(SENIOR)))
    params = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=big),
        position=types.Position(line=0, character=3),
    )
    # Not linted yet, so nothing to show, but the answer comes: linting is off the loop.
    assert await asyncio.wait_for(client.text_document_hover_async(params), TIMEOUT) is None
    # And shutdown and exit (the fixture's) do not wait for that lint to finish.


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def test_malformed_messages_leave_it_answering():
    process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    replies: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=lambda: replies.put(process.stdout.read()), daemon=True).start()
    try:
        process.stdin.write(b"Content-Length: 9\r\n\r\n{not json")
        process.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": 7}))
        process.stdin.write(b"garbage without a header\r\n")
        initialize = {"processId": None, "rootUri": None, "capabilities": {}}
        process.stdin.write(
            frame({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": initialize})
        )
        process.stdin.write(frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}))
        process.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        process.stdin.close()
        assert process.wait(timeout=TIMEOUT) == 0
        output = replies.get(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=TIMEOUT)
    assert b'"id": 2' in output.replace(b'"id":2', b'"id": 2')
    assert b'"capabilities"' in output


@pytest.mark.asyncio
async def test_a_burst_of_changes_ends_with_the_last_versions_diagnostics(
    client: LanguageClient, tmp_path: Path
):
    uri = open_draft(client, tmp_path / "draft.md", "The plan had failed.\n")
    assert await published(client, uri, 1) == []
    texts = {2: SENIOR, 3: "The plan had failed.\n", 4: SENIOR, 5: "Fine. " + SENIOR}
    for version, text in texts.items():
        replace_all(client, uri, version, text)
    (found,) = await published(client, uri, 5)
    assert span(found) == (0, len("Fine. "), 0, len("Fine. A senior official"))
    # Whatever the debounce let through, no version was published after a newer one.
    versions = [p.version for p in client.published if p.uri == uri]  # type: ignore[attr-defined]
    assert versions == sorted(set(versions))
    assert versions[-1] == 5


# Neovim 0.7 (Debian 12's) has no vim.lsp.start: start_client and attach do the same.
NEOVIM_SCRIPT = """
local out = vim.env.SOURCELINT_OUT
local ok, err = pcall(function()
  local id = vim.lsp.start_client({
    name = "sourcelint",
    cmd = { vim.env.SOURCELINT_PYTHON, "-m", "sourcelint", "lsp" },
    root_dir = vim.fn.getcwd(),
  })
  vim.cmd("edit draft.md")
  vim.lsp.buf_attach_client(0, id)
  vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(found, { d.code, d.source, d.lnum, d.col, d.end_col })
  end
  vim.fn.writefile({ vim.fn.json_encode(found) }, out)
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
end)
if not ok then vim.fn.writefile({ "error: " .. tostring(err) }, out) end
vim.cmd("qa!")
"""


def test_neovim_shows_the_finding(tmp_path: Path):
    if shutil.which("nvim") is None:
        # CI installs Neovim and sets this: there, a missing Neovim fails instead.
        if os.environ.get("SOURCELINT_REQUIRE_NEOVIM") == "1":
            pytest.fail("Neovim (Debian: neovim) is required here")
        pytest.skip("needs Neovim (Debian: neovim)")
    (tmp_path / "draft.md").write_text("Great 🙂🙂. " + SENIOR, encoding="utf-8")
    (tmp_path / "check.lua").write_text(NEOVIM_SCRIPT, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {**os.environ, "SOURCELINT_OUT": str(out), "SOURCELINT_PYTHON": sys.executable}
    subprocess.run(
        ["nvim", "--headless", "--clean", "-c", "luafile check.lua"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT * 2,
        check=False,
    )
    # Neovim turns the UTF-16 range into byte columns: each emoji is four bytes.
    start = len("Great 🙂🙂. ".encode())
    assert json.loads(out.read_text(encoding="utf-8")) == [
        ["SL102", "sourcelint", 0, start, start + len("A senior official")]
    ]


@pytest.mark.asyncio
async def test_saving_a_config_in_the_editor_reloads_it(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "draft.md", SENIOR)
    assert [d.code for d in await published(client, uri, 1)] == ["SL102"]
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.sourcelint]\nignore = ["SL102"]\n', encoding="utf-8")
    client.published.clear()  # type: ignore[attr-defined]
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(config.as_uri()))
    )
    assert await published(client, uri, 1) == []
