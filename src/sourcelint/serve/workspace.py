"""The served directory: which files may be opened, and linting them one at a time."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from sourcelint.config import normalize_path
from sourcelint.config.discovery import collect_targets
from sourcelint.core.errors import SourcelintError
from sourcelint.core.escapes import unsurrogate
from sourcelint.core.files import read_text
from sourcelint.core.results import FileResult
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.run.drafts import Linter
from sourcelint.serve.safety import Refused, draft_path, hostile_path, inside

DEFAULT_DRAFT = "draft.md"


@dataclass(frozen=True)
class Linted:
    """A file or draft as linted for the page: the page renders it."""

    path: str  # as the page shows it
    text: str
    result: FileResult
    rules: dict[str, RuleMeta]


class Workspace:
    """A directory served read only, with one linter for every request.

    The linter (its rules, its model) is not thread-safe and costly to build, so one is
    shared and every use of it, listing included (they share the config cache), holds
    ``lock``. Configs are read once, on first use, as in one ``check`` run.
    """

    def __init__(
        self, root: Path, *, config: Path | None = None, pipeline: str | None = None
    ) -> None:
        self.root = normalize_path(root)
        # Symlinks resolved, to tell whether a file really lies under the directory.
        self.real_root = self.root.resolve()
        self.linter = Linter(config, pipeline=pipeline)
        self.lock = threading.Lock()

    def check_config(self) -> None:
        """Raise the error ``check`` would report for the directory's own config."""
        self.linter.resolver.settings_for_directory(self.root)

    def files(self) -> dict[str, Path]:
        """Each lintable file, by its path relative to the directory (POSIX, shown as
        ``check`` shows names that are not UTF-8): the files ``check DIR`` lints, less
        any symlink that leads out of the directory."""
        return self.listing()[0]

    def listing(self) -> tuple[dict[str, Path], list[str]]:
        """``files()``, and what ``check DIR`` would report instead of linting (a broken
        config in a subdirectory, an unreadable directory)."""
        with self.lock:
            collected = collect_targets([self.root], self.linter.resolver)
        listed: dict[str, Path] = {}
        for target in collected.targets:
            path = normalize_path(target.path, self.linter.resolver.cwd)
            if inside(self.real_root, path):
                listed.setdefault(unsurrogate(path.relative_to(self.root).as_posix()), path)
        return listed, [unsurrogate(str(error)) for error in collected.errors]

    def open(self, rel: str) -> Linted:
        """The listed file ``rel`` linted, as ``check`` lints it."""
        path = self.files().get(rel)
        if path is None:
            if hostile_path(rel):
                raise Refused(403, "path must be a file listed under the served directory")
            raise Refused(404, "no such lintable file under the served directory")
        # Checked again at the read: the symlink may have changed since the listing.
        if not inside(self.real_root, path):
            raise Refused(403, "path must be a file listed under the served directory")
        try:
            text = read_text(path, rel)
        except SourcelintError as error:
            raise Refused(422, str(error), error.code) from None
        return self._lint(path, text, rel)

    def lint_draft(self, text: str, name: str | None) -> Linted:
        """``text`` linted as if it were the file ``name`` under the directory."""
        name = name or DEFAULT_DRAFT
        return self._lint(draft_path(self.root, self.real_root, name), text, name)

    def warm(self) -> None:
        """Build the rules (and load the model) before the first request needs them."""
        try:
            self.lint_draft("Warming up.", None)
        except Exception:  # the first real request reports it, as JSON
            return

    def _lint(self, path: Path, text: str, display: str) -> Linted:
        with self.lock:
            result = self.linter.lint_file(path, text, display)
            rules = self.linter.rules(path)
        return Linted(display, text, result, rules)
