"""Deprecated home of the finding types, kept so rule plugins written for 0.1 still load:
import them from ``sourcelint`` (``from sourcelint import Category, Hit, Severity``)."""

import warnings

from sourcelint.core.findings import Category, Finding, Hit, Severity

__all__ = ["Category", "Finding", "Hit", "Severity"]

warnings.warn(
    "sourcelint.findings is deprecated: import Category, Hit, Severity and Finding from sourcelint",
    DeprecationWarning,
    stacklevel=2,
)
