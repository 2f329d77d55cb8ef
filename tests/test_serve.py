"""``sourcelint serve`` over HTTP: the files it lists and lints are check's, a draft is
linted as the file it names, and nothing leaves the directory, grows past the cap, comes
from another Host or writes to disk. The server runs in a thread (a subprocess for the
command line); every connection has a timeout, so no test can hang."""

from __future__ import annotations

import http.client
import json
import queue
import re
import signal
import subprocess
import sys
import threading
import tomllib
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from sourcelint.cli.app import app
from sourcelint.core.errors import InputError
from sourcelint.serve.command import banner
from sourcelint.serve.safety import MAX_BODY_BYTES, SECURITY_HEADERS, is_loopback

from conftest import ROOT, SECRET, ctrl_c_reaches_children, make_site, serving

TIMEOUT = 30
DRAFT = "A senior official said the talks had stalled."


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return make_site(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as running:
        yield running


def call(server, method, target, body=None, headers=None, host=None):
    """One request on its own connection: (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    try:
        connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", f"127.0.0.1:{server.port}" if host is None else host)
        pairs = headers.items() if isinstance(headers, dict) else headers or ()
        for name, value in pairs:  # a list of pairs may name a header twice
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def post_lint(server, payload, headers=None):
    body = json.dumps(payload).encode()
    sent = {"Content-Type": "application/json", "Content-Length": str(len(body))}
    return call(server, "POST", "/api/lint", body, {**sent, **(headers or {})})


def get_json(server, target):
    status, _, body = call(server, "GET", target)
    return status, json.loads(body)


def check_json(runner, *paths) -> dict:
    """What ``sourcelint check --format json`` reports for ``paths``."""
    result = runner.invoke(app, ["check", "-f", "json", *map(str, paths)])
    return json.loads(result.stdout)


def test_files_listed_are_the_files_check_lints(server, site, runner):
    status, listed = get_json(server, "/api/files")
    assert status == 200
    checked = check_json(runner, site)["files"]
    assert listed["files"] == [Path(f["path"]).relative_to(site).as_posix() for f in checked]
    assert set(listed["files"]) == {"story.md", "notes.txt", "page.html", "sub/deep.md"}
    # Present on disk, absent from the list: .gitignore'd, excluded, not lintable.
    for left_out in ("ignored.md", "archive/old.md", "private.json"):
        assert (site / left_out).is_file()
    assert listed["errors"] == []


def test_a_file_s_findings_are_check_s(server, site, runner):
    checked = {
        Path(f["path"]).relative_to(site).as_posix(): len(f["findings"])
        for f in check_json(runner, site)["files"]
    }
    assert sum(checked.values()) > 0
    for rel, count in checked.items():
        status, linted = get_json(server, f"/api/file?path={quote(rel)}")
        assert status == 200, linted
        assert linted["findings"] == count, rel
        assert linted["text"] == (site / rel).read_text(encoding="utf-8")
        groups = re.findall(r'data-findings="([\d ]+)"', linted["html"])
        marked = {index for group in groups for index in group.split()}
        assert len(marked) == count, rel


def test_a_draft_gets_an_anonymous_source_highlight(server):
    status, _, body = post_lint(server, {"text": DRAFT})
    assert status == 200
    linted = json.loads(body)
    assert linted["path"] == "draft.md"
    assert linted["findings"] == 1
    assert '<mark tabindex="0" class="c-anonymous"' in linted["html"]
    assert "SL102" in linted["html"]


def test_a_draft_is_linted_as_the_file_it_names(server):
    # quiet/sourcelint.toml ignores SL102: the draft takes that folder's config.
    status, _, body = post_lint(server, {"text": DRAFT, "name": "quiet/draft.md"})
    assert status == 200
    assert json.loads(body)["findings"] == 0
    for name, status in (("../draft.md", 400), ("/tmp/draft.md", 400), ("draft.json", 400)):
        answer = post_lint(server, {"text": DRAFT, "name": name})
        assert answer[0] == status, name
        assert "error" in json.loads(answer[2])


@pytest.mark.parametrize(
    ("target", "status"),
    [
        ("../outside/secret.md", 403),
        ("%2e%2e/outside/secret.md", 403),
        ("%2e%2e%2foutside%2fsecret.md", 403),
        ("sub/..%5c..%5coutside%5csecret.md", 403),
        ("story.md%00", 403),
        ("/etc/passwd", 403),
        ("private.json", 404),
        ("ignored.md", 404),
        ("archive/old.md", 404),
    ],
)
def test_a_path_outside_the_list_is_refused(server, target, status):
    answer, headers, body = call(server, "GET", f"/api/file?path={target}")
    assert answer == status
    assert headers["Content-Type"] == "application/json"
    assert "error" in json.loads(body)
    assert SECRET.encode() not in body


def test_an_absolute_path_to_a_file_outside_is_refused(server, site):
    secret = site.parent / "outside" / "secret.md"
    status, _, body = call(server, "GET", f"/api/file?path={quote(str(secret))}")
    assert status == 403
    assert SECRET.encode() not in body


def test_a_symlink_out_is_not_served_and_a_binary_file_is_an_error(tmp_path, runner):
    site = make_site(tmp_path)
    (site / "leak.md").symlink_to(tmp_path / "outside" / "secret.md")
    (site / "binary.md").write_bytes(b"A senior official\x00\x01")
    # check follows the link (it was named by the user's own folder); serve does not.
    checked = check_json(runner, site)["files"]
    assert "leak.md" in {Path(f["path"]).name for f in checked}
    with serving(site) as server:
        _, listed = get_json(server, "/api/files")
        assert "leak.md" not in listed["files"]
        assert "binary.md" in listed["files"]
        status, _, body = call(server, "GET", "/api/file?path=leak.md")
        assert status == 404  # not one of the listed files
        assert SECRET.encode() not in body
        status, refused = get_json(server, "/api/file?path=binary.md")
        assert status == 422
        assert refused == {
            "error": "binary.md: looks like a binary file (it contains NUL bytes)",
            "code": InputError.code,
        }
        result = runner.invoke(app, ["check", str(site / "binary.md")])
        assert refused["error"].removeprefix("binary.md") in result.stderr
        # Still serving.
        assert get_json(server, "/api/file?path=story.md")[0] == 200


def test_an_oversize_body_is_refused_before_it_is_sent(server):
    # No body follows the headers: a server that waited for it would time out here.
    headers = {"Content-Type": "application/json", "Content-Length": str(MAX_BODY_BYTES + 1)}
    status, answer_headers, body = call(server, "POST", "/api/lint", None, headers)
    assert status == 413
    assert "limit" in json.loads(body)["error"]
    assert answer_headers["Connection"] == "close"
    assert post_lint(server, {"text": DRAFT})[0] == 200


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Content-Type": "application/json"}, 411),
        ({"Content-Type": "application/json", "Transfer-Encoding": "chunked"}, 411),
        ({"Content-Type": "application/json", "Content-Length": "+12"}, 400),
        ([("Content-Type", "application/json"), ("Content-Length", "2")] * 2, 400),
        ({"Content-Type": "text/plain", "Content-Length": "2"}, 415),
        ({"Content-Type": "application/x-www-form-urlencoded", "Content-Length": "2"}, 415),
    ],
)
def test_a_body_must_say_its_length_and_be_json(server, headers, status):
    body = b"{}" if ("Content-Length", "2") in dict(headers).items() else None
    answer, _, reply = call(server, "POST", "/api/lint", body, headers)
    assert answer == status
    assert "error" in json.loads(reply)


def test_a_body_that_is_not_a_draft_is_refused(server):
    for body in (
        b"not json",
        b"[1, 2]",
        b'{"text": 5}',
        b"[" * 100_000,
        b"\xff\xfe",
        # JSON can carry a lone surrogate; no file check reads can.
        b'{"text": "A senior official \\ud800 said so."}',
        b'{"text": "", "name": "\\udcff.md"}',
    ):
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        status, _, reply = call(server, "POST", "/api/lint", body, headers)
        assert status == 400, body[:10]
        assert "error" in json.loads(reply)


def test_another_site_cannot_post(server):
    origin = {"Origin": "http://evil.example"}
    status, _, body = post_lint(server, {"text": DRAFT}, origin)
    assert status == 403
    assert "html" not in json.loads(body)
    own = {"Origin": f"http://127.0.0.1:{server.port}"}
    assert post_lint(server, {"text": DRAFT}, own)[0] == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", ""])
def test_a_host_that_does_not_name_the_server_is_refused(server, host):
    # DNS rebinding: another site's name pointed at 127.0.0.1.
    status, _, body = call(server, "GET", "/api/files", host=host.format(port=server.port))
    assert status == 421
    assert b"story.md" not in body
    # Two Host headers (this server's first): which one counts is not for a client to choose.
    assert call(server, "GET", "/api/files", headers=[("Host", "evil.example")])[0] == 421
    for own in (f"localhost:{server.port}", f"127.0.0.1:{server.port}"):
        assert call(server, "GET", "/api/files", host=own)[0] == 200


def test_methods_and_unknown_routes(server):
    for method in ("PUT", "DELETE", "PATCH"):
        status, headers, _ = call(server, method, "/api/lint", b"{}", {"Content-Length": "2"})
        assert status == 405, method
        assert headers["Allow"] == "POST"
    assert call(server, "GET", "/api/lint")[0] == 405
    status, headers, body = call(server, "HEAD", "/")
    assert (status, body) == (405, b"")
    for target in ("/nope", "/static/../pyproject.toml", "/static/", "/api/files/x"):
        assert call(server, "GET", target)[0] == 404, target


def test_every_answer_carries_the_security_headers(server):
    for target in ("/", "/static/app.js", "/api/files", "/nope"):
        _, headers, _ = call(server, "GET", target)
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value, (target, name)
    status, headers, body = call(server, "GET", "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    # The page runs no inline script: the CSP would refuse it.
    assert re.findall(rb"<script[^>]*>", body) == [b'<script src="/static/app.js" defer>']
    for asset in ("/static/app.js", "/static/app.css", "/static/report.css"):
        assert call(server, "GET", asset)[0] == 200, asset


def test_an_internal_error_is_a_json_500_and_the_server_goes_on(server, monkeypatch):
    from sourcelint.core.crash import internal_error

    def crash(*args, **kwargs):
        raise internal_error(RuntimeError("boom in a rule"), "draft.md")

    monkeypatch.setattr(server.workspace.linter, "lint_file", crash)
    status, _, body = post_lint(server, {"text": DRAFT})
    assert status == 500
    assert json.loads(body)["code"] == "E900"
    assert b"Traceback" not in body

    def bug(*args, **kwargs):
        raise RuntimeError("a bug outside linting")

    monkeypatch.setattr(server.workspace.linter, "lint_file", bug)
    status, _, body = post_lint(server, {"text": DRAFT})
    assert status == 500
    assert b"Traceback" not in body
    assert b"a bug outside linting" not in body
    monkeypatch.undo()
    assert post_lint(server, {"text": DRAFT})[0] == 200


def _snapshot(root: Path) -> dict[str, tuple[int, bytes | None]]:
    return {
        path.relative_to(root).as_posix(): (
            path.lstat().st_mtime_ns,
            path.read_bytes() if path.is_file() else None,
        )
        for path in sorted(root.rglob("*"))
    }


def test_nothing_under_the_directory_changes(tmp_path):
    site = make_site(tmp_path)
    before = _snapshot(tmp_path)
    with serving(site) as server:
        _, listed = get_json(server, "/api/files")
        for rel in listed["files"]:
            assert get_json(server, f"/api/file?path={quote(rel)}")[0] == 200
            text = (site / rel).read_text(encoding="utf-8")
            assert post_lint(server, {"text": text + "\nEdited.", "name": rel})[0] == 200
        post_lint(server, {"text": DRAFT, "name": "new/draft.md"})
        call(server, "PUT", "/story.md", b"{}", {"Content-Length": "2"})
        call(server, "DELETE", "/api/file?path=story.md")
    assert _snapshot(tmp_path) == before


class _Drained:
    """A child's stream read to its end in a thread, so the child never blocks on a full
    pipe (it logs each request there) while the test waits for it."""

    def __init__(self, stream) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream) -> None:
        for line in stream:
            self.seen.append(line)
            self.lines.put(line)

    def first_line(self, seconds: float) -> str:
        """The first line, or '' when none comes within ``seconds``."""
        try:
            return self.lines.get(timeout=seconds)
        except queue.Empty:
            return ""

    def text(self, seconds: float) -> str:
        """Everything the stream gave, once it ends (or ``seconds`` pass)."""
        self._thread.join(seconds)
        return "".join(self.seen)


def test_the_command_listens_on_loopback_and_stops_on_ctrl_c(tmp_path):
    site = make_site(tmp_path)
    with ctrl_c_reaches_children():
        process = subprocess.Popen(
            [sys.executable, "-m", "sourcelint", "serve", str(site), "--port", "0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    stderr = _Drained(process.stderr)
    try:
        line = stderr.first_line(60)
        found = re.fullmatch(
            r"Serving (.+) at http://([0-9.]+):(\d+)/ \(read only; Ctrl-C to stop\)\n", line
        )
        assert found, line
        assert found[1] == str(site)
        assert found[2] == "127.0.0.1"
        with urlopen(f"http://127.0.0.1:{found[3]}/api/files", timeout=TIMEOUT) as response:
            assert "story.md" in json.load(response)["files"]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=TIMEOUT) == 0
        assert "Traceback" not in stderr.text(TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=TIMEOUT)


def test_the_command_refuses_a_missing_directory_or_a_broken_config(runner, tmp_path):
    result = runner.invoke(app, ["serve", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert "absent: no such directory" in result.stderr
    (tmp_path / "file.md").write_text(DRAFT)
    result = runner.invoke(app, ["serve", str(tmp_path / "file.md")])
    assert result.exit_code == 2
    assert "file.md: is not a directory" in result.stderr
    (tmp_path / "sourcelint.toml").write_text("pipeline = 5\n")
    result = runner.invoke(app, ["serve", str(tmp_path)])
    assert result.exit_code == 2
    assert "sourcelint.toml: key 'pipeline'" in result.stderr
    assert "Serving" not in result.stderr


def test_only_loopback_addresses_count_as_local():
    assert all(map(is_loopback, ["127.0.0.1", "127.0.0.2", "::1", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "192.0.2.1", "example.org"]))


def test_listening_beyond_loopback_is_announced_with_a_warning(server, site, monkeypatch):
    # Not by binding 0.0.0.0 in a test: the same server, as if it were on the network.
    assert banner(site, server) == [
        f"Serving {site} at http://127.0.0.1:{server.port}/ (read only; Ctrl-C to stop)"
    ]
    monkeypatch.setattr(server, "loopback", False)
    monkeypatch.setattr(server, "host", "0.0.0.0")
    warning = banner(site, server)[1]
    assert warning.startswith("warning: listening on 0.0.0.0:")
    assert "reachable from the network" in warning


def test_the_page_ships_as_package_data():
    """``pip install .`` must bring the page: every static file is in the package data."""
    from importlib.resources import files

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    assert "sourcelint.serve" in setuptools["packages"]
    patterns = setuptools["package-data"]["sourcelint.serve"]
    static = files("sourcelint.serve").joinpath("static")
    names = sorted(entry.name for entry in static.iterdir())
    assert names == ["app.css", "app.js", "index.html"]
    assert all(any(Path("static", n).match(p) for p in patterns) for n in names)
