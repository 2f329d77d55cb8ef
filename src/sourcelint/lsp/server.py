"""The language server: lint each open document as ``check`` lints the file at its path,
and push the findings as diagnostics."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from sourcelint.config import CONFIG_NAMES
from sourcelint.core.crash import internal_error
from sourcelint.core.errors import SourcelintError
from sourcelint.core.version import __version__
from sourcelint.engine import reader_name
from sourcelint.lsp.actions import Linted, code_actions, diagnostic
from sourcelint.lsp.hover import hover
from sourcelint.lsp.positions import PositionMap
from sourcelint.run.drafts import Linter
from sourcelint.run.options import CliOptions

logger = logging.getLogger(__name__)

# Quiet time after a keystroke before a draft is linted again: typing stays smooth, and
# the diagnostics of the last lint stay on screen meanwhile. 150 ms (a pause between
# words, not between letters) leaves room for the lint itself inside the 300 ms
# from the last keystroke to diagnostics (bench/lsp_latency.py).
DEBOUNCE_SECONDS = 0.15

# Documents with no file behind them (untitled buffers) are linted as a file of this
# name in the workspace root, so the root's config applies; the suffix picks the reader.
_UNTITLED_SUFFIX = {"markdown": ".md", "html": ".html"}


class SourcelintServer(LanguageServer):
    """A language server holding one linter (its rules and model built once)."""

    def __init__(self, options: CliOptions) -> None:
        super().__init__("sourcelint", __version__)
        self.options = options
        self.linter = Linter(options.config, pipeline=options.pipeline)
        # One thread lints, so linting is serialised (spaCy is not thread-safe) and never
        # blocks the event loop that answers the editor.
        self.lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lint")
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.linted: dict[str, Linted] = {}

    def document_path(self, uri: str) -> Path:
        """The file a document stands for; untitled buffers: a draft in the root."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is not None:
            return Path(path)
        root = self.workspace.root_path
        language = self.workspace.get_text_document(uri).language_id or ""
        suffix = _UNTITLED_SUFFIX.get(language, ".txt")
        return Path(root or Path.cwd()) / f"untitled{suffix}"

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint not yet published."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        task = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def _forget(self, uri: str, task: asyncio.Task[None]) -> None:
        if self.pending.get(uri) is task:
            del self.pending[uri]

    def reload_config(self) -> None:
        """Read the configs afresh (the rules and model stay loaded) and lint again."""
        try:
            self.linter.reread_config(self.options.config)
        except SourcelintError as error:  # an explicit --config now broken
            self.tell(error)
            return
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    def tell(self, error: SourcelintError) -> None:
        """Show why linting stopped; the last good diagnostics stay."""
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=f"sourcelint: {error}")
        )

    async def _lint_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        version, text = document.version, document.source
        path = self.document_path(uri)
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        loop = asyncio.get_running_loop()
        try:
            linted = await loop.run_in_executor(
                self.lint_thread, self._lint, uri, path, text, version, encoding
            )
        except SourcelintError as error:
            self.tell(error)
            return
        except Exception as error:  # a bug: say so, keep serving the other documents
            logger.exception("linting %s failed", uri)
            self.tell(internal_error(error, path))
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # a newer version is on its way: never show findings of an old one
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=version,
                diagnostics=[diagnostic(f, linted) for f in linted.findings],
            )
        )

    def _lint(
        self,
        uri: str,
        path: Path,
        text: str,
        version: int | None,
        encoding: str | types.PositionEncodingKind,
    ) -> Linted:
        """Runs in the lint thread."""
        result = self.linter.lint_file(path, text, str(path))
        settings = self.linter.resolver.settings_for(path)
        return Linted(
            uri,
            version,
            text,
            PositionMap(result.lines, encoding),
            result.findings,
            self.linter.rules(path),
            reader_name(settings, path),
            settings.readers.line_marker,
        )

    def current(self, uri: str) -> Linted | None:
        """The last lint of ``uri`` when it is of the text the editor shows now."""
        linted = self.linted.get(uri)
        document = self.workspace.text_documents.get(uri)
        if linted is None or document is None or document.version != linted.version:
            return None
        return linted

    def forget(self, uri: str) -> None:
        """A closed document: no lint pending, no diagnostics left behind."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )


def build_server(options: CliOptions) -> SourcelintServer:
    """The server and its features."""
    server = SourcelintServer(options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: SourcelintServer, params: types.InitializedParams) -> None:
        # Configs change outside the editor too (git pull): ask the client to watch them,
        # where it can; an edited config saved in the editor reloads anyway (did_save).
        watching = ls.client_capabilities.workspace
        watched = watching.did_change_watched_files if watching is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        pattern = "**/{" + ",".join(CONFIG_NAMES) + "}"
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern)]
        )
        registration = types.Registration(
            id="sourcelint-configs",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SourcelintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SourcelintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SourcelintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(to_fs_path(params.text_document.uri) or "").name in CONFIG_NAMES:
            ls.reload_config()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SourcelintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: SourcelintServer, params: types.DidChangeWatchedFilesParams) -> None:
        names = {Path(to_fs_path(change.uri) or "").name for change in params.changes}
        if names & set(CONFIG_NAMES):
            ls.reload_config()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: SourcelintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.current(params.text_document.uri)
        return hover(linted, params.position) if linted is not None else None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def on_code_action(
        ls: SourcelintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        linted = ls.current(params.text_document.uri)
        return code_actions(linted, params.range) if linted is not None else None

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: SourcelintServer, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.lint_thread.shutdown(wait=False, cancel_futures=True)

    return server
