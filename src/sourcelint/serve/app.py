"""The HTTP side of ``serve``: routes, the request handler and the server.

Routes (everything else is 404; a known route asked with another method is 405):

- ``GET /``: the page; ``GET /static/NAME``: its script and styles (a fixed list).
- ``GET /api/files``: the lintable files under the directory, relative POSIX paths.
- ``GET /api/file?path=REL``: one listed file, linted (JSON, below).
- ``POST /api/lint`` with JSON ``{"text": …, "name": "draft.md"}``: a draft, linted as
  if it were the file ``name`` under the directory.

A lint answers ``{"path", "text", "findings", "html"}``: ``findings`` counts them,
``html`` is the report's section for the file. Every error is JSON ``{"error": …}``
with a status; no traceback ever reaches the client.
"""

from __future__ import annotations

import json
import socket
import socketserver
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sourcelint.core.crash import internal_error, report
from sourcelint.core.errors import InternalError, PipelineError, SourcelintError
from sourcelint.core.escapes import unsurrogate
from sourcelint.formats.html import STYLE, file_section, legend
from sourcelint.serve.safety import (
    SECURITY_HEADERS,
    Refused,
    allowed_hosts,
    body_length,
    check_origin,
    encodable,
    is_json,
    is_loopback,
)
from sourcelint.serve.workspace import Linted, Workspace

JSON = "application/json"
# The reader's own failures (a file it cannot read, a config it cannot use) are the
# request's problem (422); the pipeline's and sourcelint's own are the server's (500).
_SERVER_FAILURES = (InternalError, PipelineError)


@dataclass(frozen=True)
class Asset:
    """A file the page loads, held in memory: nothing is read from disk per request."""

    content_type: str
    body: bytes


def load_assets(title: str) -> dict[str, Asset]:
    """The page and its static files by URL path; the page names the directory and
    shows the report's legend."""
    static = files("sourcelint.serve").joinpath("static")
    page = (
        static.joinpath("index.html")
        .read_text(encoding="utf-8")
        .replace("{{directory}}", escape(unsurrogate(title)))
        .replace("{{legend}}", legend())
    )
    return {
        "/": Asset("text/html; charset=utf-8", page.encode()),
        "/static/app.js": Asset(
            "text/javascript; charset=utf-8", static.joinpath("app.js").read_bytes()
        ),
        "/static/app.css": Asset(
            "text/css; charset=utf-8", static.joinpath("app.css").read_bytes()
        ),
        # The report's own look, so highlights appear as in ``check --format html``.
        "/static/report.css": Asset("text/css; charset=utf-8", STYLE.encode()),
    }


class Server(ThreadingHTTPServer):
    """One thread per connection; threads do not keep the process alive at Ctrl-C."""

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], workspace: Workspace, assets: Mapping[str, Asset]
    ) -> None:
        # IPv6 for an IPv6 address; set before the base class creates the socket.
        self.address_family = socket.getaddrinfo(*address, type=socket.SOCK_STREAM)[0][0]
        super().__init__(address, Handler)
        self.workspace = workspace
        self.assets = assets
        host, port = self.server_address[:2]
        self.host = host
        self.port = port
        self.loopback = is_loopback(host)
        # On the network, names vary (a LAN name, an IP): the Host header is not checked.
        self.hosts = allowed_hosts(host, port) if self.loopback else None

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away is nothing to tell; anything else is a bug, reported in
        one line (its traceback under --verbose), never socketserver's traceback."""
        error = sys.exc_info()[1]
        if error is None or isinstance(error, (ConnectionError, TimeoutError)):
            return
        report(internal_error(error))

    def server_bind(self) -> None:
        # HTTPServer's own looks up the host's domain name, which may wait on DNS.
        socketserver.TCPServer.server_bind(self)

    @property
    def url(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}/"


Route = Callable[["Handler", str], tuple[int, str, bytes]]


