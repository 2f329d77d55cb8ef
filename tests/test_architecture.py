"""The shape of the house (docs/architecture.md), checked as the code changes.

The stage order and the absence of import cycles are import-linter contracts
(``[tool.importlinter]`` in pyproject.toml); function complexity is ruff's C901 (run
in CI). Module length and copied blocks are checked here.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "sourcelint"
MAX_MODULE_LINES = 500
COPY_LINES = 6


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_stages_keep_their_order_and_no_package_has_an_import_cycle():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=SRC.parent.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, stripped text) of the lines that carry code: not blank, not a lone
    bracket or quote mark, not a comment, not an import (imports repeat by nature)."""
    kept = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if text.strip('()[]{},:"') and not text.startswith(("#", "from ", "import ")):
            kept.append((number, text))
    return kept


def test_no_block_of_six_lines_is_copied_within_src():
    places: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for path in _modules():
        lines = _code_lines(path)
        for index in range(len(lines) - COPY_LINES + 1):
            window = lines[index : index + COPY_LINES]
            key = tuple(text for _, text in window)
            places[key].append(f"{path.relative_to(SRC)}:{window[0][0]}")
    copies = {key: where for key, where in places.items() if len(where) > 1}
    assert not copies, "\n".join(
        " ~ ".join(where) + "\n    " + "\n    ".join(key) for key, where in copies.items()
    )


def test_no_module_is_over_500_lines():
    long = {}
    for path in _modules():
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_MODULE_LINES:
            long[str(path.relative_to(SRC))] = count
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


# The stages, in the order data flows; each is a package of sourcelint.
STAGES = ("readers", "config", "analysis", "checks", "filters", "formats")


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_only_the_engine_reaches_into_more_than_one_stage():
    """Wiring several stages together is the engine's job, not a stage's or a command's."""
    import grimp

    graph = grimp.build_graph("sourcelint")
    wide = {}
    for module in sorted(graph.modules):
        imported = {_stage(other) for other in graph.find_modules_directly_imported_by(module)}
        others = sorted(imported & set(STAGES) - {_stage(module)})
        if len(others) > 1 and module != "sourcelint.engine":
            wide[module] = others
    assert not wide, f"modules wiring several stages besides the engine: {wide}"
