"""The analysis tiers' names: one home, light enough for the CLI, config and formats.

``parse`` runs the verified statistical model; ``fast`` needs none. ``accurate`` is the
old name of ``parse`` and is still accepted.
"""

from __future__ import annotations

from sourcelint.core.errors import PipelineError

TIERS = ("parse", "fast")
# "fast" stays the default until the parse tier's kinds of source meet their targets
# (docs/quality.md); then this becomes "parse".
DEFAULT_TIER = "fast"
# Old names still accepted on the command line and in configs.
TIER_ALIASES = {"accurate": "parse"}


def tier_name(name: str) -> str:
    """The tier a user's name stands for; PipelineError for an unknown one."""
    tier = TIER_ALIASES.get(name, name)
    if tier not in TIERS:
        known = ", ".join((*TIERS, *TIER_ALIASES))
        raise PipelineError(f"unknown pipeline {name!r}; use one of: {known}")
    return tier