class Handler(BaseHTTPRequestHandler):
    """Answers one connection's requests; see the module's docstring for the routes."""

    server: Server
    # Keep-alive: the page lints on every pause in typing.
    protocol_version = "HTTP/1.1"
    # A client that stops sending mid-request frees its thread after this many seconds.
    timeout = 60

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _read_only(self) -> None:
        """No route takes these methods: 405 on a known path (404 on any other)."""
        self._dispatch(self.command)

    # Read only: nothing here changes anything, and nothing answers a CORS preflight.
    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _read_only

    def version_string(self) -> str:
        return "sourcelint"  # not the Python version: nothing a probe could use

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a draft's name or text has no place in a terminal log."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's errors (a malformed request line, an unknown method) as JSON,
        with the same headers as every other answer."""
        self.close_connection = True
        self._send(code, JSON, _error_body(message or HTTPStatus(code).phrase))

    def _dispatch(self, method: str) -> None:
        self._body_read = False
        url = urlsplit(self.path)
        try:
            self._check_host()
            methods = ROUTES.get(url.path)
            if methods is None and url.path in self.server.assets:
                methods = {"GET": Handler._asset}
            if methods is None:
                raise Refused(404, "not found")
            route = methods.get(method)
            if route is None:
                self._allow = ", ".join(methods)
                raise Refused(405, f"{method} is not allowed here; use {self._allow}")
            status, content_type, body = route(self, url.query)
        except Refused as refused:
            status, content_type = refused.status, JSON
            body = _error_body(refused.message, refused.code)
        except Exception as error:  # a bug: reported here in full, to the client in brief
            report(internal_error(error, self.path))
            status, content_type = 500, JSON
            body = _error_body("internal error; the server's output says more")
        self._send(status, content_type, body)

    def _check_host(self) -> None:
        """On loopback, the Host must name this server: a site that points its own
        name at 127.0.0.1 (DNS rebinding) is refused before anything is read."""
        if self.server.hosts is None:
            return
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or hosts[0].lower() not in self.server.hosts:
            raise Refused(421, "the Host header does not name this server")

    def handle_expect_100(self) -> bool:
        """``Expect: 100-continue`` (curl sends it before a large body): a body over the
        cap is refused before the client sends it."""
        try:
            body_length(self.headers)
        except Refused as refused:
            self.send_error(refused.status, refused.message)
            return False
        return super().handle_expect_100()

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        headers = getattr(self, "headers", None)  # None when the request line was malformed
        if not getattr(self, "_body_read", False) and headers is not None and _has_body(headers):
            # Its body is still unread on the connection: the next "request" would be it.
            self.close_connection = True
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        if status == 405:
            self.send_header("Allow", getattr(self, "_allow", "GET, POST"))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # ----------------------------------------------------------------- routes

    def _asset(self, query: str) -> tuple[int, str, bytes]:
        asset = self.server.assets[urlsplit(self.path).path]
        return 200, asset.content_type, asset.body

    def _files(self, query: str) -> tuple[int, str, bytes]:
        listed, errors = self.server.workspace.listing()
        return 200, JSON, _json({"files": list(listed), "errors": errors})

    def _file(self, query: str) -> tuple[int, str, bytes]:
        paths = parse_qs(query, keep_blank_values=True).get("path", [])
        if len(paths) != 1:
            raise Refused(400, "give one path: /api/file?path=RELATIVE/PATH")
        return _linted(lambda: self.server.workspace.open(paths[0]))

    def _lint(self, query: str) -> tuple[int, str, bytes]:
        if not is_json(self.headers.get("Content-Type")):
            raise Refused(415, "send the draft as application/json")
        check_origin(self.headers.get("Origin"), self.headers.get("Host") or "")
        length = body_length(self.headers)
        try:
            data = self.rfile.read(length)
        except OSError:  # the client stopped sending (timeout) or went away
            self.close_connection = True
            raise Refused(408, "the request body did not arrive") from None
        self._body_read = True
        if len(data) < length:
            self.close_connection = True
            raise Refused(400, "the request body is shorter than its Content-Length")
        text, name = _draft(data)
        return _linted(lambda: self.server.workspace.lint_draft(text, name))


ROUTES: dict[str, dict[str, Route]] = {
    "/api/files": {"GET": Handler._files},
    "/api/file": {"GET": Handler._file},
    "/api/lint": {"POST": Handler._lint},
}


def _linted(lint: Callable[[], Linted]) -> tuple[int, str, bytes]:
    """A lint's answer: the result, or what ``check`` would have reported instead."""
    try:
        linted = lint()
        return (
            200,
            JSON,
            _json(
                {
                    "path": linted.path,
                    "text": linted.text,
                    "findings": len(linted.result.findings),
                    "html": file_section(0, linted.result, linted.rules),
                }
            ),
        )
    except SourcelintError as error:
        if isinstance(error, _SERVER_FAILURES):
            report(error)  # the server's operator sees it; the page gets the one line
        status = 500 if isinstance(error, _SERVER_FAILURES) else 422
        return status, JSON, _error_body(str(error), error.code)


def _draft(data: bytes) -> tuple[str, str | None]:
    """The ``text`` and ``name`` of a lint request's JSON body."""
    try:
        request = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refused(400, "the body is not valid JSON (UTF-8)") from None
    if not isinstance(request, dict) or not isinstance(request.get("text"), str):
        raise Refused(400, 'send {"text": "…", "name": "draft.md"}')
    name = request.get("name")
    if name is not None and not isinstance(name, str):
        raise Refused(400, "name must be a string")
    return encodable(request["text"], "text"), name and encodable(name, "name")


def _has_body(headers: Mapping[str, str]) -> bool:
    return bool(headers.get("Transfer-Encoding")) or headers.get("Content-Length", "0") != "0"


def _json(value: object) -> bytes:
    # ASCII: a lone surrogate from a file name or a draft is sent as an escape.
    return json.dumps(value).encode("ascii")


def _error_body(message: str, code: str | None = None) -> bytes:
    error: dict[str, str] = {"error": unsurrogate(message)}
    if code is not None:
        error["code"] = code
    return _json(error)


def make_server(workspace: Workspace, host: str, port: int, title: str) -> Server:
    """A server for ``workspace``, listening (not yet serving) on ``host``:``port``
    (port 0: the system picks one); ``title`` names the directory on the page."""
    return Server((host, port), workspace, load_assets(title))
