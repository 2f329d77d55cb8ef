"""Errors with stable codes: each names what is wrong and where (file, and key for config).

Each class's code is explained in ``core/error_codes.py`` (``sourcelint explain E101``);
a test fails for a class without its explanation there.
"""

from __future__ import annotations

from pathlib import Path

from sourcelint.core.escapes import visible


class SourcelintError(Exception):
    """Base error; ``code`` is stable so users and tests can rely on it."""

    code = "E000"

    def __init__(
        self, message: str, *, path: Path | str | None = None, key: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.key = key

    def __str__(self) -> str:
        where = self.path or ""
        if self.key:
            where = f"{where}: key '{self.key}'" if where else f"key '{self.key}'"
        return f"{where}: {self.message}" if where else self.message

    def render(self) -> str:
        """One line for the terminal: ``error[E101]: file: key 'x': what is wrong``.

        A control character from a file name, key or value is shown as an escape (``\\x1b``),
        never sent to the terminal."""
        return f"error[{self.code}]: {visible(str(self))}"


class ConfigError(SourcelintError):
    """A configuration file cannot be read or holds an invalid value."""

    code = "E101"


class InputError(SourcelintError):
    """A file to lint cannot be read, is binary, too large or not valid UTF-8."""

    code = "E201"


class RulePackError(SourcelintError):
    """A rule pack (TOML) or a plugin rule is malformed."""

    code = "E301"


class PipelineError(SourcelintError):
    """The analysis pipeline cannot be built (for example a missing spaCy model)."""

    code = "E401"


class CacheError(SourcelintError):
    """A folder named as the results cache is not one sourcelint made (no cache tag)."""

    code = "E501"


class AuditError(SourcelintError):
    """An audit cannot start or resume in its output folder, or cannot read its inputs."""

    code = "E601"


class InternalError(SourcelintError):
    """sourcelint itself failed (a bug): reported per file, never as findings (exit 2)."""

    code = "E900"

    def __init__(self, message: str, *, path: Path | str | None = None, details: str = "") -> None:
        super().__init__(message, path=path)
        # The traceback, shown with --verbose; kept as text so it crosses process pools.
        self.details = details
