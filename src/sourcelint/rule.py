"""Deprecated home of ``Rule`` and ``RuleMeta``, kept so rule plugins written for 0.1
still load: import them from ``sourcelint`` (``from sourcelint import Rule, RuleMeta``)."""

import warnings

from sourcelint.checks.rule import Check, CheckFactory, Rule
from sourcelint.core.rule_meta import Example, RuleMeta

__all__ = ["Check", "CheckFactory", "Example", "Rule", "RuleMeta"]

warnings.warn(
    "sourcelint.rule is deprecated: import Rule, RuleMeta and Example from sourcelint",
    DeprecationWarning,
    stacklevel=2,
)
