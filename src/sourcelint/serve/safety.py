"""What a request may do: its size, its Host, its type, and the paths it may name.

The server is read only and meant for one reporter's machine, so every check refuses
by default: a body is capped before it is read, a path must be one of the listed files,
and on loopback the ``Host`` header must name this server (a page on another site that
rebinds its DNS name to 127.0.0.1 then cannot read the drafts).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from email.message import Message
from pathlib import Path, PurePosixPath

from sourcelint.config.discovery import LINTABLE_SUFFIXES

# Large enough for any article (the file cap of ``check`` is 10 MB, but a draft typed in
# a browser is kilobytes); small enough that a stray upload cannot fill memory.
MAX_BODY_BYTES = 2 * 1024 * 1024
# A draft's name only picks a reader and a config; a long one is a mistake or a probe.
MAX_NAME_CHARS = 1024

# Sent with every response. The page loads its script and styles from /static only, so no
# inline script can run even if an article's markup were ever left unescaped.
SECURITY_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}

# Control characters have no place in a file name typed or listed here.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


class Refused(Exception):
    """A request that is answered with an HTTP error and a one-line JSON message (with
    the error code of sourcelint's own error, when it is one)."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


def body_length(headers: Message) -> int:
    """The declared length of a request body, checked against the cap before any of the
    body is read; a chunked body (no length to check in advance) is refused, and so are
    two lengths (which one a proxy in front would believe is anyone's guess)."""
    if headers.get("Transfer-Encoding"):
        raise Refused(411, "send the body with a Content-Length, not chunked")
    lengths = headers.get_all("Content-Length") or []
    if not lengths:
        raise Refused(411, "a Content-Length header is required")
    if len(lengths) > 1:
        raise Refused(400, "give one Content-Length")
    declared = lengths[0].strip()
    # int() would accept "+5", " 5" and "5_0"; only plain digits are a length.
    if not declared.isascii() or not declared.isdigit():
        raise Refused(400, "Content-Length is not a number")
    length = int(declared)
    if length > MAX_BODY_BYTES:
        raise Refused(413, f"the request is over the {MAX_BODY_BYTES:,}-byte limit")
    return length


def is_json(content_type: str | None) -> bool:
    """Whether a Content-Type is JSON: a cross-site HTML form cannot send that type
    without a CORS preflight, which this server never grants."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json"


def encodable(text: str, what: str) -> str:
    """``text`` when a UTF-8 file could hold it: JSON can carry a lone surrogate
    (``\\ud800``), which no file that ``check`` reads can."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise Refused(400, f"{what} holds a lone surrogate, which is not text") from None
    return text


def is_loopback(address: str) -> bool:
    """Whether a bound address is reachable from this machine only."""
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The ``Host`` headers that name a loopback server at ``port``."""
    shown = f"[{host}]" if ":" in host else host
    names = {shown.lower(), *_LOOPBACK_NAMES}
    return frozenset(f"{name}:{port}" for name in names)


def check_origin(origin: str | None, host: str) -> None:
    """A browser sends ``Origin`` with a POST; one from another site is refused."""
    if origin is None:
        return  # not a browser (curl, tests): nothing to be tricked into
    if origin.lower() not in {f"http://{host}", f"https://{host}"}:
        raise Refused(403, "requests from another site are refused")


def hostile_path(rel: str) -> bool:
    """Whether a requested path tries to leave the directory or to smuggle a name:
    absolute, ``..``, a backslash, a control character."""
    if not rel or rel.startswith("/") or "\\" in rel or _CONTROL.search(rel):
        return True
    return ".." in PurePosixPath(rel).parts


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with every symlink followed, is ``root`` or under it (``root``
    resolved already)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def draft_path(root: Path, real_root: Path, name: str) -> Path:
    """Where a draft named ``name`` would be under ``root``: it picks the draft's config
    and reader (by suffix) and is never opened. The name must stay under the directory."""
    if len(name) > MAX_NAME_CHARS or hostile_path(name):
        raise Refused(400, "name must be a relative path under the served directory")
    if not name.lower().endswith(LINTABLE_SUFFIXES):
        known = ", ".join(LINTABLE_SUFFIXES)
        raise Refused(400, f"name must end in one of {known}")
    path = root / name
    # The parent may be a symlinked directory: its config could then come from outside.
    if not inside(real_root, path.parent):
        raise Refused(403, "name must be a relative path under the served directory")
    return path
